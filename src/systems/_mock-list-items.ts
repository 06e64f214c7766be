import { addDays, addMonths, localDate, parseLocalDate, roundMoney } from './_mock-language.js';
import { couponNoun } from './_mock-product-kind.js';
import { billMonth, type FieldContext } from './_mock-world.js';

// Items of the lists a response holds, shaped by the list's name and the interface's
// description: a fee has a type, a card a masked number, a coupon a discount and an expiry, a
// bill's line what it charges for. A list named after nothing known gets the fields its
// interface's description names.

const says = (ctx: FieldContext, re: RegExp) => re.test(ctx.description);
const pastDate = (ctx: FieldContext, from: number, to: number) =>
  localDate(addDays(ctx.now, -ctx.rng.int(from, to)));
const futureDate = (ctx: FieldContext, from: number, to: number) =>
  localDate(addDays(ctx.now, ctx.rng.int(from, to)));

/** Work orders (报修工单, repair tickets): requests being handled, not purchases. */
export const WORK_ORDER_WORDS = /工单|报修|维修|\brepairs?\b|\btickets?\b|work orders?|service requests?/i;

/** A bill's own lines (items of a bill, not of an order): what the bill month charged. */
const BILL_LINES = /^(?:items|line_items|lines|details|bill_lines)$/;
const BILL_WORDS = /账单|话费|月结|\bbills?\b|\bstatements?\b|\binvoices?\b/i;

/**
 * The items of a list field the generator has no own shape for (its subscriptions, charges and
 * orders come from the caller's world).
 *
 * @example listItems('fees', ctx) // [{ type: '年费', amount: 200, date: '2026-03-07' }, { type: '滞纳金', … }]
 */
export function listItems(key: string, ctx: FieldContext): Array<Record<string, unknown>> {
  if (/^(?:fees|fee_records|fee_list|charges_fees)$/.test(key)) return fees(ctx);
  if (/^(?:cards|card_list|bank_cards|payment_methods|payment_cards)$/.test(key)) return cards(ctx);
  if (/^(?:coupons|vouchers|red_packets|hongbao|promo_codes|promotions)$/.test(key)) return coupons(ctx);
  if (/^(?:credits|ride_credits|account_credits|credit_notes)$/.test(key)) return credits(ctx);
  if (/^(?:devices|device_list|signed_in_devices)$/.test(key)) return devices(ctx);
  if (BILL_LINES.test(key) && (says(ctx, BILL_WORDS) || ctx.fields.some((f) => /total|statement/.test(f)))) {
    return billLines(ctx);
  }
  // A list named after what the product sells (a course platform's courses): the caller's purchases.
  const noun = couponNoun(ctx.world.kind);
  if (ctx.world.purchases.length > 0 && key.replace(/s$/, '') === noun) return purchasedItems(ctx);
  return [1, 2].map((i) => describedItem(i, ctx));
}

/**
 * The kinds of fee an interface's description names: 查询年费、滞纳金等费用记录 -> 年费, 滞纳金;
 * "annual and late fees" -> late fee.
 */
function namedFeeKinds(description: string, lang: 'zh' | 'en'): string[] {
  if (lang === 'zh') {
    const kinds = description
      .split(/[、，,；;。\s]|和|及|与|或|等/)
      .map((piece) => piece.replace(/^(?:查询|查看|获取|用户|本期|近期|各项|所有|的)+/, ''))
      .filter((piece) => /^\p{Script=Han}{1,5}(?:费|金|息)$/u.test(piece))
      .filter((piece) => !/^(?:费用|收费|扣费|付费|缴费|免费|消费|资金|现金|押金费)$/.test(piece));
    return [...new Set(kinds)];
  }
  const kinds = [...description.matchAll(/\b([a-z-]+)\s+(fee|charge|interest)s?\b/gi)]
    .filter(
      (m) => !/^(?:the|any|all|and|or|of|other|your|account|these|those|such|what|which)$/i.test(m[1] ?? ''),
    )
    .map((m) => `${(m[1] ?? '').toLowerCase()} ${(m[2] ?? '').toLowerCase()}`);
  return [...new Set(kinds)];
}

function fees(ctx: FieldContext): Array<Record<string, unknown>> {
  const { world, lang, rng } = ctx;
  const named = namedFeeKinds(ctx.description, lang).slice(0, 3);
  const kinds =
    named.length > 0
      ? named
      : world.kind === 'card'
        ? lang === 'zh'
          ? ['年费', '滞纳金']
          : ['annual fee', 'late fee']
        : lang === 'zh'
          ? ['服务费']
          : ['service fee'];
  const plan = world.subscriptions[0];
  const items = kinds.map((type) => {
    // An annual fee is the plan's (a card tier's), charged on the plan's anniversary.
    if (/年费|annual|yearly/i.test(type) && plan) {
      const fee = plan.billing_cycle === 'yearly' ? plan.fee : roundMoney(plan.fee * 10);
      const charged = localDate(
        addMonths(parseLocalDate(plan.next_billing_date), plan.billing_cycle === 'yearly' ? -12 : -1),
      );
      return { type, amount: fee, date: charged <= localDate(ctx.now) ? charged : pastDate(ctx, 30, 200) };
    }
    const [min, max] = /滞纳|逾期|late|overdue/i.test(type)
      ? lang === 'zh'
        ? [20, 80]
        : [15, 40]
      : /利息|interest/i.test(type)
        ? lang === 'zh'
          ? [10, 200]
          : [5, 60]
        : lang === 'zh'
          ? [5, 50]
          : [3, 35];
    return {
      type,
      amount: lang === 'zh' ? rng.int(min, max) : roundMoney(rng.int(min * 100, max * 100) / 100),
      date: pastDate(ctx, 5, 90),
    };
  });
  return items.sort((a, b) => b.date.localeCompare(a.date));
}

function cards(ctx: FieldContext): Array<Record<string, unknown>> {
  const { world, lang, rng } = ctx;
  const count = rng.chance(0.4) ? 2 : 1;
  const status = lang === 'zh' ? '正常' : 'active';
  return Array.from({ length: count }, (_, i) => ({
    number: `**** ${rng.int(1000, 9999)}`,
    // A card product's cards are its tiers (a main card and a supplementary one); a wallet's are
    // the cards it pays with.
    type:
      world.kind === 'card'
        ? i === 0
          ? (world.planNames[0] ?? (lang === 'zh' ? '主卡' : 'Primary card'))
          : lang === 'zh'
            ? '附属卡'
            : 'Supplementary card'
        : rng.pick(lang === 'zh' ? ['储蓄卡', '信用卡'] : ['Visa', 'Mastercard', 'Amex']),
    status,
  }));
}

function coupons(ctx: FieldContext): Array<Record<string, unknown>> {
  const { lang, rng } = ctx;
  return Array.from({ length: rng.int(1, 2) }, () => {
    const discount = rng.pick(lang === 'zh' ? [3, 5, 10, 20] : [2, 3, 5, 10]);
    return {
      name:
        lang === 'zh'
          ? `满${discount * rng.pick([5, 6, 10])}减${discount}`
          : `$${discount} off your next ${couponNoun(ctx.world.kind)}`,
      discount,
      expires: futureDate(ctx, 7, 90),
    };
  });
}

function credits(ctx: FieldContext): Array<Record<string, unknown>> {
  const { lang, rng } = ctx;
  return Array.from({ length: rng.int(1, 2) }, () => ({
    reason: rng.pick(
      lang === 'zh'
        ? ['服务补偿', '邀请好友奖励', '活动赠送']
        : ['Service recovery credit', 'Referral bonus', 'Promotional credit'],
    ),
    amount: rng.pick(lang === 'zh' ? [5, 10, 20] : [5, 10, 15]),
    expires: futureDate(ctx, 30, 180),
  }));
}

function devices(ctx: FieldContext): Array<Record<string, unknown>> {
  const { lang, rng } = ctx;
  const names =
    lang === 'zh'
      ? ['客厅电视', 'iPhone 15', '华为平板', '笔记本电脑']
      : ['Living room TV', 'iPhone 15', 'Android tablet', 'Laptop (Chrome)'];
  const start = rng.int(0, names.length - 1);
  return Array.from({ length: rng.int(2, 3) }, (_, i) => ({
    name: names[(start + i) % names.length],
    last_active: pastDate(ctx, 0, 20),
  }));
}

/** A bill's lines: what the bill's month charged, each with what it was for. */
function billLines(ctx: FieldContext): Array<Record<string, unknown>> {
  const { world } = ctx;
  const month = billMonth(ctx);
  const charged = world.transactions.filter((t) => t.date.startsWith(month));
  if (world.kind !== 'subscription') {
    return world.purchases
      .filter((p) => p.date.startsWith(month))
      .map((p) => ({ name: p.thing, amount: p.amount, date: p.date }));
  }
  // A subscription's line is its plan, charged that month.
  return charged.map((t) => ({
    name: world.subscriptions.find((s) => t.description.includes(s.name))?.name ?? t.description,
    amount: t.amount,
    date: t.date,
  }));
}

/** What the product sells, as the caller bought it: a course platform's courses. */
function purchasedItems(ctx: FieldContext): Array<Record<string, unknown>> {
  return ctx.world.purchases.map((p) => {
    const item: Record<string, unknown> = { name: p.thing, date: p.date };
    Object.assign(item, describedFields(ctx, parseLocalDate(p.date)));
    return item;
  });
}

/** Fields the description names beyond the item's own: progress, an end date, a status. */
function describedFields(ctx: FieldContext, since: Date): Record<string, unknown> {
  const { lang, rng } = ctx;
  const out: Record<string, unknown> = {};
  if (says(ctx, /\bprogress\b|学习进度|完成度/i)) out.progress_pct = rng.int(5, 100);
  if (says(ctx, /\bend date\b|\baccess end|\bexpir|到期|有效期|截止/i)) {
    // Access for a year from when it was bought, as course and membership products sell it.
    out.expires = localDate(addMonths(since, 12));
  }
  if (says(ctx, /\bstatus\b|状态|进度/i) && !('progress_pct' in out)) {
    out.status =
      lang === 'zh'
        ? rng.pick(['已完成', '已完成', '处理中'])
        : rng.pick(['completed', 'completed', 'in progress']);
  }
  return out;
}

/**
 * An item of a list the generator has no shape for, with the fields the interface's description
 * names: "Recent trips with fare, estimate, route and driver" gives each trip a fare, an estimate
 * below it, a route and a driver; "近期订单及金额" an amount.
 */
export function describedItem(i: number, ctx: FieldContext): Record<string, unknown> {
  const { rng, lang, now } = ctx;
  const item: Record<string, unknown> = {
    id: `${i}${rng.int(100000, 999999)}`,
    date: localDate(addDays(now, -rng.int(1, 60))),
  };
  const named = Object.keys(item).length;
  // A stay booked for dates to come (bookings, reservations, 酒店订单): when, what room, its price.
  if (says(ctx, /\bbookings?\b|\breservations?\b|\bhotel|\bstays?\b|预订|预定|订房|酒店|民宿|房间/i)) {
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
  // A work order (报修工单, repair tickets): what kind of request it is.
  if (says(ctx, WORK_ORDER_WORDS)) {
    item.type = lang === 'zh' ? (says(ctx, /报修|维修/) ? '故障报修' : '售后工单') : 'repair request';
  }
  const charged = lang === 'zh' ? rng.int(10, 300) : roundMoney(rng.int(800, 6000) / 100);
  const moneyKey = says(ctx, /\bfares?\b|车费|票价/i)
    ? 'fare'
    : says(ctx, /\b(?:price|amount|cost|fee|charge|bill)s?\b|金额|费用|价格|价钱|花费|账单/i)
      ? 'amount'
      : undefined;
  if (moneyKey) {
    item[moneyKey] = charged;
    // What was quoted before it was charged: below the charge, so a dispute has a difference.
    if (says(ctx, /\bestimat|\bquot|预估|预计费用|报价/i))
      item[`estimated_${moneyKey}`] = roundMoney((charged * rng.int(55, 90)) / 100);
  }
  if (says(ctx, /\broute\b|路线|起点|终点/i)) {
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
  Object.assign(item, describedFields(ctx, parseLocalDate(item.date as string)));
  // Nothing the description names: a line of the product's records.
  if (Object.keys(item).length === named) {
    item.description =
      lang === 'zh'
        ? `${ctx.world.planNames[0] ?? '服务'}相关记录`
        : `${ctx.world.planNames[0] ?? 'Service'} record`;
  }
  return item;
}
