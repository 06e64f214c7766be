import type { Product } from '../../domain/record-schemas.js';
import { knowledgeEntries, productNameWords, tokenize } from '../../knowledge/index.js';

/** Sentences of an FAQ answer (Chinese at 。；, English at a full stop or semicolon). */
function sentencesOf(answer: string): string[] {
  return answer
    .split(/[。；;\n]|(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Of the product's FAQ sentences that say the kind of thing wanted (`says`: papers to bring, a
 * time it takes), the one sharing the most words with a step (`words`: its rule and how it was
 * said), with the question of the entry it is from. It must share at least two words and be the
 * single best; the words of the product's own name do not count.
 *
 * @example faqSentence(product, ['退还多缴费用'], /工作日|天/) // 3-5个工作日原路退回
 */
export function faqSentence(
  product: Product,
  words: readonly string[],
  says: RegExp,
): { question: string; sentence: string } | undefined {
  const name = productNameWords(product);
  const step = new Set(tokenize(words.join('，')).filter((t) => !name.has(t) && !/^\d+$/.test(t)));
  if (step.size === 0) return undefined;
  const scored = knowledgeEntries(product)
    .filter((e) => e.kind === 'faq')
    .flatMap((e) => sentencesOf(e.answer).map((sentence) => ({ question: e.question, sentence })))
    .filter((s) => says.test(s.sentence))
    .map((s) => ({
      ...s,
      shared: new Set(tokenize(`${s.question} ${s.sentence}`).filter((t) => step.has(t))).size,
    }))
    .sort((a, b) => b.shared - a.shared);
  const [best, next] = scored;
  if (!best || best.shared < 2 || (next && next.shared === best.shared)) return undefined;
  return { question: best.question, sentence: best.sentence };
}
