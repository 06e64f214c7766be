import { describe, expect, it } from 'vitest';
import { CUSTOMER_ZH, OPERATOR_ZH, PRODUCT_ZH, testRecord } from '../../test/support/scenario-records.js';
import { systemClock } from '../domain/clock.js';
import type { Customer } from '../domain/record-schemas.js';
import type { Review, SessionRecord } from '../domain/session-schemas.js';
import { MemoryRecordStore } from '../store/memory/memory-record-store.js';
import { emptyCallRecord } from './call-session.js';
import { applySessionToCustomer, saveCall } from './finish-call.js';

const review = (customer_updates: Record<string, unknown> = {}): Review => ({
  resolution_status: 'resolved',
  issue_summary: '关闭自动续费',
  actions_taken: ['已办理：取消自动续费'],
  follow_up_required: false,
  customer_updates,
});

/** The fields applySessionToCustomer reads; the rest of a session does not matter to it. */
function session(id: string, updates: Record<string, unknown> = {}): SessionRecord {
  return { session_id: id, timestamp: '2026-11-25T08:00:00+00:00', review: review(updates) } as SessionRecord;
}

describe('applySessionToCustomer', () => {
  it('adds one history entry, and nothing when run again for the same session', () => {
    const once = applySessionToCustomer(CUSTOMER_ZH, session('cs_20261125_001_a'));
    const again = applySessionToCustomer(
      testRecord('customer', CUSTOMER_ZH._id, { ...CUSTOMER_ZH, ...once }),
      session('cs_20261125_001_a'),
    );
    expect(once.interaction_history).toEqual([
      {
        session_id: 'cs_20261125_001_a',
        timestamp: '2026-11-25T08:00:00+00:00',
        type: 'customer_service_call',
        summary: '关闭自动续费',
        outcome: 'resolved',
      },
    ]);
    expect(again.interaction_history).toEqual(once.interaction_history);
  });

  it('keeps a history that is not a list aside instead of losing it', () => {
    // As a hand-edited file holds it: read from disk, not written by this program.
    const customer = testRecord('customer', CUSTOMER_ZH._id, {
      ...CUSTOMER_ZH,
      interaction_history: '2025年投诉过一次',
    });
    const updated = applySessionToCustomer(customer, session('cs_20261125_001_a'));
    expect(updated.interaction_history_legacy).toBe('2025年投诉过一次');
    expect(updated.interaction_history).toHaveLength(1);
  });

  it('never changes the phone through a review', () => {
    const updated = applySessionToCustomer(
      CUSTOMER_ZH,
      session('cs_20261125_001_a', { phone: '13999999999', communication_style: '耐心' }),
    );
    expect(updated.phone).toBe(CUSTOMER_ZH.phone);
    expect(updated.communication_style).toBe('耐心');
  });

  it('ends a cold start once a real name is learned, and not before', () => {
    const cold: Customer = { ...CUSTOMER_ZH, name: '来电客户_8000', _cold_start: true };
    expect(applySessionToCustomer(cold, session('cs_1', { special_needs: '无' }))._cold_start).toBe(true);
    const named = applySessionToCustomer(cold, session('cs_2', { name: '王女士' }));
    expect(named).toMatchObject({ name: '王女士', _cold_start: false });
  });
});

describe('saveCall', () => {
  it('saves the session once per call id and updates the customer once', async () => {
    const store = new MemoryRecordStore();
    const customer = await store.create('customer', { name: '张先生', phone: '13800138000' });
    const input = {
      store,
      product: PRODUCT_ZH,
      operator: OPERATOR_ZH,
      customer,
      phone: '13800138000',
      record: emptyCallRecord('zh', systemClock),
      review: review({ phone: '13900000000', communication_style: '直接' }),
      agent: 'rules',
      tag: 'test',
      callId: 'call_0123456789',
    };
    const first = await saveCall(input);
    const second = await saveCall(input);
    expect(second.sessionId).toBe(first.sessionId);
    expect(first.session.review.customer_updates).toEqual({ communication_style: '直接' });
    const after = await store.get('customer', customer._id);
    expect(after).toMatchObject({ phone: '13800138000', communication_style: '直接' });
    expect(after?.interaction_history).toHaveLength(1);
  });
});
