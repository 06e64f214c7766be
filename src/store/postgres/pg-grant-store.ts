import { z } from 'zod';
import { CsError, describeIssues } from '../../domain/cs-error.js';
import { type Grant, GrantSchema } from '../../domain/grant-schema.js';
import type { GrantConsumption, GrantFilter, GrantStore } from '../grant-store.js';

/** Runs one statement on a pooled connection (the record store's, with its error handling). */
export type PgQuery = (sql: string, params: unknown[]) => Promise<unknown[]>;

const GrantRowSchema = z.object({
  data: z.record(z.string(), z.unknown()),
  consumed_at: z.date().nullable(),
  consumed_by: z.string().nullable(),
});

const COLUMNS = 'data, consumed_at, consumed_by';

/**
 * Grants in PostgreSQL (table `grants`, migration 2). Consuming is one conditional UPDATE
 * (`… WHERE consumed_at IS NULL RETURNING`): the row lock makes exactly one of any number of
 * concurrent consumers see a row come back.
 *
 * @example const grants = new PgGrantStore((sql, params) => pool.query(sql, params).then((r) => r.rows));
 */
export class PgGrantStore implements GrantStore {
  readonly #query: PgQuery;

  constructor(query: PgQuery) {
    this.#query = query;
  }

  async putGrant(grant: Grant): Promise<void> {
    const g = GrantSchema.parse(grant);
    await this.#query(
      `INSERT INTO grants (grant_id, call_id, customer_id, product_id, issued_at, data)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [g.grant_id, g.call_id, g.customer_id, g.product_id, g.issued_at, JSON.stringify(g)],
    );
  }

  async consumeGrant(consumption: GrantConsumption): Promise<Grant | undefined> {
    const rows = await this.#query(
      `UPDATE grants SET consumed_at = $3, consumed_by = $4
       WHERE grant_id = $1 AND customer_id = $2 AND consumed_at IS NULL
       RETURNING ${COLUMNS}`,
      [consumption.grantId, consumption.customerId, consumption.consumedAt, consumption.consumedBy],
    );
    return rows[0] ? grantOf(rows[0]) : undefined;
  }

  async listGrants(filter: GrantFilter): Promise<Grant[]> {
    const where = ['customer_id = $1'];
    const params: unknown[] = [filter.customerId];
    if (filter.since !== undefined) {
      params.push(filter.since);
      where.push(`(issued_at >= $${params.length} OR consumed_at >= $${params.length})`);
    }
    if (filter.callId !== undefined) {
      params.push(filter.callId);
      where.push(`call_id = $${params.length}`);
    }
    const rows = await this.#query(
      `SELECT ${COLUMNS} FROM grants WHERE ${where.join(' AND ')} ORDER BY issued_at, grant_id`,
      params,
    );
    return rows.map(grantOf);
  }
}

/** A row as a grant: the document as issued, with the consumption columns over it. */
function grantOf(row: unknown): Grant {
  const parsedRow = GrantRowSchema.safeParse(row);
  const grant = parsedRow.success
    ? GrantSchema.safeParse({
        ...parsedRow.data.data,
        consumed_at: parsedRow.data.consumed_at?.toISOString() ?? null,
        consumed_by: parsedRow.data.consumed_by,
      })
    : parsedRow;
  if (!grant.success) {
    throw new CsError('E_INTERNAL', `A stored grant is malformed: ${describeIssues(grant.error.issues)}.`);
  }
  return grant.data;
}
