import { describe, expect, it } from 'vitest';
import { maskOtherPhones, pointsAtItem, speakResponse } from './speak-facts.js';

describe('speakResponse', () => {
  it('says a record in Chinese without English field names: words it knows, units, the rest left out', () => {
    const client = {
      registered: false,
      note: '该手机号未下过单',
      store: '陵城站',
      qty: 30,
      yuan: 1350,
    };
    const tree = {
      age_years: 10,
      batch_jin: 20,
      tree_id: 'XF-B-0108',
      withinoperatorauthority: true,
      sph: -2.75,
    };
    const said = `${speakResponse({ name: 'client' }, client, 'zh', '')}${speakResponse({ name: 'tree' }, tree, 'zh', '')}`;
    expect(said).toContain('未登记');
    expect(said).toContain('备注 该手机号未下过单');
    expect(said).toContain('门店 陵城站');
    expect(said).toContain('数量 30');
    expect(said).toContain('1350元');
    expect(said).toContain('年龄 10年');
    expect(said).toContain('批次 20斤');
    expect(said).toContain('编号 XF-B-0108');
    // A number under no Chinese name keeps its own; a yes or no under none is not said.
    expect(said).toContain('sph -2.75');
    expect(said).not.toMatch(/registered|note|store|qty|yuan|within/);
    // In English a description is said mid-sentence: its first word in lower case, unless a name.
    expect(speakResponse({ name: 'a', description: 'The account on file' }, { qty: 3 }, 'en', '')).toMatch(
      /^I checked the account on file/,
    );
    expect(
      speakResponse(
        { name: 'a', description: 'Careline visits booked by Careline staff' },
        { qty: 3 },
        'en',
        '',
      ),
    ).toMatch(/^I checked Careline visits/);
    // In English the fields' own words are said, plurals as the field has them.
    expect(speakResponse({ name: 'a' }, { coupons: 3 }, 'en', '')).toContain('coupons 3');
    expect(speakResponse({ name: 'client' }, { registered: true, qty: 3 }, 'en', '')).toMatch(
      /registered.*qty 3/,
    );
  });

  it('says the items the caller pointed at, by a word, a day or an amount, and how many there are', () => {
    const trips = {
      trips: [
        { id: 'R1', date: '2026-10-11', fare: 43.66, route: 'King St W → Pearson Airport' },
        { id: 'R2', date: '2026-11-16', fare: 27.34, route: 'Baker Street → Heathrow T5' },
      ],
    };
    const said = speakResponse({ name: 'trips' }, trips, 'en', 'the ride to heathrow cost too much');
    expect(said).toContain('Heathrow');
    expect(said).not.toContain('Pearson');
    expect(said).toContain('2 in all');
    const bookings = {
      bookings: [
        { id: 'B1', check_in: '2026-12-14', room_type: '标准间' },
        { id: 'B2', check_in: '2026-12-17', room_type: '豪华大床房' },
      ],
    };
    expect(
      speakResponse({ name: 'b', description: '查询订单' }, bookings, 'zh', '我12月17号入住的那个'),
    ).not.toContain('标准间');
    // Nothing pointed at: the first ones, as before.
    expect(speakResponse({ name: 'trips' }, trips, 'en', 'my trips')).toContain('Pearson');
  });

  it('says a field the caller asked about though the record has more fields than are read out', () => {
    const order = {
      orders: [
        {
          order: 'W-5512',
          status: 'packed',
          placed: '2026-11-30',
          ship_from: 'Leeds',
          carrier: 'DPD',
          items: 3,
          gift_wrap: true,
          grand_total: 88.4,
          delivery_window: '08:00-12:00',
        },
      ],
    };
    const iface = { name: 'orders', description: 'look up orders' };
    // Asked what it comes to, in any words: the amount field is said.
    for (const asked of ['how much did that come to', 'what do I owe on it', "what's the total on my order"])
      expect(speakResponse(iface, order, 'en', asked)).toContain('88.4');
    // Asked about a field by its words.
    expect(speakResponse(iface, order, 'en', 'what is my delivery window')).toContain('08:00-12:00');
    // Asked in other words than the field's: when it was sent is its dispatch date, whether it
    // came its tracking.
    const posted = {
      orders: [
        {
          order: 'W-7731',
          event: 'Winter Gala',
          venue: 'Grand Hall',
          seats: 2,
          band: 'A',
          currency: 'GBP',
          dispatched_on: '2026-11-18',
          tracking_status: 'no scan since 2026-11-19',
        },
      ],
    };
    for (const asked of ['when did you post them?', 'have you sent them yet', '票什么时候寄出的'])
      expect(speakResponse(iface, posted, 'en', asked), asked).toContain('November 18, 2026');
    for (const asked of ["they still haven't arrived", 'it never came', '怎么还没到'])
      expect(speakResponse(iface, posted, 'en', asked), asked).toContain('no scan since');
    expect(speakResponse(iface, posted, 'en', 'what band are my seats in')).not.toContain('November 18');
    // 今天几点钟送过来: when it comes is its delivery time.
    const cake = {
      orders: [
        {
          order_no: 'C-1',
          store: '河西店',
          product: '草莓蛋糕',
          size: '8寸',
          flavor: '草莓',
          message_text: '生日快乐',
          candles: 6,
          delivery_time: '18:00–19:00',
        },
      ],
    };
    for (const asked of ['今天几点钟送过来啊', '蛋糕什么时候送', '几点能送来'])
      expect(
        speakResponse({ name: 'cake_orders', description: '蛋糕订单' }, cake, 'zh', asked),
        asked,
      ).toContain('18:00');
    // 一共多少钱: the same in Chinese.
    expect(
      speakResponse({ name: 'orders', description: '查询订单' }, order, 'zh', '我那单一共多少钱'),
    ).toContain('88.4');
    // Asked nothing of them: the first fields, as before.
    const plain = speakResponse(iface, order, 'en', 'is my order on its way');
    expect(plain).not.toContain('88.4');
    expect(plain).not.toContain('08:00-12:00');
  });

  it('says every value of any response, with units after numbers and statuses in words', () => {
    const said = speakResponse(
      { name: 'delivery', description: '查询配送进度' },
      { status: 'delivering', eta_minutes: 12, items: [{ name: '可乐', count: 2 }] },
      'zh',
    );
    expect(said).toContain('配送进度');
    expect(said).toContain('12分钟');
    expect(said).toContain('可乐');
    const en = speakResponse({ name: 'shipment', description: '查询物流' }, { status: 'in_transit' }, 'en');
    expect(en).toBe('I checked shipment: status in transit.');
  });

  it('says fields that are one phrase as one (check_in, room_type, estimated_fare)', () => {
    const booking = { check_in: '2026-12-11', check_out: '2026-12-14', room_type: '双床房' };
    const zh = speakResponse(
      { name: 'hotel_booking', description: '查询酒店订单' },
      { bookings: [booking] },
      'zh',
    );
    expect(zh).toContain('入住 2026年12月11日');
    expect(zh).toContain('离店 2026年12月14日');
    expect(zh).toContain('房型 双床房');
    const en = speakResponse({ name: 'trips' }, { trips: [{ fare: 38.4, estimated_fare: 23.04 }] }, 'en');
    expect(en).toContain('estimated fare 23.04');
  });

  it('says hours that are no number as opening hours, and a number of hours with its unit', () => {
    const said = speakResponse(
      { name: 'policy', description: '查询价目表' },
      { hours: { 门店: '每天09:00–19:00' }, wait_hours: 3 },
      'zh',
    );
    expect(said).toContain('营业时间 门店 每天09:00–19:00');
    expect(said).toContain('3小时');
    expect(speakResponse({ name: 'info' }, { opening_hours: '9am–5pm' }, 'en')).toContain(
      'opening hours 9am–5pm',
    );
  });

  it('never reads out contact or identity fields, and says so when nothing is on record', () => {
    const said = speakResponse(
      { name: 'rider', description: '查询骑手' },
      { rider: { name: '张师傅', phone: '15987654321', address: '幸福路1号' } },
      'zh',
    );
    expect(said).toContain('张师傅');
    expect(said).not.toContain('15987654321');
    expect(said).not.toContain('幸福路');
    expect(speakResponse({ name: 'orders' }, {}, 'zh')).toContain('没有相关记录');
  });

  it('names what it checked by the description before its list of fields', () => {
    const orders = {
      description: "Caller's own orders: order number, event, venue, event date and doors time, section, row",
      name: 'orders',
    };
    const said = speakResponse(orders, { orders: [{ order_id: 'SD1', venue: 'Orpheum' }] }, 'en');
    expect(said).toMatch(/^I checked caller's own orders: /);
    expect(said).not.toContain('doors time');
  });

  it('reads out nothing of a party other than the caller: who complained, a neighbour, the other end', () => {
    const workOrders = {
      work_orders: [
        {
          type: '噪音投诉',
          complainant: { name: '王丽华', unit: '3幢2单元501', phone: '13606718842' },
          status: '已上门沟通',
          handler: '管家 李敏',
        },
      ],
    };
    const said = speakResponse({ name: 'orders', description: '查询工单' }, workOrders, 'zh');
    expect(said).toContain('噪音投诉');
    expect(said).toContain('管家 李敏');
    expect(said).not.toContain('王丽华');
    expect(said).not.toContain('3幢2单元501');
    const parcel = { status: 'in transit', recipient_name: 'Laura Chen', neighbour: { name: 'Mr Park' } };
    const en = speakResponse({ name: 'tracking' }, parcel, 'en');
    expect(en).toContain('in transit');
    expect(en).not.toMatch(/Laura|Park/);
    // Who sold or passed the caller a ticket, and who reported them (or how many), is not theirs.
    const resale = {
      purchases: [{ status: 'refused at gate', seller_name: 'Dale Voss', seller_email: 'dv@example.com' }],
      transfers: [{ direction: 'received', counterparty_name: 'Ines Moura' }],
    };
    const bought = speakResponse({ name: 'resale' }, resale, 'en');
    expect(bought).toContain('refused at gate');
    expect(bought).not.toMatch(/Dale|Voss|dv@|Ines|Moura/);
    const ban = {
      bans: [{ reason: '言语辱骂', end_at: '2026-12-04', reporter_nickname: '夜航船', report_count: 7 }],
    };
    const banned = speakResponse({ name: 'bans' }, ban, 'zh');
    expect(banned).toContain('2026年12月4日');
    expect(banned).not.toMatch(/夜航船|7/);
    // The caller's own account holder is theirs to hear.
    expect(speakResponse({ name: 'account' }, { holder: '赵建国', balance: 12 }, 'zh')).toContain('赵建国');
  });
});

describe('speakResponse: lists of charges', () => {
  it('says an empty list as no records, and a transaction in words, in either language', () => {
    const billing = { description: '查询账单明细', name: 'user_billing' };
    expect(speakResponse(billing, { transactions: [], total: 0 }, 'zh')).toBe(
      '我查了账单明细：没有交易记录，合计 0。',
    );
    const one = {
      transactions: [{ transaction_id: 'T1', date: '2026-11-01', amount: 15, type: 'charge' }],
      total: 15,
    };
    expect(speakResponse(billing, one, 'zh')).toBe(
      '我查了账单明细：交易号 T1，日期 2026年11月1日，金额 15，类型 扣费，合计 15。',
    );
    expect(speakResponse({ name: 'user_billing' }, { transactions: [] }, 'en')).toBe(
      'I checked user billing: no transactions.',
    );
  });
});

describe('maskOtherPhones', () => {
  it("masks every phone number but the caller's, however it is written", () => {
    expect(maskOtherPhones('骑手电话15987654321', '13700001111')).toBe('骑手电话***');
    expect(maskOtherPhones('call +86 159 8765 4321', '13700001111')).toBe('call ***');
    expect(maskOtherPhones('您的号码13700001111', '13700001111')).toBe('您的号码13700001111');
    expect(maskOtherPhones('订单号20261103810217', '13700001111')).toBe('订单号20261103810217');
  });

  it('masks a number of any country said as a phone, but the caller’s and what the product publishes', () => {
    expect(maskOtherPhones('engineer Gareth, personal mobile 07700 900291', '07700900111')).toBe(
      'engineer Gareth, personal mobile ***',
    );
    expect(maskOtherPhones('your phone: 087 209 3516', '0872093516')).toBe('your phone: 087 209 3516');
    const product = { faq: [{ q: '电话', a: '拨打客服电话 020-8765 4321' }] };
    expect(maskOtherPhones('客服电话020-8765 4321', '13700001111', product)).toBe('客服电话020-8765 4321');
    expect(maskOtherPhones('师傅电话020-8765 9999', '13700001111', product)).toBe('师傅电话***');
    expect(maskOtherPhones('account number PR-A-32-07781, booking 20351010123', '0872093516')).toBe(
      'account number PR-A-32-07781, booking 20351010123',
    );
  });
});

describe('speakResponse: a value that says it is for staff', () => {
  it('is not read out, whatever field it sits under', () => {
    const said = speakResponse(
      { name: 'engineer_availability' },
      {
        postcode: 'LA9',
        engineer: 'Gareth',
        notes: 'INTERNAL - STAFF ONLY: Gareth Wilkinson, never given to customers',
      },
      'en',
    );
    expect(said).toContain('Gareth');
    expect(said).not.toContain('Wilkinson');
  });
});

describe('speakResponse: field names said in the call’s language', () => {
  it('says a charging session’s fields in Chinese words, not the backend’s keys', () => {
    const said = speakResponse(
      { name: 'charging_sessions' },
      { sessions: [{ station: '朝阳大悦城充电站', pile_no: '07号桩', idle_fee: 24, gift_balance: 20 }] },
      'zh',
      '占位费',
    );
    expect(said).toContain('站点 朝阳大悦城充电站');
    expect(said).toMatch(/占位费用? 24/);
    expect(said).not.toMatch(/station|pile|idle|gift/);
  });
});

describe('speakResponse: what is left of a quota', () => {
  const usage = { name: 'data_usage', description: '查询本月流量使用' };
  it('says what is left when asked, from the used and the quota read', () => {
    expect(
      speakResponse(usage, { used_gb: 26.4, quota_gb: 30, overage_fee: 0 }, 'zh', '我这个月流量还剩多少'),
    ).toContain('剩余3.6GB');
    expect(
      speakResponse({ name: 'storage' }, { used_gb: 1460, quota_gb: 2000 }, 'en', 'how much space is left?'),
    ).toContain('540 GB left');
  });

  it('says nothing derived when not asked, or when the response says what is left itself', () => {
    expect(speakResponse(usage, { used_gb: 26.4, quota_gb: 30 }, 'zh', '用了多少')).not.toContain('剩余');
    const own = speakResponse(usage, { used_gb: 26.4, quota_gb: 30, remaining_gb: 3.6 }, 'zh', '还剩多少');
    expect(own.match(/3\.6/g)).toHaveLength(1);
  });
});

describe('speakResponse: amounts whose field names a currency', () => {
  it('says pounds and euros with their sign in English and their name in Chinese, and no currency a word only ends like', () => {
    const credit = { name: 'account_credit' };
    expect(speakResponse(credit, { balance_gbp: 17.5 }, 'en')).toContain('£17.5');
    expect(speakResponse(credit, { balance_gbp: 17.5 }, 'zh')).toContain('17.5英镑');
    expect(speakResponse(credit, { deposit_eur: 120 }, 'en')).toContain('€120');
    expect(speakResponse(credit, { deposit_eur: 120 }, 'zh')).toContain('120欧元');
    // A word that only ends like a currency's code names none.
    expect(speakResponse({ name: 'league' }, { amateur: 3 }, 'en')).not.toContain('€');
  });
});

describe('speakResponse in the product’s words', () => {
  const card = {
    name: 'parking_card',
    description: '查询停车月卡：卡名称、价格、开始日期、结束日期、总次数、已用次数、剩余次数',
    response_fields: [
      'card_name',
      'price',
      'start_date',
      'end_date',
      'total_entries',
      'used_entries',
      'remaining_entries',
    ],
  };
  const response = {
    card_name: '地库月卡',
    price: 300,
    start_date: '2026-11-01',
    end_date: '2026-11-30',
    total_entries: 40,
    used_entries: 31,
    remaining_entries: 9,
  };

  it('says a count under its described name as one says it, and the count left when asked', () => {
    const said = speakResponse(card, response, 'zh', '我这张停车卡还剩几次？');
    expect(said).toContain('已用31次');
    expect(said).toContain('剩余9次');
  });

  it('keeps the field’s own words in an English call', () => {
    const said = speakResponse(card, response, 'en', 'how many entries are remaining?');
    expect(said).toContain('remaining entries 9');
  });
});

describe('speakResponse: a described field keeps its own unit', () => {
  it('says remaining_minutes under its described name with its minutes', () => {
    const said = speakResponse(
      {
        name: 'talk_time',
        description: '查询通话套餐：套餐名称、剩余通话时长',
        response_fields: ['plan_name', 'remaining_minutes'],
      },
      { plan_name: '畅聊卡', remaining_minutes: 42 },
      'zh',
      '还剩多少分钟',
    );
    expect(said).toContain('剩余通话时长 42分钟');
  });
});

describe('speakResponse: nobody’s contact handles', () => {
  it('never reads out a WeChat, QQ or WhatsApp of anyone a response names', () => {
    const said = speakResponse(
      { name: 'tutors', description: '查询老师排课' },
      {
        tutors: [
          { name: '周老师', day: '周三', wechat: 'zhou_t_2020', qq: '483920111', whatsapp: '+852 6123 4567' },
        ],
      },
      'zh',
      '周老师哪天上课',
    );
    expect(said).toContain('周三');
    expect(said).not.toMatch(/zhou_t_2020|483920111|6123/);
  });
});

describe('speakResponse: dates as people say them', () => {
  it('says a system date and time in the call’s language', () => {
    const parcel = { shipped_at: '2026-11-28T15:02:00+08:00', eta: '2026-12-04' };
    expect(speakResponse({ name: 'parcel' }, parcel, 'zh')).toContain('2026年11月28日 15:02');
    expect(speakResponse({ name: 'parcel' }, parcel, 'en')).toContain('December 4, 2026');
    expect(speakResponse({ name: 'parcel' }, { code: '2026-13-40' }, 'en')).toContain('2026-13-40');
  });

  it('says a date written inside a longer value too, and leaves codes with digits alone', () => {
    const job = {
      order_no: 'HS-SH-20340912-3201',
      promised_date: '2034-09-28（周四）',
      status: '预计2034-10-12（周四）完工',
    };
    const said = speakResponse({ name: 'jobs' }, job, 'zh');
    expect(said).toContain('2034年9月28日（周四）');
    expect(said).toContain('预计2034年10月12日（周四）完工');
    expect(said).toContain('HS-SH-20340912-3201');
    expect(
      speakResponse({ name: 'jobs' }, { note: 'moved to 2034-11-18 at the customer’s request' }, 'en'),
    ).toContain('November 18, 2034');
  });
});

describe('speakResponse: a list inside a record, when it holds what was asked', () => {
  it('says the entries of a nested list the caller pointed at, beyond the fields read out first', () => {
    const car = {
      cars: [
        {
          plate: 'AB12 CDE',
          make: 'Skoda',
          model: 'Octavia',
          colour: 'grey',
          year: 2019,
          fuel: 'diesel',
          services: [
            { item: 'oil change', done_on: '2026-03-02', next_on: '2027-03-02' },
            { item: 'timing belt', done_on: '2025-01-10', next_on: '2029-01-10' },
          ],
        },
      ],
    };
    const said = speakResponse({ name: 'vehicles' }, car, 'en', "when's the next oil change due");
    expect(said).toContain('March 2, 2027');
    expect(said).not.toContain('timing belt');
  });
});

describe('speakResponse: whether it is still for sale', () => {
  it('says the sale state asked after, though the record has more fields than are read out first', () => {
    const listings = {
      items: [
        {
          code: 'P-101',
          title: '雅马哈立式钢琴U1',
          year: 2015,
          tuned_on: '2026-11-02',
          asking_price: 16800,
          showroom: '南山店',
          sale_state: '已锁定',
        },
      ],
    };
    const said = speakResponse({ name: 'listings' }, listings, 'zh', '那台雅马哈钢琴还在不在啊');
    expect(said).toContain('已锁定');
  });
});

describe('speakResponse: whether a job is ready and when it can be had', () => {
  // A tailor's alterations: the job's status and the day it is due come after six other fields.
  const jobs = {
    jobs: [
      {
        ticket: 'ALT-5521',
        garment: 'wool coat',
        work: 'shorten sleeves',
        taken_in: '2026-11-20',
        branch: 'High Street',
        price_gbp: 18,
        tailor: 'Priya',
        status: 'with the tailor',
        due_back: '2026-12-04',
      },
    ],
  };
  const iface = { name: 'alterations', description: 'Alteration tickets' };
  it('says the status and the due day when asked whether it is ready, in either language', () => {
    for (const asked of ['is my coat ready yet?', 'when can I pick it up', '改好了没有，啥时候能拿']) {
      const said = speakResponse(iface, jobs, 'en', asked);
      expect(said, asked).toContain('with the tailor');
      expect(said, asked).toContain('December 4, 2026');
    }
  });
  it('leaves them out when the question is about something else', () => {
    expect(speakResponse(iface, jobs, 'en', 'which branch has my coat')).not.toContain('December 4');
  });
});

describe('speakResponse: fields the description keeps from callers', () => {
  it('never says a field marked for staff use, in English or Chinese, and says the rest', () => {
    const said = speakResponse(
      {
        name: 'site_account',
        description:
          'Account on the caller’s number: holder, suburb, lockbox notes (cleaner use only), plan, status',
        response_fields: ['holder', 'suburb', 'lockbox_notes', 'plan', 'status'],
      },
      {
        holder: 'Priya Raman',
        suburb: 'Ashgrove',
        lockbox_notes: 'Side gate lockbox 7302, dog in the laundry',
        plan: 'Fortnightly windows',
        status: 'active',
      },
      'en',
    );
    expect(said).toContain('Fortnightly windows');
    expect(said).not.toMatch(/7302|lockbox/i);
    const zh = speakResponse(
      {
        name: 'home_profile',
        description: '查询本户档案：户主、小区、门禁密码（仅供上门师傅使用）、套餐',
        response_fields: ['owner', 'estate', 'door_pin', 'plan'],
      },
      { owner: '杜明', estate: '锦绣花园', door_pin: '4826#', plan: '季度保养' },
      'zh',
    );
    expect(zh).toContain('季度保养');
    expect(zh).not.toContain('4826');
  });

  it('leaves out a field the description keeps from callers in a sentence of its own, and any internal_ field', () => {
    const said = speakResponse(
      {
        name: 'outage_info',
        description:
          '某地址所在台区的故障停电范围、预计复电；internal_only含台区内欠费停电户明细，只供营销稽查使用，不得向来电人透露',
        response_fields: ['area', 'faults', 'internal_only'],
      },
      { area: '长虹3号台区', faults: [], internal_only: { holder: '邢桂兰', account_no: '0103128892' } },
      'zh',
    );
    expect(said).toContain('长虹3号台区');
    expect(said).not.toMatch(/邢桂兰|0103128892|internal|不得/);
    const plain = speakResponse(
      { name: 'runs', description: 'Runs of the day', response_fields: ['eta', 'internal_notes'] },
      { eta: '13:40', internal_notes: 'Neighbour at no. 9 owes us £80' },
      'en',
    );
    expect(plain).toContain('13:40');
    expect(plain).not.toMatch(/Neighbour|£80/);
  });
});

describe('speakResponse: when, where and who of a booking, asked beyond its first fields', () => {
  const order = {
    order_no: 'TX-1',
    service: '半日陪诊',
    patient: '陆秀娣',
    hospital: '瑞金医院',
    department: '内分泌科',
    appointment: '2032-07-15 08:00',
    meet_time: '2032-07-15 07:30',
    meet_point: '门诊大楼1楼',
    escort: { name: '周敏', staff_no: 'SH-1042' },
    price_yuan: 298,
  };
  it('says the meeting time, place and escort when the caller asks them', () => {
    const said = speakResponse(
      { name: 'escort_orders' },
      { orders: [order] },
      'zh',
      '明朝几点钟陪诊师到啊？在啥地方碰头？是啥人来陪？',
    );
    expect(said).toContain('07:30');
    expect(said).toContain('门诊大楼1楼');
    expect(said).toContain('周敏');
  });
  it('leaves them out when the caller asks none of them', () => {
    const said = speakResponse({ name: 'escort_orders' }, { orders: [order] }, 'zh', '我的订单');
    expect(said).not.toContain('周敏');
  });
});

describe('speakResponse: a shared card’s records made by someone else', () => {
  const iface = { name: 'card_transactions', description: '本卡消费流水：时间、门店、项目、金额、消费人' };
  const response = {
    transactions: [
      { time: '2033-01-09 22:40', store: '番禺店', item: '经典足疗', amount: 108, by: '黄志伟（主卡）' },
      { time: '2032-12-18 15:00', store: '天河店', item: '肩颈理疗', amount: 88, by: '梁嘉欣（副卡）' },
    ],
  };

  it('says only the caller’s own', () => {
    const said = speakResponse(iface, response, 'zh', undefined, { name: '梁嘉欣' });
    expect(said).toContain('天河店');
    expect(said).not.toContain('番禺店');
    expect(said).not.toContain('22:40');
  });

  it('says every record when the caller is not known', () => {
    expect(speakResponse(iface, response, 'zh')).toContain('番禺店');
  });
});

describe('speakResponse: a record held by someone else beside the caller’s own', () => {
  const iface = { name: 'members', description: '按来电号码查会员' };
  const response = {
    role: '副卡持卡人',
    card_no: 'YT-D-0020516-F1',
    main_card: { card_no: 'YT-D-0020516', holder: '刘长海（尾号0935）', balance: { 合计: '3462.00元' } },
    sub_cards: [{ card_no: 'YT-D-0020516-F1', holder: '孙丽华（本来电号码）', remaining_this_month: 1248 }],
  };
  it('says the caller’s own card, not the one another holds', () => {
    const said = speakResponse(iface, response, 'zh', undefined, { name: '孙丽华' });
    expect(said).toContain('1248');
    expect(said).not.toContain('3462');
  });
  it('says an account held by someone else that names the caller (an authorised adult on it)', () => {
    const accounts = {
      accounts: [{ id: 'CH-1', holder: 'Siobhán Walsh', adults: ['Bridie Conneely'], balance: 12 }],
    };
    expect(
      speakResponse({ name: 'accounts' }, accounts, 'en', undefined, { name: 'Bridie Conneely' }),
    ).toContain('CH-1');
  });
});

describe('speakResponse: what is kept for the holder, to a caller in a limited role', () => {
  const iface = { name: 'lessons', description: '按账户查上课记录' };
  const response = {
    lessons: [{ date: '2040-04-01', status: '已上', teacher_in: '09:27' }],
    退款测算: { 退至: '仅账户持有人', 付款: 3240, 退款: 1620 },
  };
  it('says the lessons to a co-guardian, not the refund worked out for the holder', () => {
    const said = speakResponse(iface, response, 'zh', undefined, { name: '肖玉梅', limited: true });
    expect(said).toContain('09:27');
    expect(said).not.toContain('1620');
  });
  it('says both to the holder', () => {
    expect(speakResponse(iface, response, 'zh', undefined, { name: '曹婷' })).toContain('1620');
  });
});

describe('speakResponse: a record inside a record, asked after', () => {
  const consignments = {
    consignments: [
      {
        item_no: 'XZ-1',
        item: '手袋',
        grade: 'B',
        store: '鉴定中心',
        listed_at: '2035-02-28',
        list_price_yuan: 26500,
        status: '已售出，待结算',
        sale: { sold_at: '2035-04-04', settle_on: '2035-04-14', payout_yuan: 22525 },
        internal_only: { buyer: { name: '孟雨婷', city: '青岛' } },
      },
    ],
  };
  const iface = { name: 'consignments', description: '寄卖商品' };
  it('says the sale beyond the first fields when the caller asks what comes to them', () => {
    const said = speakResponse(iface, consignments, 'zh', '那俺这钱啥时候能到账？到手能有多少？');
    expect(said).toContain('22525');
    expect(said).not.toContain('孟雨婷');
  });
  it('says neither when the caller asks nothing of them', () => {
    expect(speakResponse(iface, consignments, 'zh', '我的包怎么样了')).not.toContain('22525');
  });
  it('never reads out a field a response keeps for staff, asked or not', () => {
    const jobs = { technician: { first_name: 'Callum', internal_only: { surname: 'Baird' } } };
    expect(speakResponse({ name: 'jobs' }, jobs, 'en', "what's the technician's name")).not.toContain(
      'Baird',
    );
  });
});

describe('speakResponse: a place in a queue, asked', () => {
  it('says the waiting-list position held inside the registration when asked where the caller stands', () => {
    const registrations = {
      registrations: [
        {
          reg_no: 'BT-1',
          event: '秋季马拉松',
          race_date: '2035-11-04',
          category: '全程',
          participants: ['刘振东（本人）'],
          status: '未中签（已自动进入候补）',
          lottery: '未中签',
          waitlist: { position: 3127, rule: '7月18日起按候补顺序递补' },
        },
      ],
    };
    const said = speakResponse(
      { name: 'registrations' },
      registrations,
      'zh',
      '那候补是怎么个意思？我排第几啊？',
    );
    expect(said).toContain('3127');
  });
});

describe('speakResponse: what a refund would come to, asked', () => {
  it('says the refund quote deep in an order', () => {
    const order = {
      order_no: 'XY-1',
      product: '申根签证',
      consulate: '法国驻广州总领事馆',
      office: '广州天河',
      status: '待递交',
      timeline: ['下单', '审核'],
      fees: { service_fee_yuan: 480, total_yuan: 1350 },
      payment: { method: '微信支付', amount_yuan: 1350 },
      refund_quote: { stage: '递交前', refundable_yuan: 1110, not_refundable_yuan: 240 },
    };
    const said = speakResponse(
      { name: 'orders' },
      { orders: [order] },
      'zh',
      '我如果现在取消，可以退回多少钱给我？',
    );
    expect(said).toContain('1110');
  });
});

describe('pointsAtItem', () => {
  it.each([
    'Have ye anything tomorrow morning?',
    'is there a Tuesday afternoon instead',
    '礼拜六下午还有场子吗',
  ])('%j points at a day to come', (said) => {
    expect(pointsAtItem(said)).toBe(true);
  });

  it('does not take a day gone by as one pointed at', () => {
    expect(pointsAtItem('the sander went back yesterday morning, sure I brought it in meself')).toBe(false);
  });
});
