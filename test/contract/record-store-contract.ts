import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Grant } from '../../src/domain/grant-schema.js';
import type { StoredRecord } from '../../src/domain/record-schemas.js';
import type { SessionRecord } from '../../src/domain/session-schemas.js';
import { isSessionImporter, isSessionReadmeSource } from '../../src/store/migrate-store.js';
import type { RecordStore, RecordSummary, SessionFilter } from '../../src/store/record-store.js';

/** A store under test and how to throw it away. */
export interface ContractStore {
  store: RecordStore;
  cleanup(): Promise<void>;
}

/** `_created` / `_updated` as the earlier implementation wrote them: ISO local time, microseconds, no zone. */
const LEGACY_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;

const customerFields = (name: string, phone: string, extra: Record<string, unknown> = {}) => ({
  name,
  phone,
  type: 'returning',
  background: '老用户',
  communication_style: '直接',
  special_needs: '无',
  ...extra,
});

const operatorFields = (name: string) => ({
  name,
  methodology: 'HEAR',
  greeting: '您好',
  discovery_questions: ['什么问题？'],
  empathy_phrases: ['理解'],
  resolution_steps: ['确认'],
  objection_handling: { 退款: '说明流程' },
  closing_technique: '再见',
});

const productFields = (name: string) => ({
  name,
  description: '视频会员',
  features: ['高清'],
  common_issues: ['扣费疑问'],
  solutions: ['查询订阅'],
  faq: [{ q: '如何取消', a: '设置-会员' }],
  escalation_criteria: ['退款>=100元'],
  sla: '24小时',
  api_interfaces: {},
  operator_permissions: {
    can_approve_immediately: ['退款<100元'],
    requires_supervisor: [],
    requires_process: [],
    forbidden: [],
  },
});

function sessionFor(
  sessionId: string,
  parts: { product?: StoredRecord; customer?: StoredRecord; operator?: StoredRecord; status?: string } = {},
): SessionRecord {
  return {
    session_id: sessionId,
    product: parts.product?.name ?? '会员订阅服务',
    customer: parts.customer?.name ?? '张先生',
    operator: parts.operator?.name ?? 'HEAR策略',
    timestamp: '2026-11-25T08:28:11.261439',
    conversation: [
      { role: 'customer', content: '为什么扣了我15块钱？' },
      { role: 'agent', content: '我帮您查一下。' },
    ],
    review: {
      resolution_status: (parts.status ?? 'resolved') as 'resolved',
      issue_summary: '扣费疑问，已解释',
      actions_taken: ['查询订阅'],
      follow_up_required: false,
      customer_updates: {},
    },
    ...(parts.product ? { product_id: parts.product._id } : {}),
    ...(parts.customer ? { customer_id: parts.customer._id } : {}),
    ...(parts.operator ? { operator_id: parts.operator._id } : {}),
    extra_field_from_the_future: { kept: true },
  };
}

const readmeOf = (s: SessionRecord) => `# ${s.session_id}\n\n${s.customer}\n`;

/**
 * Registers the behaviour every RecordStore must show (file store and PostgreSQL alike). Each
 * test gets a fresh, empty store from `makeStore` and cleans it up afterwards.
 */
export function defineRecordStoreContract(name: string, makeStore: () => Promise<ContractStore>): void {
  describe(name, () => {
    let store: RecordStore;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      const made = await makeStore();
      store = made.store;
      cleanup = made.cleanup;
    });
    afterEach(async () => {
      try {
        await store.close();
      } finally {
        await cleanup();
      }
    });

    it('says where the data lives', () => {
      expect(store.location).toMatch(/\S/);
    });

    it('can be closed more than once', async () => {
      await store.close();
      await expect(store.close()).resolves.toBeUndefined();
    });

    describe('records', () => {
      it('creates a record with an 8-hex id, its type, a legacy _created and every field kept', async () => {
        const created = await store.create(
          'customer',
          customerFields('张先生', '13800138000', { vip_note: 'x' }),
        );
        expect(created._id).toMatch(/^[0-9a-f]{8}$/);
        expect(created._type).toBe('customer');
        expect(created._created).toMatch(LEGACY_TIME);
        expect(created).toMatchObject({ name: '张先生', phone: '13800138000', vip_note: 'x' });
        expect(await store.get('customer', created._id)).toEqual(created);
      });

      it('keeps a given id, and refuses a second record with it without duplicating', async () => {
        const first = await store.create('operator', operatorFields('HEAR策略'), { id: 'f90ec0b9' });
        expect(first._id).toBe('f90ec0b9');
        await expect(
          store.create('operator', operatorFields('别的'), { id: 'f90ec0b9' }),
        ).rejects.toMatchObject({
          code: 'E_CONFLICT',
        });
        expect(await store.list('operator')).toHaveLength(1);
        expect((await store.get('operator', 'f90ec0b9'))?.name).toBe('HEAR策略');
      });

      it('keeps _created and _updated passed in with the fields (copying between stores)', async () => {
        const created = await store.create(
          'customer',
          {
            ...customerFields('张先生', '13800138000'),
            _created: '2026-11-25T08:28:07.296156',
            _updated: '2026-11-25T08:28:11.261879',
          },
          { id: '4f064bfb' },
        );
        expect(created).toMatchObject({
          _id: '4f064bfb',
          _created: '2026-11-25T08:28:07.296156',
          _updated: '2026-11-25T08:28:11.261879',
        });
        expect(await store.get('customer', '4f064bfb')).toEqual(created);
      });

      it('refuses a record without a name', async () => {
        await expect(store.create('product', { description: 'x' })).rejects.toMatchObject({
          code: 'E_INVALID',
        });
        await expect(store.create('product', { name: '  ' })).rejects.toMatchObject({ code: 'E_INVALID' });
        expect(await store.list('product')).toEqual([]);
      });

      it('lists and summarises by name, then id', async () => {
        for (const name of ['b', 'a', 'c', 'a']) await store.create('operator', operatorFields(name));
        const listed = await store.list('operator');
        const order = (rows: Array<{ name: string; id: string }>) =>
          [...rows].sort((x, y) => (x.name === y.name ? (x.id < y.id ? -1 : 1) : x.name < y.name ? -1 : 1));
        const pairs = listed.map((r) => ({ name: r.name, id: r._id }));
        expect(pairs).toEqual(order(pairs));
        expect((await store.summaries('operator')).map((s) => ({ name: s.name, id: s.id }))).toEqual(pairs);
      });

      it('returns undefined for an unknown id or the wrong type', async () => {
        const product = await store.create('product', productFields('会员订阅服务'));
        expect(await store.get('product', '00000000')).toBeUndefined();
        expect(await store.get('customer', product._id)).toBeUndefined();
      });

      it('gets several records at once, in the order asked, undefined where missing', async () => {
        const product = await store.create('product', productFields('会员订阅服务'));
        const customer = await store.create('customer', { name: '张三', phone: '13800138000' });
        const got = await store.getMany([
          { type: 'customer', id: customer._id },
          { type: 'product', id: '00000000' },
          { type: 'product', id: product._id },
          { type: 'customer', id: product._id },
        ] as const);
        expect(got).toEqual([customer, undefined, product, undefined]);
        expect(await store.getMany([])).toEqual([]);
      });

      it('finds records by exact name, several when they share it', async () => {
        const a = await store.create('customer', customerFields('张先生', '13800138000'));
        const b = await store.create('customer', customerFields('张先生', '13800138001'));
        await store.create('customer', customerFields('张先生儿子', '13800138002'));
        const found = await store.findByName('customer', '张先生');
        expect(found.map((r) => r._id).sort()).toEqual([a._id, b._id].sort());
        expect(await store.findByName('customer', '张')).toEqual([]);
        expect(await store.findByName('operator', '张先生')).toEqual([]);
      });

      it('finds the records named by any of many names in one call, by name then id', async () => {
        const zhang = await store.create('customer', customerFields('张先生', '13800138000'));
        const li = await store.create('customer', customerFields('李女士', '13912345678'));
        const li2 = await store.create('customer', customerFields('李女士', '13912345679'));
        await store.create('customer', customerFields('王芳', '13700000000'));
        const found = await store.findByNames('customer', ['李女士', '张先生', '您好', '李女', '张先生']);
        const byNameThenId = [li, li2]
          .sort((a, b) => (a._id < b._id ? -1 : 1))
          .concat(zhang)
          .sort((a, b) => (a.name === b.name ? 0 : a.name < b.name ? -1 : 1));
        expect(found).toEqual(byNameThenId);
        expect(await store.findByNames('customer', [])).toEqual([]);
        expect(await store.findByNames('operator', ['张先生'])).toEqual([]);
      });

      it('finds a customer by phone', async () => {
        const zhang = await store.create('customer', customerFields('张先生', '13800138000'));
        await store.create('customer', customerFields('李女士', '13912345678'));
        expect(await store.findCustomerByPhone('13800138000')).toEqual(zhang);
        expect(await store.findCustomerByPhone('13700000000')).toBeUndefined();
      });

      it('refuses a second customer with the same phone', async () => {
        await store.create('customer', customerFields('张先生', '13800138000'));
        await expect(store.create('customer', customerFields('冒名', '13800138000'))).rejects.toMatchObject({
          code: 'E_CONFLICT',
        });
        expect(await store.list('customer')).toHaveLength(1);
      });

      it('refuses an update that gives a customer another customer’s phone', async () => {
        await store.create('customer', customerFields('张先生', '13800138000'));
        const li = await store.create('customer', customerFields('李女士', '13912345678'));
        await expect(
          store.update('customer', li._id, (c) => ({ ...c, phone: '13800138000' })),
        ).rejects.toMatchObject({ code: 'E_CONFLICT' });
        expect((await store.get('customer', li._id))?.phone).toBe('13912345678');
        expect((await store.findCustomerByPhone('13800138000'))?.name).toBe('张先生');
      });

      it('lists summaries with names, ids and customers’ phones', async () => {
        const zhang = await store.create('customer', customerFields('张先生', '13800138000'));
        const product = await store.create('product', productFields('会员订阅服务'));
        expect(await store.summaries('customer')).toEqual([
          { id: zhang._id, type: 'customer', name: '张先生', phone: '13800138000' },
        ]);
        expect(await store.summaries('product')).toEqual([
          { id: product._id, type: 'product', name: '会员订阅服务' },
        ]);
        expect(await store.summaries('operator')).toEqual([]);
      });

      it('lists the records of one type only', async () => {
        const p1 = await store.create('product', productFields('A'));
        const p2 = await store.create('product', productFields('B'));
        await store.create('operator', operatorFields('HEAR策略'));
        const products = await store.list('product');
        expect(products.map((r) => r._id).sort()).toEqual([p1._id, p2._id].sort());
        expect(products.every((r) => r._type === 'product')).toBe(true);
      });

      it('updates a record: unknown fields kept, _updated set, metadata untouched', async () => {
        const created = await store.create(
          'customer',
          customerFields('张先生', '13800138000', { legacy_x: [1, 2] }),
        );
        let seen: StoredRecord | undefined;
        const updated = await store.update('customer', created._id, (current) => {
          seen = current;
          return {
            ...current,
            communication_style: '礼貌',
            _id: 'ffffffff',
            _type: 'product',
            _created: 'x',
          };
        });
        expect(seen).toEqual(created);
        expect(updated).toMatchObject({
          _id: created._id,
          _type: 'customer',
          _created: created._created,
          communication_style: '礼貌',
          legacy_x: [1, 2],
        });
        expect(updated._updated).toMatch(LEGACY_TIME);
        expect(await store.get('customer', created._id)).toEqual(updated);
      });

      it('keeps the name and phone lookups in step with an update', async () => {
        const created = await store.create('customer', customerFields('来电客户_8000', '13800138000'));
        await store.update('customer', created._id, (c) => ({ ...c, name: '张先生', phone: '13800138009' }));
        expect(await store.findByName('customer', '来电客户_8000')).toEqual([]);
        expect((await store.findByName('customer', '张先生')).map((r) => r._id)).toEqual([created._id]);
        expect(await store.findCustomerByPhone('13800138000')).toBeUndefined();
        expect((await store.findCustomerByPhone('13800138009'))?._id).toBe(created._id);
        expect(await store.summaries('customer')).toEqual([
          { id: created._id, type: 'customer', name: '张先生', phone: '13800138009' },
        ]);
      });

      it('refuses to update an unknown record', async () => {
        await expect(store.update('product', '00000000', (c) => c)).rejects.toMatchObject({
          code: 'E_NOT_FOUND',
        });
      });

      it('loses no change when updates of one record run at once', async () => {
        const created = await store.create('customer', customerFields('张先生', '13800138000'));
        await Promise.all(
          Array.from({ length: 12 }, (_, i) =>
            store.update('customer', created._id, (c) => ({
              ...c,
              interaction_history: [...((c.interaction_history as unknown[] | undefined) ?? []), { n: i }],
            })),
          ),
        );
        // The test writes `{ n }` entries where interactions belong: read them as what they are.
        const history = ((await store.get('customer', created._id))?.interaction_history ?? []) as unknown[];
        expect(history.map((h) => (h as { n: number }).n).sort((a, b) => a - b)).toEqual(
          Array.from({ length: 12 }, (_, i) => i),
        );
      });

      it('deletes into the trash and restores from it', async () => {
        const created = await store.create('product', productFields('会员订阅服务'));
        const entry = await store.delete('product', created._id);
        expect(entry).toMatchObject({ type: 'product', id: created._id, name: '会员订阅服务' });
        expect(entry.trash_id).toMatch(/\S/);
        expect(entry.deleted_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
        expect(await store.get('product', created._id)).toBeUndefined();
        expect(await store.list('product')).toEqual([]);
        expect(await store.listTrash()).toEqual([entry]);
        expect(await store.restore(entry.trash_id)).toEqual(created);
        expect(await store.get('product', created._id)).toEqual(created);
        expect(await store.listTrash()).toEqual([]);
      });

      it('refuses to delete an unknown record or restore an unknown trash entry', async () => {
        await expect(store.delete('customer', '00000000')).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
        await expect(store.restore('no-such-entry')).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
      });

      it('frees a deleted customer’s phone and refuses a restore that would reuse it', async () => {
        const old = await store.create('customer', customerFields('张先生', '13800138000'));
        const entry = await store.delete('customer', old._id);
        await store.create('customer', customerFields('新张先生', '13800138000'));
        await expect(store.restore(entry.trash_id)).rejects.toMatchObject({ code: 'E_CONFLICT' });
        expect((await store.findCustomerByPhone('13800138000'))?.name).toBe('新张先生');
      });
    });

    describe('mock backend state', () => {
      it('starts empty, then keeps what each change returns', async () => {
        expect(await store.getMockState('p1', '13800138000')).toBeUndefined();
        const seen: Array<Record<string, unknown> | undefined> = [];
        await store.updateMockState('p1', '13800138000', (current) => {
          seen.push(current);
          return { user_subscription: { status: 'active' } };
        });
        const second = await store.updateMockState('p1', '13800138000', (current) => {
          seen.push(current);
          return { ...current, refund: { ok: true } };
        });
        expect(seen).toEqual([undefined, { user_subscription: { status: 'active' } }]);
        expect(second).toEqual({ user_subscription: { status: 'active' }, refund: { ok: true } });
        expect(await store.getMockState('p1', '13800138000')).toEqual(second);
        expect(await store.getMockState('p2', '13800138000')).toBeUndefined();
      });

      it('lists states, all or for one product', async () => {
        await store.updateMockState('p1', '13800138000', () => ({ a: 1 }));
        await store.updateMockState('p1', '13912345678', () => ({ b: 2 }));
        await store.updateMockState('p2', '13800138000', () => ({ c: 3 }));
        const all = await store.listMockStates();
        expect(all).toHaveLength(3);
        expect(all).toContainEqual({ productId: 'p2', phone: '13800138000', state: { c: 3 } });
        const p1 = await store.listMockStates('p1');
        expect(p1.map((s) => s.phone).sort()).toEqual(['13800138000', '13912345678']);
      });

      it('loses no change when state updates run at once', async () => {
        await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            store.updateMockState('p1', '13800138000', (c) => ({ ...c, [`k${i}`]: i })),
          ),
        );
        expect(Object.keys((await store.getMockState('p1', '13800138000')) ?? {})).toHaveLength(10);
      });
    });

    describe('saved sessions', () => {
      it('numbers the day’s sessions 001, 002 … and saves what build returns', async () => {
        const first = await store.saveSession({
          date: '20261125',
          tag: 'abc123',
          build: (id) => sessionFor(id),
          readme: readmeOf,
        });
        const second = await store.saveSession({
          date: '20261125',
          tag: 'def456',
          build: (id) => sessionFor(id),
          readme: readmeOf,
        });
        const otherDay = await store.saveSession({
          date: '20261126',
          tag: 'abc123',
          build: (id) => sessionFor(id),
          readme: readmeOf,
        });
        expect(first).toEqual({
          sessionId: 'cs_20261125_001_abc123',
          path: 'history/cs_20261125_001_abc123',
        });
        expect(second.sessionId).toBe('cs_20261125_002_def456');
        expect(otherDay.sessionId).toBe('cs_20261126_001_abc123');
        expect(await store.getSession(first.sessionId)).toEqual(sessionFor(first.sessionId));
        expect(await store.getSession('cs_20261125_009_nope')).toBeUndefined();
      });

      it('gives sessions saved at once distinct numbers', async () => {
        const saved = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            store.saveSession({
              date: '2026-11-25',
              tag: `t${i}`,
              build: (id) => sessionFor(id),
              readme: readmeOf,
            }),
          ),
        );
        const seqs = saved.map((s) => s.sessionId.split('_')[2]).sort();
        expect(seqs).toEqual(Array.from({ length: 10 }, (_, i) => String(i + 1).padStart(3, '0')));
      });

      it('lists sessions, filtered by day and by customer name or id', async () => {
        const zhang = await store.create('customer', customerFields('张先生', '13800138000'));
        const li = await store.create('customer', customerFields('李女士', '13912345678'));
        const a = await store.saveSession({
          date: '20261125',
          tag: 'a',
          build: (id) => sessionFor(id, { customer: zhang }),
          readme: readmeOf,
        });
        const b = await store.saveSession({
          date: '20261126',
          tag: 'b',
          build: (id) => sessionFor(id, { customer: li, status: 'unresolved' }),
          readme: readmeOf,
        });
        const all = await store.listSessions();
        expect(all.map((s) => s.session_id).sort()).toEqual([a.sessionId, b.sessionId].sort());
        expect(all.find((s) => s.session_id === b.sessionId)).toEqual({
          session_id: b.sessionId,
          timestamp: '2026-11-25T08:28:11.261439',
          product: '会员订阅服务',
          customer: '李女士',
          operator: 'HEAR策略',
          resolution_status: 'unresolved',
        });
        expect((await store.listSessions({ date: '20261125' })).map((s) => s.session_id)).toEqual([
          a.sessionId,
        ]);
        expect((await store.listSessions({ date: '2026-11-26' })).map((s) => s.session_id)).toEqual([
          b.sessionId,
        ]);
        expect((await store.listSessions({ customer: '张先生' })).map((s) => s.session_id)).toEqual([
          a.sessionId,
        ]);
        expect((await store.listSessions({ customer: li._id })).map((s) => s.session_id)).toEqual([
          b.sessionId,
        ]);
        expect(await store.listSessions({ date: '20200101' })).toEqual([]);
      });

      it('refuses a day that is not a date and keeps the tag to safe characters', async () => {
        await expect(store.listSessions({ date: 'yesterday' })).rejects.toMatchObject({ code: 'E_INVALID' });
        await expect(
          store.saveSession({
            date: '25/11/2026',
            tag: 't',
            build: (id) => sessionFor(id),
            readme: readmeOf,
          }),
        ).rejects.toMatchObject({ code: 'E_INVALID' });
        const saved = await store.saveSession({
          date: '20261125',
          tag: 'ab/c d',
          build: (id) => sessionFor(id),
          readme: readmeOf,
        });
        expect(saved.sessionId).toBe('cs_20261125_001_abcd');
      });

      it('counts a legacy session that names a record only by name as a reference', async () => {
        const customer = await store.create('customer', customerFields('张先生', '13800138000'));
        const other = await store.create('customer', customerFields('李女士', '13912345678'));
        await store.saveSession({
          date: '20260125',
          tag: 'abc123',
          build: (id) => sessionFor(id),
          readme: readmeOf,
        });
        expect(await store.isReferencedBySession('customer', customer)).toBe(true);
        expect(await store.isReferencedBySession('customer', other)).toBe(false);
      });

      it('knows which records a saved session names', async () => {
        const product = await store.create('product', productFields('会员订阅服务'));
        const customer = await store.create('customer', customerFields('张先生', '13800138000'));
        const operator = await store.create('operator', operatorFields('HEAR策略'));
        const bystander = await store.create('customer', customerFields('李女士', '13912345678'));
        const otherProduct = await store.create('product', productFields('云存储'));
        expect(await store.isReferencedBySession('customer', customer)).toBe(false);
        await store.saveSession({
          date: '20261125',
          tag: 'x',
          build: (id) => sessionFor(id, { product, customer, operator }),
          readme: readmeOf,
        });
        expect(await store.isReferencedBySession('product', product)).toBe(true);
        expect(await store.isReferencedBySession('customer', customer)).toBe(true);
        expect(await store.isReferencedBySession('operator', operator)).toBe(true);
        expect(await store.isReferencedBySession('customer', bystander)).toBe(false);
        expect(await store.isReferencedBySession('product', otherProduct)).toBe(false);
      });

      it('imports a session under its own id once, and numbers later saves after it', async () => {
        expect(isSessionImporter(store)).toBe(true);
        if (!isSessionImporter(store)) return;
        const legacy = sessionFor('cs_20260125_007_abc123');
        await expect(store.importSession(sessionFor('not-a-session-id'), '')).rejects.toMatchObject({
          code: 'E_INVALID',
        });
        expect(await store.importSession(legacy, '# legacy readme\n')).toBe(true);
        expect(await store.importSession({ ...legacy, customer: '别人' }, '# again\n')).toBe(false);
        expect(await store.getSession(legacy.session_id)).toEqual(legacy);
        expect(await store.listSessions()).toHaveLength(1);
        const next = await store.saveSession({
          date: '20260125',
          tag: 'new',
          build: (id) => sessionFor(id),
          readme: readmeOf,
        });
        expect(next.sessionId).toBe('cs_20260125_008_new');
      });

      it('hands back a saved session’s README as written', async () => {
        expect(isSessionReadmeSource(store)).toBe(true);
        if (!isSessionReadmeSource(store)) return;
        const saved = await store.saveSession({
          date: '20261125',
          tag: 'r',
          build: (id) => sessionFor(id),
          readme: readmeOf,
        });
        expect(await store.readSessionReadme(saved.sessionId)).toBe(readmeOf(sessionFor(saved.sessionId)));
        expect(await store.readSessionReadme('cs_20261125_099_none')).toBeUndefined();
      });
    });

    describe('live sessions', () => {
      const live = (id: string, at: string, turns: number) => ({
        live_id: id,
        updated_at: at,
        turns,
        state: { a: 1 },
      });

      it('puts, gets, lists and deletes live sessions', async () => {
        expect(await store.getLiveSession('L1')).toBeUndefined();
        await store.putLiveSession(live('L1', '2026-11-25T08:00:00.000000', 0));
        await store.putLiveSession(live('L2', '2026-11-25T09:00:00.000000', 0));
        await store.putLiveSession(live('L1', '2026-11-25T10:00:00.000000', 1));
        expect(await store.getLiveSession('L1')).toEqual(live('L1', '2026-11-25T10:00:00.000000', 1));
        expect((await store.listLiveSessions()).map((l) => l.live_id)).toEqual(['L1', 'L2']);
        await store.deleteLiveSession('L1');
        expect(await store.getLiveSession('L1')).toBeUndefined();
        expect((await store.listLiveSessions()).map((l) => l.live_id)).toEqual(['L2']);
      });

      it('updates a live session without losing changes made at once', async () => {
        await store.putLiveSession(live('L1', '2026-11-25T08:00:00.000000', 0));
        await Promise.all(
          Array.from({ length: 8 }, () =>
            store.updateLiveSession('L1', (c) => ({ ...c, turns: (c.turns as number) + 1 })),
          ),
        );
        expect((await store.getLiveSession('L1'))?.turns).toBe(8);
      });

      it('refuses to update an unknown live session', async () => {
        await expect(store.updateLiveSession('nope', (c) => c)).rejects.toMatchObject({
          code: 'E_NOT_FOUND',
        });
        await expect(
          store.appendToLiveRecord('nope', { updated_at: 'x', append: {}, set: {}, merge: {} }),
        ).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
      });

      it('appends turns to a live record, in order and none lost, among locked updates', async () => {
        await store.putLiveSession({
          live_id: 'L1',
          updated_at: '2026-11-25T08:00:00.000Z',
          record: { conversation: [{ n: 0 }], language: 'zh', learned: { a: 1 } },
        });
        const turn = (n: number) =>
          store.appendToLiveRecord('L1', {
            updated_at: `2026-11-25T08:00:${String(n).padStart(2, '0')}.000Z`,
            append: { conversation: [{ n }], queries: [{ q: n }] },
            set: { language: n % 2 === 0 ? 'zh' : 'en' },
            merge: { learned: { [`k${n}`]: n } },
          });
        for (const n of [1, 2, 3]) await turn(n);
        // Appends and whole-document updates at once: each update sees every earlier append.
        await Promise.all([
          turn(4),
          store.updateLiveSession('L1', (c) => ({ ...c, state: 'human' })),
          turn(5),
          store.updateLiveSession('L1', (c) => ({ ...c, chat_told: 2 })),
          turn(6),
        ]);
        const got = await store.getLiveSession('L1');
        const record = got?.record as {
          conversation: Array<{ n: number }>;
          queries: unknown[];
          learned: Record<string, number>;
        };
        expect(record.conversation.map((c) => c.n).sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
        expect(record.conversation.slice(0, 4).map((c) => c.n)).toEqual([0, 1, 2, 3]);
        expect(record.queries).toHaveLength(6);
        expect(got).toMatchObject({ state: 'human', chat_told: 2 });
        expect(record.learned).toEqual({
          a: 1,
          k1: 1,
          k2: 2,
          k3: 3,
          k4: 4,
          k5: 5,
          k6: 6,
        });
        // Listing shows the same document; replacing it whole drops what was appended.
        expect((await store.listLiveSessions()).find((l) => l.live_id === 'L1')).toEqual(got);
        await store.putLiveSession({ live_id: 'L1', updated_at: 'later', record: { conversation: [] } });
        expect(await store.getLiveSession('L1')).toEqual({
          live_id: 'L1',
          updated_at: 'later',
          record: { conversation: [] },
        });
      });

      it('hands out a live session its reader may change without changing the stored one', async () => {
        await store.putLiveSession({
          live_id: 'L1',
          updated_at: '2026-11-25T08:00:00.000Z',
          record: { conversation: [{ n: 0 }], learned: { topics: ['a'] } },
        });
        await store.appendToLiveRecord('L1', {
          updated_at: '2026-11-25T08:00:01.000Z',
          append: { conversation: [{ n: 1 }] },
          set: {},
          merge: { learned: { mood: { calm: true } } },
        });
        const stored = {
          live_id: 'L1',
          updated_at: '2026-11-25T08:00:01.000Z',
          record: { conversation: [{ n: 0 }, { n: 1 }], learned: { topics: ['a'], mood: { calm: true } } },
        };
        expect(await store.getLiveSession('L1')).toEqual(stored);
        // What a turn does to the call it read: adds to its lists, writes what the agent learned.
        const read = (await store.getLiveSession('L1')) as unknown as {
          state?: string;
          record: { conversation: unknown[]; learned: { topics: string[]; mood: { calm: boolean } } };
        };
        read.state = 'human';
        read.record.conversation.push({ n: 2 });
        read.record.learned.topics.push('b');
        read.record.learned.mood.calm = false;
        expect(await store.getLiveSession('L1')).toEqual(stored);
        const withRecords = await store.getLiveSessionWithRecords('L1', []);
        expect(withRecords?.live).toEqual(stored);
      });

      it('reads a live session as it stands after each put, update, append and delete', async () => {
        const conversation = async () =>
          (
            (await store.getLiveSession('L1'))?.record as { conversation: Array<{ n: number }> } | undefined
          )?.conversation.map((c) => c.n);
        const turn = (n: number) =>
          store.appendToLiveRecord('L1', {
            updated_at: `2026-11-25T08:00:${String(n).padStart(2, '0')}.000Z`,
            append: { conversation: [{ n }] },
            set: {},
            merge: {},
          });
        await store.putLiveSession({ live_id: 'L1', updated_at: 'a', record: { conversation: [{ n: 0 }] } });
        expect(await conversation()).toEqual([0]);
        await turn(1);
        expect(await conversation()).toEqual([0, 1]);
        await store.updateLiveSession('L1', (c) => ({ ...c, state: 'human' }));
        expect(await store.getLiveSession('L1')).toMatchObject({ state: 'human' });
        expect(await conversation()).toEqual([0, 1]);
        await turn(2);
        await turn(3);
        expect(await conversation()).toEqual([0, 1, 2, 3]);
        expect((await store.getLiveSession('L1'))?.updated_at).toBe('2026-11-25T08:00:03.000Z');
        await store.putLiveSession({ live_id: 'L1', updated_at: 'b', record: { conversation: [{ n: 9 }] } });
        expect(await conversation()).toEqual([9]);
        await turn(10);
        expect(await conversation()).toEqual([9, 10]);
        await store.deleteLiveSession('L1');
        expect(await store.getLiveSession('L1')).toBeUndefined();
        await store.putLiveSession({ live_id: 'L1', updated_at: 'c', record: { conversation: [] } });
        await turn(20);
        expect(await conversation()).toEqual([20]);
      });

      it('reads a live session with the records its fields name, a missing one as undefined', async () => {
        const product = await store.create('product', productFields('会员订阅服务'));
        const customer = await store.create('customer', { name: '张三', phone: '13800138000' });
        const fields = [
          { type: 'product', field: 'product_id' },
          { type: 'customer', field: 'customer_id' },
          { type: 'operator', field: 'operator_id' },
        ] as const;
        expect(await store.getLiveSessionWithRecords('L1', fields)).toBeUndefined();
        await store.putLiveSession({
          live_id: 'L1',
          updated_at: '2026-11-25T08:00:00.000Z',
          product_id: product._id,
          customer_id: customer._id,
          operator_id: 'op_gone',
          record: { conversation: [{ n: 0 }] },
        });
        await store.appendToLiveRecord('L1', {
          updated_at: '2026-11-25T08:00:01.000Z',
          append: { conversation: [{ n: 1 }] },
          set: {},
          merge: {},
        });
        const read = await store.getLiveSessionWithRecords('L1', fields);
        // The session as getLiveSession gives it (appends applied), the records as get gives them.
        expect(read?.live).toEqual(await store.getLiveSession('L1'));
        expect(read?.records).toEqual([product, customer, undefined]);
        expect(read?.records[1]?.phone).toBe(customer.phone);
      });
    });

    describe('grants', () => {
      const grant = (n: number, extra: Partial<Grant> = {}): Grant => ({
        grant_id: `gr_${String(n).padStart(16, '0')}`,
        call_id: 'live_0000000001',
        customer_id: 'c0000001',
        product_id: 'p0000001',
        action: '退款50元',
        concept: 'refund',
        amount: { value: 50, unit: 'CNY' },
        rule: '退款<100元',
        rules_hash: 'h1',
        issued_at: `2026-11-25T08:00:0${n}.000Z`,
        consumed_at: null,
        consumed_by: null,
        ...extra,
      });
      const consume = (n: number, by = 'host:1', customerId = 'c0000001') =>
        store.consumeGrant({
          grantId: grant(n).grant_id,
          customerId,
          consumedAt: '2026-11-25T09:00:00.000Z',
          consumedBy: by,
        });

      it('lists a customer’s grants oldest first, by call and by time', async () => {
        await store.putGrant(grant(2));
        await store.putGrant(grant(1, { call_id: 'live_0000000002', amount: null, rule: null }));
        await store.putGrant(grant(3, { customer_id: 'c0000002' }));
        expect(await store.listGrants({ customerId: 'c0000001' })).toEqual([
          grant(1, { call_id: 'live_0000000002', amount: null, rule: null }),
          grant(2),
        ]);
        const ofCall = await store.listGrants({ customerId: 'c0000001', callId: 'live_0000000001' });
        expect(ofCall.map((g) => g.grant_id)).toEqual([grant(2).grant_id]);
        const recent = await store.listGrants({ customerId: 'c0000001', since: '2026-11-25T08:00:02.000Z' });
        expect(recent.map((g) => g.grant_id)).toEqual([grant(2).grant_id]);
        expect(await store.listGrants({ customerId: 'c0000009' })).toEqual([]);
      });

      it('consumes a grant once and says who did', async () => {
        await store.putGrant(grant(1));
        expect(await consume(1, 'host:7')).toEqual(
          grant(1, { consumed_at: '2026-11-25T09:00:00.000Z', consumed_by: 'host:7' }),
        );
        expect(await consume(1, 'host:8')).toBeUndefined();
        expect(await store.listGrants({ customerId: 'c0000001' })).toEqual([
          grant(1, { consumed_at: '2026-11-25T09:00:00.000Z', consumed_by: 'host:7' }),
        ]);
      });

      it('counts a grant consumed within the window though issued before it', async () => {
        await store.putGrant(grant(1));
        await consume(1);
        const since = '2026-11-25T08:30:00.000Z';
        expect((await store.listGrants({ customerId: 'c0000001', since })).map((g) => g.grant_id)).toEqual([
          grant(1).grant_id,
        ]);
      });

      it('does not consume an unknown grant or another customer’s', async () => {
        await store.putGrant(grant(1));
        expect(await consume(2)).toBeUndefined();
        expect(await consume(1, 'host:1', 'c0000002')).toBeUndefined();
        expect((await store.listGrants({ customerId: 'c0000001' }))[0]?.consumed_at).toBeNull();
      });

      it('lets exactly one of many concurrent consumers have a grant', async () => {
        await store.putGrant(grant(1));
        const results = await Promise.all(Array.from({ length: 16 }, (_, i) => consume(1, `host:${i}`)));
        const winners = results.filter((r) => r !== undefined);
        expect(winners).toHaveLength(1);
        const [stored] = await store.listGrants({ customerId: 'c0000001' });
        expect(stored?.consumed_by).toBe(winners[0]?.consumed_by);
      });
    });

    describe('records written alike by every store', () => {
      it('keeps a phone as it was given and finds it by any spelling', async () => {
        const spaced = await store.create('customer', customerFields('张先生', '138 0013 8000'));
        const dashed = await store.create('customer', customerFields('李女士', '+86 139-1234-5678'));
        expect(spaced.phone).toBe('138 0013 8000');
        expect((await store.get('customer', spaced._id))?.phone).toBe('138 0013 8000');
        expect((await store.get('customer', dashed._id))?.phone).toBe('+86 139-1234-5678');
        expect((await store.findCustomerByPhone('13800138000'))?._id).toBe(spaced._id);
        expect((await store.findCustomerByPhone('139 1234 5678'))?._id).toBe(dashed._id);
        await expect(store.create('customer', customerFields('冒名', '13800138000'))).rejects.toMatchObject({
          code: 'E_CONFLICT',
        });
        const updated = await store.update('customer', spaced._id, (c) => ({ ...c, phone: '138-0013-8000' }));
        expect(updated.phone).toBe('138-0013-8000');
        expect((await store.summaries('customer')).map((s) => s.phone).sort()).toEqual([
          '13800138000',
          '13912345678',
        ]);
      });

      it('keeps the key order of a new record and of an update', async () => {
        const created = await store.create('customer', customerFields('张先生', '13800138000'));
        expect(Object.keys(created)).toEqual([
          'name',
          'phone',
          'type',
          'background',
          'communication_style',
          'special_needs',
          '_id',
          '_type',
          '_created',
        ]);
        const updated = await store.update('customer', created._id, (c) => ({ ...c, vip_note: 'x' }));
        expect(Object.keys(updated).slice(-3)).toEqual(['_created', '_updated', 'vip_note']);
      });
    });

    describe('creating many records at once', () => {
      it('creates every record with its own new id, in the order given', async () => {
        const items = Array.from({ length: 30 }, (_, i) =>
          customerFields(`客户${i}`, `1380000${String(i).padStart(4, '0')}`),
        );
        const created = await store.createMany('customer', items);
        expect(created.map((r) => r.name)).toEqual(items.map((i) => i.name));
        expect(new Set(created.map((r) => r._id)).size).toBe(30);
        expect(created[0]).toMatchObject({ _type: 'customer', phone: '13800000000' });
        expect(created[0]?._created).toMatch(LEGACY_TIME);
        expect(await store.list('customer')).toHaveLength(30);
        expect((await store.findCustomerByPhone('13800000029'))?.name).toBe('客户29');
        expect(await store.get('customer', created[7]?._id ?? '')).toEqual(created[7]);
      });

      it('refuses a batch with a taken phone and writes none of it', async () => {
        await store.create('customer', customerFields('张先生', '13800138000'));
        const batch = [customerFields('甲', '13900000001'), customerFields('乙', '138 0013 8000')];
        await expect(store.createMany('customer', batch)).rejects.toMatchObject({ code: 'E_CONFLICT' });
        const twice = [customerFields('丙', '13900000002'), customerFields('丁', '13900000002')];
        await expect(store.createMany('customer', twice)).rejects.toMatchObject({ code: 'E_CONFLICT' });
        expect((await store.list('customer')).map((r) => r.name)).toEqual(['张先生']);
      });

      it('leaves out customers whose phone is taken when told to', async () => {
        await store.create('customer', customerFields('张先生', '13800138000'));
        const created = await store.createMany(
          'customer',
          [
            customerFields('甲', '13900000001'),
            customerFields('乙', '13800138000'),
            customerFields('丙', '13900000001'),
            customerFields('丁', '13900000002'),
          ],
          { skipTakenPhones: true },
        );
        expect(created.map((r) => r.name)).toEqual(['甲', '丁']);
        expect((await store.list('customer')).map((r) => r.name).sort()).toEqual(
          ['丁', '张先生', '甲'].sort(),
        );
      });

      it('creates nothing from an empty batch', async () => {
        expect(await store.createMany('product', [])).toEqual([]);
        expect(await store.list('product')).toEqual([]);
      });
    });

    describe('streamed listings', () => {
      it('streams the same summaries and records as the listings, each once', async () => {
        await store.createMany(
          'customer',
          Array.from({ length: 40 }, (_, i) =>
            customerFields(`客户${i % 7}`, `1390000${String(i).padStart(4, '0')}`),
          ),
        );
        const streamed: RecordSummary[] = [];
        for await (const row of store.streamSummaries('customer')) streamed.push(row);
        const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
        expect([...streamed].sort(byId)).toEqual([...(await store.summaries('customer'))].sort(byId));
        const records: StoredRecord[] = [];
        for await (const r of store.streamRecords('customer')) records.push(r);
        const byRecordId = (a: StoredRecord, b: StoredRecord) => (a._id < b._id ? -1 : 1);
        expect([...records].sort(byRecordId)).toEqual([...(await store.list('customer'))].sort(byRecordId));
        const empty: unknown[] = [];
        for await (const row of store.streamSummaries('operator')) empty.push(row);
        for await (const r of store.streamRecords('product')) empty.push(r);
        expect(empty).toEqual([]);
      });
    });

    describe('session listing filters', () => {
      const saved = async (
        date: string,
        parts: { product?: StoredRecord; customer?: StoredRecord; status?: string; phone?: string },
      ) =>
        (
          await store.saveSession({
            date,
            tag: 't',
            build: (id) => ({
              ...sessionFor(id, parts),
              ...(parts.phone === undefined ? {} : { customer_phone: parts.phone }),
            }),
            readme: readmeOf,
          })
        ).sessionId;
      let ids: Record<string, string>;
      let zhang: StoredRecord;

      beforeEach(async () => {
        zhang = await store.create('customer', customerFields('张先生', '13800138000'));
        const li = await store.create('customer', customerFields('Li Na', '13912345678'));
        const video = await store.create('product', productFields('会员订阅服务'));
        const cloud = await store.create('product', productFields('云存储 Cloud'));
        ids = {
          a: await saved('20261101', { customer: zhang, product: video, phone: '138 0013 8000' }),
          b: await saved('20261102', {
            customer: li,
            product: cloud,
            status: 'unresolved',
            phone: '13912345678',
          }),
          c: await saved('20261103', { customer: zhang, product: cloud, status: 'partially_resolved' }),
          d: await saved('20261104', { customer: li, product: video, status: 'unresolved' }),
        };
      });

      const listed = async (filter: SessionFilter) =>
        (await store.listSessions(filter)).map((s) => s.session_id);

      it('finds a customer by part of the name, in any case', async () => {
        expect(await listed({ customer: '张' })).toEqual([ids.a, ids.c]);
        expect(await listed({ customer: 'li na' })).toEqual([ids.b, ids.d]);
        expect(await listed({ customer: '王' })).toEqual([]);
      });

      it('finds a customer by id, and by phone: the caller’s, part of it, or the customer’s now', async () => {
        expect(await listed({ customer: zhang._id })).toEqual([ids.a, ids.c]);
        expect(await listed({ customer: '139-1234-5678' })).toEqual([ids.b, ids.d]);
        expect(await listed({ customer: '8000' })).toEqual([ids.a]);
        expect(await listed({ customer: '13800138000' })).toEqual([ids.a, ids.c]);
      });

      it('finds a product by part of the name or by id', async () => {
        expect(await listed({ product: 'cloud' })).toEqual([ids.b, ids.c]);
        expect(await listed({ product: '会员' })).toEqual([ids.a, ids.d]);
      });

      it('finds sessions by resolution status', async () => {
        expect(await listed({ status: 'unresolved' })).toEqual([ids.b, ids.d]);
        expect(await listed({ status: 'resolved' })).toEqual([ids.a]);
      });

      it('finds sessions since, until and between days, and on one day', async () => {
        expect(await listed({ since: '2026-11-03' })).toEqual([ids.c, ids.d]);
        expect(await listed({ until: '20261102' })).toEqual([ids.a, ids.b]);
        expect(await listed({ since: '20261102', until: '2026-11-03' })).toEqual([ids.b, ids.c]);
        expect(await listed({ date: '20261104', since: '20261101' })).toEqual([ids.d]);
        await expect(store.listSessions({ since: 'last week' })).rejects.toMatchObject({ code: 'E_INVALID' });
      });

      it('combines filters and keeps the newest sessions under a limit, oldest first', async () => {
        expect(await listed({ customer: 'li', status: 'unresolved', product: 'cloud' })).toEqual([ids.b]);
        expect(await listed({ limit: 2 })).toEqual([ids.c, ids.d]);
        expect(await listed({ customer: '张', limit: 1 })).toEqual([ids.c]);
        await expect(store.listSessions({ limit: 0 })).rejects.toMatchObject({ code: 'E_INVALID' });
      });

      it('numbers a day’s next session after the ones listed, however many days there are', async () => {
        const next = await saved('20261103', {});
        expect(next).toBe('cs_20261103_002_t');
        expect(await listed({ date: '20261103' })).toEqual([ids.c, next]);
      });
    });
  });
}
