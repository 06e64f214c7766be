import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentProcess } from '../../domain/process-identity.js';
import { inspectLock, LOCK_OWNER_FILE } from './fs-lock-owner.js';
import { FsLocks } from './fs-locks.js';
import { makeTempDir } from './test-db.js';

let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('cs-locks-'));
});
afterEach(async () => {
  await cleanup();
});

/** A lock directory left as a holder would leave it, naming `owner` (fresh mtime: never stale). */
async function leaveLock(name: string, owner: Record<string, unknown>): Promise<string> {
  const lockDir = join(dir, '.locks', `${name}.lock`);
  await mkdir(lockDir, { recursive: true });
  await writeFile(join(lockDir, LOCK_OWNER_FILE), JSON.stringify(owner));
  return lockDir;
}

/** How long `with` takes to get the lock, in ms. */
async function timeToLock(locks: FsLocks, name: string): Promise<number> {
  const started = Date.now();
  await locks.with(name, async () => undefined);
  return Date.now() - started;
}

const me = () => currentProcess();

describe('FsLocks', () => {
  it('writes the holder into the lock while held and leaves nothing after release', async () => {
    const locks = new FsLocks(dir);
    const seen = await locks.with('type-customer', async () =>
      JSON.parse(await readFile(join(dir, '.locks', 'type-customer.lock', LOCK_OWNER_FILE), 'utf8')),
    );
    expect(seen).toMatchObject({ host: me().host, pid: process.pid, started: me().started });
    expect(typeof seen.token).toBe('string');
    expect(await readdir(join(dir, '.locks'))).toEqual([]);
  });

  it.each([
    ['a pid that no longer runs', { pid: 2 ** 22 + 12_345 }],
    ['a pid reused by a process that started at another time', { pid: process.pid, started: -1 }],
  ])('takes over at once a lock held by %s', async (_label, who) => {
    await leaveLock('type-customer', { ...me(), ...who, token: 'dead' });
    const locks = new FsLocks(dir, { staleMs: 60_000, maxWaitMs: 5_000 });
    expect(await timeToLock(locks, 'type-customer')).toBeLessThan(1_000);
    expect((await readdir(join(dir, '.locks'))).filter((f) => f.includes('dead-'))).toEqual([]);
  });

  it('waits for a live holder, and gives up with E_LOCKED after the longest wait', async () => {
    await leaveLock('type-customer', { ...me(), token: 'alive' });
    const locks = new FsLocks(dir, { staleMs: 60_000, maxWaitMs: 400 });
    const started = Date.now();
    await expect(locks.with('type-customer', async () => undefined)).rejects.toMatchObject({
      code: 'E_LOCKED',
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
  });

  it('never takes over a live holder whose lock went stale (a late refresh on a loaded machine)', async () => {
    const lockDir = await leaveLock('type-customer', { ...me(), token: 'alive' });
    // Untouched for an hour: proper-lockfile alone would call it stale and take it.
    const hourAgo = new Date(Date.now() - 3_600_000);
    await utimes(lockDir, hourAgo, hourAgo);
    const locks = new FsLocks(dir, { staleMs: 2_000, maxWaitMs: 400 });
    await expect(locks.with('type-customer', async () => undefined)).rejects.toMatchObject({
      code: 'E_LOCKED',
    });
  });

  it('still takes over a stale lock that names no holder', async () => {
    const lockDir = join(dir, '.locks', 'type-customer.lock');
    await mkdir(lockDir, { recursive: true });
    const hourAgo = new Date(Date.now() - 3_600_000);
    await utimes(lockDir, hourAgo, hourAgo);
    const locks = new FsLocks(dir, { staleMs: 2_000, maxWaitMs: 2_000 });
    expect(await timeToLock(locks, 'type-customer')).toBeLessThan(1_500);
  });

  it('presumes a holder on another host alive', async () => {
    await leaveLock('type-customer', { ...me(), host: 'elsewhere.example', pid: 2 ** 22 + 1, token: 't' });
    const locks = new FsLocks(dir, { staleMs: 60_000, maxWaitMs: 300 });
    await expect(locks.with('type-customer', async () => undefined)).rejects.toMatchObject({
      code: 'E_LOCKED',
    });
  });
});

describe('inspectLock', () => {
  it('tells a held lock from an abandoned one', async () => {
    const live = await leaveLock('a', { ...me(), token: 'x' });
    const dead = await leaveLock('b', { ...me(), pid: 2 ** 22 + 7, token: 'y' });
    expect(await inspectLock(live, 10_000)).toMatchObject({ abandoned: false });
    expect(await inspectLock(dead, 10_000)).toMatchObject({ abandoned: true });
    const bare = join(dir, '.locks', 'c.lock');
    await mkdir(bare);
    expect((await inspectLock(bare, 10_000)).abandoned).toBe(false);
    expect((await inspectLock(bare, 10_000, Date.now() + 20_000)).abandoned).toBe(true);
  });
});
