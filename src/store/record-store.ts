import type { RecordType, StoredRecord } from '../domain/record-schemas.js';
import type { SessionRecord } from '../domain/session-schemas.js';
import type { CallJournal } from './call-journal.js';
import type { GrantStore } from './grant-store.js';

/** A record moved to the trash by a delete; `restore` brings it back. */
export interface TrashEntry {
  trash_id: string;
  type: RecordType;
  id: string;
  name: string;
  deleted_at: string;
}

/** A short listing row, served from the index without reading every record. */
export interface RecordSummary {
  id: string;
  type: RecordType;
  name: string;
  phone?: string;
  /** Set when the record's file is damaged: which file and what is wrong (`cs doctor` repairs). */
  corrupt?: string;
}

export interface SessionSummary {
  session_id: string;
  timestamp: string;
  product: string;
  customer: string;
  operator: string;
  resolution_status?: string;
  /**
   * Set when the session's file is damaged: which file and what is wrong. `session_id` is then
   * its folder name and the other fields are empty.
   */
  corrupt?: string;
}

export interface SessionFilter {
  /** YYYYMMDD or YYYY-MM-DD */
  date?: string;
  /** customer name or id */
  customer?: string;
}

/**
 * The customer's side of saving a call: `change` gets the current customer and the saved
 * session and returns the new user fields. It must be idempotent (a recovery may run it on a
 * customer it was already applied to).
 */
export interface CustomerChangeForSession {
  id: string;
  change: (current: StoredRecord, session: SessionRecord) => Record<string, unknown>;
}

/** A call in progress, driven one command at a time (CLI sessions, MCP). Opaque to the store. */
export interface LiveSessionRecord {
  live_id: string;
  updated_at: string;
  [key: string]: unknown;
}

/**
 * Where records, mock backend state, sessions, live sessions and grants are kept. The file store (the
 * seed's layout) is the default; PostgreSQL serves teams. The contract tests run against both.
 *
 * Implementations validate nothing about the user's fields: callers pass validated data. They
 * guarantee atomic writes, no lost updates under concurrency, and indexed lookups.
 */
export interface RecordStore extends GrantStore {
  /** A description of where the data lives (folder path or masked URL). */
  readonly location: string;
  /** Journals of the calls in progress on this machine (see CallJournal). */
  readonly journal: CallJournal;

  create(type: RecordType, fields: Record<string, unknown>, options?: { id?: string }): Promise<StoredRecord>;
  get(type: RecordType, id: string): Promise<StoredRecord | undefined>;
  /** Exact name match. Several records may share a name (the legacy format allows it). */
  findByName(type: RecordType, name: string): Promise<StoredRecord[]>;
  /** The customer with this normalised phone. */
  findCustomerByPhone(phone: string): Promise<StoredRecord | undefined>;
  /** Names and ids from the index, for partial-name lookup and listings. */
  summaries(type: RecordType): Promise<RecordSummary[]>;
  list(type: RecordType): Promise<StoredRecord[]>;
  /**
   * Read-modify-write under a lock (or a transaction): `change` receives the current record and
   * returns the new user fields; metadata is kept and `_updated` set by the store.
   */
  update(
    type: RecordType,
    id: string,
    change: (current: StoredRecord) => Record<string, unknown> | Promise<Record<string, unknown>>,
  ): Promise<StoredRecord>;
  delete(type: RecordType, id: string): Promise<TrashEntry>;
  listTrash(): Promise<TrashEntry[]>;
  restore(trashId: string): Promise<StoredRecord>;

  /** Mock backend state for one product and caller: interface name -> response. */
  getMockState(productId: string, phone: string): Promise<Record<string, unknown> | undefined>;
  updateMockState(
    productId: string,
    phone: string,
    change: (current: Record<string, unknown> | undefined) => Record<string, unknown>,
  ): Promise<Record<string, unknown>>;
  listMockStates(
    productId?: string,
  ): Promise<Array<{ productId: string; phone: string; state: Record<string, unknown> }>>;

  /**
   * Saves a session under a new id `cs_<date>_<seq>_<tag>`, the seq unique for the day even
   * when processes save at once. `build` gets the id and returns the record to write.
   *
   * With `callId` the save is one unit with the customer's update and the end of the call's
   * journal, and idempotent: saving the same call again (a recovery after a crash) completes
   * what is missing and never makes a second session. PostgreSQL does it in one transaction;
   * the file store writes an intent first that whoever comes next completes.
   * `customerPending` says the customer could not be updated now (its lock is busy); the
   * intent stays and the next recovery completes it.
   */
  saveSession(options: {
    date: string;
    tag: string;
    build: (sessionId: string) => SessionRecord;
    readme: (session: SessionRecord) => string;
    callId?: string;
    customer?: CustomerChangeForSession;
  }): Promise<{ sessionId: string; path: string; customerPending?: boolean }>;
  getSession(sessionId: string): Promise<SessionRecord | undefined>;
  listSessions(filter?: SessionFilter): Promise<SessionSummary[]>;
  /** True when a saved session names this record (deleting it then needs --force). */
  isReferencedBySession(type: RecordType, record: StoredRecord): Promise<boolean>;

  putLiveSession(live: LiveSessionRecord): Promise<void>;
  getLiveSession(liveId: string): Promise<LiveSessionRecord | undefined>;
  /** Read-modify-write of a live session under a lock. */
  updateLiveSession(
    liveId: string,
    change: (current: LiveSessionRecord) => LiveSessionRecord,
  ): Promise<LiveSessionRecord>;
  listLiveSessions(): Promise<LiveSessionRecord[]>;
  deleteLiveSession(liveId: string): Promise<void>;

  /**
   * Hears each wait while the store is unreachable and its statements are retried (PostgreSQL);
   * returns the way to stop listening. Stores that never wait for a server lack it.
   */
  onStoreWait?(listener: (waitedMs: number) => void): () => void;

  close(): Promise<void>;
}
