import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toChineseNumeral, toEnglishWords, toFullWidth, withCommas } from './_test-numerals.js';
import { parseNumber } from './index.js';

describe('toChineseNumeral (test helper)', () => {
  it.each([
    [10, '十'],
    [15, '十五'],
    [105, '一百零五'],
    [110, '一百一十'],
    [1010, '一千零一十'],
    [10500, '一万零五百'],
    [100000, '十万'],
    [1000000, '一百万'],
    [100000005, '一亿零五'],
  ])('writes %i as %s', (n, zh) => {
    expect(toChineseNumeral(n)).toBe(zh);
  });
});

describe('parseNumber', () => {
  it.each([
    ['1,000', 1000],
    ['12.5', 12.5],
    ['２００', 200],
    ['１，０００', 1000],
    ['五十', 50],
    ['十五', 15],
    ['一百二十', 120],
    ['一百零五', 105],
    ['两百', 200],
    ['两百五', 250],
    ['三千二', 3200],
    ['一万五', 15000],
    ['一万零五', 10005],
    ['1.5万', 15000],
    ['0.5万', 5000],
    ['一万', 10000],
    ['3千', 3000],
    ['十二点五', 12.5],
    ['一点五万', 15000],
    ['壹佰', 100],
    ['二零二五', 2025],
    ['2k', 2000],
    ['two', 2],
    ['twenty-five', 25],
    ['twenty five', 25],
    ['a hundred', 100],
    ['one hundred and twenty', 120],
    ['two thousand five hundred', 2500],
    ['  42  ', 42],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it.each([
    '',
    'abc',
    '万一',
    '百千',
    '1,5',
    '1,0000',
    '12元',
    'a',
    'twenty-five dollars',
    '一下',
    'one two',
  ])('rejects %j', (text) => {
    expect(parseNumber(text)).toBeUndefined();
  });

  it('reads an integer the same in digits, Chinese numerals, full width and with commas', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), fc.boolean(), (n, liang) => {
        expect(parseNumber(String(n))).toBe(n);
        expect(parseNumber(toChineseNumeral(n, liang))).toBe(n);
        expect(parseNumber(toFullWidth(String(n)))).toBe(n);
        expect(parseNumber(withCommas(n))).toBe(n);
        expect(parseNumber(toFullWidth(withCommas(n)))).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads English number words below a million', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), (n) => {
        expect(parseNumber(toEnglishWords(n))).toBe(n);
      }),
      { numRuns: 1000 },
    );
  });
});
