import { base, en, Faker, zh_CN } from '@faker-js/faker';
import { CsError } from '../domain/cs-error.js';
import type { RecordType } from '../domain/record-schemas.js';
import { mockCustomers } from './mock-customers.js';
import { mockOperators } from './mock-operators.js';
import { mockProducts } from './mock-products.js';

/** The largest batch one call generates; bigger ones are more likely a typo than a need. */
export const MAX_MOCK_COUNT = 10_000;

/** Options of {@link generateRecords}. */
export interface GenerateRecordsOptions {
  type: RecordType;
  count: number;
  /** Same seed, same options: the same records, on every machine. */
  seed: number;
  /** Language of names and texts; default 'zh'. */
  lang?: 'zh' | 'en';
  /** Normalised phones already in the database: generated customers never reuse them. */
  existingPhones?: ReadonlySet<string>;
  /** Names already in the database for this type: generated names avoid them. */
  existingNames?: ReadonlySet<string>;
}

/**
 * Realistic mock records a person would believe, valid against FIELD_SCHEMAS[type] and
 * deterministic for a seed: products across eight categories with api_interfaces and
 * operator_permissions, customers with unique mainland mobiles and believable personas,
 * operators following HEAR, LAST and LEARN. Names are unique within a batch.
 *
 * @example generateRecords({ type: 'customer', count: 3, seed: 42 })
 * @example generateRecords({ type: 'product', count: 8, seed: 1, lang: 'en' })
 */
export function generateRecords(options: GenerateRecordsOptions): Array<Record<string, unknown>> {
  const { type, count, seed, lang = 'zh' } = options;
  if (!Number.isInteger(count) || count < 0 || count > MAX_MOCK_COUNT) {
    throw new CsError(
      'E_INVALID',
      `Mock count must be a whole number from 0 to ${MAX_MOCK_COUNT}, got ${count}.`,
    );
  }
  if (!Number.isSafeInteger(seed)) {
    throw new CsError('E_INVALID', `Mock seed must be a whole number, got ${seed}.`);
  }
  // A fresh instance per call: the global faker is shared state another caller could reseed.
  const faker = new Faker({ locale: lang === 'en' ? [en, base] : [zh_CN, base] });
  faker.seed(seed);
  const takenNames = new Set(options.existingNames);
  switch (type) {
    case 'product':
      return mockProducts(faker, count, lang, takenNames);
    case 'customer':
      return mockCustomers(faker, count, lang, takenNames, new Set(options.existingPhones));
    case 'operator':
      return mockOperators(faker, count, lang, takenNames);
  }
}
