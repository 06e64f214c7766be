import { CURRENCY_WORDS, parseNumber } from '../permissions/index.js';

/** A calendar date as a reply or a record states it; the year and month may be left out. */
export interface DateFact {
  year?: number;
  month?: number;
  day: number;
  text: string;
}

/** A money amount as stated (currency ignored: 15元, $15, £15 and €15 are all 15). */
export interface AmountFact {
  value: number;
  text: string;
}

const CN_NUMERAL = '[零〇一二两三四五六七八九十百千万]+';

/**
 * A number as a pattern below matched it: plain Arabic digits (a comma anywhere is a thousands
 * separator, as replies write 1,000 and 10,000), else whatever the permission engine's
 * `parseNumber` reads (Chinese numerals, English number words), so the guard and the permission
 * checks never disagree about what 三千二 or twenty-four is.
 */
function numberFrom(text: string): number | undefined {
  const arabic = text.replaceAll(',', '');
  if (/^\d+(?:\.\d+)?$/.test(arabic)) return Number(arabic);
  return parseNumber(text);
}

const NUM = String.raw`\d[\d,]*(?:\.\d+)?`;
/** Where a currency's letters start a word of their own, not a part of a code (TK20261206-CFA582). */
const NOT_IN_CODE = String.raw`(?<![0-9a-z_/#-])`;
/**
 * The rand's and the dalasi's letter signs (R500, D60), not inside a code (TK20261206-D51966,
 * D28AD8): not after a letter, a digit or a joiner, and no letter right after the digits.
 */
const LETTER_SIGN = String.raw`${NOT_IN_CODE}[RD](?=\d)(?!\d+[a-z])`;
/** The currencies' ISO codes (CNY, GBP, GHS …), as the engine reads money. */
const CODES = Object.keys(CURRENCY_WORDS).join('|');
const MONEY_PATTERNS: RegExp[] = [
  new RegExp(
    String.raw`(?:US\$|\$|¥|£|€|₵|₦|₹|RMB\s?|CNY\s?|USD\s?|${NOT_IN_CODE}(?:${CODES})\s?|${NOT_IN_CODE}KSh\s?|${NOT_IN_CODE}NLe\s?|${NOT_IN_CODE}F?CFA\s?|${LETTER_SIGN})\s?(${NUM})`,
    'gi',
  ),
  // A sign after the amount (45£, 30 €) is its currency, unless an amount follows it (5 €10 is €10).
  // Not inside a code (TK20261206-038CFA): no letter, digit or joiner right before the amount.
  new RegExp(
    String.raw`${NOT_IN_CODE}(${NUM}|${CN_NUMERAL})\s?(?:块钱|块(?!儿)|元|圆|美元|美金|人民币|英镑|镑|欧元|dollars?\b|bucks\b|yuan\b|pounds?\b|quid\b|euros?\b|rand\b|cedis?\b|naira\b|rupees?\b|dalasis?\b|leones?\b|ouguiyas?\b|dobras?\b|(?:f\s?)?cfa\b|francs?(?:\s+cfa)?\b|(?:${CODES}|RMB)\b|[£€](?!\s?\d))`,
    'gi',
  ),
];

/**
 * The money amounts a text states with a currency: $15, 15.00元, 十五块, 15 dollars, RMB 200,
 * £38.20, 38.20英镑, 40 pounds, 12 quid, €15, 15欧元, 15 euros. Pounds of weight (weighs 40
 * pounds) are read too: a draft that states one needs a source as much, and a guard that tells
 * weight from money by the words around it lets through a sum said beside a weight.
 *
 * @example extractAmounts('月费15元，共$30') // [{ value: 15, ... }, { value: 30, ... }]
 */
export function extractAmounts(text: string): AmountFact[] {
  const normalised = text.normalize('NFKC');
  const found: Array<AmountFact & { index: number }> = [];
  for (const pattern of MONEY_PATTERNS) {
    for (const m of normalised.matchAll(pattern)) {
      const value = numberFrom(m[1]!);
      if (value !== undefined && !found.some((f) => f.index === m.index)) {
        found.push({ value, text: m[0], index: m.index });
      }
    }
  }
  return found.sort((a, b) => a.index - b.index).map(({ value, text: t }) => ({ value, text: t }));
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
const MONTH_NAME = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const CN_SMALL = '[零〇一二两三四五六七八九十]{1,3}';

function monthFromName(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase() as (typeof MONTHS)[number]) + 1;
}

function plausible(date: { month?: number; day: number }): boolean {
  return (
    date.day >= 1 && date.day <= 31 && (date.month === undefined || (date.month >= 1 && date.month <= 12))
  );
}

/**
 * The calendar dates a text states: 2025-12-20, 2025/12/20, 2025年12月20日, 十二月二十号, 12月20号,
 * December 20, 2025, 20 Dec. With `dayOnly`, a bare 20号 counts too (the customer's own words).
 *
 * @example extractDates('您在2025年12月20日开通') // [{ year: 2025, month: 12, day: 20, ... }]
 */
export function extractDates(text: string, options?: { dayOnly?: boolean }): DateFact[] {
  const s = text.normalize('NFKC');
  const found: Array<DateFact & { index: number; end: number }> = [];
  const add = (index: number, matched: string, date: Omit<DateFact, 'text'>) => {
    const end = index + matched.length;
    if (!plausible(date) || found.some((f) => index < f.end && end > f.index)) return;
    found.push({ ...date, text: matched, index, end });
  };
  for (const m of s.matchAll(/(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/g)) {
    add(m.index, m[0], { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
  }
  const zh = new RegExp(
    String.raw`(?:(\d{4}|[零〇一二三四五六七八九]{4})\s?年\s?)?(\d{1,2}|${CN_SMALL})\s?月\s?(\d{1,2}|${CN_SMALL})\s?[日号號]`,
    'g',
  );
  for (const m of s.matchAll(zh)) {
    const year = m[1] === undefined ? undefined : numberFrom(m[1]);
    const month = numberFrom(m[2]!);
    const day = numberFrom(m[3]!);
    if (month === undefined || day === undefined) continue;
    add(m.index, m[0], { ...(year === undefined ? {} : { year }), month, day });
  }
  const enMonthFirst = new RegExp(
    String.raw`\b${MONTH_NAME}\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?`,
    'gi',
  );
  for (const m of s.matchAll(enMonthFirst)) {
    add(m.index, m[0], {
      ...(m[3] === undefined ? {} : { year: Number(m[3]) }),
      month: monthFromName(m[1]!),
      day: Number(m[2]),
    });
  }
  const enDayFirst = new RegExp(
    String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH_NAME}\b(?:,?\s+(\d{4})\b)?`,
    'gi',
  );
  for (const m of s.matchAll(enDayFirst)) {
    add(m.index, m[0], {
      ...(m[3] === undefined ? {} : { year: Number(m[3]) }),
      month: monthFromName(m[2]!),
      day: Number(m[1]),
    });
  }
  if (options?.dayOnly) {
    for (const m of s.matchAll(new RegExp(String.raw`(\d{1,2}|${CN_SMALL})\s?[日号號]`, 'g'))) {
      const day = numberFrom(m[1]!);
      if (day !== undefined) add(m.index, m[0], { day });
    }
  }
  return found.sort((a, b) => a.index - b.index).map(({ index: _i, end: _e, ...date }) => date);
}

/** Every number a text mentions, arabic or Chinese, dates included (a customer's 15 is evidence). */
export function extractNumbers(text: string): number[] {
  const s = text.normalize('NFKC');
  const out: number[] = [];
  for (const m of s.matchAll(new RegExp(`${NUM}|${CN_NUMERAL}`, 'g'))) {
    const value = numberFrom(m[0]);
    if (value !== undefined && Number.isFinite(value)) out.push(value);
  }
  return out;
}

/** What this call has established: numbers and dates from records, query results or the customer. */
export interface Evidence {
  numbers: number[];
  dates: DateFact[];
}

/**
 * Collects the numbers and dates in JSON values (system query responses): every number, numeric
 * strings, dates in strings, and numbers in free text with the dates taken out first so that a
 * 2025-12-20 does not vouch for an amount of 20.
 */
export function collectJsonEvidence(values: readonly unknown[]): Evidence {
  const evidence: Evidence = { numbers: [], dates: [] };
  const visit = (value: unknown, depth: number): void => {
    if (depth > 12 || value === null || value === undefined) return;
    if (typeof value === 'number') {
      if (Number.isFinite(value)) evidence.numbers.push(value);
    } else if (typeof value === 'string') {
      const dates = extractDates(value);
      evidence.dates.push(...dates);
      let rest = value.normalize('NFKC');
      for (const d of dates) rest = rest.replace(d.text, ' ');
      rest = rest.replace(/(?<!\d)(\d{4})-(\d{2})(?!\d)/g, ' ');
      evidence.numbers.push(...extractNumbers(rest));
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
    } else if (typeof value === 'object') {
      for (const item of Object.values(value as Record<string, unknown>)) visit(item, depth + 1);
    }
  };
  for (const v of values) visit(v, 0);
  return evidence;
}

/** Collects what the customer said: every number and every date, a bare 20号 included. */
export function collectUtteranceEvidence(utterances: readonly string[]): Evidence {
  const evidence: Evidence = { numbers: [], dates: [] };
  for (const u of utterances) {
    evidence.numbers.push(...extractNumbers(u));
    evidence.dates.push(...extractDates(u, { dayOnly: true }));
  }
  return evidence;
}

/** A date said relative to today: 明天, 下周五, 下个月5号, next Monday, by Friday, the 5th. */
export interface RelativeDateFact {
  text: string;
  /** What it counts from: days from today, a weekday, a week, a month, a year, a bare day of the month. */
  unit: 'day' | 'weekday' | 'week' | 'month' | 'year' | 'day_of_month';
  /** 0 this, 1 next, 2 the one after (days: how many days from today). */
  offset: number;
  /** 1 Monday … 7 Sunday, for weekdays. */
  weekday?: number;
  /** The day of the month it names (下个月5号 -> 5, the 5th -> 5). */
  day?: number;
  /** Part of a week or month or year: the weekend, 月初, 月中, 月底. */
  part?: 'start' | 'middle' | 'end' | 'weekend';
  /** "next Friday" is read both ways (the coming one, or the one in next week). */
  loose?: boolean;
}

const ZH_WEEKDAY: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };
const EN_WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const EN_WEEKDAY = '(monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const ZH_PART: Record<string, RelativeDateFact['part']> = {
  初: 'start',
  上旬: 'start',
  中: 'middle',
  中旬: 'middle',
  底: 'end',
  末: 'end',
  下旬: 'end',
};

function zhOffset(prefix: string | undefined): number {
  if (prefix === '下下') return 2;
  if (prefix === '下') return 1;
  return 0;
}

/**
 * The dates a text gives relative to today, in Chinese and English. Weekday ranges (周一至周五,
 * Monday to Friday) are opening hours, not dates, and are left out.
 *
 * @example extractRelativeDates('下个月5号到账') // [{ unit: 'month', offset: 1, day: 5, ... }]
 */
export function extractRelativeDates(text: string): RelativeDateFact[] {
  const s = text.normalize('NFKC');
  const found: Array<RelativeDateFact & { index: number; end: number }> = [];
  const add = (index: number, matched: string, fact: Omit<RelativeDateFact, 'text'>) => {
    const end = index + matched.length;
    if (found.some((f) => index < f.end && end > f.index)) return;
    found.push({ ...fact, text: matched, index, end });
  };
  const each = (re: RegExp, f: (m: RegExpMatchArray) => Omit<RelativeDateFact, 'text'> | undefined) => {
    for (const m of s.matchAll(re)) {
      const fact = f(m);
      if (fact) add(m.index!, m[0], fact);
    }
  };
  // Chinese: months first (下个月5号 before 5号), then weeks, weekdays and days.
  each(
    new RegExp(
      String.raw`(下下|下|这|本)个?月(?:的)?(初|上旬|中旬|中|下旬|底|末|(\d{1,2}|${CN_SMALL})\s?[号日])?`,
      'g',
    ),
    (m) => {
      const day = m[3] === undefined ? undefined : numberFrom(m[3]);
      const part = m[2] !== undefined && day === undefined ? ZH_PART[m[2]] : undefined;
      return {
        unit: 'month',
        offset: zhOffset(m[1]),
        ...(day === undefined ? {} : { day }),
        ...(part ? { part } : {}),
      };
    },
  );
  each(/(?<![每个当])月(底|末|初)/g, (m) => ({ unit: 'month', offset: 0, part: ZH_PART[m[1]!]! }));
  each(/明年(初|底)?|(?<![每])年(底|末)/g, (m) =>
    m[0].startsWith('明年')
      ? { unit: 'year', offset: 1, ...(m[1] ? { part: m[1] === '初' ? 'start' : 'end' } : {}) }
      : { unit: 'year', offset: 0, part: 'end' },
  );
  each(/(下下|下|这|本)(?:个)?(?:周|星期|礼拜)([一二三四五六日天末])?/g, (m) => {
    const offset = zhOffset(m[1]);
    if (m[2] === '末') return { unit: 'week', offset, part: 'weekend' };
    if (m[2]) return { unit: 'weekday', offset, weekday: ZH_WEEKDAY[m[2]]! };
    return { unit: 'week', offset };
  });
  each(
    /(?<![每至到~\-－—、和与或])(?:周|星期|礼拜)([一二三四五六日天])(?!\s?[至到~\-－—、和与或]\s?(?:周|星期|礼拜)?[一二三四五六日天])/g,
    (m) => ({ unit: 'weekday', offset: 0, weekday: ZH_WEEKDAY[m[1]!]!, loose: true }),
  );
  each(/(?<![每])周末/g, () => ({ unit: 'week', offset: 0, part: 'weekend' }));
  each(
    /大后天|后天|明天|明日|明儿|明早|明朝|明晚|今晚|今天(?:之内|以内|内|下班前|晚些时候|晚点|下午|晚上)|今日内|当日内/g,
    (m) => {
      const w = m[0];
      const offset = w === '大后天' ? 3 : w === '后天' ? 2 : w.startsWith('明') ? 1 : 0;
      return { unit: 'day', offset };
    },
  );
  each(
    new RegExp(String.raw`(?<![\d月号./\-])(\d{1,2}|${CN_SMALL})\s?号(?![码线店楼门房机位键段])`, 'g'),
    (m) => {
      const day = numberFrom(m[1]!);
      return day !== undefined && day >= 1 && day <= 31
        ? { unit: 'day_of_month', offset: 0, day }
        : undefined;
    },
  );
  // English.
  each(/\b(?:the\s+)?day after tomorrow\b/gi, () => ({ unit: 'day', offset: 2 }));
  each(/\btomorrow\b/gi, () => ({ unit: 'day', offset: 1 }));
  each(
    /\btonight\b|\blater today\b|\bby (?:the )?end of (?:the |to)?day\b|\bby today\b|\bend of day\b|\bEOD\b/gi,
    () => ({
      unit: 'day',
      offset: 0,
    }),
  );
  each(
    /\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\s+of\s+(this|next)\s+month\b|\b(this|next)\s+month\s+on\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b/gi,
    (m) => ({
      unit: 'month',
      offset: (m[2] ?? m[3])!.toLowerCase() === 'next' ? 1 : 0,
      day: Number(m[1] ?? m[4]),
    }),
  );
  each(
    /\b(?:(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+(?:the\s+|this\s+|next\s+)?)(week|month|year)\b/gi,
    (m) => {
      const t = m[0].toLowerCase();
      const unit = m[1]!.toLowerCase() as 'week' | 'month' | 'year';
      const part = /end/.test(t) ? 'end' : /middle/.test(t) ? 'middle' : 'start';
      return { unit, offset: /next/.test(t) ? 1 : 0, part };
    },
  );
  each(
    new RegExp(
      String.raw`\b(this|next|coming|the following)\s+(week(?:end)?|month|year|${EN_WEEKDAY.slice(1, -1)})\b`,
      'gi',
    ),
    (m) => {
      const which = m[1]!.toLowerCase();
      const what = m[2]!.toLowerCase();
      const offset = which === 'next' || which === 'the following' ? 1 : 0;
      if (what === 'weekend') return { unit: 'week', offset, part: 'weekend' };
      if (what === 'week' || what === 'month' || what === 'year') return { unit: what, offset };
      const weekday = EN_WEEKDAYS.indexOf(what) + 1;
      // "next Friday": the coming one to some, the one in next week to others.
      if (which === 'next') return { unit: 'weekday', offset: 1, weekday, loose: true };
      return { unit: 'weekday', offset: 0, weekday, ...(which === 'coming' ? { loose: true } : {}) };
    },
  );
  each(
    new RegExp(
      String.raw`\b(?:by|on|before|until|till|this|from)\s+${EN_WEEKDAY}\b(?!\s*(?:-|–|to|through|thru)\s*${EN_WEEKDAY})|\b${EN_WEEKDAY}\s+(?:morning|afternoon|evening|night)\b`,
      'gi',
    ),
    (m) => {
      const name = (m[1] ?? m[2])!.toLowerCase();
      return { unit: 'weekday', offset: 0, weekday: EN_WEEKDAYS.indexOf(name) + 1, loose: true };
    },
  );
  each(
    /\b(?:on|by|before|until)\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b(?!\s+of\s+(?:this|next)\s+month)/gi,
    (m) => ({
      unit: 'day_of_month',
      offset: 0,
      day: Number(m[1]),
    }),
  );
  return found.sort((a, b) => a.index - b.index).map(({ index: _i, end: _e, ...fact }) => fact);
}

/** A date as YYYY-MM-DD in local terms (no time zone shifts: the arithmetic is on calendar days). */
function iso(y: number, m: number, d: number): string {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.toISOString().slice(0, 10);
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * The calendar days a relative date may mean, as inclusive ranges of YYYY-MM-DD, counted from
 * `today` (YYYY-MM-DD). Loose expressions give every reading.
 *
 * @example resolveRelativeDate({ unit: 'day', offset: 1, text: '明天' }, '2026-01-31') // [{ from: '2026-02-01', to: '2026-02-01' }]
 */
export function resolveRelativeDate(
  fact: RelativeDateFact,
  today: string,
): Array<{ from: string; to: string }> {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  const plus = (days: number) => {
    const x = new Date(t.getTime() + days * 86_400_000);
    return iso(x.getUTCFullYear(), x.getUTCMonth() + 1, x.getUTCDate());
  };
  const weekdayToday = ((t.getUTCDay() + 6) % 7) + 1;
  const monday = 1 - weekdayToday;
  switch (fact.unit) {
    case 'day':
      return [{ from: plus(fact.offset), to: plus(fact.offset) }];
    case 'weekday': {
      const inWeek = monday + 7 * fact.offset + (fact.weekday! - 1);
      const out = [{ from: plus(inWeek), to: plus(inWeek) }];
      if (fact.loose) {
        const coming = (fact.weekday! - weekdayToday + 7) % 7;
        out.push({ from: plus(coming), to: plus(coming) }, { from: plus(coming + 7), to: plus(coming + 7) });
      }
      return out;
    }
    case 'week': {
      const start = monday + 7 * fact.offset;
      return fact.part === 'weekend'
        ? [{ from: plus(start + 5), to: plus(start + 6) }]
        : [{ from: plus(start), to: plus(start + 6) }];
    }
    case 'month': {
      const month0 = m - 1 + fact.offset;
      const my = y + Math.floor(month0 / 12);
      const mm = (month0 % 12) + 1;
      const last = daysInMonth(my, mm);
      if (fact.day !== undefined) {
        const day = Math.min(fact.day, last);
        return [{ from: iso(my, mm, day), to: iso(my, mm, day) }];
      }
      const [a, b] =
        fact.part === 'start'
          ? [1, 10]
          : fact.part === 'middle'
            ? [11, 20]
            : fact.part === 'end'
              ? [21, last]
              : [1, last];
      return [{ from: iso(my, mm, a), to: iso(my, mm, b) }];
    }
    case 'year': {
      const yy = y + fact.offset;
      if (fact.part === 'start') return [{ from: iso(yy, 1, 1), to: iso(yy, 2, 28) }];
      if (fact.part === 'end') return [{ from: iso(yy, 12, 1), to: iso(yy, 12, 31) }];
      return [{ from: iso(yy, 1, 1), to: iso(yy, 12, 31) }];
    }
    case 'day_of_month': {
      const out: Array<{ from: string; to: string }> = [];
      for (const k of [0, 1]) {
        const month0 = m - 1 + k;
        const my = y + Math.floor(month0 / 12);
        const mm = (month0 % 12) + 1;
        if (fact.day! <= daysInMonth(my, mm))
          out.push({ from: iso(my, mm, fact.day!), to: iso(my, mm, fact.day!) });
      }
      return out;
    }
  }
}

/** A length of time a text states: 2小时内, 1到3个工作日, within 24 hours, 3-5 business days. */
export interface DurationFact {
  values: number[];
  text: string;
}

/** A number in a time frame: 48, 1.5, 1,000 (a comma only before three digits: T1，48 is two numbers). */
const DURATION_NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const EN_NUM = String.raw`\d+(?:\.\d+)?|twenty-four|forty-eight|seventy-two|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty`;

/**
 * The lengths of time a text states, with the numbers in them; calendar dates are taken out
 * first so that 12月20日 is not read as 20 days.
 *
 * @example extractDurations('预计1到3个工作日到账') // [{ values: [1, 3], text: '1到3个工作日' }]
 */
export function extractDurations(text: string): DurationFact[] {
  let s = text.normalize('NFKC');
  for (const d of extractDates(s)) s = s.replace(d.text, ' '.repeat(d.text.length));
  const out: DurationFact[] = [];
  const zh = new RegExp(
    // 前两天 / 这两天 / 第3天 say when, loosely; they are not a promised length of time.
    String.raw`(?<![前这那头近第\dA-Za-z])(${DURATION_NUM}|${CN_NUMERAL})(?:\s?(?:-|~|到|至|—|–)\s?(${DURATION_NUM}|${CN_NUMERAL}))?\s?(?:个)?\s?(?:半)?(?:个)?(小时|钟头|工作日|天|周|星期|个月|分钟|日(?=内|之内|以内|后))`,
    'g',
  );
  for (const m of s.matchAll(zh)) {
    const values = [m[1]!, m[2]].filter((v): v is string => v !== undefined).map((v) => numberFrom(v));
    if (values.every((v): v is number => v !== undefined)) out.push({ values, text: m[0] });
  }
  const en = new RegExp(
    String.raw`\b(${EN_NUM})(?:\s?(?:-|–|to)\s?(${EN_NUM}))?\s+(?:more\s+)?(?:business\s+|working\s+|calendar\s+)?(?:hours?|days?|weeks?|months?|minutes?|mins?)\b`,
    'gi',
  );
  for (const m of s.matchAll(en)) {
    const values = [m[1]!, m[2]].filter((v): v is string => v !== undefined).map(numberFrom);
    if (values.every((v): v is number => v !== undefined)) out.push({ values, text: m[0] });
  }
  return out;
}

/** Every string in JSON values (system query responses), for phrases a record states in words. */
export function collectJsonText(values: readonly unknown[]): string[] {
  const out: string[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 12 || value === null || value === undefined) return;
    if (typeof value === 'string') out.push(value.normalize('NFKC'));
    else if (Array.isArray(value)) for (const item of value) visit(item, depth + 1);
    else if (typeof value === 'object') for (const item of Object.values(value)) visit(item, depth + 1);
  };
  for (const v of values) visit(v, 0);
  return out;
}
