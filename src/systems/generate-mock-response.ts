import type { ApiInterface, Product } from '../domain/record-schemas.js';
import { localDate, productLanguage, roundMoney } from './_mock-language.js';
import { createRng, type SeededRng } from './_prng.js';

/** What a mock response is generated from; the same input always gives the same response. */
export interface MockResponseInput {
  product: Product;
  interfaceName: string;
  definition: ApiInterface;
  phone: string;
  now: Date;
  /** The caller's name from the customer record, used for profile fields when known. */
  customerName?: string;
  /**
   * The caller's responses already stored (generated, or fixed with `cs mock set`): subscriptions
   * found there are the caller's, and the bill generated now charges for them.
   */
  stored?: Record<string, unknown>;
}

type Lang = 'zh' | 'en';

interface MockSubscription {
  name: string;
  fee: number;
  billing_cycle: 'monthly' | 'yearly';
  start_date: string;
  next_billing_date: string;
  auto_renew: boolean;
  status: 'active';
}

interface MockTransaction {
  transaction_id: string;
  date: string;
  amount: number;
  description: string;
  type: 'charge' | 'refund';
}

/**
 * The caller's account as the mock systems see it. It is seeded by product and phone only, so
 * the subscriptions, the billing and the profile of one caller agree with each other.
 */
interface CallerWorld {
  lang: Lang;
  personName: string;
  level: string;
  memberSince: string;
  planNames: string[];
  subscriptions: MockSubscription[];
  transactions: MockTransaction[];
}

/**
 * Generates a believable response for one interface, shaped by its `response_fields`:
 * subscriptions named after the product (会员订阅服务 -> 超级会员, 黄金会员 ...), billing
 * transactions that match them, orders, profile fields, balances, usage, and a sensible value
 * for any other field from hints in its name. Chinese text for a Chinese product name, English
 * otherwise. Pure and deterministic per product id, interface and phone (and `now`).
 *
 * @example generateMockResponse({ product, interfaceName: 'user_subscription', definition, phone: '13800138000', now })
 *   // { subscriptions: [{ name: '超级会员', fee: 15, ... auto_renew: true }], status: 'active' }
 */
export function generateMockResponse(input: MockResponseInput): Record<string, unknown> {
  const lang = productLanguage(input.product);
  const world = createWorld(input, lang);
  const rng = createRng(`${input.product._id}|${input.interfaceName}|${input.phone}|fields`);
  const out: Record<string, unknown> = {};
  for (const field of input.definition.response_fields) {
    out[field] = fieldValue(field, {
      world,
      rng,
      lang,
      now: input.now,
      phone: input.phone,
      description: input.definition.description ?? '',
    });
  }
  // A total beside a list of amounts (a bill's items) is their sum, as a real bill's is.
  const totalKey = Object.keys(out).find((k) => TOTAL_FIELDS.has(k));
  const lines = Object.values(out).find(
    (v): v is Array<{ amount: number }> =>
      Array.isArray(v) &&
      v.length > 0 &&
      v.every((i) => typeof (i as { amount?: unknown })?.amount === 'number'),
  );
  if (totalKey && lines) out[totalKey] = roundMoney(lines.reduce((sum, i) => sum + i.amount, 0));
  return out;
}

interface FieldContext {
  world: CallerWorld;
  rng: SeededRng;
  lang: Lang;
  now: Date;
  phone: string;
  /** The interface's description: what its lists hold (trips with fare, estimate, route, driver). */
  description: string;
}

const SUBSCRIPTION_FIELDS = new Set([
  'subscriptions',
  'memberships',
  'plans',
  'services',
  'subscription_list',
]);
const TRANSACTION_FIELDS = new Set([
  'transactions',
  'billing',
  'bills',
  'charges',
  'payments',
  'billing_records',
  'billing_details',
  'bill_items',
  'records',
]);
const TOTAL_FIELDS = new Set(['total', 'total_amount', 'amount_total', 'sum']);
const NAME_FIELDS = new Set([
  'name',
  'customer_name',
  'user_name',
  'username',
  'full_name',
  'nickname',
  'real_name',
]);
const LEVEL_FIELDS = new Set([
  'level',
  'vip_level',
  'member_level',
  'membership_level',
  'tier',
  'grade',
  'user_level',
]);

function fieldValue(field: string, ctx: FieldContext): unknown {
  const key = field.toLowerCase().replace(/[-\s]/g, '_');
  const { world, rng } = ctx;
  if (SUBSCRIPTION_FIELDS.has(key)) return structuredClone(world.subscriptions);
  if (key === 'subscription' || key === 'membership' || key === 'plan') {
    return structuredClone(world.subscriptions[0]);
  }
  if (TRANSACTION_FIELDS.has(key)) return structuredClone(world.transactions);
  if (TOTAL_FIELDS.has(key)) {
    return roundMoney(world.transactions.reduce((s, t) => s + t.amount, 0));
  }
  if (key === 'orders' || key === 'order_list' || key === 'order_history') return orders(ctx);
  if (key === 'order') return orders(ctx)[0];
  if (
    key === 'status' ||
    key === 'account_status' ||
    key === 'user_status' ||
    key === 'subscription_status'
  ) {
    return 'active';
  }
  if (NAME_FIELDS.has(key)) return world.personName;
  if (LEVEL_FIELDS.has(key)) return world.level;
  if (key === 'member_since' || key === 'registered_at' || key === 'created_at' || key === 'register_date') {
    return world.memberSince;
  }
  if (key === 'phone' || key === 'mobile' || key === 'phone_number' || key === 'user_id' || key === 'uid') {
    return ctx.phone;
  }
  if (key === 'email') return `user${ctx.phone.slice(-4)}@example.com`;
  if (key === 'balance' || key === 'account_balance' || key === 'wallet_balance') {
    return roundMoney(rng.int(0, 50000) / 100);
  }
  if (key === 'points' || key === 'credits' || key === 'reward_points' || key === 'score')
    return rng.int(0, 5000);
  if (/usage|traffic|data_used/.test(key)) return usage(ctx);
  // used_gb, quota_gb, remaining_gb as separate fields: one allowance, so they agree.
  const data = /^(used|quota|limit|total|remaining|left)_(gb|mb)$/.exec(key);
  if (data) {
    const d = dataAllowance(ctx);
    const value =
      data[1] === 'used' ? d.used : data[1] === 'remaining' || data[1] === 'left' ? d.remaining : d.limit;
    return data[2] === 'mb' ? Math.round(value * 1024) : value;
  }
  if (/^overage(?:_fee|_charge|_cost)?$/.test(key)) {
    const d = dataAllowance(ctx);
    return d.used > d.limit ? roundMoney(Math.min(60, (d.used - d.limit) * 3)) : 0;
  }
  return hintedValue(key, ctx);
}

/** A value for a field we know nothing about, from hints in its name. */
function hintedValue(key: string, ctx: FieldContext): unknown {
  const { rng, lang, now } = ctx;
  const tokens = key.split('_');
  const last = tokens[tokens.length - 1] ?? key;
  if (
    /^(is|has|can|should)_/.test(key) ||
    /(_enabled|_flag|_verified|_active)$/.test(key) ||
    /^(?:online|connected|available|active)$/.test(key) ||
    key === 'auto_renew'
  ) {
    return true;
  }
  if (last === 'id' || last === 'no' || last === 'number')
    return `${key.slice(0, 2).toUpperCase()}${rng.int(10000000, 99999999)}`;
  if (/(date|_at|time|expires?|expiry|since|deadline|until)$/.test(key) || /^last_/.test(key)) {
    const future = /(next|expire|expiry|due|end|until|deadline|renew)/.test(key);
    const days = rng.int(3, 120);
    return localDate(addDays(now, future ? days : -days));
  }
  if (/(amount|fee|price|cost|balance|total|charge|payment|refund|credit|spent|paid|due)$/.test(key)) {
    return roundMoney(rng.int(100, 30000) / 100);
  }
  if (/(count|num|quantity|qty|times|days|months|points|_used)$/.test(key) || key.startsWith('num_')) {
    return rng.int(1, 30);
  }
  if (/(rate|ratio|percent|percentage|pct)$/.test(key)) return rng.int(0, 100);
  // A quantity in a unit (eta_minutes, used_gb, distance_km) is a number, not a list.
  if (/^(?:minutes|mins|hours|hrs|seconds|secs|weeks|gb|mb|tb|km|kg|ms)$/.test(last)) return rng.int(1, 60);
  // A rate (speed_mbps): the plan's speed, not a list.
  if (/^(?:mbps|kbps|gbps)$/.test(last)) return rng.pick([100, 300, 500, 1000]);
  // The person doing the job (rider, driver, technician): a name; no contact is made up.
  if (/^(?:rider|driver|courier|technician|engineer|installer|coach|instructor)$/.test(last)) {
    return {
      name:
        lang === 'zh'
          ? `${rng.pick(['王', '李', '张', '刘', '陈'])}师傅`
          : rng.pick(['Alex', 'Sam', 'Jordan']),
    };
  }
  if (/(list|items|history|records|logs|details|entries)$/.test(key) || isPlural(last)) {
    return [1, 2].map((i) => listItem(i, ctx));
  }
  if (/(address|location)$/.test(key)) {
    return lang === 'zh'
      ? rng.pick(['北京市朝阳区建国路88号', '上海市浦东新区世纪大道100号', '广州市天河区体育西路191号'])
      : rng.pick([
          '221 Baker Street, London',
          '500 Market St, San Francisco, CA',
          '12 King St W, Toronto, ON',
        ]);
  }
  // A fault or error on record: none (the caller's complaint is the news, not a made-up fault).
  if (/^(?:fault|faults|error|errors|alarm|alarms|issue|issues)$/.test(key))
    return lang === 'zh' ? '无' : 'none';
  if (/(message|note|remark|description|reason|comment)$/.test(key)) {
    return lang === 'zh' ? '无异常记录' : 'No issues on record';
  }
  if (/(type|category|kind|plan)$/.test(key))
    return ctx.world.planNames[0] ?? (lang === 'zh' ? '标准' : 'standard');
  return lang === 'zh' ? '正常' : 'normal';
}

/**
 * An item of a list the generator has no shape for, with the fields the interface's description
 * names: "Recent trips with fare, estimate, route and driver" gives each trip a fare, an estimate
 * below it, a route and a driver; "近期订单及金额" an amount.
 */
function listItem(i: number, ctx: FieldContext): Record<string, unknown> {
  const { rng, lang, now } = ctx;
  const says = (re: RegExp) => re.test(ctx.description);
  const item: Record<string, unknown> = {
    id: `${i}${rng.int(100000, 999999)}`,
    date: localDate(addDays(now, -rng.int(1, 60))),
  };
  const named = Object.keys(item).length;
  // A stay booked for dates to come (bookings, reservations, 酒店订单): when, what room, its price.
  if (says(/\bbookings?\b|\breservations?\b|\bhotel|\bstays?\b|预订|预定|订房|酒店|民宿|房间/i)) {
    const checkIn = addDays(now, rng.int(2, 20));
    const nights = rng.int(1, 3);
    item.check_in = localDate(checkIn);
    item.check_out = localDate(addDays(checkIn, nights));
    item.room_type =
      lang === 'zh'
        ? rng.pick(['大床房', '双床房', '豪华大床房', '行政套房'])
        : rng.pick(['King Room', 'Twin Room', 'Deluxe King', 'Suite']);
    item.amount = lang === 'zh' ? rng.int(2, 12) * 100 * nights : rng.int(80, 300) * nights;
    item.status = lang === 'zh' ? '已确认' : 'confirmed';
    return item;
  }
  const charged = lang === 'zh' ? rng.int(10, 300) : roundMoney(rng.int(800, 6000) / 100);
  const moneyKey = says(/\bfares?\b|车费|票价/i)
    ? 'fare'
    : says(/\b(?:price|amount|cost|fee|charge|bill)s?\b|金额|费用|价格|价钱|花费|账单/i)
      ? 'amount'
      : undefined;
  if (moneyKey) {
    item[moneyKey] = charged;
    // What was quoted before it was charged: below the charge, so a dispute has a difference.
    if (says(/\bestimat|\bquot|预估|预计费用|报价/i))
      item[`estimated_${moneyKey}`] = roundMoney((charged * rng.int(55, 90)) / 100);
  }
  if (says(/\broute\b|路线|起点|终点/i)) {
    const [from, to] =
      lang === 'zh'
        ? rng.pick([
            ['国贸', '首都机场T3'],
            ['人民广场', '虹桥火车站'],
            ['体育西路', '白云机场'],
          ])
        : rng.pick([
            ['Union Square', 'SFO Terminal 2'],
            ['King St W', 'Pearson Airport'],
            ['Baker Street', 'Heathrow T5'],
          ]);
    item.route = `${from} → ${to}`;
  }
  const worker = /\b(driver|rider|courier|technician|instructor|coach)\b|(司机|骑手|师傅|教练)/i.exec(
    ctx.description,
  );
  if (worker) {
    const role = (
      worker[1] ??
      { 司机: 'driver', 骑手: 'rider', 师傅: 'technician', 教练: 'coach' }[worker[2] as string] ??
      'staff'
    ).toLowerCase();
    item[role] =
      lang === 'zh'
        ? `${rng.pick(['王', '李', '张', '刘', '陈'])}师傅`
        : rng.pick(['Alex', 'Sam', 'Jordan', 'Maria', 'Chen']);
  }
  if (says(/\bstatus\b|状态|进度/i))
    item.status =
      lang === 'zh'
        ? rng.pick(['已完成', '已完成', '处理中'])
        : rng.pick(['completed', 'completed', 'in progress']);
  // Nothing the description names: a line of the product's records.
  if (Object.keys(item).length === named) {
    item.description =
      lang === 'zh'
        ? `${ctx.world.planNames[0] ?? '服务'}相关记录`
        : `${ctx.world.planNames[0] ?? 'Service'} record`;
  }
  return item;
}

function isPlural(word: string): boolean {
  return word.length > 3 && word.endsWith('s') && !/(ss|us|is|status)$/.test(word);
}

function orders(ctx: FieldContext): Array<Record<string, unknown>> {
  const { rng, world, lang, now } = ctx;
  const count = rng.int(1, 3);
  const list: Array<Record<string, unknown>> = [];
  for (let i = 0; i < count; i++) {
    const date = addDays(now, -rng.int(2, 90));
    const plan = rng.pick(world.planNames);
    const yearly = rng.chance(0.3);
    const monthlyFee = world.subscriptions.find((s) => s.name === plan)?.fee ?? rng.pick([15, 19, 25]);
    const amount = roundMoney(yearly ? monthlyFee * 10 : monthlyFee);
    list.push({
      order_id: `${localDate(date).replaceAll('-', '')}${rng.int(100000, 999999)}`,
      item:
        lang === 'zh'
          ? `${plan}（${yearly ? '年卡' : '月卡'}）`
          : `${plan} (${yearly ? '12 months' : '1 month'})`,
      amount,
      status: rng.pick(['completed', 'completed', 'completed', 'processing']),
      date: localDate(date),
    });
  }
  return list.sort((a, b) => String(b.date).localeCompare(String(a.date)));
}

/** The caller's data allowance this month, the same for every field that reads it. */
function dataAllowance(ctx: FieldContext): { limit: number; used: number; remaining: number } {
  const rng = createRng(`${ctx.world.planNames.join('|')}|${ctx.phone}|data`);
  const limit = rng.pick([10, 20, 30, 50, 100]);
  // Now and then over the allowance: that is when callers ask.
  const used = roundMoney((limit * rng.int(5, 115)) / 100);
  return { limit, used, remaining: roundMoney(Math.max(0, limit - used)) };
}

function usage(ctx: FieldContext): Record<string, unknown> {
  const { lang, now } = ctx;
  const { limit, used, remaining } = dataAllowance(ctx);
  return {
    used_gb: used,
    limit_gb: limit,
    remaining_gb: remaining,
    period: lang === 'zh' ? `${now.getFullYear()}年${now.getMonth() + 1}月` : localDate(now).slice(0, 7),
  };
}

// ---------------------------------------------------------------------------------------------
// The caller's world

const ZH_SURNAMES = [
  '张',
  '王',
  '李',
  '赵',
  '刘',
  '陈',
  '杨',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
];
const ZH_GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '丽',
  '强',
];
const EN_FIRST = [
  'James',
  'Mary',
  'John',
  'Linda',
  'Robert',
  'Emma',
  'David',
  'Olivia',
  'Daniel',
  'Sophia',
  'Chris',
];
const EN_LAST = [
  'Smith',
  'Johnson',
  'Brown',
  'Taylor',
  'Miller',
  'Wilson',
  'Moore',
  'Clark',
  'Lewis',
  'Walker',
];
const ZH_LEVELS = ['普通会员', '白银会员', '黄金会员', '铂金会员', '钻石会员'];
const EN_LEVELS = ['Standard', 'Silver', 'Gold', 'Platinum'];

interface PlanTemplate {
  name: string;
  fee: number;
  cycle: 'monthly' | 'yearly';
  /** A stored subscription's own start and renewal (else made up). */
  start?: Date;
  autoRenew?: boolean;
}

/** The subscriptions among the caller's stored responses (under any subscriptions-like key). */
function storedSubscriptions(stored: Record<string, unknown> | undefined): PlanTemplate[] {
  const out: PlanTemplate[] = [];
  for (const response of Object.values(stored ?? {})) {
    if (response === null || typeof response !== 'object') continue;
    for (const [key, list] of Object.entries(response as Record<string, unknown>)) {
      if (!SUBSCRIPTION_FIELDS.has(key.toLowerCase()) || !Array.isArray(list)) continue;
      for (const item of list) {
        if (item === null || typeof item !== 'object') continue;
        const s = item as Record<string, unknown>;
        const name = s.name ?? s.plan ?? s.service;
        const fee = Number(s.fee ?? s.price ?? s.amount);
        if (typeof name !== 'string' || !Number.isFinite(fee) || out.some((p) => p.name === name)) continue;
        const start = typeof s.start_date === 'string' ? parseLocalDate(s.start_date) : undefined;
        out.push({
          name,
          fee,
          cycle: s.billing_cycle === 'yearly' ? 'yearly' : 'monthly',
          ...(start && !Number.isNaN(start.getTime()) ? { start } : {}),
          ...(typeof s.auto_renew === 'boolean' ? { autoRenew: s.auto_renew } : {}),
        });
      }
    }
  }
  return out;
}

function planTemplates(product: Product, lang: Lang): PlanTemplate[] {
  const name = String(product.name);
  if (lang === 'zh') {
    const text = [
      name,
      product.description,
      ...(Array.isArray(product.features) ? product.features : []),
    ].join(' ');
    if (text.includes('会员')) {
      return [
        { name: '超级会员', fee: 15, cycle: 'monthly' },
        { name: '黄金会员', fee: 25, cycle: 'monthly' },
        { name: '白金会员', fee: 30, cycle: 'monthly' },
        { name: '连续包月会员', fee: 19, cycle: 'monthly' },
        { name: '年度会员', fee: 198, cycle: 'yearly' },
      ];
    }
    let base = name;
    for (let prev = ''; prev !== base; ) {
      prev = base;
      base = base.replace(/(服务|订阅|系统|平台|业务|产品)$/, '') || prev;
    }
    return [
      { name: `${base}标准版`, fee: 19, cycle: 'monthly' },
      { name: `${base}高级版`, fee: 30, cycle: 'monthly' },
      { name: `${base}专业版`, fee: 45, cycle: 'monthly' },
      { name: `${base}家庭版`, fee: 35, cycle: 'monthly' },
      { name: `${base}年付版`, fee: 198, cycle: 'yearly' },
    ];
  }
  const base = name.replace(/\s+(services?|subscriptions?|platform|system)$/i, '') || name;
  return [
    { name: `${base} Monthly`, fee: 14.99, cycle: 'monthly' },
    { name: `${base} Basic`, fee: 8.99, cycle: 'monthly' },
    { name: `${base} Family`, fee: 19.99, cycle: 'monthly' },
    { name: `${base} Annual`, fee: 149.99, cycle: 'yearly' },
  ];
}

function createWorld(input: MockResponseInput, lang: Lang): CallerWorld {
  const rng = createRng(`${input.product._id}|${input.phone}|world`);
  const templates = planTemplates(input.product, lang);
  const count = rng.chance(0.3) ? 2 : 1;
  const chosen: PlanTemplate[] = [];
  // The first plan is the most common one, so a typical caller has the product's main plan.
  chosen.push(rng.chance(0.6) ? (templates[0] as PlanTemplate) : rng.pick(templates));
  while (chosen.length < count) {
    const t = rng.pick(templates);
    if (!chosen.includes(t)) chosen.push(t);
  }
  const now = input.now;
  const fixed = storedSubscriptions(input.stored);
  if (fixed.length > 0) chosen.splice(0, chosen.length, ...fixed);
  const subscriptions: MockSubscription[] = [];
  const transactions: MockTransaction[] = [];
  chosen.forEach((plan, index) => {
    const startRaw = plan.start ?? addDays(now, -rng.int(15, 540));
    const start = new Date(startRaw.getFullYear(), startRaw.getMonth(), Math.min(startRaw.getDate(), 28));
    const step = plan.cycle === 'monthly' ? 1 : 12;
    const billingDates: Date[] = [];
    let next = start;
    while (next <= now) {
      billingDates.push(next);
      next = addMonths(start, step * billingDates.length);
    }
    subscriptions.push({
      name: plan.name,
      fee: plan.fee,
      billing_cycle: plan.cycle,
      start_date: localDate(start),
      next_billing_date: localDate(next),
      auto_renew: plan.autoRenew ?? (index === 0 ? rng.chance(0.9) : rng.chance(0.5)),
      status: 'active',
    });
    billingDates.slice(-3).forEach((date) => {
      const first = date.getTime() === start.getTime();
      transactions.push({
        transaction_id: `T${localDate(date).replaceAll('-', '')}${rng.int(1000, 9999)}`,
        date: localDate(date),
        amount: plan.fee,
        description:
          lang === 'zh'
            ? first
              ? `开通${plan.name}`
              : `${plan.name}自动续费扣款`
            : first
              ? `${plan.name} first payment`
              : `${plan.name} auto-renewal`,
        type: 'charge',
      });
    });
  });
  transactions.sort((a, b) => b.date.localeCompare(a.date));
  const known = input.customerName?.trim();
  // A cold-start record's placeholder name (来电客户_1234) is not the account holder's name.
  const personName =
    known && !/^来电客户_|^Caller[ _]/.test(known)
      ? known
      : lang === 'zh'
        ? rng.pick(ZH_SURNAMES) + rng.pick(ZH_GIVEN)
        : `${rng.pick(EN_FIRST)} ${rng.pick(EN_LAST)}`;
  const earliest = subscriptions.map((s) => s.start_date).sort()[0] ?? localDate(now);
  return {
    lang,
    personName,
    level: rng.pick(lang === 'zh' ? ZH_LEVELS : EN_LEVELS),
    memberSince: localDate(addDays(parseLocalDate(earliest), -rng.int(0, 400))),
    planNames: chosen.map((p) => p.name),
    subscriptions,
    transactions: transactions.slice(0, 5),
  };
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

/** Day of month is at most 28 in the callers, so adding months never overflows a month. */
function addMonths(date: Date, months: number): Date {
  return new Date(date.getFullYear(), date.getMonth() + months, date.getDate());
}

function parseLocalDate(text: string): Date {
  const [y, m, d] = text.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}
