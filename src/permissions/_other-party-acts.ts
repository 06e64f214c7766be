/**
 * How a caller reaches someone else's data without calling it theirs: asking for them (托我问,
 * 他让我帮他问, asked me to check, on her behalf), handing them an account (把会员转给我弟, hand my
 * membership over to my brother), paying with their means (用她的, use hers) and asking after what
 * they do (what times he usually checks in, what she got on the quiz). For `findOtherParty`; the
 * Chinese "what they do" sits with its people scan, which knows names from words.
 */
import * as G from './_char-gates.js';
import * as W from './_other-party-words.js';

/** A stretch of the normalised text that shows an act for or about someone else. */
export interface ActHit {
  start: number;
  end: number;
}

/** An act's expression and the cheap test that must pass before it is worth running. */
interface Act {
  gate: RegExp;
  re: RegExp;
}

interface ActMatchers {
  /** Any act's gate: without one, there is nothing to scan. */
  hint: RegExp;
  /** A person in a match other than 他/她/he/she. */
  namesPerson: RegExp;
  behalfZh: Act;
  behalfDataZh: RegExp;
  errandZh: Act;
  errandDataZh: RegExp;
  transferZh: Act;
  giveZh: Act;
  transferableZh: RegExp;
  payZh: Act;
  behalfEn: Act;
  behalfDataEn: RegExp;
  transferEn: Act;
  transferableEn: RegExp;
  payEn: Act;
  mailEn: Act;
  activityEn: Act[];
}

let matchers: ActMatchers | undefined;

/** Builds the expressions on first use (no work at module load). */
function compiled(): ActMatchers {
  if (matchers) return matchers;
  const people = W.alternatives(W.PEOPLE_ZH);
  // Who an act is for: someone around the caller, or 他/她 (whom `namesPerson` tells apart).
  const personZh = `(?:(?:我的?)?(?:${people})|${W.PRONOUN_ZH})`;
  // What a person word may start with, for the gate (我妈 -> 妈, 同事 -> 同).
  const firsts = [...new Set(W.PEOPLE_ZH.map((w) => w.replace(/^我/, '')[0]))].join('');
  const stop = '[^,.!?;:、\\n]';
  const othersEn = `${W.PEOPLE_EN}|someone else|somebody else|another (?:person|user|member|customer|account holder)`;
  const personEn = `(?:${W.PEOPLE_EN}|he|she)`;
  const subjectEn = `(?:${W.PEOPLE_EN}|he|she|(?<name>[a-z]{2,16}))`;
  const targetEn = `(?:${othersEn}|him|her)`;
  const act = (gate: RegExp, source: string, flags = 'g'): Act => ({ gate, re: new RegExp(source, flags) });
  // done, booked: asked without its auxiliary (She done one for this Friday?).
  const whEn = /\b(?:what|when|where|how|which|did|has|does|done|booked)\b/;
  // Someone else's money sent, asked after (did my brother send her money, if his money reached her).
  const sentEn = /\b(?:send|sent|pay|paid|transfer\w*|wire[ds]?|money)\b/;
  const m: Omit<ActMatchers, 'hint'> = {
    namesPerson: new RegExp(`${people}|\\b(?:${othersEn})\\b`),
    // 他让我帮他问 / 我朋友托我查 (someone asks the caller), or 帮他查 / 替我妈办 (the caller acts for them).
    behalfZh: act(
      new RegExp(`托我|[让叫要请]我|[帮替代给](?:我的?)?(?:[${firsts}]|他|她|伊|ta)`),
      `${personZh}${stop}{0,8}?(?:托|委托|拜托|让|叫|要|请)我(?:打个?电话|来|过来)?(?:帮|替|给)?(?:他|她|伊|ta|忙)?(?:一下|下)?${W.BEHALF_VERBS_ZH}|(?:帮|替|代|给)${personZh}(?:也|一起)?(?:一下|下)?${W.BEHALF_VERBS_ZH}`,
    ),
    behalfDataZh: new RegExp(W.BEHALF_DATA_ZH, 'g'),
    // 隔壁阿婆托我帮她去拿衣服 … 取件码: collecting someone's thing is theirs to allow; its code is
    // their data (the errand alone, 帮我妈取快递, asks for nothing of theirs).
    errandZh: act(
      // The gate of acting for someone (behalfZh), which the text's hint already holds.
      new RegExp(`托我|[让叫要请]我|[帮替代给](?:我的?)?(?:[${firsts}]|他|她|伊|ta)`),
      `${personZh}${stop}{0,8}?(?:托|委托|拜托|让|叫|要|请)我(?:帮|替|给)?(?:他|她|伊|ta|忙)?(?:一下|下)?(?:去|来)?(?:拿|取|领)|(?:帮|替|代|给)${personZh}(?:一下|下)?(?:去|来)?(?:拿|取|领)`,
    ),
    errandDataZh: /(?:取件|取货|提货|取衣|取餐|寄存)码|取件单|洗衣单|小票|单号/g,
    transferZh: act(
      /转[给到让移赠]|过户|过给|让给|移[给到]|挪[给到]/,
      `(?<verb>${W.TRANSFER_VERBS_ZH})${personZh}`,
    ),
    giveZh: act(/把/, `把${stop}{0,10}?${W.TRANSFERABLE_ZH}${stop}{0,6}?${W.GIVE_VERBS_ZH}${personZh}`),
    transferableZh: new RegExp(W.TRANSFERABLE_ZH),
    // 我室友说可以用她的: paying with what is someone else's.
    payZh: act(
      /用[^,.!?;:、]{0,4}的/,
      `用${personZh}(?:的|那张的?|这张的?)(?=$|[,.!?;:、\\s]|付|支付|交|扣|还|绑|充|买|吧|呗|行|可以|就|也)`,
    ),
    behalfEn: act(
      /\bbehalf\b|\bme to\b|\bfor (?:my|our|him|her|a|someone|somebody|another|this|that|some|the|mr|mrs|ms|miss|mister|dr)\b/,
      [
        `\\bon (?:his|her|their) behalf\\b`,
        `\\bon behalf of (?!(?:me|myself|us|ourselves|(?:my|our|the) (?:company|business|firm|team|organi[sz]ation))\\b)`,
        `\\b${personEn}\\b${stop}{0,30}?\\b(?:asked|asks|told|tells|wants|wanted|needs|needed|begged|got) me to (?:check|ask|find out|look up|look into|see|call|get|pull up|confirm)\\b`,
        // Deirdre Fitzgerald asked me to check: someone named, right before the errand.
        `\\b(?!(?:you|they|it|that|this|which|who|i|we|he|she|and|so|but|just|also)\\b)[a-z]{2,16},?\\s+(?:asked|asks|wants|wanted|begged) me to (?:check|ask|find out|look up|look into|see|confirm)\\b`,
        // check the bill for my dad; not the order I placed for my mom (bought for, the caller's own).
        `\\b(?:check|checking|ask|asking|call|calling|look|looking|find out|pull up)\\b(?:(?!\\b(?:bought|ordered|placed|booked|got|purchased|paid|sent|made)\\b)${stop}){0,30}?\\bfor ${targetEn}(?! and (?:me|i|myself|us)\\b)`,
      ].join('|'),
    ),
    behalfDataEn: new RegExp(`\\b${W.BEHALF_DATA_EN}\\b`, 'g'),
    transferEn: act(
      new RegExp(`\\b${W.TRANSFER_VERBS_EN}\\b|\\btakes? over\\b|\\blet\\b`),
      [
        `\\b${W.TRANSFER_VERBS_EN}\\b(?!\\s+(?:me|us)\\b)${stop}{0,40}?\\b(?:over )?(?:to|under|into|onto) ${targetEn}`,
        // the buyers have got little kids … just hand my months over to them: "them" of people
        // named before, in the same line.
        `(?<=\\b(?:${othersEn})\\b[^\\n]{0,160}?)\\b${W.TRANSFER_VERBS_EN}\\b${stop}{0,40}?\\b(?:over )?to them\\b`,
        `\\b${personEn}\\s+(?:(?:could|can|would|will|to|should|might)\\s+)?takes? over\\b`,
        `\\blet ${targetEn} (?:have|take) (?:my|our|the|it|this)\\b`,
      ].join('|'),
    ),
    transferableEn: new RegExp(`\\b${W.TRANSFERABLE_EN}\\b`),
    payEn: act(
      /\b(?:hers|his|theirs)\b/,
      '\\b(?:use|using|pay with|paying with|charge it to|charge to|put)\\s+(?:hers|his|theirs)\\b',
    ),
    // Someone else's mail handed to the caller: a box waiting for my boss … let me take it; she's
    // got mail at the desk, release it to me. Across commas: the thing and the handing are often
    // said apart.
    mailEn: act(
      new RegExp(`\\b${MAIL_EN}\\b`),
      [
        `\\b${MAIL_EN}\\b[^.!?;\\n]{0,40}?\\b(?:for|addressed to|under the name of) ${targetEn}\\b[^.!?;\\n]{0,60}?${HAND_OVER_EN}`,
        `\\b${personEn}(?:'s)?\\b[^.!?;\\n]{0,40}?\\b${MAIL_EN}\\b[^.!?\\n]{0,60}?${HAND_OVER_EN}`,
      ].join('|'),
    ),
    // One expression per question, each with its own `name` group (a capitalised word: James).
    activityEn: [
      // what times he usually checks in / when did my wife last log in
      `\\b(?:what times?|when|how often|which days?|what days?|how many times|what hours?)(?: (?:does|do|did|is|was|has|have|will))? ${subjectEn}(?:'s| has| have| is| was)?(?: (?:usually|normally|always|typically|generally|often|regularly|ever|still|last|first))? (?:check(?:s|ed)? in|com(?:e|es|ing) in|came in|show(?:s|ed)? up|work(?:s|ed)? out|train(?:s|ed)?|swipe(?:s|d)? in|leaves|left|visit(?:s|ed)?|log(?:s|ged)? in|sign(?:s|ed)? in|rides|rode|book(?:s|ed)?|attend(?:s|ed)?|goes|went)\\b`,
      // where she's been going / where does my ex live
      `\\bwhere(?: (?:does|do|did|is|was|has))? ${subjectEn}(?:'s| has| had| is| was)?(?: been)?(?: (?:usually|normally|always|often|still|now|lately|recently))? (?:go|goes|going|went|gone|ride|rides|riding|rode|travel\\w*|stay|stays|staying|stayed|live|lives|living|lived|work|works|working|hang(?:s|ing)? out|sit|sits|sitting|seated|charg(?:e|es|ed|ing)|park(?:s|ed|ing)?)\\b`,
      // what hotel the band is staying at / what time they come out the back (with the band named)
      `\\b(?:what|which) (?:hotel|time|flight|train)\\b[^.!?;\\n]{0,12}? ${subjectEn}(?:'re|re|'s| are| is| will| do| does)? (?:be )?(?:staying|stay|stays|arriv\\w*|leav\\w*|land\\w*|fly\\w*|com(?:e|es|ing) out|check\\w* in)\\b`,
      // what she got on the quiz / how did my son do in the exam / did he pass
      // what she's actually getting (from her panels), how much is he paying
      // how much does she still have to pay / how much does my sister still owe
      // how much does my neighbour at number 12 owe / what does my neighbour's system generate
      // how many bags of cement she paid for / how much money she sent you
      `\\b(?:what|how much(?: money| cash)?|how many(?: points| [a-z-]+(?: of [a-z-]+)?)?|which grade)(?:'s| is| are| was)?(?: (?:did|does|do|has|have))? ${subjectEn}(?: (?:at|in|on|from) (?:no\\.? |number |flat |unit |house )?[a-z0-9-]+| next door| (?:up|down)stairs)?(?:'s(?: [a-z-]+){1,2}|'s| is| are)?(?: ${ADVERB_EN})?(?: (?:have|has|need|needs|got) to)? (?:get|got|gets|getting|score|scored|scores|make|made|making|earn|earned|earning|pay|paying|paid|send|sent|sending|transferred|owe|owes|owed|bought|ordered|generat(?:e|es|ing)|produc(?:e|es|ing))\\b`,
      // does he even have an order with you / has she got an account here
      `\\b(?:does|did|has)\\s+${subjectEn}(?: ${ADVERB_EN})? (?:have|had|got) (?:an?|any) (?:[a-z-]+ )?(?:orders?|accounts?|bookings?|deliver(?:y|ies))\\b`,
      // when is hers due back / when's my sister's carpet cleaner due
      `\\bwhen(?:'s| is| are| was| were)\\s+(?:hers|his|theirs|(?:her|his|their|${W.PEOPLE_EN}'s)(?:\\s+[a-z-]+){1,3}?)\\s+due\\b`,
      `\\bhow (?:did|does|is|was|has) ${subjectEn} (?:do|did|done|doing|perform|performed|performing) (?:on|in)\\b`,
      `\\b(?:did|has|does) ${subjectEn} pass(?:ed)?\\b`,
      // She done one for this Friday? (has she done one): what someone booked, asked without its
      // auxiliary.
      `\\b${subjectEn} (?:done|booked|put in|placed) (?:one|it|a (?:notice|booking|advert|ad))\\b[^.!;\\n]{0,30}?\\?`,
      // which rooms my coworker Jess has booked / has my roommate gotten any packages lately
      `\\b(?:what|which)\\b[^.!?;\\n]{0,30}?\\b${personEn}(?: [a-z]{2,16})?(?:'s| has| had| is| was)?(?: been)? (?:book(?:s|ed|ing)?|reserv(?:es|ed|ing)|got(?:ten)?|receiv(?:es|ed|ing))\\b`,
      `\\b(?:has|have|did|does|is)\\b ${personEn}(?: [a-z]{2,16})? (?:gotten|got|get|received|receive|had|booked|reserved)\\b[^.!?;\\n]{0,20}?\\b(?:${MAIL_EN}|rooms?|desks?|bookings?|reservations?)\\b`,
      // my sister-in-law Michelle has a party booked … is it the Sky one she went for?
      `\\b${personEn}(?: [a-z]{2,16})? (?:has|had|'s got|got) (?:a|an|the|her|his|their) (?:[a-z-]+ ){0,2}?(?:party|pass|session|booking|reservation|appointment|membership|lesson|class)(?: booked)?\\b[^?\\n]{0,80}?\\b(?:is it|which|what|when|did (?:she|he|they))\\b[^?\\n]{0,60}\\?`,
      // what she's been watching / what my husband ordered
      // what she's actually been putting on there / what my husband uploaded
      // what's he after hiring (Irish: what has he hired) / what did my ex hire
      `\\bwhat(?:'s| (?:did|does|has|is|was))? ${subjectEn}(?:'s| has| is| was)?(?: ${ADVERB_EN})?(?: been)?(?: ${ADVERB_EN})? (?:watch(?:es|ed|ing)?|buy(?:s|ing)?|bought|order(?:s|ed|ing)?|hir(?:e|es|ed|ing)|rent(?:s|ed|ing)?|borrow(?:s|ed|ing)?|listen(?:s|ed|ing)? to|search(?:es|ed|ing)? for|read(?:s|ing)?|play(?:s|ed|ing)?|upload(?:s|ed|ing)?|post(?:s|ed|ing)?|put(?:s|ting)? (?:on|up)|shar(?:e|es|ed|ing)|sav(?:e|es|ed|ing)|stor(?:e|es|ed|ing)|back(?:s|ed|ing)? up|charg(?:e|es|ed|ing))\\b`,
      // where did you deliver my ex's digger / where did you take her parcel
      `\\b(?:what|which|where)\\b[^.!?;\\n]{0,24}?\\b${CARRIED_EN}\\b (?:${W.PEOPLE_EN}'s|his|her|their)\\b`,
      // what address did ye deliver to for him / where was it sent for my brother
      `\\b(?:what|which|where)\\b[^.!?;\\n]{0,24}?\\b(?:${CARRIED_EN}|drop(?:ped)? (?:it |them )?off)\\b(?: (?:it|them))?(?: to)?[^.!?;\\n]{0,12}?\\bfor ${targetEn}\\b`,
      // what time does hers get in / what time he's back
      `\\bwhat time\\b[^.!?;\\n]{0,6}?\\b(?:hers|his|theirs|he|she|they)(?:'s| is| are| does| will)?\\s+(?:get(?:s|ting)? in|arriv\\w*|leav\\w*|land\\w*|depart\\w*|com(?:e|es|ing) (?:in|back)|back)\\b`,
    ]
      .map((source) => act(whEn, source, 'dg'))
      .concat(
        [
          // did my brother send her money / has my husband paid yet / whether his money reached her.
          `\\b(?:did|has|have|does|if|whether)\\s+${subjectEn}(?: [a-z]{2,16})?(?: (?:really|actually|already|ever))? (?:send|sent|transfer(?:red)?|wire[ds]?|pa(?:y|id)|top(?:ped)? up)\\b`,
          `\\b(?:did|has|if|whether)\\s+(?:his|her|their|${W.PEOPLE_EN}'s) (?:money|transfer|payment|remittance)s? (?:reach(?:ed)?|arriv(?:e|ed)|got to|come through|came through|go through|went through)\\b`,
          // my brother says he sent her money last week … can you see it?
          `\\b${personEn}(?: [a-z]{2,16})?(?: says| said| told me)? (?:he|she|they)(?:'s| has| have)? (?:sent|paid|transferred|wired)\\b[^?\\n]{0,80}?\\b(?:can|could) you (?:see|check|look|find|confirm|tell)\\b`,
        ].map((source) => act(sentEn, source, 'dg')),
      )
      // is she still going (on the camp she booked): whether someone else is still booked; not is
      // he still coming, of the worker who is to come to the caller.
      .concat(
        act(
          /\bstill\b/,
          '\\b(?:is|are)\\s+(?:she|he|they)\\s+still\\s+(?:going|booked|(?:coming\\s+)?(?:on|to) (?:it|the \\w+))\\b',
          'dg',
        ),
      ),
  };
  const zh = [m.behalfZh, m.transferZh, m.giveZh, m.payZh].map((a) => a.gate.source).join('|');
  const en = [
    ...new Set([m.behalfEn, m.transferEn, m.payEn, m.mailEn, ...m.activityEn].map((a) => a.gate.source)),
  ].join('|');
  const hint = new RegExp(`${zh}|${en}`);
  matchers = { ...m, hint };
  return matchers;
}

/** Mail and what comes with it, kept for a member at a desk. */
const MAIL_EN = '(?:mail|post|packages?|parcels?|box(?:es)?|letters?|deliver(?:y|ies))';
/** The caller taking it, or asking for it to be given to them. */
const HAND_OVER_EN =
  "\\b(?:let me (?:take|have|grab|pick up|collect)|(?:release|give|hand)(?: it| them| that| those)?(?: over)? to me|i(?:'ll| will| can| could)? (?:take|pick (?:it|them) up|collect|grab) (?:it|them)\\b)";

/** Carried somewhere for someone: delivered, sent, shipped, taken, brought. */
const CARRIED_EN = '(?:deliver(?:ed|s)?|sen[dt]|ship(?:ped)?|take|took|bring|brought)';

// Said between a person and what they do (what she's actually been putting on there).
// after: Irish English's perfect (he's after hiring a digger: he has hired one).
const ADVERB_EN = '(?:actually|really|even|ever|just|all|recently|lately|secretly|after|still)';

/** Handing over, done: transferred, gave, handed, passed, moved, sent, sold. */
const PAST_HANDING =
  /^(?:transferred|gave|handed|passed|moved|sent|sold|gifted|switched|assigned|reassigned)\b/;
/** The caller telling of what they did: I (already, just) … */
export const CALLER_TELLS_EN = String.raw`\b(?:i|we)\s+(?:already\s+|just\s+|recently\s+|accidentally\s+)?`;
const TOLD_BY_CALLER = new RegExp(`${CALLER_TELLS_EN}$`);

// Words that stand where a name would (when does it, what did you get): never a third person.
const NOT_SUBJECTS_EN =
  /^(?:i|you|we|they|it|this|that|there|my|your|our|the|a|an|he|she|his|her|them|us|me|everyone|anyone|someone|somebody|nobody)$/;

/** True when the text may hold an act for or about someone else (a cheap test before the scan). */
export function mayHoldActs(norm: string): boolean {
  return compiled().hint.test(norm);
}

/**
 * Data the caller asks after for someone, anywhere in the text: a thing not marked as the
 * caller's or the shop's (我的账单, 你们的套餐, my bill, your plans).
 */
function asksTheirData(norm: string, from: number, data: RegExp, notTheirs: RegExp): ActHit | undefined {
  let before: ActHit | undefined;
  data.lastIndex = 0;
  for (let d = data.exec(norm); d !== null; d = data.exec(norm)) {
    if (notTheirs.test(norm.slice(Math.max(0, d.index - 12), d.index))) continue;
    const hit = { start: d.index, end: d.index + d[0].length };
    // What follows the request is what it asks after (他让我帮他问一下这个月账单); else what came before.
    if (d.index >= from) return hit;
    before ??= hit;
  }
  return before;
}

/**
 * Every act in the text for or about someone other than the caller. 他/她/he/she in a text that
 * names someone serving the caller (司机, 师傅, the driver) are taken to be them and not counted.
 * `gates`: the text's character gates (see `_char-gates.ts`).
 */
export function scanActs(norm: string, raw: string, gates: number): ActHit[] {
  const m = compiled();
  const hits: ActHit[] = [];
  const cjk = (gates & G.CJK) !== 0;
  const latin = (gates & G.LATIN) !== 0;
  const servedZh = cjk && W.SERVICE_PEOPLE_ZH.test(norm);
  const servedEn = latin && W.SERVICE_PEOPLE_EN.test(norm);
  const each = (a: Act, served: boolean, keep: (r: RegExpExecArray) => ActHit | undefined): void => {
    if (!a.gate.test(norm)) return;
    a.re.lastIndex = 0;
    for (let r = a.re.exec(norm); r !== null; r = a.re.exec(norm)) {
      if (served && !m.namesPerson.test(r[0])) continue;
      const hit = keep(r);
      if (hit) hits.push(hit);
    }
  };
  const span = (r: RegExpExecArray): ActHit => ({ start: r.index, end: r.index + r[0].length });
  // Acting for someone counts when their data is asked after (帮他问一下你们几点关门 is no one's data).
  const withData =
    (data: RegExp, notTheirs: RegExp) =>
    (r: RegExpExecArray): ActHit | undefined => {
      const d = asksTheirData(norm, r.index, data, notTheirs);
      return d && { start: Math.min(r.index, d.start), end: Math.max(r.index + r[0].length, d.end) };
    };
  if (cjk) {
    each(m.behalfZh, servedZh, withData(m.behalfDataZh, W.NOT_THEIRS_BEFORE_ZH));
    each(m.errandZh, servedZh, withData(m.errandDataZh, W.NOT_THEIRS_BEFORE_ZH));
    // 过户 hands over whatever it names; the other verbs need a thing that can be handed over.
    const transferable = m.transferableZh.test(norm);
    each(m.transferZh, servedZh, (r) =>
      transferable || r.groups!.verb!.startsWith('过户') ? span(r) : undefined,
    );
    each(m.giveZh, servedZh, span);
    each(m.payZh, servedZh, span);
  }
  if (latin) {
    each(m.behalfEn, servedEn, withData(m.behalfDataEn, W.NOT_THEIRS_BEFORE_EN));
    // Not what the caller tells of having done through the product (I sent a gift card to my
    // niece yesterday and it has not arrived): what is asked for, or done for someone.
    if (m.transferableEn.test(norm))
      each(m.transferEn, servedEn, (r) =>
        PAST_HANDING.test(r[0]) && TOLD_BY_CALLER.test(norm.slice(0, r.index)) ? undefined : span(r),
      );
    each(m.payEn, false, span);
    each(m.mailEn, false, span);
    for (const a of m.activityEn) {
      each(a, servedEn, (r) => {
        // A name is written with a capital (when does James check in); a word is not (when does it).
        const at = r.indices?.groups?.name?.[0];
        if (at === undefined) return span(r);
        const name = r.groups!.name!;
        // "they" after the band was named is the band (what hotel theyre staying at).
        if (/^they(?:re)?$/.test(name) && W.PERFORMERS_EN.test(norm)) return span(r);
        return /[A-Z]/.test(raw[at] ?? '') && !W.NOT_NAMES_EN.has(name) && !NOT_SUBJECTS_EN.test(name)
          ? span(r)
          : undefined;
      });
    }
  }
  return hits;
}
