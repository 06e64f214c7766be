import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../call/call-agent.js';
import { compileRules } from '../../permissions/index.js';
import { ruleSharingWords, termOf, withoutRuleNotes } from './product-rules.js';

const rules = compileRules({
  can_approve_immediately: ['解除本人申请的冻结'],
  requires_supervisor: [],
  requires_process: ['封号申诉（提交申诉材料）'],
  forbidden: ['未经本人授权为他人账号查询、换绑、解封（朋友、队友均不可）'],
});
const ctx = { rules: () => rules } as unknown as CallContext;

describe('ruleSharingWords', () => {
  it('never reads a forbidden rule as the request, however many words it shares', () => {
    const found = new Set(['他人', '账号', '查询', '换绑', '解封', '朋友', '队友']);
    const picked = ruleSharingWords(ctx, (c) => c === 'unlock_account', found);
    expect(picked?.phrase ?? '').not.toContain('他人');
  });
});

describe('termOf', () => {
  it('says the time the business answers in, not the caller’s window to report', () => {
    expect(termOf('因供电原因造成家用电器损坏：事发7天内登记家电理赔工单，客户服务中心5个工作日内答复')).toBe(
      '客户服务中心5个工作日内答复',
    );
    expect(
      termOf('Vehicle damage during service: claim within 14 days, decision within 10 business days'),
    ).toBe('decision within 10 business days');
  });
  it('leaves out the operator’s note after a dash', () => {
    expect(
      termOf(
        'Damage to a vehicle: log a damage claim; the Claims team decides within 15 business days of receiving them - never admit fault or promise an amount',
      ),
    ).toBe('the Claims team decides within 15 business days of receiving them');
  });
  it('takes the only time a rule gives, whoever it is for', () => {
    expect(termOf('计量异议：登记校验工单，5个工作日内上门')).toBe('5个工作日内上门');
    expect(termOf('事发7天内登记理赔工单')).toBe('事发7天内登记理赔工单');
  });
});

describe('withoutRuleNotes', () => {
  it('takes a note out with the space before it, leaving no space before a comma', () => {
    expect(
      withoutRuleNotes('first visits, Green to Clean ($349, or free), callouts ($99) and return visits'),
    ).toBe('first visits, Green to Clean, callouts and return visits');
    expect(withoutRuleNotes('预订住宿、采摘门票、接站（下单人本人）')).toBe('预订住宿、采摘门票、接站');
  });
});
