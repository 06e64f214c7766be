import pg from 'pg';
import { type Clock, systemClock } from '../../domain/clock.js';
import { CsError } from '../../domain/cs-error.js';
import type { Grant } from '../../domain/grant-schema.js';
import type { RecordType, StoredRecord } from '../../domain/record-schemas.js';
import type { SessionRecord } from '../../domain/session-schemas.js';
import type { CallJournal } from '../call-journal.js';
import type { GrantConsumption, GrantFilter } from '../grant-store.js';
import { FileCallJournal } from '../journal/file-call-journal.js';
import type { LiveSessionRecord } from '../live-session-store.js';
import type { RecordImporter, SessionImporter, SessionReadmeSource } from '../migrate-store.js';
import type { MockStateEntry } from '../mock-state-store.js';
import type { CreateManyOptions, RecordSummary } from '../record-repository.js';
import type { RecordStore } from '../record-store.js';
import type { SavedSession, SaveSessionOptions, SessionFilter, SessionSummary } from '../session-archive.js';
import type { TrashEntry } from '../trash-repository.js';
import { applyMigrations } from './migrations.js';
import { parsePgUrl } from './parse-pg-url.js';
import { messageOf, PgClient } from './pg-client.js';
import { PgGrantStore } from './pg-grant-store.js';
import { PgLiveSessions } from './pg-live-sessions.js';
import { PgMockState } from './pg-mock-state.js';
import { PgRecords } from './pg-records.js';
import { PgSessionArchive } from './pg-session-archive.js';
import { PgTrash } from './pg-trash.js';
import { defaultJournalDir, retryWhileUnreachable } from './retry-while-unreachable.js';

/** Options of `openPgRecordStore`. */
export interface PgRecordStoreOptions {
  /** Schema for the tables; wins over `?schema=` in the URL. Default `public`. */
  schema?: string;
  /** Connections kept open (default 10). */
  poolSize?: number;
  /** Time source for `_created`, `_updated` and trash times (tests). */
  clock?: Clock;
  /** Folder of the call journal on this machine (default: a local spool, see `defaultJournalDir`). */
  journalDir?: string;
  /** How long a statement is retried while the server is unreachable (default 30 s). */
  retryMs?: number;
}

/** The PostgreSQL store with what copying between stores needs. */
export type PgRecordStore = RecordStore & RecordImporter & SessionImporter & SessionReadmeSource;

/**
 * Opens the PostgreSQL store: connects, creates or upgrades the schema (numbered migrations,
 * safe when several processes start at once) and returns a RecordStore over a connection pool.
 *
 * @example const store = await openPgRecordStore('postgres://cs@db:5432/cs?schema=team1')
 */
export async function openPgRecordStore(
  url: string,
  options: PgRecordStoreOptions = {},
): Promise<PgRecordStore> {
  const target = parsePgUrl(url, options.schema);
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max: options.poolSize ?? 10,
    // An unreachable server (or a pool kept busy) fails in a bounded time instead of hanging a command.
    connectionTimeoutMillis: 15_000,
  });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  // Nor may a connection that is checked out when the server goes: its query fails (and is
  // retried), but its 'error' event would otherwise be unhandled and end the process.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  let client: pg.PoolClient;
  const retryMs = options.retryMs ?? 30_000;
  try {
    client = await retryWhileUnreachable(() => pool.connect(), { retryMs, onWait: () => undefined });
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new CsError(
      'E_UPSTREAM',
      `Cannot connect to PostgreSQL at ${target.location}: ${messageOf(error)}.`,
      {
        cause: error,
      },
    );
  }
  try {
    await applyMigrations(client, target.schema);
  } catch (error) {
    client.release();
    await pool.end().catch(() => undefined);
    if (CsError.isInstance(error)) throw error;
    throw new CsError(
      'E_CONFIG',
      `Cannot prepare schema "${target.schema}" at ${target.location}: ${messageOf(error)}.`,
      { cause: error },
    );
  }
  client.release();
  const journal = new FileCallJournal(
    options.journalDir ?? defaultJournalDir(target.location, target.schema),
  );
  return new PgStore(new PgClient(pool, target.location, options.clock ?? systemClock, retryMs), journal);
}

/** The aggregates of the PostgreSQL store put together; each lives in its own file. */
class PgStore implements PgRecordStore {
  readonly location: string;
  readonly journal: CallJournal;
  readonly #db: PgClient;
  readonly #records: PgRecords;
  readonly #trash: PgTrash;
  readonly #sessions: PgSessionArchive;
  readonly #live: PgLiveSessions;
  readonly #mock: PgMockState;
  readonly #grants: PgGrantStore;

  constructor(db: PgClient, journal: CallJournal) {
    this.#db = db;
    this.location = db.location;
    this.journal = journal;
    this.#records = new PgRecords(db);
    this.#trash = new PgTrash(db, this.#records);
    this.#sessions = new PgSessionArchive(db, this.#records, journal);
    this.#live = new PgLiveSessions(db);
    this.#mock = new PgMockState(db);
    this.#grants = new PgGrantStore((sql, params) => db.query(sql, params));
  }

  onStoreWait(listener: (waitedMs: number) => void): () => void {
    return this.#db.onStoreWait(listener);
  }

  // ---- records (pg-records.ts)

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
  importRecords(type: RecordType, records: readonly StoredRecord[]): Promise<number> {
    return this.#records.importRecords(type, records);
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

  // ---- trash (pg-trash.ts)

  delete(type: RecordType, id: string): Promise<TrashEntry> {
    return this.#trash.delete(type, id);
  }
  listTrash(): Promise<TrashEntry[]> {
    return this.#trash.listTrash();
  }
  restore(trashId: string): Promise<StoredRecord> {
    return this.#trash.restore(trashId);
  }

  // ---- saved sessions (pg-session-archive.ts)

  saveSession(options: SaveSessionOptions): Promise<SavedSession> {
    return this.#sessions.saveSession(options);
  }
  importSession(session: SessionRecord, readme: string): Promise<boolean> {
    return this.#sessions.importSession(session, readme);
  }
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

  // ---- live sessions (pg-live-sessions.ts)

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

  // ---- mock backend state (pg-mock-state.ts)

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

  // ---- grants (pg-grant-store.ts)

  putGrant(grant: Grant): Promise<void> {
    return this.#grants.putGrant(grant);
  }
  consumeGrant(consumption: GrantConsumption): Promise<Grant | undefined> {
    return this.#grants.consumeGrant(consumption);
  }
  listGrants(filter: GrantFilter): Promise<Grant[]> {
    return this.#grants.listGrants(filter);
  }

  async close(): Promise<void> {
    await this.#db.close();
  }
}
