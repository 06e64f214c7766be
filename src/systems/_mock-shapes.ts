// The shapes a mock response holds a caller's plans and charges in: the generator makes them,
// the mock backend's approved actions change them, and both read them with these names.

/** Lists of the caller's subscriptions (each item a plan with name, fee, auto_renew, status). */
export const SUBSCRIPTION_LISTS: ReadonlySet<string> = new Set([
  'subscriptions',
  'memberships',
  'plans',
  'services',
  'subscription_list',
]);

/** Keys of one plan held as an object (StreamBox's `plan`, a gym's `membership`). */
export const SINGLE_PLAN_KEYS: ReadonlySet<string> = new Set([
  'plan',
  'subscription',
  'membership',
  'current_plan',
]);

/** Lists of what the caller was charged (each item a dated amount with a description). */
export const CHARGE_LISTS: ReadonlySet<string> = new Set([
  'transactions',
  'billing',
  'bills',
  'charges',
  'payments',
  'billing_records',
  'billing_details',
  'bill_items',
  'records',
]);

/** Top-level fields that repeat the one plan's auto-renewal (StreamBox's `auto_renew`). */
// Not autopay: a card's automatic repayment is no plan's renewal.
const AUTO_RENEW_KEY = /^auto_?renew(?:al|s)?(?:_enabled|_on)?$/;
/** Top-level fields that repeat the one plan's status. */
const PLAN_STATUS_KEY = /^(?:status|plan_status|subscription_status|membership_status)$/;

/** A plan fact that a top-level field of a plan's response repeats. */
export type PlanFact =
  | 'fee'
  | 'monthly_fee'
  | 'yearly_fee'
  | 'next_billing_date'
  | 'auto_renew'
  | 'status'
  | 'name';

/**
 * The plan fact a field repeats when its response is about a plan: `price` is the plan's fee,
 * `next_billing` its next billing date, `expires` the end of the period paid for.
 *
 * @example planFactOf('next_billing') // 'next_billing_date'
 */
export function planFactOf(key: string): PlanFact | undefined {
  if (AUTO_RENEW_KEY.test(key)) return 'auto_renew';
  if (PLAN_STATUS_KEY.test(key)) return 'status';
  if (/^(?:plan|subscription|membership)_name$/.test(key)) return 'name';
  if (/^monthly_(?:fee|price|cost|rate|charge)$/.test(key)) return 'monthly_fee';
  if (/^(?:annual|yearly)_(?:fee|price|cost)$/.test(key)) return 'yearly_fee';
  if (
    /^(?:price|fee|cost|amount|(?:plan|subscription|membership|renewal|recurring)_(?:fee|price|amount|cost))$/.test(
      key,
    )
  )
    return 'fee';
  if (
    /^next_(?:billing|payment|charge|renewal|bill)(?:_date|_on|_at)?$|^renew(?:al|s)?(?:_date|_on|_at)?$/.test(
      key,
    ) ||
    /^(?:expires|expiry|expire_date|expiry_date|expires_at|expires_on|end_date|valid_until|valid_to|paid_through|period_end)$/.test(
      key,
    )
  )
    return 'next_billing_date';
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A plan as one object of a response, or the one plan a response is about (`plan` object and/or
 * top-level `auto_renew`, `status`): its facts read as one item, and written back everywhere the
 * response repeats them.
 */
export interface PlanView {
  /** The plan's facts as one record (a list's item itself, or a merged view of a single plan). */
  item: Record<string, unknown>;
  /** Writes the view's auto_renew and status back to the response (no-op for a list's item). */
  commit(): void;
}

/**
 * The plans a response holds: each item of its subscription lists, and the single plan it is
 * about (a `plan`/`subscription` object, or top-level auto-renewal). A response about no plan
 * (a profile with a `status`) holds none.
 *
 * @example planViews({ plan: { name: 'Basic', auto_renew: true }, auto_renew: true }) // one view
 */
export function planViews(response: Record<string, unknown>): PlanView[] {
  const views: PlanView[] = [];
  for (const [key, value] of Object.entries(response)) {
    if (!SUBSCRIPTION_LISTS.has(key.toLowerCase()) || !Array.isArray(value)) continue;
    for (const item of value) if (isRecord(item)) views.push({ item, commit: () => {} });
  }
  const nestedKey = Object.keys(response).find(
    (k) => SINGLE_PLAN_KEYS.has(k.toLowerCase()) && isRecord(response[k]),
  );
  const nested = nestedKey === undefined ? undefined : (response[nestedKey] as Record<string, unknown>);
  const renewKeys = Object.keys(response).filter((k) => AUTO_RENEW_KEY.test(k));
  if (nested === undefined && renewKeys.length === 0) return views;
  const statusKeys = Object.keys(response).filter((k) => PLAN_STATUS_KEY.test(k));
  // The top level wins where it repeats the plan: it is what the system reports for the account.
  const item: Record<string, unknown> = { ...nested };
  const plainName = ['plan', 'plan_name', 'subscription_name', 'membership_name'].find(
    (k) => typeof response[k] === 'string',
  );
  if (item.name === undefined && plainName !== undefined) item.name = response[plainName];
  for (const k of renewKeys) if (typeof response[k] === 'boolean') item.auto_renew = response[k];
  for (const k of statusKeys) if (typeof response[k] === 'string') item.status = response[k];
  if (item.fee === undefined && typeof response.price === 'number') item.fee = response.price;
  views.push({
    item,
    commit: () => {
      if (nested !== undefined) {
        if ('auto_renew' in item) nested.auto_renew = item.auto_renew;
        if ('status' in item) nested.status = item.status;
      }
      for (const k of renewKeys) if ('auto_renew' in item) response[k] = item.auto_renew;
      for (const k of statusKeys) if ('status' in item) response[k] = item.status;
    },
  });
  return views;
}

/** Whether an interface declaring these fields holds the caller's plans (a list or a single plan). */
export function declaresPlans(fields: readonly string[]): boolean {
  return fields.some((f) => {
    const key = f.toLowerCase();
    return SUBSCRIPTION_LISTS.has(key) || SINGLE_PLAN_KEYS.has(key) || AUTO_RENEW_KEY.test(key);
  });
}
