import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CsError } from '../../domain/cs-error.js';
import { lockFsWithOwner, newLockOwner, takeOverIfDead } from './fs-lock-owner.js';

type ProperLockfile = typeof import('proper-lockfile');

let loaded: Promise<ProperLockfile> | undefined;

/** How locks wait and when an abandoned one is taken over. */
export interface FsLockOptions {
  /**
   * A lock not refreshed for this long is taken over (min 2000). A lock whose holder is known to
   * be dead (see fs-lock-owner.ts) is taken over at once; this covers locks naming no holder.
   */
  staleMs?: number;
  /** Longest total wait for a busy lock before giving up with E_LOCKED. */
  maxWaitMs?: number;
}

/**
 * The locks each async chain holds, for every FsLocks of the process (named by instance): each
 * AsyncLocalStorage in use adds work to every promise made after (Node 20), and a server or a
 * test run opens many stores.
 */
const held = new AsyncLocalStorage<ReadonlySet<string>>();
let nextInstance = 0;
/**
 * Locked steps running now, in every store. At none, `held` is disabled: while a storage is
 * enabled Node keeps a hook on every promise, a cost a long-running process pays between writes
 * too. No chain holds a lock then, and the next step enables it again.
 */
let stepsRunning = 0;

/**
 * Named cross-process locks under `<db>/.locks/`, made with `proper-lockfile` (a lock is a
 * directory created atomically, refreshed while held, taken over when stale), each naming its
 * holder so that the lock of a killed process is taken over at once. Within one process
 * a queue per name avoids polling, and a lock already held by the calling async chain is
 * re-entered instead of waited for (AsyncLocalStorage), so a locked step can call another.
 */
export class FsLocks {
  readonly #dir: string;
  readonly #staleMs: number;
  readonly #maxWaitMs: number;
  /** What this instance's held locks are called in `held`. */
  readonly #prefix = `${nextInstance++}\n`;
  readonly #queues = new Map<string, Promise<unknown>>();
  #dirReady = false;

  constructor(dbDir: string, options: FsLockOptions = {}) {
    this.#dir = join(dbDir, '.locks');
    this.#staleMs = Math.max(options.staleMs ?? 10_000, 2000);
    this.#maxWaitMs = options.maxWaitMs ?? 60_000;
  }

  /** True when the calling async chain holds `name`. */
  holds(name: string): boolean {
    return held.getStore()?.has(this.#prefix + name) ?? false;
  }

  /**
   * Runs `fn` holding the lock `name` (letters, digits, `-`, `_`, `.` only).
   * Throws CsError E_LOCKED when another process keeps it longer than the wait allows.
   */
  async with<T>(name: string, fn: () => Promise<T>): Promise<T> {
    if (this.holds(name)) return fn();
    const previous = this.#queues.get(name) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => this.#withFileLock(name, fn));
    const tail = run.catch(() => undefined);
    this.#queues.set(name, tail);
    try {
      return await run;
    } finally {
      if (this.#queues.get(name) === tail) this.#queues.delete(name);
    }
  }

  async #withFileLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
    // Bundled, a CommonJS package's exports sit under `default`.
    loaded ??= import('proper-lockfile').then(
      (m) => ((m as { default?: ProperLockfile }).default ?? m) as ProperLockfile,
    );
    const lockfile = await loaded;
    const target = join(this.#dir, name);
    let compromised: Error | undefined;
    const release = await this.#acquire(lockfile, name, target, (error) => {
      compromised = error;
    });
    const outer = held.getStore() ?? new Set<string>();
    let result: T;
    stepsRunning++;
    try {
      result = await held.run(new Set([...outer, this.#prefix + name]), fn);
    } finally {
      if (--stepsRunning === 0) held.disable();
      await release().catch(() => undefined);
    }
    if (compromised) {
      throw new CsError(
        'E_LOCKED',
        `Lost the lock "${name}" while writing (${compromised.message}); check the result and try again.`,
      );
    }
    return result;
  }

  async #acquire(
    lockfile: ProperLockfile,
    name: string,
    target: string,
    onCompromised: (error: Error) => void,
  ): Promise<() => Promise<void>> {
    const deadline = Date.now() + this.#maxWaitMs;
    const fs = lockFsWithOwner(newLockOwner());
    let delay = 5;
    let remade = false;
    for (;;) {
      if (!this.#dirReady) {
        await mkdir(this.#dir, { recursive: true });
        this.#dirReady = true;
      }
      try {
        // One try per turn: the waiting is ours, so that between tries the holder can be checked.
        return await lockfile.lock(target, {
          realpath: false,
          stale: this.#staleMs,
          retries: 0,
          fs,
          // The default throws from a timer and kills the process; record it and fail the step.
          onCompromised,
        });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ELOCKED') {
          // The holder was killed (or its pid now belongs to another process): take over now.
          if (await takeOverIfDead(`${target}.lock`)) continue;
          if (Date.now() >= deadline) {
            throw new CsError(
              'E_LOCKED',
              `The database is busy (lock "${name}" held by another process); try again in a moment.`,
              { cause: error },
            );
          }
          // Exponential backoff with jitter, capped so waiters notice a release quickly.
          await sleep(delay * (0.5 + Math.random()));
          delay = Math.min(delay * 1.5, 150);
          continue;
        }
        // The .locks folder was removed by hand meanwhile: make it again, once.
        if (code === 'ENOENT' && !remade) {
          this.#dirReady = false;
          remade = true;
          continue;
        }
        throw error;
      }
    }
  }
}
