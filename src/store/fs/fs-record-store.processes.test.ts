import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MetadataSchema } from '../../domain/record-schemas.js';
import { inspectLock } from './fs-lock-owner.js';
import { recordLock } from './fs-record-lookup.js';
import { FsRecordStore } from './fs-record-store.js';
import { customerFields, makeTempDir } from './test-db.js';
import {
  type BuiltWorker,
  buildStoreWorker,
  type RunningWorker,
  startWorker,
} from './test-workers/build-worker.js';

let worker: BuiltWorker;
let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  worker = await buildStoreWorker();
});
afterAll(async () => {
  await worker.cleanup();
});
beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('cs-procs-'));
});
afterEach(async () => {
  await cleanup();
});

/** Starts workers, waits until all are ready, then lets them go at once. */
async function runTogether(argsList: string[][], go: string): Promise<RunningWorker[]> {
  const running = argsList.map((args) => startWorker(worker.script, args));
  await Promise.all(running.map((r) => r.waitFor((l) => 'ready' in l)));
  await writeFile(go, '');
  const ends = await Promise.all(running.map((r) => r.done));
  ends.forEach((end, i) => {
    expect(end.code, running[i]?.stderr()).toBe(0);
  });
  return running;
}

describe('FsRecordStore across processes', () => {
  it('16 processes creating and updating at once lose nothing', { timeout: 180_000 }, async () => {
    const db = join(dir, 'db');
    const store = new FsRecordStore(db);
    const shared = await store.create(
      'customer',
      customerFields('共享客户', '13800000000', { interaction_history: [] }),
    );
    const perWorker = 6;
    const running = await runTogether(
      Array.from({ length: 16 }, (_, w) => [
        'mixed',
        db,
        String(w),
        String(perWorker),
        shared._id,
        join(dir, 'go'),
      ]),
      join(dir, 'go'),
    );

    const createdIds = running.flatMap((r) => (r.lines.at(-1) as { created: string[] }).created);
    expect(createdIds).toHaveLength(16 * perWorker);
    const fresh = new FsRecordStore(db);
    for (const id of createdIds) expect(await fresh.get('customer', id), id).toBeDefined();
    for (let w = 0; w < 16; w++) {
      const phone = `15${String(w).padStart(2, '0')}${String(perWorker - 1).padStart(7, '0')}`;
      expect((await fresh.findCustomerByPhone(phone))?.name).toBe(`W${w}-${perWorker - 1}`);
    }
    expect(await fresh.list('customer')).toHaveLength(16 * perWorker + 1);
    expect(await fresh.summaries('customer')).toHaveLength(16 * perWorker + 1);

    const history = (await fresh.get('customer', shared._id))?.interaction_history as Array<{
      session_id: string;
    }>;
    const expected = Array.from({ length: 16 }, (_, w) =>
      Array.from({ length: perWorker }, (_, i) => `w${w}-${i}`),
    ).flat();
    expect(history.map((h) => h.session_id).sort()).toEqual(expected.sort());
  });

  it('32 processes saving sessions at once get 32 distinct ids, seq 001 to 032', {
    timeout: 180_000,
  }, async () => {
    const db = join(dir, 'db');
    const running = await runTogether(
      Array.from({ length: 32 }, (_, i) => ['session', db, '20260125', `p${i}`, join(dir, 'go')]),
      join(dir, 'go'),
    );
    const ids = running.map((r) => (r.lines.at(-1) as { sessionId: string }).sessionId);
    expect(new Set(ids).size).toBe(32);
    expect(ids.map((id) => id.split('_')[2]).sort()).toEqual(
      Array.from({ length: 32 }, (_, i) => String(i + 1).padStart(3, '0')),
    );
    const folders = await readdir(join(db, 'history'));
    expect(folders.sort()).toEqual([...ids].sort());
    // The index as the workers left it, read before the listing (which may repair it): what a
    // failure here must be told apart by.
    const indexed = await readFile(join(db, '.index', 'sessions', '20260125.jsonl'), 'utf8').catch(
      (error: Error) => error.message,
    );
    const meta = await readFile(join(db, '.index', 'sessions', 'meta.json'), 'utf8').catch(
      (error: Error) => error.message,
    );
    const history = (await stat(join(db, 'history'), { bigint: true })).mtimeNs;
    const store = new FsRecordStore(db);
    const listed = await store.listSessions({ date: '20260125' });
    expect(
      listed.map((row) => row.session_id).sort(),
      `index:\n${indexed}\nmeta: ${meta}\nhistory/ mtime: ${history}`,
    ).toEqual([...ids].sort());
  });

  it("16 processes on a new caller's mock state: one generated response for all, no change lost", {
    timeout: 180_000,
  }, async () => {
    const db = join(dir, 'db');
    const running = await runTogether(
      Array.from({ length: 16 }, (_, w) => [
        'mock',
        db,
        String(w),
        w % 2 === 0 ? 'generate' : 'change',
        join(dir, 'go'),
      ]),
      join(dir, 'go'),
    );
    const seen = running
      .filter((_, w) => w % 2 === 0)
      .map((r) => {
        const line = r.lines.find((l) => typeof l === 'object' && l !== null && 'state' in l);
        return JSON.stringify((line as { state: { profile?: unknown } }).state.profile);
      });
    expect(new Set(seen).size).toBe(1);
    const state = await new FsRecordStore(db).getMockState('abcdef01', '13800138000');
    expect(JSON.stringify(state?.profile)).toBe(seen[0]);
    expect(Object.keys(state ?? {}).filter((k) => k.startsWith('changed_by_'))).toHaveLength(8);
  });

  it('the lock of a writer killed with kill -9 is taken over at once, not after the stale time', {
    timeout: 60_000,
  }, async () => {
    const db = join(dir, 'db');
    // A stale time far beyond the longest wait: only the quick takeover can let the update through.
    const store = new FsRecordStore(db, { lockStaleMs: 600_000, lockMaxWaitMs: 15_000 });
    const product = await store.create('product', { name: 'P', description: 'x' });
    const holder = startWorker(worker.script, ['hold', db, product._id]);
    await holder.waitFor((l) => 'holding' in l);
    const lockDir = join(db, '.locks', `${recordLock('product', product._id)}.lock`);
    expect((await inspectLock(lockDir, 600_000)).owner?.pid).toBe(holder.child.pid);
    holder.child.kill('SIGKILL');
    expect((await holder.done).signal).toBe('SIGKILL');
    const seen = await inspectLock(lockDir, 600_000);
    expect(seen.abandoned, seen.why).toBe(true);
    const after = await store.update('product', product._id, (c) => ({ ...c, description: 'y' }));
    expect(after.description).toBe('y');
  });

  it('a writer killed mid-way leaves every info.json whole', { timeout: 180_000 }, async () => {
    const db = join(dir, 'db');
    const store = new FsRecordStore(db, { lockStaleMs: 2000 });
    const product = await store.create('product', { name: '大产品', description: '被反复改写' });
    const folder = join(db, 'products', `${product._id}_大产品`);
    for (let round = 0; round < 3; round++) {
      const hammer = startWorker(worker.script, ['hammer', db, product._id], {
        CS_TEST_LOCK_STALE_MS: '2000',
      });
      await hammer.waitFor((l) => typeof l.tick === 'number' && l.tick >= 1);
      // Kill it the moment write-file-atomic's temp file for info.json exists: mid-write.
      let midWrite = false;
      for (let i = 0; i < 20_000 && !midWrite; i++) {
        midWrite = (await readdir(folder)).some((f) => /^info\.json\.\d+$/.test(f));
      }
      hammer.child.kill('SIGKILL');
      expect((await hammer.done).signal).toBe('SIGKILL');
      expect(midWrite).toBe(true);

      for (const type of ['products', 'customers', 'operators']) {
        for (const f of await readdir(join(db, type)).catch(() => [] as string[])) {
          const text = await readFile(join(db, type, f, 'info.json'), 'utf8');
          expect(MetadataSchema.safeParse(JSON.parse(text)).success).toBe(true);
        }
      }
      const current = await store.get('product', product._id);
      expect(current?.description).toBe('被反复改写');
      expect(String(current?.blob)).toMatch(/^\d+:数据/);
    }
    // The dead writer's lock goes stale and is taken over; its temp files are cleared.
    const after = await store.update('product', product._id, (c) => ({ ...c, blob: 'small' }));
    expect(after.blob).toBe('small');
    expect((await readdir(folder)).sort()).toEqual(['README.md', 'info.json']);
  });
});
