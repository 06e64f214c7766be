import { join } from 'node:path';
import type { Grant } from '../../domain/grant-schema.js';
import type { StoredRecord } from '../../domain/record-schemas.js';
import type { RecordType } from '../../domain/record-types.js';
import type { SessionRecord } from '../../domain/session-schemas.js';
import type { StoreReport } from '../../records/record-problems.js';
import type { CallJournal } from '../call-journal.js';
import type { GrantConsumption, GrantFilter } from '../grant-store.js';
import { FileCallJournal } from '../journal/file-call-journal.js';
import type { LiveSessionRecord } from '../live-session-store.js';
import type { MockStateEntry } from '../mock-state-store.js';
import type { CreateManyOptions, RecordSummary } from '../record-repository.js';
import type { RecordStore } from '../record-store.js';
import type { SavedSession, SaveSessionOptions, SessionFilter, SessionSummary } from '../session-archive.js';
import type { CheckStoreOptions } from '../store-doctor.js';
import type { TrashEntry } from '../trash-repository.js';
import type { FsGrantStore } from './fs-grant-store.js';
import { FsLiveSessions } from './fs-live-sessions.js';
import { FsMockState } from './fs-mock-state.js';
import { FsRecordLookup } from './fs-record-lookup.js';
import { FsRecords } from './fs-records.js';
import { FsSessionArchive } from './fs-session-archive.js';
import { type FsRecordStoreOptions, FsStoreContext } from './fs-store-context.js';
import { FsTrash } from './fs-trash.js';

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
 * ```
 *
 * Each aggregate lives in its own file; this class only puts them together. Files are written
 * atomically (a new record or session folder is assembled in `.tmp/` and renamed into place),
 * so no reader and no crash ever sees half of one. Read-modify-write steps hold cross-process
 * locks, so concurrent processes lose nothing. Reading creates no folders, except that a lookup
 * or listing in an existing database writes its index cache.
 *
 * @example const store = openFsStore('.ezagent/database/customer_service');
 */
export class FsRecordStore implements RecordStore {
  readonly location: string;
  readonly journal: CallJournal;
  readonly #lookup: FsRecordLookup;
  readonly #records: FsRecords;
  readonly #trash: FsTrash;
  readonly #sessions: FsSessionArchive;
  readonly #live: FsLiveSessions;
  readonly #mock: FsMockState;
  /** Loaded on first use: grants bring zod, which reads and listings never need. */
  #grants: Promise<FsGrantStore> | undefined;

  constructor(dbDir: string, options: FsRecordStoreOptions = {}) {
    const ctx = new FsStoreContext(dbDir, options);
    this.location = ctx.db;
    this.journal = new FileCallJournal(join(ctx.db, 'journal'));
    this.#lookup = new FsRecordLookup(ctx);
    this.#records = new FsRecords(ctx, this.#lookup);
    this.#trash = new FsTrash(ctx, this.#lookup);
    this.#sessions = new FsSessionArchive(ctx, this.#records, this.journal);
    this.#live = new FsLiveSessions(ctx);
    this.#mock = new FsMockState(ctx);
  }

  // ---- records (fs-records.ts)

  create(
    type: RecordType,
    fields: Record<string, unknown>,
    options?: { id?: string },
  ): Promise<StoredRecord> {
    return this.#records.create(type, fields, options);
  }
  createMany(
    type: RecordType,
    items: ReadonlyArray<Record<string, unknown>>,
    options?: CreateManyOptions,
  ): Promise<StoredRecord[]> {
    return this.#records.createMany(type, items, options);
  }
  get(type: RecordType, id: string): Promise<StoredRecord | undefined> {
    return this.#records.get(type, id);
  }
  findByName(type: RecordType, name: string): Promise<StoredRecord[]> {
    return this.#records.findByName(type, name);
  }
  findCustomerByPhone(phone: string): Promise<StoredRecord | undefined> {
    return this.#records.findCustomerByPhone(phone);
  }
  summaries(type: RecordType): Promise<RecordSummary[]> {
    return this.#records.summaries(type);
  }
  streamSummaries(type: RecordType): AsyncIterable<RecordSummary> {
    return this.#records.streamSummaries(type);
  }
  list(type: RecordType): Promise<StoredRecord[]> {
    return this.#records.list(type);
  }
  streamRecords(type: RecordType): AsyncIterable<StoredRecord> {
    return this.#records.streamRecords(type);
  }
  update(
    type: RecordType,
    id: string,
    change: (current: StoredRecord) => Record<string, unknown> | Promise<Record<string, unknown>>,
  ): Promise<StoredRecord> {
    return this.#records.update(type, id, change);
  }
  /** Overwrites records by whole documents, metadata included (see FsRecords.replaceRecords). */
  replaceRecords(type: RecordType, records: readonly StoredRecord[]): Promise<number> {
    return this.#records.replaceRecords(type, records);
  }
  /** Copies records keeping their ids and metadata (see FsRecords.importRecords). */
  importRecords(type: RecordType, records: readonly StoredRecord[]): Promise<number> {
    return this.#records.importRecords(type, records);
  }
  /** Writes many new records at once, refusing a taken phone (see FsRecords.bulkImport). */
  bulkImport(type: RecordType, items: ReadonlyArray<Record<string, unknown>>): Promise<StoredRecord[]> {
    return this.#records.bulkImport(type, items);
  }
  /** Rebuilds the lookup index of one type or all (after editing info.json files by hand). */
  rebuildIndex(type?: RecordType): Promise<void> {
    return this.#records.rebuildIndex(type);
  }

  // ---- trash (fs-trash.ts)

  delete(type: RecordType, id: string): Promise<TrashEntry> {
    return this.#trash.delete(type, id);
  }
  listTrash(): Promise<TrashEntry[]> {
    return this.#trash.listTrash();
  }
  restore(trashId: string): Promise<StoredRecord> {
    return this.#trash.restore(trashId);
  }

  // ---- saved sessions (fs-session-archive.ts)

  saveSession(options: SaveSessionOptions): Promise<SavedSession> {
    return this.#sessions.saveSession(options);
  }
  /** Writes a session under its own id (copying between stores); false when it exists. */
  importSession(session: SessionRecord, readme: string): Promise<boolean> {
    return this.#sessions.importSession(session, readme);
  }
  /** The README.md saved with a session, as written. */
  readSessionReadme(sessionId: string): Promise<string | undefined> {
    return this.#sessions.readSessionReadme(sessionId);
  }
  getSession(sessionId: string): Promise<SessionRecord | undefined> {
    return this.#sessions.getSession(sessionId);
  }
  listSessions(filter?: SessionFilter): Promise<SessionSummary[]> {
    return this.#sessions.listSessions(filter);
  }
  isReferencedBySession(type: RecordType, record: StoredRecord): Promise<boolean> {
    return this.#sessions.isReferencedBySession(type, record);
  }
  /** Rebuilds the session index from history/ (after editing session.json files by hand). */
  rebuildSessionIndex(): Promise<void> {
    return this.#sessions.rebuildSessionIndex();
  }

  // ---- live sessions (fs-live-sessions.ts)

  putLiveSession(live: LiveSessionRecord): Promise<void> {
    return this.#live.putLiveSession(live);
  }
  getLiveSession(liveId: string): Promise<LiveSessionRecord | undefined> {
    return this.#live.getLiveSession(liveId);
  }
  updateLiveSession(
    liveId: string,
    change: (current: LiveSessionRecord) => LiveSessionRecord,
  ): Promise<LiveSessionRecord> {
    return this.#live.updateLiveSession(liveId, change);
  }
  listLiveSessions(): Promise<LiveSessionRecord[]> {
    return this.#live.listLiveSessions();
  }
  deleteLiveSession(liveId: string): Promise<void> {
    return this.#live.deleteLiveSession(liveId);
  }

  // ---- mock backend state (fs-mock-state.ts)

  getMockState(productId: string, phone: string): Promise<Record<string, unknown> | undefined> {
    return this.#mock.getMockState(productId, phone);
  }
  updateMockState(
    productId: string,
    phone: string,
    change: (current: Record<string, unknown> | undefined) => Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    return this.#mock.updateMockState(productId, phone, change);
  }
  listMockStates(productId?: string): Promise<MockStateEntry[]> {
    return this.#mock.listMockStates(productId);
  }

  // ---- grants (fs-grant-store.ts)

  async putGrant(grant: Grant): Promise<void> {
    return (await this.#grantStore()).putGrant(grant);
  }
  async consumeGrant(consumption: GrantConsumption): Promise<Grant | undefined> {
    return (await this.#grantStore()).consumeGrant(consumption);
  }
  async listGrants(filter: GrantFilter): Promise<Grant[]> {
    return (await this.#grantStore()).listGrants(filter);
  }
  #grantStore(): Promise<FsGrantStore> {
    this.#grants ??= import('./fs-grant-store.js').then((m) => new m.FsGrantStore(this.location));
    return this.#grants;
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

/**
 * Opens the file store on a database folder. Nothing is created until the first write.
 *
 * @example const store = openFsStore('/tmp/db'); await store.findCustomerByPhone('13800138000');
 */
export function openFsStore(dbDir: string, options: FsRecordStoreOptions = {}): FsRecordStore {
  return new FsRecordStore(dbDir, options);
}
