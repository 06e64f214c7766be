import type { CallContext } from '../../call/call-agent.js';
import { verifiedPaid } from '../../call/verified-charges.js';
import { tokenize } from '../../knowledge/index.js';
import {
  type ActionRequest,
  DUPLICATE_RULE,
  type Quantity,
  toldCircumstance,
} from '../../permissions/index.js';
import { actionWithMoney } from './payment-in-question.js';
import { decideAhead, ruleSharingWords, rulesOf, withoutRuleNotes } from './product-rules.js';

/**
 * Money back in the product's own words, when its rules give money back for several things
 * (退还增值业务费<50元, 退还话费>=50元) and 退款15元 names none: the rule whose words the paid item
 * shares, with the interface that returned it (the 15元 was 视频彩铃包, from 查询已订购的增值业务),
 * says which. None when no such rule stands out.
 *
 * @example moneyBackInRuleWords(ctx, refund15) // '退还增值业务费15元'
 */
export function moneyBackInRuleWords(
  ctx: CallContext,
  request: ActionRequest,
  line: string = request.text,
  /** The caller said one charge was taken twice (又被扣了一遍): a circumstance of double charging told. */
  chargedTwice = false,
): string | undefined {
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
  if (!rule || !(circumstanceSaid(rule.phrase, line) || (chargedTwice && DUPLICATE_RULE.test(rule.phrase))))
    return undefined;
  const value = Number.isInteger(amount.value) ? String(amount.value) : amount.value.toFixed(2);
  // Without its notes: how the money goes back (（上机费退会员余额，扫码付原路退）) is no part of what
  // is asked, and read as asked it names other acts.
  return actionWithMoney(withoutRuleNotes(rule.phrase), value, ctx.language, amount.unit);
}

/**
 * Money back named by the case the caller tells, where a rule gives it back for that case only
 * (质量问题（烂、坏、少件）：…仅退款，每单<=50元; 丑橘…烂了一大半…钱你要退给我): the rule's words with the
 * case said, as the caller said it (质量问题（烂）仅退款38.5元), so that the check reads that rule and
 * not one whose words the paid item shares (逾期未取的生鲜要求退款). None when no such case is told.
 *
 * @example moneyBackForCaseTold(ctx, refund38_5, '丑橘拿回来烂了一大半，钱你要退给我') // '质量问题（烂）仅退款38.5元'
 */
export function moneyBackForCaseTold(
  ctx: CallContext,
  request: ActionRequest,
  line: string,
  amount: Quantity | undefined,
  /** The rule the request reads as so far: where the line tells its own case, it stays. */
  current: string | null,
): string | undefined {
  if (amount?.family !== 'money') return undefined;
  const rules = rulesOf(ctx).rules;
  const toldOf = (text: string | null): boolean =>
    rules.some((r) => r.text === text && toldCircumstance(r, line) !== undefined);
  if (current !== null && (toldOf(current) || DUPLICATE_RULE.test(current))) return undefined;
  // The line read whole must read that rule too: a word of its case said of something else (柜子肯定
  // 坏了 against 充电宝故障…：退该单全部费用) tells another case.
  let wholeLine: ReadonlySet<string | null> | undefined;
  for (const rule of rules) {
    if (rule.category !== 'can_approve_immediately') continue;
    if (!rule.concepts.some((c) => c.id === request.concept)) continue;
    const told = toldCircumstance(rule, line);
    if (told === undefined) continue;
    wholeLine ??= new Set(decideAhead(ctx, line).parts.map((p) => p.rule));
    if (!wholeLine.has(rule.text)) continue;
    const head = withoutRuleNotes(rule.text.split(/[:：]/)[0]!);
    const value = Number.isInteger(amount.value) ? String(amount.value) : amount.value.toFixed(2);
    const name = `${head}${ctx.language === 'zh' ? `（${told}）` : ` (${told}) `}${rule.phrase}`;
    return actionWithMoney(name, value, ctx.language, amount.unit);
  }
  return undefined;
}

/**
 * 重复扣款、错误扣款：按账单记录原路退还多扣的金额 gives money back for what went wrong before its
 * colon. Worded as that rule, a request would say a circumstance nobody told (三个月的租金退给我 is
 * no double charge), so the rule's words are used only when the caller's line says one of its
 * circumstances: the words that set each apart (重复, 错误), or the whole circumstance.
 */
function circumstanceSaid(phrase: string, line: string): boolean {
  // 重复扣费退款 with no colon names its circumstance in its action, which the request says.
  const colon = /[:：]/.exec(phrase);
  if (colon === null) return true;
  const items = phrase
    .slice(0, colon.index)
    .split(/[、，,或和及]/)
    .map((item) => item.trim())
    .filter((item) => item.length >= 2);
  return items.length === 0 || items.some((item) => line.includes(item) || line.includes(item.slice(0, 2)));
}
