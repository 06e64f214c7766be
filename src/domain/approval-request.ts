import { z } from 'zod';
import { APPROVAL_STATES, type ApprovalState } from './approval-states.js';
import { CsError, describeIssues } from './cs-error.js';
import { GrantUnitSchema } from './grant-schema.js';
import type { AuditEntry, WorkDoc } from './work-item.js';

/**
 * An approval request: what a `requires_supervisor` decision leaves behind, in any path (the
 * built-in agent, the LLM agent, `cs session act`, MCP), until a supervisor decides it and the
 * action is carried out. Its lifecycle:
 *
 *   pending → approved | rejected | expired | withdrawn | invalidated
 *   approved → executing → executed | failed
 *
 * The transitions below are pure; src/approvals/decide-approval.ts runs them through the store's
 * `changeWork`, so a decision is taken once among any number of processes. (In domain/: a call
 * raises requests and src/approvals/ decides them.)
 */

export { APPROVAL_STATES, type ApprovalState, FINAL_APPROVAL_STATES } from './approval-states.js';

/** A fact the request depends on: a system query of the call, as it answered. */
export const VerifiedFactSchema = z.object({
  interface: z.string(),
  endpoint: z.string(),
  at: z.string(),
  response: z.unknown(),
});
export type VerifiedFact = z.infer<typeof VerifiedFactSchema>;

export const ApprovalRequestSchema = z.looseObject({
  id: z.string().regex(/^ap_[0-9a-f]{12}$/),
  state: z.enum(APPROVAL_STATES),
  created_at: z.string(),
  updated_at: z.string(),
  /** When the supervisor's answer was promised (the product's SLA from `created_at`). */
  due_at: z.string(),
  product_id: z.string(),
  product_name: z.string(),
  customer_id: z.string(),
  customer_name: z.string(),
  phone: z.string(),
  /** The live call that raised it, and the saved session once the call is saved. */
  call_id: z.string(),
  session_id: z.string().nullable(),
  language: z.enum(['zh', 'en']),
  /** The action as the engine normalised it (退款200元), and its concept and amount. */
  action: z.string(),
  concept: z.string(),
  amount: z.object({ value: z.number(), unit: GrantUnitSchema }).nullable(),
  /** The rule that sent it to a supervisor (null: no rule covers it), and the engine's reason. */
  rule: z.string().nullable(),
  reason: z.string(),
  /** sha256 of the product's operator_permissions when it was raised. */
  rules_hash: z.string(),
  facts: z.array(VerifiedFactSchema),
  /** Who raised it: `rules-agent`, `llm-agent`, `assistant:<tag>`, `cli`. */
  raised_by: z.string(),
  decided_by: z.string().nullable(),
  decided_at: z.string().nullable(),
  /** The supervisor's note (approve) or reason (reject), or why the system closed it. */
  decision_note: z.string().nullable(),
  /** The grant an approval issued, consumed by the execution. */
  grant_id: z.string().nullable(),
  /** Sent with the execution to a real backend, so a retried execution is done once. */
  idempotency_key: z.string(),
  execution: z
    .object({
      started_at: z.string(),
      finished_at: z.string().nullable(),
      /** The process carrying it out: a dead one's execution is reconciled by the next command. */
      process: z.object({ host: z.string(), pid: z.number(), started: z.number() }),
      changed: z.boolean().nullable(),
      description: z.string().nullable(),
      error: z.string().nullable(),
    })
    .nullable(),
});
export type ApprovalRequest = z.infer<typeof ApprovalRequestSchema>;

/** A stored document as an approval request; E_CORRUPT naming it when it is not one. */
export function approvalOf(doc: WorkDoc): ApprovalRequest {
  const parsed = ApprovalRequestSchema.safeParse(doc);
  if (!parsed.success) {
    throw new CsError(
      'E_CORRUPT',
      `The stored approval request ${doc.id} is malformed: ${describeIssues(parsed.error.issues)}.`,
    );
  }
  return parsed.data;
}

/** The request as a stored document. */
export function approvalDoc(request: ApprovalRequest): WorkDoc {
  return request as unknown as WorkDoc;
}

/** A transition of a request: the new request and its audit entry. */
export interface ApprovalTransition {
  request: ApprovalRequest;
  audit: AuditEntry;
}

/** Which states may move to which. */
const NEXT: Record<ApprovalState, readonly ApprovalState[]> = {
  pending: ['approved', 'rejected', 'expired', 'withdrawn', 'invalidated'],
  approved: ['executing', 'failed'],
  executing: ['executed', 'failed'],
  rejected: [],
  expired: [],
  withdrawn: [],
  invalidated: [],
  executed: [],
  failed: [],
};

/**
 * Moves a request to `to`: E_CONFLICT naming the state it is in when that move is not allowed
 * (deciding a request already decided). `fields` are the other fields the move sets.
 */
export function transition(
  request: ApprovalRequest,
  to: ApprovalState,
  by: { who: string; why: string; at: string },
  fields: Partial<ApprovalRequest> = {},
): ApprovalTransition {
  if (!NEXT[request.state].includes(to)) throw stateConflict(request, to);
  return {
    request: { ...request, ...fields, state: to, updated_at: by.at },
    audit: {
      at: by.at,
      kind: 'approval',
      item_id: request.id,
      who: by.who,
      from: request.state,
      to,
      why: by.why,
    },
  };
}

/** The refusal of a move the request's state does not allow: names the state it is in. */
export function stateConflict(request: ApprovalRequest, to: ApprovalState): CsError {
  const by = request.decided_by ? ` (by ${request.decided_by})` : '';
  return new CsError(
    'E_CONFLICT',
    `Approval request ${request.id} is ${request.state}${by}; it cannot become ${to}.`,
    { details: { id: request.id, state: request.state } },
  );
}

/**
 * How long after its due time an undecided request stays open: then it expires and the caller
 * is told to call again (an overdue request is still listed and can be decided until then).
 */
export const EXPIRE_AFTER_DUE_MS = 24 * 3_600_000;

/** Whether a pending request is past its due time at `now`. */
export function isOverdue(request: Pick<ApprovalRequest, 'state' | 'due_at'>, now: Date): boolean {
  return request.state === 'pending' && Date.parse(request.due_at) < now.getTime();
}
