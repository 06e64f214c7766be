/**
 * Rule text -> action phrase + optional condition. `退款<100元` is the phrase 退款 with "money
 * below 100 CNY"; `退款20-300元` a range; `refund <= $20`, `extend trial <= 14 days`,
 * `减免月租30元以内`, `refunds up to $50` read the same way.
 */
import { detectConcepts, MONEY_BACK_CONCEPTS } from './_lexicon.js';
import { normalizeText } from './_normalize.js';
import { FAMILY, type Quantity, type QuantityFamily, scanQuantities } from './parse-quantities.js';

type Unit = Quantity['unit'];

/**
 * A condition on the requested quantity, bounds in base units (days for durations, MB for data).
 * `unit` is undefined when the rule gave a number without a unit (then the action's family decides).
 * `invalid` marks an operator without a number: such a rule never approves anything.
 */
export interface RuleCondition {
  lo?: number;
  loInclusive: boolean;
  hi?: number;
  hiInclusive: boolean;
  unit?: Unit;
  family?: QuantityFamily;
  invalid?: true;
  /**
   * The rule named a quantity without an operator (免费改签一次, 7天无理由退货): the quantity is
   * part of the action's name, and `compileRule` decides whether it is exact or a limit.
   */
  named?: true;
  /**
   * The quantity is a term a note states about the case, not the amount asked for (改约一次（服务前
   * 24小时以上）, 安排返工（服务结束后24小时内反馈）): the operator checks it on the record. Only a
   * request that states such a quantity of its own is held to it; one that states none is not
   * missing an amount.
   */
  term?: true;
  /** A term that is time before what is booked (服务前24小时以上, 24 hours' notice). */
  notice?: true;
  /**
   * The notice runs to the start of the day booked, not to the time on it: a deadline on the day
   * before (by 18:00 the day before, 前一天18:00前) is so many hours before that day begins.
   */
  fromDayStart?: true;
  /**
   * The rule counts in a word of its own (学时 of 补偿学时<=2学时, 课时 of 补课时<=3课时): a number a
   * request says right before that word is its amount, in times.
   */
  noun?: string;
}

export interface ParsedRule {
  text: string;
  /** The action part, normalised (lower case, half-width), condition removed. */
  phrase: string;
  condition?: RuleCondition;
  /**
   * The notice a note states beside the rule's own condition (改约一次（服务前24小时以上）: once, and
   * a day ahead): the hours before the booking a request states are held to it as well.
   */
  notice?: RuleCondition;
  /**
   * A word naming what the condition measures, cut from the phrase's end (额度 in 临时额度<=5000元,
   * 金额 in 退款金额<100元). When the rest names no action it is the rule's object and goes back.
   */
  measured?: string;
}

/** Days per month when a rule in days meets a request in months (or the reverse). */
const DAYS_PER_MONTH = 30;

/**
 * A value in the base unit of its family, so days compare with months and hours, and MB with GB.
 */
export function toBase(value: number, unit: Unit | undefined): number {
  if (unit === 'month') return value * DAYS_PER_MONTH;
  if (unit === 'hour') return value / 24;
  if (unit === 'GB') return value * 1024;
  return value;
}

export function familyOf(unit: Unit): QuantityFamily {
  return FAMILY[unit];
}

interface Num {
  value: number;
  unit?: Unit;
  start: number;
  end: number;
}

type Op = '<' | '<=' | '>' | '>=' | '=';

// Longest first: 小于等于 before 小于, 不超过 before 超过.
const PREFIX_WORDS: ReadonlyArray<[RegExp, Op]> = [
  [
    /(?:小于等于|小于或等于|不超过|不高于|不大于|不多于|最多|至多|最高|最长|最久|封顶|up to|at most|no more than|not more than|not exceeding|maximum of|maximum|max)\s*$/,
    '<=',
  ],
  [/(?:大于等于|大于或等于|不低于|不少于|至少|最少|at least|minimum of|minimum|min)\s*$/, '>='],
  [/(?:小于|低于|少于|不足|less than|under|below|lower than)\s*$/, '<'],
  // 过了7天要求免费返修: past the days, beyond them.
  [
    /(?:大于|超过|高于|多于|超出|已经过了|已过|过了|more than|over|above|exceeding|greater than|higher than)\s*$/,
    '>',
  ],
];
const SUFFIX_WORDS: ReadonlyArray<[RegExp, Op]> = [
  [
    /^\s*(?:及以内|以内|及以下|或以下|以下|之内|内|or less|or below|and below|or under|and under|or fewer|max)/,
    '<=',
  ],
  [/^\s*(?:及以上|或以上|以上|or more|or above|and above|and over|\+)/, '>='],
];
/**
 * 改到30天以后, a date 30 days or later: the days on or more. Only the number is cut from the
 * phrase, which keeps 以后 (改到…以后 is what the rule is about).
 */
const LATER_SUFFIX = /^\s*(?:以后|之后|or later|and later)/;
const SYMBOL = /(<=|>=|=<|=>|==|<|>|=)\s*$/;
const RANGE_JOIN = /^\s*(?:-|~|到|至|to|and)\s*$/;

function boundFor(op: Op, value: number): RuleCondition {
  switch (op) {
    case '<':
      return { hi: value, hiInclusive: false, loInclusive: false };
    case '<=':
      return { hi: value, hiInclusive: true, loInclusive: false };
    case '>':
      return { lo: value, loInclusive: false, hiInclusive: false };
    case '>=':
      return { lo: value, loInclusive: true, hiInclusive: false };
    case '=':
      return { lo: value, hi: value, loInclusive: true, hiInclusive: true };
  }
}

/**
 * Notice given is at least what a rule names (with 48 hours' notice, 提前3天): a span named without
 * an operator bounds it from below only. 73 hours ahead is 48 hours' notice too.
 */
function atLeast(condition: RuleCondition): RuleCondition {
  if (!condition.named || condition.lo === undefined) return condition;
  const { hi: _hi, named: _named, ...rest } = condition;
  return { ...rest, loInclusive: true, hiInclusive: false };
}

function withUnit(cond: RuleCondition, unit: Unit | undefined): RuleCondition {
  const out: RuleCondition = { ...cond };
  if (cond.lo !== undefined) out.lo = toBase(cond.lo, unit);
  if (cond.hi !== undefined) out.hi = toBase(cond.hi, unit);
  if (unit) {
    out.unit = unit;
    out.family = FAMILY[unit];
  }
  return out;
}

function trimPhrase(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/^[\s,.:;、，()（）:-]+|[\s,.:;、，()（）:-]+$/g, '')
    .trim();
}

// Words left before a condition that only join it to the phrase (延迟退房至14点, late checkout until 2pm).
const JOINING_END = /(?:之间|直到|至|到|\b(?:between|until|till|by|to))$/;
const MEASURED_END = /(?:金额|额度)$/;

function cleanPhrase(s: string): { phrase: string; measured?: string } {
  const phrase = trimPhrase(trimPhrase(s).replace(JOINING_END, ''));
  const measured = MEASURED_END.exec(phrase);
  if (!measured) return { phrase };
  return { phrase: trimPhrase(phrase.slice(0, measured.index)), measured: measured[0] };
}

/** A note in brackets of a normalised rule; one left open runs to the end. */
const NOTE = /\([^)]*(?:\)|$)/g;

/**
 * A rule phrase without its notes in brackets (examples, terms: refund (fuel, extras),
 * 押金退还（无欠费）, normalised to half-width), a note left open by the phrase's end too.
 */
export function withoutNotes(phrase: string): string {
  return phrase
    .replace(new RegExp(`\\s*${NOTE.source}`, 'g'), ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What joins a second bound to a first: 且, 并且, and (>200元且<=1000元, over $50 and up to $500). */
const AND_BOUND = /^\s*(?:且|并且|而且|and|but)\s*/;

/** The operator a text between a join and a number says, read as a condition's are (SYMBOL, PREFIX_WORDS). */
function operatorOf(text: string): Op | undefined {
  const symbol = /^(<=|>=|<|>)\s*$/.exec(text);
  if (symbol) return symbol[1] as Op;
  return PREFIX_WORDS.find(([re]) => re.exec(text)?.index === 0)?.[1];
}

/**
 * A bound followed by another on the same amount (>200元且<=1000元): the range they make, and where
 * the second ends. The first bound alone when nothing follows it, or the two bound the same side.
 */
function withOtherBound(
  s: string,
  nums: readonly Num[],
  to: number,
  bound: RuleCondition,
): { to: number; condition: RuleCondition } {
  const alone = { to, condition: bound };
  const next = nums.find((n) => n.start >= to);
  if (next === undefined) return alone;
  const between = s.slice(to, next.start);
  const join = AND_BOUND.exec(between);
  const op = join ? operatorOf(between.slice(join[0].length)) : undefined;
  if (op === undefined || (bound.unit !== undefined && next.unit !== undefined && next.unit !== bound.unit))
    return alone;
  const other = withUnit(boundFor(op, next.value), next.unit ?? bound.unit);
  if ((other.lo !== undefined) === (bound.lo !== undefined)) return alone;
  const condition: RuleCondition = { ...bound };
  if (other.lo !== undefined) {
    condition.lo = other.lo;
    condition.loInclusive = other.loInclusive;
  } else if (other.hi !== undefined) {
    condition.hi = other.hi;
    condition.hiInclusive = other.hiInclusive;
  }
  return { to: next.end, condition };
}

/** After an amount, what it is the price of: 一节, 每次, /位, /张, a class, per session. */
const PRICE_PER =
  /^\s*(?:\/|每|一)(?:节|次|个|份|件|位|人|晚|天|小时|堂|课|杯|盒|箱|张|台|本|把|只|条|辆|间|场|趟|套|瓶|双)|^\s*(?:per|a|an|each)\s+(?:class|lesson|session|night|person|visit|box|hour)\b/i;
/** Words before a span a thing is kept for the caller: hold the seat for, 只留, 保留. */
const HELD_FOR =
  /(?:\b(?:hold|holds|holding|held|keep|keeps|kept|reserve|reserves|reserved)\b[^,.;]{0,30}?\bfor\s+|(?:保留|预留|留|锁定)(?:档期|座位|名额|位置)?)$/i;

/** What puts a span of time as the window a count is kept over: in (any) / within / per / every 12 months, 每. */
const WINDOW_BEFORE =
  /(?:\b(?:in|within|per|every|each|during|over)\s+(?:the\s+|any\s+)?(?:last\s+|past\s+|rolling\s+)?|每)$/;

/** A word right after a number (个 aside): 学时 of 2学时, 个课时 of 3个课时. */
const WORD_AFTER = /^\s*个?([\u4e00-\u9fff]{2,3})/;
/** An English word right after a number: fobs of 4 fobs. */
const EN_WORD_AFTER = /^\s+([a-z]{3,})\b/;

/**
 * The word a number is counted in, when the phrase before it names that word too (补偿学时<=2学时:
 * 学时), with where it ends; the longest start of the word the phrase names, of two characters or more.
 */
function countedNoun(s: string, at: number, before: string): { word: string; end: number } | undefined {
  // up to 4 fobs per berth, after a replacement fob: the thing counted, named before it.
  const en = EN_WORD_AFTER.exec(s.slice(at));
  if (en) {
    const word = en[1]!.replace(/(?:es|s)$/, '');
    if (word.length >= 3 && new RegExp(`\\b${word}`).test(before)) return { word, end: at + en[0].length };
  }
  const m = WORD_AFTER.exec(s.slice(at));
  if (!m) return undefined;
  const start = at + m[0].length - m[1]!.length;
  for (let len = m[1]!.length; len >= 2; len--) {
    const word = m[1]!.slice(0, len);
    if (before.includes(word)) return { word, end: start + len };
  }
  return undefined;
}

/** The rule with its notes in brackets blanked out (same length). */
function notesBlanked(s: string): string {
  return s.replace(NOTE, (note) => ' '.repeat(note.length));
}

/** A note that is only how soon the business does it (（2小时内）, (within 24 hours)): no limit asked. */
const SERVICE_TIME_NOTE =
  /^[(（]\s*(?:within\s+)?[\d.]+\s*(?:个)?(?:小时|分钟|天|日|个?工作日|hours?|minutes?|days?|working days?)\s*内?(?:完成|到场|上门|恢复|处理|办结|回复|到账)?\s*[)）]?$/;

/** The spans of the notes in brackets of a normalised rule (one left open runs to the end). */
export function noteSpans(s: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const m of s.matchAll(NOTE)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

// What divides a note into clauses (服务前24小时以上，免费).
const NOTE_CLAUSE_END = /[,;、()]/;
/** Whether a limit's operator (<=, max, 不超过) ends the text before a number. */
function limitedBefore(before: string): boolean {
  return SYMBOL.test(before) || PREFIX_WORDS.some(([re]) => re.test(before));
}

// A price per unit (按45元/小时扣除, 每次30元): how something is counted, never a limit.
const RATE_AFTER = /^\s*(?:\/|每|per\b|an?\s+(?:hour|day|night)\b)/;

/**
 * Whether the note's clause around a condition says the limit and nothing else (月卡顺延一次（<=15天）):
 * then it limits the action. A clause that says more (服务前24小时以上, 24小时内反馈) states a term.
 */
function bareInNote(s: string, from: number, to: number): boolean {
  let a = from;
  while (a > 0 && !NOTE_CLAUSE_END.test(s[a - 1]!)) a--;
  let b = to;
  while (b < s.length && !NOTE_CLAUSE_END.test(s[b]!)) b++;
  // （max £14 per wash）, （≤50元/单）: a limit on each says only the limit.
  return `${s.slice(a, from)}${s.slice(to, b).replace(EACH_AFTER, '')}`.trim() === '';
}
/** What a limit is on each of (per wash, /单, 每单): said right after the limit. */
const EACH_AFTER = /^\s*(?:\/\s*[\u4e00-\u9fff]|per\s+[a-z-]+|每[\u4e00-\u9fff])\s*$/;

/**
 * Time before what is booked, right after a span (24 hours' or more notice, 35 days or more before
 * the test, when the test is 35 days away): how far off the booking is, which the operator reads
 * on the record, never an amount asked for. A term, in the phrase as in a note.
 */
const NOTICE_AFTER =
  /^\s*(?:or (?:more|longer)\s+|plus\s+)?(?:notice|in advance|ahead|before\b|prior\b|away\b)/;
/** A span of time "up to" which something may be done before an event: its notice (see `conditionOf`). */
const UP_TO_BEFORE = /^\s*(?:before|prior to)\b/;
/** The same in Chinese, said before the span: 体检日前一天, 出发前7天, 提前3天, 开课前24小时. */
const NOTICE_BEFORE_ZH = /(?:前|提前|之前)\s*$/;
/** A note right after a limit saying it is included: （含50元）, （包含本数）. */
const LIMIT_INCLUDED = /^\s*\((?:含|包含|包括)[^()]{0,10}\)/;
/** What a sum is limited on each of, right after it (per shipment all told, a caller); not a span (a month). */
const EACH_LIMITED =
  /^\s*(?:per|a|an|each|every|for each|for every)\s+(?!(?:day|week|month|year|night|hour|term|season|calendar)s?\b)[a-z-]+(?:\s+(?:all told|in all|in total|altogether))?\b/i;
/** A notice's own words after its span (see `conditionOf`). */
const NOTICE_WORDS_AFTER = /^\s*(?:\(含\)|含)?\s*(?:以前|之前|以上|或以上|及以上)?/;
/**
 * How long is left before something, said before the span: 距预约<24小时, 距离开课不足2小时. A
 * notice too; 距 (distance from) is no word of the action.
 */
const TIME_LEFT_ZH = /(?:^|[^\u4e00-\u9fff])(距离?)[\u4e00-\u9fff]{1,8}\s*$/;
/**
 * How long the business keeps a thing, said before the span: 保管期30天, 存放期限7天, kept for 30
 * days. A term of the case the operator checks on the record, never an amount asked for.
 */
const KEPT_FOR =
  /(?:保管|保存|保留|存放|寄存)期限?(?:为|是)?\s*$|\b(?:kept|held|stored)\s+(?:for\s+)?(?:up to\s+)?$/;

/**
 * Working days right after a quantity, said of how long something takes: 5-7 business days,
 * 3个工作日 (read from the quantity's start, with its unit).
 */
const WORKING_DAYS = /^[^,;)]*?(?:\b(?:business|working) days?\b|工作日)/;

/**
 * An age joined to its number (a 16-17-year-old, 3-month-old puppies): whom the rule is for, never
 * an amount a caller asks for. The first number of a range is followed by the rest of the range.
 */
const AGE_AFTER = /^(?:\s*[-~到至]\s*\d+)?-(?:years?|months?|weeks?)-olds?\b/;

/**
 * A fee taken off what is given (full price minus a £10 admin fee, 扣除20元手续费后退还): how the
 * amount is worked out, never a limit on it.
 */
const DEDUCTED_BEFORE =
  /(?:\bminus|\bless|\bafter deducting|\bdeducting|扣除|减去|扣掉)\s*(?:an?\s+|the\s+)?$/;

/**
 * How soon the business acts (免费上门维修，48小时内上门; 3个工作日内上门勘察; 院长1个工作日内联系;
 * 质检主管3个工作日内定责定损: working days are the business's clock, whatever it does in them):
 * its promise, said outside brackets too, never a limit on what a caller asks. Not working days a
 * caller has to ask within (5个工作日内申请).
 */
const SERVICE_TIME_AFTER =
  /^\s*(?:个)?(?:小时|分钟|天|日|个?工作日)?\s*内\s*(?:安排|派人)?\s*(?:上门|到场|回复|回电|处理|完成|办结|到账|恢复|联系|答复|发出|寄出|送达)/;
/**
 * 3个工作日内定责定损, 3个工作日出电子版 read from the quantity's start: working days are the
 * business's clock (see above), what it takes to deliver, never an amount a caller asks for.
 */
const BUSINESS_DAYS_WITHIN =
  /^[\d一二两三四五六七八九十]+\s*个?工作日\s*(?:内(?!\s*(?:申请|提出|反馈|报))|(?=(?:出|出具|发|寄|给|办完|完成|答复|回复|联系|处理|到账)))/;

/**
 * 48小时内调取作业照片…后回复, the safety technician comes within 4 hours, full reply within 5
 * business days: how soon the business acts on the case, its promise, never an amount or a notice a
 * caller states.
 */
function promisedWithin(s: string, n: Num): boolean {
  if (n.unit === undefined || FAMILY[n.unit] !== 'duration') return false;
  if (PROMISED_ZH.test(s.slice(n.end))) return true;
  if (!/\bwithin\s+$/.test(s.slice(Math.max(0, n.start - 8), n.start))) return false;
  const clause = (text: string) => text.split(/[,;:()]|\s-\s|\.(?=\s|$)/);
  return (
    PROMISED_EN.test(clause(s.slice(0, n.start)).at(-1)!) || PROMISED_EN.test(clause(s.slice(n.end))[0]!)
  );
}
const PROMISED_ZH =
  /^\s*(?:个)?(?:小时|天|日|工作日)?\s*内[^,，;；。.]{0,12}?(?:回复|答复|看件|调取|随访|上门|到场|联系|处理完?|开出|下架|出结果|核实|回电)/;
const PROMISED_EN =
  /\b(?:comes?|visits?|calls? (?:you |them )?back|repl(?:y|ies)|respond|responds|acknowledged|result|arrives?|on site|contacts?|gets? back)\b/;

/**
 * 迟到超过15分钟, 城区30分钟到场: minutes are how late or how soon, a circumstance or the business's
 * promise, never an amount a caller asks for. Read as a bare number, the limit would be held
 * against any amount a request states (the 2580 元 asked back).
 */
const MINUTES_AFTER = /^\s*(?:分钟|minutes?\b|mins?\b)/;

/** The end of an English rule's first sentence, before a second (not Mr. or e.g.). */
const LATER_SENTENCE = /(?<!\b(?:Mr|Mrs|Ms|Dr|St|No|vs|e\.g|i\.e|etc|approx))\.\s+(?=[A-Z][a-z])/;

/**
 * An English rule with its later sentences in a note: "Place, move or cancel orders on the
 * caller's own account. Cancelling is free until 17:00 the working day before delivery" says its
 * action in the first and its terms after, as a note in brackets does.
 */
export function laterSentencesNoted(text: string): string {
  // Book, move or cancel jobs - free until 17:00 the working day before: terms after a dash too.
  const end = LATER_SENTENCE.exec(text) ?? TERMS_AFTER_DASH.exec(text);
  if (end === null) return text;
  const rest = text
    .slice(end.index + end[0].length)
    .trim()
    .replace(/[()（）]/g, ',');
  return `${text.slice(0, end.index)} (${rest.replace(/\.\s*$/, '')})`;
}

/**
 * A spaced dash in a rule ("… within 15 business days - never admit fault", "open an account - first
 * top-up by texted link"): what follows is a note or the terms for the operator, not the action's
 * name nor the caller's to say or hear.
 */
export const NOTE_DASH = /\s[-–—]\s/;

/** Things listed, then the booking steps they share: 带看、估价、实勘的预约和改约. */
export const THINGS_BOOKED =
  /^([\u4e00-\u9fff、和及或]+)的((?:预约|预订|改约|改期)(?:[和、及或](?:预约|预订|改约|改期|取消))*)$/;

/** A dash before the terms of an English rule's step (- free until …, - same day if booked …). */
const TERMS_AFTER_DASH =
  /\s[-–—]\s+(?=(?:free|no charge|at no cost|same day|next day|until|within|after that|up to|max(?:imum)?|once|only if|subject to|valid)\b)/i;

/**
 * Splits a rule into its action phrase and its condition. Never throws. A quantity in a note in
 * brackets is the rule's limit when the note's clause says only that (（<=15天）), and only when
 * the phrase itself states none; otherwise it is a term of the case (see `RuleCondition.term`), and
 * a price per unit (按45元/小时) is neither.
 */
/** A rule that says no sum limits it (whatever the amount, 不论金额, 金额不限). */
const ANY_AMOUNT =
  /\b(?:whatever|regardless of|irrespective of) (?:the )?(?:amount|sum|value)\b|\bof any (?:amount|size|value)\b|(?:无论|不论|不管)(?:金额)?(?:多少|大小|多大)|金额不限|不限金额/;

/**
 * 电话报名, 电话代订包间: the phone as the channel an action is taken on, which a caller on the phone
 * never says (帮我报个名), and no phone number asked for: the rule is read without it.
 */
const BY_PHONE =
  /(?<=^|[\s:：;；,，、（(])电话(?=代订|代办|报名|预订|预定|预约|下单|订|办理|挂失|报修|续费|缴费|改约|改期|退订|取消|开通)/g;

/**
 * 短信发验证码重置本人密码: the code texted is how the operator does it; a caller asks 重置密码. The rule
 * is read without it.
 */
const BY_CODE =
  /(?<=^|[\s:：;；,，、（(])(?:通过)?(?:短信|邮件|邮箱)(?:发送?)?(?:验证码|校验码)(?=重置|找回|修改|解锁|登录)/g;

export function parseRule(written: string): ParsedRule {
  const text = written.replace(BY_PHONE, '').replace(BY_CODE, '');
  // 24 hours' or more notice: the possessive of a span of time is the span.
  const s = normalizeText(text)
    .replace(/[≤≦]/g, '<=')
    .replace(/[≥≧]/g, '>=')
    .replace(/\b(minutes|hours|days|weeks|months|years)'(?=\s)/g, '$1');
  const scan = scanQuantities(s, s);
  const anyAmount = ANY_AMOUNT.test(s);
  const all: Num[] = [
    ...scan.quantities.map((q) => ({ value: q.value, unit: q.unit, start: q.start, end: q.end })),
    ...scan.bare.map((b) => ({ value: b.value, start: b.start, end: b.end })),
  ]
    .filter(
      (n: Num) =>
        !AGE_AFTER.test(s.slice(n.end)) &&
        !DEDUCTED_BEFORE.test(s.slice(0, n.start)) &&
        !SERVICE_TIME_AFTER.test(s.slice(n.end)) &&
        !MINUTES_AFTER.test(s.slice(n.end)) &&
        !BUSINESS_DAYS_WITHIN.test(s.slice(n.start)) &&
        !promisedWithin(s, n) &&
        // Goodwill beyond the £30 credit, whatever the amount: a sum the rule says it is not
        // measured by names something else (the credit), no limit.
        !(anyAmount && n.unit !== undefined && FAMILY[n.unit] === 'money'),
    )
    .sort((a, b) => a.start - b.start);
  const tiers = noticeTiers(s, all);
  if (tiers.length > 0)
    return ruleFromNumbers(
      text,
      s,
      all.filter((n) => !tiers.includes(n)),
    );
  // Book by 18:00 the day before, 送件前一天18:00前: a deadline on the day before what is booked,
  // held as a notice to that day's start (24 − 18 = 6 hours), never as a time of day asked for.
  const deadline = dayBeforeDeadline(s);
  if (deadline !== undefined) {
    const rule = ruleFromNumbers(
      text,
      s,
      all.filter((n) => n.end <= deadline.start || n.start >= deadline.end),
    );
    const notice: RuleCondition = {
      // Durations are held in days (see `toBase`).
      lo: deadline.hoursBefore / 24,
      loInclusive: true,
      hiInclusive: false,
      unit: 'hour',
      family: 'duration',
      term: true,
      notice: true,
      fromDayStart: true,
    };
    return { ...rule, notice };
  }
  return ruleFromNumbers(text, s, all);
}

/** A deadline on the day before: by 18:00 the day before, 前一天18:00前 (its span in `s`, hours before the day). */
function dayBeforeDeadline(s: string): { start: number; end: number; hoursBefore: number } | undefined {
  const m = DAY_BEFORE_EN.exec(s) ?? DAY_BEFORE_ZH.exec(s);
  if (m === null) return undefined;
  let hour = Number(m.groups!.h);
  const minute = Number(m.groups!.m ?? 0);
  if (/pm/i.test(m.groups!.ap ?? '') && hour < 12) hour += 12;
  if (hour > 23 || minute > 59) return undefined;
  return { start: m.index, end: m.index + m[0].length, hoursBefore: 24 - hour - minute / 60 };
}
/** The phrase with a deadline on the day before blanked, offsets kept. */
export function withDeadlineBlanked(phrase: string): string {
  const d = dayBeforeDeadline(phrase);
  return d === undefined
    ? phrase
    : `${phrase.slice(0, d.start)}${' '.repeat(d.end - d.start)}${phrase.slice(d.end)}`;
}
const DAY_BEFORE_EN =
  /\b(?:by|before|until|till)\s+(?<h>\d{1,2})(?::(?<m>\d{2}))?\s*(?<ap>am|pm|a\.m\.|p\.m\.)?\s+(?:on\s+)?the\s+(?:(?:working|business)\s+)?day\s+before\b/i;
const DAY_BEFORE_ZH = /前一(?:天|日)(?:的)?\s*(?<h>\d{1,2})(?:[:：点](?<m>\d{2})?)?分?(?:以)?前/;

/**
 * The spans of a rule's notice tiers, each with its own charge (7 days or more before delivery -
 * nothing kept; 72 hours to 7 days - 25% kept; under 72 hours - 50% kept; 提前7天以上全退、不足3天扣50%):
 * the step is allowed at any notice, and the tiers only say what it costs, which the operator reads
 * on the record. None unless one tier is open above and another below.
 */
function noticeTiers(s: string, nums: readonly Num[]): Num[] {
  const spans = nums.filter((n) => n.unit !== undefined && FAMILY[n.unit] === 'duration');
  if (spans.length < 2) return [];
  let above = false;
  let below = false;
  const tiered: Num[] = [];
  let from = 0;
  for (const piece of s.split(/[;；]/)) {
    const to = from + piece.length;
    const inPiece = spans.filter((n) => n.start >= from && n.end <= to);
    from = to + 1;
    if (inPiece.length === 0 || !TIER_CHARGE.test(piece)) continue;
    if (TIER_ABOVE.test(piece)) above = true;
    if (TIER_BELOW.test(piece)) below = true;
    tiered.push(...inPiece);
  }
  return above && below ? tiered : [];
}

/** What a tier of notice costs: a share or nothing kept, a fee, a refund. */
const TIER_CHARGE = /%|\b(?:kept|keep|charged?|fee|refund(?:ed)?)\b|扣|收取?|退/;
/** A tier open above (N or more before) or below (under N). */
const TIER_ABOVE = /\b(?:or more|or longer|and over|and above)\b|及?以上/;
const TIER_BELOW = /\b(?:under|less than|fewer than|within)\b|不足|少于|不满/;

function ruleFromNumbers(text: string, s: string, all: readonly Num[]): ParsedRule {
  const notes = noteSpans(s);
  const inNote = (n: Num): boolean => notes.some(([a, b]) => n.start >= a && n.end <= b);
  const outside = all.filter((n) => !inNote(n));
  if (outside.length === all.length)
    return withNoticeBeside(text, s, all, conditionOf(text, s, all, false, false));
  // A limit stated with an operator in the phrase, then in a note of its own, then a quantity the
  // phrase names (顺延一次: once), then a term of the case a note states.
  const stated = conditionOf(text, s, outside, false, true);
  const noted = all.filter(
    (n) =>
      inNote(n) &&
      // max £14 per wash, ≤50元/单: a limit on each, not a price per unit.
      !(RATE_AFTER.test(s.slice(n.end)) && !limitedBefore(s.slice(0, n.start))) &&
      !notes.some(([a, b]) => n.start >= a && n.end <= b && SERVICE_TIME_NOTE.test(s.slice(a, b).trim())),
  );
  const limit = conditionOf(text, s, noted, true, true);
  // A notice in the note is kept beside a condition of the phrase's own (改约一次（服务前24小时以上）).
  const notice = limit.condition?.notice ? limit.condition : undefined;
  const besideNotice = (rule: ParsedRule): ParsedRule =>
    notice === undefined || rule.condition?.term ? rule : { ...rule, notice };
  // refund … (max £14 per wash), or give up to 2 free re-wash codes: a number with no unit outside
  // the note counts something else than the sum the note limits.
  const unitless = stated.condition?.unit === undefined && limit.condition?.unit !== undefined;
  // Refunds the rules give - a piece returned within 7 days; the 15,000 express fee - up to 75,000
  // for a client: money given back is limited by the sum its note caps, not by a window or a fee
  // the phrase names as one of its cases (those are the cases' terms, the records' to check).
  if (
    limit.condition?.family === 'money' &&
    limit.condition.hi !== undefined &&
    limit.condition.lo === undefined &&
    stated.condition?.family !== 'money' &&
    detectConcepts(s).some((c) => MONEY_BACK_CONCEPTS.has(c.concept.id))
  )
    return limit;
  if (stated.condition && !(unitless && !limit.condition?.term)) return besideNotice(stated);
  if (limit.condition && !limit.condition.term) return limit;
  const found = conditionOf(text, s, outside, false, false);
  if (found.condition) return besideNotice(found);
  return limit.condition ? limit : found;
}

/**
 * 新预约：提前4小时及以上、服务时间08:00–20:00内: a notice the phrase states beside another condition
 * of its own (the hours served) is kept as the rule's notice, as a note's is.
 */
function withNoticeBeside(text: string, s: string, all: readonly Num[], rule: ParsedRule): ParsedRule {
  if (rule.condition === undefined || rule.condition.family === 'duration' || rule.notice) return rule;
  const spans = all.filter((n) => n.unit !== undefined && FAMILY[n.unit] === 'duration');
  if (spans.length === 0) return rule;
  const notice = conditionOf(text, s, spans, false, false).condition;
  return notice?.notice ? { ...rule, notice } : rule;
}

/**
 * The rule `s` with each window of time before `upTo` (48小时内, within 14 days) blanked, offsets
 * kept: the spans a phrase loses beside a limit written with a sign.
 */
function withoutWindows(s: string, nums: readonly Num[], upTo: number): string {
  let out = s;
  for (const n of nums) {
    if (n.start >= upTo || n.unit === undefined || FAMILY[n.unit] !== 'duration') continue;
    const inside = /^\s*(?:以内|之内|内)/.exec(s.slice(n.end));
    const within = /\bwithin\s*$/.exec(s.slice(0, n.start));
    if (!inside && !within) continue;
    const from = within ? within.index : n.start;
    const to = n.end + (inside ? inside[0].length : 0);
    out = `${out.slice(0, from)}${' '.repeat(to - from)}${out.slice(to)}`;
  }
  return out;
}

/**
 * The first condition the numbers `nums` of the normalised rule `s` state, cut from its phrase;
 * `operators`: only one stated with an operator (<=, 以内, 超过).
 */
function conditionOf(
  text: string,
  s: string,
  nums: readonly Num[],
  noted: boolean,
  operators: boolean,
): ParsedRule {
  // `source`: the rule with what else leaves the phrase blanked (see `withoutWindows`).
  const cut = (from: number, upTo: number, bound: RuleCondition, source = s): ParsedRule => {
    const { to, condition } = withOtherBound(s, nums, upTo, bound);
    // （ID check; 5-7 business days）, （3个工作日）: working days in a note are how long the case
    // takes, never an amount a caller asks for.
    const left = condition.family === 'duration' ? TIME_LEFT_ZH.exec(s.slice(0, from)) : null;
    const notice =
      condition.family === 'duration' &&
      (NOTICE_AFTER.test(s.slice(to)) || NOTICE_BEFORE_ZH.test(s.slice(0, from)) || left !== null);
    let before = source.slice(0, from);
    let after = source.slice(to);
    if (left !== null) {
      const at = left.index + left[0].indexOf(left[1]!);
      before = `${before.slice(0, at)}${before.slice(at + left[1]!.length)}`;
    }
    // 宴会日前90天（含）以前取消: the words of the notice after its span (（含）, 以前) are no
    // words of what is done, which a caller would have to say (the event before it, 宴会日前, is
    // read as the rule's anchor in time).
    if (notice) after = after.replace(NOTICE_WORDS_AFTER, '');
    // ≤50元（含50元）: the note restating that the limit is included is no word of the action.
    else after = after.replace(LIMIT_INCLUDED, '');
    // up to 1,500,000 GNF per shipment all told, 25,000 FCFA a caller: what a sum given is limited
    // on each of is no word a caller asking money back says. (Above $25 per order still names
    // the order a rule escalating fees is about.)
    if (condition.family === 'money' && condition.lo === undefined) after = after.replace(EACH_LIMITED, '');
    const kept = condition.family === 'duration' && KEPT_FOR.test(s.slice(0, from));
    const termed =
      notice || kept || (noted && (!bareInNote(s, from, to) || WORKING_DAYS.test(s.slice(from))))
        ? {
            ...(notice ? atLeast(condition) : condition),
            term: true as const,
            ...(notice ? { notice: true as const } : {}),
          }
        : condition;
    return { text, ...cleanPhrase(`${before} ${after}`), condition: termed };
  };

  // 补偿学时<=2学时: a number with no unit, then a word the phrase before it names: counted in it.
  const counted = (from: number, n: Num, op: Op, source = s): ParsedRule | undefined => {
    if (n.unit !== undefined) return undefined;
    const noun = countedNoun(s, n.end, s.slice(0, from));
    if (noun === undefined) return undefined;
    return cut(from, noun.end, { ...withUnit(boundFor(op, n.value), 'time'), noun: noun.word }, source);
  };

  // Ranges: 20-300元, 50~500元, 50到500元, $20-$300, between $20 and $300.
  for (let k = 0; k + 1 < nums.length; k++) {
    const a = nums[k]!;
    const b = nums[k + 1]!;
    const join = s.slice(a.end, b.start);
    if (!RANGE_JOIN.test(join)) continue;
    // 7 days or more before delivery - nothing kept; … - 25%: a dash between a span and a share
    // kept is no range of either.
    if (
      /^\s*%/.test(s.slice(b.end)) ||
      (a.unit !== undefined && b.unit === undefined && /\s[-–]\s/.test(join))
    )
      continue;
    if (/and/.test(join) && !/between\s*$/.test(s.slice(0, a.start))) continue;
    const unit = b.unit ?? a.unit;
    if (a.unit && b.unit && a.unit !== b.unit) continue;
    const between = /between\s*$/.exec(s.slice(0, a.start));
    const from = between ? a.start - between[0].length : a.start;
    const after = /^\s*(?:之间|以内|inclusive)/.exec(s.slice(b.end));
    const to = b.end + (after ? after[0].length : 0);
    return cut(
      from,
      to,
      withUnit(
        {
          lo: Math.min(a.value, b.value),
          hi: Math.max(a.value, b.value),
          loInclusive: true,
          hiInclusive: true,
        },
        unit,
      ),
    );
  }

  // A limit written with a sign (每单累计<=50元) before one in words: 取货后48小时内反馈的，…，每单累计<=50元
  // limits the sum, and the window in words before it is when the case must be told, a term of the
  // case no caller says: it leaves the phrase as a limit would.
  for (const n of nums) {
    const symbol = SYMBOL.exec(s.slice(0, n.start));
    if (!symbol) continue;
    const raw = symbol[1]!;
    const op: Op = raw === '=<' ? '<=' : raw === '=>' ? '>=' : raw === '==' ? '=' : (raw as Op);
    const source = withoutWindows(s, nums, symbol.index);
    return (
      counted(symbol.index, n, op, source) ??
      cut(symbol.index, n.end, withUnit(boundFor(op, n.value), n.unit), source)
    );
  }
  for (const n of nums) {
    const before = s.slice(0, n.start);
    for (const [re, op] of PREFIX_WORDS) {
      const m = re.exec(before);
      if (m && (m.index === 0 || !/[a-z]/.test(before[m.index - 1] ?? '') || /^[^a-z]/.test(m[0]))) {
        // add items up to 24 hours before the delivery: the last moment is a day ahead, so a day's
        // notice at least.
        const bound = op === '<=' && /up to/.test(m[0]) && UP_TO_BEFORE.test(s.slice(n.end)) ? '>=' : op;
        return counted(m.index, n, bound) ?? cut(m.index, n.end, withUnit(boundFor(bound, n.value), n.unit));
      }
    }
    const rest = s.slice(n.end);
    for (const [re, op] of SUFFIX_WORDS) {
      const m = re.exec(rest);
      if (m) return cut(n.start, n.end + m[0].length, withUnit(boundFor(op, n.value), n.unit));
    }
    if (n.unit !== undefined && LATER_SUFFIX.test(rest))
      return cut(n.start, n.end, withUnit(boundFor('>=', n.value), n.unit));
  }

  if (operators) return { text, phrase: trimPhrase(s) };
  // A quantity with no operator: the rule names that exact amount (延长试用7天).
  const quantity = nums.find((n) => n.unit !== undefined);
  if (quantity) {
    const named: RuleCondition = { ...withUnit(boundFor('=', quantity.value), quantity.unit), named: true };
    // once per client in 12 months, 每12个月一次: the window a count is kept over is a term of the case.
    if (named.family === 'duration' && WINDOW_BEFORE.test(s.slice(0, quantity.start))) named.term = true;
    // hold the seat for 48 hours while they pay, 只留48小时: how long the business keeps something
    // for the caller, a term it states, not a span asked.
    if (named.family === 'duration' && HELD_FOR.test(s.slice(0, quantity.start))) named.term = true;
    // 预约体验课：99元一节: what the booking costs, a term the operator states, not an amount asked.
    if (named.family === 'money' && PRICE_PER.test(s.slice(quantity.end))) named.term = true;
    return cut(quantity.start, quantity.end, named);
  }

  // An operator with no number after it is a broken rule: keep it, but it never approves.
  // Only one outside a note: a note's operator (距上户>=48小时通知) goes with its own quantity.
  const dangling = /(<=|>=|<|>|=)/.exec(notesBlanked(s));
  if (dangling) {
    return cut(dangling.index, s.length, { loInclusive: false, hiInclusive: false, invalid: true });
  }
  return { text, phrase: trimPhrase(s) };
}
