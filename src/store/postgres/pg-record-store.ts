import type pg from 'pg';
import { type Clock, systemClock } from '../../domain/clock.js';
import { CsError } from '../../domain/cs-error.js';
import type { RecordType, StoredRecord } from '../../domain/record-schemas.js';
import type { CallJournal } from '../call-journal.js';
import { ComposedRecordStore, type RecordStoreParts } from '../composed-record-store.js';
import { FileCallJournal } from '../journal/file-call-journal.js';
import type { RecordImporter, SessionImporter, SessionReadmeSource } from '../migrate-store.js';
import type { RecordStore } from '../record-store.js';
import { applyMigrations } from './migrations.js';
import { parsePgUrl } from './parse-pg-url.js';
import { messageOf, PgClient } from './pg-client.js';
import { pgModule } from './pg-module.js';
import type { PgParts as ZodParts } from './pg-parts.js';
import { PgWorkflowStore } from './pg-workflow-store.js';
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
  const pool = new (await pgModule()).Pool({
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

/** The parts of the PostgreSQL store, each in its own file, over one connection pool. */
interface PgParts extends RecordStoreParts {
  records: ZodParts['records'];
}

/**
 * The PostgreSQL store: builds its parts over one pool (ComposedRecordStore puts them together).
 * The parts that check rows with zod load on their first call, so a command that touches only
 * work items (`cs approvals list`) starts without zod, as the file store does.
 */
class PgStore extends ComposedRecordStore<PgParts> implements PgRecordStore {
  readonly #db: PgClient;

  constructor(db: PgClient, journal: CallJournal) {
    let loaded: Promise<ZodParts> | undefined;
    const parts = () => {
      loaded ??= import('./pg-parts.js').then((m) => m.buildPgParts(db, journal));
      return loaded;
    };
    super(db.location, journal, {
      records: lazyPart(async () => (await parts()).records),
      trash: lazyPart(async () => (await parts()).trash),
      sessions: lazyPart(async () => (await parts()).sessions),
      live: lazyPart(async () => (await parts()).live),
      mock: lazyPart(async () => (await parts()).mock),
      grants: lazyPart(async () => (await parts()).grants),
      workflow: new PgWorkflowStore(db),
    });
    this.#db = db;
  }

  onStoreWait(listener: (waitedMs: number) => void): () => void {
    return this.#db.onStoreWait(listener);
  }

  importRecords(type: RecordType, records: readonly StoredRecord[]): Promise<number> {
    return this.parts.records.importRecords(type, records);
  }

  async close(): Promise<void> {
    await this.#db.close();
  }
}

/**
 * A part built on its first call: every method is async (or, `stream…`, an async generator),
 * so a stand-in that loads the part, then calls it, behaves the same.
 */
function lazyPart<T extends object>(load: () => Promise<T>): T {
  const call = async (name: string, args: unknown[]) => {
    const part = (await load()) as Record<string, (...a: unknown[]) => unknown>;
    return part[name]!(...args);
  };
  return new Proxy({} as T, {
    get(_target, name) {
      // Not a thenable: `await part` must not call a method named then.
      if (typeof name !== 'string' || name === 'then') return undefined;
      if (name.startsWith('stream')) {
        return (...args: unknown[]) =>
          (async function* () {
            yield* (await call(name, args)) as AsyncIterable<unknown>;
          })();
      }
      return (...args: unknown[]) => call(name, args);
    },
  });
}
