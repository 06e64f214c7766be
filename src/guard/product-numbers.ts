import type { StoredRecord } from '../domain/record-schemas.js';
import { extractNumbers } from './extract-facts.js';

const PRODUCT_FIELDS = [
  'description',
  'features',
  'common_issues',
  'solutions',
  'faq',
  'escalation_criteria',
  'sla',
  'operator_permissions',
] as const;

/**
 * Numbers the product itself states (rule thresholds, SLA hours, FAQ days): a reply may repeat
 * them, so they are the guard's `allowedNumbers`.
 *
 * @example productNumbers({ sla: '主管审批2小时内回复', ... }) // [2, ...]
 */
export function productNumbers(product: StoredRecord): number[] {
  return extractNumbers(PRODUCT_FIELDS.map((f) => JSON.stringify(product[f] ?? '')).join('\n'));
}
