import { describe, expect, it } from 'vitest';
import { scenarioProduct } from '../../test/support/scenario-records.js';
import { filterMockResponse, filterParams } from './filter-mock-response.js';
import { resolveQuery } from './resolve-query.js';

const billing = {
  transactions: [
    { transaction_id: 'T1', date: '2026-11-11', amount: 15, type: 'charge' },
    { transaction_id: 'T2', date: '2026-11-11', amount: -5, type: 'refund' },
    { transaction_id: 'T3', date: '2026-11-02', amount: 30, type: 'charge' },
    { transaction_id: 'T4', date: '2026-10-11', amount: 15, type: 'charge' },
  ],
  total: 55,
};
const ids = (response: unknown) =>
  ((response as typeof billing).transactions ?? []).map((t) => t.transaction_id);

describe('filterMockResponse', () => {
  it.each([
    [{ date: '2026-11-11' }, ['T1', 'T2'], 10],
    [{ date: '2026-11' }, ['T1', 'T2', 'T3'], 40],
    [{ month: '2026/11' }, ['T1', 'T2', 'T3'], 40],
    [{ date: '2026-11-1' }, [], 0],
    [{ type: 'refund' }, ['T2'], -5],
    [{ date: '2026-11', type: 'charge' }, ['T1', 'T3'], 45],
  ])('with %j keeps %j and sums the total again', (filters, kept, total) => {
    const out = filterMockResponse(billing, filters) as typeof billing;
    expect(ids(out)).toEqual(kept);
    expect(out.total).toBe(total);
  });

  it.each([
    ['a parameter no item has', { channel: 'app' }],
    ['a date parameter that is no date', { date: '{date}' }],
    ['no parameters', {}],
  ])('leaves the response as it is for %s', (_label, filters) => {
    expect(filterMockResponse(billing, filters)).toEqual(billing);
  });

  it('does not change the response it was given', () => {
    const copy = structuredClone(billing);
    filterMockResponse(billing, { date: '2026-11-11' });
    expect(billing).toEqual(copy);
  });

  it('filters every list of objects and leaves other fields alone', () => {
    const response = {
      subscriptions: [
        { name: '超级会员', status: 'active' },
        { name: '黄金会员', status: 'cancelled' },
      ],
      status: 'active',
      tags: ['a', 'b'],
    };
    expect(filterMockResponse(response, { status: 'ACTIVE' })).toEqual({
      subscriptions: [{ name: '超级会员', status: 'active' }],
      status: 'active',
      tags: ['a', 'b'],
    });
  });
});

describe('filterParams', () => {
  it("leaves out the caller's parameters and those in the path", () => {
    const resolved = resolveQuery({
      product: scenarioProduct(),
      phone: '13800138000',
      interfaceName: 'user_billing',
      params: { date: '2026-11-11', type: 'refund' },
    });
    expect(filterParams(resolved)).toEqual({ date: '2026-11-11', type: 'refund' });
  });
});
