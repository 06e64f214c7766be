import { type Bilingual, hasCjk } from '../domain/language.js';
import { PERMISSION_CATEGORIES, type PermissionCategory } from '../domain/record-schemas.js';
import {
  type CompiledRules,
  type PermissionDecision,
  type RuleAction,
  ruleActions,
} from '../permissions/index.js';

/** How a bound beside the engine decides a part anew (`rule` absent: the part's own stays). */
export interface Overrule {
  status: PermissionCategory;
  reasons: Bilingual;
  rule?: string | null;
}

/**
 * The engine's decision with the parts `overrule` names decided anew, where that is stricter: the
 * call's bounds (facts before actions) only ever refuse or escalate what the engine allowed. The
 * decision then takes the status, rule and reason of its strictest part; the reason is in the
 * action's language, as the engine's is.
 */
export function overruled(
  decision: PermissionDecision,
  overrule: (part: PermissionDecision['parts'][number]) => Overrule | undefined,
): PermissionDecision {
  const lang = hasCjk(decision.action) ? 'zh' : 'en';
  let changed = false;
  const parts = decision.parts.map((part) => {
    const o = overrule(part);
    if (!o || strictness(o.status) <= strictness(part.status)) return part;
    changed = true;
    const rule = o.rule === undefined ? part.rule : o.rule;
    return { ...part, status: o.status, rule, reason: o.reasons[lang], reasons: o.reasons };
  });
  if (!changed) return decision;
  const strictest = parts.reduce((a, p) => (strictness(p.status) > strictness(a.status) ? p : a));
  if (strictest.status === decision.status) return { ...decision, parts };
  return {
    ...decision,
    status: strictest.status,
    rule: strictest.rule,
    reason: strictest.reason,
    ...(strictest.reasons ? { reasons: strictest.reasons } : {}),
    parts,
  };
}

/** Higher is stricter (PERMISSION_CATEGORIES lists the most restrictive first). */
function strictness(status: PermissionCategory): number {
  return PERMISSION_CATEGORIES.length - PERMISSION_CATEGORIES.indexOf(status);
}

/** The product's forbidden rules whose text `test` matches, in the product's order. */
export function forbiddenRules(rules: CompiledRules, test: RegExp): RuleAction[] {
  return ruleActions(rules).filter((r) => r.category === 'forbidden' && test.test(r.text));
}
