import { RECORD_TYPES } from '../domain/record-schemas.js';
import {
  duplicatePhoneProblem,
  duplicatePhones,
  normalizedFields,
  type StoreProblem,
  type StoreReport,
  storedFieldProblems,
} from '../records/record-problems.js';
import type { RecordStore } from './record-store.js';

/** Options of `checkStore` (see `cs doctor`). */
export interface CheckStoreOptions {
  /** Repair what can be repaired safely. */
  fix?: boolean;
  /** With `fix`, on a file store: move damaged files aside (`<file>.corrupt-<time>`). */
  moveCorrupt?: boolean;
}

/**
 * Lists what is wrong in a database, one problem each with where it is and how to repair it, and
 * with `fix` repairs what is safe. A file database gets every check (fs-doctor.ts); any other
 * store has no files, index, locks or temp folders to check, so only its records are checked:
 * phones stored as numbers, histories that are not lists, customers sharing a phone.
 *
 * @example const report = await checkStore(store, { fix: true }); if (report.problems.length) …
 */
export async function checkStore(store: RecordStore, options: CheckStoreOptions = {}): Promise<StoreReport> {
  if (hasFileChecks(store)) return store.checkFiles(options);
  const first = await checkRecordFields(store);
  const fixed: string[] = [];
  if (options.fix) {
    for (const { problem, type, id } of first.found) {
      if (problem.fix !== true) continue;
      await store.update(type, id, (current) => normalizedFields(type, current));
      fixed.push(
        `normalised ${problem.kind === 'phone_not_text' ? 'the phone' : 'interaction_history'} of ${problem.file}`,
      );
    }
  }
  const final = options.fix && fixed.length > 0 ? await checkRecordFields(store) : first;
  return {
    location: store.location,
    checked: { records: final.records, sessions: (await store.listSessions()).length },
    problems: final.found.map((f) => f.problem),
    fixed,
    notes: [
      'Damaged files, the lookup index, locks and temp folders belong to file databases: nothing to check here.',
    ],
  };
}

/** A store with files of its own to check (the file store: see fs-doctor.ts). */
interface FileChecks {
  checkFiles(options: CheckStoreOptions): Promise<StoreReport>;
}

function hasFileChecks(store: RecordStore): store is RecordStore & FileChecks {
  return typeof (store as Partial<FileChecks>).checkFiles === 'function';
}

async function checkRecordFields(store: RecordStore): Promise<{
  records: number;
  found: Array<{ problem: StoreProblem; type: (typeof RECORD_TYPES)[number]; id: string }>;
}> {
  let records = 0;
  const found: Array<{ problem: StoreProblem; type: (typeof RECORD_TYPES)[number]; id: string }> = [];
  for (const type of RECORD_TYPES) {
    const list = await store.list(type);
    records += list.length;
    if (type !== 'customer') continue;
    const where = (r: { _id: string; name: string }) => `customer ${r._id} (${r.name})`;
    for (const record of list) {
      for (const problem of storedFieldProblems(record, where(record)))
        found.push({ problem, type, id: record._id });
    }
    const phones = list.map((r) => ({ id: r._id, phone: r.phone, file: where(r) }));
    for (const group of duplicatePhones(phones)) {
      found.push({ problem: duplicatePhoneProblem(group), type, id: group.holders[0]?.id ?? '' });
    }
  }
  return { records, found };
}
