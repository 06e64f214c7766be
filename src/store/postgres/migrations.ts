import type { PoolClient } from 'pg';
import { CsError } from '../../domain/cs-error.js';

/** One schema change, applied once, in version order, inside the start-up transaction. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The PostgreSQL schema, as numbered migrations. Append new ones; never edit an applied one.
 *
 * Documents are `json`, not `jsonb`: `json` keeps the text as written, so key order survives and
 * an exported info.json reads like the original (jsonb would sort keys by length). Everything we
 * query on has its own column.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'records, trash, mock state, sessions, live sessions',
    sql: `
CREATE TABLE records (
  type    text NOT NULL CHECK (type IN ('product', 'customer', 'operator')),
  -- COLLATE "C": listings sort by code point, as the file store sorts, on any server locale.
  id      text COLLATE "C" NOT NULL,
  name    text COLLATE "C" NOT NULL,
  phone   text,
  data    json NOT NULL,
  PRIMARY KEY (type, id)
);
-- Serves findByName and the listings' name-then-id order without a sort.
CREATE INDEX records_type_name ON records (type, name, id);
CREATE INDEX records_phone ON records (phone);
-- Two customers never share a phone: the lookup by phone must name one caller.
CREATE UNIQUE INDEX records_customer_phone ON records (phone) WHERE type = 'customer';

CREATE TABLE trash (
  trash_id   text PRIMARY KEY,
  type       text NOT NULL,
  id         text NOT NULL,
  name       text NOT NULL,
  deleted_at text NOT NULL,
  data       json NOT NULL
);

CREATE TABLE mock_state (
  product_id text NOT NULL,
  phone      text NOT NULL,
  -- NULL only inside the transaction that creates the row (see updateMockState).
  state      json,
  PRIMARY KEY (product_id, phone)
);

CREATE TABLE sessions (
  session_id        text PRIMARY KEY,
  day               text NOT NULL,
  seq               integer NOT NULL,
  "timestamp"       text NOT NULL,
  product           text NOT NULL,
  customer          text NOT NULL,
  operator          text NOT NULL,
  product_id        text,
  customer_id       text,
  operator_id       text,
  resolution_status text,
  data              json NOT NULL,
  readme            text NOT NULL
);
CREATE INDEX sessions_day_seq ON sessions (day, seq);
CREATE INDEX sessions_customer ON sessions (customer);
CREATE INDEX sessions_customer_id ON sessions (customer_id);
CREATE INDEX sessions_product ON sessions (product);
CREATE INDEX sessions_product_id ON sessions (product_id);
CREATE INDEX sessions_operator ON sessions (operator);
CREATE INDEX sessions_operator_id ON sessions (operator_id);

-- The day's last session number; the row lock taken by the upsert serialises savers.
CREATE TABLE session_seq (
  day  text PRIMARY KEY,
  last integer NOT NULL
);

CREATE TABLE live_sessions (
  live_id    text PRIMARY KEY,
  updated_at text NOT NULL,
  data       json NOT NULL
);
`,
  },
  {
    version: 2,
    name: 'grants: single-use approvals',
    sql: `
-- One row per approval; consumed_at is set once, by a conditional UPDATE (exactly one winner).
CREATE TABLE grants (
  grant_id    text PRIMARY KEY,
  call_id     text NOT NULL,
  customer_id text NOT NULL,
  product_id  text NOT NULL,
  issued_at   timestamptz NOT NULL,
  consumed_at timestamptz,
  consumed_by text,
  data        json NOT NULL
);
-- Limits add up per customer over a rolling window; a call finds its own grants.
CREATE INDEX grants_customer_issued ON grants (customer_id, issued_at);
CREATE INDEX grants_call ON grants (call_id);
`,
  },
  {
    version: 3,
    name: 'the call a session saves',
    sql: `
-- A call is saved once: a recovery after a crash finds the session by its call and completes it.
ALTER TABLE sessions ADD COLUMN call_id text UNIQUE;
`,
  },
  {
    version: 4,
    name: 'session listing filters: the caller phone, the status',
    sql: `
-- The caller's phone, normalised as the store keys phones (the backfill covers separators and
-- +86 / 0086, as normalizePhone does), so \`cs history list --customer <phone>\` is one query.
ALTER TABLE sessions ADD COLUMN customer_phone text;
UPDATE sessions
   SET customer_phone = NULLIF(regexp_replace(regexp_replace(data->>'customer_phone', '[[:space:]().（）-]', '', 'g'), '^(\\+86|0086)', ''), '')
 WHERE data->>'customer_phone' IS NOT NULL;
CREATE INDEX sessions_status ON sessions (resolution_status, day, seq);
`,
  },
  {
    version: 5,
    name: 'work items (approval requests, tickets, notifications …) and their audit trail',
    sql: `
-- One row per work item; data is the whole document, the columns what listings filter on.
-- Times are ISO 8601 UTC text: they sort as the file store sorts them, and read back as written.
CREATE TABLE work_items (
  kind        text COLLATE "C" NOT NULL,
  id          text COLLATE "C" NOT NULL,
  state       text COLLATE "C" NOT NULL,
  created_at  text COLLATE "C" NOT NULL,
  updated_at  text COLLATE "C" NOT NULL,
  customer_id text COLLATE "C",
  product_id  text COLLATE "C",
  due_at      text COLLATE "C",
  data        json NOT NULL,
  PRIMARY KEY (kind, id)
);
-- Serves "the pending approvals, oldest first" without reading the decided ones or sorting.
CREATE INDEX work_items_state ON work_items (kind, state, created_at, id);
CREATE INDEX work_items_customer ON work_items (kind, customer_id);

-- Append-only: one row per change, in the order written (seq).
CREATE TABLE audit_log (
  seq        bigserial PRIMARY KEY,
  at         text COLLATE "C" NOT NULL,
  kind       text COLLATE "C" NOT NULL,
  item_id    text COLLATE "C" NOT NULL,
  who        text NOT NULL,
  from_state text,
  to_state   text NOT NULL,
  why        text NOT NULL
);
CREATE INDEX audit_log_item ON audit_log (kind, item_id);
CREATE INDEX audit_log_at ON audit_log (at);
`,
  },
  {
    version: 6,
    name: "a live call's turns appended, not the whole call rewritten",
    sql: `
-- What each turn added to a live call (json: kept as written, keys in their order), applied in
-- seq order on every read; a locked update of the call folds them into data and deletes them.
CREATE TABLE live_session_appends (
  live_id text NOT NULL REFERENCES live_sessions (live_id) ON DELETE CASCADE,
  seq     bigserial,
  patch   json NOT NULL,
  PRIMARY KEY (live_id, seq)
);
`,
  },
  {
    version: 7,
    name: 'work items found by their due time',
    sql: `
-- Every inbox listing first asks whether a pending request is long past its due time (to expire
-- it); without this the question reads every pending row. Also the overdue listings' range.
CREATE INDEX work_items_due ON work_items (kind, state, due_at);
`,
  },
];

/**
 * Creates the schema if needed and applies the migrations it lacks, all in one transaction
 * under an advisory lock keyed on the schema, so processes starting at once apply each
 * migration exactly once and the others wait, then see them applied.
 *
 * @returns the versions applied by this call (empty when the schema was current).
 */
export async function applyMigrations(
  client: PoolClient,
  schema: string,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  const known = Math.max(0, ...migrations.map((m) => m.version));
  // Fast path for every start but the first after an upgrade: one read, no lock, no DDL.
  const current = await appliedVersions(client, schema);
  if (current && migrations.every((m) => current.has(m.version)) && Math.max(0, ...current) <= known)
    return [];

  const applied: number[] = [];
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`customer-service migrate ${schema}`]);
    // Inside the lock: CREATE SCHEMA IF NOT EXISTS can still fail on a race without it.
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS "${schema}".schema_migrations (
         version    integer PRIMARY KEY,
         name       text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const { rows } = await client.query<{ version: number }>(
      `SELECT version FROM "${schema}".schema_migrations`,
    );
    const done = new Set(rows.map((r) => r.version));
    const newest = Math.max(0, ...done);
    if (newest > known) {
      throw new CsError(
        'E_CONFIG',
        `The database schema "${schema}" is at version ${newest} but this cs knows up to ${known}: upgrade cs.`,
      );
    }
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      await client.query(`SET LOCAL search_path TO "${schema}"`);
      await client.query(m.sql);
      await client.query(`INSERT INTO "${schema}".schema_migrations (version, name) VALUES ($1, $2)`, [
        m.version,
        m.name,
      ]);
      applied.push(m.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** The versions recorded in the schema; undefined when the schema or its table does not exist yet. */
async function appliedVersions(client: PoolClient, schema: string): Promise<Set<number> | undefined> {
  try {
    const { rows } = await client.query<{ version: number }>(
      `SELECT version FROM "${schema}".schema_migrations`,
    );
    return new Set(rows.map((r) => r.version));
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    // 42P01 undefined_table, 3F000 invalid_schema_name: a new database, take the locked path.
    if (code === '42P01' || code === '3F000') return undefined;
    throw error;
  }
}
