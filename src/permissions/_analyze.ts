/**
 * One pass over a piece of customer or agent text: the concepts asked for, the clauses they sit
 * in, and the quantities of each clause. Shared by `findActionRequests` and `checkPermission`.
 */
import { DEMANDS_REMEDY } from '../domain/remedy-demanded.js';
import { charGates, HOW, LATIN, NOT_YET, REFUSAL } from './_char-gates.js';
import { type ConceptDef, conceptById, detectConcepts } from './_lexicon.js';
import { isAsciiLetter, isDigit, normalizeText } from './_normalize.js';
import type { ScannedNumber } from './_numerals.js';
import { COMPANY_ZH, KIN_EN } from './_other-party-words.js';
import { type Quantity, scanQuantities } from './parse-quantities.js';

/** A concept found in the text, with its clause and the quantity that clause gives it. */
export interface FoundRequest {
  concept: ConceptDef;
  matchStart: number;
  matchEnd: number;
  clauseStart: number;
  clauseEnd: number;
  quantity?: Quantity;
  /** Asked as a how-to question (怎么取消自动续费, how do I reset my password). */
  howTo: boolean;
  /** Said right after a refusal (我不要退款, I don't want a refund). */
  negated: boolean;
  /**
   * Said as still awaited (退款到现在还没到账, 还没收到退款, my refund still hasn't arrived): a
   * question about one asked for before, not a new request.
   */
  awaited: boolean;
}

/** A clause (a stretch between punctuation or conjunctions), trimmed; offsets into the text. */
export interface Clause {
  start: number;
  end: number;
}

export interface Analysis {
  text: string;
  norm: string;
  /** The character gates the text opens (see `_char-gates.ts`). */
  gates: number;
  quantities: Quantity[];
  bare: ScannedNumber[];
  clauses: Clause[];
  requests: FoundRequest[];
}

// Clause boundaries: punctuation (a comma or point between digits is part of a number) and the
// conjunctions that join two requests (退款60元然后注销账户, reset my password and unlock it).
// Read by `separatorAt`, one character at a time: a regular expression of these alternatives
// tried them all at every position.
const ZH_PAIRS = ['并且', '而且', '然后', '以及', '另外', '还有', '同时', '顺便'];
const ZH_SINGLES = '并和跟再';
const EN_JOINERS = ['and', 'then', 'also', 'plus', 'as well as'];

// Per UTF-16 code, what a boundary starting with it can be (0: none), built on first use.
const RUN_MARK = 1;
const POINT = 2;
const ZH_PAIR = 3;
const ZH_SINGLE = 4;
const ZH_PAIR_OR_SINGLE = 5;
const LETTER = 6;
const DASH = 7;
let boundaryStarts: Uint8Array | undefined;

function boundaryTable(): Uint8Array {
  if (boundaryStarts) return boundaryStarts;
  const t = new Uint8Array(0x10000);
  for (const c of '!?;:、\n…') t[c.charCodeAt(0)] = RUN_MARK;
  t[44] = POINT;
  t[46] = POINT;
  for (const w of ZH_PAIRS) t[w.charCodeAt(0)] = ZH_PAIR;
  for (const c of ZH_SINGLES)
    t[c.charCodeAt(0)] = t[c.charCodeAt(0)] === ZH_PAIR ? ZH_PAIR_OR_SINGLE : ZH_SINGLE;
  for (let c = 97; c <= 122; c++) t[c] = LETTER;
  t[45] = DASH;
  boundaryStarts = t;
  return t;
}

const HOW_TO_ZH = /(?:怎么|怎样|如何|咋)(?![\s\S]*[还没不又])/;
const HOW_TO_EN = /\bhow (?:do|can|could|would|should|does|to|i)\b|\bwhere (?:do|can) i\b/;
// Something asked for before and not there yet: after the action (退款到现在还没到账, 理赔怎么还没
// 下来) or, with 收到, before it (还没收到退款); in English anywhere in the clause.
const AWAITED_AFTER_ZH =
  /(?:还|仍然?|仍旧|一直|迟迟|至今|到现在|到今天|怎么)(?:都|也)?(?:没|没有|未)有?(?:收到|到账|到(?![期时点])|来|下来|退回来?|返还|处理|办好|好|批下来|批|通过|动静|消息|结果|回复|回音|打款|打过来|见着|见到|看到|看见)/;
// The clause after a request saying it has not come, naming nothing else (到现在也没见着; not
// 还没收到货, the reason for a refund).
const AWAITED_NEXT_ZH =
  /^(?:我?(?:看|查)?[^,.!?;:、\n]{0,8}?)(?:还|仍然?|一直|迟迟|至今|到现在|到今天)(?:都|也)?(?:没|没有|未)有?(?:收到|到账|到|见着|见到|看到|看见|动静)(?:钱|款|退款)?[啊呢呀吧哦嘛]*$/;
// …paid me refund out on Tuesday, but there's bugger all in me account: the same in English.
const AWAITED_NEXT_EN =
  /^(?:but\s+|and\s+)?(?:there'?s|there is|i'?ve got|i have|i got|i see|i can see)?\s*(?:nothing|bugger all|sod all|nowt|zilch|no sign of (?:it|the money)|not a (?:cent|penny|dollar|thing))\b[^.!?;]{0,20}?\b(?:in|on|into|hit)\s+(?:me|my|the|our)\s+(?:bank\s+)?account\b|^(?:but\s+|and\s+)?(?:it|the money|nothing|the refund)\s+(?:still\s+)?(?:hasn'?t|has not|never|didn'?t|did not)\s+(?:come|arrived?|landed|shown up|hit|turned up)\b/;
/** Money told as sent (paid me refund out, they processed the refund): what may not have arrived. */
const SENT_OUT_EN = /\b(?:paid|sent|issued|processed|transferred|released|approved)\b/;
const AWAITED_BEFORE_ZH =
  /(?:还|仍然?|一直|迟迟|至今|到现在)(?:都|也)?(?:没|没有|未)有?(?:收到|见到|看到|拿到)\S{0,3}$/;
const AWAITED_EN =
  /\b(?:still|yet)\b[^.!?;]{0,24}?\b(?:not|n't|never)\b[^.!?;]{0,12}?\b(?:received|arrived|come|got|gotten|seen|gone through|processed|paid|credited|showed up)\b|\b(?:haven't|have not|hasn't|has not|never)\s+(?:yet\s+)?(?:received|gotten|got|seen|arrived|come through|gone through|been (?:paid|processed|credited))\b|\bwhere(?:'s| is) my\b/;
/** 不找主管了, 不退了: 不 right before an action denies it (not 要不 of "how about", nor 能不). */
const DENYING_BU = '(?<![要能可行好])不';

// I'm not complaining, we're not ringing to cancel: what the caller says they are not doing.
const NEGATION_BEFORE = new RegExp(
  String.raw`(?:不要|不用|不想|不需要|别|无需|${DENYING_BU}|don't want(?: a| to| my)?|do not want(?: a| to| my)?|no need (?:for|to)(?: a)?|not asking for(?: a)?|not one to|not the (?:type|kind|sort) to|hate to|\b(?:i'?m|i am|we'?re|we are)\s+not(?:\s+(?:here|ringing|calling|phoning|trying|looking|wanting|going)\s+to)?(?: make)?(?: a)?|\bno)\s*$`,
);

/** Words that take a request back in Chinese (先不, 不用, 别, 算了, a closing 了). */
const TAKEN_BACK_ZH = new RegExp(
  `先不|不用|不要|别|算了|${DENYING_BU}(?=[\u4e00-\u9fff])|了(?=[。！!，,]?$)`,
  'g',
);

/** 先不注销了 → 注销: a withdrawal's words without those that take it back, naming what it takes back. */
export function withoutTakingBack(said: string): string {
  return said.replace(TAKEN_BACK_ZH, '');
}

/** 钱不退了, 费别退: the action's own verb denied inside what the lexicon matched. */
const NEGATED_WITHIN = /^[\u4e00-\u9fff]{1,6}?(?:不|别|甭|莫)(?:要|用|想|再)?[\u4e00-\u9fff]{1,2}$/;
/** 能不能退, 可不可以退: asked either way, not denied. */
const ASKED_EITHER_WAY = /([\u4e00-\u9fff])不\1/;

/** Words that drop what was just named (就算了, 也不用了; not 免了: 给免了 asks for a waiver). */
const DROP_WORDS = '(?:就|也|都)?(?:算了|不用了|不要了|拉倒)';
/** 冻结就算了, 发票也不用了: an action named, then dropped in its own clause. */
const DROPPED_AFTER = new RegExp(`^[^,.!?;:、\\n]{0,4}?${DROP_WORDS}`);
/** A clause that drops what it names (冻结就算了, 发票也不用了吧): it asks for nothing. */
export const DROPPED_CLAUSE = new RegExp(`^[^,.!?;:、\\n]{1,8}?${DROP_WORDS}(?:吧|啦|了)?$`);

/**
 * The clause boundaries of normalised text as [start, end) pairs, in order, but for an `and`
 * inside a number (a hundred and twenty nine) and the colon of a time (14:00).
 */
export function separators(
  norm: string,
  quantities: ReadonlyArray<{ start: number; end: number }>,
  bare: ReadonlyArray<{ start: number; end: number }>,
): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const starts = boundaryTable();
  let a = 0;
  while (a < norm.length) {
    if (starts[norm.charCodeAt(a)] === 0) {
      a++;
      continue;
    }
    const b = separatorAt(norm, a);
    if (b < 0) {
      a++;
      continue;
    }
    // a hundred and twenty nine: a conjunction inside a number joins no clauses; nor does the
    // colon of a time (14:00).
    const one = b - a === 1 ? norm.charCodeAt(a) : -1;
    const and = b - a === 3 && norm.startsWith('and', a);
    // 预约、改约、取消上门取送: booking steps listed before the one thing they take are one clause.
    const step = one === 0x3001 && BOOKING_STEP.test(norm.slice(out.at(-1)?.[1] ?? 0, a));
    if (!(and && (inside(quantities, a, b) || inside(bare, a, b))) && !step)
      if (!(one === 58 && isDigit(norm.charCodeAt(a - 1)) && isDigit(norm.charCodeAt(b)))) out.push([a, b]);
    a = b;
  }
  return out;
}

/** A booking step said alone before 、 (预约、改约、取消…): one of a list of steps. */
const BOOKING_STEP = /^(?:(?:预约|改约|改期|取消|预订|退订)、)*(?:预约|改约|改期|取消|预订|退订)$/;

/** 跟朋友在九眼桥喝酒: 跟 or 和 before company the caller kept joins no two clauses. */
const COMPANY_AFTER = new RegExp(COMPANY_ZH, 'y');
function keepsCompany(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c !== 0x8ddf && c !== 0x548c) return false;
  COMPANY_AFTER.lastIndex = i + 1;
  return COMPANY_AFTER.test(s);
}

/** 跟我要, 和我说: 跟 or 和 before the caller and what is said or asked of them is "to me". */
const TO_ME = /[我咱](?:们)?(?:说|讲|要|收|扣|联系|确认|解释|道歉|商量|沟通|打招呼|保证|承诺)/y;

/** 再帮我洗一遍, 再打一次: 再 before an act done once more is "again", no second request. */
const ONCE_MORE = /^[^,.!?;:、\n]{0,6}?一(?:遍|次|回|趟)/;

/**
 * 别再跟我要啥改期费, 不再: 再 after a negation is "again", and 跟/和 before what is said or asked of
 * the caller is "to": neither joins two clauses.
 */
function adverbial(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c === 0x518d)
    return (i > 0 && '别不没甭莫'.includes(s[i - 1]!)) || ONCE_MORE.test(s.slice(i + 1, i + 10));
  if (c !== 0x8ddf && c !== 0x548c) return false;
  TO_ME.lastIndex = i + 1;
  return TO_ME.test(s);
}

/**
 * Where a clause boundary starting at `i` ends, or -1. The boundaries, first that applies: a run
 * of `!?;:、\n…`; a run of commas and points after no digit, or one followed by no digit (the
 * run, or the run less its last mark when a digit follows); a dash between spaces, or a run of
 * dashes (——), not between numbers; 并且, 而且, 然后, 以及, 另外, 还有, 同时,
 * 顺便, 并, 和, 跟, 再; and, then, also, plus, as well as (whole words).
 */
function separatorAt(s: string, i: number): number {
  const starts = boundaryTable();
  const kind = starts[s.charCodeAt(i)]!;
  if (kind === 0) return -1;
  if (kind === RUN_MARK) {
    let j = i + 1;
    while (j < s.length && starts[s.charCodeAt(j)] === RUN_MARK) j++;
    return j;
  }
  if (kind === POINT) {
    let j = i + 1;
    while (j < s.length && starts[s.charCodeAt(j)] === POINT) j++;
    // amy.lee@example.org, shop.example.com: a point between letters, no space, is inside a word.
    if (
      j === i + 1 &&
      s.charCodeAt(i) === 46 &&
      isWordChar(s.charCodeAt(i - 1)) &&
      isAsciiLetter(s.charCodeAt(j))
    )
      return -1;
    if (!isDigit(s.charCodeAt(i - 1)) || !isDigit(s.charCodeAt(j))) return j;
    // 1,000 is one number; in 5,,3 the first comma still parts the clauses.
    return j - i >= 2 ? j - 1 : -1;
  }
  if (kind === ZH_PAIR || kind === ZH_PAIR_OR_SINGLE) {
    for (const w of ZH_PAIRS) if (s.startsWith(w, i)) return i + 2;
    return kind === ZH_PAIR ? -1 : i + 1;
  }
  if (kind === ZH_SINGLE) return keepsCompany(s, i) || adverbial(s, i) ? -1 : i + 1;
  // A dash between spaces parts what is said (push it to next week - my wife can stay at her
  // mum's), as —— does in Chinese; one inside a word (re-service, Wi-Fi) or a range of numbers
  // (8 - 10) does not.
  if (kind === DASH) {
    let j = i + 1;
    while (j < s.length && s.charCodeAt(j) === 45) j++;
    const spaced = s.charCodeAt(i - 1) === 32 && s.charCodeAt(j) === 32;
    const wide = j - i >= 2;
    if (!spaced && !wide) return -1;
    if (isDigit(s.charCodeAt(i - 2)) && isDigit(s.charCodeAt(j + 1))) return -1;
    if (isDigit(s.charCodeAt(i - 1)) && isDigit(s.charCodeAt(j))) return -1;
    return j;
  }
  if (isWordChar(s.charCodeAt(i - 1))) return -1;
  for (const w of EN_JOINERS) {
    if (s.startsWith(w, i) && !isWordChar(s.charCodeAt(i + w.length)))
      return w === 'and' && (joinsPeopleEn(s, i) || comesToDo(s, i)) ? -1 : i + w.length;
  }
  return -1;
}

/**
 * Me and my partner Tom, my wife and I: "and" between the caller and someone of theirs joins two
 * people, not two requests (as 跟我老公 does in Chinese, see `keepsCompany`).
 */
function joinsPeopleEn(s: string, i: number): boolean {
  PEOPLE_BEFORE_AND_EN ??= new RegExp(`(?:\\b(?:me|i|myself)|${KIN_EN}(?: [a-z]+)?)\\s+$`);
  PEOPLE_AFTER_AND_EN ??= new RegExp(`^\\s+(?:i|me|myself|${KIN_EN})\\b(?!'s|s')`);
  return (
    PEOPLE_AFTER_AND_EN.test(s.slice(i + 3, i + 40)) &&
    PEOPLE_BEFORE_AND_EN.test(s.slice(Math.max(0, i - 40), i))
  );
}
/**
 * Come and see it, pop round and fix it: "and" after someone coming joins their errand, one act
 * asked of the business (go and see his casks is the caller's going, which a booking names apart).
 */
function comesToDo(s: string, i: number): boolean {
  return COME_BEFORE_AND_EN.test(s.slice(Math.max(0, i - 20), i));
}
const COME_BEFORE_AND_EN = /\b(?:come|coming|pop|nip)(?: (?:over|round|around|out|back|down|up|by))?\s+$/;
let PEOPLE_BEFORE_AND_EN: RegExp | undefined;
let PEOPLE_AFTER_AND_EN: RegExp | undefined;

/** A word character as `\b` reads it. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || isDigit(c) || c === 95;
}

function inside(spans: ReadonlyArray<{ start: number; end: number }>, a: number, b: number): boolean {
  for (const n of spans) if (a >= n.start && b <= n.end) return true;
  return false;
}

function trimRange(s: string, start: number, end: number): Clause {
  while (start < end && isBlank(s.charCodeAt(start))) start++;
  while (end > start && isBlank(s.charCodeAt(end - 1))) end--;
  return { start, end };
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 34 || c === 39;
}

/** The clause around [from, to): from the last separator before it to the first one after it. */
function clauseAround(norm: string, seps: Array<[number, number]>, from: number, to: number): Clause {
  let start = 0;
  let end = norm.length;
  for (const [a, b] of seps) {
    if (b <= from) start = b;
    else if (a >= to) {
      end = a;
      break;
    }
  }
  return trimRange(norm, start, end);
}

function distance(q: Quantity, from: number, to: number): number {
  if (q.start >= to) return q.start - to;
  if (q.end <= from) return from - q.end + 0.5; // after the action reads more naturally: 退款50元
  return 0;
}

/** Analyses a text (see the module comment). Pure. */
export function analyze(text: string): Analysis {
  const norm = normalizeText(text);
  const gates = charGates(norm);
  const { quantities, bare } = scanQuantities(norm, text);
  const seps = separators(norm, quantities, bare);
  const clauses: Clause[] = [];
  let from = 0;
  for (let k = 0; k <= seps.length; k++) {
    const a = k < seps.length ? seps[k]![0] : norm.length;
    const c = trimRange(norm, from, a);
    if (c.end > c.start) clauses.push(c);
    from = k < seps.length ? seps[k]![1] : norm.length;
  }
  const clauseOf = (from: number, to: number): Clause => clauseAround(norm, seps, from, to);
  const requests: FoundRequest[] = [];
  for (const m of detectConcepts(norm, true, clauseOf)) {
    const clause = clauseAround(norm, seps, m.start, m.end);
    let howTo = false;
    // Only text that opens the gates holds the wordings; every English one has "how " or "where ".
    if ((gates & (HOW | LATIN)) !== 0) {
      const asked = norm.slice(clause.start, m.end);
      howTo =
        ((gates & HOW) !== 0 && HOW_TO_ZH.test(asked) && !DEMANDS_REMEDY.test(asked)) ||
        ((asked.includes('how ') || asked.includes('where ')) && HOW_TO_EN.test(asked));
    }
    requests.push({
      concept: m.concept,
      matchStart: m.start,
      matchEnd: m.end,
      clauseStart: clause.start,
      clauseEnd: clause.end,
      howTo,
      negated:
        ((gates & REFUSAL) !== 0 && NEGATION_BEFORE.test(norm.slice(clause.start, m.start))) ||
        (NEGATED_WITHIN.test(norm.slice(m.start, m.end)) &&
          !ASKED_EITHER_WAY.test(norm.slice(m.start, m.end))) ||
        DROPPED_AFTER.test(norm.slice(m.end, clause.end)),
      awaited: (gates & NOT_YET) !== 0 && awaited(norm, clause, m, gates),
    });
  }
  if ((gates & NOT_YET) !== 0) awaitedInNextClause(norm, clauses, requests);
  assignQuantities(requests, quantities);
  if (quantities.length > 0) penaltiesGivenBack(norm, requests, quantities);
  return { text, norm, gates, quantities, bare, clauses, requests };
}

// A charge for paying or acting late or for a service, which a company waives rather than refunds.
const PENALTY = '(?:滞纳金|违约金|罚款|罚金|逾期费|手续费)';
const PENALTY_AFTER = new RegExp(`^\\s*的?${PENALTY}`);
const PENALTY_BEFORE = new RegExp(`${PENALTY}[^,.!?;:、\\n]{0,5}$`);

/**
 * 多扣了我二十来块滞纳金…这个能退给我吗, 把那二十块滞纳金退给我: money asked back that
 * is a penalty (a late fee, a handling fee) is that penalty waived. The money is the request's
 * own amount, or with none the one sum of money said.
 */
function penaltiesGivenBack(norm: string, requests: FoundRequest[], quantities: readonly Quantity[]): void {
  let only: Quantity | undefined;
  let several = false;
  for (const q of quantities) {
    if (q.family !== 'money') continue;
    if (only !== undefined) several = true;
    only = q;
  }
  if (only === undefined) return;
  for (const r of requests) {
    if (r.concept.id !== 'refund') continue;
    const money = r.quantity ?? (several || requests.some((o) => o.quantity === only) ? undefined : only);
    if (money === undefined) continue;
    const penalty =
      PENALTY_AFTER.test(norm.slice(money.end, money.end + 6)) ||
      PENALTY_BEFORE.test(norm.slice(Math.max(0, money.start - 12), money.start));
    const waiver = penalty ? conceptById('fee_waiver') : undefined;
    if (waiver) r.concept = waiver;
  }
}

/**
 * 给我退了，我看微信里到现在也没见着: the clause right after a request, asking for nothing of its
 * own, says it has not arrived yet.
 */
function awaitedInNextClause(norm: string, clauses: readonly Clause[], requests: FoundRequest[]): void {
  for (const r of requests) {
    if (r.awaited) continue;
    const k = clauses.findIndex((c) => c.start >= r.clauseEnd);
    const next = clauses[k];
    if (!next || requests.some((o) => o.matchStart >= next.start && o.matchStart < next.end)) continue;
    const said = norm.slice(next.start, next.end);
    if (AWAITED_NEXT_ZH.test(said)) r.awaited = true;
    else if (AWAITED_NEXT_EN.test(said) && SENT_OUT_EN.test(norm.slice(r.clauseStart, r.clauseEnd)))
      r.awaited = true;
  }
}

function awaited(norm: string, clause: Clause, m: { start: number; end: number }, gates: number): boolean {
  if ((gates & LATIN) !== 0 && AWAITED_EN.test(norm.slice(clause.start, clause.end))) return true;
  return (
    AWAITED_AFTER_ZH.test(norm.slice(m.end, clause.end)) ||
    AWAITED_BEFORE_ZH.test(norm.slice(clause.start, m.start))
  );
}

/**
 * Gives each request the nearest quantity of its clause: first to actions that measure a family
 * (a refund takes money), then to the rest; a quantity goes to one request only.
 */
function assignQuantities(requests: FoundRequest[], quantities: Quantity[]): void {
  if (quantities.length === 0) return;
  // A handful at most: a list is quicker than a set.
  const taken: Quantity[] = [];
  for (let pass = 0; pass < 2; pass++) {
    for (const r of requests) {
      const families = r.concept.families;
      if ((families !== undefined) !== (pass === 0)) continue;
      let best: Quantity | undefined;
      let bestDistance = Number.POSITIVE_INFINITY;
      for (const q of quantities) {
        if (taken.includes(q) || q.start < r.clauseStart || q.end > r.clauseEnd) continue;
        if (families && !families.includes(q.family)) continue;
        // Inside another request's own words it belongs to that request.
        if (insideOther(requests, r, q)) continue;
        const d = distance(q, r.matchStart, r.matchEnd);
        if (d < bestDistance) {
          best = q;
          bestDistance = d;
        }
      }
      if (best) {
        r.quantity = best;
        taken.push(best);
      }
    }
  }
}

function insideOther(requests: readonly FoundRequest[], r: FoundRequest, q: Quantity): boolean {
  for (const o of requests) if (o !== r && q.start >= o.matchStart && q.end <= o.matchEnd) return true;
  return false;
}

/**
 * Merges repeats of one concept (密码忘了，帮我重置密码) unless both carry an amount (退款99元，
 * 另外再退款99元 asks twice); the merged request keeps the quantity, else the later, more
 * explicit clause.
 */
export function mergeRepeats<T extends { concept: ConceptDef; quantity?: Quantity }>(
  requests: T[],
  ownAmount?: (r: T) => boolean,
): T[] {
  const out: T[] = [];
  for (const r of requests) {
    let i = -1;
    for (let k = 0; k < out.length; k++) {
      // 七块骑行费退给我，我要退六十: a repeat saying an amount of its own (a bare 六十) asks for it.
      if (out[k]!.quantity && !r.quantity && ownAmount?.(r)) continue;
      if (out[k]!.concept === r.concept && (!out[k]!.quantity || !r.quantity)) {
        i = k;
        break;
      }
    }
    if (i < 0) out.push(r);
    else if (!out[i]!.quantity || r.quantity) out[i] = r;
  }
  return out;
}
