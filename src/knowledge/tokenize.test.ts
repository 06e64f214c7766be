import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stem, tokenize } from './tokenize.js';

describe('tokenize', () => {
  it.each([
    ['How do I turn off auto-renewal?', ['turn', 'off', 'auto', 'renew']],
    ['How long does a refund take?', ['long', 'refund', 'tak']],
    [
      'Refunds go back within 1 to 3 business days.',
      ['refund', 'go', 'back', 'within', '1', '3', 'busines', 'day'],
    ],
    ["It's 4K", ['4k']],
    ['ＡＰＰ１２３', ['app123']],
    ['想问下会员怎么取消自动续费', ['会员', '取消', '自动', '动续', '续费']],
    ['几台设备', ['几台', '设备']],
  ])('turns %j into %j', (text, terms) => {
    expect(tokenize(text)).toEqual(terms);
  });

  it.each([
    // [text, terms it must give, terms it must not give]
    ['如何取消会员自动续费？', ['取消', '会员', '自动', '续费'], ['如何', '？', '消会']],
    ['退款多久到账？', ['退款', '多久', '到账'], ['？']],
    ['原路退回，一般1到3个工作日到账。', ['原路', '退回', '1', '3', '工作', '到账'], ['，', '。', '个']],
    ['打开App，进入我的-会员中心', ['打开', 'app', '进入', '会员', '中心'], ['我的', '-']],
    ['为什么扣了我的钱', ['扣', '钱'], ['为什么', '了', '我', '的']],
    ['高清与4K画质', ['高清', '4k', '画质'], ['与']],
    ['还有，我后头又买了三包', ['三包'], ['还有']],
  ])('finds the words of %j and drops its punctuation and stop words', (text, present, absent) => {
    const terms = tokenize(text);
    expect(terms).toEqual(expect.arrayContaining(present));
    for (const term of absent) expect(terms).not.toContain(term);
  });

  it.each([
    // [caller's words, the product's words they must share a term with]
    ['屋里一股怪味儿', '有怪味'],
    ['闻着有股焦糊味儿', '焦糊味'],
    ['帮我换个灯泡儿', '灯泡怎么更换'],
  ])('drops the 儿 Northern speech adds: %j meets %j', (said, written) => {
    expect(tokenize(said).some((t) => tokenize(written).includes(t))).toBe(true);
  });

  it.each([
    // [caller's words, the FAQ's words they must share a term with, beyond the rest of the line]
    ['过年你们开到哪天？', '过年开不开门？'],
    ['礼拜六你们开门吧？', '门店几点营业？'],
    ['那送的那五百块也退么？', '赠送的钱能退吗？'],
  ])('reads %j as the FAQ question %j asks it', (said, written) => {
    const asked = new Set(tokenize(said));
    expect(
      tokenize(written).filter((t) => asked.has(t) && t !== '过年' && t !== '退').length,
    ).toBeGreaterThan(0);
  });

  it('reads a device moved to a new home (能给挪过去不, 再挪) as the 移机 an FAQ asks, not a date moved', () => {
    for (const said of ['你们能给挪过去不', '那回再挪还免费不'])
      expect(tokenize(said), said).toContain('移机');
    expect(tokenize('能挪到下周吗')).not.toContain('移机');
  });

  it.each([['女儿'], ['婴儿'], ['幼儿园']])('keeps the 儿 of %j, which is the word’s own', (text) => {
    expect(tokenize(text).join('')).toContain('儿');
  });

  it.each([
    ['坏了能赔多少', '赔'],
    ['这单能退多少钱', '退'],
    ['还得等多久', '等'],
  ])('keeps the verb asked how much or how long of %j (%s) as a term of its own', (text, verb) => {
    expect(tokenize(text)).toContain(verb);
  });

  it.each([
    ['do I have to fill up the gas before I drop it off', 'What is the fuel policy?'],
    ['is petrol included', 'Fuel: return the van with a full tank'],
    ['gasoline charge on my receipt', 'refuelling and fuel charges'],
  ])('reads gas and petrol as the fuel a rental writes: %j meets %j', (said, written) => {
    expect(tokenize(said)).toContain('fuel');
    expect(tokenize(written)).toContain('fuel');
  });

  it.each([['my husband wants to drive too'], ['can my girlfriend be on the booking'], ['my wife and I']])(
    'reads a boyfriend, wife or husband in %j as the partner a policy speaks of',
    (said) => {
      expect(tokenize(said)).toContain('partner');
    },
  );

  it.each([["so what's the damage"], ['whats the damage for the week, roughly']])(
    'reads %j as asking the total, not about damage',
    (said) => {
      expect(tokenize(said)).toContain('total');
      expect(tokenize(said)).not.toContain('damag');
    },
  );

  it('drops spoken contractions written without their apostrophe', () => {
    expect(tokenize('whats gonna happen if yall dont have it, hed said')).toEqual(['happen', 'hav', 'said']);
  });

  it('reads how something is charged and places left in the words an FAQ and a schedule use', () => {
    expect(tokenize('小孩子怎么算钱的')).toEqual(expect.arrayContaining(tokenize('小孩怎么收费')));
    expect(tokenize('周末那几天还有没有位置')).toContain('余位');
    expect(tokenize('酒店的位置在哪')).not.toContain('余位');
  });

  it('reads work finished (完工, 交工) as the 竣工 a contract writes', () => {
    expect(tokenize('到底哪天能完工')).toContain('竣工');
    expect(tokenize('月底交工吗')).toContain('竣工');
  });

  it('reads 交电费 and 交费 as the 缴费 a utility’s records write', () => {
    expect(tokenize('我在手机上交电费')).toContain('缴费');
    expect(tokenize('我在手机上交电费')).toContain('电费');
    expect(tokenize('交费')).toEqual(tokenize('缴费'));
    expect(tokenize('交通费')).not.toContain('缴费');
  });

  it('reads 煤气 and 天然气 as the 燃气 a utility writes', () => {
    expect(tokenize('煤气味')).toEqual(tokenize('燃气味'));
    expect(tokenize('天然气费')).toEqual(tokenize('燃气费'));
  });

  it.each(['', '你好', '您好，谢谢！', '的了吗呢', 'thanks', 'Hi, how do I ...?', '？！，。…… ---'])(
    'gives nothing for %j, which has no topic words',
    (text) => {
      expect(tokenize(text)).toEqual([]);
    },
  );

  it.each([['取消自动续费'], ['关闭自动续费'], ['自动续费可随时关闭']])(
    'lets 自动续费 match %j through shared bigrams',
    (text) => {
      expect(tokenize(text)).toEqual(expect.arrayContaining(tokenize('自动续费')));
    },
  );

  it('keeps characters outside the BMP whole', () => {
    expect(tokenize('𠀀侮')).toEqual(['𠀀侮']);
  });

  it('keeps repeats, so term frequency counts', () => {
    expect(tokenize('退款 退款').filter((term) => term === '退款')).toHaveLength(2);
  });

  it('gives only non-empty lower-case terms without spaces or punctuation, the same each time', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const terms = tokenize(text);
        for (const term of terms) {
          expect(term).toMatch(/^[\p{L}\p{N}]+$/u);
          expect(term).toBe(term.toLowerCase());
        }
        expect(tokenize(text)).toEqual(terms);
      }),
    );
  });

  it('handles mixed Chinese and English text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('会员', '退款', 'refund', 'App', '，', ' ', '自动续费', '4K', '？'), {
          maxLength: 12,
        }),
        (parts) => {
          const terms = tokenize(parts.join(''));
          if (parts.includes('退款')) expect(terms).toContain('退款');
          if (parts.includes('refund') && !/[a-z\d]refund|refund[a-z\d]/i.test(parts.join(''))) {
            expect(terms).toContain('refund');
          }
        },
      ),
    );
  });
});

describe('stem', () => {
  it.each([
    ['renewal', 'renew'],
    ['renewed', 'renew'],
    ['renewing', 'renew'],
    ['renew', 'renew'],
    ['refunds', 'refund'],
    ['refund', 'refund'],
    ['charges', 'charg'],
    ['charged', 'charg'],
    ['charging', 'charg'],
    ['cancelled', 'cancel'],
    ['canceled', 'cancel'],
    ['cancel', 'cancel'],
    ['billing', 'bil'],
    ['bill', 'bil'],
    ['policies', 'policy'],
    ['devices', 'devic'],
    ['device', 'devic'],
    ['need', 'need'],
    ['4k', '4k'],
  ])('stems %s to %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});

describe('tokenize: callers’ words for the same thing', () => {
  it('reads moving to a smaller plan as downgrading', () => {
    for (const said of ['if I drop down to the cheaper plan', 'switching to a cheaper plan', 'stepping down'])
      expect(tokenize(said)).toContain(tokenize('downgrade')[0]);
  });
});

describe('tokenize: a weekend and work on a home in callers’ words', () => {
  it.each([
    ['礼拜天能不能装修', '周末'],
    ['星期六星期天', '周末'],
    ['周六周日也赶赶', '周末'],
    ['双休日', '周末'],
    ['能干活不', '施工'],
    ['几号开工', '施工'],
  ])('%s holds %s', (said, term) => {
    expect(tokenize(said)).toContain(term);
  });

  it('drops the pro-verbs 弄 and 搞: 好弄 says nothing of the topic', () => {
    expect(tokenize('礼拜天好弄吗')).toEqual(['周末']);
    expect(tokenize('搞')).toEqual([]);
  });
});

describe('tokenize: a year, what it runs to, and the paperwork, in callers’ words', () => {
  it('reads a whole year as annual, and what it will run me to as how much', () => {
    expect(tokenize("What's a whole year gonna run me for a boat that size?")).toEqual(
      expect.arrayContaining(tokenize('annual boat size')),
    );
    expect(tokenize('what will it set me back')).not.toContain(tokenize('set')[0]);
  });
  it('reads paperwork as the documents needed, and drops a list trailing off', () => {
    const terms = tokenize('Is there any kinda paperwork I gotta have - insurance and whatnot?');
    expect(terms).toEqual(expect.arrayContaining(tokenize('need documents insurance')));
    expect(terms).not.toContain('whatnot');
  });
});
