/**
 * Words for `findOtherParty`: who a caller may name besides themselves, and what of theirs they
 * may ask about or act on, in Chinese and English. Sources of regular expressions over normalised
 * text (lower-case ASCII, half-width); compiled on first use.
 */

/** A regular expression's alternatives, longest first, so 前男友 is read before 前任 could stop short. */
export function alternatives(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).join('|');
}

/** Common surnames: a full name (冯雪, 张伟) or 王先生, 老李, 小王 names a third person. */
export const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段侯陶黎贺顾毛郝龚邵钱严覃戴莫施樊葛邢庞颜倪聂翟殷詹耿俞舒阮柯裴霍涂苗翁冉骆靳柴蒙鲍喻祁蒲滕饶牟穆农缪简芦褚娄窦戚岑卜晏瞿佟臧闵苟邬卞姬仇栾隋刁荣寇甄丛虞巩佘苑邝';

/** Family, friends and people around the caller (我老婆, 邻居, 房东 ...). */
export const PEOPLE_ZH = [
  '老婆',
  '老公',
  // 我家老爷们儿, 俺家那口子: a husband or wife in northern speech.
  '老爷们儿?',
  // 我们家老孙, 俺家老马: a husband (or an elder) called by his surname at home.
  `家老[${SURNAMES}]`,
  '那口子',
  // 堂客, 老倌子 (Hunan, Hubei), 婆娘 (Sichuan), 老伴儿, 我男人, 屋里人: a wife or husband in other
  // regions' and older people's words.
  '堂客',
  '老倌子?',
  '婆娘',
  '老伴儿?',
  '我男人',
  '屋里人',
  // 额掌柜的 (Guanzhong): a husband.
  '掌柜的',
  '妻子',
  '丈夫',
  '爱人',
  '媳妇',
  '太太',
  '对象(?!存储)',
  '男朋友',
  '女朋友',
  '男友',
  '女友',
  '前任',
  '前妻',
  '前夫',
  '前男友',
  '前女友',
  '儿子',
  '女儿',
  '闺女',
  '孩子',
  '小孩',
  '儿媳',
  '女婿',
  '妈妈',
  '我妈',
  '老妈',
  '母亲',
  '爸爸',
  '我爸',
  '老爸',
  '父亲',
  '爸妈',
  '父母',
  '爷爷',
  '奶奶',
  // Grandchildren: 孙子, 外孙女, 孙伢 (Wuhan), 孙孙 (Sichuan).
  '孙子',
  '孙女',
  '外孙女?',
  '孙伢子?',
  '孙孙',
  '孙儿',
  '外公',
  '外婆',
  '姥姥',
  '姥爷',
  '公公',
  '婆婆',
  '岳父',
  '岳母',
  '丈母娘',
  '老丈人',
  // An old parent said the Northern way (我家老爷子, 老太太).
  '老爷子',
  '老太太',
  '老头子',
  '哥哥',
  '姐姐',
  '弟弟',
  '妹妹',
  '我哥',
  '我姐',
  '我弟',
  '我妹',
  '表哥',
  '表姐',
  '表弟',
  '表妹',
  '堂哥',
  '堂姐',
  '堂弟',
  '堂妹',
  '叔叔',
  '舅舅',
  '舅妈',
  '姑姑',
  '姨妈',
  '亲戚',
  '家人',
  '家里人',
  '姐夫',
  '妹夫',
  '侄子',
  '侄女',
  '外甥',
  '外甥女',
  // 涯老弟 (Hakka), 我崽 (Hunan, Jiangxi), 囡囡 (Wu): a brother, a son, a daughter.
  '老弟',
  '我崽',
  '囡囡',
  '小姨',
  '大姨',
  '姨夫',
  '姑父',
  // Uncles and aunts said the Sichuan and Chongqing way (幺爸, 嬢嬢), and in-laws by marriage.
  '幺爸',
  '幺叔',
  '幺妈',
  '幺姑',
  '嬢嬢',
  '孃孃',
  '伯娘',
  '舅娘',
  '小舅子',
  '大舅子',
  '连襟',
  '亲家',
  '舅妈',
  '婶婶',
  '大伯',
  '伯伯',
  '邻居',
  // A compound's owners and residents (业主电话, 住户名单); not we owners (我们业主, 作为业主).
  '业主(?<!(?:我们?|咱们?|作为)业主)(?!群|大会|委员会)',
  '住户(?<!(?:我们?|咱们?)住户)',
  // A household said by where it lives (隔壁, 对门, 1102那户, 楼上的, 1002那家): not the building's
  // own places (楼下的快递柜, 楼上电梯口) nor a shop (那家店).
  '隔壁',
  '对门',
  '那户',
  '这户',
  '楼上(?!的?(?:快递|驿站|大门|门口|大堂|大厅|电梯|前台|物业|保安|超市|商铺|店))',
  '楼下(?!的?(?:快递|驿站|大门|门口|大堂|大厅|电梯|前台|物业|保安|超市|商铺|店))',
  '那家(?![店公银医饭酒超商铺馆])',
  '那户人家',
  '那家人',
  '同事',
  '同学',
  '室友',
  '舍友',
  '朋友',
  '闺蜜',
  '哥们',
  '老板',
  '领导',
  '上司',
  '下属',
  '房东',
  '房客',
  '租客',
  '租户',
  '别人',
  '他人',
  '旁人',
  '外人',
  '其他人',
  '其它人',
  '别的人',
  '其他用户',
  '其它用户',
  '别的用户',
  '其他客户',
  '别的客户',
  '其他会员',
  '其他乘客',
  '别的乘客',
  '其他旅客',
  // Another holder of what the product serves (其他投保人, 别的车主, 其他持卡人).
  ...['其他', '其它', '别的', '另外的', '另一个', '另一位'].map(
    (lead) =>
      `${lead}(?:投保人|被保险?人|持卡人|车主|业主|户主|机主|房主|学员|学生|住户|患者|病人|乘机人|收件人|寄件人|玩家|顾客|买家|卖家|商户)`,
  ),
  // 隔壁那家店, 隔篱嗰间餐厅, 对面那个商户: another business, said by where it is.
  ...['隔壁', '隔篱', '对面', '旁边'].map(
    (lead) => `${lead}(?:那|这|嗰)?(?:家|间|个)?(?:店|商户|商家|餐厅|饭店|铺子|门店|馆子)`,
  ),
  '另一个用户',
  '另外一个用户',
  '另外一位用户',
  '另外一个客户',
  // Who used the thing before the caller or uses it now (上一位骑行人, 当前使用者).
  ...['上一位', '上一个', '上个', '前一位', '前一个', '当前'].map(
    (lead) => `${lead}(?:的)?(?:骑行人|骑车的人|骑的人|用户|使用者|租车人|租用人|乘客)`,
  ),
  '另一个人',
  '另一位',
  '陌生人',
  // Whoever reported or complained about the caller (举报我的人, 故障上报人): a person, not a case.
  '举报人',
  '投诉人',
  '上报人',
  ...['举报', '投诉', '上报'].map((act) => `${act}(?:了)?我[^,.!?;:、\\n]{0,4}?的(?:那个|那位)?人`),
  '某人',
  '那个人',
  '这个人',
  // 你俾屋主个电话我: the contact of a house's owner (not 原房主要是还欠费, a question of policy).
  '屋主(?=(?:的)?(?:电话|手机|号码|联系方式|微信))',
  '房主(?=(?:的)?(?:电话|手机|号码|联系方式|微信))',
  // 粤B开头那辆车的车主: the owner of a car described, not the caller.
  '那辆车的车主',
  '这辆车的车主',
  '那台车的车主',
  '那个男的',
  '那个女的',
  // 他们公司有没有信: another company, said by whom it is (not 他们 alone, which callers say of
  // the business they call).
  '他们(?:公司|单位)',
  '她们(?:公司|单位)',
  // 那个丫头的电话, 那位小伙子住哪: someone described, not named (a date, a fellow guest).
  ...['那个', '这个', '那位', '这位', '有个', '人家'].map(
    (lead) =>
      `${lead}(?:姑娘|丫头|小伙子?|女孩子?|男孩子?|女生|男生|妹子|小妹|美女|帅哥|小姐姐|小哥哥|老头|老太太?|老爷子|大哥|大姐|大叔|大妈)`,
  ),
  '这个男的',
  '这个女的',
  '有个男的',
  '有个女的',
  '这哥们',
  '那哥们',
  '这家伙',
  '那家伙',
  // 这人工客服 / 转人工: 人工 is a human agent, not a person asked about.
  '这人(?!工)',
  '那人(?!工)',
  '那位',
  '对方',
  '学长',
  '学姐',
  '学弟',
  '学妹',
  '师兄',
  '师姐',
  '队友',
  '搭档',
  '合伙人',
  '发小',
  '兄弟',
  '姐妹',
  '嫂子',
  '弟媳',
  '小舅子',
  '干妈',
  '干爹',
  '后妈',
  '继父',
  '继母',
  '保姆',
  '助理',
  '秘书',
  '员工',
];

/**
 * Company the caller kept, after 跟/和/同/陪/带 (跟朋友在九眼桥喝酒, 和同事一起去的, 带孩子来玩): someone
 * around the caller (娃, 伢 are children in south-western and Hubei speech), and what they were doing
 * with the caller. People in the story, in one clause with it.
 */
const ONE_OF_COMPANY_ZH = `(?:${alternatives(PEOPLE_ZH)}|娃儿?|伢|仔仔|细路)`;
// 同老公仔仔去, 领俩孩子上你们园子, 带老婆和孩子去: the people one goes with, several listed.
export const COMPANY_ZH = `(?:我的?|俺的?|我们的?|几个|俩|两个|三个)?${ONE_OF_COMPANY_ZH}(?:[、和跟同与]?${ONE_OF_COMPANY_ZH})*(?:们|俩|几个|一家人?)?(?=一起|一块儿?|一道|在|去|到|出去|出来|来|吃|喝|看|逛|玩|耍|打|过|聚|唱|上(?:你|您|这|那|贵))`;

/**
 * Someone's home as the place a thing goes or a visit is (送到我妈家, 给我送我妈家去, 搬到朋友那儿): a
 * site, nothing of theirs asked.
 */
export const PLACE_OF_COMPANY_ZH = `(?<=(?:送|寄|搬|拉|运|接|去|到|在|上)(?:到|去|往|回)?(?:[\u4e00-\u9fff](?<![给帮替为问查])){0,3})(?:我的?|俺的?|我们的?)?${ONE_OF_COMPANY_ZH}(?:的)?(?:家|那儿|那里|那边|那|屋里|家里|住处|住的地方)`;

/**
 * Why someone cannot come (礼拜六我老公要加班, 我爸爸早上起来有点中暑, 孩子发烧了): the caller's reason
 * for changing their own booking, nothing of that person's asked.
 */
export const KEPT_AWAY_REASONS_ZH =
  '(?:加班|上班|出差|值班|生病|病了|发烧|中暑|感冒|住院|受伤|不舒服|有事|去不了|来不了|走不开|没空|没时间)';
export const KEPT_AWAY_ZH = `(?:我的?|俺的?|我们的?|我家|俺家|阿拉)?${ONE_OF_COMPANY_ZH}[^,.!?;:、\\n]{0,8}?${KEPT_AWAY_REASONS_ZH}`;

/** Something of someone else's (我妹妹的票, 她的合同, 佢嘅卡): whose thing it is, said. */
export const THEIRS_ZH = `(?:${alternatives(PEOPLE_ZH)}|(?<![其吉])他|她|他们|她们|佢|ta)(?:的|嘅|个)`;

/** People met through a service (骑手, 快递员): only their contact and identity are theirs to keep. */
export const ROLES_ZH = [
  // 那个看车库的, 守大门的: staff named by what they look after.
  '看车库的',
  '管车库的',
  '看仓库的',
  '管仓库的',
  '看大门的',
  '守大门的',
  '看停车场的',
  '骑手',
  '外卖员',
  '外卖小哥',
  '送餐员',
  '配送员',
  '快递员',
  '快递小哥',
  '派送员',
  '送货员',
  '司机',
  '师傅',
  '技师',
  '技术员',
  '工程师',
  '维修工',
  '安装工',
  '寄件人',
  '抄表员',
  '安检员',
  '送药员',
  // Those who come into the caller's home to work on it or them: 整理师的电话, 月嫂的微信.
  '整理师',
  '收纳师',
  '装裱师',
  '美容师',
  '化妆师',
  '摄影师',
  '理疗师',
  '按摩师',
  '育婴师',
  '月嫂',
  '保洁员',
  '护工',
];

/**
 * The other side of a sale the business brokers (a consignment's buyer, a resale's seller): who
 * they are is theirs too, their surname and where they are from (买家姓啥、哪里的人), not only how
 * they are reached. A technician's surname is said to the caller he comes to (蒋师傅).
 */
export const COUNTERPARTIES_ZH = ['买家', '卖家', '买主', '寄卖人'];
export const COUNTERPARTY_IDENTITY_ZH = '姓(?:什么|啥|甚么|哪个)|(?:是)?哪(?:里|儿|块)?的?人|是谁|是哪';

/** What a business's customers are listed in (业主名单, 会员花名册, 通讯录). */
export const CUSTOMER_LISTS_ZH = '名单|花名册|通讯录';

/** A household's own services: 他家那条线, 老赵家的宽带, 她家的电表 are that household's account. */
export const HOME_SERVICE_ZH =
  '(?:那|这)?(?:条|根)?(?:线路?|宽带|网络?|水表|电表|燃气|煤气|暖气|水电费?|物业费?)';

/** How much of a job someone had done (打了多少亩, 收了几吨): the size of their order. */
const JOB_SIZE_ZH = '[\\u4e00-\\u9fff]了(?:多少|几|好多)(?:亩|斤|公斤|吨|平米?|方)';

/**
 * What a household sold or pawned to the business, asked (他家那两台空调是不是卖给你们了, 他家那台卖了好多钱):
 * a shop sells to no shop it is asked about.
 */
const HOUSEHOLD_SOLD_ZH =
  '[^,.!?;:、\\n]{0,8}?(?:(?:是不是|有没有|是否)(?:把[^,.!?;:、\\n]{1,8}?)?(?:卖|当|租)给(?:你们|您们|你那|贵)|(?:卖|当)了(?:多少|好多|几多|几))';

/**
 * What a household had done or paid, or where it lives (他家修的啥, 他家花了多少, 他家打了多少亩, 他家是几号楼):
 * 他家 is that household then.
 */
const HOUSEHOLD_ACTS_ZH = `(?:${JOB_SIZE_ZH}|${HOUSEHOLD_SOLD_ZH}|[^,.!?;:、\\n]{0,6}?(?:多少钱|几多钱|什么时候|啥时候|哪天|几号)(?:买|订|定|装|修|换|配)的|修的|买的|换的|装的|报修|花了|交了|付了|住|是?[^,.!?;:、\\n]{0,3}?(?:号楼|栋|幢|单元|零几|号房|室)|[^,.!?;:、\\n]{0,4}?(?:烧|用)了?多少|[^,.!?;:、\\n]{0,6}?(?:交没交|缴没缴|欠没欠|交了没|缴了没)|[^,.!?;:、\\n]{0,4}?欠(?:了|着)?(?:多少|几))`;

/**
 * 伊, he or she in Wu speech (伊讲, 帮伊去拿, 伊拉 they), where a verb or a family word follows: not
 * in names and words (伊利, 伊朗, 木乃伊).
 */
const WU_PRONOUN_ZH =
  '(?<![木乃])伊(?:拉(?!克))?(?=讲|话|说|在|的|额|个|勿|要|想|拿|托|是|叫|屋里|家|自家|脚|老公|老婆|儿子|女儿|前|昨|今|明|一|去|来|洗|寄|送|买|报|订|约|办|付|交|住|做|用)';

/** 佢, 佢哋: he, she and they in Cantonese. */
const CANTONESE_PRONOUN_ZH = '佢哋|佢';

/** How a household is reached (他家电话, 他家的地址): a shop's would be asked for by its name. */
const HOUSEHOLD_CONTACT_ZH = '(?:电话|手机号?|地址|住址|门牌|联系方式|微信)';

/**
 * 他/她 (not 其他, 吉他; not 他们, nor 他家 which callers say of a shop unless a household's
 * service, what it had done or how it is reached follows: 他家那条线, 他家修的啥, 他家电话), ta as
 * typed in chat.
 */
export const PRONOUN_ZH = `(?:${WU_PRONOUN_ZH}|${CANTONESE_PRONOUN_ZH}|(?<![其吉])他(?![们妈娘人])(?!家(?!(?:里|里头|里面)?的?(?:${HOME_SERVICE_ZH}|${HOUSEHOLD_ACTS_ZH}|${HOUSEHOLD_CONTACT_ZH})))|(?<![其吉])她(?![妈娘人])|她们|(?<![a-z])ta(?![a-z]))`;

/** 小王, 老李: surnames that do not start common words after 小/老 (小米, 小白, 老师 are not people). */
export const FAMILIAR_SURNAMES =
  '王李张刘陈杨赵吴周徐孙胡朱郭何林罗郑梁谢宋唐韩冯邓曹彭曾萧蒋蔡杜叶魏吕沈姚卢崔钟谭陆汪范廖贾夏邹孟熊';

export const TITLES_ZH =
  '(?:先生|女士|小姐|太太|老师|师傅|经理|总|阿姨|嬢嬢|孃孃|叔叔|大爷|大妈|大姐|大哥|姐|哥|姨|婶|嫂|伯|叔)';

/** Characters that do not belong to a given name: function words and the words around a name. */
export const NOT_GIVEN_NAME =
  '的那这个家说是我你他她们了在和跟给把被也都就还要想呢吗吧啊呀么怎什哪谁几多少上下里外前后新旧买订退改查帮让叫用脱掉过完额';

/**
 * What is a person's own: contact, identity, account, orders, trips, files ... (手机 alone is a
 * device; 信息 sent or received is a message).
 */
/**
 * A name asked for: 叫什么, 叫啥, but not where a description ending in 的 follows (叫什么离焦的,
 * "the, what's it called, 离焦 one", gropes for a word).
 */
export const NAME_ASKED_ZH = '叫(?:什么|啥)(?![^,.!?;:、\\n名]{1,8}?的)';

/**
 * 物业给我打电话, 打了个电话给我, 等你们领导回电话, 我等佢电话: a call made, asked for or waited
 * for, not a number handed over. Before 电话.
 */
export const CALL_MADE_ZH =
  '(?:(?:打|回|来|拨)(?:了|过)?(?:个|一个|一通|几个|好几个)?|等(?:他|她|佢|ta|你们?|主管|经理|领导|店长|站长)?的?)';

export const DATA_ZH = `(?:手机(?:号码?|是多少|多少)|(?<!${CALL_MADE_ZH})电话(?:号码?)?(?!(?:也|还|又)?(?:一直|老是|总是|都|根本|还是)?(?:打不通|打不进|没人接|不接|关机|占线|无人接听|联系不上|没接|停机))|号码|联系方式|微信号?|qq号?|(?:家庭|收货|家)?(?:地址|住址)|(?:分在|分到|在)?(?:哪个|哪一个|几)班|班级|分班|(?:哪个|哪位)教练|教练是谁|课表|住哪|住在哪|家在哪|订单|单子|[那这]单(?![位独纯])|合同|单号|工单|报修单|维修单|报修记录|维修记录|账单|账号|账户|帐号|帐户|套餐|卡号|(?:银行|信用|储蓄|会员)卡|卡(?:上|里)|身份证号?|证件号?|护照|签证|邮箱|费率|营业额|营收|流水(?!线|程)|位置|定位|行踪|行程|航班|机票|座位号?|几排|哪排|哪一排|坐哪|坐在哪|坐几排|坐几|房间号|(?<![发收回])信息|资料|隐私|照片|相册|图片|视频|文件|文档|云盘|网盘|存了|快递|包裹|物流|密码|验证码|取件码|取货码|提货码|处方|病历|用药|药品?(?![店房铺])|户号|用气量|用电量|用水量|气费|燃气费|水费|电费|物业费|停车费|管理费|(?:烧|用)了?多少(?:气|电|水)|余额|积分|话费|流量|消费|记录|水单|押金|保证金|水票|(?:月|季|年|次)卡|(?:会员)?等级|(?:账户|会员|账号|卡)状态|到期(?:时间|日期?)|欠(?:费|款|多少|了多少)|(?:是不是|是否|是)(?:你们|咱们|我们)(?:家)?的?(?:客户|会员|用户|顾客|学员)|房费|名字|姓名|${NAME_ASKED_ZH}|名下|男的女的|男的还是女的|是男是女|性别|多大岁数|多大年纪|年龄(?!限制|要求|段)|(?:条|根)线|线路|宽带|电表|水表|成绩|分数|得分|估分|估的分|学习进度|支付宝|花呗|钱包|付款码|付款方式|支付方式|工作单位|哪个单位|(?:什么|啥)单位|职业|收入|工资|学历|婚史|婚姻状况|(?:结|离)过婚|结婚了?没|是不是(?:真的)?(?:公务员|单身|离异|离婚|已婚)|课包|课时|剩(?:几|多少)次|(?:检测|体检|化验)(?:报告|结果|数据)|测出来|作品|报价|底价|出价|成交价|成交额|卖了?(?:多少|好多|几多|几)(?:钱|万)|租了?(?:多少|好多|几多|几)钱|(?:一个月|每个?月|月)(?:多少|好多|几多)钱|租金|房租|月租|贷款|首付|按揭|(?:卖|租|转)给(?:了)?(?:哪个|谁|什么人|啥人|哪家)|(?:年检|年审|检验)(?:有效期|记录|到期)|(?:要不要|用不用|该不该)(?:年)?检|(?:检|年检)(?:过)?没过|过没过|(?:什么时候|啥时候|哪天|几号)到期)`;

/**
 * Things that are a person's only right after 的/那个 (她的卡, 我弟的会员): further off they are
 * the shop's (我妈是你们会员) or a state (他的电脑很卡). Not 课: 孩子的课 is mostly one a parent bought.
 */
export const LINKED_DATA_ZH = '(?:会员|卡(?![了住顿通片壳套得死]))';

/**
 * Of a role, only contact and identity count (骑手到哪了 is about the caller's own order). A phone
 * that cannot be reached (骑手电话打不通) is a complaint, and 打电话 is calling: no number asked for.
 */
export const ROLE_DATA_ZH = `(?:手机(?:号码?|是多少|多少|(?=$|[,.!?;:、\\s吧呗啊呀嘛给]))|(?<!${CALL_MADE_ZH})电话(?:号码?)?(?!(?:也|还|又)?(?:一直|老是|总是|都|根本|还是)?(?:打不通|打不进|没人接|不接|关机|占线|无人接听|联系不上|没接|停机))|号码|联系方式|微信号?|qq号?|(?:家庭)?住址|住哪|住在哪|家在哪|身份证号?|照片|名字|姓名|${NAME_ASKED_ZH})`;

/** A device counts as someone's account when it is bound, unbound or transferred. */
export const DEVICE_ZH = '(?:设备|音箱|手机|电脑|平板|手表|路由器)';
export const BINDING_ZH = /解绑|解除绑定|绑定|过户|转移|转给我|注销/;

/**
 * Between a person and a thing, these make the thing the caller's or someone else's story
 * rather than that person's (我老婆说我的订单..., 我朋友推荐的套餐, 和同事一起办的套餐: the caller's too).
 */
export const BREAKS_ZH =
  '(?:我|咱|自己|本人|说|讲|觉得|认为|推荐|介绍|建议|让|叫我|告诉|帮|替|给我|问|提醒|生日|礼物|婚礼|聚会|一起|一块|共同)';

/** The possessive links between a person and their thing: 的, 那个, 家的 ... */
export const LINK_ZH =
  '(?:的那[个张台辆部份笔]|的这[个张台辆部份笔]|那边的?|家的?|的|那[个张台辆部份笔]|这[个张台辆部份笔]|那|这)';

/**
 * Said before a person the caller buys, books or pays in for: 给我妈买的 is the caller's own order,
 * 给他交上电费 the caller's own payment.
 */
export const FOR_BEFORE_ZH = /(?:给|帮|替|为|送)我?的?$/;
export const BOUGHT_AFTER_ZH = /^(?:的|那边)?(?:买|订|定|寄|送|充|交|缴|办|下单|购买|预订|预定|点)/;

/**
 * Photos or videos of someone (her photos, 我妈的照片) that the caller says they took, saved,
 * uploaded, lost or deleted themselves are in the caller's own library: a picture of a person is
 * not that person's account. Read with the media word and the words before the person.
 */
export const MEDIA_EN = /^(?:photos?|pictures?|pics|videos?|albums?)$/;
export const OWN_MEDIA_ACT_EN =
  /\bi(?:'ve|'d| have| had)?\b[^.!?;]{0,40}?\b(?:deleted|removed|lost|uploaded|backed up|took|saved|erased|wiped|cleared)\b[^.!?;]{0,24}$/;
export const MEDIA_ZH = /^的?(?:照片|相片|图片|视频|录像|相册)/;
/** 我不小心把(我)…: the caller put their own hand to what follows. */
export const OWN_HAND_BEFORE_ZH = /我(?:自己)?(?:不小心|一不小心|手滑|误)?(?:把|将)我?$/;
/** …的照片删了, 视频弄丢了: what the caller did to the pictures. */
export const MEDIA_LOST_AFTER_ZH =
  /^的?(?:照片|相片|图片|视频|录像|相册)[^,.!?;:、\n]{0,6}?(?:删|弄丢|丢了|清|没了)/;
/** 我拍的(我)…, 我备份的…: pictures the caller made or kept. */
export const OWN_MEDIA_BEFORE_ZH = /我(?:自己)?(?:拍|传|上传|备份|存|保存|录)的我?$/;

/** 我妈拍照片给我, 老公拍了张照片发给我: pictures someone made and sent the caller, told, not asked. */
export const MADE_FOR_CALLER_ZH =
  /^(?:拍|照|录|截)了?(?:[一两几\d]?(?:张|段|个))?(?:照片|相片|图片|视频|截图)?[^,.!?;:、\n]{0,4}?(?:给我|发我|发给我|传给我|给俺|发俺)/;

/** 我女儿把机票发给我看了, 他把截图转给我了: something someone sent or showed the caller, told. */
export const SHOWN_TO_CALLER_ZH =
  /^把[^,.!?;:、\n]{0,8}?(?:发|拿|传|转|给|寄)(?:给|过来给)?(?:我|俺)(?:看|瞧|瞅)?了/;

/**
 * 房东非要个收入证明, 学校要我交个在职证明: a paper someone asks of the caller, about the caller, which
 * the caller then asks the company for. The person is who it is for, not whose data it holds.
 */
export const DEMANDED_OF_CALLER_ZH =
  /^(?:非要|非得|一定要|要求|让我|叫我|要我|喊我|需要)(?:我)?[^,.!?;:、\n]{0,6}?(?:证明|材料|盖章|公章)/;

/** Introducing oneself: 我是王先生, 我叫张伟. */
export const SELF_BEFORE = /(?:我是|我叫|本人是?|我姓|this is|i am|i'm|my name is)\s*$/;

export const RELATIVES_EN =
  'wife|husband|partner|spouse|mom|mum|mother|dad|father|parents?|son|daughter|kids?|child|children|brother|sister|siblings?|grandma|grandmother|grandpa|grandfather|aunt|uncle|cousin|niece|nephew|friend|boyfriend|girlfriend|fiancee?|colleague|coworker|co-worker|boss|manager|employee|neighbou?r|roommate|flatmate|housemate|landlord|landlady|tenant|ex|ex-wife|ex-husband|in-laws?|mother-in-law|father-in-law|sister-in-law|brother-in-law|son-in-law|daughter-in-law|family|relatives?|classmate|assistant|ex-girlfriend|ex-boyfriend|ex-partner|buddy|study buddy|gym buddy|mate|pal|bestie|best friend|bff|teammate|stepmom|stepdad|stepson|stepdaughter|grandson|granddaughter|grandkids?|nanny|babysitter|caregiver|client|employer|buyer|vendor|seller|purchaser';
// my little brother, our older son, my best friend: a word or two before the relation.
const KIN_ADJECTIVES_EN =
  '(?:(?:little|baby|big|younger|older|elder|eldest|youngest|twin|old|new|former|late|next[- ]door|step-?|half-?)\\s?)?';
const ROLES_EN =
  'courier|driver|rider|delivery (?:guy|man|person|driver|rider|boy|girl)|deliveryman|postman|mailman|postie|milkman|milk man|paperboy|technician|repairman|engineer|installer|sender';
/**
 * Staff who serve the caller in person (the golf pro, my instructor, the caddie): the first name
 * they go by is said to callers, their surname and their own mobile are not.
 */
export const STAFF_ROLES_EN =
  '(?:golf |club |teaching |tennis |swim(?:ming)? |driving |riding |fitness |personal )?(?:pro|professional|coach|instructor|trainer|tutor)|caddie|caddy|marshal|greenkeeper|mechanic|therapist|stylist|groomer|cleaner|inspector|assessor|examiner|surveyor|staff member|member of staff|cashier|caissi[eè]re?|teller|receptionist|counter (?:girl|boy|staff|clerk)|storekeeper|warehouse (?:boy|man|staff)';
/** People on a stage or a set (the band, the crew): someone else to a fan who asks after them. */
const PERFORMER_NOUNS_EN = '(?:band|artists?|singers?|performers?|crew|cast|celebrit(?:y|ies)|rapper|dj)';
/** Someone described, not named: the bloke, that lass, some fella. */
const PERSON_NOUNS_EN =
  '(?:guy|dude|man|woman|lady|person|girl|boy|bloke|fella|fellow|lad|lass|chap|gent|gentleman)';
const STRANGERS_EN =
  `(?:someone|somebody|anyone|anybody)(?: else)?|the ${PERFORMER_NOUNS_EN}|` +
  `the (?:sellers?|re-?sellers?|scalpers?|buyers?|transferors?)|(?:another|a different|different|some other|other) (?:users?|customers?|persons?|people|passengers?|members?|subscribers?|clients?|guys?|account holders?)|other people|(?:this|that|some) (?:${PERSON_NOUNS_EN}|passenger|member)|the (?:other passenger|${PERSON_NOUNS_EN}|neighbou?rs?|stranger)|a stranger|strangers|` +
  // did next door have termites: a household said by where it lives, as 隔壁 (not next door to).
  '(?:the (?:people|folks|family|place|house|unit|flat|apartment|property|one) )?next[- ]door(?! to\\b)|' +
  // the owner's address, the dog's keeper: whoever a found thing or animal belongs to; the previous
  // owners, the old couple, the new owners: whoever had a place before the caller or has it after.
  "the (?:\\w+'s )?(?:owner|keeper|registered keeper|previous owner|householder|occupier|other driver)|the (?:previous|old|former|last|new|next) (?:owners?|tenants?|occupants?|residents?|couple)";
const TITLED_EN = '(?:mr|mrs|ms|miss|mister|dr)\\.?\\s+(?:[a-z]+\\s+)?[a-z]+';

/** A person other than the caller, in English; `role` marks people met through a service. */
// me ex, me mam: "me" is "my" in Irish, Scottish, Northern English and Australian speech.
/** Someone the caller knows by their relation to them: my ex, our landlord, me mam. */
export const KIN_EN = `(?:my|our|me) ${KIN_ADJECTIVES_EN}(?:${RELATIVES_EN})`;

/**
 * Someone the caller takes off or puts on their own plan, membership or account (take my ex off my
 * membership, add my wife to our plan): a member of what is the caller's, not an act for them.
 */
export const MEMBER_OF_OWN_ACCOUNT_EN = new RegExp(
  `\\b(?:take|get|kick|boot|drop|throw|remove|add|put)\\s+${KIN_EN}\\s+(?:off|out\\s+of|from|to|onto|on)\\s+(?:my|our)\\s+(?:family\\s+|joint\\s+|household\\s+|shared\\s+)?(?:account|membership|plan|policy|subscription)\\b`,
  'g',
);

/** A relation the caller names, then perhaps the name (my partner Tom, me mam). */
const KIN_NAMED_EN = `${KIN_EN}(?!'s|s'|\\w)(?:,?\\s+(?!and\\b|or\\b|can\\b|could\\b|will\\b|would\\b|is\\b|was\\b|has\\b|had\\b)[a-z]+(?!'s|s'|\\w))?`;

/**
 * Company the caller keeps (me and my partner Tom, my wife and I, with my son): those the caller's
 * own booking or visit is for, no one whose data is asked. A possessive (my partner's booking) is
 * not company.
 */
export const COMPANY_EN = new RegExp(
  `\\b(?:(?:me|i|myself)\\s+and\\s+${KIN_NAMED_EN}|${KIN_EN}(?:\\s+[a-z]+)?\\s+and\\s+(?:i|me|myself)\\b|(?:with|alongside)\\s+${KIN_EN}(?!'s|s'|\\w))`,
  'g',
);

/**
 * Why someone of the caller's cannot come (my partner hurt his knee, me mam's in hospital, my son
 * is sick): the reason for the caller's own change, no one's data asked.
 */
export const KEPT_AWAY_EN = new RegExp(
  // me mam's in hospital: 's there is "is" or "has", not whose.
  `\\b(?:${KIN_NAMED_EN}|${KIN_EN}(?='s\\s))(?:'s|\\s+(?:has|had|is|was|got|just|has just|had just))?\\s+(?:gone and\\s+)?(?:done|hurt|broke|broken|sprained|twisted|injured|fractured|sick|ill|unwell|poorly|come down with|down with|in hospital|on crutches|pregnant|(?:had |having )?(?:a stroke|a heart attack|a fall|an accident|an operation|surgery|a baby|a seizure)|been (?:rushed|taken|admitted)|taken ill|got called in|called into work|got covid|has covid|tested positive|passed away|died|can't make it|cannot make it|can't come|won't be able|isn't well|not well)\\b[^,.!?;:\\n]*`,
  'g',
);

/**
 * Where the caller's own booking is held (at my parents' place, to my sister's house): a site,
 * no one's data asked.
 */
const KIN_PLACE_EN = new RegExp(
  `\\b(?:at|to|in|from|by)\\s+${KIN_EN}(?:'s|s'|')\\s+(?:place|house|home|compound|yard|flat|apartment|village|farm|land|plot)\\b`,
  'g',
);

/** People named in English as the caller's own: members of their account, company, kept away. */
const OWN_PEOPLE_EN = [MEMBER_OF_OWN_ACCOUNT_EN, COMPANY_EN, KEPT_AWAY_EN, KIN_PLACE_EN];

/**
 * The text without the people it names as the caller's own (take my ex off my membership, me and
 * my partner Tom, my partner hurt his knee): what is left names whoever else it is about.
 */
export function withoutOwnPeopleEn(text: string): string {
  let out = text;
  for (const re of OWN_PEOPLE_EN) {
    re.lastIndex = 0;
    if (!re.test(out)) continue;
    re.lastIndex = 0;
    out = out.replace(re, ' ');
  }
  return out;
}
export const PEOPLE_EN = `(?:${KIN_EN}|${STRANGERS_EN}|${TITLED_EN})`;
export const ROLE_PEOPLE_EN = `(?:(?:the|that|this|our|your|my) (?:${ROLES_EN}|${STAFF_ROLES_EN}))`;

/** What is a person's own, in English. */
export const DATA_EN =
  '(?:phone(?: number)?|(?:mobile|cell)(?: number)?|number|contact(?: details| info\\w*| number)?|(?:home |email |e-mail |delivery |shipping |postal )?address|e-?mail|account(?: details| number| info\\w*)?|orders?|order history|bookings?|reservations?|appointments?|sessions?|lessons?|consults?|consultations?|treatments?|seat(?: number)?|row|tickets?|flights?|itinerary|(?:credit |bank |debit )?card(?: number| details)?|(?:driver(?:\\u0027)?s? )?licen[cs]e(?: number| details| plate)?|(?:rental )?agreements?|contracts?|rentals?|bills?|billing|invoices?|receipts?|quotes?|estimates?|statements?|plan|subscription|package|parcel|deliver(?:y|ies)|shipments?|consignments?|cartons|goods|files?|photos?|pictures?|documents?|data|details|info(?:rmation)?|records?|history|location|whereabouts|password|id(?: number)?|passport(?: number)?|balance|messages|purchases?|name|surname|last name|second name|full name|trips?|rides?|ride history|travel history|(?:watch|viewing) history|activity|schedule|check-ins?|attendance|absences?|visits|routine|scores?|grades?|results|reports?|findings|marks|progress|quiz(?:zes)?|exams?|certificates?|certs?|membership|renewals?(?: date)?|expiry(?: date)?|expiration(?: date)?|due date|tier|(?:account |membership )?status|courses?|class(?:es)?|timetables?|points|miles|paypal|venmo|apple pay|google pay|wallet|payment(?: method| details| info(?:rmation)?)?|prescriptions?|meds|medications?|medicines?|pills|drugs|refills?|inhalers?|antibiotics|dosage|diagnosis|health(?: info(?:rmation)?| records?)?|test results|lab results|insurance(?: claims?)?|copays?|(?:gate |door |access |entry |security |lock |locker |alarm )?(?:codes?|pins?|passcodes?|combinations?)|(?:storage )?units?(?: numbers?)?|lockers?(?: numbers?)?|(?:mail|po |p\\.o\\. |post office )?box(?: numbers?)?|income|earnings|salary|wages|payslips?|tax(?: returns?| bill| file number)?|(?:tax )?refunds?|(?:notices? of )?assessments?|deductions|debts?|loans?|savings|pension|(?:money |bank |wire )?transfers?|remittances?|transactions?|pay-?outs?)';
export const ROLE_DATA_EN =
  '(?:phone(?: number)?|(?:mobile|cell)(?: number)?|number|contact(?: details| info\\w*| number)?|(?:home )?address|e-?mail|id(?: number)?|name|surname|last name|second name|full name)';
/** Of staff, all but the first name they go by (see STAFF_ROLES_EN). */
export const STAFF_DATA_EN =
  '(?:phone(?: number)?|(?:mobile|cell)(?: number)?|number|contact(?: details| info\\w*| number)?|(?:home )?address|e-?mail|surname|last name|second name|full name)';

/** Words between a possessive and a thing that make it not that person's (my daughter's birthday order). */
export const NOT_THEIRS_EN = /^(?:my|our|your|me|i|birthday|gift|present|wedding|party|day)$/;
/** his/her/their followed by these is about a company (their support number). */
export const COMPANY_AFTER_EN =
  /^(?:support|service|customer|hotline|store|shop|website|app|company|office|team|staff|help|helpline|policy)\b/;

/** Capitalised words with 's that are not people (What's, Mother's Day, Men's shoes ...). */
export const NOT_NAMES_EN = new Set(
  (
    'what that it there here where who how when why which let he she everything everyone nothing today yesterday tomorrow tonight ' +
    'mother father valentine children men women kids girls boys people world year month week day new amazon apple ' +
    // Friday's delivery, Monday's bill: a day's, not a person's.
    'monday tuesday wednesday thursday friday saturday sunday weekend morning evening night ' +
    // Not April, May, June or August: names too.
    'january february march july september october november december ' +
    'google microsoft netflix spotify uber steam iphone android'
  ).split(' '),
);

/** How often someone came or used the service, asked (来了几次, 用咗几多次). */
export const VISITS_COUNTED_ZH =
  '(?:来|去|用|做|消费)(?:了|过|咗)(?:几多|几|多少|好多)(?:次|趟|回)|(?:一个月|一周|一礼拜|一星期|每月|每周|每天)(?:吃|来|用|坐)(?:了)?(?:几|多少|好多)(?:顿|次|趟|回)';

/**
 * Which benefit or subsidy someone gets, asked (他是啥补贴, 是不是吃的低保那一档, 享受的哪一档).
 */
const BENEFIT_ASKED_ZH =
  '(?:是|吃的|享受的?|领的?|拿的)(?:是)?(?:啥|什么|哪一?种|哪一?档)(?:补贴|补助|待遇|档)|(?:是不是|是否)(?:吃的|享受的?|领的?|拿的)?(?:低保|特困|五保|补贴|补助)';

/** What illness someone has or what medicine they take, asked (得了什么病, 吃的啥药, 开的么子方子). */
const ILLNESS_ASKED_ZH =
  '(?:得|患|生|看)(?:了|的)(?:是)?(?:什么|啥|么子?|哪种)(?:病|毛病)|(?:吃|开|抓|煎|配)(?:的|了)(?:是)?(?:什么|啥|么子?|哪些)(?:药|方子)';

/**
 * A ride taken with the business, asked after (他是不是坐你们车去的宝鸡, 坐没坐你们的车, 坐过你们车没).
 */
const RODE_ZH =
  '(?:是不是|是否|有没有)(?:也|又|都|还)*坐(?:了|过)?(?:你们|你们家|你家)?的?车|坐没坐(?:你们|你们家)?的?车|坐(?:了|过)(?:你们|你们家)的?车(?:没|吗|冇)';

/**
 * What a person does, asked after: where they went or stay, their room, when they usually come,
 * their results, what they watched, bought or sold for how much, what they earn and where it is
 * paid (她住的几号房, 他一般几点来, 我同学考了多少分, 她卖了好多, 他一天挣好多钱, 钱打到哪张卡), how
 * much of a job they had done (他家打了多少亩). Coming
 * and going needs a habit (一般, 平时, 最近 ...): 他几点来 is as often the technician the caller
 * waits for.
 */
export const ACTIVITY_ZH = `(?:(?:多少钱|几多钱|什么时候|啥时候|哪天)(?:买|订|定|装|配|办)的|${RODE_ZH}|${BENEFIT_ASKED_ZH}|${JOB_SIZE_ZH}|${ILLNESS_ASKED_ZH}|在哪(?:里|儿|个|家)?[^,.!?;:、]{0,3}?(?:充|刷|消费|停|打卡|签到|上的车|下的车)|(?:充|花|刷|消费)了(?:多少|几|好多)|存(?:了)?(?:多少|几多|好多|几)|(?:卖|租|当|寄卖)(?:了|出去|掉)?(?:多少|几多|好多)(?:钱|块)?|${VISITS_COUNTED_ZH}|(?:订|约|买|报|办|租)(?:了|的是?)(?:哪天|几号|哪一天|哪几天|哪几号|什么时候|啥时候|几点|多少|好多|几[桌个张间份位人天晚套件身]|哪一?[间桌张套件身款台辆]|哪个房)|寄(?:到|去)(?:了)?[^,.!?;:、]{0,4}?哪(?:里|儿|个|家)|(?:订|约|报|办)的[?？]|(?:哪天|几号|几点|什么时候|啥时候)(?:来|去)(?:玩|唱|吃|住|上课|做|剪|洗)|住(?:的|在)?(?:几号|几楼|哪间|哪个房|哪一间)|(?:去|到)(?:了|过)哪|都去(?:了)?哪|去哪(?:了|儿了|里了)|(?:一般|平时|通常|平常|每天|每次|经常|总是|老是|最近)[^,.!?;:、]{0,4}?(?:几点|什么时候|啥时候|哪天|哪几天)|(?:几点|什么时候|啥时候)(?:签到|打卡|入住|退房|离店|进场|上课|健身|锻炼)|(?:哪天|几号|几点)(?:拍|来拍|到店|来店|上门|做)|考(?:了|得)?(?:多少|几)分|考得怎么样|(?:学|上)到(?:哪|第几)|学了多少|考过了?没|(?:及格|通过|过)了?(?:没|伐)|(?:看|买|点|订|搜|听)(?:了|过)(?:个|一个|点|些)?(?:什么|啥|哪些)|(?:修|买|换|装|报修)的(?:啥|什么)|(?:欠|该还|要还|得还|还欠|交|缴)了?(?:多少|几|好多|几多)|欠(?:没|不)欠|欠着(?:钱|你们|好多|多少|几多)|(?:快|是不是|系咪|是否)(?:都|也)?快?到期|(?:没|未)(?:交|缴)|住的(?:是谁|谁)|是谁家|是不是住(?:在|过)?(?:你们|你那|那)|是?(?:礼拜|星期|周)几(?:上课|来|去|到|考)?|报(?:名)?了?(?:冇|没有?|吗)|一个人(?:报|订|约|买|办|去|住)的?|多少钱(?:[,.!?;:、]|$)|多少钱(?:一|每)(?:米|平米?|平方|个|件|斤|次|位|张|套|幅|晚|天|小时)|(?:跟|和|同)(?:谁|啥人|哪个|哪位|什么人|啥子人)(?:一起|一道|一块儿?)?(?:去|来|潜|玩|住|吃|报|订|约)|(?:一起|一道|一块儿?)(?:去|来|玩|住|吃)的(?:是)?(?:谁|哪个|哪位|啥人|什么人|啥子人)|住(?:的|了)(?:啥|什么|哪)(?:房|间)|几个人住|住没住|住了(?:几|多少)晚|(?:几|哪)(?:号楼|栋|幢|单元|零几|一户|户)|号楼还是|是不是(?:也|已经|都|还|自己|又|另外|偷偷|单独|最近|有)*在你们(?:这|那)?(?:里|边|儿)?(?:订|约|买|办|下单|报名|注册|租|认养|领养|预约|存|寄|请|学|报班|上课)|是不是(?:也|已经|都|还|自己|又|另外|偷偷|单独)*(?:把[^,.!?;:、]{1,10}?)?(?:在[^,.!?;:、]{0,8}?|拿(?:去|到)[^,.!?;:、]{0,6}?)?(?:给[^,.!?;:、]{1,4}?)?(?:报了|报名了|订了|约了|买了|办了|认养了|认了|领养了|预约了|来过|做过|做了|去过|参加了?|充了|充过|充值|消费过|刷(?:了|过|的)|开了|开过|回收了|卖(?:给[^,.!?;:、]{1,4}?)?了|当了|退了|(?:弄|搞|整|注册?|申请)了|还?欠着?)|(?:有没有|有冇|有没得)(?:在[^,.!?;:、]{0,6}?)?(?:报|报名|订|约|预约|预订|来过|做过|参加|租|下单|买|存|寄|消费|刷|充)|(?:有没有|有冇|有没得|是不是|是否)(?:也)?(?:投诉|报修|找过|反映|反应|说过|讲过)|(?:家|屋里|屋头|家里)(?:是不是|是否|有没有)也|(?:投诉|报修|反映)过(?:没|吗|冇)|(?:有没有|有冇|有没得)[^,.!?;:、]{0,6}?(?:信|包裹|快递|邮件|文书|挂号)|(?:哪天|几号|什么时候|啥时候|么时候|几点)(?:回来|回家|返回|结束)|(?:什么时候|啥时候|么时候|哪天|几号|几点)(?:搬|走|出发|动身)|搬(?:到|去)(?:了)?哪|(?:那个|那副|那台|那件|那款)?是?(?:啥|什么)(?:牌子|型号|款)|(?:买|配|订|办|租)的(?:是)?(?:啥|什么)|多少钱买的|花了多少)|(?:挣|赚|领)(?:了)?(?:多少|几多|好多|几)(?:钱|块|工资)?|(?:打|转|发|存)(?:到|进)哪(?:张|个|一张)?(?:卡|账户|账号)`;

/**
 * What only a customer does with the business, asked after (她是不是也喊过你们, 他们是不是也给你们打过
 * 电话): 他/她 here is no one who serves the caller, even where one is named.
 */
export const DEALINGS_ZH =
  '(?:有没有|有冇|有没得|是不是|是否)(?:也)?(?:(?:喊|叫|请)(?:过|了)(?:你们|师傅|人)|(?:给|跟)你们打(?:过|了)?电话|联系过你们)';

/** A cheap superset of ACTIVITY_ZH for quick tests: a text without one of these asks after no one. */
export const ACTIVITY_HINT_ZH =
  '坐没坐|坐[了过]|补贴|补助|低保|特困|五保|待遇|[吃来用坐]了?(?:几|多少|好多)[顿次趟回]|[得患生看吃开抓煎配][了的]是?(?:什么|啥|么|哪)|打(?:过|了)?电话|联系过|[住哪考]|一起|一道|一块|[跟和同](?:谁|啥人|哪个|哪位|什么人|啥子人)|有没有|有冇|有没得|是否|过[吗冇伐]|第几|礼拜几|星期几|周几|报[了名冇没吗]|一个人|几[点号]|什么时候|啥时候|么时候|是不是|牌子|型号|(?:啥|什么)款|[买配订办定装约报租]的|[了的]是?哪|寄[到去]|多少钱|几多钱|花了|学了多少|[过格]了?[没伐]|[了过](?:个|一个|点|些)?(?:什么|啥)|[了过咗](?:多少|几|好多)|的(?:啥|什么)|还(?:多少|几|好多|几多)|[欠交缴](?:多少|几|好多|几多)|[没未][交缴]|谁家|几[零栋幢单一户]|号楼|欠|到期|[弄搞整注请]了|[卖租当](?:了|出去|掉)?(?:多少|几多|好多)|[挣赚领](?:了)?(?:多少|几多|好多|几)|[打转发存][到进]哪|存了?(?:多少|几多|好多|几)';

/**
 * People who serve the caller: 他/她 in a text that names one is most likely them, and their
 * comings and goings are the caller's own business (师傅说下午来，他几点到).
 */
export const SERVICE_PEOPLE_ZH =
  /骑手|外卖|送餐|配送|快递|派送|送货|司机|师傅|技师|技术员|维修|安装|安检|抄表|客服|前台|店员|服务员|工作人员|保洁|管家|老师|教练|专员|工程师/;
// A carpet or pressure cleaner is a machine hired, not someone who serves.
export const SERVICE_PEOPLE_EN =
  /\b(?:driver|courier|rider|delivery|deliveryman|postman|mailman|technician|repairman|engineer|installer|agent|rep|representative|staff|cashier|receptionist|front desk|instructor|trainer|coach|teacher|tutor|host|support|pilot|crew|attendant|guide|(?<!(?:carpet|vacuum|steam|pressure|floor|upholstery|drain|jet|window|oven|pool) )cleaner|housekeeping|plumber|electrician|inspector|assessor|examiner|surveyor)\b/;

/** Asking or acting for someone: 托我问, (让我)帮他查, 替我妈办, 代他挂失. */
export const BEHALF_VERBS_ZH =
  '(?:问|查|看|打听|咨询|了解|办理?|改|退|取消|注销|挂失|开通|申请|处理|(?:远程)?(?:开锁|解锁)|续卡|补发?|补寄|寄)';
/** What a caller asks after for someone else: their bill, balance, order, account, results ... */
export const BEHALF_DATA_ZH =
  '(?:(?:取件|取货|提货|取衣|寄存)码|账单|话费|余额|积分|欠费|扣费|扣款|额度|还款|订单|工单|报修单|维修单|快递|包裹|物流|账号|账户|帐号|密码|手机号|电话|地址|记录|成绩|分数|进度|行程|位置|流量|会员|预订|房间|机票|保单|理赔|押金|锁|卡)';
/** Before a thing, these make it the caller's own or a product's (我的账单, 你们的套餐, 什么卡). */
export const NOT_THEIRS_BEFORE_ZH =
  /(?:我|我的|我们的?|咱们?的?|自己的?|本人的?|你们的?|你们这个|这种|哪种|什么|哪个|新)$/;

/** What can be handed over to someone: accounts, memberships, courses, bookings, points. */
export const TRANSFERABLE_ZH =
  '(?:会员|会籍|课程|课|账号|账户|帐号|套餐|积分|余额|权益|次卡|月卡|年卡|季卡|名额|门票|机票|车票|预订|预定|座位|流量|话费|优惠券|代金券|红包|里程|号码|手机号|保单|房间)';
/** Handing over to someone, said directly (转给我弟, 过户到她名下). */
export const TRANSFER_VERBS_ZH =
  '(?:转给|转到|转让给?|转移(?:给|到)|过户(?:给|到)?|让给|移给|移到|挪给|挪到|转赠给?|过给)';
/** Giving, said only with 把 and the thing given (把积分送给我朋友; 送给我妈的礼物 is a gift bought). */
export const GIVE_VERBS_ZH = '(?:送给|赠送给|交给|分给|留给|给)';

/** What can be handed over in English. */
export const TRANSFERABLE_EN =
  '(?:membership|course|account|booking|reservation|ticket|subscription|plan|points|miles|credits?|(?:prepaid |paid |remaining )?months|seat|room|class|pass|enrol+ment|licen[cs]e|sessions?|spot|voucher|gift card|storage|space|files|photos)';
export const TRANSFER_VERBS_EN =
  '(?:transfer|transferr?ing|transferred|move|moving|moved|give|giving|gave|hand|handing|handed|pass|passing|passed|gift|gifting|switch|switching|sell|selling|reassign|assign|sign|signing)';
/** What a caller asks after for someone else, in English. */
export const BEHALF_DATA_EN =
  '(?:bills?|billing|balance|charges?|statements?|payments?|orders?|account|usage|points|scores?|grades?|results?|bookings?|booked|reservations?|trips?|rides?|deliver(?:y|ies)|package|parcel|refund|subscription|membership|pass(?:es)?|part(?:y|ies)|progress|password|address|number|transfers?|transactions?)';
/** Before a thing, these make it the caller's own or a product's (my bill, your plans, any order). */
export const NOT_THEIRS_BEFORE_EN =
  /\b(?:my|our|me|your|a|an|any|which|what|this|these|those)\s+(?:[a-z]+\s+)?$/;

/**
 * People on a stage or a set a fan asks after (the band, the artist, the crew): with one of them
 * named, "they" in a question about whereabouts is them.
 */
export const PERFORMERS_EN = new RegExp(`\\b${PERFORMER_NOUNS_EN}\\b`);
