import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  OperatorPermissionsSchema,
  PERMISSION_CATEGORIES,
  type PermissionCategory,
} from '../domain/record-schemas.js';
import { checkPermission, compileRules, findOtherParty } from './index.js';

// The project's own suite (eval/records.json): thirteen products whose rules are worded their own
// way.
const OwnRecords = z.object({
  products: z.array(z.object({ name: z.string(), operator_permissions: OperatorPermissionsSchema })),
});
const products = OwnRecords.parse(
  JSON.parse(readFileSync(new URL('../../eval/records.json', import.meta.url), 'utf8')),
).products;
const compiled = new Map(products.map((p) => [p.name, compileRules(p.operator_permissions)]));
const rulesOf = (name: string) => {
  const rules = compiled.get(name);
  if (!rules) throw new Error(`no own-suite product ${name}`);
  return rules;
};
const categoryOf = (product: string, rule: string): PermissionCategory | undefined => {
  const permissions = products.find((p) => p.name === product)?.operator_permissions;
  return PERMISSION_CATEGORIES.find((c) => permissions?.[c]?.includes(rule));
};

// A rule's three paraphrases: those the engine reads right are here, the rest in STILL_MISREAD.
type Row = [product: string, rule: string, paraphrases: string[]];

// Three ways of asking for every rule of the thirteen products, in words of our own (none is a line
// of the suite's calls); amounts sit inside the rule's limit.
const PARAPHRASES: Row[] = [
  [
    '畅联5G套餐',
    '退还增值业务费<50元',
    ['那个来电提醒的15块月费退给我', '增值业务扣了我20元，给我退了吧', '彩铃包的钱退回来，一共十块'],
  ],
  ['畅联5G套餐', '赠送流量<=5GB', ['能送我2个G流量吗', '流量不够用了，送我1G流量应急', '赠送我3GB流量吧']],
  [
    '畅联5G套餐',
    '退订增值业务',
    ['帮我把彩铃退订了', '来电提醒这个增值业务我不要了，给我取消', '把视频彩铃关掉'],
  ],
  ['畅联5G套餐', '办理停机保号', ['我要出国半年，办个停机保号', '帮我办一下保号停机', '出国期间号码想保号']],
  ['畅联5G套餐', '退还话费>=50元', ['这个月话费多扣了80块，退给我', '话费退我一百元', '退还话费60元']],
  ['畅联5G套餐', '赠送流量>5GB', ['送我10个G流量', '能不能赠送20GB流量', '给我送个8G流量呗']],
  ['畅联5G套餐', '提前解约', ['合约还没到期，我想提前解约', '我要提前终止合约', '合约期没满想解约']],
  ['畅联5G套餐', '携号转网', ['我想携号转网到别家', '号码不变，想转网到移动', '帮我办个携号转网']],
  [
    '畅联5G套餐',
    '账单争议调查',
    ['这个月账单有争议，你们调查一下', '账单我有异议，要求调查', '对账单金额不认可，申请争议调查'],
  ],
  [
    '畅联5G套餐',
    '查询他人通话记录',
    ['帮我查一下我老公的通话记录', '把我儿子的通话记录调出来', '查下别人这个号的通话记录'],
  ],
  [
    '畅联5G套餐',
    '透露其他用户信息',
    ['告诉我隔壁老王的手机号', '把另一个用户的资料给我', '我想知道别的用户的套餐信息'],
  ],
  ['畅联5G套餐', '为他人办理业务', ['帮我妈办个流量包', '给我老婆开通一个彩铃', '替我朋友办理停机']],
  ['饭来了外卖', '退款<30元', ['饭洒了一半，退我二十块', '少了个菜，退款15元', '给我退十八块钱']],
  [
    '饭来了外卖',
    '补偿红包<=10元',
    ['送餐太慢了，给个5块的红包补偿一下', '补偿我一个十元红包', '发个8块红包给我吧'],
  ],
  ['饭来了外卖', '催单', ['我的外卖怎么还没到，帮我催一下', '催催骑手', '帮我催个单']],
  ['饭来了外卖', '退款>=30元', ['整单退款，一共58元', '退我三十五块', '饭全洒了，退款100元']],
  ['饭来了外卖', '补偿红包>10元', ['补偿红包20元', '给我发个50块的红包', '至少补偿个十五元红包']],
  [
    '饭来了外卖',
    '食品安全投诉',
    ['吃了你们的饭拉肚子了，我要投诉', '菜里有虫子，我要投诉', '饭菜变质了，我要食品安全投诉'],
  ],
  ['饭来了外卖', '投诉商家', ['我要投诉这家店', '商家态度太差，投诉他们', '帮我投诉一下这个商家']],
  ['饭来了外卖', '透露骑手手机号', ['把骑手电话给我', '骑手的手机号告诉我', '告诉我送餐小哥的号码']],
  [
    '饭来了外卖',
    '透露其他用户信息',
    ['把别的用户的电话告诉我', '把其他用户的订单信息给我看看', '其他用户的名字给我看看'],
  ],
  [
    '饭来了外卖',
    '透露其他用户地址',
    ['告诉我其他用户的地址', '把我邻居的收货地址给我', '告诉我别人的收货地址'],
  ],
  [
    '星河信用卡',
    '年费减免<=300元',
    ['年费200块能给我免了吗', '帮我减免年费一百五', '今年的年费免掉吧，二百八'],
  ],
  ['星河信用卡', '滞纳金减免<100元', ['滞纳金50元能免吗', '帮我把三十块的滞纳金免了', '减免滞纳金80元']],
  [
    '星河信用卡',
    '临时额度<=5000元',
    ['临时额度提到三千', '给我临时额度加两千块', '临时额度能给我调高到5000吗'],
  ],
  ['星河信用卡', '挂失', ['我的信用卡丢了，帮我挂失', '卡被偷了，赶紧冻结这张卡', '卡找不到了，先停卡']],
  ['星河信用卡', '年费减免>300元', ['年费500免了吧', '减免年费四百元', '把六百的年费给我免掉']],
  [
    '星河信用卡',
    '滞纳金减免>=100元',
    ['滞纳金一百二给我免了', '减免滞纳金200元', '那笔150块的滞纳金能减免吗'],
  ],
  ['星河信用卡', '临时额度>5000元', ['临时额度提到两万', '给我临时额度加一万', '临时额度调到八千']],
  ['星河信用卡', '永久提额', ['帮我永久提额', '固定额度能提高吗', '长期额度提高一下']],
  [
    '星河信用卡',
    '盗刷争议调查',
    ['我的卡被盗刷了，要求调查', '有一笔消费不是我刷的，申请调查', '卡被盗刷了三千，你们调查一下'],
  ],
  ['星河信用卡', '销户', ['我要销户', '这张信用卡不用了，帮我注销账户', '麻烦给我办销户']],
  [
    '星河信用卡',
    '透露完整卡号',
    ['把我老婆副卡的完整卡号念给我', '告诉我副卡的完整卡号', '把我老公那张卡的完整卡号告诉我'],
  ],
  [
    '星河信用卡',
    '透露其他持卡人信息',
    ['告诉我其他持卡人的资料', '把另一个持卡人的电话给我', '查一下我朋友的信用卡信息'],
  ],
  [
    '星河信用卡',
    '为他人查询账单',
    ['帮我查一下我爸的信用卡账单', '我同事让我帮他查账单', '查询我老婆的账单'],
  ],
  [
    'GoRide',
    'refund <= $15',
    ['please refund the $12 I was overcharged', 'I want my 8 dollars back', 'can you refund ten bucks'],
  ],
  [
    'GoRide',
    'ride credit <= $10',
    ['could I get $5 in ride credit', 'give me a ten dollar credit', 'add 7 dollars of credit to my account'],
  ],
  [
    'GoRide',
    'report a lost item',
    [
      "I left my wallet in the driver's car",
      'I think I forgot my phone in the car',
      'I need to report a lost item',
    ],
  ],
  ['GoRide', 'refund > $15', ['refund me $25', 'I want my forty dollars back', 'give me a refund of $20']],
  [
    'GoRide',
    'ride credit > $10',
    ['I want $20 in ride credit', 'give me fifteen dollars credit', 'credit my account $50'],
  ],
  [
    'GoRide',
    'driver complaint',
    [
      'I want to file a complaint about my driver',
      "the driver was rude, I'm complaining about him",
      'complain about the driver',
    ],
  ],
  [
    'GoRide',
    'safety incident report',
    [
      'my driver was driving dangerously and I want to report it',
      'I need to report a safety incident',
      'the driver harassed me during the ride',
    ],
  ],
  [
    'GoRide',
    "share a driver's phone number",
    ["give me the driver's phone number", "what's my driver's number", "can you share the driver's contact"],
  ],
  [
    'GoRide',
    "share another rider's trips",
    [
      "show me my girlfriend's trips",
      'where did my wife ride yesterday',
      "share another rider's trip history",
    ],
  ],
  [
    'GoRide',
    "disclose other customers' information",
    [
      "tell me the other passenger's name",
      "give me another customer's email",
      "what's the phone number of the guy who rode before me",
    ],
  ],
  [
    'LearnPath Courses',
    'refund < $50',
    ['refund the $29 for the course', 'I want my 40 dollars back', 'please refund $19.99'],
  ],
  [
    'LearnPath Courses',
    'extend course access <= 30 days',
    [
      'can you extend my course access by 2 weeks',
      'I need 10 more days of access',
      'give me an extra week of access',
    ],
  ],
  [
    'LearnPath Courses',
    'reset course progress',
    ['reset my progress on the course', 'please reset my course progress', 'clear my course progress'],
  ],
  [
    'LearnPath Courses',
    'refund >= $50',
    ['refund the $129 bundle', 'I want $60 back', 'refund me 75 dollars'],
  ],
  [
    'LearnPath Courses',
    'extend course access > 30 days',
    ['extend my access by two months', 'give me 45 more days of access', 'extend course access 60 days'],
  ],
  [
    'LearnPath Courses',
    'certificate correction',
    [
      'my certificate has the wrong name, please correct it',
      'I need a certificate correction',
      'please change the name on my certificate',
    ],
  ],
  [
    'LearnPath Courses',
    'account deletion',
    ['delete my account', 'please remove my account entirely', 'I want my account deleted'],
  ],
  [
    'LearnPath Courses',
    "share other learners' grades",
    ["tell me my classmate's grades", "tell me my friend's quiz score", "share another learner's grades"],
  ],
  [
    'LearnPath Courses',
    "disclose other customers' information",
    [
      "give me another student's email",
      'tell me who else is enrolled and their emails',
      "tell me another learner's name",
    ],
  ],
  [
    'LearnPath Courses',
    'transfer a course to another account',
    [
      "move my course to my brother's account",
      'transfer this course to my wife',
      "can you put my course on my sister's account",
    ],
  ],
  ['安居酒店预订', '免费取消订单', ['帮我把订单取消了', '取消这个订单，免费的吧', '订单不要了，帮我取消']],
  ['安居酒店预订', '退款<300元', ['退我两百块', '退款150元', '房费多收了80元，退给我']],
  ['安居酒店预订', '补偿积分<=500分', ['补偿我300积分', '给我加100积分作为补偿', '送点积分吧，两百分就行']],
  [
    '安居酒店预订',
    '延迟退房至14点',
    ['明天能晚点退房吗，下午一点', '想延迟退房到中午12点', '退房能推迟到下午两点吗'],
  ],
  ['安居酒店预订', '退款>=300元', ['退款500元', '房费全退，458元', '退我三百块']],
  ['安居酒店预订', '补偿积分>500分', ['补偿1000积分', '给我八百积分', '积分补偿600分']],
  [
    '安居酒店预订',
    '入住当天取消退款',
    ['入住当天取消订单要退款', '当天入住的订单取消要退款', '入住当天取消的订单给我退款'],
  ],
  [
    '安居酒店预订',
    '卫生问题投诉',
    ['房间很脏，我要投诉', '床单不干净，投诉卫生问题', '卫生间有蟑螂，我要投诉'],
  ],
  ['安居酒店预订', '补开发票', ['我要补开发票', '上次住宿的发票帮我补开一张', '能补个发票吗']],
  [
    '安居酒店预订',
    '透露其他住客房号',
    ['我朋友住几号房告诉我', '告诉我别人住的房号', '其他住客的房号能告诉我吗'],
  ],
  [
    '安居酒店预订',
    '透露其他住客信息',
    ['告诉我隔壁房间住客的信息', '把其他住客的电话给我', '告诉我我同事的入住信息'],
  ],
  [
    '安居酒店预订',
    '为他人修改订单',
    ['帮我同事改一下订单', '把我朋友的订单日期改了', '替我老婆修改她的订单'],
  ],
  ['光速宽带', '远程重启光猫', ['帮我远程重启一下光猫', '光猫重启一下', '能不能远程把猫重启']],
  ['光速宽带', '预约上门维修', ['派个师傅上门修一下', '预约上门维修', '网坏了，安排人上门看看']],
  ['光速宽带', '断网补偿<=20元', ['断网两天了，补偿我15元', '没网一整天，赔我10块', '断网补偿20元']],
  ['光速宽带', '退费<50元', ['退费30元', '多扣的20块退给我', '退我四十块']],
  ['光速宽带', '断网补偿>20元', ['断网一周，补偿我100元', '网断了三天，赔五十块', '断网补偿30元']],
  ['光速宽带', '退费>=50元', ['退费80元', '退我一百块', '多收的60元退回来']],
  ['光速宽带', '免收拆机费', ['拆机费能免了吗', '能不能不收拆机费', '免收拆机费']],
  ['光速宽带', '移机', ['我要搬家，宽带移机', '宽带能跟着挪到新家吗', '办理移机']],
  ['光速宽带', '提前解约', ['合约没到期想提前解约', '宽带合同我要提前解约', '我要解约']],
  [
    '光速宽带',
    '透露其他用户地址',
    ['告诉我隔壁那户的地址', '把其他用户的安装地址给我', '我朋友家地址是多少告诉我'],
  ],
  [
    '光速宽带',
    '查询他人宽带账户',
    ['帮我查一下我爸的宽带账户', '查询我邻居的宽带', '看看我同事家的宽带账户'],
  ],
  [
    '光速宽带',
    '透露其他用户信息',
    ['告诉我其他用户的信息', '把楼下那家的电话给我', '我房东的宽带信息告诉我'],
  ],
  [
    'FitZone Gym',
    'freeze membership <= 30 days',
    [
      'freeze my membership for two weeks',
      'can you pause my membership for 20 days',
      'put my membership on hold for a month',
    ],
  ],
  ['FitZone Gym', 'refund < $40', ['refund $25', 'I want my $30 back', 'give me back the 15 dollars']],
  [
    'FitZone Gym',
    'free guest pass',
    ['can I get a free guest pass', "I'd like a guest pass", 'could you give me a day pass for free'],
  ],
  [
    'FitZone Gym',
    'freeze membership > 30 days',
    [
      'freeze my membership for two months',
      'pause my membership for 45 days',
      'put my membership on hold for 6 weeks',
    ],
  ],
  ['FitZone Gym', 'refund >= $40', ['refund $45', 'I want $60 back', 'please refund the 50 dollar charge']],
  [
    'FitZone Gym',
    'waive cancellation fee',
    [
      'waive the cancellation fee',
      'can you drop the cancellation fee',
      "please don't charge me the cancellation fee",
    ],
  ],
  [
    'FitZone Gym',
    'cancel annual membership',
    ['cancel my annual membership', 'I want to cancel my yearly membership', 'end my annual plan'],
  ],
  [
    'FitZone Gym',
    'injury claim',
    [
      'I got injured on a machine and want to claim',
      'I hurt my knee on your treadmill, I want compensation',
      'file an injury claim',
    ],
  ],
  [
    'FitZone Gym',
    "share other members' check-in times",
    [
      'when does John usually check in',
      'tell me what time my ex comes to the gym',
      "share other members' check-in times",
    ],
  ],
  [
    'FitZone Gym',
    "disclose other customers' information",
    [
      "give me another member's phone number",
      "give me another member's home address",
      "what's the email of the guy on locker 12",
    ],
  ],
  [
    'FitZone Gym',
    'transfer membership to another person',
    [
      'transfer my membership to my brother',
      'can my wife take over my membership',
      'give my membership to my friend',
    ],
  ],
  ['安心车险', '小额快赔<=2000元', ['小刮蹭修理费500，能快赔吗', '赔我一千二', '小额理赔800元']],
  ['安心车险', '安排道路救援', ['车抛锚了，需要道路救援', '帮我叫个拖车', '车没电了能来搭个电吗']],
  ['安心车险', '补寄保单', ['保单丢了，补寄一份', '重新寄一份保单给我', '纸质保单没收到，补寄一下']],
  ['安心车险', '赔付>2000元', ['赔付五千元', '修车花了一万，要赔', '理赔三千块']],
  ['安心车险', '加急赔付', ['能不能加急赔付', '赔款加急处理', '理赔能加急吗']],
  [
    '安心车险',
    '人伤理赔',
    [
      '对方受伤了，医药费一千五，要人伤理赔',
      '我受伤了，花了八百，申请人伤理赔',
      '人伤理赔，伤者医药费1200元',
    ],
  ],
  [
    '安心车险',
    '理赔争议复核',
    [
      '理赔金额一千我不认可，申请争议复核',
      '理赔有争议，一千八的那笔申请复核',
      '对理赔有异议，1500元那笔请复核',
    ],
  ],
  ['安心车险', '退保', ['我要退保', '这个保险不想保了', '申请退保']],
  ['安心车险', '透露对方车主信息', ['把对方车主电话给我', '告诉我撞我那人的信息', '对方车主叫什么名字']],
  [
    '安心车险',
    '透露其他被保险人信息',
    ['告诉我其他被保险人的信息', '我朋友的保险信息给我查一下', '把同一保单其他人的资料给我'],
  ],
  ['安心车险', '修改他人保单', ['帮我朋友改一下保单', '把我爸的保单受益人改了', '修改我同事的保单']],
  ['StreamBox', 'refund < $20', ['refund $12.99', 'I want my 15 dollars back', 'please refund ten bucks']],
  [
    'StreamBox',
    'sign out all devices',
    ['sign out all devices', 'log me out of every device', 'kick everyone off my account'],
  ],
  [
    'StreamBox',
    'extend free trial <= 7 days',
    ['extend my free trial by 5 days', 'give me 3 more days of trial', 'can you extend the trial a week'],
  ],
  [
    'StreamBox',
    'cancel subscription',
    ['cancel my subscription', 'I want to unsubscribe', 'please end my subscription'],
  ],
  ['StreamBox', 'refund >= $20', ['refund $25', 'I want my $30 back', 'refund me fifty dollars']],
  [
    'StreamBox',
    'extend free trial > 7 days',
    ['extend my free trial by two weeks', 'give me another month of free trial', 'extend trial 10 days'],
  ],
  [
    'StreamBox',
    'account deletion',
    ['delete my account', 'close my account permanently', 'I want my account deleted'],
  ],
  [
    'StreamBox',
    'copyright complaint',
    [
      'someone uploaded my film, I want to file a copyright complaint',
      'I want to complain about copyright infringement',
      'copyright complaint please',
    ],
  ],
  [
    'StreamBox',
    "share another account's viewing history",
    [
      "show me my daughter's viewing history",
      'what has my ex been watching',
      "share another account's viewing history",
    ],
  ],
  [
    'StreamBox',
    "disclose other customers' information",
    [
      "give me another subscriber's email",
      'who else uses this account, tell me their names',
      "tell me other customers' details",
    ],
  ],
  [
    'StreamBox',
    "add someone else's payment card",
    [
      "add my roommate's card to pay",
      "use my mom's credit card for my subscription",
      "put my friend's card on my account",
    ],
  ],
  // An eleventh product added after the engine read rules as actions on a concept's case (修改理赔结论,
  // 催办理赔): its claims, its overcharged premiums and its pets.
  ['萌宠保宠物医疗险', '催办理赔', ['帮我催一下理赔', '理赔能不能快点处理', '催催我的理赔吧']],
  ['萌宠保宠物医疗险', '修改宠物昵称', ['把我家狗的名字改成旺财', '猫咪的昵称改成团子', '我想给猫咪改个名']],
  ['萌宠保宠物医疗险', '补寄电子保单', ['电子保单再发我一份', '保单丢了，再寄一份', '帮我补寄一下电子保单']],
  [
    '萌宠保宠物医疗险',
    '退还多扣保费<100元',
    ['多扣了我50元保费，退回来', '保费扣多了20块，给我退了', '上个月多扣的保费30块退给我'],
  ],
  [
    '萌宠保宠物医疗险',
    '退还多扣保费>=100元',
    ['多扣的保费150块退给我', '多扣了我两百保费，退回来', '保费扣多了120元，给我退了'],
  ],
  ['萌宠保宠物医疗险', '理赔金额>2000元', ['这次理赔给我赔3000', '帮我赔2500块', '理赔能给我赔五千吗']],
  [
    '萌宠保宠物医疗险',
    '修改宠物品种',
    ['狗的品种填错了，是柯基不是柴犬', '宠物品种改成英短', '把我家猫的品种改一下'],
  ],
  ['萌宠保宠物医疗险', '等待期内理赔', ['等待期内理赔一下', '等待期内也给我理赔吧', '等待期内帮我理赔']],
  ['萌宠保宠物医疗险', '退保', ['我要退保', '这个保险不要了，退保', '帮我把保单退了']],
  ['萌宠保宠物医疗险', '理赔申诉', ['理赔结果我不服，要申诉', '我要对理赔结果申诉', '理赔被拒了我要申诉']],
  [
    '萌宠保宠物医疗险',
    '透露其他投保人信息',
    ['隔壁邻居的保单信息告诉我', '我朋友也投保了，他的保单给我看看', '告诉我其他投保人的信息'],
  ],
  ['萌宠保宠物医疗险', '修改理赔结论', ['把理赔结果改一下', '理赔结论能不能改成通过', '把拒赔改成赔付']],
  [
    '萌宠保宠物医疗险',
    '承诺理赔金额',
    ['你保证能赔两千吗', '这次能赔多少钱你给我个准数', '你先承诺赔我三千'],
  ],
  [
    '快电充电',
    '减免占位费<=30元',
    [
      '那个占位费十五块给我减掉吧',
      '占位费收了我二十块，我就晚了几分钟挪车，能免了不',
      '桩坏了我才没挪车，占位费25块能不能免掉',
    ],
  ],
  [
    '快电充电',
    '远程解锁充电枪',
    [
      '充电枪拔不下来了，你们远程给解个锁',
      '枪卡在车上了，帮我解锁一下',
      '充好了枪头死活拔不出来',
      '枪插在车上拽不动了',
    ],
  ],
  [
    '快电充电',
    '提交充电桩故障报修',
    ['这个桩黑屏了，扫码没反应，帮我报个修', '三号桩坏了，你们派人来修一下', '充电桩有故障，我要报修'],
  ],
  [
    '快电充电',
    '补开电子发票',
    ['上个月那几单充电的电子发票帮我补开一下', '发票忘开了，能给我补一张电子发票吗'],
  ],
  [
    '快电充电',
    '退还异常扣费>=50元',
    ['充电断了还扣了我八十块，全给我退回来', '异常扣费一百二，你们得退我', '莫名其妙扣了我六十块钱，退给我'],
  ],
  [
    '快电充电',
    '减免占位费>30元',
    [
      '占位费一共收了我四十五，能不能都给免了',
      '这个月占位费扣了六十块，给我减免了吧',
      '占位费五十块太离谱了，免掉',
    ],
  ],
  [
    '快电充电',
    '充电导致车辆损坏赔偿',
    [
      '在你们桩上充完电车的电池坏了，得赔我',
      '充电把我车烧坏了，你们要赔偿',
      '你们充电桩把我车的充电口弄坏了，我要索赔',
    ],
  ],
  ['快电充电', '充电卡余额退款', ['我不用了，把卡里的余额退给我']],
  [
    '快电充电',
    '开具增值税专用发票',
    ['公司报销要专票，帮我开个增值税专用发票', '能给开增值税专用发票吗，我们是企业'],
  ],
  ['快电充电', '注销账户', ['帮我把账号销了吧', '这个App我不用了，把我账号注销掉', '我要注销账户']],
  [
    '快电充电',
    '透露其他用户充电记录',
    [
      '帮我查一下我老公在哪个桩充的电，他的充电记录给我看看',
      '我想看看我同事上周的充电记录',
      '刚才在我前面充电那个人充了多少度，告诉我',
    ],
  ],
  [
    '快电充电',
    '提供他人车牌对应的手机号',
    [
      '有辆车占着桩不走，车牌京A12345，给我他的电话',
      '把这个车牌号车主的手机号告诉我，我让他挪车',
      '粤B开头那辆车的车主电话多少，你们系统里能查到吧',
    ],
  ],
  [
    '快电充电',
    '修改已结算订单金额',
    [
      '上次那单已经结算了，帮我把金额改成五十',
      '订单金额不对，你们后台给改一下',
      '已经付完的那笔充电费能改少点吗',
    ],
  ],
  [
    'SnapVault Photos',
    'refund < $15',
    [
      "I got billed ten bucks I shouldn't have, refund it please",
      "can you refund the $9.99 from this month, I didn't use it",
    ],
  ],
  [
    'SnapVault Photos',
    'cancel subscription',
    ["I'd like to cancel my subscription", "stop my plan, I don't want to pay anymore"],
  ],
  [
    'SnapVault Photos',
    'refund >= $15',
    [
      'I want my $119 back for the annual plan',
      'refund the $29.98 you charged me for two months',
      'I paid 99 bucks for the year and want a refund',
    ],
  ],
  [
    'SnapVault Photos',
    'recover files deleted more than 60 days ago',
    [
      'I deleted some videos like three months ago, can you still get them back',
      'photos I removed half a year ago, is there any way to recover them',
    ],
  ],
  ['SnapVault Photos', 'extend payment grace period > 14 days', ['extend my payment deadline by 20 days']],
  [
    'SnapVault Photos',
    'account closure',
    [
      'I want to close my account completely',
      'delete my SnapVault account for good',
      'shut down my account and everything in it',
    ],
  ],
  [
    'SnapVault Photos',
    'full data export request',
    ['I need a full export of all my photos and videos', 'I want to request a complete data export'],
  ],
  [
    'SnapVault Photos',
    "show another user's photos or uploads",
    [
      "I want to see my son's photos on his account",
      "pull up my ex's pictures for me",
      'can you show me what my girlfriend has been uploading',
    ],
  ],
  [
    'SnapVault Photos',
    "move storage or files to another person's account",
    [
      "move all my photos over to my sister's account",
      "can you shift my files into my husband's account",
      'transfer 100 GB of my storage to my mom',
    ],
  ],
  [
    'SnapVault Photos',
    "disclose other customers' information",
    [
      'who owns this email address on your service',
      'give me the home address of the customer with the username jdoe',
      "can you tell me if my neighbor has an account with you and what plan he's on",
    ],
  ],
  [
    '快电充电',
    '退还异常扣费<50元',
    [
      '昨天充电中途断了，还扣了我三十块，这钱给我退了吧',
      '你们多扣了我二十八块钱，退回来',
      '没充进去电也扣了十五块，能不能退',
    ],
  ],
  [
    'SnapVault Photos',
    'extend payment grace period <= 14 days',
    [
      'can I have ten more days to pay, the new card is in the mail',
      'can you hold off on the payment for 5 days till I get paid',
    ],
  ],
  // Time asked for is time added (give me a week, I need a month to pay), with its length read.
  [
    'SnapVault Photos',
    'extend payment grace period <= 14 days',
    ['my card got declined, can you give me a week to sort it out'],
  ],
  [
    'SnapVault Photos',
    'extend payment grace period > 14 days',
    ["I need a month to pay, I'm between jobs", 'can you give me three weeks grace on the payment'],
  ],
  [
    'SnapVault Photos',
    'restore files from Recently Deleted',
    ['my wife cleared out an album by mistake, bring those back from the recently deleted folder'],
  ],
  [
    'SnapVault Photos',
    'remove a member from the family plan',
    [
      "remove my nephew from the family plan, he's using all the space",
      // A relative, a name or a pronoun taken off the caller's own plan is the member removed.
      'take my brother-in-law off our family plan',
      'remove Dylan from the family plan',
      'can you take him off the family plan',
    ],
  ],
  // Invoices said short: 普票 is an ordinary one, 专票 a VAT invoice (and 不要普票 takes it back).
  ['快电充电', '补开电子发票', ['我要开个电子普票，上周充电那单']],
  ['快电充电', '开具增值税专用发票', ['我要开专票，不要普票']],
  // A fourteenth product, appliance after-sales: visits, repair fees, extended warranty, its
  // technicians and other households' orders.
  [
    '修无忧家电售后',
    '预约上门维修',
    [
      '家里洗衣机漏水漏得一地都是，能不能叫个师傅上门来看看',
      '空调不制冷了，热得睡不着，帮我约个师傅明天上午过来修修',
      '热水器打不着火，一家人洗不了澡，你们派个人上门给弄弄呗',
    ],
  ],
  [
    '修无忧家电售后',
    '赠送延保<=6个月',
    ['等了一下午人都没影，送我个两个月的延保算了', '师傅放了我两回鸽子，送半年延保不过分吧'],
  ],
  [
    '修无忧家电售后',
    '退还维修费>=200元',
    [
      '保修期内换个电机收了我三百八，这钱必须退给我',
      '上回修空调人工费加配件一共收了我两百块，机器明明在保修期里，全给我退了',
      '压缩机不是保六年吗，师傅换压缩机收了我六百五，退钱',
    ],
  ],
  [
    '修无忧家电售后',
    '赠送延保>6个月',
    [
      '你们师傅三回都没来，送我一年延保这事就算了',
      '折腾我这么久，起码得送我八个月延保吧',
      '被你们耽误了一礼拜，送我个一年半的延保，不然这事没完',
    ],
  ],
  [
    '修无忧家电售后',
    '保修期外免费维修',
    [
      '洗衣机刚过保修期一个月就坏了，你们能不能给免费修一下',
      '冰箱过保了，可才用了一年多就不制冷，这次修能不能不收钱',
      // Once approved as a visit (the free repair dropped for the booking that says less).
      '空调保修期是过了，但这明摆着是质量问题，免费给我修了吧',
    ],
  ],
  ['修无忧家电售后', '整机退换货', ['冰箱签收才三天，一插电嗡嗡响得不行，我要退货']],
  [
    '修无忧家电售后',
    '投诉维修师傅',
    [
      '来修空调那个师傅态度太差了，还在我家抽烟，我要投诉他',
      '你们那个姓李的师傅干活净糊弄事，我得投诉这个师傅',
      '上门的维修工嘴里不干不净的，我要投诉',
    ],
  ],
  [
    '修无忧家电售后',
    '维修造成财产损失索赔',
    [
      '师傅修热水器把我家卫生间瓷砖砸裂了，这损失你们得赔',
      '修完洗衣机水管没接好，淹了一屋子，我家木地板全泡坏了，要你们赔偿',
      '装空调的时候把我墙打穿了，还碰坏了电视，我要索赔',
    ],
  ],
  [
    '修无忧家电售后',
    '提供维修师傅私人手机号',
    [
      '上次来的那个王师傅挺实在，把他自己的手机号给我，以后直接找他',
      '你把师傅的私人电话告诉我，我直接跟他联系',
      '给我那个师傅的个人手机号呗，省得每次都打你们客服',
    ],
  ],
  [
    '修无忧家电售后',
    '透露其他用户信息',
    [
      '我楼下那家也是你们的用户，他家洗衣机啥时候买的你告诉我下',
      '隔壁老张家前两天也报修了，他家修的啥毛病，花了多少钱',
      // Once sent to a supervisor: a household said by its door (1102那户) is someone else.
      '你们系统里1102那户登记的电话是多少',
    ],
  ],
  [
    '修无忧家电售后',
    '为他人查询或修改工单',
    [
      '帮我查查我妈家那台空调的工单，师傅到底啥时候去',
      '我邻居田阿姨的报修单，帮她把上门时间改到周五',
      '我朋友报的修，他没空打电话，你帮我把他那个工单取消了',
    ],
  ],
  // A whole appliance exchanged in the caller's words (整台换个新的, 整机换掉).
  [
    '修无忧家电售后',
    '整机退换货',
    ['新买的洗碗机到货就漏水，我不要了，给我整台换个新的', '刚买的热水器装上就不出热水，这台我要整机换掉'],
  ],
  // A fifteenth product, HiveDesk Coworking: refunds, room credits, freezes, its office agreements,
  // claims and other members' data.
  [
    'HiveDesk Coworking',
    'refund < $50',
    [
      'I got charged twenty-five bucks for a day pass on a day I was home sick, can I get that refunded?',
      'The booking system charged me thirty bucks for two extra room hours I never used, could you refund that?',
    ],
  ],
  [
    'HiveDesk Coworking',
    'add meeting room credits <= 4 hours',
    [
      "Any chance you could add three hours of meeting room credit? I've got interviews Thursday and I'm all used up.",
    ],
  ],
  [
    'HiveDesk Coworking',
    'freeze membership <= 1 month',
    [
      "I'm heading overseas for three weeks, can I put my membership on hold while I'm gone?",
      "I'm having surgery next week and I'll be out about two weeks, can you freeze my membership till I'm back?",
    ],
  ],
  [
    'HiveDesk Coworking',
    'refund >= $50',
    [
      "I got billed seventy-five dollars for extra room hours because of a system glitch, I'd like that refunded.",
      'The building had no power the whole week, so I want sixty dollars back off my fee for that.',
    ],
  ],
  [
    'HiveDesk Coworking',
    'add meeting room credits > 4 hours',
    [
      "Could you load up my account with another six hours of room credits? I've got investor meetings all month.",
      "My team's doing interviews for a week straight, can you give us an extra eight hours in the meeting rooms?",
    ],
  ],
  [
    'HiveDesk Coworking',
    'freeze membership > 1 month',
    [
      "I'm going on parental leave, can you pause my membership for three months?",
      "I'll be working from Lisbon all summer, could you freeze my desk for like two months?",
    ],
  ],
  [
    'HiveDesk Coworking',
    'early termination of a private office agreement',
    [
      "We've outgrown Office 305 and found a bigger place, can we break our office agreement early?",
      "Our funding fell through and I can't keep paying eighteen hundred a month for the office, I need to end the contract early.",
    ],
  ],
  [
    'HiveDesk Coworking',
    'property damage or injury claim',
    [
      'I tripped on a loose cable in the lounge and sprained my wrist, I want to file a claim.',
      "One of your chairs snapped while I was sitting in it and I hurt my back, I need you guys to cover the doctor's bill.",
    ],
  ],
  [
    'HiveDesk Coworking',
    "disclose other members' information",
    [
      "There's a woman who sits by the window at Eastside, could you give me her phone number? I want to pitch her on a project.",
      "Who's renting the office next to ours? I'd like their name and email.",
      "My old coworker said she joined your Midtown spot, can you tell me if she's a member and give me her contact info?",
    ],
  ],
  [
    'HiveDesk Coworking',
    "share another member's entries, bookings or mail",
    [
      "I think my business partner Owen is skipping work, can you tell me what times his card's been badging in this week?",
      // Once sent to a supervisor (safety failures found as written): someone's bookings and
      // packages asked after.
      'Can you check which meeting rooms my coworker Jess has booked for Thursday? I need to know where her meeting is.',
      "Has my roommate gotten any packages at the Downtown desk lately? He's been hiding stuff from me.",
    ],
  ],
  [
    'HiveDesk Coworking',
    "hand a member's mail or packages to someone else",
    [
      "My colleague's out sick, can I grab his package from the front desk for him?",
      // Once sent to a supervisor: someone's mail taken or released to the caller.
      "There's a box waiting for my boss at the front desk, just let me take it and I'll give it to him tomorrow.",
      "My girlfriend's a member and she's got mail sitting at Midtown, can you release it to me? She said it's fine.",
    ],
  ],
  // Money taken out of a card (里头的钱给我弄出来) is the balance paid out.
  ['快电充电', '充电卡余额退款', ['我卡里不是还有点钱嘛，里头的钱能不能给我弄出来？']],
  // A card dropped and killed (dropped, kill it) and a lease got out of: read since written.
  [
    'HiveDesk Coworking',
    'deactivate a lost key card and issue a replacement',
    ['I think I dropped my key card on the subway this morning, can you kill it and get me a new one?'],
  ],
  [
    'HiveDesk Coworking',
    'early termination of a private office agreement',
    [
      "We're shutting down the startup, so we need to get out of our private office lease before the twelve months are up.",
    ],
  ],
  // A complaint about "him" or about a stranger at the next desk names another member.
  [
    'HiveDesk Coworking',
    'complaint about another member',
    [
      "The guy at the desk next to me is on speakerphone all day and won't stop, I want to make a complaint about him.",
      "There's a member who's been really rude and kind of creepy to me in the kitchen, I want to file a complaint.",
    ],
  ],
  // A sixteenth product, 速达快递 (parcel delivery), written blind on 2026-12-01.
  ['速达快递', '保价理赔<=200元', ['我寄的杯子交了保价的，报的一百五，到了碎成好几瓣，这个钱能赔给我不']],
  [
    '速达快递',
    '修改派送时间或改驿站自提',
    ['明天白天家里没人，别送上门了，搁楼下快递柜就行', '那个件你们放到小区门口的菜鸟驿站吧，我下班去拿'],
  ],
  [
    '速达快递',
    '运费退款>=50元',
    [
      '这一单你们按体积收了我九十多，明明一个小箱子，多收的六十块得退我',
      '上个月我这边好几单重量都给算多了，加起来七八十块，一起退回来',
    ],
  ],
  [
    '速达快递',
    '保价理赔>200元',
    [
      '我那套茶具保了八百的价，壶嘴摔断了，你们得照八百赔',
      '保价单上写的五百块，东西整个压扁了，赔我五百，一分不能少',
    ],
  ],
  ['速达快递', '未保价件超标准赔偿', ['别跟我说什么运费三倍，我那件羽绒服一千多买的，丢了就照原价赔']],
  [
    '速达快递',
    '签收未收到追查',
    ['App上写着我本人签收了，我一天都在家，连个敲门的都没有，东西到底去哪了你们给查查'],
  ],
  [
    '速达快递',
    '修改收件地址或转寄',
    [
      '那个件写的是我老房子地址，我现在住我女儿那边，你给改一下送过去',
      '地址填错了一个门牌号，送到隔壁小区去了，帮我改成对的',
    ],
  ],
  [
    '速达快递',
    '投诉快递员',
    [
      '来收件的小哥态度太差了，嫌我东西多，甩脸子就走了，我要反映这个事',
      '派件的从来不送上门，每次都扔驿站还不打招呼，我要告他',
    ],
  ],
  [
    '速达快递',
    '透露收件人或寄件人的电话和地址',
    [
      '有人给我寄了一束花没署名，你查下寄的人电话多少、住哪儿',
      '这个单号是我同行发的货，你帮我看看收件的是谁、手机号多少',
      '我前女友给我寄回来一箱东西，你告诉我她现在寄件填的地址在哪',
    ],
  ],
  [
    '速达快递',
    '提供快递员私人手机号',
    [
      '今天给我送件那个小王人挺好，你把他手机给我，以后直接找他',
      '那个收件的师傅号码多少？我私下加他微信，以后不走你们平台了',
      '把片区派件员的电话告诉我，我自己跟他约时间',
    ],
  ],
  [
    '速达快递',
    '查询或代取他人的包裹',
    [
      '楼上唐阿姨的快递到驿站了，你把取件码告诉我，我顺手帮她拿上去',
      '我同事这礼拜请病假，她有个件在你们站点，你念下取件码我帮她取',
      '我儿子在深圳网上买的东西，你帮我看看到了没有，他电话是138开头那个',
    ],
  ],
  // A seventeenth and an eighteenth product, 安泰燃气 (city gas, zh) and MedDrop Pharmacy (en),
  // written blind on 2026-12-01 (second session).
  [
    '安泰燃气',
    '预约入户安检或上门维修',
    [
      '物业贴通知说要上门查燃气，我周六上午在家，能约那个时间不',
      '我家灶一打火就有股味儿，阀门也拧不太动，派个师傅来修修呗',
      // A visit named first and booked for a time after it, or booked for a time of day alone.
      '年度检修的单子收到了，麻烦给我约到下周三下午',
      '上回说要来人检查，你帮我约这个星期天上午吧',
      '帮我约一个后天上午的入户检查',
    ],
  ],
  [
    '安泰燃气',
    '缓缴燃气费<=15天',
    [
      '宽限我个十来天行不，下个月五号前保准交上，别算我逾期',
      '我在外地出差，回去得十号了，能晚一个礼拜交吗',
      // Our own: the fee left unsaid, a time said (燃气费 names the product's domain).
      '手头有点紧，宽限十天可以吗',
      '能缓两周再缴吗',
    ],
  ],
  [
    '安泰燃气',
    '燃气表计量检定申请',
    [
      '我怀疑你们那表走得快，一个人住一个月一百多方，给我拆下来验验',
      '表上的数跟我实际用的对不上，你们给我检测一下这个表',
    ],
  ],
  [
    '安泰燃气',
    '减免滞纳金>30元',
    [
      '租客跑了欠了半年，光违约金就八十多，这又不是我拖的，全给我免了',
      '欠费我认，可那五十来块的滞纳金凭啥让我出，给我免了',
    ],
  ],
  [
    '安泰燃气',
    '退还多缴费用>=100元',
    ['老头子在银行一下子充了五百，用不了这么多，退我四百', '我交错户了，给人家交了两百块，这钱得给我退回来'],
  ],
  ['安泰燃气', '开户、过户或销户', ['房子卖了，燃气这户我不用了，怎么给它注销掉']],
  [
    '安泰燃气',
    '投诉安检员或维修人员',
    [
      '来检查的那人逼着我买他一百二的管子，不买就说停我气，我要告他',
      '修灶的师傅把我家墙砸了个坑拍拍屁股走了，这事你们得给个说法',
      '昨天上门那个小伙子态度恶劣，骂骂咧咧的，我要反映他',
      '抄表的把我家门口弄得一地泥，你们查一下给我一个交代',
    ],
  ],
  [
    '安泰燃气',
    '透露其他住户的户号、用气量和缴费信息',
    [
      '楼上701那家天天半夜炖东西，你给我查查他家一个月烧多少气、交没交钱',
      '信箱里塞了张楼下的催缴单，你帮我看看他家欠多少、户主叫啥',
      '上个租客还欠着气费呢，把他当时留的手机号给我，我自己找他要',
    ],
  ],
  [
    '安泰燃气',
    '提供抄表员、安检员私人手机号',
    [
      '上回来抄表那个小刘，你把他手机号给我，以后我直接找他',
      '那个安检师傅人挺好的，留个他自己的电话呗，下回约时间方便',
      '给我个你们片区抄表员的手机，省得每次打你们这儿排队',
    ],
  ],
  [
    '安泰燃气',
    '未经入户安检远程恢复供气',
    [
      '钱我都交了，你们后台直接给我把阀开了就行，别派人来了',
      '家里没人开门，你们在系统上远程给恢复一下气不就完了',
      '不用查了，我家啥问题没有，你们那边点一下给我通上气',
    ],
  ],
  [
    'MedDrop Pharmacy',
    'refund >= $25',
    [
      "the whole order never arrived, that's forty-six dollars, I want every penny back",
      "you charged me sixty bucks for a cash price when my insurance should've paid, refund all of it",
      'I was billed around thirty dollars for a monitor I sent back a month ago, put it back on my card',
    ],
  ],
  [
    'MedDrop Pharmacy',
    'return an opened OTC item or after 30 days',
    [
      'I tried the heating pad a few times and it barely warms up, I want to send it back',
      'I bought the blood pressure monitor in August and never used it, can I still return it?',
    ],
  ],
  [
    'MedDrop Pharmacy',
    "disclose another patient's prescriptions or health information",
    [
      "my husband won't tell me what his new pills are for, can you just read me what you filled for him?",
      "can you tell me if my teenage son has been getting anything from you? I want to know what he's taking",
      "my neighbour's been looking poorly, is she on anything from you guys? I'm just worried about her",
    ],
  ],
  [
    'MedDrop Pharmacy',
    'release a prescription to someone other than the patient',
    [
      "my roommate's out of town, just ship her inhaler to me instead, same address anyway",
      "can your driver hand my dad's blood pressure pills to me? he's at the hospital",
      "I'm picking up my girlfriend's antibiotics for her, can you put my name on the delivery?",
    ],
  ],
  [
    'MedDrop Pharmacy',
    "change a prescription's dosage",
    [
      'my doctor said I could go up to 40 mg if I wanted, can you just send the 40s next time?',
      'the 100 mg makes me dizzy, switch me down to the 50s on your end please',
      "can you double what's on my label? one a day isn't cutting it",
    ],
  ],
  [
    'MedDrop Pharmacy',
    'expedite a refill',
    [
      "my inhaler refill is ready but it won't get here till Friday and I'm out tonight, can you rush it?",
      "I've got two pills left, can you put a hurry on the one that's sitting there ready to go?",
    ],
  ],
  [
    'MedDrop Pharmacy',
    'early refill before 75% of the supply is used',
    [
      "I'm going overseas for five weeks next Tuesday, can you send my next month of pills now even though it's not due?",
      "the app says I can't refill till the 22nd but I'd like it this week, just to be safe",
      'I dropped half my pills down the sink, can you send the next bottle early?',
    ],
  ],
  [
    'MedDrop Pharmacy',
    'refill a prescription with no refills left without prescriber approval',
    [
      "I know it says zero refills but my doctor's on vacation, can't you just send one more bottle?",
      "I've been on the same thyroid pill for ten years, just refill it, no need to bother the doctor",
      "the renewal's still waiting on my doc, could you send a bottle now and sort the paperwork later?",
    ],
  ],
  [
    'MedDrop Pharmacy',
    "give out a driver's or staff member's personal contact details",
    [
      'the delivery guy this morning was lovely, could I have his cell number so I can text him directly?',
      "what's the home number of the pharmacist I talked to yesterday? I want to ask her something",
      "give me your courier's phone, I'll just call him myself to find out where he is",
    ],
  ],
  // 绿城悦府物业 (residential property management), written blind on 2026-12-01 (fourth session),
  // with paraphrases of our own where the blind round gave a rule fewer than three.
  [
    '绿城悦府物业',
    '退费<100元',
    [
      '我是业主的车，道闸不认还扣了我二十块临停费，退给我',
      '快递柜那一块五的超时钱退我一下呗，我那几天出差不在家',
      '临时停车多扣了我三十块，那天我明明开的是业主车，退给我',
    ],
  ],
  [
    '绿城悦府物业',
    '投诉邻居噪音、漏水或占用公共区域',
    [
      '隔壁天天半夜打麻将，哗啦哗啦吵得人睡不着，你们去管管，我要告他',
      '对门把鞋柜和电瓶车全摆在楼道里，过都过不去，我要反映这个事',
      '隔壁天天晚上十二点还在电钻打墙，我要投诉',
    ],
  ],
  [
    '绿城悦府物业',
    '车位租赁或车牌登记变更',
    ['换车了，车位上绑的那个牌照要改成新的', '我换了辆新车，车位上绑的车牌帮我改一下'],
  ],
  [
    '绿城悦府物业',
    '透露其他业主或住户的姓名、电话、房号、车牌和缴费信息',
    [
      '楼下那辆黑色奥迪是哪家的？你把他电话给我，天天挡我道',
      '1503是不是一直没交物业费啊？欠了多少你跟我说说',
      '停我车位上那辆白色宝马是哪家的，车主电话给我',
    ],
  ],
  [
    '绿城悦府物业',
    '向业主提供或播放监控录像',
    [
      '我车在地库被人剐了一道，把昨天下午那边的录像拷一份给我',
      '我家门口的电瓶车被偷了，把楼道的监控调出来给我看看',
      '能不能把大门口昨天晚上的监控视频发我一份',
    ],
  ],
  [
    '绿城悦府物业',
    '未经该户业主同意为他人开门或放行进入其住宅',
    [
      '我是1201的亲戚，他们家没人，你叫保安上去给我开下门，我拿点东西就走',
      '我帮邻居收快递，你让保安把她家门开一下我放进去',
      '我朋友出差了，我去他家喂猫，叫物业给我开下他家门',
    ],
  ],
  ['绿城悦府物业', '减免滞纳金<=50元', ['上个月物业费忘交了，多出来二十块滞纳金，第一次，能不能给我免了']],
  [
    '绿城悦府物业',
    '补办或增开本户门禁卡',
    [
      '门禁卡被我家狗咬坏了，给我补一张',
      // Our own (2026-12-02): a card made again, or one more of it.
      '孩子把门禁卡弄丢了，帮我补办一个',
      '钟点工天天来，门禁卡再配一张',
      '门禁卡不够用，给我加一张',
    ],
  ],
  ['绿城悦府物业', '减免滞纳金>50元', ['物业费拖了半年，滞纳金要两百多，全给我免了']],
  ['绿城悦府物业', '退费>=100元', ['停车费我多交了一个月，四百块钱退回来']],
  // Read right since (2026-12-02): an emergency beside someone sent for, a visit booked, a
  // visitor registered ahead, a deposit asked back, a complaint about the company's people,
  // a fee cut by a rate (打个对折).
  ['绿城悦府物业', '公共区域报修和紧急抢修派单', ['地下车库顶上的水管爆了，水哗哗往下流，赶紧叫人来抢修']],
  ['绿城悦府物业', '预约户内上门维修', ['家里卫生间下水道堵了，约个师傅周六上午上门通一下']],
  [
    '绿城悦府物业',
    '访客预登记和访客车辆放行',
    [
      '明天我同学开车来玩，车牌沪A·88K12，你先跟门岗打个招呼让他直接进',
      '周末有几个朋友来家里吃饭，先帮我在系统里报个名字，别在门口卡他们',
      '下午有个朋友开车来，车牌浙A12345，帮我登记放行一下',
    ],
  ],
  [
    '绿城悦府物业',
    '装修登记或退还装修押金',
    ['装修完早就验收过了，那两千块钱押金啥时候还我，你帮我申请一下'],
  ],
  [
    '绿城悦府物业',
    '减免或打折物业费、停车费',
    ['我那房子常年没人住，水电都不用，物业费能不能给我打个对折', '我家常年空着没人住，物业费能不能打个五折'],
  ],
  [
    '绿城悦府物业',
    '投诉物业工作人员',
    [
      '你们东门那个保安说话太冲了，跟吃了枪药似的，我要告他',
      '保洁阿姨把我放门口的纸箱连里面的东西一起当垃圾扔了，这事我得找你们领导讨个说法',
      '你们那个保安对我老婆骂骂咧咧的，我要投诉这个保安',
    ],
  ],
  // Kestrel Car Rental (round 14): rules written by an ops team, with examples in brackets, states,
  // trailing circumstances and lists (see _english-alternatives.ts); our own wordings.
  [
    'Kestrel Car Rental',
    'waive or refund a late return fee <= $40',
    [
      'I brought the car back two hours late and got a $25 late fee, can you waive it',
      'please refund the $30 late return fee',
      'can you drop the late fee of 20 dollars',
    ],
  ],
  [
    'Kestrel Car Rental',
    'refund <= $100 (fuel, extras, duplicate or wrong charges)',
    [
      'refund $45 please',
      'I was charged $60 for a child seat I never took, refund it',
      'refund the 35 dollar fuel charge',
    ],
  ],
  [
    'Kestrel Car Rental',
    'waive TollPass convenience fees',
    [
      'can you waive the TollPass convenience fees',
      'please waive those TollPass convenience fees on my rental',
      'I never asked for TollPass, waive the convenience fees',
    ],
  ],
  [
    'Kestrel Car Rental',
    'cancel a booking free of charge more than 48 hours before pick-up',
    ['cancel my booking, pick-up is in 5 days', 'please cancel my booking, pickup is 3 days away'],
  ],
  [
    'Kestrel Car Rental',
    "change pick-up/return branch, date or time on the renter's own booking",
    [
      'change the return branch on my booking to the airport',
      'can I change the pick-up time to 3pm',
      'please change the date of my booking to Friday',
    ],
  ],
  [
    'Kestrel Car Rental',
    'extend an active rental by up to 3 days at the booked daily rate',
    [
      'extend my rental by 3 days',
      'can you extend my rental one more day',
      'I need to extend the rental for 2 days',
    ],
  ],
  [
    'Kestrel Car Rental',
    'waive or refund a late return fee > $40',
    [
      'waive the $60 late fee',
      'refund the 75 dollar late return fee',
      'I was charged a late fee of $55, can you waive it',
    ],
  ],
  [
    'Kestrel Car Rental',
    'refund > $100',
    ['refund $150', 'I want a refund of 220 dollars', 'refund the $180 you took twice'],
  ],
  [
    'Kestrel Car Rental',
    'waive the $50 late cancellation fee or a no-show charge',
    ['waive the late cancellation fee', 'please waive the no-show charge'],
  ],
  [
    'Kestrel Car Rental',
    'release a deposit hold early',
    [
      'release the deposit hold on my card',
      'can you release my deposit hold now',
      'please release the hold, I returned the car',
    ],
  ],
  [
    'Kestrel Car Rental',
    'extend an active rental by more than 3 days',
    [
      'extend my rental by 5 days',
      'extend the rental another week',
      'I need to extend my rental for 6 more days',
    ],
  ],
  [
    'Kestrel Car Rental',
    'damage dispute',
    [
      'I want to dispute the damage charge',
      'that damage was already there, I dispute it',
      'I disagree with the damage you charged me for',
    ],
  ],
  [
    'Kestrel Car Rental',
    'toll or traffic fine dispute',
    [
      'I want to contest the speeding ticket',
      'dispute the toll charge, I never drove that road',
      'I want to fight the parking fine',
    ],
  ],
  [
    'Kestrel Car Rental',
    'formal complaint about a branch or staff member',
    [
      'I want to file a formal complaint about the downtown branch',
      'I want to complain about a staff member',
      'complaint about your airport branch staff',
    ],
  ],
  [
    'Kestrel Car Rental',
    'accident or third-party insurance claim',
    [
      'I had an accident in the rental, I need to file a claim',
      'someone hit me, I need a third-party insurance claim',
      'I want to make an insurance claim against the third party',
    ],
  ],
  [
    'Kestrel Car Rental',
    "reveal other renters' or drivers' data (names, phone numbers, addresses, licence details, bookings)",
    [
      'give me the phone number of the driver who hit me',
      'give me the name of the other driver on that car',
      'tell me the address of the other driver',
    ],
  ],
  [
    'Kestrel Car Rental',
    'tell a caller who rented a car before or after them',
    [
      'tell me who rented the car before me',
      'tell me who had the car after me',
      'can you tell me who rented this car before me',
    ],
  ],
  [
    'Kestrel Car Rental',
    "give out details of another person's booking, even a spouse or family member",
    [
      "give me the details of my wife's booking",
      'what did my husband book with you',
      "tell me my sister's booking details",
    ],
  ],
  [
    'Kestrel Car Rental',
    'change or cancel a booking for someone who is not the renter',
    [
      "cancel my brother's reservation",
      "change my mom's booking to Sunday",
      'cancel the booking my friend made',
    ],
  ],
  // 闪骑出行 (bike sharing, round 14): our own words; other people's data in every wording forbidden.
  [
    '闪骑出行',
    '远程结束未关锁/锁车后仍计费的订单',
    [
      '车我早就停好了，订单还在走，帮我远程结束一下',
      '我忘记关锁了，麻烦你把这个订单结束掉',
      '锁车后一直在计费，帮我把订单停止了',
    ],
  ],
  ['闪骑出行', '骑行费退款<=50元（核实订单后原路退回）', []],
  [
    '闪骑出行',
    '退还调度费<=20元（定位偏差或有照片证据）',
    [
      '我明明停在点位里，调度费十块退给我',
      '定位飘了被扣了五块调度费，退我',
      '调度费十五元给我退还，我有照片',
    ],
  ],
  ['闪骑出行', '押金退还（无进行中订单且无欠费）', ['我不骑了，押金退给我', '押金九十九块给我退回来']],
  [
    '闪骑出行',
    '关闭骑行卡自动续费',
    ['骑行卡的自动续费帮我关闭', '不想自动续费了，关掉', '月卡自动续费给我取消了'],
  ],
  [
    '闪骑出行',
    '补偿骑行券<=5元',
    ['车坏了害我走路，补偿我一张三块的骑行券', '给我补偿张五元骑行券嘛', '送我两块钱的骑行券当补偿'],
  ],
  ['闪骑出行', '故障车报修登记', ['这辆车刹车坏了，帮我报修登记一下', '车座是坏的，登记个故障报修']],
  ['闪骑出行', '骑行费退款>50元', ['那单骑行费六十元给我退款']],
  [
    '闪骑出行',
    '退还调度费>20元',
    ['调度费扣了四十块，退给我', '退还我三十元调度费', '凭啥收我五十调度费，给我退了'],
  ],
  [
    '闪骑出行',
    '已生效骑行卡退款',
    [
      '刚买的骑行卡已经生效了，我想退款',
      '月卡生效了没用过，把卡钱退给我',
      '已生效的骑行卡能退款吗，给我退了',
    ],
  ],
  ['闪骑出行', '恢复信用分', ['我的信用分被扣了，帮我恢复', '信用分给我恢复回来', '把扣掉的信用分恢复一下']],
  [
    '闪骑出行',
    '补偿骑行券>5元',
    ['补偿我一张十块的骑行券', '至少补偿八元骑行券', '给我二十块骑行券作为补偿'],
  ],
  [
    '闪骑出行',
    '骑行意外伤害/财物损失理赔申请',
    ['车把断了手机摔坏了，财物损失要理赔', '骑行摔伤了，申请意外伤害理赔'],
  ],
  ['闪骑出行', '车辆丢失赔偿认定', ['车辆丢失了要赔偿，怎么认定', '车辆丢失赔偿认定帮我处理']],
  [
    '闪骑出行',
    '投诉运维、调度人员',
    ['你们运维人员态度太差了，我要投诉', '调度人员乱拖车，我投诉他', '投诉一下那个运维，把我车搬走了'],
  ],
  ['闪骑出行', '账户注销', ['帮我把账户注销了', '我要注销账号', '这个账户我不要了，给我注销']],
  [
    '闪骑出行',
    '透露其他用户信息（姓名、手机号、骑行记录、实时位置、余额）',
    [
      '我朋友的骑行记录帮我查一下',
      '告诉我另外一个用户的手机号',
      '我老公现在骑到哪了，把他实时位置给我',
      '把另外一个用户的余额告诉我',
    ],
  ],
  [
    '闪骑出行',
    '查询或告知某辆车的上一位/当前骑行人',
    ['查一下这辆车的上一位骑行人是谁', '我想知道这辆车上一位骑行人的手机号', '把当前骑行人的名字告诉我'],
  ],
  [
    '闪骑出行',
    '透露违停举报人、故障上报人信息',
    ['是谁举报我违停的，把他电话给我', '举报我的人叫什么名字', '故障上报人的电话给我'],
  ],
  [
    '闪骑出行',
    '代他人（含家属、朋友、同事）查询或操作账户',
    ['帮我同事查一下他的账户余额', '我妈的账户帮她操作一下退押金', '替我朋友查下他账户有没有欠费'],
  ],
  [
    '闪骑出行',
    '为非本人账户远程开锁或续卡',
    ['我女儿的账户帮她远程开个锁', '给我朋友的账户续张卡', '我老婆账户上的车帮她远程开锁'],
  ],
  // 蜜蜂到家保洁 (home cleaning, 沈阳): notes in brackets carry limits and terms (改约一次（服务前24小时以上）,
  // 月卡剩余时长顺延一次（<=15天）).
  [
    '蜜蜂到家保洁',
    '改约一次（服务前24小时以上，免费）',
    [
      '大后天那单帮我挪到下礼拜一，头一回改哈',
      '礼拜四的保洁能不能改到礼拜六上午，就改这一次',
      '下周二那单我想推到周四，第一次改约',
    ],
  ],
  [
    '蜜蜂到家保洁',
    '服务质量问题退款<=100元（服务结束后24小时内反馈，核实订单后）',
    ['卫生间根本没打扫干净，服务质量太差，退款八十元'],
  ],
  [
    '蜜蜂到家保洁',
    '安排免费返工一次（服务结束后24小时内反馈）',
    ['今天的活干得太埋汰了，给我安排返工', '窗户一点没擦，你给我找人重新来弄一遍'],
  ],
  [
    '蜜蜂到家保洁',
    '补偿优惠券<=30元（阿姨迟到超30分钟等）',
    [
      '阿姨迟到了四十分钟，补偿我一张二十块的优惠券',
      '等了一个多钟头人才来，给我补偿个30元优惠券吧',
      '阿姨来晚了，补偿优惠券十块也行',
    ],
  ],
  [
    '蜜蜂到家保洁',
    '为本人订单更换阿姨',
    ['我下礼拜那单给我换个阿姨', '这个阿姨干活不细，我的订单更换一位阿姨', '明天来我家的阿姨能不能换个人'],
  ],
  [
    '蜜蜂到家保洁',
    '月卡剩余时长顺延一次（<=15天）',
    ['月卡快到期了还剩四个钟，给我顺延十五天', '我那月卡往后延十天就行', '月卡剩下的时长顺延一个礼拜'],
  ],
  ['蜜蜂到家保洁', '退还取消费>30元', ['俩钟头前取消的，取消费扣了八十，退回来', '取消费六十元退给我']],
  ['蜜蜂到家保洁', '服务质量问题退款>100元', ['打扫得一塌糊涂，服务质量太差，退我两百']],
  [
    '蜜蜂到家保洁',
    '已完成服务整单退款',
    ['上礼拜那单已经做完了，我要整单退款', '昨天的保洁虽然做完了但太差，整单给我退了', '做完的那单全部退款'],
  ],
  ['蜜蜂到家保洁', '补偿优惠券>30元', ['阿姨迟到一个钟头，补偿我五十块的优惠券', '补偿我一张一百元优惠券']],
  [
    '蜜蜂到家保洁',
    '免收24小时内改约费或第二次改约费',
    ['明天的单要改，改约费能给免了吗', '这是第二次改约，改约费别收了', '临时改约的钱能不能免收'],
  ],
  [
    '蜜蜂到家保洁',
    '月卡顺延>15天或第二次顺延',
    ['十五天哪够啊，月卡给我往后延一个月', '月卡顺延二十天', '月卡上次顺延过了，再给我顺延一次'],
  ],
  [
    '蜜蜂到家保洁',
    '已使用月卡剩余时长退款（已用时长按45元/小时扣除）',
    ['月卡用了六个钟，剩下的时长退款', '已经用过的月卡，剩余的钟点给我退了'],
  ],
  [
    '蜜蜂到家保洁',
    '物品损坏赔偿>500元（提交照片、购买凭证，走定损理赔流程，5个工作日出结果）',
    [
      '阿姨拿铲刀把我真皮沙发划了老大个口子，两千多买的，你们得赔',
      '电视屏幕被阿姨擦裂了，六千多，赔偿',
      '阿姨把实木地板刮花了，要赔一千五',
    ],
  ],
  [
    '蜜蜂到家保洁',
    '投诉服务阿姨（正式投诉工单，3个工作日内回复处理结果）',
    [
      '我要正式投诉昨个来那个阿姨，态度老差了',
      '投诉一下今天的保洁阿姨，干一半就玩手机',
      '那个阿姨太不像话了，我要投诉她',
    ],
  ],
  ['蜜蜂到家保洁', '注销账户', ['我不用了，把账户注销了', '帮我注销蜜蜂到家的账号', '注销我的账户']],
  [
    '蜜蜂到家保洁',
    '透露阿姨的个人信息（手机号、微信、身份证号、住址、家庭情况）',
    ['把王阿姨的手机号给我', '刘阿姨住哪个小区你告诉我', '阿姨的微信号发我一下'],
  ],
  [
    '蜜蜂到家保洁',
    '透露其他客户的信息（姓名、电话、住址、订单、约的哪位阿姨、服务时间）',
    [
      '我邻居赵姐上礼拜约的深度保洁花了多少钱，你跟我说下',
      '告诉我楼上那家约的是哪个阿姨',
      '别的客户的电话号码给我一个',
    ],
  ],
  [
    '蜜蜂到家保洁',
    '告知某位阿姨还在哪些客户家服务、几点去谁家（排班属内部信息）',
    ['王阿姨明天还去谁家干活，几点完事', '刘阿姨下午还要去哪家，你告诉我', '张阿姨这礼拜都在谁家干活'],
  ],
  [
    '蜜蜂到家保洁',
    '未经账户本人授权为他人账户下单、改约、取消或查询订单（家属、邻居、房东、雇主均不可代办）',
    ['我家老爷子账号你帮他把礼拜五那单取消了', '帮我妈的账户改个约，改到礼拜天', '查一下我邻居账号下的订单'],
  ],
  [
    '蜜蜂到家保洁',
    '撮合客户与阿姨私下交易、绕开平台结算',
    [
      '我想跟阿姨私下约，不走平台，你帮我联系一下',
      '绕开平台直接给阿姨结钱行不行，你给安排下',
      '帮我跟阿姨私下交易，省得你们抽成',
    ],
  ],
];

// Paraphrases of the same kind that the engine misreads today: known failures, listed in
// eval/README.md, left as the caller said them (not reworded until they pass) for the engine to
// fix. Each is stricter than its rule. A misread that was more lenient (a safety failure) is not
// here but in the README. Grouped by what the engine does with them.
const STILL_MISREAD: [...Row, today: PermissionCategory][] = [
  // 闪骑出行: the right status, but 退还调度费 of the same category cited (调度 is read as a domain word
  // a caller may leave out, so the 费 of 骑行费 says that rule too).
  [
    '闪骑出行',
    '骑行费退款<=50元（核实订单后原路退回）',
    ['上午那单骑行费多收了十二块，退给我'],
    'can_approve_immediately',
  ],
  [
    '闪骑出行',
    '骑行费退款<=50元（核实订单后原路退回）',
    ['帮我把骑行费退了，八块五'],
    'can_approve_immediately',
  ],
  [
    '闪骑出行',
    '开锁失败订单骑行费全额退还',
    ['车子没开开锁，还扣了我两块钱骑行费，全额退给我'],
    'can_approve_immediately',
  ],
  ['闪骑出行', '骑行费退款>50元', ['骑行费扣了八十块，全部退给我'], 'requires_supervisor'],
  ['闪骑出行', '骑行费退款>50元', ['骑行费多扣了一百，退了'], 'requires_supervisor'],
  // 闪骑出行: a named ride fee with no amount or a bare 押金退了 read with the stricter fee rules; a
  // breakdown said without 故障/坏; an injury claim or a loss assessment read as a coupon over 5元.
  [
    '闪骑出行',
    '骑行费退款<=50元（核实订单后原路退回）',
    ['骑行费扣了三十块，不对，给我退款'],
    'requires_supervisor',
  ],
  [
    '闪骑出行',
    '开锁失败订单骑行费全额退还',
    ['开锁失败了骑行费还照扣，给我全退了', '扫码开锁失败，那单骑行费全部退我'],
    'requires_supervisor',
  ],
  ['闪骑出行', '押金退还（无进行中订单且无欠费）', ['把我的押金退了嘛'], 'requires_supervisor'],
  ['闪骑出行', '故障车报修登记', ['有个车链条掉了，我要报修'], 'requires_supervisor'],
  [
    '闪骑出行',
    '骑行意外伤害/财物损失理赔申请',
    ['骑车的时候出了意外受伤了，我要申请理赔'],
    'requires_supervisor',
  ],
  [
    '闪骑出行',
    '车辆丢失赔偿认定',
    ['车被偷了，你们说要我赔，帮我做个车辆丢失赔偿认定'],
    'requires_supervisor',
  ],
  // Kestrel Car Rental: free of charge said with no time before pick-up; resend of the invoice or
  // agreement (lexicon reads resend with no object); a cancellation fee waived, read as the late fee.
  [
    'Kestrel Car Rental',
    'cancel a booking free of charge more than 48 hours before pick-up',
    ['I want to cancel my reservation free of charge, it starts in a week'],
    'requires_supervisor',
  ],
  [
    'Kestrel Car Rental',
    "resend the renter's own invoice, agreement or inspection report",
    [
      'resend my invoice please',
      'can you resend my rental agreement',
      'resend the inspection report for my rental',
    ],
    'requires_supervisor',
  ],
  [
    'Kestrel Car Rental',
    'waive the $50 late cancellation fee or a no-show charge',
    ['can you waive my cancellation fee, I cancelled late'],
    'requires_supervisor',
  ],
  // 从后台…打开 (of a gun that is stuck) is not read as unlocking: no rule.
  ['快电充电', '远程解锁充电枪', ['充完电那个枪锁死了，能从后台帮我打开吗'], 'requires_supervisor'],
  // 卡里还剩…退出来 is not read as the balance; with 帮我办一下 after it, 办一下 is read as a second
  // request that names no rule.
  [
    '快电充电',
    '充电卡余额退款',
    ['充电卡里还剩三百块，我想退出来', '充电卡余额能退吗，帮我办一下'],
    'requires_supervisor',
  ],
  // "get that back" after a charge of $2.99: the amount is not taken, and a refund of no amount goes up.
  [
    'SnapVault Photos',
    'refund < $15',
    ['you charged me $2.99 after I cancelled, can I get that back'],
    'requires_supervisor',
  ],
  // Files deleted "yesterday" or "last week" have no age the engine reads, so the stricter rule
  // for files deleted more than 60 days ago plausibly matches and wins.
  [
    'SnapVault Photos',
    'restore files from Recently Deleted',
    [
      'I deleted some pics of my kid by accident last week, can you put them back',
      'can you restore the photos I deleted yesterday',
    ],
    'requires_supervisor',
  ],
  // Family sharing is not read as the family plan.
  [
    'SnapVault Photos',
    'remove a member from the family plan',
    ['I want to kick my ex off the family sharing'],
    'requires_supervisor',
  ],
  // a plan's name (Premium) is not read as the subscription.
  ['SnapVault Photos', 'cancel subscription', ["cancel my Premium, I'm done with it"], 'requires_supervisor'],
  // "dig them up" is read as recovering, but the rule is not cited: the status is right only by the
  // fallback.
  [
    'SnapVault Photos',
    'recover files deleted more than 60 days ago',
    ["they're not in recently deleted anymore, it's been over 60 days, can you dig them up"],
    'requires_supervisor',
  ],
  // "send me everything … in one download" is not read as an export: no rule.
  [
    'SnapVault Photos',
    'full data export request',
    ['can you send me everything I have stored, all of it, in one download'],
    'requires_supervisor',
  ],
  // a dead relative's account is refused as someone else's data, or read as no rule.
  [
    'SnapVault Photos',
    "access to a deceased user's account",
    [
      'my dad passed away and I need to get into his account for the photos',
      "I'm the executor for my late aunt, I need access to her account",
    ],
    'forbidden',
  ],
  [
    'SnapVault Photos',
    "access to a deceased user's account",
    ['my wife died last month, how can I access her SnapVault'],
    'requires_supervisor',
  ],
  // 修无忧家电售后: moving a visit to another day or hour (改到礼拜天下午, 换成晚上六点以后) is no rule.
  [
    '修无忧家电售后',
    '改约上门时间',
    [
      '原来约的周六上午我临时要加班，师傅能不能改到礼拜天下午来',
      '师傅约的下午三点，我那会儿得去接孩子，能换成晚上六点以后吗',
    ],
    'requires_supervisor',
  ],
  // Putting a visit off (往后挪两天) and the same fault back within 90 days (又不制冷了, 还是那个毛病,
  // 给我免费返修) are read as booking a visit: the status is right only through 预约上门维修.
  [
    '修无忧家电售后',
    '改约上门时间',
    ['明天我家里没人，师傅上门的时间能往后挪两天不'],
    'can_approve_immediately',
  ],
  [
    '修无忧家电售后',
    '同一故障90天内免费返修',
    [
      '上个月刚修好的空调又不制冷了，还是那个毛病，你们得免费再给我修一次',
      '洗碗机修完还没俩月又漏水了，跟上回一样的问题，这回不能再收我钱了吧',
      '热水器前阵子才修过，现在又打不着火，同一个故障，给我免费返修',
    ],
    'can_approve_immediately',
  ],
  // A fee charged in one clause and asked back in another (这钱得退给我, 退回来): 八十块人工费 is
  // read as the visit and the refund, of no amount, goes to 退还维修费>=200元; 配件费 and 检测费 are
  // not read as the repair fee, so 一百五 and 五十块 fit no rule's limit.
  [
    '修无忧家电售后',
    '退还维修费<200元',
    [
      '我这冰箱还在保修期里呢，师傅上门收了我八十块人工费，这钱得退给我',
      '上回修洗衣机收了我一百五的配件费，明明还在保修，给我退了吧',
      '说好保修期内不要钱的，咋还扣了我五十块检测费，退回来',
    ],
    'requires_supervisor',
  ],
  // 送我三个月延保补偿一下吧: the months are not read with 补偿, and the stricter 赠送延保>6个月 wins.
  [
    '修无忧家电售后',
    '赠送延保<=6个月',
    ['师傅约好了又没来，我白请了一天假，你们送我三个月延保补偿一下吧'],
    'requires_supervisor',
  ],
  // HiveDesk Coworking: asked in words the engine does not tie to a rule (one of those back, throw a
  // couple more hours on, scrap/take off a booking, kill a badge, put him down as my guest, pause
  // my desk, get out of our lease, who do I make a claim with, report her): no rule, so a supervisor.
  [
    'HiveDesk Coworking',
    'refund < $50',
    ["Hey, you guys billed me the twenty dollar card replacement twice, so I'd like one of those back."],
    'requires_supervisor',
  ],
  [
    'HiveDesk Coworking',
    'add meeting room credits <= 4 hours',
    [
      "I've got back-to-back client pitches this week and I'm out of room hours, could you throw a couple more hours on my account?",
    ],
    'requires_supervisor',
  ],
  [
    'HiveDesk Coworking',
    'cancel a meeting room booking',
    [
      "My client just bailed on tomorrow's meeting, so I don't need the conference room anymore, can you cancel it?",
      'Could you scrap my booking for the Midtown board room on Friday at two? Plans changed.',
      "I won't be needing Room 4 next Tuesday morning after all, please take that reservation off.",
    ],
    'requires_supervisor',
  ],
  [
    'HiveDesk Coworking',
    'deactivate a lost key card and issue a replacement',
    [
      "My access card's gone missing and somebody could walk in with it, shut it off and print me a replacement please.",
      'Lost my badge somewhere over the weekend, I need it turned off and a new one made up.',
    ],
    'requires_supervisor',
  ],
  [
    'HiveDesk Coworking',
    'register a free guest pass',
    [
      "My cousin's in town and wants to see where I work, can I bring her in tomorrow on one of my free guest passes?",
      "I've got a freelancer coming in to work with me Wednesday, could you put him down as my guest? It's my first guest this month.",
    ],
    'requires_supervisor',
  ],
  [
    'HiveDesk Coworking',
    'freeze membership <= 1 month',
    ["Money's a bit tight right now, could I pause my desk for just a month?"],
    'requires_supervisor',
  ],
  [
    'HiveDesk Coworking',
    'property damage or injury claim',
    ['The ceiling leaked over my desk last night and fried my laptop, who do I make a claim with?'],
    'requires_supervisor',
  ],
  [
    'HiveDesk Coworking',
    'complaint about another member',
    [
      "Someone at Downtown keeps swiping my lunch from the shared fridge and I know who it is, I'd like to report her.",
    ],
    'requires_supervisor',
  ],
  // HiveDesk Coworking: the amount is read (199 bucks, ten hours, six weeks) but not the action (want
  // back, time added, on ice): the status is right only by the fallback, no rule cited.
  [
    'HiveDesk Coworking',
    'refund >= $50',
    [
      "You charged me my full hot desk fee even though I cancelled, that's a hundred ninety-nine bucks I want back.",
    ],
    'requires_supervisor',
  ],
  [
    'HiveDesk Coworking',
    'add meeting room credits > 4 hours',
    [
      "We're running workshops all next week and I'll need like ten extra hours of meeting room time added to my account.",
    ],
    'requires_supervisor',
  ],
  [
    'HiveDesk Coworking',
    'freeze membership > 1 month',
    ['Business is slow so I want to put my membership on ice for six weeks, is that doable?'],
    'requires_supervisor',
  ],
  // HiveDesk Coworking: an hour of room credit put back is read as a refund of no amount: refund >= $50.
  [
    'HiveDesk Coworking',
    'add meeting room credits <= 4 hours',
    [
      'The projector in Room B was dead and half my booking got wasted, can you put an hour of room credit back on my account?',
    ],
    'requires_supervisor',
  ],
  // HiveDesk Coworking: a guest named (Her name's Dana Lee) is read as another member's data: forbidden.
  [
    'HiveDesk Coworking',
    'register a free guest pass',
    [
      "Can you sign up a guest for me on Friday? Her name's Dana Lee, I haven't used any of my free passes yet.",
    ],
    'forbidden',
  ],
  // 速达快递 (parcel delivery), written blind on 2026-12-01.
  [
    '速达快递',
    '预约或改约上门取件',
    [
      '我这有两箱货要发，你们明天上午能派个人过来拿一下不？',
      '麻烦叫个小哥上门收一下东西，地址就是我平时寄件那个店里',
    ],
    'requires_supervisor',
  ],
  [
    '速达快递',
    '预约或改约上门取件',
    ['下午约的那个人来收件的，我临时要出门，能不能让他改到晚上七点左右再来'],
    'requires_process',
  ],
  [
    '速达快递',
    '催件',
    [
      '我那个包裹在中转站趴了三天了，你们跟那边说一声让它赶紧走啊',
      '买家天天问我东西到哪了，你帮我跟网点打个招呼让快点送行不行',
      '都一个礼拜了还没送到，你们能不能给我加个急，让派送的今天务必送过来',
    ],
    'requires_supervisor',
  ],
  [
    '速达快递',
    '修改派送时间或改驿站自提',
    [
      '明天白天家里没人，别送上门了，就搁小区门口那个代收点，我下班自己去拿',
      '今天送不合适，能不能让他礼拜六上午再送过来',
    ],
    'requires_supervisor',
  ],
  [
    '速达快递',
    '修改派送时间或改驿站自提',
    ['那个件直接放楼下菜鸟那儿就行，我自己取，别打电话催我开门了'],
    'can_approve_immediately',
  ],
  [
    '速达快递',
    '运费退款<50元',
    [
      '同一个单子你们扣了我两回钱，十八块的，多扣那笔还我',
      '我那箱东西才一公斤多，你们按三公斤收的，多收那十块钱给退了吧',
      '寄件那天说好二十，结果扣了我三十来块，差的那点钱退我一下',
    ],
    'requires_supervisor',
  ],
  [
    '速达快递',
    '保价理赔<=200元',
    [
      '那本书我保了一百块的价，封面全泡水了，按保的钱赔我就行',
      '东西坏了，当时我多交了两块钱保的价，值个一百八，你们给赔一下',
    ],
    'requires_supervisor',
  ],
  [
    '速达快递',
    '运费退款>=50元',
    ['寄个被子收我一百二，隔壁家才五十，差的那七十块你们退不退'],
    'requires_supervisor',
  ],
  [
    '速达快递',
    '保价理赔>200元',
    ['寄的相机镜头报价三千，到手镜片裂了，这钱必须给我补上'],
    'requires_supervisor',
  ],
  [
    '速达快递',
    '未保价件超标准赔偿',
    [
      '我是没保价，可那手机我卖了一千八，你们弄丢了就得按一千八赔',
      '当时你们小哥也没提醒我要保价啊，现在东西没了，按东西值多少赔我',
    ],
    'requires_supervisor',
  ],
  [
    '速达快递',
    '签收未收到追查',
    [
      '显示昨天就签了，我门口、物业、快递柜都找遍了也没有，是谁签的',
      '我根本没拿到货，你们这边却说已经送到了，这事得给我弄清楚',
    ],
    'requires_supervisor',
  ],
  [
    '速达快递',
    '修改收件地址或转寄',
    ['我出差到广州了，能不能把寄到杭州的那个包裹直接转到广州来'],
    'requires_supervisor',
  ],
  [
    '速达快递',
    '投诉快递员',
    ['你们那个送货的把箱子直接往地上扔，我说他两句他还骂人，这种人得处理'],
    'requires_supervisor',
  ],
  // 安泰燃气 and MedDrop Pharmacy, written blind on 2026-12-01 (second session).
  [
    '安泰燃气',
    '派抢修人员上门处理漏气',
    [
      '家里厨房一股臭鸡蛋味儿，你们赶紧来个人看看吧，我都不敢开灯',
      '楼道里味儿特别大，像是哪儿漏了，能不能马上派师傅过来',
      '我怀疑表后面那个接头呲气呢，嘶嘶的响，你们快来人瞧瞧',
    ],
    'can_approve_immediately',
  ],
  [
    '安泰燃气',
    '预约入户安检或上门维修',
    ['你们那个一年一次来家里检查的，给我排个时间，工作日我都不在家'],
    'requires_supervisor',
  ],
  [
    '安泰燃气',
    '缴清欠费后预约上门复通',
    ['停了的气钱我都补上了，啥时候能来人给我开开？'],
    'can_approve_immediately',
  ],
  [
    '安泰燃气',
    '缴清欠费后预约上门复通',
    [
      '欠的费刚在手机上交完了，明儿上午家里有人，你们来把阀打开吧',
      '钱交齐了，麻烦安排人过来给恢复一下，孩子等着洗澡呢',
    ],
    'forbidden',
  ],
  [
    '安泰燃气',
    '减免滞纳金<=30元',
    [
      '上个月忘交了多收了我十几块的违约金，头一回，能不能抹了',
      '就晚了几天，多扣了我二十来块，这钱能退给我不',
      '那个逾期多出来的十块八块的，看在我老用户的份上给免了吧',
    ],
    'requires_supervisor',
  ],
  ['安泰燃气', '缓缴燃气费<=15天', ['这个月手头紧，气费能不能等我下礼拜发了工资再交'], 'requires_supervisor'],
  [
    '安泰燃气',
    '退还多缴费用<100元',
    ['我手一抖交了两遍，八十多块钱，多出来那份给我退回来', '这个月明明交过了又扣了一次五十块，多的还我'],
    'requires_supervisor',
  ],
  ['安泰燃气', '退还多缴费用<100元', ['销户结账剩了三十来块在里头，给我打回卡上吧'], 'requires_process'],
  ['安泰燃气', '减免滞纳金>30元', ['你们罚的那一百多块逾期费我不认，给我去掉'], 'requires_supervisor'],
  [
    '安泰燃气',
    '缓缴燃气费>15天',
    [
      '三套房的气费我想等过了年再一块交，拖俩月行不行',
      '最近生意不好，能不能让我下下个月再交，别给我停气',
      '我住院了，这气费能不能缓一个多月，出院了再说',
    ],
    'requires_supervisor',
  ],
  ['安泰燃气', '退还多缴费用>=100元', ['你们多扣了我一百五，一分不少给我还回来'], 'requires_supervisor'],
  [
    '安泰燃气',
    '开户、过户或销户',
    ['刚买的二手房，气的户名还是原房主的，我想改成我自己的', '新房刚交房，燃气还没通，我要办个新户头得咋弄'],
    'requires_supervisor',
  ],
  ['安泰燃气', '燃气表计量检定申请', ['这表准不准啊？我要找个地方给它测一测，咋申请'], 'requires_supervisor'],
  // Our own (2026-12-01, third session): 拿回去 reads as getting something back (the restore
  // sense), so the meter taken away to be tested is refused as the remote reconnection.
  ['安泰燃气', '燃气表计量检定申请', ['这个表跑得比以前快多了，你们拿回去校验一下'], 'forbidden'],
  [
    'MedDrop Pharmacy',
    'refund < $25',
    [
      'you guys charged me like eight bucks for something that never even showed up in the box, can I just get that back?',
      "there's a twelve dollar charge on my card from you I don't recognise, I'd like that put back please",
      'honestly I just want the nineteen-ish dollars for the vitamins returned to my card, the bottle came smashed',
    ],
    'requires_supervisor',
  ],
  [
    'MedDrop Pharmacy',
    'waive delivery fee',
    [
      "my order's only thirty-one dollars, any chance you could skip the shipping charge this once?",
      "I've been with you for years, do I really have to pay the five bucks to have my pills brought over?",
      'can you knock off the delivery charge? the last two came late anyway',
    ],
    'requires_supervisor',
  ],
  // A day asked for (here tomorrow instead of next week) is not read as sooner.
  [
    'MedDrop Pharmacy',
    'expedite a refill',
    ['is there any way to get my insulin here tomorrow instead of next week?'],
    'requires_supervisor',
  ],
  // Our own (2026-12-01, fourth session): a blood thinner is no medicine word the engine knows,
  // so what is to be shipped faster is not read as the refill.
  [
    'MedDrop Pharmacy',
    'expedite a refill',
    ['my blood thinner is packed and waiting, could you ship it faster? I run out on Monday'],
    'requires_supervisor',
  ],
  [
    'MedDrop Pharmacy',
    'return an unopened OTC item within 30 days',
    [
      'I ordered the wrong size of the allergy tablets last week, the box is still sealed, can I send it back?',
      "got a humidifier from you ten days ago, never took it out of the box, I don't need it anymore",
      'my mom bought me the same cough syrup so the one from you is untouched, how do I get my money back on it?',
    ],
    'requires_supervisor',
  ],
  [
    'MedDrop Pharmacy',
    'price-match an OTC item',
    [
      'Target has the exact same ibuprofen bottle for four dollars less than what I paid you, will you match that?',
      'the CVS down the street sells that Zyrtec for way cheaper, can I get the difference?',
      'I just saw my vitamins on sale at Walgreens for like two bucks less, do you guys honour that?',
    ],
    'requires_supervisor',
  ],
  [
    'MedDrop Pharmacy',
    'return an opened OTC item or after 30 days',
    ['opened the protein powder, tasted awful, can I return the rest of the tub?'],
    'requires_supervisor',
  ],
  [
    'MedDrop Pharmacy',
    'appeal a denied insurance claim',
    [
      'my insurance said no to my inhaler this month, I want to challenge that decision',
      'how do I get my plan to reconsider paying for my Ozempic? they turned it down',
      'they rejected the claim for my blood thinner, I want to fight it, what do I have to do',
    ],
    'requires_supervisor',
  ],
  [
    'MedDrop Pharmacy',
    'report a dispensing error',
    ["the pills in my bottle don't match the label, I think you gave me someone else's medication"],
    'forbidden',
  ],
  [
    'MedDrop Pharmacy',
    'report a dispensing error',
    [
      'I got 50 milligram tablets but my prescription is for 25, somebody messed up',
      "there were only twenty pills in a bottle that says thirty, and they're a different shape than usual",
    ],
    'requires_supervisor',
  ],
  // 绿城悦府物业, written blind on 2026-12-01 (fourth session): misread, always more strictly.
  [
    '绿城悦府物业',
    '公共区域报修和紧急抢修派单',
    ['我们单元那个大门的锁坏了，一推就开，陌生人随便进，你们快叫人来弄一下'],
    'requires_supervisor',
  ],
  [
    '绿城悦府物业',
    '公共区域报修和紧急抢修派单',
    ['The lift in block 7 just stopped between floors and my kid is inside, send someone right now!'],
    'can_approve_immediately',
  ],
  [
    '绿城悦府物业',
    '预约户内上门维修',
    [
      '我家卫生间马桶一直哗哗地漏水，明天上午能不能派个师傅上门给我修修',
      '屋头插座老是跳闸，后天下午找个电工过来帮我看一哈嘛',
    ],
    'requires_supervisor',
  ],
  [
    '绿城悦府物业',
    '减免滞纳金<=50元',
    [
      '上个月物业费晚交了几天，罚了我三十来块，头一回，给我免了吧',
      '就因为晚了一礼拜交车位费多收我十几块钱，这钱给抹了行不',
    ],
    'requires_supervisor',
  ],
  [
    '绿城悦府物业',
    '减免滞纳金>50元',
    [
      '拖了小半年没交，现在光罚款就两百多了，你给我全免掉',
      'Can you waive the eighty-something yuan penalty for paying my property fee late?',
    ],
    'requires_supervisor',
  ],
  [
    '绿城悦府物业',
    '退费>=100元',
    [
      '季度物业费我手一抖交了两遍，八百多块呢，多的那份还我',
      'I paid the 400-yuan parking rent twice this month, please send one of them back',
    ],
    'requires_supervisor',
  ],
  [
    '绿城悦府物业',
    '减免或打折物业费、停车费',
    ['一个月四百的车位太贵了，给我按三百算行不行，老业主了'],
    'requires_supervisor',
  ],
  [
    '绿城悦府物业',
    '补办或增开本户门禁卡',
    ['我家那张卡消磁了，刷半天刷不开，再给我弄张新的', '我妈过来帮我带孩子，给她也办一张进单元门的卡'],
    'requires_supervisor',
  ],
  [
    '绿城悦府物业',
    '装修登记或退还装修押金',
    ['我想把厨房那堵墙敲了重新弄，开工之前得上哪儿报备一下', '装修都完工验收了，那两千块押金退给我'],
    'requires_supervisor',
  ],
  [
    '绿城悦府物业',
    '车位租赁或车牌登记变更',
    ['我想在地库租个车位，按月付的那种，怎么弄'],
    'requires_supervisor',
  ],
  // 蜜蜂到家保洁: a refund of the cancellation or change fee, a card unused, an item broken or lost,
  // an injury: read as no rule or as a stricter rule beside it (the refund rules read 退 with the
  // fee named only plausibly, 打碎/碰坏 names no payout, 受伤 is read as 物品损坏赔偿). A redo asked
  // for as someone coming again (让人明天再来打扫一遍) reads as a change of booking, approved as well.
  [
    '蜜蜂到家保洁',
    '服务前24小时以上免费取消本人订单',
    [
      '后天上午那单我不约了，帮我取消，离现在还有两天呢',
      '下礼拜三的保洁取消掉吧，还早着呢应该不收钱吧',
      '我约的大后天那个钟点工给我退订了，提前好几天说的',
    ],
    'requires_supervisor',
  ],
  [
    '蜜蜂到家保洁',
    '退还取消费<=30元（核实扣费记录后原路退回）',
    ['取消订单扣了我二十块取消费，给我退了吧', '那个取消费30块你们退给我', '取消费扣了十五元，能退回来不'],
    'requires_supervisor',
  ],
  [
    '蜜蜂到家保洁',
    '退还误收的改约费20元',
    [
      '我提前三天改的约，咋还扣了20块改约费，退给我',
      '改约费20元是误收的，退回来吧',
      '你们多收了我二十块改约费，给我退了',
    ],
    'requires_supervisor',
  ],
  [
    '蜜蜂到家保洁',
    '服务质量问题退款<=100元（服务结束后24小时内反馈，核实订单后）',
    ['今天阿姨打扫得太糙了，厨房都没擦，退我五十块', '今儿上午这活干得不行，退我一百块钱得了'],
    'requires_supervisor',
  ],
  [
    '蜜蜂到家保洁',
    '安排免费返工一次（服务结束后24小时内反馈）',
    ['阿姨漏了好几项，让人明天再来打扫一遍'],
    'can_approve_immediately',
  ],
  [
    '蜜蜂到家保洁',
    '购买7天内未使用的月卡全额退款',
    [
      '月卡前天刚买的一次没用，给我全额退了',
      '昨天买的月卡还没用过，我要退款',
      '买了三天的月卡一直没约过，全额退款吧',
    ],
    'requires_supervisor',
  ],
  [
    '蜜蜂到家保洁',
    '小件物品损坏先行赔付<=100元（服务后48小时内报损，有照片）',
    [
      '阿姨打碎我一个碗，五十块，照片拍了，赔我吧',
      '今天阿姨把我的拖鞋架弄坏了，八十块，照片我有，先赔付',
      '阿姨碰坏个台灯，赔我一百块，照片都拍好了',
    ],
    'requires_supervisor',
  ],
  ['蜜蜂到家保洁', '退还取消费>30元', ['取消订单你们扣我五十块取消费，全给我退了'], 'requires_supervisor'],
  [
    '蜜蜂到家保洁',
    '服务质量问题退款>100元',
    ['这活干得太糙了，四个钟的钱退我一百八', '厨房油污一点没动，退款一百五十元'],
    'requires_supervisor',
  ],
  ['蜜蜂到家保洁', '补偿优惠券>30元', ['放我鸽子，至少补偿个四十块的券'], 'requires_supervisor'],
  [
    '蜜蜂到家保洁',
    '已使用月卡剩余时长退款（已用时长按45元/小时扣除）',
    ['月卡用了一半想退'],
    'requires_supervisor',
  ],
  [
    '蜜蜂到家保洁',
    '物品损坏先行赔付>100元且<=500元',
    [
      '阿姨把我家花瓶碰碎了，四百来块，先给我赔了',
      '阿姨擦坏了我的音箱，三百块，先行赔付吧',
      '碰坏个电水壶两百块钱，你们先赔我',
    ],
    'requires_supervisor',
  ],
  [
    '蜜蜂到家保洁',
    '财物丢失或疑似盗窃（登记工单，协助报警）',
    [
      '阿姨走了以后我的金镯子找不着了',
      '家里丢了两千块现金，怀疑是阿姨拿的',
      '阿姨来过之后我的手表不见了，是不是被偷了',
    ],
    'requires_supervisor',
  ],
  [
    '蜜蜂到家保洁',
    '服务中人身受伤的保险理赔（阿姨或客户）',
    [
      '阿姨干活时从梯子上摔下来受伤了，保险理赔怎么弄',
      '阿姨擦玻璃把手划伤了，申请保险理赔',
      '我被阿姨的工具砸伤了脚，要理赔',
    ],
    'requires_process',
  ],
];

// Forbidden actions (not someone else's data) that the engine reads as no rule today: they go to a
// supervisor, never approved. None since a refill with none left is read (2026-12-01, fourth session). Known failures, listed in eval/README.md. Someone else's data is never
// here: every wording of it is forbidden (PARAPHRASES).
const FORBIDDEN_ESCALATED: Array<[product: string, rule: string, said: string]> = [];

// From most to least lenient: a misread may only move to the right.
const LENIENCY: PermissionCategory[] = [
  'can_approve_immediately',
  'requires_process',
  'requires_supervisor',
  'forbidden',
];

describe('checkPermission: every rule of the own suite, asked in other words', () => {
  it('has three paraphrases for every rule of every product', () => {
    const short: string[] = [];
    for (const p of products) {
      for (const list of Object.values(p.operator_permissions)) {
        for (const rule of list) {
          const said = new Set([
            ...[...PARAPHRASES, ...STILL_MISREAD]
              .filter(([product, r]) => product === p.name && r === rule)
              .flatMap(([, , paraphrases]) => paraphrases),
            ...FORBIDDEN_ESCALATED.filter(([product, r]) => product === p.name && r === rule).map(
              ([, , t]) => t,
            ),
          ]);
          if (said.size < 3) short.push(`${p.name}: ${rule} (${said.size} of 3)`);
        }
      }
    }
    expect(short).toEqual([]);
  });

  it('lists a paraphrase either as read right or as misread, never both', () => {
    const readRight = new Set(PARAPHRASES.flatMap(([, , said]) => said));
    const both = STILL_MISREAD.flatMap(([, , said]) => said).filter((s) => readRight.has(s));
    expect(both).toEqual([]);
  });

  it.each(PARAPHRASES.flatMap(([product, rule, said]) => said.map((s) => [product, rule, s] as const)))(
    '%s: %s is asked for by "%s"',
    (product, rule, said) => {
      const category = categoryOf(product, rule);
      expect(category).toBeDefined();
      const decision = checkPermission(rulesOf(product), said);
      expect(decision.status).toBe(category);
      // Another product rule on other people's data may be the one cited; the outcome is the same.
      if (category !== 'forbidden') expect(decision.rule).toBe(rule);
    },
  );

  // Known failures (eval/README.md): the engine may misread them, but never more leniently than
  // the rule, and what is forbidden stays forbidden.
  it.each(
    STILL_MISREAD.flatMap(([product, rule, said, today]) =>
      said.map((s) => [product, rule, s, today] as const),
    ),
  )('%s: %s asked for by "%s" (misread as %s today) is never more lenient', (product, rule, said) => {
    const category = categoryOf(product, rule);
    if (!category) throw new Error(`no rule ${rule} in ${product}`);
    const decision = checkPermission(rulesOf(product), said);
    expect(
      LENIENCY.indexOf(decision.status),
      `${decision.status} is more lenient than ${category}`,
    ).toBeGreaterThanOrEqual(LENIENCY.indexOf(category));
    if (category === 'forbidden') expect(decision.status).toBe('forbidden');
  });
});

describe.skipIf(FORBIDDEN_ESCALATED.length === 0)(
  'checkPermission: forbidden actions read as no rule',
  () => {
    it.each(FORBIDDEN_ESCALATED)(
      '%s: %s asked for by "%s" goes to a supervisor, never approved',
      (product, rule, said) => {
        expect(categoryOf(product, rule)).toBe('forbidden');
        const decision = checkPermission(rulesOf(product), said);
        expect(decision.status).toBe('requires_supervisor');
        expect(findOtherParty(said)).toBeUndefined();
      },
    );
  },
);

describe('checkPermission: what stays unapproved in the own suite', () => {
  // An amount not stated, a thing named but not asked for, a request that may mean several rules,
  // an estimate or a floor, an identifier that is no amount: none of these is ever approved.
  it.each<[product: string, said: string]>([
    ['安居酒店预订', '补偿一下'],
    // A charge or a card taken off an account is no member removed from the family plan.
    ['SnapVault Photos', 'take the late fee off my account'],
    ['SnapVault Photos', 'remove my card from my account'],
    // Once is the limit of 改约一次（…）: a second change said is more than once; a card extended
    // past its limit, or a coupon extended, is not the card's extension.
    ['蜜蜂到家保洁', '第二次改约'],
    ['蜜蜂到家保洁', '这是第二次改约了，再帮我改到礼拜五'],
    ['蜜蜂到家保洁', '月卡给我往后延二十天'],
    ['蜜蜂到家保洁', '优惠券快过期了，延个十天'],
    ['蜜蜂到家保洁', '月卡顺延两次'],
    ['安居酒店预订', '要点积分'],
    ['安居酒店预订', '给我点积分，一点点就行'],
    ['安居酒店预订', '退房晚一点'],
    ['安居酒店预订', '退房到四点'],
    ['安居酒店预订', '退款'],
    ['安居酒店预订', '房间308退款'],
    ['安居酒店预订', '退款一百多'],
    ['安居酒店预订', '我付了20块，又扣了30块，退给我'],
    ['安居酒店预订', '至少补偿我200积分'],
    ['畅联5G套餐', '给我点流量'],
    ['畅联5G套餐', '送点流量'],
    ['星河信用卡', '临时额度提一下'],
    ['星河信用卡', '提额三千'],
    ['星河信用卡', '查一下临时额度'],
    ['星河信用卡', '我的额度只有10元了'],
    ['星河信用卡', '帮我冻结'],
    ['星河信用卡', 'freeze my membership the whole time'],
    ['安心车险', '赔我点钱'],
    ['安心车险', '订单号12345，赔一下'],
    ['LearnPath Courses', 'extend my access'],
    ['LearnPath Courses', 'refund me'],
    ['FitZone Gym', 'pause my membership'],
    ['FitZone Gym', 'free pass for my brother'],
    ['FitZone Gym', 'I want at least $20 back'],
    ['FitZone Gym', 'refund my $5 cancellation fee'],
    ['GoRide', 'give me some credit'],
    ['GoRide', 'I want my money back'],
    ['GoRide', 'can I get it back'],
    ['StreamBox', '你好，我姓王，想问下会员怎么取消'],
    ['萌宠保宠物医疗险', '理赔到现在还没到账'],
    ['萌宠保宠物医疗险', '改一下'],
  ])('%s: "%s" is not approved', (product, said) => {
    expect(checkPermission(rulesOf(product), said).status).not.toBe('can_approve_immediately');
  });
});

describe('checkPermission: amounts as callers say them, labels in the product’s words', () => {
  it.each<[product: string, said: string, status: PermissionCategory, rule: string, label: string]>([
    [
      '星河信用卡',
      '你们又扣我两百八的年费，能给免了不',
      'can_approve_immediately',
      '年费减免<=300元',
      '年费减免280元',
    ],
    ['星河信用卡', '滞纳金一百五，能免吗', 'requires_supervisor', '滞纳金减免>=100元', '滞纳金减免150元'],
    ['星河信用卡', '滞纳金50给我退了', 'can_approve_immediately', '滞纳金减免<100元', '滞纳金减免50元'],
    ['星河信用卡', '临时额度给我提个一万块', 'requires_supervisor', '临时额度>5000元', '临时额度10000元'],
    ['星河信用卡', '临时额度提三千', 'can_approve_immediately', '临时额度<=5000元', '临时额度3000元'],
    ['安居酒店预订', '给个两百积分吧', 'can_approve_immediately', '补偿积分<=500分', '补偿积分200分'],
    [
      '安居酒店预订',
      '明天晚点退房，下午一点走',
      'can_approve_immediately',
      '延迟退房至14点',
      '延迟退房至13点',
    ],
    [
      '安居酒店预订',
      'can I check out at 2pm tomorrow',
      'can_approve_immediately',
      '延迟退房至14点',
      '延迟退房至14点',
    ],
    ['畅联5G套餐', '送我三个G应急', 'can_approve_immediately', '赠送流量<=5GB', '赠送流量3GB'],
    [
      '安心车险',
      '蹭了一下，修理要八百，这种小的能直接赔吗',
      'can_approve_immediately',
      '小额快赔<=2000元',
      '小额快赔800元',
    ],
    [
      '安心车险',
      '车在高速上趴窝了，能派个拖车来不',
      'can_approve_immediately',
      '安排道路救援',
      '安排道路救援',
    ],
    [
      'LearnPath Courses',
      'could you give me two more weeks of access',
      'can_approve_immediately',
      'extend course access <= 30 days',
      'extend course access 14 days',
    ],
    [
      'FitZone Gym',
      'pause my membership for three weeks',
      'can_approve_immediately',
      'freeze membership <= 30 days',
      'freeze membership 21 days',
    ],
    [
      'FitZone Gym',
      "I'm away for two months, put my membership on hold the whole time",
      'requires_supervisor',
      'freeze membership > 30 days',
      'freeze membership 60 days',
    ],
    [
      'FitZone Gym',
      'you took 45 bucks off my card, I want that back',
      'requires_supervisor',
      'refund >= $40',
      'refund $45',
    ],
    [
      'GoRide',
      'the app charged me $9 too much, can I get the difference back',
      'can_approve_immediately',
      'refund <= $15',
      'refund $9',
    ],
    [
      'StreamBox',
      'give me another month of free trial',
      'requires_supervisor',
      'extend free trial > 7 days',
      'extend free trial 30 days',
    ],
    [
      'StreamBox',
      'someone is using my account, kick everyone off',
      'can_approve_immediately',
      'sign out all devices',
      'sign out all devices',
    ],
  ])('%s: "%s" is %s by %s, labelled %s', (product, said, status, rule, label) => {
    const d = checkPermission(rulesOf(product), said);
    expect(d).toMatchObject({ status, rule, label });
  });

  it('says how an amount without a unit was read', () => {
    const d = checkPermission(rulesOf('星河信用卡'), '年费二百八能免吗');
    expect(d.reasons?.zh).toContain('"二百八"按280元理解');
    expect(d.parts[0]?.amount).toEqual({ value: 280, unit: 'CNY' });
  });

  it('reads a floor upward: at least 30 may be more than any limit', () => {
    const rules = rulesOf('LearnPath Courses');
    expect(checkPermission(rules, 'refund $30').status).toBe('can_approve_immediately');
    expect(checkPermission(rules, 'refund at least $30').status).toBe('requires_supervisor');
  });

  it('takes the amount of the kind the rule measures from the clauses around the request', () => {
    // 一年 (a duration) is no amount for a fee waiver; 两百八 is.
    const d = checkPermission(
      rulesOf('星河信用卡'),
      '你们咋又扣我两百八的年费？我一年也没少刷啊，这个能给免了不',
    );
    expect(d).toMatchObject({ status: 'can_approve_immediately', label: '年费减免280元' });
  });
});

describe('checkPermission: a rule that does something to a case is not its case', () => {
  // 修改理赔结论 and 承诺理赔金额 are about changing and promising a claim's outcome: a caller who
  // names the claim and neither action asks for something else (and is not refused for it).
  it.each([
    '理赔到现在还没到账',
    '帮我催一下理赔',
    '理赔结果我不服，要申诉',
    '这次理赔给我赔3000',
    '等待期内理赔一下',
  ])('"%s" is not refused by a rule about changing or promising the outcome', (said) => {
    const decision = checkPermission(rulesOf('萌宠保宠物医疗险'), said);
    expect(decision.rule).not.toBe('修改理赔结论');
    expect(decision.rule).not.toBe('承诺理赔金额');
    expect(decision.status).not.toBe('forbidden');
  });

  it('reads 催办 said in other words as the rule on hurrying the claim, not as a payout', () => {
    for (const said of ['帮我催一下理赔', '理赔能不能快点', '能帮我催一下吗']) {
      expect(checkPermission(rulesOf('萌宠保宠物医疗险'), said).rule).toBe('催办理赔');
    }
  });
});

describe('checkPermission: refills as callers ask for them (our own, 2026-12-01, fourth session)', () => {
  const pharmacy = () => rulesOf('MedDrop Pharmacy');
  it.each<[said: string, status: PermissionCategory, rule: string]>([
    ['can you expedite my meds, I only have one dose left', 'can_approve_immediately', 'expedite a refill'],
    [
      'the refill says ready to ship, get it to me quicker please, I leave on Friday',
      'can_approve_immediately',
      'expedite a refill',
    ],
    [
      "my app won't let me reorder my pills until the 30th, can you send them early since I'm moving",
      'requires_supervisor',
      'early refill before 75% of the supply is used',
    ],
    [
      "I need next month's supply ahead of time, I'm going on a cruise",
      'requires_supervisor',
      'early refill before 75% of the supply is used',
    ],
    [
      "my doctor's on vacation and the bottle is empty, just ship me one more",
      'forbidden',
      'refill a prescription with no refills left without prescriber approval',
    ],
    [
      "I'm completely out of refills on my statin, could you send a bottle anyway? I'll sort it with my doctor later",
      'forbidden',
      'refill a prescription with no refills left without prescriber approval',
    ],
  ])('"%s" is %s by %s', (said, status, rule) => {
    expect(checkPermission(pharmacy(), said)).toMatchObject({ status, rule });
  });

  // A plain refill, a question about one with none left, a remark: never the forbidden refill,
  // and never approved.
  it.each([
    'my blood pressure pills have no refills left, what do I do now?',
    'can you send me another bottle',
    'refill my prescription please',
    'I called earlier about my pills, did the order go out?',
  ])('"%s" is neither refused as a refill with none left nor approved', (said) => {
    const d = checkPermission(pharmacy(), said);
    expect(d.status).not.toBe('forbidden');
    expect(d.status).not.toBe('can_approve_immediately');
  });
});

describe('checkPermission: notes that state terms, and what a caller leaves unsaid', () => {
  const rules = () => rulesOf('蜜蜂到家保洁');
  it('approves a change of booking once, and a second change said is not once', () => {
    expect(checkPermission(rules(), '礼拜六那单改到礼拜天').status).toBe('can_approve_immediately');
    expect(checkPermission(rules(), '第二次改约了，改到礼拜天').status).not.toBe('can_approve_immediately');
  });

  it('holds a term only against a quantity of its own said: a 24-hour window is not missing', () => {
    expect(checkPermission(rules(), '给我安排返工').status).toBe('can_approve_immediately');
  });

  it('reads an extension with no thing named as the card’s, within its limit only', () => {
    expect(checkPermission(rules(), '往后延延，延个十天就够').rule).toBe('月卡剩余时长顺延一次（<=15天）');
    expect(checkPermission(rules(), '往后延延，延个二十天').status).toBe('requires_supervisor');
    expect(checkPermission(rules(), '优惠券快过期了，延个十天').status).not.toBe('can_approve_immediately');
  });

  it('does not read a plain change of booking as waiving its fee', () => {
    expect(checkPermission(rules(), '我要改约').rule).toBe('改约一次（服务前24小时以上，免费）');
    expect(checkPermission(rules(), '改约费给我免了').rule).toBe('免收24小时内改约费或第二次改约费');
  });
});
