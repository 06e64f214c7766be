import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as W from './_other-party-words.js';
import { personMatchesIn } from './find-other-party.js';

/** The places the expression matches when read at every place (global). */
function everywhere(re: RegExp, text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(new RegExp(re.source, 'g'))) out.push(m.index, m.index + m[0].length);
  return out;
}

// Characters of people, roles, pronouns, surnames, titles and given names, and some of neither.
const CHARS = [
  ...new Set(
    [
      ...W.PEOPLE_ZH.slice(0, 40),
      ...W.ROLES_ZH,
      '他她们ta其吉',
      W.SURNAMES.slice(0, 12),
      '老小先生女士经理总',
      '的订单手机号雪伟明',
    ].join(''),
  ),
].filter((c) => !'()?!'.includes(c));

describe('findOtherParty: people and names read where they can start', () => {
  it('finds the places the expressions find when read at every place', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CHARS), { maxLength: 14 }), (chars) => {
        const text = chars.join('');
        const { found, refZh, fullName } = personMatchesIn(text);
        expect(found.refs).toEqual(everywhere(refZh, text));
        expect(found.names).toEqual(everywhere(fullName, text));
      }),
      { numRuns: 5000 },
    );
  });
});
