/**
 * Answers from the product's FAQ: retrieval over the whole line and its question clauses, then
 * the closest question, then the entry whose policy the caller quotes back in words of their own.
 */
import type { CallContext } from '../../call/call-agent.js';
import { hasCjk, type Language } from '../../domain/language.js';
import type { Product } from '../../domain/record-schemas.js';
import { knowledgeEntries, productNameWords, stem, tokenize } from '../../knowledge/index.js';
import type { KnowledgeHit } from '../../knowledge/knowledge-hit.js';
import { ASKS_PRICE, clausesOf } from './understand-utterance.js';

/**
 * The product knowledge that answers the utterance: searched whole, then clause by clause, so
 * a question inside a longer turn (我是刘建华，刚买的音箱，保修多久啊？) still finds its answer.
 */
export function knowledgeAnswer(ctx: CallContext, utterance: string): KnowledgeHit | undefined {
  // A turn asks it of the same line several times (is it a question, a policy quoted, a
  // follow-up?); the answer depends on the product and the line only.
  let known = answered.get(ctx);
  if (known === undefined) {
    known = new Map();
    answered.set(ctx, known);
  }
  if (known.has(utterance)) return known.get(utterance);
  const hit = searchedAnswer(ctx, utterance);
  if (known.size < MOST_LINES_KEPT) known.set(utterance, hit);
  return hit;
}

const answered = new WeakMap<CallContext, Map<string, KnowledgeHit | undefined>>();
const MOST_LINES_KEPT = 64;

function searchedAnswer(ctx: CallContext, utterance: string): KnowledgeHit | undefined {
  // A price asked is answered by the entry that prices what the caller names: retrieval alone
  // takes 延保怎么买？多少钱？ for 叫个师傅上门看看得花多少钱 (they share only 多少钱).
  const known = priceAsked(ctx.product, utterance) ?? sameWorkerAsked(ctx, utterance);
  if (known) return known;
  const hit = answerOf(ctx, utterance);
  return hit !== undefined && topical(hit, utterance) ? hit : undefined;
}

/**
 * 那要多久才有结果嘛 names no topic: an entry found by 多久 alone (未成年人能玩多久) is about
 * something else. Only in the entry's own language: across languages no word is shared.
 */
function topical(hit: KnowledgeHit, utterance: string): boolean {
  return hasCjk(hit.question) !== hasCjk(utterance) || namesTopicOf(hit, utterance);
}

/** Words that ask how long, how much or when: shared with an entry, they do not say what it is about. */
const ASKING_TERMS = new Set(['多久', '多少', '多少钱', '几', '什么时候', 'long', 'soon', 'much', 'when']);

/** Whether the line shares with the entry a word of what it is about. */
export function namesTopicOf(hit: KnowledgeHit, utterance: string): boolean {
  const asked = new Set(tokenize(`${hit.question} ${hit.answer}`).filter((t) => !ASKING_TERMS.has(t)));
  return tokenize(utterance).some((t) => asked.has(t));
}

/**
 * 下回咋能还让她来？ The same worker asked for again is asking to name one (指定): the FAQ entry
 * whose question is about naming a worker answers, though the line shares few words with it.
 */
function sameWorkerAsked(ctx: CallContext, utterance: string): KnowledgeHit | undefined {
  if (!SAME_WORKER_AGAIN.test(utterance)) return undefined;
  const search = faqSearch(ctx);
  return (
    search('能指定吗', (hit) => hit.question.includes('指定')) ??
    search('request a specific one', (hit) => /\b(?:request|same|choose|pick)\b/i.test(hit.question))
  );
}

/**
 * 大概几天能到啊？…要是保个价的话怎么收费？ Each further question of the line with an FAQ entry
 * of its own: the entries its other question clauses find besides `first`, in the order asked
 * (two at most).
 */
export function otherAnswers(ctx: CallContext, utterance: string, first: KnowledgeHit): KnowledgeHit[] {
  const search = faqSearch(ctx);
  const clauses = clauseTexts(utterance);
  const out: KnowledgeHit[] = [];
  for (let i = 0; i < clauses.length && out.length < 2; i++) {
    if (!QUESTION_CLAUSE.test(clauses[i]!)) continue;
    // 物业费一平米多少钱？车位一个月啥价？ Each price asked finds the entry pricing what it names,
    // as the line's first price does: retrieval alone may take it for the other one.
    const hit = priceAsked(ctx.product, clauses[i]!) ?? clauseHit(search, clauses, i);
    if (hit && hit.question !== first.question && !out.some((o) => o.question === hit.question))
      out.push(hit);
  }
  return out;
}

type FaqSearch = (text: string, accept?: (hit: KnowledgeHit) => boolean) => KnowledgeHit | undefined;

// Only the FAQ answers callers: the description says what the product is, and a common issue's
// solution is a note for the operator (查询订单后告知), not something to say.
function faqSearch(ctx: CallContext): FaqSearch {
  // The Chinese beside an English caller's words finds a Chinese FAQ; against an FAQ without
  // Chinese it is only words no entry has, which weigh against every entry's coverage.
  const bilingual = faqHasChinese(ctx.product);
  return (text, accept) =>
    ctx.tools
      .searchKnowledge(bilingual ? withChinese(text) : text, 3)
      .find((h) => h.kind === 'faq' && (accept === undefined || accept(h)));
}

const chineseFaq = new WeakMap<object, boolean>();

/** Whether any FAQ entry of the product is written in Chinese. */
function faqHasChinese(product: Product): boolean {
  let has = chineseFaq.get(product);
  if (has === undefined) {
    has = knowledgeEntries(product).some((e) => e.kind === 'faq' && hasCjk(`${e.question}${e.answer}`));
    chineseFaq.set(product, has);
  }
  return has;
}

/** The clauses of a line that say something (two characters or more). */
function clauseTexts(utterance: string): string[] {
  return clausesOf(utterance)
    .map((c) => c.text)
    .filter((c) => c.trim().length >= 2);
}

/**
 * The entry a clause finds read with the clause before it (it may name the topic), else alone.
 * A clause that only points back (how does that work, 那个咋算) is never read alone: its one word
 * (work) would find whatever entry shares it.
 */
function clauseHit(search: FaqSearch, clauses: readonly string[], i: number): KnowledgeHit | undefined {
  if (pointsBack(clauses[i]!)) {
    // Read from the clause it points back to (say I had to cancel, would that cost me, how does
    // that work: the cancelling), and only an entry about what that clause names.
    let j = i - 1;
    while (j >= 0 && pointsBack(clauses[j]!)) j--;
    if (j < 0) return undefined;
    const topic = new Set(tokenize(withChinese(clauses[j]!)));
    return search(clauses.slice(j, i + 1).join('，'), (hit) =>
      tokenize(withChinese(`${hit.question} ${hit.answer}`)).some((t) => topic.has(t)),
    );
  }
  // Before I move my salary over, do you charge a monthly fee? A question that names its own topic
  // in an entry's question (monthly fee) is that entry's, whatever the clause before it names.
  const own = new Set(
    tokenize(withChinese(clauses[i]!)).filter(
      (t) => !ASKING_TERMS.has(t) && (/[\u3400-\u9fff]{2}/.test(t) || /^[a-z]{3,}/.test(t)),
    ),
  );
  const alone =
    own.size > 0
      ? search(clauses[i]!, (hit) => tokenize(withChinese(hit.question)).some((t) => own.has(t)))
      : undefined;
  if (alone) return alone;
  return search(`${i > 0 ? `${clauses[i - 1]}，` : ''}${clauses[i]}`) ?? search(clauses[i]!);
}

/**
 * A pronoun standing as the subject for what was said before (how does that work, what is that
 * gonna add, is it …, 那个咋算, 这样要钱吗); not one a verb takes (can I send it back).
 */
const BACK_REFERENCE =
  /\b(?:does|do|is|will|would|did|was|whats|what's|hows|how's)\s+(?:that|this|it|those|these)\b|\b(?:that|this|it)(?:'s|s)?\s+(?:gonna|going to|works?|costs?|adds?|means?)\b|(?:这个|那个|这样|那样|它)(?:咋|怎么|怎样|是|要|会|得|算|多少)/i;

/**
 * A clause that only points back at what was said before it: a pronoun as its subject, and at
 * most two words of its own.
 */
export function pointsBack(clause: string): boolean {
  return BACK_REFERENCE.test(clause) && tokenize(clause).length <= 2;
}

function answerOf(ctx: CallContext, utterance: string): KnowledgeHit | undefined {
  const search = faqSearch(ctx);
  const clauses = clauseTexts(utterance);
  if (clauses.length < 2) return search(utterance) ?? policyQuoted(ctx.product, utterance);
  // Question clauses first, each with the clause before it (你们不是说超时有赔的嘛，超多久才算啊:
  // the question names the topic only in the clause before).
  const order = clauses
    .map((clause, i) => ({ clause, i, asks: QUESTION_CLAUSE.test(clause) }))
    .sort((a, b) => Number(b.asks) - Number(a.asks) || b.i - a.i);
  for (const { i } of order.filter((o) => o.asks)) {
    const hit = clauseHit(search, clauses, i);
    // 能顺多久 finds 退款多久到账 by 多久: the line's own topic (月卡) decides, read whole below.
    if (hit && topical(hit, utterance)) return hit;
  }
  const asked = order.filter((o) => o.asks).map((o) => o.clause);
  // The line without the clauses that only point back: their words (how does that work) name no
  // topic, the clauses they point to do.
  const named = clauses.filter((c) => !pointsBack(c));
  const found =
    search(named.length < clauses.length ? named.join('，') : utterance) ??
    closestFaq(ctx.product, asked, clauses) ??
    (asked.some((c) => !pointsBack(c))
      ? policyQuoted(ctx.product, asked.filter((c) => !pointsBack(c)).join('，'))
      : undefined);
  if (found) return found;
  // A clause that asks nothing (我的包裹丢了) is answered only by an entry about what it says
  // happened: 俺那个右边耳朵那个助听器 names the product's own thing (助听 of 安耳助听验配中心) and
  // asks nothing about losing it.
  for (const { i } of order.filter((o) => !o.asks)) {
    const hit = clauseHit(search, clauses, i);
    const read = withChinese(clauses.slice(Math.max(0, i - 1), i + 1).join('，'));
    if (hit && sharesBeyondName(hit, read, productNameWords(ctx.product))) return hit;
  }
  return undefined;
}

/**
 * Whether an entry shares with the clause a word that is not the product's name: not
 * one of its words, nor a pair of characters running on from one in the clause (助听器: 助听 is
 * the name's, and so is 听器).
 */
function sharesBeyondName(hit: KnowledgeHit, clause: string, name: ReadonlySet<string>): boolean {
  const asked = new Set(tokenize(withChinese(`${hit.question} ${hit.answer}`)));
  const named = new Set<string>();
  for (const word of name) {
    if (!/^[\u3400-\u9fff]{2}$/.test(word)) continue;
    for (let at = clause.indexOf(word); at >= 0; at = clause.indexOf(word, at + 1)) {
      named.add(clause.slice(Math.max(0, at - 1), at + 1));
      named.add(clause.slice(at + 1, at + 3));
    }
  }
  return tokenize(clause).some((t) => asked.has(t) && !name.has(t) && !named.has(t) && !ASKING_TERMS.has(t));
}

/**
 * The FAQ question sharing the most words with a question the caller asked (with the clause
 * before it), when retrieval found none above its threshold: 你们不是说超时有赔的嘛，超多久才算
 * shares 超时, 多久 and 赔 with 超时多久有赔付. At least two shared terms, and a single best.
 */
function closestFaq(
  product: Product,
  asked: readonly string[],
  clauses: readonly string[],
): KnowledgeHit | undefined {
  if (asked.length === 0) return undefined;
  const faq = knowledgeEntries(product).filter((e) => e.kind === 'faq');
  const wanted = new Set(
    asked.flatMap((clause) => {
      const i = clauses.indexOf(clause);
      return tokenize(withChinese(`${i > 0 ? clauses[i - 1] : ''}，${clause}`));
    }),
  );
  const scored = faq
    .map((e) => ({ e, shared: new Set(tokenize(e.question).filter((t) => wanted.has(t))).size }))
    .sort((a, b) => b.shared - a.shared);
  const [best, next] = scored;
  if (!best || best.shared < 2 || (next && next.shared === best.shared)) return undefined;
  return { kind: 'faq', question: best.e.question, answer: best.e.answer, score: best.shared };
}

/**
 * English words of customer service with their Chinese, added beside them (not replacing them):
 * an English caller's question then also finds a product's Chinese FAQ (what time can I check
 * in → 几点入住), and English FAQs keep matching in English.
 */
const BILINGUAL: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bwhat time\b|\bhow early\b|\bhow late\b/g, '几点'],
  [/\bhow long\b/g, '多久'],
  [/\bcheck[- ]?in\b/g, '入住'],
  [/\bcheck[- ]?out\b/g, '退房'],
  [/\brefunds?\b/g, '退款'],
  [/\bcancel\w*/g, '取消'],
  [/\b(?:invoice|receipt)s?\b/g, '发票'],
  [/\bwarranty\b/g, '保修'],
  [/\bdeliver\w*/g, '配送'],
  [/\bpassword\b/g, '密码'],
  [/\bbills?\b/g, '账单'],
  [/\bfees?\b/g, '费用'],
  [/\bbreakfast\b/g, '早餐'],
  [/\bparking\b/g, '停车'],
  [/\bwi-?fi\b/g, '无线网络'],
];

/**
 * The text with the Chinese of its customer-service words beside them (BILINGUAL), and a question
 * asked as 能报不 / 能退不 read as 能报吗: the FAQ's 报 is not the caller's 报不.
 */
function withChinese(given: string): string {
  // 伐 asks as 吗 does in Wu speech (好弄伐, 要铜钿伐).
  const text = given.replace(/([\u4e00-\u9fff])[不伐](?=\s*(?:[？?，,。.！!]|$))/g, '$1吗');
  if (!/[a-z]/i.test(text)) return text;
  let out = text.toLowerCase();
  for (const [pattern, word] of BILINGUAL) out = out.replace(pattern, (m) => `${m} ${word}`);
  return out;
}

/**
 * The same worker asked for again: 还让她来, 再派他来, 继续找上次那个, 还要原来那位, 同一个师傅,
 * the same cleaner again.
 */
const SAME_WORKER_AGAIN =
  /(?:还|再|继续)(?:能|可以)?(?:让|叫|派|找|要|约|点|用)(?:她|他|上次(?:那|这)?(?:个|位)?|原来(?:那|这)?(?:个|位)?|这(?:个|位)|那(?:个|位))|同一(?:个|位)(?:阿姨|师傅|人)|\b(?:the same|that same) (?:cleaner|driver|worker|technician|person|guy|lady|tutor|stylist)\b|\b(?:get|have|book|request) (?:her|him) again\b/i;

/** An FAQ answer as said: one in the other language is introduced as the product's own words. */
export function faqAnswer(answer: string, lang: Language): string {
  if (lang === 'en' && hasCjk(answer)) return `Our FAQ says (in Chinese): ${answer}`;
  return answer;
}

/** A clause that asks something. */
export const QUESTION_CLAUSE =
  /[不没伐]\s*$|来得及|吗|伐|呢|嘛|么|几|多少|多久|啥|什么|怎么|咋|会不会|有没有|能不能|是不是|哪|谁|\b(?:how|what|when|which|who|where|why|can|could|do|does|is|are)\b/i;

/** Characters and words that say nothing about which policy is meant. */
const FUNCTION_UNITS = new Set([
  ...'的了是不我你他她它们在有和就都也还吗呢吧啊么什怎样这那个说要会能可以把被给对到为与及或而且但如果请问您'.split(
    '',
  ),
  ...[
    'the',
    'and',
    'for',
    'you',
    'your',
    'our',
    'that',
    'this',
    'with',
    'are',
    'was',
    'not',
    "isn't",
    'what',
    'can',
    'get',
  ],
]);

/** Chinese characters and English words (three letters or more) of a text, lower-cased. */
function unitsOf(text: string, leaveOut: ReadonlySet<string>): Set<string> {
  const units = text.toLowerCase().match(/\p{Script=Han}|[a-z][a-z']{2,}/gu) ?? [];
  return new Set(units.filter((u) => !FUNCTION_UNITS.has(u) && !leaveOut.has(u)).map(stem));
}

/**
 * The FAQ entry whose answer the caller quotes back (不是说刷够次数就免吗 → 年费怎么免?, whose answer
 * is 刷卡消费满6次即免次年年费), when retrieval and the closest question found none: the caller's
 * characters or words that occur in one entry only, question and answer together, and none of
 * the product's name. At least three such, and at least twice as many as any other entry's.
 */
export function policyQuoted(product: Product, asked: string): KnowledgeHit | undefined {
  const faq = knowledgeEntries(product).filter((e) => e.kind === 'faq');
  if (faq.length === 0) return undefined;
  const name = unitsOf(String(product.name ?? ''), new Set());
  const entries = faq.map((e) => unitsOf(`${e.question} ${e.answer}`, name));
  const entriesHolding = new Map<string, number>();
  for (const units of entries) for (const u of units) entriesHolding.set(u, (entriesHolding.get(u) ?? 0) + 1);
  const said = [...unitsOf(asked, name)];
  const scored = entries
    .map((units, i) => ({
      i,
      shared: said.filter((u) => units.has(u) && entriesHolding.get(u) === 1).length,
    }))
    .sort((a, b) => b.shared - a.shared);
  const [best, next] = scored;
  if (!best || best.shared < 3 || (next && next.shared * 2 > best.shared)) return undefined;
  const entry = faq[best.i]!;
  return { kind: 'faq', question: entry.question, answer: entry.answer, score: best.shared };
}

/** An amount of money in an answer: 50元, 99块, 30英镑, 20欧元, $17.99, £12, €9.50, R119, 17.99 dollars, 12 pounds. */
const MONEY_IN_ANSWER =
  /\d+(?:\.\d+)?\s*(?:元|块|英?镑|欧元)|[$¥￥£￡€]\s*\d|\bR\d|\d\s*(?:dollars|usd|yuan|pounds?|quid|gbp|euros?|eur|rand|zar)\b/i;
/** Words of asking a price or paying it: shared with an entry, they do not say which thing is priced. */
const PRICE_UNITS = new Set([
  ...'多少几钱花收费价格贵交缴付'.split(''),
  'how',
  'much',
  'cost',
  'costs',
  'price',
]);

/**
 * The FAQ entry that prices what the caller asks the price of (叫个师傅上门看看得花多少钱 →
 * 过了保修期上门怎么收费: 上门检测费50元; how much is premium → the plans, Premium $17.99): of the
 * entries whose answer gives an amount, the one sharing the most of the caller's characters or
 * words beyond the price words (those of its question counting double), with a single best.
 */
export function priceAsked(product: Product, utterance: string): KnowledgeHit | undefined {
  if (!ASKS_PRICE.test(utterance)) return undefined;
  const name = unitsOf(String(product.name ?? ''), new Set());
  const said = [...unitsOf(utterance, name)].filter((u) => !PRICE_UNITS.has(u));
  // Words of two characters or more the caller shares with an entry's question (还车, 押金): a
  // character alone may be a function word there (还 of 还有) and a content word here (还车).
  const words = new Set(
    tokenize(utterance).filter((t) => hasCjk(t) && t.length >= 2 && !/[多少钱费价]/.test(t)),
  );
  const scored = knowledgeEntries(product)
    .filter((e) => e.kind === 'faq' && MONEY_IN_ANSWER.test(e.answer))
    .map((e) => {
      const asked = unitsOf(e.question, name);
      const units = unitsOf(`${e.question} ${e.answer}`, name);
      // A word of the entry's question says more than one of its answer (bring in "Can I bring a
      // guest?"); between entries that share as much, the one asked as a price list wins.
      let shared = ASKS_PRICE.test(e.question) ? 0.5 : 0;
      for (const u of said) if (units.has(u)) shared += asked.has(u) ? 2 : 1;
      for (const t of new Set(tokenize(e.question))) if (words.has(t)) shared += 1;
      return { e, shared };
    })
    .sort((a, b) => b.shared - a.shared);
  const [best, next] = scored;
  // A Chinese character says less than an English word: two of them at least.
  const least = hasCjk(utterance) ? 2 : 1;
  if (!best || best.shared < least || (next && next.shared === best.shared)) return undefined;
  return { kind: 'faq', question: best.e.question, answer: best.e.answer, score: best.shared };
}
