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

/** YYYYMMDD in local time, the date part of a session id. */
export function compactDate(date: Date): string {
  return localIsoTimestamp(date).slice(0, 10).replaceAll('-', '');
}
