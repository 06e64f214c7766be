import { describe, expect, it } from 'vitest';
import { TwoGenerationCache, textHash } from './_cache.js';

describe('TwoGenerationCache', () => {
  it('keeps a value only when its key is offered a second time', () => {
    const cache = new TwoGenerationCache<number>(8);
    expect(cache.offer('退款50元', 1)).toBe(false);
    expect(cache.get('退款50元')).toBeUndefined();
    expect(cache.offer('退款50元', 2)).toBe(true);
    expect(cache.get('退款50元')).toBe(2);
  });

  it('keeps every key of a working set smaller than its limit, whatever their hashes share', () => {
    const cache = new TwoGenerationCache<number>(1024);
    const keys = Array.from({ length: 600 }, (_, i) => `我要退款${i}块`);
    for (let round = 0; round < 2; round++) for (const [i, k] of keys.entries()) cache.offer(k, i);
    for (const [i, k] of keys.entries()) expect(cache.get(k)).toBe(i);
  });

  it('keeps keys offered in turn into one bucket of its table', () => {
    // Four keys whose hashes fall into the same bucket (a cache of 2 has 4 buckets).
    const cache = new TwoGenerationCache<string>(2);
    const bucket = (k: string): number => textHash(k) >>> (32 - 2);
    const keys = ['a0'];
    for (let i = 1; keys.length < 4; i++) if (bucket(`a${i}`) === bucket('a0')) keys.push(`a${i}`);
    for (const k of keys) expect(cache.offer(k, k)).toBe(false);
    for (const k of keys) expect(cache.offer(k, k)).toBe(true);
  });

  it('finds entries of the old generation after the young one filled, then drops them', () => {
    const cache = new TwoGenerationCache<number>(4);
    for (let i = 0; i < 4; i++) cache.set(`k${i}`, i);
    for (let i = 4; i < 8; i++) cache.set(`k${i}`, i);
    expect(cache.get('k1')).toBe(1);
    for (let i = 8; i < 16; i++) cache.set(`k${i}`, i);
    expect(cache.get('k2')).toBeUndefined();
    expect(cache.get('k15')).toBe(15);
  });
});

describe('textHash', () => {
  it('is never 0 and the same for equal texts', () => {
    for (const t of ['', 'a', '退款50元', 'reset my password']) expect(textHash(t)).not.toBe(0);
    expect(textHash(`退款${50}元`)).toBe(textHash('退款50元'));
  });
});
