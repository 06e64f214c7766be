/**
 * What a rule says it does not cover: 退款或补偿>50元/单（超时免上门费除外）, refunds above £30 per
 * incident (other than an excess or a Direct Debit collected in error). The things excepted are
 * another rule's to decide (the late-arrival waiver, the duplicate collection), so a request that
 * names one of them is not this rule, and the note names nothing this rule does.
 *
 * Forbidden rules keep their exceptions (租客本人同意的除外): what a caller claims to lift a refusal
 * is not checked on a call. The circumstances such notes and rules name most (someone late, a charge
 * taken twice) are kept here too, with the words callers say them in.
 */
import { escapeRegExp } from '../domain/escape-reg-exp.js';
import { contentWords, stem } from './_words.js';

/** A bracketed note that makes an exception, the things excepted as its first group. */
const EXCEPTION_NOTES: readonly RegExp[] = [
  /[(（]([^()（）]{2,40}?)(?:的)?(?:除外|以外|不在此列|不算在内)(?:[)）]|$)/g,
  /[(（](?:不含|不包括|不包含|除)([^()（）]{2,40}?)(?:外|以外)?(?:[)）]|$)/g,
  /\((?:other than|except(?: for)?|excluding|not including|apart from|but not)\s+([^()]{2,80})(?:\)|$)/gi,
  /\(([^()]{2,80}?)\s+excepted(?:\)|$)/gi,
  /,\s*(?:other than|except(?: for)?|excluding)\s+([^,;()]{2,80})$/gi,
  // Waiving the fee for any reason other than moving out of our service area.
  /\bfor (?:any )?reasons? other than\s+([^,;()]{2,80})$/gi,
];

/** Words that tell nothing of which thing is excepted: money back said of any of them. */
const MONEY_WORDS_ZH = new Set([
  '退款',
  '补偿',
  '赔偿',
  '费用',
  '退还',
  '返还',
  '退回',
  '金额',
  '退费',
  '赔付',
]);
const MONEY_WORDS_EN = new Set(['refund', 'credit', 'compens', 'fee', 'charg', 'money', 'collect', 'taken']);

/**
 * A note giving one kind of the rule's action a limit of its own: 退款或补偿>50元/单（重复扣款>200元/单）.
 * The kind is its own rule under that limit, and not the main one.
 */
const KIND_LIMIT_NOTE = /[(（]([\u4e00-\u9fff]{2,8})\s*((?:[<>]=?|≤|≥)\s*\d[^()（）]{0,12}?)(?:[)）]|$)/g;

/**
 * The kinds with limits of their own a rule's notes give (see KIND_LIMIT_NOTE), each named with the
 * rule's action: 重复扣款退款>200元/单.
 */
export function kindLimits(text: string, action: string): string[] {
  return [...text.matchAll(KIND_LIMIT_NOTE)]
    .filter((m) => namesAKind(m[1]!))
    .map((m) => `${m[1]}${action}${m[2]}`);
}

/**
 * Whether a note's words name a kind of the action (重复扣款), not the action again (退款单笔) nor
 * the time before or after something (距预约时间>=24小时, 提前>=2小时): that is a notice the
 * request is held to, not a kind with a limit of its own.
 */
function namesAKind(thing: string): boolean {
  if (NOTICE_NOTE.test(thing)) return false;
  return contentWords(thing).zh.some((w) => w.length >= 2 && !MONEY_WORDS_ZH.has(w));
}
const NOTICE_NOTE = /^(?:距|离|提前|距离)|(?:时间|时长|之前|以前|之后|以后)$/;

/** A charge taken twice, in the caller's words: 重复扣款, 扣了两次, 多扣, charged twice. */
export const TWICE_SAID =
  '(?:重复(?:扣|收|支付|付|充)|扣了?(?:我|俺|咱)?(?:两|2)(?:次|回|遍|笔|道)|(?:两|2)(?:次|回|遍|笔)扣|多扣|扣重了|\\bduplicate|\\btwice\\b|\\bdouble[- ]?(?:charg|debit|bill|pay))';
/** Rules and their notes about what was charged twice (not a duplicate card or copy: a thing issued). */
export const DUPLICATE_RULE =
  /重复(?:扣|收|支付|付|充)|多扣|\bduplicate\b(?! (?:cards?|keys?|cop(?:y|ies)|certificates?|receipts?|invoices?|licen[cs]es?|fobs?|badges?)\b)|\bdouble[- ]?(?:charg|payment|bill|debit)|\bcharged twice\b/i;

/** Where one thing excepted ends and the next begins: 、和或及, and / or / commas. */
const BETWEEN_THINGS = /[、，,;；]|和|及|或|与|\s+(?:and|or)\s+/;

/** A circumstance of someone coming later than promised (技师超过承诺到达时间, 超时未送达). */
export const LATE_CIRCUMSTANCE = /超过[^,，;；]{0,10}?时间|超时|迟到|晚到|未按时|没按时/;

/** How callers say someone came late: 迟到了, 快一点了才到, 没按时来. */
export const LATE_SAID: readonly string[] = [
  '超时',
  '迟到',
  '晚到',
  '来晚',
  '才到',
  '才来',
  '没按时',
  '未按时',
  '不准时',
];

/**
 * The role a forbidden rule's note excepts, with the acts it may then do: （未成年来访者的登记监护人
 * 办理预约改约除外） excepts 未成年来访者的登记监护人 for 预约改约. What a caller says of themselves is
 * not checked on a call, but what the call's records say of them is: a caller the records show in
 * that role is not refused the acts excepted. So too a ban on what is done for anyone not in a role
 * (按非当户的要求挂失…: the 当户 excepted). Undefined when no note names a role so.
 */
export function exceptedRole(text: string): { role: string; acts: string } | undefined {
  const m = ROLE_EXCEPTED_ZH.exec(text) ?? FOR_NON_ROLE_ZH.exec(text);
  if (m === null) return undefined;
  return { role: m[1]!, acts: m[2]! };
}
/**
 * A ban on what is done at the word of anyone not in a role (按非当户的要求挂失、续当或修改登记手机号):
 * the role is excepted for every act the ban lists.
 */
const FOR_NON_ROLE_ZH =
  /^(?:按|替|为|代|应)非([\u4e00-\u9fff]{2,8}?)(?:本人)?(?:的(?:要求|请求|意思|指示))?([^；;。]{2,30})/;
const ROLE_EXCEPTED_ZH =
  /[(（]([\u4e00-\u9fff]{2,16}?(?:人|者|监护人|家长|本人))(?:办理|代办|申请|操作|进行)([^()（）]{2,16}?)(?:的)?除外[)）]/;

/** The note of exceptions, taken out of the phrase it sits in. */
export function withoutExceptionNotes(phrase: string): string {
  let out = phrase.replace(KIND_LIMIT_NOTE, ' ');
  for (const re of EXCEPTION_NOTES) out = out.replace(re, ' ');
  return out.replace(/\s+/g, ' ').trim();
}

/**
 * A pattern matching a request (normalised) that names one of the things the rule excepts: every
 * distinctive word of it (most of them, of three or more), in any order. Undefined when the rule
 * excepts nothing.
 */
export function exceptionExclusions(text: string): string | undefined {
  // A rule's text is read once for each of its shorter phrases, one after another.
  if (text !== lastRule) {
    lastRule = text;
    lastExclusions = exclusionsOf(text);
  }
  return lastExclusions;
}

let lastRule = '';
let lastExclusions: string | undefined;

function exclusionsOf(text: string): string | undefined {
  const things: string[] = [];
  for (const re of EXCEPTION_NOTES)
    for (const m of text.matchAll(re)) things.push(...m[1]!.split(BETWEEN_THINGS));
  for (const m of text.matchAll(KIND_LIMIT_NOTE)) if (namesAKind(m[1]!)) things.push(m[1]!);
  const forms: string[] = [];
  for (const thing of things) {
    // 重复扣款: a charge taken twice, however the caller says so (扣了我两回).
    if (DUPLICATE_RULE.test(thing)) {
      forms.push(`^(?=[\\s\\S]*${TWICE_SAID})`);
      continue;
    }
    const norm = thing.toLowerCase().trim();
    if (norm === '') continue;
    const words = contentWords(norm);
    const zh = words.zh.filter((w) => w.length >= 2 && !MONEY_WORDS_ZH.has(w));
    // Each English word as written, its ending loose (top-ups: top-up, top up, topups).
    const en = (norm.match(/[a-z][a-z'-]*/g) ?? [])
      .filter((w) => words.en.includes(stem(w)) && stem(w).length >= 3 && !MONEY_WORDS_EN.has(stem(w)))
      .map((w) => escapeRegExp(w.replace(/(?:'s|(?<!s)e?s|ed|ing)$/, '')).replaceAll('-', '[- ]?'));
    // 超时免上门费除外: lateness told in any of the caller's words (师傅迟到了).
    const required = [
      ...zh.map((w) => (LATE_CIRCUMSTANCE.test(w) ? `(?:${LATE_SAID.join('|')})` : escapeRegExp(w))),
      ...en.map((w) => `\\b${w}`),
    ];
    if (required.length === 0) continue;
    // Of three words or more, most are enough (we're moving, you don't service Perth: moving out
    // of our service area); of fewer, all.
    const need = required.length >= 3 ? Math.ceil((required.length + 1) / 2) : required.length;
    for (const some of combinations(required, need))
      forms.push(`^${some.map((w) => `(?=[\\s\\S]*${w})`).join('')}`);
  }
  return forms.length === 0 ? undefined : forms.join('|');
}

/** Every choice of `k` items of `items`, in order. */
function combinations<T>(items: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  const out: T[][] = [];
  for (let i = 0; i + k <= items.length; i++)
    for (const rest of combinations(items.slice(i + 1), k - 1)) out.push([items[i]!, ...rest]);
  return out;
}
