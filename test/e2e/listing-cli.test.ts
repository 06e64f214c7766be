import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../src/domain/session-schemas.js';
import { FsRecordStore } from '../../src/store/fs/fs-record-store.js';
import { tempDb } from '../support/run-cs.js';
import { runCsInProcess } from '../support/run-cs-in-process.js';

// The commands run in the test process (the built cs, its own stdout and exit code), but for the
// reader that goes away, which is a real pipe to a real process.

const customer = (name: string, phone: string) => ({
  name,
  phone,
  type: 'returning',
  background: '老用户',
  communication_style: '直接',
  special_needs: '无',
});

describe('cs history list with filters', () => {
  let tmp: Awaited<ReturnType<typeof tempDb>>;
  const cs = (...args: string[]) => runCsInProcess([...args, '--db', tmp.db]);
  const ids = async (...args: string[]) => {
    const r = await cs('history', 'list', '--json', ...args);
    expect(r.code, r.stderr).toBe(0);
    return (JSON.parse(r.stdout) as Array<{ session_id: string }>).map((s) => s.session_id);
  };

  beforeAll(async () => {
    tmp = await tempDb();
    const store = new FsRecordStore(tmp.db);
    const zhang = await store.create('customer', customer('张先生', '13800138000'));
    const li = await store.create('customer', customer('李女士', '13912345678'));
    const days = ['20261101', '20261102', '20261103'];
    for (let i = 0; i < 120; i++) {
      const who = i % 2 === 0 ? zhang : li;
      await store.saveSession({
        date: days[i % 3] as string,
        tag: `s${i}`,
        build: (id): SessionRecord => ({
          session_id: id,
          product: i % 4 === 0 ? '云存储' : '会员订阅服务',
          customer: who.name,
          customer_id: who._id,
          customer_phone: String(who.phone),
          operator: 'HEAR策略',
          timestamp: '2026-11-01T10:00:00.000000',
          conversation: [],
          review: {
            resolution_status: i % 5 === 0 ? 'unresolved' : 'resolved',
            issue_summary: 'x',
            actions_taken: [],
            follow_up_required: false,
            customer_updates: {},
          },
        }),
        readme: () => '#\n',
      });
    }
    await store.close();
  });
  afterAll(async () => tmp.cleanup());

  it('shows the newest 100 by default, oldest first, and says how to see the rest', async () => {
    const r = await cs('history', 'list');
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(100);
    expect(lines[99]).toMatch(/^cs_20261103_040_s119 /);
    expect(r.stderr).toContain('--limit 0');
    expect(await ids('--limit', '0')).toHaveLength(120);
    expect(await ids('--limit', '2')).toEqual(['cs_20261103_039_s116', 'cs_20261103_040_s119']);
  });

  it('filters by customer name part, phone, product, status and days', async () => {
    expect(await ids('--customer', '张', '--limit', '0')).toHaveLength(60);
    expect(await ids('--customer', '139 1234 5678', '--limit', '0')).toHaveLength(60);
    expect(await ids('--product', '云存储', '--limit', '0')).toHaveLength(30);
    expect(await ids('--status', 'unresolved', '--limit', '0')).toHaveLength(24);
    expect(await ids('--since', '2026-11-02', '--until', '20261102', '--limit', '0')).toHaveLength(40);
    expect(await ids('--date', '20261101', '--customer', '李', '--status', 'resolved')).toHaveLength(16);
  });

  it('refuses a bad status, day or limit with exit 2', async () => {
    for (const args of [
      ['--status', 'done'],
      ['--since', '2026-02-30'],
      ['--limit', '-1'],
    ]) {
      const r = await cs('history', 'list', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('cs create --mock and cs list at size', () => {
  let tmp: Awaited<ReturnType<typeof tempDb>>;
  const cs = (...args: string[]) => runCsInProcess([...args, '--db', tmp.db], { timeoutMs: 120_000 });

  beforeAll(async () => {
    tmp = await tempDb();
  });
  afterAll(async () => tmp.cleanup());

  it('creates mock customers in batches, each once, and streams them out as JSON', {
    timeout: 180_000,
  }, async () => {
    const r = await cs('create', 'customer', '--mock', '--count', '2500', '--seed', '3', '--json');
    expect(r.code, r.stderr).toBe(0);
    // Not a terminal: no progress bar on stderr.
    expect(r.stderr).toBe('');
    const created = JSON.parse(r.stdout) as Array<{ _id: string; phone: string }>;
    expect(created).toHaveLength(2500);
    expect(new Set(created.map((c) => c._id)).size).toBe(2500);
    expect(new Set(created.map((c) => c.phone)).size).toBe(2500);
    const human = await cs('create', 'customer', '--mock', '--count', '150', '--seed', '4');
    expect(human.stdout.trim()).toBe('已创建 Created 150 customer records (--json lists them).');
  });

  it('streams a listing too long to sort, every row once, in text and JSON', {
    timeout: 120_000,
  }, async () => {
    // Past 10,000 rows the listing is not sorted: these are written in bulk, quicker than by the CLI.
    const store = new FsRecordStore(tmp.db);
    await store.createMany(
      'customer',
      Array.from({ length: 7550 }, (_, i) => customer(`批量${i}`, `1710000${String(i).padStart(4, '0')}`)),
    );
    await store.close();
    const json = await cs('list', '--type', 'customer', '--json');
    expect(json.code, json.stderr).toBe(0);
    const rows = JSON.parse(json.stdout) as Array<{ id: string; name: string; phone: string }>;
    expect(rows).toHaveLength(10200);
    expect(new Set(rows.map((r) => r.id)).size).toBe(10200);
    const text = await cs('list', '--type', 'customer');
    const lines = text.stdout.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('- '))).toHaveLength(10200);
    expect(lines).toContain('## 客户 Customers');
    expect(lines.at(-1)).toBe('（共 10200 条，按存储顺序 · 10200 in all, in storage order）');
    const all = JSON.parse((await cs('list', '--json')).stdout) as Record<string, unknown[]>;
    expect(Object.keys(all)).toEqual(['product', 'customer', 'operator']);
    expect(all.customer).toHaveLength(10200);
    expect(all.product).toEqual([]);
  });

  it('stops quietly when the reader goes away', { timeout: 60_000 }, async () => {
    const { spawnSync } = await import('node:child_process');
    const { CS_BIN } = await import('../support/run-cs.js');
    const r = spawnSync('sh', ['-c', `node ${CS_BIN} list --type customer --db '${tmp.db}' | head -n 4`], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[3]).toMatch(/^- /);
    expect(r.stderr).toBe('');
  });
});
