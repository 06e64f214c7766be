import { describe, expect, it } from 'vitest';
import { createFakeCall } from '../../../test/support/fake-call.js';
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
