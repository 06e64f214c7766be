/**
 * Words for `findOtherParty`: who a caller may name besides themselves, and what of theirs they
 * may ask about or act on, in Chinese and English. Sources of regular expressions over normalised
 * text (lower-case ASCII, half-width); compiled on first use.
 */

/** Family, friends and people around the caller (我老婆, 邻居, 房东 ...). */
export const PEOPLE_ZH = [
  '老婆',
  '老公',
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
  '邻居',
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
  '另一个用户',
  '另一个人',
  '另一位',
  '陌生人',
  '某人',
  '那个人',
  '这个人',
  '那个男的',
  '那个女的',
  '那位',
  '对方',
];

/** People met through a service (骑手, 快递员): only their contact and identity are theirs to keep. */
export const ROLES_ZH = [
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
  '维修工',
  '安装工',
  '寄件人',
];

/** 他/她 (not 其他, 吉他; not 他们 or 他家, which callers say of a shop), ta as typed in chat. */
export const PRONOUN_ZH =
  '(?:(?<![其吉])他(?![们家妈娘人])|(?<![其吉])她(?![妈娘人])|她们|(?<![a-z])ta(?![a-z]))';

/** Common surnames: a full name (冯雪, 张伟) or 王先生, 老李, 小王 names a third person. */
export const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段侯陶黎贺顾毛郝龚邵钱严覃戴莫施樊葛邢庞颜倪聂翟殷詹耿俞舒阮柯裴霍涂苗翁冉骆靳柴蒙鲍喻祁蒲滕饶牟穆农缪简芦褚娄窦戚岑卜晏瞿佟臧闵苟邬卞姬仇栾隋刁荣寇甄丛虞巩佘苑邝';

/** 小王, 老李: surnames that do not start common words after 小/老 (小米, 小白, 老师 are not people). */
export const FAMILIAR_SURNAMES =
  '王李张刘陈杨赵吴周徐孙胡朱郭何林罗郑梁谢宋唐韩冯邓曹彭曾萧蒋蔡杜叶魏吕沈姚卢崔钟谭陆汪范廖贾夏邹孟熊';

export const TITLES_ZH = '(?:先生|女士|小姐|太太|老师|师傅|经理|总|阿姨|叔叔|大爷|大妈|大姐|大哥|姐|哥)';

/** Characters that do not belong to a given name: function words and the words around a name. */
export const NOT_GIVEN_NAME =
  '的那这个家说是我你他她们了在和跟给把被也都就还要想呢吗吧啊呀么怎什哪谁几多少上下里外前后新旧买订退改查帮让叫用';

/**
 * What is a person's own: contact, identity, account, orders, trips, files ... (手机 alone is a
 * device; 信息 sent or received is a message).
 */
export const DATA_ZH =
  '(?:手机(?:号码?|是多少|多少)|电话(?:号码?)?|号码|联系方式|微信号?|qq号?|(?:家庭|收货|家)?(?:地址|住址)|住哪|住在哪|家在哪|订单|单号|账单|账号|账户|帐号|帐户|套餐|卡号|(?:银行|信用|储蓄|会员)卡|卡(?:上|里)|身份证号?|证件号?|护照|邮箱|位置|定位|行踪|行程|航班|机票|座位号?|几排|哪排|哪一排|坐哪|坐在哪|坐几排|坐几|房间号|(?<![发收回])信息|资料|隐私|照片|相册|图片|视频|文件|文档|云盘|网盘|存了|快递|包裹|物流|密码|验证码|余额|积分|话费|流量|消费|记录|名字|姓名|叫什么|叫啥)';

/** Of a role, only contact and identity count (骑手到哪了 is about the caller's own order). */
export const ROLE_DATA_ZH =
  '(?:手机(?:号码?|是多少|多少)|电话(?:号码?)?|号码|联系方式|微信号?|qq号?|(?:家庭)?住址|住哪|住在哪|家在哪|身份证号?|照片|名字|姓名|叫什么|叫啥)';

/** A device counts as someone's account when it is bound, unbound or transferred. */
export const DEVICE_ZH = '(?:设备|音箱|手机|电脑|平板|手表|路由器)';
export const BINDING_ZH = /解绑|解除绑定|绑定|过户|转移|转给我|注销/;

/**
 * Between a person and a thing, these make the thing the caller's or someone else's story
 * rather than that person's (我老婆说我的订单..., 我朋友推荐的套餐).
 */
export const BREAKS_ZH =
  '(?:我|咱|自己|本人|说|讲|觉得|认为|推荐|介绍|建议|让|叫我|告诉|帮|替|给我|问|提醒|生日|礼物|婚礼|聚会)';

/** The possessive links between a person and their thing: 的, 那个, 家的 ... */
export const LINK_ZH = '(?:的那个|的这个|那边的?|家的?|的|那个|这个|那|这)';

/** Said before a person the caller buys or books for: 给我妈买的 is the caller's own order. */
export const FOR_BEFORE_ZH = /(?:给|帮|替|为|送)我?的?$/;
export const BOUGHT_AFTER_ZH = /^(?:的|那边)?(?:买|订|定|寄|送|充|办|下单|购买|预订|预定|点)/;

/** Introducing oneself: 我是王先生, 我叫张伟. */
export const SELF_BEFORE = /(?:我是|我叫|本人是?|我姓|this is|i am|i'm|my name is)\s*$/;

const RELATIVES_EN =
  'wife|husband|partner|spouse|mom|mum|mother|dad|father|parents?|son|daughter|kids?|child|children|brother|sister|siblings?|grandma|grandmother|grandpa|grandfather|aunt|uncle|cousin|niece|nephew|friend|boyfriend|girlfriend|fiancee?|colleague|coworker|co-worker|boss|manager|employee|neighbou?r|roommate|flatmate|housemate|landlord|landlady|tenant|ex|ex-wife|ex-husband|in-laws?|mother-in-law|father-in-law|family|relatives?|classmate|assistant';
const ROLES_EN =
  'courier|driver|rider|delivery (?:guy|man|person|driver|rider|boy|girl)|deliveryman|postman|mailman|technician|repairman|engineer|installer|sender';
const STRANGERS_EN =
  '(?:someone|somebody|anyone|anybody)(?: else)?|(?:another|a different|different|some other|other) (?:users?|customers?|persons?|people|passengers?|members?|subscribers?|clients?|guys?|account holders?)|other people|(?:this|that) (?:guy|man|woman|lady|person|girl|boy|passenger)|the (?:other passenger|guy|man|woman|lady|person|girl|boy|neighbou?rs?|stranger)|a stranger|strangers';
const TITLED_EN = '(?:mr|mrs|ms|miss|mister|dr)\\.?\\s+(?:[a-z]+\\s+)?[a-z]+';

/** A person other than the caller, in English; `role` marks people met through a service. */
export const PEOPLE_EN = `(?:(?:my|our) (?:${RELATIVES_EN})|${STRANGERS_EN}|${TITLED_EN})`;
export const ROLE_PEOPLE_EN = `(?:(?:the|that|this|our|your|my) (?:${ROLES_EN}))`;

/** What is a person's own, in English. */
export const DATA_EN =
  '(?:phone(?: number)?|(?:mobile|cell)(?: number)?|number|contact(?: details| info\\w*| number)?|(?:home |email |e-mail |delivery |shipping |postal )?address|e-?mail|account(?: details| number| info\\w*)?|orders?|order history|bookings?|reservations?|seat(?: number)?|row|tickets?|flights?|itinerary|(?:credit |bank |debit )?card(?: number| details)?|bills?|billing|plan|subscription|package|parcel|deliver(?:y|ies)|files?|photos?|pictures?|documents?|data|details|info(?:rmation)?|records?|history|location|whereabouts|password|id(?: number)?|passport(?: number)?|balance|messages|purchases?|name)';
export const ROLE_DATA_EN =
  '(?:phone(?: number)?|(?:mobile|cell)(?: number)?|number|contact(?: details| info\\w*| number)?|(?:home )?address|e-?mail|id(?: number)?|name)';

/** Words between a possessive and a thing that make it not that person's (my daughter's birthday order). */
export const NOT_THEIRS_EN = /^(?:my|our|your|me|i|birthday|gift|present|wedding|party|day)$/;
/** his/her/their followed by these is about a company (their support number). */
export const COMPANY_AFTER_EN =
  /^(?:support|service|customer|hotline|store|shop|website|app|company|office|team|staff|help|helpline|policy)\b/;

/** Capitalised words with 's that are not people (What's, Mother's Day, Men's shoes ...). */
export const NOT_NAMES_EN = new Set(
  (
    'what that it there here where who how let he she everything everyone nothing today yesterday tomorrow tonight ' +
    'mother father valentine children men women kids girls boys people world year month week day new amazon apple ' +
    'google microsoft netflix spotify uber steam iphone android'
  ).split(' '),
);
