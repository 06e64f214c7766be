import type { RecordType, StoredRecord } from '../../domain/record-schemas.js';

/** Metadata the store owns: set on create, never taken from an update. */
const STORE_OWNED = new Set(['_id', '_type', '_created', '_updated']);

/**
 * The document for a new record, in the legacy layout: the caller's fields in their order, then
 * `_id`, `_type`, `_created`. A `_created` / `_updated` the caller passes is kept (a migrated
 * record keeps its history); `_id` and `_type` always come from the store.
 */
export function buildNewRecord(
  type: RecordType,
  id: string,
  fields: Record<string, unknown>,
  now: string,
): StoredRecord {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (key === '_id') out._id = id;
    else if (key === '_type') out._type = type;
    else if ((key === '_created' || key === '_updated') && typeof value !== 'string') continue;
    else setField(out, key, value);
  }
  if (!Object.hasOwn(out, '_id')) out._id = id;
  if (!Object.hasOwn(out, '_type')) out._type = type;
  if (!Object.hasOwn(out, '_created')) out._created = now;
  return out as StoredRecord;
}

/**
 * The document after an update: the fields `change` returned, in the record's existing key
 * order (new keys at the end), the store's metadata kept, other `_` fields kept unless the change
 * sets them, and `_updated` set to `now` (placed after `_created` when it is new, as the legacy
 * scripts wrote it).
 */
export function mergeUpdate(current: StoredRecord, next: Record<string, unknown>, now: string): StoredRecord {
  const out: Record<string, unknown> = {};
  const hadUpdated = Object.hasOwn(current, '_updated');
  for (const key of Object.keys(current)) {
    if (key === '_updated') out._updated = now;
    else if (STORE_OWNED.has(key)) out[key] = current[key];
    else if (Object.hasOwn(next, key)) setField(out, key, next[key]);
    else if (key.startsWith('_')) setField(out, key, current[key]);
    if (key === '_created' && !hadUpdated) out._updated = now;
  }
  for (const [key, value] of Object.entries(next)) {
    if (!STORE_OWNED.has(key) && !Object.hasOwn(out, key)) setField(out, key, value);
  }
  if (!Object.hasOwn(out, '_updated')) out._updated = now;
  return out as StoredRecord;
}

/** Sets an own field, also one named `__proto__` (JSON allows it; plain assignment would not store it). */
function setField(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
