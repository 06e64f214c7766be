import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findLeftoverTempFiles, makeTempFolder } from './fs-leftovers.js';
import { FsRecordStore } from './fs-record-store.js';
import { customerFields, makeTempDir } from './test-db.js';

let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('cs-leftovers-'));
});
afterEach(async () => {
  await cleanup();
});

/** Sets a path's times `ageMs` into the past. */
async function age(path: string, ageMs: number): Promise<void> {
  const t = new Date(Date.now() - ageMs);
  await utimes(path, t, t);
}

describe('leftover temp folders', () => {
  it('are swept by the first write of a store: a dead maker’s at once, anyone’s after a minute', async () => {
    const mine = await makeTempFolder(dir); // this process is alive: kept
    const tag = /-([0-9a-f]{8})-/.exec(mine)?.[1];
    const deadMaker = join(dir, '.tmp', `new-${2 ** 22 + 99}-1-${tag}-AbCdEf`);
    const legacyOld = join(dir, '.tmp', 'new-Xy12Ab');
    const legacyFresh = join(dir, '.tmp', 'new-Qw34Er');
    for (const d of [deadMaker, legacyOld, legacyFresh]) {
      await mkdir(d);
      await writeFile(join(d, 'info.json'), '{}');
    }
    await age(legacyOld, 5 * 60_000);

    const store = new FsRecordStore(dir);
    await store.create('customer', customerFields('张先生', '13800138000'));
    const left = (await readdir(join(dir, '.tmp'))).sort();
    expect(left).toEqual([mine.split('/').at(-1), 'new-Qw34Er'].sort());
  });
});

describe('findLeftoverTempFiles', () => {
  it('names temp files older than a minute and leaves fresh ones and real files alone', async () => {
    const folder = join('customers', '4f064bfb_张先生');
    await mkdir(join(dir, folder), { recursive: true });
    for (const name of [
      'info.json',
      'README.md',
      'info.json.123456',
      'README.md.99',
      'info.json.bulk',
      'info.json.7',
    ]) {
      await writeFile(join(dir, folder, name), 'x');
    }
    for (const name of ['info.json', 'info.json.123456', 'README.md.99', 'info.json.bulk']) {
      await age(join(dir, folder, name), 2 * 60_000);
    }
    const found = (await findLeftoverTempFiles(dir, folder)).map((l) => l.path.split('/').at(-1)).sort();
    expect(found).toEqual(['README.md.99', 'info.json.123456', 'info.json.bulk']);
  });
});
