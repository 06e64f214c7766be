import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecordStore } from '../../src/store/record-store.js';
import type { AuditEntry, WorkDoc } from '../../src/store/workflow-store.js';
import type { ContractStore } from './record-store-contract.js';

/** An approval request as stored, made `minutes` after 10:00 UTC on 2026-12-01. */
function approval(id: string, minutes: number, extra: Partial<WorkDoc> = {}): WorkDoc {
  const at = new Date(Date.UTC(2026, 11, 1, 10, minutes)).toISOString();
  return {
    id,
    state: 'pending',
    created_at: at,
    updated_at: at,
    customer_id: 'c1',
    product_id: 'p1',
    due_at: new Date(Date.UTC(2026, 11, 1, 12, minutes)).toISOString(),
    action: '退款 30 元',
    ...extra,
  };
}

/** An item with no due time. */
function withoutDue(doc: WorkDoc): WorkDoc {
  const { due_at: _due, ...rest } = doc;
  return rest;
}

function audit(
  id: string,
  at: string,
  from: string | null,
  to: string,
  kind: AuditEntry['kind'] = 'approval',
) {
  return { at, kind, item_id: id, who: 'supervisor-li', from, to, why: `${from ?? 'new'} → ${to}` };
}

/** A change that decides a pending approval, and refuses anything else. */
const decide =
  (to: string, at = '2026-12-01T11:00:00.000Z') =>
  (current: WorkDoc) =>
    current.state !== 'pending'
      ? undefined
      : { doc: { ...current, state: to, updated_at: at }, audit: audit(current.id, at, 'pending', to) };

/**
 * What every WorkflowStore does: items listed by state, customer, product and due time, oldest
 * first; a change atomic with its audit entry, and nothing written when it refuses or throws;
 * ids unique per kind; imports keeping ids and skipping what is there.
 */
export function defineWorkflowContract(title: string, make: () => Promise<ContractStore>): void {
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

    it('gives back an added item as it was, and nothing for an unknown id', async () => {
      const doc = approval('ap_000000000001', 0, { nested: { 金额: 30, list: [1, 'two'] } });
      await store.addWork('approval', doc, audit(doc.id, doc.created_at, null, 'pending'));
      expect(await store.getWork('approval', doc.id)).toEqual(doc);
      expect(Object.keys((await store.getWork('approval', doc.id)) ?? {})).toEqual(Object.keys(doc));
      expect(await store.getWork('approval', 'ap_000000000002')).toBeUndefined();
      // Kinds are apart: the same id is another item under another kind.
      expect(await store.getWork('ticket', doc.id)).toBeUndefined();
      expect(await store.getWork('approval', '../../etc/passwd')).toBeUndefined();
    });

    it('refuses a taken id with E_CONFLICT and keeps the first item', async () => {
      const doc = approval('ap_000000000001', 0);
      await store.addWork('approval', doc);
      await expect(store.addWork('approval', { ...doc, action: 'other' })).rejects.toMatchObject({
        code: 'E_CONFLICT',
      });
      expect(await store.getWork('approval', doc.id)).toEqual(doc);
      await store.addWork('ticket', { ...doc, state: 'open' });
      expect((await store.getWork('ticket', doc.id))?.state).toBe('open');
    });

    it('refuses an id or state that is not letters, digits, _ and -', async () => {
      for (const bad of [approval('a/b', 0), approval('ok', 0, { state: 'pen ding' }), approval('', 0)]) {
        await expect(store.addWork('approval', bad)).rejects.toMatchObject({ code: 'E_INVALID' });
      }
      expect(await store.listWork('approval')).toEqual([]);
    });

    it('lists by state, customer, product and due time, oldest first (ties by id), up to a limit', async () => {
      const docs = [
        approval('b', 3, { customer_id: 'c2' }),
        approval('a', 3, { state: 'approved' }),
        approval('c', 1, { product_id: 'p2' }),
        approval('d', 2, { state: 'rejected', customer_id: 'c2' }),
        withoutDue(approval('e', 0)),
      ];
      for (const d of docs) await store.addWork('approval', d);
      await store.addWork('ticket', approval('t', 0, { state: 'open' }));
      const ids = (list: WorkDoc[]) => list.map((d) => d.id);

      expect(ids(await store.listWork('approval'))).toEqual(['e', 'c', 'd', 'a', 'b']);
      expect(ids(await store.listWork('approval', { state: 'pending' }))).toEqual(['e', 'c', 'b']);
      expect(ids(await store.listWork('approval', { state: ['approved', 'rejected'] }))).toEqual(['d', 'a']);
      expect(ids(await store.listWork('approval', { state: 'open' }))).toEqual([]);
      expect(ids(await store.listWork('approval', { customerId: 'c2' }))).toEqual(['d', 'b']);
      expect(ids(await store.listWork('approval', { state: 'pending', customerId: 'c2' }))).toEqual(['b']);
      expect(ids(await store.listWork('approval', { productId: 'p2' }))).toEqual(['c']);
      // Due before 12:02: c (12:01); e has no due time; d is due at 12:02 exactly.
      expect(ids(await store.listWork('approval', { dueBefore: '2026-12-01T12:02:00.000Z' }))).toEqual(['c']);
      expect(ids(await store.listWork('approval', { state: 'pending', limit: 2 }))).toEqual(['e', 'c']);
      expect(ids(await store.listWork('approval', { limit: 0 }))).toEqual([]);
      expect(ids(await store.listWork('ticket'))).toEqual(['t']);
      expect(await store.listWork('notification')).toEqual([]);
      expect(await store.listWork('approval', { state: 'pending' })).toEqual([docs[4], docs[2], docs[0]]);
    });

    it('lists soonest due first when asked (ties oldest first, no due time last)', async () => {
      const late = approval('f', 9, { due_at: '2026-12-01T11:00:00.000Z' });
      for (const d of [
        approval('b', 3),
        approval('a', 3),
        approval('c', 1),
        withoutDue(approval('e', 0)),
        late,
      ])
        await store.addWork('approval', d);
      const ids = (list: WorkDoc[]) => list.map((d) => d.id);

      expect(ids(await store.listWork('approval', { order: 'due' }))).toEqual(['f', 'c', 'a', 'b', 'e']);
      expect(ids(await store.listWork('approval', { order: 'created' }))).toEqual(['e', 'c', 'a', 'b', 'f']);
      expect(
        ids(
          await store.listWork('approval', { dueBefore: '2026-12-01T12:02:00.000Z', order: 'due', limit: 1 }),
        ),
      ).toEqual(['f']);
    });

    it('lists an item once, at its new place, after a change of its times', async () => {
      for (const d of [approval('a', 1), approval('b', 2), approval('c', 3)])
        await store.addWork('approval', d);
      const ids = (list: WorkDoc[]) => list.map((d) => d.id);
      const pending = { state: 'pending' };
      // a: made last and due last now; c: no due time any more.
      await store.changeWork('approval', 'a', (c) => ({
        doc: { ...c, created_at: '2026-12-01T10:09:00.000Z', due_at: '2026-12-01T12:09:00.000Z' },
      }));
      await store.changeWork('approval', 'c', (c) => ({ doc: withoutDue(c) }));

      expect(ids(await store.listWork('approval', pending))).toEqual(['b', 'c', 'a']);
      expect(ids(await store.listWork('approval', { ...pending, limit: 2 }))).toEqual(['b', 'c']);
      expect(ids(await store.listWork('approval', { ...pending, order: 'due' }))).toEqual(['b', 'a', 'c']);
      expect(ids(await store.listWork('approval', { ...pending, order: 'due', limit: 1 }))).toEqual(['b']);
      expect(
        ids(
          await store.listWork('approval', {
            ...pending,
            dueBefore: '2026-12-01T12:05:00.000Z',
            order: 'due',
          }),
        ),
      ).toEqual(['b']);
      expect(await store.getWork('approval', 'c')).toEqual(withoutDue(approval('c', 3)));
    });

    it('fills a page past the items that left the state and those the filter skips', async () => {
      for (let i = 0; i < 8; i++) {
        await store.addWork('approval', approval(`ap_${i}`, i, { customer_id: i >= 5 ? 'c2' : 'c1' }));
      }
      for (const id of ['ap_0', 'ap_1', 'ap_7']) await store.changeWork('approval', id, decide('approved'));
      const ids = (list: WorkDoc[]) => list.map((d) => d.id);
      const pending = { state: 'pending' };

      expect(ids(await store.listWork('approval', { ...pending, limit: 2 }))).toEqual(['ap_2', 'ap_3']);
      // Each is due two hours after it was made: soonest due first is oldest first.
      expect(ids(await store.listWork('approval', { ...pending, order: 'due', limit: 2 }))).toEqual([
        'ap_2',
        'ap_3',
      ]);
      expect(ids(await store.listWork('approval', { ...pending, customerId: 'c2', limit: 1 }))).toEqual([
        'ap_5',
      ]);
      expect(ids(await store.listWork('approval', { ...pending, customerId: 'c2', limit: 5 }))).toEqual([
        'ap_5',
        'ap_6',
      ]);
      expect(
        ids(
          await store.listWork('approval', {
            ...pending,
            dueBefore: '2026-12-01T12:05:00.000Z',
            order: 'due',
            limit: 5,
          }),
        ),
      ).toEqual(['ap_2', 'ap_3', 'ap_4']);
      expect(ids(await store.listWork('approval', { state: ['approved', 'pending'], limit: 3 }))).toEqual([
        'ap_0',
        'ap_1',
        'ap_2',
      ]);
    });

    it('changes an item with its audit entry, and lists it under its new state only', async () => {
      const doc = approval('ap_1', 0);
      await store.addWork('approval', doc, audit(doc.id, doc.created_at, null, 'pending'));
      const after = await store.changeWork('approval', doc.id, decide('approved'));
      expect(after).toMatchObject({ id: 'ap_1', state: 'approved', updated_at: '2026-12-01T11:00:00.000Z' });
      expect(await store.getWork('approval', doc.id)).toEqual(after);
      expect(await store.listWork('approval', { state: 'pending' })).toEqual([]);
      expect((await store.listWork('approval', { state: 'approved' })).map((d) => d.id)).toEqual(['ap_1']);
      expect((await store.listAudit({ itemId: 'ap_1' })).map((e) => [e.from, e.to])).toEqual([
        [null, 'pending'],
        ['pending', 'approved'],
      ]);
    });

    it('leaves the item and the audit trail alone when the change refuses (undefined)', async () => {
      const doc = approval('ap_1', 0, { state: 'rejected' });
      await store.addWork('approval', doc);
      const after = await store.changeWork('approval', doc.id, decide('approved'));
      expect(after).toEqual(doc);
      expect(await store.getWork('approval', doc.id)).toEqual(doc);
      expect(await store.listAudit()).toEqual([]);
      expect(await store.changeWork('approval', 'ap_none', decide('approved'))).toBeUndefined();
    });

    it('writes nothing when the change throws, or gives the item another id', async () => {
      const doc = approval('ap_1', 0);
      await store.addWork('approval', doc);
      await expect(
        store.changeWork('approval', doc.id, () => {
          throw new Error('rule says no');
        }),
      ).rejects.toThrow('rule says no');
      await expect(
        store.changeWork('approval', doc.id, (c) => ({ doc: { ...c, id: 'ap_2', state: 'approved' } })),
      ).rejects.toMatchObject({ code: 'E_INVALID' });
      expect(await store.getWork('approval', doc.id)).toEqual(doc);
      expect((await store.listWork('approval', { state: 'pending' })).map((d) => d.id)).toEqual(['ap_1']);
      expect(await store.listWork('approval', { state: 'approved' })).toEqual([]);
      expect(await store.listAudit()).toEqual([]);
    });

    it('lists audit entries oldest first, by kind, item and time', async () => {
      await store.addWork(
        'approval',
        approval('a1', 0),
        audit('a1', '2026-11-30T23:59:00.000Z', null, 'pending'),
      );
      await store.addWork(
        'ticket',
        approval('t1', 0, { state: 'open' }),
        audit('t1', '2026-12-01T08:00:00.000Z', null, 'open', 'ticket'),
      );
      await store.changeWork('approval', 'a1', decide('rejected', '2026-12-02T09:00:00.000Z'));
      const all = await store.listAudit();
      expect(all.map((e) => `${e.kind}:${e.item_id}:${e.to}`)).toEqual([
        'approval:a1:pending',
        'ticket:t1:open',
        'approval:a1:rejected',
      ]);
      expect(all[0]).toEqual(audit('a1', '2026-11-30T23:59:00.000Z', null, 'pending'));
      expect((await store.listAudit({ kind: 'ticket' })).map((e) => e.item_id)).toEqual(['t1']);
      expect((await store.listAudit({ itemId: 'a1' })).map((e) => e.to)).toEqual(['pending', 'rejected']);
      expect((await store.listAudit({ since: '2026-12-01T08:00:00.000Z' })).map((e) => e.to)).toEqual([
        'open',
        'rejected',
      ]);
      expect(await store.listAudit({ kind: 'approval', since: '2026-12-03T00:00:00.000Z' })).toEqual([]);
    });

    it('imports items under their own ids (false when there) and audit entries as they are', async () => {
      const doc = approval('ap_1', 0, { state: 'executed' });
      expect(await store.importWork('approval', doc)).toBe(true);
      expect(await store.importWork('approval', { ...doc, state: 'pending' })).toBe(false);
      expect(await store.getWork('approval', doc.id)).toEqual(doc);
      expect((await store.listWork('approval', { state: 'executed' })).map((d) => d.id)).toEqual(['ap_1']);
      expect(await store.listWork('approval', { state: 'pending' })).toEqual([]);
      expect(await store.listAudit()).toEqual([]);

      const entries = [
        audit('ap_1', '2026-12-01T10:00:00.000Z', null, 'pending'),
        audit('ap_1', '2026-12-01T10:05:00.000Z', 'pending', 'approved'),
        audit('ap_1', '2026-12-03T10:00:00.000Z', 'approved', 'executed'),
      ];
      await store.importAudit(entries);
      await store.importAudit([]);
      expect(await store.listAudit()).toEqual(entries);
    });
  });
}
