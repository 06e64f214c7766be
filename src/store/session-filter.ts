import { CsError } from '../domain/cs-error.js';
import { normalizePhone } from '../domain/phone.js';
import type { SessionFilter } from './session-archive.js';
import { normalizeSessionDate } from './session-id-parts.js';

/** A SessionFilter checked once: days as YYYYMMDD, texts ready to compare. */
export interface ParsedSessionFilter {
  /** First and last day, inclusive (YYYYMMDD); undefined ends are open. */
  from?: string;
  to?: string;
  customer?: TextFilter;
  product?: TextFilter;
  status?: string;
  limit?: number;
}

/** A text filter: matched as part of a name (any case) or as a whole id. */
export interface TextFilter {
  raw: string;
  lower: string;
  /** The digits of a phone (4 or more, normalised) when the text can be one. */
  phone?: string;
}

/** The fields of a saved session the filters look at. */
export interface SessionFacts {
  customer: string;
  customer_id?: string | undefined;
  customer_phone?: string | undefined;
  product: string;
  product_id?: string | undefined;
  resolution_status?: string | undefined;
}

/**
 * Checks a filter once for every store: E_INVALID naming the bad value. `date` and
 * `since`/`until` may be given together; the listing is then the days in both.
 *
 * @example parseSessionFilter({ since: '2026-11-01', customer: '张' }) // { from: '20261101', customer: {...} }
 */
export function parseSessionFilter(filter: SessionFilter = {}): ParsedSessionFilter {
  const out: ParsedSessionFilter = {};
  const day = (value: string | undefined, what: string) => {
    if (value === undefined) return undefined;
    const d = normalizeSessionDate(value);
    if (!d) throw new CsError('E_INVALID', `${what} "${value}" must be YYYYMMDD or YYYY-MM-DD.`);
    return d;
  };
  const date = day(filter.date, 'Date');
  const since = day(filter.since, 'Since');
  const until = day(filter.until, 'Until');
  const from = [date, since]
    .filter((d) => d !== undefined)
    .sort()
    .at(-1);
  const to = [date, until].filter((d) => d !== undefined).sort()[0];
  if (from !== undefined) out.from = from;
  if (to !== undefined) out.to = to;
  if (filter.customer !== undefined && filter.customer.trim() !== '') {
    out.customer = textFilter(filter.customer, true);
  }
  if (filter.product !== undefined && filter.product.trim() !== '') {
    out.product = textFilter(filter.product, false);
  }
  if (filter.status !== undefined && filter.status.trim() !== '') out.status = filter.status.trim();
  if (filter.limit !== undefined) {
    if (!Number.isInteger(filter.limit) || filter.limit < 1) {
      throw new CsError(
        'E_INVALID',
        `A session listing limit must be a whole number from 1, got ${filter.limit}.`,
      );
    }
    out.limit = filter.limit;
  }
  return out;
}

function textFilter(value: string, phoneToo: boolean): TextFilter {
  const raw = value.trim();
  const filter: TextFilter = { raw, lower: raw.toLowerCase() };
  if (phoneToo) {
    const phone = normalizePhone(raw);
    if (/^\+?\d{4,20}$/.test(phone)) filter.phone = phone;
  }
  return filter;
}

/** True when the day (YYYYMMDD) lies within the filter's days. */
export function dayMatches(day: string, filter: ParsedSessionFilter): boolean {
  return (filter.from === undefined || day >= filter.from) && (filter.to === undefined || day <= filter.to);
}

/**
 * Whether a session passes the filter (days aside: see `dayMatches`). `phoneHolderId` is the
 * id of the customer who has the filter's phone now, so sessions saved without the caller's
 * phone (legacy ones) are found by it too.
 */
export function sessionMatches(
  facts: SessionFacts,
  filter: ParsedSessionFilter,
  phoneHolderId?: string,
): boolean {
  const c = filter.customer;
  if (c) {
    const phone = facts.customer_phone === undefined ? '' : normalizePhone(facts.customer_phone);
    const hit =
      facts.customer.toLowerCase().includes(c.lower) ||
      facts.customer_id === c.raw ||
      (c.phone !== undefined && phone.includes(c.phone)) ||
      (phoneHolderId !== undefined && facts.customer_id === phoneHolderId);
    if (!hit) return false;
  }
  const p = filter.product;
  if (p && !(facts.product.toLowerCase().includes(p.lower) || facts.product_id === p.raw)) return false;
  if (filter.status !== undefined && facts.resolution_status !== filter.status) return false;
  return true;
}

/** Whether a damaged session's text may be one the filter asks for (its fields cannot be read). */
export function damagedTextMatches(text: string, filter: ParsedSessionFilter): boolean {
  const lower = text.toLowerCase();
  if (filter.customer && !lower.includes(filter.customer.lower)) return false;
  if (filter.product && !lower.includes(filter.product.lower)) return false;
  if (filter.status !== undefined && !text.includes(filter.status)) return false;
  return true;
}
