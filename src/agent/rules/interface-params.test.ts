import { describe, expect, it } from 'vitest';
import type { SystemQueryRecord } from '../../domain/session-schemas.js';
import { fillParams, idSaid, namedInProduct } from './interface-params.js';

const now = new Date('2026-11-30T10:00:00');
const ordersQuery: SystemQueryRecord = {
  interface: 'recent_orders',
  method: 'GET',
  endpoint: '/orders',
  purpose: '',
  mock: true,
  ok: true,
  response: { orders: [{ order_id: 'S88001', item: '耳机' }] },
};

describe('fillParams', () => {
  it('leaves the caller parameters to the system', () => {
    expect(fillParams(['user_id', 'phone'], '', [], now)).toEqual({});
  });

  it('reads a date or month the caller named, else the current period', () => {
    expect(fillParams(['date'], '11月1号扣的钱', [], now)).toEqual({ date: '2026-11-01' });
    expect(fillParams(['month'], '上个月的账单', [], now)).toEqual({ month: '2026-10' });
    expect(fillParams(['month'], '账单', [], now)).toEqual({ month: '2026-11' });
    expect(fillParams(['date'], '账单', [], now)).toEqual({ date: '2026' });
  });

  it('takes an id the caller read out, or one an earlier query returned', () => {
    expect(fillParams(['order_id'], '订单S77002到哪了', [], now)).toEqual({ order_id: 'S77002' });
    expect(fillParams(['user_id', 'order_id'], '快递到哪了', [ordersQuery], now)).toEqual({
      order_id: 'S88001',
    });
  });

  it("takes a venue's id from the venue an earlier query named (store_id of store: 天津河西店)", () => {
    const contract: SystemQueryRecord = {
      ...ordersQuery,
      interface: 'contracts',
      response: { contracts: [{ contract_no: 'HX-1', store: '天津河西店', date: '2034-04-09' }] },
    };
    expect(fillParams(['store_id', 'date'], '助听器落你们那儿了', [contract], now)).toEqual({
      store_id: '天津河西店',
      date: '2034-04-09',
    });
  });

  it("fills a cinema's parameter with the venue said, and no other parameter with it", () => {
    const venues = namedInProduct(['五家门店：沈阳中华路店（和平区）、郑州二七店（二七区）。']);
    expect(venues).toEqual([
      { name: '沈阳中华路店（和平区）', venue: true },
      { name: '郑州二七店（二七区）', venue: true },
    ]);
    expect(fillParams(['cinema_id'], '去恁二七那个店看', [], now, venues)).toEqual({
      cinema_id: '郑州二七店',
    });
    expect(fillParams(['mobile', 'from', 'to'], '去恁二七那个店看', [], now, venues, ['from', 'to'])).toEqual(
      {},
    );
  });

  it("fills a park's code from its note, and its name where the parameter takes a name", () => {
    const parks = namedInProduct([
      '四个园区：佛山顺德园（顺德区，园区代码FS-SD）、成都温江园（温江区，CD-WJ）、上海松江园（松江区，SH-SJ）。',
    ]);
    expect(fillParams(['park_id'], '我礼拜天在你们松江园玩', [], now, parks)).toEqual({ park_id: 'SH-SJ' });
    expect(fillParams(['park'], '我礼拜天在你们松江园玩', [], now, parks)).toEqual({ park: '上海松江园' });
  });

  it('tells two venues of one name apart by the note the caller says (河西店，就友谊路那个)', () => {
    const venues = namedInProduct([
      '四家门店：长沙河西店（岳麓区）、佛山南海店（桂城）、天津河西店（友谊路）。',
    ]);
    expect(fillParams(['store_id'], '想在你们河西店办，就友谊路那个', [], now, venues)).toEqual({
      store_id: '天津河西店',
    });
    // Said without its note, 河西店 names neither: the agent asks which.
    expect(fillParams(['store_id'], '想在你们河西店办', [], now, venues)).toBeUndefined();
  });

  it('gives up on a value nobody has given, so the agent asks instead of guessing', () => {
    expect(fillParams(['order_id'], '快递到哪了', [], now)).toBeUndefined();
  });

  it('leaves out a filter nobody named, rather than narrowing by what an earlier answer held', () => {
    expect(fillParams(['user_id', 'order_id'], '快递到哪了', [ordersQuery], now, [], ['order_id'])).toEqual(
      {},
    );
    expect(fillParams(['order_id'], '订单S77002到哪了', [], now, [], ['order_id'])).toEqual({
      order_id: 'S77002',
    });
  });

  it('takes the one thing of the product the caller named, and no guess among several', () => {
    const games = namedInProduct([
      '旗下三款游戏：《云端牧场》（休闲）、《铁骑远征》、《云端牧场》',
      'App内“联系客服”',
    ]);
    expect(games).toEqual([
      { name: '云端牧场', venue: false },
      { name: '铁骑远征', venue: false },
    ]);
    expect(fillParams(['user_id', 'game'], '我铁骑远征的号登不上了', [], now, games)).toEqual({
      game: '铁骑远征',
    });
    expect(fillParams(['user_id', 'game'], '我的号登不上了', [], now, games)).toBeUndefined();
    expect(fillParams(['game'], '云端牧场和铁骑远征都登不上', [], now, games)).toBeUndefined();
  });
});

describe("fillParams: a chain's venue said by its own name", () => {
  const venues = namedInProduct(['洗车连锁，四家门店：西安小寨店、西安高新店、咸阳人民路店、宝鸡经二路店。']);
  it('reads the venues a chain lists, and fills a store with the one the caller names', () => {
    expect(venues.map((v) => v.name)).toEqual(['西安小寨店', '西安高新店', '咸阳人民路店', '宝鸡经二路店']);
    expect(fillParams(['store_id'], '我上礼拜在你们小寨那个店洗的车', [], now, venues)).toEqual({
      store_id: '西安小寨店',
    });
    expect(fillParams(['store_id'], '在人民路店落了把伞', [], now, venues)).toEqual({
      store_id: '咸阳人民路店',
    });
  });
  it('asks rather than guesses where none or two are said, and fills no other id with a venue', () => {
    expect(fillParams(['store_id'], '我在你们店洗的车', [], now, venues)).toBeUndefined();
    expect(fillParams(['store_id'], '小寨店和高新店都去过', [], now, venues)).toBeUndefined();
    expect(fillParams(['order_id'], '我在小寨店洗的车', [], now, venues)).toBeUndefined();
  });
  it('reads an English list of venues (Four parks: Dublin - Sandyford (…), …) and a park said by its own name', () => {
    const parks = namedInProduct([
      'Four parks: Dublin - Sandyford (Blackthorn Road, D18), Dublin - Blanchardstown (Snugborough Road, D15), Cork - Little Island (Eastgate, T45) and Galway - Oranmore (Briarhill Business Park, H91). Each park has a main court.',
    ]);
    expect(parks.map((v) => v.name)).toEqual([
      'Dublin - Sandyford (Blackthorn Road, D18)',
      'Dublin - Blanchardstown (Snugborough Road, D15)',
      'Cork - Little Island (Eastgate, T45)',
      'Galway - Oranmore (Briarhill Business Park, H91)',
    ]);
    expect(
      fillParams(['park'], "I was fixin' to bring 'em out to your Sandyford place", [], now, parks),
    ).toEqual({
      park: 'Dublin - Sandyford',
    });
    expect(fillParams(['park'], 'we were at Little Island on Sunday', [], now, parks)).toEqual({
      park: 'Cork - Little Island',
    });
    // Dublin has two parks: said alone it names neither, and a parking space is no park.
    expect(fillParams(['park'], 'we live in Dublin', [], now, parks)).toBeUndefined();
    expect(fillParams(['parking_space'], 'at Sandyford', [], now, parks)).toBeUndefined();
  });
});

describe('idSaid', () => {
  it.each([
    ['柜子号是K三三零九一，打不开了', 'K33091'],
    ['充电桩编号C幺零零八，一直不出电', 'C1008'],
    ['my locker is L 4 4 0 2, it will not open', 'L4402'],
    ['车号是……我念给你哈，D二二、零七、一四四五', 'D22071445'],
    ['订单S77002到哪了', 'S77002'],
    ['小票上的支付单号是4200002035100919421388。', '4200002035100919421388'],
    ['the order number is 81234567', '81234567'],
  ])('reads the id in %j as %j', (text, id) => {
    expect(idSaid(text)).toBe(id);
  });

  it.each(['等一下，我看一下', 'wifi两三天都连不上', '我的app用不了', '我手机号是13800138000'])(
    'finds no id in %j',
    (text) => {
      expect(idSaid(text)).toBeUndefined();
    },
  );
});

describe('fillParams: a model and its size said', () => {
  it.each([
    ['我手上这个vivo X70 Pro，256G的，用了两年多', { model: 'vivo X70 Pro', storage: '256GB' }],
    ['华为P50 Pro 512G', { model: '华为P50 Pro', storage: '512GB' }],
    ['my iPhone 13 Pro Max, 256GB', { model: 'iPhone 13 Pro Max', storage: '256GB' }],
    ['a Galaxy S22 with 1TB', { model: 'Galaxy S22', storage: '1TB' }],
  ])('fills a quote from %j', (said, expected) => {
    expect(fillParams(['model', 'storage'], said, [], now)).toEqual(expected);
  });

  it('takes no date, sum or code for a model', () => {
    for (const said of ['I paid 200 on Saturday 14th', '去年12月买的，用了两年', 'TK20320114 工单'])
      expect(fillParams(['model'], said, [], now), said).toBeUndefined();
  });
});

describe('fillParams: the city and district of an address', () => {
  const orders: SystemQueryRecord = {
    ...ordersQuery,
    response: { orders: [{ order_no: 'JY-1', address: '西安市雁塔区小寨东路12号' }] },
  };

  it('reads them from an address an earlier query returned', () => {
    expect(fillParams(['city', 'district'], '约个礼拜六上午', [orders], now)).toEqual({
      city: '西安',
      district: '雁塔区',
    });
  });

  it('reads them from the caller’s words first', () => {
    expect(fillParams(['city'], '我在郑州市金水区', [orders], now)).toEqual({ city: '郑州' });
  });

  it('asks when no address says them', () => {
    expect(fillParams(['city', 'district'], '约个礼拜六上午', [], now)).toBeUndefined();
  });
});

describe('fillParams: a postcode said', () => {
  const now = new Date('2033-07-13T10:00:00Z');
  it.each([
    ["Do you deliver out to us? The Eircode's h91 t6k2.", 'eircode', 'H91 T6K2'],
    ['my postcode is SW1A 1AA', 'postcode', 'SW1A 1AA'],
    ["we're at K1A0B1 in Ottawa", 'postal_code', 'K1A 0B1'],
    ['zip is 10001', 'zip', '10001'],
  ])('%s → %s %s', (said, param, value) => {
    expect(fillParams([param], said, [], now)).toEqual({ [param]: value });
  });
  it('asks for one not said', () => {
    expect(fillParams(['eircode'], 'do you deliver to Salthill?', [], now)).toBeUndefined();
  });
});
