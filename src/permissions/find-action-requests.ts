import { analyze, mergeRepeats } from './_analyze.js';
import type { Quantity } from './parse-quantities.js';

/** An action id from the lexicon: 'refund', 'cancel_auto_renew', 'close_account', ... */
export type ActionConcept = string;

/**
 * An action the caller asked for. `text`, `start` and `end` give the clause that asked for it;
 * `quantity` is the amount said in that clause, if any.
 */
export interface ActionRequest {
  concept: ActionConcept;
  text: string;
  quantity?: Quantity;
  start: number;
  end: number;
}

/**
 * Finds the actions asked for in free customer speech (Chinese or English), in order, each with
 * the quantity of its own clause. How-to questions (怎么取消自动续费, how do I reset my password)
 * and refusals (我不要退款) are not requests; a charge dispute (为什么扣了我15块) is not a refund
 * request. An amount said in another clause is not bound (上个月扣了我200块，我要退款 gives a
 * refund without quantity): the caller of this function decides which amount is meant.
 *
 * @example findActionRequests('退款60元然后注销账户')
 * // [{ concept: 'refund', text: '退款60元', quantity: { value: 60, unit: 'CNY', ... }, ... },
 * //  { concept: 'close_account', text: '注销账户', ... }]
 */
export function findActionRequests(text: string): ActionRequest[] {
  const analysis = analyze(text);
  const asked = analysis.requests.filter((r) => !r.howTo && !r.negated);
  return mergeRepeats(asked).map((r) => {
    const request: ActionRequest = {
      concept: r.concept.id,
      text: text.slice(r.clauseStart, r.clauseEnd),
      start: r.clauseStart,
      end: r.clauseEnd,
    };
    if (r.quantity) request.quantity = r.quantity;
    return request;
  });
}
