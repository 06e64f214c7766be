// Test setup (every project): keeps the AsyncLocalStorages the code under test makes from slowing
// down everything the worker runs after them.
//
// Node 20 keeps each AsyncLocalStorage that ran once in one process-wide list, and every promise
// (every async resource) made afterwards visits each storage in it. FsLocks makes one per open
// file store, so a test worker that opened some hundred stores (the unit project shares its
// workers across files, isolate: false; an eval run in process opens one per scenario; the e2e
// files run `cs` in process many times) made each promise about a hundred times dearer:
// measured, 200,000 awaits took 65 ms with no storage and 6.8 s with 100. So a storage is
// disabled as soon as none of its runs is going (the run's callback returned, or its promise
// settled: FsLocks runs a whole locked step so, and releases the lock right after); while one
// is going it stays enabled, so a chain holding a lock still knows it does. A later run enables
// a disabled storage again. What a run sees (getStore inside it) is unchanged.
import { AsyncLocalStorage } from 'node:async_hooks';

/** Patched once per worker: setup files run again for each test file in a shared worker. */
const PATCHED = Symbol.for('cs.test.async-storages');

function disableWhenIdle(): void {
  const state = globalThis as { [PATCHED]?: boolean };
  if (state[PATCHED]) return;
  state[PATCHED] = true;
  /** How many runs of each storage are going. */
  const going = new Map<AsyncLocalStorage<unknown>, number>();
  const ended = (storage: AsyncLocalStorage<unknown>) => {
    const left = (going.get(storage) ?? 1) - 1;
    if (left > 0) {
      going.set(storage, left);
      return;
    }
    going.delete(storage);
    storage.disable();
  };
  const run = AsyncLocalStorage.prototype.run;
  AsyncLocalStorage.prototype.run = function (
    this: AsyncLocalStorage<unknown>,
    store: unknown,
    callback: (...args: unknown[]) => unknown,
    ...args: unknown[]
  ) {
    going.set(this, (going.get(this) ?? 0) + 1);
    let result: unknown;
    try {
      result = run.call(this, store, callback, ...args);
    } catch (error) {
      ended(this);
      throw error;
    }
    if (result instanceof Promise) {
      const settled = () => ended(this);
      result.then(settled, settled);
    } else {
      ended(this);
    }
    return result;
  } as typeof run;
}

disableWhenIdle();
