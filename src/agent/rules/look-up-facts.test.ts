import { describe, expect, it } from 'vitest';
import { CUSTOMER_ZH, createFakeCall } from '../../../test/support/fake-call.js';
import { lookUpFacts } from './look-up-facts.js';

describe('lookUpFacts: one query per reply', () => {
  it('does not query again, nor say again, what this reply has looked up', async () => {
    const ctx = createFakeCall();
    const first = await lookUpFacts(ctx, '帮我查下账单', new Set(), ['user_billing']);
    expect(first).toHaveLength(1);
    expect(ctx.systemQueries).toHaveLength(1);
    const again = await lookUpFacts(ctx, '帮我查下账单', new Set(), ['user_billing']);
    expect(again).toEqual([]);
    expect(ctx.systemQueries).toHaveLength(1);
  });

  it('queries again in the next turn', async () => {
    const ctx = createFakeCall();
    await lookUpFacts(ctx, '帮我查下账单', new Set(), ['user_billing']);
    (ctx.conversation as unknown[]).push({ role: 'customer', content: '再查一下' });
    const next = await lookUpFacts(ctx, '再查一下账单', new Set(), ['user_billing']);
    expect(next).toHaveLength(1);
    expect(ctx.systemQueries).toHaveLength(2);
  });
});

describe('lookUpFacts: a caller whose role may not hear the account', () => {
  it('says the records naming the caller, and nothing else the account holds', async () => {
    const ctx = createFakeCall({
      mock: {
        user_subscription: {
          caller_role: 'named_recipient',
          access_note: 'Tell the caller only about items addressed to them.',
          card_on_file: 'Visa ending 3318',
          items: [
            { item: 'P-1', addressed_to: String(CUSTOMER_ZH.name), arrived: '2037-04-07' },
            { item: 'P-2', addressed_to: 'Connor McAllister', arrived: '2037-04-03' },
          ],
        },
      },
    });
    const said = (await lookUpFacts(ctx, '帮我查一下', new Set(), ['user_subscription'])).join('');
    expect(said).toContain('P-1');
    expect(said).not.toContain('P-2');
    expect(said).not.toContain('3318');
  });
});

describe('lookUpFacts: what is kept for the holder, whichever interface is looked up first', () => {
  it('tells a co-guardian the lessons and not the refund worked out for the holder', async () => {
    const ctx = createFakeCall({
      mock: {
        user_billing: {
          transactions: [{ date: '2040-04-01', item: '数学课2小时', amount: 260 }],
          退款测算: { 退至: '仅账户持有人', 付款: 3240, 退款: 1620 },
        },
        user_profile: { role: '共同监护人', notes: '来电人是共同监护人：只可讲课表、上课记录和老师反馈' },
      },
    });
    const said = (await lookUpFacts(ctx, '帮我查一下', new Set(), ['user_billing', 'user_profile'])).join('');
    expect(said).toContain('260');
    expect(said).not.toContain('1620');
  });
});
