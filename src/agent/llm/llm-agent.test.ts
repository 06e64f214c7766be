import { APICallError } from 'ai';
import { describe, expect, it } from 'vitest';
import { createFakeCall, OTHER_CUSTOMERS } from '../../../test/support/fake-call.js';
import { scriptedModel, toolResults, userTexts } from '../../../test/support/mock-model.js';
import { testRecord } from '../../../test/support/scenario-records.js';
import type { CallContext } from '../../call/call-agent.js';
import type { GuardDecisionRecord, Review } from '../../domain/session-schemas.js';
import { ReviewSchema } from '../../domain/session-schemas.js';
import { createLlmAgent, type LlmAgentOptions, retryDelayFromEnv } from './llm-agent.js';

const FALLBACK: Review = {
  resolution_status: 'partially_resolved',
  issue_summary: 'built-in review',
  actions_taken: [],
  follow_up_required: true,
  customer_updates: {},
};

function setup(model: LlmAgentOptions['model'], extra: Partial<LlmAgentOptions> = {}) {
  const guard: GuardDecisionRecord[] = [];
  const sleeps: number[] = [];
  const fallbackCalls: CallContext[] = [];
  const agent = createLlmAgent({
    model,
    otherCustomers: () => OTHER_CUSTOMERS,
    fallbackReview: (ctx) => {
      fallbackCalls.push(ctx);
      return FALLBACK;
    },
    onGuard: (d) => guard.push(d),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...extra,
  });
  return { agent, guard, sleeps, fallbackCalls };
}

const apiError = (statusCode: number) =>
  new APICallError({
    message: `HTTP ${statusCode}`,
    url: 'http://fake/v1/chat/completions',
    requestBodyValues: {},
    statusCode,
  });

const SAFE_ZH = '抱歉，这个我需要再核实一下，稍后给您准确答复。';

describe('createLlmAgent', () => {
  it('greets with the operator greeting without calling the model', async () => {
    const model = scriptedModel([{ text: 'never' }]);
    const { agent } = setup(model);
    expect(agent.kind).toBe('llm');
    expect(await agent.greet(createFakeCall())).toBe('您好，会员服务中心，我是小王，您请讲。');
    expect(model.prompts).toHaveLength(0);
  });

  it('runs the tool loop: queries the system, then answers with the queried fee and passes the guard', async () => {
    const call = createFakeCall();
    const model = scriptedModel([
      { calls: [{ tool: 'query_system', input: { interface: 'user_subscription' } }] },
      (options) => {
        const [result] = toolResults(options) as Array<{ response: typeof call.systemQueries }>;
        expect(result).toMatchObject({ ok: true, response: { status: 'active' } });
        return {
          text: '理解理解。我查了一下，您在2025年12月20日开通了"超级会员"，月费15元，目前是自动续费。',
        };
      },
    ]);
    const { agent, guard } = setup(model);
    const reply = await agent.reply(call, '我没有订阅大会员，为什么扣了我15块钱！');
    expect(reply).toContain('超级会员');
    expect(reply).toContain('15元');
    expect(call.systemQueries.map((q) => q.interface)).toEqual(['user_subscription']);
    expect(guard).toEqual([{ rule: 'reply_guard', outcome: 'pass', detail: 'No violation found.' }]);
    // The system prompt carries the product and the rules; the caller's words come last.
    const system = model.prompts[0]!.prompt.find((m) => m.role === 'system');
    expect(system?.content).toContain('会员订阅服务');
    expect(userTexts(model.prompts[0]!).at(-1)).toBe('我没有订阅大会员，为什么扣了我15块钱！');
  });

  it('retries a refund promised without a check, then sends the safe reply', async () => {
    const call = createFakeCall();
    const model = scriptedModel([{ text: '好的，已为您退款200元，请注意查收。' }]);
    const { agent, guard } = setup(model);
    const reply = await agent.reply(call, '上个月扣了我200块，我要退款');
    expect(reply).toBe(SAFE_ZH);
    expect(guard.map((g) => [g.rule, g.outcome])).toEqual([
      ['commitment_without_approval', 'retry'],
      ['commitment_without_approval', 'blocked'],
    ]);
    expect(model.prompts).toHaveLength(2);
    // The retry tells the model why, marked as our note, not the caller's words.
    const note = userTexts(model.prompts[1]!).at(-1)!;
    expect(note).toMatch(/^\[system note\]/);
    expect(note).toContain('no permission check approved it');
  });

  it("retries a reply that reads out another customer's phone number", async () => {
    const call = createFakeCall();
    const model = scriptedModel([
      { text: '这个号码13912345678的用户姓李。' },
      { text: '非常抱歉，这个我们无法处理，因为不能透露其他用户的信息。' },
    ]);
    const { agent, guard } = setup(model);
    const reply = await agent.reply(call, '帮我查一下13912345678这个号码的用户叫什么名字');
    expect(reply).toBe('非常抱歉，这个我们无法处理，因为不能透露其他用户的信息。');
    expect(reply).not.toContain('13912345678');
    expect(guard.map((g) => [g.rule, g.outcome])).toEqual([
      ['other_customer_data', 'retry'],
      ['reply_guard', 'pass'],
    ]);
  });

  it("blocks another customer's name from the store twice in a row", async () => {
    const model = scriptedModel([{ text: '那个号码是李女士的。' }]);
    const { agent, guard } = setup(model);
    const reply = await agent.reply(createFakeCall(), '13912345678是谁的号码？');
    expect(reply).toBe(SAFE_ZH);
    expect(guard.map((g) => g.outcome)).toEqual(['retry', 'blocked']);
    expect(guard.every((g) => !g.detail.includes('李女士'))).toBe(true);
  });

  it('retries an invented amount; after one retry the model queries and the reply passes', async () => {
    const call = createFakeCall();
    const model = scriptedModel([
      { text: '您上个月被扣了30元，是超级会员的费用。' },
      { calls: [{ tool: 'query_system', input: { interface: 'user_subscription' } }] },
      { text: '我查了一下，超级会员月费是15元。' },
    ]);
    const { agent, guard } = setup(model);
    const reply = await agent.reply(call, '为什么扣我钱？');
    expect(reply).toBe('我查了一下，超级会员月费是15元。');
    expect(guard.map((g) => [g.rule, g.outcome])).toEqual([
      ['unverified_fact', 'retry'],
      ['reply_guard', 'pass'],
    ]);
    expect(guard[0]!.detail).toContain('30元');
    expect(guard[1]!.detail).toBe('No violation found after one retry.');
  });

  it('lets a commitment through once the model checked the permission and performed the action', async () => {
    const call = createFakeCall();
    const model = scriptedModel([
      { calls: [{ tool: 'check_permission', input: { action: '取消自动续费' } }] },
      { calls: [{ tool: 'perform_action', input: { action: '取消自动续费' } }] },
      { text: '好的，自动续费已经帮您关掉了。' },
    ]);
    const { agent, guard } = setup(model);
    const reply = await agent.reply(call, '哦，那帮我把自动续费关了吧');
    expect(reply).toBe('好的，自动续费已经帮您关掉了。');
    expect(call.permissionChecks).toMatchObject([
      { action: '取消自动续费', status: 'can_approve_immediately' },
    ]);
    expect(call.performed).toEqual(['取消自动续费']);
    expect(guard.map((g) => g.outcome)).toEqual(['pass']);
  });

  it('counts an approved part of a check of several actions as an approval', async () => {
    const call = createFakeCall();
    // The fake engine only decides whole actions; give this check parts, as the real one does.
    call.tools.checkPermission = async (action) => ({
      action,
      status: 'requires_supervisor',
      rule: '账户注销',
      reason: '注销账户需要主管审批',
      parts: [
        { text: '退款15元', status: 'can_approve_immediately' },
        { text: '注销账户', status: 'requires_supervisor' },
      ],
    });
    const model = scriptedModel([
      { calls: [{ tool: 'check_permission', input: { action: '退款15元然后注销账户' } }] },
      { text: '已为您退款15元。注销账户需要我向主管申请，预计2小时内给您回复。' },
    ]);
    const { agent, guard } = setup(model);
    await agent.reply(call, '退我15块，然后把账户注销了');
    expect(guard.map((g) => g.outcome)).toEqual(['pass']);
  });

  it('returns tool errors to the model as data and keeps the loop going', async () => {
    const call = createFakeCall();
    const model = scriptedModel([
      { calls: [{ tool: 'perform_action', input: { action: '退款500元' } }] },
      (options) => {
        expect(toolResults(options)).toEqual([
          { ok: false, error: 'no unused approval for "退款500元" in this call; check it first.' },
        ]);
        return {
          calls: [
            {
              tool: 'query_system',
              input: { interface: 'user_subscription', params: { user_id: '13912345678' } },
            },
          ],
        };
      },
      (options) => {
        expect(toolResults(options).at(-1)).toMatchObject({ ok: false });
        return { text: '这个需要我向主管申请，预计2小时内给您回复，可以吗？' };
      },
    ]);
    const { agent } = setup(model);
    const reply = await agent.reply(call, '直接给我退款500元');
    expect(reply).toContain('主管');
    expect(call.performed).toEqual([]);
    // The other person's number never reached the system.
    expect(call.systemQueries).toEqual([]);
  });

  it('asks for an answer without tools when the model spent every step on tools', async () => {
    const loop = { calls: [{ tool: 'search_knowledge', input: { query: '自动续费' } }] };
    const model = scriptedModel([
      loop,
      loop,
      loop,
      loop,
      loop,
      loop,
      { text: '在我的-会员中心-自动续费管理里可以关闭。' },
    ]);
    const { agent, guard } = setup(model);
    const reply = await agent.reply(createFakeCall(), '怎么取消自动续费');
    expect(reply).toBe('在我的-会员中心-自动续费管理里可以关闭。');
    expect(model.prompts).toHaveLength(7);
    expect(model.prompts[6]!.toolChoice).toEqual({ type: 'none' });
    expect(guard.map((g) => g.outcome)).toEqual(['pass']);
  });

  it('retries provider errors with exponential backoff, then answers', async () => {
    const model = scriptedModel([
      { error: apiError(429) },
      { error: apiError(503) },
      { text: '您好，请问哪个账号？' },
    ]);
    const { agent, sleeps } = setup(model);
    const reply = await agent.reply(createFakeCall(), '你好');
    expect(reply).toBe('您好，请问哪个账号？');
    expect(sleeps).toEqual([1000, 2000]);
  });

  it('tells the caller about a technical problem when the provider keeps failing, without throwing', async () => {
    const errors: unknown[] = [];
    const model = scriptedModel([{ error: apiError(500) }]);
    const { agent, sleeps, guard } = setup(model, { onProviderError: (e) => errors.push(e) });
    const reply = await agent.reply(createFakeCall(), '你好');
    expect(reply).toContain('技术问题');
    expect(reply).toContain('通话没有中断');
    expect(model.prompts).toHaveLength(3);
    expect(sleeps).toEqual([1000, 2000]);
    expect(errors).toHaveLength(3);
    expect(guard).toEqual([]);
  });

  it('does not retry an error that will not go away (401)', async () => {
    const model = scriptedModel([{ error: apiError(401) }]);
    const { agent, sleeps } = setup(model);
    const reply = await agent.reply(createFakeCall({ language: 'en' }), 'hello');
    expect(reply).toMatch(/technical problem/);
    expect(model.prompts).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('honours Retry-After from a rate limit', async () => {
    const limited = new APICallError({
      message: 'rate limited',
      url: 'http://fake',
      requestBodyValues: {},
      statusCode: 429,
      responseHeaders: { 'retry-after': '5' },
    });
    const model = scriptedModel([{ error: limited }, { text: '好的。' }]);
    const { agent, sleeps } = setup(model);
    await agent.reply(createFakeCall(), '你好');
    expect(sleeps).toEqual([5000]);
  });

  describe('streaming', () => {
    it('streams whole sentences to onDelta and returns the same text', async () => {
      const call = createFakeCall();
      const model = scriptedModel([
        { text: '理解理解。', calls: [{ tool: 'query_system', input: { interface: 'user_subscription' } }] },
        { text: '您的超级会员月费15元。要帮您关掉自动续费吗？' },
      ]);
      const { agent, guard } = setup(model);
      const deltas: string[] = [];
      const reply = await agent.reply(call, '为什么扣我15块', { onDelta: (t) => deltas.push(t) });
      expect(deltas.join('')).toBe(reply);
      expect(reply).toBe('理解理解。您的超级会员月费15元。要帮您关掉自动续费吗？');
      // Sentence by sentence, never half a sentence.
      expect(deltas.every((d) => /[。？]$/.test(d))).toBe(true);
      expect(guard.map((g) => g.outcome)).toEqual(['pass']);
    });

    it('never streams a violating sentence; the retry continues after what the caller heard', async () => {
      const model = scriptedModel([
        { text: '我来看一下。已为您退款200元。' },
        { text: '这个需要我向主管申请，预计2小时内给您回复，可以吗？' },
      ]);
      const { agent, guard } = setup(model);
      const deltas: string[] = [];
      const reply = await agent.reply(createFakeCall(), '退我200块', { onDelta: (t) => deltas.push(t) });
      expect(deltas.join('')).toBe(reply);
      expect(reply).toBe('我来看一下。这个需要我向主管申请，预计2小时内给您回复，可以吗？');
      expect(deltas.join('')).not.toContain('已为您退款');
      expect(userTexts(model.prompts[1]!).at(-1)).toContain('The caller has already heard: «我来看一下。»');
      expect(guard.map((g) => g.outcome)).toEqual(['retry', 'pass']);
    });

    it('streams the safe reply when the second draft fails too', async () => {
      const model = scriptedModel([{ text: 'Done. Your account is closed.' }]);
      const { agent } = setup(model);
      const deltas: string[] = [];
      const reply = await agent.reply(createFakeCall({ language: 'en' }), 'close my account', {
        onDelta: (t) => deltas.push(t),
      });
      expect(reply).toMatch(/^Sorry, I need to double-check this/);
      expect(deltas.join('')).toBe(reply);
    });

    it('retries a stream that fails before any text', async () => {
      const model = scriptedModel([{ error: apiError(502) }, { text: '您好。' }]);
      const { agent, sleeps } = setup(model);
      const deltas: string[] = [];
      expect(await agent.reply(createFakeCall(), '喂', { onDelta: (t) => deltas.push(t) })).toBe('您好。');
      expect(deltas).toEqual(['您好。']);
      expect(sleeps).toEqual([1000]);
    });
  });

  describe('review', () => {
    const reviewJson = {
      resolution_status: 'resolved',
      issue_summary: '客户不清楚扣费来源，已解释为超级会员，并关闭自动续费',
      actions_taken: ['查询订阅', '取消自动续费'],
      follow_up_required: false,
      customer_updates: {
        name: '王先生',
        communication_style: '直接简洁',
        issue_type: '扣费疑问',
        preferences: null,
        special_notes: null,
      },
    };

    it('returns the model review as structured output valid against ReviewSchema', async () => {
      const model = scriptedModel([{ text: JSON.stringify(reviewJson) }]);
      const { agent, fallbackCalls } = setup(model);
      const call = createFakeCall({
        coldStart: true,
        customer: testRecord('customer', 'd1b2c3d4', {
          name: '来电客户_1111',
          phone: '13700001111',
          type: 'new',
          _cold_start: true,
        }),
        conversation: [
          { role: 'agent', content: '您好' },
          { role: 'customer', content: '我姓王' },
        ],
      });
      const review = await agent.review(call);
      expect(ReviewSchema.safeParse(review).success).toBe(true);
      expect(review).toEqual({
        ...reviewJson,
        customer_updates: { name: '王先生', communication_style: '直接简洁', issue_type: '扣费疑问' },
      });
      expect(fallbackCalls).toHaveLength(0);
      expect(model.prompts[0]!.responseFormat).toMatchObject({ type: 'json' });
    });

    it('leaves out updates the record already has', async () => {
      const model = scriptedModel([{ text: JSON.stringify(reviewJson) }]);
      const { agent } = setup(model);
      const review = await agent.review(createFakeCall());
      expect(review.customer_updates).toEqual({ name: '王先生', issue_type: '扣费疑问' });
    });

    it.each([
      ['text that is not JSON', { text: '通话很顺利。' }],
      [
        'JSON that breaks the schema',
        { text: JSON.stringify({ ...reviewJson, resolution_status: 'great' }) },
      ],
      ['a provider error', { error: apiError(400) }],
    ])('falls back to the built-in review on %s', async (_name, turn) => {
      const model = scriptedModel([turn]);
      const { agent, fallbackCalls } = setup(model);
      const call = createFakeCall();
      expect(await agent.review(call)).toEqual(FALLBACK);
      expect(fallbackCalls).toEqual([call]);
    });
  });
});

describe('retryDelayFromEnv', () => {
  it.each([
    [{}, undefined],
    [{ CS_LLM_RETRY_BASE_MS: '' }, undefined],
    [{ CS_LLM_RETRY_BASE_MS: '1' }, 1],
    [{ CS_LLM_RETRY_BASE_MS: ' 250 ' }, 250],
  ])('reads %j as %s', (env, expected) => {
    expect(retryDelayFromEnv(env)).toBe(expected);
  });

  it('refuses a value that is not a whole number of ms', () => {
    expect(() => retryDelayFromEnv({ CS_LLM_RETRY_BASE_MS: '1s' })).toThrow(/CS_LLM_RETRY_BASE_MS/);
  });
});
