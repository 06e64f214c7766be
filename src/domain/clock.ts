import { CsError } from './cs-error.js';

/** Time source passed into the core so engines stay deterministic in tests. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** ISO local time without zone, as the earlier implementation wrote `_created` (microseconds). */
export function localIsoTimestamp(date: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return (
    `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}` +
    `T${p(date.getHours())}:${p(date.getMinutes())}:${p(date.getSeconds())}.${p(date.getMilliseconds(), 3)}000`
  );
}

/**
 * ISO 8601 local time with its offset (`2026-11-30T08:10:02.123+08:00`): every new timestamp we
 * write that the earlier implementation did not (call times, live calls, trash). Record
 * metadata (`_created`, `_updated`) keeps the legacy form of `localIsoTimestamp`.
 */
export function isoTimestamp(date: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return (
    `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}` +
    `T${p(date.getHours())}:${p(date.getMinutes())}:${p(date.getSeconds())}.${p(date.getMilliseconds(), 3)}` +
    `${sign}${p(Math.floor(abs / 60))}:${p(abs % 60)}`
  );
}

/** YYYY-MM-DD in local time: the call's day (`CheckPermissionOptions.today`). */
export function localDay(date: Date): string {
  return localIsoTimestamp(date).slice(0, 10);
}

/** YYYY-MM-DDTHH:MM in local time: the call's day and the time of day, to the minute. */
export function localMinute(date: Date): string {
  return localIsoTimestamp(date).slice(0, 16);
}

/** YYYYMMDD in local time, the date part of a session id. */
export function compactDate(date: Date): string {
  return localDay(date).replaceAll('-', '');
}

/**
 * The clock commands run on: the system's, or the fixed time in `CS_NOW` (ISO 8601) when set, so
 * a drill or a test can see what happens when an SLA runs out without waiting for it.
 */
export function clockFromEnv(env: NodeJS.ProcessEnv): Clock {
  const fixed = env.CS_NOW?.trim();
  if (!fixed) return systemClock;
  const at = Date.parse(fixed);
  if (Number.isNaN(at)) {
    throw new CsError(
      'E_CONFIG',
      `CS_NOW "${fixed}" is not a time: use ISO 8601 (2026-12-01T09:00:00Z) or unset it.`,
    );
  }
  return { now: () => new Date(at) };
}

/**
 * The time zone a fixed clock's offset states (CS_NOW=2031-04-16T10:00:00+08:00 → Etc/GMT-8),
 * for a process whose TZ is unset; undefined otherwise. Records hold the business's wall-clock
 * times (a booking at 2031-04-17 09:00, no offset), read in the process's zone: a drill that says
 * it is ten in the morning at +08:00 must read them at +08:00 too, or a UTC server counts 31
 * hours of notice where the business has 23. `Z` states an instant, not a zone: a zone only
 * from a numeric offset of whole hours (Etc/GMT zones have no others).
 */
export function zoneOfClock(env: NodeJS.ProcessEnv): string | undefined {
  if (env.TZ) return undefined;
  const offset = /[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?([+-])(\d{2}):?00$/.exec(env.CS_NOW?.trim() ?? '');
  if (!offset) return undefined;
  const hours = Number(offset[2]);
  if (hours === 0) return 'UTC';
  if (hours > (offset[1] === '+' ? 14 : 12)) return undefined;
  // Etc/GMT zones are named with POSIX's sign: Etc/GMT-8 is eight hours ahead of UTC.
  return `Etc/GMT${offset[1] === '+' ? '-' : '+'}${hours}`;
}
