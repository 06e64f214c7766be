import { createHash } from 'node:crypto';
import { rulesHash } from '../call/grants.js';
import {
  type ApprovalRequest,
  type ApprovalState,
  approvalDoc,
  approvalOf,
  EXPIRE_AFTER_DUE_MS,
  stateConflict,
  transition,
} from '../domain/approval-request.js';
import { type Clock, systemClock } from '../domain/clock.js';
import { CsError } from '../domain/cs-error.js';
import type { Grant } from '../domain/grant-schema.js';
import { currentProcess, isProcessAlive } from '../domain/process-identity.js';
import type { Product } from '../domain/record-schemas.js';
import { checkPermission, compileRules } from '../permissions/index.js';
import { productPermissions } from '../records/product-permissions.js';
import type { RecordStore } from '../store/record-store.js';
import type { WorkDoc } from '../store/workflow-store.js';
import { resolveQuery } from '../systems/resolve-query.js';
import { createSystemBackend } from '../systems/system-backend.js';
import { type ApprovalNews, tellCustomer } from './tell-customer.js';

/** What deciding and carrying out a request uses. */
export interface ApprovalDeps {
  store: RecordStore;
  env: NodeJS.ProcessEnv;
  clock?: Clock;
}

/** A request after a command touched it, and what the customer was told. */
export interface ApprovalOutcome {
  request: ApprovalRequest;
  /** The news the customer was sent, in order (approved, then executed …). */
  told: ApprovalNews[];
}

const now = (deps: ApprovalDeps) => (deps.clock ?? systemClock).now();

/** The request with this id; E_NOT_FOUND naming it. */
export async function getApproval(store: RecordStore, id: string): Promise<ApprovalRequest> {
  const doc = /^ap_[0-9a-f]{12}$/.test(id) ? await store.getWork('approval', id) : undefined;
  if (!doc) {
    throw new CsError('E_NOT_FOUND', `No approval request ${id}: see \`cs approvals list\` for the ids.`);
  }
  return approvalOf(doc);
}

/**
 * Moves one request from the state it was read in, under the store's lock on it: when another
 * process moved it meanwhile, E_CONFLICT names the state it is in now; nothing is written.
 */
async function move(
  deps: ApprovalDeps,
  read: ApprovalRequest,
  to: ApprovalState,
  by: { who: string; why: string },
  fields: Partial<ApprovalRequest> = {},
): Promise<ApprovalRequest> {
  const at = now(deps).toISOString();
  const after = await deps.store.changeWork('approval', read.id, (doc: WorkDoc) => {
    const current = approvalOf(doc);
    // Checked against what is stored now, not what was read: one decision wins.
    if (current.state !== read.state) throw stateConflict(current, to);
    const next = transition(current, to, { ...by, at }, fields);
    return { doc: approvalDoc(next.request), audit: next.audit };
  });
  if (!after) throw new CsError('E_NOT_FOUND', `No approval request ${read.id}.`);
  return approvalOf(after);
}

/**
 * `move` for the end of an execution another process may have finished meanwhile (two
 * reconcilers of one request): undefined then, its result stands and nobody is told twice.
 */
async function moveUnlessMoved(...args: Parameters<typeof move>): Promise<ApprovalRequest | undefined> {
  try {
    return await move(...args);
  } catch (error) {
    if (error instanceof CsError && error.code === 'E_CONFLICT') return undefined;
    throw error;
  }
}

/** Tells the customer; a failed notice never undoes the decision it reports. */
async function tell(deps: ApprovalDeps, request: ApprovalRequest, news: ApprovalNews, told: ApprovalNews[]) {
  await tellCustomer({ store: deps.store, env: deps.env, clock: deps.clock ?? systemClock }, request, news);
  told.push(news);
}

// ---- supervisors

/** A supervisor's work item id: derived from the name, so a name is added once. */
function supervisorId(name: string): string {
  return `sv_${createHash('sha256').update(name.normalize('NFKC').trim()).digest('hex').slice(0, 16)}`;
}

/** Names a supervisor (who may decide approval requests); E_CONFLICT when already named. */
export async function addSupervisor(deps: ApprovalDeps, name: string): Promise<{ name: string }> {
  const clean = name.normalize('NFKC').trim();
  if (clean === '') throw new CsError('E_INVALID', 'A supervisor needs a name: cs supervisors add NAME.');
  const at = now(deps).toISOString();
  await deps.store.addWork(
    'supervisor',
    { id: supervisorId(clean), state: 'active', created_at: at, updated_at: at, name: clean },
    {
      at,
      kind: 'supervisor',
      item_id: supervisorId(clean),
      who: 'admin',
      from: null,
      to: 'active',
      why: clean,
    },
  );
  return { name: clean };
}

async function requireSupervisor(
  deps: ApprovalDeps,
  name: string,
  request: ApprovalRequest,
): Promise<string> {
  const clean = name.normalize('NFKC').trim();
  if (clean === '') throw new CsError('E_USAGE', 'Say who decides: --by NAME (a supervisor).');
  const known = await deps.store.getWork('supervisor', supervisorId(clean));
  if (known?.state !== 'active') {
    throw new CsError(
      'E_REFUSED',
      `"${clean}" is not a supervisor: only supervisors decide approval requests (add one with \`cs supervisors add NAME\`).`,
    );
  }
  if (clean === request.raised_by) {
    throw new CsError('E_REFUSED', `${clean} raised approval request ${request.id} and cannot decide it.`);
  }
  return clean;
}

// ---- expiry and reconciling: run by every command that touches requests

/** Expires the pending requests left undecided a day past their due time; how many. */
export async function expireOverdue(deps: ApprovalDeps): Promise<number> {
  const cutoff = new Date(now(deps).getTime() - EXPIRE_AFTER_DUE_MS).toISOString();
  const stale = await deps.store.listWork('approval', { state: 'pending', dueBefore: cutoff });
  let expired = 0;
  for (const doc of stale) {
    const request = await expireIfDue(deps, approvalOf(doc));
    if (request.state === 'expired') expired++;
  }
  return expired;
}

async function expireIfDue(deps: ApprovalDeps, request: ApprovalRequest): Promise<ApprovalRequest> {
  if (request.state !== 'pending') return request;
  if (Date.parse(request.due_at) + EXPIRE_AFTER_DUE_MS > now(deps).getTime()) return request;
  let expired: ApprovalRequest;
  try {
    expired = await move(deps, request, 'expired', {
      who: 'system',
      why: `undecided a day past its due time (${request.due_at})`,
    });
  } catch (error) {
    if (error instanceof CsError && error.code === 'E_CONFLICT') return getApproval(deps.store, request.id);
    throw error;
  }
  await tell(deps, expired, 'expired', []);
  return expired;
}

/**
 * A request left `executing` by a process that died: carried out again with the same
 * idempotency key (the backend does it at most once) and its outcome recorded. A live
 * executor's request is left to it.
 */
async function reconcile(deps: ApprovalDeps, request: ApprovalRequest, told: ApprovalNews[]) {
  if (request.state === 'approved') return execute(deps, request, told);
  if (request.state !== 'executing' || !request.execution) return request;
  if (isProcessAlive(request.execution.process)) return request;
  return finishExecution(deps, request, told, 'reconciled after the executing process died');
}

/** Loads a request and brings it up to date (expired, reconciled) before a command reads it. */
export async function touchApproval(deps: ApprovalDeps, id: string): Promise<ApprovalOutcome> {
  const told: ApprovalNews[] = [];
  let request = await getApproval(deps.store, id);
  request = await expireIfDue(deps, request);
  request = await reconcile(deps, request, told);
  return { request, told };
}

// ---- decisions

/**
 * A supervisor approves: the rules and the facts are checked again (changed → `invalidated`,
 * the customer told why), then the approval becomes a grant and the action is carried out
 * through the backend a call uses, once.
 */
export async function approveRequest(
  deps: ApprovalDeps,
  input: { id: string; by: string; note?: string },
): Promise<ApprovalOutcome> {
  const { request: read } = await touchApproval(deps, input.id);
  const by = await requireSupervisor(deps, input.by, read);
  if (read.state !== 'pending') throw stateConflict(read, 'approved');
  const told: ApprovalNews[] = [];
  const stale = await whatChanged(deps, read);
  if (stale) {
    const invalidated = await move(
      deps,
      read,
      'invalidated',
      { who: by, why: stale },
      { decision_note: stale },
    );
    await tell(deps, invalidated, 'invalidated', told);
    return { request: invalidated, told };
  }
  const at = now(deps).toISOString();
  const approved = await move(
    deps,
    read,
    'approved',
    { who: by, why: input.note?.trim() || 'approved' },
    {
      decided_by: by,
      decided_at: at,
      decision_note: input.note?.trim() || null,
      grant_id: `gr_${read.idempotency_key.slice(-16)}`,
    },
  );
  await tell(deps, approved, 'approved', told);
  return { request: await execute(deps, approved, told), told };
}

/** A supervisor rejects, with a reason kept for the team (the customer gets the template). */
export async function rejectRequest(
  deps: ApprovalDeps,
  input: { id: string; by: string; reason: string },
): Promise<ApprovalOutcome> {
  const reason = input.reason.trim();
  if (reason === '') throw new CsError('E_USAGE', 'Say why it is rejected: --reason TEXT.');
  const { request: read } = await touchApproval(deps, input.id);
  const by = await requireSupervisor(deps, input.by, read);
  const rejected = await move(
    deps,
    read,
    'rejected',
    { who: by, why: reason },
    { decided_by: by, decided_at: now(deps).toISOString(), decision_note: reason },
  );
  const told: ApprovalNews[] = [];
  await tell(deps, rejected, 'rejected', told);
  return { request: rejected, told };
}

/**
 * The caller withdrew the request in the call: its pending approval requests are closed
 * (`withdrawn`) and the customer told. Requests already decided are left as they are.
 */
export async function withdrawRequests(
  deps: ApprovalDeps,
  ids: readonly string[],
  who: string,
): Promise<ApprovalRequest[]> {
  const withdrawn: ApprovalRequest[] = [];
  for (const id of ids) {
    const read = await getApproval(deps.store, id);
    if (read.state !== 'pending') continue;
    try {
      const request = await move(deps, read, 'withdrawn', { who, why: 'the caller withdrew the request' });
      await tell(deps, request, 'withdrawn', []);
      withdrawn.push(request);
    } catch (error) {
      if (!(error instanceof CsError && error.code === 'E_CONFLICT')) throw error;
    }
  }
  return withdrawn;
}

/**
 * Why a request may no longer be approved as it was raised: the product's rules changed (or
 * now forbid it), or a fact it rests on reads differently now. Undefined when nothing changed.
 */
async function whatChanged(deps: ApprovalDeps, request: ApprovalRequest): Promise<string | undefined> {
  const product = await deps.store.get('product', request.product_id);
  if (!product) return `the product ${request.product_name} no longer exists`;
  if (rulesHash(product) !== request.rules_hash) {
    const decision = checkPermission(compileRules(productPermissions(product)), request.action);
    return `the product's rules changed since the request (now: ${decision.status}${decision.rule ? `, ${decision.rule}` : ''})`;
  }
  const backend = createSystemBackend({
    store: deps.store,
    env: deps.env,
    ...(deps.clock ? { clock: deps.clock } : {}),
  });
  for (const fact of request.facts) {
    const resolved = safeResolve(product, request.phone, fact.interface, fact.endpoint);
    if (!resolved) return `the interface ${fact.interface} it was verified with is gone`;
    const again = await backend.query(resolved, { product, phone: request.phone });
    if (!again.ok) return `${fact.interface} cannot be checked again (${again.error ?? 'no answer'})`;
    if (JSON.stringify(again.response ?? null) !== JSON.stringify(fact.response ?? null)) {
      return `the facts changed since the request: ${fact.interface} answers differently now`;
    }
  }
  return undefined;
}

function safeResolve(product: Product, phone: string, interfaceName: string, endpoint: string) {
  try {
    return resolveQuery({ product, phone, interfaceName, endpoint });
  } catch {
    return undefined;
  }
}

// ---- execution

/**
 * Carries out an approved request: `approved → executing` under the lock (one executor), the
 * grant issued and consumed like any call's, then the backend with the request's idempotency
 * key; `executed` or `failed`, and the customer told.
 */
async function execute(deps: ApprovalDeps, approved: ApprovalRequest, told: ApprovalNews[]) {
  let executing: ApprovalRequest;
  try {
    executing = await move(
      deps,
      approved,
      'executing',
      { who: 'system', why: 'carrying out the approved action' },
      {
        execution: {
          started_at: now(deps).toISOString(),
          finished_at: null,
          process: currentProcess(),
          changed: null,
          description: null,
          error: null,
        },
      },
    );
  } catch (error) {
    // Another process took the execution: report the request as it is now.
    if (error instanceof CsError && error.code === 'E_CONFLICT') return getApproval(deps.store, approved.id);
    throw error;
  }
  return finishExecution(deps, executing, told, 'carried out');
}

async function finishExecution(
  deps: ApprovalDeps,
  executing: ApprovalRequest,
  told: ApprovalNews[],
  why: string,
): Promise<ApprovalRequest> {
  const execution = executing.execution!;
  let outcome: { changed: boolean; description: string };
  try {
    await ensureGrant(deps, executing);
    const product = await deps.store.get('product', executing.product_id);
    if (!product) throw new CsError('E_NOT_FOUND', `Product ${executing.product_name} no longer exists.`);
    const backend = createSystemBackend({
      store: deps.store,
      env: deps.env,
      ...(deps.clock ? { clock: deps.clock } : {}),
    });
    outcome = await backend.applyApprovedAction({
      product,
      phone: executing.phone,
      concept: executing.concept,
      action: executing.action,
      ...(executing.amount ? { quantity: executing.amount } : {}),
      idempotencyKey: executing.idempotency_key,
      language: executing.language,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const failed = await moveUnlessMoved(
      deps,
      executing,
      'failed',
      { who: 'system', why: message },
      { execution: { ...execution, finished_at: now(deps).toISOString(), error: message } },
    );
    if (!failed) return getApproval(deps.store, executing.id);
    await tell(deps, failed, 'failed', told);
    return failed;
  }
  const executed = await moveUnlessMoved(
    deps,
    executing,
    'executed',
    { who: 'system', why: `${why}: ${outcome.description}` },
    {
      execution: {
        ...execution,
        finished_at: now(deps).toISOString(),
        changed: outcome.changed,
        description: outcome.description,
      },
    },
  );
  if (!executed) return getApproval(deps.store, executing.id);
  await tell(deps, executed, 'executed', told);
  return executed;
}

/**
 * The approval as a grant of the call that raised it, consumed by this execution: limits keep
 * adding up, and a grant already consumed (a retried execution) is not issued again.
 */
async function ensureGrant(deps: ApprovalDeps, request: ApprovalRequest): Promise<void> {
  const grantId = request.grant_id;
  if (!grantId) return;
  const existing = await deps.store.listGrants({ customerId: request.customer_id, callId: request.call_id });
  if (existing.some((g) => g.grant_id === grantId)) return;
  const at = now(deps).toISOString();
  const grant: Grant = {
    grant_id: grantId,
    call_id: request.call_id,
    customer_id: request.customer_id,
    product_id: request.product_id,
    action: request.action,
    concept: request.concept,
    amount: request.amount,
    rule: request.rule,
    rules_hash: request.rules_hash,
    issued_at: at,
    consumed_at: null,
    consumed_by: null,
  };
  await deps.store.putGrant(grant);
  await deps.store.consumeGrant({
    grantId,
    customerId: request.customer_id,
    consumedAt: at,
    consumedBy: `approval ${request.id}`,
  });
}
