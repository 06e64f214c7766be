import type { Bilingual } from '../domain/language.js';
import { recordsIn, responseFields } from '../domain/response-fields.js';
import type { SystemQueryRecord } from '../domain/session-schemas.js';
import {
  type CountedAmount,
  isMoneyUnit,
  MONEY_BACK_CONCEPTS,
  type PermissionDecision,
} from '../permissions/index.js';
import { overruled } from './overrule.js';

// What a call's queries say is owed back to the caller: an amount the records name as due, a
// quote's worked-out result or total, errors assessed and priced, or the cases a quote prices one
// by one. The agent reads the sum a refund is checked for from it (the records', not the caller's
// guess); the session tells the permission engine whether any is shown at all.

/**
 * A response's amount due back: refund_due_rand, refundable_yuan, refund_amount, 应退金额 (not
 * not_refundable), and the total an error check found overcharged (total_overcharge: 166 beside
 * each item's own).
 */
const REFUND_DUE_KEY =
  /^(?:[a-z]+_)?(?:refundable|refund_due|refund_amount|due_refund)(?:_[a-z]+)?$|^(?:应退|可退)|^total_over_?charged?$|^over_?charged?_total$|^多收合计|^多扣合计/i;

/** What a rule gives back, worked out (refundable, refund_due, 应退); not a refund made (refund_amount). */
const NOTHING_DUE_KEY = /^(?:[a-z]+_)?(?:refundable|refund_due|due_refund)(?:_[a-z]+)?$|^(?:应退|可退)/i;

/** A refund of something, worked out in words (refund_of_mask, 退款核算). */
const REFUND_WORD_KEY = /refund|退/i;
/** The answer that none is owed (not owed: past the 7-day window; 不予退款). */
const NOT_OWED_SAID =
  /^\s*(?:not owed|nothing owed|no refund|not refundable|non-refundable|不退|不予退|不应退|不可退|无需退|无退款)/i;

/** What a call's queries show owed back (see `amountsOwed`). */
interface Owed {
  amounts: ReadonlySet<number>;
  cases: readonly QuotedCase[];
  /** A refund worked out at nothing owed (refundable: 0, 应退: 0, "not owed: …"; see `nothingOwedAssessed`). */
  nothingDue: boolean;
}

/**
 * What the call's successful queries show owed back: the amounts, and the cases a quote prices
 * apart. Read for every check of a turn, by the session and the agent alike: a call's queries are
 * only ever appended to, so they are read again only when one was added.
 */
export function amountsOwed(queries: readonly SystemQueryRecord[]): Owed {
  const known = owedRead.get(queries);
  if (known !== undefined && known.count === queries.length) return known.owed;
  const owed = readOwed(queries);
  owedRead.set(queries, { count: queries.length, owed });
  return owed;
}
const owedRead = new WeakMap<readonly SystemQueryRecord[], { count: number; owed: Owed }>();

function readOwed(queries: readonly SystemQueryRecord[]): Owed {
  const amounts = new Set<number>();
  const cases: QuotedCase[] = [];
  let nothingDue = false;
  for (const q of queries) {
    if (!q.ok) continue;
    for (const [key, value] of responseFields(q.response)) {
      if (typeof value === 'number' && value > 0 && REFUND_DUE_KEY.test(key) && !/^not_/i.test(key))
        amounts.add(value);
      if (value === 0 && NOTHING_DUE_KEY.test(key)) nothingDue = true;
      if (typeof value === 'string' && REFUND_WORD_KEY.test(key) && NOT_OWED_SAID.test(value))
        nothingDue = true;
      if (typeof value === 'string' && QUOTE_KEY.test(key)) {
        const worked = QUOTED_DUE.exec(value) ?? QUOTED_BACK.exec(value) ?? QUOTED_CAN_BACK.exec(value);
        if (worked) amounts.add(Number(worked[1]));
      }
    }
    // A quote read again (the account looked up twice) prices the same cases again: each counts once.
    for (const c of quotedCases(q.response))
      if (!cases.some((k) => k.amount === c.amount && k.words.join(' ') === c.words.join(' '))) cases.push(c);
    for (const total of quotedTotals(q.response)) amounts.add(total);
    for (const total of assessedTotals(q.response)) amounts.add(total);
  }
  return { amounts, cases, nothingDue };
}

/**
 * Whether the call's queries assess part of what was paid as not owed (an error check's
 * not_errors: 刹车片 and 补胎 charged as listed): asked for all of it, the caller is offered what is
 * owed, and told why the rest stands.
 */
export function notOwedAssessed(queries: readonly SystemQueryRecord[]): boolean {
  for (const q of queries) {
    if (!q.ok) continue;
    for (const record of recordsIn(q.response))
      for (const [key, value] of Object.entries(record))
        if (NOT_OWED_KEY.test(key) && Array.isArray(value) && value.length > 0) return true;
  }
  return false;
}
/** A list of what was found not owed: not_errors, not_owed, not_refundable, 非差错, 不退项目. */
const NOT_OWED_KEY = /^not_(?:errors?|owed|due|refundable|overcharged?)$|^(?:非差错|不退|不予退)/i;

/**
 * Whether the call's queries worked a refund out and found nothing owed (refundable: 0, 应退: 0),
 * with nothing owed shown anywhere else: money back asked is more than the rules give.
 */
export function nothingOwedAssessed(queries: readonly SystemQueryRecord[]): boolean {
  return amountsOwed(queries).nothingDue && !moneyOwedShown(queries);
}

/** Whether the call's queries show any money owed back to the caller (see `amountsOwed`). */
export function moneyOwedShown(queries: readonly SystemQueryRecord[]): boolean {
  const { amounts, cases } = amountsOwed(queries);
  return amounts.size > 0 || cases.length > 0;
}

/**
 * The total a quote gives back on the call, its cases added up (total_on_the_call: 5300 beside
 * duplicate_payment: 4300 and late_delivery_fee: 1000): what a caller asking their money back is due.
 */
function quotedTotals(response: unknown): number[] {
  const totals: number[] = [];
  for (const [name, value] of quoteEntries(response))
    if (typeof value === 'number' && value > 0 && /^total(?:_|$)/i.test(name)) totals.push(value);
  return totals;
}

/**
 * What the records assess as owed:
 * - its items added up (error_assessment: [{ item: 路引花少布置3组, amount: 180 }, { item: 司仪迟到42分钟,
 *   amount: 360 }] → 540): the errors a supervisor on the spot found, each priced, are what a caller
 *   asking money back for them is due;
 * - what an error check found overcharged in all, named plainly beside its finding (error_check:
 *   { finding: 起息日误录…, overcharge: 200, not_errors: […] }): the check's own sum, not an item's
 *   (errors: [{ item, overcharge: 165 }] holds no finding of its own).
 */
function assessedTotals(response: unknown): number[] {
  const totals: number[] = [];
  for (const record of recordsIn(response)) {
    const check = Object.keys(record).some((key) => CHECK_FINDING_KEY.test(key));
    for (const [key, value] of Object.entries(record)) {
      if (check && typeof value === 'number' && value > 0 && OVERCHARGE_KEY.test(key)) totals.push(value);
      if (!ASSESSED_KEY.test(key) || !Array.isArray(value)) continue;
      const amounts = value.map((item) =>
        item !== null && typeof item === 'object' ? (item as Record<string, unknown>).amount : undefined,
      );
      if (amounts.length > 0 && amounts.every((a): a is number => typeof a === 'number' && a > 0))
        totals.push(amounts.reduce((sum, a) => sum + a, 0));
    }
  }
  return totals;
}
const OVERCHARGE_KEY = /^over_?charged?(?:_[a-z]+)?$|^多收(?:金额)?$|^多扣(?:金额)?$/i;
/** What an error check records of itself: its finding, or what it found and did not find. */
const CHECK_FINDING_KEY = /^(?:findings?|not_errors|errors_found|结论|核对结果|认定)$/i;

/** A response's list of what was found owed, item by item (error_assessment, assessed_errors, 差错认定). */
const ASSESSED_KEY = /assess|认定|核定/i;

/** The entries of every quote in a response (a field named quote, 测算 or 核算 holding an object). */
function* quoteEntries(response: unknown): Generator<[string, unknown]> {
  for (const record of recordsIn(response))
    for (const [key, quote] of Object.entries(record))
      if (QUOTE_KEY.test(key) && quote !== null && typeof quote === 'object' && !Array.isArray(quote))
        yield* Object.entries(quote as Record<string, unknown>);
}

/** A refund a quote works out for one case (refund_short_8: 1,680; cancel_200_chairs: refund 16,000). */
export interface QuotedCase {
  /** The case's words, from its key (short, 8; cancel, 200, chairs). */
  words: string[];
  amount: number;
}

/**
 * The refunds a response's quote gives case by case: a quote's entry named for a refund with its
 * amount (refund_short_8: { amount: 1680 }), or an entry of any name giving its refund
 * (cancel_200_chairs_and_200_chair_covers: { refund: 16000 }).
 */
function quotedCases(response: unknown): QuotedCase[] {
  const cases: QuotedCase[] = [];
  for (const [name, entry] of quoteEntries(response)) {
    // owed_for_failed_lessons: { total: 35000 }: a case named for money owed is a refund too.
    const named = /^(?:refund|owed|due)(?:_|$)/i.test(name);
    const fields = entry !== null && typeof entry === 'object' ? (entry as Record<string, unknown>) : {};
    // placement_test_not_taken_off: { amount: 10000, to: 'Moov Africa Money …' }: an amount with
    // where it goes is money paid out to the caller, whatever the case is named.
    const paidOut = named || (typeof fields.to === 'string' && fields.to !== '');
    const amount =
      typeof entry === 'number' && named
        ? entry
        : [
            fields.refund,
            fields.refund_amount,
            fields.refundable,
            fields.owed,
            paidOut ? fields.amount : undefined,
            named ? fields.total : undefined,
            // cancel_job_advert: { refund_if_cancelled_before_15_00_today: 24 }: a refund on its terms.
            ...Object.entries(fields)
              .filter(([key]) => /^refund_(?!to\b|account|method)/i.test(key))
              .map(([, value]) => value),
          ].find((v): v is number => typeof v === 'number' && v > 0);
    if (amount !== undefined) cases.push({ words: caseWords(name), amount });
  }
  return cases;
}

/** A quote's case key as words: refund_short_8 → short, 8 (refund names every case). */
function caseWords(key: string): string[] {
  return key
    .toLowerCase()
    .split(/[^a-z0-9\u4e00-\u9fff]+/)
    .filter((w) => w !== '' && w !== 'refund')
    .map(singular);
}

/** A word without its plural's s (chairs → chair), as a case key and a caller's line are compared. */
export function singular(word: string): string {
  return word.replace(/s$/, '');
}

/** A response's worked-out quote in words (adjust_quote, refund_quote, cancel_calc, 测算). */
const QUOTE_KEY = /quote|calc|测算|核算/i;

/**
 * The result of the sum a quote works out, said due back (4晚×8元＝32元，可退还; 两班×40元＝80元，可补发;
 * 2 x £20 = £40 refundable): the amount after the equals sign.
 */
const QUOTED_DUE =
  /[=＝]\s*[¥￥£$€]?\s*(\d+(?:\.\d+)?)\s*(?:元|块|rmb|cny)?[^。!?！？]{0,16}?(?:可退|应退|退还|退回|可补发|应补发|补发|refund|due back|to be refunded)/i;

/**
 * An amount a quote says goes back, its working in a note between (误扣逾期费24元（4本×6天×1元），可原路
 * 退回微信): the amount before the words that give it back.
 */
const QUOTED_BACK =
  /(\d+(?:\.\d+)?)\s*(?:元|块)(?:[（(][^）)]{0,30}[）)])?[，,]?\s*(?:可|应|将)(?:全额)?(?:原路)?(?:退回|退还|返还|退)/;

/** An amount a quote says can be given back (未提车、未交车：可全额退3350元): the amount after those words. */
const QUOTED_CAN_BACK = /(?:可|应)(?:全额|全部)?(?:原路)?(?:退还|退回|退)\s*(\d+(?:\.\d+)?)\s*元/;

/**
 * Money back that would take what this call gives back beyond what its records say is owed (the
 * largest sum they name: a quote's total, an amount due, its cases added up): refund 1040 asked a
 * second time of 1,040 owed is refused, and one asked for more than is left can be done for what
 * is left. `given` is the money back this call already approved, in the action's currency.
 */
export function boundByOwedTotal(
  decision: PermissionDecision,
  queries: readonly SystemQueryRecord[],
  given: readonly CountedAmount[],
): PermissionDecision {
  if (decision.status !== 'can_approve_immediately' || decision.parts.length !== 1) return decision;
  const part = decision.parts[0]!;
  const amount = part.amount;
  if (!MONEY_BACK_CONCEPTS.has(part.concept ?? '') || part.actsOnCase) return decision;
  if (amount === undefined || !isMoneyUnit(amount.unit)) return decision;
  const { amounts, cases } = amountsOwed(queries);
  if (amounts.size === 0 && cases.length === 0) return decision;
  const owed = Math.max(
    ...amounts,
    cases.reduce((sum, c) => sum + c.amount, 0),
  );
  const before = given
    .filter((g) => g.scope === 'call' && g.unit === amount.unit && MONEY_BACK_CONCEPTS.has(g.concept))
    .reduce((sum, g) => sum + g.value, 0);
  if (before === 0 || before + amount.value <= owed + 0.005) return decision;
  const left = Math.round((owed - before) * 100) / 100;
  const reasons: Bilingual =
    left > 0
      ? {
          zh: `本次通话已退${before}，查到应退合计${owed}，不能再退${amount.value}；可按剩余的${left}办理`,
          en: `this call already gave back ${before} of the ${owed} its records show owed; ${amount.value} more cannot be given, it can be done for the ${left} left`,
        }
      : {
          zh: `本次通话已退${before}，查到的应退金额${owed}已经退完，不能重复退款`,
          en: `this call already gave back ${before}, all of the ${owed} its records show owed; it cannot be given back twice`,
        };
  return overruled(decision, () => ({ status: 'forbidden', reasons }));
}
