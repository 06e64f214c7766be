import { describe, expect, it } from 'vitest';
import { subscriptionQuery, testRecord } from '../../test/support/scenario-records.js';
import type { PermissionCheckRecord } from '../domain/session-schemas.js';
import { type GuardedCallRecord, guardAgentTurn } from './guard-agent-turn.js';

// Only the fields the guard reads: its numbers come from the product's FAQ, SLA and rules.
const product = testRecord('product', 'a1b2c3d4', {
  name: '会员订阅服务',
  faq: [{ q: '退款多久到账？', a: '原路退回，一般1到3个工作日到账。' }],
  sla: '主管审批2小时内回复；投诉工单48小时内处理',
  operator_permissions: { can_approve_immediately: ['退款<100元'], requires_supervisor: ['退款>=100元'] },
});
const customer = testRecord('customer', 'c1b2c3d4', { name: '张伟', phone: '13800138000' });
const participants = { product, customer, phone: '13800138000' };
const others = [
  { name: '李娜', phone: '13912345678' },
  { name: '张伟', phone: '13800138000' },
];

const subscription = subscriptionQuery({
  response: {
    subscriptions: [{ name: '超级会员', fee: 15, next_billing_date: '2026-01-20', auto_renew: false }],
  },
  turn: 0,
  at: '2026-01-06T10:00:00.000000',
});

function record(extra: Partial<GuardedCallRecord> = {}): GuardedCallRecord {
  return {
    language: 'zh',
    started_at: '2026-01-06T09:58:00.000000',
    conversation: [
      { role: 'agent', content: '您好，请讲。' },
      { role: 'customer', content: '我上个月被扣了15块，想退款' },
    ],
    system_queries: [],
    permission_checks: [],
    learned: {},
    ...extra,
  };
}

const approved: PermissionCheckRecord = {
  action: '退款15元',
  status: 'can_approve_immediately',
  rule: '退款<100元',
  reason: '',
};

describe('guardAgentTurn', () => {
  it('stops an unapproved refund promise read from the call record', () => {
    expect(
      guardAgentTurn({ draft: '钱马上就到账。', record: record(), participants, otherCustomers: others }),
    ).toMatchObject({ ok: false, rule: 'commitment_without_approval' });
  });

  it('lets the same promise through once the record holds an approved check', () => {
    const r = record({ permission_checks: [approved] });
    expect(
      guardAgentTurn({
        draft: '已为您退款15元，钱马上就到账。',
        record: r,
        participants,
        otherCustomers: others,
      }),
    ).toEqual({
      ok: true,
    });
  });

  it('counts the grants recorded in the call as approvals', () => {
    const r = record({
      grants: [{ grant_id: 'gr_0123456789abcdef', action: '退款15元', concept: 'refund' }],
    });
    expect(
      guardAgentTurn({ draft: '已为您退款15元。', record: r, participants, otherCustomers: others }),
    ).toEqual({ ok: true });
  });

  it("allows the product's SLA and FAQ numbers, and nothing else", () => {
    const input = { record: record(), participants, otherCustomers: others };
    expect(guardAgentTurn({ ...input, draft: '这个需要主管审批，预计2小时内给您回复。' })).toEqual({
      ok: true,
    });
    expect(guardAgentTurn({ ...input, draft: '预计5小时内给您回复。' })).toMatchObject({
      rule: 'unverified_fact',
    });
  });

  it('grounds statuses and dates in the recorded queries', () => {
    const r = record({ system_queries: [subscription] });
    const input = { record: r, participants, otherCustomers: others };
    expect(guardAgentTurn({ ...input, draft: '自动续费已关闭，下次扣费日本月20号也不会扣费了。' })).toEqual({
      ok: true,
    });
    expect(guardAgentTurn({ ...input, draft: '您的会员已经过期了。' })).toMatchObject({
      rule: 'unverified_status',
    });
    expect(guardAgentTurn({ ...input, draft: '明天会自动扣费。' })).toMatchObject({
      rule: 'unverified_fact',
    });
  });

  it("reads the call's date from its start when nothing was queried", () => {
    // 2026-01-06 is a Tuesday: this Friday is 01-09, which the customer named.
    const r = record({
      conversation: [{ role: 'customer', content: '我1月9号要出差，能不能之前处理好' }],
    });
    expect(
      guardAgentTurn({
        draft: '好的，这周五之前我们跟您联系。',
        record: r,
        participants,
        otherCustomers: others,
      }),
    ).toEqual({
      ok: true,
    });
  });

  it("never takes the caller for another customer, and stops another customer's name", () => {
    const input = { record: record(), participants, otherCustomers: others };
    expect(guardAgentTurn({ ...input, draft: '张伟您好，我来帮您查一下。' })).toEqual({ ok: true });
    expect(guardAgentTurn({ ...input, draft: '李女士也反映过这个问题。' })).toMatchObject({
      rule: 'other_customer_data',
    });
  });

  it('uses the name learned in the call, not a cold-start placeholder', () => {
    const cold = { ...customer, name: '来电客户_8000' };
    const r = record({ learned: { name: '王芳' } });
    const input = { record: r, participants: { ...participants, customer: cold } };
    const withWang = [{ name: '王建国', phone: '13698765432' }];
    expect(guardAgentTurn({ ...input, otherCustomers: withWang, draft: '王女士，您好。' })).toEqual({
      ok: true,
    });
  });
});
