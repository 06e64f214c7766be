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
 * refusals (我不要退款) and what is still awaited (退款还没到账) are not requests; a charge dispute (为什么扣了我15块) is not a refund
 * request. An amount said in another clause is not bound (上个月扣了我200块，我要退款 gives a
 * refund without quantity): the caller of this function decides which amount is meant.
 *
 * @example findActionRequests('退款60元然后注销账户')
 * // [{ concept: 'refund', text: '退款60元', quantity: { value: 60, unit: 'CNY', ... }, ... },
 * //  { concept: 'close_account', text: '注销账户', ... }]
 */
export function findActionRequests(text: string): ActionRequest[] {
  return readActionRequests(text).requests;
}

/**
 * `findActionRequests`, and the actions said as still awaited (退款到现在还没到账, 还没收到退款, my
 * refund still hasn't arrived): asked for before, so the caller wants to know where they are, not
 * to ask again. One reading of the text for both.
 */
export function readActionRequests(text: string): { requests: ActionRequest[]; awaited: ActionConcept[] } {
  const analysis = analyze(text);
  const awaited: ActionConcept[] = [];
  for (const r of analysis.requests)
    if (r.awaited && !awaited.includes(r.concept.id)) awaited.push(r.concept.id);
  const asked = analysis.requests.filter(
    (r) =>
      !r.howTo &&
      !r.negated &&
      !r.awaited &&
      !TRIED_IN_VAIN.test(analysis.norm.slice(r.clauseStart, r.clauseEnd)),
  );
  const claimed = new Set(analysis.requests.map((r) => r.quantity));
  const requests = mergeRepeats(asked).map((r) => {
    const request: ActionRequest = {
      concept: r.concept.id,
      text: text.slice(r.clauseStart, r.clauseEnd),
      start: r.clauseStart,
      end: r.clauseEnd,
    };
    const quantity = r.quantity ?? referredAmount(analysis.norm, r, analysis.quantities, claimed);
    if (quantity) request.quantity = quantity;
    return request;
  });
  return { requests, awaited };
}

/**
 * 重启好几道都莫得用, 重启了也没用, tried resetting it three times: what the caller tried in vain,
 * told, asks for nothing (the problem it leaves is what they ask about).
 */
const TRIED_IN_VAIN =
  /(?:了|过)?(?:好几|几|[两三四五六七八九十\d]+)(?:次|遍|道|回|下)(?:了)?[,\s]*(?:都|也|还是)?(?:没用|没有用|不行|没反应|没有反应|没得用|莫得用|没效果|不管用|没好|不好使)|[了过](?:也|都|还是)(?:没用|没有用|不行|没反应|没有反应|没得用|莫得用|没效果|不管用)|\btried\b[^.!?;\n]{0,30}?\b(?:twice|(?:a few|several|two|three|four|\d+|a couple of|many) times)\b/;

// Words that point back at an amount said before: for that long, that much, 那么久, 这么多.
const REFERS_BACK =
  /那么久|这么久|那么长时间|这么长时间|那么多|这么多|这个数|那个数|\bthat (?:long|much|many|amount)\b|\bthe whole time\b|\bthat period\b/;

/**
 * doc says three weeks no gym. can you pause my membership for that long?: a clause that points
 * back at an amount takes the one said before it (of the kind the action measures), when no other
 * request took it. Without such words an amount in another clause stays unbound.
 */
function referredAmount(
  norm: string,
  r: { clauseStart: number; clauseEnd: number; concept: { families?: readonly Quantity['family'][] } },
  quantities: readonly Quantity[],
  claimed: ReadonlySet<Quantity | undefined>,
): Quantity | undefined {
  if (!REFERS_BACK.test(norm.slice(r.clauseStart, r.clauseEnd))) return undefined;
  const families = r.concept.families;
  let found: Quantity | undefined;
  for (const q of quantities) {
    if (q.end > r.clauseStart || claimed.has(q)) continue;
    if (families && !families.includes(q.family)) continue;
    found = q;
  }
  return found;
}
