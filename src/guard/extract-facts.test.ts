import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SystemQueryRecord } from '../domain/session-schemas.js';
import {
  collectJsonEvidence,
  collectUtteranceEvidence,
  extractAmounts,
  extractDates,
  extractDurations,
  extractRelativeDates,
  resolveRelativeDate,
} from './extract-facts.js';
import { guardReply } from './reply-guard.js';

describe('extractAmounts with Chinese numerals (read by parseNumber, as the permission checks read them)', () => {
  it.each([
    ['十五', 15],
    ['二十', 20],
    ['一百二十', 120],
    ['两百', 200],
    ['一百零五', 105],
    ['三千五百', 3500],
    ['一万二千', 12000],
    ['二零二五', 2025],
    // Spoken abbreviations: the permission checks read 三千二 as 3200, and so must the guard.
    ['三千二', 3200],
    ['两百五', 250],
    ['一万五', 15000],
  ])('reads %s元 as %d', (text, value) => {
    expect(extractAmounts(`${text}元`).map((a) => a.value)).toEqual([value]);
  });

  it('reads back every amount it is written as (1 to 9999)', () => {
    const digits = '零一二三四五六七八九';
    const write = (n: number): string => {
      const parts: string[] = [];
      const units = ['千', '百', '十', ''];
      const s = String(n).padStart(4, '0');
      let zero = false;
      for (let i = 0; i < 4; i++) {
        const d = Number(s[i]);
        if (d === 0) {
          zero = parts.length > 0;
          continue;
        }
        if (zero) parts.push('零');
        zero = false;
        parts.push(digits[d]! + units[i]!);
      }
      return parts.join('');
    };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), (n) => extractAmounts(`${write(n)}元`)[0]?.value === n),
    );
  });

  it('takes no amount from characters that are not a numeral (万一)', () => {
    expect(extractAmounts('万一元')).toEqual([]);
  });
});

describe('extractAmounts', () => {
  it.each([
    ['月费15元', [15]],
    ['扣了我15块钱', [15]],
    ['十五块', [15]],
    ['15.00元和$30', [15, 30]],
    ['US$ 1,299.50 total', [1299.5]],
    ['RMB 200', [200]],
    ['15 dollars', [15]],
    ['￥15', [15]],
    ['我们一块儿看看', []],
    ['2小时内回复', []],
    ['the D60 fee, up to R500', [60, 500]],
    // A ticket number's letters and digits are no money (a draft quoting one is not sent back).
    ['申请单号是TK20261206-D51966。', []],
    ['工单号TK20261206-038CFA', []],
    ['ref TK20261206-CFA582', []],
    ['code D28AD8', []],
  ])('finds the money in %s', (text, values) => {
    expect(extractAmounts(text).map((a) => a.value)).toEqual(values);
  });
});

describe('extractAmounts: pounds and euros', () => {
  it.each([
    ['a balance of £38.20 remains', [38.2]],
    ['退还38.20英镑', [38.2]],
    ['九镑', [9]],
    ['the fee is €15', [15]],
    ['押金15欧元', [15]],
    ['we will return 40 pounds', [40]],
    ['a stamp for 1 pound', [1]],
    ['that was 12 quid', [12]],
    ['it costs 7 euros', [7]],
    ['GBP 1,250 and EUR 99.90', [1250, 99.9]],
    ['they took 64£ and another 30 €', [64, 30]],
    ['￡12', [12]],
    // A sign before another amount is that amount's: 5 €10 is €10 after a bare 5.
    ['row 5 €10 seats', [10]],
  ])('finds the money in %j', (text, values) => {
    expect(extractAmounts(text).map((a) => a.value)).toEqual(values);
  });

  it('reads pounds beside a weight as well: a number a draft states needs a source either way', () => {
    expect(extractAmounts('your heavy case, we give back 30 pounds').map((a) => a.value)).toEqual([30]);
    expect(extractAmounts('the parcel weighs 40 pounds').map((a) => a.value)).toEqual([40]);
  });

  it('reads no amount in a word that only ends in a currency’s code', () => {
    expect(extractAmounts('the amateur 5k run')).toEqual([]);
  });
});

describe('guardReply: amounts in pounds and euros need a source, as dollars do', () => {
  const bookings: SystemQueryRecord = {
    interface: 'bookings',
    method: 'GET',
    endpoint: '/bookings',
    purpose: 'look up the bookings',
    mock: true,
    ok: true,
    response: { bookings: [{ booking_id: 'K-3', amount: 38.2 }] },
  };
  const guarded = (draft: string) =>
    guardReply({
      draft,
      language: 'en',
      callerPhone: '07700900123',
      permissionChecks: [],
      systemQueries: [bookings],
      customerUtterances: ['what did I pay for that booking?'],
      otherCustomers: [],
    });

  it.each([
    'You paid $52.70 for it.',
    'You paid £52.70 for it.',
    'You paid 52.70英镑 for it.',
    'You paid €52.70 for it.',
    'You paid 52.70 euros for it.',
    'You paid 52 pounds for it.',
  ])('stops %j, an amount no query returned', (draft) => {
    expect(guarded(draft)).toMatchObject({ ok: false, rule: 'unverified_fact' });
  });

  it.each(['You paid £38.20 for it.', 'You paid 38.20英镑 for it.', 'You paid €38.20 for it.'])(
    'lets %j through: the query returned it',
    (draft) => {
      expect(guarded(draft)).toEqual({ ok: true });
    },
  );
});

describe('extractDates', () => {
  it.each([
    ['2025-12-20', { year: 2025, month: 12, day: 20 }],
    ['2025/12/20', { year: 2025, month: 12, day: 20 }],
    ['2025年12月20日', { year: 2025, month: 12, day: 20 }],
    ['12月20号', { month: 12, day: 20 }],
    ['十二月二十号', { month: 12, day: 20 }],
    ['December 20, 2025', { year: 2025, month: 12, day: 20 }],
    ['Dec 20th', { month: 12, day: 20 }],
    ['20 December 2025', { year: 2025, month: 12, day: 20 }],
  ])('reads %s', (text, date) => {
    expect(extractDates(text)).toEqual([{ ...date, text }]);
  });

  it('takes a bare 20号 only when asked (the customer’s own words)', () => {
    expect(extractDates('20号扣的')).toEqual([]);
    expect(extractDates('20号扣的', { dayOnly: true })).toMatchObject([{ day: 20 }]);
  });

  it('rejects impossible dates', () => {
    expect(extractDates('2025-13-40')).toEqual([]);
  });
});

describe('collectJsonEvidence', () => {
  it('collects numbers, numeric strings and dates, without date parts as amounts', () => {
    const evidence = collectJsonEvidence([
      { fee: 15.0, total: '30.00', start_date: '2025-12-20', note: '月费45元' },
    ]);
    expect(evidence.numbers).toEqual(expect.arrayContaining([15, 30, 45]));
    expect(evidence.numbers).not.toContain(20);
    expect(evidence.dates).toMatchObject([{ year: 2025, month: 12, day: 20 }]);
  });
});

describe('collectUtteranceEvidence', () => {
  it('takes every number and date the customer said', () => {
    const evidence = collectUtteranceEvidence(['为什么扣了我十五块', '20号那笔']);
    expect(evidence.numbers).toEqual(expect.arrayContaining([15, 20]));
    expect(evidence.dates).toMatchObject([{ day: 20 }]);
  });
});

describe('extractRelativeDates', () => {
  it.each([
    ['明天给您回电', { unit: 'day', offset: 1 }],
    ['后天到账', { unit: 'day', offset: 2 }],
    ['今天之内退给您', { unit: 'day', offset: 0 }],
    ['下个月5号扣费', { unit: 'month', offset: 1, day: 5 }],
    ['本月底之前', { unit: 'month', offset: 0, part: 'end' }],
    ['下周三之前', { unit: 'weekday', offset: 1, weekday: 3 }],
    ['这周末', { unit: 'week', offset: 0, part: 'weekend' }],
    ['周五给您答复', { unit: 'weekday', offset: 0, weekday: 5, loose: true }],
    ["you'll have it by tomorrow", { unit: 'day', offset: 1 }],
    ['by Friday', { unit: 'weekday', weekday: 5, loose: true }],
    ['next Monday', { unit: 'weekday', offset: 1, weekday: 1, loose: true }],
    ['by end of day', { unit: 'day', offset: 0 }],
    ['on the 15th', { unit: 'day_of_month', day: 15 }],
    ['the 5th of next month', { unit: 'month', offset: 1, day: 5 }],
    ['end of the month', { unit: 'month', offset: 0, part: 'end' }],
  ])('reads %s', (text, fact) => {
    expect(extractRelativeDates(text)).toMatchObject([fact]);
  });

  it.each(['周一至周五', 'Monday to Friday', '每周五', '今天天气不错', '我的账号', '5号线', '12月20号'])(
    'leaves out %s (opening hours, habits, today, numbers that are not days)',
    (text) => {
      expect(extractRelativeDates(text)).toEqual([]);
    },
  );
});

describe('resolveRelativeDate', () => {
  // 2026-01-06 is a Tuesday.
  const today = '2026-01-06';
  it.each([
    ['明天', [{ from: '2026-01-07', to: '2026-01-07' }]],
    ['下个月5号', [{ from: '2026-02-05', to: '2026-02-05' }]],
    ['下周一', [{ from: '2026-01-12', to: '2026-01-12' }]],
    ['这周', [{ from: '2026-01-05', to: '2026-01-11' }]],
    ['月底', [{ from: '2026-01-21', to: '2026-01-31' }]],
    ['next month', [{ from: '2026-02-01', to: '2026-02-28' }]],
  ])('reads %s against the call date', (text, ranges) => {
    const [fact] = extractRelativeDates(text);
    expect(resolveRelativeDate(fact!, today)).toEqual(ranges);
  });

  it('gives every reading of a loose weekday', () => {
    const [fact] = extractRelativeDates('by Friday');
    expect(resolveRelativeDate(fact!, today).map((r) => r.from)).toEqual(
      expect.arrayContaining(['2026-01-09', '2026-01-16']),
    );
  });

  it('crosses the year', () => {
    const [fact] = extractRelativeDates('下个月3号');
    expect(resolveRelativeDate(fact!, '2025-12-30')).toEqual([{ from: '2026-01-03', to: '2026-01-03' }]);
  });
});

describe('extractDurations', () => {
  it.each([
    ['预计2小时内回复', [2]],
    ['1到3个工作日到账', [1, 3]],
    ['三个工作日内', [3]],
    ['within 24 hours', [24]],
    ['3-5 business days', [3, 5]],
    ['two weeks', [2]],
    ['twenty-four hours', [24]],
    ['Forty-Eight hours', [48]],
  ])('reads %s', (text, values) => {
    expect(extractDurations(text).map((d) => d.values)).toEqual([values]);
  });

  it.each(['2025年12月20日开通', '工单号T1，48元', '这两天会联系您', 'at $15 a month'])(
    'finds no time frame in %s',
    (text) => {
      expect(extractDurations(text)).toEqual([]);
    },
  );
});
