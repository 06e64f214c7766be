import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FolderNamesCache, type FolderReader, type FolderStamp, RACY_MS } from './folder-names-cache.js';
import { makeTempDir } from './test-db.js';

/** A folder in memory: its names, its stamp, and how often it was read. */
function fakeFolder(names: string[], changedAt: number) {
  const ms = (t: number) => BigInt(t) * 1_000_000n;
  const folder = {
    names,
    stamp: { ino: 7n, size: 4096n, mtimeNs: ms(changedAt), ctimeNs: ms(changedAt) } as
      | FolderStamp
      | undefined,
    now: changedAt,
    reads: 0,
    change(name: string, at: number, stampMoves = true) {
      folder.names = [...folder.names, name];
      if (stampMoves) folder.stamp = { ino: 7n, size: 4096n, mtimeNs: ms(at), ctimeNs: ms(at) };
    },
  };
  const reader: FolderReader = {
    stat: () => folder.stamp,
    readdir: () => {
      folder.reads++;
      return folder.names;
    },
    now: () => folder.now,
  };
  return { folder, cache: new FolderNamesCache(reader) };
}

describe('FolderNamesCache', () => {
  it('reads a settled folder once while its stamp holds, and again when it moves', () => {
    const { folder, cache } = fakeFolder(['a'], 1_000_000);
    folder.now = 1_000_000 + RACY_MS + 1;
    expect(cache.list('/d')).toEqual(['a']);
    expect(cache.list('/d')).toEqual(['a']);
    expect(folder.reads).toBe(1);

    folder.change('b', folder.now);
    expect(cache.list('/d')).toEqual(['a', 'b']);
    expect(folder.reads).toBe(2);
  });

  it('keeps no listing of a folder changed within RACY_MS: a change in the same tick would not show', () => {
    const { folder, cache } = fakeFolder(['a'], 1_000_000);
    folder.now = 1_000_000 + RACY_MS - 1;
    expect(cache.list('/d')).toEqual(['a']);
    // A change whose stamp is the one before (the same clock tick): seen, as the folder is read.
    folder.change('b', folder.now, false);
    expect(cache.list('/d')).toEqual(['a', 'b']);
    expect(folder.reads).toBe(2);
  });

  it('lists nothing for a missing folder, and forgets what it kept of it', () => {
    const { folder, cache } = fakeFolder(['a'], 0);
    folder.now = RACY_MS * 2;
    expect(cache.list('/d')).toEqual(['a']);
    folder.stamp = undefined;
    expect(cache.list('/d')).toEqual([]);
  });
});

describe('FolderNamesCache on the file system', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await makeTempDir('cs-names-'));
  });
  afterEach(async () => {
    await cleanup();
  });

  it('sees entries added and removed after a folder it kept', async () => {
    const folder = join(dir, 'pending');
    await mkdir(folder);
    await writeFile(join(folder, 'a'), '');
    const old = new Date(Date.now() - 60_000);
    await utimes(folder, old, old);
    const cache = new FolderNamesCache();
    expect(cache.list(folder)).toEqual(['a']);
    await writeFile(join(folder, 'b'), '');
    expect([...cache.list(folder)].sort()).toEqual(['a', 'b']);
    expect(cache.list(join(dir, 'none'))).toEqual([]);
    expect(cache.list(join(folder, 'a'))).toEqual([]);
  });
});
