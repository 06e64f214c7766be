/** How hard a caller is to serve; the mix in a batch leans towards the everyday ones. */
export type Difficulty = 'easy' | 'medium' | 'hard';

/**
 * A kind of caller: how they talk, what they need, and a detail that explains why. One persona
 * gives one customer a coherent style, special need and background.
 */
export interface CustomerPersona {
  key: string;
  difficulty: Difficulty;
  /** Relative frequency in a batch. */
  weight: number;
  styles: readonly string[];
  needs: readonly string[];
  details: readonly string[];
  /** Overrides the general occupation pool (retirees, engineers ...). */
  occupations?: readonly string[];
  /** Age range when the age matters to the story (elderly callers). */
  ages?: readonly [min: number, max: number];
  /** Elderly callers may go by 王阿姨 / 李大爷. */
  elderly?: boolean;
}

/** Wording per language that does not depend on the persona. */
export interface CustomerWording {
  cities: readonly string[];
  occupations: readonly string[];
  /** Per customer type; `{years}` is filled with 2 to 8. */
  typeTails: Readonly<Record<'new' | 'returning' | 'vip', readonly string[]>>;
}

export const CUSTOMER_WORDING_ZH: CustomerWording = {
  cities: [
    '北京',
    '上海',
    '广州',
    '深圳',
    '成都',
    '杭州',
    '武汉',
    '西安',
    '南京',
    '重庆',
    '长沙',
    '郑州',
    '青岛',
    '沈阳',
    '昆明',
    '厦门',
    '苏州',
    '天津',
    '合肥',
    '哈尔滨',
  ],
  occupations: [
    '中学老师',
    '外企白领',
    '个体店主',
    '大学生',
    '全职妈妈',
    '出租车司机',
    '财务会计',
    '销售经理',
    '平面设计师',
    '护士',
    '自由职业者',
    '公务员',
    '外卖骑手',
    '医生',
    '餐馆老板',
  ],
  typeTails: {
    new: ['新用户，注册还不到一个月', '刚开通服务两周', '第一次用，还不太熟悉规则'],
    returning: [
      '老用户，已经用了{years}年',
      '用了{years}年，之前打过几次客服电话',
      '开通{years}年了，一直按月续费',
    ],
    vip: ['VIP会员，每年消费比较多', '年费会员，已经连续续费{years}年', '高等级会员，同时用着好几项服务'],
  },
};

export const CUSTOMER_PERSONAS_ZH: readonly CustomerPersona[] = [
  {
    key: 'polite',
    difficulty: 'easy',
    weight: 4,
    styles: [
      '礼貌耐心，表达清楚',
      '客气，说话慢条斯理，愿意配合核实信息',
      '好说话，讲道理，听完解释就能接受',
    ],
    needs: ['无', '希望短信通知处理结果', '工作日白天方便接电话'],
    details: ['这是第一次遇到问题', '对服务整体比较满意', '平时用得挺顺手，这次是头一回卡住'],
  },
  {
    key: 'direct',
    difficulty: 'easy',
    weight: 3,
    styles: ['直接简洁，不喜欢寒暄', '说话干脆，只想听结论', '语气平淡，问什么答什么'],
    needs: ['无', '希望一次说清楚，不要转来转去'],
    details: ['平时工作忙，没时间反复打电话', '习惯自己在App上解决，实在不行才打电话'],
  },
  {
    key: 'impatient',
    difficulty: 'medium',
    weight: 3,
    styles: ['着急，语速快，希望马上解决', '礼貌但急躁，经常打断', '赶时间，反复问多久能好'],
    needs: ['只能午休时间接电话', '希望尽快给结果，不要让他等', '希望短信通知处理进度'],
    details: ['马上要出差，想在走之前处理好', '正在开会间隙打的电话', '这个问题影响到了工作'],
  },
  {
    key: 'angry',
    difficulty: 'hard',
    weight: 2,
    styles: ['情绪激动，一开口就说要投诉', '语气很冲，认定自己被乱扣费', '火气大，觉得之前的客服在敷衍'],
    needs: ['要求书面答复', '要求主管回电', '要求给出明确的处理时限'],
    details: ['上周已经打过两次电话都没解决', '在社交平台发过差评', '觉得被自动续费套路了'],
  },
  {
    key: 'elderly',
    difficulty: 'hard',
    weight: 2,
    styles: [
      '年纪大了，听力不太好，需要说慢一点、多重复几遍',
      '说话慢，不太会用智能手机，需要一步一步教',
      '很客气但容易紧张，担心操作错了扣钱',
    ],
    needs: [
      '听力不好，请放慢语速、提高音量',
      '不会用App，需要电话里一步步指导',
      '子女帮忙操作，最好等子女在家时回电',
    ],
    details: ['服务是子女帮忙开通的', '看不懂App里的英文和图标', '手机是新换的，很多功能还不会用'],
    occupations: ['退休教师', '退休工人', '退休会计', '退休医生', '退休干部'],
    ages: [62, 82],
    elderly: true,
  },
  {
    key: 'technical',
    difficulty: 'medium',
    weight: 2,
    styles: [
      '懂技术，会直接报错误码和版本号',
      '说话专业，讨厌照本宣科的标准回答',
      '自己排查过一遍，希望直接进入下一步',
    ],
    needs: ['希望直接对接技术人员', '需要详细的故障说明和处理记录'],
    details: ['已经自己试过重启和重装', '截图和日志都准备好了', '怀疑是系统升级引起的问题'],
    occupations: ['程序员', '网络工程师', '数码博主', '运维工程师', 'IT支持'],
  },
  {
    key: 'suspicious',
    difficulty: 'medium',
    weight: 2,
    styles: ['多疑，担心被乱扣费，每一步都要核实', '谨慎，怕是诈骗电话，不愿意报完整信息'],
    needs: ['要求每笔扣费都给明细', '不接受陌生号码回访，只能自己打进来'],
    details: ['之前接到过冒充客服的诈骗电话', '不记得自己开通过这项服务'],
  },
  {
    key: 'rambling',
    difficulty: 'medium',
    weight: 2,
    styles: ['说话绕，容易跑题，需要引导', '表达不太清楚，说不出服务的准确名称'],
    needs: ['无', '需要客服帮忙确认具体是哪项服务'],
    details: ['手机上开通的服务比较多，分不清哪个是哪个', '是帮家里人问的'],
  },
  {
    key: 'bargainer',
    difficulty: 'medium',
    weight: 1,
    styles: ['爱讲价，总想多要一点补偿', '精明，会拿别家的优惠来比'],
    needs: ['希望得到补偿或优惠'],
    details: ['听朋友说打客服电话能要到补偿', '正在比较几家的价格，考虑换一家'],
  },
  {
    key: 'accent',
    difficulty: 'medium',
    weight: 1,
    styles: ['方言口音重，部分词需要确认', '普通话不太标准，说话快'],
    needs: ['需要客服耐心确认关键信息', '关键信息希望短信再发一遍'],
    details: ['外地来打工，刚办的业务', '平时很少打客服电话'],
  },
];

export const CUSTOMER_WORDING_EN: CustomerWording = {
  // The phone rules are the mainland's, so English-speaking callers live in China.
  cities: ['Shanghai', 'Beijing', 'Shenzhen', 'Guangzhou', 'Hangzhou', 'Chengdu', 'Suzhou'],
  occupations: [
    'English teacher',
    'software engineer',
    'exchange student',
    'sales manager',
    'freelance designer',
    'restaurant owner',
    'consultant',
  ],
  typeTails: {
    new: ['signed up less than a month ago', 'a new customer calling support for the first time'],
    returning: ['a customer for {years} years', 'a customer for {years} years who has called support before'],
    vip: ['a VIP member on a yearly plan for {years} years', 'a top-tier member using several services'],
  },
};

export const CUSTOMER_PERSONAS_EN: readonly CustomerPersona[] = [
  {
    key: 'polite',
    difficulty: 'easy',
    weight: 4,
    styles: ['Polite and patient, explains clearly', 'Friendly and happy to verify details'],
    needs: ['None', 'Prefers a text message with the outcome'],
    details: ['First problem with the service', 'Generally happy with the service'],
  },
  {
    key: 'impatient',
    difficulty: 'medium',
    weight: 3,
    styles: ['In a hurry, talks fast and wants it fixed now', 'Polite but impatient, interrupts often'],
    needs: ['Can only talk during lunch break', 'Wants a quick answer, no hold music'],
    details: ['Flying out tomorrow and wants this sorted first', 'Calling between meetings'],
  },
  {
    key: 'angry',
    difficulty: 'hard',
    weight: 2,
    styles: ['Angry, opens by threatening to complain', 'Sharp tone, convinced they were overcharged'],
    needs: ['Wants a written answer', 'Wants a supervisor to call back'],
    details: ['Called twice last week with no fix', 'Feels trapped by auto-renewal'],
  },
  {
    key: 'elderly',
    difficulty: 'hard',
    weight: 2,
    styles: [
      'Older caller, hard of hearing; needs slow speech and repetition',
      'Not confident with smartphones',
    ],
    needs: ['Please speak slowly and clearly', 'Needs step-by-step guidance by phone'],
    details: ['A grandchild set up the account', 'New phone, still learning it'],
    occupations: ['retired teacher', 'retired engineer', 'retired nurse'],
    ages: [65, 84],
    elderly: true,
  },
  {
    key: 'technical',
    difficulty: 'medium',
    weight: 2,
    styles: [
      'Technical; quotes error codes and app versions',
      'Dislikes scripted answers, wants the next step',
    ],
    needs: ['Wants to talk to a technician', 'Needs a written fault report'],
    details: ['Already reinstalled the app twice', 'Has screenshots and logs ready'],
    occupations: ['software engineer', 'network engineer', 'tech blogger'],
  },
  {
    key: 'suspicious',
    difficulty: 'medium',
    weight: 2,
    styles: ['Wary of scams, checks every step', 'Careful, reluctant to give full details'],
    needs: ['Wants an itemised bill for every charge', 'Will not accept callbacks from unknown numbers'],
    details: ['Received a fake support call last month', 'Does not remember signing up'],
  },
];
