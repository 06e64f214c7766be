import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, separators } from './_analyze.js';
import { COMPANY_ZH } from './_other-party-words.js';

// The boundaries as one expression (what `separatorAt` reads one character at a time): 和 and 跟
// before company the caller kept (跟朋友在…) or before what is asked of the caller (跟我要) are
// none, nor is 再 after a negation (别再).
const TO_ME = '[我咱]们?(?:说|讲|要|收|扣|联系|确认|解释|道歉|商量|沟通|打招呼|保证|承诺)';
const SEPARATORS = new RegExp(
  String.raw`[!?;:、\n…]+|(?<!\d)[,.]+|[,.]+(?!\d)|并且|而且|然后|以及|另外|还有|同时|顺便|并|(?:和|跟)(?!${COMPANY_ZH}|${TO_ME})|(?<![别不没甭莫])再|\b(?:and|then|also|plus|as well as)\b`,
  'g',
);

function byExpression(norm: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of norm.matchAll(SEPARATORS)) {
    const a = m.index;
    const b = a + m[0].length;
    if (m[0] === ':' && /\d/.test(norm[a - 1] ?? '') && /\d/.test(norm[b] ?? '')) continue;
    // amy.lee@example.org: a point between a word and a letter is inside a word.
    if (m[0] === '.' && /\w/.test(norm[a - 1] ?? '') && /[a-zA-Z]/.test(norm[b] ?? '')) continue;
    out.push([a, b]);
  }
  return out;
}

// Marks, digits, conjunctions in pieces and whole, and letters that spell the English ones.
const PIECES = [
  ',',
  '.',
  ':',
  '!',
  '?',
  ';',
  '、',
  '\n',
  '…',
  '1',
  '2',
  ' ',
  '并',
  '且',
  '而',
  '然',
  '后',
  '和',
  '跟',
  '再',
  '别',
  '不',
  '我',
  '要',
  '说',
  '以',
  '及',
  '退',
  '朋友',
  '在',
  'and',
  'then',
  'also',
  'plus',
  'as well as',
  'a',
  'n',
  'd',
  's',
  'x',
  '_',
  'A',
];

describe('separators', () => {
  it.each([
    ['退款60元然后注销账户', [[5, 7]]],
    ['退款1,000元,谢谢', [[8, 9]]],
    ['reset my password and unlock it', [[18, 21]]],
    ['14:00到', []],
    ['我跟朋友在九眼桥喝酒,借了个宝', [[10, 11]]],
    ['退款跟注销', [[2, 3]]],
    ['你们可别再跟我要啥改期费啊', []],
    [
      '有事和我们商量,先退款再注销',
      [
        [7, 8],
        [11, 12],
      ],
    ],
  ])('%s', (norm, expected) => {
    expect(separators(norm, [], [])).toEqual(expected);
  });

  it('finds what the one expression finds', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 16 }), (pieces) => {
        const norm = pieces.join('');
        expect(separators(norm, [], [])).toEqual(byExpression(norm));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('analyze: a request denied by 不 right before it', () => {
  const negated = (text: string) => analyze(text).requests.map((r) => [r.concept.id, r.negated]);

  it('reads 不找主管了 as no escalation asked', () => {
    expect(negated('算了算了，不退了，不找主管了')).toEqual([['speak_to_supervisor', true]]);
  });

  it("reads what the caller says they are not doing (I'm not complaining) as not asked", () => {
    expect(negated("I'm only ringing to ask, mind, I'm not complaining.")).toEqual([['complaint', true]]);
    expect(negated('I want to complain')).toEqual([['complaint', false]]);
  });

  it('still reads 帮我找主管 and 能不能退 as asked', () => {
    expect(negated('帮我找主管')).toEqual([['speak_to_supervisor', false]]);
    expect(negated('能不能退')).toEqual([['refund', false]]);
  });
});
