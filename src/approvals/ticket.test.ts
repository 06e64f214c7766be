import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsError } from '../domain/cs-error.js';
import type { SessionRecord } from '../domain/session-schemas.js';
import type { WorkDoc } from '../store/workflow-store.js';
import {
  applyTicketChange,
  isTicketOverdue,
  newTicket,
  slaBreaches,
  slaClocks,
  TICKET_STATES,
  type Ticket,
  type TicketChange,
  ticketDoc,
  ticketOf,
} from './ticket.js';

const ZH_SLA = '电话即时响应；主管审批2小时内回复；投诉工单48小时内处理';
const OPENED = '2026-11-30T02:00:00.000Z';

const session: SessionRecord = {
  session_id: 'cs_20261130_001_ab12cd',
  product: '会员订阅服务',
  customer: '张先生',
  operator: 'HEAR策略',
  timestamp: '2026-11-30T10:05:00.000+08:00',
  conversation: [],
  review: {
    resolution_status: 'partially_resolved',
    issue_summary: '投诉',
    actions_taken: [],
    follow_up_required: true,
    customer_updates: {},
  },
  product_id: 'ea1677ad',
  customer_id: '1a2b3c4d',
  customer_phone: '13800138000',
  language: 'zh',
};

function opened(sla: string | undefined = ZH_SLA): Ticket {
  return newTicket({
    ticket: { id: 'TK20261130-1A2B3C', kind: 'requires_process', summary: '投诉处理' },
    session,
    sla,
    openedAt: new Date(OPENED),
  }).ticket;
}

/** An ISO time `hours` after the ticket was opened. */
const hoursIn = (hours: number) => new Date(Date.parse(OPENED) + hours * 3_600_000).toISOString();

function refusal(run: () => unknown): CsError {
  try {
    run();
  } catch (error) {
    if (CsError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('newTicket', () => {
  it('opens the call’s ticket with both clocks read from the product’s sla', () => {
    const { ticket, audit } = newTicket({
      ticket: { id: 'TK20261130-1A2B3C', kind: 'requires_process', summary: '投诉处理' },
      session,
      sla: '报修2小时内响应；投诉工单48小时内处理',
      openedAt: new Date(OPENED),
    });
    expect(ticket).toMatchObject({
      id: 'TK20261130-1A2B3C',
      state: 'open',
      created_at: OPENED,
      opened_at: OPENED,
      first_response_due: hoursIn(2),
      due_at: hoursIn(48),
      first_response_at: null,
      resolved_at: null,
      customer_id: '1a2b3c4d',
      customer_name: '张先生',
      product_name: '会员订阅服务',
      phone: '13800138000',
      session_id: 'cs_20261130_001_ab12cd',
    });
    expect(audit).toEqual({
      at: OPENED,
      kind: 'ticket',
      item_id: 'TK20261130-1A2B3C',
      who: 'system',
      from: null,
      to: 'open',
      why: 'opened in call cs_20261130_001_ab12cd: 投诉处理',
    });
    expect(ticketOf(ticketDoc(ticket))).toEqual(ticket);
  });

  it.each([
    ['no response time: a day', ZH_SLA, 24, 48],
    ['a resolution sooner than a day: the response is due by then', '投诉工单4小时内处理', 4, 4],
    ['business days (a Monday + 3 is the Thursday)', '申请3个工作日内处理', 24, 72],
    ['no sla at all: the defaults', undefined, 24, 48],
  ])('reads %s', (_what, sla, responseHours, resolutionHours) => {
    const ticket = opened(sla);
    expect(ticket.first_response_due).toBe(hoursIn(responseHours));
    expect(ticket.due_at).toBe(hoursIn(resolutionHours));
  });

  it('closes at once, with its reason, a ticket the caller withdrew in the call', () => {
    const { ticket, audit } = newTicket({
      ticket: { id: 'TK20261130-1A2B3C', kind: 'requires_process', summary: '投诉处理', status: 'cancelled' },
      session,
      sla: ZH_SLA,
      openedAt: new Date(OPENED),
      cancelledAt: new Date(hoursIn(0.5)),
    });
    expect(ticket).toMatchObject({ state: 'closed', closed_at: hoursIn(0.5) });
    expect(audit).toMatchObject({ from: null, to: 'closed', at: hoursIn(0.5) });
    expect(audit.why).toContain('withdrew');
    expect(isTicketOverdue(ticket, new Date(hoursIn(1000)))).toBe(false);
  });
});

describe('ticketOf', () => {
  it('refuses a stored document that is not a ticket, naming it', () => {
    const doc = { ...ticketDoc(opened()), state: 'done' } as WorkDoc;
    const error = refusal(() => ticketOf(doc));
    expect(error.code).toBe('E_CORRUPT');
    expect(error.message).toContain('TK20261130-1A2B3C');
  });
});

describe('applyTicketChange', () => {
  const by = (hours: number) => ({ by: '王五', at: hoursIn(hours) });

  it('walks assign → comment → start → wait → start → resolve → reopen → resolve → close with an audit entry each', () => {
    const steps: Array<[TicketChange, string]> = [
      [{ action: 'assign', assignee: '王五' }, 'open'],
      [{ action: 'comment', text: '已联系客户' }, 'open'],
      [{ action: 'start' }, 'in_progress'],
      [{ action: 'wait', note: '等客户提供截图' }, 'waiting_customer'],
      [{ action: 'start' }, 'in_progress'],
      [{ action: 'resolve', note: '已补偿30元' }, 'resolved'],
      [{ action: 'reopen', note: '客户说没收到' }, 'in_progress'],
      [{ action: 'resolve', note: '已重新补偿' }, 'resolved'],
      [{ action: 'close' }, 'closed'],
    ];
    let ticket = opened();
    for (const [i, [change, state]] of steps.entries()) {
      const { ticket: next, audit } = applyTicketChange(ticket, change, by(i + 1));
      expect(next.state, change.action).toBe(state);
      expect(audit).toMatchObject({
        kind: 'ticket',
        item_id: ticket.id,
        who: '王五',
        from: ticket.state,
        to: state,
      });
      ticket = next;
    }
    expect(ticket).toMatchObject({
      assignee: '王五',
      first_response_at: hoursIn(1),
      resolved_at: hoursIn(8),
      closed_at: hoursIn(9),
      resolution: '已重新补偿',
      comments: [{ at: hoursIn(2), by: '王五', text: '已联系客户' }],
    });
  });

  it.each([
    ['close', 'open', { action: 'close' }],
    ['reopen', 'open', { action: 'reopen' }],
    ['wait', 'open', { action: 'wait' }],
    ['start', 'resolved', { action: 'start' }],
    ['resolve', 'resolved', { action: 'resolve', note: '再次' }],
    ['comment', 'closed', { action: 'comment', text: '还有' }],
    ['assign', 'closed', { action: 'assign', assignee: '赵六' }],
    ['reopen', 'closed', { action: 'reopen' }],
  ] as const)(
    'refuses to %s a ticket that is %s, naming its state (E_CONFLICT)',
    (_action, state, change) => {
      const ticket = { ...opened(), state };
      const before = structuredClone(ticket);
      const error = refusal(() => applyTicketChange(ticket, change, by(1)));
      expect(error.code).toBe('E_CONFLICT');
      expect(error.message).toContain(`is ${state}`);
      expect(error.details).toEqual({ id: ticket.id, state });
      expect(ticket).toEqual(before);
    },
  );

  it.each([
    ['an empty comment', { action: 'comment', text: '  ' }],
    ['an empty resolution note', { action: 'resolve', note: '' }],
    ['an empty assignee', { action: 'assign', assignee: ' ' }],
  ] as const)('refuses %s (E_INVALID)', (_what, change) => {
    expect(refusal(() => applyTicketChange(opened(), change, by(1))).code).toBe('E_INVALID');
  });

  it('refuses a change by nobody', () => {
    const error = refusal(() =>
      applyTicketChange(opened(), { action: 'start' }, { by: ' ', at: hoursIn(1) }),
    );
    expect(error.code).toBe('E_INVALID');
  });

  it.each([
    ['assigned', { action: 'assign', assignee: '王五' }],
    ['commented on', { action: 'comment', text: '收到' }],
    ['started', { action: 'start' }],
    ['resolved', { action: 'resolve', note: '已处理' }],
  ] as const)('meets the first response when first %s, and keeps that time', (_what, change) => {
    const first = applyTicketChange(opened(), change, by(3)).ticket;
    expect(first.first_response_at).toBe(hoursIn(3));
    const later = applyTicketChange(
      { ...first, state: 'open' },
      { action: 'comment', text: '再联系' },
      by(5),
    );
    expect(later.ticket.first_response_at).toBe(hoursIn(3));
  });
});

describe('SLA clocks', () => {
  it('runs both clocks from the opening and says which is past due', () => {
    const ticket = opened(); // response due after 24 h, resolution after 48 h
    expect(isTicketOverdue(ticket, new Date(hoursIn(23)))).toBe(false);
    expect(slaBreaches(ticket, new Date(hoursIn(30))).map((c) => [c.clock, c.late_ms])).toEqual([
      ['first_response', 6 * 3_600_000],
    ]);
    expect(slaBreaches(ticket, new Date(hoursIn(50))).map((c) => c.clock)).toEqual([
      'first_response',
      'resolution',
    ]);
  });

  it('stops the first response when it is met, late or not, and keeps how late it was', () => {
    const ticket = applyTicketChange(
      opened(),
      { action: 'comment', text: '收到' },
      { by: 'a', at: hoursIn(30) },
    ).ticket;
    const [response, resolution] = slaClocks(ticket, new Date(hoursIn(40)));
    expect(response).toMatchObject({ stopped_at: hoursIn(30), late_ms: 6 * 3_600_000 });
    expect(resolution).toMatchObject({ stopped_at: null, late_ms: -8 * 3_600_000 });
    expect(isTicketOverdue(ticket, new Date(hoursIn(40)))).toBe(false);
  });

  it('runs the resolution again against the same due time when a resolved ticket is reopened', () => {
    const actor = (h: number) => ({ by: 'a', at: hoursIn(h) });
    const resolved = applyTicketChange(opened(), { action: 'resolve', note: '好了' }, actor(10)).ticket;
    expect(isTicketOverdue(resolved, new Date(hoursIn(100)))).toBe(false);
    const reopened = applyTicketChange(resolved, { action: 'reopen' }, actor(60)).ticket;
    expect(reopened.resolved_at).toBeNull();
    expect(slaBreaches(reopened, new Date(hoursIn(61))).map((c) => [c.clock, c.late_ms])).toEqual([
      ['resolution', 13 * 3_600_000],
    ]);
  });
});

describe('the lifecycle', () => {
  const changes: TicketChange[] = [
    { action: 'assign', assignee: '王五' },
    { action: 'comment', text: '备注' },
    { action: 'start' },
    { action: 'wait' },
    { action: 'resolve', note: '好了' },
    { action: 'reopen' },
    { action: 'close' },
  ];

  it('never leaves closed, never changes a ticket it refuses, and audits every change it makes', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...changes), { maxLength: 30 }), (sequence) => {
        let ticket = opened();
        for (const [i, change] of sequence.entries()) {
          const before = structuredClone(ticket);
          try {
            const { ticket: next, audit } = applyTicketChange(ticket, change, { by: 'a', at: hoursIn(i) });
            expect(before.state).not.toBe('closed');
            expect(TICKET_STATES).toContain(next.state);
            expect([audit.from, audit.to]).toEqual([before.state, next.state]);
            if (next.state === 'resolved') expect(next.resolved_at).not.toBeNull();
            ticket = next;
          } catch (error) {
            expect(CsError.isInstance(error) && error.code).toBe('E_CONFLICT');
            expect(ticket).toEqual(before);
          }
        }
      }),
    );
  });
});
