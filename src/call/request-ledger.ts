import type { ResolutionStatus } from '../domain/resolution-status.js';
import type {
  PermissionCheckRecord,
  RequestEntry,
  RequestState,
  TicketRecord,
  WithdrawalRecord,
} from '../domain/session-schemas.js';

/** The lists of a call's record the ledger is made from (a `CallRecordState` has them all). */
export interface LedgerSource {
  permission_checks: readonly PermissionCheckRecord[];
  tickets: readonly TicketRecord[];
  actions_performed: ReadonlyArray<{
    action: string;
    description: string;
    turn?: number;
    grant_id?: string;
    unconfirmed?: boolean;
  }>;
  /** Absent in records saved before withdrawals existed. */
  withdrawals?: readonly WithdrawalRecord[];
}

/**
 * The request ledger of a call: one entry per request, in the order they were made, with the
 * rule that decided it, its ticket, whether it was carried out and whether it was withdrawn.
 * Derived, never stored while the call runs: the record's append-only lists (checks, tickets,
 * actions, withdrawals) are the one truth, so a live session written by several processes, a
 * recovered journal and a session saved before the ledger existed all read the same way.
 *
 * Each permission check is a request (a repeated one is not checked again: see
 * `CallSession.checkPermission`). A ticket belongs to the check it names (summary = the check's
 * action or label) or else to the latest check of its kind without one; an action carried out
 * belongs to the check whose grant it used. A ticket or an action no check explains is a request
 * of its own (an outside assistant may open a ticket without checking first).
 *
 * @example requestLedger(session.record).map((e) => `${e.what}: ${e.state}`)
 *   // ['退款50元: done', '账户注销: escalated']
 */
export function requestLedger(record: LedgerSource): RequestEntry[] {
  const entries: RequestEntry[] = record.permission_checks.map((c) => {
    const entry: RequestEntry = {
      what: whatOf(c),
      action: c.action,
      rule: c.rule,
      outcome: c.status,
      state: 'approved',
      carried_out: false,
      withdrawn: false,
    };
    if (c.amount) entry.amount = c.amount;
    if (c.grant_id) entry.grant_id = c.grant_id;
    if (c.approval_ids) entry.approval_ids = c.approval_ids;
    if (c.turn !== undefined) entry.turn = c.turn;
    return entry;
  });

  for (const t of record.tickets) {
    const named = (e: RequestEntry) => e.action.trim() === t.summary.trim() || e.what === t.summary.trim();
    const open = (e: RequestEntry) => e.ticket_id === undefined && e.outcome === t.kind;
    const before = (e: RequestEntry) => e.turn === undefined || t.turn === undefined || e.turn <= t.turn;
    const owner = entries.find((e) => open(e) && named(e)) ?? entries.findLast((e) => open(e) && before(e));
    if (owner) owner.ticket_id = t.id;
    else {
      const entry: RequestEntry = {
        what: t.summary,
        action: t.summary,
        rule: null,
        outcome: t.kind,
        state: 'escalated',
        ticket_id: t.id,
        carried_out: false,
        withdrawn: false,
      };
      if (t.turn !== undefined) entry.turn = t.turn;
      entries.push(entry);
    }
  }

  for (const a of record.actions_performed) {
    const owner =
      (a.grant_id === undefined
        ? undefined
        : entries.find((e) => !e.carried_out && e.grant_id === a.grant_id)) ??
      entries.find((e) => !e.carried_out && e.outcome === 'can_approve_immediately' && e.action === a.action);
    const entry: RequestEntry = owner ?? {
      what: a.action,
      action: a.action,
      rule: null,
      outcome: 'can_approve_immediately',
      state: 'done',
      carried_out: false,
      withdrawn: false,
      ...(a.grant_id === undefined ? {} : { grant_id: a.grant_id }),
      ...(a.turn === undefined ? {} : { turn: a.turn }),
    };
    entry.carried_out = true;
    entry.done = a.description;
    if (a.unconfirmed) entry.unconfirmed = true;
    if (!owner) entries.push(entry);
  }

  for (const w of record.withdrawals ?? []) {
    const target =
      (w.ticket_id === undefined ? undefined : entries.find((e) => e.ticket_id === w.ticket_id)) ??
      (w.grant_id === undefined ? undefined : entries.find((e) => e.grant_id === w.grant_id)) ??
      entries.find(
        (e) =>
          !e.withdrawn &&
          e.action === w.action &&
          (w.request_turn === undefined || e.turn === w.request_turn),
      );
    if (!target || target.carried_out) continue;
    target.withdrawn = true;
    if (target.ticket_id !== undefined) target.ticket_cancelled = true;
  }

  for (const e of entries) e.state = stateOf(e);
  return entries;
}

/**
 * A request's name in the review: the engine's label (退款30元); for a refusal by a forbidden
 * rule without one, the rule (透露其他用户信息), not the caller's whole sentence.
 */
function whatOf(c: PermissionCheckRecord): string {
  if (c.label !== undefined && c.label !== '') return c.label;
  if (c.status === 'forbidden' && c.rule !== null && c.rule !== '' && !/[<>≤≥=]/.test(c.rule)) return c.rule;
  return c.action;
}

function stateOf(e: RequestEntry): RequestState {
  if (e.withdrawn) return 'withdrawn';
  if (e.carried_out) return 'done';
  switch (e.outcome) {
    case 'can_approve_immediately':
      return 'approved';
    case 'forbidden':
      return 'refused';
    default:
      return 'escalated';
  }
}

/** What a ledger says about a call: its resolution status, and whether anyone must follow up. */
export interface LedgerOutcome {
  resolution_status: Exclude<ResolutionStatus, 'interrupted'>;
  follow_up_required: boolean;
  /** The entries that keep the call from being resolved (empty when it is). */
  unfinished: RequestEntry[];
}

/**
 * The review's status from the ledger: `resolved` only when every request still standing was
 * carried out (a call of questions only, answered, has none); any open escalation (a supervisor
 * or a process, ticketed or not) makes it `partially_resolved`, as does a mix of done and not
 * done; nothing done for any request is `unresolved`. Withdrawn requests do not count.
 * Follow-up is needed for an open escalation or an action whose outcome is unconfirmed.
 *
 * @example ledgerOutcome(requestLedger(record)).resolution_status // 'partially_resolved'
 */
export function ledgerOutcome(entries: readonly RequestEntry[]): LedgerOutcome {
  const standing = entries.filter((e) => !e.withdrawn);
  const unfinished = standing.filter((e) => e.state !== 'done');
  const escalated = standing.some((e) => e.state === 'escalated');
  const follow_up_required = escalated || standing.some((e) => e.unconfirmed === true);
  const resolution_status =
    unfinished.length === 0
      ? 'resolved'
      : escalated || standing.some((e) => e.state === 'done')
        ? 'partially_resolved'
        : 'unresolved';
  return { resolution_status, follow_up_required, unfinished };
}
