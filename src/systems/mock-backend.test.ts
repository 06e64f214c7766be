import { describe, expect, it } from 'vitest';
import { createFakeStore } from '../../test/support/counting-store.js';
import { enProduct, fixedClock, scenarioProduct } from '../../test/support/scenario-records.js';
import { CsError } from '../domain/cs-error.js';
import type { Product } from '../domain/record-schemas.js';
import { filterMockResponse } from './filter-mock-response.js';
import { createMockBackend, resetMockState, setMockResponse, showMockState } from './mock-backend.js';
import { resolveQuery } from './resolve-query.js';

const phone = '13800138000';

async function query(
  backend: ReturnType<typeof createMockBackend>,
  product: Product,
  interfaceName: string,
  params: Record<string, string> = {},
) {
  return backend.query(resolveQuery({ product, phone, interfaceName, params }), { product, phone });
}

type Sub = { name: string; auto_renew: boolean; status: string };
type Tx = { amount: number; type: string; date: string; description: string; refund_of?: string };

describe('createMockBackend', () => {
  it('answers a mock query record with the purpose and a response', async () => {
    const product = scenarioProduct();
    const backend = createMockBackend({ store: await createFakeStore(), clock: fixedClock() });
    const q = await query(backend, product, 'user_subscription');
    expect(q).toMatchObject({
      interface: 'user_subscription',
      method: 'GET',
      endpoint: '/api/user/13800138000/subscriptions',
      purpose: '查询用户订阅状态',
      mock: true,
      ok: true,
    });
    expect(Object.keys(q.response as object)).toEqual(['subscriptions', 'status']);
  });

  it('stores the first response and returns it in later processes, whatever the time', async () => {
    const product = scenarioProduct();
    const store = await createFakeStore();
    const first = await query(
      createMockBackend({ store, clock: fixedClock('2026-01-25T10:00:00') }),
      product,
      'user_billing',
      {
        date: '2026-01-25',
      },
    );
    expect(store.mockWrites).toBe(1);
    // A new backend (as a new process would make) with another clock: the stored state wins.
    const later = createMockBackend({ store, clock: fixedClock('2026-09-01T10:00:00') });
    const second = await query(later, product, 'user_billing', { date: '2026-01-25' });
    expect(second.response).toEqual(first.response);
    expect(store.mockWrites).toBe(1);
    // The whole response is stored; the answer is what the date filter keeps of it.
    const state = await store.getMockState(product._id, phone);
    expect(filterMockResponse(state?.user_billing, { date: '2026-01-25' })).toEqual(first.response);
  });

  it('keeps the first stored response when two processes generate at once', async () => {
    const product = scenarioProduct();
    const store = await createFakeStore();
    const a = createMockBackend({ store, clock: fixedClock('2026-01-25T10:00:00') });
    const b = createMockBackend({ store, clock: fixedClock('2026-06-25T10:00:00') });
    const [qa, qb] = await Promise.all([
      query(a, product, 'user_subscription'),
      query(b, product, 'user_subscription'),
    ]);
    expect(qb.response).toEqual(qa.response);
  });

  it("stores every response a caller lacks in the first query's one write, as each query would have made it", async () => {
    const product = scenarioProduct({
      api_interfaces: {
        ...scenarioProduct().api_interfaces,
        live_orders: {
          description: '查询真实订单',
          endpoint: '/api/orders/{user_id}',
          method: 'GET',
          params: ['user_id'],
          response_fields: ['orders'],
          mock_enabled: false,
        },
      },
    });
    const store = await createFakeStore();
    const clock = fixedClock('2026-01-25T10:00:00');
    const backend = createMockBackend({ store, clock, onlyMockEnabled: true });
    await query(backend, product, 'user_subscription');
    expect(store.mockWrites).toBe(1);
    // A real interface (mock_enabled: false) is never given a mock response.
    const state = await store.getMockState(product._id, phone);
    expect(Object.keys(state ?? {}).sort()).toEqual(['user_billing', 'user_profile', 'user_subscription']);
    const profile = await query(backend, product, 'user_profile');
    const billing = await query(backend, product, 'user_billing', { date: '2026-01-25' });
    expect(store.mockWrites).toBe(1);
    // The same answers a store that generated each one on its own query gives.
    const alone = createMockBackend({ store: await createFakeStore(), clock, onlyMockEnabled: true });
    expect((await query(alone, product, 'user_profile')).response).toEqual(profile.response);
    const aloneBilling = createMockBackend({ store: await createFakeStore(), clock, onlyMockEnabled: true });
    expect((await query(aloneBilling, product, 'user_billing', { date: '2026-01-25' })).response).toEqual(
      billing.response,
    );
  });

  it('fills what a stored state lacks in one write and keeps what it holds', async () => {
    const product = scenarioProduct();
    const store = await createFakeStore();
    await setMockResponse(store, product._id, phone, 'user_profile', { name: '固定' });
    const backend = createMockBackend({ store, clock: fixedClock() });
    await query(backend, product, 'user_subscription');
    await query(backend, product, 'user_billing', { date: '2026-01-25' });
    expect(store.mockWrites).toBe(2);
    expect((await query(backend, product, 'user_profile')).response).toEqual({ name: '固定' });
  });

  it('bills a caller for the subscription fixed for them (cs mock set)', async () => {
    const product = scenarioProduct();
    const store = await createFakeStore();
    await setMockResponse(store, product._id, phone, 'user_subscription', {
      subscriptions: [{ name: '超级会员', fee: 15, start_date: '2025-12-20', auto_renew: true }],
      status: 'active',
    });
    const backend = createMockBackend({ store, clock: fixedClock('2026-11-30T10:00:00') });
    const month = (await query(backend, product, 'user_billing', { date: '2026-11' })).response as {
      transactions: Tx[];
    };
    expect(month.transactions).toEqual([
      expect.objectContaining({ date: '2026-11-20', amount: 15, type: 'charge' }),
    ]);
  });

  it('gives different callers different stored states', async () => {
    const product = scenarioProduct();
    const store = await createFakeStore();
    const backend = createMockBackend({ store, clock: fixedClock() });
    const a = await query(backend, product, 'user_billing', { date: '2026-01-25' });
    const other = '13912345678';
    const b = await backend.query(
      resolveQuery({ product, phone: other, interfaceName: 'user_billing', params: { date: 'x' } }),
      {
        product,
        phone: other,
      },
    );
    expect(b.response).not.toEqual(a.response);
    expect((await showMockState(store)).map((e) => e.phone)).toEqual([phone, other]);
  });

  it("answers a billing query for a day or a month with only that day's or month's transactions", async () => {
    const product = scenarioProduct();
    const store = await createFakeStore();
    const transactions = [
      { transaction_id: 'T1', date: '2026-11-11', amount: 15, type: 'charge', description: '超级会员' },
      { transaction_id: 'T2', date: '2026-11-02', amount: 30, type: 'charge', description: '黄金会员' },
      { transaction_id: 'T3', date: '2026-10-11', amount: 15, type: 'charge', description: '超级会员' },
    ];
    await setMockResponse(store, product._id, phone, 'user_billing', { transactions, total: 60 });
    const backend = createMockBackend({ store, clock: fixedClock() });
    const day = await query(backend, product, 'user_billing', { date: '2026-11-11' });
    expect(day.endpoint).toBe('/api/user/13800138000/billing?date=2026-11-11');
    expect(day.response).toEqual({ transactions: [transactions[0]], total: 15 });
    const month = await query(backend, product, 'user_billing', { date: '2026-11' });
    expect((month.response as { transactions: Tx[] }).transactions.map((t) => t.date)).toEqual([
      '2026-11-11',
      '2026-11-02',
    ]);
    // The stored state keeps every transaction.
    expect((await store.getMockState(product._id, phone))?.user_billing).toEqual({ transactions, total: 60 });
  });

  it('returns a fixed response as it is', async () => {
    const product = scenarioProduct();
    const store = await createFakeStore();
    const fixed = {
      subscriptions: [{ name: '超级会员', fee: 15.0, start_date: '2025-12-20', auto_renew: true }],
      status: 'active',
    };
    await setMockResponse(store, product._id, '138 0013 8000', 'user_subscription', fixed);
    const q = await query(createMockBackend({ store }), product, 'user_subscription');
    expect(q.response).toEqual(fixed);
  });

  it('returns a fixed response even when it lacks declared fields', async () => {
    const product = scenarioProduct();
    const store = await createFakeStore();
    await setMockResponse(store, product._id, phone, 'user_profile', { note: 'only this' });
    const q = await query(createMockBackend({ store }), product, 'user_profile');
    expect(q.response).toEqual({ note: 'only this' });
  });

  it('uses the customer record name in a generated profile', async () => {
    const product = scenarioProduct();
    const store = await createFakeStore({ customers: [{ id: '4f064bfb', name: '张先生', phone }] });
    const q = await query(createMockBackend({ store, clock: fixedClock() }), product, 'user_profile');
    expect(q.response).toMatchObject({ name: '张先生' });
  });

  it('turns auto-renewal off after an approved cancel_auto_renew', async () => {
    const product = scenarioProduct();
    const store = await createFakeStore();
    await setMockResponse(store, product._id, phone, 'user_subscription', {
      subscriptions: [
        { name: '超级会员', fee: 15, auto_renew: true },
        { name: '黄金会员', fee: 25, auto_renew: true },
      ],
      status: 'active',
    });
    const backend = createMockBackend({ store, clock: fixedClock() });
    const result = await backend.applyApprovedAction({
      product,
      phone,
      concept: 'cancel_auto_renew',
      action: '关闭自动续费',
    });
    expect(result).toEqual({ changed: true, description: '已关闭超级会员、黄金会员的自动续费' });
    const subs = (await query(backend, product, 'user_subscription')).response as { subscriptions: Sub[] };
    expect(subs.subscriptions.map((s) => s.auto_renew)).toEqual([false, false]);
    const again = await backend.applyApprovedAction({
      product,
      phone,
      concept: 'cancel_auto_renew',
      action: '关闭自动续费',
    });
    expect(again).toMatchObject({ changed: false, already: true });
    expect(again.description).toContain('已是关闭状态');
  });

  it('changes only the subscription the action names', async () => {
    const product = scenarioProduct();
    const store = await createFakeStore();
    await setMockResponse(store, product._id, phone, 'user_subscription', {
      subscriptions: [
        { name: '超级会员', auto_renew: true },
        { name: '黄金会员', auto_renew: true },
      ],
      status: 'active',
    });
    const backend = createMockBackend({ store });
    const result = await backend.applyApprovedAction({
      product,
      phone,
      concept: 'cancel_auto_renew',
      action: '关闭黄金会员的自动续费',
    });
    expect(result.description).toBe('已关闭黄金会员的自动续费');
    const subs = (await query(backend, product, 'user_subscription')).response as { subscriptions: Sub[] };
    expect(subs.subscriptions.map((s) => s.auto_renew)).toEqual([true, false]);
  });

  it('generates the state first when an action comes before any query', async () => {
    const product = scenarioProduct();
    const store = await createFakeStore();
    const backend = createMockBackend({ store, clock: fixedClock() });
    const result = await backend.applyApprovedAction({
      product,
      phone,
      concept: 'cancel-auto-renew',
      action: '取消自动续费',
    });
    const subs = (await query(backend, product, 'user_subscription')).response as { subscriptions: Sub[] };
    expect(subs.subscriptions.every((s) => s.auto_renew === false)).toBe(true);
    expect(result.description).toContain(subs.subscriptions[0]?.name);
  });

  it('appends a refund transaction and lowers the total after an approved refund', async () => {
    const product = scenarioProduct();
    const store = await createFakeStore();
    const backend = createMockBackend({ store, clock: fixedClock('2026-01-25T10:00:00') });
    const before = (await query(backend, product, 'user_billing', { date: '2026-01-25' })).response as {
      transactions: Tx[];
      total: number;
    };
    const result = await backend.applyApprovedAction({
      product,
      phone,
      concept: 'refund',
      quantity: { value: 15, unit: '元' },
      action: '退款15元',
    });
    expect(result).toEqual({ changed: true, description: '已退款15元，原路退回' });
    const after = (await query(backend, product, 'user_billing', { date: '2026-01-25' })).response as {
      transactions: Tx[];
      total: number;
    };
    expect(after.transactions).toHaveLength(before.transactions.length + 1);
    expect(after.transactions[0]).toMatchObject({ amount: -15, type: 'refund', date: '2026-01-25' });
    expect(after.total).toBe(Math.round((before.total - 15) * 100) / 100);
  });

  it('appends a refund at the end of an oldest-first fixed list', async () => {
    const product = scenarioProduct();
    const store = await createFakeStore();
    await setMockResponse(store, product._id, phone, 'user_billing', {
      transactions: [
        { date: '2025-12-20', amount: 15, type: 'charge' },
        { date: '2026-01-20', amount: 15, type: 'charge' },
      ],
      total: 30,
    });
    const backend = createMockBackend({ store, clock: fixedClock('2026-01-25T10:00:00') });
    await backend.applyApprovedAction({
      product,
      phone,
      concept: 'refund',
      quantity: { value: 15, unit: '块' },
      action: '退15块',
    });
    const after = (await store.getMockState(product._id, phone))?.user_billing as {
      transactions: Tx[];
      total: number;
    };
    expect(after.transactions.at(-1)).toMatchObject({ amount: -15, type: 'refund' });
    expect(after.total).toBe(15);
  });

  it('names the charge a refund gives back, and gives none back twice', async () => {
    const product = scenarioProduct();
    const store = await createFakeStore();
    await setMockResponse(store, product._id, phone, 'user_billing', {
      transactions: [
        { transaction_id: 'T2', date: '2026-01-20', amount: 15, type: 'charge' },
        { transaction_id: 'T1', date: '2025-12-20', amount: 15, type: 'charge' },
      ],
      total: 30,
    });
    const backend = createMockBackend({ store, clock: fixedClock('2026-01-25T10:00:00') });
    const refund = (key: string) =>
      backend.applyApprovedAction({
        product,
        phone,
        concept: 'refund',
        quantity: { value: 15, unit: '元' },
        action: '退款15元',
        idempotencyKey: key,
      });
    expect((await refund('g1')).changed).toBe(true);
    expect((await refund('g2')).changed).toBe(true);
    const after = (await store.getMockState(product._id, phone))?.user_billing as { transactions: Tx[] };
    // The newest charge first, then the one before it.
    expect(after.transactions.filter((t) => t.type === 'refund').map((t) => t.refund_of)).toEqual([
      'T1',
      'T2',
    ]);
    const third = await refund('g3');
    expect(third).toMatchObject({ changed: false, already: true });
    expect(third.description).toContain('已经退过款');
    const unchanged = (await store.getMockState(product._id, phone))?.user_billing as { transactions: Tx[] };
    expect(unchanged.transactions).toHaveLength(4);
  });

  it('leaves billing alone for a refund without an amount', async () => {
    const product = scenarioProduct();
    const store = await createFakeStore();
    const backend = createMockBackend({ store });
    const result = await backend.applyApprovedAction({ product, phone, concept: 'refund', action: '退款' });
    expect(result.changed).toBe(false);
    expect(await store.getMockState(product._id, phone)).toBeUndefined();
  });

  it('records a password reset in the profile', async () => {
    const product = scenarioProduct();
    const store = await createFakeStore();
    const backend = createMockBackend({ store, clock: fixedClock('2026-01-25T10:00:00') });
    const result = await backend.applyApprovedAction({
      product,
      phone,
      concept: 'reset_password',
      action: '重置密码',
    });
    expect(result).toEqual({ changed: true, description: '已为客户重置密码' });
    const profile = (await query(backend, product, 'user_profile')).response as Record<string, unknown>;
    expect(profile.password_reset_at).toMatch(/^2026-01-25T10:00:00\.000[+-]\d{2}:\d{2}$/);
  });

  it('says nothing changed for a password reset without a profile interface', async () => {
    const product = enProduct();
    const backend = createMockBackend({ store: await createFakeStore() });
    const result = await backend.applyApprovedAction({
      product,
      phone,
      concept: 'reset_password',
      action: 'password reset',
    });
    expect(result.changed).toBe(false);
    expect(result.description).toMatch(/no profile interface/);
  });

  it('describes changes in English for an English product', async () => {
    const product = enProduct();
    const backend = createMockBackend({ store: await createFakeStore(), clock: fixedClock() });
    const off = await backend.applyApprovedAction({
      product,
      phone,
      concept: 'cancel_auto_renew',
      action: 'cancel auto-renewal',
    });
    expect(off.description).toMatch(/^Turned off auto-renewal for StreamPlus Premium/);
    const refund = await backend.applyApprovedAction({
      product,
      phone,
      concept: 'refund',
      quantity: { value: 15, unit: '$' },
      action: 'refund $15',
    });
    expect(refund.description).toBe('Refunded $15.00 to the original payment method');
  });

  it('changes nothing for a concept it does not model', async () => {
    const product = scenarioProduct();
    const store = await createFakeStore();
    const result = await createMockBackend({ store }).applyApprovedAction({
      product,
      phone,
      concept: 'complaint',
      action: '投诉处理',
    });
    expect(result).toEqual({ changed: false, description: '投诉处理：无需更改系统数据' });
    expect(store.mockWrites).toBe(0);
    expect(await store.getMockState(product._id, phone)).toBeUndefined();
  });
});

describe('createMockBackend on a single plan', () => {
  function planProduct(fields: string[], description: string) {
    return enProduct({
      _id: '5e7b0002',
      name: 'ReelNest',
      description: 'Video streaming subscription: plans, billing and devices.',
      features: ['Basic $7.99 (HD, 1 screen)'],
      api_interfaces: {
        subscription: {
          description,
          endpoint: '/api/stream/{user_id}/subscription',
          method: 'GET',
          params: ['user_id'],
          response_fields: fields,
          mock_enabled: true,
        },
      },
    });
  }

  it('turns auto-renewal off in the plan and where the response repeats it', async () => {
    const product = planProduct(
      ['plan', 'price', 'next_billing', 'auto_renew'],
      'Current plan and auto-renewal',
    );
    const backend = createMockBackend({ store: await createFakeStore(), clock: fixedClock() });
    // A caller whose generated plan renews automatically.
    const caller = '13912345678';
    const read = async () =>
      (
        await backend.query(
          resolveQuery({ product, phone: caller, interfaceName: 'subscription', params: {} }),
          {
            product,
            phone: caller,
          },
        )
      ).response as { plan: Sub; auto_renew: boolean };
    expect(await read()).toMatchObject({ plan: { auto_renew: true }, auto_renew: true });
    const off = () =>
      backend.applyApprovedAction({
        product,
        phone: caller,
        concept: 'cancel_auto_renew',
        action: 'turn off auto-renewal',
      });
    expect(await off()).toEqual({ changed: true, description: 'Turned off auto-renewal for ReelNest Basic' });
    expect(await read()).toMatchObject({ plan: { auto_renew: false }, auto_renew: false });
    expect(await off()).toMatchObject({ changed: false, already: true });
  });

  it('cancels a membership held as one object, with the status the response repeats', async () => {
    const product = planProduct(['plan', 'status', 'expires'], 'Membership plan, status and expiry');
    const backend = createMockBackend({ store: await createFakeStore(), clock: fixedClock() });
    const result = await backend.applyApprovedAction({
      product,
      phone,
      concept: 'cancel_subscription',
      action: 'cancel my membership',
    });
    expect(result).toEqual({ changed: true, description: 'Cancelled ReelNest Basic' });
    const r = (await query(backend, product, 'subscription')).response as { plan: Sub; status: string };
    expect(r.plan).toMatchObject({ status: 'cancelled', auto_renew: false });
    expect(r.status).toBe('cancelled');
  });

  it('changes a fixed plan given by plain fields (plan name and auto_renew)', async () => {
    const product = planProduct(['plan', 'auto_renew', 'status'], 'Current plan');
    const store = await createFakeStore();
    await setMockResponse(store, product._id, phone, 'subscription', {
      plan: 'Premium',
      auto_renew: true,
      status: 'active',
    });
    const backend = createMockBackend({ store, clock: fixedClock() });
    const result = await backend.applyApprovedAction({
      product,
      phone,
      concept: 'cancel_subscription',
      action: 'cancel it',
    });
    expect(result.description).toBe('Cancelled Premium');
    expect((await store.getMockState(product._id, phone))?.subscription).toEqual({
      plan: 'Premium',
      auto_renew: false,
      status: 'cancelled',
    });
  });

  it('leaves the status of a profile alone when the subscriptions are cancelled', async () => {
    const product = scenarioProduct();
    const backend = createMockBackend({ store: await createFakeStore(), clock: fixedClock() });
    await backend.applyApprovedAction({ product, phone, concept: 'cancel_subscription', action: '取消会员' });
    expect((await query(backend, product, 'user_profile')).response).toMatchObject({ status: 'active' });
    const subs = (await query(backend, product, 'user_subscription')).response as { subscriptions: Sub[] };
    expect(subs.subscriptions.every((s) => s.status === 'cancelled')).toBe(true);
  });

  it('lowers a card statement after a refund and keeps the minimum payment within it', async () => {
    const product = scenarioProduct({
      name: '银河信用卡',
      description: '银行信用卡服务',
      api_interfaces: {
        card_bill: {
          description: '查询本期账单',
          endpoint: '/api/card/{user_id}/bill',
          method: 'GET',
          params: ['user_id'],
          response_fields: ['statement_amount', 'min_payment', 'transactions'],
          mock_enabled: true,
        },
      },
    });
    const store = await createFakeStore();
    await setMockResponse(store, product._id, phone, 'card_bill', {
      statement_amount: 30,
      min_payment: 25,
      transactions: [{ transaction_id: 'T1', date: '2026-01-10', amount: 30, description: '超市消费' }],
    });
    const backend = createMockBackend({ store, clock: fixedClock('2026-01-25T10:00:00') });
    const result = await backend.applyApprovedAction({
      product,
      phone,
      concept: 'refund',
      quantity: { value: 10, unit: '元' },
      action: '退款10元',
    });
    expect(result.changed).toBe(true);
    const bill = (await store.getMockState(product._id, phone))?.card_bill as {
      statement_amount: number;
      min_payment: number;
      transactions: Tx[];
    };
    expect(bill.statement_amount).toBe(20);
    expect(bill.min_payment).toBe(20);
    expect(bill.transactions.at(-1)).toMatchObject({ amount: -10, type: 'refund', refund_of: 'T1' });
  });
});

describe('setMockResponse / showMockState / resetMockState', () => {
  it('refuses a bad phone, a bad interface name and a non-object response', async () => {
    const store = await createFakeStore();
    await expect(setMockResponse(store, 'ea1677ad', 'abc', 'user_profile', {})).rejects.toSatisfy(
      (e) => CsError.isInstance(e) && e.code === 'E_USAGE',
    );
    await expect(setMockResponse(store, 'ea1677ad', phone, 'no spaces', {})).rejects.toSatisfy(
      (e) => CsError.isInstance(e) && e.code === 'E_USAGE',
    );
    await expect(
      setMockResponse(store, 'ea1677ad', phone, 'user_profile', [] as unknown as Record<string, unknown>),
    ).rejects.toSatisfy((e) => CsError.isInstance(e) && e.code === 'E_INVALID');
  });

  it('shows state by product and phone, and forgets it on reset', async () => {
    const store = await createFakeStore();
    await setMockResponse(store, 'aaaaaaaa', phone, 'user_profile', { name: 'A' });
    await setMockResponse(store, 'aaaaaaaa', phone, 'user_billing', { total: 1 });
    await setMockResponse(store, 'bbbbbbbb', '13912345678', 'user_profile', { name: 'B' });
    expect(await showMockState(store, 'aaaaaaaa')).toEqual([
      { productId: 'aaaaaaaa', phone, state: { user_profile: { name: 'A' }, user_billing: { total: 1 } } },
    ]);
    expect((await showMockState(store, undefined, '+86 139 1234 5678')).map((e) => e.productId)).toEqual([
      'bbbbbbbb',
    ]);
    expect(await resetMockState(store, 'aaaaaaaa', phone, 'user_profile')).toEqual({
      user_billing: { total: 1 },
    });
    expect(await resetMockState(store, 'aaaaaaaa', phone)).toEqual({});
  });
});
