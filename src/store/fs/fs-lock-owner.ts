import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  currentProcess,
  isProcessAlive,
  type ProcessIdentity,
  parseProcessIdentity,
} from '../../domain/process-identity.js';

/*
 * Who holds a lock. proper-lockfile makes a lock as a directory (`<name>.lock`) and, on its own,
 * only knows a holder is gone when the directory has not been touched for `stale` ms (10 s): a
 * writer killed with `kill -9` made every later write wait that long. So each lock directory
 * holds `owner.json` naming its holder (host, pid, process start time, a token for this hold),
 * and a waiter that finds the holder dead (or its pid reused by a later process) takes the lock
 * over at once. A live holder is still waited for; a lock without an owner file (being made, or
 * made by an older version) still goes stale the old way.
 */

/** The file inside a lock directory that names its holder. */
export const LOCK_OWNER_FILE = 'owner.json';

/** The holder of a lock, as written in its owner file. */
export interface LockOwner extends ProcessIdentity {
  /** Unique per hold: tells this hold from a later one of the same process. */
  token: string;
}

/** A new owner record for a hold by this process. */
export function newLockOwner(): LockOwner {
  return { ...currentProcess(), token: randomBytes(6).toString('hex') };
}

/**
 * The `fs` proper-lockfile is given: making the lock directory also writes the owner file into
 * it, and removing a lock directory (release, stale takeover, exit) removes the owner file first,
 * since proper-lockfile removes locks with `rmdir`.
 *
 * These operations run synchronously and answer on the next tick: each is a metadata change of
 * microseconds, while a lock taken and released through the thread pool was a dozen round trips
 * that, on a loaded machine, each waited for a thread to get a core (a call turn's lock cost
 * tens of milliseconds there).
 */
export function lockFsWithOwner(owner: LockOwner): typeof fs {
  const text = JSON.stringify(owner);
  // Everything else is `fs` itself, through the prototype: copying the module's hundred-odd
  // properties for every lock cost more than the overrides.
  return Object.assign(Object.create(fs) as typeof fs, {
    mkdir: ((path: string, callback: (error: NodeJS.ErrnoException | null) => void) => {
      answer(callback, () => {
        fs.mkdirSync(path);
        // Without the owner file the lock is still a lock; it only loses the quick takeover.
        try {
          fs.writeFileSync(join(path, LOCK_OWNER_FILE), text);
        } catch {
          // see above
        }
      });
    }) as typeof fs.mkdir,
    // Released by one rename first: a process killed half-way through a release then leaves
    // either its whole lock (owner file and all, taken over at once as a dead holder's) or a
    // `.released-` folder nobody waits on, never an ownerless lock that waits out the stale time.
    rmdir: ((path: string, callback: (error: NodeJS.ErrnoException | null) => void) => {
      answer(callback, () => removeLockDirSync(path));
    }) as typeof fs.rmdir,
    // proper-lockfile takes a lock over once its directory is older than `stale`. A holder on a
    // loaded machine may refresh it late; while the owner file names a live process other than
    // this hold, the waiter sees the lock as fresh, so a live holder is never taken over (two
    // writers at once). A dead holder's lock is taken over at once by `takeOverIfDead`; a lock
    // without an owner file still goes stale the old way.
    stat: ((path: string, callback: (error: NodeJS.ErrnoException | null, stats?: fs.Stats) => void) => {
      let stats: fs.Stats;
      try {
        stats = fs.statSync(path);
      } catch (error) {
        process.nextTick(callback, error as NodeJS.ErrnoException);
        return;
      }
      const held = readLockOwnerSync(path);
      if (held && held.token !== owner.token && isProcessAlive(held)) {
        const now = new Date();
        stats = Object.assign(Object.create(Object.getPrototypeOf(stats)), stats, {
          mtime: now,
          mtimeMs: now.getTime(),
        });
      }
      process.nextTick(callback, null, stats);
    }) as typeof fs.stat,
    utimes: ((
      path: string,
      atime: Date,
      mtime: Date,
      callback: (error: NodeJS.ErrnoException | null) => void,
    ) => {
      answer(callback, () => fs.utimesSync(path, atime, mtime));
    }) as typeof fs.utimes,
    rmdirSync: removeLockDirSync as typeof fs.rmdirSync,
  });
}

/** Runs a synchronous operation and gives its outcome to a Node-style callback on the next tick. */
function answer(callback: (error: NodeJS.ErrnoException | null) => void, run: () => void): void {
  try {
    run();
  } catch (error) {
    process.nextTick(callback, error as NodeJS.ErrnoException);
    return;
  }
  process.nextTick(callback, null);
}

/**
 * Moves a lock directory aside (one rename: the lock is free from then on), then removes it and
 * its owner file; a folder left aside is for `cs doctor --fix`.
 */
function removeLockDirSync(path: string): void {
  const aside = asideName(path, 'released');
  fs.renameSync(path, aside);
  try {
    fs.unlinkSync(join(aside, LOCK_OWNER_FILE));
    fs.rmdirSync(aside);
  } catch {
    // Something else in it, or the owner file never written: removed the long way.
    try {
      fs.rmSync(aside, { recursive: true, force: true });
    } catch {
      // left aside, see above
    }
  }
}

/**
 * Where a lock directory is moved before it is removed: `<name>.lock.released-<hex>` by its
 * holder, `<name>.lock.dead-<hex>` by a takeover. Nobody waits on these; `cs doctor --fix`
 * removes one a killed process left.
 */
function asideName(lockDir: string, why: 'released' | 'dead'): string {
  return `${lockDir}.${why}-${randomBytes(4).toString('hex')}`;
}

/** The owner of a lock directory, read at once (inside proper-lockfile's stale check). */
function readLockOwnerSync(lockDir: string): LockOwner | undefined {
  try {
    return ownerFrom(JSON.parse(fs.readFileSync(join(lockDir, LOCK_OWNER_FILE), 'utf8')));
  } catch {
    return undefined;
  }
}

function ownerFrom(raw: unknown): LockOwner | undefined {
  const identity = parseProcessIdentity(raw);
  const token = (raw as { token?: unknown } | null)?.token;
  return identity && typeof token === 'string' ? { ...identity, token } : undefined;
}

/** The owner of a lock directory; undefined when it has none (or it cannot be read). */
export async function readLockOwner(lockDir: string): Promise<LockOwner | undefined> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(join(lockDir, LOCK_OWNER_FILE), 'utf8'));
  } catch {
    return undefined;
  }
  return ownerFrom(raw);
}

/**
 * Takes over a lock whose holder is known to be dead: moves the directory aside (one atomic
 * rename, so two waiters never both take it) and checks that what moved is still the dead
 * holder's; if a live holder took it meanwhile, it is put back. True when the lock is free to
 * try again at once.
 */
export async function takeOverIfDead(lockDir: string): Promise<boolean> {
  const owner = await readLockOwner(lockDir);
  if (!owner || isProcessAlive(owner)) return false;
  const aside = asideName(lockDir, 'dead');
  try {
    await rename(lockDir, aside);
  } catch {
    return true; // released or taken meanwhile: simply try again
  }
  const moved = await readLockOwner(aside);
  if (moved?.token !== owner.token) {
    await rename(aside, lockDir).catch(() => undefined);
    return false;
  }
  await rm(aside, { recursive: true, force: true });
  return true;
}

/** What a lock directory found on disk is: held, abandoned (with why) or half-made. */
export interface LockState {
  owner?: LockOwner;
  /** True when nobody holds it any more: holder dead, or untouched longer than `staleMs`. */
  abandoned: boolean;
  why: string;
}

/** Describes a lock directory for `cs doctor`. */
export async function inspectLock(lockDir: string, staleMs: number, now = Date.now()): Promise<LockState> {
  const owner = await readLockOwner(lockDir);
  if (owner) {
    const alive = isProcessAlive(owner);
    return {
      owner,
      abandoned: !alive,
      why: alive
        ? `held by process ${owner.pid} on ${owner.host}`
        : `its holder, process ${owner.pid} on ${owner.host}, is gone`,
    };
  }
  const mtime = await stat(lockDir).then(
    (s) => s.mtimeMs,
    () => now,
  );
  const stale = now - mtime > staleMs;
  return {
    abandoned: stale,
    why: stale
      ? `no holder named and untouched for ${Math.round((now - mtime) / 1000)} s`
      : 'being taken (no holder named yet)',
  };
}
