import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseEvents, runCs } from '../support/run-cs.js';
import { seedRecords } from '../support/seed-records.js';
import { spawnCs } from '../support/spawn-call.js';
import {
  postgresBinDir,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../support/throwaway-postgres.js';

const CALL = [
  'call',
  '--product',
  '会员订阅服务',
  '--operator',
  'HEAR策略',
  '--phone',
  '13800138000',
  '--jsonl',
];

// Its own server, started and stopped by the test: the shared one is never touched.
describe.skipIf(!postgresBinDir())('a PostgreSQL outage during a call', () => {
  let pg: ThrowawayPostgres;
  let journalDir: string;
  beforeEach(async () => {
    pg = await startThrowawayPostgres();
    journalDir = await mkdtemp(join(tmpdir(), 'cs-outage-journal-'));
    await seedRecords(pg.url);
  }, 120_000);
  afterEach(async () => {
    await pg.cleanup();
    await rm(journalDir, { recursive: true, force: true });
  });

  const sessions = async () => {
    const r = await runCs(['history', 'list', '--db', pg.url, '--json'], {
      env: { CS_JOURNAL_DIR: journalDir },
    });
    return { ...r, list: r.code === 0 ? (JSON.parse(r.stdout) as Array<{ resolution_status: string }>) : [] };
  };

  it('back within the retry window: the caller hears a short line, the call completes and is saved', async () => {
    const call = spawnCs([...CALL, '--db', pg.url], {
      CS_JOURNAL_DIR: journalDir,
      CS_STORE_RETRY_MS: '30000',
    });
    call.say('你好');
    await call.waitForEvent((e) => e.type === 'customer');
    pg.kill();
    call.say('帮我取消自动续费');
    await call.waitForEvent((e) => e.type === 'agent' && String(e.content).includes('系统繁忙'));
    pg.start();
    await call.waitForEvent((e) => e.type === 'permission_check');
    call.say('结束通话');
    call.child.stdin.end();
    const { code } = await call.exited;
    expect(call.stderr).toBe('');
    expect(code).toBe(0);
    expect(parseEvents(call.stdout).some((e) => e.type === 'session_saved')).toBe(true);
    const after = await sessions();
    expect(after.list).toHaveLength(1);
    expect(after.list[0]?.resolution_status).not.toBe('interrupted');
    expect(await readdir(journalDir)).toEqual([]);
  }, 120_000);

  it('still down at the end: one clear line, and the call is saved when the database returns', async () => {
    const call = spawnCs([...CALL, '--db', pg.url], {
      CS_JOURNAL_DIR: journalDir,
      CS_STORE_RETRY_MS: '1500',
    });
    call.say('帮我取消自动续费');
    await call.waitForEvent((e) => e.type === 'permission_check');
    pg.kill();
    call.say('结束通话');
    call.child.stdin.end();
    const { code } = await call.exited;
    expect(code).toBe(1);
    const lines = call.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^cs: .*cs recover/);
    expect(call.stderr).not.toMatch(/\n\s+at /);
    expect((await readdir(journalDir)).length).toBe(1);
    pg.start();
    const after = await sessions();
    expect(after.stderr).toMatch(/saved an interrupted call/);
    expect(after.list.map((s) => s.resolution_status)).toEqual(['interrupted']);
    expect(await readdir(journalDir)).toEqual([]);
  }, 120_000);
});
