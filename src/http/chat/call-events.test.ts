import { describe, expect, it } from 'vitest';
import { emptyCallRecord } from '../../call/call-session.js';
import type { CallParticipants } from '../../call/start-call.js';
import type { Customer, Operator, Product } from '../../domain/record-schemas.js';
import { callEvents } from './call-events.js';

const participants = {
  product: { _id: 'p1', name: '会员订阅服务' } as Product,
  operator: { _id: 'o1', name: 'HEAR策略' } as Operator,
  customer: { _id: 'c1', name: '张先生' } as Customer,
  phone: '13800138000',
  coldStart: false,
} satisfies CallParticipants;

describe('callEvents', () => {
  it('puts what each turn did after the customer’s line and before the replies, ordered by time', () => {
    const record = emptyCallRecord('zh', { now: () => new Date('2026-12-01T09:00:00Z') });
    record.conversation.push(
      { role: 'agent', content: '您好' },
      { role: 'customer', content: '退款10元' },
      { role: 'agent', content: '已为您退款10元', by: '小王' },
      { role: 'customer', content: '我要投诉' },
      { role: 'agent', content: '已登记工单' },
    );
    const query = {
      interface: 'user_billing',
      method: 'GET',
      endpoint: '/b',
      purpose: '',
      mock: true,
      ok: true,
    };
    record.system_queries.push({ ...query, turn: 0, at: '2026-12-01T09:00:02Z' });
    record.permission_checks.push({
      action: '退款10元',
      status: 'can_approve_immediately',
      rule: '退款<100元',
      reason: '',
      grant_id: 'gr_0000000000000001',
      turn: 0,
      at: '2026-12-01T09:00:03Z',
    });
    record.grants.push({
      grant_id: 'gr_0000000000000001',
      call_id: 'call_1',
      customer_id: 'c1',
      product_id: 'p1',
      action: '退款10元',
      concept: 'refund',
      amount: { value: 10, unit: 'CNY' },
      rule: '退款<100元',
      rules_hash: 'h',
      issued_at: '2026-12-01T09:00:03Z',
      consumed_at: null,
    } as (typeof record.grants)[number]);
    record.actions_performed.push({
      action: '退款10元',
      description: '已退款10元',
      turn: 0,
      grant_id: 'gr_0000000000000001',
    });
    record.guard_decisions.push({
      rule: 'unverified_fact',
      outcome: 'blocked',
      detail: 'x',
      turn: 0,
      at: '2026-12-01T09:00:01Z',
    });
    record.notifications.push({ notification_id: 'n1', approval_id: 'ap_1', content: '已批准', turn: 0 });
    record.tickets.push({
      id: 'TK1',
      kind: 'requires_process',
      summary: '投诉处理',
      turn: 1,
      at: '2026-12-01T09:01:00Z',
    });

    const events = callEvents(record, participants);
    expect(events.map((e) => e.type)).toEqual([
      'session_started',
      'agent',
      'customer',
      'guard',
      'system_query',
      'permission_check',
      'grant',
      'action',
      'agent',
      'notification',
      'customer',
      'ticket',
      'agent',
    ]);
    expect(events[8]).toEqual({ type: 'agent', content: '已为您退款10元', by: '小王' });
    expect(events[0]).toMatchObject({ customer: { id: 'c1', name: '张先生', phone: '13800138000' } });
  });
});
