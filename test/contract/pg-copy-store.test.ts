import { afterEach, describe, expect, it } from 'vitest';
import { RECORD_TYPES } from '../../src/domain/record-schemas.js';
import type { SessionRecord } from '../../src/domain/session-schemas.js';
import { copyStore } from '../../src/store/migrate-store.js';
import type { RecordStore } from '../../src/store/record-store.js';
import { makePgTestStore, pgSuiteTitle, TEST_DATABASE_URL, warnPgSkipped } from './pg-test-schema.js';

warnPgSkipped('copyStore between PostgreSQL schemas');

const session = (id: string): SessionRecord => ({
  session_id: id,
  product: '会员订阅服务',
  customer: '张先生',
  operator: 'HEAR策略',
  timestamp: '2026-11-25T08:28:11.261439',
  conversation: [{ role: 'customer', content: '扣费了' }],
  review: {
    resolution_status: 'resolved',
    issue_summary: '已解释',
    actions_taken: [],
    follow_up_required: false,
    customer_updates: {},
  },
  legacy_extra: 1,
});

/** Everything a store holds, in a comparable shape. */
async function snapshot(store: RecordStore) {
  const records = Object.fromEntries(
    await Promise.all(RECORD_TYPES.map(async (t) => [t, await store.list(t)])),
  );
  const summaries = await store.listSessions();
  const sessions = await Promise.all(summaries.map((s) => store.getSession(s.session_id)));
  return {
    records,
    summaries,
    sessions,
    mock: await store.listMockStates(),
    live: await store.listLiveSessions(),
  };
}

describe.skipIf(!TEST_DATABASE_URL)(pgSuiteTitle('copyStore'), () => {
  const cleanups: Array<() => Promise<void>> = [];
  const fresh = async () => {
    const made = await makePgTestStore();
    cleanups.push(async () => {
      await made.store.close();
      await made.cleanup();
    });
    return made.store;
  };
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((c) => c()));
  });

  async function populated(): Promise<RecordStore> {
    const from = await fresh();
    await from.create(
      'customer',
      {
        name: '张先生',
        phone: '13800138000',
        type: 'returning',
        _created: '2026-11-25T08:28:07.296156',
        _updated: '2026-11-25T08:28:11.261879',
        interaction_history: [{ session_id: 'cs_20260125_001_abc123' }],
        from_the_future: { x: [1] },
      },
      { id: '4f064bfb' },
    );
    await from.create('product', { name: '会员订阅服务', api_interfaces: {} });
    await from.create('operator', { name: 'HEAR策略' });
    await from.saveSession({
      date: '20260125',
      tag: 'abc123',
      build: session,
      readme: (s) => `# ${s.session_id}\n`,
    });
    await from.saveSession({
      date: '20260125',
      tag: 'def456',
      build: session,
      readme: (s) => `# ${s.session_id}\n`,
    });
    await from.updateMockState('ea1677ad', '13800138000', () => ({
      user_subscription: { status: 'active' },
    }));
    await from.putLiveSession({ live_id: 'L1', updated_at: '2026-11-25T08:00:00.000000', turns: 3 });
    return from;
  }

  it('copies records, sessions, mock state and live sessions with nothing lost', async () => {
    const from = await populated();
    const to = await fresh();
    const progress: string[] = [];
    const result = await copyStore(from, to, { onProgress: (m) => progress.push(m) });
    expect(result).toEqual({
      records: 3,
      updated: 0,
      unchanged: 0,
      sessions: 2,
      mockStates: 1,
      liveSessions: 1,
      skipped: 0,
      workItems: 0,
      auditEntries: 0,
    });
    expect(await snapshot(to)).toEqual(await snapshot(from));
    const copied = await to.get('customer', '4f064bfb');
    expect(JSON.stringify(copied)).toBe(JSON.stringify(await from.get('customer', '4f064bfb')));
    expect(progress.join('\n')).toContain('sessions: 2 copied');
  });

  it('duplicates nothing when run again, and copies only what is new', async () => {
    const from = await populated();
    const to = await fresh();
    await copyStore(from, to);
    const again = await copyStore(from, to);
    expect(again).toEqual({
      records: 0,
      updated: 0,
      unchanged: 3,
      sessions: 0,
      mockStates: 0,
      liveSessions: 0,
      skipped: 7,
      workItems: 0,
      auditEntries: 0,
    });
    expect(await snapshot(to)).toEqual(await snapshot(from));

    await from.create('operator', { name: 'LAST策略' });
    expect((await copyStore(from, to)).records).toBe(1);
    expect(await to.list('operator')).toHaveLength(2);
  });

  it('updates on a re-run the records changed in the source since, and only those', async () => {
    const from = await populated();
    const to = await fresh();
    await copyStore(from, to);
    await from.update('customer', '4f064bfb', (c) => ({ ...c, background: '迁移后改的' }));
    const again = await copyStore(from, to);
    expect(again).toMatchObject({ records: 0, updated: 1, unchanged: 2 });
    expect((await to.get('customer', '4f064bfb'))?.background).toBe('迁移后改的');
    expect(await copyStore(from, to)).toMatchObject({ updated: 0, unchanged: 3 });
  });

  it('numbers sessions saved after the copy after the copied ones', async () => {
    const from = await populated();
    const to = await fresh();
    await copyStore(from, to);
    const next = await to.saveSession({ date: '20260125', tag: 'new', build: session, readme: () => '' });
    expect(next.sessionId).toBe('cs_20260125_003_new');
  });

  it('stops on a conflict, names the record and says how to go on', async () => {
    const from = await populated();
    const to = await fresh();
    await to.create('customer', { name: '冒名', phone: '13800138000' });
    await expect(copyStore(from, to)).rejects.toMatchObject({
      code: 'E_CONFLICT',
      message: expect.stringMatching(/^Cannot copy customer 4f064bfb \(张先生\): .*run again/),
    });
  });
});
