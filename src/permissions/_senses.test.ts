import { describe, expect, it } from 'vitest';
import { type SenseSpan, scanSenses } from './_meaning.js';
import { normalizeText } from './_normalize.js';
import { SENSES } from './_senses.js';
import { checkPermission, compileRules } from './index.js';

/** The ids of the senses a text names. */
const sensesIn = (text: string): string[] => {
  const spans: SenseSpan[] = [];
  scanSenses(normalizeText(text), spans);
  return spans.flatMap((s) => s.senses.map((k) => SENSES[k]!.id));
};

/** Limits of a boat-hire company in pounds, and of one in euros. */
const inPounds = compileRules({
  can_approve_immediately: ['refund <= £30'],
  requires_supervisor: ['refund > £30'],
  requires_process: [],
  forbidden: [],
});
const inEuros = compileRules({
  can_approve_immediately: ['refund <= €30'],
  requires_supervisor: ['refund > €30'],
  requires_process: [],
  forbidden: [],
});

describe('refund senses: money asked back (get, have, want, need … back) in pounds and euros', () => {
  it.each([
    ['get my nine quid back', 9],
    ['can I have my 12 pounds back', 12],
    ['I want my £25 back', 25],
    ['I need the twenty pounds back', 20],
  ])('reads %j as a refund of £%d and decides it by the limit in pounds', (action, value) => {
    const decided = checkPermission(inPounds, action);
    expect(decided.status).toBe('can_approve_immediately');
    expect(decided.parts[0]?.amount).toEqual({ value, unit: 'GBP' });
  });

  it.each([
    ['I want my 18 euros back', 18],
    ['could I get my €45 back', 45],
  ])('reads %j as a refund of €%d', (action, value) => {
    const decided = checkPermission(inEuros, action);
    expect(decided.parts[0]).toMatchObject({ concept: 'refund', amount: { value, unit: 'EUR' } });
  });
});

describe('senses: 催 that urges, and 续 that keeps a service on', () => {
  it('reads 催乳 as no urging and 催一下 as urging', () => {
    expect(sensesIn('月子里想加订催乳')).not.toContain('hurry');
    expect(sensesIn('帮我催一下')).toContain('hurry');
  });
  it('reads skip as passing over, not as the bin a business hires out (one of your skips, the skip’s full)', () => {
    expect(sensesIn('can I skip the ID check')).toContain('skip');
    for (const said of [
      "I've got one of your skips outside the house",
      "that skip o' yours on me drive",
      "the skip's pretty much full, swap it",
      'the big eight-yard skip is coming tomorrow',
    ])
      expect(sensesIn(said), said).not.toContain('skip');
  });
  it('reads a thing stolen (被盗, 叫人偷了, 抢走) as lost, as English reads stolen', () => {
    for (const said of ['设备被盗', '这回是叫人偷了', '手机被抢走了'])
      expect(sensesIn(said), said).toContain('loss');
  });
  it('reads 续单 and 再续五天 as extending', () => {
    expect(sensesIn('按原价续单')).toContain('extend');
    expect(sensesIn('我想再续五天')).toContain('extend');
  });
});

describe('senses: 送 that delivers, bookings, and a loss made up', () => {
  it('reads giving to someone (送亲戚, 买来送朋友) as no gift asked, and 送我几个 as one', () => {
    expect(sensesIn('要让他们过年送亲戚的')).not.toContain('gift');
    expect(sensesIn('我买来送朋友的')).not.toContain('gift');
    expect(sensesIn('再送我几个')).toContain('gift');
  });
  it('reads the card money goes back to (退回原卡, 钱退到卡里) as no card acted on', () => {
    expect(sensesIn('退回原卡或原支付渠道')).not.toContain('card');
    expect(sensesIn('钱退回卡里就行')).not.toContain('card');
    expect(sensesIn('我要退卡')).toContain('card');
  });
  it('reads what the file shows as the records, not a file (restore my files is one)', () => {
    expect(sensesIn('what the file shows we owe you')).not.toContain('file');
    expect(sensesIn('restore my deleted files')).toContain('file');
  });
  it('reads 送 after a time, and 送装, 送修, 取送, as delivering, not a gift', () => {
    expect(sensesIn('改到礼拜六上午送')).not.toContain('gift');
    expect(sensesIn('送装改期')).not.toContain('gift');
    expect(sensesIn('预约上门取送')).not.toContain('gift');
    expect(sensesIn('再送我两张优惠券')).toContain('gift');
  });
  it('reads a visit asked for a day, and booking listed among a rule’s steps, as booking', () => {
    expect(sensesIn('明天上午可不可以叫个人过来收')).toContain('book');
    expect(sensesIn('礼拜六上午给我装上')).toContain('book');
    expect(sensesIn('预约、改约、取消上门取件')).toContain('book');
    expect(sensesIn('预约上门维修')).not.toContain('book');
    expect(sensesIn('透露其他患者的预约时间')).not.toContain('book');
  });
  it('reads 重新排期 as moving a booking', () => {
    expect(sensesIn('给客户优先重新排期')).toContain('change_booking');
  });
  it('reads 这钱你们得给我补上 as compensation where money was named', () => {
    const decided = checkPermission(
      compileRules({
        can_approve_immediately: ['补偿<=100元'],
        requires_supervisor: ['补偿>100元'],
        requires_process: [],
        forbidden: [],
      }),
      '害我白请了假，这钱你们得给我补上',
    );
    expect(decided.parts[0]?.concept).toBe('compensation');
  });
});

describe('senses: washed again', () => {
  it('reads 返洗 and 再帮我洗一遍 as doing it again', () => {
    expect(sensesIn('这件能不能再帮我洗一遍')).toContain('redo');
    const decided = checkPermission(
      compileRules({
        can_approve_immediately: ['取衣7天内免费返洗'],
        requires_supervisor: [],
        requires_process: [],
        forbidden: [],
      }),
      '取衣3天，领口没洗干净，能不能免费再帮我洗一遍',
    );
    expect(decided.status).toBe('can_approve_immediately');
  });
});

describe('senses: Cantonese money, a fee refused, money made up', () => {
  const laundry = compileRules({
    can_approve_immediately: ['逾期保管费减免：单次不超过30元', '小问题补偿：每单100元以内'],
    requires_supervisor: ['小问题补偿超过100元', '逾期保管费减免超过30元'],
    requires_process: [],
    forbidden: [],
  });
  it('reads 二十蚊 as 20 yuan, and a fee the caller will not pay as asked off', () => {
    const decided = checkPermission(laundry, '那二十蚊保管费我一分钱都不会给');
    expect(decided.status).toBe('can_approve_immediately');
    expect(decided.parts[0]?.amount).toEqual({ value: 20, unit: 'CNY' });
  });
  it('reads 补我三十块 as compensation of 30, and 补我一张卡 as none', () => {
    expect(checkPermission(laundry, '扣子掉了，你们补我三十块').parts[0]).toMatchObject({
      concept: 'compensation',
      amount: { value: 30, unit: 'CNY' },
    });
    expect(checkPermission(laundry, '你们补我一张卡').parts[0]?.concept).not.toBe('compensation');
  });
});

describe('senses: a class booked, and a booking number', () => {
  it('reads 预约体验课 and 约个试听课 as booking, and 预约号 as none', () => {
    expect(sensesIn('帮我预约体验课')).toContain('book');
    expect(sensesIn('给孩子约个试听课')).toContain('book');
    expect(sensesIn('我的预约号是多少来着')).not.toContain('book');
  });
});

describe('senses: tomorrow in Wu and Xiang speech', () => {
  it('reads 约明朝上午 and 今朝下午约个时间 as booking a day to come', () => {
    expect(sensesIn('帮我约明朝上午')).toContain('book');
    expect(sensesIn('我想约今朝下午')).toContain('book');
  });
});

describe('senses: 钞票 is money, 票 a ticket', () => {
  it.each(['侬今朝就把钞票打给我', '钞票统统退给我', '股票跌了'])('reads no ticket in "%s"', (said) => {
    expect(sensesIn(said)).not.toContain('ticket');
  });
  it.each(['两张票', '帮我把票退了'])('reads a ticket in "%s"', (said) => {
    expect(sensesIn(said).some((s) => s.startsWith('ticket'))).toBe(true);
  });
});

describe('senses: signing up and booking as a business on the phone says them', () => {
  it.each(['帮我报个名', '给我报名半马', '那你就帮我报上嘛'])('reads "%s" as joining', (said) => {
    expect(sensesIn(said)).toContain('join');
  });
  it.each(['每个报名订单合计', '报名费多少', '跟保安报个名字'])('reads no joining in "%s"', (said) => {
    expect(sensesIn(said)).not.toContain('join');
  });
  it.each(['电话代订包间', '那你直接给我订上吧'])('reads "%s" as booking', (said) => {
    expect(sensesIn(said)).toContain('book');
  });
});

describe('scanSenses: a recovery of a stolen car is nothing restored', () => {
  it.each(['email the recovery report to my insurer', 'is there a recovery fee', 'the recovery officers'])(
    'reads no restore in %j',
    (text) => {
      expect(sensesIn(text)).not.toContain('restore');
    },
  );
  it('still reads recover my photos as a restore', () => {
    expect(sensesIn('can you recover my photos')).toContain('restore');
  });
});

describe('senses: a bribe', () => {
  it('reads 打点, 托关系 and bribe as a bribe, not a drip or packing', () => {
    for (const said of ['你们帮我打点一哈', '托关系早点下证', 'could I bribe the examiner'])
      expect(sensesIn(said), said).toContain('bribe');
    for (const said of ['我妈在医院打点滴', '我在打点行装'])
      expect(sensesIn(said), said).not.toContain('bribe');
  });
});
