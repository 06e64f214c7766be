/**
 * Senses: the words products and callers use for the same thing (弄回来 / 找回 / 还原 ≈ 恢复,
 * 加30个G ≈ 扩容, 修一下 ≈ 维修, 送我三个G ≈ 赠送流量, 提个一万 ≈ 提额, get the difference back ≈
 * refund, pause ≈ freeze), in Chinese and English. The meaning matcher (`_meaning.ts`)
 * reads rule phrases and requests through this table; the lexicon stays the authority on the
 * actions it knows.
 *
 * Forms run over normalised text (lower-case ASCII, half-width). Chinese forms are substrings;
 * English forms begin a word and end one, unless they end in `*` (`restor*` is restore, restored,
 * restoring). At each position the longest form wins and its characters are consumed, so a longer
 * word keeps a shorter one from firing inside it (修改 is a change, not a repair; 恢复出厂 is a
 * reset, not a restore). Words of role `none` exist only to be consumed that way.
 */

import { SOMEONE_SENT_EN } from '../domain/visit-asked.js';
import { CALL_MADE_ZH, NAME_ASKED_ZH } from './_other-party-words.js';

/**
 * What a sense is in a rule phrase: the action asked for, what it acts on, or how it is done.
 * A rule matches only requests that name one of its actions; its objects decide between rules
 * with the same action; manner words (免费, 临时, 远程) may be left out by a caller.
 */
export type SenseRole = 'action' | 'object' | 'manner' | 'none';

/** A form that needs context: a regular expression tried where its key starts. */
export interface SensePattern {
  key: string;
  /** Source of a regular expression matched at the key's position. */
  re: string;
  /**
   * The pattern adds its sense and consumes nothing, so the words it reaches across are read too
   * (全额 in 机票给我全额退了). Otherwise the match competes with literal forms by length and is
   * consumed.
   */
  overlay?: true;
}

export interface SenseDef {
  id: string;
  role: SenseRole;
  /** Chinese forms (substrings). */
  zh: readonly string[];
  /** English forms (word beginnings; `*` at the end allows any ending). */
  en: readonly string[];
  patterns?: readonly SensePattern[];
  /** An action as broad as 改, 查, 告诉: a rule it heads needs one of its objects named too. */
  generic?: boolean;
  /** An action about someone else's data (透露, 泄露): it matches only requests naming another party. */
  needsOther?: boolean;
  /** The lexicon concept this action names (赔 is compensation): rules on that concept accept it. */
  concept?: string;
  /**
   * Mutually exclusive readings share a group (保修期内 / 保修期外): a request stating one never
   * matches a rule stating another.
   */
  polar?: string;
  /** A polar reading a rule needs the request to state before it approves (保修期内). */
  required?: boolean;
  /**
   * A polar reading without which a rule is not meant at all (a second late-fee waiver): a
   * request, its context and the call's facts must state it, or the rule does not match.
   */
  mustBeSaid?: true;
  /**
   * The kind a thing is unless its other kind is said (an invoice asked for is a plain one unless
   * 专票 is said): a request for the rule's concept names it by default.
   */
  unlessSaid?: string;
  /** Broader senses this one also names (充电线 is an accessory). */
  also?: readonly string[];
  /**
   * For an object: the actions a rule naming only the object grants (临时额度 is raising the
   * limit, ride credit is giving credit, report a lost item is finding it).
   */
  implies?: readonly string[];
  /**
   * An action on goods: a ban of it lists after its colon the things it is on (运送危险品：液化气罐、
   * 汽油柴油), and a request carrying none of them (捎两箱西瓜) is not that ban's.
   */
  onThingsListed?: true;
  /**
   * An action done to another action's case (修改, 催, 承诺): said right before a lexicon action
   * (修改理赔结论, 催办理赔), the rule is about doing this to it and gives nothing itself.
   */
  onAction?: true;
  /**
   * A problem a case is opened for (丢失, 盗刷, 争议): a rule that only looks into or handles it
   * (missing parcel investigation, 盗刷争议处理) is asked for by saying the problem happened.
   */
  problem?: true;
  /**
   * A problem that contests a decision (不服, 申诉, 被拒): saying it asks for the case on the
   * decided thing too (理赔申诉 by "我不服"), where a loss said asks for no compensation.
   */
  contests?: true;
  /** Saying the object is asking for it (I left my wallet in the car reports a lost item). */
  saidAsks?: true;
  /**
   * A circumstance a rule is about (no refills left, without the prescriber): a rule naming it
   * matches only requests that say it, in their clause or the clauses around it. A plain refill
   * asked for is not a refill with none left.
   */
  circumstance?: true;
  /** The object is a person other than the caller (骑手, the driver): naming them names another party. */
  party?: true;
  /**
   * The object is someone the caller has coming (a visitor): naming them (我爸妈, 让他直接进) says
   * who the rule is for, not that it is asked for another person's account.
   */
  guest?: true;
  /** An action that stands for any action (办理 in 为他人办理业务): a rule it heads alone takes any request. */
  anyAction?: true;
  /**
   * An action that gives the customer something (赔, 送, 给): a rule giving a named thing
   * (补偿积分, 赠送流量) is asked for in any of these words (给我两百积分, 送我三个G).
   */
  grants?: true;
  /**
   * The action counts only when the action text names money (an amount or a charge): "I want that
   * back" is a refund after "you took 45 bucks", not after "I left my umbrella".
   */
  needsMoney?: true;
}

/** A third party that pays the caller back (my organisation, the company, their insurer) before reimburs…. */
export const REIMBURSED_BY_OTHERS = String.raw`\b(?:organi[sz]ation|company|employer|office|boss|insurer|insurance|they|he|she)\s+(?:will\s+|would\s+|can\s+|usually\s+|then\s+)?`;

// Dates a booking is moved to: 3月6号, 6号, 明天, 下周三.
/** 晚…/缓… + 一个礼拜再交: how much later a payment is made (the lexicon's deferral reads it too). */
export const PAID_LATER_BY =
  '(?:个)?(?:几|\\d+|[一二两三四五六七八九十半]+来?)个?(?:天|周|礼拜|星期|月)(?:再)?(?:交|缴|付|还|扣)';

/**
 * After 来 or 上门: the job someone came to do and the person (修楼道灯的那个小伙子, 换水表的那个人):
 * a worker described by it. See the sense `worker`.
 */
export const WORKER_BY_JOB =
  '(?:修|装|换|送|收|查|抄|检查|打扫|清理|弄|搞|通)[^,.!?;:、\\n]{0,8}?的(?:那个|那位|那两个|那几个|那)?(?:小伙子|小伙|小哥|师傅|老师傅|人|阿姨|大哥|大姐|大叔|男的|女的|工人)';
/** A time to come said just before (明儿下午来修冰箱的那个师傅 is a visit booked). */
export const FUTURE_BEFORE =
  '(?:明天|明儿|明早|明朝|今朝|后天|后儿|待会|等会|等下|一会|下周|下礼拜|下星期|(?:周|礼拜|星期)[一二三四五六日天末])[^,.!?;:、\\n]{0,4}';

/** A day to come, in English: tomorrow, this week, on Saturday, next Tuesday, Saturday morning. */
const DAY_TO_COME_EN =
  'tomorrow|today|tonight|this\\s+(?:week|morning|afternoon|evening|weekend)|next\\s+(?:week|mon|tues|wednes|thurs|fri|satur|sun)\\w*|(?:on\\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day|at\\s+the\\s+weekend';

/**
 * 按价目表, 按挂牌价, 按标准: the price a rule's step is done at, said before it (按挂牌价预约上门回收):
 * the business's, no word a caller says.
 */
export const AT_PRICE = '按[\\u4e00-\\u9fff]{1,5}?(?:价|表|标准)';

// 十六、十七号: days listed, the last one's 号 said for all.
const DATE =
  '(?:(?:(?:\\d{1,2}|[一二三四五六七八九十]{1,3})、)?(?:\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*(?:月|号|日|点)|明天|明儿|明朝|今朝|后天|后儿|大后天|下周|下个?星期|下个?礼拜|周[一二三四五六日天末]|(?:星期|礼拜)[一二三四五六日天])';
/** A day to come, in English: today, tomorrow, a weekday, a part of the day. */
const DAY_AHEAD_EN =
  '\\b(?:today|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|this (?:morning|afternoon|week(?:end)?)|next (?:week|monday|tuesday|wednesday|thursday|friday|saturday|sunday))\\b(?!\\s+(?:evening|night))';
/** A paper that states a date (a receipt, an invoice): its date changed is no booking moved. */
const PAPER_EN =
  '(?:receipt|invoice|bill|statement|certificate|document|letter|record|form|report|contract|policy)s?';
/** change the date on my receipt: the date of a paper, not a booking's. */
const NOT_ON_PAPER = `(?!\\s+(?:on|of|in)\\s+(?:(?:my|the|this|that|your|our)\\s+)?${PAPER_EN}\\b)`;
/** A day, a date or a time something booked is moved to, in English (after "to", "until"). */
const EN_WHEN = String.raw`(?:(?:(?:next|this|the following|following)\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|weekend|week|month|morning|afternoon|evening|tomorrow|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b|(?:another|a later|a different|an earlier|a new|a free)\s+(?:date|day|time|week|month|slot|session|centre|center|venue|location|branch|sitting)\b|\d{1,2}(?:st|nd|rd|th)\b|(?:(?:twenty|thirty)-)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\b|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|(?:later|earlier)\b)`;
const ZH_NUM = '(?:\\d+(?:\\.\\d+)?|[零一二两三四五六七八九十百千]+)';
// a week, two, a few, a couple of: how many days, weeks or months a caller asks for in English.
const EN_FEW =
  '(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty|a few|a couple(?: of)?|\\d+)';
const ZH_SPAN = '(?:个\\s*)?(?:天|日|周|星期|礼拜|月|晚)';

// What is handed over when 给我 discloses: someone's number, address, card, details.
const DISCLOSED_KEYS_ZH = [
  '手机',
  '电话',
  '号码',
  '地址',
  '住址',
  '卡号',
  '信息',
  '资料',
  '身份证',
  '密码',
  '微信',
  '名字',
  '姓名',
  '联系方式',
  '保单',
  '订单',
  '账单',
  '记录',
  '行程',
  '位置',
  '取件码',
  '取货码',
  '提货码',
];
const DISCLOSED_ZH = `(?:${DISCLOSED_KEYS_ZH.join('|')})`;

/**
 * What is knocked off a bill for what went wrong, in English: a day or a week of it, an amount
 * (€300, three hundred euro, 50 quid, a tenner), a bit, something. Not "the fees" or "the extra": a charge
 * named is waived or allowed by its own rule.
 */
const MONEY_OFF_EN =
  '(?:(?:that|the|a|one|this|a whole|the whole)\\s+)?(?:day|days|night|nights|week|weeks|hour|hours|bit|little|something)|[$€£]\\s?\\d[\\d,.]*|\\d[\\d,.]*\\s?(?:euros?|dollars?|bucks|quid|pounds?|rand)|(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a)\\s+)?(?:hundred\\s+)?(?:and\\s+)?(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\\s+)?(?:euros?|dollars?|bucks|quid|pounds?)|(?:a|one|two|three)\\s+(?:tenners?|fivers?)';

/** Not a person put on or added to an account: money, credit, time, or a pronoun for a thing. */
const NOT_A_PERSON_EN =
  '(?!(?:it|that|this|them|those|these|the|a|an|some|more|extra|money|funds|credits?|hours?|minutes|data|points|everything)\\b)';
/** Someone put on an account: put Tomasz on the account, put my wife on the booking (not put it on my card). */
const PUT_ON_ACCOUNT_EN = `put\\s+${NOT_A_PERSON_EN}(?:my\\s+|our\\s+|me\\s+)?[a-z'-]+(?:\\s+[a-z'-]+)?\\s+(?:down\\s+)?on\\s+(?:the|my|our|his|her)\\s+(?:trade\\s+)?(?:account|booking|list|policy|file|contract)\\b`;
/** Someone added to an account: add my foreman to the account (not add 7 dollars of credit to my account). */
const ADD_TO_ACCOUNT_EN = `add\\s+${NOT_A_PERSON_EN}(?:my\\s+|our\\s+|me\\s+)?[a-z'-]+(?:\\s+[a-z'-]+)?\\s+(?:to|onto|on)\\s+(?:the|my|our)\\s+(?:trade\\s+)?(?:account|booking|list|policy|file|contract)\\b`;

/** Not a person taken off an account either: a charge, a card, cover or a device taken off. */
const NOT_A_THING_TAKEN_EN =
  '(?!(?:fees?|charges?|cards?|payments?|insurance|cover|autopay|auto-?renew\\w*|penalt\\w+|interest|costs?|surcharges?|late|add-?ons?|devices?|photos?|files?|vehicles?|cars?)\\b)';
/** Someone taken off an account: take Dylan off the family plan, remove my ex from my membership. */
const takenOffAccountEn = (verb: string) =>
  `${verb}\\s+${NOT_A_PERSON_EN}${NOT_A_THING_TAKEN_EN}(?:my\\s+|our\\s+|me\\s+)?[a-z'-]+(?:\\s+[a-z'-]+)?\\s+(?:off|out\\s+of|from)\\s+(?:the\\s+|my\\s+|our\\s+)?(?:family\\s+|joint\\s+|household\\s+|shared\\s+)?(?:account|membership|plan|policy|group|subscription|sharing)\\b`;
const TAKEN_OFF_ACCOUNT_EN = ['take', 'get', 'kick', 'boot', 'drop', 'throw', 'remove'].map((key) => ({
  key,
  re: takenOffAccountEn(key),
  overlay: true as const,
}));

/**
 * Words after which a word names a thing, not an act: articles and possessives (the full skip, my
 * big eight-yard skip), and pointing or counting words right before it (that skip, another skip).
 */
/** A window something may be done in: the 30-day refund window, the cancellation window. */
const WINDOW_EN = String.raw`(?:\d+[- ]day )?(?:refund |cancellation |return |change )?window\b`;
/** Rules that turn on a window being open or closed (inside the 30-day refund window). */
export const WINDOW_RULE = new RegExp(String.raw`\b(?:inside|within|after|outside) the ${WINDOW_EN}`, 'i');
const ARTICLE_EN = String.raw`(?:a|an|the|my|me|your|yer|our|his|her|their|its|whose|[a-z]+'s)`;
const POINTING_EN = String.raw`(?:this|that|these|those|another|every|each)`;
/** A word describing the thing between the article and it (big, eight-yard), not a verb's (the option to). */
const DESCRIBING_EN = String.raw`(?!(?:to|and|or|i|we|you|can|could|will|would|please|just)\b)[a-z0-9'-]+`;

/**
 * An English verb that is also the name of a thing (skip: to pass over, and a builder's bin):
 * the verb, not after an article with up to two words between nor right after a pointing word,
 * and not plural or possessive (skips, the skip's full).
 */
export function verbNotNoun(word: string): string {
  return String.raw`(?<!\b(?:${ARTICLE_EN}\s+(?:${DESCRIBING_EN}\s+){0,2}|${POINTING_EN}\s+))${word}(?!s\b|'s\b)[a-z]*`;
}

/** Words that count a case as a repeat (a second waiver, a 3rd reissue): the repeat_time sense's own. */
export const REPEAT_WORDS_EN = ['second', '2nd', 'third', '3rd', 'repeat*'] as const;

/** Someone the caller sends to collect what is theirs: 让我室友去帮我取, 叫我妈替我领. */
const SENT_TO_COLLECT = ['帮我', '替我', '代我'].map((key) => ({
  key,
  re: `(?<=(?:让|叫|请|由)[^,.!?;:、\\n]{1,6}?(?:去|来)?)${key}(?:去|来)?(?:取|拿|领|接)(?!消)`,
}));

/** The lists of people an account keeps (接送人, 授权家属, 接送名单): someone added is added to one. */
const LISTED_PEOPLE_ZH = '(?:接送人|联系人|授权人|监护人|家庭成员|代接人|代取人|授权家属|接送名单)';

/** The table. Order does not matter. */
export const SENSES: readonly SenseDef[] = [
  // Words that only keep shorter forms from firing inside them.
  {
    id: 'none',
    role: 'none',
    zh: [
      // 合同登记同住人, 登记的手机号: who or what is on record, not a registering asked for.
      '登记同住人',
      '登记的',
      '已登记',
      '登记手机',
      '登记联系人',
      '装修公司',
      '装修队',
      '装修师傅',
      '保修期',
      '延长保修',
      '保修延长',
      '延保',
      '保修卡',
      '保修单',
      '保修多',
      '保修几',
      '保修时间',
      '保修政策',
      // 这还在你们保修里头不, 过没过保修: the warranty asked after, no repair asked for.
      '保修里',
      '保修内',
      '保修范围',
      '在保修',
      '过保修',
      '保修吗',
      '保修不',
      '质保里',
      '质保内',
      '在质保',
      // 检测费收不收: the fee for an inspection asked after, no inspection or appraisal asked for.
      '检测费',
      '鉴定费',
      '检验费',
      // 正门修路呢: road works nearby, no repair asked for.
      '修路',
      '修马路',
      '修桥',
      // 承诺到达时间, 承诺时效: the time promised, no promise asked for.
      '承诺到达',
      '承诺的到达',
      '承诺时间',
      '承诺时效',
      '承诺时限',
      '恢复正常',
      '在线',
      '离线',
      '卡顿',
      '卡住',
      '卡了',
      '很卡',
      '太卡',
      '其他',
      '其它',
      '补充',
      '加油',
      '加班',
      '退出',
      // 我花钱找罪受: paying is the complaint, not a paid service asked for.
      '花钱找罪受',
      '花钱买罪受',
      '花钱受罪',
      '花钱买气受',
      // 送 is a gift, but not in delivery words (少送了可乐, 送到了, 配送).
      '送货',
      '送餐',
      '配送',
      '送达',
      '送到',
      '送来',
      '送过来',
      '送错',
      '送上门',
      '少送',
      '漏送',
      '送的',
      '派送',
      '接送',
      '送回',
      '送去',
      '送过去',
      '发送',
      '外送',
      // What a booking holds (预约时间, 预约定金) is no booking asked for.
      '预约时间',
      '预约记录',
      '预约信息',
      '预约号',
      '预约单',
      '预约定金',
      // Delivered and installed, picked up and brought back, sent to be washed or mended.
      '送装',
      '取送',
      '送洗',
      '送修',
      '送床',
      '送衣',
      // Fees for an action are not the action (拖车费能报吗 is not asking for a tow).
      '拖车费',
      '救援费',
      // 提 in other words: 提前, 提供, 提现 are not raising a limit.
      '提前',
      '提现',
      '提醒',
      '提交',
      '提出',
      '提示',
      '涨价',
      '催收',
      '催缴',
      '催款',
      // The one who reported or complained is a person, not a complaint (透露违停举报人信息).
      '举报人',
      '投诉人',
      '上报人',
    ],
    patterns: [
      // 还给我挂着滞纳金: 还 is "still" there, nothing is given back.
      { key: '还给', re: '还给我(?:挂|留|记|算|收|扣|加|多|整|弄|搞|开|发|打|报)' },
      // 改到礼拜六上午送, 推迟两天送, 几点送: 送 after a time is a delivery, not a gift.
      {
        key: '送',
        re: '(?<=(?:上午|下午|晚上|中午|早上|上半天|下半天|点|点钟|以后|号|天|[周一二三四五六日]|时候)(?:先|再|就|给我)?)送(?![我个点些])',
      },
      // 送两桶过来, 送到我家, 给我爸那儿送两桶: brought somewhere, not given free.
      {
        key: '送',
        re: '送(?:[一二两三四五六七八九十几\\d]+[桶箱瓶件份个袋])?(?:过来|过去|上门|上楼|上来|到家|到(?=[\\u4e00-\\u9fff]))',
      },
      { key: '那', re: '那(?:儿|边|里)送' },
    ],
    // per incident: how often a rule allows a thing, not an incident of safety.
    en: [
      // A car's numberplate (plate number) is the car's, no contact detail.
      'numberplate*',
      'number plate*',
      'plate number*',
      // What recovers a stolen car (the recovery truck), and what it does (a recovery report, no
      // recovery fee): nothing restored. Those who do it are staff.
      'recovery truck*',
      'recovery report*',
      'recovery fee*',
      'recovery cover',
      'recovery vehicle*',
      'recovery van*',
      'fixture*',
      'check-in*',
      'check in',
      'signed up',
      'per incident',
      'each incident',
      // Change of plans: what the caller says before the change they ask for, no change itself.
      'change of plan*',
      'change in plan*',
      // moved up from Lafayette, moving house, moved out: where someone lives, not a booking moved.
      'moved house',
      'moving house',
      'moved home',
      'moved up',
      'moved down',
      'moved here',
      'moved there',
      'moved away',
      'moving away',
      'moved abroad',
      'moved interstate',
      'moved from',
      'moved in',
      'moved out',
      'moving out',
    ],
  },
  {
    id: 'restore',
    role: 'action',
    concept: 'data_recovery',
    zh: [
      '恢复',
      '恢复回来',
      '找回',
      '找回来',
      '还原',
      '复原',
      '弄回来',
      '弄回',
      '拿回来',
      '拿回',
      '救回来',
      '救回',
      '捞回来',
      '捞回',
      '取回',
      '撤销删除',
    ],
    en: ['restor*', 'recover*', 'undelet*', 'retriev*', 'bring back'],
    patterns: [
      { key: 'get', re: "get\\s+(?:[\\w']+\\s+){0,3}?back\\b", overlay: true },
      // put them back, bring those back; money put back on a card is a refund (the lexicon's).
      ...['put', 'bring'].map((key) => ({
        key,
        re: `${key}\\s+(?:[\\w']+\\s+){0,3}?back\\b(?!\\s+(?:on|onto|to|into|in)\\s+(?:my|the|our|your)\\s+(?:card|account|balance|bill|wallet)\\b)`,
        overlay: true as const,
      })),
      { key: 'dig', re: "dig\\s+(?:[\\w']+\\s+){0,2}?(?:up|out)\\b", overlay: true },
      // 把阀开了, 给我通上气, 复通: a supply cut off turned back on.
      { key: '把', re: '把阀(?:门)?[^,.!?;:、\\n]{0,2}?(?:打开|开了|开开|开一下)', overlay: true },
      { key: '通', re: '通上?(?:气|电|水)(?![费表])', overlay: true },
      { key: '复', re: '复通', overlay: true },
      { key: '开', re: '开(?:一下|下)?阀(?:门)?', overlay: true },
    ],
  },
  {
    id: 'expand',
    role: 'action',
    // More space is asked for even when 空间 is not said (加30个G).
    also: ['space'],
    zh: [
      '扩容',
      '扩充',
      '扩',
      '增容',
      '扩大容量',
      '扩大空间',
      '扩展空间',
      '加空间',
      '加容量',
      '加点空间',
      '多给点空间',
      '升级空间',
    ],
    en: [
      'expan*',
      'more space',
      'more storage',
      'extra space',
      'extra storage',
      'additional space',
      'additional storage',
    ],
    patterns: [
      // 加30个G, 多给我20G, 再加五十个g: adding a data amount is asking for more space.
      ...['加', '多', '再', '增'].map((key) => ({
        key,
        re: `(?:加|多给|再给|再加|多加|增加)(?:我|点|一点)?\\s*${ZH_NUM}\\s*(?:个\\s*)?(?:g|t|m|兆)`,
      })),
      {
        key: 'increase',
        re: '(?:increase|raise|boost|bump up)\\s+(?:my |the )?(?:storage|space|quota|capacity)',
      },
      { key: 'add', re: 'add\\s+(?:\\d+\\s*(?:gb|tb|g)\\b|more\\b|some\\b)' },
    ],
  },
  {
    // 约个时间, 明天上午叫个人过来收, 礼拜六上午给我装上: a visit or a pick-up booked for a day.
    id: 'book',
    role: 'action',
    // 约一哈: 一下 in south-western speech.
    zh: ['约个时间', '约一下', '约一哈', '约一个', '约个号', '帮我约', '给我约', '约个', '约课'],
    en: [
      'book a',
      'book an',
      'book in',
      'book me',
      'book us',
      'book my',
      'book the',
      'book another',
      'book new',
      'book it',
      'book someone',
      'book somebody',
      'schedule a',
      'set up a',
    ],
    patterns: [
      // 约免费试听课, 约个试听, 约节体验课: a trial lesson booked, whatever it is called.
      { key: '约', re: '约(?:个|一节|一个|节|一堂|一次)?(?:免费)?(?:的)?(?:试听|体验|试)课?' },
      // 我想约这个礼拜六上午, 给我约明天下午: a booking asked for a day or a time (not 大约, 预约单, nor
      // 约3个工作日, about so long).
      // At a clause's start too: 约下礼拜一上午复检.
      {
        key: '约',
        re: `(?<=^|[\\s,.;:]|想|要|帮我|给我|我|俺|额|能|可以|再|就|先|咁|那)约(?=(?:这个|这|本|下个)?(?:${DATE}|今天|今晚|明早|上午|下午|晚上|早上|中午|几点|哪天|周末|个?时间)|(?:个|一个)?最(?:早|近|快))`,
      },
      // 约复检, 帮我约带看吧: a thing booked in two characters closing the clause (not 约好, 约了, 约会,
      // 约车, nor 约十天, about so long).
      {
        key: '约',
        // 约上保洁, 再约一遍打药的: the thing booked up to four characters, after 一遍 or 一次 too.
        re: '(?<=^|[\\s,.;:]|想|要|帮我|给我|我|俺|额|能|可以|再|就|先|咁|那)约(?!好|了|过|定|会|束|谈|见|车|满|等|到|[\\d二两三四五六七八九十百千几]|一(?!遍|次))(?=(?:一遍|一次)?[\\u4e00-\\u9fff]{2,4}(?:$|[\\s,.!?;:]|吧|吗|嘛|呢|啊|呀|哈|的))',
      },
      // 预约到店看样片, 预约免费上门量房, 预约参观样板房, 帮我预约到店试纱, 我想预约周六的美甲: booking,
      // said before the thing booked or the day at the start of a clause or after the asking words
      // (not 预约上门维修, the visit's own word, nor what a booking holds: 预约时间, 预约单, 预约记录).
      {
        key: '预约',
        re: `(?<=^|[\\s,.;:]|帮我|给我|想|要|我|能|可以|再|先|${AT_PRICE})预约(?=到店|来店|去店|进店|到[\\u4e00-\\u9fff]{0,2}店|参观|看房|看样|量[房尺]|试[\\u4e00-\\u9fff]|体验|免费(?!上门维修|维修)|上门(?!维修|修理|检修|安装)|(?:这个|这|本|下个)?(?:${DATE}|今天|今晚|明早|上午|下午|晚上|早上|中午|周末))`,
        overlay: true as const,
      },
      // 我想预约估价, 帮我预约复检: any thing booked, after the asking words only (预约代驾 opening a
      // rule names the service, which a caller names alone: 叫了个代驾; 预约人 is the one who booked).
      {
        key: '预约',
        re: `(?<=^|[\\s,.;:、]|帮我|给我|想|要|能|可以|再|先|请|麻烦|${AT_PRICE})预约(?!上门|维修|修理|检修|安装|时间|时段|记录|信息|号|单|定金|成功|好|了|过|的|上了|不上|不到|人)(?=[\\u4e00-\\u9fff]{2})`,
        overlay: true as const,
      },
      // 约得到不, 约得上吗, 能约上不: whether a booking can be had, asked for it.
      {
        key: '约',
        re: '(?<![预大节制签合邀公相特违婚])约(?:得到|得上|得了|到了|上)(?:不|吗|没|嘛|么|伐|冇)',
      },
      // 我礼拜五上午十点过来做, 那我自己先过来做，这个礼拜五上午十点: coming in on a day to come is
      // a booking asked for (not 上个礼拜五过来做的, a visit told, nor 那我下午过来拿, the caller's own
      // goods fetched).
      {
        key: '过来',
        re: `(?<!(?:上个?(?:礼拜|星期|周|月)|昨|前天|前几天|之前)[^,.!?;:、\\n]{0,10})(?<=(?:${DATE}|明天|后天|今天|今晚|上午|下午|晚上|早上|中午|点|点半)[^,.!?;:、\\n]{0,6})过来(?:做|弄|搞|一趟)?(?![^,.!?;:、\\n]{0,4}?(?:的|了|过))(?!拿|取|提|领)`,
      },
      {
        key: '过来',
        re: `过来(?:做|弄|搞)(?![^,.!?;:、\\n]{0,4}?(?:的|了|过))(?=\\s*[,，]\\s*(?:这个|这|本|下个)?(?:${DATE}|明天|后天|今天|今晚))`,
      },
      // 这礼拜六能去看看房不: going to see or try on a day to come, asked (来 would be whoever comes:
      // 装修公司的人下午来量房).
      {
        key: '去',
        re: `(?<!(?:上个?(?:礼拜|星期|周|月)|昨|前天|前几天|之前)[^,.!?;:、\\n]{0,10})(?<=(?:${DATE}|明天|后天|今天|今晚|上午|下午|晚上|早上|中午|点|点半)[^,.!?;:、\\n]{0,6})去(?:看|试|量)(?![^,.!?;:、\\n]{0,4}?(?:的|了|过))`,
      },
      // 这个礼拜六上午来量个房子可以吗, 能不能明天来家里看一下: the business coming on a day to come,
      // asked (not 装修公司的人下午来量房, someone coming told).
      {
        key: '来',
        re: `(?<!(?:上个?(?:礼拜|星期|周|月)|昨|前天|前几天|之前)[^,.!?;:、\\n]{0,10})(?<=(?:${DATE}|明天|后天|今天|今晚|上午|下午|晚上|早上|中午|点|点半)[^,.!?;:、\\n]{0,6})来(?:家里|我家|家|屋里)?(?:量|看|测)(?![^,.!?;:、\\n]{0,4}?(?:的|了|过))(?=[^.!?;\\n]{0,10}?(?:可以吗|可以不|行吗|行不|好吗|好不好|中不中|成吗|得不|要得不|得行不)|(?<=(?:能不能|能否|可不可以|可以|麻烦)[^,.!?;:、\\n]{0,12}来(?:家里|我家|家|屋里)?(?:量|看|测)))`,
      },
      // 今天上午十一点半能来不, 星期五早上能不能来给我抽个血: whether the business can come on a day
      // or at a time, asked (a visit booked; not 护士昨天下午来的, someone who came).
      {
        key: '来',
        re: `(?<!(?:上个?(?:礼拜|星期|周|月)|昨|前天|前几天|之前)[^,.!?;:、\\n]{0,10})(?<=(?:${DATE}|明天|后天|今天|今晚|上午|下午|晚上|早上|中午|点|点半)[^,.!?;:、\\n]{0,6}(?:能不能|能否|可不可以|可以|能))来(?=不|吗|嘛|么|冇|给|帮|家|屋|上门|一趟)`,
      },
      // 礼拜六下午送到我家, 礼拜六下午直接给我送我妈家去: a delivery on a day to come, asked (not
      // 昨天下午送来的, one made).
      {
        key: '送',
        re: `(?<!(?:上个?(?:礼拜|星期|周|月)|昨|前天|前几天|之前)[^,.!?;:、\\n]{0,10})(?<=(?:${DATE}|明天|后天|今天|今晚|上午|下午|晚上|早上|中午|点|点半)[^,.!?;:、\\n]{0,6})送(?=[^,.!?;:、\\n]{0,8}?(?:去|来|到))(?![^,.!?;:、\\n]{0,8}?(?:的|了|过))`,
        overlay: true,
      },
      // Book Bella in, book him in for Tuesday: someone booked, by name.
      { key: 'book', re: "book\\s+[\\w'-]+\\s+in\\b" },
      // stick me in on Friday, pop us in for Monday, squeeze her in, put me down for the 9am: a
      // booking asked in everyday words (not put him down, a pet's life ended).
      ...['stick', 'pop', 'squeeze', 'fit', 'slot', 'pencil'].map((key) => ({
        key,
        re: `${key}\\s+(?:me|us|him|her|them)\\s+in\\b(?!\\s+(?:the|my|your|a)\\s+(?:post|mail|bin|car|bag)\\b)`,
      })),
      { key: 'put', re: 'put\\s+(?:me|us)\\s+down\\s+for\\b' },
      // Can I come in for one of those free consults, we'd like to come in on Friday: a visit to the
      // shop asked for is a booking (not when I came in, a visit told).
      {
        key: 'come',
        re: "(?<=\\b(?:can|could|may|might)\\s+(?:i|we)\\s+|\\b(?:i|we)(?:'d|\\s+would)\\s+like\\s+to\\s+|\\b(?:i|we)\\s+(?:want|wanna|need)\\s+to\\s+)come\\s+in\\s+(?:for|on|at|this|next|tomorrow|today)\\b",
      },
      // Can you come and do the survey Friday afternoon, could someone come out to carry out the
      // inspection: a visit of a kind asked for, for a day, is a booking.
      {
        key: 'come',
        re: "(?<=\\b(?:can|could|would|will)\\s+(?:you|someone|somebody|one of you)\\s+)come\\s+(?:and|to|out and|out to|round and|round to|over and|over to)\\s+(?:do|carry out)\\s+(?:the|a|an|my|our|her|his)\\s+(?:[\\w'-]+\\s+)?(?:survey|inspection|assessment|service|check|quote|measure|valuation|fitting)\\b",
      },
      // Can your van pick them up Monday morning, can they come tomorrow morning instead: a
      // pickup or a visit asked for a day to come is a booking; in the evening or at night it is
      // asked outside the hours most rules give (Friday evening, like seven), which this reads not.
      {
        key: 'pick',
        re: `(?<=\\b(?:can|could|would|will)\\s+(?:you|they|someone|somebody|(?:the|your|a)\\s+[\\w'-]+)\\s+(?:come\\s+(?:and\\s+)?)?)pick\\s+(?:(?:it|them|these|those|(?:the|my|our|those|these)\\s+[\\w'-]+)\\s+)?up\\b(?=[^.?!]{0,30}?${DAY_AHEAD_EN})`,
      },
      {
        key: 'come',
        re: `(?<=\\b(?:can|could|would|will)\\s+(?:you|they|someone|somebody|(?:the|your)\\s+[\\w'-]+)\\s+)come(?!\\s+(?:back|in|and\\s+see|to\\s+see))\\b(?=[^.?!]{0,12}?${DAY_AHEAD_EN})`,
      },
      // Bookings at list price where the schedule shows room: a rule opening on bookings makes them.
      { key: 'booking', re: '^bookings?\\b(?=\\s+(?:at|of|for|in|on|where)\\b)' },
      // Please reserve two crates for tomorrow: something reserved for a day to come is booked.
      { key: 'reserve', re: `\\breserve\\b(?=[^.?!]{0,40}?${DAY_AHEAD_EN})` },
      // Book journeys, book two seats, book tickets for Friday, book free 15-minute design consults:
      // what is booked, named.
      {
        key: 'book',
        re: "book\\s+(?:(?:\\d+|one|two|three|four|five|some|more|extra|free)\\s+)?(?:[\\w'-]+\\s+){0,2}?(?:journeys?|trips?|tickets?|seats?|places?|spaces?|sessions?|classes?|lessons?|appointments?|visits?|tours?|rooms?|tables?|slots?|consults?|consultations?|fittings?|treatments?|touch-?ups?)\\b",
      },
      // Booking, moving or cancelling lawn visits: booking as the first of a rule's listed steps
      // opening the phrase (not on the booking, or giving codes …: a booking held).
      {
        key: 'booking',
        re: '(?<=^\\s*|[;:(]\\s*)booking(?=\\s*(?:,|/|or\\b|and\\b)\\s*(?:or\\s+|and\\s+)?[a-z]+ing\\b)',
      },
      // Book, move or cancel jobs: the verb as the first of a rule's listed steps (also after the
      // rule's other list: add or cancel regular cleans, and book, move or cancel one-off jobs).
      {
        key: 'book',
        re: '(?<=^\\s*|[;:(]\\s*|,\\s*and\\s+)book(?=\\s*(?:,|/|or\\b|and\\b)\\s*(?:or\\s+|and\\s+)?[a-z]+\\b)',
      },
      // Make a new booking, make a reservation: a booking made, said as the noun.
      {
        key: 'make',
        re: 'make\\s+(?:a|an|the|my|our)?\\s*(?:new\\s+)?(?:booking|reservation|appointment)s?\\b',
      },
      // Get somebody out to me Saturday, send someone round: a visit asked for.
      ...['get', 'send'].map((key) => ({ key, re: SOMEONE_SENT_EN })),
      // Can't somebody come tomorrow? Could you come out Saturday, can you come and do my windows
      // tomorrow: a visit asked for a day.
      {
        key: 'come',
        re: `(?<=\\b(?:can|could|would|will|can't|cannot|couldn't|won't)\\s+(?:you|someone|somebody|anyone|anybody|one of you|the lads?|your (?:lad|man|fella|guy))\\s+)come\\s+(?:out\\s+|round\\s+|over\\s+|back\\s+|up\\s+)?(?:(?:and|to)\\s+(?:do|clean|clear|sweep|fix|service|check)\\s+(?:my|the|our|her|his|them|it)(?:\\s+[\\w'-]+){0,2}?\\s+)?(?:${DAY_TO_COME_EN})\\b`,
      },
      // can you still get the gutters done this week, get it done Saturday: work wanted on a day.
      {
        key: 'get',
        re: `get\\s+(?:the|my|our|those|these|them|it|that)\\s+(?:[\\w'-]+\\s+){0,2}?done\\s+(?:${DAY_TO_COME_EN})\\b`,
      },
      // 预约、改约、取消上门取送, 会议室预订、改约: booking as one of a rule's listed steps (预约上门维修
      // names the visit, and 验光预约改期 moves a booking); 日票预约, 参观预约: a thing booked, the
      // booking said last (not 我的预约, a booking held, nor 上门维修预约, the visit's own word).
      ...['预约', '预订', '预定'].flatMap((key) => [
        { key, re: `${key}(?=\\s*[、,，/或和及])`, overlay: true as const },
        {
          key,
          re: `(?<=[\\u4e00-\\u9fff])(?<!的|上门|维修|修理|检修|安装)${key}(?=$|[\\s,.!?;:、()])`,
          overlay: true as const,
        },
      ]),
      // 为来电客户预订门票、夜场票, 帮我预订两间房, 预订住宿、桌餐: booking, said before the tickets, rooms,
      // seats or meals booked.
      ...['预订', '预定'].map((key) => ({
        key,
        re: `(?<=^|[\\s,.;:]|帮我|给我|想|要|我|能|可以|再|先|客户|为|替)${key}(?=[\\u4e00-\\u9fff]{0,4}(?:票|房|课|位|座|桌|场|车|营|宿|餐|饭))`,
        overlay: true as const,
      })),
      // 再给我加一张采摘票, 给我添两个位子: one more ticket, room or seat asked for is booked.
      ...['加', '添', '买'].map((key) => ({
        key,
        re: `(?<=给我|帮我|再|我要|要|想|能不能|可以)${key}(?:[一二两三四五六七八九十几\\d]{1,3})[张个份间桌位](?=[^,.!?;:、\\n]{0,4}(?:票|房|桌|位|座))`,
      })),
      // 电话代订包间: booked for the caller, the business's word for booking over the phone.
      { key: '代订', re: '代订', overlay: true as const },
      // 那你直接给我订上吧: booked, asked to be done (not 订上了, done).
      { key: '订', re: '(?<=给我|帮我|给俺|帮俺|就|那|你|您)订上(?![了过])' },
      // 帮我订个会议室, 订一间, 订两张, 订明天下午的: something booked, said with how many or when (not 订单,
      // 订阅, 订购).
      {
        key: '订',
        re: `(?<![预签下])订(?:[一二两三四五六七八九十几\\d]{0,3}[个间张辆台份桌位套晚]|一下|(?=${DATE}|今天|今晚|明朝))`,
      },
      // 预约体验课, 预约一节试听: a class or a session booked. Not 预约上门维修 (the visit's word),
      // nor what a booking holds (预约时间, 预约定金).
      {
        key: '预约',
        re: '预约(?=[^,.!?;:、\\n]{0,3}?(?:课|试听|体验|测评|评估|检查))',
        overlay: true as const,
      },
      // A key is where a match starts: the first character of a day's word.
      ...['明', '后', '大', '下', '周', '星', '礼', '今'].map((key) => ({
        key,
        re: `(?<!上个?|上一个)(?:${DATE}|今天|今晚)(?:上午|下午|晚上|早上|中午|上半天|下半天)?[^,.!?;:、\\n]{0,6}?(?:叫个?人|派个?人|给我|来|过来|上门)[^,.!?;:、\\n的]{0,3}?(?:收|取|拿|送|装|修|看|弄)`,
        overlay: true as const,
      })),
    ],
  },
  {
    id: 'change_booking',
    role: 'action',
    zh: [
      '改签',
      '签转',
      '改期',
      '改航班',
      '改机票',
      '改日期',
      '改时间',
      '改个时间',
      '改个日期',
      '改一下航班',
      '换航班',
      '换班次',
      '换个航班',
      '换一班',
      '换个时间',
      '换一天',
      '改约',
      '改预约',
      '重新约',
      // 重新排期, 给客户重排: a visit put on another day.
      '重新排期',
      '排期',
      '重排',
      '改天',
      // 调课, 调个时间: a lesson or a session moved.
      '调课',
      '调班',
      '调时间',
      '调个时间',
      '调一下时间',
    ],
    en: ['rebook*', 'reschedul*', 'later flight', 'earlier flight', 'another flight', 'different flight'],
    patterns: [
      // 改到3月6号, 换到明天: moving something to a date is a change of booking.
      ...['改', '换', '挪', '推', '提', '延', '调'].map((key) => ({
        key,
        re: `(?:改|换|挪|推迟|延后|提前|调)(?:到|成|在)[^,.!?;:、\\n]{0,4}?${DATE}`,
        overlay: true as const,
      })),
      // 改礼拜天下午, 改明天: a day said right after 改 is where the booking goes.
      { key: '改', re: `改(?=${DATE})`, overlay: true as const },
      // 改一下洗澡时间, 把上课时间换一下: the time of what is booked, changed (a rule's 改送货时间
      // stays words of its own).
      ...['改', '换', '调'].map((key) => ({
        key,
        re: `${key}(?:一下|下)[\u4e00-\u9fff]{0,4}?的?时间(?!表|段表)`,
        overlay: true as const,
      })),
      { key: '时间', re: `时间(?:给我|帮我)?(?:改|换|调|挪)(?:一下|下|到|成|了)`, overlay: true as const },
      // 换到后面一期, 改到下一场: what is booked, put on a later session, batch or showing.
      ...['改', '换', '挪', '调'].map((key) => ({
        key,
        re: `${key}(?:到|成)(?:后面|后边|下|后)(?:的)?(?:一|个|那)?(?:期|场|班|批|轮)(?![\\u4e00-\\u9fff]{0,2}?(?:的钱|费))`,
        overlay: true as const,
      })),
      // 两日都推后一个礼拜, 延后两天: a booking put off by a time (not a payment: 推迟一周缴费; nor
      // a term: 月卡时长顺延一个礼拜).
      ...['推', '延', '往', '挪'].map((key) => ({
        key,
        re: '(?<!(?:时长|到期|期限|有效期|会员|卡|天数)[^,.!?;:、\\n]{0,3})(?:推后|推迟|延后|往后推|往后挪|挪后)(?:了)?(?:一个|一|两个|两|几个|几|个)?(?:礼拜|星期|周|天|日|个月|月)(?![^,.!?;:、\\n]{0,4}?(?:缴|付|交|还|支付))',
        overlay: true as const,
      })),
      // 推到下礼拜一, 退到下礼拜一 (推 as Cantonese speakers say it): a booking put off to a date.
      ...['推', '退'].map((key) => ({
        key,
        re: `[推退](?:到|去|迟到)[^,.!?;:、\\n]{0,2}?${DATE}`,
        overlay: true as const,
      })),
      // 让他礼拜六上午再来: someone coming on another day.
      {
        key: '让',
        re: `让(?:他|她|师傅|人)?[^,.!?;:、\\n]{0,3}?${DATE}(?:上午|下午|晚上|早上|中午)?(?:再来|过来|来)`,
        overlay: true as const,
      },
      {
        key: 'change',
        re: `(?:change|move|switch|swap)\\s+(?:my |the |our )?(?:flight|booking|ticket|date|departure)s?\\b${NOT_ON_PAPER}`,
      },
      // Move my test to January, shift the speaking to Saturday, transfer it to another date: what
      // is booked, put on another day (as 改到3月6号 in Chinese). Overlays: the verb is read too.
      ...['mov', 'shift', 'push', 'bring', 'transfer', 'switch', 'chang', 'swap'].map((key) => ({
        key,
        re: `${key}\\w*\\s+(?!(?:[\\w'-]+\\s+){0,4}?${PAPER_EN}\\b)(?:[\\w'-]+\\s+){0,4}?(?:to|till|until|for|on|into)\\s+(?:the\\s+)?${EN_WHEN}`,
        overlay: true as const,
      })),
      // can we shift Friday, move Tuesday's one: the booking named by its day, moved. make it
      // Saturday instead: the day changed.
      ...['shift', 'mov', 'swap', 'chang'].map((key) => ({
        key,
        re: `${key}\\w*\\s+(?:my\\s+|the\\s+|our\\s+|this\\s+|that\\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|tomorrow)(?:'s)?\\b(?!\\s+(?:to|till|until|for|on|into)\\b)`,
        overlay: true as const,
      })),
      { key: 'make', re: `make\\s+it\\s+(?:the\\s+)?${EN_WHEN}`, overlay: true as const },
      // Postpone my test: asked for. A postponed event is what happened to it, no request.
      { key: 'postpon', re: 'postpon(?:e|ing)\\s+(?:my|the|it|our|this|that)\\b', overlay: true as const },
      // Push it back a week, bring the appointment forward: moved, said without the day.
      { key: 'push', re: "push\\w*\\s+(?:[\\w'-]+\\s+){0,3}?back\\b", overlay: true as const },
      { key: 'bring', re: "bring\\w*\\s+(?:[\\w'-]+\\s+){0,3}?forward\\b", overlay: true as const },
      {
        key: 'move',
        re: `move\\s+(?:my |the |our )?(?:flight|booking|ticket|date|departure)s?\\b${NOT_ON_PAPER}`,
      },
    ],
  },
  {
    // 加购花圈, 加俩花圈, 再加一副挽联: more of what the product sells, bought onto an order.
    id: 'add_on',
    role: 'action',
    // 加装雨棚: a part fitted on top of what was bought.
    zh: ['加购', '加订', '加买', '增购', '加配', '加个', '加装'],
    en: ['add-on', 'add on a', 'add another'],
    patterns: [
      { key: '加', re: '加(?:[一两俩二三几]|一个|两个)[个副只份位支束套篮]?(?=[\\u4e00-\\u9fff])' },
      { key: '再', re: '再加(?:[一两俩二三几]|一个|两个)?[个副只份位支束套篮]?(?=[\\u4e00-\\u9fff])' },
    ],
  },
  {
    // 请假, 请个假, 请两天假: a booked lesson or shift missed by notice, which a class, a course or
    // a carer takes, not a cancellation of the service.
    id: 'leave',
    role: 'action',
    zh: ['请假', '告假'],
    en: ['call in sick', 'excused absence'],
    patterns: [{ key: '请', re: '请(?:个|一|两|二|三|几|半)?(?:天|次|节|礼拜|周)?(?:的)?假' }],
  },
  {
    // 补课, 补一节, 把那节课补上: a lesson missed given again, not money back.
    id: 'make_up',
    role: 'action',
    zh: ['补课', '补一节', '补节课', '补一次课', '补一堂'],
    en: [
      'make-up class',
      'makeup class',
      'make-up lesson',
      'makeup lesson',
      'make up the lesson',
      'make up the class',
    ],
    patterns: [
      { key: '补', re: '补(?:上|回|个)?(?:[一1两2]|一次)?(?:节|堂)(?:课)?' },
      { key: '节', re: '节课[^,.!?;:、\\n]{0,6}?补(?:上|回|给)' },
    ],
  },
  {
    id: 'freeze',
    role: 'action',
    zh: ['冻结', '冻上', '冻住', '冻起来', '止付', '暂停', '停用一段', '停一段时间', '停住'],
    en: ['freez*', 'pause*', 'on hold', 'suspend*', 'deactivat*', 'disabl*'],
    patterns: [
      // 停二十天 / 停个五日: stopped for a while, said with how long.
      {
        key: '停',
        re: '停(?:用|个|上)?[一二两三四五六七八九十百几半\\d]+(?:天|日|个?月|周|个?星期|个?礼拜)',
      },
      // 冻七天, 冻个十天: frozen, said with how long (水管冻住了 says no time).
      {
        key: '冻',
        re: '冻(?:个|上)?[一二两三四五六七八九十百几半\\d]+(?:天|日|个?月|周|个?星期|个?礼拜)',
      },
      // 先给我停了 / 先停一下: stopped for now, to go on later.
      { key: '先', re: '先(?:给[我俺])?停' },
      // kill it so nobody can use it, shut the card off: a card or badge made to stop working
      // (shut it off or turn it off alone may be auto-renewal: only with the card named).
      {
        key: 'kill',
        re: 'kill\\s+(?:it|that|the\\s+(?:old\\s+)?(?:card|badge|fob)|my\\s+(?:old\\s+)?(?:card|badge|fob))\\b',
      },
      ...['shut', 'turn'].map((key) => ({
        key,
        re: `${key}\\s+(?:off\\s+)?(?:the|my)\\s+(?:old\\s+)?(?:key\\s+)?(?:card|badge|fob)\\b`,
      })),
      { key: 'block', re: 'block\\s+(?:my |the |this )?accounts?\\b' },
      { key: 'lock', re: 'lock\\s+(?:my |the |this )?accounts?\\b' },
      // my card's gone, block it: the card said before the verb.
      ...['block', 'lock'].map((key) => ({
        key,
        re: `(?<=\\bcards?\\b[^?!]{0,120}?)${key}\\w*\\s+(?:it|them)\\b`,
      })),
      // my card was stolen, cancel it: a lost or stolen card cancelled is blocked.
      {
        key: 'cancel',
        re: '(?<=\\b(?:lost|stolen|nicked|pinched)\\b[\\s\\S]{0,240}?)(?<=\\bcards?\\b[\\s\\S]{0,240}?)cancel\\w*\\s+(?:it|them|(?:my|the|that)\\s+(?:old\\s+)?cards?)\\b',
      },
      // putting on hold a penalty fare, put my card on hold: the verb is the hold's.
      { key: 'put', re: "put\\w*\\s+(?:[\\w'-]+\\s+){0,3}?on hold\\b", overlay: true as const },
    ],
  },
  {
    // 挂失 freezes a card reported lost: a rule saying it needs the card (pause my membership is
    // no 挂失).
    id: 'report_loss',
    role: 'action',
    also: ['freeze', 'card'],
    // 给我挂上失, 挂个失: the verb split by what comes between its halves.
    zh: ['挂失', '报失', '挂上失', '挂个失', '挂了失', '挂一下失'],
    en: [],
    patterns: [
      {
        key: 'report',
        re: 'report\\s+(?:my |the |this |a )?(?:card|wallet)s?\\s+(?:as\\s+)?(?:lost|stolen)',
      },
      // 叫人给抠走了…赶紧给它停了: a thing said lost or stolen, then stopped, is reported lost.
      {
        key: '停',
        re: '(?<=(?:丢了|丢失|弄丢|被偷|偷了|被盗|偷走|抠走|被抢|抢走|不见了|找不到)[^]{0,40}?)停(?:了|掉|用)',
        overlay: true as const,
      },
    ],
  },
  {
    id: 'freeze_card',
    role: 'action',
    also: ['freeze', 'card'],
    zh: ['冻卡', '停卡', '锁卡', '卡冻', '卡停'],
    en: [],
    patterns: [
      // block a lost or stolen registered card, block my membership card: what kind of card may
      // come between.
      ...['block', 'lock', 'stop', 'freez'].map((key) => ({
        key,
        re: `${key}\\w*\\s+(?:(?:my|the|this|a|an|her|his)\\s+)?(?:[a-z'-]+\\s+){0,4}?cards?\\b`,
      })),
    ],
  },
  { id: 'unfreeze', role: 'action', zh: ['解冻', '解除冻结'], en: ['unfreez*', 'unblock*'] },
  {
    // 给俺开一下门, 把门给我打开: a door opened, in callers' words (a locksmith's 开门).
    id: 'open_door',
    role: 'action',
    zh: ['开门', '开个门', '开下门', '开一下门', '开一哈门', '把门打开', '门打开'],
    en: ['open the door', 'open my door', 'open the front door'],
    patterns: [{ key: '把门', re: '把门(?:给[我俺额])?(?:打)?开' }],
  },
  {
    // A plug, gun or key held fast (枪拔不下来, 插头拽不出来): saying so asks to release it, which
    // a rule says as 解锁. Only a rule that names what is held matches: no account is unlocked.
    id: 'release',
    role: 'action',
    generic: true,
    zh: [
      '解锁',
      // 你先给额把机子解开, 先把锁解了: a device or a lock undone, in callers' words.
      '解开',
      '解除锁定',
      '锁解了',
      '解了锁',
      '拔不下来',
      '拔不出来',
      '拔不下',
      '拔不出',
      '拔不掉',
      '拔不动',
      '拽不下来',
      '拽不出来',
      '拽不动',
    ],
    // release the deposit hold, let go of the hold: what is held on a card is let go too.
    en: [
      'unlock*',
      'stuck in',
      "won't come out",
      'will not come out',
      'releas*',
      'let go of',
      'lift the hold',
      // A gate or door held shut to the caller: opening it lets them in.
      'open the gate',
      'opening the gate',
      'gate open',
      'open the door',
      'let me in',
      'let us in',
    ],
    // 解除限速: a limit a device holds taken off (not 解除合同, nor 解除冻结).
    patterns: [{ key: '解除', re: '解除(?=限速|限制|限流|速度限制)' }],
  },
  {
    id: 'repair',
    role: 'action',
    zh: ['维修', '修理', '修好', '检修', '返修', '报修', '送修', '保修'],
    en: ['repair*', 'fix', 'fixed', 'fixes', 'fixing', 'mend*'],
    patterns: [
      // 修鬓角, 修一下刘海, 修个眉: hair, a brow or nails trimmed, nothing broken mended.
      {
        key: '修',
        re: '修(?:一下|修)?(?!(?:一下|一修|个|了|过|完|下)?(?:鬓角|刘海|发尾|发梢|头发|眉|胡子|胡须|指甲|发型|剪|脚|边))',
      },
    ],
  },
  {
    // 抢修: a repair that cannot wait, so an emergency too (紧急抢修派单, 派抢修人员).
    id: 'rush_repair',
    role: 'action',
    also: ['repair', 'emergency'],
    zh: ['抢修', '急修'],
    en: ['emergency repair*'],
  },
  {
    // 派单, 派人来, 叫人来看看, 找个人过来: someone sent out to deal with something (派单 in 紧急
    // 抢修派单). Who is sent (师傅, 抢修人员) is read after 派 as what it is.
    id: 'dispatch',
    role: 'action',
    also: ['arrange'],
    zh: ['派单', '派工', '派人', '派个人', '来个人'],
    en: ['send someone', 'send somebody', 'send a crew', 'send help'],
    patterns: [
      {
        key: '派',
        re: '派(?=(?:个|名|一个|几个|些)?(?:人|师傅|工人|电工|水电工|保安|物业|抢修|维修|技术员|工程师))',
      },
      ...['叫', '喊', '找'].map((key) => ({
        key,
        re: `${key}(?:个|几个|一个)?人(?:来|过来|上来|下来|去)`,
      })),
    ],
  },
  {
    // Adding someone to those an account lets act or be told (增删家属联系人, 添加接送人, adding an
    // authorised hirer): put Tomasz on the account, 把我媳妇也加上, 加个接送人.
    id: 'add_person',
    role: 'action',
    zh: ['增删', '添加'],
    // add alone is giving (add 7 dollars of credit): a person added is said with whom or as what.
    en: [],
    patterns: [
      // adding or removing an authorised hirer, add a named driver
      {
        key: 'add',
        re: 'add(?:s|ed|ing)?(?=(?:\\s+or\\s+remov\\w+)?\\s+(?:an?\\s+|the\\s+|my\\s+|our\\s+|another\\s+)?(?:authori[sz]ed|named|additional|second|emergency|new)\\s+(?:hirer|person|people|contact|user|driver|guardian|keeper|access))',
        overlay: true,
      },
      // add my foreman to the account, add Tomasz onto the booking
      { key: 'add', re: ADD_TO_ACCOUNT_EN },
      // 加个紧急联系人, 再加一个接送人: someone added to the list the rule names.
      // 新增授权家属, 把大姑子加成授权家属, 把姥姥加进接送名单: the same, in a list's own words.
      {
        key: '加',
        re: `加(?:个|一个|上|进|成|入|到)?(?=[^,.!?;:、\\n]{0,4}?${LISTED_PEOPLE_ZH})`,
        overlay: true,
      },
      {
        key: '新增',
        re: `新增(?=[^,.!?;:、\\n]{0,4}?${LISTED_PEOPLE_ZH})`,
        overlay: true,
      },
      // 让我对象去拿…你给她登记上: someone registered with the account, at the caller's word.
      { key: '给', re: '给(?:他|她|佢)登记(?:上|一下|下|进去)?', overlay: true },
      { key: '把', re: '把(?:他|她|佢)登记(?:上|一下|下|进去)', overlay: true },
      // put Tomasz on the account, put my wife on the booking (not put it on my card: money).
      { key: 'put', re: PUT_ON_ACCOUNT_EN },
      // 把我媳妇也加上, 把他加进去, 把我老公加到紧急联系人里
      {
        key: '把',
        re: '把[^,.!?;:、\\n]{1,8}?(?:也|一起)?(?:加上|加进去|加进来|加到|加进|加成|加入|添加)',
        overlay: true,
      },
      // 让我室友去帮我取: someone sent to collect for the caller is added to those who may.
      ...SENT_TO_COLLECT.map((p) => ({ ...p, overlay: true as const })),
    ],
  },
  {
    // A damage waiver bought with a hire (collision damage waiver, CDW): cover taken out, no fee
    // waived. Longer than waiv*, it is read first.
    id: 'damage_cover',
    role: 'object',
    zh: [],
    en: ['damage waiver*', 'collision damage waiver*', 'loss damage waiver*', 'cdw'],
  },
  {
    // Where a parcel waits to be collected instead of being brought to the door.
    id: 'pickup_point',
    role: 'object',
    zh: ['菜鸟驿站', '驿站', '自提点', '自提柜', '快递柜', '丰巢', '代收点', '自提'],
    en: ['pickup point*', 'pick-up point*', 'parcel locker*', 'collection point*', 'parcel shop*'],
  },
  {
    // Those an account lets act, collect or be told besides its holder.
    id: 'roster',
    role: 'object',
    zh: [
      '接送人',
      '代接人',
      '代取人',
      '联系人',
      '授权人',
      '被授权人',
      '授权家属',
      '监护人',
      '家庭成员',
      '代取',
      '代领',
    ],
    en: [
      'authori* hirer*',
      'authori* person*',
      'authori* people',
      'authori* contact*',
      'authori* user*',
      'authori* access person*',
      'named driver*',
      'additional driver*',
      'second guardian*',
      'emergency contact*',
    ],
    patterns: [
      // 让我室友去帮我取, 叫我妈替我领: someone the caller sends to collect what is theirs.
      ...SENT_TO_COLLECT,
      { key: 'put', re: PUT_ON_ACCOUNT_EN, overlay: true },
      { key: 'add', re: ADD_TO_ACCOUNT_EN, overlay: true },
    ],
  },
  {
    // 登记 a visitor ahead, 报个名字, 跟门岗打个招呼, 让他直接进: someone expected is put on the
    // gate's list. 登记 before 变更 (车牌登记变更) is the registration changed, a thing.
    id: 'register',
    role: 'action',
    // Registering says nothing of what is registered (装修登记, 访客预登记): that must be said too.
    generic: true,
    zh: ['预登记', '登记', '报备', '报个名字', '报一下名字', '报名字', '别拦', '不要拦', '不用拦'],
    en: ['pre-register*', 'preregister*'],
    patterns: [
      // 跟门岗打个招呼, 和保安说一声: the gate told ahead.
      ...['门岗', '门卫', '保安', '岗亭'].map((key) => ({
        key,
        re: `${key}[^,.!?;:、\\n]{0,4}?(?:打(?:个|声|一声)?招呼|说一声|讲一声|说声|交代一声)`,
        overlay: true as const,
      })),
      // 让他直接进, 放他们进来: let in at the gate (not into someone's home: 家, 屋, 房).
      ...['让', '放'].map((key) => ({
        key,
        re: `${key}(?:他|她|他们|她们|车)(?:直接)?进(?:来|去)?(?![^,.!?;:、\\n]{0,4}?(?:家|屋|房))`,
      })),
    ],
  },
  {
    // 过户: an account put in a new holder's name (转到我名下, 户名改成我, 换户主, 更名).
    id: 'transfer_owner',
    role: 'action',
    zh: ['过户', '换户主', '改户主', '改户名', '换户名', '更名', '变更户名', '变更户主'],
    en: ['change of ownership', 'transfer ownership', 'transfer the account to my name', 'put it in my name'],
    patterns: [
      // 转到我名下, 过到自己名下, 改成我的名字.
      ...['转', '过', '改', '换', '弄', '挪'].map((key) => ({
        key,
        re: `${key}(?:到|成|为|在)(?:我|俺|本人|自己)(?:的)?(?:名下|名字|户下)`,
      })),
      // 户名改成我, 户主换成我老婆: the holder's name changed.
      ...['户名', '户主'].map((key) => ({
        key,
        re: `${key}[^,.!?;:、\\n]{0,4}?(?:改|换|转|变)(?:成|为|到)`,
        overlay: true as const,
      })),
    ],
  },
  {
    id: 'compensate',
    role: 'action',
    concept: 'compensation',
    grants: true,
    zh: ['赔偿', '赔付', '赔钱', '补偿', '索赔', '理赔', '快赔', '赔', '表示一下', '补点'],
    // What a claim on a plan pays: get paid out.
    en: ['compensat*', 'damages', 'make it up', 'make up for', 'goodwill', 'paid out', 'pay out', 'payout'],
    patterns: [
      // I want it all covered, get the lot covered: a loss paid for under a plan.
      {
        key: 'want',
        re: '(?:want|get|need|have)\\s+(?:it|this|that|them|everything|the lot)\\s+(?:all\\s+)?covered\\b',
        overlay: true as const,
      },
      // knock that day off, knock €300 off the hire, I want three hundred euro knocked off: money
      // off the bill for what went wrong (not a fee named: `waive` reads knock the fees off).
      {
        key: 'knock',
        re: `knock\\s+(?:${MONEY_OFF_EN})\\s+off\\b`,
      },
      { key: 'knocked', re: `(?<=\\b(?:want|get|have)\\s+(?:${MONEY_OFF_EN})\\s+)knocked\\s+off\\b` },
      // bung us a tenner for the hassle, fifty pounds for my trouble: money asked for what the
      // caller went through.
      ...['hassle', 'trouble', 'inconvenience', 'bother'].map((key) => ({
        key,
        re: `(?<=(?:${MONEY_OFF_EN})\\s+(?:for|to cover)\\s+(?:the|my|our|all the|all this|all my)\\s+)${key}\\b`,
      })),
    ],
  },
  {
    // 扣了二百块钱工资，这钱你们得给我补上: a loss made up, where money was named.
    id: 'compensate_it',
    role: 'action',
    concept: 'compensation',
    needsMoney: true,
    grants: true,
    also: ['compensate'],
    zh: ['补回来', '赔给我'],
    en: [],
    // Money named just before (这钱得给我补上); not a card made again (给我补一张), nor a
    // compensation asked for again in other words (断网补偿，给我补上吧). 补我五十蚊: money named after.
    patterns: [
      {
        key: '补',
        re: '补(?:给)?我(?=[^,.!?;:、\\n]{0,3}?(?:\\d|[一二两三四五六七八九十百千几]+)\\s*(?:块|元|蚊|毛))',
        overlay: true as const,
      },
      {
        key: '补',
        re: '(?<=(?:钱|工资|损失|误工费)[^,.!?;:、\\n]{0,8}?)补(?:上|给我)(?![一两二三几]?[张个份次件])',
        overlay: true as const,
      },
    ],
  },
  {
    id: 'refund',
    role: 'action',
    concept: 'refund',
    zh: [
      '退钱',
      '退费',
      '退还',
      '退给我',
      '退我',
      '返还',
      '返钱',
      '返款',
      '还钱',
      '钱退',
      '费退',
      '款退',
      '退房费',
    ],
    en: ['money back', 'cash back', 'pay me back', 'paying back', 'pays back', 'chargeback*'],
    patterns: [
      // Not what a third party pays the caller (my organisation reimburses language training).
      { key: 'reimburs', re: `(?<!${REIMBURSED_BY_OTHERS})reimburs\\w*` },
      // Not the wallet, account or method refunds go to (changing … refund wallet on the phone):
      // that names where money is sent, and changing it is another act.
      { key: 'refund', re: 'refund\\w*(?!\\s+(?:wallet|account|method|details|destination|number)s?\\b)' },
      // 退款记录, 退款进度: the records of refunds and how far one has got, looked up, not asked for;
      // 退款账户: where refunds go (修改退款账户 changes it).
      { key: '退款', re: '退款(?!记录|流水|明细|进度|账户|账号)' },
      // 退差价, 退我差价: 退 before what is refunded.
      // 原路退这一单全部运费, 退我那个加急费: 退 before the money named a few words on.
      {
        key: '退',
        re: '退(?!订|出|货|票|房|课|学|卡|租|押)(?=[^,.!?;:、\\n]{1,6}?(?:费|款|钱)(?!记录|流水|明细|进度))',
      },
      // 核实后退差额: the difference too.
      { key: '退', re: '退(?=(?:我|给我)?\\s*(?:差价|价差|差额))' },
      // 格个钞票侬要退拨我的: 拨 is Wu for 给.
      { key: '退拨', re: '退拨(?=我|阿拉|伲)' },
      // 退回 is money back, but not 退回快递员, 退回给寄件人, 退回去: the parcel sent back.
      { key: '退回', re: '退回(?!(?:给)?(?:快递|寄件|发件|商家|卖家|仓库|驿站|柜子|原地址)|去)' },
      // 里头的钱给我弄出来, 卡里的钱取出来: money taken out of where it is kept is paid back.
      ...['钱', '余额', '里头', '里面', '卡里'].map((key) => ({
        key,
        re: `${key}[^,.!?;:、\\n]{0,8}?(?:弄出来|取出来|提出来|退出来|拿出来|转出来)`,
        overlay: true as const,
      })),
      // 把钱要回来, 这钱得要回来, 要回这笔钱: money got back from the company.
      { key: '钱', re: '钱[^,.!?;:、\\n]{0,4}?要回', overlay: true as const },
      { key: '要', re: '要回(?:这|那)?(?:笔|些|个)?钱' },
      // get the difference back, have my $12 (£12, twelve quid) back, want the fare back.
      ...['get', 'have', 'want', 'need', 'give'].map((key) => ({
        key,
        re: `${key}\\s+(?:me\\s+)?(?:my\\s+|the\\s+|that\\s+|this\\s+|some\\s+|every\\s+|all\\s+|at\\s+least\\s+)*(?:money|difference|charge|fee|fare|amount|cash|overcharge|payment|cent|penny|[$£€]?\\d[\\d,.]*(?:\\s*(?:dollars|bucks|pounds|quid|euros))?|(?:[a-z-]+\\s+){1,3}?(?:dollars|bucks|pounds|quid|euros)|(?:a|the|my)\\s+(?:tenner|fiver))(?:\\s+(?:of\\s+it|i\\s+paid|you\\s+took|they\\s+took))?\\s+back\\b`,
        overlay: true as const,
      })),
    ],
  },
  {
    // I want that back / can I get it back: a refund only where money was named (needsMoney).
    id: 'refund_it',
    role: 'action',
    concept: 'refund',
    needsMoney: true,
    also: ['refund'],
    zh: ['退回来', '还给我', '退给我吧', '退了吧'],
    en: [],
    patterns: [
      ...['get', 'have', 'want', 'need'].map((key) => ({
        key,
        re: `${key}\\s+(?:(?:every\\s+cent|all|some|any)\\s+of\\s+)?(?:it|that|this|them|those)\\s+back\\b`,
        overlay: true as const,
      })),
      // give me back the 15 dollars.
      ...['give', 'pay'].map((key) => ({
        key,
        re: `${key}\\s+(?:me\\s+|us\\s+)?back\\b`,
        overlay: true as const,
      })),
    ],
  },
  {
    // 运送、捎: goods carried for the caller, what a ban on carrying dangerous goods or live animals
    // is about (运送危险品：液化气罐… asked as 给她捎一罐液化气). Not 带 alone (带孩子, 带身份证 and 带我去
    // carry nothing for anyone), nor 托运 (托运人 is who sends a car), nor the transit something
    // was broken in (运输途中损坏, 运送过程中).
    id: 'carry',
    role: 'action',
    onThingsListed: true,
    zh: ['携带', '捎带', '捎'],
    en: [],
    patterns: [{ key: '运送', re: '运送(?!途中|过程|中|时)' }],
  },
  {
    id: 'gift',
    role: 'action',
    grants: true,
    zh: ['赠送', '赠', '白送', '送我', '送点', '送个', '送些'],
    en: ['complimentary', 'on the house', 'bonus', 'freebie*', 'throw in'],
    // 送 alone gives, unless it delivers: 漏送错送, 配送, 送货, 送到, 送餐, 送过来; nor where
    // the caller gives to someone (送亲戚, 买来送朋友).
    patterns: [
      // A gift box, gift card or gift voucher is a thing sold, not something given free.
      {
        key: 'gift',
        re: 'gift(?:s|ed|ing)?\\b(?![\\s-]+(?:box|boxes|card|cards|vouchers?|certificates?|wrap|wrapping|shop|sets?|hampers?|baskets?|bags?|packs?|tins?)\\b)',
      },
      {
        key: '送',
        re: '(?<![漏错配派运递接护转发输快外迟晚晚早补])送(?![错达餐货到来过去回上门件出])(?!给?(?:亲戚|朋友|人(?!情)|家人|长辈|客户|领导|同事|老师|爸妈|父母|老人|邻居))',
      },
    ],
  },
  {
    // 给我, 给个, give me: broad, like 改 and 查 (给我查一下 gives nothing); what is given must be
    // named. 给我 also asks to be told (给我他的号码), so it names disclose too.
    id: 'give_me',
    role: 'action',
    generic: true,
    grants: true,
    // 给我 discloses only with data beside it (`disclose`'s patterns): 给我临时提个额度 is done for
    // the caller, 骑手电话给我 hands over someone's number.
    also: ['give'],
    zh: ['给我'],
    en: ['give me', 'get me'],
  },
  {
    id: 'give',
    role: 'action',
    generic: true,
    grants: true,
    zh: ['给个', '给点', '给些', '发个', '发点', '多给', '再给'],
    en: ['give*', 'grant*', 'add'],
    patterns: [
      { key: 'credit', re: 'credit\\s+(?:my|me|the|it|that)\\b', overlay: true },
      // issue a replacement (the verb; "an issue with my bill" is the noun).
      { key: 'issu', re: 'issu(?:e|ed|ing)\\s+(?:me\\s+)?(?:a|an|the|my|new|another)\\b', overlay: true },
      // put an extra two litres on for Friday, throw in another loaf: more of something added.
      { key: 'put', re: 'put\\s+(?:an?\\s+)?(?:extra|another|more)\\b', overlay: true },
      { key: 'throw', re: 'throw\\s+in\\s+(?:an?\\s+)?(?:extra|another|more)\\b', overlay: true },
    ],
  },
  {
    // 提额 raises a limit: a rule saying it (永久提额) is about the limit too.
    id: 'raise_limit',
    role: 'action',
    also: ['raise', 'limit'],
    zh: ['提额', '提高额度', '调额', '提升额度', '调高额度'],
    en: ['limit increase*', 'raise my limit', 'increase my limit'],
  },
  {
    id: 'raise',
    role: 'action',
    zh: ['提高', '调高', '提升', '上调', '调大', '涨', '调到', '调成', '升到', '加到'],
    en: ['rais*', 'increas*', 'bump up', 'bump it up', 'boost*'],
    patterns: [
      { key: '提', re: `提\\s*(?:个|到|一下)?\\s*${ZH_NUM}` },
      // bump my ATM limit to $800: a limit raised (bump my booking to Friday moves it).
      {
        key: 'bump',
        re: 'bump\\s+(?:my|the|our|that)\\s+(?:[a-z-]+\\s+){0,2}?(?:limit|allowance|cap)\\b',
        overlay: true,
      },
    ],
  },
  {
    id: 'extend',
    role: 'action',
    // 往后延延, 延个十天: the end put off, said the Northern way (doubled, or 延 with a span).
    // 续单, 续约, 再续五天: the same service kept on for longer.
    zh: [
      '延长',
      '延期',
      '顺延',
      '续期',
      '续单',
      '续签',
      '续约',
      // 续住五天, 续租一个月, 续个房: a stay or a hire kept on.
      '续住',
      '续租',
      '续房',
      '延一下',
      '多延',
      '延延',
      '往后延',
      '向后延',
    ],
    en: ['extend*', 'extension*', 'more time', 'extra time', 'hold off'],
    patterns: [
      { key: '延', re: `延(?:个|上|它|我)?\\s*(?:${ZH_NUM}|几)\\s*${ZH_SPAN}`, overlay: true as const },
      { key: '续', re: `续(?:个|上|它)?\\s*(?:${ZH_NUM}|几)\\s*${ZH_SPAN}`, overlay: true as const },
      // give me two more weeks, another month, a few extra days.
      ...['another', 'more', 'extra', 'additional'].map((key) => ({
        key,
        re: `${key}\\s+(?:\\w+\\s+)?(?:days?|weeks?|months?)\\b`,
        overlay: true as const,
      })),
      // stretch it a bit, stretch my card out, push the expiry back: the end put later.
      {
        key: 'stretch',
        re: 'stretch\\s+(?:it|them|that|this|my\\s+[\\w-]+|the\\s+[\\w-]+)(?:\\s+(?:out|a bit|a wee bit|a little|a week|a month|another\\s+\\w+))?\\b',
        overlay: true as const,
      },
      // give me a week, I need a month to pay: time asked for is time added.
      {
        key: 'give',
        re: `give\\s+(?:me|us)\\s+${EN_FEW}\\s+(?:more\\s+|extra\\s+)?(?:days?|weeks?|months?)\\b`,
        overlay: true as const,
      },
      {
        key: 'need',
        re: `need\\s+${EN_FEW}\\s+(?:more\\s+|extra\\s+)?(?:days?|weeks?|months?)\\s+(?:to|before|till|until|of)\\b`,
        overlay: true as const,
      },
      // 给我一周时间, 宽限我五天, 缓几天再还, 晚三天还款, 需要一个月才能还上.
      {
        key: '给',
        re: `给(?:我|我们)?\\s*(?:${ZH_NUM}|几)\\s*${ZH_SPAN}(?:的)?时间`,
        overlay: true as const,
      },
      { key: '宽', re: `宽限(?:我|一下)?\\s*(?:${ZH_NUM}|几)\\s*${ZH_SPAN}`, overlay: true as const },
      { key: '缓', re: `缓\\s*(?:${ZH_NUM}|几)\\s*${ZH_SPAN}`, overlay: true as const },
      { key: '晚', re: `晚\\s*(?:${ZH_NUM}|几)\\s*${ZH_SPAN}(?:再)?(?:还|交|缴|付)`, overlay: true as const },
      {
        key: '需',
        re: `需要\\s*(?:${ZH_NUM}|几)\\s*${ZH_SPAN}(?:的时间)?(?:才能|才|再)`,
        overlay: true as const,
      },
      // 多给我两周, 再给两个星期, 再延几天.
      ...['多', '再'].map((key) => ({
        key,
        re: `(?:多给|再给|多加|再加|再延|多延)(?:我|点|一点)?\\s*(?:${ZH_NUM}|几)?\\s*${ZH_SPAN}`,
        overlay: true as const,
      })),
    ],
  },
  {
    // 李阿姨明天还去谁家, 在哪些客户家服务: where someone works is the households they serve, so
    // asking it asks for other customers' data (a rule about someone's schedule is headed by it).
    id: 'whose_home',
    role: 'action',
    needsOther: true,
    zh: [
      '去谁家',
      '在谁家',
      '到谁家',
      '上谁家',
      '搁谁家',
      '去哪家',
      '在哪家',
      '去哪户',
      '去哪些客户家',
      '在哪些客户家',
      '去哪些人家',
      '在哪些人家',
      '去别人家',
      '在别人家',
    ],
    en: [],
  },
  {
    // 跟阿姨私下约, 不走平台: a deal between the customer and the worker that the platform does not
    // settle.
    id: 'off_platform',
    role: 'action',
    zh: [
      '私下交易',
      '私下约',
      '私下结算',
      '私下结账',
      '私下联系',
      '私下付',
      '私下给钱',
      '私下找',
      '私下请',
      '绕开平台',
      '绕过平台',
      '不走平台',
      '跳过平台',
      '甩开平台',
      // 你私下给我账号上转点金币, 私下返利: something given on the side, outside the rules.
      '私下给',
      '私下转',
      '私下返',
      '私底下给',
      '私底下转',
      // 让师傅私下上门接活, 接私活: the company's worker doing the job on his own account.
      '私下上门',
      '私下接活',
      '私下接单',
      '私下干活',
      '接私活',
      '接私单',
    ],
    en: [
      'off-platform',
      'off platform',
      'bypass the platform',
      'around the platform',
      'under the table',
      'on the side',
    ],
    // 私下上门接活: a job done on the side, whatever is said between.
    patterns: [{ key: '私', re: '私(?:下|底下)[^,.!?;:、\\n]{0,4}?(?:接活|接单|干活|上门)' }],
  },
  {
    // 返工, 重新来弄一遍: the work done over (a cleaning, a job done badly), not a new order.
    id: 'redo',
    role: 'action',
    zh: [
      '返工',
      '重做',
      '重新做',
      '重新弄',
      '重新打扫',
      '重新搞',
      '重新擦',
      '重新收拾',
      '重来一遍',
      '再来一遍',
      // Washed again: 返洗, 重洗.
      '返洗',
      '重洗',
      // Printed again: 重印, 重新印, 补印.
      '重印',
      '重新印',
      '重新打印',
      '补印',
    ],
    en: [
      'redo',
      're-do',
      'reprint*',
      're-print*',
      'do it again',
      'do it over',
      're-clean*',
      'rewash*',
      're-wash*',
      'retak*',
      're-tak*',
      'resit*',
      're-sit*',
      // A re-service, a re-treatment, re-spray the yard: the job done again.
      're-servic*',
      're-treat*',
      're-spray*',
      're-visit*',
      're-inspect*',
    ],
    patterns: [
      // Take the test again, sit it again: the same done once more.
      ...['take', 'sit'].map((key) => ({
        key,
        re: `${key}\\w*\\s+(?:[\\w'-]+\\s+){0,3}?again\\b`,
        overlay: true as const,
      })),
      // 找人重新来弄一遍, 再给我打扫一遍: someone sent to do it once more.
      {
        key: '重',
        re: '重新(?:来|派人|找人|上门)?[^,.!?;:、\\n]{0,3}?(?:弄|做|打扫|搞|擦|收拾|干|清洁|保洁|洗)(?:一)?遍',
        overlay: true as const,
      },
      {
        key: '再',
        re: '再(?:来|派人|找人|上门|给我|帮我)?(?:弄|做|打扫|搞|擦|收拾|干|清洁|保洁|洗)(?:一遍|一次)',
        overlay: true as const,
      },
    ],
  },
  {
    id: 'checkout',
    role: 'action',
    zh: ['退房', '离店'],
    en: ['check out', 'check-out', 'checkout*', 'checking out', 'leave the room'],
  },
  {
    id: 'rescue',
    role: 'action',
    zh: ['道路救援', '救援', '拖车', '拖走', '拖一下', '拖到', '搭电', '搭个电', '送油', '换备胎', '换胎'],
    en: [
      'roadside*',
      'tow',
      'tows',
      'towed',
      'towing',
      'tow truck*',
      'jump start*',
      'jump-start*',
      'breakdown service*',
    ],
  },
  {
    // Taking someone off a shared plan or group (the devices signed in are `sign_out`).
    id: 'remove',
    role: 'action',
    zh: ['移除', '移出', '踢出去', '删除成员', '删掉成员'],
    en: ['remov*'],
    patterns: [
      ...['take', 'kick', 'boot', 'drop', 'throw'].map((key) => ({
        key,
        re: `${key}\\s+(?:[\\w'-]+\\s+){1,3}?(?:off|out\\s+of|from)\\s+(?:the\\s+|my\\s+|our\\s+)?(?:family|plan|group|sharing|subscription)\\b`,
        // Overlaid: the person taken off is read too (my nephew is the member).
        overlay: true as const,
      })),
      ...TAKEN_OFF_ACCOUNT_EN,
    ],
  },
  {
    // Who shares a plan: a member, or the relative a caller names instead (my nephew, my ex).
    id: 'member',
    role: 'object',
    zh: ['成员', '家庭成员'],
    en: [
      'member',
      'members',
      'nephew*',
      'niece*',
      'brother-in-law',
      'sister-in-law',
      'son',
      'daughter',
      'kid',
      'kids',
      'ex',
      'brother',
      'sister',
      'cousin*',
      'roommate*',
    ],
    // Whoever is taken off a plan or membership is one of its members (take Dylan off the plan).
    patterns: TAKEN_OFF_ACCOUNT_EN,
  },
  {
    id: 'sign_out',
    role: 'action',
    also: ['device'],
    zh: ['踢下线', '强制下线', '下线', '退出登录', '登出', '踢出', '踢掉', '都踢了', '挤下线'],
    en: ['sign out*', 'sign-out*', 'signout*', 'log out*', 'log-out*', 'logout*', 'log off', 'sign off'],
    patterns: [
      { key: 'kick', re: "kick\\s+(?:[\\w']+\\s+){0,2}?(?:off|out)\\b" },
      { key: 'boot', re: "boot\\s+(?:[\\w']+\\s+){0,2}?(?:off|out)\\b" },
      { key: 'log', re: "log\\s+(?:[\\w']+\\s+){1,2}?(?:out|off)\\b" },
      { key: 'sign', re: "sign\\s+(?:[\\w']+\\s+){1,2}?out\\b" },
    ],
  },
  {
    id: 'hurry',
    role: 'action',
    onAction: true,
    zh: ['催单', '催办', '催一下', '催催', '催促', '快点送', '加急', '加个急', '赶紧走', '赶紧送'],
    // get it to me sooner, here faster, expedite it: what is on its way, sped up.
    en: ['hurry*', 'rush*', 'speed up', 'chase up', 'chase*', 'expedit*', 'sooner', 'faster', 'quicker'],
    // 催 alone urges; 催乳, 催眠, 催化 are things of their own, not urging. 快点给弄一下, 尽快帮我退:
    // hurrying the step asked, which is that step, not a chase of something under way.
    patterns: [
      { key: '催', re: '催(?![乳奶眠化熟])' },
      ...['快点', '尽快'].map((key) => ({
        key,
        re: `${key}(?![给帮把来弄修安排派解开换退])`,
      })),
    ],
  },
  {
    // 承诺理赔金额, promise a payout: committing to an outcome before it is decided.
    id: 'promise',
    role: 'action',
    onAction: true,
    zh: ['打包票', '打保票', '准数', '准话', '担保'],
    en: ['promis*', 'guarantee*', 'commit to'],
    patterns: [
      // 打个包票, 打一百个保票: the same pledge with its count between.
      { key: '打', re: '打(?:个|一个|一百个|百分百的?)(?:包|保)票' },
      // 我保证以后不把手机给他: the caller's own pledge asks for none.
      { key: '承诺', re: '(?<![我俺])承诺' },
      { key: '保证', re: '(?<![我俺])保证' },
    ],
  },
  {
    id: 'relocate',
    role: 'action',
    zh: ['移机', '迁机', '移装', '挪机', '迁移', '挪过去', '移过去', '搬过去', '跟着挪', '跟着搬', '跟着走'],
    en: ['relocat*'],
    patterns: [
      {
        key: 'move',
        re: 'move\\s+(?:my |the |our )?(?:broadband|internet|service|line|connection)s?\\b',
      },
    ],
  },
  {
    id: 'port_number',
    role: 'action',
    zh: ['携号转网', '转网', '换运营商', '转到移动', '转到联通', '转到电信'],
    en: ['port my number', 'port out', 'number port*', 'switch carrier*'],
  },
  {
    id: 'keep_number',
    role: 'action',
    concept: 'suspend_service',
    zh: ['停机保号', '保号', '号码保留', '保留号码', '留着号'],
    en: ['keep my number', 'keep the number'],
  },
  {
    id: 'surrender',
    role: 'action',
    zh: [
      '退保',
      '不保了',
      '不想保了',
      '取消保险',
      '解除保险',
      '保单退了',
      '保单退掉',
      '保险退了',
      '保险退掉',
      '退掉保单',
      '退掉保险',
      '保险不要了',
      '保单不要了',
    ],
    en: ['cancel my policy', 'cancel the policy', 'cancel my insurance', 'surrender*'],
  },
  {
    id: 'cancel',
    role: 'action',
    generic: true,
    concept: 'cancel_subscription',
    // 关闭, 结束, 停止: ending something that runs (关闭自动续费, 结束订单, 给我停了).
    zh: [
      '退订',
      '取消订阅',
      '取消',
      '关掉',
      '关了',
      '关闭',
      '停掉',
      '停了',
      '停止',
      '终止',
      '结束',
      '不续了',
    ],
    // 这单我不要了 calls it off; 那一百俺不要了, 钱我不要了 drops a sum asked for, and cancels nothing.
    patterns: [{ key: '不要了', re: '(?<!(?:[\\d一二两三四五六七八九十百千万块元钱])[我俺额]?)不要了' }],
    en: [
      'cancel*',
      'unsubscrib*',
      'turn off',
      'switch off',
      // switch it off, turn that off: the thing said between.
      'switch it off',
      'switch that off',
      'switch them off',
      'turn it off',
      'turn that off',
      'turn them off',
      'stop',
      'end my',
      'terminat*',
    ],
  },
  {
    // Sign me up for the Shine one, enrol me: joining a membership or a course, an action of its own.
    id: 'join',
    role: 'action',
    // 新客开户: an account opened is joining, as open an account is. 报上名: signed up for a race,
    // a course or a class.
    zh: ['开户', '报上名'],
    en: [
      'sign up',
      'sign-up',
      'sign me up',
      'sign us up',
      'sign her up',
      'sign him up',
      'sign them up',
      'signing up',
      'enrol*',
      'enroll*',
      'become a member',
    ],
    // sign my wife up, sign the kids up. Open a new account, set up my own account: joining too.
    patterns: [
      // join Parcel Pass, join the club: the plain word, not supposed (if I join right now, …).
      { key: 'join', re: '(?<!\\bif (?:i|we) (?:just )?)\\bjoin(?:ing)?\\b' },
      { key: 'sign', re: "sign\\s+(?:[a-z']+\\s+){1,2}?up\\b" },
      // please register me, register both of them for the course: a person signed up (not a
      // complaint or a car registered).
      {
        key: 'register',
        re: '\\bregister\\s+(?:me|him|her|them|us|my\\s+(?:son|daughter|wife|husband|kids?|child))\\b',
      },
      // 那你就帮我报上嘛, 给我报个名: signed up, asked (not 报个名字, a name given at a gate).
      { key: '报', re: '(?<=给我|帮我|给俺|帮俺|就|那|你|您|想|要)报(?:上|个名|一个名)(?!字)' },
      // 电话报名, 给我报名半马. Not what a sign-up holds (报名订单, 报名费, 报名记录): a thing.
      { key: '报', re: '报名(?![订费记信时状页截表人号的了过])' },
      ...['open', 'set', 'start'].map((key) => ({
        key,
        re: `${key}(?:ing|s)?\\s+(?:up\\s+)?(?:a|an|my|our)\\s+(?:new\\s+|own\\s+)?account\\b`,
      })),
    ],
  },
  {
    // 办理, 开通: doing business of any kind (为他人办理业务 is any of it done for someone else).
    id: 'handle',
    role: 'action',
    generic: true,
    anyAction: true,
    // 您给我开上: 开通 as northern speech says it.
    zh: ['办理', '开通', '办个', '开个', '办一下', '代办', '开上'],
    en: ['set up', 'activate*'],
  },
  {
    id: 'find',
    role: 'action',
    zh: ['找一下', '找找', '找到'],
    en: ['find*', 'look for', 'track down', 'locate'],
  },
  {
    // 找到了给我寄回来, 到付寄出, post it back to me: something sent to the customer by post or
    // courier (a thing left behind, a repaired item). 补寄 and 再寄 send again (`reissue`).
    id: 'mail',
    role: 'action',
    zh: ['寄回', '寄过来', '寄给我', '寄返', '邮寄给我', '邮寄回', '邮给我', '快递给我', '快递过来'],
    en: [
      'courier it',
      'courier them',
      'posted back',
      'mailed back',
      'shipped back',
      'post back',
      'mail back',
    ],
    patterns: [
      ...['mail', 'post', 'ship', 'send', 'courier'].map((key) => ({
        key,
        // post it by registered An Post, send it out: how a rule says it is sent.
        re: `${key}\\s+(?:it|them|that|this|(?:the|my|our|his|her)\\s+[\\w-]+)\\s+(?:back|to\\s+me|home|over|out(?:\\s+to\\s+me)?|by\\s+(?:(?:registered|recorded|tracked|special)\\s+)?(?:post|mail|an\\s+post|courier)|on\\s+to\\s+me)\\b`,
      })),
      // post lost property, mailing found items: what a rule sends of what was left behind.
      ...['mail', 'post', 'ship', 'courier'].map((key) => ({
        key,
        re: `${key}(?:s|ed|ing)?\\s+(?:of\\s+)?(?:lost|found|left)[- ](?:property|items?)\\b`,
      })),
    ],
  },
  {
    id: 'reissue',
    role: 'action',
    zh: [
      '补发',
      '补寄',
      // 补送一束, 重新送一束来: a delivery made again for one that came spoilt.
      '补送',
      '重送',
      '重新送',
      '重发',
      '重新发',
      '重新寄',
      '再发一',
      '再寄一',
      '再寄',
      '再给我寄',
      '再帮我寄',
      '再给我发一',
      // 那个照片侬再发我一遍: sent again, the caller named before how many times.
      '再发我',
      '再发给我',
      '补个',
      '补给我',
      // 没到账的给我补上: made good, what should have come.
      '补上',
      // 补办门禁卡, 卡丢了再补办: a card or document made again for one lost or broken.
      '补办',
      '重办',
      '重新办',
      // 作废重开, 重新开一张: an invoice or a receipt issued again.
      '作废重开',
    ],
    en: ['resend*', 're-send*', 'reship*', 're-ship*'],
    patterns: [
      { key: '补', re: '补\\s*(?:一|1|两|2)?\\s*[个根条只副份台套件张](?!人)' },
      // 发票开错了，重开一张; 作废了重新开一张: issued again (not 重开机, 重新开通, 重新开始).
      {
        key: '重',
        re: '重(?:新)?开(?!通|机|始|放|业|学|张营业|工)(?=\\s*(?:一|1)?\\s*(?:张|份|个)|[了吧啊呀咯哈嘛]|$|[\\s,.!?;:、]|的?(?:发票|收据|票))',
      },
      // 电子保单再发我一份: sending again what was sent before.
      { key: '再', re: '再\\s*(?:给我|帮我|给)?\\s*发\\s*(?:我|给我)?\\s*(?:一|1)\\s*[份个张封条遍次]' },
      // 对账单没收到，再给我寄一份: 再 parts the clauses, and 寄一份 is left to say it.
      { key: '寄', re: '寄\\s*(?:我|给我)?\\s*(?:一|1)\\s*[份个张封]' },
      {
        key: 'send',
        re: 'send\\s+(?:me\\s+|us\\s+)?(?:another|a new|a replacement|the missing|a spare|one more)\\b',
        overlay: true,
      },
      // could you send it again, text me the code again: what was sent, sent once more.
      ...['send', 'text', 'email', 'forward'].map((key) => ({
        key,
        re: `${key}\\s+(?:(?:me|us)\\s+)?(?:it|them|that|this|(?:the|my|our)\\s+(?:[\\w-]+\\s+){0,2}?[\\w-]+)\\s+(?:(?:to|through|over)\\s+(?:me|us)\\s+)?(?:again|once more)\\b`,
      })),
      // 验证码一直收不到, I never got my pickup code: what was sent and not received is sent again.
      { key: '没', re: '没(?:有)?收到' },
      { key: '收', re: '收不到' },
      { key: 'never', re: 'never\\s+(?:got|received|arrived|came)\\b' },
      { key: 'didn', re: "didn'?t\\s+(?:get|receive)\\b" },
      { key: 'haven', re: "haven'?t\\s+(?:got|gotten|received)\\b" },
    ],
  },
  {
    // 增开一张, 给保姆也办张卡, 再整张门禁卡: one more of a card or pass the caller has.
    id: 'issue_more',
    role: 'action',
    zh: ['增开', '加开', '多开', '加办', '多办', '再办', '再开一张', '再配', '多配', '加配', '再整'],
    en: ['extra card*', 'another card*', 'spare card*', 'additional card*'],
    patterns: [
      { key: '办', re: '办\\s*(?:一|1|两|2)?\\s*张' },
      { key: '整', re: '整\\s*(?:一|1|两|2)?\\s*张' },
      { key: '配', re: '配\\s*(?:一|1|两|2)?\\s*张' },
      { key: '加', re: '加\\s*(?:一|1|两|2)?\\s*张' },
    ],
  },
  {
    id: 'reset',
    role: 'action',
    patterns: [
      { key: 'start', re: "start\\s+(?:[\\w']+\\s+){1,3}?(?:over|again|from scratch)\\b", overlay: true },
    ],
    zh: [
      '重置',
      '恢复出厂',
      '恢复出厂设置',
      '初始化',
      '复位',
      '重新设置',
      '清空',
      '清零',
      '从头开始',
      '重新开始',
      '重新学',
    ],
    en: [
      'reset*',
      'factory reset*',
      'reinitiali*',
      'start over',
      'start again',
      'start from scratch',
      'start from the beginning',
      'redo',
      'wipe*',
      'clear*',
    ],
  },
  {
    id: 'skip',
    role: 'action',
    zh: ['跳过', '绕过', '绕开', '省掉', '免验证', '不验证'],
    en: ['bypass*', 'get around'],
    patterns: [{ key: 'skip', re: verbNotNoun('skip') }],
  },
  {
    id: 'restart',
    role: 'action',
    concept: 'restart_modem',
    zh: ['重启', '重新启动', '重开机'],
    en: ['restart*', 'reboot*', 'power cycle*', 'power-cycle*'],
  },
  {
    id: 'unbind',
    role: 'action',
    zh: ['解绑', '解除绑定', '取消绑定', '解除关联'],
    en: ['unbind*', 'unlink*', 'unpair*'],
    patterns: [{ key: 'remove', re: "remove\\s+(?:[\\w']+\\s+){0,2}?devices?\\b" }],
  },
  {
    id: 'replace_new',
    role: 'action',
    zh: [
      '换新机',
      '换新',
      '换一台新',
      '换台新',
      '换个新',
      '换部新',
      '换一个新',
      '换成新',
      '换一台',
      '换台',
      '换货',
      // 这台我要整机换掉: the whole appliance exchanged.
      '整机换',
      '整台换',
    ],
    // swap the leaking bottle: one given in place of another.
    en: ['replac*', 'new one', 'brand new', 'swap*'],
  },
  {
    id: 'appraise',
    role: 'action',
    // 计量检定 of a meter; 把表拆了验一验: tested.
    zh: [
      '鉴定',
      '检测',
      '检验',
      '鉴别',
      '质检',
      '验货',
      '计量检定',
      '检定',
      '校验',
      '验一验',
      '验验',
      '验一下',
    ],
    // Not the inspector, assessor or examiner who does it: people, whose names a rule may guard.
    en: [
      'inspect',
      'inspects',
      'inspected',
      'inspecting',
      'inspection*',
      'assess',
      'assesses',
      'assessed',
      'assessing',
      'assessment*',
      'examine',
      'examines',
      'examined',
      'examining',
      'examination*',
      'quality check*',
    ],
  },
  {
    id: 'complain',
    role: 'action',
    concept: 'complaint',
    // 我要反映这个事, 我要告他: reporting someone's conduct.
    zh: [
      '投诉',
      '举报',
      '反映',
      '提意见',
      '提个意见',
      '提点意见',
      '告他',
      '告她',
      '给个说法',
      '给我个说法',
      '给我一个说法',
      '讨个说法',
      '要个说法',
      '给个交代',
      '给我个交代',
      '给我一个交代',
    ],
    en: ['complain*', 'grievance*'],
  },
  {
    // 我要打12315, 找媒体曝光, I'm going to Trading Standards, I'll see you in the small claims
    // court: taking the matter to an outside body, which rules on threats (…知悉, inform a
    // supervisor) name.
    id: 'threaten',
    role: 'action',
    zh: ['12315', '曝光', '找媒体', '找记者', '上媒体', '市场监管局', '消协', '消费者协会', '起诉你们'],
    en: [
      'threaten*',
      'trading standards',
      'small claims',
      'take you to court',
      'see you in court',
      'sue you',
      'the press',
      'the papers',
      'the media',
      // I'm going straight to Fair Trading, Consumer Affairs, the tribunal, the Ombud: the bodies
      // callers name in Australia, South Africa and elsewhere, and their own lawyer.
      'fair trading',
      'consumer affairs',
      'tribunal',
      'ombud*',
      'my lawyer*',
      'my solicitor*',
      'legal action',
      // the Attorney General's office, the Better Business Bureau: the US bodies.
      'attorney general',
      'better business bureau',
      'the bbb',
    ],
    patterns: [
      // it's going on every Redlands Facebook group there is: made public.
      {
        key: 'facebook',
        re: "(?:going|goes|go|gone|be)\\s+(?:up\\s+)?(?:all\\s+over|on)\\s+(?:every\\s+|all\\s+the\\s+|the\\s+|my\\s+)?(?:[\\w'-]+\\s+){0,2}?facebook\\b",
      },
      // I'll put it all over the Blackwood Facebook page, post it on social media: made public.
      {
        key: 'put',
        // I'll put you all over Google: a review for everyone to read.
        re: "put\\s+(?:it|this|that|the lot|you|you all|youse|you lot|you guys)\\s+(?:all\\s+)?(?:over|on)\\s+(?:the\\s+)?(?:[\\w'-]+\\s+){0,2}?(?:facebook|twitter|tiktok|instagram|social media|reddit|google|yelp|tripadvisor)\\b",
      },
    ],
  },
  {
    id: 'ticket_refund',
    role: 'action',
    zh: ['退票', '退机票', '退掉机票'],
    en: ['ticket refund*'],
    patterns: [
      // 机票给我全额退了: the ticket named, then 退 later in the clause.
      { key: '机票', re: '机票[^,.!?;:、\\n]{0,6}?退(?!款|钱|费)', overlay: true },
      { key: '票', re: '(?<![钞股支汇邮])票[^,.!?;:、\\n]{0,3}?退(?!款|钱|费)', overlay: true },
      { key: '把', re: '把(?:这张|那张)?票退' },
      { key: 'refund', re: 'refund\\s+(?:my |the |this )?(?:ticket|flight|booking)s?\\b' },
      { key: 'cancel', re: 'cancel\\s+(?:my |the |this )?(?:ticket|flight)s?\\b' },
    ],
  },
  {
    id: 'waive',
    role: 'action',
    concept: 'fee_waiver',
    // 免 alone (能不能免) comes last: 免费 is free of charge, 免除 a waiver.
    zh: ['减免', '免除', '豁免', '免掉', '免了', '免去', '抹掉', '抹了', '抹去', '免收', '别收', '免'],
    en: [
      'waiv*',
      'let me off',
      'let it go',
      'write off',
      'drop the fee',
      'remove the fee',
      'forgive*',
      'knock it off',
      'knock that off',
      'knock off the',
    ],
    patterns: [
      // 收不收钱 asks whether there is a charge: 不收 after 收 is no waiver.
      { key: '不收', re: '(?<!收)不收' },
      { key: 'not', re: 'not\\s+(?:to\\s+)?charg\\w*\\s+(?:me\\s+)?(?:the|that|this|a|for)\\b' },
      // 那十八蚊保管费我一分钱都不会给: a fee the caller will not pay is one asked off.
      ...['费', '金'].map((key) => ({
        key,
        re: `${key}[^,.!?;:、\\n]{0,8}?(?:一分钱都|一分都|一毛都|一毛钱都|坚决)?(?:不会给|不给|不交|不付|不会交|不会付)`,
        overlay: true as const,
      })),
      // 你们可别再跟我要啥改期费啊, 不要扣我违约金: a fee the caller is not to be charged is asked off.
      ...['别', '不要', '甭'].map((key) => ({
        key,
        re: `${key}(?:再|又)?(?:跟|找|向|问)?我?(?:要|收|扣|算)我?(?:啥|什么|那个|这个|那笔|这笔)?[^,.!?;:、\\n]{0,4}?(?:费|违约金|滞纳金|罚金)`,
        overlay: true as const,
      })),
      // remove that late fee, drop the $20 charge, take off the penalty: a fee taken away.
      ...['remove', 'drop', 'take', 'scrap', 'reverse', 'wipe', 'cancel'].map((key) => ({
        key,
        re: `${key}\\s+(?:off\\s+)?(?:that|the|this|my|those|these)?\\s*(?:[\\w$-]+\\s+){0,3}?(?:late\\s+)?(?:fees?|charges?|penalt(?:y|ies)|fines?)\\b`,
        overlay: true as const,
      })),
      // that late fee … take it off: the fee named, then taken off.
      {
        key: 'take',
        re: '(?<=\\b(?:fees?|charges?|penalt(?:y|ies)|fines?)\\b[^.!?]{0,80}?)take\\s+(?:it|that|them)\\s+off\\b',
        overlay: true as const,
      },
      { key: "don't", re: "don't\\s+charg\\w*\\s+(?:me\\s+)?(?:the|that|this|a|for)\\b" },
      // A fee given back is a fee waived: 滞纳金退给我, refund the cancellation fee.
      ...['取消费', '违约金', '手续费', '滞纳金', '年费', '月租', '服务费'].map((key) => ({
        key,
        re: `${key}[^,.!?;:、\\n]{0,4}?(?:退|返还)(?!票|货|订)`,
        overlay: true as const,
      })),
      {
        key: '退',
        re: '退(?:还|回|给我|我)?(?:那笔|这笔|那个|这个)?[^,.!?;:、\\n]{0,4}?(?:取消费|违约金|手续费|滞纳金|年费|月租|服务费)',
        overlay: true as const,
      },
      ...['drop', 'remove', 'scrap', 'cancel', 'take off', 'refund'].map((key) => ({
        key,
        re: `${key}\\s+(?:the|that|this|my)?\\s*(?:[\\w$.-]+\\s+){0,2}?(?:fee|charge|penalty)s?\\b`,
        overlay: true as const,
      })),
    ],
  },
  {
    id: 'disclose',
    role: 'action',
    generic: true,
    needsOther: true,
    zh: [
      '透露',
      '泄露',
      '告诉我',
      '告诉',
      '发给我',
      '发我',
      '提供',
      '念给我',
      '报给我',
      '念下',
      '念一下',
      '说一下',
      '说说',
      // 你给我说说 asks to be told, not to be given.
      '给我说说',
      '给我说下',
      '给我说一下',
      '给我讲讲',
      '给我讲一下',
      '给我解释',
      // 你跟我说下, 跟我唠唠: told, said with 跟 (Northern 唠 is chatting it over).
      '跟我说',
      '和我说',
      '跟我讲',
      '跟我唠',
    ],
    // Not shown or shows: what a record shows (when the outage log shows, fares shown in the
    // timetable) is no telling.
    en: ['disclos*', 'reveal*', 'share*', 'tell', 'show', 'showing', 'send me'],
    patterns: [
      // Leaked my details, leaking customer data: data let out. Not a water leak (a leak check).
      {
        key: 'leak',
        re: "leak(?:ed|ing|s)?\\s+(?:out\\s+)?(?:[\\w'-]+\\s+){0,2}?(?:data|details|info\\w*|numbers?|address\\w*|records?|photos?|files?|emails?)\\b",
      },
      {
        key: '给我',
        re: `给我(?:看看|看下|看一下|查查|查一下|查下)?(?![^,.!?;:、\\n]{0,8}?${CALL_MADE_ZH}电话)[^,.!?;:、\\n]{0,8}?${DISCLOSED_ZH}`,
        overlay: true as const,
      },
      {
        key: 'give',
        re: "give\\s+me\\s+(?:[\\w'-]+\\s+){0,4}?(?:e-?mail|phone|number|address|details|info\\w*|contact\\w*|card|password|name|location)",
        overlay: true as const,
      },
      ...DISCLOSED_KEYS_ZH.map((key) => ({
        key,
        re: `${key === '电话' ? `(?<!${CALL_MADE_ZH})` : ''}${key}[^,.!?;:、\\n]{0,5}?(?:给我|发我|给一下|报一下|念一下)`,
        overlay: true as const,
      })),
      // 收件人电话多少, 寄件人是谁, 住哪儿的: asked as a question, someone's data is asked to be told.
      ...DISCLOSED_KEYS_ZH.map((key) => ({
        key,
        re: `${key}[^,.!?;:、\\n]{0,2}?(?:是)?(?:多少|几号|是啥|是什么)`,
        overlay: true as const,
      })),
      { key: '住', re: '住(?:在)?(?:哪|什么地方|啥地方)', overlay: true as const },
      {
        key: 'what',
        re: "what(?:'s|\\s+is|\\s+was|\\s+are)\\s+(?:[\\w'-]+\\s+){0,3}?(?:phone|number|address|e-?mail|name)",
        overlay: true as const,
      },
      { key: '是谁', re: '是谁', overlay: true as const },
      { key: '叫', re: `${NAME_ASKED_ZH}(?:名字)?`, overlay: true as const },
    ],
  },
  {
    // Reading out a code over the phone (read me the gate code, give me the code of the shop):
    // told aloud, to anyone, the caller too.
    id: 'read_out',
    role: 'action',
    zh: [],
    en: ['read out', 'reading out', 'read it out', 'read them out', 'read me'],
    patterns: [
      {
        key: 'give',
        re: "give\\s+me(?=\\s+(?:[\\w'-]+\\s+){0,3}?(?:code|pin|passcode)s?\\b)",
        overlay: true,
      },
    ],
  },
  {
    id: 'view',
    role: 'action',
    generic: true,
    zh: [
      '查看',
      '看看',
      '看一下',
      '看下',
      '查一下',
      '查查',
      '查询',
      '调查',
      '核查',
      '查',
      '瞧瞧',
      '调取',
      '打开',
      '翻看',
    ],
    en: [
      'view*',
      'look at',
      'look up',
      'look into',
      'check',
      'accessed',
      'accessing',
      'open',
      'browse',
      'investigat*',
    ],
    patterns: [
      // see my bill, can I see it; not what a caller saw or says in passing (I see your van
      // outside his place, you see, let me see, he's a plasterer, see, self-employed: nothing seen)
      // nor a goodbye (see ya Sunday), nor someone coming to see the damage (come and see it), nor
      // what the caller can see (I can see one of your bottles there).
      {
        key: 'see',
        re: '(?<!\\bcome\\s+(?:(?:over|round|around|out)\\s+)?(?:and\\s+|to\\s+|n\\s+)?)(?:(?<=\\b(?:can|could|may|might)\\s+(?:i|we)\\s+)|(?<!\\b(?:i|we|me|us|you|u|ya)\\s+(?:can\\s+|could\\s+)?))see\\b(?!\\s+(?:ya|you|u|ye|yous|yez)\\b)(?=\\s+[a-z])',
      },
      // access her files (the verb); access alone is a noun (see the access sense).
      {
        key: 'access',
        re: "access(?:es)?\\s+(?=(?:my|your|his|her|their|another|other|others|someone|somebody|the|this|that|a|an|any|all|[a-z]+'s)\\b)",
      },
    ],
  },
  {
    id: 'change',
    role: 'action',
    onAction: true,
    generic: true,
    zh: [
      '修改',
      '更改',
      '改成',
      '改为',
      '改掉',
      '改一下',
      '改',
      '换成',
      '换',
      '变更',
      '调整',
      '修正',
      '修订',
      '更换',
      // 品种填错了: a wrong entry is asked to be put right.
      '填错',
      '写错',
      '打错',
      '印错',
      '拼错',
    ],
    // move my pickup to the downtown branch: a booking's place or time moved is changed.
    en: [
      'chang*',
      'modif*',
      'updat*',
      'switch*',
      'alter*',
      'edit*',
      // correctly is how something was done (a payment correctly taken), no change.
      'correct',
      'corrects',
      'corrected',
      'correcting',
      'correction*',
      'misspel*',
      'typo*',
      'move',
      'moved',
      'moving',
    ],
    // they spelled my name 'Danial', spelt it wrong: a wrong spelling is asked to be put right.
    patterns: [
      // 把数据处理一下, 把检测记录弄一下: a record or figure "seen to" is one altered, said softly.
      ...['处理', '弄', '搞', '做', '调'].map((key) => ({
        key,
        re: `(?<=把[^,.!?;:、\\n]{0,6}?(?:数据|记录|结果|成绩|报告|分数|读数|里程)(?:给我|帮我|给)?)${key}(?:一下|下)?`,
        overlay: true as const,
      })),
      // 下礼拜三那一期送到新店, 改送到我公司: a delivery sent somewhere new is its address changed.
      {
        key: '送',
        re: '(?:改|换)?送到(?=新|另一|另外|别的|(?:我|她|他)的?(?:公司|单位|新))',
        overlay: true as const,
      },
      // 别送上门了，放驿站就行, 搁快递柜: a parcel left at a pickup point instead of brought up.
      ...['放', '送', '搁', '存'].map((key) => ({
        key,
        re: `${key}(?:到|在|去)?[^,.!?;:、\\n]{0,10}?(?:驿站|快递柜|丰巢|自提点|自提柜|代收点)`,
        overlay: true as const,
      })),
      {
        key: 'spel',
        re: "spel(?:led|t)\\s+(?:my|the|his|her|our|it|[\\w']+'s)\\s*(?:name|surname)?\\b",
        overlay: true,
      },
      // put medical treatment on the receipt instead, can the invoice say design services: what a
      // paper says, asked to be other than it is.
      ...['put', 'write', 'list', 'mark', 'call', 'say'].map((key) => ({
        key,
        re: `${key}\\w*\\b[^.!?;]{0,40}?\\bon\\s+(?:the|my|a|that|this)\\s+${PAPER_EN}\\s+instead\\b`,
        overlay: true as const,
      })),
      // do me a new receipt that says 'medical treatment', an invoice saying consulting: a paper
      // asked to say what the caller wants it to.
      ...['receipt', 'invoice'].map((key) => ({
        key,
        re: `${key}s?\\s+(?:(?:that|which)\\s+(?:says?|reads?|shows?|states?)|saying|stating|reading)\\b`,
        overlay: true as const,
      })),
      ...['can', 'could', 'make', 'have', 'get'].map((key) => ({
        key,
        re: `${key}\\s+(?:you\\s+(?:make|have|get)\\s+)?(?:the|my|a|that|this)\\s+(?:receipt|invoice)s?\\s+(?:to\\s+)?(?:say|read|show)\\b(?!\\s+(?:the\\s+)?(?:same|correct|right|actual|real|what))`,
        overlay: true as const,
      })),
      // stop the organic one from my order, add two yoghurts to the standing order, take the eggs
      // off my delivery: a thing taken from or put in an order is the order changed.
      ...['remov', 'take', 'took', 'drop', 'stop', 'cut', 'add', 'put'].map((key) => ({
        key,
        re: `${key}\\w*\\s+(?:[\\w'-]+\\s+){0,4}?(?:from|off|out\\s+of|to|onto)\\s+(?:the\\s+|my\\s+|our\\s+)?(?:standing\\s+|regular\\s+|weekly\\s+|usual\\s+|daily\\s+)?(?:order|box|delivery|deliveries)\\b`,
        overlay: true as const,
      })),
      // go up to 40 mg, switch me down to the 50s, double what's on my label: a strength changed.
      { key: 'go', re: 'go\\s+(?:up|down)\\s+to\\b', overlay: true },
      { key: 'double', re: 'double\\s+(?:what|my|the)\\b', overlay: true },
      { key: 'send', re: 'send\\s+(?:me\\s+)?the\\s+\\d+s\\b', overlay: true },
      // 直接放小区门口那个驿站就行, leave it at the front desk: where a delivery goes, changed.
      {
        key: '放',
        re: '放(?:到|在)?[^,.!?;:、\\n]{0,8}?(?:驿站|代收点|快递柜|丰巢|门卫|物业|前台|传达室)',
        overlay: true,
      },
      {
        key: 'leave',
        re: 'leave\\s+(?:it|them|the (?:parcel|package|box))\\s+(?:at|with|in)\\s+(?:the\\s+)?(?:front desk|reception|concierge|locker|parcel locker|pickup point|pick-up point|mailroom)',
        overlay: true,
      },
    ],
  },
  // Objects.
  {
    id: 'file',
    role: 'object',
    zh: ['文件夹', '文件', '照片', '相片', '相册', '图片', '视频', '文档', '数据', '备份', '存的', '存了'],
    en: ['folder*', 'photo*', 'picture*', 'video*', 'document*', 'data', 'backup*'],
    // Not the business's record of the caller (what the file shows we owe, as the file says).
    patterns: [{ key: 'file', re: '\\bfile\\w*\\b(?!\\s+(?:shows?|showed|says?|said)\\b)' }],
  },
  {
    id: 'recycle_bin',
    role: 'manner',
    zh: ['回收站', '垃圾箱', '垃圾桶', '已删除'],
    en: ['recycle bin*', 'trash', 'deleted items'],
  },
  {
    id: 'space',
    role: 'object',
    zh: ['空间', '容量', '存储'],
    en: ['space', 'storage', 'quota', 'capacity'],
  },
  {
    // A medicine's strength: 20 mg, the 40s, what's on the label, 剂量.
    id: 'dosage',
    role: 'object',
    zh: ['剂量', '用量', '毫克'],
    en: ['dosage*', 'dose', 'doses', 'strength'],
    patterns: [
      { key: 'the', re: 'the\\s+\\d+s\\b', overlay: true },
      { key: 'what', re: "what's\\s+on\\s+(?:my|the)\\s+(?:label|bottle|prescription)", overlay: true },
      ...['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'].map((key) => ({
        key,
        re: '\\d+(?:\\.\\d+)?\\s*(?:mg|mcg|milligrams?)\\b',
        overlay: true as const,
      })),
    ],
  },
  {
    id: 'accessory',
    role: 'object',
    zh: ['配件', '附件', '零件', '部件', '耳帽', '耳塞', '耳套', '说明书', '遥控器', '螺丝'],
    en: ['accessor*', 'spare part*', 'remote control*'],
  },
  {
    id: 'cable',
    role: 'object',
    also: ['accessory'],
    zh: ['充电线', '数据线', '电源线', '连接线', '耳机线'],
    en: ['cable*', 'cord*', 'charging cable*'],
  },
  {
    id: 'charger',
    role: 'object',
    also: ['accessory'],
    zh: ['充电器', '充电头', '充电插头', '电源适配器', '适配器'],
    en: ['charger*', 'adapter*', 'power adapter*', 'charging brick*'],
  },
  {
    // The shared parts of a building or a compound (公共区域报修): its corridors, lifts, garage.
    id: 'common_area',
    role: 'object',
    zh: [
      '公共区域',
      '公区',
      '公共部位',
      '公共设施',
      '楼道',
      '走廊',
      '楼梯间',
      '电梯',
      '地库',
      '地下车库',
      '车库',
      '大堂',
      '单元门',
      '小区大门',
      '路灯',
      '消防通道',
      '绿化带',
    ],
    en: [
      'common area*',
      'hallway*',
      'corridor*',
      'stairwell*',
      'elevator*',
      'lobby',
      'car park',
      'parking garage',
    ],
  },
  {
    // What cannot wait (紧急抢修): people shut in a lift, a pipe burst or spraying water, gas
    // leaking, fire or smoke, water flooding in. Said beside a request to send someone, it asks
    // for the emergency dispatch a rule names.
    id: 'emergency',
    role: 'object',
    zh: [
      '紧急',
      '应急',
      '电梯困人',
      '困人',
      '爆管',
      '爆裂',
      '喷水',
      '漏气',
      '漏煤气',
      '燃气泄漏',
      '煤气泄漏',
      '着火',
      '起火',
      '失火',
      '冒烟',
      '漏电',
      '水漫',
      '淹了',
    ],
    en: [
      'emergenc*',
      'urgent*',
      'trapped',
      'stuck in the lift',
      'stuck in the elevator',
      'burst pipe*',
      'gas leak*',
      'on fire',
      'flooding',
    ],
    patterns: [
      // 困在电梯里, 被关在电梯里出不来, 被卡在电梯: someone shut in a lift.
      ...['困', '关', '卡'].map((key) => ({
        key,
        re: `${key}(?:在|到|住|住在)(?:了)?(?:这个|那个)?电梯`,
        overlay: true as const,
      })),
      { key: '电梯', re: '电梯[^,.!?;:、\\n]{0,6}?(?:困|关|卡)(?:住|了|人|着)', overlay: true as const },
      // 水管爆了, 管子裂了在喷, 暖气片破了: a pipe that gives way.
      ...['管', '暖气'].map((key) => ({
        key,
        re: `${key}[^,.!?;:、\\n]{0,4}?(?:爆|裂开|破了|崩了)`,
        overlay: true as const,
      })),
    ],
  },
  {
    // Someone coming to see the caller (访客): 爸妈开车过来看我, 同学来玩, 设计师过来量房, 朋友来家里
    // 吃饭, a visitor's car.
    id: 'visitor',
    role: 'object',
    guest: true,
    zh: ['访客', '来访', '来客', '客人', '做客', '串门', '外来车'],
    en: ['visitor*', 'guest', 'guests', 'coming over', 'come over', 'coming to visit'],
    patterns: [
      {
        key: '来',
        re: '来(?:我家|家里|我这|看我|看看我|看孩子|看娃|看小孩|玩|做客|吃饭|量房|串门|拜访|探望|找我)',
        overlay: true,
      },
      {
        key: '过来',
        re: '过来(?:看我|看看我|看孩子|看娃|看小孩|玩|做客|吃饭|量房|串门|拜访|探望|找我)',
        overlay: true,
      },
      { key: '开车', re: '开车(?:过|回)?来', overlay: true },
    ],
  },
  {
    // Doing up a home (装修登记): a renovation company or crew names who, not the work registered.
    id: 'renovation',
    role: 'object',
    zh: ['装修', '装潢'],
    en: ['renovat*'],
  },
  {
    // Inside the caller's own home (户内维修, 家里的水管).
    id: 'in_home',
    role: 'object',
    zh: ['户内', '室内', '家里', '家中', '屋里', '屋头'],
    en: ['in-home', 'in home', 'at home', 'my home', 'my place', 'my flat', 'my apartment', 'my house'],
  },
  {
    id: 'device',
    role: 'object',
    zh: ['设备', '音箱', '音响', '机器', '机子', '主机', '光猫', '猫'],
    en: ['device*', 'speaker*', 'modem*'],
  },
  {
    // 修改宠物昵称: the pet a policy or a booking covers, by its kind (我家狗, 猫咪).
    id: 'pet',
    role: 'object',
    zh: ['宠物', '爱宠', '猫咪', '狗狗', '小猫', '小狗', '猫猫', '狗子', '狗', '犬'],
    en: ['pet', 'pets', 'cat', 'cats', 'dog', 'dogs', 'puppy', 'puppies', 'kitten*'],
  },
  {
    id: 'card',
    role: 'object',
    zh: ['卡片', '银行卡', '信用卡', '储蓄卡', '借记卡'],
    en: ['card', 'cards', 'credit card*', 'debit card*'],
    patterns: [
      // 卡里又多扣了两百: the card a charge was taken from is where the money was, no card acted on;
      // nor the one money goes back to (退回原卡, 钱退到卡里).
      {
        key: '卡',
        re: '(?<!原|[退返][回到进])卡(?!(?:里|上|内|中)(?:头|面)?(?:又|多|被|给|重复|乱)*(?:扣|刷|收|划))',
      },
    ],
  },
  {
    // More time to pay a bill, and what asks for it (my card got declined, till I get paid).
    id: 'grace',
    role: 'object',
    zh: [
      '宽限期',
      '宽限',
      '缓交',
      '缓缴',
      '发工资',
      '扣款失败',
      '支付失败',
      '卡被拒',
      '还款',
      '还上',
      '再还',
    ],
    en: [
      'payment grace period',
      'grace period',
      'grace',
      'to pay',
      'get paid',
      'payday',
      'pay day',
      'card got declined',
      'card was declined',
      'card declined',
      'payment failed',
      'payment declined',
    ],
    patterns: [
      // 能晚一个礼拜交吗, 缓几天再缴: a payment put off by a time.
      ...['晚', '缓'].map((key) => ({ key, re: `${key}${PAID_LATER_BY}` })),
    ],
  },
  {
    // 卡里还剩三百多: what is left on a card or an account, to be paid out (本金, what was paid in
    // of a stored-value card's balance, without its bonus).
    id: 'balance',
    role: 'object',
    zh: [
      '余额',
      '本金',
      '还剩',
      '剩下的',
      '剩余',
      '剩的钱',
      '余下的',
      '卡里的钱',
      '里头的钱',
      '里面的钱',
      '卡里还有',
    ],
    en: ['balance', 'remaining', "what's left", 'left on'],
  },
  { id: 'flight', role: 'object', zh: ['航班', '班机', '飞机'], en: ['flight*'] },
  {
    id: 'ticket',
    role: 'object',
    zh: ['机票'],
    en: ['ticket*'],
    // 钞票 is money (Wu and northern speech: 把钞票打给我), 股票 a share, 支票 and 汇票 payments.
    patterns: [{ key: '票', re: '(?<![钞股支汇邮])票' }],
  },
  {
    id: 'delay',
    role: 'object',
    zh: [
      '延误',
      '晚点',
      '延迟',
      '误点',
      '推迟',
      '延后',
      '晚退',
      '晚些',
      '晚一点',
      '晚一些',
      '晚走',
      '多待',
      '多住一会',
      '延到',
      '延迟到',
      '推到',
    ],
    en: ['delay*', 'late', 'later'],
  },
  {
    id: 'quality',
    role: 'object',
    zh: ['质量问题', '质量', '品质', '做工', '次品', '瑕疵', '残次'],
    en: ['quality', 'defect*', 'faulty'],
  },
  {
    id: 'merchant',
    role: 'object',
    zh: ['商家', '卖家', '店家', '商户', '店铺', '这家店'],
    en: ['seller*', 'merchant*', 'vendor*', 'shop', 'store'],
  },
  {
    id: 'info',
    role: 'object',
    zh: [
      '信息',
      '资料',
      '个人信息',
      '隐私',
      '电话',
      '电话号码',
      '手机号',
      '手机号码',
      '号码',
      '地址',
      '住址',
      '座位',
      '几排',
      '坐哪',
      '身份证',
      '邮箱',
      '位置',
      '取件码',
      '取货码',
      '提货码',
      // What was reported and where it came from: information, not a complaint made.
      '举报内容',
      '举报来源',
      '投诉内容',
      '投诉来源',
    ],
    en: [
      'info*',
      'detail*',
      'phone*',
      'number*',
      'address*',
      'seat*',
      'email*',
      'contact*',
      'location*',
      'pickup code*',
    ],
  },
  {
    // An alarm's, a gate's or a door's code, a PIN: what opens someone's place or account.
    id: 'access_code',
    role: 'object',
    zh: [],
    en: ['code', 'codes', 'alarm code*', 'gate code*', 'door code*', 'passcode*', 'pin', 'pins', 'pin code*'],
  },
  {
    id: 'verification',
    role: 'object',
    zh: ['身份核验', '身份验证', '核验', '验证', '校验', '实名认证', '认证', '核实身份'],
    en: ['verif*', 'identity check*', 'authenticat*', 'security question*'],
  },
  {
    id: 'name',
    role: 'object',
    also: ['info'],
    zh: ['姓名', '名字', '昵称'],
    en: ['name', 'names', 'nickname*', 'surname*', 'last name*', 'family name*'],
    // 给猫咪改个名: the name in 改名 (改 is still read as changing it).
    patterns: [
      { key: '改', re: '改\\s*(?:个|一下)?\\s*名(?!字|称|单)', overlay: true },
      { key: '换', re: '换\\s*(?:个)?\\s*名(?!字|称|单)', overlay: true },
      // 寄件人是谁, 收件人叫什么: who someone is.
      { key: '是谁', re: '是谁', overlay: true },
      { key: '叫', re: `${NAME_ASKED_ZH}(?:名字)?`, overlay: true },
    ],
  },
  {
    id: 'passenger',
    role: 'object',
    zh: ['乘机人', '乘客', '旅客', '登机人', '同行人'],
    en: ['passenger*', 'traveller*', 'traveler*'],
  },
  {
    // Either end of a shipment (收件人, 寄件人): someone else whose data the caller may ask for.
    id: 'consignee',
    role: 'object',
    party: true,
    zh: ['收货人', '收件人', '寄件人', '发件人', '寄件方', '收件方'],
    en: ['recipient*', 'consignee*', 'sender*'],
    // 是谁寄的, who sent it, 寄的人, 收件的是谁: the sender or the recipient.
    patterns: [
      { key: '谁', re: '谁(?:给我)?(?:寄|发|送)(?:的|过来|来)', overlay: true },
      ...['寄', '发'].map((key) => ({
        key,
        re: `${key}(?:件|货)?的(?:那个)?(?:人|是谁)`,
        overlay: true as const,
      })),
      { key: '收', re: '收(?:件|货)的(?:那个)?(?:人|是谁)', overlay: true },
      { key: 'who', re: 'who\\s+(?:sent|mailed|shipped)\\b', overlay: true },
    ],
  },
  {
    // 充电桩坏了, the charger is broken: what a fault report or a repair is about.
    id: 'fault',
    role: 'object',
    zh: [
      '故障',
      '坏了',
      '坏掉',
      '出毛病',
      '不能用',
      '用不了',
      '没反应',
      '不工作',
      '失灵',
      '黑屏',
      '屏幕黑',
      '不亮',
      '扫不了',
      '充不上',
      '充不进',
      // 电视开不开了, 开不了机: it will not turn on.
      '开不开',
      '开不了机',
    ],
    en: ['broken', 'not working', 'out of order', "doesn't work", "won't work", 'faulty', 'malfunction*'],
  },
  {
    id: 'loss',
    role: 'object',
    problem: true,
    zh: [
      '丢失',
      '遗失',
      '遗落',
      // 落在桌子上了, 忘在包厢里: left behind.
      '落在',
      '落下了',
      '忘在',
      '忘拿',
      '丢了',
      '丢掉',
      '没了',
      '不见了',
      '消失',
      '找不到',
      '丢',
      '掉了',
      '弄丢',
      '被盗',
      '失窃',
      '被偷',
      '偷了',
      '偷走',
      '被抢',
      '抢走',
    ],
    en: [
      'lost',
      'lose',
      'missing',
      'gone',
      'disappear*',
      'fell out*',
      'dropped',
      'misplac*',
      "can't find",
      'cannot find',
      'stolen',
      // the loaf wasn't there, the milk never came: missing, in the caller's words.
      "wasn't there",
      "weren't there",
      'never came',
      'never arrived',
      "didn't arrive",
      'never turned up',
      "didn't turn up",
      'vanished',
    ],
  },
  {
    // 代打卡, 帮他打个卡, clock him in: attendance recorded (a clock-in), not a card.
    id: 'clock_in',
    role: 'action',
    zh: ['打卡', '打个卡', '刷脸打卡', '代打卡'],
    en: ['clock in', 'clock him in', 'clock her in', 'clock me in', 'clocked in', 'clock-in', 'sign in for'],
  },
  {
    // 虚报工时, 多报几个小时, 谎报: what is recorded told falsely.
    id: 'misreport',
    role: 'action',
    zh: ['虚报', '谎报', '瞎报', '假报', '多报'],
    en: ['misreport*', 'falsif*', 'fake the hours', 'pad the hours'],
  },
  {
    // 做心理诊断, 给我诊断一下, tell me what's wrong with me: a diagnosis, which only a doctor gives.
    id: 'diagnose',
    role: 'action',
    zh: ['诊断', '确诊', '下诊断', '看看是不是'],
    en: ['diagnos*'],
  },
  {
    // 给出医疗建议：氧流量、吸氧时长、用药: advice on a treatment, asked as how much of it is right (开
    // 几多合适, 要不要先开到四升), which only a doctor gives.
    id: 'medical_advice',
    role: 'action',
    zh: ['医疗建议', '医学建议', '用药建议', '诊疗建议', '治疗建议'],
    en: ['medical advice'],
    patterns: [
      { key: '合适', re: '(?<=(?:开|调|吸|吃|用)到?(?:几|多少|几多)(?:升|毫升|毫克|片|粒|次|个?小时)?)合适' },
      { key: '要不要', re: '要不要先?(?:开到|调到|加到|吸|吃)[^,.!?;:、\\n]{0,6}?(?:升|毫升|毫克|片|粒)' },
    ],
  },
  {
    // 推荐或开具药物, 开点安眠药, 开个处方, what should I take for it: medicine prescribed or recommended.
    id: 'prescribe',
    role: 'action',
    zh: ['开药', '开处方', '开具药物', '推荐药', '推荐药物', '开具处方'],
    en: ['prescrib*', 'recommend a medicine', 'recommend medication', 'recommend something to take'],
    patterns: [
      { key: '开', re: '开(?:点|些|一点|一些|几片|一盒|个)?[\\u4e00-\\u9fff]{0,3}?药(?![店房铺])' },
      { key: '推', re: '推荐(?:点|些|一点|一些|个)?[\\u4e00-\\u9fff]{0,3}?药(?![店房铺])' },
    ],
  },
  {
    // 开具收入证明, 出具缴费证明, 开个在职证明: a paper the company writes about the caller.
    id: 'issue_paper',
    role: 'action',
    // Only beside the paper: 开具 alone opens 开具与实际不符的发票, a false record's rule.
    zh: [],
    en: [],
    patterns: [
      // 开个证明, 给我开一份收入证明, 出具在职证明, 证明能开不: writing one out.
      { key: '开', re: '开具?\\s*(?:一|1)?\\s*(?:个|份|张)?(?=[^,.!?;:、\\n]{0,6}?证明)', overlay: true },
      { key: '出', re: '出具(?=[^,.!?;:、\\n]{0,6}?证明)', overlay: true },
      { key: '证', re: '证明[^,.!?;:、\\n]{0,4}?(?:能|可以|给我|帮我)?开', overlay: true },
      // 房东要个收入证明，你们能给我开一个不: one of what was named before.
      {
        key: '开',
        re: '开\\s*(?:一|1)?\\s*(?:个|份|张)(?=\\s*(?:不|吗|嘛|呗|吧|啊|呀|$|[,.!?;:、]))',
        overlay: true,
      },
    ],
  },
  {
    id: 'certificate',
    role: 'object',
    implies: ['issue_paper'],
    zh: ['证明', '证明信', '证明书'],
    en: [],
  },
  {
    // The child's stop, another existing stop, bus stops: a place a route stops at, no stopping
    // asked for (stop my collections is).
    id: 'stop_place',
    role: 'object',
    zh: [],
    en: ['bus stop', 'bus stops', 'pick-up point', 'pickup point', 'drop-off point', 'dropoff point'],
    patterns: [
      ...[
        'the',
        'a',
        'an',
        'another',
        'her',
        'his',
        'my',
        'our',
        'their',
        'your',
        'same',
        'new',
        'that',
        'this',
        'which',
      ].map((key) => ({
        key,
        re: `${key}\\s+(?:[a-z'-]+\\s+)?stops?\\b(?!\\s+(?:it|them|that|this|the|my|our|his|her|paying|charging|taking|sending|collect\\w*|the\\s))`,
      })),
      { key: "'s", re: "'s\\s+stop\\b(?!\\s+(?:it|them|paying|charging|taking|sending))" },
      // route, stop, times: one of things listed (the comma or the "or" after it read with it, so
      // this reading is longer than stop the verb's).
      {
        key: 'stop',
        re: '(?<=(?:,|\\b(?:or|and))\\s*)(?<!\\b(?:cancel\\w*|pause\\w*|freez\\w*|block\\w*|suspend\\w*|end|start|change|hold|close|skip|delay)\\s*(?:,|\\bor|\\band)\\s*)stops?(?:\\s*,|\\s+(?=(?:or|and)\\b))',
      },
    ],
  },
  {
    // Marked delivered but not received (显示签收但没收到, the tracking says delivered, the courier
    // says he left it in the shed): the carrier's record against the caller's word, a case a trace
    // is opened for. Said of the record, not of what the caller has (我签收了 is no such case).
    id: 'marked_delivered',
    role: 'object',
    problem: true,
    saidAsks: true,
    zh: [
      '显示签收',
      '显示已签收',
      '显示已经签收',
      '显示送达',
      '显示已送达',
      '显示妥投',
      '显示已妥投',
      '显示代收',
      '显示已代收',
      '被人签收',
      '被别人签收',
      '被人代签',
    ],
    en: [
      'marked delivered',
      'marked as delivered',
      'marked delivered but not received',
      'marked as delivered but not received',
      'delivered but not received',
      'left in a safe place',
      'left in safe place',
    ],
    patterns: [
      // 物流上写前天就签收了 / 物流信息显示驿站代收: the carrier's record says it was delivered.
      {
        key: '物',
        re: '物流(?:上|里|信息|记录)?(?:显示|写着?|说|更新)[^,.!?;:、]{0,10}?(?:签收|送达|妥投|代收)',
        overlay: true,
      },
      // 顺丰上显示昨儿晚上就签收了: the record shows it delivered, whenever it says.
      { key: '显', re: '显示[^,.!?;:、]{0,8}?(?:签收|送达|妥投|代收)', overlay: true },
      // 签收了，可我没收到 / 签收了，驿站说冇得这个件: signed for, and the caller has nothing.
      {
        key: '签',
        re: '签收(?:了)?[^.!?;:]{0,30}?(?:没|未|冇)(?:有|得)?(?:收到|收着|拿到|见到|看到|找到|这个件|这件|件)',
        overlay: true,
      },
      // the tracking says it was delivered / the courier says he left it in the shed.
      ...['says', 'said', 'saying', 'shows', 'showed', 'showing'].map((key) => ({
        key,
        re: `${key}\\s+(?:(?:(?:it|they)(?:\\s+(?:was|were|is|are|has been|have been)|'s|'re|'ve been)\\s+(?:been\\s+)?)?(?:as\\s+)?delivered\\b|(?:he|she|they|the driver|the courier)\\s+(?:left|delivered|dropped)\\s+(?:it|them|the\\s+[a-z]+)\\b)`,
        overlay: true as const,
      })),
      // delivered, but I never got it: the record against the caller's word.
      {
        key: 'delivered',
        re: "delivered,?\\s+but\\s+(?:i|we)\\s+(?:never|haven'?t|didn'?t|have not|did not|still haven'?t)\\b",
        overlay: true,
      },
    ],
  },
  {
    id: 'data_traffic',
    role: 'object',
    implies: ['gift', 'give', 'give_me', 'compensate'],
    zh: ['数据流量', '上网流量', '通用流量'],
    en: ['mobile data', 'data allowance', 'data plan', 'gigs', 'gigabyte*'],
    // Not the flow of oxygen, water or gas, nor a shop's footfall (氧流量, 水流量, 客流量).
    patterns: [{ key: '流量', re: '(?<![氧气水油客车人])流量' }],
  },
  {
    id: 'points',
    role: 'object',
    implies: ['gift', 'give', 'give_me', 'compensate'],
    zh: ['积分', '会员积分', '里程'],
    en: ['points', 'reward points', 'loyalty points', 'miles'],
  },
  {
    id: 'red_packet',
    role: 'object',
    implies: ['gift', 'give', 'give_me', 'compensate'],
    zh: ['红包', '无门槛券', '补偿券'],
    en: ['red packet*', 'red envelope*'],
  },
  {
    // A claim on a plan or a policy: what a rule on claims (appealed, chased, paid) is about.
    id: 'claim',
    role: 'object',
    zh: [],
    en: ['claim', 'claims', 'make a claim', 'file a claim', 'put in a claim', 'put a claim in'],
  },
  {
    id: 'credit',
    role: 'object',
    implies: ['gift', 'give', 'give_me', 'compensate'],
    zh: ['抵扣金', '余额补偿'],
    en: [
      'credit',
      'credits',
      'credited',
      'ride credit*',
      'account credit*',
      'store credit*',
      'travel credit*',
      'promo credit*',
    ],
  },
  {
    id: 'limit',
    role: 'object',
    implies: ['raise', 'give', 'give_me'],
    zh: ['额度', '信用额度', '可用额度', '限额'],
    en: ['credit limit*', 'spending limit*', 'limit'],
  },
  {
    id: 'access',
    role: 'object',
    implies: ['extend', 'give', 'give_me'],
    zh: ['访问权限', '使用权限', '观看权限', '课程权限', '有效期', '学习期限', '使用期'],
    // access as a noun (my access ends, two more weeks of access); the verb is a view.
    en: ['access', 'course access', 'access period', 'access window', 'access time'],
  },
  {
    id: 'courier',
    role: 'object',
    party: true,
    zh: [
      '骑手',
      '外卖员',
      '送餐员',
      '送餐小哥',
      '外卖小哥',
      '配送员',
      '快递员',
      '快递小哥',
      '司机',
      '取件员',
      '派件员',
      '送件员',
      '揽件员',
      '派送员',
      '收件员',
      '快递师傅',
    ],
    en: ['driver*', 'courier*', 'delivery person', 'delivery guy', 'milkman', 'milkmen'],
    // 送货的, 派件的, 来收件的小哥: the courier said by what they do.
    patterns: [
      ...['送', '派', '揽'].map((key) => ({ key, re: `${key}(?:货|件|快递)的`, overlay: true as const })),
      // 送水工, 送奶工, 送气的师傅: who delivers, by what; no gift (送) of anything.
      { key: '送', re: '送[\u4e00-\u9fff](?:的)?(?:工|员|小哥|师傅)' },
      { key: '来', re: '来(?:收|取)(?:件|货|快递)的', overlay: true as const },
    ],
  },
  {
    // Who comes to fix or install (维修师傅 is a person, not a repair asked for).
    id: 'technician',
    role: 'object',
    party: true,
    also: ['staff'],
    zh: [
      '维修师傅',
      '维修工',
      '维修员',
      '维修人员',
      '安装师傅',
      '上门师傅',
      '师傅',
      '技术员',
      '工程师',
      '技师',
    ],
    en: ['technician*', 'repairman', 'repairmen', 'repair guy', 'engineer*', 'installer*'],
  },
  {
    // Whoever came to do a job, said by the job (上个礼拜来修楼道灯的那个小伙子, 上门装空调的师傅):
    // a worker described, and no repair or installation asked for. One still to come (明儿下午来修
    // 冰箱的那个师傅) is a visit booked, and read as one.
    id: 'worker',
    role: 'object',
    party: true,
    also: ['technician', 'staff'],
    zh: [],
    en: [],
    // The job first (most 来 are followed by none), then the time said before.
    patterns: ['来', '上门'].map((key) => ({
      key,
      re: `${key}(?=${WORKER_BY_JOB})(?<!${FUTURE_BEFORE}${key})${WORKER_BY_JOB}`,
    })),
  },
  {
    // The company's own people (投诉物业工作人员): guards, cleaners, stewards, technicians.
    id: 'staff',
    role: 'object',
    party: true,
    zh: [
      '工作人员',
      '员工',
      '职员',
      '服务人员',
      '物业人员',
      '物业的人',
      '保安',
      '保洁',
      '保洁员',
      '保洁阿姨',
      // The cleaner who comes to the home (李阿姨的微信): someone else, whose data is theirs.
      '阿姨',
      '清洁工',
      '管家',
      '门卫',
      '客服人员',
    ],
    en: [
      'staff',
      'employee*',
      'security guard*',
      'cleaner*',
      'concierge*',
      // Those who recover a stolen car (recovery officers, the recovery team): nothing restored.
      'recovery officer*',
      'recovery team*',
      'recovery crew*',
      'recovery driver*',
      'recovery agent*',
    ],
  },
  {
    // A repair or service request on file (报修单 is the order, not a repair asked for).
    id: 'work_order',
    role: 'object',
    zh: ['工单', '报修单', '维修单', '服务单', '派工单', '报修记录', '维修记录'],
    en: ['work order*', 'repair order*', 'service order*', 'service ticket*', 'repair ticket*'],
  },
  {
    id: 'price_difference',
    role: 'object',
    // 多扣的保费 is what was overcharged too (退还多扣保费): the forms beginning 多 name both.
    also: ['overcharged'],
    // 保价差价: the difference a price guarantee pays, read whole (not 保 and 价差).
    zh: ['保价差价', '差价', '价差', '多收的', '多扣的'],
    en: ['difference', 'price difference*', 'fare difference*', 'overcharge*'],
    // 保价退差价: the price guarantee is the difference it refunds (not 保价 of a parcel's value).
    patterns: [{ key: '保价', re: '保价(?=退差价)' }],
  },
  {
    // What the customer holds with the product: a membership, a subscription, a plan, the service.
    id: 'plan',
    role: 'object',
    zh: ['会员', '会籍', '服务', '套餐', '月卡'],
    en: ['membership*', 'subscription*', 'service', 'services', 'plan', 'plans'],
  },
  {
    id: 'progress',
    role: 'object',
    zh: ['学习进度', '进度', '学习记录'],
    en: ['progress'],
  },
  {
    id: 'guest_pass',
    role: 'object',
    implies: ['gift', 'give', 'give_me'],
    zh: ['体验券', '访客券', '体验卡', '带朋友'],
    en: ['guest pass*', 'day pass*', 'visitor pass*', 'guest*', 'bring a friend'],
  },
  {
    id: 'lost_item',
    role: 'object',
    also: ['loss'],
    implies: ['find', 'restore'],
    saidAsks: true,
    zh: [
      '落在车上',
      '落车上',
      '丢在车上',
      '忘在车上',
      '落在了车上',
      '落下了',
      '落下',
      '遗失物品',
      '失物',
      '落了',
      // 遗留物品, 东西落起了 (Sichuan), 忘在房间里: left behind where the service was.
      '遗留',
      '遗落',
      '落起了',
      '落在',
      '忘在',
    ],
    en: ['lost item*', 'lost property', 'lost and found', 'left behind'],
    patterns: [
      // 把伞落影厅里了, 耳机丢车上了: left in a place of the service's, said without 在.
      {
        key: '落',
        re: '落(?:在)?[\\u4e00-\\u9fff]{1,5}?(?:里|上|那儿|那里)(?:了|啦|咯|喽)',
        overlay: true as const,
      },
      // I left my scarf behind, left my water bottle in the changing room (not "at home").
      {
        key: 'left',
        re: "left\\s+(?:my|a|an|the|our|his|her)\\s+(?:[\\w'-]+\\s+){0,2}?(?:behind\\b|(?:in|at)\\s+(?:the|your)\\b)",
        overlay: true as const,
      },
      ...['left', 'forgot', 'lost', 'dropped'].map((key) => ({
        key,
        re: `${key}\\s+(?:my|a|an|the|our|some|his|her)?\\s*(?:[\\w'-]+\\s+){0,2}?(?:in|on|at|inside)\\s+(?:the|your|his|her|my|that)?\\s*(?:[\\w']+\\s+)?(?:car|ride|cab|vehicle|trunk|back ?seat|taxi|uber)\\b`,
        overlay: true as const,
      })),
    ],
  },
  {
    id: 'value_added',
    role: 'object',
    zh: [
      '增值业务费',
      '增值业务',
      '增值服务',
      '视频彩铃',
      '彩铃',
      '来电提醒',
      '来电显示',
      '短信包',
      '会员包',
      '包月业务',
      '增值',
    ],
    en: ['value-added*', 'value added*', 'add-on*', 'addon*', 'caller tune*', 'ringback*'],
  },
  { id: 'phone_bill', role: 'object', zh: ['话费', '电话费', '手机费', '通讯费'], en: ['phone bill*'] },
  {
    id: 'outage',
    role: 'object',
    zh: ['断网', '网断了', '网断', '没网', '网络中断', '上不了网', '掉线', '网不通', '断线'],
    en: ['outage*', 'no internet', 'internet was down', 'internet is down', 'connection down'],
  },
  {
    // Harm to a person (摔伤, 受伤, 医药费, an injury): what an accident or injury claim is about.
    // One sense for all its words: a second one of the same id left 受伤 to this one and 意外伤害
    // of a rule to the other, so 骑车摔了受伤了 never named the rule's injury.
    id: 'injury',
    role: 'object',
    implies: ['compensate'],
    zh: [
      '意外伤害',
      '人身伤害',
      '人伤',
      '受伤',
      '伤者',
      '撞伤',
      '摔伤',
      '擦伤',
      '扭伤',
      '骨折',
      // 脚脖子崴了, 把脚崴了, 打石膏: a sprain told as it is said, a cast put on.
      '崴了',
      '崴脚',
      '崴到',
      '打石膏',
      '医药费',
      '医疗费',
      '住院',
      '包扎',
      '缝针',
    ],
    en: [
      'injur*',
      'hurt',
      'sprain*',
      'medical bill*',
      'medical cost*',
      'stitches',
      'broke my arm',
      'broke my leg',
      'broke my wrist',
    ],
  },
  {
    // 退还多扣保费: charged more than was due (多扣的保费, 保费扣多了, overcharged).
    id: 'overcharged',
    role: 'object',
    // 异常扣费 too: charged when nothing was due (扣错, 没充进去也扣了, 中途断了还扣了).
    zh: [
      '多扣',
      '扣多',
      '多收',
      '收多',
      '多付',
      '付多',
      '多交',
      '交多',
      '重复扣',
      '扣重',
      '异常扣费',
      '异常扣款',
      '异常扣',
      '扣错',
      '错扣',
      '乱扣',
      '不该扣',
      '白扣',
      '也扣了',
      '还扣了',
      // 退宿后仍扣住宿费, 搬出来了还在扣: still charged after it should have stopped.
      '仍扣',
      '还在扣',
      '照扣',
      '继续扣',
      '一直扣',
    ],
    en: ['overbill*', 'charged twice', 'double charged', 'double-charged'],
  },
  {
    // 少发、漏发工资, 少算了三个班, 少了好几十: paid less than was due (wages, a subsidy, a payout).
    id: 'underpaid',
    role: 'object',
    zh: [
      '少发',
      '漏发',
      '少算',
      '少给',
      '少付',
      '少打',
      '发少了',
      '算少了',
      '给少了',
      '没发全',
      '少发工资',
      '漏发工资',
    ],
    en: ['underpaid', 'paid short', 'short-paid', 'shortchanged', 'short changed'],
    patterns: [
      // 少了好几十, 少了八十块: short by a sum; 把少的给我补上: the shortfall.
      { key: '少', re: '少了(?:好)?[几一二两三四五六七八九十百千\\d]' },
      { key: '把', re: '把少(?:了)?的' },
    ],
  },
  {
    id: 'dispute',
    role: 'object',
    problem: true,
    contests: true,
    // A decision reported as refused is contested by saying so (理赔被拒了, my claim was rejected).
    zh: [
      '争议',
      '异议',
      '不服',
      '不认可',
      '不同意',
      '申诉',
      '复核',
      '复议',
      '重新审核',
      '被拒',
      '拒赔',
      '驳回',
      '不给赔',
      '不予理赔',
      '不予赔付',
      '不是我弄的',
      '不是我搞的',
      '不是我刮的',
      '本来就有',
      '之前就有',
      '原来就有',
    ],
    en: [
      'disput*',
      'disagree*',
      'contest*',
      'appeal*',
      'was rejected',
      'got rejected',
      'was denied',
      'got denied',
      'denied my',
      'rejected my',
      'refused my',
      'turned down',
      "won't cover",
      'will not cover',
      "won't pay for",
      'fight it',
      'fight this',
      'fight the',
      'fight that',
      'challenge the',
      'challenge it',
      "i'm not paying for",
      'im not paying for',
      // It was so before the caller had it: the charge for it is contested.
      'was there when i',
      'was already there',
      'were already there',
      'was there before i',
      "wasn't me",
      'wasnt me',
      'was not me',
      'no way that was me',
      'not going to pay for',
      'refuse to pay',
      // Your machine is lying, I counted sixty, count it again: a count or a reading contested.
      'is lying',
      'are lying',
      'no way your',
      'miscount*',
      'recount*',
      'count it again',
      'count them again',
      'check it again',
      'check them again',
      'counted wrong',
    ],
  },
  {
    // What the cameras recorded (监控录像, CCTV, camera footage): a thing a rule may give out by a
    // process of its own, or forbid.
    id: 'footage',
    role: 'object',
    zh: ['监控录像', '监控视频', '监控画面', '录像'],
    en: ['cctv', 'footage', 'camera footage', 'security footage', 'anpr'],
  },
  {
    // Harm to a thing (a dent in the door, a scratch on the bumper): what a damage charge or a
    // damage dispute is about. Not damages, which is compensation.
    id: 'damage',
    role: 'object',
    problem: true,
    // 门框撬坏了, 漆刮花了, 门撬得凹进去: harm done to a thing, as a caller tells it.
    zh: [
      '损坏',
      '破损',
      '弄坏',
      '撬坏',
      '碰坏',
      '磕',
      '砸坏',
      '撞坏',
      '摔坏',
      '摔碎',
      '压坏',
      '压碎',
      '碎了',
      '裂了',
      '裂开',
      '裂缝',
      '刮花',
      '划花',
      '划破',
      '口子',
      '划痕',
      '刮痕',
      '掉漆',
      '凹进去',
      '撬变形',
      '变形了',
      // 电视烧坏了, 烧毁, 烧焦: burnt out by a surge.
      '烧坏',
      '烧毁',
      '烧焦',
    ],
    en: [
      'damage',
      'damaged',
      'dent',
      'dents',
      'dented',
      'scratch',
      'scratches',
      'scratched',
      'scuff*',
      'ding',
      'dings',
      'bodywork',
      // the eggs were smashed, the bottle cracked: damaged, in the caller's words.
      'smashed',
      'broken',
      'cracked',
      'crushed',
    ],
    patterns: [
      // he banged my gate, the tricycle broke our wall: harm someone did to a thing of the caller's.
      { key: 'broke', re: 'broke\\s+(?:my|our|the|her|his|their)\\b' },
      { key: 'bashed', re: 'bashed\\s+(?:my|our|the|her|his|their)\\b' },
      { key: 'banged', re: 'banged\\s+(?:into\\s+)?(?:my|our|the|her|his|their)\\b' },
    ],
  },
  {
    // A fine or ticket for parking, speeding, a red light or a toll road: what a fine dispute is about.
    id: 'fine',
    role: 'object',
    zh: [],
    en: [
      'traffic fine*',
      'parking fine*',
      'speeding fine*',
      'traffic ticket*',
      'parking ticket*',
      'speeding ticket*',
      'red light ticket*',
      'toll violation*',
      'citation*',
      'the fine',
      'that fine',
      'this fine',
      'a fine for',
    ],
  },
  {
    // 手一抖点成六十八的, 充错了, bought it by mistake: what the caller paid for by a slip of the
    // finger, which a rule calls 误充值, 误购 or a mistaken purchase.
    id: 'mistaken',
    role: 'object',
    zh: [
      '误充值',
      '误充',
      '充错',
      '误购',
      '买错',
      '误操作',
      '误点',
      '点错',
      '按错',
      '手滑',
      '手一抖',
      '不小心点',
      '不小心买',
      '不小心充',
      '点成了',
    ],
    en: ['by mistake', 'by accident', 'accidentally', 'mistaken', 'misclick*', 'wrong button'],
  },
  {
    // 发错了, 配错药, the wrong pills, a bottle that says 20 mg when it is always 10: what came is
    // not what was ordered or prescribed.
    id: 'wrong_item',
    role: 'object',
    problem: true,
    zh: ['发错', '送错了', '配错', '拿错了', '给错了', '药不对', '不是我要的'],
    en: [
      'wrong item*',
      'wrong pill*',
      'wrong med*',
      'wrong strength',
      'wrong dose*',
      'wrong drug*',
      'wrong product*',
      'dispensing error*',
      'dispensing mistake*',
    ],
    patterns: [
      {
        key: 'says',
        re: 'says\\s+\\d+(?:\\.\\d+)?\\s*(?:mg|mcg)\\b[^.!?]{0,40}?\\b(?:always|usually|normally)\\s+(?:took|take|taken|get|got)\\b',
        overlay: true,
      },
      {
        key: 'pills',
        re: 'pills?\\s+(?:are|look|looks|is)\\s+(?:a\\s+)?(?:different|another|pink|blue|white|yellow|orange|green)\\b',
        overlay: true,
      },
    ],
  },
  {
    // A prescription filled again: a refill, next month's supply, another bottle, and the
    // medicine itself (rush my pills, send my inhaler early are about its next fill).
    id: 'refill',
    role: 'object',
    zh: ['续药', '续方'],
    en: ['refill*', 'bottle*', 'pill*', 'med', 'meds', 'medication*', 'medicine*', 'inhaler*', 'insulin'],
    patterns: [
      { key: 'next', re: "next\\s+(?:month'?s'?|bottle|supply|fill)\\b" },
      { key: 'refill', re: 'refill\\s+(?:a|my|the|this|that)\\s+prescriptions?\\b' },
    ],
  },
  {
    // The next fill before it is due: send next month's early, before 75% of the supply is used.
    id: 'early',
    role: 'action',
    zh: [],
    en: [
      'ahead of time',
      "before it's due",
      'before its due',
      'not due',
      "isn't due",
      'isnt due',
      'too soon',
    ],
    patterns: [
      // my next one isn't ready till the 19th, I can't refill until the 22nd (and want it now).
      ...["can't", 'cannot', "isn't", 'isnt', 'not'].map((key) => ({
        key,
        re: `${key}\\s+(?:refill|ready|due|eligible)\\w*\\s+(?:till|until|til|before)\\b`,
        overlay: true as const,
      })),
      // early termination is ending a contract, not anything early.
      { key: 'early', re: 'early\\b(?!\\s+terminat)' },
      {
        key: 'before',
        re: 'before\\s+\\d+(?:\\.\\d+)?\\s*%\\s+of\\s+(?:the|my|a)\\s+(?:supply|pills|medication)(?:\\s+(?:is|are)\\s+used(?:\\s+up)?)?',
      },
    ],
  },
  {
    // No refills left, or filled without the prescriber: what only a prescriber's approval allows.
    id: 'no_refills',
    role: 'object',
    circumstance: true,
    zh: ['没有续方', '没续方'],
    en: [
      'no refills left',
      'no refills',
      'no more refills',
      'zero refills',
      'out of refills',
      '0 refills',
      'without prescriber approval',
      "without the prescriber's approval",
      "without the doctor's approval",
      "without my doctor's approval",
      'without the doctor',
      'without my doctor',
      'bother the doctor',
      'bother my doctor',
      'waiting on the doctor',
      'waiting on my doctor',
      'waiting on my doc',
      'waiting on the doc',
      // Said after a negation that would otherwise take the words back.
      'no need to bother the doctor',
      'no need to bother my doctor',
      'no need to bother the doc',
      'no need to bother my doc',
    ],
    patterns: [
      { key: 'refills', re: 'refills?\\s+(?:ran out|have run out|are used up|(?:are\\s+)?all used)' },
      // my doctor's on vacation, the doctor is away till the 15th.
      ...['doctor', 'doc', 'prescriber'].map((key) => ({
        key,
        re: `${key}(?:'s|\\s+is|\\s+was)\\s+(?:away|out|on vacation|on holiday|off|unavailable|not available)\\b`,
      })),
    ],
  },
  {
    id: 'fraud',
    role: 'object',
    problem: true,
    zh: ['盗刷', '被盗刷', '不是我刷的', '不是我消费的', '盗用', '冒用'],
    en: ['fraud*', 'unauthoriz*', 'unauthoris*', "didn't make"],
  },
  {
    id: 'policy',
    role: 'object',
    zh: ['保单', '保险单', '电子保单', '纸质保单'],
    en: ['policy document*', 'insurance document*'],
  },
  {
    id: 'cancel_fee',
    role: 'object',
    zh: ['取消费', '违约金'],
    en: [
      'cancellation fee*',
      'cancelation fee*',
      'cancel fee*',
      'cancelling fee*',
      'termination fee*',
      'early termination fee*',
    ],
  },
  {
    id: 'food_safety',
    role: 'object',
    zh: ['食品安全', '食物中毒', '拉肚子', '吃坏', '变质', '馊了', '发霉', '异物', '虫子', '不新鲜'],
    en: [
      'food poisoning',
      'food safety',
      'spoiled',
      'mouldy',
      'moldy',
      'curdled',
      'rotten',
      'sour',
      // he vomited, it made him sick: someone unwell after eating or drinking it.
      'vomit*',
      'threw up',
      'made him sick',
      'made her sick',
      'made me sick',
      'made us sick',
      'made them sick',
    ],
    // the milk's gone off (not gone off to camp).
    patterns: [
      ...['gone', 'went'].map((key) => ({
        key,
        re: `${key}\\s+off\\b(?!\\s+(?:to|home|with|on|for|at|into|again|somewhere|abroad)\\b)`,
      })),
    ],
  },
  {
    id: 'hygiene',
    role: 'object',
    zh: ['卫生问题', '卫生', '不干净', '很脏', '太脏', '脏', '蟑螂', '异味', '霉味'],
    en: ['hygiene', 'dirty', 'filthy', 'cockroach*', 'bedbug*', 'bed bug*', 'unclean'],
  },
  {
    id: 'safety',
    role: 'object',
    implies: ['complain'],
    saidAsks: true,
    zh: ['安全事件', '危险驾驶', '骚扰'],
    en: ['safety', 'unsafe', 'dangerous*', 'reckless*', 'assault*', 'harass*', 'incident*'],
  },
  // Invoices by kind, as callers shorten them (专票 is 增值税专用发票, 普票 an ordinary one).
  {
    id: 'vat_invoice',
    role: 'object',
    zh: ['增值税专用发票', '专用发票', '增值税专票', '专票', '增票'],
    en: ['vat invoice*', 'tax invoice*', 'special invoice*'],
  },
  {
    id: 'plain_invoice',
    role: 'object',
    unlessSaid: 'vat_invoice',
    zh: ['电子发票', '普通发票', '增值税普通发票', '电子普票', '普票', '电票'],
    en: ['e-invoice*', 'electronic invoice*'],
  },
  // Manner: a caller may leave these out; opposite readings exclude each other.
  {
    id: 'free',
    role: 'manner',
    polar: 'price',
    zh: ['免费', '不要钱', '不收费', '不花钱', '白给'],
    en: ['free', 'for free', 'free of charge', 'no charge', 'without charge'],
  },
  {
    id: 'paid',
    role: 'manner',
    polar: 'price',
    zh: ['付费', '自费', '收费', '花钱', '掏钱'],
    en: ['paid', 'pay for it', 'at my cost'],
  },
  // one-off extras: what a caller asks for once, beside what comes every time (a standing order).
  {
    id: 'temporary',
    role: 'manner',
    polar: 'term',
    zh: ['临时', '暂时'],
    en: ['temporar*', 'one-off', 'one off', 'one-time'],
  },
  { id: 'permanent', role: 'manner', polar: 'term', zh: ['永久', '长期'], en: ['permanent*'] },
  { id: 'remote', role: 'manner', zh: ['远程', '远端'], en: ['remote', 'remotely'] },
  {
    id: 'all',
    role: 'manner',
    zh: ['所有', '全部', '全都', '统统'],
    en: ['all', 'every', 'everyone', 'everybody', 'everything'],
  },
  {
    id: 'small',
    role: 'manner',
    zh: ['小额', '小的', '小钱', '小事故', '小剐蹭', '小问题'],
    en: ['small', 'minor'],
  },
  {
    // 安排快递寄回（运费到付）: how a thing is sent, which a caller asking for it leaves out.
    id: 'by_courier',
    role: 'manner',
    zh: ['快递', '顺丰', '运费到付', '邮费到付', '到付'],
    en: ['by courier', 'by post', 'postage paid', 'cash on delivery'],
  },
  {
    id: 'arrange',
    role: 'manner',
    zh: ['安排', '派辆', '叫个', '叫辆', '帮忙叫'],
    en: ['arrang*', 'dispatch*', 'send a', 'send out'],
  },
  { id: 'report', role: 'manner', zh: ['报失', '上报'], en: ['report*', 'file a report'] },
  {
    id: 'annual',
    role: 'manner',
    zh: ['年度', '年卡', '包年'],
    en: ['annual*', 'yearly', 'year-long', '12-month'],
  },
  {
    id: 'no_reason',
    role: 'manner',
    zh: ['无理由', '没理由', '不喜欢'],
    en: ['no reason', 'no questions asked'],
  },
  {
    id: 'full',
    role: 'manner',
    polar: 'extent',
    zh: ['全额', '全款'],
    en: ['full', 'in full'],
  },
  {
    // 全退了吧 / 都退给我: all of it back is a full refund.
    id: 'full_refund',
    role: 'action',
    concept: 'refund',
    also: ['full', 'refund'],
    zh: ['全部退', '全退', '都退', '全给我退'],
    en: ['every cent', 'full refund*'],
  },
  { id: 'partial', role: 'manner', polar: 'extent', zh: ['部分', '一部分'], en: ['partial*'] },
  {
    // 要求免违约金或多退款: more back than the rules give, which a request must ask (能不能多退点),
    // not any refund. Not 差价多退少补 (the difference either way).
    id: 'more_back',
    role: 'manner',
    polar: 'more_back',
    mustBeSaid: true,
    zh: ['多退点', '多退些', '多退一点', '退多点', '退多一点', '多给点', '多赔点'],
    en: ['a bit more back', 'more back'],
    patterns: [{ key: '多退', re: '多退(?!少补)' }],
  },
  {
    // How many times: a rule for the first time (once per tenant) and one for a repeat (a second
    // late-fee waiver within 12 months). A request says which only when it counts.
    id: 'first_time',
    role: 'manner',
    polar: 'times',
    zh: ['头一回', '头一次', '从来没有过'],
    en: [
      'first time',
      'first ever',
      'never happened before',
      'never been late',
      'once per',
      'once a',
      'once in',
    ],
  },
  {
    id: 'repeat_time',
    role: 'manner',
    polar: 'times',
    mustBeSaid: true,
    zh: ['再次', '第二回', '第三回'],
    en: [...REPEAT_WORDS_EN, 'another waiver', 'more than once'],
    patterns: [
      // 第2次冻结, 第二次换红娘; in a rule whose count was read as its limit, 第 before the action.
      {
        key: '第',
        re: '第\\s*(?:[二三四五六七八九两]|[2-9]|\\d{2,})\\s*(?:次|回)|第(?!\\s*[一二三四五六七八九十两几\\d])\\s*(?=[\\u4e00-\\u9fff])',
      },
    ],
  },
  {
    // Refunded inside the 30-day refund window, or after it has closed: a rule allows one and sends
    // the other up. The operator's record says which (see `verifiedQualifiers`).
    id: 'window_open',
    role: 'manner',
    polar: 'window',
    required: true,
    zh: [],
    en: [],
    patterns: [
      ...['inside', 'within'].map((key) => ({ key, re: `${key} the ${WINDOW_EN}` })),
      { key: 'window', re: String.raw`window(?:_status)?\s*(?:is\s+|=\s*)(?:still\s+)?open\b` },
    ],
  },
  {
    id: 'window_closed',
    role: 'manner',
    polar: 'window',
    required: true,
    zh: [],
    en: [],
    patterns: [
      ...['after', 'outside'].map((key) => ({ key, re: `${key} the ${WINDOW_EN}` })),
      {
        key: 'window',
        re: String.raw`window(?:_status)?\s*(?:has\s+|had\s+|is\s+|=\s*)?(?:already\s+)?(?:closed|expired|passed)\b`,
      },
    ],
  },
  {
    // Goods sent back unopened or opened: returns are allowed on one and not the other.
    id: 'unopened',
    role: 'manner',
    polar: 'opened',
    required: true,
    zh: ['未拆封', '没拆封', '没拆', '未开封', '没开封', '没打开', '没用过', '全新'],
    en: [
      'unopened',
      'never opened',
      'not opened',
      'still sealed',
      'still in the plastic',
      'still in the box',
      'unused',
    ],
  },
  {
    id: 'opened',
    role: 'manner',
    polar: 'opened',
    required: true,
    zh: ['拆封了', '拆了', '开封了', '打开了', '用过', '用了'],
    en: ['opened', 'used it', 'used them'],
  },
  {
    // Reschedule an undelivered delivery: a thing still to come, which a caller moving tomorrow's
    // load does not call undelivered; one already delivered is no longer moved.
    id: 'undelivered',
    role: 'manner',
    polar: 'delivered',
    zh: [],
    en: [
      'undelivered',
      'not yet delivered',
      'not delivered yet',
      "hasn't been delivered",
      "haven't been delivered",
    ],
  },
  {
    id: 'delivered',
    role: 'manner',
    polar: 'delivered',
    zh: [],
    en: ['already delivered', 'been delivered', 'was delivered', 'were delivered'],
  },
  {
    // 代币一颗都没动过, credit not spent: what was bought is all still there (a rule's 未消耗).
    id: 'unconsumed',
    role: 'manner',
    polar: 'consumed',
    required: true,
    zh: ['未消耗', '没消耗', '没有消耗', '没动过', '都没动', '没动', '没花', '没用掉'],
    en: ['unspent', 'not spent', "haven't spent", "didn't spend", 'not used any'],
  },
  {
    id: 'consumed',
    role: 'manner',
    polar: 'consumed',
    required: true,
    zh: ['已消耗', '消耗了', '部分消耗', '已部分消耗', '用掉了', '花掉了'],
    en: ['already spent', 'spent some', 'used up', 'partly used', 'partially used'],
  },
  {
    // 同城移机: within the city, which a caller moving house says by naming the places (从历下搬到
    // 历城), not in the rule's word. Unsaid, the rule still reads; another city said rules it out.
    id: 'same_city',
    role: 'manner',
    polar: 'city',
    zh: ['同城', '同市', '本市', '市内', '同一城市', '同一个城市', '城内'],
    en: ['same city', 'same town', 'within the city', 'in town', 'local move'],
  },
  {
    id: 'other_city',
    role: 'manner',
    polar: 'city',
    zh: [
      '异地',
      '外地',
      '跨城',
      '跨市',
      '跨省',
      '别的城市',
      '其他城市',
      '另一个城市',
      '外省',
      '省外',
      '市外',
    ],
    en: [
      'another city',
      'different city',
      'another town',
      'different town',
      'out of town',
      'interstate',
      'another state',
    ],
  },
  {
    // 不记名卡: a card on no one's name (a bearer card), which a rule may treat apart from a
    // registered one (为不记名卡办理挂失): the card the records show as 记名卡 is not it.
    id: 'bearer_card',
    role: 'manner',
    polar: 'card_name',
    zh: ['不记名', '无记名', '非记名', '不实名', '非实名', '未实名'],
    en: ['unregistered card', 'bearer card', 'anonymous card'],
  },
  {
    id: 'registered_card',
    role: 'manner',
    polar: 'card_name',
    zh: ['记名卡', '实名卡', '记名的卡', '实名的卡'],
    en: ['registered card'],
  },
  {
    id: 'in_warranty',
    role: 'manner',
    polar: 'warranty',
    required: true,
    zh: [
      '保修期内',
      '保修期以内',
      '在保修期内',
      '保修内',
      '保内',
      '在保',
      '还在保修',
      '没过保',
      '未过保',
      '没出保',
      '质保期内',
      '三包期内',
      '保修范围内',
    ],
    en: ['in warranty', 'under warranty', 'within warranty', 'within the warranty', 'still covered'],
  },
  {
    id: 'out_of_warranty',
    role: 'manner',
    polar: 'warranty',
    required: true,
    zh: [
      '保修期外',
      '保修期以外',
      '保修外',
      '保外',
      '过保',
      '出保',
      '过了保修',
      '保修期过了',
      '保修过期',
      '保修到期',
      '超过保修',
      '超出保修',
      '质保期外',
      '不在保修期内',
      '不在保修期',
      '不在保',
      '不保修',
    ],
    en: [
      'out of warranty',
      'warranty expired',
      'warranty has expired',
      'expired warranty',
      'no longer under warranty',
      'outside warranty',
      'outside the warranty',
      'not under warranty',
      'not in warranty',
    ],
  },
  {
    // 积分够不够换张电影票, 兑换券: points turned into something, no record changed (not 换张卡,
    // a card replaced).
    id: 'redeem',
    role: 'action',
    zh: ['兑换', '积分换'],
    en: ['redeem*', 'cash in my points', 'use my points'],
    patterns: [
      {
        key: '换',
        re: '(?<=积分[^,.!?;:、\\n]{0,12}?)换(?!成现金|钱)[张个一]?[^,.!?;:、\\n]{0,6}?(?:票|券|礼品|电影|饮料|爆米花|东西|礼物)',
      },
      // 积分有好多了？够不够换张电影票: whether what is held is enough for a thing, asked.
      { key: '换', re: '(?<=够不够|够)换[张个一]?[^,.!?;:、\\n]{0,6}?(?:票|券|礼品|电影|饮料|爆米花)' },
    ],
  },
  {
    // 提货卡折现, 给我折成钱, 换成现金, cash the voucher out: what a card or voucher holds turned
    // into money, no refund of a payment (退款 is its own action).
    id: 'cash_out',
    role: 'action',
    zh: [
      '折现',
      '套现',
      '变现',
      '折成钱',
      '折成现金',
      '换成钱',
      '换成现金',
      '换现金',
      '兑现金',
      '兑成现金',
      '兑换现金',
      '兑成钱',
    ],
    en: [
      'cash out',
      'cash it out',
      'cash them out',
      'cash-out',
      'exchange for cash',
      'swap for cash',
      'turn it into cash',
      'cash value',
    ],
  },
  {
    // 托关系打点审查, 我多出两千块你们帮我打点一哈, bribe the examiner: money or favours to move an
    // official or staff; not 打点滴 (a drip) nor 打点行装 (packing).
    id: 'bribe',
    role: 'action',
    zh: ['托关系', '找关系', '走关系', '走后门', '塞红包', '送红包', '好处费', '塞钱'],
    en: ['brib*', 'backhander*', 'kickback*'],
    patterns: [{ key: '打', re: '打点(?!滴|行李|行装|一下行)' }],
  },
  {
    // 倒签, 把申请日期写成6月, 日期写早啲, backdate it, date it back: a record dated earlier than
    // it was made. A rule on it is read only where the request says it (a cancellation asked is
    // no backdated one).
    id: 'backdate',
    role: 'action',
    polar: 'dated',
    mustBeSaid: true,
    zh: ['倒签', '倒填', '日期往前', '往前签', '往前填', '往前写'],
    en: ['backdat*', 'date it back', 'date them back', 'an earlier date'],
    patterns: [
      {
        key: '日期',
        re: '日期[^,.!?;:、\\n]{0,4}?(?:写成|改成|填成|签成|写早|填早|签早|提前)',
      },
      { key: '写早', re: '写早(?:一点|一些|啲|点|些)?' },
    ],
  },
  {
    // 续卡, 续年卡, 续保, 商标续展, 你给我续上, renew my membership: the same card, cover or
    // registration for another term (not 延长, more days of what runs; not 自动续费, which is
    // the lexicon's to cancel).
    id: 'renew',
    role: 'action',
    // 续借: a loan renewed (books, tools), as a library's rules say it; 续当: a pawn's term.
    zh: ['续卡', '续办', '续展', '续会', '续保', '续年卡', '续月卡', '续季卡', '续会员', '续借', '续当'],
    en: ['renew', 'renewal'],
    patterns: [
      { key: '续', re: '续(?=(?:一|个|张)?(?:年卡|月卡|季卡|会员卡|卡|会员|证|照|商标))' },
      { key: '续', re: '(?<!自动|连续)续(?:上|了|一下)(?=[\\s，。,.!！?？吧呗嘛啊呀咯吗么不]|$)' },
      // 咁快啲帮我续啦: renewing asked for, the thing left to the call.
      { key: '续', re: '(?<=帮我|给我|帮忙|同我)续(?=[啦吧呗嘛啊呀咯哈喇]|$)' },
    ],
  },
];
