import type { CallContext } from '../../call/call-agent.js';
import { recordsIn, responseFields } from '../../domain/response-fields.js';
import { DUPLICATE_RULE, LATE_CIRCUMSTANCE, WINDOW_RULE } from '../../permissions/index.js';
import { chargedTwice, nowOf } from './payment-in-question.js';

/**
 * A fact verified for a request: a state (a charge taken twice), or one that is `counted` (签收3天,
 * 距约定时间还有52小时, 保修期内), which is said only where a rule decides by it.
 */
export interface VerifiedQualifier {
  text: string;
  counted: boolean;
}

/**
 * What this call's query responses verified that a rule may depend on: whether a warranty date
 * is still ahead, how many days ago something was delivered, how long until a booking, and a
 * charge taken twice when the caller says so (`duplicateSaid`).
 */
export function verifiedQualifiers(
  ctx: CallContext,
  moneyBack = false,
  duplicateSaid = false,
): VerifiedQualifier[] {
  const lang = ctx.language;
  const rulesText = JSON.stringify(ctx.product.operator_permissions ?? {});
  const out: VerifiedQualifier[] = [];
  const said = (): string[] => out.map((q) => q.text);
  const today = nowOf(ctx).getTime();
  for (const q of [...ctx.systemQueries].reverse()) {
    if (!q.ok) continue;
    for (const [key, value] of responseFields(q.response)) {
      if (/warrant|保修|质保/i.test(key) && typeof value === 'string' && WARRANTY_RULE.test(rulesText)) {
        const until = Date.parse(value);
        if (Number.isFinite(until) && !said().some((o) => /保修|质保|warrant/i.test(o))) {
          const inside = until >= today;
          // In the rules' own word: 质保期内 where they say 质保.
          const word = /保修/.test(rulesText) ? '保修' : '质保';
          out.push({
            text:
              lang === 'zh'
                ? inside
                  ? `${word}期内`
                  : `${word}期外`
                : inside
                  ? 'under warranty'
                  : 'out of warranty',
            // Said only where it decides (保修期内维修), not before every request of the call.
            counted: true,
          });
        }
      }
      // refund_window_status: closed, where a rule turns on a window (inside the 30-day refund
      // window / after the window has closed): the state in the rules' words, as a warranty's.
      if (
        lang === 'en' &&
        /window/i.test(key) &&
        typeof value === 'string' &&
        WINDOW_RULE.test(rulesText) &&
        !said().some((o) => /\bwindow\b/.test(o))
      ) {
        const state = value.trim().toLowerCase();
        const open = /^(?:open|active|inside|within|yes|true)$/.test(state);
        if (open || /^(?:closed|expired|passed|outside|no|false)$/.test(state))
          out.push({
            text: open ? 'inside the refund window' : 'after the refund window has closed',
            counted: false,
          });
      }
      // A delivery date (delivered_at: 2026-11-20) says as much: the days since, by the call's
      // clock. Money given back is bounded by what was paid, not by a window: not for it.
      const days =
        /days_since|签收天数/i.test(key) && typeof value === 'number'
          ? value
          : !moneyBack &&
              DELIVERED_ON.test(key) &&
              typeof value === 'string' &&
              !NOT_DELIVERED.test(statuses(q))
            ? daysSince(value, today)
            : undefined;
      // Only where a rule counts days from receipt (签收7天内, within 30 days of delivery): a
      // game's top-up is "delivered" too (到账), and its rules count days from paying.
      if (days !== undefined && RECEIPT_WINDOW.test(rulesText)) {
        // In the rules' own word: 签收3天, 取衣2天 (取衣7天内免费返洗), picked up 2 days ago.
        const word = RECEIPT_WORD_ZH.exec(rulesText)?.[0] ?? '签收';
        const picked = /pick(?:ed)?[ -]?up|collect/i.test(rulesText);
        if (!said().some((o) => /签收|取衣|取件|取货|提货|delivered|picked up/.test(o))) {
          out.push({
            text:
              lang === 'zh'
                ? `${word}${days}天`
                : picked
                  ? `picked up ${days} day${days === 1 ? '' : 's'} ago`
                  : `delivered ${days} day${days === 1 ? '' : 's'} ago`,
            counted: true,
          });
        }
      }
    }
  }
  // 重复扣费, duplicate auto top-up: one charge the caller says was taken twice and the records
  // show twice, where a rule gives a duplicate back; in English named by the kind of charge the
  // record and the rules share.
  if (moneyBack && duplicateSaid && DUPLICATE_RULE.test(rulesText)) {
    const twice = chargedTwice(ctx);
    if (twice !== undefined) {
      // The rules' own name for a duplicate (a duplicate debit order, duplicate card charge) names
      // the rule that gives it back; else the kind of charge the record and the rules share.
      const own = lang === 'zh' ? undefined : DUPLICATE_NAMED_EN.exec(rulesText)?.[0].toLowerCase();
      const kind = lang === 'zh' || own !== undefined ? undefined : kindInRules(twice.text, rulesText);
      out.push({
        text:
          lang === 'zh'
            ? '重复扣费'
            : (own ?? (kind === undefined ? 'duplicate charge' : `duplicate ${kind}`)),
        counted: false,
      });
    }
  }
  // Refund billing errors …: a charge the records themselves mark as a billing error (October
  // charged at the old price - BILLING ERROR R70.00), where a rule gives billing errors back,
  // and no duplicate named it already.
  if (
    moneyBack &&
    lang === 'en' &&
    BILLING_ERROR_RULE.test(rulesText) &&
    !said().some((t) => /duplicate/i.test(t)) &&
    ctx.systemQueries.some((q) => q.ok && recordsIn(q.response).some(markedAnError))
  )
    out.push({ text: 'billing error', counted: false });
  // Refund … missed visits through our fault: a visit the records mark missed by the business
  // (MISSED - our fault), where a rule gives such visits back, named in the rule's own words.
  const missed = moneyBack && lang === 'en' ? MISSED_RULE.exec(rulesText) : null;
  if (
    missed !== null &&
    ctx.systemQueries.some(
      (q) => q.ok && recordsIn(q.response).some((r) => markedMissed(r, missed[2] !== undefined)),
    )
  )
    out.push({ text: missed[1]!.toLowerCase(), counted: false });
  // 技师超过承诺到达时间：免收上门费: how late the visit the call's queries found came (late_minutes
  // 56, or arrived_at after promised_arrival), where a rule turns on lateness.
  if (LATE_RULE.test(rulesText) && !said().some((o) => o.startsWith('超时') || o.includes(' late'))) {
    const minutes = minutesLate(ctx.systemQueries);
    if (minutes !== undefined)
      out.push({
        text: lang === 'zh' ? `超时${minutes}分钟` : `arrived ${minutes} minutes late`,
        counted: true,
      });
  }
  // 距约定时段开始还有24小时以上, at least 24 hours' notice: the hours until the booking the
  // call's queries found (delivery_date 2027-06-18 with time_window 09:00-12:00), by its clock.
  // Money given back is bounded by what was paid, not by notice: not for it.
  if (!moneyBack && NOTICE_RULE.test(rulesText)) {
    const hours = hoursUntilBooking(ctx.systemQueries, today);
    if (hours !== undefined)
      out.push({
        text: lang === 'zh' ? `距约定时间还有${hours}小时，` : `${hours} hours before the booking`,
        counted: true,
      });
  }
  return out;
}

/** A duplicate as English rules name it: a duplicate charge, duplicate card charge, a duplicate debit order. */
const DUPLICATE_NAMED_EN =
  /\bduplicate\s+(?:[a-z-]+\s+){0,2}?(?:charge|payment|debit order|debit|collection|transaction|top-?up)s?\b/i;

/** Rules that give a billing error back (Refund billing errors exactly as the records show …). */
const BILLING_ERROR_RULE = /\brefund\w*\s+(?:a\s+|any\s+)?billing errors?\b/i;
/** A record's words marking it an error of the business's (BILLING ERROR R70.00, charged in error). */
const ERROR_MARK = /\bbilling error\b|\b(?:charged|billed|taken|collected|debited) in error\b/i;

/** Whether a record holds an amount and says it was charged in error. */
function markedAnError(record: Record<string, unknown>): boolean {
  const values = Object.values(record);
  return (
    values.some((v) => typeof v === 'number' && v > 0) &&
    values.some((v) => typeof v === 'string' && ERROR_MARK.test(v))
  );
}

/** A refund rule's case of something the business missed (missed visits through our fault). */
const MISSED_RULE =
  /\brefund\w*\b[^.;"]*?\b(missed\s+(?:[a-z-]+\s+)?(?:visits?|collections?|sessions?|lessons?|appointments?|deliver(?:y|ies)|services?|cleans?)(\s+(?:through|by)\s+(?:our|the company's)\s+fault|\s+by\s+us)?)/i;

/** Whether a record says it was missed, by the business where `byUs` (MISSED - our fault). */
function markedMissed(record: Record<string, unknown>, byUs: boolean): boolean {
  return Object.values(record).some(
    (v) => typeof v === 'string' && /\bmissed\b/i.test(v) && (!byUs || /\bour fault\b|\bby us\b/i.test(v)),
  );
}

/** Rules that turn on a warranty (保修期内, 质保期内, under warranty). */
const WARRANTY_RULE = /保修|质保|warrant/i;

/** Rules that turn on someone arriving later than promised (超过承诺到达时间, 迟到, arrives late). */
const LATE_RULE = new RegExp(
  `${LATE_CIRCUMSTANCE.source}|\\b(?:arriv\\w*|turn\\w* up|came|comes?) (?:more than \\d+ \\w+ )?late\\b`,
  'i',
);

/** A field of how late someone came, in minutes (late_minutes, delay_minutes, 超时分钟). */
const LATE_MINUTES =
  /^(?:late|lateness|delay(?:ed)?|minutes_late|超时|迟到)(?:_?(?:minutes|mins|by))?(?:分钟)?$|^(?:超时|迟到)分钟数?$/i;
/** A field of the time someone promised to arrive (promised_arrival, eta, 承诺到达时间). */
const PROMISED_AT = /promis|^eta$|expected_arriv|scheduled_arriv|承诺|预计到达/i;
/** A field of the time someone actually arrived (arrived_at, actual_arrival, 实际到达). */
const ARRIVED_AT =
  /^(?:arrived(?:_at|_time)?|actual_arriv\w*|arrival_time|到达时间|实际到达(?:时间)?|到场时间)$/i;

/**
 * Minutes the latest visit the responses show came after the time promised: its own count
 * (late_minutes) or the times it holds (promised_arrival 23:53, arrived_at 00:49). Undefined when
 * none came late.
 */
function minutesLate(queries: CallContext['systemQueries']): number | undefined {
  for (const q of [...queries].reverse()) {
    if (!q.ok) continue;
    for (const record of recordsIn(q.response)) {
      let promised: number | undefined;
      let arrived: number | undefined;
      for (const [key, v] of Object.entries(record)) {
        if (typeof v === 'number' && LATE_MINUTES.test(key)) {
          if (v > 0) return Math.round(v);
          continue;
        }
        if (typeof v !== 'string') continue;
        const at = Date.parse(v.replace(' ', 'T'));
        if (!Number.isFinite(at)) continue;
        if (PROMISED_AT.test(key)) promised ??= at;
        else if (ARRIVED_AT.test(key)) arrived ??= at;
      }
      if (promised !== undefined && arrived !== undefined && arrived > promised)
        return Math.round((arrived - promised) / 60_000);
    }
  }
  return undefined;
}

/**
 * The longest run of one to three words of a charge's text (Auto top-up, Visa …3318, loaded) that
 * the rules say too: auto top-up. Undefined when they share none of four letters or more.
 */
function kindInRules(text: string, rulesText: string): string | undefined {
  const rules = rulesText.toLowerCase();
  const words = text
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => /^[a-z][a-z-]*$/.test(w));
  for (let n = 3; n >= 1; n--)
    for (let i = 0; i + n <= words.length; i++) {
      const run = words.slice(i, i + n).join(' ');
      if (run.length >= 4 && new RegExp(`\\b${run}\\b`).test(rules)) return run;
    }
  return undefined;
}

/**
 * Rules that need notice before a booking: 距约定时段开始还有24小时以上, 距预约时间>=24小时, 提前24小时,
 * 服务前24小时以上, 24 hours' notice.
 */
const NOTICE_RULE =
  /距[^，,。；;]{0,10}?(?:还有|[<>]=?|≥|≤|不足|不到)?\s*\d+\s*个?(?:小时|天)|(?:提前|前)\s*\d+\s*个?(?:小时|天)|\b\d+\s*(?:hours?|days?)['’]?\s*(?:notice|before|ahead|in advance|prior)\b/i;

/** A field holding the day something is booked for (delivery_date, appointment_date, 预约日期). */
const BOOKED_ON =
  /^(?:(?:delivery|appointment|visit|pickup|pick_up|service|install(?:ation)?|booking|scheduled|slot)_?(?:date|day|on|at|time)?|date|scheduled_for|booked_for|预约(?:日期|时间)|约定(?:日期|时间)|送装日期|上门日期)$/i;
/** The start of a time of day in a field (09:00-12:00, 14:00, 上午). */
const STARTS_AT = /^(\d{1,2}):(\d{2})/;
const HALF_DAY: Record<string, number> = { 上午: 9, 早上: 8, 中午: 12, 下午: 14, 晚上: 19 };

/**
 * Whole hours from the clock to the soonest booking ahead in the responses: a record's date
 * (2027-06-18, or 2027-06-18 09:00) with its own time of day when it holds one (time_window
 * 09:00-12:00; start of the day otherwise). Undefined when no booking lies ahead.
 */
function hoursUntilBooking(queries: CallContext['systemQueries'], now: number): number | undefined {
  let soonest: number | undefined;
  for (const q of queries) {
    if (!q.ok) continue;
    for (const record of recordsIn(q.response)) {
      let day: string | undefined;
      let time: string | undefined;
      for (const [key, v] of Object.entries(record)) {
        if (typeof v !== 'string') continue;
        const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}:\d{2}))?/.exec(v);
        if (m && BOOKED_ON.test(key) && day === undefined) {
          day = m[1];
          time ??= m[2];
        } else if (/window|slot|time|start|时段|开始/i.test(key) && time === undefined) {
          const t = STARTS_AT.exec(v);
          const half = Object.keys(HALF_DAY).find((h) => v.startsWith(h));
          if (t) time = `${t[1]!.padStart(2, '0')}:${t[2]}`;
          else if (half) time = `${String(HALF_DAY[half]).padStart(2, '0')}:00`;
        }
      }
      if (day === undefined) continue;
      const at = Date.parse(`${day}T${time ?? '00:00'}:00`);
      if (Number.isFinite(at) && at > now && (soonest === undefined || at < soonest)) soonest = at;
    }
  }
  return soonest === undefined ? undefined : Math.floor((soonest - now) / 3_600_000);
}

/** A delivery planned and not made (未上门, 已排期, scheduled): its date is no day of receipt. */
const NOT_DELIVERED =
  /未上门|未送达|未签收|待配送|待排送|已排期|配送中|在途|爽约|\b(?:not delivered|scheduled|pending|out for delivery|missed|no[- ]show)\b/i;

/** The status words of a response, for NOT_DELIVERED. */
function statuses(q: CallContext['systemQueries'][number]): string {
  return responseFields(q.response)
    .filter(([key, value]) => /status|state|状态/i.test(key) && typeof value === 'string')
    .map(([, value]) => value)
    .join(' ');
}

/** Rules that count days from receipt: 签收7天内, 收货后15天, 7 days of delivery, received. */
const RECEIPT_WINDOW =
  /签收|收货|收到货|到货|取衣|取件|取货|提货|deliver|receiv|arriv|pick(?:ed)?[ -]?up|collect/i;
/** The word a rule counts days from, said back in a qualifier. */
const RECEIPT_WORD_ZH = /签收|取衣|取件|取货|提货/;

/** A field holding the day something was delivered, signed for or picked up (delivered_at, delivery_date, picked_up_on, 签收时间). */
const DELIVERED_ON =
  /^(?:delivered(?:_at|_on|_date)?|delivery_date|signed_at|picked_up(?:_at|_on|_date)?|collected(?:_at|_on)?|签收(?:时间|日期)|取衣日期?|实际取衣日|取件日期)$/i;

/**
 * Calendar days from a record's date (2026-11-20, or 2031-04-16 09:42) to the clock's day;
 * undefined for no date or one ahead. By day, not by hour: a record's time of day is the
 * business's local time, which the clock's zone need not be (delivered at 09:42 this morning
 * is 0 days, on any machine).
 */
function daysSince(date: string, today: number): number | undefined {
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!day) return undefined;
  const at = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
  const now = new Date(today);
  const clockDay = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  if (!Number.isFinite(at) || at > clockDay) return undefined;
  return Math.round((clockDay - at) / 86_400_000);
}
