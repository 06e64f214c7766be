import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { addSupervisor, approveRequest } from '../../src/approvals/decide-approval.js';
import type { CallEvent } from '../../src/domain/session-schemas.js';
import { askForHuman, type ChatDeps, deliverNews, say, startChat } from '../../src/http/chat/chat-service.js';
import { serverSecret, signChatToken } from '../../src/http/chat/chat-token.js';
import { callView, humanReply, takeOver } from '../../src/http/chat/take-over.js';
import { setMockResponse } from '../../src/systems/mock-backend.js';
import { makePgTestStore, pgSuiteTitle, TEST_DATABASE_URL, warnPgSkipped } from './pg-test-schema.js';

// The customer chat on PostgreSQL, where several `cs serve` share one database: the server
// secret, the live call's state and its record all live in the database.
warnPgSkipped('the customer chat on PostgreSQL');

const records = JSON.parse(
  readFileSync(new URL('../../../shared/scenarios/calls/records.json', import.meta.url), 'utf8'),
) as Record<'products' | 'customers' | 'operators', Array<Record<string, unknown>>>;
const PRODUCT = '会员订阅服务';
const PHONE = '13800138000';
const BILLING = {
  transactions: [
    { transaction_id: 'T1', date: '2026-11-01', amount: 299, description: '年度会员', type: 'charge' },
  ],
  total: 299,
};

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function seeded(): Promise<ChatDeps> {
  const { store, cleanup } = await makePgTestStore();
  cleanups.push(async () => {
    await store.close();
    await cleanup();
  });
  const product = await store.create('product', records.products[0]!);
  for (const c of records.customers) await store.create('customer', c);
  for (const o of records.operators) await store.create('operator', o);
  await setMockResponse(store, product._id, PHONE, 'user_billing', BILLING);
  const env = { CS_LLM_PROVIDER: '', CS_LLM_MODEL: '' };
  await addSupervisor({ store, env }, '王主管');
  return { store, env, secret: await serverSecret(store, {}) };
}

const token = () => signChatToken({ phone: PHONE, exp: Math.floor(Date.now() / 1000) + 600 }, 'x');

describe.skipIf(!TEST_DATABASE_URL)(pgSuiteTitle('the customer chat on PostgreSQL'), () => {
  it('keeps one server secret per database', async () => {
    const deps = await seeded();
    expect(await serverSecret(deps.store, {})).toBe(deps.secret);
  });

  it('a 200元 refund waits for a supervisor; the approval reaches the chat once; lines said at once lose nothing', async () => {
    const deps = await seeded();
    const chat = await startChat(deps, {
      token: signChatToken({ phone: PHONE, exp: Math.floor(Date.now() / 1000) + 600 }, deps.secret),
      product: PRODUCT,
    });
    await expect(startChat(deps, { token: token(), product: PRODUCT })).rejects.toMatchObject({
      code: 'E_REFUSED',
    });
    const turn = await say(deps, chat.call_id, '我要退款200元');
    const check = turn.events.find(
      (e): e is Extract<CallEvent, { type: 'permission_check' }> => e.type === 'permission_check',
    );
    const [id] = check?.approval_ids ?? [];
    expect(check?.status).toBe('requires_supervisor');
    await approveRequest(deps, { id: String(id), by: '王主管' });
    const news = await Promise.all([deliverNews(deps, chat.call_id), deliverNews(deps, chat.call_id)]);
    expect(news.flat().map((n) => n.approval_id)).toEqual([id, id]);

    const lines = ['会员什么时候到期？', '怎么取消自动续费？', '退款多久到账？'];
    await Promise.all(lines.map((line) => say(deps, chat.call_id, line)));
    const view = await callView(deps, chat.call_id);
    const said = view.events
      .filter((e) => e.type === 'customer')
      .map((e) => (e as { content: string }).content);
    expect(said.slice(1).sort()).toEqual([...lines].sort());
  });

  it('two people taking one call over at once: one has it', async () => {
    const deps = await seeded();
    const chat = await startChat(deps, {
      token: signChatToken({ phone: PHONE, exp: Math.floor(Date.now() / 1000) + 600 }, deps.secret),
      product: PRODUCT,
    });
    await askForHuman(deps, chat.call_id);
    const outcomes = await Promise.allSettled([
      takeOver(deps, chat.call_id, '小王'),
      takeOver(deps, chat.call_id, '小李'),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const { by } = await callView(deps, chat.call_id);
    expect(await humanReply(deps, chat.call_id, String(by), '您好，我来帮您看看。')).toEqual({ sent: true });
  });
});
