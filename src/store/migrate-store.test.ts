import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FsRecordStore } from './fs/fs-record-store.js';
import { customerFields, makeTempDir, steppingClock } from './fs/test-db.js';
import { MemoryRecordStore } from './memory/memory-record-store.js';
import { copyStore } from './migrate-store.js';
import { WORK_KINDS, type WorkKind } from './workflow-store.js';

let dir: string;
let cleanup: () => Promise<void>;
let source: FsRecordStore;

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('cs-copy-'));
  source = new FsRecordStore(join(dir, 'source'), { clock: steppingClock() });
  await source.create('product', { name: '会员订阅服务', description: 'x' });
  await source.create('customer', customerFields('张先生', '13800138000'));
  await source.create('customer', customerFields('李女士', '13912345678'));
});
afterEach(async () => {
  await cleanup();
});

describe('copyStore', () => {
  it.each([
    ['a file store (whole documents replaced)', () => new FsRecordStore(join(dir, 'target'))],
    ['another store (updated field by field)', () => new MemoryRecordStore()],
  ])('updates on a re-run the records changed in the source since, into %s', async (_label, makeTarget) => {
    const target = makeTarget();
    expect(await copyStore(source, target)).toMatchObject({ records: 3, updated: 0, unchanged: 0 });

    const [zhang] = await source.findByName('customer', '张先生');
    const changed = await source.update('customer', zhang!._id, (c) => ({ ...c, background: '改过' }));
    const again = await copyStore(source, target);
    expect(again).toMatchObject({ records: 0, updated: 1, unchanged: 2 });
    expect((await target.get('customer', zhang!._id))?.background).toBe('改过');
    if (target instanceof FsRecordStore) expect(await target.get('customer', zhang!._id)).toEqual(changed);

    expect(await copyStore(source, target)).toMatchObject({ records: 0, updated: 0, unchanged: 3 });
  });

  it('leaves a record alone when the target’s copy is the newer one', async () => {
    const target = new FsRecordStore(join(dir, 'target'), { clock: steppingClock(new Date(2030, 0, 1)) });
    await copyStore(source, target);
    const [li] = await target.findByName('customer', '李女士');
    await target.update('customer', li!._id, (c) => ({ ...c, background: '目标里改的' }));
    expect(await copyStore(source, target)).toMatchObject({ updated: 0, unchanged: 3 });
    expect((await target.get('customer', li!._id))?.background).toBe('目标里改的');
  });

  it('resumes an export interrupted after a record folder was made but before its info.json', async () => {
    const targetDir = join(dir, 'target');
    const target = new FsRecordStore(targetDir);
    const [zhang] = await source.findByName('customer', '张先生');
    // What a kill mid-import leaves: the folder, a half-written temp file, no info.json.
    const folder = join(targetDir, 'customers', `${zhang!._id}_张先生`);
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'info.json.bulk'), '{"name": "张');

    const result = await copyStore(source, target);
    expect(result).toMatchObject({ records: 3, updated: 0, unchanged: 0 });
    expect(JSON.parse(await readFile(join(folder, 'info.json'), 'utf8'))).toEqual(zhang);
    expect((await readdir(folder)).sort()).toEqual(['README.md', 'info.json']);
    expect(await copyStore(source, target)).toMatchObject({ records: 0, unchanged: 3 });
  });

  it('refuses to write over a folder that holds another record', async () => {
    const targetDir = join(dir, 'target');
    const [zhang] = await source.findByName('customer', '张先生');
    const folder = join(targetDir, 'customers', `${zhang!._id}_张先生`);
    await mkdir(folder, { recursive: true });
    await writeFile(
      join(folder, 'info.json'),
      JSON.stringify({ ...zhang, _id: 'abcdef01', name: '别人', phone: '13700000000' }),
    );
    await expect(copyStore(source, new FsRecordStore(targetDir))).rejects.toMatchObject({
      code: 'E_CONFLICT',
    });
    expect(JSON.parse(await readFile(join(folder, 'info.json'), 'utf8')).name).toBe('别人');
    await rm(folder, { recursive: true });
  });

  it('carries work items of every kind and the audit trail, once however often it runs', async () => {
    const at = '2026-12-01T10:00:00.000Z';
    const item = (id: string, state: string) => ({ id, state, created_at: at, updated_at: at, note: id });
    const entry = (kind: WorkKind, id: string, to: string, from: string | null = null) => ({
      at,
      kind,
      item_id: id,
      who: 'system',
      from,
      to,
      why: 'test',
    });
    for (const kind of WORK_KINDS)
      await source.addWork(kind, item(`${kind}_1`, 'open'), entry(kind, `${kind}_1`, 'open'));
    await source.addWork('approval', item('ap_2', 'pending'), entry('approval', 'ap_2', 'pending'));
    await source.changeWork('approval', 'ap_2', (c) => ({
      doc: { ...c, state: 'approved' },
      audit: entry('approval', 'ap_2', 'approved', 'pending'),
    }));
    const target = new FsRecordStore(join(dir, 'target'));
    // An earlier run cut short: one item and its first audit entry are there already.
    await target.importWork('approval', item('approval_1', 'open'));
    await target.importAudit([entry('approval', 'approval_1', 'open')]);

    // One item of every kind and ap_2 (less the one there), one audit entry each and ap_2's two.
    expect(await copyStore(source, target)).toMatchObject({
      workItems: WORK_KINDS.length,
      auditEntries: WORK_KINDS.length + 1,
    });
    for (const kind of WORK_KINDS) expect(await target.listWork(kind)).toEqual(await source.listWork(kind));
    expect(await target.listWork('approval', { state: 'approved' })).toEqual([
      expect.objectContaining({ id: 'ap_2' }),
    ]);
    expect(await target.listAudit()).toEqual(await source.listAudit());
    expect(await copyStore(source, target)).toMatchObject({ workItems: 0, auditEntries: 0 });
    expect(await target.listAudit()).toHaveLength(WORK_KINDS.length + 2);
  });
});
