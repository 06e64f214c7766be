import { isCallerParam, templatePlaceholders } from './_interfaces.js';
import { roundMoney } from './_mock-language.js';
import type { ResolvedQuery } from './resolve-query.js';

/** Parameters that select by date: a day (2026-11-11) or a month (2026-11) matches by prefix. */
const DATE_PARAMS = /^(date|day|month|period|billing_month|billing_date|bill_date|year)$/i;
/** Where a list item keeps its date, in order of preference after a field named like the parameter. */
const ITEM_DATE_FIELDS = ['date', 'time', 'timestamp', 'created_at', 'paid_at'];
const TOTAL_FIELDS = ['total', 'total_amount', 'amount_total', 'sum'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The parameters of a query that filter its answer: every bound parameter except the caller's
 * (user_id, phone …) and those that are part of the path.
 */
export function filterParams(resolved: Pick<ResolvedQuery, 'params' | 'definition'>): Record<string, string> {
  const inPath = new Set(templatePlaceholders(resolved.definition.endpoint));
  return Object.fromEntries(
    Object.entries(resolved.params).filter(([name]) => !inPath.has(name) && !isCallerParam(name)),
  );
}

/** `2026/11/1` → `2026-11-01`; undefined when the value is not a year, month or day. */
function datePrefix(value: string): string | undefined {
  const m = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/.exec(value.trim());
  if (!m) return undefined;
  return [m[1], m[2]?.padStart(2, '0'), m[3]?.padStart(2, '0')].filter(Boolean).join('-');
}

function itemDate(item: Record<string, unknown>, param: string): string | undefined {
  for (const key of [param, ...ITEM_DATE_FIELDS]) {
    const value = item[key];
    if (typeof value === 'string' && /^\d{4}-\d{2}/.test(value)) return value;
  }
  return undefined;
}

/** A test for one parameter over one list, or undefined when the list's items cannot be judged by it. */
function matcher(
  param: string,
  wanted: string,
  items: Array<Record<string, unknown>>,
): ((item: Record<string, unknown>) => boolean) | undefined {
  if (DATE_PARAMS.test(param)) {
    // A value that is no date (a placeholder, a typo) narrows nothing rather than emptying the list.
    const prefix = datePrefix(wanted);
    if (prefix === undefined || !items.some((item) => itemDate(item, param) !== undefined)) return undefined;
    return (item) => itemDate(item, param)?.startsWith(prefix) === true;
  }
  if (!items.some((item) => Object.hasOwn(item, param))) return undefined;
  const value = wanted.trim().toLowerCase();
  return (item) => {
    const field = item[param];
    return (
      (typeof field === 'string' || typeof field === 'number' || typeof field === 'boolean') &&
      String(field).trim().toLowerCase() === value
    );
  };
}

/**
 * What a mock system answers for a query with filter parameters, as a real one would: every
 * list of objects in the response keeps only the items that match. `date=2026-11-11` keeps that
 * day's items, `date=2026-11` (or `month=2026-11`) that month's; any other parameter naming a
 * field of the items keeps those with that value (`status=active`). A parameter no item has is
 * ignored. Totals (`total`, `total_amount` …) are summed again over what is kept. The stored
 * state is not changed: the caller gets a filtered copy.
 *
 * @example filterMockResponse({ transactions: [{ date: '2026-11-11', amount: 15 }, { date: '2026-10-11', amount: 15 }], total: 30 }, { date: '2026-11-11' })
 *   // { transactions: [{ date: '2026-11-11', amount: 15 }], total: 15 }
 */
export function filterMockResponse(response: unknown, filters: Record<string, string>): unknown {
  if (!isRecord(response) || Object.keys(filters).length === 0) return response;
  const out: Record<string, unknown> = { ...response };
  let amounts: number[] | undefined;
  for (const [key, value] of Object.entries(response)) {
    if (!Array.isArray(value) || value.length === 0 || !value.every(isRecord)) continue;
    let kept = value as Array<Record<string, unknown>>;
    for (const [param, wanted] of Object.entries(filters)) {
      const test = matcher(param, wanted, kept.length > 0 ? kept : (value as Array<Record<string, unknown>>));
      if (test) kept = kept.filter(test);
    }
    if (kept.length === value.length) continue;
    out[key] = kept;
    // The total is the sum of the list of amounts (transactions), not of another list.
    if (amounts === undefined && value.some((item) => typeof item.amount === 'number')) {
      amounts = kept.map((item) => (typeof item.amount === 'number' ? item.amount : 0));
    }
  }
  if (amounts !== undefined) {
    for (const key of TOTAL_FIELDS) {
      if (typeof out[key] === 'number') out[key] = roundMoney(amounts.reduce((s, a) => s + a, 0));
    }
  }
  return out;
}
