import { describe, expect, it } from 'vitest';
import { stem } from './_words.js';

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
