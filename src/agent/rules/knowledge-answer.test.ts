import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../call/call-agent.js';
import type { Product } from '../../domain/record-schemas.js';
import { buildKnowledgeIndex } from '../../knowledge/index.js';
import { knowledgeAnswer, otherAnswers, pointsBack, policyQuoted, priceAsked } from './knowledge-answer.js';

const hotel = {
  name: '悦途酒店',
  faq: [
    { q: '会员怎么升级？', a: '一年内入住满10晚，自动升级为金卡会员。' },
    { q: '可以带宠物吗？', a: '部分门店接受小型犬，需提前致电门店确认。' },
    { q: '早餐几点供应？', a: '早餐供应时间为每天7:00到10:00。' },
  ],
} as unknown as Product;

const gym = {
  name: 'FitOne',
  faq: [
    {
      question: 'How do I freeze my membership?',
      answer: 'Memberships can be frozen for up to 60 days a year from the app.',
    },
    {
      question: 'Can I bring a guest?',
      answer: 'Gold members may bring one guest per visit; others pay a day pass.',
    },
  ],
} as unknown as Product;

/** A call context whose knowledge search runs over the product's own FAQ and issues. */
function knowledgeCall(product: Product): CallContext {
  const index = buildKnowledgeIndex(product);
  return {
    product,
    tools: { searchKnowledge: (q: string, n: number) => index.search(q, n) },
  } as unknown as CallContext;
}

describe('policyQuoted: the FAQ whose answer a caller quotes back', () => {
  it.each([
    ['不是说住够十晚就能升金卡吗', '会员怎么升级？'],
    ['你们不是说小狗提前打电话就能带吗', '可以带宠物吗？'],
    ['不是说每天早餐供应到十点吗', '早餐几点供应？'],
  ])('%s → %s', (asked, question) => {
    expect(policyQuoted(hotel, asked)?.question).toBe(question);
  });

  it('reads English callers by their words', () => {
    expect(
      policyQuoted(gym, "didn't you say gold members can bring somebody along per visit?")?.question,
    ).toBe('Can I bring a guest?');
  });

  it.each(['你们服务太差了吧', '我要投诉', '酒店在哪里', 'what is going on with my account?'])(
    'finds nothing in %s',
    (asked) => {
      expect(policyQuoted(hotel, asked)).toBeUndefined();
      expect(policyQuoted(gym, asked)).toBeUndefined();
    },
  );

  it('does not count the product name as a shared word', () => {
    expect(policyQuoted({ ...hotel, name: '金卡会员酒店' } as Product, '金卡会员酒店吗')).toBeUndefined();
  });
});

describe('priceAsked: the FAQ entry that prices what the caller names', () => {
  const repairs = {
    name: '修无忧',
    faq: [
      { q: '过了保修期上门怎么收费？', a: '上门检测费50元；确定维修的，检测费抵扣人工费。' },
      { q: '预约后多久上门？', a: '城区下单后48小时内上门。' },
      { q: '延保怎么买？多少钱？', a: '每年99元，最多延3年。' },
    ],
  } as unknown as Product;
  const streaming = {
    name: 'StreamBox',
    faq: [
      { q: 'What plans do you have?', a: 'Basic $7.99 a month, Standard $12.99, Premium $17.99 (4K).' },
      { q: 'How long is the free trial?', a: 'New accounts get a 7-day free trial.' },
    ],
  } as unknown as Product;
  const tracker = {
    name: 'KarooTrack',
    faq: [
      { q: 'How much is it?', a: 'Recover is R119 a month and Recover + Locate R189 a month.' },
      { q: 'How long does the installation take?', a: 'One to two hours.' },
    ],
  } as unknown as Product;

  it('finds the entry that prices a thing in rand', () => {
    expect(priceAsked(tracker, 'for my Suzuki Swift - what does your thing cost a month?')?.question).toBe(
      'How much is it?',
    );
  });

  it('finds the entry by what is priced, not by the words of asking a price', () => {
    expect(priceAsked(repairs, '冰箱早过保了，要是叫个师傅上门给看看，得花多少钱啊？')?.question).toBe(
      '过了保修期上门怎么收费？',
    );
    expect(priceAsked(repairs, '延保一年多少钱')?.question).toBe('延保怎么买？多少钱？');
    expect(priceAsked(streaming, 'how much is premium these days? the kids want 4K')?.question).toBe(
      'What plans do you have?',
    );
  });

  it('reads the words of an entry’s question first, and a price list between equals', () => {
    const desks = {
      name: 'Desks',
      faq: [
        { q: 'What plans do you have and how much are they?', a: 'Hot Desk $199 a month; Day Pass $25.' },
        {
          q: 'Can I bring a guest?',
          a: 'Every member gets 2 free guest passes a month; further guests need a $25 Day Pass.',
        },
        { q: 'I lost my key card, what now?', a: 'A replacement costs $20, ready the next business day.' },
      ],
    } as unknown as Product;
    expect(
      priceAsked(desks, "what does a day pass cost? and what's the cheapest monthly option?")?.question,
    ).toBe('What plans do you have and how much are they?');
    expect(
      priceAsked(desks, 'if i bring my sister in one day next week is that gonna cost me anything?')
        ?.question,
    ).toBe('Can I bring a guest?');
  });

  it.each([
    '我第一次打嚟，想搵个师傅睇下雪柜，上门几钱啊？过咗保修㗎喇',
    '过保了，师傅上门检测几多钱？',
    '过了保修期，叫师傅上门看看啥价？',
  ])('reads %j, a price asked in regional words (几钱, 几多钱, 啥价), as a price', (said) => {
    expect(priceAsked(repairs, said)?.question).toBe('过了保修期上门怎么收费？');
  });

  it('answers no price that was not asked, nor one that names nothing priced', () => {
    expect(priceAsked(repairs, '师傅什么时候上门')).toBeUndefined();
    // One character in common (年) is no more than chance.
    expect(priceAsked(repairs, '今年这个要多少钱')).toBeUndefined();
    expect(priceAsked(streaming, 'how much?')).toBeUndefined();
  });
});

describe('priceAsked: prices in pounds and euros', () => {
  /** A surf school whose one priced entry answers `priced` with its price. */
  const school = (priced: { q: string; a: string }) =>
    ({
      name: 'Breakline Surf School',
      faq: [
        priced,
        { q: 'Can I keep my own wetsuit at the school?', a: 'Members may keep a wetsuit in a locker.' },
        { q: '可以把自己的潜水服存在学校吗？', a: '会员可以把潜水服放在储物柜里。' },
      ],
    }) as unknown as Product;

  it.each(['£12 a day', '12 pounds a day', '€12 a day', '12 euros a day', '12 quid a day'])(
    'finds the entry that says %j when the caller asks what hiring costs',
    (price) => {
      const product = school({
        q: 'Can I hire a wetsuit?',
        a: `Yes, wetsuit hire is ${price}, boots included.`,
      });
      expect(priceAsked(product, 'how much is it to hire a wetsuit for the day?')?.question).toBe(
        'Can I hire a wetsuit?',
      );
    },
  );

  it.each(['12英镑', '12欧元'])('finds the entry that says %j when asked in Chinese', (price) => {
    const product = school({ q: '潜水服可以租吗？', a: `可以，每天${price}，含潜水靴。` });
    expect(priceAsked(product, '租一套潜水服一天要多少钱')?.question).toBe('潜水服可以租吗？');
  });
});

describe('knowledgeAnswer: a question asked as 能报不', () => {
  const pets = {
    name: '萌宠保',
    faq: [
      { q: '等待期多久？', a: '投保后30天为等待期。' },
      { q: '疫苗和绝育能报吗？', a: '疫苗、绝育属于预防项目，不在保障范围。' },
    ],
  } as unknown as Product;
  const ctx = knowledgeCall(pets);

  it('finds the entry for 这俩能报不 with the clauses before it', () => {
    expect(knowledgeAnswer(ctx, '它上礼拜刚打完疫苗，这个月还想带它去做个绝育，这俩能报不？')?.question).toBe(
      '疫苗和绝育能报吗？',
    );
  });
});

describe('otherAnswers: every question of the line', () => {
  const parcels = {
    name: '速达快递',
    faq: [
      { q: '寄出去几天能到？', a: '同城次日达，省内1-2天，跨省2-4天。' },
      { q: '保价怎么收费？', a: '按声明价值的1%收保价费，最低1元。' },
      { q: '运费退款多久到账？', a: '运费退款审核后1-3个工作日原路退回。' },
    ],
  } as unknown as Product;
  const ctx = knowledgeCall(parcels);

  it('answers a second question beside the first, and nothing twice', () => {
    const line = '我想从杭州寄一份合同到北京，大概几天能到啊？这东西挺要紧的，要是保个价的话怎么收费？';
    const first = knowledgeAnswer(ctx, line)!;
    const all = [first, ...otherAnswers(ctx, line, first)].map((h) => h.question);
    expect(all.sort()).toEqual(['保价怎么收费？', '寄出去几天能到？']);
    expect(otherAnswers(ctx, '寄到北京几天能到？', knowledgeAnswer(ctx, '寄到北京几天能到？')!)).toEqual([]);
  });
});

describe('knowledgeAnswer: goods sent back are a return', () => {
  const shop = {
    name: 'Corner Shop',
    faq: [
      { q: 'How much is delivery?', a: 'Delivery is $4.99, free over $35.' },
      { q: 'Can I return something?', a: 'Unopened items can be returned within 30 days.' },
      { q: 'Do you price-match?', a: 'Yes, on identical items.' },
    ],
  } as unknown as Product;
  const ctx = knowledgeCall(shop);

  it.each([
    'if I buy some cough drops and never use them, could I send them back?',
    'say the vitamins turn out to be the wrong kind, am I able to mail them back to you?',
    'what if I change my mind about the heating pad, can I ship it back?',
  ])('finds the returns entry for "%s"', (said) => {
    expect(knowledgeAnswer(ctx, said)?.question).toBe('Can I return something?');
  });
});

describe('knowledgeAnswer: the caller’s everyday words for what an FAQ asks', () => {
  const own = JSON.parse(readFileSync(new URL('../../../eval/records.json', import.meta.url), 'utf8')) as {
    products: Product[];
  };
  const on = (name: string) => {
    const product = own.products.find((p) => p.name === name)!;
    return knowledgeCall(product);
  };

  it.each([
    ['安泰燃气', '俺家灶台边上有股煤气味儿，咋回事啊', '闻到燃气味（臭鸡蛋味）怎么办？'],
    ['安泰燃气', '一进屋就闻着一股臭鸡蛋味儿，熏得慌，该咋弄', '闻到燃气味（臭鸡蛋味）怎么办？'],
    ['速达快递', '要是没保价，摔碎了你们赔多少', '丢了或者摔坏了怎么赔？'],
    ['速达快递', '东西寄丢了一般能赔多少钱呐', '丢了或者摔坏了怎么赔？'],
  ])('%s: %s → %s', (product, said, question) => {
    expect(knowledgeAnswer(on(product), said)?.question).toBe(question);
  });
});

describe('otherAnswers: each price asked in a line', () => {
  const estate = {
    name: '云栖花园物业',
    faq: [
      { q: '管理费怎么收？', a: '住宅管理费按建筑面积每平方米每月3.2元，每年一次性缴纳。' },
      { q: '停车位怎么收费？', a: '地面月租车位300元/月，访客车辆首小时免费。' },
      { q: '宠物可以养吗？', a: '可以，犬只须登记并拴绳出门。' },
    ],
  } as unknown as Product;
  const ctx = knowledgeCall(estate);

  it.each([
    '想了解一下，你们管理费一个平方每月收多少钱？停车位一个月多少钱？',
    '停车位租一个月啥价钱？还有那个管理费，按平米算要多少钱',
    '我打听下，管理费一平多少钱，另外车位月租多少钱',
  ])('answers both prices of "%s"', (line) => {
    const first = knowledgeAnswer(ctx, line)!;
    const all = [first, ...otherAnswers(ctx, line, first)].map((h) => h.question);
    expect(all.sort()).toEqual(['停车位怎么收费？', '管理费怎么收？']);
  });
});

describe('knowledgeAnswer: a question that only points back at what was said before it', () => {
  const storage = {
    name: 'BoxIt Storage',
    faq: [
      {
        question: 'Can I end my storage contract early?',
        answer: 'You can end it with 14 days notice; the month you are in is not refunded.',
      },
      { question: 'How does access work?', answer: 'Units are open 6am to 10pm with your PIN.' },
      { question: 'Is my stuff insured?', answer: 'Contents cover up to $2,000 is included.' },
    ],
  } as unknown as Product;
  const hall = {
    name: '邻里物业',
    faq: [
      { q: '装修押金怎么退？', a: '装修验收合格后15个工作日内原路退回押金。' },
      { q: '停车怎么收费？', a: '地面车位每月150元，地下车位每月300元。' },
    ],
  } as unknown as Product;

  it.each([
    'if I end my storage contract early, how does that work',
    'thinking of ending the contract early, what would that cost me, how does that work',
    'say I wanted to end the contract before the year is up, how does that work',
  ])('%j: answered by what the clause before names, not by the word of "how does that work"', (said) => {
    expect(knowledgeAnswer(knowledgeCall(storage), said)?.question).toBe(
      'Can I end my storage contract early?',
    );
  });

  it('clauses that all point back name no topic: nothing is answered', () => {
    expect(
      knowledgeAnswer(knowledgeCall(storage), 'how does that work, what is that gonna cost'),
    ).toBeUndefined();
  });

  it.each(['我家装修完了，押金那个咋算', '装修押金交了三千，这个怎么退'])('%s → 装修押金', (said) => {
    expect(knowledgeAnswer(knowledgeCall(hall), said)?.question).toBe('装修押金怎么退？');
  });

  it.each([
    ['how does that work', true],
    ['what is that gonna add on', true],
    ['那个咋算', true],
    ['can I send it back', false],
    ['how does access work', false],
    ['what does the insurance cost', false],
  ])('%j points back: %s', (clause, back) => {
    expect(pointsBack(clause)).toBe(back);
  });
});

describe('knowledgeAnswer: the same worker asked for again is asking to name one', () => {
  const movers = {
    name: '快搬搬家',
    faq: [
      { q: '可以指定师傅吗？', a: '下单时在“常用师傅”里勾选，师傅有空会优先安排。' },
      { q: '搬家怎么收费？', a: '小面包车每趟200元，含两名师傅。' },
      { q: '家具磕坏了怎么赔？', a: '48小时内报损，单件最高赔1000元。' },
    ],
  } as unknown as Product;
  const tutors = {
    name: 'TutorNow',
    faq: [
      {
        q: 'Can I request a specific tutor?',
        a: 'Mark a tutor as a favourite and we will offer them first.',
      },
      { q: 'How much is a lesson?', a: 'A 60-minute lesson is $40.' },
    ],
  } as unknown as Product;
  it.each([
    '上回那俩师傅挺好，下次还能叫他们来不？',
    '那我下回咋能还让他来啊',
    '以后搬家能不能再找上次那个师傅',
    '能不能每次都派同一个师傅',
  ])('%j → 可以指定师傅吗？', (said) => {
    expect(knowledgeAnswer(knowledgeCall(movers), said)?.question).toBe('可以指定师傅吗？');
  });
  it.each(['she was great, can I book her again next week?', 'can I get the same tutor as last time?'])(
    '%j → the tutor entry',
    (said) => {
      expect(knowledgeAnswer(knowledgeCall(tutors), said)?.question).toBe('Can I request a specific tutor?');
    },
  );
  it('a price question is still the price', () => {
    expect(knowledgeAnswer(knowledgeCall(movers), '小面包车跑一趟多少钱')?.question).toBe('搬家怎么收费？');
  });
});

describe('knowledgeAnswer: an entry found by how long alone is about something else', () => {
  const game = {
    name: '星港游戏',
    faq: [
      { q: '未成年人一周能玩多久？', a: '未成年人仅周五、周六、周日每天20:00-21:00可以登录，每天1小时。' },
      { q: '月卡用不完能顺延吗？', a: '到期未用完可以顺延一次，最长15天。' },
    ],
  } as unknown as Product;
  it('says nothing for a wait asked of no topic, rather than another entry', () => {
    expect(knowledgeAnswer(knowledgeCall(game), '那得等多久才能有个结果啊')).toBeUndefined();
  });
  it('reads the line whole when its question clause finds an entry by 多久 alone', () => {
    const hit = knowledgeAnswer(knowledgeCall(game), '月卡这个月用不完，能往后顺吗？能顺多久');
    expect(hit?.question).toContain('月卡');
  });
});

describe('knowledgeAnswer: a question that names its own topic after a clause about another', () => {
  const bank = {
    name: 'PennyCard',
    faq: [
      {
        question: 'Is there a monthly fee?',
        answer: 'The Standard plan has no monthly fee; Premium is $5 a month.',
      },
      { question: 'When does my direct deposit arrive?', answer: 'Up to two days before payday.' },
    ],
  } as unknown as Product;

  it('answers the question asked, not the clause before it', () => {
    const hit = knowledgeAnswer(
      knowledgeCall(bank),
      'So the card came today, and before I move my salary over, do you charge a monthly fee on Standard?',
    );
    expect(hit?.question).toBe('Is there a monthly fee?');
  });
});

describe('knowledgeAnswer: a clause naming only the product’s own thing answers nothing', () => {
  const shop = {
    name: '稳达电动维修',
    faq: [
      { q: '电动车丢了怎么办？', a: '买车首年送盗抢险，报案回执拿到店里登记。' },
      { q: '修一次要多久？', a: '一般3天修好，缺件会延长。' },
    ],
  } as unknown as Product;
  it('does not answer a story whose clause only names the 电动车 with the loss entry', () => {
    const said = '喂，我跟你讲，我那个红色的电动车，上礼拜就不走了，到现在也没个信儿';
    expect(knowledgeAnswer(knowledgeCall(shop), said)).toBeUndefined();
  });
  it('still answers a clause saying what happened to it', () => {
    expect(knowledgeAnswer(knowledgeCall(shop), '急死了，我那个电动车丢了')?.question).toBe(
      '电动车丢了怎么办？',
    );
  });
});
