import type { ApiInterface, Product } from '../domain/record-schemas.js';
import { addDays, localDate, productLanguage, roundMoney } from './_mock-language.js';
import { listItems, WORK_ORDER_WORDS } from './_mock-list-items.js';
import { CHARGE_LISTS, planFactOf, SINGLE_PLAN_KEYS, SUBSCRIPTION_LISTS } from './_mock-shapes.js';
import {
  AVAILABLE_KEY,
  LIMIT_KEY,
  MIN_PAYMENT_KEY,
  minimumPayment,
  settleTotals,
  TOTAL_KEY,
} from './_mock-totals.js';
import { billMonth, createWorld, type FieldContext, mockSeedOf } from './_mock-world.js';
import { createRng } from './_prng.js';

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

/**
 * Generates a believable response for one interface, shaped by its `response_fields` and read
 * by their meaning, in the product's language: plans named after the product (会员订阅服务 ->
 * 超级会员 …) and charges for what it sells (a subscription's renewals, a card's purchases at
 * merchants, a shop's orders); dates where a date is asked (due_date, next_billing, expires),
 * money for amounts, prices, fees, limits and available credit, flags only for flags, a status
 * word for a status; list items shaped by the list's name (fees with their type, cards with a
 * masked number, coupons with a discount and an expiry); a field nothing in its name says how to
 * fill (a model, a store, which ear) is left out. One response agrees with itself: a
 * price repeats its plan's fee, a total or statement is the sum of its items, the minimum payment
 * is at most the statement, the available credit at most the limit. Chinese text for a Chinese
 * product name, English otherwise. Pure and deterministic per product id, interface and phone
 * (and `now`).
 *
 * @example generateMockResponse({ product, interfaceName: 'user_subscription', definition, phone: '13800138000', now })
 *   // { subscriptions: [{ name: '超级会员', fee: 15, ... auto_renew: true }], status: 'active' }
 */
export function generateMockResponse(input: MockResponseInput): Record<string, unknown> {
  const lang = productLanguage(input.product);
  const world = createWorld(input, lang);
  const rng = createRng(`${mockSeedOf(input.product)}|${input.interfaceName}|${input.phone}|fields`);
  const fields = input.definition.response_fields.map(normaliseKey);
  const ctx: FieldContext = {
    world,
    rng,
    lang,
    now: input.now,
    phone: input.phone,
    productName: String(input.product.name),
    description: input.definition.description ?? '',
    fields,
  };
  const plan = aboutPlan(ctx);
  const out: Record<string, unknown> = {};
  input.definition.response_fields.forEach((field, i) => {
    const value = fieldValue(fields[i] as string, ctx, plan);
    if (value !== undefined) out[field] = value;
  });
  settleTotals(out, lang);
  return out;
}

function normaliseKey(field: string): string {
  return field.toLowerCase().replace(/[-\s]/g, '_');
}

/**
 * Whether the interface is about the caller's plan (its fields hold a plan or its description
 * says so): then its price, next billing, expiry, auto-renewal and status are the plan's.
 */
function aboutPlan(ctx: FieldContext): boolean {
  return (
    ctx.fields.some(
      (f) => SINGLE_PLAN_KEYS.has(f) || SUBSCRIPTION_LISTS.has(f) || planFactOf(f) === 'auto_renew',
    ) || /\bplans?\b|subscription|membership|套餐|会员|订阅|续费/i.test(ctx.description)
  );
}

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
/** A month a bill or usage covers (2026-11). */
const MONTH_KEY =
  /^(?:month|billing_month|bill_month|statement_month|period|billing_period|statement_period)$/;
/** The day a statement was made, and the day it must be paid by. */
const STATEMENT_DATE_KEY = /^(?:statement|bill|billing)_(?:date|day)$/;
const DUE_DATE_KEY = /^(?:(?:payment_|repayment_)?due(?:_date|_on|_day)?|repayment_(?:date|day)|pay_by)$/;
/** Flags that say something is wrong: not made up, so false. */
const TROUBLE_FLAG =
  /^(?:is_)?(?:overdue|frozen|locked|blocked|suspended|lost|expired|cancell?ed|delinquent|reported_lost|in_arrears)$/;

function fieldValue(key: string, ctx: FieldContext, plan: boolean): unknown {
  const { world, rng } = ctx;
  if (SUBSCRIPTION_LISTS.has(key)) return structuredClone(world.subscriptions);
  if (SINGLE_PLAN_KEYS.has(key)) return structuredClone(world.subscriptions[0]);
  const main = world.subscriptions[0];
  const fact = plan && main ? planFactOf(key) : undefined;
  if (main && fact !== undefined) {
    if (fact === 'fee') return main.fee;
    if (fact === 'monthly_fee') return main.billing_cycle === 'yearly' ? roundMoney(main.fee / 12) : main.fee;
    if (fact === 'yearly_fee') return main.billing_cycle === 'yearly' ? main.fee : roundMoney(main.fee * 12);
    return main[fact];
  }
  if (CHARGE_LISTS.has(key)) return structuredClone(world.transactions);
  const charged = roundMoney(world.transactions.reduce((s, t) => s + t.amount, 0));
  // Sums and minimum payments are settled against the response's own list once it is made.
  if (TOTAL_KEY.test(key)) return charged;
  if (MIN_PAYMENT_KEY.test(key)) return minimumPayment(charged, ctx.lang);
  if (LIMIT_KEY.test(key) || /(?:^|_)(?:spending|cash|withdrawal)_limit$/.test(key)) return world.creditLimit;
  if (AVAILABLE_KEY.test(key) && (key !== 'available' || availableIsMoney(ctx))) {
    // The credit line less what the last statement used.
    return world.kind === 'card'
      ? roundMoney(world.creditLimit - charged)
      : roundMoney((world.creditLimit * rng.int(30, 95)) / 100);
  }
  if (key === 'orders' || key === 'order_list' || key === 'order_history') return orders(ctx);
  if (key === 'order') return orders(ctx)[0];
  if (key === 'status' || key === 'state' || /_(?:status|state)$/.test(key)) return statusWord(key, ctx);
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
  if (key === 'points' || key === 'reward_points' || key === 'score') return rng.int(0, 5000);
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
  if (MONTH_KEY.test(key)) return billMonth(ctx);
  if (STATEMENT_DATE_KEY.test(key)) return world.statement.date;
  if (DUE_DATE_KEY.test(key)) return world.statement.due;
  return hintedValue(key, ctx);
}

/**
 * `available` beside a limit, a balance or credit (or in an interface about them) is the credit
 * left, money; elsewhere (a device, a room) it is a flag.
 */
function availableIsMoney(ctx: FieldContext): boolean {
  return (
    ctx.fields.some((f) => f !== 'available' && /limit|credit|balance|statement/.test(f)) ||
    /额度|余额|信用|\bcredit\b|\blimit\b|\bbalance\b/i.test(ctx.description)
  );
}

/**
 * A status word that fits what is asked: a delivery is on its way, a claim or repair is being
 * handled, a booking is confirmed, a card is in good standing, an account is active.
 */
function statusWord(key: string, ctx: FieldContext): string {
  const about = `${key.replace(/_/g, ' ')} ${ctx.description}`;
  const zh = ctx.lang === 'zh';
  if (/deliver|shipping|shipment|logistic|courier|配送|物流|快递|骑手|运送/i.test(about)) {
    return zh ? '配送中' : 'out for delivery';
  }
  if (/claim|repair|ticket|refund|理赔|报修|维修|工单|退款|售后/i.test(about))
    return zh ? '处理中' : 'processing';
  if (/flight|航班/i.test(about)) return zh ? '计划' : 'scheduled';
  if (/booking|reservation|预订|预定/i.test(about)) return zh ? '已确认' : 'confirmed';
  if (ctx.world.kind === 'card' && /card|卡/i.test(about)) return zh ? '正常' : 'active';
  return 'active';
}

/** A value for a field we know nothing about, from hints in its name. */
function hintedValue(key: string, ctx: FieldContext): unknown {
  const { rng, lang, now } = ctx;
  const tokens = key.split('_');
  const last = tokens[tokens.length - 1] ?? key;
  if (TROUBLE_FLAG.test(key)) return false;
  if (
    /^(is|has|can|should)_/.test(key) ||
    /(_enabled|_flag|_verified|_active)$/.test(key) ||
    /^(?:online|connected|available|active|verified|enabled)$/.test(key) ||
    planFactOf(key) === 'auto_renew'
  ) {
    return true;
  }
  if (last === 'id' || last === 'no' || last === 'number') {
    // A card's number is never whole in a system's answer.
    if (/card/.test(key)) return `**** ${rng.int(1000, 9999)}`;
    return `${key.slice(0, 2).toUpperCase()}${rng.int(10000000, 99999999)}`;
  }
  if (
    /(date|_at|time|expires?|expiry|since|deadline|until|_on)$/.test(key) ||
    /^(?:last|next)_/.test(key) ||
    /(?:^|_)(?:end|start)$/.test(key)
  ) {
    const future = /(next|expire|expiry|due|end|until|deadline|renew|valid)/.test(key);
    const days = rng.int(3, 120);
    return localDate(addDays(now, future ? days : -days));
  }
  if (
    /(amount|fee|price|cost|balance|total|charge|payment|refund|credit|spent|paid|due|deposit|fare|premium|penalty|fine|compensation|discount|rent)$/.test(
      key,
    )
  ) {
    return roundMoney(rng.int(100, 30000) / 100);
  }
  // How many times an allowance was used (freezes_used, passes_used): a few, not dozens.
  if (/_used$/.test(key) && !/^(?:minutes|mins|calls|sms|texts|hours|data|gb|mb)_/.test(key))
    return rng.int(0, 3);
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
    return listItems(key, ctx);
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
  // What was bought (a cake, a lesson pack): one of the things the product lists for sale.
  if (/(product|item)$/.test(key) && ctx.world.catalogueNames.length > 0)
    return ctx.rng.pick(ctx.world.catalogueNames);
  // What the caller has (a plan, a policy's coverage, a package): the product's plan.
  if (/(type|category|kind|plan|coverage|package|product)$/.test(key))
    return ctx.world.planNames[0] ?? (lang === 'zh' ? '标准' : 'standard');
  // How something is doing (network_quality, battery_health, signal): all is well.
  if (/(?:^|_)(?:quality|condition|health|signal|network|state|result|standing|mode)(?:_|$)/.test(key))
    return lang === 'zh' ? '正常' : 'normal';
  // Anything else (a model, a store, which ear, a plate) a mock cannot know: left out rather than
  // filled with a word that reads as nonsense when said (model 正常).
  return undefined;
}

function isPlural(word: string): boolean {
  return word.length > 3 && word.endsWith('s') && !/(ss|us|is|status)$/.test(word);
}

/**
 * The caller's orders: what the product sells as they bought it (a shop's goods, a delivery's
 * dishes), or a subscription's plan purchases.
 */
function orders(ctx: FieldContext): Array<Record<string, unknown>> {
  const { rng, world, lang, now } = ctx;
  if (WORK_ORDER_WORDS.test(ctx.description)) return listItems('work_orders', ctx);
  if (world.purchases.length > 0) {
    return world.purchases.map((p, i) => ({
      order_id: p.id,
      item: p.thing,
      amount: p.amount,
      // The newest may still be under way; earlier ones are done.
      status: i === 0 && rng.chance(0.3) ? 'processing' : 'completed',
      date: p.date,
    }));
  }
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
  const picked = rng.pick([10, 20, 30, 50, 100]);
  const limit = ctx.world.dataQuotaGb ?? picked;
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
