import type { Product } from '../../domain/record-schemas.js';
import { knowledgeEntries, tokenize } from '../../knowledge/index.js';

/** A sentence naming what a step takes: papers to bring or submit (行驶证, 身份证, proof of …). */
const NAMES_WHAT_IT_TAKES =
  /提交|携带|带上|带好|带着|准备好?|材料|证件|证明|身份证|行驶证|驾驶证|户口本|房产证|需(?:要)?提供|凭[^，,。]{0,6}(?:证|卡|单)|\b(?:bring|provide|submit|upload)\b|\bdocuments?\b|\bproof of\b|\bphoto ID\b/i;

/** Sentences of an FAQ answer (Chinese at 。；, English at a full stop or semicolon). */
function sentencesOf(answer: string): string[] {
  return answer
    .split(/[。；;\n]|(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * What the product's FAQ says a step needs (车牌登记变更 → 换车需要变更车位绑定车牌的，在App或服务中心
 * 提交新车行驶证和业主身份证…): of the FAQ's sentences that name papers to bring or submit, the one
 * sharing the most words with the step (`words`: its rule and how it was said), at least two and
 * a single best; none of the product's own name's words count.
 *
 * @example whatAStepTakes(product, ['车位租赁或车牌登记变更', '车牌登记变更'])
 */
export function whatAStepTakes(product: Product, words: readonly string[]): string | undefined {
  const name = new Set(tokenize(String(product.name ?? '')));
  const step = new Set(tokenize(words.join('，')).filter((t) => !name.has(t) && !/^\d+$/.test(t)));
  if (step.size === 0) return undefined;
  const scored = knowledgeEntries(product)
    .filter((e) => e.kind === 'faq')
    .flatMap((e) => sentencesOf(e.answer))
    .filter((s) => NAMES_WHAT_IT_TAKES.test(s))
    .map((s) => ({ s, shared: new Set(tokenize(s).filter((t) => step.has(t))).size }))
    .sort((a, b) => b.shared - a.shared);
  const [best, next] = scored;
  if (!best || best.shared < 2 || (next && next.shared === best.shared)) return undefined;
  return best.s;
}
