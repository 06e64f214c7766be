import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../call/call-agent.js';
import { verifiedCharge } from './payment-in-question.js';

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
