/**
 * Matching requests to a product's own rule phrases by meaning. Each rule phrase is read once (in
 * `compileRules`) into the senses it names — its actions, what they act on, how — and the words no
 * sense knows; a request is read through the same table. A rule then matches a request:
 *
 * - **strongly** when the request names one of the rule's actions and everything the rule adds to
 *   it (its objects, its words, a warranty state it requires), in any words of the same sense;
 *   manner words (免费, 临时, 远程) may be left out. Only a strong match approves.
 * - **plausibly** when the request names one of the rule's actions (and, for a broad action such
 *   as 改 or 查, one of its objects, if only by shared characters) without contradicting it
 *   (保修期内 against 保修期外). A plausible match of a stricter rule decides: when a request may
 *   mean several rules, the most restrictive wins.
 *
 * Rules that name another party (他人, 其他用户, another user) match only requests that do too.
 * Clauses that ask for nothing (就是工作文档那个文件夹, 在保修期内吧) lend their objects and states
 * to the request beside them.
 *
 * Some phrases name no action: 临时额度, ride credit, report a lost item name what is given, and
 * are asked for by the actions their objects imply (提, give, find) or by naming the object in a
 * request that asks (临时额度能到一万吗). A rule giving a named thing (补偿积分, 赠送流量) is asked
 * for in any word of giving (给我两百积分, 送我三个G) once the thing is said. English words a
 * product's rules share (course in extend course access) may be left out where they only qualify
 * the next word.
 */
import { escapeRegExp } from '../domain/escape-reg-exp.js';
import * as G from './_char-gates.js';
import { SEVERAL_CASES } from './_english-alternatives.js';
import { type ConceptDef, mentionsOtherParty } from './_lexicon.js';
import { isAsciiLetter, isDigit } from './_normalize.js';
import { countBefore } from './_numerals.js';
import {
  alternatives,
  COMPANY_ZH,
  KEPT_AWAY_REASONS_ZH,
  KEPT_AWAY_ZH,
  PEOPLE_ZH,
  PLACE_OF_COMPANY_ZH,
  THEIRS_ZH,
  withoutOwnPeopleEn,
} from './_other-party-words.js';
import { SENSES, type SenseDef, verbNotNoun } from './_senses.js';
import { contentWords, NO_WORDS, stem, stemsOf, type Words } from './_words.js';

/** How well a rule matches a request. */
export const NONE = 0;
export const PLAUSIBLE = 1;
export const STRONG = 2;
/** The lexicon's own match (stronger than one by meaning when both name a rule). */
export const EXACT = 3;
/** The request contradicts the rule (保修期内 against 保修期外, nobody else named): no match at all. */
export const CONTRADICTED = -1;
export type MatchLevel = typeof NONE | typeof PLAUSIBLE | typeof STRONG | typeof EXACT | typeof CONTRADICTED;

/**
 * A rule phrase as the meaning matcher reads it. Plain data (sense numbers are positions in the
 * sense table of this engine build), so compiled rules stay JSON.
 */
export interface RuleMeaning {
  /** Actions of the rule: a request must name one of them (or the rule's lexicon concept). */
  heads: number[];
  /**
   * Every head is a broad action (改, 查, 告诉): a request must name an object of the rule too
   * (unless the lexicon reads the rule's own concept in it). A request naming only broad heads
   * of a rule needs an object as well.
   */
  generic: boolean;
  /**
   * The phrase names only what is given (临时额度, ride credit, report a lost item): its heads are
   * the actions its objects imply, and a request naming the object with no action at all (临时额度
   * 一万) asks for it too. A request naming another action on the object (查一下临时额度) does not.
   */
  objectOnly?: true;
  /**
   * A request naming one of the rule's objects and no action at all asks for what the rule gives
   * (临时额度一万, 要点积分): rules naming only a thing given, and rules giving a named thing.
   */
  objectAsks?: true;
  /**
   * The rule only looks into or handles a problem it names (missing parcel investigation): a
   * request saying the problem happened asks for it (escalations and processes only).
   */
  problemAsks?: true;
  /**
   * Further actions that name the rule when its object is said (补偿积分 is asked for as 给我两百积分
   * or 送点积分, but 送过去 or a bare 赔偿 is not 赠送流量).
   */
  grantHeads?: number[];
  /**
   * Words of the phrase that name the product's own domain and only qualify the next word
   * (course in extend course access, when the product's other rules say course too): a request
   * may leave them out.
   */
  optional?: string[];
  /**
   * The words of each item of one list of alternatives in the phrase (到店看样片 | 试纱 | 选片;
   * 参观 样板 房 | 试吃 月子餐): a request saying every word of one item says what the rule is
   * about, and need not say the other items' words.
   */
  listed?: string[][];
  /**
   * The listed items that are steps of their own in two characters no sense knows, written whole
   * between the list's marks (刻字 of 维修、改圈口、刻字、清洗下单; not 包间 of 代订包间、续时): said
   * (刻个字), a step names the rule's action.
   */
  steps?: string[];
  /**
   * Words a request moving or cancelling a booking may leave out, where this rule is the product's
   * only one doing so (改到礼拜六上半天送): the booking moved is the caller's own. A new booking
   * names what it books (帮我约一个 says nothing of what), but for the shop's service in general
   * (`unsaidWhenBooked`).
   */
  unsaidWhenMoved?: string[];
  /**
   * The states the rule's whole phrase requires and this shorter phrase leaves out (inside the
   * refund window of refund a postponed): unsaid they are no matter, but their opposite said rules
   * the phrase out as it would the whole.
   */
  opposed?: number[];
  /**
   * Words of the product's only booking rule that name its service in general (到店, 服务 of
   * 预约、改约、取消到店服务): a new booking may leave them out (帮我约个礼拜五的美甲), unless it
   * asks for a visit at home instead (上门).
   */
  unsaidWhenBooked?: string[];
  /**
   * The rule's thing is said missing (收没有《检疫合格证明》的肉): a request names it only as missing
   * too (没得检疫证明), not one that has it or will get it (开个证明).
   */
  lacking?: true;
  /**
   * Actions said before the rule's lexicon concept, on what it names (修改 in 修改理赔结论, 催办 in
   * 催办理赔): the rule is about doing that to the concept's thing. A request naming the concept
   * but none of these actions asks for something else (理赔到现在还没到账 is not 修改理赔结论).
   */
  acts?: number[];
  /**
   * The step an approval's remedy follows from (取消 of 出发前15天及以上取消：全额原路退款): the
   * request's line must take it too.
   */
  stepsBefore?: number[];
  /**
   * The one thing the product does the rule's action to (月卡 of 月卡顺延, when every rule that
   * extends extends the card): a request naming no thing at all (往后延延，延个一礼拜) means it.
   */
  soleObject?: number;
  /** With `soleObject`: the other things the product's rules name, said around the request they rule it out. */
  rivals?: number[];
  /**
   * The word the rule gives a count of (学时 of 补偿学时<=2学时): a number of it said with any word of
   * giving (给我补一个学时) asks for it, though the word is no sense of the table.
   */
  counted?: string;
  /**
   * The word naming the step a rule's other action follows from (退学 of 退学退费): a request that
   * does not say it asks for something else (退款50元 is no withdrawal from school).
   */
  step?: string;
  /**
   * The English word the phrase opens with as its verb (place of Placing a skip …): said only as a
   * verb, not as the thing of the same name (the place, a place).
   */
  verb?: string;
  /**
   * The rule bans advice (Telling a caller to keep using, repair or tape a leaking bottle; 指导客户
   * 自行拆装): what it names the caller doing, which only a caller asking to be told or whether
   * they may (should I tape it?) asks of it. A caller asking the business to do it (send someone
   * to repair it) asks for another rule's service.
   */
  advice?: true;
  /**
   * The rule explains things to the caller (向下单人本人说明订单、费用、付款退款): what it lists is
   * told, and only a request asking to be told (给我说说, 解释一下) asks it.
   */
  explains?: true;
  /**
   * The list is a note of examples of the case the rule opens on (食品安全（吃后腹泻、呕吐、异物）,
   * 装裱质量问题（起皱、空鼓、…）): an example told is the case told, its thing unsaid.
   */
  examples?: true;
  /** The rule is about another party (他人, 其他乘客): only requests naming one match. */
  needsOther: boolean;
  /**
   * The other party is where money or data would go (退款退到原支付账户以外的账户): a request
   * matches only when it sends it somewhere else (退到我孙子的微信上, to my son's card), not when
   * its story names someone (跟男朋友吵架了…两百二十块退给我).
   */
  toOther?: true;
  /**
   * Whom the product's accounts are held for: a guardian's (登记家长, 账户监护人) are the caller's own
   * children (我闺女, 帮我儿子: the account's students); a principal's (合同委托人, who arranges a
   * service for family) the caller's own kin (我父亲的告别仪式). They are no other party for this rule.
   */
  wards?: Wards;
  /** A step done for someone else: the other party is named in the request's own clause. */
  ownClause?: true;
  /** Senses a request must name to approve (objects, and actions that only qualify: 退票 in 退票手续费减免). */
  objects: number[];
  /** Words of the phrase no sense knows: a request must contain them to approve. */
  words: Words;
  /** The rule's own Chinese words for its objects (收货人): shared characters make a plausible match. */
  surface: string[];
  /** States with an opposite (免费, 保修期内): an opposite in the request excludes the rule. */
  polar: number[];
}

/**
 * A rule giving a count of a word of its own (补偿学时<=2学时): asked for by any word of giving, or
 * of sending again (补一个), said with a number of that word. Unchanged when the rule gives nothing.
 */
export function countedGrant(m: RuleMeaning, noun: string): RuleMeaning {
  const t = senseTable();
  if (!m.heads.some((h) => t.isGrant[h] === 1)) return m;
  const giving = SENSES.flatMap((s, k) => (s.grants === true || s.id === 'reissue' ? [k] : []));
  const grantHeads = [...(m.grantHeads ?? [])];
  for (const k of giving) if (!m.heads.includes(k) && !grantHeads.includes(k)) grantHeads.push(k);
  return { ...m, counted: noun, grantHeads };
}

/**
 * Whether a request leaves unsaid the step a rule's other action follows from (退学 of 退学退费),
 * in its own clause and the clauses around it.
 */
export function stepUnsaid(m: RuleMeaning, ...norms: readonly string[]): boolean {
  return m.step !== undefined && !norms.some((norm) => norm.includes(m.step!));
}

/** Reads a sense table entry once. */
interface Entry {
  /** Literal form (without `*`), or the key of a pattern. */
  form: string;
  /** The form's third character (NaN when it has none). */
  third: number;
  senses: readonly number[];
  /** Counts only when the text names money (see `SenseDef.needsMoney`). */
  money: boolean;
  /** English form: must begin a word, and end one unless `prefix`. */
  word: boolean;
  prefix: boolean;
  re?: RegExp;
  /** A pattern that reaches across other words adds its sense and consumes nothing. */
  overlay: boolean;
}

/**
 * The forms starting with one character: those of that character alone, and the longer ones by
 * their second character (a handful each: read in a row, not through a map).
 */
interface Node {
  single: Entry[];
  seconds: number[];
  /** Per second character (same positions), its forms, longest first. */
  pairs: Entry[][];
}

interface Table {
  /** Nodes by position (`nodeAt`), for the scanner: an array read, not a map lookup. */
  nodes: Node[];
  /** Per character: 1 + the position of its node in `nodes`, or 0 (no form starts with it). */
  nodeAt: Uint16Array;
  /** Characters that are the second of some form: elsewhere no pair bucket needs looking up. */
  seconds: Uint8Array;
  byId: Map<string, number>;
  /** Sense numbers per polar group. */
  polarGroups: Map<string, number[]>;
  isAction: Uint8Array;
  /** Objects a negation before them takes back (不要普票, not the premium one): plain, not polar. */
  isNegatable: Uint8Array;
  /** The action senses' numbers, in order: readers of a text's actions skip every other sense. */
  actions: number[];
  isGeneric: Uint8Array;
  isGrant: Uint8Array;
  /** Per object sense: the actions a rule naming only it grants. */
  implies: number[][];
  /** Objects whose mention asks for them (see `SenseDef.saidAsks`). */
  saidAsks: Uint8Array;
  /** Problems a case is opened for (see `SenseDef.problem`). */
  isProblem: Uint8Array;
  /** Problems that contest a decision (see `SenseDef.contests`). */
  isContest: Uint8Array;
  /** Objects that are people other than the caller (骑手, the driver). */
  isParty: Uint8Array;
  /** Circumstances a rule names that a request must say to match it (see `SenseDef.circumstance`). */
  isCircumstance: Uint8Array;
  isAnyAction: Uint8Array;
  /** Objects that are someone the caller expects (see `SenseDef.guest`). */
  isGuest: Uint8Array;
  /** The objects that are things (see `isNegatable`), in order. */
  things: number[];
}

let table: Table | undefined;

/** Builds the scanner on first use (no work at module load). */
function senseTable(): Table {
  if (table) return table;
  const byId = new Map<string, number>();
  SENSES.forEach((s, i) => {
    byId.set(s.id, i);
  });
  const closure = (s: SenseDef, i: number): number[] => [
    i,
    ...(s.also ?? []).map((id) => {
      const k = byId.get(id);
      if (k === undefined) throw new Error(`sense ${s.id}: unknown sense ${id}`);
      return k;
    }),
  ];
  // Two characters narrow the candidates at a position to a handful (a, g, 给 start dozens).
  const nodes: Node[] = [];
  const nodeAt = new Uint16Array(0x10000);
  const seconds = new Uint8Array(0x10000);
  const add = (e: Entry): void => {
    const code = e.form.charCodeAt(0);
    if (nodeAt[code] === 0) {
      nodes.push({ single: [], seconds: [], pairs: [] });
      nodeAt[code] = nodes.length;
    }
    const node = nodes[nodeAt[code]! - 1]!;
    if (e.form.length === 1) {
      node.single.push(e);
      return;
    }
    const second = e.form.charCodeAt(1);
    seconds[second] = 1;
    let k = node.seconds.indexOf(second);
    if (k < 0) {
      k = node.seconds.push(second) - 1;
      node.pairs.push([]);
    }
    node.pairs[k]!.push(e);
  };
  const polarGroups = new Map<string, number[]>();
  const isAction = new Uint8Array(SENSES.length);
  const isNegatable = new Uint8Array(SENSES.length);
  const isGeneric = new Uint8Array(SENSES.length);
  const isGrant = new Uint8Array(SENSES.length);
  const saidAsks = new Uint8Array(SENSES.length);
  const isProblem = new Uint8Array(SENSES.length);
  const isContest = new Uint8Array(SENSES.length);
  const isParty = new Uint8Array(SENSES.length);
  const isCircumstance = new Uint8Array(SENSES.length);
  const isAnyAction = new Uint8Array(SENSES.length);
  const isGuest = new Uint8Array(SENSES.length);
  const implies: number[][] = [];
  const idOf = (id: string): number => {
    const k = byId.get(id);
    if (k === undefined) throw new Error(`unknown sense ${id}`);
    return k;
  };
  SENSES.forEach((s, i) => {
    const senses = s.role === 'none' ? [] : closure(s, i);
    const money = s.needsMoney === true;
    if (s.role === 'action') isAction[i] = 1;
    if (s.role === 'object' && s.polar === undefined && !s.party) isNegatable[i] = 1;
    if (s.generic) isGeneric[i] = 1;
    if (s.grants) isGrant[i] = 1;
    if (s.saidAsks) saidAsks[i] = 1;
    if (s.problem) isProblem[i] = 1;
    if (s.contests) isContest[i] = 1;
    if (s.party) isParty[i] = 1;
    if (s.circumstance) isCircumstance[i] = 1;
    if (s.anyAction) isAnyAction[i] = 1;
    if (s.guest) isGuest[i] = 1;
    implies[i] = (s.implies ?? []).map(idOf);
    if (s.polar) polarGroups.set(s.polar, [...(polarGroups.get(s.polar) ?? []), i]);
    for (const f of s.zh)
      add({ form: f, third: f.charCodeAt(2), senses, money, word: false, prefix: false, overlay: false });
    for (const f of s.en) {
      const prefix = f.endsWith('*');
      const form = prefix ? f.slice(0, -1) : f;
      add({ form, third: form.charCodeAt(2), senses, money, word: true, prefix, overlay: false });
    }
    for (const p of s.patterns ?? []) {
      add({
        form: p.key,
        third: p.key.charCodeAt(2),
        senses,
        money,
        word: isAsciiLetter(p.key.charCodeAt(0)),
        prefix: true,
        re: new RegExp(p.re, 'y'),
        overlay: p.overlay === true,
      });
    }
  });
  // Longest literal first, so the first literal that matches is the longest.
  for (const node of nodes)
    for (const bucket of node.pairs) bucket.sort((a, b) => b.form.length - a.form.length);
  table = {
    nodes,
    nodeAt,
    seconds,
    byId,
    polarGroups,
    isAction,
    isNegatable,
    things: SENSES.flatMap((_, i) => (isNegatable[i] === 1 ? [i] : [])),
    actions: SENSES.flatMap((s, i) => (s.role === 'action' ? [i] : [])),
    isGeneric,
    isGrant,
    implies,
    saidAsks,
    isProblem,
    isContest,
    isParty,
    isCircumstance,
    isAnyAction,
    isGuest,
  };
  return table;
}

function isWordChar(c: number): boolean {
  return isAsciiLetter(c) || isDigit(c);
}

// 不修了, 别退, don't reset, no complaints: an action refused is not asked for. 要不要修 and 能不能修
// still ask.
// Not the 别 of a word (同级别更换, 性别, 特别, 分别): a level, a sex, especially.
const NEGATION_ZH =
  /(?:不|(?<![级类性区特分个差告识辨离鉴派])别|没|甭|不要|不用|不想|不需要|无需|不必|不再)$/;
// I'm not one to complain, not the type to make a fuss: said of the caller's own way, nothing asked.
// Put it on hold rather than cancel it: the step set aside is not asked for.
const NEGATION_EN =
  /\b(?:don't|do not|not|no need to|never|no|not one to|not the (?:type|kind|sort) to|hate to|don't want to|rather than|instead of)\s+$/;

export function negated(norm: string, i: number): boolean {
  // Every negation ends right before the form: an English one with white space, a Chinese one
  // with one of a few characters. Most forms follow neither, and need no expression.
  if (!mayEndNegation(norm.charCodeAt(i - 1))) return false;
  const before = norm.slice(Math.max(0, i - 20), i);
  if (NEGATION_EN.test(before)) return true;
  const zh = before.slice(-3);
  return NEGATION_ZH.test(zh) && !/(.)不\1$/.test(zh) && !HOW_ABOUT.test(before);
}

// 那要不换到后面一期: 要不 opening a clause offers a step (how about), it refuses none.
const HOW_ABOUT = /(?:^|[\s,.!?;:，。！？；：、那就])要不$/;

// The last characters of NEGATION_ZH's words (不, 别, 没, 甭, 不要, 不用, 不想, 无需, 不必, 不再).
const NEGATION_ZH_LAST = '不别没甭要用想需必再';
let negationEnds: number[] | undefined;

/** Whether a negation can end with this code: white space (`\s`, as NEGATION_EN ends) or NEGATION_ZH_LAST. */
function mayEndNegation(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  // Most characters before a form are CJK, and these all are.
  if (c >= 0x4e00 && c <= 0x9fff) {
    negationEnds ??= [...NEGATION_ZH_LAST].map((z) => z.charCodeAt(0));
    return negationEnds.includes(c);
  }
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Which senses a text names, by sense number (1 when named). */
export type SenseFlags = Uint8Array;

// One set of flags is made per clause read. A typed array of more than 64 bytes gets storage of
// its own off the heap, which costs ten times a view: views are carved from shared slabs (zeroed
// when made, never reused).
const SLAB = 1 << 16;
let slab = new ArrayBuffer(SLAB);
/** The slab as words, for `mergeFlags`. */
let slabWords = new Uint32Array(slab);
let slabUsed = 0;

function newFlags(): SenseFlags {
  const size = SENSES.length;
  if (slabUsed + size > SLAB) {
    slab = new ArrayBuffer(SLAB);
    slabWords = new Uint32Array(slab);
    slabUsed = 0;
  }
  const flags = new Uint8Array(slab, slabUsed, size);
  // In steps of four bytes: flags merge a word at a time, and the bytes between stay zero.
  slabUsed += (size + 3) & ~3;
  return flags;
}

/** Sets in `into` every flag set in `from` (both made by `newFlags`). */
function mergeFlags(into: SenseFlags, from: SenseFlags): void {
  if (into.buffer !== slab || from.buffer !== slab) {
    // Flags from an earlier slab (it filled up meanwhile): a byte at a time.
    for (let k = 0; k < from.length; k++) if (from[k] === 1) into[k] = 1;
    return;
  }
  const a = into.byteOffset >>> 2;
  const b = from.byteOffset >>> 2;
  const words = (into.length + 3) >>> 2;
  for (let w = 0; w < words; w++) slabWords[a + w]! |= slabWords[b + w]!;
}

/** A sense found in text, with its span. */
export interface SenseSpan {
  senses: readonly number[];
  start: number;
  end: number;
}

/**
 * The senses named in normalised text: flags by sense number (and the spans, when `spans` is
 * given). Longest form first at each position; patterns that reach across words add their sense
 * without consuming. Forms that need money named (I want that back) count when `money` is true.
 */
export function scanSenses(norm: string, spans?: SenseSpan[], money = false): SenseFlags {
  const t = senseTable();
  const has = newFlags();
  let i = 0;
  while (i < norm.length) {
    const code = norm.charCodeAt(i);
    const at = t.nodeAt[code]!;
    if (at === 0 || (isAsciiLetter(code) && i > 0 && isWordChar(norm.charCodeAt(i - 1)))) {
      i++;
      continue;
    }
    let best: Entry | undefined;
    let bestEnd = i;
    const node = t.nodes[at - 1]!;
    const next = i + 1 < norm.length ? norm.charCodeAt(i + 1) : -1;
    let pair: Entry[] | undefined;
    if (next >= 0 && t.seconds[next] === 1) {
      const seconds = node.seconds;
      for (let k = 0; k < seconds.length; k++) {
        if (seconds[k] === next) {
          pair = node.pairs[k];
          break;
        }
      }
    }
    const single = node.single.length > 0 ? node.single : undefined;
    // Longer forms first (the pair bucket), as one list sorted by length would have them. Their
    // first two characters (one for the single forms) are those at `i` already.
    for (let b = 0; b < 2; b++) {
      const list = b === 0 ? pair : single;
      if (list === undefined) continue;
      for (const e of list) {
        if (e.money && !money) continue;
        let end: number;
        if (e.re) {
          if (e.form.length > 2 && !norm.startsWith(e.form, i)) continue;
          e.re.lastIndex = i;
          const m = e.re.exec(norm);
          if (m === null) continue;
          end = i + m[0].length;
          if (e.overlay) {
            if (negated(norm, i)) continue;
            for (const s of e.senses) has[s] = 1;
            spans?.push({ senses: e.senses, start: i, end });
            continue;
          }
        } else {
          // The third character first: most long forms part from the text there.
          if (e.form.length > 2 && (norm.charCodeAt(i + 2) !== e.third || !norm.startsWith(e.form, i)))
            continue;
          end = i + e.form.length;
          if (e.word && !e.prefix && end < norm.length && isAsciiLetter(norm.charCodeAt(end))) continue;
        }
        if (end > bestEnd) {
          best = e;
          bestEnd = end;
        }
      }
    }
    if (best === undefined) {
      i++;
      continue;
    }
    if (best.prefix && best.word) {
      // restor* runs to the end of the word.
      while (bestEnd < norm.length && isAsciiLetter(norm.charCodeAt(bestEnd))) bestEnd++;
    }
    const first = best.senses[0] ?? 0;
    if (!((t.isAction[first] === 1 || t.isNegatable[first] === 1) && negated(norm, i))) {
      for (const s of best.senses) has[s] = 1;
      if (best.senses.length > 0) spans?.push({ senses: best.senses, start: i, end: bestEnd });
    }
    i = bestEnd;
  }
  return has;
}

/** The actions among the flags. */
export function actionsIn(has: SenseFlags): number[] {
  const out: number[] = [];
  for (const k of senseTable().actions) if (has[k] === 1) out.push(k);
  return out;
}

/**
 * True when the flags hold a specific action that names one of the lexicon concepts (免 is a fee
 * waiver, 赔 compensation).
 */
export function sensesName(has: SenseFlags, concepts: readonly ConceptDef[]): boolean {
  const t = senseTable();
  for (let k = 0; k < has.length; k++) {
    // A broad word (取消) names no action of its own.
    if (has[k] !== 1 || t.isAction[k] !== 1 || t.isGeneric[k] === 1) continue;
    const c = SENSES[k]!.concept;
    if (c !== undefined && concepts.some((rc) => rc.id === c)) return true;
  }
  return false;
}

interface ConceptIndex {
  /** A bit per lexicon concept some specific sense names. */
  bits: Map<string, number>;
  /** The specific actions that name a concept with a bit, and the bit (same positions). */
  naming: number[];
  namingBits: number[];
  /** Per character: the bits of the concepts a form starting with it names. */
  byChar: Uint32Array;
}

let conceptIndex: ConceptIndex | undefined;

function conceptIndexOf(): ConceptIndex {
  if (conceptIndex) return conceptIndex;
  const t = senseTable();
  const bits = new Map<string, number>();
  const byChar = new Uint32Array(0x10000);
  const named = (sense: SenseDef): string[] =>
    [sense, ...(sense.also ?? []).map((a) => SENSES[t.byId.get(a)!]!)]
      .filter((x) => x.role === 'action' && x.generic !== true && x.concept !== undefined)
      .map((x) => x.concept!);
  for (const sense of SENSES) {
    for (const c of named(sense)) {
      if (!bits.has(c)) bits.set(c, 1 << bits.size);
      for (const f of [...sense.zh, ...sense.en, ...(sense.patterns ?? []).map((p) => p.key)])
        byChar[f.charCodeAt(0)]! |= bits.get(c)!;
    }
  }
  const naming: number[] = [];
  const namingBits: number[] = [];
  SENSES.forEach((sense, k) => {
    // A broad word (取消) names no action of its own.
    if (t.isAction[k] !== 1 || t.isGeneric[k] === 1 || sense.concept === undefined) return;
    const bit = bits.get(sense.concept) ?? 0;
    if (bit === 0) return;
    naming.push(k);
    namingBits.push(bit);
  });
  conceptIndex = { bits, byChar, naming, namingBits };
  return conceptIndex;
}

/**
 * The lexicon concepts the text may name through the sense table, as bits: some character of it
 * starts a form of a specific action naming one. A cheap test before reading the senses.
 */
export function conceptsMaybeNamed(norm: string): number {
  const { byChar } = conceptIndexOf();
  let mask = 0;
  for (let i = 0; i < norm.length; i++) mask |= byChar[norm.charCodeAt(i)]!;
  return mask;
}

/** The lexicon concepts a request names in specific actions of its own words, as bits. */
export function conceptsSensed(has: SenseFlags): number {
  const { naming, namingBits } = conceptIndexOf();
  let mask = 0;
  for (let i = 0; i < naming.length; i++) if (has[naming[i]!] === 1) mask |= namingBits[i]!;
  return mask;
}

/** The bit of one concept (see `conceptsMaybeNamed`), 0 when it has none. */
export function conceptBit(concept: ConceptDef): number {
  return conceptIndexOf().bits.get(concept.id) ?? 0;
}

/** The bits of the concepts (see `conceptsMaybeNamed`). */
export function conceptBits(concepts: readonly ConceptDef[]): number {
  const { bits } = conceptIndexOf();
  let mask = 0;
  for (const c of concepts) mask |= bits.get(c.id) ?? 0;
  return mask;
}

/** True when the flags hold an action. */
export function hasAction(has: SenseFlags): boolean {
  for (const k of senseTable().actions) if (has[k] === 1) return true;
  return false;
}

// Someone named by their role towards a thing or a report: the bike's rider now, who reported.
const OTHERS_BY_ROLE = '当前(?:的)?(?:骑行人|使用者|用户|租客|住客|乘客)|举报人|上报人|投诉人';

/**
 * Another person in English: other or another before someone (another user's files, other
 * customers, another person's name) or as whose (another's). Not another date, centre or flight:
 * what the caller moves their own booking to names nobody.
 */
const OTHER_PERSON_EN = String.raw`\b(?:other|another)(?:'s\b|\s+(?:[a-z-]+\s+)?(?:person|people|user|customer|client|member|passenger|guest|candidate|patient|holder|account|renter|tenant|rider|driver|owner|student|parent|family|party|caller|individual|household|resident|cardholder|policyholder)s?(?:'s?)?\b)`;

/** How an English rule opens on telling someone something (telling, giving out, disclosing …). */
export const TELLING_EN =
  '(?:telling|saying|giving(?: out)?|disclosing|divulging|revealing|sharing|confirming|passing on|reading out)';

/**
 * Giving a Club Organiser a member's address, … refunds; telling anyone anything about another
 * saver: what is told is an indefinite person's (a member's, another saver's), someone other than
 * the one told — a rule on other people's data, whatever it lists of theirs.
 */
const INDEFINITE_PERSONS_DATA_EN = String.raw`\b${TELLING_EN}\b[^;:.]{0,40}?\b(?:(?:a|an|any) [a-z-]+(?:'s|s')(?=\s)|about (?:another|any other|other) [a-z-]+)`;

/**
 * A rule naming the one party its data is kept for (reports go only to the client; agents get
 * nothing; 上门记录只告诉户主本人; 向本人以外的任何人透露): a rule on other people's data, as 透露他人信息 is.
 */
// 替来电号码以外的会员卡(家长账户, 订单或寄存)办理退款: a card, an account or an order other than the calling number's is
// someone else's.
export const ONLY_ONE_PARTY = String.raw`\bgo(?:es)? only to\b|\bgets? nothing\b|只(?:告诉|告知|给|对|向|发给|提供给|跟)[^,.;、]{0,10}?本人|仅(?:限|对|向|告知|告诉)[^,.;、]{0,10}?本人|(?:本人|来电(?:号码|手机号?|人)?)[^,.;]{0,40}?以外的?(?:任何人|其他人|人|[\u4e00-\u9fff]{0,2}?(?:账户|账号|帐户|卡|订单|单子|寄存|预约|包裹|行李|物品|商品|车辆|设备|房间|会员))`;

/**
 * Money or data sent anywhere but where it belongs (退款退到原支付账户以外的账户, 原路以外, a card other than the one charged, to a card
 * other than the one paid with): the caller's own refund asks for no such rule's step.
 */
// 退到非原支付账户, 转给别人的协议抵用, 打到托运人付款账户以外的账户: money sent to an account not
// the one it came from (a card other than the one the money came from); to anyone or any account
// other than the payer.
const OTHER_THAN_OWN = String.raw`(?:原|本人|注册|登记|绑定|预留|付款|支付)[^,.;、]{0,12}?以外的?(?:账户|账号|帐户|银行卡|卡|手机号?|号码|地址)|(?:原|本人|注册|登记|绑定|预留|付款|支付)[^,.;、]{0,8}?(?:账户|账号|帐户|卡|渠道)以外(?:的(?:地方|渠道|方式|途径))?(?=$|[,.;:、])|原路以外|非(?:原|本人)(?:支付|付款)?(?:账户|账号|帐户|银行卡|卡|渠道|方式)|转(?:给|到)(?:别人|他人)|\bother than (?:the |their |its |your )?(?:original|registered|one (?:that |which |they |it was |you )?paid|one (?:it was |they were |you were )?(?:charged|taken from|paid (?:with|from))|one (?:the |their |your )?(?:money|payment|refund|charge|funds?) (?:came|comes|was taken) from|one it came from|(?:card|bank account|payment (?:card|method))\b)|\bnot the (?:original|registered) (?:card|account)|\b(?:a |any )?(?:different|another|other) (?:card|account|bank account|payment (?:card|method))\b[^.;]{0,30}?\bthan\b|\bfrom one (?:account|card|wallet|membership) to another\b|\b(?:money|refunds?|payments?|credit|deposits?)(?: back)?(?:,?\s+(?:or|and)\s+[a-z]+)? to (?:anyone|anybody|anywhere|anything)(?: or (?:anyone|anybody|anywhere|anything|any (?:account|card|one|bank account)))? (?:but|except|other than)\b|\bother than (?:the )?(?:payer|(?:person|one|account|card) (?:who|that) paid)\b`;

const OTHER_THAN_OWN_RE = new RegExp(OTHER_THAN_OWN, 'i');

/**
 * Money or data sent somewhere other than the caller's own (退到我孙伢的微信上, 转到别的卡, put it on
 * my son's card): where it goes, with someone else or another account named there.
 */
const SENT_ELSEWHERE =
  /(?:退|转|打|汇|充|存|返|发)(?:到|给|进|回|入|去)(?:[^,.!?;:、\n]{0,10}?)(?:微信|支付宝|卡|账户|账号|帐户|零钱|钱包|邮箱|手机|协议|合同|订单|名下)|\b(?:to|into|onto|on)\s+(?:his|her|their|someone else's|somebody else's|another|a different|(?:my|me|our)\s+(?:other|new|second|different)|(?:my|our)\s+\w+(?:\s+[a-z]+)?'s|[a-z]+'s)\s+(?:\w+\s+)?(?:card|account|bank|wallet|paypal|email|phone|momo|wave|(?:mobile|orange|mtn) money|m-?pesa)\b/gi;

/**
 * Whether a request sends money or data to someone else or another account (see
 * `RuleMeaning.toOther`). Kin the account is held for are someone else here: the money goes back
 * where it came from, not to my son's bank account.
 */
function sentElsewhere(norm: string): boolean {
  for (const [span] of norm.matchAll(SENT_ELSEWHERE)) {
    if (
      /(?:别的|另一|另外|其他|其它)|\b(?:another|a different|someone else|somebody else|other|new|second)\b/i.test(
        span,
      )
    )
      return true;
    if (namesOtherParty(span)) return true;
  }
  return false;
}

// Another party in a rule phrase (修改收货人为他人, 透露其他乘客信息, share another user's files, but
// not 其他核实后的退款: other refunds, no one else's), or
// the one party data is kept for (ONLY_ONE_PARTY): the holder's own request for it is no such
// rule's.
const RULE_OTHER = new RegExp(
  // 替非账户监护人…冻结: done for someone who is not the account's holder (or guardian, or owner);
  // a booking or voucher that isn't theirs: someone else's thing.
  // 替下单人、授权家属以外的人: anyone but those named.
  String.raw`他人|别人|(?:以外|之外)的(?:任何)?人|其[他它](?![^,，;；:：]{0,6}?(?:退|补偿|赔|费|原因|情况|问题|项目|服务|方式|时段|门店|城市|地区))|另一|陌生人|非本人|[替为代]非|非(?:账户|账号|户主|持卡|监护|车主|会员|签约|注册|登记|购卡|购买|下单|投保|预订|订票|报名)(?!(?:也|都|均|亦)?(?:可|能))|上一位|前一位|下一位|${OTHERS_BY_ROLE}|${OTHER_PERSON_EN}|\b(?:someone else|somebody else|anyone else|anybody else)(?:'s)?\b|\b(?:someone|somebody|anyone|anybody|any person|a person|people) (?:other than|but|except|besides|apart from)\b|\bothers'|\b(?:someone|somebody|anyone|a person) who (?:is not|is neither|isn't|are not|aren't)\b|\b(?:someone|somebody|anyone|a person|people) (?:not|who isn't|who aren't) (?:named|listed|authori[sz]ed|registered|on)\b|\b(?:that|which) (?:isn't|is not|aren't|are not) (?:theirs|yours|their own|your own|the caller's)\b|\bnot (?:their|your|the caller's) own\b|${ONLY_ONE_PARTY}|${OTHER_THAN_OWN}|${INDEFINITE_PERSONS_DATA_EN}`,
  'g',
);
// Another party in a request, beyond the lexicon's list: 他/她 (not 其他), other passengers.
const REQUEST_OTHER = new RegExp(
  // 伊: he or she in Wu speech (帮我加到伊紧急联系人里厢); not 伊利, 木乃伊.
  // 离他远点: a place away from someone, not something of theirs.
  String.raw`(?<![其吉离])(?:他们|她们|他|她)|(?<![木乃])伊(?![利朗拉犁斯甸])|(?:上一|前一|下一)(?:个|位)(?=[^,.!?;:、\n月周年天次]{0,6}?(?:人|者|客|车主|司机))|${OTHERS_BY_ROLE}|(?<![a-z])ta(?![a-z])|(?:其他|其它|别的|另一个|另一位)(?:用户|人|乘客|旅客|客户|会员|买家|卖家|住客|客人|房客|顾客|学员|车主|持卡人|被保险人|家长|业主)|另一(?:个|位)|(?:隔壁|楼下|楼上|对门|对面)(?:那|这)?(?:户|家|个人|位|的人|房间|住的)|(?:别的|另一张|另外一张|另一个|另外的?|其他的?|其它的?)(?:卡|银行卡|账户|账号|帐户|支付宝|微信)|\b(?:other (?:users?|customers?|people|passengers?|members?|learners?|students?|riders?|guests?|subscribers?)|another (?:user|customer|person|passenger|member|learner|student|rider|guest|subscriber|account)(?:'s)?|other [a-z]+s'|his|her|their|my (?:ex|classmate|roommate|neighbou?r|landlord|coworker|co-worker|buddy|brother|sister|kid|boss|girlfriend|boyfriend))\b|\bwho (?:rented|had|drove|booked|used) (?:the |this |that |my |a )?(?:\w+ ){0,2}?(?:right )?(?:before|after) (?:me|i)\b`,
);

// Done for someone else: 帮我妈办, 给我老婆开通, 替朋友, for my wife, on behalf of.
const FOR_SOMEONE =
  /(?:为|替)?(?:他人|别人|其他人|其他用户)|(?:为|给|替|帮)(?:我的?)?(?:他|她|老婆|老公|妻子|丈夫|爱人|媳妇|我?妈|老妈|我?爸|老爸|父母|儿子|女儿|孩子|朋友|同事|家人|亲戚|室友|邻居|男朋友|女朋友)(?![^,.!?;:、\n]{0,4}?[买订]的)[^,.!?;:、\n]{0,4}?(?:办|开|改|查|取消|退订|充|注销|停|重置|换|关)|\b(?:for|on behalf of) (?:someone else|somebody else|another (?:person|user|customer)|other people)\b|\bon behalf of\b/;

/**
 * True when a request names someone other than the caller. `gates`: those of the text the
 * request is part of (see `_char-gates.ts`), when known.
 */
/** Whether a sense is a person (骑手, 阿姨, the driver) rather than a thing or what happened. */
export function isPartySense(k: number): boolean {
  return senseTable().isParty[k] === 1;
}

export function namesOtherParty(norm: string, gates = G.ALL): boolean {
  // 那我叫他自己去店里打一份记录: the other person doing it for themselves asks nothing of theirs.
  let text = ACTS_THEMSELVES.test(norm) ? norm.replace(ACTS_THEMSELVES_ALL, '') : norm;
  // 我礼拜六晚上跟朋友在九眼桥喝酒: company kept in the story asks nothing of theirs; 把我媳妇也加上
  // adds her to the caller's own list, for the caller.
  if (ACCOMPANIED.test(text)) text = text.replace(ACCOMPANIED_ALL, ' ');
  if (KEPT_AWAY_HINT.test(text) && KEPT_AWAY.test(text)) text = text.replace(KEPT_AWAY_ALL, ' ');
  if (ADDED_PERSON.test(text)) text = text.replace(ADDED_PERSON_ALL, ' ');
  if (PLACE_HINT.test(text) && PLACE_OF_COMPANY.test(text)) text = text.replace(PLACE_OF_COMPANY_ALL, ' ');
  // take my ex off my membership, me and my partner Tom, my partner hurt his knee: a member of the
  // caller's own account, company kept, why they cannot come.
  if ((gates & G.LATIN) !== 0) text = withoutOwnPeopleEn(text);
  if (GIVEN_AWAY_EN.test(text)) text = text.replace(GIVEN_AWAY_ALL, ' ');
  return ((gates & G.OTHERS) !== 0 && REQUEST_OTHER.test(text)) || mentionsOtherParty(text, gates);
}

/** Whom a product's accounts are held for (see `RuleMeaning.wards`). */
export type Wards = 'children' | 'kin';

/**
 * Another party named besides those the account is held for, when it is held for someone (see
 * `RuleMeaning.wards`): the caller's own children (我闺女, 帮我儿子, my daughter) or kin (我父亲, my mum).
 */
function namesOtherBesidesWards(norm: string, wards: Wards | undefined): boolean {
  return namesOtherParty(wards === undefined ? norm : withoutWards(norm, wards));
}

/** The text with those the account is held for blanked out, offsets kept (see `RuleMeaning.wards`). */
export function withoutWards(text: string, wards: Wards): string {
  const own = wards === 'kin' ? OWN_KIN_ALL : OWN_CHILD_ALL;
  own.lastIndex = 0;
  // 她跟她妈过, she lives with her mum: a child in someone else's care is not held on the caller's
  // account.
  if (!own.test(text) || (wards === 'children' && IN_OTHERS_CARE.test(text))) return text;
  own.lastIndex = 0;
  // my son Ethan … when's his next session: once the caller names whom the account is held for,
  // he and she are that one.
  return text.replace(own, (m) => ' '.repeat(m.length)).replace(WARD_PRONOUNS, (m) => ' '.repeat(m.length));
}
const WARD_PRONOUNS = /(?<![其吉])(?:他|她)(?!们)|\b(?:he|she|his|her|him|hers)\b/gi;
const IN_OTHERS_CARE =
  /(?:跟|和|随)(?:她|他|孩子)?(?:妈妈?|爸爸?|母亲|父亲|前妻|前夫|奶奶|姥姥|外婆)(?:过|住|生活|一起过)|判给|抚养权|抚养费|前妻|前夫|\blives? with (?:her|his|their) (?:mum|mom|mother|dad|father|gran|grandma|grandmother)\b|\bcustody\b|\bmy ex\b|\bex-(?:wife|husband|partner)\b/i;

/** The caller's own child: 我闺女, 我家孩子, 俺儿子, 帮我女儿, my son (not a grandchild). */
const OWN_CHILD =
  /(?:我|俺|咱|我们|我家|俺家|咱家)(?:的|家)?(?:儿子|女儿|闺女|姑娘|孩子|小孩|娃儿?|宝宝|丫头|小丫头|大小子|二小子|小子|伢)|\bmy (?:son|daughter|kid|child|boy|girl|little one)s?\b/;
const OWN_CHILD_ALL = new RegExp(OWN_CHILD.source, 'gi');
/** The caller's own kin by a word (我父亲, 我老伴, 俺大爷). */
const OWN_KIN_ZH =
  '(?:我|俺|咱|我们|我家|俺家)(?:的|家)?(?:老父亲|老母亲|父亲|母亲|老爸|老妈|爸爸?|妈妈?|爹|娘|老伴儿?|爱人|丈夫|老公|妻子|老婆|媳妇|爷爷|奶奶|外公|外婆|姥姥|姥爷|公公|婆婆|岳父|岳母|老丈人|丈母娘|哥哥?|姐姐?|弟弟?|妹妹?|大爷|叔叔?|伯伯?|舅舅?|姑姑?|姨妈?|孙子|孙女|外孙女?)';
/** The caller's own kin, with their name when it follows (我父亲张德顺的, 我妈叫李秀英), my mum, my late father. */
/** What is booked, as English names it (appointments, a booking, a slot; a trade's jobs). */
export const BOOKED_THING_EN =
  /^(?:appointment|booking|reservation|slot|session|lesson|class|visit|sitting|job)$/;

function anyBookedThing(stems: ReadonlySet<string>): boolean {
  for (const s of stems) if (BOOKED_THING_EN.test(s)) return true;
  return false;
}

/** Someone else's booking or payment (我老婆订的, 她交的, 我朋友买了): whose the thing is. */
const OTHER_BOOKED = new RegExp(
  `(?:${OWN_KIN_ZH}|(?<![其吉])他|她|(?<![木乃])伊|佢|朋友|同事|室友|邻居)[^,.!?;:、\\n]{0,8}?(?:订|买|交|付|报名?|签|下单|预订|预约)(?:了|的|过)`,
);
const OWN_KIN_ALL = new RegExp(
  `${OWN_KIN_ZH}(?:(?:叫|名叫)?[\\u4e00-\\u9fff]{2,3}(?=的|[，,。.！!？?]|$))?|${OWN_CHILD.source}|\\bmy (?:late )?(?:father|mother|dad|mum|mom|husband|wife|grand(?:father|mother|dad|ma|pa)|brother|sister|uncle|aunt)\\b`,
  'gi',
);

/**
 * Company the caller kept (跟朋友在…喝酒, 和同事一起去的, 带孩子来玩): people in the story, not whose
 * thing the request is about.
 */
const ACCOMPANIED = new RegExp(String.raw`(?:跟|和|同|陪|带着?|带上|领着?|拉着?)${COMPANY_ZH}`);
const ACCOMPANIED_ALL = new RegExp(ACCOMPANIED.source, 'g');
/** The place words PLACE_OF_COMPANY ends on, tested first: most texts name none. */
const PLACE_HINT = /[家那屋住]/;
const PLACE_OF_COMPANY = new RegExp(PLACE_OF_COMPANY_ZH);
const PLACE_OF_COMPANY_ALL = new RegExp(PLACE_OF_COMPANY_ZH, 'g');
const KEPT_AWAY = new RegExp(KEPT_AWAY_ZH);
/** The reason words KEPT_AWAY ends on, tested first: most texts name none. */
const KEPT_AWAY_HINT = new RegExp(KEPT_AWAY_REASONS_ZH);
const KEPT_AWAY_ALL = new RegExp(KEPT_AWAY_ZH, 'g');

/**
 * Someone a thing of the caller's went to, told (she gave my shift to somebody else, they sold the
 * last seat to someone else): what happened, no one's data asked.
 */
const GIVEN_AWAY_EN =
  /\b(?:gave|given|sold|passed|handed|offered|let)\s+(?:(?:my|our|the|it|them|that|this)\s+)?(?:[a-z'-]+\s+){0,2}?to\s+(?:someone|somebody|another person|a different person)(?:\s+else)?\b/;
const GIVEN_AWAY_ALL = new RegExp(GIVEN_AWAY_EN.source, 'g');

/** Someone the caller adds to their own account's list: 把我媳妇也加上, 把我老公加到紧急联系人. */
const ADDED_PERSON = /把(?:我的?|俺的?)?[^,.!?;:、\n]{1,6}?(?:也|一起)?(?:加上|加进去|加进来|加到|添加)/;
const ADDED_PERSON_ALL = new RegExp(ADDED_PERSON.source, 'g');

/** Whether the people a request and its clauses name are only company the caller kept (ACCOMPANIED). */
function onlyCompany(norm: string, around: string): boolean {
  const both = `${norm}\n${around}`;
  return ACCOMPANIED.test(both) && !namesOtherParty(both);
}

/** Someone else set to do it themselves: 叫他自己, 让她本人, 请他亲自. */
const ACTS_THEMSELVES = /(?:叫|让|喊|请)(?:他们|她们|他|她)(?:自己|本人|亲自)/;
const ACTS_THEMSELVES_ALL = new RegExp(ACTS_THEMSELVES.source, 'g');

/** Whether `at` lies inside a bracketed note of the (normalised) phrase. */
function inNote(phrase: string, at: number): boolean {
  const open = phrase.lastIndexOf('(', at);
  return open >= 0 && phrase.lastIndexOf(')', at) < open;
}

/**
 * Whether `at` lies inside an English bracketed note that lists things (a comma inside) right
 * after a plural noun that names no action: losses (pets, vet bills, water, repairs).
 */
function inListedThings(phrase: string, at: number): boolean {
  if (!inNote(phrase, at)) return false;
  const open = phrase.lastIndexOf('(', at);
  const close = phrase.indexOf(')', at);
  const note = phrase.slice(open + 1, close < 0 ? undefined : close);
  if (!note.includes(',') || /[\u3400-\u9fff]/.test(note)) return false;
  const before = /([a-z-]+)\s*$/.exec(phrase.slice(0, open))?.[1];
  if (before === undefined || !/[^s]s$/.test(before)) return false;
  const spans: SenseSpan[] = [];
  scanSenses(before, spans);
  return !spans.some((sp) => SENSES[sp.senses[0]!]!.role === 'action');
}

const CJK_START = /^[\u4e00-\u9fff]/;

/**
 * Where a phrase's opening promise ends (承诺 of 承诺提分、…, promising of promising refunds), if it
 * opens on one: what a ban on it lists is promised, not done. `spans` as `scanSenses` leaves them.
 */
export function promiseLead(spans: readonly SenseSpan[]): number | undefined {
  const first = spans[0];
  if (first === undefined || first.start !== 0) return undefined;
  promiseSense ??= senseNumber('promise');
  return first.senses[0] === promiseSense ? first.end : undefined;
}
let promiseSense: number | undefined;

/** Between an action and the concept it acts on: nothing, or an article. */
// changing a locked quote or an invoice: other things listed before the concept's thing too.
// Changing or writing anything untrue in temperature records, tally sheets, letters or invoices:
// a second verb and what is done, then a list of the things it is done in.
const ACTS_ON =
  /^\s*(?:(?:or|and)\s+[a-z]+ing\s+)?(?:anything\s+(?:untrue|false|wrong|incorrect)\s+(?:in|on|into)\s+)?(?:(?:a|an|the|any|my)\s+)?(?:(?:[a-z-]+\s+){1,3}(?:or|and)\s+(?:(?:a|an|the|any|my)\s+)?|(?:[a-z-]+(?:\s+[a-z-]+){0,2},\s+)+(?:[a-z-]+(?:\s+[a-z-]+){0,2}\s+(?:or|and)\s+)?(?:[a-z-]+\s+){0,2})?$/;

/**
 * Reads a rule phrase (normalised, condition removed). `concepts` are the lexicon's matches in
 * it: actions inside them (or naming the same concept) head the rule, other actions only qualify it,
 * except actions a rule on someone else's data, or a ban (`bans`), lists beside them.
 */
let discloseSense: number | undefined;
/** A booking named as a thing (预约, 预订), not a verb asking for one. */
const BOOKING_NOUN = /^(?:预约|预订|预定|订座|订位)$/;
/** What a telling asks of someone's things, right before them: 有没有订单或预约, 的预约. */
const TOLD_THING_BEFORE = /(?:有没有|有无|是否有|[或和及、的])[\u4e00-\u9fff]{0,4}?$/;

/** Words that say a thing is missing (没有, 没得, 无, 缺少, 不带), in a rule and in a request. */
const LACKING = '(?:没有|没得|莫得|没|无|未|缺少?|不带)';
/** A thing said missing just before it (没有《…, 无…, 缺少…, 不带…): none is given or asked for. */
const LACKING_BEFORE = new RegExp(`${LACKING}[^,，、;；:：]{0,10}$`);

/** Whether the request says the word missing (没得检疫证明, 没有开证明, 证明没有). */
function saidLacking(word: string, norm: string): boolean {
  for (let at = norm.indexOf(word); at >= 0; at = norm.indexOf(word, at + 1)) {
    if (LACKING_SAID_BEFORE.test(norm.slice(Math.max(0, at - 10), at))) return true;
    if (LACKING_SAID_AFTER.test(norm.slice(at + word.length, at + word.length + 4))) return true;
  }
  return false;
}
const LACKING_SAID_BEFORE = new RegExp(`(?:${LACKING}|不要)[^,.!?;:、]{0,8}$`);
const LACKING_SAID_AFTER = new RegExp(`^(?:都|也)?${LACKING}`);

export function compileMeaning(
  phrase: string,
  concepts: ReadonlyArray<{ concept: ConceptDef; start: number; end: number }>,
  bans = false,
): RuleMeaning {
  const spans: SenseSpan[] = [];
  scanSenses(phrase, spans);
  const heads: number[] = [];
  const objects: number[] = [];
  const polar: number[] = [];
  const surface: string[] = [];
  const partySurface: string[] = [];
  const push = (list: number[], k: number): void => {
    if (!list.includes(k)) list.push(k);
  };
  const ids = new Set(concepts.map((c) => c.concept.id));
  let rest = phrase;
  const blank = (start: number, end: number): void => {
    rest = `${rest.slice(0, start)}${' '.repeat(end - start)}${rest.slice(end)}`;
  };
  const acts: number[] = [];
  const listedActs: number[] = [];
  // 查询订单的进度、费用、退款: a rule opening by looking up shows what it lists; the actions among
  // them (退款) are things shown, not steps it takes.
  const shows =
    concepts.length === 0 &&
    spans[0]?.start === 0 &&
    SENSES[spans[0].senses[0]!]!.id === 'view' &&
    CJK_START.test(phrase);
  // 承诺提分、…、不提分退钱: what a ban opening on a promise lists is promised, not done.
  const promises = bans && promiseLead(spans) !== undefined;
  const firstConcept = concepts.reduce((a, c) => Math.min(a, c.start), Number.POSITIVE_INFINITY);
  for (let s = 0; s < spans.length; s++) {
    const span = spans[s]!;
    const k = span.senses[0]!;
    const sense = SENSES[k]!;
    // 登记变更: an action said right before a broad one (改, 变更), with nothing between, only says
    // which record the broad one changes (the registration of 车牌): no action of the rule, and
    // nothing a caller must say (车牌换了，帮我改一下).
    const next = spans[s + 1];
    // 请假登记 is the leave registered: the action before the registering word is what a caller
    // asks for, and the registering word (登记, broad) no action of the rule's.
    if (
      concepts.length === 0 &&
      sense.role === 'action' &&
      sense.generic !== true &&
      next !== undefined &&
      next.start === span.end &&
      SENSES[next.senses[0]!]!.id === 'register'
    ) {
      push(heads, k);
      blank(span.start, next.end);
      s++;
      continue;
    }
    if (
      concepts.length === 0 &&
      sense.role === 'action' &&
      next !== undefined &&
      next.start === span.end &&
      SENSES[next.senses[0]!]!.generic === true
    ) {
      blank(span.start, span.end);
      continue;
    }
    // Verb before object: an action on a case said right before the concept acts on it (修改 in
    // 修改理赔结论; 退票 in 退票手续费减免 is a transaction, and only says which fee is waived).
    if (
      concepts.length > 0 &&
      sense.onAction === true &&
      // 投诉技师（强行推销换锁芯）: a change its note tells of is nothing the rule does.
      !inNote(phrase, span.start) &&
      ACTS_ON.test(phrase.slice(span.end, firstConcept)) &&
      sense.needsOther !== true &&
      (sense.concept === undefined || !ids.has(sense.concept))
    )
      push(acts, k);
    // 改约费 of 免收改约费: the fee for an action names what is waived, not that action.
    if (sense.role === 'action' && concepts.length > 0 && phrase.charAt(span.end) === '费') {
      push(objects, k);
      blank(span.start, span.end);
      continue;
    }
    // 透露或确认某人有没有订单或预约: a booking told of, after the telling, is a thing told (whether
    // someone has one), no booking the rule makes.
    discloseSense ??= senseNumber('disclose');
    if (
      sense.role === 'action' &&
      heads.includes(discloseSense) &&
      BOOKING_NOUN.test(phrase.slice(span.start, span.end)) &&
      TOLD_THING_BEFORE.test(phrase.slice(0, span.start))
    ) {
      push(objects, k);
      blank(span.start, span.end);
      continue;
    }
    if ((shows || promises) && s > 0 && sense.role === 'action') {
      if (sense.generic !== true) push(objects, k);
      blank(span.start, span.end);
      continue;
    }
    // Claims for … losses (pets, vet bills, water, repairs): an action among the things a note
    // lists after a noun is an example of that thing (the cost of repairs), no step of the rule
    // and nothing a caller must say.
    if (sense.role === 'action' && concepts.length === 0 && inListedThings(phrase, span.start)) {
      blank(span.start, span.end);
      continue;
    }
    if (sense.role === 'action') {
      const inside = concepts.some((c) => span.start >= c.start && span.end <= c.end);
      // 替…以外的账户退票、改期、退卡、退押金: an action listed beside the concept's is another the
      // rule names (settled below, for a rule on what is done for someone else).
      if (
        sense.generic !== true &&
        !inNote(phrase, span.start) &&
        (phrase.charAt(span.end) === '、' || phrase.charAt(span.start - 1) === '、')
      )
        push(listedActs, k);
      // 预约、改约、取消上门取送: the steps of booking a service the concept names are its rule's own.
      if (
        concepts.length === 0 ||
        inside ||
        (sense.concept !== undefined && ids.has(sense.concept)) ||
        (BOOKING_ACTIONS.has(k) && concepts.every((c) => c.concept.booked === true))
      )
        push(heads, k);
      // 办理 in 办理停机保号 only says "do it": a broad verb beside the lexicon's action adds nothing.
      else if (sense.generic !== true) push(objects, k);
      // 停机保号 says more than the lexicon's 停机: a request must say it all to approve.
      if (
        concepts.some(
          (c) => span.start <= c.start && span.end >= c.end && span.end - span.start > c.end - c.start,
        )
      )
        push(objects, k);
      // 挂失 is freezing a card: the actions it also names head the rule, its objects qualify it.
      for (const a of span.senses.slice(1)) {
        const also = SENSES[a]!;
        if (also.role === 'object') push(objects, a);
        else if (also.role === 'action' && !also.needsOther && heads.includes(k)) push(heads, a);
      }
    } else if (sense.role === 'object') {
      push(objects, k);
      const said = phrase.slice(span.start, span.end);
      // A person's words are no partial object when their data is (给我派个师傅 shares 师傅 with
      // 维修师傅私人手机号); a person acted on (修改收货人为他人) is the object.
      if (/[\u3400-\u9fff]{2}/.test(said) && !surface.includes(said))
        (sense.party === true ? partySurface : surface).push(said);
    }
    // A count of one case of several (reship by express, or a 3rd barcode reissue) binds that
    // case only: its own alternative carries it, and the whole is not bound by it.
    if (sense.polar && !(sense.mustBeSaid && SEVERAL_CASES.test(phrase))) push(polar, k);
    blank(span.start, span.end);
  }
  let needsOther = false;
  for (const m of phrase.matchAll(RULE_OTHER)) {
    needsOther = true;
    blank(m.index, m.index + m[0].length);
  }
  if (heads.some((h) => SENSES[h]!.needsOther)) needsOther = true;
  // 提货卡折现、把…退给持卡人: each act a ban lists beside the concept's is banned as well.
  if ((needsOther || bans) && concepts.length > 0)
    for (const k of listedActs) {
      push(heads, k);
      const at = objects.indexOf(k);
      if (at >= 0) objects.splice(at, 1);
    }
  // Words inside a concept's match stay (套餐 in 修改他人套餐 says whose what), but not those the
  // concept takes as its own (预约 in 上门维修预约).
  const absorb = concepts.flatMap((c) => c.concept.absorb ?? []);
  const words = rest.trim() === '' ? NO_WORDS : contentWords(rest, absorb);
  const t = senseTable();
  if (!objects.some((o) => t.isParty[o] === 0)) surface.push(...partySurface);
  let objectOnly = false;
  let objectAsks = false;
  let lacking = false;
  if (heads.length === 0 && concepts.length === 0) {
    // 临时额度, ride credit: the phrase names what is given; its objects say how it is asked for.
    // A thing said missing (收没有《检疫合格证明》的肉) is asked about only as missing (`lacking`).
    for (const o of objects) {
      const at = spans.find((sp) => sp.senses.includes(o));
      if (at !== undefined && LACKING_BEFORE.test(phrase.slice(0, at.start))) lacking = true;
      for (const a of t.implies[o]!) push(heads, a);
    }
    objectOnly = heads.length > 0;
    objectAsks = objectOnly;
  }
  const grantHeads: number[] = [];
  if (!objectOnly && heads.some((h) => t.isGrant[h] === 1)) {
    // 补偿积分, 赠送流量: a thing given is asked for in any word of giving (给我两百积分, 送我三个G).
    for (const o of objects) {
      for (const a of t.implies[o]!) {
        if (t.isGrant[a] !== 1) continue;
        if (!heads.includes(a)) push(grantHeads, a);
        objectAsks = true;
      }
    }
  }
  const meaning: RuleMeaning = {
    heads,
    generic: heads.length > 0 && heads.every((h) => t.isGeneric[h] === 1),
    needsOther,
    objects,
    words,
    surface,
    polar,
  };
  if (acts.length > 0) meaning.acts = acts;
  // Placing a skip: the rule's first word is its verb, which "the place" does not say.
  const gerund = /^([a-z]+)ing\b/.exec(phrase)?.[0];
  if (gerund !== undefined && words.en.includes(stem(gerund))) meaning.verb = stem(gerund);
  if (ADVICE_RULE.test(phrase)) meaning.advice = true;
  if (!bans && EXPLAINS_RULE.test(phrase)) meaning.explains = true;
  if (OTHER_THAN_OWN_RE.test(phrase)) meaning.toOther = true;
  const listed = listedItems(phrase, words.zh);
  if (listed.length > 1) {
    meaning.listed = listed;
    const segments = new Set(phrase.split(/[、,，(（]/).map((x) => x.trim()));
    const steps = listed
      .filter(
        (item) => item.length === 1 && item[0]!.length === 2 && segments.has(item[0]!) && stepUnsensed(item),
      )
      .map((item) => item[0]!);
    if (steps.length > 0) meaning.steps = steps;
    // Only a case, no action: a note on an action's rule (投诉（…换锁芯…）) lists what it is about.
    if (heads.length === 0 && concepts.length === 0 && !bans && EXAMPLES_NOTE.test(phrase))
      meaning.examples = true;
    // 预订住宿、桌餐、年夜饭、采摘门票: a thing booked inside one item of the list (门票) is that item's,
    // no object every booking must name; the item's words still tell it.
    if (heads.length > 0 && heads.every((h) => BOOKING_ACTIONS.has(h))) {
      const list = CJK_LIST.exec(phrase)!;
      const inList = (k: number) =>
        spans
          .filter((sp) => sp.senses[0] === k)
          .every((sp) => sp.start >= list.index && sp.end <= list.index + list[0].length);
      meaning.objects = objects.filter((k) => !inList(k));
      // 门 of 门票, its thing read apart: one character left of a compound is no word to say.
      meaning.listed = listed
        .map((item) => item.filter((w) => !/^[\u4e00-\u9fff]$/.test(w) || item.length === 1))
        .filter((item) => item.length > 0);
      const lone = listed.flat().filter((w) => /^[\u4e00-\u9fff]$/.test(w));
      if (lone.length > 0) meaning.optional = [...new Set([...(meaning.optional ?? []), ...lone])];
    }
  }
  // 理赔申诉 too: a case on the concept's own thing (the claim) is asked for by contesting it
  // (我不服，要申诉) without naming the thing again.
  // 物流显示签收但未收到…理赔: a case whose telling asks for it (see `SenseDef.saidAsks`) is asked
  // for by saying it happened, whatever the rule then does about it.
  if (
    (meaning.generic && objects.some((o) => t.isProblem[o] === 1)) ||
    (concepts.length > 0 && objects.some((o) => t.isContest[o] === 1)) ||
    objects.some((o) => t.isProblem[o] === 1 && t.saidAsks[o] === 1)
  )
    meaning.problemAsks = true;
  if (objectOnly) meaning.objectOnly = true;
  if (objectAsks) meaning.objectAsks = true;
  if (lacking) meaning.lacking = true;
  if (grantHeads.length > 0) meaning.grantHeads = grantHeads;
  return meaning;
}

/** A rule banning advice: telling or teaching the caller to do something themselves. */
const ADVICE_RULE =
  /^(?:(?:telling|advising|instructing|encouraging|teaching|coaching) (?:a |the |any )?(?:callers?|customers?|clients?|users?|members?|patients?|people|anyone|someone)(?: how)? to\b|(?:告诉|建议|指导|教|劝|让|叫)(?:客户|顾客|来电人|用户|家属|患者|病人|对方)(?:自行|自己|私自))/;

/** Whether the request tells one of the examples a case lists, by its last word (吃完腹泻 of 吃后腹泻). */
function exampleTold(m: RuleMeaning, norm: string): boolean {
  return (
    m.examples === true && m.listed !== undefined && m.listed.some((item) => saidAtAll(item.at(-1)!, norm))
  );
}

/** A case of a few words, then a note listing its examples: 食品安全(吃后腹泻、呕吐、异物). */
const EXAMPLES_NOTE = /^[\u4e00-\u9fff]{2,10}[(（][\u4e00-\u9fff]{1,8}(?:、[\u4e00-\u9fff]{1,8})+[)）]/;

/** A rule explaining things to the caller: 向下单人本人（…）说明…, 解释规则. */
export const EXPLAINS_RULE =
  /^(?:(?:向|给|对)[^，,；;：:、（(]{1,12}?(?:本人|自己)(?:（[^）]*）|\([^)]*\))?)?(?:说明|讲解|解释|告知)(?=[\u4e00-\u9fff])/;

/** Whether a request asks to be told or explained something (给我说说, 解释一下, 跟我讲讲). */
export function asksToBeTold(norm: string): boolean {
  return ASKS_TO_BE_TOLD.test(norm);
}

const ASKS_TO_BE_TOLD = /说明|解释|讲解|讲讲|说说|介绍|告诉我|(?:跟|给|同)我(?:们)?(?:说|讲)/;

/**
 * Whether a request asks to be told what to do or whether the caller may do it themselves (should I
 * tape it, can I keep using it, how do I tighten it, 我自己能不能拆, 教我怎么修): what an advice ban
 * refuses.
 */
export function asksAdvice(norm: string): boolean {
  return ASKS_ADVICE.test(norm);
}

const ASKS_ADVICE =
  /\b(?:should|shall|can|could|may|must|do|would) (?:i|we)\b|\b(?:is|would) it (?:ok(?:ay)?|safe|fine|alright|all right|possible) (?:to|if)\b|\bhow (?:do|can|should|would|to)\b|\btell (?:me|us) (?:how|to|if|whether|what)\b|\b(?:walk|talk|take|guide|show) (?:me|us|her|him|them) (?:through|how)\b|\bwhat (?:do|should|can|must) (?:i|we)\b|\b(?:i|we)(?:'ll| will| can| could| might) just\b|\bok(?:ay)? (?:if|for) (?:i|me|us|we)\b|\bneed (?:i|me|us) to\b|我(?:们)?(?:自己|自行)|(?:能|可以|可不可以|能不能)(?:自己|自行)|教(?:我|我们)|(?:告诉|跟)我(?:们)?怎么|我(?:们)?(?:能不能|可不可以|可以|要不要|该不该|用不用)|怎么(?:修|弄|拆|装|处理)/;

const asVerb = new Map<string, RegExp>();

/** Whether a word is said as a verb in the request or the clauses around it (see `RuleMeaning.verb`). */
export function saidAsVerb(word: string, norm: string, around: string): boolean {
  let re = asVerb.get(word);
  if (re === undefined) {
    re = new RegExp(String.raw`\b${verbNotNoun(word)}`);
    asVerb.set(word, re);
  }
  return re.test(norm) || re.test(around);
}

/** What the matcher knows of one request: its own clause, and the clauses around it that ask for nothing. */
export interface RequestView {
  norm: string;
  concept: ConceptDef | undefined;
  /** Sense flags of the request's own clause (read on first use: most rules never need them). */
  senses: () => SenseFlags;
  /** Whether the request's own clause names an action (read once). */
  acts: () => boolean;
  /** Another party named in the request's own clause. */
  other: () => boolean;
  stems: () => Set<string>;
  context: () => RequestContext;
  /** Sense flags of the whole line the request is part of. */
  line: () => SenseFlags;
  /** The whole action of several clauses, read when no clause of it asked for anything. */
  joined?: boolean;
  /**
   * What the call's own queries showed (states such as pending, 已付款待发货): a rule's word or
   * state found there is a fact, and counts as said where the caller says nothing of it.
   */
  facts: RequestContext;
}

/**
 * Words that say only that money is meant (款 of 退款, 费 of 退还调度费): a request that says a
 * sum of money (and names no other rule's money, see `moneySaid`) has said them: 退给我十二块五
 * asks for 款 back. Longer words (调度费, 会员费) still have to be said: they name which money.
 */
const MONEY_ONLY = new Set(['款', '钱', '费', '金额']);

/**
 * Two steps written as one word (取送: picking up and bringing back, 接送, 收发): a request says
 * the word when it says either step, in its own words (上门取衣服, 叫个人过来收).
 */
const PAIRED_STEPS: ReadonlyMap<string, RegExp> = new Map([
  ['取送', /取|收|拿|送/],
  ['收送', /取|收|拿|送/],
  ['接送', /接|送/],
  ['收发', /收|发/],
  ['存取', /存|取/],
  ['借还', /借|还/],
  // 预约上门回收 a rented bed or machine, as a caller asks it: come and take it away (明天上午来拿走,
  // 礼拜五来把床拖走), not a thing taken by someone (被人拿走了).
  ['回收', /(?:来|过来|上门)(?:把[^，,。！？!?]{1,6}?)?(?:拿|拖|拉|收|搬|取)走/],
  // 失物没找到：登记寻物工单: a search asked for (帮我找找, 捡着了没有) is for a thing not yet found.
  [
    '没找到',
    /找找|找一下|找一找|帮我找|给我找|捡(?:着|到)了?(?:没|吗)|找(?:着|到)了?(?:没|吗)|有没有人?(?:捡|找)(?:着|到)/,
  ],
]);

/** Clauses of the action that ask for nothing: their objects and states count for every request. */
export interface RequestContext {
  norm: string;
  has: SenseFlags;
  /** Another party named in them: read on first use (only rules about others ask). */
  other: () => boolean;
  stems: () => ReadonlySet<string>;
  /** Whether the call's queries show money owed back to the caller (`CheckPermissionOptions.moneyOwed`). */
  owed?: boolean;
}

/** Where one sentence ends (a comma joins clauses of one sentence). */
const SENTENCE_END = /[.?!。？！]+\s*/;

/**
 * Whether one sentence of the text tells (one of the rule's heads, as broad as tell me or 告诉我)
 * and names whose or what: 我邻居赵姐上礼拜约的保洁花了多少钱，你跟我说下 does, and so does "what's
 * the home number of the pharmacist? I want to ask her"; "I booked for me and my friend. Could
 * you tell me the date?" names the friend and the tickets in one sentence and asks in another.
 */
function sentenceTellsOfOther(norm: string, m: RuleMeaning): boolean {
  for (const sentence of sentencesRead(norm)) {
    if (!m.heads.some((h) => sentence.has[h] === 1)) continue;
    if (m.objects.some((o) => sentence.has[o] === 1) || sentence.other) return true;
  }
  return false;
}

/**
 * For a rule on doing something for someone else (为他人的合同换人): whether the clauses around a
 * request say whose thing it is (我妹妹的票, 我老公订的, 替我妈): someone told of there (孩子在地上爬
 * 她都不带瞅一眼的, 我老公要加班) is the story, the thing still the caller's. Chinese only; a rule on
 * telling (透露) is about whoever is named.
 */
export function contextActsForOther(m: RuleMeaning, around: string): boolean {
  if (!actsOnly(m) || !HAS_CJK.test(around)) return true;
  return (
    THEIRS.test(around) || OTHER_BOOKED.test(around) || FOR_SOMEONE.test(around) || DONE_FOR.test(around)
  );
}
/** A rule whose actions are acts, none of them telling (透露, disclose): 为他人…换人, 替…退票. */
function actsOnly(m: RuleMeaning): boolean {
  return m.heads.length > 0 && !m.heads.some((h) => SENSES[h]!.needsOther === true);
}
const THEIRS = new RegExp(THEIRS_ZH);
/** 替女儿退班, 为我妈办, 把那个班给她退掉: done in someone's stead. */
const SOMEONE_ZH = `(?:${alternatives(PEOPLE_ZH)}|(?<![其吉])他|她)`;
const DONE_FOR = new RegExp(
  `[替为代](?:我的?|俺的?)?${SOMEONE_ZH}|给(?:我的?|俺的?)?${SOMEONE_ZH}[^,.!?;:、\\n]{0,2}?(?:退|办|开|改|取消|停|换|注销|转|关|销)`,
);
const HAS_CJK = /[\u4e00-\u9fff]/;
/** Whether one sentence of the text names one of the rule's heads and someone else. */
function sentenceActsForOther(norm: string, m: RuleMeaning): boolean {
  for (const sentence of sentencesRead(norm))
    if (sentence.other && m.heads.some((h) => sentence.has[h] === 1)) return true;
  return false;
}

/** The sentences of the last text read by `sentencesRead`: every rule of a check asks of the same. */
let lastSentences: { norm: string; read: ReadonlyArray<{ has: SenseFlags; other: boolean }> } = {
  norm: '',
  read: [],
};

/** Each sentence of a text with its senses and whether it names someone else, read once per text. */
function sentencesRead(norm: string): ReadonlyArray<{ has: SenseFlags; other: boolean }> {
  if (norm !== lastSentences.norm) {
    const read = norm
      .split(SENTENCE_END)
      .filter((sentence) => sentence !== '')
      .map((sentence) => ({ has: scanSenses(sentence), other: namesOtherParty(sentence) }));
    lastSentences = { norm, read };
  }
  return lastSentences.read;
}

/** A rule's word for a date or a time (上户日期, 预约时间): a request says one by naming it. */
const DATE_WORD = /^(?:日期|时间|时段|日子)$/;
/** A date or a time said: 二月十号, 12月5日, 礼拜六, 明天, 下午三点. */
const DATE_SAID =
  /[\d一二三四五六七八九十两]+\s*(?:月|号|日|点)|(?:周|礼拜|星期)[一二三四五六日天\d]|[今明后]天|下周|下个?月/;

/**
 * The words of the product's only booking rule a booking may leave unsaid: its service in general
 * (到店, 服务), and the things it lists (带看、估价) only where a day is asked (约一个吧，这礼拜六上
 * 午): 帮我约个律师 names something else the shop does not book.
 */
function bookedUnsaid(m: RuleMeaning, norm: string): readonly string[] {
  const unsaid = m.unsaidWhenBooked ?? [];
  if (m.listed === undefined || DATE_SAID.test(norm)) return unsaid;
  return unsaid.filter((w) => !m.listed!.some((item) => item.includes(w)));
}

/** The caller's own thing said (my money, our tickets, 我的票, 俺的钱, 自己的). */
// 定金你退给我, 你给我退了吧, 我要你们退两千: money back to the caller is theirs too.
const OWN_THING =
  /\b(?:my|our)\s+(?!own\b)[a-z]|我的|我们的|俺的|自己的|(?:退|还|赔|返)(?:给|俾)?(?:我|俺)(?!们|的?(?:老|妈|爸|儿|女|家|朋|同|哥|姐|弟|妹|爷|奶|媳|对象))|给(?:我|俺)(?:全|都)?退|(?:我|俺)(?:要|想)(?:你们)?(?:把[^,.!?;:、\n]{0,6})?退/;

const NO_STEMS: ReadonlySet<string> = new Set();

export const NO_CONTEXT: RequestContext = {
  norm: '',
  has: new Uint8Array(0),
  other: () => false,
  stems: () => NO_STEMS,
};

/** The context made of the given clauses (normalised text and their sense flags). */
export function contextOf(clauses: ReadonlyArray<{ norm: string; has: SenseFlags }>): RequestContext {
  if (clauses.length === 0) return NO_CONTEXT;
  // One clause (most often) lends its own flags and text: nothing reads a context to change it.
  let has = clauses[0]!.has;
  let norm = clauses[0]!.norm;
  if (clauses.length > 1) {
    has = newFlags();
    for (const c of clauses) mergeFlags(has, c.has);
    for (let k = 1; k < clauses.length; k++) norm += `\n${clauses[k]!.norm}`;
  }
  let stems: Set<string> | undefined;
  let other: boolean | undefined;
  return {
    norm,
    has,
    // 亲戚们一个个打电话问我: someone who only called or told the caller is the story, not whose
    // data is asked (their clause asks nothing).
    other: () => (other ??= clauses.some((c) => clauseNamesOther(c.norm, undefined))),
    stems: () => (stems ??= stemsOf(norm)),
  };
}

/**
 * Someone calling, asking or telling the caller, in a clause that asks nothing itself; what they
 * said (我儿子讲是礼拜五, my wife said it was Friday) is where the caller heard it.
 */
const TOLD_THE_CALLER =
  /打(?:了|过)?(?:个|几个|好几个)?电话|来(?:了)?电话|打给我|问(?:了)?我|跟我(?:说|讲)|找(?:过)?我|催(?:了)?我|(?:说|讲)(?:过|的)?是|告诉(?:了|过)我|发(?:给)?我(?:看|瞧|瞅)?了|给我(?:看|瞧|瞅)了|\b(?:said|says|told me|showed me|sent me)\b(?! (?:to|i should|we should))/;
const ASKS_SOMETHING = /[?？吗呢嘛]|几|多少|好多|哪|什么|啥|谁|\b(?:what|when|where|who|which|how)\b/;

/** Whether a clause of the context (clauses joined by new lines) names someone else whose data is asked. */
function contextNamesOther(norm: string, wards: Wards): boolean {
  return norm.split('\n').some((c) => clauseNamesOther(c, wards));
}

/**
 * A clause naming someone else, but for one whose every part naming them only tells of them calling
 * or telling the caller.
 */
function clauseNamesOther(clause: string, wards: Wards | undefined): boolean {
  return namesOtherBesidesWards(clause, wards) && !otherOnlyTold(clause, wards);
}

/**
 * Whether every clause of the text that names someone else only tells of them calling or telling
 * the caller (亲戚们一个个打电话问我): then they are not whose data the text asks. False when no
 * single clause names them (a name in one clause, their data in the next).
 */
function otherOnlyTold(norm: string, wards: Wards | undefined): boolean {
  const naming = norm.split(/[,，.。!！?？;；\n]/).filter((c) => namesOtherBesidesWards(c, wards));
  return naming.length > 0 && naming.every(onlyToldTheCaller);
}

function onlyToldTheCaller(norm: string): boolean {
  return TOLD_THE_CALLER.test(norm) && !ASKS_SOMETHING.test(norm);
}

function conceptCovers(rule: readonly ConceptDef[], concept: ConceptDef): boolean {
  for (const rc of rule) if (rc === concept || (concept.broader?.includes(rc.id) ?? false)) return true;
  return false;
}

// Words that ask (要点积分, 临时额度能到一万吗, can I get a guest pass): a thing named with no
// action asks for it only with one of them (我的额度只有10元 states, it does not ask).
const ASKS =
  /要|想|给|能|可以|行不行|吗|不[？?]?$|麻烦|帮|请|申请|来点|\b(?:can|could|would|please|want|need|like|get|give|may)\b/;

/** A clause that tells to do something (just refill it, send a bottle now, 再给我配一瓶). */
const TOLD_TO =
  /(?:^|[,.;!?]\s*)(?:just\s+|please\s+|then\s+)?(?:send|ship|refill|fill|mail|give|get|order)\b|[寄发配续]/;

/**
 * A request naming one of the rule's objects with no action: it asks for it when it says so
 * (ASKS) or when the object is one whose mention asks (a lost item, a safety incident). Rules of
 * every category read it alike, so a statement never meets only the stricter rule of a pair.
 */
function asksForObject(m: RuleMeaning, has: SenseFlags, norm: string): boolean {
  const t = senseTable();
  let named = false;
  for (const o of m.objects) {
    // A person named (我想约张阿姨, 给我派个师傅) asks for no claim or grant about them.
    if (has[o] !== 1 || t.isParty[o] === 1) continue;
    // Only a thing that gives the rule its action, or a problem it handles: the photos and the
    // phone call of an incident rule (incident form with photos; the manager phones) are no
    // incident asked for.
    if (t.implies[o]!.length === 0 && t.isProblem[o] !== 1 && t.isContest[o] !== 1 && t.saidAsks[o] !== 1)
      continue;
    if (t.saidAsks[o] === 1) return true;
    named = true;
  }
  return named && ASKS.test(norm);
}

/**
 * Whether the flags tell a case the rule is opened for, whose telling asks for it (marked
 * delivered but not received: see `SenseDef.saidAsks`).
 */
export function tellsCaseOf(m: RuleMeaning, has: SenseFlags): boolean {
  const t = senseTable();
  return m.objects.some((o) => t.isProblem[o] === 1 && t.saidAsks[o] === 1 && has[o] === 1);
}

/**
 * Whether one of the rule's problems is said of the rule's own thing (for `problemAsks`): my
 * parcel is missing, not I lost my pickup code.
 */
function saysProblem(m: RuleMeaning, view: RequestView): boolean {
  const t = senseTable();
  const has = view.senses();
  // Of a rule that is not broad, only a case whose telling asks for it (物流显示签收但未收到 of
  // …丢件、快递破损理赔): a thing lost or broken said alone asks for no compensation.
  // The case is the rule's own thing: its words need not be said with it.
  const cases = m.generic ? [] : m.objects.filter((o) => t.isProblem[o] === 1 && t.saidAsks[o] === 1);
  if (cases.length > 0) return cases.some((o) => has[o] === 1);
  let said = false;
  for (const o of m.objects) if (t.isProblem[o] === 1 && has[o] === 1) said = true;
  if (!said) return false;
  for (const w of m.words.zh) if (!view.norm.includes(w)) return false;
  if (m.words.en.length > 0) {
    const stems = view.stems();
    for (const w of m.words.en) if (!stems.has(w)) return false;
  }
  return true;
}

/**
 * A two-character verb said with a word between its halves, as such verbs are (测听 said 测个听,
 * 理发 理了个发, 洗澡 洗一下澡): the word said.
 */
function saidSplit(word: string, text: string): boolean {
  if (word.length !== 2 || !CJK_PAIR.test(word)) return false;
  const at = text.indexOf(word.charAt(0));
  return (
    at >= 0 &&
    SPLIT_BY.test(text.slice(at + 1, at + 5)) &&
    text.slice(at + 1, at + 5).includes(word.charAt(1))
  );
}
const CJK_PAIR = /^[\u3400-\u9fff]{2}$/;

/** A listed item no sense knows (刻字): maybe a step in its own words. */
function stepUnsensed(item: readonly string[]): boolean {
  return item.length === 1 && !scanSenses(item[0]!).includes(1);
}

/** A listed step of two characters (刻字), said as written or split (刻个字). */
export function stepSaid(step: string, norm: string): boolean {
  return step.length === 2 && (norm.includes(step) || saidSplit(step, norm));
}

/** A verb said twice (试试纱 for 试纱, 看看样片 for 看样片, 查查账单): the word said, in speech. */
function reduplicated(word: string, text: string): boolean {
  return word.length >= 2 && text.includes(word.charAt(0) + word);
}

/** The word said as written, or with its verb said twice. */
function saidAtAll(word: string, text: string): boolean {
  return (
    text.includes(word) ||
    reduplicated(word, text) ||
    PLAIN_FORMS.get(word)?.test(text) === true ||
    (word.length >= 3 && word.startsWith('未') && notYetSaid(word.slice(1), text))
  );
}

/** 未提货, 未使用 said as callers say them: 没提货, 还没有用过, 从没用. */
function notYetSaid(rest: string, text: string): boolean {
  let said = NOT_YET.get(rest);
  if (said === undefined) {
    const plain = PLAIN_FORMS.get(rest)?.source ?? escapeRegExp(rest);
    said = new RegExp(`(?:未|没有?|不曾)[^,.!?;:，。！？、]{0,2}?(?:${plain})`);
    NOT_YET.set(rest, said);
  }
  return said.test(text);
}

/** The expression of each 未 word's state said, made once. */
const NOT_YET = new Map<string, RegExp>();

/**
 * The written two-character words of rules that callers say with one character (在房间使用明火 is
 * 屋里用明火, 携带宠物 is 带狗, 班次 is 那个班): the character alone, where it is not part of another word.
 */
const PUT_SAID = /(?<![开解释发])放(?![心假弃学映大款])/;
const PLAIN_FORMS = new Map<string, RegExp>([
  ['使用', /(?<![费不信作专实适应享试起够好耐])用(?![户品途处法语])/],
  ['携带', /(?<![领附连纽])带(?![来宽子动领头])/],
  ['饲养', /(?<![培教保供])养(?![老生护成])/],
  ['存放', PUT_SAID],
  ['放置', PUT_SAID],
  ['拆除', /拆(?![迁分开封])/],
  ['吸烟', /抽[^,.!?;:，。！？、\s]{0,2}烟/],
  // 多扣费用退还 said 多扣的住宿费退了: a fee named is the rule's 费用 (not 计费, 收费: charging).
  ['费用', /(?<=[\u4e00-\u9fff])(?<![计收扣付缴交免消花退])费(?!用)/],
  // 取消开班前的班次 said 明天那个班给取消了, 把后天的白班退了: a shift is called by 班 alone.
  ['班次', /(?<![加上下值])班(?![级长主组会费])/],
]);

/**
 * The words of each item of one list joined by 、 in the phrase (到店看样片、试纱、选片; 参观样板房、
 * 试吃月子餐): alternatives the rule is about. None when no list has two items with words.
 */
function listedItems(phrase: string, words: readonly string[], list = CJK_LIST.exec(phrase)): string[][] {
  if (list === null) return [];
  const written = list[0].split(LIST_JOIN);
  // 上线检测、复检和上门取送车代检的预约: the last item joined by 和 is two, the second read to the
  // clause's end (the list's own match stops after a few characters).
  if (list[0].includes('、')) {
    const last = phrase.slice(list.index + list[0].lastIndexOf('、') + 1);
    const clause = /^[^,.!?;:，。！？；：()（）]*/.exec(last)![0];
    const pair = LAST_AND_ZH.exec(clause);
    if (pair) written.splice(-1, 1, pair[1]!, pair[2]!);
    // 误收的取送费、没按期完工应退的加急费: the last item read to the clause's end too.
    else if (clause.length <= 12) written.splice(-1, 1, clause);
  }
  // 多收、重复付款: an item only a sense's word says (多收) is an item all the same, said as written.
  const items = written
    .map((item) => {
      const own = words.filter((w) => item.includes(w));
      return own.length > 0 || !caseItem(item) ? own : [item];
    })
    .filter((item) => item.length > 0);
  return items.length > 1 ? items : [];
}
/**
 * A listed item of two to four characters that names a case by a sense's word alone (多收 of
 * 多收、重复付款): no action (减免 of 减免或打折物业费 is the rule's own act).
 */
function caseItem(item: string): boolean {
  if (!SENSE_ONLY_ITEM.test(item)) return false;
  const has = scanSenses(item);
  let object = false;
  for (let k = 0; k < has.length; k++) {
    if (has[k] !== 1) continue;
    if (SENSES[k]!.role !== 'object') return false;
    object = true;
  }
  return object;
}
const SENSE_ONLY_ITEM = /^[\u4e00-\u9fff]{2,4}$/;
// Items of a few Chinese characters each, joined by 、: one list.
export const CJK_LIST = /[\u4e00-\u9fff]{2,8}(?:、[\u4e00-\u9fff]{1,8})+/;
const LIST_JOIN = /、|或者|或/;
/** The last item of a 、 list that joins two with 和, 及 or 与 (复检和上门取送车代检的预约). */
const LAST_AND_ZH = /^([\u4e00-\u9fff]{2,8}?)(?:和|及|与)([\u4e00-\u9fff]{2,})/;
// Two things one action of a listed action takes, joined by 或 (改配送日或时段).
const OR_LIST = /[\u4e00-\u9fff]{2,4}(?:或者|或)[\u4e00-\u9fff]{2,4}/;

/**
 * One action of a rule that lists several (改配送日或时段 of 顺延某一期、改配送日或时段、改贺卡内容):
 * the things it takes joined by 或 are alternatives too (改时段 says it). Only for such a side: in a
 * whole phrase, 或 may join a rule's steps (取消仍要求退还定金或挂号费), not the things one step takes.
 */
export function sideListed(m: RuleMeaning, side: string): RuleMeaning {
  if (m.listed !== undefined) return m;
  const listed = listedItems(side, m.words.zh, OR_LIST.exec(side));
  return listed.length > 1 ? { ...m, listed } : m;
}

/** What comes between a split verb's halves: 个, 了个, 一下, 一个, 过, 完. */
const SPLIT_BY = /^(?:个|了个|了一个|一下|一个|过|完)/;

/** Two characters of the word said in the text (充电器 / 充电线): a partial match. */
function overlaps(word: string, text: string): boolean {
  for (let i = 0; i + 2 <= word.length; i++) if (text.includes(word.slice(i, i + 2))) return true;
  return false;
}

/**
 * How well a rule matches a request by meaning (see the module comment). `concepts` are the rule's
 * lexicon concepts; `approving` asks for the stricter reading an approval needs.
 */
export function meaningLevel(
  m: RuleMeaning,
  concepts: readonly ConceptDef[],
  view: RequestView,
  approving: boolean,
  moneySaid?: () => boolean,
): MatchLevel {
  // The lexicon has read both the rule and the request: a different action is not this rule,
  // unless the request also names the rule's action in other words (滞纳金要退 waives a fee).
  if (view.concept && concepts.length > 0 && !conceptCovers(concepts, view.concept))
    if (!sensesName(view.senses(), concepts)) return NONE;
  // 修改理赔结论 does something to a claim: 理赔到现在还没到账 names the claim and not that action.
  if (m.acts !== undefined && !anySaid(m.acts, view.senses(), undefined)) return NONE;
  // 取消上门取送 of 预约、改约、取消上门取送: moving or cancelling a service booked is asked in its own
  // word; the service named (上门来拿一下) asks for it booked.
  if (
    view.concept !== undefined &&
    concepts.length > 0 &&
    concepts.every((c) => c.booked === true) &&
    m.heads.length > 0 &&
    m.heads.every((h) => BOOKING_ACTIONS.has(h) && SENSES[h]!.id !== 'book') &&
    !anySaid(m.heads, view.senses(), undefined)
  )
    return NONE;
  if (m.stepsBefore !== undefined && !anySaid(m.stepsBefore, view.senses(), view.line())) return CONTRADICTED;
  if (stepUnsaid(m, view.norm, view.context().norm)) return NONE;
  // 老人吃完腹泻 of 食品安全（吃后腹泻、呕吐、异物）: an example told is the case told, its thing unsaid.
  const exampleSaid = exampleTold(m, view.norm);
  const headless = m.heads.length === 0 && concepts.length === 0;
  const t = senseTable();
  // Whether the request names the rule's action only in broad words (给我, 查): then it must name
  // an object of the rule too.
  let broad = false;
  let byProblemOnly = false;
  // The cheap test first: most rules name none of the request's actions.
  if (headless) {
    // 盗刷争议处理 names what it is about, not an action: a request naming that matches it.
    if (m.objects.length > 0) {
      const has = view.senses();
      if (!anySaid(m.objects, has, undefined) && !exampleSaid) return NONE;
    } else if (m.words.zh.length + m.words.en.length === 0) {
      // 为他人办理业务: any request (for someone else, checked below) is the rule's.
      if (!m.needsOther || !(view.acts() || view.concept !== undefined)) return NONE;
    } else if (!saysFirstWord(m.words, view, m.verb)) return NONE;
  } else if (!(view.concept !== undefined && concepts.length > 0)) {
    const has = view.senses();
    // Altering invoices: changing the date … for lessons: what the rule does, it does to its
    // concept's thing (the invoice), which a request must name (move my lesson names none).
    if (m.heads.length === 0 && m.acts !== undefined && concepts.length > 0 && !sensesName(has, concepts))
      return NONE;
    let head = false;
    let specific = false;
    for (const h of m.heads) {
      if (has[h] === 1) {
        head = true;
        if (t.isGeneric[h] === 0) {
          specific = true;
          break;
        }
      }
    }
    // 预约上门量房 on the lexicon's visit: booking it names it too.
    if (!head && concepts.length > 0 && booksConcept(m) && has[t.byId.get('book')!] === 1) {
      head = true;
      specific = true;
    }
    // 维修、改圈口、刻字、清洗下单 asked as 刻个字: a step the rule lists in its own words, said, is its
    // action though no sense knows it.
    if (!head && approving && m.steps?.some((w) => stepSaid(w, view.norm))) {
      head = true;
      specific = true;
    }
    if (!head && exampleSaid) {
      head = true;
      specific = true;
    }
    // 催一下 for 催办理赔: what the rule does to its concept's thing names it too.
    if (!specific && m.acts !== undefined)
      for (const h of m.acts) {
        if (has[h] !== 1) continue;
        head = true;
        if (t.isGeneric[h] === 0) specific = true;
      }
    // 为他人办理业务: 办理 stands for any action done for someone (给我老婆开通彩铃, 替我朋友办理停机).
    if (
      !head &&
      t.isAnyAction[m.heads[0]!] === 1 &&
      m.heads.every((h) => t.isAnyAction[h] === 1) &&
      (view.acts() || view.concept !== undefined) &&
      FOR_SOMEONE.test(view.norm)
    )
      head = true;
    if (!specific && m.grantHeads) {
      const ctx = view.context();
      if (
        anySaid(m.objects, has, ctx.has) ||
        (m.counted !== undefined && countBefore(view.norm, m.counted) !== undefined)
      ) {
        for (const h of m.grantHeads) {
          if (has[h] !== 1) continue;
          head = true;
          if (t.isGeneric[h] === 0) specific = true;
        }
      }
    }
    // 临时额度能给一万吗: the object alone, asked for with no action said, asks for what the rule gives.
    // my parcel is missing: the problem said is what a case is opened for.
    if (!head && !(m.objectAsks === true && !view.acts() && asksForObject(m, has, view.norm))) {
      if (!(m.problemAsks === true && !approving && saysProblem(m, view))) return NONE;
      // A problem said of no thing (我不服) is only plausibly about the rule's (the claim).
      byProblemOnly = concepts.length > 0 && view.concept === undefined && !sensesName(has, concepts);
    }
    broad = head && !specific;
    // 想改到礼拜天 after 我明天那个深度保洁 moves the booking: a rule that changes a person (为本人订单更换
    // 阿姨) is matched by the broad change only where its own clause names the person.
    if (
      broad &&
      movesBooking(has) &&
      !m.heads.includes(changeBookingSense!) &&
      m.objects.some((o) => t.isParty[o] === 1 && has[o] !== 1)
    )
      return NONE;
  }
  const has = view.senses();
  const ctx = view.context();
  // refill … with no refills left: a plain refill asked for is not the rule's circumstance, and
  // the circumstance told (my pills have no refills left, what now?) asks for nothing.
  for (const o of m.objects) {
    if (t.isCircumstance[o] !== 1) continue;
    if (has[o] !== 1 && ctx.has[o] !== 1) return NONE;
    if (!view.acts() && !ASKS.test(view.norm) && !TOLD_TO.test(view.norm)) return NONE;
  }
  // A rule that names only a thing given matches requests that name the thing.
  if (m.objectOnly === true && !anySaid(m.objects, has, ctx.has)) return NONE;
  // 没得检疫证明 against 收没有《检疫合格证明》的肉; not 开个证明, one had.
  if (m.lacking === true && !m.surface.some((w) => saidLacking(w, view.norm))) return NONE;

  // States: an opposite one said excludes the rule; a required one unsaid keeps it from approving.
  let stated = true;
  if (m.polar.length > 0) {
    const t = senseTable();
    // The request's own clause speaks for it first, then the clauses around it, then the facts.
    const sources = [has, ctx.has, view.facts.has];
    states: for (const p of m.polar) {
      const group = t.polarGroups.get(SENSES[p]!.polar!)!;
      for (const said of sources) {
        if (said[p] === 1) continue states;
        if (group.some((o) => said[o] === 1)) return CONTRADICTED;
      }
      // Unsaid, it undoes a lexicon match too (a plain waiver is not the second one).
      if (SENSES[p]!.mustBeSaid) return CONTRADICTED;
      if (SENSES[p]!.required) stated = false;
    }
  }
  if (m.opposed !== undefined && opposedSaid(m.opposed, has, ctx.has)) return CONTRADICTED;
  // 退款退到原支付账户以外的账户: the money sent elsewhere, in the request or the clauses around it.
  if (m.toOther && !(sentElsewhere(view.norm) || (!m.ownClause && sentElsewhere(ctx.norm))))
    return CONTRADICTED;
  // 透露骑手手机号: naming the rider is naming someone else. Where the rule's other party is where the
  // money goes (to a card other than the one charged), the account sent to above is that party.
  if (
    m.needsOther &&
    !m.toOther &&
    !(
      ((m.wards ? namesOtherBesidesWards(view.norm, m.wards) : view.other()) &&
        !otherOnlyTold(view.norm, m.wards)) ||
      (!m.ownClause &&
        (m.wards ? contextNamesOther(ctx.norm, m.wards) : ctx.other()) &&
        contextActsForOther(m, ctx.norm)) ||
      (m.objects.some((o) => t.isParty[o] === 1 && (has[o] === 1 || ctx.has[o] === 1)) &&
        !onlyCompany(view.norm, ctx.norm))
    )
  )
    return CONTRADICTED;
  // 为他人的合同换人 read in a whole line (…她都不带瞅一眼的…我要换人，赶紧给我换一个): a rule on
  // acting for someone else needs them named in the sentence that asks for the act.
  if (m.needsOther && view.joined && actsOnly(m) && !sentenceActsForOther(view.norm, m)) return NONE;

  // My dad's in hospital, so can I get my money back on those tickets? Someone else named only
  // around a request that says it is after the caller's own thing (my money, 我的票) is why the
  // caller asks, not whose thing it is: the rule's objects and words must be in the request.
  // Send the refund to my other account: the caller's own account, where the rule's other party is
  // where the money goes, is that party (see `RuleMeaning.toOther`).
  const aroundOnly =
    m.needsOther &&
    OWN_THING.test(view.norm) &&
    !(m.toOther && sentElsewhere(view.norm)) &&
    !view.other() &&
    // 我老婆订的那桌，你退给我: what someone else booked or paid for is theirs, asked back by anyone.
    !OTHER_BOOKED.test(ctx.norm) &&
    !m.objects.some((o) => t.isParty[o] === 1 && has[o] === 1);
  const around = aroundOnly ? NO_CONTEXT : ctx;

  // One of a list of alternatives said says the list (试试纱 of 到店看样片、试纱、选片).
  // Said in the clauses around, it is the request's thing only when its own clause names none (你给额
  // 约一下 after 看看样片、试试纱; not 滞纳金要抹 after 物业费).
  // An item of words none of which need be said (牌价 of 按挂牌价预约上门回收) is said by the rest.
  const listSaid =
    (m.listed !== undefined &&
      m.listed.some(
        (item) =>
          item.every((w) => saidAtAll(w, view.norm) || m.optional?.includes(w) === true) ||
          (item.length === 1 && stepSaid(item[0]!, view.norm)) ||
          (item.every((w) => saidAtAll(w, view.norm) || saidAtAll(w, around.norm)) && !namesAThing(has)),
      )) ||
    exampleSaid;
  let all = true;
  let any = false;
  // Whose data a rule about someone else is about (维修师傅 of 提供维修师傅私人手机号) is no
  // object of its action: 给我派个师傅 names the technician and asks for nothing of theirs. When
  // the person is all the rule acts on (修改收货人为他人), naming them names the object.
  const whose = m.needsOther && m.objects.some((o) => t.isParty[o] === 0);
  for (const o of m.objects) {
    if (has[o] === 1 || around.has[o] === 1) any ||= !(whose && t.isParty[o] === 1);
    else if (saidByDefault(o, concepts, view, around)) continue;
    // 挂上墙发现起皱了 of 装裱质量问题（起皱、…）: an example told names the case's thing.
    else if (exampleSaid) continue;
    else if (o !== m.soleObject || namesAThing(has) || anySaid(m.rivals ?? [], ctx.has, undefined))
      all = false;
  }
  let partial = false;
  if (!all) for (const w of m.surface) if (overlaps(w, view.norm) || overlaps(w, around.norm)) partial = true;
  const words = m.words;
  let score = 0;
  let money: boolean | undefined;
  // 多扣的给我退了: money overcharged, or a difference, asked about names the money (费, 款) of the
  // rule's.
  const saysMoney = (): boolean => {
    money ??= (moneySaid?.() ?? false) || (view.acts() && moneyThingSaid(has));
    return money;
  };
  // A word only the facts say completes the rule's reading (all) but names nothing the caller
  // asked about (any, score): 'cancel it' with a pending gift on file is not about the gift.
  const facts = view.facts;
  const moved =
    m.unsaidWhenMoved !== undefined && movesBooking(has)
      ? m.unsaidWhenMoved
      : m.unsaidWhenBooked !== undefined && booksOrCancels(has, view.norm) && !AT_HOME.test(view.norm)
        ? bookedUnsaid(m, view.norm)
        : undefined;
  for (const w of words.zh) {
    if (
      saidAtAll(w, view.norm) ||
      saidAtAll(w, around.norm) ||
      (MONEY_ONLY.has(w) && saysMoney()) ||
      PAIRED_STEPS.get(w)?.test(view.norm) === true ||
      (DATE_WORD.test(w) && DATE_SAID.test(view.norm)) ||
      saidSplit(w, view.norm) ||
      saidSplit(w, around.norm)
    ) {
      any = true;
      score += 1;
    } else if (
      !m.optional?.includes(w) &&
      !moved?.includes(w) &&
      !(listSaid && m.listed!.some((item) => item.includes(w))) &&
      !facts.norm.includes(w)
    ) {
      all = false;
      if (overlaps(w, view.norm) || overlaps(w, around.norm)) {
        partial = true;
        score += 0.5;
      }
    }
  }
  if (words.en.length > 0) {
    const own = view.stems();
    for (const w of words.en) {
      if (
        ((own.has(w) || around.stems().has(w)) && (w !== m.verb || saidAsVerb(w, view.norm, around.norm))) ||
        // move the jobs, asked as move my appointment: one booked thing called by another word.
        (BOOKED_THING_EN.test(w) && anyBookedThing(own))
      ) {
        any = true;
        score += 1;
      } else if (!m.optional?.includes(w) && !moved?.includes(w) && !facts.stems().has(w)) all = false;
    }
  }
  if (aroundOnly && !any) return CONTRADICTED;
  // can we shift Friday: the booking moved is the thing of the product's only rule moving one.
  if (moved !== undefined && moved.length > 0) any = true;
  // I booked for me and my friend. Could you tell me when you sent them? A broad word of telling
  // (tell me, 告诉我) with the other person and the rule's thing only in the clauses around it
  // asks about the caller's own booking: the clause names the person or a thing of the rule's.
  // The whole action, read when no clause asked for anything, does not join them either.
  if (broad && m.needsOther && m.heads.some((h) => has[h] === 1 && SENSES[h]!.needsOther === true)) {
    if (!view.other() && !m.objects.some((o) => has[o] === 1)) return NONE;
    if (view.joined && !sentenceTellsOfOther(view.norm, m)) return NONE;
  }
  // A phrase no sense knows (赠送积分): its first word and half the rest must be said. A denial
  // in it (Eircodes we don't deliver to) is what it is about: do you deliver to us? is not.
  // A rule of things whose words a caller may all leave unsaid (每单 of 保价差价每单>500元) is
  // read by its things alone, all said, in a clause that asks for something.
  // A case whose telling asks for the rule (marked delivered but not received), said, is the
  // rule's of whichever of the product's things it names before it (Hamper or Meat Box).
  // A list of alternatives, one of them said in words of two characters or more (飞手 of 飞手、地勤、
  // 农技员的手机号; not 号 of 银行卡号 in 手机号), counts as one word said.
  const listedWords =
    m.listed?.some((item) => item.every((w) => w.length >= 2 && saidAtAll(w, view.norm))) === true
      ? new Set(m.listed.flat())
      : undefined;
  const counted =
    listedWords === undefined
      ? words.zh.length + words.en.length
      : words.zh.filter((w) => !listedWords.has(w)).length + 1 + words.en.length;
  if (headless && score * 2 < counted && !exampleSaid) {
    const unsaid = (w: string): boolean => m.optional?.includes(w) === true;
    const things = m.objects.length > 0 && m.objects.every((o) => has[o] === 1);
    if (!tellsCaseOf(m, has) && !(things && words.zh.every(unsaid) && words.en.every(unsaid) && view.acts()))
      return NONE;
  }
  if (headless && words.en.some((w) => DENIAL_EN.test(w) && !view.stems().has(w) && !around.stems().has(w)))
    return NONE;
  // A broad action (改, 查) needs its object said too, unless the lexicon read the rule's own action.
  // A rule of a broad action whose object the lexicon took as its own (解锁账户) is matched by
  // that concept only: 插头拔不下来 says a thing held, and asks for no account unlocked.
  const byConcept = view.concept !== undefined && concepts.length > 0;
  const hasObject = m.objects.length + words.zh.length + words.en.length + m.surface.length > 0;
  if (
    (m.generic || broad) &&
    !byConcept &&
    !any &&
    !partial &&
    (hasObject || (m.generic && concepts.length > 0))
  )
    return NONE;
  if (byProblemOnly) return PLAUSIBLE;
  return all && stated && approvable(m, view, approving) ? STRONG : PLAUSIBLE;
}

/** Words of a rule that deny (don't, not, never, cannot, won't). */
const DENIAL_EN = /^(?:don't|doesn't|didn't|not|no|never|cannot|can't|won't|isn't|aren't|wasn't)$/;

/**
 * True when the request names the opposite of a state the rule requires (opened against return an
 * unopened item, 保修期外 against 保修期内), in its clause or the clauses around it, or leaves
 * unsaid a state the rule must be told (a second waiver): then even the lexicon's own match of the
 * action is not this rule.
 */
export function contradictsState(m: RuleMeaning, has: SenseFlags, context?: SenseFlags): boolean {
  if (m.opposed !== undefined && opposedSaid(m.opposed, has, context)) return true;
  if (m.polar.length === 0) return false;
  const t = senseTable();
  for (const p of m.polar) {
    if (has[p] === 1) continue;
    // A second waiver the request does not say it is: not this rule (see SenseDef.mustBeSaid).
    if (SENSES[p]!.mustBeSaid && context?.[p] !== 1) return true;
    const group = t.polarGroups.get(SENSES[p]!.polar!)!;
    // The request's own clause speaks for it before the clauses around it do.
    if (group.some((o) => has[o] === 1)) return true;
    if (context === undefined || context[p] === 1) continue;
    if (group.some((o) => context[o] === 1)) return true;
  }
  return false;
}

/**
 * Whether the request's own clause, or else the clauses around it, says the opposite of one of the
 * states a shorter phrase's whole rule requires (see `RuleMeaning.opposed`). The facts are not read:
 * they may speak of another thing's state.
 */
function opposedSaid(opposed: readonly number[], has: SenseFlags, context?: SenseFlags): boolean {
  const t = senseTable();
  for (const p of opposed) {
    const group = t.polarGroups.get(SENSES[p]!.polar!)!;
    for (const said of context === undefined ? [has] : [has, context]) {
      if (said[p] === 1) break;
      if (group.some((o) => o !== p && said[o] === 1)) return true;
    }
  }
  return false;
}

/**
 * True when the rule cannot match a request read without the lexicon's concept: it has actions
 * and the request names none of them, and nothing else (its object alone, a grant, any action)
 * could stand for one. The test `meaningLevel` starts with, without building the request's view.
 */
export function namesNoHead(m: RuleMeaning, has: SenseFlags): boolean {
  const heads = headsThatName(m);
  if (heads === undefined) return false;
  for (const h of heads) if (has[h] === 1) return false;
  return true;
}

/**
 * The actions one of which a request must name for `namesNoHead` to let the rule through, or
 * undefined when nothing else could stand for one (no actions, its object alone, a grant, any
 * action): what an index of rules by action files the rule under.
 */
export function headsThatName(m: RuleMeaning): readonly number[] | undefined {
  if (m.heads.length === 0 || m.objectAsks === true || m.problemAsks === true || m.grantHeads !== undefined)
    return undefined;
  if (senseTable().isAnyAction[m.heads[0]!] === 1) return undefined;
  return m.acts ? [...m.heads, ...m.acts] : m.heads;
}

/**
 * The senses one of which a request without the lexicon's concept must name in its own clause for
 * `meaningLevel` to rate the rule above NONE, or undefined when it may match whatever the request
 * names (a phrase no sense knows, any action for someone else). Mirrors `meaningLevel`'s first
 * tests: the rule's actions, the grants it takes as asking (给我两百积分), its objects when named
 * alone asks for them. An empty list: such a request never matches the rule by meaning (账户注销,
 * whose action only the lexicon knows).
 */
export function sensesOneOfNeeded(m: RuleMeaning, onConcept: boolean): readonly number[] | undefined {
  if (m.heads.length === 0 && !onConcept) return m.objects.length > 0 ? m.objects : undefined;
  if (m.heads.length > 0 && senseTable().isAnyAction[m.heads[0]!] === 1) return undefined;
  const needed = [...m.heads, ...(m.grantHeads ?? []), ...(m.acts ?? [])];
  if (m.objectAsks === true || m.problemAsks === true) needed.push(...m.objects);
  // 预约上门量房 on the lexicon's visit: booking it asks for it (来量个房子可以吗 says no visit).
  else if (onConcept && booksConcept(m)) needed.push(senseTable().byId.get('book')!);
  return needed;
}

/**
 * A rule on a lexicon concept whose phrase books it (预约上门量房: the visit booked), naming no
 * action of its own besides: a request booking the rule's thing asks for the concept.
 */
function booksConcept(m: RuleMeaning): boolean {
  return m.heads.length === 0 && !m.needsOther && m.objects.includes(senseTable().byId.get('book')!);
}

/** Whether one of the senses is said in the flags (or in the context's). */
function anySaid(senses: readonly number[], has: SenseFlags, context: SenseFlags | undefined): boolean {
  for (const k of senses) if (has[k] === 1 || context?.[k] === 1) return true;
  return false;
}

/** The first word of a phrase no sense knows (most often its verb), said at least in part. */
function saysFirstWord(words: Words, view: RequestView, verb?: string): boolean {
  // One character alone (退 in 退差价) says too little to stand for a phrase.
  const zh = words.zh[0];
  if (zh !== undefined) return zh.length > 1 && (saidAtAll(zh, view.norm) || overlaps(zh, view.norm));
  const en = words.en[0];
  return en !== undefined && view.stems().has(en) && (en !== verb || saidAsVerb(en, view.norm, ''));
}

/** A request about someone else is never approved by meaning alone (the lexicon's own rules decide it). */
function approvable(m: RuleMeaning, view: RequestView, approving: boolean): boolean {
  if (!approving || m.needsOther || !view.other()) return true;
  // 帮我儿子约个试听课 on a guardian's account: the child is the account's student.
  if (m.wards && !namesOtherBesidesWards(view.norm, m.wards)) return true;
  // 让他直接进 of a visitor the caller expects: the person named is the one the rule is for.
  const t = senseTable();
  const has = view.senses();
  const around = view.context().has;
  // 让我室友去帮我取 of 授权代取人: the person named is the one the caller adds to those who may act.
  for (const o of m.objects)
    if ((t.isGuest[o] === 1 || isRosterSense(o)) && (has[o] === 1 || around[o] === 1)) return true;
  return false;
}

let rosterSense: number | undefined;

/** Whether the sense is those an account lets act or be told besides its holder (代取人, 接送人). */
export function isRosterSense(k: number): boolean {
  rosterSense ??= senseNumber('roster');
  return k === rosterSense;
}

/** Sense numbers back from ids (tests and documentation). */
let moneyThings: readonly number[] | undefined;

/** Whether the flags hold money as a thing: an overcharge or a difference (多扣的, 差价). */
function moneyThingSaid(has: SenseFlags): boolean {
  moneyThings ??= [senseNumber('overcharged'), senseNumber('price_difference')];
  return moneyThings.some((k) => has[k] === 1);
}

export function senseNumber(id: string): number {
  const k = senseTable().byId.get(id);
  if (k === undefined) throw new Error(`unknown sense ${id}`);
  return k;
}

/** Booking, moving or cancelling one: the actions of a booking, which a thing's name alone never asks for. */
export const BOOKING_ACTIONS: ReadonlySet<number> = new Set(
  ['book', 'change_booking', 'cancel'].map(senseNumber),
);

/** Whether the flags name a thing (an object that is no person, state or circumstance). */
function namesAThing(has: SenseFlags): boolean {
  const t = senseTable();
  for (const o of t.things) if (has[o] === 1) return true;
  return false;
}

/**
 * Marks the rules limiting a span of time (`spans`: 顺延<=15天) whose action the product does to
 * one thing only (every rule extending extends the card): a request naming no thing means that
 * one (see `RuleMeaning.soleObject`).
 */
export function markSoleObjects(
  meanings: ReadonlyArray<{ meaning: RuleMeaning; forbidden: boolean; spans: boolean }>,
): RuleMeaning[] {
  const t = senseTable();
  const thingsOf = new Map<number, Set<number>>();
  const named = new Set<number>();
  // What went wrong (damage, a loss) is no thing of its own: 补寄运输中破损的赠品花瓶 reissues a vase.
  const thing = (o: number): boolean => t.isNegatable[o] === 1 && t.isProblem[o] !== 1;
  for (const { meaning, forbidden } of meanings) {
    if (forbidden) continue;
    for (const o of meaning.objects) if (thing(o)) named.add(o);
    for (const h of meaning.heads) {
      const set = thingsOf.get(h) ?? new Set<number>();
      for (const o of meaning.objects) if (thing(o)) set.add(o);
      thingsOf.set(h, set);
    }
  }
  return meanings.map(({ meaning, forbidden, spans }) => {
    const [o] = meaning.objects;
    if (forbidden || !spans || o === undefined || meaning.objects.length !== 1 || t.isNegatable[o] !== 1)
      return meaning;
    if (meaning.heads.length === 0) return meaning;
    for (const h of meaning.heads) {
      const set = thingsOf.get(h);
      if (t.isGeneric[h] === 1 || set === undefined || set.size !== 1 || !set.has(o)) return meaning;
    }
    return { ...meaning, soleObject: o, rivals: [...named].filter((k) => k !== o) };
  });
}

let changeBookingSense: number | undefined;
let bookSense: number | undefined;

/** A booking moved (改到礼拜六, 改约), not a new one made. */
function movesBooking(has: SenseFlags): boolean {
  changeBookingSense ??= senseNumber('change_booking');
  bookSense ??= senseNumber('book');
  return has[changeBookingSense] === 1 && has[bookSense] !== 1;
}

/** A new booking made (约星期六上午), not one moved. */
export function booksNew(has: SenseFlags): boolean {
  changeBookingSense ??= senseNumber('change_booking');
  bookSense ??= senseNumber('book');
  return has[bookSense] === 1 && has[changeBookingSense] !== 1;
}

let cancelSense: number | undefined;
let byDefault: Map<number, number> | undefined;

/**
 * 帮我开张发票 against 开具电子发票: an invoice asked for, of no kind said, is the plain kind (see
 * `SenseDef.unlessSaid`), when the request names the rule's own concept.
 */
function saidByDefault(
  o: number,
  concepts: readonly ConceptDef[],
  view: RequestView,
  around: RequestContext,
): boolean {
  byDefault ??= new Map(
    SENSES.flatMap((s, k) => (s.unlessSaid === undefined ? [] : [[k, senseNumber(s.unlessSaid)] as const])),
  );
  const other = byDefault.get(o);
  if (other === undefined || view.concept === undefined || !concepts.includes(view.concept)) return false;
  return view.senses()[other] !== 1 && around.has[other] !== 1;
}

/** A new booking asked for (帮我约个礼拜五), or a booking cancelled (把礼拜五的预约取消了). */
function booksOrCancels(has: SenseFlags, norm: string): boolean {
  bookSense ??= senseNumber('book');
  cancelSense ??= senseNumber('cancel');
  return has[bookSense] === 1 || (has[cancelSense] === 1 && BOOKING_HELD.test(norm));
}

/** A booking the caller holds, named as the thing cancelled. */
const BOOKING_HELD = /预约|预订|预定|约的|约好的|\b(?:booking|appointment|reservation|session)s?\b/;

/** A visit at the caller's home, not the shop's own service (上门, 到家里来). */
const AT_HOME = /上门|到家|到屋|家里来|屋头来|\bhome visit\b|\bat (?:my|our) (?:home|house|place)\b/;

/** True when the value read from JSON has the shape of a RuleMeaning of this build. */
export function isRuleMeaning(x: unknown): x is RuleMeaning {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  const senses = (v: unknown): boolean =>
    Array.isArray(v) && v.every((k) => Number.isInteger(k) && k >= 0 && k < SENSES.length);
  const words = r.words as Record<string, unknown> | undefined;
  return (
    (r.objectOnly === undefined || r.objectOnly === true) &&
    (r.objectAsks === undefined || r.objectAsks === true) &&
    (r.grantHeads === undefined || senses(r.grantHeads)) &&
    (r.acts === undefined || senses(r.acts)) &&
    (r.stepsBefore === undefined || senses(r.stepsBefore)) &&
    (r.soleObject === undefined || senses([r.soleObject])) &&
    (r.rivals === undefined || senses(r.rivals)) &&
    (r.problemAsks === undefined || r.problemAsks === true) &&
    (r.counted === undefined || typeof r.counted === 'string') &&
    (r.step === undefined || typeof r.step === 'string') &&
    (r.wards === undefined || r.wards === 'children' || r.wards === 'kin') &&
    (r.ownClause === undefined || r.ownClause === true) &&
    (r.opposed === undefined || senses(r.opposed)) &&
    (r.toOther === undefined || r.toOther === true) &&
    (r.verb === undefined || typeof r.verb === 'string') &&
    (r.advice === undefined || r.advice === true) &&
    (r.explains === undefined || r.explains === true) &&
    (r.examples === undefined || r.examples === true) &&
    (r.optional === undefined ||
      (Array.isArray(r.optional) && r.optional.every((w) => typeof w === 'string'))) &&
    (r.listed === undefined ||
      (Array.isArray(r.listed) &&
        r.listed.every((item) => Array.isArray(item) && item.every((w) => typeof w === 'string')))) &&
    (r.steps === undefined || (Array.isArray(r.steps) && r.steps.every((w) => typeof w === 'string'))) &&
    (r.unsaidWhenMoved === undefined ||
      (Array.isArray(r.unsaidWhenMoved) && r.unsaidWhenMoved.every((w) => typeof w === 'string'))) &&
    (r.unsaidWhenBooked === undefined ||
      (Array.isArray(r.unsaidWhenBooked) && r.unsaidWhenBooked.every((w) => typeof w === 'string'))) &&
    (r.lacking === undefined || r.lacking === true) &&
    senses(r.heads) &&
    senses(r.objects) &&
    senses(r.polar) &&
    Array.isArray(r.surface) &&
    r.surface.every((w) => typeof w === 'string') &&
    typeof r.generic === 'boolean' &&
    typeof r.needsOther === 'boolean' &&
    typeof words === 'object' &&
    words !== null &&
    Array.isArray(words.zh) &&
    Array.isArray(words.en) &&
    words.zh.every((w) => typeof w === 'string') &&
    words.en.every((w) => typeof w === 'string')
  );
}
