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

/** Products written the way teams write them; none is known to the generator by name. */
function api(description: string, fields: string[]): ApiInterface {
  return { ...custom(fields), description };
}
const card = scenarioProduct({
  _id: 'c4rd0001',
  name: '银河信用卡',
  description: '银行信用卡服务：账单、还款、额度、年费与挂失。',
  features: ['免息期最长50天'],
  api_interfaces: {
    card_bill: api('查询本期账单、最低还款额与到期还款日', [
      'statement_amount',
      'min_payment',
      'due_date',
      'transactions',
    ]),
    card_status: api('查询卡片状态与额度', ['status', 'credit_limit', 'available', 'cards']),
    card_fees: api('查询年费、滞纳金等费用记录', ['fees']),
  },
});
const streaming = enProduct({
  _id: '5e7b0002',
  name: 'ReelNest',
  description: 'Video streaming subscription: plans, billing, devices and free trials.',
  features: [
    'Basic $7.99 (HD, 1 screen)',
    'Premium $17.99 (4K, 4 screens)',
    'Refunds up to $50',
    '7-day free trial',
  ],
  api_interfaces: {
    subscription: api('Current plan, price, next billing date and auto-renewal', [
      'plan',
      'price',
      'next_billing',
      'auto_renew',
    ]),
    billing_history: api('Past charges to the account', ['charges']),
  },
});
const gym = enProduct({
  _id: '9f1e0003',
  name: 'IronHall',
  description: 'Gym chain membership: plans, freezes, guest passes and cancellations.',
  features: ['24/7 access'],
  api_interfaces: {
    membership: api('Membership plan, status, expiry and freezes used', [
      'plan',
      'status',
      'expires',
      'freezes_used',
      'monthly_fee',
    ]),
  },
});
const rides = enProduct({
  _id: 'a11d0004',
  name: 'ZipCab',
  description: 'Ride-hailing app: book rides, fares, cancellations and driver issues.',
  features: ['Ride credits'],
  api_interfaces: {
    wallet: api('Ride credits, coupons and payment methods', ['credits', 'coupons', 'cards']),
  },
});
const phones = ['13800138000', '13912345678', '13700001111', '15000000001', '18611112222', '18600000007'];

function answer(product: typeof zh, interfaceName: string, phone = '13800138000') {
  return generateMockResponse({
    product,
    interfaceName,
    definition: productInterfaces(product)[interfaceName] as ApiInterface,
    phone,
    now,
  });
}

const isDate = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
const sum = (items: Array<{ amount: number }>) =>
  Math.round(items.reduce((s, i) => s + i.amount, 0) * 100) / 100;

describe('generateMockResponse reads fields by their meaning', () => {
  it.each([
    ['due_date', (v: unknown) => isDate(v) && String(v) > '2026-01-25'],
    ['next_billing', (v: unknown) => isDate(v) && String(v) > '2026-01-25'],
    ['valid_until', (v: unknown) => isDate(v) && String(v) > '2026-01-25'],
    ['contract_end', (v: unknown) => isDate(v) && String(v) > '2026-01-25'],
    ['statement_date', (v: unknown) => isDate(v) && String(v) <= '2026-01-25'],
    ['month', (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}$/.test(v)],
    ['credit_limit', (v: unknown) => typeof v === 'number' && v > 0],
    ['min_payment', (v: unknown) => typeof v === 'number'],
    ['deposit', (v: unknown) => typeof v === 'number'],
    ['auto_renew', (v: unknown) => typeof v === 'boolean'],
    ['is_overdue', (v: unknown) => v === false],
    ['frozen', (v: unknown) => v === false],
    ['card_number', (v: unknown) => typeof v === 'string' && /^\*{4} \d{4}$/.test(v)],
    ['freezes_used', (v: unknown) => Number.isInteger(v) && (v as number) <= 3],
    ['delivery_status', (v: unknown) => v === '配送中'],
    ['claim_status', (v: unknown) => v === '处理中'],
  ])('gives %s a value of its meaning', (field, check) => {
    const r = generateMockResponse({
      product: zh,
      interfaceName: 'x',
      definition: custom([field]),
      phone: '13800138000',
      now,
    });
    expect(check(r[field])).toBe(true);
  });

  it('makes available money beside a credit limit, and a flag elsewhere', () => {
    const credit = answer(card, 'card_status');
    expect(typeof credit.available).toBe('number');
    expect(typeof credit.credit_limit).toBe('number');
    const room = generateMockResponse({
      product: zh,
      interfaceName: 'room',
      definition: api('查询房间是否可订', ['room_type', 'available']),
      phone: '13800138000',
      now,
    });
    expect(room.available).toBe(true);
  });

  it('says a card is in good standing in the product language', () => {
    expect(answer(card, 'card_status').status).toBe('正常');
  });
});

describe('generateMockResponse keeps one response consistent', () => {
  it('makes a card statement the sum of its purchases, with a minimum payment below it and a due date ahead', () => {
    for (const phone of phones) {
      const bill = answer(card, 'card_bill', phone) as {
        statement_amount: number;
        min_payment: number;
        due_date: string;
        transactions: Array<{ amount: number; date: string; description: string }>;
      };
      expect(bill.transactions.length).toBeGreaterThan(0);
      expect(bill.statement_amount).toBe(sum(bill.transactions));
      expect(bill.min_payment).toBeGreaterThan(0);
      expect(bill.min_payment).toBeLessThanOrEqual(bill.statement_amount);
      expect(bill.due_date > '2026-01-25').toBe(true);
      for (const t of bill.transactions) {
        expect(t.date <= '2026-01-25').toBe(true);
        // A card is charged for purchases at merchants, not for renewing itself.
        expect(t.description).toMatch(/消费$/);
        expect(t.description).not.toMatch(/续费|银河信用卡/);
      }
    }
  });

  it('leaves available credit within the limit: the limit less the statement', () => {
    for (const phone of phones) {
      const status = answer(card, 'card_status', phone) as { credit_limit: number; available: number };
      const bill = answer(card, 'card_bill', phone) as { statement_amount: number };
      expect(status.available).toBeLessThanOrEqual(status.credit_limit);
      expect(status.available).toBe(Math.round((status.credit_limit - bill.statement_amount) * 100) / 100);
    }
  });

  it('makes the scalars of a plan response repeat its plan', () => {
    for (const phone of phones) {
      const r = answer(streaming, 'subscription', phone) as {
        plan: { fee: number; auto_renew: boolean; next_billing_date: string };
        price: number;
        next_billing: string;
        auto_renew: boolean;
      };
      expect(r.price).toBe(r.plan.fee);
      expect(r.auto_renew).toBe(r.plan.auto_renew);
      expect(r.next_billing).toBe(r.plan.next_billing_date);
      const m = answer(gym, 'membership', phone) as {
        plan: { fee: number; billing_cycle: string; next_billing_date: string; status: string };
        status: string;
        expires: string;
        monthly_fee: number;
      };
      expect(m.status).toBe(m.plan.status);
      expect(m.expires).toBe(m.plan.next_billing_date);
      const monthly =
        m.plan.billing_cycle === 'yearly' ? Math.round((m.plan.fee / 12) * 100) / 100 : m.plan.fee;
      expect(m.monthly_fee).toBe(monthly);
    }
  });

  it('names plans and their prices as the product features list them, and bills the one a caller holds', () => {
    const listed = [
      { name: 'ReelNest Basic', fee: 7.99 },
      { name: 'ReelNest Premium', fee: 17.99 },
    ];
    for (const phone of phones) {
      const { plan } = answer(streaming, 'subscription', phone) as { plan: { name: string; fee: number } };
      expect(listed).toContainEqual({ name: plan.name, fee: plan.fee });
      const charges = answer(streaming, 'billing_history', phone).charges as Array<{
        amount: number;
        description: string;
      }>;
      // Its systems show one plan, so the caller holds that one and is charged for it alone.
      expect(charges.length).toBeGreaterThan(0);
      for (const c of charges) {
        expect(c.amount).toBe(plan.fee);
        expect(c.description).toContain(plan.name);
      }
    }
  });

  it('gives every caller the one plan a product lists', () => {
    const solo = enProduct({ _id: '5010a005', name: 'Solo', features: ['Solo Plan $5.99 a month'] });
    for (const phone of phones) {
      const subs = generateMockResponse({
        product: solo,
        interfaceName: 'user_subscription',
        definition: enApis.user_subscription as ApiInterface,
        phone,
        now,
      }).subscriptions;
      expect(subs).toEqual([
        expect.objectContaining({ name: 'Solo Plan', fee: 5.99, billing_cycle: 'monthly' }),
      ]);
    }
  });

  it('gives a bill its month and the lines charged in it, with a total that sums them', () => {
    const telecom = scenarioProduct({
      name: '远航5G套餐',
      description: '运营商手机套餐服务',
      features: ['月租79元含30GB流量'],
    });
    for (const phone of phones) {
      const bill = generateMockResponse({
        product: telecom,
        interfaceName: 'bill_detail',
        definition: api('查询月度话费账单明细', ['month', 'items', 'total']),
        phone,
        now,
      }) as { month: string; items: Array<{ name: string; amount: number; date: string }>; total: number };
      expect(bill.items.length).toBeGreaterThan(0);
      expect(bill.items.every((i) => i.date.startsWith(bill.month) && typeof i.name === 'string')).toBe(true);
      expect(bill.total).toBe(sum(bill.items));
    }
  });
});

describe('generateMockResponse shapes list items by the list and the product', () => {
  it('gives fees the types the interface description names', () => {
    const fees = answer(card, 'card_fees').fees as Array<Record<string, unknown>>;
    expect(fees.map((f) => f.type).sort()).toEqual(['年费', '滞纳金']);
    for (const fee of fees) {
      expect(typeof fee.amount).toBe('number');
      expect(isDate(fee.date)).toBe(true);
    }
    const en = generateMockResponse({
      product: streaming,
      interfaceName: 'fees',
      definition: api('Annual fee, late fees and other charges on the card', ['fees']),
      phone: '13800138000',
      now,
    }).fees as Array<{ type: string }>;
    expect(en.map((f) => f.type).sort()).toEqual(['annual fee', 'late fee']);
  });

  it('gives cards a masked number, a type and a status', () => {
    for (const phone of phones) {
      for (const c of answer(card, 'card_status', phone).cards as Array<Record<string, unknown>>) {
        expect(c.number).toMatch(/^\*{4} \d{4}$/);
        expect(typeof c.type).toBe('string');
        expect(c.status).toBe('正常');
      }
    }
  });

  it('gives credits a reason, an amount and an expiry, and coupons a name, a discount and an expiry', () => {
    const wallet = answer(rides, 'wallet');
    for (const c of wallet.credits as Array<Record<string, unknown>>) {
      expect(c).toMatchObject({ reason: expect.any(String), amount: expect.any(Number) });
      expect(String(c.expires) > '2026-01-25').toBe(true);
    }
    for (const c of wallet.coupons as Array<Record<string, unknown>>) {
      expect(c.name).toMatch(/^\$\d+ off your next ride$/);
      expect(typeof c.discount).toBe('number');
      expect(String(c.expires) > '2026-01-25').toBe(true);
    }
  });

  it.each([
    ['a card', '银行卡服务', /消费$/],
    ['a shop', '综合电商平台，七天无理由退货', /^订单：/],
    ['a food delivery', '本地外卖平台', /^外卖订单：/],
    ['a subscription', '视频平台的会员订阅服务', /自动续费扣款$|^开通/],
  ])('describes the charges of %s by what it sells', (_kind, description, line) => {
    const product = scenarioProduct({
      _id: `p-${description.length}`,
      name: '青柠',
      description,
      features: [],
    });
    const tx = generateMockResponse({
      product,
      interfaceName: 'billing',
      definition: api('查询扣费记录', ['transactions', 'total']),
      phone: '13800138000',
      now,
    }).transactions as Array<{ description: string }>;
    expect(tx.length).toBeGreaterThan(0);
    for (const t of tx) expect(t.description).toMatch(line);
  });

  it('charges a fee per use where the interfaces say so, not a plan’s renewals', () => {
    const product = scenarioProduct({
      _id: 'p-lockers',
      name: 'ParcelHub',
      description: 'Smart parcel lockers',
      features: [],
      api_interfaces: {
        fee_charges: api('Storage fees charged to the customer', ['charges', 'total']),
      },
    });
    const res = generateMockResponse({
      product,
      interfaceName: 'fee_charges',
      definition: api('Storage fees charged to the customer', ['charges', 'total']),
      phone: '13800138000',
      now,
    });
    const charges = res.charges as Array<{ description: string; amount: number }>;
    expect(charges.length).toBeGreaterThan(0);
    for (const c of charges) {
      expect(c.description).toBe('ParcelHub Storage fee');
      expect(c.amount).toBeLessThanOrEqual(7);
    }
  });
});

describe('generateMockResponse: a field a mock cannot know', () => {
  it('leaves out a model or a store rather than filling them with 正常, and keeps a quality', () => {
    const r = generateMockResponse({
      product: zh,
      interfaceName: 'x',
      definition: custom(['model', 'store', 'battery_health', 'fitted_on']),
      phone: '13800138000',
      now,
    });
    expect(r).not.toHaveProperty('model');
    expect(r).not.toHaveProperty('store');
    expect(r.battery_health).toBe('正常');
    expect(typeof r.fitted_on).toBe('string');
  });
});

describe('generateMockResponse: what a school or a shop sells', () => {
  const payments: ApiInterface = {
    description: '本账户的付款与退款：订单号、项目、金额、付款日期',
    endpoint: '/api/payments/{mobile}',
    method: 'GET',
    params: ['mobile'],
    response_fields: ['payments', 'order_no', 'item', 'amount_yuan', 'paid_on'],
    mock_enabled: true,
  };
  const school = (features: string[]) =>
    ({
      ...zh,
      name: '海豚少儿游泳',
      description: '少儿游泳培训，课包制',
      features,
      api_interfaces: { payments },
    }) as typeof zh;
  const textOf = (product: typeof zh, phone: string) =>
    JSON.stringify(
      generateMockResponse({ product, interfaceName: 'payments', definition: payments, phone, now }),
    );

  it('bills the lessons the features list, at their prices', () => {
    const product = school(['课包：小班20节3600元（有效期6个月）、私教10节3800元（有效期12个月）']);
    for (const phone of ['13800138000', '13912345678', '13700001111']) {
      const text = textOf(product, phone);
      expect(text).toMatch(/小班20节|私教10节/);
      expect(text).not.toMatch(/Python|Excel|数据分析/);
    }
  });

  it('names what was bought after what the features sell, not after a plan', () => {
    const deliveries: ApiInterface = {
      description: '送到本手机号的配送：订单号、款式、状态',
      endpoint: '/api/deliveries/{mobile}',
      method: 'GET',
      params: ['mobile'],
      response_fields: ['deliveries', 'order_no', 'product', 'status'],
      mock_enabled: true,
    };
    const bakery = {
      ...zh,
      name: '麦田蛋糕',
      description: '蛋糕定制，会员储值卡',
      features: ['款式：草莓奶油6寸168元、双层翻糖688元'],
      api_interfaces: { deliveries },
    } as typeof zh;
    const text = JSON.stringify(
      generateMockResponse({
        product: bakery,
        interfaceName: 'deliveries',
        definition: deliveries,
        phone: '13800138000',
        now,
      }),
    );
    expect(text).toMatch(/草莓奶油6寸|双层翻糖/);
    expect(text).not.toContain('会员');
  });

  it("bills a school with no price list for its own course, not a platform's", () => {
    const text = textOf(school(['周一闭馆']), '13800138000');
    expect(text).toContain('海豚少儿游泳');
    expect(text).not.toMatch(/Python|Excel|数据分析|英语口语/);
  });
});
