import { reviewFromContext } from '../../call/build-review.js';
import type { ApprovedActionResult, CallAgent, CallContext } from '../../call/call-agent.js';
import { callerScope } from '../../call/caller-scope.js';
import { closingFor } from '../../call/closing-words.js';
import { asksPartFirst } from '../../call/pending-refund.js';
import { recordsPayments, verifiedPaid } from '../../call/verified-charges.js';
import { hasCjk, type Language } from '../../domain/language.js';
import type { PermissionCategory } from '../../domain/record-schemas.js';
import type { Review } from '../../domain/session-schemas.js';
import { tokenize } from '../../knowledge/index.js';
import type { KnowledgeHit } from '../../knowledge/knowledge-hit.js';
import {
  type ActionRequest,
  approverOf,
  asksOthersData,
  asksWhatARecordHolds,
  checkPermission,
  exceptedRole,
  MONEY_BACK_CONCEPTS,
  otherPartyUnder,
  type PermissionDecision,
  type PermissionPart,
  saysWhatABanQuotes,
  standardRegionalWords,
} from '../../permissions/index.js';
import { slaPromise } from '../../records/product-sla.js';
import { actionFor } from './action-for-request.js';
import { asWritten } from './as-written.js';
import { callerLines, inStandardSpelling, lastCallerLine } from './caller-words.js';
import { followUpAnswer, takenUp } from './follow-up-question.js';
import { idSaid } from './interface-params.js';
import { faqAnswer, knowledgeAnswer, otherAnswers, QUESTION_CLAUSE } from './knowledge-answer.js';
import {
  interfacesRead,
  lookUpFacts,
  lookUpFactsOfRule,
  lookUpMonthBefore,
  lookUpOwnQuietly,
  verifyAccount,
} from './look-up-facts.js';
import { composeReply, joinSpoken, type ReplyParts } from './methodology-reply.js';
import { refundDue } from './money-due.js';
import {
  alreadyRefunded,
  currencyOf,
  depositAskedBack,
  duplicateRefunded,
  duplicateUnseen,
  money,
  noDuplicateSeen,
  whichPayment,
  whichPaymentUnclear,
} from './payment-in-question.js';
import { decideAhead, rulesOf, stepsSaid, termOf } from './product-rules.js';
import { forbiddenReason, phrases, pick } from './reply-phrases.js';
import { factsHead, maskOtherPhones, pointsAtItem } from './speak-facts.js';
import {
  afterWithdrawal,
  askHowMuch,
  assentReply,
  declines,
  followedUp,
  quantityAnswered,
  requestAnswered,
  withdraws,
} from './turn-intents.js';
import {
  asksLeave,
  asksOnlyToBeTold,
  clausesOf,
  SUPPOSED,
  TAKE_IT_OFF,
  tellsWhatHappened,
  type Understanding,
  understandUtterance,
  withoutCalledOffAgain,
  withoutOwnDoing,
  withoutRetracted,
  withoutWishForOthers,
} from './understand-utterance.js';
import { vagueRequest } from './vague-requests.js';
import { ASKS_WHAT_IT_TAKES, whatARuleTakes, whatAStepTakes, whatItTakes } from './what-a-step-takes.js';

/**
 * The built-in agent: runs a whole call offline and deterministically. It states account facts
 * only from this call's system queries and agrees to actions only as the permission engine
 * decides; the operator's methodology shapes how it says it.
 */
export function createRulesAgent(): CallAgent {
  return {
    kind: 'rules',
    async greet(ctx) {
      const greeting = String(ctx.operator.greeting ?? '');
      if (ctx.language === 'en' && /[\u3400-\u9fff]/.test(greeting)) return phrases('en').greetingReply;
      return greeting || phrases(ctx.language).greetingReply;
    },
    async reply(ctx, utterance) {
      return maskOtherPhones(await replyTo(ctx, asWritten(ctx, utterance)), ctx.phone, ctx.product);
    },
    async review(ctx): Promise<Review> {
      return reviewFromContext(ctx);
    },
  };
}

async function replyTo(ctx: CallContext, heard: string): Promise<string> {
  // What the caller took back as soon as they said it (不对不对, no wait), or asked for and called
  // off again (先给我取消了……算了，先不取消了), is not heard as said.
  // Wot she pay?: spoken spellings read in the standard one.
  const utterance = withoutCalledOffAgain(withoutRetracted(inStandardSpelling(heard)));
  // The caller answers "which one would you like back?" (the one to the airport, 退25那笔): their
  // request again, with the payment they point at.
  const request = requestAnswered(ctx, utterance) ?? quantityAnswered(ctx, utterance);
  if (request !== undefined) return replyTo(ctx, `${request}\n${utterance}`);
  const lang = ctx.language;
  const p = phrases(lang);
  const u = understandUtterance(utterance, lang);
  const turn = ctx.conversation.filter((t) => t.role === 'customer').length;
  const parts: ReplyParts = { resolve: [] };
  const topics = (ctx.learned.topics as string[] | undefined) ?? [];
  ctx.learned.topics = topics;

  if (u.name) learnName(ctx, u.name);
  if (u.surname) learnSurname(ctx, u.surname);
  if (ctx.coldStart && lang === 'en') ctx.learned.communication_style ??= 'Prefers English';
  if (ctx.coldStart && u.upset)
    ctx.learned.communication_style = lang === 'zh' ? '情绪较急，需先安抚' : 'Upset; calm things first';

  const switchedToEnglish =
    lang === 'en' && ctx.conversation.some((t) => t.role === 'customer' && /[\u3400-\u9fff]/.test(t.content));
  if (switchedToEnglish && /english/i.test(utterance)) parts.ack = p.englishOk;

  if (u.claimsAuthority) parts.resolve.push(p.authority);

  // "算了，不投诉了" / "never mind": the caller drops what they asked for earlier in the call. It
  // is not a new request; nothing is checked or opened for it.
  if (withdraws(ctx, utterance)) {
    topics.push(lang === 'zh' ? '客户撤回了请求' : 'Caller withdrew the request');
    ctx.learned.withdrawn = [...((ctx.learned.withdrawn as string[] | undefined) ?? []), utterance];
    // The ledger marks the request withdrawn; a ticket it opened is cancelled, not reopened.
    const withdrawn = ctx.tools.withdrawRequest({ text: utterance });
    const ticket = withdrawn?.ticket_id;
    const dropped =
      lang === 'zh'
        ? `好的，明白了，这个就先不办了。${ticket ? `工单${ticket}已为您撤销。` : ''}`
        : `Alright, understood, we'll leave that then.${ticket ? ` I've withdrawn request ${ticket}.` : ''}`;
    // 那算了。对了我密码也忘了: what follows the withdrawal is a turn of its own; not the reason
    // given on the way out (Nah, leave it in, I need a barman for the season. Cheers.).
    const rest = afterWithdrawal(utterance);
    const after = rest === '' ? undefined : understandUtterance(rest, lang);
    const leaving =
      after !== undefined &&
      (after.goodbye || after.endsWithThanks) &&
      !after.question &&
      after.actions.length === 0;
    if (rest !== '' && !leaving) return joinSpoken([dropped, await replyTo(ctx, rest)]);
    parts.resolve.push(dropped);
    parts.ack = pick(p.ack, turn);
    return composeReply(String(ctx.operator.methodology ?? ''), parts);
  }

  // 介贵的啦……那算了算了，先不叫你们了: withdrawing words while nothing is open decline what
  // was offered or priced. Nothing asked before them is asked (三十块上门费 names the price
  // heard), and nothing is checked or opened; what follows is a turn of its own when it asks.
  if (declines(ctx, utterance, u)) {
    const rest = afterWithdrawal(utterance);
    const declined =
      lang === 'zh'
        ? '好的，明白了，那就先不安排了，以后有需要随时联系我们。'
        : "Alright, understood, we'll leave it there. Call us any time you need us.";
    // 那算了嘛，那我自己先过来做，这个礼拜五上午十点: what follows asks again, for something else.
    const next = rest === '' ? undefined : understandUtterance(rest, lang);
    if (
      next !== undefined &&
      (next.question ||
        next.asksForAction ||
        next.actions.length > 0 ||
        checkPermission(rulesOf(ctx), rest).rule !== null)
    )
      return joinSpoken([declined, await replyTo(ctx, rest)]);
    topics.push(lang === 'zh' ? '客户决定暂不办理' : 'Caller decided against it');
    parts.resolve.push(declined);
    parts.ack = undefined;
    return composeReply(String(ctx.operator.methodology ?? ''), parts);
  }

  // A request or a question about anyone but the caller goes to the engine as said, which
  // forbids it however it is worded: no facts are looked up and no answer is given for it. Before
  // a follow-up: 她今天到，你把她那个取货码跟我说一下 asks for a neighbour's code, not after the call's.
  const aboutSomeoneElse = await replyAboutSomeoneElse(ctx, utterance, u, parts, turn);
  if (aboutSomeoneElse !== undefined) return aboutSomeoneElse;

  // 你们弄弄清爽，到时候打个电话给我 / 你们好久到嘛？ after a request this call took up: the
  // caller urges it, asks when it happens or to be told. Nothing new is asked; they hear when.
  // 那要准备什么材料？ after a request this call took up: what its rule's own note, or the FAQ,
  // says the step takes.
  const needed = ASKS_WHAT_IT_TAKES.test(utterance)
    ? neededFor(ctx, asksForIt(utterance) ? undefined : utterance)
    : undefined;
  if (needed) {
    parts.resolve.push(needed);
    return composeReply(String(ctx.operator.methodology ?? ''), parts);
  }
  const pending = followedUp(ctx, utterance, u);
  if (pending) {
    parts.resolve.push(pending);
    return composeReply(String(ctx.operator.methodology ?? ''), parts);
  }

  // Step 4: verify before stating anything about the account.
  // A plain question ("退款多久到账") that the product's knowledge answers is a question, not a
  // request, unless the caller also asks for something ("能不能给我退款").
  const aboutAccount = u.chargeDispute || u.somethingMissing || u.aboutOwnAccount;
  // 宽带能跟着挪过去不: asking whether something can be done, which the FAQ answers, is a question.
  const faqHit =
    u.question && (!u.asksForAction || u.onlyAsksLeave) && !aboutAccount
      ? knowledgeAnswer(ctx, utterance)
      : undefined;
  // A question (how long, when, who; "just asking") names actions without asking for them. But
  // "I bought the course two weeks ago … can I get my money back?" asks for the caller's own
  // money: the policy is said and the request is checked against what was paid (not when it is
  // hypothetical: if I cancel, can I get a refund?).
  // 周末能干活不？我想让师傅赶赶工: the caller's wish for their workers is no leave of their own.
  // What would that cost me a week? in another sentence supposes nothing of the leave asked.
  const ownLeave =
    u.onlyAsksLeave &&
    /我|俺|咱|\bmy\b|\bi\b|\bme\b/i.test(withoutWishForOthers(utterance)) &&
    !HYPOTHETICAL.test(leaveSentences(utterance));
  const ownMoneyBack = ownLeave && u.actions.some((a) => MONEY_BACK_CONCEPTS.has(a.concept));
  // "my cousin's in town this weekend … can I get him in on that free guest pass?": leave asked
  // for a set day is asked for that day, beside the policy the FAQ gives.
  // So can I buy her a gift voucher? One hundred pound: leave asked for a sum is asked for it too.
  const forOccasion =
    ownLeave && (OCCASION.test(utterance) || u.quantities.some((q) => q.family === 'money'));
  // 把我妈名字念错了 on a principal's account: the caller's own kin is whom the account is held for,
  // and the lexicon's reading of someone else's data (其他用户信息) is no request (the engine read
  // no one else above).
  // 没提货的到底能不能退？要什么手续？ whether a step can be done and what it takes, asked of the
  // product and not of the caller's own thing: a question, and no request is taken up.
  const asksHowItIsDone =
    asksLeave(utterance) &&
    ASKS_WHAT_IT_TAKES.test(utterance) &&
    !ownLeave &&
    !ASKED_FOR_ME.test(withoutWishForOthers(utterance));
  // An' if I pull me advert, I get me twenty-four pound back? 要是不上了，能退吗？: what would
  // follow a step the caller only supposes, asked; nothing is asked for.
  const supposed =
    SUPPOSED_OUTCOME.test(utterance) && !ASKED_FOR_ME.test(utterance.replace(SUPPOSED_OUTCOME, ' '));
  const onlyAsks = (u.infoQuestion && !u.asksForAction) || asksHowItIsDone || supposed;
  const actions = ((faqHit && !ownMoneyBack && !forOccasion) || onlyAsks ? [] : [...u.actions]).filter(
    (a) => !asksOthersData(a.concept),
  );
  if (faqHit && forOccasion && actions.length === 0) {
    const read = checkPermission(rulesOf(ctx), utterance);
    if (read.rule !== null) actions.push({ concept: '', text: utterance, start: 0, end: utterance.length });
  }
  // 我卡好像丢了 / my card was stolen: reporting it lost is what the caller needs, when the
  // product's rules name such a step (挂失); the engine decides it as it decides any request.
  if (actions.length === 0 && u.lostCard) {
    const step = lang === 'zh' ? '挂失' : 'report a lost card';
    const decided = checkPermission(rulesOf(ctx), step);
    if (decided.rule !== null && decided.status !== 'forbidden')
      actions.push({ concept: '', text: step, start: 0, end: utterance.length });
  }
  // Cancel the whole thing / I want all of it back / 顺手把它关了: the object the call is about,
  // for each clause no request of this turn covers.
  // 预约单弄丢了…是几号几点来着？ A question of information that asks for no step takes up no
  // vague request either.
  if (!faqHit && !onlyAsks) {
    let lineRead: PermissionDecision | undefined;
    for (const clause of clausesOf(utterance)) {
      if (actions.some((a) => a.start < clause.end && clause.start < a.end)) continue;
      // what if I just cancel it and sign back up later? Would I lose my spot?: a step supposed,
      // and what would follow asked, not asked for.
      if (ONLY_SUPPOSED.test(clause.text) || WHAT_FOLLOWS.test(clause.text)) continue;
      const meant = vagueRequest(ctx, clause.text);
      if (!meant || actions.some((a) => a.concept === meant.concept)) continue;
      // I sent a gift card to my niece … can you cancel it: the line says what "it" is, and the
      // engine reads the clause, so told, as a rule of its own: that is the request, not the
      // vague one's guess at the call's main thing (the account).
      lineRead ??= decideAhead(ctx, utterance);
      const told = lineRead.parts.find(
        (p) =>
          p.rule !== null &&
          p.status !== 'forbidden' &&
          (p.text.includes(clause.text.trim()) || clause.text.includes(p.text.trim())),
      );
      if (told && told.concept !== meant.concept) {
        actions.push({ concept: '', text: utterance, start: clause.start, end: clause.end });
        continue;
      }
      actions.push({ ...meant, start: clause.start, end: clause.end });
    }
  }
  // "Charged me twice … I need the second one back" / 扣了两次，退一笔回来: what is asked back of
  // a charge taken twice is money, that charge. "You charged me a whole extra day, 89 bucks, take
  // it off" / 这笔给我免了: a charge disputed and asked off is money back of that charge, waived
  // when it is a fee or penalty, else refunded. Either is asked as money back (bounded by the
  // charges this call reads), not as the caller's sentence, which names no rule.
  // A fee said with its amount is one charged (hit me with a $25 late fee), though not in words of
  // charging.
  if (!actions.some((a) => MONEY_BACK_CONCEPTS.has(a.concept))) {
    const penalty = PENALTY_WORDS.test(utterance);
    const feeCharged = penalty && u.quantities.some((q) => q.family === 'money');
    const backConcept =
      u.duplicateCharge && u.asksForAction && ASKS_ONE_BACK.test(utterance)
        ? 'refund'
        : (u.chargeDispute || feeCharged) && ASKS_IT_OFF.test(utterance)
          ? penalty
            ? 'fee_waiver'
            : 'refund'
          : undefined;
    if (backConcept !== undefined) {
      actions.splice(0, actions.length, ...actions.filter((a) => a.concept !== ''));
      actions.push({ concept: backConcept, text: utterance, start: 0, end: utterance.length });
    }
  }
  // I left my umbrella in the car / the driver was driving dangerously: a statement with no
  // request in it, not even a vague one, whose mention asks for a step the product's rules name
  // (a lost item reported, a safety incident). The engine, reading the whole line against the
  // rules, matches that rule; it is taken up as the request and decided as any other. A line
  // that matches no rule stays a statement.
  // 理赔到现在还没到账 names a claim made before: where it is, not a new one.
  // 买家那边我已经先把钱退了: what the caller did themselves is no part of what they ask.
  const asked = withoutOwnDoing(utterance);
  // 枪拔不下来，咋整啊: a problem told with "what do I do" asks for the step a rule names for it
  // when the FAQ has no answer, as the problem told alone does.
  // 我该怎么办 asks what to do, not how something works: it is no question of information.
  const asksWhatToDo =
    u.question &&
    WHAT_TO_DO.test(utterance) &&
    !understandUtterance(utterance.replace(new RegExp(WHAT_TO_DO, 'gi'), '，'), lang).infoQuestion;
  // 就冻七天吧。冻好以后卡到哪天到期啊？ A step said plainly, then a question about what follows
  // from it: the sentences that ask nothing are read as a line that asks nothing is (a line that
  // asks for a step in so many words is read below, request by request).
  const stated =
    asksWhatToDo || (!u.infoQuestion && !u.question)
      ? asked
      : u.asksForAction
        ? ''
        : statedSentences(asked, lang);
  if (actions.length === 0 && !faqHit && stated !== '' && u.awaited.length === 0) {
    const read = checkPermission(rulesOf(ctx), stated);
    if (read.rule !== null && read.status !== 'forbidden')
      actions.push({ concept: '', text: stated, start: 0, end: utterance.length });
  }
  // 这个能退不？还有门禁卡丢了，再给我补一张呗: the engine reads each request of the line apart,
  // each with its rule. One the lexicon's reading missed (补一张 names no concept) is taken up
  // beside the others; a line read as one request (车牌改一下。另外再办张门禁卡) is checked
  // request by request, not as one action under the strictest part's rule.
  const understood = new Map<ActionRequest, Understanding>();
  if (!faqHit && (u.asksForAction || actions.length > 0)) {
    const apart = partsAskedApart(ctx, asked, utterance);
    const wholeLine =
      actions.length === 0 ||
      (actions.length === 1 &&
        actions[0]!.concept === '' &&
        actions[0]!.end - actions[0]!.start >= asked.length);
    if (wholeLine && apart.length >= 2) actions.splice(0, actions.length);
    const missed = wholeLine
      ? apart.length >= 2
        ? apart
        : []
      : apart.filter(
          (part) =>
            !actions.some((a) => a.start < part.end && part.start < a.end) &&
            !apart.some(
              (other) =>
                other.rule === part.rule && actions.some((a) => a.start < other.end && other.start < a.end),
            ),
        );
    for (const part of missed) {
      actions.push(part.request);
      understood.set(part.request, understandUtterance(part.request.text, lang));
    }
  }
  // 那就取消吧 with no object: the step the agent just offered (switching off auto-renewal), or a
  // question about what to do it to; never a guess.
  if (actions.length === 0 && u.bareImperative) {
    const offered = ctx.conversation.filter((t) => t.role === 'agent').at(-1)?.content ?? '';
    if (offered.includes(p.offerCancelRenew) && /取消|关|停/.test(u.bareImperative)) {
      actions.push({ concept: 'cancel_auto_renew', text: utterance, start: 0, end: utterance.length });
    } else {
      parts.resolve.push(
        lang === 'zh'
          ? `您是要${u.bareImperative}哪一项呢？我确认一下再帮您办理。`
          : 'Which one do you mean? Let me confirm before I do it.',
      );
    }
  }

  // An action request alone ("把自动续费关了") needs no restating of the account: the engine
  // decides it and the backend reports what changed. A question about the caller's own account
  // ("我的会员什么时候到期？") is answered from a query.
  const needsAccount =
    !faqHit &&
    (u.chargeDispute ||
      u.somethingMissing ||
      u.serviceNames.some((n) => !/^(会员|套餐|服务)$/.test(n)) ||
      (u.mentionsSubscription &&
        (u.aboutOwnAccount || (!u.question && !u.asksForAction)) &&
        actions.length === 0));
  const queriedBefore = ctx.systemQueries.length;
  if (needsAccount) {
    const facts = await verifyAccount(ctx, u, utterance);
    parts.resolve.push(...facts.sentences);
    if (facts.topic) topics.push(facts.topic);
    if (facts.offerCancelRenew && !actions.some((a) => a.concept === 'cancel_auto_renew')) {
      parts.notify = p.offerCancelRenew;
    }
  }
  // A product question answered by the FAQ needs no lookup, unless the caller asks about their own
  // things too (我订的那家哪天入住, how far am I in my course).
  // 俺 and 额 are 我 in Northern speech (俺上个月充的气, 额那个车): read in standard words.
  // An id read out (柜号K33091) points at one thing of the caller's too.
  const personal =
    /我|\bmy\b|\bi(?:'m| am)?\b|\bme\b/i.test(standardRegionalWords(utterance)) ||
    idSaid(utterance) !== undefined;
  // it's not my business, I'm only nosy. Thank you, ta-ra now: a goodbye that asks nothing
  // hears no facts again.
  const leaving = u.goodbye && !u.question && !u.asksForAction && actions.length === 0 && !needsAccount;
  // 今天金价多少一克, answered by a rule that says the price is the system's: a figure asked that
  // the answer does not give, or gives as the day's, is looked up where an interface holds it.
  const figureUnanswered =
    faqHit !== undefined &&
    ASKS_FIGURE.test(utterance) &&
    (!/\d/.test(faqHit.answer.replace(CLOCK_OR_DATE, '')) || LIVE_VALUE.test(faqHit.answer));
  if (!(faqHit && !figureUnanswered && !u.aboutOwnAccount && !personal) && !leaving) {
    // The interfaces whose facts the caller's words are about (each interface's own description
    // and fields say which), queried before the reply and before any action; those the
    // subscription and billing reading above already queried in this turn are not asked again.
    const done = new Set(ctx.systemQueries.slice(queriedBefore).map((q) => q.interface));
    // A request about what the call has read out already (关掉自动续费 after the subscription was
    // said) is checked against fresh facts, but they are not said again: the outcome says what
    // changed, or that nothing needed to.
    const saidBefore = actions.length > 0 ? interfacesRead(ctx, queriedBefore) : undefined;
    parts.resolve.push(...(await lookUpFacts(ctx, utterance, done, undefined, saidBefore)));
  }

  // 话费多了十五块: an amount the caller disputes that nothing read so far holds is looked for
  // in the product's other interfaces that hold fees or what the caller has (a value-added
  // service's monthly fee explains a bill that grew).
  if (u.chargeDispute) {
    // The amount disputed, not the one asked back (给我退两百 asks; 多了十五块 disputes).
    const asked = new Set(actions.map((a) => a.quantity).filter((q) => q !== undefined));
    const claimed = u.quantities
      .filter((q) => q.family === 'money' && ![...asked].some((a) => a.start === q.start && a.end === q.end))
      .map((q) => q.value);
    const holds = (v: number) => ctx.systemQueries.some((q) => q.ok && holdsNumber(q.response, v));
    // 我啥也没开过 / I never signed up: what the account has on it is the fact to read.
    const deniesSigningUp =
      /没(?:开|订|办|申请|注册)(?:过|通)|啥也没开|什么都没(?:开|订|办)|never (?:signed up|subscribed|ordered|opted in)|didn'?t (?:sign up|subscribe|order)/i.test(
        utterance,
      );
    if ((claimed.length > 0 && !claimed.some(holds)) || deniesSigningUp) {
      const read = new Set(ctx.systemQueries.map((q) => q.interface));
      const holders = Object.entries(ctx.product.api_interfaces ?? {})
        .filter(
          ([name, d]) =>
            !read.has(name) &&
            (d.response_fields ?? []).some(
              (f) => recordsPayments(f) || /service|subscri|plan|业务|套餐|订阅/i.test(f),
            ),
        )
        .map(([name]) => name);
      if (holders.length > 0) parts.resolve.push(...(await lookUpFacts(ctx, utterance, new Set(), holders)));
    }
  }

  // ...I get me twenty-four pound back?: money back supposed, the sum the records work out for it
  // is told, and nothing is done.
  if (supposed && u.actions.some((a) => MONEY_BACK_CONCEPTS.has(a.concept))) {
    const due = refundDue(ctx, utterance);
    if (due !== undefined) parts.resolve.push(p.wouldGiveBack(money(due, lang, currencyOf(ctx.product))));
  }

  // Facts before actions: money given back needs the payment it gives back. With none read in
  // this call yet, the product's interfaces that record payments (orders, bills …) are read first.
  // So too for a question about it that the FAQ does not answer (退多少钱啊): the caller hears
  // what was paid and is asked which payment they mean.
  const moneyBack = actions.some((a) => MONEY_BACK_CONCEPTS.has(a.concept));
  const asksMoneyBack =
    !moneyBack &&
    !faqHit &&
    ASKS_FIGURE.test(utterance) &&
    u.actions.some((a) => MONEY_BACK_CONCEPTS.has(a.concept));
  if (moneyBack || asksMoneyBack) {
    // A price read elsewhere (a plan's fee) is not a payment: while no list of charges was read,
    // the interfaces that record payments are.
    const known = verifiedPaid(ctx.systemQueries);
    // A late fee asked back when only tolls were read: charges that name nothing the caller said
    // are not yet the one meant, and the other interfaces that record payments may hold it.
    const said = new Set(tokenize(utterance).filter((t) => t.length > 1 && !/^\d/.test(t)));
    const named = known.items.some((i) => tokenize(i.text).some((t) => said.has(t)));
    // 定金你全给我退了 with the booking's deposit read: that is the money meant, no list to hunt.
    const deposit = depositAskedBack(ctx, utterance);
    if ((!known.fromRecords || !named) && !deposit) {
      const read = new Set(ctx.systemQueries.map((q) => q.interface));
      const payments = Object.entries(ctx.product.api_interfaces ?? {})
        .filter(([name, d]) => !read.has(name) && (d.response_fields ?? []).some(recordsPayments))
        .map(([name]) => name);
      if (payments.length > 0)
        parts.resolve.push(...(await lookUpFacts(ctx, utterance, new Set(), payments)));
    }
    if (verifiedPaid(ctx.systemQueries).recordsShowNone)
      parts.resolve.push(...(await lookUpMonthBefore(ctx, utterance)));
    if (asksMoneyBack && verifiedPaid(ctx.systemQueries).items.length > 0) parts.ask = whichPayment(lang);
  }

  // "扣了两次，退一次": money back for a charge taken twice. When the charge lists this call read
  // show no two charges of one amount, the caller hears so and is asked for the other one;
  // nothing is given back for a duplicate the records do not show.
  // A second taking the records show refunded already is told, not given back again.
  const duplicateBack = u.duplicateCharge ? duplicateRefunded(ctx) : undefined;
  const unseenDuplicate = u.duplicateCharge && duplicateBack === undefined && duplicateUnseen(ctx);
  if (unseenDuplicate) parts.resolve.push(noDuplicateSeen(ctx));
  const givenBack =
    duplicateBack ?? (moneyBack && !unseenDuplicate ? alreadyRefunded(ctx, utterance) : undefined);
  if (givenBack) parts.resolve.push(givenBack);

  // Step 5: check before agreeing to anything.
  const handled = new Set<string>();
  for (const request of actions) {
    if ((unseenDuplicate || givenBack) && MONEY_BACK_CONCEPTS.has(request.concept)) continue;
    // Requests the lexicon names are one per concept; those read apart by rule, one per rule.
    const key = understood.has(request) ? request.text : request.concept || request.text;
    if (handled.has(key)) continue;
    handled.add(key);
    const heard = understood.get(request) ?? u;
    // Money back with no amount, and the payments read differ: which one is asked, not guessed
    // nor handed to a supervisor.
    if (whichPaymentUnclear(ctx, request, heard, utterance)) {
      parts.resolve.push(whichPayment(lang));
      continue;
    }
    // The only request of the line may be read with the line's other clauses (what it is about).
    const sentence = await handleAction(
      ctx,
      request,
      heard,
      false,
      actions.length === 1 ? utterance : undefined,
    );
    parts.resolve.push(sentence.text);
  }
  // A request the lexicon does not know ("帮我改一下绑定的手机号") still goes to the engine as the
  // caller said it: no rule covers it, so it is never approved, and the caller hears so. What
  // is still awaited (退了…到现在也没见着) asks where it is, not for it again.
  let unknownAsked = false;
  // 押金能不能免了？ asked as a question that no rule names and the product's FAQ answers: the
  // answer is what the caller asked for; nothing goes to a supervisor. Not when the company is
  // asked to do something (could you put that in place?): that is a request, whatever the FAQ says.
  const unknownLine = actions.length === 0 && !faqHit && u.asksForAction && u.awaited.length === 0;
  // Whether no rule names any part of the line: read once, for the two tests below.
  let ruleless: boolean | undefined;
  const noRuleNames = (): boolean => {
    ruleless ??= checkPermission(rulesOf(ctx), asked).parts.every((part) => part.rule === null);
    return ruleless;
  };
  // 先给我查清楚了 after a bill disputed: asked to look into it, which the queries did; a step is
  // asked only where a rule of the product names one (丢件 handled as a process).
  const askedUnknown = unknownLine && !(INVESTIGATE.test(utterance) && noRuleNames());
  const answeredInstead =
    askedUnknown && u.question && !ASKS_THE_COMPANY.test(utterance) && noRuleNames()
      ? knowledgeAnswer(ctx, utterance)
      : undefined;
  if (answeredInstead) {
    // What's a year gonna run me? Any paperwork I gotta have? Each question the FAQ answers.
    for (const hit of [answeredInstead, ...otherAnswers(ctx, utterance, answeredInstead)]) {
      parts.resolve.push(faqAnswer(hit.answer, lang));
      topics.push(lang === 'zh' ? `咨询：${hit.question}` : `Asked: ${hit.question}`);
    }
  } else if (askedUnknown) {
    unknownAsked = true;
    const unknown = { concept: '', text: asked, start: 0, end: asked.length };
    if (whichPaymentUnclear(ctx, unknown, u)) {
      parts.resolve.push(whichPayment(lang));
    } else {
      const sentence = await handleAction(ctx, unknown, u);
      parts.resolve.push(sentence.text);
    }
  }

  // Product questions from the knowledge base.
  // 是不是漏气了啊？我现在咋办啊？你们赶紧来个人看看: a question the line asks besides its request
  // (in words the request does not cover) gets its FAQ answer beside the request's outcome.
  // 你先帮我把装修登记弄上吧。要带啥材料？押金要交多少啊？ So too beside a request no lexicon word
  // names: the line's questions, in clauses that ask for nothing, are answered from the FAQ.
  const besides =
    faqHit || u.question !== true
      ? []
      : unknownAsked
        ? questionsBesidesAsking(ctx, utterance, lang)
        : [questionBesides(ctx, utterance, actions)].filter((h) => h !== undefined);
  for (const hit of besides) {
    parts.resolve.push(faqAnswer(hit.answer, lang));
    topics.push(lang === 'zh' ? `咨询：${hit.question}` : `Asked: ${hit.question}`);
  }
  if (faqHit) {
    for (const hit of [faqHit, ...otherAnswers(ctx, utterance, faqHit)]) {
      parts.resolve.push(faqAnswer(hit.answer, lang));
      topics.push(lang === 'zh' ? `咨询：${hit.question}` : `Asked: ${hit.question}`);
    }
  } else if (
    actions.length === 0 &&
    !u.asksForAction &&
    ((u.question && !needsAccount) || u.awaited.length > 0)
  ) {
    // 理赔到现在还没到账: what the caller awaits is looked up above, and how long it takes is the
    // product's own answer (理赔多久到账).

    // 多长时间能到账？ after a refund: a question naming no topic of its own asks about the
    // request the call just took up.
    const hit = knowledgeAnswer(ctx, utterance) ?? (u.question ? followUpAnswer(ctx, utterance) : undefined);
    if (hit) {
      parts.resolve.push(faqAnswer(hit.answer, lang));
      topics.push(lang === 'zh' ? `咨询：${hit.question}` : `Asked: ${hit.question}`);
    }
  }

  // A fact already said in this call is not said again when the turn has something new to say
  // (the caller who asks to stop auto-renewal hears that it is done, not the bill once more).
  const saidBefore = ctx.conversation
    .filter((t) => t.role === 'agent')
    .map((t) => t.content)
    .join('\n');
  // The same interface's facts said before in other words ("I checked <what>:" was) are not said
  // again either, unless the caller points at an item (an amount, a day: 11月20号那笔).
  const pointing = pointsAtItem(utterance);
  const fresh = parts.resolve.filter((s) => {
    const head = pointing ? undefined : factsHead(s);
    return !saidBefore.includes(s) && !(head !== undefined && saidBefore.includes(head));
  });
  if (fresh.length > 0 && fresh.length < parts.resolve.length) parts.resolve = fresh;

  const problem = u.chargeDispute || u.somethingMissing || u.serviceProblem || u.upset;
  const empathy = ctx.operator.empathy_phrases as string[] | undefined;
  // Empathy and the apology once for a problem: said again on every later mention of it, they
  // sound like a script. An angry turn still gets them.
  const consoled = saidBefore.includes(p.apology) && !u.upset;
  if (problem && !consoled) {
    const phrase = lang === 'zh' || !hasCjk(empathy?.[0]) ? pick(empathy ?? [], turn) : undefined;
    // An empathy phrase the apology already says (给您添麻烦了) is not said twice.
    if (phrase && !p.apology.includes(phrase.replace(/[。.!！]$/, '')))
      parts.empathy = sentence(phrase, lang);
    parts.apology = p.apology;
  }
  // No "好的，我来看一下。好的，退款…": a reply that already opens with an acknowledgement gets no other.
  if (!parts.ack && parts.resolve.length > 0 && !/^(?:好的|Sure\b)/.test(parts.resolve[0] ?? ''))
    parts.ack = pick(p.ack, turn);

  if (parts.resolve.length === 0) {
    if (u.assents && !u.goodbye) {
      // 好的(谢谢) after "需要主管审批…可以吗？": the request stands and waits for the supervisor;
      // the caller hears so, not a discovery question or a goodbye.
      parts.resolve.push(assentReply(ctx));
      parts.ack = undefined;
    } else if (u.thanks || u.goodbye) {
      parts.closing = closingFor(ctx);
      parts.ack = undefined;
    } else if (u.greeting || (u.name && !problem)) {
      parts.ack = u.name && lang === 'zh' && !u.name.includes('/') ? `${u.name}您好！` : undefined;
      parts.ask = parts.ack ? '请问有什么可以帮您？' : p.greetingReply;
    } else if (u.infoQuestion && !problem && parts.ask === undefined) {
      // A plain question nothing here answers (how long until it shows on my card?): said so,
      // not guessed, and not met with a discovery question.
      parts.ask = p.noAnswer;
    } else {
      parts.ask ??= discoveryQuestion(ctx, turn);
    }
  } else if (u.goodbye || u.endsWithThanks) {
    // "ok thanks. also you charged me …" thanks for the last answer and goes on: no goodbye yet.
    parts.closing = closingFor(ctx);
  }
  if (
    parts.resolve.length > 0 &&
    ctx.operator.methodology &&
    String(ctx.operator.methodology).toUpperCase().startsWith('LAST')
  ) {
    parts.thank = p.thank;
  }
  return composeReply(String(ctx.operator.methodology ?? ''), parts);
}

/**
 * A request or a question about anyone but the caller: decided by the engine as said (which
 * forbids it however it is worded), the caller's own part of the line taken up as its own; no
 * facts are looked up and no answer is given for the rest. Undefined when it is about no one else.
 */
async function replyAboutSomeoneElse(
  ctx: CallContext,
  utterance: string,
  u: Understanding,
  parts: ReplyParts,
  turn: number,
): Promise<string | undefined> {
  const lang = ctx.language;
  // I'll tell her to phone herself then, bye / Ah'll keep the man's report then, cheerio: a
  // goodbye after what the caller will do themselves asks nothing of anyone, whoever it names.
  if (
    (u.goodbye || u.endsWithThanks) &&
    CALLERS_OWN_PLAN.test(lastSentences(utterance, 2)) &&
    !u.asksForAction &&
    !u.question &&
    !u.infoQuestion &&
    u.actions.length === 0
  )
    return undefined;
  const p = phrases(lang);
  const caller = callerScope(ctx);
  // 这个收件人是谁，电话多少: what the product's own rules forbid (someone its rules name, such
  // as a recipient) is refused the same way, though the engine's general words name no one.
  const rules = rulesOf(ctx);
  const pressed = pressedAgain(ctx, utterance, turn);
  // 要是让人捡着了，拿着当票去把金条赎走了可怎么办: what the caller fears someone may do is no
  // request of theirs about anyone.
  const said = pressed ?? withoutFeared(utterance);
  const line = checkPermission(rules, said, { caller });
  const otherParty = otherPartyUnder(rules, said, caller);
  // 你赶紧给我挂失喽 against 按非当户的要求挂失: a ban that excepts a role (see `exceptedRole`), where
  // the caller's words name no one else, turns on who the caller is. Their records are read first;
  // decided with them, what is no longer forbidden is taken up as any request is.
  if (
    line.status === 'forbidden' &&
    otherParty === undefined &&
    pressed === undefined &&
    !ctx.coldStart &&
    ctx.systemQueries.length === 0 &&
    line.parts.every((part) => part.status !== 'forbidden' || exceptedRole(part.rule ?? '') !== undefined)
  ) {
    parts.resolve.push(...(await lookUpFacts(ctx, utterance)));
    if (decideAhead(ctx, said, caller).status !== 'forbidden') return undefined;
  }
  // 叫俺替他去拿…取件那号码是多少: a part the engine forbade that asks what a piece of data is
  // (a code, a number, a time) is no question of policy, though the FAQ answers who may collect
  // for whom; what a step would add to the price is.
  const valueRefused = line.parts.some(
    (part) => part.status === 'forbidden' && asksWhatARecordHolds(part.text),
  );
  // 给他们订个中包…多少钱啊？: the forbidden step asked outright, beside a question of price, is
  // refused, not priced.
  const askedOutright = line.parts.some(
    (part) =>
      part.status === 'forbidden' && ASKED_FOR_SOMEONE.test(part.text) && !QUESTION_CLAUSE.test(part.text),
  );
  if (
    !(
      (line.status === 'forbidden' &&
        (valueRefused ||
          askedOutright ||
          pressed !== undefined ||
          // 有那种内部名额…你们这儿有门路没有: what a ban quotes, asked after, is refused though the
          // FAQ answers it.
          saysWhatABanQuotes(rules, said) ||
          !policyQuestion(ctx, utterance, u))) ||
      otherParty
    )
  )
    return undefined;
  // "Give me the driver's number, I left my sunglasses in the car": the part about someone
  // else is refused, and a part that is the caller's own (the engine read it apart, with no
  // other party in it) is taken up as its own request.
  const read = line.parts;
  const refused = read.filter((part) => part.status === 'forbidden');
  // A part about another household (她家冰箱也报修了，师傅哪天去她家) is theirs, though it asks
  // for none of their data: it is not taken up as the caller's own.
  // Nor is a part that names them and no rule (你把他手机号给我，以后我要寄啥子直接喊他来拿: why
  // the caller wants the number).
  const own = read.filter(
    (part) =>
      part.status !== 'forbidden' &&
      !otherPartyUnder(rules, part.text, caller) &&
      !THEIR_HOUSEHOLD.test(part.text) &&
      // 顺手给她改到礼拜天: a step done for the person the refused part is about is theirs too.
      !FOR_THEM.test(part.text) &&
      // 今天你们那个管家又跑上门来: what happened, told as the reason for asking.
      !(part.rule === null && tellsWhatHappened(part.text)) &&
      // 派出所的人说小偷可能拿到当铺去当: what someone else said, told as the reason for asking.
      !(part.rule === null && REPORTED_SPEECH.test(part.text)) &&
      !(part.rule === null && THIRD_PERSON.test(part.text)) &&
      // 要等主管啊: the caller repeating that a supervisor decides, no request of their own.
      !(part.rule === null && WAITS_FOR_SUPERVISOR.test(part.text)) &&
      // 我自己去找他要说法: what the caller will do about it themselves; 你帮我查查她约的几点: asked to be
      // told what the refused part is about.
      withoutOwnDoing(part.text) !== '' &&
      !asksOnlyToBeTold(part.text, lang) &&
      // me dad's booked one … can you just cancel the thing: with someone else named, a thing only
      // pointed at is theirs.
      !(
        (otherParty || refused.length > 0) &&
        POINTED_THING.test(part.text) &&
        !MINE_SAID.test(part.text.replace(MONEY_GOES_TO, ' '))
      ),
  );
  // The caller's own part in the words its rule was found by in the whole line (赶紧给我重新约
  // after 上门取件 is 预约或改约上门取件): read alone, the clause would lose what it is about.
  // A refused part that the engine forbade for what the line around it says (哪个告的…叫啥子名字)
  // goes as the whole line: alone, its words name no one.
  const refusedAs = (part: PermissionPart): string =>
    checkPermission(rulesOf(ctx), part.text, { caller }).status === 'forbidden' ? part.text : utterance;
  // Pressed again, the line is checked as read: with the refused line it points back to.
  const pieces =
    pressed !== undefined
      ? [said]
      : refused.length > 0 && own.length > 0 && refused.length + own.length === read.length
        ? read.map((part) =>
            part.status === 'forbidden'
              ? refusedAs(part)
              : part.rule !== null && part.label
                ? part.label
                : part.text,
          )
        : [utterance];
  // app says no refills left … just send me another bottle: a rule on the caller's own things,
  // with nobody else named, is refused after their own facts are looked up, as any request is.
  // Anything about someone else (a rule on others' data, a person named) is looked up never.
  if (
    refused.length > 0 &&
    !otherParty &&
    refused.every((part) => part.rule !== null && !ABOUT_OTHERS.test(part.rule))
  )
    parts.resolve.push(...(await lookUpFacts(ctx, utterance)));
  for (const piece of pieces) {
    const alone = pieces.length === 1;
    const sentence = await handleAction(
      ctx,
      { concept: '', text: piece, start: 0, end: piece.length },
      alone ? u : understandUtterance(piece, lang),
      // What is about someone else goes as said; the caller's own request gets its label.
      alone || refused.some((part) => part.text === piece),
    );
    parts.resolve.push(sentence.text);
  }
  // Where the call has looked up nothing yet, the caller's own records, by their number and
  // quietly, after the refusal was decided: facts of theirs must not change what was refused.
  if (!ctx.coldStart && ctx.systemQueries.length === 0) await lookUpOwnQuietly(ctx, utterance);
  parts.ack = pick(p.ack, turn);
  return composeReply(String(ctx.operator.methodology ?? ''), parts);
}

/** The last sentences of a line (I'll tell her then. Bye.): what it closes on. */
function lastSentences(text: string, count: number): string {
  return (text.match(/[^。.！!？?]+[。.！!？?]*/g) ?? [text]).slice(-count).join('');
}

/** What the caller will do themselves: I'll tell her, Ah'll keep it, 那我给闺女打电话, 我等电话. */
const CALLERS_OWN_PLAN =
  /\b(?:i|ah)(?:'ll| will|'m going to| am going to| can just)\b|(?:^|[，,。.！!\s])(?:那|行|好|好吧|行吧)?[，,]?[我俺](?:就|再|先|回头|自己|这就|马上)?(?:给|叫|让|喊|去|等)/i;

/**
 * Asking who someone is or what someone else has (who had it before me, 他电话多少, her
 * address, what's he actually paying, her renewal): never a question of policy, however it is asked.
 */
const ASKS_ABOUT_SOMEONE =
  /谁|哪位|[他她]们?(?:的|家)|[他她]们?[^，,。？?]{0,4}?(?:什么时候|啥时候|么时候|几时|哪天|几号|几点|去哪|到哪|在哪|住哪)|[他她]们?是不是在你们|\b(?:when|where) (?:is|are|was|did|does|will) (?:he|she|they)\b|叫(?:啥|什么)|(?<!我的?)名字|\bwho\b|\bwhose\b|\b(?:his|her|their)\s+names?\b|\bname of\b|\b(?:his|her|their)\s+(?:number|phone|address|details|booking|reservation|licen[cs]e|email|account|plan|payments?|renewal|bills?|invoices?|visits?|contract|subscription|membership)\b|\bwhat(?:'s| is| does| do| are)\s+(?:he|she|they)\s+(?:actually\s+|really\s+)?(?:pay|paying|owe|owing|charged|billed|on)\b/i;

/** Asking for one of them back, or undone: the second one back, reverse it, 退一笔, 退回来. */
const ASKS_ONE_BACK =
  /\bback\b|\brevers(?:e|al)\b|\bundo\b|\bcancel (?:it|one|the (?:second|other|extra))\b|退(?:一|回|给|还|掉)|返还/i;

/** Asking a charge off: take it off, knock that off, waive it, 给我免了, 把这笔去掉. */
const ASKS_IT_OFF = new RegExp(
  `${TAKE_IT_OFF}${String.raw`|\b(?:waive|remove|drop)\s+(?:it|that|this|them|those)\b|(?:给我|帮我)?免(?:了|掉)(?:吧|它)?(?=[，,。.!！？?]|$)|(?:去掉|抹掉|撤掉)(?:吧|它)?(?=[，,。.!！？?]|$)`}`,
  'i',
);

/** A fee or a penalty, waived rather than refunded: late, extra day, fine, 滞纳金, 违约金. */
const PENALTY_WORDS =
  /\b(?:late|extra day|penalt\w*|fines?|surcharges?|fees?)\b|滞纳金|违约金|罚款|罚金|逾期费|手续费|超时费/i;

/** What the latest request this call took up needs brought or sent, said; none when nothing says. */
function neededFor(ctx: CallContext, question: string | undefined): string | undefined {
  // 过户要带啥, asking for nothing: with nothing taken up yet, the step the question names (a
  // process asked about, not opened). Of the requests taken up, the latest one that takes
  // something: a claim logged, then a supervisor told of a threat, is what papers are sent for.
  const taken = takenUp(ctx);
  const latest =
    [...taken].reverse().find((t) => whatItTakes(ctx.product, t.rule, t.what) !== undefined) ??
    taken.at(-1) ??
    (question === undefined
      ? undefined
      : checkPermission(rulesOf(ctx), question)
          .parts.filter((p) => p.rule !== null && p.status !== 'forbidden')
          .map((p) => ({ rule: p.rule, what: p.text }))[0]);
  if (latest === undefined) return undefined;
  const takes = whatItTakes(ctx.product, latest.rule, latest.what);
  if (takes === undefined) return undefined;
  return ctx.language === 'zh'
    ? `办理这个需要：${takes.replace(/[。.]$/, '')}。`
    : `For that you'll need: ${takes.replace(/[。.]$/, '')}.`;
}

/** A line that asks for a step besides any question (我想转到我名下, 你先帮我把登记弄上吧). */
function asksForIt(utterance: string): boolean {
  return DIRECT_ASK.test(utterance) || ASKS_THE_COMPANY.test(utterance) || WANTS_ZH.test(utterance);
}
const WANTS_ZH = /[我俺](?:想|要)(?!是)/;

/** Asked to look into it: 查清楚, 弄明白, look into it, get to the bottom of it. */
const INVESTIGATE =
  /查(?:个)?(?:清楚|明白)|(?:弄|搞)(?:清楚|明白)|\blook into (?:it|this|that)\b|\bget to the bottom of\b|\bsort out what happened\b/i;

/** The company asked to do something: can you, 帮我, 给我, 你们能. */
const ASKS_THE_COMPANY =
  /\b(?:can|could|would|will) (?:you|u)\b|\byou (?:guys )?(?:can|could)\b|帮我|给我|替我|你们?(?:能|可以|帮|给|把)|麻烦你|请你/i;

/** The sentences of a line that ask leave (can I …, 能不能 …), or the whole line when none does. */
function leaveSentences(line: string): string {
  const asking = (line.match(/[^.!?。！？]+[.!?。！？]*/g) ?? []).filter(asksLeave);
  return asking.length > 0 ? asking.join(' ') : line;
}

/** Words that only suppose a step (what if, 万一), with no "then do it" after them in the clause. */
const ONLY_SUPPOSED = /\bwhat if\b|\bsuppos(?:e|ing)\b|\bhypothetically\b|万一|假如|假设/i;

/** A step supposed, and what would follow for the caller asked (if I pull it, do I get … back?). */
const SUPPOSED_OUTCOME =
  /\bif (?:i|we) [^?.!]{1,60}?,?\s*(?:do |would |will |can |could )?(?:i|we) (?:get|be|lose|have to)\b[^?.!]*\?|(?:如果|要是|假如)[^，,。？?]{1,20}[，,]?[^。？?]{0,12}?(?:能|会|可以)(?:退|返|赔)[^。？?]{0,8}?(?:吗|么|不|没|[？?])/i;

/** A question of what would follow for the caller (would I lose my spot, will it cost me). */
const WHAT_FOLLOWS = /^\s*(?:would|will|do|does|did|is|am|should|shall)\s+(?:i|we|it|that|this|there)\b/i;

/** Asked to be done for the caller (给我, 帮我, 我要): no question of how it is done. */
const ASKED_FOR_ME = /给我|帮我|替我|我要|我想|俺要|俺想|麻烦你|\b(?:can|could) you\b|\bi (?:want|need)\b/i;

/** A step the caller supposes, not one taken: if I cancel, would it cost, say I had to, 要是. */
const HYPOTHETICAL = new RegExp(`${SUPPOSED.source}|\\bif\\b|\\bwould\\b|\\bsay (?:i|we)\\b`, 'i');

/**
 * A step asked for outright, in a clause of its own: (just) send me …, give me …, take it off,
 * 给我寄, 帮我办. Such a line is a request, whatever question it also asks.
 */
const DIRECT_ASK =
  /(?:^|[,.;!?，。；！？]\s*)(?:(?:just|so|and|then|please|ok|okay|now|pls)\s+)*(?:send|give|tell|show|get|put|make|let|book|cancel|change|refund|waive|add|remove|take|extend|move|ship|mail|email|text|call|drop|credit)\s+(?:me|us|it|the|a|an|my|him|her|them|this|that|off)\b|给我|帮我|替我|告诉我|跟我(?:讲|说)(?:一下|下|哈)|我要(?!是)|\bi (?:want|need|would like|wanna)\b/i;

/**
 * A question of how things work here (if I cancel now do I lose money; can my partner drive, what
 * does it add), asking for nothing and about no one's data, that the FAQ answers: it is answered,
 * though words of it (cancel, driving) matched a forbidden rule when the engine read the line as
 * a request. What the caller asks to be done, or to know of someone, still goes to the engine.
 */
/** A step asked outright of the business (给他们订个中包, 帮我开, book them in). */
const ASKED_FOR_SOMEONE =
  /(?:帮|给|替)(?:我|他|她|俺|咱)(?:们)?[\u4e00-\u9fff]{0,2}?(?:订|约|办|开|弄|安排|预订|预约|报|买|改|退)|\b(?:book|give|send|put|make|get|sign)\s+(?:me|him|her|them|us)\b/i;

function policyQuestion(ctx: CallContext, utterance: string, u: Understanding): boolean {
  // "Is there a charge for that?" of a step the caller may take asks the price, disputing nothing.
  if (!u.question || u.asksForAction || (u.chargeDispute && !HYPOTHETICAL.test(utterance))) return false;
  if (ASKS_ABOUT_SOMEONE.test(utterance) || DIRECT_ASK.test(utterance)) return false;
  return knowledgeAnswer(ctx, utterance) !== undefined;
}

/** Words by which the caller refuses or drops a step (我不要修了, 门禁卡不用补了, 先不办). */
const NEGATED = /不要|不用|不想|不需要|不必|别|甭|算了|先不/;

/**
 * The requests the engine read apart in a line (`asked`: without what the caller did themselves),
 * each in the words of the rule it was found by: only parts with a rule of their own, not
 * forbidden, whose clause asks for something (修过的我心里膈应 tells, 起码送我一年延保吧 asks),
 * refuses or drops nothing, and tells no visit that happened; never a rule whose step the caller
 * refused in another clause of the line (我不要修了，直接给我换台新的吧: no repair visit). One per
 * rule, with where it is in the line.
 */
function partsAskedApart(
  ctx: CallContext,
  asked: string,
  utterance: string,
): Array<{ request: ActionRequest; rule: string; start: number; end: number }> {
  const lang = ctx.language;
  const rules = rulesOf(ctx);
  const read = checkPermission(rules, asked);
  if (read.parts.length < 2 && read.parts.every((part) => part.rule === null)) return [];
  const refused = new Set(
    clausesOf(asked)
      .filter((c) => NEGATED.test(c.text))
      .map((c) => checkPermission(rules, c.text.replace(new RegExp(NEGATED, 'g'), '要')).rule)
      .filter((rule) => rule !== null),
  );
  const out: Array<{ request: ActionRequest; rule: string; start: number; end: number }> = [];
  for (const part of read.parts) {
    const rule = part.rule;
    if (rule === null || part.status === 'forbidden' || refused.has(rule)) continue;
    if (out.some((o) => o.rule === rule)) continue;
    // My hamper never came - the courier says he left it in the shed: a case told that its rule
    // is opened for asks for it, in no words of asking.
    if (!part.caseTold) {
      if (NEGATED.test(part.text) || tellsWhatHappened(part.text)) continue;
      if (!understandUtterance(part.text, lang).asksForAction) continue;
    }
    const start = utterance.indexOf(part.text);
    if (start < 0) continue;
    const end = start + part.text.length;
    // Read alone, 给我补一张呗 loses what it is about: the part goes in its rule's words.
    const text = part.label ?? part.text;
    out.push({ request: { concept: part.concept ?? '', text, start, end }, rule, start, end });
  }
  return out;
}

/**
 * The FAQ answer to a question the line asks besides its requests: the line without the requests'
 * words, when a clause of what is left asks something. None when the requests cover the line.
 */
function questionBesides(
  ctx: CallContext,
  utterance: string,
  actions: readonly ActionRequest[],
): KnowledgeHit | undefined {
  if (actions.length === 0) return undefined;
  let rest = utterance;
  for (const a of [...actions].sort((x, y) => y.start - x.start))
    rest = `${rest.slice(0, a.start)}${rest.slice(a.end)}`;
  if (!clausesOf(rest).some((c) => c.text.trim().length >= 2 && QUESTION_CLAUSE.test(c.text)))
    return undefined;
  return knowledgeAnswer(ctx, rest);
}

/**
 * The FAQ answers to a line's questions asked beside a request no lexicon word names: when a
 * clause that asks for nothing asks something, the entries the line finds (it names the topic).
 */
function questionsBesidesAsking(ctx: CallContext, utterance: string, lang: Language): KnowledgeHit[] {
  const asks = clausesOf(utterance).some(
    (c) =>
      c.text.trim().length >= 2 &&
      QUESTION_CLAUSE.test(c.text) &&
      !understandUtterance(c.text, lang).asksForAction,
  );
  if (!asks) return [];
  const first = knowledgeAnswer(ctx, utterance);
  return first ? [first, ...otherAnswers(ctx, utterance, first)] : [];
}

/**
 * The sentences of a line that are neither questions nor end in a question mark, joined; '' when
 * the line has no other sentence, or nothing but questions.
 */
function statedSentences(line: string, lang: Language): string {
  const sentences = line.match(/[^。！!？?\n]+[。！!？?]*/g) ?? [];
  const stated = sentences.filter((s) => {
    if (/[？?]/.test(s)) return false;
    const u = understandUtterance(s, lang);
    return !u.question && !u.infoQuestion;
  });
  return stated.length === sentences.length ? '' : stated.join('').trim();
}

/** Asking what to do about a problem: 咋整, 怎么办, 该咋弄, what do I do. */
const WHAT_TO_DO =
  /咋整|咋办|怎么办|怎么整|咋弄|怎么弄|咋搞|怎么搞|该干啥|\bwhat (?:do|should|can) i do\b|\bwhat now\b/i;

/** Whether a response holds a number anywhere in it (a fee, an amount, a line of a bill). */
function holdsNumber(value: unknown, wanted: number, depth = 0): boolean {
  if (typeof value === 'number') return value === wanted;
  if (depth > 5 || value === null || typeof value !== 'object') return false;
  return Object.values(value as Record<string, unknown>).some((v) => holdsNumber(v, wanted, depth + 1));
}

function learnName(ctx: CallContext, name: string): void {
  const current = String(ctx.customer.name);
  if (ctx.coldStart || current.startsWith('来电客户_')) ctx.learned.name = name;
  else if (!current.includes(name.slice(0, 1))) ctx.learned.name_mentioned = name;
}

/** A family name said on its own completes a given name learned earlier (Shauna, then Delgado). */
function learnSurname(ctx: CallContext, surname: string): void {
  const learned = ctx.learned.name;
  if (typeof learned === 'string' && learned !== '') {
    if (!learned.includes(' ') && learned !== surname) ctx.learned.name = `${learned} ${surname}`;
  } else learnName(ctx, surname);
}

/** A discovery question asking which account or number: the call already knows the caller's. */
const ASKS_ACCOUNT = /账号|账户|手机号|号码|哪个号|\baccount\b|phone number/i;

function discoveryQuestion(ctx: CallContext, turn: number): string {
  const questions = ((ctx.operator.discovery_questions as string[] | undefined) ?? []).filter(
    (q) => !(ctx.phone && ASKS_ACCOUNT.test(q)),
  );
  const q = pick(questions, turn);
  if (q && (ctx.language === 'zh' || !hasCjk(q))) return q;
  return phrases(ctx.language).askDetails;
}

// ---- actions -----------------------------------------------------------------------------

/** A rule about other people or anyone's data (another patient's, a driver's contact, 收件人电话). */
const ABOUT_OTHERS =
  /another|other|someone|anyone|else|their|staff|driver|courier|rider|member|patient|recipient|sender|personal|contact|phone|number|address|他人|别人|其他|其它|收件人|寄件人|收货人|司机|骑手|师傅|人员|电话|手机|号码|地址|住址|信息|资料|隐私|记录/i;

/** Someone else's household: 她家, 他家里, her place, his house. */
const THEIR_HOUSEHOLD = /[他她]家|\b(?:his|her|their) (?:place|house|home|flat|apartment)\b/i;

/** A step for him or her (给她改, 帮他取消, 替她退, 她的单, for her, his booking). */
const FOR_THEM =
  /[给帮替为][他她](?!们?(?:说|讲|讲过|说过))|[他她]的|\b(?:for|on behalf of) (?:him|her|them)\b|\b(?:his|her|their) (?:booking|order|appointment|account)\b/i;

/**
 * Howay, I'm his son! Just tell us whether it's booked: after a turn refused as about someone
 * else, a line that only points at a thing (it, them) and names nothing of the caller's own still
 * asks about theirs. It is read with the refused line before it.
 */
function pressedAgain(ctx: CallContext, utterance: string, turn: number): string | undefined {
  if (!PRESSED.test(utterance) || MINE_SAID.test(utterance)) return undefined;
  const refused = ctx.permissionChecks.some(
    (c) => c.turn === turn - 2 && c.status === 'forbidden' && (c.rule === null || ABOUT_OTHERS.test(c.rule)),
  );
  // The refused line as the engine read it then (啥子牌子 as 什么牌子), as this one is.
  const before = callerLines(ctx).at(-2);
  return refused && before !== undefined ? `${before}\n${utterance}` : undefined;
}

/**
 * Asked again to be told only the state of a thing pointed at: just tell us, yes or no, whether
 * it's booked, has it been collected, 你就告诉我它到没到, 就说个到了还是没到, 是或者不是, 就想知道是不是在
 * 你们那儿, 就说一声收了多少钱, 你就说好了没得, just give me a hint, drummer or not drummer; or the
 * refusal challenged (我是他老婆，凭啥不能查, why can't I, I'm his wife).
 */
const PRESSED =
  /(?:凭啥|凭什么|为啥|为什么|咋就)[^，,。？?]{0,4}?(?:不能|不让|不给|不肯)|我是(?:他|她)(?:的)?(?:老婆|老公|妻子|丈夫|爱人|媳妇|对象|妈|爸|儿子|女儿|闺女|家属|家人|亲人)|\bwhy (?:can't|cannot|can not|won't) (?:i|you)\b|\bi(?:'m| am) (?:his|her|their) (?:wife|husband|partner|son|daughter|mother|father|mum|mom|dad|next of kin)\b|\bjust tell (?:me|us)\b|\b(?:just )?give (?:me|us) a (?:hint|clue)\b|\bjust whisper\b|\b([a-z]{3,}) or not \1\b|\byes or no\b|\b(?:whether|if) it(?:'s|\s+is|\s+has|\s+was)?\b|\b(?:has|is|was) it (?:been|still|actually|even|already)\b|\bwhat (?:day|time) it(?:'s| is)\b|\bwhen it(?:'s| is)\b|(?:你就|你只要|你就说|就告诉我|只告诉我)[^，,。？?]{0,12}?(?:是不是|有没有|到没到|在不在|[它他她]|[\u4e00-\u9fff]了没(?:得|有)?)|(?:就|只)(?:讲|说|告诉我)(?:一句|一声|个)?[^。？?]{0,14}?(?:是不是|有没有|到没到|在不在|多少|(?<said>[\u4e00-\u9fff])了?还是(?:没|不)\k<said>)|是或(?:者)?不是|一句话的事|(?:就|只)(?:想|要)(?:知道|问问?)[^。？?]{0,14}?(?:是不是|有没有|在不在|到没到)/i;

/**
 * A thing pointed at, not named (cancel the thing, stop it, 把它取消), or named as the one just
 * spoken of (cancel her booking and put the deposit back in my account).
 */
const POINTED_THING =
  /\b(?:it|them|the thing|that one|this one|the (?:deposit|money|payment|balance|booking))\b|它|那个东西|这个东西/i;
/** The caller's own thing said (my card, 我的). */
const MINE_SAID = /\b(?:my|mine|our)\b|我的|我们的/i;
/** Where money goes, which says nothing of whose it was (back in my account, 退到我的卡上). */
const MONEY_GOES_TO =
  /\b(?:back\s+)?(?:on|onto|to|into|in)\s+(?:my|our)\s+(?:card|credit card|debit card|account|bank(?: account)?|visa|mastercard|wallet)\b|[到回进](?:我的?|我们的?)(?:卡|账户|账号|微信|支付宝|钱包)/gi;

/**
 * An action checked under the engine's name for money back (退款1000元, money back on one account):
 * the label, not the caller's words, which MONEY_BACK_WORDS reads ("give me back the rest" there
 * is a difference asked back, not part of a sum asked first).
 */
const MONEY_BACK_LABEL = /退款|退钱|\brefund|\bmoney back\b/i;

/**
 * What the caller fears may happen, asked what then (要是让人捡着了…可怎么办, 万一被人冒领了咋办):
 * blanked, so the engine reads only what is asked. The line stays as said where nothing else is.
 */
const FEARED = /(?:要是|万一|如果|假如|就怕)[^。？?！!]{2,40}?(?:可|那)?(?:怎么办|咋办|怎么整|咋整)[？?]?/g;
function withoutFeared(line: string): string {
  const rest = line.replace(FEARED, '，');
  return /[\u4e00-\u9fffa-z]/i.test(rest) ? rest : line;
}

/** What someone other than the caller said (派出所的人说…, the police told me…). */
const REPORTED_SPEECH =
  /^(?![我俺])[^，,。.!?！？]{1,10}?(?:说|讲|告诉我)(?!一下|下|说)|^\s*(?!i\b)[a-z][a-z' ]{0,24}?\b(?:said|told me|reckoned)\b/i;

/** He, she, they: the person a refused part of the line is about, named again. */
const THIRD_PERSON = /[他她]|\b(?:he|she|him|her|they|them)\b/i;

/** 要等主管啊, 还得领导批, so I have to wait for a manager: what the caller heard, said back. */
const WAITS_FOR_SUPERVISOR =
  /^[\s，,。.…]*(?:那|哦|噢|啊)?(?:还)?(?:要|得|需要)(?:等)?(?:主管|领导|经理|上面)(?:批|审批|同意|回复)?(?:啊|呀|哦|噢|是吧|吗)?[\s，,。.…!！?？]*$|^\s*(?:so\s+)?(?:i|we)\s+(?:have|need)\s+to\s+wait\s+for\s+(?:a|the|your)\s+(?:supervisor|manager|boss)\b/i;

/** A set day or occasion (明天, 周六, this weekend, saturday morning): leave asked for it is wanted. */
const OCCASION =
  /今天|明天|明朝|今朝|后天|今晚|明晚|这周|下周|周[一二三四五六日天末]|星期[一二三四五六日天]|礼拜[一二三四五六日天]|\d{1,2}[号日]|\b(?:today|tomorrow|tonight|this (?:weekend|week)|next (?:week|weekend)|(?:mon|tues|wednes|thurs|fri|satur|sun)days?)\b/i;

async function handleAction(
  ctx: CallContext,
  request: ActionRequest,
  u: Understanding,
  asSaid = false,
  line?: string,
): Promise<{ text: string; topic: string; status?: PermissionCategory }> {
  const lang = ctx.language;
  let action = actionFor(ctx, request, u, asSaid, line);
  // 我想晚点退房 against 延迟退房至14点: a rule allows it up to a limit and the caller said how
  // much of nothing (a time, days, data, a count). The caller is asked, not a supervisor.
  // Money is not asked here: the call's verified charges bound it.
  // Read as the session will decide it (with the states this call's queries showed).
  const preview = asSaid ? undefined : decideAhead(ctx, action);
  const unstated = preview?.parts.length === 1 ? preview.parts[0]?.unstated : undefined;
  if (unstated && unstated.family !== 'money') {
    return { topic: action, text: askHowMuch(unstated, lang) };
  }
  // 把少的给我补上 against 少发工资补发(每次200元以内): money no word of the lexicon names, its sum
  // unsaid: the records the rule is about are read, and the sum they work out as due is the sum.
  const label = preview?.parts[0]?.label;
  if (unstated?.family === 'money' && label !== undefined) {
    await lookUpFactsOfRule(ctx, unstated.rule, line ?? action);
    const due = refundDue(ctx, line ?? action);
    if (due !== undefined) {
      action = `${label}${money(due, lang, currencyOf(ctx.product))}`;
      // Named in the rule's words (少发、漏发工资补发80元), not the caller's clause.
      const named = decideAhead(ctx, action);
      if (named.rule !== null && named.label !== undefined) action = named.label;
    }
  }
  if (preview?.status === 'can_approve_immediately' && preview.rule)
    await lookUpFactsOfRule(ctx, preview.rule, line ?? action);
  const decision = await ctx.tools.checkPermission(action);
  // 先退一千，剩下的再说: money back is never split; the caller hears that the whole goes up.
  const said = line ?? lastCallerLine(ctx) ?? '';
  const partFirst =
    asksPartFirst(said) &&
    decision.status !== 'can_approve_immediately' &&
    (MONEY_BACK_CONCEPTS.has(request.concept) || MONEY_BACK_LABEL.test(action));
  const whole = !partFirst
    ? ''
    : lang === 'zh'
      ? '退款是整笔由主管审批的，不能拆开先退一部分。'
      : " A refund goes to the supervisor whole: we can't pay part of it now and the rest later.";
  // Asked again while its ticket is open (what happens to my tickets if I close it, after asking
  // to close the account): the session finds the request standing, and the ticket in hand is
  // named; nothing is opened again.
  const open = decision.repeated
    ? (ctx.requests ?? []).find(
        (e) => e.action === decision.action && e.ticket_id !== undefined && !e.withdrawn,
      )
    : undefined;
  if (open) {
    return {
      status: decision.status,
      topic: action,
      text:
        lang === 'zh'
          ? `${whole}${open.what}已经给您登记了，工单号是${open.ticket_id}，有进展会第一时间联系您。`
          : `That's already in hand: ${open.what}, ticket ${open.ticket_id}. We'll be in touch as soon as there's news.${whole}`,
    };
  }
  const sla = String(ctx.product.sla ?? '');
  switch (decision.status) {
    case 'can_approve_immediately': {
      // An approval the backend cannot carry out as worded is logged, never claimed as done.
      const done = await ctx.tools
        .performApprovedAction(action)
        .catch((): ApprovedActionResult => ({ changed: false, description: '' }));
      return {
        status: decision.status,
        topic: action,
        // When the backend had nothing to change, its note is for the record, not the caller:
        // the approval itself is logged with the session.
        text: done.changed
          ? lang === 'zh'
            ? `好的，${action}我这边可以直接办：${done.description}。${stepsSaid(decision.rule, lang)}`
            : `Sure, I can do that right away: ${done.description}.${stepsSaid(decision.rule, lang)}`
          : done.already
            ? lang === 'zh'
              ? `我这边看了一下，${done.description}。`
              : `I checked: ${done.description}.`
            : lang === 'zh'
              ? `好的，${action}我这边有权限办理，已经为您登记处理。${stepsSaid(decision.rule, lang)}`
              : `Sure, I'm allowed to do that, and I've logged it for you: ${action}.${stepsSaid(decision.rule, lang)}`,
      };
    }
    case 'requires_supervisor': {
      const eta = slaPromise(sla, 'supervisor', lang);
      const ticket = ctx.tools.openTicket({ kind: 'requires_supervisor', summary: action });
      return {
        status: decision.status,
        topic: action,
        text:
          lang === 'zh'
            ? `${whole}${action}这个需要我向${approverOf(decision.rule) ?? '主管'}申请，预计${eta}给您回复，可以吗？申请单号是${ticket.id}。`
            : `For "${action}" I need to ask my supervisor; you'll hear back ${eta}. Is that okay? The request number is ${ticket.id}.${whole}`,
      };
    }
    case 'requires_process': {
      const eta = slaPromise(sla, 'process', lang);
      // 理赔中心审核5-7个工作日: how long the rule says its case takes, before the product's SLA.
      const term = termOf(decision.rule);
      const ticket = ctx.tools.openTicket({ kind: 'requires_process', summary: action });
      // 换车牌 needs the new car's 行驶证: what the FAQ says the step takes is said with it, so the
      // caller can have it ready; else what the rule's own note names (提交报案回执和损失照片).
      const takes = whatAStepTakes(ctx.product, [decision.rule ?? '', action]);
      const ruleTakes = takes === undefined ? whatARuleTakes(decision.rule) : undefined;
      const needs =
        takes !== undefined
          ? ` ${faqAnswer(sentence(takes, lang), lang)}`
          : ruleTakes !== undefined
            ? lang === 'zh'
              ? ` 需要准备：${ruleTakes}。`
              : ` You'll need: ${ruleTakes}.`
            : '';
      return {
        status: decision.status,
        topic: action,
        text:
          lang === 'zh'
            ? `这个需要您提交正式申请，我帮您记录工单，工单号是${ticket.id}，${term ? `按规定${term}，有进展会有专人联系您` : `${eta}会有专人联系您`}。${needs.trim()}`
            : `This needs a formal request, so I've opened a ticket for you: ${ticket.id}. ${term ? `As our rules say: ${term}; someone will be in touch` : `Someone will contact you ${eta}`}.${needs}`,
      };
    }
    default: {
      const rule = decision.rule ?? action;
      // Refused by the facts (no such payment, more than was paid), not by a forbidden rule:
      // the caller hears the reason, not the rule that would otherwise have allowed it.
      // A forbidden rule is known by its category: one written with several (a; b) is checked as each.
      const byForbiddenRule = rulesOf(ctx).rules.some(
        (r) => r.category === 'forbidden' && r.text === decision.rule,
      );
      if (decision.rule !== null && !byForbiddenRule && decision.reason) {
        return {
          status: decision.status,
          topic: action,
          text:
            lang === 'zh'
              ? `非常抱歉，${action}现在办不了：${decision.reason}。`
              : `I'm sorry, I can't do "${action}" now: ${decision.reason}.`,
        };
      }
      return {
        status: decision.status,
        topic: action,
        text:
          lang === 'zh'
            ? `非常抱歉，这个我们无法处理，因为${forbiddenReason(rule, lang)}。`
            : `I'm sorry, we can't do that: ${forbiddenReason(rule, lang)}.`,
      };
    }
  }
}

function sentence(text: string, lang: Language): string {
  const t = text.trim();
  if (/[。！？.!?]$/.test(t)) return t;
  return lang === 'zh' ? `${t}。` : `${t}.`;
}

/** A figure asked for: how much, what rate (多少钱一克, 退多少, 几块, what amount, what's the price). */
const ASKS_FIGURE =
  /多少|几多|好多钱|几块|几元|\bhow much\b|\bwhat amount\b|\bwhat(?:'s| is| are)\s+(?:the\s+)?(?:price|rate|cost|fee)s?\b/i;
/** Times and dates, which answer no figure asked (每天09:30更新). */
const CLOCK_OR_DATE = /\d{1,2}[:：]\d{2}|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}月\d{1,2}[日号]/g;
/** An answer that refers to a value of the day (当日回收价, today's rate): the figure is the system's. */
const LIVE_VALUE =
  /当日|当天|今日|实时|以系统|\btoday's\b|\bcurrent (?:price|rate)\b|\blive (?:price|rate)\b/i;
