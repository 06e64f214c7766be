import { describe, expect, it } from 'vitest';
import { understandUtterance } from './understand-utterance.js';

const read = (text: string) => understandUtterance(text, /[\u4e00-\u9fff]/.test(text) ? 'zh' : 'en');

describe('understandUtterance', () => {
  it.each([
    '那这个订单要是取消的话扣钱吗',
    '取消要扣钱吗',
    '这个订单取消扣钱吗',
    'would I be charged if I cancel?',
    'is there a fee to cancel?',
  ])('reads %j as asking what a step costs, not as a charge dispute', (text) => {
    expect(read(text).chargeDispute).toBe(false);
  });

  it.each([
    '怎么扣了我钱',
    '为什么扣我15块',
    '你们乱收费',
    'why was I charged $15',
    '这个月扣费了吗',
    '我这个月话费咋多了十五块钱啊',
    'my bill went up this month for no reason',
  ])('reads %j as a charge dispute', (text) => {
    expect(read(text).chargeDispute).toBe(true);
  });

  it.each(['好的，就这些', '没有其他问题了，谢谢', "ok that's everything"])(
    'hears a goodbye in %j',
    (text) => {
      expect(read(text).goodbye).toBe(true);
    },
  );
});
