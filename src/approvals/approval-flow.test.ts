import { beforeEach, describe, expect, it } from 'vitest';
import { CUSTOMER_ZH, OPERATOR_ZH, PRODUCT_ZH } from '../../test/support/scenario-records.js';
import { CallSession } from '../call/call-session.js';
import { approvalOf } from '../domain/approval-request.js';
import type { CallEvent } from '../domain/session-schemas.js';
import { MemoryRecordStore } from '../store/memory/memory-record-store.js';
import type { RecordStore } from '../store/record-store.js';
import { addSupervisor, approveRequest, rejectRequest } from './decide-approval.js';

// One approval request from a call to the customer's ear, in process: the call raises it, a
// supervisor decides, and the open call hears the decision once.

let store: RecordStore;
const events: CallEvent[] = [];

async function openCall(): Promise<CallSession> {
  const product = await store.create('product', { ...PRODUCT_ZH }, { id: PRODUCT_ZH._id });
  const customer = await store.create('customer', { ...CUSTOMER_ZH }, { id: CUSTOMER_ZH._id });
  const session = new CallSession({
    participants: { product, operator: OPERATOR_ZH, customer, phone: CUSTOMER_ZH.phone, coldStart: false },
    backend: {
      query: async () => ({}) as never,
      applyApprovedAction: async () => ({ changed: true, description: 'x' }),
    },
    language: 'zh',
    grants: store,
    workflow: store,
    raisedBy: 'rules-agent',
  });
  session.onEvent((e) => events.push(e));
  session.addCustomerTurn('我要退款200元');
  return session;
}

beforeEach(async () => {
  store = new MemoryRecordStore();
  events.length = 0;
  await addSupervisor({ store, env: {} }, '王主管');
});

describe('an approval request from a call', () => {
  it('is raised by a requires_supervisor decision, due by the product’s SLA, and named on the check', async () => {
    const session = await openCall();
    const decision = await session.checkPermission('退款200元');
    expect(decision.status).toBe('requires_supervisor');
    const [check] = session.record.permission_checks;
    expect(check?.approval_ids).toHaveLength(1);
    const request = approvalOf((await store.getWork('approval', check!.approval_ids![0]!))!);
    expect(request).toMatchObject({ state: 'pending', action: '退款200元', raised_by: 'rules-agent' });
    expect(Date.parse(request.due_at) - Date.parse(request.created_at)).toBe(2 * 3_600_000);
    // Asked again while it stands: the same request, not a second one.
    await session.checkPermission('退款200元');
    expect(await store.listWork('approval')).toHaveLength(1);
  });

  it('a decision made while the call is open is delivered into it once', async () => {
    const session = await openCall();
    await session.checkPermission('退款200元');
    const [id] = session.record.permission_checks[0]!.approval_ids!;
    expect(await session.deliverNotifications()).toEqual([]);
    const { request, told } = await rejectRequest(
      { store, env: {} },
      { id: id!, by: '王主管', reason: '重复申请' },
    );
    expect(request.state).toBe('rejected');
    expect(told).toEqual(['rejected']);
    const delivered = await session.deliverNotifications();
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.content).toContain('退款200元');
    expect(delivered[0]?.content).not.toContain('重复申请');
    expect(events.filter((e) => e.type === 'notification')).toHaveLength(1);
    expect(session.record.notifications).toHaveLength(1);
    expect(await session.deliverNotifications()).toEqual([]);
  });

  it('a withdrawal in the call closes the pending request; a supervisor can no longer approve it', async () => {
    const session = await openCall();
    await session.checkPermission('退款200元');
    const [id] = session.record.permission_checks[0]!.approval_ids!;
    session.addCustomerTurn('算了，不退了');
    expect(session.withdrawRequest({ text: '算了，不退了' })?.approval_ids).toEqual([id]);
    await session.settled();
    expect(approvalOf((await store.getWork('approval', id!))!).state).toBe('withdrawn');
    await expect(approveRequest({ store, env: {} }, { id: id!, by: '王主管' })).rejects.toThrow(
      'is withdrawn',
    );
  });
});
