import type { RequestEntry } from '../domain/session-schemas.js';
import {
  isMoneyUnit,
  MONEY_BACK_CONCEPTS,
  type PermissionDecision,
  type Quantity,
} from '../permissions/index.js';
import { overruled } from './overrule.js';

/** Money given back, in a request's label or rule (退款1560元, refund €150). */
const MONEY_BACK = /退|赔|补偿|refund|money back|compensat|reimburs/i;

/**
 * The caller's own words saying the sum is a part (先退两百，剩下的再说; 先把口语伙伴那六十块退了; the
 * sixty now and the rest later).
 */
const PART_FIRST =
  /先(?:给我|帮我|把)?[^,，。.!?！？]{0,10}?(?:退|赔|返)|剩下|其余|余下的|\bthe rest\b|\bremainder\b|\bfor now\b/i;

/** Whether the caller's words ask part of a sum back first (先退一千, the sixty now and the rest later). */
export function asksPartFirst(callerWords: string): boolean {
  return PART_FIRST.test(callerWords);
}

/**
 * A refund is never split: money back asked while a larger sum asked back in this call waits for a
 * supervisor (先退一个人的七百八 after 要全退1560) is part of it, and goes with it; so is money back
 * the caller calls a part (先退三百，剩下的回头再说) while a refund whose sum was not yet named
 * waits. Approving the part at once would split what the limit sent up whole. Withdrawn requests do
 * not count: the caller who drops the whole and asks for less asks anew.
 */
export function boundByPendingRefund(
  decision: PermissionDecision,
  ledger: readonly RequestEntry[],
  callerWords = '',
): PermissionDecision {
  if (decision.status !== 'can_approve_immediately') return decision;
  const waiting = ledger.filter(
    (e) =>
      e.outcome === 'requires_supervisor' &&
      !e.withdrawn &&
      (e.amount === undefined || isMoneyUnit(e.amount.unit as Quantity['unit'])) &&
      MONEY_BACK.test(`${e.what} ${e.rule ?? ''}`),
  );
  if (waiting.length === 0) return decision;
  const saysPart = asksPartFirst(callerWords);
  return overruled(decision, (part) => {
    const amount = part.amount;
    if (!MONEY_BACK_CONCEPTS.has(part.concept ?? '') || !amount || !isMoneyUnit(amount.unit))
      return undefined;
    const whole = waiting.find((e) =>
      e.amount === undefined ? saysPart : e.amount.unit === amount.unit && e.amount.value > amount.value,
    );
    if (!whole) return undefined;
    return {
      status: 'requires_supervisor',
      reasons: {
        zh: `本次通话已有${whole.what}在等主管审批，不能拆出一部分先退；整笔由主管决定`,
        en: `${whole.what} asked in this call is waiting for a supervisor; no part of it is refunded first, the supervisor decides the whole`,
      },
    };
  });
}
