import { cp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shardOf } from './fs-index.js';
import { FsRecordStore } from './fs-record-store.js';
import { customerFields, makeTempDir } from './test-db.js';

let dir: string;
let cleanup: () => Promise<void>;
let store: FsRecordStore;

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('cs-index-'));
  store = new FsRecordStore(dir);
});
afterEach(async () => {
  await cleanup();
});

const customers = (...names: string[]) =>
  Promise.all(names.map((n, i) => store.create('customer', customerFields(n, `1380000000${i}`))));

async function editInfo(folder: string, edit: (info: Record<string, unknown>) => void): Promise<void> {
  const file = join(dir, 'customers', folder, 'info.json');
  const info = JSON.parse(await readFile(file, 'utf8'));
  edit(info);
  await writeFile(file, JSON.stringify(info, null, 2));
}

describe('shardOf', () => {
  it('spreads keys evenly over the 1024 shards', () => {
    const counts = new Map<number, number>();
    for (let i = 0; i < 102_400; i++) {
      const n = shardOf('phone', `13${String(i).padStart(9, '0')}`);
      counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    expect(counts.size).toBe(1024);
    expect(Math.max(...counts.values())).toBeLessThan(200); // 100 on average
    expect(shardOf('id', 'abc')).toBe(shardOf('id', 'abc'));
  });
});

describe('FsRecordStore index', () => {
  it('answers a lookup without reading the other records', async () => {
    const all = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        store.create('customer', customerFields(`客户${i}`, `1390000${String(i).padStart(4, '0')}`)),
      ),
    );
    const target = all[17];
    if (!target) throw new Error('no target');
    // Break every other record's info.json: a lookup that read them would fail.
    for (const r of all) {
      if (r !== target) await writeFile(join(dir, 'customers', `${r._id}_${r.name}`, 'info.json'), 'broken');
    }
    expect((await store.findCustomerByPhone('13900000017'))?._id).toBe(target._id);
    expect((await store.findByName('customer', '客户17'))[0]?._id).toBe(target._id);
    expect((await store.get('customer', target._id))?.name).toBe('客户17');
    expect(await store.summaries('customer')).toHaveLength(40);
  });

  it('forgets a folder removed by hand', async () => {
    const [a, b] = await customers('A', 'B');
    if (!a || !b) throw new Error('setup');
    await rm(join(dir, 'customers', `${a._id}_A`), { recursive: true });
    expect(await store.get('customer', a._id)).toBeUndefined();
    expect(await store.findByName('customer', 'A')).toEqual([]);
    expect(await store.findCustomerByPhone('13800000000')).toBeUndefined();
    expect((await store.summaries('customer')).map((s) => s.id)).toEqual([b._id]);
    // The phone is free again.
    await store.create('customer', customerFields('A2', '13800000000'));
  });

  it('follows a folder renamed by hand', async () => {
    const [a] = await customers('A');
    if (!a) throw new Error('setup');
    await rename(join(dir, 'customers', `${a._id}_A`), join(dir, 'customers', `${a._id}_renamed by hand`));
    expect((await store.get('customer', a._id))?.name).toBe('A');
    expect((await store.findCustomerByPhone('13800000000'))?._id).toBe(a._id);
    const updated = await store.update('customer', a._id, (c) => ({ ...c, special_needs: '改' }));
    expect(updated.special_needs).toBe('改');
    expect(await readdir(join(dir, 'customers'))).toEqual([`${a._id}_renamed by hand`]);
  });

  it('finds a folder copied by hand with a new id', async () => {
    const [a] = await customers('A');
    if (!a) throw new Error('setup');
    await cp(join(dir, 'customers', `${a._id}_A`), join(dir, 'customers', 'abcdef01_C'), { recursive: true });
    await editInfo('abcdef01_C', (info) => {
      info._id = 'abcdef01';
      info.name = 'C';
      info.phone = '13900000000';
    });
    expect((await store.get('customer', 'abcdef01'))?.name).toBe('C');
    expect((await store.findByName('customer', 'C'))[0]?._id).toBe('abcdef01');
    expect((await store.findCustomerByPhone('13900000000'))?._id).toBe('abcdef01');
    expect((await store.findCustomerByPhone('13800000000'))?._id).toBe(a._id);
  });

  it('notices a phone edited by hand in info.json', async () => {
    const [a] = await customers('A');
    if (!a) throw new Error('setup');
    await store.findCustomerByPhone('13800000000'); // the index is built and fresh
    await editInfo(`${a._id}_A`, (info) => {
      info.phone = '13911112222';
    });
    // The old phone hits the index, fails verification, is not returned, and rebuilds the index.
    expect(await store.findCustomerByPhone('13800000000')).toBeUndefined();
    expect((await store.findCustomerByPhone('13911112222'))?._id).toBe(a._id);
    // A new customer may take the old phone; the edited one keeps its new phone.
    await store.create('customer', customerFields('B', '13800000000'));
    await expect(store.create('customer', customerFields('C', '139 1111 2222'))).rejects.toMatchObject({
      code: 'E_CONFLICT',
    });
  });

  it('finds a hand-edited phone after rebuildIndex (a miss alone does not rescan)', async () => {
    const [a] = await customers('A');
    if (!a) throw new Error('setup');
    await store.findCustomerByPhone('13800000000');
    await editInfo(`${a._id}_A`, (info) => {
      info.phone = '13911112222';
    });
    expect(await store.findCustomerByPhone('13911112222')).toBeUndefined(); // the documented limitation
    await store.rebuildIndex('customer');
    expect((await store.findCustomerByPhone('13911112222'))?._id).toBe(a._id);
  });

  it('rebuilds a removed, damaged or half-removed index', async () => {
    const [a] = await customers('A');
    if (!a) throw new Error('setup');
    await rm(join(dir, '.index'), { recursive: true });
    expect((await store.get('customer', a._id))?.name).toBe('A');

    await writeFile(join(dir, '.index', 'customer', 'meta.json'), 'not json');
    expect((await store.findByName('customer', 'A'))[0]?._id).toBe(a._id);

    const meta = JSON.parse(await readFile(join(dir, '.index', 'customer', 'meta.json'), 'utf8'));
    const gen = join(dir, '.index', 'customer', `g${meta.gen}`);
    for (const f of await readdir(gen)) await writeFile(join(gen, f), '{"ids": 5}');
    expect((await store.findCustomerByPhone('13800000000'))?._id).toBe(a._id);

    await rm(
      join(
        dir,
        '.index',
        'customer',
        `g${JSON.parse(await readFile(join(dir, '.index', 'customer', 'meta.json'), 'utf8')).gen}`,
      ),
      {
        recursive: true,
      },
    );
    expect((await store.summaries('customer')).map((s) => s.id)).toEqual([a._id]);
    await store.create('customer', customerFields('B', '13800000009'));
    expect((await store.findCustomerByPhone('13800000009'))?.name).toBe('B');
  });

  it('rebuilds an index written with another layout instead of missing', async () => {
    const [a] = await customers('A');
    if (!a) throw new Error('setup');
    const metaFile = join(dir, '.index', 'customer', 'meta.json');
    const meta = JSON.parse(await readFile(metaFile, 'utf8'));
    await writeFile(metaFile, JSON.stringify({ ...meta, shards: 256 }));
    expect((await store.findCustomerByPhone('13800000000'))?._id).toBe(a._id);
    expect(JSON.parse(await readFile(metaFile, 'utf8')).shards).toBe(1024);
  });

  it('keeps names such as __proto__ as plain keys', async () => {
    const a = await store.create('product', { name: '__proto__' });
    const b = await store.create('product', { name: 'constructor' });
    expect((await store.findByName('product', '__proto__'))[0]?._id).toBe(a._id);
    expect((await store.findByName('product', 'constructor'))[0]?._id).toBe(b._id);
    expect(await store.findByName('product', 'toString')).toEqual([]);
    await rm(join(dir, '.index'), { recursive: true });
    expect((await store.findByName('product', '__proto__'))[0]?._id).toBe(a._id);
  });

  it('finds any created record by id, exact name and phone', async () => {
    const name = fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== '');
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.record({ name, phone: fc.stringMatching(/^1[3-9]\d{9}$/) }), {
          minLength: 1,
          maxLength: 4,
          selector: (r) => r.phone,
        }),
        async (people) => {
          const temp = await makeTempDir('cs-prop-');
          try {
            const s = new FsRecordStore(temp.dir);
            const created = [];
            for (const p of people) created.push(await s.create('customer', customerFields(p.name, p.phone)));
            for (const [i, record] of created.entries()) {
              const p = people[i] as { name: string; phone: string };
              expect((await s.get('customer', record._id))?.name).toBe(p.name);
              expect((await s.findByName('customer', p.name)).map((r) => r._id)).toContain(record._id);
              expect((await s.findCustomerByPhone(p.phone))?._id).toBe(record._id);
            }
          } finally {
            await temp.cleanup();
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
