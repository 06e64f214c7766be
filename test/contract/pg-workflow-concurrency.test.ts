import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordStore } from '../../src/store/record-store.js';
import { startWorker } from '../support/spawn-worker.js';
import { makePgTestStore, pgSuiteTitle, TEST_DATABASE_URL, warnPgSkipped } from './pg-test-schema.js';

const DECIDERS = 16;
const ID = 'ap_000000000001';

warnPgSkipped('16 processes deciding one approval on PostgreSQL');

describe.skipIf(!TEST_DATABASE_URL)(pgSuiteTitle('PostgreSQL work items under 16 deciding processes'), () => {
  let dir: string;
  let script: string;
  let store: RecordStore;
  let schema: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cs-pg-deciders-'));
    script = join(dir, 'decider.cjs');
    // Node 20 cannot run TypeScript: bundle the decider (pg included) into one CommonJS file.
    await build({
      entryPoints: [fileURLToPath(new URL('./pg-workflow-worker.ts', import.meta.url))],
      outfile: script,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['pg-native'],
      logLevel: 'error',
    });
    ({ store, schema, cleanup } = await makePgTestStore());
  });

  afterAll(async () => {
    await store?.close();
    await cleanup?.();
    await rm(dir, { recursive: true, force: true });
  });

  it('takes exactly one decision, in the row and in the audit trail', { timeout: 120_000 }, async () => {
    const at = new Date(Date.now() - 60_000).toISOString();
    await store.addWork(
      'approval',
      { id: ID, state: 'pending', created_at: at, updated_at: at },
      { at, kind: 'approval', item_id: ID, who: 'agent', from: null, to: 'pending', why: 'raised' },
    );
    const deciders = await Promise.all(
      Array.from({ length: DECIDERS }, (_, i) =>
        startWorker(script, [TEST_DATABASE_URL!, schema, ID, i % 2 === 0 ? 'approved' : 'rejected']),
      ),
    );
    // All 16 have connected and wait; release them together.
    for (const d of deciders) d.child.stdin.write('go\n');
    const outputs = await Promise.all(deciders.map((d) => d.done));
    const results = outputs.map(
      (o) => JSON.parse(o.split('\n')[1] ?? '') as { won: boolean; state: string; pid: number },
    );

    const winners = results.filter((r) => r.won);
    expect(winners).toHaveLength(1);
    const decided = winners[0]?.state;
    expect(['approved', 'rejected']).toContain(decided);
    expect(new Set(results.map((r) => r.state))).toEqual(new Set([decided]));
    expect(await store.getWork('approval', ID)).toMatchObject({
      state: decided,
      decided_by: winners[0]?.pid,
    });
    const trail = await store.listAudit({ itemId: ID });
    expect(trail.map((e) => `${e.from}→${e.to}`)).toEqual(['null→pending', `pending→${decided}`]);
    expect(trail[1]?.who).toBe(`w${winners[0]?.pid}`);
    expect(await store.listWork('approval', { state: 'pending' })).toEqual([]);
  });
});
