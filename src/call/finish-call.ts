import { randomBytes } from 'node:crypto';
import type { Clock } from '../domain/clock.js';
import { compactDate, isoTimestamp, systemClock } from '../domain/clock.js';
import { CsError, describeIssues } from '../domain/cs-error.js';
import type { Customer, Operator, Product } from '../domain/record-schemas.js';
import { validateRecordFields } from '../domain/record-validation.js';
import {
  type Review,
  ReviewSchema,
  type SessionRecord,
  type TicketRecord,
} from '../domain/session-schemas.js';
import { userFields } from '../records/record-service.js';
import { renderSessionReadme } from '../render/render-session-readme.js';
import type { RecordStore } from '../store/record-store.js';
import type { CallRecordState } from './call-session.js';
import { requestLedger } from './request-ledger.js';

/** The assistant session tag in a session id: letters, digits, `-` and `_`. */
export function parseSessionTag(value: string | undefined): string {
  if (value === undefined || value === '') return randomBytes(3).toString('hex');
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(value)) {
    throw new CsError(
      'E_INVALID',
      `Session id "${value}" may hold only letters, digits, - and _ (at most 64).`,
    );
  }
  return value;
}

/** Validates a review from outside (LLM, assistant, CLI) against the one schema. */
export function parseReview(value: unknown, source: string): Review {
  const result = ReviewSchema.safeParse(value);
  if (!result.success)
    throw new CsError(
      'E_INVALID',
      `${source} is not a valid review: ${describeIssues(result.error.issues)}.`,
    );
  return result.data;
}

export interface SaveCallInput {
  store: RecordStore;
  product: Product;
  operator: Operator;
  customer: Customer;
  phone: string;
  record: CallRecordState;
  review: Review;
  /** Extra fields learned about the customer (merged over review.customer_updates). */
  customerUpdates?: Record<string, unknown>;
  tag?: string;
  agent: string;
  /**
   * The call being saved. With it the save is idempotent (a recovery completes a save that was
   * cut short instead of making a second session) and ends the call's journal.
   */
  callId?: string;
  clock?: Clock;
}

/**
 * Step 7: saves the session (history/<id>/session.json + README.md) and updates the customer:
 * what was learned, and an `interaction_history` entry. Both are one unit in the store.
 */
export async function saveCall(input: SaveCallInput): Promise<{
  sessionId: string;
  path: string;
  session: SessionRecord;
  customerPending: boolean;
}> {
  const clock = input.clock ?? systemClock;
  const now = clock.now();
  // A review cannot change the phone (it names who called); it is neither applied nor recorded.
  const { phone: _phone, ...updates } = { ...input.review.customer_updates, ...input.customerUpdates };
  const tag = parseSessionTag(input.tag);
  const { record } = input;
  // Validate the customer update before anything is written, so bad input loses nothing.
  const customerFields = mergeCustomerUpdates(input.customer, updates);
  const newName = String(customerFields.name);
  let saved: SessionRecord | undefined;
  const result = await input.store.saveSession({
    date: compactDate(now),
    tag,
    build: (sessionId) => {
      saved = {
        session_id: sessionId,
        product: input.product.name,
        customer: newName,
        operator: input.operator.name,
        timestamp: isoTimestamp(now),
        conversation: record.conversation,
        review: { ...input.review, customer_updates: updates },
        product_id: input.product._id,
        customer_id: input.customer._id,
        operator_id: input.operator._id,
        customer_phone: input.phone,
        language: record.language,
        agent: input.agent,
        ...(input.callId === undefined ? {} : { call_id: input.callId }),
        started_at: record.started_at,
        ended_at: isoTimestamp(now),
        system_queries: record.system_queries,
        permission_checks: record.permission_checks,
        tickets: ticketsAsSaved(record),
        guard_decisions: record.guard_decisions,
        actions_performed: record.actions_performed,
        grants: record.grants ?? [],
        withdrawals: record.withdrawals ?? [],
        ...(record.notifications?.length ? { notifications: record.notifications } : {}),
        requests: requestLedger(record),
      };
      return saved;
    },
    readme: renderSessionReadme,
    customer: { id: input.customer._id, change: applySessionToCustomer },
    ...(input.callId === undefined ? {} : { callId: input.callId }),
  });
  // A recovered save returns the session saved before; read it back for the caller.
  const session =
    saved?.session_id === result.sessionId ? saved : await input.store.getSession(result.sessionId);
  if (!session)
    throw new CsError('E_INTERNAL', `Session ${result.sessionId} was saved but cannot be read back.`);
  await nameSessionInApprovals(input.store, record, result.sessionId);
  return {
    sessionId: result.sessionId,
    path: result.path,
    session,
    customerPending: result.customerPending === true,
  };
}

/**
 * The call's approval requests learn the saved session's id, so a supervisor opening one reads
 * the whole call. Not a change of state: no audit entry.
 */
async function nameSessionInApprovals(
  store: RecordStore,
  record: CallRecordState,
  sessionId: string,
): Promise<void> {
  for (const id of record.permission_checks.flatMap((c) => c.approval_ids ?? [])) {
    await store.changeWork('approval', id, (doc) =>
      doc.session_id ? undefined : { doc: { ...doc, session_id: sessionId } },
    );
  }
}

/** The call's tickets as saved: one the caller's withdrawal cancelled says so (`status: 'cancelled'`). */
function ticketsAsSaved(record: CallRecordState): TicketRecord[] {
  const cancelled = new Set((record.withdrawals ?? []).map((w) => w.ticket_id));
  return record.tickets.map((t) => (cancelled.has(t.id) ? { ...t, status: 'cancelled' } : t));
}

/**
 * What saving a session does to its customer: learned fields merged in and one
 * `interaction_history` entry. Idempotent: a customer that already has the entry is returned
 * as it is, so a recovery may run it again. A history that is not a list is kept aside in
 * `interaction_history_legacy`, never lost.
 */
export function applySessionToCustomer(current: Customer, session: SessionRecord): Record<string, unknown> {
  const history = current.interaction_history;
  if (Array.isArray(history) && history.some((h) => isEntryOf(h, session.session_id)))
    return userFields(current);
  const merged = mergeCustomerUpdates(current, session.review.customer_updates);
  const kept = Array.isArray(history) ? [...history] : [];
  if (history !== undefined && !Array.isArray(history)) merged.interaction_history_legacy = history;
  kept.push({
    session_id: session.session_id,
    timestamp: session.timestamp,
    type: 'customer_service_call',
    summary: session.review.issue_summary,
    outcome: session.review.resolution_status,
  });
  return { ...merged, interaction_history: kept };
}

function isEntryOf(entry: unknown, sessionId: string): boolean {
  return (
    typeof entry === 'object' &&
    entry !== null &&
    (entry as { session_id?: unknown }).session_id === sessionId
  );
}

/**
 * Merges learned fields into a customer, validated. A cold-start customer whose real name was
 * learned stops being a cold start; its phone never changes through a review.
 */
function mergeCustomerUpdates(current: Customer, updates: Record<string, unknown>): Record<string, unknown> {
  const { phone: _ignored, interaction_history: _h, ...rest } = updates;
  const { interaction_history: _kept, ...fields } = userFields(current);
  const merged: Record<string, unknown> = { ...fields, ...withoutMeta(rest) };
  const validated = validateOrKeep(merged, fields);
  if (current._cold_start === true) validated._cold_start = typeof rest.name !== 'string';
  if (current._phone_unknown !== undefined) validated._phone_unknown = current._phone_unknown;
  return validated;
}

/**
 * The merged customer, validated. When the stored record was invalid already (edited by hand,
 * written by another tool), saving a call must not fail on it: the learned fields are merged
 * in and the rest is kept as it is. Only a bad update is refused.
 */
function validateOrKeep(
  merged: Record<string, unknown>,
  stored: Record<string, unknown>,
): Record<string, unknown> {
  try {
    return validateRecordFields('customer', merged);
  } catch (error) {
    try {
      validateRecordFields('customer', stored);
    } catch {
      return { ...merged };
    }
    throw error;
  }
}

function withoutMeta(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([k]) => !k.startsWith('_')));
}
