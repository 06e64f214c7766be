import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chargesOf } from '../support/fake-backend.js';
import { setBilling } from '../support/mock-billing.js';
import { tempDb } from '../support/run-cs.js';
import { runCsInProcess } from '../support/run-cs-in-process.js';
import { seedRecords } from '../support/seed-records.js';

const REVIEW = {
  resolution_status: 'partially_resolved',
  issue_summary: '客户要求退款50元',
  actions_taken: ['查询订阅状态', '已退款50元'],
  follow_up_required: false,
  customer_updates: {},
};

// The commands run in the test process (runCsInProcess: the built cs with its own streams and
// exit code); what is tested is the ledger, not processes.
describe('reviews written by outside assistants are held to the request ledger', () => {
  let db: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ db, cleanup } = await tempDb());
    await seedRecords(db);
    await setBilling(db, '会员订阅服务', '13800138000', chargesOf(200));
  });
  afterEach(() => cleanup());

  const cs = (args: string[]) => runCsInProcess([...args, '--db', db]);

  it('`cs session end` refuses a refund claimed but never carried out (exit 1, one line), and the call stays live', async () => {
    const started = await cs([
      'session',
      'start',
      '--product',
      '会员订阅服务',
      '--operator',
      'HEAR策略',
      '--phone',
      '13800138000',
      '--json',
    ]);
    expect(started.code, started.stderr).toBe(0);
    const id = (JSON.parse(started.stdout) as { call_id: string }).call_id;
    // Money back is checked against the charge the call read.
    expect((await cs(['query', '--call', id, '--interface', 'user_billing'])).code).toBe(0);
    expect(
      (await cs(['permit', '--call', id, '--product', '会员订阅服务', '--action', '退款50元'])).code,
    ).toBe(0);

    const refused = await cs(['session', 'end', '--call', id, '--review', JSON.stringify(REVIEW)]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(
      /^cs: .*Review refused: actions_taken "已退款50元" claims an action this call did not carry out/,
    );
    const live = await cs(['session', 'list', '--live', '--json']);
    expect((JSON.parse(live.stdout) as Array<{ call_id: string }>).map((l) => l.call_id)).toEqual([id]);

    // Carried out, the same review is true and the call is saved.
    expect((await cs(['session', 'act', '--call', id, '--action', '退款50元'])).code).toBe(0);
    const ended = await cs(['session', 'end', '--call', id, '--review', JSON.stringify(REVIEW)]);
    expect(ended.code, ended.stderr).toBe(0);
  });

  it('`cs session save` refuses a review claiming an action (exit 1): nothing was carried out here', async () => {
    const r = await cs([
      'session',
      'save',
      '--product',
      '会员订阅服务',
      '--customer',
      '13800138000',
      '--operator',
      'HEAR策略',
      '--review',
      JSON.stringify({ ...REVIEW, actions_taken: ['Refunded the customer 50 yuan'] }),
      '--conversation',
      JSON.stringify([{ role: 'customer', content: '退我50' }]),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('actions_taken "Refunded the customer 50 yuan"');
    const history = await cs(['history', 'list', '--json']);
    expect(JSON.parse(history.stdout)).toEqual([]);
  });
});
