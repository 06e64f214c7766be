import {
  chargesOf,
  NAMED_PAID_KEY,
  PAID_KEY,
  signedAmountKey,
  unrefunded,
} from '../domain/charge-entries.js';
import { HELD_MONEY } from '../domain/held-money.js';
import type { Bilingual } from '../domain/language.js';
import type { SystemQueryRecord } from '../domain/session-schemas.js';
import { isMoneyUnit, MONEY_BACK_CONCEPTS, type PermissionDecision } from '../permissions/index.js';
import { nothingOwedAssessed } from './money-owed.js';
import { overruled } from './overrule.js';

/** Compensation for goods broken or lost, or for an injury: valued by what was lost. */
const FOR_WHAT_WAS_LOST =
  /损坏|破损|丢失|遗失|摔坏|碰坏|弄坏|受伤|\bdamage|\bbroken\b|\blost\b|\bloss\b|\binjur/i;

/** A paid amount a response holds, the words around it, and what was charged over a quote. */
export interface PaidItem {
  value: number;
  text: string;
  /** Charged minus quoted (fare over estimated_fare), when the item has both and it is more. */
  over?: number;
  /** The interface whose response holds it. */
  source?: string;
}

/** Every object of a response with a paid amount (amount, fee, fare, price, total …). */
export function paidItems(value: unknown, depth = 0): PaidItem[] {
  if (depth > 4 || value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v) => paidItems(v, depth + 1));
  const record = value as Record<string, unknown>;
  const out: PaidItem[] = [];
  const key = paidKeyOf(record);
  if (key && (record[key] as number) > 0) {
    const text = Object.values(record)
      .filter((v) => typeof v === 'string')
      .join(' ');
    // What was quoted before it was charged (estimated_fare, quoted_price): the difference is
    // what a caller asking for "the difference back" means.
    const quoted = Object.keys(record).find(
      (k) => /estimat|quot|expected/i.test(k) && typeof record[k] === 'number',
    );
    const over = quoted
      ? Math.round(((record[key] as number) - (record[quoted] as number)) * 100) / 100
      : undefined;
    out.push({ value: record[key] as number, text, ...(over !== undefined && over > 0 ? { over } : {}) });
  }
  for (const v of Object.values(record))
    if (v !== null && typeof v === 'object') out.push(...paidItems(v, depth + 1));
  return out;
}

/** Keys of lists that record what was charged or paid: transactions, payments, orders, bills … */
const CHARGE_LIST_KEY =
  /transaction|payment|charge|fee|bill|order|invoice|purchase|流水|账单|订单|交易|扣费|消费/i;
/**
 * A ledger or statement (an interface or a key so named): its plain `entries`, `lines` or `items`
 * holding amounts are charges too (a gate's entries are not).
 */
const LEDGER = /ledger|statement|账本|对账单/i;
/**
 * An interface named for money moved (transactions, payments, billing): its plain `entries` are
 * charges as a ledger's are. Orders are not: an order's `items` are what it holds.
 */
const MONEY_INTERFACE = /transaction|payment|billing|bills?(?:_|$)|charges|账单|流水|缴费/i;
const LEDGER_LIST_KEY = /^(?:entries|lines|items|records)$/i;

/**
 * Whether an interface's response field records what was paid (a list of charges, or an amount):
 * the interfaces to read before giving money back.
 */
export function recordsPayments(field: string): boolean {
  return CHARGE_LIST_KEY.test(field) || PAID_KEY.test(field);
}

/**
 * The lists of charges a response holds, under any key of any depth. A list whose entries carry
 * no amount (repair orders, work orders with a status) records no payment, full or empty.
 */
function chargeLists(value: unknown, ledger: boolean, depth = 0): unknown[][] {
  if (depth > 4 || value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const out: unknown[][] = [];
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const charges = CHARGE_LIST_KEY.test(key) || (ledger && LEDGER_LIST_KEY.test(key));
    if (Array.isArray(v) && charges && (v.length === 0 || v.some(hasAmount))) out.push(v);
    else if (v !== null && typeof v === 'object' && !Array.isArray(v))
      out.push(...chargeLists(v, ledger || LEDGER.test(key), depth + 1));
  }
  return out;
}

/** Keys of the lists of money given back inside a record (an order's `refunds`). */
const REFUND_LIST_KEY = /refund|退款|退费/i;

/**
 * What one entry of a charge list shows was paid and given back. An entry holding the lists of
 * its own payments (an order with its `payments` and `refunds`) is read by them, netted as a list
 * is (a payment marked 已退款, or one a refund of its amount follows, was given back): its own
 * total is those payments again. A refund is never a payment.
 */
function entryCharges(entry: unknown): { items: PaidItem[]; refunded: PaidItem[] } {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry))
    return { items: paidItems(entry), refunded: [] };
  const record = entry as Record<string, unknown>;
  const payments: unknown[] = [];
  const refunds: Record<string, unknown>[] = [];
  const rest: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(record)) {
    if (Array.isArray(v) && REFUND_LIST_KEY.test(key)) {
      for (const r of v)
        if (r !== null && typeof r === 'object' && !Array.isArray(r)) refunds.push({ type: 'refund', ...r });
    } else if (Array.isArray(v) && CHARGE_LIST_KEY.test(key) && v.some(hasAmount)) payments.push(...v);
    else rest[key] = v;
  }
  if (payments.length === 0) return { items: paidItems(rest), refunded: paidItems(refunds) };
  const netted = unrefunded([...payments, ...refunds]);
  return { items: paidItems(netted.entries), refunded: paidItems(netted.refunded) };
}

function hasAmount(entry: unknown): boolean {
  // A debit written negative (订场 -180) is an amount too: `chargesOf` reads its sign.
  return (
    entry !== null &&
    typeof entry === 'object' &&
    signedAmountKey(entry as Record<string, unknown>) !== undefined
  );
}

/** The key of a record's paid amount (amount, fee, fare, price, total …) holding a number. */
function paidKeyOf(record: Record<string, unknown>): string | undefined {
  const keys = Object.keys(record);
  // An order's total before its delivery_fee; a ride's ride_fee when it has no plain amount.
  return (
    keys.find((k) => PAID_KEY.test(k) && typeof record[k] === 'number') ??
    keys.find((k) => NAMED_PAID_KEY.test(k) && typeof record[k] === 'number' && (record[k] as number) > 0)
  );
}

/**
 * What this call's queries show was paid. When a query returned a list of charges (transactions,
 * payments, orders, bills …) those lists are the record: their items with an amount that was not
 * given back since are what was paid, and lists with none mean the records show nothing paid
 * (`recordsShowNone`: a billing query for the month came back empty, or every charge in it was
 * refunded: `allRefunded`). Without such a list, any paid amount a response holds counts (a
 * trip's fare, a booking's price).
 */
export function verifiedPaid(queries: readonly SystemQueryRecord[]): {
  items: PaidItem[];
  recordsShowNone: boolean;
  /** The records hold charges, and every one of them was refunded. */
  allRefunded: boolean;
  /** The charges of those lists that were given back since. */
  refunded: PaidItem[];
  /** The items are the charges of such lists (not amounts found elsewhere in a response). */
  fromRecords: boolean;
} {
  // The same query run again (each turn looks the bill up afresh) returns the same records: its
  // charges are counted once, as the latest answer has them.
  const latest = new Map<string, SystemQueryRecord>();
  for (const q of queries) if (q.ok) latest.set(`${q.interface} ${q.endpoint}`, q);
  const answered = [...latest.values()];
  const lists = answered.flatMap((q) =>
    chargeLists(q.response, LEDGER.test(q.interface) || MONEY_INTERFACE.test(q.interface)).map((list) => ({
      list: chargesOf(list),
      source: q.interface,
    })),
  );
  if (lists.length === 0)
    return {
      items: answered.flatMap((q) => paidItems(q.response).map((i) => ({ ...i, source: q.interface }))),
      recordsShowNone: false,
      allRefunded: false,
      refunded: [],
      fromRecords: false,
    };
  const netted = lists.map(({ list, source }) => ({ ...unrefunded(list), source }));
  const items: PaidItem[] = [];
  const refunded: PaidItem[] = [];
  for (const n of netted) {
    for (const entry of n.entries) {
      const own = entryCharges(entry);
      for (const i of own.items) items.push({ ...i, source: n.source });
      for (const i of own.refunded) refunded.push({ ...i, source: n.source });
    }
    for (const i of paidItems(n.refunded)) refunded.push({ ...i, source: n.source });
  }
  return {
    items,
    refunded,
    recordsShowNone: items.length === 0,
    allRefunded: items.length === 0 && refunded.length > 0,
    fromRecords: true,
  };
}

/**
 * Facts before actions, on every path: money given back (a refund, a compensation, a fee waived)
 * is never approved above the largest amount this call's queries showed was paid, nor when the
 * records the call read show nothing paid. Such an approval becomes a refusal that says why; with
 * no record of payments read at all the engine's decision stands only where the product has no
 * interface that records payments (`payable`): there the caller's charge cannot be looked up.
 *
 * @example boundByVerifiedCharge(checkPermission(rules, '退款50元'), [ordersOf25]).status // 'forbidden'
 */
export function boundByVerifiedCharge(
  decision: PermissionDecision,
  queries: readonly SystemQueryRecord[],
  /** The product has an interface whose response records payments: a charge can be found. */
  payable = false,
): PermissionDecision {
  if (decision.status !== 'can_approve_immediately' || decision.parts.length !== 1) return decision;
  const part = decision.parts[0];
  const amount = part?.amount;
  // 催办理赔 hurries a claim: an action on the case moves no money.
  if (!part || !MONEY_BACK_CONCEPTS.has(part.concept ?? '') || part.actsOnCase) return decision;
  // 补偿1学时: a count given back (hours of lessons, points) moves no money.
  if (amount !== undefined && !isMoneyUnit(amount.unit)) return decision;
  // A vase broken in the move is worth what it cost, not what the move did: no charge bounds it.
  if (part.concept === 'compensation' && FOR_WHAT_WAS_LOST.test(`${part.rule ?? ''} ${part.label ?? ''}`))
    return decision;
  // 退还押金99元: money held is given back as held, bounded by the deposit a query read, not by
  // what was charged (the rentals cost 8 and 6; the deposit was 99).
  if (HELD_MONEY.test(`${part.rule ?? ''} ${part.label ?? ''}`)) {
    const held = queries.filter((q) => q.ok).flatMap((q) => heldAmounts(q.response));
    if (held.length > 0) {
      const most = Math.max(...held);
      if (!amount || !isMoneyUnit(amount.unit) || amount.value <= most) return decision;
      return refused(decision, {
        zh: `金额${amount.value}超过本次通话查到的押金${most}，不能办理；可按${most}办理`,
        en: `${amount.value} is more than the ${most} deposit this call's records show; it can be done for ${most}`,
      });
    }
  }
  // refundable: 0: the records worked the refund out and found nothing owed. Money back asked all
  // the same is more than the rules give: never approved on the call, a supervisor decides.
  if (nothingOwedAssessed(queries))
    return overruled(decision, () => ({
      status: 'requires_supervisor',
      reasons: {
        zh: '本次通话查到的退款核算显示按规则不应退款，规则外的退款需主管审批',
        en: "the records this call read work the refund out at nothing owed; money back beyond the rules is a supervisor's to decide",
      },
    }));
  const { items, recordsShowNone, allRefunded, fromRecords } = verifiedPaid(queries);
  let reasons: Bilingual;
  if (payable && !fromRecords && items.length === 0) {
    // Money back asked before any record of payments was read, on a product whose systems keep
    // one: the charge is found first (a caller's "at least twenty" is no verified charge).
    reasons = {
      zh: '本次通话还没有查询付款记录，不能直接办理；请先查询账单，核实是哪一笔扣费',
      en: 'no record of payments has been read in this call: look up the charge before giving money back',
    };
  } else if (allRefunded) {
    reasons = {
      zh: '本次通话查到的账单显示这笔扣费已经退款，不能重复退款',
      en: 'the records this call read show that charge was already refunded; it cannot be refunded twice',
    };
  } else if (recordsShowNone) {
    reasons = {
      zh: '本次通话查到的账单记录里没有对应的付款，不能直接办理；请先核实是哪一笔扣费',
      en: 'the records this call read show no payment to give back; the charge needs to be found first',
    };
  } else {
    if (!amount || !isMoneyUnit(amount.unit)) return decision;
    const paid = items.map((i) => i.value);
    if (paid.length === 0) return decision;
    const most = Math.max(...paid);
    if (amount.value <= most) return decision;
    // All of it back (these three months): the latest charges of a list of records, added up. Not
    // amounts found anywhere in a response, where an item and its bill's total are one payment.
    if (fromRecords && latestAddUpTo(items, amount.value)) return decision;
    reasons = {
      zh: `金额${amount.value}超过本次通话查到的实付金额${most}，不能办理；可按${most}办理`,
      en: `${amount.value} is more than the ${most} this call's records show was paid; it can be done for ${most}`,
    };
  }
  return refused(decision, reasons);
}

/** The decision, its one part refused for these reasons (in the action's language). */
function refused(decision: PermissionDecision, reasons: Bilingual): PermissionDecision {
  return overruled(decision, () => ({ status: 'forbidden', reasons }));
}

/** A field of money held (deposit_yuan, bond_amount, 押金金额), not one given back or owed. */
const HELD_KEY = /deposit|bond|押金|保证金/i;
const NOT_HELD_KEY = /refund|return|releas|退|还|date|_on$|_at$|via|mode|status|method/i;

/** The amounts of money held a response records, under any key of any depth. */
function heldAmounts(value: unknown, depth = 0): number[] {
  if (depth > 4 || value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v) => heldAmounts(v, depth + 1));
  const out: number[] = [];
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v === 'number' && v > 0 && HELD_KEY.test(key) && !NOT_HELD_KEY.test(key)) out.push(v);
    else if (v !== null && typeof v === 'object') out.push(...heldAmounts(v, depth + 1));
  }
  return out;
}

/**
 * Paid items, the newest first by the first ISO date in their text (undated ones last): the
 * order in which "the last N charges" and "all of it" are counted, by the agent and the bound.
 */
export function newestFirst<T extends { text: string }>(items: readonly T[]): T[] {
  const dated = (i: T) => /\d{4}-\d{2}-\d{2}/.exec(i.text)?.[0] ?? '';
  return [...items].sort((a, b) => dated(b).localeCompare(dated(a)));
}

/** Whether the latest few of these charges (two or more, newest first) add up to an amount. */
function latestAddUpTo(items: readonly PaidItem[], amount: number): boolean {
  let sum = 0;
  for (const [n, item] of newestFirst(items).entries()) {
    sum += item.value;
    if (n > 0 && Math.abs(sum - amount) < 0.005) return true;
  }
  return false;
}
