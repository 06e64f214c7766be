import { describe, expect, it } from 'vitest';
import { formatAge } from './format-age.js';

describe('formatAge', () => {
  it.each([
    [0, '0秒 · 0 s'],
    [59.9, '59秒 · 59 s'],
    [185, '3分钟 · 3 min'],
    [3599, '59分钟 · 59 min'],
    [7200, '2小时 · 2 h'],
    [86_400, '1天 · 1 day'],
    [3 * 86_400 + 5, '3天 · 3 days'],
    [-5, '0秒 · 0 s'],
  ])('shows %d seconds as %s', (seconds, expected) => {
    expect(formatAge(seconds)).toBe(expected);
  });
});
