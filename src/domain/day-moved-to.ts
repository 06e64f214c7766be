/**
 * The day a booking is asked to be moved to, as days from today: 改到周六10月10日, 推到下周三,
 * move it to the 14th of October. A rule that measures a move in days (改到30天以后需主管) is then
 * judged by the day the caller names, not left undecided for want of a number of days.
 *
 * Pure: today is given (YYYY-MM-DD, the call's local day).
 */

export interface DayMovedTo {
  /** Days from today (0 today, 1 tomorrow). */
  days: number;
  /** The words naming the day, and where they are in the text. */
  text: string;
  start: number;
  end: number;
}

/** A move said just before the day: 改到, 改成, 挪到, 推到, 延到, 换到, 改期到, move it to, push it to. */
const MOVE_BEFORE_ZH = /(?:改|换|挪|推|延|调|移)(?:期|约|签)?(?:到|成|在)[这本下]?\s*$/;
const MOVE_BEFORE_EN =
  /\b(?:move|moved|moving|change|changed|switch|push|pushed|put|shift|rebook|reschedule|swap)\b[^.!?;]{0,20}?\b(?:to|till|until|for)\s+(?:the\s+|next\s+|this\s+)?$/i;

/** 周一 … 周日 (周天), 周1 … 周7: Monday 1 … Sunday 7. */
function weekdayZh(said: string): number {
  return '一二三四五六日'.indexOf(said) + 1 || (said === '天' ? 7 : Number(said));
}
const WEEKDAY_EN = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const MONTHS_EN = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The month number of an English month name or its abbreviation (nov, November → 11); 0 if none. */
export function monthOfName(name: string): number {
  return MONTHS_EN.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

const DAY_NAMED = new RegExp(
  [
    '(?<md>(?<m>\\d{1,2})月(?<d>\\d{1,2})[日号]?)',
    '(?<nm>下个?月(?<nd>\\d{1,2})[日号])',
    '(?<rel>今天|明天|后天|大后天)',
    '(?<wk>(?<next>下{1,2})?(?:个)?(?:周|礼拜|星期)(?<wd>[一二三四五六日天1-7]))',
    '(?<dd>(?<![\\d月])(?<d2>\\d{1,2})[日号])',
    `(?<en1>\\b(?<em>${MONTHS_EN.join('|')})[a-z]*\\.? (?<ed>\\d{1,2})(?:st|nd|rd|th)?\\b)`,
    `(?<en2>\\b(?<ed2>\\d{1,2})(?:st|nd|rd|th)? (?:of )?(?<em2>${MONTHS_EN.join('|')})[a-z]*\\b)`,
    '(?<enrel>\\btomorrow\\b)',
    '(?<entoday>\\b(?:today|tonight)\\b)',
    `(?<enwk>\\b(?<ennext>next )?(?<ewd>${WEEKDAY_EN.join('|')})\\b)`,
  ].join('|'),
  'gi',
);

/**
 * Whether a text may name a day at all (日, 号, 周, tomorrow, Oct …): only then can today change
 * what it asks. Cheap, and never false where `dayMovedTo` finds a day.
 */
export function mayNameADay(text: string): boolean {
  return MAY_NAME_A_DAY.test(text);
}
const MAY_NAME_A_DAY =
  /[日号天周拜期月]|\b(?:tomorrow|next|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

/** The first day named right after a move in the text, counted from `today`; undefined if none. */
export function dayMovedTo(text: string, today: string): DayMovedTo | undefined {
  return firstDayNamed(
    text,
    today,
    (before) => MOVE_BEFORE_ZH.test(before.slice(-8)) || MOVE_BEFORE_EN.test(before),
  );
}

const DAY_MS = 86_400_000;

/**
 * The first day to come the text names (约星期六朝早九点, 下个礼拜六, Saturday), as days from today:
 * a new booking's notice (开始时间距现在24小时以上) is then held against it. Not a day gone (上礼拜六,
 * last Saturday); undefined when none is named.
 *
 * Pure: today is given (YYYY-MM-DD, the call's local day).
 */
export function dayNamedAhead(text: string, today: string): DayMovedTo | undefined {
  return firstDayNamed(text, today, (before) => !DAY_GONE_BEFORE.test(before), true);
}
const DAY_GONE_BEFORE = /上个?$|\blast\s+$/i;

/**
 * The first day the text names that the words before it (up to 24 characters) allow, counted from
 * today; with `ahead`, only a day not gone.
 */
function firstDayNamed(
  text: string,
  today: string,
  allowed: (before: string) => boolean,
  ahead = false,
): DayMovedTo | undefined {
  const base = parseDay(today);
  if (base === undefined) return undefined;
  for (const m of text.matchAll(DAY_NAMED)) {
    if (!allowed(text.slice(Math.max(0, m.index - 24), m.index))) continue;
    const day = resolve(m.groups ?? {}, base);
    if (day === undefined || (ahead && day < base)) continue;
    return {
      days: Math.round((day - base) / DAY_MS),
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
    };
  }
  return undefined;
}

function parseDay(iso: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : undefined;
}

/** A month and day: this year's, or next year's when this year's has passed. */
function monthDay(base: number, month: number, day: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const year = new Date(base).getUTCFullYear();
  const at = Date.UTC(year, month - 1, day);
  return at < base ? Date.UTC(year + 1, month - 1, day) : at;
}

/** Monday 1 … Sunday 7, of a UTC day. */
function weekdayOf(at: number): number {
  return ((new Date(at).getUTCDay() + 6) % 7) + 1;
}

function resolve(g: Record<string, string | undefined>, base: number): number | undefined {
  const now = new Date(base);
  if (g.md) return monthDay(base, Number(g.m), Number(g.d));
  if (g.nm) return Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, Number(g.nd));
  if (g.rel) return base + DAY_MS * { 今天: 0, 明天: 1, 后天: 2, 大后天: 3 }[g.rel as '今天'];
  if (g.enrel) return base + DAY_MS;
  if (g.entoday) return base;
  if (g.dd) {
    const day = Number(g.d2);
    if (day < 1 || day > 31) return undefined;
    const at = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), day);
    return at < base ? Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, day) : at;
  }
  if (g.en1 || g.en2) {
    const month = monthOfName(g.em ?? g.em2 ?? '');
    return monthDay(base, month, Number(g.ed ?? g.ed2));
  }
  if (g.wk || g.enwk) {
    const target = g.wk ? weekdayZh(g.wd ?? '') : WEEKDAY_EN.indexOf((g.ewd ?? '').toLowerCase()) + 1;
    if (!(target >= 1 && target <= 7)) return undefined;
    // 周六 is this week's Saturday, or next week's once it has passed; 下周六 is next week's.
    const thisWeek = base + DAY_MS * (target - weekdayOf(base));
    const weeksOn = g.wk ? (g.next?.length ?? 0) : g.ennext ? 1 : 0;
    if (weeksOn > 0) return thisWeek + DAY_MS * 7 * weeksOn;
    return thisWeek < base ? thisWeek + DAY_MS * 7 : thisWeek;
  }
  return undefined;
}
