import { CsError } from '../../domain/cs-error.js';
import type { LiveSessionRecord, LiveSessionStore } from '../live-session-store.js';
import type { PgClient } from './pg-client.js';
import { LiveSessionRowSchema, trustedRow } from './pg-row-schemas.js';

/** Calls in progress in PostgreSQL (table `live_sessions`); updates lock the row. */
export class PgLiveSessions implements LiveSessionStore {
  readonly #db: PgClient;

  constructor(db: PgClient) {
    this.#db = db;
  }

  async putLiveSession(live: LiveSessionRecord): Promise<void> {
    const record = trustedRow(LiveSessionRowSchema, live, 'live session');
    await this.#db.query(
      `INSERT INTO live_sessions (live_id, updated_at, data) VALUES ($1, $2, $3)
       ON CONFLICT (live_id) DO UPDATE SET updated_at = EXCLUDED.updated_at, data = EXCLUDED.data`,
      [record.live_id, record.updated_at, JSON.stringify(record)],
    );
  }

  async getLiveSession(liveId: string): Promise<LiveSessionRecord | undefined> {
    const rows = await this.#db.query<{ data: unknown }>(
      'SELECT data FROM live_sessions WHERE live_id = $1',
      [liveId],
    );
    return rows[0] ? trustedRow(LiveSessionRowSchema, rows[0].data, 'live session') : undefined;
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
    const rows = await this.#db.query<{ data: unknown }>('SELECT data FROM live_sessions ORDER BY live_id');
    return rows.map((r) => trustedRow(LiveSessionRowSchema, r.data, 'live session'));
  }

  async deleteLiveSession(liveId: string): Promise<void> {
    await this.#db.query('DELETE FROM live_sessions WHERE live_id = $1', [liveId]);
  }
}
