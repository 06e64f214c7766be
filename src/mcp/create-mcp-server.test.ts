import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chargesOf } from '../../test/support/fake-backend.js';
import { addSupervisor } from '../approvals/decide-approval.js';
import { CsError } from '../domain/cs-error.js';
import { createRecord } from '../records/record-service.js';
import { FsRecordStore } from '../store/fs/fs-record-store.js';
import { makeTempDir } from '../store/fs/test-db.js';
import type { RecordStore } from '../store/record-store.js';
import { setMockResponse } from '../systems/index.js';
import { toolError } from './_tool-result.js';
import { createMcpServer } from './create-mcp-server.js';

type ToolResult = {
  isError?: boolean;
  content: Array<{ type: string; text?: string }>;
  structuredContent?: unknown;
};

const RECORDS = join(process.cwd(), '../shared/scenarios/calls/records.json');

describe('createMcpServer', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let store: RecordStore;
  let client: Client;

  beforeEach(async () => {
    temp = await makeTempDir('cs-mcp-');
    store = new FsRecordStore(join(temp.dir, 'db'));
    const records = JSON.parse(await readFile(RECORDS, 'utf8')) as Record<
      string,
      Array<Record<string, unknown>>
    >;
    for (const [type, key] of [
      ['product', 'products'],
      ['customer', 'customers'],
      ['operator', 'operators'],
    ] as const) {
      for (const r of records[key] ?? []) await createRecord(store, type, r);
    }
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await createMcpServer({ store, env: {} }).connect(serverSide);
    client = new Client({ name: 'unit', version: '1.0.0' });
    await client.connect(clientSide);
  });

  afterEach(async () => {
    await client.close();
    await store.close();
    await temp.cleanup();
  });

  const call = async (name: string, args: Record<string, unknown>) =>
    (await client.callTool({ name, arguments: args })) as ToolResult;

  it('records a call into a live session the CLI can see and saves it on end_call', async () => {
    const started = await call('start_call', {
      product: '会员订阅服务',
      operator: 'HEAR策略',
      phone: '138-0013-8000',
    });
    const { call_id } = started.structuredContent as { call_id: string };
    expect((await store.listLiveSessions()).map((l) => l.live_id)).toEqual([call_id]);

    await call('record_turn', { call_id, role: 'customer', content: '我要退款50元' });
    // Money back is checked against the charge the call read.
    const [product] = await store.findByName('product', '会员订阅服务');
    await setMockResponse(store, product!._id, '13800138000', 'user_billing', chargesOf(200));
    await call('query_system', { call_id, interface: 'user_billing' });
    const checked = await call('check_permission', { call_id, action: '退款50元' });
    expect(checked.structuredContent).toMatchObject({
      status: 'can_approve_immediately',
      rule: '退款<100元',
    });
    expect(checked.content[0]?.text).toContain('✓ 可立即批准');

    const ended = await call('end_call', { call_id });
    const saved = ended.structuredContent as { session_id: string; review: { resolution_status: string } };
    const session = await store.getSession(saved.session_id);
    expect(session?.conversation).toEqual([{ role: 'customer', content: '我要退款50元' }]);
    expect(session?.permission_checks).toMatchObject([
      { action: '退款50元', status: 'can_approve_immediately' },
    ]);
    expect(await store.listLiveSessions()).toEqual([]);
  });

  it('answers a failing tool with its one-line message as a tool error', async () => {
    const result = await call('get_record', { type: 'operator', name: 'LAST策略' });
    expect(result.isError).toBe(true);
    expect(result.content).toEqual([
      { type: 'text', text: expect.stringMatching(/^No operator named "LAST策略".*HEAR策略/) },
    ]);
  });

  it('shows customers only as the callers of its live calls, refusing the others with E_REFUSED', async () => {
    const refusedCode = (r: ToolResult) =>
      (r.structuredContent as { error?: { code?: string } })?.error?.code;
    const before = await call('get_record', { type: 'customer', name: '李' });
    expect(before.isError).toBe(true);
    expect(refusedCode(before)).toBe('E_REFUSED');
    expect(before.content[0]?.text).toContain('start_call first');

    const started = await call('start_call', {
      product: '会员订阅服务',
      operator: 'HEAR策略',
      phone: '13800138000',
    });
    const { call_id } = started.structuredContent as { call_id: string };
    const own = await call('get_record', { type: 'customer', name: '张' });
    expect(own.structuredContent).toMatchObject({ name: '张先生', phone: '13800138000' });
    const other = await call('get_record', { type: 'customer', phone: '13912345678' });
    expect(refusedCode(other)).toBe('E_REFUSED');
    expect(other.content[0]?.text).not.toContain('李女士');
    const listed = await call('list_records', { type: 'customer' });
    expect(
      (listed.structuredContent as { records: Array<{ name: string }> }).records.map((r) => r.name),
    ).toEqual(['张先生']);

    await call('end_call', { call_id });
    expect(refusedCode(await call('get_record', { type: 'customer', name: '张' }))).toBe('E_REFUSED');
  });

  it('lists and works on tickets of its live callers only (list_tickets, update_ticket)', async () => {
    const start = async () =>
      (
        (await call('start_call', { product: '会员订阅服务', operator: 'HEAR策略', phone: '13800138000' }))
          .structuredContent as { call_id: string }
      ).call_id;
    const first = await start();
    const opened = await call('open_ticket', {
      call_id: first,
      kind: 'requires_process',
      summary: '投诉处理',
    });
    const { id } = opened.structuredContent as { id: string };
    await call('end_call', { call_id: first });
    // No live call: no caller's tickets are shown, and none can be changed.
    expect((await call('list_tickets', {})).structuredContent).toEqual({ items: [] });
    const refused = await call('update_ticket', { ticket_id: id, action: 'start', by: 'assistant' });
    expect(refused).toMatchObject({ isError: true, structuredContent: { error: { code: 'E_REFUSED' } } });

    const second = await start();
    const listed = await call('list_tickets', {});
    expect((listed.structuredContent as { items: Array<{ id: string; state: string }> }).items).toEqual([
      expect.objectContaining({ id, state: 'open' }),
    ]);
    expect(listed.content[0]?.text).toContain(`${id}  待处理 open  张先生`);
    const commented = await call('update_ticket', {
      ticket_id: id,
      action: 'comment',
      by: 'assistant',
      text: '客户再次来电催办',
    });
    expect(commented.structuredContent).toMatchObject({
      ticket: { id, comments: [{ by: 'assistant', text: '客户再次来电催办' }] },
      audit: { from: 'open', to: 'open', who: 'assistant' },
    });
    const bad = await call('update_ticket', { ticket_id: id, action: 'close', by: 'assistant' });
    expect(bad).toMatchObject({ isError: true, structuredContent: { error: { code: 'E_CONFLICT' } } });
    await call('end_call', { call_id: second });
  });

  it('raises an approval request from a supervisor decision, lists its caller’s, and decides only with --admin', async () => {
    const started = await call('start_call', {
      product: '会员订阅服务',
      operator: 'HEAR策略',
      phone: '13800138000',
    });
    const { call_id } = started.structuredContent as { call_id: string };
    const checked = await call('check_permission', { call_id, action: '退款200元' });
    expect(checked.structuredContent).toMatchObject({ status: 'requires_supervisor' });
    const listed = await call('list_approvals', { state: 'pending' });
    const [request] = (
      listed.structuredContent as { items: Array<{ id: string; raised_by: string; action: string }> }
    ).items;
    expect(request).toMatchObject({ action: '退款200元', raised_by: 'assistant' });
    const tools = (await client.listTools()).tools.map((t) => t.name);
    expect(tools).toContain('list_approvals');
    expect(tools).not.toContain('decide_approval');
    await call('end_call', { call_id });
    // The call is over: its caller's requests are out of this assistant's sight.
    expect((await call('list_approvals', {})).structuredContent).toEqual({ items: [] });

    const [adminSide, serverSide] = InMemoryTransport.createLinkedPair();
    await createMcpServer({ store, env: {}, admin: true }).connect(serverSide);
    const admin = new Client({ name: 'supervisor', version: '1.0.0' });
    await admin.connect(adminSide);
    const decide = async (args: Record<string, unknown>) =>
      (await admin.callTool({ name: 'decide_approval', arguments: args })) as ToolResult;
    const unknown = await decide({ id: request?.id, decision: 'reject', by: '王主管', reason: '重复' });
    expect(unknown).toMatchObject({ isError: true, structuredContent: { error: { code: 'E_REFUSED' } } });
    await addSupervisor({ store, env: {} }, '王主管');
    const rejected = await decide({ id: request?.id, decision: 'reject', by: '王主管', reason: '重复' });
    expect(rejected.structuredContent).toMatchObject({
      id: request?.id,
      state: 'rejected',
      told: ['rejected'],
    });
    await admin.close();
  });

  it('starts a call by customer name only on a full name, and a miss lists no one', async () => {
    const guess = await call('start_call', { product: '会员订阅服务', operator: 'HEAR策略', customer: '李' });
    expect(guess).toMatchObject({ isError: true, structuredContent: { error: { code: 'E_NOT_FOUND' } } });
    expect(guess.content[0]?.text).not.toContain('李女士');
    expect(guess.content[0]?.text).not.toContain('张先生');
    expect(await store.listLiveSessions()).toEqual([]);
    const full = await call('start_call', {
      product: '会员订阅服务',
      operator: 'HEAR策略',
      customer: '李女士',
    });
    expect(full.structuredContent).toMatchObject({ customer: { name: '李女士' } });
  });

  it('refuses a phone in end_call’s customer updates and keeps the call live', async () => {
    const started = await call('start_call', {
      product: '会员订阅服务',
      operator: 'HEAR策略',
      phone: '13800138000',
    });
    const { call_id } = started.structuredContent as { call_id: string };
    const refused = await call('end_call', { call_id, update_customer: { phone: 'abc' } });
    expect(refused).toMatchObject({ isError: true, structuredContent: { error: { code: 'E_USAGE' } } });
    expect(refused.content[0]?.text).toContain('cs update customer');
    expect((await store.listLiveSessions()).map((l) => l.live_id)).toEqual([call_id]);
  });

  it('reports a search with neither call nor product as a usage error', async () => {
    const result = await call('search_knowledge', { query: '退款多久到账' });
    expect(result).toMatchObject({
      isError: true,
      content: [{ text: 'Give exactly one of call_id or product.' }],
    });
  });
});

describe('toolError', () => {
  it('keeps a CsError message and labels anything else as unexpected', () => {
    expect(toolError(new CsError('E_NOT_FOUND', 'No customer with phone 1.'))).toEqual({
      isError: true,
      content: [{ type: 'text', text: 'No customer with phone 1.' }],
      structuredContent: { error: { code: 'E_NOT_FOUND', message: 'No customer with phone 1.' } },
    });
    const bug = toolError(new TypeError('x is undefined'));
    expect(bug.content).toEqual([{ type: 'text', text: 'Unexpected error: x is undefined' }]);
    expect(bug.structuredContent).toMatchObject({ error: { code: 'E_INTERNAL' } });
  });
});
