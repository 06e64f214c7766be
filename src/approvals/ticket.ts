import { z } from 'zod';
import { CsError, describeIssues } from '../domain/cs-error.js';
import type { SessionRecord, TicketRecord } from '../domain/session-schemas.js';
import { dueAt, type Span, slaTime } from '../records/product-sla.js';
import type { AuditEntry, WorkDoc } from '../store/workflow-store.js';

/**
 * A ticket (工单): what a `requires_process` request of a call leaves behind, worked on after the
 * call until it is resolved and closed. Its id is the call's ticket id (TK20261130-1A2B3C). Its
 * lifecycle:
 *
 *   open → in_progress ⇄ waiting_customer;  open | in_progress | waiting_customer → resolved
 *   resolved → in_progress (reopened) | closed;  closed is final
 *
 * Two SLA clocks run from `opened_at`, both read from the product's sla by the one SLA reader:
 * the first response (met when the ticket is first assigned, commented on, started or resolved)
 * and the resolution (`due_at`, met when it is resolved). The transitions below are pure;
 * src/operations/ticket-operations.ts runs them through the store's `changeWork`.
 */

export const TICKET_STATES = ['open', 'in_progress', 'waiting_customer', 'resolved', 'closed'] as const;
export type TicketState = (typeof TICKET_STATES)[number];

/** The states a ticket is worked in: its clocks run. */
export const ACTIVE_TICKET_STATES: readonly TicketState[] = ['open', 'in_progress', 'waiting_customer'];

/** The state labels people read, in the seed's bilingual style. */
export const TICKET_STATE_LABELS: Record<TicketState, string> = {
  open: '待处理 open',
  in_progress: '处理中 in_progress',
  waiting_customer: '待客户回复 waiting_customer',
  resolved: '已解决 resolved',
  closed: '已关闭 closed',
};

/**
 * A ticket id: the call's `TK<day>-<hex>`, or any id of that prefix a store can key (work item
 * ids are letters, digits, `_` and `-`). Nothing else in the ticket kind is a ticket.
 */
export const TICKET_ID_PATTERN = /^TK[A-Za-z0-9_-]{1,78}$/;

const SpanSchema = z.object({
  value: z.number(),
  unit: z.enum(['minute', 'hour', 'day', 'workday']),
});

export const TicketCommentSchema = z.object({ at: z.string(), by: z.string(), text: z.string() });
export type TicketComment = z.infer<typeof TicketCommentSchema>;

export const TicketSchema = z.looseObject({
  id: z.string().regex(TICKET_ID_PATTERN),
  state: z.enum(TICKET_STATES),
  /** When the ticket was opened in its call: listings are oldest first by it. */
  created_at: z.string(),
  updated_at: z.string(),
  kind: z.enum(['requires_process', 'requires_supervisor']),
  summary: z.string(),
  product_id: z.string().optional(),
  product_name: z.string(),
  customer_id: z.string().optional(),
  customer_name: z.string(),
  phone: z.string().nullable(),
  /** The saved call it was opened in. */
  session_id: z.string(),
  language: z.enum(['zh', 'en']),
  /** ISO 8601 UTC, as every time below. */
  opened_at: z.string(),
  /** The promises read from the product's sla when the ticket was adopted. */
  sla: z.object({ first_response: SpanSchema, resolution: SpanSchema }),
  first_response_due: z.string(),
  first_response_at: z.string().nullable(),
  /** The resolution's due time (the store's `due_at`). */
  due_at: z.string(),
  resolved_at: z.string().nullable(),
  closed_at: z.string().nullable(),
  assignee: z.string().nullable(),
  /** The note of the latest resolution. */
  resolution: z.string().nullable(),
  comments: z.array(TicketCommentSchema),
});
export type Ticket = z.infer<typeof TicketSchema>;

/** A stored document as a ticket; E_CORRUPT naming it when it is not one. */
export function ticketOf(doc: WorkDoc): Ticket {
  const parsed = TicketSchema.safeParse(doc);
  if (!parsed.success) {
    throw new CsError(
      'E_CORRUPT',
      `The stored ticket ${doc.id} is malformed: ${describeIssues(parsed.error.issues)}.`,
    );
  }
  return parsed.data;
}

/** The ticket as a stored document. */
export function ticketDoc(ticket: Ticket): WorkDoc {
  return ticket as unknown as WorkDoc;
}

/** A transition of a ticket: the new ticket and its audit entry. */
export interface TicketTransition {
  ticket: Ticket;
  audit: AuditEntry;
}

/** Who changes a ticket, and when (ISO 8601 UTC). */
export interface TicketActor {
  by: string;
  at: string;
}

/** What can be done to a ticket: one `update_ticket`. */
export type TicketChange =
  | { action: 'assign'; assignee: string }
  | { action: 'comment'; text: string }
  | { action: 'start'; note?: string }
  | { action: 'wait'; note?: string }
  | { action: 'resolve'; note: string }
  | { action: 'reopen'; note?: string }
  | { action: 'close'; note?: string };
export type TicketAction = TicketChange['action'];
export const TICKET_ACTIONS = ['assign', 'comment', 'start', 'wait', 'resolve', 'reopen', 'close'] as const;

/** The moves between states: from which states each goes, and where. */
const MOVES: Record<
  'start' | 'wait' | 'resolve' | 'reopen' | 'close',
  { from: TicketState[]; to: TicketState }
> = {
  start: { from: ['open', 'waiting_customer'], to: 'in_progress' },
  wait: { from: ['in_progress'], to: 'waiting_customer' },
  // A ticket answered at once needs no start: resolving an open ticket is allowed.
  resolve: { from: ['open', 'in_progress', 'waiting_customer'], to: 'resolved' },
  reopen: { from: ['resolved'], to: 'in_progress' },
  close: { from: ['resolved'], to: 'closed' },
};

const VERBS: Record<TicketAction, string> = {
  assign: 'be assigned',
  comment: 'be commented on',
  start: 'be started',
  wait: 'wait for the customer',
  resolve: 'be resolved',
  reopen: 'be reopened',
  close: 'be closed',
};

/**
 * Applies one change: E_INVALID for an empty assignee, comment or resolution note; E_CONFLICT
 * naming the ticket's state when the change is not allowed in it (nothing is ever done to a
 * closed ticket).
 *
 * @example applyTicketChange(ticket, { action: 'resolve', note: '已补偿' }, { by: '王五', at })
 */
export function applyTicketChange(
  ticket: Ticket,
  change: TicketChange,
  actor: TicketActor,
): TicketTransition {
  const by = required(actor.by, 'Who makes the change (by)');
  switch (change.action) {
    case 'assign': {
      const assignee = required(change.assignee, 'The assignee');
      allowed(ticket, 'assign', ticket.state !== 'closed');
      return changed(ticket, ticket.state, { by, at: actor.at }, `assigned to ${assignee}`, {
        assignee,
        first_response_at: ticket.first_response_at ?? actor.at,
      });
    }
    case 'comment': {
      const text = required(change.text, 'A comment');
      allowed(ticket, 'comment', ticket.state !== 'closed');
      return changed(ticket, ticket.state, { by, at: actor.at }, `comment: ${text}`, {
        comments: [...ticket.comments, { at: actor.at, by, text }],
        first_response_at: ticket.first_response_at ?? actor.at,
      });
    }
    case 'resolve': {
      const note = required(change.note, 'A resolution note');
      const move = MOVES.resolve;
      allowed(ticket, 'resolve', move.from.includes(ticket.state));
      return changed(ticket, move.to, { by, at: actor.at }, `resolved: ${note}`, {
        resolution: note,
        resolved_at: actor.at,
        first_response_at: ticket.first_response_at ?? actor.at,
      });
    }
    default: {
      const move = MOVES[change.action];
      allowed(ticket, change.action, move.from.includes(ticket.state));
      const note = change.note?.trim();
      const why = note ? `${change.action}: ${note}` : change.action;
      const fields: Partial<Ticket> =
        change.action === 'start'
          ? { first_response_at: ticket.first_response_at ?? actor.at }
          : change.action === 'reopen'
            ? { resolved_at: null }
            : change.action === 'close'
              ? { closed_at: actor.at }
              : {};
      return changed(ticket, move.to, { by, at: actor.at }, why, fields);
    }
  }
}

function required(text: string, what: string): string {
  const t = text.trim();
  if (t === '') throw new CsError('E_INVALID', `${what} cannot be empty (不能为空).`);
  return t;
}

function allowed(ticket: Ticket, action: TicketAction, ok: boolean): void {
  if (ok) return;
  throw new CsError(
    'E_CONFLICT',
    `Ticket ${ticket.id} is ${ticket.state} (${TICKET_STATE_LABELS[ticket.state].split(' ')[0]}); it cannot ${VERBS[action]}.`,
    { details: { id: ticket.id, state: ticket.state } },
  );
}

function changed(
  ticket: Ticket,
  to: TicketState,
  actor: TicketActor,
  why: string,
  fields: Partial<Ticket>,
): TicketTransition {
  return {
    ticket: { ...ticket, ...fields, state: to, updated_at: actor.at },
    audit: {
      at: actor.at,
      kind: 'ticket',
      item_id: ticket.id,
      who: actor.by,
      from: ticket.state,
      to,
      why,
    },
  };
}

/** What `newTicket` needs: the call's ticket, the saved session it is in, the product's sla. */
export interface NewTicketInput {
  ticket: TicketRecord;
  session: SessionRecord;
  sla: string | undefined;
  /** When the ticket was opened (its time in the call), and when the caller withdrew it if so. */
  openedAt: Date;
  cancelledAt?: Date;
}

/**
 * A call's ticket as a new work item, with its clocks, and the audit entry of its creation: open,
 * or closed at once when the caller withdrew the request in the call (the ticket was cancelled).
 * The first response is never due after the resolution.
 */
export function newTicket(input: NewTicketInput): TicketTransition {
  const { ticket, session } = input;
  const firstResponse = slaTime(input.sla, 'response');
  const resolution = slaTime(input.sla, 'process');
  const opened = input.openedAt;
  const resolutionDue = dueAt(resolution, opened);
  const responseDue = new Date(Math.min(dueAt(firstResponse, opened).getTime(), resolutionDue.getTime()));
  const openedAt = opened.toISOString();
  const cancelledAt = input.cancelledAt?.toISOString();
  const created: Ticket = {
    id: ticket.id,
    state: cancelledAt === undefined ? 'open' : 'closed',
    created_at: openedAt,
    updated_at: cancelledAt ?? openedAt,
    kind: ticket.kind,
    summary: ticket.summary,
    ...(session.product_id === undefined ? {} : { product_id: session.product_id }),
    product_name: session.product,
    ...(session.customer_id === undefined ? {} : { customer_id: session.customer_id }),
    customer_name: session.customer,
    phone: session.customer_phone ?? null,
    session_id: session.session_id,
    language: session.language ?? 'zh',
    opened_at: openedAt,
    sla: { first_response: firstResponse, resolution },
    first_response_due: responseDue.toISOString(),
    first_response_at: null,
    due_at: resolutionDue.toISOString(),
    resolved_at: null,
    closed_at: cancelledAt ?? null,
    assignee: null,
    resolution: null,
    comments: [],
  };
  return {
    ticket: created,
    audit: {
      at: cancelledAt ?? openedAt,
      kind: 'ticket',
      item_id: ticket.id,
      who: 'system',
      from: null,
      to: created.state,
      why:
        cancelledAt === undefined
          ? `opened in call ${session.session_id}: ${ticket.summary}`
          : `cancelled in call ${session.session_id}: the caller withdrew ${ticket.summary}`,
    },
  };
}

/** One SLA clock of a ticket as it stands at some time. */
export interface SlaClock {
  clock: 'first_response' | 'resolution';
  span: Span;
  due_at: string;
  /** When it stopped (met, or the ticket closed); null while it runs. */
  stopped_at: string | null;
  /** Milliseconds past due when it stopped or now: positive is a breach. */
  late_ms: number;
}

/**
 * The ticket's two clocks at `now`. A clock stops when its promise is met, or when the ticket
 * is closed (a cancelled ticket's clocks stop at once); a reopened ticket's resolution runs
 * again against the same due time.
 */
export function slaClocks(ticket: Ticket, now: Date): SlaClock[] {
  const clock = (name: SlaClock['clock'], span: Span, due: string, met: string | null): SlaClock => {
    const stopped = met ?? ticket.closed_at;
    const end = stopped === null ? now.getTime() : Date.parse(stopped);
    return { clock: name, span, due_at: due, stopped_at: stopped, late_ms: end - Date.parse(due) };
  };
  return [
    clock('first_response', ticket.sla.first_response, ticket.first_response_due, ticket.first_response_at),
    clock('resolution', ticket.sla.resolution, ticket.due_at, ticket.resolved_at),
  ];
}

/** The clocks running past their due time at `now`: what makes a ticket overdue. */
export function slaBreaches(ticket: Ticket, now: Date): SlaClock[] {
  return slaClocks(ticket, now).filter((c) => c.stopped_at === null && c.late_ms > 0);
}

/** Whether either clock of the ticket runs past its due time at `now`. */
export function isTicketOverdue(ticket: Ticket, now: Date): boolean {
  return slaBreaches(ticket, now).length > 0;
}
