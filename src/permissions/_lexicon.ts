/**
 * The lexicon of customer-service actions: what callers and product rules say for each action, in
 * Chinese and English. Patterns run over normalised text (lower-case ASCII, half-width).
 *
 * Pattern shorthand: `~` is a short gap inside one clause (up to six characters: 把账号注销,
 * 改一下别人的套餐); `_` is a gap of up to three English words (switch off the auto renewal,
 * recover my deleted data).
 */
import { HELD_MONEY_ZH } from '../domain/held-money.js';
import * as G from './_char-gates.js';
import { isAsciiLetter } from './_normalize.js';
import { CUSTOMER_LISTS_ZH, KIN_EN, withoutOwnPeopleEn } from './_other-party-words.js';
import { FUTURE_BEFORE, PAID_LATER_BY, REIMBURSED_BY_OTHERS, WORKER_BY_JOB } from './_senses.js';
import type { QuantityFamily } from './parse-quantities.js';

/** One action the engine understands. */
export interface ConceptDef {
  id: string;
  zh: string;
  en: string;
  /** The quantity family a threshold on this action measures (money for a refund). */
  families?: readonly QuantityFamily[];
  /**
   * Literal strings at least one of which every match contains: a cheap pre-filter. English keys
   * must begin a word.
   */
  keys: readonly string[];
  /**
   * A further pre-filter for matches no literal key announces: this many ASCII digits in a row
   * (a phone number).
   */
  alsoWhenDigits?: number;
  patterns: readonly string[];
  /** Wins ties between overlapping matches of equal length (specific over general). */
  priority?: number;
  /** Concepts whose rules also cover this one (a user's address is other-user information). */
  broader?: readonly string[];
  /** Words a rule may add that belong to the action itself (透露 in 透露其他用户信息). */
  absorb?: readonly string[];
  /** An action on the caller's own account: a match that names another person is dropped. */
  selfOnly?: boolean;
  /**
   * A service the caller books (上门回收): booking, moving or cancelling one, said beside it in a
   * rule (预约、改约、取消上门取送), is what the rule does with it, no thing a request must name.
   */
  booked?: true;
  /** Phrases that must be recognised as this concept (used by tests; documentation). */
  examples: readonly string[];
}

const ACCOUNT_ZH = '(?:账户|账号|帐号|帐户)';
/** Whether a service is offered at all, asked (是不是还可以, 是否也能): no request for it. */
const SERVICE_ASKED_ZH = '(?:是不是|是否)(?:也|还)?(?:可以|能)';
// Family and friends are other users too: their accounts are not the caller's.
const RELATIVES_ZH =
  '(?:老婆|老公|妻子|丈夫|爱人|媳妇|妈妈|我妈|老妈|爸爸|我爸|老爸|父母|儿子|女儿|孩子|朋友|同事|家人|亲戚|室友|邻居|男朋友|女朋友)';
const OTHER_ZH = `(?:(?:其他|其它|别的|另外的?|另一个|另一位|其他的|其它的)(?:用户|客户|会员|人|账户|账号|帐号|手机号|号码)|别人|他人|旁人|陌生人|${RELATIVES_ZH})`;
// 他/她 but not 其他 (other things); ta as typed in chat.
const THIRD_PERSON_ZH = '(?:(?<![其吉a-z])(?:他们|她们|他|她)|(?<![a-z])ta)';
const POSSESSIVE_ZH = '(?:[^,.!?;:、\\n]{0,4}?的)?';
const RELATIVES_EN =
  '(?:wife|husband|mom|mum|mother|dad|father|son|daughter|friend|colleague|partner|boyfriend|girlfriend|parents?)';
// another depositor's account, other guests' details: whoever a product calls its customers, in the
// possessive.
const OTHER_EN = `(?:(?:another|other|a different|different)\\s+(?:user|customer|person|people|member|client|subscriber|account holder|account owner)(?:'s|s'|s)?|(?:another|a different)\\s+(?!(?:day|week|month|year|night|hour|minute|time)'s)[a-z]{3,}'s|other\\s+[a-z]{3,}s'|(?:someone|somebody) else(?:'s)?|other people(?:'s)?|my ${RELATIVES_EN}(?:'s|s'))`;

/** Who a business's customers are, as a list (业主名单, 会员花名册): not the caller's own (我的客户名单). */
const CUSTOMER_LIST_ZH = `(?<![我俺咱]的?)(?:业主|客户|客人|用户|会员|住户|顾客|学员|患者|病人|家长)们?的?(?:${CUSTOMER_LISTS_ZH}|联系方式清单|电话表)`;
/** A list of a business's customers (a list of your clients, the customer database). */
const CUSTOMER_LIST_EN =
  '(?:(?:a |the |your )?(?:list|names|contacts|phone numbers|numbers|database) of (?:your |the |all |all your |all the )?(?:other )?(?:customers|clients|members|users|owners|residents|depositors|tenants|patients|guests)|(?:a |the |your )?(?:customer|client|member|user|owner|resident|depositor|tenant|patient|guest) (?:list|database|contact list|register))';

/** A card or a sum held or named (那张卡, 六十块, 余额, 那笔), asked back outright (卡退了吧, 把那六十块退掉). */
const HELD_OR_SUM_ZH = '(?:卡|钱|款|块|元|余额|押金|定金|那张|这张|那笔|这笔)';

/** A number said in English words (two, fifty, hundred). */
const NUMBER_WORD_EN =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand';
/** An amount of money in English: £20, 20 quid, twenty pounds, money, a tenner. */
const AMOUNT_EN =
  '(?:(?:[$£€]?\\d[\\d,.]*|money)(?: dollars?| bucks?| pounds?| quid| euros?)?|(?:[a-z]+[ -]){1,2}(?:dollars?|bucks?|pounds?|quid|euros?)|(?:a|the) (?:tenner|fiver))';

/**
 * Concepts that give money back to the caller (a refund, compensation, a fee waived): never more
 * than a query of the call showed was paid, and no rule of them approves without its own words.
 */
export const MONEY_BACK_CONCEPTS: ReadonlySet<string> = new Set(['refund', 'compensation', 'fee_waiver']);

/** The lexicon. Order does not matter; overlaps resolve by length, then priority. */
export const CONCEPTS: readonly ConceptDef[] = [
  {
    id: 'refund',
    zh: '退款',
    en: 'refund',
    families: ['money'],
    keys: [
      '退',
      '还钱',
      '钱还',
      '还给我',
      '返',
      'refund',
      'reimburs',
      'back',
      'pay',
      'charge',
      'return',
      'owe',
      'wave',
      'money',
      'momo',
      'pesa',
      'wallet',
      'take',
      'remove',
      'credit',
      'against',
      'toward',
    ],
    patterns: [
      // 退回快递员, 退回给寄件人, 退回去: the parcel sent back, no money. 付款退款记录 and 退款进度 name
      // the records of refunds and how far one has got, things looked up, not asked for.
      '退(?:款|费|钱|还|给|我|返)(?!记录|流水|明细|进度|账户|账号)',
      '退回(?!(?:给)?(?:快递|寄件|发件|商家|卖家|仓库|驿站|柜子|原地址)|去)',
      '退(?!一下)(?=\\s*(?:[\\d¥$]|[一二两三四五六七八九十百千]))',
      // 退票手续费 is the fee for returning a ticket, not a refund.
      // 退调度费, 退押金, 退定金: 金 names money as 费 and 款 do.
      // 原路退这一单全部运费: up to six characters between.
      '退(?!订|出|货|票)[^,.!?;:、\\n]{1,6}?(?:费|款|钱|金)',
      // 核实后退差额, 退了差价: the difference paid over, given back.
      '退(?!订|出|货|票)[^,.!?;:、\\n]{0,4}?(?:差额|差价)',
      // 格个钞票侬要退拨我的: 拨 is Wu for 给.
      '退拨(?=我|阿拉|伲)',
      '给我退',
      // 剩下那些课你们给退了吧: asked to be refunded, the caller unnamed.
      '给(?:俺|额)?退(?:了|掉)?(?:吧|呗|嘛)',
      // 这个也要退 / 这笔得退: a bare 退 closing the clause after a modal verb.
      // 月卡用了一半想退 / 想退咗佢: wanting it back, closing the clause (咗 is Cantonese 了).
      '(?:要|得|该|应该|想)退(?=[\\s，。,.!！?？吧啊呀了咗]|$)',
      // 这个总退得嘛, 退得到不: can it be given back, asked the Southwestern way.
      '退得(?:了|成|到)?(?=\\s*(?:嘛|吗|不|么|噻|撒|哇|[?？]))',
      // 退未提货的卡, 退未使用的课时, 退没用完的部分: what was not yet used, given back.
      '退(?=(?:未|没有?)[^,.!?;:、\\n的]{1,4}的?(?:卡|课|次|部分|费|款|钱|金|额|份|张|件|单|天|月|期))',
      // 卡退了吧, 那张退掉嘛, 把没提货的卡退了: a card or a sum held, asked back outright (吧, 嘛, 把);
      // not told (已经退了), and not a policy or an order (把保单退了 surrenders it).
      `(?<=${HELD_OR_SUM_ZH}[^,.!?;:、\\n\\d]{0,2})(?<![没已未])退(?:了|掉)(?:吧|呗|嘛)`,
      `(?<=把[^,.!?;:、\\n]{0,10}?${HELD_OR_SUM_ZH})退(?:了|掉)(?=[\\s，。,.!！?？吧嘛啊呀咯]|$)`,
      // 你帮我退了嘛 / 帮我退掉吧: asked to be done, closing the clause.
      '帮我退(?:了|掉|一下)?(?=[\\s，。,.!！?？吧嘛啊呀咯]|$)',
      '退咗(?=佢|[\\s，。,.!！?？吧啊呀啦]|$)',
      // 能退吗 / 可以退吗 / 还是退吧: a bare 退 asked for, or chosen after all.
      '(?:能|可以|能不能|可不可以|还是)退(?=[\\s，。,.!！?？吧吗嘛啊呀了]|$)',
      // 这个能退不？: the same asked with 不 at the end, as Northern and Sichuan speech asks.
      '(?:能|可以)退不(?=[\\s，。,.!！?？吧嘛啊呀]|$)',
      // 这30能给退了不: the same with 给 and 了 between.
      '(?:能|可以)给我?退(?:了|掉|回来)?不(?=[\\s，。,.!！?？吧嘛啊呀]|$)',
      '把钱退',
      // 把本金退了, 余额能退吗: the money held on a card, asked back.
      '(?:钱|费|款|本金|余额)~退(?!出|订|货|款记录|款流水|款明细)',
      // 把我那个押金退了: a deposit named, then asked back (an amount between is read by the others);
      // only 退 is the action, so a rule's 押金 stays its object.
      `(?<=(?:${HELD_MONEY_ZH})[^,.!?;:、\\n\\d零一二两三四五六七八九十百千块元]{0,4})退(?!出|订|货)`,
      // 就退上个月那笔 / 那笔给我退了: a payment named by pointing at it.
      '退(?!订|出|货|票)[^,.!?;:、\\n]{0,6}?(?:那|这)一?笔',
      '(?:那|这)一?笔~退(?!出|订|货)',
      '还钱',
      '钱还给我',
      '(?:块|元)钱?~还给我',
      '返还',
      '返(?:钱|款)',
      // Not the wallet, account or method refunds go to (changing a file's … refund wallet): that
      // names where money is sent, and changing it is another act.
      '\\brefund\\w*(?!\\s+(?:wallet|account|method|details|destination|number)s?\\b)',
      // put the extra one back on my card: money put back where it came from.
      // put one of them eighty-fives back on my card, stick it back on me card, stick the July one
      // back in ma bank: what is put back may take a few words.
      // Not lessons or hours put back (put the two lessons back on my account): a credit, no money.
      '\\b(?:put|stick|pop|lash|throw|send)\\b(?:(?!\\b(?:lessons?|hours?|class(?:es)?|sessions?|credits?|points?|minutes?|visits?)\\b)[^.!?;]){0,40}?\\bback (?:on|onto|to|into|in) (?:my|me|ma|the|our) (?:card|credit card|debit card|account|bank(?: account)?|visa|mastercard)\\b',
      // send it to my daughter's Orange Money, put the rest on my Wave: money sent to a wallet.
      // Then give the money to my grandson Modou, on his Wave.
      '\\b(?:put|send|transfer|pay|give)\\s+(?:it|that|the money|the rest|it all|the consigne|the deposit)\\s+(?:back\\s+)?(?:on|onto|to|into)\\s+(?:my|his|her|their|our)\\s+[^.;!?]{0,40}?\\b(?:wave|orange money|mtn money|mobile money|momo|m-?pesa|wallet)\\b',
      // Not what a third party pays the caller (my organisation reimburses language training).
      `(?<!${REIMBURSED_BY_OTHERS})\\breimburs\\w*`,
      '\\bmoney back\\b',
      // Paying back on the call what the file shows we owe: a rule's own words for a refund.
      '\\bpay(?:s|ing)?(?: me)? back\\b',
      // that's like a hundred and forty you owe me, I'm owed R70: money owed back to the caller.
      "\\b(?:you|ye|yous|you guys|you people|y'all)\\s+(?:still\\s+)?owe\\s+(?:me|us)\\b",
      "\\b(?:i'm|i am|we're|we are)\\s+(?:still\\s+)?owed\\b",
      // I want that paid back, aal of it: money wanted back, said of what was spent.
      '\\b(?:want|need|get|have)\\s+(?:that|it|this|them|those|the lot|all of it|every penny)\\s+(?:paid|given)\\s+back\\b',
      // ye took 45 bucks off my card?? I want that back / I paid eighty-odd quid, can I get it
      // back? / I paid the year up front, so … get the rest back / you took sixty-some dollars …
      // I'd like the rest back: money said paid or taken twice, then wanted back by a pronoun (not 'cannae get
      // them back', nor the oars you took).
      `(?<=(?:\\b(?:twice|charged|billed|debited|deducted|paid|spent|euros?|pounds?|dollars?|bucks|quid|money|fee|deposit|tenner|fiver)\\b|[$£€]\\s?\\d)[^\\n]{0,100}?)(?<!\\b(?:cannae|can't|cannot|not|couldn't|won't|never)\\s+)\\b(?:want|need|get|have|like)\\s+(?:it|that|this|them|those|the lot|all of it|the rest(?: of it)?)\\s+back\\b(?!\\s+(?:in|at|then|later|home|up|down|to (?:you|me))\\b)`,
      // I want the lot back - all the chemicals, the hundred and thirty-five: everything wanted back,
      // the sum said right after.
      '\\b(?:want|need|get|have)\\s+(?:the lot|all of it|it all|everything)\\s+back\\b(?=[^.!?\\n]{0,60}?(?:[$£€]\\s?\\d|\\d|\\bhundred\\b|\\bthousand\\b|\\bbucks\\b|\\bdollars?\\b|\\bquid\\b|\\bpounds?\\b|\\beuros?\\b|\\brand\\b))',
      '\\bcharge ?back\\b',
      '\\breturn (?:my|the) money\\b',
      // take it off my April bill, remove the fifteen thousand from my invoice: a sum charged,
      // asked back off the bill it is on.
      // (A sum taken off for the trouble, take €10 off my bill, is compensation.)
      '\\btake\\s+(?:it|that|this|them|the\\s+(?:[\\w,.-]+\\s+){0,2}?(?:thousand|hundred))\\s+off\\s+(?:my|me|the|our|this|next)\\s+(?:[\\w-]+\\s+)?(?:bill|invoice|account|statement)\\b',
      '\\bremove\\s+(?:it|that|this|them|the\\s+(?:[\\w,.-]+\\s+){0,2}?(?:thousand|hundred|fee|charges?))\\s+(?:from|off)\\s+(?:my|me|the|our|this)\\s+(?:[\\w-]+\\s+)?(?:bill|invoice|account|statement)\\b',
      // Crediting what we owe, credit it on my invoice, a credit of 7,000: money put back on the
      // account. Not a credit card, limit or score, nor credit my account (a product's own credit).
      '\\bcrediting\\b',
      '\\bcredit(?:ed)?\\s+(?:it|that|this|them|the (?:money|amount|difference|sum))\\b',
      // put it against the July bill, set the money towards next month's invoice: money owed kept
      // as a credit on the account.
      "\\b(?:put|set|take|use)\\s+(?:it|that|this|them|the (?:money|amount|refund|difference|sum))\\s+(?:against|towards?)\\s+(?:my|me|the|our|this|next|that)\\s+(?:[\\w'-]+\\s+){0,2}?(?:bill|invoice|account|statement)\\b",
      `\\b(?:a|the) credit (?:of|for) (?:[$£€]?\\d|(?:${NUMBER_WORD_EN})\\b)`,
      // Gimme twenty pound back: give me said as one word, an amount in words, a pound said as one.
      `\\b(?:give (?:me )?|gimme )(?:my |the )?${AMOUNT_EN} back\\b`,
      // I need back the other twenty pounds, I want my £20 back: money wanted back, named.
      `\\b(?:need|want|get)\\s+back\\s+(?:my |the )?(?:other\\s+)?${AMOUNT_EN}`,
      `\\b(?:need|want|get)\\s+(?:my |the )?(?:other\\s+)?${AMOUNT_EN} back\\b`,
      // two hundred and fifty back is fair, $80 back would do: a sum said, then back.
      `\\b(?:[$£€]?\\d[\\d,.]*|(?:${NUMBER_WORD_EN})(?:[ -](?:and )?(?:${NUMBER_WORD_EN})){0,3})(?: dollars?| bucks?| pounds?| quid| euros?)? back\\b(?!\\s+(?:in|at|then|later|from|home|up|down|to (?:you|me)))`,
    ],
    // 全额, in full; paying back what we owe: what is owed is what a refund gives back, no word a
    // caller must add.
    absorb: ['全额', 'full', 'owe', 'owed', 'owing', 'wallet'],
    examples: [
      '退款',
      '退费',
      '退钱70元',
      '退我20块',
      '这个也要退',
      '月卡用了一半想退',
      '这30能给退了不',
      '算了还是退吧',
      '退给我吧',
      '把钱退给我',
      '退一百块',
      '那15块还给我',
      '就退上个月那笔',
      '那笔给我退了',
      '把没提货的卡退了',
      '那张卡退了吧',
      '你先把那六十块退掉',
      'refund $15',
      'I want my money back',
      'I want that paid back, all of it',
      'you still took 45 bucks off my card?? I want that back',
      'give me my $50 back',
      'I need back the other twenty pounds',
      'I think two hundred and fifty back is fair',
    ],
  },
  {
    id: 'cancel_auto_renew',
    zh: '取消自动续费',
    en: 'cancel auto-renewal',
    keys: ['续费', '续订', '自动扣', '自动续', '连续包月', '以后', 'renew', 'autorenew', 'automaticrenew'],
    patterns: [
      // 以后也不要再扣了, 以后别再扣我钱了: no charge from now on, said of a renewing card or plan.
      '以后(?:也|都)?(?:不要|别|不用|不许|不能)(?:再)?(?:给我|帮我)?(?:自动)?扣(?:我)?(?:钱|费|款)?了?(?![^,.!?;:、\\n]{0,4}?(?:违约金|押金|手续费))',
      '(?:取消|关闭|关掉|关了|停止|停掉|停了|解除|退订|去掉|撤销|不要|不想要)~(?:自动续费|自动续订|自动扣费|自动扣款|连续包月)',
      '(?:自动续费|自动续订|自动扣费|自动扣款|连续包月)~(?:取消|关闭|关掉|关了|关|停掉|停了|停|去掉|解除|撤销)',
      // A homophone typed for 费 (自动续废, 自动续废给我关了): the same words misspelt.
      '(?:取消|关闭|关掉|关了|停止|停掉|停了|解除|不要)~自动续(?:废|肺|沸)',
      '自动续(?:废|肺|沸)~(?:取消|关闭|关掉|关了|关|停掉|停了|停|去掉|解除)',
      // 不要给我自动续了: renewal said without the fee.
      '不(?:要|想|用)(?:给我|帮我)?(?:再)?自动续(?!费|订|废)',
      '不(?:要|想|用)再?(?:自动)?续(?:费|订)',
      '\\b(?:cancel|stop|turn off|switch off|disable|end|remove|deactivate|opt out of)_auto(?:matic)?[- ]?renew\\w*',
      '\\bauto(?:matic)?[- ]?renew\\w*_(?:off|cancell?ed|disabled|stopped)\\b',
      '\\b(?:turn|switch)_auto(?:matic)?[- ]?renew\\w*_off\\b',
      "\\b(?:don't|do not|stop) (?:want to )?(?:auto(?:matically)? ?)?renew\\w*",
    ],
    priority: 5,
    selfOnly: true,
    examples: [
      '取消自动续费',
      '关闭自动续费',
      '把自动续费关了',
      '自动续费取消掉',
      '不想再续费了',
      '自动续废给我关了',
      '不要给我自动续了',
      '以后也不要再扣了',
      'cancel auto-renewal',
      'switch off the auto renewal',
      'turn auto-renew off',
      'please turn off autorenew',
    ],
  },
  {
    id: 'cancel_subscription',
    zh: '取消订阅',
    en: 'cancel subscription',
    keys: ['退订', '取消', '停掉', '关掉', '不续', 'unsubscribe', 'subscription', 'membership'],
    patterns: [
      '退订',
      '(?:取消|停掉|关掉|不续)~(?:订阅|会员|包月|套餐)',
      '\\bunsubscribe\\b',
      '\\b(?:cancel|end|stop|terminate)_(?:subscription|membership)s?\\b',
    ],
    selfOnly: true,
    examples: ['退订', '取消会员', '帮我把会员取消订阅', 'unsubscribe me', 'cancel my subscription'],
  },
  {
    id: 'reset_password',
    zh: '重置密码',
    en: 'password reset',
    keys: ['密码', 'password'],
    patterns: [
      '(?:重置|重设|修改|更改|改|找回|重新设置|重新设|设置新的?)~密码',
      '密码~(?:重置|重设|找回|修改|改|忘了|忘记|丢了|不记得|记不(?:得|清|住)|错误|不对|想不起)',
      '忘(?:了|记了?)~密码',
      '(?:不记得|记不(?:得|清|住))~密码',
      '\\b(?:reset|change|recover|update)_password\\b',
      '\\b(?:forgot|forget|forgotten)_password\\b',
      '\\bpassword (?:reset|change|recovery)\\b',
      "\\b(?:can't|cannot|don't|do not) remember_password\\b",
    ],
    selfOnly: true,
    examples: [
      '重置密码',
      '密码忘了',
      '我忘记密码了',
      '帮我改一下密码',
      'reset password',
      'I forgot my password',
    ],
  },
  {
    id: 'unlock_account',
    zh: '解锁账户',
    en: 'account unlock',
    keys: [
      '解锁',
      '解封',
      '解冻',
      '锁',
      '冻结',
      '封',
      'unlock',
      'unfreeze',
      'locked',
      'frozen',
      'blocked',
      'suspended',
    ],
    patterns: [
      '解锁|解封|解冻|解(?:个|一下|下)锁',
      // 密码输错太多次锁掉了…帮我解开: what is undone is the lock said before.
      '(?<=锁[^。！？!?\\n]{0,30}?)解开',
      // 账号被冻结了 asks it unfrozen; 账号紧急冻结 freezes it (the freeze sense's).
      `${ACCOUNT_ZH}~(?:被锁|锁定|锁住|锁了|被冻结|冻结了|被封|封了)`,
      // 我的号被封了, 把我那个游戏号永久封了: a game's or an app's 号 is the account.
      '(?<![型编单账帐信代暗称口字番挂记])号~(?:被封|封了|封禁|被锁|锁了)',
      '封号',
      '\\bunlock\\w*',
      '\\bunfreeze\\b',
      '\\b(?:account|login)_(?:is |got |was |been |has been )?(?:locked|frozen|suspended|blocked)\\b',
      '\\blocked out\\b',
    ],
    absorb: ['解锁', '账户', '账号', '帐号', '帐户', '登录', 'unlock', 'account', 'login'],
    selfOnly: true,
    examples: ['解锁账户', '账号被锁了', '帮我解封', 'unlock my account', 'my account is locked'],
  },
  {
    id: 'close_account',
    zh: '注销账户',
    en: 'account closure',
    keys: ['注销', '销户', '删号', '账户', '账号', '帐号', '帐户', 'account', 'profile', 'delete me'],
    patterns: [
      `注销(?!登录|登陆)(?:~(?:${ACCOUNT_ZH}|用户))?`,
      `${ACCOUNT_ZH}~(?:注销|删掉|删除|销掉|销了|关闭|关掉|停用)`,
      '销户|删号',
      `(?:删除|删掉|关闭|关掉|停用)~${ACCOUNT_ZH}`,
      // closing the account, close out the account: any form of the verb, with out (not cancelling
      // jobs on an account: what is cancelled there is the jobs).
      "\\b(?:clos(?:e|ing)|delet(?:e|ing)|cancel(?:l?ing)?|terminat(?:e|ing)|deactivat(?:e|ing)|remov(?:e|ing)|shut(?:ting)? down|eras(?:e|ing))(?: out)?\\s+(?:(?!(?:on|for|in|from|to|of|with|under|at)\\b)[\\w'$.-]+\\s+){0,3}?(?:account|profile)s?\\b",
      '\\baccount (?:closure|deletion|termination|cancellation|removal)\\b',
      '\\b(?:account|profile)s?\\s+(?:deleted|closed|removed|terminated|erased|shut down|wiped)\\b',
      '\\bdelete me\\b',
    ],
    selfOnly: true,
    examples: [
      '注销账户',
      '账户注销',
      '把我的账号注销掉',
      '销户',
      'delete my account',
      'account closure',
      'I want my account deleted',
      'I want my account shut down',
      'closing the account',
      'could you close out the account for me',
    ],
  },
  {
    id: 'complaint',
    zh: '投诉',
    en: 'complaint',
    keys: ['投诉', '举报', 'complain', 'grievance'],
    // 举报人, 投诉人: the person who complained or reported, not a complaint (透露违停举报人信息);
    // 举报内容、来源 what was reported and by whom, not a complaint either.
    patterns: [
      '投诉(?!人|内容|来源)',
      '举报(?!人|内容|来源)',
      '\\bcomplain\\w*(?<!complainer|complainant)',
      '\\bgrievances?\\b',
    ],
    examples: ['我要投诉', '投诉处理', 'I want to file a complaint', 'I want to complain'],
  },
  {
    id: 'compensation',
    zh: '赔偿',
    en: 'compensation',
    // Money, or the points a product compensates in (补偿积分200分).
    families: ['money', 'points'],
    keys: [
      '赔',
      '补偿',
      '报',
      'compensat',
      'damages',
      'reparation',
      'knock',
      'take',
      'on top',
      'extra',
      'as well',
      'besides',
    ],
    patterns: [
      '赔(?:偿|钱|付|款|我|给我)',
      // 这钱你们得给我报了吧: what the caller paid out, made good (报销 said short); not 甭给我报了.
      '(?<![甭别用要必])(?:给|帮)(?:我|俺|额|咱)报(?:了|掉)(?=\\s*(?:[吧呗嘛啊呀撒噻]|[，。,.!！?？]|$))',
      // 你们得赔, 这个么样赔 (Wuhan: how will you make it good): a remedy demanded or asked after.
      '(?:得|要|该|必须|应该|总得|怎么|怎样|么样|咋|如何)赔(?!不起)',
      '索赔',
      '理赔',
      '补偿',
      '\\bcompensat\\w*',
      '\\bdamages\\b',
      '\\breparations?\\b',
      // knock a tenner off the bill for the trouble, take €10 off my bill: money off for what went
      // wrong (a fee named is waived: fee_waiver).
      `\\bknock\\s+(?:${AMOUNT_EN}|a bit|something)\\s+off\\b`,
      // can you no just knock that off for the bother: what is left of a bill, let go for the
      // trouble (a fee knocked off for no trouble named is waived: fee_waiver).
      '\\bknock\\s+(?:that|it|this|them|the rest(?: of it)?)\\s+off\\b(?=[^.!?]{0,30}?\\bfor (?:the|my|all the|our|all this) (?:bother|trouble|inconvenience|hassle|wait|stress|mess)\\b)',
      `\\btake\\s+(?:${AMOUNT_EN})\\s+off\\s+(?:the|my|our)\\s+(?:bill|invoice|account|total)\\b`,
      // an' fifty pound on top for the shame of it: money beyond what is owed, for what it did.
      `(?:${AMOUNT_EN})\\s+(?:on top|extra|as well|besides)\\b(?=[^.!?]{0,30}?\\bfor (?:the|my|all the|our|all this|me|us) (?:shame|bother|trouble|inconvenience|hassle|wait|stress|mess|upset|embarrassment|distress)\\b)`,
    ],
    examples: [
      '申请赔偿',
      '要求赔偿损失300元',
      '给我补偿',
      'compensation claim',
      'I want to be compensated',
      'knock a tenner off the bill',
    ],
  },
  {
    id: 'other_user_info',
    zh: '查询其他用户信息',
    en: "other customers' information",
    keys: [
      '名单',
      '花名册',
      '通讯录',
      'list',
      'database',
      'register',
      // Every pattern names another party, a number's owner or a disclosure verb (or a phone
      // number: see alsoWhenDigits).
      '其他',
      '其它',
      '别的',
      '别人',
      '他人',
      '另外',
      '另一',
      '旁人',
      '陌生人',
      '老婆',
      '老公',
      '妻子',
      '丈夫',
      '爱人',
      '媳妇',
      '妈',
      '爸',
      '父母',
      '儿子',
      '女儿',
      '孩子',
      '朋友',
      '同事',
      '家人',
      '亲戚',
      '室友',
      '邻居',
      '他',
      '她',
      'ta',
      '号',
      '电话',
      '透露',
      '泄露',
      'another',
      'other',
      'different',
      'someone',
      'somebody',
      'wife',
      'husband',
      'mom',
      'mum',
      'mother',
      'dad',
      'father',
      'son',
      'daughter',
      'friend',
      'colleague',
      'partner',
      'boyfriend',
      'girlfriend',
      'parent',
      'whose',
      'who ',
      'name',
      'owner',
      'holder',
      'address',
      'details',
      'info',
      'email',
      'phone',
      'his',
      'her',
      'their',
    ],
    patterns: [
      // Not 打我老公电话: calling him is no asking for his number. Nor 借用他人身份证上网: someone's
      // card used (borrowed, lent, forged) is no data of theirs told.
      `(?:(?:透露|泄露|告诉我?|给我|提供|查询?|查一下|查看|看一下|看看?|调取|获取|发给我|打印)~)?(?<!打(?:了|过)?(?:我的?|那个|这个)?)(?<!借用?|冒用|盗用|使用|拿着?|持)${OTHER_ZH}${POSSESSIVE_ZH}(?:个人)?(?:信息|资料|隐私|手机号码?|电话号码?|号码|电话|订单|账单|名字|姓名|地址|住址|身份证号?|记录|账户|账号|帐号|数据|文件|密码|消费记录|通话记录|邮箱|位置|套餐)`,
      '(?<!\\d)(?<!我的?(?:手机|电话)?(?:号码|号)?是?\\s*)\\d{7,}[^,.!?;:、\\n]{0,8}?(?:用户|机主|户主|主人|持有人|是谁|叫什么|名字|姓名|地址|信息|资料|身份)',
      '(?:这个|那个|该)(?:手机)?(?:号码|号|电话|手机号)~(?:是谁|的主人|的机主|的户主|属于谁|的用户|用户叫|叫什么)',
      '(?:透露|泄露)~(?:用户|客户)(?:的)?(?:信息|资料|隐私)',
      // 把约过的业主名单给我发一份, send me a list of your clients: who the customers are is theirs,
      // asked for (not one the caller keeps, 我的客户名单, nor one they join, 加到会员名单).
      `(?:给我|发给?我|发我|发一份|要一份|查一下|查查|看一下|看看|导出|打印)~${CUSTOMER_LIST_ZH}`,
      `${CUSTOMER_LIST_ZH}~(?:给我|发给?我|发我|发一份|拿给我)`,
      `\\b(?:send|give|email|share|show|forward|pass|tell|read)_(?:me |us )?${CUSTOMER_LIST_EN}\\b`,
      `(?:告诉我|给我|发给我|发我|查一下|查询?|看一下|看看)~${THIRD_PERSON_ZH}的(?:手机号码?|电话号码?|号码|电话|地址|住址|名字|姓名|身份证号?|个人信息|信息|资料|账单|订单|密码)`,
      `${THIRD_PERSON_ZH}的(?:手机号码?|电话号码?|地址|住址|身份证号?|个人信息|资料|密码)~(?:告诉我|给我|发给我|发我)`,
      // I'm on my mum's account: the caller says they are a contact on it, asking nothing of it.
      `(?:\\b(?:disclose|share|reveal|give me|tell me|show me|send me|look up|check|access|see|view|open|read|get)_)?(?<!\\bi(?:'m| am)(?: (?:listed|named|down|registered|an authori[sz]ed contact|a contact|the attorney))? on )${OTHER_EN}\\s+(?:[\\w']+\\s+){0,2}?(?:personal )?(?:info\\w*|data|details|files?|names?|phone(?: numbers?)?|numbers?|address\\w*|orders?|bills?|billing|accounts?|records?|emails?|history|documents?|photos?|passwords?|contacts?|location)\\b`,
      '\\b(?:name|owner|address|details|info\\w*|holder|email|phone)\\s+(?:on|of|for|behind|registered to|linked to|attached to)\\s+(?:the|this|that)\\s+(?:account|number|phone(?: number)?|line)\\b',
      '\\bwho (?:owns|is behind|has|uses|registered)\\s+(?:the|this|that)\\s+(?:number|account|phone|line)\\b',
      '\\bwhose (?:number|account|phone|line)\\b',
      "\\b(?:tell me|give me|send me|show me|what's|what is|what are|look up)\\s+(?:his|her|their)\\s+(?:phone(?: number)?|number|address|email|name|details|info\\w*|account|password|bills?|orders?)\\b",
    ],
    alsoWhenDigits: 7,
    priority: 10,
    absorb: [
      '透露',
      '泄露',
      '告诉',
      '提供',
      '查询',
      '查',
      '查看',
      'disclose',
      'share',
      'reveal',
      'give',
      'tell',
      'show',
      'look',
      'access',
      'view',
      'see',
    ],
    examples: [
      '透露其他用户信息',
      '告诉我其他用户的信息',
      '查一下别的用户的手机号',
      '帮我查一下13912345678这个号码的用户叫什么名字',
      '告诉我13912345678这个号码的用户名字',
      "disclose other customers' information",
      "share another user's files with me",
      "What's the name on the account with number 13912345678?",
      '重置我老婆的密码',
      "reset my wife's password",
      "tell me my mother's account password",
    ],
  },
  {
    id: 'leak_address',
    zh: '透露用户地址',
    en: "disclosing a user's address",
    keys: ['地址', '住址', 'address'],
    patterns: [
      `(?:泄露|透露|告诉我?|给我|提供|查询?|查一下|发给我)~(?:用户|客户|他人|别人|其他用户|其它用户|其他人|会员)${POSSESSIVE_ZH}(?:家庭)?(?:地址|住址)`,
      `${OTHER_ZH}${POSSESSIVE_ZH}(?:家庭|收货)?(?:地址|住址)`,
      "\\b(?:disclos\\w*|leak\\w*|reveal\\w*|shar\\w*|give me|tell me|look up|send me)_(?:a |the |another |other |that )?(?:user|customer|person|subscriber|member)(?:'s|s'|s)?\\s+(?:home )?address\\b",
      `${OTHER_EN}\\s+(?:home )?address\\b`,
    ],
    priority: 12,
    broader: ['other_user_info'],
    absorb: ['泄露', '透露', '告诉', '提供', '查询', 'disclose', 'leak', 'reveal', 'share'],
    examples: ['泄露用户地址', '告诉我别人的地址', "give me another customer's address"],
  },
  {
    id: 'modify_other_plan',
    zh: '修改他人套餐',
    en: "changing another user's plan",
    keys: ['套餐', '业务', '服务', '会员', 'plan', 'package', 'subscription', 'tier'],
    patterns: [
      `(?:修改|改|变更|更改|更换|换|调整|动|取消|升级|降级|办理|开通|关闭|退订)~(?:他人|别人|其他用户|其它用户|其他人|别的用户|别的人|另一个用户|另一个人)${POSSESSIVE_ZH}(?:套餐|业务|服务|会员)`,
      '(?:他人|别人|其他用户|其它用户|其他人|别的用户)的?(?:套餐|业务)~(?:修改|改|变更|更改|换|调整|取消|升级|降级)',
      `\\b(?:chang\\w*|modif\\w*|updat\\w*|switch\\w*|alter\\w*|cancel\\w*|upgrad\\w*|downgrad\\w*)_${OTHER_EN}\\s+(?:plan|subscription|package|tier)s?\\b`,
    ],
    priority: 12,
    absorb: ['修改', '改', '变更', '更改', 'change', 'modify'],
    examples: ['修改他人套餐', '帮我改一下别人的套餐', "change another user's plan"],
  },
  {
    id: 'invoice',
    zh: '开具发票',
    en: 'invoice',
    keys: ['发票', '开票', '收据', '普票', '专票', '税号', '抬头', 'invoice', 'receipt'],
    patterns: [
      // Not one the caller lacks (我没发票咋弄, 没有收据): told, unless asked for with its verb (补开发票).
      '(?:开具|开|补开|申请|要|寄|打印|出具)[^,.!?;:、\\n]{0,3}?(?:发票|收据|普票|专票)',
      '(?<!没|无|没有|没得)(?:发票|收据|普票|专票)',
      '开票',
      // 抬头是…公司，税号…: an invoice asked for by whom it is made out to. (Not 品名 alone: what
      // an item is called on it is what a false invoice changes, and is read with 发票 said.)
      '税号|抬头(?=是|写|开|就)',
      // Not one the caller has (I got the receipt right here, I have all the receipts): told. Nor
      // one they were sent and talk about (this March invoice you sent me, now I see your invoice,
      // because of this wrong invoice).
      "\\b(?:(?:issue|send|get|need|want)_)?(?:an? )?(?:vat )?(?<!\\b(?:got|have|had|kept|keep|holding|with) (?:(?:the|all the|all my|my|our|a) )?(?:(?:original|paper) )?)(?<!\\b(?:about|see|saw|seen|received|checked|reading|read|because of|due to) (?:this|that|the|your|my|our|una|dis|di) (?:[a-z]+ ){0,2})(?:invoice|receipt)s?\\b(?! (?:wey |that |which )?(?:you|y'all|una|they) (?:sent|send|issued|gave)\\b)",
    ],
    absorb: ['开具', '开', '补开', '申请', '出具', '打印', '寄', 'issue', 'send', 'get', 'provide'],
    examples: ['开具发票', '帮我开个发票', '我要发票', 'send me an invoice'],
  },
  {
    id: 'fee_waiver',
    zh: '费用减免',
    en: 'fee waiver',
    families: ['money'],
    keys: ['减免', '免', '减', '豁免', '抹', 'waiv', 'fee', 'charge'],
    patterns: [
      '减免|免除|豁免',
      // 滞纳金…你给我抹了, 这钱给抹掉: a charge wiped off.
      '抹(?:掉|了|去)(?=[\\s，。,.!！?？吧吗嘛啊呀呗]|$)',
      // Any fee the product names (占位费, 运费): X费 before or after the waiving word.
      '免(?:掉|去|了)?[^,.!?;:、\\n]{0,4}?(?:月租|年费|违约金|租金|[\\u4e00-\\u9fff]{1,2}费)',
      '(?:月租|年费|违约金|租金|[\\u4e00-\\u9fff]{1,2}费)~(?:减免|免了|免掉|全免|减掉|减半|免除)',
      '减(?:掉|少)?~(?:月租|月费|年费|服务费)',
      // Not a damage waiver bought with a hire (collision damage waiver): cover, no fee waived.
      '(?<!\\bdamage )\\bwaiv\\w*',
      '\\bfee (?:exemption|reduction|waiver)\\b',
      // knock the fees off, take that charge off, drop the booking fee: a fee struck off the bill.
      '\\b(?:knock|take|drop|strike|scrap)_(?:[a-z]+ )?(?:fees?|charges?)\\s+off\\b',
      '\\b(?:knock|take|strike)\\s+off\\s+(?:the |those |that |these )?(?:[a-z]+ )?(?:fees?|charges?)\\b',
    ],
    absorb: ['费用', 'fee', 'fees', 'charge', 'charges'],
    examples: [
      '减免月租20元',
      '减免三十元月租',
      '月租减免30元',
      '免一个月月租',
      '你给我抹了',
      'waive the fee',
      'knock the fees off',
      'take that charge off',
    ],
  },
  {
    id: 'discount',
    zh: '优惠折扣',
    en: 'discount',
    families: ['money'],
    keys: ['折', '优惠', '代金券', '便宜', 'discount', 'coupon', 'voucher', 'promo'],
    patterns: [
      '打个?折|折扣|优惠券?|代金券|便宜一?点',
      // 打个八折, 八五折, 打对折: a discount by its rate.
      '打?个?(?:[一二三四五六七八九几对半]|\\d)(?:点?[一二三四五六七八九五]|\\.\\d)?折(?!腾|磨|叠|返|断|旧)',
      '\\bdiscount\\w*',
      '\\bcoupons?\\b',
      '\\bvouchers?\\b',
      '\\bpromo(?:tion(?:al)?)? codes?\\b',
    ],
    examples: ['给我打个折', '有没有优惠券', '给打个八折呗', '物业费打个五折', 'can I get a discount'],
  },
  {
    id: 'restart_modem',
    zh: '重启光猫',
    en: 'modem restart',
    keys: [
      '重启',
      '重新启动',
      '复位',
      '重开',
      '光猫',
      '猫',
      '路由',
      '机顶盒',
      'restart',
      'reboot',
      'reset',
      'power',
    ],
    patterns: [
      '(?:重启|重新启动|复位)(?:~(?:光猫|猫|路由器|路由|调制解调器|机顶盒|modem|router|设备|网关))?',
      // 重开 alone is an invoice issued again (作废重开): a restart only with the device said.
      '重开~(?:光猫|猫|路由器|路由|调制解调器|机顶盒|modem|router|设备|网关)',
      '(?:光猫|猫|路由器|路由|机顶盒)~(?:重启|重新启动|复位)',
      '\\b(?:restart|reboot|reset|power[- ]cycle)_(?:modem|router|gateway|ont|box|device)s?\\b',
      '\\b(?:modem|router|gateway)\\s+(?:restart|reboot|reset)s?\\b',
    ],
    absorb: ['光猫', '猫', '路由器', 'modem', 'router'],
    examples: ['重启光猫', '帮我远程重启一下光猫', '光猫重启', 'restart my modem', 'reboot the router'],
  },
  {
    // 预约上门回收, 礼拜六上午来收瓶子纸壳子, 明天过来把冰箱拉走, 上门取送: things collected from the
    // caller's home (scrap bought, a rented machine returned, furniture cleared, laundry picked up),
    // no repair visit.
    id: 'home_collection',
    zh: '上门回收',
    en: 'collection from home',
    keys: ['上门', '回收', '来收', '收走', '拿走', '搬走', '拉走', '运走', '取走', 'collect'],
    patterns: [
      // Not one told done (叫顺丰上门拿走了), nor whether the service exists, asked (是不是还可以上门来拿).
      `(?<!${SERVICE_ASKED_ZH})上门(?:来)?(?:回收|收购|收(?![到费货件款据钱])|取(?!消)|拿|送回|搬走|拉走|清运)(?![^,.!?;:、\\n]{0,6}?[了过](?![吗吧嘛]))`,
      // Not a thing someone took (快递被人拿走了), nor one taken already (拿走了).
      `(?<![被让叫给])(?<!${SERVICE_ASKED_ZH})(?:来|过来|上门)[^,.!?;:、\\n]{0,8}?(?:回收|收走|拿走|搬走|拉走|运走|取走)(?![了过])`,
      // Not 原来收了 (what was charged before) nor 后来收 (later).
      '(?<![原后将本未从])来收(?![到费货件款据钱了过])(?=[^,.!?;:、\\n]{0,2}?[\\u4e00-\\u9fff])',
      '\\bcollection from (?:my |the |your |our )?(?:home|house|flat|door)\\b',
      '\\bcome (?:and |to )?collect\\b',
    ],
    absorb: ['上门', '回收', '收购'],
    booked: true,
    examples: ['预约上门回收', '明天上午来拿走', '礼拜六过来收旧冰箱'],
  },
  {
    id: 'repair_visit',
    zh: '上门维修',
    en: 'repair visit',
    keys: [
      '上门',
      '报修',
      '维修',
      '修理',
      '检修',
      '师傅',
      '派',
      '预约',
      '安排',
      '来人',
      '来个人',
      '人来',
      '人过来',
      '人上来',
      '人下来',
      '安检',
      '检查',
      'technician',
      'engineer',
      'repair',
      'visit',
      'send',
      'site',
      'onsite',
      'schedule',
      'book',
      'arrange',
      'service call',
      'someone',
      'somebody',
      'fitter',
      'one of your',
    ],
    patterns: [
      // 上门取件, 送上门, 上门提车, 上门回收: a courier picking up or bringing a parcel, a car fetched for
      // shipping, or scrap bought at the door, is no repair visit.
      // 上个月上门换水表的那个人: a worker described by a job done asks for no visit. 上门费 is a
      // fee (the call-out charge), not a visit, and so is 上门三十 (its price, quoted). 上门前1小时 is a
      // time before the visit, no visit asked (上门前免费改约 moves one).
      `(?<!送)上门(?![费钱前]|之前|以前|[\\d一二两三四五六七八九十半]+(?:个)?(?:小时|钟头|分钟|天)(?:之|以)?前|[\\d一二两三四五六七八九十百]+(?:块|元|$|[，,。]))(?:(?<=${FUTURE_BEFORE}上门)|(?!${WORKER_BY_JOB}))(?!(?:来|过来)?(?:取|收|回收|清运|送|揽|拿|卖|推销|提车|接人))(?:~(?:维修|修理|检修|服务|安装|看看|处理|查看))?`,
      '(?:维修|修理|检修)~上门',
      // Not the caller's own arranging (我要提前安排屋头有人: someone at home to open the door), nor
      // someone else arranged for something (安排他人代扣违章记分), nor a thing arranged for the
      // customer themself, a guest or a family (安排快递寄回本人).
      // Nor someone sent to collect (派人来把琴拉走, see home_collection).
      '(?<!我(?:要|得|会|来|自己|好)?(?:提前)?)(?:预约|安排|派)~(?:维修|修理|检修|师傅|技术员|工程师|(?<![有没无他别本客家])人)(?![^,.!?;:、\\n]{0,6}?(?:收|拿走|取走|搬走|拉走|运走))',
      // 约个周六上午的安检, 你们赶紧来个人看看, 明天上午你们来人: a visit booked or asked for.
      '(?<!预)约(?:个|一个|在)?[^,.!?;:、\\n]{0,8}?(?:安检|检修|检查)',
      // 能约这个礼拜六上午吗 师傅上门: a visit booked for a time of day, the visit said by it (a key
      // of the concept's, which the pre-filter finds: 约星期六上午九点 alone books whatever the
      // product books).
      '(?<![预不别没])约(?=这个|这|下个|本周|周|礼拜|星期|今天|明天|明朝|今朝|后天)[^,.!?;:、\\n]{0,6}?(?:上午|下午|晚上|早上|中午|\\d+点)(?=[^。！？!?]{0,20}?(?:上门|师傅|维修|修理|检修|安检|检查|来人|人来))',
      // 要入户安检，帮我约个这周六上午: the visit named first, then booked for a time.
      '(?:安检|检修|检查)[^.!?;\\n]{0,14}?(?<![预不别没])约(?=个|一个|在|到|下|这|那|本|周|礼拜|星期|今天|明天|明朝|今朝|后天|\\d)',
      '(?<![不别])来个?人(?!了)',
      // 快找个人过来瞧瞧, 喊个人过来: someone sent for.
      // Not someone sent for to collect (叫个人过来收, see home_collection).
      '(?<![不别])(?:叫|喊|找)(?:个|几个|一个)?人(?:来|过来|上来|下来)(?![^,.!?;:、\\n]{0,3}?(?:收|拿走|取走|搬走|拉走|运走))',
      // Not a visit told as done (于师傅来给我调的琴: the piano he came and tuned).
      '师傅(?:上门|过来|来)(?![^,.!?;:、\\n]{0,6}?的(?!时候|话))',
      '派人~(?:修|来|上门|看)',
      // 报修: a repair reported is a visit asked for (漏水了我要报修), but not one sent in (送修).
      '报修',
      '\\b(?:technician|engineer|repair(?:man|person)?|service)\\s+(?:visit|appointment|call[- ]?out)s?\\b',
      '\\bsend_(?:a |an |your |the |one of your )?(?:technician|engineer|someone|somebody|repairman)s?\\b',
      // somebody to come and give it a look over, can an engineer come out, one of your lads to
      // pop round: someone asked to come (came out, told, is no visit asked).
      '\\b(?:someone|somebody|an? (?:engineer|technician|repair(?:man|person)|fitter|man|bloke|fella|guy|lad)|one of your (?:engineers|technicians|fitters|lads|people|men|team))\\s+(?:to\\s+)?(?:come|pop|nip|call)\\s+(?:out|round|around|over|by|in|and|to (?:look|check|fix|see))\\b',
      '\\b(?:schedule|book|arrange)_(?:repair|technician|visit|engineer|service call)s?\\b',
      '\\bon[- ]?site (?:repair|visit|service)\\b',
      '\\bhome visit\\b',
    ],
    absorb: ['预约', '安排', '上门', '维修', 'schedule', 'book', 'arrange', 'repair', 'visit'],
    examples: [
      '预约上门维修',
      '上门维修预约',
      '派个师傅上门',
      'send a technician',
      'book a repair visit',
      'onsite service',
    ],
  },
  {
    id: 'early_termination',
    zh: '提前解约',
    en: 'early termination',
    keys: ['解约', '终止', '解除', '结束', '合同', '合约', 'terminat', 'contract', 'agreement', 'lease'],
    patterns: [
      '提前~(?:解约|终止|结束|解除)(?:合同|合约|协议)?',
      '解约',
      '(?:解除|终止|取消)~(?:合同|合约|协议)',
      '\\bearly termination\\b',
      '\\b(?:terminate|break|end|cancel|exit)_(?:contract|agreement|lease)s?\\b',
      // we need out of our office agreement early, get out of the lease
      '\\bout of_(?:contract|agreement|lease)s?\\b',
    ],
    examples: ['提前解约', '我想解约', '提前终止合同', 'terminate my contract early'],
  },
  {
    id: 'extend_trial',
    zh: '延长试用',
    en: 'trial extension',
    families: ['duration'],
    keys: ['试用', 'trial'],
    patterns: [
      '(?:延长|延期|顺延|多给|再给|加|增加)~试用期?',
      '试用期?~(?:延长|延期|顺延|多|加|再)',
      '\\bextend_(?:free )?trial\\b',
      '\\btrial (?:period )?extension\\b',
      '\\b(?:more|longer|extra|additional)_trial\\b',
      '\\btrial_extended\\b',
    ],
    examples: ['延长试用7天', '试用期延长一周', 'extend trial 7 days', 'extend my trial by two weeks'],
  },
  {
    id: 'extend_service',
    zh: '延长服务期',
    en: 'service extension',
    families: ['duration'],
    keys: ['延长', '延期', '顺延', 'extend', 'extension'],
    patterns: [
      '(?:延长|延期|顺延)~(?:会员|有效期|服务期|服务|期限|使用期)',
      '(?:会员|有效期|服务期|服务)~(?:延长|延期|顺延)',
      '\\bextend_(?:membership|subscription|service|plan|validity|expiry|expiration)\\b',
      '\\b(?:membership|subscription|service) extension\\b',
    ],
    examples: ['会员延长7天', '帮我把有效期顺延一个月', 'extend my membership by a month'],
  },
  {
    id: 'data_recovery',
    zh: '数据恢复',
    en: 'data recovery',
    keys: ['恢复', '找回', '还原', '复原', 'recover', 'restor', 'retriev', 'undelete', 'get back'],
    patterns: [
      '(?:恢复|找回|还原|复原)~(?:数据|文件|资料|照片|记录|聊天记录|备份|删除的|内容|相册)',
      '数据恢复',
      '(?:数据|文件|资料|照片)~(?:恢复|找回|还原)',
      '\\b(?:recover|restore|retrieve|undelete|get back)_(?:data|files?|photos?|backups?|documents?|records?|emails?|messages?)\\b',
      '\\bdata (?:recovery|restoration|restore)\\b',
    ],
    examples: ['恢复数据', '帮我找回删除的文件', 'data recovery request', 'recover my deleted data'],
  },
  {
    id: 'upgrade_plan',
    zh: '升级套餐',
    en: 'plan upgrade',
    keys: ['升级', 'upgrad'],
    patterns: [
      '升级(?:~(?:套餐|会员|服务|版本|账户|账号|宽带|带宽))?',
      '(?:套餐|会员)~升级',
      // I upgraded to gold last month: what the caller did, told (not asked).
      '(?<!\\b(?:i|we)\\s+(?:already\\s+|just\\s+|recently\\s+)?)\\bupgrad\\w*',
    ],
    absorb: ['套餐', 'plan'],
    selfOnly: true,
    examples: ['升级套餐', '套餐升级', 'upgrade my plan'],
  },
  {
    id: 'downgrade_plan',
    zh: '降级套餐',
    en: 'plan downgrade',
    keys: ['降级', 'downgrad'],
    patterns: [
      '降级(?:~(?:套餐|会员|服务))?',
      '(?:套餐|会员)~降级',
      // I downgraded to the cheaper one in September: told, not asked.
      '(?<!\\b(?:i|we)\\s+(?:already\\s+|just\\s+|recently\\s+)?)\\bdowngrad\\w*',
    ],
    absorb: ['套餐', 'plan'],
    selfOnly: true,
    examples: ['降级套餐', 'downgrade my plan'],
  },
  {
    id: 'change_plan',
    zh: '变更套餐',
    en: 'plan change',
    keys: ['套餐', 'plan', 'package', 'tier'],
    patterns: [
      // Not 改约套餐内的1对1: a session within the package moved, no package changed.
      '(?:换|改(?![约期签])|变更|更改|修改|调整|转)~套餐(?![内里中])',
      '套餐~(?:变更|更改|修改|调整|换)',
      // Change of plans: what the caller says before the change they ask for.
      '\\b(?:change|switch|modify)(?! (?:of|in) plans?\\b)_(?:plan|package|tier)s?\\b',
      '\\b(?:plan|package|tier) (?:change|switch)\\b',
    ],
    selfOnly: true,
    examples: ['换个套餐', '套餐变更', 'change my plan'],
  },
  {
    id: 'change_phone',
    zh: '更换绑定手机',
    en: 'phone number change',
    keys: ['手机', '电话', '号码', 'phone', 'mobile'],
    patterns: [
      '(?:换绑|改绑|更换|修改|更改|换)(?:绑定的?)?(?:手机号码?|手机|电话号码?|号码)',
      '(?:绑定手机|手机号|绑定的手机号?)~(?:换|改|更换|修改)',
      '\\b(?:change|update)_(?:phone|mobile)(?: number)?\\b',
      '\\b(?:phone|mobile)(?: number)? (?:change|update)\\b',
    ],
    selfOnly: true,
    examples: ['换绑手机号', '修改绑定手机', 'change my phone number'],
  },
  {
    id: 'update_info',
    zh: '修改个人资料',
    en: 'personal details update',
    keys: ['修改', '更改', '更新', '变更', 'update', 'change', 'correct'],
    patterns: [
      '(?:修改|更改|更新|变更)(?:一下)?(?:我的)?(?:个人)?(?:资料|信息|地址|收货地址|姓名|名字|邮箱)',
      '\\b(?:update|change|correct)_(?:details|address|name|email|information|info)\\b',
      '\\b(?:personal )?(?:details|address|information|info) (?:update|change|correction)\\b',
    ],
    selfOnly: true,
    examples: ['修改收货地址', '更新一下我的资料', 'update my address'],
  },
  {
    id: 'speak_to_supervisor',
    zh: '转接主管',
    en: 'speaking to a supervisor',
    keys: [
      '人工',
      '主管',
      '经理',
      '领导',
      '上级',
      '负责人',
      'manager',
      'supervisor',
      'human',
      'escalat',
      'transfer me',
      'speak',
      'talk',
    ],
    patterns: [
      // Not the supervisor's approval talked about (要主管批, 要是主管不批), nor the one already
      // deciding hurried along (让你们领导快着点儿), nor waiting for them (还要等主管啊): none asks
      // to speak to them. Nor the caller's own manager who will ring the business (那我让王经理
      // 自个儿给你们打).
      '(?:转|找|叫|要(?!是|等)|让|请)~(?:人工|主管|经理|领导|上级|负责人)(?!审批|批|(?:不|没)(?:批|同意)|同意|快着点|抓紧|尽快|[^，,。]{0,4}?(?:给|跟|和|找)你们(?:打|联系|说|讲|来))',
      '\\b(?:speak|talk)\\w* (?:to|with)_(?:manager|supervisor|human|person|someone)\\b',
      '\\bescalat\\w*',
      '\\btransfer me\\b',
    ],
    examples: ['转人工', '叫你们经理来', 'I want to speak to a manager', 'let me talk to someone'],
  },
  {
    id: 'suspend_service',
    zh: '暂停服务',
    en: 'service suspension',
    keys: ['停机', '报停', '暂停', 'suspend', 'suspension', 'pause', 'freeze'],
    patterns: [
      '停机|报停',
      '暂停~(?:服务|套餐|宽带|业务|会员|使用)',
      '(?:服务|宽带|业务|会员)~暂停',
      '\\b(?:suspend|pause|freeze)_(?:service|plan|subscription|membership|line)s?\\b',
      '\\b(?:service|account|line|subscription) suspension\\b',
    ],
    examples: ['办理停机', '暂停宽带服务', 'pause my subscription'],
  },
  {
    id: 'cancel_order',
    zh: '取消订单',
    en: 'order cancellation',
    keys: ['订单', '退单', '撤单', 'order'],
    patterns: ['取消~订单', '退单|撤单', '\\bcancel_orders?\\b', '\\border cancell?ation\\b'],
    selfOnly: true,
    examples: ['取消订单', 'cancel my order'],
  },
  {
    // 帮我下个单, place an order for 500 litres, put an order in: an order placed is its own action,
    // not its cancellation (a rule may list both: 下单、改单或取消订单, Place, move or cancel orders).
    id: 'place_order',
    zh: '下单',
    en: 'order placement',
    keys: [
      '下单',
      '下个单',
      '下一单',
      '袋',
      '包',
      '瓶',
      '箱',
      '桶',
      '盒',
      '罐',
      '吨',
      '台',
      'place',
      'put',
      'order',
    ],
    patterns: [
      // Asked of the business (帮我下个单, 代客下单): not the caller's own (我自己在小程序下单), nor the
      // time an order was placed (下单后30分钟内, 几点之前得下单).
      '(?:(?<=帮我?|给我|替我|代我?|代客|麻烦你?|你们?)|^)下(?:个|一个?)?单(?![后时前的日])',
      // 给我送两瓶来, 再拿一包复合肥, 订三箱, 订一台五升的: goods asked for by the count, which orders
      // them; not what was delivered short or wrong (少送1袋), nor taken away (拿走两袋).
      '(?<![少多漏错没已])(?:送|拿|订|要)(?![了过走去回])\\s*(?:[一二两三四五六七八九十几]|\\d+)\\s*(?:袋|包|瓶|箱|桶|盒|罐|吨|台)',
      // 三包复合肥，两包尿素，送到…村: goods counted, then where they are to go.
      '(?:[一二两三四五六七八九十几]|\\d+)\\s*(?:袋|包|瓶|箱|桶|盒|罐|吨)[^。！？!?]{0,30}?(?<![已都刚])送到(?![了过])',
      '\\bplace_orders?\\b(?!\\s+(?:myself|ourselves|online)\\b)',
      '\\border placement\\b',
      // Place, move or cancel orders: placing as the first of a rule's listed steps.
      '\\bplace(?=(?:,?\\s+\\w+)*,?\\s+(?:or|and)\\s+\\w+\\s+orders?\\b)',
      // Not put the order in myself, nor I put an order in on Monday: the caller's own doing.
      "(?<!\\b(?:i|we|i'?ll|we'?ll|i'?ve|we'?ve|i'?d|we'?d|i had|we had)\\s+(?:already\\s+|just\\s+)?)\\bput (?:an? |the |my |that |it |this |another )?(?:new |fresh )?order in\\b(?!\\s+(?:myself|ourselves|online)\\b)",
      "\\b(?:to|can i|could i|may i|i'?d like to|i want to|i wanna|i need to|let me) order (?!(?:number|no|ref|status|history|confirmation|online|myself)\\b)",
    ],
    selfOnly: true,
    examples: ['帮我下个单', 'place an order for 500 litres'],
  },
  {
    id: 'return_goods',
    zh: '退换货',
    en: 'return or exchange',
    keys: ['退货', '换货', '退换', 'return', 'exchange', 'back'],
    patterns: [
      // 退换货 whole first: 退换 alone would leave 货 and cut 换货 in two.
      '退换货|退货|换货|退换',
      '\\breturn_(?:item|product|order|device|goods|package)s?\\b',
      // I want to return it, send it back, ship them back: goods going back. Not what the business
      // sends back (you send it back in two days): no goods of the caller's go back.
      '\\breturn (?:it|them|this|that|these|those)\\b',
      "(?<!\\b(?:you|they|una|y'all)\\s(?:(?:will|'ll|can|could|would|then|just)\\s)?)\\b(?:send|ship|mail) (?:it|them|this|that|these|those) back\\b",
      '\\bexchange_(?:item|product|device)s?\\b',
      '\\breturn or exchange\\b',
    ],
    examples: ['我要退货', 'return the device'],
  },
  {
    id: 'defer_payment',
    zh: '延期缴费',
    en: 'payment deferral',
    families: ['duration'],
    keys: [
      '缴费',
      '付款',
      '支付',
      '交费',
      '还款',
      '交钱',
      '缓缴',
      '宽限',
      '晚',
      '缓',
      'payment',
      'bill',
      'pay later',
    ],
    patterns: [
      '(?:延期|推迟|晚点|延后|缓)~(?:缴费|付款|支付|交费|还款|交钱)',
      // 宽限个十来天, 晚几天交, 缓半个月再缴: the payment put off by a time (宽限期 is a word for it).
      '宽限(?!期)',
      `(?:晚|缓|推迟|延后)${PAID_LATER_BY}`,
      // 租金能不能缓几天, 月费晚半个月: what is owed, put off by a time (扣款 comes later in the line).
      '(?:租金|房租|月租|月费|年费|费用|账单|欠款)[^,.!?;:、\\n]{0,6}?(?:缓|宽限|晚|推迟|延后)(?:个)?(?:几|\\d+|[一二两三四五六七八九十半]+来?)个?(?:天|周|礼拜|星期|月)',
      '缓缴',
      '\\b(?:defer|postpone|delay)_(?:payment|bill)s?\\b',
      '\\bpay later\\b',
      '\\bpayment (?:extension|plan|deferral|delay)\\b',
    ],
    examples: ['延期缴费一个月', 'postpone my payment'],
  },
];

/** A concept recognised in text. */
export interface ConceptMatch {
  concept: ConceptDef;
  start: number;
  end: number;
}

interface CompiledLexicon {
  byId: Map<string, ConceptDef>;
  regexes: Map<ConceptDef, RegExp>;
  /** First character code of a key -> keys starting with it and their concepts. */
  keyIndex: Map<number, Array<{ key: string; concepts: ConceptDef[] }>>;
  /**
   * The same buckets by position, each key with its concepts' positions in CONCEPTS (`single`:
   * the key is its first character alone, found once that is).
   */
  keyBuckets: Array<Array<{ key: string; single: boolean; second: number; concepts: number[] }>>;
  /** The concepts' expressions, by position in CONCEPTS. */
  regexByIndex: RegExp[];
  /** Per UTF-16 code: 1 + the position of the bucket of keys starting with it, or 0 (none). */
  startsKey: Uint16Array;
  /** Per concept (by position in CONCEPTS): the scan that last took it as a candidate. */
  seenIn: Uint32Array;
  /** Per concept: where the last of its keys starts in the text of that scan. */
  lastKeyAt: Float64Array;
  indexOf: Map<ConceptDef, number>;
  /** Positions in CONCEPTS of the concepts with an `alsoWhenDigits` pre-filter. */
  alsoWhen: number[];
}

// Counts scans, so `seenIn` needs no clearing between texts.
let scanNumber = 0;

let compiled: CompiledLexicon | undefined;

const ZH_GAP = '[^,.!?;:、\\n]{0,6}?';
const EN_GAP = "\\s+(?:[\\w'$.-]+\\s+){0,3}?";

function expand(pattern: string): string {
  return pattern.replaceAll('~', ZH_GAP).replaceAll('_', EN_GAP);
}

/** Builds the matchers on first use (no work at module load). */
export function lexicon(): CompiledLexicon {
  if (compiled) return compiled;
  const byId = new Map<string, ConceptDef>();
  const regexes = new Map<ConceptDef, RegExp>();
  const keyIndex = new Map<number, Array<{ key: string; concepts: ConceptDef[] }>>();
  for (const c of CONCEPTS) {
    byId.set(c.id, c);
    regexes.set(c, new RegExp(c.patterns.map((p) => `(?:${expand(p)})`).join('|'), 'g'));
    for (const key of c.keys) {
      const bucket = keyIndex.get(key.charCodeAt(0)) ?? [];
      const entry = bucket.find((e) => e.key === key);
      if (entry) entry.concepts.push(c);
      else bucket.push({ key, concepts: [c] });
      keyIndex.set(key.charCodeAt(0), bucket);
    }
  }
  const indexOf = new Map(CONCEPTS.map((c, i) => [c, i]));
  const startsKey = new Uint16Array(0x10000);
  const keyBuckets: CompiledLexicon['keyBuckets'] = [];
  for (const [code, bucket] of keyIndex) {
    keyBuckets.push(
      bucket.map((e) => ({
        key: e.key,
        single: e.key.length === 1,
        second: e.key.charCodeAt(1),
        concepts: e.concepts.map((c) => indexOf.get(c)!),
      })),
    );
    startsKey[code] = keyBuckets.length;
  }
  compiled = {
    byId,
    regexes,
    keyIndex,
    keyBuckets,
    startsKey,
    seenIn: new Uint32Array(CONCEPTS.length),
    lastKeyAt: new Float64Array(CONCEPTS.length),
    indexOf,
    regexByIndex: CONCEPTS.map((c) => regexes.get(c)!),
    alsoWhen: CONCEPTS.flatMap((c, k) => (c.alsoWhenDigits === undefined ? [] : [k])),
  };
  return compiled;
}

/**
 * Someone a caller complains of, by a pronoun or as a stranger: a complaint about him, report
 * her, the guy at the desk next to me, a member who's been rude.
 */
const COMPLAINED_OF_EN =
  "\\b(?:about|report|against)\\s+(?:him|her|them|this guy|that guy|the guy|this person|that person|someone|somebody|a member|another member|this member|that member)\\b|\\b(?:the|this|that|a) (?:guy|dude|woman|man|lady|person|member)\\b(?= (?:at|next|who|who's|on|in|from)\\b)|\\bsomeone at\\b";

let otherPartyZh: RegExp | undefined;
let otherPartyEn: RegExp | undefined;

/** Another person named in a clause: 别人, 其他用户, 我老婆, another user, my wife's, a phone number ... */
export function mentionsOtherParty(text: string, gates = G.ALL): boolean {
  // Only text that opens the gates (of the text it is part of) holds one of these.
  if ((gates & (G.SOMEONE | G.DIGITS_7)) === 0) return false;
  // Chinese words and phone numbers, then English ones, each read only where the text has its
  // script: most texts are in one, and the other's alternation costs a scan of every position.
  // A phone number said in the clause (not introduced as the caller's own) may be someone else's.
  otherPartyZh ??= new RegExp(
    `(?<!\\d)(?<!我的?(?:手机|电话)?(?:号码|号)?是?\\s*)1[3-9]\\d{9}(?!\\d)|别人|他人|其他用户|其它用户|别的用户|其他人|另一个用户|另一个人|陌生人|${RELATIVES_ZH}`,
  );
  otherPartyEn ??= new RegExp(
    `\\banother (?:user|customer|person|member)|\\bsomeone else|\\bsomebody else|\\bother (?:users?|customers?|people)|\\b(?:for )?my ${RELATIVES_EN}\\b|\\b${KIN_EN}(?:'s|s')|\\b(?:for|on behalf of) ${KIN_EN}\\b|${COMPLAINED_OF_EN}`,
  );
  return (
    ((gates & (G.CJK | G.DIGITS_7)) !== 0 && otherPartyZh.test(text)) ||
    // me and my partner Tom, my partner hurt his knee: the caller's own people, no one else.
    ((gates & G.LATIN) !== 0 && otherPartyEn.test(text) && stillOther(otherPartyEn, text))
  );
}

/** Whether the text names someone with the caller's own people taken out (read again only if any were). */
function stillOther(re: RegExp, text: string): boolean {
  const rest = withoutOwnPeopleEn(text);
  return rest === text || re.test(rest);
}

/**
 * Every concept in normalised text, without overlaps (a longer match wins, then the higher
 * priority), in order of position. `usePrefilter: false` skips the key pre-filter (tests check
 * that it never changes the outcome); `clauseOf` widens the other-person check of actions on
 * one's own account from the match to its clause.
 */
export function detectConcepts(
  s: string,
  usePrefilter = true,
  clauseOf?: (start: number, end: number) => { start: number; end: number },
): ConceptMatch[] {
  const all = usePrefilter ? matchesOf(s) : matchesAmong(s, CONCEPTS);
  const gates = G.charGates(s);
  const found: ConceptMatch[] = [];
  for (const m of all) {
    // 改别人的密码 / cancel auto-renewal for someone else is not an action on one's own account:
    // the other-user concepts take it, or no rule does.
    if (m.concept.selfOnly) {
      const scope = clauseOf ? clauseOf(m.start, m.end) : m;
      if (mentionsOtherParty(s.slice(scope.start, scope.end), gates)) continue;
    }
    found.push(m);
  }
  if (found.length <= 1) return found;
  found.sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      (b.concept.priority ?? 0) - (a.concept.priority ?? 0) ||
      a.start - b.start,
  );
  const kept: ConceptMatch[] = [];
  for (const m of found) {
    if (kept.every((k) => m.end <= k.start || m.start >= k.end)) kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}

// The last text's matches: a check reads the concepts of its text twice (its requests, then
// whether it asks for other users' data), with other-person checks of different scope.
let lastText: string | undefined;
let lastMatches: readonly ConceptMatch[] = [];

/** Every match of every concept a key announces, before overlaps and other-person checks. */
function matchesOf(s: string): readonly ConceptMatch[] {
  if (s === lastText) return lastMatches;
  const lex = lexicon();
  // Positions in CONCEPTS, in the order first announced (ties between equal matches keep it).
  const candidates: number[] = [];
  const scan = ++scanNumber;
  if (scan === 0xffffffff) {
    lex.seenIn.fill(0);
    scanNumber = 0;
  }
  let digits = 0;
  let longestDigits = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      if (++digits > longestDigits) longestDigits = digits;
      continue;
    }
    digits = 0;
    const at = lex.startsKey[code]!;
    if (at === 0) continue;
    // English keys are word beginnings (refund, reimburs, compensat): skip inside words.
    if (code >= 97 && code <= 122 && i > 0 && isAsciiLetter(s.charCodeAt(i - 1))) continue;
    for (const e of lex.keyBuckets[at - 1]!) {
      // The second character first: most keys of a character part from the text there.
      if (!e.single && (s.charCodeAt(i + 1) !== e.second || !s.startsWith(e.key, i))) continue;
      for (const k of e.concepts) {
        lex.lastKeyAt[k] = i;
        if (lex.seenIn[k] === scan) continue;
        lex.seenIn[k] = scan;
        candidates.push(k);
      }
    }
  }
  for (const k of lex.alsoWhen) {
    if (lex.seenIn[k] === scan || longestDigits < CONCEPTS[k]!.alsoWhenDigits!) continue;
    lex.seenIn[k] = scan;
    candidates.push(k);
  }
  const found: ConceptMatch[] = [];
  for (const k of candidates) {
    // Every match holds one of the concept's keys (see `ConceptDef.keys`): none starts after
    // the last. A concept the digits announced is read to the end.
    const bound = CONCEPTS[k]!.alsoWhenDigits === undefined ? lex.lastKeyAt[k]! : Number.POSITIVE_INFINITY;
    matchesInto(found, s, CONCEPTS[k]!, lex.regexByIndex[k]!, bound);
  }
  lastText = s;
  lastMatches = found;
  return found;
}

/** Every match of every concept, without the key pre-filter (tests compare the two). */
function matchesAmong(s: string, concepts: readonly ConceptDef[]): ConceptMatch[] {
  const lex = lexicon();
  const found: ConceptMatch[] = [];
  for (const c of concepts) matchesInto(found, s, c, lex.regexes.get(c)!, Number.POSITIVE_INFINITY);
  return found;
}

/** Adds the concept's matches in order, stopping after the first that ends past `bound`. */
function matchesInto(found: ConceptMatch[], s: string, concept: ConceptDef, re: RegExp, bound: number): void {
  re.lastIndex = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    found.push({ concept, start: m.index, end: m.index + m[0].length });
    if (bound < re.lastIndex) break;
  }
}

/** The concept with this id, if the lexicon has it. */
export function conceptById(id: string): ConceptDef | undefined {
  return lexicon().byId.get(id);
}
