import { type Product, REQUIRED_FIELDS } from '../domain/record-schemas.js';
import { extractNumbers } from './extract-facts.js';

/** What a product states facts in: every field of the seed's but its name and its interfaces. */
function isFactField(field: string): boolean {
  return field !== 'name' && field !== 'api_interfaces';
}

/**
 * Numbers the product itself states (rule thresholds, SLA hours, FAQ days): a reply may repeat
 * them, so they are the guard's `allowedNumbers`.
 *
 * @example productNumbers({ sla: '主管审批2小时内回复', ... }) // [2, ...]
 */
export function productNumbers(product: Product): number[] {
  const fields = REQUIRED_FIELDS.product.filter(isFactField);
  return extractNumbers(fields.map((f) => JSON.stringify(product[f] ?? '')).join('\n'));
}
