import { join, resolve } from 'node:path';
import { type Clock, localIsoTimestamp, systemClock } from '../../domain/clock.js';
import { makeTempFolder, sweepLeftoverTempFolders } from './fs-leftovers.js';
import { FsLocks } from './fs-locks.js';

/** Options of the file store; the defaults suit the CLI. */
export interface FsRecordStoreOptions {
  /** Time source for `_created` / `_updated` and trash stamps. */
  clock?: Clock;
  /** A lock not refreshed for this long is taken over (proper-lockfile `stale`, min 2000). */
  lockStaleMs?: number;
  /** Longest wait for a busy lock before E_LOCKED. */
  lockMaxWaitMs?: number;
}

/**
 * What every part of the file store shares: the database folder, the clock, the cross-process
 * locks and the folder where new record and session folders are assembled.
 */
export class FsStoreContext {
  readonly db: string;
  readonly clock: Clock;
  readonly locks: FsLocks;
  /** The sweep of leftover temp folders, done once per store on its first write. */
  #swept: Promise<void> | undefined;

  constructor(dbDir: string, options: FsRecordStoreOptions = {}) {
    this.db = resolve(dbDir);
    this.clock = options.clock ?? systemClock;
    this.locks = new FsLocks(this.db, {
      ...(options.lockStaleMs === undefined ? {} : { staleMs: options.lockStaleMs }),
      ...(options.lockMaxWaitMs === undefined ? {} : { maxWaitMs: options.lockMaxWaitMs }),
    });
  }

  /** The time now as the legacy files write it (local, microseconds, no zone). */
  now(): string {
    return localIsoTimestamp(this.clock.now());
  }

  /** A path inside the database folder. */
  path(...parts: string[]): string {
    return join(this.db, ...parts);
  }

  /** A new empty folder under `.tmp/` to assemble a record or session in, then rename into place. */
  async tempDir(): Promise<string> {
    await this.sweepOnce();
    return makeTempFolder(this.db);
  }

  /** The first write of this store sweeps what interrupted writes left in .tmp/ (one readdir). */
  async sweepOnce(): Promise<void> {
    this.#swept ??= sweepLeftoverTempFolders(this.db).then(
      () => undefined,
      () => undefined,
    );
    await this.#swept;
  }
}
