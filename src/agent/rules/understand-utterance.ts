import { saysGoodbye } from '../../call/goodbye-words.js';
import type { Language } from '../../domain/language.js';
import { DEMANDS_REMEDY } from '../../domain/remedy-demanded.js';
import { SOMEONE_SENT_EN } from '../../domain/visit-asked.js';
import { POWER_CHARGE, WHEN_ZH } from '../../knowledge/interface-vocabulary.js';
import type { ActionRequest, Quantity } from '../../permissions/index.js';
import {
  MONEY_BACK_CONCEPTS,
  parseQuantities,
  readActionRequests,
  standardRegionalWords,
} from '../../permissions/index.js';

/** What the built-in agent understood of one customer utterance. */
export interface Understanding {
  language: Language;
  greeting: boolean;
  thanks: boolean;
  /** The line ends with thanks (好的谢谢, that's all, thanks!): not thanks before a new question. */
  endsWithThanks: boolean;
  goodbye: boolean;
  /** The whole utterance only agrees (好的 / 可以 / 行 / ok / sure): an answer to the agent's question. */
  assents: boolean;
  /** The caller's real name when they gave it (我姓王, 我叫刘芳, my name is ...). */
  name?: string;
  /** The caller's family name said on its own (last name's Delgado, my surname is Okafor). */
  surname?: string;
  /** The caller disputes a charge (扣了我15块, why did you charge me). */
  chargeDispute: boolean;
  /** The caller says one thing was charged twice (扣了两次, 重复扣费, charged twice). */
  duplicateCharge: boolean;
  /** The caller talks about a subscription / membership / plan. */
  mentionsSubscription: boolean;
  /** Named services the caller used (大会员, 白金会员, premium). */
  serviceNames: string[];
  /** Asks for billing details. */
  asksBilling: boolean;
  /** A how-to / product question for the knowledge base. */
  question: boolean;
  /** Something went missing / stopped working (会员没了, 权益没到账). */
  somethingMissing: boolean;
  /** The caller's card is lost or stolen (卡好像丢了, my card was stolen; not 盗刷). */
  lostCard: boolean;
  /** Something of the service is late or does not work (还没到, 打不通, 连不上, still waiting, broken). */
  serviceProblem: boolean;
  actions: ActionRequest[];
  /** Actions said as still awaited (退款还没到账): where they are is the question. */
  awaited: string[];
  quantities: Quantity[];
  /** Upset: exclamation, complaints, strong words. */
  upset: boolean;
  /** The caller claims authority or tells the agent to ignore rules. */
  claimsAuthority: boolean;
  /** The verb of a step asked for without its object (那就取消吧 → 取消). */
  bareImperative?: string;
  /** Only asks leave (能改吗, can I …) without an explicit ask: a question when the FAQ answers it. */
  onlyAsksLeave: boolean;
  /** Asks how, when, how long, who …, or says it is only asking: a question, not a request. */
  infoQuestion: boolean;
  /** The caller asks for something to be done (帮我…, 我要…, 给我…, can you …, I want …). */
  asksForAction: boolean;
  /** The caller asks about their own account (我的会员…, my subscription …). */
  aboutOwnAccount: boolean;
}

const THANKS_WORDS = '谢谢|多谢|感谢|thanks|thank you|cheers';
const THANKS = new RegExp(THANKS_WORDS, 'i');
const THANKS_LAST = new RegExp(`(?:${THANKS_WORDS})[^a-z0-9\\u4e00-\\u9fff]*$`, 'i');

/** Late or not working: 还没到, 迟迟不来, 拖这么久, 等了一个多小时, 打不通, 连不上, 坏了, still waiting, broken. */
const SERVICE_PROBLEM =
  /还没(?:到|送到|来|送|发|收到|修好|好)|断网|网(?:断|掉)了|(?:网|信号|线)[^，,。]{0,4}断了|掉线|没(?:有)?网|上不了网|迟迟|拖(?:了)?(?:这么|那么|很|好)?久|太慢|卡顿|一直(?:卡|转圈|缓冲)|\b(?:keeps?|kept) (?:buffering|freezing|crashing|dropping|lagging)|\bbuffering\b|\blagg?ing\b|一直没(?:到|来|送|人|反应|修)|等了(?:很久|好久|半天|一个多?小时|\d+分钟|[一二两三四五六七八九十几]+(?:个多?)?(?:小时|分钟|天))|超时|打不通|联系不上|没人接|不接电话|坏了|故障|连不上|打不开|用不了|不能用|出(?:了)?问题|不好使|\b(?:hasn't|has not|haven't|still not|not yet) (?:arrived|come|shown up|been (?:delivered|fixed))|still waiting|(?:is|was|running) (?:late|delayed)|broken|doesn't work|not working|can't (?:reach|get through|connect)|won't (?:connect|turn on|work)/i;

const GREETING_ONLY =
  /^(?:(?:你好|您好|喂|哈喽|hello|hi|hey|good (?:morning|afternoon|evening))(?:\s*there)?[\s,，.。!！~]*)+(?:(?:我(?:是|姓|叫)[^，,。]{1,8})|(?:(?:this is|i'm|i am|my name is) [a-z][a-z .'-]{0,30}))?[\s,，.。!！~]*$/i;

/** Asked to note it down (你给我记上, 帮我记一下咯, note that down, put me down): said of a name given. */
const NOTE_IT_DOWN =
  /(?:你|您)?(?:给|帮)?(?:我|俺)?(?:记|登记|记录)(?:上|一下|下来|下|住)(?:咯|哈|啊|吧|哦|嘛)?|\b(?:note|write|put|take)\s+(?:that|it|me|my name|this)\s+down\b(?:\s*,?\s*(?:would|will|can|could)\s+(?:you|ya)|\s*,?\s*please|\s+for me)?/gi;

/** A card said lost or stolen (not 盗刷, fraud on a card the caller still has). */
const LOST_CARD =
  /(?:卡|卡片)[^，,。？?]{0,6}(?:丢了|丢失|弄丢|遗失|被偷(?!刷)|被盗(?!刷)|找不到)|(?:丢了|丢失|弄丢|遗失)[^，,。？?]{0,4}卡|\b(?:lost|can't find) (?:my )?(?:credit |debit |bank )?card\b|\bcard (?:was |got |has been |is )?(?:lost|stolen)\b/i;

/** Charged a fee, said as being landed with it: stung with a parking fee, hit me with a $25 charge, 被罚了二十. */
const LANDED_WITH_FEE =
  /\b(?:stung|hit|slapped|landed|stuck|lumbered|whacked)\b[^.?!]{0,30}\b(?:fee|charge|bill|penalty|fine|surcharge)s?\b|被罚(?:了|款)|罚了我/i;

/** 话费咋多了十五块, 这个月账单涨了, my bill went up: a bill higher than the caller expects. */
const BILL_WENT_UP =
  /(?:话费|费用|账单|月租|月费|套餐费|扣费)[^，,。？?]{0,4}(?:多了|变多|涨了|贵了|高了)|多了[^，,。？?]{0,3}(?:\d|[一二三四五六七八九十两百几])+\s*(?:块|元)|\bbill\b[^.?!]{0,20}\b(?:went up|gone up|is higher|higher than|more than usual|doubled|increased)\b/i;

/**
 * Asking what a step would cost, not disputing a charge: 取消要扣钱吗, 要是取消的话扣钱吗, 退订扣费吗,
 * would I be charged if I cancel, do you charge for that (asked without a question mark too: is
 * there a charge for that), how much y'all charge for a clean-up, what do you charge.
 */
const ASKS_WHAT_IT_COSTS =
  /(?:要|会|需要|得|该)(?:不要)?(?:扣|收)(?:钱|费|款|手续费)?[^，,。]{0,4}[吗嘛么？?]|(?:的话|如果|要是|假如|万一)[^。！!]{0,12}(?:扣|收)(?:钱|费|款|手续费)?(?!了)|(?<!了)(?:扣|收)(?:钱|费|款|手续费)[吗嘛么]|\b(?:will|would|do|does|is there|are there)\b[^.?!]{0,20}\b(?:charged?|fee|cost)\b[^.!]*(?:\?|$)|\bif\b[^.?!]{0,30}\b(?:charged?|fee)\b|\bhow much\b[^.?!]{0,20}\bcharge\b|\bwhat (?:do|does|would|will)\s+(?:you|y'all|ya|u|you guys|yous)\s+charge\b/i;

/**
 * One charge taken twice: 扣了两次, 收了我两遍, 扣了我两道 (道 counts times in Sichuan), 重复扣费,
 * 多扣了一笔, double charged, charged me twice.
 */
export const DUPLICATE_CHARGE =
  /(?:扣|收|付|交|划|刷)(?:了|过|走)?(?:我)?(?:两|2|二)(?:次|遍|笔|回|道|趟)|重复(?:扣|收|付|计|支付|交)|多(?:扣|收|付)了?一(?:次|笔|遍)|double[- ]?(?:charged|billed|charge)|\b(?:charged|billed|debited|deducted|took|taken|take|takes|tek|tekkin|came out|went out)\b[^.!?]{0,30}?\b(?:twice|two times?)\b|\btwo (?:identical |same )?(?:charges|payments|debits|top-?ups) (?:of|for)\b|(?:[$£€]\s?\d[\d,.]*|\b[\w-]+\s+(?:pounds?|quid|dollars?|bucks|euros?|rand))\s+(?:twice|two times)\b/i;

/**
 * Agreement and nothing else: 好的 / 嗯，可以 / 行吧 / 行，麻烦了 / 好的知道了 / ok, thanks / sure,
 * go ahead / got it.
 */
const ASSENT =
  /^(?:(?:好的?|好吧|嗯+|可以|行|成|没问题|(?:我)?(?:知道|明白|了解|清楚|懂)了|got it|understood|i see|alright|那就这样|麻烦(?:你|您)?了|ok(?:ay)?|sure|yes|yeah|yep|fine|that's fine|go ahead|please do|sounds good)(?:吧|啊|呀|哈|嘛)?[\s,，.。!！~]*)+(?:谢谢(?:你|您)?|thanks?(?: you)?)?[\s.。!！~]*$/i;

const ZH_STOP_BEFORE_SERVICE = new Set(
  '我的了下问想这个那订阅开通没有是么什你们在用买办和跟与把给被个款该项种就都还又也请帮查说'.split(''),
);
const COMPOUND_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '慕容', '令狐', '司徒', '夏侯'];
/** The commonest Chinese surnames (about nine in ten people carry one of them). */
const COMMON_SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const NOT_NAMES =
  /的|你们|管理|客户|会员|用户|经理|主管|老板|系统|这|那|谁|想|要|不|在|打|问|^[他她它你您我俺咱]|自己|人家/;

/** Reads one customer utterance. Pure; shares the permission engine's quantity and action parsers. */
export function understandUtterance(said: string, language: Language): Understanding {
  // Regional words said the standard way (恁把少的那盒钱退给俺, 给额收, 喊哒你们), one character for
  // one, so offsets stay the caller's.
  const text = standardRegionalWords(said);
  const lower = text.toLowerCase();
  // 给我说说 / 帮我查一下 / tell me: asking to be told or to have something looked up is not
  // asking for an action (the facts are looked up without a permission check).
  // 我叫彭秀兰…你帮我记一下: a name given to be noted asks for nothing but that it is saved.
  const name = extractName(text);
  const askingOf = (t: string) => {
    const told = t
      .replace(TELL_ME, ' ')
      .replace(GRUMBLE, ' ')
      .replace(WARNS_AGAINST, ' ')
      .replace(PASS_IT_UP, ' ');
    return name === undefined ? told : told.replace(NOTE_IT_DOWN, ' ');
  };
  const asking = askingOf(text);
  const bare = BARE_IMPERATIVE.exec(text.trim());
  const zh = language === 'zh';
  const read = readActionRequests(text);
  // 退我九十…到底退哪去了 / 说退了我咋没看着: money said given back, asked where it went, is
  // awaited, not asked for again.
  const wentWhere = WHERE_IT_WENT.test(text)
    ? read.requests.filter((a) => MONEY_BACK_CONCEPTS.has(a.concept))
    : [];
  const awaited = [...new Set([...read.awaited, ...wentWhere.map((a) => a.concept)])];
  // 那我把发票收好 / I'll keep the receipt: what the caller will do themselves asks for nothing;
  // 管家又跑上门来 tells what someone did, and asks for nothing either.
  const own = clausesOf(text).filter((c) => OWN_DOING.test(c.text) || tellsWhatHappened(c.text));
  // 我要提前安排屋头有人: the caller's own clause does not make the line ask for a step.
  const spans = own.some((c) => OWN_DOING.test(c.text))
    ? [...wentWhere, ...own.filter((c) => OWN_DOING.test(c.text))]
    : wentWhere;
  // 那我叫他自己去店里打一份，这样可以吧？: a tag asking leave for the caller's own plan asks
  // nothing of the company once the plan is cut.
  const askedOnly = spans.length === 0 ? asking : askingOf(cut(text, spans)).replace(LEAVE_FOR_THE_PLAN, ' ');
  // 你们店里有没得上门的嘛？/ do you guys offer home visits?: whether a service is offered, asked,
  // and nothing asked of it yet.
  const offeredOnly = OFFERED_ASKED.test(text.trim()) && !EXPLICIT_ASK.test(askedOnly);
  const actions = offeredOnly
    ? []
    : (read.requests.length > 0 ? read.requests : askedOfTopic(text)).filter(
        (a) => !wentWhere.includes(a) && !own.some((c) => a.start < c.end && c.start < a.end),
      );
  const quantities = parseQuantities(text);
  const serviceNames = zh ? extractZhServiceNames(text) : extractEnServiceNames(lower);
  return {
    language,
    // A greeting and nothing more (你好 / hi there): 'Hi, my show keeps buffering' is a problem.
    greeting: GREETING_ONLY.test(text.trim()),
    thanks: THANKS.test(text),
    endsWithThanks: THANKS_LAST.test(text),
    goodbye: saysGoodbye(text),
    assents: ASSENT.test(text.trim()),
    ...(name === undefined ? {} : { name }),
    ...surnameOf(text),
    // 取消要扣钱吗 / 会收费吗 asks what a step would cost, and 怎么收费 how prices go: a question about
    // the rules, not a dispute.
    chargeDispute:
      (/扣(了|费|钱|我|款|的)|(?<!怎么|怎样|如何|咋|咋个)收费(?!标准|吗|嘛)|乱收|多收|被收|收了我|(?:费|钱)[^，,。？?]{0,6}(?:还|又|怎么)?收了|charged?\b|billed|deducted|took \$|taken from|\b(?:had|took|taken|nicked)\b[^.!?]{0,40}?\boff (?:me|my)\b/i.test(
        text.replace(POWER_CHARGE, ' '),
      ) ||
        BILL_WENT_UP.test(text) ||
        LANDED_WITH_FEE.test(text) ||
        WHAT_IS_ON_MY_CARD.test(text)) &&
      !ASKS_WHAT_IT_COSTS.test(text),
    duplicateCharge: DUPLICATE_CHARGE.test(text),
    mentionsSubscription: /会员|订阅|套餐|续费|subscri|membership|premium|plan\b|renew/i.test(text),
    serviceNames,
    asksBilling: /账单|明细|流水|扣款记录|bill|statement|transactions?/i.test(text),
    // 不是说…吗 / 你们不是讲过… / I thought…: a policy quoted back to be confirmed is a question.
    question:
      /不是(?:说|讲|写|规定|承诺)|[说讲]过|\bi thought\b|\bdidn'?t you say\b|怎么|如何|怎样|咋|能不能|可不可以|可以.*吗|多久|多长时间|几天|几点|几台|多少|啥时候|什么时候|哪天|会不会|有没有|是不是|是什么|什么是|吗|[？?]|\bhow\b|\bwhat\b|\bcan i\b|\bdo (?:i|you)\b|\bis there\b|\bwould i\b/i.test(
        text,
      ) || WHEN_ASKED.test(text),
    // 退款还没收到: what was asked for before and has not come is missing too.
    somethingMissing:
      awaited.length > 0 ||
      /没了|不见了|消失|没到账|没有到账|用不了|\bgone\b|disappeared|missing|stopped working/i.test(text),
    serviceProblem: SERVICE_PROBLEM.test(text),
    lostCard: LOST_CARD.test(text),
    actions,
    awaited,
    quantities,
    upset:
      /[！!]|太差|凭什么|什么破|坑人|骗|生气|气死|投诉|离谱|ridiculous|angry|unacceptable|terrible|scam|furious/i.test(
        text.replace(GLAD_EXCLAIMED, ' '),
      ),
    infoQuestion: asksInfo(text),
    asksForAction:
      (EXPLICIT_ASK.test(askedOnly) &&
        !OPENS_AS_INQUIRY.test(text.trim()) &&
        !MEANT_TO_ASK.test(askedOnly) &&
        !JUST_ASKING.test(text) &&
        !onlyPlans(askedOnly) &&
        !asksOnlyAbout(askedOnly)) ||
      (asksLeave(askedOnly) && !asksInfo(text) && !leaveSupposed(askedOnly)) ||
      // 万一碰坏了你们咋赔啊…就是问问: how a wrong would be made good, supposed, asks the policy.
      (DEMANDS_REMEDY.test(asking) && !SUPPOSED.test(text) && !JUST_ASKING.test(text)),
    onlyAsksLeave: asksLeave(asking) && !EXPLICIT_ASK.test(withoutWishForOthers(asking)),
    ...(bare ? { bareImperative: bare[1] } : {}),
    aboutOwnAccount:
      /[我俺](?:的|这个|账户|账号|现在的|开通的)|(?<![到进入打转])[我俺](?:卡|账|户头)(?:里|上)|[我俺](?:订|买|点|办|下|租|付|交|充|寄)(?:了|的)|\bmy (?:subscription|account|plan|membership|bill|premium|order|booking|ride|trip|card|course)/i.test(
        text,
      ),
    claimsAuthority:
      /忽略.*(规则|指令)|我是.*(管理员|经理|主管|老板|领导)|系统管理员|ignore (all |your )?(previous |prior )?(rules|instructions)|i am (an? |the )?(admin|administrator|manager|supervisor)|i'm (an? |the )?(admin|administrator|manager|supervisor)/i.test(
        text,
      ),
  };
}

/**
 * 我想从杭州寄一份合同到北京，大概几天能到？ The caller's own plan to use the service (send,
 * buy, book, bring something in: 我想拿我那张羽绒被去洗; a time may come first: 我想八月份带我囡囡去),
 * asked about: what they ask is how long or how much, not for an action, unless the line asks for
 * one in other words too.
 */
const OWN_PLAN =
  /我(?:想|打算|准备)要?(?:(?:[一二三四五六七八九十\d]{1,2}月份?|下(?:个)?(?:月|周|礼拜|星期)|这(?:个)?(?:月|周|礼拜)|明年|今年|暑假|寒假|周末|明天|后天)(?:初|中|底)?)?(?:从[^，,。？?]{1,8}?)?(?:给[^，,。？?]{1,8}?)?(?:寄|发(?:个|一个)?(?:快递|件|货)|买|订|预约|约|下单|租|(?:拿|带|把)[^，,。？?]{1,8}?(?:去|过去|过来))|\bi(?:'m| am)? (?:want|planning|going|hoping) to (?:send|ship|mail|buy|book|order)\b/i;

function onlyPlans(asking: string): boolean {
  if (OWN_PLAN.test(asking)) return asksInfo(asking) && !EXPLICIT_ASK.test(asking.replace(OWN_PLAN, ' '));
  // The wish (想改短) is what the price is asked of: no other words may ask for anything.
  return (
    ASKS_PRICE.test(asking) &&
    !MONEY_BACK.test(asking) &&
    WANTS_DONE.test(asking) &&
    !EXPLICIT_ASK.test(asking.replace(WANTS_DONE, ' ').replace(/(?:我|俺)?想要?/g, ' '))
  );
}

/**
 * 我自己有条半截裙想改短啲，要几多钱啊？ The caller wants something done and asks what it costs:
 * the price of the service first, not the service ordered (not 我想退款，退多少钱: money back).
 */
const WANTS_DONE = /[我俺][^，,。？?]{0,12}?(?:想|打算|准备)|\bi(?:'d| would)? (?:like|want) to\b/i;
/** What would ye charge me to do that: a price asked in other words (in ASKS_PRICE and INFO_QUESTION). */
const CHARGE_ASKED_EN = String.raw`\bwhat (?:would|do|will|does|did) (?:ye|you|yous|youse|ya|y'all|they|it) charge\b`;

/**
 * Asking what something costs (得花多少钱, how much is premium, 贵不贵, 几钱, 几多钱, 啥价; not how
 * much longer): the knowledge answer's price questions, and a wish whose price is asked first.
 */
export const ASKS_PRICE = new RegExp(
  `${CHARGE_ASKED_EN}|${/多少钱|几多钱|几(?:个)?钱|(?:啥|什么|咩)价|花多少|要多少|收多少|(?:交|缴|付)多少|价格|价钱|贵不贵|怎么收费|收费吗|\bhow much\b(?!\s+(?:longer|more time|later|sooner|earlier)\b)|\bwhat (?:does|do|would|will|did)\b[^.?!]{0,30}?\bcost\b|\bcost (?:me |us )?(?:anything|extra|money)\b|\bcheapest\b|\bprices?\b/.source}`,
  'i',
);
const MONEY_BACK = /退|赔|补偿|返还|\b(?:refund|compensat\w*|money back)\b/i;

/**
 * Asking leave for something is asking for it: 能改吗, 可以退吗, 行不行, can I change it, is it
 * possible to … . Questions about how, when, how long or who (INFO_QUESTION) are questions.
 */
export function asksLeave(text: string): boolean {
  // 能约这个礼拜六上午吗？还有啊…: a sentence asking leave, wherever it stands in the line; 能干活不？
  // and 好弄伐？ ask it as 吗 does.
  // Can I go up on it, can we still use it: whether the caller may use the thing themselves is a
  // question of safety, leave for no step of the company's.
  // 改礼拜天下午行吗？侬再发我一遍好伐？改到八月二号，要得啵？: a step, then whether it will do
  // (not 服务好吗, whether something is good).
  return /(?:能|可以|可不可以|能不能|行不行|可否)[^，,。？?]{0,8}[吗嘛]?\s*[？?]?\s*$|[^，,。？?\s不](?:行吗|行不|行伐|成吗|成不|中不中|中吗|要得啵|要得不|要得吗)\s*[？?]|(?:一遍|一下|一次|一趟|给我|帮我)(?:好吗|好伐|好不好)\s*[？?]|(?:^|[，,])\s*(?:行吗|好吗|好伐|成吗|要得啵|要得不|要得吗)\s*[？?]|(?:能|可以|可否)(?!问|说|咨询|打扰|请教)[^，,。？?]{0,8}[吗嘛不伐]\s*[？?，,]|行不行|能不能|可不可以|\b(?:can|could|may) (?:i|we)\b(?! (?:still |safely |just )?(?:go (?!ahead)|use|ride|sit|climb|get (?:on|up|off|in|out)\b|drive|eat|drink|wear|swim|walk|shower|bathe|plug|keep using))|\bis it possible\b/i.test(
    text,
  );
}

/** A tag asking leave for what was just said: 这样可以吧, 这样行吗, 可以不. */
const LEAVE_FOR_THE_PLAN =
  /(?:^|[，,。？?！!])\s*(?:这样|那样)?(?:可以|行|好|中|成)(?:吧|吗|嘛|不|伐|么)?\s*[？?]?\s*$/;

/** Who of the caller's own household may act for them (老伴, 闺女, 姑娘, 个仔). */
const KIN_ZH =
  '家|老公|老婆|老伴|爱人|媳妇|对象|妈|爸|儿子|女儿|闺女|姑娘|孙子|孙女|外孙|孩子|父母|个仔|个女|老豆|老母|侄儿|侄子|侄女|外甥|儿媳|女婿|哥|姐|弟|妹';

/**
 * The caller saying what they will do themselves (我把发票收好, 我自己来弄, 我到店里去改, I'll keep the
 * receipt, I'll do it at the Bo yard),
 * or what they keep already (票据我都留着的, 单子我都留到的, I've kept the receipts), or what they
 * will have their own family do (我回头让我姑娘给我续上), or someone do for themselves (我叫他自己去).
 */
const OWN_DOING = new RegExp(
  String.raw`(?:^|[我俺])(?:回头|等下|等会儿?|晚点|过两天|到时候|改天|明天)?(?:让|叫|喊)(?:[我俺](?:${KIN_ZH})|(?:他|她)(?:自己|本人|亲自))|` +
    /我(?:要|得|好|也好|会|才好)?(?:提前|事先)(?:安排|准备|请假|腾|空出|收拾|留人|叫人|喊人|约|打招呼)|我(?:都|也|已经|早就|一直)?(?:留|存|收|保存|保留|放)(?:着|到|好)(?:的|了|在|呢)|\bi(?:'ve| have)? (?:kept|saved|still got|still have) (?:the|all the|my|every)\b|我(?:自己)?(?:就|再|先|会|去)?把[^，,。？?]{0,10}?(?:收好|存好|留好|保存好|放好|拿好|留着|收着|保管好|收起来)|我(?:这边|自己)?(?:已经|早就|都)(?:先)?把[^，,。？?]{0,10}?(?:退|还|给|转|付|赔)(?:给他|给她|回去)?了|我自己(?:来|弄|办|去|处理|找|联系|跟|解决)|我(?:自己|明天|回头|改天|到时候|再)?(?:到|去)(?:店里|门店|营业厅|柜台|网点|窗口|[\u4e00-\u9fff]{1,4}?店)(?:里)?(?:去)?(?:改|办|弄|换|处理|交|缴|补|签|领|拿|取)|\bi(?:'ll| will|'m going to| am going to) (?:just )?(?:do|sort|change|handle|fix|pay|collect|pick)\b[^.!?]{0,30}?\b(?:at|in) the (?:[a-z]+ )?(?:yard|shop|store|branch|office|counter|depot)\b|我(?:怕是|可能|好像|估计|也)?(?:找不到|找不着|寻不到|弄丢|搞丢)了|\bi (?:can't|cannot|couldn't) find\b|\b(?:i|and) (?:didn't|did not|never|haven't|have not) (?:even )?(?:look(?:ed)? at|check(?:ed)?|read|open(?:ed)?)\b|\bi(?:'ll| will)? (?:keep|hold on to|hang on to|save|file) (?:the|my|that|this)\b|\bi'll (?:do|sort|handle) (?:it|that) myself\b|\bi(?:'ll| will|'m going to| am going to) (?:just )?(?:book|do|sort|arrange|pay|order|renew|cancel|change|update|check|look|see|find|read)\b[^.!?]{0,30}?\b(?:online|myself|(?:on|in|through|via) the (?:app|portal|website|site))\b|\bi'll (?:deal with|sort it out with|take it up with|go after) (?:him|her|them) myself\b/
      .source,
  'i',
);

/**
 * A visit that happened, told (今天你们那个管家又跑上门来, 师傅昨天已经来过了, they came round again
 * this morning): a day, 又, 已经 or 刚 before someone coming, and no asking in the clause.
 */
const TOLD_VISIT =
  /(?:又|已经|刚才?|刚刚|昨天|今天|前天|上午|下午|早上|晚上|上次|上回)[^，,。？?！!]{0,8}?(?:跑|来|上门|过来|找上门|上来)(?:了|过|的)?|来过(?:了|一趟|两趟|几趟)?|\b(?:came|showed up|turned up|dropped by|came round|came over)\b(?! to)/i;
/** Said as done: 又, 已经, 刚, 了, 过 (今天下午来修 plans a visit; 又没来 says one did not happen). */
const DONE = /又|已经|刚|了|过|\b(?:came|showed|turned|dropped)\b/i;
const ASKS_IN_CLAUSE =
  /没|不来|未|让|一下|帮|给我|派|叫|请|能不能|能否|可以|可不可以|赶紧|赶快|快点|马上|尽快|吧|嘛|吗|伐|[？?]|\b(?:can|could|would|please|send)\b/i;

/** True when a clause tells of a visit that happened and asks for nothing (TOLD_VISIT). */
export function tellsWhatHappened(clause: string): boolean {
  return TOLD_VISIT.test(clause) && DONE.test(clause) && !ASKS_IN_CLAUSE.test(clause);
}

/**
 * 我是帮我孙女儿问的哈——不对不对，琴是我租的 / same 6:15 bus - no wait, sorry, her new landing time
 * is 10:05: a caller correcting themselves takes back the clause just said. Marked by doubled or
 * exclaimed words of correction only: 账单不对 says the bill is wrong, and takes back nothing.
 */
const RETRACTED =
  /[^，,。.!！？?;；\n]*?[\s—–-]*(?:(?:啊|哦|噢|呃)?不对不对|(?:啊|哦|噢|呃)不对|不是不是|(?:我)?(?:说|讲)错了|\bno,? wait\b)[，,。.!！\s—–-]*/gi;

/** The text without what the caller took back as soon as they said it (RETRACTED). */
export function withoutRetracted(text: string): string {
  return text.replace(RETRACTED, (taken) => (/[a-z]/i.test(taken) ? ' ' : ''));
}

/**
 * 那个单子要不先给我取消了……哎算了算了，先不取消了 / can you cancel it - actually no, don't cancel
 * it: a step the caller asks for and calls off in the same breath, by its own verb. Both are
 * dropped, with what lies between (the hesitation); what follows is heard.
 */
const CALLED_OFF_AGAIN =
  /^\s*(?:(?:哎|唉|诶|啊|嗯)?算了算?了?\s*)?(?:那?(?:就|还是)?先|还是)?(?:不|别)(?:给我|帮我)?([\u4e00-\u9fff]{1,2})(?:们)?了\s*$|\b(?:actually,? )?(?:no,? )?don['’]?t ([a-z]+) (?:it|that|them)(?: after all)?\s*$/i;

/** The text without a step asked for and called off again within it (CALLED_OFF_AGAIN). */
export function withoutCalledOffAgain(text: string): string {
  const clauses = clausesOf(text);
  for (let k = clauses.length - 1; k > 0; k--) {
    const m = CALLED_OFF_AGAIN.exec(clauses[k]!.text);
    const verb = m?.[1] ?? m?.[2];
    if (verb === undefined) continue;
    const english = m?.[2] !== undefined;
    const asked = english ? new RegExp(`\\b${verb}\\b`, 'i') : undefined;
    for (let j = k - 1; j >= Math.max(0, k - 3); j--) {
      const said = clauses[j]!.text;
      if (!(asked ? asked.test(said) : said.includes(verb))) continue;
      const end = clauses[k + 1]?.start ?? clauses[k]!.end;
      return `${text.slice(0, clauses[j]!.start)}${text.slice(end)}`.replace(/[，,\s]+$/, '').trim();
    }
  }
  return text;
}

/**
 * A line asking only whether something is offered: 有没有/有没得 … 的 or 服务 ending the question, do
 * you (guys) do/offer …?
 */
const OFFERED_ASKED =
  /^[^。！!？?]*?(?:有没有|有没得|有冇)[^，,。！!？?]{0,10}?(?:的|服务)(?:嘛|吗|呢|啊)?[？?]?$|^[^.!?]*?\bdo you (?:guys |folks )?(?:do|offer|provide)\b[^.!?]*\?$/i;

/** The text without the clauses saying what the caller did or will do themselves (OWN_DOING). */
export function withoutOwnDoing(text: string): string {
  let out = text;
  for (const c of clausesOf(text).reverse())
    if (OWN_DOING.test(c.text)) out = `${out.slice(0, c.start)}${out.slice(c.end)}`;
  return out.replace(/[，,]\s*$/, '').trim();
}

/**
 * After 给我, a relative or one's household makes it "for" (给我家猫咪买了, 留着给我老公充), not
 * asking to be given something.
 */
export const FOR_KIN = `(?!${KIN_ZH})`;

/**
 * 你们叫个师傅来修修好伐？/ 您派个人过来看看行吗 / 你们明天来弄一下可以不: a step the company is
 * asked to take, softened by a tag (好伐, 好吗, 行吗, 可以吗, 成不) at the clause's end, is asked
 * for as 帮我 asks (你们服务好吗 names no step; 你们修好了吗 asks whether it is done).
 */
const POLITE_TAG_ASK = String.raw`(?:你们|您|你|侬)(?!们?(?:那边|这边)?(?:是|有|在|会|说|讲))[^，,。？?！!]{0,8}?(?:叫|派|来|去|修|弄|帮|安排|处理|换|办|送|寄|上门|过来|看看|瞧瞧|查查|补)[^，,。？?！!了过]{0,8}?(?:好|行|成|可以|中)(?:伐|吗|嘛|么|不|不好|不行|哇)(?:啊|呀|哦|噢)?\s*(?=[？?，,。！!]|$)`;

/** take it off, knock that off: a charge asked off the bill, in English. */
export const TAKE_IT_OFF = String.raw`\b(?:take|knock|get)\s+(?:it|that|this|them|those)\s+off\b`;

/**
 * Words that ask for something to be done (帮我…, 给我…, 我要…, can you …, I want …); 把…退了 at the
 * line's end, or with urging after it (把我那个押金退了，就现在，马上).
 */
// 你们赶紧派个师傅过来, 马上安排人: a step urged on the company asks for it (我马上过来 is the caller's).
const EXPLICIT_ASK = new RegExp(
  // Yeah, cancel the old one; do that then - put a new one in: a word of assent or a pause before
  // the verb still leaves it a sentence's first. Just move it to Tuesday: a booking moved, asked
  // (just do the forty, after calling off a supervisor, is read with the withdrawal).
  String.raw`(?:^|[.!?。！？]\s*)(?:(?:yeah|yes|yep|ok|okay|right|alright|sure|fine|grand|beauty|sweet|go on|actually|so|then|do that(?: then)?|do it(?: then)?)\s*[,!\-–—]\s*)*(?:(?:so|and|then|now|ok|okay)\s+(?:just\s+)?|just\s+(?=(?:move|reschedule|rebook|postpone|push|shift|book)\b))?(?:please\s+|kindly\s+)?(?:kick|sign|log|cancel|refund|reset|change|freeze|pause|stop|block|remove|delete|close|turn|give(?! me a (?:minute|sec|second|moment|mo)\b)|send|add|extend|upgrade|downgrade|switch|unlock|waive|book|rebook|reschedule|move|postpone|email|resend|reverse|put|make it|set me up|order|top (?:me|it) up|open|lower|reduce|raise|increase|drop|do (?:the|a|an|me|my)\b)\b|` +
    // Kindly do the needful: Indian English for "please do what it takes". Make una add am: the
    // Pidgin "you (all) do it", asked (not make una no vex, make una dey wait: be patient).
    String.raw`\bdo the needful\b|\b(?:make|mek)\s+(?:una|unu)\s+(?!(?:no|dey|know|hear|understand)\b)[a-z]+|` +
    // Let's push it to next week; get somebody out to me Saturday; book someone to come and look;
    // email me the report: a visit or a copy asked for in the words of a busy caller.
    // Let's do the extension then, let's go with the rebook: an offer taken up by naming it.
    // I reckon I should have next year's plan for free, we ought to get our money back: what the
    // caller is owed, claimed (not "I should have checked": a regret).
    String.raw`\b(?:i|we) (?:should|ought to|deserve to) (?:get|be (?:given|getting|refunded|compensated|credited)|have (?!(?:been|known|done|gone|seen|had|got|gotten|called|checked|asked|read|told|said|thought|kept|paid|taken|made|left|bought|[a-z]+ed)\b))|\b(?:i|we) deserve (?:a|an|my|our|some|something|the|to)\b|` +
    // Can your van pick them up Monday, can they come tomorrow morning instead: the company's
    // people asked to come or collect.
    String.raw`\b(?:can|could|would|will)\s+(?:your\s+[\w'-]+|the\s+(?:van|driver|courier|rider|truck|team|guys?|lads?|crew|technician|engineer)|they|someone|somebody)\s+(?:(?:come\s+(?:and\s+|to\s+)?)?(?:pick|collect|fetch)\b|come\b(?!\s+back)(?=[^.?!]{0,12}?\b(?:today|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|this (?:morning|afternoon|evening)|next week)\b))|` +
    String.raw`\blet'?s (?:just )?(?:push|move|shift|book|reschedule|rebook|postpone|change|cancel)\b|\blet'?s (?:just )?(?:do|go (?:with|for|ahead with)|take) (?:the|that|this|a|an)\b|\b${SOMEONE_SENT_EN}|\bbook (?:someone|somebody|a (?:tech|technician|visit|slot|time|appointment))\b|\be-?mail (?:me|us)\b|` +
    // 那就改到下个礼拜三早上九点: a decision taken, what it moves or books to, asked.
    String.raw`(?:^|[，,。！？?!.\s])(?:那就|那|就)(?:帮我|给我)?(?:改|换|挪|推|调|约|订|预约)(?=到|成|在)|` +
    // 电话里能给续上吗 (northern speech): whether the company will do it for the caller, asked.
    String.raw`(?:能|可以)(?:不能|不可以)?(?:给|帮)(?:续|办|退|挂|补|约|订|改)|` +
    // 我外孙又不在家帮我弄手机 / 我闺女帮我弄的: someone of the caller's helps them, no one asks.
    // 我是帮我姆妈订的: whom the caller acts for, told.
    String.raw`(?<!(?:孙子?|孙女|儿子|女儿|闺女|老公|老婆|爱人|媳妇|朋友|同事|邻居|孩子|[他她])[^，,。？?]{0,6})(?<![我俺]是)帮我|帮忙|` +
    // 说是镜片给我重做 / 到现在也没人给我打电话: what was promised, or never done, told, not asked;
    // 咋还给我整出来个滞纳金: how come it was done, asked in complaint.
    // 银行卡又给我扣了, 你们还给我算上违约金了: done again or besides, told in complaint (not 把钱还给我).
    // 娃在旁边给我们加油: cheering the caller on, nothing asked. 有一个礼盒要寄给我: what is on its
    // way to the caller, told (not 寄给我一份).
    // 叫她在手机上给我弄上: someone the caller has do it for them, told.
    String.raw`(?<!(?:说是|说要|说好|讲好|答应|说会|没人|没有人|没得人|冇人|也没|都没|还没|(?:咋|怎么|为啥|为什么)(?:还|又|就|都)|(?:叫|让|喊)(?:他|她))[^，,。？?]{0,6})(?<!又|竟然|居然|已经)(?!(?<=还)给我[\u4e00-\u9fff]{1,2}?[了上])(?!给我们?(?:加油|鼓劲|打气|助威))(?!(?<=有[^，,。？?]{0,12}?(?:要|会)[寄发送邮]|(?:已经?|正在)[寄发送邮])给我(?:的|了|过来)?(?:[，,。？?！!]|$))给我` +
    // 儿子从深圳给我寄了一箱东西: sent to me, told, not asked.
    // 我闺女在小程序上给我弄了个体检: someone did it for the caller, told.
    '(?![寄发送买打充转汇带捎邮弄办订约报交续开](?:了|过|的))' +
    FOR_KIN +
    // 那我让我闺女给我看看: the caller's own kin, told to help, asks the company nothing.
    // 医生让我去拍个片: someone had the caller go; no asking.
    '|给(?:个|点|些)|(?<![我俺])让我(?!去)' +
    FOR_KIN +
    // 侬拉重新送一束来, 再做一个: the thing made or sent once more, asked for.
    '|(?:重新|再)(?:给我|帮我|给俺)?(?:送|寄|发|做|补)(?:一|1)[束份个件张台盒箱套](?![^，,。？?]{0,6}?(?:了|过))' +
    // 我要上班的呀: what the caller has to do themselves, not asked of anyone; 我要是 supposes (if I).
    // 那我要留些啥子？我要准备啥材料？: what the caller must keep or bring, asked.
    // 明天我要去鼓楼医院复查: where the caller has to be.
    '|我要(?!是|上班|下班|加班|工作|出差|出门|睡觉|开会|上课|带娃|带孩子|照顾|赶车|赶飞机|(?:留|准备|带|提供|拿|拍|保存|保留|交)[^，,。？?]{0,4}?(?:什么|啥|哪些)|陪|去[^，,。？?]{0,6}?(?:医院|看病|复查|检查|住院|体检|上课|上学|上班|开会|出差))|' +
    // 地址要改一下, 时间得调一下: the thing, then that it needs changing, asked of the company.
    '(?<![我你他她俺咱不没])(?:要|得|需要)(?:改|换|修改|更改|变更|调|调整)(?:一下|下|一哈)|' +
    POLITE_TAG_ASK +
    // 打个八折, 就不能便宜点啰: a price cut asked for, plainly or as a reproach.
    String.raw`|打个?(?:[一二三四五六七八九]|\d(?:\.\d)?)折|(?:就|都|还)不能[^，,。？?]{0,4}?(?:便宜|少收|打折|优惠|免)` +
    // Yuh can shift it to Friday?: an ask said as a statement with a rising voice (Caribbean,
    // Indian, Nigerian English), after the usual can you, would you.
    // You could send it over: asked (not as far as you could see, a way of speaking).
    String.raw`|我想要?(?!问|了解|知道|咨询|请教|确认一下|了|过|通|起|着)|想要?(?!办法)(?=[退换改办开关停取注申投补修恢冻续升降转])|(?:送|补|退|赔|加|免|减|延|还)我|(?<![不用别真太好])麻烦(?!(?:你|您)们?(?:了|啦|咯|喽|咧|嘞|哈|啊|呀|哦)(?![帮给把查看]))(?=你|您|帮|给|把|下|一下|问|查|看)|能不能|能否|可不可以|可以帮|请你?(?:帮|给|把)|(?<![我俺咱])(?:赶紧|赶快|快点儿?|尽快|马上|立刻)(?:给|帮|派|来|过来|安排|处理|上门)|\b(?:can|could|would) (?:you|u|yuh|yous|youse|ye|ya|y'all|you guys|you lot)\b|\b(?:you|yuh|u|yous|youse|ye|ya) (?:can|could) (?:just )?(?:shift|move|change|cancel|book|put|send|fix|sort|refund|give|make|do|swap|bump)\b[^.!?]{0,40}\?|(?<!\bas (?:far|much|long|soon|well|best|fast|hard|quick|good) as )\byou could\b|\bthe least you (?:guys |people )?(?:can|could) do\b|\b(?:somebody|someone|you guys|you people|yous|youse|you lot) (?:needs? (?:to|fi)|has to|have to|should)\b|\b(?:you|yous|youse|you guys|you lot|your (?:shop|lads|guys|people|engineers?)) (?:should|ought to|oughta|need to|have to|gotta|must) (?:cover|pay|replace|refund|fix|sort|repair|give|redo)\b|\b(?:gimme|give me)\b(?! a (?:minute|sec|second|moment|mo)\b)(?= (?:my|the|a|an|some|\d|£|\$|€|back|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\b))|\bbook me (?:in|back in|a)\b|\bneeds? to be looked into\b|\bi (?:expect|deserve)\b|起码得|至少得|总得给|\bis there (?:any )?way\b|\bany chance\b|\b(?:can|could|will|would) (?:[^\s.,!?]+ ){1,2}(?:pay|refund|reimburse|compensate|cover) (?:me|us)\b|\b(?:i (?:want|need|would like|wanna)|i'd like|i’d like|id like)\b(?! to (?:know|ask|check|understand|find out|hear)\b)|\b(?:the|our) (?:church|mosque|school|company|office|firm|business|organi[sz]ation|committee|family) (?:wants|needs|would like|expects)\b(?! to (?:know|ask|check|understand|find out|hear)\b)|\bplease\b|${TAKE_IT_OFF}|把[^，,。？?]{1,12}?(?:取消|退|换|改|关|停|注销|删|冻结|恢复|续|升级|降级|转)[^，,。？?]{0,3}?(?:了|掉|吧)\s*[。.!！]?$|(?<![我俺咱已经都])把[^，,。？?]{1,12}?(?:取消|退|换|改|关|停|注销|删|冻结|恢复|续|升级|降级|转)[^，,。？?]{0,3}?(?:了|掉|吧)[，,。.!！\s]+(?:就|立刻|马上|现在|赶紧|快点)`,
  'i',
);

/**
 * 我想问, 请问, 喂你好，我想咨询一下: a line opened as an inquiry asks what can be done, not for it
 * (能不能固定礼拜五送到公司 is asked about). After a greeting only 咨询 and 打听 say so: 你好，我想问下…
 * 能不能宽限十来天 asks, politely.
 */
const OPENS_AS_INQUIRY =
  /^(?:我想问|想问|请问)|^(?:(?:喂|哎|诶|嗯)?[,，。.!！\s]*(?:你好|您好)?(?:呀|啊)?[,，。.!！\s]*)(?:我想咨询|想咨询|咨询一下|我想打听|想打听)/;

/**
 * 我本来还想让你再给我催催…算了算了，不用了: what the caller had meant to ask, called off in the
 * same line, asks for nothing.
 */
const MEANT_TO_ASK =
  /(?:本来|原本|原来)(?:还|是)?(?:想|打算|准备)[\s\S]*(?:算了|不用了|不必了|没必要)|\bi was (?:going|gonna) to ask\b[\s\S]*\b(?:never ?mind|forget it|doesn't matter)\b/i;

/** 那就取消吧 / 关了吧 / 退了吧: a step asked for without saying of what (the verb is group 1). */
const BARE_IMPERATIVE =
  /^(?:(?:好的?|行|嗯|算了)[，,\s]*)?(?:那就|那|就|要不)?(取消|退|关|停|注销|删)(?:了|掉)?(?:吧|了)\s*[。.!！]?$/;

/** A clause that asks for a step and names nothing it is done to: 帮我关了呗, 给我停掉吧, 取消了吧. */
const BARE_ASK =
  /^\s*(?:那?就|你|你们)?(?:帮我|给我|麻烦你?)?(?:把它|把这个|把那个)?(?:关|关掉|取消|停|停掉|退|退掉|注销|删|删掉|恢复|开|开通)(?:了|掉|一下)?(?:吧|呗|啊|呀|嘛)?\s*$/;

/**
 * 还有那个连续包月，月月自动扣钱，帮我关了吧: a step asked for in a clause of its own, done to
 * what an earlier clause of the line named (its topic). The step is read with each earlier clause,
 * nearest first, and taken when the two read as a request together; none when no pair does.
 */
function askedOfTopic(text: string): ActionRequest[] {
  const clauses = clausesOf(text);
  for (let i = clauses.length - 1; i > 0; i--) {
    const bare = clauses[i]!;
    if (!BARE_ASK.test(bare.text)) continue;
    for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
      // Read as one clause: the lexicon joins a step to its object within a clause only.
      const joined = `${clauses[j]!.text}${bare.text}`;
      const found = readActionRequests(joined).requests;
      if (found.length === 1) return [{ ...found[0]!, text: joined, start: bare.start, end: bare.end }];
    }
  }
  return [];
}

/** Asking to be told or to have something looked up: 给我说说, 帮我查一下, tell me, check my … */
const TELL_ME =
  /(?:帮我|给我|跟我|麻烦你?)(?:说说|说一下|讲讲|讲一下|解释一下|看看|看一下|看下|看一哈|瞅瞅|瞅一眼|瞅一下|瞧瞧|瞧一眼|查查|查一查|查一下|查一哈|查下|查询一下|确认一下|念一下|念念|念一念|读一下|读读|看一看|瞅一瞅|算算|算一下|算一算|算下|查(?=\s*(?:$|[，,。！!？?])))|给我(?:一)?个?(?:准|确切的?|具体的?)?(?:日子|日期|时间|准话|答复|回话)|(?:处理完|办完|办好|弄好|有结果|有消息|有进展)了?(?:以后|之后)?(?:给我|跟我)(?:回个?话|回个?电话|说一声|讲一声|打个电话)|记得(?:要)?(?:给我|跟我)?(?:打(?:个)?(?:电话)?(?:给我)?|回(?:个)?(?:话|电话)|通知我|告诉我|说一声|讲一声)|\b(?:can|could|would) you (?:(?:at least|just|please|maybe|even) )?(?:tell me|check|look(?: it)? up|explain|confirm|go through|go over|walk me through|break (?:it )?down|see (?:when|if|whether|what|who|how)|find out (?:when|if|whether|what)|look (?:it |that )?(?:up )?for (?:me|us)|check (?:it |that )?for (?:me|us)|have a look)\b|\btell me\b|(?:\b(?:can|could|would) you (?:please |just )?)?\bread (?:it |that |them |those )?(?:out )?(?:to me|for me|back to me)\b|(?:\b(?:can|could|would) you (?:please |just )?)?\bread me (?:the|what|who|it)\b/gi;

/**
 * 那你帮我报上去好了 / go ahead and put it to your supervisor: the caller agrees that the request
 * already taken goes up, and asks nothing new (its ticket is open).
 */
const PASS_IT_UP =
  /(?:那|就)?(?:你|您)?(?:就|帮我|给我)?(?:报上去|报给(?:你们)?(?:主管|领导|上面)|交给(?:你们)?主管|提交上去)(?:吧|好了|嘛|呗|就行|就好)?|\b(?:go ahead and |just )?(?:ask|put it to|pass it (?:up )?to|run it by) (?:your|the) (?:supervisor|manager|boss)\b/gi;

/**
 * 你帮我查查她约的几点 / can you check when: the caller asks to be told something and for no step.
 */
export function asksOnlyToBeTold(text: string, language: Language): boolean {
  return text.search(TELL_ME) >= 0 && !understandUtterance(text, language).asksForAction;
}

/**
 * 给个手机号都不行，真麻烦: a clause grumbling that something was not allowed says so; it asks for
 * nothing again (给个手机号都不行吗？ still asks).
 */
const GRUMBLE = /[^，,。.!！？?]{0,12}?(?:都|也)不(?:行|给|能|让|可以)(?:啊|呀)?(?=[，,。.!！]|$)/g;

/**
 * 莫到时候又给我整个几十块出来 / 别又给我乱扣 / don't go charging me again: a clause warning against
 * what the caller fears asks for nothing (别忘了给我退 still asks: 忘 is what is warned against).
 */
const WARNS_AGAINST =
  /(?:^|(?<=[，,。.!！？?\s]))(?:莫|别|不要|可别|千万别|你们?别|你们?莫|你们?不要)(?!忘)[^，,。.!！？?]*/g;

/**
 * 周末能干活不？我想让师傅周六周日也赶赶工: what the caller wants someone of their own to do says
 * why they ask leave; it asks the company for nothing (我想让你们… still asks).
 */
const WISH_FOR_OTHERS = /我(?:想|打算|准备|是想)让(?!你|您)[^，,。？?！!]*/g;

/** The text without what the caller wants someone of their own to do (WISH_FOR_OTHERS). */
export function withoutWishForOthers(text: string): string {
  return text.replace(WISH_FOR_OTHERS, ' ');
}

/**
 * Where money given back went, or when it comes: 退哪去了, 退到哪了, 钱去哪了, 说退了我咋没看着,
 * 钱什么时候退得到我微信里, 退款申请弄好没, where did the refund go, I never got it.
 */
const WHERE_IT_WENT =
  /退(?:到|去)?哪(?:儿|里)?(?:去)?了|退到哪|(?:什么时候|啥时候|多久|几时|哪天)(?:能|才|可以)?退(?:得到|得回|到账|回来|到我)|退(?:款|钱)?(?:申请)?[^，,。？?]{0,8}(?:弄好|办好|好|批|审|处理)(?:了)?没|(?:钱|款)[^，,。？?]{0,4}(?:去|到)哪|(?:咋|怎么|都|也|还)?没(?:看着|看到|看见|见着|见到)|\bwhere (?:did|has|is|'s) (?:the|my|that) (?:refund|money)\b|\bwhere did (?:it|the money) go\b|\bnever (?:got|received|saw) (?:it|the refund|the money)\b/i;

/** The text with the requests' words blanked (of the same length). */
function cut(text: string, requests: ReadonlyArray<{ start: number; end: number }>): string {
  let out = text;
  for (const r of requests) out = `${out.slice(0, r.start)}${' '.repeat(r.end - r.start)}${out.slice(r.end)}`;
  return out;
}

/** A wrong supposed, not told (万一, 要是, 假如, 如果…的话, what if, in case): it has not happened. */
export const SUPPOSED =
  /万一|要是|假如|假设|如果|的话|\bwhat if\b|\bin case\b|\bsuppose\b|\bhypothetically\b/i;

/**
 * 售后几天能给我回个电话？/ when can you call me back? Every clause that asks for something asks when,
 * how or how much of it: the line asks about a step, not for it.
 */
function asksOnlyAbout(text: string): boolean {
  const asking = asksIn(text, EXPLICIT_ASK);
  return (
    asking.length > 0 &&
    asking.every(
      (c) =>
        asksWhenOfIt(c.clause, c.ask) ||
        supposesIt(c.clause, c.ask) ||
        (LEAVE_WORD.test(c.clause.slice(c.ask, c.ask + 4)) && leaveInSupposition(c)) ||
        // 给我留多长时间？: how long a step lasts, asked of it.
        (c.askedZh && HOW_LONG.test(c.clause.slice(c.ask))) ||
        // 这个月能开多少？充五千送多少？: how much a step comes to, asked of it.
        (c.askedZh && HOW_MUCH.test(c.clause.slice(c.ask))) ||
        // 通行费我要开发票回公司报销，是要怎样开: what the caller wants, then how to go about it;
        // 那我要怎么给你们: how the caller is to go about it, asked outright (not 我要咋个办, what
        // they are to do now, which asks for help).
        (WANTS.test(c.clause.slice(c.ask)) &&
          (HOW_TO_GO_ABOUT.test(c.after) ||
            (HOW_TO_GO_ABOUT.test(c.clause.slice(c.ask).replace(WANTS, '')) &&
              !WHAT_TO_DO.test(c.clause)))) ||
        // 那要是不存，直接帮我送到酒店咧？要是复检是真的，三百块退给我伐？: a case supposed and asked
        // about in Chinese, not asked for (in English "if we do that, could you refund us?" asks).
        (c.askedZh &&
          supposesIt(c.before + c.clause, c.before.length + c.ask) &&
          !IF_ALLOWED.test(c.before)) ||
        // 是你们开给我，还是我自己去弄: which of two ways, asked.
        (/^\s*是/.test(c.clause) && /还是/.test(c.after)) ||
        // If I wanted you to stop coming for February, you'd just do that, would you?: a wish of
        // the caller's supposed, and what would happen asked (not "if we do that, refund us").
        WISH_SUPPOSED.test(c.before + c.clause),
    )
  );
}
/** A wish the caller supposes (if I wanted you to, if we decided to, 要是我想): not asked. */
export const WISH_SUPPOSED =
  /\bif\s+(?:i|we)\s+(?:ever\s+)?(?:wanted|were to|was to|decided|chose)\b|(?:要是|如果|假如)(?:我|我们)(?:想|打算|决定)/i;

/** How long, asked (多长时间, 多久; not 缓几天, a few days): the length of a step, not the step. */
const HOW_LONG = /多长时间|多久|多少天/;
/** How much, the clause's last words (能开多少？送多少呢): an amount asked, not a sum asked for. */
const HOW_MUCH = /^[^，,。；;]{0,5}?多少(?:钱)?(?:呢|啊|呀|哈|嘛)?(?:[？?]|$)/;
/** What am I to do (我要咋个办, 我该怎么办): a plea for help, not a question how. */
const WHAT_TO_DO = /(?:怎么|怎样|咋个?|如何)(?:个)?办/;
/** What the caller says they want (我要开发票): a wish, which a question how may follow. */
const WANTS = /^(?:我要|我想要|我得)/;
/** How to go about it, asked right after: 是要怎样开, 要去哪里弄, 怎么办理. */
const HOW_TO_GO_ABOUT =
  /^[，,\s]*(?:那|请问|是|就)?(?:要|该|得|应该|需要)?(?:怎样|怎么|咋|如何|去哪(?:里|儿)?|在哪(?:里|儿)?|找谁)/;

/** Leave asked only inside suppositions (see `leaveInSupposition`). */
function leaveSupposed(text: string): boolean {
  const asking = asksIn(text, LEAVE_WORD);
  return asking.length > 0 && asking.every(leaveInSupposition);
}

/**
 * Leave asked inside a supposition opened in its clause or before it in the sentence:
 * 如果交了钱以后不想装了，钱能不能退 asks what the policy is (not 如果方便，能不能帮我退: leave
 * to ask).
 */
function leaveInSupposition(c: Asking): boolean {
  const said = c.before + c.clause;
  // 要我交罚款才能解开不: what it would take, asked; the step is not asked for.
  if (TAKES_FIRST.test(c.clause)) return true;
  return supposesIt(said, c.before.length + c.ask) && !IF_ALLOWED.test(said);
}
/** What must be done first for a step (要我交罚款才能解开, 得本人来才能办): a condition asked after. */
const TAKES_FIRST = /(?:要|得|需要|非得|必须)[我俺]?[^，,。？?]{0,8}?才(?:能|可以|给|会)/;
/** A supposition that only asks leave: 如果可以, 要是方便, if possible. */
const IF_ALLOWED = /(?:如果|要是|假如)(?:可以|方便|能行|行|允许|有空)|\bif (?:possible|you can|you could)\b/i;
const LEAVE_WORD = /能不能|可不可以|行不行|可以|可否|能|\b(?:can|could|may) (?:i|we)\b|\bis it possible\b/i;

/**
 * Where each clause asks (found once per clause), for the clauses that ask at all, with what its
 * sentence said before it: a supposition opened there (如果交了钱不想装了，钱能不能退) holds it.
 */
function asksIn(text: string, asks: RegExp): Asking[] {
  const asking: Asking[] = [];
  // Each sentence with the marks that end it: a question mark says it was asked.
  const pieces = text.split(/([。.！!？?\n…~]+)/);
  for (let i = 0; i < pieces.length; i += 2) {
    const sentence = pieces[i]!;
    const askedZh = /[？?]/.test(pieces[i + 1] ?? '') && /[\u4e00-\u9fff]/.test(sentence);
    let before = '';
    for (const clause of sentence.split(/[，,；;]+/)) {
      const ask = clause.search(asks);
      before += `${clause}，`;
      if (ask >= 0)
        asking.push({
          clause,
          ask,
          before: before.slice(0, -clause.length - 1),
          after: sentence.slice(before.length),
          askedZh,
        });
    }
  }
  return asking;
}
/** A clause that asks, where in it, and what its sentence says before and after it. */
interface Asking {
  clause: string;
  ask: number;
  before: string;
  after: string;
  /** Its sentence is a question in Chinese (…呢？, …伐？). */
  askedZh: boolean;
}

/**
 * Opening a supposition: 如果, 要是, 万一, if, what if; a change of mind after a step to come
 * (交了以后不想装了) supposes one too (not 我交了钱不想装了, told).
 */
const SUPPOSING =
  /如果|要是|假如|假设|万一|(?:了|完)(?:以后|之后)[^，,。？?]{0,4}(?:不想|不要|又不|反悔|后悔)|\b(?:what )?if\b|\bsuppose\b|\bin case\b/i;
/** Closing one, so that what follows is said outright: 的话, 就, 那, then. */
const SUPPOSED_CLOSED = /的话|就|那|\bthen\b/i;

/**
 * 如果想改到下周 / if I wanted to move it: the asking (at `ask`) sits inside a supposition, which does not
 * close before it (可以的话帮我恢复 and 要是能退的话就给我退了 ask outright after closing it).
 */
function supposesIt(clause: string, ask: number): boolean {
  const opened = SUPPOSING.exec(clause);
  if (opened === null || opened.index >= ask) return false;
  const condition = clause.slice(opened.index + opened[0].length, ask);
  return (
    !SUPPOSED_CLOSED.test(clause.slice(opened.index, ask)) &&
    // If ye took it twice I want it back: a demand after a condition told in the past is made on
    // a fact the agent can check, not supposed (if it breaks again I want a new one is).
    !(DEMAND_AFTER_CONDITION.test(clause.slice(ask)) && PAST_TOLD.test(condition))
  );
}
/** I want, I need, I expect: the main clause of a conditional demand. */
const DEMAND_AFTER_CONDITION = /^(?:i|we) (?:want|need|expect|demand)\b|^i'd like\b/i;
/** A verb in the past: the condition is a fact (ye took it twice, it was broken, you charged me). */
const PAST_TOLD = /\b(?:was|were|did|had|took|taken|made|got|went|came|sent|paid|left|broke|[a-z]{2,}ed)\b/i;

/**
 * The clause asks when or how before it asks for anything at `ask` (几天给我回电话, when can you call me):
 * about the step. Asked first (send me what's left), the step is asked for.
 */
function asksWhenOfIt(clause: string, ask: number): boolean {
  const info = Math.min(
    ...[INFO_QUESTION.exec(clause)?.index, WHEN_ASKED.exec(clause)?.index].filter((i) => i !== undefined),
  );
  return info < ask;
}

/** A greeting, thanks or gladness exclaimed (Hi!, 谢谢！, 太好了！): no anger in its mark. */
const GLAD_EXCLAIMED =
  /(?:\b(?:hi|hello|hey|hiya|thanks|thank you|cheers|great|perfect|awesome|brilliant|lovely|cool|nice|yay|wow)\b|你好|您好|哈喽|谢谢|多谢|太好了|好的|好嘞|真好|真棒)(?:\s*(?:so much|a lot|a ton|again|guys|man|mate|你|您|啦|哈|呀|啊|了))?[\s,.~～]*[！!]+/gi;

/** Says it is only asking (先问问, just asking): whatever it names is a question. */
// Is that a thing? Are you allowed to? Whether the company may do something is asked, not asked for.
// 我想问问哦 opens a line as 我想问 does; only 就问问, 随便问问, 问问而已 says nothing is asked for.
const JUST_ASKING =
  /(?:只是|就是|就|随便|先|只|光)想?问问|问问(?:而已|罢了|看看)|只是问|先问|随便问|\bjust (?:asking|wondering|curious)\b|\bis (?:that|this) (?:even )?(?:a thing|allowed|legal)\b|\bare you (?:even |actually )?allowed to\b/i;

/** Asking how, when, how long, who, what it is (INFO_QUESTION or WHEN_ASKED). */
function asksInfo(text: string): boolean {
  return INFO_QUESTION.test(text) || WHEN_ASKED.test(text);
}

/**
 * When, asked: at the start of a clause (when's it coming, and when can I) or before a verb of
 * asking (when will, when do). Not when telling of a time (the crack was there when I collected it).
 */
const WHEN_ASKED =
  /(?:^|[,.;!?，。；！？]\s*|\b(?:so|and|but|ok|okay|then|also)\s+)when\b|\bwhen(?:'s|\s+(?:is|are|was|were|will|would|do|does|did|can|could|should|shall|am|might)\b)/i;

/** Whether a thing has been done, asked (has it been collected yet, is it sorted already): its state. */
const STATE_ASKED_EN = String.raw`\b(?:has|have|is|was|were|are)\s+(?:it|they|that|this|the\s+[a-z-]+|my\s+[a-z-]+)\s+(?:been|already|even)\b`;

/**
 * Asks how, when, how long, how much (送多少？), who or where, or how far a matter is (批没批, 进度), whether
 * a fee is charged (收不收, 要出钱不), what a thing is for (积分能干啥用), what something is in Hunan
 * and Yunnan words (是些么子东西, 哪样), how in northern and Sichuan words (咋弄, 咋个整, 啷个弄; not 那咋办嘛, a sigh, nor 你们这是咋弄的, a reproach), what
 * offers there are (有啥优惠伐), whether a thing may still be used or taken (还能喝不): an answer, not
 * an action.
 */
const INFO_QUESTION = new RegExp(
  String.raw`([\u4e00-\u9fff])没\1|${WHEN_ZH}|了伐|还(?:能|可以)(?:用|使|使用|喝|吃|穿|戴)(?:吗|伐|不|嘛|么|冇)|还(?:有效|作数|算数)|(?:收|算|含|包)不(?:收|算|含|包)|(?:要|收|出)钱(?:不|吗|伐|么|没)(?=[？?]|$)|要不要(?:出|给|付|收|加|另|多|补)?钱|加不加钱|会不会(?:给[我你他她额俺])?打电话|会给[我你他她额俺]打电话(?:不|吗|伐|么|没)|(?:干|做)(?:啥|什么|嘛)用|有(?:啥|什么)用|怎么用|是(?:些)?(?:么子|哪样|啥子|什么)|有(?:啥|什么|哪些|么子|啥子|哪样)[^，,。？?]{0,6}?(?:优惠|活动|折扣|套餐)|进度|进展|到哪一步|怎么样了|多久|多长|怎么|如何|咋(?:个|样|么|子)?(?=(?:弄|整|搞|操作|查|用)(?![^，,。？?！!]{0,2}的))|啷个(?=[^，,。？?！!]{0,4}(?:弄|办|整|搞|做|查|用))|几天|几点|谁|哪里|哪儿|多少(?:钱|钞票)|多少[\u4e00-\u9fff]{0,3}?(?:呢|啊|呀|哈|嘛)?(?=[？?])|好多钱|几多钱?|几钱|收多少|是什么|为什么|问问|问一下|想问|只是问|\bjust (?:asking|wondering|curious)\b|\bwondering\b|\bwhat (?:time|day|date)s?\b|\bdo (?:you|y'all|you guys) (?:deliver|cover|come out|go out|service|serve)\b|\bwhich\b|\bhow (?:long|do|does|much|many|to|soon|quick(?:ly)?|fast|often|far)\b|${CHARGE_ASKED_EN}|\bwhat would it cost\b|\bwho\b|\bwhere\b|\bwhy\b|\bwhat(?:'s| is| are)\b|${STATE_ASKED_EN}`,
  'i',
);

/**
 * What's this nine-fifty on my Mastercard, what are these on my statement, that thing that came out
 * of my card: a charge asked about.
 */
const WHAT_IS_ON_MY_CARD =
  /\bwhat(?:'s| is| are)\s+(?:this|that|these|those|the)\b[^.?!]{0,40}?\bon\s+(?:(?:my|our)\s+(?:(?:credit|debit)\s+)?(?:card|bill|statement|account|visa|mastercard|amex|bank (?:account|statement))|the\s+(?:bill|statement|invoice))\b|\b(?:came|come|comes|went|gone|taken|took)\s+(?:out\s+of|off|from)\s+(?:my|me|our)\s+(?:(?:credit|debit)\s+)?(?:card|account|bank|visa|mastercard|amex)\b/i;

/** The caller speaking of themselves (我是…, 本人…): a clause after it may say their name alone. */
const SELF = /[我俺][是系係]|本人|我这边是/;

/**
 * The caller's name, when said plainly (我 or, in northern and central speech, 俺: 俺姓马，马素芳; in
 * Shaanxi 额: 额叫杜小龙; not 额 said as a pause before 是, which is how it is heard elsewhere).
 * Returns undefined rather than guess.
 */
export function extractName(text: string): string | undefined {
  // 我是3栋的住户，姓秦，秦雨辰: 姓 opening a clause of a line where the caller speaks of
  // themselves says their surname as 我姓 does (姓什么 asks one; 他姓王 is someone else's).
  const surname =
    /(?:[我俺额]姓|免贵姓|本人姓)([\u4e00-\u9fff]{1,2})/.exec(text) ??
    (SELF.test(text)
      ? /(?:^|[，,。\s])姓(?![什啥])([\u4e00-\u9fff]{1,2})(?=[，,。.！!？?\s]|$)/.exec(text)
      : null);
  if (surname) {
    const s = surname[1]!;
    const family = COMPOUND_SURNAMES.includes(s) ? s : s.slice(0, 1);
    // 我姓唐，唐雨桐: the full name said right after the surname.
    const full = new RegExp(`${family}[\\u4e00-\\u9fff]{1,2}(?=[，,。.！!？?\\s]|$)`).exec(
      text.slice(surname.index + surname[0].length),
    );
    if (full && !NOT_NAMES.test(full[0])) return full[0];
    const title = /女士|小姐/.test(text) ? '女士' : /先生/.test(text) ? '先生' : '先生/女士';
    return `${family}${title}`;
  }
  // 那我叫他自己打。我叫黄志鸿: 叫 that has someone do something names no one; the next may.
  for (const called of text.matchAll(
    /(?:[我俺额]叫|我的名字是|我名字叫)([\u4e00-\u9fff]{2,4}?)(?=[，,。.！!？?\s]|$|想|要|打|来|的)/g,
  ))
    if (!NOT_NAMES.test(called[1]!)) return called[1];
  // 我是5栋201的业主，叫孟佳怡: 叫 opening a clause, after the caller spoke of themselves, with a
  // full name of a common surname (叫个师傅, 叫人来 name no one).
  const clauseCalled = SELF.test(text)
    ? /(?:^|[，,。\s])(?:名字)?叫([\u4e00-\u9fff]{2,3})(?=[，,。.！!？?\s]|$)/.exec(text)
    : null;
  if (
    clauseCalled &&
    COMMON_SURNAMES.includes(clauseCalled[1]!.slice(0, 1)) &&
    !NOT_NAMES.test(clauseCalled[1]!)
  )
    return clauseCalled[1];
  const titled = /[我俺][是系係]([\u4e00-\u9fff]{1,2}(?:先生|女士|小姐))/.exec(text);
  if (titled && !NOT_NAMES.test(titled[1]!)) return titled[1];
  // 我是刘建华，…: a full name said plainly, when it starts with a common surname (我是新用户 does not).
  // 我系陈美玲啊 (Cantonese 系 is 是), 我是刘建华呀: a particle may end the clause.
  const plain = /[我俺][是系係]([\u4e00-\u9fff]{2,3}?)(?:啊|呀|哈|哦|嘅|咯|喔)?(?=[，,。.！!？?\s]|$)/.exec(
    text,
  );
  if (plain && COMMON_SURNAMES.includes(plain[1]!.slice(0, 1)) && !NOT_NAMES.test(plain[1]!)) return plain[1];
  // 我是他隔壁的陈阿珠, 我是5栋的王建国: who they are to someone, then a full name of a common surname.
  const described = /[我俺][是系係][^，,。.！!？?]{1,10}的([\u4e00-\u9fff]{2,3})(?=[，,。.！!？?\s]|$)/.exec(
    text,
  );
  if (described && COMMON_SURNAMES.includes(described[1]!.slice(0, 1)) && !NOT_NAMES.test(described[1]!))
    return described[1];
  const en = englishName(text);
  if (en) return en;
  return undefined;
}

/** A capitalised given name, with a capitalised family name after it when one is said. */
const EN_NAME =
  "((?:Mr\\.?|Ms\\.?|Mrs\\.?|Miss)\\s+[A-Z][a-z'-]+|[A-Z][a-z'-]+(?:\\s+(?:Mc|Mac|O')?[A-Z][a-z'-]+)?)";
/** Capitalised words that follow "I'm" or "it's" without naming anyone (I'm Sorry, it's Friday). */
const NOT_EN_NAMES =
  /^(?:Sorry|Calling|Not|Very|So|Just|Here|Fine|Good|Ok|Okay|Really|The|An?|Your|My|Angry|Upset|Me|Him|Her|About|Still|Only|Also|Back|English|Urgent|Important|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|September|October|November|December)\b/;
/**
 * How English callers say who they are, informal spellings too: my name is / name's / names
 * (apostrophe dropped) / my name na, this is / dis, I'm / Im / I am, and at the start of a clause
 * it's / its with a full name (hi, it's Dana Whitlock) or a name then here / speaking (Ravi Shah
 * here).
 */
const EN_NAME_SAID: readonly RegExp[] = [
  new RegExp(
    // The word boundary only before words: "how you doin'? Name's Dwayne" has none before the '?'.
    // My name na Aminata Conteh: West African Pidgin and Krio say the name with na.
    `(?:\\b(?:[Mm]y|[Mm]i) name(?:'s| is| na)|\\b[Mm]y names|(?:^|[,.;!?]\\s*|\\b(?:[Tt]he|yeah|um|uh|so|and|hi|hey|hello)\\s+)[Nn]ame(?:'s| is|s))\\s+${EN_NAME}`,
  ),
  // Dis Comfort Doe (Liberian English: this is).
  new RegExp(`\\b(?:[Tt]his is|[Dd]is(?: is)?|I'm|I’m|Im|I am|i'm|i am|im)\\s+${EN_NAME}`),
  // I'm her son, Mark: who they are to the account holder, then their own name.
  new RegExp(
    `\\b(?:I'm|I’m|Im|I am|i'm|i am)\\s+(?:her|his|their)\\s+(?:son|daughter|husband|wife|partner|brother|sister|carer|nephew|niece|grandson|granddaughter)\\s*,?\\s+(?:it's\\s+)?${EN_NAME}`,
  ),
  // It's Darryl, by the way, Darryl Kowalchuk; it's Pádraig, by the way - Pádraig Nolan: the name
  // said in passing, then in full (letters of any alphabet).
  /\b(?:[Ii]t's|[Ii]t’s|[Ii]t is)\s+\p{Lu}[\p{Ll}'-]+\s*,?\s*by the way\s*(?:,|\s[-–—])\s*(\p{Lu}[\p{Ll}'-]+\s+(?:Mc|Mac|O')?\p{Lu}[\p{L}'-]+)/u,
  /\b(?:[Ii]t's|[Ii]t’s|[Ii]t is)\s+(\p{Lu}[\p{Ll}'-]+)\s*,?\s*by the way\b/u,
  // It's Marta, Marta Zielińska; it's Aroha - Aroha Walker: the given name, then the full name
  // (letters of any alphabet).
  /\b(?:[Ii]t's|[Ii]t’s|[Ii]t is)\s+(\p{Lu}[\p{Ll}'-]+)\s*(?:,|\s[-–—])\s*(?=\1\s)(\1\s+\p{Lu}[\p{L}'-]+)/u,
  /(?:^|[,.;!?]\s*|\b(?:hi|hey|hello|yeah|um|uh|oh|so)\s+)(?:[Ii]t's|[Ii]t’s|[Ii]ts|[Ii]t is)\s+([A-Z][a-z'-]+\s+(?:Mc|Mac|O')?[A-Z][a-z'-]+|[A-Z][a-z'-]+(?=\s+(?:here|speaking|calling)\b))/,
  /(?:^|[,.;!?]\s*|\b(?:hi|hey|hello|yeah|um|uh|oh|so)\s+)([A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)\s+(?:here|speaking)\b(?!\s+(?:is|was|are)\b)/,
  // Gary Molyneux, I'm Ellie Molyneux's dad: a full name opening the line, before who they are.
  /(?:^|[,.;!?]\s*|\b(?:hi|hey|hello|yeah|um|uh|oh|so|aye|goin'|going)\s*[,.]?\s+)([A-Z][a-z'-]+\s+(?:Mc|Mac|O')?[A-Z][a-z'-]+),\s+(?:I'm|I am|this is)\b/,
  // Hiya, now then. Craig Hetherington. / Awright mate, Lee Dunmore. I've got …: a full name as a
  // sentence of its own, right after the greeting that opens the line.
  /^\s*(?:[Hh]i|[Hh]iya|[Hh]ello|[Hh]ey|(?:[Gg]ood )?[Mm]orning|(?:[Gg]ood )?[Aa]fternoon|[Ee]vening|[Nn]ow then|[Aa]lright|[Aa]wright|[Gg]'day|[Hh]owya|[Ee]y up|[Hh]owdy)\b[^.!?]{0,24}?[,.!]\s+([A-Z][a-z'-]+\s+(?:Mc|Mac|O')?[A-Z][a-z'-]+)\.\s/,
  // Alasdair Munro's the name: the name first, at the start of a clause.
  /(?:^|[,.;!?]\s*|\b(?:hi|hey|hello|yeah|um|uh|oh|so|aye)\s+)([A-Z][a-z'-]+(?:\s+(?:Mc|Mac|O')?[A-Z][a-z'-]+)?)(?:'s|’s| is)\s+the name\b/,
];

/** I'm Jamaican, I'm Irish: where the caller is from, not their name. */
const NATIONALITY =
  /^(?:Jamaican|Nigerian|Ghanaian|Kenyan|Irish|Scottish|Welsh|English|British|Indian|Pakistani|Filipino|Filipina|Chinese|Japanese|Korean|Vietnamese|Thai|Malaysian|Singaporean|Indonesian|Australian|Aussie|American|Canadian|Mexican|Brazilian|Polish|Italian|Spanish|French|German|Dutch|Greek|Turkish|Lebanese|Samoan|Tongan|Fijian|Maori|Kiwi|South African|Zimbabwean)$/;

/** Last name's Delgado, D-E-L-G-A-D-O; my surname is Okafor: a family name said on its own. */
const SURNAME_SAID_EN =
  /\b(?:(?:[Mm]y|[Tt]he|[Oo]ur)\s+)?(?:[Ll]ast name|[Ss]urname|[Ff]amily name)(?:'s|’s|\s+is|:)\s+(\p{Lu}[\p{L}'-]+)/u;

function surnameOf(text: string): { surname?: string } {
  const said = SURNAME_SAID_EN.exec(text)?.[1];
  return said === undefined || NOT_EN_NAMES.test(said) ? {} : { surname: said };
}

function englishName(text: string): string | undefined {
  for (const pattern of EN_NAME_SAID) {
    // The last group a pattern has is the fullest name it read (Marta, then Marta Zielińska).
    const found = pattern.exec(text);
    const candidate = found?.[2] ?? found?.[1];
    if (candidate === undefined || NOT_EN_NAMES.test(candidate) || NATIONALITY.test(candidate)) continue;
    // I'm Ellie Molyneux's dad: whose someone the caller is, not their name.
    if (/(?:'s|’s)$/.test(candidate) || /^(?:'s|’s)\b/.test(text.slice(found!.index + found![0].length)))
      continue;
    // "I'm Thinking Of": a name's words, not the next words of the sentence capitalised.
    return candidate.replace(/\s+(?:Sorry|And|But|So|Just|Here|Speaking|Calling)$/, '');
  }
  return undefined;
}

/** 大会员 from 我没有订阅大会员; 白金会员 from 我的白金会员怎么没了; plain 会员 is not a name. */
function extractZhServiceNames(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(/(会员|套餐|服务)/g)) {
    let start = m.index;
    while (start > 0 && start > m.index - 4) {
      const ch = text[start - 1]!;
      if (!/[\u4e00-\u9fffA-Za-z0-9]/.test(ch) || ZH_STOP_BEFORE_SERVICE.has(ch)) break;
      start -= 1;
    }
    if (start < m.index) names.push(text.slice(start, m.index + m[0].length));
  }
  return [...new Set(names)];
}

function extractEnServiceNames(lower: string): string[] {
  const m = /\b([a-z]+)\s+(membership|subscription|plan)\b/.exec(lower);
  if (m && !['my', 'the', 'a', 'any', 'this', 'that', 'your', 'monthly', 'yearly'].includes(m[1]!)) {
    return [`${m[1]} ${m[2]}`];
  }
  return [];
}

/** The clauses of a line, with where each is (split at punctuation). */
export function clausesOf(text: string): Array<{ text: string; start: number; end: number }> {
  return [...text.matchAll(/[^，,。.；;！!？?\n]+/g)]
    .map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }))
    .filter((c) => c.text.trim() !== '');
}
