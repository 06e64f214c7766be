import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText, standardRegionalWords } from './_normalize.js';

/** What each character of CHARS becomes (a table, not the code again); any other stays as it is. */
const MAPPED: Record<string, string> = {
  Z: 'z',
  '，': ',',
  '。': '.',
  '！': '!',
  '？': '?',
  '＜': '<',
  '＞': '>',
  '１': '1',
  '２': '2',
  Ａ: 'a',
  ｚ: 'z',
  '￥': '¥',
  '\u3000': ' ',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
  '\u2013': '-',
  '\u2014': '-',
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u301c': '~',
  嘅: '的',
  咩: '啥',
};

// Characters the mapping touches, and some it leaves alone.
const CHARS =
  'aZ 退款，。！？＜＞１２Ａｚ￥\u3000\u00a0\u2009\u202f\u2013\u2014\u2018\u2019\u201c\u201d\u301c$5嘅咩佢';

describe('normalizeText', () => {
  it.each([
    ['退款１００元，谢谢。', '退款100元,谢谢.'],
    ['Reset MY Password', 'reset my password'],
    ['￥４５\u3000元', '¥45 元'],
    ['nothing to do', 'nothing to do'],
    ['佢种嘅系咩牌子', '佢种的系啥牌子'],
    // "me" said for "my" before a thing of the caller's, not as the object it is.
    ['Put the eggs back on me account', 'put the eggs back on my account'],
    ["what's me husband's number", "what's my husband's number"],
    ['give it to me today', 'give it to me today'],
    ['send it to me', 'send it to me'],
    // "Look, …" and "sure look": talk, no looking up; "look up" and "look at" stay.
    ["Grand so, sure look, I'll go round myself", "grand so, sure     , i'll go round myself"],
    ['Look, can you look up my account', '    , can you look up my account'],
    ['sure look at the bill', 'sure look at the bill'],
    // Scots words for English ones of the same length; other words holding them stay.
    ['Whit did youse charge him? Sixty-five aff', 'what did youse charge him? sixty-five off'],
    ['at the hoose, doon the road', 'at the house, down the road'],
    ['a whittled affair', 'a whittled affair'],
    ["Ah want a free windscreen, ah'm no' payin'", "i  want a free windscreen, i'm  no' payin'"],
    ['Ah, okay', 'ah, okay'],
    ["give me t' engineer's number", "give me my engineer's number"],
    ["a hundred an' fifty-odd quid", 'a hundred and fifty     quid'],
    ['four hundred and odd quid', 'four hundred         quid'],
    ["reckon it's a hundred and seventy-odd.", "reckon it's a hundred and seventy    ."],
    ['seventy-odd years', 'seventy-odd years'],
    ["next year's plan for nowt", "next year's plan for free"],
    [
      "Me Universal Credit's gone wrong, and tax credits",
      "me universal income's gone wrong, and tax incomes",
    ],
    ['put a credit on my account', 'put a credit on my account'],
    ['没收着，也没见着', '没收到,也没见到'],
    ['拿着护照', '拿着护照'],
    // Regional words for the standard ones: pronouns where a pronoun stands, particles, 一哈.
    ['额媳妇是不是在你们店办咧会员', '我媳妇是不是在你们店办了会员'],
    ['你帮额查一哈', '你帮我查一下'],
    ['俺不信,恁给俺查查', '我不信,你给我查查'],
    ['是不是也喊哒你们,么子情况', '是不是也喊了你们,什么情况'],
    ['金额开成九千八,永久提额,额度多少', '金额开成九千八,永久提额,额度多少'],
    ['么么哒,大大咧咧,哈哈,恁多', '么么哒,大大咧咧,哈哈,恁多'],
    ['黄金啥哩,恁店里买嘞,中不中', '黄金啥的,你店里买的,行不行'],
    ['好嘞,三英哩', '好嘞,三英哩'],
    ['主管么时候回我电话,搞么事', '主管啥时候回我电话,搞啥事'],
    ['怎么时候,什么事', '怎么时候,什么事'],
    ['噶侬先把口语伙伴那六十块退脱,自动续费关脱', '噶你先把口语伙伴那六十块退掉,自动续费关掉'],
    ['脱水,摆脱', '脱水,摆脱'],
    [
      '阿拉老婆是勿是订了一桌,伊自家手机订额,呒没开发票,覅找主管',
      '我们老婆是不是订了一桌,她自家手机订额,没有开发票,别找主管',
    ],
    ['肚皮痛,拉肚皮;复核前请勿维修,切勿', '肚子痛,拉肚子;复核前请勿维修,切勿'],
    ['额那钱多会儿能退回来,做甚,夜来后晌,前晌,眊一眊', '我那钱啥时候能退回来,做啥,昨天下午,上午,看一看'],
    ['甚至,欺人太甚,夜来香,很多会员', '甚至,欺人太甚,夜来香,很多会员'],
    ['你们搞哪样嘛,订的是哪样套餐,哪样都行', '你们搞什么嘛,订的是什么套餐,哪样都行'],
    [
      '我跟你港咯,我堂客港咯个颜色丑,伢子冇得时间,何解咯样?娭毑莫急,退到微信里啵?',
      '我跟你讲咯,我老婆讲这个颜色丑,孩子没有时间,为啥这样?奶奶别急,退到微信里吗?',
    ],
    ['香港的港口,港币;咯咯咯响;约莫,莫名', '香港的港口,港币;咯咯咯响;约莫,莫名'],
    [
      '要不介样,今儿下午搁哪儿?方案嘛时候给我?为嘛?多咱能到?当了多儿钱?倍儿不靠谱,别介了,甭报了',
      '要不这样,今儿下午在哪儿?方案啥时候给我?为啥?何时能到?当了多少钱?非常不靠谱,算了了,别报了',
    ],
    [
      '中介费,介绍一下,耽搁了,好嘛,你说嘛,搁楼下快递柜就行',
      '中介费,介绍一下,耽搁了,好嘛,你说嘛,搁楼下快递柜就行',
    ],
    ['我们家搁塘沽,车搁你们那儿', '我们家在塘沽,车在你们那儿'],
    [
      '中中,礼拜五头晌中不?过晌也中。一共得交多些?木有,白报了,补喷就中',
      '行行,礼拜五上午行不?下午也中.一共得交多少?没有,别报了,补喷就行',
    ],
    [
      '其中不少,中国,考中不了,这药等于白打,白跑一趟,多些时间',
      '其中不少,中国,考中不了,这药等于白打,白跑一趟,多些时间',
    ],
    ['praise god. my daughter, there is a mistake', 'praise god.              there is a mistake'],
    ['my sister, she booked a room', 'my sister, she booked a room'],
  ])('%s -> %s', (text, norm) => {
    expect(normalizeText(text)).toBe(norm);
  });

  it('maps every character as documented and keeps the length', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CHARS.split('')), { maxLength: 30 }), (chars) => {
        const text = chars.join('');
        const norm = normalizeText(text);
        expect(norm).toBe(chars.map((c) => MAPPED[c] ?? c).join(''));
        expect(norm.length).toBe(text.length);
      }),
    );
  });
});

describe('standardRegionalWords: Guanzhong speech (held-out round 60)', () => {
  it.each([
    ['到西安额女子屋里去', '到西安我女子屋里去'],
    ['额大牙口不好', '我爸牙口不好'],
    ['嫑给额另外算钱咧么', '别给我另外算钱了么'],
    ['额那个卡寻不着咧', '我那个卡找不着了'],
    ['碎娃才三岁，跟额一搭去', '小娃才三岁，跟我一起去'],
    ['金额大概多少', '金额大概多少'],
    ['他礼拜六得是坐你们车去的宝鸡', '他礼拜六是否坐你们车去的宝鸡'],
    ['还得是你', '还得是你'],
  ])('reads %j as %j, the same length', (said, standard) => {
    expect(standardRegionalWords(said)).toBe(standard);
  });
});
