import type { CallContext } from '../../call/call-agent.js';
import type { RequestEntry } from '../../domain/session-schemas.js';
import { knowledgeEntries, tokenize } from '../../knowledge/index.js';
import type { KnowledgeHit } from '../../knowledge/knowledge-hit.js';
import { callerLines } from './caller-words.js';
import { faqSentence } from './faq-sentence.js';
import { knowledgeAnswer } from './knowledge-answer.js';

/**
 * Words that ask when, how long or whether, and what comes of it (多长时间能到账, 几天能好, how long
 * will it take): they name no topic of their own.
 */
const ASKING_ONLY =
  /多长时间|多久|几天|几个工作日|多少天|什么时候|啥时候|几时|哪天|大概|一般|通常|那么?|这个|那个|要|能|会|可以|得|才|就|到账|到|好|办完|办好|弄好|下来|回来|[吗呢啊呀哈嘛么]|\b(?:how|long|when|will|would|does|do|it|that|this|take|takes|get|come|back|arrive|be|done|usually|roughly|about|till|until|the|money|before|i|see)\b/gi;

/** Asking how long or when (多长时间, 几天, 什么时候, how long, when). */
const ASKS_WHEN =
  /多长时间|多久|几天|几个工作日|多少天|什么时候|啥时候|几时|哪天|\bhow long\b|\bhow soon\b|\bwhen\b/i;

/** A sentence saying how long something takes (3-5个工作日, 24小时内, within 3 business days). */
const SAYS_HOW_LONG =
  /\d\s*(?:个)?(?:工作日|天|小时|分钟|周)|\b\d+\s*(?:business )?(?:days?|hours?|minutes?|weeks?)\b/i;

/** The words of a product's FAQ, tokenized once per product record (a call asks many times). */
const faqWordsOf = new WeakMap<object, Set<string>>();
function faqWords(product: CallContext['product']): Set<string> {
  let words = faqWordsOf.get(product);
  if (words === undefined) {
    words = new Set(
      knowledgeEntries(product)
        .filter((e) => e.kind === 'faq')
        .flatMap((e) => tokenize(`${e.question} ${e.answer}`)),
    );
    faqWordsOf.set(product, words);
  }
  return words;
}

/**
 * 多长时间能到账？ after a refund was given: a question that names nothing the product's knowledge
 * names (what is left of it once its asking words go shares no word with the FAQ) is read with
 * the topic of the latest request this call took up (its rule and its words: 退还多缴费用). How
 * long or when is the FAQ sentence on that topic saying a time (3-5个工作日原路退回); anything else
 * is the entry the request's words find. None when the line names a topic of its own, the call took
 * nothing up, or nothing is found.
 */
export function followUpAnswer(ctx: CallContext, utterance: string): KnowledgeHit | undefined {
  const taken = takenUp(ctx).at(-1);
  if (taken === undefined) return undefined;
  const known = faqWords(ctx.product);
  const own = tokenize(utterance.replace(ASKING_ONLY, ' ')).filter((t) => !/^\d+$/.test(t));
  if (own.some((t) => known.has(t))) return undefined;
  // The request's words without its amount (退还多缴费用86.4元 → 退还多缴费用, refund £12 → refund),
  // and the line the caller asked it in (多缴的四十块钱给我退了吧: the rule's 退费 alone says little).
  const asked = taken.turn === undefined ? undefined : callerLines(ctx)[taken.turn];
  const topic = [taken.rule, taken.what, asked]
    .filter((t) => t !== null && t !== undefined)
    .map((t) =>
      t.replace(
        /[<>≤≥=]?\s*[$£€]?\d+(?:\.\d+)?\s*(?:元|块|美元|英镑|欧元|dollars?|(?:pounds?|quid|euros?)\b)?/g,
        '',
      ),
    );
  if (ASKS_WHEN.test(utterance)) {
    const found = faqSentence(ctx.product, topic, SAYS_HOW_LONG);
    if (found) return { kind: 'faq', question: found.question, answer: found.sentence, score: 1 };
  }
  return knowledgeAnswer(ctx, `${topic.slice(0, 2).join('，')}，${utterance}`);
}

/** The requests this call took up and still holds: neither withdrawn nor refused, in order. */
export function takenUp(ctx: CallContext): RequestEntry[] {
  return (ctx.requests ?? []).filter((e) => !e.withdrawn && e.state !== 'refused');
}
