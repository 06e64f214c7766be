import type { Product } from '../domain/record-schemas.js';
import { productInterfaces } from './_interfaces.js';
import { addDays, addMonths, localDate, parseLocalDate } from './_mock-language.js';
import { catalogueOf, feeOf, makePurchase, type ProductKind, productKind } from './_mock-product-kind.js';
import { planViews, SINGLE_PLAN_KEYS, SUBSCRIPTION_LISTS } from './_mock-shapes.js';
import { createRng, type SeededRng } from './_prng.js';

export type Lang = 'zh' | 'en';

export interface MockSubscription {
  name: string;
  fee: number;
  billing_cycle: 'monthly' | 'yearly';
  start_date: string;
  next_billing_date: string;
  auto_renew: boolean;
  status: 'active';
}

export interface MockTransaction {
  transaction_id: string;
  date: string;
  amount: number;
  description: string;
  type: 'charge' | 'refund';
}

/** A purchase of a product that charges per purchase (an order, a trip, a card purchase). */
export interface MockPurchase {
  id: string;
  date: string;
  /** What was bought: a dish, a course, a merchant's name. */
  thing: string;
  /** The purchase as a bill line says it (外卖订单：麻辣烫, Purchase at Corner Grocery). */
  line: string;
  amount: number;
}

/**
 * The caller's account as the mock systems see it. It is seeded by product and phone only, so
 * the plans, the charges, the card and the profile of one caller agree in every response.
 */
export interface CallerWorld {
  lang: Lang;
  kind: ProductKind;
  personName: string;
  level: string;
  memberSince: string;
  planNames: string[];
  /** What the product's features sell at a price (`catalogueOf`): what a product or item field names. */
  catalogueNames: string[];
  subscriptions: MockSubscription[];
  /**
   * What the caller was charged, newest first: a subscription's renewals, or the purchases of a
   * product that charges per purchase (a card's are those of its last statement).
   */
  transactions: MockTransaction[];
  /** The purchases behind the transactions (none for a subscription), newest first. */
  purchases: MockPurchase[];
  /** A card's last statement: when it was made and when it is due. */
  statement: { date: string; due: string };
  /** The caller's credit line, in the product's currency. */
  creditLimit: number;
  /** The monthly data a plan includes, when the product's features say it (含30GB流量). */
  dataQuotaGb?: number;
}

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

/** The plans among the caller's stored responses: subscription lists and single plans alike. */
function storedSubscriptions(stored: Record<string, unknown> | undefined): PlanTemplate[] {
  const out: PlanTemplate[] = [];
  for (const response of Object.values(stored ?? {})) {
    if (response === null || typeof response !== 'object' || Array.isArray(response)) continue;
    for (const { item: s } of planViews(structuredClone(response) as Record<string, unknown>)) {
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
  return out;
}

/**
 * The plans a product's features name with their prices ("Basic $7.99 (HD, 1 screen)", "黄金会员
 * 25元/月"), or a single price its features give the main plan ("月租79元含30GB流量").
 */
function featurePlans(product: Product, lang: Lang): { plans: PlanTemplate[]; mainFee?: number } {
  const features = (Array.isArray(product.features) ? product.features : []).map(String);
  const base = String(product.name).replace(/\s+(services?|subscriptions?|platform|system)$/i, '');
  const plans: PlanTemplate[] = [];
  let mainFee: number | undefined;
  for (const feature of features) {
    const named =
      lang === 'zh'
        ? /^(\S{1,10}?(?:版|卡|套餐|会员|包))[：:\s]*(\d+(?:\.\d+)?)元(?:\s*\/\s*(月|年))?/.exec(feature)
        : /^([A-Z][A-Za-z0-9+ ]{0,20}?)\s*[:\-–]?\s*\$(\d+(?:\.\d{1,2})?)(?:\s*(?:\/|per|a)\s*(month|mo|year|yr))?/.exec(
            feature,
          );
    // "Refunds up to $50" names a limit, not a plan.
    if (
      named?.[1] &&
      named[2] &&
      !/\b(?:up|to|over|under|from|off|for|per|only|free|save|refunds?|fees?)\b/i.test(named[1])
    ) {
      const title = named[1].trim();
      plans.push({
        name: lang === 'zh' || title.startsWith(base) ? title : `${base} ${title}`,
        fee: Number(named[2]),
        cycle: /年|year|yr/.test(named[3] ?? '') ? 'yearly' : 'monthly',
      });
      continue;
    }
    const monthly =
      lang === 'zh'
        ? /(?:月租|月费|包月)(\d+(?:\.\d+)?)元/.exec(feature)
        : /\$(\d+(?:\.\d{1,2})?)\s*(?:\/|per|a)\s*month/i.exec(feature);
    if (monthly?.[1] && mainFee === undefined) mainFee = Number(monthly[1]);
  }
  return mainFee === undefined ? { plans } : { plans, mainFee };
}

function planTemplates(product: Product, lang: Lang, kind: ProductKind): PlanTemplate[] {
  const listed = featurePlans(product, lang);
  if (listed.plans.length > 0) return listed.plans;
  const made = madeUpPlans(product, lang, kind);
  // The main plan costs what the features say it does.
  const main = made[0];
  return listed.mainFee !== undefined && main ? [{ ...main, fee: listed.mainFee }, ...made.slice(1)] : made;
}

/** Plans named after the product when its features name none. */
function madeUpPlans(product: Product, lang: Lang, kind: ProductKind): PlanTemplate[] {
  const name = String(product.name);
  // A card's plan is its tier, billed an annual fee.
  if (kind === 'card') {
    return lang === 'zh'
      ? [
          { name: `${name}金卡`, fee: 200, cycle: 'yearly' },
          { name: `${name}普卡`, fee: 100, cycle: 'yearly' },
          { name: `${name}白金卡`, fee: 600, cycle: 'yearly' },
        ]
      : [
          { name: `${name} Gold`, fee: 95, cycle: 'yearly' },
          { name: `${name} Classic`, fee: 49, cycle: 'yearly' },
          { name: `${name} Platinum`, fee: 250, cycle: 'yearly' },
        ];
  }
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

/** What one field's value is made from: the caller's world and the interface being answered. */
export interface FieldContext {
  world: CallerWorld;
  /** Seeded by product, interface and phone: the interface's own values. */
  rng: SeededRng;
  lang: Lang;
  now: Date;
  phone: string;
  productName: string;
  /** The interface's description: what it is about and what its lists hold. */
  description: string;
  /** The interface's response fields, lower-case with underscores: what a field stands beside. */
  fields: readonly string[];
}

/** The month a bill covers: that of the caller's latest charge (this month without one). */
export function billMonth(ctx: Pick<FieldContext, 'world' | 'now'>): string {
  return (ctx.world.transactions[0]?.date ?? localDate(ctx.now)).slice(0, 7);
}

/** Whether the product's interfaces hold one plan each (a `plan` object) and no list of plans. */
function holdsOnePlan(product: Product): boolean {
  let interfaces: ReturnType<typeof productInterfaces>;
  try {
    interfaces = productInterfaces(product);
  } catch {
    // Interfaces that do not parse are reported where they are queried; here they hint nothing.
    return false;
  }
  const fields = Object.values(interfaces).flatMap((d) => d.response_fields);
  const keys = fields.map((f) => f.toLowerCase());
  return keys.some((k) => SINGLE_PLAN_KEYS.has(k)) && !keys.some((k) => SUBSCRIPTION_LISTS.has(k));
}

export interface WorldInput {
  product: Product;
  phone: string;
  now: Date;
  customerName?: string;
  stored?: Record<string, unknown>;
}

/**
 * What seeds a product's mock data: its name, not its record id, so a suite run on a fresh
 * database (`cs eval` makes one per call) meets the same backend every time.
 */
export function mockSeedOf(product: { _id?: unknown; name?: unknown }): string {
  return typeof product.name === 'string' && product.name !== '' ? product.name : String(product._id);
}

/** The caller's world: the same for every interface of one product and phone (and `now`). */
export function createWorld(input: WorldInput, lang: Lang): CallerWorld {
  const rng = createRng(`${mockSeedOf(input.product)}|${input.phone}|world`);
  const kind = productKind(input.product);
  const templates = planTemplates(input.product, lang, kind);
  // A product whose systems answer with one plan (a `plan` object, no list of them) gives each
  // caller one plan, so its bills charge for no plan the caller cannot see.
  const twoPlans = rng.chance(0.3);
  // A product whose features list a single plan has no second one to give.
  const count = twoPlans && templates.length > 1 && !holdsOnePlan(input.product) ? 2 : 1;
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
  const renewals: MockTransaction[] = [];
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
      renewals.push({
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
  renewals.sort((a, b) => b.date.localeCompare(a.date));
  const known = input.customerName?.trim();
  // A cold-start record's placeholder name (来电客户_1234) is not the account holder's name.
  const personName =
    known && !/^来电客户_|^Caller[ _]/.test(known)
      ? known
      : lang === 'zh'
        ? rng.pick(ZH_SURNAMES) + rng.pick(ZH_GIVEN)
        : `${rng.pick(EN_FIRST)} ${rng.pick(EN_LAST)}`;
  const earliest = subscriptions.map((s) => s.start_date).sort()[0] ?? localDate(now);
  const level = rng.pick(lang === 'zh' ? ZH_LEVELS : EN_LEVELS);
  const memberSince = localDate(addDays(parseLocalDate(earliest), -rng.int(0, 400)));
  // Purchases and the card are drawn from their own sequence: a subscription's caller stays the
  // same whatever is added here.
  const more = createRng(`${mockSeedOf(input.product)}|${input.phone}|purchases`);
  const statementDate = addDays(now, -more.int(3, 15));
  const statement = { date: localDate(statementDate), due: localDate(addDays(statementDate, 20)) };
  const creditLimit = more.pick(lang === 'zh' ? [10000, 20000, 30000, 50000] : [2000, 5000, 8000, 12000]);
  const purchases: MockPurchase[] = [];
  const bought = more.int(kind === 'card' ? 3 : 2, kind === 'card' ? 5 : 4);
  const catalogue = catalogueOf(input.product, lang);
  const about = `${String(input.product.name ?? '')} ${String(input.product.description ?? '')}`;
  for (let i = 0; i < bought; i++) {
    const p = makePurchase(
      kind,
      String(input.product.name),
      more,
      lang,
      purchases.map((b) => b.thing),
      kind === 'fee' ? feeOf(input.product) : undefined,
      catalogue,
      about,
    );
    if (!p) break;
    // A card's charges are those of its last statement: the 30 days up to the statement date.
    const date = kind === 'card' ? addDays(statementDate, -more.int(0, 29)) : addDays(now, -more.int(1, 60));
    purchases.push({
      id: `${localDate(date).replaceAll('-', '')}${more.int(100000, 999999)}`,
      date: localDate(date),
      thing: p.thing,
      line: p.description,
      amount: p.amount,
    });
  }
  purchases.sort((a, b) => b.date.localeCompare(a.date));
  const quota = (Array.isArray(input.product.features) ? input.product.features : [])
    .map((f) => /(\d+)\s*GB/i.exec(String(f))?.[1])
    .find((g) => g !== undefined);
  return {
    ...(quota === undefined ? {} : { dataQuotaGb: Number(quota) }),
    lang,
    kind,
    personName,
    level,
    memberSince,
    planNames: chosen.map((p) => p.name),
    catalogueNames: catalogue.map(([name]) => name),
    subscriptions,
    transactions:
      kind === 'subscription'
        ? renewals.slice(0, 5)
        : purchases.map((p) => ({
            transaction_id: `T${p.id.slice(0, 8)}${p.id.slice(-4)}`,
            date: p.date,
            amount: p.amount,
            description: p.line,
            type: 'charge' as const,
          })),
    purchases,
    statement,
    creditLimit,
  };
}
