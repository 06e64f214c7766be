import { normalizePhone } from '../domain/phone.js';
import type { RecordType, StoredRecord } from '../domain/record-schemas.js';
import { LEGACY_HISTORY_FIELD, tolerateStoredFields } from '../domain/record-validation.js';
import { userFields } from './record-service.js';

/** What `cs doctor` can find wrong; the first part names where. */
export type ProblemKind =
  | 'corrupt_record'
  | 'corrupt_session'
  | 'corrupt_file'
  | 'missing_info'
  | 'missing_session'
  | 'missing_readme'
  | 'wrong_type'
  | 'duplicate_id'
  | 'duplicate_phone'
  | 'phone_not_text'
  | 'history_not_list'
  | 'index_stale'
  | 'stale_lock'
  | 'leftover_temp';

/**
 * One thing wrong in a database: where, what, and how to repair it. `fix` says whether
 * `cs doctor --fix` repairs it: `true`, `'move-corrupt'` (only with `--move-corrupt`, which moves
 * the damaged file aside) or `false` (a person must decide).
 */
export interface StoreProblem {
  kind: ProblemKind;
  /** The file or folder, relative to the database folder (or a record reference on PostgreSQL). */
  file: string;
  problem: string;
  repair: string;
  fix: boolean | 'move-corrupt';
}

/** What `cs doctor` found and did. `problems` are what remains after any repair. */
export interface StoreReport {
  location: string;
  /** How many records and sessions were read. */
  checked: { records: number; sessions: number };
  problems: StoreProblem[];
  /** One line per repair made (with --fix). */
  fixed: string[];
  /** Remarks that are not problems (e.g. checks that do not apply to this store). */
  notes: string[];
}

/**
 * Fields of a stored record that have an unexpected type but carry data (read tolerantly, and
 * normalised by `cs doctor --fix`): a customer's phone stored as a number, an
 * `interaction_history` that is not a list.
 */
export function storedFieldProblems(
  record: StoredRecord,
  file: string,
): Array<Omit<StoreProblem, 'kind'> & { kind: 'phone_not_text' | 'history_not_list' }> {
  if (record._type !== 'customer') return [];
  const out: Array<Omit<StoreProblem, 'kind'> & { kind: 'phone_not_text' | 'history_not_list' }> = [];
  if (typeof record.phone === 'number') {
    out.push({
      kind: 'phone_not_text',
      file,
      problem: `phone is stored as the number ${record.phone}, not as text`,
      repair: '`cs doctor --fix` writes it as text (the phone is read correctly meanwhile)',
      fix: true,
    });
  }
  const history = record.interaction_history;
  if (history !== undefined && !Array.isArray(history)) {
    out.push({
      kind: 'history_not_list',
      file,
      problem: 'interaction_history is not a list of past calls',
      repair: `\`cs doctor --fix\` keeps it as ${LEGACY_HISTORY_FIELD} and starts a new list`,
      fix: true,
    });
  }
  return out;
}

/** The user fields of a record with its oddly typed fields normalised, for `RecordStore.update`. */
export function normalizedFields(type: RecordType, record: StoredRecord): Record<string, unknown> {
  const fields = tolerateStoredFields(type, userFields(record));
  return typeof fields.phone === 'number' ? { ...fields, phone: String(fields.phone) } : fields;
}

/**
 * Customers sharing a normalised phone (a lookup by phone must name one caller), each group
 * with the ids and the files they live in.
 *
 * @example duplicatePhones([{ id: 'a', phone: '138…', file: 'customers/a_x' }, …])
 */
export function duplicatePhones(
  customers: ReadonlyArray<{ id: string; phone: unknown; file: string }>,
): Array<{ phone: string; holders: Array<{ id: string; file: string }> }> {
  const byPhone = new Map<string, Array<{ id: string; file: string }>>();
  for (const c of customers) {
    if (typeof c.phone !== 'string' && typeof c.phone !== 'number') continue;
    const key = normalizePhone(String(c.phone));
    if (key === '') continue;
    const list = byPhone.get(key) ?? [];
    list.push({ id: c.id, file: c.file });
    byPhone.set(key, list);
  }
  return [...byPhone]
    .filter(([, holders]) => holders.length > 1)
    .map(([phone, holders]) => ({ phone, holders }));
}

/** The problem line for one group of customers sharing a phone. */
export function duplicatePhoneProblem(group: {
  phone: string;
  holders: Array<{ id: string; file: string }>;
}): StoreProblem {
  const ids = group.holders.map((h) => h.id);
  return {
    kind: 'duplicate_phone',
    file: group.holders.map((h) => h.file).join(', '),
    problem: `${group.holders.length} customers share the phone ${group.phone} (${ids.join(', ')})`,
    repair: `keep one: give the others their own phone (\`cs update customer --id ${ids[1]} --updates '{"phone": "…"}'\`) or delete the duplicate`,
    fix: false,
  };
}
