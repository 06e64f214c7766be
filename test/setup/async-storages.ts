// Test setup (every project): keeps the AsyncLocalStorages the code under test made from slowing
// every later test of the worker.
//
// Node 20 keeps each AsyncLocalStorage that ran once in one process-wide list, and every promise
// (every async resource) made afterwards visits each storage in it. FsLocks makes one per open
// file store, so a test worker that opened some hundred stores (the unit project shares its
// workers across files, isolate: false; the e2e files run `cs` in process many times) made each
// promise about a hundred times dearer: measured, 200,000 awaits took 65 ms with no storage and
// 6.8 s with 100. A storage is disabled after the test it ran in, unless a run of it is still
// going (a lock held by an async chain that outlives the test): disabling that one would make
// the chain forget which locks it holds. A later run enables a disabled storage again.
import { AsyncLocalStorage } from 'node:async_hooks';
import { afterEach } from 'vitest';

interface Tracked {
  /** Storages that ran since they were last disabled, with how many of their runs are going. */
  running: Map<AsyncLocalStorage<unknown>, number>;
}

/** One tracker per worker: setup files run again for each test file in a shared worker. */
const TRACKED = Symbol.for('cs.test.async-storages');

function tracker(): Tracked {
  const state = globalThis as { [TRACKED]?: Tracked };
  const existing = state[TRACKED];
  if (existing) return existing;
  const tracked: Tracked = { running: new Map() };
  state[TRACKED] = tracked;
  const run = AsyncLocalStorage.prototype.run;
  AsyncLocalStorage.prototype.run = function (
    this: AsyncLocalStorage<unknown>,
    store: unknown,
    callback: (...args: unknown[]) => unknown,
    ...args: unknown[]
  ) {
    const { running } = tracked;
    running.set(this, (running.get(this) ?? 0) + 1);
    let result: unknown;
    try {
      result = run.call(this, store, callback, ...args);
    } catch (error) {
      running.set(this, (running.get(this) ?? 1) - 1);
      throw error;
    }
    if (result instanceof Promise) {
      // The run goes on until its promise settles (FsLocks runs a whole locked step so).
      const settled = () => running.set(this, (running.get(this) ?? 1) - 1);
      result.then(settled, settled);
    } else {
      running.set(this, (running.get(this) ?? 1) - 1);
    }
    return result;
  } as typeof run;
  return tracked;
}

const { running } = tracker();

afterEach(() => {
  for (const [storage, runs] of running) {
    if (runs > 0) continue;
    storage.disable();
    running.delete(storage);
  }
});
