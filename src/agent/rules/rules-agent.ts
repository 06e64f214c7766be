import { reviewFromContext } from '../../call/build-review.js';
import type { ApprovedActionResult, CallAgent, CallContext } from '../../call/call-agent.js';
import {
  MONEY_BACK_CONCEPTS,
  newestFirst,
  recordsPayments,
  verifiedPaid,
} from '../../call/verified-charges.js';
import { hasCjk, type Language } from '../../domain/language.js';
import type { PermissionCategory } from '../../domain/record-schemas.js';
import type { Review } from '../../domain/session-schemas.js';
import { tokenize } from '../../knowledge/index.js';
import type { KnowledgeHit } from '../../knowledge/knowledge-hit.js';
import {
  type ActionRequest,
  checkPermission,
  conceptLabel,
  contradictsRule,
  findActionRequests,
  findOtherParty,
  type PermissionPart,
  type Quantity,
} from '../../permissions/index.js';
import { dayNamed } from './days-said.js';
import { followUpAnswer } from './follow-up-question.js';
import { responseFields } from './interface-params.js';
import { faqAnswer, knowledgeAnswer, otherAnswers, QUESTION_CLAUSE } from './knowledge-answer.js';
import { lookUpFacts, lookUpMonthBefore, verifyAccount } from './look-up-facts.js';
import { composeReply, joinSpoken, type ReplyParts } from './methodology-reply.js';
import { moneyBackInRuleWords } from './money-back-rule.js';
import {
  alreadyRefunded,
  amountsFound,
  currencyOf,
  duplicateUnseen,
  feeNamed,
  MONEY_BACK_WORDS,
  money,
  noDuplicateSeen,
  nowOf,
  POINTING,
  verifiedCharge,
  whichPayment,
  whichPaymentUnclear,
} from './payment-in-question.js';
import { ruleSharingWords, rulesOf } from './product-rules.js';
import { phrases, pick, slaWindow } from './reply-phrases.js';
import { factsHead, maskOtherPhones, pointsAtItem } from './speak-facts.js';
import {
  clausesOf,
  FOR_KIN,
  tellsWhatHappened,
  type Understanding,
  understandUtterance,
  withoutOwnDoing,
  withoutWishForOthers,
} from './understand-utterance.js';
import { type RequestInContext, vagueRequest, withThing } from './vague-requests.js';
import { whatAStepTakes } from './what-a-step-takes.js';

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
      return maskOtherPhones(await replyTo(ctx, utterance), ctx.phone);
    },
    async review(ctx): Promise<Review> {
      return reviewFromContext(ctx);
    },
  };
}

async function replyTo(ctx: CallContext, utterance: string): Promise<string> {
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
    // 那算了。对了我密码也忘了: what follows the withdrawal is a turn of its own.
    const rest = afterWithdrawal(utterance);
    if (rest !== '') return joinSpoken([dropped, await replyTo(ctx, rest)]);
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
    if (rest !== '' && understandUtterance(rest, lang).question)
      return joinSpoken([declined, await replyTo(ctx, rest)]);
    topics.push(lang === 'zh' ? '客户决定暂不办理' : 'Caller decided against it');
    parts.resolve.push(declined);
    parts.ack = undefined;
    return composeReply(String(ctx.operator.methodology ?? ''), parts);
  }

  // 你们弄弄清爽，到时候打个电话给我 / 你们好久到嘛？ after a request this call took up: the
  // caller urges it, asks when it happens or to be told. Nothing new is asked; they hear when.
  const pending = followedUp(ctx, utterance, u);
  if (pending) {
    parts.resolve.push(pending);
    return composeReply(String(ctx.operator.methodology ?? ''), parts);
  }

  // A request or a question about anyone but the caller goes to the engine as said, which
  // forbids it however it is worded: no facts are looked up and no answer is given for it.
  const caller = { callerPhone: ctx.phone, callerName: String(ctx.customer.name ?? '') };
  // 这个收件人是谁，电话多少: what the product's own rules forbid (someone its rules name, such
  // as a recipient) is refused the same way, though the engine's general words name no one.
  const line = checkPermission(rulesOf(ctx), utterance, { caller });
  if (line.status === 'forbidden' || findOtherParty(utterance, caller)) {
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
        !findOtherParty(part.text, caller) &&
        !THEIR_HOUSEHOLD.test(part.text) &&
        // 今天你们那个管家又跑上门来: what happened, told as the reason for asking.
        !(part.rule === null && tellsWhatHappened(part.text)) &&
        !(part.rule === null && THIRD_PERSON.test(part.text)),
    );
    // The caller's own part in the words its rule was found by in the whole line (赶紧给我重新约
    // after 上门取件 is 预约或改约上门取件): read alone, the clause would lose what it is about.
    // A refused part that the engine forbade for what the line around it says (哪个告的…叫啥子名字)
    // goes as the whole line: alone, its words name no one.
    const refusedAs = (part: PermissionPart): string =>
      checkPermission(rulesOf(ctx), part.text, { caller }).status === 'forbidden' ? part.text : utterance;
    const pieces =
      refused.length > 0 && own.length > 0 && refused.length + own.length === read.length
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
      !findOtherParty(utterance, caller) &&
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
    parts.ack = pick(p.ack, turn);
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
  const ownLeave =
    u.onlyAsksLeave &&
    /我|\bmy\b|\bi\b|\bme\b/i.test(withoutWishForOthers(utterance)) &&
    !/如果|要是|假如|万一|的话|\bif\b|\bwould\b|\bin case\b/i.test(utterance);
  const ownMoneyBack = ownLeave && u.actions.some((a) => MONEY_BACK_CONCEPTS.has(a.concept));
  // "my cousin's in town this weekend … can I get him in on that free guest pass?": leave asked
  // for a set day is asked for that day, beside the policy the FAQ gives.
  const forOccasion = ownLeave && OCCASION.test(utterance);
  const actions =
    (faqHit && !ownMoneyBack && !forOccasion) || (u.infoQuestion && !u.asksForAction) ? [] : [...u.actions];
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
  if (!faqHit) {
    for (const clause of clausesOf(utterance)) {
      if (actions.some((a) => a.start < clause.end && clause.start < a.end)) continue;
      const meant = vagueRequest(ctx, clause.text);
      if (meant && !actions.some((a) => a.concept === meant.concept))
        actions.push({ ...meant, start: clause.start, end: clause.end });
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
  if (
    actions.length === 0 &&
    !faqHit &&
    (asksWhatToDo || (!u.infoQuestion && !u.question)) &&
    u.awaited.length === 0
  ) {
    const read = checkPermission(rulesOf(ctx), asked);
    if (read.rule !== null && read.status !== 'forbidden')
      actions.push({ concept: '', text: asked, start: 0, end: utterance.length });
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
  // 俺 is 我 in Northern speech (俺上个月充的气).
  const personal = /我|俺|\bmy\b|\bi(?:'m| am)?\b|\bme\b/i.test(utterance);
  if (!(faqHit && !u.aboutOwnAccount && !personal)) {
    // The interfaces whose facts the caller's words are about (each interface's own description
    // and fields say which), queried before the reply and before any action; those the
    // subscription and billing reading above already queried in this turn are not asked again.
    const done = new Set(ctx.systemQueries.slice(queriedBefore).map((q) => q.interface));
    // A request about what the call has read out already (关掉自动续费 after the subscription was
    // said) is checked against fresh facts, but they are not said again: the outcome says what
    // changed, or that nothing needed to.
    const saidBefore =
      actions.length > 0
        ? new Set(ctx.systemQueries.slice(0, queriedBefore).map((q) => q.interface))
        : undefined;
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

  // Facts before actions: money given back needs the payment it gives back. With none read in
  // this call yet, the product's interfaces that record payments (orders, bills …) are read first.
  // So too for a question about it that the FAQ does not answer (退多少钱啊): the caller hears
  // what was paid and is asked which payment they mean.
  const moneyBack = actions.some((a) => MONEY_BACK_CONCEPTS.has(a.concept));
  const asksMoneyBack =
    !moneyBack &&
    !faqHit &&
    /多少|几块|几元|how much|what amount/i.test(utterance) &&
    u.actions.some((a) => MONEY_BACK_CONCEPTS.has(a.concept));
  if (moneyBack || asksMoneyBack) {
    // A price read elsewhere (a plan's fee) is not a payment: while no list of charges was read,
    // the interfaces that record payments are.
    const known = verifiedPaid(ctx.systemQueries);
    if (!known.fromRecords) {
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
  const unseenDuplicate = u.duplicateCharge && duplicateUnseen(ctx);
  if (unseenDuplicate) parts.resolve.push(noDuplicateSeen(ctx));
  const givenBack = moneyBack && !unseenDuplicate ? alreadyRefunded(ctx, utterance) : undefined;
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
    if (whichPaymentUnclear(ctx, request, heard)) {
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
  if (actions.length === 0 && !faqHit && u.asksForAction && u.awaited.length === 0) {
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
    if (NEGATED.test(part.text) || tellsWhatHappened(part.text)) continue;
    if (!understandUtterance(part.text, lang).asksForAction) continue;
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

/** Asking what to do about a problem: 咋整, 怎么办, 该咋弄, what do I do. */
const WHAT_TO_DO =
  /咋整|咋办|怎么办|怎么整|咋弄|怎么弄|咋搞|怎么搞|该干啥|\bwhat (?:do|should|can) i do\b|\bwhat now\b/i;

/** What the agent asks when a rule with a limit matched a request that said no quantity. */
const HOW_MUCH: Record<string, { zh: string; en: string }> = {
  clock: { zh: '您具体想到几点呢？', en: 'Until what time would you like it?' },
  duration: { zh: '您具体需要多长时间呢？', en: 'How long would you need?' },
  data: { zh: '您具体需要多少流量呢？', en: 'How much data would you need?' },
  count: { zh: '您具体需要几次呢？', en: 'How many would you need?' },
  points: { zh: '您说的是多少积分呢？', en: 'How many points do you mean?' },
};
const ASKED_HOW_MUCH = Object.values(HOW_MUCH).flatMap((q) => [q.zh, q.en]);

function askHowMuch(unstated: { rule: string; family: string }, lang: Language): string {
  const ask = HOW_MUCH[unstated.family] ?? HOW_MUCH.count!;
  return lang === 'zh'
    ? `${unstated.rule}这个范围内我这边可以直接办理。${ask.zh}`
    : `I can arrange that within what I'm allowed (${unstated.rule}). ${ask.en}`;
}

/** Whether a response holds a number anywhere in it (a fee, an amount, a line of a bill). */
function holdsNumber(value: unknown, wanted: number, depth = 0): boolean {
  if (typeof value === 'number') return value === wanted;
  if (depth > 5 || value === null || typeof value !== 'object') return false;
  return Object.values(value as Record<string, unknown>).some((v) => holdsNumber(v, wanted, depth + 1));
}

/**
 * The caller's request this turn answers, when the agent's last words asked which payment it was
 * about: the customer's line before this one. Nothing when this turn is a request of its own.
 */
function requestAnswered(ctx: CallContext, utterance: string): string | undefined {
  const customer = ctx.conversation.filter((t) => t.role === 'customer');
  if (customer.at(-1)?.content !== utterance) return undefined;
  const agent = ctx.conversation.filter((t) => t.role === 'agent').at(-1);
  if (!agent?.content.includes(whichPayment(ctx.language))) return undefined;
  if (understandUtterance(utterance, ctx.language).actions.length > 0) return undefined;
  // 对了我卡好像丢了 is a new matter: an answer points at a payment (an amount, a date, 那笔, the
  // one to the airport: a word of one of the payments read).
  const paid = verifiedPaid(ctx.systemQueries).items.flatMap((i) => tokenize(i.text));
  const points =
    /\d/.test(utterance) ||
    dayNamed(utterance) !== undefined ||
    POINTING.test(utterance) ||
    tokenize(utterance).some((t) => t.length > 1 && paid.includes(t));
  return points ? customer.at(-2)?.content : undefined;
}

/**
 * The caller's request this turn answers with the quantity it lacked (下午两点吧 after "您具体想到
 * 几点呢？"): the customer's line before this one.
 */
function quantityAnswered(ctx: CallContext, utterance: string): string | undefined {
  const customer = ctx.conversation.filter((t) => t.role === 'customer');
  if (customer.at(-1)?.content !== utterance) return undefined;
  const agent = ctx.conversation.filter((t) => t.role === 'agent').at(-1)?.content ?? '';
  if (!ASKED_HOW_MUCH.some((q) => agent.includes(q))) return undefined;
  const u = understandUtterance(utterance, ctx.language);
  if (u.actions.length > 0 || u.quantities.length === 0) return undefined;
  return customer.at(-2)?.content;
}

/** What the caller's 好的 / ok agrees to: a request waiting for a supervisor, else nothing more. */
function assentReply(ctx: CallContext): string {
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
 * Words that drop a request: 算了, 不投诉了, 先不退了, never mind, forget it. Not what the caller
 * will hold off doing themselves (卡俺先不往表上插了, 先不去了).
 */
const WITHDRAW =
  /算了|不用了|先不(?![往去出回插用碰拿取交])[\u4e00-\u9fff]{0,6}了|不(?:想|要)(?![要了])[\u4e00-\u9fff]{1,3}了|不(?:用|办|弄|退|投诉|改|换|注销|申请|需要|麻烦)[\u4e00-\u9fff]{0,3}了|撤回|\bnever ?mind\b|\bforget (?:it|about it)\b|\bno need\b|\bdon'?t bother\b|\bi(?:'ll| will) pass\b|\b(?:i(?:'ll| will) )?(?:just )?(?:leave it|drop it)\b|\bnot worth (?:it|the (?:hassle|trouble|bother))\b|\bscratch that\b|\bcancel (?:that|the request|my request)\b/i;

/**
 * True when the caller withdraws something asked for earlier in this call: withdrawing words, a
 * request of this call still open in the ledger, and nothing new asked for.
 */
function withdraws(ctx: CallContext, utterance: string): boolean {
  if (!WITHDRAW.test(utterance)) return false;
  // Something asked for earlier in this call that is still open (the ledger's view): waiting
  // for a supervisor or a process, or approved and not yet done. A refusal is nothing to drop.
  const open = (ctx.requests ?? []).filter(
    (r) => r.state === 'escalated' || (r.state === 'approved' && !r.carried_out),
  );
  if (open.length === 0) return false;
  // 算了还是退吧: the same request asked again after the withdrawing words keeps it.
  const again = new Set(findActionRequests(afterWithdrawal(utterance)).map((a) => a.concept));
  if (open.some((r) => findActionRequests(r.what).some((a) => again.has(a.concept)))) return false;
  // 不退了，留着给我老公充吧: 给我 before a relative is "for", not asking again.
  return !ASKS_AGAIN.test(utterance);
}

/**
 * Following up a request: to be called or told (打个电话给我, 通知我, let me know), when it happens
 * (好久到, 什么时候来, 今天能来吗, how soon), or urging it (快点处理, 弄弄清爽, 管管).
 */
const FOLLOW_UP =
  /(?:打|回)(?:个|一个)?电话(?:给我|过来)|给我(?:打|回)(?:个|一个)?电话|通知我|告诉我(?:一声|结果)|回复我|(?:好久|多久|什么时候|啥时候|几点|今天|今朝|马上)[^，,。？?]{0,6}(?:到|来|过来)|快点(?:去)?(?:处理|弄|办|讲)|弄(?:弄)?(?:清爽|清楚)|查清楚|抓紧(?:处理|办)?|管管|\b(?:call|ring) me back\b|\blet me know\b|\bkeep me posted\b|\bhow (?:long|soon)\b[^.?!]{0,30}\b(?:get here|arrive|come|be here)\b/i;

/**
 * What the caller hears when a line only follows up a request this call took up (FOLLOW_UP, no
 * request of its own): it is in hand, with its ticket, and the product's SLA clause closest to
 * what the call is about says when. Undefined when the line is anything else.
 */
function followedUp(ctx: CallContext, utterance: string, u: Understanding): string | undefined {
  if (u.actions.length > 0 || !FOLLOW_UP.test(utterance)) return undefined;
  // 新卡啥时候能寄到？ a question the FAQ answers is answered by it.
  if (u.question && knowledgeAnswer(ctx, utterance) !== undefined) return undefined;
  const taken = (ctx.requests ?? []).filter((e) => !e.withdrawn && e.state !== 'refused');
  if (taken.length === 0) return undefined;
  const zh = ctx.language === 'zh';
  const said = new Set(
    tokenize(
      ctx.conversation
        .filter((t) => t.role === 'customer')
        .map((t) => t.content)
        .join('，'),
    ),
  );
  const clauses = String(ctx.product.sla ?? '')
    .split(/[；;。\n]/)
    .map((c) => c.trim())
    .filter((c) => /\d/.test(c));
  const scored = clauses
    // Numbers (2号电梯, 2小时) say nothing of which clause is meant.
    .map((c) => ({ c, shared: new Set(tokenize(c).filter((t) => said.has(t) && !/^\d+$/.test(t))).size }))
    .sort((a, b) => b.shared - a.shared);
  const when =
    scored[0] && scored[0].shared > 0 && scored[0].shared !== scored[1]?.shared ? scored[0].c : undefined;
  const tickets = taken.map((e) => e.ticket_id).filter((t) => t !== undefined);
  const ticket =
    tickets.length > 0 ? (zh ? `（工单号${tickets.join('、')}）` : ` (${tickets.join(', ')})`) : '';
  if (zh)
    return `您的事已经在处理了${ticket}${when ? `，按规定${when}` : ''}，有进展我们会第一时间打电话告诉您。`;
  return `It's in hand${ticket}${when ? `; ${when}` : ''}. We'll call you as soon as there's news.`;
}

/**
 * True when the caller declines with nothing of this call open (那算了，先不叫你们了, never mind
 * then): withdrawing words, no request waiting, nothing asked for after them, and no explicit ask.
 */
function declines(ctx: CallContext, utterance: string, u: Understanding): boolean {
  if (!DECLINE.test(utterance) || u.asksForAction || ASKS_AGAIN.test(utterance)) return false;
  const open = (ctx.requests ?? []).filter(
    (r) => r.state === 'escalated' || (r.state === 'approved' && !r.carried_out),
  );
  if (open.length > 0) return false;
  let end = 0;
  for (const m of utterance.matchAll(new RegExp(DECLINE.source, 'gi'))) end = m.index + m[0].length;
  // 不想续了，直接关掉: a request said after the withdrawing words is what the caller wants.
  return u.actions.every((a) => a.end <= end);
}

/**
 * Words that decline an offer or a price heard (算了, 先不叫你们了, 不用了, 不麻烦你们了, never
 * mind). Not what the caller no longer wants of their own (这个套餐我不用了, 会员不想用了: stopping it).
 */
const DECLINE =
  /算了|先不(?![往去出回插用碰拿取交])[\u4e00-\u9fff]{0,6}了|(?<![我俺])不用了|不麻烦(?:你们?|您)?了|\bnever ?mind\b|\bforget (?:it|about it)\b|\bno need\b|\bdon'?t bother\b|\bi(?:'ll| will) pass\b|\bnot worth (?:it|the (?:hassle|trouble|bother))\b/i;

const ASKS_AGAIN = new RegExp(
  // 先不麻烦你们了 declines; 麻烦你 without 不 asks.
  String.raw`帮我|给我${FOR_KIN}|我要|(?<!不)麻烦你|\b(?:can|could) you\b|\bplease\b`,
  'i',
);

/**
 * What a withdrawing turn says after its last withdrawing words (算了还是退吧 → 还是退吧), or empty
 * when that is nothing of substance (a lone 好/嗯/ok).
 */
function afterWithdrawal(utterance: string): string {
  let end = 0;
  for (const m of utterance.matchAll(new RegExp(WITHDRAW.source, 'gi'))) end = m.index + m[0].length;
  const rest = utterance.slice(end).replace(/^[\s，,。.！!？?；;、~]+/, '');
  return rest.replace(/[\s，,。.！!？?；;、~]/g, '').length >= 3 ? rest : '';
}

function learnName(ctx: CallContext, name: string): void {
  const current = String(ctx.customer.name);
  if (ctx.coldStart || current.startsWith('来电客户_')) ctx.learned.name = name;
  else if (!current.includes(name.slice(0, 1))) ctx.learned.name_mentioned = name;
}

function closingFor(ctx: CallContext): string {
  const closing = String(ctx.operator.closing_technique ?? '');
  if (ctx.language === 'en' && hasCjk(closing)) return 'Anything else I can help with? Have a good day.';
  return (
    closing ||
    (ctx.language === 'zh' ? '感谢您的来电，祝您生活愉快。' : 'Thanks for calling. Have a good day.')
  );
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

/** The action text checked by the engine: the concept's own words plus the bound amount. */
function actionText(request: ActionRequest, u: Understanding, lang: Language): string {
  // No lexicon concept: the caller's own words, without the politeness around them.
  if (request.concept === '') {
    // 那就取消吧 → 取消; 房间能不能往后推两天 → 房间往后推两天.
    return request.text
      .replace(/^(你好|您好|喂)[，,\s]*/, '')
      .replace(/^(?:算了|好吧|行吧)[，,\s]*/, '')
      .replace(/^(那就|那么|那|就|要不|还是)+/, '')
      .replace(/^(麻烦你?|请你?|我想要?|我要|帮我|能不能|可不可以)+/, '')
      .replace(/(能不能|可不可以|能否)(?=[\u4e00-\u9fff])/g, '')
      .replace(/^(?:(?:please|can you|could you|i want to|i need to|i'd like to|just)\s+)+/i, '')
      .replace(/[。！!？?，,\s]+$/, '')
      .replace(/(?:一下)?(?:吧|啊|呀|呢|吗|嘛)+$/, '');
  }
  let quantity: Quantity | undefined = request.quantity;
  if (!quantity && request.concept === 'refund') quantity = u.quantities.find((q) => q.family === 'money');
  const label = conceptLabel(request.concept, lang);
  if (!quantity) return label;
  const amount = Number.isInteger(quantity.value) ? String(quantity.value) : String(quantity.value);
  if (quantity.family === 'money') {
    if (quantity.unit === 'USD') return lang === 'zh' ? `${label}${amount}美元` : `${label} $${amount}`;
    return lang === 'zh' ? `${label}${amount}元` : `${label} ${amount} yuan`;
  }
  return lang === 'zh' ? `${label}${quantity.text}` : `${label} ${quantity.text}`;
}

/** A rule about other people or anyone's data (another patient's, a driver's contact, 收件人电话). */
const ABOUT_OTHERS =
  /another|other|someone|anyone|else|their|staff|driver|courier|rider|member|patient|recipient|sender|personal|contact|phone|number|address|他人|别人|其他|其它|收件人|寄件人|收货人|司机|骑手|师傅|人员|电话|手机|号码|地址|住址|信息|资料|隐私|记录/i;

/** Someone else's household: 她家, 他家里, her place, his house. */
const THEIR_HOUSEHOLD = /[他她]家|\b(?:his|her|their) (?:place|house|home|flat|apartment)\b/i;

/** He, she, they: the person a refused part of the line is about, named again. */
const THIRD_PERSON = /[他她]|\b(?:he|she|him|her|they|them)\b/i;

/** A set day or occasion (明天, 周六, this weekend, saturday morning): leave asked for it is wanted. */
const OCCASION =
  /今天|明天|后天|今晚|明晚|这周|下周|周[一二三四五六日天末]|星期[一二三四五六日天]|礼拜[一二三四五六日天]|\d{1,2}[号日]|\b(?:today|tomorrow|tonight|this (?:weekend|week)|next (?:week|weekend)|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b/i;

/** Words of the interfaces this call queried that found something (a list with items in it). */
function wordsOfWhatWasFound(ctx: CallContext): Set<string> {
  const found = ctx.systemQueries.filter((q) => q.ok && holdsItems(q.response));
  return new Set(tokenize(found.map((q) => `${q.interface.replaceAll('_', ' ')} ${q.purpose}`).join('，')));
}

function holdsItems(response: unknown): boolean {
  if (response === null || typeof response !== 'object') return false;
  return Object.values(response as Record<string, unknown>).some((v) => Array.isArray(v) && v.length > 0);
}

/** A rule's action without its limit (退还异常扣费<50元 → 退还异常扣费). */
function phraseOf(rule: string | null): string | null {
  return rule === null ? null : rule.replace(/\s*[<>≤≥=].*$/, '');
}

/** A rule with a limit (理赔金额>2000元): read for a request that says no amount, it is a guess. */
const LIMITED = /[<>≤≥]/;

/**
 * The action as it is checked, recorded and put on a ticket: the request in the product's own
 * words (临时扩容30GB, 7天无理由退货) with what this call's queries verified about it (保修期内,
 * 签收3天), or the caller's words when the product's words would decide differently. Things about
 * someone else are checked as said (`asSaid`): their other-party words must reach the engine.
 */
function actionFor(
  ctx: CallContext,
  given: ActionRequest,
  u: Understanding,
  asSaid: boolean,
  line?: string,
): string {
  const lang = ctx.language;
  // Whole, not cut to a label's length: the other-party words may come at the end.
  if (asSaid) return given.text.trim();
  const request =
    feeAskedBack(ctx, given) ?? (line === undefined ? given : withAmountSaidApart(ctx, given, u, line));
  const bounded = boundedByCharge(ctx, request, u);
  const said = penaltyNamed(actionText(bounded, u, lang), bounded, line ?? request.text, lang);
  const facts = verifiedQualifiers(ctx, MONEY_BACK_CONCEPTS.has(bounded.concept));
  // 签收3天退货 / 保修期内维修: what was verified qualifies the request, as a person would say it.
  const withFacts = (text: string) =>
    facts.length === 0 ? text : lang === 'zh' ? `${facts.join('')}${text}` : `${text} (${facts.join(', ')})`;
  const rules = rulesOf(ctx);
  // The lexicon's name for the request first; when no rule of the product matches it, the
  // caller's own clause (the engine reads it by meaning: 想退货 against 7天无理由退货).
  const read = (text: string) => {
    const draft = withFacts(text);
    return { draft, decided: checkPermission(rules, draft) };
  };
  let { draft, decided } = read(said);
  // 这次能不能给我免了 after 二十来块滞纳金, read by meaning: the rule is asked for the amount found
  // within what was said roughly (减免滞纳金21.6元), not the most it may be.
  const roughPart = request.concept === '' && decided.parts.length === 1 ? decided.parts[0] : undefined;
  if (roughPart && decided.rule !== null && MONEY_BACK_CONCEPTS.has(roughPart.concept ?? '')) {
    const meant = amountMeant(
      ctx,
      u.quantities.find((q) => q.family === 'money'),
    );
    if (meant !== undefined) {
      const named = read(`${phraseOf(decided.rule)}${money(meant, lang, currencyOf(ctx.product))}`);
      if (named.decided.rule !== null) ({ draft, decided } = named);
    }
  }
  // What the queries found settled the rule: the caller's words, which lack it, do not unsettle it.
  let byFound = false;
  // 148 photos read in Recently Deleted: of the product's rules on the request's action, the one
  // whose words what this call's queries found shares most (restore files from Recently Deleted,
  // not recover files deleted more than 60 days ago). Money's amount picks its rule instead.
  if (request.concept !== '' && !MONEY_BACK_CONCEPTS.has(request.concept)) {
    // "never opened it, still in the plastic": a rule requiring the opposite state is not meant,
    // however many words it shares with what was found.
    const said = line ?? request.text;
    const found = ruleSharingWords(ctx, (c) => c === request.concept, wordsOfWhatWasFound(ctx), {
      ruledOut: (phrase) => contradictsRule(rules, phrase, said),
    });
    if (found && found.phrase !== phraseOf(decided.rule)) {
      const named = read(found.phrase);
      if (named.decided.rule !== null) {
        ({ draft, decided } = named);
        byFound = true;
      }
    }
  }
  // 退款15元 against several money-back rules: the one the paid item's words point at.
  const inRuleWords = decided.rule === null ? moneyBackInRuleWords(ctx, bounded) : undefined;
  if (inRuleWords) {
    const named = read(inRuleWords);
    if (named.decided.rule !== null) ({ draft, decided } = named);
  }
  if (request.concept !== '' && request.text.trim() !== said) {
    // 理赔被拒了 named 理赔 leaves open which rule on claims is meant (the amount is unsaid); the
    // caller's clause settles it (理赔申诉). Never for an approval: that needs the verified facts.
    const open =
      decided.rule === null ||
      (decided.parts.every((p) => p.amount === undefined) && LIMITED.test(decided.rule));
    if (open) {
      const own = read(request.text.trim());
      const settled = own.decided.parts.every((p) => p.unstated === undefined);
      if (
        own.decided.rule !== null &&
        (decided.rule === null || (settled && own.decided.status !== 'can_approve_immediately'))
      )
        ({ draft, decided } = own);
    }
  }
  // 3号桩屏幕黑的，扫码也没反应，你们赶紧派人来修修: the clause asks, the ones before say what
  // about; the line that holds only this request is read whole, as the engine reads context.
  // 卡里还剩三百多，给我退了吧: named 退款 it reads as 退还异常扣费, while the whole line reads as
  // another rule (充电卡余额退款); the caller's words decide which rule is meant. Never to approve:
  // an approval keeps the verified facts the name carries.
  if (!byFound && line !== undefined && line.trim() !== request.text.trim()) {
    const whole = read(line.trim());
    // Another action, not the same one with another limit (refund < $15 / refund >= $15: the name
    // carries the verified amount the line lacks).
    const other = whole.decided.rule !== null && phraseOf(whole.decided.rule) !== phraseOf(decided.rule);
    if (
      other &&
      whole.decided.parts.length === 1 &&
      (decided.rule === null || whole.decided.status !== 'can_approve_immediately')
    )
      ({ draft, decided } = whole);
  }
  // The product's words are used in the call's language only (an English call on a product
  // with Chinese rules keeps the caller's words).
  if (decided.label === undefined || decided.status === 'forbidden') return draft;
  if (/[\u3400-\u9fff]/.test(decided.label) !== (lang === 'zh')) return draft;
  // The one thing the request is about (视频彩铃包) stays in the label: the system changes that one.
  const labelled = withThing(withFacts(decided.label), (request as RequestInContext).thing, lang);
  const again = checkPermission(rules, labelled);
  return again.status === decided.status && again.rule === decided.rule ? labelled : draft;
}

/** A penalty a waiver is of: a late fee, a penalty for breaking a contract, a fine, a handling fee. */
const PENALTY_ZH = /滞纳金|违约金|罚款|罚金|逾期费|手续费/;

/**
 * 多扣了我二十来块滞纳金…这个能退给我吗: a fee waived is the penalty the line names
 * (减免滞纳金17.64元), not any fee of the product's.
 */
function penaltyNamed(said: string, request: ActionRequest, line: string, lang: Language): string {
  if (request.concept !== 'fee_waiver' || lang !== 'zh') return said;
  const penalty = PENALTY_ZH.exec(line)?.[0];
  const label = conceptLabel('fee_waiver', 'zh');
  return penalty === undefined || !said.startsWith(label)
    ? said
    : `减免${penalty}${said.slice(label.length)}`;
}

/**
 * "you still tacked on a delivery fee, can I get that back": money back with no amount of its own
 * is the fee the caller named, as the queries found it (delivery_fee 4.99), not another amount of
 * the line (free over 35 bucks).
 */
function feeAskedBack(ctx: CallContext, request: ActionRequest): ActionRequest | undefined {
  if (request.quantity !== undefined || !MONEY_BACK_CONCEPTS.has(request.concept)) return undefined;
  const fee = feeNamed(ctx);
  if (fee === undefined) return undefined;
  return { ...request, quantity: moneyOf(ctx, fee) };
}

/**
 * 断网补偿，给我补上吧。两天也就八块钱: the amount said in a clause of its own, as the engine binds
 * it reading the whole line (one amount of the kind the request measures, one request needing it).
 */
function withAmountSaidApart(
  ctx: CallContext,
  request: ActionRequest,
  u: Understanding,
  line: string,
): ActionRequest {
  if (request.quantity !== undefined || request.concept === '') return request;
  const amount = checkPermission(rulesOf(ctx), line).parts.find(
    (p) => p.concept === request.concept && p.amount !== undefined,
  )?.amount;
  if (amount === undefined) return request;
  const said = u.quantities.find((q) => q.value === amount.value && q.unit === amount.unit);
  if (said === undefined) return request;
  // The request's clause with the amount beside it, as the caller meant it: 断网补偿，八块钱.
  const text = `${request.text.trim()}${ctx.language === 'zh' ? '，' : ', '}${said.text}`;
  return { ...request, quantity: said, text };
}

/**
 * "they've got it for 9.99 … I paid you, oh, thirteen dollars … give me the difference back": the
 * difference of the two amounts said, the higher as the records show it when one of the paid
 * amounts is within a dollar of it (13 said, 12.99 paid).
 */
function differenceAsked(
  ctx: CallContext,
  request: ActionRequest,
  u: Understanding,
): ActionRequest | undefined {
  if (!/差价|差额|\bdifference\b/i.test(request.text)) return undefined;
  const said = u.quantities.filter((q) => q.family === 'money').map((q) => q.value);
  if (said.length !== 2) return undefined;
  const low = Math.min(...said);
  const high = Math.max(...said);
  const recorded = amountsFound(ctx).find((v) => Math.abs(v - high) <= 1) ?? high;
  const value = Math.round((recorded - low) * 100) / 100;
  if (value <= 0) return undefined;
  return { ...request, quantity: moneyOf(ctx, value) };
}

/**
 * 二十来块滞纳金 with a late fee of 21.6 found in the call: the one amount the queries found within
 * what was said approximately is what was meant. Failing that, 前前后后扣我快九十块 with charges of
 * 27, 30 and 30: the latest charges, added up newest first, whose sum lies within it.
 */
function amountMeant(ctx: CallContext, said: Quantity | undefined): number | undefined {
  if (said?.family !== 'money' || said.least === undefined) return undefined;
  const least = said.least;
  const within = amountsFound(ctx).filter((v) => v >= least && v <= said.value);
  if (within.length > 0) return within.length === 1 ? within[0] : undefined;
  let sum = 0;
  for (const item of newestFirst(verifiedPaid(ctx.systemQueries).items)) {
    sum = Math.round((sum + item.value) * 100) / 100;
    if (sum > said.value) return undefined;
    if (sum >= least) return sum;
  }
  return undefined;
}

/**
 * Facts before actions: money given back is bounded by a charge or order this call's queries
 * found. No amount named → the verified one; more than was paid → what was paid (the caller is
 * offered that). Without a verified charge the request stays as asked (the engine decides it).
 */
function boundedByCharge(ctx: CallContext, given: ActionRequest, u: Understanding): ActionRequest {
  // "can I get the difference back": money back in words the lexicon has no name for.
  const request =
    given.concept === '' && MONEY_BACK_WORDS.test(given.text) ? { ...given, concept: 'refund' } : given;
  if (!MONEY_BACK_CONCEPTS.has(request.concept)) return given;
  const inRange = amountMeant(ctx, request.quantity ?? u.quantities.find((q) => q.family === 'money'));
  if (inRange !== undefined) return { ...request, quantity: moneyOf(ctx, inRange) };
  const difference = differenceAsked(ctx, request, u);
  if (difference !== undefined) return difference;
  const paid = verifiedCharge(ctx, request.text);
  if (paid === undefined) return given;
  const asked = request.quantity ?? u.quantities.find((q) => q.family === 'money');
  // 二十几块 for a fee of 24 found in the call: the fee is what was meant.
  const meant = asked?.least !== undefined && asked.least <= paid && paid <= asked.value;
  if (asked && asked.family === 'money' && !meant) {
    if (asked.value <= paid) return { ...request, quantity: asked };
    // More than was paid: what would need a supervisor goes to one as asked (with the facts in
    // the call); what would be approved at once is approved only up to what was paid. An amount
    // said roughly (扣了我二十来块) that nothing paid lies within is a mistaken one: what was
    // paid is offered.
    const asItWas = actionText({ ...request, quantity: asked }, u, ctx.language);
    if (
      asked.least === undefined &&
      checkPermission(rulesOf(ctx), asItWas).status !== 'can_approve_immediately'
    ) {
      return { ...request, quantity: asked };
    }
  } else if (request.concept === 'compensation') {
    // Compensation for a loss (an outage, a delay) is not the charge given back: no amount is
    // made up from the bill; the rules decide the request as asked.
    return request;
  }
  return { ...request, quantity: moneyOf(ctx, paid) };
}

/** An amount of the product's currency that no one said (found in the records, or worked out). */
function moneyOf(ctx: CallContext, value: number): Quantity {
  const unit = currencyOf(ctx.product);
  return { value, family: 'money', unit, text: money(value, ctx.language, unit), start: -1, end: -1 };
}

/**
 * What this call's query responses verified that a rule may depend on: whether a warranty date
 * is still ahead, how many days ago something was delivered.
 */
function verifiedQualifiers(ctx: CallContext, moneyBack = false): string[] {
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
      if (days !== undefined && /天|day/i.test(rulesText)) {
        if (!out.some((o) => /签收|delivered/.test(o))) {
          out.push(lang === 'zh' ? `签收${days}天` : `delivered ${days} days ago`);
        }
      }
    }
  }
  return out;
}

/** A field holding the day something was delivered or signed for (delivered_at, delivery_date, 签收时间). */
const DELIVERED_ON = /^(?:delivered(?:_at|_on|_date)?|delivery_date|signed_at|签收(?:时间|日期))$/i;

/** Whole days from a date (2026-11-20) to the clock's time; undefined for no date or one ahead. */
function daysSince(date: string, today: number): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}/.test(date)) return undefined;
  const at = Date.parse(date);
  if (!Number.isFinite(at) || at > today) return undefined;
  return Math.floor((today - at) / 86_400_000);
}

async function handleAction(
  ctx: CallContext,
  request: ActionRequest,
  u: Understanding,
  asSaid = false,
  line?: string,
): Promise<{ text: string; topic: string; status?: PermissionCategory }> {
  const lang = ctx.language;
  const action = actionFor(ctx, request, u, asSaid, line);
  // 我想晚点退房 against 延迟退房至14点: a rule allows it up to a limit and the caller said how
  // much of nothing (a time, days, data, a count). The caller is asked, not a supervisor.
  // Money is not asked here: the call's verified charges bound it.
  const preview = asSaid ? undefined : checkPermission(rulesOf(ctx), action);
  const unstated = preview?.parts.length === 1 ? preview.parts[0]?.unstated : undefined;
  if (unstated && unstated.family !== 'money') {
    return { topic: action, text: askHowMuch(unstated, lang) };
  }
  const decision = await ctx.tools.checkPermission(action);
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
            ? `好的，${action}我这边可以直接办：${done.description}。`
            : `Sure, I can do that right away: ${done.description}.`
          : done.already
            ? lang === 'zh'
              ? `我这边看了一下，${done.description}。`
              : `I checked: ${done.description}.`
            : lang === 'zh'
              ? `好的，${action}我这边有权限办理，已经为您登记处理。`
              : `Sure, I'm allowed to do that, and I've logged it for you: ${action}.`,
      };
    }
    case 'requires_supervisor': {
      const eta = slaWindow(sla, 'supervisor', lang);
      const ticket = ctx.tools.openTicket({ kind: 'requires_supervisor', summary: action });
      return {
        status: decision.status,
        topic: action,
        text:
          lang === 'zh'
            ? `${action}这个需要我向主管申请，预计${eta}内给您回复，可以吗？申请单号是${ticket.id}。`
            : `For "${action}" I need to ask my supervisor; you'll hear back within ${eta}. Is that okay? The request number is ${ticket.id}.`,
      };
    }
    case 'requires_process': {
      const eta = slaWindow(sla, 'process', lang);
      const ticket = ctx.tools.openTicket({ kind: 'requires_process', summary: action });
      // 换车牌 needs the new car's 行驶证: what the FAQ says the step takes is said with it, so the
      // caller can have it ready.
      const takes = whatAStepTakes(ctx.product, [decision.rule ?? '', action]);
      const needs = takes === undefined ? '' : ` ${faqAnswer(sentence(takes, lang), lang)}`;
      return {
        status: decision.status,
        topic: action,
        text:
          lang === 'zh'
            ? `这个需要您提交正式申请，我帮您记录工单，工单号是${ticket.id}，${eta}内会有专人联系您。${needs.trim()}`
            : `This needs a formal request, so I've opened a ticket for you: ${ticket.id}. Someone will contact you within ${eta}.${needs}`,
      };
    }
    default: {
      const rule = decision.rule ?? action;
      // Refused by the facts (no such payment, more than was paid), not by a forbidden rule:
      // the caller hears the reason, not the rule that would otherwise have allowed it.
      const forbiddenRules = (ctx.product.operator_permissions?.forbidden ?? []) as string[];
      if (decision.rule !== null && !forbiddenRules.includes(decision.rule) && decision.reason) {
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
            ? `非常抱歉，这个我们无法处理，因为按规定不能${rule}。`
            : `I'm sorry, we can't do that: our rules don't allow us to ${rule}.`,
      };
    }
  }
}

function sentence(text: string, lang: Language): string {
  const t = text.trim();
  if (/[。！？.!?]$/.test(t)) return t;
  return lang === 'zh' ? `${t}。` : `${t}.`;
}
