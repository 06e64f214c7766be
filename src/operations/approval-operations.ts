import type { ApprovalRequest } from '../domain/approval-request.js';
import { APPROVAL_STATES, type ApprovalState } from '../domain/approval-states.js';
import { type Clock, clockFromEnv } from '../domain/clock.js';
import { CsError } from '../domain/cs-error.js';
import { normalizePhone } from '../domain/phone.js';
import type { AuditEntry, WorkDoc } from '../domain/work-item.js';
import { defineOperation, type OperationDeps } from './define-operation.js';

// The supervisor's inbox: `cs approvals list|show|approve|reject`, `cs supervisors add`, and the
// MCP tools list_approvals / decide_approval. A listing loads neither zod nor the deciding code
// unless a request has to be expired first, so `cs approvals list` stays quick on a large inbox.

/** How each state reads in the inbox: Chinese first, English alongside. */
const STATE_WORDS: Record<ApprovalState, string> = {
  pending: '待审批 pending',
  approved: '已批准 approved',
  rejected: '已驳回 rejected',
  expired: '已过期 expired',
  withdrawn: '已撤回 withdrawn',
  invalidated: '已作废 invalidated',
  executing: '执行中 executing',
  executed: '已执行 executed',
  failed: '执行失败 failed',
};

function clockOf(deps: OperationDeps): Clock {
  return deps.clock ?? clockFromEnv(deps.env);
}

/** Requests a listing shows unless `limit` says otherwise: an inbox is read a page at a time. */
export const APPROVALS_LIMIT = 100;

const decider = async () => import('../approvals/decide-approval.js');

/** "2h 5m" */
function span(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const h = Math.floor(minutes / 60);
  return h > 0 ? `${h}h ${minutes % 60}m` : `${minutes}m`;
}

/** The due time as the inbox shows it: the time, and how long is left or how long it is late. */
function dueText(request: Pick<ApprovalRequest, 'state' | 'due_at'>, now: Date): string {
  const due = Date.parse(request.due_at);
  const at = request.due_at.slice(0, 16).replace('T', ' ');
  if (request.state !== 'pending') return `due ${at}`;
  const left = due - now.getTime();
  return left >= 0 ? `due ${at} (剩余 ${span(left)} left)` : `due ${at} ⚠ 逾期 OVERDUE ${span(-left)}`;
}

function amountText(request: ApprovalRequest): string {
  return request.amount ? ` [${request.amount.value} ${request.amount.unit}]` : '';
}

/** One line of the inbox. */
function inboxLine(request: ApprovalRequest, now: Date): string {
  return [
    request.id,
    STATE_WORDS[request.state],
    `${request.action}${amountText(request)}`,
    `${request.customer_name} ${request.phone}`,
    request.product_name,
    dueText(request, now),
  ].join('  ');
}

/** Whether a listed request matches a product given by id or part of its name. */
function matchesText(id: string, name: string, wanted: string | undefined): boolean {
  if (wanted === undefined) return true;
  return id === wanted || name.includes(wanted);
}

function matchesCustomer(request: ApprovalRequest, wanted: string | undefined): boolean {
  if (wanted === undefined) return true;
  if (request.customer_id === wanted || request.customer_name.includes(wanted)) return true;
  const digits = normalizePhone(wanted);
  return digits !== '' && /^\d+$/.test(digits) && request.phone.includes(digits);
}

/**
 * `cs approvals list`: the requests in a state (all by default), oldest first; `overdue` keeps
 * the pending ones past their due time. Requests a day past due are expired first.
 */
export const listApprovalsOperation = defineOperation({
  name: 'list_approvals',
  title: 'List approval requests',
  description:
    'The supervisor inbox: approval requests raised when the permission engine said a supervisor must decide, ' +
    'oldest first, with the caller, the action, the rule and the due time. Filter by state ' +
    '(pending, approved, rejected, expired, withdrawn, invalidated, executing, executed, failed), ' +
    'overdue (pending past the due time the customer was promised), product and customer.',
  readOnly: true,
  input: (z) =>
    z.object({
      state: z.enum(APPROVAL_STATES).optional().describe('only requests in this state'),
      overdue: z.boolean().optional().describe('only pending requests past their due time'),
      product: z.string().min(1).optional().describe('the product’s id or part of its name'),
      customer: z.string().min(1).optional().describe('the customer’s id, part of the name, or phone'),
      limit: z
        .number()
        .int()
        .min(0)
        .optional()
        .describe(`at most this many, oldest first (default ${APPROVALS_LIMIT}; 0 for all)`),
    }),
  async run(deps, input) {
    const now = clockOf(deps).now();
    await expireDue(deps, now);
    const state = input.overdue ? 'pending' : input.state;
    if (input.overdue && input.state !== undefined && input.state !== 'pending') {
      throw new CsError('E_USAGE', 'Only pending requests are overdue: drop --state or use --state pending.');
    }
    const limit = input.limit ?? APPROVALS_LIMIT;
    // The store stops at the page when nothing is filtered after it (one more tells of more).
    const pushed = limit > 0 && !input.overdue && !input.product && !input.customer && !deps.customers;
    const docs = await deps.store.listWork('approval', {
      ...(state ? { state } : {}),
      ...(input.overdue ? { dueBefore: now.toISOString(), order: 'due' as const } : {}),
      ...(pushed ? { limit: limit + 1 } : {}),
    });
    // An outside assistant without --admin sees only its live callers' requests.
    const allowed = deps.customers && new Set((await deps.customers.customers()).map((c) => c._id));
    let requests = (docs as unknown as ApprovalRequest[]).filter(
      (r) =>
        (!allowed || allowed.has(r.customer_id)) &&
        matchesText(r.product_id, r.product_name, input.product) &&
        matchesCustomer(r, input.customer),
    );
    const more = limit > 0 && requests.length > limit;
    if (more) requests = requests.slice(0, limit);
    return { requests, now: now.toISOString(), more, limit };
  },
  text: ({ requests, now }) =>
    requests.length === 0
      ? '没有审批请求 No approval requests.'
      : requests.map((r) => inboxLine(r, new Date(now))).join('\n'),
  data: ({ requests }) => requests,
  note: ({ more, limit }) =>
    more
      ? `cs: 仅显示最早的 ${limit} 条，--limit 0 显示全部 · showing the oldest ${limit}; --limit 0 lists every request`
      : undefined,
});

/** Expires what is a day past due; only loads the deciding code when there is something to do. */
async function expireDue(deps: OperationDeps, now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - 24 * 3_600_000).toISOString();
  const due = await deps.store.listWork('approval', {
    state: 'pending',
    dueBefore: cutoff,
    order: 'due',
    limit: 1,
  });
  if (due.length === 0) return;
  const { expireOverdue } = await decider();
  await expireOverdue({ store: deps.store, env: deps.env, clock: clockOf(deps) });
}

/** One request with its audit trail, as `show` and the decisions print it. */
interface ShownRequest {
  request: ApprovalRequest;
  audit: AuditEntry[];
  now: string;
  told?: string[];
}

function showText({ request, audit, now, told }: ShownRequest): string {
  const lines = [
    `审批请求 Approval request ${request.id}  ${STATE_WORDS[request.state]}`,
    `  操作 Action: ${request.action}${amountText(request)}`,
    `  客户 Customer: ${request.customer_name} (${request.phone})   产品 Product: ${request.product_name}`,
    `  规则 Rule: ${request.rule ?? '无 none'} — ${request.reason}`,
    `  发起 Raised: ${request.created_at} by ${request.raised_by} in ${request.session_id ?? request.call_id}`,
    `  时限 ${dueText(request, new Date(now))}`,
  ];
  for (const fact of request.facts)
    lines.push(`  已核实 Verified: ${fact.interface} ${fact.endpoint} (${fact.at})`);
  if (request.decided_by) {
    lines.push(
      `  决定 Decided: ${request.decided_by} at ${request.decided_at}${request.decision_note ? ` — ${request.decision_note}` : ''}`,
    );
  } else if (request.decision_note) {
    lines.push(`  说明 Note: ${request.decision_note}`);
  }
  if (request.execution) {
    const e = request.execution;
    lines.push(
      `  执行 Execution: ${e.description ?? e.error ?? 'in progress'} (${e.started_at}${e.finished_at ? ` → ${e.finished_at}` : ''})`,
    );
  }
  if (told && told.length > 0) lines.push(`  已通知客户 Customer told: ${told.join(', ')}`);
  lines.push('  记录 Audit:');
  for (const a of audit) lines.push(`    ${a.at}  ${a.who}  ${a.from ?? '—'} → ${a.to}  ${a.why}`);
  return lines.join('\n');
}

async function shown(deps: OperationDeps, request: ApprovalRequest, told?: string[]): Promise<ShownRequest> {
  const audit = await deps.store.listAudit({ kind: 'approval', itemId: request.id });
  return { request, audit, now: clockOf(deps).now().toISOString(), ...(told ? { told } : {}) };
}

/** `cs approvals show ID`: one request, brought up to date, with its audit trail. */
export const getApprovalOperation = defineOperation({
  name: 'get_approval',
  title: 'Show an approval request',
  description:
    'One approval request with the facts it rests on, its decision, its execution and its audit trail.',
  readOnly: true,
  input: (z) => z.object({ id: z.string().min(1).describe('the request id (ap_…)') }),
  async run(deps, input) {
    const { touchApproval } = await decider();
    const { request, told } = await touchApproval(approvalDeps(deps), input.id);
    return shown(deps, request, told);
  },
  text: showText,
  data: ({ request, audit }) => ({ ...request, audit }),
});

function approvalDeps(deps: OperationDeps) {
  return { store: deps.store, env: deps.env, clock: clockOf(deps) };
}

/**
 * `cs approvals approve|reject`, MCP decide_approval: a named supervisor decides a pending
 * request. Approving checks the rules and facts again and carries the action out once; the
 * customer is told every outcome.
 */
export const decideApprovalOperation = defineOperation({
  name: 'decide_approval',
  title: 'Approve or reject an approval request',
  description:
    'A supervisor decides a pending approval request. approve: the rules and the verified facts are checked again ' +
    '(changed: the request is invalidated), then the action is carried out once and the customer is told. ' +
    'reject: a reason is required; the customer is told from a template. `by` must be a supervisor known to the ' +
    'database (cs supervisors add) and not the one who raised the request.',
  input: (z) =>
    z.object({
      id: z.string().min(1).describe('the request id (ap_…)'),
      decision: z.enum(['approve', 'reject']),
      by: z.string().min(1).describe('the deciding supervisor’s name'),
      note: z.string().optional().describe('a note with an approval'),
      reason: z.string().optional().describe('why it is rejected (required to reject)'),
    }),
  async run(deps, input) {
    const { approveRequest, rejectRequest } = await decider();
    const d = approvalDeps(deps);
    if (input.decision === 'reject') {
      if (!input.reason?.trim()) throw new CsError('E_USAGE', 'Say why it is rejected: --reason TEXT.');
      const { request, told } = await rejectRequest(d, { id: input.id, by: input.by, reason: input.reason });
      return shown(deps, request, told);
    }
    const { request, told } = await approveRequest(d, {
      id: input.id,
      by: input.by,
      ...(input.note ? { note: input.note } : {}),
    });
    return shown(deps, request, told);
  },
  text: showText,
  data: ({ request, audit, told }) => ({ ...request, audit, told: told ?? [] }),
});

/** `cs supervisors add NAME`: names someone who may decide approval requests. */
export const addSupervisorOperation = defineOperation({
  name: 'add_supervisor',
  title: 'Add a supervisor',
  description: 'Names a supervisor: only supervisors known to the database decide approval requests.',
  input: (z) => z.object({ name: z.string().describe('the supervisor’s name') }),
  async run(deps, input) {
    const { addSupervisor } = await decider();
    return addSupervisor(approvalDeps(deps), input.name);
  },
  text: ({ name }) => `✓ 已添加主管 Supervisor added: ${name}`,
});

/** `cs supervisors list`. */
export const listSupervisorsOperation = defineOperation({
  name: 'list_supervisors',
  title: 'List supervisors',
  description: 'The supervisors who may decide approval requests.',
  readOnly: true,
  input: (z) => z.object({}),
  async run(deps) {
    const docs: WorkDoc[] = await deps.store.listWork('supervisor', { state: 'active' });
    return docs.map((d) => ({ name: String(d.name), added_at: d.created_at }));
  },
  text: (names) =>
    names.length === 0
      ? '没有主管 No supervisors (add one: cs supervisors add NAME).'
      : names.map((n) => n.name).join('\n'),
});
