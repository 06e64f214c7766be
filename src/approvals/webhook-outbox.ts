import { createHash, createHmac, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { Clock } from '../domain/clock.js';
import { CsError, describeIssues } from '../domain/cs-error.js';
import { describeFetchError } from '../domain/fetch-error.js';
import type { WorkDoc, WorkflowStore } from '../store/workflow-store.js';
import type { ApprovalNews } from './notification-templates.js';

/**
 * The webhook outbox: every notification told while `CS_WEBHOOK_URL` is set becomes a
 * `delivery` work item, POSTed as signed JSON (pending → delivered | failed). A delivery is sent
 * at least once: a retry resends the same body under the same `Idempotency-Key` (the
 * notification's id), so a receiver drops what it has seen. Nothing here throws for a receiver
 * that is down, slow or refusing: the delivery is left `failed` with the error and a time for
 * `cs outbox retry`.
 */

export const DELIVERY_STATES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** What the receiver gets, in this key order (the body is signed as sent). */
export const WebhookPayloadSchema = z.object({
  /** The notification's id: also the Idempotency-Key. */
  id: z.string(),
  /** `approval.approved`, `approval.executed` … */
  type: z.string(),
  approval_id: z.string(),
  customer_id: z.string(),
  product_id: z.string(),
  call_id: z.string(),
  session_id: z.string().nullable(),
  language: z.enum(['zh', 'en']),
  content: z.string(),
  /** When the news happened (the notification's creation), ISO 8601 UTC. */
  at: z.string(),
});
export type WebhookPayload = z.infer<typeof WebhookPayloadSchema>;

export const DeliverySchema = z.looseObject({
  id: z.string().regex(/^dl_[0-9a-f]{12}$/),
  state: z.enum(DELIVERY_STATES),
  created_at: z.string(),
  updated_at: z.string(),
  customer_id: z.string(),
  product_id: z.string(),
  notification_id: z.string(),
  approval_id: z.string(),
  url: z.string(),
  /** Requests sent so far, over every run. */
  attempts: z.number().int().min(0),
  last_error: z.string().nullable(),
  /** When a retry is due (ISO 8601 UTC); null once delivered. */
  next_attempt_at: z.string().nullable(),
  delivered_at: z.string().nullable(),
  /** The process sending it now and until when (a lease), so two retries do not send at once. */
  claim: z.object({ token: z.string(), until: z.string() }).nullable().optional(),
  payload: WebhookPayloadSchema,
});
export type Delivery = z.infer<typeof DeliverySchema>;

/** What a delivery step needs: the work items, the environment (secret, timeout) and a clock. */
export interface OutboxDeps {
  store: WorkflowStore;
  env: NodeJS.ProcessEnv;
  clock: Clock;
  /** Waits between a run's attempts (the backoff); injectable so tests do not sleep. */
  sleep?: (ms: number) => Promise<unknown>;
}

/** The outcome of sending one delivery in this process. */
export interface DeliveryResult {
  id: string;
  notification_id: string;
  /** `skipped`: another process is sending it (or it was delivered meanwhile). */
  outcome: 'delivered' | 'failed' | 'skipped';
  /** Requests sent in this run. */
  sent: number;
  delivery: Delivery;
}

/** Requests per run: the first and two retries, a short while apart. */
export const ATTEMPTS_PER_RUN = 3;
const DEFAULT_TIMEOUT_MS = 5000;
const BACKOFF_BASE_MS = 250;
/** After a failed run: 1 min, then 5, 25 … at most 6 h until the next retry is due. */
const RETRY_AFTER_MS = 60_000;
const RETRY_AFTER_MAX_MS = 6 * 3_600_000;

/** The webhook URL deliveries go to, when one is set. */
export function webhookUrl(env: NodeJS.ProcessEnv): string | undefined {
  const url = env.CS_WEBHOOK_URL?.trim();
  return url ? url : undefined;
}

/**
 * `sha256=<hex>`: the HMAC-SHA256 of the exact body with the secret, as `X-CS-Signature` carries it.
 *
 * @example signWebhookBody('{"id":"nt_…"}', 's3cret') // 'sha256=5d41…'
 */
export function signWebhookBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** A stored document as a delivery; E_CORRUPT naming it when it is not one. */
export function deliveryOf(doc: WorkDoc): Delivery {
  const parsed = DeliverySchema.safeParse(doc);
  if (!parsed.success) {
    throw new CsError(
      'E_CORRUPT',
      `The stored webhook delivery ${doc.id} is malformed: ${describeIssues(parsed.error.issues)}.`,
    );
  }
  return parsed.data;
}

/** A payload's news kind is one of ours (the `type` a receiver switches on). */
export function payloadType(news: ApprovalNews): string {
  return `approval.${news}`;
}

/**
 * Adds the delivery of a notification (id from the notification's, so telling twice adds it
 * once), pending; the delivery as stored.
 */
export async function addDelivery(
  deps: Pick<OutboxDeps, 'store' | 'clock'>,
  payload: WebhookPayload,
  url: string,
): Promise<Delivery> {
  const at = deps.clock.now().toISOString();
  const delivery: Delivery = {
    id: `dl_${createHash('sha256').update(payload.id).digest('hex').slice(0, 12)}`,
    state: 'pending',
    created_at: at,
    updated_at: at,
    customer_id: payload.customer_id,
    product_id: payload.product_id,
    notification_id: payload.id,
    approval_id: payload.approval_id,
    url,
    attempts: 0,
    last_error: null,
    next_attempt_at: at,
    delivered_at: null,
    claim: null,
    payload,
  };
  try {
    await deps.store.addWork('delivery', delivery as WorkDoc, {
      at,
      kind: 'delivery',
      item_id: delivery.id,
      who: 'system',
      from: null,
      to: 'pending',
      why: `${payload.type} ${payload.id} to ${url}`,
    });
    return delivery;
  } catch (error) {
    if (!(CsError.isInstance(error) && error.code === 'E_CONFLICT')) throw error;
    const existing = await deps.store.getWork('delivery', delivery.id);
    if (!existing) throw error;
    return deliveryOf(existing);
  }
}

/**
 * Sends one delivery now: claims it (a lease, so a second process leaves it alone), POSTs it up
 * to ATTEMPTS_PER_RUN times with exponential backoff and jitter, and records the outcome
 * through `changeWork` with an audit entry. A delivered one is not sent again.
 */
export async function deliverOne(deps: OutboxDeps, id: string): Promise<DeliveryResult> {
  const timeoutMs = webhookTimeoutMs(deps.env);
  const token = randomBytes(6).toString('hex');
  const leaseMs = ATTEMPTS_PER_RUN * (timeoutMs + BACKOFF_BASE_MS * 2 ** ATTEMPTS_PER_RUN) + 30_000;
  const claimedDoc = await deps.store.changeWork('delivery', id, (doc) => {
    const current = deliveryOf(doc);
    const now = deps.clock.now();
    if (current.state === 'delivered') return undefined;
    if (current.claim && Date.parse(current.claim.until) > now.getTime()) return undefined;
    const until = new Date(now.getTime() + leaseMs).toISOString();
    return { doc: { ...current, claim: { token, until } } as WorkDoc };
  });
  if (!claimedDoc) throw new CsError('E_NOT_FOUND', `No webhook delivery ${id}: see \`cs outbox list\`.`);
  const claimed = deliveryOf(claimedDoc);
  if (claimed.claim?.token !== token) {
    return { id, notification_id: claimed.notification_id, outcome: 'skipped', sent: 0, delivery: claimed };
  }

  const body = JSON.stringify(WebhookPayloadSchema.parse(claimed.payload));
  let sent = 0;
  // A URL that is not one fails without a request: retrying in this run would not change it.
  let error = isHttpUrl(claimed.url) ? undefined : `the webhook URL "${claimed.url}" is not an http(s) URL`;
  if (error === undefined) {
    for (let attempt = 0; attempt < ATTEMPTS_PER_RUN; attempt++) {
      if (attempt > 0) await (deps.sleep ?? sleep)(backoffMs(attempt));
      sent++;
      error = await post(claimed.url, body, claimed.notification_id, deps, timeoutMs);
      if (error === undefined) break;
    }
  }

  let recorded = false as boolean;
  const finished = await deps.store.changeWork('delivery', id, (doc) => {
    const current = deliveryOf(doc);
    // Our lease ran out and another process took it over: its outcome is the one kept.
    if (current.claim?.token !== token) return undefined;
    recorded = true;
    const now = deps.clock.now();
    const at = now.toISOString();
    const attempts = current.attempts + sent;
    const next: Delivery =
      error === undefined
        ? {
            ...current,
            state: 'delivered',
            updated_at: at,
            attempts,
            last_error: null,
            next_attempt_at: null,
            delivered_at: at,
            claim: null,
          }
        : {
            ...current,
            state: 'failed',
            updated_at: at,
            attempts,
            last_error: error,
            next_attempt_at: new Date(now.getTime() + retryAfterMs(attempts)).toISOString(),
            claim: null,
          };
    return {
      doc: next as WorkDoc,
      audit: {
        at,
        kind: 'delivery',
        item_id: id,
        who: 'system',
        from: current.state,
        to: next.state,
        why:
          error === undefined
            ? `delivered to ${current.url} (attempt ${attempts})`
            : `${error} (attempt ${attempts}; next at ${next.next_attempt_at})`,
      },
    };
  });
  const delivery = finished ? deliveryOf(finished) : claimed;
  const outcome = !recorded ? 'skipped' : error === undefined ? 'delivered' : 'failed';
  return { id, notification_id: claimed.notification_id, outcome, sent, delivery };
}

/**
 * `cs outbox retry`: sends again the deliveries named by `ids`, or every pending and failed
 * one. Same body, same Idempotency-Key: the receiver sees each notification at least once and
 * can drop the repeats. E_NOT_FOUND for an id that is no delivery (before anything is sent).
 */
export async function deliverPending(
  deps: OutboxDeps,
  options: { ids?: string[] } = {},
): Promise<DeliveryResult[]> {
  let ids: string[];
  if (options.ids !== undefined) {
    for (const id of options.ids) {
      if (!(await deps.store.getWork('delivery', id)))
        throw new CsError('E_NOT_FOUND', `No webhook delivery ${id}: see \`cs outbox list\`.`);
    }
    ids = options.ids;
  } else {
    ids = (await deps.store.listWork('delivery', { state: ['pending', 'failed'] })).map((d) => d.id);
  }
  const results: DeliveryResult[] = [];
  // One after another: a receiver that is down is not hammered by many at once.
  for (const id of ids) results.push(await deliverOne(deps, id));
  return results;
}

/** Deliveries, oldest first, in one state or all. */
export async function listDeliveries(
  store: WorkflowStore,
  filter: { state?: DeliveryState; limit?: number } = {},
): Promise<Delivery[]> {
  const docs = await store.listWork('delivery', {
    ...(filter.state ? { state: filter.state } : {}),
    ...(filter.limit !== undefined ? { limit: filter.limit } : {}),
  });
  return docs.map(deliveryOf);
}

/** CS_WEBHOOK_TIMEOUT_MS when it is a positive number, else 5 s: per request. */
export function webhookTimeoutMs(env: NodeJS.ProcessEnv): number {
  const value = Number(env.CS_WEBHOOK_TIMEOUT_MS);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_TIMEOUT_MS;
}

/** One POST; undefined when the receiver answered 2xx, else why not. */
async function post(
  url: string,
  body: string,
  key: string,
  deps: OutboxDeps,
  timeoutMs: number,
): Promise<string | undefined> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'Idempotency-Key': key,
    'X-CS-Timestamp': String(Math.floor(deps.clock.now().getTime() / 1000)),
  };
  const secret = deps.env.CS_WEBHOOK_SECRET;
  if (secret) headers['X-CS-Signature'] = signWebhookBody(body, secret);
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers,
      body,
      // A redirect is an answer that is not 2xx: a POST is never replayed elsewhere.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.body?.cancel();
    if (res.status >= 200 && res.status <= 299) return undefined;
    return `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
  } catch (error) {
    return describeFetchError(error, timeoutMs, 'receiver');
  }
}

function isHttpUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** Before retry n (1, 2 …): 250 ms, 500 ms … each between half and one and a half of it. */
function backoffMs(attempt: number): number {
  return BACKOFF_BASE_MS * 2 ** (attempt - 1) * (0.5 + Math.random());
}

/** After `attempts` requests have failed: when the next run is due. */
function retryAfterMs(attempts: number): number {
  const runs = Math.max(1, Math.ceil(attempts / ATTEMPTS_PER_RUN));
  return Math.min(RETRY_AFTER_MS * 5 ** (runs - 1), RETRY_AFTER_MAX_MS);
}
