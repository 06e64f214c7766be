import { describe, expect, it } from 'vitest';
import { isGoodbye, saysGoodbye } from './goodbye-words.js';

describe('goodbye words', () => {
  it.each([
    '好的谢谢，再见！',
    'ok cool, thats all',
    "that's all, cheers",
    '行，那就等你们消息吧',
    '那行，我再等等',
    // South-western speech: 要得 agrees, the particles add nothing, and thanks name who helped.
    '要得要得，麻烦你了哈，我挂了哈',
    '好嘛好嘛，谢谢师傅，拜拜',
    '晓得了，辛苦你了，就这样嘛',
    // Shanghai speech: 再会 is goodbye.
    '好好好，晓得了，再会。',
    // West African English: God bless closes a call, and t'ank you is thank you.
    "Alright, t'ank you, ma. God bless you.",
  ])('"%s" only says goodbye', (line) => {
    expect(isGoodbye(line)).toBe(true);
  });

  it.each([
    '拜拜之前再问一下，退款多久到账',
    '要得，那顺便把卡也给我停了，拜拜',
    'thats all I wanted to ask, but when is my next bill',
  ])('"%s" says goodbye and asks something', (line) => {
    expect(saysGoodbye(line)).toBe(true);
    expect(isGoodbye(line)).toBe(false);
  });

  it.each([
    '我要退款',
    'cool, can you refund it',
    'take care of it please',
    'I just want his payments stopping, so nothing else goes out of his account.',
  ])('"%s" is no goodbye', (line) => {
    expect(saysGoodbye(line)).toBe(false);
  });

  it.each([
    "Well that's mighty fine. Y'all have a good one now.",
    'Cheers then, take care',
    'Ta-ra pet',
    'see ya',
    // New Zealand: choice (great), bro, catch ya.
    "Choice, that's all I need. Cheers bro, catch ya.",
    'Sweet as, ta bro, catch ya',
    'Nothing else, thanks',
  ])('"%s" says goodbye in everyday words, and only that', (line) => {
    expect(isGoodbye(line)).toBe(true);
  });
});

describe('saysGoodbye: a question pressed', () => {
  it.each([
    "At least tell me if he's on your bus or not - yes or no, that's all I'm asking.",
    "That's all I want to know, is it on or not?",
    "Thank you, God bless you. Tomorrow she's at the hospital, so tell the driver not to come.",
  ])('hears no goodbye in %j', (said) => {
    expect(saysGoodbye(said)).toBe(false);
  });
  it('still hears one in "that\'s all, thanks, bye"', () => {
    expect(saysGoodbye("that's all, thanks")).toBe(true);
  });
});
