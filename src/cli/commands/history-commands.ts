import { CsError } from '../../domain/cs-error.js';
import type { ResolutionStatus } from '../../domain/resolution-status.js';
import {
  getSessionOperation,
  HISTORY_LIMIT,
  listSessionsOperation,
} from '../../operations/history-operations.js';
import { type CliContext, parseDateFlag } from '../cli-context.js';
import { runCheckedCliOperation } from '../run-cli-operation.js';

// Saved call history on its own, apart from the live session commands: `cs history list` loads
// no call, agent or validation code (its flags are checked here, by hand), so a listing starts
// about as fast as `cs read`.

/** `cs history list`: the list_sessions operation (commander has checked --status's choices). */
export async function historyListCommand(
  ctx: CliContext,
  options: {
    date?: string;
    since?: string;
    until?: string;
    customer?: string;
    product?: string;
    status?: string;
    limit?: string;
  },
): Promise<number | undefined> {
  for (const flag of ['date', 'since', 'until'] as const) {
    const value = options[flag];
    if (value !== undefined) parseDateFlag(value, `--${flag}`);
  }
  const limit = options.limit === undefined ? HISTORY_LIMIT : Number(options.limit);
  if (!Number.isInteger(limit) || limit < 0) {
    throw new CsError(
      'E_USAGE',
      `--limit "${options.limit}" must be a whole number (0 lists every session).`,
    );
  }
  // Commander has held --status to its choices (RESOLUTION_STATUSES).
  const status = options.status as ResolutionStatus | undefined;
  await runCheckedCliOperation(ctx, listSessionsOperation, {
    ...(options.date ? { date: options.date } : {}),
    ...(options.since ? { since: options.since } : {}),
    ...(options.until ? { until: options.until } : {}),
    ...(options.customer ? { customer: options.customer } : {}),
    ...(options.product ? { product: options.product } : {}),
    ...(status ? { status } : {}),
    limit,
  });
  return undefined;
}

/** `cs history show <session_id>`: the get_session operation. */
export async function historyShowCommand(ctx: CliContext, sessionId: string): Promise<number | undefined> {
  await runCheckedCliOperation(ctx, getSessionOperation, { session_id: sessionId });
  return undefined;
}
