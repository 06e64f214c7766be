import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../call/call-agent.js';
import type { Product } from '../../domain/record-schemas.js';
import { buildKnowledgeIndex } from '../../knowledge/index.js';
import { followUpAnswer } from './follow-up-question.js';

/** A call that refunded `what` under `rule`, asked for in `said`, over the product's own FAQ. */
function afterRefund(product: Product, taken: { what: string; rule: string; said: string }): CallContext {
  const index = buildKnowledgeIndex(product);
  return {
    product,
    language: 'en',
    conversation: [{ role: 'customer', content: taken.said }],
    requests: [
      {
        what: taken.what,
        action: taken.what,
        rule: taken.rule,
        outcome: 'can_approve_immediately',
        state: 'done',
        carried_out: true,
        withdrawn: false,
        turn: 0,
      },
    ],
    tools: { searchKnowledge: (q: string, n: number) => index.search(q, n) },
  } as unknown as CallContext;
}

describe('followUpAnswer: the request’s amount in pounds or euros is no topic', () => {
  /** A sailing club whose FAQ says when a refund arrives, and what paying in `currency` is like. */
  const club = (currency: string) =>
    ({
      name: 'Harbour Sailing Club',
      faq: [
        {
          q: 'When will a refund reach me?',
          a: 'A refund comes back to your card within 5 days. Bank holidays can add a day.',
        },
        {
          q: `Can I pay in ${currency}?`,
          a: `Yes; ${currency} paid in cash come back as change within 2 minutes.`,
        },
      ],
    }) as unknown as Product;

  it.each([
    ['pounds', 'refund £25', 'refund up to £40', 'refund me, 25 pounds back please'],
    ['quid', 'refund £25', 'refund up to £40', 'refund me, 25 quid back please'],
    ['euros', 'refund €25', 'refund up to 40 euros', 'refund me, 25 euros back please'],
  ])('answers how soon with the refund’s time, not with paying in %s', (currency, what, rule, said) => {
    const hit = followUpAnswer(afterRefund(club(currency), { what, rule, said }), 'how soon?');
    expect(hit?.answer).toBe('A refund comes back to your card within 5 days.');
  });

  it.each(['英镑', '欧元'])(
    'reads 退款25%s as the refund, not as a question about that currency',
    (currency) => {
      const product = {
        name: '海港帆船俱乐部',
        faq: [
          { q: '退款后钱退到哪里？', a: '退款原路退回到您付款的卡上。' },
          { q: `收${currency}现金吗？`, a: `前台收${currency}现金，也收${currency}旅行支票。` },
        ],
      } as unknown as Product;
      const ctx = afterRefund(product, {
        what: `退款25${currency}`,
        rule: `退款<=40${currency}`,
        said: '把钱退给我',
      });
      expect(followUpAnswer(ctx, '然后呢？')?.question).toBe('退款后钱退到哪里？');
    },
  );
});
