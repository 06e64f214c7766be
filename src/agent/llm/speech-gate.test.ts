import { describe, expect, it } from 'vitest';
import { joinSpoken, SpeechGate } from './speech-gate.js';

function gate(check: (t: string) => boolean = () => true, language: 'zh' | 'en' = 'zh', lead?: string) {
  const out: string[] = [];
  const g = new SpeechGate({
    emit: (t) => out.push(t),
    check,
    language,
    ...(lead === undefined ? {} : { lead }),
  });
  return { g, out };
}

describe('SpeechGate', () => {
  it("does not cut a sentence after a title's period", () => {
    const { g, out } = gate(() => true, 'en');
    g.push('Thanks, Mr. ');
    g.push('Zhang');
    expect(out).toEqual([]);
    g.push('. I will check.');
    expect(out).toEqual(['Thanks, Mr. Zhang.']);
  });

  it('lets text out only at the end of a sentence', () => {
    const { g, out } = gate();
    for (const piece of ['我查', '了一下。您的', '月费是15', '元。']) g.push(piece);
    expect(out).toEqual(['我查了一下。', '您的月费是15元。']);
  });

  it('does not cut at the period inside $15.00', () => {
    const { g, out } = gate(undefined, 'en');
    for (const piece of ['It is $15', '.00 a month. ', 'Want me to']) g.push(piece);
    expect(out).toEqual(['It is $15.00 a month.']);
    g.finish();
    expect(out.join('')).toBe('It is $15.00 a month. Want me to');
  });

  it('stops at the first sentence the check refuses and keeps the clean prefix', () => {
    const { g, out } = gate((t) => !t.includes('已退款'));
    for (const piece of ['好的。', '已退款。', '还有别的吗？']) g.push(piece);
    expect(out).toEqual(['好的。']);
    expect(g.emitted).toBe('好的。');
    expect(g.text).toBe('好的。已退款。还有别的吗？');
  });

  it('lets everything out on finish, held-back sentences included', () => {
    let strict = true;
    const { g, out } = gate(() => !strict);
    g.push('月费15元。');
    expect(out).toEqual([]);
    strict = false;
    g.finish();
    expect(out).toEqual(['月费15元。']);
  });

  it('puts a space between English steps and a lead before the first sentence', () => {
    const { g, out } = gate(undefined, 'en', ' ');
    g.push('Let me check.');
    g.stepBoundary();
    g.push('It is active.');
    g.finish();
    expect(out).toEqual([' ', 'Let me check.', ' It is active.']);
    expect(g.text).toBe('Let me check. It is active.');
  });
});

describe('joinSpoken', () => {
  it.each([
    ['', 'b', 'en', 'b'],
    ['a.', 'b', 'en', 'a. b'],
    ['好。', '好', 'zh', '好。好'],
    ['a ', 'b', 'en', 'a b'],
  ] as const)('joins %j and %j in %s', (a, b, language, joined) => {
    expect(joinSpoken(a, b, language)).toBe(joined);
  });
});
