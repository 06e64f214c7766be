import { describe, expect, it } from 'vitest';
import { checkPermission, compileRules, parseQuantities, type Quantity } from './index.js';

type Row = [string, Array<[number, Quantity['unit'], string]>];

describe('parseQuantities', () => {
  it.each<Row>([
    ['退款1,000元', [[1000, 'CNY', '1,000元']]],
    ['退款￥45', [[45, 'CNY', '￥45']]],
    ['¥45', [[45, 'CNY', '¥45']]],
    ['¥45元', [[45, 'CNY', '¥45元']]],
    ['扣了我15块钱', [[15, 'CNY', '15块钱']]],
    ['退我20块', [[20, 'CNY', '20块']]],
    ['退款 180 元', [[180, 'CNY', '180 元']]],
    ['退款２００元', [[200, 'CNY', '２００元']]],
    ['退款1万元', [[10000, 'CNY', '1万元']]],
    ['退款0.5万元', [[5000, 'CNY', '0.5万元']]],
    ['退款三百块', [[300, 'CNY', '三百块']]],
    ['人民币300', [[300, 'CNY', '人民币300']]],
    ['refund $20', [[20, 'USD', '$20']]],
    // Other countries' dollars written with their letters.
    ['a credit of A$40', [[40, 'USD', 'A$40']]],
    ['the S$10 fee', [[10, 'USD', 'S$10']]],
    ['refund USD 2,000', [[2000, 'USD', 'USD 2,000']]],
    ['refund 20.01 dollars', [[20.01, 'USD', '20.01 dollars']]],
    ['twenty-five dollars', [[25, 'USD', 'twenty-five dollars']]],
    ['a hundred dollars', [[100, 'USD', 'a hundred dollars']]],
    // A hundred as Scots and Australians say it.
    ['near enough two hunner dollars', [[200, 'USD', 'two hunner dollars']]],
    ['a hundy bucks', [[100, 'USD', 'a hundy bucks']]],
    ['延长7天', [[7, 'day', '7天']]],
    ['试用7日', [[7, 'day', '7日']]],
    ['延长2周', [[14, 'day', '2周']]],
    ['两个星期', [[14, 'day', '两个星期']]],
    ['3个月', [[3, 'month', '3个月']]],
    ['半个月', [[0.5, 'month', '半个月']]],
    ['一年', [[12, 'month', '一年']]],
    ['extend trial 7 days', [[7, 'day', '7 days']]],
    ['extend my trial by two weeks', [[14, 'day', 'two weeks']]],
    ['extend it by a week', [[7, 'day', 'a week']]],
    ['重启3次', [[3, 'time', '3次']]],
    ['tried 3 times', [[3, 'time', '3 times']]],
    ['送10GB流量', [[10, 'GB', '10GB']]],
    ['送10G流量', [[10, 'GB', '10G']]],
    ['500MB', [[500, 'MB', '500MB']]],
    // Data as callers say it: 个G, a capital G after an amount, 加5G asked for, T for terabytes.
    ['先给我临时加30个G', [[30, 'GB', '30个G']]],
    ['给我扩容一百G', [[100, 'GB', '一百G']]],
    ['扩容30gb', [[30, 'GB', '30gb']]],
    ['再加5G吧', [[5, 'GB', '5G']]],
    ['扩容30g', [[30, 'GB', '30g']]],
    ['扩到2T', [[2048, 'GB', '2T']]],
    ['add 1 TB', [[1024, 'GB', '1 TB']]],
    // Nights are days; 回 counts like 次.
    ['住3晚', [[3, 'day', '3晚']]],
    ['两夜', [[2, 'day', '两夜']]],
    ['两个晚上', [[2, 'day', '两个晚上']]],
    ['3 nights', [[3, 'day', '3 nights']]],
    ['改签两回', [[2, 'time', '两回']]],
    ['退款1 000元', [[1000, 'CNY', '1 000元']]],
    // Points, hours and times of day; English amounts with a word before the unit.
    ['给个两百积分', [[200, 'point', '两百积分']]],
    ['补偿积分<=500分', [[500, 'point', '500分']]],
    ['give me 300 points', [[300, 'point', '300 points']]],
    ['晚退两个小时', [[2, 'hour', '两个小时']]],
    ['extend it by 48 hours', [[48, 'hour', '48 hours']]],
    ['退房到两点', [[14, 'clock', '两点']]],
    ['下午两点半走', [[14.5, 'clock', '两点半']]],
    ['凌晨两点', [[2, 'clock', '两点']]],
    ['开会开到一点多', [[13, 'clock', '一点']]],
    ['check out at 2pm', [[14, 'clock', '2pm']]],
    ['until 14:00', [[14, 'clock', '14:00']]],
    ['at 2:30 p.m.', [[14.5, 'clock', '2:30 p.m.']]],
    ['give me two more weeks', [[14, 'day', 'two more weeks']]],
    ['three extra days', [[3, 'day', 'three extra days']]],
    ['another month free', [[1, 'month', 'another month']]],
    ['refund 50$', [[50, 'USD', '50$']]],
    [
      '退款60元然后延长试用7天',
      [
        [60, 'CNY', '60元'],
        [7, 'day', '7天'],
      ],
    ],
  ])('finds the quantities in %j', (text, expected) => {
    const found = parseQuantities(text);
    expect(found.map((q) => [q.value, q.unit, q.text])).toEqual(expected);
    for (const q of found) expect(text.slice(q.start, q.end)).toBe(q.text);
  });

  it.each([
    '你好',
    '我的号码13912345678',
    '12月20日扣的费',
    '2025年12月20日',
    '升级5G网络',
    '我用的是5G',
    '5G信号不好',
    '买了500g茶叶',
    '周五晚上扣的费',
    '半夜断网了',
    '这是两回事',
    '我一回来就发现',
    '第三次打电话了',
    '等我一下',
    '三周年',
    '上个月',
    'order a123',
    'refund $5O',
    'refund $1e3',
    'constructor toString',
    // 晚一点 is "a bit later", 十分 "very", 三分之一 a fraction, 一分钱 money, 30分钟 minutes.
    '晚一点退房',
    '我十分生气',
    '三分之一',
    '一分钱都不给',
    '等了30分钟',
    'another user',
    '2点5',
  ])('finds no quantity in %j', (text) => {
    expect(parseQuantities(text)).toEqual([]);
  });

  it('gives families by unit', () => {
    const families = parseQuantities('5元 $5 5天 5个月 5次 5GB 5MB 5小时 5积分 5点').map((q) => q.family);
    expect(families).toEqual([
      'money',
      'money',
      'duration',
      'duration',
      'count',
      'data',
      'data',
      'duration',
      'points',
      'clock',
    ]);
  });
});

describe('parseQuantities: amounts said approximately', () => {
  it.each<[string, number, number]>([
    ['二十几块钱', 21, 29],
    ['二十多元', 21, 29],
    ['十几块', 11, 19],
    ['一百多块', 101, 199],
    ['一百五十多块', 151, 159],
    ['几十块', 20, 99],
    ['20多块', 21, 29],
    ['二十来块', 20, 25],
    ['一百来块', 100, 150],
  ])('%s is %i to %i', (said, least, most) => {
    expect(parseQuantities(said)).toMatchObject([{ least, value: most, family: 'money' }]);
  });

  it.each<[string, number]>([
    ['八十六块四', 86.4],
    ['三十七块五', 37.5],
    ['五块五毛', 5.5],
    ['20块5', 20.5],
    ['十块零八毛', 10.8],
    ['三块五分', 3.05],
  ])('reads the tenths after 块 in %s', (said, value) => {
    expect(parseQuantities(said)).toMatchObject([{ value, unit: 'CNY' }]);
  });

  it('reads 一分也不扣 after 块 as "not a cent", no hundredths of the sum', () => {
    expect(parseQuantities('四百块一分也不扣')[0]).toMatchObject({ value: 400, unit: 'CNY' });
    expect(parseQuantities('四百块一分钱都不能少')).toMatchObject([{ value: 400, unit: 'CNY' }]);
  });

  it('reads a price said as dollars and cents after a word of price, and no time or count', () => {
    expect(parseQuantities('they have it for nine ninety-nine')).toMatchObject([
      { value: 9.99, unit: 'USD' },
    ]);
    expect(parseQuantities('I paid four ninety five for it')).toMatchObject([{ value: 4.95, unit: 'USD' }]);
    expect(parseQuantities('book it for nine thirty tomorrow')).toEqual([]);
    expect(parseQuantities('I waited for two twenty minutes').filter((q) => q.family === 'money')).toEqual(
      [],
    );
  });

  it('reads a price with its cents joined by a hyphen where it was charged, and no time so said', () => {
    expect(parseQuantities("what's this nine-fifty on my Mastercard")).toMatchObject([{ value: 9.5 }]);
    expect(parseQuantities('see you at nine-thirty on the dot')).toEqual([]);
  });

  it('reads 十块四十 and 五块三个 as whole yuan', () => {
    expect(parseQuantities('十块四十')[0]?.value).toBe(10);
    expect(parseQuantities('五块三个')[0]?.value).toBe(5);
  });

  it('reads 十来天 as 10 to 15 days, and no amount in 来回 or 来电', () => {
    expect(parseQuantities('宽限个十来天')).toMatchObject([{ least: 10, value: 15, unit: 'day' }]);
    expect(parseQuantities('十来回')).toEqual([]);
  });

  // Two neighbouring digits said together: either of them, in the place they count.
  it.each<[string, number, number]>([
    ['押金被扣了七八十块', 70, 80],
    ['多收了我二十三四块', 23, 24],
    ['物业费三千五六百块', 3500, 3600],
    ['大概四五块钱的样子', 4, 5],
    ['停了一两天', 1, 2],
    ['罚了我两三百元', 200, 300],
  ])('reads %s as %i to %i', (said, least, most) => {
    expect(parseQuantities(said)).toMatchObject([{ least, value: most }]);
  });

  it('reads no amount in neighbouring digits without a unit, nor in digits read one by one', () => {
    expect(parseQuantities('电梯停在五六楼中间')).toEqual([]);
    expect(parseQuantities('二零二五年')).toEqual([]);
    expect(parseQuantities('一二零三块')[0]).not.toHaveProperty('least');
  });

  // Nearly that much: a little less, up to a tenth, or just that; never more.
  it.each<[string, number, number]>([
    ['前后扣了我快八十块', 72, 80],
    ['将近三百元', 270, 300],
    ['差不多六十块钱', 54, 60],
    ['接近两千块', 1800, 2000],
    ['小五百块', 450, 500],
  ])('reads %s as %i to %i', (said, least, most) => {
    expect(parseQuantities(said)).toMatchObject([{ least, value: most }]);
  });

  it('reads 最近三十天 and 小二十块 as said', () => {
    expect(parseQuantities('最近三十天')[0]).not.toHaveProperty('least');
    expect(parseQuantities('小二十块')[0]).not.toHaveProperty('least');
  });

  it('reads no yuan in 一块儿 or 一块去 (together), and one in 一块钱', () => {
    expect(parseQuantities('两个车位的钱加一块儿')).toEqual([]);
    expect(parseQuantities('我们一块去营业厅')).toEqual([]);
    expect(parseQuantities('就差一块钱')).toMatchObject([{ value: 1, unit: 'CNY' }]);
  });

  it('reads no range in 多少钱, 两点多 or an amount said exactly', () => {
    expect(parseQuantities('多少钱')).toEqual([]);
    expect(parseQuantities('两点多')[0]?.least).toBeUndefined();
    expect(parseQuantities('二十块')[0]).not.toHaveProperty('least');
  });
});

describe('parseQuantities: 一块 that is a place or a piece', () => {
  it.each(['停到画了白线的那一块', '这一块都不让停', '哪一块是停车点'])('%j holds no amount', (said) => {
    expect(parseQuantities(said).filter((q) => q.family === 'money')).toEqual([]);
  });
  it('一块钱 and 退我一块 are a yuan', () => {
    expect(parseQuantities('退我一块').map((q) => q.value)).toEqual([1]);
  });
});

describe('checkPermission: numbers that are no amount beside money asked back', () => {
  const rules = compileRules({
    can_approve_immediately: ['refund <= £30'],
    requires_supervisor: ['refund > £30'],
    requires_process: [],
    forbidden: [],
  });
  it('reads none in a person’s age said bare (he’s eighty-one)', () => {
    const decision = checkPermission(rules, "he's eighty-one, so put the money back on my card");
    expect(decision.parts[0]?.text).not.toMatch(/81/);
    expect(decision.reason).not.toMatch(/eighty-one/);
  });
  it('reads none in a model’s number after its name (the Bavaria 36)', () => {
    const decision = checkPermission(
      rules,
      "we're on the Canny Lass, the Bavaria 36, so give me my money back",
    );
    expect(decision.reason).not.toMatch(/36/);
  });
});

describe('parseQuantities: pounds and euros', () => {
  it.each<Row>([
    ['the charge was £12.75', [[12.75, 'GBP', '£12.75']]],
    ['£ 9', [[9, 'GBP', '£ 9']]],
    ['they took 64£ off me', [[64, 'GBP', '64£']]],
    ['refund ninety pounds', [[90, 'GBP', 'ninety pounds']]],
    ['it was one pound', [[1, 'GBP', 'one pound']]],
    ['give me my fifteen quid', [[15, 'GBP', 'fifteen quid']]],
    ['knock a tenner off', [[10, 'GBP', 'a tenner']]],
    ['two fivers back', [[10, 'GBP', 'two fivers']]],
    ['GBP 250 was taken', [[250, 'GBP', 'GBP 250']]],
    ['about 18 gbp', [[18, 'GBP', '18 gbp']]],
    ['seven pounds twenty', [[7.2, 'GBP', 'seven pounds twenty']]],
    ['5 pounds and 40 pence', [[5.4, 'GBP', '5 pounds and 40 pence']]],
    ['a 75p stamp', [[0.75, 'GBP', '75p']]],
    ['退我35英镑', [[35, 'GBP', '35英镑']]],
    ['a refund of €27', [[27, 'EUR', '€27']]],
    ['pay 14 € at the desk', [[14, 'EUR', '14 €']]],
    ['eleven euros please', [[11, 'EUR', 'eleven euros']]],
    ['EUR 300', [[300, 'EUR', 'EUR 300']]],
    ['退款80欧元', [[80, 'EUR', '80欧元']]],
  ])('reads %j', (text, expected) => {
    expect(parseQuantities(text).map((q) => [q.value, q.unit, q.text])).toEqual(expected);
  });

  it.each([
    ['the parcel weighs 4 pounds', 'the parcel cost 4 pounds'],
    ['a 12 pound bag', 'a 12 pound voucher'],
    ['three pounds of rice', 'three pounds of credit'],
    ['stream it in 720p', 'a 72p charge'],
  ])('reads no money in %j, and money in %j', (weight, money) => {
    const moneyIn = (text: string) => parseQuantities(text).filter((q) => q.family === 'money');
    expect(moneyIn(weight)).toEqual([]);
    expect(moneyIn(money)).toHaveLength(1);
  });

  it('reads pounds as money where money is named beside a weight, and pence after pounds only as a price', () => {
    expect(parseQuantities('the heavy bag fee was 30 pounds')).toMatchObject([{ value: 30, unit: 'GBP' }]);
    expect(parseQuantities('6 pounds twenty minutes ago').map((q) => q.value)).toEqual([6]);
    expect(parseQuantities('twenty pounds two times').map((q) => q.unit)).toEqual(['GBP', 'time']);
  });

  it('gives pounds and euros the money family', () => {
    expect(parseQuantities('£5 €5').map((q) => q.family)).toEqual(['money', 'money']);
  });
});

describe('checkPermission: limits in pounds', () => {
  const rules = compileRules({
    can_approve_immediately: ['refund up to £35'],
    requires_supervisor: ['refund over £35'],
    requires_process: [],
    forbidden: [],
  });

  it.each([
    ['could you refund 25 pounds', 'can_approve_immediately', 25],
    ['refund £34.99 please', 'can_approve_immediately', 34.99],
    ['i want 70 quid refunded', 'requires_supervisor', 70],
    ['refund forty pounds', 'requires_supervisor', 40],
  ])('decides %j in pounds: %s', (action, status, value) => {
    const d = checkPermission(rules, action);
    expect(d.status).toBe(status);
    expect(d.parts[0]?.amount).toEqual({ value, unit: 'GBP' });
  });

  it('approves no amount in dollars, euros or yuan against a limit in pounds', () => {
    for (const action of ['refund $25', 'refund 25 euros', '退款25元']) {
      const d = checkPermission(rules, action);
      expect(d.status).toBe('requires_supervisor');
      expect(d.reasons?.en).toContain('different unit');
    }
  });

  it('labels the request with its amount in its currency, in English and in Chinese', () => {
    expect(checkPermission(rules, 'could you refund 25 pounds').label).toBe('refund £25');
    const zh = compileRules({
      can_approve_immediately: ['退款<=50欧元'],
      requires_supervisor: [],
      requires_process: [],
      forbidden: [],
    });
    expect(checkPermission(zh, '给我退款20欧元').label).toBe('退款20欧元');
  });
});

describe('parseQuantities: a hyphen between an amount and its unit', () => {
  it('reads a twenty-dollar fee as money, and a 30-day window as no amount', () => {
    expect(parseQuantities('that twenty-dollar late fee')).toMatchObject([{ value: 20, unit: 'USD' }]);
    expect(parseQuantities('inside the 30-day refund window')).toEqual([]);
  });
  it('reads dollars named by their country as the product’s dollars', () => {
    expect(parseQuantities('up to 40 CAD')).toMatchObject([{ value: 40, unit: 'USD' }]);
  });
});

describe('parseQuantities: South African rand', () => {
  it('reads R500, R1,499.00, 500 rand and ZAR 300 as rand, and no amount in RAV4', () => {
    expect(parseQuantities('up to R500 per account')).toMatchObject([{ value: 500, unit: 'ZAR' }]);
    expect(parseQuantities('R1,499.00 month-to-month')).toMatchObject([{ value: 1499, unit: 'ZAR' }]);
    expect(parseQuantities('almost 500 rand')).toMatchObject([{ value: 500, unit: 'ZAR' }]);
    expect(parseQuantities('ZAR 300')).toMatchObject([{ value: 300, unit: 'ZAR' }]);
    expect(parseQuantities('my RAV4 and the ring road')).toEqual([]);
  });
});

describe('parseQuantities: the currencies of the English rounds, by sign, code and name', () => {
  it.each([
    // Ghanaian cedis, Nigerian naira, Indian rupees, Kenyan shillings.
    ['you took nine hundred cedis from my MoMo', 900, 'GHS'],
    ['GH₵ 1,250 a term', 1250, 'GHS'],
    ['GHS 450 twice', 450, 'GHS'],
    ['5,000 naira', 5000, 'NGN'],
    ['₹250 back', 250, 'INR'],
    ['Rs. 500', 500, 'INR'],
    ['KSh 300', 300, 'KES'],
    // Gambian dalasi.
    ['four thousand dalasi from the app', 4000, 'GMD'],
    ['the D60 fee', 60, 'GMD'],
    ['D5,000 per caller', 5000, 'GMD'],
    ['GMD 150 for the statement', 150, 'GMD'],
    // Sierra Leonean leones.
    ['NLe 2,940 for the lot', 2940, 'SLE'],
    ['money back over NLe 2,500 per caller', 2500, 'SLE'],
    ['seventeen hundred leones', 1700, 'SLE'],
    ['SLE 750 delivery fee', 750, 'SLE'],
    // West African CFA francs.
    ['refund FCFA 4300 (duplicate payments)', 4300, 'XOF'],
    ['money back up to 10,000 FCFA per caller', 10000, 'XOF'],
    ['I sent eight thousand francs on Wave', 8000, 'XOF'],
    ['25,000 francs CFA for the deposit', 25000, 'XOF'],
    ['XOF 500 for the regulator', 500, 'XOF'],
    // Guinean francs.
    ['up to 1,500,000 GNF per shipment', 1500000, 'GNF'],
    ['GNF 105,000 for storage', 105000, 'GNF'],
    ['one million five hundred thousand Guinean francs', 1500000, 'GNF'],
    ['400 000 FG by tricycle', 400000, 'GNF'],
  ])('reads %j', (said, value, unit) => {
    expect(parseQuantities(said)).toMatchObject([{ value, unit }]);
  });

  it('reads a letter sign inside a code (TK20261206-D51966, D28AD8, 4R200) as no money', () => {
    for (const said of ['单号TK20261206-D51966', 'code D28AD8', 'ref 4R200'])
      expect(
        parseQuantities(said).filter((q) => q.family === 'money'),
        said,
      ).toEqual([]);
  });

  it('reads a bullet train (D301次) and a word that ends in d as no dalasi', () => {
    expect(parseQuantities('我坐的D301次').filter((q) => q.family === 'money')).toEqual([]);
    expect(parseQuantities('I paid d 3 more, and 5 more').filter((q) => q.family === 'money')).toEqual([]);
  });
});

describe('parseQuantities: a figure written out in words with its comma (held-out round 58)', () => {
  it.each([
    ['Five thousand, five hundred and twenty ouguiya', 5520],
    ['two thousand, four hundred and fifty dobras', 2450],
  ])('reads %j as one amount', (said, value) => {
    expect(parseQuantities(said).map((q) => q.value)).toEqual([value]);
  });
  it('keeps two amounts listed with a comma apart', () => {
    expect(parseQuantities('one hundred, two hundred dollars').map((q) => q.value)).toEqual([200]);
  });
});
