import { CsError } from '../../domain/cs-error.js';
import {
  listOutboxOperation,
  retryLeftFailures,
  retryOutboxOperation,
} from '../../operations/outbox-operations.js';
import type { CliContext } from '../cli-context.js';
import { runCheckedCliOperation } from '../run-cli-operation.js';

/** `cs outbox list [--state S]`: the list_outbox operation (commander has checked --state's choices). */
export async function outboxListCommand(
  ctx: CliContext,
  options: { state?: string },
): Promise<number | undefined> {
  const state = options.state as 'pending' | 'failed' | 'delivered' | undefined;
  await runCheckedCliOperation(ctx, listOutboxOperation, state ? { state } : {});
  return undefined;
}

/** `cs outbox retry [id]`: the retry_outbox operation; exit 1 when a delivery still failed. */
export async function outboxRetryCommand(
  ctx: CliContext,
  id: string | undefined,
): Promise<number | undefined> {
  if (id !== undefined && !/^[A-Za-z0-9_-]{1,80}$/.test(id)) {
    throw new CsError(
      'E_USAGE',
      `"${id}" is not a delivery id (dl_ and 12 hex digits): see \`cs outbox list\`.`,
    );
  }
  const results = await runCheckedCliOperation(ctx, retryOutboxOperation, id === undefined ? {} : { id });
  return retryLeftFailures(results) ? 1 : undefined;
}
