// Test fixtures for the operations' unit tests: a memory store holding the scenario records,
// created the way `cs create` creates them, and a way to catch the CsError an operation throws.

import { CsError } from '../../src/domain/cs-error.js';
import { createRecord, userFields } from '../../src/records/record-service.js';
import { MemoryRecordStore } from '../../src/store/memory/memory-record-store.js';
import { CUSTOMER_ZH, OPERATOR_ZH, OTHER_CUSTOMERS, PRODUCT_ZH } from './scenario-records.js';

/** A customer's fields: the required ones, with `extra` on top. */
export function customerFields(name: string, phone: string, extra: Record<string, unknown> = {}) {
  return {
    name,
    phone,
    type: 'returning',
    background: '老用户',
    communication_style: '直接',
    special_needs: '无',
    ...extra,
  };
}

/**
 * A memory store with the scenario product (会员订阅服务), operator (HEAR策略) and customers
 * 张先生 (13800138000) and 李女士 (13912345678).
 */
export async function scenarioStore(): Promise<MemoryRecordStore> {
  const store = new MemoryRecordStore();
  await createRecord(store, 'product', userFields(PRODUCT_ZH));
  await createRecord(store, 'operator', userFields(OPERATOR_ZH));
  await createRecord(store, 'customer', userFields(CUSTOMER_ZH));
  const other = OTHER_CUSTOMERS[0] as { name: string; phone: string };
  await createRecord(store, 'customer', customerFields(other.name, other.phone, { type: 'vip' }));
  return store;
}

/** The CsError `work` fails with; a test fails when it succeeds or throws anything else. */
export async function csFailure(work: Promise<unknown>): Promise<CsError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!CsError.isInstance(error)) throw new Error(`expected a CsError, got ${String(error)}`);
  return error;
}
