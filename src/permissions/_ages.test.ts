import { describe, expect, it } from 'vitest';
import { ageBoundOf, agesSaid, withinAge } from './_ages.js';
import { normalizeText } from './_normalize.js';

describe('ageBoundOf: whom a rule serves by age', () => {
  it.each([
    ["Tattooing or booking a session for anyone under 18, even with a parent's consent", { below: 18 }],
    ['Book karting sessions for drivers 16+ (ID on the day)', { atLeast: 16 }],
    ['Young travellers aged 14-17 travelling without an adult', { atLeast: 14, below: 18 }],
    ['Serving alcohol to minors', { below: 18 }],
    ['接待未满18周岁的未成年人或为其预订包厢', { below: 18 }],
    ['预约体验课：每个孩子限1次，须满4周岁', { atLeast: 4 }],
    ['收4周岁以下的孩子下水', { below: 4 }],
  ])('%j', (text, bound) => {
    expect(ageBoundOf(normalizeText(text))).toEqual(bound);
  });

  it.each([
    'Send a replacement hub when the hub is under 3 years old',
    'Refund a deposit in full if the session is 14+ days away',
    '退款<100元',
  ])('sets none for %j', (text) => {
    expect(ageBoundOf(normalizeText(text))).toBeUndefined();
  });
});

describe('agesSaid: the ages a caller states', () => {
  it.each([
    ['My son turns seventeen on Saturday', [17]],
    ["she's fourteen, our Ellie", [14]],
    ['my 16-year-old wants one', [16]],
    ["he's under 18 but he's tall", [17]],
    ['我儿子这礼拜六过十六岁生日', [16]],
    ['大的六岁半，小的三岁半', [6, 3]],
    ['我今年二十五', []],
    ['我孩儿这礼拜六过生日，满十四了', [14]],
    ['满100减20的券还能用吗', []],
  ])('%j', (said, ages) => {
    expect(agesSaid(normalizeText(said))).toEqual(ages);
  });

  it.each(["I'm 15 minutes late", 'it is 14 days away', '一个比我小十三岁', 'number fourteen on our street'])(
    'reads no age in %j',
    (said) => {
      expect(agesSaid(normalizeText(said))).toEqual([]);
    },
  );

  it('holds an age against a bound', () => {
    expect(withinAge({ below: 18 }, 17)).toBe(true);
    expect(withinAge({ below: 18 }, 18)).toBe(false);
    expect(withinAge({ atLeast: 14, below: 18 }, 13)).toBe(false);
  });
});
