import type { PoolClient } from 'pg';
import { CsError } from '../../domain/cs-error.js';
import {
  type AuditEntry,
  type AuditFilter,
  auditEntryProblem,
  requireWorkDoc,
  WORK_ID_PATTERN,
  type WorkChange,
  type WorkDoc,
  type WorkFilter,
  type WorkflowStore,
  type WorkKind,
  workDocProblem,
} from '../workflow-store.js';
import type { PgClient } from './pg-client.js';

const AUDIT_COLUMNS = 'at, kind, item_id, who, from_state, to_state, why';

interface AuditRow {
  at: string;
  kind: string;
  item_id: string;
  who: string;
  from_state: string | null;
  to_state: string;
  why: string;
}

/**
 * Work items in PostgreSQL (tables `work_items` and `audit_log`, migration 5). A change is one
 * transaction: `SELECT … FOR UPDATE` makes concurrent changers of an item queue on its row, so
 * each `change` sees what the one before it wrote, then the UPDATE and the audit row commit
 * together. Listing by state is one index range (`kind, state, created_at, id`).
 *
 * @example const work = new PgWorkflowStore(db); await work.listWork('approval', { state: 'pending' })
 */
export class PgWorkflowStore implements WorkflowStore {
  readonly #db: PgClient;

  constructor(db: PgClient) {
    this.#db = db;
  }

  async addWork(kind: WorkKind, doc: WorkDoc, audit?: AuditEntry): Promise<void> {
    requireWorkDoc(kind, doc);
    const added = await this.#db.transaction(async (client) => {
      if (!(await insertItem(client, kind, doc))) return false;
      if (audit) await insertAudit(client, [audit]);
      return true;
    });
    if (!added) throw new CsError('E_CONFLICT', `A ${kind} with id ${doc.id} exists already.`);
  }

  async getWork(kind: WorkKind, id: string): Promise<WorkDoc | undefined> {
    if (!WORK_ID_PATTERN.test(id)) return undefined;
    const rows = await this.#db.query<{ data: unknown }>(
      'SELECT data FROM work_items WHERE kind = $1 AND id = $2',
      [kind, id],
    );
    return rows[0] && workRow(kind, rows[0].data);
  }

  async changeWork(
    kind: WorkKind,
    id: string,
    change: (current: WorkDoc) => WorkChange | undefined,
  ): Promise<WorkDoc | undefined> {
    if (!WORK_ID_PATTERN.test(id)) return undefined;
    return this.#db.transaction(async (client) => {
      // FOR UPDATE: a concurrent change of this item waits here, then reads what we wrote.
      const { rows } = await client.query<{ data: unknown }>(
        'SELECT data FROM work_items WHERE kind = $1 AND id = $2 FOR UPDATE',
        [kind, id],
      );
      if (!rows[0]) return undefined;
      const current = workRow(kind, rows[0].data);
      const next = change(structuredClone(current));
      if (!next) return current;
      requireWorkDoc(kind, next.doc, id);
      const d = next.doc;
      await client.query(
        `UPDATE work_items
            SET state = $3, created_at = $4, updated_at = $5, customer_id = $6, product_id = $7,
                due_at = $8, data = $9
          WHERE kind = $1 AND id = $2`,
        rowValues(kind, d),
      );
      if (next.audit) await insertAudit(client, [next.audit]);
      return structuredClone(d);
    });
  }

  async listWork(kind: WorkKind, filter: WorkFilter = {}): Promise<WorkDoc[]> {
    const params: unknown[] = [kind];
    const where = ['kind = $1'];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (typeof filter.state === 'string') add((n) => `state = ${n}`, filter.state);
    else if (filter.state !== undefined) add((n) => `state = ANY(${n}::text[])`, [...filter.state]);
    if (filter.customerId !== undefined) add((n) => `customer_id = ${n}`, filter.customerId);
    if (filter.productId !== undefined) add((n) => `product_id = ${n}`, filter.productId);
    if (filter.dueBefore !== undefined) add((n) => `due_at < ${n}`, filter.dueBefore);
    const order = filter.order === 'due' ? 'due_at NULLS LAST, created_at, id' : 'created_at, id';
    let sql = `SELECT data FROM work_items WHERE ${where.join(' AND ')} ORDER BY ${order}`;
    if (filter.limit !== undefined) {
      params.push(filter.limit);
      sql += ` LIMIT $${params.length}`;
    }
    const rows = await this.#db.query<{ data: unknown }>(sql, params);
    return rows.map((r) => workRow(kind, r.data));
  }

  async listAudit(filter: AuditFilter = {}): Promise<AuditEntry[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (filter.kind !== undefined) add((n) => `kind = ${n}`, filter.kind);
    if (filter.itemId !== undefined) add((n) => `item_id = ${n}`, filter.itemId);
    if (filter.since !== undefined) add((n) => `at >= ${n}`, filter.since);
    const rows = await this.#db.query<AuditRow>(
      `SELECT ${AUDIT_COLUMNS} FROM audit_log ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY at, seq`,
      params,
    );
    return rows.map(auditRow);
  }

  async importWork(kind: WorkKind, doc: WorkDoc): Promise<boolean> {
    requireWorkDoc(kind, doc);
    return this.#db.transaction((client) => insertItem(client, kind, doc));
  }

  async importAudit(entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.#db.transaction((client) => insertAudit(client, entries));
  }
}

/**
 * A row's values in the order of `work_items`' columns (kind, id, state, created_at, updated_at,
 * customer_id, product_id, due_at, data), for the INSERT and the UPDATE alike.
 */
function rowValues(kind: WorkKind, d: WorkDoc): unknown[] {
  return [
    kind,
    d.id,
    d.state,
    d.created_at,
    d.updated_at,
    d.customer_id ?? null,
    d.product_id ?? null,
    d.due_at ?? null,
    JSON.stringify(d),
  ];
}

/** Inserts an item unless its id is taken; true when inserted. */
async function insertItem(client: PoolClient, kind: WorkKind, d: WorkDoc): Promise<boolean> {
  const { rowCount } = await client.query(
    `INSERT INTO work_items (kind, id, state, created_at, updated_at, customer_id, product_id, due_at, data)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (kind, id) DO NOTHING`,
    rowValues(kind, d),
  );
  return rowCount === 1;
}

/** Appends audit entries in their order, in one statement. */
async function insertAudit(client: PoolClient, entries: readonly AuditEntry[]): Promise<void> {
  for (const entry of entries) {
    const problem = auditEntryProblem(entry);
    if (problem !== undefined) throw new CsError('E_INVALID', `Cannot write this audit entry: ${problem}.`);
  }
  const column = <K extends keyof AuditEntry>(key: K) => entries.map((e) => e[key]);
  // WITH ORDINALITY … ORDER BY: the serial numbers follow the entries' order.
  await client.query(
    `INSERT INTO audit_log (${AUDIT_COLUMNS})
     SELECT at, kind, item_id, who, from_state, to_state, why
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
            WITH ORDINALITY AS e (at, kind, item_id, who, from_state, to_state, why, n)
      ORDER BY n`,
    [
      column('at'),
      column('kind'),
      column('item_id'),
      column('who'),
      column('from'),
      column('to'),
      column('why'),
    ],
  );
}

/** A stored document as a work item (E_INTERNAL when it is not one). */
function workRow(kind: WorkKind, data: unknown): WorkDoc {
  const problem = workDocProblem(data);
  if (problem !== undefined) throw new CsError('E_INTERNAL', `A stored ${kind} is malformed: ${problem}.`);
  return data as WorkDoc;
}

function auditRow(row: AuditRow): AuditEntry {
  const entry = {
    at: row.at,
    kind: row.kind,
    item_id: row.item_id,
    who: row.who,
    from: row.from_state,
    to: row.to_state,
    why: row.why,
  };
  const problem = auditEntryProblem(entry);
  if (problem !== undefined)
    throw new CsError('E_INTERNAL', `A stored audit entry is malformed: ${problem}.`);
  return entry as AuditEntry;
}
