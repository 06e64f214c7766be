import { roundMoney } from './_mock-language.js';

// The sums of one mock response: a bill's total or statement is the sum of its items, the
// minimum payment is a part of the statement, the available credit is what the limit leaves.
// The generator settles them once; an approved refund lowers them again.

/** Fields that hold the sum of a response's list of amounts (a bill's total, a card's statement). */
export const TOTAL_KEY =
  /^(?:total|sum|total_amount|amount_total|statement(?:_amount|_balance|_total)?|bill_(?:amount|total)|(?:amount|total|balance)_due|new_balance)$/;
/** The least the caller must pay of the statement. */
export const MIN_PAYMENT_KEY = /^min(?:imum)?_(?:payment|repayment|due|amount(?:_due)?)$|^minimum$/;
/** Credit left to spend: at most the limit. */
export const AVAILABLE_KEY = /^available(?:_credit|_limit|_balance)?$|^remaining_credit$/;
/** A credit line. */
export const LIMIT_KEY = /^(?:credit_)?limit$|^credit_line$|^total_limit$/;

/**
 * The minimum payment of a statement: a tenth of it, but never less than a small floor (10 yuan,
 * 25 dollars) unless the statement itself is smaller, and never more than the statement.
 *
 * @example minimumPayment(43.85, 'zh') // 10
 */
export function minimumPayment(statement: number, lang: 'zh' | 'en'): number {
  if (statement <= 0) return 0;
  const floor = lang === 'zh' ? 10 : 25;
  return roundMoney(Math.min(statement, Math.max(statement * 0.1, floor)));
}

function amountList(response: Record<string, unknown>): Array<{ amount: number }> | undefined {
  return Object.values(response).find(
    (v): v is Array<{ amount: number }> =>
      Array.isArray(v) &&
      v.length > 0 &&
      v.every((i) => typeof (i as { amount?: unknown } | null)?.amount === 'number'),
  );
}

/**
 * Makes one generated response agree with itself: totals and statements are the sum of its list
 * of amounts, the minimum payment follows the statement, the available credit stays within the
 * limit. Changes the response in place.
 */
export function settleTotals(response: Record<string, unknown>, lang: 'zh' | 'en'): void {
  const lines = amountList(response);
  if (lines) {
    const sum = roundMoney(lines.reduce((s, i) => s + i.amount, 0));
    for (const key of Object.keys(response)) if (TOTAL_KEY.test(key)) response[key] = sum;
  }
  clampToStatement(response, lang);
  const limit = Object.keys(response).find((k) => LIMIT_KEY.test(k) && typeof response[k] === 'number');
  if (limit === undefined) return;
  for (const key of Object.keys(response)) {
    const value = response[key];
    if (AVAILABLE_KEY.test(key) && typeof value === 'number' && value > (response[limit] as number)) {
      response[key] = response[limit];
    }
  }
}

/** The minimum payment is recomputed from the statement it belongs to. */
function clampToStatement(response: Record<string, unknown>, lang: 'zh' | 'en'): void {
  const statement = Object.keys(response).find((k) => TOTAL_KEY.test(k) && typeof response[k] === 'number');
  if (statement === undefined) return;
  for (const key of Object.keys(response)) {
    if (MIN_PAYMENT_KEY.test(key) && typeof response[key] === 'number') {
      response[key] = minimumPayment(response[statement] as number, lang);
    }
  }
}

/**
 * After a refund of `amount` is added to a response's charges: its totals and statement go down
 * by it, and a minimum payment above what is now owed comes down to it. Changes the response in
 * place.
 */
export function lowerTotals(response: Record<string, unknown>, amount: number): void {
  for (const key of Object.keys(response)) {
    const total = response[key];
    if (TOTAL_KEY.test(key) && typeof total === 'number') response[key] = roundMoney(total - amount);
  }
  const statement = Object.keys(response).find((k) => TOTAL_KEY.test(k) && typeof response[k] === 'number');
  if (statement === undefined) return;
  const owed = Math.max(0, response[statement] as number);
  for (const key of Object.keys(response)) {
    const min = response[key];
    if (MIN_PAYMENT_KEY.test(key) && typeof min === 'number' && min > owed) response[key] = owed;
  }
}
