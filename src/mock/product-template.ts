import type { ApiInterface, PermissionCategory } from '../domain/record-schemas.js';

/** The product categories mock generation covers. */
export const PRODUCT_CATEGORIES = [
  'subscription',
  'cloud_storage',
  'broadband',
  'ecommerce',
  'bank_card',
  'food_delivery',
  'travel',
  'smart_device',
] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

/**
 * A category's material for mock products. Text fields may hold `{brand}`, `{<limit>}` and
 * `{$<limit>}` (the amount in dollars, `$20`) placeholders: one brand and one limit set are drawn
 * per product, so the amounts in escalation criteria, SLA and permission rules always agree.
 * Endpoints keep their own `{user_id}`-style path parameters untouched.
 */
export interface ProductTemplate {
  category: ProductCategory;
  /** The category-specific product name; later copies in a batch get an edition suffix. */
  name: string;
  /** Fictional brands (never real companies), one per product. */
  brands: readonly string[];
  description: string;
  /** Pool: a product lists several, in pool order. */
  features: readonly string[];
  /** Pool of [common issue, its standard solution] pairs, kept aligned by index. */
  issues: ReadonlyArray<readonly [issue: string, solution: string]>;
  /** Pool of questions with answers. */
  faq: ReadonlyArray<{ q: string; a: string }>;
  /** Pool: a product lists several. */
  escalation: readonly string[];
  /** One is picked. */
  sla: readonly string[];
  /** Consistent sets of thresholds; one is picked per product. */
  limits: ReadonlyArray<Readonly<Record<string, number>>>;
  /** All of them are kept: every interface takes the caller (`{user_id}`). */
  api_interfaces: Readonly<Record<string, ApiInterface>>;
  /** Rules in the permission engine's syntax, all four lists non-empty. */
  permissions: Readonly<Record<PermissionCategory, readonly string[]>>;
}

/**
 * A read-only, mock-enabled interface definition, the common case of the templates.
 *
 * @example getApi('查询账单明细', '/api/user/{user_id}/billing', ['user_id', 'date'], ['transactions', 'total'])
 */
export function getApi(
  description: string,
  endpoint: string,
  params: readonly string[],
  responseFields: readonly string[],
): ApiInterface {
  return {
    description,
    endpoint,
    method: 'GET',
    params: [...params],
    response_fields: [...responseFields],
    mock_enabled: true,
  };
}
