import type { CallRecordState } from '../../call/call-session.js';
import { sessionStartedEvent } from '../../call/call-session.js';
import type { CallParticipants } from '../../call/start-call.js';
import type { CallEvent } from '../../domain/session-schemas.js';

/** Events of a turn with where they sort: their time ('' first), then the order they were read in. */
interface Placed {
  turn: number;
  at: string;
  order: number;
  events: CallEvent[];
}

/**
 * A call's record as the JSONL events of DESIGN.md, in the order they happened: the start, the
 * agent's greeting, then each customer line followed by what its turn did (queries, checks,
 * tickets, actions, withdrawals, guard decisions) and the replies, then the notifications
 * delivered in that turn. What a turn did is ordered by its time; replies carry none, so they
 * come after what their turn looked up. An agent turn a person wrote names them (`by`).
 *
 * @example callEvents(record, participants)[0].type // 'session_started'
 */
export function callEvents(record: CallRecordState, participants: CallParticipants): CallEvent[] {
  const placed: Placed[] = [];
  const place = (turn: number | undefined, at: string | undefined, events: CallEvent[]) => {
    placed.push({ turn: turn ?? -1, at: at ?? '', order: placed.length, events });
  };
  const grants = new Map((record.grants ?? []).map((g) => [g.grant_id, g]));
  for (const q of record.system_queries) {
    const { turn, at, ...rest } = q;
    place(turn, at, [{ type: 'system_query', ...rest }]);
  }
  for (const c of record.permission_checks) {
    const { turn, at, ...rest } = c;
    const grant = c.grant_id === undefined ? undefined : grants.get(c.grant_id);
    const issued: CallEvent[] = grant
      ? [
          {
            type: 'grant',
            grant_id: grant.grant_id,
            action: c.action,
            amount: grant.amount,
            rule: grant.rule,
          },
        ]
      : [];
    if (grant) grants.delete(grant.grant_id);
    place(turn, at, [{ type: 'permission_check', ...rest }, ...issued]);
  }
  for (const t of record.tickets) {
    place(t.turn, t.at, [{ type: 'ticket', id: t.id, kind: t.kind, summary: t.summary }]);
  }
  for (const a of record.actions_performed) {
    // An action keeps no time of its own: it follows the check that approved it.
    const approvedAt = record.permission_checks.find((c) => c.grant_id === a.grant_id)?.at;
    place(a.turn, approvedAt, [
      {
        type: 'action',
        action: a.action,
        // The record keeps what the backend said, not its flag: an unconfirmed one may not have changed.
        changed: a.unconfirmed !== true,
        description: a.description,
        grant_id: a.grant_id ?? '',
      },
    ]);
  }
  for (const w of record.withdrawals ?? []) {
    const cancelled = record.tickets.find((t) => t.id === w.ticket_id);
    place(w.turn, w.at, [
      {
        type: 'request_withdrawn',
        what: w.what,
        ...(w.ticket_id === undefined ? {} : { ticket_id: w.ticket_id }),
      },
      ...(cancelled
        ? [
            {
              type: 'ticket_cancelled' as const,
              id: cancelled.id,
              kind: cancelled.kind,
              summary: cancelled.summary,
            },
          ]
        : []),
    ]);
  }
  for (const g of record.guard_decisions) {
    place(g.turn, g.at, [{ type: 'guard', rule: g.rule, outcome: g.outcome, detail: g.detail }]);
  }
  const byTurn = (turn: number) =>
    placed
      .filter((p) => p.turn === turn)
      .sort((a, b) => (a.at === b.at ? a.order - b.order : a.at < b.at ? -1 : 1))
      .flatMap((p) => p.events);
  const notified = (turn: number): CallEvent[] =>
    (record.notifications ?? [])
      .filter((n) => (n.turn ?? -1) === turn)
      .map((n) => ({ type: 'notification', approval_id: n.approval_id, content: n.content }));

  const events: CallEvent[] = [sessionStartedEvent(participants, record.language)];
  let turn = -1;
  let replies: CallEvent[] = [];
  const closeTurn = () => {
    events.push(...byTurn(turn), ...replies, ...notified(turn));
    replies = [];
  };
  for (const said of record.conversation) {
    if (said.role === 'customer') {
      closeTurn();
      turn++;
      events.push({ type: 'customer', content: said.content });
    } else {
      const reply: { type: 'agent'; content: string; by?: string } = { type: 'agent', content: said.content };
      if (typeof said.by === 'string') reply.by = said.by;
      replies.push(reply);
    }
  }
  closeTurn();
  return events;
}
