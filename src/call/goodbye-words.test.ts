import { describe, expect, it } from 'vitest';
import { isGoodbye, saysGoodbye } from './goodbye-words.js';

describe('goodbye words', () => {
  it.each([
    '好的谢谢，再见！',
    'ok cool, thats all',
    "that's all, cheers",
    '行，那就等你们消息吧',
    '那行，我再等等',
  ])('"%s" only says goodbye', (line) => {
    expect(isGoodbye(line)).toBe(true);
  });

  it.each(['拜拜之前再问一下，退款多久到账', 'thats all I wanted to ask, but when is my next bill'])(
    '"%s" says goodbye and asks something',
    (line) => {
      expect(saysGoodbye(line)).toBe(true);
      expect(isGoodbye(line)).toBe(false);
    },
  );

  it.each(['我要退款', 'cool, can you refund it'])('"%s" is no goodbye', (line) => {
    expect(saysGoodbye(line)).toBe(false);
  });
});
