import { normalizePhone } from '../../domain/phone.js';
import type { MockStateEntry, MockStateStore } from '../mock-state-store.js';
import type { PgClient } from './pg-client.js';
import { MockStateRowSchema, trustedRow } from './pg-row-schemas.js';

/** The mock backend's state in PostgreSQL (table `mock_state`, one row per product and phone). */
export class PgMockState implements MockStateStore {
  readonly #db: PgClient;

  constructor(db: PgClient) {
    this.#db = db;
  }

  async getMockState(productId: string, phone: string): Promise<Record<string, unknown> | undefined> {
    const rows = await this.#db.query<{ state: unknown }>(
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
    return this.#db.transaction(async (client) => {
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

  async listMockStates(productId?: string): Promise<MockStateEntry[]> {
    const rows = await this.#db.query<{ product_id: string; phone: string; state: unknown }>(
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
}
