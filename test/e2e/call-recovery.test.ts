import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseEvents, runCs, tempDb } from '../support/run-cs.js';
import { seedRecords } from '../support/seed-records.js';
import { spawnCs } from '../support/spawn-call.js';

const CALL = ['call', '--product', '会员订阅服务', '--operator', 'HEAR策略', '--jsonl'];

describe('a call that ends any other way than normally', () => {
  let db: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ db, cleanup } = await tempDb());
    await seedRecords(db);
  });
  afterEach(() => cleanup());

  const history = async (phone: string) => {
    const r = await runCs(['read', 'customer', '--phone', phone, '--db', db, '--json']);
    return (JSON.parse(r.stdout) as { interaction_history: Array<{ session_id: string }> })
      .interaction_history;
  };
  const session = async (id: string) => {
    const r = await runCs(['history', 'show', id, '--db', db, '--json']);
    return JSON.parse(r.stdout) as Record<string, unknown> & { review: { resolution_status: string } };
  };

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('is saved at once as interrupted on %s', async (signal, exitCode) => {
    const call = spawnCs([...CALL, '--phone', '13800138000', '--db', db]);
    call.say('帮我取消自动续费');
    await call.waitForEvent((e) => e.type === 'agent' && call.stdout.includes('"type":"customer"'));
    call.child.kill(signal);
    const { code } = await call.exited;
    expect(code).toBe(exitCode);
    const events = parseEvents(call.stdout);
    const saved = events.find((e) => e.type === 'session_saved') as { session_id: string } | undefined;
    expect(saved).toBeDefined();
    const s = await session(saved!.session_id);
    expect(s.review.resolution_status).toBe('interrupted');
    expect(JSON.stringify(s.conversation)).toContain('帮我取消自动续费');
    expect((await history('13800138000')).filter((h) => h.session_id === saved!.session_id)).toHaveLength(1);
    expect(await readdir(join(db, 'journal'))).toEqual([]);
  });

  it('after kill -9 is saved by the next command, with everything it did', async () => {
    const call = spawnCs([...CALL, '--phone', '13800138000', '--db', db]);
    call.say('帮我取消自动续费');
    await call.waitForEvent((e) => e.type === 'permission_check');
    call.child.kill('SIGKILL');
    await call.exited;
    expect((await readdir(join(db, 'journal'))).length).toBe(1);
    const next = await runCs(['history', 'list', '--db', db, '--json']);
    expect(next.code).toBe(0);
    expect(next.stderr).toMatch(/saved an interrupted call: cs_\d{8}_\d{3}_/);
    const listed = JSON.parse(next.stdout) as Array<{ session_id: string; resolution_status: string }>;
    expect(listed.map((l) => l.resolution_status)).toEqual(['interrupted']);
    const s = await session(listed[0]!.session_id);
    expect(JSON.stringify(s.permission_checks)).toContain('取消自动续费');
    expect(await history('13800138000')).toHaveLength(1);
  });

  it('cs recover saves it too and says so; a second run finds nothing', async () => {
    const call = spawnCs([...CALL, '--phone', '13912345678', '--db', db]);
    call.say('你好，我想问下会员能几台设备用');
    await call.waitForEvent((e) => e.type === 'agent' && call.stdout.includes('"type":"customer"'));
    call.child.kill('SIGKILL');
    await call.exited;
    const first = await runCs(['recover', '--db', db, '--json']);
    expect(first.code).toBe(0);
    const outcomes = (JSON.parse(first.stdout) as { calls: Array<{ outcome: string }> }).calls;
    expect(outcomes.map((o) => o.outcome)).toEqual(['saved']);
    const again = await runCs(['recover', '--db', db]);
    expect(again.stdout).toContain('no interrupted calls');
  });

  it('saves the call of a customer whose phone is a number and whose history is not a list', async () => {
    const customers = join(db, 'customers');
    const folder = (await readdir(customers)).find((f) => f.endsWith('张先生'))!;
    const path = join(customers, folder, 'info.json');
    const info = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    await writeFile(path, JSON.stringify({ ...info, phone: 13800138000, interaction_history: 'x' }));
    const r = await runCs([...CALL, '--phone', '13800138000', '--db', db], {
      input: '我要退款5元\n结束通话\n',
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(parseEvents(r.stdout).some((e) => e.type === 'session_saved')).toBe(true);
    const after = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    expect(after.interaction_history_legacy).toBe('x');
    expect(after.interaction_history).toHaveLength(1);
  });

  it('a live call whose `session end` was killed can be ended again', async () => {
    const start = await runCs([
      'session',
      'start',
      '--product',
      '会员订阅服务',
      '--operator',
      'HEAR策略',
      '--phone',
      '13800138000',
      '--db',
      db,
      '--json',
    ]);
    expect(start.code).toBe(0);
    const liveId =
      (JSON.parse(start.stdout) as { live_id?: string; call_id?: string }).live_id ??
      (JSON.parse(start.stdout) as { call_id: string }).call_id;
    // What a `session end` killed mid-way leaves: a claim by a process that is gone.
    const livePath = join(db, 'live', `${liveId}.json`);
    const live = JSON.parse(await readFile(livePath, 'utf8')) as Record<string, unknown>;
    const { currentProcess } = await import('../../src/domain/process-identity.js');
    await writeFile(livePath, JSON.stringify({ ...live, ending: { ...currentProcess(), pid: 2 ** 22 + 5 } }));
    const end = await runCs(['session', 'end', '--call', liveId, '--db', db]);
    expect(end.stderr).not.toContain('already being ended');
    expect(end.code).toBe(0);
    expect(await history('13800138000')).toHaveLength(1);
  });
});
