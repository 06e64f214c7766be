import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCall } from '../support/run-call.js';
import { tempDb } from '../support/run-cs.js';
import { runCsInProcess } from '../support/run-cs-in-process.js';
import { seedRecords } from '../support/seed-records.js';

interface ListedTicket {
  id: string;
  state: string;
  opened_at: string;
  due_at: string;
  first_response_due: string;
  overdue: boolean;
}

interface AuditRow {
  who: string;
  from: string | null;
  to: string;
  why: string;
}

// The commands run in the test process (the built cs with its own streams and exit code): the
// tickets' states and clocks are the point here, not processes.
describe('cs tickets and cs audit', () => {
  let tmp: Awaited<ReturnType<typeof tempDb>>;
  let db: string;
  let ticketId: string;
  const cs = (args: string[], env: NodeJS.ProcessEnv = {}) => runCsInProcess([...args, '--db', db], { env });
  /** Runs a command that must succeed and returns its --json output. */
  const json = async <T>(args: string[], env: NodeJS.ProcessEnv = {}): Promise<T> => {
    const r = await cs([...args, '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as T;
  };
  const trail = () => json<AuditRow[]>(['audit', '--ticket', ticketId]);

  beforeAll(async () => {
    tmp = await tempDb();
    db = tmp.db;
    await seedRecords(db);
    // 投诉处理 is requires_process for 会员订阅服务: the call opens a ticket and is saved.
    const call = await runCall({
      db,
      product: '会员订阅服务',
      operator: 'HEAR策略',
      phone: '13800138000',
      turns: ['我要投诉你们', '结束通话'],
      args: ['--agent', 'rules'],
      inProcess: true,
    });
    expect(call.code, call.stderr).toBe(0);
    const ticket = call.events.find((e) => e.type === 'ticket' && e.kind === 'requires_process');
    expect(ticket, call.stdout).toBeDefined();
    ticketId = String(ticket?.id);
  });
  afterAll(async () => tmp.cleanup());

  it('lists the saved call’s requires_process ticket as open, with its SLA clocks', async () => {
    const text = await cs(['tickets', 'list']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`${ticketId}  待处理 open  张先生  会员订阅服务`);
    expect(text.stdout).toMatch(/首次响应 due \d{4}-\d{2}-\d{2} \d{2}:\d{2}\s+处理时限 due /);
    const [listed, ...rest] = await json<ListedTicket[]>(['tickets', 'list']);
    expect(rest).toEqual([]);
    // 投诉工单48小时内处理; no response time in the sla: a day.
    expect(listed).toMatchObject({ id: ticketId, state: 'open', overdue: false });
    const opened = Date.parse(String(listed?.opened_at));
    expect(Date.parse(String(listed?.due_at)) - opened).toBe(48 * 3_600_000);
    expect(Date.parse(String(listed?.first_response_due)) - opened).toBe(24 * 3_600_000);
    expect(await trail()).toEqual([expect.objectContaining({ who: 'system', from: null, to: 'open' })]);
  });

  it('lists it as overdue once a clock runs past due, by how long', async () => {
    const [listed] = await json<ListedTicket[]>(['tickets', 'list']);
    const opened = Date.parse(String(listed?.opened_at));
    const at = (hours: number) => ({ CS_NOW: new Date(opened + hours * 3_600_000).toISOString() });
    const soon = await cs(['tickets', 'overdue'], at(23));
    expect(soon.stdout).toBe('没有逾期工单 No overdue tickets.\n');
    const late = await cs(['tickets', 'overdue'], at(50));
    expect(late.code, late.stderr).toBe(0);
    expect(late.stdout).toContain(ticketId);
    expect(late.stdout).toContain('首次响应 first response 逾期1天2小时 overdue by 1 day 2 hours');
    expect(late.stdout).toContain('处理时限 resolution 逾期2小时 overdue by 2 hours');
    expect((await json<ListedTicket[]>(['tickets', 'list', '--overdue'], at(50))).map((t) => t.id)).toEqual([
      ticketId,
    ]);
    expect(await json<ListedTicket[]>(['tickets', 'list', '--overdue'], at(1))).toEqual([]);
  });

  it('refuses bad moves and bad input, changing nothing', async () => {
    // One fixed clock for both reads: the clocks' lateness in the data depends on it.
    const still = { CS_NOW: new Date().toISOString() };
    const before = await json<Record<string, unknown>>(['tickets', 'show', ticketId], still);
    const auditBefore = await trail();

    const close = await cs(['tickets', 'close', ticketId]);
    expect(close.code).toBe(1);
    expect(close.stderr).toContain(`Ticket ${ticketId} is open`);

    const empty = await cs(['tickets', 'comment', ticketId, '--by', '王五', '--text', '  ']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/cannot be empty/);

    const noNote = await cs(['tickets', 'resolve', ticketId, '--by', '王五', '--note', '']);
    expect(noNote.code).toBe(2);

    for (const args of [
      ['tickets', 'show', 'TK20990101-000000'],
      ['tickets', 'assign', 'TK20990101-000000', '--to', '王五'],
      ['audit', '--ticket', 'TK20990101-000000'],
    ]) {
      const unknown = await cs(args);
      expect(unknown.code, args.join(' ')).toBe(1);
      expect(unknown.stderr).toContain('TK20990101-000000');
    }
    expect((await cs(['audit'])).code).toBe(2);

    expect(await json<Record<string, unknown>>(['tickets', 'show', ticketId], still)).toEqual(before);
    expect(await trail()).toEqual(auditBefore);
  });

  it('is assigned, commented on, resolved and closed, each step in the audit trail', async () => {
    const assigned = await cs(['tickets', 'assign', ticketId, '--to', '王五', '--by', '组长']);
    expect(assigned.code, assigned.stderr).toBe(0);
    expect(assigned.stdout).toContain('负责人 Assignee: 王五');
    expect((await cs(['tickets', 'comment', ticketId, '--by', '王五', '--text', '已联系客户'])).code).toBe(0);
    expect((await cs(['tickets', 'resolve', ticketId, '--by', '王五', '--note', '已补偿30元'])).code).toBe(0);
    const closed = await cs(['tickets', 'close', ticketId, '--by', '组长']);
    expect(closed.code, closed.stderr).toBe(0);
    expect(closed.stdout).toContain('状态 State: 已关闭 closed');

    expect((await trail()).map((e) => [e.who, e.from, e.to, e.why])).toEqual([
      ['system', null, 'open', expect.stringMatching(/^opened in call cs_\d{8}_\d{3}_/)],
      ['组长', 'open', 'open', 'assigned to 王五'],
      ['王五', 'open', 'open', 'comment: 已联系客户'],
      ['王五', 'open', 'resolved', 'resolved: 已补偿30元'],
      ['组长', 'resolved', 'closed', 'close'],
    ]);
    const text = await cs(['audit', '--ticket', ticketId]);
    expect(text.stdout).toContain(`ticket ${ticketId}  resolved → closed  组长: close`);

    // Closed is final, and closed tickets leave the default listing.
    const again = await cs(['tickets', 'comment', ticketId, '--by', '王五', '--text', '还有']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('is closed');
    expect(await json<ListedTicket[]>(['tickets', 'list'])).toEqual([]);
    expect((await json<ListedTicket[]>(['tickets', 'list', '--state', 'closed'])).map((t) => t.id)).toEqual([
      ticketId,
    ]);
    expect((await json<AuditRow[]>(['audit', '--since', '2000-01-01'])).length).toBe(5);
  });
});
