import type { CallContext } from '../../call/call-agent.js';
import { responseFields } from '../../domain/response-fields.js';
import { tokenize } from '../../knowledge/index.js';
import type { ActionRequest } from '../../permissions/index.js';
import { callerWords } from './caller-words.js';
import { ruleSharingWords } from './product-rules.js';

// "Cancel the whole thing" / "I want all of it back" / 把它都取消了: a request whose object is only
// a pronoun. The engine cannot read what "it" is, and handed the sentence as said it decides no
// rule covers it: a supervisor ticket labelled with the caller's words. The call says what "it"
// is: the object of the product's own rule that the call's words are about.

/** Stopping something named only by a pronoun (cancel it, end the whole thing, 把它取消了, 都关了). */
const STOP_IT =
  /\b(?:cancel|stop|end|terminate|close|quit|turn off|switch off|shut off|get rid of)\s+(?:it|this|that|them|these|those|the whole thing|everything|all of it|it all|all of them|the lot)\b|(?:把)?(?:它|这个|那个|这些|那些|全部|整个)(?:都|全)?(?:给我)?(?:取消|关掉|关了|停掉|停了|注销|退订)|(?:都|全部|统统)(?:给我)?(?:取消|关掉|停掉|退订)/i;

/** Money back for what was named only by a pronoun (I want all of it back, refund them, 都退给我). */
const MONEY_FOR_IT_BACK =
  /\b(?:want|get|give|have)\s+(?:me\s+)?(?:all of it|it all|all of that|it|them|that|those|everything|all of them|all of my money|all my money)\s+back\b|\brefund\s+(?:it|them|that|those|everything|all of it|it all|all of them)\b|(?:把)?(?:它|这个|那个|这些|那些|全部|这几笔|那几笔)(?:钱)?(?:都|全)?(?:给我)?退(?:给我|回来|了|掉)|(?:都|全部|统统)(?:给我)?退(?:给我|回来|了|掉)/i;

// Money said: an amount, a charge, a payment. "Is there any way to get those back?" after deleted
// photos asks for the photos; after a charge, for the money.
const MONEY_SAID =
  /[$¥€£]|\d\s*(?:元|块|美元|dollars?|bucks)|钱|费|扣|付款|支付|账单|收费|\b(?:charge[sd]?|charging|paid|pay|payments?|bill(?:ed|ing)?|fees?|money|refunds?|price|cost)\b/i;

/** Whether the line, or the caller's line before it, talks about money. */
function aboutMoney(ctx: CallContext, utterance: string): boolean {
  if (MONEY_SAID.test(utterance)) return true;
  const said = ctx.conversation.filter((t) => t.role === 'customer');
  // The line itself is the last one the call holds when the agent replies to it.
  const before = said.at(-1)?.content === utterance ? said.at(-2) : said.at(-1);
  return before !== undefined && MONEY_SAID.test(before.content);
}

/** Restoring what was named only by a pronoun (bring them all back, 把它们恢复了). */
const RESTORE_IT =
  /\b(?:bring|put)\s+(?:them|it|those|these|that|everything)(?:\s+all)?\s+back\b|\brestore\s+(?:them|it|those|these|that|everything|all of them|them all)\b|(?:把)?(?:它们?|这些|那些|全部)(?:都|全)?(?:给我)?(?:恢复|找回|弄回来|还原)/i;

/** Concepts that stop or end something a customer has. */
const STOPPING = /^(?:cancel|close|unsubscribe|terminate|stop|end)/;

/**
 * The request a pronoun-object line makes, with the object the call is about: the product's rule
 * for stopping something whose words this call's lines and queries share most (cancel the whole
 * thing, in a call about a subscription, is "cancel subscription"); money back is a refund. None
 * when the line names no such request, or the call does not tell which rule it means.
 *
 * @example vagueRequest(ctx, 'fine, cancel the whole thing') // { concept: 'cancel_subscription', text: 'cancel subscription', … }
 */
export function vagueRequest(ctx: CallContext, utterance: string): RequestInContext | undefined {
  const whole = { start: 0, end: utterance.length };
  // "Get those back" may mean the things (deleted photos); 退给我 and "refund it" are money.
  if (MONEY_FOR_IT_BACK.test(utterance) && (!/\bback\b/i.test(utterance) || aboutMoney(ctx, utterance))) {
    return { concept: 'refund', text: ctx.language === 'zh' ? '退款' : 'refund', ...whole };
  }
  // "Bring them all back", after the call read what was deleted: the product's restore rule whose
  // words the call's lines and queries share most (restore files from Recently Deleted).
  if (RESTORE_IT.test(utterance)) {
    const best = ruleSharingWords(
      ctx,
      (concept) => concept === 'data_recovery',
      wordsOfCall(ctx, utterance),
      {
        onlyOne: true,
      },
    );
    return best ? { concept: best.concept, text: best.phrase, ...whole } : undefined;
  }
  if (!STOP_IT.test(utterance)) return undefined;
  const best = ruleSharingWords(ctx, (concept) => STOPPING.test(concept), wordsOfCall(ctx, utterance), {
    onlyOne: true,
  });
  if (!best) return undefined;
  // 那个彩铃…把它关了: "it" is the one thing of the call's records the caller named (视频彩铃包),
  // so only that one is stopped, not every service on the account.
  const thing = namedThing(ctx);
  return { concept: best.concept, text: best.phrase, ...whole, ...(thing === undefined ? {} : { thing }) };
}

/** What the call is about, said before this line (which has only the verb and the pronoun). */
function wordsOfCall(ctx: CallContext, utterance: string): Set<string> {
  const own = new Set(tokenize(utterance));
  return new Set(
    tokenize(
      [
        ...ctx.conversation.filter((t) => t.role === 'customer').map((t) => t.content),
        ...ctx.systemQueries.map((q) => `${q.interface.replaceAll('_', ' ')} ${q.purpose}`),
      ].join('，'),
    ).filter((t) => !own.has(t)),
  );
}

/** A request read from the call, and the one thing of its records it is about, when it names one. */
export interface RequestInContext extends ActionRequest {
  thing?: string;
}

/** An action's label with the thing it is about: 退订增值业务（视频彩铃包）, cancel subscription (Family). */
export function withThing(label: string, thing: string | undefined, lang: 'zh' | 'en'): string {
  if (thing === undefined || label.includes(thing)) return label;
  return lang === 'zh' ? `${label}（${thing}）` : `${label} (${thing})`;
}

/** Names of the things a query returned (its records' `name`s, however deep). */
function thingsRead(value: unknown): string[] {
  return responseFields(value)
    .filter((f): f is [string, string] => f[0] === 'name' && typeof f[1] === 'string' && f[1].trim() !== '')
    .map(([, name]) => name.trim());
}

/** The one thing read in this call that the caller's words name (彩铃 → 视频彩铃包), if one. */
function namedThing(ctx: CallContext): string | undefined {
  const things = [...new Set(ctx.systemQueries.filter((q) => q.ok).flatMap((q) => thingsRead(q.response)))];
  if (things.length < 2) return undefined;
  const said = callerWords(ctx);
  const named = things.filter((name) => tokenize(name).some((t) => t.length > 1 && said.has(t)));
  return named.length === 1 ? named[0] : undefined;
}
