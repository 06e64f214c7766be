import { base, en, Faker, zh_CN } from '@faker-js/faker';
import { CsError } from '../domain/cs-error.js';
import type { RecordType } from '../domain/record-schemas.js';
import { mockCustomers } from './mock-customers.js';
import { mockOperators } from './mock-operators.js';
import { mockProducts } from './mock-products.js';

/** The largest batch one call generates; bigger ones are more likely a typo than a need. */
export const MAX_MOCK_COUNT = 10_000;

/** The most records one `cs create --mock` run makes, generated and written in batches. */
export const MAX_MOCK_STREAM_COUNT = 1_000_000;

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
  const { count } = options;
  if (!Number.isInteger(count) || count < 0 || count > MAX_MOCK_COUNT) {
    throw new CsError(
      'E_INVALID',
      `Mock count must be a whole number from 0 to ${MAX_MOCK_COUNT}, got ${count}.`,
    );
  }
  return mockRecordSource({ ...options, window: Number.POSITIVE_INFINITY }).take(count);
}

/** Options of {@link mockRecordSource}. */
export type MockRecordSourceOptions = Omit<GenerateRecordsOptions, 'count'> & {
  /**
   * How many names and phones it remembers to avoid repeating them (default 20,000): beyond
   * that it forgets the oldest window, so memory stays flat for a million records; the store
   * refuses a phone repeated across windows, and the caller asks for more.
   */
  window?: number;
};

/** Hands out mock records a batch at a time, from one seeded generator. */
export interface MockRecordSource {
  /** The next `n` records. */
  take(n: number): Array<Record<string, unknown>>;
}

/**
 * Mock records in batches (`cs create --mock --count N` up to a million): the same seed and
 * batch sizes give the same records. Only the names and phones of the current window are
 * remembered, never the records.
 *
 * @example const source = mockRecordSource({ type: 'customer', seed: 1 }); source.take(1000);
 */
export function mockRecordSource(options: MockRecordSourceOptions): MockRecordSource {
  const { type, seed, lang = 'zh' } = options;
  if (!Number.isSafeInteger(seed)) {
    throw new CsError('E_INVALID', `Mock seed must be a whole number, got ${seed}.`);
  }
  // A fresh instance: the global faker is shared state another caller could reseed.
  const faker = new Faker({ locale: lang === 'en' ? [en, base] : [zh_CN, base] });
  faker.seed(seed);
  const window = options.window ?? 20_000;
  const takenNames = new WindowSet(window, options.existingNames);
  const takenPhones = new WindowSet(window, options.existingPhones);
  return {
    take(n) {
      switch (type) {
        case 'product':
          return mockProducts(faker, n, lang, takenNames);
        case 'customer':
          return mockCustomers(faker, n, lang, takenNames, takenPhones);
        case 'operator':
          return mockOperators(faker, n, lang, takenNames);
      }
    },
  };
}

/** A set that forgets everything once it holds `limit` values (what it was given first, too). */
class WindowSet extends Set<string> {
  readonly #limit: number;

  constructor(limit: number, initial?: ReadonlySet<string>) {
    super();
    this.#limit = limit;
    // Added here, not through super(): Set's constructor calls add() before #limit is set.
    for (const value of initial ?? []) super.add(value);
  }

  override add(value: string): this {
    if (this.size >= this.#limit) this.clear();
    return super.add(value);
  }
}
