import { randomBytes } from 'node:crypto';
import type { PoolClient } from 'pg';
import pg from 'pg';
import { type Clock, localIsoTimestamp, systemClock } from '../../domain/clock.js';
import { CsError } from '../../domain/cs-error.js';
import type { Grant } from '../../domain/grant-schema.js';
import { normalizePhone } from '../../domain/phone.js';
import { MetadataSchema, type RecordType, type StoredRecord } from '../../domain/record-schemas.js';
import type { SessionRecord } from '../../domain/session-schemas.js';
import type { CallJournal } from '../call-journal.js';
import type { GrantConsumption, GrantFilter } from '../grant-store.js';
import { FileCallJournal } from '../journal/file-call-journal.js';
import type { RecordImporter, SessionImporter, SessionReadmeSource } from '../migrate-store.js';
import type {
  CustomerChangeForSession,
  LiveSessionRecord,
  RecordStore,
  RecordSummary,
  SessionFilter,
  SessionSummary,
  TrashEntry,
} from '../record-store.js';
import { normalizeSessionDate, sessionIdParts } from '../session-id-parts.js';
import { applyMigrations } from './migrations.js';
import { parsePgUrl } from './parse-pg-url.js';
import { PgGrantStore } from './pg-grant-store.js';
import { LiveSessionRowSchema, MockStateRowSchema, sessionRow, trustedRow } from './pg-row-schemas.js';
import { buildNewRecord, mergeUpdate } from './record-document.js';
import { defaultJournalDir, isUnreachable, retryWhileUnreachable } from './retry-while-unreachable.js';

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

const RECORD_ID = /^[0-9a-f]{8}$/;
const SESSION_ID = /^cs_(\d{8})_(\d+)_([A-Za-z0-9_-]+)$/;
const UNIQUE_VIOLATION = '23505';

/** Session columns that name each record type: [id column, name column]. */
const SESSION_REFERENCE = {
  product: ['product_id', 'product'],
  customer: ['customer_id', 'customer'],
  operator: ['operator_id', 'operator'],
} as const;

/**
 * Opens the PostgreSQL store: connects, creates or upgrades the schema (numbered migrations,
 * safe when several processes start at once) and returns a RecordStore over a connection pool.
 *
 * @example const store = await openPgRecordStore('postgres://cs@db:5432/cs?schema=team1')
 */
export async function openPgRecordStore(
  url: string,
  options: PgRecordStoreOptions = {},
): Promise<RecordStore & RecordImporter & SessionImporter & SessionReadmeSource> {
  const target = parsePgUrl(url, options.schema);
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max: options.poolSize ?? 10,
    // An unreachable server (or a pool kept busy) fails in a bounded time instead of hanging a command.
    connectionTimeoutMillis: 15_000,
  });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  let client: PoolClient;
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
  return new PgRecordStore(pool, target.location, options.clock ?? systemClock, journal, retryMs);
}

class PgRecordStore implements RecordStore, RecordImporter, SessionImporter, SessionReadmeSource {
  readonly #waitListeners = new Set<(waitedMs: number) => void>();

  constructor(
    private readonly pool: pg.Pool,
    readonly location: string,
    private readonly clock: Clock,
    readonly journal: CallJournal,
    private readonly retryMs: number,
  ) {}

  onStoreWait(listener: (waitedMs: number) => void): () => void {
    this.#waitListeners.add(listener);
    return () => this.#waitListeners.delete(listener);
  }

  /** Runs `work` again while the server is unreachable, for up to `retryMs`, telling listeners. */
  private retrying<T>(work: () => Promise<T>): Promise<T> {
    return retryWhileUnreachable(work, {
      retryMs: this.retryMs,
      onWait: (waited) => {
        for (const l of this.#waitListeners) l(waited);
      },
    });
  }

  private now(): string {
    return localIsoTimestamp(this.clock.now());
  }

  /** One statement on any pooled connection; driver failures become one readable CsError. */
  private async query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
    try {
      return await this.retrying(async () => (await this.pool.query<R>(sql, params)).rows);
    } catch (error) {
      throw this.wrap(error);
    }
  }

  /** Runs `work` in a transaction on one connection; rolls back on any error. */
  private async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    try {
      return await this.retrying(() => this.transactionOnce(work));
    } catch (error) {
      throw this.wrap(error);
    }
  }

  private async transactionOnce<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      broken = isUnreachable(error);
      if (!broken) await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      // A connection that lost its server goes, so the retry gets a fresh one.
      client.release(broken);
    }
  }

  private wrap(error: unknown): CsError {
    if (CsError.isInstance(error)) return error;
    return new CsError('E_UPSTREAM', `PostgreSQL at ${this.location} failed: ${messageOf(error)}.`, {
      cause: error,
    });
  }

  // ---- records ----

  async create(
    type: RecordType,
    fields: Record<string, unknown>,
    options?: { id?: string },
  ): Promise<StoredRecord> {
    const given = options?.id;
    if (given !== undefined && !RECORD_ID.test(given)) {
      throw new CsError('E_INVALID', `Record id "${given}" is not 8 hex digits (like 4f064bfb).`);
    }
    requireName(type, fields.name);
    const now = this.now();
    // A generated id may collide (1 in 4 billion per record); try a few before giving up.
    for (let attempt = 0; ; attempt++) {
      const id = given ?? randomBytes(4).toString('hex');
      const record = buildNewRecord(type, id, fields, now);
      const phone = recordPhone(type, record);
      try {
        await this.transaction(async (client) => {
          if (phone !== null) await this.assertPhoneFree(client, phone, id);
          await client.query(
            'INSERT INTO records (type, id, name, phone, data) VALUES ($1, $2, $3, $4, $5)',
            [type, id, record.name, phone, JSON.stringify(record)],
          );
        });
        return record;
      } catch (error) {
        const constraint = uniqueViolation(error);
        if (constraint === 'records_pkey') {
          if (given === undefined && attempt < 5) continue;
          throw new CsError('E_CONFLICT', `A ${type} with id ${id} already exists.`, { details: { id } });
        }
        if (constraint === 'records_customer_phone') throw phoneTaken(phone ?? '');
        throw error;
      }
    }
  }

  async importRecords(type: RecordType, records: readonly StoredRecord[]): Promise<number> {
    if (records.length === 0) return 0;
    const now = this.now();
    const rows = records.map((r) => {
      if (!RECORD_ID.test(r._id)) throw new CsError('E_INVALID', `Record id "${r._id}" is not 8 hex digits.`);
      requireName(type, r.name);
      const record = buildNewRecord(type, r._id, r, now);
      return [record._id, record.name, recordPhone(type, record), JSON.stringify(record)];
    });
    const { rowCount } = await this.transaction(async (client) => {
      try {
        // One statement for the batch; ids already there are skipped, a taken phone fails it whole.
        return await client.query(
          `INSERT INTO records (type, id, name, phone, data)
           SELECT $1, r.id, r.name, r.phone, r.data::json
             FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS r (id, name, phone, data)
           ON CONFLICT (type, id) DO NOTHING`,
          [type, ...[0, 1, 2, 3].map((c) => rows.map((row) => row[c]))],
        );
      } catch (error) {
        if (uniqueViolation(error) === 'records_customer_phone') {
          throw new CsError(
            'E_CONFLICT',
            'Two customers in the batch, or one here and one there, share a phone.',
            {
              cause: error,
            },
          );
        }
        throw error;
      }
    });
    return rowCount ?? 0;
  }

  /** Names the customer holding the phone; the unique index is the guard under concurrency. */
  private async assertPhoneFree(client: PoolClient, phone: string, ownId: string): Promise<void> {
    const { rows } = await client.query<{ id: string; name: string }>(
      "SELECT id, name FROM records WHERE type = 'customer' AND phone = $1 AND id <> $2",
      [phone, ownId],
    );
    const holder = rows[0];
    if (holder) throw phoneTaken(phone, holder);
  }

  async get(type: RecordType, id: string): Promise<StoredRecord | undefined> {
    const rows = await this.query<{ data: unknown }>('SELECT data FROM records WHERE type = $1 AND id = $2', [
      type,
      id,
    ]);
    return rows[0] ? storedRecord(rows[0].data) : undefined;
  }

  async findByName(type: RecordType, name: string): Promise<StoredRecord[]> {
    const rows = await this.query<{ data: unknown }>(
      'SELECT data FROM records WHERE type = $1 AND name = $2 ORDER BY name, id',
      [type, name],
    );
    return rows.map((r) => storedRecord(r.data));
  }

  async findCustomerByPhone(phone: string): Promise<StoredRecord | undefined> {
    const key = normalizePhone(phone);
    if (key === '') return undefined;
    const rows = await this.query<{ data: unknown }>(
      "SELECT data FROM records WHERE type = 'customer' AND phone = $1",
      [key],
    );
    return rows[0] ? storedRecord(rows[0].data) : undefined;
  }

  async summaries(type: RecordType): Promise<RecordSummary[]> {
    const rows = await this.query<{ id: string; name: string; phone: string | null }>(
      'SELECT id, name, phone FROM records WHERE type = $1 ORDER BY name, id',
      [type],
    );
    return rows.map((r) =>
      r.phone === null ? { id: r.id, type, name: r.name } : { ...r, type, phone: r.phone },
    );
  }

  async list(type: RecordType): Promise<StoredRecord[]> {
    const rows = await this.query<{ data: unknown }>(
      'SELECT data FROM records WHERE type = $1 ORDER BY name, id',
      [type],
    );
    return rows.map((r) => storedRecord(r.data));
  }

  async update(
    type: RecordType,
    id: string,
    change: (current: StoredRecord) => Record<string, unknown> | Promise<Record<string, unknown>>,
  ): Promise<StoredRecord> {
    return this.transaction((client) => this.updateIn(client, type, id, change));
  }

  /** `update` inside a transaction the caller holds. */
  private async updateIn(
    client: PoolClient,
    type: RecordType,
    id: string,
    change: (current: StoredRecord) => Record<string, unknown> | Promise<Record<string, unknown>>,
  ): Promise<StoredRecord> {
    {
      // FOR UPDATE: a concurrent update of this record waits here and then reads our result.
      const { rows } = await client.query<{ data: unknown }>(
        'SELECT data FROM records WHERE type = $1 AND id = $2 FOR UPDATE',
        [type, id],
      );
      if (!rows[0]) throw notFound(type, id);
      const current = storedRecord(rows[0].data);
      const next = mergeUpdate(current, await change(current), this.now());
      requireName(type, next.name);
      const phone = recordPhone(type, next);
      if (phone !== null) await this.assertPhoneFree(client, phone, id);
      try {
        await client.query(
          'UPDATE records SET name = $3, phone = $4, data = $5 WHERE type = $1 AND id = $2',
          [type, id, next.name, phone, JSON.stringify(next)],
        );
      } catch (error) {
        if (uniqueViolation(error) === 'records_customer_phone') throw phoneTaken(phone ?? '');
        throw error;
      }
      return next;
    }
  }

  async delete(type: RecordType, id: string): Promise<TrashEntry> {
    return this.transaction(async (client) => {
      const { rows } = await client.query<{ name: string; data: unknown }>(
        'DELETE FROM records WHERE type = $1 AND id = $2 RETURNING name, data',
        [type, id],
      );
      const row = rows[0];
      if (!row) throw notFound(type, id);
      const deletedAt = this.now();
      const entry: TrashEntry = {
        trash_id: `${deletedAt.slice(0, 19).replace(/[-:]/g, '')}_${type}_${id}_${randomBytes(2).toString('hex')}`,
        type,
        id,
        name: row.name,
        deleted_at: deletedAt,
      };
      await client.query(
        'INSERT INTO trash (trash_id, type, id, name, deleted_at, data) VALUES ($1, $2, $3, $4, $5, $6)',
        [entry.trash_id, type, id, row.name, deletedAt, JSON.stringify(row.data)],
      );
      return entry;
    });
  }

  async listTrash(): Promise<TrashEntry[]> {
    return this.query<TrashEntry>('SELECT trash_id, type, id, name, deleted_at FROM trash ORDER BY trash_id');
  }

  async restore(trashId: string): Promise<StoredRecord> {
    return this.transaction(async (client) => {
      const { rows } = await client.query<{ type: RecordType; id: string; data: unknown }>(
        'DELETE FROM trash WHERE trash_id = $1 RETURNING type, id, data',
        [trashId],
      );
      const row = rows[0];
      if (!row)
        throw new CsError('E_NOT_FOUND', `Nothing in the trash under ${trashId}: list the trash to see ids.`);
      const record = storedRecord(row.data);
      const phone = recordPhone(row.type, record);
      if (phone !== null) await this.assertPhoneFree(client, phone, row.id);
      try {
        await client.query('INSERT INTO records (type, id, name, phone, data) VALUES ($1, $2, $3, $4, $5)', [
          row.type,
          row.id,
          record.name,
          phone,
          JSON.stringify(record),
        ]);
      } catch (error) {
        const constraint = uniqueViolation(error);
        if (constraint === 'records_pkey') {
          throw new CsError('E_CONFLICT', `Cannot restore: a ${row.type} with id ${row.id} exists again.`);
        }
        if (constraint === 'records_customer_phone') throw phoneTaken(phone ?? '');
        throw error;
      }
      return record;
    });
  }

  // ---- mock backend state ----

  async getMockState(productId: string, phone: string): Promise<Record<string, unknown> | undefined> {
    const rows = await this.query<{ state: unknown }>(
      'SELECT state FROM mock_state WHERE product_id = $1 AND phone = $2 AND state IS NOT NULL',
      [productId, normalizePhone(phone)],
    );
    return rows[0] ? trustedRow(MockStateRowSchema, rows[0].state, 'mock state') : undefined;
  }

  async updateMockState(
    productId: string,
    phone: string,
    change: (current: Record<string, unknown> | undefined) => Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const key = normalizePhone(phone);
    return this.transaction(async (client) => {
      // A placeholder row gives FOR UPDATE something to lock when the state is new; a concurrent
      // first writer blocks on the insert and then reads our committed state.
      await client.query(
        'INSERT INTO mock_state (product_id, phone, state) VALUES ($1, $2, NULL) ON CONFLICT DO NOTHING',
        [productId, key],
      );
      const { rows } = await client.query<{ state: unknown }>(
        'SELECT state FROM mock_state WHERE product_id = $1 AND phone = $2 FOR UPDATE',
        [productId, key],
      );
      const raw = rows[0]?.state;
      const current =
        raw === null || raw === undefined ? undefined : trustedRow(MockStateRowSchema, raw, 'mock state');
      const next = change(current);
      await client.query('UPDATE mock_state SET state = $3 WHERE product_id = $1 AND phone = $2', [
        productId,
        key,
        JSON.stringify(next),
      ]);
      return next;
    });
  }

  async listMockStates(
    productId?: string,
  ): Promise<Array<{ productId: string; phone: string; state: Record<string, unknown> }>> {
    const rows = await this.query<{ product_id: string; phone: string; state: unknown }>(
      `SELECT product_id, phone, state FROM mock_state
        WHERE state IS NOT NULL AND ($1::text IS NULL OR product_id = $1)
        ORDER BY product_id, phone`,
      [productId ?? null],
    );
    return rows.map((r) => ({
      productId: r.product_id,
      phone: r.phone,
      state: trustedRow(MockStateRowSchema, r.state, 'mock state'),
    }));
  }

  // ---- saved sessions ----

  async saveSession(options: {
    date: string;
    tag: string;
    build: (sessionId: string) => SessionRecord;
    readme: (session: SessionRecord) => string;
    callId?: string;
    customer?: CustomerChangeForSession;
  }): Promise<{ sessionId: string; path: string; customerPending?: boolean }> {
    const { date: day, tag } = sessionIdParts(options);
    const callId = options.callId ?? null;
    // Session, customer and the call's save marker commit together; a second save of the same
    // call (a recovery after the commit's answer was lost) finds the first and changes nothing.
    const sessionId = await this.transaction(async (client) => {
      if (callId !== null) {
        const { rows } = await client.query<{ session_id: string }>(
          'SELECT session_id FROM sessions WHERE call_id = $1',
          [callId],
        );
        if (rows[0]) return rows[0].session_id;
      }
      // The upsert locks the day's counter row until commit: savers on every machine queue here,
      // and a failed save rolls its number back, so the day's numbers stay unique and gap-free.
      for (;;) {
        const { rows } = await client.query<{ last: number }>(
          `INSERT INTO session_seq (day, last) VALUES ($1, 1)
           ON CONFLICT (day) DO UPDATE SET last = session_seq.last + 1 RETURNING last`,
          [day],
        );
        const seq = rows[0]!.last;
        const id = `cs_${day}_${String(seq).padStart(3, '0')}_${tag}`;
        const session = sessionRow(options.build(id));
        if (session.session_id !== id) {
          throw new CsError('E_INTERNAL', `The session built for ${id} names itself ${session.session_id}.`);
        }
        // DO NOTHING covers an id taken by a session imported without bumping the counter.
        if (!(await insertSession(client, session, day, seq, options.readme(session), callId))) continue;
        if (options.customer)
          await this.updateIn(client, 'customer', options.customer.id, (c) =>
            options.customer!.change(c, session),
          );
        return id;
      }
    });
    if (callId !== null) await this.journal.remove(callId);
    return { sessionId, path: `history/${sessionId}` };
  }

  async importSession(session: SessionRecord, readme: string): Promise<boolean> {
    const record = sessionRow(session);
    const match = SESSION_ID.exec(record.session_id);
    if (!match) {
      throw new CsError('E_INVALID', `Session id "${record.session_id}" is not cs_<YYYYMMDD>_<seq>_<tag>.`);
    }
    const day = match[1]!;
    const seq = Number(match[2]);
    return this.transaction(async (client) => {
      if (!(await insertSession(client, record, day, seq, readme))) return false;
      // Later saves that day number after the imported one.
      await client.query(
        `INSERT INTO session_seq (day, last) VALUES ($1, $2)
         ON CONFLICT (day) DO UPDATE SET last = GREATEST(session_seq.last, EXCLUDED.last)`,
        [day, seq],
      );
      return true;
    });
  }

  async getSession(sessionId: string): Promise<SessionRecord | undefined> {
    const rows = await this.query<{ data: unknown }>('SELECT data FROM sessions WHERE session_id = $1', [
      sessionId,
    ]);
    return rows[0] ? sessionRow(rows[0].data) : undefined;
  }

  async readSessionReadme(sessionId: string): Promise<string | undefined> {
    const rows = await this.query<{ readme: string }>('SELECT readme FROM sessions WHERE session_id = $1', [
      sessionId,
    ]);
    return rows[0]?.readme;
  }

  async listSessions(filter: SessionFilter = {}): Promise<SessionSummary[]> {
    const date = filter.date === undefined ? undefined : normalizeSessionDate(filter.date);
    if (filter.date !== undefined && !date) {
      throw new CsError('E_INVALID', `Date "${filter.date}" must be YYYYMMDD or YYYY-MM-DD.`);
    }
    const rows = await this.query<{
      session_id: string;
      timestamp: string;
      product: string;
      customer: string;
      operator: string;
      resolution_status: string | null;
    }>(
      `SELECT session_id, "timestamp", product, customer, operator, resolution_status FROM sessions
        WHERE ($1::text IS NULL OR day = $1)
          AND ($2::text IS NULL OR customer = $2 OR customer_id = $2)
        ORDER BY day, seq, session_id`,
      [date ?? null, filter.customer ?? null],
    );
    return rows.map(({ resolution_status, ...rest }) =>
      resolution_status === null ? rest : { ...rest, resolution_status },
    );
  }

  async isReferencedBySession(type: RecordType, record: StoredRecord): Promise<boolean> {
    const [idColumn, nameColumn] = SESSION_REFERENCE[type];
    // By id (sessions this system saves) or by name (legacy sessions name records only by name).
    const rows = await this.query(
      `SELECT 1 FROM sessions WHERE ${idColumn} = $1 OR ${nameColumn} = $2 LIMIT 1`,
      [record._id, record.name],
    );
    return rows.length > 0;
  }

  // ---- live sessions ----

  async putLiveSession(live: LiveSessionRecord): Promise<void> {
    const record = trustedRow(LiveSessionRowSchema, live, 'live session');
    await this.query(
      `INSERT INTO live_sessions (live_id, updated_at, data) VALUES ($1, $2, $3)
       ON CONFLICT (live_id) DO UPDATE SET updated_at = EXCLUDED.updated_at, data = EXCLUDED.data`,
      [record.live_id, record.updated_at, JSON.stringify(record)],
    );
  }

  async getLiveSession(liveId: string): Promise<LiveSessionRecord | undefined> {
    const rows = await this.query<{ data: unknown }>('SELECT data FROM live_sessions WHERE live_id = $1', [
      liveId,
    ]);
    return rows[0] ? trustedRow(LiveSessionRowSchema, rows[0].data, 'live session') : undefined;
  }

  async updateLiveSession(
    liveId: string,
    change: (current: LiveSessionRecord) => LiveSessionRecord,
  ): Promise<LiveSessionRecord> {
    return this.transaction(async (client) => {
      const { rows } = await client.query<{ data: unknown }>(
        'SELECT data FROM live_sessions WHERE live_id = $1 FOR UPDATE',
        [liveId],
      );
      if (!rows[0]) throw new CsError('E_NOT_FOUND', `No live session ${liveId}: it ended or never started.`);
      const next = change(trustedRow(LiveSessionRowSchema, rows[0].data, 'live session'));
      if (next.live_id !== liveId) {
        throw new CsError(
          'E_INTERNAL',
          `A live session update changed its id from ${liveId} to ${next.live_id}.`,
        );
      }
      await client.query('UPDATE live_sessions SET updated_at = $2, data = $3 WHERE live_id = $1', [
        liveId,
        next.updated_at,
        JSON.stringify(next),
      ]);
      return next;
    });
  }

  async listLiveSessions(): Promise<LiveSessionRecord[]> {
    const rows = await this.query<{ data: unknown }>('SELECT data FROM live_sessions ORDER BY live_id');
    return rows.map((r) => trustedRow(LiveSessionRowSchema, r.data, 'live session'));
  }

  async deleteLiveSession(liveId: string): Promise<void> {
    await this.query('DELETE FROM live_sessions WHERE live_id = $1', [liveId]);
  }

  // ---- grants (pg-grant-store.ts) ----

  readonly #grants = new PgGrantStore((sql, params) => this.query(sql, params));

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
    if (this.pool.ended) return;
    await this.pool.end();
  }
}

/** Inserts a saved session; false when its id is taken. */
async function insertSession(
  client: PoolClient,
  session: SessionRecord,
  day: string,
  seq: number,
  readme: string,
  callId: string | null = null,
): Promise<boolean> {
  const { rowCount } = await client.query(
    `INSERT INTO sessions (session_id, day, seq, "timestamp", product, customer, operator, product_id,
       customer_id, operator_id, resolution_status, data, readme, call_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     ON CONFLICT (session_id) DO NOTHING`,
    [
      session.session_id,
      day,
      seq,
      session.timestamp,
      session.product,
      session.customer,
      session.operator,
      session.product_id ?? null,
      session.customer_id ?? null,
      session.operator_id ?? null,
      typeof session.review?.resolution_status === 'string' ? session.review.resolution_status : null,
      JSON.stringify(session),
      readme,
      callId,
    ],
  );
  return rowCount === 1;
}

function storedRecord(data: unknown): StoredRecord {
  return trustedRow(MetadataSchema, data, 'record') as StoredRecord;
}

/** The normalised phone column of a customer; null for other types or a customer without one. */
function recordPhone(type: RecordType, record: StoredRecord): string | null {
  const phone = record.phone;
  if (type !== 'customer' || (typeof phone !== 'string' && typeof phone !== 'number')) return null;
  const key = normalizePhone(String(phone));
  return key === '' ? null : key;
}

function requireName(type: RecordType, name: unknown): void {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new CsError('E_INVALID', `A ${type} needs a name (a non-empty "name" field).`);
  }
}

/** YYYYMMDD from YYYYMMDD or YYYY-MM-DD; undefined for anything else. */
function uniqueViolation(error: unknown): string | undefined {
  const cause = CsError.isInstance(error) ? error.cause : error;
  if (typeof cause !== 'object' || cause === null) return undefined;
  const e = cause as { code?: unknown; constraint?: unknown };
  return e.code === UNIQUE_VIOLATION && typeof e.constraint === 'string' ? e.constraint : undefined;
}

function notFound(type: RecordType, id: string): CsError {
  return new CsError('E_NOT_FOUND', `No ${type} with id ${id}.`);
}

function phoneTaken(phone: string, holder?: { id: string; name: string }): CsError {
  const who = holder ? `customer ${holder.name} (${holder.id})` : 'another customer';
  return new CsError(
    'E_CONFLICT',
    `Phone ${phone} already belongs to ${who}; update that customer or use another phone.`,
    { details: holder ? { phone, customer_id: holder.id } : { phone } },
  );
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').replace(/\.$/, '');
}
