import type { CallContext } from '../../call/call-agent.js';
import { verifiedPaid } from '../../call/verified-charges.js';
import { tokenize } from '../../knowledge/index.js';
import type { ActionRequest } from '../../permissions/index.js';
import { actionWithMoney } from './payment-in-question.js';
import { ruleSharingWords } from './product-rules.js';

/**
 * Money back in the product's own words, when its rules give money back for several things
 * (退还增值业务费<50元, 退还话费>=50元) and 退款15元 names none: the rule whose words the paid item
 * shares, with the interface that returned it (the 15元 was 视频彩铃包, from 查询已订购的增值业务),
 * says which. None when no such rule stands out.
 *
 * @example moneyBackInRuleWords(ctx, refund15) // '退还增值业务费15元'
 */
export function moneyBackInRuleWords(ctx: CallContext, request: ActionRequest): string | undefined {
  const amount = request.quantity;
  if (amount?.family !== 'money') return undefined;
  const item = verifiedPaid(ctx.systemQueries).items.find(
    (i) => i.value === amount.value || i.over === amount.value,
  );
  if (!item) return undefined;
  const defs = (ctx.product.api_interfaces ?? {}) as Record<string, { description?: string }>;
  const source = item.source ?? '';
  const paidWords = new Set(
    tokenize(`${item.text} ${source.replaceAll('_', ' ')} ${defs[source]?.description ?? ''}`),
  );
  const rule = ruleSharingWords(ctx, (concept) => concept === request.concept, paidWords);
  if (!rule) return undefined;
  const value = Number.isInteger(amount.value) ? String(amount.value) : amount.value.toFixed(2);
  return actionWithMoney(rule.phrase, value, ctx.language, amount.unit);
}
