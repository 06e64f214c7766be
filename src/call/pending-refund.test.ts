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
});
