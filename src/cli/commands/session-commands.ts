import { parseReview } from '../../call/finish-call.js';
import { withReviewDefaults } from '../../call/review-defaults.js';
import { checkCustomerUpdates } from '../../domain/check-customer-updates.js';
import { CsError, describeIssues } from '../../domain/cs-error.js';
import type { Language } from '../../domain/language.js';
import { ConversationTurnSchema } from '../../domain/session-schemas.js';
import {
  endCallOperation,
  openTicketOperation,
  performActionOperation,
  recordTurnOperation,
  startCallOperation,
} from '../../operations/call-operations.js';
import { listLiveCallsOperation, saveSessionOperation } from '../../operations/session-operations.js';
import { type CliContext, parseJsonFlag, parseJsonObject } from '../cli-context.js';
import { runCliOperation } from '../run-cli-operation.js';
import { callerRef } from './call-command.js';
import { historyListCommand } from './history-commands.js';

function sessionTag(options: { claudeSession?: string; sessionId?: string }): string | undefined {
  if (options.claudeSession && options.sessionId && options.claudeSession !== options.sessionId) {
    throw new CsError('E_USAGE', '--session-id and --claude-session name the same thing; give one.');
  }
  return options.sessionId ?? options.claudeSession;
}

/** What a review may change about the customer: never the phone (see checkCustomerUpdates). */
function checkReviewUpdates(review: unknown, updates: Record<string, unknown> | undefined): void {
  if (updates) checkCustomerUpdates(updates, '--update-customer');
  const fromReview = (review as { customer_updates?: unknown } | undefined)?.customer_updates;
  if (typeof fromReview === 'object' && fromReview !== null && !Array.isArray(fromReview)) {
    checkCustomerUpdates(fromReview as Record<string, unknown>, '--review customer_updates');
  }
}

/**
 * `cs session save`: the save_session operation. The JSON flags are checked here first, so a
 * mistake names its flag (`--review is not a valid review: ...`).
 */
export async function sessionSaveCommand(
  ctx: CliContext,
  options: {
    claudeSession?: string;
    sessionId?: string;
    product: string;
    customer: string;
    operator: string;
    review: string;
    conversation: string;
    updateCustomer?: string;
  },
): Promise<number | undefined> {
  const tag = sessionTag(options);
  const updates = options.updateCustomer
    ? parseJsonObject(options.updateCustomer, '--update-customer')
    : undefined;
  const review = parseReview(
    withReviewDefaults(parseJsonFlag(options.review, '--review'), updates),
    '--review',
  );
  const turns = ConversationTurnSchema.array().safeParse(
    parseJsonFlag(options.conversation, '--conversation'),
  );
  if (!turns.success) {
    throw new CsError(
      'E_INVALID',
      `--conversation must be [{"role":"agent|customer","content":"..."}]: ${describeIssues(turns.error.issues)}.`,
    );
  }
  checkReviewUpdates(review, updates);
  await runCliOperation(ctx, saveSessionOperation, {
    product: options.product,
    customer: options.customer,
    operator: options.operator,
    review,
    conversation: turns.data,
    update_customer: updates,
    session_tag: tag,
  });
  return undefined;
}

export async function sessionStartCommand(
  ctx: CliContext,
  options: {
    product?: string;
    operator?: string;
    phone?: string;
    customer?: string;
    new?: boolean;
    lang: Language;
    claudeSession?: string;
    sessionId?: string;
  },
): Promise<number | undefined> {
  const tag = sessionTag(options);
  const caller = callerRef(options);
  if (!caller) throw new CsError('E_USAGE', 'Say who is calling: --phone NUMBER, --customer NAME, or --new.');
  await runCliOperation(ctx, startCallOperation, {
    product: options.product,
    operator: options.operator,
    ...caller,
    language: options.lang,
    session_tag: tag,
  });
  return undefined;
}

export async function sessionTurnCommand(
  ctx: CliContext,
  options: { session: string; role: 'customer' | 'agent'; content: string },
): Promise<number | undefined> {
  await runCliOperation(ctx, recordTurnOperation, {
    call_id: options.session,
    role: options.role,
    content: options.content,
  });
  return undefined;
}

/** `cs session act`: carries out an approved action; refused without an approval in the call. */
export async function sessionActCommand(
  ctx: CliContext,
  options: { session: string; action: string },
): Promise<number | undefined> {
  await runCliOperation(ctx, performActionOperation, { call_id: options.session, action: options.action });
  return undefined;
}

/** `cs session ticket`: opens a ticket in a live session. */
export async function sessionTicketCommand(
  ctx: CliContext,
  options: { session: string; kind: 'requires_supervisor' | 'requires_process'; summary: string },
): Promise<number | undefined> {
  await runCliOperation(ctx, openTicketOperation, {
    call_id: options.session,
    kind: options.kind,
    summary: options.summary,
  });
  return undefined;
}

export async function sessionEndCommand(
  ctx: CliContext,
  options: { session: string; review?: string; updateCustomer?: string },
): Promise<number | undefined> {
  const updates = options.updateCustomer
    ? parseJsonObject(options.updateCustomer, '--update-customer')
    : undefined;
  const review =
    options.review === undefined
      ? undefined
      : withReviewDefaults(parseJsonFlag(options.review, '--review'), updates);
  checkReviewUpdates(review, updates);
  await runCliOperation(ctx, endCallOperation, {
    call_id: options.session,
    review: review === undefined ? undefined : parseReview(review, '--review'),
    update_customer: updates,
  });
  return undefined;
}

/** `cs session list`: list_live_calls with --live, else the saved sessions (list_sessions). */
export async function sessionListCommand(
  ctx: CliContext,
  options: { live?: boolean },
): Promise<number | undefined> {
  if (options.live) await runCliOperation(ctx, listLiveCallsOperation, {});
  else await historyListCommand(ctx, {});
  return undefined;
}

// `cs history list|show` live in history-commands.ts (light to load); `cs session list` lists through it.
export { historyListCommand, historyShowCommand } from './history-commands.js';
