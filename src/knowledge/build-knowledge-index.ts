import MiniSearch from 'minisearch';
import { type KnowledgeEntry, knowledgeEntries, type ProductKnowledge } from './knowledge-entries.js';
import type { KnowledgeHit } from './knowledge-hit.js';
import { tokenize } from './tokenize.js';

/** Search over one product's knowledge, built once by `buildKnowledgeIndex`. */
export interface KnowledgeIndex {
  /**
   * The entries that answer `query`, best first, at most `limit` (default 3). Queries that share
   * too little with any entry (greetings, thanks, other topics) give `[]`. Scores are BM25 scores
   * (question matches count double): they rank the hits of one search, not hits across searches.
   * Only the first 500 characters of a query are read.
   */
  search(query: string, limit?: number): KnowledgeHit[];
}

/** What MiniSearch indexes per entry; the entry itself stays in our array, found by id. */
interface IndexedDoc {
  id: number;
  question: string;
  answer: string;
}

const DEFAULT_LIMIT = 3;
/** Longer text (a pasted document) is cut here so one search stays within a turn's budget. */
const MAX_QUERY_CHARS = 500;
/** A customer's words name the topic; the question says what an entry is about. */
const QUESTION_BOOST = 2;
/**
 * A hit must cover this share of the query's weight (terms weighted by inverse document
 * frequency): below it, the entry shares only incidental words with the query.
 */
const MIN_COVERAGE = 0.3;
/**
 * A term found only in an entry's answer counts for this much of its weight: an answer mentions
 * much besides what it answers (Account > Membership does not make it an answer about accounts).
 */
const ANSWER_ONLY_CREDIT = 0.5;
/** ... and its BM25 score must reach this share of the best hit's, so weak tails are cut. */
const MIN_SHARE_OF_BEST = 0.25;

/** One letter, CJK in practice: `tokenize` keeps no lone Latin letters. */
const SINGLE_LETTER = /^\p{L}$/u;
const splitOnSpace = (text: string): string[] => text.split(' ');

/**
 * Builds a search index over a product's faq, common issues (with their solutions), features and
 * description. Pure: reads only the record, and the index never changes after it is built.
 *
 * @example
 * const index = buildKnowledgeIndex(product);
 * index.search('想问下会员怎么取消自动续费')[0]?.question // '如何取消会员自动续费？'
 */
export function buildKnowledgeIndex(product: ProductKnowledge): KnowledgeIndex {
  const entries: KnowledgeEntry[] = knowledgeEntries(product);
  // A server builds a session, and so this index, for every chat turn from the product record it
  // reads again; tokenizing every entry was ~10 % of a turn's CPU (bench/serve.bench.mjs). The
  // index is a pure function of the entries and never changes, so equal entries share one.
  const name = String(product.name ?? '');
  const key = JSON.stringify([name, entries]);
  const known = builtIndexes.get(key);
  if (known) {
    builtIndexes.delete(key);
    builtIndexes.set(key, known);
    return known;
  }
  const built = indexEntries(entries, new Set(tokenize(name)));
  builtIndexes.set(key, built);
  if (builtIndexes.size > MAX_CACHED_INDEXES) builtIndexes.delete(builtIndexes.keys().next().value as string);
  return built;
}

/** Indexes built lately, by their entries' JSON, least recently used first. */
const builtIndexes = new Map<string, KnowledgeIndex>();
/** Products a process answers for at once, in practice a handful. */
const MAX_CACHED_INDEXES = 32;

/**
 * `nameTerms`: the words of the product's own name. Every question put to a broadband product is
 * about broadband: when a query has words beyond those, a hit must share one of them (你们这宽带怎么
 * 回事 is not answered by 搬家了宽带能移过去吗, which it shares only 宽带 with). A query of name
 * words alone (会员) still finds what mentions them.
 */
function indexEntries(entries: KnowledgeEntry[], nameTerms: ReadonlySet<string>): KnowledgeIndex {
  // Each text is tokenized once: for the document frequencies here, then handed to MiniSearch.
  const tokensOf = new Map<string, string[]>();
  const tokenizeOnce = (text: string): string[] => {
    let tokens = tokensOf.get(text);
    if (tokens === undefined) {
      tokens = tokenize(text);
      tokensOf.set(text, tokens);
    }
    return tokens;
  };
  const miniSearch = new MiniSearch<IndexedDoc>({
    fields: ['question', 'answer'],
    tokenize: tokenizeOnce,
    // Terms come out of `tokenize` normalised already.
    processTerm: (term) => term,
  });
  const documentFrequency = new Map<string, number>();
  const docs = entries.map((entry, id): IndexedDoc => {
    // A feature's answer repeats its question; indexing it twice would double its weight.
    const answer = entry.kind === 'feature' ? '' : entry.answer;
    for (const term of new Set([...tokenizeOnce(entry.question), ...tokenizeOnce(answer)])) {
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
    return { id, question: entry.question, answer };
  });
  miniSearch.addAll(docs);
  // Searches tokenize their query themselves; the texts' tokens are not needed any more.
  tokensOf.clear();
  const count = entries.length;
  // BM25's idf: rare terms say more about what a query is after than common ones. A term no entry
  // has counts as much as the rarest one: being absent from this product says little about it.
  const weight = (term: string) => {
    const df = Math.max(1, documentFrequency.get(term) ?? 0);
    return Math.log(1 + (count - df + 0.5) / (df + 0.5));
  };

  return {
    search(query: string, limit = DEFAULT_LIMIT): KnowledgeHit[] {
      const max = Number.isFinite(limit) ? Math.floor(limit) : DEFAULT_LIMIT;
      if (count === 0 || max <= 0) return [];
      const terms = [...new Set(tokenize(query.slice(0, MAX_QUERY_CHARS)))];
      if (terms.length === 0) return [];
      let total = 0;
      for (const term of terms) total += weight(term);
      // The terms are final already: search them as they are rather than tokenizing twice.
      const results = miniSearch.search(terms.join(' '), {
        tokenize: splitOnSpace,
        processTerm: (term) => term,
        boost: { question: QUESTION_BOOST },
        // A lone CJK character (扣, 卡) stands for the words it starts (扣费, 卡顿).
        prefix: (term) => SINGLE_LETTER.test(term),
      });
      const beyondName = terms.some((term) => !nameTerms.has(term));
      const best = results[0]?.score ?? 0;
      const hits: KnowledgeHit[] = [];
      for (const result of results) {
        if (hits.length >= max || result.score < best * MIN_SHARE_OF_BEST) break;
        if (beyondName && result.queryTerms.every((term) => nameTerms.has(term))) continue;
        let covered = 0;
        for (const term of result.queryTerms) {
          // A lone character matched by prefix shows up in `match` under the words it starts.
          const fields =
            result.match[term] ?? Object.entries(result.match).find(([word]) => word.startsWith(term))?.[1];
          covered += weight(term) * (fields?.includes('question') ? 1 : ANSWER_ONLY_CREDIT);
        }
        if (covered / total < MIN_COVERAGE) continue;
        const entry = entries[result.id as number]!;
        hits.push({ ...entry, score: Math.round(result.score * 1000) / 1000 });
      }
      return hits;
    },
  };
}
