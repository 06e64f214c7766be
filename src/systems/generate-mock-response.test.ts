import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { enProduct, scenarioProduct } from '../../test/support/scenario-records.js';
import type { ApiInterface } from '../domain/record-schemas.js';
import { productInterfaces } from './_interfaces.js';
import { generateMockResponse } from './generate-mock-response.js';

const now = new Date('2026-01-25T10:00:00');
const zh = scenarioProduct();
const zhApis = productInterfaces(zh);
const en = enProduct();
const enApis = productInterfaces(en);

function gen(interfaceName: string, phone = '13800138000', product = zh, apis = zhApis) {
  return generateMockResponse({
    product,
    interfaceName,
    definition: apis[interfaceName] as ApiInterface,
    phone,
    now,
  });
}

function custom(fields: string[]): ApiInterface {
  return {
    description: 'x',
    endpoint: '/api/x/{phone}',
    method: 'GET',
    params: ['phone'],
    response_fields: fields,
    mock_enabled: true,
  };
}

const ZH_MEMBERSHIPS = ['超级会员', '黄金会员', '白金会员', '连续包月会员', '年度会员'];

afterEach(() => {
  vi.restoreAllMocks();
});

describe('generateMockResponse', () => {
  it('gives the same response for the same input', () => {
    expect(gen('user_subscription')).toEqual(gen('user_subscription'));
    expect(gen('user_billing')).toEqual(gen('user_billing'));
  });

  it('gives different callers different responses', () => {
    const phones = ['13800138000', '13912345678', '13700001111', '15000000001', '18611112222'];
    const distinct = new Set(phones.map((p) => JSON.stringify(gen('user_billing', p))));
    expect(distinct.size).toBe(phones.length);
  });

  it('never uses Math.random', () => {
    const spy = vi.spyOn(Math, 'random');
    gen('user_subscription');
    gen('user_billing');
    gen('user_profile');
    expect(spy).not.toHaveBeenCalled();
  });

  it('names subscriptions after a Chinese membership product and shapes them fully', () => {
    const r = gen('user_subscription');
    expect(Object.keys(r)).toEqual(['subscriptions', 'status']);
    expect(r.status).toBe('active');
    const subs = r.subscriptions as Array<Record<string, unknown>>;
    expect(subs.length).toBeGreaterThan(0);
    for (const s of subs) {
      expect(ZH_MEMBERSHIPS).toContain(s.name);
      expect(typeof s.fee).toBe('number');
      expect(typeof s.auto_renew).toBe('boolean');
      expect(s.status).toBe('active');
      expect(String(s.start_date) <= '2026-01-25').toBe(true);
      expect(String(s.next_billing_date) > '2026-01-25').toBe(true);
    }
  });

  it('names plans after a non-membership Chinese product', () => {
    const p = scenarioProduct({ name: '云存储服务', description: '个人网盘', features: ['自动备份'] });
    const r = generateMockResponse({
      product: p,
      interfaceName: 'user_subscription',
      definition: zhApis.user_subscription as ApiInterface,
      phone: '13800138000',
      now,
    });
    for (const s of r.subscriptions as Array<{ name: string }>)
      expect(s.name.startsWith('云存储')).toBe(true);
  });

  it('writes English for an English product', () => {
    const subs = gen('user_subscription', '13800138000', en, enApis).subscriptions as Array<{ name: string }>;
    for (const s of subs) expect(s.name).toMatch(/^StreamPlus Premium (Monthly|Basic|Family|Annual)$/);
    const tx = gen('user_billing', '13800138000', en, enApis).transactions as Array<{ description: string }>;
    for (const t of tx) expect(t.description).not.toMatch(/\p{Script=Han}/u);
  });

  it('bills the caller for the subscriptions it has, with a matching total', () => {
    for (const phone of ['13800138000', '13912345678', '13700001111']) {
      const subs = gen('user_subscription', phone).subscriptions as Array<{ name: string; fee: number }>;
      const billing = gen('user_billing', phone);
      const tx = billing.transactions as Array<{
        amount: number;
        type: string;
        description: string;
        date: string;
      }>;
      expect(tx.length).toBeGreaterThan(0);
      for (const t of tx) {
        expect(t.type).toBe('charge');
        expect(subs.some((s) => t.description.includes(s.name) && s.fee === t.amount)).toBe(true);
        expect(t.date <= '2026-01-25').toBe(true);
      }
      const sum = Math.round(tx.reduce((s, t) => s + t.amount, 0) * 100) / 100;
      expect(billing.total).toBe(sum);
    }
  });

  it('gives the items of an unknown list the fields its interface’s description names', () => {
    const trips = (description: string, product = en) =>
      generateMockResponse({
        product,
        interfaceName: 'trips',
        definition: { ...custom(['trips']), description },
        phone: '13800138000',
        now,
      }).trips as Array<Record<string, unknown>>;
    for (const trip of trips('Recent trips with fare, estimate, route and driver')) {
      expect(trip).toMatchObject({ fare: expect.any(Number), route: expect.stringContaining('→') });
      expect(trip.estimated_fare as number).toBeLessThan(trip.fare as number);
      expect(typeof trip.driver).toBe('string');
      expect(trip).not.toHaveProperty('description');
    }
    for (const order of trips('查询用户近期订单及金额、状态', zh)) {
      expect(order).toMatchObject({ amount: expect.any(Number), status: expect.any(String) });
      expect(order).not.toHaveProperty('estimated_amount');
    }
    // A description naming nothing: a dated line of the product's records, as before.
    for (const line of trips('List of things')) expect(line).toHaveProperty('description');
  });

  it('bills the subscriptions the caller already has in the mock state (fixed with cs mock set)', () => {
    const stored = {
      user_subscription: {
        subscriptions: [{ name: '超级会员', fee: 15.0, start_date: '2025-12-20', auto_renew: true }],
        status: 'active',
      },
    };
    const billing = generateMockResponse({
      product: zh,
      interfaceName: 'user_billing',
      definition: zhApis.user_billing as ApiInterface,
      phone: '13800138000',
      now: new Date('2026-11-30T10:00:00'),
      stored,
    });
    const charges = billing.transactions as Array<{ date: string; amount: number; description: string }>;
    expect(charges.map((c) => c.date)).toEqual(['2026-11-20', '2026-10-20', '2026-09-20']);
    expect(charges.every((c) => c.amount === 15 && c.description.includes('超级会员'))).toBe(true);
    expect(billing.total).toBe(45);
  });

  it('gives data fields of one allowance (used, quota, remaining, overage agree)', () => {
    for (const phone of ['13800138000', '13912345678', '13700001111', '15000000001', '18611112222']) {
      const r = generateMockResponse({
        product: zh,
        interfaceName: 'data_usage',
        definition: custom(['used_gb', 'quota_gb', 'remaining_gb', 'overage_fee']),
        phone,
        now,
      }) as { used_gb: number; quota_gb: number; remaining_gb: number; overage_fee: number };
      expect(r.remaining_gb).toBe(Math.max(0, Math.round((r.quota_gb - r.used_gb) * 100) / 100));
      expect(r.overage_fee > 0).toBe(r.used_gb > r.quota_gb);
    }
  });

  it('gives a line’s status sensible values and a bill a total that sums its items', () => {
    const line = generateMockResponse({
      product: zh,
      interfaceName: 'line_status',
      definition: {
        ...custom(['online', 'speed_mbps', 'last_drop', 'fault']),
        description: '查询宽带线路在线状态与故障信息',
      },
      phone: '13800138000',
      now,
    });
    expect(line).toMatchObject({ online: true, fault: '无' });
    expect([100, 300, 500, 1000]).toContain(line.speed_mbps);
    expect(line.last_drop).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const bill = generateMockResponse({
      product: zh,
      interfaceName: 'broadband_bill',
      definition: { ...custom(['items', 'total']), description: '查询宽带月度账单' },
      phone: '13800138000',
      now,
    }) as { items: Array<{ amount: number }>; total: number };
    expect(bill.items.every((i) => typeof i.amount === 'number')).toBe(true);
    expect(bill.total).toBe(Math.round(bill.items.reduce((s, i) => s + i.amount, 0) * 100) / 100);
  });

  it('uses the customer record name for profile fields when it is known', () => {
    const r = generateMockResponse({
      product: zh,
      interfaceName: 'user_profile',
      definition: zhApis.user_profile as ApiInterface,
      phone: '13800138000',
      now,
      customerName: '张先生',
    });
    expect(r).toMatchObject({ name: '张先生', status: 'active' });
    expect(String(r.level)).toMatch(/会员$/);
  });

  it('does not take a cold-start placeholder for the account holder name', () => {
    const r = generateMockResponse({
      product: zh,
      interfaceName: 'user_profile',
      definition: zhApis.user_profile as ApiInterface,
      phone: '13700001111',
      now,
      customerName: '来电客户_1111',
    });
    expect(String(r.name)).not.toContain('来电客户');
    expect(String(r.name)).toMatch(/^\p{Script=Han}{2,3}$/u);
  });

  it.each([
    [
      'orders',
      (v: unknown) =>
        Array.isArray(v) &&
        (v as Array<Record<string, unknown>>).every(
          (o) => 'order_id' in o && 'amount' in o && 'status' in o && 'item' in o && 'date' in o,
        ),
    ],
    ['balance', (v: unknown) => typeof v === 'number'],
    ['data_usage', (v: unknown) => typeof v === 'object' && v !== null && 'used_gb' in v],
    ['is_verified', (v: unknown) => v === true],
    [
      'expire_date',
      (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && v > '2026-01-25',
    ],
    ['last_login_at', (v: unknown) => typeof v === 'string' && v < '2026-01-25'],
    ['order_count', (v: unknown) => Number.isInteger(v)],
    ['coupons', (v: unknown) => Array.isArray(v) && v.length > 0],
    ['remark', (v: unknown) => typeof v === 'string' && /\p{Script=Han}/u.test(v)],
    ['network_quality', (v: unknown) => v === '正常'],
  ])('gives the unknown field %s a sensible value', (field, check) => {
    const r = generateMockResponse({
      product: zh,
      interfaceName: 'x',
      definition: custom([field]),
      phone: '13800138000',
      now,
    });
    expect(check(r[field])).toBe(true);
  });

  it('answers exactly the response fields, as plain JSON, for any caller', () => {
    const definition = custom([
      'subscriptions',
      'transactions',
      'total',
      'orders',
      'name',
      'level',
      'status',
      'points',
    ]);
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (phone) => {
        const r = generateMockResponse({ product: zh, interfaceName: 'x', definition, phone, now });
        expect(Object.keys(r)).toEqual(definition.response_fields);
        expect(JSON.parse(JSON.stringify(r))).toEqual(r);
      }),
      { numRuns: 200 },
    );
  });
});
