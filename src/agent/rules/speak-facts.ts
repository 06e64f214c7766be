import { type Bilingual, hasCjk, type Language } from '../../domain/language.js';
import { isCallersNumber, MOBILE_AS_WRITTEN, NAMED_PHONE } from '../../domain/phone.js';
import { CONTACT_HANDLE_FIELD, OTHER_PARTY_FIELD } from '../../domain/response-parties.js';
import { READY_ASKED, STILL_FOR_SALE, tokenize, WHEN_ZH } from '../../knowledge/index.js';
import { parseQuantities } from '../../permissions/index.js';
import { monthDaysNamed } from './days-said.js';
import { describedLabels, describedParts, fieldLabel, keptFromCallers, NO_LABELS } from './field-labels.js';

/** Status words backends return, as a person says them. */
const STATUS_WORDS: Record<string, Bilingual> = {
  shipped: { zh: '已发货', en: 'shipped' },
  in_transit: { zh: '运输中', en: 'in transit' },
  delivered: { zh: '已签收', en: 'delivered' },
  confirmed: { zh: '已确认', en: 'confirmed' },
  delayed: { zh: '延误', en: 'delayed' },
  cancelled: { zh: '已取消', en: 'cancelled' },
  canceled: { zh: '已取消', en: 'cancelled' },
  paid: { zh: '已支付', en: 'paid' },
  unpaid: { zh: '未支付', en: 'unpaid' },
  refunded: { zh: '已退款', en: 'refunded' },
  active: { zh: '生效中', en: 'active' },
  expired: { zh: '已过期', en: 'expired' },
  pending: { zh: '处理中', en: 'pending' },
  processing: { zh: '处理中', en: 'processing' },
  frozen: { zh: '已冻结', en: 'frozen' },
  suspended: { zh: '已暂停', en: 'suspended' },
  completed: { zh: '已完成', en: 'completed' },
  refund: { zh: '退款', en: 'refund' },
  charge: { zh: '扣费', en: 'charge' },
  monthly: { zh: '按月', en: 'monthly' },
  yearly: { zh: '按年', en: 'yearly' },
};

/**
 * Contact and identity fields (a courier's phone, a driver's plate holder's address, a doctor's
 * WeChat) are never read out: a response may carry other people's, and the caller needs none of
 * them said. Nor is how many people reported the caller: products keep who reported, and how
 * many, to themselves.
 */
const PERSONAL_FIELD =
  /phone|mobile|tel(?:ephone)?$|contact|id_?card|id_?number|passport|address|住址|地址|电话|手机|身份证|reports?_?(?:count|num)|举报/i;

/**
 * Fields a response marks as for staff (internal_only, staff_notes, 内部备注): whatever the
 * product's description says of them, not read out to a caller.
 */
const STAFF_FIELD = /^(?:internal|staff)(?:_|$)|_internal$|内部/i;

/**
 * A value that says it is for staff (notes: "INTERNAL - STAFF ONLY: …, never given to customers",
 * 内部备注…不得透露), under whatever field it sits: not read out either.
 */
const STAFF_VALUE =
  /^\s*(?:internal|staff only|for staff)\b|\b(?:internal|staff)[\s-]+(?:only|use)\b|\bnever (?:be )?(?:given|give|shared|share|told|tell|read)(?: out)? to (?:customers|callers|the public)\b|仅供内部|只供内部|内部使用|不得(?:对外)?透露|不对外/i;

/**
 * The reply with every phone number that is not the caller's masked (138****5678 keeps nothing
 * of it: ***): nobody else's number leaves the agent, whatever a response or a record held.
 *
 * @example maskOtherPhones('骑手电话15987654321', '13700001111') // '骑手电话***'
 */
export function maskOtherPhones(
  text: string,
  callerPhone: string,
  /** What the product publishes (its hotline in an FAQ): its numbers may be said. */
  published?: object,
): string {
  const mask = (m: string): string => (isCallersNumber(m, callerPhone) ? m : '***');
  const named = (m: string): string =>
    isCallersNumber(m, callerPhone) ||
    (published !== undefined && publishedDigits(published).includes(m.replace(/\D/g, '')))
      ? m
      : '***';
  return text.replace(MOBILE_AS_WRITTEN, mask).replace(NAMED_PHONE, named);
}

const digitsOfRecord = new WeakMap<object, string>();
/** A record's text with every separator between digits taken out (020-8765 4321 -> 02087654321). */
function publishedDigits(record: object): string {
  let digits = digitsOfRecord.get(record);
  if (digits === undefined) {
    digits = JSON.stringify(record).replace(/(?<=\d)[\s-]+(?=\d)/g, '');
    digitsOfRecord.set(record, digits);
  }
  return digits;
}

/** Who hears a response (see `speakResponse`). */
export interface CallerHeard {
  /** The caller's name, when known: records of a shared account made by someone else are not said. */
  name?: string | undefined;
  /** The caller stands in a limited role (a co-guardian): what is kept for the holder is not said. */
  limited?: boolean;
}

const MAX_FIELDS = 6;
const MAX_ITEMS = 3;

/**
 * What an interface returned, as one or two sentences in the call's language: every value the
 * response holds (numbers, dates, statuses, items of lists under any key), never a fact it does
 * not hold. Internal fields (`mock`, `_…`) are left out.
 *
 * @example speakResponse({ name: 'storage_usage', description: '查询空间使用情况' }, { used_gb: 1980 }, 'zh') // '我查了空间使用情况：已用GB 1980。'
 */
export function speakResponse(
  iface: { name: string; description?: string; response_fields?: readonly string[] },
  response: unknown,
  lang: Language,
  focus?: string,
  caller: CallerHeard = {},
): string {
  const { name: callerName, limited } = caller;
  const pointed = focus === undefined ? undefined : focusOf(focus);
  // The product's own names of the fields (剩余次数), in a call in the description's language.
  const labels = lang === 'zh' ? describedLabels(iface.description, iface.response_fields) : NO_LABELS;
  const kept = keptFromCallers(iface.description, iface.response_fields);
  const said = spokenValue(
    response,
    { lang, wanted: pointed, labels, kept, callerName, limited },
    0,
    pointed,
  );
  // 流量还剩多少 / how much is left: what is left of a quota, from the used and the quota read.
  const left = focus !== undefined && ASKS_LEFT.test(focus) ? leftOf(response, lang) : undefined;
  const body = left === undefined || said === '' ? said : `${said}${lang === 'zh' ? '，' : ', '}${left}`;
  const what = whatChecked(iface, lang);
  if (body === '') {
    return lang === 'zh'
      ? `我查了${what}，系统里没有相关记录。`
      : `I checked ${what}: there is nothing on record.`;
  }
  return lang === 'zh' ? `我查了${what}：${body}。` : `I checked ${what}: ${body}.`;
}

/** That an interface was checked, and nothing of what it holds: 我查了来电客户档案。 / I checked the account. */
export function checkedOnly(iface: { name: string; description?: string }, lang: Language): string {
  const what = whatChecked(iface, lang);
  return lang === 'zh' ? `我查了${what}。` : `I checked ${what}.`;
}

/** What an interface is, in the call's language: its description's first words, else its name. */
function whatChecked(iface: { name: string; description?: string }, lang: Language): string {
  // A description in the other language is not said: the interface's own name is, in words.
  const description = String(iface.description ?? '');
  const fits = description !== '' && /[\u3400-\u9fff]/.test(description) === (lang === 'zh');
  // Only what the interface is: the fields it lists after a colon are read as values.
  if (!fits) return lang === 'zh' ? '系统记录' : iface.name.replaceAll('_', ' ');
  // Its first sentence: what follows (internal_only含…，不得透露) is a note for staff.
  const what = describedParts(description)
    .what.split(/[；;。]/)[0]!
    .replace(/^查询|^(?:look up|get|query)\s+/i, '')
    .trim();
  return lang === 'en' ? midSentence(what, description) : what;
}

/**
 * A description said after "I checked": its first word in lower case (the account, not The
 * account), unless the description writes it capitalised inside a sentence too, as a name is.
 */
function midSentence(what: string, description: string): string {
  const first = /^([A-Z])([a-z]+)\b/.exec(what);
  if (!first) return what;
  const word = first[0];
  if (new RegExp(`[a-z,;:]\\s+${word}\\b`).test(description)) return what;
  return `${first[1]!.toLowerCase()}${what.slice(1)}`;
}

/** Asking what is left: 还剩多少, 剩多少, 剩余, how much is left, remaining. */
const ASKS_LEFT = /还剩|剩(?:多少|几|下)|剩余|还(?:有|能用)(?:多少|几)|\b(?:left|remaining)\b/i;

/**
 * What is left of a quota the response gives with its use (used_gb 26.4, quota_gb 30 → 剩余3.6GB),
 * when it says nothing left itself.
 */
function leftOf(response: unknown, lang: Language): string | undefined {
  if (response === null || typeof response !== 'object' || Array.isArray(response)) return undefined;
  const fields = Object.entries(response as Record<string, unknown>);
  if (fields.some(([k]) => /remain|left|rest|balance/i.test(k))) return undefined;
  const used = fields.find(([k, v]) => /^used|used$|^usage/i.test(k) && typeof v === 'number');
  if (!used) return undefined;
  const unit = unitOf(used[0]);
  const quota = fields.find(
    ([k, v]) =>
      /quota|total|limit|capacity|allowance|容量/i.test(k) &&
      !/fee|price|cost|amount/i.test(k) &&
      typeof v === 'number' &&
      unitOf(k)?.suffix.toLowerCase() === unit?.suffix.toLowerCase(),
  );
  if (!quota) return undefined;
  const value = Math.round(((quota[1] as number) - (used[1] as number)) * 100) / 100;
  if (value < 0) return undefined;
  if (lang === 'zh') return `剩余${value}${unit?.zh ?? ''}`;
  return `${unit?.sign ? `${unit.en}${value}` : `${value}${unit ? ` ${unit.en}` : ''}`} left`;
}

/** How a sentence of `speakResponse` opens ("我查了<what>：", "I checked <what>:"), or undefined. */
export function factsHead(sentence: string): string | undefined {
  return /^(?:我查了[^：，。]*：|I checked [^:.]*:)/.exec(sentence)?.[0];
}

/** Whether the text names an amount or a day that can pick out one item of a list (11月20号那笔). */
export function pointsAtItem(text: string): boolean {
  const focus = focusOf(text);
  return focus.numbers.size > 0 || focus.days.length > 0 || DAY_OR_TIME_NAMED.test(text);
}

/** A day to come named (tomorrow morning, a Tuesday, 明天上午, 礼拜六): a slot pointed at. */
const DAY_OR_TIME_NAMED =
  /\b(?:tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend)\b|明天|后天|周末|(?:周|星期|礼拜)[一二三四五六日天]/i;

/** What the caller pointed at: words, amounts, and days (MM-DD) they named. */
interface Focus {
  words: ReadonlySet<string>;
  numbers: ReadonlySet<number>;
  days: readonly string[];
  /** Whether they asked what something comes to (ASKS_SUM). */
  sum?: boolean;
  /** Fields they asked about in other words than the fields' own (FIELD_TOPICS). */
  topics: readonly RegExp[];
}

function focusOf(text: string): Focus {
  const lower = text.toLowerCase();
  const days = monthDaysNamed(text);
  // Amounts in words too (十五块, 三十元): what parseQuantities reads as money.
  const numbers = new Set(
    [
      ...[...lower.matchAll(/(?<![\d.])(\d+(?:\.\d+)?)(?![\d.])/g)].map((m) => Number(m[1])),
      ...parseQuantities(text)
        .filter((q) => q.family === 'money')
        .map((q) => q.value),
    ].filter((n) => n >= 1),
  );
  const words = new Set(tokenize(text).filter((t) => t.length > 1 && !/^\d/.test(t)));
  const topics = FIELD_TOPICS.filter((t) => t.said.test(text)).map((t) => t.field);
  return { words, numbers, days, sum: ASKS_SUM.test(text), topics };
}

/**
 * What callers ask about in other words than a record's field names: when it was sent (posted,
 * 寄出) is its dispatch or shipping date, whether it came or where it is (arrived, still not here,
 * 到了没, 到哪了) its delivery and tracking, whether it is ready its status and the day it is due.
 */
const FIELD_TOPICS: ReadonlyArray<{ said: RegExp; field: RegExp }> = [
  {
    said: /\b(?:sen[dt]|post(?:ed)?|mail(?:ed)?|ship(?:ped)?|dispatch(?:ed)?)\b|寄|发货|发出|发了/i,
    field: /dispatch|ship|sent|posted|mailed|发货|寄出/i,
  },
  {
    // 今天几点钟送过来: when it comes is its delivery time.
    said: new RegExp(
      `\\b(?:arriv\\w*|c[oa]me|deliver\\w*|receiv\\w*|turn(?:ed)? up|show(?:ed)? up|not here|in the (?:mail|post)|where(?:'s| is| are))\\b|到了|没到|收到|送到|到货|到哪|送(?:过来|过去|来)|${WHEN_ZH}[^，,。？?]{0,4}?送`,
      'i',
    ),
    field: /deliver|arriv|eta\b|track|签收|送达|物流/i,
  },
  {
    said: ASKS_LEFT,
    field: /remain|left|balance|available|剩余|余额|可用/i,
  },
  {
    // Whether it is still for sale, or taken: its sale state.
    said: new RegExp(`${STILL_FOR_SALE.source}|还有没有|\\bstill (?:for sale|there)\\b|\\bsold\\b`, 'i'),
    field: /sale|stock|availab|sold|state|status|在售|销售状态|库存|状态/i,
  },
  {
    // Whether it is done and when it can be had (修好了没, 啥时候能拿回来, is it ready): how far the
    // job is and the day it is promised or expected back.
    said: READY_ASKED,
    field:
      /status|state|stage|progress|ready|promis|expect|return|due_?(?:back|date|on|by)|状态|进度|预计|承诺|返回|可取/i,
  },
  {
    // 我排第几, where am I on the waiting list: a place in a queue.
    said: /排第几|排(?:到)?(?:多少|哪)|第几(?:位|名|个|号)|\b(?:what|which) (?:position|place|number) (?:am i|in the (?:queue|list))|\bwhere am i (?:in|on) the (?:queue|list|waiting list|waitlist)\b/i,
    field: /position|rank|queue|place_?no|排名|位次|顺位|排位/i,
  },
  {
    // 到手能有多少, 钱几时到账: what the business pays the caller, and when.
    said: /到手|到账|打款|结算|回款|货款|\b(?:payouts?|paid out|proceeds|settle\w*|earnings)\b/i,
    field: /payout|settle|net_|proceeds|earning|结算|到手|打款|回款/i,
  },
  {
    // 现在取消可以退回多少, how much would I get back: what a refund would come to.
    said: /退(?:回|还|给)?(?:我|给我)?(?:多少|几)|(?:能|可以|可)(?:退|退回|退还)(?:多少|几)|\b(?:get|have) back\b|\brefund\w*|\bmoney back\b/i,
    field: /refund|退款|可退|退还/i,
  },
  {
    said: /到期|过期|有效期|截止|\bexpir\w*|\bvalid (?:until|through|till)\b|\brun(?:s)? out\b/i,
    field: /expir|end_?date|until|valid|到期|截止|有效期/i,
  },
  // 明朝几点钟陪诊师到, 在啥地方碰头, 是啥人来陪: when, where and who of a booking, each its field.
  {
    said: /几点|\bwhat time\b|\bwhen (?:will|do|does|is|are|should)\b/i,
    field: /time|start|meet|slot|时间|时段/i,
  },
  {
    said: /在哪|去哪|哪里|哪儿|啥地方|什么地方|哪个地方|碰头|集合|\bwhere\b|\bmeet(?:ing)? point\b/i,
    field: /place|point|location|address|venue|spot|地点|地址|位置|集合/i,
  },
  {
    said: /谁|啥人|什么人|哪个人|哪位|\bwho\b/i,
    field: /name|staff|escort|driver|technician|engineer|assignee|teacher|coach|guide|姓名|人员|师傅/i,
  },
];

/** Whether a list item holds something the caller named: a word, an amount, a day. */
function pointedAt(item: unknown, focus: Focus): boolean {
  if (item === null || typeof item !== 'object') return false;
  for (const v of Object.values(item as Record<string, unknown>)) {
    if (typeof v === 'number' && focus.numbers.has(v)) return true;
    if (typeof v !== 'string') continue;
    if (focus.days.some((d) => v.endsWith(d) || v.includes(`-${d}T`))) return true;
    if (tokenize(v).some((t) => focus.words.has(t))) return true;
  }
  return false;
}

/**
 * Asking what something comes to (how much, the total, what do I owe, 一共多少, 总价): the
 * response's amount fields are what is asked, wherever they sit in a record.
 */
const ASKS_SUM =
  /多少钱|一共|总共|总价|总额|合计|几块|\b(?:how much|total|cost|costs|price|owe|pay|paying|amount|the damage|come to|comes to)\b/i;
/** A field holding what something comes to. */
const SUM_FIELD = /total|amount|price|cost|sum|due|balance|总|金额|价|费/i;

/**
 * Whether the caller asked about this field: its name shares a word with what they said (the
 * car, pick-up time), or it holds an amount and they asked what it comes to.
 */
function fieldAsked(key: string, label: string | undefined, asked: Focus | undefined): boolean {
  if (asked === undefined) return false;
  if (asked.sum && (SUM_FIELD.test(key) || (label !== undefined && SUM_FIELD.test(label)))) return true;
  if (asked.topics.some((t) => t.test(key) || (label !== undefined && t.test(label)))) return true;
  const words = key
    .replaceAll(/([a-z])([A-Z])/g, '$1 $2')
    .replaceAll(/[_-]+/g, ' ')
    .toLowerCase();
  return [...tokenize(words), ...(label === undefined ? [] : tokenize(label))].some(
    (t) => (t.length > 2 || /[\u3400-\u9fff]{2}/.test(t)) && asked.words.has(t),
  );
}

/** What holds for the whole of one response as it is said. */
interface Saying {
  lang: Language;
  /** What the caller asked about (their words, a sum, topics): such fields are said too. */
  wanted: Focus | undefined;
  /** The fields' names as the product gives them (describedLabels). */
  labels: ReadonlyMap<string, string>;
  /** Fields the description keeps from callers (keptFromCallers): never said. */
  kept: ReadonlySet<string>;
  /** The caller's name (see `speakResponse`). */
  callerName?: string | undefined;
  /** The caller stands in a limited role (see `speakResponse`). */
  limited?: boolean | undefined;
}

/** Who made a record of a shared account (by, used_by, 消费人): a card's main holder, a family member. */
const MADE_BY_FIELD = /^(?:by|used_?by|made_?by|consumer|user_?name|member_?name|消费人|使用人)$/i;

/**
 * A record of a shared account made by someone other than the caller (by: 黄志伟（主卡）, for a
 * sub-card holder 梁嘉欣): their visits and times are theirs, not the caller's to hear.
 */
function madeByOther(item: unknown, callerName: string | undefined): boolean {
  if (callerName === undefined || callerName.length < 2 || item === null || typeof item !== 'object')
    return false;
  for (const [key, v] of Object.entries(item as Record<string, unknown>)) {
    if (typeof v !== 'string' || v.trim() === '') continue;
    if (MADE_BY_FIELD.test(key) && !v.includes(callerName)) return true;
  }
  return heldByOther(item, callerName);
}

/**
 * A record held by someone other than the caller (main_card: { holder: 王建国（尾号0935） } for a caller
 * 李秀兰, whose own sub-card sits beside it): its holder is not the caller, not marked as the caller,
 * not of their family name, and the record names the caller nowhere else (an account they are an
 * authorised adult on is theirs to hear).
 */
function heldByOther(item: unknown, callerName: string | undefined): boolean {
  if (callerName === undefined || callerName.length < 2 || item === null || typeof item !== 'object')
    return false;
  const family = /[\u4e00-\u9fff]/.test(callerName) ? callerName[0]! : callerName.split(/\s+/).at(-1)!;
  for (const [key, v] of Object.entries(item as Record<string, unknown>)) {
    if (!HOLDER_FIELD.test(key) || typeof v !== 'string' || v.trim() === '') continue;
    if (v.includes(family) || /本人|本来电|来电人|\b(?:caller|you)\b/i.test(v)) return false;
    return !JSON.stringify(item).includes(callerName);
  }
  return false;
}

/** Whether a record inside a response says it is for the holder only (退至: 仅账户持有人). */
function holderOnly(item: unknown): boolean {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return false;
  return Object.values(item as Record<string, unknown>).some(
    (v) => typeof v === 'string' && HOLDER_ONLY.test(v),
  );
}
const HOLDER_ONLY =
  /^(?:仅|只(?:限|给|退给|告知)?)(?:账户|合同)?(?:持有人|户主|持卡人|本人)|\bholders?[\s_-]*only\b|\bonly (?:to |for )?the (?:account |contract )?holder\b/i;
const HOLDER_ONLY_KEY = /^holder[\s_-]*only$|^仅(?:账户)?持有人/i;

/** Whose a record inside a response is (holder, owner, 持卡人, 存茶人). */
const HOLDER_FIELD =
  /^(?:holder|owner|card_?holder|account_?holder|持卡人|持有人|户主|机主|存茶人|下单人|账户持有人)$/i;

function spokenValue(value: unknown, say: Saying, depth: number, focus: Focus | undefined): string {
  const { lang, wanted, labels } = say;
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) {
    if (value.length === 0) return lang === 'zh' ? '无' : 'none';
    // The items the caller pointed at (the one to Heathrow, 11月20号那笔), when some are; else the
    // first ones: the newest entry of a log (events, history) is usually last, of a list of
    // orders first.
    const own = value.filter((v) => !madeByOther(v, say.callerName));
    if (own.length === 0) return lang === 'zh' ? '无' : 'none';
    const pointed = focus && own.length > 1 ? own.filter((v) => pointedAt(v, focus)) : [];
    const shown = pointed.length > 0 ? pointed : own;
    const items = shown
      .slice(0, MAX_ITEMS)
      .map((v) => spokenValue(v, say, depth + 1, undefined))
      .filter(Boolean);
    const left = own.length - Math.min(shown.length, MAX_ITEMS);
    const more =
      left > 0
        ? lang === 'zh'
          ? pointed.length > 0
            ? `（共${own.length}项）`
            : `等${own.length}项`
          : pointed.length > 0
            ? ` (${own.length} in all)`
            : ` and ${left} more`
        : '';
    return `${items.join(lang === 'zh' ? '；' : '; ')}${more}`;
  }
  if (typeof value === 'object') {
    const speakable = Object.entries(value as Record<string, unknown>).filter(
      ([k, v]) =>
        !k.startsWith('_') &&
        k !== 'mock' &&
        !say.kept.has(k) &&
        !STAFF_FIELD.test(k) &&
        !PERSONAL_FIELD.test(k) &&
        !CONTACT_HANDLE_FIELD.test(k) &&
        !OTHER_PARTY_FIELD.test(k) &&
        !(typeof v === 'string' && STAFF_VALUE.test(v)) &&
        // A record held by someone else inside the caller's (the main card above a sub-card's).
        !(!Array.isArray(v) && heldByOther(v, say.callerName)) &&
        // A caller in a limited role (a co-guardian) hears nothing kept for the holder (退款测算:
        // { 退至: 仅账户持有人 }, holder_only).
        !(say.limited === true && (HOLDER_ONLY_KEY.test(k) || holderOnly(v))) &&
        v !== null &&
        v !== undefined,
    );
    // The first fields, and beyond them those the caller asked about (the total of a booking
    // whose dates and car come first), in the record's order.
    // A list inside a record is said too when it holds what they asked after (a pet's vaccinations
    // when they asked when the booster is due), with only the entries they pointed at.
    const askedList = (k: string, v: unknown): boolean =>
      wanted !== undefined &&
      Array.isArray(v) &&
      (fieldAsked(k, labels.get(k), wanted) || v.some((item) => pointedAt(item, wanted)));
    // A record inside a record (the escort with name and staff number) is said when asked by name,
    // or when it holds a field asked after (a sale's payout, asked what comes to the caller).
    const holdsAsked = (v: unknown): boolean =>
      wanted !== undefined &&
      v !== null &&
      typeof v === 'object' &&
      Object.keys(v).some((k) => fieldAsked(k, labels.get(k), wanted));
    const entries = speakable.filter(
      ([k, v], i) =>
        i < MAX_FIELDS ||
        (Array.isArray(v) ? askedList(k, v) : fieldAsked(k, labels.get(k), wanted) || holdsAsked(v)),
    );
    const parts = entries
      .map(([k, v], i) => spokenField(k, v, say, depth, i >= MAX_FIELDS && askedList(k, v) ? wanted : focus))
      .filter(Boolean);
    return parts.join(depth === 0 ? (lang === 'zh' ? '，' : ', ') : lang === 'zh' ? '，' : ', ');
  }
  return spokenScalar(value, lang);
}

function spokenField(
  key: string,
  value: unknown,
  say: Saying,
  depth: number,
  focus: Focus | undefined,
): string {
  const lang = say.lang;
  const described = say.labels.get(key);
  // transactions: [] → 没有交易记录 / no transactions.
  if (Array.isArray(value) && value.length === 0) {
    if (lang === 'en')
      return `no ${key
        .replaceAll(/([a-z])([A-Z])/g, '$1 $2')
        .replaceAll(/[_-]+/g, ' ')
        .toLowerCase()}`;
    const label = described ?? fieldLabel(key, lang);
    return label === '' ? '没有记录' : `没有${label}${label.endsWith('记录') ? '' : '记录'}`;
  }
  if (typeof value === 'boolean') {
    // 是否自动续费: true → 自动续费, false → 不自动续费.
    const label = described?.replace(/^是否/, '') ?? fieldLabel(key, lang);
    if (label === '') return '';
    // 已登记 false → 未登记; 自动续费 false → 不自动续费.
    if (lang === 'zh') return value ? label : label.startsWith('已') ? `未${label.slice(1)}` : `不${label}`;
    return value ? label : `not ${label}`;
  }
  const said =
    typeof value === 'object' ? spokenValue(value, say, depth + 1, focus) : spokenScalar(value, lang, key);
  if (said === '') return '';
  if (described !== undefined && typeof value !== 'object')
    return describedField(described, value, said, typeof value === 'number' ? unitOf(key)?.zh : undefined);
  // eta_minutes 12 → 预计12分钟: a unit at the end of the field name goes after the number.
  const unit = typeof value === 'number' ? unitOf(key) : undefined;
  if (unit) {
    const label = fieldLabel(key.slice(0, -unit.suffix.length), lang);
    const amount =
      lang === 'zh'
        ? `${said}${unit.zh}`
        : unit.en === '%'
          ? `${said}%`
          : unit.sign
            ? `${unit.en}${said}`
            : `${said} ${unit.en}`;
    return label === '' ? amount : `${label} ${amount}`;
  }
  // Inside a record the name is the record (骑手 刘师傅, not 骑手 名称 刘师傅).
  if (key === 'name' && depth > 0) return said;
  // A list of records (transactions, orders) says its items, which name themselves.
  if (Array.isArray(value) && value.some((v) => v !== null && typeof v === 'object')) return said;
  const label = fieldLabel(key, lang);
  // Chinese text names itself (门店 or not, 贵阳花果园店 is a shop); a number or a code under no
  // Chinese name keeps the field's own (sph -2.75), unless it has none (desc).
  if (label === '') {
    const own = lang === 'zh' && !hasCjk(said) ? fieldLabel(key, 'en') : '';
    return own === '' ? said : `${own} ${said}`;
  }
  return `${label} ${said}`;
}

/**
 * A value under the product's name for it: a count of times or days as one says it (剩余次数 8 →
 * 剩余8次, 本月已暂停天数 3 → 本月已暂停3天), anything else after its name, with the unit
 * the field's own name gives.
 */
function describedField(label: string, value: unknown, said: string, unit = ''): string {
  const counted = /^(.+?)(次|天)数$/.exec(label);
  if (counted && typeof value === 'number' && Number.isInteger(value))
    return `${counted[1]}${said}${counted[2]}`;
  // remaining_hours 3 under 剩余可用课时: the field's own unit is kept (剩余可用课时 3小时).
  return `${label} ${said}${unit}`;
}

/**
 * Units field names end with (used_gb, eta_minutes, progress_pct). `sign`: in English the unit
 * is a sign before the number (refund_gbp 42 → refund £42).
 */
const UNIT_SUFFIXES: ReadonlyArray<{ suffix: RegExp; zh: string; en: string; sign?: true }> = [
  { suffix: /_?gb$/i, zh: 'GB', en: 'GB' },
  { suffix: /_?mbps$/i, zh: 'Mbps', en: 'Mbps' },
  { suffix: /_?mb$/i, zh: 'MB', en: 'MB' },
  { suffix: /_?tb$/i, zh: 'TB', en: 'TB' },
  { suffix: /_?(?:minutes|mins?)$/i, zh: '分钟', en: 'minutes' },
  { suffix: /_?hours?$/i, zh: '小时', en: 'hours' },
  { suffix: /_?days$/i, zh: '天', en: 'days' },
  { suffix: /_?(?:pct|percent)$/i, zh: '%', en: '%' },
  { suffix: /_?(?:yuan|cny|rmb)$/i, zh: '元', en: 'yuan' },
  { suffix: /_?usd$/i, zh: '美元', en: 'USD' },
  // Dollars of other countries: a sign before the number, as the product's own dollars are said.
  { suffix: /_cad$/i, zh: '加元', en: '$', sign: true },
  { suffix: /_aud$/i, zh: '澳元', en: '$', sign: true },
  { suffix: /_nzd$/i, zh: '新西兰元', en: '$', sign: true },
  { suffix: /_sgd$/i, zh: '新加坡元', en: '$', sign: true },
  { suffix: /_?gbp$/i, zh: '英镑', en: '£', sign: true },
  // With its underscore only: amateur is no amount in euros.
  { suffix: /_(?:eur|euros?)$/i, zh: '欧元', en: '€', sign: true },
  { suffix: /_?km$/i, zh: '公里', en: 'km' },
  { suffix: /(?:^|_)kg$/i, zh: '公斤', en: 'kg' },
  { suffix: /(?:^|_)jin$/i, zh: '斤', en: 'jin' },
  { suffix: /(?:^|_)years?$/i, zh: '年', en: 'years' },
  { suffix: /(?:^|_)months$/i, zh: '个月', en: 'months' },
];

function unitOf(key: string): { suffix: string; zh: string; en: string; sign?: true } | undefined {
  for (const u of UNIT_SUFFIXES) {
    const m = u.suffix.exec(key);
    // A field that is the unit alone (yuan: 1026.51) is the amount.
    if (m && (m.index > 0 || m[0] === key)) return { ...u, suffix: m[0] };
  }
  return undefined;
}

function spokenScalar(value: unknown, lang: Language, key = ''): string {
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
  const text = String(value).trim();
  // Free text in Chinese (an item's description) is not read into an English call: its amounts,
  // dates and statuses are.
  if (lang === 'en' && /[\u3400-\u9fff]/.test(text)) return '';
  if (/status|state/i.test(key) || /^[a-z_]+$/.test(text)) {
    const word = STATUS_WORDS[text.toLowerCase()];
    if (word) return word[lang];
  }
  return spokenDate(text, lang) ?? text.replace(ISO_DAY_INSIDE, (day) => spokenDate(day, lang) ?? day);
}

/**
 * A day written inside a longer value (2034-09-28（周四）, 预计2034-10-12（周四）完工, 2034-09-12 收表):
 * said as a person says it too.
 */
const ISO_DAY_INSIDE = /(?<![\d-])\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2})?(?![\d-]|:\d)/g;

/** A day as systems write it (2026-12-04, 2026-11-28T15:02:00+08:00), with its time if any. */
const ISO_DAY =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A system's date as a person says it: 2026年12月4日 / December 4, 2026, and the time as written
 * (15:02). Undefined for anything else.
 *
 * @example spokenDate('2026-12-04', 'en') // 'December 4, 2026'
 */
export function spokenDate(text: string, lang: Language): string | undefined {
  const m = ISO_DAY.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, hh, mm] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const time = hh === undefined ? '' : ` ${hh}:${mm}`;
  return lang === 'zh' ? `${y}年${month}月${day}日${time}` : `${MONTHS[month - 1]} ${day}, ${y}${time}`;
}
