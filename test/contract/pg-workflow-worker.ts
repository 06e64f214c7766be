/**
 * One decider process of the work-item concurrency test (bundled by esbuild, started 16 times).
 * argv: url schema itemId state. It opens the store, prints "ready", waits for "go" on stdin,
 * then decides the pending approval as `state` unless it was decided first, and prints
 * {"won": …, "state": …, "pid": …}.
 */
import { createInterface } from 'node:readline';
import { openPgRecordStore } from '../../src/store/postgres/pg-record-store.js';

async function main(): Promise<void> {
  const [url, schema, id, to] = process.argv.slice(2) as [string, string, string, string];
  const store = await openPgRecordStore(url, { schema, poolSize: 1 });
  const lines = createInterface({ input: process.stdin });
  const go = new Promise<void>((resolve) => lines.once('line', () => resolve()));
  process.stdout.write('ready\n');
  await go;
  lines.close();
  let won = false;
  const after = await store.changeWork('approval', id, (current) => {
    // A retried transaction calls this again: only the last call's verdict counts.
    won = false;
    if (current.state !== 'pending') return undefined;
    won = true;
    // Widen the read-modify-write window (the change is synchronous, so a busy wait): without
    // the row lock, several deciders would read "pending" and each write its decision.
    const until = Date.now() + 20;
    while (Date.now() < until) {
      // waiting
    }
    const at = new Date().toISOString();
    return {
      doc: { ...current, state: to, updated_at: at, decided_by: process.pid },
      audit: { at, kind: 'approval', item_id: id, who: `w${process.pid}`, from: 'pending', to, why: 'test' },
    };
  });
  await store.close();
  process.stdout.write(`${JSON.stringify({ won, state: after?.state, pid: process.pid })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
