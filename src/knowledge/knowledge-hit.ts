/** A hit from the product's knowledge (faq, common_issues + solutions, features). */
export interface KnowledgeHit {
  kind: 'faq' | 'issue' | 'feature' | 'description';
  question: string;
  answer: string;
  score: number;
}
