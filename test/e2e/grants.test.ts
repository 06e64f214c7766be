import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  dropSchema,
  freshSchemaName,
  pgSuiteTitle,
  TEST_DATABASE_URL,
  warnPgSkipped,
} from '../contract/pg-test-schema.js';
import {
  type FakeChatRequest,
  type FakeOpenAiServer,
  type FakeReply,
  startFakeOpenAiServer,
} from '../fixtures/fake-openai-server.js';
import { refunds, setBilling } from '../support/mock-billing.js';
import { CS_BIN, PROJECT_ROOT, parseEvents, runCs, tempDb } from '../support/run-cs.js';
import { runCsInProcess } from '../support/run-cs-in-process.js';
import { seedRecords } from '../support/seed-records.js';

// Processes started by the dozen on a shared machine. The commands that are not about processes
// (racing ones, the MCP server) run in the test process: the built cs with its own streams.
vi.setConfig({ testTimeout: 180_000 });
warnPgSkipped('grants on PostgreSQL (16 processes acting on one approval)');

const PRODUCT = '会员订阅服务';
const OPERATOR = 'HEAR策略';
const PHONE = '13800138000';
/** The caller was charged 300元 in all: refunds are bounded by the limits, not by what was paid. */
const BILLING = {
  transactions: [
    {
      transaction_id: 'T20261101001',
      date: '2026-11-01',
      amount: 200,
      description: '超级会员年费',
      type: 'charge',
    },
    {
      transaction_id: 'T20261115001',
      date: '2026-11-15',
      amount: 100,
      description: '加油包',
      type: 'charge',
    },
  ],
  total: 300,
};
const NO_UNUSED = 'no unused approval for "退款50元" in this call; check it with cs permit first';

/** A database the tests can run `cs` against: a folder, or a PostgreSQL URL with its own schema. */
interface Backend {
  name: string;
  skip: boolean;
  /** A fresh database holding the scenario records and the caller's 300元 bill. */
  make(): Promise<string>;
  cleanup(): Promise<void>;
}

let tmp: Awaited<ReturnType<typeof tempDb>>;
let template: string;
let copies = 0;

beforeAll(async () => {
  tmp = await tempDb();
  template = join(tmp.dir, 'template');
  await seed(template);
});
afterAll(async () => tmp?.cleanup());

async function seed(db: string): Promise<void> {
  await seedRecords(db);
  await setBilling(db, PRODUCT, PHONE, BILLING);
}

const schemas: string[] = [];
const BACKENDS: Backend[] = [
  {
    name: 'file store',
    skip: false,
    async make() {
      const db = join(tmp.dir, `db-${copies++}`);
      await cp(template, db, { recursive: true });
      return db;
    },
    async cleanup() {},
  },
  {
    name: pgSuiteTitle('PostgreSQL'),
    skip: !TEST_DATABASE_URL,
    async make() {
      const schema = freshSchemaName();
      schemas.push(schema);
      const url = `${TEST_DATABASE_URL}${TEST_DATABASE_URL?.includes('?') ? '&' : '?'}schema=${schema}`;
      await seed(url);
      return url;
    },
    async cleanup() {
      for (const schema of schemas.splice(0)) await dropSchema(schema);
    },
  },
];

/** `cs ... --db db --json`, expected to succeed. */
async function cs(db: string, args: string[]): Promise<Record<string, unknown>> {
  const r = await runCsInProcess([...args, '--db', db, '--json'], { timeoutMs: 120_000 });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

async function startLive(db: string): Promise<string> {
  const started = await cs(db, [
    'session',
    'start',
    '--product',
    PRODUCT,
    '--operator',
    OPERATOR,
    '--phone',
    PHONE,
  ]);
  const callId = String(started.call_id);
  // Money back is checked against the charges the call read.
  const read = await runCsInProcess(['query', '--db', db, '--call', callId, '--interface', 'user_billing']);
  expect(read.code, read.stderr).toBe(0);
  return callId;
}

/** `cs session act`, in the test process unless `run` says otherwise (processes racing). */
function act(db: string, liveId: string, action: string, run: typeof runCs = runCsInProcess) {
  return run(['session', 'act', '--db', db, '--call', liveId, '--action', action], {
    timeoutMs: 120_000,
  });
}

async function endAndRead(db: string, liveId: string): Promise<Record<string, unknown>> {
  const ended = await cs(db, ['session', 'end', '--call', liveId]);
  return cs(db, ['history', 'show', String(ended.session_id)]);
}

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`grants: ${backend.name}`, () => {
    afterAll(async () => backend.cleanup());

    it('carries out one permit once through cs session act, and never a text of several refunds', async () => {
      const db = await backend.make();
      const liveId = await startLive(db);
      expect((await cs(db, ['permit', '--call', liveId, '--action', '退款50元'])).status).toBe(
        'can_approve_immediately',
      );
      const first = await act(db, liveId, '退款50元');
      expect(first.code, first.stderr).toBe(0);
      for (let i = 0; i < 2; i++) {
        const again = await act(db, liveId, '退款50元');
        expect(again.code).toBe(1);
        expect(again.stderr.trim().split('\n')).toHaveLength(1);
        expect(again.stderr).toContain(NO_UNUSED);
        expect(again.stderr).toContain('本次通话中没有"退款50元"未使用的批准');
      }
      const several = await act(db, liveId, '退款50元和退款50元和退款50元和退款50元');
      expect(several.code).toBe(1);
      expect(several.stderr).toContain('several actions');
      expect(await refunds(db, PRODUCT, PHONE)).toEqual([-50]);
      const saved = await endAndRead(db, liveId);
      expect(saved.actions_performed).toEqual([expect.objectContaining({ action: '退款50元' })]);
      expect(saved.grants).toEqual([
        expect.objectContaining({ action: '退款50元', amount: { value: 50, unit: 'CNY' }, call_id: liveId }),
      ]);
    });

    it('adds up refunds split over a live call and says what it counted', async () => {
      const db = await backend.make();
      const liveId = await startLive(db);
      await cs(db, ['permit', '--call', liveId, '--action', '退款90元']);
      const done = await act(db, liveId, '退款90元');
      expect(done.code, done.stderr).toBe(0);
      const block = await runCsInProcess(['permit', '--db', db, '--call', liveId, '--action', '再退款90元']);
      expect(block.code, block.stderr).toBe(0);
      expect(block.stdout).toContain('状态: ⚠ 需要主管审批');
      expect(block.stdout).toContain('累计: 本次通话已批准90元 + 本次90元 = 180元 (24小时内)');
      const refused = await act(db, liveId, '再退款90元');
      expect(refused.code).toBe(1);
      expect(await refunds(db, PRODUCT, PHONE)).toEqual([-90]);
    });

    it('lets exactly one of 16 processes carry out one approval', async () => {
      const db = await backend.make();
      const liveId = await startLive(db);
      await cs(db, ['permit', '--call', liveId, '--action', '退款50元']);
      const results = await Promise.all(Array.from({ length: 16 }, () => act(db, liveId, '退款50元', runCs)));
      const codes = results.map((r) => r.code);
      expect(
        codes.filter((c) => c === 0),
        results.map((r) => r.stderr).join('\n'),
      ).toHaveLength(1);
      expect(codes.filter((c) => c === 1)).toHaveLength(15);
      for (const r of results.filter((x) => x.code === 1)) expect(r.stderr).toContain(NO_UNUSED);
      expect(await refunds(db, PRODUCT, PHONE)).toEqual([-50]);
      const saved = await endAndRead(db, liveId);
      expect(saved.actions_performed).toHaveLength(1);
    });
  });
}

describe('grants: cs call and cs permit (file store)', () => {
  it('approves only the first of three refunds of 90 in one call (the built-in agent)', async () => {
    const db = await BACKENDS[0]!.make();
    // The agent looks the charges up before a refund, and refunds are bounded by what was paid:
    // the caller paid 300, so only the limit (退款<100元, adding up) decides.
    await setBilling(db, PRODUCT, PHONE, {
      transactions: [{ date: '2026-11-01', amount: 300, description: '年费' }],
      total: 300,
    });
    const r = await runCsInProcess(
      ['call', '--db', db, '--product', PRODUCT, '--operator', OPERATOR, '--phone', PHONE, '--jsonl'],
      { input: '退款90元\n再退款90元\n再退款90元\n结束通话\n', timeoutMs: 120_000 },
    );
    expect(r.code, r.stderr).toBe(0);
    const events = parseEvents(r.stdout);
    const checks = events.filter((e) => e.type === 'permission_check');
    expect(checks.map((e) => e.status)).toEqual([
      'can_approve_immediately',
      'requires_supervisor',
      'requires_supervisor',
    ]);
    expect(checks[1]).toMatchObject({ counted: [{ concept: 'refund', call: 90, current: 90, total: 180 }] });
    expect(events.filter((e) => e.type === 'grant')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'action')).toEqual([
      expect.objectContaining({ type: 'action', action: '退款90元', changed: true }),
    ]);
    expect(await refunds(db, PRODUCT, PHONE)).toEqual([-90]);
  });

  it('counts 退款3次，每次50元 as 150元 without a call', async () => {
    const db = await BACKENDS[0]!.make();
    const json = await cs(db, ['permit', '--product', PRODUCT, '--action', '退款3次，每次50元']);
    expect(json).toMatchObject({ status: 'requires_supervisor', rule: '退款>=100元' });
    const block = await runCsInProcess([
      'permit',
      '--db',
      db,
      '--product',
      PRODUCT,
      '--action',
      '退款3次，每次50元',
    ]);
    expect(block.stdout).toContain('按3次×50元=150元计');
  });
});

describe('grants: MCP perform_action (file store)', () => {
  it('uses an approval once and refuses a text of several refunds', async () => {
    const db = await BACKENDS[0]!.make();
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [CS_BIN, 'mcp', '--db', db],
      cwd: PROJECT_ROOT,
      env: Object.fromEntries(
        Object.entries(process.env).filter(
          (e): e is [string, string] => e[1] !== undefined && !/^CS_(DB|DATABASE_URL|LLM_|API_)/.test(e[0]),
        ),
      ),
      stderr: 'pipe',
    });
    const client = new Client({ name: 'grants-test', version: '1.0.0' });
    await client.connect(transport);
    try {
      const tool = async (name: string, args: Record<string, unknown>) =>
        (await client.callTool({ name, arguments: args })) as {
          isError?: boolean;
          content: Array<{ type: string; text?: string }>;
          structuredContent?: Record<string, unknown>;
        };
      const text = (r: Awaited<ReturnType<typeof tool>>) => r.content.map((c) => c.text ?? '').join('\n');
      const started = await tool('start_call', { product: PRODUCT, operator: OPERATOR, phone: PHONE });
      const callId = /(call_[0-9a-f]{10})/.exec(text(started))?.[1];
      expect(callId).toBeDefined();
      await tool('query_system', { call_id: callId, interface: 'user_billing' });
      const checked = await tool('check_permission', { call_id: callId, action: '退款50元' });
      expect(text(checked)).toContain('✓ 可立即批准');
      const done = await tool('perform_action', { call_id: callId, action: '退款50元' });
      expect(done.isError, text(done)).toBeFalsy();
      for (const action of ['退款50元', '退款50元', '退款50元和退款50元和退款50元和退款50元']) {
        const refused = await tool('perform_action', { call_id: callId, action });
        expect(refused.isError).toBe(true);
        expect(text(refused)).toMatch(/no unused approval|several actions/);
      }
      expect(await refunds(db, PRODUCT, PHONE)).toEqual([-50]);
    } finally {
      await client.close();
    }
  });
});

describe('grants: the LLM agent’s perform_action tool (file store, scripted model over HTTP)', () => {
  let server: FakeOpenAiServer;
  /** What the model does after the caller asks for a refund: the bill read, one check, then four tries to act. */
  const STEPS: Array<Omit<FakeReply, 'status'>> = [
    { toolCalls: [{ name: 'query_system', arguments: { interface: 'user_billing' } }] },
    { toolCalls: [{ name: 'check_permission', arguments: { action: '退款50元' } }] },
    { toolCalls: [{ name: 'perform_action', arguments: { action: '退款50元' } }] },
    { toolCalls: [{ name: 'perform_action', arguments: { action: '退款50元' } }] },
    { toolCalls: [{ name: 'perform_action', arguments: { action: '退款50元' } }] },
    {
      toolCalls: [
        { name: 'perform_action', arguments: { action: '退款50元和退款50元和退款50元和退款50元' } },
      ],
    },
    { content: '请问还有什么可以帮您？' },
  ];
  const policy = (request: FakeChatRequest): FakeReply => {
    if ((request.tools ?? []).length === 0) return { content: 'not a review' };
    const lastUser = request.messages.findLastIndex((m) => m.role === 'user');
    const toolsSince = request.messages.slice(lastUser).filter((m) => m.role === 'tool').length;
    return STEPS[Math.min(toolsSince, STEPS.length - 1)]!;
  };
  beforeAll(async () => {
    server = await startFakeOpenAiServer(policy);
  });
  afterAll(async () => server?.close());

  it('carries out one check once however often the model acts on it', async () => {
    const db = await BACKENDS[0]!.make();
    const r = await runCsInProcess(
      [
        'call',
        '--db',
        db,
        '--product',
        PRODUCT,
        '--operator',
        OPERATOR,
        '--phone',
        PHONE,
        '--jsonl',
        '--agent',
        'llm',
      ],
      {
        input: '我要退款50元\n结束通话\n',
        timeoutMs: 120_000,
        env: {
          CS_LLM_PROVIDER: 'openai-compatible',
          CS_LLM_BASE_URL: `${server.url}/v1`,
          CS_LLM_MODEL: 'grants',
          CS_LLM_API_KEY: 'test',
        },
      },
    );
    expect(r.code, r.stderr).toBe(0);
    const events = parseEvents(r.stdout);
    expect(events.filter((e) => e.type === 'action')).toHaveLength(1);
    // What the tool told the model each time it tried to act.
    const toolMessages = server.requests
      .map((q) => q.messages.filter((m) => m.role === 'tool'))
      .reduce((a, b) => (b.length > a.length ? b : a), []);
    const results = toolMessages.map((m) =>
      typeof m.content === 'string' ? m.content : JSON.stringify(m.content),
    );
    // The bill read, the check, then the four tries to act.
    expect(results[0]).toContain('"interface":"user_billing"');
    const acts = results.slice(2);
    expect(acts).toHaveLength(4);
    expect(acts[0]).toContain('"ok":true');
    expect(acts[1]).toContain('no unused approval for');
    expect(acts[2]).toContain('no unused approval for');
    expect(acts[3]).toContain('several actions');
    expect(await refunds(db, PRODUCT, PHONE)).toEqual([-50]);
  });
});
