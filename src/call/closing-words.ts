import { hasCjk, type Language } from '../domain/language.js';
import type { RequestEntry } from '../domain/session-schemas.js';
import { slaPromise } from '../records/product-sla.js';
import type { CallContext } from './call-agent.js';
import { requestLedger } from './request-ledger.js';

/**
 * An operator's `closing_technique` is either the words to say ("还有别的需要帮您的吗？感谢来电")
 * or how to close ("复述本次办理结果和后续时效，确认没有别的问题后礼貌道别", "Recap the outcome
 * and timings, check there is nothing else, thank the caller and say goodbye"). Guidance speaks
 * of the caller in the third person (客户, the caller) or names the steps (复述, 总结, 礼貌道别,
 * recap, say goodbye); said aloud it would read the operator's notes to the caller.
 */
const GUIDANCE_ZH = /客户|来电者|复述|总结|概括|询问是否|确认没有|确认联系方式|礼貌道别|道别$|告别$/;
const GUIDANCE_EN =
  /^(?:recap|summari[sz]e|repeat|check|confirm|ask|thank|say|offer|end|close)\b|\bthe (?:caller|customer)\b|\bsay goodbye\b/i;

export function isClosingGuidance(text: string): boolean {
  return hasCjk(text) ? GUIDANCE_ZH.test(text) : GUIDANCE_EN.test(text.trim());
}

/** Guidance that asks for the outcome to be said back (复述/总结/概括…结果, recap the outcome). */
const RECAP = /复述|总结|概括|recap|summari[sz]e|repeat/i;
/** 祝客户生活愉快 -> 祝您生活愉快: the wish the guidance names, said to the caller. */
const WISH_ZH = /祝(?:客户|您)([^，。,；;、]{2,8})/;

/**
 * The words that close the call, on every path that closes one (a goodbye line in `cs call`,
 * the chat, the built-in agent): the operator's own words when the technique is words in the
 * call's language; when it is guidance, what it asks for — the requests of this call and where
 * they stand (from the request ledger, so nothing is said that was not done), then whether there
 * is anything else, thanks and goodbye; else a plain closing.
 *
 * @example closingFor(ctx) // "今天为您办理的：退款300元，已报主管（单号TK…，预计2小时内回复）。还有别的需要帮您的吗？感谢您的来电，再见。"
 */
export function closingFor(ctx: CallContext): string {
  const lang = ctx.language;
  const closing = String(ctx.operator.closing_technique ?? '').trim();
  // Words in the other language than the call's are not said; a plain closing is.
  if (closing !== '' && !isClosingGuidance(closing) && hasCjk(closing) === (lang === 'zh')) return closing;
  const recap = closing !== '' && RECAP.test(closing) ? recapOf(ctx, lang) : '';
  if (lang === 'zh') {
    const wish = hasCjk(closing) ? WISH_ZH.exec(closing)?.[1] : undefined;
    const end = `感谢您的来电，祝您${wish ?? '生活愉快'}，再见。`;
    return recap === '' && !isClosingGuidance(closing) ? end : `${recap}还有别的需要帮您的吗？${end}`;
  }
  const end = 'Thanks for calling. Have a good day, goodbye.';
  return recap === '' && !isClosingGuidance(closing) ? end : `${recap}Anything else I can help with? ${end}`;
}

/** What this call did and what waits, one clause a request; withdrawn and refused ones are not repeated. */
function recapOf(ctx: CallContext, lang: Language): string {
  // A live call hands its ledger over (ctx.requests); a view without one is read from its lists.
  const ledger =
    ctx.requests ??
    requestLedger({
      permission_checks: ctx.permissionChecks,
      tickets: ctx.tickets,
      actions_performed: ctx.actionsPerformed ?? [],
      withdrawals: ctx.withdrawals ?? [],
    });
  const sla = String(ctx.product.sla ?? '');
  const said = new Set<string>();
  const clauses: string[] = [];
  for (const e of ledger) {
    const clause = clauseOf(e, sla, lang);
    if (clause === undefined || said.has(clause)) continue;
    said.add(clause);
    clauses.push(clause);
  }
  if (clauses.length === 0) return '';
  return lang === 'zh' ? `今天为您办理的：${clauses.join('；')}。` : `To recap: ${clauses.join('; ')}. `;
}

/**
 * A request no rule named keeps the caller's own clause as its label (个数量你给我多写点儿); said
 * back, it would quote the caller, so it is left out of the recap (its ticket number was said
 * when it was opened).
 */
const CALLERS_OWN_WORDS =
  /[我你您俺咱侬伲他她]|[啦呢吧嘛啊哈噻撒][，。？！,]?$|\b(?:I|you|my|me|we|our|he|she)\b/i;

function clauseOf(e: RequestEntry, sla: string, lang: Language): string | undefined {
  const zh = lang === 'zh';
  if (e.withdrawn || CALLERS_OWN_WORDS.test(e.what) || e.what.length > (zh ? 24 : 60)) return undefined;
  if (e.carried_out || e.state === 'done') return zh ? `${e.what}，已办好` : `${e.what}: done`;
  if (e.state === 'approved') return zh ? `${e.what}，已登记` : `${e.what}: logged`;
  if (e.state !== 'escalated' || e.ticket_id === undefined) return undefined;
  const eta = slaPromise(sla, e.outcome === 'requires_process' ? 'process' : 'supervisor', lang);
  if (e.outcome === 'requires_process')
    return zh
      ? `${e.what}，已登记工单（单号${e.ticket_id}，预计${eta}处理）`
      : `${e.what}: ticket ${e.ticket_id}, handled ${eta}`;
  return zh
    ? `${e.what}，已报主管（单号${e.ticket_id}，预计${eta}回复）`
    : `${e.what}: passed to my supervisor (ticket ${e.ticket_id}), you'll hear back ${eta}`;
}
