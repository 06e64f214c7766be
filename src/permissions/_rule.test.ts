import { describe, expect, it } from 'vitest';
import { parseRule } from './_rule.js';

type Expect = {
  phrase: string;
  lo?: number;
  loInclusive?: boolean;
  hi?: number;
  hiInclusive?: boolean;
  unit?: string;
};

describe('parseRule', () => {
  it.each<[string, Expect]>([
    ['退款<100元', { phrase: '退款', hi: 100, hiInclusive: false, unit: 'CNY' }],
    ['退款>=100元', { phrase: '退款', lo: 100, loInclusive: true, unit: 'CNY' }],
    ['退款≥100元', { phrase: '退款', lo: 100, loInclusive: true, unit: 'CNY' }],
    ['退款≤100元', { phrase: '退款', hi: 100, hiInclusive: true, unit: 'CNY' }],
    ['退款＜１００元', { phrase: '退款', hi: 100, hiInclusive: false, unit: 'CNY' }],
    ['退款=50元', { phrase: '退款', lo: 50, hi: 50, unit: 'CNY' }],
    ['减免月租<=30元', { phrase: '减免月租', hi: 30, hiInclusive: true, unit: 'CNY' }],
    ['退款20-300元', { phrase: '退款', lo: 20, hi: 300, loInclusive: true, hiInclusive: true, unit: 'CNY' }],
    ['退款50~500元', { phrase: '退款', lo: 50, hi: 500, unit: 'CNY' }],
    ['退款50到500元', { phrase: '退款', lo: 50, hi: 500, unit: 'CNY' }],
    ['退款50至500元之间', { phrase: '退款', lo: 50, hi: 500, unit: 'CNY' }],
    ['退款30元以内', { phrase: '退款', hi: 30, hiInclusive: true, unit: 'CNY' }],
    ['退款不超过30元', { phrase: '退款', hi: 30, hiInclusive: true, unit: 'CNY' }],
    ['退款超过300元', { phrase: '退款', lo: 300, loInclusive: false, unit: 'CNY' }],
    ['退款<100', { phrase: '退款', hi: 100 }],
    ['refund < $100', { phrase: 'refund', hi: 100, hiInclusive: false, unit: 'USD' }],
    ['refund >= $100', { phrase: 'refund', lo: 100, loInclusive: true, unit: 'USD' }],
    ['refund <= $20', { phrase: 'refund', hi: 20, hiInclusive: true, unit: 'USD' }],
    ['refunds up to $50', { phrase: 'refunds', hi: 50, hiInclusive: true, unit: 'USD' }],
    ['refund under 50 dollars', { phrase: 'refund', hi: 50, hiInclusive: false, unit: 'USD' }],
    ['refund between $20 and $300', { phrase: 'refund', lo: 20, hi: 300, unit: 'USD' }],
    ['refund $20-$300', { phrase: 'refund', lo: 20, hi: 300, unit: 'USD' }],
    ['extend trial <= 14 days', { phrase: 'extend trial', hi: 14, hiInclusive: true, unit: 'day' }],
    ['extend trial > 2 weeks', { phrase: 'extend trial', lo: 14, loInclusive: false, unit: 'day' }],
    ['延长试用<=1个月', { phrase: '延长试用', hi: 30, hiInclusive: true, unit: 'month' }],
    ['赠送流量<=10GB', { phrase: '赠送流量', hi: 10240, hiInclusive: true, unit: 'GB' }],
    ['延长试用7天', { phrase: '延长试用', lo: 7, hi: 7, unit: 'day' }],
    // A time of day; the word joining it to the phrase goes with it.
    ['延迟退房至14点', { phrase: '延迟退房', lo: 14, hi: 14, unit: 'clock' }],
    ['late checkout until 2pm', { phrase: 'late checkout', lo: 14, hi: 14, unit: 'clock' }],
    ['延迟退房<=2小时', { phrase: '延迟退房', hi: 2 / 24, hiInclusive: true, unit: 'hour' }],
    ['补偿积分<=500分', { phrase: '补偿积分', hi: 500, hiInclusive: true, unit: 'point' }],
  ])('reads %j', (text, expected) => {
    const rule = parseRule(text);
    expect(rule.phrase).toBe(expected.phrase);
    expect(rule.condition).toBeDefined();
    const c = rule.condition!;
    expect(c.invalid).toBeUndefined();
    expect(c.lo).toBe(expected.lo);
    expect(c.hi).toBe(expected.hi);
    if (expected.loInclusive !== undefined) expect(c.loInclusive).toBe(expected.loInclusive);
    if (expected.hiInclusive !== undefined) expect(c.hiInclusive).toBe(expected.hiInclusive);
    expect(c.unit).toBe(expected.unit);
  });

  it.each([
    ['重置密码', '重置密码'],
    ['账户注销', '账户注销'],
    ['Password Reset', 'password reset'],
    ["disclose other customers' information", "disclose other customers' information"],
    ['升级5G套餐', '升级5g套餐'],
  ])('reads %j as a phrase without a condition', (text, phrase) => {
    const rule = parseRule(text);
    expect(rule.phrase).toBe(phrase);
    expect(rule.condition).toBeUndefined();
  });

  it('marks an operator without a number as invalid', () => {
    expect(parseRule('退款<元').condition?.invalid).toBe(true);
  });
});

describe('parseRule: quantities in a note', () => {
  it('takes a note that says only a limit as the limit, before a count the phrase names', () => {
    const r = parseRule('月卡剩余时长顺延一次（<=15天）');
    expect(r.condition).toMatchObject({ hi: 15, hiInclusive: true, unit: 'day' });
    expect(r.condition?.term).toBeUndefined();
  });

  it('keeps the phrase’s own limit over a quantity in its note', () => {
    expect(parseRule('补偿优惠券<=30元（阿姨迟到超30分钟等）').condition).toMatchObject({
      hi: 30,
      unit: 'CNY',
    });
  });

  it('reads a window a note states as a term of the case, not the amount asked for', () => {
    const r = parseRule('服务质量问题退款（服务结束后24小时内反馈）');
    expect(r.condition).toMatchObject({ unit: 'hour', term: true });
  });

  it('prefers the count the phrase names to a term in its note, and keeps a notice beside it', () => {
    const r = parseRule('改约一次（服务前24小时以上，免费）');
    expect(r.condition).toMatchObject({ hi: 1, family: 'count' });
    expect(r.notice).toMatchObject({ lo: 1, loInclusive: true, family: 'duration', notice: true });
  });

  it('keeps no notice beside a condition from a window after the service (服务结束后24小时内)', () => {
    expect(parseRule('安排免费返工一次（服务结束后24小时内反馈）').notice).toBeUndefined();
  });

  it('never takes working days the business acts within for a condition, only those a caller asks within', () => {
    const claim = parseRule(
      '衣物改坏、丢失的赔偿：登记赔偿申请，质检主管3个工作日内定责定损（有凭证按凭证价折旧，单件最高5000元）',
    );
    expect(claim.condition).toMatchObject({ hi: 5000, unit: 'CNY' });
    expect(parseRule('签收后5个工作日内申请退货').condition).toMatchObject({ hi: 5, family: 'duration' });
  });

  it('never takes a price per unit for a condition', () => {
    expect(parseRule('已使用月卡剩余时长退款（已用时长按45元/小时扣除）').condition).toBeUndefined();
  });
});

describe('parseRule: a count in a word of the rule’s own', () => {
  it('counts 课时 of 补偿课时<=3课时 and leaves the word once in the phrase', () => {
    const parsed = parseRule('补偿课时<=3课时（老师原因停课）');
    expect(parsed.phrase).toMatch(/^补偿课时 \(/);
    expect(parsed.condition).toMatchObject({ hi: 3, hiInclusive: true, unit: 'time', noun: '课时' });
  });
  it('counts nothing in a word the phrase does not name', () => {
    expect(parseRule('退款<=200元').condition?.noun).toBeUndefined();
  });
});

describe('parseRule: two bounds on one amount', () => {
  it('reads >200元且<=1000元 as the range between them', () => {
    expect(parseRule('家具损坏赔付>300元且<=2000元').condition).toMatchObject({
      lo: 300,
      loInclusive: false,
      hi: 2000,
      hiInclusive: true,
      unit: 'CNY',
    });
    expect(parseRule('家具损坏赔付>300元且<=2000元').phrase).toBe('家具损坏赔付');
  });
  it('reads over $40 and up to $400 the same way', () => {
    expect(parseRule('replacement over $40 and up to $400').condition).toMatchObject({ lo: 40, hi: 400 });
  });
});

describe('parseRule: an operator inside a note', () => {
  it('goes with its own quantity, and breaks nothing outside the note', () => {
    const parsed = parseRule('调整本人上课时间（距上课>=24小时通知的，不收费）');
    expect(parsed.condition?.invalid).toBeUndefined();
    expect(
      parseRule('refund the postage (<= $8 / £6) if the parcel is lost').condition?.invalid,
    ).toBeUndefined();
  });
});

describe('parseRule: notice before what is booked', () => {
  it.each([
    "Reschedule a visit with 48 hours' or more notice",
    'Cancel 35 days or more before the course',
    'Transfer when the exam is 14 days or more away',
    '出发前7天以上改期免费',
  ])('reads %j as a term of the case, not an amount asked', (text) => {
    const { condition } = parseRule(text);
    expect(condition).toMatchObject({ term: true, loInclusive: true, family: 'duration' });
  });

  it('keeps a span that is asked for an amount (extend by 14 days)', () => {
    expect(parseRule('Extend a hold by up to 14 days').condition?.term).toBeUndefined();
  });
});

describe('parseRule: a fee taken off what is given', () => {
  it('reads a deducted fee as how the amount is worked out, not as a limit', () => {
    expect(
      parseRule('Refund an unused class pass: full price minus a £8 admin fee').condition,
    ).toBeUndefined();
    expect(parseRule('未开课的课时包退款，扣除50元手续费后原路退回').condition).toBeUndefined();
    expect(parseRule('Refund an unused class pass up to £80').condition?.hi).toBe(80);
  });
});

describe('parseRule: how long a thing is kept', () => {
  it.each([
    '失物招领：核对后安排快递寄回本人，保管期30天',
    '寄存行李：免费存放，存放期限7天',
    'Lost property is posted back to the owner, kept for 60 days',
  ])('reads %j as a term of the case, not an amount asked', (text) => {
    expect(parseRule(text).condition).toMatchObject({ term: true, family: 'duration' });
  });

  it('keeps a span asked for where the period is what is changed (延长有效期30天)', () => {
    expect(parseRule('延长有效期30天').condition?.term).toBeUndefined();
  });
});

describe('parseRule: notice named without an operator', () => {
  it.each([
    "Move a lesson with 48 hours' notice",
    "Cancel with 48 hours' notice or more before the start",
    '提前3天改期免费',
  ])('reads %j as at least that notice', (text) => {
    const { condition } = parseRule(text);
    expect(condition).toMatchObject({ term: true, notice: true, loInclusive: true });
    expect(condition?.hi).toBeUndefined();
  });
});

describe('parseRule: an English limit counted in the thing the rule gives', () => {
  it('reads up to 4 fobs per berth as a count of fobs, not an amount', () => {
    const rule = parseRule('Issue a replacement fob (£25), up to 4 fobs per berth');
    expect(rule.condition).toMatchObject({ hi: 4, family: 'count', noun: 'fob' });
  });
});

describe('parseRule: minutes', () => {
  it('reads how late or how soon in minutes as no limit on what is asked', () => {
    expect(parseRule('陪诊师迟到退款：迟到超过15分钟退该单30%').condition).toBeUndefined();
    expect(parseRule('疑似漏气报修：立即派抢修，城区30分钟到场').condition).toBeUndefined();
    expect(
      parseRule('refund the visit if the technician is more than 30 minutes late').condition,
    ).toBeUndefined();
  });
});
