import { afterEach, describe, expect, it } from 'vitest';
import {
  type FakeOpenAiServer,
  type FakeStep,
  lastToolResult,
  startFakeOpenAiServer,
} from '../../../test/fixtures/fake-openai-server.js';
import { createFakeCall, OTHER_CUSTOMERS } from '../../../test/support/fake-call.js';
import type { GuardDecisionRecord } from '../../domain/session-schemas.js';
import { createChatModel } from './create-chat-model.js';
import { createLlmAgent } from './llm-agent.js';

let server: FakeOpenAiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function agentAgainst(script: FakeStep[], stepTimeoutMs?: number) {
  server = await startFakeOpenAiServer(script);
  const model = await createChatModel({
    provider: 'openai-compatible',
    baseUrl: `${server.url}/v1`,
    model: 'fake',
  });
  const guard: GuardDecisionRecord[] = [];
  const sleeps: number[] = [];
  const agent = createLlmAgent({
    model,
    otherCustomers: () => OTHER_CUSTOMERS,
    fallbackReview: () => ({
      resolution_status: 'unresolved',
      issue_summary: 'fallback',
      actions_taken: [],
      follow_up_required: true,
      customer_updates: {},
    }),
    onGuard: (d) => guard.push(d),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...(stepTimeoutMs === undefined ? {} : { stepTimeoutMs }),
  });
  return { agent, guard, sleeps, server };
}

/** Answers from the last tool result, as a model would: the fee and date it was given. */
const answerFromQuery: FakeStep = (request) => {
  const result = lastToolResult(request) as {
    response: { subscriptions: Array<{ name: string; fee: number; start_date: string }> };
  };
  const sub = result.response.subscriptions[0]!;
  const [y, m, d] = sub.start_date.split('-').map(Number);
  return {
    content: `我查了一下，您在${y}年${m}月${d}日开通了"${sub.name}"，月费${sub.fee}元，目前是自动续费状态。`,
  };
};

describe('LLM agent over HTTP (OpenAI-compatible fake server)', () => {
  it('runs a scripted tool call through the real provider, non-streaming', async () => {
    const { agent, guard, server } = await agentAgainst([
      { toolCalls: [{ name: 'query_system', arguments: { interface: 'user_subscription' } }] },
      answerFromQuery,
    ]);
    const call = createFakeCall();
    const reply = await agent.reply(call, '我没有订阅大会员，为什么扣了我15块钱！');

    expect(reply).toBe('我查了一下，您在2025年12月20日开通了"超级会员"，月费15元，目前是自动续费状态。');
    expect(call.systemQueries).toMatchObject([{ interface: 'user_subscription', ok: true }]);
    expect(guard.map((g) => g.outcome)).toEqual(['pass']);

    // What the provider really sent: the tools, the system prompt, then the tool result.
    const [first, second] = server.requests;
    expect(first!.model).toBe('fake');
    expect(first!.stream).toBeFalsy();
    expect(first!.tools?.map((t) => t.function.name).sort()).toEqual([
      'check_permission',
      'open_ticket',
      'perform_action',
      'query_system',
      'search_knowledge',
    ]);
    expect(first!.messages[0]).toMatchObject({ role: 'system' });
    expect(second!.messages.at(-2)).toMatchObject({
      role: 'assistant',
      tool_calls: [{ type: 'function', function: { name: 'query_system' } }],
    });
    expect(lastToolResult(second!)).toMatchObject({ ok: true, interface: 'user_subscription' });
  });

  it('streams over SSE with tool-call deltas and sends sentences to onDelta', async () => {
    const { agent, guard, server } = await agentAgainst([
      { toolCalls: [{ name: 'query_system', arguments: { interface: 'user_subscription' } }] },
      answerFromQuery,
    ]);
    const deltas: string[] = [];
    const reply = await agent.reply(createFakeCall(), '为什么扣我15块？', { onDelta: (t) => deltas.push(t) });
    expect(server.requests.every((r) => r.stream === true)).toBe(true);
    expect(reply).toContain('超级会员');
    expect(deltas.join('')).toBe(reply);
    expect(guard.map((g) => g.outcome)).toEqual(['pass']);
  });

  it('retries a 429 from the server and answers on the next attempt', async () => {
    const { agent, sleeps, server } = await agentAgainst([
      { status: 429, errorMessage: 'rate limited', headers: { 'retry-after': '2' } },
      { content: '您好，请问有什么可以帮您？' },
    ]);
    const reply = await agent.reply(createFakeCall(), '喂');
    expect(reply).toBe('您好，请问有什么可以帮您？');
    expect(server.requests).toHaveLength(2);
    expect(sleeps).toEqual([2000]);
  });

  it('retries a request that timed out', async () => {
    const { agent, sleeps, server } = await agentAgainst(
      [{ content: '太慢了。', delayMs: 2000 }, { content: '您好，请讲。' }],
      300,
    );
    const reply = await agent.reply(createFakeCall(), '喂');
    expect(reply).toBe('您好，请讲。');
    expect(server.requests).toHaveLength(2);
    expect(sleeps).toEqual([1000]);
  });

  it('retries a streamed request that timed out', async () => {
    const { agent, sleeps } = await agentAgainst(
      [{ content: '太慢了。', delayMs: 2000 }, { content: '您好，请讲。' }],
      300,
    );
    const deltas: string[] = [];
    const reply = await agent.reply(createFakeCall(), '喂', { onDelta: (t) => deltas.push(t) });
    expect(reply).toBe('您好，请讲。');
    expect(deltas).toEqual(['您好，请讲。']);
    expect(sleeps).toEqual([1000]);
  });

  it('keeps the call going with a technical-problem reply when the server keeps failing', async () => {
    const { agent, server } = await agentAgainst([{ status: 500 }, { status: 500 }, { status: 500 }]);
    const reply = await agent.reply(createFakeCall(), '喂');
    expect(reply).toContain('技术问题');
    expect(server.requests).toHaveLength(3);
  });

  it('retries when nothing listens at the base URL, then tells the caller', async () => {
    const gone = await startFakeOpenAiServer([]);
    await gone.close();
    const model = await createChatModel({
      provider: 'openai-compatible',
      baseUrl: `${gone.url}/v1`,
      model: 'fake',
    });
    const sleeps: number[] = [];
    const agent = createLlmAgent({
      model,
      otherCustomers: () => [],
      fallbackReview: () => {
        throw new Error('not used');
      },
      onGuard: () => {},
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    const reply = await agent.reply(createFakeCall({ language: 'en' }), 'hello?');
    expect(reply).toMatch(/technical problem/);
    expect(sleeps).toEqual([1000, 2000]);
  });

  it('gets a structured review back over HTTP', async () => {
    const { agent, server } = await agentAgainst([
      {
        content: JSON.stringify({
          resolution_status: 'resolved',
          issue_summary: '解释了超级会员扣费',
          actions_taken: ['查询订阅'],
          follow_up_required: false,
          customer_updates: {
            name: null,
            communication_style: null,
            issue_type: '扣费疑问',
            preferences: null,
            special_notes: null,
          },
        }),
      },
    ]);
    const review = await agent.review(createFakeCall());
    expect(review).toEqual({
      resolution_status: 'resolved',
      issue_summary: '解释了超级会员扣费',
      actions_taken: ['查询订阅'],
      follow_up_required: false,
      customer_updates: { issue_type: '扣费疑问' },
    });
    expect(server.requests[0]!.response_format).toEqual({ type: 'json_object' });
  });
});
