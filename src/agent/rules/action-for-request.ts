import type { CallContext } from '../../call/call-agent.js';
import { notOwedAssessed } from '../../call/money-owed.js';
import { newestFirst, verifiedPaid } from '../../call/verified-charges.js';
import { HELD_MONEY } from '../../domain/held-money.js';
import type { Language } from '../../domain/language.js';
import { tokenize } from '../../knowledge/index.js';
import {
  type ActionRequest,
  checkPermission,
  conceptLabel,
  contradictsRule,
  MONEY_BACK_CONCEPTS,
  NOTE_DASH,
  parseNumber,
  type Quantity,
  saysOvercharged,
} from '../../permissions/index.js';
import { lastCallerLine } from './caller-words.js';
import { moneyBackForCaseTold, moneyBackInRuleWords } from './money-back-rule.js';
import { refundDue } from './money-due.js';
import {
  actionWithMoney,
  allOf,
  amountsFound,
  chargedTwice,
  currencyOf,
  feeNamed,
  MONEY_BACK_WORDS,
  money,
  verifiedCharge,
} from './payment-in-question.js';
import { decideAhead, ruleSharingWords, rulesOf, withoutRuleNotes } from './product-rules.js';
import { DUPLICATE_CHARGE, type Understanding } from './understand-utterance.js';
import { type RequestInContext, timeAsked, withThing } from './vague-requests.js';
import { type VerifiedQualifier, verifiedQualifiers } from './verified-qualifiers.js';

// The action text a request is checked, recorded and ticketed as: the product's words for it,
// with money asked back bounded by what this call's queries verified.

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
  const amount = String(quantity.value);
  if (quantity.family === 'money') {
    return actionWithMoney(label, amount, lang, quantity.unit);
  }
  return lang === 'zh' ? `${label}${quantity.text}` : `${label} ${quantity.text}`;
}

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
export function actionFor(
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
  // 多扣那笔你先给我退了嘛, after 扣了我两道 earlier in the call: the charge taken twice, pointed at.
  const twiceSaid = u.duplicateCharge === true || duplicatePointed(ctx, request.text);
  const bounded = boundedByCharge(ctx, request, u, line ?? request.text, twiceSaid);
  // A vet bill or a repair quote asked to be paid, after damage the caller blames on the business:
  // no charge of the records is given back, a loss is claimed, as the product's rule on claims says.
  const claimed = lossClaimed(ctx, bounded, u, line ?? request.text);
  if (claimed !== undefined) return claimed;
  const said = feeOrPenaltyNamed(ctx, actionText(bounded, u, lang), bounded, line ?? request.text, lang);
  // A deposit given back turns on notice too (宴会日前90天以前取消：定金全额退回), a payment not.
  const heldBack = HELD_MONEY.test(line ?? request.text);
  const facts = verifiedQualifiers(ctx, MONEY_BACK_CONCEPTS.has(bounded.concept) && !heldBack, twiceSaid);
  // 签收3天退货 / 保修期内维修: what was verified qualifies the request, as a person would say it.
  const qualify = (text: string, with_: readonly VerifiedQualifier[]) => {
    // Not again what the words say already (质保期内 of the rule's own 质保期内免费上门维修).
    const said = with_.map((f) => f.text).filter((f) => !text.includes(f));
    return said.length === 0
      ? text
      : lang === 'zh'
        ? `${said.join('')}${text}`
        : `${text} (${said.join(', ')})`;
  };
  const withFacts = (text: string) => qualify(text, facts);
  const states = facts.filter((f) => !f.counted);
  const rules = rulesOf(ctx);
  // The lexicon's name for the request first; when no rule of the product matches it, the
  // caller's own clause (the engine reads it by meaning: 想退货 against 7天无理由退货).
  // A time counted from a record (签收3天, 距约定时间还有52小时) is said only where it changes the
  // decision: before a reschedule, 取衣50天 is noise in the request's name.
  const read = (text: string) => {
    const draft = withFacts(text);
    const decided = decideAhead(ctx, draft);
    if (states.length === facts.length) return { draft, decided };
    const plainDraft = qualify(text, states);
    const plain = decideAhead(ctx, plainDraft);
    // A time counted from a record names no one: what it makes forbidden, the request is not.
    return (plain.status === decided.status && plain.rule === decided.rule) ||
      (decided.status === 'forbidden' && plain.status !== 'forbidden')
      ? { draft: plainDraft, decided: plain }
      : { draft, decided };
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
      // The amount the caller said goes with the product's words for it (缓缴燃气费 十来天).
      const amount = bounded.quantity?.text;
      const named = read(
        amount === undefined
          ? found.phrase
          : lang === 'zh'
            ? `${found.phrase}${amount}`
            : `${found.phrase} ${amount}`,
      );
      if (named.decided.rule !== null) {
        ({ draft, decided } = named);
        byFound = true;
      }
    }
  }
  // 退款15元 against several money-back rules: the one the paid item's words point at (the 15元
  // was a 调度费, from the dispatch-fee records), whichever rule the bare 退款 fell to.
  const inRuleWords = moneyBackInRuleWords(ctx, bounded, line ?? request.text, twiceSaid);
  if (inRuleWords) {
    const named = read(inRuleWords);
    if (named.decided.rule !== null) ({ draft, decided } = named);
  }
  // 丑橘…烂了一大半…钱你要退给我: the case the caller told names the rule, before the paid item's words.
  // The case may be told in another clause of the caller's line (丑橘…烂了一大半，…，钱你要退给我).
  const told = lastCallerLine(ctx);
  const forCase = MONEY_BACK_CONCEPTS.has(bounded.concept)
    ? moneyBackForCaseTold(
        ctx,
        bounded,
        told ?? line ?? request.text,
        bounded.quantity ?? u.quantities.find((q) => q.family === 'money'),
        decided.rule,
      )
    : undefined;
  if (forCase) {
    const named = read(forCase);
    if (named.decided.rule !== null) ({ draft, decided } = named);
  }
  if (request.concept !== '' && request.text.trim() !== said) {
    // 理赔被拒了 named 理赔 leaves open which rule on claims is meant (the amount is unsaid); the
    // caller's clause settles it (理赔申诉). Never for an approval: that needs the verified facts.
    const open =
      decided.rule === null ||
      (decided.parts.every((p) => p.amount === undefined) && LIMITED.test(decided.rule));
    if (open) {
      // The sum the records gave in place of the caller's (540 for 起码…一千) goes with their words.
      const ownText =
        request.concept === 'refund' &&
        bounded.quantity !== undefined &&
        request.quantity !== undefined &&
        bounded.quantity.start < 0 &&
        bounded.quantity.value === refundDue(ctx, request.text)
          ? request.text.replace(request.quantity.text, bounded.quantity.text)
          : request.text;
      const own = read(ownText.trim());
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
  // A deposit asked back in the request's own clause is what is asked back, whatever else the
  // line complains of (天天扣调度费…把我那个押金退了).
  const heldMoney = MONEY_BACK_CONCEPTS.has(request.concept) && HELD_MONEY.test(request.text);
  // The charge taken twice the records show, or the refund they say is due, in place of the sum
  // the caller made of it or told as paid, stays: the line's own amount is what it replaced.
  const replaced = bounded.quantity !== undefined && bounded.quantity.value !== request.quantity?.value;
  // With no sum said, the refund the records say is due stays too (扣了好几天了…你给我退回来,
  // against 4晚×8元＝32元，可退还).
  const amountBound =
    replaced && (twiceSaid || (bounded.quantity!.start < 0 && bounded.quantity!.value === refundDue(ctx)));
  if (!byFound && !heldMoney && !amountBound && line !== undefined && line.trim() !== request.text.trim()) {
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
  // No rule read it: the draft is all there is (its label would be the draft, facts and all).
  if (decided.label === undefined || decided.status === 'forbidden' || decided.rule === null) return draft;
  if (/[\u3400-\u9fff]/.test(decided.label) !== (lang === 'zh')) return draft;
  // The one thing the request is about (视频彩铃包) stays in the label: the system changes that one.
  // The facts the chosen reading said (a counted time only where it decided).
  const used = facts.filter((f) => !f.counted || draft.includes(f.text));
  // 预约复检 asked for 下礼拜一上午: a booking's day and time go with it, for the caller to hear back.
  const when =
    lang === 'zh' && BOOKED_LABEL.test(decided.label) ? timeAsked(line ?? request.text) : undefined;
  const labelled = withThing(qualify(decided.label, used), (request as RequestInContext).thing ?? when, lang);
  const again = decideAhead(ctx, labelled);
  return again.status === decided.status && again.rule === decided.rule ? labelled : draft;
}

/**
 * The claim a request for money makes when it asks back no charge the records show (the amount is
 * none they found) and the line tells of damage, an injury or a loss: the product's process rule
 * on claims, with the amount (claims for damage … $486). Undefined otherwise.
 */
function lossClaimed(
  ctx: CallContext,
  request: ActionRequest,
  u: Understanding,
  line: string,
): string | undefined {
  // "I've had a quote, eighteen hundred dollars, and I want it paid": money asked in no word the
  // lexicon knows is asked all the same.
  const asked = MONEY_BACK_CONCEPTS.has(request.concept) || (request.concept === '' && PAY_ASKED.test(line));
  const amount = request.quantity ?? u.quantities.find((q) => q.family === 'money');
  if (!asked || amount?.family !== 'money') return undefined;
  if (!LOSS_TOLD.test(line) || amountsFound(ctx).includes(amount.value)) return undefined;
  const rule = (ctx.product.operator_permissions?.requires_process ?? []).find((r) => CLAIMS_RULE.test(r));
  if (rule === undefined) return undefined;
  // Its step, without the terms a dash or a colon opens.
  const phrase = withoutRuleNotes(rule)
    .split(NOTE_DASH)[0]!
    .split(/[:;：；]/)[0]!
    .trim();
  const said = `${phrase} ${amount.text}`;
  return decideAhead(ctx, said).status === 'requires_process' ? said : undefined;
}

/** A rule on claims for damage or losses (Claims for damage to property …, 财物损失理赔). */
const CLAIMS_RULE = /\bclaims?\s+for\s+(?:damage|loss)|(?:损失|损坏|赔偿)[^，。；]{0,6}(?:理赔|索赔)|理赔/i;

/** Money asked to be paid, in words no lexicon action names: I want it paid, pay for the damage. */
const PAY_ASKED =
  /\b(?:want|need|expect)\s+(?:it|that|this|them|the lot)\s+paid\b|\b(?:want|need|expect)\s+(?:you|you guys|you lot|youse)\s+to\s+(?:pay|cover|foot)\b|\bpay\s+for\s+(?:it|that|the (?:damage|repairs?|bill|quote))\b/i;

/** Damage, an injury or a loss told (spilt acid on my coping, the dog got hit, 摔伤, 弄坏). */
const LOSS_TOLD =
  /\b(?:damag\w*|spilt|spilled|spill|broke|broken|smashed|scratched|stained|ruined|wrecked|cracked|dented|hit by|clipped by|injur\w*|hurt|bitten|vet bill|vet's bill|excess|quote for|repair bill)\b|弄坏|损坏|摔伤|受伤|划伤|磕坏|砸坏|被撞/i;

/** A label that books or moves a booking (预约复检, 改约上门取送车代检, 带看、估价的预约和改约). */
const BOOKED_LABEL = /预约|预订|预定|改约|改期/;

/** A penalty a waiver is of: a late fee, a penalty for breaking a contract, a fine, a handling fee. */
const PENALTY_ZH = /滞纳金|违约金|罚款|罚金|逾期费|手续费/;

/** A fee by its name (上门费, 调度费), not a word for fees or paying in general. */
const FEE_NAMED_ZH = /[\u4e00-\u9fff]{1,3}费/g;
const NOT_A_FEE = /^(?:.*(?:费用|免费|收费|付费|缴费|交费|扣费|退费|花费|消费|话费)|费)$/;

/**
 * 多扣了我二十来块滞纳金…这个能退给我吗: a fee waived is the penalty the line names
 * (减免滞纳金17.64元), not any fee of the product's. Likewise a fee the product's rules name, said
 * in the request (那六十块钱上门费得退给俺吧): the fee waived or given back (上门费退款60元), which
 * decides between a rule on that fee and one on any money back.
 */
function feeOrPenaltyNamed(
  ctx: CallContext,
  said: string,
  request: ActionRequest,
  line: string,
  lang: Language,
): string {
  if (lang !== 'zh' || !(request.concept === 'fee_waiver' || request.concept === 'refund')) return said;
  const label = conceptLabel(request.concept, 'zh');
  if (!said.startsWith(label)) return said;
  const rest = said.slice(label.length);
  const penalty = request.concept === 'fee_waiver' ? PENALTY_ZH.exec(line)?.[0] : undefined;
  if (penalty !== undefined) return `减免${penalty}${rest}`;
  const rulesText = JSON.stringify(ctx.product.operator_permissions ?? {});
  const fee = [request.text, line]
    .flatMap((t) => t.match(FEE_NAMED_ZH) ?? [])
    .map((f) => (rulesText.includes(f) ? f : f.slice(1)))
    .find((f) => f.length >= 2 && !NOT_A_FEE.test(f) && rulesText.includes(f));
  if (fee === undefined) return said;
  if (request.concept === 'fee_waiver') return `减免${fee}${rest}`;
  // 搬出来了还在扣住宿费…你给我退回来: the fee charged when it was not due is an overcharge.
  const over = !fee.startsWith('多') && saysOvercharged(line) ? `多扣${fee.replace(/^扣/, '')}` : fee;
  return `${over}退款${rest}`;
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
  // 一起退给我，五百三十六: a Chinese number said alone is the amount the engine bound, in the
  // product's money (English numbers said alone run into each other: two forty six eighty).
  const said =
    u.quantities.find((q) => q.value === amount.value && q.unit === amount.unit) ??
    (ctx.language === 'zh' && amount.unit === currencyOf(ctx.product)
      ? moneyOf(ctx, amount.value)
      : undefined);
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
 * The extra of a charge the caller said taken twice earlier in the call, pointed at: 多扣那笔,
 * 重复的那笔, the extra one, the second charge.
 */
function duplicatePointed(ctx: CallContext, said: string): boolean {
  return (
    DUPLICATE_POINTED.test(said) &&
    ctx.conversation.some((t) => t.role === 'customer' && DUPLICATE_CHARGE.test(t.content))
  );
}
const DUPLICATE_POINTED =
  /多扣|多收|扣多|收多|重复|多出来|\bthe (?:extra|second|double|duplicate)(?: one| charge| payment)?\b/i;

/**
 * Facts before actions: money given back is bounded by a charge or order this call's queries
 * found. No amount named → the verified one; more than was paid → what was paid (the caller is
 * offered that). Without a verified charge the request stays as asked (the engine decides it).
 */
function boundedByCharge(
  ctx: CallContext,
  given: ActionRequest,
  u: Understanding,
  line: string,
  /** The caller says, or points at, a charge taken twice (see `duplicatePointed`). */
  twiceSaid: boolean,
): ActionRequest {
  // "can I get the difference back": money back in words the lexicon has no name for.
  const request =
    given.concept === '' && MONEY_BACK_WORDS.test(given.text) ? { ...given, concept: 'refund' } : given;
  if (!MONEY_BACK_CONCEPTS.has(request.concept)) return given;
  // A deposit asked back (把我那个押金退了, my security deposit back) is money held, not a charge
  // paid: no charge bounds it, and the rule on deposits decides it in the caller's words.
  if (HELD_MONEY.test(request.text)) {
    const { quantity: _amount, ...asSaid } = request;
    return { ...asSaid, concept: '' };
  }
  // 扣了两次 / taken two times, the records showing one charge twice: what is given back is that
  // one charge (£19), whatever sum the caller made of it (near sixty pound).
  const twice = twiceSaid ? chargedTwice(ctx) : undefined;
  if (twice !== undefined && request.concept === 'refund') {
    const asked = request.quantity ?? u.quantities.find((q) => q.family === 'money');
    if (asked === undefined || asked.family !== 'money' || asked.value > twice.value)
      return { ...request, quantity: moneyOf(ctx, twice.value) };
  }
  // The records say what is due back (refund_due_rand: 70, refundable_yuan: 900): that, where the
  // caller named no sum or guessed one (like R140, 大概三百), never the whole charge it is part of.
  // A sum asked in full beyond it (80元要全退), or all of a sum said beyond it (我交了两千七，全部退给
  // 我), stays: the rules decide that request. Not where the records assessed the rest as not owed
  // (刹车片 and 补胎 charged as listed): what is owed is offered.
  const due = request.concept === 'refund' ? refundDue(ctx, request.text) : undefined;
  const allBeyond = due !== undefined && allOf(line) && bareSums(line).some((v) => v > due);
  if (due !== undefined && !(allBeyond && !notOwedAssessed(ctx.systemQueries))) {
    const asked = request.quantity ?? u.quantities.find((q) => q.family === 'money');
    const guessed = asked?.family === 'money' && asked.value > due && GUESSED_SUM.test(line);
    // 一共交了三千来块, the records giving 3350 back: a sum said roughly that holds what is due.
    const roughly =
      asked?.family === 'money' && asked.least !== undefined && asked.least <= due && due <= asked.value;
    // "I'm paying 219 a month … I want me money back for the visits you didn't do": a sum told
    // outside the request's own clause, above what is due, is what was paid, not what is asked back.
    const told =
      asked?.family === 'money' &&
      asked.value > due &&
      asked.start >= 0 &&
      (asked.start < request.start || asked.start >= request.end) &&
      PAID_BEFORE.test(line.slice(Math.max(0, asked.start - 30), asked.start));
    if (asked === undefined || asked.family !== 'money' || guessed || roughly || told)
      return { ...request, quantity: moneyOf(ctx, due) };
  }
  const inRange = amountMeant(ctx, request.quantity ?? u.quantities.find((q) => q.family === 'money'));
  if (inRange !== undefined) return { ...request, quantity: moneyOf(ctx, inRange) };
  const difference = differenceAsked(ctx, request, u);
  if (difference !== undefined) return difference;
  const paid = verifiedCharge(ctx, request.text);
  if (paid === undefined) return given;
  // 你先把一百六十八退给俺: the one sum a line says, without its unit, in the request's own clause,
  // is what is asked back, never the larger charge it is part of. Not 九百四十四就九百四十四…先给我退六百:
  // a part of a sum the line names (the charge bounds that request, and its rule decides it), nor
  // 那一千五百八你们要全部退给我: all of it asked, which the charges bound.
  const saidBare = request.quantity === undefined ? bareSum(request.text) : undefined;
  if (saidBare !== undefined && saidBare < paid && bareSum(line) === saidBare && !allOf(line))
    return { ...request, quantity: moneyOf(ctx, saidBare) };
  const asked = request.quantity ?? u.quantities.find((q) => q.family === 'money');
  // "thirty quid" for a fee of 30 the records of a product in dollars show: the number names
  // that charge, which is given back in the product's currency. Another amount in another
  // currency stays as said, for the engine, which compares no currencies.
  if (asked?.family === 'money' && asked.unit !== currencyOf(ctx.product) && asked.value === paid)
    return { ...request, quantity: moneyOf(ctx, paid) };
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

/**
 * The one number a clause says with no unit (一百六十八, 168), not a date, time, share, count or
 * ordinal (4月9号, 一半, 两个人, 第二次); undefined when there is none or more than one.
 */
function bareSum(clause: string): number | undefined {
  const sums = bareSums(clause);
  return sums.length === 1 ? sums[0] : undefined;
}

/** The numbers a clause says without a unit that may be sums (not dates, counts nor ordinals). */
function bareSums(clause: string): number[] {
  return [
    ...clause.matchAll(
      /(?<![第\d.\-/:一二两三四五六七八九十百千万零])(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千万零]{2,})(?![\d.\-/:一二两三四五六七八九十百千万零月日号年点%％折岁个次小天半人位份件块元钟分秒周])/g,
    ),
  ]
    .map((run) => parseNumber(run[0]) ?? 0)
    .filter((value) => value > 0);
}

/** Words that tell a sum as paid or charged: I'm paying, I paid, you charged me, dinged me, 交了, 扣了我, 收俺. */
const PAID_BEFORE =
  /(?:\b(?:pay|paying|payin'|paid|pays|charged?|charging|spent|spend|forked out|shelled out|dinged|billed|took|taken|debited|deducted|stung)\b[^,.;!?]{0,20}|(?:交|缴|付|扣|花|充|收(?!到))了?[^，。；！？,.;!?]{0,6})$/i;

/**
 * A sum said as a guess: like R140, about forty, 大概三百, 两百左右; or worked out by the caller
 * (照我算，起码多收我五百, by my reckoning, at least fifty), which the records' own check decides.
 */
const GUESSED_SUM =
  /\b(?:like|about|around|roughly|almost|nearly|more or less|or so|something like|give or take|at least|by my (?:count|reckoning|maths?|calculations?|sums))\b|-odd\b|大概|大约|差不多|左右|来块|多块|照我算|我算了?(?:一下|下)?|起码|至少|少说/i;

/** An amount of the product's currency that no one said (found in the records, or worked out). */
function moneyOf(ctx: CallContext, value: number): Quantity {
  const unit = currencyOf(ctx.product);
  return { value, family: 'money', unit, text: money(value, ctx.language, unit), start: -1, end: -1 };
}
