import type { CallContext } from '../../call/call-agent.js';
import { correctTypos, standardSpokenForms } from '../../knowledge/spoken-forms.js';

const productTexts = new WeakMap<object, string>();

/**
 * The caller's words as the product and the agent's readers write them: regional question words
 * in their standard form (好久 → 多久, 要好多钱 → 要多少钱, 咋个 → 怎么) and a product word typed
 * with a homophone (退压金 → 退押金). Of the same length as what was said.
 */
export function asWritten(ctx: CallContext, utterance: string): string {
  let text = productTexts.get(ctx.product);
  if (text === undefined) {
    text = JSON.stringify(ctx.product);
    productTexts.set(ctx.product, text);
  }
  return standardSpokenForms(correctTypos(utterance, text));
}
