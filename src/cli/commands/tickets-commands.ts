import { CsError } from '../../domain/cs-error.js';
import {
  getTicketOperation,
  listAuditOperation,
  listTicketsOperation,
  overdueTicketsOperation,
  updateTicketOperation,
} from '../../operations/ticket-operations.js';
import type { CliContext } from '../cli-context.js';
import { runCliOperation } from '../run-cli-operation.js';

// `cs tickets …` and `cs audit`: each the ticket operation of the same name. The clock is the
// system's, or CS_NOW's (see the operations), so a drill can see an SLA run out.

/** Who a change is by when `--by` is not given. */
const CLI = 'cli';

/** `cs tickets list` (commander has held --state to its choices). */
export async function ticketsListCommand(
  ctx: CliContext,
  options: { state?: string; overdue?: boolean; assignee?: string; product?: string; customer?: string },
): Promise<number | undefined> {
  await runCliOperation(ctx, listTicketsOperation, {
    state: options.state,
    overdue: options.overdue === true ? true : undefined,
    assignee: options.assignee,
    product: options.product,
    customer: options.customer,
  });
  return undefined;
}

export async function ticketsShowCommand(ctx: CliContext, id: string): Promise<number | undefined> {
  await runCliOperation(ctx, getTicketOperation, { ticket_id: id });
  return undefined;
}

export async function ticketsAssignCommand(
  ctx: CliContext,
  id: string,
  options: { to: string; by?: string },
): Promise<number | undefined> {
  await runCliOperation(ctx, updateTicketOperation, {
    ticket_id: id,
    action: 'assign',
    assignee: options.to,
    by: options.by ?? CLI,
  });
  return undefined;
}

export async function ticketsCommentCommand(
  ctx: CliContext,
  id: string,
  options: { by: string; text: string },
): Promise<number | undefined> {
  await runCliOperation(ctx, updateTicketOperation, {
    ticket_id: id,
    action: 'comment',
    by: options.by,
    text: options.text,
  });
  return undefined;
}

export async function ticketsResolveCommand(
  ctx: CliContext,
  id: string,
  options: { by: string; note: string },
): Promise<number | undefined> {
  await runCliOperation(ctx, updateTicketOperation, {
    ticket_id: id,
    action: 'resolve',
    by: options.by,
    text: options.note,
  });
  return undefined;
}

/** A move that needs nothing but who makes it (and an optional note). */
function moveCommand(action: 'start' | 'wait' | 'reopen' | 'close') {
  return async (ctx: CliContext, id: string, options: { by?: string; note?: string }) => {
    await runCliOperation(ctx, updateTicketOperation, {
      ticket_id: id,
      action,
      by: options.by ?? CLI,
      text: options.note,
    });
    return undefined;
  };
}

export const ticketsStartCommand = moveCommand('start');
export const ticketsWaitCommand = moveCommand('wait');
export const ticketsReopenCommand = moveCommand('reopen');
export const ticketsCloseCommand = moveCommand('close');

export async function ticketsOverdueCommand(ctx: CliContext): Promise<number | undefined> {
  await runCliOperation(ctx, overdueTicketsOperation, {});
  return undefined;
}

/** `cs audit (--approval ID | --ticket ID | --since DATE)`. */
export async function auditCommand(
  ctx: CliContext,
  options: { approval?: string; ticket?: string; since?: string },
): Promise<number | undefined> {
  if (options.approval === undefined && options.ticket === undefined && options.since === undefined) {
    throw new CsError('E_USAGE', 'cs audit needs --approval ID, --ticket ID or --since DATE.');
  }
  if (options.approval !== undefined && options.ticket !== undefined) {
    throw new CsError('E_USAGE', 'cs audit takes --approval or --ticket, not both.');
  }
  await runCliOperation(ctx, listAuditOperation, {
    approval: options.approval,
    ticket: options.ticket,
    since: options.since,
  });
  return undefined;
}
