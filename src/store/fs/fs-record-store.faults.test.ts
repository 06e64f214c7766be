import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CsError } from '../../domain/cs-error.js';
import type { SessionRecord } from '../../domain/session-schemas.js';
import { updateRecord } from '../../records/record-service.js';
import { renderSessionReadme } from '../../render/render-session-readme.js';
import { FsRecordLookup } from './fs-record-lookup.js';
import { FsRecordStore } from './fs-record-store.js';
import { FsStoreContext } from './fs-store-context.js';
import { customerFields, makeTempDir, steppingClock } from './test-db.js';

let dir: string;
let cleanup: () => Promise<void>;
let store: FsRecordStore;

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('cs-faults-'));
  store = new FsRecordStore(dir, { clock: steppingClock() });
});
afterEach(async () => {
  await store.close();
  await cleanup();
});

async function failure(promise: Promise<unknown>): Promise<CsError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(CsError.isInstance(error), `expected a CsError, got ${String(error)}`).toBe(true);
  return error as CsError;
}

/** Rewrites a record's info.json by hand, as a person or another tool would. */
async function editInfo(folder: string, edit: (json: Record<string, unknown>) => void): Promise<void> {
  const file = join(dir, 'customers', folder, 'info.json');
  const json = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  edit(json);
  await writeFile(file, JSON.stringify(json, null, 2));
}

/** Drops the lookup index, as a fresh copy of the folders (or a legacy database) has none. */
const dropIndex = () => rm(join(dir, '.index'), { recursive: true, force: true });

function session(id: string, customer: string): SessionRecord {
  return {
    session_id: id,
    product: 'P',
    customer,
    operator: 'O',
    timestamp: '2026-01-25T09:00:00.000000',
    conversation: [],
    review: {
      resolution_status: 'resolved',
      issue_summary: 'x',
      actions_taken: [],
      follow_up_required: false,
      customer_updates: {},
    },
  };
}

describe('FsRecordStore with oddly typed fields', () => {
  it('finds, indexes and updates a customer whose phone is stored as a number, writing it back as text', async () => {
    const c = await store.create('customer', customerFields('张先生', '13800138000'));
    await editInfo(`${c._id}_张先生`, (j) => {
      j.phone = 13800138000;
      j.interaction_history = 'x';
    });
    await dropIndex();
    expect((await store.findCustomerByPhone('13800138000'))?._id).toBe(c._id);
    expect((await store.summaries('customer'))[0]).toMatchObject({ id: c._id, phone: '13800138000' });

    const updated = await updateRecord(store, 'customer', { phone: '13800138000' }, { background: '新' });
    expect(updated.phone).toBe('13800138000');
    expect(updated.interaction_history).toEqual([]);
    expect(updated.interaction_history_legacy).toBe('x');
    const onDisk = JSON.parse(await readFile(join(dir, 'customers', `${c._id}_张先生`, 'info.json'), 'utf8'));
    expect(onDisk.phone).toBe('13800138000');
  });
});

describe('FsRecordStore with a corrupt info.json', () => {
  it('reports the customer as corrupt by phone, lists it marked, and refuses a second customer with its phone', async () => {
    const c = await store.create('customer', customerFields('张先生', '13800138000'));
    await store.create('customer', customerFields('李女士', '13912345678'));
    const file = join(dir, 'customers', `${c._id}_张先生`, 'info.json');
    await writeFile(file, '{"name": "张先生", "phone": "13800138000", "type": ');
    await dropIndex();

    const byPhone = await failure(store.findCustomerByPhone('13800138000'));
    expect(byPhone.code).toBe('E_CORRUPT');
    expect(byPhone.message).toContain(file);
    expect(byPhone.exitCode).toBe(1);

    const rows = await store.summaries('customer');
    expect(rows.map((r) => r.name)).toEqual(['张先生', '李女士']);
    expect(rows[0]).toMatchObject({ id: c._id, phone: '13800138000' });
    expect(rows[0]?.corrupt).toContain(file);
    expect(rows[1]?.corrupt).toBeUndefined();

    const second = await failure(store.create('customer', customerFields('冒名', '138 0013 8000')));
    expect(second.code).toBe('E_CORRUPT');
    expect(second.message).toMatch(/13800138000/);
    expect((await readdir(join(dir, 'customers'))).length).toBe(2);
  });

  it('keeps the phone the index knew when the damaged text no longer shows it', async () => {
    const c = await store.create('customer', customerFields('张先生', '13800138000'));
    await store.summaries('customer'); // the index is written
    await writeFile(join(dir, 'customers', `${c._id}_张先生`, 'info.json'), '\u0000garbage');
    await store.rebuildIndex('customer');
    const row = (await store.summaries('customer'))[0];
    expect(row).toMatchObject({ id: c._id, name: '张先生', phone: '13800138000' });
    expect(row?.corrupt).toMatch(/not valid JSON/);
    expect((await failure(store.create('customer', customerFields('B', '13800138000')))).code).toBe(
      'E_CORRUPT',
    );
  });

  it('stops marking the record once the file is repaired by hand', async () => {
    const c = await store.create('customer', customerFields('张先生', '13800138000'));
    const file = join(dir, 'customers', `${c._id}_张先生`, 'info.json');
    const good = await readFile(file, 'utf8');
    await writeFile(file, '{');
    await dropIndex();
    expect((await store.summaries('customer'))[0]?.corrupt).toBeDefined();
    await writeFile(file, good);
    // The damaged text showed no phone, so only the id leads to it until the index is refreshed.
    expect((await store.get('customer', c._id))?.name).toBe('张先生');
    expect((await store.summaries('customer'))[0]?.corrupt).toBeUndefined();
    expect((await store.findCustomerByPhone('13800138000'))?._id).toBe(c._id);
  });
});

describe('FsRecordStore with a corrupt session.json', () => {
  it('lists the other sessions and marks the corrupt one', async () => {
    for (const id of ['cs_20260125_001_a', 'cs_20260125_002_b', 'cs_20260125_003_c']) {
      await store.importSession(session(id, '张先生'), renderSessionReadme(session(id, '张先生')));
    }
    await writeFile(join(dir, 'history', 'cs_20260125_002_b', 'session.json'), '{"session_id": ');
    const rows = await store.listSessions();
    expect(rows.map((r) => r.session_id)).toEqual([
      'cs_20260125_001_a',
      'cs_20260125_002_b',
      'cs_20260125_003_c',
    ]);
    expect(rows[1]?.corrupt).toMatch(/cs_20260125_002_b.*session\.json/);
    expect(rows[0]?.corrupt).toBeUndefined();
    expect((await failure(store.getSession('cs_20260125_002_b'))).code).toBe('E_CORRUPT');
  });

  it('does not stop a delete: the reference check skips it, or counts it when its text names the record', async () => {
    const zhang = await store.create('customer', customerFields('张先生', '13800138000'));
    const li = await store.create('customer', customerFields('李女士', '13912345678'));
    await store.importSession(session('cs_20260125_001_a', '王五'), '#\n');
    await writeFile(join(dir, 'history', 'cs_20260125_001_a', 'session.json'), '{"customer": "张先生", ');
    expect(await store.isReferencedBySession('customer', li)).toBe(false);
    expect(await store.isReferencedBySession('customer', zhang)).toBe(true);
    expect((await store.delete('customer', li._id)).id).toBe(li._id);
  });
});

describe('an index that missed a record', () => {
  it('still finds the record by its id, and mends the index', async () => {
    const c = await store.create('customer', customerFields('张先生', '13800138000'));
    // Another process files an index change that leaves the record out, the index fresh.
    await new FsRecordLookup(new FsStoreContext(dir)).edit('customer', [c._id], []);
    const other = new FsRecordStore(dir, { clock: steppingClock() });
    try {
      expect((await other.get('customer', c._id))?.name).toBe('张先生');
      expect(await other.get('customer', 'ffffffff')).toBeUndefined();
    } finally {
      await other.close();
    }
  });
});
