import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPgRecordStore } from '../../src/store/postgres/pg-record-store.js';
import type { ContractStore } from './record-store-contract.js';

/** The PostgreSQL server for tests, when there is one (`.ci/run` sets it). */
export const TEST_DATABASE_URL = process.env.CS_TEST_DATABASE_URL;

/** The title of a PostgreSQL suite: says plainly when it did not run. */
export function pgSuiteTitle(title: string): string {
  return TEST_DATABASE_URL ? title : `${title} (skipped: set CS_TEST_DATABASE_URL)`;
}

/** Prints the skip on the console too, where a passing run would otherwise hide it. */
export function warnPgSkipped(what: string): void {
  if (!TEST_DATABASE_URL) {
    console.warn(`[skip] ${what}: PostgreSQL tests did not run; set CS_TEST_DATABASE_URL to run them.`);
  }
}

/** A fresh schema name, `cs_test_<random>`, so parallel runs never meet. */
export function freshSchemaName(): string {
  return `cs_test_${randomBytes(6).toString('hex')}`;
}

/** Drops a test schema and everything in it. */
export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** A PostgreSQL store in its own new schema, dropped by `cleanup`. */
export async function makePgTestStore(): Promise<ContractStore & { schema: string }> {
  if (!TEST_DATABASE_URL) throw new Error('CS_TEST_DATABASE_URL is not set');
  const schema = freshSchemaName();
  // The call journal lives on this machine, beside the test, not in the user's home.
  const journalDir = await mkdtemp(join(tmpdir(), 'cs-pg-journal-'));
  const removeJournal = () => rm(journalDir, { recursive: true, force: true });
  try {
    const store = await openPgRecordStore(TEST_DATABASE_URL, { schema, poolSize: 4, journalDir });
    return { store, schema, cleanup: () => dropSchema(schema).finally(removeJournal) };
  } catch (error) {
    await removeJournal();
    await dropSchema(schema); // the schema may exist even when opening failed
    throw error;
  }
}
