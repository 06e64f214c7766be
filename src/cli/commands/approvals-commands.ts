import type { ApprovalState } from '../../domain/approval-request.js';
import { CsError } from '../../domain/cs-error.js';
import {
  addSupervisorOperation,
  decideApprovalOperation,
  getApprovalOperation,
  listApprovalsOperation,
  listSupervisorsOperation,
} from '../../operations/approval-operations.js';
import type { CliContext } from '../cli-context.js';
import { runCheckedCliOperation, runCliOperation } from '../run-cli-operation.js';

/** `cs approvals list` (commander has held --state to its choices). */
export async function approvalsListCommand(
  ctx: CliContext,
  options: { state?: string; overdue?: boolean; product?: string; customer?: string; limit?: string },
): Promise<number | undefined> {
  const limit = options.limit === undefined ? undefined : Number(options.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) {
    throw new CsError(
      'E_USAGE',
      `--limit "${options.limit}" must be a whole number (0 lists every request).`,
    );
  }
  await runCheckedCliOperation(ctx, listApprovalsOperation, {
    ...(limit === undefined ? {} : { limit }),
    ...(options.state ? { state: options.state as ApprovalState } : {}),
    ...(options.overdue ? { overdue: true } : {}),
    ...(options.product ? { product: options.product } : {}),
    ...(options.customer ? { customer: options.customer } : {}),
  });
  return undefined;
}

export async function approvalsShowCommand(ctx: CliContext, id: string): Promise<number | undefined> {
  await runCheckedCliOperation(ctx, getApprovalOperation, { id });
  return undefined;
}

/**
 * Exit 0 when the decision stood (approved and carried out, or rejected); 1 when the request
 * ended otherwise (invalidated because the rules or facts changed, the execution failed).
 */
function exitFor(state: ApprovalState, wanted: readonly ApprovalState[]): number | undefined {
  return wanted.includes(state) ? undefined : 1;
}

export async function approvalsApproveCommand(
  ctx: CliContext,
  id: string,
  options: { by: string; note?: string },
): Promise<number | undefined> {
  const shown = await runCliOperation(ctx, decideApprovalOperation, {
    id,
    decision: 'approve',
    by: options.by,
    note: options.note,
  });
  return exitFor(shown.request.state, ['approved', 'executing', 'executed']);
}

export async function approvalsRejectCommand(
  ctx: CliContext,
  id: string,
  options: { by: string; reason: string },
): Promise<number | undefined> {
  const shown = await runCliOperation(ctx, decideApprovalOperation, {
    id,
    decision: 'reject',
    by: options.by,
    reason: options.reason,
  });
  return exitFor(shown.request.state, ['rejected']);
}

export async function supervisorsAddCommand(ctx: CliContext, name: string): Promise<number | undefined> {
  await runCliOperation(ctx, addSupervisorOperation, { name });
  return undefined;
}

export async function supervisorsListCommand(ctx: CliContext): Promise<number | undefined> {
  await runCheckedCliOperation(ctx, listSupervisorsOperation, {});
  return undefined;
}
