import { describe, expect, it } from 'vitest';
import { systemClock } from '../domain/clock.js';
import type { PermissionCheckRecord } from '../domain/session-schemas.js';
import { buildReview } from './build-review.js';
import { type CallRecordState, emptyCallRecord } from './call-session.js';

function record(fill: Partial<CallRecordState> = {}, language: 'zh' | 'en' = 'zh'): CallRecordState {
  return { ...emptyCallRecord(language, systemClock), ...fill };
}

const check = (action: string, status: PermissionCheckRecord['status']): PermissionCheckRecord => ({
  action,
  status,
  rule: null,
  reason: '',
});

describe('buildReview', () => {
  it.each([
    ['nothing asked', {}, 'resolved', false],
    [
      'an approval carried out',
      {
        permission_checks: [check('取消自动续费', 'can_approve_immediately')],
        actions_performed: [{ action: '取消自动续费', description: '已关闭自动续费', turn: 0 }],
      },
      'resolved',
      false,
    ],
    [
      'a supervisor needed',
      { permission_checks: [check('退款150元', 'requires_supervisor')] },
      'partially_resolved',
      true,
    ],
    [
      'a process needed',
      { permission_checks: [check('投诉', 'requires_process')] },
      'partially_resolved',
      true,
    ],
    [
      'a ticket opened',
      { tickets: [{ id: 'TK1', kind: 'requires_process', summary: '投诉' }] },
      'partially_resolved',
      true,
    ],
    [
      'only forbidden requests',
      { permission_checks: [check('查别人的手机号', 'forbidden')] },
      'unresolved',
      false,
    ],
  ] as const)('sets the status from the record: %s', (_name, fill, status, followUp) => {
    const review = buildReview(record(fill as Partial<CallRecordState>));
    expect(review.resolution_status).toBe(status);
    expect(review.follow_up_required).toBe(followUp);
  });

  it('calls an approval that was not carried out "can be done now", not done', () => {
    const review = buildReview(
      record({ permission_checks: [check('重置密码', 'can_approve_immediately')] }, 'en'),
    );
    expect(review.issue_summary).toBe('Caller: 重置密码 (can be done now)');
    expect(review.actions_taken).toEqual([]);
  });

  it('lists each query once, failures marked, and what was done', () => {
    const q = { interface: 'user_billing', method: 'GET', endpoint: '/b', purpose: '账单明细', mock: true };
    const review = buildReview(
      record({
        system_queries: [
          { ...q, ok: true },
          { ...q, ok: true },
          { ...q, interface: 'user_profile', purpose: '查询用户基本信息', ok: false, error: 'down' },
        ],
        actions_performed: [{ action: '退款50元', description: '已退款50元', turn: 1 }],
      }),
    );
    expect(review.actions_taken).toEqual(['查询账单明细', '查询用户基本信息（失败）', '已办理：已退款50元']);
  });

  it.each([
    [
      'resolved: every request carried out, a question answered',
      {
        learned: { topics: ['咨询：退款多久到账？'] },
        permission_checks: [check('取消自动续费', 'can_approve_immediately')],
        actions_performed: [{ action: '取消自动续费', description: '已关闭自动续费', turn: 0 }],
      },
      'resolved',
      false,
    ],
    [
      'partially_resolved: one carried out, a supervisor ticket still open',
      {
        permission_checks: [
          check('取消自动续费', 'can_approve_immediately'),
          check('退款150元', 'requires_supervisor'),
        ],
        actions_performed: [{ action: '取消自动续费', description: '已关闭自动续费', turn: 0 }],
        tickets: [{ id: 'TK1', kind: 'requires_supervisor', summary: '退款150元' }],
      },
      'partially_resolved',
      true,
    ],
    [
      'unresolved: approved, never carried out',
      { permission_checks: [check('重置密码', 'can_approve_immediately')] },
      'unresolved',
      false,
    ],
    [
      'resolved: the one escalation withdrawn, its ticket cancelled',
      {
        permission_checks: [check('账户注销', 'requires_supervisor')],
        tickets: [{ id: 'TK1', kind: 'requires_supervisor', summary: '账户注销' }],
        withdrawals: [{ action: '账户注销', what: '账户注销', ticket_id: 'TK1' }],
      },
      'resolved',
      false,
    ],
  ] as const)('takes the status from the request ledger: %s', (_name, fill, status, followUp) => {
    const review = buildReview(record(fill as unknown as Partial<CallRecordState>));
    expect(review.resolution_status).toBe(status);
    expect(review.follow_up_required).toBe(followUp);
  });

  it('names each request once by its label, and says what became of a withdrawn one', () => {
    const review = buildReview(
      record({
        permission_checks: [
          { ...check('我要把账号注销掉，因为你们扣费太乱了', 'requires_supervisor'), label: '账户注销' },
        ],
        tickets: [{ id: 'TK1', kind: 'requires_supervisor', summary: '账户注销' }],
        withdrawals: [{ action: '我要把账号注销掉，因为你们扣费太乱了', what: '账户注销', ticket_id: 'TK1' }],
      }),
    );
    expect(review.actions_taken).toEqual(['账户注销：客户已撤回，工单 TK1 已撤销']);
    expect(review.issue_summary).toBe('客户来电：账户注销（已撤回）');
  });

  it('passes on only the customer fields it learned', () => {
    const review = buildReview(record({ learned: { name: '王女士', topics: ['扣费'], mood: 'calm' } }));
    expect(review.customer_updates).toEqual({ name: '王女士' });
    expect(review.issue_summary).toBe('客户来电：扣费');
  });
});
