import { describe, expect, it } from 'vitest';
import { renderPermissionBlock } from '../render/permission-block.js';
import { dueAt, formatPromise, formatSpan, slaPromise, slaTime } from './product-sla.js';

const decision = {
  action: '退款200元',
  status: 'requires_supervisor' as const,
  rule: '退款>=100元',
  reason: '超出权限',
  parts: [],
};

describe('slaTime', () => {
  it.each([
    ['经理4小时内回复', 'supervisor', '4小时'],
    ['电话即时响应；主管审批2小时内回复；投诉工单48小时内处理', 'supervisor', '2小时'],
    ['电话即时响应；主管审批2小时内回复；投诉工单48小时内处理', 'process', '48小时'],
    ['Supervisor decisions within 3 hours; claims within 5 business days', 'process', '5个工作日'],
    ['24小时', 'process', '24小时'],
    // A case named by what is done in it: an investigation, a claim (理赔).
    ['Supervisor replies within 2 hours; investigations within 3 business days', 'process', '3个工作日'],
    ['主管4小时内回复；理赔5个工作日', 'process', '5个工作日'],
    ['', 'supervisor', '2小时'],
    ['报修2小时内响应，城区24小时内上门；主管审批4小时内回复', 'response', '2小时'],
    ['Fault reports answered within 2 hours; engineer visit within 24 hours in cities', 'response', '2小时'],
    ['电话即时响应；故障工单4小时内联系客户，48小时内修复', 'response', '4小时'],
    // 即时 is no time: the default, not the 2 hours of the supervisor's segment.
    ['电话即时响应；主管审批2小时内回复；投诉工单48小时内处理', 'response', '24小时'],
    ['24小时', 'response', '24小时'],
    ['', 'response', '24小时'],
  ] as const)('reads %s as %s → %s', (sla, kind, spoken) => {
    expect(formatSpan(slaTime(sla, kind), 'zh')).toBe(spoken);
  });

  it('gives the permission block and the agent the same hours', () => {
    const sla = '经理4小时内回复';
    const block = renderPermissionBlock(decision, { lang: 'zh', sla });
    const spoken = slaPromise(sla, 'supervisor', 'zh');
    expect(spoken).toBe('4小时内');
    expect(block).toContain(`预计${spoken}回复`);
  });

  it('keeps a deadline the sla states in its own words, counted as one business day', () => {
    const sla =
      'Refunds reach the card in 3-5 working days. Supervisors call back by 17:00 the next working day.';
    const span = slaTime(sla, 'supervisor');
    expect(span).toMatchObject({ value: 1, unit: 'workday' });
    expect(formatPromise(span, 'en')).toBe('by 17:00 the next working day');
    // In the other language, the count it stands for.
    expect(formatPromise(span, 'zh')).toBe('1个工作日内');
    expect(slaPromise('投诉工单48小时内处理；主管审批次日17:00前回复', 'supervisor', 'zh')).toBe(
      '次日17:00前',
    );
    expect(slaPromise('经理4小时内回复', 'supervisor', 'en')).toBe('within 4 hours');
    expect(slaPromise('主管审批当天17:00前回电（17:00后来电的次日中午前）', 'supervisor', 'zh')).toBe(
      '当天17:00前',
    );
  });

  it('reads the supervisor and the process as before where the sla also names a response', () => {
    // The response kind does not count as a kind named for the two older kinds: the lone time
    // still counts for them, as it did before the response kind was read.
    const sla = 'Fault reports answered within 2 hours; engineer visit within 24 hours in cities';
    expect(slaTime(sla, 'supervisor')).toEqual({ value: 2, unit: 'hour' });
    expect(slaTime(sla, 'process')).toEqual({ value: 2, unit: 'hour' });
    expect(slaTime('报修2小时内响应；投诉工单48小时内处理', 'process')).toEqual({ value: 48, unit: 'hour' });
  });
});

describe('dueAt', () => {
  it('adds elapsed hours, and business days skipping the weekend', () => {
    const friday = new Date('2026-11-27T10:00:00Z');
    expect(dueAt({ value: 4, unit: 'hour' }, friday).toISOString()).toBe('2026-11-27T14:00:00.000Z');
    expect(dueAt({ value: 2, unit: 'workday' }, friday).toISOString()).toBe('2026-12-01T10:00:00.000Z');
  });
});
