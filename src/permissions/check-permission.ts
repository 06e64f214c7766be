import { dayMovedTo, dayNamedAhead, mayNameADay } from '../domain/day-moved-to.js';
import { HELD_MONEY } from '../domain/held-money.js';
import { type Bilingual, hasCjk } from '../domain/language.js';
import { PERMISSION_CATEGORIES, type PermissionCategory } from '../domain/record-schemas.js';
import { DEMANDS_REMEDY } from '../domain/remedy-demanded.js';
import { agesSaid, withinAge } from './_ages.js';
import { type Analysis, analyze, DROPPED_CLAUSE, type FoundRequest, mergeRepeats } from './_analyze.js';
import { TwoGenerationCache } from './_cache.js';
import * as G from './_char-gates.js';
import { deniedRoleSaid } from './_denied-roles.js';
import { actionLabel } from './_label.js';
import { type ConceptDef, detectConcepts, MONEY_BACK_CONCEPTS } from './_lexicon.js';
import {
  actionsIn,
  asksAdvice,
  asksToBeTold,
  BOOKING_ACTIONS,
  booksNew,
  CJK_LIST,
  CONTRADICTED,
  conceptBit,
  conceptsMaybeNamed,
  conceptsSensed,
  contextActsForOther,
  contextOf,
  contradictsState,
  EXACT,
  hasAction,
  isPartySense,
  isRosterSense,
  type MatchLevel,
  meaningLevel,
  NO_CONTEXT,
  NONE,
  namesNoHead,
  namesOtherParty,
  negated,
  ONLY_ONE_PARTY,
  PLAUSIBLE,
  type RequestContext,
  type RequestView,
  type SenseFlags,
  STRONG,
  saidAsVerb,
  scanSenses,
  senseNumber,
  stepSaid,
  stepUnsaid,
  tellsCaseOf,
  withoutWards,
} from './_meaning.js';
import { isAsciiLetter, isDigit, normalizeText } from './_normalize.js';
import { countBefore, parseZhRun } from './_numerals.js';
import { CALLER_TELLS_EN } from './_other-party-acts.js';
import { SERVICE_PEOPLE_EN, SERVICE_PEOPLE_ZH } from './_other-party-words.js';
import {
  addedUp,
  amountIn,
  amountMissing,
  amountMissingStrictest,
  amountNote,
  formatAmount,
  NO_RULE,
  otherPartyReason,
  outOfRange,
  repeatedNote,
  ruleReason,
  unitMismatch,
  unitMismatchStrictest,
} from './_reasons.js';
import { familyOf, type RuleCondition, toBase } from './_rule.js';
import {
  type Candidates,
  headsRead,
  mark,
  markByConcept,
  markByHeads,
  type RuleIndex,
  ruleIndex,
  rulesByTokens,
  stepsOf,
} from './_rule-index.js';
import { SENSES } from './_senses.js';
import { covers, isEmpty, stemsOf, type Words } from './_words.js';
import { type CompiledRule, type CompiledRules, spansTime } from './compile-rules.js';
import {
  asksForFootage,
  findOtherParty,
  type OtherParty,
  type OtherPartyOptions,
} from './find-other-party.js';
import { parseQuantities, partOfDaySaid, type Quantity, type QuantityFamily } from './parse-quantities.js';

/** The decision on one request inside an action (退款60元然后注销账户 has two). */
export interface PermissionPart {
  text: string;
  status: PermissionCategory;
  rule: string | null;
  reason: string;
  /** The reason in both languages (`reason` is the one matching the action's language). */
  reasons?: Bilingual;
  /** The lexicon action of the part (refund ...), when it names one. */
  concept?: string;
  /** The part's own amount (N次×X counted as N×X), before anything counted from earlier. */
  amount?: { value: number; unit: Quantity['unit'] };
  /** The request in the product's words: see `PermissionDecision.label`. */
  label?: string;
  /**
   * The request matched an approval rule with a limit but said no quantity (延迟退房 against
   * 延迟退房至14点): the rule, and what it measures. Asking the caller how much decides it.
   */
  unstated?: { rule: string; family: QuantityFamily };
  /**
   * The rule does something to its concept's case (催办理赔 hurries a claim, see `meaning.acts`):
   * no money changes hands, whatever the concept.
   */
  actsOnCase?: true;
  /**
   * The part tells a case its rule is opened for, whose telling asks for it (marked delivered but
   * not received): a request, though it asks for nothing in words.
   */
  caseTold?: true;
}

/**
 * An amount approved or carried out earlier for the same customer, which a limit adds to the
 * action's own: `call` in this call, `window` in the customer's other calls within the window.
 */
export interface CountedAmount {
  concept: string;
  value: number;
  unit: Quantity['unit'];
  scope: 'call' | 'window';
}

/** Options of `checkPermission`. */
export interface CheckPermissionOptions {
  /** Earlier amounts a threshold rule adds up with the action's (limits apply to the sum). */
  counted?: readonly CountedAmount[];
  /** The window the `window` amounts come from (reported in `counted`). */
  windowHours?: number;
  /**
   * Who is calling. An action about anyone else (another phone number, a full card number, a
   * third person's data: see `findOtherParty`) is forbidden; without a phone, numbers are not
   * judged, the rest still is.
   */
  caller?: OtherPartyOptions;
  /**
   * States the call's own queries showed (a gift's `pending`, an order's 已付款待发货, a
   * return window's `open`): a rule's word or state found among them counts as said where the
   * action says nothing of it, and an opposite state among them rules the rule out. They never
   * name an action, an object or another party: the action still has to.
   */
  facts?: readonly string[];
  /**
   * The call's local day (YYYY-MM-DD), with its time of day (YYYY-MM-DDTHH:MM) when known: a move
   * to a day named (改到周六10月10日) is measured in days from it against a rule that measures moves
   * in days (改到30天以后), and a new booking for a day named (约星期六朝早九点) in hours from its
   * time against a rule's notice (开始时间距现在24小时以上).
   */
  today?: string;
  /**
   * Whether this call's queries show money owed back to the caller (an error check's total, a
   * refund the records work out). A rule giving money back within a limit describes its case in
   * its own words (维修收费差错：系统差错核对认定了的…; crediting what the attendance log shows we
   * owe): the records showing money owed meet that case, however the caller words it. The limits
   * still decide the sum.
   */
  moneyOwed?: boolean;
}

/** What a limit counted for one kind of action: earlier amounts plus this action's. */
export interface CountedTotal {
  concept: string;
  unit: Quantity['unit'];
  /** Approved earlier in this call. */
  call: number;
  /** Approved in the customer's other calls within the window. */
  window: number;
  /** This action's own amount. */
  current: number;
  total: number;
  windowHours?: number;
}

/**
 * The engine's decision on an action. `status` is the most restrictive of the parts; `rule` is
 * the rule that decided (null when no rule did: then a supervisor decides). `reason` is in
 * Chinese when the action text contains Chinese, else in English; `reasons` has both.
 */
export interface PermissionDecision {
  action: string;
  status: PermissionCategory;
  rule: string | null;
  reason: string;
  parts: PermissionPart[];
  reasons?: Bilingual;
  /** Present when earlier amounts were added to this action's (limits that add up). */
  counted?: CountedTotal[];
  /**
   * The action in the product's words, for tickets, reviews and replies instead of the caller's
   * sentence: the deciding rule's phrase with the request's own amount (临时扩容30GB, 退款30元,
   * 恢复回收站文件; 免费改签一次 keeps the count it names); without a rule, the lexicon's name
   * of the action (退款50元), else the request's words without fillers. Several requests are
   * joined with '；' (Chinese) or '; '. Always set by `checkPermission`.
   */
  label?: string;
}

/**
 * One request to decide, built from the action text (independent of the rules). Every field is
 * always there (made by `newPart`), in one order: parts then share one shape, which keeps the
 * property reads of the matcher, run per part and rule, monomorphic.
 */
interface Part {
  text: string;
  norm: string;
  /** Offsets of the part in the action text (-1 for a total made of several parts). */
  start: number;
  end: number;
  concept: ConceptDef | undefined;
  quantity: Quantity | undefined;
  /** A number said right after the action without a unit (退款50): read in the rule's unit. */
  bare: { value: number; text: string } | undefined;
  /** The quantity came from another clause of the action (扣了我15块，退给我吧). */
  borrowed: boolean | undefined;
  /**
   * Other readings of the amount: further amounts of the same kind in the clause and their sum
   * (退款99元外加运费50元). The strictest reading decides.
   */
  alternatives: Quantity[] | undefined;
  /** Asked for several times (退款3次，每次50元): `quantity` is the total, this says how it was read. */
  repeated: { times: number; each: Quantity } | undefined;
  /** Earlier amounts added to `quantity` (limits that add up). */
  counted: CountedTotal | undefined;
  /** A clause with no recognised request that still asks for something (see `parseAction`). */
  requestLike: boolean;
  /** The whole action, read once: what the part's senses need of it (its amounts, money said). */
  analysis: Analysis | undefined;
  /** What is read of the part's text on first use (cached with the parse: none of it needs rules). */
  memo: PartMemo;
}

/** A part of the text with nothing read of it yet, every field in `Part`'s order. */
function newPart(
  text: string,
  norm: string,
  start: number,
  end: number,
  analysis: Analysis | undefined,
  memo: PartMemo,
): Part {
  return {
    text,
    norm,
    start,
    end,
    concept: undefined,
    quantity: undefined,
    bare: undefined,
    borrowed: undefined,
    alternatives: undefined,
    repeated: undefined,
    counted: undefined,
    requestLike: false,
    analysis,
    memo,
  };
}

/**
 * Readings of a part's text made on first use. One object of one shape from the start: the
 * matcher asks for them once per rule, and fields added later would slow every part down.
 */
interface PartMemo {
  stems: Set<string> | undefined;
  /** Whether the part is in Chinese. */
  cjk: boolean | undefined;
  /** Whether the part names an action by meaning. */
  acts: boolean | undefined;
  /** The lexicon concepts the part may name in other words, as bits. */
  mayName: number | undefined;
  /** The lexicon concepts the part's senses name, as bits. */
  sensed: number | undefined;
  /** Senses the meaning matcher finds in the part. */
  senses: SenseFlags | undefined;
  /** Whether the part names someone other than the caller. */
  other: boolean | undefined;
}

/**
 * A copy of the part that shares its memo (same text), without its amounts when `amounts` is
 * false. Spelled out: a spread of a part costs more than deciding on it.
 */
function copyPart(part: Part, amounts = true): Part {
  const copy = newPart(part.text, part.norm, part.start, part.end, part.analysis, part.memo);
  copy.concept = part.concept;
  if (amounts) copy.quantity = part.quantity;
  copy.bare = part.bare;
  copy.borrowed = part.borrowed;
  if (amounts) copy.alternatives = part.alternatives;
  copy.repeated = part.repeated;
  copy.counted = part.counted;
  return copy;
}

function newMemo(): PartMemo {
  return {
    stems: undefined,
    cjk: undefined,
    acts: undefined,
    mayName: undefined,
    sensed: undefined,
    senses: undefined,
    other: undefined,
  };
}

interface ParsedAction {
  /** Parts for the requests the lexicon recognised. */
  requests: Part[];
  /** Clauses with no recognised request; `requestLike` when they still ask for something. */
  free: Part[];
  whole: Part;
  /** Clauses that ask for nothing, lending their objects and states to the requests (lazy). */
  context?: RequestContext;
  /** The amounts said in those clauses, for a request that states none of its kind (lazy). */
  looseAmounts?: Quantity[];
  /** Numbers said without a unit that read as sums of money (两百八的年费, I paid 129): lazy. */
  bareAmounts?: ReadonlyArray<{ value: number; text: string }>;
  analysis: Analysis;
  /** The amounts said are floors (至少, 起码, at least, minimum): more is a reading too. */
  atLeast: boolean;
}

// A clause that asks for something done (帮我开通VIP, please add ...) though the lexicon does not
// know the action: it must not ride along unchecked with an approved request. Making sure (I want
// to make sure your guy can get in) says why, not what to do. A verb before 的 names a thing done
// (你们上礼拜给我公司装的窗帘: the curtains they put up), not a request.
const REQUEST_LIKE_ZH =
  /(?:帮我|给我|替我|为我|请你|请帮|麻烦你?|我要|我想要|我需要|能不能|可不可以|能否)(?:把|将)?[^,.!?;:]{0,4}?(?:开|改|换|加|送|免|延|取消|删|恢复|找|查|转|升|降|补|发|寄|退|修|装|拆|停|冻|办|设|调|提|撤|给|告|催|赔|拖|派|叫)(?!的)/;
const REQUEST_LIKE_EN =
  /\b(?:please|pls|plz|can (?:you|u)|could (?:you|u)|would (?:you|u)|i want (?:you|u) to|i need (?:you|u) to|i want to|i'd like to|i need to|let me)\b.{0,20}?\b(?:give|add|change|remove|delete|grant|upgrade|send|transfer|waive|extend|open|activate|enable|disable|cancel|credit|update|set|make(?! sure)|issue|switch|turn|close|reset|unlock|restore|recover|share)\b/;
// English requests have letters: Chinese text skips REQUEST_LIKE_EN.
const ASCII_LETTER = /[a-z]/;
const HOW_TO = /怎么|怎样|如何|咋|\bhow (?:do|can|to)\b/;
// Asking how (会员怎么取消, how do I cancel), not why not yet (怎么还没到).
const HOW_TO_ASK =
  /(?:怎么|怎样|如何|咋)(?![^,.!?;:]*[还没不又])|\bhow (?:do|can|could|should|would) (?:i|we)\b|\bhow to\b/;

/** Asking how to do something (会员怎么取消), not demanding a wrong be made good (怎么赔我). */
function asksHowTo(norm: string): boolean {
  return HOW_TO_ASK.test(norm) && !DEMANDS_REMEDY.test(norm);
}

/** Whether the part says a sum of money: an amount of money, or a bare number read as one. */
function saysMoney(part: Part): boolean {
  return part.quantity?.family === 'money' || part.bare !== undefined;
}

const BARE_TAIL = /^\s*(?:吧|啊|呀|呢|哈|就行|就好|就可以|即可|谢谢|please|thanks)?\s*$/;

const UNTIL = /(?:到|至|\buntil|\btill|\bat|\bby)\s*(?:下午|中午|晚上|傍晚)?\s*$/;

// Money named without an amount: 钱给我退回来, you took money off my card, the fare, the quid.
const MONEY_WORDS =
  /钱|费|款|块|元|扣|\bcharg|\bfees?\b|\bfare|\$|\bdollars?\b|\bbucks?\b|£|€|\bpounds?\b|\bquid\b|\beuros?\b|\bpaid\b|\bpay|\bcost/;

// The last text tested for MONEY_WORDS: every part of a check asks about the same whole text.
let moneyNorm = '';
let moneySaid = false;

function moneyWordsIn(a: Analysis): boolean {
  if (a.norm !== moneyNorm) {
    moneyNorm = a.norm;
    moneySaid = (a.gates & G.MONEY) !== 0 && MONEY_WORDS.test(a.norm);
  }
  return moneySaid;
}

function toPart(analysis: Analysis, start: number, end: number): Part {
  const text = analysis.text.slice(start, end);
  return newPart(text, analysis.norm.slice(start, end), start, end, analysis, newMemo());
}

/** Splits an action into parts. Pure and independent of the rules, hence cached. */
function parseAction(text: string): ParsedAction {
  const analysis = analyze(text);
  // No complaints there, 不要退款: an action refused is no request (its clause is read as any other).
  const asked = analysis.requests.some((r) => r.negated)
    ? analysis.requests.filter((r) => !r.negated)
    : analysis.requests;
  const found = mergeRepeats(asked, (r) =>
    analysis.bare.some(
      (b) =>
        b.start >= r.matchEnd &&
        b.end <= r.clauseEnd &&
        analysis.norm.slice(r.matchEnd, b.start).trim() === '' &&
        BARE_TAIL.test(analysis.norm.slice(b.end, r.clauseEnd)),
    ),
  );
  const requests: Part[] = [];
  for (const r of found) requests.push(requestPart(analysis, r));
  bindLooseAmounts(analysis, found, requests);
  const free: ParsedAction['free'] = [];
  for (const c of analysis.clauses) {
    if (overlapsRequest(asked, c)) continue;
    // 冻结就算了: a clause dropping what it names asks for nothing.
    if (DROPPED_CLAUSE.test(analysis.norm.slice(c.start, c.end).trim())) continue;
    const part = toPart(analysis, c.start, c.end);
    const quantity = firstQuantityIn(analysis.quantities, c.start, c.end);
    if (quantity) part.quantity = quantity;
    // 退款五十元和五百元: an amount in the next clause continues the request before it.
    const previous = lastRequestBefore(found, c.start);
    if (quantity && previous?.quantity && previous.concept.families?.includes(quantity.family)) {
      requests.push({ ...part, concept: previous.concept });
      continue;
    }
    // Gated by the whole text's characters: most clauses hold none of these wordings.
    const gates = analysis.gates;
    const requestLike =
      !((gates & G.HOW) !== 0 && HOW_TO.test(part.norm)) &&
      (((gates & G.ASKS) !== 0 && REQUEST_LIKE_ZH.test(part.norm)) ||
        ((gates & G.LATIN) !== 0 && ASCII_LETTER.test(part.norm) && REQUEST_LIKE_EN.test(part.norm)));
    part.requestLike = requestLike;
    free.push(part);
  }
  addReadings(analysis, requests);
  applyRepeats(analysis, requests);
  // Where the text without the white space around it starts (0 when nothing is left).
  const trimmed = text.trim();
  const offset = trimmed === '' ? 0 : text.length - text.trimStart().length;
  const whole = toPart(analysis, offset, offset + trimmed.length);
  const first = analysis.quantities[0];
  if (first) whole.quantity = first;
  // A cheap first look (the gate): most texts say none of these.
  const atLeast = (analysis.gates & G.AT_LEAST) !== 0 && AT_LEAST.test(analysis.norm);
  return { requests, free, whole, analysis, atLeast };
}

const AT_LEAST =
  /至少|起码|最少|不少于|(?<![不没])(?:超过|大于|多于|高于)|不止|\d\s*\S{0,2}以上|[>≥]\s*\d|\bat least\b|\bminimum\b|\bor more\b|\b(?<!no )more than\b|\bupwards of\b/;

// Around a number said without a unit: what makes it an identifier, a date, a count or an
// estimate rather than a sum of money (房间308, 3号, 12个, 一百多, 45 minutes).
const ID_BEFORE =
  /(?:号|单|码|第|房|间|楼|层|尾|编|#|[<>=≤≥~]|超过|大于|小于|低于|不到|至少|最多|\bno\.?|\border|\broom|\btrip|\bflight|\bid|\bnumber|\bcode|\bpin|\bversion|\bv|\bthan|\bover|\bunder|\bleast|\bmost)\s*$/;
// 我交了两千七咧: a particle of the speaker's dialect (咧, 嘞, 噻, 哦) closes the sum too.
const ZH_AMOUNT_AFTER =
  /^\s*(?:$|[,.!?;:、，。！？)）"'\s]|的(?!人|时|天|事)|能|可|吧|啊|呀|呢|吗|嘛|了|都|就|还|给|你|我|这|那|是|咋|怎|要|得|也|行|好|咧|嘞|噻|哦|喔|哟|撒|哈)/;
const EN_AMOUNT_AFTER =
  /^\s*(?:$|[,.!?;:)"']|(?:and|but|so|for|back|or|already|total|in total|on|off|last|this|yesterday|today|please|extra|more|instead|because|when|which|that|i|you|it)\b)/;

/**
 * 年费两百八能免吗, I paid a hundred and twenty nine: a number without a unit that is neither an
 * identifier, a date, a year, a count, a small number nor an estimate reads as a sum of money.
 */
function readsAsMoney(norm: string, b: { value: number; start: number; end: number }): boolean {
  if (b.value < 10 || !Number.isFinite(b.value)) return false;
  const said = norm.slice(b.start, b.end);
  if (/^\d/.test(said)) {
    const digits = said.replace(/[^\d]/g, '');
    if (digits.length > 6 || digits.startsWith('0') || /^(?:19|20)\d\d$/.test(digits)) return false;
  } else if (!/[十百千万]|hundred|thousand|ty\b|teen\b/.test(said)) return false;
  if (ID_BEFORE.test(norm.slice(Math.max(0, b.start - 8), b.start))) return false;
  const after = norm.slice(b.end, b.end + 16);
  return hasCjk(norm) ? ZH_AMOUNT_AFTER.test(after) : EN_AMOUNT_AFTER.test(after);
}

function overlapsRequest(requests: readonly FoundRequest[], c: { start: number; end: number }): boolean {
  for (const r of requests) if (r.clauseStart < c.end && r.clauseEnd > c.start) return true;
  return false;
}

function firstQuantityIn(quantities: readonly Quantity[], start: number, end: number): Quantity | undefined {
  for (const q of quantities) if (q.start >= start && q.end <= end) return q;
  return undefined;
}

function lastRequestBefore(found: readonly FoundRequest[], start: number): FoundRequest | undefined {
  for (let i = found.length - 1; i >= 0; i--) if (found[i]!.clauseEnd <= start) return found[i];
  return undefined;
}

function requestPart(analysis: Analysis, r: FoundRequest): Part {
  const part = toPart(analysis, r.clauseStart, r.clauseEnd);
  part.concept = r.concept;
  if (r.quantity) part.quantity = r.quantity;
  else {
    // 退款50 / refund 50: a number right after the action, with nothing after it but a particle
    // (退款5O元 is not 退款5).
    for (const b of analysis.bare) {
      if (
        b.start >= r.matchEnd &&
        b.end <= r.clauseEnd &&
        analysis.norm.slice(r.matchEnd, b.start).trim() === '' &&
        BARE_TAIL.test(analysis.norm.slice(b.end, r.clauseEnd))
      ) {
        part.bare = { value: b.value, text: analysis.text.slice(b.start, b.end) };
        break;
      }
    }
  }
  return part;
}

/**
 * 这个月扣了我15块，我不想要了，退给我吧: the refund's own clause has no amount, but the action
 * names exactly one amount of the right kind that no other request took. A supervisor reads it as
 * the refund's amount, and so does the engine; the reason says so.
 */
function bindLooseAmounts(analysis: Analysis, found: FoundRequest[], parts: Part[]): void {
  let claimed: Quantity[] | undefined;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const families = found[i]!.concept.families;
    if (part.quantity || part.bare || !families) continue;
    if (claimed === undefined) {
      claimed = [];
      for (const r of analysis.requests) if (r.quantity !== undefined) claimed.push(r.quantity);
    }
    const taken = claimed;
    const needing = parts.filter(
      (p, j) => !p.quantity && !p.bare && found[j]!.concept.families?.some((f) => families.includes(f)),
    );
    const loose = analysis.quantities.filter((q) => !taken.includes(q) && families.includes(q.family));
    // 你把多扣的那两道给我退了撒，七百三十六: a number said alone right after the request is its
    // amount, whatever sum the story before it told (三条扣款通知，一千多块钱).
    const after = needing.length === 1 ? amountSaidAfter(analysis, part) : undefined;
    const total = needing.length === 1 && families.includes('money') ? totalSaid(analysis, taken) : undefined;
    if (after !== undefined) {
      part.bare = { value: sumAsked(part, after.value), text: analysis.text.slice(after.start, after.end) };
      part.borrowed = true;
    } else if (total !== undefined) {
      // 蜂蜜一百二十八，米一百五十六，一共两百八十四: of several sums, the one said as the total.
      if (total.quantity) part.quantity = total.quantity;
      else if (total.bare)
        part.bare = { value: total.bare.value, text: analysis.text.slice(total.bare.start, total.bare.end) };
      part.borrowed = true;
    } else if (needing.length === 1 && loose.length === 1) {
      // 四百二的票…你给我退一半呗, half of it back: half of the sum said.
      const q = loose[0]!;
      part.quantity = q.family === 'money' ? { ...q, value: sumAsked(part, q.value) } : q;
      part.borrowed = true;
    } else if (needing.length === 1 && loose.length === 0 && families.includes('money')) {
      // 电视擦裂了，六千多，赔偿 / 两千多买的，你们得赔: what it cost, said alone or as what was paid
      // for it, is the sum at stake.
      const priced = analysis.bare.filter((b) => PRICE_SAID.test(clauseAround(analysis, b)));
      if (priced.length === 1) {
        const b = priced[0]!;
        part.bare = { value: sumAsked(part, b.value), text: analysis.text.slice(b.start, b.end) };
        part.borrowed = true;
      }
    }
  }
}

/** Words saying the sum that follows is the total (一共, 加起来, altogether). */
const TOTAL_BEFORE =
  /(?:一共|总共|合计|总计|加起来|加一起|一起)(?:是|就是|要|算)?\s*$|\b(?:in total|altogether|all together|total(?: of)?|comes to)\s*$/;

/**
 * The sum said as the total of several (一共两百八十四, altogether £52), money or a bare number,
 * when exactly one is: no request took it yet.
 */
function totalSaid(
  analysis: Analysis,
  taken: readonly Quantity[],
): { quantity?: Quantity; bare?: Analysis['bare'][number] } | undefined {
  const before = (start: number) => TOTAL_BEFORE.test(analysis.norm.slice(Math.max(0, start - 14), start));
  const found: Array<{ quantity?: Quantity; bare?: Analysis['bare'][number] }> = [];
  for (const q of analysis.quantities)
    if (q.family === 'money' && !taken.includes(q) && before(q.start)) found.push({ quantity: q });
  for (const b of analysis.bare) if (before(b.start)) found.push({ bare: b });
  return found.length === 1 ? found[0] : undefined;
}

/** A clause that is only a number (七百三十六, 736块, 一百五啊): an amount said on its own. */
const NUMBER_ALONE =
  /^[\d零一二两三四五六七八九十百千万.,]+\s*(?:块钱?|元|蚊)?\s*(?:是吧|对吧|是不是|对不对|没错吧)?[啊呀吧哈撒嘛咯啦]*$/;

/** The bare number said as a clause of its own right after the part (at most a mark between). */
function amountSaidAfter(
  analysis: Analysis,
  part: Part,
): { value: number; start: number; end: number } | undefined {
  if (part.end < 0) return undefined;
  for (const b of analysis.bare) {
    if (b.start < part.end || b.start - part.end > 2) continue;
    if (NUMBER_ALONE.test(clauseAround(analysis, b))) return b;
  }
  return undefined;
}

/** Half of a sum asked back: 退一半, 退我一半, half of it back, 50% back. */
const HALF_ASKED = /一半|\bhalf\b|50\s*%|百分之五十/;

/** What the part asks of a sum said elsewhere in the line: all of it, or half when it says half. */
function sumAsked(part: Part, sum: number): number {
  return HALF_ASKED.test(part.norm) ? sum / 2 : sum;
}

/** A number said roughly (六千多, 二十几, 三百来): named as said, never as the most it may be. */
const APPROXIMATE = /[多几来余]|\bodd\b/;

/** A clause that is a sum alone (六千多) or what something cost (两千多买的, 花了三千). */
const PRICE_SAID =
  /^(?:花了|买成|要)?\s*[\d零一二两三四五六七八九十百千万.]+\s*(?:多|来)?\s*(?:块钱?|元)?\s*(?:买的|买了|买来的|的)?$/;

/** The text of the clause a number stands in, trimmed. */
function clauseAround(analysis: Analysis, b: { start: number; end: number }): string {
  for (const c of analysis.clauses)
    if (c.start <= b.start && b.end <= c.end)
      return analysis.norm
        .slice(c.start, c.end)
        .replace(/[,.!?;:，。！？、\s]+$/, '')
        .trim();
  return '';
}

/** The parts' amounts (a handful: a list is quicker than a set). */
function claimedQuantities(parts: readonly Part[]): Quantity[] {
  const claimed: Quantity[] = [];
  for (const p of parts) if (p.quantity !== undefined) claimed.push(p.quantity);
  return claimed;
}

function total(quantities: Quantity[], lang: 'zh' | 'en'): Quantity {
  const first = quantities[0]!;
  const value = Math.round(quantities.reduce((sum, q) => sum + q.value, 0) * 1e6) / 1e6;
  const text = amountIn(value, first.unit, lang);
  return { ...first, value, text: lang === 'zh' ? `合计${text}` : `${text} in total`, start: -1, end: -1 };
}

/**
 * Makes sure no reading of the amounts can slip through: a clause with several amounts of its
 * request's kind is decided on each and on their sum, and one request asked for several times
 * with amounts (退款99元，另外再退款99元) is decided on the total too.
 */
function addReadings(analysis: Analysis, parts: Part[]): void {
  // Computed only when a total is made: most actions have one amount per request.
  const lang = (): 'zh' | 'en' => (hasCjk(analysis.text) ? 'zh' : 'en');
  const several = analysis.quantities.length > 1;
  const claimed = several ? claimedQuantities(parts) : undefined;
  for (const part of parts) {
    const q = part.quantity;
    if (!q || part.borrowed || part.start < 0) continue;
    // Lists made only for a part that has other readings (most have none).
    let readings: Quantity[] | undefined;
    if (claimed) {
      let others: Quantity[] | undefined;
      for (const o of analysis.quantities) {
        if (o === q || claimed.includes(o) || o.unit !== q.unit || o.start < part.start || o.end > part.end)
          continue;
        others ??= [];
        others.push(o);
      }
      if (others) readings = [...others, total([q, ...others], lang())];
    }
    // 退款80 0元: digits split by a stray space may be one number (800), so that reading counts too.
    const split =
      analysis.bare.length > 0 && isDigit(q.text.charCodeAt(0)) ? splitBefore(analysis, q) : undefined;
    if (split && /^[\d,]+$/.test(analysis.norm.slice(split.start, split.end))) {
      const joined = Number(`${analysis.norm.slice(split.start, split.end).replaceAll(',', '')}${q.value}`);
      const text = analysis.text.slice(split.start, q.end);
      readings ??= [];
      readings.push({ ...q, value: joined, text });
    }
    if (readings) part.alternatives = readings;
  }
  let withAmount = 0;
  for (const part of parts) if (part.concept && part.quantity) withAmount++;
  if (withAmount < 2) return;
  const groups = new Map<string, Part[]>();
  for (const part of parts) {
    if (!part.concept || !part.quantity) continue;
    const key = `${part.concept.id} ${part.quantity.unit}`;
    groups.set(key, [...(groups.get(key) ?? []), part]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const sum = newPart(
      group.map((p) => p.text).join(' + '),
      group.map((p) => p.norm).join(' + '),
      -1,
      -1,
      undefined,
      newMemo(),
    );
    sum.concept = group[0]!.concept!;
    sum.quantity = total(
      group.map((p) => p.quantity!),
      lang(),
    );
    parts.push(sum);
  }
}

/** The first number said without a unit before the quantity with only white space between. */
function splitBefore(analysis: Analysis, q: Quantity): Analysis['bare'][number] | undefined {
  for (const b of analysis.bare)
    if (b.end < q.start && analysis.norm.slice(b.end, q.start).trim() === '') return b;
  return undefined;
}

// 每次50元, 各50元, $50 each: the amount is per time, so a count said with it multiplies it.
const PER_TIME =
  /每(?:次|笔|回|单|个)|各|分别|\beach\b|\bapiece\b|\bper (?:time|refund|payment)\b|\bevery time\b/;
// 3笔退款 / 3 refunds: a small number right before the action's own words counts it (a measure
// word in Chinese, a plural in English; 订单123456退款 is not 123456 refunds).
const COUNT_BEFORE_ZH = /^\s*(?:笔|次)\s*$/;
const PLURAL_AFTER = /^[a-z]+s\b/;

/**
 * 退款3次，每次50元 / refund $50 three times / 3 refunds of $50 ask for N×X, and a limit applies to
 * that total. A count multiplies an amount when it is said with the request itself or the amount
 * is said to be per time; a count elsewhere (我打了3次电话) does not.
 */
function applyRepeats(analysis: Analysis, parts: Part[]): void {
  // Without a count said anywhere (3次, a small bare number) nothing repeats.
  let counts = false;
  for (const c of analysis.quantities) if (c.unit === 'time') counts = true;
  for (const b of analysis.bare) if (Number.isInteger(b.value) && b.value <= 100) counts = true;
  if (!counts) return;
  const claimed = claimedQuantities(parts);
  const perTime = (analysis.gates & G.PER_TIME) !== 0 && PER_TIME.test(analysis.norm);
  for (const part of parts) {
    const q = part.quantity;
    if (!part.concept || !q || q.family === 'count') continue;
    const id = part.concept.id;
    let times = 0;
    for (const c of analysis.quantities) {
      if (c.unit !== 'time' || claimed.includes(c) || !Number.isInteger(c.value)) continue;
      // 剩下那六次你们给我退了: the sessions pointed at are what is given back, no repeat of it.
      if (!perTime && POINTED_AT.test(analysis.norm.slice(Math.max(0, c.start - 4), c.start))) continue;
      if (perTime || saidWith(analysis, id, c)) times = Math.max(times, c.value);
    }
    for (const b of analysis.bare) {
      if (!Number.isInteger(b.value) || b.value > 100) continue;
      if (countsRequest(analysis, id, b)) times = Math.max(times, b.value);
    }
    if (times < 2) continue;
    part.repeated = { times, each: q };
    part.quantity = timesOver(q, times);
    if (part.alternatives) part.alternatives = part.alternatives.map((x) => timesOver(x, times));
  }
}

/** Words pointing at things had (那, 这, 剩下的, the remaining): a count after them counts those things. */
const POINTED_AT =
  /(?:那|这|剩下的?|剩余的?|余下的?|没上的|没用的)$|\b(?:the|those|these|remaining|other)\s+$/;

/** The quantity `times` over (a count said with the request multiplies its amount). */
function timesOver(x: Quantity, times: number): Quantity {
  return { ...x, value: Math.round(x.value * times * 1e6) / 1e6 };
}

/** Whether the count is said in the clause of a request for the concept. */
function saidWith(analysis: Analysis, id: string, c: Quantity): boolean {
  for (const r of analysis.requests)
    if (r.concept.id === id && c.start >= r.clauseStart && c.end <= r.clauseEnd) return true;
  return false;
}

/** Whether the number counts a request for the concept said right after it (3笔退款, 3 refunds). */
function countsRequest(analysis: Analysis, id: string, b: { start: number; end: number }): boolean {
  for (const r of analysis.requests) {
    if (r.concept.id !== id || b.end > r.matchStart) continue;
    const between = analysis.norm.slice(b.end, r.matchStart);
    if (
      COUNT_BEFORE_ZH.test(between) ||
      (between.trim() === '' && between !== '' && PLURAL_AFTER.test(analysis.norm.slice(r.matchStart)))
    )
      return true;
  }
  return false;
}

// Agents check the same short actions again and again: parsing is cached by text, decisions by
// text per compiled rule set. Both caches are bounded.
const CACHE_SIZE = 1024;
const parses = new TwoGenerationCache<ParsedAction>(CACHE_SIZE);
const decisions = new WeakMap<CompiledRules, TwoGenerationCache<PermissionDecision>>();
// The last rule set's decisions: a caller checks many actions against one product's rules.
let lastRules: CompiledRules | undefined;
let lastCache: TwoGenerationCache<PermissionDecision> | undefined;

function parseActionCached(text: string): ParsedAction {
  let parsed = parses.get(text);
  if (parsed === undefined) {
    parsed = parseAction(text);
    parses.offer(text, parsed);
  }
  return parsed;
}

function stemsFor(part: Part): () => Set<string> {
  return () => {
    part.memo.stems ??= stemsOf(part.norm);
    return part.memo.stems;
  };
}

/** Whether the flags name one of the senses. */
function anyOf(senses: readonly number[], has: SenseFlags): boolean {
  for (const h of senses) if (has[h] === 1) return true;
  return false;
}

function hasMoney(quantities: readonly Quantity[]): boolean {
  for (const q of quantities) if (q.family === 'money') return true;
  return false;
}

/** Whether the part names an action by meaning (cached). */
function actsOf(part: Part): boolean {
  part.memo.acts ??= hasAction(sensesOf(part));
  return part.memo.acts;
}

/** The lexicon concepts the part names in specific actions of its own words (cached). */
function sensedOf(part: Part): number {
  part.memo.sensed ??= conceptsSensed(sensesOf(part));
  return part.memo.sensed;
}

function sensesOf(part: Part): SenseFlags {
  if (part.memo.senses) return part.memo.senses;
  const a = part.analysis;
  // "I want that back" is a refund where the action names money (an amount, 钱, a charge).
  const money = a !== undefined && (hasMoney(a.quantities) || moneyWordsIn(a));
  const has = scanSenses(part.norm, undefined, money);
  // An amount names what it measures: 送我三个G asks for data, 给个两百积分 for points.
  for (const q of a?.quantities ?? []) {
    if (q.start < part.start || q.end > part.end) continue;
    if (q.family === 'data') has[senseNumber('data_traffic')] = 1;
    else if (q.family === 'points') has[senseNumber('points')] = 1;
    // 退房到下午两点, check out at 2pm: a time something lasts to is a delay.
    else if (q.family === 'clock' && UNTIL.test(a!.norm.slice(Math.max(0, q.start - 8), q.start)))
      has[senseNumber('delay')] = 1;
  }
  part.memo.senses = has;
  return has;
}

/**
 * What the caller did, told (I sent a gift card to my niece, we booked two rooms, 我昨天
 * 寄了一张卡给我妹, 电池我换了两粒新的, 电池我上礼拜刚换的新的, 顺手给换了个超C级的, but when I reset it): an action done, not asked for, so the thing it names is what "it" means in
 * the request beside it (can you cancel it).
 */
const BOOKING_TOLD =
  /^(?![^,.!?;:、\n]*(?:帮|给我|给俺|麻烦|你给|请))[^,.!?;:、\n]{0,14}?(?:预约|预订|约|订|买|办|报名)了(?![^,.!?;:、\n]*[吧呗嘛吗])/;
const TOLD_DONE = new RegExp(
  `${CALLER_TELLS_EN}${String.raw`(?!need|used|want|wonder|hop|prefer|lik)[a-z]+ed\b|^(?:我|我们)(?:已经|刚刚?|之前|前几天|昨天|昨晚|前天|上周|上个月)[^,.!?;:、\n]{0,10}?了|^[^,.!?;:、\n]{0,6}?(?:我|我们)(?:自己|已经|都|也|刚)*[\u4e00-\u9fff]了|^(?:顺手|顺便|直接|擅自|私自|又|还)*给(?:我|俺)?[\u4e00-\u9fff]{1,2}了(?![^,.!?;:、\n]*[吧呗嘛])|^[^,.!?;:、\n]{0,6}?(?:我|我们|俺|额|咱)(?:上礼拜|上星期|上周|上个月|昨天|前天|前几天|去年|前年|之前|刚刚?|已经|自己)+[\u4e00-\u9fff]{1,2}的(?!话|时候)|^(?:but |and |so |then )?(?:when|after|once) (?:i|we) (?!need|want|have to|must|could|can|will|would)|${BOOKING_TOLD.source}`}`,
);

/** Whether the part tells what the caller did and asks for nothing in so many words (TOLD_DONE). */
function toldDone(part: Part): boolean {
  return !part.requestLike && TOLD_DONE.test(part.norm);
}

/**
 * 你们保证提二十分吗？不提分就退钱: what would follow if something does not happen (不…就…), said
 * beside a promise the caller asks for, is what is to be promised, not asked for now.
 */
function promisedOnCondition(part: Part, parsed: ParsedAction): boolean {
  if (!CONDITION_THEN_ZH.test(part.norm)) return false;
  promiseSenseNumber ??= senseNumber('promise');
  const promise = promiseSenseNumber;
  return [...parsed.requests, ...parsed.free].some((p) => p !== part && sensesOf(p)[promise] === 1);
}
/** A clause opening on what does not happen, then 就 (不提分就退钱, 没效果就退钱). */
const CONDITION_THEN_ZH = /^(?:要是|如果|假如)?(?:不|没有?)[^,.!?;:，。！？；、\n]{1,8}?就/;
let promiseSenseNumber: number | undefined;

/**
 * 我老公明天早上八点半约了你们上门做PICC维护: a booking made, told, though the lexicon reads the
 * visit in it; no request of its own (帮我约了吧 asks).
 */
function bookingTold(part: Part): boolean {
  return !part.requestLike && BOOKING_TOLD.test(part.norm);
}

/**
 * he's gone and booked one of your skips, she already cancelled: what someone else did, told
 * right before the request the lexicon found in it (booked one of your skips), is no request of
 * the caller's, nor the context of one.
 */
function toldOfOther(action: string, part: Part): boolean {
  // Most actions hold no he or she (every Chinese one): the expressions are not run for them.
  if (part.start < 0 || !action.includes('he') || ASKS_EN.test(part.norm)) return false;
  const lead = action
    .slice(Math.max(0, part.start - 24), part.start)
    .toLowerCase()
    .replace(/’/g, "'");
  return OTHER_DID.test(`${lead} ${part.norm}`);
}
// Not "they", which is mostly the business itself (they spelled my name wrong, can u fix that).
const OTHER_DID =
  /\b(?:he|she)(?:'s|'d|\s+has|\s+had)?\s+(?:(?:gone|went)\s+and\s+|already\s+|just\s+)?(?!need|used|want|hop|lik)[a-z]+ed\b/;
const ASKS_EN =
  /\b(?:can|could|would|will) (?:you|u)\b|\bplease\b|\bpls\b|\bi(?:'d| would)? (?:want|need|like)\b|\bgive me\b/;

/**
 * The clauses of the action that ask for nothing (就是工作文档那个文件夹, 在保修期内吧) or tell
 * what the caller did (TOLD_DONE): what they name counts for the requests beside them.
 */
function contextFor(parsed: ParsedAction): RequestContext {
  if (parsed.context) return parsed.context;
  const clauses: Array<{ norm: string; has: SenseFlags }> = [];
  const loose: Quantity[] = [];
  for (const c of parsed.free) {
    if (actsOf(c) && !toldDone(c) && !balanceHeld(c)) continue;
    clauses.push({ norm: c.norm, has: sensesOf(c) });
    if (c.quantity) loose.push(c.quantity);
  }
  // A request the lexicon found that the caller tells as done (I sent a gift card): its
  // thing is what the others are about, as above; it still stands as a request of its own.
  for (const r of parsed.requests)
    if (toldDone(r) || balanceHeld(r)) clauses.push({ norm: r.norm, has: sensesOf(r) });
  parsed.context = clauses.length === 0 ? NO_CONTEXT : contextOf(clauses);
  parsed.looseAmounts = loose;
  return parsed.context;
}

/** How each rule matches a part. */
interface RuleLevels {
  /** A level per rule, by rule number. */
  of: readonly MatchLevel[];
  /** The numbers of the rules above NONE, in rule order: most rules are NONE, and readers skip them. */
  hits: readonly number[];
  /** Money asked back where the call's queries show money owed (see `owedCaseMet`). */
  owed?: true;
}

/**
 * How each rule matches the part: the lexicon's match is strong; a rule on the part's lexicon
 * action whose other words the part lacks matches plausibly; otherwise by meaning (`_meaning.ts`).
 * A contradiction found by meaning (保修期外 against 保修期内) also undoes a plausible lexicon match.
 */
function levelsFor(
  rules: CompiledRules,
  part: Part,
  parsed: ParsedAction | undefined,
  facts: RequestContext,
  joined = false,
): RuleLevels {
  const saysSum = saysMoney(part);
  const n = rules.rules.length;
  const index = ruleIndex(rules);
  // Made on the first match: most parts match no rule, and then share the index's levels.
  let levels: MatchLevel[] | undefined;
  let view: PartView | undefined;
  // The lexicon concepts the part may name in other words (滞纳金要退 is a waiver too), as bits.
  // Only concepts of other rules than the part's own lexicon action matter.
  const bits = part.concept ? index.bits : undefined;
  if (bits && (index.others & ~conceptBit(part.concept!)) !== 0)
    part.memo.mayName ??= conceptsMaybeNamed(part.norm);
  const maybe = part.memo.mayName ?? 0;
  // Only the rules the index finds can match: every other one is NONE below (see `_rule-index.ts`).
  if (candidates.flags.length < n) {
    candidates.flags = new Uint8Array(n);
    candidates.list = new Int32Array(n);
  }
  const { flags } = candidates;
  candidates.count = 0;
  if (part.concept) {
    markByConcept(index, part.concept, candidates);
    for (const i of index.bitRules)
      if (flags[i] === 0 && (maybe & index.bits[i]!) !== 0 && (sensedOf(part) & index.bits[i]!) !== 0)
        mark(candidates, i);
  }
  // A rule without a lexicon concept matches by its words when the part says all of them.
  const byTokens = rulesByTokens(index, part.norm, tokenRules);
  for (let t = 0; t < byTokens; t++) {
    const i = tokenRules[t]!;
    if (flags[i] === 0 && coversPart(rules.rules[i]!.tokens, part)) mark(candidates, i);
  }
  const withConcept = part.concept !== undefined;
  markByHeads(index, headsRead(index, withConcept) ? sensesOf(part) : undefined, withConcept, candidates);
  for (const { rule, steps } of index.listedSteps)
    if (flags[rule] === 0 && steps.some((w) => stepSaid(w, part.norm))) mark(candidates, rule);
  const asked = askedExactly(rules, index, part, parsed);
  if (asked !== undefined) for (const i of asked) if (flags[i] === 0) mark(candidates, i);
  // In rule order: `explainedAway` and `narrowest` read the matches in that order.
  const { list, count } = candidates;
  sortFew(list, count);
  const matched: number[] = [];
  for (let c = 0; c < count; c++) {
    const i = list[c]!;
    flags[i] = 0;
    const rule = rules.rules[i]!;
    if (asked?.has(i)) {
      levels ??= index.noLevels.slice();
      levels[i] = EXACT;
      matched.push(i);
      continue;
    }
    // A shorter phrase of a rule whose note the request breaks (押金退给我，我还有欠费) is not it.
    if (rule.excludes !== undefined && breaksCondition(rule, parsed?.whole.norm ?? part.norm)) continue;
    // 开增值税专票 asks for an invoice, not one that says other than what was paid.
    if (rule.falsity !== undefined && !falsityAsked(rule, parsed?.whole.norm ?? part.norm)) continue;
    // 电缆 of a ban on taking cable in: asked to be taken in (拿给你们卖), not only named.
    if (
      rule.handedIn !== undefined &&
      !ruleRegExp(handedIns, rule, rule.handedIn, '').test(parsed?.whole.norm ?? part.norm)
    )
      continue;
    // A remedy alone (返还被扣课时) is its rule only where its circumstance is told or shown.
    if (
      rule.circumstance !== undefined &&
      !circumstanceTold(rule, parsed?.whole.norm ?? part.norm, facts.norm)
    )
      continue;
    // Telling a named guardian the fees: not the rule of a caller in no such role.
    if (rule.role !== undefined && !roleShown(rule.role, parsed?.whole.norm ?? part.norm, facts.norm))
      continue;
    // （未成年来访者的登记监护人办理预约改约除外）: the records show the caller in the role excepted,
    // and the part asks one of the acts excepted.
    if (rule.excepted !== undefined && exceptedForCaller(rule.excepted, part, facts.norm)) continue;
    // Telling a caller to tape a leaking valve: only a line asking what to do or whether the
    // caller may asks it (send someone to change it asks for a swap).
    if (rule.meaning.advice && !asksAdvice(parsed?.whole.norm ?? part.norm)) continue;
    // 向下单人本人说明订单、付款退款: only a line asking to be told asks an explanation.
    if (rule.meaning.explains && !asksToBeTold(parsed?.whole.norm ?? part.norm)) continue;
    let lexicon = lexiconLevel(rule, part, facts);
    // 给我开张发票 against 透露…以外任何人的…发票水单: the lexicon names the thing of a rule on
    // other people's data, and the request names no one else: the reading by meaning decides.
    if (lexicon === EXACT && rule.meaning.needsOther) {
      view ??= new PartView(part, parsed, facts, joined);
      const around = view.context();
      if (!view.other() && !(around.other() && contextActsForOther(rule.meaning, around.norm)))
        lexicon = NONE;
    }
    // The lexicon's own match, or a rule on another lexicon action than the part's that the part
    // does not name in other words either: settled, unless the part names the opposite of a
    // state the rule requires (return an opened item, said of one never opened).
    if (lexicon === EXACT && contradictsState(rule.meaning, sensesOf(part), parsed && contextFor(parsed).has))
      continue;
    if (lexicon === EXACT) {
      levels ??= index.noLevels.slice();
      levels[i] = lexicon;
      matched.push(i);
      continue;
    }
    if (lexicon === NONE && part.concept && rule.concepts.length > 0) {
      if (!(bits && (maybe & bits[i]!) !== 0 && (sensedOf(part) & bits[i]!) !== 0)) continue;
    } else if (
      lexicon === NONE &&
      namesNoHead(rule.meaning, sensesOf(part)) &&
      !(stepsOf(rule)?.some((w) => stepSaid(w, part.norm)) ?? false)
    ) {
      // Most rules name none of the request's actions: settled without reading further.
      continue;
    }
    view ??= new PartView(part, parsed, facts, joined);
    const meaning = meaningLevel(
      rule.meaning,
      rule.concepts,
      view,
      rule.category === 'can_approve_immediately',
      // Only a part that says a sum may say the rule's money: no closure for the rest.
      saysSum ? () => sumOfItsMoney(rules, rule, part) : undefined,
    );
    const level = meaning === CONTRADICTED ? NONE : (Math.max(meaning, lexicon) as MatchLevel);
    // 价保退差价 against 钱退给我 or 查一下退款进度: a forbidden rule about a thing of its own (the
    // price difference) is no reading of a request that names neither it nor anyone else: what is
    // refused is refused for that thing.
    if (level === PLAUSIBLE && rule.category === 'forbidden' && thingUnsaid(rule, view, parsed)) continue;
    if (level > NONE) {
      levels ??= index.noLevels.slice();
      levels[i] = level;
      matched.push(i);
    }
  }
  // My son turns seventeen … can you book him in: an age said decides the rules that serve by age.
  levels = byAge(rules, part, parsed, matched, levels);
  if (levels === undefined) return { of: index.noLevels, hits: matched };
  const owed = facts.owed === true && part.concept !== undefined && MONEY_BACK_CONCEPTS.has(part.concept.id);
  const readings: Readings = { rules, levels, matched, part, whole: parsed?.whole };
  residualsYield(readings);
  // One match alone is never explained away nor narrowed (both weigh it against another).
  if (matched.length < 2) return owed ? { of: levels, hits: matched, owed } : { of: levels, hits: matched };
  explainedAway(rules, index, levels, matched, sensesOf(part), part.norm);
  narrowest(readings);
  actedUpon(readings);
  const hits: number[] = [];
  for (const i of matched) if (levels[i]! > NONE) hits.push(i);
  return owed ? { of: levels, hits, owed } : { of: levels, hits };
}

/**
 * A part's readings as the passes that weigh them against each other see them: the rules, each
 * rule's level (narrowed in place), the rules matched, the part, and the line it is part of.
 */
interface Readings {
  rules: CompiledRules;
  levels: MatchLevel[];
  matched: number[];
  part: Part;
  whole: Part | undefined;
}

/**
 * 吃坏肚子了，赔我五百 against 其他规则以外的补偿 and 食品安全问题（…要求赔医药费）: a rule for what no
 * other rule covers reads a request only where no other rule on its action reads it by more than
 * the action (strongly, or with its case told). `matched` is updated in place.
 */
function residualsYield({ rules, levels, matched, part, whole }: Readings): void {
  if (!matched.some((i) => rules.rules[i]!.residual !== undefined)) return;
  const line = (whole ?? part).norm;
  const ownCaseSaid = (rule: CompiledRule): boolean =>
    rule.residual !== '' && ruleRegExp(residualCases, rule, rule.residual!, '').test(line);
  const has = sensesOf(part);
  const sameAction = (a: CompiledRule, b: CompiledRule): boolean => actOnTheSame(a, b, part.concept, has);
  const lineHas = whole === undefined ? has : sensesOf(whole);
  // 孩子受伤了，赔两千 against 人身伤害的医药费和赔偿: a thing of the other rule's own said in the line
  // (a thing, not an act it is about: 维修费退一半 is no repair lost in the post).
  const thingSaid = (rule: CompiledRule): boolean => ownThingSaid(rule, has, lineHas);
  const covered = (i: number, rule: CompiledRule): boolean =>
    matched.some((j) => {
      const other = rules.rules[j]!;
      return (
        other.residual === undefined &&
        other.category !== 'forbidden' &&
        other.text !== rule.text &&
        levels[j]! >= levels[i]! &&
        // Read by more than the action: its case told, or its things or words said (not the same
        // money above the residual's limit: 退款或补偿>50元 beside 其他退款<=50元), or a thing of
        // its own said anywhere in the line.
        (other.circumstance !== undefined ||
          (levels[j]! >= STRONG && namesMoreThanAction(other)) ||
          thingSaid(other)) &&
        sameAction(rule, other)
      );
    });
  const yielded = matched.filter((i) => {
    const rule = rules.rules[i]!;
    return rule.residual !== undefined && !ownCaseSaid(rule) && covered(i, rule);
  });
  for (const i of yielded) {
    levels[i] = NONE;
    matched.splice(matched.indexOf(i), 1);
  }
}

/** Whether two rules both read the part's action: its lexicon concept, or a head the part says. */
function actOnTheSame(
  a: CompiledRule,
  b: CompiledRule,
  concept: ConceptDef | undefined,
  has: SenseFlags,
): boolean {
  return (
    (concept !== undefined && a.concepts.includes(concept) && b.concepts.includes(concept)) ||
    a.meaning.heads.some((h) => has[h] === 1 && b.meaning.heads.includes(h))
  );
}

/** Whether a rule names a thing or a word besides its action (医药费, 质量问题). */
function namesMoreThanAction(rule: CompiledRule): boolean {
  const { objects, words } = rule.meaning;
  return objects.length > 0 || words.zh.length + words.en.length > 0;
}

/**
 * Whether a rule names things (not people) and the request's line says none of them nor any other
 * word of the rule's own (坚果 of 在订单上写明无坚果), in its clause, the clauses around it or the
 * whole, and neither the rule nor the request is about anyone else.
 */
function thingUnsaid(rule: CompiledRule, view: PartView, parsed: ParsedAction | undefined): boolean {
  const { objects, needsOther, words } = rule.meaning;
  if (needsOther || objects.some(isPartySense)) return false;
  const listed = rule.meaning.listed;
  // A ban of an action on goods, the things listed after its colon: those things are its scope.
  const kinds =
    listed !== undefined &&
    objects.length === 0 &&
    rule.meaning.heads.some((h) => SENSES[h]!.onThingsListed === true) &&
    KINDS_AFTER_COLON.test(rule.phrase);
  const examples = kinds || (listed !== undefined && EXAMPLES_LISTED.test(rule.phrase));
  if (objects.length === 0 && !kinds) return compoundsUnsaid(rule, view, parsed);
  // 我老公…用了多少次 against 替持卡人以外的人办理任何卡务: someone else named keeps every forbidden reading.
  const around = view.context();
  if (view.other() || around.other()) return false;
  const has = view.senses();
  const whole = parsed?.whole;
  const norms = [view.norm, around.norm, whole?.norm ?? ''];
  // 替猫眼、淘票票、抖音团购等第三方平台的订单退款: a rule on the things it lists (the platforms) is on
  // none of them when none is said, however much of the rest (票, 订单) is. 运送危险品：液化气罐、汽油…
  // asked as 帮我捎两箱西瓜 carries none of them.
  if (examples && !listed!.some((item) => itemSaid(item, norms))) return true;
  if (objects.length === 0) return false;
  const line = whole === undefined ? has : sensesOf(whole);
  if (objects.some((o) => has[o] === 1 || around.has[o] === 1 || line[o] === 1)) return false;
  if (words.zh.some((w) => w.length >= 2 && !DENIAL_ZH.test(w) && norms.some((n) => n.includes(w))))
    return false;
  if (words.en.length === 0) return true;
  const stems = whole === undefined ? view.stems() : stemsFor(whole)();
  return !words.en.some((w) => view.stems().has(w) || around.stems().has(w) || stems.has(w));
}

/**
 * Editing course logs, play records, lesson records or statements: an English forbidden rule on
 * things of two words each, listed, is on none of them when no one is said whole (move the course
 * booking says course, not course logs). Undefined items where the rule lists no such things.
 */
function compoundsUnsaid(rule: CompiledRule, view: PartView, parsed: ParsedAction | undefined): boolean {
  const items = compoundItems(rule);
  if (items === undefined || view.other() || view.context().other()) return false;
  const whole = parsed?.whole;
  const said = [view.stems(), view.context().stems(), ...(whole === undefined ? [] : [stemsFor(whole)()])];
  return !items.some((item) => item.every((w) => said.some((s) => s.has(w))));
}

const compoundsOf = new WeakMap<CompiledRule, string[][] | null>();

/** The two-word things an English rule lists after its verb (course logs, play records), or undefined. */
function compoundItems(rule: CompiledRule): string[][] | undefined {
  let items = compoundsOf.get(rule);
  if (items === undefined) {
    const list = COMPOUND_LIST.exec(rule.phrase)?.[1];
    const parts = list?.split(/\s*,\s*(?:or\s+|and\s+)?|\s+(?:or|and)\s+/).filter(Boolean);
    items =
      parts !== undefined && parts.length >= 2 && parts.some((p) => p.split(' ').length === 2)
        ? parts.map((p) => [...stemsOf(p)])
        : null;
    compoundsOf.set(rule, items);
  }
  return items ?? undefined;
}
/** A verb, then things listed to the end of the clause (editing course logs, play records or statements). */
const COMPOUND_LIST =
  /^[a-z]+ing\s+((?:[a-z-]+\s+){0,1}[a-z-]+(?:\s*,\s*(?:or\s+|and\s+)?(?:[a-z-]+\s+){0,1}[a-z-]+)*\s+(?:or|and)\s+(?:[a-z-]+\s+){0,1}[a-z-]+)$/;

/** Things listed as examples of a kind (猫眼、淘票票、抖音团购等第三方平台), closed by 等. */
const EXAMPLES_LISTED = /、[^、,，;；:：()（）]{1,8}等/;
/** The things a kind is, listed after its colon (运送危险品和活物：液化气罐、汽油柴油、烟花爆竹). */
const KINDS_AFTER_COLON = /[:：][^、,，;；:：()（）]{1,8}、/;

/** One of a rule's listed things said: a word of two characters or more, or its only words. */
function itemSaid(item: readonly string[], norms: readonly string[]): boolean {
  const short = item.every((w) => w.length === 1);
  return item.some((w) => (short || w.length >= 2) && norms.some((n) => n.includes(w)));
}

/**
 * The levels with the rules that serve by age held against the ages the request states (see
 * `_ages.ts`): 18+ with ID, for a seventeen-year-old, is not that approval; hiring power tools to
 * anyone under 18, read in "the hire crowd … a power washer" with no young person in it, is not that
 * rule either (its circumstance is the age); anyone under 18, asked for a seventeen-year-old, has
 * its circumstance told. `matched` is updated in place, in rule order.
 */
function byAge(
  rules: CompiledRules,
  part: Part,
  parsed: ParsedAction | undefined,
  matched: number[],
  given: MatchLevel[] | undefined,
): MatchLevel[] | undefined {
  const aged = rulesWithAge(rules);
  if (aged.length === 0) return given;
  let levels = given;
  const whole = parsed?.whole.norm ?? part.norm;
  const { ages } = agesIn(whole);
  for (const i of aged) {
    const rule = rules.rules[i]!;
    const inside = ages.some((a) => withinAge(rule.age!, a));
    const at = matched.indexOf(i);
    const unlike =
      rule.category === 'can_approve_immediately'
        ? ages.length > 0 && !inside
        : !inside && !ageExcepted(rule) && !YOUNG_PERSON.test(whole);
    if (unlike) {
      if (at >= 0) {
        levels![i] = NONE;
        matched.splice(at, 1);
      }
    } else if (
      inside &&
      rule.category !== 'can_approve_immediately' &&
      at < 0 &&
      asksOfAgeRule(rule, part, parsed)
    ) {
      levels ??= ruleIndex(rules).noLevels.slice();
      levels[i] = PLAUSIBLE;
      matched.push(i);
      matched.sort((a, b) => a - b);
    }
  }
  return levels;
}

const agedRules = new WeakMap<CompiledRules, readonly number[]>();
const AGE_EXCEPTED = /除外|以外|\bexcept\b|\bunless\b|\bother than\b/i;
/** Someone who may be under a rule's age though none is said: a child, a pupil, a teenager. */
const YOUNG_PERSON =
  /孩子|孩儿|小孩|儿子|女儿|闺女|娃|伢|崽|小子|丫头|学生|未成年|小朋友|宝宝|\b(?:son|daughter|kids?|child|children|teen(?:ager)?s?|boy|girl|pupil|student|minors?|underage|under-age|young (?:one|person|people))\b/;

/**
 * 只告诉本人或未满18岁患者的监护人, 本人账户下未满18岁子女除外: an age that says who may be told, or
 * what the rule leaves out, is no circumstance the rule forbids.
 */
function ageExcepted(rule: CompiledRule): boolean {
  // An age only in a note (（未成年人充值由监护人走退款流程）) says how another case goes.
  return rule.age?.noted === true || DISCLOSE_IN_RULE.test(rule.phrase) || AGE_EXCEPTED.test(rule.text);
}

/** The rules that serve by age (see `_ages.ts`), by position. */
function rulesWithAge(rules: CompiledRules): readonly number[] {
  let aged = agedRules.get(rules);
  if (aged === undefined) {
    aged = rules.rules.flatMap((r, i) => (r.age !== undefined ? [i] : []));
    agedRules.set(rules, aged);
  }
  return aged;
}

/**
 * Whether the part asks for what a rule serving by age does: one of its actions, or, for a rule
 * no action of the table names (tattooing … for anyone under 18), any action with one of its
 * words said in the request.
 */
function asksOfAgeRule(rule: CompiledRule, part: Part, parsed: ParsedAction | undefined): boolean {
  if (ageExcepted(rule)) return false;
  const has = sensesOf(part);
  const norm = parsed?.whole.norm ?? part.norm;
  // Booking anyone under 16 onto a two-hour hill hack, for a nine-year-old's Pony Days: the
  // booking is asked, but not the thing the rule books. The rule's own words or things (包厢, a
  // session) are said too, where it has any, in the request's own clause or the sentence that
  // gives the age (my son turns seventeen and all he wants is a little tattoo), not anywhere in a
  // long opening (school holidays).
  const { words, objects } = rule.meaning;
  const things = words.zh.length + words.en.length + objects.length;
  const where = `${part.norm}\n${agesIn(norm).sentences}`;
  const thingSaid =
    things === 0 ||
    words.zh.some((w) => w.length >= 2 && where.includes(w)) ||
    words.en.some((w) => w.length >= 4 && where.includes(w)) ||
    objects.some((o) => has[o] === 1);
  if (rule.meaning.heads.length > 0) return thingSaid && rule.meaning.heads.some((h) => has[h] === 1);
  // 让未成年人进去上网…我要举报你们: a complaint about what the rule forbids asks for no part of it.
  return hasAction(has) && !onlyComplains(has) && thingSaid && things > 0;
}

const COMPLAIN = senseNumber('complain');
const REPORT = senseNumber('report');

/** Whether the only action a part names is a complaint or a report. */
function onlyComplains(has: SenseFlags): boolean {
  if (has[COMPLAIN] !== 1) return false;
  const copy = has.slice();
  copy[COMPLAIN] = 0;
  return !hasAction(copy);
}

const agesRead = new TwoGenerationCache<{ ages: number[]; sentences: string }>(64);

/**
 * The ages a text states (see `agesSaid`) and its sentences that state one, read once per text: a
 * check reads them for each of its parts and each rule that serves by age.
 */
function agesIn(norm: string): { ages: number[]; sentences: string } {
  let read = agesRead.get(norm);
  if (read === undefined) {
    const ages = agesSaid(norm);
    const sentences =
      ages.length === 0
        ? ''
        : norm
            .split(/[.!?。！？\n]+/)
            .filter((s) => agesSaid(s).length > 0)
            .join('\n');
    read = { ages, sentences };
    agesRead.set(norm, read);
  }
  return read;
}

/**
 * Whether the part says a sum of money that may be the rule's (退给我十二块五 for 骑行费退款): a
 * sum is said, and the action names no other money of the rule's action, that is no word of
 * another rule on it that the rule lacks (押金 of 押金退还, 调度 of 退还调度费, 失败 of 开锁失败
 *订单骑行费全额退还). Alternatives of one rule (骑行费退款 and 骑行费退款(核实订单…)) are one.
 */
function sumOfItsMoney(rules: CompiledRules, rule: CompiledRule, part: Part): boolean {
  if (rule.concepts.length === 0) return false;
  const norm = part.analysis?.norm ?? part.norm;
  for (const w of othersMoneyWords(rules, rule)) if (norm.includes(w)) return false;
  return true;
}

const othersMoney = new WeakMap<CompiledRule, readonly string[]>();

/**
 * The words other rules on the rule's action add and it lacks (押金 for 骑行费退款): read once per
 * rule, as they depend on the rules only.
 */
function othersMoneyWords(rules: CompiledRules, rule: CompiledRule): readonly string[] {
  let words = othersMoney.get(rule);
  if (words !== undefined) return words;
  const own = new Set<string>();
  for (const r of rules.rules) if (r.text === rule.text) for (const w of r.leftover.zh) own.add(w);
  const found = new Set<string>();
  for (const other of rules.rules) {
    if (other.text === rule.text || !other.concepts.some((c) => rule.concepts.includes(c))) continue;
    for (const w of other.leftover.zh) if (w.length >= 2 && !own.has(w)) found.add(w);
  }
  words = [...found];
  othersMoney.set(rule, words);
  return words;
}

/** Whether the text says what the rule's note forbids (see `CompiledRule.excludes`). */
function breaksCondition(rule: CompiledRule, norm: string): boolean {
  return ruleRegExp(exclusions, rule, rule.excludes!, '').test(norm);
}

/**
 * The forbidden rules a part asks for in so many words, whatever else it says: their quoted words
 * said (is it non-toxic?), or a record they name asked for as other than it is (label my classes
 * as physio on the receipt). Tested once a part; undefined when none (most parts, most rules).
 */
function askedExactly(
  rules: CompiledRules,
  index: RuleIndex,
  part: Part,
  parsed: ParsedAction | undefined,
): Set<number> | undefined {
  let asked: Set<number> | undefined;
  for (const i of index.quoting) {
    if (!quotedSaid(rules.rules[i]!, part.norm)) continue;
    // The crew asked me for 'cold water', I want to report it: what the ban quotes, said in a
    // report of the rule that takes such reports (complaints about crews: 'cold water'), is that
    // report.
    const under = reportedUnder(rules, rules.rules[i]!, parsed?.whole ?? part);
    if (under !== undefined) {
      asked ??= new Set<number>();
      asked.add(under);
      continue;
    }
    asked ??= new Set<number>();
    asked.add(i);
  }
  const whole = parsed?.whole.norm ?? part.norm;
  for (const i of index.falsifying) {
    if (asked?.has(i) || !falsifiedRecord(rules.rules[i]!, part.norm, whole)) continue;
    asked ??= new Set<number>();
    asked.add(i);
  }
  return asked;
}

/**
 * The rule that is no ban and quotes what a ban quotes, where the text reports it (a complaint or
 * a report said): the report is that rule's. Undefined otherwise.
 */
function reportedUnder(rules: CompiledRules, ban: CompiledRule, whole: Part): number | undefined {
  const has = sensesOf(whole);
  if (has[COMPLAIN] !== 1 && has[REPORT] !== 1) return undefined;
  const quoted = ruleRegExp(quotations, ban, ban.quoted!, 'i');
  const k = rules.rules.findIndex((r) => r.category !== 'forbidden' && quoted.test(r.phrase));
  return k < 0 ? undefined : k;
}

/** Records a rule on false ones may name, as a request names them too. */
const RECORD_NOUN =
  /发票|收据|票据|小票|凭证|证明|报告|证书|合同|账单|记录|\b(?:invoice|receipt|certificate|report|statement|letter|record|bill|document|log)s?\b/g;
/**
 * What is written on a record, named by a rule that forbids it false (金额与实付不符, 改日期): the
 * field said with what it is to become (金额开成九千八) names the record as well.
 */
const RECORD_FIELD = /金额|品名|日期|名目/g;
/** A rule's examples in parentheses (如办公用品、礼品). */
const EXAMPLES_GIVEN = /[（(](?:如|例如|比如|像)([^）)]{2,40})[）)]/g;
/** Where a business keeps its records, as a caller says it: put it in the computer, 系统里改一下. */
const RECORDS_KEPT_IN = ['computer', 'system', '系统', '电脑'];
const recordNouns = new WeakMap<CompiledRule, readonly string[]>();

/**
 * Whether the part names a record its rule names (receipt of "altering invoices or receipts") and
 * the text asks for it false (label my classes as physio): the rule, though the part names no
 * action of the lexicon's.
 */
function falsifiedRecord(rule: CompiledRule, norm: string, whole: string): boolean {
  let nouns = recordNouns.get(rule);
  if (nouns === undefined) {
    const text = normalizeText(rule.text);
    nouns = [
      ...new Set([...text.matchAll(RECORD_NOUN)].map((m) => m[0].replace(/s$/, ''))),
      // 餐费开成住宿费: what the rule's own example relabels a record as names that record too.
      ...[...text.matchAll(RELABELLED_AS)].map((m) => m[0]),
      ...[...text.matchAll(RECORD_FIELD)].map((m) => m[0]),
      // 改商品名称（如办公用品、礼品）: what the rule's examples would write on it.
      ...[...text.matchAll(EXAMPLES_GIVEN)].flatMap((m) =>
        m[1]!.split(/[、,，]/).filter((w) => /^[\u4e00-\u9fff]{2,6}$/.test(w)),
      ),
    ];
    // A log or a record (visit log entry, 巡检记录) is kept in the business's computer.
    if (nouns.some((n) => n === 'log' || n === 'record' || n === '记录'))
      nouns = [...nouns, ...RECORDS_KEPT_IN];
    recordNouns.set(rule, nouns);
  }
  // 开成一千的: an amount an invoice is made out as names the invoice (开成个人的 names its header).
  const named =
    nouns.some((n) => norm.includes(n)) || (INVOICE_AMOUNT_WRITTEN.test(norm) && rule.text.includes('发票'));
  return named && falsityAsked(rule, whole);
}

const INVOICE_AMOUNT_WRITTEN = /开成\s*[\d一二两三四五六七八九十百千万]/;

/** What a rule's example relabels a record as: 开成住宿费, 写成会议费. */
const RELABELLED_AS = /[开写改换弄填]成[\u4e00-\u9fff]{1,3}费/g;

/** Whether the text asks for the false record a forbidden rule names (see `CompiledRule.falsity`). */
function falsityAsked(rule: CompiledRule, norm: string): boolean {
  return ruleRegExp(falsities, rule, rule.falsity!, 'i').test(norm);
}

/**
 * Whether the part states the quantity a rule's term is held against: one of the term's family,
 * its own. A span of time said anywhere in the request is the notice (离上课只有5个小时了，帮我请个
 * 假), held against a stricter rule's notice too (it's 6 days away is not under 48 hours); other
 * terms (服务前24小时以上 beside an amount) keep only an approval from applying.
 */
function termStated(rule: CompiledRule, part: Part): boolean {
  const q = part.quantity;
  if (!q || q.family !== rule.condition!.family) return false;
  if (q.family === 'duration') return !movedBy(part, q);
  return !part.borrowed && rule.category === 'can_approve_immediately';
}

/** A clause that says when something the business does happens (when you send the invoice). */
const WHEN_YOU =
  /^\s*(?:(?:oh|and|but|so|also)[,\s]+)*(?:when|whenever|once|as soon as|after)\s+(?:you|u|y'all|you guys|your (?:team|office|staff))\b/;

/**
 * move it to another week (38 hours before the booking): the part read with the time left before
 * the booking, which a notice rule is held against, in place of how far it is moved.
 */
function timeLeftRead(part: Part): Part {
  const q = part.quantity;
  // 距约定时间还有48小时，…帮我改到礼拜天: the time left, said of the booking anywhere in the
  // action, is what a notice rule is held against when the request's clause states no span.
  if (q === undefined) {
    const analysis = part.analysis;
    const left = analysis?.quantities.find(
      (x) =>
        x.family === 'duration' &&
        (TIME_LEFT_BEFORE.test(analysis.norm.slice(Math.max(0, x.start - 12), x.start)) ||
          TIME_LEFT_AFTER.test(analysis.norm.slice(x.end, x.end + 24))),
    );
    if (left === undefined) return part;
    const reading = copyPart(part);
    reading.quantity = left;
    return reading;
  }
  if (q.family !== 'duration' || !movedBy(part, q)) return part;
  const left = (part.analysis?.quantities ?? []).find(
    (x) => x.family === 'duration' && x !== q && !movedBy(part, x),
  );
  if (left === undefined) return part;
  const reading = copyPart(part);
  reading.quantity = left;
  return reading;
}

/** How long is left before the booking, said before the span: 距约定时间还有, 离预约还剩. */
const TIME_LEFT_BEFORE = /(?:距|离)[\u4e00-\u9fff]{0,6}?(?:还有|还剩|只有|只剩|不足|不到)\s*$/;
/** The same said after it: 48 hours before the booking, 3 days' notice. */
const TIME_LEFT_AFTER = /^\s*(?:before (?:the|my|our) (?:booking|appointment|visit|slot)|['’]?\s*notice)\b/;

/**
 * move it to another week, push it back a week, 推迟一周: how far a booking is moved, or time
 * asked for, not how long is left before it.
 */
function movedBy(part: Part, q: Quantity): boolean {
  const norm = part.analysis?.norm ?? part.norm;
  return SHIFT_BEFORE.test(norm.slice(Math.max(0, q.start - 16), q.start));
}
const SHIFT_BEFORE =
  /(?:\b(?:to|into|until|till|by|back|forward|for|me|us|extra|more)\s+(?:the\s+|a\s+)?|推迟|延后|推后|往后推|往后挪|顺延|延期|延长|宽限|挪|改到|推到|再给我?)\s*$/;

/**
 * Whether a caller's words say what one of the product's bans quotes (有那种内部名额 against
 * 承诺或暗示录取：“保录”“内部名额”): asked in so many words, though it is put as a question.
 */
export function saysWhatABanQuotes(rules: CompiledRules, text: string): boolean {
  let norm: string | undefined;
  for (const rule of rules.rules) {
    if (rule.category !== 'forbidden' || rule.quoted === undefined) continue;
    norm ??= normalizeText(text);
    if (quotedSaid(rule, norm)) return true;
  }
  return false;
}

/** Whether the text says what a forbidden rule quotes (see `CompiledRule.quoted`). */
function quotedSaid(rule: CompiledRule, norm: string): boolean {
  return ruleRegExp(quotations, rule, rule.quoted!, 'i').test(norm);
}

// The expressions a compiled rule keeps as sources (they survive the JSON cache), compiled on first use.
const quotations = new WeakMap<CompiledRule, RegExp>();
const exclusions = new WeakMap<CompiledRule, RegExp>();
const falsities = new WeakMap<CompiledRule, RegExp>();
const handedIns = new WeakMap<CompiledRule, RegExp>();
const circumstanceWords = new WeakMap<CompiledRule, RegExp>();
const residualCases = new WeakMap<CompiledRule, RegExp>();

function ruleRegExp(
  cache: WeakMap<CompiledRule, RegExp>,
  rule: CompiledRule,
  source: string,
  flags: string,
): RegExp {
  let re = cache.get(rule);
  if (re === undefined) {
    re = new RegExp(source, flags);
    cache.set(rule, re);
  }
  return re;
}

/** A state denied right before its word (不是停课, 并非故障, 没有停电). */
const STATE_DENIED = /(?:不是|不算|并非|没有|没)$/;

/**
 * Whether the request or the call's facts say the circumstance of a remedy's rule (see
 * `CompiledRule.circumstance`): one of its words, not denied (不是质量问题 tells no quality problem).
 */
function circumstanceTold(rule: CompiledRule, norm: string, facts: string): boolean {
  if (circumstanceWordIn(rule, norm) !== undefined) return true;
  const re = ruleRegExp(circumstanceWords, rule, rule.circumstance!, 'g');
  re.lastIndex = 0;
  return facts !== '' && re.test(facts);
}

/** Whether the call's facts show the caller in a role a forbidden rule excepts, asking an act excepted. */
function exceptedForCaller(excepted: { role: string; acts: number[] }, part: Part, facts: string): boolean {
  if (!holdsRole(facts, excepted.role)) return false;
  const has = sensesOf(part);
  return excepted.acts.some((k) => has[k] === 1);
}

/**
 * Whether the call's facts show the caller in a role: its word, not as one they were or are not
 * (原账户持有人 of an account transferred away, 非当户, 不是账户持有人).
 */
function holdsRole(facts: string, role: string): boolean {
  for (let at = facts.indexOf(role); at >= 0; at = facts.indexOf(role, at + 1))
    if (!FORMER_OR_NOT.test(facts.slice(Math.max(0, at - 3), at))) return true;
  return false;
}
const FORMER_OR_NOT = /(?:原|前|旧|非|不是|并非|曾是)$/;

const roles = new Map<string, RegExp>();

/** Whether the words or the call's facts say the role a rule is on (see `CompiledRule.role`). */
function roleShown(role: string, norm: string, facts: string): boolean {
  let re = roles.get(role);
  if (re === undefined) {
    re = new RegExp(role);
    roles.set(role, re);
  }
  return re.test(norm) || re.test(facts);
}

/**
 * The word of a rule's circumstance (see `CompiledRule.circumstance`) that a caller's words say,
 * undenied (烂 of 底下烂了一大半, not of 没烂), or undefined; undefined too for a rule without one.
 */
export function toldCircumstance(rule: CompiledRule, said: string): string | undefined {
  return circumstanceWordIn(rule, normalizeText(said));
}

let overchargedSense: number | undefined;

/**
 * Whether the words say money was charged that was not due (多扣了, 搬出来了还在扣住宿费, charged
 * twice): what a rule on overcharges gives back.
 */
export function saysOvercharged(said: string): boolean {
  overchargedSense ??= senseNumber('overcharged');
  return scanSenses(normalizeText(said))[overchargedSense] === 1;
}

function circumstanceWordIn(rule: CompiledRule, norm: string): string | undefined {
  if (rule.circumstance === undefined) return undefined;
  const re = ruleRegExp(circumstanceWords, rule, rule.circumstance, 'g');
  re.lastIndex = 0;
  for (let m = re.exec(norm); m !== null; m = re.exec(norm))
    if (!negated(norm, m.index) && !STATE_DENIED.test(norm.slice(Math.max(0, m.index - 3), m.index)))
      return m[0];
  return undefined;
}

/** Rules marked as candidates by `levelsFor` (flags cleared as it reads them). */
const candidates: Candidates = { flags: new Uint8Array(64), list: new Int32Array(64), count: 0 };
/** Rules `levelsFor` reads by their words (see `rulesByTokens`), one list for every part. */
const tokenRules: number[] = [];

/** Sorts the first `count` numbers (a handful: insertion beats `Array.prototype.sort`). */
function sortFew(list: Int32Array, count: number): void {
  for (let a = 1; a < count; a++) {
    const x = list[a]!;
    let b = a - 1;
    while (b >= 0 && list[b]! > x) {
      list[b + 1] = list[b]!;
      b--;
    }
    list[b + 1] = x;
  }
}

/** What the meaning matcher reads of a part, each on first use (memoised in the part). */
class PartView implements RequestView {
  readonly norm: string;
  readonly concept: ConceptDef | undefined;
  readonly #part: Part;
  readonly #parsed: ParsedAction | undefined;
  readonly facts: RequestContext;
  readonly joined: boolean;

  constructor(part: Part, parsed: ParsedAction | undefined, facts: RequestContext, joined = false) {
    this.norm = part.norm;
    this.joined = joined;
    this.concept = part.concept;
    this.facts = facts;
    this.#part = part;
    this.#parsed = parsed;
  }

  senses(): SenseFlags {
    return sensesOf(this.#part);
  }

  acts(): boolean {
    return actsOf(this.#part);
  }

  other(): boolean {
    const memo = this.#part.memo;
    memo.other ??= namesOtherParty(this.#part.norm, this.#part.analysis?.gates);
    return memo.other;
  }

  stems(): Set<string> {
    const memo = this.#part.memo;
    memo.stems ??= stemsOf(this.#part.norm);
    return memo.stems;
  }

  context(): RequestContext {
    return this.#parsed ? contextFor(this.#parsed) : NO_CONTEXT;
  }

  line(): SenseFlags {
    return this.#parsed ? sensesOf(this.#parsed.whole) : this.senses();
  }
}

/**
 * Whether the text says any word of the rule's own beyond its senses, in Chinese a character of
 * one (结果 for 结论: another word for it may share one): 罚单 of 取消罚单, fare. `besides`: another
 * rule, whose words and characters are not this one's own.
 */
function saysAnyWord(
  rule: CompiledRule,
  norm: string,
  stems: () => Set<string>,
  besides?: CompiledRule,
): boolean {
  const { zh, en } = rule.meaning.words;
  // Words and characters the other rule has too (供气, and 复 of 复检 in 恢复) say nothing of this
  // one's own.
  // Nor does a rule's denial (不做价保，不以退款…补差价): 不 and 无 are its grammar, said by any caller.
  const own = (w: string, of: readonly string[] | undefined): boolean =>
    (of === undefined || !of.includes(w)) && !DENIAL_ZH.test(w);
  const saidOwn = (c: string): boolean => norm.includes(c) && !(besides?.phrase.includes(c) ?? false);
  if (zh.some((w) => own(w, besides?.meaning.words.zh) && [...w].some(saidOwn))) return true;
  if (en.length === 0) return false;
  const said = stems();
  return en.some((w) => own(w, besides?.meaning.words.en) && said.has(w));
}

/** A rule's word that denies (不做, 不以, 无须). */
const DENIAL_ZH = /^[不无没非]/;

/** Whether any of the flags holds a thing of the rule's own (a thing, not a person nor an act). */
function ownThingSaid(rule: CompiledRule, ...flags: SenseFlags[]): boolean {
  return rule.meaning.objects.some(
    (o) => SENSES[o]!.role === 'object' && !isPartySense(o) && flags.some((has) => has[o] === 1),
  );
}

/**
 * 便宜了三百块，差价退给我 against 保价退差价<=500元 and 营中提前离营要求退未参加天数的费用: with no
 * rule named fully, a plausible rule whose thing the request says is its reading, and one on the
 * same action naming nothing the line says (no thing, no word of its own) is not. Forbidden rules
 * are kept.
 */
function thingOverNothing({ rules, levels, matched, part, whole }: Readings): void {
  const has = sensesOf(part);
  const named = matched.filter(
    (i) =>
      levels[i] === PLAUSIBLE &&
      rules.rules[i]!.category !== 'forbidden' &&
      ownThingSaid(rules.rules[i]!, has),
  );
  if (named.length === 0) return;
  const line = whole ?? part;
  const lineHas = sensesOf(line);
  const stems = stemsFor(line);
  for (const i of matched) {
    const rule = rules.rules[i]!;
    if (levels[i] !== PLAUSIBLE || rule.category === 'forbidden' || named.includes(i)) continue;
    if (rule.meaning.objects.some((o) => has[o] === 1 || lineHas[o] === 1)) continue;
    if (saysAnyWord(rule, line.norm, stems)) continue;
    if (named.some((j) => actOnTheSame(rule, rules.rules[j]!, part.concept, has))) levels[i] = NONE;
  }
}

/**
 * 申请赔偿 against 赔偿申请 and 补偿积分>=500: a rule the request names fully is its reading; a
 * rule on the same action whose further words the request does not say (积分) is not. Plausible
 * matches count only where no rule on their action is named fully. Forbidden rules are kept,
 * but one sharing only the action with a rule that names the request's thing fully.
 */
function narrowest(readings: Readings): void {
  const { rules, levels, matched, part, whole } = readings;
  unnamedThing(readings);
  thingNotMoney(readings);
  let plausible = false;
  let strong = false;
  for (const i of matched) {
    const l = levels[i]!;
    if (l === PLAUSIBLE) plausible = true;
    else if (l >= STRONG) strong = true;
  }
  if (plausible && !strong) thingOverNothing(readings);
  if (!plausible || !strong) return;
  const has = sensesOf(part);
  const concept = part.concept;
  const sameAction = (a: CompiledRule, b: CompiledRule): boolean => actOnTheSame(a, b, concept, has);
  // 免费修一下 against 预约上门维修 and 保修期外免费维修: the request says something the plausible
  // rule adds (免费) and the strong one does not, so it may well mean it (the warranty unsaid).
  // Of its things, all those the strong rule lacks: cancel my cat's appointment names a pet, not the
  // pet health club plan (pet, plan) cancelled.
  const saysMoreOf = (a: CompiledRule, b: CompiledRule): boolean => {
    for (const k of a.meaning.polar) if (has[k] === 1 && !b.meaning.polar.includes(k)) return true;
    let more = false;
    for (const k of a.meaning.objects) {
      if (b.meaning.objects.includes(k)) continue;
      if (has[k] !== 1) return false;
      more = true;
    }
    return more;
  };
  const drop: number[] = [];
  const money = saysMoney(part);
  const admits = admitsSum(part);
  // 有漏气还没修好，先帮我恢复供气: the forbidden rule's thing or words said in another clause of
  // the line still count (the whole line's senses and stems, kept on it as on any part).
  const line = whole ?? part;
  const lineHas = (): SenseFlags => sensesOf(line);
  const lineStems = stemsFor(line);
  // 门框撬坏了……赔我八百 against 损坏门框的赔偿 (a process) and 补偿>50元: the case the line tells
  // (the damage, an injury) is what a process is for, and a rule naming nothing but the action
  // and its money is no reading of it beside that process.
  const cases = new Set<number>();
  if (line !== part)
    for (const i of matched) {
      const rule = rules.rules[i]!;
      if (
        levels[i] !== PLAUSIBLE ||
        rule.category !== 'requires_process' ||
        rule.meaning.objects.length === 0
      )
        continue;
      const general = matched.filter((j) => {
        const other = rules.rules[j]!;
        return (
          levels[j]! >= STRONG &&
          other.category !== 'forbidden' &&
          other.meaning.objects.length === 0 &&
          sameAction(rule, other)
        );
      });
      // The line is read only now: most checks have no such pair of rules.
      if (general.length === 0 || !rule.meaning.objects.some((o) => lineHas()[o] === 1 && !isPartySense(o)))
        continue;
      cases.add(i);
      drop.push(...general);
    }
  for (const i of matched) {
    const rule = rules.rules[i]!;
    if (levels[i] !== PLAUSIBLE || cases.has(i)) continue;
    // Block my stolen card, against putting a penalty fare (or a late-payment charge) on hold: a
    // forbidden rule's action done to a thing another rule names fully, none of the forbidden
    // rule's own things or words said, is that rule's. Said in part, or with nothing else named,
    // the forbidden rule stays a reading. The lexicon's own action keeps it a reading too, but
    // where the other rule's case is told (丑橘烂了，钱退给我 against 质量问题（烂、坏）：仅退款 and
    // 价保退差价): the money back is for that case, not for the thing the forbidden rule names.
    if (rule.category === 'forbidden') {
      const ownAction = part.concept !== undefined && rule.concepts.includes(part.concept);
      if (
        !rule.meaning.objects.some((o) => has[o] === 1 || lineHas()[o] === 1) &&
        !rule.meaning.needsOther &&
        findOtherParty(part.text) === undefined &&
        matched.some(
          (j) =>
            levels[j]! >= STRONG &&
            rules.rules[j]!.category !== 'forbidden' &&
            (!ownAction || rules.rules[j]!.circumstance !== undefined) &&
            sameAction(rule, rules.rules[j]!) &&
            !saysAnyWord(rule, line.norm, lineStems, rules.rules[j]!),
        )
      )
        drop.push(i);
      continue;
    }
    // 退款40元 against 骑行费退款<=50元 and 退还调度费>20元: a sum of money said bare may be any
    // fee's, so a stricter rule on a fee the request leaves unnamed stays a reading (a card or
    // another thing unnamed does not: 把十二块五退给我 is no 已生效骑行卡退款).
    if (money && rule.condition !== undefined && namesOnlyAFee(rule, part) && !namesOwnThing(readings))
      continue;
    if (
      matched.some(
        (j) =>
          levels[j]! >= STRONG &&
          sameAction(rule, rules.rules[j]!) &&
          !saysMoreOf(rule, rules.rules[j]!) &&
          admits(rules.rules[j]!),
      )
    )
      drop.push(i);
  }
  for (const i of drop) levels[i] = NONE;
}

/**
 * 被扣的课时还给我 against 返还被扣课时 and 补偿或退款>100元: what is asked back is a thing a rule
 * without a limit in money names (课时), not money, so a rule on money that names no thing of its
 * own is no reading of it. Only where the part says no sum; forbidden rules are kept.
 */
// Money named by a word (款, 费, 定金, 金额): no thing asked back instead of money.
const MONEY_NOUN = new RegExp(`${MONEY_WORDS.source}|金|额`);

function thingNotMoney({ rules, levels, matched, part }: Readings): void {
  if (saysMoney(part)) return;
  const namesThing = (j: number): boolean => {
    const rule = rules.rules[j]!;
    return (
      levels[j]! >= STRONG &&
      rule.condition?.family !== 'money' &&
      rule.leftover.zh.some((w) => w.length >= 2 && part.norm.includes(w) && !MONEY_NOUN.test(w))
    );
  };
  if (!matched.some(namesThing)) return;
  for (const i of matched) {
    const rule = rules.rules[i]!;
    if (rule.category !== 'forbidden' && rule.condition?.family === 'money' && isEmpty(rule.leftover))
      levels[i] = NONE;
  }
}

/**
 * 把十二块五退给我 against 骑行费退款<=50元 and 已生效骑行卡退款: a sum asked back names no card,
 * so a rule about a thing of its own (an activated card, its object) that the request leaves
 * unnamed is no reading of it while another rule on the same action, about nothing unnamed,
 * reads it at least as well. Only for money said (a sum may be any fee's, never any thing's);
 * forbidden rules are kept, and so is every reading when no such other rule is there.
 */
function unnamedThing({ rules, levels, matched, part, whole }: Readings): void {
  if (!saysMoney(part)) return;
  const concept = part.concept;
  if (concept === undefined) return;
  const has = sensesOf(part);
  // 门框撬坏了……赔我八百: the thing told in another clause of the line is named too (the line read
  // only when the part does not name it: most checks never need it).
  const line = whole !== undefined && whole !== part ? whole : undefined;
  const unnamed = (rule: CompiledRule): boolean =>
    rule.meaning.objects.some((o) => has[o] !== 1 && (line === undefined || sensesOf(line)[o] !== 1));
  const admits = admitsSum(part);
  const drop: number[] = [];
  for (const i of matched) {
    const rule = rules.rules[i]!;
    if (levels[i] !== PLAUSIBLE || rule.category === 'forbidden' || !rule.concepts.includes(concept))
      continue;
    if (!unnamed(rule)) continue;
    const other = matched.some((j) => {
      const o = rules.rules[j]!;
      return j !== i && levels[j]! >= PLAUSIBLE && o.concepts.includes(concept) && !unnamed(o) && admits(o);
    });
    if (other) drop.push(i);
  }
  for (const i of drop) levels[i] = NONE;
}

/**
 * 退款30元 against 退款或补偿>50元 and 其他退款或服务补偿<=50元: a rule whose limit the sum asked is
 * outside cannot decide it, however fully it is named, so it narrows no other rule away.
 */
function admitsSum(part: Part): (rule: CompiledRule) => boolean {
  const q = part.quantity;
  const sum = q?.family === 'money' ? toBase(q.value, q.unit) : undefined;
  return (rule) => sum === undefined || rule.condition?.family !== 'money' || inBounds(rule.condition, sum);
}

/**
 * Whether a strongly matching rule's own leftover word is said (骑行 of 骑行费退款 in 骑行费扣了
 * 三十块, 押金 of 押金退还): then the request names what its money is, not any fee.
 */
function namesOwnThing({ rules, levels, matched, part }: Readings): boolean {
  for (const j of matched) {
    if (levels[j]! < STRONG) continue;
    for (const w of rules.rules[j]!.leftover.zh) if (w.length >= 2 && part.norm.includes(w)) return true;
  }
  return false;
}

/** Whether every word of the rule's leftover the part leaves unsaid names a fee (调度 of 调度费). */
function namesOnlyAFee(rule: CompiledRule, part: Part): boolean {
  let unsaid = 0;
  for (const w of rule.leftover.zh) {
    if (part.norm.includes(w)) continue;
    unsaid++;
    if (w !== '费' && !rule.phrase.includes(`${w}费`) && !w.endsWith('费')) return false;
  }
  return unsaid > 0 && rule.leftover.en.length === 0;
}

/**
 * 帮我催一下理赔 against 催办理赔 and 理赔金额>2000元: a rule doing something to its concept's
 * thing (`meaning.acts`) that the request names is its reading; rules on that concept that do
 * nothing to it (the concept's own action, compensation) are not. Forbidden rules are kept.
 */
function actedUpon({ rules, levels, matched, part }: Readings): void {
  const has = sensesOf(part);
  // 理赔结果我不服，要申诉 against 理赔申诉 and 理赔金额>2000元: a rule whose further words the
  // request says in full is its reading too; one on the bare concept only reads it when the
  // request gives an amount it measures.
  const stated = part.quantity !== undefined || part.bare !== undefined;
  const acted: CompiledRule[] = [];
  for (const i of matched) {
    const rule = rules.rules[i]!;
    const acts = rule.meaning.acts;
    if (levels[i]! > NONE && acts !== undefined && anyOf(acts, has)) acted.push(rule);
    else if (
      !stated &&
      levels[i] === EXACT &&
      rule.concepts.length > 0 &&
      (!isEmpty(rule.leftover) || rule.meaning.words.zh.some((w) => w.length >= 2 && part.norm.includes(w)))
    )
      // 免上门费 against 免收上门费 and 减免费用: the fee it names, said, is a further word too.
      acted.push(rule);
  }
  if (acted.length === 0) return;
  for (const i of matched) {
    const rule = rules.rules[i]!;
    // Only rules on the bare concept: no further words, nothing done to it.
    if (rule.category === 'forbidden' || rule.meaning.acts !== undefined || rule.concepts.length === 0)
      continue;
    if (!isEmpty(rule.leftover) || acted.includes(rule)) continue;
    if (acted.some((a) => a.concepts.some((c) => rule.concepts.includes(c)))) levels[i] = NONE;
  }
}

/**
 * 退票手续费能不能免: 退票 is what the fee is for, not a request for a refund of the ticket. A
 * rule matched only by meaning, through actions that another strongly matching rule reads as its
 * object (退票手续费减免), is not a reading of the request. Forbidden rules are kept. `matched`
 * are the rules above NONE, in order.
 */
function explainedAway(
  rules: CompiledRules,
  index: RuleIndex,
  levels: MatchLevel[],
  matched: readonly number[],
  has: SenseFlags,
  norm: string,
): void {
  for (const i of matched) {
    const level = levels[i]!;
    if (level <= NONE || level === EXACT || index.explainable[i] === 0) continue;
    const m = rules.rules[i]!.meaning;
    // join Parcel Pass against "parcel traces": a rule no sense heads, plausible by a word that a
    // rule matched strongly says too (join parcel pass), is that rule's word, not this rule's.
    if (m.heads.length === 0 && level === PLAUSIBLE && wordsExplained(rules, levels, matched, i, norm)) {
      levels[i] = NONE;
      continue;
    }
    const said = m.heads.filter((h) => has[h] === 1);
    if (said.length === 0) continue;
    const explained = matched.some(
      (j) =>
        j !== i && levels[j]! >= STRONG && said.every((h) => rules.rules[j]!.meaning.objects.includes(h)),
    );
    if (explained) levels[i] = NONE;
  }
}

/** Whether every word of rule `i` the text says is a word of a rule matched strongly. */
function wordsExplained(
  rules: CompiledRules,
  levels: readonly MatchLevel[],
  matched: readonly number[],
  i: number,
  norm: string,
): boolean {
  const words = rules.rules[i]!.meaning.words;
  const said = [...words.zh.filter((w) => norm.includes(w)), ...words.en.filter((w) => startsAWord(norm, w))];
  if (said.length === 0) return false;
  return matched.some((j) => {
    if (j === i || levels[j]! < STRONG) return false;
    const other = rules.rules[j]!.meaning.words;
    return said.every((w) => other.zh.includes(w) || other.en.includes(w));
  });
}

const OFF_PLATFORM = senseNumber('off_platform');

function lexiconLevel(rule: CompiledRule, part: Part, facts: RequestContext): MatchLevel {
  if (rule.concepts.length > 0) {
    const c = part.concept;
    if (!c) return NONE;
    let named = false;
    for (const rc of rule.concepts) {
      if (rc === c || (c.broader?.includes(rc.id) ?? false)) {
        named = true;
        break;
      }
    }
    if (!named) return NONE;
    // 退学退费 asked as 退学的话学费能退吗: the step may be said in the clause before.
    if (stepUnsaid(rule.meaning, part.norm, part.analysis?.norm ?? '')) return NONE;
    // 帮客户私下约护士上门 bans booking the visit behind the company's back: booking it
    // (帮我约明天护士上门) is the other rules'.
    if (rule.leftoverSenses.includes(OFF_PLATFORM) && sensesOf(part)[OFF_PLATFORM] !== 1) return NONE;
    if (!isEmpty(rule.leftover) && !coversPart(rule.leftover, part)) {
      // 修改理赔结论 is about changing a claim's outcome: 理赔到现在还没到账 names the claim and no
      // change.
      // 下单、安排送货、改送货时间 asked as 给我送5袋复合肥: one step the rule lists said, the act of
      // another (改) and that step's words need not be.
      // 多收了我30块，退给我: the case listed (多收、重复付款…) told in the clause before the ask.
      const listedSaid =
        rule.leftover.en.length === 0 &&
        listedStepSaid(rule, part, rule.leftover.zh, part.analysis?.norm ?? '');
      const acts = rule.meaning.acts;
      if (acts !== undefined && !listedSaid && !anyOf(acts, sensesOf(part))) return NONE;
      // Said in the request's own words (催一下 for 催办, 多扣的保费 for 多扣保费), the leftover's
      // senses cover their words.
      if (!listedSaid && !leftoverSaid(rule, part)) return PLAUSIBLE;
    }
    // 年费减免 is all the lexicon's (年费~减免), but 减免滞纳金 is not it: the phrase's own words
    // must be said too (one character alone, 光 of 光猫, says too little to count).
    // A request in English read against Chinese rules has only the lexicon to go by; forbidden
    // rules keep the lexicon's wider reading.
    if (rule.category === 'forbidden') return EXACT;
    // Domain words a caller may leave out (骑行 of 关闭骑行卡自动续费) are not required here either.
    const optional = rule.meaning.optional;
    let listSaid: boolean | undefined;
    for (const w of rule.meaning.words.zh) {
      if (w.length < 2 || part.norm.includes(w) || optional?.includes(w) || facts.norm.includes(w)) continue;
      listSaid ??= listedStepSaid(rule, part, rule.meaning.words.zh, part.analysis?.norm ?? '');
      if (listSaid) continue;
      // 下单派师傅上门 asked as 派个师傅来: 下单 places the order the visit comes with, which a request
      // naming the visit need not say.
      if (rule.concepts.length > 1 && placesTheOrder(rule, w, part.concept)) continue;
      part.memo.cjk ??= hasCjk(part.norm);
      return part.memo.cjk ? PLAUSIBLE : EXACT;
    }
    // Its objects likewise, in any of their words (补开电子发票 is not 开张发票 nor 开专票).
    if (rule.meaning.objects.length > 0) {
      const has = sensesOf(part);
      for (const o of rule.meaning.objects) {
        if (has[o] === 1) continue;
        // 多收、重复付款…退回 asked as 重复付款30元，退给我: the thing of another item of the list
        // (多收) need not be said.
        if (listedSenses(rule).has(o)) {
          listSaid ??= listedStepSaid(rule, part, rule.meaning.words.zh, part.analysis?.norm ?? '');
          if (listSaid) continue;
        }
        part.memo.cjk ??= hasCjk(part.norm);
        return part.memo.cjk ? PLAUSIBLE : EXACT;
      }
    }
    return EXACT;
  }
  if (!ruleMatches(rule, part)) return NONE;
  // Doing the place up, the skip is full: every word of placing a skip, but no placing.
  if (rule.meaning.verb !== undefined && !saidAsVerb(rule.meaning.verb, part.norm, '')) return NONE;
  // 查一下临时额度 says every word of 临时额度<=5000元, but asks for another action than the
  // rule's: the reading by meaning decides.
  const heads = rule.meaning.heads;
  if (heads.length > 0) {
    const has = sensesOf(part);
    if (actsOf(part) && !anyOf(heads, has)) return NONE;
    // 叫了你们个代驾 says every word of 预约代驾 and books nothing: a thing booked, named alone, is
    // only told of.
    if (!anyOf(heads, has) && heads.every((h) => BOOKING_ACTIONS.has(h))) return NONE;
    // 装修公司的设计师要来量房 holds the word of 装修登记, inside a longer word: no renovation named.
    const objects = rule.meaning.objects;
    if (objects.length > 0 && !anyOf(heads, has) && !anyOf(objects, has)) return NONE;
  }
  return EXACT;
}

/** Whether a word of the text starts with the stem (parcel of parcels). */
function startsAWord(norm: string, stem: string): boolean {
  for (let at = norm.indexOf(stem); at >= 0; at = norm.indexOf(stem, at + 1))
    if (at === 0 || !isAsciiLetter(norm.charCodeAt(at - 1))) return true;
  return false;
}

/**
 * Whether the word places the order the rule's own action comes with (下单 of 下单派师傅上门): a
 * step of every order, which a request naming the rule's action need not say.
 */
function placesTheOrder(rule: CompiledRule, word: string, own: ConceptDef | undefined): boolean {
  return own?.id !== 'place_order' && orderWords(rule).has(word);
}

const orderWordsOf = new WeakMap<CompiledRule, ReadonlySet<string>>();

/** The rule's words that place an order it names (下单 of 下单派师傅上门): read once per rule. */
function orderWords(rule: CompiledRule): ReadonlySet<string> {
  let words = orderWordsOf.get(rule);
  if (words === undefined) {
    words = new Set(
      rule.meaning.words.zh.filter((w) =>
        detectConcepts(w).some((d) => d.concept.id === 'place_order' && rule.concepts.includes(d.concept)),
      ),
    );
    orderWordsOf.set(rule, words);
  }
  return words;
}

/**
 * 下单、安排送货、改送货时间 asked as 给我送5袋复合肥: one of the steps a rule lists is said (下单 said
 * by the concept read in other words), and each of `words` is said or is in another of its steps.
 */
function listedStepSaid(rule: CompiledRule, part: Part, words: readonly string[], around = ''): boolean {
  const listed = rule.meaning.listed;
  // A forbidden rule's list is of things it forbids letting callers do: the business doing one
  // (帮我换个门锁) is the other rules'.
  if (listed === undefined || rule.category === 'forbidden') return false;
  const own = part.concept?.zh;
  const said = (w: string): boolean => w === own || part.norm.includes(w) || around.includes(w);
  if (!listed.some((item) => item.every(said))) return false;
  return words.every((w) => w.length < 2 || said(w) || listed.some((item) => item.includes(w)));
}

const listedSensesOf = new WeakMap<CompiledRule, ReadonlySet<number>>();

/** The senses the items of a rule's list name (overcharged of 多收 in 多收、重复付款): read once per rule. */
function listedSenses(rule: CompiledRule): ReadonlySet<number> {
  let senses = listedSensesOf.get(rule);
  if (senses === undefined) {
    const found = new Set<number>();
    const list = rule.meaning.listed === undefined ? null : CJK_LIST.exec(rule.phrase);
    if (list !== null) {
      // The list to its clause's end (its last item reads on: 没按期完工应退的加急费).
      const text = /^[^,.!?;:，。！？；：()（）]*/.exec(rule.phrase.slice(list.index))![0];
      const has = scanSenses(normalizeText(text));
      for (let k = 0; k < has.length; k++) if (has[k] === 1) found.add(k);
    }
    senses = found;
    listedSensesOf.set(rule, senses);
  }
  return senses;
}

/** Whether the part names every sense of the rule's leftover and contains its other words. */
function leftoverSaid(rule: CompiledRule, part: Part): boolean {
  if (rule.leftoverSenses.length === 0) return false;
  const has = sensesOf(part);
  for (const k of rule.leftoverSenses) if (has[k] !== 1) return false;
  return isEmpty(rule.leftoverBesidesSenses) || coversPart(rule.leftoverBesidesSenses, part);
}

function ruleMatches(rule: CompiledRule, part: Part): boolean {
  if (rule.concepts.length > 0) {
    const c = part.concept;
    if (!c) return false;
    let named = false;
    for (const rc of rule.concepts) {
      if (rc === c || (c.broader?.includes(rc.id) ?? false)) {
        named = true;
        break;
      }
    }
    if (!named) return false;
    return isEmpty(rule.leftover) || coversPart(rule.leftover, part);
  }
  return !isEmpty(rule.tokens) && coversPart(rule.tokens, part);
}

function coversPart(words: Words, part: Part): boolean {
  // Chinese-only words need no stems: skip making the closure (this runs per rule and part).
  if (words.en.length === 0) {
    for (const w of words.zh) if (!part.norm.includes(w)) return false;
    return true;
  }
  return covers(words, part.norm, stemsFor(part));
}

/**
 * Whether a bare number of the part is counted in the condition's unit: 退一百八 against a refund
 * rule with a notice window (开场前24小时以上全退) asks for money, not for the rule's hours.
 */
function bareIn(part: Part, cond: RuleCondition): boolean {
  const families = part.concept?.families;
  return families === undefined || cond.family === undefined || families.includes(cond.family);
}

/** An amount in the rule's unit; said approximately, `least` is the least it may be. */
type Measured = { value: number; least?: number } | { missing: true } | { mismatch: Quantity };

/** The part's amount in the rule's base unit, if the two can be compared. */
function measure(rule: CompiledRule, part: Part): Measured {
  const cond = rule.condition!;
  // 补五个学时 against 补偿学时<=2学时: the number said before the rule's own word is what is asked.
  const said = cond.noun === undefined ? undefined : countAsked(part, cond.noun);
  if (said !== undefined) return { value: said };
  const q = part.quantity;
  if (q) {
    if (cond.unit) {
      const sameFamily = q.family === cond.family;
      if (!sameFamily) return cond.family === 'count' ? { value: 1 } : { missing: true };
      if (q.family === 'money' && q.unit !== cond.unit) return { mismatch: q };
      return ranged(toBase(q.value, q.unit), q.least === undefined ? undefined : toBase(q.least, q.unit));
    }
    if (cond.family && q.family !== cond.family) return { missing: true };
    if (!cond.family) return ranged(q.value, q.least);
    return ranged(toBase(q.value, q.unit), q.least === undefined ? undefined : toBase(q.least, q.unit));
  }
  if (part.bare && bareIn(part, cond)) return { value: toBase(part.bare.value, cond.unit) };
  // A request that says no count asks once (改签 against 免费改签一次), unless it says which time
  // it is (第二次改约 is a second change: more than once).
  if (cond.family === 'count') return { value: ordinalIn(part.analysis?.norm ?? part.norm) ?? 1 };
  // 明天下午 against 服务时间08:00–20:00: a part of the day wholly inside the hours (or wholly
  // outside them) decides as any time in it would; 早上 against 08:00 may fall either side.
  if (cond.family === 'clock') {
    const hours = partOfDaySaid(part.norm) ?? partOfDaySaid(part.analysis?.norm ?? '');
    if (hours !== undefined && within(rule, hours[0]) === within(rule, hours[1] - 0.01))
      return { value: (hours[0] + hours[1]) / 2 };
  }
  return { missing: true };
}

/**
 * Whether the action says a word of the rule's own (two characters or more, not one a caller may
 * leave out), in the part or the clauses around it (开锁失败扣了三块，退给我).
 */
/** How many of the rule's objects the part names. */
function thingsSaid(rule: CompiledRule, part: Part): number {
  const has = sensesOf(part);
  let n = 0;
  for (const o of rule.meaning.objects) if (has[o] === 1) n++;
  return n;
}

function saysOwnWord(rule: CompiledRule, part: Part): boolean {
  const optional = rule.meaning.optional;
  const norm = part.analysis?.norm ?? part.norm;
  for (const w of rule.meaning.words.zh)
    if (w.length >= 2 && !optional?.includes(w) && norm.includes(w)) return true;
  return false;
}

// 第二次, 第3回, the second time: which time of asking this is.
const ORDINAL = /第\s*([二两三四五六七八九十]+|\d+)\s*(?:次|回|遍)|\b(second|third|fourth|fifth) time\b/;
const EN_ORDINALS: Record<string, number> = { second: 2, third: 3, fourth: 4, fifth: 5 };

/** How many of a rule's counted word a part asks for (补五个学时: 5), in its clause or the line. */
function countAsked(part: Part, noun: string): number | undefined {
  return countBefore(part.norm, noun) ?? countBefore(part.analysis?.norm ?? '', noun);
}

/** The time of asking a text says it is (第二次: 2), if it says one. */
function ordinalIn(norm: string): number | undefined {
  const m = ORDINAL.exec(norm);
  if (!m) return undefined;
  if (m[2] !== undefined) return EN_ORDINALS[m[2]];
  return /^\d+$/.test(m[1]!) ? Number(m[1]) : parseZhRun(m[1]!);
}

function ranged(value: number, least: number | undefined): Measured {
  return least === undefined ? { value } : { value, least };
}

function within(rule: CompiledRule, value: number): boolean {
  return inBounds(rule.condition!, value);
}

/**
 * 今天上午十一点半能来不 against 新预约：提前4小时及以上: a time today, against a notice of hours the
 * request states no time left for, cannot be judged (tomorrow's is a day away).
 */
function sameDayUnjudged(rule: CompiledRule, part: Part): boolean {
  const notice = rule.notice;
  if (notice === undefined || rule.category !== 'can_approve_immediately') return false;
  if ((notice.lo ?? 0) >= 1) return false;
  if (part.quantity?.family === 'duration' || spansSaid(part).some((q) => q.family === 'duration'))
    return false;
  return SAME_DAY.test(part.analysis?.norm ?? part.norm);
}
const SAME_DAY = /今天|今日|今晚|今早|\btoday\b|\btonight\b|\bthis (?:morning|afternoon|evening)\b/;

/** The quantities said anywhere in the action the part is of (its own, read alone). */
function spansSaid(part: Part): readonly Quantity[] {
  return part.analysis?.quantities ?? (part.quantity ? [part.quantity] : []);
}

/**
 * A span of time the request states outside the notice a rule's note gives beside its own
 * condition (see `CompiledRule.notice`): any span, in any clause (距约定时间还有23小时，改约一次), as a
 * span said anywhere is a term's notice (see `termStated`). Undefined when none is.
 */
function noticeShort(rule: CompiledRule, part: Part): Quantity | undefined {
  const notice = rule.notice;
  if (notice === undefined) return undefined;
  const short = (q: Quantity, c: RuleCondition): boolean =>
    q.family === 'duration' && !inBounds(c, toBase(q.value, q.unit));
  // The hours left before a day named (see `withTimeLeft`), against a deadline on the day before.
  const said = spansSaid(part);
  const left =
    notice.fromDayStart === true && part.quantity?.unit === 'hour' && !said.includes(part.quantity)
      ? part.quantity
      : undefined;
  // A span said runs to the time booked, somewhere in its day: against a deadline on the day
  // before, only a day more than the notice surely meets it (the scan's in 5 hours does not).
  const toSaid =
    notice.fromDayStart === true && notice.lo !== undefined ? { ...notice, lo: notice.lo + 1 } : notice;
  return said.find((q) => short(q, toSaid)) ?? (left !== undefined && short(left, notice) ? left : undefined);
}

function inBounds(c: RuleCondition, value: number): boolean {
  if (c.lo !== undefined && (c.loInclusive ? value < c.lo : value <= c.lo)) return false;
  if (c.hi !== undefined && (c.hiInclusive ? value > c.hi : value >= c.hi)) return false;
  return true;
}

function rank(category: PermissionCategory): number {
  return PERMISSION_CATEGORIES.indexOf(category);
}

interface Outcome {
  status: PermissionCategory;
  rule: string | null;
  reasons: Bilingual;
  /** The unit a number said without one was read in (the deciding rule's). */
  bareUnit?: Quantity['unit'];
  /** The rule that decided (for the label). */
  winner?: CompiledRule;
  /** An approval rule with a limit matched, and the request said no quantity. */
  unstated?: { rule: string; family: QuantityFamily };
}

function decidePart(rules: CompiledRules, given: Part, levels: RuleLevels, atLeast = false): Outcome {
  // Only a notice rule is held against the time left: an extension's own span stays its amount.
  let part = levels.hits.some((i) => rules.rules[i]!.condition?.term) ? timeLeftRead(given) : given;
  let outcome = decideReading(rules, part, levels);
  // The time left said elsewhere in the action (see `timeLeftRead`) settles a notice rule; where
  // it falls in no rule's range the request's clause is read as said, to name the rule that
  // decides, but never to decide more leniently than the time left did.
  if (outcome.rule === null && given.quantity === undefined && part.quantity !== undefined) {
    const asSaid = decideReading(rules, given, levels);
    if (rank(asSaid.status) <= rank(outcome.status)) {
      part = given;
      outcome = asSaid;
    }
  }
  let readings = part.alternatives;
  // 至少赔我一百 / thirty bucks, minimum: the amount is a floor, so any amount above it is a reading.
  if (atLeast && part.quantity)
    readings = [...(readings ?? []), { ...part.quantity, value: Number.POSITIVE_INFINITY }];
  if (readings)
    for (const quantity of readings) {
      const reading = copyPart(part);
      reading.quantity = quantity;
      const other = decideReading(rules, reading, levels);
      if (rank(other.status) < rank(outcome.status)) outcome = other;
    }
  if (atLeast && !part.quantity && part.bare) {
    const reading = copyPart(part);
    reading.bare = { ...part.bare, value: Number.POSITIVE_INFINITY };
    const other = decideReading(rules, reading, levels);
    if (rank(other.status) < rank(outcome.status)) outcome = other;
  }
  // 规则外的退款80元, a refund outside the rules: asked as an exception, it is never approved at
  // once, whatever rule its other words come near; a rule that escalates exceptions decides it.
  if (outcome.status === 'can_approve_immediately' && OUTSIDE_THE_RULES.test(part.norm)) {
    const exceptions = rules.rules.find(
      (r) => r.category === 'requires_supervisor' && OUTSIDE_THE_RULES.test(normalizeText(r.phrase)),
    );
    return exceptions
      ? decidedBy(exceptions)
      : { status: 'requires_supervisor', rule: null, reasons: NO_RULE };
  }
  // 那五百块定金能退不能 against 按规则退款每单500元以内（检测取消退款、重复扣款…） and 规则外的退款，
  // 如施工前48小时内取消退定金: money held (a deposit) asked back is decided by the stricter rule on
  // money back that names it, where the approving rule does not.
  const held =
    outcome.status === 'can_approve_immediately'
      ? HELD_MONEY.exec(part.norm)?.[0].replace(/^security /, '')
      : undefined;
  if (held !== undefined && outcome.winner && !outcome.winner.text.toLowerCase().includes(held)) {
    const givesMoneyBack = (r: CompiledRule): boolean =>
      r.concepts.some((c) => MONEY_BACK_CONCEPTS.has(c.id));
    const stricter = rules.rules.find(
      (r) =>
        (r.category === 'requires_supervisor' || r.category === 'requires_process') &&
        r.text.toLowerCase().includes(held) &&
        givesMoneyBack(r),
    );
    if (stricter && givesMoneyBack(outcome.winner)) return { ...decidedBy(stricter), winner: stricter };
  }
  return outcome;
}

/**
 * The outcome a rule gives where it decides in place of the reading's own; the label stays the
 * request's.
 */
function decidedBy(rule: CompiledRule): Outcome {
  return { status: rule.category, rule: rule.text, reasons: reasonOf(rule) };
}

/** Said to be outside the rules: 规则外, 规定以外, outside the rules, beyond the policy. */
const OUTSIDE_THE_RULES =
  /规[则定](?:之|以)?外|\b(?:outside|beyond) (?:the |your |our )?(?:rules?|polic(?:y|ies))\b/;

/**
 * 维修收费差错：系统差错核对认定了的…≤200元 asked as 全部给我退回来, the call's queries showing money
 * owed (see `CheckPermissionOptions.moneyOwed`): the records meet the case the rule describes in
 * its own words, so the approval, read only plausibly, may decide by its money limit; any stricter
 * reading still decides over it (按平均价给我退 against 规则外的退款…按均价退).
 */
function owedCaseMet(rule: CompiledRule, part: Part, levels: RuleLevels): boolean {
  return levels.owed === true && rule.condition?.family === 'money' && rule.concepts.includes(part.concept!);
}

function decideReading(rules: CompiledRules, part: Part, levels: RuleLevels): Outcome {
  // Rule numbers: of the rules that apply to the amount, and of those it cannot be judged by.
  const applicable: number[] = [];
  const undetermined: number[] = [];
  let mismatch: { quantity: Quantity; rule: CompiledRule } | undefined;
  let outside = false;
  let shortNotice: Quantity | undefined;
  let usedBare = false;
  for (const i of levels.hits) {
    const rule = rules.rules[i]!;
    const level = levels.of[i]!;
    // Only a strong match approves; a plausible one of a stricter rule still decides.
    if (
      level === PLAUSIBLE &&
      rule.category === 'can_approve_immediately' &&
      !owedCaseMet(rule, part, levels)
    )
      continue;
    // 距约定时间还有23小时 against 改约一次（服务前24小时以上）: the notice in the note is short.
    const short = noticeShort(rule, part);
    if (short !== undefined) {
      shortNotice = short;
      outside = true;
      continue;
    }
    if (sameDayUnjudged(rule, part)) {
      undetermined.push(i);
      continue;
    }
    if (!rule.condition) {
      applicable.push(i);
      continue;
    }
    if (rule.condition.invalid) {
      undetermined.push(i);
      continue;
    }
    // A term of the case (服务前24小时以上) holds only against a quantity the request states for it
    // (see `termStated`); without one, the rule applies.
    if (rule.condition.term && !termStated(rule, part)) {
      applicable.push(i);
      continue;
    }
    // 退款一百多: a number said roughly, with no unit, approves nothing (it may be more than it says).
    if (
      rule.category === 'can_approve_immediately' &&
      !part.quantity &&
      part.bare !== undefined &&
      APPROXIMATE.test(part.bare.text)
    ) {
      undetermined.push(i);
      continue;
    }
    const m = measure(rule, part);
    if ('value' in m) {
      if (!part.quantity && part.bare) usedBare = true;
      // 二十几块 against 退款<30元 is within it whatever it is; against 退款<25元 it may be either side,
      // so the rule neither applies nor is out of the question (a stricter rule decides).
      const most = within(rule, m.value);
      const least = m.least === undefined ? most : within(rule, m.least);
      if (most && least) applicable.push(i);
      else if (most || least) undetermined.push(i);
      else outside = true;
    } else {
      if ('mismatch' in m) mismatch ??= { quantity: m.mismatch, rule };
      undetermined.push(i);
    }
  }
  const family = part.concept?.families?.[0];
  // The winner among the applicable rules and the restrictive undetermined ones: the strictest;
  // among equally strict rules the closest reading names the rule: the lexicon's, then a strong
  // match by meaning, then a plausible one (退票的手续费能不能免了 is 手续费减免, not 全额退票);
  // then the first.
  let best = -1;
  let bestApplies = false;
  for (let k = 0; k < applicable.length + undetermined.length; k++) {
    const applies = k < applicable.length;
    const i = applies ? applicable[k]! : undetermined[k - applicable.length]!;
    if (!applies && rules.rules[i]!.category === 'can_approve_immediately') continue;
    if (best >= 0) {
      const byRank = rank(rules.rules[i]!.category) - rank(rules.rules[best]!.category);
      if (byRank > 0) continue;
      if (byRank === 0) {
        const byLevel = levels.of[i]! - levels.of[best]!;
        if (byLevel < 0) continue;
        // 开锁失败扣了三块，退给我 against 骑行费退款<=50元 and 开锁失败订单骑行费全额退还: both
        // read it, the latter by words of its own (失败), the former only by the sum said.
        // 把师傅电话给我 against 透露其他用户信息 and 提供技师的私人手机号: of two rules forbidding,
        // the one whose things the request names (the technician), more of them, reads it closer.
        if (byLevel === 0) {
          const byThings =
            rules.rules[i]!.category === 'forbidden'
              ? thingsSaid(rules.rules[i]!, part) - thingsSaid(rules.rules[best]!, part)
              : 0;
          if (byThings < 0) continue;
          if (
            byThings === 0 &&
            !(saysOwnWord(rules.rules[i]!, part) && !saysOwnWord(rules.rules[best]!, part))
          )
            continue;
        }
      }
    }
    best = i;
    bestApplies = applies;
  }
  if (best >= 0) {
    const winner = rules.rules[best]!;
    const base = reasonOf(winner);
    let reasons = base;
    if (!bestApplies) {
      reasons = mismatch
        ? unitMismatchStrictest(mismatch.quantity, base)
        : amountMissingStrictest(winner.condition?.family ?? family, base);
    }
    reasons = withAmountNote(reasons, part, usedBare, winner);
    const outcome: Outcome = { status: winner.category, rule: winner.text, reasons, winner };
    if (usedBare && winner.condition?.unit && bareIn(part, winner.condition))
      outcome.bareUnit = winner.condition.unit;
    return outcome;
  }
  if (undetermined.length > 0) {
    const first = rules.rules[undetermined[0]!]!;
    const reasons = mismatch
      ? unitMismatch(mismatch.quantity, mismatch.rule.text)
      : amountMissing(first.condition?.family ?? family, first.text);
    const measures = first.condition?.family ?? family;
    return {
      status: 'requires_supervisor',
      rule: null,
      reasons,
      ...(mismatch || measures === undefined ? {} : { unstated: { rule: first.text, family: measures } }),
    };
  }
  if (outside) {
    const said = (shortNotice ?? part.quantity)?.text ?? part.bare?.text ?? '';
    return { status: 'requires_supervisor', rule: null, reasons: outOfRange(said) };
  }
  return { status: 'requires_supervisor', rule: null, reasons: NO_RULE };
}

const ruleReasons = new WeakMap<CompiledRule, Bilingual>();

/** Why the rule decides (the same words whenever it does: made once per rule). */
function reasonOf(rule: CompiledRule): Bilingual {
  let reason = ruleReasons.get(rule);
  if (reason === undefined) {
    reason = ruleReason(rule.category, rule.text);
    ruleReasons.set(rule, reason);
  }
  return reason;
}

function withAmountNote(reasons: Bilingual, part: Part, usedBare: boolean, winner: CompiledRule): Bilingual {
  // Most parts need no note: their reason is the rule's own.
  if (!part.borrowed && !usedBare && !part.repeated && !part.counted) return reasons;
  let zh = reasons.zh;
  let en = reasons.en;
  const add = (note: Bilingual): void => {
    zh += note.zh;
    en += note.en;
  };
  if (part.borrowed && part.quantity) add(amountNote((part.repeated?.each ?? part.quantity).text, undefined));
  else if (usedBare && part.bare && winner.condition) {
    const read = formatAmount(part.bare.value, winner.condition.unit);
    add({ zh: amountNote(part.bare.text, read.zh).zh, en: amountNote(part.bare.text, read.en).en });
  }
  if (part.repeated && winner.condition) {
    const own = part.counted?.current ?? part.quantity?.value ?? 0;
    add(repeatedNote(part.repeated.times, part.repeated.each, own));
  }
  if (part.counted && winner.condition) {
    const c = part.counted;
    add(addedUp(c.total, c.call + c.window, c.unit));
  }
  return zh === reasons.zh && en === reasons.en ? reasons : { zh, en };
}

/**
 * 今天的票改到周六10月10日 against 改到30天以后 (需主管): a move to a day the caller names is
 * as far as that day is from today, where a rule the part matches measures moves in days and the
 * part says no span itself.
 */
function withDaysMoved(
  part: Part,
  rules: CompiledRules,
  levels: RuleLevels,
  today: string | undefined,
): Part {
  if (today === undefined || part.quantity?.family === 'duration') return part;
  // A notice (距预约>=24小时) measures the time left before the booking, not how far it moves.
  if (!levels.hits.some((i) => spansTime(rules.rules[i]!))) return part;
  const moved = dayMovedTo(part.text, today);
  return moved === undefined ? part : withSpanRead(part, moved.days, 'day', moved);
}

/** The part read with a span of time found in its text (how far a day named is). */
function withSpanRead(
  part: Part,
  value: number,
  unit: 'day' | 'hour',
  found: { text: string; start: number; end: number },
): Part {
  const reading = copyPart(part);
  reading.quantity = {
    value,
    unit,
    family: 'duration',
    text: found.text,
    start: part.start < 0 ? -1 : part.start + found.start,
    end: part.start < 0 ? -1 : part.start + found.end,
  };
  return reading;
}

/** A day the part names, read as how far a move goes or how far off a new booking is. */
function withDayNamed(part: Part, rules: CompiledRules, levels: RuleLevels, today: string | undefined): Part {
  return withTimeLeft(withDaysMoved(part, rules, levels, today), rules, levels, today);
}

/**
 * 约星期六朝早九点 against 新预约（开始时间距现在24小时以上）: a new booking for a day the caller
 * names is as far off as that day (at the time said, else its start) is from now, where a rule the
 * part matches holds a notice and the part says no span itself. Not a move: a move's notice runs
 * to the booking moved, which the records tell.
 */
function withTimeLeft(part: Part, rules: CompiledRules, levels: RuleLevels, now: string | undefined): Part {
  if (now === undefined || part.quantity?.family === 'duration') return part;
  // The time of day now: without it (a day alone), no hours are counted.
  const clock = /T(\d{2}):(\d{2})/.exec(now);
  if (clock === null) return part;
  if (
    !levels.hits.some(
      (i) => rules.rules[i]!.condition?.family === 'duration' || rules.rules[i]!.notice !== undefined,
    )
  )
    return part;
  if (!booksNew(sensesOf(part))) return part;
  const day = dayNamedAhead(part.text, now);
  if (day === undefined) return part;
  // 星期六朝早九点: the time of day said right after the day, in the same clause; to the day's
  // start where a deadline on the day before is the notice (see `RuleCondition.fromDayStart`).
  const toDayStart = levels.hits.some((i) => rules.rules[i]!.notice?.fromDayStart === true);
  const after = toDayStart ? '' : part.text.slice(day.end, day.end + 12);
  const time = parseQuantities(after).find(
    (q) => q.family === 'clock' && !CLAUSE_END.test(after.slice(0, q.start)),
  );
  let hours = Math.floor(day.days * 24 + (time?.value ?? 0) - Number(clock[1]) - Number(clock[2]) / 60);
  // Today, against a deadline on the day before: that day has begun, no time is left.
  if (hours < 0 && toDayStart) hours = 0;
  if (hours < 0) return part;
  const end = time === undefined ? day.end : day.end + time.end;
  return withSpanRead(part, hours, 'hour', { text: part.text.slice(day.start, end), start: day.start, end });
}
const CLAUSE_END = /[,.!?;:，。！？；：]/;

/** Sums, in the part's unit, the earlier amounts of the part's kind that a limit adds to it. */
function withCounted(part: Part, options: CheckPermissionOptions): Part {
  const concept = part.concept;
  const counted = options.counted ?? [];
  if (!concept || counted.length === 0) return part;
  let own = part.quantity;
  if (!own && part.bare) {
    // 退款50 after earlier refunds in yuan: read in the unit of what was counted.
    const first = counted.find((c) => c.concept === concept.id);
    if (!first) return part;
    own = {
      value: part.bare.value,
      unit: first.unit,
      family: familyOf(first.unit),
      text: part.bare.text,
      start: -1,
      end: -1,
    };
  }
  if (!own) return part;
  const q = own;
  const earlier = { call: 0, window: 0 };
  for (const c of counted) {
    if (c.concept !== concept.id || familyOf(c.unit) !== q.family) continue;
    // Money in another currency cannot be added; other families convert (days and months).
    if (q.family === 'money' && c.unit !== q.unit) continue;
    earlier[c.scope] += toBase(c.value, c.unit) / toBase(1, q.unit);
  }
  const prior = round(earlier.call + earlier.window);
  if (prior === 0) return part;
  const add = (x: Quantity): Quantity => (x.unit === q.unit ? { ...x, value: round(x.value + prior) } : x);
  const total = round(q.value + prior);
  const out: Part = {
    ...part,
    quantity: { ...q, value: total },
    counted: {
      concept: concept.id,
      unit: q.unit,
      call: round(earlier.call),
      window: round(earlier.window),
      current: q.value,
      total,
      ...(options.windowHours === undefined ? {} : { windowHours: options.windowHours }),
    },
  };
  out.bare = undefined;
  out.memo = newMemo();
  if (part.alternatives) out.alternatives = part.alternatives.map(add);
  return out;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * Decides an action against a product's compiled rules, as a supervisor would read it: by
 * meaning (synonyms, word order, amounts in any notation), part by part when one action asks
 * for several things, the most restrictive part deciding. Precedence: forbidden >
 * requires_supervisor > requires_process > can_approve_immediately. Nothing is approved without
 * an approval rule that covers it: an action no rule covers, an amount a limit rule needs but the
 * action does not state, or an amount in another currency all go to a supervisor. Claims of
 * authority in the text change nothing. An action about anyone other than the caller (another
 * phone number, a full card number, a third person's data, in any wording) is forbidden, by the
 * product's rule on other people's data or by default. Never throws.
 *
 * `reason` is in Chinese when the action contains Chinese, else English; `reasons` carries both.
 * Decisions are cached per rule set and action text (a text is kept once it is seen twice), and
 * every call returns a fresh copy.
 *
 * @example checkPermission(rules, '退款200元')
 * // { action: '退款200元', status: 'requires_supervisor', rule: '退款>=100元', reason: '超出当前权限(退款>=100元)', parts: [...] }
 */
export function checkPermission(
  rules: CompiledRules,
  action: string,
  options: CheckPermissionOptions = {},
): PermissionDecision {
  return withDataScope(rules, decideByRules(rules, action, options), options.caller);
}

/** No states known, but money owed shown. */
const OWED_ONLY: RequestContext = { ...NO_CONTEXT, owed: true };

// A call checks its requests against the same facts until it queries again: the last one is kept.
let lastFacts = { key: '', context: NO_CONTEXT };

/** The facts as the matcher reads them (see `CheckPermissionOptions.facts`). */
function factsContext(facts: readonly string[] | undefined, owed: boolean): RequestContext {
  if (!facts || facts.length === 0) return owed ? OWED_ONLY : NO_CONTEXT;
  const joined = facts.join('\n');
  const key = owed ? `${joined}\u0002` : joined;
  if (key !== lastFacts.key) {
    const norm = normalizeText(joined);
    const context = contextOf([{ norm, has: scanSenses(norm) }]);
    lastFacts = { key, context: owed ? { ...context, owed } : context };
  }
  return lastFacts.context;
}

function decideByRules(
  rules: CompiledRules,
  action: string,
  options: CheckPermissionOptions,
): PermissionDecision {
  // Earlier amounts make the decision depend on more than the text: not cached. Facts are part
  // of the key: a call checks its requests against the same facts until it queries again.
  if (options.counted && options.counted.length > 0)
    return decideParsed(rules, action, options, parseActionCached(action));
  const facts = options.facts && options.facts.length > 0 ? options.facts : undefined;
  // A day named is read against today: the day is part of the key then.
  const today = options.today !== undefined && mayNameADay(action) ? options.today : undefined;
  const owed = options.moneyOwed === true;
  const base = facts ? `${action}\u0000${facts.join('\n')}` : action;
  const dated = today ? `${base}\u0001${today}` : base;
  const key = owed ? `${dated}\u0002` : dated;
  let cache = rules === lastRules ? lastCache : decisions.get(rules);
  if (cache === undefined) {
    cache = new TwoGenerationCache<PermissionDecision>(CACHE_SIZE);
    decisions.set(rules, cache);
  }
  lastRules = rules;
  lastCache = cache;
  let decision = cache.get(key);
  if (decision === undefined) {
    // The decision cache stands in for the parse cache here: offering the parse as well would
    // only record every new text twice.
    decision = decideParsed(
      rules,
      action,
      { ...(facts ? { facts } : {}), ...(today ? { today } : {}), ...(owed ? { moneyOwed: true } : {}) },
      parses.get(action) ?? parseAction(action),
    );
    // A decision the cache did not keep is nobody else's: no copy needed.
    if (!cache.offer(key, decision)) return decision;
  }
  return copyDecision(decision);
}

/** A fresh copy, so a caller changing its decision cannot change the cached one. */
function copyDecision(d: PermissionDecision): PermissionDecision {
  const copy: PermissionDecision = {
    action: d.action,
    status: d.status,
    rule: d.rule,
    reason: d.reason,
    parts: d.parts.map((p) => {
      const part: PermissionPart = { text: p.text, status: p.status, rule: p.rule, reason: p.reason };
      if (p.reasons) part.reasons = { zh: p.reasons.zh, en: p.reasons.en };
      if (p.concept !== undefined) part.concept = p.concept;
      if (p.amount) part.amount = { ...p.amount };
      if (p.label !== undefined) part.label = p.label;
      if (p.unstated) part.unstated = { ...p.unstated };
      if (p.actsOnCase) part.actsOnCase = true;
      if (p.caseTold) part.caseTold = true;
      return part;
    }),
  };
  if (d.reasons) copy.reasons = { zh: d.reasons.zh, en: d.reasons.en };
  if (d.counted) copy.counted = d.counted.map((c) => ({ ...c }));
  if (d.label !== undefined) copy.label = d.label;
  return copy;
}

/** Decides without the decision cache (parsing is still cached by text): for benchmarks. */
export function decide(
  rules: CompiledRules,
  action: string,
  options: CheckPermissionOptions = {},
): PermissionDecision {
  return withDataScope(
    rules,
    decideParsed(rules, action, options, parseActionCached(action)),
    options.caller,
  );
}

// Words of a forbidden rule about other people's data: who (他人, another user, 别家, nobody else)
// and how (透露, share, 一概不说, never confirm).
const OTHERS_IN_RULE =
  /他人|其他|其它|别人|另一|别的|旁人|别家|任何人|邻居|配偶|前任|亲属|\bothers?\b|\banother\b|third[- ]part|someone else|somebody else|(?:nobody|no one|anyone|anybody) else|\b(?:ex-)?partners\b|\bflatmates\b|\bneighbou?rs\b|\bspouses\b/;
const DISCLOSE_IN_RULE = new RegExp(
  String.raw`透露|泄露|泄漏|告知|外泄|告诉|不说|不讲|disclos|reveal|leak|\bshar|\bconfirm|\bgive out\b|\btell\b|${ONLY_ONE_PARTY}`,
);
const DATA_IN_RULE =
  /信息|资料|隐私|数据|文件|地址|住址|号码|手机号|电话|information|\bdata\b|details|files?\b|address|phone/;

const disclosureRules = new WeakMap<CompiledRules, CompiledRule | null>();

/** What a refused request for someone else's data is called where the product has no rule on it. */
const OTHERS_DATA_LABEL: Bilingual = { zh: '透露他人信息', en: "disclose another person's data" };

/**
 * The product's forbidden rule about other people's data (透露其他用户信息, share another user's
 * files ...), the one naming both whom and disclosure first; null when it has none.
 */
function disclosureRule(rules: CompiledRules): CompiledRule | null {
  let best = disclosureRules.get(rules);
  if (best !== undefined) return best;
  best = null;
  let bestScore = 0;
  for (const r of rules.rules) {
    if (r.category !== 'forbidden') continue;
    const t = r.text.toLowerCase();
    const others = OTHERS_IN_RULE.test(t);
    const discloses = DISCLOSE_IN_RULE.test(t);
    if (!others && !discloses) continue;
    const score = (discloses ? 3 : 0) + (others ? 2 : 0) + (DATA_IN_RULE.test(t) ? 1 : 0);
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  disclosureRules.set(rules, best);
  return best;
}

/**
 * Someone other than the caller the action names, as the product's rules read people: on a
 * guardian's or a principal's account the caller's own child or kin is whom it is held for (see
 * `RuleMeaning.wards`), unless the caller is on no account (`unlisted`), or an age said puts the child past the age the product's disclosure
 * rule tells a guardian about (my daughter Sophie, she's nineteen, for a patient under 18).
 */
export function otherPartyUnder(
  rules: CompiledRules,
  action: string,
  caller: OtherPartyOptions | undefined,
): OtherParty | undefined {
  const wards = rules.rules[0]?.meaning.wards;
  if (wards === undefined || caller?.unlisted === true) return findOtherParty(action, caller);
  const adult = disclosureRule(rules)?.age?.below;
  const grown = adult !== undefined && agesSaid(normalizeText(action)).some((age) => age >= adult);
  return findOtherParty(grown ? action : withoutWards(action, wards), caller);
}

/**
 * Other people's data is forbidden in any wording: when the action is about anyone but the
 * caller, the decision becomes forbidden whatever the rules said of its parts (the most
 * restrictive wins), citing the product's rule on it or forbidding by default.
 */
function withDataScope(
  rules: CompiledRules,
  decision: PermissionDecision,
  caller: OtherPartyOptions | undefined,
): PermissionDecision {
  const disclosure = disclosureRule(rules);
  // Refused already, by another forbidden rule (email it over to me … against taking card numbers
  // over the phone): where someone else's data is asked for, that is the reason the caller hears.
  // A forbidden rule about others itself (解绑他人设备) is that reason already.
  if (decision.status === 'forbidden' && (!disclosure || !refusedForOtherReason(rules, decision.rule)))
    return decision;
  // 我是她姥姥，孩子礼拜六几点的课: a caller who says they are one of those the product's rule
  // refuses asks about the account holder's records, whoever they name (read only when no one
  // else was found: most checks name no one).
  // On a guardian's or a principal's account, the caller's own child or kin is whom it is held for.
  const found =
    otherPartyUnder(rules, decision.action, caller) ??
    (decision.status === 'forbidden' ? undefined : roleRefused(disclosure, decision.action));
  if (!found) return decision;
  // 让我室友去帮我取，她叫王佳琪，手机号… against 寄存人本人来电授权代取人（姓名和手机号）: the person the
  // caller adds to those who may act on their account, with the number the rule asks for, is no
  // one else's data asked for.
  if (found.kind !== 'card' && addsToRoster(rules, decision)) return decision;
  // Copies of CCTV footage (subject access requests): a product whose own rule on footage read the
  // request has said how footage is given; the cameras' other people are that process's to mind.
  if (asksForFootage(found.text) && decidedByFootageRule(rules, decision)) return decision;
  const rule = (ruleOnServicePerson(rules, found.text) ?? disclosure)?.text ?? null;
  const reasons = otherPartyReason(rule, found.what);
  const lang = hasCjk(decision.action) ? 'zh' : 'en';
  const part: PermissionPart = {
    text: found.text,
    status: 'forbidden',
    rule,
    reason: reasons[lang],
    reasons: { zh: reasons.zh, en: reasons.en },
    // A normalised label like every other part's: the product's rule, or what is refused.
    label: rule ?? OTHERS_DATA_LABEL[lang],
  };
  // The rest of the decision (its label) stays; what limits counted no longer matters.
  const { counted: _counted, ...rest } = decision;
  return {
    ...rest,
    status: 'forbidden',
    rule,
    reason: reasons[lang],
    parts: [part, ...decision.parts],
    reasons,
  };
}

/** Whether a forbidden rule refuses for another reason than someone else being concerned. */
function refusedForOtherReason(rules: CompiledRules, rule: string | null): boolean {
  const compiled = rules.rules.filter((r) => r.text === rule);
  return (
    compiled.length > 0 &&
    !compiled.some(
      (r) => r.meaning.needsOther || r.meaning.objects.some(isPartySense) || r === disclosureRule(rules),
    )
  );
}

let footageSense: number | undefined;
/** Whether an approval was read by a rule adding someone to those who may act (授权代取人, 添加接送人). */
function addsToRoster(rules: CompiledRules, decision: PermissionDecision): boolean {
  if (decision.status !== 'can_approve_immediately' || decision.rule === null) return false;
  return rules.rules.some((r) => r.text === decision.rule && r.meaning.objects.some(isRosterSense));
}

/**
 * Whether a part of the decision was read by a rule about camera footage that escalates (a process,
 * a supervisor): someone checks whose footage it is before any is given. Never an approval.
 */
function decidedByFootageRule(rules: CompiledRules, decision: PermissionDecision): boolean {
  footageSense ??= senseNumber('footage');
  return decision.parts.some((p) => {
    if (p.rule === null || (p.status !== 'requires_process' && p.status !== 'requires_supervisor'))
      return false;
    const rule = rules.rules.find((r) => r.text === p.rule);
    return rule !== undefined && rule.meaning.objects.includes(footageSense!);
  });
}

/** Other words a product's rules call one who serves by: 师傅 for a 技师, an engineer for a technician. */
const SERVING_ALSO: Readonly<Record<string, readonly string[]>> = {
  师傅: ['技师', '技术员', '维修工', '司机'],
  技师: ['师傅', '技术员'],
  technician: ['engineer'],
  engineer: ['technician'],
};

/**
 * 把技师电话给我 against 透露其他用户信息 and 提供技师的私人手机号（只能通过平台虚拟号联系）: a request
 * about someone who serves the caller is refused by the product's rule on that person's details,
 * whose note says how they are reached instead; undefined when no forbidden rule names them.
 */
function ruleOnServicePerson(rules: CompiledRules, found: string): CompiledRule | undefined {
  // The one found is that person (技师电话, 9号技师的微信), not a story that names one.
  const zh = SERVICE_PEOPLE_ZH.exec(found);
  const en = SERVICE_PEOPLE_EN.exec(found.toLowerCase());
  const person = zh !== null && zh.index <= 3 ? zh[0] : en !== null && en.index <= 12 ? en[0] : undefined;
  if (person === undefined) return undefined;
  const words = [person, ...(SERVING_ALSO[person] ?? [])];
  return rules.rules.find((r) => {
    if (r.category !== 'forbidden') return false;
    const text = r.text.toLowerCase();
    return (
      words.some((w) => text.includes(w)) && (DATA_IN_RULE.test(text) || /微信|mobile|contact/.test(text))
    );
  });
}

/** The caller, by a role they say they hold, among those the disclosure rule refuses (`deniedRoleSaid`). */
function roleRefused(
  disclosure: CompiledRule | null,
  action: string,
): Pick<OtherParty, 'kind' | 'text' | 'what'> | undefined {
  const what = disclosure === null ? undefined : deniedRoleSaid(disclosure, normalizeText(action));
  return what === undefined ? undefined : { kind: 'person', text: action, what };
}

/** The lexicon concept the first of these actions names (the waive sense names fee_waiver). */
function conceptOfHeads(heads: readonly number[]): string | undefined {
  for (const h of heads) {
    const concept = SENSES[h]?.concept;
    if (concept !== undefined) return concept;
  }
  return undefined;
}

/**
 * 取件码找不着了，恁给俺再发一遍中不中？还有啊，俺楼下王姐…叫俺帮她取出来: sentences in words the
 * lexicon does not know, which the line read as one does not name a rule for: each sentence no part
 * already `read` was found in is read whole on its own, and those that name a rule are parts (what the
 * others ask is the data scope's, and the caller's to say again).
 */
function sentencesApart(
  rules: CompiledRules,
  action: string,
  facts: RequestContext,
  read: ReadonlyArray<{ part: Part }>,
): Array<{ part: Part; outcome: Outcome; levels: RuleLevels }> {
  const sentences = action.match(SENTENCE) ?? [];
  if (sentences.length < 2) return [];
  const readTexts = read.map((d) => d.part.text.trim());
  const out: Array<{ part: Part; outcome: Outcome; levels: RuleLevels }> = [];
  for (const sentence of sentences) {
    const said = sentence.trim();
    if (readTexts.some((text) => sentence.includes(text) || text.includes(said))) continue;
    // Only a sentence that asks for something (电池我换了两粒新的，还是不响 tells what happened),
    // tested before it is parsed.
    const norm = normalizeText(said);
    if (!(REQUEST_LIKE_ZH.test(norm) || REQUEST_LIKE_EN.test(norm) || LEAVE_ASKED.test(norm))) continue;
    const parsed = parseActionCached(said);
    if (toldOfOther(sentence, parsed.whole)) continue;
    const levels = levelsFor(rules, parsed.whole, undefined, facts);
    const outcome = decidePart(rules, parsed.whole, levels, parsed.atLeast);
    if (outcome.rule !== null) out.push({ part: parsed.whole, outcome, levels });
  }
  return out;
}

/** Leave asked at a sentence's end (中不中, 行不行, 可以吗, could you). */
const LEAVE_ASKED =
  /(?:行不行|中不中|成不成|好不好|可不可以|能不能|可以吗|行吗|好吗|中吗)[\s，,。.！!？?～~啊呀哈]*$|\b(?:can|could|would) you\b/;

/** I've got £30 credit on my account: a balance the caller holds, told, no credit asked for. */
function balanceHeld(part: Part): boolean {
  return !part.requestLike && BALANCE_HELD.test(part.norm);
}

/** A balance the caller says they hold: I've got £30 credit, we have a $20 credit on the account. */
const BALANCE_HELD =
  /\b(?:i|we)(?:'ve| have)?\s+(?:got|have|still have)\s+(?:a\s+|an\s+|some\s+)?(?:[£$€]?\d[\d,.]*\s*(?:pounds?|dollars?|euros?|quid|bucks)?\s+)?(?:of\s+)?(?:credit|balance)\b/;

/** A sentence of a line, with its closing marks. */
const SENTENCE = /[^。！？!?；;\n]+[。！？!?；;\n]*/g;

function decideParsed(
  rules: CompiledRules,
  action: string,
  options: CheckPermissionOptions,
  parsed: ParsedAction,
): PermissionDecision {
  // The parse is the action's: its gates say whether the action has Chinese.
  const lang = (parsed.analysis.gates & G.CJK) !== 0 ? 'zh' : 'en';
  const facts = factsContext(options.facts, options.moneyOwed === true);
  const decided: Array<{ part: Part; outcome: Outcome; levels: RuleLevels }> = [];
  for (const request of parsed.requests) {
    if (toldOfOther(action, request) || bookingTold(request)) continue;
    if (promisedOnCondition(request, parsed)) continue;
    if (balanceHeld(request)) continue;
    // Levels do not depend on the amount: they choose which amount the part needs.
    const levels = levelsFor(rules, request, parsed, facts);
    const loose = withLooseAmount(request, parsed, rules, levels);
    const part = withCounted(withDayNamed(loose, rules, levels, options.today), options);
    decided.push({ part, outcome: decidePart(rules, part, levels, parsed.atLeast), levels });
  }
  for (const free of parsed.free) {
    // A clause the lexicon does not know counts when a rule matches it (by its words or its
    // meaning), or when it asks for something; greetings, complaints about service and claims of
    // authority do not.
    // 会员怎么取消 asks how, not for it: a question found only by meaning is no request.
    if ((parsed.analysis.gates & G.HOW) !== 0 && asksHowTo(free.norm)) continue;
    // I sent a gift card to my niece: what the caller did is told, not asked for (it is
    // the context of the requests beside it: see `contextFor`).
    if (toldDone(free) || toldOfOther(action, free) || balanceHeld(free)) continue;
    const levels = levelsFor(rules, free, parsed, facts);
    // 上礼拜退房的时候忘了要了 comes near 延迟退房至14点 but asks for nothing: a clause only
    // plausibly like approval rules counts when it asks (or when nothing else does: see `whole`).
    let named = false;
    for (const i of levels.hits) {
      const l = levels.of[i]!;
      if (
        l >= STRONG ||
        (l === PLAUSIBLE && (free.requestLike || rules.rules[i]!.category !== 'can_approve_immediately'))
      ) {
        named = true;
        break;
      }
    }
    if (!named && !(decided.length > 0 && free.requestLike)) continue;
    const part = named
      ? withDayNamed(withLooseAmount(free, parsed, rules, levels), rules, levels, options.today)
      : free;
    decided.push({ part, outcome: decidePart(rules, part, levels, parsed.atLeast), levels });
  }
  // 你给我再发一遍中不中？…你把她那个取件码也给我发过来: a sentence no part was read in, beside one
  // that was, is read apart too.
  if (decided.length > 0) decided.push(...sentencesApart(rules, action, facts, decided));
  dropRestated(rules, decided);
  // when you send the invoice, could you word it as …: a clause that says when, beside one that
  // asks, asks nothing itself (alone, it is read as said).
  if (decided.length > 1) {
    const asking = decided.filter((d) => !WHEN_YOU.test(d.part.norm));
    if (asking.length > 0 && asking.length < decided.length) decided.splice(0, decided.length, ...asking);
  }
  if (decided.length === 0) {
    const whole = parsed.whole;
    const levels =
      ((parsed.analysis.gates & G.HOW) !== 0 && asksHowTo(whole.norm)) || toldOfOther(action, whole)
        ? { of: ruleIndex(rules).noLevels, hits: [] }
        : levelsFor(rules, whole, undefined, facts, parsed.free.length + parsed.requests.length > 1);
    const outcome = decidePart(rules, whole, levels, parsed.atLeast);
    decided.push(...(outcome.rule === null ? sentencesApart(rules, action, facts, decided) : []));
    if (decided.length === 0) decided.push({ part: whole, outcome, levels });
  }

  const parts: PermissionPart[] = [];
  for (const { part, outcome, levels } of decided) {
    const out: PermissionPart = {
      text: part.text,
      status: outcome.status,
      rule: outcome.rule,
      reason: outcome.reasons[lang],
      // Own objects: reasons may be shared constants (NO_RULE), and decisions go out uncopied.
      reasons: { zh: outcome.reasons.zh, en: outcome.reasons.en },
    };
    if (part.concept) out.concept = part.concept.id;
    else if (outcome.winner) {
      // 这次能不能给我免了 against 减免滞纳金<=30元, read by meaning: the part does what its rule's
      // action names (a fee waived), so money moved by meaning is bounded like the lexicon's.
      const named = conceptOfHeads(outcome.winner.meaning.heads);
      if (named !== undefined) out.concept = named;
    }
    if (outcome.unstated) out.unstated = outcome.unstated;
    if (outcome.winner?.meaning.acts !== undefined) out.actsOnCase = true;
    if (outcome.winner !== undefined && tellsCaseOf(outcome.winner.meaning, sensesOf(part)))
      out.caseTold = true;
    // 补五个学时 against 补偿学时>2学时: five of the rule's own word, in times (limits add them up).
    const noun = outcome.winner?.condition?.noun;
    const counted = noun === undefined ? undefined : countAsked(part, noun);
    const own = counted === undefined ? ownAmount(part, outcome) : { value: counted, unit: 'time' as const };
    if (own) out.amount = own;
    // 减免占位费二十几块钱: an approximate amount stays as said in the label, never a number it may not be.
    const approx =
      part.quantity?.least !== undefined
        ? part.quantity.text
        : part.bare !== undefined && !part.quantity && APPROXIMATE.test(part.bare.text)
          ? part.bare.text
          : undefined;
    out.label = actionLabel({
      rule: outcome.winner && worded(rules, levels, outcome.winner, part.norm),
      concept: part.concept,
      amount: approx === undefined && counted === undefined ? own : undefined,
      text: part.text,
      lang,
    });
    if (counted !== undefined && noun !== undefined)
      out.label = `${out.label.endsWith(noun) ? out.label.slice(0, -noun.length) : out.label}${counted}${noun}`;
    if (approx !== undefined && outcome.winner?.condition && !outcome.winner.condition.named)
      out.label = hasCjk(out.label) ? `${out.label}${approx}` : `${out.label} ${approx}`;
    parts.push(out);
  }
  let decisive = decided[0]!;
  for (const d of decided) if (rank(d.outcome.status) < rank(decisive.outcome.status)) decisive = d;
  const reasons =
    decided.length === 1
      ? { zh: decisive.outcome.reasons.zh, en: decisive.outcome.reasons.en }
      : {
          zh: decided.map((d) => `${d.part.text}: ${d.outcome.reasons.zh}`).join('；'),
          en: decided.map((d) => `${d.part.text}: ${d.outcome.reasons.en}`).join('; '),
        };
  const decision: PermissionDecision = {
    action,
    status: decisive.outcome.status,
    rule: decisive.outcome.rule,
    reason: reasons[lang],
    parts,
    reasons,
    label: decisionLabel(decided, parts, lang),
  };
  // Only checks given earlier amounts count anything.
  if (options.counted && options.counted.length > 0) addCounted(decision, decided);
  return decision;
}

/**
 * Of the matched rules under the winner's text (a phrase and the actions it lists: 预约入户安检或
 * 上门维修, 预约入户安检, 上门维修), the one whose phrase shares most characters with the request
 * names it: its label says 安检 for a request to book an inspection.
 */
function worded(rules: CompiledRules, levels: RuleLevels, winner: CompiledRule, norm: string): CompiledRule {
  // Most rules list nothing: no other match under the winner's text, nothing to weigh.
  let listed = false;
  for (const i of levels.hits) {
    const rule = rules.rules[i]!;
    if (rule !== winner && rule.text === winner.text) listed = true;
  }
  if (!listed) return winner;
  let best = winner;
  let bestShared = -1;
  for (const i of levels.hits) {
    const rule = rules.rules[i]!;
    if (rule.text !== winner.text) continue;
    let shared = 0;
    for (const c of new Set(rule.phrase)) if (norm.includes(c)) shared++;
    if (shared > bestShared) {
      best = rule;
      bestShared = shared;
    }
  }
  return best;
}

/** The totals that limits counted, one per kind of action and unit (the largest). */
function addCounted(decision: PermissionDecision, decided: ReadonlyArray<{ part: Part }>): void {
  const counted = new Map<string, CountedTotal>();
  for (const { part } of decided) {
    const c = part.counted;
    const key = c && `${c.concept} ${c.unit}`;
    if (c && key && (counted.get(key)?.total ?? -1) < c.total) counted.set(key, c);
  }
  if (counted.size > 0) decision.counted = [...counted.values()];
}

/**
 * 你们好歹表示一下吧，给个两百积分: a clause that names no amount and matches only rules another
 * clause with an amount matches too (or names in full where it names them only plausibly) is the
 * same request said less precisely; the precise clause speaks for it. Forbidden readings are
 * never dropped.
 */
function dropRestated(
  rules: CompiledRules,
  decided: Array<{ part: Part; outcome: Outcome; levels: RuleLevels }>,
): void {
  if (decided.length < 2) return;
  const stated = (p: Part): boolean => p.quantity !== undefined || p.bare !== undefined;
  const matched = (e: (typeof decided)[number]): boolean => e.levels.hits.length > 0;
  // Whether the clause says the action of one of its rules (cancel of cancel a transfer), or
  // only a problem such a rule is for (my niece has not received it).
  const asksOwn = (e: (typeof decided)[number]): boolean =>
    e.levels.hits.some((k) => anyOf(rules.rules[k]!.meaning.heads, sensesOf(e.part)));
  for (let i = decided.length - 1; i >= 0; i--) {
    const d = decided[i]!;
    if (stated(d.part) || d.outcome.status === 'forbidden') continue;
    if (matched(d)) {
      // 对账单没收到，再给我寄一份: 寄一份 only plausibly names what the clause before names in full
      // (and other approvals, which a plausible reading never gets: nothing stricter is lost).
      const fuller = (e: (typeof decided)[number]): boolean =>
        d.levels.hits.some((k) => (e.levels.of[k] ?? NONE) >= STRONG) &&
        d.levels.hits.every(
          (k) =>
            (d.levels.of[k] ?? NONE) < STRONG &&
            ((e.levels.of[k] ?? NONE) >= STRONG || rules.rules[k]!.category === 'can_approve_immediately'),
        );
      // 我不服，要申诉: a clause whose every reading another clause without an amount has as
      // well (or better) says the same request again.
      const dOwn = asksOwn(d);
      const same = (e: (typeof decided)[number]): boolean =>
        !stated(e.part) &&
        (!dOwn || asksOwn(e)) &&
        d.levels.hits.every((k) => (e.levels.of[k] ?? NONE) >= d.levels.of[k]!);
      // my niece has not received it … can you cancel it and send it again: a problem told beside a request
      // that asks an action of its own is why the caller asks, not a second request.
      // Not a case the product opens one for (marked delivered but not received … I want my money
      // back): its telling asks for the case whatever else is asked beside it.
      const caseTold = d.levels.hits.some((k) => tellsCaseOf(rules.rules[k]!.meaning, sensesOf(d.part)));
      const told = (e: (typeof decided)[number]): boolean =>
        !dOwn && !caseTold && asksOwn(e) && !stated(e.part);
      // cancel the gift and resend it: the second clause is the rest of one rule's action
      // (cancel a pending gift transfer and resend it), which the first clause's rule names in full.
      const acts = actionsIn(sensesOf(d.part));
      const restOfOne = (e: (typeof decided)[number]): boolean =>
        acts.length > 0 &&
        d.levels.hits.every((k) => d.levels.of[k]! < STRONG) &&
        e.levels.hits.some(
          (k) =>
            e.levels.of[k]! >= STRONG &&
            rules.rules[k]!.meaning.heads.length > 1 &&
            acts.every((a) => rules.rules[k]!.meaning.heads.includes(a)),
        );
      const within = (e: (typeof decided)[number]): boolean =>
        e !== d &&
        ((stated(e.part) && d.levels.hits.every((k) => (e.levels.of[k] ?? NONE) > NONE)) ||
          fuller(e) ||
          same(e) ||
          restOfOne(e) ||
          told(e));
      if (decided.some(within)) decided.splice(i, 1);
      continue;
    }
    // 来电提醒这个增值业务我不要了，给我取消: 给我取消 names no rule, only the action the clause
    // before asked for on its object.
    const asked = actionsIn(sensesOf(d.part)).filter((k) => !asking().includes(k));
    if (d.part.concept) continue;
    // 断网补偿，给我补上吧: a clause asking with a verb that stands for any action (补上, 办了,
    // 处理一下) is the request beside it asked again.
    if (asked.length === 0) {
      if (DO_IT_ZH.test(d.part.norm.trim()) && decided.some((e) => e !== d && matched(e)))
        decided.splice(i, 1);
      continue;
    }
    const same = (e: (typeof decided)[number]): boolean =>
      e !== d && e.part.start >= 0 && matched(e) && asked.every((k) => sensesOf(e.part)[k] === 1);
    if (decided.some(same)) decided.splice(i, 1);
  }
}

/** A clause asking for "it" to be done: a verb that stands for any action, with nothing of its own. */
const DO_IT_ZH =
  /^(?:那|那就)?(?:你们?)?(?:就|赶紧|赶快|快点?|麻烦)?(?:给我|帮我|替我)?(?:补上|补了|补给我|弄一下|弄了|办一下|办了|处理一下|处理了|搞定|搞一下|安排一下|安排了)(?:吧|呗|啊|呀|嘛|哈)*$/;

let askingWords: number[] | undefined;

/** Senses that only ask (给我, give me), not what is asked for. */
function asking(): number[] {
  askingWords ??= ['give_me', 'give', 'disclose', 'handle'].map(senseNumber);
  return askingWords;
}

/**
 * 我要扩容，50个G / 保温杯收到3天了，想退货: the one amount said in clauses that ask for nothing
 * is the request's, when it states none of the kind its rules measure (我一年也没少刷 gives no
 * amount to a fee waiver). For rules in money, a number said without a unit that reads as a sum
 * (两百八的年费) is the amount when it is the only one, read in the rule's unit. Several
 * candidates leave the amount unstated: then the strictest rule decides.
 */
function withLooseAmount(part: Part, parsed: ParsedAction, rules: CompiledRules, levels: RuleLevels): Part {
  if (part.bare) return part;
  // 退款50元: an amount of the kind the lexicon's action measures is the request's own.
  if (part.quantity && part.concept?.families?.includes(part.quantity.family)) return part;
  const measured: QuantityFamily[] = [];
  for (const i of levels.hits) {
    const condition = rules.rules[i]!.condition;
    const family = condition?.term ? undefined : condition?.family;
    if (family && !measured.includes(family)) measured.push(family);
  }
  if (part.quantity && (measured.length === 0 || measured.includes(part.quantity.family))) return part;
  // Actions the lexicon measures took their loose amounts already (bindLooseAmounts).
  if (!part.concept?.families) {
    contextFor(parsed);
    const loose = parsed.looseAmounts!.filter((q) => measured.length === 0 || measured.includes(q.family));
    if (loose.length === 1) {
      const copy = copyPart(part);
      copy.quantity = loose[0]!;
      copy.borrowed = true;
      return copy;
    }
    // 下午两点走，开会开到一点多: times of day do not add up; each is a reading, the strictest decides.
    if (loose.length > 1 && loose.every((q) => q.family === 'clock')) {
      const copy = copyPart(part);
      copy.quantity = loose[0]!;
      copy.alternatives = loose.slice(1);
      copy.borrowed = true;
      return copy;
    }
    if (loose.length > 1) return part;
  }
  if (!measured.includes('money')) return part;
  const a = parsed.analysis;
  parsed.bareAmounts ??= a.bare
    .filter((b) => readsAsMoney(a.norm, b))
    .map((b) => ({ value: b.value, text: a.text.slice(b.start, b.end) }));
  if (parsed.bareAmounts.length !== 1) return part;
  const copy = copyPart(part, false);
  const bare = parsed.bareAmounts[0]!;
  copy.bare = { ...bare, value: sumAsked(part, bare.value) };
  return copy;
}

/** The labels of the requests (not of totals made of several), each once. */
function decisionLabel(
  decided: ReadonlyArray<{ part: Part }>,
  parts: readonly PermissionPart[],
  lang: 'zh' | 'en',
): string {
  if (parts.length === 1) return parts[0]!.label ?? '';
  const labels: string[] = [];
  parts.forEach((p, i) => {
    if (decided[i]!.part.start >= 0 && p.label !== undefined && !labels.includes(p.label))
      labels.push(p.label);
  });
  return labels.join(lang === 'zh' ? '；' : '; ');
}

/** The part's own amount (what a grant carries out): without earlier amounts, N×X when repeated. */
function ownAmount(part: Part, outcome: Outcome): PermissionPart['amount'] {
  if (part.counted) return { value: part.counted.current, unit: part.counted.unit };
  // 二十几块 counts as the most it may be (29): in limits that add up, and against what was paid.
  // How far a booking is moved (to another week) is no amount of a notice rule.
  if (part.quantity && !(outcome.winner?.condition?.term && movedBy(part, part.quantity)))
    return { value: part.quantity.value, unit: part.quantity.unit };
  if (part.bare && outcome.bareUnit) return { value: part.bare.value, unit: outcome.bareUnit };
  return undefined;
}
