import { describe, expect, it } from 'vitest';
import { MemoryRecordStore } from '../store/memory/memory-record-store.js';
import { listApprovalsOperation } from './approval-operations.js';
import { runParsedOperation } from './define-operation.js';

const NOW = '2026-12-02T12:00:00.000Z';

function pending(i: number, due: string) {
  const created = `2026-12-02T0${i}:00:00.000Z`;
  return {
    id: `ap_00000000000${i}`,
    state: 'pending',
    created_at: created,
    updated_at: created,
    due_at: due,
    product_id: 'p1',
    product_name: '会员订阅服务',
    customer_id: `c${i}`,
    customer_name: `客户${i}`,
    phone: `1380013800${i}`,
    action: '退款200元',
    amount: null,
  };
}

describe('list_approvals', () => {
  it('reads the inbox a page at a time, oldest first, and says when there is more', async () => {
    const store = new MemoryRecordStore();
    for (let i = 1; i <= 5; i++) await store.addWork('approval', pending(i, '2026-12-02T23:00:00.000Z'));
    const deps = { store, env: { CS_NOW: NOW } };
    const page = await runParsedOperation(listApprovalsOperation, deps, { state: 'pending', limit: 2 });
    expect(page.output.requests.map((r) => r.id)).toEqual(['ap_000000000001', 'ap_000000000002']);
    expect(listApprovalsOperation.note?.(page.output, page.input)).toContain('--limit 0');
    const all = await runParsedOperation(listApprovalsOperation, deps, { state: 'pending', limit: 0 });
    expect(all.output.requests).toHaveLength(5);
    expect(all.output.more).toBe(false);
    const one = await runParsedOperation(listApprovalsOperation, deps, { customer: '客户4' });
    expect(one.output.requests.map((r) => r.id)).toEqual(['ap_000000000004']);
  });

  it('lists the overdue ones, the longest late first', async () => {
    const store = new MemoryRecordStore();
    await store.addWork('approval', pending(1, '2026-12-02T11:00:00.000Z'));
    await store.addWork('approval', pending(2, '2026-12-02T09:00:00.000Z'));
    await store.addWork('approval', pending(3, '2026-12-02T13:00:00.000Z'));
    const { output } = await runParsedOperation(
      listApprovalsOperation,
      { store, env: { CS_NOW: NOW } },
      { overdue: true },
    );
    expect(output.requests.map((r) => r.id)).toEqual(['ap_000000000002', 'ap_000000000001']);
  });
});
