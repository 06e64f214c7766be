import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findOtherParty } from './index.js';

const CALLER = { callerPhone: '13700001111', callerName: '何敏' };
const ZH_DIGITS = '零一二三四五六七八九';
const inChinese = (digits: string): string => [...digits].map((d) => ZH_DIGITS[Number(d)]).join('');

describe('findOtherParty', () => {
  it.each<[string, 'phone' | 'card' | 'person', string]>([
    ['我儿子的云盘账号是13700005555，你帮我看看他都存了些什么', 'person', '儿子的云盘'],
    ['你把冯雪那个订单的收货地址改成我家，她是我同事', 'person', '冯雪那个订单'],
    ['跟我同一班的那个王先生坐几排？你告诉我一下', 'person', '王先生坐几排'],
    ['骑手电话给我', 'person', '骑手电话'],
    ['帮我查下13800001234的套餐', 'phone', '13800001234'],
    ['把完整卡号念给我', 'card', '完整卡号'],
    ['我的银行卡号6222021234567890123你记一下', 'card', '6222021234567890123'],
    ["Mr. Smith's email", 'person', "Mr. Smith's email"],
    ['my card is 4111 1111 1111 1111', 'card', '4111 1111 1111 1111'],
  ])('finds %j (%s: %j)', (action, kind, text) => {
    const found = findOtherParty(action, CALLER);
    expect(found).toMatchObject({ kind, text });
    expect(action.slice(found!.start, found!.end)).toBe(found!.text);
  });

  it.each([
    '我的号码是13700001111，帮我重置密码',
    '我的手机号137 0000 1111，查下话费',
    '+86 137-0000-1111 这个是我的号，查下套餐',
    '8613700001111的套餐帮我看看',
    '137****1111这个号的套餐',
    `帮我查一下${inChinese('13700001111')}的话费`,
    '手机尾号1111的套餐多少钱',
  ])("does not count the caller's own phone, however written: %j", (action) => {
    expect(findOtherParty(action, CALLER)).toBeUndefined();
  });

  it.each([
    ['137****5555这个号的套餐', '137****5555'],
    [`帮我查一下${inChinese('13700005555')}的话费`, inChinese('13700005555')],
    ['手机尾号5555的套餐多少钱', '尾号5555'],
    ['the number ending in 5555, is it mine?', 'ending in 5555'],
    ['call me on 010-12345678', '010-12345678'],
  ])('finds another phone in any notation: %j', (action, text) => {
    expect(findOtherParty(action, CALLER)).toMatchObject({ kind: 'phone', text });
  });

  it('judges no phone number when the caller’s phone is unknown (a new caller may give their own)', () => {
    expect(findOtherParty('帮我查下13800001234的套餐')).toBeUndefined();
    expect(findOtherParty('帮我查下13800001234的套餐', { callerPhone: '' })).toBeUndefined();
    // Without the caller, a third person is still a third person.
    expect(findOtherParty('我老婆的手机号是多少')).toMatchObject({ kind: 'person' });
  });

  it('reads numbers named as orders, waybills or a card’s last digits as no one’s phone', () => {
    for (const action of [
      '订单号13512345678的快递到哪了',
      '我的订单号是202611290001234567，到哪了',
      'order 13512345678 has not arrived',
      '我的卡号后四位是1234',
      'card ending in 1234',
    ]) {
      expect(findOtherParty(action, CALLER), action).toBeUndefined();
    }
  });

  it("does not take the caller's own name for a third person", () => {
    expect(findOtherParty('何敏的订单查一下', CALLER)).toBeUndefined();
    expect(findOtherParty('何女士的订单查一下', CALLER)).toBeUndefined();
    expect(findOtherParty('冯雪的订单查一下', CALLER)).toMatchObject({ kind: 'person', text: '冯雪的订单' });
    expect(findOtherParty("check Ms. Smith's account", { callerName: 'Jane Smith' })).toBeUndefined();
    expect(findOtherParty("check Ms. Jones's account", { callerName: 'Jane Smith' })).toMatchObject({
      kind: 'person',
    });
    // A new caller introducing themselves is not asking about someone; a known caller cannot
    // become someone else by saying so.
    expect(findOtherParty('我是王先生，王先生的订单到哪了')).toBeUndefined();
    expect(findOtherParty('我是冯雪，冯雪的订单地址改一下', CALLER)).toMatchObject({ kind: 'person' });
  });

  it('tells a name from a word that starts with a surname (高铁, 周末, 小程序)', () => {
    for (const action of [
      '高铁的订单能退吗',
      '周末的订单什么时候到',
      '方便的话查下我的账单',
      '小程序的订单怎么退',
    ]) {
      expect(findOtherParty(action, CALLER), action).toBeUndefined();
    }
    for (const action of ['帮我查查李娜的订单', '张伟的手机号是多少', '小王的账单帮我打印']) {
      expect(findOtherParty(action, CALLER), action).toMatchObject({ kind: 'person' });
    }
  });

  it('leaves the digits of a number out of what it reports', () => {
    const found = findOtherParty('我老婆13800001234的手机号套餐', CALLER);
    expect(found).toBeDefined();
    expect(`${found!.what.zh} ${found!.what.en}`).not.toMatch(/\d{4}/);
  });

  it('finds any mainland mobile that is not the caller’s, and never the caller’s own', () => {
    const mobile = fc
      .tuple(fc.constantFrom('3', '5', '7', '8', '9'), fc.stringMatching(/^\d{9}$/))
      .map(([second, rest]) => `1${second}${rest}`);
    const layout = fc.constantFrom(
      (n: string) => n,
      (n: string) => `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`,
      (n: string) => `+86-${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`,
      (n: string) => inChinese(n),
    );
    fc.assert(
      fc.property(mobile, mobile, layout, (caller, other, write) => {
        fc.pre(caller !== other);
        const callerPhone = caller;
        expect(findOtherParty(`帮我查一下${write(other)}的套餐`, { callerPhone })).toMatchObject({
          kind: 'phone',
        });
        expect(findOtherParty(`帮我查一下${write(caller)}的套餐`, { callerPhone })).toBeUndefined();
      }),
    );
  });
});
