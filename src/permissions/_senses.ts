/**
 * Senses: the words products and callers use for the same thing (弄回来 / 找回 / 还原 ≈ 恢复,
 * 加30个G ≈ 扩容, 修一下 ≈ 维修), in Chinese and English. The meaning matcher (`_meaning.ts`)
 * reads rule phrases and requests through this table; the lexicon stays the authority on the
 * actions it knows.
 *
 * Forms run over normalised text (lower-case ASCII, half-width). Chinese forms are substrings;
 * English forms begin a word and end one, unless they end in `*` (`restor*` is restore, restored,
 * restoring). At each position the longest form wins and its characters are consumed, so a longer
 * word keeps a shorter one from firing inside it (修改 is a change, not a repair; 恢复出厂 is a
 * reset, not a restore). Words of role `none` exist only to be consumed that way.
 */

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
  /** Broader senses this one also names (充电线 is an accessory). */
  also?: readonly string[];
}

// Dates a booking is moved to: 3月6号, 6号, 明天, 下周三.
const DATE =
  '(?:(?:\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*(?:月|号|日|点)|明天|后天|大后天|下周|下个?星期|周[一二三四五六日天末]|星期[一二三四五六日天])';
const ZH_NUM = '(?:\\d+(?:\\.\\d+)?|[零一二两三四五六七八九十百千]+)';

/** The table. Order does not matter. */
export const SENSES: readonly SenseDef[] = [
  // Words that only keep shorter forms from firing inside them.
  {
    id: 'none',
    role: 'none',
    zh: [
      '装修',
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
    ],
    en: ['fixture*'],
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
    patterns: [{ key: 'get', re: "get\\s+(?:[\\w']+\\s+){0,3}?back\\b", overlay: true }],
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
    ],
    en: ['rebook*', 'reschedul*', 'later flight', 'earlier flight', 'another flight', 'different flight'],
    patterns: [
      // 改到3月6号, 换到明天: moving something to a date is a change of booking.
      ...['改', '换', '挪', '推', '提', '延'].map((key) => ({
        key,
        re: `(?:改|换|挪|推迟|延后|提前)(?:到|成|在)[^,.!?;:、\\n]{0,4}?${DATE}`,
        overlay: true as const,
      })),
      {
        key: 'change',
        re: '(?:change|move|switch|swap)\\s+(?:my |the |our )?(?:flight|booking|ticket|date|departure)s?\\b',
      },
      { key: 'move', re: 'move\\s+(?:my |the |our )?(?:flight|booking|ticket|date|departure)s?\\b' },
    ],
  },
  {
    id: 'freeze',
    role: 'action',
    zh: ['冻结', '冻上', '冻住', '冻起来', '挂失', '锁卡', '止付'],
    en: ['freez*'],
    patterns: [
      { key: 'block', re: 'block\\s+(?:my |the |this )?(?:card|account)s?\\b' },
      { key: 'lock', re: 'lock\\s+(?:my |the |this )?(?:card|account)s?\\b' },
      { key: 'stop', re: 'stop\\s+(?:my |the |this )?cards?\\b' },
      { key: 'report', re: 'report\\s+(?:my |the |this )?cards?\\s+(?:lost|stolen)' },
    ],
  },
  { id: 'unfreeze', role: 'action', zh: ['解冻', '解除冻结'], en: ['unfreez*', 'unblock*'] },
  {
    id: 'repair',
    role: 'action',
    zh: ['维修', '修理', '修一下', '修好', '修修', '修', '检修', '返修', '报修', '送修', '保修'],
    en: ['repair*', 'fix', 'fixed', 'fixes', 'fixing', 'mend*'],
  },
  {
    id: 'compensate',
    role: 'action',
    concept: 'compensation',
    zh: ['赔偿', '赔付', '赔钱', '补偿', '索赔', '理赔', '赔'],
    en: ['compensat*', 'damages'],
  },
  {
    id: 'reissue',
    role: 'action',
    zh: [
      '补发',
      '补寄',
      '重发',
      '重新发',
      '重新寄',
      '再发一',
      '再寄一',
      '再寄',
      '再给我寄',
      '再帮我寄',
      '再给我发一',
      '补个',
      '补给我',
    ],
    en: ['resend*', 're-send*', 'reship*', 're-ship*'],
    patterns: [
      { key: '补', re: '补\\s*(?:一|1|两|2)?\\s*[个根条只副份台套件](?!人)' },
      {
        key: 'send',
        re: 'send\\s+(?:me\\s+|us\\s+)?(?:another|a new|a replacement|the missing|a spare|one more)\\b',
        overlay: true,
      },
    ],
  },
  {
    id: 'reset',
    role: 'action',
    zh: ['重置', '恢复出厂', '恢复出厂设置', '初始化', '复位', '重新设置'],
    en: ['reset*', 'factory reset*', 'reinitiali*'],
  },
  {
    id: 'skip',
    role: 'action',
    zh: ['跳过', '绕过', '绕开', '省掉', '免验证', '不验证'],
    en: ['skip*', 'bypass*', 'get around'],
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
    ],
    en: ['replac*', 'new one', 'brand new'],
  },
  {
    id: 'appraise',
    role: 'action',
    zh: ['鉴定', '检测', '检验', '鉴别', '质检', '验货'],
    en: ['inspect*', 'assess*', 'examin*', 'quality check*'],
  },
  {
    id: 'complain',
    role: 'action',
    concept: 'complaint',
    zh: ['投诉', '举报'],
    en: ['complain*', 'grievance*'],
  },
  {
    id: 'ticket_refund',
    role: 'action',
    zh: ['退票', '退机票', '退掉机票'],
    en: ['ticket refund*'],
    patterns: [
      // 机票给我全额退了: the ticket named, then 退 later in the clause.
      { key: '机票', re: '机票[^,.!?;:、\\n]{0,6}?退(?!款|钱|费)', overlay: true },
      { key: '票', re: '票[^,.!?;:、\\n]{0,3}?退(?!款|钱|费)', overlay: true },
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
    zh: ['减免', '免除', '豁免', '免掉', '免了', '免去', '抹掉', '免'],
    en: ['waiv*'],
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
      '给我',
      '提供',
      '念给我',
      '报给我',
      '说一下',
      '说说',
    ],
    en: ['disclos*', 'reveal*', 'leak*', 'share*', 'tell', 'give me', 'show*', 'send me'],
  },
  {
    id: 'view',
    role: 'action',
    generic: true,
    zh: ['查看', '看看', '看一下', '看下', '查一下', '查查', '查询', '查', '瞧瞧', '调取', '打开', '翻看'],
    en: ['view*', 'look at', 'look up', 'look into', 'check', 'see', 'access*', 'open', 'browse'],
  },
  {
    id: 'change',
    role: 'action',
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
    ],
    en: ['chang*', 'modif*', 'updat*', 'switch*', 'alter*', 'edit*', 'correct*'],
  },
  // Objects.
  {
    id: 'file',
    role: 'object',
    zh: ['文件夹', '文件', '照片', '相片', '相册', '图片', '视频', '文档', '数据', '备份', '存的', '存了'],
    en: ['file*', 'folder*', 'photo*', 'picture*', 'video*', 'document*', 'data', 'backup*'],
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
    id: 'device',
    role: 'object',
    zh: ['设备', '音箱', '音响', '机器', '机子', '主机'],
    en: ['device*', 'speaker*'],
  },
  {
    id: 'card',
    role: 'object',
    zh: ['卡片', '银行卡', '信用卡', '储蓄卡', '借记卡', '卡'],
    en: ['card', 'cards'],
  },
  { id: 'flight', role: 'object', zh: ['航班', '班机', '飞机'], en: ['flight*'] },
  { id: 'ticket', role: 'object', zh: ['机票', '票'], en: ['ticket*'] },
  { id: 'delay', role: 'object', zh: ['延误', '晚点', '延迟', '误点'], en: ['delay*', 'late'] },
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
    ],
    en: ['info*', 'detail*', 'phone*', 'number*', 'address*', 'seat*', 'email*', 'contact*', 'location*'],
  },
  {
    id: 'verification',
    role: 'object',
    zh: ['身份核验', '身份验证', '核验', '验证', '校验', '实名认证', '认证', '核实身份'],
    en: ['verif*', 'identity check*', 'authenticat*', 'security question*'],
  },
  { id: 'name', role: 'object', also: ['info'], zh: ['姓名', '名字'], en: ['name', 'names'] },
  {
    id: 'passenger',
    role: 'object',
    zh: ['乘机人', '乘客', '旅客', '登机人', '同行人'],
    en: ['passenger*', 'traveller*', 'traveler*'],
  },
  { id: 'consignee', role: 'object', zh: ['收货人', '收件人'], en: ['recipient*', 'consignee*'] },
  {
    id: 'loss',
    role: 'object',
    zh: ['丢失', '丢了', '丢掉', '没了', '不见了', '消失', '找不到', '丢'],
    en: ['lost', 'lose', 'missing', 'gone', 'disappear*'],
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
  { id: 'temporary', role: 'manner', polar: 'term', zh: ['临时', '暂时'], en: ['temporar*'] },
  { id: 'permanent', role: 'manner', polar: 'term', zh: ['永久', '长期'], en: ['permanent*'] },
  { id: 'remote', role: 'manner', zh: ['远程', '远端'], en: ['remote', 'remotely'] },
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
    zh: ['全额', '全款', '全部退', '全退'],
    en: ['full', 'in full'],
  },
  { id: 'partial', role: 'manner', polar: 'extent', zh: ['部分', '一部分'], en: ['partial*'] },
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
];
