import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FsRecordStore } from './fs-record-store.js';
import { makeTempDir } from './test-db.js';
import { type BuiltWorker, buildStoreWorker, startWorker } from './test-workers/build-worker.js';
import { workMarkerName } from './work-marker-name.js';

const DECIDERS = 16;

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
  ({ dir, cleanup } = await makeTempDir('cs-work-procs-'));
});
afterEach(async () => {
  await cleanup();
});

describe('FsWorkflowStore across processes', () => {
  it('16 processes deciding one pending approval at once: exactly one decision', {
    timeout: 180_000,
  }, async () => {
    const db = join(dir, 'db');
    const store = new FsRecordStore(db);
    const at = new Date(Date.now() - 60_000).toISOString();
    await store.addWork(
      'approval',
      { id: 'ap_000000000001', state: 'pending', created_at: at, updated_at: at },
      {
        at,
        kind: 'approval',
        item_id: 'ap_000000000001',
        who: 'agent',
        from: null,
        to: 'pending',
        why: 'raised',
      },
    );
    const go = join(dir, 'go');
    const running = Array.from({ length: DECIDERS }, (_, i) =>
      startWorker(worker.script, [
        'decide',
        db,
        'ap_000000000001',
        i % 2 === 0 ? 'approved' : 'rejected',
        go,
      ]),
    );
    await Promise.all(running.map((r) => r.waitFor((l) => 'ready' in l)));
    await writeFile(go, '');
    const ends = await Promise.all(running.map((r) => r.done));
    ends.forEach((end, i) => {
      expect(end.code, running[i]?.stderr()).toBe(0);
    });

    const results = running.map((r) => r.lines.at(-1) as { won: boolean; state: string; pid: number });
    const winners = results.filter((r) => r.won);
    expect(winners).toHaveLength(1);
    const decided = winners[0]?.state;
    expect(['approved', 'rejected']).toContain(decided);
    // Every process saw the one decision, whichever it tried.
    expect(new Set(results.map((r) => r.state))).toEqual(new Set([decided]));

    const fresh = new FsRecordStore(db);
    expect(await fresh.getWork('approval', 'ap_000000000001')).toMatchObject({
      state: decided,
      decided_by: winners[0]?.pid,
    });
    const trail = await fresh.listAudit({ itemId: 'ap_000000000001' });
    expect(trail.map((e) => `${e.from}→${e.to}`)).toEqual([`null→pending`, `pending→${decided}`]);
    expect(trail[1]?.who).toBe(`w${winners[0]?.pid}`);
    expect(await fresh.listWork('approval', { state: 'pending' })).toEqual([]);
    expect(await readdir(join(db, 'workflow/approval/.state', decided as string))).toEqual([
      workMarkerName({ id: 'ap_000000000001', created_at: at }),
    ]);
  });
});
