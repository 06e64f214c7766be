/**
 * Which of the payments this call verified the caller means (a period, an amount, a day, the
 * words of an item), what is already given back, and how money is said: the facts a refund or a
 * double-charge complaint rests on.
 */

import type { CallContext } from '../../call/call-agent.js';
import { newestFirst, type PaidItem, verifiedPaid } from '../../call/verified-charges.js';
import { monthOfName } from '../../domain/day-moved-to.js';
import { HELD_MONEY } from '../../domain/held-money.js';
import { hasCjk, type Language } from '../../domain/language.js';
import { type Product, readFaqEntry } from '../../domain/record-schemas.js';
import { responseFields } from '../../domain/response-fields.js';
import { productNameWords, tokenize } from '../../knowledge/index.js';
import {
  type ActionRequest,
  CURRENCY_WORDS,
  type Currency,
  isMoneyUnit,
  parseNumber,
  parseQuantities,
  type Quantity,
} from '../../permissions/index.js';
import { callerLines, callerWords } from './caller-words.js';
import { dayNamed } from './days-said.js';
import { refundDue } from './money-due.js';
import type { Understanding } from './understand-utterance.js';
import { DUPLICATE_CHARGE } from './understand-utterance.js';

/** The first ISO date (2026-11-20) in a record's text. */
function dateIn(text: string): { year: number; month: number; day: number } | undefined {
  const m = /(\d{4})-(\d{2})-(\d{2})/.exec(text);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : undefined;
}

/** The call's time now (its clock: fixed in tests), the system's without one. */
export function nowOf(ctx: CallContext): Date {
  return ctx.now?.() ?? new Date();
}

/**
 * The month (and day) of a charge a caller points at: 这个月 / 本月 / this month, 上个月 / last
 * month, 11月, 11月20号, Nov 20, read against the call's clock.
 */
function periodNamed(ctx: CallContext, text: string): { month: number; day?: number } | undefined {
  const day = dayNamed(text);
  if (day?.month !== undefined) return { month: day.month, day: day.day };
  const month = nowOf(ctx).getMonth() + 1;
  if (/这个月|本月|这月|当月|this month/i.test(text)) return { month };
  if (/上个月|上月|last month/i.test(text)) return { month: month === 1 ? 12 : month - 1 };
  const named = /(\d{1,2})月(?!\d)/.exec(text);
  if (named && Number(named[1]) >= 1 && Number(named[1]) <= 12) return { month: Number(named[1]) };
  const english =
    /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?:uary|ruary|ch|il|e|y|ust|tember|ober|ember)?\b/i.exec(
      text,
    );
  if (english) return { month: monthOfName(english[1] as string) };
  return undefined;
}

/** A record's day as said to the caller: 12月21日, 2035-12-21. */
function spokenDay(on: { year: number; month: number; day: number }, lang: Language): string {
  return lang === 'zh'
    ? `${on.month}月${on.day}日`
    : `${on.year}-${String(on.month).padStart(2, '0')}-${String(on.day).padStart(2, '0')}`;
}

/** Whether a paid item's date falls in a period the caller named. */
function inPeriod(item: { text: string }, period: { month: number; day?: number }): boolean {
  const on = dateIn(item.text);
  return on !== undefined && on.month === period.month && (period.day === undefined || on.day === period.day);
}

/**
 * Money asked back for a charge that was already given back (这个月扣的钱能退吗, asked again after
 * the refund): the records show the charge of the period the caller names only among the refunded
 * ones. The caller hears so; nothing is given back twice.
 */
export function alreadyRefunded(ctx: CallContext, utterance: string): string | undefined {
  const period = periodNamed(ctx, utterance);
  if (!period) return undefined;
  const { items, refunded } = verifiedPaid(ctx.systemQueries);
  if (items.some((i) => inPeriod(i, period))) return undefined;
  const gone = refunded.filter((i) => inPeriod(i, period));
  if (gone.length === 0) return undefined;
  const unit = currencyOf(ctx.product);
  const what = gone.map((i) => {
    const on = spokenDay(dateIn(i.text)!, ctx.language);
    const amount = money(i.value, ctx.language, unit);
    return ctx.language === 'zh' ? `${on}那笔${amount}` : `the ${amount} charge of ${on}`;
  });
  return ctx.language === 'zh'
    ? `我查了一下，${what.join('、')}已经退过款了，不用再退一次。`
    : `I checked: ${what.join(' and ')} was already refunded, so there is nothing to refund again.`;
}

/**
 * A charge said taken twice whose second taking was already given back (扣了两回…到现在都没给我退,
 * asked after the refund): the records show a charge of that amount kept and one of it refunded.
 * The caller hears so; nothing is given back twice.
 */
export function duplicateRefunded(ctx: CallContext): string | undefined {
  const { items, refunded, fromRecords } = verifiedPaid(ctx.systemQueries);
  if (!fromRecords) return undefined;
  const back = refunded.find((r) => items.some((i) => i.value === r.value));
  if (back === undefined) return undefined;
  const amount = money(back.value, ctx.language, currencyOf(ctx.product));
  // The date is the second taking's, not the refund's.
  const on = dateIn(back.text);
  const when = on === undefined ? '' : spokenDay(on, ctx.language);
  return ctx.language === 'zh'
    ? `我查了一下，${when}重复扣的那笔${amount}已经退过款了，不用再退一次。`
    : `I checked: the second charge of ${amount}${when === '' ? '' : ` on ${when}`} was already refunded, so there is nothing to refund again.`;
}

/** Words that point at one of several things just listed. */
export const POINTING =
  /那笔|这笔|那个|这个|那一|这一|第[一二三四五12345]|上个月|这个月|最近|最早|最后|\bthe (?:one|first|second|third|last|latest|earlier|later|bigger|smaller)\b|\bthat one\b/i;

export function whichPayment(lang: Language): string {
  return lang === 'zh'
    ? '您想退的是哪一笔呢？告诉我日期或金额，我帮您看能不能直接办理。'
    : 'Which one would you like back? Tell me the date or the amount and I’ll see whether I can do it right away.';
}

/**
 * What is left of something paid for (剩下的钱, 没用完的, the rest of it, the unused months): money
 * back for the part not used, worked out from the plan, not one payment to pick.
 */
const WHAT_IS_LEFT =
  /剩下的|剩余的|没用完|没用的|没用上|用不上的|余下的|\bthe rest\b|\bunused\b|\bremaining\b|\bwhat'?s left\b/i;

/**
 * A deposit asked back (定金你全给我退了) while the call's queries read one (deposit_yuan, 押金): what
 * is given back is that deposit, with no payment list to choose from.
 */
export function depositAskedBack(ctx: CallContext, line: string): boolean {
  return (
    HELD_MONEY.test(line) &&
    ctx.systemQueries.some(
      (q) =>
        q.ok &&
        responseFields(q.response).some(
          ([key, value]) => DEPOSIT_KEY.test(key) && typeof value === 'number' && value > 0,
        ),
    )
  );
}
const DEPOSIT_KEY = /deposit|押金|定金|订金|保证金/i;

/** A booking or an order cancelled in the same line as the money asked back. */
const CANCELLED_TOO = /\bcancel(?:l?ing|l?ed|s)?\b|取消|退订/i;

/** A refund without an amount while the payments this call read leave more than one it could be. */
export function whichPaymentUnclear(
  ctx: CallContext,
  request: ActionRequest,
  u: Understanding,
  /** The caller's whole line, when the request is one clause of it (定金我交了八千，你全给我退了). */
  line = request.text,
): boolean {
  const refund =
    request.concept === 'refund' || (request.concept === '' && MONEY_BACK_WORDS.test(request.text));
  if (!refund || request.quantity || u.quantities.some((q) => q.family === 'money')) return false;
  if (WHAT_IS_LEFT.test(request.text)) return false;
  if (depositAskedBack(ctx, line)) return false;
  // Can I cancel and get my money back?: what the booking cost, all of it, not one of its payments.
  if (CANCELLED_TOO.test(line)) return false;
  // It went out twice … just stick it back on the card: the charge taken twice, which the call read.
  if (
    ctx.conversation.some((t) => t.role === 'customer' && DUPLICATE_CHARGE.test(t.content)) &&
    chargedTwice(ctx) !== undefined
  )
    return false;
  if (verifiedCharge(ctx, request.text) !== undefined) return false;
  // I want me money back, every penny, of a notice the records show printed wrong: the one sum
  // they work out as owed is the one meant, whatever else was paid. Asked first: money back asked
  // again after a decision (先退三百，剩下的慢慢来) is the earlier request's, not a new one.
  if (
    refundDue(ctx, line) !== undefined &&
    !ctx.permissionChecks.some((c) => MONEY_BACK_CHECKED.test(`${c.action} ${c.label ?? ''}`))
  )
    return false;
  return new Set(verifiedPaid(ctx.systemQueries).items.map((i) => i.value)).size >= 2;
}

/**
 * The charge lists this call read hold charges, and no two of them could be one charge taken
 * twice: the same amount within a week (a monthly fee of the same amount is not a duplicate).
 */
export function duplicateUnseen(ctx: CallContext): boolean {
  const { items, fromRecords } = verifiedPaid(ctx.systemQueries);
  if (!fromRecords || items.length === 0) return false;
  return twiceIn(items) === undefined;
}

/**
 * A charge the lists this call read hold twice: the same amount within a week (see
 * `duplicateUnseen`), the later of the two; undefined when none is.
 */
export function chargedTwice(ctx: CallContext): PaidItem | undefined {
  const { items, fromRecords } = verifiedPaid(ctx.systemQueries);
  return fromRecords ? twiceIn(items) : undefined;
}

/** The later of two charges of one amount within a week, of those given. */
function twiceIn(items: readonly PaidItem[]): PaidItem | undefined {
  const dayOf = (text: string) => {
    const on = dateIn(text);
    return on ? Date.UTC(on.year, on.month - 1, on.day) / 86_400_000 : undefined;
  };
  const charges = items.map((i) => ({ item: i, value: i.value, day: dayOf(i.text) }));
  for (const [i, a] of charges.entries()) {
    const twin = charges
      .slice(i + 1)
      .find(
        (b) =>
          b.value === a.value && (a.day === undefined || b.day === undefined || Math.abs(a.day - b.day) <= 7),
      );
    if (twin) return twin.item;
  }
  return undefined;
}

export function noDuplicateSeen(ctx: CallContext): string {
  const { items } = verifiedPaid(ctx.systemQueries);
  const unit = currencyOf(ctx.product);
  const one = items.length === 1 ? money(items[0]!.value, ctx.language, unit) : undefined;
  if (ctx.language === 'zh') {
    return `${one ? `记录里这段时间只有一笔${one}的扣款，没有看到重复扣费` : '记录里没有看到同一笔费用扣了两次'}。您方便说下另一笔是哪天、在哪个渠道扣的吗？我核实到了再帮您处理。`;
  }
  return `${one ? `The records show one charge of ${one} in that period, so I can't see a double charge` : 'The records show no charge taken twice'}. When and where was the other one taken? Once I can verify it, I'll sort it out.`;
}

const currencies = new WeakMap<Product, Currency>();

/**
 * The currency of a product's amounts, as its own text writes them (read once per product):
 * the money its rules name (refund up to £50), else its features, FAQ or description; a product
 * that names no amount of money is in yuan when its name is Chinese, else in dollars.
 *
 * @example currencyOf(product) // 'EUR' when its rules say "refund <= €30", whatever its name
 */
export function currencyOf(product: Product): Currency {
  let currency = currencies.get(product);
  if (currency === undefined) {
    currency = currencyWritten(product) ?? (hasCjk(String(product.name)) ? 'CNY' : 'USD');
    currencies.set(product, currency);
  }
  return currency;
}

/** The currency most amounts of the first of the product's texts that names money are in. */
function currencyWritten(product: Product): Currency | undefined {
  const strings = (list: unknown): string[] =>
    Array.isArray(list) ? list.filter((t): t is string => typeof t === 'string') : [];
  const rules = Object.values(product.operator_permissions ?? {}).flatMap(strings);
  // An entry written as plain text is its own question and answer: read once.
  const faq = (Array.isArray(product.faq) ? product.faq : []).flatMap((e) => {
    const entry = readFaqEntry(e);
    if (!entry) return [];
    return entry.question === entry.answer ? [entry.question] : [entry.question, entry.answer];
  });
  const sources = [rules, strings(product.features), faq, strings([product.description])];
  for (const texts of sources) {
    const counts = new Map<Currency, number>();
    for (const text of texts)
      for (const q of parseQuantities(text))
        if (q.family === 'money') counts.set(q.unit as Currency, (counts.get(q.unit as Currency) ?? 0) + 1);
    // The most amounts decide; between as many, the currency written first.
    let best: Currency | undefined;
    for (const [c, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = c;
    if (best !== undefined) return best;
  }
  return undefined;
}

/**
 * An amount of money as a caller hears it: $42, £42, €42, R42 (42美元, 42英镑, 42欧元 in Chinese
 * but dollars, which keep their sign), 42元 or 42 yuan.
 */
export function money(value: number, lang: Language, currency: Currency): string {
  const v = Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/\.?0+$/, '');
  // Dollars keep their sign in Chinese too; yuan are said as a word in English.
  if (currency === 'USD') return `$${v}`;
  return inCurrency(v, lang, currency);
}

/** An amount written in a currency (CURRENCY_WORDS): 30英镑 / £30, and yuan as a word in English. */
function inCurrency(amount: string, lang: Language, currency: Currency): string {
  if (lang === 'zh') return `${amount}${CURRENCY_WORDS[currency].zh}`;
  return currency === 'CNY' ? `${amount} yuan` : `${CURRENCY_WORDS[currency].sign}${amount}`;
}

/**
 * An action with its amount of money, as the permission engine reads it: 退款30元 / refund 30 yuan,
 * 退款30美元 / refund $30, 退款30英镑 / refund £30, 退款30欧元 / refund €30. A unit that is no
 * currency is read as yuan.
 */
export function actionWithMoney(
  phrase: string,
  amount: string,
  lang: Language,
  unit: Quantity['unit'],
): string {
  const currency = isMoneyUnit(unit) ? unit : 'CNY';
  return `${phrase}${lang === 'zh' ? '' : ' '}${inCurrency(amount, lang, currency)}`;
}

/** A check this call made of money back, by its words or its label (退款540元, refunding £14.50). */
const MONEY_BACK_CHECKED = /退|\brefund|\bcredit|\bmoney back\b/i;

/**
 * Money asked back in words the lexicon has no name for; money must be named (not "get it back"),
 * and back is the money's way (not the back seat).
 */
export const MONEY_BACK_WORDS =
  /退钱|退款|钱[^，。]{0,4}退|退[^，。]{0,3}回来|\brefund\b|\b(?:money|difference|bucks|dollars|pounds|quid|euros|cents?|pence|charge|fare)\b[^。]{0,45}\bback\b(?!\s+(?:bumper|seat|door|window|wheel|tyre|tire|row|end|yard|room|office|entrance|of\b))|\bback\b[^。]{0,25}\b(?:money|difference|bucks|dollars|pounds|quid|euros)\b/i;

/**
 * The amount paid that the call is about: the one charge or order amount this call's queries
 * returned whose item shares words with what the caller said, else the only one there is.
 */
export function verifiedCharge(ctx: CallContext, asked: string): number | undefined {
  const said = callerWords(ctx);
  // "you still tacked on a delivery fee, can I get that back": a fee the caller names, found as
  // a field of that name in what the queries returned (delivery_fee beside an order's total).
  const fee = feeNamed(ctx, said);
  if (fee !== undefined) return fee;
  // 差价/多收的/the difference: what was charged over what was quoted.
  const paid = verifiedPaid(ctx.systemQueries);
  // Without a quote to be over, what was charged too much (多扣的那笔, a charge taken twice) is a
  // whole charge.
  const difference =
    /差价|差额|多收|多扣|difference|overcharge/i.test(asked) && paid.items.some((i) => i.over !== undefined);
  const found: Array<{ value: number; words: number; text: string }> = [];
  // The product's name says what every item is about (a car rental's charges): only the other
  // words the caller shares with an item tell which one.
  const general = productNameWords(ctx.product);
  const shared = (item: PaidItem): number =>
    tokenize(item.text).filter((t) => said.has(t) && !general.has(t)).length;
  for (const item of paid.items) {
    // Asked for the difference, only what was charged over a quote is a candidate.
    if (difference && item.over === undefined) continue;
    const value = difference && item.over !== undefined ? item.over : item.value;
    found.push({ value, words: shared(item), text: item.text });
  }
  if (found.length === 0) return undefined;
  // A period the caller names (这个月扣的, last month's): only the charges of that period.
  const period = periodNamed(ctx, asked);
  if (period) {
    const within = found.filter((f) => inPeriod(f, period));
    if (within.length > 0) found.splice(0, found.length, ...within);
  }
  // All of it back / 这三个月的都退给我: the sum of the charges meant, the most recent N of them
  // when the caller counts them. Only charges of a list of records add up: amounts found anywhere
  // in a response (an item and its bill's total) may be one payment said twice.
  const all = allOf(ctx.conversation.at(-1)?.content ?? asked);
  if (all && paid.fromRecords) {
    const charges = newestFirst(found);
    const meant =
      all.count !== undefined && all.count <= charges.length ? charges.slice(0, all.count) : charges;
    if (meant.length > 1) return Math.round(meant.reduce((sum, f) => sum + f.value, 0) * 100) / 100;
  }
  // An amount the caller named (话费多了十五块) picks its charge; else the item sharing most words.
  // This line's amounts and the day it names come before an earlier line's (押金五百块 of the
  // deposit, then 这个月五号又扣了我钱…退一百五: the charge of the 5th).
  const amountsIn = (lines: readonly string[]) =>
    new Set(
      lines.flatMap((line) =>
        parseQuantities(line)
          .filter((q) => q.family === 'money')
          .map((q) => q.value),
      ),
    );
  const callerSaid = callerLines(ctx);
  const echoedIn = (named: ReadonlySet<number>) => [
    ...new Set(found.map((f) => f.value).filter((v) => named.has(v))),
  ];
  const echoedNow = echoedIn(amountsIn(callerSaid.slice(-1)));
  if (echoedNow.length === 1) return echoedNow[0];
  const echoed = echoedIn(amountsIn(callerSaid));
  if (echoed.length === 1 && dayNamed(ctx.conversation.at(-1)?.content ?? '') === undefined) return echoed[0];
  // A bare number that is one of the amounts (退25那笔), not part of a date or a time.
  const bare = new Set(
    [
      ...(ctx.conversation.at(-1)?.content ?? '').matchAll(
        /(?<![\d.\-/月:])(\d+(?:\.\d+)?)(?![\d.\-/月日号年点:])/g,
      ),
    ].map((m) => Number(m[1])),
  );
  const pointed = [...new Set(found.map((f) => f.value).filter((v) => bare.has(v)))];
  if (pointed.length === 1) return pointed[0];
  // A day the caller names (11月20号那笔, the one on the 14th): the payment of that date.
  const day = dayNamed(ctx.conversation.at(-1)?.content ?? '');
  if (day) {
    const dated = [
      ...new Set(
        found
          .filter((f) => {
            const on = dateIn(f.text);
            return on && on.day === day.day && (day.month === undefined || on.month === day.month);
          })
          .map((f) => f.value),
      ),
    ];
    if (dated.length === 1) return dated[0];
  }
  const best = Math.max(...found.map((f) => f.words));
  const candidates = [...new Set(found.filter((f) => f.words === best).map((f) => f.value))];
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** Words asking for every charge back, not one of them (or for several: the last three months). */
const ALL_OF_IT =
  /全部|全都|都退|所有|统统|一起退|都给我退|(?:最近|近|前|过去|这)(?:[两二三四五六七八九十]|[0-9]+)个?月|\b(?:last|past|previous) (?:two|three|four|five|six|[0-9]+) (?:months|charges|payments|bills)\b|\ball (?:of )?(?:it|them|that|those|these)\b|\ball\b[^.,;!?]{0,25}\b(?:months|charges|payments|fees)\b|\bevery (?:charge|payment|month)\b|\beverything\b|\bthe whole (?:amount|lot)\b/i;

/** How many charges or months a line counts (三个月, 3笔, three months). */
const COUNTED =
  /([0-9]+|[一二两三四五六七八九十]+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s*(?:个)?(?:月|笔|期|次)|\b([0-9]+|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?:months?|charges|payments)\b/i;

/** Whether a line asks for all of the charges back, and how many it counts when it does. */
export function allOf(line: string): { count?: number } | undefined {
  if (!ALL_OF_IT.test(line)) return undefined;
  const m = COUNTED.exec(line);
  const count = m ? parseNumber(m[1] ?? m[2] ?? '') : undefined;
  return count !== undefined && count >= 1 ? { count } : {};
}

/** Every paid amount this call's queries found, and every fee field's amount (idle_fee beside an order's amount). */
export function amountsFound(ctx: CallContext): number[] {
  const out = new Set(verifiedPaid(ctx.systemQueries).items.map((i) => i.value));
  for (const f of feeFields(ctx)) out.add(f.value);
  return [...out];
}

/**
 * The amount of the one fee field whose words the caller said (delivery fee → delivery_fee),
 * when the queries' responses hold such a field with a single amount; else undefined.
 */
export function feeNamed(ctx: CallContext, said = callerWords(ctx)): number | undefined {
  const values = new Set(
    feeFields(ctx)
      .filter((f) => tokenize(f.key.replaceAll('_', ' ')).every((t) => said.has(t)))
      .map((f) => f.value),
  );
  return values.size === 1 ? [...values][0] : undefined;
}

/** Field names of a fee or charge (delivery_fee, service_charge, idle_fee). */
const FEE_FIELD = /^[a-z]+_(?:fee|charge|surcharge)$/;

/** The fee fields with an amount in what this call's queries returned, at any depth. */
function feeFields(ctx: CallContext): Array<{ key: string; value: number }> {
  return ctx.systemQueries
    .filter((q) => q.ok)
    .flatMap((q) => responseFields(q.response))
    .filter((f): f is [string, number] => typeof f[1] === 'number' && f[1] > 0 && FEE_FIELD.test(f[0]))
    .map(([key, value]) => ({ key, value }));
}
