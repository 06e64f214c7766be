import { mkdir, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkDoc } from '../workflow-store.js';
import { FsRecordStore } from './fs-record-store.js';
import { makeTempDir } from './test-db.js';
import { workMarkerName } from './work-marker-name.js';

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

/** Writes a marker by hand, as an interrupted change or an earlier version leaves it. */
async function mark(kind: string, state: string, name: string): Promise<void> {
  await mkdir(join(dir, 'workflow', kind, '.state', state), { recursive: true });
  await writeFile(join(dir, 'workflow', kind, '.state', state, name), '');
}

const markers = async (state: string) =>
  (await readdir(join(dir, 'workflow/approval/.state', state)).catch(() => [])).sort();

/** Approval i of a page test: made i minutes after 10:00, due i minutes before 12:00. */
function numbered(i: number): WorkDoc {
  const made = new Date(Date.UTC(2026, 11, 1, 10, i)).toISOString();
  const due = new Date(Date.UTC(2026, 11, 1, 12, -i)).toISOString();
  return {
    id: `ap_${String(i).padStart(2, '0')}`,
    state: 'pending',
    created_at: made,
    updated_at: made,
    due_at: due,
  };
}

/** Breaks an item's file: a listing that reads it fails with E_CORRUPT. */
const damage = (id: string) => writeFile(join(dir, 'workflow/approval', `${id}.json`), '{"id": "');

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
    expect(await readdir(join(dir, 'workflow/approval/.state/pending'))).toEqual([
      '20261201T100000.000Z~-~ap_1',
    ]);
    const lines = (await readFile(join(dir, 'workflow/audit/20261201.jsonl'), 'utf8')).split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ item_id: 'ap_1', to: 'pending' });

    await store.changeWork('approval', 'ap_1', (c) => ({ doc: { ...c, state: 'approved' } }));
    expect(await readdir(join(dir, 'workflow/approval/.state/pending'))).toEqual([]);
    expect(await readdir(join(dir, 'workflow/approval/.state/approved'))).toEqual([
      '20261201T100000.000Z~-~ap_1',
    ]);
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

describe('FsWorkflowStore listings off the marker names', () => {
  it('reads only the docs of the page, in either order', async () => {
    for (let i = 0; i < 10; i++) await store.addWork('approval', numbered(i));
    // Damaged items past the page: a listing that read them would fail.
    for (const id of ['ap_05', 'ap_06', 'ap_07', 'ap_08', 'ap_09']) await damage(id);
    expect(ids(await store.listWork('approval', { state: 'pending', limit: 3 }))).toEqual([
      'ap_00',
      'ap_01',
      'ap_02',
    ]);
    await store.changeWork('approval', 'ap_02', (c) => ({ doc: { ...c, state: 'approved' } }));
    expect(ids(await store.listWork('approval', { state: 'pending', limit: 4 }))).toEqual([
      'ap_00',
      'ap_01',
      'ap_03',
      'ap_04',
    ]);
    await expect(store.listWork('approval', { state: 'pending', limit: 5 })).rejects.toMatchObject({
      code: 'E_CORRUPT',
    });
    // dueBefore is decided on the names: nothing is due before 11:51, and no doc is read.
    const pending = { state: 'pending', dueBefore: '2026-12-01T11:51:00.000Z' };
    expect(await store.listWork('approval', { ...pending, order: 'due' })).toEqual([]);
    // Oldest first, the first due before 11:57 is ap_04 (ap_00, ap_01 and ap_03 are not).
    expect(
      ids(await store.listWork('approval', { ...pending, dueBefore: '2026-12-01T11:57:00.000Z', limit: 1 })),
    ).toEqual(['ap_04']);
    // Soonest due first, the damaged ones come first.
    await expect(
      store.listWork('approval', { state: 'pending', order: 'due', limit: 1 }),
    ).rejects.toMatchObject({
      code: 'E_CORRUPT',
    });
  });

  it('fills a page past leftover markers of every kind, each item once', async () => {
    for (let i = 0; i < 6; i++) await store.addWork('approval', numbered(i));
    await store.changeWork('approval', 'ap_00', (c) => ({ doc: { ...c, state: 'approved' } }));
    await store.changeWork('approval', 'ap_01', (c) => ({
      doc: { ...c, created_at: '2026-12-01T10:30:00.000Z' },
    }));
    // Left by interrupted changes and adds, all at the head of the pending order:
    await mark('approval', 'pending', workMarkerName(numbered(0))); // ap_00 is approved now
    await mark('approval', 'pending', workMarkerName(numbered(1))); // ap_01 was made at 10:30 since
    await mark('approval', 'pending', workMarkerName({ ...numbered(0), id: 'ap_ghost' })); // never written
    await mark('approval', 'pending', 'ap_03'); // a bare marker beside ap_03's keyed one
    await mark('approval', 'pending', 'not a marker~x');

    expect(ids(await store.listWork('approval', { state: 'pending', limit: 3 }))).toEqual([
      'ap_02',
      'ap_03',
      'ap_04',
    ]);
    expect(ids(await store.listWork('approval', { state: 'pending' }))).toEqual([
      'ap_02',
      'ap_03',
      'ap_04',
      'ap_05',
      'ap_01',
    ]);
    expect(ids(await store.listWork('approval', { state: 'pending', order: 'due', limit: 2 }))).toEqual([
      'ap_05',
      'ap_04',
    ]);
    expect(ids(await store.listWork('approval', { state: ['pending', 'approved'], limit: 2 }))).toEqual([
      'ap_00',
      'ap_02',
    ]);
  });

  it('reads on past more leftovers than the first markers it took', async () => {
    for (let i = 0; i < 40; i++) await store.addWork('approval', numbered(i));
    for (let i = 0; i < 36; i++) {
      await store.changeWork('approval', numbered(i).id, (c) => ({ doc: { ...c, state: 'approved' } }));
      await mark('approval', 'pending', workMarkerName(numbered(i)));
    }
    expect(ids(await store.listWork('approval', { state: 'pending', limit: 2 }))).toEqual(['ap_36', 'ap_37']);
    expect(ids(await store.listWork('approval', { state: 'pending', limit: 10 }))).toEqual([
      'ap_36',
      'ap_37',
      'ap_38',
      'ap_39',
    ]);
    expect(ids(await store.listWork('approval', { state: 'pending', order: 'due', limit: 1 }))).toEqual([
      'ap_39',
    ]);
    expect(ids(await store.listWork('approval', { state: ['pending', 'approved'], limit: 38 })).at(-1)).toBe(
      'ap_37',
    );
  });

  it('sees what another process changed in a marker folder it listed before', async () => {
    for (let i = 0; i < 3; i++) await store.addWork('approval', numbered(i));
    const pending = join(dir, 'workflow/approval/.state/pending');
    const old = new Date(Date.now() - 60_000);
    await utimes(pending, old, old);
    expect(ids(await store.listWork('approval', { state: 'pending', limit: 2 }))).toEqual(['ap_00', 'ap_01']);

    const other = new FsRecordStore(dir);
    await other.changeWork('approval', 'ap_00', (c) => ({ doc: { ...c, state: 'approved' } }));
    expect(ids(await store.listWork('approval', { state: 'pending', limit: 2 }))).toEqual(['ap_01', 'ap_02']);
    await utimes(pending, old, old);
    expect(ids(await store.listWork('approval', { state: 'pending' }))).toEqual(['ap_01', 'ap_02']);
    await other.addWork('approval', { ...numbered(3), created_at: '2026-12-01T09:00:00.000Z' });
    expect(ids(await store.listWork('approval', { state: 'pending', limit: 1 }))).toEqual(['ap_03']);
  });

  it('renames the marker when the times change, and lists the item at its new place', async () => {
    await store.addWork('approval', numbered(1));
    await store.addWork('approval', numbered(2));
    await store.changeWork('approval', 'ap_01', (c) => ({
      doc: { ...c, due_at: '2026-12-01T13:00:00.000Z' },
    }));
    expect(await markers('pending')).toEqual([
      '20261201T100100.000Z~20261201T130000.000Z~ap_01',
      '20261201T100200.000Z~20261201T115800.000Z~ap_02',
    ]);
    expect(ids(await store.listWork('approval', { state: 'pending', order: 'due' }))).toEqual([
      'ap_02',
      'ap_01',
    ]);
    // No due time any more: `-`, and last in due order.
    await store.changeWork('approval', 'ap_02', (c) => {
      const { due_at: _due, ...rest } = c;
      return { doc: rest };
    });
    expect(await markers('pending')).toEqual([
      '20261201T100100.000Z~20261201T130000.000Z~ap_01',
      '20261201T100200.000Z~-~ap_02',
    ]);
    expect(ids(await store.listWork('approval', { state: 'pending', order: 'due', limit: 1 }))).toEqual([
      'ap_01',
    ]);
    // A change that keeps state and times leaves the marker alone.
    await store.changeWork('approval', 'ap_02', (c) => ({ doc: { ...c, note: 'seen' } }));
    expect(await markers('pending')).toHaveLength(2);
  });

  it('keeps a bare marker for times that are not ISO 8601 UTC, and lists by them', async () => {
    await store.addWork('approval', { ...numbered(1), created_at: '2026-12-01 10:01' });
    await store.addWork('approval', { ...numbered(0), due_at: '2026-12-01T11:00:00+08:00' });
    await store.addWork('approval', numbered(2));
    expect(await markers('pending')).toEqual([
      '20261201T100200.000Z~20261201T115800.000Z~ap_02',
      'ap_00',
      'ap_01',
    ]);
    expect(ids(await store.listWork('approval', { state: 'pending', limit: 2 }))).toEqual(['ap_01', 'ap_00']);
    expect(ids(await store.listWork('approval', { state: 'pending', order: 'due', limit: 2 }))).toEqual([
      'ap_00',
      'ap_02',
    ]);
    // A dueBefore that is not ISO 8601 UTC compares as text, as on the other stores.
    const dueBefore = '2026-12-01T11:59';
    expect(ids(await store.listWork('approval', { state: 'pending', order: 'due', dueBefore }))).toEqual([
      'ap_00',
      'ap_02',
    ]);
  });

  it('reads bare markers of earlier versions, and gives an item a keyed one when it changes', async () => {
    // What an earlier version wrote: `<id>` markers.
    for (let i = 0; i < 4; i++) await store.addWork('approval', numbered(i));
    await rm(join(dir, 'workflow/approval/.state'), { recursive: true });
    for (const i of [0, 1, 2, 3]) await mark('approval', 'pending', numbered(i).id);
    const fresh = new FsRecordStore(dir);

    expect(ids(await fresh.listWork('approval', { state: 'pending', limit: 2 }))).toEqual(['ap_00', 'ap_01']);
    expect(ids(await fresh.listWork('approval', { state: 'pending', order: 'due', limit: 2 }))).toEqual([
      'ap_03',
      'ap_02',
    ]);
    // A change of state or of times writes the keyed name and removes the bare one.
    await fresh.changeWork('approval', 'ap_00', (c) => ({ doc: { ...c, state: 'approved' } }));
    await fresh.changeWork('approval', 'ap_01', (c) => ({
      doc: { ...c, created_at: '2026-12-01T10:30:00.000Z' },
    }));
    // One that keeps them does not rename: the bare marker stays, and still works.
    await fresh.changeWork('approval', 'ap_02', (c) => ({ doc: { ...c, note: 'seen' } }));
    expect(await markers('pending')).toEqual([
      '20261201T103000.000Z~20261201T115900.000Z~ap_01',
      'ap_02',
      'ap_03',
    ]);
    expect(await markers('approved')).toEqual([workMarkerName(numbered(0))]);
    expect(ids(await fresh.listWork('approval', { state: 'pending' }))).toEqual(['ap_02', 'ap_03', 'ap_01']);
    expect((await fresh.checkFiles()).problems).toEqual([]);
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
    expect((await readdir(join(dir, 'workflow/approval/.state/pending'))).sort()).toEqual([
      '20261201T100100.000Z~-~ap_2',
    ]);
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
  it('reports and removes leftover keyed markers: another state, other times, no item', async () => {
    for (let i = 0; i < 3; i++) await store.addWork('approval', numbered(i));
    await store.changeWork('approval', 'ap_00', (c) => ({ doc: { ...c, state: 'approved' } }));
    await store.changeWork('approval', 'ap_01', (c) => ({
      doc: { ...c, due_at: '2026-12-01T13:00:00.000Z' },
    }));
    expect((await store.checkFiles()).problems).toEqual([]);

    const stale = [
      workMarkerName(numbered(0)),
      workMarkerName(numbered(1)),
      workMarkerName({ ...numbered(1), id: 'ap_ghost' }),
    ];
    for (const name of stale) await mark('approval', 'pending', name);
    const found = await store.checkFiles();
    expect(found.problems.map((p) => p.file).sort()).toEqual(
      stale.map((name) => `workflow/approval/.state/pending/${name}`).sort(),
    );
    expect(found.problems.map((p) => p.problem).sort()).toEqual([
      expect.stringContaining('ap_00 is approved, not pending'),
      expect.stringContaining(
        'ap_01 was made at 2026-12-01T10:01:00.000Z and is due 2026-12-01T13:00:00.000Z',
      ),
      expect.stringContaining('no approval ap_ghost exists'),
    ]);

    const fixed = await store.checkFiles({ fix: true });
    expect(fixed.fixed).toHaveLength(3);
    expect(await markers('pending')).toEqual([
      '20261201T100100.000Z~20261201T130000.000Z~ap_01',
      workMarkerName(numbered(2)),
    ]);
    expect((await store.checkFiles()).problems).toEqual([]);
  });
});
