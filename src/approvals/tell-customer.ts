import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ApprovalRequest } from '../domain/approval-request.js';
import { type Clock, isoTimestamp } from '../domain/clock.js';
import { CsError, describeIssues } from '../domain/cs-error.js';
import { userFields } from '../records/record-service.js';
import type { RecordStore } from '../store/record-store.js';
import type { WorkDoc } from '../store/workflow-store.js';
import { APPROVAL_NEWS, type ApprovalNews, notificationText } from './notification-templates.js';
import { addDelivery, deliverOne, payloadType, type WebhookPayload, webhookUrl } from './webhook-outbox.js';

export type { ApprovalNews } from './notification-templates.js';

export const NotificationSchema = z.looseObject({
  id: z.string().regex(/^nt_[0-9a-f]{12}$/),
  /** `new` when told; what reads it later (a live call, a console) may move it on. */
  state: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  customer_id: z.string(),
  product_id: z.string(),
  approval_id: z.string(),
  call_id: z.string(),
  session_id: z.string().nullable(),
  language: z.enum(['zh', 'en']),
  news: z.enum(APPROVAL_NEWS),
  /** The text the customer is told (a template filled from the request's own fields). */
  content: z.string(),
});
export type Notification = z.infer<typeof NotificationSchema>;

/** A stored document as a notification; E_CORRUPT naming it when it is not one. */
export function notificationOf(doc: WorkDoc): Notification {
  const parsed = NotificationSchema.safeParse(doc);
  if (!parsed.success) {
    throw new CsError(
      'E_CORRUPT',
      `The stored notification ${doc.id} is malformed: ${describeIssues(parsed.error.issues)}.`,
    );
  }
  return parsed.data;
}

/** What telling a customer needs: the store, the environment (CS_WEBHOOK_*) and a clock. */
export interface TellCustomerDeps {
  store: RecordStore;
  env: NodeJS.ProcessEnv;
  clock: Clock;
  /** Waits between webhook attempts (OutboxDeps.sleep); injectable so tests do not sleep. */
  sleep?: (ms: number) => Promise<unknown>;
}

/**
 * Tells the customer what became of their approval request: stores a `notification` work item
 * with the templated text, adds it to the customer's `interaction_history`, and, when
 * `CS_WEBHOOK_URL` is set, queues a signed webhook delivery and tries it now.
 *
 * Telling is idempotent per request and news (the ids derive from them), so a decision retried
 * after a crash tells once and completes what was cut short. A receiver that is down, slow or
 * refusing never fails the decision that caused the news: its delivery is left `failed` for
 * `cs outbox retry`.
 *
 * @example await tellCustomer({ store, env: process.env, clock: systemClock }, request, 'approved')
 */
export async function tellCustomer(
  deps: TellCustomerDeps,
  request: ApprovalRequest,
  news: ApprovalNews,
): Promise<Notification> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const id = `nt_${createHash('sha256').update(`${request.id}:${news}`).digest('hex').slice(0, 12)}`;
  const fresh: Notification = {
    id,
    state: 'new',
    created_at: at,
    updated_at: at,
    customer_id: request.customer_id,
    product_id: request.product_id,
    approval_id: request.id,
    call_id: request.call_id,
    session_id: request.session_id,
    language: request.language,
    news,
    content: notificationText(request, news),
  };
  // History first: when the notification exists, an earlier telling has written the history too.
  await addToHistory(deps.store, fresh, isoTimestamp(now));
  const notification = await addNotification(deps.store, fresh);

  const url = webhookUrl(deps.env);
  if (url !== undefined) {
    try {
      const delivery = await addDelivery(deps, payloadOf(notification), url);
      if (delivery.state !== 'delivered') await deliverOne(deps, delivery.id);
    } catch {
      // The delivery stays pending or failed in the outbox (`cs outbox list`); the news is kept.
    }
  }
  return notification;
}

/** The webhook body of a notification. */
export function payloadOf(notification: Notification): WebhookPayload {
  return {
    id: notification.id,
    type: payloadType(notification.news),
    approval_id: notification.approval_id,
    customer_id: notification.customer_id,
    product_id: notification.product_id,
    call_id: notification.call_id,
    session_id: notification.session_id,
    language: notification.language,
    content: notification.content,
    at: notification.created_at,
  };
}

async function addNotification(store: RecordStore, notification: Notification): Promise<Notification> {
  try {
    await store.addWork('notification', notification as WorkDoc, {
      at: notification.created_at,
      kind: 'notification',
      item_id: notification.id,
      who: 'system',
      from: null,
      to: notification.state,
      why: `${payloadType(notification.news)} for ${notification.approval_id}`,
    });
    return notification;
  } catch (error) {
    if (!(CsError.isInstance(error) && error.code === 'E_CONFLICT')) throw error;
    const existing = await store.getWork('notification', notification.id);
    if (!existing) throw error;
    return notificationOf(existing);
  }
}

/**
 * One `interaction_history` entry per notification, in the style of a call's entry; a customer
 * that has it already is left as it is. A customer deleted since the call has no history to
 * add to: the notification is still kept and sent.
 */
async function addToHistory(
  store: RecordStore,
  notification: Notification,
  timestamp: string,
): Promise<void> {
  try {
    await store.update('customer', notification.customer_id, (current) => {
      const fields = userFields(current);
      const history = current.interaction_history;
      if (Array.isArray(history) && history.some((h) => isEntryOf(h, notification))) return fields;
      const kept: unknown[] = Array.isArray(history) ? [...history] : [];
      // A history that is not a list is kept aside, never lost (as saving a call does).
      if (history !== undefined && !Array.isArray(history)) fields.interaction_history_legacy = history;
      kept.push({
        session_id: notification.session_id ?? notification.call_id,
        timestamp,
        type: 'notification',
        summary: notification.content,
        outcome: notification.news,
        approval_id: notification.approval_id,
      });
      return { ...fields, interaction_history: kept };
    });
  } catch (error) {
    if (!(CsError.isInstance(error) && error.code === 'E_NOT_FOUND')) throw error;
  }
}

function isEntryOf(entry: unknown, notification: Notification): boolean {
  if (typeof entry !== 'object' || entry === null) return false;
  const e = entry as Record<string, unknown>;
  return (
    e.type === 'notification' && e.approval_id === notification.approval_id && e.outcome === notification.news
  );
}
