import { describe, expect, it } from 'vitest';
import { checkPermission, compileRules } from '../permissions/index.js';
import { overruled } from './overrule.js';

const rules = compileRules({
  can_approve_immediately: ['退款<=100元'],
  requires_supervisor: ['退款>100元'],
  requires_process: [],
  forbidden: [],
});
const reasons = { zh: '测试', en: 'test' };

describe('overruled', () => {
  it('makes a part stricter and the decision its strictest part', () => {
    const decision = overruled(checkPermission(rules, '退款50元'), () => ({ status: 'forbidden', reasons }));
    expect(decision.status).toBe('forbidden');
    expect(decision.reason).toBe('测试');
    expect(decision.rule).toBe('退款<=100元');
  });

  it('never makes a decision less strict', () => {
    const escalated = checkPermission(rules, '退款500元');
    expect(overruled(escalated, () => ({ status: 'can_approve_immediately', reasons }))).toBe(escalated);
    expect(overruled(escalated, () => undefined)).toBe(escalated);
  });
});
