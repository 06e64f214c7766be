import { describe, expect, it } from 'vitest';
import { correctTypos, standardSpokenForms } from './spoken-forms.js';

describe('standardSpokenForms', () => {
  it('reads regional question words as the standard ones', () => {
    expect(standardSpokenForms('洗衣机修好要等好久嘛')).toBe('洗衣机修好要等多久嘛');
    expect(standardSpokenForms('退款一般好久能到账')).toBe('退款一般多久能到账');
    expect(standardSpokenForms('办个年卡要好多钱')).toBe('办个年卡要多少钱');
    expect(standardSpokenForms('寄到重庆收好多哦')).toBe('寄到重庆收多少哦');
    expect(standardSpokenForms('两种套餐价钱差好多')).toBe('两种套餐价钱差多少');
    expect(standardSpokenForms('你们这个咋个收费的')).toBe('你们这个怎么收费的');
    expect(standardSpokenForms('有没得啥子活动')).toBe('有没有什么活动');
  });

  it('reads Hunan and South-western words as the standard ones', () => {
    expect(standardSpokenForms('到底花了几多，你退把我咯')).toBe('到底花了多少，你退给我咯');
    expect(standardSpokenForms('屋里伢子么子时候充的')).toBe('屋里孩子什么时候充的');
    expect(standardSpokenForms('我的号遭偷了，莫让他再登了')).toBe('我的号被偷了，别让他再登了');
    expect(standardSpokenForms('那个号卖给别个了，他几大年纪')).toBe('那个号卖给别人了，他多大年纪');
    // 把 before what is done to it stays: 把号锁了.
    expect(standardSpokenForms('你把我号锁了')).toBe('你把我号锁了');
  });

  it('leaves 好久 and 好多 that say a long time or a lot', () => {
    expect(standardSpokenForms('我等了好久了')).toBe('我等了好久了');
    expect(standardSpokenForms('好久没用过了')).toBe('好久没用过了');
    expect(standardSpokenForms('好多人都在用')).toBe('好多人都在用');
    expect(standardSpokenForms('扣了好多次')).toBe('扣了好多次');
  });

  it('keeps the length of the text', () => {
    const said = '咋个扣了我好多钱，好久退回来，啥子情况';
    expect(standardSpokenForms(said)).toHaveLength(said.length);
  });

  it('reads Scots, Geordie and Irish forms of English words as the standard ones, of the same length', () => {
    const said =
      "So take that thirty quid aff an' tell me whit she owes. Naebody telt me, I cannae pay ma bill";
    const read = standardSpokenForms(said);
    expect(read).toContain('take that thirty quid off');
    expect(read).toContain('tell me what she owes');
    expect(read).toContain('nobody  told me, I cannot pay my bill');
    expect(read).toHaveLength(said.length);
    expect(standardSpokenForms('do the same for wor Keith, can yous cancel it')).toBe(
      'do the same for our Keith, can you  cancel it',
    );
  });

  it("reads me as my before kin or a thing of one's own, not after a verb it is the object of", () => {
    expect(standardSpokenForms("Me dad's booked one, and me drive's full")).toBe(
      "my dad's booked one, and my drive's full",
    );
    expect(standardSpokenForms("tell me dad's number")).toBe("tell me dad's number");
    expect(standardSpokenForms("he's me brother-in-law")).toBe("he's my brother-in-law");
    expect(standardSpokenForms('give me the card')).toBe('give me the card');
  });

  it('reads Shanghai 伊 before what someone has or does as 她 and 拨 before whom as 给, not inside a name', () => {
    expect(standardSpokenForms('伊屋里滤芯换过伐')).toBe('她屋里滤芯换过伐');
    expect(standardSpokenForms('伊利牛奶')).toBe('伊利牛奶');
    expect(standardSpokenForms('租金侬要全部退拨我')).toBe('租金侬要全部退给我');
    expect(standardSpokenForms('拨打电话')).toBe('拨打电话');
  });

  it('leaves English words that only look like them', () => {
    expect(standardSpokenForms('my mum, ma, is at the ower-the-counter desk in Oot Street')).toContain('ma,');
    expect(standardSpokenForms('a tower of boxes')).toBe('a tower of boxes');
  });
});

describe('correctTypos', () => {
  const gym = '健身卡年费1200元，押金200元，退押金3个工作日到账；会员卡可在前台充值。';
  it('writes a homophone typo as the word the product uses', () => {
    expect(correctTypos('我想退压金', gym)).toBe('我想退押金');
    expect(correctTypos('会员卡冲值了没到账', gym)).toBe('会员卡充值了没到账');
    expect(correctTypos('年废好多钱', gym)).toBe('年费好多钱');
  });

  it('leaves words the caller meant as they are', () => {
    expect(correctTypos('压力好大，想办张卡', gym)).toBe('压力好大，想办张卡');
    expect(correctTypos('我其实就是问一下', gym)).toBe('我其实就是问一下');
    expect(correctTypos('定位不准', gym)).toBe('定位不准');
  });

  it('leaves English and text the product has no near word for', () => {
    expect(correctTypos('how long does the deposit take', gym)).toBe('how long does the deposit take');
    expect(correctTypos('门口鸭子好多', gym)).toBe('门口鸭子好多');
  });
});

describe('correctTypos: words said as meant', () => {
  it('推到礼拜日 puts a booking off, though the product speaks of 退到 a card', () => {
    const product = '月卡想退的话，退款会退到原支付账户';
    expect(correctTypos('我那单想推到礼拜日', product)).toBe('我那单想推到礼拜日');
    expect(correctTypos('我想推迟一天', product)).toBe('我想推迟一天');
  });
});

describe('standardSpokenForms: Cantonese words in Mandarin', () => {
  it.each([
    ['我嗰单可唔可以改到听日？', '我那单可不可以改到听日？'],
    ['佢系边个？', '他是哪个？'],
    ['我哋小区边家都请佢', '我们小区哪家都请他'],
    ['改期得唔得啊，仲有几日', '改期行不行啊，还有几日'],
    ['联系电话系统', '联系电话系统'],
  ])('%j reads as %j', (said, read) => {
    expect(standardSpokenForms(said)).toBe(read);
    expect(standardSpokenForms(said).length).toBe(said.length);
  });
});

describe('standardSpokenForms: Hunan 哒 and 是好多', () => {
  it('reads 哒 after a verb as 了 and 是好多 at a clause end as 是多少, of the same length', () => {
    expect(standardSpokenForms('那算哒算哒，不退哒')).toBe('那算了算了，不退了');
    expect(standardSpokenForms('他新登记的号码是好多？')).toBe('他新登记的号码是多少？');
    expect(standardSpokenForms('么么哒，哒哒哒')).toBe('么么哒，哒哒哒');
    expect(standardSpokenForms('是好多人说的')).toBe('是好多人说的');
  });
});

describe('standardSpokenForms: Henan 俺 and 恁', () => {
  it('reads 俺 as 我 and 恁 as 你, not 恁么', () => {
    expect(standardSpokenForms('恁给俺说说，修好没有')).toBe('你给我说说，修好没有');
    expect(standardSpokenForms('咋恁么慢')).toBe('咋恁么慢');
  });
});

describe('standardSpokenForms: 恁 meaning so', () => {
  it('keeps 恁多 and 恁贵 (so much, so dear) as said', () => {
    expect(standardSpokenForms('咋恁贵哩，恁多钱')).toBe('咋恁贵哩，恁多钱');
  });
});

describe('standardSpokenForms: Cantonese 俾, 隔篱 and 个 before what someone has', () => {
  it('reads 你俾屋主个电话我 as 你给屋主的电话我, and 隔篱 as 隔壁', () => {
    expect(standardSpokenForms('你俾屋主个电话我啦')).toBe('你给屋主的电话我啦');
    expect(standardSpokenForms('隔篱屋琴晚响咗好耐')).toBe('隔壁屋琴晚响了好耐');
  });
});

describe('standardSpokenForms: Jamaican mi and unno', () => {
  it('reads mi as I before a verb and my before a thing, keeping the length', () => {
    const said = 'Mi want mi sixty pound back. Unno tek it two time.';
    const standard = standardSpokenForms(said);
    expect(standard).toBe('I  want my sixty pound back. you  tek it two time.');
    expect(standard.length).toBe(said.length);
  });
});

describe('standardSpokenForms: Cantonese no need, thanks and forget it', () => {
  it('reads 唔使, 唔该晒 and a closing 算数 as 不用, 谢谢了 and 算了', () => {
    expect(standardSpokenForms('饭钱嗰样你都唔使同主管讲啦，算数。唔该晒，拜拜。')).toBe(
      '饭钱那样你都不用同主管讲啦，算了。谢谢了，拜拜。',
    );
    expect(standardSpokenForms('呢个唔算数')).toBe('呢个不算数');
  });
});
