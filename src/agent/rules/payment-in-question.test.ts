import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../call/call-agent.js';
import { amountsFound, feeNamed, verifiedCharge } from './payment-in-question.js';

/** A call whose billing query returned three monthly charges of 9.99. */
function callAfter(line: string): CallContext {
  const charges = ['2026-11-12', '2026-10-12', '2026-09-12'].map((date, i) => ({
    charge_id: `SV${i}`,
    date,
    amount: 9.99,
    description: 'Premium 2 TB monthly',
    status: 'paid',
  }));
  return {
    language: 'en',
    now: () => new Date('2026-11-30T10:00:00Z'),
    conversation: [{ role: 'customer', content: line }],
    systemQueries: [{ interface: 'billing_history', ok: true, response: { charges }, params: {} }],
  } as unknown as CallContext;
}

describe('verifiedCharge: how many of the charges a line means', () => {
  it.each([
    ['Can you refund the last three months?', 29.97],
    ['refund all of the last three months', 29.97],
    ['refund the past two months', 19.98],
    ['refund last month', 9.99],
  ])('"%s" is %s', (line, amount) => {
    expect(verifiedCharge(callAfter(line), line)).toBe(amount);
  });
});

describe('verifiedCharge: what was charged too much', () => {
  const callWith = (charges: unknown[], line: string): CallContext =>
    ({
      language: 'zh',
      now: () => new Date('2026-11-30T10:00:00Z'),
      conversation: [{ role: 'customer', content: line }],
      systemQueries: [{ interface: 'freight_charges', ok: true, response: { charges }, params: {} }],
    }) as unknown as CallContext;

  it('is a whole charge when nothing was quoted (a charge taken twice)', () => {
    const twice = [1, 2].map((n) => ({
      charge_id: `SC${n}`,
      date: '2026-11-30',
      amount: 20,
      status: '已支付',
    }));
    const line = '同一个单号扣了我两回钱，二十块二十块的，多扣的那笔给我退回来';
    expect(verifiedCharge(callWith(twice, line), '多扣的那笔给我退回来')).toBe(20);
  });

  it('is what was charged over the quote when there was one', () => {
    const over = [{ trip_id: 'R1', date: '2026-11-29', fare: 38, estimated_fare: 30 }];
    expect(verifiedCharge(callWith(over, '多收的差价退给我'), '多收的差价退给我')).toBe(8);
  });
});

describe('feeNamed and amountsFound: a fee field beside an order', () => {
  const order = {
    orders: [{ order_id: 'MD-1', subtotal: 41.48, delivery_fee: 4.99, total: 46.47, status: 'delivered' }],
  };
  const callSaying = (line: string): CallContext =>
    ({
      language: 'en',
      conversation: [{ role: 'customer', content: line }],
      systemQueries: [{ interface: 'orders', ok: true, response: order, params: {} }],
    }) as unknown as CallContext;

  it('finds the fee the caller names, and none they do not', () => {
    expect(feeNamed(callSaying('you still tacked on a delivery fee, can I get that back'))).toBe(4.99);
    expect(feeNamed(callSaying('can I get my money back'))).toBeUndefined();
  });

  it('lists every fee field among the amounts found', () => {
    expect(amountsFound(callSaying('anything'))).toContain(4.99);
  });
});
