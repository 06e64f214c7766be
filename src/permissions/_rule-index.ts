/**
 * Which of a product's rules a request can match at all, found without reading every rule: a
 * check then scores the few candidates (one or two per clause of the benches' forty rules)
 * instead of each. Built once per compiled rule set; every rule it leaves out is one `levelsFor`
 * would rate NONE.
 */
import type { ConceptDef } from './_lexicon.js';
import { conceptBits, type MatchLevel, NONE, type SenseFlags, sensesOneOfNeeded } from './_meaning.js';
import type { CompiledRule, CompiledRules } from './compile-rules.js';

/** The rules of a set by what can make them match. Internal. */
export interface RuleIndex {
  /** The bits of each rule's lexicon concepts (see `conceptsMaybeNamed`). */
  bits: number[];
  /** All of them together. */
  others: number;
  /** Rules on a lexicon concept, by the concept's id. */
  byConcept: Map<string, number[]>;
  /** Rules on a lexicon concept whose concepts have bits: a request may name them in other words. */
  bitRules: number[];
  /**
   * Rules without a lexicon concept that match when the part says all their content words (see
   * `ruleMatches`), by the low bits of the first character of their first Chinese word; rules
   * with English words only are in `tokensAlways`.
   */
  tokenBuckets: ReadonlyArray<readonly number[]>;
  tokensAlways: number[];
  /**
   * Rules a request can match by meaning whatever senses it names: those without a lexicon
   * concept, and those on one (read so only when the request has no concept).
   */
  alwaysRead: Headed;
  /**
   * The others, by the senses one of which a request must name (see `sensesOneOfNeeded`): its
   * actions, or a grant or an object it takes as asking. A rule needing none is never read so.
   */
  byHead: { plain: ByHead; onConcept: ByHead };
  /** A level per rule, all NONE: copied for each part (a copy costs less than filling). */
  noLevels: readonly MatchLevel[];
  /** Per rule: whether `explainedAway` may drop it (not forbidden, no lexicon concept). */
  explainable: Uint8Array;
  /** Forbidden rules that quote what may not be said (`CompiledRule.quoted`): most sets have none. */
  quoting: number[];
  /** Forbidden rules on a false record (`CompiledRule.falsity`): reached by the record asked falsified. */
  falsifying: number[];
  /**
   * Rules listing a step of one word no sense knows (刻字 of 维修、改圈口、刻字): reached by the step
   * said (see `stepSaid`). Most sets have none.
   */
  listedSteps: Array<{ rule: number; steps: readonly string[] }>;
}

/** Sense numbers rules need, and for each the rules needing it (same positions). */
interface ByHead {
  heads: number[];
  rules: number[][];
}

/** Rule numbers, of rules without a lexicon concept and of rules on one. */
interface Headed {
  plain: number[];
  onConcept: number[];
}

const indexes = new WeakMap<CompiledRules, RuleIndex>();

// The last rule set's: a check asks for its index once per part.
let lastRules: CompiledRules | undefined;
let lastIndex: RuleIndex | undefined;

/** The index of the rule set, built on first use. */
export function ruleIndex(rules: CompiledRules): RuleIndex {
  if (rules === lastRules) return lastIndex!;
  let index = indexes.get(rules);
  if (index === undefined) {
    index = buildIndex(rules.rules);
    indexes.set(rules, index);
  }
  lastRules = rules;
  lastIndex = index;
  return index;
}

function buildIndex(rules: readonly CompiledRule[]): RuleIndex {
  const bits = rules.map((r) => conceptBits(r.concepts));
  const byConcept = new Map<string, number[]>();
  const bitRules: number[] = [];
  const tokenBuckets: number[][] = [];
  for (let b = 0; b < BUCKETS; b++) tokenBuckets.push(NO_RULES);
  const tokensAlways: number[] = [];
  const alwaysRead: Headed = { plain: [], onConcept: [] };
  const byHead = { plain: new Map<number, number[]>(), onConcept: new Map<number, number[]>() };
  const explainable = new Uint8Array(rules.length);
  const quoting: number[] = [];
  const falsifying: number[] = [];
  const listedSteps: RuleIndex['listedSteps'] = [];
  rules.forEach((rule, i) => {
    if (rule.quoted !== undefined) quoting.push(i);
    const steps = stepsOf(rule);
    if (steps !== undefined) listedSteps.push({ rule: i, steps });
    if (rule.falsity !== undefined) falsifying.push(i);
    for (const c of rule.concepts) {
      const list = byConcept.get(c.id) ?? [];
      if (!list.includes(i)) list.push(i);
      byConcept.set(c.id, list);
    }
    if (rule.concepts.length > 0 && bits[i] !== 0) bitRules.push(i);
    const first = rule.tokens.zh[0];
    if (rule.concepts.length > 0) {
      // Found by their concepts.
    } else if (first !== undefined) {
      const b = first.charCodeAt(0) & (BUCKETS - 1);
      tokenBuckets[b] = [...tokenBuckets[b]!, i];
    } else if (rule.tokens.en.length > 0) tokensAlways.push(i);
    const kind = rule.concepts.length > 0 ? 'onConcept' : 'plain';
    const heads = sensesOneOfNeeded(rule.meaning, kind === 'onConcept');
    if (heads === undefined) alwaysRead[kind].push(i);
    else
      for (const h of heads) {
        const list = byHead[kind].get(h) ?? [];
        if (!list.includes(i)) list.push(i);
        byHead[kind].set(h, list);
      }
    if (rule.category !== 'forbidden' && rule.concepts.length === 0) explainable[i] = 1;
  });
  const byHeads = (map: Map<number, number[]>): ByHead => ({
    heads: [...map.keys()],
    rules: [...map.values()],
  });
  return {
    bits,
    others: bits.reduce((a, b) => a | b, 0),
    byConcept,
    bitRules,
    tokenBuckets,
    tokensAlways,
    alwaysRead,
    byHead: { plain: byHeads(byHead.plain), onConcept: byHeads(byHead.onConcept) },
    noLevels: rules.map((): MatchLevel => NONE),
    explainable,
    quoting,
    falsifying,
    listedSteps,
  };
}

/**
 * The steps an approval rule lists in its own words (`RuleMeaning.steps`); none for rules that
 * refer or refuse, which are read by their senses alone.
 */
export function stepsOf(rule: CompiledRule): readonly string[] | undefined {
  // 食品安全（吃后腹泻、呕吐、异物）: each example's last word tells the case.
  if (rule.meaning.examples === true)
    return rule.meaning.listed?.map((item) => item.at(-1)!).filter((w) => w.length === 2);
  return rule.category === 'can_approve_immediately' ? rule.meaning.steps : undefined;
}

/**
 * The rules marked as candidates for one request: a flag per rule, and the first `count` of
 * `list` the marked ones' numbers (a handful of forty: reading them beats reading every flag).
 */
export interface Candidates {
  flags: Uint8Array;
  list: Int32Array;
  count: number;
}

/** Marks rule `i` as a candidate (once). */
export function mark(candidates: Candidates, i: number): void {
  if (candidates.flags[i] === 0) {
    candidates.flags[i] = 1;
    candidates.list[candidates.count++] = i;
  }
}

/** Marks the rules on the concept or on a broader one (the lexicon's own match, see `lexiconLevel`). */
export function markByConcept(index: RuleIndex, concept: ConceptDef, candidates: Candidates): void {
  for (const i of index.byConcept.get(concept.id) ?? []) mark(candidates, i);
  for (const id of concept.broader ?? []) for (const i of index.byConcept.get(id) ?? []) mark(candidates, i);
}

/**
 * Whether `markByHeads` reads the request's senses: only when some rule it would look at has a
 * head (they cost a scan of the text).
 */
export function headsRead(index: RuleIndex, withConcept: boolean): boolean {
  return index.byHead.plain.heads.length > 0 || (!withConcept && index.byHead.onConcept.heads.length > 0);
}

/**
 * Marks the rules needing a sense the flags name (and those needing none in particular). Rules on
 * a lexicon concept only for a request without one: with one, the concepts decide (`levelsFor`).
 * `has` may be undefined when `headsRead` says no senses are read.
 */
export function markByHeads(
  index: RuleIndex,
  has: SenseFlags | undefined,
  withConcept: boolean,
  candidates: Candidates,
): void {
  for (const i of index.alwaysRead.plain) mark(candidates, i);
  markHeaded(index.byHead.plain, has, candidates);
  if (withConcept) return;
  for (const i of index.alwaysRead.onConcept) mark(candidates, i);
  markHeaded(index.byHead.onConcept, has, candidates);
}

function markHeaded(byHead: ByHead, has: SenseFlags | undefined, candidates: Candidates): void {
  const heads = byHead.heads;
  if (heads.length === 0 || has === undefined) return;
  for (let k = 0; k < heads.length; k++)
    if (has[heads[k]!] === 1) for (const i of byHead.rules[k]!) mark(candidates, i);
}

/**
 * The rules without a lexicon concept whose first Chinese word may be in the text (its first
 * character's bucket), and those with English words only: the ones whose words to test. Written
 * to the start of `out` (reused from part to part, never shortened), in that order; a rule may
 * come more than once. Returns how many.
 */
export function rulesByTokens(index: RuleIndex, norm: string, out: number[]): number {
  let n = 0;
  for (const i of index.tokensAlways) out[n++] = i;
  const buckets = index.tokenBuckets;
  for (let k = 0; k < norm.length; k++) {
    const rules = buckets[norm.charCodeAt(k) & (BUCKETS - 1)]!;
    for (let r = 0; r < rules.length; r++) out[n++] = rules[r]!;
  }
  return n;
}

// Buckets of first characters: enough that a text's twenty characters meet few rules' buckets.
const BUCKETS = 1024;
const NO_RULES: number[] = [];
