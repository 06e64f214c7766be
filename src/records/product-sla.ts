import { hasCjk, type Language } from '../domain/language.js';
import { parseNumber } from '../permissions/index.js';

/**
 * The one reading of a product's `sla` text: the permission block, the agent's words and any due
 * time all come from here, so "经理4小时内回复" is 4 hours everywhere.
 */

/** The units an SLA promise is made in. */
export type TimeUnit = 'minute' | 'hour' | 'day' | 'workday';
/**
 * A promised time: "2小时" is { value: 2, unit: 'hour' }. A deadline the SLA states rather than a
 * count ("by 17:00 the next working day", 当天18:00前) keeps its own words in `by`, counted as one
 * business day (or one day, for the same day) for due times.
 */
export interface Span {
  value: number;
  unit: TimeUnit;
  by?: string;
}

/**
 * What a promise is about: a supervisor's answer, a formal process (a ticket's resolution), or
 * the first response to a ticket (报修2小时内响应, fault reports answered within 2 hours).
 */
export type SlaKind = 'supervisor' | 'process' | 'response';

const DEFAULTS: Record<SlaKind, Span> = {
  supervisor: { value: 2, unit: 'hour' },
  process: { value: 48, unit: 'hour' },
  // A business day's worth; a ticket's clocks cap it at the resolution time (src/approvals/ticket.ts).
  response: { value: 24, unit: 'hour' },
};

const KEYWORDS: Record<SlaKind, RegExp> = {
  supervisor: /主管|审批|上级|经理|领导|supervisor|manager|approv|escalat/i,
  process:
    /工单|投诉|流程|申请|受理|调查|理赔|鉴定|核查|ticket|complaint|process|claim|case|investigat|inquir/i,
  // 电话即时响应 names no time, so it never sets a ticket's first response.
  response: /响应|回应|首次|首响|联系客户|respond|response|answered|first (?:reply|contact)/i,
};

/**
 * The kinds whose naming keeps an sla's lone time from counting for a kind: the first two only
 * for the supervisor and the process, whose reading predates the response kind and must not move.
 */
const NAMED_KINDS: Record<SlaKind, readonly SlaKind[]> = {
  supervisor: ['supervisor', 'process'],
  process: ['supervisor', 'process'],
  response: ['supervisor', 'process', 'response'],
};

const TIME =
  /(\d+(?:\.\d+)?|[零一二两三四五六七八九十百]+)\s*(?:个)?\s*(小时|钟头|分钟|个?工作日|天|日|hours?|hrs?|minutes?|mins?|business days?|working days?|days?)/i;

function unitOf(word: string): TimeUnit {
  const w = word.toLowerCase();
  if (/工作日|business|working/.test(w)) return 'workday';
  if (/小时|钟头|^h/.test(w)) return 'hour';
  if (/分钟|^m/.test(w)) return 'minute';
  return 'day';
}

/** The same day by a time of day: 主管审批当天18:00前回电, by 5pm the same day. */
const SAME_DAY =
  /(?:当天|当日)(?:\d{1,2}[:：]\d{2}|\d{1,2}点半?|下班)前|\b(?:by|before)\s+(?:\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?|close of business)\s+(?:on\s+)?(?:the\s+same\s+(?:working\s+|business\s+)?day|today)\b|\b(?:on\s+)?the\s+same\s+(?:working|business)\s+day\b/i;

/** The next business day, with or without a time of day: by 17:00 the next working day, 次日17:00前. */
const NEXT_WORKDAY =
  /\b(?:(?:by|before)\s+(?:\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?|noon|midday|close of business|the end of|end of)\s+(?:on\s+)?(?:the\s+)?(?:next|following)\s+(?:working|business)\s+day|(?:by|within|on)\s+(?:the\s+)?(?:next|following)\s+(?:working|business)\s+day|(?:the\s+)?next\s+(?:working|business)\s+day)\b|(?:次日|第二天|下一?个?工作日)(?:\d{1,2}[:：]\d{2}|\d{1,2}点半?|中午|下班)?(?:前|之前|以前|内)?/i;

function timeIn(text: string): Span | undefined {
  const m = TIME.exec(text);
  if (!m) {
    // Of a same-day deadline and a next-day one (当天17:00前回电（17:00后来电的次日中午前）), the first.
    const sameDay = SAME_DAY.exec(text);
    const nextDay = NEXT_WORKDAY.exec(text);
    if (sameDay && (!nextDay || sameDay.index <= nextDay.index))
      return { value: 1, unit: 'day', by: sameDay[0] };
    return nextDay ? { value: 1, unit: 'workday', by: nextDay[0] } : undefined;
  }
  const value = parseNumber(m[1]!);
  return value === undefined ? undefined : { value, unit: unitOf(m[2]!) };
}

/** Whether a clause of an sla promises a time (回电2小时内, by 17:00 the next working day). */
export function promisesTime(clause: string): boolean {
  return timeIn(clause) !== undefined;
}

/**
 * The promised time for a supervisor's answer, a formal process or a ticket's first response,
 * read from the product's sla ("电话即时响应；主管审批2小时内回复；投诉工单48小时内处理" -> 2 hours /
 * 48 hours / the response default). An sla that names no kind at all ("24小时") counts for every
 * kind; otherwise the default applies.
 */
export function slaTime(sla: string | undefined, kind: SlaKind): Span {
  if (!sla) return DEFAULTS[kind];
  const segments = sla.split(/[；;，,。\n]|\.(?!\d)/);
  for (const seg of segments) {
    if (!KEYWORDS[kind].test(seg)) continue;
    const t = timeIn(seg);
    if (t) return t;
  }
  const namesAnyKind = segments.some((s) => NAMED_KINDS[kind].some((k) => KEYWORDS[k].test(s)));
  return (!namesAnyKind && timeIn(sla)) || DEFAULTS[kind];
}

/** "2小时" or "2 hours", in the call's language. */
export function formatSpan(span: Span, lang: Language): string {
  const v = span.value;
  if (lang === 'zh') {
    return `${v}${{ minute: '分钟', hour: '小时', day: '天', workday: '个工作日' }[span.unit]}`;
  }
  const word = { minute: 'minute', hour: 'hour', day: 'day', workday: 'business day' }[span.unit];
  return `${v} ${word}${v === 1 ? '' : 's'}`;
}

/**
 * The promise as it is said: "2小时内", "within 2 hours", or the SLA's own deadline in its language
 * ("by 17:00 the next working day"); in the other language, the count it stands for.
 */
export function formatPromise(span: Span, lang: Language): string {
  if (span.by !== undefined && hasCjk(span.by) === (lang === 'zh')) {
    // 次日17:00 is a deadline (次日17:00前); 次日 and 当天17:00前 are said as written.
    if (lang === 'zh') return /(?:\d|点半?|中午|下班)$/.test(span.by) ? `${span.by}前` : span.by;
    return /^(?:by|before|within|on)\b/i.test(span.by) ? span.by : `by ${span.by}`;
  }
  return lang === 'zh' ? `${formatSpan(span, lang)}内` : `within ${formatSpan(span, lang)}`;
}

/**
 * The time a supervisor or a process takes, as it is promised, read from the product's SLA text
 * ("主管审批2小时内回复" -> "2小时内", "Supervisors call back by 17:00 the next working day" -> "by
 * 17:00 the next working day"): what the agent, the permission block and the MCP prompt all say.
 */
export function slaPromise(sla: string | undefined, kind: 'supervisor' | 'process', lang: Language): string {
  return formatPromise(slaTime(sla, kind), lang);
}

const MS: Record<TimeUnit, number> = {
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  workday: 86_400_000,
};

/**
 * When a promise made at `from` falls due. Business days skip Saturdays and Sundays (in UTC,
 * the clock the stores keep); minutes, hours and days are elapsed time.
 */
export function dueAt(span: Span, from: Date): Date {
  if (span.unit !== 'workday') return new Date(from.getTime() + span.value * MS[span.unit]);
  const due = new Date(from.getTime());
  let left = Math.ceil(span.value);
  while (left > 0) {
    due.setUTCDate(due.getUTCDate() + 1);
    const day = due.getUTCDay();
    if (day !== 0 && day !== 6) left--;
  }
  return due;
}
