import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../domain/session-schemas.js';
import { FsRecordStore } from './fs-record-store.js';

const session = (id: string, customerId: string): SessionRecord => ({
  session_id: id,
  product: 'P',
  customer: '张先生',
  operator: 'O',
  timestamp: '2026-11-30T10:00:00+08:00',
  conversation: [],
  review: {
    resolution_status: 'resolved',
    issue_summary: 's',
    actions_taken: [],
    follow_up_required: false,
    customer_updates: {},
  },
  customer_id: customerId,
});

/** A promise and the function that resolves it (Node 20 has no Promise.withResolvers). */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('FsRecordStore saving a call while its customer is busy', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'cs-fs-busy-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('saves the session at once and leaves the history entry to the next save of the call', async () => {
    const db = join(root, 'db');
    const holder = new FsRecordStore(db);
    const saver = new FsRecordStore(db, { lockMaxWaitMs: 300 });
    const customer = await holder.create('customer', { name: '张先生', phone: '13800138000' });
    const held = deferred();
    const inside = deferred();
    // Another process keeps the customer locked (a long update).
    const busy = holder.update('customer', customer._id, async (c) => {
      inside.resolve();
      await held.promise;
      const { _id, _type, _created, _updated, ...fields } = c;
      return fields;
    });
    await inside.promise;
    const change = {
      id: customer._id,
      change: (c: Record<string, unknown>, s: SessionRecord) => {
        const { _id, _type, _created, _updated, ...fields } = c;
        const history = (c.interaction_history as unknown[] | undefined) ?? [];
        if (history.some((h) => (h as { session_id: string }).session_id === s.session_id)) return fields;
        return { ...fields, interaction_history: [...history, { session_id: s.session_id }] };
      },
    };
    const options = {
      date: '20261130',
      tag: 'busy',
      build: (id: string) => session(id, customer._id),
      readme: () => '#',
      callId: 'call_busy',
      customer: change,
    };
    const first = await saver.saveSession(options);
    expect(first.customerPending).toBe(true);
    expect(await saver.listSessions()).toHaveLength(1);
    held.resolve();
    await busy;
    const completed = await saver.saveSession(options);
    expect(completed.sessionId).toBe(first.sessionId);
    expect(completed.customerPending).toBeUndefined();
    expect((await saver.get('customer', customer._id))?.interaction_history).toEqual([
      { session_id: first.sessionId },
    ]);
  });
});
