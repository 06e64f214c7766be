import { describe, expect, it } from 'vitest';
import { queryRecord } from '../../test/support/query-record.js';
import { checkPermission, compileRules } from '../permissions/index.js';
import {
  amountsOwed,
  boundByOwedTotal,
  moneyOwedShown,
  nothingOwedAssessed,
  notOwedAssessed,
} from './money-owed.js';

const query = (response: unknown, ok = true) => ({ ...queryRecord('service', response), ok });

describe('amountsOwed and moneyOwedShown', () => {
  it('reads an error check’s total overcharged as money owed', () => {
    const check = query({
      error_check: { errors: [{ overcharge: 165 }, { overcharge: 20 }], total_overcharge: 185 },
    });
    expect([...amountsOwed([check]).amounts]).toEqual([185]);
    expect(moneyOwedShown([check])).toBe(true);
  });
  it('reads an error check’s plain overcharge beside its finding, not an item’s', () => {
    const check = query({
      error_check: {
        finding: '起息日误录，按69天收了1380元',
        overcharge: 200,
        not_errors: [{ item: '息费1180元' }],
      },
    });
    expect([...amountsOwed([check]).amounts]).toEqual([200]);
    const items = query({
      errors: [
        { item: '控制器', overcharge: 165 },
        { item: '检测费', overcharge: 20 },
      ],
    });
    expect([...amountsOwed([items]).amounts]).toEqual([]);
  });
  it('reads a quoted case’s refund on its terms (refund_if_cancelled_before_15_00_today)', () => {
    const quote = query({
      quote: { cancel_job_advert: { refund_if_cancelled_before_15_00_today: 24, to: 'bank' } },
    });
    expect(amountsOwed([quote]).cases).toEqual([{ words: ['cancel', 'job', 'advert'], amount: 24 }]);
  });
  it('shows none where the records only list charges, or the query failed', () => {
    expect(moneyOwedShown([query({ items: [{ item: '刹车片', amount: 35 }], total: 235 })])).toBe(false);
    expect(moneyOwedShown([query({ total_overcharge: 185 }, false)])).toBe(false);
  });
  it('tells where the records assessed part of a charge as not owed (not_errors)', () => {
    const check = query({ error_check: { total_overcharge: 185, not_errors: [{ item: '刹车片35元' }] } });
    expect(notOwedAssessed([check])).toBe(true);
    expect(notOwedAssessed([query({ error_check: { total_overcharge: 185, not_errors: [] } })])).toBe(false);
  });
});

describe('nothingOwedAssessed (held-out round 56)', () => {
  it('reads a refund worked out at 0 as nothing owed, unless something is owed elsewhere', () => {
    const none = query({ refund_check: { finding: '按规则不退', refundable: 0 } });
    expect(nothingOwedAssessed([none])).toBe(true);
    expect(nothingOwedAssessed([none, query({ settlement_check: { refund_due: 98 } })])).toBe(false);
    expect(nothingOwedAssessed([query({ orders: [{ amount: 72, refund_amount: 0 }] })])).toBe(false);
  });
});

describe('nothingOwedAssessed: said in words (held-out round 57)', () => {
  it('reads a quote saying a refund is not owed as nothing owed; a refund said owed is not', () => {
    const past = query({ quote: { refund_of_mask: 'not owed: bought 12 days ago - past the 7-day window' } });
    expect(nothingOwedAssessed([past])).toBe(true);
    expect(nothingOwedAssessed([query({ quote: { 退款核算: '不予退款：超过7天' } })])).toBe(true);
    expect(nothingOwedAssessed([query({ quote: { refund_of_fee: 'owed: 15,000 express fee' } })])).toBe(
      false,
    );
    expect(nothingOwedAssessed([query({ notes: 'not owed anything, the client said' })])).toBe(false);
  });
});

describe('boundByOwedTotal: money back counted against what is owed (held-out round 58)', () => {
  const rules = compileRules({
    can_approve_immediately: ['Refunds up to 12,000 MRU a client on one call'],
    requires_supervisor: [],
    requires_process: [],
    forbidden: [],
  });
  const quote = queryRecord('account', {
    quote: { owed: { amount: 1040, what: 'storage 800 + handling 240' } },
  });
  const decide = (action: string, given: number) =>
    boundByOwedTotal(
      checkPermission(rules, action, { moneyOwed: true }),
      [quote, quote],
      given === 0 ? [] : [{ concept: 'refund', value: given, unit: 'MRU', scope: 'call' }],
    );
  it('lets the first refund of what is owed through', () => {
    expect(decide('refund 1,040 MRU', 0).status).toBe('can_approve_immediately');
  });
  it('refuses the same refund asked again, the quote read twice counted once', () => {
    const again = decide('refund 1,040 MRU', 1040);
    expect(again.status).toBe('forbidden');
    expect(again.reason).toContain('cannot be given back twice');
  });
  it('offers what is left when more than that is asked', () => {
    const more = decide('refund 800 MRU', 520);
    expect(more.status).toBe('forbidden');
    expect(more.reason).toContain('520 left');
    expect(decide('refund 520 MRU', 520).status).toBe('can_approve_immediately');
  });
});
