import type { CallContext } from '../../call/call-agent.js';
import { tokenize } from '../../knowledge/index.js';
import { type CompiledRules, compileRules, ruleActions } from '../../permissions/index.js';

const compiledRules = new WeakMap<object, CompiledRules>();

/** The call's compiled rules (the session's, cached); compiled here only outside a session. */
export function rulesOf(ctx: CallContext): CompiledRules {
  if (ctx.rules) return ctx.rules();
  let rules = compiledRules.get(ctx.product);
  if (!rules) {
    rules = compileRules(ctx.product.operator_permissions);
    compiledRules.set(ctx.product, rules);
  }
  return rules;
}

/**
 * Of the product's rules for an action (`wanted` picks the concept), the one whose phrase shares
 * the most of `words`: what the call says decides which of several rules is meant (退还增值业务费 or
 * 退还话费 for a refund; cancel subscription or close account for "cancel it"). None on a tie or
 * when none shares a word, unless `onlyOne` and there is a single such rule. Rules `ruledOut`
 * (a state the caller said is their opposite) and forbidden rules are not among them.
 */
export function ruleSharingWords(
  ctx: CallContext,
  wanted: (concept: string) => boolean,
  words: ReadonlySet<string>,
  options: { onlyOne?: boolean; ruledOut?: (phrase: string) => boolean } = {},
): { phrase: string; concept: string } | undefined {
  const byPhrase = new Map<string, string>();
  for (const rule of ruleActions(rulesOf(ctx))) {
    // A forbidden rule's words are never what the caller asked in other words: read as the
    // request, they would make it forbidden (为他人账号…解封 for 我的号被封了).
    if (rule.category === 'forbidden') continue;
    const concept = rule.concepts.find(wanted);
    if (concept !== undefined && options.ruledOut?.(rule.phrase)) continue;
    if (concept !== undefined && !byPhrase.has(rule.phrase)) byPhrase.set(rule.phrase, concept);
  }
  const scored = [...byPhrase]
    .map(([phrase, concept]) => ({
      phrase,
      concept,
      shared: tokenize(phrase).filter((t) => words.has(t)).length,
    }))
    .sort((a, b) => b.shared - a.shared);
  const [best, next] = scored;
  if (!best) return undefined;
  if (scored.length === 1 && options.onlyOne) return best;
  return best.shared === 0 || best.shared === next?.shared ? undefined : best;
}
