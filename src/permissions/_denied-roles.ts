/**
 * Who a product's disclosure rule says gets nothing (爷爷奶奶、姥姥姥爷、离异的另一方…来问一律不说;
 * partners, ex-partners, flatmates, employers, agents and buyers get nothing), and a caller who says
 * they are one of them (我是她姥姥, 我跟他妈离了, I'm her husband, I'm the buyer's agent) while asking
 * what the record holds or for a copy of it. The
 * caller's own words place them among those the product refuses, however they ask: what they ask
 * about is the account holder's, not theirs.
 */
import type { Bilingual } from '../domain/language.js';

interface DeniedRole {
  /** How the product's rule names them. */
  rule: RegExp;
  /** How a caller says they are one. */
  said: RegExp;
  what: Bilingual;
}

const ROLES: readonly DeniedRole[] = [
  {
    rule: /爷爷|奶奶|姥姥|姥爷|外公|外婆|祖父母|grandparent/i,
    // 我孙女欣欣在你们那儿借书: who speaks of their grandchild is a grandparent.
    said: /我是[^，,。？?]{0,10}?(?:爷爷|奶奶|姥姥|姥爷|外公|外婆|阿公|阿婆|阿嬷)|我(?:的|家)?(?:外?孙女|外?孙子|孙儿|外孙)|\bi'?m (?:his|her|their|the (?:kid|child)'s) grand(?:ma|mother|pa|father|mum|mom|dad)\b/i,
    what: { zh: '祖辈', en: 'a grandparent' },
  },
  {
    // 双方父母（就算定金是他们付的）…一概不讲, parents of adult learners: the parents a rule lists
    // among those refused (not a rule on parents of minors, who may hear).
    rule: /双方父母|父母(?:[（(、]|来问)|\bparents of adult/i,
    // 我仔…他们订的是哪样套餐, 我是他妈: who speaks of their son or daughter is a parent.
    said: /我是[^，,。？?]{0,8}?(?:他|她)(?:妈|爸|母亲|父亲|老妈|老爸|亲妈|亲爸)|我(?:的|家)?(?:儿子|闺女|女儿|仔(?![细裤])|姑娘)|\bi'?m (?:his|her) (?:mum|mom|mother|father|dad)\b/i,
    what: { zh: '父母', en: 'a parent' },
  },
  {
    rule: /离异|前任|前夫|前妻|前配偶|ex-partner|\bex(?:es)?\b|divorc/i,
    // 我前妻住了里厢, my ex, Jess: who speaks of their ex is one.
    said: /(?:我|我们)(?:跟|和|与)[^，,。？?]{0,6}?离(?:了|婚|异)|(?:我|我们)离(?:婚|异)了|我是[^，,。？?]{0,6}?(?:前夫|前妻|前任)|我(?:的)?前(?:妻|夫|任|女友|男友|老婆|老公)|\bi'?m (?:his|her|their) ex\b|\bmy ex(?:-wife|-husband|-partner|-girlfriend|-boyfriend)?\b|\b(?:we|i) (?:got |are |were )?divorced\b/i,
    what: { zh: '离异的一方', en: 'a former partner' },
  },
  {
    rule: /邻居|neighbou?r/i,
    said: /我是[^，,。？?]{0,10}?(?:邻居|对门|隔壁)|\bi'?m (?:his|her|their) (?:next[- ]door )?neighbou?r\b/i,
    what: { zh: '邻居', en: 'a neighbour' },
  },
  {
    rule: /配偶|夫妻|老公|老婆|丈夫|妻子|spouse|partners?\b|husband|wife/i,
    said: /我是[^，,。？?]{0,6}?(?:老公|老婆|爱人|丈夫|妻子|媳妇)|我是(?:他|她)的?(?:先生|太太)|\bi'?m (?:his|her) (?:husband|wife|partner)\b/i,
    what: { zh: '配偶', en: 'a partner' },
  },
  {
    rule: /房东|landlord/i,
    said: /我是[^，,。？?]{0,8}?房东|\bi'?m (?:his|her|their|the) landlord\b/i,
    what: { zh: '房东', en: 'a landlord' },
  },
  {
    rule: /老板|雇主|单位|employer/i,
    said: /我是[^，,。？?]{0,8}?(?:老板|领导|单位的)|(?:在|给)我(?:这|那)?(?:里|儿|边)?(?:干活|打工|上班)|\bi'?m (?:his|her|their) (?:boss|employer|manager)\b|\b(?:working|works) for me\b|\bmy (?:employee|worker|apprentice|staff member)\b/i,
    what: { zh: '雇主', en: 'an employer' },
  },
  {
    rule: /中介|\bagents?\b/i,
    // I'm the buyer's agent, I'm with Surfside Property: an agent by their firm too.
    said: /我是[^，,。？?]{0,8}?中介|\bi'?m (?:the |a |an |his |her |their )?(?:[\w'-]+ ){0,2}agent\b|\bi'?m (?:calling |ringing )?(?:from|with) [\w&' -]{1,30}?(?:property|properties|realty|real estate|estate agents?)\b/i,
    what: { zh: '中介', en: 'an agent' },
  },
  {
    rule: /卖家|卖方|\b(?:vendors?|sellers?)\b/i,
    said: /我是[^，,。？?]{0,6}?卖(?:家|方)|\bi'?m (?:the )?(?:vendor|seller)\b/i,
    what: { zh: '卖方', en: 'a vendor' },
  },
  {
    rule: /买家|买方|买房的|\b(?:buyers?|purchasers?)\b/i,
    said: /我是[^，,。？?]{0,6}?买(?:家|方|房的)|\bi'?m (?:the )?(?:buyer|purchaser)\b/i,
    what: { zh: '买方', en: 'a buyer' },
  },
  {
    rule: /警察|公安|\bpolice\b/i,
    said: /我是[^，,。？?]{0,6}?(?:警察|公安|派出所)|\bi'?m (?:a |an )?(?:police ?(?:officer|man|woman)|detective|constable)\b|\b(?:this is|i'?m calling from|calling from) the police\b/i,
    what: { zh: '警方', en: 'the police' },
  },
];

/** Asking for a value: when, where, which, how many, what it is. */
const ASKS_VALUE =
  /几点|几号|几本|几张|几次|几件|是或者?不是|有还是(?:没有|没)|(?:了|过)?没有?[？?]|礼拜几|星期几|什么时候|啥时候|哪天|哪个|哪位|哪里|在哪|住哪|多少|是什么|是啥|叫什么|叫啥|剩|\bwhat\b|\bwhen\b|\bwhere\b|\bwhich\b|\bhow (?:much|many)\b/i;
/** What a record holds of someone: a code, a number, a time, a place, a name, what is left, who serves them. */
const RECORD_ITEM =
  /超期|逾期|(?:订|买|选|办|签)的(?:是|哪)|还差|欠(?:费|钱|款|了|不欠)|码|号|电话|手机|地址|住|名字|叫什么|叫啥|时间|几点|礼拜几|星期几|哪天|什么时候|啥时候|在哪|剩|记录|明细|余额|老师|教练|医生|技师|师傅|\b(?:code|number|phone|address|name|pin|password|time|day|date|when|where|balance|records?|appointments?|sessions?|coach|teacher|doctor|physio)\b/i;

/**
 * Whether a text asks what a record holds of someone (取件码是多少, 孩子几点上课, what time does
 * she finish): a value asked, of something a record keeps. What a step would cost (续课多少钱, what
 * is that gonna add on) is not.
 */
export function asksWhatARecordHolds(text: string): boolean {
  return ASKS_VALUE.test(text) && RECORD_ITEM.test(text);
}

/** A record asked to be sent or given (flick me a copy of the report, 把报告发给我). */
const RECORD_ASKED =
  /\b(?:send|email|e-mail|give|forward|flick|pass|share|read)\b[^.?!]{0,30}?\b(?:reports?|records?|cop(?:y|ies)|invoices?|history|journeys?|details|results?|files?)\b|(?:发|给|传|转)(?:我|给我)?[^，,。？?]{0,8}?(?:报告|记录|资料|发票|明细|结果)/i;

/** The caller's own thing, said as theirs. */
const OWN_SAID =
  /\bmy own\b|\bmy (?:house|home|place|property|account|invoice|booking|appointment)\b|我自己的|我本人的/i;

const rolesOf = new WeakMap<object, readonly DeniedRole[]>();

/**
 * The role a caller says they hold that the product's disclosure rule refuses, when they ask what
 * a record holds; undefined otherwise. `norm` is the normalised request.
 *
 * @example deniedRoleSaid({ text: '…爷爷奶奶、姥姥姥爷、离异的另一方来问一律不说' }, '我是她姥姥，孩子几点的课') // { zh: '祖辈', … }
 */
export function deniedRoleSaid(rule: { readonly text: string }, norm: string): Bilingual | undefined {
  if (!asksWhatARecordHolds(norm) && !RECORD_ASKED.test(norm)) return undefined;
  // I'm an agent myself, but this is my own house: the caller's own record, whatever they do.
  if (OWN_SAID.test(norm)) return undefined;
  let roles = rolesOf.get(rule);
  if (roles === undefined) {
    roles = ROLES.filter((r) => r.rule.test(rule.text));
    rolesOf.set(rule, roles);
  }
  return roles.find((r) => r.said.test(norm))?.what;
}
