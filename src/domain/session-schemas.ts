import { z } from 'zod';
import type { Grant } from './grant-schema.js';
import { PERMISSION_CATEGORIES } from './record-schemas.js';
import { RESOLUTION_STATUSES } from './resolution-status.js';

export const ConversationTurnSchema = z.looseObject({
  role: z.enum(['agent', 'customer']),
  content: z.string(),
});
export type ConversationTurn = z.infer<typeof ConversationTurnSchema>;

/** The end-of-call review (seed Step 7); the same schema binds the built-in and the LLM agent. */
export const ReviewSchema = z.looseObject({
  // `interrupted`: the call ended by a signal, a crash or an outage and was saved by recovery.
  resolution_status: z.enum(RESOLUTION_STATUSES),
  issue_summary: z.string().min(1),
  actions_taken: z.array(z.string()),
  follow_up_required: z.boolean(),
  customer_updates: z.record(z.string(), z.unknown()),
});
export type Review = z.infer<typeof ReviewSchema>;

/** What a saved `session.json` must hold (the legacy fields); everything else passes through. */
export const SessionFileSchema = z.looseObject({
  session_id: z.string(),
  product: z.string(),
  customer: z.string(),
  operator: z.string(),
  timestamp: z.string(),
  conversation: z.array(ConversationTurnSchema),
  review: ReviewSchema,
});

export const PermissionStatusSchema = z.enum(PERMISSION_CATEGORIES);

/** One system query made during a call, as recorded and as sent in a `system_query` event. */
export interface SystemQueryRecord {
  interface: string;
  method: string;
  endpoint: string;
  purpose: string;
  mock: boolean;
  ok: boolean;
  response?: unknown;
  error?: string;
  turn?: number;
  at?: string;
}

/** What a limit counted besides the action itself (the engine's CountedTotal). */
export interface CountedTotalRecord {
  concept: string;
  unit: string;
  /** Approved earlier in this call. */
  call: number;
  /** Approved in the customer's other calls within the window. */
  window: number;
  current: number;
  total: number;
  windowHours?: number;
}

/** One permission decision made during a call. */
export interface PermissionCheckRecord {
  action: string;
  status: z.infer<typeof PermissionStatusSchema>;
  rule: string | null;
  reason: string;
  /** Earlier approvals a limit added to this action (limits add up over a call and a window). */
  counted?: CountedTotalRecord[];
  /** The single-use approval this check issued or reused. */
  grant_id?: string;
  /** The approval requests a requires_supervisor decision raised (one per part to decide). */
  approval_ids?: string[];
  /** The request in the product's words (the engine's label: 退款50元), for the request ledger. */
  label?: string;
  /** The request's own amount, when it is one request that names one. */
  amount?: { value: number; unit: string };
  turn?: number;
  at?: string;
}

export interface TicketRecord {
  id: string;
  kind: 'requires_process' | 'requires_supervisor';
  summary: string;
  /** In a saved session only: `cancelled` when the caller withdrew the request it was for. */
  status?: 'cancelled';
  turn?: number;
  at?: string;
}

/**
 * A request the caller withdrew (算了 / 先不注销了 / never mind): names the ledger entry it
 * withdraws and the ticket it cancelled. Appended like every other list of a call's record.
 */
export interface WithdrawalRecord {
  /** The withdrawn request as checked (its `action`), or a ticket's summary. */
  action: string;
  /** Its label in the ledger. */
  what: string;
  /** The turn the withdrawn request was made in. */
  request_turn?: number;
  /** The ticket this withdrawal cancelled. */
  ticket_id?: string;
  /** The approval this withdrawal voided (it can no longer be carried out). */
  grant_id?: string;
  /** The approval requests this withdrawal closed (`withdrawn`) before a supervisor decided. */
  approval_ids?: string[];
  /** What the caller said, when the withdrawal was matched to it. */
  said?: string;
  turn?: number;
  at?: string;
}

/** A decision about one of the call's approval requests, delivered while the call was open. */
export interface CallNotificationRecord {
  notification_id: string;
  approval_id: string;
  content: string;
  turn?: number;
  at?: string;
}

/** Where one request of a call stands (see `RequestEntry.state`). */
export type RequestState = 'done' | 'approved' | 'escalated' | 'refused' | 'withdrawn';

/**
 * One entry of a call's request ledger (`requestLedger` in src/call/request-ledger.ts): every
 * request the call checked, ticketed or carried out, once, with where it stands.
 */
export interface RequestEntry {
  /** The request in the product's words (退款50元, 账户注销): a check's label, or a ticket's summary. */
  what: string;
  /** The text that was checked or ticketed (what acts and withdrawals are matched by). */
  action: string;
  amount?: { value: number; unit: string };
  /** The rule that decided it; null when none did or it was only ticketed. */
  rule: string | null;
  /** The engine's outcome (for a ticket opened without a check: the ticket's kind). */
  outcome: z.infer<typeof PermissionStatusSchema>;
  state: RequestState;
  ticket_id?: string;
  /** True once the ticket was cancelled by a withdrawal. */
  ticket_cancelled?: boolean;
  grant_id?: string;
  /** The approval requests raised for it (requires_supervisor). */
  approval_ids?: string[];
  carried_out: boolean;
  /** What the backend said when it carried the request out. */
  done?: string;
  /** Carried out as the call was cut off: the outcome is unknown. */
  unconfirmed?: boolean;
  withdrawn: boolean;
  turn?: number;
}

export interface GuardDecisionRecord {
  rule: string;
  outcome: string;
  detail: string;
  turn?: number;
  at?: string;
}

/** The JSONL events of a call (DESIGN.md), one per line with `--jsonl`. */
export type CallEvent =
  | {
      type: 'session_started';
      product: { id: string; name: string };
      operator: { id: string; name: string };
      customer: { id: string; name: string; phone: string; cold_start: boolean };
      language: 'zh' | 'en';
    }
  | { type: 'agent'; content: string }
  | { type: 'customer'; content: string }
  | ({ type: 'system_query' } & Omit<SystemQueryRecord, 'turn' | 'at'>)
  | ({ type: 'permission_check' } & Omit<PermissionCheckRecord, 'turn' | 'at'>)
  | ({ type: 'ticket' } & Omit<TicketRecord, 'turn' | 'at' | 'status'>)
  | { type: 'request_withdrawn'; what: string; ticket_id?: string }
  | { type: 'ticket_cancelled'; id: string; kind: TicketRecord['kind']; summary: string }
  | ({ type: 'guard' } & Omit<GuardDecisionRecord, 'turn' | 'at'>)
  | { type: 'grant'; grant_id: string; action: string; amount: Grant['amount']; rule: string | null }
  | { type: 'action'; action: string; changed: boolean; description: string; grant_id: string }
  | { type: 'notification'; approval_id: string; content: string }
  | { type: 'session_ended'; review: Review }
  | { type: 'session_saved'; session_id: string; path: string };

/**
 * A saved session (history/<id>/session.json): the legacy fields first (names, as the earlier
 * implementation wrote them), then what this system adds.
 */
export interface SessionRecord {
  session_id: string;
  product: string;
  customer: string;
  operator: string;
  timestamp: string;
  conversation: ConversationTurn[];
  review: Review;
  product_id?: string;
  customer_id?: string;
  operator_id?: string;
  customer_phone?: string;
  language?: 'zh' | 'en';
  agent?: string;
  started_at?: string;
  ended_at?: string;
  system_queries?: SystemQueryRecord[];
  permission_checks?: PermissionCheckRecord[];
  tickets?: TicketRecord[];
  guard_decisions?: GuardDecisionRecord[];
  actions_performed?: Array<{ action: string; description: string; turn: number; grant_id?: string }>;
  /** Approvals issued during the call, as issued. */
  grants?: Grant[];
  /** Requests the caller withdrew. */
  withdrawals?: WithdrawalRecord[];
  /** Supervisors' decisions that reached the call while it was open. */
  notifications?: CallNotificationRecord[];
  /** The call's request ledger as it stood when the call was saved. */
  requests?: RequestEntry[];
  [key: string]: unknown;
}
