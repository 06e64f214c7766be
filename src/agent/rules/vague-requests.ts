import type { CallContext } from '../../call/call-agent.js';
import type { PermissionCategory } from '../../domain/record-schemas.js';
import { responseFields } from '../../domain/response-fields.js';
import { tokenize } from '../../knowledge/index.js';
import { type ActionRequest, ruleActions } from '../../permissions/index.js';
import { callerLines, callerWords, lastCallerLine } from './caller-words.js';
import { decideAhead, ruleSharingWords, rulesOf, withoutRuleNotes } from './product-rules.js';

// "Cancel the whole thing" / "I want all of it back" / 把它都取消了: a request whose object is only
// a pronoun. The engine cannot read what "it" is, and handed the sentence as said it decides no
// rule covers it: a supervisor ticket labelled with the caller's words. The call says what "it"
// is: the object of the product's own rule that the call's words are about.

/** Stopping something named only by a pronoun (cancel it, end the whole thing, 把它取消了, 都关了). */
const STOP_IT =
  /\b(?:cancel|stop|end|terminate|close|quit|turn off|switch off|shut off|get rid of)\s+(?:it|this|that|them|these|those|the whole thing|everything|all of it|it all|all of them|the lot)\b|(?:把)?(?:它|这个|那个|这些|那些|全部|整个)(?:都|全)?(?:给我)?(?:取消|关掉|关了|停掉|停了|注销|退订)|(?:都|全部|统统)(?:给我)?(?:取消|关掉|停掉|退订)/i;

/**
 * Money back for what was named only by a pronoun (I want all of it back, refund them, just stick
 * it back on the card, 都退给我).
 */
const MONEY_FOR_IT_BACK =
  /\b(?:stick|put|pop|send|throw|pay)\s+(?:it|them|that|those|the money|the lot|it all|all of it)\s+back\s+(?:on|onto|in|into|to)\s+(?:the|my|me|our)\s+(?:card|account|bank)\b|\b(?:want|get|give|have)\s+(?:me\s+)?(?:all of it|it all|all of that|it|them|that|those|everything|all of them|all of my money|all my money)\s+back\b|\brefund\s+(?:it|them|that|those|everything|all of it|it all|all of them)\b|(?:把)?(?:它|这个|那个|这些|那些|全部|这几笔|那几笔)(?:钱)?(?:都|全)?(?:给我)?退(?:给我|回来|了|掉)|(?:都|全部|统统)(?:给我)?退(?:给我|回来|了|掉)/i;

// Money said: an amount, a charge, a payment. "Is there any way to get those back?" after deleted
// photos asks for the photos; after a charge, for the money.
const MONEY_SAID =
  /[$¥€£]|\d\s*(?:元|块|美元|dollars?|bucks)|钱|费|扣|付款|支付|账单|收费|\b(?:charge[sd]?|charging|paid|pay|payments?|bill(?:ed|ing)?|fees?|money|refunds?|price|cost)\b/i;

/** Whether the line, or the caller's line before it, talks about money. */
function aboutMoney(ctx: CallContext, utterance: string): boolean {
  if (MONEY_SAID.test(utterance)) return true;
  const said = callerLines(ctx);
  // The line itself is the last one the call holds when the agent replies to it.
  const before = said.at(-1) === utterance ? said.at(-2) : said.at(-1);
  return before !== undefined && MONEY_SAID.test(before);
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
  if (BOOK_IT.test(utterance)) return bookingMeant(ctx, utterance);
  if (SEND_IT.test(utterance)) return sendingMeant(ctx, utterance);
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

// A day or a time said after the verb (订明朝下午两点到四点, 约这个礼拜六上午): when it is booked for,
// not what.
const WHEN_BOOKED =
  '(?:这个?|下个?|本)?(?:礼拜|星期|周)[一二三四五六日天末]?|明朝|明天|明早|明晚|明儿|后天|后儿|今天|今晚|今儿|大后天|\\d+\\s*[号日点]|[一二三四五六七八九十两]+[号点]|上午|下午|晚上|早上|中午';

/**
 * Booking asked with nothing said of what is booked: 帮我订一个, 给我报一个吧, 你帮我约一哈, 帮我订明朝
 * 下午两点到四点, 那就订这个吧, 我想约下个礼拜六, 咁约星期六朝早九点啦, 我约一下，下礼拜天上午, 能约明儿晚上八点吗,
 * 今儿能约上吗; book it, book me in, go ahead and book the earliest date you've got.
 * (帮我订一张去北京的票 names what is booked: that is read as said.)
 */
const BOOK_IT = new RegExp(
  `(?:帮|给)(?:我们|我|俺|咱们?)?(?:预约|预订|订|约|报)(?:一个|一哈|一下|个|上|一位)?(?:吧|嘛|哈|啊|呀|撒)?(?=$|[，,。！!？?～~\\s]|${WHEN_BOOKED})|(?:^|[，,。！!？?\\s])(?:我|俺)?(?:想|要|想要|能|能不能|可以)?(?:咁|那就|那|就)?(?:预约|约)(?:一下|一哈)?(?=${WHEN_BOOKED})|(?:${WHEN_BOOKED})(?:能|可以)(?:预约|约)(?:得)?上?(?=吗|么|不|没|[？?]|$)|(?:^|[，,。！!？?\\s])(?:我|俺)(?:想|要)?(?:预约|约|订)(?:一下|一哈)(?=$|[，,。！!？?～~\\s])|(?:就|那就|先)(?:订|约|报)(?:(?:这个|那个|它)(?:吧|嘛|哈)?(?=$|[，,。！!？?\\s])|(?=${WHEN_BOOKED}))|\\b(?:book|reserve)\\s+(?:it|that|this|one|them|those|mine|ours|(?:me|us)(?:\\s+in)?)(?=\\s*(?:$|[,.!?;\\-–—]|for\\s+(?:the\\s+)?(?:earliest|next|first|soonest|that|this|then|it|tomorrow|today|mon|tue|wed|thu|fri|sat|sun)|on\\s|at\\s|then\\b|please\\b))|\\bbook\\s+(?:the|your)\\s+(?:earliest|next|first|soonest)\\b`,
  'i',
);

/** A step undergone, said in the passive (被重复预订, 被取消): what happened, not what is asked. */
const PASSIVE_STEP = /被[\u4e00-\u9fff]{0,3}?(?:预约|预订|预定|订|约|取消|寄|邮)/;

/** A booking explained or looked up (向预约人本人说明预约、费用): what is told, no step that books. */
const TOLD_STEP = /(?:说明|解释|查询|查看|告知|告诉|透露|确认)[^，,；;]{0,8}?(?:预约|预订|报名)/;

/** A rule's verbs of booking, changing and cancelling, said without what they act on. */
const ONLY_VERBS = /预约|预订|改约|改期|取消|报名|约|订|办理|更改|修改|\/|\s/g;

/**
 * Something asked to be sent to the caller, named only as "it" or by what it is: can you post it
 * back to me, courier it to the hotel, 能寄给我吗, 给我原样寄回来 (not 已经寄回来了, a sending told).
 */
const SEND_IT =
  /\b(?:post|send|courier|ship|mail)\s+(?:it|them|that|those|it all|the lot|(?:the|my|her|his|our)\s+[a-z]+)\s+(?:back\s+)?(?:up\s+|over\s+|down\s+|out\s+)?(?:to\s+(?:me|us|my|our|the|her|him)\b|home\b)|(?:能不能|可不可以|能|可以|帮我|给我|麻烦|你们|就)(?:给我)?(?:原样|直接)?(?:寄|邮|快递)(?:回来|回去|过来|给我|到|回)|(?:寄|邮)(?:回来|过来|给我)(?:吗|不|好不好|行不行|吧|嘛|啊|撒)/i;

/** A limit in a rule's text: a bound, a time it must be done within, an amount it may not pass. */
const OWN_LIMIT =
  /[<>≤≥]|以内|以上|之内|不超过|超过|\d+\s*(?:天|日|个?工作日|小时)内|\b(?:within|up to|or more|or fewer|at least|no more than|at most|under|over)\b/i;

/** A rule's words that send something (顺丰到付寄回, post a found item to its owner). */
const SENDS = /寄|快递|\b(?:post|courier|send|ship|mail)\b/i;

/**
 * A rule's words that book something (预约参观样板房, 会议室预订, 线下联谊活动报名, book a slot, take a
 * booking, Booking family notices… as a rule opens); in English a verb, not the booking a rule
 * changes or cancels.
 */
const BOOKS =
  /预约|预订|报名|(?<![签合大契节制违公条改预])约(?![定束])|(?<![签改退修预])订(?![单阅购正])|\b(?:book|reserve|sign (?:up|on)|enrol|register|schedule)\b|^\s*(?:booking|reserving|taking bookings for)\b|\b(?:take|make)\s+(?:a\s+)?(?:new\s+)?booking\b/i;

/**
 * What a booking asked without its object books: of the product's rules, the part that books
 * something (会议室预订 of 会议室预订、改约、取消) whose words the call's lines share most; the only
 * such part when the call shares a character with it. None when the call does not tell.
 */
function bookingMeant(ctx: CallContext, utterance: string): RequestInContext | undefined {
  // The day and time asked for go with it (预约到店送修（这个礼拜六上午十点）): the caller hears them back,
  // and a notice is held against them. Said in the clause, or else in the line it is part of (这个
  // 礼拜六下午…你帮我约一哈), not a day gone (上礼拜六来过).
  const line = lastCallerLine(ctx) ?? '';
  const thing = [utterance, line].map(timeAsked).find((w) => w !== undefined);
  // A booking asked plainly for a day is the booking the operator may make, the only one there is;
  // the exceptions a supervisor or a process takes (加急预约, 20:00以后作业) are the engine's to find
  // from that day, not the guess's.
  // In English, "book mine for this Friday" of a product with one part that books: that part (its
  // words need not be said again; a Chinese caller's characters are read instead).
  const said = (part: PartSaid) => part.characters > 0 || ctx.language === 'en';
  const chosen = (
    stepMeant(
      ctx,
      utterance,
      BOOKS,
      (part) => said(part) || thing !== undefined,
      'can_approve_immediately',
    ) ?? stepMeant(ctx, utterance, BOOKS, said)
  )?.part;
  if (chosen === undefined) return undefined;
  const asked = withThing(chosen, thing, ctx.language);
  // The part is asked as the rule words it, and decided as the engine decides those words.
  const decided = decideAhead(ctx, asked);
  if (decided.rule === null || decided.status === 'forbidden') return undefined;
  return {
    concept: '',
    text: asked,
    start: 0,
    end: utterance.length,
    ...(thing === undefined ? {} : { thing }),
  };
}

/** How much of a rule's part the call said: its words, or (Chinese) its characters. */
interface PartSaid {
  words: number;
  characters: number;
  /** How many of its own characters the caller said. */
  charactersSaid: number;
}

/**
 * The part of the product's rules that does `step` (books, sends) which the call means: the one
 * whose words the call's lines share most, else (Chinese) whose characters they hold most, else
 * the only such part when `onlyOne` accepts it. With the rule it is part of, as written.
 */
function stepMeant(
  ctx: CallContext,
  utterance: string,
  step: RegExp,
  onlyOne: (part: PartSaid) => boolean,
  /** Only the rules of this category (else any but forbidden). */
  category?: PermissionCategory,
): { part: string; rule: string } | undefined {
  const said = wordsOfCall(ctx, utterance);
  const lines = callerLines(ctx).join('');
  const parts = new Map<string, PartSaid & { rule: string }>();
  for (const rule of ruleActions(rulesOf(ctx))) {
    if (rule.category === 'forbidden' || (category !== undefined && rule.category !== category)) continue;
    const phrase = withoutRuleNotes(rule.phrase);
    const pieces =
      ctx.language === 'zh'
        ? phrase.split(/[，,；;：:]/).flatMap((c) => partsOfClause(c, step))
        : phrase.split(/[;:]|\.(?=\s|$)/);
    for (const piece of pieces.map((p) => p.trim())) {
      // 距预约开始2小时以上: the booking made, named in a condition, is no part that books; nor
      // 会议室被重复预订, what befell one (a service failure).
      if (
        !step.test(piece) ||
        /^(?:距|离)/.test(piece) ||
        PASSIVE_STEP.test(piece) ||
        TOLD_STEP.test(piece) ||
        parts.has(piece)
      )
        continue;
      // A rule read in variants (…Special Delivery, …Special Delivery for): its part once, the shorter.
      const variant = [...parts].find(
        ([known, p]) => p.rule === rule.text && (known.startsWith(piece) || piece.startsWith(known)),
      );
      if (variant !== undefined) {
        if (variant[0].length <= piece.length) continue;
        parts.delete(variant[0]);
      }
      const own = [...new Set(piece.replace(ONLY_VERBS, '').replace(/[^\u4e00-\u9fff]/g, ''))];
      const charactersSaid = own.filter((c) => lines.includes(c)).length;
      parts.set(piece, {
        rule: rule.text,
        words: tokenize(piece).filter((t) => said.has(t)).length,
        // 测个听力 against 测听: the caller's characters, where no word of the part was said.
        characters: own.length === 0 ? 0 : charactersSaid / own.length,
        charactersSaid,
      });
    }
  }
  const part =
    unique([...parts], (p) => p.words, 1) ??
    // Of the parts whose characters the caller said half or more, the one they said most of:
    // 预约到店送修 (到, 店, 修) over 约到店, a piece of another rule's clause.
    unique([...parts], (p) => (p.characters >= 0.5 ? p.charactersSaid : 0), 1) ??
    (parts.size === 1 && onlyOne([...parts.values()][0]!) ? [...parts.keys()][0] : undefined);
  return part === undefined ? undefined : { part, rule: parts.get(part)!.rule };
}

/**
 * What "send it back to me" sends: the product's rule that posts or couriers something (a found
 * item to its owner), asked in that rule's words; the only such rule without more said.
 */
function sendingMeant(ctx: CallContext, utterance: string): RequestInContext | undefined {
  const meant = stepMeant(ctx, utterance, SENDS, () => true);
  // A rule that sends only within a limit (30天内免费寄回, within 14 days) is asked in its own words
  // only when nothing limits it: its text would meet its own limit, unchecked.
  if (meant === undefined || OWN_LIMIT.test(meant.rule)) return undefined;
  // Asked as the rule is written (with its price: …Special Delivery for GBP 12), decided as that.
  const decided = decideAhead(ctx, meant.rule);
  if (decided.rule === null || decided.status === 'forbidden') return undefined;
  return { concept: '', text: meant.rule, start: 0, end: utterance.length };
}

/** The first day or time said for what is to come (明朝下午两点到四点), if any. */
export function timeAsked(text: string): string | undefined {
  // 礼拜六俺闺女回来，改成礼拜天下午吧: the time it is moved to, not the one it is moved from.
  const moved = MOVED_TO.exec(text);
  if (moved !== null) {
    const to = timeAsked(text.slice(moved.index + moved[0].length));
    if (to !== undefined) return to;
  }
  const when = new RegExp(
    `(?<![上昨前去个])(?:${WHEN_BOOKED}|[\\d一二三四五六七八九十两]+点(?:半|钟)?)(?:${WHEN_BOOKED}|[\\d一二三四五六七八九十两]+点(?:半|钟)?|到|左右)*`,
  ).exec(text)?.[0];
  return when !== undefined && when.length > 1 ? when : undefined;
}

/** Where a booking is moved to (改成, 改到, 换到, 挪到, 推到, 调到). */
const MOVED_TO = /(?:改成|改到|改在|换成|换到|挪到|推到|调到|约到)/;

/**
 * A clause of a Chinese rule in its parts: 会议室预订、改约、取消 → 会议室预订, 改约, 取消. A list of
 * verbs shares its object (预约、改约、取消测听/验配 → 预约测听, 预约验配): the booking verb is said
 * with each of its objects.
 */
function partsOfClause(clause: string, step: RegExp): string[] {
  const items = clause.split(/、|和|及|或/).map((i) => i.trim());
  const verbs = items.filter((i) => i.replace(ONLY_VERBS, '') === '');
  // 会议室预订、改约、取消: the first names the thing, the verbs after it act on it too.
  if (verbs.length === 0 || !verbs.includes(items[0]!)) return items.filter((i) => !verbs.includes(i));
  const booking = verbs.find((v) => step.test(v));
  if (booking === undefined) return [];
  const object = (items.at(-1) ?? '').replace(new RegExp(`^(?:${ONLY_VERBS.source})+`), '');
  return object === '' ? [] : object.split('/').map((o) => `${booking}${o.trim()}`);
}

/** The part that alone scores highest, at least `least`; none on a tie. */
function unique<T>(parts: [string, T][], score: (part: T) => number, least: number): string | undefined {
  const sorted = [...parts].sort((a, b) => score(b[1]) - score(a[1]));
  const [best, next] = sorted;
  if (!best || score(best[1]) < least || (next && score(next[1]) === score(best[1]))) return undefined;
  return best[0];
}

/** What the call is about, said before this line (which has only the verb and the pronoun). */
function wordsOfCall(ctx: CallContext, utterance: string): Set<string> {
  const own = new Set(tokenize(utterance));
  return new Set(
    tokenize(
      [
        ...callerLines(ctx),
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
