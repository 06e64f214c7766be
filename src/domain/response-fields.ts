/**
 * Every scalar field of a system's response with its key, however deep it sits (a record's own
 * fields before those of the records and lists it holds): the one walk over a response that the
 * readers of states, fees, names and parameters share.
 *
 * @example responseFields({ status: 'open', items: [{ name: '耳机', fee: 5 }] }) // [['status', 'open'], ['name', '耳机'], ['fee', 5]]
 */
export function responseFields(value: unknown, depth = 0): Array<[string, unknown]> {
  if (depth > MOST_DEPTH || value === null || typeof value !== 'object') return [];
  const entries = Object.entries(value as Record<string, unknown>);
  const scalars = entries.filter(([, v]) => v === null || typeof v !== 'object');
  const nested = entries.filter(([, v]) => v !== null && typeof v === 'object');
  return [...scalars, ...nested.flatMap(([, v]) => responseFields(v, depth + 1))];
}

/** Every record (an object, not a list) of a response, however deep it sits, each before those it holds. */
export function recordsIn(value: unknown, depth = 0): Array<Record<string, unknown>> {
  if (depth > MOST_DEPTH || value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v) => recordsIn(v, depth + 1));
  const record = value as Record<string, unknown>;
  return [record, ...Object.values(record).flatMap((v) => recordsIn(v, depth + 1))];
}

/** Responses nest records in lists in records; deeper than this is no field a caller means. */
const MOST_DEPTH = 4;
