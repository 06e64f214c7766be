import { readdirSync, statSync } from 'node:fs';
import { isCode } from './fs-files.js';

/** What the cache reads of a folder (the file system, or a test's stand-in). */
export interface FolderReader {
  /** The folder's identity and times; undefined when there is no folder. */
  stat(dir: string): FolderStamp | undefined;
  readdir(dir: string): string[];
  /** Milliseconds since the epoch, on the clock the file system stamps times with. */
  now(): number;
}

/** What changes when an entry of a folder is added, removed or renamed, by any process. */
export interface FolderStamp {
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
}

/**
 * The names in folders this process listed, kept while the folder's stamp (inode, size,
 * modification and change times) stays as it was: adding, removing or renaming an entry, in any
 * process, gives the folder new times. The inbox lists 10,000 pending markers twice an answer, and
 * a readdir of them costs 6 ms of CPU (two thirds of it in the kernel) where a stat costs 10 µs.
 *
 * A time stamp is only as fine as the file system's clock tick (a few ms; 1 s on ext3, 2 s on
 * FAT): an entry added in the tick of the change before it leaves the times as they were. So a
 * listing is kept only when the folder had not changed for `RACY_MS` before it was read; a
 * folder that keeps changing is read every time, as it was without the cache.
 *
 * @example const names = new FolderNamesCache(); names.list('/db/workflow/approval/.state/pending')
 */
export class FolderNamesCache {
  readonly #reader: FolderReader;
  readonly #lists = new Map<string, { stamp: FolderStamp; names: readonly string[] }>();

  constructor(reader: FolderReader = fileSystemReader) {
    this.#reader = reader;
  }

  /** The names in a folder, as a readdir gives them now; none when there is no folder. */
  list(dir: string): readonly string[] {
    // The stamp first: a change during the readdir below then shows as a new stamp next time.
    const stamp = this.#reader.stat(dir);
    if (stamp === undefined) {
      this.#lists.delete(dir);
      return [];
    }
    const kept = this.#lists.get(dir);
    if (kept !== undefined && sameStamp(kept.stamp, stamp)) return kept.names;
    let names: string[];
    try {
      names = this.#reader.readdir(dir);
    } catch (error) {
      if (isCode(error, 'ENOENT', 'ENOTDIR')) return [];
      throw error;
    }
    const settled = BigInt(this.#reader.now() - RACY_MS) * 1_000_000n;
    if (stamp.mtimeNs < settled && stamp.ctimeNs < settled) this.#lists.set(dir, { stamp, names });
    else this.#lists.delete(dir);
    return names;
  }
}

/** How long a folder must have stood unchanged for its listing to be kept (see the class). */
export const RACY_MS = 3000;

function sameStamp(a: FolderStamp, b: FolderStamp): boolean {
  return a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;
}

const fileSystemReader: FolderReader = {
  stat(dir) {
    try {
      return statSync(dir, { bigint: true, throwIfNoEntry: false });
    } catch (error) {
      if (isCode(error, 'ENOTDIR')) return undefined;
      throw error;
    }
  },
  readdir: (dir) => readdirSync(dir),
  now: () => Date.now(),
};
