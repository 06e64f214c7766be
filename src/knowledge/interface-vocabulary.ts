import { tokenize } from './tokenize.js';

/**
 * Kinds of fact a customer-service backend answers, each with the words callers and interface
 * definitions use for it. An interface is described by its name, endpoint, description and
 * response fields; a caller by what they say. Both are read into these kinds, so "我的云盘怎么又满了"
 * finds `storage_usage` ("查询空间使用情况", used_gb) though they share no word. General
 * customer-service vocabulary, not any one product's: products add their own words through their
 * interface definitions.
 */
/** Asking whether something is still for sale or taken: 还在不在, 卖了没, still available. */
export const STILL_FOR_SALE = /还在不在|还在吗|卖(?:了|掉)(?:没|吗)|有货|\b(?:still available|in stock)\b/i;

/**
 * When, asked (什么时候, 啥时候, Yunnan 哪样时候, Sichuan 好久 before a verb, Shanghai 啥辰光, 几时,
 * 哪天, 几点): the facts a caller asks for (shipment, ready) and a question rather than a request
 * (`understand-utterance`).
 */
export const WHEN_ZH =
  '(?:什么时候|啥时候|么时候|哪样时候|啥子时候|(?<![等了])好久(?=[送到来能才发可出拿取])|几时|哪天|几号|几点钟?|(?:啥|什么)辰光)';

/**
 * Whether it is ready to collect: 洗好了没, 做好了吗, 啥时候能取, 啥辰光弄好, 表还没拿到手, 可取, 待取,
 * ready for pick-up, when can I pick it up, get it back.
 */
export const READY_ASKED = new RegExp(
  `${WHEN_ZH}[^，,。？?]{0,4}?(?:拿|取|领|提|(?:做|洗|修|改|配|弄|搞)好)|(?:做|洗|修|改|配|弄)好了?(?:没|吗|伐|冇|未)|还没(?:有)?(?:拿到|取到|拿回|领到)|好了(?:没有?|吗|伐)|(?:可以|能)(?:来|去)?(?:拿|取|领)|可取|待取|取件|取衣|取货|取镜|\\b(?:ready|pick(?:ed|ing)?(?:[ -]?up| (?:it|them|my \\w+) up)|collect(?:ion|ed)?|(?:get|have) (?:it|them) back)\\b`,
  'i',
);

// Steps of a job that are booked for a day: an inspection, a measuring visit, a test, a fitting.
const STEP_ZH =
  '(?:验收|检测|量房|复测|开工|交房|交付|安装|面试|考试|复查|复诊|体检|试穿|试戴|见面|约见|培训|调试)';
const STEP_EN =
  '(?:inspection|appointment|visit|test|exam|interview|session|class|lesson|check-?up|fitting|installation|survey|date)s?\\b';

const FACT_KINDS: Record<string, RegExp> = {
  usage:
    /用量|用了多少|用了好多|满了|又满|快满|占用|占了|剩余|剩多少|还剩|(?:就|只)剩(?:下)?[\d一二两三四五六七八九十几]|余量|容量|空间|流量|存储|\b(?:usage|used|quota|space|storage|full|remaining|capacity|data)\b/i,
  // What came is not what was ordered (wrong size, the label says 20 mg): the order is looked up.
  // What was rented or hired (车是在你们机场租的) is an order too.
  // Something missing from what came (the chicken is really missing, 少了一袋) is the order's.
  order:
    /订单|下单|发错|送错|配错|少了一|漏发|少发|\b(?:is|was|were|are|really|still) missing\b|\bmissing from\b|\b(?:wrong (?:item|size|colou?r|strength|dose|pills?|meds?|medication|product)s?|label says|(?:doesn't|does not|don't|do not|didn't) match)\b|买的|买了|购买|网购|商品|点的|收到的|这单|那单|单子|租的|租了|租用|租车|退款|退钱|退了|退货|退掉|退(?=[\d一二三四五六七八九十两百几半])|(?:能|可以|能不能)退(?=[吗嘛么不呢]|$)|换货|赔|补偿|补发|\b(?:orders?|purchases?|bought|buy|items?|refund|return|money back|compensat\w*|rides?|trips?|rented|rentals?)\b|\b(?:get|want|give)\b[^.?!]{0,20}\bback\b/i,
  shipment: new RegExp(
    `${WHEN_ZH}[^，,。？?]{0,4}?(?:送|发货|寄|出厂|交付)|送(?:过来|来|到)了?(?:没|吗|伐)|` +
      String.raw`物流|快递|包裹|到哪|到了没|还没到|没到|没收到|发货|配送|派送|运输|转运|签收|单号|\b(?:parcel|package|shipment|shipping|delivery|delivered|tracking|courier|arrive|where is)\b|\b(?:box|parcel|package|order|kit|delivery)\s+(?:came|arrived|got here|turned up|showed up)\b`,
    'i',
  ),
  ready: READY_ASKED,
  // What already came (my box came yesterday, 昨天送到了; not 送来了没得人开门, supposed), held
  // as deliveries made: the past ones, not the next ones.
  delivered:
    /\b(?:box|parcel|package|order|kit|delivery|hamper|it|they)\s+(?:came|arrived|got here|turned up|showed up)\b|\b(?:delivered|received)\b|(?:昨天|前天|今天|今朝|今早|今儿个?|昨儿个?|昨日|已经|刚|早就)[^，,。？?]{0,6}?(?:收到了|送到了?|送来了?|送过来了?|到货了|签收了)|(?:上午|下午|早上)[^，,。？?]{0,6}?(?:收到了|送到了|送来了|到货了|签收了)|已送达|已签收|\b(?:past|previous|last) (?:boxes|orders|deliveries)\b/i,
  // Where something sent is now: said as on the way, nothing's come yet; held as a delivery
  // window, a courier, tracking (a delivery fee or address is no whereabouts).
  whereabouts:
    /\b(?:on (?:the|its|their) way|not here yet|where is|tracking|courier|out for delivery|delivery (?:window|date|status))\b|\b(?:hasn't|has not|haven't|have not|nothing's|nothing has|didn't|did not|never|not)\s+(?:come|came|arrived?|shown up|showed up|turned up)\b/i,
  billing:
    /扣费|扣钱|扣款|扣了|扣我|账单|帐单|退(?=[\d一二三四五六七八九十两百几半])|收费|付款(?!方式)|支付(?!方式)|交易|续费|流水|话费|还款|还多少|最低还|退款|退钱|赔|补偿|费用|多少钱|花了多少|价钱|价格|\b(?:refund|money back|compensat\w*|due|fares?|fees?|how much|cost|costs|price|spent)\b|\b(?:get|want|give)\b[^.?!]{0,20}\bback\b|\b(?:charges?d?|bill(?:ing)?|payments?(?! methods?)|transactions?|paid|renewal|invoice|fee)\b/i,
  booking:
    // 那天还有地方吗, 有没有空档: whether a day is free to book.
    /预订|预定|订票|订房|改约|改期|改时间|改到|推到|推迟|挪到|档期|空档|还有(?:地方|位置|位子|空位)|有没有(?:空档|档期|位置|位子)|\breschedul\w*|\bpostpon\w*|订了[^，,。？?]{0,8}(?:房|票|酒店|位)|房间|住宿|退房|机票|航班|班机|酒店|入住|行程|座位|改签|起飞|\b(?:bookings?|booked|flights?|reservations?|itinerar(?:y|ies)|seats?|tickets?|hotels?|rooms?|stay|check-?in)\b/i,
  device:
    /设备|音箱|机器|在线|离线|不理|没反应|连不上|联网|连网|断网|固件|\b(?:device|speaker|online|offline|firmware|connect(?:ed|ion)?|wi-?fi)\b/i,
  connection:
    /断网|网断|网(?:又|也|就|老|总|一直)?(?:不行|不好|很卡|卡|慢|断|没了|用不了)|看不了|断了|掉线|上不了网|没网|网速|网络|宽带|线路|光猫|光信号|信号|\b(?:internet|connection|signal|broadband|router|modem|line)\b/i,
  // A thing taken in to be mended (送你们店修了, 拿去修, 寄修) is a repair too.
  warranty:
    /保修|质保|保修期|坏了|维修|修一下|报修|报的修|杂音|送修|寄修|(?:送|拿|寄|交)[^，,。？?]{0,10}?(?:去|来|过去)?修(?!改)|\b(?:warranty|repair|broken|faulty)\b/i,
  // Someone coming: a technician's visit, an appointment, when they arrive; what time one set for a
  // day is (今儿下午那次一对一是几点).
  visit:
    /上门|师傅|预约|改约|改期|改时间|改到|推到|推迟|挪到|救援|拖车|(?:今天|今儿|明天|明儿|后天|这次|那次|下次|下回)[^，,。？?]{0,10}?(?:是|在)?几点|\breschedul\w*|\bpostpon\w*|(?:哪天|几点|什么时候|啥时候|几号)(?:能)?(?:来|到|上门)|来不来|到哪了|(?:还|都)(?:没|冇)(?:来|到)|等(?:几|多|好)久|\b(?:technician|engineer|appointment|visit|arriv\w*|eta|come out|coming|tow truck|breakdown|roadside|send (?:someone|somebody|a patrol|a guard))\b/i,
  recycle:
    /回收站|删了|删掉|删除|误删|找回|恢复|弄回来|没就没|不见了|\b(?:deleted|recycle|trash|bin|restore|recover)\b/i,
  account: /账户|账号|会员|等级|积分|\b(?:account|membership|member|points|tier)\b/i,
  subscription:
    /订阅|套餐|自动续费|开通|开过|订购|业务|增值|包月|彩铃|\b(?:subscriptions?|plan|renew|add-?ons?|services?)\b/i,
  // Money put on a card or meter: 充值, 充了二百块, 购气, 买电; and what is owed (欠了多少, 还欠你们几多,
  // how much do I owe).
  // 卡里还有七百来块, 还剩多少钱: what is left on a card is its balance.
  balance:
    /余额|卡里(?:还|都)?(?:有|剩)|还剩(?:多少|几多|好多|[\d一二三四五六七八九十两百千几])|剩(?:下)?(?:多少|几多|好多)钱|欠费|欠(?:了|你们|着)?(?:多少|几多|好多|几)|还欠|充值|充钱|充(?:了|进去|上)?[\d一二三四五六七八九十两百千几]+\s*(?:块|元)|[购买](?:气|电|水)|\b(?:balance|top-?up|credit|recharg\w*|owe|owing|arrears)\b/i,
  // How far a job has got, and when it will be done (哪天能完工, 啥时候装完).
  progress: new RegExp(
    `${WHEN_ZH}[^，,。？?]{0,4}?(?:完工|竣工|交工|弄完|做完|装完|干完|修完)|` +
      String.raw`进度|到哪一步|咋样了|怎么样了|处理到|材料|还缺|审核|定损|理赔|报案|\b(?:progress|status of|documents?|paperwork|missing|claims?)\b`,
    'i',
  ),
  // The next step of a job and when it is (水电啥辰光验收, 量房是哪天, when's my next inspection),
  // held as the next one (下一次验收, next_inspection).
  upcoming: new RegExp(
    `${WHEN_ZH}[^，,。？?]{0,4}?${STEP_ZH}|${STEP_ZH}[^，,。？?]{0,6}?${WHEN_ZH}|下一次|下次(?!再)|` +
      String.raw`\bwhen(?:'s| is| are| was)? (?:my|the|our) (?:next )?${STEP_EN}|\bnext ${STEP_EN}|\bupcoming\b`,
    'i',
  ),
  delay: /延误|晚点|误点|\b(?:delay(?:ed)?|late)\b/i,
  // A service down or closed for everyone there (an outage, a flood, a closure), and whether it
  // still goes ahead: held as outages, alerts and closures.
  disruption:
    /停电|停水|停气|停运|停航|封路|封闭|暴雨|台风|洪水|涨水|照常|还开不开|\b(?:outages?|alerts?|closures?|closed|flood\w*|storms?|fire danger|bushfires?|still (?:going ahead|on|open|running)|going ahead|(?:internet|power|wi-?fi|line|service|network|broadband)\s+(?:was |went |has been |is |been )?(?:completely |totally |fully )?(?:down|out|off|dead|munted)|no (?:internet|power|broadband)|what happened to (?:the|my|our) (?:internet|power|service|connection|broadband))\b/i,
  // When someone works: a doctor's or an advisor's days (坐诊, 出诊, on duty).
  schedule:
    /坐诊|出诊|排班|值班|哪天在|几点在|有没有空(?!间)|有空(?!间)|空的时间|空档|可约|时段|\b(?:schedule|rota|on duty|working (?:days|hours)|availab\w*|free slots?)\b/i,
  // What is for sale and whether it still is: 在售, 现车, in stock, and STILL_FOR_SALE; rooms, seats
  // or places still free (还有房没有, 有没有空位, any vacancies): what is left to take.
  stock: new RegExp(
    `${STILL_FOR_SALE.source}|在售|卖出去了|有没有货|现车|车源|库存|空房|还有(?:房|房间|位置?|座位?|名额|空位)(?:没有?|吗|不|冇)?|有没有(?:房|房间|空位|名额|位置)|\\bfor sale\\b|\\bsold (?:out|already)\\b|\\b(?:any )?vacanc(?:y|ies)\\b|\\b(?:rooms?|units?|places?|spots?|spaces?) (?:available|left|free)\\b`,
    'i',
  ),
  // What something would fetch, sold to the business: 估价, 收好多钱 (Sichuan), 能卖多少, a
  // trade-in value; held as quotes and prices paid per grade.
  quote:
    /估价|估个价|报价|回收价|收购价|值多少|值好多|值几个钱|能卖多少|能卖好多|卖多少钱|收多少钱|收好多钱|收几多钱|\b(?:quotes?|valuations?|trade-?in (?:value|price)|what (?:it|they)(?:'s| is| are) worth)\b/i,
  // Medicine taken regularly: 药, 处方, 续药, tablets, repeats.
  medication:
    /药|处方|\b(?:tablets?|pills|meds|medications?|medicines?|prescriptions?|repeats?|refills?|drugs?|dose)\b/i,
  // Jabs and boosters: 疫苗, 打针, 驱虫, vaccinations.
  vaccination: /疫苗|打针|驱虫|\b(?:vaccin\w*|boosters?|jabs?|inoculat\w*|worming|flea treatment)\b/i,
  // How someone in care is doing (a pet boarded, a child, an elder): 吃饭, 喝水, 精神, eating, sleeping.
  care: /吃饭|吃了没|吃得|吃东西|喝水|睡觉|睡得|精神|拉肚子|便便|\b(?:eat(?:ing|en)?|ate|drink(?:ing)?|sleep(?:ing)?|feed(?:ing)?|fed|settl(?:ed|ing) in)\b/i,
  // Trying something before buying: 试驾, 试下车, 看车, a test drive.
  trial: /试驾|试车|试下车|试一下车|试乘|看车|\btest[- ]drives?\b/i,
  // How an exam or a test went: 成绩, 考了多少分 (好多分 in Sichuan), passed or not.
  result:
    /成绩|分数|考了?(?:多少|好多|几)分|得了?几分|\b(?:scores?|exam results?|test results?|grades?|marks)\b/i,
  // Something lost and maybe found: 丢了, 落在车上, 东西落起了 (Sichuan), 唔见咗, 执到 (Cantonese
  // found), held as lost-and-found registers (失物招领, 遗留物品, 拾获, items found); my daughter left
  // her tablet on it, has anyone handed it in?
  // 把助听器落你们那儿了, 落影厅里了, 捡着没有: left somewhere of the service's, asked whether found.
  lost: /丢了|丢失|遗失|遗落|遗留|落(?:在|起|下)了?|落[\u4e00-\u9fff]{1,5}?(?:里|上|那儿|那里|这儿)了|不见了|唔见|找不到了|失物|拾获|拾到|捡到|捡着|执到|\b(?:lost(?! (?:it|my temper|weight|interest|patience|(?:my|his|her|our|their) (?:job|work|licen[cs]e|voice|mind|mum|mom|dad|father|mother|husband|wife|nerve)|the (?:plot|will|job)))|left (?:my|it|them|something|a|behind|her|his|our|their|the kids'?)|handed (?:it |them )?in|lost property|lost and found|lost-and-found|items? found|found items?)\b/i,
  // Someone hurt, an accident where the service was given: 摔了, 骨裂, 磕伤, 被挠了, injured, fell.
  incident:
    /摔(?:了|倒|伤|跤|断)|跌倒|骨裂|骨折|受伤|磕(?:伤|破|到)|碰伤|烫伤|抓伤|挠(?:了|伤)|咬伤|擦伤|意外|事故|伤情|\b(?:injur\w*|accidents?|incidents?|fell(?! asleep| behind| through| for)|fallen|(?:had|took) a fall|hurt|bruised|broke (?:his|her|my) (?:arm|leg|wrist|ankle))\b/i,
  // Days away, told or asked about: 请假, 明天不去了, 来不了, 到园没有, off sick, attendance.
  attendance:
    /请假|病假|事假|缺勤|出勤|考勤|(?:都|就|也)?不(?:去|来)了|来不了|去不成|去不了|到园|到校|入园|没(?:来|到岗|上班|在岗)|\b(?:absen\w*|attendance|off sick|sick days?|day off|days off|won'?t be (?:in|coming|there)|(?:wasn'?t|weren'?t|isn'?t|(?:was|were|is) (?:not|never)) (?:there|here|on (?:duty|post|site)|at (?:his|her|the) post)|did(?:n'?t| not) (?:come|turn up|show up)|no[- ]show)\b/i,
  // When something runs out, asked (是不是成死当了？上个月底就到期了, when does my cover expire) or
  // held (起止日期、宽限期, expiry, valid until): the term of what the caller holds.
  term: /到期|过期|期满|届满|宽限|有效期|起止日期|死当|绝当|\b(?:expir\w*|lapsed?|valid until|end date|grace period)\b/i,
  // What something costs, asked (SUV拉到西双版纳多少钱, 一个钟头好多钱, how much is a night) or
  // listed (运价, 课时费, price list, rates): held as prices and tariffs, apart from what was billed.
  price:
    /(?<![扣收付交花退赔欠还充补挣赚抵有剩余得][了我你们]{0,2})(?:多少钱|好多钱|几多钱)|价目|运价|票价|房价|收费标准|资费|课时费|\b(?:prices|rates|tariffs?|price list)\b|\b(?:how much|what) (?:would|does|do|will) (?:it|that|this|a|an|one|the)\b[^.?!]{0,30}\bcost\b/i,
  // Where the nearest one is: 附近, 哪里有你们的柜子, 离我最近的网点, the nearest branch.
  nearby:
    /附近|哪里有|哪儿有|哪有你们|最近的(?:网点|柜|店|站|点)|离我最近|网点|距离|\b(?:nearby|nearest|closest|near me|distance)\b/i,
  // A plan or membership stopped for a while: 停几天, 先停住, 暂停, put it on hold.
  pause:
    /暂停|停(?:住|一下|几天|一段|用|卡)|先停|\b(?:pause[ds]?|suspend\w*|on hold|freeze my (?:plan|membership|subscription))\b/i,
  // Pay coming in: 工资, 发薪, paycheck, direct deposit.
  income:
    /工资|薪水|发薪|代发|\b(?:pay ?checks?|paycheques?|salary|wages|payroll|direct deposits?|employer)\b/i,
  // Money the business pays the caller for what it sold or did for them (a consignment's proceeds,
  // a seller's or a host's earnings): 到手多少, 钱几时到账, 结算, 打款, payout, proceeds; held as
  // settlements and payouts.
  payout:
    /到手|(?:钱|款|货款)[^，,。？?]{0,6}?(?:到账|打过来|打给我|到我)|(?:几时|什么时候|啥时候|哪天|多久)[^，,。？?]{0,4}?(?:到账|打款|结算|回款)|结算|打款|回款|货款|\b(?:payouts?|paid out|proceeds|settlements?|earnings|take[- ]home)\b/i,
  // Whether a day or a time can be had, asked or booked (改到礼拜五, 还有名额没有, 还能订上票不, 明儿早上能送到不,
  // next Tuesday morning if you've got it, any slots Friday): held as availability, slots, calendars
  // and timetables, what a booking is checked against before it is made or moved.
  availability: new RegExp(
    `(?:改|挪|推|调|换|约|订|定|预约|预订)(?:到|成|个|在)?[^，,。？?]{0,6}?(?:${WHEN_ZH}|今天|明天|明儿|后天|下?礼拜|下?星期|下?周|\\d+号|[一二三四五六七八九十]+号|上午|下午|晚上|早上|中午)|还有(?:名额|位置|位子|空位|空房|档期|人|票)|有没有(?:名额|位置|位子|空位|空档|档期|人|票)|余票|(?:订|买|抢)(?:得上|得到|上票|到票)|还能(?:订|买|约)(?:上|到|吗|不|没)|(?:能|可以)(?:来|送|上门|送到)(?:不|吗|嘛|没|伐)|档期|空位|余位|排期|时段|可约|\\b(?:availab\\w*|slots?|calendar|timetable|if you(?:'ve| have)? got (?:it|one|any)|first \\w+ (?:you've got|ye've got|available|free)|(?:any|got any|have you got|do you have) [^.?!]{0,20}(?:slots?|space|places?|spots?|times?))\\b`,
    'i',
  ),
  // A place won by lot (a marathon's draw, a plate or a flat by ballot): 中没中, 中签, 摇号, 候补,
  // did I get in, the ballot; held as lottery results and waitlists.
  lottery:
    /中签|中没中|中了没|中了吗|中没有|抽中|抽签|摇号|候补|\b(?:ballot(?:ed)?|lottery|waitlist(?:ed)?|waiting list|did i get (?:in|a place|a spot))\b/i,
  // Money sent to or from someone: 转账, 汇款, a transfer that went through.
  transfer: /转账|汇款|转给|转过去|\b(?:transfers?|transferred|sent (?:her|him|them|my \w+)|went through)\b/i,
  // How much may be spent or drawn: 额度, 限额, a daily ATM limit, cut off at five hundred.
  limit: /额度|限额|上限|\b(?:limits?|cuts? (?:me|you) off|capped)\b/i,
  // An account banned or muted on a platform: 号被封了, 禁言, banned, 啥时候能上号 (back on).
  ban: /封号|封禁|被封|封了|封我|禁言|解封|(?:能|才能|可以)上号|上不了号|\b(?:ban|bans|banned|muted)\b/i,
};

/** One interface as the vocabulary reads it. */
export interface InterfaceProfile {
  name: string;
  kinds: ReadonlySet<string>;
  terms: ReadonlySet<string>;
  /** The words of its name (room_bookings: room, book): what it is, not only what it mentions. */
  nameTerms: ReadonlySet<string>;
  /** Marked by its description as for staff only: never what a caller's words are about. */
  internal: boolean;
  /** Looked up by the caller's number or account: their own records, not public ones. */
  personal: boolean;
}

/**
 * A description that marks a whole interface as for staff only: INTERNAL — box office only…,
 * 按工号查询阿姨档案（派单内部使用）. A note about some of its fields (举报人…，仅供安全团队;
 * the seller's account (internal, Trust & Safety only)) does not: the caller's own records are there.
 */
const INTERNAL_ONLY =
  // Only marks and spaces before the opening word: \W alone would pass over Chinese text too, and
  // …空格口数；另含巡检员手机号，仅供内部调度 would shut the caller's own lockers out.
  /^[^\p{L}\p{N}]*(?:internal\b|内部)|\bnot for (?:customers|callers)\b|\bnever (?:read|given) out\b|\bstaff only\b|内部使用|不对外/iu;

/**
 * A clause about some of the fields: internal_only含领班姓名手机号…，只供门店内部使用 or "staff_note is
 * for staff only" keeps those fields in, not the interface from the caller. A field is named as
 * the record spells it (a snake_case name).
 */
const FIELDS_NOTE = /\b[a-z]+_[a-z_]*[a-z]|含|另有|\bfields?\b|字段/i;

/** Whether an interface's description marks the whole of it as for staff only (see INTERNAL_ONLY). */
export function isStaffOnly(description: unknown): boolean {
  const text = String(description ?? '');
  const m = INTERNAL_ONLY.exec(text);
  if (m === null) return false;
  // The clause (up to the full stop or semicolon) the mark is in.
  const start = Math.max(
    text.lastIndexOf('；', m.index),
    text.lastIndexOf(';', m.index),
    text.lastIndexOf('。', m.index),
  );
  return m.index === 0 || !FIELDS_NOTE.test(text.slice(start + 1, m.index));
}

/** What an interface definition looks like in a product record (the fields read here). */
interface InterfaceDef {
  description?: unknown;
  endpoint?: unknown;
  params?: unknown;
  response_fields?: unknown;
}

/** Reads a product's interfaces once: their kinds of fact and their words. */
export function profileInterfaces(apiInterfaces: unknown): InterfaceProfile[] {
  if (typeof apiInterfaces !== 'object' || apiInterfaces === null) return [];
  const entries = Object.entries(apiInterfaces as Record<string, InterfaceDef>);
  const pathWords = (def: InterfaceDef | undefined) =>
    String(def?.endpoint ?? '')
      .replaceAll(/\{[^}]*\}/g, ' ')
      .split(/[/_\s-]+/)
      .filter(Boolean);
  // Words every endpoint of the product has (/api/hotel/… for its points too) name the product,
  // not what one interface answers: the points interface is not about bookings.
  const shared =
    entries.length > 1
      ? new Set(pathWords(entries[0]?.[1]).filter((w) => entries.every(([, d]) => pathWords(d).includes(w))))
      : new Set<string>();
  return entries.map(([name, def]) => {
    const fields = Array.isArray(def?.response_fields) ? def.response_fields.map(String) : [];
    const endpointWords = pathWords(def)
      .filter((w) => !shared.has(w))
      .join(' ');
    const text = [
      name.replaceAll('_', ' '),
      String(def?.description ?? ''),
      endpointWords,
      fields.join(' ').replaceAll('_', ' '),
    ].join(' ');
    return {
      name,
      kinds: kindsOf(text),
      terms: new Set(tokenize(text)),
      nameTerms: new Set(tokenize(name.replaceAll('_', ' '))),
      internal: isStaffOnly(def?.description),
      personal: (Array.isArray(def?.params) ? def.params.map(String) : []).some((param) =>
        CALLERS_KEY.test(param),
      ),
    };
  });
}

/** A parameter the caller's own records are looked up by: their phone, account or customer id. */
const CALLERS_KEY = /phone|mobile|tel$|user_?id|uid|customer|account|member|client|golfer|holder/i;

/**
 * A battery's charge, not a bill's: it won't charge, it'll no charge, doesn't hold a
 * charge, charge it up. Taken out before a line is read for billing.
 */
export const POWER_CHARGE =
  /\b(?:won'?t|wont|doesn'?t|does not|will not|isn'?t|can'?t|cannot|not|no|never|(?:hold|holds|holding|keep|keeps) (?:a|its|the|any))\s+charge\b|\bcharge (?:at all|up|properly|fully|overnight)\b|\bcharge (?:it|my phone|the phone|the battery)\b/gi;

/** The kinds of fact a text is about. */
export function kindsOf(text: string): Set<string> {
  const kinds = new Set<string>();
  const read = text.replace(POWER_CHARGE, ' ');
  for (const [kind, pattern] of Object.entries(FACT_KINDS)) if (pattern.test(read)) kinds.add(kind);
  return kinds;
}

/**
 * The interfaces whose facts a caller's words are about, best first: each shared kind of fact
 * counts 2, each shared word 1; an interface needs 2 to be named. Several are returned when they
 * score alike (an order and its shipment both answer "where is my parcel").
 *
 * @example relevantInterfaces(profiles, '我的云盘怎么又满了？到底用了多少？') // ['storage_usage']
 */
export function relevantInterfaces(profiles: readonly InterfaceProfile[], text: string, limit = 2): string[] {
  const whole = relevantToText(profiles, text, limit);
  // Two things, one line ("… stuck uploading for a week, and when's my next bill?"): each
  // clause's own best interface too, so the second question is not drowned by the first.
  const sentences = text.split(SENTENCE_END).filter((t) => t.trim() !== '');
  if (sentences.length < 2) return whole;
  const out = [...whole];
  for (const sentence of sentences)
    for (const name of relevantToText(profiles, sentence, 1)) if (!out.includes(name)) out.push(name);
  return out.slice(0, limit + 1);
}

/**
 * The caller's own thing said (我的, 俺那年卡, 我在你们那办的, 我订的; 涯 in Hakka). Not "my":
 * English callers say it of everything, and the public rates then lost to their account.
 */
const OWN_THING =
  /[我俺涯]的|[我俺涯](?:那|这)(?!边|里|儿|么|样|会|时|次|是)|[我俺涯][^，,。？?！!]{0,12}?(?:办|订|买|交|寄|租|报|约|存|下|认养)(?:的|了)/;

/**
 * Money asked back (退给我, 给我退回来, 剩下的钱全退, refund me, take it off my bill, a mistake on my
 * invoice … remove it): what the caller paid is in their own records, whatever the rest of the line
 * names.
 */
const MONEY_ASKED_BACK =
  /退(?:给|还)?我|给我退|(?:钱|款|费)[^，,。？?！!]{0,6}?退(?:给|回|还)|\b(?:refund|reimburse)\b|\bmoney back\b|\bcredit (?:me|my|it)\b|\btake (?:it|that|this|them|[\w,]+ (?:thousand|hundred)|the [\w,]+) off (?:my|the|our)\b|\b(?:mistake|error|wrong)s? on (?:my|our|the|this) (?:[\w-]+ )?(?:invoice|bill|statement)\b|\bremove (?:it|that|the [\w,]+(?: thousand| hundred)?)\b/i;

// Where one thing said ends: a sentence, or a clause (and also, 还有).
const SENTENCE_END = /[.?!,;]+(?:\s|$)|[。？！；，、]|\b(?:and also|also|plus)\b|还有|另外|顺便/;

function relevantToText(profiles: readonly InterfaceProfile[], text: string, limit: number): string[] {
  const kinds = kindsOf(text);
  const own = OWN_THING.test(text);
  const terms = new Set(tokenize(text));
  // A word only one interface has (年费 of 查询年费、滞纳金等费用记录) says which one as a kind does.
  const holders = (t: string) => profiles.reduce((n, p) => n + (p.terms.has(t) ? 1 : 0), 0);
  const scored = profiles
    .filter((p) => !p.internal)
    .map((p) => {
      let score = 0;
      for (const k of kinds) if (p.kinds.has(k)) score += 2;
      // 我在你们那边办的日本签证: the caller's own thing is in their records before the catalogue.
      if (own && p.personal) score += 1;
      for (const t of terms) {
        if (p.terms.has(t)) score += profiles.length > 1 && holders(t) === 1 ? 2 : 1;
        // Three interfaces mention meeting rooms; the one named room_bookings is about them.
        if (p.nameTerms.has(t)) score += 2;
      }
      return { name: p.name, score, personal: p.personal };
    })
    .sort((a, b) => b.score - a.score);
  const best = scored[0]?.score ?? 0;
  const chosen = scored
    .filter((s) => s.score >= 2 && s.score >= best - 1)
    .slice(0, limit)
    .map((s) => s.name);
  // 剩下的钱全部给我退回来 of a tutor's lateness: the rules and the lesson log say what is due, and
  // what the caller paid is in their own records: the likeliest of those is looked up too.
  if (
    chosen.length > 0 &&
    MONEY_ASKED_BACK.test(text) &&
    !scored.some((s) => s.personal && chosen.includes(s.name))
  ) {
    const own = scored.find((s) => s.personal);
    if (own !== undefined) chosen.push(own.name);
  }
  return chosen;
}
