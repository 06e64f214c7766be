import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import {
  dropSchema,
  freshSchemaName,
  pgSuiteTitle,
  TEST_DATABASE_URL,
  warnPgSkipped,
} from '../../../test/contract/pg-test-schema.js';
import { applyMigrations, MIGRATIONS, type Migration } from './migrations.js';
import { openPgRecordStore } from './pg-record-store.js';

warnPgSkipped('migrations');

describe.skipIf(!TEST_DATABASE_URL)(pgSuiteTitle('applyMigrations'), () => {
  const schemas: string[] = [];
  const pools: pg.Pool[] = [];
  const newSchema = () => {
    const s = freshSchemaName();
    schemas.push(s);
    return s;
  };
  const withClient = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const pool = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 1 });
    pools.push(pool);
    const client = await pool.connect();
    try {
      return await work(client);
    } finally {
      client.release();
    }
  };
  const versions = (schema: string) =>
    withClient(async (c) =>
      (
        await c.query<{ version: number }>(
          `SELECT version FROM "${schema}".schema_migrations ORDER BY version`,
        )
      ).rows.map((r) => r.version),
    );

  afterEach(async () => {
    await Promise.all(pools.splice(0).map((p) => p.end()));
    await Promise.all(schemas.splice(0).map(dropSchema));
  });

  it('applies every migration to a new schema, and none the second time', async () => {
    const schema = newSchema();
    expect(await withClient((c) => applyMigrations(c, schema))).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await withClient((c) => applyMigrations(c, schema))).toEqual([]);
    expect(await versions(schema)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('applies only the new migrations when cs is upgraded', async () => {
    const schema = newSchema();
    const v2: Migration = {
      version: 2,
      name: 'a column',
      sql: 'ALTER TABLE live_sessions ADD COLUMN note text',
    };
    await withClient((c) => applyMigrations(c, schema, MIGRATIONS.slice(0, 1)));
    expect(await withClient((c) => applyMigrations(c, schema, [MIGRATIONS[0]!, v2]))).toEqual([2]);
    const columns = await withClient(
      async (c) =>
        (
          await c.query(
            "SELECT 1 FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'live_sessions' AND column_name = 'note'",
            [schema],
          )
        ).rowCount,
    );
    expect(columns).toBe(1);
  });

  it('rolls a failing migration back whole', async () => {
    const schema = newSchema();
    const bad: Migration = {
      version: 2,
      name: 'bad',
      sql: 'CREATE TABLE t2 (x int); SELECT no_such_function()',
    };
    await withClient((c) => applyMigrations(c, schema, MIGRATIONS.slice(0, 1)));
    await expect(withClient((c) => applyMigrations(c, schema, [MIGRATIONS[0]!, bad]))).rejects.toThrow();
    expect(await versions(schema)).toEqual([1]);
    const t2 = await withClient(
      async (c) => (await c.query('SELECT to_regclass($1) AS t', [`${schema}.t2`])).rows[0],
    );
    expect(t2).toEqual({ t: null });
  });

  it('refuses a schema newer than this cs knows', async () => {
    const schema = newSchema();
    const future: Migration = { version: 99, name: 'future', sql: 'SELECT 1' };
    await withClient((c) => applyMigrations(c, schema, [...MIGRATIONS, future]));
    await expect(openPgRecordStore(TEST_DATABASE_URL!, { schema })).rejects.toMatchObject({
      code: 'E_CONFIG',
      message: expect.stringContaining('upgrade cs'),
    });
  });

  it('lets many processes open one new schema at once', async () => {
    const schema = newSchema();
    const stores = await Promise.all(
      Array.from({ length: 12 }, () => openPgRecordStore(TEST_DATABASE_URL!, { schema, poolSize: 1 })),
    );
    await Promise.all(stores.map((s) => s.close()));
    expect(await versions(schema)).toEqual(MIGRATIONS.map((m) => m.version));
  });
});
