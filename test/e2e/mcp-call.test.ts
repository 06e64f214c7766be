import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CS_BIN, PROJECT_ROOT, runCs, tempDb } from '../support/run-cs.js';
import { seedRecords } from '../support/seed-records.js';

const PRODUCT = '会员订阅服务';
const OPERATOR = 'HEAR策略';
const PHONE = '13800138000';
const TOOLS = [
  'check_permission',
  'end_call',
  'get_record',
  'list_approvals',
  'list_records',
  'list_tickets',
  'open_ticket',
  'perform_action',
  'query_system',
  'record_turn',
  'search_knowledge',
  'start_call',
  'update_ticket',
];

/** The call both drivers run: what the caller says, what is checked, what the agent answers. */
const CALL = {
  tag: 'parity01',
  customer: '我没有订阅大会员，为什么扣了我15块钱！另外我要退款200元。',
  interface: 'user_subscription',
  action: '退款200元',
  agent: '我查了一下，您开通的是超级会员。退款200元需要我向主管申请，预计2小时内给您回复，可以吗？',
  review: {
    resolution_status: 'partially_resolved',
    issue_summary: '客户对扣费有疑问并要求退款200元',
    actions_taken: ['查询订阅状态', '退款200元：已提交主管审批'],
    follow_up_required: true,
    customer_updates: { communication_style: '直接简洁，着急' },
  },
} as const;

/** The environment without settings that would point the server at another store or model. */
function serverEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^CS_(DB|DATABASE_URL|LLM_|API_)/.test(key)) env[key] = value;
  }
  return env;
}

async function connect(
  db: string,
): Promise<{ client: Client; transport: StdioClientTransport; stderr: () => string }> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CS_BIN, 'mcp', '--db', db],
    cwd: PROJECT_ROOT,
    env: serverEnv(),
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString('utf8');
  });
  const client = new Client({ name: 'cs-e2e', version: '1.0.0' });
  await client.connect(transport);
  return { client, transport, stderr: () => stderr };
}

type ToolResult = {
  isError?: boolean;
  content: Array<{ type: string; text?: string }>;
  structuredContent?: unknown;
};

async function call(client: Client, name: string, args: Record<string, unknown>): Promise<ToolResult> {
  return (await client.callTool({ name, arguments: args })) as ToolResult;
}

function textOf(result: ToolResult): string {
  return result.content.map((c) => c.text ?? '').join('\n');
}

/** A successful tool result's structured data. */
function dataOf<T = Record<string, unknown>>(result: ToolResult): T {
  expect(result.isError, textOf(result)).toBeFalsy();
  return result.structuredContent as T;
}

/** The text of a prompt's first message. */
function promptText(prompt: { messages: Array<{ content: unknown }> }): string {
  const content = prompt.messages[0]?.content as { text?: string } | undefined;
  return content?.text ?? '';
}

async function readSession(db: string, sessionId: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(db, 'history', sessionId, 'session.json'), 'utf8')) as Record<
    string,
    unknown
  >;
}

/** Replaces what must differ between two runs of the same call: times, the day's clock and ids. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        ['timestamp', 'started_at', 'ended_at', 'at', 'issued_at'].includes(k) && typeof v === 'string'
          ? '<time>'
          : ['call_id', 'grant_id'].includes(k) && typeof v === 'string'
            ? '<id>'
            : k === 'approval_ids' && Array.isArray(v)
              ? v.map(() => '<id>')
              : normalise(v),
      ]),
    );
  }
  return value;
}

describe('cs mcp', () => {
  let tmp: Awaited<ReturnType<typeof tempDb>>;
  let seeded: string;

  beforeAll(async () => {
    tmp = await tempDb();
    seeded = join(tmp.dir, 'seeded');
    await seedRecords(seeded);
  });
  afterAll(async () => tmp.cleanup());

  /** A fresh copy of the seeded database: same record ids, so the same mock responses. */
  async function copyDb(name: string): Promise<string> {
    const db = join(tmp.dir, name);
    await cp(seeded, db, { recursive: true });
    return db;
  }

  it('lists its tools (the issue’s eight, perform_action, open_ticket, list_approvals and the two ticket tools), each described', async () => {
    const { client } = await connect(await copyDb('tools'));
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name).sort()).toEqual(TOOLS);
      for (const tool of tools) {
        expect(tool.description?.length, tool.name).toBeGreaterThan(40);
        expect(tool.inputSchema.type).toBe('object');
      }
      const start = tools.find((t) => t.name === 'start_call');
      expect(Object.keys(start?.inputSchema.properties ?? {})).toEqual(
        expect.arrayContaining(['product', 'operator', 'phone', 'customer', 'new']),
      );
      expect(start?.inputSchema.required).toEqual(expect.arrayContaining(['product', 'operator']));
    } finally {
      await client.close();
    }
  });

  it('runs a whole call and saves what the same call driven through the CLI saves', async () => {
    // Over MCP.
    const mcpDb = await copyDb('mcp');
    const { client } = await connect(mcpDb);
    let mcpSaved: { session_id: string; path: string };
    try {
      const started = await call(client, 'start_call', {
        product: PRODUCT,
        operator: OPERATOR,
        phone: PHONE,
        session_tag: CALL.tag,
      });
      const start = dataOf<{ call_id: string; customer: { name: string; cold_start: boolean } }>(started);
      expect(textOf(started)).toContain('--- 客服电话已接通 ---');
      expect(textOf(started)).toContain(start.call_id);
      expect(start.customer).toMatchObject({ name: '张先生', cold_start: false });

      dataOf(
        await call(client, 'record_turn', {
          call_id: start.call_id,
          role: 'customer',
          content: CALL.customer,
        }),
      );

      const queried = await call(client, 'query_system', {
        call_id: start.call_id,
        interface: CALL.interface,
      });
      const query = dataOf<{ ok: boolean; interface: string; response: { subscriptions: unknown[] } }>(
        queried,
      );
      expect(query).toMatchObject({ ok: true, interface: 'user_subscription', mock: true });
      expect(query.response.subscriptions.length).toBeGreaterThan(0);
      expect(textOf(queried)).toContain('【系统查询结果 - Mock】');
      expect(textOf(queried)).toContain('138****8000');

      const checked = await call(client, 'check_permission', { call_id: start.call_id, action: CALL.action });
      expect(dataOf(checked)).toMatchObject({ action: CALL.action, status: 'requires_supervisor' });
      expect(textOf(checked)).toContain('【权限检查结果】');
      expect(textOf(checked)).toContain('⚠ 需要主管审批');

      dataOf(
        await call(client, 'record_turn', { call_id: start.call_id, role: 'agent', content: CALL.agent }),
      );

      const ended = await call(client, 'end_call', { call_id: start.call_id, review: CALL.review });
      mcpSaved = dataOf<{ session_id: string; path: string }>(ended);
      expect(mcpSaved.session_id).toMatch(new RegExp(`^cs_\\d{8}_001_${CALL.tag}$`));
      expect(textOf(ended)).toContain('--- 客服电话已结束 ---');

      // The call is over: it can no longer be driven.
      const after = await call(client, 'record_turn', {
        call_id: start.call_id,
        role: 'customer',
        content: '喂？',
      });
      expect(after.isError).toBe(true);
    } finally {
      await client.close();
    }

    // Through the CLI, one process per step, in another copy of the same database.
    const cliDb = await copyDb('cli');
    const cs = async (args: string[]) => {
      const r = await runCs([...args, '--db', cliDb, '--json']);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as Record<string, unknown>;
    };
    const live = await cs([
      'session',
      'start',
      '--product',
      PRODUCT,
      '--operator',
      OPERATOR,
      '--phone',
      PHONE,
      '--claude-session',
      CALL.tag,
    ]);
    const liveId = String(live.call_id);
    await cs(['session', 'turn', '--call', liveId, '--role', 'customer', '--content', CALL.customer]);
    await cs(['query', '--call', liveId, '--interface', CALL.interface]);
    await cs(['permit', '--call', liveId, '--product', PRODUCT, '--action', CALL.action]);
    await cs(['session', 'turn', '--call', liveId, '--role', 'agent', '--content', CALL.agent]);
    const cliSaved = await cs(['session', 'end', '--call', liveId, '--review', JSON.stringify(CALL.review)]);

    const fromMcp = await readSession(mcpDb, mcpSaved.session_id);
    const fromCli = await readSession(cliDb, String(cliSaved.session_id));
    expect(fromMcp.conversation).toEqual([
      { role: 'customer', content: CALL.customer },
      { role: 'agent', content: CALL.agent },
    ]);
    expect((fromMcp.system_queries as unknown[]).length).toBe(1);
    expect(fromMcp.permission_checks).toMatchObject([
      { action: CALL.action, status: 'requires_supervisor', turn: 0 },
    ]);
    expect(fromMcp.review).toEqual(CALL.review);
    expect(fromMcp.agent).toBe('external');
    expect(normalise(fromMcp)).toEqual(normalise(fromCli));

    // Both updated the customer the same way.
    const customer = async (db: string) => {
      const r = await runCs(['read', 'customer', '--phone', PHONE, '--db', db, '--json']);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as Record<string, unknown>;
    };
    const [mcpCustomer, cliCustomer] = await Promise.all([customer(mcpDb), customer(cliDb)]);
    expect(mcpCustomer.communication_style).toBe('直接简洁，着急');
    expect(mcpCustomer.interaction_history).toMatchObject([
      { session_id: mcpSaved.session_id, outcome: 'partially_resolved' },
    ]);
    expect(normalise(mcpCustomer.interaction_history)).toEqual(normalise(cliCustomer.interaction_history));
  });

  it('answers a bad call with a tool error and keeps serving', async () => {
    const { client, stderr } = await connect(await copyDb('errors'));
    try {
      const unknown = await call(client, 'start_call', {
        product: '不存在的产品',
        operator: OPERATOR,
        phone: PHONE,
      });
      expect(unknown.isError).toBe(true);
      expect(textOf(unknown)).toMatch(/^No product named "不存在的产品".*会员订阅服务/);

      const noCaller = await call(client, 'start_call', { product: PRODUCT, operator: OPERATOR });
      expect(noCaller.isError).toBe(true);
      expect(textOf(noCaller)).toContain('Say who is calling');

      const noSession = await call(client, 'check_permission', {
        call_id: 'live_0000000000',
        action: '退款50元',
      });
      expect(noSession.isError).toBe(true);
      expect(textOf(noSession)).toContain('No live session live_0000000000');

      const badArgs = await call(client, 'record_turn', {
        call_id: 'live_0000000000',
        role: 'supervisor',
        content: 'x',
      });
      expect(badArgs.isError).toBe(true);
      expect(textOf(badArgs)).toContain('role');

      const started = dataOf<{ call_id: string }>(
        await call(client, 'start_call', { product: PRODUCT, operator: OPERATOR, phone: PHONE }),
      );
      const both = await call(client, 'query_system', {
        call_id: started.call_id,
        interface: 'user_subscription',
        endpoint: '/api/user/13800138000/subscriptions',
      });
      expect(both.isError).toBe(true);
      expect(textOf(both)).toBe('Give exactly one of interface or endpoint.');

      const badReview = await call(client, 'end_call', {
        call_id: started.call_id,
        review: { resolution_status: 'done' },
      });
      expect(badReview.isError).toBe(true);

      // Still serving, and the call survived the refused end.
      const listed = dataOf<{ records: Array<{ type: string; name: string }> }>(
        await call(client, 'list_records', {}),
      );
      expect(listed.records).toEqual(
        expect.arrayContaining([expect.objectContaining({ type: 'product', name: PRODUCT })]),
      );
      const ended = dataOf<{ review: { issue_summary: string } }>(
        await call(client, 'end_call', { call_id: started.call_id }),
      );
      expect(ended.review.issue_summary.length).toBeGreaterThan(0);
      expect(stderr()).toBe('');
    } finally {
      await client.close();
    }
  });

  it('reads records and searches the product’s knowledge', async () => {
    const { client } = await connect(await copyDb('records'));
    try {
      // A customer is readable as the caller of a live call (see mcp-scope.test.ts).
      dataOf(
        await call(client, 'start_call', { product: PRODUCT, operator: OPERATOR, phone: '13912345678' }),
      );
      const customer = await call(client, 'get_record', { type: 'customer', phone: '139 1234 5678' });
      expect(dataOf(customer)).toMatchObject({ name: '李女士', type: 'vip' });
      const product = dataOf<{ operator_permissions: Record<string, string[]> }>(
        await call(client, 'get_record', { type: 'product', name: '会员订阅' }),
      );
      expect(product.operator_permissions.forbidden).toEqual(['透露其他用户信息']);
      const two = await call(client, 'get_record', { type: 'product', name: PRODUCT, id: 'abcdef12' });
      expect(two.isError).toBe(true);

      const found = await call(client, 'search_knowledge', { product: PRODUCT, query: '怎么取消自动续费' });
      const hits = dataOf<{ hits: Array<{ answer: string }> }>(found).hits;
      expect(hits[0]?.answer).toContain('自动续费');
    } finally {
      await client.close();
    }
  });

  it('serves the methodology guide, each product’s permission rules and the operator prompt', async () => {
    const { client } = await connect(await copyDb('resources'));
    try {
      const { resources } = await client.listResources();
      const uris = resources.map((r) => r.uri);
      const permissionsUri = `cs://products/${encodeURIComponent(PRODUCT)}/permissions`;
      expect(uris).toEqual(expect.arrayContaining(['cs://methodologies', permissionsUri]));
      const { resourceTemplates } = await client.listResourceTemplates();
      expect(resourceTemplates.map((t) => t.uriTemplate)).toContain('cs://products/{name}/permissions');

      const guide = await client.readResource({ uri: 'cs://methodologies' });
      const guideText = String((guide.contents[0] as { text?: string }).text);
      for (const name of ['HEAR', 'LAST', 'LEARN']) expect(guideText).toContain(name);

      const rules = await client.readResource({ uri: permissionsUri });
      const parsed = JSON.parse(String((rules.contents[0] as { text?: string }).text)) as {
        product: string;
        operator_permissions: Record<string, string[]>;
      };
      expect(parsed.product).toBe(PRODUCT);
      expect(parsed.operator_permissions.requires_supervisor).toContain('退款>=100元');
      await expect(client.readResource({ uri: 'cs://products/nope/permissions' })).rejects.toThrow(
        /No product named "nope"/,
      );

      const { prompts } = await client.listPrompts();
      expect(prompts.map((p) => p.name)).toEqual(['operator_call']);
      const prompt = await client.getPrompt({
        name: 'operator_call',
        arguments: { product: PRODUCT, operator: OPERATOR, phone: PHONE },
      });
      const text = promptText(prompt);
      for (const needle of [
        PRODUCT,
        OPERATOR,
        '张先生',
        'query_system',
        'check_permission',
        '主管',
        'Never reveal',
      ]) {
        expect(text).toContain(needle);
      }
      expect(text).toContain('Hear 倾听 → Empathize 共情 → Apologize 道歉 → Resolve 解决');
      const cold = await client.getPrompt({
        name: 'operator_call',
        arguments: { product: PRODUCT, operator: OPERATOR, phone: '13700001111' },
      });
      expect(promptText(cold)).toContain('Cold start');
    } finally {
      await client.close();
    }
  });

  it('exits when the client disconnects', async () => {
    const { client, transport } = await connect(await copyDb('exit'));
    const pid = transport.pid;
    expect(pid).toBeTypeOf('number');
    const t0 = performance.now();
    await client.close();
    // The client sends SIGTERM only after 2 s; a server that notices the end of stdin is gone before.
    expect(performance.now() - t0).toBeLessThan(1900);
    expect(() => process.kill(pid as number, 0)).toThrow();
  });
  it('carries out only actions this call approved, and opens tickets', async () => {
    const db = await copyDb('act');
    const fixed = await runCs([
      'mock',
      'set',
      '--db',
      db,
      '--product',
      PRODUCT,
      '--phone',
      PHONE,
      '--interface',
      'user_subscription',
      '--response',
      JSON.stringify({ subscriptions: [{ name: '超级会员', fee: 15, auto_renew: true }], status: 'active' }),
    ]);
    expect(fixed.code, fixed.stderr).toBe(0);
    const { client } = await connect(db);
    try {
      const start = dataOf<{ call_id: string }>(
        await call(client, 'start_call', { product: PRODUCT, operator: OPERATOR, phone: PHONE }),
      );
      const refused = await call(client, 'perform_action', {
        call_id: start.call_id,
        action: '取消自动续费',
      });
      expect(refused.isError).toBe(true);
      expect(textOf(refused)).toMatch(/no unused approval for "取消自动续费" in this call/);

      const check = dataOf<{ status: string }>(
        await call(client, 'check_permission', { call_id: start.call_id, action: '取消自动续费' }),
      );
      expect(check.status).toBe('can_approve_immediately');
      const done = dataOf<{ changed: boolean }>(
        await call(client, 'perform_action', { call_id: start.call_id, action: '取消自动续费' }),
      );
      expect(done.changed).toBe(true);
      const after = dataOf<{ response: { subscriptions: Array<{ auto_renew: boolean }> } }>(
        await call(client, 'query_system', { call_id: start.call_id, interface: 'user_subscription' }),
      );
      expect(after.response.subscriptions.every((s) => s.auto_renew === false)).toBe(true);

      const ticket = dataOf<{ id: string }>(
        await call(client, 'open_ticket', {
          call_id: start.call_id,
          kind: 'requires_supervisor',
          summary: '退款200元',
        }),
      );
      expect(ticket.id).toMatch(/^TK\d{8}-/);
      const ended = dataOf<{ session_id: string }>(
        await call(client, 'end_call', { call_id: start.call_id }),
      );
      const saved = await readSession(join(tmp.dir, 'act'), ended.session_id);
      expect(saved.tickets).toEqual([
        expect.objectContaining({ id: ticket.id, kind: 'requires_supervisor' }),
      ]);
      expect(saved.actions_performed).toEqual([expect.objectContaining({ action: '取消自动续费' })]);
    } finally {
      await client.close();
    }
  });
});
