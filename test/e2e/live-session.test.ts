import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, runCs, tempDb } from '../support/run-cs.js';
import { runCsInProcess } from '../support/run-cs-in-process.js';
import { seedRecords } from '../support/seed-records.js';

const PRODUCT = '会员订阅服务';
const OPERATOR = 'HEAR策略';

describe('cs session (live sessions driven by separate processes)', () => {
  let tmp: Awaited<ReturnType<typeof tempDb>>;
  let db: string;

  /** Runs one `cs` process against the test database; `--json` output parsed. */
  async function cs(args: string[]): Promise<Record<string, unknown>> {
    const r = await runCs([...args, '--db', db, '--json']);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as Record<string, unknown>;
  }

  async function start(phone: string, extra: string[] = []): Promise<string> {
    const started = await cs([
      'session',
      'start',
      '--product',
      PRODUCT,
      '--operator',
      OPERATOR,
      '--phone',
      phone,
      ...extra,
    ]);
    expect(started.call_id).toMatch(/^call_[0-9a-f]{10}$/);
    return String(started.call_id);
  }

  async function savedSession(sessionId: string): Promise<Record<string, unknown>> {
    return JSON.parse(await readFile(join(db, 'history', sessionId, 'session.json'), 'utf8')) as Record<
      string,
      unknown
    >;
  }

  async function liveIds(): Promise<string[]> {
    const live = (await cs(['session', 'list', '--live'])) as unknown as Array<{ call_id: string }>;
    return live.map((l) => l.call_id);
  }

  beforeAll(async () => {
    tmp = await tempDb();
    db = tmp.db;
    await seedRecords(db);
  });
  afterAll(async () => tmp.cleanup());

  it('records a call step by step and saves all of it', async () => {
    const started = await runCs([
      'session',
      'start',
      '--db',
      db,
      '--product',
      PRODUCT,
      '--operator',
      OPERATOR,
      '--phone',
      '13800138000',
      '--claude-session',
      'abc123',
    ]);
    expect(started.code, started.stderr).toBe(0);
    expect(started.stdout).toContain('--- 客服电话已接通 ---');
    expect(started.stdout).toContain('客户: 张先生');
    const liveId = /(call_[0-9a-f]{10})/.exec(started.stdout)?.[1] as string;
    expect(liveId).toBeDefined();

    await cs([
      'session',
      'turn',
      '--call',
      liveId,
      '--role',
      'customer',
      '--content',
      '为什么扣了我15块钱？我要退款200元',
    ]);
    const query = await runCs([
      'query',
      '--db',
      db,
      '--call',
      liveId,
      '--interface',
      'user_billing',
      '--param',
      'date=2026-01-25',
    ]);
    expect(query.code, query.stderr).toBe(0);
    expect(query.stdout).toContain('【系统查询结果 - Mock】');
    expect(query.stdout).toContain('/api/user/138****8000/billing');
    const permit = await runCs([
      'permit',
      '--db',
      db,
      '--call',
      liveId,
      '--product',
      PRODUCT,
      '--action',
      '退款200元',
    ]);
    expect(permit.code, permit.stderr).toBe(0);
    expect(permit.stdout).toContain('⚠ 需要主管审批');
    await cs([
      'session',
      'turn',
      '--call',
      liveId,
      '--role',
      'agent',
      '--content',
      '退款200元需要主管审批，预计2小时内回复您。',
    ]);

    const review = {
      resolution_status: 'partially_resolved',
      issue_summary: '客户质疑扣费并要求退款200元',
      actions_taken: ['查询账单', '退款200元已提交主管审批'],
      follow_up_required: true,
      customer_updates: {},
    };
    const ended = await cs(['session', 'end', '--call', liveId, '--review', JSON.stringify(review)]);
    expect(ended.session_id).toMatch(/^cs_\d{8}_\d{3}_abc123$/);

    const session = await savedSession(String(ended.session_id));
    expect(session).toMatchObject({
      product: PRODUCT,
      customer: '张先生',
      operator: OPERATOR,
      customer_phone: '13800138000',
      agent: 'external',
      review,
      conversation: [
        { role: 'customer', content: '为什么扣了我15块钱？我要退款200元' },
        { role: 'agent', content: '退款200元需要主管审批，预计2小时内回复您。' },
      ],
      system_queries: [
        {
          interface: 'user_billing',
          ok: true,
          endpoint: '/api/user/13800138000/billing?date=2026-01-25',
          turn: 0,
        },
      ],
      permission_checks: [{ action: '退款200元', status: 'requires_supervisor', turn: 0 }],
    });
    expect(await liveIds()).not.toContain(liveId);
  });

  it('loses no turn when eight processes record into one session at once', async () => {
    const liveId = await start('13912345678');
    const lines = Array.from({ length: 8 }, (_, i) => `第${i + 1}句话`);
    const results = await Promise.all(
      lines.map((line) =>
        runCs(['session', 'turn', '--db', db, '--call', liveId, '--role', 'customer', '--content', line]),
      ),
    );
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const ended = await cs(['session', 'end', '--call', liveId]);
    const session = await savedSession(String(ended.session_id));
    const said = (session.conversation as Array<{ role: string; content: string }>).map((t) => t.content);
    expect(said.sort()).toEqual([...lines].sort());
  });

  it('keeps a session left open, lists it, and saves it later with a review made from the record', async () => {
    const phone = '13700001111';
    const liveId = await start(phone);
    await cs([
      'session',
      'turn',
      '--call',
      liveId,
      '--role',
      'customer',
      '--content',
      '我想问一下怎么取消自动续费',
    ]);
    await cs(['permit', '--call', liveId, '--product', PRODUCT, '--action', '取消自动续费']);
    // Carried out, not only approved: the review made from the ledger calls the call resolved.
    await cs(['session', 'act', '--call', liveId, '--action', '取消自动续费']);
    await cs([
      'session',
      'turn',
      '--call',
      liveId,
      '--role',
      'agent',
      '--content',
      '可以的，我这就帮您取消。',
    ]);
    // Every process has exited: the session lives on disk only.

    const live = (await cs(['session', 'list', '--live'])) as unknown as Array<Record<string, unknown>>;
    expect(live).toEqual(
      expect.arrayContaining([expect.objectContaining({ call_id: liveId, phone, turns: 2, ending: false })]),
    );
    const human = await runCs(['session', 'list', '--live', '--db', db]);
    expect(human.stdout).toContain(liveId);

    const ended = await cs(['session', 'end', '--call', liveId, '--update-customer', '{"name":"王女士"}']);
    const review = ended.review as Record<string, unknown>;
    expect(review.resolution_status).toBe('resolved');
    expect(String(review.issue_summary)).not.toBe('');
    const session = await savedSession(String(ended.session_id));
    expect(session.conversation).toHaveLength(2);
    expect(session.permission_checks).toMatchObject([
      { action: '取消自动续费', status: 'can_approve_immediately' },
    ]);
    expect(session.review).toMatchObject({ customer_updates: { name: '王女士' } });
    expect(await liveIds()).not.toContain(liveId);

    // The cold-start caller was named from the update.
    const customer = await cs(['read', 'customer', '--phone', phone]);
    expect(customer).toMatchObject({ name: '王女士', _cold_start: false });
    expect(customer.interaction_history).toMatchObject([{ session_id: ended.session_id }]);
  });

  it('refuses to end a session twice, with one clear line', async () => {
    const liveId = await start('13600002222');
    await cs(['session', 'end', '--call', liveId]);
    const again = await runCs(['session', 'end', '--db', db, '--call', liveId]);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(/^cs: No live session call_[0-9a-f]+.*\n$/);
    expect(again.stderr.split('\n')).toHaveLength(2);
  });

  it('keeps the session when an end is refused for bad input', async () => {
    const liveId = await start('13600003333');
    await cs(['session', 'turn', '--call', liveId, '--role', 'customer', '--content', '你好']);
    const bad = await runCs([
      'session',
      'end',
      '--db',
      db,
      '--call',
      liveId,
      '--review',
      '{"resolution_status":"done"}',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--review');
    expect(await liveIds()).toContain(liveId);
    const ended = await cs(['session', 'end', '--call', liveId]);
    expect((await savedSession(String(ended.session_id))).conversation).toEqual([
      { role: 'customer', content: '你好' },
    ]);
  });

  it('acts only on what the session approved, and opens tickets', async () => {
    const liveId = await start('13600005555');
    const early = await runCs(['session', 'act', '--db', db, '--call', liveId, '--action', '重置密码']);
    expect(early.code).toBe(1);
    expect(early.stderr).toMatch(/no unused approval for "重置密码" in this call/);
    const supervisor = await cs(['permit', '--call', liveId, '--action', '退款200元']);
    expect(supervisor.status).toBe('requires_supervisor');
    const notApproved = await runCs([
      'session',
      'act',
      '--db',
      db,
      '--call',
      liveId,
      '--action',
      '退款200元',
    ]);
    expect(notApproved.code).toBe(1);
    const ticket = await cs([
      'session',
      'ticket',
      '--call',
      liveId,
      '--kind',
      'requires_supervisor',
      '--summary',
      '退款200元',
    ]);
    expect(String(ticket.id)).toMatch(/^TK\d{8}-/);
    expect((await cs(['permit', '--call', liveId, '--action', '重置密码'])).status).toBe(
      'can_approve_immediately',
    );
    const done = await cs(['session', 'act', '--call', liveId, '--action', '重置密码']);
    expect(typeof done.description).toBe('string');
    const ended = await cs(['session', 'end', '--call', liveId]);
    const saved = await savedSession(String(ended.session_id));
    expect(saved.tickets).toEqual([expect.objectContaining({ id: ticket.id, summary: '退款200元' })]);
    expect(saved.actions_performed).toEqual([expect.objectContaining({ action: '重置密码' })]);
    const review = saved.review as { follow_up_required: boolean; resolution_status: string };
    expect(review).toMatchObject({ follow_up_required: true, resolution_status: 'partially_resolved' });
  });

  it('queries only the caller of the session', async () => {
    const liveId = await start('13600004444');
    const other = await runCs([
      'query',
      '--db',
      db,
      '--call',
      liveId,
      '--phone',
      '13800138000',
      '--interface',
      'user_profile',
    ]);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('can query only that caller');
    await cs(['session', 'end', '--call', liveId]);
  });

  it('saves a call with the seed’s save_session arguments and updates the customer', async () => {
    const review = {
      resolution_status: 'resolved',
      issue_summary: '客户询问会员可以几台设备同时观看',
      actions_taken: ['解答设备数量问题'],
      follow_up_required: false,
      customer_updates: { special_needs: '希望短信通知，偏好微信沟通' },
    };
    const conversation = [
      { role: 'agent', content: '您好，会员服务中心，我是小王，您请讲。' },
      { role: 'customer', content: '会员可以几台设备同时看？' },
      { role: 'agent', content: '同一时间最多两台设备同时观看。' },
    ];
    const r = await runCs([
      'session',
      'save',
      '--db',
      db,
      '--claude-session',
      'seedsave1',
      '--product',
      PRODUCT,
      '--customer',
      '李女士',
      '--operator',
      OPERATOR,
      '--review',
      JSON.stringify(review),
      '--conversation',
      JSON.stringify(conversation),
      '--update-customer',
      JSON.stringify({ communication_style: '礼貌，语速快' }),
    ]);
    expect(r.code, r.stderr).toBe(0);
    const sessionId = /(cs_\d{8}_\d{3}_seedsave1)/.exec(r.stdout)?.[1] as string;
    expect(sessionId).toBeDefined();

    const session = await savedSession(sessionId);
    expect(session).toMatchObject({ session_id: sessionId, customer: '李女士', conversation });
    const customer = await cs(['read', 'customer', '--name', '李女士']);
    expect(customer).toMatchObject({
      special_needs: '希望短信通知，偏好微信沟通',
      communication_style: '礼貌，语速快',
    });
    expect(customer.interaction_history).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          session_id: sessionId,
          summary: review.issue_summary,
          outcome: 'resolved',
        }),
      ]),
    );
  });
});

// Help texts and the install in the test process (the built cs, its own stdout and exit code).
describe('skill/SKILL.md', () => {
  /** Every `cs ...` line of the skill's bash blocks, continuation lines joined. */
  async function skillCommands(): Promise<string[][]> {
    const text = await readFile(join(PROJECT_ROOT, 'skill', 'SKILL.md'), 'utf8');
    const blocks = [...text.matchAll(/```bash\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
    return blocks
      .flatMap((b) => b.replace(/\\\n\s*/g, ' ').split('\n'))
      .map((line) => line.trim())
      .filter((line) => line.startsWith('cs '))
      .map((line) => line.split(/\s+/).slice(1));
  }

  it('uses only commands and flags the CLI accepts', async () => {
    const commands = await skillCommands();
    expect(commands.length).toBeGreaterThan(25);
    const byCommand = new Map<string, Set<string>>();
    for (const words of commands) {
      const name = words.filter(
        (w, i) => !w.startsWith('-') && words.slice(0, i).every((x) => !x.startsWith('-')),
      );
      // `cs read product ...`, `cs restore <id>`: arguments are not subcommands.
      const path = name
        .slice(0, ['session', 'history', 'skill', 'mock'].includes(name[0] ?? '') ? 2 : 1)
        .join(' ');
      const flags = byCommand.get(path) ?? new Set<string>();
      for (const w of words) if (w.startsWith('--')) flags.add(w.split('=')[0] as string);
      byCommand.set(path, flags);
    }
    for (const name of ['session start', 'session turn', 'session end', 'session save', 'query', 'permit']) {
      expect([...byCommand.keys()]).toContain(name);
    }
    const checks = await Promise.all(
      [...byCommand].map(async ([path, flags]) => ({
        path,
        flags,
        help: await runCsInProcess([...path.split(' '), '--help']),
      })),
    );
    for (const { path, flags, help } of checks) {
      expect(help.code, `cs ${path} --help: ${help.stderr}`).toBe(0);
      for (const flag of flags) {
        if (['--db', '--json', '--debug'].includes(flag)) continue;
        expect(help.stdout, `cs ${path} has no ${flag}`).toContain(`${flag} `);
      }
    }
  });

  it('is installed with its references by `cs skill install`', async () => {
    const tmp = await tempDb();
    try {
      const target = join(tmp.dir, 'skills', 'customer-service');
      const r = await runCsInProcess(['skill', 'install', '--dir', target]);
      expect(r.code, r.stderr).toBe(0);
      const installed = await readFile(join(target, 'SKILL.md'), 'utf8');
      expect(installed).toMatch(/^---\nname: customer-service\ndescription: .+\n---\n/);
      for (const ref of ['service-methodologies.md', 'mock-templates.md']) {
        expect(installed).toContain(`references/${ref}`);
        expect((await stat(join(target, 'references', ref))).isFile()).toBe(true);
      }
    } finally {
      await tmp.cleanup();
    }
  });
});
