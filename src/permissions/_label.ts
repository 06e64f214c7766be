/**
 * Normalised action labels: what a ticket, a review or an agent calls a request, built from the
 * product's rule phrase and the request's own amount (临时扩容30GB, 退款30元, 恢复回收站文件),
 * never the caller's whole sentence.
 */
import { hasCjk } from '../domain/language.js';
import { type ConceptDef, detectConcepts } from './_lexicon.js';
import { amountIn } from './_reasons.js';
import { familyOf, NOTE_DASH, THINGS_BOOKED, toBase } from './_rule.js';
import type { CompiledRule } from './compile-rules.js';
import type { Quantity } from './parse-quantities.js';
import { ROUTED_ZH } from './rule-approver.js';

type Amount = { value: number; unit: Quantity['unit'] };

function join(phrase: string, amount: Amount | undefined, lang: 'zh' | 'en'): string {
  if (!amount) return phrase;
  const said = amountIn(amount.value, amount.unit, lang);
  if (phrase === '') return said;
  return lang === 'zh' ? `${phrase}${said}` : `${phrase} ${said}`;
}

// Politeness and fillers around a request no rule or lexicon action names.
const LEAD =
  /^(?:(?:你好|您好|喂|嗯|那个|就是|麻烦你?|请你?|请|(?:你|您)?帮我|帮忙|(?:你|您)?给我|替我|我要|我想要?|我需要|能不能|可不可以|可以|能否|please|can you|could you|would you|i want to|i'd like to|i need to|i want)[\s,，]*)+/i;
const TRAIL =
  /(?:[\s,，。.!！?？~～]|吧|啊|呀|呢|哈|嘛|行不行|可以吗|好吗|行吗|谢谢|please|thanks|thank you)+$/i;

const ruleLanguages = new WeakMap<CompiledRule, 'zh' | 'en'>();

/** The language the rule is written in (read once per rule). */
function languageOf(rule: CompiledRule): 'zh' | 'en' {
  let lang = ruleLanguages.get(rule);
  if (lang === undefined) {
    lang = hasCjk(rule.text) ? 'zh' : 'en';
    ruleLanguages.set(rule, lang);
  }
  return lang;
}

/** 半个月 against a rule in days is 15天; money stays in its currency (no rate is known). */
function inUnitOf(amount: Amount, unit: Quantity['unit'] | undefined): Amount {
  if (!unit || unit === amount.unit || familyOf(unit) !== familyOf(amount.unit) || familyOf(unit) === 'money')
    return amount;
  const value = Math.round((toBase(amount.value, amount.unit) / toBase(1, unit)) * 100) / 100;
  return { value, unit };
}

/**
 * The label of one decided request. `rule` is the rule that decided it (its phrase names the
 * action in the product's words; a quantity the rule names as part of the action, 免费改签一次,
 * stays in it); without one, the lexicon's name of the action, else the request's own words
 * without fillers.
 */
export function actionLabel(input: {
  rule: CompiledRule | undefined;
  concept: ConceptDef | undefined;
  amount: Amount | undefined;
  text: string;
  lang: 'zh' | 'en';
}): string {
  const { rule, concept, amount } = input;
  if (rule) {
    const lang = languageOf(rule);
    // A variant read with its note cut short ("closing the account (id check") is named without
    // the note. Phrases are normalised to half-width brackets.
    // 补偿学时，或同一科目第二次补偿: the action is named before the other case a rule adds.
    // "Any refund outside the rules - a plan payment after…": what follows a spaced dash in a rule
    // that does not approve is its note for the operator, no name of what is asked. An approval's
    // terms after it (- 25% deposit at booking) are read back with what was done.
    // 按规则退款…的整笔，不得拆成小额先退: what the operator must not do is no name of what is asked.
    const whole = rule.phrase
      .replace(/\s*\([^)]*$/, '')
      .replace(/\s*[,;]\s*(?:或者?|\bor\b)[\s\S]*$/, '')
      .replace(/\s*[,，]\s*不(?:得|能|可|要|予|拆|许|准)[\s\S]*$/, '')
      // …整笔交主管批；客人说先退一部分也不行: nor what is refused however the caller asks.
      .replace(/\s*[;；]\s*(?:客人|客户|顾客|用户|来电人|对方)(?:说|要|要求|提出|坚持|想)[\s\S]*$/, '')
      .replace(/\s+(?=的)/, '')
      // 退款每次合计超过300元的整笔报主管: where the request goes is no name of what is asked.
      .replace(ROUTED_ZH, '')
      // 补发、退还每次合计超过200元的 read as 退还的: the particle the limit left ends no name.
      .replace(/(?<=[\u4e00-\u9fff]{2})的$/, '');
    const dash =
      rule.category === 'can_approve_immediately'
        ? -1
        : lang === 'zh'
          ? whole.search(NOTE_DASH_ZH)
          : whole.search(NOTE_DASH);
    const cut = (dash < 0 ? whole : whole.slice(0, dash)).replace(CONCESSION_NOTE, '');
    // 开场前24小时以上改期: the event a notice counts to (开场前) is the operator's to check, and
    // named, it would name the rules that escalate a short notice just as well.
    const phrase = rule.condition?.notice ? cut.replace(NOTICE_ANCHOR, '') : cut;
    // 延迟退房至14点 asked for 13:00 is 延迟退房至13点: the time asked, within the rule's.
    if (rule.condition?.named && rule.condition.family === 'clock' && amount?.unit === 'clock') {
      const said = amountIn(amount.value, 'clock', lang);
      return lang === 'zh' ? `${phrase}至${said}` : `${phrase} until ${said}`;
    }
    if ((rule.condition?.named && !rule.condition.term) || phrase === '') return rule.text;
    const step =
      lang === 'zh' ? (listedStepSaid(phrase, input.text) ?? thingBookedSaid(phrase, input.text)) : undefined;
    if (step !== undefined) return step;
    // 作业费减免打折、退药费、取消费减免、规则外的全额退款 asked as 作业费得给我免了: a rule that escalates
    // a list of actions names every one of them; the item said in three characters in a row (作业费
    // of 作业费减免打折) names the one asked. (The request's own action alone, 退款, would not name the
    // rule again: a label is decided again as the request.)
    // 规则外的任何补偿：…、营养费等 asked as 把营养费给我赔了: the case said, under the action its
    // colon lists cases of (规则外的任何补偿（营养费）).
    if (rule.category !== 'can_approve_immediately' && lang === 'zh') {
      const colon = phrase.search(/[:：]/);
      const head = colon > 0 ? phrase.slice(0, colon).trim() : undefined;
      const items = itemsListed(head === undefined ? phrase : phrase.slice(colon + 1));
      // 一张订单破损、少发、错发的退款: cases of one action, listed, are no list of actions.
      if (
        items.length >= 3 &&
        (head !== undefined || items.filter((item) => detectConcepts(item).length > 0).length >= 2)
      ) {
        const said = items.filter((item) => saysPartOf(item, input.text));
        if (said.length === 1)
          return join(head === undefined ? said[0]! : `${head}（${said[0]}）`, amount, lang);
      }
    }
    // "Money back the rules give - an activity we cancelled, a payment taken twice, a late
    // delivery …": an approving English rule whose dash opens the cases it covers. Its action is
    // named by the request's concept (refund), else by the words before the dash; the list is the
    // rule's, not a name of what was asked.
    const head =
      lang === 'en' && rule.category === 'can_approve_immediately' ? headOfCases(rule.phrase) : undefined;
    if (head !== undefined) {
      const fitsCase = amount !== undefined && familyOf(amount.unit) === (rule.condition?.family ?? 'money');
      return join(concept?.en ?? head, fitsCase ? amount : undefined, lang);
    }
    // The amount belongs in the label when the rule measures it (a limit, or an action measured
    // in money: 赔偿申请300元), not when it is something else said alongside.
    const family = rule.condition?.family ?? rule.concepts.find((c) => c.families)?.families?.[0];
    // A notice (距预约>=24小时) is no amount asked for: the time left is not read back in its name.
    const fits =
      amount !== undefined &&
      family !== undefined &&
      familyOf(amount.unit) === family &&
      rule.condition?.notice !== true;
    // 多扣费、重复扣款>300元 names the case, not its action: the request's action (退款) names it,
    // the case in brackets.
    const headless = rule.meaning.heads.length === 0 && rule.concepts.length === 0 && concept !== undefined;
    const named = headless
      ? lang === 'zh'
        ? `${concept.zh}（${phrase}）`
        : `${concept.en} (${phrase})`
      : phrase;
    return join(named, fits ? inUnitOf(amount, rule.condition?.unit) : undefined, lang);
  }
  if (concept) return join(concept[input.lang], amount, input.lang);
  const plain = askedClause(input.text).trim().replace(LEAD, '').replace(TRAIL, '');
  return plain === '' ? input.text.trim() : plain;
}

/**
 * A Chinese rule's note after a dash (——理由再充分客服也不自己答应; ——邻居、亲戚来问一律不讲), read as
 * -- after normalisation, or spaced as in English.
 */
const NOTE_DASH_ZH = /\s*-{2,}\s*|\s[-–—]\s/;

/** A last clause conceding to the caller (,金额再小也要主管批; ,不管理由多充分): the operator's note. */
const CONCESSION_NOTE = /\s*[,，][^,，]*(?:再小|再少|再充分|再合理|多充分)[^,，]*$/;

/** The items a Chinese phrase lists with 、, without their notes in brackets. */
function itemsListed(phrase: string): string[] {
  return phrase
    .replace(/\([^()]*\)/g, '')
    .split('、')
    .map((item) => item.trim().replace(/等$/, ''));
}

/**
 * The words before an English phrase's spaced dash when the dash lists cases (three or more, by
 * commas): "Money back the rules give" of "Money back the rules give - an activity we cancelled, a
 * payment taken twice, a late delivery". Undefined for any other phrase.
 */
function headOfCases(phrase: string): string | undefined {
  const dash = phrase.search(NOTE_DASH);
  if (dash <= 0) return undefined;
  const listed = phrase
    .slice(dash)
    .replace(/\([^()]*\)/g, '')
    .split(',');
  return listed.length >= 3 ? phrase.slice(0, dash).trim() : undefined;
}

/** Whether the text says three characters of the item in a row (all of it, if shorter). */
function saysPartOf(item: string, text: string): boolean {
  if (item.length <= 3) return item.length >= 2 && text.includes(item);
  for (let i = 0; i + 3 <= item.length; i++) if (text.includes(item.slice(i, i + 3))) return true;
  return false;
}

/** The event a notice counts to, opening a phrase: 开场前, 宴会日前, 上课前. */
const NOTICE_ANCHOR = /^[\u4e00-\u9fff]{1,6}?前\s*(?=[\u4e00-\u9fff])/;

/**
 * 预约、改约、取消预约 asked as 帮我约礼拜六下午: of the short steps a rule lists, the one the request
 * says (its verb: 取消 of 取消预约, 改 of 改约, else its last character), when only one is said.
 * The whole list would name every step, and read as a cancellation too.
 */
function listedStepSaid(phrase: string, text: string): string | undefined {
  const steps = phrase.split('、').map((s) => s.trim());
  if (steps.length < 2 || steps.some((s) => s === '' || s.length > 6)) return undefined;
  const said = steps.filter((s) => {
    const verb = /^(?:取消|改|退|换)/.exec(s)?.[0] ?? s.slice(-1);
    return text.includes(verb);
  });
  return said.length === 1 ? said[0] : undefined;
}

/**
 * 上线检测、复检和上门取送车代检的预约和改约 asked as 约下礼拜一上午复检: the step (改约 when the request
 * moves one, else the first) with the one thing listed that the request names (预约复检). The whole
 * list would name every thing.
 */
function thingBookedSaid(phrase: string, text: string): string | undefined {
  const m = THINGS_BOOKED.exec(phrase);
  if (m === null) return undefined;
  const things = m[1]!.split(/、|和|及|或/).filter((t) => t.length >= 2);
  // 带我去看 says 带看, 估个价 says 估价: a two-character thing said with a few characters between.
  const said = things.filter(
    (t) =>
      text.includes(t) || (t.length === 2 && new RegExp(`${t[0]}[^,.!?;:，。！？、]{1,3}${t[1]}`).test(text)),
  );
  if (things.length < 2 || said.length !== 1) return undefined;
  const steps = m[2]!.split(/[和、及或]/);
  const moved = steps.find((s) => /^改/.test(s) && /改|换到|挪到|推到/.test(text));
  return `${moved ?? steps[0]}${said[0]}`;
}

// A clause of several that asks for something: 你帮我减成二十四桌, could you move it to Friday.
const ASKS_IN_CLAUSE =
  /帮我|给我|替我|你们?(?:把|给|帮)|我要|我想|能不能|可不可以|麻烦|\b(?:can|could|would) you\b|\bplease\b|\bi (?:want|need|would like)\b|\bi'd like\b/i;

/**
 * The last clause that asks, when the request has several and that clause names enough on its own
 * (我是四月二十二号办婚礼的，订的三十桌。…你帮我减成二十四桌嘛 is named by its last clause): the story
 * before it is no name of the action.
 */
function askedClause(text: string): string {
  // The point of 95.2元 ends no clause.
  const clauses = text.split(/(?:[,，。!！?？;；]|(?<!\d)\.|\.(?!\d))+/).filter((c) => c.trim() !== '');
  if (clauses.length < 2) return text;
  for (let i = clauses.length - 1; i >= 0; i--) {
    if (!ASKS_IN_CLAUSE.test(clauses[i]!)) continue;
    // 你帮我搞一份 names nothing without the clauses before it: the whole request then.
    const named = clauses[i]!.trim().replace(LEAD, '').replace(TRAIL, '');
    return (hasCjk(named) ? named.length >= 5 : named.split(/\s+/).length >= 4) ? clauses[i]! : text;
  }
  return text;
}
