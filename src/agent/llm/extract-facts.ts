/** A calendar date as a reply or a record states it; the year and month may be left out. */
export interface DateFact {
  year?: number;
  month?: number;
  day: number;
  text: string;
}

/** A money amount as stated (currency ignored: 15元 and $15 are both 15). */
export interface AmountFact {
  value: number;
  text: string;
}

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  幺: 1,
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
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };
const CN_NUMERAL = '[零〇一二两三四五六七八九十百千万]+';

/**
 * Reads a Chinese numeral (十五, 一百二十, 两百, 二零二五) as a number; undefined when it is not one.
 *
 * @example chineseNumeral('一百二十') // 120
 */
export function chineseNumeral(text: string): number | undefined {
  if (text === '' || ![...text].every((c) => c in CN_DIGITS || c in CN_UNITS)) return undefined;
  // Digit by digit when no unit is used (二零二五 -> 2025).
  if (![...text].some((c) => c in CN_UNITS)) {
    return Number([...text].map((c) => CN_DIGITS[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const c of text) {
    const d = CN_DIGITS[c];
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const unit = CN_UNITS[c]!;
    if (unit === 10000) {
      total += (section + (digit ?? 0)) * unit;
      section = 0;
    } else {
      // 十五: a unit without a digit in front means one of it.
      section += (digit ?? 1) * unit;
    }
    digit = undefined;
  }
  return total + section + (digit ?? 0);
}

function numberFrom(text: string): number | undefined {
  const arabic = text.replaceAll(',', '');
  if (/^\d+(?:\.\d+)?$/.test(arabic)) return Number(arabic);
  return chineseNumeral(text);
}

const NUM = String.raw`\d[\d,]*(?:\.\d+)?`;
const MONEY_PATTERNS: RegExp[] = [
  new RegExp(String.raw`(?:US\$|\$|¥|RMB\s?|CNY\s?|USD\s?)\s?(${NUM})`, 'gi'),
  new RegExp(
    String.raw`(${NUM}|${CN_NUMERAL})\s?(?:块钱|块(?!儿)|元|圆|美元|美金|人民币|dollars?\b|bucks\b|yuan\b|USD\b|RMB\b|CNY\b)`,
    'gi',
  ),
];

/**
 * The money amounts a text states with a currency: $15, 15.00元, 十五块, 15 dollars, RMB 200.
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
