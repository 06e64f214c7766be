import { describe, expect, it } from 'vitest';
import { composeReply } from './methodology-reply.js';

const parts = {
  ack: '听。',
  empathy: '懂。',
  apology: '歉。',
  resolve: ['办。'],
  ask: '问？',
  thank: '谢。',
};

describe('composeReply', () => {
  it.each([
    ['HEAR', '听。懂。歉。办。问？'],
    ['hear策略', '听。懂。歉。办。问？'],
    ['LAST', '听。歉。办。问？谢。'],
    ['LEARN', '听。懂。办。问？'],
    // HEART is not HEAR: one reading of methodology names, shared with mock and the LLM prompt.
    ['HEART', '听。懂。办。问？'],
    ['先安抚后解决', '听。懂。办。问？'],
  ])('orders a %s reply by its steps', (methodology, spoken) => {
    expect(composeReply(methodology, parts)).toBe(spoken);
  });
});
