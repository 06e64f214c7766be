// A child process for the multi-process store tests (built with esbuild by the tests, run by
// `node`). Usage: node store-worker.mjs <mode> <db> [args...]; prints JSON lines on stdout.
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SessionRecord } from '../../../domain/session-schemas.js';
import { renderSessionReadme } from '../../../render/render-session-readme.js';
import { FsRecordStore } from '../fs-record-store.js';

const out = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

/** Waits for the parent's start signal so that all workers begin at once. */
async function waitForGo(file: string | undefined): Promise<void> {
  if (!file) return;
  out({ ready: process.pid });
  while (!existsSync(file)) await sleep(5);
}

async function main(): Promise<void> {
  const [mode, db, ...args] = process.argv.slice(2);
  if (!db) throw new Error('usage: <mode> <db> ...');
  const stale = Number(process.env.CS_TEST_LOCK_STALE_MS ?? 0);
  const store = new FsRecordStore(db, stale > 0 ? { lockStaleMs: stale } : {});

  if (mode === 'mixed') {
    // Creates `count` customers and appends `count` entries to the shared customer's history.
    const [worker, count, sharedId, go] = args;
    await waitForGo(go);
    const w = Number(worker);
    const created: string[] = [];
    for (let i = 0; i < Number(count); i++) {
      const record = await store.create('customer', {
        name: `W${w}-${i}`,
        phone: `15${String(w).padStart(2, '0')}${String(i).padStart(7, '0')}`,
        type: 'new',
        background: 'worker',
        communication_style: '直接',
        special_needs: '无',
      });
      created.push(record._id);
      await store.update('customer', sharedId as string, (c) => ({
        ...c,
        interaction_history: [...((c.interaction_history as unknown[]) ?? []), { session_id: `w${w}-${i}` }],
      }));
    }
    out({ created });
  } else if (mode === 'session') {
    const [date, tag, go] = args;
    await waitForGo(go);
    const saved = await store.saveSession({
      date: date as string,
      tag: tag as string,
      build: (id): SessionRecord => ({
        session_id: id,
        product: 'P',
        customer: 'C',
        operator: 'O',
        timestamp: new Date().toISOString(),
        conversation: [],
        review: {
          resolution_status: 'resolved',
          issue_summary: 'x',
          actions_taken: [],
          follow_up_required: false,
          customer_updates: {},
        },
      }),
      readme: renderSessionReadme,
    });
    out(saved);
  } else if (mode === 'decide') {
    // Decides the pending approval `id` as `to` unless someone decided it first.
    const [id, to, go] = args;
    await waitForGo(go);
    let won = false;
    const after = await store.changeWork('approval', id as string, (current) => {
      if (current.state !== 'pending') return undefined;
      won = true;
      const at = new Date().toISOString();
      return {
        doc: { ...current, state: to as string, updated_at: at, decided_by: process.pid },
        audit: {
          at,
          kind: 'approval',
          item_id: current.id,
          who: `w${process.pid}`,
          from: 'pending',
          to: to as string,
          why: 'test',
        },
      };
    });
    out({ won, state: after?.state, pid: process.pid });
  } else if (mode === 'mock') {
    // `generate`: stores its own profile unless one is there (first writer wins); `change`: adds
    // its own key whatever is there (an approved action's change).
    const [worker, kind, go] = args;
    await waitForGo(go);
    const state = await store.updateMockState('abcdef01', '13800138000', (current) =>
      kind === 'generate'
        ? current?.profile !== undefined
          ? current
          : { ...current, profile: { by: Number(worker) } }
        : { ...current, [`changed_by_${worker}`]: true },
    );
    out({ state });
  } else if (mode === 'hammer') {
    // Rewrites one record with a large field forever, reporting each write, until killed.
    const [id] = args;
    for (let n = 0; ; n++) {
      await store.update('product', id as string, (c) => ({
        ...c,
        blob: `${n}:${'数据'.repeat(400_000 + n)}`,
      }));
      out({ tick: n });
    }
  } else if (mode === 'hold') {
    // Takes the record's lock and keeps it until killed.
    const [id] = args;
    await store.update('product', id as string, async (c) => {
      out({ holding: process.pid });
      // A pending promise alone does not keep node running: without a timer the worker would
      // exit (releasing the lock on its way out) before it is killed.
      await new Promise(() => setInterval(() => undefined, 60_000));
      return c;
    });
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
