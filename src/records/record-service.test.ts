import { describe, expect, it } from 'vitest';
import { CsError } from '../domain/cs-error.js';
import { MemoryRecordStore } from '../store/memory/memory-record-store.js';
import { createRecord, createRecords, deleteRecord, restoreRecord } from './record-service.js';

const customer = (name: string, phone: string, extra: Record<string, unknown> = {}) => ({
  name,
  phone,
  type: 'returning',
  background: '老用户',
  communication_style: '直接',
  special_needs: '无',
  ...extra,
});

async function failure(work: Promise<unknown>): Promise<CsError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!CsError.isInstance(error)) throw new Error(`expected a CsError, got ${String(error)}`);
  return error;
}

describe('createRecords', () => {
  it('creates every record of the array', async () => {
    const store = new MemoryRecordStore();
    const created = await createRecords(store, 'customer', [
      customer('甲', '13700000001'),
      customer('乙', '13700000002'),
    ]);
    expect(created.map((r) => r.name)).toEqual(['甲', '乙']);
    expect(await store.summaries('customer')).toHaveLength(2);
  });

  it.each([
    [
      'a missing field',
      [customer('甲', '13700000001'), { name: '乙', phone: '13700000002' }],
      /\[1\] of 2: .*type/,
    ],
    ['a bad phone', [customer('甲', '13700000001'), customer('乙', 'abc')], /\[1\] of 2: .*phone/],
    [
      'a phone twice in the array',
      [customer('甲', '13700000001'), customer('乙', '137-0000-0001')],
      /\[1\] of 2: phone 13700000001 is also the phone of record \[0\]/,
    ],
    [
      'a history that is not a list',
      [customer('甲', '13700000001', { interaction_history: 'x' }), customer('乙', '13700000002')],
      /\[0\] of 2: .*interaction_history/,
    ],
  ])(
    'writes nothing when one element has %s, naming its index and field',
    async (_label, inputs, message) => {
      const store = new MemoryRecordStore();
      const error = await failure(createRecords(store, 'customer', inputs));
      expect(error.code).toBe('E_INVALID');
      expect(error.exitCode).toBe(2);
      expect(error.message).toMatch(message);
      expect(error.message).toContain('nothing was created');
      expect(await store.summaries('customer')).toEqual([]);
    },
  );

  it('writes nothing when an element takes the phone of a stored customer', async () => {
    const store = new MemoryRecordStore();
    await createRecord(store, 'customer', customer('老客户', '13700000009'));
    const error = await failure(
      createRecords(store, 'customer', [customer('甲', '13700000001'), customer('乙', '13700000009')]),
    );
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(/\[1\] of 2: phone 13700000009 already belongs to customer 老客户/);
    expect((await store.summaries('customer')).map((s) => s.name)).toEqual(['老客户']);
  });

  it('treats one element like a single create (a taken phone is a conflict)', async () => {
    const store = new MemoryRecordStore();
    await createRecord(store, 'customer', customer('老客户', '13700000009'));
    const error = await failure(createRecords(store, 'customer', [customer('甲', '13700000009')]));
    expect(error.code).toBe('E_CONFLICT');
  });
});

describe('restoreRecord', () => {
  async function storeWithDeleted() {
    const store = new MemoryRecordStore();
    const [a, b] = await createRecords(store, 'customer', [
      customer('张先生', '13700000001'),
      customer('李女士', '13700000002'),
    ]);
    await deleteRecord(store, 'customer', { id: a!._id });
    await deleteRecord(store, 'customer', { id: b!._id });
    return { store, a: a!, b: b! };
  }

  it.each([
    ['its trash id', async (store: MemoryRecordStore) => (await store.listTrash())[0]!.trash_id],
    ['its own id', async (store: MemoryRecordStore) => (await store.listTrash())[0]!.id],
    ['its name', async (store: MemoryRecordStore) => (await store.listTrash())[0]!.name],
  ])('restores a record named by %s', async (_label, ref) => {
    const { store } = await storeWithDeleted();
    const first = (await store.listTrash())[0]!;
    const restored = await restoreRecord(store, await ref(store));
    expect(restored._id).toBe(first.id);
    expect(await store.get('customer', first.id)).toBeDefined();
    expect(await store.listTrash()).toHaveLength(1);
  });

  it('lists the entries when several deleted records share the name, and restores none', async () => {
    const store = new MemoryRecordStore();
    for (const phone of ['13700000001', '13700000002']) {
      const [r] = await createRecords(store, 'customer', [customer('王先生', phone)]);
      await deleteRecord(store, 'customer', { id: r!._id });
    }
    const trash = await store.listTrash();
    const error = await failure(restoreRecord(store, '王先生'));
    expect(error.code).toBe('E_AMBIGUOUS');
    expect(error.exitCode).toBe(1);
    for (const entry of trash) expect(error.message).toContain(entry.trash_id);
    expect(await store.listTrash()).toHaveLength(2);
  });

  it('says nothing matches when the trash has no such entry', async () => {
    const { store } = await storeWithDeleted();
    const error = await failure(restoreRecord(store, '赵先生'));
    expect(error.code).toBe('E_NOT_FOUND');
    expect(error.message).toContain('赵先生');
  });
});
