import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../src/domain/session-schemas.js';
import type { CallJournalHeader } from '../../src/store/call-journal.js';
import type { CustomerChangeForSession, RecordStore } from '../../src/store/record-store.js';
import type { ContractStore } from './record-store-contract.js';

const customer = { name: '张先生', phone: '13800138000', type: 'returning', background: '老用户' };

function session(id: string, callId: string, customerId: string): SessionRecord {
  return {
    session_id: id,
    product: '会员订阅服务',
    customer: '张先生',
    operator: 'HEAR策略',
    timestamp: '2026-11-30T10:00:00+08:00',
    conversation: [{ role: 'customer', content: '我要退款' }],
    review: {
      resolution_status: 'interrupted',
      issue_summary: '退款',
      actions_taken: [],
      follow_up_required: true,
      customer_updates: {},
    },
    call_id: callId,
    customer_id: customerId,
  };
}

/** Adds the session's entry unless it is there: what saveCall's customer change does. */
const addEntry = (customerId: string): CustomerChangeForSession => ({
  id: customerId,
  change: (current, saved) => {
    const { _id, _type, _created, _updated, ...fields } = current;
    const history = Array.isArray(current.interaction_history) ? current.interaction_history : [];
    if (history.some((h) => (h as { session_id?: string }).session_id === saved.session_id)) return fields;
    return { ...fields, interaction_history: [...history, { session_id: saved.session_id }] };
  },
});

const header = (callId: string, customerId: string): CallJournalHeader => ({
  call_id: callId,
  owner: { host: 'elsewhere', pid: 1, started: 1 },
  started_at: '2026-11-30T10:00:00+08:00',
  product_id: 'aaaaaaaa',
  operator_id: 'bbbbbbbb',
  customer_id: customerId,
  phone: '13800138000',
  cold_start: false,
  language: 'zh',
  agent: 'rules',
});

/**
 * How every store saves a call: one unit with the customer's history entry and the end of its
 * journal, idempotent by call id so a recovery never makes a second session.
 */
export function defineCallSaveContract(title: string, make: () => Promise<ContractStore>): void {
  describe(title, () => {
    let store: RecordStore;
    let cleanup: () => Promise<void>;
    beforeEach(async () => {
      ({ store, cleanup } = await make());
    });
    afterEach(async () => {
      await store.close();
      await cleanup();
    });

    const save = (callId: string, customerId: string, change = addEntry(customerId)) =>
      store.saveSession({
        date: '20261130',
        tag: 'rec',
        build: (id) => session(id, callId, customerId),
        readme: () => '# session',
        callId,
        customer: change,
      });

    it('saves a call once with one history entry, however often the save is repeated', async () => {
      const c = await store.create('customer', customer);
      const first = await save('call_one', c._id);
      const again = await save('call_one', c._id);
      expect(again.sessionId).toBe(first.sessionId);
      expect(await store.listSessions()).toHaveLength(1);
      const history = (await store.get('customer', c._id))?.interaction_history as unknown[];
      expect(history).toEqual([{ session_id: first.sessionId }]);
    });

    it('completes a save cut short after the session, never making a second one', async () => {
      const c = await store.create('customer', customer);
      const crash: CustomerChangeForSession = {
        id: c._id,
        change: () => {
          throw new Error('killed here');
        },
      };
      await expect(save('call_cut', c._id, crash)).rejects.toThrow('killed here');
      const done = await save('call_cut', c._id);
      const sessions = await store.listSessions();
      expect(sessions.map((s) => s.session_id)).toEqual([done.sessionId]);
      const history = (await store.get('customer', c._id))?.interaction_history as unknown[];
      expect(history).toEqual([{ session_id: done.sessionId }]);
    });

    it('ends the journal of the call it saves, and only that one', async () => {
      const c = await store.create('customer', customer);
      for (const id of ['call_a', 'call_b']) {
        const writer = await store.journal.start(header(id, c._id));
        writer.append({ list: 'conversation', entry: { role: 'customer', content: '你好' } });
        await writer.flush();
        await writer.close();
      }
      expect((await store.journal.read('call_a'))?.changes).toHaveLength(1);
      await save('call_a', c._id);
      expect(await store.journal.read('call_a')).toBeUndefined();
      expect((await store.journal.list()).headers.map((h) => h.call_id)).toEqual(['call_b']);
    });

    it('keeps separate calls apart', async () => {
      const c = await store.create('customer', customer);
      const a = await save('call_x', c._id);
      const b = await save('call_y', c._id);
      expect(a.sessionId).not.toBe(b.sessionId);
      const history = (await store.get('customer', c._id))?.interaction_history as unknown[];
      expect(history).toHaveLength(2);
    });
  });
}
