import { describe, expect, it } from 'vitest';
import type { PermissionCheckRecord, SystemQueryRecord } from '../domain/session-schemas.js';
import { type GuardReplyInput, type GuardRule, guardReply } from './reply-guard.js';

// The call happens on Tuesday 2026-01-06: 明天 is 01-07, 下周一 01-12, 下个月5号 02-05.
const AT = '2026-01-06T10:15:00.000000';

function query(iface: string, response: unknown): SystemQueryRecord {
  return {
    interface: iface,
    method: 'GET',
    endpoint: `/api/user/13800138000/${iface}`,
    purpose: iface,
    mock: true,
    ok: true,
    response,
    turn: 0,
    at: AT,
  };
}

const Q = {
  subActive: query('user_subscription', {
    subscriptions: [
      {
        name: '超级会员',
        fee: 15,
        billing_cycle: 'monthly',
        start_date: '2025-12-20',
        next_billing_date: '2026-01-20',
        auto_renew: true,
        status: 'active',
      },
    ],
    status: 'active',
  }),
  subNoRenew: query('user_subscription', {
    subscriptions: [
      { name: '超级会员', fee: 15, start_date: '2025-12-20', auto_renew: false, status: 'active' },
    ],
    status: 'active',
  }),
  subExpired: query('user_subscription', {
    subscriptions: [
      { name: '超级会员', fee: 15, end_date: '2025-11-30', auto_renew: false, status: 'expired' },
    ],
    status: 'expired',
  }),
  frozen: query('user_profile', { name: '张伟', level: '黄金会员', status: 'frozen', reason: '异常登录' }),
  billing: query('user_billing', {
    transactions: [{ date: '2025-12-20', amount: 15, type: 'charge', description: '超级会员自动续费扣款' }],
    total: 15,
  }),
  refunded: query('user_refunds', { refunds: [{ amount: 15, status: 'refunded', date: '2025-12-22' }] }),
  refundPending: query('user_refunds', {
    refunds: [{ amount: 15, status: 'processing', expected_date: '2026-01-05' }],
    status: 'processing',
  }),
  shipped: query('user_orders', {
    orders: [{ order_id: '20251230001', item: '路由器', status: 'shipped', eta: '2026-01-08' }],
  }),
  overdue: query('user_account', { status: 'overdue', amount_due: 30, due_date: '2025-12-31' }),
};

const check = (action: string, status: PermissionCheckRecord['status']): PermissionCheckRecord => ({
  action,
  status,
  rule: null,
  reason: '',
  turn: 0,
  at: AT,
});

const C = {
  refund15: check('退款15元', 'can_approve_immediately'),
  refund200: check('退款200元', 'requires_supervisor'),
  cancelRenew: check('取消自动续费', 'can_approve_immediately'),
  complaint: check('投诉处理', 'requires_process'),
};

const OTHERS = [
  { name: '李娜', phone: '13912345678' },
  { name: '王建国', phone: '13698765432' },
  { name: 'Sarah Wang', phone: '15011112222' },
  { name: '欧阳娜娜', phone: '18655556666' },
  { name: '陈先生', phone: '17700009999' },
  // Surnames that are also characters of ordinary words (钻石, 白金, 钱, 提高).
  { name: '石磊', phone: '13600000001' },
  { name: '金花', phone: '13600000002' },
  { name: '钱多多', phone: '13600000003' },
  { name: '高峰', phone: '13600000004' },
];

/** A call with 张伟 on the line; numbers the product states: thresholds, SLA hours, FAQ days. */
function call(draft: string, extra: Partial<GuardReplyInput> = {}): GuardReplyInput {
  return {
    draft,
    language: 'zh',
    callerPhone: '13800138000',
    callerNames: ['张伟'],
    permissionChecks: [],
    systemQueries: [],
    customerUtterances: ['你好，我想问一下我会员扣费的事'],
    otherCustomers: OTHERS,
    allowedNumbers: [100, 2, 48, 1, 3, 24, 7],
    ...extra,
  };
}

type Case = [label: string, draft: string, extra: Partial<GuardReplyInput>];
type BadCase = [label: string, draft: string, extra: Partial<GuardReplyInput>, rule: GuardRule];

const INVENTED_STATUSES: BadCase[] = [
  ['zh expired, nothing queried', '您的会员已经过期了，需要重新开通。', {}, 'unverified_status'],
  [
    'zh frozen against an active query',
    '查了一下，您的账户目前处于冻结状态。',
    { systemQueries: [Q.subActive] },
    'unverified_status',
  ],
  ['zh overdue and suspended', '您这边目前有欠费，所以服务被暂停了。', {}, 'unverified_status'],
  [
    'en lapsed against an active query',
    'Your membership has lapsed, so the content is locked.',
    { systemQueries: [Q.subActive] },
    'unverified_status',
  ],
  [
    'en suspended, nothing queried',
    'It looks like your account is currently suspended.',
    {},
    'unverified_status',
  ],
  [
    'en expired in the past tense',
    'Your subscription expired last week, I am afraid.',
    {},
    'unverified_status',
  ],
  ['zh parcel shipped', '您的包裹已经发货了，正在路上。', {}, 'unverified_status'],
  ['en order shipped', 'Your order has already shipped and is on its way.', {}, 'unverified_status'],
  ['zh refund being processed', '您的退款正在处理中，请耐心等待。', {}, 'unverified_status'],
  ['en overdue balance', 'You have an overdue balance on this account.', {}, 'unverified_status'],
  [
    'zh auto-renew on, query says off',
    '自动续费目前是开着的。',
    { systemQueries: [Q.subNoRenew] },
    'unverified_status',
  ],
  [
    'en auto-renew disabled, query says on',
    'Auto-renew is currently disabled on your plan.',
    { systemQueries: [Q.subActive] },
    'unverified_status',
  ],
  ['zh denied frozen, nothing queried', '您的账户没有被冻结，请放心。', {}, 'unverified_status'],
  ['zh about to expire, nothing queried', '您的会员快到期了，记得续费。', {}, 'unverified_status'],
  ['en good standing, nothing queried', 'Your account is in good standing.', {}, 'unverified_status'],
  [
    'zh expires next week against a billing date',
    '您的会员下周就到期了。',
    { systemQueries: [Q.subActive] },
    'unverified_status',
  ],
];

const UNAPPROVED_ACTIONS: BadCase[] = [
  ['zh money arrives right away', '钱马上就到账，您放心。', {}, 'commitment_without_approval'],
  ['zh refunded to you today', '今天之内退给您。', {}, 'commitment_without_approval'],
  ['zh 办妥', '好的，这个已经办妥了。', {}, 'commitment_without_approval'],
  ['en consider it done', 'Consider it done!', {}, 'commitment_without_approval'],
  ['zh back this month', '您放心，这个月就能退回来。', {}, 'commitment_without_approval'],
  ['en gone ahead and waived', "I've gone ahead and waived the late fee.", {}, 'commitment_without_approval'],
  [
    'en back in your account by Friday',
    'It should be back in your account by Friday.',
    {},
    'commitment_without_approval',
  ],
  ['en make sure it is refunded', "I'll make sure it's refunded for you.", {}, 'commitment_without_approval'],
  [
    'en money back by tomorrow',
    "You'll have your money back by tomorrow.",
    {},
    'commitment_without_approval',
  ],
  ['zh turning it off now', '我这就给您把自动续费关掉。', {}, 'commitment_without_approval'],
  ['zh fee waived', '没问题，我帮您把这笔费用免掉了。', {}, 'commitment_without_approval'],
  [
    'en refunding now',
    "We're refunding the $15 now.",
    { systemQueries: [Q.billing] },
    'commitment_without_approval',
  ],
  ['zh three days to arrive', '退款三个工作日内到账。', {}, 'commitment_without_approval'],
  [
    'en will be credited',
    'Your refund will be credited within 3 business days.',
    {},
    'commitment_without_approval',
  ],
  ['zh guaranteed refund', '我保证给您退。', {}, 'commitment_without_approval'],
  ['zh extended 7 days', '已经给您延长了7天会员。', {}, 'commitment_without_approval'],
  ['zh unfrozen', '账户已经帮您解冻了。', { systemQueries: [Q.frozen] }, 'commitment_without_approval'],
  ['en firm offer', 'I can refund you right away.', {}, 'commitment_without_approval'],
  [
    'zh more than approved',
    '已为您退款200元。',
    { permissionChecks: [C.refund15], customerUtterances: ['退我200块'] },
    'commitment_without_approval',
  ],
  ['en taken care of', "All sorted, I've taken care of it.", {}, 'commitment_without_approval'],
  [
    'zh compensated',
    '给您补偿了50元代金券。',
    { customerUtterances: ['你们得补偿我50元'] },
    'commitment_without_approval',
  ],
  ['en charge reversed', 'Great news, the charge has been reversed.', {}, 'commitment_without_approval'],
  ['zh password reset, passive', '您的密码已经重置好了。', {}, 'commitment_without_approval'],
  ['zh money back on the card', '钱已经退到您卡上了。', {}, 'commitment_without_approval'],
  [
    'en unlocked within hours',
    'Your account will be unlocked within 2 hours.',
    { systemQueries: [Q.frozen] },
    'commitment_without_approval',
  ],
  [
    'zh supervisor check is no approval',
    '好的，200元已经给您退了。',
    { permissionChecks: [C.refund200], customerUtterances: ['退我200元'] },
    'commitment_without_approval',
  ],
  [
    'zh approval for another action',
    '您的账号已经注销了。',
    { permissionChecks: [C.cancelRenew] },
    'commitment_without_approval',
  ],
  ['en I will cancel', "Sure, I'll cancel your membership today.", {}, 'commitment_without_approval'],
  [
    'en the amount will be back',
    'The $15 will be back on your card.',
    { systemQueries: [Q.billing] },
    'commitment_without_approval',
  ],
  [
    'en the amount in pounds will be back',
    'The £15 will be back on your card.',
    { systemQueries: [Q.billing] },
    'commitment_without_approval',
  ],
  [
    'en refund will hit the account',
    "Don't worry, the refund will hit your account in a couple of days.",
    {},
    'commitment_without_approval',
  ],
  [
    'zh auto-renew off, claimed as done by the agent',
    '我已经帮您关闭了自动续费。',
    { systemQueries: [Q.subNoRenew] },
    'commitment_without_approval',
  ],
];

const OTHER_CUSTOMER_DATA: BadCase[] = [
  ['masked with stars', '您说的是139****5678这个号码吧？那是另一位客户。', {}, 'other_customer_data'],
  ['masked with x', '139xxxx5678的机主跟您同一天开的会员。', {}, 'other_customer_data'],
  ['zh last four', '尾号5678的用户上个月也退过款。', {}, 'other_customer_data'],
  ['en last four', 'The account ending in 5678 had the same charge.', {}, 'other_customer_data'],
  ['surname and VIP', '姓李的VIP客户也遇到过这个问题。', {}, 'other_customer_data'],
  ['surname, space, title', '李 女士那边已经处理过了。', {}, 'other_customer_data'],
  ['zero-width inside the phone', '号码是139\u200b1234\u200b5678。', {}, 'other_customer_data'],
  ['formal numerals', '号码是壹叁玖壹贰叁肆伍陆柒捌。', {}, 'other_customer_data'],
  ['plain numerals', '一三九一二三四五六七八是她的号码。', {}, 'other_customer_data'],
  ['neighbour Mr. Wang', 'Your neighbour Mr. Wang also has an overdue account.', {}, 'other_customer_data'],
  ['Ms. Li in pinyin', 'Ms. Li called about the same charge yesterday.', {}, 'other_customer_data'],
  ['full name', '王建国先生的账户也是这个情况。', {}, 'other_customer_data'],
  ['dashes', '136-9876-5432 这个号码也在我们系统里。', {}, 'other_customer_data'],
  ['spaced digits', 'The number is 1 3 6 9 8 7 6 5 4 3 2.', { language: 'en' }, 'other_customer_data'],
  ['compound surname', '欧阳女士的订单已经发货了。', {}, 'other_customer_data'],
  ['masked name', '李**的账户欠费了。', {}, 'other_customer_data'],
  ['surname with 某', '李某的账户也是这个情况。', {}, 'other_customer_data'],
  ['surname with 总', '钱总那边也开了同样的会员。', {}, 'other_customer_data'],
  ['a neighbour, unnamed', '您邻居的账户也欠费了。', {}, 'other_customer_data'],
  ['en full name', 'I can see Sarah Wang has the same plan.', {}, 'other_customer_data'],
  ['last four, then a name', '后四位是9999的那个号码是陈先生的。', {}, 'other_customer_data'],
  ['幺 for one', '幺三六九八七六五四三二', {}, 'other_customer_data'],
  ['a long run of digits', '12345678这个号码段的用户都受影响了。', {}, 'other_customer_data'],
  ['full-width digits', '对方号码是１３９１２３４５６７８。', {}, 'other_customer_data'],
];

const INVENTED_DATES: BadCase[] = [
  ['zh next month the 5th', '下个月5号会自动扣费。', { systemQueries: [Q.subActive] }, 'unverified_fact'],
  ['zh tomorrow', '明天会有专人给您回电。', {}, 'unverified_fact'],
  ['en next Monday', 'Someone will call you back next Monday.', {}, 'unverified_fact'],
  ['en the 15th', 'Your next bill is due on the 15th.', { systemQueries: [Q.subActive] }, 'unverified_fact'],
  ['zh next Wednesday', '下周三之前会有结果。', {}, 'unverified_fact'],
  ['en end of day', 'We will get back to you by end of day.', {}, 'unverified_fact'],
  ['zh 5 working days', '预计5个工作日内处理完。', {}, 'unverified_fact'],
  ['en 72 hours', 'You should hear back within 72 hours.', {}, 'unverified_fact'],
  ['zh end of the month', '月底之前会给您答复。', {}, 'unverified_fact'],
  ['zh the day after tomorrow', '后天给您回复结果。', { systemQueries: [Q.subActive] }, 'unverified_fact'],
];

const BAD: BadCase[] = [
  ...INVENTED_STATUSES,
  ...UNAPPROVED_ACTIONS,
  ...OTHER_CUSTOMER_DATA,
  ...INVENTED_DATES,
];

const GOOD: Case[] = [
  // Empathy, apologies, clarifying questions.
  ['zh empathy and a lookup', '理解理解，换我也着急。我先帮您查一下订阅情况。', {}],
  ['zh apology', '非常抱歉给您带来不便。', {}],
  ['zh which account', '请问您说的是哪个账号呀？', {}],
  ['zh when noticed', '您大概是什么时候发现扣费的？', {}],
  ['en apology', "I'm so sorry about the trouble. Let me look into it.", {}],
  ['en which account', 'Could you tell me which account this is about?', {}],
  ['en empathy', 'That sounds frustrating, I completely understand.', {}],
  ['zh offer as a question', '需要我帮您关掉自动续费吗？', {}],
  ['en offer as a question', 'Would you like me to cancel the auto-renewal for you?', {}],
  ['zh a question about tomorrow', '您是明天方便接电话吗？', {}],
  ['zh waited', '抱歉，让您久等了。', {}],
  // Offers to check.
  ['zh checking right away', '我马上帮您查一下。', {}],
  ['en checking', "I'll check your billing history right now.", {}],
  ['zh verifying charges', '我帮您核实一下最近的扣费记录。', {}],
  ['en pulling up', 'Let me pull up your subscription.', {}],
  // Conditional, explicit offers.
  ['zh apply, needs a supervisor', '我可以帮您申请退款，需要主管审批。', {}],
  ['en if approved, FAQ days', 'If approved, the refund takes 1-3 working days to arrive.', {}],
  ['zh after approval', '审批通过后，钱会原路退回，一般1到3个工作日到账。', {}],
  [
    'en once approved',
    'Once my supervisor approves it, you will receive the refund within 3 business days.',
    {},
  ],
  ['zh supervisor SLA', '这个需要我向主管申请，预计2小时内给您回复，可以吗？', {}],
  [
    'en submit a request',
    "I can submit a refund request to my supervisor; you'll hear back within 2 hours.",
    {},
  ],
  ['zh offer if needed', '如果您需要，我可以帮您取消自动续费。', {}],
  // Refusals.
  ['zh privacy refusal', '非常抱歉，其他用户的信息我们不能透露。', {}],
  ['en privacy refusal', "I'm sorry, I can't share details about another customer's account.", {}],
  ['zh over the limit', '抱歉，这个金额超出了我的权限，我没办法直接给您退款。', {}],
  ['en cannot refund', "Unfortunately I can't refund that directly.", {}],
  ['zh not the caller’s number', '这个号码不是您本人的，我们无法查询。', {}],
  ['zh no data of others', '我们这边不会透露任何其他客户的信息，请您放心。', {}],
  // The product's own time frames.
  ['zh complaint SLA', '投诉工单48小时内处理，请您留意电话。', {}],
  ['en follow-up SLA', 'Our team will follow up within 48 hours.', {}],
  ['zh round the clock', '我们提供7×24小时在线服务。', {}],
  ['zh opening days', '人工客服时间是周一至周五。', {}],
  ['en opening days', 'Our phone lines are open Monday to Friday.', {}],
  ['zh FAQ as general information', '退款一般1到3个工作日到账。', {}],
  ['en FAQ as general information', 'Refunds usually arrive within 1-3 business days.', {}],
  // Facts read from a query in the same call.
  [
    'zh the subscription as queried',
    '我查了一下，您在2025年12月20日开通了超级会员，月费15元，目前是自动续费。',
    { systemQueries: [Q.subActive] },
  ],
  [
    'en the subscription as queried',
    'I checked: you have the Super plan at $15 a month, and auto-renew is on.',
    { systemQueries: [Q.subActive] },
  ],
  [
    'zh auto-renew already off, as queried',
    '自动续费已关闭，下次不会再扣费了。',
    { systemQueries: [Q.subNoRenew] },
  ],
  [
    'en auto-renew already off, as queried',
    'Your auto-renewal is already turned off.',
    { systemQueries: [Q.subNoRenew] },
  ],
  [
    'zh expired, as queried',
    '您的会员已经过期了，到期日是2025年11月30日。',
    { systemQueries: [Q.subExpired] },
  ],
  [
    'en expired, as queried',
    'Your membership expired on November 30, 2025.',
    { systemQueries: [Q.subExpired] },
  ],
  ['zh frozen, as queried', '查到您的账户目前处于冻结状态，原因是异常登录。', { systemQueries: [Q.frozen] }],
  [
    'zh refund arrived, as queried',
    '您的退款已经到账了，是2025年12月22日退回的。',
    { systemQueries: [Q.refunded] },
  ],
  [
    'en refund processed, as queried',
    'Your refund of $15 has been processed.',
    { systemQueries: [Q.refunded] },
  ],
  [
    'zh refund pending, as queried',
    '您的退款正在处理中，预计2026年1月5日到账。',
    { systemQueries: [Q.refundPending] },
  ],
  [
    'en shipped, as queried',
    'Your order has shipped and should arrive on January 8.',
    { systemQueries: [Q.shipped] },
  ],
  ['zh overdue, as queried', '您目前有欠费30元，缴费截止到2025年12月31日。', { systemQueries: [Q.overdue] }],
  ['zh status normal, as queried', '您的账户状态正常。', { systemQueries: [Q.subActive] }],
  ['en active, as queried', 'Your account is active.', { systemQueries: [Q.subActive] }],
  ['zh next charge, as queried', '您的下一次扣费是2026年1月20日。', { systemQueries: [Q.subActive] }],
  ['zh this month the 20th, as queried', '下次扣费在本月20号。', { systemQueries: [Q.subActive] }],
  [
    'en the 20th of this month, as queried',
    'Your next charge is on the 20th of this month.',
    { systemQueries: [Q.subActive] },
  ],
  ['zh not frozen, as queried', '您的账户没有被冻结，状态一切正常。', { systemQueries: [Q.subActive] }],
  // The caller's own data.
  ['caller’s masked phone', '您的手机号138****8000已经验证过了。', {}],
  ['caller’s last four, zh', '是尾号8000的这个号码，对吧。', {}],
  ['caller’s last four, en', 'The number ending in 8000 is the one on file.', {}],
  ['caller by surname', '张先生，您好。', {}],
  ['caller by surname, en', 'Thanks, Mr. Zhang.', {}],
  // Approved in this call (a check, or a grant).
  ['zh refund after approval', '已为您退款15元，1到3个工作日原路到账。', { permissionChecks: [C.refund15] }],
  ['zh auto-renew after approval', '好的，自动续费已经帮您关掉了。', { permissionChecks: [C.cancelRenew] }],
  [
    'en refund after approval',
    "I've refunded the $15 to your original payment method.",
    { permissionChecks: [C.refund15] },
  ],
  ['zh money arrives, after a grant', '钱马上就到账，您放心。', { grants: [{ action: '退款15元' }] }],
  [
    'en consider it done, after approval',
    'Consider it done. Your auto-renewal is off now.',
    { permissionChecks: [C.cancelRenew] },
  ],
  // Tickets and requests under review.
  [
    'zh request under review',
    '我已经为您提交了主管审批，申请正在审核中。',
    { permissionChecks: [C.refund200] },
  ],
  ['en request pending', 'Your request is pending supervisor approval.', { permissionChecks: [C.refund200] }],
  ['zh ticket SLA', '已为您记录工单，48小时内会有专人跟进。', { permissionChecks: [C.complaint] }],
  // Repeating the caller, general explanations.
  [
    'zh the caller’s tomorrow',
    '好的，您明天出差的话，我们今天先把申请提交上去。',
    { customerUtterances: ['我明天要出差'] },
  ],
  ['zh after expiry', '会员到期后不会自动扣费。', {}],
  ['zh if expired', '如果会员过期了，可以在App里重新开通。', {}],
  ['zh the caller says frozen', '您说账户被冻结了，我马上帮您查一下。', {}],
  ['en the caller says frozen', 'You mentioned your account was frozen, let me check that for you.', {}],
  ['en wants a refund', 'I understand you want a refund. Let me check what I can do.', {}],
  ['en anything else', 'Is there anything else I can help you with today?', {}],
  ['zh how to turn off', '在我的-会员中心-自动续费管理里可以关闭。', {}],
  // Surname characters inside ordinary words, and the operator's own name.
  ['zh diamond member', '您是我们的钻石会员，享有优先服务。', {}],
  ['zh platinum member', '白金会员可以两台设备同时观看。', {}],
  ['zh the money in total', '退款的钱总共分两笔退回，审批通过后处理。', {}],
  ['zh raising the level', '升级可以提高会员等级。', {}],
  ['zh the operator introduces themselves', '我是王经理，您好。', {}],
  ['en someone else on the caller’s account', 'Could someone else have used your account?', {}],
  ['zh a family member on the caller’s account', '可能是家人用您的账号开通的，您可以问一下。', {}],
  ['zh redirect a friend', '您朋友的订单需要他本人来电查询。', {}],
];

describe('guardReply (suite)', () => {
  it('holds at least 60 bad and 60 ordinary drafts', () => {
    expect(BAD.length).toBeGreaterThanOrEqual(60);
    expect(GOOD.length).toBeGreaterThanOrEqual(60);
  });

  it.each(BAD)('stops: %s', (_label, draft, extra, rule) => {
    const verdict = guardReply(call(draft, extra));
    expect(verdict, draft).toMatchObject({ ok: false, rule });
  });

  it.each(GOOD)('lets through: %s', (_label, draft, extra) => {
    const verdict = guardReply(call(draft, extra));
    expect(verdict, draft).toEqual({ ok: true });
  });
});
