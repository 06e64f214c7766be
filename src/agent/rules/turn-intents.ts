import type { CallContext } from '../../call/call-agent.js';
import { verifiedPaid } from '../../call/verified-charges.js';
import type { Bilingual, Language } from '../../domain/language.js';
import type { RequestEntry } from '../../domain/session-schemas.js';
import { tokenize } from '../../knowledge/index.js';
import { findActionRequests } from '../../permissions/index.js';
import { promisesTime, slaPromise } from '../../records/product-sla.js';
import { callerLines } from './caller-words.js';
import { dayNamed } from './days-said.js';
import { followUpAnswer, takenUp } from './follow-up-question.js';
import { faqAnswer, knowledgeAnswer, namesTopicOf } from './knowledge-answer.js';
import { POINTING, whichPayment } from './payment-in-question.js';
import { termOf } from './product-rules.js';
import { FOR_KIN, type Understanding, understandUtterance } from './understand-utterance.js';

// What a caller's line does to what this call already holds: answers the agent's question
// (which payment, how much), follows a request up, withdraws or declines one, or agrees.

/** What the agent asks when a rule with a limit matched a request that said no quantity. */
const HOW_MUCH: Record<string, Bilingual> = {
  clock: { zh: '您具体想到几点呢？', en: 'Until what time would you like it?' },
  duration: { zh: '您具体需要多长时间呢？', en: 'How long would you need?' },
  data: { zh: '您具体需要多少流量呢？', en: 'How much data would you need?' },
  count: { zh: '您具体需要几次呢？', en: 'How many would you need?' },
  points: { zh: '您说的是多少积分呢？', en: 'How many points do you mean?' },
};
const ASKED_HOW_MUCH = Object.values(HOW_MUCH).flatMap((q) => [q.zh, q.en]);

export function askHowMuch(unstated: { rule: string; family: string }, lang: Language): string {
  const ask = HOW_MUCH[unstated.family] ?? HOW_MUCH.count!;
  return lang === 'zh'
    ? `${unstated.rule}这个范围内我这边可以直接办理。${ask.zh}`
    : `I can arrange that within what I'm allowed (${unstated.rule}). ${ask.en}`;
}

/**
 * The caller's request this turn answers, when the agent's last words asked which payment it was
 * about: the customer's line before this one. Nothing when this turn is a request of its own.
 */
export function requestAnswered(ctx: CallContext, utterance: string): string | undefined {
  // The agent's last words first: most turns answer no question of theirs.
  const agent = ctx.conversation.filter((t) => t.role === 'agent').at(-1);
  if (!agent?.content.includes(whichPayment(ctx.language))) return undefined;
  const customer = callerLines(ctx);
  // This very line, as the agent reads it (not a request it answered, read again with it).
  if (customer.at(-1) !== utterance) return undefined;
  if (understandUtterance(utterance, ctx.language).actions.length > 0) return undefined;
  // 对了我卡好像丢了 is a new matter: an answer points at a payment (an amount, a date, 那笔, the
  // one to the airport: a word of one of the payments read).
  const paid = verifiedPaid(ctx.systemQueries).items.flatMap((i) => tokenize(i.text));
  const points =
    /\d/.test(utterance) ||
    dayNamed(utterance) !== undefined ||
    POINTING.test(utterance) ||
    tokenize(utterance).some((t) => t.length > 1 && paid.includes(t));
  return points ? customer.at(-2) : undefined;
}

/**
 * The caller's request this turn answers with the quantity it lacked (下午两点吧 after "您具体想到
 * 几点呢？"): the customer's line before this one.
 */
export function quantityAnswered(ctx: CallContext, utterance: string): string | undefined {
  const agent = ctx.conversation.filter((t) => t.role === 'agent').at(-1)?.content ?? '';
  if (!ASKED_HOW_MUCH.some((q) => agent.includes(q))) return undefined;
  const customer = callerLines(ctx);
  // This very line, as the agent reads it (not a request it answered, read again with it).
  if (customer.at(-1) !== utterance) return undefined;
  const u = understandUtterance(utterance, ctx.language);
  if (u.actions.length > 0 || u.quantities.length === 0) return undefined;
  return customer.at(-2);
}

/** What the caller's 好的 / ok agrees to: a request waiting for a supervisor, else nothing more. */
export function assentReply(ctx: CallContext): string {
  const waiting = (ctx.requests ?? []).filter((e) => e.state === 'escalated' && !e.withdrawn);
  const zh = ctx.language === 'zh';
  if (waiting.length === 0)
    return zh ? '好的。还有别的能帮您的吗？' : 'Alright. Is there anything else I can help with?';
  const named = waiting.map((e) =>
    e.ticket_id ? (zh ? `${e.what}（${e.ticket_id}）` : `${e.what} (${e.ticket_id})`) : e.what,
  );
  return zh
    ? `好的，${named.join('、')}已经提交主管审批，有结果会第一时间通知您。还有别的能帮您的吗？`
    : `Alright, ${named.join(', ')} is with my supervisor now; you'll be told as soon as there's a decision. Anything else I can help with?`;
}

/**
 * Words that drop a request: 算了 (算啦), 不投诉了, 不搞了, 先不退了, 先别注销了, 当我没说, 唔使搞了 (Cantonese), 覅了
 * (Shanghai), never mind, forget it. Not 不能就这么算了 (it must not be let go), nor what the caller
 * will hold off doing themselves (卡俺先不往表上插了, 先不去了), nor not having to say something
 * again (记一下，下回打过来就不用再说了, 不用重复讲了): that is about speaking, not the request.
 */
/** Calling something off, in English words both withdrawing and declining share. */
const CALLED_OFF_EN = String.raw`\bnever ?mind\b|\bforget (?:about )?(?:it|that|this|(?:the|my) (?:whole )?[a-z]+)\b|\bforget (?:that )?i (?:asked|said (?:anything|that|it))\b|\bdon'?t (?:close|cancel|do|refund|change|send|delete|lock|freeze|move|switch) (?:it|that|them|anything)(?: after all| then)?\b|\bno need\b|\bdon'?t bother\b|\bi(?:'ll| will) pass\b|\bnot worth (?:it|the (?:hassle|trouble|bother))\b`;

const WITHDRAW = new RegExp(
  String.raw`(?<!(?:不能|哪能|不可能|岂能|不会)就?(?:这么|这样|那么|这样子)?(?:轻易|便宜)?)算[了啦咯喇]|不用了|唔使(?:搞|做|弄|退|办|麻烦|理)?[了啦喇]|覅(?:搞|做|弄|退|办)?[了啦]|先不(?![往去出回插用碰拿取交])[\u4e00-\u9fff]{0,6}了|先别[\u4e00-\u9fff]{1,6}了|别(?:给我)?(?:办|弄|搞|退|投诉|改|换|注销|申请|取消|关)了|当我没(?:说|问)|不(?:想|要)(?![要了])[\u4e00-\u9fff]{1,3}了|不(?:用(?!(?:再|重新|又)?(?:说|讲|报|重复|解释|交代|念))|办|弄|搞|退|投诉|改|换|注销|申请|需要|麻烦)[\u4e00-\u9fff]{0,3}了|撤回|${CALLED_OFF_EN}|\b(?:i(?:'ll| will) )?(?:just )?(?:leave it|drop it)\b(?!\s+(?:back|off|in|into|round|around|over|to|at|down|by|with|outside|on|for)\b)|\bscratch that\b|\bcancel (?:that|the request|my request)\b/`,
  'i',
);

/** A time to come right before withdrawing words (以后不办了, 将来不用了): supposed, not said now. */
const LATER_SUPPOSED = /(?:以后|将来|往后|到时候)[\u4e00-\u9fff]{0,2}$/;

/** A condition the words after it hang on, in the same sentence: 要是…, 如果…, if …. */
const CONDITION_BEFORE = /(?:要是|如果|假如|假使|万一|若是|\bif\b|\bin case\b)[^。！？!?.]*$/i;

/**
 * True when the caller withdraws something asked for earlier in this call: withdrawing words, a
 * request of this call still open in the ledger, and nothing new asked for.
 */
export function withdraws(ctx: CallContext, utterance: string): boolean {
  const said = WITHDRAW.exec(utterance);
  if (said === null) return false;
  // 他要是自己有了，我就不要重复送了: dropped only if something holds, which the caller asks after.
  if (CONDITION_BEFORE.test(utterance.slice(0, said.index))) return false;
  // 以后不办了押金能退不能: a time to come supposed, asked about, drops nothing now.
  if (LATER_SUPPOSED.test(utterance.slice(0, said.index))) return false;
  // Something asked for earlier in this call that is still open (the ledger's view): waiting
  // for a supervisor or a process, or approved and not yet done. A refusal is nothing to drop.
  const open = (ctx.requests ?? []).filter(
    (r) => r.state === 'escalated' || (r.state === 'approved' && !r.carried_out),
  );
  if (open.length === 0 || dropsWhatWasOnlyAsked(ctx, utterance, open)) return false;
  // 算了还是退吧: the same request asked again after the withdrawing words keeps it.
  const again = new Set(findActionRequests(afterWithdrawal(utterance)).map((a) => a.concept));
  if (open.some((r) => findActionRequests(r.what).some((a) => again.has(a.concept)))) return false;
  // 不退了，留着给我老公充吧: 给我 before a relative is "for", not asking again.
  return !ASKS_AGAIN.test(utterance);
}

/**
 * Following up a request: to be called or told (打个电话给我, 通知我, let me know), when it happens
 * (好久到, 什么时候来, 今天能来吗, 要等多久, 要多久能弄好, how soon, how long do I have to wait,
 * how long does this take, how long before it's back), or urging it
 * (快点处理, 弄弄清爽, 管管, 给我个说法, I want an answer today).
 */
// 今儿下班前给我回个话儿, 你让主管打给我, 赶紧给我整, 主管啥时候给我回信儿, who's gettin' back tae me
// (Scots, read as "to" by then): told back, or urged on.
const FOLLOW_UP =
  /(?:打|回)(?:个|一个)?电话(?:给我|过来)|回(?:个|一个)?话儿?|给我(?:个|一个)?(?:回信儿?|信儿|回话|准信|答复)|(?:多久|什么时候|啥时候|几时|几点|哪天)[^，,。？?]{0,8}?(?:回复|答复|回话|回信|回电|联系我|打给我)|打给我|赶紧(?:给我)?(?:整|办|弄|处理)|尽快(?:给我)?(?:整|办|弄|处理|回复)|\bget(?:ting|tin'?)?\s+back\s+to\s+(?:me|us)\b|给我(?:打|回)(?:个|一个)?电话|通知我|告诉我(?:一声|结果)|回复我|(?:好久|多久|什么时候|啥时候|几点|今天|今朝|马上)[^，,。？?]{0,6}(?:到|来|过来)|(?:要|得|还要|还得|又要)等(?:多久|几天|多长时间|到什么时候)|(?:给|拿)(?:我|个|一个|我个|我一个)(?:说法|交代)|快点(?:去)?(?:处理|弄|办|讲)|弄(?:弄)?(?:清爽|清楚)|查清楚|抓紧(?:处理|办)?|管管|\b(?:call|ring) me back\b|\blet me know\b|\bkeep me posted\b|\bhow long (?:do|will|would|should|must) (?:i|we) (?:have to )?wait\b|\b(?:i want|i need|give me) an answer (?:today|by|before|this)\b|\bhow (?:long|soon)\b[^.?!]{0,30}\b(?:get here|arrive|come|be here)\b|(?:要|得|还要|需要)(?:等)?(?:多久|多长时间|几天)|多久(?:能|才|可以|会)?(?:弄好|办好|办完|处理完|处理好|有结果|出结果|到账|下来|好)|\bhow long (?:does|will|would|is|'s|until|till|before)\b|\bhow long\b[^.?!]{0,30}\btake\b|\bwhen(?:'ll|\s+will|\s+would|\s+should|\s+can|\s+do|\s+does)\s+(?:they|you|he|she|someone|somebody|anyone|(?:the|your|a)\s+[a-z]+)\s+(?:ring|call|phone|get back|contact|be in touch|reply|answer)\b|\bwhen(?:'ll|\s+will|\s+would|\s+do|\s+can|\s+should)\s+(?:i|we)\s+hear\b/i;

/** When the one a request waits for answers, asked (主管多久给我答复, when will the supervisor ring). */
const DECIDER_ASKED =
  /(?:主管|经理|领导|上级)[^，,。？?]{0,6}?(?:多久|什么时候|啥时候|几时|几点|哪天|回复|答复|回话|回信|回电|联系|打)|\b(?:supervisor|manager|boss|gaffer)\b[^!]{0,50}?\b(?:ring|call|phone|get back|reply|answer)/i;

/**
 * Another thing the caller bought or ordered, told before asking when it comes (我昨天晚上又买了一斤
 * 猪肉，今天好久能到; I also ordered …): a question about that, not a follow-up of the request in hand.
 */
const ANOTHER_PURCHASE =
  /(?:又|还|另外)(?:买|订|下|点|约|寄)了|另(?:外)?一[单份个件]|\b(?:i|we) (?:also|then) (?:ordered|bought|booked)\b|\banother order\b/i;

/**
 * What the caller hears when a line only follows up a request this call took up (FOLLOW_UP, no
 * request of its own): it is in hand, with its ticket, and the product's SLA clause closest to
 * what the call is about says when. Undefined when the line is anything else.
 */
export function followedUp(ctx: CallContext, utterance: string, u: Understanding): string | undefined {
  // 你让主管打给我: the supervisor asked for, while a request waits for one, is that request chased.
  const waitsForSupervisor = (ctx.requests ?? []).some((e) => e.state === 'escalated' && !e.withdrawn);
  if (!FOLLOW_UP.test(utterance) || ANOTHER_PURCHASE.test(utterance)) return undefined;
  const taken = takenUp(ctx);
  // 新卡啥时候能寄到？ a question the FAQ answers is answered by it; 那要等多久嘛 names nothing
  // but the wait, and an entry it finds by 多久 alone is about something else.
  let faq: boolean | undefined;
  const faqAnswers = (): boolean => {
    if (faq === undefined) {
      const hit = knowledgeAnswer(ctx, utterance);
      faq = hit !== undefined && namesTopicOf(hit, utterance);
    }
    return faq;
  };
  // who's getting back to me about the complaint, and when?: requests this call took up, named in
  // a question about them (not one the FAQ answers, 退回卡里一般多久能到账), are no new request.
  const concepts = new Map<RequestEntry, Set<string>>();
  const conceptsOf = (e: RequestEntry): Set<string> => {
    let c = concepts.get(e);
    if (c === undefined) {
      c = new Set(findActionRequests(e.what).map((a) => a.concept));
      concepts.set(e, c);
    }
    return c;
  };
  const named =
    u.question && !u.asksForAction && u.actions.length > 0 && !faqAnswers()
      ? taken.filter((e) => u.actions.some((a) => conceptsOf(e).has(a.concept)))
      : [];
  const asksNew = u.actions.some(
    (a) =>
      !(waitsForSupervisor && a.concept === 'speak_to_supervisor') &&
      !named.some((e) => conceptsOf(e).has(a.concept)),
  );
  if (asksNew) return undefined;
  // 那展架的钱，主管多久给我答复: the one who decides, asked after, makes it this request's follow-up
  // whatever else an FAQ says of its thing.
  const asksDecider = DECIDER_ASKED.test(utterance);
  if (u.question && !asksDecider && faqAnswers()) return undefined;
  if (taken.length === 0) return undefined;
  const zh = ctx.language === 'zh';
  // Supervisors call back by 17:00 the next working day. Refunds reach the card in 3-5 working
  // days.: an English SLA's sentences are its clauses too.
  const clauses = String(ctx.product.sla ?? '')
    .split(/[；;。\n]|\.(?=\s|$)/)
    .map((c) => c.trim())
    .filter(promisesTime);
  // The clause closest to all the caller said, else, on a tie, to the request taken up (its
  // rule: 封号申诉… between 封号申诉 and 人工申诉换绑).
  const closest = (text: string): string | undefined => {
    const said = new Set(tokenize(text));
    const scored = clauses
      // Numbers (2号电梯, 2小时) say nothing of which clause is meant.
      .map((c) => ({ c, shared: new Set(tokenize(c).filter((t) => said.has(t) && !/^\d+$/.test(t))).size }))
      .sort((a, b) => b.shared - a.shared);
    return scored[0] && scored[0].shared > 0 && scored[0].shared !== scored[1]?.shared
      ? scored[0].c
      : undefined;
  };
  // 主管啥时候给我回话: the request the supervisor has, and when the SLA clause closest to the
  // question says the supervisor answers (else the time the call promised).
  const escalated = asksDecider ? taken.filter((e) => e.outcome === 'requires_supervisor').at(-1) : undefined;
  // when do I hear about the complaint: the request the question names, else the latest.
  const latest = escalated ?? named.at(-1) ?? taken.at(-1)!;
  // 复核中心审核3-5个工作日 / decision within 10 business days: how long the request's own rule
  // says it takes comes before the product's general SLA.
  const when =
    (escalated && (closest(utterance) ?? promised(ctx, escalated))) ??
    termOf(latest.rule) ??
    closest(callerLines(ctx).join('，')) ??
    closest(`${latest.rule ?? ''} ${latest.what}`) ??
    promised(ctx, latest);
  // 要等多久？ naming no topic of its own asks about the request taken up: when no SLA clause says
  // when, the FAQ on that request answers.
  const answer = when === undefined && u.question ? followUpAnswer(ctx, utterance) : undefined;
  if (answer !== undefined) return faqAnswer(answer.answer, ctx.language);
  const tickets = taken.map((e) => e.ticket_id).filter((t) => t !== undefined);
  const ticket =
    tickets.length > 0 ? (zh ? `（工单号${tickets.join('、')}）` : ` (${tickets.join(', ')})`) : '';
  if (zh)
    return `您的事已经在处理了${ticket}${when ? `，按规定${when}` : ''}，有进展我们会第一时间打电话告诉您。`;
  return `It's in hand${ticket}${when ? `; ${when}` : ''}. We'll call you as soon as there's news.`;
}

/**
 * 好久回我？ of a request a supervisor or a process decides: the time the call promised when it
 * took it up (主管审批2小时内回复 -> 2小时内回复), read by the one SLA reader.
 */
function promised(ctx: CallContext, entry: RequestEntry): string | undefined {
  const kind =
    entry.outcome === 'requires_supervisor'
      ? 'supervisor'
      : entry.outcome === 'requires_process'
        ? 'process'
        : undefined;
  if (kind === undefined) return undefined;
  const span = slaPromise(String(ctx.product.sla ?? ''), kind, ctx.language);
  return ctx.language === 'zh' ? `${span}答复您` : `you'll hear ${span}`;
}

/**
 * True when the caller declines with nothing of this call open (那算了，先不叫你们了, never mind
 * then): withdrawing words, no request waiting, nothing asked for after them, and no explicit ask.
 */
export function declines(ctx: CallContext, utterance: string, u: Understanding): boolean {
  if (!DECLINE.test(utterance)) return false;
  let end = 0;
  for (const m of utterance.matchAll(new RegExp(DECLINE.source, 'gi'))) end = m.index + m[0].length;
  // can you send one of your mechanics round - actually no, leave it, don't bother / 帮我加个电池…
  // 算了算了，先不加了: asked and called off in the same line, nothing asked after. Not 给我退两千，
  // 这事儿就算了 (the demand's terms) nor 懒得算了 (reckoned).
  const start = CALLED_OFF_IN_LINE.exec(utterance)?.index ?? -1;
  const calledOff =
    start >= 0 &&
    (u.actions.length > 0
      ? u.actions.every((a) => a.end <= start)
      : u.asksForAction && ASKS_AGAIN.test(utterance.slice(0, start)));
  const asked = calledOff
    ? ASKS_AGAIN.test(utterance.slice(end))
    : u.asksForAction || ASKS_AGAIN.test(utterance);
  if (asked) return false;
  const open = (ctx.requests ?? []).filter(
    (r) => r.state === 'escalated' || (r.state === 'approved' && !r.carried_out),
  );
  if (open.length > 0 && !calledOff && !dropsWhatWasOnlyAsked(ctx, utterance, open)) return false;
  // 不想续了，直接关掉: a request said after the withdrawing words is what the caller wants.
  return u.actions.every((a) => a.end <= end);
}

/** Words that call off what the same line asked, said outright (actually no, leave it; 算了算了). */
const CALLED_OFF_IN_LINE =
  /\bactually,? no\b|\bforget (?:it|that)\b|\bleave it\b|\bdon'?t bother\b|\bnever ?mind\b|\bscratch that\b|算了算了|还是算了|(?:哎|唉|嗯)算了|不用了不用了|先不[\u4e00-\u9fff]{1,4}了/i;

/**
 * 三十块啊？介贵的啦……算了算了，先不洗了 while a supervisor's answer is awaited: the step dropped is
 * named (洗), one the last turns asked about or priced, and no open request is it. The open request
 * stands; what was priced is declined.
 */
function dropsWhatWasOnlyAsked(
  ctx: CallContext,
  utterance: string,
  open: ReadonlyArray<{ what: string }>,
): boolean {
  const named = /先不([\u4e00-\u9fff])(?:了|啦|咯)/.exec(utterance)?.[1];
  if (named === undefined || open.some((r) => r.what.includes(named))) return false;
  return ctx.conversation.slice(-3).some((t) => t.content.includes(named));
}

/**
 * Words that decline an offer or a price heard (算了, 先不叫你们了, 不用了, 不麻烦你们了, never
 * mind). Not what the caller no longer wants of their own (这个套餐我不用了, 会员不想用了: stopping it).
 */
const DECLINE = new RegExp(
  String.raw`算了|先不(?![往去出回插用碰拿取交])[\u4e00-\u9fff]{0,6}了|(?<![我俺])不用了|不麻烦(?:你们?|您)?了|${CALLED_OFF_EN}/`,
  'i',
);

const ASKS_AGAIN = new RegExp(
  // 先不麻烦你们了 declines; 麻烦你 without 不 asks.
  String.raw`帮我|(?<![别不])给我${FOR_KIN}|我要|(?<!不)麻烦你|\b(?:can|could) you\b|\bplease\b`,
  'i',
);

/**
 * What a withdrawing turn says after its last withdrawing words (算了还是退吧 → 还是退吧), or empty
 * when that is nothing of substance (a lone 好/嗯/ok).
 */
export function afterWithdrawal(utterance: string): string {
  let end = 0;
  for (const m of utterance.matchAll(new RegExp(WITHDRAW.source, 'gi'))) end = m.index + m[0].length;
  const rest = utterance.slice(end).replace(/^[\s，,。.！!？?；;、~]+/, '');
  return rest.replace(/[\s，,。.！!？?；;、~]/g, '').length >= 3 ? rest : '';
}
