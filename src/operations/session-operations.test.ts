import { describe, expect, it } from 'vitest';
import { csFailure, scenarioStore } from '../../test/support/operation-store.js';
import { fixedClock } from '../../test/support/scenario-records.js';
import { runOperation } from './define-operation.js';
import { listLiveCallsOperation, saveSessionOperation } from './session-operations.js';

const REVIEW = {
  resolution_status: 'resolved',
  issue_summary: '问答',
  actions_taken: [],
  follow_up_required: false,
  customer_updates: {},
};

const SAVE = {
  product: '会员订阅服务',
  customer: '张先生',
  operator: 'HEAR策略',
  review: REVIEW,
  conversation: [
    { role: 'customer', content: '你好' },
    { role: 'agent', content: '您好' },
  ],
};

describe('save_session', () => {
  it('saves the call under the tag into history and the customer’s interaction_history', async () => {
    const store = await scenarioStore();
    const deps = { store, env: {}, clock: fixedClock('2026-01-25T10:00:00') };
    const { output, input } = await runOperation(saveSessionOperation, deps, {
      ...SAVE,
      session_tag: 'tagone',
    });
    expect(output.session_id).toBe('cs_20260125_001_tagone');
    expect(saveSessionOperation.text(output, input)).toBe(
      `会话已保存 Session saved: cs_20260125_001_tagone (${output.path})`,
    );
    const saved = await store.getSession(output.session_id);
    expect(saved?.conversation).toEqual(SAVE.conversation);
    const [customer] = await store.findByName('customer', '张先生');
    expect(JSON.stringify(customer?.interaction_history)).toContain(output.session_id);
  });

  it('finds the customer by phone when given one', async () => {
    const store = await scenarioStore();
    const { output } = await runOperation(
      saveSessionOperation,
      { store, env: {} },
      {
        ...SAVE,
        customer: '139 1234 5678',
      },
    );
    expect((await store.getSession(output.session_id))?.customer).toBe('李女士');
  });

  it.each([
    [
      'update_customer',
      { update_customer: { phone: '13900000000' } },
      /^update_customer cannot change the phone/,
    ],
    [
      'the review’s customer_updates',
      { review: { ...REVIEW, customer_updates: { phone: '1' } } },
      /^review\.customer_updates cannot change the phone/,
    ],
  ])('refuses a phone change in %s and saves nothing', async (_where, change, message) => {
    const store = await scenarioStore();
    const error = await csFailure(
      runOperation(saveSessionOperation, { store, env: {} }, { ...SAVE, ...change }),
    );
    expect(error.message).toMatch(message);
    expect(await store.listSessions()).toEqual([]);
  });

  it('refuses a review claiming an action, since a call saved this way carried nothing out', async () => {
    const store = await scenarioStore();
    const review = { ...REVIEW, actions_taken: ['查询账单', '已为客户退款50元'] };
    const error = await csFailure(
      runOperation(saveSessionOperation, { store, env: {} }, { ...SAVE, review }),
    );
    expect(error.code).toBe('E_REFUSED');
    expect(error.message).toContain('actions_taken "已为客户退款50元"');
    expect(error.message).not.toContain('\n');
    expect(await store.listSessions()).toEqual([]);
  });

  it('refuses a turn of an unknown role (E_INVALID naming the field)', async () => {
    const store = await scenarioStore();
    const error = await csFailure(
      runOperation(
        saveSessionOperation,
        { store, env: {} },
        { ...SAVE, conversation: [{ role: 'bot', content: 'x' }] },
      ),
    );
    expect(error.code).toBe('E_INVALID');
    expect(error.message).toMatch(/^save_session: conversation\.0\.role/);
  });
});

describe('list_live_calls', () => {
  it('says there are none when no call is live', async () => {
    const store = await scenarioStore();
    const { output, input } = await runOperation(listLiveCallsOperation, { store, env: {} }, {});
    expect(output).toEqual([]);
    expect(listLiveCallsOperation.text(output, input)).toBe('没有进行中的会话 No live sessions.');
  });
});
