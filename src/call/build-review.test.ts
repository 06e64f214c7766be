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

  it('passes on only the customer fields it learned', () => {
    const review = buildReview(record({ learned: { name: '王女士', topics: ['扣费'], mood: 'calm' } }));
    expect(review.customer_updates).toEqual({ name: '王女士' });
    expect(review.issue_summary).toBe('客户来电：扣费');
  });
});
