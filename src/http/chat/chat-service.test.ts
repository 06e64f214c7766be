import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { YEARLY_CHARGE_BILLING } from '../../../test/support/scenario-records.js';
import { prepareAgent } from '../../agent/choose-agent.js';
import { addSupervisor, approveRequest } from '../../approvals/decide-approval.js';
import { PlacedCall } from '../../call/place-call.js';
import type { CallEvent } from '../../domain/session-schemas.js';
import { FsRecordStore } from '../../store/fs/fs-record-store.js';
import { makeTempDir } from '../../store/fs/test-db.js';
import { MemoryRecordStore } from '../../store/memory/memory-record-store.js';
import type { RecordStore } from '../../store/record-store.js';
import { setMockResponse } from '../../systems/mock-backend.js';
import {
  askForHuman,
  asksForPerson,
  type ChatDeps,
  deliverNews,
  endChat,
  say,
  startChat,
} from './chat-service.js';
import { signChatToken } from './chat-token.js';
import { callView, handBack, humanReply, liveCalls, takeOver } from './take-over.js';

const records = JSON.parse(
  readFileSync(new URL('../../../../shared/scenarios/calls/records.json', import.meta.url), 'utf8'),
) as Record<'products' | 'customers' | 'operators', Array<Record<string, unknown>>>;

const PRODUCT = '会员订阅服务'; // 退款>=100元 needs a supervisor
const PHONE = '13800138000'; // 张先生
const SECRET = 'test-secret';
const SUPERVISOR = '王主管';
const SUBSCRIPTIONS = {
  subscriptions: [
    {
      name: '连续包月会员',
      fee: 19,
      start_date: '2025-06-10',
      next_billing_date: '2026-12-10',
      auto_renew: true,
      status: 'active',
    },
  ],
};

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** The scenario's records in a store, the caller's billing in the mock backend, one supervisor. */
async function seeded(store: RecordStore): Promise<ChatDeps> {
  const product = await store.create('product', records.products[0]!);
  for (const c of records.customers) await store.create('customer', c);
  for (const o of records.operators) await store.create('operator', o);
  await setMockResponse(store, product._id, PHONE, 'user_billing', YEARLY_CHARGE_BILLING);
  await setMockResponse(store, product._id, PHONE, 'user_subscription', SUBSCRIPTIONS);
  const env = { CS_LLM_PROVIDER: '', CS_LLM_MODEL: '' };
  await addSupervisor({ store, env }, SUPERVISOR);
  return { store, env, secret: SECRET };
}

const STORES: Array<[string, () => Promise<RecordStore>]> = [
  ['memory store', async () => new MemoryRecordStore()],
  [
    'file store',
    async () => {
      const tmp = await makeTempDir('cs-chat-');
      cleanups.push(tmp.cleanup);
      return new FsRecordStore(tmp.dir);
    },
  ],
];

const token = (claims: { phone?: string; product?: string; exp?: number } = {}) =>
  signChatToken(
    { phone: claims.phone ?? PHONE, exp: claims.exp ?? Math.floor(Date.now() / 1000) + 600, ...claims },
    SECRET,
  );

const ofType = <T extends CallEvent['type']>(events: CallEvent[], type: T) =>
  events.filter((e): e is Extract<CallEvent, { type: T }> => e.type === type);

describe.each(STORES)('the customer chat (%s)', (_name, open) => {
  it('greets the token’s customer with the operator’s greeting and lists the chat as a live call', async () => {
    const deps = await seeded(await open());
    const chat = await startChat(deps, { token: token(), product: PRODUCT });
    expect(chat.call_id).toMatch(/^call_[0-9a-f]{10}$/);
    expect(chat.greeting).not.toBe('');
    const [row] = await liveCalls(deps);
    expect(row).toMatchObject({ call_id: chat.call_id, customer: '张先生', phone: PHONE, state: 'agent' });
    const view = await callView(deps, chat.call_id);
    expect(view.events.map((e) => e.type)).toEqual(['session_started', 'agent']);
  });

  it('a 200元 refund raises a pending approval; once approved, the news reaches the open chat once', async () => {
    const deps = await seeded(await open());
    const chat = await startChat(deps, { token: token(), product: PRODUCT });
    const turn = await say(deps, chat.call_id, '我要退款200元');
    const [check] = ofType(turn.events, 'permission_check');
    expect(check).toMatchObject({ status: 'requires_supervisor' });
    expect(check?.approval_ids).toHaveLength(1);
    expect(turn.reply).toMatch(/主管/);
    const [pending] = await deps.store.listWork('approval', { state: 'pending' });
    expect(pending?.id).toBe(check?.approval_ids?.[0]);

    expect(await deliverNews(deps, chat.call_id)).toEqual([]);
    await approveRequest(deps, { id: String(pending?.id), by: SUPERVISOR });
    // Approved, then carried out: two pieces of news, each delivered once.
    const news = await deliverNews(deps, chat.call_id);
    expect(news).toEqual([
      { approval_id: pending?.id, content: expect.stringMatching(/退款200元已经主管批准/) },
      { approval_id: pending?.id, content: expect.stringMatching(/已退款200元/) },
    ]);
    expect(await deliverNews(deps, chat.call_id)).toEqual([]);
    const view = await callView(deps, chat.call_id);
    expect(ofType(view.events, 'notification')).toHaveLength(2);
    // The backend carried the refund out once.
    const product = await deps.store.findByName('product', PRODUCT);
    const state = await deps.store.getMockState(String(product[0]?._id), PHONE);
    const billing = state?.user_billing as { transactions: Array<{ type?: string; amount: number }> };
    expect(billing.transactions.filter((t) => t.type === 'refund').map((t) => t.amount)).toEqual([-200]);
  });

  it('转人工: the agent stops answering; a person takes over, an unapproved refund is stopped, a plain reply is sent; handed back, the agent answers again', async () => {
    const deps = await seeded(await open());
    const chat = await startChat(deps, { token: token(), product: PRODUCT });
    await say(deps, chat.call_id, '我要退款200元');
    await askForHuman(deps, chat.call_id);
    expect((await liveCalls(deps))[0]).toMatchObject({ state: 'waiting_human' });
    const quiet = await say(deps, chat.call_id, '有人吗？');
    expect(quiet.reply).toBeNull();
    expect(quiet.events.map((e) => e.type)).toEqual(['customer']);

    await takeOver(deps, chat.call_id, '小王');
    expect((await liveCalls(deps))[0]).toMatchObject({ state: 'human', by: '小王' });
    await expect(takeOver(deps, chat.call_id, '小李')).rejects.toMatchObject({ code: 'E_CONFLICT' });
    await expect(humanReply(deps, chat.call_id, '小李', '您好')).rejects.toMatchObject({
      code: 'E_CONFLICT',
    });

    const promise = await humanReply(deps, chat.call_id, '小王', '已经给您退款200元了');
    expect(promise.sent).toBe(false);
    expect(promise.refused).toMatch(/commitment_without_approval/);
    expect(promise.refused).not.toMatch(/\n/);
    expect(
      await humanReply(deps, chat.call_id, '小王', '您好，我是客服小王，您的退款申请正在等主管审批。'),
    ).toEqual({
      sent: true,
    });
    expect((await say(deps, chat.call_id, '好的')).reply).toBeNull();

    const view = await callView(deps, chat.call_id);
    const said = ofType(view.events, 'agent').map((e) => e.content);
    expect(said).not.toContain('已经给您退款200元了');
    expect(said).toContain('您好，我是客服小王，您的退款申请正在等主管审批。');
    expect(ofType(view.events, 'guard')).toEqual([
      expect.objectContaining({ rule: 'commitment_without_approval', outcome: 'blocked' }),
    ]);

    await expect(handBack(deps, chat.call_id, '小李')).rejects.toMatchObject({ code: 'E_CONFLICT' });
    await handBack(deps, chat.call_id, '小王');
    const back = await say(deps, chat.call_id, '会员什么时候到期？');
    expect(back.reply).toEqual(expect.any(String));
    expect(ofType(back.events, 'agent')).toHaveLength(1);
  });

  it('a decision reaches the chat once, whichever step delivers it: the next line, or a person’s reply', async () => {
    const deps = await seeded(await open());
    const chat = await startChat(deps, { token: token(), product: PRODUCT });
    const asked = await say(deps, chat.call_id, '我要退款200元');
    const [id] = ofType(asked.events, 'permission_check')[0]?.approval_ids ?? [];
    await approveRequest(deps, { id: String(id), by: SUPERVISOR });
    // The customer's next line brings the news with it; asking again finds nothing new.
    const next = await say(deps, chat.call_id, '好的');
    expect(ofType(next.events, 'notification').map((n) => n.approval_id)).toEqual([id, id]);
    expect(next.events.at(-1)?.type).toBe('notification');
    expect(await deliverNews(deps, chat.call_id)).toEqual([]);

    // A second request decided while a person has the call: their reply delivers it into the
    // call; the chat still hears it, once.
    const again = await say(deps, chat.call_id, '再退款150元');
    const [second] = ofType(again.events, 'permission_check')[0]?.approval_ids ?? [];
    expect(second).toBeDefined();
    await askForHuman(deps, chat.call_id);
    await takeOver(deps, chat.call_id, '小王');
    await approveRequest(deps, { id: String(second), by: SUPERVISOR });
    expect(await humanReply(deps, chat.call_id, '小王', '您好，我来跟进。')).toEqual({ sent: true });
    // (The first refund changed the verified facts, so this one is invalidated: one piece of news.)
    const news = await deliverNews(deps, chat.call_id);
    expect(news.map((n) => n.approval_id)).toEqual([second]);
    expect(await deliverNews(deps, chat.call_id)).toEqual([]);
    const view = await callView(deps, chat.call_id);
    expect(ofType(view.events, 'notification')).toHaveLength(3);
  });

  it('two lines said at once on one call lose nothing', async () => {
    const deps = await seeded(await open());
    const chat = await startChat(deps, { token: token(), product: PRODUCT });
    const lines = ['会员什么时候到期？', '怎么取消自动续费？', '会员可以几台设备同时用？', '退款多久到账？'];
    await Promise.all(lines.map((line) => say(deps, chat.call_id, line)));
    const view = await callView(deps, chat.call_id);
    expect(
      ofType(view.events, 'customer')
        .map((e) => e.content)
        .sort(),
    ).toEqual([...lines].sort());
    expect(ofType(view.events, 'agent')).toHaveLength(1 + lines.length);
  });

  it('ends and saves the chat like cs session end', async () => {
    const deps = await seeded(await open());
    const chat = await startChat(deps, { token: token(), product: PRODUCT });
    await say(deps, chat.call_id, '会员什么时候到期？');
    const saved = await endChat(deps, chat.call_id);
    expect(saved.session_id).toMatch(/^cs_\d{8}_\d{3}_chat$/);
    expect(await liveCalls(deps)).toEqual([]);
    await expect(say(deps, chat.call_id, '还在吗')).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
  });
});

describe('a chat with the built-in agent', () => {
  it('answers as the same agent does in one process (cs call): nothing it needs between turns lives outside the call record', async () => {
    const lines = [
      '你好，我是张先生',
      '为什么扣了我299元？',
      '好的，那帮我关掉吧',
      '我要退款200元',
      '算了，不退了',
      '会员什么时候到期？',
    ];
    const chatDeps = await seeded(new MemoryRecordStore());
    const chat = await startChat(chatDeps, { token: token(), product: PRODUCT });
    const chatReplies = [chat.greeting];
    for (const line of lines) chatReplies.push(String((await say(chatDeps, chat.call_id, line)).reply));

    const callDeps = await seeded(new MemoryRecordStore());
    const call = await PlacedCall.open({
      store: callDeps.store,
      env: callDeps.env,
      makeAgent: await prepareAgent({ kind: 'rules', env: callDeps.env }),
      product: PRODUCT,
      operator: 'HEAR策略',
      caller: { phone: PHONE },
      language: 'zh',
    });
    const callReplies: string[] = [];
    await call.begin((e) => {
      if (e.type === 'agent') callReplies.push(e.content);
    });
    await call.converse(
      (async function* () {
        yield* lines;
      })(),
    );
    await call.close();
    // Ticket numbers are random; everything else is the agent's own.
    const plain = (texts: string[]) => texts.map((t) => t.replace(/TK\d{8}-[0-9A-F]{6}/g, 'TK…'));
    expect(plain(chatReplies)).toEqual(plain(callReplies));
  });
});

describe('asking for a person in words', () => {
  it.each([
    ['转人工', true],
    ['我要人工客服', true],
    ['Can I talk to a real person?', true],
    ['不用转人工，你帮我查一下就行', false],
    ["I don't need to speak to a person", false],
    ['我要退款200元', false],
  ])('%s → %s', (line, asks) => {
    expect(asksForPerson(line)).toBe(asks);
  });

  it('hands the chat to a person: the agent says so once, then stays quiet', async () => {
    const deps = await seeded(new MemoryRecordStore());
    const chat = await startChat(deps, { token: token(), product: PRODUCT });
    const asked = await say(deps, chat.call_id, '转人工');
    expect(asked.reply).toMatch(/人工/);
    expect((await liveCalls(deps))[0]).toMatchObject({ state: 'waiting_human' });
    expect((await say(deps, chat.call_id, '转人工')).reply).toBeNull();
  });
});

describe('startChat', () => {
  it.each([
    ['signed with another secret', () => signChatToken({ phone: PHONE, exp: 4_000_000_000 }, 'other')],
    ['expired', () => token({ exp: Math.floor(Date.now() / 1000) - 1 })],
    ['for another product', () => token({ product: '云盘会员' })],
    ['not a token', () => 'hello'],
  ])('refuses a token %s, and starts no call', async (_what, make) => {
    const deps = await seeded(new MemoryRecordStore());
    await expect(startChat(deps, { token: make(), product: PRODUCT })).rejects.toMatchObject({
      code: 'E_REFUSED',
    });
    expect(await liveCalls(deps)).toEqual([]);
  });

  it('an unknown phone starts a cold-start chat', async () => {
    const deps = await seeded(new MemoryRecordStore());
    const chat = await startChat(deps, { token: token({ phone: '13700001111' }), product: PRODUCT });
    const [row] = await liveCalls(deps);
    expect(row).toMatchObject({ call_id: chat.call_id, customer: '来电客户_1111', phone: '13700001111' });
  });
});
