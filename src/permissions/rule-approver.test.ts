import { describe, expect, it } from 'vitest';
import { approverOf, ROUTED_ZH } from './rule-approver.js';

describe('approverOf', () => {
  it('names the one a rule says decides (店长, 经理), else nothing', () => {
    expect(approverOf('规则外的任何补偿或减免：送时长、送券，金额再小也要店长批')).toBe('店长');
    expect(approverOf('多扣费每单合计>200元（整笔报门店店长，不拆开先退一部分）')).toBe('店长');
    expect(approverOf('宴会售后退款每场累计>500元（整笔报值班经理）')).toBe('经理');
    expect(approverOf('一单应退合计超过300元的，整笔交主管批')).toBeUndefined();
    expect(approverOf(null)).toBeUndefined();
  });
});

describe('ROUTED_ZH', () => {
  it.each([
    ['退款每次合计超过300元的整笔报主管', '退款每次合计超过300元'],
    ['退还押金须报经理审批', '退还押金'],
    ['补发超过两件的整笔报门店店长', '补发超过两件'],
  ])('takes where the request goes off %s', (rule, name) => {
    expect(rule.replace(ROUTED_ZH, '')).toBe(name);
  });
});
