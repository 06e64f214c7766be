import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeStore, type FakeStore } from '../../test/support/counting-store.js';
import { enProduct, scenarioProduct } from '../../test/support/scenario-records.js';
import { setMockResponse } from './mock-backend.js';
import { type MockServer, startMockServer } from './mock-server.js';

let store: FakeStore;
let server: MockServer;

const KNOWN = { id: 'c0000001', name: '张先生', phone: '13800138000' };

beforeEach(async () => {
  store = await createFakeStore({ products: [scenarioProduct()], customers: [KNOWN] });
  server = await startMockServer({ store });
});

afterEach(async () => {
  await server.close();
});

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}${path}`, { headers });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('startMockServer', () => {
  it('listens on a free loopback port and answers /health', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
    expect(await get('/health')).toEqual({ status: 200, body: { ok: true } });
  });

  it("answers the database's only product without ?product=", async () => {
    const fixed = { subscriptions: [{ name: '超级会员', fee: 15, auto_renew: true }], status: 'active' };
    await setMockResponse(store, 'ea1677ad', '13800138000', 'user_subscription', fixed);
    expect(await get('/api/user/13800138000/subscriptions')).toEqual({ status: 200, body: fixed });
  });

  it('answers 400 listing the products when several serve the path and none is named', async () => {
    await store.add(enProduct());
    const res = await get('/api/user/13800138000/subscriptions');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: {
        code: 'E_USAGE',
        message: expect.stringContaining('?product='),
        // In the store's order (by name), as every real store lists them.
        products: [
          { id: '0b1c2d3e', name: 'StreamPlus Premium' },
          { id: 'ea1677ad', name: '会员订阅服务' },
        ],
      },
    });
  });

  it('filters a billing answer by ?date= (a day or a month), keeping the stored state whole', async () => {
    const transactions = [
      { transaction_id: 'T1', date: '2026-11-11', amount: 15 },
      { transaction_id: 'T2', date: '2026-11-02', amount: 30 },
      { transaction_id: 'T3', date: '2026-10-11', amount: 15 },
    ];
    await setMockResponse(store, 'ea1677ad', '13800138000', 'user_billing', { transactions, total: 60 });
    const day = await get('/api/user/13800138000/billing?date=2026-11-11');
    expect(day.body).toEqual({ transactions: [transactions[0]], total: 15 });
    const month = await get('/api/user/13800138000/billing?date=2026-11');
    expect(month.body).toEqual({ transactions: transactions.slice(0, 2), total: 45 });
  });

  it('picks the product named by ?product= or the x-cs-product header', async () => {
    await store.add(enProduct());
    const byQuery = await get('/api/user/13800138000/subscriptions?product=StreamPlus%20Premium');
    const subs = byQuery.body.subscriptions as Array<{ name: string }>;
    expect(subs[0]?.name).toMatch(/^StreamPlus Premium/);
    const byHeader = await get('/api/user/13800138000/subscriptions', { 'x-cs-product': '0b1c2d3e' });
    expect(byHeader.body).toEqual(byQuery.body);
    // Reading generates the same response again; it never stores it.
    expect(await store.listMockStates('0b1c2d3e')).toEqual([]);
  });

  it('answers 404 for an unknown product or path, and 400 for a missing parameter', async () => {
    const unknownProduct = await get('/api/user/13800138000/subscriptions?product=nope');
    expect(unknownProduct.status).toBe(404);
    const unknownPath = await get('/api/nothing/here');
    expect(unknownPath).toMatchObject({ status: 404, body: { error: { code: 'E_NOT_FOUND' } } });
    const missing = await get('/api/user/13800138000/billing');
    expect(missing.status).toBe(400);
    expect(String((missing.body.error as { message: string }).message)).toContain('date');
    expect((await get('/api/user/13800138000/billing?date=2026-01-25')).body).toHaveProperty('transactions');
  });

  it('takes parameters from a POST body', async () => {
    const res = await fetch(`${server.url}/api/user/13800138000/billing`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ date: '2026-01-25' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toHaveProperty('total');
    const bad = await fetch(`${server.url}/api/user/13800138000/billing`, {
      method: 'POST',
      body: 'not json',
    });
    expect(bad.status).toBe(400);
  });

  it('refuses a path segment that is not a phone', async () => {
    const res = await get('/api/user/abc/subscriptions');
    expect(res.status).toBe(400);
  });

  it('answers only the database’s customers: 500 unknown phones get 404 and write nothing', async () => {
    const phones = Array.from({ length: 500 }, (_, i) => `139${String(i).padStart(8, '0')}`);
    const results = await Promise.all(phones.map((p) => get(`/api/user/${p}/subscriptions`)));
    expect(results.every((r) => r.status === 404)).toBe(true);
    expect(results[0]?.body).toMatchObject({
      error: { code: 'E_NOT_FOUND', message: expect.stringContaining('--any-caller') },
    });
    expect(store.mockWrites).toBe(0);
    expect(await store.listMockStates()).toEqual([]);
  });

  it('answers a known caller from memory, the same response every time, writing nothing', async () => {
    const first = await get('/api/user/13800138000/subscriptions');
    const again = await get('/api/user/138-0013-8000/subscriptions');
    expect(first.status).toBe(200);
    expect(first.body).toHaveProperty('subscriptions');
    expect(again.body).toEqual(first.body);
    expect(store.mockWrites).toBe(0);
  });

  it('with anyCaller answers unknown phones too, and still writes nothing', async () => {
    const open = await startMockServer({ store, anyCaller: true });
    try {
      const phones = Array.from({ length: 500 }, (_, i) => `137${String(i).padStart(8, '0')}`);
      const results = await Promise.all(
        phones.map(async (p) => (await fetch(`${open.url}/api/user/${p}/subscriptions`)).status),
      );
      expect(results.every((status) => status === 200)).toBe(true);
      expect(store.mockWrites).toBe(0);
    } finally {
      await open.close();
    }
  });
});
