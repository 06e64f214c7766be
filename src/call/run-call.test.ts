import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testRecord } from '../../test/support/scenario-records.js';
import type { CallAgent } from './call-agent.js';
import { CallSession } from './call-session.js';
import { isGoodbye, runConversation, splitEndMarker } from './run-call.js';

const records = JSON.parse(
  readFileSync(new URL('../../../shared/scenarios/calls/records.json', import.meta.url), 'utf8'),
) as { products: Array<Record<string, unknown>>; customers: Array<Record<string, unknown>> };

const CLOSING = '还有别的能帮您的吗？那先这样，祝您生活愉快。';

/** An agent that echoes each line, so the test sees which lines it was asked about. */
const echoAgent: CallAgent = {
  kind: 'rules',
  greet: async () => '您好',
  reply: async (_ctx, line) => `回复：${line}`,
  review: async () => ({
    resolution_status: 'resolved',
    issue_summary: '测试',
    actions_taken: [],
    follow_up_required: false,
    customer_updates: {},
  }),
};

async function converse(lines: string[], language: 'zh' | 'en' = 'zh') {
  const session = new CallSession({
    participants: {
      product: testRecord('product', '0000000a', records.products[0]!),
      operator: testRecord('operator', '0000000b', { name: 'HEAR策略', closing_technique: CLOSING }),
      customer: testRecord('customer', '0000000c', records.customers[0]!),
      phone: '13800138000',
      coldStart: false,
    },
    backend: {
      query: async () => {
        throw new Error('no queries here');
      },
      applyApprovedAction: async () => ({ changed: false, description: '' }),
    },
    language,
  });
  async function* feed() {
    yield* lines;
  }
  await runConversation({ session, agent: echoAgent, lines: feed() });
  return session.record.conversation.map((t) => `${t.role}: ${t.content}`);
}

describe('isGoodbye', () => {
  it.each([
    '拜拜',
    '再见',
    '好的谢谢再见',
    '好的，谢谢，拜拜！',
    '嗯嗯 没事了 拜拜',
    'bye',
    'Goodbye!',
    'ok bye-bye',
    "that's all thanks",
    'That’s all, thank you very much. Bye!',
    '好的，就这些',
    '没有其他问题了，谢谢',
    "ok that's everything, thanks",
    'nothing else, thanks',
  ])('takes %j as a goodbye', (line) => {
    expect(isGoodbye(line)).toBe(true);
  });

  it.each([
    '拜拜之前再问一下，退款多久到账？',
    '再见之前帮我查一下账单',
    '谢谢',
    '好的',
    'bye, but first: when does my refund arrive?',
    "that's all I wanted to ask about the refund of $15",
    'thanks',
    '我要退款',
  ])('does not take %j as a goodbye', (line) => {
    expect(isGoodbye(line)).toBe(false);
  });
});

describe('runConversation', () => {
  it("ends the call on a goodbye-only line with the operator's closing (zh)", async () => {
    const turns = await converse(['为什么扣了我15块', '好的谢谢再见', '这一句不会被听到']);
    expect(turns).toEqual([
      'agent: 您好',
      'customer: 为什么扣了我15块',
      'agent: 回复：为什么扣了我15块',
      'customer: 好的谢谢再见',
      `agent: ${CLOSING}`,
    ]);
  });

  it('ends the call on a goodbye-only line (en)', async () => {
    const turns = await converse(['why was I charged', "that's all, thanks. Bye!", 'never heard'], 'en');
    expect(turns.at(-2)).toBe("customer: that's all, thanks. Bye!");
    expect(turns.at(-1)).toMatch(/^agent: Thanks for calling.*goodbye/);
    expect(turns).toHaveLength(5);
  });

  it('goes on when a goodbye comes with a question (zh and en)', async () => {
    const zh = await converse(['拜拜之前再问一下，退款多久到账？', '拜拜']);
    expect(zh).toContain('agent: 回复：拜拜之前再问一下，退款多久到账？');
    expect(zh.at(-1)).toBe(`agent: ${CLOSING}`);
    const en = await converse(['bye, but first: when does my refund arrive?', 'goodbye'], 'en');
    expect(en).toContain('agent: 回复：bye, but first: when does my refund arrive?');
    expect(en).toHaveLength(5);
  });
});

describe('splitEndMarker', () => {
  it.each([
    ['结束通话', true, ''],
    ['end call', true, ''],
    ['exit', true, ''],
    ['好的，谢谢，结束通话', true, '好的，谢谢，结束通话'],
    ['拜拜', false, '拜拜'],
  ])('reads %j as ends=%s', (line, ends, rest) => {
    expect(splitEndMarker(line)).toEqual({ ends, rest });
  });
});
