import { maskPhone } from '../../domain/phone.js';
import type { PermissionCheckRecord, SystemQueryRecord } from '../../domain/session-schemas.js';
import { findActionRequests } from '../../permissions/index.js';
import {
  collectJsonEvidence,
  collectUtteranceEvidence,
  type DateFact,
  type Evidence,
  extractAmounts,
  extractDates,
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
  systemQueries: readonly SystemQueryRecord[];
  /** Everything the customer said in this call, the current utterance included. */
  customerUtterances: readonly string[];
  otherCustomers: ReadonlyArray<{ name: string; phone: string }>;
  /** Numbers from the product's own rules, SLA and FAQ (100元 thresholds, 2小时, 1到3个工作日). */
  allowedNumbers?: readonly number[];
}

export type GuardRule = 'commitment_without_approval' | 'other_customer_data' | 'unverified_fact';

export type GuardVerdict = { ok: true } | { ok: false; rule: GuardRule; detail: string };

/** An action concept: the words that name it in a clause or in a permission check's action. */
interface ConceptWords {
  concept: string;
  words: RegExp;
}

/** Order matters only for readability; a clause may name several concepts. */
const CONCEPTS: ConceptWords[] = [
  {
    concept: 'refund',
    words: /退款|退费|退钱|退回|退还|退了|退给|退您|给您退|原路退|refund|money back|reimburs/i,
  },
  {
    concept: 'cancel_auto_renew',
    words:
      /自动续费|续费|自动扣费|续订|auto[- ]?renew|renewal|recurring (?:payment|billing|charge)|auto[- ]?pay/i,
  },
  {
    concept: 'close_account',
    words:
      /注销|销户|关闭账[号户]|账[号户][^，。！？,.!?]{0,4}(?:关闭|关掉|注销)|close (?:your |the )?account|account (?:is |has been |was )?(?:now )?(?:closed|deleted|deactivated|terminated)|(?:deleted?|deactivated?|terminated?) (?:your |the )?account|account (?:closure|deletion)/i,
  },
  { concept: 'reset_password', words: /密码|password/i },
  {
    concept: 'cancel_subscription',
    words:
      /取消(?:了)?(?:您的)?(?:会员|订阅)|(?:会员|订阅)(?:服务)?(?:已经?|都已经?)?(?:取消|退订)|退订|cancell?(?:ed|ing)? (?:your |the )?(?:subscription|membership)|(?:subscription|membership) (?:has been |is |was )?(?:now )?cancell?ed|unsubscribed?/i,
  },
  { concept: 'compensation', words: /赔偿|补偿|compensat/i },
  { concept: 'reissue_benefits', words: /补发|权益|reissue|re-issue/i },
  { concept: 'extension', words: /延期|延长|extend|extension/i },
  { concept: 'complaint', words: /投诉|complaint/i },
];

/** Phrases that claim an action is already done (not offered, not planned, not refused). */
const COMMITMENT_MARKERS: RegExp[] = [
  // 已为您退款 / 已经给您退了 / 已取消 / 已关闭 / 已注销 / 已重置 / 已经处理好 (not 已取消的订单: a description).
  /已(?:经)?(?:都)?(?:为您|给您|帮您|替您|为你|给你|帮你)?(?:成功)?(?:办理了?)?(?:退款|退费|退钱|退回|退还|退了|退(?=[\d零一二两三四五六七八九十百])|取消|关闭|关掉|关了|停掉|停了|注销|销户|重置|重设|修改|补发|补偿|赔偿|延期|延长|恢复|解绑|处理好|处理完|办好|搞定)(?:了)?(?!的)/g,
  // 退款成功 / 取消完成 / 处理好了 (not 退款成功后: a condition).
  /(?:退款|退费|取消|关闭|注销|重置|补发|处理|办理)(?:已经?)?(?:成功|完成|好了|完毕)(?![后之以])/g,
  // 帮您关掉了 / 给您退了 / 帮您把自动续费关了.
  /(?:帮|给|为|替)(?:您|你)(?:把[^，。！？,.!?]{0,12})?(?:退|关|取消|注销|重置|停|改)(?:掉了|好了|了)/g,
  // 自动续费已关闭 / 账号已经注销 / 密码已重置.
  /(?:自动续费|续费|订阅|会员|账号|账户|密码)(?:已经?|都已经?)(?:被|为您|帮您)?(?:取消|关闭|关掉|关了|停|注销|重置|改好)/g,
  /\b(?:I|we)(?:'ve| have)\s+(?:(?:just|now|already|successfully|gone ahead and)\s+)*(?:refunded|cancell?ed|closed|reset|turned off|switched off|disabled|deleted|deactivated|processed|issued|credited|stopped|removed|compensated|extended|reissued|unsubscribed|terminated)\b/gi,
  /\b(?:I|we)\s+(?:just\s+|now\s+|already\s+)?(?:refunded|cancell?ed|closed|turned off|switched off|disabled|deleted|deactivated|issued|credited|stopped|reissued|terminated)\b/gi,
  /\b(?:refund|renewal|auto[- ]?renew(?:al)?|subscription|membership|account|password|credit|compensation)\s+(?:has|have|is|was|were)\s+(?:(?:now|already|just)\s+)?(?:been\s+)?(?:(?:now|already|just|successfully)\s+)?(?:issued|processed|refunded|cancell?ed|closed|reset|turned off|switched off|disabled|deleted|deactivated|stopped|completed|sent|credited|terminated|off)\b/gi,
  /\b(?:refunded you|you(?:'ve| have) been refunded|you(?:'ll| will) (?:see|get|receive) (?:the|your) (?:refund|money))\b/gi,
  /(?:^|[.!?]\s+)(?:all\s+)?done\b[.!]?/gim,
  /\b(?:it'?s|that'?s|everything'?s|everything is|it is|that is)\s+(?:all\s+)?(?:been\s+)?(?:done|taken care of|sorted)\b/gi,
];

const CLAUSE_BREAK = /[，,；;。！？!?\n]/;
const SENTENCE_BREAK = /[；;。！？!?\n]/;

/** A break character at `i`; a period only when a space or the end follows (not in $15.00). */
function isBreak(text: string, i: number, breaks: RegExp): boolean {
  const c = text[i]!;
  if (c === '.') return i + 1 >= text.length || /\s/.test(text[i + 1]!);
  return breaks.test(c);
}

/** The text around a match, out to the nearest break on either side. */
function around(text: string, index: number, length: number, breaks: RegExp): string {
  let start = index;
  while (start > 0 && !isBreak(text, start - 1, breaks)) start--;
  let end = index + length;
  while (end < text.length && !isBreak(text, end, breaks)) end++;
  return text.slice(start, end);
}

function conceptsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const { concept, words } of CONCEPTS) if (words.test(text)) out.add(concept);
  return out;
}

/** Concepts named by the permissions engine's own parser (its names), kept apart from ours. */
function engineConceptsOf(text: string): Set<string> {
  try {
    return new Set(findActionRequests(text).map((r) => r.concept));
  } catch {
    return new Set();
  }
}

interface Commitment {
  phrase: string;
  clause: string;
  ours: Set<string>;
  engine: Set<string>;
}

function findCommitments(draft: string): Commitment[] {
  const found: Commitment[] = [];
  for (const marker of COMMITMENT_MARKERS) {
    for (const m of draft.matchAll(marker)) {
      const phrase = m[0].trim();
      let clause = around(draft, m.index, m[0].length, CLAUSE_BREAK);
      let ours = conceptsOf(clause);
      let engine = engineConceptsOf(clause);
      if (ours.size === 0 && engine.size === 0) {
        // 好的，已经帮您关掉了: the object may sit elsewhere in the sentence.
        clause = around(draft, m.index, m[0].length, SENTENCE_BREAK);
        ours = conceptsOf(clause);
        engine = engineConceptsOf(clause);
      }
      found.push({ phrase, clause: clause.trim(), ours, engine });
    }
  }
  return found;
}

function covers(needed: Set<string>, approved: Set<string>): boolean {
  return needed.size > 0 && [...needed].every((c) => approved.has(c));
}

function checkCommitments(draft: string, checks: readonly PermissionCheckRecord[]): GuardVerdict {
  const commitments = findCommitments(draft);
  if (commitments.length === 0) return { ok: true };
  const approved = checks.filter((c) => c.status === 'can_approve_immediately');
  const approvedOurs = new Set(approved.flatMap((c) => [...conceptsOf(c.action)]));
  const approvedEngine = new Set(approved.flatMap((c) => [...engineConceptsOf(c.action)]));
  for (const c of commitments) {
    const generic = c.ours.size === 0 && c.engine.size === 0;
    const ok = generic
      ? approved.length > 0
      : covers(c.ours, approvedOurs) || covers(c.engine, approvedEngine);
    if (!ok) {
      const what = generic ? 'an action' : [...(c.ours.size > 0 ? c.ours : c.engine)].join(', ');
      return {
        ok: false,
        rule: 'commitment_without_approval',
        detail: `"${c.phrase}" says ${what} is done, but no permission check approved it in this call (call check_permission first, and say only what its outcome allows).`,
      };
    }
    // An approved 退款50元 does not vouch for 已为您退款200元.
    const stated = extractAmounts(c.clause).map((a) => a.value);
    if (stated.length > 0) {
      const matching = approved.filter((a) => {
        const ours = conceptsOf(a.action);
        const engine = engineConceptsOf(a.action);
        return [...c.ours].some((x) => ours.has(x)) || [...c.engine].some((x) => engine.has(x)) || generic;
      });
      const approvedAmounts = matching.flatMap((a) => extractAmounts(a.action).map((x) => x.value));
      const bad = stated.find((v) => approvedAmounts.length > 0 && !approvedAmounts.some((x) => same(x, v)));
      if (bad !== undefined) {
        return {
          ok: false,
          rule: 'commitment_without_approval',
          detail: `"${c.clause}" commits to ${bad}, but the approved check covers ${approvedAmounts.join(', ')}.`,
        };
      }
    }
  }
  return { ok: true };
}

const CN_PHONE_DIGITS: Record<string, string> = {
  零: '0',
  〇: '0',
  洞: '0',
  一: '1',
  幺: '1',
  二: '2',
  两: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};

/** Digits as a reply may speak them: 139-1234-5678, 139 1234 5678, 一三九一二三四五六七八. */
function phoneCandidates(draft: string): string[] {
  const digits = [...draft.normalize('NFKC')].map((c) => CN_PHONE_DIGITS[c] ?? c).join('');
  const joined = digits.replace(/(?<=\d)[\s\-–.]+(?=\d)/g, '');
  return [...joined.matchAll(/(?<!\d)(?:\+?86)?(1[3-9]\d{9})(?!\d)/g)].map((m) => m[1]!);
}

function maskName(name: string): string {
  const chars = [...name];
  return `${chars[0] ?? ''}${'*'.repeat(Math.max(1, chars.length - 1))}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function mentionsName(draft: string, name: string): boolean {
  if (/^[\p{Script=Latin}\s.'-]+$/u.test(name)) {
    return new RegExp(`(?<![\\p{L}])${escapeRegExp(name)}(?![\\p{L}])`, 'iu').test(draft);
  }
  return draft.includes(name);
}

const HONORIFIC_ZH = /^(\p{Script=Han})(?:先生|女士|小姐|老师|阿姨|大爷)$/u;
const HONORIFIC_EN = /^(?:Mr|Ms|Mrs|Miss|Dr)\.?\s+([\p{L}'-]+)$/iu;

/** Surnames the caller gave for themselves in this call (我姓王, 我是王先生, I'm Mr. Wang). */
function callerSurnames(utterances: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const u of utterances) {
    for (const m of u.matchAll(/(?:我姓|本人姓|我是|我叫)(\p{Script=Han})/gu)) out.add(m[1]!);
    for (const m of u.matchAll(
      /\b(?:my name is|i'm|i am|this is)\s+(?:(?:mr|ms|mrs|miss|dr)\.?\s+)?([\p{L}'-]+)/giu,
    )) {
      out.add(m[1]!.toLowerCase());
    }
  }
  return out;
}

/**
 * 王先生 is what anyone called Wang is called: when the caller said they are a Wang, another
 * customer stored as 王先生 is not being revealed by addressing the caller that way.
 */
function isCallersOwnHonorific(name: string, surnames: Set<string>): boolean {
  const zh = HONORIFIC_ZH.exec(name);
  if (zh) return surnames.has(zh[1]!);
  const en = HONORIFIC_EN.exec(name);
  return en ? surnames.has(en[1]!.toLowerCase()) : false;
}

function checkOtherCustomers(input: GuardReplyInput): GuardVerdict {
  for (const phone of phoneCandidates(input.draft)) {
    if (phone !== input.callerPhone) {
      return {
        ok: false,
        rule: 'other_customer_data',
        detail: `The reply says the phone number ${maskPhone(phone)}, which is not the caller's: never give out another customer's data.`,
      };
    }
  }
  const callerNames = new Set((input.callerNames ?? []).map((n) => n.trim()));
  const surnames = callerSurnames(input.customerUtterances);
  for (const other of input.otherCustomers) {
    const name = other.name.trim();
    if ([...name].length < 2 || other.phone === input.callerPhone || callerNames.has(name)) continue;
    if (isCallersOwnHonorific(name, surnames)) continue;
    if (mentionsName(input.draft, name)) {
      return {
        ok: false,
        rule: 'other_customer_data',
        detail: `The reply names another customer (${maskName(name)}): never give out another customer's data.`,
      };
    }
  }
  return { ok: true };
}

function same(a: number, b: number): boolean {
  return Math.abs(a - b) < 0.005;
}

function dateMatches(stated: DateFact, known: DateFact): boolean {
  if (stated.day !== known.day) return false;
  if (stated.month !== undefined && known.month !== undefined && stated.month !== known.month) return false;
  if (stated.year !== undefined && known.year !== undefined && stated.year !== known.year) return false;
  return true;
}

function checkFacts(input: GuardReplyInput): GuardVerdict {
  const amounts = extractAmounts(input.draft);
  const dates = extractDates(input.draft);
  if (amounts.length === 0 && dates.length === 0) return { ok: true };
  const responses = input.systemQueries.filter((q) => q.ok).map((q) => q.response);
  const fromQueries = collectJsonEvidence(responses);
  const fromCustomer = collectUtteranceEvidence(input.customerUtterances);
  const evidence: Evidence = {
    numbers: [...fromQueries.numbers, ...fromCustomer.numbers, ...(input.allowedNumbers ?? [])],
    dates: [...fromQueries.dates, ...fromCustomer.dates],
  };
  for (const amount of amounts) {
    if (!evidence.numbers.some((n) => same(n, amount.value))) {
      return {
        ok: false,
        rule: 'unverified_fact',
        detail: `The amount "${amount.text}" appears in no system query result of this call nor in the customer's words: query the system first, or leave the amount out.`,
      };
    }
  }
  for (const date of dates) {
    if (!evidence.dates.some((d) => dateMatches(date, d))) {
      return {
        ok: false,
        rule: 'unverified_fact',
        detail: `The date "${date.text}" appears in no system query result of this call nor in the customer's words: query the system first, or leave the date out.`,
      };
    }
  }
  return { ok: true };
}

/**
 * Reads a draft reply before the customer hears it. Pure: the verdict depends only on the input.
 * Rules, most serious first: another customer's data (a mainland mobile other than the caller's,
 * another customer's name) never goes out; a commitment (done, refunded, cancelled, closed — zh
 * and en) needs an approved permission check for that action in this call; money amounts and
 * dates must come from this call's system query results, the customer's words or the product's
 * own rules (`allowedNumbers`).
 *
 * @example guardReply({ draft: '已为您退款200元', ... }) // { ok: false, rule: 'commitment_without_approval', ... }
 */
export function guardReply(input: GuardReplyInput): GuardVerdict {
  const privacy = checkOtherCustomers(input);
  if (!privacy.ok) return privacy;
  const commitments = checkCommitments(input.draft, input.permissionChecks);
  if (!commitments.ok) return commitments;
  return checkFacts(input);
}
