import { describe, expect, it } from 'vitest';
import { findActionRequests } from './index.js';

describe('refund in the lexicon: "give me … back" with an amount in pounds or euros', () => {
  it.each([
    ['give me 15 quid back', '15 quid'],
    ['give me my 15 pounds back', '15 pounds'],
    ['give me £15 back', '£15'],
    ['give me 15 euros back', '15 euros'],
    ['give me the €15 back', '€15'],
  ])('finds a refund of %j', (action, amount) => {
    expect(findActionRequests(action).map((r) => [r.concept, r.quantity?.text])).toEqual([
      ['refund', amount],
    ]);
  });

  it('finds nothing given back that is no money', () => {
    expect(findActionRequests('give me the 15 oars back')).toEqual([]);
  });
});

describe('the lexicon: money given back in Cantonese', () => {
  it('reads 退返 (give back) as a refund', () => {
    expect(findActionRequests('上次多收咗嗰笔，退返畀我啦').map((r) => r.concept)).toContain('refund');
  });
});

describe('the lexicon: asking for a supervisor', () => {
  const asks = (said: string) => findActionRequests(said).some((r) => r.concept === 'speak_to_supervisor');

  it('reads a supervisor asked for', () => {
    expect(asks('转人工')).toBe(true);
    expect(asks('叫你们经理来')).toBe(true);
    expect(asks('让你们领导给我回个电话')).toBe(true);
  });

  it('reads no supervisor asked for in their approval talked about or hurried along', () => {
    expect(asks('要是主管不批，我的定金是不是就没了')).toBe(false);
    expect(asks('那你让你们领导快着点儿，我礼拜天的车')).toBe(false);
  });

  it("reads no supervisor asked for in the caller's own manager, who will ring the business", () => {
    expect(asks('行吧行吧，说不通，那我让王经理自个儿给你们打。')).toBe(false);
    expect(asks('我叫我们经理跟你们联系')).toBe(false);
  });
});

describe('the lexicon: a package changed, not a session within it moved', () => {
  it('reads 换个套餐 as a plan change, not 改约套餐内的1对1', () => {
    expect(findActionRequests('我想换个套餐').map((r) => r.concept)).toContain('change_plan');
    expect(findActionRequests('改约套餐内的1对1').map((r) => r.concept)).not.toContain('change_plan');
  });
});

describe('the lexicon: money kept as a credit against a bill', () => {
  it('reads "put it against the July bill" as money given back, not "put it on my account"', () => {
    expect(findActionRequests('Well, put it against the July bill then').map((r) => r.concept)).toContain(
      'refund',
    );
    expect(findActionRequests('put it on my account please').map((r) => r.concept)).not.toContain('refund');
  });
});
