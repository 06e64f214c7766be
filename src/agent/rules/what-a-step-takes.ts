import { hasCjk } from '../../domain/language.js';
import type { Product } from '../../domain/record-schemas.js';
import { faqSentence } from './faq-sentence.js';
import { withoutRuleNotes } from './product-rules.js';

/**
 * A sentence naming what a step takes: papers to bring or submit (行驶证, 身份证, 发票, proof of …,
 * a plumber's invoice and two readings).
 */
const NAMES_WHAT_IT_TAKES =
  /提交|携带|带上|带好|带着|准备好?|保留|留好|保存|材料|证件|证明|身份证|行驶证|驾驶证|户口本|房产证|需(?:要)?提供|凭[^，,。]{0,6}(?:证|卡|单)|发票|收据|票据|照片|凭证|\b(?:bring|provide|submit|upload)\b|\bdocuments?\b|\bproof of\b|\bphoto ID\b|\b(?:invoices?|receipts?|photos?|photographs?|readings?|certificates?|evidence)\b/i;

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

/**
 * What a rule's own note says its case takes (未成年人充值退款（监护人提交身份证明、支付记录…）:
 * 监护人提交身份证明、支付记录): the note's clauses naming papers to bring or submit, or undefined.
 */
export function whatARuleTakes(rule: string | null): string | undefined {
  const note = /[（(]([^）)]*)[）)]?/.exec(rule ?? '')?.[1];
  // …：登记食品安全工单；请客户保留剩余食品、包装和就医票据: a sentence after the semicolon says so too.
  const after = withoutRuleNotes(rule ?? '')
    .split(/[；;]/)
    .slice(1);
  const said = [note, ...after].filter((t) => t !== undefined);
  if (said.length === 0) return undefined;
  const clauses = said
    .flatMap((t) => t.split(/[；;，,]/))
    .map((c) => c.trim().replace(/^请客户/, ''))
    .filter((c) => NAMES_WHAT_IT_TAKES.test(c));
  return clauses.length > 0 ? clauses.join(hasCjk(said.join('')) ? '，' : ', ') : undefined;
}

/**
 * Asking what a step takes: 要准备什么材料, 要带啥, 要我准备些么事 (Wuhan), 要留些啥子 (what to keep), what
 * do I actually need to send.
 */
export const ASKS_WHAT_IT_TAKES =
  /(?:要|得|需要|该)我?(?:准备|带|交|提交|提供|拿|留|保留|保存)(?:些|点|哪些)?(?:什么|啥|么子|么事|哪些|什么东西|啥东西|么子东西)|(?:什么|啥|么子|么事|哪些)(?:材料|资料|证件|手续)|准备(?:些|点)?(?:么子|么事|什么|啥)东西|\bwhat (?:do|should|would) (?:i|we) (?:actually |really |still |then )?(?:need|have) to (?:bring|send|provide|show|prepare|give)\b|\bwhat (?:documents?|papers?|paperwork|proof|id) (?:do|should|would)\b/i;

/**
 * What a request needs brought, sent or kept: what its rule's own note names (whatARuleTakes),
 * else the FAQ's sentence on its step; undefined when neither says.
 */
export function whatItTakes(product: Product, rule: string | null, what: string): string | undefined {
  // The rule's own words on its case first: an FAQ sentence is found by shared words, and may be
  // another case's (上传照片申请 of a quality refund, asked after a food-safety ticket).
  return whatARuleTakes(rule) ?? whatAStepTakes(product, [rule ?? '', what]);
}
