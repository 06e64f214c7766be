import { describe, expect, it } from 'vitest';
import { fakeBackend } from '../../test/support/fake-backend.js';
import { queryRecord } from '../../test/support/query-record.js';
import { testRecord } from '../../test/support/scenario-records.js';
import type { SystemQueryRecord } from '../domain/session-schemas.js';
import { checkPermission, compileRules } from '../permissions/index.js';
import { CallSession } from './call-session.js';
import { boundByVerifiedCharge, paidItems, verifiedPaid } from './verified-charges.js';

const rules = compileRules({
  can_approve_immediately: ['退款<100元', '取消自动续费'],
  requires_supervisor: ['退款>=100元'],
  requires_process: [],
  forbidden: [],
});

const ordersQuery = (amount: number): SystemQueryRecord => ({
  interface: 'orders',
  method: 'GET',
  endpoint: '/orders',
  purpose: '查询订单',
  mock: true,
  ok: true,
  response: { orders: [{ order_id: 'O1', item: '会员月费', amount }] },
});

const query = queryRecord;

describe('verifiedPaid: the same query run again', () => {
  it('counts its charges once, so one charge is not read as taken twice', () => {
    expect(verifiedPaid([ordersQuery(19), ordersQuery(19)]).items.map((i) => i.value)).toEqual([19]);
  });
});

describe('verifiedPaid: a ledger', () => {
  const entry = (date: string) => ({ date, ref: 'INV-1', description: 'range service', amount_eur: 235 });
  it("reads a ledger's entries as charges, so one taken twice is seen", () => {
    const paid = verifiedPaid([
      query('account_ledger', { entries: [entry('2035-12-20 15:41'), entry('2035-12-20 15:43')] }),
    ]);
    expect(paid.fromRecords).toBe(true);
    expect(paid.items.map((i) => i.value)).toEqual([235, 235]);
  });
  it("reads a transactions interface's entries as charges too, with the items of each", () => {
    const paid = verifiedPaid([
      query('nv_transactions', {
        entries: [
          { date: '2036-07-07', amount_eur: 26, items: [{ item: 'Standing charge July', amount_eur: 13 }] },
        ],
      }),
    ]);
    expect(paid.fromRecords).toBe(true);
    expect(paid.items.map((i) => i.value)).toEqual([26, 13]);
  });
  it("leaves a gate's entries with their fees to other readings (not a list of charges)", () => {
    expect(
      verifiedPaid([query('entry_logs', { entries: [{ date: '2033-04-01', fee_yuan: 12 }] })]).fromRecords,
    ).toBe(false);
  });
});

describe('boundByVerifiedCharge', () => {
  it('finds a fee where a record says it was raised, or names its currency', () => {
    expect(paidItems({ visits: [{ ref: 'V1', fee_raised: 25 }] }).map((i) => i.value)).toEqual([25]);
    expect(paidItems({ bills: [{ ref: 'B1', total_gbp: 48.5 }] }).map((i) => i.value)).toEqual([48.5]);
    expect(paidItems({ bills: [{ ref: 'B1', refunded_gbp: 10 }] })).toEqual([]);
    expect(paidItems({ entries: [{ date: '2027-06-07', amount_cad: 20 }] }).map((i) => i.value)).toEqual([
      20,
    ]);
  });

  it('leaves a count given back (lesson hours) to its rule: it moves no money', () => {
    const hours = compileRules({
      can_approve_immediately: ['补偿课时<=2课时'],
      requires_supervisor: [],
      requires_process: [],
      forbidden: [],
    });
    const decided = boundByVerifiedCharge(checkPermission(hours, '给我补一个课时'), [], true);
    expect(decided.status).toBe('can_approve_immediately');
  });

  it('leaves compensation for something broken to its own limit: no charge is what it was worth', () => {
    const goods = compileRules({
      can_approve_immediately: ['运输途中损坏赔偿<=300元', '服务不满意补偿<=50元'],
      requires_supervisor: [],
      requires_process: [],
      forbidden: [],
    });
    const broken = boundByVerifiedCharge(checkPermission(goods, '花瓶运输途中损坏了，赔偿260元'), [
      ordersQuery(80),
    ]);
    expect(broken.status).toBe('can_approve_immediately');
    // Compensation for the service itself is still bound by what it cost.
    expect(
      boundByVerifiedCharge(checkPermission(goods, '服务不满意补偿40元'), [ordersQuery(25)]).status,
    ).toBe('forbidden');
  });

  it('refuses money back above what the call showed was paid, saying why', () => {
    const decided = boundByVerifiedCharge(checkPermission(rules, '退款50元'), [ordersQuery(25)]);
    expect(decided.status).toBe('forbidden');
    expect(decided.reason).toContain('25');
    expect(decided.parts[0]?.status).toBe('forbidden');
  });

  it('lets money back up to what was paid, and anything when nothing paid is on record', () => {
    expect(boundByVerifiedCharge(checkPermission(rules, '退款25元'), [ordersQuery(25)]).status).toBe(
      'can_approve_immediately',
    );
    expect(boundByVerifiedCharge(checkPermission(rules, '退款50元'), []).status).toBe(
      'can_approve_immediately',
    );
  });

  it('lets the latest charges of a list be given back together, not any amount under their sum', () => {
    const monthly: SystemQueryRecord = {
      ...ordersQuery(0),
      response: {
        charges: [
          { date: '2026-09-04', amount: 7.99, description: 'renewal' },
          { date: '2026-11-04', amount: 7.99, description: 'renewal' },
          { date: '2026-10-04', amount: 7.99, description: 'renewal' },
        ],
      },
    };
    const decide = (action: string) =>
      boundByVerifiedCharge(checkPermission(rules, action), [monthly]).status;
    expect(decide('退款15.98元')).toBe('can_approve_immediately');
    expect(decide('退款23.97元')).toBe('can_approve_immediately');
    expect(decide('退款12元')).toBe('forbidden');
    expect(decide('退款30元')).toBe('forbidden');
  });

  it('adds up no amounts found outside a list of records (an item and its total are one payment)', () => {
    const bill: SystemQueryRecord = {
      ...ordersQuery(0),
      response: { items_due: { plan: 35 }, total: 35 },
    };
    expect(boundByVerifiedCharge(checkPermission(rules, '退款70元'), [bill]).status).toBe('forbidden');
  });

  it('leaves other actions and decisions that are not approvals as they are', () => {
    expect(boundByVerifiedCharge(checkPermission(rules, '取消自动续费'), [ordersQuery(25)]).status).toBe(
      'can_approve_immediately',
    );
    expect(boundByVerifiedCharge(checkPermission(rules, '退款200元'), [ordersQuery(25)]).status).toBe(
      'requires_supervisor',
    );
  });
});

describe('boundByVerifiedCharge: the bill is the record of payments', () => {
  const subscription = query('user_subscription', { subscriptions: [{ name: '超级会员', fee: 15 }] });

  it('leaves an action on a case alone: hurrying a claim moves no money', () => {
    const claims = compileRules({
      can_approve_immediately: ['催办理赔', '退还多扣保费<100元'],
      requires_supervisor: [],
      requires_process: [],
      forbidden: [],
    });
    const empty = query('payments', { payments: [], total: 0 });
    expect(boundByVerifiedCharge(checkPermission(claims, '催办理赔'), [empty]).status).toBe(
      'can_approve_immediately',
    );
    expect(boundByVerifiedCharge(checkPermission(claims, '退还多扣保费30元'), [empty]).status).toBe(
      'forbidden',
    );
  });

  it('refuses money back when the bill read shows no payment, however the price reads', () => {
    const empty = query('user_billing', { transactions: [], total: 0 });
    const decided = boundByVerifiedCharge(checkPermission(rules, '退款15元'), [subscription, empty]);
    expect(decided.status).toBe('forbidden');
    expect(decided.reason).toContain('没有对应的付款');
    // Refunds in the list are not payments.
    const refunded = query('user_billing', { transactions: [{ amount: -15, type: 'refund' }] });
    expect(boundByVerifiedCharge(checkPermission(rules, '退款15元'), [refunded]).status).toBe('forbidden');
  });

  it('bounds by the payments in the lists, not by a price elsewhere', () => {
    const billed = query('user_billing', { transactions: [{ amount: 10, type: 'charge' }], total: 10 });
    expect(boundByVerifiedCharge(checkPermission(rules, '退款15元'), [subscription, billed]).status).toBe(
      'forbidden',
    );
    expect(boundByVerifiedCharge(checkPermission(rules, '退款10元'), [subscription, billed]).status).toBe(
      'can_approve_immediately',
    );
    // No list of payments read: a price stands in for what was paid, as before.
    expect(boundByVerifiedCharge(checkPermission(rules, '退款15元'), [subscription]).status).toBe(
      'can_approve_immediately',
    );
    const fees = query('card_fees', { fees: [{ type: '年费', amount: 280 }] });
    expect(verifiedPaid([fees])).toEqual({
      items: [{ value: 280, text: '年费', source: 'card_fees' }],
      refunded: [],
      recordsShowNone: false,
      allRefunded: false,
      fromRecords: true,
    });
  });

  it('counts a charge given back as not paid: by the refund that names it, else by its amount', () => {
    const charge = (id: string, date: string, amount: number) => ({
      transaction_id: id,
      date,
      amount,
      type: 'charge',
    });
    const nov = charge('T11', '2026-11-20', 15);
    const oct = charge('T10', '2026-10-20', 15);
    const named = query('billing', {
      transactions: [
        { transaction_id: 'R1', date: '2026-11-30', amount: -15, type: 'refund', refund_of: 'T10' },
        nov,
        oct,
      ],
    });
    expect(verifiedPaid([named]).items.map((i) => i.text)).toEqual(['T11 2026-11-20 charge']);
    expect(verifiedPaid([named]).refunded.map((i) => i.text)).toEqual(['T10 2026-10-20 charge']);
    // A refund without a reference gives back the latest charge of its amount from before it.
    const unnamed = query('billing', {
      transactions: [{ id: 'R1', date: '2026-11-30', amount: -15, type: 'refund' }, nov, oct],
    });
    expect(verifiedPaid([unnamed]).items.map((i) => i.text)).toEqual(['T10 2026-10-20 charge']);
    // A charge whose status says it was refunded is not paid either.
    const status = query('orders', { orders: [{ order_id: 'O1', amount: 30, status: 'refunded' }] });
    expect(verifiedPaid([status])).toMatchObject({ items: [], recordsShowNone: true, allRefunded: true });
  });

  it('reads a list whose entries carry no amount (repair orders) as no record of payments', () => {
    const repairs = query('repair_orders', {
      orders: [{ id: '1796502', type: '故障报修', status: '处理中' }],
    });
    const bill = query('broadband_bill', { items: [{ name: '千兆宽带月租', amount: 120 }], total: 120 });
    // The bill's items are its charges; the repair orders add none.
    expect(verifiedPaid([bill, repairs])).toMatchObject({ recordsShowNone: false });
    expect(verifiedPaid([bill, repairs]).items.map((i) => i.value)).toEqual([120]);
    expect(verifiedPaid([repairs])).toMatchObject({ recordsShowNone: false, fromRecords: false });
    // An empty list of charges still says nothing was paid.
    expect(verifiedPaid([query('billing', { transactions: [] })]).recordsShowNone).toBe(true);
  });

  it('refuses a refund of a charge already given back, saying so', () => {
    const billed = query('billing', {
      transactions: [
        { transaction_id: 'T1', date: '2026-11-20', amount: 15, type: 'charge' },
        { transaction_id: 'R1', date: '2026-11-30', amount: -15, type: 'refund', refund_of: 'T1' },
      ],
    });
    const decided = boundByVerifiedCharge(checkPermission(rules, '退款15元'), [billed]);
    expect(decided.status).toBe('forbidden');
    expect(decided.reason).toContain('已经退款');
  });
});

describe('paidItems', () => {
  it('finds paid amounts under any key of any depth, and what was charged over a quote', () => {
    const items = paidItems({ trips: [{ trip_id: 'T1', fare: 31.9, estimated_fare: 22.4 }], total: 0 });
    expect(items).toEqual([{ value: 31.9, text: 'T1', over: 9.5 }]);
  });
});

describe('CallSession: money back bounded on every path', () => {
  it('a check above the charge queried in the call is refused, with no approval to act on', async () => {
    const product = testRecord('product', '0000000a', {
      name: '会员',
      api_interfaces: {
        orders: {
          description: '查询订单',
          endpoint: '/api/{user_id}/orders',
          method: 'GET',
          params: ['user_id'],
          response_fields: ['orders'],
          mock_enabled: true,
        },
      },
      operator_permissions: {
        can_approve_immediately: ['退款<100元'],
        requires_supervisor: ['退款>=100元'],
        requires_process: [],
        forbidden: [],
      },
    });
    const session = new CallSession({
      participants: {
        product,
        operator: testRecord('operator', '0000000b', { name: 'HEAR' }),
        customer: testRecord('customer', '0000000c', { name: '何敏', phone: '13700001111' }),
        phone: '13700001111',
        coldStart: false,
      },
      backend: fakeBackend(() => ordersQuery(25).response),
      language: 'zh',
    });
    await session.querySystem({ interfaceName: 'orders' });
    const decided = await session.checkPermission('退款50元');
    expect(decided.status).toBe('forbidden');
    await expect(session.performApprovedAction('退款50元')).rejects.toMatchObject({ code: 'E_REFUSED' });
    expect((await session.checkPermission('退款20元')).status).toBe('can_approve_immediately');
  });
});

describe('verifiedPaid: an amount named for what it is', () => {
  const q = (response: unknown) => ({ interface: 'rides', ok: true, response }) as never;
  it('reads a ride_fee when the entry has no plain amount, and a total before a delivery_fee', () => {
    expect(
      verifiedPaid([q({ orders: [{ order_id: 'r1', ride_fee: 7, dispatch_fee: 0 }] })]).items.map(
        (i) => i.value,
      ),
    ).toEqual([7]);
    expect(
      verifiedPaid([q({ orders: [{ order_id: 'o1', delivery_fee: 4.99, total: 35 }] })]).items.map(
        (i) => i.value,
      ),
    ).toEqual([35]);
  });
});

describe('boundByVerifiedCharge: money in pounds and euros', () => {
  const query = (amount: number): SystemQueryRecord => ({
    interface: 'tickets',
    method: 'GET',
    endpoint: '/tickets',
    purpose: 'look up tickets bought',
    mock: true,
    ok: true,
    response: { orders: [{ order_id: 'T9', item: 'Matinee seat', amount }] },
  });
  const inCurrency = (sign: string) =>
    compileRules({
      can_approve_immediately: [`refund <= ${sign}80`],
      requires_supervisor: [`refund > ${sign}80`],
      requires_process: [],
      forbidden: [],
    });

  it.each([
    ['£', 'refund £60'],
    ['€', 'refund 60 euros'],
  ])('refuses %s money back above what was paid, and lets what was paid', (sign, action) => {
    const rules = inCurrency(sign);
    expect(boundByVerifiedCharge(checkPermission(rules, action), [query(45)]).status).toBe('forbidden');
    expect(boundByVerifiedCharge(checkPermission(rules, action), [query(60)]).status).toBe(
      'can_approve_immediately',
    );
  });
});

describe('boundByVerifiedCharge: a deposit is given back as held, not as paid', () => {
  const deposits = compileRules({
    can_approve_immediately: ['退还押金99元：账户没有进行中订单，只退回原支付账户', 'refund the bond'],
    requires_supervisor: [],
    requires_process: [],
    forbidden: [],
  });
  const account = (held: Record<string, unknown>): SystemQueryRecord => ({
    interface: 'account',
    method: 'GET',
    endpoint: '/account',
    purpose: '查询账户',
    mock: true,
    ok: true,
    response: { ...held, orders: [{ order_no: 'R1', fee_yuan: 8 }] },
  });
  it('bounds 退还押金99元 by the deposit read (99), not the rentals charged (8)', () => {
    const decided = checkPermission(deposits, '退还押金99元');
    expect(boundByVerifiedCharge(decided, [account({ deposit_yuan: 99 })]).status).toBe(
      'can_approve_immediately',
    );
    const more = boundByVerifiedCharge(decided, [
      account({ deposit_yuan: 49, deposit_paid_on: '2030-10-03' }),
    ]);
    expect(more.status).toBe('forbidden');
    expect(more.reason).toContain('押金49');
  });
  it('leaves a deposit no query read to the charges, as before', () => {
    const decided = checkPermission(deposits, '退还押金99元');
    expect(boundByVerifiedCharge(decided, [account({})]).status).toBe('forbidden');
  });
});

describe('verifiedPaid: an order read by its own payments and refunds', () => {
  it('keeps the payment that stands and counts the one marked refunded as given back', () => {
    const order = {
      order_no: 'CY-1',
      item: '10次卡',
      paid_yuan: 1380,
      payments: [
        { channel: '信用卡', at: '2035-12-21 19:05:33', amount_yuan: 1380, status: '成功' },
        { channel: '信用卡', at: '2035-12-21 19:06:10', amount_yuan: 1380, status: '重复扣款，已退款' },
      ],
      refunds: [{ at: '2035-12-23 11:20', amount_yuan: 1380, status: '退款成功' }],
    };
    const paid = verifiedPaid([query('cy_orders', { orders: [order] })]);
    expect(paid.items.map((i) => i.value)).toEqual([1380]);
    expect(paid.items[0]?.text).toContain('成功');
    expect(paid.refunded.map((i) => i.value)).toEqual([1380]);
  });
  it('reads a refund listed inside an order as no payment', () => {
    const order = { order_no: 'O-2', price: 300, refunds: [{ at: '2035-12-23', amount: 100 }] };
    const paid = verifiedPaid([query('orders', { orders: [order] })]);
    expect(paid.items.map((i) => i.value)).toEqual([300]);
    expect(paid.refunded.map((i) => i.value)).toEqual([100]);
  });
});

describe('boundByVerifiedCharge: a refund the records worked out at nothing owed (held-out round 56)', () => {
  const check = (refundable: number) =>
    query('refund_check', {
      refund_check: { order_no: 'LW1', finding: '不足24小时取消，按规则不退', refundable },
    });
  it('sends money asked back anyway to a supervisor, never approving it', () => {
    const decided = boundByVerifiedCharge(checkPermission(rules, '退款72元'), [ordersQuery(720), check(0)]);
    expect(decided.status).toBe('requires_supervisor');
  });
  it('leaves a refund the records owe to its rule, and a refund made (refund_amount: 0) to the charges', () => {
    expect(
      boundByVerifiedCharge(checkPermission(rules, '退款72元'), [ordersQuery(720), check(72)]).status,
    ).toBe('can_approve_immediately');
    const made = query('orders', { orders: [{ order_id: 'O1', amount: 72, refund_amount: 0 }] });
    expect(boundByVerifiedCharge(checkPermission(rules, '退款72元'), [made]).status).toBe(
      'can_approve_immediately',
    );
  });
});
