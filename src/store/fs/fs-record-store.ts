import { join } from 'node:path';
import type { StoredRecord } from '../../domain/record-schemas.js';
import type { RecordType } from '../../domain/record-types.js';
import type { StoreReport } from '../../records/record-problems.js';
import { ComposedRecordStore, type RecordStoreParts } from '../composed-record-store.js';
import type { GrantStore } from '../grant-store.js';
import { FileCallJournal } from '../journal/file-call-journal.js';
import type { CheckStoreOptions } from '../store-doctor.js';
import { FsLiveSessions } from './fs-live-sessions.js';
import { FsMockState } from './fs-mock-state.js';
import { FsRecordLookup } from './fs-record-lookup.js';
import { FsRecords } from './fs-records.js';
import { FsSessionArchive } from './fs-session-archive.js';
import { type FsRecordStoreOptions, FsStoreContext } from './fs-store-context.js';
import { FsTrash } from './fs-trash.js';
import { FsWorkflowStore } from './fs-workflow-store.js';

export { TYPE_FOLDERS } from './fs-files.js';
export type { FsRecordStoreOptions } from './fs-store-context.js';

/**
 * The file-system RecordStore, the seed's on-disk layout and the default store:
 *
 * ```
 * <db>/products|customers|operators/<8-hex id>_<name>/info.json + README.md   (fs-records.ts)
 * <db>/history/cs_<YYYYMMDD>_<seq>_<tag>/session.json + README.md           (fs-session-archive.ts)
 * <db>/mock_state/<productId>/<phone>.json (fs-mock-state.ts)   <db>/live/<live_id>.json (fs-live-sessions.ts)
 * <db>/.grants/ (fs-grant-store.ts)        <db>/.trash/<trash_id>/ deleted records (fs-trash.ts)
 * <db>/.index/<type>/ record lookup index (fs-index.ts)   <db>/.index/sessions/ (fs-session-index.ts)
 * <db>/.locks/ proper-lockfile locks       <db>/.tmp/ folders being assembled   <db>/journal/
 * <db>/workflow/<kind>/<id>.json + .state/<state>/<created>~<due>~<id> markers, workflow/audit/ (fs-workflow-store.ts)
 * ```
 *
 * Each aggregate lives in its own file; this class only builds them (ComposedRecordStore puts them together). Files are written
 * atomically (a new record or session folder is assembled in `.tmp/` and renamed into place),
 * so no reader and no crash ever sees half of one. Read-modify-write steps hold cross-process
 * locks, so concurrent processes lose nothing. Reading creates no folders, except that a lookup
 * or listing in an existing database writes its index cache.
 *
 * @example const store = openFsStore('.ezagent/database/customer_service');
 */
export class FsRecordStore extends ComposedRecordStore<FsParts> {
  readonly #lookup: FsRecordLookup;

  constructor(dbDir: string, options: FsRecordStoreOptions = {}) {
    const ctx = new FsStoreContext(dbDir, options);
    const journal = new FileCallJournal(join(ctx.db, 'journal'));
    const lookup = new FsRecordLookup(ctx);
    const records = new FsRecords(ctx, lookup);
    super(ctx.db, journal, {
      records,
      trash: new FsTrash(ctx, lookup),
      sessions: new FsSessionArchive(ctx, records, journal),
      live: new FsLiveSessions(ctx),
      mock: new FsMockState(ctx),
      grants: lazyGrants(ctx.db),
      workflow: new FsWorkflowStore(ctx),
    });
    this.#lookup = lookup;
  }

  /** Overwrites records by whole documents, metadata included (see FsRecords.replaceRecords). */
  replaceRecords(type: RecordType, records: readonly StoredRecord[]): Promise<number> {
    return this.parts.records.replaceRecords(type, records);
  }
  /** Copies records keeping their ids and metadata (see FsRecords.importRecords). */
  importRecords(type: RecordType, records: readonly StoredRecord[]): Promise<number> {
    return this.parts.records.importRecords(type, records);
  }
  /** Writes many new records at once, refusing a taken phone (see FsRecords.bulkImport). */
  bulkImport(type: RecordType, items: ReadonlyArray<Record<string, unknown>>): Promise<StoredRecord[]> {
    return this.parts.records.bulkImport(type, items);
  }
  /** Rebuilds the lookup index of one type or all (after editing info.json files by hand). */
  rebuildIndex(type?: RecordType): Promise<void> {
    return this.parts.records.rebuildIndex(type);
  }
  /** Rebuilds the session index from history/ (after editing session.json files by hand). */
  rebuildSessionIndex(): Promise<void> {
    return this.parts.sessions.rebuildSessionIndex();
  }

  /**
   * Every check `cs doctor` makes of a file database: damaged files, index drift, duplicate
   * phones, odd field types, abandoned locks and leftovers (fs-doctor.ts); `fix` repairs.
   */
  async checkFiles(options: CheckStoreOptions = {}): Promise<StoreReport> {
    const { checkFsStore } = await import('./fs-doctor.js');
    return checkFsStore(this, options);
  }

  async close(): Promise<void> {
    this.#lookup.clear();
  }
}

/** The file store's parts, by their own classes (for what it adds beyond the RecordStore). */
interface FsParts extends RecordStoreParts {
  records: FsRecords;
  sessions: FsSessionArchive;
}

/**
 * The grants part, loaded on first use: grants bring zod, which reads and listings never need.
 */
function lazyGrants(db: string): GrantStore {
  let loaded: Promise<GrantStore> | undefined;
  const grants = (): Promise<GrantStore> => {
    loaded ??= import('./fs-grant-store.js').then((m) => new m.FsGrantStore(db));
    return loaded;
  };
  return {
    putGrant: async (grant) => (await grants()).putGrant(grant),
    consumeGrant: async (consumption) => (await grants()).consumeGrant(consumption),
    listGrants: async (filter) => (await grants()).listGrants(filter),
  };
}

/**
 * Opens the file store on a database folder. Nothing is created until the first write.
 *
 * @example const store = openFsStore('/tmp/db'); await store.findCustomerByPhone('13800138000');
 */
export function openFsStore(dbDir: string, options: FsRecordStoreOptions = {}): FsRecordStore {
  return new FsRecordStore(dbDir, options);
}
