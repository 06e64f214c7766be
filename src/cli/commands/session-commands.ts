import { emptyCallRecord } from '../../call/call-session.js';
import { parseReview, saveCall } from '../../call/finish-call.js';
import { listLiveSessions } from '../../call/live-session.js';
import { withReviewDefaults } from '../../call/review-defaults.js';
import { checkCustomerUpdates } from '../../domain/check-customer-updates.js';
import { systemClock } from '../../domain/clock.js';
import { CsError, describeIssues } from '../../domain/cs-error.js';
import type { Language } from '../../domain/language.js';
import { isValidPhone, normalizePhone } from '../../domain/phone.js';
import { ConversationTurnSchema } from '../../domain/session-schemas.js';
import {
  endCallOperation,
  openTicketOperation,
  performActionOperation,
  recordTurnOperation,
  startCallOperation,
} from '../../operations/call-operations.js';
import { resolveRecord } from '../../records/resolve-record.js';
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

/** `cs session save`: the seed's save_session.py, for assistants that ran the call themselves. */
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
  const store = await ctx.store();
  const product = await resolveRecord(store, 'product', { name: options.product });
  const operator = await resolveRecord(store, 'operator', { name: options.operator });
  const phoneLike = normalizePhone(options.customer);
  const customer =
    isValidPhone(phoneLike) && /^\+?\d+$/.test(phoneLike)
      ? await resolveRecord(store, 'customer', { phone: phoneLike })
      : await resolveRecord(store, 'customer', { name: options.customer });
  const record = emptyCallRecord(/[\u3400-\u9fff]/.test(options.conversation) ? 'zh' : 'en', systemClock);
  record.conversation = turns.data;
  const saved = await saveCall({
    store,
    product,
    operator,
    customer,
    phone: customer.phone === undefined ? '' : String(customer.phone),
    record,
    review,
    agent: 'external',
    ...(updates ? { customerUpdates: updates } : {}),
    ...(tag ? { tag } : {}),
  });
  ctx.emit(
    { session_id: saved.sessionId, path: saved.path },
    () => `会话已保存 Session saved: ${saved.sessionId} (${saved.path})`,
  );
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

export async function sessionListCommand(
  ctx: CliContext,
  options: { live?: boolean },
): Promise<number | undefined> {
  const store = await ctx.store();
  if (options.live) {
    const live = await listLiveSessions(store);
    ctx.emit(live, () =>
      live.length === 0
        ? '没有进行中的会话 No live sessions.'
        : live
            .map(
              (l) =>
                `${l.call_id}  ${l.product}  ${l.customer}${l.phone ? ` ${l.phone}` : ''}  ${l.age}  ${l.turns} ${l.turns === 1 ? 'turn' : 'turns'}${l.ending ? '  (ending)' : ''}`,
            )
            .join('\n'),
    );
    return undefined;
  }
  return historyListCommand(ctx, {});
}

// `cs history list|show` live in history-commands.ts (light to load); `cs session list` lists through it.
export { historyListCommand, historyShowCommand } from './history-commands.js';
