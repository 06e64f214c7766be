import { describe, expect, it } from 'vitest';
import { chargesOf, unrefunded } from './charge-entries.js';

describe('unrefunded', () => {
  const charge = (status: string) => ({ date: '2033-01-04', amount_gbp: 19, status });

  it('takes a charge whose status says refunded out of the charges', () => {
    const list = [charge('collected'), charge('refunded')];
    expect(unrefunded(list)).toEqual({ entries: [list[0]], refunded: [list[1]] });
  });

  it('keeps a charge whose refund is still to come', () => {
    for (const status of ['collected in error - not yet refunded', 'pending refund', '重复扣款，待退款']) {
      const list = [charge('collected'), charge(status)];
      expect(unrefunded(list).entries).toEqual(list);
    }
  });
});

describe('chargesOf', () => {
  it('reads a statement written from the customer’s side: debits are the charges, top-ups none', () => {
    const list = [
      { time: '2035-12-30 21:02', type: '订场', amount_yuan: -180 },
      { time: '2035-12-30 21:03', type: '订场', amount_yuan: -180 },
      { time: '2035-03-16 20:11', type: '充值', amount_yuan: 1000 },
      { time: '2035-12-31 09:00', type: '退款', amount_yuan: 180 },
    ];
    expect(chargesOf(list)).toEqual([
      { time: '2035-12-30 21:02', type: '订场', amount_yuan: 180 },
      { time: '2035-12-30 21:03', type: '订场', amount_yuan: 180 },
      { time: '2035-12-31 09:00', type: '退款', amount_yuan: 180 },
    ]);
  });

  it('leaves a list of charges with refunds written negative as it is', () => {
    const list = [
      { date: '2033-01-04', amount: 19, type: 'charge' },
      { date: '2033-01-05', amount: -19, type: 'refund' },
    ];
    expect(chargesOf(list)).toEqual(list);
  });
});
