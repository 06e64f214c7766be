import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isStaffOnly, kindsOf, profileInterfaces, relevantInterfaces } from './interface-vocabulary.js';

const drive = profileInterfaces({
  storage_usage: {
    description: '查询空间使用情况',
    endpoint: '/api/drive/{user_id}/usage',
    response_fields: ['used_gb', 'quota_gb'],
  },
  recycle_bin: {
    description: '查询回收站里的已删除文件',
    endpoint: '/api/drive/{user_id}/recycle',
    response_fields: ['files'],
  },
  drive_orders: {
    description: '查询会员订单与扣款记录',
    endpoint: '/api/drive/{user_id}/orders',
    response_fields: ['orders'],
  },
});

describe('relevantInterfaces', () => {
  it('finds where what the business pays the caller is kept, asked as money coming to them', () => {
    const consignment = profileInterfaces({
      account: { description: '来电手机号的账户：姓名、城市、会员等级', response_fields: ['name', 'city'] },
      consignments: {
        description: '寄卖商品：商品号、品名、成交日、结算日、结算金额、打款记录',
        response_fields: ['consignments', 'sale'],
      },
    });
    expect(relevantInterfaces(consignment, '那俺这钱啥时候能到账？到手能有多少？')).toContain('consignments');
    expect(relevantInterfaces(consignment, 'when does my payout come through')).toContain('consignments');
  });

  it("looks up the caller's own record first for 俺那年卡, 涯那棵树: their own thing, said by 那", () => {
    const park = profileInterfaces({
      park_account: {
        description: '查询来电号码的游客账户：实名姓名、年卡、付款、退款',
        params: ['mobile'],
        response_fields: ['name', 'annual_pass', 'payments'],
      },
      park_policy: { description: '查询票价、优惠、年卡规则和公告', response_fields: ['prices', 'rules'] },
    });
    expect(relevantInterfaces(park, '俺那年卡啥时候到期来着？')[0]).toBe('park_account');
  });

  it("finds the interface a caller's words are about though they share no word", () => {
    expect(relevantInterfaces(drive, '我的云盘怎么又满了？到底用了多少？')).toEqual(['storage_usage']);
    expect(relevantInterfaces(drive, '照片文件夹不小心删了，能找回来吗')).toEqual(['recycle_bin']);
    expect(relevantInterfaces(drive, '11月1号又扣了我钱')).toEqual(['drive_orders']);
  });

  it.each([
    '在营业厅充了一百块钱，卡插上表还是零',
    '昨儿个手机上买气了，咋没到表里',
    '前天充了三百元，燃气表上没显示',
  ])('finds the top-ups for money put on a card or meter: %s', (said) => {
    const meter = profileInterfaces({
      meter_usage: { description: '按月查询用气量和抄表读数', response_fields: ['months', 'meter_readings'] },
      card_topups: {
        description: '查询IC卡购气记录：购气时间、渠道、金额、是否已写入燃气表',
        response_fields: ['topups', 'card_status'],
      },
      site_visits: { description: '查询上门安检和维修工单', response_fields: ['visits'] },
    });
    expect(relevantInterfaces(meter, said)[0]).toBe('card_topups');
  });

  it('finds an interface for each of two things asked in one line', () => {
    const found = relevantInterfaces(drive, '回收站里那个文件夹还在吗，另外这个月扣了我多少钱');
    expect(found).toContain('recycle_bin');
    expect(found).toContain('drive_orders');
  });

  it('reads plural nouns of a booking as the booking kind (my seats, the tickets)', () => {
    const box = profileInterfaces({
      orders: { description: "Caller's own orders", response_fields: ['orders', 'section', 'row', 'seats'] },
      payments: { description: 'Charges and refunds', response_fields: ['payments', 'amount'] },
    });
    expect(relevantInterfaces(box, 'remind me where my seats are')).toEqual(['orders']);
  });

  it('reads an account banned, however said, as the bans an interface keeps', () => {
    const game = profileInterfaces({
      recharges: {
        description: '查询本人账号的充值订单：订单号、金额',
        response_fields: ['orders', 'amount'],
      },
      bans: {
        description: '查询本人账号的禁言/封禁记录：原因、结束时间',
        response_fields: ['bans', 'end_at'],
      },
    });
    expect(relevantInterfaces(game, '我号给封了一个月，啥时候能解')).toEqual(['bans']);
    expect(relevantInterfaces(game, 'why was I banned')).toEqual(['bans']);
  });

  it('never takes an interface its description keeps for staff, however well the words fit', () => {
    const venue = profileInterfaces({
      event_details: {
        description: 'Public event details: venue, date, doors time, status',
        response_fields: ['venue', 'date', 'doors_time'],
      },
      crew_notes: {
        description:
          'INTERNAL — operations notes: band hotel, arrival and stage door times. Not for customers.',
        response_fields: ['band_hotel', 'arrival', 'stage_door_time'],
      },
      worker_files: {
        description: '按工号查询师傅档案（派单内部使用）：姓名、手机号、住址',
        response_fields: ['name', 'phone', 'address'],
      },
      my_bans: {
        description: '查询本人账号的封禁记录：原因、结束时间；另含举报人字段，仅供安全团队',
        response_fields: ['bans', 'reason', 'end_at', 'reporter_uid'],
      },
    });
    expect(relevantInterfaces(venue, 'which hotel is the band at, and the stage door time?')).not.toContain(
      'crew_notes',
    );
    expect(relevantInterfaces(venue, '给我查查那个师傅的档案，手机号住址')).not.toContain('worker_files');
    // A note about some of its fields leaves the caller's own records readable.
    expect(relevantInterfaces(venue, '我的号为啥被封禁了，啥时候结束')).toContain('my_bans');
  });

  it('reads a note that some fields are for staff, anywhere in a Chinese description, as no mark on the whole', () => {
    expect(isStaffOnly('按网点查询自提柜：网点名称、空格口数；另含巡检员手机号，仅供内部调度')).toBe(false);
    expect(isStaffOnly('内部：按工号查询巡检员档案')).toBe(true);
    // A field of the caller's own record kept from them, not the record.
    expect(
      isStaffOnly("The caller's own record by phone: bookings, payments; internal_note is for staff only"),
    ).toBe(false);
    expect(isStaffOnly('Staff only: the rota with surnames and mobiles')).toBe(true);
    expect(isStaffOnly('【内部】按工号查询巡检员档案')).toBe(true);
    expect(
      isStaffOnly(
        '某门店某天的失物登记：登记号、物品描述；internal_only含拾到物品的员工姓名手机号，只供门店内部使用',
      ),
    ).toBe(false);
    expect(kindsOf('我们家老头儿把助听器落你们那儿了，你给问问捡着没有？').has('lost')).toBe(true);
    // Tickets left for a time slot, asked (还能订上票不, 还有票没): availability.
    for (const said of ['明儿个上午十点那一场，还能订上票不？', '周六还有票没', '有没有余票'])
      expect(kindsOf(said).has('availability'), said).toBe(true);
    // A job, a licence or a loved one lost is nothing to find in lost property.
    expect(kindsOf('I lost my job last week and cannot pay').has('lost')).toBe(false);
    expect(kindsOf('I lost my wallet at the park').has('lost')).toBe(true);
    // Someone of the caller's left it; a found thing asked after.
    expect(kindsOf("my daughter's only gone and left her tablet on it").has('lost')).toBe(true);
    expect(kindsOf('Has anyone handed it in?').has('lost')).toBe(true);
    expect(kindsOf('十月一号结婚，想在你们河西店办，那天还有地方吗？').has('booking')).toBe(true);
    const lockers = profileInterfaces({
      lockers: {
        description: '按网点查询自提柜：网点名称、空格口数、满格口数；另含巡检员手机号，仅供内部调度',
        response_fields: ['lockers', 'free_slots'],
      },
      parcels: { description: '查询本人的包裹：单号、状态', response_fields: ['parcels'] },
    });
    expect(relevantInterfaces(lockers, '中山路那个柜子现在还有空格口没有')).toContain('lockers');
  });

  it('takes a word only one interface has as naming it (年费 of the fee records)', () => {
    const card = profileInterfaces({
      card_bill: { description: '查询本期账单、最低还款额与到期还款日', response_fields: ['transactions'] },
      card_status: { description: '查询卡片状态与额度', response_fields: ['status', 'credit_limit'] },
      card_fees: { description: '查询年费、滞纳金等费用记录', response_fields: ['fees'] },
    });
    expect(relevantInterfaces(card, '我这张卡的年费怎么还收了')).toContain('card_fees');
    expect(relevantInterfaces(card, '你好，谢谢')).toEqual([]);
  });

  it('reads a wallet of payment methods as no record of charges', () => {
    const rides = profileInterfaces({
      trips: {
        description: 'Recent trips with fare, estimate, route and driver',
        response_fields: ['trips'],
      },
      wallet: {
        description: 'Ride credits, coupons and payment methods',
        response_fields: ['credits', 'cards'],
      },
    });
    expect(relevantInterfaces(rides, 'can you refund the difference')).toEqual(['trips']);
    expect(relevantInterfaces(rides, 'what payment methods do I have on file')).not.toContain('trips');
    // What something cost is what was paid for it: the trips, though the wallet says "ride" too.
    expect(relevantInterfaces(rides, 'how much was the airport ride last thursday')).toContain('trips');
  });

  it('reads an interface’s name as what it is about, above words others mention too', () => {
    const desks = profileInterfaces({
      membership: {
        description: 'The plan, monthly fee and meeting room hours left',
        response_fields: ['plan'],
      },
      billing: {
        description: 'Charges: monthly fees, extra meeting room hours',
        response_fields: ['charges'],
      },
      room_bookings: {
        description: 'The meeting room bookings: room, date, time',
        response_fields: ['bookings'],
      },
    });
    expect(relevantInterfaces(desks, 'which room am i in tomorrow')).toEqual(['room_bookings']);
  });

  it('reads when someone comes as a visit: the orders that hold its time', () => {
    const repairs = profileInterfaces({
      repair_orders: {
        description: '查询报修工单：工单号、家电、故障描述、预约上门时间、师傅和工单状态',
        response_fields: ['orders'],
      },
      warranty_info: {
        description: '查询名下家电的品牌型号、购买日期、保修截止日期',
        response_fields: ['appliances'],
      },
    });
    expect(relevantInterfaces(repairs, '我那洗衣机昨儿报的修，师傅到底哪天来啊')).toContain('repair_orders');
  });

  it('does not read the path every endpoint shares as what one interface is about', () => {
    const hotel = profileInterfaces({
      hotel_booking: {
        description: '查询用户的酒店订单',
        endpoint: '/api/hotel/{user_id}/bookings',
        response_fields: ['bookings'],
      },
      member_points: {
        description: '查询会员等级与积分',
        endpoint: '/api/hotel/{user_id}/points',
        response_fields: ['level', 'points'],
      },
    });
    expect(relevantInterfaces(hotel, '我订了下周五的房间，能不能晚点退房')).toEqual(['hotel_booking']);
  });

  it('names nothing for words about none of them', () => {
    expect(relevantInterfaces(drive, '你好，谢谢')).toEqual([]);
    expect(relevantInterfaces([], '我的云盘满了')).toEqual([]);
  });

  it('reads English interfaces and callers alike', () => {
    const rides = profileInterfaces({
      trips: {
        description: 'Recent trips with fare, estimate, route and driver',
        response_fields: ['trips'],
      },
      wallet: {
        description: 'Ride credits, coupons and payment methods',
        response_fields: ['credits', 'coupons'],
      },
    });
    expect(relevantInterfaces(rides, 'my last ride cost way more than the estimated fare')[0]).toBe('trips');
  });
});

describe('relevantInterfaces: where something sent is, and what came wrong', () => {
  const pharmacy = profileInterfaces({
    orders: {
      description:
        'Recent orders and deliveries: items and prices, delivery fee, total, status, delivery window, and the courier',
      response_fields: ['orders'],
    },
    prescriptions: {
      description: 'Prescriptions: medication and strength, refills left, next refill date',
      response_fields: ['prescriptions'],
    },
    billing: {
      description: 'Charges and refunds on the account: delivery fees',
      response_fields: ['charges'],
    },
    profile: { description: 'Name, delivery address and payment card', response_fields: ['name', 'address'] },
  });

  it.each([
    "they texted me it was on its way days ago and it still hasn't turned up",
    "the box never arrived and I'm nearly out",
    "my inhaler isn't here yet, the app said it shipped on monday, where is it",
  ])('looks up the orders, not the fees or the address, for "%s"', (said) => {
    expect(relevantInterfaces(pharmacy, said)[0]).toBe('orders');
  });

  it.each(['the label says 40 mg but my doctor prescribed 20', 'you sent the wrong strength this time'])(
    'looks up the orders for what came wrong: "%s"',
    (said) => {
      expect(relevantInterfaces(pharmacy, said)).toContain('orders');
    },
  );
});

describe('relevantInterfaces: a booking moved', () => {
  const profiles = profileInterfaces({
    jobs: { description: '查询用户本人的保洁预约：服务日期、开始时间、状态', response_fields: ['jobs'] },
    wallet: { description: '查询余额和押金', response_fields: ['balance', 'deposit'] },
  });
  it.each([
    '礼拜六那个保洁能不能推到礼拜天',
    '帮我改到下周三上午',
    'can I reschedule the cleaning to Sunday',
  ])('%j looks up the bookings', (said) => {
    expect(relevantInterfaces(profiles, said)).toContain('jobs');
  });
});

describe('relevantInterfaces: when someone works, a plan paused, pay in, money sent, a limit', () => {
  const clinic = profileInterfaces({
    visits: { description: '查询本人的就诊预约：预约号、医生、时间', response_fields: ['visits'] },
    rota: { description: '查询理疗师出诊排班：姓名、日期、时段', response_fields: ['therapists'] },
    membership: { description: '查询本人的健身卡：卡种、到期日、暂停状态', response_fields: ['card'] },
  });
  it.each([
    ['那个李老师下礼拜哪天坐诊？', 'rota'],
    ['我这卡能不能先停半个月，要出差', 'membership'],
  ])('%j looks up %s', (said, name) => {
    expect(relevantInterfaces(clinic, said)).toContain(name);
  });

  const bank = profileInterfaces({
    account: {
      description: "The caller's own account: balance, available, daily ATM limit",
      response_fields: ['balance', 'atm_daily_limit'],
    },
    deposits: {
      description: "The caller's direct deposits: employer, amount, status",
      response_fields: ['deposits'],
    },
    transfers: {
      description: 'Money the caller sent or received: amount, date, status',
      response_fields: ['transfers'],
    },
  });
  it.each([
    ['did my wages land yet? payroll said friday', 'deposits'],
    ['the money I sent my brother, did it go through?', 'transfers'],
    ['the cash machine capped me at three hundred, can that go up', 'account'],
  ])('%j looks up %s', (said, name) => {
    expect(relevantInterfaces(bank, said)).toContain(name);
  });
});

describe('relevantInterfaces: results, free times and someone late', () => {
  const school = profileInterfaces({
    lessons: { description: '查询本人课时：已上课时、剩余课时', response_fields: ['lessons', 'left'] },
    tests: { description: '查询本人考试记录：考试日期、成绩、是否通过', response_fields: ['tests', 'score'] },
    tutors: { description: '按老师姓名查询老师可约时段', response_fields: ['tutors', 'slots'] },
    van: { description: '查询接送车辆位置和预计到达分钟数', response_fields: ['plate', 'eta_minutes'] },
  });
  it.each([
    ['上回那个测验我考了几分来着', 'tests'],
    ['王老师这周四晚上还有空的时间吗', 'tutors'],
    ['接孩子的车到现在还冇到，还要等多久', 'van'],
    ['Has the tutor got any availability on Friday', 'tutors'],
  ])('%j is about %s', (said, expected) => {
    expect(relevantInterfaces(school, said)).toContain(expected);
  });
});

describe('relevantInterfaces: money asked back, and someone not at their post', () => {
  const tutoring = profileInterfaces({
    public: {
      description: '公开信息：课时费、课时包、退款规则',
      response_fields: ['prices', 'refund_rules'],
    },
    lessons: {
      description: '按账户查上课记录：上课时间、是否扣课时、退款核算',
      params: ['mobile'],
      response_fields: ['lessons'],
    },
  });
  it('reads a rescue asked for (车坏在路上了，快来救援) as a visit', () => {
    const bikes = profileInterfaces({
      owner: { description: '车主档案：车型、保修到期日', params: ['mobile'] },
      service: { description: '售后记录：维修单、救援记录和可派师傅', params: ['mobile'] },
    });
    expect(relevantInterfaces(bikes, '车坏在路上了推都推不动，你们快来救援')).toContain('service');
  });
  it('looks up the caller’s own records beside the rules when money is asked back', () => {
    const said = '课时包剩下的钱全部给我退回来，我不请了';
    expect(relevantInterfaces(tutoring, said)).toEqual(['public', 'lessons']);
    expect(relevantInterfaces(tutoring, '退款规则是什么')).toEqual(['public']);
  });
  const guarding = profileInterfaces({
    contracts: {
      description: 'The caller’s contracts: posts, roster, attendance log and uncovered shifts, invoices',
      params: ['phone'],
    },
    public: { description: 'Public prices, zones and rules' },
  });
  it.each([
    ['your guard was not there three nights', 'contracts'],
    ['the night guard did not come last night', 'contracts'],
    ['the guard is not at his post, send someone now', 'contracts'],
  ])('%j is about %s', (said, expected) => {
    expect(relevantInterfaces(guarding, said)).toContain(expected);
  });
});

describe('relevantInterfaces: stock, medicine, jabs and trials', () => {
  const shop = profileInterfaces({
    listings: {
      description: '查询在售商品：编号、标题、标价、销售状态',
      response_fields: ['items', 'state'],
    },
    scripts: {
      description: "The caller's prescriptions: drug, strength, repeats left",
      response_fields: ['scripts'],
    },
    shots: { description: "The caller's pets: name, vaccinations given and due", response_fields: ['pets'] },
    demo_slots: { description: '查询门店某天可约的试驾时段', response_fields: ['free_times'] },
  });
  it.each([
    ['上回看的那台二手钢琴还在不在啊', 'listings'],
    ['I need to order more of her tablets', 'scripts'],
    ['when is his next booster due', 'shots'],
    ['周末想带孩子去试驾一下那台', 'demo_slots'],
  ])('%j is about %s', (said, expected) => {
    expect(relevantInterfaces(shop, said)).toContain(expected);
  });
});

describe('relevantInterfaces: how someone in care is doing', () => {
  const boarding = profileInterfaces({
    stays: { description: '查询寄养订单：订单号、宠物名、门店、状态', response_fields: ['stays'] },
    care_notes: {
      description: '查询在店宠物当天护理日志：进食量、饮水、精神状态',
      response_fields: ['food', 'mood'],
    },
  });
  it.each(['我家狗今天吃饭了没', 'has he been eating ok since I dropped him off'])(
    '%j is about the care log',
    (said) => {
      expect(relevantInterfaces(boarding, said)).toContain('care_notes');
    },
  );
});

describe('relevantInterfaces: when it comes, and whether it is ready to collect', () => {
  const shop = profileInterfaces({
    sales: {
      description: '查询购买记录：订单号、商品、金额、下单日',
      response_fields: ['orders', 'order_no', 'goods', 'paid', 'placed_on'],
    },
    deliveries: {
      description: '配送安排：订单号、配送日期、时段、司机、状态',
      response_fields: ['order_no', 'delivery_date', 'window', 'driver', 'status'],
    },
    repairs: {
      description: '维修单：单号、机型、故障、状态（检测中/维修中/可取件）、预计可取日',
      response_fields: ['jobs', 'job_no', 'model', 'fault', 'status', 'ready_on'],
    },
  });
  it.each([
    ['上个月订的那台冰箱到底好久送过来嘛', 'deliveries'],
    ['洗衣机啥时候给我送啊', 'deliveries'],
  ])('%j is about %s', (said, expected) => {
    expect(relevantInterfaces(shop, said)).toContain(expected);
  });
  it.each([
    '我那手机修好了没，啥辰光好来拿',
    '送修的平板什么时候能取',
    'is my laptop ready to pick up yet',
    // Shanghai when, and a thing not yet in hand.
    '你们到底啥辰光弄好？',
    '一个多月了，手机还没拿到手',
  ])('%j is about the repair ready to collect', (said) => {
    expect(relevantInterfaces(shop, said)).toContain('repairs');
  });
  it('等了好久 is no question of when', () => {
    expect(relevantInterfaces(shop, '等了好久了')).toEqual([]);
  });
});

describe('relevantInterfaces: a battery that will not charge is no bill', () => {
  const shop = profileInterfaces({
    payments: {
      description: 'Payments: date, amount, method, refunds',
      response_fields: ['payments', 'date', 'amount', 'method'],
    },
    repairs: {
      description: 'Repair jobs: job ref, device, fault, status, ready date',
      response_fields: ['jobs', 'job_ref', 'device', 'fault', 'status', 'ready_on'],
    },
  });
  it.each([
    "the tablet won't charge at all since you fixed it, is it ready yet",
    'my laptop will not hold a charge, when can I pick it up',
  ])('%j is about the repair, not payments', (said) => {
    expect(relevantInterfaces(shop, said)).toContain('repairs');
    expect(relevantInterfaces(shop, said)).not.toContain('payments');
  });
  it('still reads a charge on the card as billing', () => {
    expect(relevantInterfaces(shop, 'there is a charge on my card I do not recognise')).toContain('payments');
  });
});

describe('relevantInterfaces: a thing taken in to be mended', () => {
  const shop = profileInterfaces({
    devices: {
      description: '已购设备：型号、序列号、购买日期、门店',
      response_fields: ['devices', 'model', 'serial', 'bought_on', 'store'],
    },
    repairs: {
      description: '送修单：单号、故障、收件日期、状态、预计返回日',
      response_fields: ['repairs', 'repair_no', 'fault', 'received_on', 'status', 'expected_return'],
    },
  });
  it.each(['平板上礼拜拿到你们店去修了，一直没消息', '相机十月底寄过去修的，到现在没个信'])(
    '%j is about the repair',
    (said) => {
      expect(relevantInterfaces(shop, said)).toContain('repairs');
    },
  );
});

describe('relevantInterfaces: what already came, and something missing from it', () => {
  const hampers = profileInterfaces({
    plan: {
      description: 'The plan: meals per week, price, delivery day and window, status, paused until',
      response_fields: ['plan', 'price', 'delivery_day', 'status', 'paused_until'],
    },
    upcoming: {
      description:
        'Upcoming deliveries: delivery date, cutoff, state (open / locked / skipped), meals chosen, total',
      response_fields: ['deliveries', 'delivery_date', 'cutoff', 'state', 'meals'],
    },
    past: {
      description:
        'Deliveries made (last 6 weeks): delivery id, delivered at, courier, courier notes, meals with their value',
      response_fields: ['deliveries', 'delivery_id', 'delivered_at', 'courier', 'meals'],
    },
  });
  it('reads "my hamper came on Monday and the salmon is really missing" as about the deliveries made', () => {
    expect(
      relevantInterfaces(
        hampers,
        'So my hamper came on Monday and the salmon is really missing, can you credit me for it?',
      ),
    ).toContain('past');
  });
  it('keeps "when is my next delivery" off the deliveries made', () => {
    expect(relevantInterfaces(hampers, 'when is my next delivery coming')).not.toContain('past');
  });
});

describe('relevantInterfaces: a visit that came is no delivery', () => {
  const service = profileInterfaces({
    deliveries: {
      description: 'Parcels delivered to you: parcel id, delivered at, courier',
      response_fields: ['parcels', 'delivered_at', 'courier'],
    },
    visits: {
      description: 'Technician appointments: technician, date, status',
      response_fields: ['appointments', 'technician', 'date', 'status'],
    },
  });
  it('does not read "he came this morning and left" as about the parcels', () => {
    expect(relevantInterfaces(service, 'he came this morning and left')).not.toContain('deliveries');
  });
});

describe('relevantInterfaces: when something comes, asked by the hour', () => {
  const bakery = profileInterfaces({
    delivery_tracking: {
      description: '订单配送进度：骑手、出发时间、预计送达',
      endpoint: '/api/delivery/{order_no}',
      response_fields: ['rider', 'eta'],
    },
    member_card: {
      description: '会员储值卡余额',
      endpoint: '/api/card/{phone}',
      response_fields: ['balance_yuan'],
    },
  });
  it.each(['今天几点钟送过来啊', '蛋糕几点送到'])('finds the delivery for %j', (said) => {
    expect(relevantInterfaces(bakery, said)).toContain('delivery_tracking');
  });
});

describe('kindsOf: what is left, said as all that is left', () => {
  it('reads 就剩三次了 and 只剩2节 as asking what is left', () => {
    expect(kindsOf('一看就剩三次了，怎么算的').has('usage')).toBe(true);
    expect(kindsOf('课时包只剩2节了').has('usage')).toBe(true);
    expect(kindsOf('剩下的事我自己办').has('usage')).toBe(false);
  });
});

describe('kindsOf: when a job will be done', () => {
  it('reads 哪天能完工 and 啥时候装完 as asking how far the job has got', () => {
    expect(kindsOf('那剩下的到底哪天能完工').has('progress')).toBe(true);
    expect(kindsOf('空调啥时候装完').has('progress')).toBe(true);
    expect(kindsOf('完工以后怎么保修').has('progress')).toBe(false);
  });
});

describe('relevantInterfaces: when the next step of a job is', () => {
  // A boiler installer: the job's own schedule, its warranty visits, the city's free slots.
  const installer = profileInterfaces({
    install_job: {
      description: '本账户安装工单：当前阶段、下一次上门（类型、日期、时间）、安装师傅、预计完工日',
      response_fields: ['stage', 'next_visit', 'fitter', 'expected_finish'],
    },
    warranty_cases: {
      description: '本账户保修：燃气管道和锅炉保修到期日、报修单（问题、上门时间、状态）',
      response_fields: ['warranty_until', 'tickets', 'visit_time', 'status'],
    },
    install_payments: {
      description: '本账户付款：定金、尾款、日期、发票',
      response_fields: ['payments', 'paid_on', 'invoices'],
    },
  });
  it.each([
    '你们啥时候来验收？到底几号几点钟',
    '调试是哪天，我要请假',
    "When's my next inspection? I need to book the day off",
  ])('looks up the job’s schedule for %j', (said) => {
    expect(relevantInterfaces(installer, said)).toContain('install_job');
  });
  it('reads the step asked about, not a later one', () => {
    expect(kindsOf('验收以后怎么保修').has('upcoming')).toBe(false);
    expect(kindsOf('下次再说吧').has('upcoming')).toBe(false);
  });
});

describe('relevantInterfaces: a service down or closed for everyone there', () => {
  // A marina: berths, its storm and closure notices, its bills.
  const marina = profileInterfaces({
    berth_bookings: {
      description: 'Berth bookings on the caller’s mobile: berth, arrival, departure, nights',
      response_fields: ['bookings', 'berth', 'arrival', 'departure'],
    },
    marina_notices: {
      description: 'Storm warnings, closures of the marina or a pontoon, and power outages on the pontoons',
      response_fields: ['notices', 'type', 'area', 'closed_from', 'closed_to'],
    },
    invoices: {
      description: 'Invoices and payments on the caller’s account',
      response_fields: ['invoices', 'amount', 'paid_on'],
    },
  });
  it.each([
    'The river is up after all that rain. Is Saturday still going ahead?',
    'Our power was completely munted all night, what happened?',
  ])('looks up the notices for %j', (said) => {
    expect(relevantInterfaces(marina, said)).toContain('marina_notices');
  });
});

describe('relevantInterfaces: things lost, people hurt, days away', () => {
  const care = profileInterfaces({
    elder_contract: {
      description: '本账户的托管合同：合同号、门店、老人姓名、套餐、月费、班车、签约家属',
      endpoint: '/api/care/{phone}/contract',
      response_fields: ['contract_no', 'store', 'package', 'monthly_fee'],
    },
    care_incidents: {
      description: '本账户老人的意外事件记录：事件号、时间、地点、经过、处理、就医结果',
      endpoint: '/api/care/{phone}/incidents',
      response_fields: ['incident_no', 'time', 'place', 'handling'],
    },
    attendance: {
      description: '本账户老人某月的出勤：每天到达和离开时间、接送人，请假日期',
      endpoint: '/api/care/{phone}/attendance',
      response_fields: ['days', 'leaves'],
    },
    lost_found: {
      description: '失物招领登记：物品编号、描述、拾获地点和时间、状态、存放处',
      endpoint: '/api/care/lost-found',
      response_fields: ['items', 'found_at', 'storage'],
    },
  });
  it.each([
    ['婆婆昨儿下午在中心摔了，手腕骨裂', 'care_incidents'],
    ['明儿个、后儿个俺都不去了，下礼拜一也去不成', 'attendance'],
    ['我妈的老花镜落在你们那儿了，找到没有', 'lost_found'],
    ['我个手机唔见咗啊，你哋有冇执到啊', 'lost_found'],
  ])('finds for %j the interface %s', (said, name) => {
    expect(relevantInterfaces(care, said)).toContain(name);
  });
  it('reads no loss, hurt or absence in other words', () => {
    expect(kindsOf('我上个月刚交了月费').has('lost')).toBe(false);
    expect(kindsOf('这个套餐不去掉吗').has('attendance')).toBe(false);
    expect(kindsOf('I lost my temper, sorry').has('lost')).toBe(false);
    expect(kindsOf('she fell asleep on the bus').has('incident')).toBe(false);
    expect(kindsOf('Mum fell in the day room yesterday').has('incident')).toBe(true);
  });
});

describe('kindsOf: what came, told in the words of the day', () => {
  it('reads 今朝早上九点多送来 and 昨儿个送到 as a delivery made', () => {
    expect(kindsOf('今朝早上九点多送来，我一拆开，三朵玫瑰头全部断脱了').has('delivered')).toBe(true);
    expect(kindsOf('昨儿个送到的，盒子都压扁了').has('delivered')).toBe(true);
    expect(kindsOf('明天早上送来行不行').has('delivered')).toBe(false);
  });
});

describe('relevantInterfaces: where the nearest one is', () => {
  const network = profileInterfaces({
    rental_orders: {
      description: '本账户的租借订单：订单号、借出网点、借出时间、归还时间、费用、状态',
      endpoint: '/api/pb/users/{phone}/orders',
      response_fields: ['orders', 'order_no', 'fee_yuan', 'status'],
    },
    nearby_cabinets: {
      description: '附近柜机：网点名称、地址、距离、可借数量、空仓位（可还）、营业时间',
      endpoint: '/api/pb/cabinets/nearby',
      response_fields: ['cabinets', 'site', 'address', 'distance_m', 'available'],
    },
  });
  it.each(['那武林广场那边，哪里有你们的柜子好借的？', "where's the nearest one to Temple Bar?"])(
    'finds the cabinets near a place for %j',
    (said) => {
      expect(relevantInterfaces(network, said)).toContain('nearby_cabinets');
    },
  );
});

describe('relevantInterfaces: what a thing would fetch', () => {
  const buyer = profileInterfaces({
    orders: {
      description: '本账户回收订单：订单号、机型、成交价、状态',
      response_fields: ['orders', 'deal_price'],
    },
    quotes: { description: '实时估价：机型、容量、各成色回收价', response_fields: ['quotes', 'valid_until'] },
  });
  it.each([
    ['我这个手机用了两年，你们现在收好多钱？', 'quotes'],
    ["What's the trade-in value of my old laptop?", 'quotes'],
  ])('%j is about %s', (said, expected) => {
    expect(relevantInterfaces(buyer, said)).toContain(expected);
  });
});

describe('relevantInterfaces: rooms or places still free', () => {
  const flats = profileInterfaces({
    my_lease: {
      description: '来电手机号名下的租约：合同号、房号、月租',
      response_fields: ['lease_no', 'rent'],
    },
    vacancies: { description: '门店空房：房型、月租、剩余间数', response_fields: ['rooms', 'left'] },
  });
  it.each([
    ['你们那个店还有房没有？多少钱一个月', 'vacancies'],
    ['Any vacancies at the Riverside building next month?', 'vacancies'],
  ])('%j is about %s', (said, expected) => {
    expect(relevantInterfaces(flats, said)).toContain(expected);
  });
});

describe('kindsOf: what is owed, asked', () => {
  it.each(['那到底欠了多少钱？', '我还欠你们几多', 'how much do I owe you'])('%j asks a balance', (said) => {
    expect(kindsOf(said).has('balance')).toBe(true);
  });
});

describe('kindsOf: what is left on a card', () => {
  it('is its balance', () => {
    expect(kindsOf('卡里还有七百来块钱吧，恁给俺退了吧').has('balance')).toBe(true);
    expect(kindsOf('我这卡还剩多少钱').has('balance')).toBe(true);
    expect(kindsOf('剩下的事我自己办').has('balance')).toBe(false);
  });
});

describe('relevantInterfaces: a place won by lot', () => {
  it('finds the registrations that hold a draw when the caller asks whether they got in', () => {
    const race = profileInterfaces({
      results: { description: '本人参加过的赛事成绩：净成绩、枪声成绩、名次', response_fields: ['results'] },
      registrations: {
        description: '账户名下的报名：项目、中签和候补、缴费',
        response_fields: ['registrations'],
      },
    });
    expect(relevantInterfaces(race, '杭州那个马拉松出结果了吧？您给查查我中没中？')).toContain(
      'registrations',
    );
    expect(relevantInterfaces(race, 'did I get a place in the ballot?')).toContain('registrations');
  });
});

describe('relevantInterfaces: a day or a time asked or booked', () => {
  const shop = profileInterfaces({
    water_account: {
      description: '来电手机号的账户：水票余量、地址',
      response_fields: ['tickets_left', 'address'],
    },
    delivery_slots: { description: '配送时段：日期、时段、余量', response_fields: ['slots'] },
  });
  it.each(['礼拜五后晌能来不？', '你帮我改到下礼拜三', '明儿早上能送到不？越早越好。'])(
    'finds the slots for "%s"',
    (said) => {
      expect(relevantInterfaces(shop, said)).toContain('delivery_slots');
    },
  );
  it('finds availability for a visit asked if there is one', () => {
    const boiler = profileInterfaces({
      policy_details: { description: 'Cover on the policy', response_fields: ['cover'] },
      engineer_availability: {
        description: 'Engineer slots by postcode and day',
        response_fields: ['slots'],
      },
    });
    expect(relevantInterfaces(boiler, "book someone next Tuesday morning if you've got it")).toContain(
      'engineer_availability',
    );
  });
});

describe('relevantInterfaces: what was rented', () => {
  it('finds the rental orders when the caller tells what they rented', () => {
    const cars = profileInterfaces({
      stores: { description: '门店地址和营业时间', response_fields: ['stores'] },
      rental_orders: { description: '来电手机号的订单：车型、取还车门店、时间', response_fields: ['orders'] },
    });
    expect(relevantInterfaces(cars, '车是在你们长水机场租的途观，给是可以在香格里拉还？')).toContain(
      'rental_orders',
    );
    expect(relevantInterfaces(cars, 'the van I rented from you last week')).toContain('rental_orders');
  });
});

describe('relevantInterfaces: the caller’s own thing beside the catalogue (held-out round 36)', () => {
  const records = JSON.parse(
    readFileSync(new URL('../../eval/held-out-36/records.json', import.meta.url), 'utf8'),
  ) as { products: Array<{ name: string; api_interfaces: unknown }> };
  const visas = records.products.find((p) => p.name === '行远签证服务')!;
  const profiles = profileInterfaces(visas.api_interfaces);

  it('looks up what the caller applied for in their own records too', () => {
    expect(
      relevantInterfaces(
        profiles,
        '我国庆前头在你们那边办的日本签证，材料老早交上去了，到现在一点消息都没有',
      ),
    ).toContain('xy_orders');
  });
});

describe('relevantInterfaces: a price asked, the catalogue that lists it', () => {
  const shipping = profileInterfaces({
    waybills: {
      description: '按来电号码查运单：托运人、收车人、各项费用和付款、发车日期、状态',
      params: ['mobile'],
      response_fields: ['waybills'],
    },
    public_info: {
      description: '公开信息：运价、附加费和保价、班期、网点地址',
      params: ['date'],
      response_fields: ['prices', 'departures'],
    },
  });

  it('finds the prices for what a thing would cost, not the caller’s charges', () => {
    expect(
      relevantInterfaces(shipping, '我那个车是个SUV，十一月想拉到西双版纳，从呼市走，多少钱？'),
    ).toContain('public_info');
    expect(relevantInterfaces(shipping, 'how much would it cost to ship an SUV to Kunming?')).toContain(
      'public_info',
    );
    expect(
      relevantInterfaces(shipping, 'What would that cost, and when do I need to get it to you?'),
    ).toContain('public_info');
  });

  it('leaves money taken, earned or held with the caller’s own records', () => {
    for (const said of ['上个月扣了我多少钱？', '我卡里现在到底有好多钱？', '我这个月一共挣了多少钱了？'])
      expect(kindsOf(said).has('price')).toBe(false);
  });
});

describe('relevantInterfaces: the time of a session set for a day', () => {
  it('finds the account with its bookings for "今儿下午那次一对一是几点"', () => {
    const planning = profileInterfaces({
      accounts: {
        description: '按来电号码查账户：订单和套餐；服务进度（报告、1对1记录和预约、方案状态）',
        params: ['mobile'],
        response_fields: ['orders', 'progress'],
      },
      public_info: { description: '公开信息：套餐价格、填报时间、中心地址', response_fields: ['packages'] },
    });
    expect(relevantInterfaces(planning, '今天下午那次一对一是几点？在哪儿？')).toContain('accounts');
  });
});

describe('relevantInterfaces: when what the caller holds runs out', () => {
  it('finds the record with its dates for "是不是成死当了？上个月底就到期了"', () => {
    const pawn = profileInterfaces({
      tickets: {
        description: '按来电号码查当户档案：当票、当物、当金、起止日期、费率、状态、宽限期',
        params: ['mobile'],
        response_fields: ['tickets'],
      },
      ledger: {
        description: '按来电号码查付款记录和差错核对',
        params: ['mobile'],
        response_fields: ['payments'],
      },
    });
    expect(relevantInterfaces(pawn, '我那块表是不是成死当了？上个月底就到期了')).toContain('tickets');
    expect(kindsOf('when does my cover expire?').has('term')).toBe(true);
  });
});
