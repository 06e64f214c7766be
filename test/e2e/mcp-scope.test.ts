import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CS_BIN, PROJECT_ROOT, runCs, tempDb } from '../support/run-cs.js';
import { seedRecords } from '../support/seed-records.js';

const PRODUCT = '会员订阅服务';
const OPERATOR = 'HEAR策略';
const CALLER = { name: '张先生', phone: '13800138000' };
const OTHER = { name: '李女士', phone: '13912345678' };

type ToolResult = {
  isError?: boolean;
  content: Array<{ type: string; text?: string }>;
  structuredContent?: Record<string, unknown>;
};

function serverEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^CS_(DB|DATABASE_URL|LLM_|API_)/.test(key)) env[key] = value;
  }
  return env;
}

/** `cs mcp` (with any extra flags) driven by the real MCP SDK client over stdio. */
async function connect(db: string, extra: string[] = []): Promise<Client> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CS_BIN, 'mcp', '--db', db, ...extra],
    cwd: PROJECT_ROOT,
    env: serverEnv(),
    stderr: 'pipe',
  });
  const client = new Client({ name: 'cs-e2e-scope', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

async function call(client: Client, name: string, args: Record<string, unknown>): Promise<ToolResult> {
  return (await client.callTool({ name, arguments: args })) as ToolResult;
}

const textOf = (r: ToolResult) => r.content.map((c) => c.text ?? '').join('\n');

/** A refusal: a tool error, code E_REFUSED, and nothing of the other customer in it. */
function expectRefused(r: ToolResult): void {
  expect(r.isError, textOf(r)).toBe(true);
  expect(r.structuredContent).toMatchObject({ error: { code: 'E_REFUSED' } });
  expect(textOf(r)).toContain('cs mcp --admin');
  expect(textOf(r)).not.toContain(OTHER.name);
  expect(textOf(r)).not.toContain(OTHER.phone);
}

const customerNames = (r: ToolResult) =>
  ((r.structuredContent?.records ?? []) as Array<{ type: string; name: string }>)
    .filter((x) => x.type === 'customer')
    .map((x) => x.name);

describe('cs mcp: customers only as the callers of live calls', () => {
  let tmp: Awaited<ReturnType<typeof tempDb>>;
  let otherId: string;

  beforeAll(async () => {
    tmp = await tempDb();
    await seedRecords(tmp.db);
    const r = await runCs(['read', 'customer', '--phone', OTHER.phone, '--json', '--db', tmp.db]);
    otherId = String(JSON.parse(r.stdout)._id);
  });
  afterAll(async () => tmp.cleanup());

  it('reads no customer without a live call, products and operators as before', async () => {
    const client = await connect(tmp.db);
    try {
      expectRefused(await call(client, 'get_record', { type: 'customer', name: '李' }));
      expectRefused(await call(client, 'get_record', { type: 'customer', phone: OTHER.phone }));
      expectRefused(await call(client, 'get_record', { type: 'customer', id: otherId }));
      const listed = await call(client, 'list_records', {});
      expect(customerNames(listed)).toEqual([]);
      expect(textOf(listed)).not.toContain(OTHER.phone);
      const product = await call(client, 'get_record', { type: 'product', name: '会员' });
      expect(product.structuredContent).toMatchObject({ name: PRODUCT });
      const operator = await call(client, 'get_record', { type: 'operator', name: 'HEAR' });
      expect(operator.structuredContent).toMatchObject({ name: OPERATOR });
    } finally {
      await client.close();
    }
  });

  it('during a call reads the caller, refuses everyone else by name, part of a name, phone or id', async () => {
    const client = await connect(tmp.db);
    try {
      const started = await call(client, 'start_call', {
        product: PRODUCT,
        operator: OPERATOR,
        phone: CALLER.phone,
      });
      const { call_id } = started.structuredContent as { call_id: string };

      const own = await call(client, 'get_record', { type: 'customer', name: '张' });
      expect(own.structuredContent).toMatchObject(CALLER);
      const byPhone = await call(client, 'get_record', { type: 'customer', phone: '138-0013-8000' });
      expect(byPhone.structuredContent).toMatchObject(CALLER);

      for (const args of [{ name: '李' }, { name: OTHER.name }, { phone: OTHER.phone }, { id: otherId }]) {
        expectRefused(await call(client, 'get_record', { type: 'customer', ...args }));
      }
      expect(customerNames(await call(client, 'list_records', { type: 'customer' }))).toEqual([CALLER.name]);

      await call(client, 'end_call', { call_id });
      expectRefused(await call(client, 'get_record', { type: 'customer', name: '张' }));
    } finally {
      await client.close();
    }
  });

  it('with --admin reads every customer, as before', async () => {
    const client = await connect(tmp.db, ['--admin']);
    try {
      const other = await call(client, 'get_record', { type: 'customer', name: '李' });
      expect(other.structuredContent).toMatchObject(OTHER);
      expect(customerNames(await call(client, 'list_records', { type: 'customer' })).sort()).toEqual(
        [CALLER.name, OTHER.name].sort(),
      );
    } finally {
      await client.close();
    }
  });

  it('refuses a phone change in end_call and keeps the call open', async () => {
    const client = await connect(tmp.db);
    try {
      const started = await call(client, 'start_call', {
        product: PRODUCT,
        operator: OPERATOR,
        phone: CALLER.phone,
      });
      const { call_id } = started.structuredContent as { call_id: string };
      const refused = await call(client, 'end_call', { call_id, update_customer: { phone: 'abc' } });
      expect(refused).toMatchObject({ isError: true, structuredContent: { error: { code: 'E_USAGE' } } });
      expect(textOf(refused)).toContain('cs update customer');
      const ended = await call(client, 'end_call', { call_id });
      expect(ended.isError, textOf(ended)).toBeFalsy();
    } finally {
      await client.close();
    }
    const customer = await runCs(['read', 'customer', '--name', CALLER.name, '--json', '--db', tmp.db]);
    expect(JSON.parse(customer.stdout).phone).toBe(CALLER.phone);
  });
});
