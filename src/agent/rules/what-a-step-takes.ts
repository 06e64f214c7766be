import type { Product } from '../../domain/record-schemas.js';
import { faqSentence } from './faq-sentence.js';

/** A sentence naming what a step takes: papers to bring or submit (行驶证, 身份证, proof of …). */
const NAMES_WHAT_IT_TAKES =
  /提交|携带|带上|带好|带着|准备好?|材料|证件|证明|身份证|行驶证|驾驶证|户口本|房产证|需(?:要)?提供|凭[^，,。]{0,6}(?:证|卡|单)|\b(?:bring|provide|submit|upload)\b|\bdocuments?\b|\bproof of\b|\bphoto ID\b/i;

/**
 * What the product's FAQ says a step needs (车牌登记变更 → 换车需要变更车位绑定车牌的，在App或服务中心
 * 提交新车行驶证和业主身份证…): the FAQ sentence naming papers to bring or submit that shares the
 * most words with the step (`words`: its rule and how it was said; see `faqSentence`).
 *
 * @example whatAStepTakes(product, ['车位租赁或车牌登记变更', '车牌登记变更'])
 */
export function whatAStepTakes(product: Product, words: readonly string[]): string | undefined {
  return faqSentence(product, words, NAMES_WHAT_IT_TAKES)?.sentence;
}
