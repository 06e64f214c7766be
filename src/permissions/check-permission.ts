import { PERMISSION_CATEGORIES, type PermissionCategory } from '../domain/record-schemas.js';
import { type Analysis, analyze, type FoundRequest, mergeRepeats } from './_analyze.js';
import { TwoGenerationCache } from './_cache.js';
import type { ConceptDef } from './_lexicon.js';
import { hasCjk } from './_normalize.js';
import {
  amountMissing,
  amountMissingStrictest,
  amountNote,
  type Bilingual,
  formatAmount,
  NO_RULE,
  outOfRange,
  ruleReason,
  unitMismatch,
  unitMismatchStrictest,
} from './_reasons.js';
import { toBase } from './_rule.js';
import { covers, isEmpty, stemsOf } from './_words.js';
import type { CompiledRule, CompiledRules } from './compile-rules.js';
import type { Quantity } from './parse-quantities.js';

/** The decision on one request inside an action (退款60元然后注销账户 has two). */
export interface PermissionPart {
  text: string;
  status: PermissionCategory;
  rule: string | null;
  reason: string;
  /** The reason in both languages (`reason` is the one matching the action's language). */
  reasons?: { zh: string; en: string };
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
  reasons?: { zh: string; en: string };
}

/** One request to decide, built from the action text (independent of the rules). */
interface Part {
  text: string;
  norm: string;
  /** Offsets of the part in the action text (-1 for a total made of several parts). */
  start: number;
  end: number;
  concept?: ConceptDef;
  quantity?: Quantity;
  /** A number said right after the action without a unit (退款50): read in the rule's unit. */
  bare?: { value: number; text: string };
  /** The quantity came from another clause of the action (扣了我15块，退给我吧). */
  borrowed?: boolean;
  /**
   * Other readings of the amount: further amounts of the same kind in the clause and their sum
   * (退款99元外加运费50元). The strictest reading decides.
   */
  alternatives?: Quantity[];
  stems?: Set<string>;
}

interface ParsedAction {
  /** Parts for the requests the lexicon recognised. */
  requests: Part[];
  /** Clauses with no recognised request; `requestLike` when they still ask for something. */
  free: Array<Part & { requestLike: boolean }>;
  whole: Part;
}

// A clause that asks for something done (帮我开通VIP, please add ...) though the lexicon does not
// know the action: it must not ride along unchecked with an approved request.
const REQUEST_LIKE_ZH =
  /(?:帮我|给我|替我|为我|请你|请帮|麻烦你?|我要|我想要|我需要|能不能|可不可以|能否)(?:把|将)?[^,.!?;:]{0,4}?(?:开|改|换|加|送|免|延|取消|删|恢复|查|转|升|降|补|发|寄|退|修|装|拆|停|办|设|调|提|撤|给|告)/;
const REQUEST_LIKE_EN =
  /\b(?:please|can you|could you|would you|i want you to|i need you to|i want to|i'd like to|i need to|let me)\b.{0,20}?\b(?:give|add|change|remove|delete|grant|upgrade|send|transfer|waive|extend|open|activate|enable|disable|cancel|credit|update|set|make|issue|switch|turn|close|reset|unlock|restore|recover|share)\b/;
const HOW_TO = /怎么|怎样|如何|咋|\bhow (?:do|can|to)\b/;
const BARE_TAIL = /^\s*(?:吧|啊|呀|呢|哈|就行|就好|就可以|即可|谢谢|please|thanks)?\s*$/;

function toPart(analysis: Analysis, start: number, end: number): Part {
  return { text: analysis.text.slice(start, end), norm: analysis.norm.slice(start, end), start, end };
}

/** Splits an action into parts. Pure and independent of the rules, hence cached. */
function parseAction(text: string): ParsedAction {
  const analysis = analyze(text);
  const found = mergeRepeats(analysis.requests);
  const requests = found.map((r) => requestPart(analysis, r));
  bindLooseAmounts(analysis, found, requests);
  const free: ParsedAction['free'] = [];
  for (const c of analysis.clauses) {
    if (analysis.requests.some((r) => r.clauseStart < c.end && r.clauseEnd > c.start)) continue;
    const part = toPart(analysis, c.start, c.end);
    const quantity = analysis.quantities.find((q) => q.start >= c.start && q.end <= c.end);
    if (quantity) part.quantity = quantity;
    // 退款五十元和五百元: an amount in the next clause continues the request before it.
    const previous = [...found].reverse().find((r) => r.clauseEnd <= c.start);
    if (quantity && previous?.quantity && previous.concept.families?.includes(quantity.family)) {
      requests.push({ ...part, concept: previous.concept });
      continue;
    }
    const requestLike =
      !HOW_TO.test(part.norm) && (REQUEST_LIKE_ZH.test(part.norm) || REQUEST_LIKE_EN.test(part.norm));
    free.push({ ...part, requestLike });
  }
  addReadings(analysis, requests);
  const trimmed = text.trim();
  const offset = text.indexOf(trimmed);
  const whole = toPart(analysis, offset, offset + trimmed.length);
  const first = analysis.quantities[0];
  if (first) whole.quantity = first;
  return { requests, free, whole };
}

function requestPart(analysis: Analysis, r: FoundRequest): Part {
  const part = toPart(analysis, r.clauseStart, r.clauseEnd);
  part.concept = r.concept;
  if (r.quantity) part.quantity = r.quantity;
  else {
    // 退款50 / refund 50: a number right after the action, with nothing after it but a particle
    // (退款5O元 is not 退款5).
    const bare = analysis.bare.find(
      (b) =>
        b.start >= r.matchEnd &&
        b.end <= r.clauseEnd &&
        analysis.norm.slice(r.matchEnd, b.start).trim() === '' &&
        BARE_TAIL.test(analysis.norm.slice(b.end, r.clauseEnd)),
    );
    if (bare) part.bare = { value: bare.value, text: analysis.text.slice(bare.start, bare.end) };
  }
  return part;
}

/**
 * 这个月扣了我15块，我不想要了，退给我吧: the refund's own clause has no amount, but the action
 * names exactly one amount of the right kind that no other request took. A supervisor reads it as
 * the refund's amount, and so does the engine; the reason says so.
 */
function bindLooseAmounts(analysis: Analysis, found: FoundRequest[], parts: Part[]): void {
  const claimed = new Set(analysis.requests.map((r) => r.quantity).filter((q) => q !== undefined));
  parts.forEach((part, i) => {
    const families = found[i]!.concept.families;
    if (part.quantity || part.bare || !families) return;
    const needing = parts.filter(
      (p, j) => !p.quantity && !p.bare && found[j]!.concept.families?.some((f) => families.includes(f)),
    );
    const loose = analysis.quantities.filter((q) => !claimed.has(q) && families.includes(q.family));
    if (needing.length === 1 && loose.length === 1) {
      part.quantity = loose[0]!;
      part.borrowed = true;
    }
  });
}

function total(quantities: Quantity[], lang: 'zh' | 'en'): Quantity {
  const first = quantities[0]!;
  const value = Math.round(quantities.reduce((sum, q) => sum + q.value, 0) * 1e6) / 1e6;
  const text = formatAmount(value, first.unit)[lang];
  return { ...first, value, text: lang === 'zh' ? `合计${text}` : `${text} in total`, start: -1, end: -1 };
}

/**
 * Makes sure no reading of the amounts can slip through: a clause with several amounts of its
 * request's kind is decided on each and on their sum, and one request asked for several times
 * with amounts (退款99元，另外再退款99元) is decided on the total too.
 */
function addReadings(analysis: Analysis, parts: Part[]): void {
  const lang = hasCjk(analysis.text) ? 'zh' : 'en';
  const claimed = new Set(parts.map((p) => p.quantity).filter((q) => q !== undefined));
  for (const part of parts) {
    const q = part.quantity;
    if (!q || part.borrowed || part.start < 0) continue;
    const others = analysis.quantities.filter(
      (o) => o !== q && !claimed.has(o) && o.unit === q.unit && o.start >= part.start && o.end <= part.end,
    );
    const readings: Quantity[] = others.length > 0 ? [...others, total([q, ...others], lang)] : [];
    // 退款80 0元: digits split by a stray space may be one number (800), so that reading counts too.
    const split = analysis.bare.find(
      (b) => b.end < q.start && analysis.norm.slice(b.end, q.start).trim() === '' && /^\d/.test(q.text),
    );
    if (split && /^[\d,]+$/.test(analysis.norm.slice(split.start, split.end))) {
      const joined = Number(`${analysis.norm.slice(split.start, split.end).replaceAll(',', '')}${q.value}`);
      const text = analysis.text.slice(split.start, q.end);
      readings.push({ ...q, value: joined, text });
    }
    if (readings.length > 0) part.alternatives = readings;
  }
  const groups = new Map<string, Part[]>();
  for (const part of parts) {
    if (!part.concept || !part.quantity) continue;
    const key = `${part.concept.id} ${part.quantity.unit}`;
    groups.set(key, [...(groups.get(key) ?? []), part]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    parts.push({
      text: group.map((p) => p.text).join(' + '),
      norm: group.map((p) => p.norm).join(' + '),
      start: -1,
      end: -1,
      concept: group[0]!.concept!,
      quantity: total(
        group.map((p) => p.quantity!),
        lang,
      ),
    });
  }
}

// Agents check the same short actions again and again: parsing is cached by text, decisions by
// text per compiled rule set. Both caches are bounded.
const CACHE_SIZE = 1024;
const parses = new TwoGenerationCache<ParsedAction>(CACHE_SIZE);
const decisions = new WeakMap<CompiledRules, TwoGenerationCache<PermissionDecision>>();

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
    part.stems ??= stemsOf(part.norm);
    return part.stems;
  };
}

function ruleMatches(rule: CompiledRule, part: Part): boolean {
  if (rule.concepts.length > 0) {
    const c = part.concept;
    if (!c) return false;
    if (!rule.concepts.some((rc) => rc === c || (c.broader?.includes(rc.id) ?? false))) return false;
    return isEmpty(rule.leftover) || covers(rule.leftover, part.norm, stemsFor(part));
  }
  return !isEmpty(rule.tokens) && covers(rule.tokens, part.norm, stemsFor(part));
}

type Measured = { value: number } | { missing: true } | { mismatch: Quantity };

/** The part's amount in the rule's base unit, if the two can be compared. */
function measure(rule: CompiledRule, part: Part): Measured {
  const cond = rule.condition!;
  const q = part.quantity;
  if (q) {
    if (cond.unit) {
      const sameFamily = q.family === cond.family;
      if (!sameFamily) return { missing: true };
      if (q.family === 'money' && q.unit !== cond.unit) return { mismatch: q };
      return { value: toBase(q.value, q.unit) };
    }
    if (cond.family && q.family !== cond.family) return { missing: true };
    return { value: cond.family ? toBase(q.value, q.unit) : q.value };
  }
  if (part.bare) return { value: toBase(part.bare.value, cond.unit) };
  return { missing: true };
}

function within(rule: CompiledRule, value: number): boolean {
  const c = rule.condition!;
  if (c.lo !== undefined && (c.loInclusive ? value < c.lo : value <= c.lo)) return false;
  if (c.hi !== undefined && (c.hiInclusive ? value > c.hi : value >= c.hi)) return false;
  return true;
}

function rank(category: PermissionCategory): number {
  return PERMISSION_CATEGORIES.indexOf(category);
}

function strictest(rules: CompiledRule[]): CompiledRule {
  let best = rules[0]!;
  for (const r of rules) if (rank(r.category) < rank(best.category)) best = r;
  return best;
}

interface Outcome {
  status: PermissionCategory;
  rule: string | null;
  reasons: Bilingual;
}

function decidePart(rules: CompiledRules, part: Part): Outcome {
  let outcome = decideReading(rules, part);
  for (const quantity of part.alternatives ?? []) {
    const other = decideReading(rules, { ...part, quantity });
    if (rank(other.status) < rank(outcome.status)) outcome = other;
  }
  return outcome;
}

function decideReading(rules: CompiledRules, part: Part): Outcome {
  const applicable: CompiledRule[] = [];
  const undetermined: CompiledRule[] = [];
  let mismatch: { quantity: Quantity; rule: CompiledRule } | undefined;
  let outside = false;
  let usedBare = false;
  for (const rule of rules.rules) {
    if (!ruleMatches(rule, part)) continue;
    if (!rule.condition) {
      applicable.push(rule);
      continue;
    }
    if (rule.condition.invalid) {
      undetermined.push(rule);
      continue;
    }
    const m = measure(rule, part);
    if ('value' in m) {
      if (!part.quantity) usedBare = true;
      if (within(rule, m.value)) applicable.push(rule);
      else outside = true;
    } else {
      if ('mismatch' in m) mismatch ??= { quantity: m.mismatch, rule };
      undetermined.push(rule);
    }
  }
  const family = part.concept?.families?.[0];
  const restrictive = undetermined.filter((r) => r.category !== 'can_approve_immediately');
  const pool = [...applicable, ...restrictive];
  if (pool.length > 0) {
    const winner = strictest(pool);
    const base = ruleReason(winner.category, winner.text);
    let reasons = base;
    if (!applicable.includes(winner)) {
      reasons = mismatch
        ? unitMismatchStrictest(mismatch.quantity, base)
        : amountMissingStrictest(winner.condition?.family ?? family, base);
    }
    reasons = withAmountNote(reasons, part, usedBare, winner);
    return { status: winner.category, rule: winner.text, reasons };
  }
  if (undetermined.length > 0) {
    const first = undetermined[0]!;
    const reasons = mismatch
      ? unitMismatch(mismatch.quantity, mismatch.rule.text)
      : amountMissing(first.condition?.family ?? family, first.text);
    return { status: 'requires_supervisor', rule: null, reasons };
  }
  if (outside) {
    const said = part.quantity?.text ?? part.bare?.text ?? '';
    return { status: 'requires_supervisor', rule: null, reasons: outOfRange(said) };
  }
  return { status: 'requires_supervisor', rule: null, reasons: NO_RULE };
}

function withAmountNote(reasons: Bilingual, part: Part, usedBare: boolean, winner: CompiledRule): Bilingual {
  let note: Bilingual | undefined;
  if (part.borrowed && part.quantity) note = amountNote(part.quantity.text, undefined);
  else if (usedBare && part.bare && winner.condition) {
    const read = formatAmount(part.bare.value, winner.condition.unit);
    const zh = amountNote(part.bare.text, read.zh).zh;
    const en = amountNote(part.bare.text, read.en).en;
    note = { zh, en };
  }
  return note ? { zh: reasons.zh + note.zh, en: reasons.en + note.en } : reasons;
}

/**
 * Decides an action against a product's compiled rules, as a supervisor would read it: by
 * meaning (synonyms, word order, amounts in any notation), part by part when one action asks
 * for several things, the most restrictive part deciding. Precedence: forbidden >
 * requires_supervisor > requires_process > can_approve_immediately. Nothing is approved without
 * an approval rule that covers it: an action no rule covers, an amount a limit rule needs but the
 * action does not state, or an amount in another currency all go to a supervisor. Claims of
 * authority in the text change nothing. Never throws.
 *
 * `reason` is in Chinese when the action contains Chinese, else English; `reasons` carries both.
 * Decisions are cached per rule set and action text (a text is kept once it is seen twice), and
 * every call returns a fresh copy.
 *
 * @example checkPermission(rules, '退款200元')
 * // { action: '退款200元', status: 'requires_supervisor', rule: '退款>=100元', reason: '超出当前权限(退款>=100元)', parts: [...] }
 */
export function checkPermission(rules: CompiledRules, action: string): PermissionDecision {
  let cache = decisions.get(rules);
  if (cache === undefined) {
    cache = new TwoGenerationCache<PermissionDecision>(CACHE_SIZE);
    decisions.set(rules, cache);
  }
  let decision = cache.get(action);
  if (decision === undefined) {
    decision = decide(rules, action);
    cache.offer(action, decision);
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
      return part;
    }),
  };
  if (d.reasons) copy.reasons = { zh: d.reasons.zh, en: d.reasons.en };
  return copy;
}

/** Decides without the decision cache (parsing is still cached by text): for benchmarks. */
export function decide(rules: CompiledRules, action: string): PermissionDecision {
  const parsed = parseActionCached(action);
  const lang = hasCjk(action) ? 'zh' : 'en';
  const decided: Array<{ part: Part; outcome: Outcome }> = parsed.requests.map((part) => ({
    part,
    outcome: decidePart(rules, part),
  }));
  for (const part of parsed.free) {
    // A clause the lexicon does not know counts when a rule names it, or when it asks for
    // something; greetings, complaints about service and claims of authority do not.
    const named = rules.rules.some((r) => r.concepts.length === 0 && ruleMatches(r, part));
    if (named || (decided.length > 0 && part.requestLike))
      decided.push({ part, outcome: decidePart(rules, part) });
  }
  if (decided.length === 0) decided.push({ part: parsed.whole, outcome: decidePart(rules, parsed.whole) });

  const parts: PermissionPart[] = decided.map(({ part, outcome }) => ({
    text: part.text,
    status: outcome.status,
    rule: outcome.rule,
    reason: outcome.reasons[lang],
    reasons: outcome.reasons,
  }));
  let decisive = decided[0]!;
  for (const d of decided) if (rank(d.outcome.status) < rank(decisive.outcome.status)) decisive = d;
  const reasons =
    decided.length === 1
      ? decisive.outcome.reasons
      : {
          zh: decided.map((d) => `${d.part.text}: ${d.outcome.reasons.zh}`).join('；'),
          en: decided.map((d) => `${d.part.text}: ${d.outcome.reasons.en}`).join('; '),
        };
  return {
    action,
    status: decisive.outcome.status,
    rule: decisive.outcome.rule,
    reason: reasons[lang],
    parts,
    reasons,
  };
}
