import type { CallContext } from '../../call/call-agent.js';
import { responseFields } from '../../domain/response-fields.js';
import { nowOf } from './payment-in-question.js';

/**
 * What this call's query responses verified that a rule may depend on: whether a warranty date
 * is still ahead, how many days ago something was delivered.
 */
export function verifiedQualifiers(ctx: CallContext, moneyBack = false): string[] {
  const lang = ctx.language;
  const rulesText = JSON.stringify(ctx.product.operator_permissions ?? {});
  const out: string[] = [];
  const today = nowOf(ctx).getTime();
  for (const q of [...ctx.systemQueries].reverse()) {
    if (!q.ok) continue;
    for (const [key, value] of responseFields(q.response)) {
      if (/warrant|保修/i.test(key) && typeof value === 'string' && /保修|warrant/i.test(rulesText)) {
        const until = Date.parse(value);
        if (Number.isFinite(until) && !out.some((o) => /保修|warrant/i.test(o))) {
          const inside = until >= today;
          out.push(
            lang === 'zh'
              ? inside
                ? '保修期内'
                : '保修期外'
              : inside
                ? 'under warranty'
                : 'out of warranty',
          );
        }
      }
      // A delivery date (delivered_at: 2026-11-20) says as much: the days since, by the call's
      // clock. Money given back is bounded by what was paid, not by a window: not for it.
      const days =
        /days_since|签收天数/i.test(key) && typeof value === 'number'
          ? value
          : !moneyBack && DELIVERED_ON.test(key) && typeof value === 'string'
            ? daysSince(value, today)
            : undefined;
      // Only where a rule counts days from receipt (签收7天内, within 30 days of delivery): a
      // game's top-up is "delivered" too (到账), and its rules count days from paying.
      if (days !== undefined && RECEIPT_WINDOW.test(rulesText)) {
        if (!out.some((o) => /签收|delivered/.test(o))) {
          out.push(lang === 'zh' ? `签收${days}天` : `delivered ${days} days ago`);
        }
      }
    }
  }
  return out;
}

/** Rules that count days from receipt: 签收7天内, 收货后15天, 7 days of delivery, received. */
const RECEIPT_WINDOW = /签收|收货|收到货|到货|deliver|receiv|arriv/i;

/** A field holding the day something was delivered or signed for (delivered_at, delivery_date, 签收时间). */
const DELIVERED_ON = /^(?:delivered(?:_at|_on|_date)?|delivery_date|signed_at|签收(?:时间|日期))$/i;

/** Whole days from a date (2026-11-20) to the clock's time; undefined for no date or one ahead. */
function daysSince(date: string, today: number): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}/.test(date)) return undefined;
  const at = Date.parse(date);
  if (!Number.isFinite(at) || at > today) return undefined;
  return Math.floor((today - at) / 86_400_000);
}
