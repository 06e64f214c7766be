import { describe, expect, it } from 'vitest';
import type { RequestEntry } from '../domain/session-schemas.js';
import { checkPermission, compileRules } from '../permissions/index.js';
import { boundByPendingRefund } from './pending-refund.js';

const rules = compileRules({
  can_approve_immediately: ['退款<=800元'],
  requires_supervisor: ['退款>800元'],
  requires_process: [],
  forbidden: [],
});

const waiting = (withdrawn = false): RequestEntry => ({
  what: '退款1560元',
  action: '要全退1560',
  rule: '退款>800元',
  outcome: 'requires_supervisor',
  state: withdrawn ? 'withdrawn' : 'escalated',
  amount: { value: 1560, unit: 'CNY' },
  carried_out: false,
  withdrawn,
});

describe('boundByPendingRefund', () => {
  it('sends a part of a refund waiting for a supervisor up with it', () => {
    const part = checkPermission(rules, '退款780元');
    expect(part.status).toBe('can_approve_immediately');
    const decided = boundByPendingRefund(part, [waiting()]);
    expect(decided.status).toBe('requires_supervisor');
    expect(decided.reason).toContain('退款1560元');
  });

  it('leaves it alone when the whole was withdrawn, or nothing waits', () => {
    const part = checkPermission(rules, '退款780元');
    expect(boundByPendingRefund(part, [waiting(true)]).status).toBe('can_approve_immediately');
    expect(boundByPendingRefund(part, []).status).toBe('can_approve_immediately');
  });

  it('sends up a sum the caller calls a part while a refund of no named sum waits, and no other', () => {
    const unnamed: RequestEntry = { ...waiting(), what: '已检票入园后的退票退款', rule: '退票退款' };
    delete unnamed.amount;
    const part = checkPermission(rules, '退款300元');
    expect(boundByPendingRefund(part, [unnamed], '那你先给我退三百，剩下那九十回头再说').status).toBe(
      'requires_supervisor',
    );
    expect(boundByPendingRefund(part, [unnamed], 'Just do the sixty now and the rest later').status).toBe(
      'requires_supervisor',
    );
    // A refund of its own (another order's), not said to be a part: decided by its own rule.
    expect(boundByPendingRefund(part, [unnamed], '另外那单退我300').status).toBe('can_approve_immediately');
  });
});
