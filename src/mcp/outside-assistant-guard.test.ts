import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chargesOf } from '../../test/support/fake-backend.js';
import { scenarioStore } from '../../test/support/operation-store.js';
import type { MemoryRecordStore } from '../store/memory/memory-record-store.js';
import { setMockResponse } from '../systems/index.js';
import { createMcpServer } from './create-mcp-server.js';

type ToolResult = {
  isError?: boolean;
  content: Array<{ type: string; text?: string }>;
  structuredContent?: Record<string, unknown>;
};

const REVIEW = {
  resolution_status: 'partially_resolved',
  issue_summary: '客户要求退款50元',
  actions_taken: ['查询订阅状态', '已为客户退款50元'],
  follow_up_required: false,
  customer_updates: {},
};

/** An outside assistant driving a call through MCP, as Claude would. */
describe('MCP: an outside assistant is held to the call', () => {
  let store: MemoryRecordStore;
  let client: Client;
  let callId: string;

  const call = async (name: string, args: Record<string, unknown>) =>
    (await client.callTool({ name, arguments: { call_id: callId, ...args } })) as ToolResult;
  const text = (r: ToolResult) => r.content.map((c) => c.text ?? '').join('\n');

  beforeEach(async () => {
    store = await scenarioStore();
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await createMcpServer({ store, env: {} }).connect(serverSide);
    client = new Client({ name: 'unit', version: '1.0.0' });
    await client.connect(clientSide);
    const started = (await client.callTool({
      name: 'start_call',
      arguments: { product: '会员订阅服务', operator: 'HEAR策略', phone: '13800138000' },
    })) as ToolResult;
    callId = String(started.structuredContent?.call_id);
    await call('record_turn', { role: 'customer', content: '给我退50块钱' });
    // Money back is checked against the charge the call read.
    const [product] = await store.findByName('product', '会员订阅服务');
    await setMockResponse(store, product!._id, '13800138000', 'user_billing', chargesOf(200));
    await call('query_system', { interface: 'user_billing' });
  });

  afterEach(async () => {
    await client.close();
  });

  it('end_call refuses a review claiming a refund that was approved but never carried out', async () => {
    await call('check_permission', { action: '退款50元' });
    const refused = await call('end_call', { review: REVIEW });
    expect(refused).toMatchObject({ isError: true, structuredContent: { error: { code: 'E_REFUSED' } } });
    expect(text(refused)).toMatch(
      /^评估未保存.*Review refused: actions_taken "已为客户退款50元" claims an action/,
    );
    // Refused, the call is still live: the assistant can carry it out, then end it with the same review.
    expect((await store.listLiveSessions()).map((l) => l.live_id)).toEqual([callId]);
    expect((await call('perform_action', { action: '退款50元' })).isError).toBeUndefined();
    const ended = await call('end_call', { review: REVIEW });
    expect(ended.isError).toBeUndefined();
    expect(await store.listLiveSessions()).toEqual([]);
  });

  it('end_call refuses "resolved" while a supervisor ticket is open, naming it', async () => {
    await call('check_permission', { action: '退款200元' });
    const ticket = (await call('open_ticket', { kind: 'requires_supervisor', summary: '退款200元' }))
      .structuredContent as { id: string };
    const refused = await call('end_call', {
      review: { ...REVIEW, resolution_status: 'resolved', actions_taken: ['退款200元：已提交主管审批'] },
    });
    expect(refused.isError).toBe(true);
    expect(text(refused)).toContain(
      `resolution_status "resolved", but ticket ${ticket.id} ("退款200元") is still open`,
    );
    const ended = await call('end_call', {
      review: { ...REVIEW, follow_up_required: true, actions_taken: ['退款200元：已提交主管审批'] },
    });
    expect(ended.isError).toBeUndefined();
  });

  it.each([
    ['an action no check approved', '好的，已经为您退款50元了，请留意到账。', 'commitment_without_approval'],
    ["another customer's phone", '您可以联系李女士，她的电话是13912345678。', 'other_customer_data'],
  ])('record_turn refuses a reply with %s and records only the decision', async (_what, draft, rule) => {
    const refused = await call('record_turn', { role: 'agent', content: draft });
    expect(refused).toMatchObject({ isError: true, structuredContent: { error: { code: 'E_REFUSED' } } });
    expect(text(refused)).toContain('Reply not recorded');
    const live = (await store.getLiveSession(callId)) as unknown as {
      record: {
        conversation: Array<{ content: string }>;
        guard_decisions: Array<{ rule: string; outcome: string }>;
      };
    };
    expect(live.record.conversation.map((t) => t.content)).not.toContain(draft);
    expect(live.record.guard_decisions).toEqual([expect.objectContaining({ rule, outcome: 'blocked' })]);
  });
});
