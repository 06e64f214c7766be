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
  turn?: number;
  at?: string;
}

export interface TicketRecord {
  id: string;
  kind: 'requires_process' | 'requires_supervisor';
  summary: string;
  turn?: number;
  at?: string;
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
  | ({ type: 'ticket' } & Omit<TicketRecord, 'turn' | 'at'>)
  | ({ type: 'guard' } & Omit<GuardDecisionRecord, 'turn' | 'at'>)
  | { type: 'grant'; grant_id: string; action: string; amount: Grant['amount']; rule: string | null }
  | { type: 'action'; action: string; changed: boolean; description: string; grant_id: string }
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
  [key: string]: unknown;
}
