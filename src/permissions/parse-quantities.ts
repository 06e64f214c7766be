import { CURRENCIES, type CurrencyCode, type QuantityUnit } from '../domain/units.js';
import { isAsciiLetter, isDigit, normalizeText } from './_normalize.js';
import {
  isZhNumeralCode,
  type ScannedNumber,
  scanArabic,
  scanEnglish,
  scanZh,
  scanZhNeighbours,
} from './_numerals.js';

/** What a quantity measures; thresholds compare only within a family. */
export type QuantityFamily = 'money' | 'duration' | 'count' | 'data' | 'points' | 'clock';

/**
 * An amount with its unit, found in text. `value` is normalised: weeks become days (x7), years
 * become months (x12), 万/千 are multiplied out; a time of day (`clock`) is in hours after
 * midnight (下午两点 and 2pm are 14). `text`, `start` and `end` are the span of the caller's text
 * (currency sign and unit included).
 */
export interface Quantity {
  /** The amount; for one said approximately (二十几块, 一百多), the most it may be. */
  value: number;
  /** For an amount said approximately, the least it may be (二十几块: 21 to 29). */
  least?: number;
  family: QuantityFamily;
  unit: QuantityUnit;
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

/** What each unit measures (rules and requests compare amounts of one family). */
export const FAMILY: Record<Unit, QuantityFamily> = {
  ...(Object.fromEntries(CURRENCIES.map((c) => [c, 'money'])) as Record<CurrencyCode, 'money'>),
  day: 'duration',
  month: 'duration',
  time: 'count',
  GB: 'data',
  MB: 'data',
  hour: 'duration',
  point: 'points',
  clock: 'clock',
};

/** A currency the engine reads: the units of the money family. */
export type Currency = CurrencyCode;

/**
 * How each currency is written after an amount in Chinese (30元, 30英镑, 30兰特) and before one
 * in English (¥30, £30, R30): the one table every formatter of money reads.
 */
export const CURRENCY_WORDS: Readonly<Record<Currency, { readonly zh: string; readonly sign: string }>> = {
  CNY: { zh: '元', sign: '¥' },
  USD: { zh: '美元', sign: '$' },
  GBP: { zh: '英镑', sign: '£' },
  EUR: { zh: '欧元', sign: '€' },
  ZAR: { zh: '兰特', sign: 'R' },
  GHS: { zh: '塞地', sign: 'GHS ' },
  NGN: { zh: '奈拉', sign: '₦' },
  INR: { zh: '卢比', sign: '₹' },
  KES: { zh: '肯尼亚先令', sign: 'KSh ' },
  GMD: { zh: '达拉西', sign: 'D' },
  SLE: { zh: '利昂', sign: 'NLe ' },
  XOF: { zh: '西非法郎', sign: 'FCFA ' },
  GNF: { zh: '几内亚法郎', sign: 'GNF ' },
  MRU: { zh: '乌吉亚', sign: 'MRU ' },
  STN: { zh: '多布拉', sign: 'STN ' },
};

/** Whether a unit is money (元, $, £, €): amounts in it are what was paid or is given back. */
export function isMoneyUnit(unit: Unit): unit is Currency {
  return FAMILY[unit] === 'money';
}

// 个, the measure word: 5个G is data.
const GE = 0x4e2a;

// 12月20日 is a date, not twenty days.
const notAfterMonth = (s: string, num: ScannedNumber): boolean => s.charCodeAt(num.start - 1) !== 0x6708; // 月
// 2025年 and 3年12月 are dates; 2年 is a duration.
const yearsDuration = (s: string, num: ScannedNumber, end: number): boolean =>
  num.value < 100 && !isDigit(s.charCodeAt(end)) && zhNumberFollows(s, end) === false;
const zhNumberFollows = (s: string, end: number): boolean =>
  /^[一二三四五六七八九十]+月/.test(s.slice(end, end + 4));
// 5G网络 is a network generation; only 5GB, 5个G or 5G流量 are data.
const gigaData = (s: string, num: ScannedNumber, end: number): boolean =>
  s.charCodeAt(num.end) === GE || s.startsWith('流量', end) || s.startsWith('的流量', end);
// 三周年 is an anniversary and 16周岁 an age in years: neither is weeks.
const notAnniversary = (s: string, _num: ScannedNumber, end: number): boolean =>
  s.charCodeAt(end) !== 0x5e74 /* 年 */ && s.charCodeAt(end) !== 0x5c81; /* 岁 */
/** 17 years old, a 16-year-old: an age, not a span of time. */
const notAge = (s: string, _num: ScannedNumber, end: number): boolean => !/^[- ]old\b/.test(s.slice(end));
// 加30G, 扩容一百G: a capital G after an amount is gigabytes, unless a network generation is
// meant (5G网络, 4G信号, 用的5G); a small g (500g) is grams unless data follows (10g流量) or
// more space is asked for (扩容30g).
const NETWORK_AFTER =
  /^\s*(?:网|信号|手机|基站|套餐|卡|用户|时代|技术|覆盖|服务|network|phone|signal|plan|sim)/;
const DATA_AFTER = /^\s*的?(?:流量|空间|存储|容量|内存)/;
const ASKS_FOR_MORE = /(?:加|扩|扩容|多给|给我|要|买|送|充|升到|扩到)\s*$/;
const gigabytes = (s: string, num: ScannedNumber, end: number, original: string): boolean => {
  if (s.charCodeAt(num.end) === GE || DATA_AFTER.test(s.slice(end))) return true;
  const asked = ASKS_FOR_MORE.test(s.slice(Math.max(0, num.start - 3), num.start));
  if (original.charCodeAt(end - 1) !== 71 /* G */) return asked;
  if (NETWORK_AFTER.test(s.slice(end))) return false;
  // 2G to 6G said alone are network generations; asked for (加5G), they are data.
  if (num.value >= 2 && num.value <= 6) return asked;
  return true;
};
const terabytes = (s: string, num: ScannedNumber, end: number, original: string): boolean =>
  s.charCodeAt(num.end) === GE || DATA_AFTER.test(s.slice(end)) || original.charCodeAt(end - 1) === 84; // T
// 住3晚, 两夜: nights are days; 周五晚上 is a weekday, 半夜 midnight.
const nights = (s: string, num: ScannedNumber): boolean =>
  !/[周期拜]$/.test(s.slice(0, num.start)) && s.slice(num.start, num.end) !== '半';
// 改签两回 is twice; 两回事 and 一回来 are not counts.
const times = (s: string, _num: ScannedNumber, end: number): boolean =>
  !/^[事来去头家复答应]/.test(s.slice(end));

// 500分 and 两百分 are points; 5分钟 minutes, 三分之一 a fraction, 一分钱 money, 十分 an adverb
// (十分感谢), 3分期 instalments.
const scorePoints = (s: string, num: ScannedNumber, end: number): boolean =>
  !/^[钟之钱期店开享别手配析数]/.test(s.slice(end)) && !/^[十万]$/.test(s.slice(num.start, num.end));

// 加一块儿, 一块去: 一块 is "together", no yuan; 那一块, 这一块 a place or a piece (停到那一块).
const notTogether = (s: string, num: ScannedNumber, end: number): boolean =>
  !(
    s.slice(num.start, num.end) === '一' &&
    (/^[儿去走堆]/.test(s.slice(end)) ||
      // 那一块五 is that one yuan fifty.
      ('那这哪'.includes(s.charAt(num.start - 1)) &&
        num.start > 0 &&
        !/^[零一二两三四五六七八九毛角钱]/.test(s.slice(end))))
  );

// A sign after the amount (45£, 30 €) belongs to it, unless an amount follows it (5 €10 is €10).
const signAfter = (s: string, _num: ScannedNumber, end: number): boolean =>
  !isDigit(s.charCodeAt(skipSpaces(s, end)));

// Pounds are weight where a weight is meant (weighs 5 pounds, 10 pounds of flour, a 20 pound bag),
// unless money is named in the same clause (an excess weight fee of 50 pounds).
const WEIGHT_BEFORE = /\b(?:weigh\w*|heavy|heavier)\b/;
const MONEY_BEFORE = /\b(?:fee|fees|charge|charged|cost|costs|price|pay|paid|refund\w*|credit|owe\w*|fine)\b/;
const WEIGHT_AFTER =
  /^\s*(?:heavier|lighter|overweight|underweight|in weight|of (?:flour|sugar|rice|meat|beef|pork|chicken|fish|coffee|potatoes|fruit|apples|butter|cheese|dog food|cat food|feed|seed|soil|sand|ice)\b|(?:bags?|sacks?|weights?|dumbbells?|kettlebells?|turkeys?|hams?)\b)/;
const poundsMoney = (s: string, num: ScannedNumber, end: number): boolean => {
  if (WEIGHT_AFTER.test(s.slice(end, end + 24))) return false;
  const clause =
    s
      .slice(Math.max(0, num.start - 40), num.start)
      .split(/[.,;!?]/)
      .at(-1) ?? '';
  return !WEIGHT_BEFORE.test(clause) || MONEY_BEFORE.test(clause);
};
// 50p is fifty pence: digits with p right after them, below a pound (1080p is a resolution).
const pence = (s: string, num: ScannedNumber, end: number): boolean =>
  end === num.end + 1 &&
  isDigit(s.charCodeAt(num.start)) &&
  Number.isInteger(num.value) &&
  num.value >= 1 &&
  num.value <= 99;

/** Unit words after a number, longest first where one is a prefix of another. */
const UNIT_WORDS: readonly UnitWord[] = [
  { word: '块钱', unit: 'CNY', factor: 1 },
  { word: '元钱', unit: 'CNY', factor: 1 },
  { word: '块', unit: 'CNY', factor: 1, accept: notTogether },
  { word: '元', unit: 'CNY', factor: 1 },
  { word: '圆', unit: 'CNY', factor: 1 },
  // 五十蚊: a yuan in Cantonese.
  { word: '蚊', unit: 'CNY', factor: 1 },
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
  // Dollars of other countries: a product deals in one kind, and its rules say which ($40 CAD).
  { word: 'canadian dollars', unit: 'USD', factor: 1 },
  { word: 'cad', unit: 'USD', factor: 1 },
  { word: 'aud', unit: 'USD', factor: 1 },
  { word: 'nzd', unit: 'USD', factor: 1 },
  { word: 'sgd', unit: 'USD', factor: 1 },
  // Liberian dollars: L$ 9,000, 9,000 LD, LRD 9,000.
  { word: 'lrd', unit: 'USD', factor: 1 },
  { word: 'ld', unit: 'USD', factor: 1 },
  { word: '$', unit: 'USD', factor: 1, accept: (_s, num, end) => end === num.end + 1 },
  { word: '英镑', unit: 'GBP', factor: 1 },
  { word: '镑', unit: 'GBP', factor: 1 },
  { word: 'pounds sterling', unit: 'GBP', factor: 1 },
  { word: 'pounds', unit: 'GBP', factor: 1, accept: poundsMoney },
  { word: 'pound', unit: 'GBP', factor: 1, accept: poundsMoney },
  { word: 'quid', unit: 'GBP', factor: 1 },
  // a tenner, two fivers: a note named for its value, read as pounds as quid is. In Ireland they
  // are euro: against a rule in euro the amount is not compared, and so never approved by a limit.
  { word: 'tenner', unit: 'GBP', factor: 10 },
  { word: 'tenners', unit: 'GBP', factor: 10 },
  { word: 'fiver', unit: 'GBP', factor: 5 },
  { word: 'fivers', unit: 'GBP', factor: 5 },
  { word: 'gbp', unit: 'GBP', factor: 1 },
  { word: 'pence', unit: 'GBP', factor: 0.01 },
  { word: '£', unit: 'GBP', factor: 1, accept: signAfter },
  { word: '￡', unit: 'GBP', factor: 1, accept: signAfter },
  { word: '欧元', unit: 'EUR', factor: 1 },
  { word: 'euros', unit: 'EUR', factor: 1 },
  { word: 'euro', unit: 'EUR', factor: 1 },
  { word: 'eur', unit: 'EUR', factor: 1 },
  { word: '€', unit: 'EUR', factor: 1, accept: signAfter },
  // South African rand: 500 rand, ZAR 500, R500.
  { word: 'rand', unit: 'ZAR', factor: 1 },
  { word: 'zar', unit: 'ZAR', factor: 1 },
  // Ghana cedis, Nigerian naira, Indian rupees, Kenyan shillings: 900 cedis, 5,000 naira.
  { word: 'ghana cedis', unit: 'GHS', factor: 1 },
  { word: 'cedis', unit: 'GHS', factor: 1 },
  { word: 'cedi', unit: 'GHS', factor: 1 },
  { word: 'ghs', unit: 'GHS', factor: 1 },
  { word: 'pesewas', unit: 'GHS', factor: 0.01 },
  { word: '塞地', unit: 'GHS', factor: 1 },
  { word: 'naira', unit: 'NGN', factor: 1 },
  { word: 'ngn', unit: 'NGN', factor: 1 },
  { word: '奈拉', unit: 'NGN', factor: 1 },
  { word: 'rupees', unit: 'INR', factor: 1 },
  { word: 'rupee', unit: 'INR', factor: 1 },
  { word: 'inr', unit: 'INR', factor: 1 },
  { word: '卢比', unit: 'INR', factor: 1 },
  { word: 'kenyan shillings', unit: 'KES', factor: 1 },
  { word: 'kes', unit: 'KES', factor: 1 },
  { word: '肯尼亚先令', unit: 'KES', factor: 1 },
  // Gambian dalasi: 500 dalasi, D500, GMD 500.
  { word: 'dalasis', unit: 'GMD', factor: 1 },
  { word: 'dalasi', unit: 'GMD', factor: 1 },
  { word: 'gmd', unit: 'GMD', factor: 1 },
  { word: 'bututs', unit: 'GMD', factor: 0.01 },
  { word: '达拉西', unit: 'GMD', factor: 1 },
  // Sierra Leonean (new) leones: 2,500 leones, NLe 2,500, SLE 2500.
  { word: 'leones', unit: 'SLE', factor: 1 },
  { word: 'leone', unit: 'SLE', factor: 1 },
  { word: 'sle', unit: 'SLE', factor: 1 },
  { word: '利昂', unit: 'SLE', factor: 1 },
  // Guinean francs: 850,000 GNF, 1,500,000 Guinean francs, 400 000 FG (before plain francs, CFA's).
  { word: 'guinean francs', unit: 'GNF', factor: 1 },
  { word: 'guinean franc', unit: 'GNF', factor: 1 },
  { word: 'francs guinéens', unit: 'GNF', factor: 1 },
  { word: 'gnf', unit: 'GNF', factor: 1 },
  { word: 'fg', unit: 'GNF', factor: 1 },
  { word: '几内亚法郎', unit: 'GNF', factor: 1 },
  // Mauritanian ouguiyas: 2,000 MRU, 150 ouguiya (not UM, which a caller says as a pause).
  { word: 'ouguiyas', unit: 'MRU', factor: 1 },
  { word: 'ouguiya', unit: 'MRU', factor: 1 },
  { word: 'mru', unit: 'MRU', factor: 1 },
  { word: '乌吉亚', unit: 'MRU', factor: 1 },
  // São Tomé dobras: 2,450 STN, 150 dobras.
  { word: 'dobras', unit: 'STN', factor: 1 },
  { word: 'dobra', unit: 'STN', factor: 1 },
  { word: 'stn', unit: 'STN', factor: 1 },
  { word: '多布拉', unit: 'STN', factor: 1 },
  // West African CFA francs (Senegal, Côte d'Ivoire, Mali …): 4,300 FCFA, 25,000 francs CFA, XOF 500.
  { word: 'francs cfa', unit: 'XOF', factor: 1 },
  { word: 'cfa francs', unit: 'XOF', factor: 1 },
  { word: 'f cfa', unit: 'XOF', factor: 1 },
  { word: 'fcfa', unit: 'XOF', factor: 1 },
  { word: 'cfa', unit: 'XOF', factor: 1 },
  { word: 'xof', unit: 'XOF', factor: 1 },
  { word: 'francs', unit: 'XOF', factor: 1 },
  { word: 'franc', unit: 'XOF', factor: 1 },
  { word: '西非法郎', unit: 'XOF', factor: 1 },
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
  { word: 'years', unit: 'month', factor: 12, accept: notAge },
  { word: 'year', unit: 'month', factor: 12, accept: notAge },
  { word: '个晚上', unit: 'day', factor: 1 },
  { word: '晚', unit: 'day', factor: 1, accept: nights },
  { word: '夜', unit: 'day', factor: 1, accept: nights },
  { word: 'nights', unit: 'day', factor: 1 },
  { word: 'night', unit: 'day', factor: 1 },
  { word: '个小时', unit: 'hour', factor: 1 },
  { word: '小时', unit: 'hour', factor: 1 },
  { word: '个钟头', unit: 'hour', factor: 1 },
  { word: '钟头', unit: 'hour', factor: 1 },
  { word: 'hours', unit: 'hour', factor: 1 },
  { word: 'hour', unit: 'hour', factor: 1 },
  { word: 'hrs', unit: 'hour', factor: 1 },
  { word: '个积分', unit: 'point', factor: 1 },
  { word: '积分', unit: 'point', factor: 1 },
  { word: '分', unit: 'point', factor: 1, accept: scorePoints },
  { word: 'points', unit: 'point', factor: 1 },
  { word: 'pts', unit: 'point', factor: 1 },
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
  // Last of the words starting with p (points, pts, pounds, pence come first).
  { word: 'p', unit: 'GBP', factor: 0.01, accept: pence },
];

/** Currency markers written before the amount: ¥45, $20, £38.20, €15, USD 2,000, GBP 40, RMB 300, 人民币300. */
const PREFIXES: ReadonlyArray<{ word: string; unit: Unit; wordLike: boolean }> = [
  { word: 'us$', unit: 'USD', wordLike: false },
  // Dollars of other countries written with their letters (A$60, S$10, NZ$25): dollars, as above.
  ...['au$', 'a$', 'nz$', 's$', 'ca$', 'c$', 'l$'].map((word) => ({
    word,
    unit: 'USD' as const,
    wordLike: true,
  })),
  { word: '$', unit: 'USD', wordLike: false },
  { word: '¥', unit: 'CNY', wordLike: false },
  { word: '£', unit: 'GBP', wordLike: false },
  { word: '￡', unit: 'GBP', wordLike: false },
  { word: '€', unit: 'EUR', wordLike: false },
  { word: 'usd', unit: 'USD', wordLike: true },
  { word: 'gbp', unit: 'GBP', wordLike: true },
  { word: 'eur', unit: 'EUR', wordLike: true },
  { word: 'rmb', unit: 'CNY', wordLike: true },
  { word: 'cny', unit: 'CNY', wordLike: true },
  { word: 'zar', unit: 'ZAR', wordLike: true },
  // R500, R1,499.00: the rand's sign is a letter, read only right before a digit (not RAV4).
  { word: 'r', unit: 'ZAR', wordLike: true },
  { word: 'gh₵', unit: 'GHS', wordLike: false },
  { word: 'gh¢', unit: 'GHS', wordLike: false },
  { word: '₵', unit: 'GHS', wordLike: false },
  { word: 'ghs', unit: 'GHS', wordLike: true },
  { word: '₦', unit: 'NGN', wordLike: false },
  { word: 'ngn', unit: 'NGN', wordLike: true },
  { word: '₹', unit: 'INR', wordLike: false },
  { word: 'inr', unit: 'INR', wordLike: true },
  { word: 'rs.', unit: 'INR', wordLike: false },
  { word: 'kes', unit: 'KES', wordLike: true },
  { word: 'ksh', unit: 'KES', wordLike: true },
  { word: 'gmd', unit: 'GMD', wordLike: true },
  // D60, D5,000: the dalasi's sign is a letter too, read right before a digit (not a D301次 train).
  { word: 'd', unit: 'GMD', wordLike: true },
  { word: 'nle', unit: 'SLE', wordLike: true },
  { word: 'sle', unit: 'SLE', wordLike: true },
  { word: 'lrd', unit: 'USD', wordLike: true },
  { word: 'fcfa', unit: 'XOF', wordLike: true },
  { word: 'xof', unit: 'XOF', wordLike: true },
  { word: 'gnf', unit: 'GNF', wordLike: true },
  { word: 'mru', unit: 'MRU', wordLike: true },
  { word: 'stn', unit: 'STN', wordLike: true },
  { word: '人民币', unit: 'CNY', wordLike: false },
];

/** A$, S$, NZ$ …: the start of an amount in other countries' dollars (see PREFIXES). */
const LETTERED_DOLLAR = /^(?:au|nz|ca|[acsl])\$/;

// Where an amount can start: a digit, a currency sign, a Chinese numeral, 人民币, or an English
// number word, currency code or article that is a whole word. Read by `nextCandidate`.
const CANDIDATE_CHARS = '0123456789¥$£￡€₵₦₹半零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万萬亿億';
const CANDIDATE_WORDS = new Set(
  'usd gbp eur rmb cny zar ghs gh ngn inr rs kes ksh gmd nle sle lrd fcfa xof gnf zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety a an another'.split(
    ' ',
  ),
);
let candidateChars: Uint8Array | undefined;

/** A word character as `\b` reads it (ASCII letters, digits, `_`). */
function isWordChar(c: number): boolean {
  return isAsciiLetter(c) || isDigit(c) || c === 95;
}

/**
 * The first place from `from` on where an amount can start, or -1. One pass over the characters:
 * a regular expression of these alternatives tried them all at every position.
 */
function nextCandidate(s: string, from: number): number {
  if (candidateChars === undefined) {
    candidateChars = new Uint8Array(0x10000);
    for (let k = 0; k < CANDIDATE_CHARS.length; k++) candidateChars[CANDIDATE_CHARS.charCodeAt(k)] = 1;
  }
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (candidateChars[c] === 1) return i;
    if (c === 0x4eba /* 人 */ && s.startsWith('人民币', i)) return i;
    // Words start with a lower-case letter at a word boundary and must be whole words.
    if (c < 97 || c > 122 || (i > 0 && isWordChar(s.charCodeAt(i - 1)))) continue;
    if (s.startsWith('us$', i)) return i;
    // R500 (rand), D60 (dalasi): a currency's letter right before a digit.
    if ((c === 114 /* r */ || c === 100) /* d */ && isDigit(s.charCodeAt(i + 1))) return i;
    // A$40: checked only where a dollar sign follows (this runs at every word).
    if (
      (s.charCodeAt(i + 1) === 0x24 || s.charCodeAt(i + 2) === 0x24) &&
      LETTERED_DOLLAR.test(s.slice(i, i + 3))
    )
      return i;
    let end = i + 1;
    while (end < s.length && isWordChar(s.charCodeAt(end))) end++;
    if (end - i <= 9 && CANDIDATE_WORDS.has(s.slice(i, end))) return i;
  }
  return -1;
}

/** Everything the scanner found: quantities with units and numbers without one. */
export interface ScanResult {
  quantities: Quantity[];
  /** Numbers with no unit (order numbers, phone numbers, or an amount said without its unit). */
  bare: ScannedNumber[];
}

function skipSpaces(s: string, i: number): number {
  while (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9) i++;
  return i;
}

let unitIndex: Map<number, UnitWord[]> | undefined;

// two more weeks, 3 extra days: a word between an English amount and its unit.
const EN_BETWEEN = /^(?:more|extra|additional|further|whole|full)\s+/;
const NO_UNITS: readonly UnitWord[] = [];

function matchUnit(
  s: string,
  num: ScannedNumber,
  original: string,
): { unit: UnitWord; end: number } | undefined {
  // a twenty-dollar late fee: a hyphen joins an amount of money to its unit word (a 30-day window
  // describes a thing and limits nothing: not read).
  if (s.charCodeAt(num.end) === 45 && isAsciiLetter(s.charCodeAt(num.end + 1))) {
    const joined = unitAt(s, num, original, num.end + 1, true);
    return joined && isMoneyUnit(joined.unit.unit) ? joined : undefined;
  }
  const j = skipSpaces(s, num.end);
  const found = unitAt(s, num, original, j, false);
  // Only more, extra, additional, further, whole or full may stand between.
  const c = s.charCodeAt(j);
  if (found || !(c === 109 || c === 101 || c === 97 || c === 102 || c === 119)) return found;
  const between = EN_BETWEEN.exec(s.slice(j, j + 12));
  return between ? unitAt(s, num, original, j + between[0].length, true) : undefined;
}

function unitAt(
  s: string,
  num: ScannedNumber,
  original: string,
  j: number,
  englishOnly: boolean,
): { unit: UnitWord; end: number } | undefined {
  if (!unitIndex) {
    unitIndex = new Map();
    for (const u of UNIT_WORDS) {
      const k = u.word.charCodeAt(0);
      unitIndex.set(k, [...(unitIndex.get(k) ?? []), u]);
    }
  }
  for (const u of unitIndex.get(s.charCodeAt(j)) ?? NO_UNITS) {
    if (!s.startsWith(u.word, j)) continue;
    const end = j + u.word.length;
    const ascii = isAsciiLetter(u.word.charCodeAt(u.word.length - 1));
    if (englishOnly && !ascii) continue;
    if (ascii && isAsciiLetter(s.charCodeAt(end))) continue;
    if (u.accept && !u.accept(s, num, end, original)) continue;
    return { unit: u, end };
  }
  return undefined;
}

/** 'a week', 'an hour', 'another month', '半个月', '半年': amounts said without digits. */
function scanArticle(s: string, i: number): ScannedNumber | undefined {
  if (s.startsWith('半', i)) return { value: 0.5, start: i, end: i + 1 };
  if (i > 0 && isAsciiLetter(s.charCodeAt(i - 1))) return undefined;
  for (const w of ['a ', 'an ', 'another ']) {
    if (s.startsWith(w, i)) return { value: 1, start: i, end: i + w.length - 1 };
  }
  return undefined;
}

/** A quantity of the unit, its span and text in `original`. */
/**
 * A number said approximately: 几 before a round ten, hundred or thousand (几十: 20 to 99), 几
 * or 多 after a round number (二十几 and 二十多: 21 to 29; 十几: 11 to 19; 一百多: 101 to 199), or 来
 * after it (二十来: 20 to 25; 十来天: 10 to 15), or a word of nearly before it (快九十: 81 to 90).
 */
function approximate(
  s: string,
  num: ScannedNumber,
): { least: number; most: number; start: number; end: number } | undefined {
  const v = num.value;
  if (!Number.isInteger(v) || v < 10) return undefined;
  if (s.charCodeAt(num.start - 1) === 0x51e0 /* 几 */ && (v === 10 || v === 100 || v === 1000 || v === 10000))
    return { least: 2 * v, most: 10 * v - 1, start: num.start - 1, end: num.end };
  const next = s.charCodeAt(num.end);
  const more = next === 0x591a /* 多 */ && s.charCodeAt(num.end + 1) !== 0x5c11; /* 多少 */
  // 二十来块, 十来天, 一百来块: about that much, a little either way (来 of 来回, 来电 is no such).
  const about = next === 0x6765 /* 来 */ && !/^来(?:回|电|过|着)/.test(s.slice(num.end, num.end + 2));
  if (next !== 0x51e0 /* 几 */ && !more && !about) {
    // 快九十, 将近两百, 差不多八十: nearly that much, a little less (up to a tenth) or just that.
    const nearly = nearlyBefore(s, num.start, v);
    return nearly > 0 ? { least: v - v / 10, most: v, start: num.start - nearly, end: num.end } : undefined;
  }
  // The place of its last digit that is not zero: 二十 → tens, 一百 → hundreds, 一百五十 → tens.
  let place = 1;
  while (v % (place * 10) === 0) place *= 10;
  if (place === 1) return undefined;
  // About twenty is read as up to 25, about a hundred up to 150: half the place above it.
  if (about) return { least: v, most: v + place / 2, start: num.start, end: num.end + 1 };
  return { least: v + 1, most: v + place - 1, start: num.start, end: num.end + 1 };
}

// Words said before an amount that make it nearly that much; the longer first where one ends another.
const NEARLY_WORDS = ['将近', '接近', '差不多', '快', '近', '小'] as const;

/** The length of a word of "nearly" right before `start`, or 0 (最近三十天 is no such; 小 only before hundreds). */
function nearlyBefore(s: string, start: number, value: number): number {
  for (const w of NEARLY_WORDS) {
    if (!s.startsWith(w, start - w.length)) continue;
    if (w === '小' && value < 100) return 0;
    if (w === '近' && /[最附靠临接将]/.test(s.charAt(start - 2))) return 0;
    return w.length;
  }
  return 0;
}

function quantityOf(original: string, unit: Unit, value: number, start: number, end: number): Quantity {
  return { value, family: FAMILY[unit], unit, text: original.slice(start, end), start, end };
}

/**
 * An amount said loosely (五六块, 二十几块, 快九十): a quantity from its least to its most when a
 * unit follows, else nothing (七八楼 is an estimate, not an amount to decide by). Returns where
 * reading goes on.
 */
function pushRange(
  s: string,
  original: string,
  quantities: Quantity[],
  range: { least: number; most: number; start: number; end: number },
  said: Parameters<typeof matchUnit>[1],
  bare: ScannedNumber[],
): number {
  const unit = matchUnit(s, said, original);
  // 六千多 with no unit: a number still, at the most it may be (as 二十几块 counts as 29).
  if (!unit) {
    bare.push({ value: range.most, start: range.start, end: range.end });
    return range.end;
  }
  const q = quantityOf(original, unit.unit.unit, range.most * unit.unit.factor, range.start, unit.end);
  q.least = range.least * unit.unit.factor;
  quantities.push(q);
  return unit.end;
}

/**
 * Scans normalised text `s`; spans refer to `original` (same length). Internal: the permission
 * engine uses the bare numbers too.
 */
export function scanQuantities(s: string, original: string): ScanResult {
  const quantities: Quantity[] = [];
  const bare: ScannedNumber[] = [];
  let i = 0;
  while (i < s.length) {
    // Jump to the next place an amount can start; the rest of the text is skipped in one step.
    i = nextCandidate(s, i);
    if (i < 0) break;
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
        quantities.push(quantityOf(original, prefix.unit, num.value, i, end));
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
      const ordinal = s.charCodeAt(i - 1) === 0x7b2c; /* 第 */
      // 五六块, 十七八块钱: a loose amount, the range of the two digits, read with its unit.
      const range = ordinal ? undefined : scanZhNeighbours(s, i);
      if (range) {
        i = pushRange(
          s,
          original,
          quantities,
          range,
          { value: range.most, start: range.start, end: range.end },
          bare,
        );
        continue;
      }
      num = ordinal ? undefined : scanZh(s, i);
    }
    if (!num) {
      i++;
      continue;
    }
    // 二十几块, 一百多元, 几十块, 20多块: an approximate amount is a range, read with its unit.
    const approx = approximate(s, num);
    if (approx) {
      i = pushRange(s, original, quantities, approx, { ...num, end: approx.end }, bare);
      continue;
    }
    const unit = matchUnit(s, num, original);
    // for nine ninety-nine, paid twelve fifty: a price said as dollars and cents.
    const price = unit || !isAsciiLetter(c) ? undefined : spokenPrice(s, num);
    if (price) {
      quantities.push(quantityOf(original, 'USD', price.value, num.start, price.end));
      i = price.end;
      continue;
    }
    const clock = unit ? undefined : clockAt(s, num);
    if (unit) {
      // 八十六块四, 三十七块五: a single digit after 块 is tenths of a yuan (四毛).
      // three pounds fifty: pence said after pounds, as a British caller says a price.
      const fraction =
        unit.unit.unit === 'CNY' && /块$/.test(unit.unit.word)
          ? tenthsAt(s, unit.end)
          : unit.unit.unit === 'GBP' && /^pounds?$/.test(unit.unit.word)
            ? penceAfter(s, unit.end, original)
            : undefined;
      const value = num.value * unit.unit.factor + (fraction?.value ?? 0);
      quantities.push(
        quantityOf(
          original,
          unit.unit.unit,
          Math.round(value * 100) / 100,
          num.start,
          fraction?.end ?? unit.end,
        ),
      );
      i = fraction?.end ?? unit.end;
    } else if (clock) {
      quantities.push(quantityOf(original, 'clock', clock.value, num.start, clock.end));
      i = clock.end;
    } else {
      // An article or 半 without a unit is not a number at all, nor are digits running into
      // letters (5O元, 1e3).
      const glued =
        isDigit(c) && isAsciiLetter(s.charCodeAt(num.end)) && !/^\d+\s*[ap]m\b/.test(s.slice(num.start));
      // Only an article or 半 starts with a letter or 半 and can be one alone.
      const article =
        (isAsciiLetter(c) || c === 0x534a) && /^(a|an|another|半)$/.test(s.slice(num.start, num.end));
      // he's eighty-one, I'm only 17: a person's age, no amount of anything.
      // Both are English, a space before the number: nothing else is read for them.
      const spaced = s.charCodeAt(num.start - 1) === 32;
      const age = spaced && AGE_BEFORE.test(s.slice(Math.max(0, num.start - 20), num.start));
      // the Bavaria 36, my Mate 40: a model's number, after its capitalised name.
      const model = spaced && MODEL_BEFORE.test(original.slice(Math.max(0, num.start - 24), num.start));
      if (!glued && !article && !age && !model) bare.push(num);
      i = Math.max(num.end, i + 1);
    }
  }
  return { quantities, bare };
}

/** Said before a bare number that is someone's age: he's, she is, I'm (only, nearly). */
const AGE_BEFORE =
  /\b(?:he|she|i|they|you)(?:'s|'m|'re|\s+is|\s+am|\s+are|\s+was)\s+(?:only\s+|nearly\s+|almost\s+|just\s+|about\s+|over\s+|barely\s+)?$/;

/** A capitalised name after a determiner, right before a number: the number is the model's (the Bavaria 36). */
const MODEL_BEFORE = /\b(?:the|a|an|my|our|his|her|your|their)\s+[A-Z][A-Za-z]+\s+$/;

const PRICE_BEFORE = /\b(?:for|paid|pay|pays|cost|costs|charged|charge|only)\s+$/;
/** After the cents, a word that makes it a time or a count instead (nine thirty tomorrow, two twenty minutes). */
const NOT_PRICE_AFTER =
  /^\s*(?:minutes?|mins?|hours?|hrs?|days?|weeks?|am|pm|a\.m|p\.m|o'clock|tomorrow|today|tonight|in the)\b/;

/**
 * nine ninety-nine after a word of price (for, paid, costs …): whole dollars said as one number
 * and cents as the next, 10 to 99.
 */
function spokenPrice(s: string, num: ScannedNumber): { value: number; end: number } | undefined {
  if (!Number.isInteger(num.value) || num.value < 1 || num.value > 99) return undefined;
  // nine-fifty: the cents joined by a hyphen, as a price is written down.
  const k = s.charCodeAt(num.end) === 45 ? num.end + 1 : skipSpaces(s, num.end);
  if (k === num.end || !isAsciiLetter(s.charCodeAt(k))) return undefined;
  const cents = scanEnglish(s, k);
  if (!cents || !Number.isInteger(cents.value) || cents.value < 10 || cents.value > 99) return undefined;
  if (NOT_PRICE_AFTER.test(s.slice(cents.end, cents.end + 16))) return undefined;
  // After a word of price, or where it was charged (this nine-fifty on my Mastercard).
  if (
    !PRICE_BEFORE.test(s.slice(Math.max(0, num.start - 12), num.start)) &&
    !CHARGED_ON_AFTER.test(s.slice(cents.end, cents.end + 32))
  )
    return undefined;
  return { value: num.value + cents.value / 100, end: cents.end };
}

/** Where an amount was charged, said right after it: on my card, on the bill, on my Mastercard. */
const CHARGED_ON_AFTER =
  /^\s+(?:on|off|from)\s+(?:my|the|our)\s+(?:(?:credit|debit)\s+)?(?:card|bill|statement|account|visa|mastercard|amex|invoice)\b/;

const DIGIT_OF: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/**
 * 块四, 块五毛, 块零八毛: one digit (and 毛 or 角) right after 块, as tenths; not 块四十 nor 块五个.
 * After 零 the 毛 or 角 must be said (十块零八毛; 十块零八 is no price said so).
 */
function tenthsAt(s: string, at: number): { value: number; end: number } | undefined {
  if (s.charAt(at) === '零') {
    const after = tenthsAt(s, at + 1);
    return after && /[毛角]/.test(s.charAt(after.end - 1)) ? after : undefined;
  }
  const c = s.charAt(at);
  const d = DIGIT_OF[c] ?? (/[1-9]/.test(c) ? Number(c) : undefined);
  if (d === undefined) return undefined;
  const next = s.charAt(at + 1);
  if (next === '毛' || next === '角') return { value: d / 10, end: at + 2 };
  // 三块五分 is hundredths; 四百块一分也不扣 says "not a cent", no amount.
  if (next === '分')
    return /^(?:钱)?[也都]/.test(s.slice(at + 2)) ? undefined : { value: d / 100, end: at + 2 };
  // Followed by more digits, a unit or a measure word it is another number (块四十, 五块三个).
  if (/[0-9零一二两三四五六七八九十百千万个次天块元位件张条]/.test(next)) return undefined;
  return { value: d / 10, end: at + 1 };
}

/**
 * Pence said after pounds (three pounds fifty, ten pounds and twenty pence, 4 pounds 30p), as a
 * fraction of a pound: 10 to 99 said in words, or 1 to 99 with pence named. Not where another
 * unit or a time follows (two pounds twenty minutes).
 */
function penceAfter(s: string, at: number, original: string): { value: number; end: number } | undefined {
  let k = skipSpaces(s, at);
  if (k === at) return undefined;
  const and = s.startsWith('and ', k);
  if (and) k = skipSpaces(s, k + 4);
  const cents = isDigit(s.charCodeAt(k)) ? scanArabic(s, k) : scanEnglish(s, k);
  if (!cents || !Number.isInteger(cents.value) || cents.value < 1 || cents.value > 99) return undefined;
  const unit = matchUnit(s, cents, original);
  const named = unit?.unit.unit === 'GBP' && unit.unit.factor === 0.01;
  if (unit && !named) return undefined;
  // Digits, "and" or fewer than ten pence only with pence named: 40 pounds 12 orders, twenty
  // pounds two of them are no prices.
  if (
    !named &&
    (and ||
      isDigit(s.charCodeAt(k)) ||
      cents.value < 10 ||
      NOT_PRICE_AFTER.test(s.slice(cents.end, cents.end + 16)))
  )
    return undefined;
  return { value: cents.value / 100, end: named ? unit.end : cents.end };
}

// A time of day: 下午两点, 14点, 两点半, 14:00, 2pm, 2:30 p.m. Morning and evening words decide
// between 2 and 14; said alone, 1 to 6 o'clock are afternoon hours (退房到两点 is 14:00), 7 to 12
// are as said. 一点 is a time only where a time is meant (到一点, 一点钟): 晚一点 is "a bit later".
const AM_BEFORE = /(?:上午|早上|早晨|清晨|凌晨)$/;
const PM_BEFORE = /(?:下午|晚上|傍晚|午后|中午|晚)$/;
const TIME_BEFORE = /(?:到|至|下午|中午|上午|凌晨|早上|晚上|午后|大概|约|今天|明天|明朝|今朝|后天)$/;
const TIME_AFTER =
  /^(?:钟|半|前|之前|以前|以后|之后|左右|多(?!少)|过|\d{1,2}分|[一二三四五]?十?[一二三四五六七八九]?分)/;
const NOT_CLOCK_AFTER = /^(?:儿|点|赞|击|评|开|进|单|餐|菜|数)/;

function clockAt(s: string, num: ScannedNumber): { value: number; end: number } | undefined {
  const h = num.value;
  if (!Number.isInteger(h) || h < 0 || h > 24) return undefined;
  // Most numbers are no time: a time goes on with 点, a colon, am/pm or o'clock.
  const next = s.charCodeAt(num.end);
  if (
    next !== 0x70b9 /* 点 */ &&
    next !== 58 /* : */ &&
    next !== 32 &&
    next !== 97 &&
    next !== 112 &&
    next !== 111
  )
    return undefined;
  const before = s.slice(Math.max(0, num.start - 3), num.start);
  let end: number;
  let minutes = 0;
  let period: 'am' | 'pm' | undefined;
  if (s.charCodeAt(num.end) === 0x70b9 /* 点 */) {
    end = num.end + 1;
    const after = s.slice(end, end + 6);
    // 2点5 is a decimal; 2点30分 a time.
    if (NOT_CLOCK_AFTER.test(after) || (isDigit(s.charCodeAt(end)) && !/^\d{1,2}分/.test(after)))
      return undefined;
    if (h === 1 && !TIME_BEFORE.test(before) && !TIME_AFTER.test(after)) return undefined;
    if (after.startsWith('半')) {
      minutes = 30;
      end++;
    } else if (after.startsWith('钟')) end++;
    else {
      const m = /^(\d{1,2}|[一二三四五]?十?[一二三四五六七八九]?)分(?!钟)/.exec(after);
      if (m && m[1] !== '') {
        minutes = isDigit(m[1]!.charCodeAt(0)) ? Number(m[1]) : (parseZhMinutes(m[1]!) ?? 0);
        end += m[0].length;
      }
    }
    if (AM_BEFORE.test(before)) period = 'am';
    else if (PM_BEFORE.test(before)) period = 'pm';
  } else if (isDigit(s.charCodeAt(num.start))) {
    // 14:00, 2:30pm, 2pm, 2 p.m., 2 o'clock.
    const rest = s.slice(num.end, num.end + 12);
    const m = /^(?::([0-5]\d))?\s*(?:(a\.?m\.?|p\.?m\.?)(?![a-z])|o'clock\b)?/.exec(rest);
    if (!m || m[0].trim() === '' || (m[1] === undefined && m[2] === undefined && !m[0].includes("o'clock")))
      return undefined;
    if (m[1] !== undefined) minutes = Number(m[1]);
    if (m[2] !== undefined) period = m[2].startsWith('a') ? 'am' : 'pm';
    end = num.end + m[0].trimEnd().length;
  } else return undefined;
  let hour = h;
  if (period === 'pm' && hour < 12) hour += 12;
  else if (period === 'am' && hour === 12) hour = 0;
  else if (period === undefined && hour >= 1 && hour <= 6) hour += 12;
  return { value: hour + minutes / 60, end };
}

function parseZhMinutes(run: string): number | undefined {
  let v = 0;
  const tens = run.indexOf('十');
  if (tens >= 0) {
    const t = tens === 0 ? 1 : '零一二三四五六七八九'.indexOf(run[0]!);
    v = t * 10;
    const u = run.slice(tens + 1);
    if (u !== '') v += '零一二三四五六七八九'.indexOf(u);
    return v;
  }
  const d = '零一二三四五六七八九'.indexOf(run);
  return d >= 0 ? d : undefined;
}

// First characters of the prefixes: most positions need no further look.
const PREFIX_STARTS = new Set(PREFIXES.map((p) => p.word.charCodeAt(0)));

/** Before a letter sign, what makes it part of a code: a digit or a joiner (-D51966, 4R200). */
const CODE_BEFORE = /^[0-9_/#-]$/;
/** After a letter sign, digits then a letter: a code (D28AD8), not an amount. */
const CODE_AFTER = /^[0-9]+[a-z]/i;

/** D301次, D3号车厢: a bullet train's number, never dalasi. */
const TRAIN_NUMBER = /^\d+\s*(?:次|号|车)/;

function prefixAt(s: string, i: number): (typeof PREFIXES)[number] | undefined {
  if (!PREFIX_STARTS.has(s.charCodeAt(i))) return undefined;
  for (const p of PREFIXES) {
    if (!s.startsWith(p.word, i)) continue;
    if (p.wordLike && i > 0 && isAsciiLetter(s.charCodeAt(i - 1))) continue;
    if ((p.word === 'r' || p.word === 'd') && !isDigit(s.charCodeAt(i + 1))) continue;
    // TK20261206-D51966, 28AD8: a letter sign inside a code (after a digit or a joiner, or with
    // letters right after its digits) is part of the code, never money.
    if (
      (p.word === 'r' || p.word === 'd') &&
      (CODE_BEFORE.test(s.charAt(i - 1)) || CODE_AFTER.test(s.slice(i + 1)))
    )
      continue;
    if (p.word === 'd' && TRAIN_NUMBER.test(s.slice(i + 1, i + 8))) continue;
    return p;
  }
  return undefined;
}

/**
 * Finds every amount with a unit in the text, in order: money with the currency before or after
 * (¥45, ￥45, 45元/块/块钱, $20, USD 2,000, 20 dollars, £38.20, 40 quid, 50p, €15, 30 euros),
 * durations (7天/日/周/个月/小时, 7 days, two more weeks, another month, 半个月), counts (3次,
 * 3 times), data (10GB, 500MB, 三个G), points (两百积分, 500分, 200 points) and times of day
 * (下午两点, 14:00, 2pm). Numbers without a unit are left out; dates (12月20日, 2025年) are not
 * durations; pounds of weight (weighs 5 pounds, 10 pounds of flour) are not money.
 *
 * @example parseQuantities('退款1,000元') // [{ value: 1000, family: 'money', unit: 'CNY', text: '1,000元', start: 2, end: 8 }]
 * @example parseQuantities('extend my trial by two weeks')[0].value // 14 (days)
 */
export function parseQuantities(text: string): Quantity[] {
  return scanQuantities(normalizeText(text), text).quantities;
}

/**
 * Every number a text says, with a unit or without (200, two hundred, 两百, 8 bags), as the scanner
 * reads them.
 */
export function numbersSaid(text: string): number[] {
  const { quantities, bare } = scanQuantities(normalizeText(text), text);
  return [...quantities.map((q) => q.value), ...bare.map((b) => b.value)];
}

/** The hours a part of the day spans (下午 12–18, in the morning 8–12), for a time said without a clock. */
const PARTS_OF_DAY: ReadonlyArray<readonly [RegExp, number, number]> = [
  [/凌晨/, 0, 6],
  [/早上|早晨|清早|一大早/, 6, 9],
  [/上午|上半天|\bin the morning\b/i, 8, 12],
  [/中午|晌午|\baround (?:noon|midday)\b/i, 11, 13],
  [/下午|下半天|\bin the afternoon\b/i, 12, 18],
  [/傍晚|\bearly evening\b/i, 17, 19],
  [/晚上|夜里|夜间|\bin the evening\b|\bat night\b/i, 18, 24],
];

/**
 * The hours of the one part of the day a text names (明天下午 → 12–18), for a request that gives
 * no clock time; undefined when it names none, or more than one.
 */
export function partOfDaySaid(text: string): readonly [number, number] | undefined {
  let found: readonly [number, number] | undefined;
  for (const [re, from, to] of PARTS_OF_DAY) {
    if (!re.test(text)) continue;
    if (found !== undefined) return undefined;
    found = [from, to];
  }
  return found;
}
