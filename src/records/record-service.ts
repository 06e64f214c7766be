import { CsError } from '../domain/cs-error.js';
import type { AnyRecord, RecordOf, RecordType } from '../domain/record-schemas.js';
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
export async function createRecord<T extends RecordType>(
  store: RecordStore,
  type: T,
  data: Record<string, unknown>,
): Promise<RecordOf<T>> {
  assertHistoryIsList(type, data);
  const fields = validateRecordFields(type, userFields(data));
  return store.create(type, fields);
}

/**
 * Creates several records all or nothing (`cs create --file` with an array): every element is
 * validated first, and customers' phones checked against each other and against the store,
 * before any is written. A failure names the element (`[1]`) and its field, and nothing is
 * created. One element behaves exactly like `createRecord`.
 *
 * Should another process take a phone between the check and the write, the records already
 * written are named in the error, so the user knows what exists.
 */
export async function createRecords<T extends RecordType>(
  store: RecordStore,
  type: T,
  inputs: ReadonlyArray<Record<string, unknown>>,
): Promise<Array<RecordOf<T>>> {
  if (inputs.length === 1) return [await createRecord(store, type, inputs[0] as Record<string, unknown>)];
  const nothing = 'nothing was created';
  const validated = inputs.map((input, i) => {
    try {
      assertHistoryIsList(type, input);
      return validateRecordFields(type, userFields(input));
    } catch (error) {
      if (!CsError.isInstance(error)) throw error;
      throw new CsError(
        error.code,
        `Record [${i}] of ${inputs.length}: ${stripStop(error.message)}; ${nothing}.`,
        {
          details: { index: i },
        },
      );
    }
  });
  if (type === 'customer') {
    const seen = new Map<string, number>();
    for (const [i, fields] of validated.entries()) {
      const phone = String(fields.phone);
      const first = seen.get(phone);
      if (first !== undefined) {
        throw new CsError(
          'E_INVALID',
          `Record [${i}] of ${inputs.length}: phone ${phone} is also the phone of record [${first}]; ${nothing}.`,
          { details: { index: i, field: 'phone' } },
        );
      }
      seen.set(phone, i);
      const owner = await store.findCustomerByPhone(phone);
      if (owner) {
        throw new CsError(
          'E_INVALID',
          `Record [${i}] of ${inputs.length}: phone ${phone} already belongs to customer ${owner.name} (${owner._id}); ${nothing}.`,
          { details: { index: i, field: 'phone', customer_id: owner._id } },
        );
      }
    }
  }
  const created: Array<RecordOf<T>> = [];
  for (const [i, fields] of validated.entries()) {
    try {
      created.push(await store.create(type, fields));
    } catch (error) {
      if (!CsError.isInstance(error)) throw error;
      const made = created.map((r, j) => `[${j}] ${r.name} (${r._id})`).join(', ');
      throw new CsError(
        error.code,
        `Record [${i}] of ${inputs.length}: ${stripStop(error.message)}; created before it: ${made || 'none'}.`,
        { cause: error, details: { index: i, created: created.map((r) => r._id) } },
      );
    }
  }
  return created;
}

function stripStop(message: string): string {
  return message.replace(/[.。]\s*$/, '');
}

/**
 * Restores a deleted record (`cs restore REF`): REF is the trash id, or the record's own id or
 * name. Several trash entries under that id or name are E_AMBIGUOUS listing them (restore one by
 * its trash id); none is E_NOT_FOUND.
 */
export async function restoreRecord(store: RecordStore, ref: string): Promise<AnyRecord> {
  const key = ref.trim();
  if (key === '') throw new CsError('E_USAGE', 'Name what to restore: a trash id, a record id or a name.');
  const trash = await store.listTrash();
  if (trash.some((t) => t.trash_id === key)) return store.restore(key);
  const byId = trash.filter((t) => t.id === key);
  const matches = byId.length > 0 ? byId : trash.filter((t) => t.name === key);
  if (matches.length === 1) return store.restore((matches[0] as TrashEntry).trash_id);
  if (matches.length > 1) {
    const list = matches
      .map((t) => `${t.trash_id} (${t.type} ${t.name}, deleted ${t.deleted_at})`)
      .join('; ');
    throw new CsError(
      'E_AMBIGUOUS',
      `"${key}" matches ${matches.length} deleted records: ${list}. Restore one by its trash id: cs restore <trash_id>.`,
      { details: { candidates: matches } },
    );
  }
  throw new CsError(
    'E_NOT_FOUND',
    `Nothing in the trash with trash id, id or name "${key}" (回收站中没有); \`cs restore\` lists the trash.`,
  );
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
export async function updateRecord<T extends RecordType>(
  store: RecordStore,
  type: T,
  ref: RecordRef,
  updates: Record<string, unknown>,
): Promise<RecordOf<T>> {
  const meta = Object.keys(updates).filter((k) => k.startsWith('_') && k !== '_cold_start');
  if (meta.length > 0)
    throw new CsError('E_INVALID', `Metadata fields cannot be updated: ${meta.join(', ')}.`);
  assertHistoryIsList(type, updates);
  const target = await resolveRecord(store, type, ref);
  return store.update(type, target._id, (current) => {
    const merged = { ...userFields(current), ...updates };
    const phoneUnknown = current._phone_unknown === true;
    const validated = validateRecordFields(type, merged, { phoneUnknown });
    const keep: Record<string, unknown> = {};
    if (current._cold_start !== undefined && updates._cold_start === undefined)
      keep._cold_start = current._cold_start;
    // A new caller's phone, once known, is an ordinary customer's.
    if (phoneUnknown && validated.phone !== undefined) keep._phone_unknown = false;
    return { ...validated, ...keep };
  });
}

/**
 * Deletes recoverably (the record moves to the trash). A record a saved session refers to
 * needs `force`, so history never points at nothing by accident.
 */
export async function deleteRecord<T extends RecordType>(
  store: RecordStore,
  type: T,
  ref: RecordRef,
  options: { force?: boolean; confirm?: (record: RecordOf<T>) => Promise<boolean> } = {},
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
