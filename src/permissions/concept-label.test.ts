import { describe, expect, it } from 'vitest';
import { CONCEPTS } from './_lexicon.js';
import { conceptLabel, findActionRequests } from './index.js';

describe('conceptLabel', () => {
  it.each([
    ['refund', '退款', 'refund'],
    ['cancel_auto_renew', '取消自动续费', 'cancel auto-renewal'],
    ['close_account', '注销账户', 'account closure'],
    ['other_user_info', '查询其他用户信息', "other customers' information"],
  ])('names %s in Chinese and English', (id, zh, en) => {
    expect(conceptLabel(id, 'zh')).toBe(zh);
    expect(conceptLabel(id, 'en')).toBe(en);
  });

  it('names every concept of the lexicon in both languages', () => {
    for (const c of CONCEPTS) {
      expect(conceptLabel(c.id, 'zh')).toMatch(/[\u4e00-\u9fff]/);
      expect(conceptLabel(c.id, 'en')).toMatch(/^[a-z]/);
    }
  });

  it('gives labels the engine reads back as the same concept (agents check actions by label)', () => {
    for (const c of CONCEPTS) {
      for (const lang of ['zh', 'en'] as const) {
        const label = conceptLabel(c.id, lang);
        expect(
          findActionRequests(label).map((r) => r.concept),
          label,
        ).toEqual([c.id]);
      }
    }
  });

  it('shows an unknown id readably', () => {
    expect(conceptLabel('gift_points', 'en')).toBe('gift points');
  });
});
