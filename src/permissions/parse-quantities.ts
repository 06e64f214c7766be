import { isAsciiLetter, isDigit, normalizeText } from './_normalize.js';
import { isZhNumeralCode, type ScannedNumber, scanArabic, scanEnglish, scanZh } from './_numerals.js';

/** What a quantity measures; thresholds compare only within a family. */
export type QuantityFamily = 'money' | 'duration' | 'count' | 'data';

/**
 * An amount with its unit, found in text. `value` is normalised: weeks become days (x7), years
 * become months (x12), 万/千 are multiplied out. `text`, `start` and `end` are the span of the
 * caller's text (currency sign and unit included).
 */
export interface Quantity {
  value: number;
  family: QuantityFamily;
  unit: 'CNY' | 'USD' | 'day' | 'time' | 'GB' | 'MB' | 'month';
  text: string;
  start: number;
  end: number;
}

type Unit = Quantity['unit'];

interface UnitWord {
  word: string;
  unit: Unit;
  factor: number;
  /** A guard on the text around the number (dates are not durations); `original` keeps case. */
  accept?: (s: string, num: ScannedNumber, unitEnd: number, original: string) => boolean;
}

const FAMILY: Record<Unit, QuantityFamily> = {
  CNY: 'money',
  USD: 'money',
  day: 'duration',
  month: 'duration',
  time: 'count',
  GB: 'data',
  MB: 'data',
};

// 12月20日 is a date, not twenty days.
const notAfterMonth = (s: string, num: ScannedNumber): boolean => s[num.start - 1] !== '月';
// 2025年 and 3年12月 are dates; 2年 is a duration.
const yearsDuration = (s: string, num: ScannedNumber, end: number): boolean =>
  num.value < 100 && !isDigit(s.charCodeAt(end)) && zhNumberFollows(s, end) === false;
const zhNumberFollows = (s: string, end: number): boolean =>
  /^[一二三四五六七八九十]+月/.test(s.slice(end, end + 4));
// 5G网络 is a network generation; only 5GB, 5个G or 5G流量 are data.
const gigaData = (s: string, num: ScannedNumber, end: number): boolean =>
  s[num.end] === '个' || s.startsWith('流量', end) || s.startsWith('的流量', end);
const notAnniversary = (s: string, _num: ScannedNumber, end: number): boolean => s[end] !== '年';
// 加30G, 扩容一百G: a capital G after an amount is gigabytes, unless a network generation is
// meant (5G网络, 4G信号, 用的5G); a small g (500g) is grams unless data follows (10g流量) or
// more space is asked for (扩容30g).
const NETWORK_AFTER =
  /^\s*(?:网|信号|手机|基站|套餐|卡|用户|时代|技术|覆盖|服务|network|phone|signal|plan|sim)/;
const DATA_AFTER = /^\s*的?(?:流量|空间|存储|容量|内存)/;
const ASKS_FOR_MORE = /(?:加|扩|扩容|多给|给我|要|买|送|充|升到|扩到)\s*$/;
const gigabytes = (s: string, num: ScannedNumber, end: number, original: string): boolean => {
  if (s[num.end] === '个' || DATA_AFTER.test(s.slice(end))) return true;
  const asked = ASKS_FOR_MORE.test(s.slice(Math.max(0, num.start - 3), num.start));
  if (original[end - 1] !== 'G') return asked;
  if (NETWORK_AFTER.test(s.slice(end))) return false;
  // 2G to 6G said alone are network generations; asked for (加5G), they are data.
  if (num.value >= 2 && num.value <= 6) return asked;
  return true;
};
const terabytes = (s: string, num: ScannedNumber, end: number, original: string): boolean =>
  s[num.end] === '个' || DATA_AFTER.test(s.slice(end)) || original[end - 1] === 'T';
// 住3晚, 两夜: nights are days; 周五晚上 is a weekday, 半夜 midnight.
const nights = (s: string, num: ScannedNumber): boolean =>
  !/[周期拜]$/.test(s.slice(0, num.start)) && s.slice(num.start, num.end) !== '半';
// 改签两回 is twice; 两回事 and 一回来 are not counts.
const times = (s: string, _num: ScannedNumber, end: number): boolean =>
  !/^[事来去头家复答应]/.test(s.slice(end));

/** Unit words after a number, longest first where one is a prefix of another. */
const UNIT_WORDS: readonly UnitWord[] = [
  { word: '块钱', unit: 'CNY', factor: 1 },
  { word: '元钱', unit: 'CNY', factor: 1 },
  { word: '块', unit: 'CNY', factor: 1 },
  { word: '元', unit: 'CNY', factor: 1 },
  { word: '圆', unit: 'CNY', factor: 1 },
  { word: '人民币', unit: 'CNY', factor: 1 },
  { word: 'rmb', unit: 'CNY', factor: 1 },
  { word: 'cny', unit: 'CNY', factor: 1 },
  { word: 'yuan', unit: 'CNY', factor: 1 },
  { word: '美元', unit: 'USD', factor: 1 },
  { word: '美金', unit: 'USD', factor: 1 },
  { word: 'us dollars', unit: 'USD', factor: 1 },
  { word: 'dollars', unit: 'USD', factor: 1 },
  { word: 'dollar', unit: 'USD', factor: 1 },
  { word: 'bucks', unit: 'USD', factor: 1 },
  { word: 'usd', unit: 'USD', factor: 1 },
  { word: '$', unit: 'USD', factor: 1, accept: (_s, num, end) => end === num.end + 1 },
  { word: '个工作日', unit: 'day', factor: 1 },
  { word: '工作日', unit: 'day', factor: 1 },
  { word: '个星期', unit: 'day', factor: 7 },
  { word: '个礼拜', unit: 'day', factor: 7 },
  { word: '星期', unit: 'day', factor: 7 },
  { word: '礼拜', unit: 'day', factor: 7 },
  { word: '周', unit: 'day', factor: 7, accept: notAnniversary },
  { word: '天', unit: 'day', factor: 1 },
  { word: '日', unit: 'day', factor: 1, accept: notAfterMonth },
  { word: '个月', unit: 'month', factor: 1 },
  { word: '年', unit: 'month', factor: 12, accept: yearsDuration },
  { word: 'business days', unit: 'day', factor: 1 },
  { word: 'days', unit: 'day', factor: 1 },
  { word: 'day', unit: 'day', factor: 1 },
  { word: 'weeks', unit: 'day', factor: 7 },
  { word: 'week', unit: 'day', factor: 7 },
  { word: 'months', unit: 'month', factor: 1 },
  { word: 'month', unit: 'month', factor: 1 },
  { word: 'years', unit: 'month', factor: 12 },
  { word: 'year', unit: 'month', factor: 12 },
  { word: '个晚上', unit: 'day', factor: 1 },
  { word: '晚', unit: 'day', factor: 1, accept: nights },
  { word: '夜', unit: 'day', factor: 1, accept: nights },
  { word: 'nights', unit: 'day', factor: 1 },
  { word: 'night', unit: 'day', factor: 1 },
  { word: '次', unit: 'time', factor: 1 },
  { word: '回', unit: 'time', factor: 1, accept: times },
  { word: 'times', unit: 'time', factor: 1 },
  { word: '个tb', unit: 'GB', factor: 1024 },
  { word: '个t', unit: 'GB', factor: 1024 },
  { word: 'tb', unit: 'GB', factor: 1024 },
  { word: 't', unit: 'GB', factor: 1024, accept: terabytes },
  { word: '个gb', unit: 'GB', factor: 1 },
  { word: '个g', unit: 'GB', factor: 1 },
  { word: 'gb', unit: 'GB', factor: 1 },
  { word: 'g', unit: 'GB', factor: 1, accept: gigabytes },
  { word: '个mb', unit: 'MB', factor: 1 },
  { word: 'mb', unit: 'MB', factor: 1 },
  { word: 'm', unit: 'MB', factor: 1, accept: gigaData },
  { word: '兆', unit: 'MB', factor: 1, accept: gigaData },
];

/** Currency markers written before the amount: ¥45, $20, USD 2,000, RMB 300, 人民币300. */
const PREFIXES: ReadonlyArray<{ word: string; unit: Unit; wordLike: boolean }> = [
  { word: 'us$', unit: 'USD', wordLike: false },
  { word: '$', unit: 'USD', wordLike: false },
  { word: '¥', unit: 'CNY', wordLike: false },
  { word: 'usd', unit: 'USD', wordLike: true },
  { word: 'rmb', unit: 'CNY', wordLike: true },
  { word: 'cny', unit: 'CNY', wordLike: true },
  { word: '人民币', unit: 'CNY', wordLike: false },
];

const CANDIDATE =
  /[\d¥$半零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万萬亿億]|人民币|\bus\$|\b(?:usd|rmb|cny|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|an?)\b/g;

/** Everything the scanner found: quantities with units and numbers without one. */
export interface ScanResult {
  quantities: Quantity[];
  /** Numbers with no unit (order numbers, phone numbers, or an amount said without its unit). */
  bare: ScannedNumber[];
}

function skipSpaces(s: string, i: number): number {
  while (s[i] === ' ' || s[i] === '\t') i++;
  return i;
}

let unitIndex: Map<number, UnitWord[]> | undefined;

function matchUnit(
  s: string,
  num: ScannedNumber,
  original: string,
): { unit: UnitWord; end: number } | undefined {
  const j = skipSpaces(s, num.end);
  if (!unitIndex) {
    unitIndex = new Map();
    for (const u of UNIT_WORDS) {
      const k = u.word.charCodeAt(0);
      unitIndex.set(k, [...(unitIndex.get(k) ?? []), u]);
    }
  }
  for (const u of unitIndex.get(s.charCodeAt(j)) ?? []) {
    if (!s.startsWith(u.word, j)) continue;
    const end = j + u.word.length;
    const ascii = isAsciiLetter(u.word.charCodeAt(u.word.length - 1));
    if (ascii && isAsciiLetter(s.charCodeAt(end))) continue;
    if (u.accept && !u.accept(s, num, end, original)) continue;
    return { unit: u, end };
  }
  return undefined;
}

/** 'a week', 'an hour', 'half a month', '半个月', '半年': amounts said without digits. */
function scanArticle(s: string, i: number): ScannedNumber | undefined {
  if (s.startsWith('半', i)) return { value: 0.5, start: i, end: i + 1 };
  if (i > 0 && isAsciiLetter(s.charCodeAt(i - 1))) return undefined;
  for (const w of ['a ', 'an ']) {
    if (s.startsWith(w, i)) return { value: 1, start: i, end: i + w.length - 1 };
  }
  return undefined;
}

/**
 * Scans normalised text `s`; spans refer to `original` (same length). Internal: the permission
 * engine uses the bare numbers too.
 */
export function scanQuantities(s: string, original: string): ScanResult {
  const quantities: Quantity[] = [];
  const bare: ScannedNumber[] = [];
  const push = (unit: Unit, value: number, start: number, end: number): void => {
    quantities.push({ value, family: FAMILY[unit], unit, text: original.slice(start, end), start, end });
  };
  let i = 0;
  while (i < s.length) {
    // Jump to the next place an amount can start; the rest of the text is skipped in one step.
    CANDIDATE.lastIndex = i;
    const next = CANDIDATE.exec(s);
    if (next === null) break;
    i = next.index;
    const c = s.charCodeAt(i);
    const prefix = prefixAt(s, i);
    if (prefix) {
      const k = skipSpaces(s, i + prefix.word.length);
      const num = isDigit(s.charCodeAt(k)) ? scanArabic(s, k) : undefined;
      // $5O, $1e3: digits running into letters are not an amount.
      if (num && isAsciiLetter(s.charCodeAt(num.end)) && !matchUnit(s, num, original)) {
        i = num.end;
        continue;
      }
      if (num) {
        // ¥45元: a unit written after as well belongs to the same amount.
        const after = matchUnit(s, num, original);
        const end = after && FAMILY[after.unit.unit] === 'money' ? after.end : num.end;
        push(prefix.unit, num.value, i, end);
        i = end;
        continue;
      }
    }
    let num: ScannedNumber | undefined;
    if (isDigit(c)) {
      num = scanArabic(s, i);
      // Digits glued to letters (order a123, iphone15) are identifiers, not amounts.
      if (num && i > 0 && isAsciiLetter(s.charCodeAt(i - 1))) {
        i = num.end;
        continue;
      }
    } else if (isAsciiLetter(c)) {
      if (i > 0 && isAsciiLetter(s.charCodeAt(i - 1))) {
        i++;
        continue;
      }
      num = scanEnglish(s, i) ?? scanArticle(s, i);
      if (!num) {
        while (i < s.length && isAsciiLetter(s.charCodeAt(i))) i++;
        continue;
      }
    } else if (c === 0x534a /* 半 */) {
      num = scanArticle(s, i);
    } else if (isZhNumeralCode(c)) {
      // 第三次 is an ordinal, not three times.
      num = s.charCodeAt(i - 1) === 0x7b2c /* 第 */ ? undefined : scanZh(s, i);
    }
    if (!num) {
      i++;
      continue;
    }
    const unit = matchUnit(s, num, original);
    if (unit) {
      push(unit.unit.unit, num.value * unit.unit.factor, num.start, unit.end);
      i = unit.end;
    } else {
      // An article or 半 without a unit is not a number at all, nor are digits running into
      // letters (5O元, 1e3).
      const glued = isDigit(c) && isAsciiLetter(s.charCodeAt(num.end));
      if (!glued && !/^(a|an|半)$/.test(s.slice(num.start, num.end))) bare.push(num);
      i = Math.max(num.end, i + 1);
    }
  }
  return { quantities, bare };
}

// First characters of the prefixes: most positions need no further look.
const PREFIX_STARTS = new Set(PREFIXES.map((p) => p.word.charCodeAt(0)));

function prefixAt(s: string, i: number): (typeof PREFIXES)[number] | undefined {
  if (!PREFIX_STARTS.has(s.charCodeAt(i))) return undefined;
  for (const p of PREFIXES) {
    if (!s.startsWith(p.word, i)) continue;
    if (p.wordLike && i > 0 && isAsciiLetter(s.charCodeAt(i - 1))) continue;
    return p;
  }
  return undefined;
}

/**
 * Finds every amount with a unit in the text, in order: money with the currency before or after
 * (¥45, ￥45, 45元/块/块钱, $20, USD 2,000, 20 dollars), durations (7天/日/周/个月, 7 days,
 * two weeks, 半个月), counts (3次, 3 times) and data (10GB, 500MB). Numbers without a unit are
 * left out; dates (12月20日, 2025年) are not durations.
 *
 * @example parseQuantities('退款1,000元') // [{ value: 1000, family: 'money', unit: 'CNY', text: '1,000元', start: 2, end: 8 }]
 * @example parseQuantities('extend my trial by two weeks')[0].value // 14 (days)
 */
export function parseQuantities(text: string): Quantity[] {
  return scanQuantities(normalizeText(text), text).quantities;
}
