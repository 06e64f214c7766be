import { partiesInResponse } from '../domain/response-parties.js';
import type { PermissionCheckRecord, SystemQueryRecord } from '../domain/session-schemas.js';
import { type Approval, approvalsOf, checkActions, statesFromApprovals } from './_guard-actions.js';
import { checkContactHandles, checkNamedPhones, checkOtherCustomers } from './_guard-privacy.js';
import { checkStatuses, type StatusName, statesFromResponses } from './_guard-statuses.js';
import { isQuestion, normalizeDraft, sentenceAt } from './_guard-text.js';
import {
  collectJsonEvidence,
  collectJsonText,
  collectUtteranceEvidence,
  type DateFact,
  type Evidence,
  extractAmounts,
  extractDates,
  extractDurations,
  extractNumbers,
  extractRelativeDates,
  type RelativeDateFact,
  resolveRelativeDate,
} from './extract-facts.js';

/** What the guard reads: the draft and everything this call has established. */
export interface GuardReplyInput {
  draft: string;
  /** The call's language; both languages are always checked because callers switch. */
  language: 'zh' | 'en';
  /** The caller's normalised phone: the one number a reply may say. */
  callerPhone: string;
  /** The caller's names (as stored, as learned in the call), never counted as another customer's. */
  callerNames?: readonly string[];
  permissionChecks: readonly PermissionCheckRecord[];
  /**
   * Approvals recorded for this call outside `permissionChecks` (a supervisor's grant): each
   * vouches for its action as an approved check would.
   */
  grants?: readonly Approval[];
  systemQueries: readonly SystemQueryRecord[];
  /** Everything the customer said in this call, the current utterance included. */
  customerUtterances: readonly string[];
  otherCustomers: ReadonlyArray<{ name: string; phone: string }>;
  /** Numbers from the product's own rules, SLA and FAQ (100元 thresholds, 2小时, 1到3个工作日). */
  allowedNumbers?: readonly number[];
  /**
   * The call's date (YYYY-MM-DD) to read 明天 / next Friday against; by default the date of the
   * latest recorded query or check. Without either, a relative date needs the same words in a
   * query result or the customer's words.
   */
  today?: string;
}

export type GuardRule =
  | 'commitment_without_approval'
  | 'other_customer_data'
  | 'unverified_fact'
  | 'unverified_status';

export type GuardVerdict = { ok: true } | { ok: false; rule: GuardRule; detail: string };

function same(a: number, b: number): boolean {
  return Math.abs(a - b) < 0.005;
}

function dateMatches(stated: DateFact, known: DateFact): boolean {
  if (stated.day !== known.day) return false;
  if (stated.month !== undefined && known.month !== undefined && stated.month !== known.month) return false;
  if (stated.year !== undefined && known.year !== undefined && stated.year !== known.year) return false;
  return true;
}

/** The call's date: given, or the date of the latest query or check recorded with a time. */
function callDate(input: GuardReplyInput): string | undefined {
  if (input.today && /^\d{4}-\d{2}-\d{2}$/.test(input.today)) return input.today;
  const stamps = [...input.systemQueries, ...input.permissionChecks]
    .map((r) => r.at)
    .filter((a): a is string => typeof a === 'string' && /^\d{4}-\d{2}-\d{2}/.test(a))
    .sort();
  return stamps.at(-1)?.slice(0, 10);
}

/** A known date (possibly without year or month) falls in one of the ranges a relative date means. */
function inRanges(known: DateFact, ranges: Array<{ from: string; to: string }>, today: string): boolean {
  const years =
    known.year !== undefined ? [known.year] : [Number(today.slice(0, 4)), Number(today.slice(0, 4)) + 1];
  for (const y of years) {
    for (const r of ranges) {
      if (known.month === undefined) {
        // A bare 20号 from the customer: any month the range touches.
        for (
          let d = new Date(`${r.from}T00:00:00Z`);
          d <= new Date(`${r.to}T00:00:00Z`);
          d = new Date(d.getTime() + 86_400_000)
        ) {
          if (d.getUTCDate() === known.day) return true;
        }
        continue;
      }
      const iso = `${String(y).padStart(4, '0')}-${String(known.month).padStart(2, '0')}-${String(known.day).padStart(2, '0')}`;
      if (iso >= r.from && iso <= r.to) return true;
    }
  }
  return false;
}

function relativeGrounded(
  fact: RelativeDateFact,
  context: { today: string | undefined; dates: readonly DateFact[]; texts: readonly string[] },
): boolean {
  const words = fact.text.replace(/\s+/g, ' ').toLowerCase();
  if (context.texts.some((t) => t.toLowerCase().includes(words))) return true;
  if (context.today) {
    const ranges = resolveRelativeDate(fact, context.today);
    return context.dates.some((d) => inRanges(d, ranges, context.today!));
  }
  return fact.day !== undefined && context.dates.some((d) => d.day === fact.day);
}

function unverified(detail: string): GuardVerdict {
  return { ok: false, rule: 'unverified_fact', detail };
}

function checkFacts(draft: string, input: GuardReplyInput, approvals: readonly Approval[]): GuardVerdict {
  const amounts = extractAmounts(draft);
  const dates = extractDates(draft);
  const relative = extractRelativeDates(draft).filter((r) => {
    // A question about a day (您是明天方便吗？) asks; it tells the caller nothing.
    const at = draft.indexOf(r.text);
    return at === -1 || !isQuestion(sentenceAt(draft, at, r.text.length));
  });
  const durations = extractDurations(draft);
  if (amounts.length + dates.length + relative.length + durations.length === 0) return { ok: true };
  const responses = input.systemQueries.filter((q) => q.ok).map((q) => q.response);
  const fromQueries = collectJsonEvidence(responses);
  const fromCustomer = collectUtteranceEvidence(input.customerUtterances);
  const evidence: Evidence = {
    numbers: [
      ...fromQueries.numbers,
      ...fromCustomer.numbers,
      ...(input.allowedNumbers ?? []),
      ...approvals.flatMap((a) => extractNumbers(a.action)),
    ],
    dates: [...fromQueries.dates, ...fromCustomer.dates],
  };
  for (const amount of amounts) {
    if (!evidence.numbers.some((n) => same(n, amount.value))) {
      return unverified(
        `The amount "${amount.text}" appears in no system query result of this call nor in the customer's words: query the system first, or leave the amount out.`,
      );
    }
  }
  for (const date of dates) {
    if (!evidence.dates.some((d) => dateMatches(date, d))) {
      return unverified(
        `The date "${date.text}" appears in no system query result of this call nor in the customer's words: query the system first, or leave the date out.`,
      );
    }
  }
  const today = callDate(input);
  const texts = [...collectJsonText(responses), ...input.customerUtterances.map((u) => u.normalize('NFKC'))];
  for (const fact of relative) {
    if (!relativeGrounded(fact, { today, dates: evidence.dates, texts })) {
      return unverified(
        `"${fact.text}" gives a date no system query result of this call shows: say only dates a query returned, or the product's own time frame (its SLA), e.g. "预计2小时内回复".`,
      );
    }
  }
  for (const duration of durations) {
    const missing = duration.values.find((v) => !evidence.numbers.some((n) => same(n, v)));
    if (missing !== undefined) {
      return unverified(
        `The time frame "${duration.text}" is neither the product's (its SLA, FAQ or rules) nor in a query result of this call: use the product's own time frames.`,
      );
    }
  }
  return { ok: true };
}

/** The states this call has established: query results, approved actions, requests under review. */
function knownStates(
  input: GuardReplyInput,
  approvals: readonly Approval[],
  today: string | undefined,
): Set<StatusName> {
  const responses = input.systemQueries.filter((q) => q.ok).map((q) => q.response);
  const states = statesFromResponses(responses, today);
  for (const s of statesFromApprovals(approvals)) states.add(s);
  // A request this call sent to a supervisor or a process is, truthfully, being processed.
  if (
    input.permissionChecks.some((c) => c.status === 'requires_supervisor' || c.status === 'requires_process')
  ) {
    states.add('pending');
  }
  return states;
}

/**
 * Reads a draft reply before the customer hears it. Pure: the verdict depends only on the input.
 * The draft is read as heard: NFKC, without invisible characters, Chinese digits as digits.
 * Rules, most serious first:
 * - another customer's data never goes out: a phone (full, masked, in part, in Chinese numerals,
 *   split by spaces or invisible characters), a name, a surname with a title, a third person's account;
 * - nor a contact handle a system returned (a WeChat, QQ or e-mail) the caller did not say first;
 * - an action said to be done or promised (已退款, 马上到账, 今天之内退给您, consider it done,
 *   you'll have it by Friday) needs an approved check or grant for that action in this call;
 * - an account status (已过期, frozen, 欠费, shipped …) must be one a query of this call showed;
 * - amounts, dates (absolute and relative: 明天, 下个月5号, next Monday) and time frames (2小时内)
 *   must come from this call's query results, the customer's words or the product's own rules.
 *
 * @example guardReply({ draft: '钱马上就到账', ... }) // { ok: false, rule: 'commitment_without_approval', ... }
 */
export function guardReply(input: GuardReplyInput): GuardVerdict {
  const draft = normalizeDraft(input.draft);
  // Who complained, a neighbour, a parcel's other end: people this call's queries named are
  // someone else as much as another customer on file is.
  const named = input.systemQueries.flatMap((q) => partiesInResponse(q.response));
  const privacy = checkOtherCustomers(
    draft,
    named.length === 0 ? input : { ...input, otherCustomers: [...input.otherCustomers, ...named] },
  );
  if (!privacy.ok) return privacy;
  const handles = checkContactHandles(draft, input);
  if (!handles.ok) return handles;
  const phones = checkNamedPhones(draft, input);
  if (!phones.ok) return phones;
  const approvals = approvalsOf(input.permissionChecks, input.grants);
  const states = knownStates(input, approvals, callDate(input));
  const actions = checkActions({ draft, approvals, knownStates: states });
  if (!actions.ok) return actions;
  const statuses = checkStatuses(draft, states);
  if (!statuses.ok) return statuses;
  return checkFacts(draft, input, approvals);
}
