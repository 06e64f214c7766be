import { cp, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCs, SHARED, tempDb } from '../support/run-cs.js';
import { runCsInProcess } from '../support/run-cs-in-process.js';

// The commands run in the test process (the built cs, its own streams and exit code), but for
// finding the database from CS_DB and the working folder, which goes through a real process.

const customer = (name: string, phone: string) => ({
  name,
  phone,
  type: 'returning',
  background: '老用户',
  communication_style: '直接',
  special_needs: '无',
});

describe('cs records commands', () => {
  let tmp: Awaited<ReturnType<typeof tempDb>>;
  let db: string;
  const cs = (args: string[], input?: string) =>
    runCsInProcess([...args, '--db', db], input === undefined ? {} : { input });

  beforeAll(async () => {
    tmp = await tempDb();
    db = tmp.db;
  });
  afterAll(async () => tmp.cleanup());

  it('creates a customer from --data and reads it back by name, id and phone', async () => {
    const created = await cs([
      'create',
      'customer',
      '--json',
      '--data',
      JSON.stringify(customer('王建国', '138-0000-1111')),
    ]);
    expect(created.code, created.stderr).toBe(0);
    const record = JSON.parse(created.stdout);
    expect(record.phone).toBe('13800001111');
    expect(record._id).toMatch(/^[0-9a-f]{8}$/);
    for (const ref of [
      ['--name', '王建国'],
      ['--id', record._id],
      ['--phone', '+86 138 0000 1111'],
    ]) {
      const read = await cs(['read', 'customer', '--json', ...ref]);
      expect(read.code, read.stderr).toBe(0);
      expect(JSON.parse(read.stdout)._id).toBe(record._id);
    }
    const human = await cs(['read', 'customer', '--name', '王建国']);
    expect(human.stdout).toContain('# 王建国');
  });

  it('finds a unique partial name and lists candidates when several match', async () => {
    await cs([
      'create',
      'customer',
      '--data',
      JSON.stringify([customer('王小明', '13800001112'), customer('王小红', '13800001113')]),
    ]);
    const unique = await cs(['read', 'customer', '--name', '小红', '--json']);
    expect(unique.code).toBe(0);
    expect(JSON.parse(unique.stdout).name).toBe('王小红');
    const ambiguous = await cs(['read', 'customer', '--name', '王小']);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toContain('王小明');
    expect(ambiguous.stderr).toContain('王小红');
    expect(ambiguous.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('updates by top-level merge and validates after the merge', async () => {
    const ok = await cs([
      'update',
      'customer',
      '--name',
      '王建国',
      '--updates',
      '{"type":"vip","vip_level":3}',
      '--json',
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    const updated = JSON.parse(ok.stdout);
    expect(updated.type).toBe('vip');
    expect(updated.vip_level).toBe(3);
    expect(updated.background).toBe('老用户');
    expect(updated._updated).toBeTruthy();

    const bad = await cs(['update', 'customer', '--name', '王建国', '--updates', '{"type":"gold"}']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^cs: .*type/);
    const after = JSON.parse((await cs(['read', 'customer', '--name', '王建国', '--json'])).stdout);
    expect(after.type).toBe('vip');
  });

  it('renaming a record moves its folder and keeps its id', async () => {
    const before = JSON.parse((await cs(['read', 'customer', '--name', '王小明', '--json'])).stdout);
    const r = await cs(['update', 'customer', '--id', before._id, '--updates', '{"name":"王晓明"}']);
    expect(r.code, r.stderr).toBe(0);
    const folders = await readdir(join(db, 'customers'));
    expect(folders).toContain(`${before._id}_王晓明`);
    expect(folders).not.toContain(`${before._id}_王小明`);
  });

  it.each([
    [['create', 'customer', '--data', '{not json'], 2, /not valid JSON/],
    [['create', 'customer', '--data', JSON.stringify({ name: 'x' })], 2, /phone/],
    [['create', 'customer', '--data', JSON.stringify(customer('重复', '13800001111'))], 1, /13800001111/],
    [['create', 'customer', '--data', JSON.stringify(customer('坏号码', 'abc'))], 2, /phone/],
    [['create', 'gadget', '--data', '{}'], 2, /product, customer or operator/],
    [['create', 'customer'], 2, /--data/],
    [['read', 'customer'], 2, /exactly one of/],
    [['read', 'customer', '--name', '不存在的人'], 1, /不存在/],
    [['read', 'product', '--phone', '13800001111'], 2, /customers only/],
    [['update', 'customer', '--name', '王建国', '--updates', '[1]'], 2, /JSON object/],
    [['update', 'customer', '--name', '王建国', '--updates', '{"_id":"00000000"}'], 2, /Metadata/],
    [['list', '--type', 'gadget'], 2, /./],
    [['nonsense'], 2, /./],
  ])('refuses bad input %j with exit %i and one clear line', async (args, code, message) => {
    const r = await cs(args as string[]);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('deletes recoverably and restores from the trash', async () => {
    const del = await cs(['delete', 'customer', '--name', '王小红', '--json']);
    expect(del.code, del.stderr).toBe(0);
    const entry = JSON.parse(del.stdout);
    expect((await cs(['read', 'customer', '--name', '王小红'])).code).toBe(1);
    const trash = JSON.parse((await cs(['restore', '--json'])).stdout);
    expect(trash.map((t: { trash_id: string }) => t.trash_id)).toContain(entry.trash_id);
    const restored = await cs(['restore', entry.trash_id, '--json']);
    expect(restored.code, restored.stderr).toBe(0);
    expect(JSON.parse((await cs(['read', 'customer', '--name', '王小红', '--json'])).stdout).phone).toBe(
      '13800001113',
    );
  });

  it('lists records per type, briefly and verbosely, with clean --json', async () => {
    const brief = await cs(['list', '--type', 'customer', '--json']);
    const rows = JSON.parse(brief.stdout) as Array<{ name: string }>;
    expect(rows.map((r) => r.name).sort()).toEqual(['王小红', '王建国', '王晓明'].sort());
    const verbose = await cs(['list', '--verbose']);
    expect(verbose.stdout).toContain('**Background**: 老用户');
    expect(verbose.stdout).toContain('产品 Products (0)');
  });

  it('generates the same mock records for the same seed', async () => {
    const a = await tempDb();
    const b = await tempDb();
    try {
      for (const d of [a.db, b.db]) {
        const r = await runCsInProcess([
          'create',
          'product',
          '--mock',
          '--count',
          '3',
          '--seed',
          '42',
          '--db',
          d,
          '--json',
        ]);
        expect(r.code, r.stderr).toBe(0);
      }
      const strip = (text: string) =>
        (JSON.parse(text) as Array<Record<string, unknown>>).map(
          ({ _id, _created, _updated, ...rest }) => rest,
        );
      const la = strip(
        (await runCsInProcess(['list', '--type', 'product', '--verbose', '--json', '--db', a.db])).stdout,
      );
      const lb = strip(
        (await runCsInProcess(['list', '--type', 'product', '--verbose', '--json', '--db', b.db])).stdout,
      );
      expect(la).toHaveLength(3);
      expect(la).toEqual(lb);
    } finally {
      await Promise.all([a.cleanup(), b.cleanup()]);
    }
  });

  it('finds the database through CS_DB and through the nearest ancestor .ezagent folder', async () => {
    const project = join(tmp.dir, 'project');
    const nested = join(project, 'a', 'b');
    await mkdir(nested, { recursive: true });
    const seedDb = join(project, '.ezagent', 'database', 'customer_service');
    const r1 = await runCs(
      ['create', 'customer', '--data', JSON.stringify(customer('祖先', '13800002222'))],
      {
        env: { CS_DB: seedDb },
      },
    );
    expect(r1.code, r1.stderr).toBe(0);
    const r2 = await runCs(['read', 'customer', '--phone', '13800002222', '--json'], { cwd: nested });
    expect(r2.code, r2.stderr).toBe(0);
    expect(JSON.parse(r2.stdout).name).toBe('祖先');
  });
});

describe('legacy database from the earlier Python implementation', () => {
  it('reads, lists, updates and extends it without losing a field', async () => {
    const tmp = await tempDb();
    try {
      await cp(join(SHARED, 'fixtures', 'legacy-db', 'customer_service'), tmp.db, { recursive: true });
      const legacyInfo = join(tmp.db, 'customers', '4f064bfb_张先生', 'info.json');
      const original = JSON.parse(await readFile(legacyInfo, 'utf8'));
      const cs = (args: string[]) => runCsInProcess([...args, '--db', tmp.db]);

      const list = JSON.parse((await cs(['list', '--json'])).stdout);
      expect(list.customer).toHaveLength(2);
      expect(list.operator).toHaveLength(2);
      const product = JSON.parse((await cs(['read', 'product', '--name', '会员订阅服务', '--json'])).stdout);
      expect(product._id).toBe('ea1677ad');

      const upd = await cs([
        'update',
        'customer',
        '--phone',
        '13800138000',
        '--updates',
        '{"special_needs":"希望电话回访"}',
      ]);
      expect(upd.code, upd.stderr).toBe(0);
      const after = JSON.parse(await readFile(legacyInfo, 'utf8'));
      expect(after).toMatchObject({
        ...original,
        special_needs: '希望电话回访',
        _updated: expect.any(String),
      });
      expect(after.interaction_history).toEqual(original.interaction_history);

      const created = await cs([
        'create',
        'customer',
        '--data',
        JSON.stringify(customer('赵女士', '13700000001')),
      ]);
      expect(created.code, created.stderr).toBe(0);
      const hist = JSON.parse((await cs(['history', 'list', '--json'])).stdout);
      expect(hist.map((h: { session_id: string }) => h.session_id)).toContain('cs_20260125_001_abc123');
    } finally {
      await tmp.cleanup();
    }
  });
});
