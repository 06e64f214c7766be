import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type FakeOpenAiServer, startFakeOpenAiServer } from '../fixtures/fake-openai-server.js';
import { modelsByName } from '../fixtures/scripted-model.js';
import { runCall } from '../support/run-call.js';
import { tempDb } from '../support/run-cs.js';
import { runCsInProcess } from '../support/run-cs-in-process.js';
import { defineScenarioSuite } from '../support/scenario-suite.js';
import { seedRecords } from '../support/seed-records.js';

// Calls run in the test process, where the AI SDK loads once instead of once per call (about
// 1.5 CPU-s each); the first of 'a well-behaved model' runs as its own process, as a user's does.
// CS_LLM_RETRY_BASE_MS keeps provider-down calls short.
vi.setConfig({ testTimeout: 120_000 });

type Event = Record<string, unknown> & { type: string };

let server: FakeOpenAiServer;
beforeAll(async () => {
  server = await startFakeOpenAiServer(modelsByName());
});
afterAll(async () => server?.close());

/** The environment that points `cs call --agent llm` at the fake server, with a scripted model by name. */
function llmEnv(model: string, baseUrl = `${server.url}/v1`): NodeJS.ProcessEnv {
  return {
    CS_LLM_PROVIDER: 'openai-compatible',
    CS_LLM_BASE_URL: baseUrl,
    CS_LLM_MODEL: model,
    CS_LLM_API_KEY: 'test',
    // Back-off of 1 ms, 2 ms…: the provider-failure calls below check retries, not real waiting.
    CS_LLM_RETRY_BASE_MS: '1',
  };
}

defineScenarioSuite({
  title: 'call scenarios (zh, LLM agent, scripted model over HTTP)',
  scenariosFile: 'scenarios.json',
  recordsFile: 'records.json',
  product: '会员订阅服务',
  operator: 'HEAR策略',
  lang: 'zh',
  extraArgs: ['--agent', 'llm'],
  env: () => llmEnv('scripted'),
});

defineScenarioSuite({
  title: 'call scenarios (en, LLM agent, scripted model over HTTP)',
  scenariosFile: 'scenarios-en.json',
  recordsFile: 'records-en.json',
  product: 'StreamPlus Premium',
  operator: 'HEAR Strategy',
  lang: 'en',
  extraArgs: ['--agent', 'llm'],
  env: () => llmEnv('scripted'),
});

describe('the scenario calls above', () => {
  // Reads the shared server's log, so it runs after the two scenario suites (file order).
  it('went over HTTP with real tool calls, and the guard never sent a draft back', () => {
    const sent = server.requests.filter((r) => r.model === 'scripted');
    expect(sent.length).toBeGreaterThan(0);
    const called = new Set(
      sent.flatMap((r) => r.messages.flatMap((m) => (m.tool_calls ?? []).map((c) => c.function.name))),
    );
    expect(called).toEqual(
      new Set(['check_permission', 'perform_action', 'open_ticket', 'query_system', 'search_knowledge']),
    );
    // A guard retry reaches the model as a "[system note]": none for a well-behaved model.
    const notes = sent.filter((r) =>
      r.messages.some((m) => m.role === 'user' && String(m.content ?? '').startsWith('[system note]')),
    );
    expect(notes).toEqual([]);
  });
});

const SETS = {
  zh: { records: 'records.json', product: '会员订阅服务', operator: 'HEAR策略' },
  en: { records: 'records-en.json', product: 'StreamPlus Premium', operator: 'HEAR Strategy' },
} as const;

const CALLER = '13800138000';

interface CallRun {
  code: number;
  stderr: string;
  events: Event[];
  agentText: string[];
  guard: Event[];
  ms: number;
}

describe('cs call --agent llm --jsonl against the fake OpenAI-compatible server', () => {
  let tmp: Awaited<ReturnType<typeof tempDb>>;
  let dbCount = 0;
  beforeAll(async () => {
    tmp = await tempDb();
  });
  afterAll(async () => tmp?.cleanup());

  /** A seeded database of the zh or en records, with mock responses fixed for the caller. */
  async function seeded(lang: 'zh' | 'en', mock: Record<string, unknown> = {}): Promise<string> {
    const db = join(tmp.dir, `db-${dbCount++}`);
    await seedRecords(db, SETS[lang].records);
    for (const [iface, response] of Object.entries(mock)) {
      const r = await runCsInProcess([
        'mock',
        'set',
        '--db',
        db,
        '--product',
        SETS[lang].product,
        '--phone',
        CALLER,
        '--interface',
        iface,
        '--response',
        JSON.stringify(response),
      ]);
      expect(r.code, r.stderr).toBe(0);
    }
    return db;
  }

  async function call(input: {
    db: string;
    lang: 'zh' | 'en';
    turns: string[];
    env: NodeJS.ProcessEnv;
    /** Through a `cs` process of its own rather than in the test process. */
    spawn?: boolean;
  }): Promise<CallRun> {
    const run = await runCall({
      db: input.db,
      product: SETS[input.lang].product,
      operator: SETS[input.lang].operator,
      phone: CALLER,
      lang: input.lang,
      turns: input.turns,
      args: ['--agent', 'llm'],
      env: input.env,
      timeoutMs: 60_000,
      inProcess: !input.spawn,
    });
    return { ...run, guard: run.events.filter((e) => e.type === 'guard') };
  }

  /** The saved session.json; the event's path is relative to the database folder. */
  async function savedSession(run: CallRun, db: string): Promise<Record<string, unknown>> {
    const saved = run.events.at(-1)!;
    expect(saved.type).toBe('session_saved');
    const path = String(saved.path);
    const file = join(isAbsolute(path) ? path : join(db, path), 'session.json');
    return JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  }

  describe('a well-behaved model', () => {
    it('works through real tool calls over HTTP and every reply passes the guard', async () => {
      const db = await seeded('zh', {
        user_subscription: {
          subscriptions: [{ name: '超级会员', fee: 15.0, start_date: '2025-12-20', auto_renew: true }],
          status: 'active',
        },
      });
      const before = server.requests.length;
      const run = await call({
        db,
        lang: 'zh',
        turns: ['我没有订阅大会员，为什么扣了我15块钱！', '哦，那帮我把自动续费关了吧', '结束通话'],
        env: llmEnv('scripted'),
        spawn: true,
      });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);

      // The guard read both replies and let them through.
      expect(run.guard.map((g) => [g.rule, g.outcome])).toEqual([
        ['reply_guard', 'pass'],
        ['reply_guard', 'pass'],
      ]);
      expect(run.agentText[1]).toContain('超级会员');
      expect(run.agentText[2]).toContain('自动续费');
      expect(run.events.filter((e) => e.type === 'system_query').map((e) => e.interface)).toEqual([
        'user_subscription',
      ]);
      expect(
        run.events.filter((e) => e.type === 'permission_check').map((e) => [e.action, e.status]),
      ).toEqual([['取消自动续费', 'can_approve_immediately']]);

      // What really went over HTTP: the tools offered, the model's tool calls, the tools' results.
      const sent = server.requests.slice(before).filter((r) => r.model === 'scripted');
      expect(sent.length).toBeGreaterThanOrEqual(6);
      expect(sent[0]!.tools?.map((t) => t.function.name).sort()).toEqual([
        'check_permission',
        'open_ticket',
        'perform_action',
        'query_system',
        'search_knowledge',
      ]);
      const calledTools = sent.flatMap((r) =>
        r.messages.flatMap((m) => (m.tool_calls ?? []).map((c) => c.function.name)),
      );
      expect(new Set(calledTools)).toEqual(new Set(['query_system', 'check_permission', 'perform_action']));
      expect(sent.some((r) => r.messages.some((m) => m.role === 'tool'))).toBe(true);
      // The last request is the review, asked as structured output.
      expect(sent.at(-1)!.response_format).toEqual({ type: 'json_object' });

      const session = await savedSession(run, db);
      expect(session.agent).toBe('llm');
      expect((session.guard_decisions as Event[]).map((g) => g.outcome)).toEqual(['pass', 'pass']);
      const review = run.events.find((e) => e.type === 'session_ended')!.review as Record<string, unknown>;
      expect(review.actions_taken).toEqual(expect.arrayContaining([expect.stringContaining('已办理')]));
    });
  });

  describe('the guard stops a misbehaving model', () => {
    it('stops a refund promised without a check (zh)', async () => {
      const db = await seeded('zh');
      const run = await call({
        db,
        lang: 'zh',
        turns: ['上个月扣了我200块，我要退款', '结束通话'],
        env: llmEnv('promises-refund'),
      });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.guard.map((g) => [g.rule, g.outcome])).toEqual([
        ['commitment_without_approval', 'retry'],
        ['commitment_without_approval', 'blocked'],
      ]);
      for (const text of run.agentText) {
        expect(text).not.toMatch(/已为您退款|退款成功|已退款/);
      }
      expect(run.agentText.at(-1)).toContain('核实');
      const session = await savedSession(run, db);
      expect((session.guard_decisions as Event[]).map((g) => [g.rule, g.outcome])).toEqual([
        ['commitment_without_approval', 'retry'],
        ['commitment_without_approval', 'blocked'],
      ]);
    });

    it('stops a refund promised without a check (en)', async () => {
      const db = await seeded('en');
      const run = await call({
        db,
        lang: 'en',
        turns: ['I want a refund of $250 for last month', 'end call'],
        env: llmEnv('promises-refund'),
      });
      expect(run.code, run.stderr).toBe(0);
      expect(run.guard.map((g) => [g.rule, g.outcome])).toEqual([
        ['commitment_without_approval', 'retry'],
        ['commitment_without_approval', 'blocked'],
      ]);
      for (const text of run.agentText) expect(text).not.toMatch(/refunded/i);
      expect(run.agentText.at(-1)).toMatch(/double-check/);
    });

    it.each([
      ['zh', '帮我查一下13912345678这个号码的用户叫什么名字', '李女士'],
      ['en', "What's the name on the account with number 13912345678?", 'Ms. Lee'],
    ] as const)('never says another customer’s phone or name (%s)', async (lang, ask, name) => {
      const db = await seeded(lang);
      const run = await call({
        db,
        lang,
        turns: [ask, lang === 'zh' ? '结束通话' : 'end call'],
        env: llmEnv('leaks-other-customer'),
      });
      expect(run.code, run.stderr).toBe(0);
      // The phone is caught first, the name alone on the retry.
      expect(run.guard.map((g) => [g.rule, g.outcome])).toEqual([
        ['other_customer_data', 'retry'],
        ['other_customer_data', 'blocked'],
      ]);
      for (const text of run.agentText) {
        expect(text.replace(/\D/g, '')).not.toContain('13912345678');
        expect(text).not.toContain(name);
      }
      // Guard details name what was wrong with the number masked.
      for (const g of run.guard) expect(String(g.detail)).not.toContain('13912345678');
      const session = await savedSession(run, db);
      expect(JSON.stringify(session.guard_decisions)).not.toContain('13912345678');
    });

    it.each([
      ['zh', '我没有订阅大会员，为什么扣了我15块钱！', '超级会员', /99/],
      ['en', 'Why did you charge me $15?', 'Premium Monthly', /99/],
    ] as const)('stops an amount no query returned (%s)', async (lang, ask, plan, invented) => {
      const db = await seeded(lang, {
        user_subscription: {
          subscriptions: [{ name: plan, fee: 15.0, start_date: '2025-12-20', auto_renew: true }],
          status: 'active',
        },
      });
      const run = await call({
        db,
        lang,
        turns: [ask, lang === 'zh' ? '结束通话' : 'end call'],
        env: llmEnv('invents-amount'),
      });
      expect(run.code, run.stderr).toBe(0);
      expect(run.events.some((e) => e.type === 'system_query' && e.interface === 'user_subscription')).toBe(
        true,
      );
      expect(run.guard.map((g) => [g.rule, g.outcome])).toEqual([
        ['unverified_fact', 'retry'],
        ['unverified_fact', 'blocked'],
      ]);
      for (const text of run.agentText) expect(text).not.toMatch(invented);
    });
  });

  describe('when the provider fails', () => {
    it('finishes and saves the call when nothing listens at the base URL, telling the caller', async () => {
      const gone = await startFakeOpenAiServer([]);
      await gone.close();
      const db = await seeded('zh');
      const run = await call({
        db,
        lang: 'zh',
        turns: ['我的会员怎么没了？', '结束通话'],
        env: llmEnv('scripted', `${gone.url}/v1`),
      });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.agentText.at(-1)).toContain('技术问题');
      expect(run.events.map((e) => e.type)).toEqual(
        expect.arrayContaining(['session_started', 'customer', 'agent', 'session_ended', 'session_saved']),
      );
      // The built-in review stands in for the model's.
      const session = await savedSession(run, db);
      expect(session.review).toMatchObject({ resolution_status: expect.any(String) });
      // Backoff is bounded (1 ms + 2 ms here with CS_LLM_RETRY_BASE_MS=1; 1 s + 2 s by default).
      expect(run.ms).toBeLessThan(30_000);
    });

    it('finishes and saves the call when the provider answers 500 every time', async () => {
      const db = await seeded('en');
      const before = server.requests.length;
      const run = await call({
        db,
        lang: 'en',
        turns: ['Hello, my plan is gone', 'end call'],
        env: llmEnv('always-500'),
      });
      expect(run.code, run.stderr).toBe(0);
      expect(run.agentText.at(-1)).toMatch(/technical problem/);
      expect(run.events.at(-1)!.type).toBe('session_saved');
      // Three attempts for the reply, three for the review: retried, then given up politely.
      expect(server.requests.slice(before).filter((r) => r.model === 'always-500')).toHaveLength(6);
      // Backoff is bounded (1 ms + 2 ms here with CS_LLM_RETRY_BASE_MS=1; 1 s + 2 s by default).
      expect(run.ms).toBeLessThan(30_000);
    });
  });

  describe('a wrong LLM setting', () => {
    async function listing(dir: string): Promise<string[]> {
      if (!existsSync(dir)) return [];
      return (await readdir(dir, { recursive: true })).map(String).sort();
    }

    it('exits 2 with one clear line and writes nothing', async () => {
      const db = await seeded('zh');
      const before = await listing(db);
      const run = await call({
        db,
        lang: 'zh',
        turns: ['你好', '结束通话'],
        env: { ...llmEnv('scripted'), CS_LLM_PROVIDER: 'bogus' },
      });
      expect(run.code).toBe(2);
      expect(run.events).toEqual([]);
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/bogus/);
      expect(lines[0]).toMatch(/openai-compatible/);
      expect(await listing(db)).toEqual(before);
    });

    it('writes no database at all when the store did not exist yet', async () => {
      const db = join(tmp.dir, 'never-created');
      const run = await call({
        db,
        lang: 'zh',
        turns: ['你好'],
        env: { ...llmEnv('scripted'), CS_LLM_PROVIDER: 'bogus' },
      });
      expect(run.code).toBe(2);
      expect(existsSync(db)).toBe(false);
    });
  });
});
