import { describe, expect, it } from 'vitest';
import { currentProcess } from '../domain/process-identity.js';
import { MemoryRecordStore } from '../store/memory/memory-record-store.js';
import { replayCallJournal } from './call-journal-record.js';
import { recoverCalls } from './recover-calls.js';

async function seeded() {
  const store = new MemoryRecordStore();
  const product = await store.create('product', {
    name: '会员订阅服务',
    description: 'x',
    features: [],
    common_issues: [],
    solutions: [],
    faq: [],
    escalation_criteria: [],
    sla: '2小时',
    api_interfaces: {},
    operator_permissions: {
      can_approve_immediately: [],
      requires_supervisor: [],
      requires_process: [],
      forbidden: [],
    },
  });
  const operator = await store.create('operator', {
    name: 'HEAR策略',
    methodology: 'HEAR',
    greeting: '您好',
  });
  const customer = await store.create('customer', {
    name: '张先生',
    phone: '13800138000',
    type: 'returning',
  });
  return { store, product, operator, customer };
}

/** A pid no process has: the journal's owner is gone. */
const deadOwner = { ...currentProcess(), pid: 2 ** 22 + 17 };

/** The journal header of a call about these records, run by `owner`. */
function header(
  callId: string,
  owner: ReturnType<typeof currentProcess>,
  ids: { product: { _id: string }; operator: { _id: string }; customer: { _id: string } },
) {
  return {
    call_id: callId,
    owner,
    started_at: '2026-11-30T10:00:00+08:00',
    product_id: ids.product._id,
    operator_id: ids.operator._id,
    customer_id: ids.customer._id,
    phone: '13800138000',
    cold_start: false,
    language: 'zh',
    agent: 'rules',
  };
}

describe('recoverCalls', () => {
  it('saves a call left by a dead process as interrupted, with what it recorded', async () => {
    const { store, product, operator, customer } = await seeded();
    const writer = await store.journal.start(header('call_dead', deadOwner, { product, operator, customer }));
    writer.append({ list: 'conversation', entry: { role: 'customer', content: '我要退款50元' } });
    writer.append({
      list: 'actions_performed',
      entry: { action: '退款50元', description: '退款50元已提交', turn: 0 },
    });
    const outcomes = await recoverCalls({ store });
    expect(outcomes).toMatchObject([{ call_id: 'call_dead', outcome: 'saved' }]);
    const saved = await store.getSession((outcomes[0] as { session_id: string }).session_id);
    expect(saved?.review.resolution_status).toBe('interrupted');
    expect(saved?.review.follow_up_required).toBe(true);
    expect(saved?.actions_performed).toEqual([
      { action: '退款50元', description: '退款50元已提交', turn: 0 },
    ]);
    const history = (await store.get('customer', customer._id))?.interaction_history as unknown[];
    expect(history).toHaveLength(1);
    expect(await recoverCalls({ store })).toEqual([]);
  });

  it('leaves a call whose process still runs', async () => {
    const { store, product, operator, customer } = await seeded();
    await store.journal.start(header('call_live', currentProcess(), { product, operator, customer }));
    expect(await recoverCalls({ store })).toEqual([{ call_id: 'call_live', outcome: 'running' }]);
    expect(await store.listSessions()).toEqual([]);
  });

  it('says which record is missing instead of saving half a call', async () => {
    const { store, product, operator, customer } = await seeded();
    await store.journal.start(header('call_orphan', deadOwner, { product, operator, customer }));
    await store.delete('customer', customer._id);
    const [outcome] = await recoverCalls({ store });
    expect(outcome).toMatchObject({ outcome: 'failed', reason: expect.stringContaining('cs restore') });
    expect(await store.journal.read('call_orphan')).toBeDefined();
  });
});

describe('replayCallJournal', () => {
  const header = {
    call_id: 'c',
    owner: deadOwner,
    started_at: 'S',
    product_id: 'p',
    operator_id: 'o',
    customer_id: 'u',
    phone: '1',
    cold_start: true,
    language: 'zh',
    agent: 'rules',
  };

  it('rebuilds the record from changes and skips what it does not know', () => {
    const record = replayCallJournal(header, [
      { list: 'conversation', entry: { role: 'agent', content: '您好' } },
      { list: 'language', entry: 'en' },
      { list: 'learned', entry: { name: '王芳' } },
      { list: 'nonsense', entry: {} },
      'garbage',
    ]);
    expect(record.started_at).toBe('S');
    expect(record.language).toBe('en');
    expect(record.learned).toEqual({ name: '王芳' });
    expect(record.conversation).toEqual([{ role: 'agent', content: '您好' }]);
  });

  it('shows an action started and not finished as unconfirmed, unless its grant was not the call’s to use', () => {
    const record = replayCallJournal(header, [
      { list: 'action_started', entry: { action: '退款15元', grant_id: 'g_taken', turn: 1 } },
      { list: 'action_not_started', entry: { grant_id: 'g_taken' } },
      { list: 'action_started', entry: { action: '退款15元', grant_id: 'g_mine', turn: 1 } },
    ]);
    expect(record.actions_performed).toEqual([
      expect.objectContaining({ grant_id: 'g_mine', unconfirmed: true, turn: 1 }),
    ]);
  });
});
