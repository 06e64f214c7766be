import { describe, expect, it } from 'vitest';
import { type ApprovalRequest, ApprovalRequestSchema } from '../domain/approval-request.js';
import {
  APPROVAL_NEWS,
  customerTime,
  NOTIFICATION_TEMPLATES,
  notificationText,
} from './notification-templates.js';

const CJK = /[\u3400-\u9fff]/;

function request(language: 'zh' | 'en', fields: Partial<ApprovalRequest> = {}): ApprovalRequest {
  return ApprovalRequestSchema.parse({
    id: 'ap_0123456789ab',
    state: 'approved',
    created_at: '2026-11-30T02:00:00.000Z',
    updated_at: '2026-11-30T02:00:00.000Z',
    due_at: '2026-11-30T04:00:00.000Z',
    product_id: 'p1234567',
    product_name: language === 'zh' ? '会员订阅服务' : 'Cloud Storage',
    customer_id: 'c1234567',
    customer_name: language === 'zh' ? '张先生' : 'Ms Smith',
    phone: '13800138000',
    call_id: 'call_0123456789',
    session_id: null,
    language,
    action: language === 'zh' ? '退款200元' : 'refund 200 yuan',
    concept: 'refund',
    amount: { value: 200, unit: 'CNY' },
    rule: '退款>=100元',
    reason: 'ENGINE-REASON 超出当前权限',
    rules_hash: 'h',
    facts: [],
    raised_by: 'rules-agent',
    decided_by: 'SUPERVISOR-NAME',
    decided_at: '2026-11-30T03:00:00.000Z',
    decision_note: 'PRIVATE-NOTE 客户是老赖',
    grant_id: null,
    idempotency_key: 'idem_x',
    execution: {
      started_at: '2026-11-30T03:00:01.000Z',
      finished_at: '2026-11-30T03:00:02.000Z',
      process: { host: 'h', pid: 1, started: 0 },
      changed: true,
      description:
        language === 'zh' ? '已退款200元到原支付账户' : 'refunded 200 yuan to the original account',
      error: 'INTERNAL-ERROR stack',
    },
    ...fields,
  });
}

const CASES = APPROVAL_NEWS.flatMap((news) =>
  (['zh', 'en'] as const).map((language) => ({ news, language })),
);

describe('notification templates', () => {
  it.each(CASES)(
    '$news in $language names the action and product, in that language only',
    ({ news, language }) => {
      const text = notificationText(request(language), news);
      expect(text).toContain(language === 'zh' ? '退款200元' : 'refund 200 yuan');
      expect(text).toContain(language === 'zh' ? '会员订阅服务' : 'Cloud Storage');
      if (language === 'zh') expect(text).toMatch(/^您好/);
      else expect(text).not.toMatch(CJK);
    },
  );

  it.each(CASES)(
    '$news in $language never carries what a person wrote or an internal error',
    ({ news, language }) => {
      const text = notificationText(request(language), news);
      for (const secret of ['PRIVATE-NOTE', '老赖', 'ENGINE-REASON', 'SUPERVISOR-NAME', 'INTERNAL-ERROR']) {
        expect(text).not.toContain(secret);
      }
    },
  );

  it('says something different for every news kind', () => {
    for (const language of ['zh', 'en'] as const) {
      const texts = APPROVAL_NEWS.map((news) => notificationText(request(language), news));
      expect(new Set(texts).size).toBe(APPROVAL_NEWS.length);
    }
  });

  it('tells what the execution did when it is done, and nothing of it otherwise', () => {
    expect(notificationText(request('zh'), 'executed')).toContain('已退款200元到原支付账户');
    expect(notificationText(request('en'), 'executed')).toContain(
      'refunded 200 yuan to the original account',
    );
    expect(notificationText(request('zh'), 'approved')).not.toContain('原支付账户');
    const silent = request('zh', { execution: null });
    expect(notificationText(silent, 'executed')).toBe(
      '您好，您在会员订阅服务申请的退款200元已经主管批准并办理完成。感谢您的耐心等待。',
    );
  });

  it('reads in the seed’s voice: 您申请的退款200元已经主管批准', () => {
    expect(notificationText(request('zh'), 'approved')).toContain('申请的退款200元已经主管批准');
  });

  it('gives the promised time of an expired request as a customer reads it', () => {
    const due = customerTime('2026-11-30T04:00:00.000Z');
    expect(due).toMatch(/^2026-11-30 \d\d:00$/);
    expect(notificationText(request('zh'), 'expired')).toContain(due);
    expect(notificationText(request('en'), 'expired')).toContain(due);
  });

  it('keeps a field to one line inside the sentence', () => {
    const text = notificationText(request('zh', { action: '退款200元。\n\n' }), 'approved');
    expect(text).toContain('申请的退款200元已经');
    expect(text).not.toContain('\n');
  });

  it('has a template for every news kind in both languages', () => {
    expect(Object.keys(NOTIFICATION_TEMPLATES).sort()).toEqual([...APPROVAL_NEWS].sort());
  });
});
