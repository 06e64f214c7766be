import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgSuiteTitle, TEST_DATABASE_URL, warnPgSkipped } from '../contract/pg-test-schema.js';
import { parseEvents, runCs, SHARED, tempDb } from '../support/run-cs.js';

warnPgSkipped('cs eval --db postgres://');

/** The `cs_eval_…` schemas that exist now. */
async function evalSchemas(client: pg.Client): Promise<string[]> {
  const r = await client.query<{ nspname: string }>(
    "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'cs\\_eval\\_%'",
  );
  return r.rows.map((row) => row.nspname);
}

describe.skipIf(!TEST_DATABASE_URL)(pgSuiteTitle('cs eval on PostgreSQL'), () => {
  let tmp: Awaited<ReturnType<typeof tempDb>>;
  let client: pg.Client;
  beforeAll(async () => {
    tmp = await tempDb();
    client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await tmp?.cleanup();
  });

  it('runs every call in its own schema and leaves no cs_eval_ schema behind', async () => {
    await copyFile(join(SHARED, 'eval', 'records.json'), join(tmp.dir, 'records.json'));
    const scenario = {
      product: '云盘会员',
      phone: '13700001111',
      turns: ['回收站里的东西能放多久？', '结束通话'],
      expect: { quiet_turns: [0], reply_any: [{ turn: 0, any: ['30天'] }] },
    };
    await writeFile(
      join(tmp.dir, 'suite.json'),
      JSON.stringify({
        records: 'records.json',
        scenarios: [
          { ...scenario, name: 'bin question' },
          { ...scenario, name: 'bin question again', expect: { cold_start: false } },
        ],
      }),
    );
    const before = await evalSchemas(client);

    // Watch the schemas while it runs: each run's schema must exist during its call, then go.
    const seen = new Set<string>();
    let watching = true;
    const watch = (async () => {
      while (watching) {
        for (const s of await evalSchemas(client)) if (!before.includes(s)) seen.add(s);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const r = await runCs(
      ['eval', 'suite.json', '--db', TEST_DATABASE_URL as string, '--jsonl', '--trials', '3', '--jobs', '1'],
      { cwd: tmp.dir, timeoutMs: 120_000 },
    );
    watching = false;
    await watch;

    expect(r.code, r.stderr).toBe(0);
    const lines = parseEvents(r.stdout);
    expect(lines.filter((l) => l.type === 'result' && l.passed === true)).toHaveLength(6);
    expect(lines.at(-1)).toMatchObject({ type: 'summary', runs: 6, passed: 6 });
    // More than one: runs do not share a schema (the watch may miss a quick one, so not all six).
    expect(seen.size).toBeGreaterThan(1);
    expect((await evalSchemas(client)).filter((s) => !before.includes(s))).toEqual([]);
  });
});
