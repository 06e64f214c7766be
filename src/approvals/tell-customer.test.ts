import { describe, expect, it } from 'vitest';
import { ApprovalRequestSchema } from '../domain/approval-request.js';
import { isoTimestamp } from '../domain/clock.js';
import { MemoryRecordStore } from '../store/memory/memory-record-store.js';
import { notificationText } from './notification-templates.js';
import { tellCustomer } from './tell-customer.js';

const NOW = new Date('2026-11-30T03:00:00.000Z');
const clock = { now: () => NOW };

async function setUp() {
  const store = new MemoryRecordStore({ clock });
  const customer = await store.create('customer', {
    name: '张先生',
    phone: '13800138000',
    type: 'returning',
    background: '老用户',
    communication_style: '直接',
    special_needs: '无',
    interaction_history: [
      {
        session_id: 'cs_20261129_001_ab12cd',
        timestamp: '2026-11-29T10:00:00.000+08:00',
        type: 'customer_service_call',
        summary: '申请退款200元',
        outcome: 'pending',
      },
    ],
  });
  const request = ApprovalRequestSchema.parse({
    id: 'ap_0123456789ab',
    state: 'approved',
    created_at: '2026-11-30T02:00:00.000Z',
    updated_at: NOW.toISOString(),
    due_at: '2026-11-30T04:00:00.000Z',
    product_id: 'p1234567',
    product_name: '会员订阅服务',
    customer_id: customer._id,
    customer_name: '张先生',
    phone: '13800138000',
    call_id: 'call_0123456789',
    session_id: 'cs_20261129_001_ab12cd',
    language: 'zh',
    action: '退款200元',
    concept: 'refund',
    amount: { value: 200, unit: 'CNY' },
    rule: '退款>=100元',
    reason: '超出当前权限',
    rules_hash: 'h',
    facts: [],
    raised_by: 'rules-agent',
    decided_by: '王主管',
    decided_at: NOW.toISOString(),
    decision_note: '不予退款，客户多次投诉',
    grant_id: null,
    idempotency_key: 'idem_x',
    execution: null,
  });
  return { store, customer, request, deps: { store, env: {}, clock } };
}

describe('tellCustomer', () => {
  it('stores the notification and adds it to the customer’s interaction history', async () => {
    const { store, customer, request, deps } = await setUp();
    const told = await tellCustomer(deps, request, 'approved');

    expect(told).toMatchObject({
      state: 'new',
      customer_id: customer._id,
      product_id: 'p1234567',
      approval_id: request.id,
      call_id: request.call_id,
      session_id: request.session_id,
      language: 'zh',
      news: 'approved',
      content: notificationText(request, 'approved'),
      created_at: NOW.toISOString(),
    });
    expect(told.id).toMatch(/^nt_[0-9a-f]{12}$/);
    expect(await store.getWork('notification', told.id)).toEqual(told);
    expect(await store.listAudit({ kind: 'notification', itemId: told.id })).toEqual([
      expect.objectContaining({ from: null, to: 'new', who: 'system' }),
    ]);

    const history = (await store.get('customer', customer._id))?.interaction_history;
    expect(history).toHaveLength(2);
    expect(history?.[1]).toEqual({
      session_id: 'cs_20261129_001_ab12cd',
      timestamp: isoTimestamp(NOW),
      type: 'notification',
      summary: told.content,
      outcome: 'approved',
      approval_id: request.id,
    });
  });

  it('names the live call in the history when the call was never saved', async () => {
    const { store, customer, request, deps } = await setUp();
    await tellCustomer(deps, { ...request, session_id: null }, 'expired');
    const history = (await store.get('customer', customer._id))?.interaction_history;
    expect(history?.[1]).toMatchObject({ session_id: 'call_0123456789', outcome: 'expired' });
  });

  it('never sends the supervisor’s reason to the customer', async () => {
    const { store, customer, request, deps } = await setUp();
    const told = await tellCustomer(deps, { ...request, state: 'rejected' }, 'rejected');
    expect(told.content).not.toContain('多次投诉');
    expect(told.content).toContain('未能批准');
    const history = (await store.get('customer', customer._id))?.interaction_history;
    expect(JSON.stringify(history)).not.toContain('多次投诉');
  });

  it('tells once when told twice about the same news (a decision retried)', async () => {
    const { store, customer, request, deps } = await setUp();
    const first = await tellCustomer(deps, request, 'approved');
    const again = await tellCustomer(deps, request, 'approved');
    expect(again).toEqual(first);
    expect(await store.listWork('notification')).toHaveLength(1);
    expect((await store.get('customer', customer._id))?.interaction_history).toHaveLength(2);
    // Other news about the same request is a new notification.
    await tellCustomer(deps, request, 'executed');
    expect(await store.listWork('notification')).toHaveLength(2);
    expect((await store.get('customer', customer._id))?.interaction_history).toHaveLength(3);
  });

  it('queues no delivery without CS_WEBHOOK_URL', async () => {
    const { store, request, deps } = await setUp();
    await tellCustomer(deps, request, 'approved');
    expect(await store.listWork('delivery')).toEqual([]);
  });

  it('keeps a webhook it cannot send failed in the outbox, without failing', async () => {
    const { store, request, deps } = await setUp();
    const env = { CS_WEBHOOK_URL: 'ftp://example.invalid/hook' };
    const told = await tellCustomer({ ...deps, env }, request, 'approved');
    const [delivery] = await store.listWork('delivery');
    expect(delivery).toMatchObject({
      state: 'failed',
      notification_id: told.id,
      url: 'ftp://example.invalid/hook',
      attempts: 0,
      last_error: expect.stringContaining('not an http(s) URL'),
      delivered_at: null,
      payload: { id: told.id, type: 'approval.approved', content: told.content, at: told.created_at },
    });
    expect(delivery?.id).toMatch(/^dl_[0-9a-f]{12}$/);
    expect(Date.parse(String(delivery?.next_attempt_at))).toBeGreaterThan(NOW.getTime());
    const trail = await store.listAudit({ kind: 'delivery' });
    expect(trail.map((e) => [e.from, e.to])).toEqual([
      [null, 'pending'],
      ['pending', 'failed'],
    ]);
  });

  it('still keeps the news of a customer deleted since the call', async () => {
    const { store, customer, request, deps } = await setUp();
    await store.delete('customer', customer._id);
    const told = await tellCustomer(deps, request, 'withdrawn');
    expect(await store.getWork('notification', told.id)).toBeDefined();
  });
});
