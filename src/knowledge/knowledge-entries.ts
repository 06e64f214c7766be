import { type Product, readFaqEntry } from '../domain/record-schemas.js';
import type { KnowledgeHit } from './knowledge-hit.js';

/** One retrievable piece of a product's knowledge: a hit without its score. */
export type KnowledgeEntry = Omit<KnowledgeHit, 'score'>;

/** The fields of a product its knowledge is read from (a whole `Product` will do). */
export type ProductKnowledge = Pick<
  Product,
  'name' | 'description' | 'features' | 'common_issues' | 'solutions' | 'faq'
>;

function texts(value: unknown): string[] {
  return Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item.trim() : '')) : [];
}

/**
 * The entries a product's knowledge offers, in the product's order: each faq (`{q,a}`,
 * `{question,answer}`, or a plain string that is its own question and answer), each common issue with the solution at the same index,
 * each feature, and the description (asked as the product's name).
 *
 * Records are read as stored, so malformed or missing fields give no entries rather than errors;
 * an issue without a solution at its index is left out, since a hit must be something the agent
 * can tell the caller.
 *
 * @example knowledgeEntries(product).filter((entry) => entry.kind === 'faq')
 */
export function knowledgeEntries(product: ProductKnowledge): KnowledgeEntry[] {
  const entries: KnowledgeEntry[] = [];
  if (Array.isArray(product.faq)) {
    for (const item of product.faq as unknown[]) {
      const faq = readFaqEntry(item);
      if (faq) entries.push({ kind: 'faq', ...faq });
    }
  }
  const solutions = texts(product.solutions);
  texts(product.common_issues).forEach((issue, i) => {
    const solution = solutions[i];
    if (issue && solution) entries.push({ kind: 'issue', question: issue, answer: solution });
  });
  for (const feature of texts(product.features)) {
    if (feature) entries.push({ kind: 'feature', question: feature, answer: feature });
  }
  if (typeof product.description === 'string' && product.description.trim()) {
    const name = typeof product.name === 'string' ? product.name.trim() : '';
    entries.push({ kind: 'description', question: name, answer: product.description.trim() });
  }
  return entries;
}
