import { describe, expect, it } from 'vitest';
import { csFailure, scenarioStore } from '../../test/support/operation-store.js';
import { fixedClock } from '../../test/support/scenario-records.js';
import { operationData, runOperation, runParsedOperation } from './define-operation.js';
import { getSessionOperation, HISTORY_LIMIT, listSessionsOperation } from './history-operations.js';
import { saveSessionOperation } from './session-operations.js';

const STATUSES = ['resolved', 'unresolved'] as const;

/** A store with `count` saved calls, one a day from 2026-01-01, 张先生 and 李女士 in turn. */
async function storeWithSessions(count: number) {
  const store = await scenarioStore();
  for (let i = 0; i < count; i++) {
    await runOperation(
      saveSessionOperation,
      { store, env: {}, clock: fixedClock(`2026-01-${String(i + 1).padStart(2, '0')}T10:00:00`) },
      {
        product: '会员订阅服务',
        customer: i % 2 === 0 ? '张先生' : '李女士',
        operator: 'HEAR策略',
        review: {
          resolution_status: STATUSES[i % 2],
          issue_summary: `第${i}通`,
          actions_taken: [],
          follow_up_required: false,
          customer_updates: {},
        },
        conversation: [{ role: 'customer', content: '你好' }],
        session_tag: `t${i}`,
      },
    );
  }
  return store;
}

describe('list_sessions', () => {
  it('lists saved calls oldest first, one line each, and the same rows as data', async () => {
    const store = await storeWithSessions(3);
    const { output, input } = await runParsedOperation(listSessionsOperation, { store, env: {} }, {});
    expect((await listSessionsOperation.text(output, input)).split('\n')).toEqual([
      'cs_20260101_001_t0  2026-01-01T10:00:00  张先生  会员订阅服务  HEAR策略  resolved',
      'cs_20260102_001_t1  2026-01-02T10:00:00  李女士  会员订阅服务  HEAR策略  unresolved',
      'cs_20260103_001_t2  2026-01-03T10:00:00  张先生  会员订阅服务  HEAR策略  resolved',
    ]);
    expect(await operationData(listSessionsOperation, output)).toEqual(output.sessions);
    expect(listSessionsOperation.note?.(output, input)).toBeUndefined();
  });

  it('shows the newest `limit` and notes that older ones were left out', async () => {
    const store = await storeWithSessions(3);
    const { output, input } = await runParsedOperation(
      listSessionsOperation,
      { store, env: {} },
      { limit: 2 },
    );
    expect(output.sessions.map((s) => s.session_id)).toEqual(['cs_20260102_001_t1', 'cs_20260103_001_t2']);
    expect(listSessionsOperation.note?.(output, input)).toMatch(
      /showing the newest 2; --limit 0 lists every session/,
    );
    const all = await runParsedOperation(listSessionsOperation, { store, env: {} }, { limit: 0 });
    expect(all.output.sessions).toHaveLength(3);
    expect(listSessionsOperation.note?.(all.output, all.input)).toBeUndefined();
    expect(HISTORY_LIMIT).toBe(100);
  });

  it('narrows by customer, status and days', async () => {
    const store = await storeWithSessions(4);
    const run = async (filter: Record<string, unknown>) =>
      (await runOperation(listSessionsOperation, { store, env: {} }, filter)).output.sessions.map(
        (s) => s.session_id,
      );
    expect(await run({ customer: '李' })).toEqual(['cs_20260102_001_t1', 'cs_20260104_001_t3']);
    expect(await run({ status: 'resolved', since: '2026-01-02' })).toEqual(['cs_20260103_001_t2']);
    expect(await run({ date: '20260104' })).toEqual(['cs_20260104_001_t3']);
  });

  it.each([
    ['a day that is not one', { date: 'yesterday' }],
    ['a negative limit', { limit: -1 }],
    ['an unknown status', { status: 'done' }],
  ])('refuses %s (E_INVALID)', async (_case, raw) => {
    const store = await scenarioStore();
    expect((await csFailure(runOperation(listSessionsOperation, { store, env: {} }, raw))).code).toBe(
      'E_INVALID',
    );
  });

  it('says so when there is no saved call', async () => {
    const store = await scenarioStore();
    const { output, input } = await runParsedOperation(listSessionsOperation, { store, env: {} }, {});
    expect(listSessionsOperation.text(output, input)).toBe('没有通话记录 No saved sessions.');
  });
});

describe('get_session', () => {
  it('shows one saved call as its README, and E_NOT_FOUND for an unknown id', async () => {
    const store = await storeWithSessions(1);
    const { output, input } = await runParsedOperation(
      getSessionOperation,
      { store, env: {} },
      {
        session_id: 'cs_20260101_001_t0',
      },
    );
    expect(getSessionOperation.text(output, input)).toContain('cs_20260101_001_t0');
    const missing = await csFailure(
      runParsedOperation(getSessionOperation, { store, env: {} }, { session_id: 'cs_20990101_001_x' }),
    );
    expect(missing.code).toBe('E_NOT_FOUND');
    expect(missing.message).toBe('No saved session cs_20990101_001_x: see `cs history list`.');
  });
});
