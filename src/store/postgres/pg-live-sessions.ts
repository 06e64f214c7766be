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

interface LiveRow {
  data: unknown;
  appends: LiveRecordAppend[] | null;
}

/**
 * Calls in progress in PostgreSQL (table `live_sessions`). A turn's additions are one INSERT into
 * `live_session_appends` (the call's document grows with every turn: rewriting it each time cost
 * more than the turn itself); a read applies them in order, and a locked update folds them in.
 */
export class PgLiveSessions implements LiveSessionStore {
  readonly #db: PgClient;

  constructor(db: PgClient) {
    this.#db = db;
  }

  async putLiveSession(live: LiveSessionRecord): Promise<void> {
    const record = trustedRow(LiveSessionRowSchema, live, 'live session');
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
    const rows = await this.#db.query<LiveRow>(`${SELECT_WITH_APPENDS} WHERE s.live_id = $1`, [liveId]);
    return rows[0] ? liveOf(rows[0]) : undefined;
  }

  async getLiveSessionWithRecords(
    liveId: string,
    fields: readonly LiveRecordField[],
  ): Promise<{ live: LiveSessionRecord; records: Array<StoredRecord | undefined> } | undefined> {
    // The records by the ids the session's own fields hold, in the order of `fields` (a null
    // where one is missing): the call and its participants in one round trip.
    const rows = await this.#db.query<LiveRow & { records: unknown[] | null }>(
      `SELECT s.data,
         (SELECT json_agg(a.patch ORDER BY a.seq) FROM live_session_appends a WHERE a.live_id = s.live_id) AS appends,
         (SELECT json_agg(r.data ORDER BY f.n)
            FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS f(type, field, n)
            LEFT JOIN records r ON r.type = f.type AND r.id = s.data ->> f.field) AS records
       FROM live_sessions s WHERE s.live_id = $1`,
      [liveId, fields.map((f) => f.type), fields.map((f) => f.field)],
    );
    const row = rows[0];
    if (!row) return undefined;
    const records = fields.map((_, i) => {
      const data = row.records?.[i];
      return data === null || data === undefined ? undefined : storedRecord(data);
    });
    return { live: liveOf(row), records };
  }

  async updateLiveSession(
    liveId: string,
    change: (current: LiveSessionRecord) => LiveSessionRecord,
  ): Promise<LiveSessionRecord> {
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
    // One statement: the UPDATE takes the call's row lock (ordering it with locked updates) and
    // finds it gone, in which case nothing is inserted.
    const rows = await this.#db.query<{ live_id: string }>(
      `WITH touched AS (
         UPDATE live_sessions SET updated_at = $2 WHERE live_id = $1 RETURNING live_id
       )
       INSERT INTO live_session_appends (live_id, patch) SELECT live_id, $3 FROM touched RETURNING live_id`,
      [liveId, change.updated_at, JSON.stringify(change)],
    );
    if (rows.length === 0)
      throw new CsError('E_NOT_FOUND', `No live session ${liveId}; it ended or never started.`);
  }

  async listLiveSessions(): Promise<LiveSessionRecord[]> {
    const rows = await this.#db.query<LiveRow>(`${SELECT_WITH_APPENDS} ORDER BY s.live_id`);
    return rows.map(liveOf);
  }

  async deleteLiveSession(liveId: string): Promise<void> {
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
