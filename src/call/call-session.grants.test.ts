import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chargesOf, fakeBackend } from '../../test/support/fake-backend.js';
import { testRecord } from '../../test/support/scenario-records.js';
import { createRulesAgent } from '../agent/rules/rules-agent.js';
import type { Product } from '../domain/record-schemas.js';
import type { CallEvent } from '../domain/session-schemas.js';
import { MemoryRecordStore } from '../store/memory/memory-record-store.js';
import { CallSession } from './call-session.js';

const records = JSON.parse(
  readFileSync(new URL('../../../shared/scenarios/calls/records.json', import.meta.url), 'utf8'),
) as { products: Array<Record<string, unknown>>; customers: Array<Record<string, unknown>> };

const PRODUCT = testRecord('product', '0000000a', records.products[0]!);
const OPERATOR = testRecord('operator', '0000000b', { name: 'HEAR策略' });
const CUSTOMER = testRecord('customer', '0000000c', records.customers[0]!);

/** What reached the backend: each action's kind and amount. */
function done(backend: ReturnType<typeof fakeBackend>): Array<{ concept: string; value?: number }> {
  return backend.applied.map((a) => ({
    concept: a.concept,
    ...(a.quantity ? { value: a.quantity.value } : {}),
  }));
}

/** A clock the test moves. */
function testClock(start = '2026-11-25T08:00:00.000Z') {
  let t = Date.parse(start);
  return { now: () => new Date(t), advanceHours: (h: number) => (t += h * 3_600_000) };
}

/** A call whose caller's charges (500 each) were read first, as money back needs. */
async function call(options: {
  store: MemoryRecordStore;
  backend?: ReturnType<typeof fakeBackend>;
  clock?: ReturnType<typeof testClock>;
  product?: Product;
  callId?: string;
}) {
  const backend =
    options.backend ?? fakeBackend((name) => (name === 'user_billing' ? chargesOf(500, 500) : {}));
  const session = new CallSession({
    participants: {
      product: options.product ?? PRODUCT,
      operator: OPERATOR,
      customer: CUSTOMER,
      phone: '13800138000',
      coldStart: false,
    },
    backend,
    language: 'zh',
    grants: options.store,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.callId ? { callId: options.callId } : {}),
  });
  await session.querySystem({ interfaceName: 'user_billing' });
  const events: CallEvent[] = [];
  session.onEvent((e) => events.push(e));
  return { session, backend, events };
}

describe('CallSession grants', () => {
  it('carries out one approval once', async () => {
    const { session, backend } = await call({ store: new MemoryRecordStore() });
    expect((await session.checkPermission('退款50元')).status).toBe('can_approve_immediately');
    await session.performApprovedAction('退款50元');
    await expect(session.performApprovedAction('退款50元')).rejects.toMatchObject({
      code: 'E_REFUSED',
      message: expect.stringContaining('no unused approval for "退款50元" in this call'),
    });
    expect(done(backend)).toEqual([{ concept: 'refund', value: 50 }]);
  });

  it('refuses to carry out a text with several actions, even if one was approved', async () => {
    const { session, backend } = await call({ store: new MemoryRecordStore() });
    await session.checkPermission('退款50元');
    await expect(session.performApprovedAction('退款50元和退款50元和退款50元')).rejects.toMatchObject({
      code: 'E_REFUSED',
      message: expect.stringContaining('several actions'),
    });
    expect(done(backend)).toEqual([]);
  });

  it('issues no grant for an approval of several actions and says each needs its own', async () => {
    const { session } = await call({ store: new MemoryRecordStore() });
    const d = await session.checkPermission('退款15元然后重置密码');
    expect(d.status).toBe('can_approve_immediately');
    expect(d.grant_id).toBeUndefined();
    expect(d.reason).toContain('请逐项检查并分别办理');
    expect(session.record.grants).toEqual([]);
  });

  it('adds up refunds in one call: 90 approved, then 90 more needs a supervisor', async () => {
    const { session } = await call({ store: new MemoryRecordStore() });
    expect((await session.checkPermission('退款90元')).status).toBe('can_approve_immediately');
    await session.performApprovedAction('退款90元');
    const second = await session.checkPermission('再退款90元');
    expect(second.status).toBe('requires_supervisor');
    expect(second.counted).toEqual([
      { concept: 'refund', unit: 'CNY', call: 90, window: 0, current: 90, total: 180, windowHours: 24 },
    ]);
    expect(session.record.permission_checks[1]).toMatchObject({
      status: 'requires_supervisor',
      counted: second.counted,
    });
  });

  it('counts an approval not yet carried out, but not twice for the same action checked again', async () => {
    const { session } = await call({ store: new MemoryRecordStore() });
    const first = await session.checkPermission('退款60元');
    const again = await session.checkPermission('退款60元');
    expect(again.status).toBe('can_approve_immediately');
    expect(again.grant_id).toBe(first.grant_id);
    expect(session.record.grants).toHaveLength(1);
    expect((await session.checkPermission('再退款60元')).status).toBe('requires_supervisor');
  });

  it('adds up the customer’s refunds across calls within the window, and not after it', async () => {
    const store = new MemoryRecordStore();
    const clock = testClock();
    const one = await call({ store, clock });
    await one.session.checkPermission('退款80元');
    await one.session.performApprovedAction('退款80元');
    clock.advanceHours(23);
    const two = await call({ store, clock });
    const within = await two.session.checkPermission('退款30元');
    expect(within.status).toBe('requires_supervisor');
    expect(within.counted?.[0]).toMatchObject({ call: 0, window: 80, total: 110 });
    clock.advanceHours(2);
    const three = await call({ store, clock });
    expect((await three.session.checkPermission('退款30元')).status).toBe('can_approve_immediately');
  });

  it('uses the product’s own window (permission_window_hours)', async () => {
    const store = new MemoryRecordStore();
    const clock = testClock();
    const product: Product = { ...PRODUCT, permission_window_hours: 72 };
    const one = await call({ store, clock, product });
    await one.session.checkPermission('退款80元');
    await one.session.performApprovedAction('退款80元');
    clock.advanceHours(48);
    const d = await (await call({ store, clock, product })).session.checkPermission('退款30元');
    expect(d.status).toBe('requires_supervisor');
    expect(d.counted?.[0]?.windowHours).toBe(72);
  });

  it('refuses a grant issued under rules that have changed since', async () => {
    const store = new MemoryRecordStore();
    const before = await call({ store, callId: 'call_same' });
    await before.session.checkPermission('退款50元');
    const changed: Product = {
      ...PRODUCT,
      operator_permissions: { ...PRODUCT.operator_permissions, can_approve_immediately: ['退款<60元'] },
    };
    const after = await call({ store, callId: 'call_same', product: changed });
    await expect(after.session.performApprovedAction('退款50元')).rejects.toMatchObject({
      code: 'E_REFUSED',
      message: expect.stringContaining('rules changed'),
    });
    expect(done(after.backend)).toEqual([]);
  });

  it('uses only the call’s own grants', async () => {
    const store = new MemoryRecordStore();
    await (await call({ store })).session.checkPermission('退款50元');
    await expect((await call({ store })).session.performApprovedAction('退款50元')).rejects.toMatchObject({
      code: 'E_REFUSED',
    });
  });

  it('matches the approved request when the action is worded differently', async () => {
    const { session, backend } = await call({ store: new MemoryRecordStore() });
    await session.checkPermission('退款15元');
    await session.performApprovedAction('给客户退款15元。');
    expect(done(backend)).toEqual([{ concept: 'refund', value: 15 }]);
    await expect(session.performApprovedAction('退款15元')).rejects.toMatchObject({ code: 'E_REFUSED' });
  });

  it('carries out the approved amount of a repeated request (N×X)', async () => {
    const product: Product = {
      ...PRODUCT,
      operator_permissions: {
        can_approve_immediately: ['退款<=200元'],
        requires_supervisor: ['退款>200元'],
        requires_process: [],
        forbidden: [],
      },
    };
    const { session, backend } = await call({ store: new MemoryRecordStore(), product });
    expect((await session.checkPermission('退款3次，每次50元')).status).toBe('can_approve_immediately');
    await session.performApprovedAction('退款3次，每次50元');
    expect(done(backend)).toEqual([{ concept: 'refund', value: 150 }]);
  });

  it('records grants and emits grant and action events', async () => {
    const { session, events } = await call({ store: new MemoryRecordStore() });
    const d = await session.checkPermission('退款15元');
    await session.performApprovedAction('退款15元');
    expect(events.map((e) => e.type)).toEqual(['permission_check', 'grant', 'action']);
    expect(events[1]).toMatchObject({
      type: 'grant',
      grant_id: d.grant_id,
      amount: { value: 15, unit: 'CNY' },
    });
    expect(events[2]).toEqual({
      type: 'action',
      action: '退款15元',
      changed: true,
      description: '已办理退款15元',
      grant_id: d.grant_id,
    });
    expect(session.record.grants).toEqual([
      expect.objectContaining({ grant_id: d.grant_id, consumed_at: null }),
    ]);
    expect(session.record.actions_performed).toEqual([
      expect.objectContaining({ action: '退款15元', grant_id: d.grant_id }),
    ]);
  });

  it('keeps the built-in agent to the limits: three refunds of 90 in one call approve only the first', async () => {
    const { session, backend } = await call({ store: new MemoryRecordStore() });
    const agent = createRulesAgent();
    for (const line of ['退款90元', '再退款90元', '再退款90元']) {
      session.addCustomerTurn(line);
      session.addAgentTurn(await agent.reply(session.context(), line));
    }
    expect(session.record.permission_checks.map((c) => c.status)).toEqual([
      'can_approve_immediately',
      'requires_supervisor',
      'requires_supervisor',
    ]);
    expect(done(backend)).toEqual([{ concept: 'refund', value: 90 }]);
  });
});
