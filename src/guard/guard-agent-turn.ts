import type { Customer, Product } from '../domain/record-schemas.js';
import type { Approval } from './_guard-actions.js';
import { productNumbers } from './product-numbers.js';
import { type GuardReplyInput, type GuardVerdict, guardReply } from './reply-guard.js';

/** The part of a call's record the guard reads (`CallRecordState` of src/call/call-session.ts). */
export interface GuardedCallRecord {
  language: 'zh' | 'en';
  started_at?: string;
  conversation: ReadonlyArray<{ role: string; content: string }>;
  system_queries: GuardReplyInput['systemQueries'];
  permission_checks: GuardReplyInput['permissionChecks'];
  learned?: Record<string, unknown>;
  /** Approvals issued in the call (grants); each vouches for its action. */
  grants?: readonly unknown[];
}

/** What `guardAgentTurn` needs: the draft, the call so far, who is on it, and everyone else. */
export interface GuardAgentTurnInput {
  /** What the assistant wants to say to the caller. */
  draft: string;
  /** The call so far; its conversation already holds the caller's latest words. */
  record: GuardedCallRecord;
  /** The call's product (its rules, SLA and FAQ numbers may be repeated), customer and phone. */
  participants: { product: Product; customer: Customer; phone: string };
  /** Every other customer in the store (the caller is left out by phone). */
  otherCustomers: ReadonlyArray<{ name: string; phone: string }>;
  /** Approvals recorded outside the call record, if any. */
  grants?: readonly Approval[];
  /** The call's date (YYYY-MM-DD); by default the latest query or check, else the call's start. */
  today?: string;
}

function isApproval(value: unknown): value is Approval {
  return (
    typeof value === 'object' && value !== null && typeof (value as { action?: unknown }).action === 'string'
  );
}

/** The caller's names as known in this call: stored (unless a cold-start placeholder) and learned. */
function callerNames(customer: Customer, learned: Record<string, unknown> | undefined): string[] {
  const names = [customer.name, learned?.name, learned?.real_name, learned?.name_mentioned];
  return names.filter((n): n is string => typeof n === 'string' && n.trim() !== '' && !/^来电客户_/.test(n));
}

/**
 * Guards a turn written by an outside assistant (CLI session, MCP) exactly as the built-in LLM
 * agent's drafts are guarded: builds the `GuardReplyInput` from the call's record and runs
 * `guardReply`. Pure; the caller records the verdict (a `guard` event) and decides what is said.
 *
 * @example guardAgentTurn({ draft: '已为您退款', record: session.record, participants, otherCustomers })
 * // { ok: false, rule: 'commitment_without_approval', detail: '...' }
 */
export function guardAgentTurn(input: GuardAgentTurnInput): GuardVerdict {
  const { record, participants } = input;
  const recorded = (record.grants ?? []).filter(isApproval);
  const startedOn = /^\d{4}-\d{2}-\d{2}/.test(record.started_at ?? '')
    ? record.started_at!.slice(0, 10)
    : undefined;
  const stamped = [...record.system_queries, ...record.permission_checks].some(
    (r) => typeof r.at === 'string',
  );
  const today = input.today ?? (stamped ? undefined : startedOn);
  return guardReply({
    draft: input.draft,
    language: record.language,
    callerPhone: participants.phone,
    callerNames: callerNames(participants.customer, record.learned),
    permissionChecks: record.permission_checks,
    grants: [...recorded, ...(input.grants ?? [])],
    systemQueries: record.system_queries,
    customerUtterances: record.conversation.filter((t) => t.role === 'customer').map((t) => t.content),
    otherCustomers: input.otherCustomers.filter((o) => o.phone !== participants.phone),
    allowedNumbers: productNumbers(participants.product),
    ...(today === undefined ? {} : { today }),
  });
}
