import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkDoc } from '../workflow-store.js';
import { FsRecordStore } from './fs-record-store.js';
import { makeTempDir } from './test-db.js';

let dir: string;
let cleanup: () => Promise<void>;
let store: FsRecordStore;

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('cs-work-'));
  store = new FsRecordStore(dir);
});
afterEach(async () => {
  await cleanup();
});

function approval(id: string, minute: number, state = 'pending'): WorkDoc {
  const at = `2026-12-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
  return { id, state, created_at: at, updated_at: at, customer_id: 'c1' };
}

const ids = (docs: WorkDoc[]) => docs.map((d) => d.id);

describe('FsWorkflowStore', () => {
  it('keeps an item, a marker of its state and a day file of the audit trail', async () => {
    await store.addWork('approval', approval('ap_1', 0), {
      at: '2026-12-01T10:00:00.000Z',
      kind: 'approval',
      item_id: 'ap_1',
      who: 'agent',
      from: null,
      to: 'pending',
      why: 'raised',
    });
    expect(JSON.parse(await readFile(join(dir, 'workflow/approval/ap_1.json'), 'utf8'))).toEqual(
      approval('ap_1', 0),
    );
    expect(await readdir(join(dir, 'workflow/approval/.state/pending'))).toEqual(['ap_1']);
    const lines = (await readFile(join(dir, 'workflow/audit/20261201.jsonl'), 'utf8')).split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ item_id: 'ap_1', to: 'pending' });

    await store.changeWork('approval', 'ap_1', (c) => ({ doc: { ...c, state: 'approved' } }));
    expect(await readdir(join(dir, 'workflow/approval/.state/pending'))).toEqual([]);
    expect(await readdir(join(dir, 'workflow/approval/.state/approved'))).toEqual(['ap_1']);
  });

  it('lists an item whose marker move was interrupted once, under its true state', async () => {
    await store.addWork('approval', approval('ap_1', 0));
    await store.addWork('approval', approval('ap_2', 1));
    await store.changeWork('approval', 'ap_1', (c) => ({ doc: { ...c, state: 'approved' } }));
    // What a crash after the new marker and the doc, before the old marker went, leaves: both.
    await writeFile(join(dir, 'workflow/approval/.state/pending/ap_1'), '');

    expect(ids(await store.listWork('approval', { state: 'pending' }))).toEqual(['ap_2']);
    expect(ids(await store.listWork('approval', { state: 'approved' }))).toEqual(['ap_1']);
    expect(ids(await store.listWork('approval', { state: ['pending', 'approved'] }))).toEqual([
      'ap_1',
      'ap_2',
    ]);
    expect(ids(await store.listWork('approval'))).toEqual(['ap_1', 'ap_2']);

    // A crash after the new marker, before the doc: the item is still pending, and listed so.
    await mkdir(join(dir, 'workflow/approval/.state/rejected'), { recursive: true });
    await writeFile(join(dir, 'workflow/approval/.state/rejected/ap_2'), '');
    expect(ids(await store.listWork('approval', { state: 'rejected' }))).toEqual([]);
    expect(ids(await store.listWork('approval', { state: 'pending' }))).toEqual(['ap_2']);
    // The change, done again, goes through; ap_1's leftover marker waits for `cs doctor --fix`.
    await store.changeWork('approval', 'ap_2', (c) => ({ doc: { ...c, state: 'rejected' } }));
    expect(ids(await store.listWork('approval', { state: 'rejected' }))).toEqual(['ap_2']);
    expect(await readdir(join(dir, 'workflow/approval/.state/pending'))).toEqual(['ap_1']);
  });

  it('skips a marker whose item was never written (an add cut short)', async () => {
    await store.addWork('approval', approval('ap_1', 0));
    await writeFile(join(dir, 'workflow/approval/.state/pending/ap_ghost'), '');
    expect(ids(await store.listWork('approval', { state: 'pending' }))).toEqual(['ap_1']);
    expect(await store.getWork('approval', 'ap_ghost')).toBeUndefined();
  });

  it('reads only the items of the state asked for', async () => {
    await store.addWork('approval', approval('ap_1', 0));
    await store.addWork('approval', approval('ap_2', 1, 'rejected'));
    // A damaged decided item does not stop the pending listing: it is never read.
    await writeFile(join(dir, 'workflow/approval/ap_2.json'), '{"id": "ap_2", "sta');
    expect(ids(await store.listWork('approval', { state: 'pending' }))).toEqual(['ap_1']);
    await expect(store.listWork('approval')).rejects.toMatchObject({
      code: 'E_CORRUPT',
      message: expect.stringContaining(join(dir, 'workflow/approval/ap_2.json')),
    });
  });

  it('reports a damaged item file as E_CORRUPT naming the file', async () => {
    await store.addWork('approval', approval('ap_1', 0));
    const file = join(dir, 'workflow/approval/ap_1.json');
    for (const text of ['not json', '[]', JSON.stringify({ ...approval('ap_1', 0), state: 7 })]) {
      await writeFile(file, text);
      await expect(store.getWork('approval', 'ap_1')).rejects.toMatchObject({
        code: 'E_CORRUPT',
        message: expect.stringContaining(file),
      });
    }
    await writeFile(file, JSON.stringify(approval('ap_9', 0)));
    await expect(store.getWork('approval', 'ap_1')).rejects.toMatchObject({ code: 'E_CORRUPT' });
  });

  it('reports a damaged audit line as E_CORRUPT naming the file and line', async () => {
    const file = join(dir, 'workflow/audit/20261201.jsonl');
    await store.importAudit([
      {
        at: '2026-12-01T10:00:00.000Z',
        kind: 'ticket',
        item_id: 't',
        who: 'x',
        from: null,
        to: 'open',
        why: 'y',
      },
    ]);
    await writeFile(file, `${await readFile(file, 'utf8')}{"at": 1}\n`);
    await expect(store.listAudit()).rejects.toMatchObject({
      code: 'E_CORRUPT',
      message: expect.stringMatching(/20261201\.jsonl.*line 2/),
    });
  });
});

describe('cs doctor on work items', () => {
  it('does not take workflow/ for a problem, and removes leftover state markers with --fix', async () => {
    await store.addWork('approval', approval('ap_1', 0));
    await store.addWork('approval', approval('ap_2', 1));
    await store.changeWork('approval', 'ap_1', (c) => ({ doc: { ...c, state: 'approved' } }));
    await store.addWork('ticket', approval('t_1', 0, 'open'));
    expect((await store.checkFiles()).problems).toEqual([]);

    await writeFile(join(dir, 'workflow/approval/.state/pending/ap_1'), '');
    await writeFile(join(dir, 'workflow/approval/.state/pending/ap_ghost'), '');
    const found = await store.checkFiles();
    expect(found.problems.map((p) => `${p.kind} ${p.file} ${p.fix}`).sort()).toEqual([
      'leftover_temp workflow/approval/.state/pending/ap_1 true',
      'leftover_temp workflow/approval/.state/pending/ap_ghost true',
    ]);
    expect(found.problems[0]?.problem).toContain('approved, not pending');

    const fixed = await store.checkFiles({ fix: true });
    expect(fixed.problems).toEqual([]);
    expect(fixed.fixed).toHaveLength(2);
    expect((await readdir(join(dir, 'workflow/approval/.state/pending'))).sort()).toEqual(['ap_2']);
    expect(ids(await store.listWork('approval', { state: 'approved' }))).toEqual(['ap_1']);
  });

  it('reports a damaged item file, and moves it aside only with --move-corrupt', async () => {
    await store.addWork('approval', approval('ap_1', 0));
    await writeFile(join(dir, 'workflow/approval/ap_1.json'), '{');
    const found = await store.checkFiles({ fix: true });
    expect(found.problems.map((p) => `${p.kind} ${p.file}`)).toEqual([
      'corrupt_file workflow/approval/ap_1.json',
    ]);
    await store.checkFiles({ fix: true, moveCorrupt: true });
    expect(
      (await readdir(join(dir, 'workflow/approval'))).some((n) => n.startsWith('ap_1.json.corrupt-')),
    ).toBe(true);
    await rm(join(dir, 'workflow/approval/.state'), { recursive: true });
    expect((await store.checkFiles()).problems).toEqual([]);
  });
});
