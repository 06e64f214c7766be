import type { Delivery, DeliveryResult } from '../approvals/webhook-outbox.js';
import { systemClock } from '../domain/clock.js';
import { defineOperation } from './define-operation.js';

// The webhook outbox: `cs outbox list|retry`. The outbox module (zod, crypto, fetch) is loaded
// when an operation runs, so listing the commands pays nothing for it.

const STATES = ['pending', 'failed', 'delivered'] as const;

const STATE_LABELS: Record<Delivery['state'], string> = {
  pending: '⏳ 待发送 pending',
  failed: '✗ 发送失败 failed',
  delivered: '✓ 已送达 delivered',
};

/** `cs outbox list`: webhook deliveries, oldest first, in one state or all. */
export const listOutboxOperation = defineOperation({
  name: 'list_outbox',
  title: 'List webhook deliveries',
  description:
    'Lists the webhook deliveries of customer notifications (approval decisions and executions), oldest first: ' +
    'pending, failed (with the error and when a retry is due) or delivered.',
  readOnly: true,
  input: (z) =>
    z.object({
      state: z.enum(STATES).optional().describe('only deliveries in this state'),
    }),
  async run({ store }, input) {
    const { listDeliveries } = await import('../approvals/webhook-outbox.js');
    return listDeliveries(store, input.state ? { state: input.state } : {});
  },
  text: (deliveries, input) =>
    deliveries.length === 0
      ? input.state
        ? `没有${STATE_LABELS[input.state].split(' ')[1]}的通知 No ${input.state} deliveries.`
        : '没有通知投递 No deliveries.'
      : deliveries.map(deliveryLine).join('\n'),
});

/** `cs outbox retry [ID]`: one delivery, or every pending and failed one, sent again now. */
export const retryOutboxOperation = defineOperation({
  name: 'retry_outbox',
  title: 'Retry webhook deliveries',
  description:
    'Sends again one webhook delivery (by its dl_ id), or every pending and failed one. The body and the ' +
    'Idempotency-Key (the notification id) stay the same, so a receiver can drop what it has already seen.',
  input: (z) =>
    z.object({
      id: z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,80}$/, 'a delivery id: dl_ and 12 hex digits')
        .optional()
        .describe('the delivery to send (dl_…); every pending and failed one when absent'),
    }),
  async run({ store, env, clock }, input) {
    const { deliverPending } = await import('../approvals/webhook-outbox.js');
    return deliverPending(
      { store, env, clock: clock ?? systemClock },
      input.id === undefined ? {} : { ids: [input.id] },
    );
  },
  text: (results) =>
    results.length === 0 ? '没有需要重发的通知 Nothing to retry.' : results.map(resultLine).join('\n'),
  data: (results) =>
    results.map((r) => ({
      id: r.id,
      notification_id: r.notification_id,
      outcome: r.outcome,
      sent: r.sent,
      delivery: r.delivery,
    })),
});

/** Whether a retry left something undelivered (the CLI exits 1 then, for a cron job to see). */
export function retryLeftFailures(results: readonly DeliveryResult[]): boolean {
  return results.some((r) => r.outcome === 'failed');
}

function deliveryLine(d: Delivery): string {
  const head = `${d.id}  ${STATE_LABELS[d.state]}  ${d.payload.type}  ${d.notification_id}  尝试 attempts ${d.attempts}`;
  if (d.state === 'delivered') return `${head}  送达 at ${d.delivered_at ?? ''}`;
  const next = d.next_attempt_at ? `  下次 next ${d.next_attempt_at}` : '';
  const error = d.last_error ? `  错误 error: ${d.last_error}` : '';
  return `${head}${next}${error}`;
}

function resultLine(r: DeliveryResult): string {
  const d = r.delivery;
  switch (r.outcome) {
    case 'delivered':
      return `${r.id}  ✓ 已送达 delivered  ${r.notification_id} (attempt ${d.attempts})`;
    case 'failed':
      return `${r.id}  ✗ 发送失败 failed  ${r.notification_id}: ${d.last_error ?? ''} (attempts ${d.attempts}; 下次 next ${d.next_attempt_at ?? ''})`;
    default:
      return `${r.id}  – 跳过 skipped  ${r.notification_id}: ${d.state === 'delivered' ? '已送达 already delivered' : '另一个进程正在发送 another process is sending it'}`;
  }
}
