import { describe, expect, it } from 'vitest';
import { guardReviewClaims } from './guard-review-claims.js';

/** What a call carried out: a refund of 50 and auto-renewal turned off (as checked and as done). */
const CARRIED_OUT = ['退款50元', '已退款50元，原路退回', '取消自动续费', '已关闭自动续费'];

describe('guardReviewClaims', () => {
  it.each([
    '已退款50元',
    '已为客户退款50元',
    '帮客户关闭了自动续费',
    '退款50元',
    '取消自动续费',
    '账户注销',
    'Refunded $50',
    'Refunded the customer 50 yuan',
    'Cancelled auto-renewal',
    'Auto-renewal cancelled',
  ])('refuses "%s" when the call carried nothing out', (line) => {
    const verdict = guardReviewClaims({ lines: ['查询账单', line], carriedOut: [] });
    expect(verdict).toMatchObject({ ok: false, rule: 'commitment_without_approval', line });
  });

  it.each([
    '已退款50元',
    '已为客户退款50元',
    '帮客户关闭了自动续费',
    '退款50元',
    '已办理：已退款50元，原路退回',
    'Refunded the customer 50 yuan',
    'Cancelled auto-renewal',
  ])('lets "%s" through when the call carried it out', (line) => {
    expect(guardReviewClaims({ lines: [line], carriedOut: CARRIED_OUT })).toEqual({ ok: true });
  });

  it.each(['已退款80元', '账户注销', '已为客户重置密码'])(
    'refuses "%s": not what the call carried out (another amount, another action)',
    (line) => {
      expect(guardReviewClaims({ lines: [line], carriedOut: CARRIED_OUT }).ok).toBe(false);
    },
  );

  it.each([
    '查询账单',
    '查询订阅状态',
    '退款200元：已提交主管审批',
    '退款200元已提交主管审批',
    '退款200元（需主管审批）',
    '创建工单 TK20261125-ABCDEF（退款200元）',
    '账户注销：需主管审批',
    '投诉处理：需走流程',
    '退款50元：可立即办理',
    '已为客户登记投诉',
    '账户注销：客户已撤回，工单 TK1 已撤销',
    '告知客户退款到账时间',
    '解答设备数量问题',
    'Refund of $200 escalated to supervisor',
    'Explained the charge',
    'Queried: billing',
  ])('lets "%s" through: asked, sent on, refused, withdrawn or explained, not done', (line) => {
    expect(guardReviewClaims({ lines: [line], carriedOut: [] })).toEqual({ ok: true });
  });

  it('lets a state a query of the call showed be stated as a fact', () => {
    const verdict = guardReviewClaims({
      lines: ['自动续费已关闭'],
      carriedOut: [],
      systemQueries: [
        {
          interface: 'user_subscription',
          method: 'GET',
          endpoint: '/s',
          purpose: '查询用户订阅状态',
          mock: true,
          ok: true,
          response: { subscriptions: [{ name: '超级会员', auto_renew: false }] },
        },
      ],
    });
    expect(verdict).toEqual({ ok: true });
  });
});
