import { escapeRegExp } from '../domain/escape-reg-exp.js';
import type { Bilingual } from '../domain/language.js';
import { normalizePhone } from '../domain/phone.js';
import { wordSegmenter } from '../domain/word-segmenter.js';
import { TwoGenerationCache, textHash } from './_cache.js';
import * as G from './_char-gates.js';
import {
  type ContactNumber,
  isCallersNumber,
  scanContactNumbers,
  withoutCountryCode,
} from './_contact-numbers.js';
import { detectConcepts } from './_lexicon.js';
import { isDigit, normalizeText } from './_normalize.js';
import { mayHoldActs, scanActs } from './_other-party-acts.js';
import * as W from './_other-party-words.js';

/** Who is calling: what in an action is theirs. */
export interface OtherPartyOptions {
  /** The caller's phone in any notation; '' or absent when unknown (then no number is judged by it). */
  callerPhone?: string;
  /**
   * The caller's name on record: a name in the action that is theirs (何敏, 何女士, Ms. Smith) is not a
   * third person. Without it, a name the caller introduces as their own (我是王先生) is theirs.
   */
  callerName?: string;
  /**
   * What the caller's own record says of them (its background, notes): someone it names is theirs
   * to ask about (their pet Bramble, the caregiver they employ), not a third person. Queries are
   * scoped to the caller's own records, so a name read as theirs opens no one else's data.
   */
  recordText?: string;
  /**
   * The caller is on no account of the product's (a cold start): no account is held for their kin
   * on their behalf, so my dad's plan is someone else's, however the product's accounts are held.
   */
  unlisted?: boolean;
}

/** Someone other than the caller that an action asks about or acts on, and how it shows. */
export interface OtherParty {
  /** `phone`: a phone number not the caller's; `card`: a full card number; `person`: a third person and their data. */
  kind: 'phone' | 'card' | 'person';
  /** The words that show it, as written (start/end are offsets in the action). */
  text: string;
  start: number;
  end: number;
  /** What was found, for a reason, without the digits of any number: 另一个手机号 / another phone number. */
  what: Bilingual;
}

interface PersonHit {
  start: number;
  end: number;
  /** A name said (冯雪, 王先生, mr. smith): the caller's own name is not a third person. */
  name?: string;
}

/** What the text holds whoever calls; the caller decides which numbers and names are theirs. */
interface Scan {
  people: PersonHit[];
  /** Names the caller gave as their own (我是王先生, my name is Jane Smith). */
  selfNames: string[];
  numbers: ContactNumber[];
  cardAsks: Array<{ start: number; end: number }>;
}

const NOTHING: Scan = { people: [], selfNames: [], numbers: [], cardAsks: [] };

// 我是何敏， / 我叫张伟 / my name is Jane Smith: a name said as one's own, up to a pause.
const SELF_NAME_ZH = /(?:我是|我叫|本人是?|我姓)([\u4e00-\u9fff]{1,4}?)(?=[,.!?;:、\s]|$)/g;
const SELF_NAME_EN =
  /\b(?:my name is|this is|i am|i'm)\s+((?:mr|mrs|ms|miss|dr)\.?\s+)?([a-z]+(?:\s+[a-z]+)?)(?=[,.!?;:]|$)/g;

interface Matchers {
  anchor: RegExp;
  /** refZh, read only where `startsRef` allows (sticky: it is tried at those places alone). */
  refZh: RegExp;
  /** fullName, likewise read only where `startsFullName` allows. */
  fullName: RegExp;
  /** A name said right after whom it names (邻居|王建国家): the person's, read past. */
  appositionZh: RegExp;
  /** Where refZh and fullName can match. */
  starts: PersonStarts;
  possessZh: RegExp;
  possessRoleZh: RegExp;
  /** After a buyer or seller: their contact or who they are (COUNTERPARTY_IDENTITY_ZH). */
  possessCounterpartyZh: RegExp;
  counterparty: RegExp;
  possessDeviceZh: RegExp;
  activityZh: RegExp;
  countedVisitsZh: RegExp;
  dealingsZh: RegExp;
  refEn: RegExp;
  pronounEn: RegExp;
  capitalisedEn: RegExp;
  afterEn: RegExp;
  ofEn: RegExp;
  questionEn: RegExp;
  cardAsk: RegExp;
}

let matchers: Matchers | undefined;
let roleDataEn: RegExp | undefined;

function roleData(): RegExp {
  roleDataEn ??= new RegExp(`^${W.ROLE_DATA_EN}$`);
  return roleDataEn;
}

let staffEn: { role: RegExp; data: RegExp } | undefined;

/** Staff serving the caller (STAFF_ROLES_EN), and what of theirs is their own (STAFF_DATA_EN). */
function staff(): { role: RegExp; data: RegExp } {
  staffEn ??= { role: new RegExp(`(?:${W.STAFF_ROLES_EN})$`), data: new RegExp(`^${W.STAFF_DATA_EN}$`) };
  return staffEn;
}

/**
 * Where refZh and fullName can match, told by the characters there: each is tried only at such
 * places (few places of a clause can start a person's word, and the expressions cost a try of
 * every alternative at every place).
 */
interface PersonStarts {
  /** Per character: what it can start, and what it can be next to (the bits below). */
  bits: Uint8Array;
  /** The first two characters of refZh's words, as `first << 16 | second`. */
  refPairs: Set<number>;
}

// A word of refZh (for people or a role, ta), 他/她 alone, a surname (a title follows within
// three: 王先生, 张小姐; or a given name: 冯雪), 老/小 before a familiar surname (老李); a title's
// first character, a familiar surname, a character that is no given name.
const REF_WORD = 1;
const REF_ALONE = 2;
const SURNAME = 4;
const FAMILIAR_LEAD = 8;
const TITLE_FIRST = 16;
const FAMILIAR_SURNAME = 32;
const NOT_GIVEN = 64;

/** Words for money that end in 金, a surname too (违约金, 押金, 保证金 …). */
const MONEY_ENDING_IN_JIN = '(?:违约|押|保证|定|订|现|资|租|奖|基|薪|佣|罚|本|礼|赔偿|滞纳|公积|退)金';

/** Built from the word lists refZh and fullName are made of. */
function personStarts(): PersonStarts {
  const bits = new Uint8Array(0x10000);
  const mark = (chars: string, bit: number): void => {
    for (let k = 0; k < chars.length; k++) bits[chars.charCodeAt(k)]! |= bit;
  };
  // Each begins with two characters of its own (some end in a lookahead: 对象(?!存储)).
  const words = [...W.PEOPLE_ZH, ...W.ROLES_ZH, ...W.COUNTERPARTIES_ZH, 'ta'];
  const refPairs = new Set<number>();
  for (const w of words) {
    if (!/^[\u4e00-\u9fff]{2}|^ta$/.test(w))
      throw new Error(`person word ${w} must begin with two characters`);
    mark(w[0]!, REF_WORD);
    refPairs.add((w.charCodeAt(0) << 16) | w.charCodeAt(1));
  }
  // PRONOUN_ZH: 他, 她 (她们 too), Wu 伊, Cantonese 佢 and ta.
  mark('他她伊佢', REF_ALONE);
  mark(W.SURNAMES, SURNAME);
  mark('老小', FAMILIAR_LEAD);
  mark(W.FAMILIAR_SURNAMES, FAMILIAR_SURNAME);
  const titles = /^\(\?:([\u4e00-\u9fff|]+)\)$/.exec(W.TITLES_ZH);
  if (!titles) throw new Error('TITLES_ZH must be an alternation of words');
  for (const title of titles[1]!.split('|')) mark(title[0]!, TITLE_FIRST);
  mark(W.NOT_GIVEN_NAME, NOT_GIVEN);
  return { bits, refPairs };
}

/** Whether refZh can match at `p`. */
function startsRef(starts: PersonStarts, s: string, p: number): boolean {
  const t = starts.bits;
  const code = s.charCodeAt(p);
  const c = t[code]!;
  if ((c & REF_ALONE) !== 0) return true;
  if ((c & REF_WORD) !== 0 && starts.refPairs.has((code << 16) | s.charCodeAt(p + 1))) return true;
  if ((c & FAMILIAR_LEAD) !== 0 && (t[s.charCodeAt(p + 1)]! & FAMILIAR_SURNAME) !== 0) return true;
  return (
    (c & SURNAME) !== 0 &&
    ((t[s.charCodeAt(p + 1)]! & TITLE_FIRST) !== 0 ||
      (t[s.charCodeAt(p + 2)]! & TITLE_FIRST) !== 0 ||
      (t[s.charCodeAt(p + 3)]! & TITLE_FIRST) !== 0)
  );
}

/** Whether fullName can match at `p`: a surname, then a character of a given name. */
function startsFullName(starts: PersonStarts, s: string, p: number): boolean {
  const t = starts.bits;
  if ((t[s.charCodeAt(p)]! & SURNAME) === 0) return false;
  const next = s.charCodeAt(p + 1);
  return next >= 0x4e00 && next <= 0x9fff && (t[next]! & NOT_GIVEN) === 0;
}

/** Whether refZh or fullName can match anywhere in the text (scanZh finds no one otherwise). */
function mayNameSomeone(norm: string, starts: PersonStarts): boolean {
  const t = starts.bits;
  for (let p = 0; p < norm.length; p++) {
    // Most characters start nothing at all: one read settles them.
    if ((t[norm.charCodeAt(p)]! & (REF_WORD | REF_ALONE | SURNAME | FAMILIAR_LEAD)) === 0) continue;
    if (startsRef(starts, norm, p) || startsFullName(starts, norm, p)) return true;
  }
  return false;
}

/**
 * The next match of a sticky expression from `from` on, tried only where `may` allows: the match
 * a global expression would find from there, without trying every place in between.
 */
function nextMatch(
  re: RegExp,
  s: string,
  from: number,
  may: (starts: PersonStarts, s: string, p: number) => boolean,
  starts: PersonStarts,
): RegExpExecArray | null {
  for (let p = from; p < s.length; p++) {
    if (!may(starts, s, p)) continue;
    re.lastIndex = p;
    const r = re.exec(s);
    if (r !== null) return r;
  }
  return null;
}

/**
 * Where refZh and fullName match in a clause's text, found through `nextMatch`, with the
 * expressions themselves: tests compare the places with those of the expressions read everywhere.
 */
export function personMatchesIn(text: string): {
  found: { refs: number[]; names: number[] };
  refZh: RegExp;
  fullName: RegExp;
} {
  const m = compiled();
  const places = (re: RegExp, may: typeof startsRef): number[] => {
    const out: number[] = [];
    for (
      let r = nextMatch(re, text, 0, may, m.starts);
      r !== null;
      r = nextMatch(re, text, r.index + r[0].length, may, m.starts)
    )
      out.push(r.index, r.index + r[0].length);
    return out;
  };
  return {
    found: { refs: places(m.refZh, startsRef), names: places(m.fullName, startsFullName) },
    refZh: m.refZh,
    fullName: m.fullName,
  };
}

/** Builds the expressions on first use (no work at module load). */
function compiled(): Matchers {
  if (matchers) return matchers;
  const gap = (n: number): string => `(?:(?!${W.BREAKS_ZH})[^,.!?;:、\\n]){0,${n}}?`;
  const people = `(?:${W.alternatives(W.PEOPLE_ZH)})`;
  const roles = `(?:${W.alternatives([...W.ROLES_ZH, ...W.COUNTERPARTIES_ZH])})`;
  const titled = `[${W.SURNAMES}](?:(?![${W.NOT_GIVEN_NAME}])[\\u4e00-\\u9fff]){0,2}?${W.TITLES_ZH}`;
  const familiar = `[老小][${W.FAMILIAR_SURNAMES}]`;
  const linked = `(?:${W.LINK_ZH})${W.LINKED_DATA_ZH}`;
  // A person's data is named (订单, 地址, email ...), asked for (where does he live, 住的几号房)
  // or looked up (查查我兄弟家).
  const anchorZh = `${W.CUSTOMER_LISTS_ZH}|${W.DATA_ZH}|${W.DEVICE_ZH}|${linked}|${W.ACTIVITY_HINT_ZH}|${LOOKUP_ZH}|${DEALT_WITH_HINT_ZH}|把[^,.!?;:、]{1,6}?(?:的|那份|那笔)`;
  const anchorEn = `\\b${W.DATA_EN}s?\\b|\\b(?:what|which)\\s+${PLACE_EN}|\\bwhere(?:'s)?\\b|\\b(?:live|living|sitting|seated|whose|owns|taking|prescribed|filled|sent|gave|shipped|dispensed|anything|rents?|renting|customers?|clients?|tenants?)\\b|next[- ]door|\\b(?:previous|old|former|last|new|next) (?:owners?|tenants?|occupants?|residents?|couple)\\b|\\bpayin[g']?\\b|\\bwhat(?:'s|\\s+is|\\s+are|\\s+was|\\s+were)\\s+(?:he|she|they)\\b|\\bwhat\\s+(?:he|she|they)\\s+(?:pay|pays|paid|paying|owe|owes)\\b|\\b(?:did|does|do|has|have|is|are|was|were|whether|if)\\s+(?:my|our|the|next|he|she|mr|mrs|ms|dr)\\b|\\bis\\s+(?:that|this|it)\\s+the\\b|\\b(?:he|she|they)(?:'s|'re|\\s+is|\\s+are)\\s+still\\b|\\bpass\\s+(?:a|the|my|this|that|on\\s+a)\\s+message\\b|\\bdid (?:you|youse|yous|ye|ya|y'all)\\b|\\b(?:charge|bill)\\s+(?:him|her|them)\\b|\\bhow\\s+(?:much|many)\\b|\\bof yours\\b|\\bwith (?:you|ye|yous|youse|y'all|you lot)\\b|(?:'s|\\bis|\\bwas)\\s+(?:hers|his|theirs)\\b|\\b(?:was|is)\\s+(?:that|it|this)\\s+(?:his|her|their)\\b|\\b(?:${HANDED_IN_EN})\\b|\\bdid\\s+(?:hers|his|theirs|your)\\b|\\b(?:ordered|bought|purchased)\\s+(?:something|anything|one|it|a\\s+[a-z]+)\\s+from\\s+(?:you|ye|your)\\b`;
  matchers = {
    anchor: new RegExp(`${anchorZh}|${anchorEn}`),
    refZh: new RegExp(
      `(?<titled>${titled})|(?<familiar>${familiar})|(?<role>${roles})|(?<people>${people})|(?<pronoun>${W.PRONOUN_ZH})`,
      'y',
    ),
    // 这张卡, 一张票: after a demonstrative or a number 张 is a measure word, not a surname; nor is
    // 金 closing a word for money (连违约金带电费, 押金的单子).
    fullName: new RegExp(
      `(?<![这那一两几每哪整半])(?!金(?<=${MONEY_ENDING_IN_JIN}))[${W.SURNAMES}](?:(?![${W.NOT_GIVEN_NAME}])[\\u4e00-\\u9fff]){1,2}(?=${W.LINK_ZH}?${W.DATA_ZH}|${linked}|${W.ACTIVITY_ZH})`,
      'y',
    ),
    appositionZh: new RegExp(
      `^[${W.SURNAMES}](?:(?![${W.NOT_GIVEN_NAME}])[\\u4e00-\\u9fff]){1,2}(?=家|的|那)`,
    ),
    starts: personStarts(),
    // 他自己的电话: 自己 right after the person is theirs (elsewhere it breaks the link).
    // 他的号: a game's or an app's account, right after 的 (not 他几号来, a date).
    possessZh: new RegExp(`^(?:自己)?(?:的号(?!码)|${W.LINK_ZH}?${gap(6)}${W.DATA_ZH}|${linked})`),
    possessRoleZh: new RegExp(`^(?:自己)?${W.LINK_ZH}?${gap(2)}(${W.ROLE_DATA_ZH})`),
    possessCounterpartyZh: new RegExp(
      `^(?:自己)?${W.LINK_ZH}?${gap(2)}(${W.ROLE_DATA_ZH}|${W.COUNTERPARTY_IDENTITY_ZH})`,
    ),
    counterparty: new RegExp(`^(?:${W.alternatives(W.COUNTERPARTIES_ZH)})$`),
    possessDeviceZh: new RegExp(`^${W.LINK_ZH}?${gap(4)}${W.DEVICE_ZH}`),
    // 他自己是不是也在你们这边认养了: the person themself (自己 after them is theirs, not the caller's).
    // 他屋头那两台空调是不是卖给你们了: their household's (屋头, 屋里, 家里) is theirs too.
    activityZh: new RegExp(`^(?:自己|自个儿?|屋头|屋里|家里)?${W.LINK_ZH}?${gap(6)}${W.ACTIVITY_ZH}`),
    // 我老公上个月同呢个月用咗几多次: how often someone came, asked over a longer time said between.
    countedVisitsZh: new RegExp(`^${gap(12)}${W.VISITS_COUNTED_ZH}`),
    dealingsZh: new RegExp(`^${W.LINK_ZH}?${gap(6)}${W.DEALINGS_ZH}`),
    refEn: new RegExp(`\\b(?:(?<role>${W.ROLE_PEOPLE_EN})|(?<people>${W.PEOPLE_EN}))(?:'s|s'|')(?=\\s)`, 'g'),
    // fi him appointment: his, in Caribbean English.
    pronounEn: /\b(?:his|her|their|fi (?:him|her|dem))(?=\s)/g,
    // Tomás's number, Zoë's booking: a name with its accents.
    capitalisedEn: /(?<![a-z\u00c0-\u024f])([a-z\u00c0-\u024f]{2,16})'s(?=\s)/g,
    // her inhaler, his new pills, my dad's blood pressure pills: up to two words before the thing.
    // his name day is a feast, not his name.
    // their surnames and their numbers: the plural of any of them too.
    afterEn: new RegExp(
      `^\\s+(?:([a-z'-]+)\\s+)??(?:([a-z'-]+)\\s+)??(${W.DATA_EN})(?:s|es)?\\b(?![\\s-]+days?\\b)`,
    ),
    ofEn: new RegExp(
      // the cell number for the fella that did the job: how someone is reached, for them (not a
      // booking for my daughter, the caller's own).
      `\\b(${W.DATA_EN})\\s+(?:of|belonging to|registered to|registered under|linked to|under)\\s+(?:(?<role>${W.ROLE_PEOPLE_EN})|(?<people>${W.PEOPLE_EN})|him|her|them)\\b|\\b(?<data2>(?:(?:phone|mobile|cell|contact)\\s+)?number|e-?mail(?: address)?|address|contact details|(?:(?:gate|door|access|entry|alarm|lock|key ?safe)\\s+)?(?:codes?|pins?|passcodes?))\\s+for\\s+(?:(?<role2>${W.ROLE_PEOPLE_EN})|(?<people2>${W.PEOPLE_EN})|him|her|them|(?:his|her|their)\\s+(?:[a-z-]+\\s+)?(?:gate|door|house|place|home|garage|shed|flat|unit|lock|alarm|key ?safe))\\b`,
      'g',
    ),
    questionEn: new RegExp(
      // which seat is he in, which site's my mate on, what cabin are they in: where someone stays or sits.
      `\\b(?:(?:what|which)\\s+${PLACE_EN}(?: number)?(?:'s|\\s+(?:is|are|was|were|does|did))\\s+(?:${W.PEOPLE_EN}|he|she|they)|where\\s+(?:is|are|was|does|do|did)\\s+(?:${W.PEOPLE_EN}|he|she|they)\\s+(?:sit|sitting|seated|live|living|stay|staying)` +
        // was his booked for Thursday: someone else's booking, the noun left out.
        `|\\b(?:was|is|are|were)\\s+(?:his|hers|theirs)\\s+(?:booked|scheduled|due|on|in|done)\\b` +
        // what did youse charge him, how much did you bill my brother-in-law: what someone else paid.
        `|\\b(?:what|how much)\\s+(?:did|do|does|would|will)\\s+(?:you|youse|yous|ye|ya|y'all|you guys|you lot)\\s+(?:charge|bill)\\s+(?:${W.PEOPLE_EN}|him|her|them)\\b` +
        // how much she's gettin' back, how much does my ex earn: someone else's money.
        `|how\\s+much\\s+(?:exactly\\s+|actually\\s+|really\\s+)?(?:is\\s+|does\\s+|did\\s+|will\\s+|has\\s+)?(?:${W.PEOPLE_EN}|he|she|they)(?:'s|'re|\\s+is|\\s+are)?\\s+(?:gettin[g']?|get|gets|got|owe|owes|owin[g']?|payin[g']?|pay|pays|paid|earnin[g']?|earn|earns|earned|makin[g']?|makes|made|spen[dt]|spends|spending|top(?:ped)? up|tops up|topping up|put on|load(?:ed)?)(?![a-z])` +
        // my friend Bianca also booked … when is hers: someone else's, asked by the pronoun alone.
        `|\\b(?:when|what time|what day|which day|where)(?:'s|\\s+is|\\s+was|\\s+are)\\s+(?:hers|his|theirs)\\b` +
        // where his bike is, where's my partner's car: where someone else's things are.
        `|\\bwhere(?:'s|\\s+is|\\s+are|\\s+was)\\s+(?:his|her|their|(?:${W.PEOPLE_EN})(?:'s|s'))\\s+[a-z-]+` +
        `|\\bwhere\\s+(?:his|her|their|(?:${W.PEOPLE_EN})(?:'s|s'))\\s+(?:[a-z-]+\\s+){0,2}?(?:is|are|was|were)\\b` +
        // has my wife been in this month, did my husband book anything, how often does she come
        // in: what someone else did with the business.
        `|(?:has|have|did|does|is|was|if|whether|how (?:many times|often))\\s+(?:(?:has|did|does)\\s+)?(?:${W.PEOPLE_EN}|he|she|they)\\s+(?:(?:ever|already|recently|actually|still|been)\\s+)?(?:been in|been (?:coming|going) in|come in|came in|comes in|been here|book(?:ed|s)?\\s+(?:anything|any|in|a|an|another)|top(?:ped|s)? up|spen[dt]|sign(?:ed)? up|join(?:ed)?|visit(?:ed|s)?|bought|ordered|purchased)\\b` +
        // did you deliver something to her, did your driver drop it with my neighbour: what the
        // business did for someone else.
        `|\\bdid\\s+(?:you|ye|youse|your\\s+[a-z]+)\\s+(?:deliver|drop|bring|send|ship)\\s+(?:(?:something|anything|it|them|a\\s+[a-z]+|the\\s+[a-z]+)\\s+)?(?:to|with|for|at)\\s+(?:${W.PEOPLE_EN}|her|him|them)\\b` +
        // she has also ordered something from you … is it also a drummer: someone else's order,
        // told, then asked after.
        `|\\b(?<told>(?:he|she|they)\\s+(?:has|have|had)?\\s*(?:also\\s+|already\\s+)?(?:ordered|bought|purchased|booked)\\s+(?:something|anything|one|it|a\\s+[a-z]+)\\s+(?:from|with|at)\\s+(?:you|ye|your))\\b` +
        // is my ex-wife taking the boat out, is she heading off this weekend, who's she going with:
        // where someone else goes, when, and with whom.
        `|(?:is|are|was|will)\\s+(?:${W.PEOPLE_EN})\\s+(?:be\\s+)?(?:taking|heading|going|coming|sailing|flying|travell?ing|staying|leaving|bringing)\\b` +
        `|(?:is|are|was)\\s+(?:he|she|they)\\s+heading\\s+(?:off|out|away)\\b` +
        // has she paid you or not, is he behind with you: whether someone else owes.
        `|(?:has|have|did|does|is|are)\\s+(?:${W.PEOPLE_EN}|he|she|they)\\s+(?:(?:ever|already|actually|even)\\s+)?(?:paid\\s+(?:you|ye|up|her bill|his bill|their bill)|fallen\\s+behind|behind\\s+(?:with|on)|settled\\s+up|in\\s+arrears)\\b` +
        `|who(?:'s|\\s+is|\\s+are|\\s+was)\\s+(?:${W.PEOPLE_EN}|he|she|they)\\s+(?:going|travell?ing|sailing|staying|heading|coming)\\s+(?:out\\s+|off\\s+|away\\s+)?with\\b` +
        // yes, he's still there; she's still with you: whether someone is still a customer.
        `|\\b(?:he|she|they)(?:'s|'re|\\s+is|\\s+are)\\s+still\\s+(?:there|with (?:you|ye|youse|y'all))\\b` +
        // pass a message along next time he comes in: word carried to someone else.
        `|\\bpass\\s+(?:a|the|my|this|that|on\\s+a)\\s+message\\b(?:\\s+(?:along|on))?[^.!?]{0,30}?\\b(?:him|her|them|he|she|they|${W.PEOPLE_EN})\\b` +
        // is that the Hollis fellow from over on Marine Drive: who someone is, by where they live.
        `|\\bis\\s+(?:that|this|it|he|she)\\s+the\\s+[a-z'-]+\\s+(?:fellow|fella|guy|bloke|chap|man|woman|lady|gentleman|family|couple)\\s+(?:from|on|at|in|over|up|down|who)\\b` +
        // how many he had, how many casks my dad owns: what someone else holds, counted.
        `|\\bhow\\s+many\\s+(?:[a-z-]+\\s+)?(?:${W.PEOPLE_EN}|he|she|they)\\s+(?:had|has|have|owned|owns|holds?|held|bought)\\b` +
        // he's got one of yours … is that right?: whether someone else is a customer, asked to be
        // confirmed (see the question mark looked for below).
        `|\\b(?<holds>(?:he|she|they)(?:'s|'ve|\\s+has|\\s+have)\\s+(?:got\\s+)?(?:one|a couple|a few|some|two|three|several|a|an)\\b(?:\\s+[a-z-]+){0,3}?\\s+(?:of yours|with (?:you|ye|yous|youse|y'all|you lot))\\b)` +
        // what parcels does my neighbour have, does my wife have a booking: what someone else has.
        `|(?:what|which|any|how many)\\s+(?:${W.DATA_EN}s?|things?)\\s+(?:does|do|did|has|have|is|are)\\s+(?:${W.PEOPLE_EN}|he|she|they)\\s+(?:have|has|got|get|order(?:ed)?|receive[ds]?|book(?:ed)?|waiting)` +
        `|(?:does|do|did|has|have|is|are|if|whether)\\s+(?:${W.PEOPLE_EN}|he|she|they)(?:'s|'ve|\\s+has|\\s+have)?\\s+(?:have|has|got|get|order(?:ed)?|receive[ds]?|booked|rents?|rented|renting|keeps?|stores?)\\s+(?:(?:any|a|an|the|some)\\s+)?(?:${W.DATA_EN}s?|anything)` +
        // did my neighbour have termites, has next door got a barrier: what someone else had done
        // (not did my wife have to sign, did my son get a chance).
        `|(?:does|do|did|has|have|was|were|if|whether)\\s+(?:${W.PEOPLE_EN}|he|she)\\s+(?:have|had|get|got)\\s+(?!to\\b|a (?:chance|look|go|minute|moment|word|call|text|message|letter|email)\\b|time\\b|back\\b|it\\b|there\\b|here\\b|home\\b|in\\b|out\\b|the (?:email|message|text|letter|call)\\b)(?:(?:any|a|an|the|some|their|his|her)\\s+)?[a-z][a-z-]+` +
        // did you do an inspection next door, did you lot treat my neighbour's place: work done for
        // someone else.
        `|did\\s+(?:you|y'all)(?:\\s+(?:guys|lot|people|folks))?\\s+(?:do|treat|spray|inspect|service|visit|fix|check|clean|come to|go to)\\s+(?:[a-z-]+\\s+){0,3}?(?:(?:at|for|to)\\s+)?(?:${W.PEOPLE_EN})` +
        // does my ex rent with you, is she a customer: whether someone is a customer at all.
        `|(?:does|do|did|is|are|was|if|whether)\\s+(?:${W.PEOPLE_EN}|he|she|they)(?:'s|'re|\\s+is|\\s+are|\\s+was)?\\s+(?:still\\s+)?(?:rent(?:s|ing)?|leas(?:e|es|ing)|stor(?:e|es|ing)|bank(?:s|ing)?|one of (?:yours|ours)\\b|with (?:you|ye|youse|yous|y'all|you guys|you lot|yez)\\b(?! (?:now|today|right now|on (?:the|this) (?:line|phone|call))\\b)|(?:a|one of your)\\s+(?:customers?|clients?|members?|tenants?|subscribers?|patients?|guests?))\\b` +
        // is she on your alarms too, is he on your books: whether someone is a customer, by the list.
        `|(?:is|are|was|if|whether)\\s+(?:${W.PEOPLE_EN}|he|she|they)(?:'s|'re)?\\s+(?:also\\s+|still\\s+)?(?:on|in)\\s+(?:your|the|ye(?:r)?)\\s+(?:books|lists?|system|records?|register|database|scheme|alarms?|service|rounds?)\\b` +
        // was that her alarm going off, is this his order: what happened on someone else's account.
        `|\\b(?:was|is)\\s+(?:that|it|this)\\s+(?:his|her|their|(?:${W.PEOPLE_EN})(?:'s|s'))\\s+(?!fault|problem|idea|choice|decision|call|business|turn|own)[a-z-]+` +
        // is she all right, was he hurt: how someone else is, which only their own record says.
        `|\\b(?:is|was|are|were)\\s+(?:${W.PEOPLE_EN}|he|she|they)\\s+(?:all right|alright|ok|okay|safe|hurt|in hospital|going to be (?:ok|okay|all right|alright))\\b(?!\\s+(?:to|with|for)\\b)` +
        // what plan he's on; who owns this email address; the address of the customer with ...
        `|(?:what|which)\\s+${W.DATA_EN}s?\\s+(?:${W.PEOPLE_EN}|he|she|they)(?:'s|'re| is| are| was)\\s+(?:on|using|with|in)` +
        `|who\\s+(?:owns|is behind|registered|uses|is using)\\s+(?:this|that|the)\\s+${W.DATA_EN}` +
        // what address did my ex put down, the number she gave you: data someone else gave.
        `|(?:what|which)\\s+${W.DATA_EN}s?\\s+did\\s+(?:${W.PEOPLE_EN}|${W.ROLE_PEOPLE_EN}|he|she|they)\\s+(?:put|give|write|list|use|enter|leave|fill)` +
        // which documents did my wife bring, which papers she brought (without the did): what
        // someone else handed in.
        `|(?:what|which)\\s+${W.DATA_EN}s?\\s+(?:did\\s+|has\\s+|have\\s+)?(?:${W.PEOPLE_EN}|he|she|they)\\s+(?:${HANDED_IN_EN})\\b` +
        // she carry her school paper to your office, my brother-in-law drop him own paper for the
        // town office: someone else's dealings with the business, told before what is asked of them.
        // (Not can my husband bring his ID: what may be done is asked of the business.)
        `|(?<!\\b(?:can|could|should|will|would|must|may|might|shall|to|let|does|do)\\s+)(?:${W.PEOPLE_EN}(?:\\s+[a-z'-]+)?|he|she|they)\\s+(?:also\\s+|just\\s+|already\\s+)?(?:${HANDED_IN_EN})\\s+(?:in\\s+)?(?:his|her|their|him|them|dem)\\s+(?:own\\s+)?(?:[a-z'-]+\\s+){0,2}?(?:in\\s+)?(?:to|for|at|into|with)\\s+(?:your|you|ye|yous|una|the)\\b` +
        `|(?:the|that)\\s+${W.DATA_EN}s?\\s+(?:${W.PEOPLE_EN}|${W.ROLE_PEOPLE_EN}|he|she|they)\\s+(?:put|gave|wrote|listed|used|entered|left|filled)` +
        // Did she order today? Has he booked too? What someone else did with the business, the thing
        // left unsaid (not did he book it for me, has he booked my visit).
        `|\\b(?:did|has|have|does)\\s+(?:${W.PEOPLE_EN}|he|she|they)\\s+(?:also\\s+|already\\s+|even\\s+)?(?:order|book|buy|rent|collect|cancel|sign(?:ed)? up)(?:ed|ing)?\\b(?!\\s+(?:it\\s+)?(?:for|to|with)\\s+(?:me|us)\\b|\\s+(?:my|our|me|us)\\b)` +
        // was she also absent, was his own guard also absent, was hers late, did hers get dumped too:
        // how it went for someone else, beside the caller's own case.
        `|\\b(?:was|were|is)\\s+(?:she|he|they)\\s+(?:also|too)\\s+(?:absent|late|off|away|sick|there|booked)\\b` +
        `|\\b(?:was|were|is)\\s+(?:hers|his|theirs|(?:his|her|their)\\s+own\\s+[a-z]+)\\s+(?:also\\s+)?(?:late|absent|dumped|delivered|collected|missed|cancell?ed|fixed|found|paid|sent|done)\\b` +
        `|\\bdid\\s+(?:hers|his|theirs)\\s+(?:also\\s+)?(?:get|come|arrive|go)\\b` +
        // did your guys find his also, did ye ever sweep theirs: work done for someone else.
        `|\\bdid\\s+(?:you|ye|youse|your\\s+(?:guys|people|men|boys|lads|team|drivers?))\\s+(?:ever\\s+|also\\s+)?(?:find|fix|sweep|deliver|do|collect|check|service|clean|treat|visit|repair)\\s+(?:his|hers|theirs)\\b` +
        // what he's taking, is she on anything, what you filled for him, has my son been getting anything
        `|what\\s+(?:${W.PEOPLE_EN}|he|she|they)(?:'s|'re| is| are| was| were)\\s+(?:taking|on|prescribed|payin[g']?)` +
        // what's he on, what are they paying: someone else's plan or price, asked the other way round.
        `|what(?:'s|\\s+is|\\s+are|\\s+was|\\s+were)\\s+(?:${W.PEOPLE_EN}|he|she|they)\\s+(?:on(?!\\s+about\\b)|payin[g']?)(?![a-z])` +
        `|(?:is|are|was)\\s+(?:${W.PEOPLE_EN}|he|she|they)\\s+on\\s+(?:anything|any\\s+[a-z]+)` +
        // is he on Thursday mornings too, whether he same boat or not: when or with whom someone else goes.
        `|(?:is|are|was|whether|if)\\s+(?:${W.PEOPLE_EN}|he|she|they)\\s+(?:(?:is|are)\\s+)?(?:on|in|booked (?:on|in|for))\\s+(?:the\\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)days?` +
        `|(?:is|are|was|whether|if)\\s+(?:${W.PEOPLE_EN}|he|she|they)\\s+(?:(?:is|are|was)\\s+)?(?:on\\s+)?(?:the\\s+)?same\\s+(?:boat|ferry|sailing|flight|train|bus|tour|trip|class|session|table|room)` +
        `|what\\s+(?:you|y'all|u)\\s+(?:filled|sent|gave|prescribed|shipped|dispensed)\\s+(?:(?:for|to)\\s+)?(?:him|her|them|${W.PEOPLE_EN})` +
        `|(?:has|have|is)\\s+(?:${W.PEOPLE_EN}|he|she|they)\\s+(?:been\\s+)?(?:getting|taking|receiving|ordering)\\s+(?:anything|any\\s+[a-z]+)` +
        `|${W.DATA_EN}s?\\s+(?:of|for)\\s+(?:the|a|that|this)\\s+(?:customer|user|member|subscriber|account holder)\\s+(?:with|named|called|whose))\\b`,
      'g',
    ),
    cardAsk:
      /(?:完整|全部|整个|全)的?(?:银行卡|信用卡|储蓄卡)?卡号|卡号(?:的)?(?:全部|完整|全号|所有数字)|\b(?:full|entire|whole|complete) (?:credit |bank |debit )?card number|\ball (?:16|sixteen) digits\b/g,
  };
  return matchers;
}

/**
 * Handing something in to the business (bring, dropped, carried, handed in, submitted). Not left:
 * what someone left behind is lost property, asked after by whoever lost it or collects it.
 */
const HANDED_IN_EN =
  'bring|brings|brought|drop|drops|dropped|carry|carries|carried|hand(?:ed|s)?\\s+in|submit(?:s|ted)?|took|sent';

/** A look-up just before a person (查查我兄弟家, 帮我查一下邻居): their records are what is asked. */
const LOOKUP_ZH = '(?:查|查查|查一查|查询|核实)(?:一下|下)?(?:我的?|我们|咱的?)?';
const LOOKUP_BEFORE_ZH = new RegExp(`${LOOKUP_ZH}$`);
/** The person's household or nothing more, or a thing of theirs (她那个圈口), to the clause's end. */
const HOUSEHOLD_AFTER_ZH =
  /^(?:家|那户|那家|家里)?$|^(?:的|的?[那这](?:个|只|件|条|张|枚|单|笔|台|辆|部|套|间|份|本|双|盒|箱|袋))[^,.!?;:、\n]{1,10}$/;

/** A look-up the caller says they do not insist on (我也不是非要查他, 不用查我妈). */
const LOOKUP_DENIED_ZH = /(?:不是非要|不是要|不用|不必|不想|没必要|别|不要)[^,.!?;:、\s]{0,3}$/;

/** Someone's home, said after them (他屋里, 她家里). */
const HOME_ZH = '屋里|屋头|家里';
/** Their household: what is asked of it is theirs. */
const HOME_AFTER_ZH = new RegExp(`^(?:${HOME_ZH})`);

/**
 * What the business did for someone, asked before them: a visit to their home (师傅是不是也去过他
 * 屋里) or what they were charged (只收了他八十块, 收了她多少).
 */
const VISITED_BEFORE_ZH = /(?:去|来|上|到)(?:过|了)$/;
const VISITED_AFTER_ZH = new RegExp(`^(?:${HOME_ZH}|家|那里|那儿|那边)`);
const CHARGED_BEFORE_ZH = /(?:收|扣|要)(?:了|过)?$/;
const CHARGED_AFTER_ZH = /^(?:多少|几多|好多|[\d一二两三四五六七八九十百千]+)(?:块|元|钱)?/;

/** A cheap superset of what `dealtWith` reads, for the anchor. */
const DEALT_WITH_HINT_ZH = `(?:去|来|上|到)(?:过|了)[^,.!?;:、]{0,4}?(?:${HOME_ZH}|家|那里|那儿|那边)|(?:收|扣|要)(?:了|过)?[^,.!?;:、]{1,4}?(?:多少|几多|好多|\\d|[一二两三四五六七八九十百千])`;

/** The length of what the business did for the person that the text asks after, or -1. */
function dealtWith(before: string, after: string): number {
  const visited = VISITED_BEFORE_ZH.test(before) ? VISITED_AFTER_ZH.exec(after) : null;
  if (visited) return visited[0].length;
  const charged = CHARGED_BEFORE_ZH.test(before) ? CHARGED_AFTER_ZH.exec(after) : null;
  return charged ? charged[0].length : -1;
}

/**
 * 把他的也查一下, 把她那份也给她退了: the caller asks the business to act on someone's own share
 * (把 before them, their thing and the act after): the length of what follows them, or -1.
 */
function actedOn(before: string, after: string): number {
  if (!/把$/.test(before)) return -1;
  return ACTED_ON_AFTER_ZH.exec(after)?.[0].length ?? -1;
}
// 把他那张也给我捎过来: their thing brought to the caller (a piece, a parcel), not theirs to hand.
const ACTED_ON_AFTER_ZH =
  /^(?:的|那份|那个|那笔|的那份|的那笔|那张|那件|那幅|那箱|那袋|那盒|的那张|的那件|的那幅)[^,.!?;:、\n]{0,4}?(?:也|一起|一块儿?|顺便|顺手|顺道|顺路)?(?:给[他她我]|帮[他她我])?(?:查|退|补|改|办|取消|弄|关|开|捎|带|拿|取)/;

/** The length of what a look-up before the person takes in after them, or -1. */
function lookedUp(before: string, after: string): number {
  const verb = LOOKUP_BEFORE_ZH.exec(before);
  if (verb === null || !HOUSEHOLD_AFTER_ZH.test(after)) return -1;
  return LOOKUP_DENIED_ZH.test(before.slice(0, verb.index)) ? -1 : after.length;
}

/** Where someone sits or stays, asked as which one (which seat, which cabin, what site). */
const PLACE_EN =
  '(?:seat|row|gate|room|site|cabin|pitch|berth|unit|bed|desk|office|locker|bay|spot|table|plot|villa|apartment|flat|suite|caravan|tent)';

// Clause breaks: punctuation, but not a comma or point between digits (2,500, 12.5) nor the
// point after Mr, Dr ...
const CLAUSE_BREAK = /[!?;:、\n…]|(?<!\d),|,(?!\d)|(?<!\b(?:mr|mrs|ms|dr|st|mister|miss|no))\.(?!\d)/g;

/** Clauses: the stretches between breaks, as offsets. */
function clauses(norm: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  // `exec` on the one expression: `matchAll` would copy it for every text.
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(norm); m !== null; m = CLAUSE_BREAK.exec(norm)) {
    if (m.index > start) out.push({ start, end: m.index });
    start = m.index + 1;
  }
  if (norm.length > start) out.push({ start, end: norm.length });
  return out;
}

/** True when the surname at `at` is a word of its own in the clause (冯|雪, not 高铁 or 周末). */
function standsAlone(segments: Intl.SegmentData[], clauseStart: number, at: number): boolean {
  for (const s of segments) {
    const start = clauseStart + s.index;
    if (start === at) return s.segment.length === 1;
    if (start > at) return false;
    if (start + s.segment.length > at) return false;
  }
  return false;
}

function scanZh(
  norm: string,
  clause: { start: number; end: number },
  served: boolean,
  hits: PersonHit[],
): void {
  const m = compiled();
  const text = norm.slice(clause.start, clause.end);
  let segments: Intl.SegmentData[] | undefined;
  const segmentsOf = (): Intl.SegmentData[] => {
    segments ??= [...wordSegmenter().segment(text)];
    return segments;
  };
  // Read on first need: most clauses name no one.
  let binds: boolean | undefined;
  const possessed = (after: string, role: boolean, pronoun = false, counterparty = false): number => {
    const p = (counterparty ? m.possessCounterpartyZh : role ? m.possessRoleZh : m.possessZh).exec(after);
    if (p) return p[0].length;
    if (role) return -1;
    binds ??= W.BINDING_ZH.test(text);
    if (binds) {
      const d = m.possessDeviceZh.exec(after);
      if (d) return d[0].length;
    }
    // What they do (住的几号房, 一般几点来); 他/她 beside a named 师傅 or 司机 is most likely them,
    // but for their household (他屋里是不是也堵了), which is no one's who serves the caller.
    if (!(pronoun && served) || HOME_AFTER_ZH.test(after)) {
      const a = m.activityZh.exec(after) ?? m.countedVisitsZh.exec(after);
      if (a) return a[0].length;
    }
    const d = m.dealingsZh.exec(after);
    return d ? d[0].length : -1;
  };
  const add = (start: number, end: number, name?: string, pronoun = false): void => {
    const before = text.slice(0, start);
    if (W.SELF_BEFORE.test(before)) return;
    // 给我妈买的订单: bought for someone, the order is the caller's.
    if (W.FOR_BEFORE_ZH.test(before) && W.BOUGHT_AFTER_ZH.test(text.slice(end))) return;
    if (ownMediaZh(before, text.slice(end))) return;
    if (
      W.MADE_FOR_CALLER_ZH.test(text.slice(end)) ||
      W.SHOWN_TO_CALLER_ZH.test(text.slice(end)) ||
      W.DEMANDED_OF_CALLER_ZH.test(text.slice(end))
    )
      return;
    // 我再打她电话试试: the caller calling them, not asking for their number.
    if (CALLING_BEFORE_ZH.test(before) && PHONE_AFTER_ZH.test(text.slice(end))) return;
    const length = Math.max(
      possessed(text.slice(end), false, pronoun),
      lookedUp(before, text.slice(end)),
      dealtWith(before, text.slice(end)),
      actedOn(before, text.slice(end)),
    );
    if (length < 0) return;
    // 林老师在微信上讲过的: the channel someone told the caller on, not their account asked for.
    if (toldOn(text, end, length)) return;
    const hit: PersonHit = { start: clause.start + start, end: clause.start + end + length };
    if (name !== undefined) hit.name = name;
    hits.push(hit);
  };
  for (
    let r = nextMatch(m.refZh, text, 0, startsRef, m.starts);
    r !== null;
    r = nextMatch(m.refZh, text, r.index + r[0].length, startsRef, m.starts)
  ) {
    const g = r.groups!;
    const start = r.index;
    const end = start + r[0].length;
    if (g.role !== undefined) {
      const before = text.slice(0, start);
      const length = Math.max(
        possessed(text.slice(end), true, false, m.counterparty.test(g.role)),
        lookedUp(before, text.slice(end)),
      );
      if (
        length >= 0 &&
        !W.SELF_BEFORE.test(before) &&
        !CALLING_BEFORE_ZH.test(before) &&
        !toldOn(text, end, length)
      ) {
        hits.push({ start: clause.start + start, end: clause.start + end + length });
      }
      continue;
    }
    if (g.titled !== undefined && !standsAlone(segmentsOf(), 0, start)) continue;
    if (g.familiar !== undefined) {
      const seg = segmentsOf();
      if (!standsAlone(seg, 0, start + 1) && !seg.some((s) => s.index === start && s.segment.length === 2))
        continue;
    }
    // 俺邻居王建国家打的啥药: the name after 邻居 is the neighbour's, and what is asked follows it.
    const named = g.people === undefined ? null : m.appositionZh.exec(text.slice(end));
    add(start, end + (named?.[0].length ?? 0), g.titled ?? g.familiar, g.pronoun !== undefined);
  }
  for (
    let r = nextMatch(m.fullName, text, 0, startsFullName, m.starts);
    r !== null;
    r = nextMatch(m.fullName, text, r.index + r[0].length, startsFullName, m.starts)
  ) {
    const start = r.index;
    if (hits.some((h) => h.start <= clause.start + start && h.end > clause.start + start)) continue;
    if (!standsAlone(segmentsOf(), 0, start)) continue;
    add(start, start + r[0].length, r[0]);
  }
}

/**
 * 我不小心把我妈的照片删了, 我拍的她的视频: pictures of someone that the caller deleted, lost, took
 * or kept are in the caller's own library (see `W.MEDIA_EN`).
 */
function ownMediaZh(before: string, after: string): boolean {
  if (!W.MEDIA_ZH.test(after)) return false;
  return (
    (W.OWN_HAND_BEFORE_ZH.test(before) && W.MEDIA_LOST_AFTER_ZH.test(after)) ||
    W.OWN_MEDIA_BEFORE_ZH.test(before)
  );
}

/** I deleted her photos, I lost the pictures of my mom: the caller's own library (see `W.MEDIA_EN`). */
function ownMediaEn(before: string, data: string): boolean {
  return W.MEDIA_EN.test(data) && W.OWN_MEDIA_ACT_EN.test(before);
}

/**
 * A value given right after the data (is a.b@c.com, is 0412 …; an address's dots end the clause,
 * so a lone word may be its start): told by the caller, not asked.
 */
const GIVEN_EN = /^\s*(?:is|'s|was|:)\s*(?:[\w.+-]+@[\w-]|\+?\d[\d\s-]{5,}|[\w+-]+$)/;

/**
 * My husband's flight from Accra got pushed: what befell someone's thing, told as the reason for
 * the caller's own request, asking nothing of it (unless the clause asks why, when or what).
 */
const BEFELL_EN =
  /^(?:\s+(?:from|to|in|at|out of)\s+[a-z'-]+)?\s+(?:got|was|were|has been|had been|have been)\s+(?:just\s+|also\s+)?(?:pushed(?: back)?|delayed|cancell?ed|postponed|rescheduled|diverted|bumped|put back|brought forward)\b/;
/** Asking after what befell it (why, what happened, check it). */
const ASKS_AFTER_EN = /\b(?:why|what happened|when|which|check|tell me|find out|look into)\b/;

/**
 * I've got his invoice, I can send you her report: what the caller holds, not asks for (could I
 * have his number asks).
 */
const HELD_BEFORE_EN =
  /(?<!\b(?:could|can|may|might|would|will|do|did|shall|to)\s+)\b(?:i(?:'ve| have)?\s+(?:got|kept|still (?:got|have))|i have|we(?:'ve| have)? got|i (?:can|will|'ll) (?:send|email|forward)(?: you)?)\s+(?:a copy of\s+)?$/;

/**
 * Whether what a person was read as having (text[end, end + length)) is a way of talking they
 * told the caller something on (林老师在微信上讲过, 师傅在电话里答应过): used, not asked for.
 */
function toldOn(text: string, end: number, length: number): boolean {
  return CHANNEL_ZH.test(text.slice(end, end + length)) && TOLD_ON_ZH.test(text.slice(end + length));
}

/** A way of talking (微信, 电话, 短信) ending what a person was read as having. */
const CHANNEL_ZH = /(?:微信|电话|短信|qq|邮件|视频|语音)$/;
/** On it, something told or arranged (上讲过, 里说的, 上约的): the channel was used, not asked for. */
const TOLD_ON_ZH = /^(?:上|里|中)(?:跟我|和我|给我)?(?:讲|说|发|聊|通知|告诉|约|回|联系|沟通|答应)/;

// 我打那个师傅电话还关机: calling someone who serves the caller, not asking for their number.
const CALLING_BEFORE_ZH = /打(?:了|过)?(?:我的?|那个|这个|那位|这位)?$/;
const PHONE_AFTER_ZH = /^(?:的)?(?:电话|手机)(?!号)/;
/** Someone said to be still there or still with the business (see `questionEn`). */
const STILL_THERE = /\bstill\s+(?:there|with)\b/;
/** Money the caller sent or paid to someone's number or account, right before their own thing. */
const SENT_TO_BEFORE_EN =
  /\b(?:i|we|he|she|they)\s+(?:already\s+|just\s+)?(?:sent|paid|transferred|wired)\b[^.?!;]{0,50}?\bto\s+$/;
/** A device something is done on (on her phone, using his laptop): the means, not their data. */
const DEVICE_USED_BEFORE_EN = /\b(?:on|using|via|through|from)\s+$/;
const DEVICE_EN =
  /^\s*(?:phone|mobile|cell|laptop|computer|pc|tablet|ipad|app)\b(?!\s+(?:number|bill|account|contract|plan|records?|details|data|history))/;
/** The rest of a sentence that ends as a question. */
const ASKED_IN_SENTENCE = /^[^.!]*\?/;
/** What follows for the caller, in the same sentence (…, so we need to push it back). */
const SO_WE_EN = /^[^.?!]{0,60}?\b(?:so|and so|which means|that means)\s+(?:we|i|i'll|we'll|we're|i'm)\b/i;
/** Someone else, then what they did, right before their own thing (they changed their …). */
const THEIR_OWN_DOING_EN =
  /\b(?:they|he|she|(?:my|our)\s+[a-z-]+(?:\s+and\s+(?:my|our|his|her|their)\s+[a-z-]+)?)\s+(?:(?:went and|have|has|had|just|already|also|only)\s+)*(?:changed|moved|cancell?ed|canceled|missed|lost|rearranged|rescheduled|broke|hurt|sprained)\s+$/i;
const CALL_FROM_EN = /\b(?:call|ring|phone|text)(?:\s+(?:you|u))?(?:\s+back)?\s+(?:from|on|with|using)\s+$/;

/**
 * Liam's got exams, Sam's off sick: 's after a name for is or has, before a verb or what they have,
 * no possessive of theirs asked for (his exams, after it, still is one).
 */
/** A visit booked (appointment, session, lesson, consult, treatment). */
const VISIT_EN = /^(?:appointment|session|lesson|consult|consultation|treatment)s?$/;

const IS_OR_HAS_EN =
  /^\s+(?:got|gotten|gone|been|going|coming|off|away|back|out|sick|busy|had|never|not|just|still|always|also|already|only|a|an|the|my|his|her|their|on|at|in|with|over|up)\b/;

function scanEn(norm: string, raw: string, clause: { start: number; end: number }, hits: PersonHit[]): void {
  const m = compiled();
  const text = norm.slice(clause.start, clause.end);
  /** Length of "<gap word>? <data>" after a possessive, or -1. */
  const possessed = (after: string, role: boolean, staffRole = false): number => {
    const p = m.afterEn.exec(after);
    if (!p) return -1;
    if (
      (p[1] !== undefined && W.NOT_THEIRS_EN.test(p[1])) ||
      (p[2] !== undefined && W.NOT_THEIRS_EN.test(p[2]))
    )
      return -1;
    const data = p[3]!;
    if (role && !(staffRole ? staff().data : roleData()).test(data)) return -1;
    // Her email is a.boateng@…: the caller gives it, asking nothing of hers.
    if (GIVEN_EN.test(after.slice(p[0].length))) return -1;
    if (BEFELL_EN.test(after.slice(p[0].length)) && !ASKS_AFTER_EN.test(norm)) return -1;
    lastData = data;
    return p[0].length;
  };
  let lastData = '';
  const push = (start: number, end: number, name?: string, data?: string): void => {
    const before = text.slice(0, start);
    if (W.SELF_BEFORE.test(before) || HELD_BEFORE_EN.test(before)) return;
    if (data !== undefined && ownMediaEn(before, data)) return;
    const hit: PersonHit = { start: clause.start + start, end: clause.start + end };
    if (name !== undefined) hit.name = name;
    hits.push(hit);
  };
  const titledName = (s: string): string | undefined => {
    const t = /^(?:mr|mrs|ms|miss|mister|dr)\.?\s+(.+)$/.exec(s);
    return t ? t[1] : undefined;
  };
  m.refEn.lastIndex = 0;
  for (let r = m.refEn.exec(text); r !== null; r = m.refEn.exec(text)) {
    const end = r.index + r[0].length;
    if (/'s$/.test(r[0]) && IS_OR_HAS_EN.test(text.slice(end))) continue;
    const role = r.groups!.role;
    const length = possessed(
      text.slice(end),
      role !== undefined,
      role !== undefined && staff().role.test(role),
    );
    if (length >= 0) push(r.index, end + length, titledName(r.groups!.people ?? ''), lastData);
  }
  m.pronounEn.lastIndex = 0;
  for (let r = m.pronounEn.exec(text); r !== null; r = m.pronounEn.exec(text)) {
    const end = r.index + r[0].length;
    const after = text.slice(end);
    if (W.COMPANY_AFTER_EN.test(after.trimStart())) continue;
    // we'll call from his phone: a phone used to call from, not asked for; she looked at my bank
    // on her phone: a device something was done on, not asked about.
    if (CALL_FROM_EN.test(text.slice(0, r.index))) continue;
    if (DEVICE_USED_BEFORE_EN.test(text.slice(0, r.index)) && DEVICE_EN.test(after)) continue;
    // I sent eight thousand on Wave to their number: where the caller's money went, told (a
    // fraud, a wrong transfer), not their number asked for.
    if (SENT_TO_BEFORE_EN.test(text.slice(0, r.index))) continue;
    // my sister and her husband went and changed their flights: what they did with their own
    // things, told as the reason, nothing of theirs asked.
    // Not asked: have they put their orders in yet, …?
    const rest = norm.slice(clause.start + end);
    if (
      THEIR_OWN_DOING_EN.test(text.slice(0, r.index)) &&
      SO_WE_EN.test(rest) &&
      !ASKED_IN_SENTENCE.test(rest)
    )
      continue;
    const length = possessed(after, false);
    if (length >= 0) push(r.index, end + length, undefined, lastData);
  }
  m.capitalisedEn.lastIndex = 0;
  for (let r = m.capitalisedEn.exec(text); r !== null; r = m.capitalisedEn.exec(text)) {
    const at = clause.start + r.index;
    const word = r[1]!;
    // Sarah's phone number: a name is written with a capital; my Sarah's is the relatives' case.
    if (!/[A-Z]/.test(raw[at] ?? '') || W.NOT_NAMES_EN.has(word)) continue;
    if (/\b(?:my|our|your|the|a|mr|mrs|ms|miss|mister|dr)\.?\s+$/.test(text.slice(0, r.index))) continue;
    const end = r.index + r[0].length;
    if (IS_OR_HAS_EN.test(text.slice(end))) continue;
    const length = possessed(text.slice(end), false);
    // move Max's appointment, Ella's lesson: a name's visit is as often the caller's own child's
    // or pet's, which the account holds (whose it is, a relation says: my wife's appointment).
    if (length >= 0 && !VISIT_EN.test(lastData)) push(r.index, end + length, word, lastData);
  }
  m.ofEn.lastIndex = 0;
  for (let r = m.ofEn.exec(text); r !== null; r = m.ofEn.exec(text)) {
    const data = (r[1] ?? r.groups!.data2)!;
    const role = r.groups!.role ?? r.groups!.role2;
    if (role !== undefined && !(staff().role.test(role) ? staff().data : roleData()).test(data)) continue;
    push(r.index, r.index + r[0].length, titledName(r.groups!.people ?? r.groups!.people2 ?? ''), data);
  }
  m.questionEn.lastIndex = 0;
  for (let r = m.questionEn.exec(text); r !== null; r = m.questionEn.exec(text)) {
    // the driver said he's still there: he is whoever serves the caller.
    if (STILL_THERE.test(r[0]) && W.SERVICE_PEOPLE_EN.test(norm)) continue;
    // he's got one of yours, told and never asked after, is only told.
    if (r.groups?.holds !== undefined && !norm.includes('?', r.index)) continue;
    // she has also ordered something from you, told, is asked after only by a question later.
    if (r.groups?.told !== undefined && !norm.includes('?', clause.start + r.index)) continue;
    // he honestly doesn't remember if he got any change: what someone else is unsure of, told, asks
    // nothing of theirs.
    if (UNSURE_BEFORE_EN.test(text.slice(0, r.index))) continue;
    const name = /\b(?:mr|mrs|ms|miss|mister|dr)\.?\s+[a-z]+(?:\s+[a-z]+)?/.exec(r[0]);
    push(r.index, r.index + r[0].length, name ? titledName(name[0]) : undefined);
  }
  // I think she's getting that scheme off ye. Is she?: a question of two words that asks to
  // confirm what was just said of someone else.
  const bare = CONFIRM_EN.exec(text);
  if (bare && norm[clause.end] === '?') push(bare.index, text.length);
}

const CONFIRM_EN = /^\s*(?:is|was|does|did|has)\s+(?:he|she)\s*$/;

/**
 * Someone else unsure, right before "if" or "whether" (he doesn't remember, she isn't sure): of their
 * own doings. Not the caller (I don't know if my wife booked anything: asked all the same).
 */
const UNSURE_BEFORE_EN =
  /\b(?:he|she|they)\s+(?:(?:honestly|really|just|even|still)\s+)?(?:doesn't|does not|don't|do not|didn't|did not|can't|cannot|couldn't|isn't|is not|aren't|are not|wasn't|never)\s+(?:(?:even|really|quite|honestly)\s+)?(?:remember|recall|know|sure|tell|say)\s*$/;

// The lexicon's own requests for other users' data (透露其他用户信息, 这个号码是谁的, whose number ...).
const OTHER_USER_CONCEPTS = new Set(['other_user_info', 'leak_address', 'modify_other_plan']);

/** Whether a lexicon concept is a request for someone else's data (其他用户信息, whose number). */
export function asksOthersData(concept: string): boolean {
  return OTHER_USER_CONCEPTS.has(concept);
}
// What those add to the scan: a number's owner, disclosure, other users in general.
const LEXICON_HINT = new RegExp(
  `号|电话|透露|泄露|用户|客户|他人|别人|${W.CUSTOMER_LISTS_ZH}|\\b(?:whose|who|owner|holder|name|disclose|share|reveal|leak|another|other|others|someone|somebody|different|list|database|register)\\b`,
);

/**
 * Scans the text; `gates`: its character gates (see `_char-gates.ts`); `numbered`: whether
 * four digits in a row or seven Chinese ones are said (a phone's tail at least).
 */
function scan(text: string, norm: string, gates: number, numbered: boolean): Scan {
  const m = compiled();
  const people: PersonHit[] = [];
  const cardAsks: Scan['cardAsks'] = [];
  // Acting for someone, handing them an account, paying with their means, asking what they do.
  if ((gates & G.ACTS) !== 0 && mayHoldActs(norm)) people.push(...scanActs(norm, text, gates));
  const latin = (gates & G.LATIN) !== 0;
  // Whose data: Chinese text names someone where one of their words can start (most name no one).
  const named = (gates & G.CJK) !== 0 && mayNameSomeone(norm, m.starts);
  const lexiconWords = (gates & G.OTHER_USER_WORDS) !== 0 && LEXICON_HINT.test(norm);
  if ((named || latin || lexiconWords) && m.anchor.test(norm)) {
    const served = named && W.SERVICE_PEOPLE_ZH.test(norm);
    const parts = clauses(norm);
    for (const clause of parts) {
      if (named) scanZh(norm, clause, served, people);
      if (latin) scanEn(norm, text, clause, people);
    }
    if (named && people.length === 0) subjectCarried(norm, parts, m, people);
    // The lexicon's other-user actions only add wordings the scan above missed: skip when it found one.
    if (people.length === 0 && lexiconWords) {
      for (const c of detectConcepts(norm)) {
        // 我女儿用我的账号: what follows 我的 is the caller's, though the lexicon reads 女儿…账号;
        // 打我老公电话 calls him.
        if (
          !OTHER_USER_CONCEPTS.has(c.concept.id) ||
          norm.slice(c.start + 1, c.end).includes('我的') ||
          CALLING_BEFORE_ZH.test(norm.slice(0, c.start))
        )
          continue;
        people.push({ start: c.start, end: c.end });
      }
    }
  }
  // A household said by its unit number, and who complained or reported, asked after.
  if ((gates & (G.CJK | G.DIGITS_3)) === (G.CJK | G.DIGITS_3)) householdsByUnit(norm, m, people);
  if ((gates & G.WHO) !== 0) {
    const r = WHO_COMPLAINED.exec(norm) ?? WHO_USED.exec(norm);
    if (r) people.push({ start: r.index, end: r.index + r[0].length });
  }
  if ((gates & G.CJK) !== 0 && norm.includes('你们')) {
    const r = THEY_DEALT.exec(norm);
    if (r) people.push({ start: r.index, end: r.index + r[0].length });
  }
  // Security footage shows other people; someone else's home opened lets a caller into it.
  if ((gates & G.FOOTAGE) !== 0) {
    const r = FOOTAGE_ASK.exec(norm);
    if (r && !OWN_CAMERA_BEFORE.test(norm.slice(Math.max(0, r.index - 6), r.index + 4)))
      people.push({ start: r.index, end: r.index + r[0].length });
  }
  if (norm.includes('门') && norm.includes('家')) {
    const home = OTHERS_HOME.exec(norm);
    const door = home && DOOR_OPENED.exec(norm);
    if (home && door)
      people.push({ start: Math.min(home.index, door.index), end: door.index + door[0].length });
  }
  if ((gates & G.CARD) !== 0) {
    m.cardAsk.lastIndex = 0;
    for (let r = m.cardAsk.exec(norm); r !== null; r = m.cardAsk.exec(norm)) {
      cardAsks.push({ start: r.index, end: r.index + r[0].length });
    }
  }
  const numbers = numbered ? scanContactNumbers(norm, gates) : [];
  if (people.length === 0 && numbers.length === 0 && cardAsks.length === 0) return NOTHING;
  const selfNames: string[] = [];
  if (people.some((p) => p.name !== undefined)) {
    for (const r of norm.matchAll(SELF_NAME_ZH)) selfNames.push(r[1]!);
    for (const r of norm.matchAll(SELF_NAME_EN)) selfNames.push(r[2]!);
  }
  return { people, selfNames, numbers, cardAsks };
}

/** Words that may lead a clause whose subject is left out (那, 她到底, 结果, 一共). */
const SUBJECTLESS_LEAD = /^(?:那|就|到底|究竟|一共|总共|最后|结果|然后|后来|又|都)*/;
/** Something done with a business, in the past: 卖了, 办了, 充过, 来过, 在你们那儿裱了. */
const DEALT =
  /(?:卖|买|充|办|订|定|约|报|租|住|来|去|做|存|寄|当|消费|刷|花|交|缴|修|换|装|配)(?:了|过)|在你们(?:这|那)(?:里|边|儿)?[^,.!?;:、]{0,3}?[\u4e00-\u9fff](?:了|过)/;
/** A clause naming only its topic (我们家老孙, 孙建国): no pronoun, no verb, a name's length. */
const TOPIC_ONLY = /^(?:我们?家|俺家|咱家)?(?![^他她它]*[他她它])[\u4e00-\u9fff]{2,3}$/;
/** A dealing asked as had with the business (卖给你们, 在你们这办的). */
const WITH_THE_BUSINESS = /(?:给|在|跟|找)(?:你们|你那|你这|恁们)/;

/** Told or heard: what follows is what someone said, not what they did. */
const TOLD = /说|讲|告诉|听/;
/** The caller or the business, as a clause's own subject: then it is theirs. */
const OWN_SUBJECT = /[我你咱俺您]/;
const OWN_SUBJECT_FIRST = /^(?:是不是|有没有|是否)?(?:也|都|又)?[我你咱俺您](?!们家)/;

/**
 * 我老婆在你们这卖了手机，卖了多少钱: a clause asking what was done (卖了多少钱, 来了几次), with no one
 * named in it, asks it of the person an earlier clause names as having dealt with the business:
 * Chinese leaves the subject out. 我媳妇儿在你们那儿裱了幅画，…，裱的是嘛画: asked in the verb of
 * that dealing, whatever the business's verb is.
 */
function subjectCarried(
  norm: string,
  parts: ReadonlyArray<{ start: number; end: number }>,
  m: Matchers,
  hits: PersonHit[],
): void {
  for (let k = 1; k < parts.length; k++) {
    const clause = parts[k]!;
    const text = norm.slice(clause.start, clause.end);
    const lead = SUBJECTLESS_LEAD.exec(text)![0].length;
    const rest = text.slice(lead);
    const sameVerb = VERB_ASKED.exec(rest);
    const asked = m.activityZh.exec(rest) ?? sameVerb;
    // The caller or the business as the subject (我卖了多少钱, 你们收了多少); not 你们 of 在你们那儿当了,
    // nor 我们家 of what was done with the family's car.
    if (!asked || OWN_SUBJECT.test(text.slice(0, lead)) || OWN_SUBJECT_FIRST.test(rest)) continue;
    // The person's dealing may be told a few clauses before (…，要给我当生日礼物，…，裱的是嘛画).
    for (let j = k - 1; j >= Math.max(0, k - CARRIED_BACK); j--) {
      const prev = parts[j]!;
      const before = norm.slice(prev.start, prev.end);
      // 师傅说下午来，几点到: those who serve the caller come and go on the caller's business. The
      // person must have dealt with the business (卖了, 办了卡, 来过), not told the caller something
      // (我老婆说是礼拜三，到底哪天上门 asks about the caller's own visit).
      if (W.SERVICE_PEOPLE_ZH.test(before)) break;
      const dealt =
        sameVerb === asked && sameVerb !== null
          ? before.includes(`${sameVerb[1]}了`) || before.includes(`${sameVerb[1]}过`)
          : DEALT.test(before);
      // 我们家老孙，孙建国，是不是把车当了: someone named as the topic, in clauses of their own.
      const topic = TOPIC_ONLY.test(before);
      // 楼上那家昨天搬家，是不是把空调卖给你们了: the dealing asked is with the business itself.
      const withUs = WITH_THE_BUSINESS.test(asked[0]);
      const r = (dealt || topic || withUs) && !TOLD.test(before) ? personIn(before, m) : undefined;
      if (r !== undefined) {
        hits.push({ start: prev.start + r, end: clause.start + lead + asked[0].length });
        return;
      }
      // Only a dealing asked in its own verb is carried over the clauses between, and over a name
      // said again (孙建国).
      if (sameVerb !== asked && !topic) break;
    }
  }
}

/** Where the first person not the caller's own self is named in a clause, or undefined. */
function personIn(clause: string, m: Matchers): number | undefined {
  for (let p = 0; p < clause.length; p++) {
    const r = nextMatch(m.refZh, clause, p, startsRef, m.starts);
    if (r === null) return undefined;
    if (!W.SELF_BEFORE.test(clause.slice(0, r.index))) return r.index;
    p = r.index;
  }
  return undefined;
}

/** How many clauses back a dealing asked after in the same verb may be told. */
const CARRIED_BACK = 6;
/** 裱的是嘛画, 做了几次: what was done, asked in its verb (the dealing told before uses the same). */
const VERB_ASKED = /^([\u4e00-\u9fff])(?:的是?|了)(?:啥|什么|嘛|哪|多少|几)/;

// What follows a unit's number: its word (室, 号, 的, 那家, 住 …), a pause, or the end.
const UNIT_FOLLOWERS = '室号的那这家户住是业租人还一有没欠交缴,.!?;:、';
// 602, 1102室, 8幢1203, 3栋2单元501: a unit of the compound, not an amount, a time or a code.
const UNIT_ZH = new RegExp(
  String.raw`(?<![\d.:\-a-z*×#](?:\s|-)?)(?:\d{1,2}(?:幢|栋|号楼|座)(?:\d{1,2}单元)?)?[1-9]\d{2,3}(?:室|号(?!楼))?(?=[${UNIT_FOLLOWERS}]|\s(?!\d)|$)(?:那|这)?(?:家|户)?(?:的|住的)?(?:业主|住户|租户|人家?)?`,
  'g',
);
// Before a number these make it a code, a count or an amount (尾号1234, 订单1234, 花了300, 那笔300).
const NOT_UNIT_BEFORE =
  /(?:号|单|位|码|第|共|约|笔|价|额|总|才|只|花了?|扣了?|付了?|交了?|退|充|转|赔|补|加|减|收|¥|\$)\s*$/;
// The caller's own unit (我家1503, 我是603的业主, 我住1102).
const OWN_UNIT_BEFORE = /(?:我|咱)们?(?:家|住|住的|是|那套|这套|的房子?)?(?:是|在)?\s*$/;
// Who lives there or what they are called, asked after the unit (1102住的是谁, 1203的业主是谁).
const UNIT_ASK_ZH = /^(?:是谁|是哪|叫什么|叫啥|姓什么|姓啥)/;

/**
 * A household named by its unit whose data or doings are asked after (602的电话, 1102住的是谁,
 * 1503是不是一直没交物业费): someone else, as 隔壁 or 那户 is. A unit named in a complaint about
 * it (1002那家天天吵) asks for nothing of theirs.
 */
function householdsByUnit(norm: string, m: Matchers, people: PersonHit[]): void {
  // The expression runs only from a run of three or four digits that a unit's word follows:
  // most numbers are amounts, counts or codes (退款300元, 第1234次).
  let from = -1;
  for (let i = 0; i < norm.length; ) {
    if (!isDigit(norm.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    while (j < norm.length && isDigit(norm.charCodeAt(j))) j++;
    const next = norm.charAt(j);
    if (j - i >= 3 && j - i <= 4 && (next === '' || /\s/.test(next) || UNIT_FOLLOWERS.includes(next))) {
      from = Math.max(0, i - 8);
      break;
    }
    i = j;
  }
  if (from < 0) return;
  UNIT_ZH.lastIndex = from;
  for (let r = UNIT_ZH.exec(norm); r !== null; r = UNIT_ZH.exec(norm)) {
    const before = norm.slice(0, r.index);
    if (NOT_UNIT_BEFORE.test(before) || OWN_UNIT_BEFORE.test(before) || W.SELF_BEFORE.test(before)) continue;
    const end = r.index + r[0].length;
    const after = norm.slice(end);
    const asked = UNIT_ASK_ZH.exec(after) ?? m.possessZh.exec(after) ?? m.activityZh.exec(after);
    if (asked) people.push({ start: r.index, end: end + asked[0].length });
  }
}

// 是谁投诉的我, 哪个告的状, 谁举报了我们, 举报我的人是谁, 几个人举报了我, who complained about me, who
// wrote the letter, who placed the advert:
// the complainant is someone else, and how many they were says who they were;
// 那辆车是哪家的, 是谁的: whose a thing is, asked, names its owner (not whose fault: 是谁的责任).
const WHO_COMPLAINED =
  /(?<![找向跟给和对])(?:是谁|谁|哪个人?|哪位|哪家|哪户|哪一家)(?:人)?(?:在|又|去|跑去|打电话)?(?:投诉|举报|告(?!诉)|反映)(?:的|了)|(?:是|归)(?:哪家|谁家|哪户|哪一家|谁)的(?![^,.!?;:、\n]{0,3}(?:责任|问题|错|锅))|是不是[^,.!?;:、\n]{1,8}?(?:投诉|举报|告(?!诉)|反映)的|(?:举报|投诉|上报|报告|反映)的?人(?:是谁|是哪|叫什么|叫啥|的(?:电话|名字|姓名|信息|手机))|(?:投诉|举报|告(?!诉))(?:我|我们)的(?:人|是谁|是哪)|(?:几|多少)个?人(?:在|去)?(?:投诉|举报|告(?!诉))了?(?:我|我们)|\bhow many (?:people |users |players )?(?:reported|complained about) (?:me|us)\b|\bwho\s+(?:complained|reported|filed (?:a|the) complaint|made (?:a|the) complaint|called in a complaint)\b|\bwho\s+(?:wrote|placed|sent in|put in|took out)\s+(?:it|that|this|them|the (?:letter|advert|ad|notice|piece|complaint))\b|\bwho(?:'s| is| was) (?:complaining|the complainant)\b/;

// 那棵是哪个认养的, 这间是谁订的, 谁当的, 有没有人当过浪琴表: who holds a thing, asked; 这车之前是谁骑的, 谁在骑, 上一个租这辆车的人是谁, who rented the car before me, who was driving
// it yesterday, who's got the seats either side of me, whoever sold me those, the phone on an
// account sold to someone: whoever used or holds a thing before, after, beside or instead of the
// caller is someone else; so
// is the household that booked the same worker (哪家也约了张阿姨, 她是哪家的).
const WHO_USED =
  /(?:是谁|谁|哪个|哪位|哪家|什么人|啥人)(?:人)?(?:认养|领养|买|订|定|租|约|当|押|寄卖)的(?=[,.!?;:、\n？。！，]|$)|有没有(?:别)?人[^,.!?;:、\n]{0,8}?(?:当|押|寄卖)(?:过|了)|哪(?:几|些)户|哪家哪户|哪户人家|(?:哪家|哪户|哪一家|谁家)人?(?:也|还|都)?(?:约|请|订|用|找|买|租|叫)|(?<![其吉])[他她]们?是哪(?:家|户|一家|个单元|栋|号楼)|(?:是谁|谁|哪个人?|哪位)(?:在|又|之前|以前|刚才|刚刚|先|还在|正在|现在|一直|昨天|昨晚)?(?:骑|租|借|坐|住|停|用|开(?![发票门会药单户通关灯]))(?:的|了|过|着|这|那|它|车|房|[^,.!?;:、\n]{0,6}?(?:车|房|位)|(?=[,.!?;:、\n]|$))|(?:上一|前一|下一|之前那|前面那)[个位]?[^,.!?;:、\n]{0,8}?(?:骑|开|租|借|坐|住|用)[^,.!?;:、\n]{0,8}?的(?:人|用户|客人|司机|租客|房客|车主)(?:是谁|是哪|叫什么|叫啥)|(?:上一|前一|下一)[个位]?(?:骑行人|使用者|用户|租客|住客|乘客|司机|车主)|\bwho\s+(?:(?:was|is|were)\s+)?(?:rented|renting|had|hired|drove|driving|used|using|booked|rode|riding|stayed|staying)\b[^,.!?;:\n]{0,30}?\b(?:before|after|prior to|ahead of|previously|yesterday|earlier|last night|right now)\b|\b(?:the\s+)?(?:previous|last|next)\s+(?:renter|driver|rider|guest|customer|user|hirer)(?:'s|\s+(?:name|number|phone|details|contact))\b|\bwho(?:'s| is| has|'s got| got| bought| booked| has got)\b[^.!?;\n]{0,24}?\b(?:seats?|room|spot|desk|locker|box|table)\b[^.!?;\n]{0,12}?\b(?:next to|beside|either side of|near|behind|in front of|across from|opposite)\b|\bwho(?:ever)?\s+(?:sold|resold|transferred|passed)\s+(?:me|us|it|them|those|these)\b|卖给(?:别人|人家|买家|他|她)[^。!?！？]{0,80}?(?:那个号|这个号|那号|那个账号)[^。!?！？]{0,12}?(?:绑|手机号|电话|实名|是谁)/;

// 他们是不是也给你们打过电话, 人家是不是也喊过你们: whether another household dealt with the
// business (the business itself is 你们 here, not 他们).
const THEY_DEALT = new RegExp(`(?<![其吉])(?:他们|人家)(?:家|屋里)?[^,.!?;:、\\n]{0,6}?${W.DEALINGS_ZH}`);

// 调监控, 把监控录像拷给我, 地库那边的录像发我, send me the cctv: footage of shared places holds
// other people (a home camera of the caller's own is theirs: 我家监控).
const FOOTAGE_ZH =
  '(?:监控|(?<=(?:小区|地库|车库|楼道|电梯|门口|大门|停车场|大堂|那边|现场)[^,.!?;:、\\n]{0,6})录像)';
// 监控先给我停了: a monitoring service stopped, moved or mended for the caller, no footage given.
const DONE_FOR_ME = '(?:先|就)?(?:停|关|暂停|取消|撤|断|开通|装|修|移|拆|恢复|延|续|退|换)';
const FOOTAGE_ASK = new RegExp(
  `(?:调|看|查|拷|复制|发|给|要|提供|播放|导出|回放)[^,.!?;:、\\n]{0,8}?${FOOTAGE_ZH}|${FOOTAGE_ZH}[^,.!?;:、\\n]{0,8}?(?:调出|调取|调一下|拷|发|给我(?!${DONE_FOR_ME})|看看|看一下|导出|回放)|\\b(?:cctv|security (?:camera )?(?:footage|video|tapes?)|camera footage|surveillance (?:footage|video))\\b`,
);
/** Whether the text asks for camera footage (调监控, send me the cctv). */
export function asksForFootage(text: string): boolean {
  return FOOTAGE_ASK.test(normalizeText(text));
}

const OWN_CAMERA_BEFORE = /我家|我的|自己|自家|家里的?(?:监控|摄像)|my (?:own )?(?:home )?camera/;
// Someone else's home (他家, 她们家, 1201家, 老赵家, 朋友家) and a door opened or a way in asked for.
const OTHERS_HOME =
  /(?:(?<![其吉])他|她|ta|人家|别人|朋友|亲戚|邻居|同事|[老小][\u4e00-\u9fff]|\d{3,4})们?家/;
const DOOR_OPENED =
  /(?:门|门锁)[^,.!?;:、\n]{0,3}?(?:开|打开|撬)|开(?:一下|下|个)?(?:[^,.!?;:、\n]{0,4}?家的?)?门|放我进|让我进去?/;

// Agents check the same texts again and again (a decision, then its ticket, then its act).
const scans = new TwoGenerationCache<Scan>(1024);

// Texts lately found to hold nothing, in slots by their hash (computed once per check for all the
// caches): an agent checks an action several times (decision, ticket, act), and one comparison
// is cheaper than the quick test again.
const QUIET_BITS = 8;
const quiet = new Array<string | undefined>(1 << QUIET_BITS);

function scanCached(text: string): Scan {
  const slot = textHash(text) >>> (32 - QUIET_BITS);
  if (quiet[slot] === text) return NOTHING;
  // A text that needs a closer look and came before is in the cache: no test needed again.
  const known = scans.get(text);
  if (known !== undefined) return known;
  const norm = normalizeText(text);
  const gates = G.charGates(norm);
  // A phone's tail has four digits; a number said in Chinese digits has seven or more.
  // 尾号三三四四: a tail said in Chinese digits counts as four.
  const numbered =
    (gates & (G.DIGITS_4 | G.ZH_DIGITS_7)) !== 0 || ((gates & G.TAIL) !== 0 && (gates & G.ZH_DIGIT) !== 0);
  const s = scan(text, norm, gates, numbered);
  // Most actions (退款50元, reset my password) name no one's data, no number, no card and no act
  // for someone: they are remembered in a slot, not the cache.
  if (s === NOTHING) quiet[slot] = text;
  else scans.offer(text, s);
  return s;
}

/** A name without its title or 老/小: 王先生 -> 王, 老李 -> 李, Ms. Smith -> smith. */
function bareName(name: string): string {
  return normalizeText(name)
    .trim()
    .replace(new RegExp(`${W.TITLES_ZH}$`), '')
    .replace(/^[老小](?=.$)/, '')
    .replace(/^(?:mr|mrs|ms|miss|mister|dr)\.?\s+/, '');
}

/** The caller's own name said in another form: 何女士 or 敏 for 何敏, Ms. Smith for Jane Smith. */
/** Whether the caller's record names someone (Bramble, 李秀兰): a whole word, in any case. */
/**
 * Named contact on his mother Glenys Jenkins's account, 母亲账户的授权联系人: the kin on whose
 * account the caller's record says they are named; a person text naming that kin is theirs.
 */
function actsForKin(person: string, record: string): boolean {
  const named = NAMED_ON_KIN.exec(record);
  const kin = named?.[1] ?? named?.[2];
  if (kin === undefined) return false;
  const forms = KIN_FORMS.find((f) => f.test(kin)) ?? new RegExp(`^${escapeRegExp(kin)}$`, 'i');
  return person
    .toLowerCase()
    .split(/[^a-z\u4e00-\u9fff]+/)
    .some((w) => forms.test(w));
}
const NAMED_ON_KIN =
  /\b(?:named|authori[sz]ed|additional|secondary)\s+(?:contact|user|signatory)\s+(?:on|for)\s+(?:his|her|their)\s+([a-z-]+)|(母亲|妈妈|父亲|爸爸|老伴|丈夫|妻子)(?:的)?(?:账户|名下)[^，。,.]{0,8}?(?:授权|指定)?联系人/i;
/**
 * wife Bethan, sister Sian lives in Aberdare, 妹妹李娜: kin the caller's record names, who hold
 * accounts of their own (not a pet or the caregiver they employ, whom the record names as theirs).
 */
function kinInRecord(name: string, record: string): boolean {
  const n = escapeRegExp(name);
  return new RegExp(`\\b(?:${W.RELATIVES_EN})\\s+${n}\\b|(?:${KIN_ZH_IN_RECORD})${n}`, 'i').test(record);
}
const KIN_ZH_IN_RECORD =
  '妹妹|姐姐|哥哥|弟弟|丈夫|老公|妻子|老婆|儿子|女儿|母亲|父亲|妈妈|爸爸|婆婆|岳母|公公|岳父|表妹|表姐|堂弟|堂哥';

/** Ways of saying the same kin: mother, mum, mam, mom; father, dad, da. */
const KIN_FORMS = [
  /^(?:mother|mum|mam|mom|ma|mammy|mummy|mommy|母亲|妈妈|妈)$/,
  /^(?:father|dad|da|daddy|pop|papa|父亲|爸爸|爸)$/,
];

function namedInRecord(name: string, record: string): boolean {
  if (name.length < 2) return false;
  if (!/^[a-z' -]+$/i.test(name)) return record.includes(name);
  return new RegExp(`\\b${escapeRegExp(name)}\\b`, 'i').test(record);
}

/**
 * Lessons with Niall, her trainer Sam: the record names someone who serves the caller. Their
 * first name is the caller's to use, their own mobile or surname (Niall's mobile) is not.
 */
function servesCaller(name: string, record: string): boolean {
  if (!/^[a-z' -]+$/i.test(name)) return false;
  const n = escapeRegExp(name);
  return new RegExp(
    `\\b(?:(?:lessons?|sessions?|classes|appointments?|treatments?|training|coaching)\\s+with|(?:${W.STAFF_ROLES_EN}|teacher|technician)(?:,)?)\\s+${n}\\b`,
    'i',
  ).test(record);
}

let contactAskedEn: RegExp | undefined;

/** A way to reach someone, or their surname, asked for (what of staff is their own). */
function contactAsked(text: string): boolean {
  contactAskedEn ??= new RegExp(`\\b${W.STAFF_DATA_EN}\\b`, 'i');
  return contactAskedEn.test(text);
}

function isCallersName(name: string, callerNames: readonly string[]): boolean {
  const said = bareName(name);
  for (const callerName of callerNames) {
    const caller = bareName(callerName);
    if (caller === '' || said === '') continue;
    if (/[\u3400-\u9fff]/.test(said)) {
      if (said === caller || caller.endsWith(said)) return true;
      // 何女士 / 老何 for 何敏: a surname with a title names the caller when it is theirs.
      if (said.length === 1 && caller.startsWith(said)) return true;
      continue;
    }
    const words = new Set(caller.split(/[\s.]+/).filter((w) => w.length >= 2));
    if (said.split(/[\s.]+/).some((w) => words.has(w))) return true;
  }
  return false;
}

function callerDigits(phone: string | undefined): string {
  if (!phone) return '';
  return withoutCountryCode(normalizePhone(phone).replace(/^\+/, ''));
}

/**
 * I'm not looking for their bank details, 我又不是要她的地址: someone's data the caller says they do
 * not ask for, in the clause right before it.
 */
const ASK_DENIED_BEFORE =
  /(?:\b(?:not|never)\s+(?:looking for|asking (?:for|about)|after|wanting|interested in)|\b(?:don'?t|do not) (?:want|need)|不是(?:要|问|查)|又不(?:要|问|查)|不问|不查)\s*$/i;

function askDenied(action: string, start: number): boolean {
  const before = action.slice(Math.max(0, start - 40), start);
  const clause = before.slice(before.search(/[^.!?。！？；;]*$/));
  return ASK_DENIED_BEFORE.test(clause);
}

/**
 * Whether an action asks about or acts on anyone other than the caller, and how it shows: a phone
 * number that is not the caller's (in any notation, masked, by its last four digits, in Chinese
 * numerals), a full card number (or a request to read one out), or a third person — family,
 * neighbours, colleagues, a courier or driver, 他/她, a name such as 冯雪 or Mr. Smith — together
 * with their data or account (手机号, 地址, 订单, 账号, 座位, files, email ...), or an act for or
 * about them: asking for them (托我问, asked me to check), handing them an account or a membership
 * (转给我弟, hand it over to my brother), paying with their card (用她的, use hers), asking what they
 * do (他一般几点来, where she's been going, what she got on the quiz). The caller's own
 * phone and name are theirs; a person only mentioned (我朋友推荐我来的, my wife says I was charged
 * twice) or bought for (给我妈买的订单) is not asked about. Pure; numbers are judged only when the
 * caller's phone is known. Returns the first finding in the text.
 *
 * @example findOtherParty('把冯雪那个订单的收货地址改成我家', { callerPhone: '13700002222' })
 * // { kind: 'person', text: '冯雪那个订单', ... }
 */
export function findOtherParty(action: string, options: OtherPartyOptions = {}): OtherParty | undefined {
  const s = scanCached(action);
  if (s === NOTHING) return undefined;
  const found: OtherParty[] = [];
  const caller = callerDigits(options.callerPhone);
  // A caller whose name is on record cannot become someone else by saying so (我是冯雪，…);
  // a new caller's own introduction is all there is.
  const callerNames = options.callerName ? [options.callerName] : s.selfNames;
  const hasCallersNumber = (start: number, end: number): boolean =>
    caller !== '' && s.numbers.some((n) => n.start >= start && n.end <= end && isCallersNumber(n, caller));
  for (const p of s.people) {
    if (p.name !== undefined && isCallersName(p.name, callerNames)) continue;
    if (
      p.name !== undefined &&
      options.recordText &&
      namedInRecord(p.name, options.recordText) &&
      !kinInRecord(p.name, options.recordText) &&
      !(servesCaller(p.name, options.recordText) && contactAsked(action.slice(p.start, p.end)))
    )
      continue;
    if (hasCallersNumber(p.start, p.end)) continue;
    if (askDenied(action, p.start)) continue;
    // my mother's account, from her son whose record says he is a named contact on it: an
    // account the caller is named on is theirs to ask about.
    if (options.recordText && actsForKin(action.slice(p.start, p.end), options.recordText)) continue;
    const quote = action.slice(p.start, p.end).trim().replace(/\d/g, '*');
    found.push({
      kind: 'person',
      text: action.slice(p.start, p.end),
      start: p.start,
      end: p.end,
      what: { zh: quote, en: quote },
    });
  }
  for (const n of s.numbers) {
    const text = action.slice(n.start, n.end);
    if (n.kind === 'card') {
      found.push({
        kind: 'card',
        text,
        start: n.start,
        end: n.end,
        what: { zh: '完整卡号', en: 'a full card number' },
      });
    } else if (caller !== '' && !isCallersNumber(n, caller)) {
      found.push({
        kind: 'phone',
        text,
        start: n.start,
        end: n.end,
        what: { zh: '另一个手机号', en: 'another phone number' },
      });
    }
  }
  for (const c of s.cardAsks) {
    found.push({
      kind: 'card',
      text: action.slice(c.start, c.end),
      start: c.start,
      end: c.end,
      what: { zh: '完整卡号', en: 'a full card number' },
    });
  }
  if (found.length === 0) return undefined;
  return found.reduce((a, b) => (b.start < a.start ? b : a));
}
