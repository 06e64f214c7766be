import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { updateRecord } from '../records/record-service.js';
import { MemoryRecordStore } from '../store/memory/memory-record-store.js';
import { createMockBackend } from '../systems/mock-backend.js';
import { CallSession } from './call-session.js';
import { startCall } from './start-call.js';

const records = JSON.parse(
  readFileSync(new URL('../../../shared/scenarios/calls/records.json', import.meta.url), 'utf8'),
) as { products: Array<Record<string, unknown>> };

async function storeWithProduct() {
  const store = new MemoryRecordStore();
  const product = await store.create('product', records.products[0]!);
  await store.create('operator', { name: 'HEAR策略' });
  return { store, product };
}

describe('startCall', () => {
  it('makes a new caller without a number a cold start with no phone', async () => {
    const { store, product } = await storeWithProduct();
    const call = await startCall({
      store,
      product: product.name,
      operator: 'HEAR策略',
      caller: { new: true },
    });
    expect(call.phone).toBe('');
    expect(call.coldStart).toBe(true);
    expect(call.customer).not.toHaveProperty('phone');
    expect(call.customer).toMatchObject({ type: 'new', _cold_start: true, _phone_unknown: true });
    expect(String(call.customer.name)).toMatch(/^来电客户_新_[0-9a-f]{4}$/);
  });

  it('keeps two new callers apart', async () => {
    const { store, product } = await storeWithProduct();
    const start = () =>
      startCall({ store, product: product.name, operator: 'HEAR策略', caller: { new: true } });
    const [a, b] = [await start(), await start()];
    expect(a.customer._id).not.toBe(b.customer._id);
    expect(await store.summaries('customer')).toHaveLength(2);
  });

  it('names an unknown number by its last four digits', async () => {
    const { store, product } = await storeWithProduct();
    const call = await startCall({
      store,
      product: product.name,
      operator: 'HEAR策略',
      caller: { phone: '139 0000 4567' },
    });
    expect(call).toMatchObject({ phone: '13900004567', coldStart: true });
    expect(call.customer).toMatchObject({ name: '来电客户_4567', phone: '13900004567' });
    expect(call.customer).not.toHaveProperty('_phone_unknown');
  });

  it('refuses to look up the account of a caller whose phone is unknown, recording why', async () => {
    const { store, product } = await storeWithProduct();
    const participants = await startCall({
      store,
      product: product.name,
      operator: 'HEAR策略',
      caller: { new: true },
    });
    const session = new CallSession({ participants, backend: createMockBackend({ store }), language: 'zh' });
    const name = Object.keys(product.api_interfaces as object)[0]!;
    const result = await session.querySystem({ interfaceName: name });
    expect(result.ok).toBe(false);
    expect(result.error).toContain('来电号码未知');
    expect(session.record.system_queries).toHaveLength(1);
    expect(await store.listMockStates()).toEqual([]);
  });

  it('lets the customer be updated without a phone, and become ordinary once one is given', async () => {
    const { store, product } = await storeWithProduct();
    const { customer } = await startCall({
      store,
      product: product.name,
      operator: 'HEAR策略',
      caller: { new: true },
    });
    const styled = await updateRecord(
      store,
      'customer',
      { id: customer._id },
      { communication_style: '直接' },
    );
    expect(styled).toMatchObject({ communication_style: '直接', _phone_unknown: true });
    const phoned = await updateRecord(store, 'customer', { id: customer._id }, { phone: '13900001111' });
    expect(phoned).toMatchObject({ phone: '13900001111', _phone_unknown: false });
    expect((await store.findCustomerByPhone('13900001111'))?._id).toBe(customer._id);
  });
});
