import type { Product } from '../domain/record-schemas.js';
import { roundMoney } from './_mock-language.js';
import type { SeededRng } from './_prng.js';

/**
 * What a product sells, as its name and description say it: what a charge on its bill is for.
 * A subscription's charges are its plan's renewals; a card's are purchases at merchants; a shop's
 * are orders. Anything else is billed like a subscription (a plan charged each month).
 */
export type ProductKind =
  | 'card'
  | 'ride'
  | 'flight'
  | 'hotel'
  | 'course'
  | 'food'
  | 'shop'
  | 'device'
  | 'fee'
  | 'subscription';

type Thing = string | readonly [name: string, min: number, max: number];

/** A product that charges per purchase: what one purchase is, and what it costs. */
interface PurchaseKind {
  kind: Exclude<ProductKind, 'subscription'>;
  /** Words of the product's name or description that say it is this kind. */
  words: RegExp;
  /**
   * What one purchase is for (a merchant, a dish, a route …); `{product}` is the product's name.
   * A thing with its own range (a coffee costs less than a tank of fuel) is charged within it.
   */
  things: { zh: readonly Thing[]; en: readonly Thing[] };
  /** The purchase as a bill line says it. */
  line: { zh: (thing: string) => string; en: (thing: string) => string };
  /** The range of one purchase, in yuan (zh) or dollars (en). */
  amount: { zh: readonly [number, number]; en: readonly [number, number] };
  /** What a coupon takes money off ("$5 off your next ride"). */
  noun: string;
  /** Sold at list prices (19.99, 99), not charged by the meter (a fare, a card purchase). */
  listPrices?: boolean;
}

// In order: the first kind whose words the product uses is its kind (a card's statement names
// shops, so cards come before shops; a hotel's "booking" is not a flight's).
const PURCHASE_KINDS: readonly PurchaseKind[] = [
  {
    kind: 'card',
    words: /信用卡|借记卡|储蓄卡|银行卡|银行|credit card|debit card|\bbank(?:ing)?\b/i,
    things: {
      zh: [
        ['便利店', 8, 60],
        ['超市', 40, 400],
        ['加油站', 200, 450],
        ['咖啡馆', 18, 70],
        ['餐厅', 60, 600],
        ['网上商城', 30, 900],
        ['药房', 15, 200],
        ['电影院', 40, 160],
      ],
      en: [
        ['Corner Grocery', 6, 120],
        ['City Gas Station', 25, 80],
        ['Bean & Leaf Coffee', 3, 15],
        ['Online Marketplace', 10, 150],
        ['Main Street Pharmacy', 5, 60],
        ['Riverside Cinema', 12, 40],
        ['Noodle House', 12, 60],
      ],
    },
    line: { zh: (m) => `${m}消费`, en: (m) => `Purchase at ${m}` },
    amount: { zh: [15, 800], en: [4, 150] },
    noun: 'purchase',
  },
  {
    kind: 'ride',
    words: /打车|网约车|叫车|专车|出租车|ride-?hailing|\brides?\b|\btaxis?\b|\bcabs?\b/i,
    things: {
      zh: ['国贸 → 首都机场T3', '人民广场 → 虹桥火车站', '体育西路 → 白云机场', '西湖 → 杭州东站'],
      en: ['Union Square → SFO Terminal 2', 'King St W → Pearson Airport', 'Baker Street → Heathrow T5'],
    },
    line: { zh: (r) => `行程车费：${r}`, en: (r) => `Ride: ${r}` },
    amount: { zh: [15, 120], en: [8, 60] },
    noun: 'ride',
  },
  {
    kind: 'flight',
    words: /机票|航班|航空|flights?\b|airline|air tickets?/i,
    things: {
      zh: ['北京 → 上海', '广州 → 成都', '深圳 → 杭州', '西安 → 厦门'],
      en: ['New York → Chicago', 'London → Paris', 'Toronto → Vancouver'],
    },
    line: { zh: (f) => `机票：${f}`, en: (f) => `Flight: ${f}` },
    amount: { zh: [400, 1800], en: [90, 450] },
    noun: 'flight',
  },
  {
    kind: 'hotel',
    words: /酒店|民宿|住宿|客房|hotels?\b|lodging|\binns?\b/i,
    things: {
      zh: ['大床房', '双床房', '豪华大床房', '行政套房'],
      en: ['King Room', 'Twin Room', 'Deluxe King', 'Suite'],
    },
    line: { zh: (r) => `酒店预订：${r}`, en: (r) => `Hotel booking: ${r}` },
    amount: { zh: [200, 1200], en: [80, 300] },
    noun: 'stay',
  },
  {
    kind: 'course',
    words: /课程|网课|教育|培训|\bcourses?\b|e-?learning|tutoring/i,
    things: {
      zh: ['Python入门', '数据分析基础', '英语口语提升', 'Excel高效办公'],
      en: ['Intro to Python', 'Data Analysis Basics', 'Spanish for Beginners', 'UX Design Fundamentals'],
    },
    line: { zh: (c) => `购买课程：${c}`, en: (c) => `Course purchase: ${c}` },
    amount: { zh: [99, 599], en: [19, 149] },
    noun: 'course',
    listPrices: true,
  },
  {
    kind: 'food',
    words: /外卖|餐饮|点餐|美食|food delivery|takeaway|takeout|restaurants?\b|meals?\b/i,
    things: {
      zh: ['黄焖鸡米饭', '麻辣烫', '牛肉拉面', '披萨套餐', '奶茶两杯', '轻食沙拉'],
      en: ['Chicken burrito bowl', 'Pepperoni pizza', 'Pad thai', 'Sushi combo', 'Veggie burger meal'],
    },
    line: { zh: (d) => `外卖订单：${d}`, en: (d) => `Order: ${d}` },
    amount: { zh: [18, 80], en: [12, 45] },
    noun: 'order',
  },
  {
    kind: 'shop',
    words: /电商|商城|购物|零售|网店|e-?commerce|marketplace|online store|\bshop\b|retail/i,
    things: {
      zh: ['蓝牙耳机', '运动鞋', '保温杯', '床上四件套', '洗衣液', '充电宝'],
      en: ['Wireless earbuds', 'Running shoes', 'Water bottle', 'Bedding set', 'Phone charger'],
    },
    line: { zh: (g) => `订单：${g}`, en: (g) => `Order: ${g}` },
    amount: { zh: [29, 499], en: [9, 129] },
    noun: 'order',
    listPrices: true,
  },
  {
    kind: 'device',
    words:
      /音箱|智能硬件|智能设备|路由器|摄像头|手环|smart (?:speaker|home|device)|hardware|headphones|router/i,
    things: {
      zh: ['{product}', '{product}延保服务', '{product}配件'],
      en: ['{product}', '{product} extended warranty', '{product} accessory'],
    },
    line: { zh: (d) => `购买${d}`, en: (d) => `Purchase: ${d}` },
    amount: { zh: [49, 999], en: [19, 199] },
    noun: 'purchase',
    listPrices: true,
  },
];

/**
 * The kind of a product, from the words of its name and description (never its features: a
 * gym's "group classes" do not make it a course).
 *
 * @example productKind({ name: '星河信用卡', description: '银行信用卡服务：账单、还款…' }) // 'card'
 */
export function productKind(product: Product): ProductKind {
  const text = `${product.name ?? ''} ${product.description ?? ''}`;
  const kind = PURCHASE_KINDS.find((k) => k.words.test(text))?.kind;
  if (kind) return kind;
  return feeOf(product) ? 'fee' : 'subscription';
}

// A fee charged per use, as the product's interfaces name it (Storage fees charged to the
// customer, 查询停车费记录): its bill holds those fees, not a plan's renewals.
const FEE_EN =
  /\b((?:storage|parking|late|locker|rental|overdue|usage|cleaning|baggage|luggage|handling) fee)s?\b/i;
const FEE_ZH = /(停车费|保管费|寄存费|存储费|仓储费|超期费|滞纳金|租金|清洁费|行李费|手续费)/;

/** The per-use fee a product's interfaces say they charge, in their words, or undefined. */
export function feeOf(product: Product): string | undefined {
  const interfaces = (product.api_interfaces ?? {}) as Record<string, { description?: unknown }>;
  for (const spec of Object.values(interfaces)) {
    const d = typeof spec?.description === 'string' ? spec.description : '';
    const m = FEE_EN.exec(d) ?? FEE_ZH.exec(d);
    if (m) return m[1]!.toLowerCase();
  }
  return undefined;
}

/** What a product's features list at a price: 小班20节3600元, "8-inch cake $58". */
export type CatalogueItem = readonly [name: string, price: number];

// Words of a priced phrase that make it a limit or a fee, not a thing sold.
const NOT_SOLD =
  /退|补偿|赔|手续费|押金|定金|运费|最高|超过|以内|不超过|上限|减免|罚|违约|滞纳|每公里|每小时|每天|每年|每只|另收|加收|起步|封顶|之后|[-–~]$|\b(?:up to|over|under|refunds?|fees?|deposit|fine|penalty|compensation|max(?:imum)?|limit|free|orders? of|shipping|delivery|gets?|you|friend|off|credit|then|plus|second|excess|extra)\b/i;

/**
 * The things a product's features list with their prices, in order (课包：小班20节3600元（有效期6个月）、
 * 私教10节3800元 gives 小班20节 and 私教10节): what its bills charge for, when it sells them.
 */
export function catalogueOf(product: Product, lang: 'zh' | 'en'): CatalogueItem[] {
  const features = Array.isArray(product.features) ? product.features.map(String) : [];
  const out: CatalogueItem[] = [];
  for (const feature of features) {
    const plain = feature.replace(/[（(][^）)]*[）)]/g, '');
    for (const piece of plain.split(/[、，,；;。]/)) {
      const item = piece.replace(/^[^：:]{1,12}[：:]/, '').trim();
      const m =
        lang === 'zh'
          ? /^([^\d\s]{1,8}?\d*[^\d\s]{0,4}?)\s*(\d+(?:\.\d+)?)\s*元/.exec(item)
          : /^([A-Za-z0-9][A-Za-z0-9' -]{1,30}?)\s*[:\-–]?\s*(?:[A-Z]{0,3}\$|£|€)\s*(\d+(?:\.\d{1,2})?)/.exec(
              item,
            );
      if (!m?.[1] || !m[2]) continue;
      const name = m[1].trim();
      const price = Number(m[2]);
      if (price <= 0 || NOT_SOLD.test(name) || (lang === 'zh' && !/[\u4e00-\u9fff]/.test(name))) continue;
      if (!out.some(([n]) => n === name)) out.push([name, price]);
    }
  }
  return out;
}

// A course sold online (网课, e-learning): its catalogue is a platform's; any other school's is its own.
const ONLINE_COURSES = /网课|在线|线上|online|e-?learning/i;

/** One purchase of a product that charges per purchase: what it was for, its bill line and amount. */
export interface Purchase {
  thing: string;
  description: string;
  amount: number;
}

/**
 * A purchase of the kind's (a card's purchase at a merchant, a food order's dish …), or undefined
 * for a subscription, whose charges are its plan's renewals. `bought` holds the things bought
 * already: another is picked while the kind has one left.
 */
export function makePurchase(
  kind: ProductKind,
  productName: string,
  rng: SeededRng,
  lang: 'zh' | 'en',
  bought: readonly string[] = [],
  fee?: string,
  /** What the product's features sell at a price (`catalogueOf`): bought at that price. */
  catalogue: readonly CatalogueItem[] = [],
  /** The product's name and description, for a school's courses (see ONLINE_COURSES). */
  about = '',
): Purchase | undefined {
  // A fee per use: a few dollars or yuan a time, named as the product names it.
  if (kind === 'fee' && fee) {
    const amount = lang === 'zh' ? rng.int(2, 30) : roundMoney(rng.int(100, 700) / 100);
    const name = lang === 'en' ? fee.charAt(0).toUpperCase() + fee.slice(1) : fee;
    return { thing: fee, description: `${productName} ${name}`, amount };
  }
  const spec = PURCHASE_KINDS.find((k) => k.kind === kind);
  if (!spec) return undefined;
  // 小班20节3600元: a thing the product lists is bought at its listed price.
  if (catalogue.length > 0 && LISTED_KINDS.has(kind)) {
    const fresh = catalogue.filter(([t]) => !bought.includes(t));
    const [thing, price] = rng.pick(fresh.length > 0 ? fresh : catalogue);
    return { thing, description: lang === 'zh' ? `购买${thing}` : `Purchase: ${thing}`, amount: price };
  }
  // A swimming school's bill names its own lessons, not a platform's Python course.
  const own = kind === 'course' && !ONLINE_COURSES.test(about);
  const listed = own ? [lang === 'zh' ? `${productName}课程` : `${productName} course`] : spec.things[lang];
  const things = listed.map((t): readonly [string, number, number] =>
    typeof t === 'string' ? [t.replace('{product}', productName), ...spec.amount[lang]] : t,
  );
  const fresh = things.filter(([t]) => !bought.includes(t));
  const [thing, min, max] = rng.pick(fresh.length > 0 ? fresh : things);
  // A list price: whole yuan, or dollars and 99 cents.
  const amount = spec.listPrices
    ? lang === 'zh'
      ? rng.int(min, max)
      : roundMoney(rng.int(min, max) + 0.99)
    : roundMoney(rng.int(min * 100, max * 100) / 100);
  return { thing, description: spec.line[lang](thing), amount };
}

/** Kinds whose purchases are things a product may list with a price (not merchants, routes or rooms). */
const LISTED_KINDS = new Set<ProductKind>(['course', 'shop', 'device', 'food']);

/** What a coupon of the product takes money off, in English ("$5 off your next ride"). */
export function couponNoun(kind: ProductKind): string {
  return PURCHASE_KINDS.find((k) => k.kind === kind)?.noun ?? 'bill';
}
