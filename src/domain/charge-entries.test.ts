import { describe, expect, it } from 'vitest';
import { unrefunded } from './charge-entries.js';

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
