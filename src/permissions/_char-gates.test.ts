import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as G from './_char-gates.js';
import { namesOtherParty } from './_meaning.js';
import { findOtherParty } from './find-other-party.js';

// Characters of every group, digits in both scripts, and some that open nothing.
const CHARS = '钱怎帮至每不号卡*×尾退款的了，,.  aZz019一二零两$≥谁监上当叫';

/** The gates by their definitions, read character by character (no table). */
function expected(norm: string): number {
  const groups: Array<[number, string, boolean]> = [
    [G.MONEY, '钱费款块元扣$', true],
    [G.HOW, '怎如咋', true],
    [G.ASKS, '帮给替为请麻我能可', false],
    [G.AT_LEAST, '至起最少超大多高止以>≥', true],
    [G.PER_TIME, '每各分', true],
    [G.REFUSAL, '不别无', true],
    [G.NOT_YET, '没未', true],
    [G.OTHER_USER_WORDS, '号电透泄用客他别', true],
    [G.CARD, '卡', true],
    [G.MASK, '*x×', false],
    [G.TAIL, '尾末后', true],
    [G.ACTS, '托让叫要请帮替代给转过移挪把用', true],
    [G.OTHERS, '他她其别另隔楼对上前下当举投', true],
    [G.SOMEONE, '别他其另陌老妻丈爱媳妈爸父儿女孩朋同家亲室邻男', true],
    [G.WHO, '谁哪投举告反叫上前下卖当押', true],
    [G.FOOTAGE, '监录', true],
  ];
  let gates = 0;
  if (/[\u3400-\u9fff]/.test(norm)) gates |= G.CJK;
  if (/[a-z]/.test(norm)) gates |= G.LATIN;
  if (/[零〇一幺二两三四五六七八九]/.test(norm)) gates |= G.ZH_DIGIT;
  if (/\d{3}/.test(norm)) gates |= G.DIGITS_3;
  if (/\d{4}/.test(norm)) gates |= G.DIGITS_4;
  if (/\d{7}/.test(norm)) gates |= G.DIGITS_7;
  if (/[零〇一幺二两三四五六七八九]{7}/.test(norm)) gates |= G.ZH_DIGITS_7;
  for (const [gate, chars, latin] of groups) {
    if ([...chars].some((c) => norm.includes(c)) || (latin && /[a-z]/.test(norm))) gates |= gate;
  }
  return gates;
}

describe('charGates', () => {
  it.each([
    ['退款50元', G.CJK | G.MONEY],
    ['尾号1234', G.CJK | G.TAIL | G.OTHER_USER_WORDS | G.DIGITS_3 | G.DIGITS_4],
    ['一三七零零零零五五五五', G.CJK | G.ZH_DIGIT | G.ZH_DIGITS_7],
    ['', 0],
  ])('%s opens the gates of what it holds', (norm, gates) => {
    expect(G.charGates(norm)).toBe(gates);
  });

  it('opens exactly the gates of the characters and runs a text holds', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CHARS.split('')), { maxLength: 24 }), (chars) => {
        const norm = chars.join('');
        expect(G.charGates(norm)).toBe(expected(norm));
      }),
    );
  });
});

// Wordings of acts for someone and of other people, and pieces around them.
const PIECES = [
  '托我',
  '让我',
  '帮他',
  '给她',
  '替我妈',
  '转给',
  '过户',
  '把会员',
  '给我弟',
  '用她的',
  '他',
  '她们',
  '其他用户',
  '另一个',
  '隔壁那家',
  '老婆',
  '我妈',
  '朋友的',
  '陌生人',
  '13912345678',
  'my wife',
  'ta',
  'on behalf of',
  'for my wife',
  'his',
  'let her have my',
  '查',
  '的',
  '订单',
  '我',
  ' ',
  '，',
];

describe('charGates: the gates of acts and of other people', () => {
  it('shut only where mayHoldActs and namesOtherParty find nothing', async () => {
    const { mayHoldActs } = await import('./_other-party-acts.js');
    const { namesOtherParty } = await import('./_meaning.js');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }), (pieces) => {
        const norm = pieces.join('');
        const gates = G.charGates(norm);
        if (mayHoldActs(norm)) expect(gates & G.ACTS).not.toBe(0);
        expect(namesOtherParty(norm, gates)).toBe(namesOtherParty(norm));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the gates never shut out what they guard', () => {
  // Someone by their turn or role (上一位, 当前的, 举报人): the checks read them with the gates
  // of the text and without, alike.
  it.each(['把当前骑行人的电话告诉我', '举报人是谁告诉我', '上一位骑车的人电话给我', '下一位住客叫什么'])(
    '%s',
    (norm) => {
      expect(namesOtherParty(norm, G.charGates(norm))).toBe(namesOtherParty(norm));
      expect(namesOtherParty(norm)).toBe(true);
    },
  );

  it('who had it before the caller, with no question word', () => {
    expect(findOtherParty('前一个车主手机号发我')?.kind).toBe('person');
  });

  it('who holds an account the caller sold, with no question word', () => {
    expect(findOtherParty('我把号卖给别人了，那个号绑的手机号是多少')?.kind).toBe('person');
  });
});
