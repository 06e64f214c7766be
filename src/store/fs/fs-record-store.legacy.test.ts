import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../domain/session-schemas.js';
import { renderSessionReadme } from '../../render/render-session-readme.js';
import { FsRecordStore } from './fs-record-store.js';
import { copyLegacyDb, customerFields, LEGACY_DB } from './test-db.js';

const ZHANG = 'customers/4f064bfb_张先生';
const LI = 'customers/89f8127c_李女士';
const PRODUCT = 'products/ea1677ad_会员订阅服务';

let db: string;
let cleanup: () => Promise<void>;
let store: FsRecordStore;

const legacyText = (rel: string) => readFile(join(LEGACY_DB, rel, 'info.json'), 'utf8');
const legacyJson = async (rel: string) => JSON.parse(await legacyText(rel)) as Record<string, unknown>;
const copyText = (rel: string) => readFile(join(db, rel, 'info.json'), 'utf8');

beforeEach(async () => {
  ({ db, cleanup } = await copyLegacyDb());
  store = new FsRecordStore(db);
});
afterEach(async () => {
  await store.close();
  await cleanup();
});

describe('FsRecordStore on the legacy database', () => {
  it('reads every record as the file has it, in the file’s key order', async () => {
    for (const rel of [ZHANG, LI, PRODUCT, 'operators/6e48aa0a_LAST策略', 'operators/f90ec0b9_HEAR策略']) {
      const expected = await legacyJson(rel);
      const id = expected._id as string;
      const type = expected._type as 'customer' | 'product' | 'operator';
      const record = await store.get(type, id);
      expect(record).toEqual(expected);
      expect(Object.keys(record ?? {})).toEqual(Object.keys(expected));
      // Written back unchanged, the file is byte for byte the same.
      expect(JSON.stringify(record, null, 2)).toBe(await legacyText(rel));
    }
    expect((await store.findCustomerByPhone('13800138000'))?._id).toBe('4f064bfb');
    expect((await store.findByName('operator', 'HEAR策略'))[0]?._id).toBe('f90ec0b9');
  });

  it('lists every record and summary', async () => {
    expect((await store.list('customer')).map((r) => r.name).sort()).toEqual(['张先生', '李女士'].sort());
    expect((await store.list('operator')).map((r) => r._id).sort()).toEqual(['6e48aa0a', 'f90ec0b9']);
    expect(await store.summaries('product')).toEqual([
      { id: 'ea1677ad', type: 'product', name: '会员订阅服务' },
    ]);
    expect((await store.summaries('customer')).find((s) => s.id === '89f8127c')?.phone).toBe('13912345678');
  });

  it('updates a customer and keeps every original field, unknown ones too, with their values', async () => {
    // A field no schema knows, as a later version or a person might have added.
    const file = join(db, LI, 'info.json');
    const withUnknown = {
      ...(await legacyJson(LI)),
      loyalty: { tier: '金卡', points: 1200, tags: ['出差', null] },
    };
    await writeFile(file, JSON.stringify(withUnknown, null, 2));

    const updated = await store.update('customer', '89f8127c', (current) => ({
      ...current,
      special_needs: '需要发票',
    }));
    const onDisk = JSON.parse(await copyText(LI));
    expect(onDisk).toEqual(updated);
    for (const [key, value] of Object.entries(withUnknown)) {
      if (key === 'special_needs') continue;
      expect(JSON.stringify(onDisk[key]), key).toBe(JSON.stringify(value));
    }
    expect(onDisk.special_needs).toBe('需要发票');
    // `_updated` goes after `_created` (the record had none); the other keys keep their places.
    expect(Object.keys(onDisk)).toEqual([
      'name',
      'phone',
      'type',
      'background',
      'communication_style',
      'special_needs',
      '_id',
      '_type',
      '_created',
      '_updated',
      'loyalty',
    ]);
    const readme = await readFile(join(db, LI, 'README.md'), 'utf8');
    expect(readme).toContain('**Special Needs**: 需要发票');
    expect(readme).toContain(
      '## Loyalty\n- **tier**: 金卡\n- **points**: 1200\n- **tags**: ["出差", null]\n',
    );
  });

  it('appends to an interaction history written by the earlier implementation', async () => {
    const original = await legacyJson(ZHANG);
    const entry = {
      session_id: 'cs_20260125_002_new',
      timestamp: '2026-01-25T10:00:00.000000',
      type: 'customer_service_call',
      summary: '再次来电',
      outcome: 'resolved',
    };
    await store.update('customer', '4f064bfb', (c) => ({
      ...c,
      interaction_history: [...(c.interaction_history as unknown[]), entry],
    }));
    const onDisk = JSON.parse(await copyText(ZHANG));
    expect(onDisk.interaction_history).toEqual([...(original.interaction_history as unknown[]), entry]);
    expect(Object.keys(onDisk)).toEqual(Object.keys(original));
    for (const key of Object.keys(original)) {
      if (key !== '_updated' && key !== 'interaction_history') expect(onDisk[key]).toEqual(original[key]);
    }
    expect(await readFile(join(db, ZHANG, 'README.md'), 'utf8')).toContain(
      '- 2026-01-25T10:00:00.000000: 再次来电\n',
    );
  });

  it('creates new records beside the legacy ones and refuses a legacy customer’s phone', async () => {
    const created = await store.create('customer', customerFields('王先生', '13700001111'));
    expect(await readdir(join(db, 'customers'))).toContain(`${created._id}_王先生`);
    expect((await store.findCustomerByPhone('13700001111'))?._id).toBe(created._id);
    await expect(store.create('customer', customerFields('冒名', '13800138000'))).rejects.toMatchObject({
      code: 'E_CONFLICT',
    });
    // The legacy files were not touched.
    expect(await copyText(ZHANG)).toBe(await legacyText(ZHANG));
    expect(await copyText(PRODUCT)).toBe(await legacyText(PRODUCT));
  });

  it('reads the legacy session and saves the next one of that day as 002', async () => {
    const legacy = await store.getSession('cs_20260125_001_abc123');
    expect(legacy).toEqual(
      JSON.parse(await readFile(join(LEGACY_DB, 'history/cs_20260125_001_abc123/session.json'), 'utf8')),
    );
    const { sessionId, path } = await store.saveSession({
      date: '20260125',
      tag: 'def456',
      build: (id): SessionRecord => ({ ...(legacy as SessionRecord), session_id: id }),
      readme: renderSessionReadme,
    });
    expect(sessionId).toBe('cs_20260125_002_def456');
    expect(path).toBe('history/cs_20260125_002_def456');
    expect((await store.listSessions({ date: '20260125' })).map((s) => s.session_id)).toEqual([
      'cs_20260125_001_abc123',
      'cs_20260125_002_def456',
    ]);
    expect(await store.listSessions({ customer: '张先生' })).toHaveLength(2);
    const zhang = await store.get('customer', '4f064bfb');
    expect(zhang && (await store.isReferencedBySession('customer', zhang))).toBe(true);
    const li = await store.get('customer', '89f8127c');
    expect(li && (await store.isReferencedBySession('customer', li))).toBe(false);
  });

  it('deletes and restores a legacy record unchanged', async () => {
    const entry = await store.delete('operator', '6e48aa0a');
    expect(await store.findByName('operator', 'LAST策略')).toEqual([]);
    await store.restore(entry.trash_id);
    expect(await copyText('operators/6e48aa0a_LAST策略')).toBe(
      await legacyText('operators/6e48aa0a_LAST策略'),
    );
  });
});
