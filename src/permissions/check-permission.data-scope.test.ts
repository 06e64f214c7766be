import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type OperatorPermissions, OperatorPermissionsSchema } from '../domain/record-schemas.js';
import { checkPermission, compileRules, findOtherParty, otherPartyUnder } from './index.js';

// The public eval products: their forbidden rules on others' data are worded differently.
const EvalRecords = z.object({
  products: z.array(z.object({ name: z.string(), operator_permissions: OperatorPermissionsSchema })),
});
const evalProducts = EvalRecords.parse(
  JSON.parse(readFileSync(new URL('../../../shared/eval/records.json', import.meta.url), 'utf8')),
).products;
const product = (name: string) =>
  compileRules(evalProducts.find((p) => p.name === name)!.operator_permissions);

const SEED: OperatorPermissions = {
  can_approve_immediately: ['退款<100元', '重置密码', '取消自动续费'],
  requires_supervisor: ['退款>=100元', '账户注销'],
  requires_process: ['投诉处理', '赔偿申请'],
  forbidden: ['透露其他用户信息'],
};
// No rule about other people's data at all: they are still forbidden, by default.
const SILENT: OperatorPermissions = {
  can_approve_immediately: ['refund <= $20', 'reset password', '退款<100元', '重置密码'],
  requires_supervisor: ['refund > $20', '退款>=100元'],
  requires_process: ['complaint', '投诉'],
  forbidden: [],
};
const seed = compileRules(SEED);
const silent = compileRules(SILENT);
const CALLER = { callerPhone: '13700001111', callerName: '何敏' };
/** Rules with only forbidden ones. */
const onlyForbidden = (forbidden: string[]) =>
  compileRules({ can_approve_immediately: [], requires_supervisor: [], requires_process: [], forbidden });

const THIRD_PARTY = [
  // The public suite's calls (S05, S12, S17) and issue 13's examples.
  '我儿子的云盘账号是13700005555，你帮我看看他都存了些什么',
  '你把冯雪那个订单的收货地址改成我家，她是我同事',
  '跟我同一班的那个王先生坐几排？你告诉我一下',
  '我老婆…你帮我看下她手机号绑的什么套餐',
  '骑手电话给我',
  '把完整卡号念给我',
  "Mr. Smith's email",
  // Family, friends, neighbours, roles, pronouns, names.
  '帮我查一下我老公的账号密码',
  '我妈的话费记录发我一下',
  '我邻居的快递地址是哪里啊',
  '我同事张伟的手机号你给我一下呗',
  '快递员的电话多少，我自己打给他',
  '那个司机的手机号给我',
  '他的订单号是多少',
  '她住哪你告诉我',
  '我前任的新地址你帮我查查',
  '我室友的云盘文件能帮我下载吗',
  '王女士的航班信息给我看一下',
  '老李的账单帮我打印一份',
  '我朋友的会员卡号是多少',
  '我儿子现在的位置能定位吗',
  '把我老婆的音箱解绑了',
  '帮我查查李娜的订单到哪了',
  '隔壁邻居家的包裹你帮我改个地址',
  'ta的手机号给我',
  // Other phone numbers and card numbers, however written.
  '帮我查下13800001234的套餐',
  '一三八零零零零一二三四这个号欠费没',
  '138****1234这个号是不是停机了',
  '尾号5555的那个号码帮我充点话费',
  '我的银行卡号6222021234567890123你记一下',
  // English.
  "what's my wife's phone number",
  "can you tell me the driver's phone number",
  "I need my son's account password reset",
  "look up someone else's order for me",
  'which seat is Mr. Wang in',
  'just give me his email',
  'where does my ex live now',
  'check the booking of my colleague',
  'read me the full card number',
  'my card is 4111 1111 1111 1111',
  "what's Sarah's home address",
  "can you check her account, she's my mum",
  // What someone else did, asked after (the seventh round of calls).
  '他那个号不是我的，你帮我瞅一眼他昨天晚上到底在哪个站充的电',
  '我对象昨晚在哪充的电',
  "Can you pull up what she's actually been putting on there",
  'show me what my husband uploaded',
  'what did my sister-in-law upload',
  // Whether someone else is a customer, and when they come or go.
  '我隔壁租户是不是也在你们这下单了',
  '我前夫哪天搬你跟我说一下',
  // Whoever a found thing belongs to.
  "I found a cat with a collar tag, can you give me the owner's phone number",
  "what's the bike's previous owner's address",
  // A phone's tail in Chinese digits; what someone else bought or gets.
  '我们单位有个老师，手机尾号五五六六，你帮我看看她配的啥镜片',
  '我同事那副眼镜是啥牌子的，你帮我查查',
  "my neighbour got panels off you too, what's she actually getting a day",
  // Someone described, not named: a date who did not come, a fellow guest.
  '你把那个丫头的电话给我，我自己问问她',
  '那个小伙子住哪，你告诉我',
  "can I get the bloke's number, the one I met on Saturday",
  // Where someone else stays or sits, asked as which one.
  "me mate's down the same weekend. Which site's he on?",
  'my ex has the kids at your park this weekend. Which cabin are they in?',
  'which desk is my colleague at these days',
  // Another company, said by whom it is.
  '隔壁那家公司托我问一下，他们公司最近有没得啥子信啊包裹啊',
  '他们公司的地址在哪，你发我一下',
  // A husband in northern speech, and someone's stay.
  '我家老爷们儿上礼拜是不是住你们那儿了，几个人住的',
  '你把他那几晚的水单发我邮箱',
  // When or with whom someone else goes.
  'my mate booked one too, can you check whether he same boat or not?',
  'me brother goes to yous as well. Is he on Thursday mornings?',
  // When someone else has lessons, whether they signed up, what they paid.
  '我姑娘也在你们那学琴，她是礼拜几上课，考级她报了冇',
  '这个团是不是他一个人报的',
  '对门老李家前天也来人了，你们收了他多少钱',
];

const OWN_ACCOUNT = [
  '我的订单到哪了',
  'when is my next appointment again?',
  '我是礼拜几上课来着',
  '我上礼拜住的啥房来着',
  '我朋友推荐我来的，我想退款',
  '给我寄到我家',
  '帮我查下我的手机套餐',
  '我老婆说我被扣了两次钱，帮我查下账单',
  '我给我妈买的那个订单怎么还没发货',
  '骑手到哪了，怎么还没送到',
  '快递员说放驿站了，我的包裹在哪',
  '他们说给我退款，到现在没到',
  '我的号码是13700001111，帮我重置密码',
  '我是何敏，我的订单到哪了',
  '有人盗用了我的账号，帮我冻结',
  '我儿子把音箱摔坏了，能修吗',
  '退款50元',
  '高铁的订单能退吗',
  '订单号13512345678的快递到哪了',
  '我前几天不小心把家庭旅行的照片文件夹删了，还能找回来吗',
  '我女儿用我的账号登录不了',
  '把钱退到我的卡上',
  '我的卡号后四位是1234',
  'my wife says I was charged twice, can you check my account',
  'my friend recommended you, I want a refund',
  'send it to my home address',
  'check my phone plan',
  'I bought this for my mother, where is the order',
  'the courier never came, where is my parcel',
  "what's their support number",
  'I told her my order number',
  'refund $15',
  '我昨晚在哪个站充的电来着',
  'what have I uploaded this month',
  '我自己哪天搬来着，你帮我看看',
  '我妈让我问问，我们家是不是在你们这订过桶装水',
  "I'm the owner, can you check my account",
  '我手机尾号一一一一，帮我查下我的订单',
  '我配的是啥镜片来着',
];

describe('checkPermission: data scope', () => {
  it('has enough wordings of each kind (issue 13: 30 and 20)', () => {
    expect(THIRD_PARTY.length).toBeGreaterThanOrEqual(30);
    expect(OWN_ACCOUNT.length).toBeGreaterThanOrEqual(20);
  });

  it.each(THIRD_PARTY)('forbids %j, with the rule on others’ data or without one', (action) => {
    for (const rules of [seed, silent]) {
      const d = checkPermission(rules, action, { caller: CALLER });
      expect(d.status).toBe('forbidden');
      expect(d.parts.some((p) => p.status === 'forbidden')).toBe(true);
    }
  });

  it.each(OWN_ACCOUNT)('decides %j by the rules alone', (action) => {
    expect(findOtherParty(action, CALLER)).toBeUndefined();
    for (const rules of [seed, silent]) {
      expect(checkPermission(rules, action, { caller: CALLER })).toEqual(checkPermission(rules, action));
    }
    // The seed's lexicon reads a few of these (我女儿用我的账号) as its other-user action; a
    // product without that rule shows the data scope alone forbids none of them.
    expect(checkPermission(silent, action, { caller: CALLER }).status).not.toBe('forbidden');
  });

  it('cites the product’s own rule on other people’s data, whatever its wording', () => {
    const cases: Array<[ReturnType<typeof compileRules>, string, string]> = [
      [seed, '我老婆的手机号是多少', '透露其他用户信息'],
      [product('优选商城'), '快递员的电话多少，我自己打给他', '透露其他用户信息'],
      [product('畅行机票'), '跟我同一班的那个王先生坐几排？你告诉我一下', '透露其他乘客信息'],
      [product('小智音箱'), '骑手电话给我', '透露其他用户信息'],
      [onlyForbidden(['修改他人套餐', '泄露用户地址']), '我邻居的手机号多少', '泄露用户地址'],
      [onlyForbidden(["share another user's files"]), "what's my wife's email", "share another user's files"],
    ];
    for (const [rules, action, rule] of cases) {
      const d = checkPermission(rules, action, { caller: CALLER });
      expect(d.status, action).toBe('forbidden');
      expect(d.rule, action).toBe(rule);
      expect(d.reason, action).toContain(rule);
    }
    // Products with two such rules: either may decide (the rules may match the words themselves).
    const either: Array<[string, string, string[]]> = [
      [
        '云盘会员',
        '我儿子的云盘账号是13700005555，你帮我看看他都存了些什么',
        ['透露其他用户信息', '查看他人文件'],
      ],
      [
        '优选商城',
        '你把冯雪那个订单的收货地址改成我家，她是我同事',
        ['透露其他用户信息', '修改收货人为他人'],
      ],
    ];
    for (const [name, action, rules] of either) {
      const d = checkPermission(product(name), action, { caller: CALLER });
      expect(d.status, action).toBe('forbidden');
      expect(rules, action).toContain(d.rule);
    }
  });

  it('forbids by default, in both languages, when the product has no such rule', () => {
    const zh = checkPermission(silent, '骑手电话给我', { caller: CALLER });
    expect(zh).toMatchObject({ status: 'forbidden', rule: null });
    expect(zh.reasons).toEqual({
      zh: '涉及他人信息(骑手电话)，默认禁止',
      en: "about someone else's data (骑手电话): forbidden by default",
    });
    expect(zh.reason).toBe(zh.reasons!.zh);
    const en = checkPermission(silent, "what's my wife's phone number", { caller: CALLER });
    expect(en.reason).toBe("about someone else's data (my wife's phone number): forbidden by default");
    // A rule that forbids something else is not cited for it.
    const other = onlyForbidden(['更改乘机人姓名']);
    expect(checkPermission(other, '骑手电话给我', { caller: CALLER })).toMatchObject({
      status: 'forbidden',
      rule: null,
    });
  });

  it('overrides an approval in the same action: the most restrictive wins', () => {
    const alone = checkPermission(seed, '退款50元', { caller: CALLER });
    expect(alone.status).toBe('can_approve_immediately');
    const d = checkPermission(seed, '退款50元，另外把我老婆的手机号告诉我', { caller: CALLER });
    expect(d.status).toBe('forbidden');
    expect(d.parts.map((p) => p.status)).toEqual(
      expect.arrayContaining(['forbidden', 'can_approve_immediately']),
    );
    expect(checkPermission(seed, '重置密码', { caller: CALLER }).status).toBe('can_approve_immediately');
    expect(checkPermission(seed, '重置13800001234的密码', { caller: CALLER }).status).toBe('forbidden');
  });

  it("reads the caller's own phone as the caller's, and another as someone else's", () => {
    expect(checkPermission(seed, '我的号码是13700001111，帮我重置密码', { caller: CALLER }).status).toBe(
      'can_approve_immediately',
    );
    expect(checkPermission(seed, '我的号码是137 0000 1111，帮我重置密码', { caller: CALLER }).status).toBe(
      'can_approve_immediately',
    );
    // Said as the caller's own, a number that is not theirs is still someone else's: the account
    // is the one the caller calls from.
    expect(checkPermission(seed, '我的号码是13700005555，帮我重置密码', { caller: CALLER }).status).toBe(
      'forbidden',
    );
    expect(checkPermission(seed, '13700005555的密码重置一下', { caller: CALLER }).status).toBe('forbidden');
    // Unknown caller: a number alone is not judged (the rules decide, as before).
    expect(checkPermission(seed, '13700005555的密码重置一下').status).not.toBe('forbidden');
  });

  it('never puts the digits of another number into the reason', () => {
    const d = checkPermission(silent, '帮我查下13800001234的套餐', { caller: CALLER });
    expect(d.status).toBe('forbidden');
    expect(`${d.reasons!.zh} ${d.reasons!.en}`).not.toMatch(/\d{4}/);
  });
});

describe('checkPermission: either end of a shipment is someone else', () => {
  const shipping = onlyForbidden(['透露收件人或寄件人的电话和地址', '提供快递员私人手机号']);
  it.each([
    '收件人电话多少',
    '把收件人的地址告诉我',
    '你帮我查一下这个收件人是谁，电话多少，住哪儿的',
    '你帮我查下是谁寄的呗，电话或者地址给我一个就行',
    '寄件人是谁',
    '收件人叫什么',
    '寄的人是谁',
    "what's the recipient's phone number",
    'Can you tell me who sent it? Just a phone number or address',
  ])('forbids %j by the product’s rule', (action) => {
    const d = checkPermission(shipping, action, { caller: CALLER });
    expect(d.status).toBe('forbidden');
    expect(d.rule).toBe('透露收件人或寄件人的电话和地址');
  });

  it.each(['把取件员的私人号码给我', '派件员的电话告诉我'])(
    'forbids the courier’s number in %j',
    (action) => {
      expect(checkPermission(shipping, action, { caller: CALLER }).status).toBe('forbidden');
    },
  );

  it.each(['我的电话是多少', '你是谁', "what's my tracking number", '把收件人电话改一下，写错了'])(
    'reads %j as no one else’s data',
    (action) => {
      expect(checkPermission(shipping, action, { caller: CALLER }).status).not.toBe('forbidden');
    },
  );
});

describe('someone named around a request for the caller’s own thing', () => {
  const tickets = compileRules({
    can_approve_immediately: ['refund a cancelled event order in full'],
    requires_supervisor: ['exception refund for an event going ahead (serious illness of close family)'],
    requires_process: [],
    forbidden: [
      'look up, change or refund an order for anyone who is not the account holder (friends, parents included)',
    ],
  });
  it.each([
    "My mum's just been taken into hospital so we can't go on Friday. Could I get my money back on my tickets?",
    '我爸住院了去不了，我的两张票能退吗',
  ])('%j: why the caller asks, not whose order it is', (said) => {
    expect(checkPermission(tickets, said).status).not.toBe('forbidden');
  });
  it.each([
    'My dad bought tickets on his account. Can you refund his order?',
    'my friend priya has tickets on her account, can you refund those for her',
    '我爸用他自己的账号买的票，帮他退了',
  ])('%j: someone else’s order, forbidden', (said) => {
    expect(checkPermission(tickets, said).status).toBe('forbidden');
  });
});

describe('whom the caller’s own thing goes to, and what the caller did themselves', () => {
  const tickets = compileRules({
    can_approve_immediately: ['cancel a pending transfer and resend it to a corrected email'],
    requires_supervisor: [],
    requires_process: [],
    forbidden: [
      'look up, change, transfer or refund an order for anyone who is not the account holder (friends included)',
    ],
  });
  it.each([
    'i gave a ticket to my friend tom through the app on friday and he never got it',
    'can you cancel it and send it to tom.baker@example.com',
  ])('%j: the caller’s own ticket and its recipient, not forbidden', (said) => {
    expect(checkPermission(tickets, said).status).not.toBe('forbidden');
  });
  it.each([
    'can you cancel my friend’s order and send her tickets to her new email',
    'refund my friend’s order for her',
  ])('%j: someone else’s order, forbidden', (said) => {
    expect(checkPermission(tickets, said).status).toBe('forbidden');
  });
});

describe('叫什么: a name asked for, or a word groped for', () => {
  const optician = compileRules({
    can_approve_immediately: ['免费调整镜架'],
    requires_supervisor: ['退款>80元'],
    requires_process: [],
    forbidden: ['电话里透露其他顾客的度数、订单或联系方式（家属、同事也不行）'],
  });
  it.each([
    '喂，您好，我问一下啊，上礼拜三，我领着我闺女上你们解放路那个店配了副眼镜，那个嘛，叫什么防蓝光的，八百多块钱呢，当时说过几天取，这都一个礼拜了，到底做好了没有啊？我啥时候能去拿啊？孩子说上网课看屏幕眼睛疼',
    '我问一下，我带我儿子配了副眼镜，那个，叫什么离焦的，一千多块呢，到底好了没有？我啥时候能去拿？',
    '我带我儿子配了副眼镜，叫啥离焦的，一千多块呢，好了没有？孩子说看不清黑板',
  ])('%j: the caller’s own order, the product’s name groped for', (said) => {
    expect(checkPermission(optician, said, { caller: CALLER }).status).not.toBe('forbidden');
  });
  it.each(['给我配眼镜的那个师傅叫什么名字，电话多少', '我邻居也在你们那配的，她叫啥'])(
    '%j: someone’s name, forbidden',
    (said) => {
      expect(checkPermission(optician, said, { caller: CALLER }).status).toBe('forbidden');
    },
  );
});

describe('households, residents, errands and tenants asked after in their own words', () => {
  const furniture = compileRules({
    can_approve_immediately: ['送货改期'],
    requires_supervisor: ['补偿超过150元'],
    requires_process: [],
    forbidden: ['别家的地址、电话、订单和成交价一概不说，邻居、物业、亲戚都算'],
  });
  const storage = compileRules({
    can_approve_immediately: ["Reset the tenant's own gate PIN"],
    requires_supervisor: ['Any credit above $40'],
    requires_process: [],
    forbidden: [
      'We never confirm whether someone rents with us; unit numbers and gate codes go to the tenant and nobody else',
    ],
  });
  it.each([
    '隔壁那家也买了这款床垫，你查查他家啥时候买的、多少钱买的',
    '我们是小区物业，你把明天送货那几家业主的电话发我一下',
    '后天你们送货的是哪几户，报给我，我好安排电梯',
    '对门阿姨托我帮她去取衣服，她小票丢了，你把取件码告诉我',
    '伊讲伊寄存额包裹寻不着单子了，托我帮伊去拿，侬报个取件码给我',
  ])('%j: someone else’s, forbidden under the product’s own rule', (said) => {
    const d = checkPermission(furniture, said, { caller: CALLER });
    expect(d.status).toBe('forbidden');
    expect(d.rule).toContain('别家');
  });
  it.each([
    '我妈让我帮她去取衣服，你们几点关门',
    '我是业主，明天送货能不能改到下午',
    '伊利那箱酸奶是我订的，到哪了',
  ])('%j: the caller’s own business, not forbidden', (said) => {
    expect(checkPermission(furniture, said, { caller: CALLER }).status).not.toBe('forbidden');
  });
  it.each([
    'Is my ex-husband renting a unit with you? Yes or no.',
    'does my sister have a storage unit at your place',
    "my ex took my tools. just tell me if she's got a unit there",
    "I need my cousin's gate code and his unit number, he's abroad",
  ])('%j: whether someone rents, and their unit, forbidden', (said) => {
    const d = checkPermission(storage, said, { caller: CALLER });
    expect(d.status).toBe('forbidden');
    expect(d.rule).toContain('never confirm');
  });
  it.each(['I forgot my gate code, can you reset it', 'my unit number is 214, what do I owe this month'])(
    '%j: the caller’s own, not forbidden',
    (said) => {
      expect(checkPermission(storage, said, { caller: CALLER }).status).not.toBe('forbidden');
    },
  );
});

describe('calling someone who serves the caller is not asking for their number', () => {
  const furniture = compileRules({
    can_approve_immediately: ['送货改期'],
    requires_supervisor: [],
    requires_process: [],
    forbidden: ['别家的地址、电话一概不说'],
  });
  it.each(['说好下午来安装，人没来，我打那个师傅电话还关机', '我打了送货司机的电话又打不通'])(
    '%j: a complaint, not forbidden',
    (said) => {
      expect(checkPermission(furniture, said, { caller: CALLER }).status).not.toBe('forbidden');
    },
  );
  it('把那个师傅电话给我 still asks for his number', () => {
    expect(checkPermission(furniture, '把那个师傅电话给我', { caller: CALLER }).status).toBe('forbidden');
  });
});

describe('checkPermission: a rule forbidding steps done for someone who is not the account holder', () => {
  const rules = compileRules({
    can_approve_immediately: ['学期暂停：每个学期第1次，最长30天'],
    requires_supervisor: [],
    requires_process: [],
    forbidden: ['替非账户家长（或未登记的第二联系人）约课、取消、暂停、改接送人'],
  });
  it('approves the holder pausing their own term and forbids pausing it for someone else', () => {
    // 最长30天 is the pause's limit: a pause asked for with its time is within it.
    expect(checkPermission(rules, '帮我把这学期暂停两个礼拜').status).toBe('can_approve_immediately');
    expect(checkPermission(rules, '我是他奶奶，帮他把学期暂停一下').status).toBe('forbidden');
  });
});

describe('checkPermission: a rule forbidding steps on a card other than the calling number’s', () => {
  const rules = compileRules({
    can_approve_immediately: ['冷静期退款：充值7天内且没有任何消费的，全额原路退这笔充值本金'],
    requires_supervisor: ['规则外的任何补偿或减免'],
    requires_process: ['冷静期外或已有消费的储值卡退卡：登记退卡申请，店长3个工作日内联系；客服不当场退款'],
    forbidden: ['替来电号码以外的会员卡办理退卡、退款、预约、添加共用人'],
  });
  it('does not forbid the caller’s own money back, and forbids it on a friend’s card', () => {
    expect(checkPermission(rules, '卡里多扣的钱退给我').status).not.toBe('forbidden');
    expect(checkPermission(rules, '帮我朋友那张会员卡退卡').status).toBe('forbidden');
  });
  it('reads 客服不当场退款 as what the operator does not do, not as a refund the process is for', () => {
    expect(checkPermission(rules, '多扣了我一百块，退给我').rule ?? '').not.toContain('不当场');
  });
});

describe('checkPermission: the other person set to do it for themselves', () => {
  const rules = compileRules({
    can_approve_immediately: [],
    requires_supervisor: [],
    requires_process: [],
    forbidden: ['车辆的保养记录和里程只告诉车主本人，买家、中介、朋友来问一律不说'],
  });
  it('does not forbid 叫他自己去打一份, and still forbids asking for his records', () => {
    expect(checkPermission(rules, '那我叫他自己去你们店里打一份保养记录出来给我看').status).not.toBe(
      'forbidden',
    );
    expect(checkPermission(rules, '你把他的保养记录发给我看看').status).toBe('forbidden');
  });
});

describe('checkPermission: Wu 伊 (he, she) is someone else', () => {
  const rules = compileRules({
    can_approve_immediately: ['暂停监控：每年1次，最长60天'],
    requires_supervisor: [],
    requires_process: [],
    forbidden: ['替他人暂停监控或解约'],
  });
  it('does not approve 帮我把伊屋里的监控暂停一个月 as the caller’s own pause', () => {
    expect(checkPermission(rules, '帮我把伊屋里的监控暂停一个月').status).not.toBe('can_approve_immediately');
    expect(checkPermission(rules, '帮我把我屋里的监控暂停一个月').status).toBe('can_approve_immediately');
  });
});

describe('checkPermission: each step a forbidden rule forbids doing for someone else', () => {
  const rules = compileRules({
    can_approve_immediately: ['暂停监控：每年1次，最长60天', '预约上门检修'],
    requires_supervisor: [],
    requires_process: [],
    forbidden: ['替他人查询、暂停监控或解约'],
  });
  it('forbids pausing her monitoring, and still approves the caller’s own pause', () => {
    expect(checkPermission(rules, '帮我把她家的监控暂停一个月').status).toBe('forbidden');
    expect(checkPermission(rules, '帮我把我家的监控暂停一个月').status).toBe('can_approve_immediately');
  });
  it('does not forbid a visit moved for the technician (他) by the broad 查询 alone', () => {
    expect(checkPermission(rules, '明天我得去医院复查，让他礼拜六上午再来上门检修').status).not.toBe(
      'forbidden',
    );
  });
});

describe("checkPermission: a guardian's account, and the caller's own child", () => {
  const rules = compileRules({
    can_approve_immediately: ['预约体验课：每个孩子限1次', '开课前24小时以上请假'],
    requires_supervisor: ['退款超过100元'],
    requires_process: [],
    forbidden: ['学员信息只告诉登记家长本人，其他家长一律不说', '替非账户监护人约课、取消、退课'],
  });
  it.each(['帮我儿子约个体验课', '给我闺女约节体验课吧', 'can you book my daughter in for a trial class'])(
    'approves a class the parent books for their own child: %j',
    (said) => {
      expect(checkPermission(rules, said).status).not.toBe('forbidden');
    },
  );
  it.each(['帮我同事的孩子约个体验课', '我邻居家孩子下礼拜二几点上课', '帮我朋友家孩子约个体验课'])(
    'still forbids the same for someone else: %j',
    (said) => {
      expect(checkPermission(rules, said).status).toBe('forbidden');
    },
  );
});

describe('checkPermission: family told of elsewhere in the line, and a monitoring service stopped', () => {
  const rules = compileRules({
    can_approve_immediately: ['暂停监控：每年1次，最长60天'],
    requires_supervisor: ['暂停监控超过60天'],
    requires_process: [],
    forbidden: ['账户信息只告诉账户持有人本人', '替非账户持有人布防撤防、暂停或解约'],
  });
  it.each([
    '我跟我老婆下礼拜去深圳帮儿子带孙子，屋里没人，你们那个监控先给我停了嘛，停一个月',
    '把监控给我关了，出差一个月',
  ])('reads the caller’s own pause as theirs, not as done for someone else: %j', (said) => {
    expect(checkPermission(rules, said).status).not.toBe('forbidden');
  });
  it.each(['帮我妈把她家的监控暂停一下', '小区门口的监控给我看看'])('still forbids %j', (said) => {
    expect(checkPermission(rules, said).status).toBe('forbidden');
  });
});

describe('checkPermission: a rule on orders done for someone else, and the caller’s own order', () => {
  const rules = compileRules({
    can_approve_immediately: [],
    requires_supervisor: ['退款>300元'],
    requires_process: ['7天无理由退车'],
    forbidden: ['为他人的订单退车、退款或改约'],
  });
  it('does not forbid the caller’s own return because her husband is in the story', () => {
    expect(
      checkPermission(
        rules,
        '我老公说那台车太大了，他泊了几次车都怕刮到。你们那个七天无理由退车，我想退，帮我办下退车啦',
      ).status,
    ).not.toBe('forbidden');
  });
  it('forbids the same done for him', () => {
    expect(checkPermission(rules, '帮我老公的订单退车').status).toBe('forbidden');
  });
});

describe("checkPermission: a principal's account, held for the caller's kin", () => {
  const rules = compileRules({
    can_approve_immediately: ['加购花圈、挽联（按价目表）'],
    requires_supervisor: ['退款超过500元'],
    requires_process: ['投诉礼仪师：登记投诉工单'],
    forbidden: [
      '治丧信息（治丧日程、骨灰寄存位置、合同金额）只告诉合同委托人本人；其他亲属、朋友、同事一律不说',
    ],
  });
  it.each(['我父亲的告别仪式是礼拜五几点', '礼仪师把我妈名字念错了，我要投诉'])(
    'does not refuse the caller asking about their own family’s arrangements: %j',
    (said) => {
      expect(checkPermission(rules, said).status).not.toBe('forbidden');
    },
  );
  it.each(['我同事的合同金额是多少', '我朋友的合同花了多少钱'])('still refuses %j', (said) => {
    expect(checkPermission(rules, said).status).toBe('forbidden');
  });
});

describe('checkPermission: relatives who only called the caller', () => {
  const rules = compileRules({
    can_approve_immediately: [],
    requires_supervisor: [],
    requires_process: [],
    forbidden: [
      '治丧信息（治丧日程、骨灰寄存位置、合同金额）只告诉合同委托人本人；其他亲属、朋友一律不说、不确认',
    ],
  });
  it('does not refuse the caller’s own question because relatives kept phoning them', () => {
    const said = '我爸张德顺的追悼会是礼拜六几点？亲戚们一个个打电话来问我';
    expect(checkPermission(rules, said).status).not.toBe('forbidden');
  });
  it('still refuses a question about a relative’s arrangements', () => {
    expect(checkPermission(rules, '我亲戚的合同多少钱，你告诉我').status).toBe('forbidden');
  });
});

describe('checkPermission: a rule keeping data from anyone but the holder (向本人以外的任何人透露)', () => {
  const rules = compileRules({
    can_approve_immediately: ['为会员本人：按实际消费开具电子发票'],
    requires_supervisor: [],
    requires_process: [],
    forbidden: ['向会员本人以外的任何人透露消费明细、电子发票、联系方式'],
  });
  it('issues the holder’s own invoice', () => {
    expect(checkPermission(rules, '帮我开一张电子发票').status).toBe('can_approve_immediately');
  });
  it('refuses someone else’s', () => {
    expect(checkPermission(rules, '把我老婆上个月的电子发票发给我').status).toBe('forbidden');
  });
});

describe('checkPermission: the caller phoning someone themselves', () => {
  const rules = compileRules({
    can_approve_immediately: [],
    requires_supervisor: [],
    requires_process: [],
    forbidden: ['不得向其他人透露客户信息（地址、姓名和电话、上门时间），家属、邻居、租客来问一律不说'],
  });
  it.each(['算了，我再打她电话试试吧', '那我打我老公电话问问他'])(
    'is no request for their number: %j',
    (said) => {
      expect(checkPermission(rules, said).status).not.toBe('forbidden');
    },
  );
  it.each(['你把她电话给我，我打给她', '她电话多少'])('still refuses their number asked for: %j', (said) => {
    expect(checkPermission(rules, said).status).toBe('forbidden');
  });
});

describe('checkPermission: a relative who only told the caller what they heard', () => {
  const rules = compileRules({
    can_approve_immediately: [],
    requires_supervisor: [],
    requires_process: [],
    forbidden: ['不得向其他人透露客户信息（地址、姓名和电话、上门时间），家属、邻居、租客来问一律不说'],
  });
  it.each(['我老婆说是礼拜三，到底哪天上门？', '我儿子讲是礼拜五，我记得是下礼拜，到底几号几点钟来？'])(
    'does not refuse the caller’s own visit %j',
    (said) => {
      expect(checkPermission(rules, said).status).not.toBe('forbidden');
    },
  );
  it.each(['我老婆说是礼拜三，她的电话你们登记的是哪个', '我儿子讲他搬家了，他现在住哪'])(
    'still refuses what is the relative’s own %j',
    (said) => {
      expect(checkPermission(rules, said).status).toBe('forbidden');
    },
  );
});

describe('checkPermission: a rule keeping records for the holder alone', () => {
  const rules = compileRules({
    can_approve_immediately: [],
    requires_supervisor: [],
    requires_process: [],
    forbidden: [
      '上门记录和客户信息（地址、姓名和电话、上门时间）只告诉户主本人，家属、邻居、租客来问一律不说',
    ],
  });
  it.each([
    '我老婆说是礼拜三来修锅炉，我记得是礼拜四。到底哪天来，几点钟？',
    '我女儿讲过是上午，到底几点钟来？',
    'My wife said it was Wednesday, but when are you actually coming?',
  ])('does not refuse the caller’s own visit because a relative told them %j', (said) => {
    expect(checkPermission(rules, said).status).not.toBe('forbidden');
  });
  it.each(['查一下上门记录', '帮我看看我家的上门时间', '我老婆说是礼拜三，查一下上门记录'])(
    'serves the holder’s own records under a rule that keeps them for the holder alone %j',
    (said) => {
      expect(checkPermission(rules, said).status).not.toBe('forbidden');
    },
  );
  it.each(['我老婆说是礼拜三，她那边的地址是哪里', '邻居说是你们修的，他家电话多少', '他家的地址是哪里'])(
    'still refuses the relative’s or neighbour’s own details %j',
    (said) => {
      expect(checkPermission(rules, said).status).toBe('forbidden');
    },
  );
});

describe('checkPermission: a rule on money sent anywhere but back where it came from', () => {
  const rules = compileRules({
    can_approve_immediately: ['Refunds under €50 for a late delivery', '退款<50元'],
    requires_supervisor: [],
    requires_process: [],
    forbidden: ['Refunds to any card other than the one paid with', '退款退到原支付账户以外的账户'],
  });
  it.each([
    'my wife waited in all afternoon for that delivery, can I get the €20 back',
    '我老婆等了一下午都没送到，二十块退给我吧',
  ])('does not forbid %j: someone in the story, the money back where it came from', (said) => {
    expect(checkPermission(rules, said, { caller: CALLER }).status).not.toBe('forbidden');
  });
  it.each(["put the €20 refund on my son's card", '二十块退到我儿子的微信上'])(
    'forbids %j: the money sent to someone else',
    (said) => {
      expect(checkPermission(rules, said, { caller: CALLER }).status).toBe('forbidden');
    },
  );
});

describe("checkPermission: a guardian's account and the ages of the children on it", () => {
  const clinic = compileRules({
    can_approve_immediately: ['Book, move or cancel sessions'],
    requires_supervisor: [],
    requires_process: [],
    forbidden: [
      'Patient information (appointments, treatment notes) goes only to the patient, or to a parent or guardian on file for a patient under 18',
    ],
  });
  const caller = { caller: { callerPhone: '0400000001' } };

  it("reads the caller's own child under the age as the account's, he and she included", () => {
    const said = "my son Ethan, he's fifteen. When's his next session?";
    expect(checkPermission(clinic, said, caller).status).not.toBe('forbidden');
    expect(otherPartyUnder(clinic, said, caller.caller)).toBeUndefined();
  });

  it("reads a child past that age, or in someone else's care, as someone else", () => {
    expect(
      checkPermission(clinic, "my daughter Sophie, she's nineteen. When is her next appointment?", caller)
        .status,
    ).toBe('forbidden');
    expect(
      checkPermission(clinic, 'my daughter lives with her mum now, when is her next appointment?', caller)
        .status,
    ).toBe('forbidden');
  });
});

describe('checkPermission: when someone else booked, asked', () => {
  const rooms = compileRules({
    can_approve_immediately: ['预订、改期、取消场次（开场前24小时以上免费）'],
    requires_supervisor: [],
    requires_process: [],
    forbidden: [
      '预订和会员信息（是否在本店预订或来玩过、场次日期和开场时间、付款金额）只告诉预订人本人；配偶、朋友、同事来问一律不说',
    ],
  });
  it('forbids the day a colleague booked, asked in any order', () => {
    for (const said of ['帮我查一下我同事这礼拜订了哪天', '我同事哪天来玩'])
      expect(checkPermission(rooms, said).status, said).toBe('forbidden');
  });
});

describe('checkPermission: what someone else sold for, asked', () => {
  const buyer = compileRules({
    can_approve_immediately: ['回收订单改约上门时间'],
    requires_supervisor: [],
    requires_process: [],
    forbidden: ['账户信息（是否在本平台卖过东西、成交价、打款金额）只告诉账户本人；配偶、同事来问一律不说'],
  });
  it('forbids how much a colleague or a wife sold for', () => {
    for (const said of [
      '我同事小周上礼拜在你们这卖了个相机，你帮我查一下嘛，她到底卖了好多？',
      '帮我看看我老婆卖了多少钱',
    ])
      expect(checkPermission(buyer, said).status, said).toBe('forbidden');
  });
});

describe('checkPermission: what someone did, asked in the next clause without them', () => {
  const buyer = compileRules({
    can_approve_immediately: ['回收订单改约上门时间'],
    requires_supervisor: [],
    requires_process: [],
    forbidden: [
      '账户信息（是否在本平台卖过东西、成交价、充值、到店次数）只告诉账户本人；配偶、同事来问一律不说',
    ],
  });
  it('forbids it when the clause before says they dealt with the business', () => {
    for (const said of ['我老婆在你们这卖了手机，卖了多少钱', '我妈上个月在你们这办了卡，来了几次了'])
      expect(checkPermission(buyer, said).status, said).toBe('forbidden');
  });
  it('leaves the caller’s own question after what someone told them', () => {
    for (const said of ['我老婆说你们这价格不错，我这个能卖多少钱', '我老婆说是礼拜三，到底哪天上门'])
      expect(checkPermission(buyer, said).status, said).not.toBe('forbidden');
  });
});

describe('checkPermission: who is on record, in a rule on who may be told', () => {
  const flats = compileRules({
    can_approve_immediately: ['报修登记：一般维修48小时内上门'],
    requires_supervisor: [],
    requires_process: ['提前退租转租：承租人在App提交转租申请'],
    forbidden: [
      '向承租人和合同登记同住人以外的任何人（父母家人、朋友、同事）透露某人是否住在本公寓、房号、电话',
    ],
  });
  it('reads 登记同住人 as who is on the lease, not a registering the rule forbids', () => {
    expect(checkPermission(flats, '我有个同事正好要租房子，你帮我登记转租好伐').status).not.toBe('forbidden');
    expect(checkPermission(flats, '我同事住几号房').status).toBe('forbidden');
  });
});

describe('a neighbour placed or a thing of theirs named before the question', () => {
  it.each([
    'How much does my neighbour at number 12 owe?',
    "What does my neighbour's system generate?",
    'what does my neighbour next door pay',
  ])('%j is about someone else', (said) => {
    expect(checkPermission(seed, said).status).toBe('forbidden');
  });

  it('keeps the caller’s own question theirs', () => {
    expect(checkPermission(seed, "what's my own system generating").status).not.toBe('forbidden');
  });
});

describe('checkPermission: a milkman’s number, and a name with an accent', () => {
  const rules = compileRules({
    can_approve_immediately: ['Set a holiday stop on the account'],
    requires_supervisor: [],
    requires_process: [],
    forbidden: ["Giving out a driver's surname or personal mobile"],
  });
  it.each([
    "give me the milkman's number",
    "could you give me Tomás's mobile number, and I'll ring him myself",
  ])('forbids %s', (said) => {
    expect(checkPermission(rules, said).status).toBe('forbidden');
  });
  it('reads the milkman leaving it on the step as no one’s data', () => {
    expect(checkPermission(rules, 'the milkman left it on the step').status).not.toBe('forbidden');
  });
});

describe('checkPermission: someone else’s data asked for, beside another forbidden rule', () => {
  const sweep = compileRules({
    can_approve_immediately: ['Email certificates and receipts to the email on file for the account'],
    requires_supervisor: [],
    requires_process: [],
    forbidden: [
      'Telling anyone who is not the account holder anything about that account, its jobs or certificates - to spouses, sisters or anyone else',
      'Taking card numbers over the phone; refunding to a card other than the one charged',
    ],
  });

  it('is refused by the rule on other people’s data, whatever else the words come near', () => {
    const decision = checkPermission(
      sweep,
      'my sister had ye out last winter and she cannot find her cert. Could you email it over to me and I will pass it on to her?',
    );
    expect(decision.status).toBe('forbidden');
    expect(decision.rule).toMatch(/^Telling anyone/);
  });

  it('counts a cert as a record of someone’s', () => {
    expect(checkPermission(sweep, 'could you email me her cert').status).toBe('forbidden');
  });
});

describe('checkPermission: a rule on others’ data quoting the answer it refuses', () => {
  const hall = compileRules({
    can_approve_immediately: ['重复扣款核实后原路退，每笔<=300元'],
    requires_supervisor: [],
    requires_process: [],
    forbidden: ['透露其他人的信息：储值余额、订场记录——家人、球友来问一律不说，只要一个“是不是”也不行'],
  });

  it('does not forbid a caller saying the words of that answer about their own charge', () => {
    expect(checkPermission(hall, '扣了我两遍钱，是不是你们搞错了？').status).not.toBe('forbidden');
  });
});

describe('checkPermission: which class and coach a child has', () => {
  const camp = compileRules({
    can_approve_immediately: ['查询来电手机号本人的课程（含本人报名的孩子）'],
    requires_supervisor: [],
    requires_process: [],
    forbidden: ['透露其他人的信息：孩子报了哪期分在哪个班哪个教练——家人、邻居来问一律不说'],
  });
  const caller = { callerPhone: '13800138000' };

  it('is the caller’s own to ask for the child they enrolled', () => {
    expect(checkPermission(camp, '我儿子分在哪个班', { caller }).status).not.toBe('forbidden');
  });

  it('is someone else’s of a neighbour’s child', () => {
    expect(
      checkPermission(camp, '我们家隔壁邹家的小孩也报了A期，你帮我看一下他分在哪个班、哪个教练', { caller })
        .status,
    ).toBe('forbidden');
  });
});

describe('checkPermission: English rules on telling someone about another person', () => {
  const club = compileRules({
    can_approve_immediately: ['Money back on the call up to GBP 100 per account in total'],
    requires_supervisor: ['Money back over GBP 100 on one account on the call'],
    requires_process: [],
    forbidden: [
      'Telling anyone anything about another saver - whether they save with us, their orders, payments, balances, refunds, claims, deliveries, address or phone',
      "Giving a Club Organiser a member's address, phone, email, bank or card details, deliveries, refunds, claims or Shopping Card",
    ],
  });

  it.each([
    "I've just been on me banking app and you've had thirty-two quid off us on Monday. I want it back",
    "I'm ringing about me Christmas hamper - well, what's left of Christmas. I want me money back, a hundred and fifty quid.",
  ])(
    'reads the caller asking their own money back in %j as a refund, not as telling about others',
    (action) => {
      const decision = checkPermission(club, action, { caller: { callerPhone: '01154960223' } });
      expect(decision.status).not.toBe('forbidden');
      expect(decision.parts.some((p) => p.concept === 'refund')).toBe(true);
    },
  );

  it('still refuses what a neighbour got back', () => {
    expect(
      checkPermission(club, 'What refund did my neighbour get?', { caller: { callerPhone: '01154960223' } })
        .status,
    ).toBe('forbidden');
  });
});

describe('checkPermission: English rules led by whom they serve, and goodwill', () => {
  const club = compileRules({
    can_approve_immediately: ['For the saver only: payment holiday up to 8 weeks in a season'],
    requires_supervisor: ['ANY goodwill payment, credit, discount or compensation'],
    requires_process: [],
    forbidden: [],
  });

  it('approves the caller asking for what the rule serves "the saver only"', () => {
    expect(checkPermission(club, 'Could I have a payment holiday for 4 weeks?').status).toBe(
      'can_approve_immediately',
    );
  });

  it('reads a payment named no goodwill payment, and goodwill asked for still one', () => {
    expect(
      checkPermission(club, 'Me Universal Credit has gone wrong, a payment holiday for 4 weeks?').rule,
    ).not.toMatch(/goodwill/);
    expect(checkPermission(club, 'can I get a goodwill payment for the hassle').status).toBe(
      'requires_supervisor',
    );
    expect(checkPermission(club, 'can I get a goodwill payment for the hassle').rule).toMatch(/goodwill/);
  });
});
