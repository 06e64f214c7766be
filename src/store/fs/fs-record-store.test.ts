import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CsError } from '../../domain/cs-error.js';
import type { StoredRecord } from '../../domain/record-schemas.js';
import type { SessionRecord } from '../../domain/session-schemas.js';
import { renderSessionReadme } from '../../render/render-session-readme.js';
import { FsRecordStore } from './fs-record-store.js';
import { customerFields, makeTempDir, steppingClock } from './test-db.js';

let dir: string;
let cleanup: () => Promise<void>;
let store: FsRecordStore;

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir());
  store = new FsRecordStore(dir, { clock: steppingClock() });
});
afterEach(async () => {
  await store.close();
  await cleanup();
});

async function expectCsError(promise: Promise<unknown>, code: string, message?: RegExp): Promise<CsError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(CsError.isInstance(error), `expected CsError ${code}, got ${String(error)}`).toBe(true);
  const cs = error as CsError;
  expect(cs.code).toBe(code);
  if (message) expect(cs.message).toMatch(message);
  return cs;
}

function session(sessionId: string, extra: Partial<SessionRecord> = {}): SessionRecord {
  return {
    session_id: sessionId,
    product: '会员订阅服务',
    customer: '张先生',
    operator: 'HEAR策略',
    timestamp: '2026-01-25T09:00:00.000000',
    conversation: [{ role: 'customer', content: '你好' }],
    review: {
      resolution_status: 'resolved',
      issue_summary: '咨询',
      actions_taken: [],
      follow_up_required: false,
      customer_updates: {},
    },
    ...extra,
  };
}

const save = (date: string, tag: string, extra: Partial<SessionRecord> = {}) =>
  store.saveSession({ date, tag, build: (id) => session(id, extra), readme: renderSessionReadme });

describe('FsRecordStore.create', () => {
  it('writes <id>_<name>/info.json in the legacy format and a README', async () => {
    const record = await store.create(
      'customer',
      customerFields('张先生', '13800138000', { vip_note: '老客户' }),
    );
    expect(record._id).toMatch(/^[0-9a-f]{8}$/);
    const folder = join(dir, 'customers', `${record._id}_张先生`);
    const text = await readFile(join(folder, 'info.json'), 'utf8');
    expect(text).toBe(JSON.stringify(record, null, 2));
    expect(text).toContain('"name": "张先生"'); // Chinese kept raw
    expect(text.endsWith('}')).toBe(true); // no final newline, like the legacy files
    expect(Object.keys(record)).toEqual([
      'name',
      'phone',
      'type',
      'background',
      'communication_style',
      'special_needs',
      'vip_note',
      '_id',
      '_type',
      '_created',
    ]);
    expect(record._created).toBe('2026-01-25T09:00:00.000000');
    expect(await readFile(join(folder, 'README.md'), 'utf8')).toMatch(/^# 张先生\n\n\*\*Name\*\*: 张先生\n/);
  });

  it('uses a given id and refuses one that exists', async () => {
    const record = await store.create('operator', { name: 'HEAR策略' }, { id: 'abcdef01' });
    expect(record._id).toBe('abcdef01');
    await expectCsError(
      store.create('operator', { name: '另一个' }, { id: 'abcdef01' }),
      'E_CONFLICT',
      /abcdef01/,
    );
    await expectCsError(store.create('operator', { name: 'x' }, { id: 'XYZ' }), 'E_INVALID', /8 hex/);
  });

  it('keeps _created/_updated given by a copy and always sets _id/_type itself', async () => {
    const record = await store.create(
      'product',
      {
        name: 'P',
        _id: 'ffffffff',
        _type: 'customer',
        _created: '2020-01-01T00:00:00.000000',
        _updated: 'u',
      },
      { id: '12345678' },
    );
    expect(record).toEqual({
      name: 'P',
      _id: '12345678',
      _type: 'product',
      _created: '2020-01-01T00:00:00.000000',
      _updated: 'u',
    });
  });

  it('refuses a record without a name', async () => {
    await expectCsError(store.create('product', { description: 'x' }), 'E_INVALID', /name/);
  });

  it('refuses a customer whose normalised phone another customer has', async () => {
    const first = await store.create('customer', customerFields('张先生', '13800138000'));
    const error = await expectCsError(
      store.create('customer', customerFields('王女士', '+86 138-0013-8000')),
      'E_CONFLICT',
      /13800138000.*张先生/,
    );
    expect(error.details).toEqual({ phone: '13800138000', customer_id: first._id });
    expect(await store.list('customer')).toHaveLength(1);
  });

  it('makes folder names safe and still finds the record by its exact name', async () => {
    const record = await store.create('product', { name: 'A/B: 会员?' });
    expect(await readdir(join(dir, 'products'))).toEqual([`${record._id}_A_B_ 会员_`]);
    expect((await store.findByName('product', 'A/B: 会员?')).map((r) => r._id)).toEqual([record._id]);
  });
});

describe('FsRecordStore reads', () => {
  it('create nothing in a database that does not exist', async () => {
    const db = join(dir, 'nothing-here');
    const empty = new FsRecordStore(db);
    expect(await empty.get('customer', '4f064bfb')).toBeUndefined();
    expect(await empty.findByName('product', 'x')).toEqual([]);
    expect(await empty.findCustomerByPhone('13800138000')).toBeUndefined();
    expect(await empty.summaries('operator')).toEqual([]);
    expect(await empty.list('customer')).toEqual([]);
    expect(await empty.listTrash()).toEqual([]);
    expect(await empty.listSessions()).toEqual([]);
    expect(await empty.getSession('cs_20260125_001_x')).toBeUndefined();
    expect(await empty.getMockState('abcdef01', '13800138000')).toBeUndefined();
    expect(await empty.listMockStates()).toEqual([]);
    expect(await empty.listLiveSessions()).toEqual([]);
    expect(await empty.getLiveSession('l1')).toBeUndefined();
    await expect(stat(db)).rejects.toThrow();
  });

  it('get finds by id; unknown and malformed ids are undefined', async () => {
    const record = await store.create('operator', { name: 'LAST策略', methodology: 'LAST' });
    expect(await store.get('operator', record._id)).toEqual(record);
    expect(await store.get('operator', '00000000')).toBeUndefined();
    expect(await store.get('operator', '../../etc')).toBeUndefined();
    expect(await store.get('product', record._id)).toBeUndefined();
  });

  it('findByName returns every record with exactly that name', async () => {
    const a = await store.create('product', { name: '会员' });
    const b = await store.create('product', { name: '会员' });
    await store.create('product', { name: '会员订阅' });
    const ids = (await store.findByName('product', '会员')).map((r) => r._id).sort();
    expect(ids).toEqual([a._id, b._id].sort());
    expect(await store.findByName('product', '会')).toEqual([]);
  });

  it('findCustomerByPhone normalises the phone', async () => {
    const record = await store.create('customer', customerFields('李女士', '13912345678'));
    expect((await store.findCustomerByPhone('+86 139 1234 5678'))?._id).toBe(record._id);
    expect(await store.findCustomerByPhone('13912345679')).toBeUndefined();
    expect(await store.findCustomerByPhone('')).toBeUndefined();
  });

  it('summaries come from the index, sorted by name', async () => {
    const b = await store.create('customer', customerFields('B', '13800000002'));
    const a = await store.create('customer', customerFields('A', '13800000001'));
    expect(await store.summaries('customer')).toEqual([
      { id: a._id, type: 'customer', name: 'A', phone: '13800000001' },
      { id: b._id, type: 'customer', name: 'B', phone: '13800000002' },
    ]);
  });

  it('list reads every record and skips folders that are not records', async () => {
    await store.create('product', { name: 'P1' });
    await store.create('product', { name: 'P2' });
    await mkdir(join(dir, 'products', 'empty-folder'));
    await writeFile(join(dir, 'products', 'notes.txt'), 'x');
    expect((await store.list('product')).map((r) => r.name)).toEqual(['P1', 'P2']);
  });

  it('a corrupt info.json is E_CORRUPT naming the file', async () => {
    const record = await store.create('product', { name: 'P' });
    const file = join(dir, 'products', `${record._id}_P`, 'info.json');
    await writeFile(file, '{"name": "P", ');
    await expectCsError(store.get('product', record._id), 'E_CORRUPT', new RegExp(`${record._id}_P`));
    await expectCsError(store.list('product'), 'E_CORRUPT', /info\.json/);
    await writeFile(file, '{"name": "P", "_id": "nothex!!", "_type": "product", "_created": "x"}');
    await expectCsError(store.list('product'), 'E_CORRUPT', /_id/);
  });
});

describe('FsRecordStore.update', () => {
  it('changes fields under the lock, keeps unknown fields and key order, sets _updated', async () => {
    const created = await store.create(
      'customer',
      customerFields('张先生', '13800138000', { extra: { a: 1 } }),
    );
    let seen: unknown;
    const updated = await store.update('customer', created._id, (current) => {
      seen = current;
      return { ...current, special_needs: '需要发票' };
    });
    expect(seen).toEqual(created);
    expect(Object.keys(updated)).toEqual([...Object.keys(created), '_updated']);
    expect(updated.extra).toEqual({ a: 1 });
    expect(updated.special_needs).toBe('需要发票');
    expect(updated._created).toBe(created._created);
    expect(updated._updated).toBe('2026-01-25T09:00:01.000000');
    const onDisk = JSON.parse(
      await readFile(join(dir, 'customers', `${created._id}_张先生`, 'info.json'), 'utf8'),
    );
    expect(onDisk).toEqual(updated);
    const readme = await readFile(join(dir, 'customers', `${created._id}_张先生`, 'README.md'), 'utf8');
    expect(readme).toContain('**Special Needs**: 需要发票');
  });

  it('drops user fields the change leaves out but keeps metadata, and appends new fields', async () => {
    const created = await store.create(
      'customer',
      customerFields('X', '13800000000', { _cold_start: true, old: 1 }),
    );
    const { old: _old, _cold_start: _cs, ...rest } = created;
    const updated = await store.update('customer', created._id, () => ({ ...rest, added: 2 }));
    expect(updated.old).toBeUndefined();
    expect(updated._cold_start).toBe(true);
    expect(Object.keys(updated).slice(-2)).toEqual(['_updated', 'added']);
  });

  it('moves the folder when the name changes and keeps the id', async () => {
    const created = await store.create(
      'customer',
      customerFields('来电客户_8000', '13800138000', { _cold_start: true }),
    );
    const updated = await store.update('customer', created._id, (c) => ({
      ...c,
      name: '张先生',
      _cold_start: false,
    }));
    expect(updated._id).toBe(created._id);
    expect(await readdir(join(dir, 'customers'))).toEqual([`${created._id}_张先生`]);
    expect((await store.findByName('customer', '张先生'))[0]?._id).toBe(created._id);
    expect(await store.findByName('customer', '来电客户_8000')).toEqual([]);
    expect((await store.findCustomerByPhone('13800138000'))?.name).toBe('张先生');
  });

  it('refuses a phone another customer has, and re-files a free one', async () => {
    const a = await store.create('customer', customerFields('A', '13800000001'));
    const b = await store.create('customer', customerFields('B', '13800000002'));
    await expectCsError(
      store.update('customer', b._id, (c) => ({ ...c, phone: '138 0000 0001' })),
      'E_CONFLICT',
      new RegExp(a._id),
    );
    expect((await store.get('customer', b._id))?.phone).toBe('13800000002');
    await store.update('customer', b._id, (c) => ({ ...c, phone: '13800000003' }));
    expect((await store.findCustomerByPhone('13800000003'))?._id).toBe(b._id);
    expect(await store.findCustomerByPhone('13800000002')).toBeUndefined();
  });

  it('is E_NOT_FOUND for an unknown id', async () => {
    await expectCsError(
      store.update('product', '00000000', (c) => c),
      'E_NOT_FOUND',
    );
  });

  it('loses no change when many updates of one record run at once', async () => {
    const created = await store.create(
      'customer',
      customerFields('A', '13800000001', { interaction_history: [] }),
    );
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.update('customer', created._id, (c) => ({
          ...c,
          interaction_history: [...(c.interaction_history as unknown[]), { session_id: `s${i}` }],
        })),
      ),
    );
    const history = (await store.get('customer', created._id))?.interaction_history as Array<{
      session_id: string;
    }>;
    expect(history.map((h) => h.session_id).sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => `s${i}`).sort(),
    );
  });

  it('removes temp files a killed writer left in the record folder', async () => {
    const created = await store.create('product', { name: 'P' });
    const folder = join(dir, 'products', `${created._id}_P`);
    await writeFile(join(folder, 'info.json.123456789'), '{"half');
    await store.update('product', created._id, (c) => ({ ...c, sla: '24h' }));
    expect((await readdir(folder)).sort()).toEqual(['README.md', 'info.json']);
  });
});

describe('FsRecordStore delete / listTrash / restore', () => {
  it('moves the folder into .trash with a manifest and brings it back', async () => {
    const created = await store.create('customer', customerFields('张先生', '13800138000'));
    const entry = await store.delete('customer', created._id);
    expect(entry).toMatchObject({ type: 'customer', id: created._id, name: '张先生' });
    expect(await store.get('customer', created._id)).toBeUndefined();
    expect(await store.findCustomerByPhone('13800138000')).toBeUndefined();
    expect(await readdir(join(dir, 'customers'))).toEqual([]);
    const manifest = JSON.parse(await readFile(join(dir, '.trash', entry.trash_id, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ ...entry, folder: `${created._id}_张先生`, phone: '13800138000' });
    expect(await store.listTrash()).toEqual([entry]);

    const restored = await store.restore(entry.trash_id);
    expect(restored).toEqual(created);
    expect((await store.findCustomerByPhone('13800138000'))?._id).toBe(created._id);
    expect(await store.listTrash()).toEqual([]);
  });

  it('refuses to restore when another customer has the phone now', async () => {
    const created = await store.create('customer', customerFields('张先生', '13800138000'));
    const entry = await store.delete('customer', created._id);
    await store.create('customer', customerFields('新张先生', '13800138000'));
    await expectCsError(store.restore(entry.trash_id), 'E_CONFLICT', /13800138000/);
    expect(await store.listTrash()).toHaveLength(1);
  });

  it('refuses to restore when the folder name is taken now', async () => {
    const created = await store.create('product', { name: 'P' });
    const entry = await store.delete('product', created._id);
    await mkdir(join(dir, 'products', `${created._id}_P`));
    await expectCsError(store.restore(entry.trash_id), 'E_CONFLICT', /taken/);
  });

  it('is E_NOT_FOUND for unknown ids', async () => {
    await expectCsError(store.delete('product', 'abcdef01'), 'E_NOT_FOUND');
    await expectCsError(store.restore('nothing'), 'E_NOT_FOUND');
    await expectCsError(store.restore('../products'), 'E_NOT_FOUND');
  });
});

describe('FsRecordStore mock state', () => {
  it('keeps one state per product and normalised phone', async () => {
    expect(await store.getMockState('abcdef01', '13800138000')).toBeUndefined();
    await store.updateMockState('abcdef01', '138 0013 8000', (cur) => ({
      ...cur,
      user_subscription: { a: 1 },
    }));
    const next = await store.updateMockState('abcdef01', '13800138000', (cur) => ({ ...cur, billing: [] }));
    expect(next).toEqual({ user_subscription: { a: 1 }, billing: [] });
    expect(await store.getMockState('abcdef01', '+8613800138000')).toEqual(next);
    const text = await readFile(join(dir, 'mock_state', 'abcdef01', '13800138000.json'), 'utf8');
    expect(JSON.parse(text)).toEqual(next);
    await store.updateMockState('12345678', '13900000000', () => ({ x: 1 }));
    expect(await store.listMockStates()).toEqual([
      { productId: '12345678', phone: '13900000000', state: { x: 1 } },
      { productId: 'abcdef01', phone: '13800138000', state: next },
    ]);
    expect(await store.listMockStates('12345678')).toHaveLength(1);
  });

  it('loses no change when updates run at once', async () => {
    await Promise.all(
      Array.from({ length: 15 }, (_, i) =>
        store.updateMockState('abcdef01', '13800138000', (cur) => ({ ...cur, [`k${i}`]: i })),
      ),
    );
    expect(Object.keys((await store.getMockState('abcdef01', '13800138000')) ?? {})).toHaveLength(15);
  });

  it('refuses path tricks', async () => {
    await expectCsError(
      store.updateMockState('../x', '13800138000', () => ({})),
      'E_INVALID',
    );
    await expectCsError(store.getMockState('abcdef01', '../../etc/passwd'), 'E_INVALID');
  });
});

describe('FsRecordStore sessions', () => {
  it('numbers the day’s sessions 001, 002 … and writes session.json and README.md', async () => {
    expect(await save('20260125', 'abc123')).toEqual({
      sessionId: 'cs_20260125_001_abc123',
      path: 'history/cs_20260125_001_abc123',
    });
    expect((await save('2026-01-25', 'def')).sessionId).toBe('cs_20260125_002_def');
    expect((await save('20260126', 'x')).sessionId).toBe('cs_20260126_001_x');
    const folder = join(dir, 'history', 'cs_20260125_001_abc123');
    const text = await readFile(join(folder, 'session.json'), 'utf8');
    expect(text).toBe(JSON.stringify(session('cs_20260125_001_abc123'), null, 2));
    expect(await readFile(join(folder, 'README.md'), 'utf8')).toBe(
      renderSessionReadme(session('cs_20260125_001_abc123')),
    );
  });

  it('cleans the tag and refuses a bad date or an empty tag', async () => {
    expect((await save('20260125', 'a b/c')).sessionId).toBe('cs_20260125_001_abc');
    await expectCsError(save('2026-1-25', 'x'), 'E_INVALID', /YYYYMMDD/);
    await expectCsError(save('20260125', '///'), 'E_INVALID', /tag/);
  });

  it('gives distinct ids to sessions saved at once', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => save('20260125', `t${i}`)));
    const seqs = results.map((r) => r.sessionId.split('_')[2]).sort();
    expect(seqs).toEqual(Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(3, '0')));
  });

  it('gets, lists and filters sessions', async () => {
    await save('20260125', 'a', { customer: '张先生', customer_id: '4f064bfb' });
    await save('20260125', 'b', { customer: '李女士', customer_id: '89f8127c' });
    await save('20260126', 'c', { customer: '张先生', customer_id: '4f064bfb' });
    expect((await store.getSession('cs_20260125_002_b'))?.customer).toBe('李女士');
    expect(await store.getSession('cs_20260125_009_b')).toBeUndefined();
    expect(await store.getSession('../x')).toBeUndefined();
    expect((await store.listSessions()).map((s) => s.session_id)).toEqual([
      'cs_20260125_001_a',
      'cs_20260125_002_b',
      'cs_20260126_001_c',
    ]);
    expect((await store.listSessions({ date: '2026-01-25' })).map((s) => s.session_id)).toHaveLength(2);
    expect((await store.listSessions({ customer: '张先生' })).map((s) => s.session_id)).toEqual([
      'cs_20260125_001_a',
      'cs_20260126_001_c',
    ]);
    expect((await store.listSessions({ customer: '89f8127c' }))[0]).toEqual({
      session_id: 'cs_20260125_002_b',
      timestamp: '2026-01-25T09:00:00.000000',
      product: '会员订阅服务',
      customer: '李女士',
      operator: 'HEAR策略',
      resolution_status: 'resolved',
    });
  });

  it('knows which records a saved session names, by name or id', async () => {
    const zhang = await store.create('customer', customerFields('张先生', '13800138000'));
    const wang = await store.create('customer', customerFields('王先生', '13800138001'));
    const product = await store.create('product', { name: '另一个产品' }, { id: 'abcdef01' });
    await save('20260125', 'a', { customer: '张先生', product: '改名前的产品', product_id: 'abcdef01' });
    expect(await store.isReferencedBySession('customer', zhang)).toBe(true);
    expect(await store.isReferencedBySession('customer', wang)).toBe(false);
    expect(await store.isReferencedBySession('product', product)).toBe(true);
  });

  it('imports a session under its own id once, and numbers later sessions after it', async () => {
    const s = session('cs_20260125_007_imported');
    expect(await store.importSession(s, '# readme\n')).toBe(true);
    expect(await store.importSession(s, '# readme\n')).toBe(false);
    expect(await store.readSessionReadme('cs_20260125_007_imported')).toBe('# readme\n');
    expect((await save('20260125', 'next')).sessionId).toBe('cs_20260125_008_next');
  });

  it('a corrupt session.json is E_CORRUPT naming the file', async () => {
    const { sessionId } = await save('20260125', 'a');
    await writeFile(join(dir, 'history', sessionId, 'session.json'), '{');
    await expectCsError(store.getSession(sessionId), 'E_CORRUPT', /session\.json/);
  });
});

describe('FsRecordStore live sessions', () => {
  it('puts, gets, updates under a lock, lists and deletes', async () => {
    await store.putLiveSession({ live_id: 'l1', updated_at: 't0', turns: [] });
    await store.putLiveSession({ live_id: 'l2', updated_at: 't0' });
    expect(await store.getLiveSession('l1')).toEqual({ live_id: 'l1', updated_at: 't0', turns: [] });
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        store.updateLiveSession('l1', (cur) => ({ ...cur, turns: [...(cur.turns as number[]), i] })),
      ),
    );
    expect((((await store.getLiveSession('l1'))?.turns ?? []) as number[]).sort((a, b) => a - b)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
    expect((await store.listLiveSessions()).map((l) => l.live_id)).toEqual(['l1', 'l2']);
    await store.deleteLiveSession('l1');
    await store.deleteLiveSession('l1');
    expect(await store.getLiveSession('l1')).toBeUndefined();
    await expectCsError(
      store.updateLiveSession('l1', (c) => c),
      'E_NOT_FOUND',
    );
    await expectCsError(store.putLiveSession({ live_id: '../x', updated_at: 't' }), 'E_INVALID');
  });
});

describe('FsRecordStore.importRecords', () => {
  const legacy = (id: string, name: string, phone: string): StoredRecord => ({
    ...customerFields(name, phone),
    name,
    _id: id,
    _type: 'customer' as const,
    _created: '2026-01-25T08:28:07.296156',
    _updated: '2026-01-26T09:00:00.000000',
    legacy_only: true,
  });

  it('keeps ids and metadata, and skips ids it already has', async () => {
    expect(await store.importRecords('customer', [legacy('0000000a', '甲', '13700000001')])).toBe(1);
    expect(
      await store.importRecords('customer', [
        legacy('0000000a', '甲', '13700000001'),
        legacy('0000000b', '乙', '13700000002'),
      ]),
    ).toBe(1);
    const a = await store.get('customer', '0000000a');
    expect(a).toMatchObject({
      _created: '2026-01-25T08:28:07.296156',
      _updated: '2026-01-26T09:00:00.000000',
      legacy_only: true,
    });
    expect((await store.findCustomerByPhone('13700000002'))?._id).toBe('0000000b');
  });

  it('writes nothing of a batch with a phone another customer has', async () => {
    await store.create('customer', customerFields('先有', '13700000000'));
    await expectCsError(
      store.importRecords('customer', [
        legacy('0000000c', '丙', '13700000003'),
        legacy('0000000d', '丁', '13700000000'),
      ]),
      'E_CONFLICT',
    );
    expect(await store.get('customer', '0000000c')).toBeUndefined();
  });
});

describe('FsRecordStore.bulkImport', () => {
  it('writes many records and an index that finds them', async () => {
    await store.create('customer', customerFields('先有', '13700000000'));
    const created = await store.bulkImport(
      'customer',
      Array.from({ length: 300 }, (_, i) => customerFields(`客户${i}`, `139${String(i).padStart(8, '0')}`)),
    );
    expect(created).toHaveLength(300);
    expect((await store.findCustomerByPhone('13900000123'))?.name).toBe('客户123');
    expect((await store.findCustomerByPhone('13700000000'))?.name).toBe('先有');
    expect(await store.summaries('customer')).toHaveLength(301);
    await rm(join(dir, '.index'), { recursive: true });
    expect((await store.findByName('customer', '客户7'))[0]?.phone).toBe('13900000007');
  });

  it('refuses a batch with a phone that is taken', async () => {
    await store.create('customer', customerFields('先有', '13700000000'));
    await expectCsError(store.bulkImport('customer', [customerFields('x', '13700000000')]), 'E_CONFLICT');
  });
});
