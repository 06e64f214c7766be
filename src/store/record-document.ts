import { randomBytes } from 'node:crypto';
import { CsError } from '../domain/cs-error.js';
import { normalizePhone } from '../domain/phone.js';
import type { RecordType, StoredRecord } from '../domain/record-schemas.js';
import type { RecordRef } from './record-repository.js';

// How every store writes a record document: the file store, PostgreSQL and the memory store
// all compose new records, merge updates and key phones here, so they keep the same documents.

/** Metadata the store owns: set on create, never taken from an update. */
const STORE_OWNED = new Set(['_id', '_type', '_created', '_updated']);

/** A record id: 8 lower-case hex digits, like the earlier implementation's. */
export const RECORD_ID_PATTERN = /^[0-9a-f]{8}$/;

/** A new random record id (8 hex digits). */
export function randomRecordId(): string {
  return randomBytes(4).toString('hex');
}

/**
 * The document for a new record, in the legacy layout: the caller's fields in their order, then
 * `_id`, `_type`, `_created`. A `_created` / `_updated` the caller passes is kept (a migrated
 * record keeps its history); `_id` and `_type` always come from the store. Fields are kept as
 * given: a phone written `138 0013 8000` stays so (lookups use `customerPhoneKey`).
 *
 * @example buildNewRecord('customer', '4f064bfb', { name: '张先生', phone: '13800138000' }, now)
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

/**
 * The key a customer's phone is looked up and kept unique by: normalised (`normalizePhone`),
 * from text or a number (legacy files hold both); undefined for other types, no phone, or an
 * empty one.
 *
 * @example customerPhoneKey('customer', { phone: '138 0013 8000' }) // '13800138000'
 */
export function customerPhoneKey(type: RecordType, record: Record<string, unknown>): string | undefined {
  if (type !== 'customer') return undefined;
  const phone = record.phone;
  if (typeof phone !== 'string' && typeof phone !== 'number') return undefined;
  const key = normalizePhone(String(phone));
  return key === '' ? undefined : key;
}

/** The record's name; E_INVALID when it has none. */
export function requireRecordName(type: RecordType, name: unknown): string {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new CsError('E_INVALID', `A ${type} needs a name (a non-empty "name" field).`);
  }
  return name;
}

/** A given record id, checked: E_INVALID unless 8 hex digits. */
export function checkRecordId(id: string): string {
  if (!RECORD_ID_PATTERN.test(id)) {
    throw new CsError('E_INVALID', `Record id "${id}" must be 8 hex digits (like 4f064bfb).`);
  }
  return id;
}

/** E_NOT_FOUND for a record id. */
export function recordNotFound(type: RecordType, id: string): CsError {
  return new CsError('E_NOT_FOUND', `No ${type} with id ${id}.`);
}

/** E_CONFLICT for a phone another customer has, naming them when known. */
export function phoneTaken(phone: string, holder?: { id: string; name: string }): CsError {
  const who = holder ? `customer ${holder.name} (${holder.id})` : 'another customer';
  return new CsError(
    'E_CONFLICT',
    `Phone ${phone} already belongs to ${who}; update that customer or use another phone.`,
    { details: holder ? { phone, customer_id: holder.id } : { phone } },
  );
}

/** Listing order of every store: by name, then id (code-unit order, as PostgreSQL's "C" collation). */
export function byNameThenId(a: { name: string; id: string }, b: { name: string; id: string }): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Sets an own field, also one named `__proto__` (JSON allows it; plain assignment would not store it). */
function setField(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The documents `refs` name, each read with `get`: `getMany` of a store with no batch read. */
export function getEach<const R extends readonly RecordRef[]>(
  get: (type: RecordType, id: string) => Promise<StoredRecord | undefined>,
  refs: R,
): Promise<{ -readonly [K in keyof R]: StoredRecord | undefined }> {
  return Promise.all(refs.map((r) => get(r.type, r.id))) as Promise<{
    -readonly [K in keyof R]: StoredRecord | undefined;
  }>;
}
