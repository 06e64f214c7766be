import { describe, expect, it } from 'vitest';
import { csFailure } from '../../test/support/operation-store.js';
import {
  CUSTOMER_ZH,
  fixedClock,
  OPERATOR_ZH,
  OTHER_CUSTOMERS,
  PRODUCT_ZH,
} from '../../test/support/scenario-records.js';
import type { SessionRecord, TicketRecord, WithdrawalRecord } from '../domain/session-schemas.js';
import { createRecord, userFields } from '../records/record-service.js';
import { MemoryRecordStore } from '../store/memory/memory-record-store.js';
import { type OperationDeps, runOperation } from './define-operation.js';
import {
  adoptSessionTickets,
  catchUpTickets,
  getTicketOperation,
  listAuditOperation,
  listTicketsOperation,
  localMinute,
  overdueTicketsOperation,
  updateTicketOperation,
} from './ticket-operations.js';

/** The memory store, noting which saved sessions are read (the catch-up must not reread them). */
class ReadNotingStore extends MemoryRecordStore {
  readonly sessionsRead: string[] = [];

  override async getSession(sessionId: string): Promise<SessionRecord | undefined> {
    this.sessionsRead.push(sessionId);
    return super.getSession(sessionId);
  }
}

async function ticketStore(): Promise<ReadNotingStore> {
  const store = new ReadNotingStore();
  await createRecord(store, 'product', userFields(PRODUCT_ZH)); // 投诉工单48小时内处理
  await createRecord(store, 'operator', userFields(OPERATOR_ZH));
  await createRecord(store, 'customer', userFields(CUSTOMER_ZH));
  const other = OTHER_CUSTOMERS[0] as { name: string; phone: string };
  await createRecord(store, 'customer', {
    name: other.name,
    phone: other.phone,
    type: 'vip',
    background: '老用户',
    communication_style: '直接',
    special_needs: '无',
  });
  return store;
}

/** Saves a call of `customer` with these tickets, opened at `at` (UTC), as a call would. */
async function saveCall(
  store: MemoryRecordStore,
  options: {
    at: string;
    customer?: string;
    tickets: Array<Omit<TicketRecord, 'at'>>;
    withdrawals?: WithdrawalRecord[];
  },
): Promise<string> {
  const [product] = await store.findByName('product', PRODUCT_ZH.name);
  const [customer] = await store.findByName('customer', options.customer ?? CUSTOMER_ZH.name);
  if (!product || !customer) throw new Error('scenario records missing');
  const day = options.at.slice(0, 10).replaceAll('-', '');
  const saved = await store.saveSession({
    date: day,
    tag: 't',
    build: (sessionId) => ({
      session_id: sessionId,
      product: product.name,
      customer: customer.name,
      operator: OPERATOR_ZH.name,
      timestamp: options.at,
      conversation: [{ role: 'customer', content: '我要投诉' }],
      review: {
        resolution_status: 'partially_resolved',
        issue_summary: '投诉',
        actions_taken: [],
        follow_up_required: true,
        customer_updates: {},
      },
      product_id: product._id,
      customer_id: customer._id,
      customer_phone: String(customer.phone),
      language: 'zh',
      ended_at: options.at,
      tickets: options.tickets.map((t) => ({ ...t, at: options.at })),
      withdrawals: options.withdrawals ?? [],
    }),
    readme: () => '',
  });
  return saved.sessionId;
}

const T1 = 'TK20261130-AAAAAA';
const T2 = 'TK20261130-BBBBBB';
const OPENED = '2026-11-30T02:00:00.000Z';
/** The clock `hours` after OPENED. */
const later = (hours: number) => fixedClock(new Date(Date.parse(OPENED) + hours * 3_600_000).toISOString());

function deps(store: MemoryRecordStore, hours = 1): OperationDeps {
  return { store, env: {}, clock: later(hours) };
}

const run = async <S extends Parameters<typeof runOperation>[0]>(
  operation: S,
  d: OperationDeps,
  input: Record<string, unknown>,
) => (await runOperation(operation, d, input)).output as Awaited<ReturnType<S['run']>>;

describe('adoptSessionTickets', () => {
  it('makes a work item of each requires_process ticket of a saved call, once', async () => {
    const store = await ticketStore();
    const id = await saveCall(store, {
      at: OPENED,
      tickets: [
        { id: T1, kind: 'requires_process', summary: '投诉处理' },
        { id: 'TK20261130-CCCCCC', kind: 'requires_supervisor', summary: '退款200元' },
      ],
    });
    const session = (await store.getSession(id)) as SessionRecord;
    expect(await adoptSessionTickets(store, session, later(1))).toBe(1);
    expect(await adoptSessionTickets(store, session, later(1))).toBe(0);
    const doc = await store.getWork('ticket', T1);
    expect(doc).toMatchObject({
      state: 'open',
      session_id: id,
      opened_at: OPENED,
      due_at: '2026-12-02T02:00:00.000Z',
      first_response_due: '2026-12-01T02:00:00.000Z',
    });
    expect(await store.getWork('ticket', 'TK20261130-CCCCCC')).toBeUndefined();
    expect(await store.listAudit({ itemId: T1 })).toEqual([
      expect.objectContaining({ who: 'system', from: null, to: 'open' }),
    ]);
  });

  it('closes, with a note, a ticket the caller withdrew in the call', async () => {
    const store = await ticketStore();
    const id = await saveCall(store, {
      at: OPENED,
      tickets: [{ id: T1, kind: 'requires_process', summary: '投诉处理', status: 'cancelled' }],
      withdrawals: [{ action: '投诉处理', what: '投诉处理', ticket_id: T1, at: '2026-11-30T02:05:00.000Z' }],
    });
    await adoptSessionTickets(store, (await store.getSession(id)) as SessionRecord, later(1));
    expect(await store.getWork('ticket', T1)).toMatchObject({
      state: 'closed',
      closed_at: '2026-11-30T02:05:00.000Z',
    });
    const [entry] = await store.listAudit({ itemId: T1 });
    expect(entry).toMatchObject({ to: 'closed', at: '2026-11-30T02:05:00.000Z' });
    expect(entry?.why).toMatch(/cancelled in call .*withdrew/);
  });
});

describe('catchUpTickets', () => {
  it('reads each saved call once: later reads list only the recent days and read only new calls', async () => {
    const store = await ticketStore();
    await saveCall(store, { at: '2026-11-20T02:00:00.000Z', tickets: [] });
    const old = await saveCall(store, {
      at: '2026-11-25T02:00:00.000Z',
      tickets: [{ id: 'TK20261125-AAAAAA', kind: 'requires_process', summary: '赔偿申请' }],
    });
    const first = await saveCall(store, {
      at: OPENED,
      tickets: [{ id: T1, kind: 'requires_process', summary: '投诉处理' }],
    });
    expect(await catchUpTickets(store, later(1))).toBe(2);
    expect(store.sessionsRead).toHaveLength(3);
    store.sessionsRead.length = 0;

    expect(await catchUpTickets(store, later(1))).toBe(0);
    expect(store.sessionsRead).toEqual([]);

    const next = await saveCall(store, {
      at: '2026-12-01T02:00:00.000Z',
      tickets: [{ id: 'TK20261201-AAAAAA', kind: 'requires_process', summary: '投诉处理' }],
    });
    expect(await catchUpTickets(store, later(30))).toBe(1);
    expect(store.sessionsRead).toEqual([next]);
    expect(store.sessionsRead).not.toContain(old);
    expect(store.sessionsRead).not.toContain(first);
  });

  it('finds a call saved late under a day it has already passed, within a day’s margin', async () => {
    const store = await ticketStore();
    await saveCall(store, { at: '2026-12-01T02:00:00.000Z', tickets: [] });
    await catchUpTickets(store, later(30));
    // Saved after the catch-up, under the day before (a save across midnight).
    await saveCall(store, {
      at: OPENED,
      tickets: [{ id: T1, kind: 'requires_process', summary: '投诉处理' }],
    });
    expect(await catchUpTickets(store, later(30))).toBe(1);
  });
});

describe('list_tickets and get_ticket', () => {
  it('shows a saved call’s ticket as open, with its clocks, without anything else being done', async () => {
    const store = await ticketStore();
    await saveCall(store, {
      at: OPENED,
      tickets: [{ id: T1, kind: 'requires_process', summary: '投诉处理' }],
    });
    const listed = await runOperation(listTicketsOperation, deps(store), {});
    expect(listed.output.tickets.map((t) => [t.id, t.state])).toEqual([[T1, 'open']]);
    const text = await listTicketsOperation.text(listed.output, listed.input);
    expect(text).toContain(`${T1}  待处理 open  张先生  会员订阅服务  投诉处理  未指派 unassigned`);
    expect(text).toContain(`首次响应 due ${localMinute('2026-12-01T02:00:00.000Z')}`);
    expect(text).not.toContain('逾期');

    const shown = await runOperation(getTicketOperation, deps(store, 50), { ticket_id: T1 });
    const block = await getTicketOperation.text(shown.output, shown.input);
    expect(block).toContain('状态 State: 待处理 open');
    expect(block).toContain('首次响应 first response (24小时)');
    expect(block).toContain('处理时限 resolution (48小时)');
    expect(block).toContain('逾期2小时 overdue by 2 hours');
  });

  it('narrows by state, assignee, product, customer (phone too) and overdue; closed only when asked', async () => {
    const store = await ticketStore();
    await saveCall(store, {
      at: OPENED,
      tickets: [{ id: T1, kind: 'requires_process', summary: '投诉处理' }],
    });
    await saveCall(store, {
      at: '2026-11-30T20:00:00.000Z',
      customer: (OTHER_CUSTOMERS[0] as { name: string }).name,
      tickets: [{ id: T2, kind: 'requires_process', summary: '赔偿申请' }],
    });
    await saveCall(store, {
      at: OPENED,
      tickets: [{ id: 'TK20261130-DDDDDD', kind: 'requires_process', summary: '投诉', status: 'cancelled' }],
    });
    await run(updateTicketOperation, deps(store), {
      ticket_id: T2,
      action: 'assign',
      by: '组长',
      assignee: '王五',
    });
    const ids = async (input: Record<string, unknown>, hours = 1) =>
      (await run(listTicketsOperation, deps(store, hours), input)).tickets.map((t) => t.id);
    expect(await ids({})).toEqual([T1, T2]);
    expect(await ids({ state: 'closed' })).toEqual(['TK20261130-DDDDDD']);
    expect(await ids({ assignee: '王五' })).toEqual([T2]);
    expect(await ids({ customer: '张' })).toEqual([T1]);
    expect(await ids({ customer: '138-0013' })).toEqual([T1]);
    expect(await ids({ product: '会员' })).toEqual([T1, T2]);
    expect(await ids({ product: '宽带' })).toEqual([]);
    // 30 hours on: T1 has had no response for 30 hours; T2 was assigned (its response is met).
    expect(await ids({ overdue: true }, 30)).toEqual([T1]);
  });

  it('refuses an unknown ticket, naming it (E_NOT_FOUND)', async () => {
    const store = await ticketStore();
    for (const id of ['TK20261130-FFFFFF', 'sessions-adopted', 'nonsense!']) {
      const error = await csFailure(runOperation(getTicketOperation, deps(store), { ticket_id: id }));
      expect(error.code).toBe('E_NOT_FOUND');
      expect(error.message).toContain(id);
    }
  });

  it('shows a scoped reader (an assistant without --admin) only its callers’ tickets', async () => {
    const store = await ticketStore();
    await saveCall(store, {
      at: OPENED,
      tickets: [{ id: T1, kind: 'requires_process', summary: '投诉处理' }],
    });
    await saveCall(store, {
      at: OPENED,
      customer: (OTHER_CUSTOMERS[0] as { name: string }).name,
      tickets: [{ id: T2, kind: 'requires_process', summary: '赔偿申请' }],
    });
    const [caller] = await store.findByName('customer', CUSTOMER_ZH.name);
    const scoped: OperationDeps = {
      ...deps(store),
      customers: {
        customer: async () => {
          throw new Error('not used');
        },
        customers: async () => (caller ? [caller] : []),
      },
    };
    expect((await run(listTicketsOperation, scoped, {})).tickets.map((t) => t.id)).toEqual([T1]);
    const refused = await csFailure(
      runOperation(updateTicketOperation, scoped, { ticket_id: T2, action: 'comment', by: 'a', text: 'x' }),
    );
    expect(refused.code).toBe('E_REFUSED');
    expect((await store.getWork('ticket', T2))?.comments).toEqual([]);
  });
});

describe('update_ticket', () => {
  it('assigns, comments, resolves and closes, each change in the audit trail', async () => {
    const store = await ticketStore();
    await saveCall(store, {
      at: OPENED,
      tickets: [{ id: T1, kind: 'requires_process', summary: '投诉处理' }],
    });
    const step = (hours: number, input: Record<string, unknown>) =>
      run(updateTicketOperation, deps(store, hours), { ticket_id: T1, ...input });
    await step(1, { action: 'assign', by: '组长', assignee: '王五' });
    await step(2, { action: 'comment', by: '王五', text: '已联系客户' });
    const resolved = await step(3, { action: 'resolve', by: '王五', text: '已补偿30元' });
    expect(resolved.ticket).toMatchObject({ state: 'resolved', resolution: '已补偿30元' });
    const closed = await runOperation(updateTicketOperation, deps(store, 4), {
      ticket_id: T1,
      action: 'close',
      by: '组长',
    });
    expect(await updateTicketOperation.text(closed.output, closed.input)).toMatch(
      /^✓ 已关闭 Closed TK20261130-AAAAAA → 已关闭 closed\n工单 Ticket/,
    );
    const trail = await run(listAuditOperation, deps(store, 5), { ticket: T1 });
    expect(trail.entries.map((e) => [e.who, e.from, e.to, e.why])).toEqual([
      ['system', null, 'open', expect.stringContaining('opened in call')],
      ['组长', 'open', 'open', 'assigned to 王五'],
      ['王五', 'open', 'open', 'comment: 已联系客户'],
      ['王五', 'open', 'resolved', 'resolved: 已补偿30元'],
      ['组长', 'resolved', 'closed', 'close'],
    ]);
    expect(await store.getWork('ticket', T1)).toMatchObject({
      state: 'closed',
      first_response_at: later(1).now().toISOString(),
      resolved_at: later(3).now().toISOString(),
    });
  });

  it.each([
    ['closing an open ticket', { action: 'close' }, 'E_CONFLICT', /is open/],
    ['an empty comment', { action: 'comment', text: '   ' }, 'E_INVALID', /empty/],
    ['a comment without text', { action: 'comment' }, 'E_INVALID', /empty/],
    ['a resolution without a note', { action: 'resolve', text: '' }, 'E_INVALID', /empty/],
    ['assigning to no one', { action: 'assign' }, 'E_INVALID', /assignee/],
    ['an unknown action', { action: 'delete' }, 'E_INVALID', /action/],
  ])('refuses %s and changes nothing', async (_what, input, code, message) => {
    const store = await ticketStore();
    await saveCall(store, {
      at: OPENED,
      tickets: [{ id: T1, kind: 'requires_process', summary: '投诉处理' }],
    });
    await run(listTicketsOperation, deps(store), {});
    const before = await store.getWork('ticket', T1);
    const audit = await store.listAudit({});
    const error = await csFailure(
      runOperation(updateTicketOperation, deps(store), { ticket_id: T1, by: '王五', ...input }),
    );
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(await store.getWork('ticket', T1)).toEqual(before);
    expect(await store.listAudit({})).toEqual(audit);
  });

  it('refuses an unknown ticket, naming it', async () => {
    const store = await ticketStore();
    const error = await csFailure(
      runOperation(updateTicketOperation, deps(store), { ticket_id: T2, action: 'start', by: 'a' }),
    );
    expect(error.code).toBe('E_NOT_FOUND');
    expect(error.message).toContain(T2);
  });
});

describe('overdue_tickets', () => {
  it('lists the tickets with a clock past due, the longest overdue first, and says by how long', async () => {
    const store = await ticketStore();
    await saveCall(store, {
      at: OPENED,
      tickets: [{ id: T1, kind: 'requires_process', summary: '投诉处理' }],
    });
    await saveCall(store, {
      at: '2026-11-30T20:00:00.000Z',
      tickets: [{ id: T2, kind: 'requires_process', summary: '赔偿申请' }],
    });
    await saveCall(store, {
      at: '2026-11-30T21:00:00.000Z',
      tickets: [{ id: 'TK20261130-EEEEEE', kind: 'requires_process', summary: '投诉' }],
    });
    await run(updateTicketOperation, deps(store, 20), {
      ticket_id: 'TK20261130-EEEEEE',
      action: 'resolve',
      by: '王五',
      text: '好了',
    });
    expect((await run(overdueTicketsOperation, deps(store, 20), {})).overdue).toEqual([]);
    // 50 hours on: T1 is late on both clocks (by 26 h and 2 h), T2 on its first response (by 8 h).
    const { output, input } = await runOperation(overdueTicketsOperation, deps(store, 50), {});
    expect(output.overdue.map((o) => [o.ticket.id, o.breaches.map((b) => b.clock)])).toEqual([
      [T1, ['first_response', 'resolution']],
      [T2, ['first_response']],
    ]);
    const lines = (await overdueTicketsOperation.text(output, input)).split('\n');
    expect(lines[0]).toContain('首次响应 first response 逾期1天2小时 overdue by 1 day 2 hours');
    expect(lines[0]).toContain('处理时限 resolution 逾期2小时 overdue by 2 hours');
    expect(lines[1]).toContain('逾期8小时 overdue by 8 hours');
  });
});

describe('list_audit', () => {
  it('lists every change since a time, and refuses a request naming nothing or an unknown item', async () => {
    const store = await ticketStore();
    await saveCall(store, {
      at: OPENED,
      tickets: [{ id: T1, kind: 'requires_process', summary: '投诉处理' }],
    });
    await run(updateTicketOperation, deps(store, 5), { ticket_id: T1, action: 'start', by: '王五' });
    const since = await run(listAuditOperation, deps(store, 6), { since: '2026-11-30T04:00:00Z' });
    expect(since.entries.map((e) => e.to)).toEqual(['in_progress']);
    expect((await run(listAuditOperation, deps(store, 6), { since: '2026-11-30' })).entries).toHaveLength(
      new Date(2026, 10, 30).getTime() <= Date.parse(OPENED) ? 2 : 1,
    );
    for (const [input, code] of [
      [{}, 'E_INVALID'],
      [{ since: 'yesterday' }, 'E_INVALID'],
      [{ ticket: T1, approval: 'ap_000000000000' }, 'E_INVALID'],
      [{ ticket: T2 }, 'E_NOT_FOUND'],
      [{ approval: 'ap_000000000000' }, 'E_NOT_FOUND'],
    ] as const) {
      expect((await csFailure(runOperation(listAuditOperation, deps(store), input))).code).toBe(code);
    }
  });
});
