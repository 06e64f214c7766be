/**
 * Number scanners over normalised text (see `_normalize.ts`): Arabic digits with thousands commas
 * and decimals (optionally times 万/千/百/亿/k), Chinese numerals (五十, 一百零五, 三千二, 两百五,
 * 一万五, 十二点五, 壹佰), and English number words (twenty-five, a hundred and ten).
 */
import { isAsciiLetter, isDigit } from './_normalize.js';

/** A number found in text: its value and the end offset (exclusive). */
export interface ScannedNumber {
  value: number;
  start: number;
  end: number;
}

/** Value of a Chinese digit character, or -1. */
export function zhDigit(ch: string): number {
  return ch.length === 1 ? zhDigitOf(ch.charCodeAt(0)) : -1;
}

function zhSmallUnit(ch: string): number {
  switch (ch) {
    case '十':
    case '拾':
      return 10;
    case '百':
    case '佰':
      return 100;
    case '千':
    case '仟':
      return 1000;
    default:
      return 0;
  }
}

function zhBigUnit(ch: string): number {
  switch (ch) {
    case '万':
    case '萬':
      return 1e4;
    case '亿':
    case '億':
      return 1e8;
    default:
      return 0;
  }
}

const ZH_NUMERAL_CHARS = '零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万萬亿億';
// A bit per UTF-16 code: whether it is in ZH_NUMERAL_CHARS (8 KB, built on first use).
let zhNumeralBits: Uint32Array | undefined;

/** True when the character code can be part of a Chinese numeral (no string is allocated). */
export function isZhNumeralCode(code: number): boolean {
  if (zhNumeralBits === undefined) {
    zhNumeralBits = new Uint32Array(0x10000 >>> 5);
    for (let k = 0; k < ZH_NUMERAL_CHARS.length; k++) {
      const c = ZH_NUMERAL_CHARS.charCodeAt(k);
      zhNumeralBits[c >>> 5]! |= 1 << (c & 31);
    }
  }
  return ((zhNumeralBits[code >>> 5]! >>> (code & 31)) & 1) === 1;
}

/** `zhDigit` of one character by its code: a numeral alone is read without a string. */
function zhDigitOf(code: number): number {
  switch (code) {
    case 0x96f6: // 零
    case 0x3007: // 〇
      return 0;
    case 0x4e00: // 一
    case 0x58f9: // 壹
      return 1;
    case 0x4e8c: // 二
    case 0x8d30: // 贰
    case 0x4e24: // 两
      return 2;
    case 0x4e09: // 三
    case 0x53c1: // 叁
      return 3;
    case 0x56db: // 四
    case 0x8086: // 肆
      return 4;
    case 0x4e94: // 五
    case 0x4f0d: // 伍
      return 5;
    case 0x516d: // 六
    case 0x9646: // 陆
      return 6;
    case 0x4e03: // 七
    case 0x67d2: // 柒
      return 7;
    case 0x516b: // 八
    case 0x634c: // 捌
      return 8;
    case 0x4e5d: // 九
    case 0x7396: // 玖
      return 9;
    default:
      return -1;
  }
}

/**
 * Value of a run of Chinese numeral characters, or undefined when the run is not a number
 * (万一, 一二十). Handles the spoken abbreviations 三千二 = 3200, 两百五 = 250, 一万五 = 15000.
 */
export function parseZhRun(run: string): number | undefined {
  let hasUnit = false;
  for (const ch of run) if (zhDigit(ch) < 0) hasUnit = true;
  if (!hasUnit) {
    // 二零二五, 一一零: digits read one by one.
    let v = 0;
    for (const ch of run) v = v * 10 + zhDigit(ch);
    return run.length > 0 ? v : undefined;
  }
  const first = run[0]!;
  if (zhBigUnit(first) > 0) return undefined;
  let total = 0;
  let section = 0;
  let digit = -1;
  let lastUnit = 0;
  let zero = false;
  for (let k = 0; k < run.length; k++) {
    const ch = run[k]!;
    const d = zhDigit(ch);
    if (d === 0) {
      if (digit >= 0) return undefined;
      zero = true;
      continue;
    }
    if (d > 0) {
      if (digit >= 0) return undefined;
      digit = d;
      continue;
    }
    const small = zhSmallUnit(ch);
    if (small > 0) {
      // 百千, 十百: a unit without its digit after one at least as large is not a number.
      if (digit < 0 && lastUnit > 0 && small >= lastUnit) return undefined;
      section += (digit >= 0 ? digit : 1) * small;
      digit = -1;
      lastUnit = small;
      zero = false;
      continue;
    }
    const big = zhBigUnit(ch);
    if (digit >= 0) section += digit;
    if (big === 1e8) total = (total + section) * 1e8;
    else total += section * big;
    section = 0;
    digit = -1;
    lastUnit = big;
    zero = false;
  }
  if (digit >= 0) section += !zero && lastUnit >= 100 ? (digit * lastUnit) / 10 : digit;
  return total + section;
}

/** Scans a Chinese numeral at `i` (with an optional 点 fraction and a trailing 万/亿). */
export function scanZh(s: string, i: number): ScannedNumber | undefined {
  let j = i;
  while (j < s.length && isZhNumeralCode(s.charCodeAt(j))) j++;
  if (j === i) return undefined;
  // One digit alone (一下, 两个) is the commonest run: read without a string.
  const single = j === i + 1 ? zhDigitOf(s.charCodeAt(i)) : -1;
  let value = single >= 0 ? single : parseZhRun(s.slice(i, j));
  // 千万别 / 万一: not a number. Shorter prefixes are not tried; they would be guesses.
  if (value === undefined) return undefined;
  if (s.charCodeAt(j) === 0x70b9 /* 点 */ && j + 1 < s.length && zhDigitOf(s.charCodeAt(j + 1)) >= 0) {
    let k = j + 1;
    let frac = '';
    while (k < s.length && zhDigit(s[k]!) >= 0) {
      frac += String(zhDigit(s[k]!));
      k++;
    }
    value = Number(`${value}.${frac}`);
    // A 万 after a fraction scales the whole number: 一点五万.
    const big = zhBigUnit(s[k] ?? '');
    if (big > 0) {
      value *= big;
      k++;
    }
    j = k;
  }
  return { value, start: i, end: j };
}

/** A number said as a span: the least and the most it may be, and where it is said. */
export interface ScannedRange {
  least: number;
  most: number;
  start: number;
  end: number;
}

/**
 * Two neighbouring digits said together are either of them (五六块: 5 or 6; 十七八: 17 or 18;
 * 一百四五: 140 to 150; 七八百, 三四十, 两三千, 一两天), and 三五 is three to five. What comes
 * before the pair must end in a place (十, 百, 千, 万), which the pair counts below; a place after
 * the pair (七八百) is the pair's own. Undefined for any other run (二零二五, 一一零, 一百五).
 */
export function scanZhNeighbours(s: string, i: number): ScannedRange | undefined {
  let j = i;
  while (j < s.length && isZhNumeralCode(s.charCodeAt(j))) j++;
  for (let k = i; k + 1 < j; k++) {
    const a = zhDigitOf(s.charCodeAt(k));
    const b = zhDigitOf(s.charCodeAt(k + 1));
    if (a <= 0 || b <= 0) continue;
    if (!(b === a + 1 || (a === 3 && b === 5))) return undefined;
    let prefix = 0;
    let lastPlace = 0;
    if (k > i) {
      const last = s.charAt(k - 1);
      lastPlace = zhSmallUnit(last) || zhBigUnit(last);
      const value = lastPlace > 0 ? parseZhRun(s.slice(i, k)) : undefined;
      if (value === undefined) return undefined;
      prefix = value;
    }
    let end = k + 2;
    const after = s.charAt(end);
    const own = after === '' ? 0 : zhSmallUnit(after) || zhBigUnit(after);
    let place: number;
    if (own > 0 && (lastPlace === 0 || own < lastPlace)) {
      place = own;
      end++;
    } else place = lastPlace >= 100 ? lastPlace / 10 : 1;
    if (end !== j) return undefined;
    return { least: prefix + a * place, most: prefix + b * place, start: i, end };
  }
  return undefined;
}

/** Scans Arabic digits at `i`: 1,000 / 1 000 / 12.5 / 1.5万 / 3千 / 2k. */
export function scanArabic(s: string, i: number): ScannedNumber | undefined {
  let j = i;
  while (j < s.length && isDigit(s.charCodeAt(j))) j++;
  if (j === i) return undefined;
  // The digits as a string only when separators or a fraction join more to them; a plain run of
  // up to fifteen digits is read as it goes (exactly what Number would read).
  let digits: string | undefined;
  // Thousands separators: only groups of exactly three after a lead of one to three digits.
  // 1,000 and 1 000 (a space groups thousands in many locales; reading 1 000元 as 0元 would be wrong).
  if (j - i <= 3) {
    const sep = s.charCodeAt(j);
    if ((sep === 44 || sep === 32) && isThreeDigits(s, j + 1)) {
      digits = s.slice(i, j);
      while (s.charCodeAt(j) === sep && isThreeDigits(s, j + 1)) {
        digits += s.slice(j + 1, j + 4);
        j += 4;
      }
    }
  }
  if (s.charCodeAt(j) === 46 && isDigit(s.charCodeAt(j + 1))) {
    let k = j + 1;
    while (k < s.length && isDigit(s.charCodeAt(k))) k++;
    digits = (digits ?? s.slice(i, j)) + s.slice(j, k);
    j = k;
  }
  let value =
    digits !== undefined ? Number(digits) : j - i <= 15 ? digitsValue(s, i, j) : Number(s.slice(i, j));
  const next = s.charCodeAt(j);
  const mult = multiplierOf(next);
  if (mult >= 100) {
    value *= mult;
    j++;
  } else if (next === 107 /* k */ && !isAsciiLetter(s.charCodeAt(j + 1))) {
    value *= 1000;
    j++;
  }
  return { value, start: i, end: j };
}

/** The value of the digits from `i` to `j` (at most fifteen: exact in a double). */
function digitsValue(s: string, i: number, j: number): number {
  let v = 0;
  for (let k = i; k < j; k++) v = v * 10 + (s.charCodeAt(k) - 48);
  return v;
}

/** 百, 千, 万, 亿 (and their formal forms) after digits multiply them; 十 counts as 10; else 0. */
function multiplierOf(code: number): number {
  switch (code) {
    case 0x5341: // 十
    case 0x62fe: // 拾
      return 10;
    case 0x767e: // 百
    case 0x4f70: // 佰
      return 100;
    case 0x5343: // 千
    case 0x4edf: // 仟
      return 1000;
    case 0x4e07: // 万
    case 0x842c: // 萬
      return 1e4;
    case 0x4ebf: // 亿
    case 0x5104: // 億
      return 1e8;
    default:
      return 0;
  }
}

function isThreeDigits(s: string, k: number): boolean {
  return (
    isDigit(s.charCodeAt(k)) &&
    isDigit(s.charCodeAt(k + 1)) &&
    isDigit(s.charCodeAt(k + 2)) &&
    !isDigit(s.charCodeAt(k + 3))
  );
}

const EN_SMALL_WORDS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
// Hunner (Scots: two hunner dollars), hundy (Australian: a hundy): a hundred as it is said.
const EN_SCALE_WORDS: Record<string, number> = {
  hundred: 100,
  hunner: 100,
  hunnerd: 100,
  hundy: 100,
  thousand: 1000,
  million: 1e6,
};
// Maps, not objects: a word like "constructor" must not find Object.prototype.
const EN_SMALL = new Map(Object.entries(EN_SMALL_WORDS));
const EN_SCALE = new Map(Object.entries(EN_SCALE_WORDS));

function wordAt(s: string, i: number): string {
  let j = i;
  while (j < s.length && isAsciiLetter(s.charCodeAt(j))) j++;
  return s.slice(i, j);
}

/**
 * Scans English number words at `i` (which must start a word): twenty-five, a hundred,
 * one hundred and twenty, two thousand five hundred. `a`/`an` count only before a scale word.
 */
export function scanEnglish(s: string, i: number): ScannedNumber | undefined {
  if (i > 0 && isAsciiLetter(s.charCodeAt(i - 1))) return undefined;
  // A couple of months: two, as a number said in speech.
  const couple = COUPLE.exec(s.slice(i, i + 16));
  if (couple) return { value: 2, start: i, end: i + couple[0].length };
  let j = i;
  let total = 0;
  let current = 0;
  let seen = false;
  let end = i;
  let lastKind: 'none' | 'small' | 'ten' | 'scale' | 'a' = 'none';
  while (j < s.length) {
    // Five thousand, five hundred and twenty: the hundreds after a comma, as the figure is written
    // in words (5,520), go on the same number.
    if (s[j] === ',' && lastKind === 'scale' && current === 0 && total >= 1000) {
      const k = skipSpaces(s, j + 1);
      const digit = EN_SMALL.get(wordAt(s, k));
      const after = skipSpaces(s, k + wordAt(s, k).length);
      if (digit !== undefined && digit < 10 && EN_SCALE.get(wordAt(s, after)) === 100) {
        j = k;
        continue;
      }
    }
    const w = wordAt(s, j);
    if (w === '') break;
    const small = EN_SMALL.get(w);
    const scale = EN_SCALE.get(w);
    if ((w === 'a' || w === 'an') && lastKind === 'none') {
      const k = skipSpaces(s, j + w.length);
      if (EN_SCALE.get(wordAt(s, k)) === undefined) break;
      current = 1;
      lastKind = 'a';
    } else if (small !== undefined) {
      if (lastKind === 'small' || lastKind === 'a') break;
      if (lastKind === 'ten' && (small >= 10 || current % 10 !== 0)) break;
      current += small;
      lastKind = small >= 20 && small % 10 === 0 ? 'ten' : 'small';
      seen = true;
    } else if (scale !== undefined) {
      if (lastKind === 'none') break;
      if (scale === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * scale;
        current = 0;
      }
      lastKind = 'scale';
      seen = true;
    } else if (w === 'and' && lastKind === 'scale') {
      const k = skipSpaces(s, j + 3);
      if (EN_SMALL.get(wordAt(s, k)) === undefined) break;
      j = k;
      continue;
    } else break;
    j += w.length;
    if (lastKind !== 'a') end = j;
    // Words join by spaces or a hyphen (twenty-five).
    if (s[j] === '-' && isAsciiLetter(s.charCodeAt(j + 1))) j++;
    else j = skipSpaces(s, j);
  }
  if (!seen) return undefined;
  return { value: total + current, start: i, end };
}

const COUPLE = /^(?:a )?couple of\b/;

function skipSpaces(s: string, i: number): number {
  while (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9) i++;
  return i;
}

/** Scans any number at `i` (Arabic, Chinese, or English words). */
export function scanNumber(s: string, i: number): ScannedNumber | undefined {
  const c = s.charCodeAt(i);
  if (isDigit(c)) return scanArabic(s, i);
  if (isAsciiLetter(c)) return scanEnglish(s, i);
  if (isZhNumeralCode(c)) return scanZh(s, i);
  return undefined;
}

/**
 * How many of a word a text says right before it (两个学时: 2, 5学时: 5, 补一个课时: 1), at its
 * first mention with a number; undefined when no number stands before the word.
 */
export function countBefore(norm: string, word: string): number | undefined {
  for (let at = norm.indexOf(word); at > 0; at = norm.indexOf(word, at + 1)) {
    const m = /(\d+|[零一二两三四五六七八九十百几]+)\s*个?$/.exec(norm.slice(Math.max(0, at - 8), at));
    if (m) return /^\d+$/.test(m[1]!) ? Number(m[1]) : parseZhRun(m[1]!);
  }
  return undefined;
}
