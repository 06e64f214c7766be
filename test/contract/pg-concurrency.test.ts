import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordStore } from '../../src/store/record-store.js';
import { startWorker } from '../support/spawn-worker.js';
import { makePgTestStore, pgSuiteTitle, TEST_DATABASE_URL, warnPgSkipped } from './pg-test-schema.js';

const WRITERS = 32;

warnPgSkipped('32 concurrent writers on PostgreSQL');

describe.skipIf(!TEST_DATABASE_URL)(pgSuiteTitle('PostgreSQL store under 32 writer processes'), () => {
  let dir: string;
  let script: string;
  let store: RecordStore;
  let schema: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cs-pg-writers-'));
    script = join(dir, 'writer.cjs');
    // Node 20 cannot run TypeScript: bundle the writer (pg included) into one CommonJS file.
    await build({
      entryPoints: [fileURLToPath(new URL('./pg-concurrency-worker.ts', import.meta.url))],
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

  it('gives every writer its own session number and loses no customer update', async () => {
    const customer = await store.create('customer', {
      name: '张先生',
      phone: '13800138000',
      type: 'returning',
      background: '老用户',
      communication_style: '直接',
      special_needs: '无',
    });
    const writers = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) =>
        startWorker(script, [TEST_DATABASE_URL!, schema, customer._id, String(i)]),
      ),
    );
    // All 32 processes have connected and wait; release them together.
    for (const w of writers) w.child.stdin.write('go\n');
    const outputs = await Promise.all(writers.map((w) => w.done));
    const ids = outputs.map((o) => (JSON.parse(o.split('\n')[1]!) as { sessionId: string }).sessionId);

    expect(new Set(ids).size).toBe(WRITERS);
    const seqs = ids.map((id) => id.split('_')[2]).sort();
    expect(seqs).toEqual(Array.from({ length: WRITERS }, (_, i) => String(i + 1).padStart(3, '0')));
    expect((await store.listSessions({ date: '20261125' })).map((s) => s.session_id).sort()).toEqual(
      [...ids].sort(),
    );

    const history = (await store.get('customer', customer._id))?.interaction_history as Array<{
      session_id: string;
    }>;
    expect(history).toHaveLength(WRITERS);
    expect(history.map((h) => h.session_id).sort()).toEqual([...ids].sort());
  });
});
