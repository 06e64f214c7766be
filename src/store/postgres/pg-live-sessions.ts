import type { PoolClient } from 'pg';
import { CsError } from '../../domain/cs-error.js';
import type { StoredRecord } from '../../domain/record-schemas.js';
import {
  applyLiveRecordAppend,
  type LiveRecordAppend,
  type LiveRecordField,
  type LiveSessionRecord,
  type LiveSessionStore,
} from '../live-session-store.js';
import type { PgClient } from './pg-client.js';
import { storedRecord } from './pg-records.js';
import { LiveSessionRowSchema, trustedRow } from './pg-row-schemas.js';

/** The live call's document with what turns appended since it was last written whole. */
const SELECT_WITH_APPENDS = `SELECT s.data,
  (SELECT json_agg(a.patch ORDER BY a.seq) FROM live_session_appends a WHERE a.live_id = s.live_id) AS appends
  FROM live_sessions s`;

/**
 * A live call read against what this process last saw of it ($2: the row's version, $3: the
 * last append applied): its document only when it was written whole since, and only the appends
 * after that one. With $2 null, the document and every append.
 */
const SELECT_SINCE = (columns: string) => `SELECT s.xmin::text AS version,
  CASE WHEN s.xmin::text = $2 THEN NULL ELSE s.data END AS data,
  a.appends, a.last_seq${columns}
  FROM live_sessions s
  LEFT JOIN LATERAL (
    SELECT json_agg(patch ORDER BY seq) AS appends, max(seq)::text AS last_seq
      FROM live_session_appends
     WHERE live_id = s.live_id AND seq > CASE WHEN s.xmin::text = $2 THEN $3::bigint ELSE 0 END
  ) a ON true
  WHERE s.live_id = $1`;

/** Run on every chat turn: prepared once per connection (see PgClient.query). */
const READ_SINCE = { name: 'cs_live_since', sql: SELECT_SINCE('') };

/**
 * …with the records the call's own fields name ($4 types, $5 fields), in their order (a null
 * where one is missing): the ids this process saw ($6) while the version holds (they change only
 * with it), else those the document holds.
 */
const READ_SINCE_WITH_RECORDS = {
  name: 'cs_live_since_with_records',
  sql: SELECT_SINCE(`,
  (SELECT json_agg(r.data ORDER BY f.n)
     FROM unnest($4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS f(type, field, seen_id, n)
     LEFT JOIN records r ON r.type = f.type
      AND r.id = CASE WHEN s.xmin::text = $2 THEN f.seen_id ELSE s.data ->> f.field END) AS records`),
};

/**
 * A turn's additions in one statement: locking the call's row orders the append with locked
 * updates and with the call's other appends (so their seqs are in the order they commit), and
 * finds it gone, in which case nothing is inserted. A lock, not an UPDATE: the row's version
 * (xmin) stays, and readers keep what they have of the call.
 */
const APPEND = {
  name: 'cs_live_append',
  sql: `WITH touched AS (
    SELECT live_id FROM live_sessions WHERE live_id = $1 FOR NO KEY UPDATE
  )
  INSERT INTO live_session_appends (live_id, patch) SELECT live_id, $2 FROM touched RETURNING live_id`,
};

interface LiveRow {
  data: unknown;
  appends: LiveRecordAppend[] | null;
}

interface LiveSinceRow extends LiveRow {
  version: string;
  last_seq: string | null;
}

/** A live call as this process last read it. */
interface SeenLive {
  /**
   * The row's `xmin`: writing the call whole (put, locked update) makes a new row version and so
   * a new xmin; an append only locks the row and leaves it as it is.
   */
  version: string;
  /** The last append applied: a call's appends commit in seq order (each takes the row lock first). */
  seq: string;
  live: LiveSessionRecord;
  /** When this process last read it (Date.now()). */
  readAt: number;
}

/**
 * How many live calls a process remembers as it last read them, and for how long unread: a chat
 * turn then reads only the turns appended since its last, not the whole call again (a call of
 * 120 turns is 70 KB of JSON, 100 KB in memory). A call ended by another process, or left
 * alone, is forgotten after the time.
 */
const SEEN_CALLS = 500;
const SEEN_FOR_MS = 10 * 60_000;

/**
 * Calls in progress in PostgreSQL (table `live_sessions`). A turn's additions are one INSERT into
 * `live_session_appends` (the call's document grows with every turn: rewriting it each time cost
 * more than the turn itself); a read applies them in order, and a locked update folds them in.
 * Each process remembers the calls it read; a read checks the row's version and fetches only the
 * appends after the last one it applied, so another process's rewrite or append is never missed.
 */
export class PgLiveSessions implements LiveSessionStore {
  readonly #db: PgClient;
  /** By live id, least recently read first. */
  readonly #seen = new Map<string, SeenLive>();

  constructor(db: PgClient) {
    this.#db = db;
  }

  async putLiveSession(live: LiveSessionRecord): Promise<void> {
    const record = trustedRow(LiveSessionRowSchema, live, 'live session');
    this.#seen.delete(record.live_id);
    // The document given replaces the call whole, the turns appended to it included: one
    // statement, so a reader sees the old call or the new one.
    await this.#db.query(
      `WITH dropped AS (DELETE FROM live_session_appends WHERE live_id = $1)
       INSERT INTO live_sessions (live_id, updated_at, data) VALUES ($1, $2, $3)
       ON CONFLICT (live_id) DO UPDATE SET updated_at = EXCLUDED.updated_at, data = EXCLUDED.data`,
      [record.live_id, record.updated_at, JSON.stringify(record)],
    );
  }

  async getLiveSession(liveId: string): Promise<LiveSessionRecord | undefined> {
    return (await this.#readSince(liveId, []))?.live;
  }

  async getLiveSessionWithRecords(
    liveId: string,
    fields: readonly LiveRecordField[],
  ): Promise<{ live: LiveSessionRecord; records: Array<StoredRecord | undefined> } | undefined> {
    return this.#readSince(liveId, fields);
  }

  /**
   * The live call (and the records its `fields` name, in their order, undefined where missing)
   * in one statement, read against what this process saw of it; a copy the caller may change.
   */
  async #readSince(
    liveId: string,
    fields: readonly LiveRecordField[],
  ): Promise<{ live: LiveSessionRecord; records: Array<StoredRecord | undefined> } | undefined> {
    const seen = this.#seen.get(liveId);
    const params: unknown[] = [liveId, seen?.version ?? null, seen?.seq ?? '0'];
    if (fields.length > 0) {
      params.push(
        fields.map((f) => f.type),
        fields.map((f) => f.field),
        fields.map((f) => {
          const id = seen?.live[f.field];
          return typeof id === 'string' ? id : null;
        }),
      );
    }
    const read = fields.length > 0 ? READ_SINCE_WITH_RECORDS : READ_SINCE;
    const rows = await this.#db.query<LiveSinceRow & { records?: unknown[] | null }>(read.sql, params, {
      prepareAs: read.name,
    });
    const row = rows[0];
    if (!row) {
      this.#seen.delete(liveId);
      return undefined;
    }
    const unchanged = row.data === null && seen !== undefined;
    const base = unchanged ? seen.live : trustedRow(LiveSessionRowSchema, row.data, 'live session');
    const live = applyLiveRecordAppend(base, ...(row.appends ?? []));
    this.#remember(liveId, {
      version: row.version,
      seq: row.last_seq ?? (unchanged ? seen.seq : '0'),
      live,
      readAt: Date.now(),
    });
    return {
      live: changeableCopy(live),
      records: fields.map((_, i) => {
        const data = row.records?.[i];
        return data === null || data === undefined ? undefined : storedRecord(data);
      }),
    };
  }

  #remember(liveId: string, seen: SeenLive): void {
    this.#seen.delete(liveId);
    this.#seen.set(liveId, seen);
    // Least recently read first: forget from the front while too many or too old.
    for (const [id, oldest] of this.#seen) {
      if (this.#seen.size <= SEEN_CALLS && oldest.readAt > seen.readAt - SEEN_FOR_MS) break;
      this.#seen.delete(id);
    }
  }

  async updateLiveSession(
    liveId: string,
    change: (current: LiveSessionRecord) => LiveSessionRecord,
  ): Promise<LiveSessionRecord> {
    // Written whole: the next read takes the new document (its version tells any process).
    this.#seen.delete(liveId);
    return this.#db.transaction(async (client) => {
      const { rows } = await client.query<{ data: unknown }>(
        'SELECT data FROM live_sessions WHERE live_id = $1 FOR UPDATE',
        [liveId],
      );
      if (!rows[0]) throw new CsError('E_NOT_FOUND', `No live session ${liveId}; it ended or never started.`);
      // Read after the lock, in a statement of its own: every append committed before it is
      // seen (an append takes the same row lock), and none can come until this commits.
      const appends = await appendsOf(client, liveId);
      const next = change(liveOf({ data: rows[0].data, appends }));
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
      if (appends.length > 0)
        await client.query('DELETE FROM live_session_appends WHERE live_id = $1', [liveId]);
      return next;
    });
  }

  async appendToLiveRecord(liveId: string, change: LiveRecordAppend): Promise<void> {
    // The time is the append's `updated_at` (see applyLiveRecordAppend).
    const rows = await this.#db.query<{ live_id: string }>(APPEND.sql, [liveId, JSON.stringify(change)], {
      prepareAs: APPEND.name,
    });
    if (rows.length === 0)
      throw new CsError('E_NOT_FOUND', `No live session ${liveId}; it ended or never started.`);
  }

  async listLiveSessions(): Promise<LiveSessionRecord[]> {
    const rows = await this.#db.query<LiveRow>(`${SELECT_WITH_APPENDS} ORDER BY s.live_id`);
    return rows.map(liveOf);
  }

  async deleteLiveSession(liveId: string): Promise<void> {
    this.#seen.delete(liveId);
    // The appends go with it (ON DELETE CASCADE).
    await this.#db.query('DELETE FROM live_sessions WHERE live_id = $1', [liveId]);
  }
}

async function appendsOf(client: PoolClient, liveId: string): Promise<LiveRecordAppend[]> {
  const { rows } = await client.query<{ patch: LiveRecordAppend }>(
    'SELECT patch FROM live_session_appends WHERE live_id = $1 ORDER BY seq',
    [liveId],
  );
  return rows.map((r) => r.patch);
}

function liveOf(row: LiveRow): LiveSessionRecord {
  return applyLiveRecordAppend(
    trustedRow(LiveSessionRowSchema, row.data, 'live session'),
    ...(row.appends ?? []),
  );
}

/**
 * A copy of a remembered call its reader may change (a turn pushes onto the record's lists, an
 * agent writes into `learned`, a caller sets fields) without changing what this process keeps:
 * every object and list down to the record's lists is new. The lists' items are shared, not
 * copied (a copy of the whole call costs as much as reading it): a call's record only grows,
 * nothing changes an item once it is in.
 */
function changeableCopy(live: LiveSessionRecord): LiveSessionRecord {
  return mapEntries(live, (key, value) =>
    key === 'record' && isPlainObject(value)
      ? mapEntries(value, (_, field) => (Array.isArray(field) ? [...field] : jsonCopy(field)))
      : jsonCopy(value),
  ) as LiveSessionRecord;
}

/** A deep copy of a value read from JSON (plain objects, lists, strings, numbers, booleans, null). */
function jsonCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(jsonCopy);
  return isPlainObject(value) ? mapEntries(value, (_, item) => jsonCopy(item)) : value;
}

/** A new object with `value`'s keys (`__proto__` too, as a key) and what `f` makes of each value. */
function mapEntries(
  value: Record<string, unknown>,
  f: (key: string, item: unknown) => unknown,
): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, f(key, item)]));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
