import { describe, expect, it } from 'vitest';
import { chargesOf, fakeBackend } from '../../test/support/fake-backend.js';
import { CUSTOMER_ZH, OPERATOR_ZH, PRODUCT_ZH } from '../../test/support/scenario-records.js';
import type { CallEvent } from '../domain/session-schemas.js';
import { MemoryRecordStore } from '../store/memory/memory-record-store.js';
import { type CallRecordChange, CallSession, ticketSummary } from './call-session.js';

const PHONE = String(CUSTOMER_ZH.phone);

/** A clock the test moves by minutes. */
function testClock(start = '2026-11-25T08:00:00.000Z') {
  let t = Date.parse(start);
  return { now: () => new Date(t), advanceMinutes: (m: number) => (t += m * 60_000) };
}

function newCall(options: { clock?: ReturnType<typeof testClock> } = {}) {
  const backend = fakeBackend((name) => (name === 'user_billing' ? chargesOf(200) : { status: 'active' }));
  const clock = options.clock ?? testClock();
  const session = new CallSession({
    participants: {
      product: PRODUCT_ZH,
      operator: OPERATOR_ZH,
      customer: CUSTOMER_ZH,
      phone: PHONE,
      coldStart: false,
    },
    backend,
    language: 'zh',
    grants: new MemoryRecordStore(),
    clock,
  });
  const events: CallEvent[] = [];
  const changes: CallRecordChange[] = [];
  session.onEvent((e) => events.push(e));
  session.onRecord((c) => changes.push(c));
  return { session, backend, clock, events, changes };
}

describe('CallSession', () => {
  it('records a system query with the turn it answered and the time', async () => {
    const { session, clock, events } = newCall();
    session.addCustomerTurn('我的会员怎么没了？');
    clock.advanceMinutes(2);
    await session.querySystem({ interfaceName: 'user_subscription' });
    expect(session.record.system_queries).toEqual([
      expect.objectContaining({
        interface: 'user_subscription',
        endpoint: `/api/user/${PHONE}/subscriptions`,
        ok: true,
        turn: 0,
      }),
    ]);
    // ISO 8601 with the local offset: the same instant whatever the machine's time zone.
    expect(Date.parse(String(session.record.system_queries[0]?.at))).toBe(Date.parse('2026-11-25T08:02:00Z'));
    expect(events.at(-1)).toMatchObject({ type: 'system_query', interface: 'user_subscription' });
    expect(events.at(-1)).not.toHaveProperty('turn');
  });

  it('never looks up a system the product keeps for staff, whoever asks for it', async () => {
    let asked = 0;
    const backend = fakeBackend(() => {
      asked++;
      return { hotel: 'Grand Plaza', stage_door: '22:15' };
    });
    const product = {
      ...PRODUCT_ZH,
      api_interfaces: {
        ...PRODUCT_ZH.api_interfaces,
        crew_schedule: {
          method: 'GET' as const,
          endpoint: '/api/crew/schedule',
          params: [],
          description: 'INTERNAL — tour managers only: crew hotels and call times',
          response_fields: ['hotel', 'stage_door'],
          mock_enabled: true,
        },
      },
    };
    const session = new CallSession({
      participants: { product, operator: OPERATOR_ZH, customer: CUSTOMER_ZH, phone: PHONE, coldStart: false },
      backend,
      language: 'zh',
      grants: new MemoryRecordStore(),
      clock: testClock(),
    });
    const result = await session.querySystem({ interfaceName: 'crew_schedule' });
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/staff only/);
    expect(result.response).toBeUndefined();
    expect(asked).toBe(0);
  });

  it('records each permission check with its decision', async () => {
    const { session, events } = newCall();
    session.addCustomerTurn('退我50元');
    await session.querySystem({ interfaceName: 'user_billing' });
    const small = await session.checkPermission('退款50元');
    const large = await session.checkPermission('退款150元');
    expect([small.status, large.status]).toEqual(['can_approve_immediately', 'requires_supervisor']);
    expect(session.record.permission_checks.map((c) => [c.action, c.status])).toEqual([
      ['退款50元', 'can_approve_immediately'],
      ['退款150元', 'requires_supervisor'],
    ]);
    expect(events.filter((e) => e.type === 'permission_check')).toHaveLength(2);
  });

  it('gives no money back before a record of payments is read, on a product whose systems keep one', async () => {
    const { session } = newCall();
    session.addCustomerTurn('上个月多扣了我起码五十，退我50元');
    const unread = await session.checkPermission('退款50元');
    expect(unread.status).toBe('forbidden');
    expect(unread.reasons?.en).toContain('look up the charge');
    expect(session.record.grants).toEqual([]);
    // Read, the charge (200) bounds it: 50 is approved.
    await session.querySystem({ interfaceName: 'user_billing' });
    expect((await session.checkPermission('退款50元')).status).toBe('can_approve_immediately');
    // Other requests do not wait for it.
    const { session: other } = newCall();
    expect((await other.checkPermission('重置密码')).status).toBe('can_approve_immediately');
  });

  it('refuses performApprovedAction without an approval and changes nothing', async () => {
    const { session, backend } = newCall();
    await expect(session.performApprovedAction('退款50元')).rejects.toMatchObject({ code: 'E_REFUSED' });
    // Not approved: a check that needs a supervisor is no approval either.
    await session.checkPermission('退款150元');
    await expect(session.performApprovedAction('退款150元')).rejects.toMatchObject({ code: 'E_REFUSED' });
    expect(backend.applied.map((a) => a.action)).toEqual([]);
    expect(session.record.actions_performed).toEqual([]);
  });

  it('carries out an approved action once and records it', async () => {
    const { session, backend } = newCall();
    session.addCustomerTurn('帮我关掉自动续费');
    await session.checkPermission('取消自动续费');
    await expect(session.performApprovedAction('取消自动续费')).resolves.toMatchObject({ changed: true });
    expect(backend.applied.map((a) => a.action)).toEqual(['取消自动续费']);
    expect(session.record.actions_performed).toEqual([
      expect.objectContaining({ action: '取消自动续费', turn: 0, grant_id: expect.any(String) }),
    ]);
  });

  it('gives each ticket its own TK<date>- id', () => {
    const { session } = newCall({ clock: testClock('2026-11-25T08:00:00.000Z') });
    const ids = Array.from(
      { length: 20 },
      () => session.openTicket({ kind: 'requires_process', summary: '投诉' }).id,
    );
    for (const id of ids) expect(id).toMatch(/^TK20261125-[0-9A-F]{6}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(session.record.tickets.map((t) => t.id)).toEqual(ids);
  });

  it('tells onRecord every change, in the order it happened', async () => {
    const { session, changes } = newCall();
    session.addCustomerTurn('你好');
    await session.querySystem({ interfaceName: 'user_profile' });
    await session.checkPermission('取消自动续费');
    await session.performApprovedAction('取消自动续费');
    session.openTicket({ kind: 'requires_supervisor', summary: '回访' });
    session.addGuardDecision({ rule: 'commitment_without_approval', outcome: 'pass', detail: 'ok' });
    session.setLanguage('en');
    session.addAgentTurn('Done.');
    expect(changes.map((c) => c.list)).toEqual([
      'conversation',
      'system_queries',
      'permission_checks',
      'grants',
      'action_started',
      'actions_performed',
      'tickets',
      'guard_decisions',
      'language',
      'conversation',
    ]);
  });

  it('switches language once, recorded and journaled', () => {
    const { session, changes } = newCall();
    session.setLanguage('en');
    session.setLanguage('en');
    expect(session.record.language).toBe('en');
    expect(session.startedEvent()).toMatchObject({ language: 'en' });
    expect(changes).toEqual([{ list: 'language', entry: 'en' }]);
  });
});

describe('ticketSummary', () => {
  it('names a long summary by its first clause that says what is wanted', () => {
    expect(ticketSummary('喂，你好，我叫孙立伟，上个月的月租多扣了我一次，麻烦帮我查查怎么回事好吗')).toBe(
      '上个月的月租多扣了我一次',
    );
    expect(ticketSummary('师傅啊，行，那你们维修部几天能上门，那台滚筒洗衣机老是漏水，地板都泡了')).toBe(
      '那你们维修部几天能上门',
    );
    expect(
      ticketSummary('Okay, fine. My name is Dana Ruiz. Waive the late fee, it was your mistake not mine'),
    ).toBe('Waive the late fee');
  });
  it('skips a word of address or thanks (Bro, thank you, 咁好啦)', () => {
    expect(
      ticketSummary(
        "Bro, I'm the father of her kids. It's for the kids. Then just email me a copy of her assessment",
      ),
    ).toBe("I'm the father of her kids");
    expect(
      ticketSummary(
        'Okay, thank you. Oh, and Centrelink is asking me for my tax file number and I lost the letter',
      ),
    ).toBe('and Centrelink is asking me fo…');
    expect(
      ticketSummary('咁好啦，多谢晒，我自己有条半截裙想改短啲，要几多钱啊？要几耐？你哋几点开门？'),
    ).toBe('我自己有条半截裙想改短啲');
  });
  it('skips a word of address and a clause too short to name anything (阿姨您好, 闺女, 介么着)', () => {
    expect(
      ticketSummary('阿姨您好，我是王子轩。我妈给我手表设了那个上课模式，现在我们课间休息呢，您帮我关了呀'),
    ).toBe('我妈给我手表设了那个上课模式');
    expect(
      ticketSummary('闺女，我问你个事儿。我儿单位发了张卡，叫啥团圆卡，四百九十八的，你给我折成钱中不中'),
    ).toBe('我儿单位发了张卡');
    expect(ticketSummary('老妹儿，跟你打听个事儿，我家那个表咋整的，老是连不上网，你给我整明白的')).toBe(
      '我家那个表咋整的',
    );
    expect(ticketSummary('妹子啊，我问下子咯，我屋里那个卡是不是过期了，能不能再给我延一下')).toBe(
      '我屋里那个卡是不是过期了',
    );
    expect(ticketSummary('您好啊。介么着，我闺女戴的是你们家那个手表，童伴星的。您给我查查孩子在哪儿')).toBe(
      '我闺女戴的是你们家那个手表',
    );
    expect(ticketSummary('咁……我一个人住，十公斤米都扛不郁。你帮我把张卡退了，钱转给我微信行不行？')).toBe(
      '我一个人住',
    );
  });
  it('skips a clause that only says the caller is about to speak', () => {
    expect(ticketSummary('我跟你说哈，上礼拜那个课老师没来，课时照样扣了，你们得给我补回来才行')).toBe(
      '上礼拜那个课老师没来',
    );
  });
  it('skips a clause that only says who the caller is', () => {
    expect(
      ticketSummary('喂，我是房东，我那套房子的燃气表装在厨房，能不能帮我看看过户怎么办', '钱晓东'),
    ).toBe('我那套房子的燃气表装在厨房');
    expect(
      ticketSummary(
        '喂，我钱晓东啊，明天上午那个保洁帮我改到下午，家里临时来了几个客人，上午实在不方便',
        '钱晓东',
      ),
    ).toBe('明天上午那个保洁帮我改到下午');
  });
  it('keeps a short summary and a first clause that asks already', () => {
    expect(ticketSummary('账户注销')).toBe('账户注销');
    expect(ticketSummary('我想把账户注销了，因为我下个月就要出国读书两年了，以后也用不上这个号了')).toBe(
      '我想把账户注销了',
    );
  });
});
