import { cp, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dropSchema,
  freshSchemaName,
  pgSuiteTitle,
  TEST_DATABASE_URL,
  warnPgSkipped,
} from '../contract/pg-test-schema.js';
import { parseEvents, runCs, SHARED, tempDb } from '../support/run-cs.js';

warnPgSkipped('cs migrate / call / export on PostgreSQL');

/** Every info.json and session.json below a database folder, by relative path. */
async function jsonFiles(root: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const kind of ['products', 'customers', 'operators', 'history']) {
    const dir = join(root, kind);
    for (const folder of await readdir(dir).catch(() => [])) {
      for (const file of ['info.json', 'session.json']) {
        const text = await readFile(join(dir, folder, file), 'utf8').catch(() => undefined);
        if (text !== undefined) out[`${kind}/${folder}/${file}`] = JSON.parse(text);
      }
    }
  }
  return out;
}

describe.skipIf(!TEST_DATABASE_URL)(pgSuiteTitle('cs on PostgreSQL'), () => {
  let tmp: Awaited<ReturnType<typeof tempDb>>;
  const schema = freshSchemaName();
  const url = `${TEST_DATABASE_URL}${TEST_DATABASE_URL?.includes('?') ? '&' : '?'}schema=${schema}`;

  beforeAll(async () => {
    tmp = await tempDb();
    await cp(join(SHARED, 'fixtures', 'legacy-db', 'customer_service'), tmp.db, { recursive: true });
  });
  afterAll(async () => {
    await dropSchema(schema);
    await tmp.cleanup();
  });

  it('migrates the legacy database, runs a call on it, and exports it back in the seed layout', async () => {
    const first = await runCs(['migrate', '--from', tmp.db, '--to', url, '--json']);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ records: 5, sessions: 1 });
    const again = await runCs(['migrate', '--from', tmp.db, '--to', url, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ records: 0, sessions: 0 });

    const call = await runCs(
      [
        'call',
        '--db',
        url,
        '--product',
        '会员订阅服务',
        '--operator',
        'HEAR策略',
        '--phone',
        '13800138000',
        '--agent',
        'rules',
        '--jsonl',
      ],
      { input: '我要退款200元\n结束通话\n' },
    );
    expect(call.code, call.stderr).toBe(0);
    const events = parseEvents(call.stdout);
    expect(events.find((e) => e.type === 'permission_check')?.status).toBe('requires_supervisor');
    const saved = events.at(-1) as unknown as { session_id: string };
    expect(saved.session_id).toMatch(/^cs_\d{8}_001_/);

    const history = JSON.parse((await runCs(['history', 'list', '--db', url, '--json'])).stdout) as Array<{
      session_id: string;
    }>;
    expect(history.map((h) => h.session_id)).toEqual(
      expect.arrayContaining(['cs_20260125_001_abc123', saved.session_id]),
    );
    const customer = JSON.parse(
      (await runCs(['read', 'customer', '--db', url, '--phone', '13800138000', '--json'])).stdout,
    );
    expect(customer.interaction_history).toHaveLength(2);

    const out = join(tmp.dir, 'exported');
    const exported = await runCs(['export', '--db', url, '--to', out, '--json']);
    expect(exported.code, exported.stderr).toBe(0);
    const before = await jsonFiles(tmp.db);
    const after = await jsonFiles(out);
    // Everything the legacy database held comes back unchanged, except the customer the call updated.
    for (const [path, value] of Object.entries(before)) {
      if (path.includes('张先生')) continue;
      expect(after[path], path).toEqual(value);
    }
    expect(Object.keys(after).length).toBe(Object.keys(before).length + 1);
  });
});
