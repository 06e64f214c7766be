import { escapeRegExp } from '../domain/escape-reg-exp.js';
import { hasCjk } from '../domain/language.js';
import type { OperatorPermissions, PermissionCategory } from '../domain/record-schemas.js';
import { wordSegmenter } from '../domain/word-segmenter.js';
import { type AgeBound, ageBoundOf } from './_ages.js';
import {
  chineseAlternatives,
  circumstanceFirst,
  colonOutsideNotes,
  conditionExclusions,
  deniedStates,
  stepOf,
} from './_chinese-alternatives.js';
import {
  englishAlternatives,
  englishCases,
  forbiddenKinds,
  forbiddenThingsIn,
  RELATIVE_LEAD,
  wholeActions,
} from './_english-alternatives.js';
import { type ConceptDef, conceptById, detectConcepts, MONEY_BACK_CONCEPTS } from './_lexicon.js';
import {
  actionsIn,
  BOOKED_THING_EN,
  BOOKING_ACTIONS,
  CJK_LIST,
  compileMeaning,
  countedGrant,
  EXPLAINS_RULE,
  hasAction,
  isRuleMeaning,
  markSoleObjects,
  promiseLead,
  type RuleMeaning,
  type SenseSpan,
  scanSenses,
  senseNumber,
  sideListed,
  TELLING_EN,
} from './_meaning.js';
import { normalizeText } from './_normalize.js';
import {
  laterSentencesNoted,
  NOTE_DASH,
  noteSpans,
  parseRule,
  type RuleCondition,
  THINGS_BOOKED,
  withDeadlineBlanked,
  withoutNotes,
} from './_rule.js';
import {
  DUPLICATE_RULE,
  exceptedRole,
  exceptionExclusions,
  kindLimits,
  LATE_CIRCUMSTANCE,
  LATE_SAID,
  TWICE_SAID,
  withoutExceptionNotes,
} from './_rule-exceptions.js';
import { AT_PRICE, SENSES } from './_senses.js';
import { contentWords, EN_WORD, NO_WORDS, stem, type Words } from './_words.js';
import { parseQuantities } from './parse-quantities.js';

/** One rule, ready to match. Internal. */
export interface CompiledRule {
  category: PermissionCategory;
  /** The rule as the product wrote it (trimmed): what reasons quote. */
  text: string;
  phrase: string;
  /** Lexicon concepts the phrase names; empty when the lexicon does not know it. */
  concepts: readonly ConceptDef[];
  /** Words of the phrase beyond its concepts that a request must also contain (月租 in 减免月租). */
  leftover: Words;
  /**
   * The leftover as senses and the words no sense knows: a request saying those senses in its
   * own words (催一下 for 催办, 多扣的保费 for 多扣保费) and containing the words covers it too.
   */
  leftoverSenses: number[];
  leftoverBesidesSenses: Words;
  /** For a phrase the lexicon does not know: all its content words. */
  tokens: Words;
  /** The phrase as the meaning matcher reads it (its senses, and words no sense knows). */
  meaning: RuleMeaning;
  condition?: RuleCondition;
  /** The notice a note states beside the condition (see `ParsedRule.notice`). */
  notice?: RuleCondition;
  /** Whom the rule serves by age (anyone under 18, 18+ with ID): a circumstance, see `_ages.ts`. */
  age?: AgeBound;
  /**
   * For a shorter phrase of a rule whose note states a condition (押金退还（无欠费）), or a rule whose
   * note excepts things (超时免上门费除外, other than an excess): an expression source for what a
   * request may not say for this phrase to match it (我还有欠费, 超时免上门费).
   */
  excludes?: string;
  /**
   * For the remedy of a rule written "circumstance: remedy" (场馆原因停课或系统错扣：返还被扣课时):
   * an expression source for the circumstance's own words (停课, 水质, 错扣: those no other rule's
   * phrase has), one of which the request or the call's facts must say, undenied, for the remedy
   * alone to match it (see `circumstanceFirst`).
   */
  circumstance?: string;
  /**
   * A forbidden rule on a false record (开具与实际商品、金额不符的发票, receipts that do not match
   * what was paid): an expression source for what it forbids asked for in words (开成会议费, label
   * it as, the rule's own quoted examples). A plain request for the record is not it.
   */
  falsity?: string;
  /**
   * One thing a ban on taking in or using things lists (电缆 of 收来路不明的东西：井盖、电力通信电缆;
   * 百草枯 of 使用禁限用农药（…百草枯）): an expression source for the request asking the business to
   * take it in or use it (拿给你们卖, 收不收, 喷一遍). A thing only named (电缆被偷了) is not asked.
   */
  handedIn?: string;
  /**
   * A rule on what one role may hear or do (Telling a named guardian the fees, letting Account
   * Helpers cancel): an expression source for the role's word. The rule is the caller's only where
   * the request, the clauses around it or the call's facts (the caller's role on the account) say
   * that role: an account holder's own refund is no guardian's.
   */
  role?: string;
  /**
   * A forbidden rule's note excepting a role for some acts (未成年来访者的登记监护人办理预约改约除外):
   * the role as written and the senses of the acts excepted (see `exceptedRole`).
   */
  excepted?: { role: string; acts: number[] };
  /**
   * A forbidden rule that quotes what may not be said or promised (telling anyone a product is
   * 'completely safe' or 'non-toxic', 不得承诺'包过'): an expression source for the quoted words. A
   * request saying one of them asks for it (is it non-toxic? can you guarantee it's harmless?).
   */
  quoted?: string;
  /**
   * A rule for what no other rule covers (其他规则以外的补偿, any other goodwill): it reads a request
   * only where no other rule does, or where the request says a case its note names (冰箱 of
   * 如停电期间冰箱食品损失): an expression source for those words, empty when it names none (see
   * `residualsYield`).
   */
  residual?: string;
}

/**
 * A product's permission rules, parsed once for many checks. Opaque: pass it to
 * `checkPermission`.
 */
export interface CompiledRules {
  /** How many rules were compiled. */
  readonly size: number;
  /** @internal The parsed rules, in the product's order. */
  readonly rules: readonly CompiledRule[];
}

/** A rule as a reader of the product's actions sees it: the phrase without its limit, and the actions it names. */
export interface RuleAction {
  /** The rule as the product wrote it (退还增值业务费<50元). */
  text: string;
  /** Without its limit (退还增值业务费). */
  phrase: string;
  category: PermissionCategory;
  /** The lexicon concepts it names (refund); empty when the lexicon does not know it. */
  concepts: readonly string[];
}

/**
 * The rules' phrases and concepts, parsed once when they were compiled, in the product's order. A
 * remedy read apart from its circumstance (see `CompiledRule.circumstance`) is no name for an
 * action: alone, it is not the rule.
 */
export function ruleActions(rules: CompiledRules): RuleAction[] {
  return rules.rules
    .filter((r) => r.circumstance === undefined)
    .map((r) => ({
      text: r.text,
      phrase: r.phrase,
      category: r.category,
      concepts: r.concepts.map((c) => c.id),
    }));
}

const CATEGORY_KEYS: readonly PermissionCategory[] = [
  'can_approve_immediately',
  'requires_supervisor',
  'requires_process',
  'forbidden',
];

/**
 * A note of a forbidden rule saying what is done instead (reading out gate codes … (they check and
 * change them in the portal), 不得代办（请客户本人到店）, （柜机问题由客服登记报修）, 电话里改绑
 * （须本人持身份证到店办理）): not what is forbidden, so a caller who says they will do it (I'll
 * check it in the portal, 我到店里去改) asks for nothing the rule refuses. A note that makes an
 * exception (客户本人除外) stays.
 */
const INSTEAD_NOTE =
  /\s*\((?:(?:they|customers?|clients?|callers?|members?|the (?:customer|client|caller|account holder|holder|member)s?)\s+(?:can|may|should|must|need to|check|change|use|do|manage|update|view|see|call|contact|email|go)\b|instead\b|refer\b|direct them\b|point them\b|send them\b|tell them\b|ask them\b|请客户|让客户|引导客户?|建议客户|由客户自行|客户(?:可|可以|需|需要|自行)|(?:租客|房客|业主|家属|本人|用户|学员|会员|乘客|顾客)(?:可以?先?|可另|可自行|需|需要)|(?:须|必须|只能|需)(?:由|要)?(?:本人|客户|用户|会员|持卡人|家长|监护人)|[^)]{0,12}?(?:由客服|通过客服|由平台|只能通过|可通过|请通过))[^)]*(?:\)|$)/g;

/**
 * A note giving the reason and the way round it (the manifest must match the passport: cancel
 * under the fare rules and book a new ticket): why the thing is forbidden and what is done
 * instead, no part of what is forbidden. Only in English, where such notes are sentences.
 */
const REASON_NOTE =
  /\s*\((?=[^()]*?[a-z])[^()]*?(?::|\bmust\b|\bshould\b|\bneeds? to\b|\bha(?:s|ve) to\b)[^()]*(?:\)|$)/g;

/** A bracketed relative clause (who may then …, which …): a description, not a step. */
/** A thing of one or two words offered as the alternative to the concept's (a docket or VAT invoice). */
const LISTED_THING_BEFORE =
  /(?:^|\s)((?:(?:a|an|the)\s+)?[a-z-]+(?:\s+[a-z-]+)?\s+or\s+(?:(?:a|an|the)\s+)?)$/;
/** A clause of when, opened a few words before (charged after a downgrade, if the booking is cancelled). */
const WHEN_CLAUSE_BEFORE_EN = /\b(?:after|when|once|before|if|unless|while|since)\s+(?:[\w'-]+\s+){0,3}$/;

/** One-word steps listed before the last one, the list opening the phrase or a clause. */
const LISTED_STEPS_BEFORE = /(?:^|[;:(]\s*)((?:[a-z]+,\s*)*[a-z]+,?\s+(?:or|and)\s+)$/;
const RELATIVE_NOTE = /\s*\((?:who|which|that|whose)\b[^)]*(?:\)|$)/g;

/**
 * What the staff member will not do while the case is open (电话里不承诺赔偿金额, 当场不保证): how
 * the rule is handled, naming nothing a caller asks for (电话 there is no phone asked about).
 */
const NO_PROMISE_NOTE = /[,;]\s*(?:电话(?:里|中|上)?|当场|现场)?(?:不|无法|不能)(?:承诺|保证|答应)[^,;.]*/g;

/**
 * What the customer brings or shows for a step (客户提供病历和发票, 持卡人带身份证到店核验): the
 * step's evidence, naming nothing asked for (发票 there is no invoice requested).
 */
const CUSTOMER_BRINGS_ZH =
  /(?:客户|顾客|来电人|本人|持卡人|家长|监护人|受让人|双方)(?:需|须|要|应)?(?:提供|出示|携带|带上?|凭|上传)[^,;.，；。]{1,16}/g;

// What of a person's follows a concept's words when they name whose it is (师傅的私人手机号).
const WHOSE_DATA_ZH =
  /^[\u4e00-\u9fff]{0,4}?的(?:私人|个人)?(?:手机|电话|号码|微信|住址|地址|家庭住址|姓名|名字|联系方式|身份证)/;
// A person a two-character word describes (上门|师傅, 维修|人员).
const PERSON_AFTER_ZH = /^(?:师傅|人员|工程师|技术员|小哥)/;

/** The 的 a limit read out of a phrase leaves at its start or after a colon or comma. */
const PARTICLE_LEFT = /(^|[:：,，、]\s*)的(?=[\u4e00-\u9fff])/g;

/** Whom an English rule serves, leading it before a colon: "For the saver only:", "For an Account Helper:". */
const FOR_WHOM_LEAD_EN = /^for (?:the |an? )?[a-z' -]{2,30}?(?: only)?\s*:\s*/;

/** A rule that opens by looking something up (查询, 查看): what follows is what it shows. */
const LOOK_UP_FIRST_ZH = /^(?:查询|查看|调取|查)(?=[\u4e00-\u9fff])/;

/**
 * A rule that opens by looking something up or explaining it (Look up and explain the caller's own
 * account: … everything (orders, payments, refunds, invoices); …): what its first clause lists is
 * shown, no action it takes. A later clause (after ;) may take one.
 */
const LOOK_UP_FIRST_EN =
  /^(?:look(?:ing)? up|check(?:ing)?|explain(?:ing)?|show(?:ing)?|read(?:ing)? out)(?:\s+(?:and|or)\s+(?:look(?:ing)? up|check(?:ing)?|explain(?:ing)?|show(?:ing)?|read(?:ing)? out))*(?=\s+(?:the|a|an|their|his|her|your|its)\b)[^;]*/;

/**
 * A forbidden rule that opens by telling someone about another's things (Telling anyone anything
 * about another saver - … payments, refunds; Giving a Club Organiser a member's address, …
 * refunds, claims): the things listed after the possessive or "about" are data it guards, no act
 * it forbids (a caller asking for their own refund asks for none of it). Giving refunds in cash,
 * with no one's data between, is still an act.
 */
const TELLING_ABOUT_EN = new RegExp(
  String.raw`^${TELLING_EN}\b[^;:]*?(?:\b[a-z]+(?:'s|s')\s|\babout\b|\bwhether\b)`,
);

/**
 * A rule whose subject is a role given some of an account (Telling a named guardian the fees,
 * letting Account Helpers cancel, Giving a Club Organiser a member's address): the role's word.
 */
const ROLE_SUBJECT_EN =
  /^(?:telling|letting|allowing|giving)\s+(?:an?\s+|the\s+|any\s+)?(?:(?:named|authori[sz]ed|registered|club|account|emergency|secondary)\s+)*(guardians?|helpers?|organi[sz]ers?|carers?|recipients?|minders?|representatives?)\b/;

/**
 * A ban whose subject is someone given part of an account (给共同监护人讲付款和余额, 按共同监护人的要求
 * 退款): the role's word. It is the role's rule only where the product gives that role rules of its
 * own (see `rolesDefined`): 给客人 names everyone who calls.
 */
const ROLE_SUBJECT_ZH =
  /^(?:给|向|对|替|按|应)([\u4e00-\u9fff]{2,8}?)(?:本人)?(?:的(?:要求|请求|意思|指示)|讲|说|告诉|告知|透露|提供|办)/;

/** The roles a product's rules open on (共同监护人：只讲课表…; 老师本人：讲他自己的课表). */
function rolesDefined(rules: readonly CompiledRule[]): ReadonlySet<string> {
  const roles = new Set<string>();
  for (const rule of rules) {
    if (rule.category === 'forbidden') continue;
    const role = ROLE_OPENING_ZH.exec(rule.text)?.[1];
    if (role !== undefined) roles.add(role);
  }
  return roles;
}
const ROLE_OPENING_ZH = /^([\u4e00-\u9fff]{2,8}?)(?:本人)?(?:[（(][^）)]*[）)])?[：:]/;

/**
 * The operator's check before the action (核实后的, 经核实属实后, 核实晚于承诺时效的, 系统记录能证实的:
 * what is checked the facts show), or closing the case before its remedy (错收退款（…）核实属实：…): see `compileRule`.
 */
const CHECKED_BEFORE =
  /(?:经过?)?(?:核实|核查|核对|查实)(?:属实|无误)?(?:后的?|(?=\s*(?:[:：]|$))|[\u4e00-\u9fff]{1,12}?的(?=\s*[,，]))|(?:系统|后台|平台)?(?:考勤|扣费|消费|上机)?(?:记录|日志|流水)(?:能|可以|可|所)?(?:证实|证明|查实|显示)的/g;

/**
 * The part of a phrase before its first colon outside notes (损坏门框的赔偿：登记理赔工单…, Complaints:
 * logged as a formal complaint…); the whole phrase when it has none or too little comes before.
 */
function beforeSteps(phrase: string, text: string): string {
  const colon = colonOutsideNotes(phrase);
  return colon >= 2 ? withMoneyOf(phrase.slice(0, colon).trim(), stepsOf(text)) : phrase;
}

/** A clause saying what is not done: 不承诺, 无, no amount promised, never, don't promise. */
const NOT_DONE = /[不无没未]|\b(?:no|not|never|nothing|cannot|(?:don|doesn|won|can)'?t)\b/i;

/** The steps of a rule as written, after its first colon (its terms and notes too). */
function stepsOf(text: string): string {
  const norm = normalizeText(text);
  return norm.slice(norm.search(/[:：]/) + 1);
}

/**
 * 车辆在场内被剐蹭…：…登记理赔单…定责后再谈赔付: the money the steps end in is what the caller asks
 * for with the case (你们得给我赔), kept beside the case when it names no money back of its own.
 */
function withMoneyOf(before: string, steps: string): string {
  const own = detectConcepts(before).some((m) => MONEY_BACK_CONCEPTS.has(m.concept.id));
  if (own) return before;
  // Not a clause that says what is not done (电话里不承诺赔偿金额, no amount promised or credited).
  for (const clause of steps.split(/[,;.，；。]/)) {
    if (NOT_DONE.test(clause)) continue;
    const money = detectConcepts(clause).find((m) => MONEY_BACK_CONCEPTS.has(m.concept.id));
    if (money) return `${before} ${clause.slice(money.start, money.end)}`;
  }
  return before;
}

/**
 * Parses one rule of a category; `alternative`, one of the actions its phrase lists (see
 * `phraseAlternatives`), stands for the phrase.
 */
export function compileRule(category: PermissionCategory, text: string, alternative?: string): CompiledRule {
  // A forbidden rule's later sentences may forbid more (account_directory is internal only).
  // 折现…（已提货订单签收48小时内的破损单品退款不在此列）: what a ban excepts is no part of it, and
  // the number in the exception (48小时) is no limit of the ban.
  const parsed = parseRule(
    category === 'forbidden'
      ? withoutExceptionNotes(text.trim())
      : laterSentencesNoted(withoutLimitsDisowned(text.trim())),
  );
  if (alternative !== undefined) {
    parsed.phrase = alternative;
    // Change the Direct Debit date or amount; one payment break of one month in 12 months: the
    // limit is the second step's, after the semicolon, not the first's.
    if (parsed.condition !== undefined && limitOnlyAfterSemicolon(text, alternative)) delete parsed.condition;
  } else if (category === 'forbidden')
    parsed.phrase = parsed.phrase.replace(INSTEAD_NOTE, ' ').replace(REASON_NOTE, ' ').trim();
  else
    parsed.phrase = withoutExceptionNotes(
      parsed.phrase.replace(NO_PROMISE_NOTE, '').replace(CUSTOMER_BRINGS_ZH, ''),
    );
  // 其他核实后的退款: the operator's check first is how the rule is applied, no word a caller says.
  // Nor is what a note tells the operator not to do (（整笔报主管，不拆开先退一部分）).
  if (category !== 'forbidden')
    parsed.phrase = parsed.phrase.replace(CHECKED_BEFORE, '').replace(DENIED_IN_NOTE, '');
  // 多扣费每单合计<=200元: what the limit is counted over, the request meets by its amount.
  if (category !== 'forbidden' && parsed.condition?.family === 'money')
    parsed.phrase = parsed.phrase.replace(LIMIT_SCOPE, '');
  // 损坏门框的赔偿：登记理赔工单，定损员2个工作日内上门查看: after a process rule's colon is how the
  // case is handled (a visit to assess it), not what the caller asks for.
  if (category === 'requires_process' && alternative === undefined)
    parsed.phrase = beforeSteps(parsed.phrase, text);
  // Adding an authorised user (who may then have a fob … and book the yard): what the person may do
  // then describes them; it is no action of the rule.
  parsed.phrase = parsed.phrase.replace(RELATIVE_NOTE, '').trim();
  // 超过90天的扣费退款 with its limit read: 扣费退款, not 的扣费退款 (a label starts with no particle).
  parsed.phrase = parsed.phrase.replace(PARTICLE_LEFT, '$1');
  // For the saver only: change an order …: whom the rule serves is the caller, checked by the
  // calling number, and no word a request says (as 为预订人本人： in Chinese).
  if (category !== 'forbidden') parsed.phrase = parsed.phrase.replace(FOR_WHOM_LEAD_EN, '');
  // 临时额度<=5000元: without 额度 the phrase would name no action and no object, only a manner.
  if (parsed.measured && !namesAction(parsed.phrase)) parsed.phrase = `${parsed.phrase}${parsed.measured}`;
  // 提供上门师傅的私人手机号, 上门师傅服务投诉: the visit's word describes the technician, whose
  // number it is or whom the complaint is about; no visit is the rule's.
  // 上门师傅服务投诉 (a complaint about the visit), as 退款投诉: a Chinese compound's last word is
  // what it is, and the concept right before a complaint is what the complaint is about.
  // 透露其他用户信息：…water_batches里的complaints只供品控部: an English word in a Chinese forbidden
  // rule names a system's field (complaints, occupant), data the rule guards: no act it forbids.
  const named = detectConcepts(parsed.phrase);
  const found =
    category === 'forbidden' && CJK_CHAR.test(parsed.phrase)
      ? named.filter((m) => CJK_CHAR.test(parsed.phrase.slice(m.start, m.end)))
      : named;
  // 查询…的进度、费用、退款和工单: what a look-up lists is looked up, no action the rule takes.
  const lookedUp =
    LOOK_UP_FIRST_ZH.exec(parsed.phrase)?.[0].length ??
    // 向下单人本人说明…付款退款: what the operator explains to the caller is shown, not done.
    (category !== 'forbidden' ? EXPLAINS_RULE.exec(parsed.phrase)?.[0].length : undefined) ??
    (category === 'forbidden' ? TELLING_ABOUT_EN.exec(parsed.phrase)?.[0].length : undefined);
  const shownUntil = LOOK_UP_FIRST_EN.exec(parsed.phrase)?.[0].length;
  // 承诺提分、保证考上哪所学校、不提分退钱: what a ban forbids promising (money back if …) is promised,
  // no action of its own.
  let promised: number | undefined;
  if (category === 'forbidden') {
    const spans: SenseSpan[] = [];
    scanSenses(normalizeText(parsed.phrase), spans);
    promised = promiseLead(spans);
  }
  const matches = found.filter((m) => {
    if (lookedUp !== undefined && m.start >= lookedUp) return false;
    if (promised !== undefined && m.start >= promised) return false;
    if (shownUntil !== undefined && m.end <= shownUntil) return false;
    // Refund the old plan price charged after a downgrade took effect: an action named in the
    // circumstance of another is when the rule applies, not an action it takes.
    if (m !== found[0] && WHEN_CLAUSE_BEFORE_EN.test(parsed.phrase.slice(0, m.start))) return false;
    const after = parsed.phrase.slice(m.end);
    if (WHOSE_DATA_ZH.test(after) || (m.end - m.start <= 2 && PERSON_AFTER_ZH.test(after))) return false;
    return !(
      m.concept.id !== 'complaint' &&
      CJK_CHAR.test(after.charAt(0)) &&
      found.some((c) => c.concept.id === 'complaint' && c.start === m.end)
    );
  });
  // 服务投诉（护士迟到、态度、未按约上门）: a concept only a note names (the visit a complaint is
  // about) is no action of the rule, where the phrase outside its notes names one of its own.
  const notes = noteSpans(parsed.phrase);
  const inNote = (m: { start: number; end: number }): boolean =>
    notes.some(([a, b]) => m.start >= a && m.end <= b);
  const outside = matches.filter((m) => !inNote(m));
  const concepts: ConceptDef[] = [];
  for (const m of outside.length > 0 ? outside : matches)
    if (!concepts.includes(m.concept)) concepts.push(m.concept);
  // by 18:00 the day before, 前一天18:00前: the deadline is the rule's notice (see `parseRule`), no
  // words a request says; blanked in place, so the concepts' offsets still hold.
  // where the slot system shows room: when the records allow it, no word a request says (blanked in
  // place, so the concepts' offsets still hold).
  const read = (
    parsed.notice?.fromDayStart === true ? withDeadlineBlanked(parsed.phrase) : parsed.phrase
  ).replace(SCHEDULE_SHOWS_ROOM, (w) => ' '.repeat(w.length));
  let rest = read;
  // Blank out what the concepts cover; what remains qualifies the action (月租 in 减免月租).
  for (const m of [...matches].reverse()) {
    // Place, move or cancel orders: the steps listed before the concept's own are alternatives to
    // it (moving an order), not words a request must also say.
    // Email a copy of a docket or VAT invoice: a thing listed before the concept's, an alternative too.
    const before = rest.slice(0, m.start);
    const listed = LISTED_STEPS_BEFORE.exec(before) ?? LISTED_THING_BEFORE.exec(before);
    const steps = listed === null ? 0 : listed[1]!.length;
    // Blanked in place, so that the earlier matches' offsets still hold.
    rest = `${rest.slice(0, m.start - steps)}${' '.repeat(steps)} ${rest.slice(m.end)}`;
  }
  const absorb = concepts.flatMap((c) => c.absorb ?? []);
  let meaning = leftUnsaid(
    compileMeaning(read, matches, category === 'forbidden'),
    read,
    category === 'can_approve_immediately' ? parsed.condition : undefined,
    category === 'can_approve_immediately' && parsed.condition?.family !== 'duration',
  );
  if (parsed.condition?.noun !== undefined) meaning = countedGrant(meaning, parsed.condition.noun);
  // 退学退费: the refund follows from leaving; a refund alone is not this rule.
  const step = category === 'forbidden' ? undefined : stepOf(parsed.phrase);
  if (step !== undefined) meaning = { ...meaning, step };
  // what the file shows we owe, as the records show: the facts the operator checks, no word a
  // caller asking for the action says.
  rest = rest.replace(RECORDS_SHOW, ' ');
  const leftover = concepts.length > 0 ? contentWords(rest, absorb) : NO_WORDS;
  const tokens = concepts.length > 0 ? NO_WORDS : contentWords(parsed.phrase);
  const rule: CompiledRule = {
    category,
    text: text.trim(),
    phrase: parsed.phrase,
    concepts,
    leftover,
    ...leftoverReading(rest, absorb, leftover),
    tokens: thingOnly(tokens, meaning, parsed.phrase) ? NO_WORDS : tokens,
    meaning,
  };
  // anyone under 18, 未满18周岁: an age the rule serves, not an amount the action is limited to.
  const age = ageBoundOf(normalizeText(text));
  if (age !== undefined) {
    rule.age = ageBoundOf(withoutNotes(normalizeText(text))) === undefined ? { ...age, noted: true } : age;
    if (parsed.condition && parsed.condition.unit === undefined && parsed.condition.family === undefined)
      delete parsed.condition;
  }
  if (parsed.condition) {
    let condition = { ...parsed.condition };
    // A number without a unit (退款<100) measures what the action measures (money for a refund).
    if (!condition.unit && !condition.family) {
      const family = concepts.find((c) => c.families)?.families?.[0];
      if (family) condition.family = family;
    }
    if (condition.named && condition.hi !== undefined && isLimit(condition, concepts)) {
      condition = { ...condition, hiInclusive: true, loInclusive: false };
      delete condition.lo;
    }
    rule.condition = condition;
  }
  if (parsed.notice) rule.notice = parsed.notice;
  if (category !== 'forbidden') addExclusion(rule, exceptionExclusions(text));
  return rule;
}

/**
 * The rule without the clauses that say a limit elsewhere is not its own (跟下面的500元额度没关系,
 * 不受600元限制, 这笔退款不算在下面说的600元里, does not count towards the 25,000 limit): the amount
 * such a clause names is another rule's limit, never this rule's condition.
 */
function withoutLimitsDisowned(text: string): string {
  if (!LIMIT_DISOWNED.test(text)) return text;
  const kept = text
    .split(/(?<=[，,；;。—])/)
    .filter((clause) => !LIMIT_DISOWNED.test(clause))
    .join('')
    .replace(/[，,；;—\s]+$/, '');
  return kept === '' ? text : kept;
}

/**
 * A limit said not to apply, its amount within (跟下面的500元额度没关系, 不受600元限制, 不算在下面说的600元里,
 * does not count towards the 25,000 limit); not what a limit leaves out (伙食费不算在内).
 */
const LIMIT_DISOWNED =
  /(?:跟|与|和)[^，,；;。—]{0,12}?\d[\d,.]*\s*(?:元|块)?[^，,；;。—]{0,8}?(?:没关系|无关)|不(?:受|占用?)[^，,；;。—]{0,8}?\d[\d,.]*\s*(?:元|块)?[^，,；;。—]{0,6}?(?:限制|限额|额度)|不(?:算在|计入)[^，,；;。—]{0,10}?\d[\d,.]*\s*(?:元|块)?[^，,；;。—]{0,6}?(?:里|内|之内|额度|限额)|\b(?:does not|doesn't|do not|don't) count (?:towards?|against)\b[^,;.]{0,30}?\d/i;

/**
 * Whether a rule's limit is stated only after its first semicolon, and the shorter phrase is of
 * the part before it (which states none).
 */
function limitOnlyAfterSemicolon(text: string, alternative: string): boolean {
  // The semicolon between the rule's steps, not one inside a note in brackets (…（少付：单价录错；
  // 多收：重复扣款），一单合计≤200元: the limit is the whole rule's).
  const pieces = splitOutsideNotes(text, (c) => c === ';' || c === '；');
  if (pieces.length < 2) return false;
  const first = pieces[0]!;
  if (parseRule(first).condition !== undefined || parseQuantities(first).length > 0) return false;
  return (
    normalizeText(first).includes(alternative.trim()) ||
    alternative.split(' ').every((w) => normalizeText(first).includes(w))
  );
}

/**
 * The cases a rule lists after its colon, three characters or more each, most of them actions (金价
 * 下跌要求退差价、按克足金要求无理由退货、维修费减免). None where what follows the colon is the
 * operator's steps (登记工单, 转主管, 1个工作日内联系) or is not a list.
 */
function casesAfterColon(text: string): string[] {
  const colon = text.search(/[:：]/);
  if (colon < 0) return [];
  const tail = /^[^。；;.!?！？()（）]*/.exec(text.slice(colon + 1))![0];
  const cases = tail.split('、').map((c) => c.trim());
  if (cases.length < 2) return [];
  // A case may name its act in a word no sense knows (要求按挂牌价回收): most must name one.
  if (!cases.every((c) => /^[\u4e00-\u9fff\d]{3,}$/.test(c) && !OPERATOR_STEP.test(c))) return [];
  return cases.filter(namesAction).length * 2 >= cases.length ? cases : [];
}
// What an operator does with a case, never what a caller asks for.
const OPERATOR_STEP = /登记|工单|转交?|报(?:主管|经理|上级)|联系|回复|回电|通知|审批|核实|核查|上报/;

// 上课前, 开课前, 出发前, 课程在上课前: the event a rule's notice is counted to, right before the action.
const TERM_ANCHOR = /^[\u4e00-\u9fff]{1,6}?[前后](?=\s*[\u4e00-\u9fff])/;
/**
 * A window leading an approval with no limit of time (出签后寄出前, 发货前, 入住前). Narrower than
 * TERM_ANCHOR: with no limit to count, 提前 and 之前 say what the step is (提前解约), not when.
 */
const WHEN_ALLOWED_ZH =
  /^(?:[\u4e00-\u9fff]{1,4}?(?:以后|之后|后))?[\u4e00-\u9fff]{1,3}(?<![提之以目当面眼先从])前(?=[\u4e00-\u9fff])/;
// 改约一次, 顺延一次: once, which is what a request that says no count asks for.
const ONCE = /^(?:一|1)(?:次|回)$/;
const ONCE_DIGIT = /(?<!\d)1\s*(?:次|回)/;
/** Who calls, in person (寄存人本人来电, 持卡人本人来电): the caller the rule serves. */
const SELF_CALLING =
  /[\u4e00-\u9fff]{1,4}?本人(?:来电|致电|打来)|^[\u4e00-\u9fff]{1,4}?人本人(?=[\u4e00-\u9fff])/;
/**
 * Where a thing is sent, closing the rule (补发照片到预约手机号, 发到注册邮箱): the channel on file,
 * which the caller meets by asking, and no thing of the request's.
 */
const SENT_TO_ZH =
  /(?:到|至)(?:预约|本人|客户|注册|绑定|下单|登记|预留)?(?:的)?(?:手机号?|邮箱|微信|账号|手机号码)$/;
/**
 * Kinds of a thing listed before it (跟拍或体验潜水的照片) and its form (电子照片, 电子发票): a caller
 * names the thing (照片, 发票) and means their own, whichever kind and form it is.
 */
const KINDS_BEFORE_ZH =
  /[\u4e00-\u9fff]{1,8}(?:或者?|、)[\u4e00-\u9fff]{1,8}的(?=[\u4e00-\u9fff])|电子(?=[\u4e00-\u9fff])/g;
/** Within the rules (规定范围内, 标准内): a rule's limit, said in words. */
/** Whom a limit counts over (per caller in total, per order). */
const LIMIT_SCOPE_EN =
  /\bper (?:caller|customer|client|order|booking|account|person|household|member)(?: in total)?\b/;
/** Where an amount is read (exactly as the payments quote shows). */
const AS_RECORDS_SHOW_EN =
  /\b(?:exactly |just )?as (?:the |its |their |our )?(?:[a-z-]+ ){0,3}(?:shows?|says?|states?|gives?|lists?)\b/;
const WITHIN_RULES = /规定范围内|规定内|范围内|标准内|规定以内/;
/**
 * What a limit of money is counted over (每单合计<=200元, 每笔>500元): the request meets it by its
 * amount, unsaid. (A count's window, 每个会员期1次, is a term of the case: see `parseRule`.)
 */
const LIMIT_SCOPE =
  /每(?:单|笔|次|人|位|天|日|周|月|年|张|件|个|间|晚)(?:合计|累计)?|单笔|单次|单日|合计|累计|总计|共计/g;
/**
 * The difference a refund gives back (核实后退差额): what any refund of an overcharge is of; and
 * the order or payment pointed at (原路退这一单全部运费): the one the call is about.
 */
const DIFFERENCE = /^(?:差额|差价|这一?单|该单|本单|此单|这一?笔|该笔|本笔|全部)$/;
/** A word for any item at all (物品, 东西, 财物). */
const ANY_ITEM = /^(?:物品|东西|财物|物件|随身物品|个人物品)$/;
// 月卡剩余时长顺延: the time left is what any extension or refund of the card is of.
const TIME_LEFT = /剩余(?:时长|时间|天数|次数|课时|小时)/;
/** To or for the one calling: the caller, the customer. */
const FOR_CALLER_EN = /\b(?:to|for)\s+the\s+(caller|customer|client)s?\b/;
/** Lost property, found items, lost items: whatever was left behind. */
const LEFT_BEHIND_EN = /\b(?:lost|found)[- ](?:property|items?)\b/;
const LEFT_BEHIND_WORD = /^(?:lost|found|property|item)$/;

/** The meaning with `words` added to what a caller may leave unsaid (none: the meaning itself). */
function withOptional(meaning: RuleMeaning, words: readonly string[]): RuleMeaning {
  if (words.length === 0) return meaning;
  return { ...meaning, optional: [...new Set([...(meaning.optional ?? []), ...words])] };
}

/** The meaning with its Chinese words that lie within `span` made optional. */
function optionalIn(meaning: RuleMeaning, span: string): RuleMeaning {
  const said = meaning.words.zh.filter((w) => span.includes(w));
  return withOptional(meaning, said);
}

/** A listed step with its own thing before a comma: "add jumpers to," "take photos of,". */
const LISTED_STEP_OBJECT_EN =
  /(?:^|,\s*)[a-z]+\s+((?:[a-z'-]+\s+){0,2}?[a-z'-]+)\s+(?:to|from|on|onto|into|off|for|of)\s*,/g;

/**
 * What a caller leaves unsaid of a rule's phrase: once (顺延一次 by 顺延十天), a term's anchor, the
 * word for any item (物品), within the rules (规定范围内), and the time left of what the product sells
 * (月卡剩余时长顺延 by 月卡顺延十天). What is left must still name the rule.
 */
function leftUnsaid(
  meaning: RuleMeaning,
  phrase: string,
  condition?: RuleCondition,
  /** An approval with no limit of time: the window it leads with is only when it may be done. */
  unlimitedApproval = false,
): RuleMeaning {
  let out = meaning;
  // 免费返修1次: the digit of a count of one is read as a word of its own.
  const once = [
    ...out.words.zh.filter((w) => ONCE.test(w)),
    ...(ONCE_DIGIT.test(phrase) ? out.words.en.filter((w) => w === '1') : []),
  ];
  if (once.length > 0 && out.heads.length + out.objects.length > 0) out = withOptional(out, once);
  // What leads an approval's step in time is the operator's to check, which the caller meets by when
  // they ask: 上课前24小时以上请假, the event a notice is counted to (请个假 for Tuesday's lesson);
  // 出签后寄出前修改寄回地址, with no limit of time, the window in the order's course (地址要改一下).
  // Only for an approval: unsaid, a rule that escalates would always win, and there the window is
  // what sets its case apart (搬家前12小时内改约 stays a rule about moving day).
  const leading =
    out.heads.length === 0
      ? null
      : condition?.family === 'duration'
        ? TERM_ANCHOR.exec(phrase)
        : unlimitedApproval
          ? WHEN_ALLOWED_ZH.exec(phrase)
          : null;
  if (leading !== null) out = optionalIn(out, leading[0]);
  // 物品遗失: any item is a 物品, and a caller names theirs (我的iPad丢了); the word for all of them
  // is never said, while what happened to it still names the rule.
  if (out.heads.length + out.objects.length > 0 && out.words.zh.some((w) => ANY_ITEM.test(w)))
    out = { ...out, words: { ...out.words, zh: out.words.zh.filter((w) => !ANY_ITEM.test(w)) } };
  // Book, add jumpers to, move or cancel jump sessions: the thing one listed step acts on (jumpers)
  // is that step's own, no word a booking moved must say.
  for (const m of phrase.matchAll(LISTED_STEP_OBJECT_EN)) {
    const own = m[1]!.split(/\s+/).map(stem);
    if (out.heads.length > 0)
      out = withOptional(
        out,
        out.words.en.filter((w) => own.includes(w)),
      );
  }
  // Post lost property to the caller: whom the step is done for is the one calling, and any item
  // left behind (lost property, found items) is what the caller names as theirs (my jacket, it).
  if (out.heads.length > 0) {
    const forCaller = FOR_CALLER_EN.exec(phrase)?.[1];
    const leftBehind = LEFT_BEHIND_EN.test(phrase);
    out = withOptional(
      out,
      out.words.en.filter(
        (w) => (forCaller !== undefined && w === stem(forCaller)) || (leftBehind && LEFT_BEHIND_WORD.test(w)),
      ),
    );
  }
  // 核实后退差额, 原路退这一单全部运费: the difference or the order pointed at is what is refunded.
  if (out.heads.length > 0)
    out = withOptional(
      out,
      out.words.zh.filter((w) => DIFFERENCE.test(w)),
    );
  // 寄存人本人来电授权代取人: who may call (the depositor in person) is the caller, checked by the
  // calling number, no word a request says.
  const caller = SELF_CALLING.exec(phrase);
  if (caller !== null && out.heads.length + out.objects.length > 0) out = optionalIn(out, caller[0]);
  // 规定范围内冻结: within the rules is the limit's to say, which the request meets by its amount.
  const within = WITHIN_RULES.exec(phrase);
  if (within !== null && out.heads.length > 0) out = optionalIn(out, within[0]);
  // 按挂牌价预约上门回收, 按价目表下单: the price a step is done at is the business's, no word a
  // caller asking for the step says.
  const atPrice = AT_PRICE_ZH.exec(phrase);
  if (atPrice !== null && out.heads.length + out.objects.length > 0) out = optionalIn(out, atPrice[0]);
  // up to L$ 10,000 per caller in total, exactly as the payments quote shows: whom a limit counts
  // over and where its amount is read are the limit's and the records', no words a caller says.
  for (const re of [LIMIT_SCOPE_EN, AS_RECORDS_SHOW_EN]) {
    const scope = re.exec(phrase);
    if (scope === null || out.heads.length === 0) continue;
    const own = scope[0].split(/[^a-z0-9-]+/).map(stem);
    const unsaid = withOptional(
      out,
      out.words.en.filter((w) => own.includes(w)),
    );
    // What is left must still name the rule (fee refund per order is no refund of anything).
    if (out.words.en.some((w) => !unsaid.optional?.includes(w) && !own.includes(w))) out = unsaid;
  }
  if (out.heads.length > 0 && out.objects.length > 0) {
    const sent = SENT_TO_ZH.exec(phrase);
    if (sent !== null) {
      const senses = scanSensesOf(sent[0]);
      const objects = out.objects.filter((o) => !senses.includes(o));
      // What is sent stays to be said: a rule whose only thing is the channel keeps it.
      if (objects.length > 0)
        out = optionalIn(
          { ...out, objects, surface: out.surface.filter((w) => !sent[0].includes(w)) },
          sent[0],
        );
    }
    for (const kinds of phrase.matchAll(KINDS_BEFORE_ZH)) out = optionalIn(out, kinds[0]);
  }
  const left = TIME_LEFT.exec(phrase);
  if (left !== null && out.heads.length > 0) {
    const senses = scanSensesOf(left[0]);
    const objects = out.objects.filter((o) => !senses.includes(o));
    if (objects.length < out.objects.length)
      out = { ...out, objects, surface: out.surface.filter((w) => !left[0].includes(w)) };
  }
  return out;
}

/** The leftover text read as senses (each span's first) and the words between them. */
function leftoverReading(
  rest: string,
  absorb: readonly string[],
  leftover: Words,
): Pick<CompiledRule, 'leftoverSenses' | 'leftoverBesidesSenses'> {
  if (isEmptyWords(leftover)) return { leftoverSenses: [], leftoverBesidesSenses: leftover };
  const spans: SenseSpan[] = [];
  scanSenses(rest, spans);
  const senses: number[] = [];
  let out = rest;
  for (const span of spans) {
    const k = span.senses[0]!;
    if (!senses.includes(k)) senses.push(k);
    out = `${out.slice(0, span.start)}${' '.repeat(span.end - span.start)}${out.slice(span.end)}`;
  }
  return { leftoverSenses: senses, leftoverBesidesSenses: contentWords(out, absorb) };
}

function isEmptyWords(w: Words): boolean {
  return w.zh.length === 0 && w.en.length === 0;
}

/**
 * Any goodwill payment: the act is said by the company's word for why it gives (goodwill), which
 * no request must say, and the one word left is a thing (payment). Matched by that word alone,
 * every request naming a payment (a payment holiday, stop his payments) would be this rule: the
 * meaning reads it instead.
 */
function thingOnly(tokens: Words, meaning: RuleMeaning, phrase: string): boolean {
  if (meaning.heads.length === 0 || tokens.zh.length > 0 || tokens.en.length !== 1) return false;
  return COMPANYS_WHY_EN.test(phrase) && !hasAction(scanSenses(tokens.en[0]!));
}

/** Why the company gives it (goodwill, courtesy): its word, which no caller must say (see GENERIC_EN). */
const COMPANYS_WHY_EN = /\b(?:goodwill|courtesy|complimentary|discretionary)\b/;

/** True when the phrase names an action the lexicon or the sense table knows. */
function namesAction(phrase: string): boolean {
  return detectConcepts(phrase).length > 0 || hasAction(scanSenses(phrase));
}

/**
 * A quantity named without an operator is a limit, not an exact amount, when it counts times
 * (免费改签一次: one free change, or fewer) or gives a window for an action that is not itself
 * measured in time (7天无理由退货: returns within seven days). 延长试用7天 stays exact.
 */
function isLimit(condition: RuleCondition, concepts: readonly ConceptDef[]): boolean {
  // 延迟退房至14点: a time of day named by a rule is the latest it allows.
  if (condition.family === 'count' || condition.family === 'clock') return true;
  return (
    condition.family === 'duration' &&
    concepts.length > 0 &&
    !concepts.some((c) => c.families?.includes('duration'))
  );
}

/**
 * Parses a product's `operator_permissions` once: each rule becomes an action phrase (recognised
 * through the lexicon where possible, else by its content words) and an optional condition on an
 * amount, a duration, a count or a data volume.
 *
 * @example const rules = compileRules(product.operator_permissions);
 * checkPermission(rules, '退款50元').status // 'can_approve_immediately'
 */
export function compileRules(permissions: OperatorPermissions): CompiledRules {
  // A server builds a session, and so compiles the rules, for every chat turn from the product
  // record it reads again (bench/serve.bench.mjs). Compiled rules never change, and the decisions
  // cached for them stay true, so equal rules share one compilation and its decision cache.
  const key = JSON.stringify(CATEGORY_KEYS.map((category) => permissions[category] ?? []));
  const known = compiledLately.get(key);
  if (known) {
    compiledLately.delete(key);
    compiledLately.set(key, known);
    return known;
  }
  const compiled = compileAll(permissions);
  compiledLately.set(key, compiled);
  if (compiledLately.size > MAX_COMPILED) compiledLately.delete(compiledLately.keys().next().value as string);
  return compiled;
}

/** Rule sets compiled lately, by their texts' JSON, least recently used first. */
const compiledLately = new Map<string, CompiledRules>();
/** Products a process answers for at once, in practice a handful. */
const MAX_COMPILED = 32;

function compileAll(permissions: OperatorPermissions): CompiledRules {
  let rules: CompiledRule[] = [];
  // Rules for a phrase without its note or one side of its slash: the phrase as written, read shorter.
  const shorterPhrases = new Set<CompiledRule>();
  // The remedies of rules written "circumstance: remedy", with their circumstances' words.
  const circumstances = new Map<CompiledRule, string[]>();
  let size = 0;
  for (const category of CATEGORY_KEYS) {
    for (const written of permissions[category] ?? []) {
      if (written.trim() === '') continue;
      size++;
      for (const text of statedActions(written, category))
        compileText(rules, shorterPhrases, circumstances, category, text);
    }
  }
  rules = settleCircumstances(rules, circumstances);
  // Read once per rule as written: its shorter phrases share its text.
  const residuals = new Map<string, { residual: string; cases: readonly string[] } | undefined>();
  const roles = rolesDefined(rules);
  for (const rule of rules) {
    // A forbidden rule never yields: what it forbids stays forbidden whatever else reads the request.
    // Nor does a case the rule lists after its colon (金价下跌要求退差价): it is a case of its own.
    if (rule.category !== 'forbidden') {
      if (!residuals.has(rule.text)) {
        const residual = residualCasesOf(rule.text);
        residuals.set(
          rule.text,
          residual === undefined ? undefined : { residual, cases: casesAfterColon(rule.text) },
        );
      }
      const found = residuals.get(rule.text);
      if (found !== undefined && !found.cases.includes(rule.phrase)) rule.residual = found.residual;
    }
    const falsity = rule.category === 'forbidden' ? falseRecordForms(rule.text) : undefined;
    if (falsity !== undefined) rule.falsity = falsity;
    const excepted = rule.category === 'forbidden' ? exceptedRole(rule.text) : undefined;
    if (excepted !== undefined) {
      const flags = scanSenses(normalizeText(excepted.acts));
      const acts: number[] = [];
      for (let k = 0; k < flags.length; k++) if (flags[k] === 1) acts.push(k);
      if (acts.length > 0) rule.excepted = { role: excepted.role, acts };
    }
    const role = ROLE_SUBJECT_EN.exec(rule.phrase)?.[1];
    const roleZh = rule.category === 'forbidden' ? ROLE_SUBJECT_ZH.exec(rule.phrase)?.[1] : undefined;
    if (role !== undefined) rule.role = role.replace(/s$/, '').replace(/[sz](?=er$)/, '[sz]');
    else if (roleZh !== undefined && roles.has(roleZh)) rule.role = escapeRegExp(roleZh);
    else if (rule.category === 'forbidden') {
      const quoted = quotedWords(rule.text);
      if (quoted !== undefined) rule.quoted = quoted;
    }
  }
  beyondTheLimits(rules);
  markDomainWords(rules, shorterPhrases);
  // 发货以前改收货地址 is no change of a phone number (把存茶人的电话改成我的), nor 改存茶人手机号 one of
  // an address: both are the same kind of record to the senses, so a rule that changes one only
  // excludes the other being changed.
  for (const rule of rules) {
    const address = ADDRESS_WORD.test(rule.phrase);
    const phone = PHONE_WORD.test(rule.phrase.replace(MANNER_LEAD_ZH, ''));
    if (address && !phone && rule.category !== 'forbidden') addExclusion(rule, changed(PHONE_WORD));
    if (phone && !address) addExclusion(rule, changed(ADDRESS_WORD));
  }
  // 学员信息只告诉登记家长本人: the accounts are a guardian's, held for their children;
  // 治丧信息只告诉合同委托人本人: a principal's, held for their kin.
  const wards = rules.some((r) => PRINCIPAL_ACCOUNT.test(r.text))
    ? 'kin'
    : rules.some((r) => GUARDIAN_ACCOUNT.test(r.text))
      ? 'children'
      : undefined;
  if (wards !== undefined) for (const rule of rules) rule.meaning = { ...rule.meaning, wards };
  const sole = markSoleObjects(
    rules.map((r) => ({ meaning: r.meaning, forbidden: r.category === 'forbidden', spans: spansTime(r) })),
  );
  for (const [k, rule] of rules.entries()) rule.meaning = sole[k]!;
  return { size, rules };
}

/**
 * The actions a rule states one after another, each with its own terms: "switch posted tickets
 * to box office collection, free, up to 24 hours before; refund the delivery fee (<= $20) if
 * tracking shows not delivered" is a switch and a refund, and its limit is the refund's. A
 * semicolon outside brackets ends one when what follows starts with an action of its own (a
 * Chinese one, when it names one: 约免费试听课、约课；上课前24小时以上请假、调课; a forbidden rule
 * only where it opens on its action). A Chinese ban also states each act it lists (`actsBanned`).
 */
function statedActions(text: string, category: PermissionCategory): string[] {
  return casesOf(text)
    .flatMap((c) => piecesOf(c, category))
    .flatMap(
      (piece) =>
        listedLimits(piece) ??
        (category === 'forbidden' ? (actsBanned(piece) ?? [piece]) : [piece, ...casesOfTopic(piece)]),
    );
}

/**
 * Paperwork for the accounts desk (within 2 business days): changing a group's payout account or
 * contact person, invoices and VAT questions, closing accounts: a topic before the colon, and the
 * cases it takes listed after it, each a rule of its own beside the topic's. Only in English, and
 * where most cases name an action.
 */
function casesOfTopic(piece: string): string[] {
  if (hasCjk(piece)) return [];
  const text = withoutNotes(piece);
  const colon = colonOutsideNotes(text.replace(/(?<=\d):(?=\d)/g, '.'));
  if (colon <= 0) return [];
  const topic = text.slice(0, colon).trim();
  if (topic.split(' ').length > 6 || namesAction(topic)) return [];
  const cases = text
    .slice(colon + 1)
    .split(/\s*[;.]\s/)[0]!
    .split(/\s*,\s*(?:and\s+|or\s+)?/)
    .map((c) => c.trim())
    // logged for the claims desk, which investigates: what someone else then does is no case.
    .filter((c) => c.split(' ').length >= 2 && !RELATIVE_LEAD.test(c));
  if (cases.length < 2) return [];
  const acting = cases.filter(namesAction);
  return acting.length * 2 >= cases.length ? acting : [];
}

/**
 * The acts a Chinese ban lists, each a rule of its own: 提货卡折现、把未提货卡的金额退给持卡人（非
 * 购卡人），或以任何形式兑换现金 bans cashing out, refunding a holder who did not buy, and any cash;
 * read whole, the holder's "someone else" would bind the cashing out too, and the buyer's own refund
 * would read as the ban. Only where every side, outside its notes, names an action of four
 * characters or more: a list of someone's data (透露…姓名、电话、地址) stays one rule.
 */
function actsBanned(piece: string): string[] | undefined {
  // 替他人查询、暂停监控或解约: whom the acts are done for leads them all (see FOR_OTHERS_LEAD).
  if (!hasCjk(piece) || /[a-z]{2}/i.test(piece) || /^[替为代帮给向]/.test(piece.trim())) return undefined;
  // 电话里新增授权家属，或替下单人、授权家属以外的人预约、改约、取消: two bans, each with its own
  // list; for whom the second is done (anyone but those named) is no part of the first.
  const clauses = splitOutsideNotes(
    piece,
    (c, i) => (c === ',' || c === '，') && /^或者?/.test(piece.slice(i + 1)),
  ).map((clause) => clause.trim().replace(/^或者?/, ''));
  // 欠费未结清时远程解锁设备，或关闭、重置滤芯寿命提醒: a case the first opens on (…时) may hold
  // for the second too; read whole.
  const opensOnCase = /^[^,，、]{2,12}?(?:时|的时候|期间)/.test(clauses[0] ?? '');
  if (clauses.length >= 2 && !opensOnCase && clauses.every((clause) => namedAct(clause))) return clauses;
  const sides = splitOutsideNotes(
    piece,
    (c, i) => c === '、' || ((c === ',' || c === '，') && /^或者?/.test(piece.slice(i + 1))),
  );
  const acts = sides.map((side) => side.trim().replace(/^或者?/, ''));
  if (acts.length < 2) return undefined;
  return acts.every((act) => namedAct(act)) ? acts : undefined;
}

/** Whether a side of a ban names an action of its own in four characters or more, outside its notes. */
function namedAct(act: string): boolean {
  const core = act.replace(/[(（][^()（）]*(?:[)）]|$)/g, '').replace(/\s+/g, '');
  // 承诺提分、…、不提分退钱: what happens if something does not (不提分) is what is promised, no act.
  return core.length >= 4 && !/^(?:不|没|未)/.test(core) && namesAction(core);
}

/** The text cut where `cuts` says, outside its bracketed notes (a ; inside （…） cuts nothing). */
function splitOutsideNotes(text: string, cuts: (c: string, at: number) => boolean): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(' || c === '（') depth++;
    else if ((c === ')' || c === '）') && depth > 0) depth--;
    else if (depth === 0 && cuts(c, i)) {
      pieces.push(text.slice(start, i));
      start = i + 1;
    }
  }
  pieces.push(text.slice(start));
  return pieces;
}

/** A limit written as a comparison with its amount (>500元, <=300元). */
const LIMIT_SAID = /[<>≤≥]=?\s*\d/;

/**
 * 储值卡退本金>500元、课程或集训营退费>1000元、场地费退款>300元（整笔报客服主管）: limits listed one
 * after another, each on its own thing, are as many rules, each with the note; read as one, only
 * the first limit would be kept. Only a Chinese list whose every item states its own limit.
 */
function listedLimits(text: string): string[] | undefined {
  const note = /[（(][^）)]*[）)]\s*$/.exec(text)?.[0] ?? '';
  const items = text.slice(0, text.length - note.length).split(/[、，,]/);
  if (items.length < 2 || !hasCjk(text)) return undefined;
  // A colon opens a case (服务失误补偿：每间夜…): the list is the case's remedies, read as written.
  if (
    !items.every((item) => LIMIT_SAID.test(item) && /[\u4e00-\u9fff]{3,}/.test(item) && !/[：:]/.test(item))
  )
    return undefined;
  return items.map((item) => `${item.trim().replace(/^(?:或者?|和|及)/, '')}${note}`);
}

/** The pieces of a rule separated by semicolons, each an action of its own (see `statedActions`). */
function piecesOf(text: string, category: PermissionCategory): string[] {
  if (!text.includes(';') && !text.includes('；')) return [text];
  const pieces = splitOutsideNotes(text, (c) => c === ';' || c === '；').map((p) => p.trim());
  const out: string[] = [];
  let lapsed = false;
  for (const piece of pieces) {
    const first = /^[a-z]+/i.exec(piece)?.[0];
    // 约免费试听课、约课；上课前24小时以上请假、调课: a Chinese piece names its action anywhere
    // (after the time it is done in); one naming none (超出的报主管) is a note of the one before.
    // A forbidden Chinese piece is a rule of its own when it opens on its action or on whom it is
    // done for (修改打卡记录或阿姨评价；为他人的合同换人、改期): a note naming an action later
    // (…里的internal_only只供内部核查) stays with the one before.
    // Read as the matcher reads it: full-width brackets (（…）) are notes too.
    // 按价目表安排同城配送: a service done at the business's price opens a piece of its own.
    const ownAction = hasCjk(piece)
      ? category !== 'forbidden'
        ? namesAction(withoutNotes(normalizeText(piece))) || AT_PRICE_LEAD_ZH.test(piece)
        : namesAction(piece.replace(MANNER_LEAD_ZH, '').slice(0, 2)) || DONE_FOR_OTHERS.test(piece)
      : first !== undefined &&
        // Letting anyone but the holder order on the account: a ban on what others are let do.
        (namesAction(first.toLowerCase()) || (category === 'forbidden' && LETTING.test(first)));
    // What does not start with an action of its own (a note, a case) belongs to the one before;
    // so does what the operator must not do meanwhile (工单处理期间客服不先行退款、不承诺赔偿金额).
    const denied = OPERATOR_DENIED.test(withoutNotes(normalizeText(piece)));
    // What follows a lapse of time is read with no piece: its time limits nothing the caller asks.
    if (out.length > 0 && category !== 'forbidden' && AFTER_A_LAPSE.test(piece)) {
      lapsed = true;
      continue;
    }
    if (out.length > 0 && (!ownAction || denied || (category !== 'forbidden' && NEVER_TOLD.test(piece))))
      out[out.length - 1] = `${out.at(-1)}; ${piece}`;
    else out.push(out.length > 0 ? withThingOfBefore(piece, out.at(-1)!) : piece);
  }
  return out.length > 1 || lapsed ? out : [text];
}

/**
 * book a pickup in a free slot …; change or cancel it free until …: a piece whose verbs take "it"
 * acts on the thing the piece before took (change or cancel a pickup).
 */
function withThingOfBefore(piece: string, before: string): string {
  const it = IT_AFTER_VERBS.exec(piece);
  if (it === null) return piece;
  const thing = THING_TAKEN.exec(before.replace(/^[^:;]{0,60}:\s*/, ''))?.[1];
  return thing === undefined ? piece : `${it[1]}${thing.trim()}${piece.slice(it[0].length)}`;
}
/** Verbs (change or cancel) then "it" or "them". */
const IT_AFTER_VERBS = /^([a-z-]+(?:,?\s+(?:or|and)\s+[a-z-]+)*\s+)(?:it|them)\b/i;
/** The thing a verb takes: its article and noun, up to a preposition (book a pickup in a free slot). */
const THING_TAKEN =
  /^[a-z-]+\s+((?:a|an|the)\s+(?:(?!(?:in|on|at|for|to|with|by|from|of|within|until|before|after)\b)[a-z-]+\s?){1,3})/i;

/**
 * A rule written as cases, each a sentence of its own that names its case before a colon (A gas
 * smell or leak: first the safety steps …, then log a safety incident. Damage to property by a
 * bottle or a rider: log a damage claim …): each case is a rule of its own, as a ; would part them.
 * A sentence without its own case (a note: Heirs go to a depot.) stays with the one before.
 */
function casesOf(text: string): string[] {
  if (!CASE_AFTER_SENTENCE.test(text)) return [text];
  const sentences = splitOutsideNotes(
    text,
    (c, i) => (c === '.' || c === '。') && CASE_AFTER_SENTENCE_AT.test(text.slice(i, i + 3)),
  ).map((x) => x.trim());
  const out: string[] = [];
  for (const sentence of sentences) {
    if (out.length > 0 && !(opensOnCase(sentence) && opensOnCase(out.at(-1)!)))
      out[out.length - 1] += `. ${sentence}`;
    else out.push(sentence);
  }
  return out.length > 1 ? out : [text];
}

/** A sentence end, then the next sentence: ". D" or "。X". */
const CASE_AFTER_SENTENCE = /\.\s+[A-Z]|。\S/;
const CASE_AFTER_SENTENCE_AT = /^(?:\.\s[A-Z]|。\S)/;

/** Whether a sentence names its case before a colon, outside its notes, early on. */
function opensOnCase(sentence: string): boolean {
  // Not the colon of a time (09:00).
  const colon = colonOutsideNotes(sentence.replace(/(?<=\d)[:：](?=\d)/g, '.'));
  return colon >= 4 && colon <= 160;
}

/** A ban opening on what others are let do (letting, allowing, permitting). */
const LETTING = /^(?:letting|allowing|permitting)$/i;

/** A forbidden piece opening on whom it is done for: 为他人的合同…, 替非本人…, 替预约人以外的人…. */
const DONE_FOR_OTHERS =
  /^(?:[替为代帮给向](?:他人|别人|其他人|非本人|非|[^,，;；]{1,8}?(?:以外|之外)的?(?:任何)?人))/;

/** A clause of a note denying the operator a step (（整笔报主管，不拆开先退一部分）). */
const DENIED_IN_NOTE =
  /(?<=[(（][^()（）]*?)[,，]?\s*不(?:拆开|拆分|分开)?(?:先行?|当场|现场|直接|马上|立即)[^,，;；()（）]*/g;

/** A clause denying the step it names (不先退款, 客服不当场退款, 不承诺赔偿金额, 不予退还). */
const STEP_DENIED = /不(?:先行?|当场|现场|直接|马上|立即|承诺|保证|答应|予|得)/;

/**
 * A step the operator is told not to take (客服不先行退款, 电话里不承诺赔偿金额, never promise an
 * amount), or told not to take even when the caller asks it (客人说先退一部分也不行，不拆开).
 */
const OPERATOR_DENIED = new RegExp(
  String.raw`^[\u4e00-\u9fff]{0,10}?(?:${STEP_DENIED.source}|不要|不可)|^(?:客人|客户|顾客|用户|来电人|对方)(?:说|要|要求|提出|坚持|想)[\u4e00-\u9fff]{0,12}?也不(?:行|可以|能|给|办|答应)|^\s*(?:never|do not|don't)\b`,
  'i',
);

/** Where a system shows room (where the slot system shows room, where the diary has space). */
const SCHEDULE_SHOWS_ROOM =
  /\bwhere\s+(?:the\s+|our\s+)?[\w-]+\s+(?:shows?|has|have|lists?)\s+(?:room|space|capacity|availability|free\s+(?:slots?|space|capacity|room))\b/gi;

/** The records a rule says show the facts (the file shows, as our records say, the system shows). */
const RECORDS_SHOW =
  /\b(?:the |our |your |its )?(?:file|records?|system|books?|account history)\s+(?:shows?|showed|says?|said)\b/gi;

/** An address, and a phone number, named in Chinese (see `compileAll`). */
const ADDRESS_WORD = /地址/;
const PHONE_WORD = /电话|手机|号码/;
/** A record of that kind changed, in a request (改…手机号, 电话改成我的). */
function changed(kind: RegExp): string {
  const gap = '[^,.!?;:，。！？；]{0,8}?';
  return `(?:改|换|变更)${gap}(?:${kind.source})|(?:${kind.source})${gap}(?:改|换|变更)`;
}

/** Where a ban's act is done, opening its piece (在电话里改存茶人手机号: changed on the phone). */
const MANNER_LEAD_ZH = /^(?:在)?(?:电话|线上|网上|微信|短信)(?:里|上|中)/;

/**
 * A piece that ends saying what is never told (订单金额、下单人是谁，寄件人选了匿名寄送的一概不讲): in a
 * rule of what may be done, it limits the piece before; it is nothing the operator may do.
 */
const NEVER_TOLD = /(?:一概|一律|都|均|概)不(?:讲|说|告诉|告知|透露|提供)[。.]?\s*$/;

/**
 * A piece opening on what follows when time passes without something (…登记理赔工单；30天没找回按规则
 * 换车或退款): the outcome of the piece before, no request a caller makes, and no limit on it.
 */
const AFTER_A_LAPSE =
  /^(?:超过)?[\d一二三四五六七八九十两]+个?(?:工作日|天|日|小时|周|星期|个?月)(?:内|以内|之内)?(?:还|仍|都)?(?:没|未)/;

/** A rule on what goes beyond the limits (超出规定的冻结, extensions beyond the allowance). */
const BEYOND_LIMITS =
  /超出规定|超出范围|超过规定|超出标准|超限|规定以外|规定之外|\bbeyond (?:the |those |these )?(?:limits?|rules?|allowance|above)\b|\boutside (?:the |those |these )?(?:rules?|limits?|allowance)\b/i;

/**
 * 规定范围内冻结：月卡最长7天 beside 超出规定的冻结: a rule that escalates what goes beyond the limits,
 * stating none of its own, starts where the approval on the same action ends (over 7 days).
 */
function beyondTheLimits(rules: CompiledRule[]): void {
  for (const rule of rules) {
    if (
      rule.condition !== undefined ||
      rule.category === 'can_approve_immediately' ||
      rule.category === 'forbidden'
    )
      continue;
    const beyondWords = BEYOND_LIMITS.exec(rule.text);
    if (beyondWords === null) continue;
    const heads = rule.meaning.heads;
    const limits = rules.filter(
      (r) =>
        r.category === 'can_approve_immediately' &&
        r.condition?.hi !== undefined &&
        r.condition.lo === undefined &&
        !r.condition.invalid &&
        r.meaning.heads.some((h) => heads.includes(h)),
    );
    // Refunds within 14 days of a plan's purchase, billing errors up to EUR 120, and 'any refund
    // outside the rules': beyond which limit is not said, so none is taken; the rule stays one on
    // exceptions (see `OUTSIDE_THE_RULES` in the engine).
    const within = limits[0];
    if (within === undefined || limits.some((r) => r.text !== within.text)) continue;
    const c = within.condition!;
    const beyond: RuleCondition = { lo: c.hi!, loInclusive: !c.hiInclusive, hiInclusive: false };
    if (c.unit !== undefined) beyond.unit = c.unit;
    if (c.family !== undefined) beyond.family = c.family;
    if (c.noun !== undefined) beyond.noun = c.noun;
    rule.condition = beyond;
    // Beyond the limits is the condition's to say now: no word a caller must say.
    rule.meaning = optionalIn(rule.meaning, beyondWords[0]);
  }
}

/** Compiles one rule text, with the shorter phrases it stands for, into `rules`. */
function compileText(
  rules: CompiledRule[],
  shorterPhrases: Set<CompiledRule>,
  circumstances: Map<CompiledRule, string[]>,
  category: PermissionCategory,
  text: string,
): void {
  const whole = compileRule(category, text);
  if (category === 'can_approve_immediately') stepBeforeRemedy(whole);
  // hold seats, release unreleased inventory or give out presale codes: each action with its
  // own object is a rule of its own, in place of the whole (see `wholeActions`). Likewise reship
  // by express, or a 3rd barcode reissue: each case (whose words would pair across cases). Each
  // part with its own shorter phrases (refund per job → refund).
  const parts = wholeActions(whole.phrase, namesAction) ?? englishCases(whole.phrase, namesAction);
  if (parts) {
    for (const part of parts) {
      const rule = withExclusions(compileRule(category, text, part), whole.phrase);
      rules.push(rule);
      for (const a of englishAlternatives(rule.phrase, category, namesAction))
        rules.push(withExclusions(compileRule(category, text, a), whole.phrase));
    }
    return;
  }
  // 为他人的订单退车: done for someone named in the request's own clause (see the steps below).
  const forWhom = withoutNotes(whole.phrase).replace(/\s+/g, '');
  if (category === 'forbidden' && FOR_OTHERS_LEAD.test(forWhom))
    whole.meaning = { ...whole.meaning, ownClause: true };
  // 为不能当场证明…的人开门、换锁: done for one the rule describes, the caller's own door is no
  // such step; a request names the one it is for (租客的门, 我哥家).
  const described = category === 'forbidden' && FOR_DESCRIBED_LEAD.test(forWhom);
  if (described) whole.meaning = { ...whole.meaning, needsOther: true };
  const first = rules.length;
  rules.push(whole);
  // 退款或补偿>50元/单（重复扣款>200元/单）: the kind its note limits apart is a rule of its own,
  // only where that asks more (a supervisor, a process): never an approval the phrase does not give.
  if (category === 'requires_supervisor' || category === 'requires_process')
    for (const limited of kindLimits(text, whole.concepts[0]?.zh ?? ''))
      rules.push({ ...compileRule(category, limited), text: whole.text });
  // 规则外的退货退款、折扣和补偿：金价下跌要求退差价、要求按挂牌价回收、…: each case a rule that
  // escalates lists after its colon is asked in its own words (把差价退给我, 按你们卖的价收); read
  // only through the head it would need 规则外 said, which no caller says. Each case keeps its own
  // limit (超过7天要求退货).
  if (category === 'requires_supervisor')
    for (const c of casesAfterColon(text)) {
      const rule = { ...compileRule(category, c), text: whole.text };
      // 已拆封的种子化肥 is not 没拆封的: the state the case is in, said denied, is not it.
      const state = /^已(?:经)?([\u4e00-\u9fff]{2})/.exec(c)?.[1];
      if (state !== undefined) addExclusion(rule, `(?:没有?|未|还没|不曾|并未)${state}`);
      rules.push(rule);
    }
  // Each action the phrase lists is a rule of its own too, under the rule's text: a request
  // says one (过户 of 开户、过户或销户). The whole stays first: what it matches, it matches as before.
  // A note beside the list (约免费试听课（每位学员1次）、约课) is the whole phrase's: the list is read without it.
  const listed = phraseAlternatives(whole.phrase, category);
  const withoutNote = withoutNotes(whole.phrase).replace(/\s+/g, '');
  if (listed.length === 0 && withoutNote !== whole.phrase)
    listed.push(...phraseAlternatives(withoutNote, category));
  for (const a of listed) rules.push(withOpposed(alternativeRule(category, text, a), whole));
  // English likewise: the phrase without its qualifiers, one per thing a list names.
  for (const a of englishAlternatives(whole.phrase, category, namesAction))
    rules.push(withOpposed(withExclusions(compileRule(category, text, a), whole.phrase), whole));
  // 替他人暂停监控或解约: each step a forbidden rule forbids doing for someone else, apart.
  // A step named only by a broad verb (为他人查询) is kept whole: alone it would forbid any
  // question a line holding 他 asks (明天下午我得去医院复查, of a technician's visit).
  // Each step is done for someone named in the request's own clause (帮我妈把她家的监控停了), not
  // for the caller whose line tells of family elsewhere (我跟我老婆要去深圳帮儿子带孙孙…监控先给我停了).
  if (category === 'forbidden')
    for (const a of [
      ...forbiddenKinds(whole.phrase),
      ...forbiddenThingsIn(whole.phrase),
      ...kindsOfOneWork(whole.phrase),
    ])
      rules.push(compileRule(category, text, a));
  if (category === 'forbidden')
    for (const banned of thingsBanned(whole.phrase)) {
      const rule = compileRule(category, text, banned.thing);
      rule.handedIn = banned.acts;
      rules.push(rule);
    }
  if (category === 'forbidden')
    for (const act of actsLetToCallers(whole.phrase)) {
      // 电瓶进楼进房充电 is charging indoors, not charging: indoors is said too, in the caller's
      // words (提上楼, 屋头), and the act is the rest (电瓶充电).
      const indoors = act.phrase.replace(INDOORS_IN_RULE, '').replace(/^在/, '');
      const rule = compileRule(category, text, indoors.length >= 2 ? indoors : act.phrase);
      if (indoors !== act.phrase) rule.circumstance = INDOORS_SAID;
      else if (act.bySelf) rule.circumstance = DONE_BY_SELF;
      rules.push(rule);
    }
  if (category === 'forbidden')
    for (const a of stepsForOthers(whole.phrase)) {
      const step = compileRule(category, text, a);
      const { generic, objects, words } = step.meaning;
      if (UNPROVEN_LEAD.test(forWhom)) {
        // 为不能当场证明…的人开门: a step for someone else's home, told anywhere in the line (俺哥家,
        // 租出去的房子); the caller's own door is none of them.
        step.circumstance = OTHERS_HOME;
        rules.push(step);
        continue;
      }
      step.meaning = { ...step.meaning, ownClause: true, ...(described ? { needsOther: true } : {}) };
      if (!(generic && objects.length === 0 && words.zh.length + words.en.length === 0)) rules.push(step);
    }
  // Chinese likewise: the phrase without its note in brackets, one per side of a slash. An approval
  // written "circumstance: remedy" (截单前：取消整单并全额原路退款) gives its remedies only with the
  // circumstance told (see `circumstanceRules`): 全额原路退款 alone would approve any refund.
  // Not where what precedes the colon says for whom (为预订人或入住人本人：…): a caller never says it.
  const framed = category === 'can_approve_immediately' && circumstanceFirst(whole.phrase, namesAction);
  const gated =
    framed && !FOR_WHOM_LEAD.test(framed.circumstance) && !WHO_CALLS.test(framed.circumstance)
      ? framed.circumstance
      : undefined;
  // Nor a clause telling the operator what not to do (核查结果出来前不先退款): no caller asks for that.
  // Nor who calls alone (预约人本人打来的): 预约人 is a person, and who calls asks for nothing.
  const shorter = chineseAlternatives(whole.phrase, category, namesAction).filter(
    (a) =>
      (gated === undefined || a.includes(gated)) &&
      (category === 'forbidden' || !STEP_DENIED.test(a)) &&
      !WHO_CALLS.test(a),
  );
  for (const a of shorter) {
    const rule = withExclusions(compileRule(category, text, a), whole.phrase);
    shorterPhrases.add(rule);
    rules.push(rule);
  }
  // 其他退款或服务补偿：退款<=50元/单: the actions the shorter phrase lists, each on its own too.
  for (const a of shorter)
    for (const side of phraseAlternatives(a, category))
      if (!shorter.includes(side) && !listed.includes(side)) {
        const rule = withExclusions(alternativeRule(category, text, side), whole.phrase);
        shorterPhrases.add(rule);
        rules.push(rule);
      }
  if (category !== 'forbidden')
    circumstanceRules(rules, shorterPhrases, circumstances, category, text, whole);
  // 食品安全问题（吃出异物、食用后身体不适、要求赔医药费）: an action the note lists as a case of a rule
  // that escalates (the money asked for the illness) is asked of that rule where its case is told
  // (拉肚子, 吃出异物): the head before the note and the examples that are no action.
  if (category === 'requires_supervisor' || category === 'requires_process') {
    const examples = listedExamples(whole.phrase);
    const asked = examples.filter((e) => e.length >= 3 && namesAction(e));
    const head = withoutNotes(whole.phrase.split(/[:：]/)[0]!).replace(/\s+/g, '');
    const told = [
      ...contentWords(head).zh.filter((w) => w.length >= 2 && !namesAction(w)),
      ...examples.filter((e) => !asked.includes(e)),
    ];
    if (told.length > 0)
      for (const example of asked) {
        const rule = compileRule(category, text, example);
        circumstances.set(rule, told);
        rules.push(rule);
      }
  }
  if (category === 'requires_supervisor' || category === 'requires_process')
    inheritStates(rules, first, whole);
}

/**
 * 质保期外（含刚过期）复漏要求免费返修或减免费用: the state the whole rule is in (out of warranty) is
 * each shorter phrase's too (减免费用 said of a repair in warranty is not this rule). Not a state
 * that must be said (第二次): unsaid, it would keep a shorter phrase from reading a plain request.
 * Only for rules that escalate: an approval's shorter phrase reads its states off the verified facts.
 */
function inheritStates(rules: CompiledRule[], first: number, whole: CompiledRule): void {
  const states = whole.meaning.polar.filter((p) => SENSES[p]!.mustBeSaid !== true);
  if (states.length === 0) return;
  for (let k = first + 1; k < rules.length; k++) {
    const rule = rules[k]!;
    if (rule.text !== whole.text) continue;
    const missing = states.filter((p) => !rule.meaning.polar.includes(p));
    // A shorter phrase stating a state of the same kind (another side of it) keeps its own.
    const groups = new Set(rule.meaning.polar.map((p) => SENSES[p]!.polar));
    const added = missing.filter((p) => !groups.has(SENSES[p]!.polar));
    if (added.length > 0) rule.meaning = { ...rule.meaning, polar: [...rule.meaning.polar, ...added] };
  }
}

/**
 * 出发前15天及以上取消：全额原路退款: the step before the colon (取消) is what the remedy follows
 * from; a request must take it too (a refund of a price difference is no cancellation). A broad
 * step that the lexicon's action left out of the rule's heads becomes one the request must say.
 */
function stepBeforeRemedy(rule: CompiledRule): void {
  if (!hasCjk(rule.phrase)) return;
  const colon = colonOutsideNotes(rule.phrase);
  if (colon < 2) return;
  const steps = actionsIn(scanSenses(withoutNotes(rule.phrase.slice(0, colon))));
  const unsaid = steps.filter((k) => !rule.meaning.heads.includes(k));
  if (unsaid.length === 0 || unsaid.length < steps.length) return;
  rule.meaning = { ...rule.meaning, stepsBefore: unsaid };
}

/** The price a rule's step is done at (see `AT_PRICE`). */
const AT_PRICE_ZH = new RegExp(AT_PRICE);
/** A step opening on the price it is done at (按价目表安排同城配送). */
const AT_PRICE_LEAD_ZH = new RegExp(`^${AT_PRICE}`);

/** What opens a rule by whom it serves (为预订人或入住人本人, 给会员本人): no circumstance a caller tells. */
const FOR_WHOM_LEAD = /^(?:为|给|替|对|限)/;

/** A clause that says only who is calling (预约人本人（…）打来的, 下单人或登记联系人来电): whom a rule serves. */
const WHO_CALLS = /^[^,，:：;；]*(?:本人|联系人|家属|家人)[^,，:：;；]*(?:打来|来电)的?$/;

/**
 * The shorter phrases of a rule written "circumstance: remedy" (see `circumstanceFirst`). A caller
 * asks an approval rule for its remedy (被扣的课时还给我) while telling the circumstance in their own
 * words (那天停电停课了): the remedy alone, and each shorter phrase of it, is the rule when the
 * circumstance is said too (`CompiledRule.circumstance`, settled in `settleCircumstances`), and
 * never where the request says a state the circumstance denies (尚未施工 against 已经装上了). A
 * rule that escalates is asked for by the circumstance itself (孩子在馆内受伤或财物丢失: what
 * follows is how it is handled), which is its shorter phrase.
 */
function circumstanceRules(
  rules: CompiledRule[],
  shorterPhrases: Set<CompiledRule>,
  circumstances: Map<CompiledRule, string[]>,
  category: PermissionCategory,
  text: string,
  whole: CompiledRule,
): void {
  const framed = circumstanceFirst(whole.phrase, namesAction);
  if (framed === undefined) return;
  if (category !== 'can_approve_immediately') {
    const rule = withExclusions(compileRule(category, text, framed.circumstance), whole.phrase);
    shorterPhrases.add(rule);
    rules.push(rule);
    return;
  }
  const denied = conditionExclusions(`(${framed.circumstance})`);
  // Words of a state the circumstance denies (上课 of 尚未上课) are told denied, which the
  // exclusion reads: they do not tell the circumstance.
  const deniedStatesSaid = deniedStates(framed.circumstance);
  const remedyWords = new Set(framed.remedies.flatMap((r) => contentWords(r).zh));
  const said = contentWords(framed.written)
    .zh.map((w) => w.replace(BOUND_END, ''))
    .filter(
      (w) =>
        w.length >= 2 &&
        !remedyWords.has(w) &&
        !NOT_CIRCUMSTANCE.test(w) &&
        !deniedStatesSaid.some((state) => state.includes(w)),
    );
  // 质量问题（烂、坏、变质、破损）: the cases the team lists are the circumstance told, each of them.
  said.push(...listedExamples(framed.written).filter((w) => !remedyWords.has(w) && !said.includes(w)));
  if (said.length === 0) return;
  const phrases = framed.remedies.flatMap((r) => [r, ...chineseAlternatives(r, category, namesAction)]);
  for (const a of new Set(phrases)) {
    const rule = withExclusions(compileRule(category, text, a), whole.phrase);
    addExclusion(rule, denied);
    circumstances.set(rule, said);
    shorterPhrases.add(rule);
    rules.push(rule);
  }
}

/** A rule opening on what no other rule covers: 其他规则以外的, 规定以外的, 规则外的, any other, anything else. */
const RESIDUAL =
  /^(?:其他|其它|另外)?(?:以上)?(?:规则|规定|上述)(?:以外|之外|外)|^(?:其他|其它)(?!用户|人|客户|会员|学员|乘客)|^(?:any|all) other\b|^anything (?:else|not covered)/i;

/** A note in brackets listing examples (烂、坏、变质; 如冰箱食品损失、误工费), and its items. */
const NOTE_LIST = /\(([^()]*、[^()]*)\)/g;
const EXAMPLE_LEAD = /^(?:如|例如|比如|包括|含)/;

/**
 * For a rule opening on what no other rule covers, the expression source of the cases its list or
 * note names (see `CompiledRule.residual`); undefined for any other rule.
 */
function residualCasesOf(text: string): string | undefined {
  const norm = normalizeText(text);
  if (!RESIDUAL.test(norm)) return undefined;
  return [...listedExamples(norm, 16), ...listedItemsOf(norm)]
    .filter((e) => !namesAction(e))
    .flatMap((e) => contentWords(e).zh.filter((w) => w.length >= 2))
    .map(escapeRegExp)
    .join('|');
}

/** The items of a list outside notes (打车费、误工费、现金补偿): short Chinese items, one word each. */
function listedItemsOf(norm: string): string[] {
  const list = CJK_LIST.exec(withoutNotes(norm));
  return list === null ? [] : list[0].split('、').filter((w) => /^[\u4e00-\u9fff]{2,6}$/.test(w));
}

/** The examples a note in the normalised `written` lists: Chinese items of up to `longest` characters. */
function listedExamples(written: string, longest = 6): string[] {
  const out: string[] = [];
  for (const note of written.matchAll(NOTE_LIST))
    for (const item of note[1]!.split(/、|或者|或|及|和/)) {
      const w = item.trim().replace(EXAMPLE_LEAD, '');
      if (w.length <= longest && /^[\u4e00-\u9fff]+$/.test(w)) out.push(w);
    }
  return out;
}

/** A rule forbidding a record that says other than what happened. */
const FALSE_RECORD =
  /不符|不一致|不实|虚开|虚假|伪造|篡改|改写|(?:高于|超过|多于|低于)实(?:付|收|际)|\b(?:untrue|not true|misleading)\b|\bdo(?:es)? not match\b|\bdon'?t match\b|\bfalse\b|\bfake\b|\bback-?dat|\bthat did not happen\b|\b(?:doesn't|does not|didn't|did not) (?:show|happen)\b/i;
/**
 * A false record asked for: written as something else (开成会议费, 写成, label it as), its date or
 * amount changed, issued for more or less than was paid, backdated.
 */
const FALSE_RECORD_ASKED = [
  // Not what was done wrong already (你们给弄成32X了): that is told.
  '[开写改换当算打弄记填列]成(?![^,.!?;:、\\n]{0,10}?了(?:[,.!?;:、\\n]|$))',
  '改(?:一下|个)?(?:日期|时间|金额|名目|项目|品名|结论|原因|结果|责任)',
  '(?:日期|时间|金额|名目|项目|品名|结论|原因|结果|责任)(?:给我)?改',
  // 就写“502漏水是602引起的”: whose fault it was, written at the caller's word.
  '写(?:上|成|明)?\\s*[“"「‘\'][^”"」’\']{0,40}?(?:引起|造成|导致|责任|原因)',
  '倒签',
  '虚开',
  // 给我重新开个收据，写个三千五: an amount to be written on it, which only a changed one needs.
  '(?:收据|发票|证明|票)[^.!?;\\n]{0,10}?(?:写|填)(?:个|上)\\s*(?:\\d|[一二两三四五六七八九十])',
  '[多少]开',
  // 数量你给我多写点儿: more or less written than was bought.
  '[多少][写填](?![了过])',
  '(?:别|不要)(?:写|开)(?:上|出)?(?:实际|真实|品名|名目)',
  // 品名就写办公用品: the item named at the caller's word, not as bought.
  '(?<!实际|真实|按)(?:品名|名目)(?:就|都|给我)?(?:写|填)(?!实际|真实)',
  // label it as, put my Pilates classes down as physio: up to three words of what is relabelled.
  // Not "refund billing errors exactly as the records show": as compares there.
  // Nor one told of as it stands (a person listed as authorised on the account).
  "(?<!\\b(?:person|people|persons|someone|anyone|name|names|who|is|are|was|were)\\s)\\b(?:re)?(?:label|put|write|list|mark|bill|code|invoice|show)\\w*\\s+(?:[\\w'-]+\\s+){0,3}?(?:down\\s+)?(?<!\\b(?:exactly|just|such|same|well|so)\\s)as\\b",
  // just put inna di computer that unu salted di steps: what the business did, written into its
  // records at the caller's word.
  "\\b(?:put|write|mark|log|record|note|enter|type)\\w*\\s+(?:(?:it\\s+)?(?:down\\s+)?(?:in|inna|into|on|onto)\\s+(?:the|di|da|your|yer)\\s+(?:computer|system|log|records?|file|books?|notes)\\s+)?that\\s+(?:(?:you|unu|y'all|ye|yous|your (?:guys|crew|lads|team|driver|men)|the (?:crew|driver|lads|team|guys)|they)\\b|(?:the|my|our|di|da)\\s+[\\w-]+\\s+(?:was|were|got|had been)\\s+[a-z]+ed\\b)",
  '\\bchange the (?:date|amount|item|name|service)',
  '\\bback-?dat',
  // Just date the certificate from then, put an earlier date on it: backdated in other words.
  '\\bdate\\s+(?:it|this|that|them|the\\s+[\\w-]+)\\s+(?:from|as of|back to)\\s+(?:then|before|earlier|last\\b|the\\s+[\\w-]+|\\d)',
  '\\ban? earlier date\\b',
  '\\bdifferent (?:date|amount|name|item)',
  '\\binstead of\\b',
].join('|');

/**
 * What a forbidden rule on a false record forbids, as a request says it (`CompiledRule.falsity`),
 * with the examples the rule quotes (如把蛋糕开成'会议费''办公用品'); undefined for any other rule.
 */
function falseRecordForms(text: string): string | undefined {
  if (!FALSE_RECORD.test(text)) return undefined;
  return [FALSE_RECORD_ASKED, ...quotedIn(text)].join('|');
}

/**
 * The phrases a rule quotes ('会议费', 'non-toxic', 'it's really my car'), as expression sources. An
 * apostrophe inside a word (it's) neither opens nor closes a quotation.
 */
function quotedIn(text: string): string[] {
  return [...text.matchAll(/(?<![a-z])['‘“"「]((?:[^'’”"」]|['’](?=[a-z])){2,24})['’”"」](?![a-z])/gi)].map(
    (m) => escapeRegExp(normalizeText(m[1]!)),
  );
}

/**
 * 只要一个“是不是”也不行, not even a 'yes or no': a rule on others' data quoting the answer it
 * refuses to give about them, which is no word a caller must not say (是不是你们搞错了).
 */
const YES_OR_NO = /^(?:是不是|有没有|是否|对不对|在不在|yes|no|yes or no|a yes or no)$/i;

/** What a forbidden rule quotes as not to be said (`CompiledRule.quoted`), as one expression source. */
function quotedWords(text: string): string | undefined {
  const quoted = quotedIn(text).filter((q) => !YES_OR_NO.test(q));
  return quoted.length === 0 ? undefined : quoted.join('|');
}

/**
 * Words of a circumstance that do not tell it: a denied or past state (无外伤, 尚未, 已), a bound
 * or a window (超过, 安装后, 期内), and words any request may hold (原因, 用户, 问题).
 */
const NOT_CIRCUMSTANCE =
  /^(?:无|未|非|不|没|尚|已|超过|以上|以内|含|第)|期内|(?:之内|以内|以上)$|^(?:小时|导致|影响|用户|客户|原因|问题|情况|错误|时候|要求)$/;
/** After or before an event (签约后, 开课前): the event tells the circumstance. */
const BOUND_END = /(?<=..)[后前]$/;

/**
 * The words each remedy's circumstance is recognised by, kept where no other rule's phrase has
 * them (轮胎 of 轮胎质量问题 names every rule of a tyre shop, 质量 only that one); a remedy whose
 * circumstance keeps no word of its own is dropped, as nothing could tell its circumstance said.
 */
function settleCircumstances(
  rules: CompiledRule[],
  circumstances: ReadonlyMap<CompiledRule, string[]>,
): CompiledRule[] {
  if (circumstances.size === 0) return rules;
  // Each rule as written, once (its shorter phrases share its text).
  const written = new Map<string, string>();
  for (const r of rules)
    if (!written.has(r.text)) written.set(r.text, withoutNotes(parseRule(r.text).phrase));
  const phrases = [...written];
  const kept: CompiledRule[] = [];
  for (const rule of rules) {
    const words = circumstances.get(rule);
    if (words === undefined) {
      kept.push(rule);
      continue;
    }
    const own = words.filter((w) => !phrases.some(([t, phrase]) => t !== rule.text && phrase.includes(w)));
    if (own.length === 0) continue;
    const told = written.get(rule.text)!;
    const late = LATE_CIRCUMSTANCE.test(told) ? LATE_SAID : [];
    const forms = [...new Set([...own, ...own.flatMap(thingsSaidAs), ...late])].map(escapeRegExp);
    // 系统重复扣款…：原路退回: a charge taken twice, however the caller says so (扣了我两回).
    if (DUPLICATE_RULE.test(told)) forms.push(TWICE_SAID);
    rule.circumstance = forms.join('|');
    kept.push(rule);
  }
  return kept;
}

/**
 * The other words callers say a circumstance's thing in (遗留 of 遗留物品 is 东西落起了, 忘在房间):
 * the forms of the things it names. Problems (丢, 没了) are left out: said of anything, they tell
 * no one circumstance.
 */
function thingsSaidAs(word: string): string[] {
  const has = scanSenses(normalizeText(word));
  const forms: string[] = [];
  has.forEach((flag, i) => {
    const sense = SENSES[i]!;
    if (flag === 1 && sense.role === 'object' && sense.problem !== true) forms.push(...sense.zh);
  });
  return forms;
}

/** A rule naming the account's holder as a guardian: 登记家长, 账户监护人, the parent or guardian on file. */
const GUARDIAN_ACCOUNT =
  /家长|监护人|(?:本人|自己)(?:报名|报读|注册|登记)?的(?:孩子|子女|小孩)|\b(?:parent|guardian)s? (?:on (?:the )?(?:file|account)|who (?:booked|registered))/i;

/**
 * A rule naming the holder as one who arranges a service for family: 合同委托人, next of kin, or
 * the one who books for a patient with family they authorise (下单人…该患者的授权家属).
 */
const PRINCIPAL_ACCOUNT = /委托人|授权家属|\bnext of kin\b|\bexecutors?\b/i;

/** Who a forbidden step is done for, leading its phrase: 替他人, 为非本人, 代非账户持有人. */
const FOR_OTHERS_LEAD =
  /^((?:替|为|代|给)(?:他人|别人|其他人|非[\u4e00-\u9fff（）()]{1,12}?人)|为[^,，:：;；、]{2,30}?的人)/;
/**
 * Whom a forbidden rule's steps are done for, described by a clause (为不能当场证明自己是该地址居住人的人,
 * 为下单人以外的人): someone else, named in the request's own clause.
 */
const FOR_DESCRIBED_LEAD = /^为[^,，:：;；、]{2,30}?的人/;
/** One the rule describes by what they cannot show (为不能当场证明自己是该地址实际居住人的人). */
const UNPROVEN_LEAD = /^为(?:不能|无法|未能|没法)[^,，:：;；、]{2,30}?的人/;
/**
 * Someone else's home told (他家, 俺哥家, 我妈那屋, 房子租出去了, 租给一个女娃娃): whose door or lock
 * a step for one who cannot prove they live there is about.
 */
const OTHERS_HOME = String.raw`(?:他|她|[哥姐弟妹爸妈]|父母|亲戚|朋友|邻居|租客|房客|同事|前任)(?:的|们)?(?:家|屋|房子?|那套)|租出去|租给|出租`;

/**
 * The steps a forbidden rule forbids doing for someone else, each with who it is done for:
 * 替他人暂停监控或解约 → 替他人暂停监控, 替他人解约; 替非账户持有人布防撤防、重置密码、增删紧急联系人 →
 * one phrase per step. None for a rule that does not lead with whom, or names one step. Read
 * whole, such a rule would need every step said at once, and forbid none of them.
 */
function stepsForOthers(phrase: string): string[] {
  const core = withoutNotes(phrase).replace(/\s+/g, '');
  const lead = FOR_OTHERS_LEAD.exec(core)?.[1];
  if (lead === undefined) return [];
  const steps = core
    .slice(lead.length)
    .split(/[;；:：]/)[0]!
    .split(/[、，,]|或者|或|及|和/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 2);
  if (steps.length < 2) return [];
  // 为不能当场证明…的人: whom it describes is no word a caller says (see OTHERS_HOME).
  return UNPROVEN_LEAD.test(lead) ? steps : steps.map((s) => `${lead}${s}`);
}

/**
 * What a forbidden rule forbids letting callers do: 同意或指导客户私自剪铅封、打开报停阀门或关闭单元总阀,
 * 同意电动车、电瓶进楼进房充电. The business agreeing is the caller asking leave (我自己把铅封剪了
 * 要得不?), so each act listed is a forbidden phrase of its own. Where the rule says the caller
 * does it without the business (私自, 自行, 擅自), the act is that only when the request says so
 * too (`DONE_BY_SELF`): 打开报停阀门 done by the business is 取消报停, which another rule allows.
 * Things listed before a predicate (电动车、电瓶进楼充电) each take it.
 */
function actsLetToCallers(phrase: string): { phrase: string; bySelf: boolean }[] {
  const acts: { phrase: string; bySelf: boolean }[] = [];
  const core = withoutNotes(phrase).replace(/\s+/g, '');
  for (const clause of core.split(/[，,;；](?=同意|允许|默许|放任|指导|教)/)) {
    const lead = LET_CALLERS_LEAD.exec(clause);
    if (lead === null) continue;
    const bySelf = lead[1] !== undefined;
    const sides = clause
      .slice(lead[0].length)
      .split(/、|或者|或|及|和|[，,]/)
      .filter((s) => s.length >= 2);
    if (sides.length < 2) continue;
    const predicate = predicateOf(sides);
    for (const side of sides)
      acts.push({
        phrase: predicate !== undefined && !side.endsWith(predicate) ? `${side}${predicate}` : side,
        bySelf,
      });
  }
  return acts;
}

/**
 * A Chinese ban listing kinds of one work, each described (窗外没有平台和安全挂点的外机作业、不系安全绳的
 * 高处作业): each kind is banned apart, and a request tells of one. Only where every side says what
 * it is with 的 and ends on the same word.
 */
function kindsOfOneWork(phrase: string): string[] {
  const sides = withoutNotes(phrase)
    .replace(/\s+/g, '')
    .split('、')
    .filter((side) => side !== '');
  if (sides.length < 2 || !sides.every((side) => /^[\u4e00-\u9fff]{6,}$/.test(side) && side.includes('的')))
    return [];
  const last = sides[0]!.slice(-2);
  return sides.every((side) => side.endsWith(last)) ? sides : [];
}

/** A Chinese ban opening on taking things in: 收, 收购, 回收, 接收, 代收, 寄递, 托运, 带. */
const TAKE_IN_LEAD = /^(?:收购?|回收|接收|代收|寄(?:送|递)?|托运|运输?|带)/;
/** A Chinese ban opening on using things: 使用, 施用, 添加. */
const USE_LEAD = /^(?:使用|施用|用|添加)/;
/** A thing handed to the business to take in, asked (拿给你们卖, 收不收, 一起拿走, 带过来). */
const TAKEN_IN_ZH =
  '收|卖|拿(?:来|去|走|过来|给)|带(?:来|去|走|过来)|送(?:来|去|过来|过去)|拉(?:来|走|过来)|搬走|运走|处理|要不要|能要';
/** A thing used on the job, asked (喷一遍, 打这个药, 兑进去, 用我自己的). */
const USED_ZH = '用|使|喷|打|兑|加|放|撒|施|拌';
/**
 * The things a Chinese ban on taking in or using things lists after its colon or in its brackets
 * (收危险废物：废铅酸电瓶、…、用过的针头; 使用禁限用农药（蔬菜上的甲拌磷、…百草枯）), each with the acts a
 * request asks it by (see `CompiledRule.handedIn`). A thing keeps what is said of it before 的
 * (院坝私宰的年猪, not any 年猪); a long one is read by its last word (电缆 of 电力通信电缆), and waste
 * (废) is what a caller calls old (旧电瓶).
 */
function thingsBanned(phrase: string): { thing: string; acts: string }[] {
  const core = phrase.replace(/\s+/g, '');
  const take = TAKE_IN_LEAD.test(core);
  if (!take && !USE_LEAD.test(core)) return [];
  const list = /[:：]([^。;；]*)/.exec(core)?.[1] ?? /\(([^()]*)\)/.exec(core)?.[1];
  if (list === undefined) return [];
  const items = list
    .split(/[、,，]|和|或|及/)
    // 任何作物上的百草枯: on anything at all is no qualifier a caller says.
    .map((item) => item.replace(/等$/, '').replace(/^(?:任何|各种|所有)(?:[^的]*的)?/, ''))
    .filter((item) => item.length >= 2);
  if (items.length < 2) return [];
  const things = new Set<string>();
  for (const item of items) {
    const of = item.lastIndexOf('的');
    const said = of < 0 ? '' : item.slice(0, of + 1);
    const named = item.slice(of + 1);
    const thing = named.replace(/^[废旧]/, '');
    if (named.length <= 4) {
      if (thing.length >= 2) things.add(`${said}${thing}`);
      continue;
    }
    const words = [...wordSegmenter().segment(thing)].map((w) => w.segment);
    const last = words.at(-1)!.length >= 2 ? words.at(-1)! : words.slice(-2).join('');
    things.add(`${said}${last}`);
  }
  const acts = take ? TAKEN_IN_ZH : USED_ZH;
  return [...things].map((thing) => ({ thing, acts }));
}

/** Agreeing to or guiding what callers do, then who, then whether alone: 同意或指导客户私自. */
const LET_CALLERS_LEAD =
  /^(?:同意|允许|默许|放任|指导|教)(?:或|和|、)?(?:同意|允许|默许|指导|教|协助)?(?:客户|用户|住户|租户|租客|业主|顾客|会员|学员|车主|家长)?(?:在?(私自|自行|擅自|自己))?/;

/** A request telling that the caller does it themselves (我自己剪, 我私自开). */
const DONE_BY_SELF = '自己|私自|自行|擅自|亲自|我来';

/** An act a house rule forbids indoors: 进楼, 进房, 在房间, 室内. */
const INDOORS_IN_RULE = /进楼|进房|进屋|入户|入室|房间|房内|室内|屋内|楼内|楼道|宿舍|客房/g;
/** Indoors as callers say it (提上楼, 拿到房间, 在屋头, 家里). */
const INDOORS_SAID =
  '[进入]楼|上楼|楼上|楼道|电梯|[进入](?:房|屋|户|室|门)|房间|房里|房内|屋里|屋头|屋内|屋子|室内|家里|宿舍|客房';

/**
 * What the last side of a list says after the thing it names first (进楼进房充电 of 电瓶进楼进房充电),
 * where the sides before name things only (电动车): each of them takes it.
 */
function predicateOf(sides: readonly string[]): string | undefined {
  if (sides.slice(0, -1).some((s) => s.length > 4 || namesAction(s))) return undefined;
  const last = sides.at(-1)!;
  const first = wordSegmenter().segment(last)[Symbol.iterator]().next().value?.segment ?? '';
  const rest = last.slice(first.length);
  return first.length >= 2 && rest.length >= 2 && !namesAction(first) ? rest : undefined;
}

/**
 * Whether the rule limits a span of time asked for (顺延<=15天), which a request states as its own;
 * not a notice (距预约>=24小时), which is the time left before a booking.
 */
export function spansTime(rule: CompiledRule): boolean {
  return rule.condition?.family === 'duration' && rule.condition.term !== true;
}

/**
 * A shorter phrase of a rule (without its note) kept from matching what the note's condition
 * forbids: 押金退给我，我还有欠费 is not 押金退还（无进行中订单且无欠费）.
 */
function withExclusions(rule: CompiledRule, written: string): CompiledRule {
  addExclusion(rule, conditionExclusions(written));
  return rule;
}

/**
 * A shorter phrase of a rule (refund a postponed) is not the rule where the request states the
 * opposite of a state its whole phrase requires (inside the refund window): see `RuleMeaning.opposed`.
 */
function withOpposed(rule: CompiledRule, whole: CompiledRule): CompiledRule {
  const opposed = whole.meaning.polar.filter((p) => !rule.meaning.polar.includes(p));
  if (opposed.length > 0) rule.meaning = { ...rule.meaning, opposed };
  return rule;
}

/** One more thing a request may not say for the rule to be it (see `CompiledRule.excludes`). */
function addExclusion(rule: CompiledRule, pattern: string | undefined): void {
  if (pattern === undefined) return;
  rule.excludes = rule.excludes === undefined ? pattern : `(?:${rule.excludes})|(?:${pattern})`;
}

/**
 * One action a rule's phrase lists, compiled. A noun-verb compound (车位租赁) is named by its
 * verb: that word comes first, which a request must say before the rule is even plausible
 * (一个月四百的车位太贵了 rents nothing).
 */
function alternativeRule(category: PermissionCategory, text: string, alternative: string): CompiledRule {
  const rule = compileRule(category, text, alternative);
  rule.meaning = sideListed(rule.meaning, alternative);
  const verb = ACTION_END.exec(alternative)?.[0];
  const { zh, en } = rule.meaning.words;
  if (verb !== undefined && zh.includes(verb) && zh[0] !== verb)
    rule.meaning = { ...rule.meaning, words: { zh: [verb, ...zh.filter((w) => w !== verb)], en } };
  return rule;
}

// A Chinese noun-verb compound ends in its action: 装修登记, 车位租赁, 访客车辆放行, 入户安检.
const ACTION_END =
  /(?:登记|租赁|放行|变更|办理|申请|报备|备案|预约|改约|报修|维修|检修|安检|安装|更换|补办|挂失|注销|开通|派单)$/;
const ALTERNATIVES_SPLIT = /或者|或|和|、/;
/** Whom a rule's action is done for, opening it (为户主, 为户主或授权绑定手机号), up to its verb. */
const FOR_WHOM_ZH =
  /^为[\u4e00-\u9fff]{1,14}?(?=开通|取消|关闭|办理|修改|更改|开具|查询|预约|申请|补办|恢复|暂停|延长|续费|退还|退回)/;

/**
 * The actions a Chinese rule phrase lists as alternatives, each as a phrase of its own, or none
 * when the phrase is one action: 开户、过户或销户 (three), 装修登记或退还装修押金 (two),
 * 补办或增开本户门禁卡 (补办本户门禁卡, 增开本户门禁卡: a bare verb shares the object after the
 * next). Only where every side is a whole action: a list of things one action takes
 * (投诉邻居噪音、漏水或占用公共区域, 减免或打折物业费、停车费) stays one rule, as does every
 * forbidden rule (透露…姓名、电话: a lone 电话 names nothing forbidden) and every English one.
 */
export function phraseAlternatives(phrase: string, category: PermissionCategory): string[] {
  if (category === 'forbidden' || /[a-z]/i.test(phrase)) return [];
  // 为户主开通或取消峰谷电价: whom it is done for is the operator's to check; the caller asks the action.
  const forWhom = FOR_WHOM_ZH.exec(phrase);
  if (forWhom) {
    const action = phrase.slice(forWhom[0].length);
    if (action.length >= 2 && namesAction(action)) return [action, ...phraseAlternatives(action, category)];
  }
  if (!ALTERNATIVES_SPLIT.test(phrase)) return [];
  const sides = phrase.split(ALTERNATIVES_SPLIT).map((s) => s.trim());
  if (sides.some((s) => !/^[\u3400-\u9fff]{2,}$/.test(s))) return listOfActions(phrase);
  // 开户、过户、销户: two-character actions on one thing.
  const last = sides.at(-1)!;
  if (sides.every((s) => s.length === 2 && s.at(-1) === last.at(-1))) return sides;
  // 补办或增开本户门禁卡: a verb, then a verb and its object.
  if (sides.length === 2 && sides[0]!.length === 2 && last.length >= 4 && namesAction(last))
    return [`${sides[0]}${last.slice(2)}`, last];
  if (sides.every((s) => s.length >= 3 && (namesAction(s) || ACTION_END.test(s)))) return sides;
  // 请假、调课 and 约免费试听课、约课: every side an action of its own, however short.
  if (sides.every((s) => namesAction(s))) return sides;
  return sharedVerbs(phrase) ?? listOfActions(phrase);
}

/**
 * 预约、改约到店量体、上门量体、取件时间: two verbs, then the things both take, listed with 、 (the
 * first said with the second verb): each verb with each thing (预约上门量体, 改约取件时间). Only where
 * the first side is a verb alone and the second starts with one. Things joined by 和 are things
 * apart (开通、关闭余额提醒和欠费停电预告短信: 开通余额提醒, 关闭欠费停电预告短信 …).
 */
function sharedVerbs(phrase: string): string[] | undefined {
  const sides = phrase.split('、').map((s) => s.trim());
  const verb = sides[0]!;
  if (sides.length < 2 || verb.length !== 2 || !(namesAction(verb) || ACTION_END.test(verb)))
    return undefined;
  const second = sides[1]!.slice(0, 2);
  if (sides[1]!.length < 4 || !namesAction(second)) return undefined;
  const things = [sides[1]!.slice(2), ...sides.slice(2)].flatMap((t) => t.split(/和|及|与/));
  if (sides.length < 3 && things.length < 2) return undefined;
  if (things.some((t) => !/^[\u3400-\u9fff]{2,}$/.test(t))) return undefined;
  return [verb, second].flatMap((v) => things.map((thing) => `${v}${thing}`));
}

/**
 * 截单前顺延某一期、改配送日或时段、改贺卡内容: actions listed with 、 whose sides list things of their
 * own (配送日或时段, one action on either): each side whole, where every side is an action.
 */
function listOfActions(phrase: string): string[] {
  const sides = phrase.split('、').map((s) => s.trim());
  if (sides.length < 2) return [];
  const whole = (s: string) => /^[\u3400-\u9fff]{3,}$/.test(s) && (namesAction(s) || ACTION_END.test(s));
  return sides.every(whole) ? sides : [];
}

/**
 * reset course progress, when the product's other rules say course too (extend course access,
 * transfer a course): course names the product's own domain and only qualifies progress, so a
 * caller may leave it out (reset my progress). In Chinese likewise 充电 of 充电桩 when other
 * rules say 充电枪, 充电卡 (3号桩坏了 names the charging pile): a content word of two or more
 * phrases that qualifies the word right after it. Actions and objects are senses, never content
 * words, so what a compound's first word decides (补寄保单 is not 补寄发票) stays required.
 */
function markDomainWords(rules: CompiledRule[], shorterPhrases: ReadonlySet<CompiledRule>): void {
  markEnglishDomainWords(rules);
  markBookingMoves(rules);
  markThingsBooked(rules);
  markSoleActions(rules);
  markWhatExtendingMoves(rules);
  markEnglishManner(rules);
  markChineseManner(rules);
  markChineseDomainWords(rules, shorterPhrases);
}

/**
 * Whether some of a rule's `words` (those of one language) may go unsaid: there are some, and what
 * is left still names the rule (its actions, its objects or another word).
 */
function namedWithout(rule: CompiledRule, words: readonly string[], leftOut: readonly string[]): boolean {
  const { heads, objects } = rule.meaning;
  return leftOut.length > 0 && heads.length + objects.length + words.length - leftOut.length > 0;
}

/** Where or how an action is done, opening a phrase's tail: into open slots, with notice, via the app. */
const MANNER_EN = /\b(?:into|onto|via|through|using|with|within)\b([^,;:()]*)/;
/** Put a transfer on hold so nobody can collect it: why the step is done, which a caller never says. */
const PURPOSE_EN =
  /\bso(?:\s+that)?\s+(?:nobody|no one|no-one|they|it|we|you|the\s+\w+)\s+(?:can(?:not|'t)?|won't|will|may|does(?:n't)?|do(?:n't)?)\b[^,;:()]*/;
/** Refund billing errors exactly as the records show: how the operator measures it, never said. */
const AS_RECORDED_EN = /\b(?:exactly\s+)?as\s+(?:the\s+|our\s+)?records?\s+(?:shows?|says?|states?)\b/;
/**
 * Terms after a spaced dash (open an account … - first top-up or Direct Debit mandate by texted
 * link), in whose name it is done (in the name of whoever will pay) and the new caller it is for
 * (for a first-time caller): the operator's to see to or the caller's by calling, never said.
 */
const TERMS_EN = new RegExp(
  String.raw`${NOTE_DASH.source}(.*)$|\bin the name of\b([^,;:()-]*?)(?=\s*[-–—,;:()]|$)|\bfor\s+(?:a|the)\s+((?:first-time|new|returning)\s+(?:caller|customer|client)s?)\b`,
  'g',
);

/**
 * Book or move lawn visits into open zone_calendar slots: how and where the action is done is the
 * operator's to check (which slots are open, the notice), and a caller never says it (move my
 * clean-up to Tuesday). The words of such a tail are optional, while what is left still names the
 * rule.
 */
function markEnglishManner(rules: CompiledRule[]): void {
  for (const rule of rules) {
    const words = rule.meaning.words.en;
    if (words.length === 0 || rule.category === 'forbidden') continue;
    // A dash after the step is its terms; after a name of a kind of case (Injury claims - A&E,
    // physio, lost earnings …) it lists what the case covers, which callers do say.
    const allTerms = [...rule.phrase.matchAll(TERMS_EN)];
    const termsOf = allTerms.filter(
      (m) =>
        m[1] === undefined ||
        scanSensesOf(rule.phrase.slice(0, m.index)).some((s) => rule.meaning.heads.includes(s)),
    );
    const tails = [
      MANNER_EN.exec(rule.phrase)?.[1],
      PURPOSE_EN.exec(rule.phrase)?.[0],
      AS_RECORDED_EN.exec(rule.phrase)?.[0],
      ...termsOf.map((m) => m[1] ?? m[2] ?? m[3]),
    ].filter((t) => t !== undefined);
    if (tails.length === 0) continue;
    const inTail = new Set(tails.flatMap((tail) => [...tail.matchAll(EN_WORD)].map((m) => stem(m[0]))));
    const manner = words.filter((w) => inTail.has(w) && !rule.meaning.optional?.includes(w));
    if (namedWithout(rule, words, manner)) rule.meaning = withOptional(rule.meaning, manner);
    // The things a tail of terms names (the name of whoever will pay) are no thing of the step's,
    // where the step keeps its action.
    const terms = termsOf.map((m) => m[0]);
    if (rule.meaning.heads.length === 0 || terms.length === 0) continue;
    const inTerms = new Set(terms.flatMap(scanSensesOf));
    const head = new Set(scanSensesOf(rule.phrase.slice(0, allTerms[0]!.index)));
    const objects = rule.meaning.objects.filter((o) => !inTerms.has(o) || head.has(o));
    if (objects.length < rule.meaning.objects.length) rule.meaning = { ...rule.meaning, objects };
  }
}

/** A word saying how a step is done (按, 依照). Not 按揭, 按摩, 按钮. */
const MANNER_ZH_ANY = /(?:按照|依照|依据|根据|按)(?![揭摩钮键])/g;
/** A clause after a comma on what a new or first-time client gets (，新客户按来电号码建账户). */
const NEW_CLIENT_TERMS_ZH =
  /(?<=[,，])\s*(?:新|首次|第一次)(?:来电的?)?(?:客户|用户|会员|顾客)[^,，;；。()（）]*/g;

/**
 * How a step is done, said right before it (按可约时段预约, 按价目表收取): the operator's terms,
 * which a caller asking for the step never says (给我约这礼拜六上午). The words between the manner
 * word and the step are optional, where what is left still names the rule (as
 * `markEnglishManner` does for "into open slots"). Only a few words with nothing between them
 * and the step: 按取消规则（…）计算的退团退款 says what the amount must be, no manner.
 */
function markChineseManner(rules: CompiledRule[]): void {
  for (const rule of rules) {
    const words = rule.meaning.words.zh;
    if (words.length === 0 || rule.category === 'forbidden' || rule.meaning.heads.length === 0) continue;
    const spans: SenseSpan[] = [];
    scanSenses(rule.phrase, spans);
    const tails: string[] = [];
    for (const m of rule.phrase.matchAll(MANNER_ZH_ANY)) {
      const from = m.index + m[0].length;
      // Up to the step itself, the first action of the rule's after the manner word.
      const step = spans.find((s) => s.start >= from && s.senses.some((k) => rule.meaning.heads.includes(k)));
      if (step === undefined || !/^[^的()（）、，,;；:：\s]{1,6}$/.test(rule.phrase.slice(from, step.start)))
        continue;
      tails.push(rule.phrase.slice(from, step.start));
    }
    // ，新客户按来电号码建账户: what is done for a new client alongside (TERMS_EN in Chinese), the
    // operator's to see to and never said, its things (号码) too.
    const terms = [...rule.phrase.matchAll(NEW_CLIENT_TERMS_ZH)].map((m) => m[0]);
    tails.push(...terms);
    const termThings = terms.flatMap(scanSensesOf);
    if (termThings.length > 0 && rule.meaning.heads.length > 0) {
      const outside = phraseOutside(rule.phrase, terms);
      const kept = rule.meaning.objects.filter(
        (o) => !termThings.includes(o) || scanSensesOf(outside).includes(o),
      );
      if (kept.length !== rule.meaning.objects.length) rule.meaning = { ...rule.meaning, objects: kept };
    }
    const manner = words.filter(
      (w) => tails.some((t) => t.includes(w)) && !rule.meaning.optional?.includes(w),
    );
    if (namedWithout(rule, words, manner)) rule.meaning = withOptional(rule.meaning, manner);
  }
}

/** The phrase without the given parts of it. */
function phraseOutside(phrase: string, parts: readonly string[]): string {
  return parts.reduce((rest, part) => rest.replace(part, ''), phrase);
}

/** The senses a text names. */
function scanSensesOf(text: string): number[] {
  const spans: SenseSpan[] = [];
  scanSenses(text, spans);
  return spans.flatMap((s) => s.senses);
}

/** Words that count times or state a condition: 第二次, 首次, 再次, 同一, 同月, 未消耗, 已使用, 非本人. */
const COUNT_OR_STATE = /^(?:第[一二三四五六七八九十\d]+|首|再|同一|同月|二次|多次|未|已|非|不)/;

function markChineseDomainWords(rules: CompiledRule[], shorterPhrases: ReadonlySet<CompiledRule>): void {
  // Counted per phrase as written: the alternatives of one rule (预约上门取件, 改约上门取件) are one
  // phrase here, and so are one phrase's rules with other limits (退款<100元, 退款>=100元).
  // A note in brackets does not make another phrase (骑行费退款（核实订单）beside 骑行费退款>50元), nor
  // the colon a limit was taken from (重复缴费原路退回：<=200元/笔 beside 重复缴费原路退回>200元/笔).
  const writtenOf = rules.map((rule) => withoutNotes(parseRule(rule.text).phrase).replace(/[\s:：]+/g, ''));
  const wordsOf = new Map<string, Set<string>>();
  for (const [k, rule] of rules.entries()) {
    const written = writtenOf[k]!;
    const words = wordsOf.get(written) ?? new Set<string>();
    for (const w of rule.meaning.words.zh) words.add(w);
    wordsOf.set(written, words);
  }
  const count = new Map<string, number>();
  const prefixCount = new Map<string, number>();
  for (const words of wordsOf.values()) {
    for (const w of words) count.set(w, (count.get(w) ?? 0) + 1);
    // 燃气费 of 缓缴燃气费 beside 燃气表 of 燃气表计量检定申请: the two characters the words share
    // name the product's domain, and the word is the domain's own fee or meter, which a caller
    // leaves unsaid (宽限十天, 把表拆了验一验) as the domain words above.
    const prefixes = new Set([...words].filter((w) => w.length >= 3).map((w) => w.slice(0, 2)));
    for (const head of prefixes) prefixCount.set(head, (prefixCount.get(head) ?? 0) + 1);
  }
  // The phrases as written naming each lexicon concept (退款 of 陪诊师迟到退款, 超时费…原路退回).
  const phrasesOf = new Map<string, Set<string>>();
  for (const [k, rule] of rules.entries())
    for (const c of rule.concepts) phrasesOf.set(c.id, (phrasesOf.get(c.id) ?? new Set()).add(writtenOf[k]!));
  for (const [k, rule] of rules.entries()) {
    const words = rule.meaning.words.zh;
    if (words.length === 0 || rule.category === 'forbidden') continue;
    // One of the actions a phrase lists is narrow already: its words say which (公共区域 of
    // 公共区域报修 beside 预约户内上门维修), and none is left out. The phrase without its note
    // is the phrase as written.
    if (rule.phrase !== writtenOf[k] && !shorterPhrases.has(rule)) continue;
    const optional = words.filter((w) => {
      // Never how many times or in what state (第二次误充值, 首次, 同一账号, 未消耗): that is what
      // tells the rule from its neighbours, however many of them say it.
      if (COUNT_OR_STATE.test(w)) return false;
      // Not a coupon or voucher (骑行券): a thing given, which a caller names when asking for it.
      if (w.length >= 3 && (prefixCount.get(w.slice(0, 2)) ?? 0) >= 2 && !/[券票]$/.test(w)) return true;
      if (w.length < 2 || (count.get(w) ?? 0) < 2) return false;
      const at = rule.phrase.indexOf(w);
      return at >= 0 && CJK_CHAR.test(rule.phrase.charAt(at + w.length));
    });
    // 陪诊师迟到退款 beside other refunds, with no limit: its words are what tell it from them,
    // however many phrases say them; without them any refund would be approved.
    const anyOfItsKind =
      rule.category === 'can_approve_immediately' &&
      rule.condition === undefined &&
      optional.length === words.length &&
      rule.meaning.objects.length === 0 &&
      rule.concepts.some((c) => MONEY_BACK_CONCEPTS.has(c.id) && (phrasesOf.get(c.id)?.size ?? 0) >= 2);
    if (!anyOfItsKind && namedWithout(rule, words, optional)) {
      rule.meaning = withOptional(rule.meaning, optional);
      ownThings(rule, optional);
    }
  }
}

/**
 * 关闭骑行卡自动续费: the card after a domain word (骑行卡) is the product's own, inside what the
 * rule's concept names (the auto-renewal of it), and a caller leaves it out (把自动续费关了) as
 * the domain word. Only an object the concept's match spans: 已生效骑行卡退款 keeps its card.
 */
function ownThings(rule: CompiledRule, optional: readonly string[]): void {
  if (rule.concepts.length === 0 || rule.meaning.objects.length === 0) return;
  const phrase = rule.phrase;
  const matches = detectConcepts(phrase);
  const spans: SenseSpan[] = [];
  scanSenses(phrase, spans);
  const own: number[] = [];
  for (const span of spans) {
    const k = span.senses[0]!;
    if (!rule.meaning.objects.includes(k)) continue;
    if (!matches.some((m) => m.start <= span.start && span.end <= m.end)) continue;
    if (optional.some((w) => phrase.slice(span.start - w.length, span.start) === w)) own.push(k);
  }
  if (own.length === 0) return;
  rule.meaning = { ...rule.meaning, objects: rule.meaning.objects.filter((o) => !own.includes(o)) };
}

const CJK_CHAR = /[\u3400-\u9fff]/;

function markEnglishDomainWords(rules: CompiledRule[]): void {
  // Counted per phrase as written, as in Chinese: a rule's shorter phrases are not more rules.
  const written = rules.map((rule) => parseRule(rule.text).phrase);
  const phrases = [...new Set(rules.filter((r, k) => r.phrase === written[k]).map((r) => r.phrase))];
  // A possessive names an owner, not a kind (a driver's phone number): it is never left out.
  const stemsByPhrase = phrases.map((p) =>
    [...p.matchAll(EN_WORD)].map((m) => (m[0].endsWith("'s") ? `${m[0]}` : stem(m[0]))),
  );
  const count = new Map<string, number>();
  for (const stems of stemsByPhrase) for (const w of new Set(stems)) count.set(w, (count.get(w) ?? 0) + 1);
  for (const [k, rule] of rules.entries()) {
    const words = rule.meaning.words.en;
    // Forbidden rules match plausibly already; leaving words out would only change which one is cited.
    if (words.length === 0 || rule.category === 'forbidden') continue;
    // A shorter phrase (move the return appointments) is read as it is worded: what a domain word
    // qualifies there is what the caller names, when that is a thing (appointments), not an
    // action (fee refund: the fee is what sets it apart from other refunds).
    const shorter = rule.phrase !== written[k];
    const stems = shorter
      ? [...rule.phrase.matchAll(EN_WORD)].map((m) => (m[0].endsWith("'s") ? m[0] : stem(m[0])))
      : stemsByPhrase[phrases.indexOf(rule.phrase)]!;
    const optional = words.filter((w) => {
      if ((count.get(w) ?? 0) < 2) return false;
      const next = stems[stems.indexOf(w) + 1];
      // extend the hire, where three phrases or more speak of the hire: the product's own service
      // is what the action takes, and a caller says "it" (I'll need it another week). Not what
      // money given back is for (refund a duplicate top-up): without it, any refund would do.
      if (next === undefined)
        return (
          shorter &&
          (count.get(w) ?? 0) >= 3 &&
          rule.meaning.heads.length > 0 &&
          !rule.concepts.some((c) => MONEY_BACK_CONCEPTS.has(c.id))
        );
      return !JOINING.has(next) && !(shorter && namesAction(next));
    });
    if (namedWithout(rule, words, optional)) rule.meaning = withOptional(rule.meaning, optional);
  }
}

/**
 * move appointments: an English rule's broad change of a thing booked moves a booking, however a
 * caller says it (shift Friday, make it Saturday instead): it heads the rule too.
 */
function markBookingMoves(rules: CompiledRule[]): void {
  for (const rule of rules) {
    const { heads, words } = rule.meaning;
    const movesBooking = BOOKING_MOVED_EN.test(rule.phrase);
    if (
      heads.includes(CHANGE) &&
      !heads.includes(CHANGE_BOOKING) &&
      (words.en.some((w) => BOOKED_THING_EN.test(w)) || movesBooking)
    )
      rule.meaning = { ...rule.meaning, heads: [...heads, CHANGE_BOOKING] };
    // Book, move or cancel jobs: the thing booked is what any booking holds, called by the
    // business's word (jobs) or the caller's (my appointment, it), or not at all.
    const moved = rule.meaning.heads.includes(CHANGE_BOOKING) || rule.meaning.heads.includes(BOOK);
    const booked = rule.meaning.words.en.filter(
      (w) => BOOKED_THING_EN.test(w) || (w === 'book' && movesBooking),
    );
    if (moved && booked.length > 0 && rule.category !== 'forbidden') {
      rule.meaning = withOptional(rule.meaning, booked);
      // shift it to Saturday: the booking moved is the caller's, called "it" or nothing at all.
      if (rule.meaning.heads.includes(CHANGE_BOOKING) && rule.meaning.unsaidWhenMoved === undefined)
        rule.meaning = { ...rule.meaning, unsaidWhenMoved: booked };
    }
  }
}

/** move a booking: stemmed, its word is book, as in the booked delivery time (no move of one). */
const BOOKING_MOVED_EN =
  /\b(?:move|shift|reschedule|postpone|change)\s+(?:a|the|my|your|their|its|this|that)?\s*bookings?\b/;

/**
 * Extend a 10-lesson card's expiry, 延长会员有效期: what an extension moves is the thing's end, which
 * the caller leaves unsaid (extend my card by two weeks, 会员延长一个月).
 */
function markWhatExtendingMoves(rules: CompiledRule[]): void {
  for (const rule of rules) {
    if (!rule.meaning.heads.includes(EXTEND)) continue;
    const { en, zh } = rule.meaning.words;
    const ends = [...en.filter((w) => END_OF_EN.test(w)), ...zh.filter((w) => END_OF_ZH.test(w))];
    if (ends.length > 0) rule.meaning = withOptional(rule.meaning, ends);
  }
}
const EXTEND = senseNumber('extend');
/** A thing's end, as a rule names what extending it moves. */
const END_OF_EN = /^(?:expir\w*|validity|valid|deadline|due|end|term)$/;
const END_OF_ZH = /^(?:有效期|到期日?|截止日?|期限)$/;

/** Actions on an appointment or booking: what a business books is what its only such rule names. */
const BOOK = senseNumber('book');
const CHANGE = senseNumber('change');
const CHANGE_BOOKING = senseNumber('change_booking');
const PLAN = senseNumber('plan');
/** The thing a Chinese booking step books, right after it (收肉 of 预约收肉). */
const BOOKED_AFTER_ZH = /(?:预约|预订)([\u4e00-\u9fff]{2,4})(?=$|[,，、;；(（])/;

/** Where and what a shop's booking is, said of its whole business (到店, 门店, 服务, 项目). */
const SERVICE_IN_GENERAL_ZH = /^(?:到店|来店|进店|门店|店内|店里|服务|项目|到店服务)$/;
/** 新 of 新预订: what any booking asked for is. */
const NEW_WORDS_ZH = new Set(['新', '新的']);

/**
 * Book, move or cancel a shop booking, when no other rule of the product books anything: what the
 * English phrase says it books is the one thing the product books, and a caller leaves it out (book
 * me in again, book Bella in for her jabs). Its words become optional when each of its actions is a
 * booking's and the product's only rule on that action (a rule's shorter phrases are one rule).
 * A Chinese phrase's words may go unsaid when the booking is moved (改到礼拜六上半天送); a new one
 * asked as 帮我约一个 may leave out only the words that name the shop's service in general (到店,
 * 服务: see `RuleMeaning.unsaidWhenBooked`).
 * Only booking actions: a sole rule to extend a hold or refund a duplicate is not every extension
 * or refund. Never for a limit in money, nor for a forbidden rule. A broad action (cancel) still
 * needs a word said.
 */
/**
 * 上线检测、复检和上门取送车代检的预约和改约: what is listed before 的 is booked, no action of the
 * rule's (上线检测 is the inspection booked, not one asked for): its actions are the booking steps.
 */
function markThingsBooked(rules: CompiledRule[]): void {
  for (const rule of rules) {
    if (!THINGS_BOOKED.test(rule.phrase)) continue;
    const heads = rule.meaning.heads.filter((h) => BOOKING_ACTIONS.has(h));
    if (heads.length > 0 && heads.length < rule.meaning.heads.length)
      rule.meaning = { ...rule.meaning, heads };
  }
}

function markSoleActions(rules: CompiledRule[]): void {
  // A rule that moves a booking (see `markBookingMoves`): its broad change is that move, not a
  // second action.
  const headsOf = (rule: CompiledRule): readonly number[] =>
    rule.meaning.heads.includes(CHANGE_BOOKING)
      ? rule.meaning.heads.filter((h) => h !== CHANGE)
      : rule.meaning.heads;
  // 第二次改期 beside 门票免费改期一次: a move of no thing named, only when or how often, moves
  // the other rule's thing; it does not make which thing is moved a question.
  const qualifiesOnly = (rule: CompiledRule): boolean => {
    const { meaning } = rule;
    const namesThing =
      meaning.objects.length > 0 ||
      (!meaning.generic && meaning.words.zh.length + meaning.words.en.length > 0);
    return !namesThing && (meaning.polar.length > 0 || rule.condition !== undefined);
  };
  // 距预约<24小时临时改约、加急美容: a rule whose own phrase for the move only qualifies it moves
  // the other rule's thing, though its whole phrase also names something else (美容).
  const qualifying = new Set<string>();
  for (const rule of rules)
    if (rule.category !== 'forbidden' && qualifiesOnly(rule))
      for (const h of headsOf(rule)) qualifying.add(`${h} ${rule.text}`);
  const textsByHead = new Map<number, Set<string>>();
  // 预约上门回收 books the service its concept names, which a booking asks for by name (来收, 来拿走):
  // no rival to the product's booking of anything else (预约到店试琴 asked as 帮我约一约).
  const booksNamedService = (rule: CompiledRule): boolean =>
    rule.concepts.length > 0 && rule.concepts.every((c) => c.booked === true);
  for (const rule of rules) {
    if (rule.category === 'forbidden' || qualifiesOnly(rule) || booksNamedService(rule)) continue;
    for (const h of headsOf(rule)) {
      if (qualifying.has(`${h} ${rule.text}`)) continue;
      const texts = textsByHead.get(h) ?? new Set<string>();
      texts.add(rule.text);
      textsByHead.set(h, texts);
    }
  }
  for (const rule of rules) {
    const { words } = rule.meaning;
    const heads = headsOf(rule);
    if (rule.category === 'forbidden' || heads.length === 0 || qualifiesOnly(rule)) continue;
    if (rule.condition?.family === 'money' || !heads.every((h) => BOOKING_ACTIONS.has(h))) continue;
    const sole = (h: number): boolean => (textsByHead.get(h)?.size ?? 0) <= 1;
    // 预约、改约、取消到店服务 beside 爽约或不足2小时取消被扣的预约金: a move or a new booking is
    // this rule's when it is the product's only one moving or making one, whoever else cancels.
    const allSole = heads.every(sole);
    if (allSole && words.en.length > 0) rule.meaning = withOptional(rule.meaning, words.en);
    if (
      (allSole || (heads.includes(CHANGE_BOOKING) && sole(CHANGE_BOOKING))) &&
      words.zh.length + words.en.length > 0
    )
      rule.meaning = { ...rule.meaning, unsaidWhenMoved: [...words.zh, ...words.en] };
    // 预约、改约、取消到店服务: what the shop's only booking rule books is its service in general,
    // which a new booking names by the service itself (帮我约个礼拜五的美甲) or not at all. The
    // service (服务) is what is booked there, not a plan held.
    if (heads.includes(BOOK) && sole(BOOK)) {
      const general = words.zh.filter((w) => SERVICE_IN_GENERAL_ZH.test(w));
      // 带看、估价、实勘的预约: the things it lists are what the shop books; a booking asked for a day
      // (约一个吧，这礼拜六上午) names none of them, or names one loosely (明天下午能去看不).
      general.push(...(rule.meaning.listed ?? []).flat().filter((w) => !general.includes(w)));
      // 按价目表预约收肉: the thing the product's only booking books, said right after the booking,
      // is its service, which a booking asked for a day names or not (约一哈，礼拜六上午把肉拿来).
      const booked = BOOKED_AFTER_ZH.exec(rule.phrase)?.[1];
      if (booked !== undefined)
        general.push(...words.zh.filter((w) => booked.includes(w) && !general.includes(w)));
      if (general.length > 0) rule.meaning = { ...rule.meaning, unsaidWhenBooked: general };
      if (rule.meaning.objects.includes(PLAN) && rule.phrase.includes('服务'))
        rule.meaning = {
          ...rule.meaning,
          objects: rule.meaning.objects.filter((o) => o !== PLAN),
          unsaidWhenBooked: [...(rule.meaning.unsaidWhenBooked ?? []), '服务'],
        };
    }
    // 新预订: a booking asked for is a new one, said or not (给我订一个途观), whatever other rule
    // names bookings (说明预约、订单 tells of them).
    const isNew = words.zh.filter((w) => NEW_WORDS_ZH.has(w));
    if (isNew.length > 0 && heads.includes(BOOK)) rule.meaning = withOptional(rule.meaning, isNew);
  }
}

// Words after which the next word is not what the first one qualifies (membership to another person).
const JOINING = new Set(['to', 'a', 'an', 'the', 'of', 'for', 'with', 'from', 'and', 'or', 'in', 'on', 'by']);

/** Compiled rules as plain JSON (concepts by id), for a cache that survives the process. */
export interface CompiledRulesJson {
  engine: string;
  rules: Array<Omit<CompiledRule, 'concepts'> & { concepts: string[] }>;
}

/**
 * The compiled rules as JSON for a cache; `engine` names the build of this engine (a cache
 * written by another build is not used: compiling depends on the lexicon and the parsers).
 */
export function compiledRulesToJson(rules: CompiledRules, engine: string): CompiledRulesJson {
  return { engine, rules: rules.rules.map((r) => ({ ...r, concepts: r.concepts.map((c) => c.id) })) };
}

/**
 * Compiled rules back from `compiledRulesToJson`, or undefined when the JSON is not from this
 * engine build or does not have the expected shape (then the caller compiles).
 */
export function compiledRulesFromJson(json: unknown, engine: string): CompiledRules | undefined {
  if (!isObject(json) || json.engine !== engine || !Array.isArray(json.rules)) return undefined;
  const rules: CompiledRule[] = [];
  for (const r of json.rules as unknown[]) {
    if (!isObject(r) || typeof r.text !== 'string' || typeof r.phrase !== 'string') return undefined;
    if (!CATEGORY_KEYS.includes(r.category as PermissionCategory)) return undefined;
    if (!isWords(r.leftover) || !isWords(r.leftoverBesidesSenses) || !isWords(r.tokens)) return undefined;
    if (!Array.isArray(r.leftoverSenses) || !r.leftoverSenses.every(Number.isInteger)) return undefined;
    if (!Array.isArray(r.concepts)) return undefined;
    if (!isRuleMeaning(r.meaning)) return undefined;
    const concepts: ConceptDef[] = [];
    for (const id of r.concepts as unknown[]) {
      const c = typeof id === 'string' ? conceptById(id) : undefined;
      if (!c) return undefined;
      concepts.push(c);
    }
    const rule: CompiledRule = {
      category: r.category as PermissionCategory,
      text: r.text,
      phrase: r.phrase,
      concepts,
      leftover: r.leftover,
      leftoverSenses: r.leftoverSenses as number[],
      leftoverBesidesSenses: r.leftoverBesidesSenses,
      tokens: r.tokens,
      meaning: r.meaning,
    };
    if (r.excludes !== undefined) {
      if (typeof r.excludes !== 'string') return undefined;
      rule.excludes = r.excludes;
    }
    if (r.circumstance !== undefined) {
      if (typeof r.circumstance !== 'string') return undefined;
      rule.circumstance = r.circumstance;
    }
    if (r.falsity !== undefined) {
      if (typeof r.falsity !== 'string') return undefined;
      rule.falsity = r.falsity;
    }
    if (r.handedIn !== undefined) {
      if (typeof r.handedIn !== 'string') return undefined;
      rule.handedIn = r.handedIn;
    }
    if (r.quoted !== undefined) {
      if (typeof r.quoted !== 'string') return undefined;
      rule.quoted = r.quoted;
    }
    if (r.role !== undefined) {
      if (typeof r.role !== 'string') return undefined;
      rule.role = r.role;
    }
    if (r.excepted !== undefined) {
      const e = r.excepted as { role?: unknown; acts?: unknown };
      if (typeof e.role !== 'string' || !Array.isArray(e.acts) || !e.acts.every(Number.isInteger))
        return undefined;
      rule.excepted = { role: e.role, acts: e.acts as number[] };
    }
    if (r.residual !== undefined) {
      if (typeof r.residual !== 'string') return undefined;
      rule.residual = r.residual;
    }
    if (r.condition !== undefined) {
      if (!isObject(r.condition)) return undefined;
      rule.condition = r.condition as unknown as RuleCondition;
    }
    if (r.notice !== undefined) {
      if (!isObject(r.notice)) return undefined;
      rule.notice = r.notice as unknown as RuleCondition;
    }
    if (r.age !== undefined) {
      if (!isObject(r.age)) return undefined;
      rule.age = r.age as AgeBound;
    }
    rules.push(rule);
  }
  return { size: rules.length, rules };
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isWords(x: unknown): x is Words {
  return (
    isObject(x) &&
    Array.isArray(x.zh) &&
    Array.isArray(x.en) &&
    x.zh.every((w) => typeof w === 'string') &&
    x.en.every((w) => typeof w === 'string')
  );
}
