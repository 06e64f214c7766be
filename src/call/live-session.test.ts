import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MemoryRecordStore } from '../store/memory/memory-record-store.js';
import { listLiveSessions, startLiveSession } from './live-session.js';

const records = JSON.parse(
  readFileSync(new URL('../../../shared/scenarios/calls/records.json', import.meta.url), 'utf8'),
) as { products: Array<Record<string, unknown>>; customers: Array<Record<string, unknown>> };

const at = (iso: string) => ({ now: () => new Date(iso) });

describe('listLiveSessions', () => {
  it('shows each live call with its product, customer and age', async () => {
    const store = new MemoryRecordStore();
    const product = await store.create('product', records.products[0]!);
    await store.create('operator', { name: 'HEAR策略' });
    const customer = await store.create('customer', records.customers[0]!);
    const { liveId } = await startLiveSession({
      store,
      product: product.name,
      operator: 'HEAR策略',
      caller: { phone: String(customer.phone) },
      language: 'zh',
      clock: at('2026-11-25T08:00:00'),
    });
    const rows = await listLiveSessions(store, { clock: at('2026-11-25T08:03:05') });
    expect(rows).toEqual([
      expect.objectContaining({
        call_id: liveId,
        product: product.name,
        customer: customer.name,
        phone: customer.phone,
        age_seconds: 185,
        age: '3分钟 · 3 min',
        turns: 0,
        ending: false,
      }),
    ]);
  });

  it('shows the id of a customer deleted since the call started', async () => {
    const store = new MemoryRecordStore();
    const product = await store.create('product', records.products[0]!);
    await store.create('operator', { name: 'HEAR策略' });
    const customer = await store.create('customer', records.customers[0]!);
    await startLiveSession({
      store,
      product: product.name,
      operator: 'HEAR策略',
      caller: { customer: customer.name },
      language: 'zh',
    });
    await store.delete('customer', customer._id);
    const [row] = await listLiveSessions(store);
    expect(row?.customer).toBe(customer._id);
  });
});
