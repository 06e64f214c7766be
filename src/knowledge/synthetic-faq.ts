import type { ProductKnowledge } from './knowledge-entries.js';

/** Answers real products give; mixed into a synthetic FAQ so they must be found among many. */
const REAL_FAQ = [
  {
    q: '如何取消会员自动续费？',
    a: '打开App，进入我的-会员中心-自动续费管理，点关闭就可以了，也可以让客服帮您关闭。',
  },
  { q: '会员可以几台设备同时用？', a: '同一时间最多两台设备同时观看。' },
  { q: '退款多久到账？', a: '原路退回，一般1到3个工作日到账。' },
];

const TEMPLATES = [
  '如何{v}{t}？',
  '{t}怎么{v}？',
  '为什么无法{v}{t}？',
  '{v}{t}需要多久？',
  '{v}{t}收费吗？',
  '{t}{v}失败怎么办？',
  '可以帮我{v}{t}吗？',
  '{v}{t}有次数限制吗？',
  '{t}{v}后多久生效？',
  '{v}{t}需要什么条件？',
];

const VERBS = '开通 取消 修改 查看 关闭 恢复 申请 绑定 解绑 升级 更换 使用 领取 兑换 下载 设置'.split(' ');

// Topics share words with the real entries (会员, 续费, 退款, 设备, 到账) so ranking is tested, not
// just matching; none asks what a real entry asks.
const TOPICS = (
  '会员 连续包月 自动续费提醒 扣款日期 优惠券 积分 发票 电子发票 手机号 邮箱 密码 登录设备 家庭共享 ' +
  '儿童模式 离线缓存 弹幕 画质设置 杜比音效 观影券 礼品卡 兑换码 学生认证 账号 实名认证 支付方式 ' +
  '微信支付 支付宝 银行卡 退款申请 订单 投屏 播放记录 收藏夹 消息通知 青少年模式 会员等级 成长值 ' +
  '超前点播 到账提醒 设备名称'
).split(' ');

const ANSWER_TAILS = [
  '一般{n}个工作日内处理完成。',
  '该操作不收取额外费用。',
  '如有问题可以联系在线客服。',
  '操作后立即生效。',
  '每个账号每月最多操作{n}次。',
];

/** A small deterministic PRNG (mulberry32): the same seed always gives the same FAQ. */
function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A product's knowledge whose Chinese FAQ has `count` entries: the three real entries of the call
 * scenarios' 会员订阅服务 among generated look-alikes. For tests and benchmarks of retrieval.
 *
 * @example syntheticFaqProduct({ count: 500 }).faq.length // 500
 */
export function syntheticFaqProduct(options: { count: number; seed?: number }): ProductKnowledge & {
  faq: Array<{ q: string; a: string }>;
} {
  const random = rng(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const seen = new Set(REAL_FAQ.map((entry) => entry.q));
  const faq: Array<{ q: string; a: string }> = [];
  const generated = Math.max(0, options.count - REAL_FAQ.length);
  // 16 verbs x 42 topics x 10 templates leave plenty of distinct questions for a few thousand.
  while (faq.length < generated) {
    const verb = pick(VERBS);
    const topic = pick(TOPICS);
    const q = pick(TEMPLATES).replace('{v}', verb).replace('{t}', topic);
    if (seen.has(q)) continue;
    seen.add(q);
    const tail = pick(ANSWER_TAILS).replace('{n}', String(1 + Math.floor(random() * 7)));
    faq.push({ q, a: `打开App，进入我的-${topic}，选择${verb}，按页面提示操作即可。${tail}` });
  }
  // Spread the real entries through the list so their position says nothing.
  REAL_FAQ.slice(0, options.count).forEach((entry, i) => {
    faq.splice(Math.floor(((i + 1) * faq.length) / (REAL_FAQ.length + 1)), 0, entry);
  });
  return {
    name: '会员订阅服务',
    description: '视频平台的会员订阅服务，按月或按年收费，支持自动续费。',
    features: ['高清与4K画质', '多设备同时观看', '会员专属内容', '自动续费可随时关闭'],
    common_issues: ['不清楚为什么被扣费', '想关闭自动续费', '会员权益没有到账', '登录不上账号'],
    solutions: [
      '查询订阅与账单明细并解释扣费来源',
      '在权限内帮客户关闭自动续费',
      '核实订单后补发权益',
      '协助重置密码',
    ],
    faq,
  };
}
