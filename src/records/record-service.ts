import { CsError } from '../domain/cs-error.js';
import type { RecordType, StoredRecord } from '../domain/record-schemas.js';
import { validateRecordFields } from '../domain/record-validation.js';
import type { RecordStore, TrashEntry } from '../store/record-store.js';
import { type RecordRef, resolveRecord } from './resolve-record.js';

/** Splits user fields from metadata (`_id`, `_type`, ... are the store's). */
export function userFields(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) if (!k.startsWith('_')) out[k] = v;
  return out;
}

/** Validates and creates a record. Metadata in the input is ignored (the store sets it). */
export async function createRecord(
  store: RecordStore,
  type: RecordType,
  data: Record<string, unknown>,
): Promise<StoredRecord> {
  assertHistoryIsList(type, data);
  const fields = validateRecordFields(type, userFields(data));
  return store.create(type, fields);
}

/**
 * A stored `interaction_history` that is not a list is kept aside when read (see
 * `validateRecordFields`); one typed in by a user now is refused instead, so a typo never
 * silently becomes a legacy field.
 */
function assertHistoryIsList(type: RecordType, input: Record<string, unknown>): void {
  const history = input.interaction_history;
  if (type === 'customer' && history !== undefined && !Array.isArray(history)) {
    throw new CsError(
      'E_INVALID',
      'Invalid customer: interaction_history must be a list of past calls ([{session_id, timestamp, type, summary, outcome}]).',
    );
  }
}

/**
 * Top-level merge of `updates` into the record, validated after the merge, under the store's
 * lock so concurrent updates are not lost. `_`-prefixed keys cannot be changed.
 */
export async function updateRecord(
  store: RecordStore,
  type: RecordType,
  ref: RecordRef,
  updates: Record<string, unknown>,
): Promise<StoredRecord> {
  const meta = Object.keys(updates).filter((k) => k.startsWith('_') && k !== '_cold_start');
  if (meta.length > 0)
    throw new CsError('E_INVALID', `Metadata fields cannot be updated: ${meta.join(', ')}.`);
  assertHistoryIsList(type, updates);
  const target = await resolveRecord(store, type, ref);
  return store.update(type, target._id, (current) => {
    const merged = { ...userFields(current), ...updates };
    const validated = validateRecordFields(type, merged);
    const keep: Record<string, unknown> = {};
    if (current._cold_start !== undefined && updates._cold_start === undefined)
      keep._cold_start = current._cold_start;
    return { ...validated, ...keep };
  });
}

/**
 * Deletes recoverably (the record moves to the trash). A record a saved session refers to
 * needs `force`, so history never points at nothing by accident.
 */
export async function deleteRecord(
  store: RecordStore,
  type: RecordType,
  ref: RecordRef,
  options: { force?: boolean; confirm?: (record: StoredRecord) => Promise<boolean> } = {},
): Promise<TrashEntry> {
  const target = await resolveRecord(store, type, ref);
  if (!options.force && (await store.isReferencedBySession(type, target))) {
    throw new CsError(
      'E_REFUSED',
      `${type} "${target.name}" is named in saved call history; add --force to delete it anyway (it can be restored with \`cs restore\`).`,
    );
  }
  if (options.confirm && !(await options.confirm(target))) {
    throw new CsError('E_REFUSED', 'Delete cancelled; nothing was changed.');
  }
  return store.delete(type, target._id);
}
