/**
 * Which of a product's rules a request can match at all, found without reading every rule: a
 * check then scores the few candidates (usually two or three of forty) instead of each rule.
 * Built once per compiled rule set; every rule it leaves out is one `levelsFor` would rate NONE.
 */
import type { ConceptDef } from './_lexicon.js';
import { conceptBits, headsThatName, type SenseFlags } from './_meaning.js';
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
  /** Rules without a lexicon concept whose content words, all said, match them (see `ruleMatches`). */
  byTokens: number[];
  /**
   * Rules a request can match by meaning whatever actions it names (no head they need): those
   * without a lexicon concept, and those on one (read so only when the request has no concept).
   */
  alwaysRead: Headed;
  /** The same for rules with a head: by the sense numbers of their heads. */
  byHead: { plain: Map<number, number[]>; onConcept: Map<number, number[]> };
  /** Per rule: whether `explainedAway` may drop it (not forbidden, no lexicon concept). */
  explainable: Uint8Array;
}

/** Rule numbers, of rules without a lexicon concept and of rules on one. */
interface Headed {
  plain: number[];
  onConcept: number[];
}

const indexes = new WeakMap<CompiledRules, RuleIndex>();

/** The index of the rule set, built on first use. */
export function ruleIndex(rules: CompiledRules): RuleIndex {
  let index = indexes.get(rules);
  if (index === undefined) {
    index = buildIndex(rules.rules);
    indexes.set(rules, index);
  }
  return index;
}

function buildIndex(rules: readonly CompiledRule[]): RuleIndex {
  const bits = rules.map((r) => conceptBits(r.concepts));
  const byConcept = new Map<string, number[]>();
  const bitRules: number[] = [];
  const byTokens: number[] = [];
  const alwaysRead: Headed = { plain: [], onConcept: [] };
  const byHead = { plain: new Map<number, number[]>(), onConcept: new Map<number, number[]>() };
  const explainable = new Uint8Array(rules.length);
  rules.forEach((rule, i) => {
    for (const c of rule.concepts) {
      const list = byConcept.get(c.id) ?? [];
      if (!list.includes(i)) list.push(i);
      byConcept.set(c.id, list);
    }
    if (rule.concepts.length > 0 && bits[i] !== 0) bitRules.push(i);
    if (rule.concepts.length === 0 && (rule.tokens.zh.length > 0 || rule.tokens.en.length > 0))
      byTokens.push(i);
    const heads = headsThatName(rule.meaning);
    const kind = rule.concepts.length > 0 ? 'onConcept' : 'plain';
    if (heads === undefined) alwaysRead[kind].push(i);
    else
      for (const h of heads) {
        const list = byHead[kind].get(h) ?? [];
        if (!list.includes(i)) list.push(i);
        byHead[kind].set(h, list);
      }
    if (rule.category !== 'forbidden' && rule.concepts.length === 0) explainable[i] = 1;
  });
  return {
    bits,
    others: bits.reduce((a, b) => a | b, 0),
    byConcept,
    bitRules,
    byTokens,
    alwaysRead,
    byHead,
    explainable,
  };
}

/** Marks the rules on the concept or on a broader one (the lexicon's own match, see `lexiconLevel`). */
export function markByConcept(index: RuleIndex, concept: ConceptDef, marks: Uint8Array): void {
  for (const i of index.byConcept.get(concept.id) ?? []) marks[i] = 1;
  for (const id of concept.broader ?? []) for (const i of index.byConcept.get(id) ?? []) marks[i] = 1;
}

/**
 * Marks the rules headed by an action the flags name (and those no head is needed for). Rules on
 * a lexicon concept only for a request without one: with one, the concepts decide (`levelsFor`).
 */
export function markByHeads(
  index: RuleIndex,
  has: SenseFlags,
  withConcept: boolean,
  marks: Uint8Array,
): void {
  for (const i of index.alwaysRead.plain) marks[i] = 1;
  markHeaded(index.byHead.plain, has, marks);
  if (withConcept) return;
  for (const i of index.alwaysRead.onConcept) marks[i] = 1;
  markHeaded(index.byHead.onConcept, has, marks);
}

function markHeaded(byHead: Map<number, number[]>, has: SenseFlags, marks: Uint8Array): void {
  for (const [h, rules] of byHead) if (has[h] === 1) for (const i of rules) marks[i] = 1;
}
