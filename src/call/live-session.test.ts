import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { chargesOf } from '../../test/support/fake-backend.js';
import { MemoryRecordStore } from '../store/memory/memory-record-store.js';
import { setMockResponse } from '../systems/index.js';
import { listLiveSessions, recordLiveTurn, startLiveSession, withLiveSession } from './live-session.js';

const records = JSON.parse(
  readFileSync(new URL('../../../shared/scenarios/calls/records.json', import.meta.url), 'utf8'),
) as { products: Array<Record<string, unknown>>; customers: Array<Record<string, unknown>> };

const at = (iso: string) => ({ now: () => new Date(iso) });

describe('listLiveSessions', () => {
  it('shows each live call with its product, customer and age', async () => {
    const store = new MemoryRecordStore();
    const product = await store.create('product', records.products[0]!);
    await store.create('operator', { name: 'HEAR策略' });
    const customer = await store.create('customer', records.customers[0]!);
    const { liveId } = await startLiveSession({
      store,
      product: product.name,
      operator: 'HEAR策略',
      caller: { phone: String(customer.phone) },
      language: 'zh',
      clock: at('2026-11-25T08:00:00'),
    });
    const rows = await listLiveSessions(store, { clock: at('2026-11-25T08:03:05') });
    expect(rows).toEqual([
      expect.objectContaining({
        call_id: liveId,
        product: product.name,
        customer: customer.name,
        phone: customer.phone,
        age_seconds: 185,
        age: '3分钟 · 3 min',
        turns: 0,
        ending: false,
      }),
    ]);
  });

  it('shows the id of a customer deleted since the call started', async () => {
    const store = new MemoryRecordStore();
    const product = await store.create('product', records.products[0]!);
    await store.create('operator', { name: 'HEAR策略' });
    const customer = await store.create('customer', records.customers[0]!);
    await startLiveSession({
      store,
      product: product.name,
      operator: 'HEAR策略',
      caller: { customer: customer.name },
      language: 'zh',
    });
    await store.delete('customer', customer._id);
    const [row] = await listLiveSessions(store);
    expect(row?.customer).toBe(customer._id);
  });
});

describe('recordLiveTurn', () => {
  /** A live call from 张先生, with 李女士 (a mobile) and 周伟 (a landline) in the store too. */
  async function liveCall() {
    const store = new MemoryRecordStore();
    const product = await store.create('product', records.products[0]!);
    await store.create('operator', { name: 'HEAR策略' });
    const caller = await store.create('customer', records.customers[0]!);
    await setMockResponse(store, product._id, String(caller.phone), 'user_billing', chargesOf(200));
    await store.create('customer', records.customers[1]!);
    await store.create('customer', { ...records.customers[1]!, name: '周伟', phone: '021-6666 8888' });
    const { liveId } = await startLiveSession({
      store,
      product: product.name,
      operator: 'HEAR策略',
      caller: { phone: String(caller.phone) },
      language: 'zh',
    });
    await recordLiveTurn({ store, liveId, role: 'customer', content: '你好，我想问一下会员的事' });
    const conversation = () => withLiveSession({ store, liveId, work: (s) => s.record.conversation });
    return { store, liveId, conversation };
  }

  it.each([
    ['another customer named in full', '李女士那边也是这个问题。'],
    ['another customer named with spaces', '我查到周 伟的会员也到期了。'],
    ["another customer's landline", '您也可以拨打021-6666 8888问一下。'],
    ["another customer's mobile", '李女士的号码是139 1234 5678。'],
  ])('refuses a draft with %s, and records the decision only', async (_what, draft) => {
    const { store, liveId, conversation } = await liveCall();
    const refused = recordLiveTurn({ store, liveId, role: 'agent', content: draft });
    await expect(refused).rejects.toMatchObject({
      code: 'E_REFUSED',
      details: { rule: 'other_customer_data' },
    });
    expect((await conversation()).map((t) => t.content)).not.toContain(draft);
  });

  it('refuses a draft claiming a refund no check approved, and records it once one was', async () => {
    const { store, liveId, conversation } = await liveCall();
    const draft = '好的，已经为您退款50元了。';
    await expect(recordLiveTurn({ store, liveId, role: 'agent', content: draft })).rejects.toMatchObject({
      code: 'E_REFUSED',
      details: { rule: 'commitment_without_approval' },
    });
    expect((await conversation()).map((t) => t.content)).not.toContain(draft);
    await withLiveSession({
      store,
      liveId,
      work: async (s) => {
        // Money back is checked against the charge the call read.
        await s.querySystem({ interfaceName: 'user_billing' });
        return s.checkPermission('退款50元');
      },
    });
    await recordLiveTurn({ store, liveId, role: 'agent', content: draft });
    expect((await conversation()).at(-1)).toMatchObject({ role: 'agent', content: draft });
  });

  it("records a reply that names only the caller, by the caller's name and phone", async () => {
    const { store, liveId, conversation } = await liveCall();
    const reply = '张先生您好，您登记的号码是13800138000，请问有什么可以帮您？';
    await recordLiveTurn({ store, liveId, role: 'agent', content: reply });
    expect((await conversation()).at(-1)).toMatchObject({ role: 'agent', content: reply });
  });

  it('looks customers up by what the draft holds, never by listing them all', async () => {
    const { store, liveId } = await liveCall();
    const listings = [
      vi.spyOn(store, 'summaries'),
      vi.spyOn(store, 'streamSummaries'),
      vi.spyOn(store, 'list'),
    ];
    const byNames = vi.spyOn(store, 'findByNames');
    await expect(
      recordLiveTurn({ store, liveId, role: 'agent', content: '李女士那边也是这个问题。' }),
    ).rejects.toMatchObject({ code: 'E_REFUSED' });
    for (const listing of listings) expect(listing).not.toHaveBeenCalled();
    expect(byNames).toHaveBeenCalledWith('customer', expect.arrayContaining(['李女士']));
  });
});
