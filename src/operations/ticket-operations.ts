import { z } from 'zod';
import {
  ACTIVE_TICKET_STATES,
  applyTicketChange,
  isTicketOverdue,
  newTicket,
  type SlaClock,
  slaBreaches,
  slaClocks,
  TICKET_ACTIONS,
  TICKET_ID_PATTERN,
  TICKET_STATE_LABELS,
  TICKET_STATES,
  type Ticket,
  type TicketChange,
  type TicketTransition,
  ticketDoc,
  ticketOf,
} from '../approvals/ticket.js';
import { type Clock, clockFromEnv, isoTimestamp } from '../domain/clock.js';
import { CsError } from '../domain/cs-error.js';
import type { Bilingual } from '../domain/language.js';
import { normalizePhone } from '../domain/phone.js';
import type { SessionRecord } from '../domain/session-schemas.js';
import type { RecordStore } from '../store/record-store.js';
import { type AuditEntry, type AuditFilter, WORK_ID_PATTERN, type WorkDoc } from '../store/workflow-store.js';
import { defineOperation, type OperationDeps } from './define-operation.js';

// Tickets after the call (`cs tickets …`, `cs audit`, MCP list_tickets / update_ticket). Every
// change goes through the store's `changeWork` with its audit entry; a refusal throws inside the
// change, so nothing is written. Every ticket read first adopts the tickets of calls saved since
// the last read (docs/decisions/011-tickets.md).

// ---------------------------------------------------------------------------------------------
// Adoption: a call's requires_process tickets become work items.

/**
 * Creates a `ticket` work item for each `requires_process` ticket of a saved session that has
 * none yet: open, or closed at once when the caller withdrew it in the call. Idempotent (the item's
 * id is the ticket's), also among processes adopting at once. Resolves to how many it created.
 *
 * @example await adoptSessionTickets(store, savedSession, systemClock)
 */
export async function adoptSessionTickets(
  store: RecordStore,
  session: SessionRecord,
  clock: Clock,
): Promise<number> {
  const tickets = (session.tickets ?? []).filter(
    (t) => t.kind === 'requires_process' && TICKET_ID_PATTERN.test(t.id),
  );
  if (tickets.length === 0) return 0;
  let sla: string | undefined | null = null;
  let created = 0;
  for (const t of tickets) {
    if (await store.getWork('ticket', t.id)) continue;
    if (sla === null) sla = await productSla(store, session);
    const withdrawal = (session.withdrawals ?? []).find((w) => w.ticket_id === t.id);
    const cancelledAt = t.status === 'cancelled' ? timeOf(withdrawal?.at, session.ended_at) : undefined;
    const { ticket, audit } = newTicket({
      ticket: t,
      session,
      sla,
      openedAt: timeOf(t.at, session.ended_at, session.timestamp) ?? clock.now(),
      ...(t.status === 'cancelled' ? { cancelledAt: cancelledAt ?? clock.now() } : {}),
    });
    try {
      await store.addWork('ticket', ticketDoc(ticket), audit);
      created++;
    } catch (error) {
      // Another process adopted it first.
      if (!(CsError.isInstance(error) && error.code === 'E_CONFLICT')) throw error;
    }
  }
  return created;
}

/** The sla of the session's product as it is now (the defaults when it is gone). */
async function productSla(store: RecordStore, session: SessionRecord): Promise<string | undefined> {
  const product =
    session.product_id === undefined
      ? await store
          .findByName('product', session.product)
          .then((found) => (found.length === 1 ? found[0] : undefined))
      : await store.get('product', session.product_id);
  const sla = product?.sla;
  return typeof sla === 'string' ? sla : undefined;
}

/** The first of the times that reads as one. */
function timeOf(...times: Array<string | undefined>): Date | undefined {
  for (const t of times) {
    if (t === undefined) continue;
    const ms = Date.parse(t);
    if (!Number.isNaN(ms)) return new Date(ms);
  }
  return undefined;
}

/**
 * Where the catch-up stands: a document in the ticket kind that is not a ticket (its id lacks
 * the TK prefix, its state is no ticket state, so no ticket listing shows it).
 */
const ADOPTION_MARK = 'sessions-adopted';
const MARK_STATE = 'marker';

interface AdoptionMark extends WorkDoc {
  /** The newest session day the catch-up has seen (YYYYMMDD). */
  through_day: string;
  /** The sessions already read of that day and the day before it. */
  recent: string[];
}

/**
 * Adopts the tickets of saved sessions never adopted: the sessions of the newest day seen and
 * the day before it (a margin for saves across midnight) that were not read yet, and every later
 * one. The first catch-up reads the whole history once; after that a read costs one listing of
 * the recent days from the session index. Resolves to how many tickets it created.
 */
export async function catchUpTickets(store: RecordStore, clock: Clock): Promise<number> {
  const mark = (await store.getWork('ticket', ADOPTION_MARK)) as AdoptionMark | undefined;
  const since = mark === undefined ? undefined : dayBefore(mark.through_day);
  const listed = (await store.listSessions(since === undefined ? {} : { since })).filter(
    (s) => s.corrupt === undefined,
  );
  const seen = new Set(mark?.recent ?? []);
  const todo = listed.filter((s) => !seen.has(s.session_id));
  if (todo.length === 0) return 0;
  let created = 0;
  const read: string[] = [];
  for (const summary of todo) {
    let session: SessionRecord | undefined;
    try {
      session = await store.getSession(summary.session_id);
    } catch (error) {
      // A damaged session is `cs doctor`'s: it is tried again while it is recent.
      if (CsError.isInstance(error) && error.code === 'E_CORRUPT') continue;
      throw error;
    }
    if (session) created += await adoptSessionTickets(store, session, clock);
    read.push(summary.session_id);
  }
  await advanceMark(store, [...seen, ...read], clock);
  return created;
}

/** Moves the mark on to the newest day among `ids`, keeping the ids of that day and the one before. */
async function advanceMark(store: RecordStore, ids: string[], clock: Clock): Promise<void> {
  const now = clock.now().toISOString();
  const build = (current: AdoptionMark | undefined): AdoptionMark | undefined => {
    const all = [...new Set([...(current?.recent ?? []), ...ids])];
    const days = all.map(sessionDay).filter((d): d is string => d !== undefined);
    const through = [current?.through_day, ...days]
      .filter((d): d is string => d !== undefined)
      .sort()
      .at(-1);
    if (through === undefined) return undefined;
    const from = dayBefore(through);
    return {
      id: ADOPTION_MARK,
      state: MARK_STATE,
      created_at: current?.created_at ?? now,
      updated_at: now,
      through_day: through,
      recent: all.filter((id) => (sessionDay(id) ?? '') >= from).sort(),
    };
  };
  const first = build(undefined);
  if (first === undefined) return;
  const changed = await store.changeWork('ticket', ADOPTION_MARK, (current) => {
    const next = build(current as AdoptionMark);
    return next && { doc: next };
  });
  if (changed !== undefined) return;
  try {
    await store.addWork('ticket', first);
  } catch (error) {
    if (!(CsError.isInstance(error) && error.code === 'E_CONFLICT')) throw error;
    // Another process made the mark meanwhile: add ours to it.
    await store.changeWork('ticket', ADOPTION_MARK, (current) => {
      const next = build(current as AdoptionMark);
      return next && { doc: next };
    });
  }
}

/** The day (YYYYMMDD) of a session id `cs_<day>_<seq>_<tag>`. */
function sessionDay(id: string): string | undefined {
  return /^cs_(\d{8})_/.exec(id)?.[1];
}

function dayBefore(day: string): string {
  const d = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6, 8))));
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10).replaceAll('-', '');
}

// ---------------------------------------------------------------------------------------------
// Reading tickets.

/** The clock an operation runs on: the one passed in (runOperation sets CS_NOW's), else CS_NOW's. */
function clockOf(deps: OperationDeps): Clock {
  return deps.clock ?? clockFromEnv(deps.env);
}

/**
 * The ids of the customers a scoped reader (MCP without --admin) may see the tickets of; undefined
 * when every customer's.
 */
async function visibleCustomers(deps: OperationDeps): Promise<Set<string> | undefined> {
  if (!deps.customers) return undefined;
  return new Set((await deps.customers.customers()).map((c) => c._id));
}

function refuseUnseen(id: string): CsError {
  return new CsError(
    'E_REFUSED',
    `只能查看当前来电者的工单 Only the tickets of a live call's caller can be read or changed (${id}); reading others needs \`cs mcp --admin\`.`,
  );
}

function notFound(id: string): CsError {
  return new CsError('E_NOT_FOUND', `没有工单 No ticket ${id}: see \`cs tickets list\`.`);
}

/** The ticket, adopted first if its call's were not; E_NOT_FOUND naming it when there is none. */
async function readTicket(deps: OperationDeps, id: string): Promise<Ticket> {
  const wanted = id.trim();
  const visible = await visibleCustomers(deps);
  if (!TICKET_ID_PATTERN.test(wanted)) throw visible ? refuseUnseen(wanted) : notFound(wanted);
  await catchUpTickets(deps.store, clockOf(deps));
  const doc = await deps.store.getWork('ticket', wanted);
  if (!doc) throw visible ? refuseUnseen(wanted) : notFound(wanted);
  const ticket = ticketOf(doc);
  if (visible && !(ticket.customer_id !== undefined && visible.has(ticket.customer_id))) {
    throw refuseUnseen(wanted);
  }
  return ticket;
}

/** Tickets in some states, parsed, oldest first. */
async function ticketsIn(store: RecordStore, states: readonly string[]): Promise<Ticket[]> {
  return (await store.listWork('ticket', { state: states })).map(ticketOf);
}

function textMatches(
  filter: string,
  names: Array<string | null | undefined>,
  id: string | undefined,
): boolean {
  const q = filter.trim().toLowerCase();
  return names.some((n) => n?.toLowerCase().includes(q)) || id === filter.trim();
}

/** Whether the ticket is the customer's: part of the name, the id, or (part of) the phone. */
function customerMatches(ticket: Ticket, customer: string): boolean {
  if (textMatches(customer, [ticket.customer_name], ticket.customer_id)) return true;
  const phone = normalizePhone(customer.trim());
  return /^\+?\d{4,20}$/.test(phone) && ticket.phone !== null && normalizePhone(ticket.phone).includes(phone);
}

/** A ticket and whether it is overdue, as data. */
function ticketData(ticket: Ticket, now: Date) {
  return { ...ticket, overdue: isTicketOverdue(ticket, now), clocks: slaClocks(ticket, now) };
}

// ---------------------------------------------------------------------------------------------
// How people read them.

/** `2026-11-30 10:00` in local time, as the history listing shows times. */
export function localMinute(iso: string): string {
  return isoTimestamp(new Date(iso)).slice(0, 16).replace('T', ' ');
}

/** A duration in both languages, its two largest units, at least a minute: 1天2小时 / 1 day 2 hours. */
export function formatDuration(ms: number): Bilingual {
  const minutes = Math.max(1, Math.floor(ms / 60_000));
  const parts: Array<[number, string, string]> = [
    [Math.floor(minutes / 1440), '天', 'day'],
    [Math.floor((minutes % 1440) / 60), '小时', 'hour'],
    [minutes % 60, '分钟', 'minute'],
  ];
  const shown = parts.filter(([n]) => n > 0).slice(0, 2);
  return {
    zh: shown.map(([n, unit]) => `${n}${unit}`).join(''),
    en: shown.map(([n, , unit]) => `${n} ${unit}${n === 1 ? '' : 's'}`).join(' '),
  };
}

/** `逾期1天2小时 overdue by 1 day 2 hours`. */
export function overdueText(ms: number): string {
  const d = formatDuration(ms);
  return `逾期${d.zh} overdue by ${d.en}`;
}

const CLOCK_LABELS: Record<SlaClock['clock'], string> = {
  first_response: '首次响应 first response',
  resolution: '处理时限 resolution',
};

/** One clock: its due time, and how late it is or was. */
function clockText(c: SlaClock): string {
  const due = `due ${localMinute(c.due_at)}`;
  if (c.stopped_at === null) {
    return c.late_ms > 0 ? `${due} ⚠ ${overdueText(c.late_ms)}` : due;
  }
  const met = `met ${localMinute(c.stopped_at)}`;
  if (c.late_ms <= 0) return `${due} · ${met} ✓`;
  const late = formatDuration(c.late_ms);
  return `${due} · ${met}, 超时${late.zh} late by ${late.en}`;
}

/** One line of a listing. */
export function ticketLine(ticket: Ticket, now: Date): string {
  const running = slaClocks(ticket, now).filter((c) => c.stopped_at === null);
  const clocks =
    running.length > 0
      ? running.map((c) => `${CLOCK_LABELS[c.clock].split(' ')[0]} ${clockText(c)}`).join('  ')
      : ticket.closed_at !== null
        ? `closed ${localMinute(ticket.closed_at)}`
        : `resolved ${localMinute(ticket.resolved_at ?? ticket.updated_at)}`;
  return [...ticketColumns(ticket), clocks].join('  ');
}

/** What every line about a ticket starts with: id, state, customer, product, summary, assignee. */
function ticketColumns(ticket: Ticket): string[] {
  return [
    ticket.id,
    TICKET_STATE_LABELS[ticket.state],
    ticket.customer_name,
    ticket.product_name,
    ticket.summary,
    ticket.assignee ?? '未指派 unassigned',
  ];
}

/** The whole ticket, as `cs tickets show` prints it. */
export function ticketBlock(ticket: Ticket, now: Date): string {
  const lines = [
    `工单 Ticket ${ticket.id}`,
    `状态 State: ${TICKET_STATE_LABELS[ticket.state]}`,
    `客户 Customer: ${ticket.customer_name}${ticket.phone ? ` (${ticket.phone})` : ''}`,
    `产品 Product: ${ticket.product_name}`,
    `摘要 Summary: ${ticket.summary}`,
    `来自通话 From call: ${ticket.session_id}`,
    `开单 Opened: ${localMinute(ticket.opened_at)}`,
    `负责人 Assignee: ${ticket.assignee ?? '未指派 unassigned'}`,
  ];
  for (const c of slaClocks(ticket, now)) {
    lines.push(`${CLOCK_LABELS[c.clock]} (${spanText(c)}): ${clockText(c)}`);
  }
  if (ticket.resolution !== null) lines.push(`解决说明 Resolution: ${ticket.resolution}`);
  if (ticket.closed_at !== null) lines.push(`关闭 Closed: ${localMinute(ticket.closed_at)}`);
  if (ticket.comments.length > 0) {
    lines.push('备注 Comments:');
    for (const c of ticket.comments) lines.push(`- ${localMinute(c.at)} ${c.by}: ${c.text}`);
  }
  return lines.join('\n');
}

function spanText(c: SlaClock): string {
  const { value, unit } = c.span;
  const zh = { minute: '分钟', hour: '小时', day: '天', workday: '个工作日' }[unit];
  return `${value}${zh}`;
}

/** One audit entry as a line. */
export function auditLine(entry: AuditEntry): string {
  return `${localMinute(entry.at)}  ${entry.kind} ${entry.item_id}  ${entry.from ?? '—'} → ${entry.to}  ${entry.who}: ${entry.why}`;
}

// ---------------------------------------------------------------------------------------------
// The operations.

/** `cs tickets list` / MCP `list_tickets`. */
export const listTicketsOperation = defineOperation({
  name: 'list_tickets',
  title: 'List tickets',
  description:
    'Lists tickets (工单) opened in calls, oldest first, with their state, assignee and SLA clocks ' +
    '(first response and resolution, with how long overdue). Without state, every ticket not closed; ' +
    'narrowed by state, overdue, assignee, product (part of the name, or the id) and customer ' +
    '(part of the name, the id, or part of the phone).',
  readOnly: true,
  input: z.object({
    state: z.enum(TICKET_STATES).optional().describe('only tickets in this state (closed ones only so)'),
    overdue: z.boolean().optional().describe('only tickets with an SLA clock running past due'),
    assignee: z.string().min(1).optional().describe('only tickets assigned to this name'),
    product: z.string().min(1).optional().describe('part of the product’s name, or its id'),
    customer: z.string().min(1).optional().describe('part of the customer’s name, their id, or their phone'),
  }),
  async run(deps, input) {
    const now = clockOf(deps).now();
    await catchUpTickets(deps.store, clockOf(deps));
    const visible = await visibleCustomers(deps);
    const states = input.state === undefined ? TICKET_STATES.filter((s) => s !== 'closed') : [input.state];
    const tickets = (await ticketsIn(deps.store, states)).filter(
      (t) =>
        (visible === undefined || (t.customer_id !== undefined && visible.has(t.customer_id))) &&
        (input.overdue !== true || isTicketOverdue(t, now)) &&
        (input.assignee === undefined || t.assignee === input.assignee.trim()) &&
        (input.product === undefined || textMatches(input.product, [t.product_name], t.product_id)) &&
        (input.customer === undefined || customerMatches(t, input.customer)),
    );
    return { tickets, now: now.toISOString() };
  },
  text: ({ tickets, now }) =>
    tickets.length === 0
      ? '没有工单 No tickets.'
      : tickets.map((t) => ticketLine(t, new Date(now))).join('\n'),
  data: ({ tickets, now }) => tickets.map((t) => ticketData(t, new Date(now))),
});

/** `cs tickets show`. */
export const getTicketOperation = defineOperation({
  name: 'get_ticket',
  title: 'Show a ticket',
  description: 'One ticket (工单) with its state, assignee, SLA clocks, resolution and comments.',
  readOnly: true,
  input: z.object({ ticket_id: z.string().min(1).describe('the ticket id, TK<day>-<hex>') }),
  async run(deps, input) {
    const ticket = await readTicket(deps, input.ticket_id);
    return { ticket, now: clockOf(deps).now().toISOString() };
  },
  text: ({ ticket, now }) => ticketBlock(ticket, new Date(now)),
  data: ({ ticket, now }) => ticketData(ticket, new Date(now)),
});

const ACTION_WORDS: Record<TicketChange['action'], string> = {
  assign: '已指派 Assigned',
  comment: '已备注 Commented on',
  start: '已开始处理 Started',
  wait: '等待客户 Waiting for the customer on',
  resolve: '已解决 Resolved',
  reopen: '已重新打开 Reopened',
  close: '已关闭 Closed',
};

/** `cs tickets assign|comment|start|wait|resolve|reopen|close` / MCP `update_ticket`. */
export const updateTicketOperation = defineOperation({
  name: 'update_ticket',
  title: 'Work on a ticket',
  description:
    'Changes a ticket (工单): assign (assignee), comment (text), start, wait (for the customer), ' +
    'resolve (text: the resolution note), reopen (a resolved ticket) or close (a resolved ticket), ' +
    'each by someone (by) and written to the audit trail. A change the ticket’s state does not allow ' +
    'is refused naming the state, and nothing changes.',
  input: z.object({
    ticket_id: z.string().min(1).describe('the ticket id, TK<day>-<hex>'),
    action: z.enum(TICKET_ACTIONS).describe('what to do'),
    by: z.string().min(1).describe('who does it: the operator’s or supervisor’s name'),
    assignee: z.string().optional().describe('assign: whom to assign it to'),
    text: z
      .string()
      .optional()
      .describe('comment: the comment; resolve: the resolution note; other moves: an optional note'),
  }),
  async run(deps, input) {
    const change = ticketChange(input);
    // Read first: an unknown id or another caller's ticket is refused before anything else.
    await readTicket(deps, input.ticket_id);
    const visible = await visibleCustomers(deps);
    const at = clockOf(deps).now();
    let done: TicketTransition | undefined;
    const after = await deps.store.changeWork('ticket', input.ticket_id.trim(), (doc) => {
      const ticket = ticketOf(doc);
      if (visible && !(ticket.customer_id !== undefined && visible.has(ticket.customer_id))) {
        throw refuseUnseen(ticket.id);
      }
      done = applyTicketChange(ticket, change, { by: input.by, at: at.toISOString() });
      return { doc: ticketDoc(done.ticket), audit: done.audit };
    });
    if (after === undefined || done === undefined) throw notFound(input.ticket_id.trim());
    return { ticket: done.ticket, audit: done.audit, action: change.action, now: at.toISOString() };
  },
  text: ({ ticket, action, now }) =>
    `✓ ${ACTION_WORDS[action]} ${ticket.id} → ${TICKET_STATE_LABELS[ticket.state]}\n${ticketBlock(ticket, new Date(now))}`,
  data: ({ ticket, audit, now }) => ({ ticket: ticketData(ticket, new Date(now)), audit }),
});

/** The change an update asks for; E_INVALID when what it needs is missing. */
function ticketChange(input: {
  action: TicketChange['action'];
  assignee?: string | undefined;
  text?: string | undefined;
}): TicketChange {
  const note = input.text === undefined ? {} : { note: input.text };
  switch (input.action) {
    case 'assign':
      if (input.assignee === undefined || input.assignee.trim() === '') {
        throw new CsError('E_INVALID', 'assign needs an assignee (指派给谁).');
      }
      return { action: 'assign', assignee: input.assignee };
    case 'comment':
      return { action: 'comment', text: input.text ?? '' };
    case 'resolve':
      return { action: 'resolve', note: input.text ?? '' };
    default:
      return { action: input.action, ...note };
  }
}

/** `cs tickets overdue`. */
export const overdueTicketsOperation = defineOperation({
  name: 'overdue_tickets',
  title: 'Overdue tickets',
  description:
    'Tickets (工单) with an SLA clock running past due (first response or resolution), the longest ' +
    'overdue first, with how long.',
  readOnly: true,
  input: z.object({}),
  async run(deps) {
    const now = clockOf(deps).now();
    await catchUpTickets(deps.store, clockOf(deps));
    const visible = await visibleCustomers(deps);
    const found = (await ticketsIn(deps.store, ACTIVE_TICKET_STATES))
      .filter((t) => visible === undefined || (t.customer_id !== undefined && visible.has(t.customer_id)))
      .map((ticket) => ({ ticket, breaches: slaBreaches(ticket, now) }))
      .filter((o) => o.breaches.length > 0);
    const oldest = (o: (typeof found)[number]) => o.breaches.map((b) => b.due_at).sort()[0] ?? '';
    found.sort((a, b) => oldest(a).localeCompare(oldest(b)) || a.ticket.id.localeCompare(b.ticket.id));
    return { overdue: found, now: now.toISOString() };
  },
  text: ({ overdue }) =>
    overdue.length === 0
      ? '没有逾期工单 No overdue tickets.'
      : overdue
          .map(({ ticket, breaches }) =>
            [
              ...ticketColumns(ticket),
              ...breaches.map(
                (b) => `${CLOCK_LABELS[b.clock]} ${overdueText(b.late_ms)} (due ${localMinute(b.due_at)})`,
              ),
            ].join('  '),
          )
          .join('\n'),
  data: ({ overdue }) => overdue.map(({ ticket, breaches }) => ({ ...ticket, breaches })),
});

/** `cs audit`: the trail of an approval request, a ticket, or everything since a time. */
export const listAuditOperation = defineOperation({
  name: 'list_audit',
  title: 'Audit trail',
  description:
    'The audit trail (审计记录), oldest first: every change of one approval request (approval), of one ' +
    'ticket (ticket), or of every work item since a day or time (since); since may narrow either.',
  readOnly: true,
  input: z.object({
    approval: z.string().min(1).optional().describe('an approval request id'),
    ticket: z.string().min(1).optional().describe('a ticket id'),
    since: z.string().min(1).optional().describe('a day (YYYY-MM-DD, local) or an ISO 8601 time'),
  }),
  async run(deps, input) {
    if (input.approval === undefined && input.ticket === undefined && input.since === undefined) {
      throw new CsError('E_INVALID', 'Give an approval id, a ticket id or since (审计范围).');
    }
    if (input.approval !== undefined && input.ticket !== undefined) {
      throw new CsError('E_INVALID', 'Give an approval id or a ticket id, not both.');
    }
    const filter: AuditFilter = {};
    if (input.since !== undefined) filter.since = sinceTime(input.since);
    if (input.ticket !== undefined) {
      const ticket = await readTicket(deps, input.ticket);
      filter.kind = 'ticket';
      filter.itemId = ticket.id;
    } else if (input.approval !== undefined) {
      const id = input.approval.trim();
      if (!WORK_ID_PATTERN.test(id) || !(await deps.store.getWork('approval', id))) {
        throw new CsError(
          'E_NOT_FOUND',
          `没有审批请求 No approval request ${id}: see \`cs approvals list\`.`,
        );
      }
      filter.kind = 'approval';
      filter.itemId = id;
    } else {
      await catchUpTickets(deps.store, clockOf(deps));
    }
    return { entries: await deps.store.listAudit(filter) };
  },
  text: ({ entries }) =>
    entries.length === 0 ? '没有审计记录 No audit entries.' : entries.map(auditLine).join('\n'),
  data: ({ entries }) => entries,
});

/** A day (local midnight) or an ISO time, as the ISO UTC time audit entries are compared with. */
function sinceTime(raw: string): string {
  const text = raw.trim();
  const day = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(text);
  let ms = Number.NaN;
  if (day) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const local = new Date(y, m - 1, d);
    if (local.getFullYear() === y && local.getMonth() === m - 1 && local.getDate() === d)
      ms = local.getTime();
  } else if (/^\d{4}-\d{2}-\d{2}T/.test(text)) {
    ms = Date.parse(text);
  }
  if (Number.isNaN(ms)) {
    throw new CsError('E_INVALID', `since "${raw}" is not a day (YYYY-MM-DD) or an ISO 8601 time.`);
  }
  return new Date(ms).toISOString();
}
