import { createHmac, timingSafeEqual } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MemoryRecordStore } from '../store/memory/memory-record-store.js';
import {
  addDelivery,
  deliverOne,
  deliverPending,
  listDeliveries,
  signWebhookBody,
  type WebhookPayload,
  webhookTimeoutMs,
} from './webhook-outbox.js';

const payload: WebhookPayload = {
  id: 'nt_0123456789ab',
  type: 'approval.approved',
  approval_id: 'ap_0123456789ab',
  customer_id: 'c1234567',
  product_id: 'p1234567',
  call_id: 'call_0123456789',
  session_id: null,
  language: 'zh',
  content: '您好，您在会员订阅服务申请的退款200元已经主管批准。',
  at: '2026-11-30T03:00:00.000Z',
};

/** What a receiver does: HMAC the raw body with the shared secret, compare in constant time. */
function verify(body: string, header: string, secret: string): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

describe('signWebhookBody', () => {
  it('signs the exact body so a receiver can verify it with createHmac', () => {
    const body = JSON.stringify(payload);
    const signature = signWebhookBody(body, 's3cret');
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verify(body, signature, 's3cret')).toBe(true);
  });

  it('does not verify with another secret or a changed body', () => {
    const body = JSON.stringify(payload);
    const signature = signWebhookBody(body, 's3cret');
    expect(verify(body, signature, 'other')).toBe(false);
    expect(verify(body.replace('200', '2000'), signature, 's3cret')).toBe(false);
  });
});

describe('webhookTimeoutMs', () => {
  it.each([
    [undefined, 5000],
    ['300', 300],
    ['0', 5000],
    ['soon', 5000],
  ])('CS_WEBHOOK_TIMEOUT_MS=%s gives %i ms', (value, expected) => {
    expect(webhookTimeoutMs(value === undefined ? {} : { CS_WEBHOOK_TIMEOUT_MS: value })).toBe(expected);
  });
});

describe('the outbox', () => {
  const clock = { now: () => new Date('2026-11-30T03:00:00.000Z') };

  it('adds one delivery per notification however often it is added', async () => {
    const store = new MemoryRecordStore();
    const first = await addDelivery({ store, clock }, payload, 'http://127.0.0.1:9/hook');
    const again = await addDelivery({ store, clock }, payload, 'http://127.0.0.1:9/hook');
    expect(again.id).toBe(first.id);
    expect(await listDeliveries(store)).toHaveLength(1);
    expect(await listDeliveries(store, { state: 'pending' })).toHaveLength(1);
    expect(await listDeliveries(store, { state: 'delivered' })).toEqual([]);
  });

  it('refuses to retry a delivery that does not exist, naming it', async () => {
    const store = new MemoryRecordStore();
    await expect(deliverPending({ store, env: {}, clock }, { ids: ['dl_000000000000'] })).rejects.toThrow(
      /No webhook delivery dl_000000000000/,
    );
  });

  it('leaves a delivery another process is sending alone', async () => {
    const store = new MemoryRecordStore();
    const delivery = await addDelivery({ store, clock }, payload, 'ftp://nowhere');
    await store.changeWork('delivery', delivery.id, (doc) => ({
      doc: { ...doc, claim: { token: 'other', until: '2026-11-30T04:00:00.000Z' } },
    }));
    const result = await deliverOne({ store, env: {}, clock }, delivery.id);
    expect(result.outcome).toBe('skipped');
    expect((await store.getWork('delivery', delivery.id))?.state).toBe('pending');
  });

  it('refuses a malformed stored delivery as corrupt', async () => {
    const store = new MemoryRecordStore();
    await store.addWork('delivery', {
      id: 'dl_0123456789ab',
      state: 'pending',
      created_at: 'x',
      updated_at: 'x',
    });
    await expect(listDeliveries(store)).rejects.toMatchObject({ code: 'E_CORRUPT' });
  });
});
