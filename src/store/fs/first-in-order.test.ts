import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FirstInOrder } from './first-in-order.js';

/** By the number only: items of one number tie, and their labels tell the order they kept. */
const byNumber = (a: [number, string], b: [number, string]) => a[0] - b[0];

describe('FirstInOrder', () => {
  it('keeps the first `count` of a stable sort of everything offered, whatever the count', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.string()), { maxLength: 60 }),
        fc.oneof(fc.integer({ min: 0, max: 70 }), fc.constant(Number.POSITIVE_INFINITY)),
        (items, count) => {
          const first = new FirstInOrder(count, byNumber);
          for (const item of items) first.offer(item);
          expect(first.items).toEqual([...items].sort(byNumber).slice(0, count));
          expect(first.offered).toBe(items.length);
        },
      ),
    );
  });

  it('keeps nothing with a count of 0', () => {
    const first = new FirstInOrder(0, byNumber);
    first.offer([1, 'a']);
    expect(first.items).toEqual([]);
    expect(first.offered).toBe(1);
  });
});
