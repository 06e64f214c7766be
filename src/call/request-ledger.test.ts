import { describe, expect, it } from 'vitest';
import { chargesOf, fakeBackend } from '../../test/support/fake-backend.js';
import { CUSTOMER_ZH, OPERATOR_ZH, PRODUCT_ZH } from '../../test/support/scenario-records.js';
import { createRulesAgent } from '../agent/rules/rules-agent.js';
import type { CallEvent, PermissionCheckRecord } from '../domain/session-schemas.js';
import type { CallJournalHeader } from '../store/call-journal.js';
import { MemoryRecordStore } from '../store/memory/memory-record-store.js';
import { buildReview } from './build-review.js';
import { replayCallJournal } from './call-journal-record.js';
import { type CallRecordChange, CallSession } from './call-session.js';
import { type LedgerSource, ledgerOutcome, requestLedger } from './request-ledger.js';

const PHONE = String(CUSTOMER_ZH.phone);

/** A call whose caller's charges (500 each) were read first, as money back needs. */
async function newCall() {
  const b = fakeBackend((name) => (name === 'user_billing' ? chargesOf(500, 500) : { status: 'active' }));
  const session = new CallSession({
    participants: {
      product: PRODUCT_ZH,
      operator: OPERATOR_ZH,
      customer: CUSTOMER_ZH,
      phone: PHONE,
      coldStart: false,
    },
    backend: b,
    language: 'zh',
    grants: new MemoryRecordStore(),
  });
  await session.querySystem({ interfaceName: 'user_billing' });
  const events: CallEvent[] = [];
  const changes: CallRecordChange[] = [];
  session.onEvent((e) => events.push(e));
  session.onRecord((c) => changes.push(c));
  return { session, backend: b, events, changes };
}

const check = (
  action: string,
  status: PermissionCheckRecord['status'],
  extra: Partial<PermissionCheckRecord> = {},
): PermissionCheckRecord => ({ action, status, rule: null, reason: '', ...extra });

const source = (fill: Partial<LedgerSource>): LedgerSource => ({
  permission_checks: [],
  tickets: [],
  actions_performed: [],
  withdrawals: [],
  ...fill,
});

describe('requestLedger', () => {
  it('makes one entry per request of a call: label, amount, rule, outcome, ticket, carried out, turn', async () => {
    const { session } = await newCall();
    session.addCustomerTurn('给我退50块钱');
    await session.checkPermission('给我退款50元吧');
    await session.performApprovedAction('退款50元');
    session.addCustomerTurn('然后把账户注销了');
    await session.checkPermission('账户注销');
    session.openTicket({ kind: 'requires_supervisor', summary: '账户注销' });
    session.addCustomerTurn('你把李女士的手机号告诉我');
    await session.checkPermission('告诉我李女士的手机号');

    expect(requestLedger(session.record)).toEqual([
      expect.objectContaining({
        what: '退款50元',
        action: '给我退款50元吧',
        amount: { value: 50, unit: 'CNY' },
        rule: '退款<100元',
        outcome: 'can_approve_immediately',
        state: 'done',
        carried_out: true,
        done: '已办理退款50元',
        withdrawn: false,
        turn: 0,
      }),
      expect.objectContaining({
        what: '账户注销',
        rule: '账户注销',
        outcome: 'requires_supervisor',
        state: 'escalated',
        ticket_id: session.record.tickets[0]?.id,
        carried_out: false,
        turn: 1,
      }),
      expect.objectContaining({ outcome: 'forbidden', state: 'refused', carried_out: false, turn: 2 }),
    ]);
  });

  it('names a refusal by its forbidden rule, not by the caller’s sentence', () => {
    const said = '还有啊我老婆的号也是你们这的，13912345678，你帮我看看';
    const ledger = requestLedger({
      permission_checks: [
        check(said, 'forbidden', { rule: '透露其他用户信息' }),
        check('退款50元', 'forbidden', { rule: '退款<100元' }),
      ],
      tickets: [],
      actions_performed: [],
    });
    expect(ledger.map((e) => e.what)).toEqual(['透露其他用户信息', '退款50元']);
    expect(ledger[0]?.action).toBe(said);
  });

  it('makes a ticket or an action no check explains a request of its own', () => {
    const ledger = requestLedger(
      source({
        tickets: [{ id: 'TK1', kind: 'requires_process', summary: '投诉快递员' }],
        actions_performed: [{ action: '重置密码', description: '密码已重置', turn: 0 }],
      }),
    );
    expect(ledger).toEqual([
      expect.objectContaining({
        what: '投诉快递员',
        outcome: 'requires_process',
        ticket_id: 'TK1',
        state: 'escalated',
      }),
      expect.objectContaining({ what: '重置密码', state: 'done', carried_out: true }),
    ]);
  });

  it('gives each ticket to the check it names, else to the latest check of its kind', () => {
    const ledger = requestLedger(
      source({
        permission_checks: [
          check('退款150元', 'requires_supervisor', { turn: 0 }),
          check('账户注销', 'requires_supervisor', { turn: 1 }),
        ],
        tickets: [
          { id: 'TK1', kind: 'requires_supervisor', summary: '退款150元', turn: 1 },
          { id: 'TK2', kind: 'requires_supervisor', summary: '客户要求注销', turn: 1 },
        ],
      }),
    );
    expect(ledger.map((e) => [e.what, e.ticket_id])).toEqual([
      ['退款150元', 'TK1'],
      ['账户注销', 'TK2'],
    ]);
  });
});

describe('CallSession: a repeated request', () => {
  it('is checked once: the earlier decision comes back and nothing is recorded again', async () => {
    const { session, events } = await newCall();
    session.addCustomerTurn('我要注销账户');
    const first = await session.checkPermission('账户注销');
    const ticket = session.openTicket({ kind: 'requires_supervisor', summary: '账户注销' });
    session.addCustomerTurn('我说了我要注销账户！');
    const again = await session.checkPermission('注销账户');
    expect(again).toMatchObject({ status: first.status, rule: first.rule, repeated: true });
    // The agent asks for a ticket again: it gets the one already open.
    expect(session.openTicket({ kind: 'requires_supervisor', summary: '账户注销' })).toEqual(ticket);
    expect(session.record.permission_checks).toHaveLength(1);
    expect(session.record.tickets).toHaveLength(1);
    expect(events.filter((e) => e.type === 'permission_check' || e.type === 'ticket')).toHaveLength(2);
    expect(requestLedger(session.record)).toHaveLength(1);
  });

  it('is refused and recorded again when it was refused: the audit trail shows the caller pressed', async () => {
    const { session } = await newCall();
    session.addCustomerTurn('告诉我其他用户的信息');
    const first = await session.checkPermission('告诉我其他用户的信息');
    session.addCustomerTurn('你就告诉我其他用户的信息');
    const again = await session.checkPermission('告诉我其他用户的信息');
    expect(first.status).toBe('forbidden');
    expect(again).toMatchObject({ status: 'forbidden' });
    expect(again.repeated).toBeUndefined();
    expect(session.record.permission_checks.map((c) => c.status)).toEqual(['forbidden', 'forbidden']);
  });

  it('opens one ticket when the built-in agent hears the same request twice', async () => {
    const { session } = await newCall();
    const agent = createRulesAgent();
    const replies: string[] = [];
    for (const line of ['我要注销账户', '我再说一遍，帮我注销账户']) {
      session.addCustomerTurn(line);
      replies.push(await agent.reply(session.context(), line));
      session.addAgentTurn(replies.at(-1)!);
    }
    expect(session.record.permission_checks).toHaveLength(1);
    expect(session.record.tickets).toHaveLength(1);
    // Both replies give the caller the one ticket number.
    for (const reply of replies) expect(reply).toContain(session.record.tickets[0]!.id);
  });

  it('keeps its one approval: the repeat reuses the grant, and one refund is carried out once', async () => {
    const { session, backend: b } = await newCall();
    const first = await session.checkPermission('退款60元');
    const again = await session.checkPermission('给我退款60元');
    expect(again.grant_id).toBe(first.grant_id);
    expect(session.record.grants).toHaveLength(1);
    await session.performApprovedAction('退款60元');
    await expect(session.performApprovedAction('退款60元')).rejects.toMatchObject({ code: 'E_REFUSED' });
    expect(b.applied.map((a) => a.action)).toEqual(['退款60元']);
  });

  it('is a new request once the earlier one was carried out, and limits add up', async () => {
    const { session } = await newCall();
    await session.checkPermission('退款60元');
    await session.performApprovedAction('退款60元');
    const second = await session.checkPermission('退款60元');
    expect(second.repeated).toBeUndefined();
    expect(second.status).toBe('requires_supervisor');
    expect(second.counted?.[0]).toMatchObject({ call: 60, current: 60, total: 120 });
  });

  it.each([
    ['the action', '退款60元', '再退款60元'],
    ['the caller this turn', '再给我退60块', '退款60元'],
  ])('is a new request when %s says "again" (再), and is counted', async (_who, said, action) => {
    const { session } = await newCall();
    session.addCustomerTurn('退款60元');
    await session.checkPermission('退款60元');
    session.addCustomerTurn(said);
    const second = await session.checkPermission(action);
    expect(second.repeated).toBeUndefined();
    expect(second.status).toBe('requires_supervisor');
    expect(session.record.permission_checks).toHaveLength(2);
  });

  it('is decided afresh when the same words are about someone else', async () => {
    const { session } = await newCall();
    expect((await session.checkPermission('退款50元')).status).toBe('can_approve_immediately');
    const other = await session.checkPermission('给13900001111退款50元');
    expect(other.status).toBe('forbidden');
    expect(other.repeated).toBeUndefined();
    expect(other.grant_id).toBeUndefined();
  });
});

describe('CallSession.withdrawRequest', () => {
  it('withdraws the request the words name, cancels its ticket, and opens nothing', async () => {
    const { session, events, changes } = await newCall();
    session.addCustomerTurn('退款150元，另外我要注销账户');
    await session.checkPermission('账户注销');
    const ticket = session.openTicket({ kind: 'requires_supervisor', summary: '账户注销' });
    await session.checkPermission('退款150元');
    session.openTicket({ kind: 'requires_supervisor', summary: '退款150元' });
    session.addCustomerTurn('先不注销了');
    events.length = 0;
    changes.length = 0;

    const withdrawn = session.withdrawRequest({ text: '先不注销了' });
    expect(withdrawn).toMatchObject({
      what: '账户注销',
      ticket_id: ticket.id,
      withdrawn: true,
      state: 'withdrawn',
    });
    expect(events).toEqual([
      { type: 'request_withdrawn', what: '账户注销', ticket_id: ticket.id },
      { type: 'ticket_cancelled', id: ticket.id, kind: 'requires_supervisor', summary: '账户注销' },
    ]);
    // Journaled like every other change, and nothing else: no check, no ticket.
    expect(changes.map((c) => c.list)).toEqual(['withdrawals']);
    expect(session.record.tickets).toHaveLength(2);
    const ledger = requestLedger(session.record);
    expect(ledger.map((e) => [e.what, e.state, e.ticket_cancelled ?? false])).toEqual([
      ['账户注销', 'withdrawn', true],
      ['退款150元', 'escalated', false],
    ]);
  });

  it('withdraws the newest standing request when the words name none, and only once', async () => {
    const { session } = await newCall();
    session.addCustomerTurn('我要投诉');
    await session.checkPermission('投诉处理');
    session.openTicket({ kind: 'requires_process', summary: '投诉处理' });
    session.addCustomerTurn('never mind');
    expect(session.withdrawRequest({ text: 'never mind' })).toMatchObject({ what: '投诉处理' });
    expect(session.withdrawRequest({ text: 'never mind' })).toBeUndefined();
    expect(session.record.withdrawals).toHaveLength(1);
  });

  it('withdraws nothing a request the words name is not standing for', async () => {
    const { session } = await newCall();
    await session.checkPermission('退款50元');
    await session.performApprovedAction('退款50元');
    await session.checkPermission('账户注销');
    expect(session.withdrawRequest({ text: '退款不要了' })).toBeUndefined();
    expect(session.record.withdrawals).toEqual([]);
  });

  it('voids the approval of a withdrawn request: it can no longer be carried out', async () => {
    const { session, backend: b } = await newCall();
    await session.checkPermission('取消自动续费');
    expect(session.withdrawRequest()).toMatchObject({ what: '取消自动续费' });
    await expect(session.performApprovedAction('取消自动续费')).rejects.toMatchObject({ code: 'E_REFUSED' });
    expect(b.applied.map((a) => a.action)).toEqual([]);
  });

  it('keeps a withdrawn request after asking again: a new ticket is opened for the new request', async () => {
    const { session } = await newCall();
    await session.checkPermission('账户注销');
    const first = session.openTicket({ kind: 'requires_supervisor', summary: '账户注销' });
    session.withdrawRequest();
    session.addCustomerTurn('想了想还是注销吧');
    expect((await session.checkPermission('账户注销')).repeated).toBeUndefined();
    const second = session.openTicket({ kind: 'requires_supervisor', summary: '账户注销' });
    expect(second.id).not.toBe(first.id);
    expect(requestLedger(session.record).map((e) => e.state)).toEqual(['withdrawn', 'escalated']);
  });

  it('survives the journal: a recovered call has the same ledger', async () => {
    const { session, changes } = await newCall();
    await session.checkPermission('账户注销');
    session.openTicket({ kind: 'requires_supervisor', summary: '账户注销' });
    session.withdrawRequest();
    const header: CallJournalHeader = {
      call_id: session.callId,
      owner: { pid: 1, host: 'h', started: 0 },
      started_at: session.record.started_at,
      product_id: PRODUCT_ZH._id,
      operator_id: OPERATOR_ZH._id,
      customer_id: CUSTOMER_ZH._id,
      phone: PHONE,
      cold_start: false,
      language: 'zh',
      agent: 'rules',
    };
    const replayed = replayCallJournal(header, changes);
    expect(requestLedger(replayed)).toEqual(requestLedger(session.record));
  });

  it('is what the built-in agent does on 算了，不投诉了: the ticket is cancelled, not duplicated', async () => {
    const { session, events } = await newCall();
    const agent = createRulesAgent();
    for (const line of ['我要投诉', '算了，不投诉了']) {
      session.addCustomerTurn(line);
      session.addAgentTurn(await agent.reply(session.context(), line));
    }
    expect(session.record.tickets).toHaveLength(1);
    const id = session.record.tickets[0]!.id;
    expect(events.filter((e) => e.type === 'ticket_cancelled')).toEqual([expect.objectContaining({ id })]);
    expect(session.record.conversation.at(-1)?.content).toContain(`工单${id}已为您撤销`);
    expect(buildReview(session.record).resolution_status).toBe('resolved');
  });
});

describe('ledgerOutcome', () => {
  const done = { action: '取消自动续费', description: '已关闭自动续费', turn: 0 };
  it.each([
    ['no request at all (questions answered)', source({}), 'resolved', false],
    [
      'every request carried out',
      source({
        permission_checks: [check('取消自动续费', 'can_approve_immediately')],
        actions_performed: [done],
      }),
      'resolved',
      false,
    ],
    [
      'every request withdrawn',
      source({
        permission_checks: [check('账户注销', 'requires_supervisor', { turn: 0 })],
        tickets: [{ id: 'TK1', kind: 'requires_supervisor', summary: '账户注销' }],
        withdrawals: [{ action: '账户注销', what: '账户注销', ticket_id: 'TK1' }],
      }),
      'resolved',
      false,
    ],
    [
      'an escalation still open',
      source({
        permission_checks: [
          check('取消自动续费', 'can_approve_immediately'),
          check('退款150元', 'requires_supervisor'),
        ],
        actions_performed: [done],
      }),
      'partially_resolved',
      true,
    ],
    [
      'one done, one refused',
      source({
        permission_checks: [
          check('取消自动续费', 'can_approve_immediately'),
          check('查别人的手机号', 'forbidden'),
        ],
        actions_performed: [done],
      }),
      'partially_resolved',
      false,
    ],
    [
      'only refusals',
      source({ permission_checks: [check('查别人的手机号', 'forbidden')] }),
      'unresolved',
      false,
    ],
    [
      'an approval never carried out',
      source({ permission_checks: [check('重置密码', 'can_approve_immediately')] }),
      'unresolved',
      false,
    ],
  ] as const)('%s → %s', (_name, record, status, followUp) => {
    const outcome = ledgerOutcome(requestLedger(record));
    expect(outcome.resolution_status).toBe(status);
    expect(outcome.follow_up_required).toBe(followUp);
  });
});
