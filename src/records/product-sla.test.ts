import { describe, expect, it } from 'vitest';
import { slaWindow } from '../agent/rules/reply-phrases.js';
import { renderPermissionBlock } from '../render/permission-block.js';
import { dueAt, formatSpan, slaTime } from './product-sla.js';

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
    ['', 'supervisor', '2小时'],
  ] as const)('reads %s as %s → %s', (sla, kind, spoken) => {
    expect(formatSpan(slaTime(sla, kind), 'zh')).toBe(spoken);
  });

  it('gives the permission block and the agent the same hours', () => {
    const sla = '经理4小时内回复';
    const block = renderPermissionBlock(decision, { lang: 'zh', sla });
    const spoken = slaWindow(sla, 'supervisor', 'zh');
    expect(spoken).toBe('4小时');
    expect(block).toContain(`预计${spoken}内回复`);
  });
});

describe('dueAt', () => {
  it('adds elapsed hours, and business days skipping the weekend', () => {
    const friday = new Date('2026-11-27T10:00:00Z');
    expect(dueAt({ value: 4, unit: 'hour' }, friday).toISOString()).toBe('2026-11-27T14:00:00.000Z');
    expect(dueAt({ value: 2, unit: 'workday' }, friday).toISOString()).toBe('2026-12-01T10:00:00.000Z');
  });
});
