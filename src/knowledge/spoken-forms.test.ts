import { describe, expect, it } from 'vitest';
import { correctTypos, standardQuestionWords } from './spoken-forms.js';

describe('standardQuestionWords', () => {
  it('reads regional question words as the standard ones', () => {
    expect(standardQuestionWords('洗衣机修好要等好久嘛')).toBe('洗衣机修好要等多久嘛');
    expect(standardQuestionWords('退款一般好久能到账')).toBe('退款一般多久能到账');
    expect(standardQuestionWords('办个年卡要好多钱')).toBe('办个年卡要多少钱');
    expect(standardQuestionWords('寄到重庆收好多哦')).toBe('寄到重庆收多少哦');
    expect(standardQuestionWords('两种套餐价钱差好多')).toBe('两种套餐价钱差多少');
    expect(standardQuestionWords('你们这个咋个收费的')).toBe('你们这个怎么收费的');
    expect(standardQuestionWords('有没得啥子活动')).toBe('有没有什么活动');
  });

  it('leaves 好久 and 好多 that say a long time or a lot', () => {
    expect(standardQuestionWords('我等了好久了')).toBe('我等了好久了');
    expect(standardQuestionWords('好久没用过了')).toBe('好久没用过了');
    expect(standardQuestionWords('好多人都在用')).toBe('好多人都在用');
    expect(standardQuestionWords('扣了好多次')).toBe('扣了好多次');
  });

  it('keeps the length of the text', () => {
    const said = '咋个扣了我好多钱，好久退回来，啥子情况';
    expect(standardQuestionWords(said)).toHaveLength(said.length);
  });
});

describe('correctTypos', () => {
  const gym = '健身卡年费1200元，押金200元，退押金3个工作日到账；会员卡可在前台充值。';
  it('writes a homophone typo as the word the product uses', () => {
    expect(correctTypos('我想退压金', gym)).toBe('我想退押金');
    expect(correctTypos('会员卡冲值了没到账', gym)).toBe('会员卡充值了没到账');
    expect(correctTypos('年废好多钱', gym)).toBe('年费好多钱');
  });

  it('leaves words the caller meant as they are', () => {
    expect(correctTypos('压力好大，想办张卡', gym)).toBe('压力好大，想办张卡');
    expect(correctTypos('我其实就是问一下', gym)).toBe('我其实就是问一下');
    expect(correctTypos('定位不准', gym)).toBe('定位不准');
  });

  it('leaves English and text the product has no near word for', () => {
    expect(correctTypos('how long does the deposit take', gym)).toBe('how long does the deposit take');
    expect(correctTypos('门口鸭子好多', gym)).toBe('门口鸭子好多');
  });
});
