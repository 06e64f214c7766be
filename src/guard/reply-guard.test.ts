import { describe, expect, it } from 'vitest';
import { subscriptionQuery as scenarioSubscriptionQuery } from '../../test/support/scenario-records.js';
import type { PermissionCheckRecord, SystemQueryRecord } from '../domain/session-schemas.js';
import { type GuardReplyInput, guardReply } from './reply-guard.js';

const subscriptionQuery = scenarioSubscriptionQuery();

const check = (action: string, status: PermissionCheckRecord['status']): PermissionCheckRecord => ({
  action,
  status,
  rule: null,
  reason: '',
});

function input(draft: string, extra: Partial<GuardReplyInput> = {}): GuardReplyInput {
  return {
    draft,
    language: 'zh',
    callerPhone: '13800138000',
    callerNames: ['张先生'],
    permissionChecks: [],
    systemQueries: [],
    customerUtterances: [],
    otherCustomers: [
      { name: '李女士', phone: '13912345678' },
      { name: 'Ms. Lee', phone: '13912345679' },
      { name: '张先生', phone: '13700001111' },
    ],
    allowedNumbers: [100, 2, 48, 1, 3],
    ...extra,
  };
}

describe('guardReply', () => {
  describe('commitments', () => {
    const blocked: Array<[string, string]> = [
      ['zh refund, no check', '好的，已为您退款200元，请注意查收。'],
      ['zh refund done', '您的退款成功了，1到3个工作日到账。'],
      ['zh 已经给您退了', '这个钱已经给您退了。'],
      ['zh 已退款', '这笔已退款。'],
      ['zh cancelled auto-renew', '自动续费已经帮您关掉了。'],
      ['zh 帮您关掉了', '好的，帮您把自动续费关掉了。'],
      ['zh account closed', '您的账号已注销。'],
      ['zh password reset', '密码已重置，请用短信验证码登录。'],
      ['zh generic 已经处理好', '好的，已经处理好了。'],
      ['en refunded', "I've refunded the $15 to your card."],
      ['en refund issued', 'Your refund has been issued.'],
      ['en cancelled', 'Your auto-renewal has been cancelled.'],
      ['en account closed', 'Okay, your account is closed now.'],
      ['en I have closed', 'I have closed your account as requested.'],
      ['en reset', "I've reset your password."],
      ['en done', 'Done! Anything else?'],
    ];
    it.each(blocked)('stops a commitment without an approved check: %s', (_name, draft) => {
      const verdict = guardReply(
        input(draft, {
          customerUtterances: ['退款200元', 'refund my $15'],
          systemQueries: [subscriptionQuery],
        }),
      );
      expect(verdict).toMatchObject({ ok: false, rule: 'commitment_without_approval' });
    });

    const allowed: Array<[string, string, PermissionCheckRecord[]]> = [
      [
        'zh auto-renew after approval',
        '好的，自动续费已经帮您关掉了。',
        [check('取消自动续费', 'can_approve_immediately')],
      ],
      [
        'zh refund after approval',
        '已为您退款15元，1到3个工作日到账。',
        [check('退款15元', 'can_approve_immediately')],
      ],
      ['zh password after approval', '密码已重置。', [check('重置密码', 'can_approve_immediately')]],
      [
        'en cancel after approval',
        "I've turned off your auto-renewal.",
        [check('cancel auto-renewal', 'can_approve_immediately')],
      ],
      [
        'en refund after approval',
        'Your refund has been issued.',
        [check('refund $15', 'can_approve_immediately')],
      ],
      [
        'generic done after any approval',
        'Done. Anything else?',
        [check('reset password', 'can_approve_immediately')],
      ],
      ['zh offer is no commitment', '如果您需要，我可以帮您取消自动续费。', []],
      ['zh supervisor answer', '这个需要我向主管申请，预计2小时内给您回复，可以吗？', []],
      ['zh negation', '这笔还没有退款。', []],
      ['zh condition 退款成功后', '退款成功后会短信通知您。', []],
      ['zh description 已取消的', '您有一笔已取消的订单。', []],
      ['en future', 'Once approved, the refund will be issued within 1 to 3 days.', []],
      ['en negation', "Your refund hasn't been issued yet.", []],
      ['zh ticket', '已为您记录工单，工单号T1，48小时内处理。', []],
      ['zh supervisor request', '我已经为您提交了主管审批。', []],
      ['zh looked up', '我已经帮您查询了订阅情况。', []],
      ['en ticket', "I've logged a ticket for your complaint.", []],
      ['en checked', "I've checked your account and your subscription is active.", []],
      ['en sent to supervisor', 'Your refund request has been sent to a supervisor.', []],
    ];
    it.each(allowed)('lets through: %s', (_name, draft, checks) => {
      const verdict = guardReply(
        input(draft, {
          permissionChecks: checks,
          systemQueries: [subscriptionQuery],
          customerUtterances: ['退给我15块', 'refund my $15'],
        }),
      );
      expect(verdict).toEqual({ ok: true });
    });

    // The never_say lists of the shared call scenarios, each in a sentence.
    it.each([
      '好的，已为您退款。',
      '已经给您退200元了。',
      '已经给您退了。',
      '退款成功。',
      '这笔已退款。',
      'Your refund has been issued.',
      "I've refunded the charge.",
      "OK, I've refunded you.",
      'We refunded you yesterday.',
    ])('stops the scenario phrase in %s', (draft) => {
      const verdict = guardReply(input(draft, { customerUtterances: ['上个月扣了我200块，我要退款'] }));
      expect(verdict).toMatchObject({ ok: false, rule: 'commitment_without_approval' });
    });

    it('does not count an approval for a different action', () => {
      const verdict = guardReply(
        input('您的账号已注销。', { permissionChecks: [check('取消自动续费', 'can_approve_immediately')] }),
      );
      expect(verdict).toMatchObject({ ok: false, rule: 'commitment_without_approval' });
    });

    it('does not count a check that needs a supervisor', () => {
      const verdict = guardReply(
        input('已为您退款200元。', {
          permissionChecks: [check('退款200元', 'requires_supervisor')],
          customerUtterances: ['上个月扣了我200块，我要退款'],
        }),
      );
      expect(verdict).toMatchObject({ ok: false, rule: 'commitment_without_approval' });
    });

    it('does not let an approved 50 vouch for a refund of 80', () => {
      const verdict = guardReply(
        input('已为您退款80元。', {
          permissionChecks: [check('退款50元', 'can_approve_immediately')],
          customerUtterances: ['退我80元，或者50元也行'],
        }),
      );
      expect(verdict).toMatchObject({ ok: false, rule: 'commitment_without_approval' });
      expect(verdict.ok ? '' : verdict.detail).toContain('80');
    });
  });

  describe("other customers' data", () => {
    const leaks: Array<[string, string]> = [
      ['zh phone', '这个号码13912345678的用户是我们的会员。'],
      ['phone with dashes', 'The number is 139-1234-5678.'],
      ['phone with spaces', '号码是 139 1234 5678。'],
      ['phone in Chinese digits', '号码是一三九一二三四五六七八。'],
      ['zh name', '这个号码是李女士的。'],
      ['en name', 'That account belongs to Ms. Lee.'],
    ];
    it.each(leaks)('stops: %s', (_name, draft) => {
      expect(guardReply(input(draft))).toMatchObject({ ok: false, rule: 'other_customer_data' });
    });

    it("lets the caller's own number through", () => {
      expect(guardReply(input('您的手机号13800138000是绑定号码。'))).toEqual({ ok: true });
    });

    it("does not count the caller's own name even when another customer shares it", () => {
      expect(guardReply(input('张先生，您好。'))).toEqual({ ok: true });
    });

    it('lets the caller be addressed by the surname they gave, even when another customer has that form', () => {
      const others = [
        { name: '王先生', phone: '13600001111' },
        { name: 'Mr. Wang', phone: '13600001112' },
      ];
      expect(
        guardReply(
          input('王先生您好，我帮您看看。', { otherCustomers: others, customerUtterances: ['你好，我姓王'] }),
        ),
      ).toEqual({ ok: true });
      expect(
        guardReply(
          input('Thanks, Mr. Wang.', { otherCustomers: others, customerUtterances: ["Hi, I'm Mr. Wang"] }),
        ),
      ).toEqual({ ok: true });
      // Without that, the stored name still does not go out.
      expect(guardReply(input('王先生您好。', { otherCustomers: others }))).toMatchObject({
        rule: 'other_customer_data',
      });
    });

    it('stops a name a query gave for someone else: who complained, the parcel’s other end', () => {
      const workOrders: SystemQueryRecord = {
        interface: 'work_orders',
        method: 'GET',
        endpoint: '/work-orders',
        purpose: '查询工单',
        mock: true,
        ok: true,
        response: {
          orders: [
            { type: '噪音投诉', complainant: { name: '邹雅琴', unit: '3幢501' }, handler: '管家 李敏' },
          ],
        },
      };
      const withQuery = { systemQueries: [workOrders] };
      expect(guardReply(input('是3幢的邹雅琴投诉的。', withQuery))).toMatchObject({
        rule: 'other_customer_data',
      });
      // The staff member the order names serves the caller.
      expect(guardReply(input('管家李敏已经上门沟通过了。', withQuery))).toEqual({ ok: true });
      const parcel: SystemQueryRecord = {
        ...workOrders,
        response: { recipient_name: 'Laura Chen', status: 'in transit' },
      };
      expect(
        guardReply(input('It is going to Laura Chen.', { language: 'en', systemQueries: [parcel] })),
      ).toMatchObject({
        rule: 'other_customer_data',
      });
    });

    it('masks the number in the detail', () => {
      const verdict = guardReply(input('号码13912345678。'));
      expect(verdict.ok ? '' : verdict.detail).toContain('139****5678');
      expect(verdict.ok ? '' : verdict.detail).not.toContain('13912345678');
    });
  });

  describe('amounts and dates', () => {
    const invented: Array<[string, string]> = [
      ['zh amount', '您上个月被扣了30元。'],
      ['zh 块', '一共扣了您二十块钱。'],
      ['en dollars', 'You were charged $30 last month.'],
      ['zh date', '您是2025年11月3日开通的。'],
      ['iso date', 'It started on 2025-11-03.'],
      ['zh month-day', '下次扣费是1月5号。'],
      ['en month name', 'It renews on January 5, 2026.'],
    ];
    it.each(invented)('stops an unverified %s', (_name, draft) => {
      expect(guardReply(input(draft, { systemQueries: [subscriptionQuery] }))).toMatchObject({
        ok: false,
        rule: 'unverified_fact',
      });
    });

    const verified: Array<[string, string, Partial<GuardReplyInput>]> = [
      [
        'fee from the query',
        '您在2025年12月20日开通了超级会员，月费15元。',
        { systemQueries: [subscriptionQuery] },
      ],
      [
        'en from the query',
        'You started Super on December 20, 2025, at $15 a month.',
        { systemQueries: [subscriptionQuery] },
      ],
      ['iso from the query', 'It started on 2025-12-20.', { systemQueries: [subscriptionQuery] }],
      [
        "the customer's own amount",
        '您说的15块，我马上帮您查一下。',
        { customerUtterances: ['为什么扣了我15块钱'] },
      ],
      ["the customer's Chinese numeral", '您说扣了十五元是吧？', { customerUtterances: ['扣了我15块'] }],
      ["the customer's day", '您说的12月20号那笔，我来查。', { customerUtterances: ['20号扣了我钱'] }],
      ['product threshold', '退款100元以上需要主管审批。', {}],
    ];
    it.each(verified)('lets through %s', (_name, draft, extra) => {
      expect(guardReply(input(draft, extra))).toEqual({ ok: true });
    });

    it('does not take a failed query as evidence', () => {
      const failed: SystemQueryRecord = { ...subscriptionQuery, ok: false, error: 'timeout' };
      expect(guardReply(input('月费15元。', { systemQueries: [failed] }))).toMatchObject({
        rule: 'unverified_fact',
      });
    });

    it("does not let a date's day vouch for an amount", () => {
      const verdict = guardReply(input('您被扣了20元。', { systemQueries: [subscriptionQuery] }));
      expect(verdict).toMatchObject({ ok: false, rule: 'unverified_fact' });
    });
  });

  it('reports the most serious rule first', () => {
    const verdict = guardReply(input('已为您退款30元，李女士那边也处理了。'));
    expect(verdict).toMatchObject({ ok: false, rule: 'other_customer_data' });
  });

  it('passes a plain reply', () => {
    expect(guardReply(input('理解理解，换我也着急。我先帮您查一下订阅情况。'))).toEqual({ ok: true });
  });
});

describe('guardReply: contact handles a system returned', () => {
  const schedule: SystemQueryRecord = {
    interface: 'tutor_schedule',
    method: 'GET',
    endpoint: '/api/tutors',
    purpose: '查询老师排课',
    mock: true,
    ok: true,
    response: {
      tutors: [{ name: '周老师', day: '周三', wechat: 'zhou_t_2020', email: 'zhou.t@example.org' }],
    },
  };

  it.each(['周老师的微信是zhou_t_2020，您可以直接加他。', 'You can e-mail him at ZHOU.T@example.org.'])(
    'stops %j',
    (draft) => {
      const verdict = guardReply(input(draft, { systemQueries: [schedule] }));
      expect(verdict.ok).toBe(false);
      expect(verdict.ok === false && verdict.rule).toBe('other_customer_data');
    },
  );

  it('lets the caller hear back a handle they gave themselves, and the schedule itself', () => {
    const said = guardReply(
      input('好的，zhou.t@example.org 这个邮箱我记下了。', {
        systemQueries: [schedule],
        customerUtterances: ['我的邮箱是zhou.t@example.org'],
      }),
    );
    expect(said.ok).toBe(true);
    expect(guardReply(input('周老师周三上课。', { systemQueries: [schedule] })).ok).toBe(true);
  });
});

describe('guardReply: a phone a system returned, inside a note', () => {
  const slots: SystemQueryRecord = {
    interface: 'engineer_availability',
    method: 'GET',
    endpoint: '/api/availability',
    purpose: 'Free engineer slots',
    mock: true,
    ok: true,
    response: {
      engineer: 'Gareth',
      notes:
        'INTERNAL - STAFF ONLY: Gareth Wilkinson, personal mobile 07700 900291 - never given to customers',
    },
  };

  it('stops a draft that reads it out, in any spacing', () => {
    for (const draft of ['Gareth is coming; his mobile 07700 900291.', 'his phone: 07700-900-291']) {
      const verdict = guardReply(input(draft, { systemQueries: [slots] }));
      expect(verdict.ok === false && verdict.rule).toBe('other_customer_data');
    }
  });

  it('lets the caller hear their own number back, and the engineer’s first name', () => {
    expect(guardReply(input('Gareth will come between 8 and 12.', { systemQueries: [slots] })).ok).toBe(true);
    expect(
      guardReply(
        input('We will ring your mobile 07700 900291.', {
          systemQueries: [slots],
          callerPhone: '07700900291',
        }),
      ).ok,
    ).toBe(true);
  });
});
