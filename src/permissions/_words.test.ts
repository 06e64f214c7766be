import { describe, expect, it } from 'vitest';
import { contentWords, stem } from './_words.js';

describe('stem', () => {
  it('gives a verb before -ing or -ed the form it has alone', () => {
    for (const [said, alone] of [
      ['giving', 'give'],
      ['shared', 'share'],
      ['closing', 'close'],
      ['writing', 'write'],
      ['transferred', 'transfer'],
      ['shipping', 'ship'],
      ['booked', 'book'],
      ['opened', 'open'],
      ['reading', 'read'],
      ['fixed', 'fix'],
    ])
      expect(stem(said!), said).toBe(stem(alone!));
  });
});

describe('contentWords', () => {
  it("leaves out what a possessive leaves once its count is read as the limit (one extra day's)", () => {
    expect(contentWords("waive 's late-return charge").en).not.toContain('s');
  });

  it('keeps the person the segmenter cuts off with the word it is the agent of (持有|人)', () => {
    const { zh } = contentWords('账户持有人本人来电挂失设备');
    expect(zh).toContain('持有人');
    expect(zh).not.toContain('人');
    expect(contentWords('在小程序完成人脸核验').zh).toContain('人脸');
  });
});
