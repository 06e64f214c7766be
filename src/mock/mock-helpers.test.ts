import { base, Faker, zh_CN } from '@faker-js/faker';
import { describe, expect, it } from 'vitest';
import { CsError } from '../domain/cs-error.js';
import { claimUniqueName, fillPlaceholders, sampleInOrder } from './mock-helpers.js';

describe('fillPlaceholders', () => {
  it.each([
    ['退款<{refund}元', '退款<100元'],
    ['refund < {$refund}', 'refund < $100'],
    ['{brand}的会员', '星河视频的会员'],
    ['/api/user/{user_id}', 'error'],
  ])('fills %j', (text, expected) => {
    const values = { refund: 100, brand: '星河视频' };
    if (expected === 'error') {
      expect(() => fillPlaceholders(text, values)).toThrow(CsError);
    } else {
      expect(fillPlaceholders(text, values)).toBe(expected);
    }
  });
});

describe('sampleInOrder', () => {
  it('keeps the pool order and stays within the bounds', () => {
    const faker = new Faker({ locale: [zh_CN, base] });
    faker.seed(3);
    const pool = [0, 1, 2, 3, 4, 5, 6, 7];
    for (let i = 0; i < 50; i++) {
      const sample = sampleInOrder(faker, pool, 3, 5);
      expect(sample.length).toBeGreaterThanOrEqual(3);
      expect(sample.length).toBeLessThanOrEqual(5);
      expect(sample).toEqual([...sample].sort((a, b) => a - b));
      expect(new Set(sample).size).toBe(sample.length);
    }
  });

  it('takes the whole pool when it is smaller than the minimum', () => {
    const faker = new Faker({ locale: [zh_CN, base] });
    faker.seed(1);
    expect(sampleInOrder(faker, ['a', 'b'], 3, 4)).toEqual(['a', 'b']);
  });
});

describe('claimUniqueName', () => {
  it('takes the first free candidate, then numbers the last one', () => {
    const taken = new Set(['A', 'B']);
    expect(claimUniqueName(['A', 'B', 'C'], taken)).toBe('C');
    expect(claimUniqueName(['A', 'B', 'C'], taken)).toBe('C-2');
    expect(claimUniqueName(['A'], taken)).toBe('A-2');
    expect(taken).toEqual(new Set(['A', 'B', 'C', 'C-2', 'A-2']));
  });
});
