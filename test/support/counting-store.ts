// Test double (not shipped): the real MemoryRecordStore, counting mock-state writes so a test can
// tell generating a mock response from reading one.

import type { AnyRecord, Product } from '../../src/domain/record-schemas.js';
import { MemoryRecordStore } from '../../src/store/memory/memory-record-store.js';

/** MemoryRecordStore with a counter of `updateMockState` calls. */
export class CountingStore extends MemoryRecordStore {
  /** How many times updateMockState ran. */
  mockWrites = 0;

  override async updateMockState(
    productId: string,
    phone: string,
    change: (current: Record<string, unknown> | undefined) => Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    this.mockWrites++;
    return super.updateMockState(productId, phone, change);
  }

  /** Stores a fixture record under its own id (and _created), as if it had been loaded. */
  async add(record: AnyRecord): Promise<AnyRecord> {
    return this.create(record._type, record, { id: record._id });
  }
}

/**
 * A CountingStore holding these products and customers.
 *
 * @example const store = await createFakeStore({ products: [scenarioProduct()] })
 */
export async function createFakeStore(
  options: { products?: Product[]; customers?: Array<{ id: string; name: string; phone: string }> } = {},
): Promise<CountingStore> {
  const store = new CountingStore();
  for (const product of options.products ?? []) await store.add(product);
  for (const { id, ...fields } of options.customers ?? []) await store.create('customer', fields, { id });
  return store;
}

export type FakeStore = CountingStore;
