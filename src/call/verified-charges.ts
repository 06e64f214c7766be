import type { SystemQueryRecord } from '../domain/session-schemas.js';
import type { PermissionDecision } from '../permissions/index.js';

/** Requests that give money back: never more than a query of the call showed was paid. */
export const MONEY_BACK_CONCEPTS: ReadonlySet<string> = new Set(['refund', 'compensation', 'fee_waiver']);

/** A paid amount a response holds, the words around it, and what was charged over a quote. */
export interface PaidItem {
  value: number;
  text: string;
  /** Charged minus quoted (fare over estimated_fare), when the item has both and it is more. */
  over?: number;
}

const PAID_KEY = /^(?:amount|fee|fare|price|total|paid|charge|cost|amount_paid|paid_amount|total_amount)$/i;

/** Every object of a response with a paid amount (amount, fee, fare, price, total …). */
export function paidItems(value: unknown, depth = 0): PaidItem[] {
  if (depth > 4 || value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v) => paidItems(v, depth + 1));
  const record = value as Record<string, unknown>;
  const out: PaidItem[] = [];
  const key = Object.keys(record).find((k) => PAID_KEY.test(k) && typeof record[k] === 'number');
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

/**
 * Facts before actions, on every path: money given back (a refund, a compensation, a fee waived)
 * is never approved above the largest amount this call's queries showed was paid. Such an
 * approval becomes a refusal that says why; with nothing paid on record the engine's decision
 * stands (the caller's charge may not be queryable).
 *
 * @example boundByVerifiedCharge(checkPermission(rules, '退款50元'), [ordersOf25]).status // 'forbidden'
 */
export function boundByVerifiedCharge(
  decision: PermissionDecision,
  queries: readonly SystemQueryRecord[],
): PermissionDecision {
  if (decision.status !== 'can_approve_immediately' || decision.parts.length !== 1) return decision;
  const part = decision.parts[0];
  const amount = part?.amount;
  if (!part || !amount || !MONEY_BACK_CONCEPTS.has(part.concept ?? '')) return decision;
  if (amount.unit !== 'CNY' && amount.unit !== 'USD') return decision;
  const paid = queries.filter((q) => q.ok).flatMap((q) => paidItems(q.response).map((i) => i.value));
  if (paid.length === 0) return decision;
  const most = Math.max(...paid);
  if (amount.value <= most) return decision;
  const reasons = {
    zh: `金额${amount.value}超过本次通话查到的实付金额${most}，不能办理；可按${most}办理`,
    en: `${amount.value} is more than the ${most} this call's records show was paid; it can be done for ${most}`,
  };
  const reason = /[\u3400-\u9fff]/.test(decision.action) ? reasons.zh : reasons.en;
  return {
    ...decision,
    status: 'forbidden',
    reason,
    reasons,
    parts: [{ ...part, status: 'forbidden', reason, reasons }],
  };
}
