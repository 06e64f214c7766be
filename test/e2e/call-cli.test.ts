import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCall } from '../support/run-call.js';
import { parseEvents, runCs, tempDb } from '../support/run-cs.js';
import { runCsInProcess } from '../support/run-cs-in-process.js';
import { seedRecords } from '../support/seed-records.js';

// Commands run in the test process (the built cs, its own streams and exit code), but for the
// first call, printed for people by a real process, and the 32 calls at once.
describe('cs call', () => {
  let tmp: Awaited<ReturnType<typeof tempDb>>;
  let db: string;
  const cs = (args: string[], input?: string, run: typeof runCs = runCsInProcess) =>
    run([...args, '--db', db], input === undefined ? {} : { input });
  const call = (caller: string[], lines: string[], extra: string[] = [], timeoutMs?: number) =>
    runCall({
      db,
      product: '会员订阅服务',
      operator: 'HEAR策略',
      turns: lines,
      args: ['--agent', 'rules', ...caller, ...extra],
      // Only the 32 calls at once give a timeout: those are processes of their own.
      ...(timeoutMs === undefined ? { inProcess: true } : { timeoutMs }),
    });

  beforeAll(async () => {
    tmp = await tempDb();
    db = tmp.db;
    await seedRecords(db);
  });
  afterAll(async () => tmp.cleanup());

  it('prints the seed start block, the end block and the saved path for people', async () => {
    const r = await cs(
      [
        'call',
        '--product',
        '会员订阅服务',
        '--operator',
        'HEAR策略',
        '--phone',
        '13912345678',
        '--agent',
        'rules',
      ],
      '你好\n结束通话\n',
      runCs,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      '--- 客服电话已接通 ---\n来电号码: 13912345678\n产品: 会员订阅服务\n客户: 李女士\n策略: HEAR策略\n---',
    );
    expect(r.stdout).toContain('--- 客服电话已结束 ---');
    expect(r.stdout).toMatch(/已保存: history\/cs_\d{8}_\d{3}_[0-9a-f]{6}/);
  });

  it('creates a cold-start customer for an unknown number and learns the real name', async () => {
    const r = await call(['--phone', '137-1234-5678'], ['你好，我叫刘芳，我忘记密码了', '结束通话']);
    expect(r.code, r.stderr).toBe(0);
    const events = parseEvents(r.stdout);
    const started = events[0] as unknown as { customer: { name: string; cold_start: boolean } };
    expect(started.customer).toMatchObject({ name: '来电客户_5678', cold_start: true });
    const ended = events.find((e) => e.type === 'session_ended') as unknown as {
      review: { customer_updates: object };
    };
    expect(ended.review.customer_updates).toMatchObject({ name: '刘芳' });
    const saved = events.at(-1) as unknown as { session_id: string };

    const customer = JSON.parse((await cs(['read', 'customer', '--phone', '13712345678', '--json'])).stdout);
    expect(customer.name).toBe('刘芳');
    expect(customer.type).toBe('new');
    expect(customer._cold_start).toBe(false);
    expect(customer.interaction_history).toEqual([
      expect.objectContaining({
        session_id: saved.session_id,
        type: 'customer_service_call',
        outcome: 'resolved',
      }),
    ]);
  });

  it('starts a call for a customer looked up by name', async () => {
    const r = await call(['--customer', '李女士'], ['结束通话']);
    expect(r.code, r.stderr).toBe(0);
    const started = parseEvents(r.stdout)[0] as unknown as {
      customer: { phone: string; cold_start: boolean };
    };
    expect(started.customer).toMatchObject({ phone: '13912345678', cold_start: false });
  });

  it.each([
    [['--phone', '13800138000', '--product', '不存在'], 1, /不存在.*会员订阅服务/],
    [['--phone', '13800138000', '--operator', '不存在'], 1, /HEAR策略/],
    [[], 2, /--phone/],
    [['--phone', '13800138000', '--customer', '李女士'], 2, /either --phone or --customer/],
    [['--phone', 'abc'], 2, /not a phone number/],
    [['--phone', '13800138000', '--agent', 'llm'], 2, /CS_LLM_PROVIDER/],
    [['--phone', '13800138000', '--session-id', 'bad id!'], 2, /letters, digits/],
  ])('stops before the call on bad start arguments %j', async (args, code, message) => {
    const base = ['call', '--product', '会员订阅服务', '--operator', 'HEAR策略', '--agent', 'rules'];
    const full = [...base];
    const a = args as string[];
    for (let i = 0; i < a.length; i += 2) {
      const at = full.indexOf(a[i]!);
      if (at >= 0) full[at + 1] = a[i + 1]!;
      else full.push(a[i]!, a[i + 1]!);
    }
    const r = await cs(full, '你好\n');
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stdout).toBe('');
  });

  it('writes a review that states what was done and what needs follow-up', async () => {
    const r = await call(
      ['--phone', '13800138000'],
      ['退款200元', '重置密码', '结束通话'],
      ['--session-id', 'review01'],
    );
    expect(r.code, r.stderr).toBe(0);
    const events = parseEvents(r.stdout);
    const review = (
      events.find((e) => e.type === 'session_ended') as unknown as { review: Record<string, unknown> }
    ).review;
    expect(review.resolution_status).toBe('partially_resolved');
    expect(review.follow_up_required).toBe(true);
    const actions = (review.actions_taken as string[]).join('\n');
    expect(actions).toMatch(/退款200元：需主管审批/);
    expect(actions).toMatch(/创建工单 TK/);
    expect(actions).toMatch(/已办理：/);
    const saved = events.at(-1) as unknown as { session_id: string; path: string };
    expect(saved.session_id).toMatch(/^cs_\d{8}_\d{3}_review01$/);
    const session = JSON.parse(await readFile(join(db, saved.path, 'session.json'), 'utf8'));
    expect(Object.keys(session).slice(0, 7)).toEqual([
      'session_id',
      'product',
      'customer',
      'operator',
      'timestamp',
      'conversation',
      'review',
    ]);
    expect(session.permission_checks.map((c: { status: string }) => c.status)).toEqual([
      'requires_supervisor',
      'can_approve_immediately',
    ]);
    expect(session.tickets).toHaveLength(1);
    const readme = await readFile(join(db, saved.path, 'README.md'), 'utf8');
    expect(readme).toContain('**客户**: 退款200元');
  });

  it('gives 32 concurrent calls 32 distinct session ids', async () => {
    const results = await Promise.all(
      Array.from({ length: 32 }, (_, i) =>
        // 32 processes on two cores: what is tested is distinct ids, not speed.
        call(['--phone', `1360000${String(i).padStart(4, '0')}`], ['你好', '结束通话'], [], 170_000),
      ),
    );
    const ids = results.map((r) => {
      expect(r.code, r.stderr).toBe(0);
      return (parseEvents(r.stdout).at(-1) as unknown as { session_id: string }).session_id;
    });
    expect(new Set(ids).size).toBe(32);
    const seqs = ids.map((id) => id.split('_')[2]);
    expect(new Set(seqs).size).toBe(32);
  }, 180_000);

  it('lists and shows history by date and customer', async () => {
    const today = (await cs(['history', 'list', '--json'])).stdout;
    const all = JSON.parse(today) as Array<{ session_id: string; customer: string }>;
    expect(all.length).toBeGreaterThanOrEqual(35);
    const date = all[0]!.session_id.split('_')[1]!;
    const byDate = JSON.parse((await cs(['history', 'list', '--date', date, '--json'])).stdout);
    expect(byDate.length).toBe(all.length);
    const none = JSON.parse((await cs(['history', 'list', '--date', '2001-01-01', '--json'])).stdout);
    expect(none).toEqual([]);
    const liu = JSON.parse((await cs(['history', 'list', '--customer', '刘芳', '--json'])).stdout);
    expect(liu).toHaveLength(1);
    const shown = await cs(['history', 'show', liu[0].session_id]);
    expect(shown.stdout).toContain('我叫刘芳');
    const missing = await cs(['history', 'show', 'cs_20000101_001_x']);
    expect(missing.code).toBe(1);
  });
});
