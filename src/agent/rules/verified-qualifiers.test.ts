import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../call/call-agent.js';
import type { SystemQueryRecord } from '../../domain/session-schemas.js';
import { verifiedQualifiers } from './verified-qualifiers.js';

/** A sofa shop whose reschedules need a day's notice, and a call that read its delivery plan. */
function qualifiers(
  response: unknown,
  rules: string[],
  now: string,
  moneyBack = false,
  duplicateSaid = false,
): string[] {
  const plan: SystemQueryRecord = {
    interface: 'delivery_plan',
    method: 'GET',
    endpoint: '/plan',
    purpose: 'look up the delivery',
    mock: true,
    ok: true,
    response,
  };
  const ctx = {
    product: {
      name: '沙发坊',
      operator_permissions: {
        can_approve_immediately: rules,
        requires_supervisor: [],
        requires_process: [],
        forbidden: [],
      },
    },
    language: 'zh',
    systemQueries: [plan],
    now: () => new Date(now),
  } as unknown as CallContext;
  return verifiedQualifiers(ctx, moneyBack, duplicateSaid).map((q) => q.text);
}

describe('verifiedQualifiers: the hours until a booking, where a rule asks notice', () => {
  const notice = ['改送货日期（距送货时段开始24小时以上）'];
  const plan = { deliveries: [{ order: 'S-1', delivery_date: '2027-03-12', time_window: '14:00-18:00' }] };
  it('says the hours from the clock to the booking’s own time of day', () => {
    expect(qualifiers(plan, notice, '2027-03-10T10:00:00')).toEqual(['距约定时间还有52小时，']);
  });
  it('reads notice said as time before the service (改约一次（服务前24小时以上）), by the booking’s start_time', () => {
    const orders = { orders: [{ order_id: 'MF1', date: '2027-03-11', start_time: '09:00' }] };
    expect(qualifiers(orders, ['改约一次（服务前24小时以上，免费）'], '2027-03-10T10:00:00')).toEqual([
      '距约定时间还有23小时，',
    ]);
  });
  it('reads the time of day from a field named for the start (start: 14:00)', () => {
    const bookings = { bookings: [{ ref: 'B1', date: '2027-03-12', start: '14:00', hours: 3 }] };
    expect(qualifiers(bookings, notice, '2027-03-10T10:00:00')).toEqual(['距约定时间还有52小时，']);
  });
  it('says nothing of a booking already past, nor where no rule asks notice, nor for money back', () => {
    expect(qualifiers(plan, notice, '2027-03-13T10:00:00')).toEqual([]);
    expect(qualifiers(plan, ['改送货日期'], '2027-03-10T10:00:00')).toEqual([]);
    expect(qualifiers(plan, notice, '2027-03-10T10:00:00', true)).toEqual([]);
  });
});

describe('verifiedQualifiers: days since a delivery that was made', () => {
  const window = ['签收7天内的外观问题换新'];
  it('counts the days since a delivery made, not since one planned and missed', () => {
    const made = { orders: [{ delivery_date: '2027-03-08', status: '已完成' }] };
    const missed = { orders: [{ delivery_date: '2027-03-08', status: '未上门' }] };
    expect(qualifiers(made, window, '2027-03-10T10:00:00')).toEqual(['签收2天']);
    expect(qualifiers(missed, window, '2027-03-10T10:00:00')).toEqual([]);
  });
  it('counts calendar days, whatever the time of day in the record and the clock’s zone', () => {
    const thisMorning = { deliveries: [{ delivered_at: '2031-04-16 09:42', status: '已签收' }] };
    expect(qualifiers(thisMorning, window, '2031-04-16T10:00:00+08:00')).toEqual(['签收0天']);
    const lateYesterday = { deliveries: [{ delivered_at: '2031-04-15 21:30', status: '已签收' }] };
    expect(qualifiers(lateYesterday, window, '2031-04-16T10:00:00+08:00')).toEqual(['签收1天']);
  });
});

describe('verifiedQualifiers: days since something was picked up, in the rules’ own word', () => {
  it('counts from the pick-up a rule counts from (取衣7天内免费返洗)', () => {
    const tickets = { tickets: [{ ticket_no: 'Q1', status: '已取', picked_up_on: '2027-03-08' }] };
    expect(qualifiers(tickets, ['取衣7天内免费返洗'], '2027-03-10T10:00:00')).toEqual(['取衣2天']);
  });
});

describe('verifiedQualifiers: one charge the records show twice', () => {
  const payments = {
    payments: [
      { date: '2027-03-06', amount: 12, type: 'Pass renewal', status: 'paid' },
      { date: '2027-03-06', amount: 12, type: 'Pass renewal', status: 'paid' },
      { date: '2027-02-06', amount: 30, type: 'Locker hire', status: 'paid' },
    ],
  };
  const english = (response: unknown, rules: string[]): string[] => {
    const ctx = {
      product: {
        name: 'Quayside Pool',
        operator_permissions: {
          can_approve_immediately: rules,
          requires_supervisor: [],
          requires_process: [],
          forbidden: [],
        },
      },
      language: 'en',
      systemQueries: [
        {
          interface: 'payments',
          method: 'GET',
          endpoint: '/p',
          purpose: 'payments',
          mock: true,
          ok: true,
          response,
        },
      ],
      now: () => new Date('2027-03-10T10:00:00'),
    } as unknown as CallContext;
    return verifiedQualifiers(ctx, true, true).map((q) => q.text);
  };
  const rule = ['Refund a duplicate pass renewal charged to the same card'];
  it('names the duplicate by the kind of charge the rules say, for money back only', () => {
    expect(english(payments, rule)).toEqual(['duplicate pass renewal']);
    expect(qualifiers(payments, ['重复扣费全额退款'], '2027-03-10T10:00:00', true, true)).toEqual([
      '重复扣费',
    ]);
    expect(qualifiers(payments, ['重复扣费全额退款'], '2027-03-10T10:00:00', false, true)).toEqual([]);
    // Two renewals of one amount the caller does not say were one charge taken twice: not a duplicate.
    expect(qualifiers(payments, ['重复扣费全额退款'], '2027-03-10T10:00:00', true)).toEqual([]);
  });
  it("names the duplicate in the rules' own words where they name one (a duplicate debit order)", () => {
    const kinds = ['Refund billing errors - a duplicate debit order, the old plan price - up to R500'];
    expect(english(payments, kinds)).toEqual(['duplicate debit order']);
  });
  it('says nothing where no charge is there twice, or no rule gives a duplicate back', () => {
    expect(english({ payments: payments.payments.slice(1) }, rule)).toEqual([]);
    expect(english(payments, ['Refund a pass renewal'])).toEqual([]);
  });
});

describe('verifiedQualifiers: how late a visit came, where a rule turns on lateness', () => {
  const lateRule = ['技师超过承诺到达时间（市区30分钟、夜间45分钟）：免收上门费，已付的原路退回'];
  const now = '2033-01-12T10:00:00+08:00';

  it('reads the minutes late a record counts', () => {
    expect(qualifiers({ orders: [{ order_no: 'JY-1', late_minutes: 56 }] }, lateRule, now)).toContain(
      '超时56分钟',
    );
  });

  it('reads them from the time promised and the time arrived', () => {
    const order = { promised_arrival: '2033-01-11 23:53', arrived_at: '2033-01-12 00:49' };
    expect(qualifiers({ orders: [order] }, lateRule, now)).toContain('超时56分钟');
  });

  it('says nothing of a visit on time, or where no rule turns on lateness', () => {
    const onTime = { promised_arrival: '2033-01-11 23:53', arrived_at: '2033-01-11 23:40' };
    expect(qualifiers({ orders: [onTime] }, lateRule, now).some((q) => q.startsWith('超时'))).toBe(false);
    expect(
      qualifiers({ orders: [{ late_minutes: 56 }] }, ['免收上门费'], now).some((q) => q.startsWith('超时')),
    ).toBe(false);
  });
});

describe('verifiedQualifiers: a warranty in the rules’ own word', () => {
  it('says 质保期内 where the rules say 质保', () => {
    const warranty = { items: [{ item: '智能锁', warranty_until: '2033-03-17' }] };
    expect(qualifiers(warranty, ['质保期内免费上门维修'], '2033-01-12T10:00:00+08:00')).toContain('质保期内');
  });
});

describe('verifiedQualifiers: a charge the records mark as a billing error', () => {
  const ctxOf = (description: string) =>
    ({
      product: {
        name: 'Tracker',
        operator_permissions: {
          can_approve_immediately: ['Refund billing errors exactly as the records show - up to R500'],
          requires_supervisor: [],
          requires_process: [],
          forbidden: [],
        },
      },
      language: 'en',
      systemQueries: [
        {
          interface: 'billing',
          method: 'GET',
          endpoint: '/b',
          purpose: 'billing',
          mock: true,
          ok: true,
          response: { entries: [{ date: '2036-10-01', amount_rand: 189, description }] },
        },
      ],
      now: () => new Date('2036-10-08T10:00:00'),
    }) as unknown as CallContext;
  it('says "billing error" for money back where a record says so, and nothing otherwise', () => {
    const marked = 'October at the old price - BILLING ERROR R70.00';
    expect(verifiedQualifiers(ctxOf(marked), true).map((q) => q.text)).toEqual(['billing error']);
    expect(verifiedQualifiers(ctxOf('October debit order'), true)).toEqual([]);
    expect(verifiedQualifiers(ctxOf(marked), false)).toEqual([]);
  });
});
