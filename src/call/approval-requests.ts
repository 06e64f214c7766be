import { randomBytes } from 'node:crypto';
import { type ApprovalRequest, approvalDoc, type VerifiedFact } from '../domain/approval-request.js';
import type { Language } from '../domain/language.js';
import type { Customer, Product } from '../domain/record-schemas.js';
import type { SystemQueryRecord } from '../domain/session-schemas.js';
import type { PermissionDecision, PermissionPart } from '../permissions/index.js';
import { dueAt, slaTime } from '../records/product-sla.js';
import type { WorkflowStore } from '../store/workflow-store.js';

/**
 * A request the engine sent to a supervisor, as the call knows it: who asks, what for, what the
 * engine said, and what the call had verified when it asked.
 */
export interface RaiseApprovalInput {
  product: Product;
  customer: Customer;
  phone: string;
  callId: string;
  language: Language;
  decision: PermissionDecision;
  rulesHash: string;
  /** The call's system queries so far: the ones that answered are the facts the request rests on. */
  queries: readonly SystemQueryRecord[];
  raisedBy: string;
  now: Date;
}

/**
 * The approval requests one `requires_supervisor` decision raises: one per part a supervisor
 * must decide (退款200元并延长会员10天 → two), each due when the product's SLA promises a
 * supervisor's answer (the same reading the permission block and the agent's words use).
 */
export function approvalRequestsFor(input: RaiseApprovalInput): ApprovalRequest[] {
  const { decision } = input;
  if (decision.status !== 'requires_supervisor') return [];
  const parts = decision.parts.filter((p) => p.status === 'requires_supervisor');
  const created = input.now.toISOString();
  const due = dueAt(slaTime(input.product.sla, 'supervisor'), input.now).toISOString();
  const facts: VerifiedFact[] = input.queries
    .filter((q) => q.ok)
    .map((q) => ({
      interface: q.interface,
      endpoint: q.endpoint,
      at: q.at ?? created,
      response: q.response ?? null,
    }));
  const requestOf = (part: PermissionPart | undefined): ApprovalRequest => ({
    id: `ap_${randomBytes(6).toString('hex')}`,
    state: 'pending',
    created_at: created,
    updated_at: created,
    due_at: due,
    product_id: input.product._id,
    product_name: input.product.name,
    customer_id: input.customer._id,
    customer_name: input.customer.name,
    phone: input.phone,
    call_id: input.callId,
    session_id: null,
    language: input.language,
    action: part?.label ?? decision.label ?? decision.action.trim(),
    concept: part?.concept ?? 'other',
    amount: part?.amount ? { value: part.amount.value, unit: part.amount.unit } : null,
    rule: part ? part.rule : decision.rule,
    reason: part ? part.reason : decision.reason,
    rules_hash: input.rulesHash,
    facts,
    raised_by: input.raisedBy,
    decided_by: null,
    decided_at: null,
    decision_note: null,
    grant_id: null,
    idempotency_key: `idem_${randomBytes(12).toString('hex')}`,
    execution: null,
  });
  return parts.length > 1 ? parts.map(requestOf) : [requestOf(parts[0])];
}

/** Stores new requests, each with the audit entry of its creation. */
export async function putApprovalRequests(
  store: WorkflowStore,
  requests: readonly ApprovalRequest[],
): Promise<void> {
  for (const request of requests) {
    await store.addWork('approval', approvalDoc(request), {
      at: request.created_at,
      kind: 'approval',
      item_id: request.id,
      who: request.raised_by,
      from: null,
      to: 'pending',
      why: request.reason,
    });
  }
}
