import { describe, expect, it } from 'vitest';
import { recordText } from './record-text.js';

describe('recordText', () => {
  it('joins what a record says besides the name and phone, nested fields too', () => {
    const text = recordText({
      name: '周敏',
      phone: '13900001234',
      background: '家里两只猫，豆豆和花卷',
      pets: [{ name: '豆豆' }],
    });
    expect(text).toContain('花卷');
    expect(text).toContain('豆豆');
    expect(text).not.toContain('周敏');
    expect(text).not.toContain('13900001234');
  });
});
