import { contradictsState, scanSenses } from './_meaning.js';
import { normalizeText } from './_normalize.js';
import type { CompiledRules } from './compile-rules.js';

/**
 * Whether the text states the opposite of a state the rule requires: "never opened it, still in
 * the plastic" against return an opened OTC item, 保修期外 against 保修期内维修. `rule` is a rule's
 * text or its phrase without the limit; an unknown rule is contradicted by nothing.
 *
 * @example contradictsRule(rules, 'return an opened OTC item or after', 'I never opened it') // true
 */
export function contradictsRule(rules: CompiledRules, rule: string, text: string): boolean {
  const wanted = normalizeText(rule.trim());
  const compiled = rules.rules.find((r) => r.phrase === wanted || normalizeText(r.text) === wanted);
  if (!compiled || compiled.meaning.polar.length === 0) return false;
  return contradictsState(compiled.meaning, scanSenses(normalizeText(text)));
}
