import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from './_normalize.js';

/** The mapping, one character at a time, as the module documents it. */
function reference(text: string): string {
  let out = '';
  for (const ch of text.split('')) {
    let c = ch.charCodeAt(0);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    else if ([0x3000, 0xa0, 0x2009, 0x202f].includes(c)) c = 0x20;
    else if (c === 0x3002) c = 0x2e;
    else if (c === 0xffe5) c = 0xa5;
    else if (c === 0x2018 || c === 0x2019) c = 0x27;
    else if (c === 0x201c || c === 0x201d) c = 0x22;
    else if (c === 0x2013 || c === 0x2014) c = 0x2d;
    else if (c === 0x301c) c = 0x7e;
    if (c >= 65 && c <= 90) c += 32;
    out += String.fromCharCode(c);
  }
  return out;
}

// Characters the mapping touches, and some it leaves alone.
const CHARS =
  'aZ 退款，。！？＜＞１２Ａｚ￥\u3000\u00a0\u2009\u202f\u2013\u2014\u2018\u2019\u201c\u201d\u301c$5';

describe('normalizeText', () => {
  it.each([
    ['退款１００元，谢谢。', '退款100元,谢谢.'],
    ['Reset MY Password', 'reset my password'],
    ['￥４５\u3000元', '¥45 元'],
    ['nothing to do', 'nothing to do'],
  ])('%s -> %s', (text, norm) => {
    expect(normalizeText(text)).toBe(norm);
  });

  it('maps every character as documented and keeps the length', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CHARS.split('')), { maxLength: 30 }), (chars) => {
        const text = chars.join('');
        const norm = normalizeText(text);
        expect(norm).toBe(reference(text));
        expect(norm.length).toBe(text.length);
      }),
    );
  });
});
