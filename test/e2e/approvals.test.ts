import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { cp } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FsRecordStore } from '../../src/store/fs/fs-record-store.js';
import { createSystemBackend } from '../../src/systems/system-backend.js';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../contract/pg-test-schema.js';
import { refunds, setBilling } from '../support/mock-billing.js';
import { parseEvents, runCs, tempDb } from '../support/run-cs.js';
import { runCsInProcess } from '../support/run-cs-in-process.js';
import { YEARLY_CHARGE_BILLING } from '../support/scenario-records.js';
import { seedRecords } from '../support/seed-records.js';

// The loop after a call, as a support team runs it: a call asks for a refund above the agent's
// limit, a supervisor decides in `cs approvals`, the backend carries it out once, and the
// customer is told (history, saved session, webhook). The commands run in the test process
// (runCsInProcess: the built cs with its own streams and exit code), but for the 16 deciding at
// once, which are processes of their own.
vi.setConfig({ testTimeout: 180_000 });

const PRODUCT = '会员订阅服务'; // 退款>=100元 needs a supervisor; 主管审批2小时内回复
const OPERATOR = 'HEAR策略';
const PHONE = '13800138000';
const SUPERVISOR = '王主管';
const SECRET = 'whsec_e2e';

let tmp: Awaited<ReturnType<typeof tempDb>>;
let template: string;
let copies = 0;

/** A webhook receiver on loopback that checks each signature and keeps the bodies. */
let receiver: Server;
let webhookUrl: string;
const received: Array<{ body: Record<string, unknown>; signed: boolean; key: string }> = [];

beforeAll(async () => {
  tmp = await tempDb();
  template = join(tmp.dir, 'template');
  await seed(template);
  receiver = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8').on('data', (d: string) => {
      raw += d;
    });
    req.on('end', () => {
      const expected = `sha256=${createHmac('sha256', SECRET).update(raw).digest('hex')}`;
      received.push({
        body: JSON.parse(raw) as Record<string, unknown>,
        signed: req.headers['x-cs-signature'] === expected,
        key: String(req.headers['idempotency-key']),
      });
      res.writeHead(200).end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  receiver?.close();
  await tmp?.cleanup();
});

async function seed(db: string): Promise<void> {
  await seedRecords(db);
  await setBilling(db, PRODUCT, PHONE, YEARLY_CHARGE_BILLING);
  const added = await runCsInProcess(['supervisors', 'add', SUPERVISOR, '--db', db]);
  expect(added.code, added.stderr).toBe(0);
}

async function freshDb(): Promise<string> {
  const db = join(tmp.dir, `db-${copies++}`);
  await cp(template, db, { recursive: true });
  return db;
}

const webhookEnv = () => ({ CS_WEBHOOK_URL: webhookUrl, CS_WEBHOOK_SECRET: SECRET });

/** `cs … --db db --json`, expected to succeed. */
async function cs(db: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<unknown> {
  const r = await runCsInProcess([...args, '--db', db, '--json'], { timeoutMs: 120_000, env });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as unknown;
}

/** A whole call with the built-in agent; returns its events. */
async function call(db: string, lines: string[]) {
  const r = await runCsInProcess(
    [
      'call',
      '--db',
      db,
      '--product',
      PRODUCT,
      '--operator',
      OPERATOR,
      '--phone',
      PHONE,
      '--agent',
      'rules',
      '--jsonl',
    ],
    { input: `${lines.join('\n')}\n`, timeoutMs: 120_000 },
  );
  expect(r.code, r.stderr).toBe(0);
  return parseEvents(r.stdout);
}

interface Listed {
  id: string;
  state: string;
  action: string;
  created_at: string;
  due_at: string;
  raised_by: string;
  session_id: string | null;
  amount: { value: number; unit: string } | null;
  facts: Array<{ interface: string }>;
}

async function pending(db: string): Promise<Listed[]> {
  return (await cs(db, ['approvals', 'list', '--state', 'pending'])) as Listed[];
}

async function notificationsInHistory(db: string): Promise<Array<Record<string, unknown>>> {
  const customer = (await cs(db, ['read', 'customer', '--phone', PHONE])) as {
    interaction_history?: Array<Record<string, unknown>>;
  };
  return (customer.interaction_history ?? []).filter((h) => h.type === 'notification');
}

/** A call asking for a 200元 refund; its one pending approval request. */
async function askForRefund(db: string): Promise<{ request: Listed; sessionId: string }> {
  const events = await call(db, ['我要退款200元', '好的，谢谢', '结束通话']);
  const check = events.find((e) => e.type === 'permission_check' && e.status === 'requires_supervisor');
  expect(check, JSON.stringify(events)).toBeDefined();
  const ids = check?.approval_ids as string[];
  expect(ids).toHaveLength(1);
  const saved = events.find((e) => e.type === 'session_saved');
  const list = await pending(db);
  expect(list.map((r) => r.id)).toEqual(ids);
  return { request: list[0]!, sessionId: String(saved?.session_id) };
}

describe('approvals: the loop after a call', () => {
  it('a 200元 refund: pending with the SLA due time → approved → carried out once → the customer told everywhere', async () => {
    const db = await freshDb();
    const { request, sessionId } = await askForRefund(db);
    expect(request).toMatchObject({
      action: '退款200元',
      amount: { value: 200, unit: 'CNY' },
      raised_by: 'rules-agent',
    });
    expect(request.session_id).toBe(sessionId);
    // 主管审批2小时内回复: the same two hours the agent promised.
    expect(Date.parse(request.due_at) - Date.parse(request.created_at)).toBe(2 * 3_600_000);
    expect(request.facts.map((f) => f.interface)).toContain('user_billing');

    const before = received.length;
    const approved = (await cs(
      db,
      ['approvals', 'approve', request.id, '--by', SUPERVISOR, '--note', '老客户'],
      webhookEnv(),
    )) as {
      state: string;
      told: string[];
      audit: Array<{ from: string | null; to: string; who: string }>;
    };
    expect(approved.state).toBe('executed');
    expect(approved.told).toEqual(['approved', 'executed']);
    expect(approved.audit.map((a) => `${a.from}→${a.to}`)).toEqual([
      'null→pending',
      'pending→approved',
      'approved→executing',
      'executing→executed',
    ]);
    expect(approved.audit[1]?.who).toBe(SUPERVISOR);
    expect(await refunds(db, PRODUCT, PHONE)).toEqual([-200]);

    // Deciding again changes nothing and names the state.
    const again = await runCsInProcess(['approvals', 'approve', request.id, '--by', SUPERVISOR, '--db', db]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('is executed');
    expect(await refunds(db, PRODUCT, PHONE)).toEqual([-200]);

    const told = await notificationsInHistory(db);
    expect(told.map((n) => n.outcome)).toEqual(['approved', 'executed']);
    expect(String(told[0]?.summary)).toContain('退款200元');
    const saved = (await cs(db, ['history', 'show', sessionId])) as {
      notifications?: Array<{ news: string }>;
    };
    expect(saved.notifications?.map((n) => n.news)).toEqual(['approved', 'executed']);

    const hooks = received.slice(before);
    expect(hooks.map((h) => h.body.type)).toEqual(['approval.approved', 'approval.executed']);
    expect(hooks.every((h) => h.signed)).toBe(true);
    expect(hooks.every((h) => h.body.approval_id === request.id)).toBe(true);
  });

  it('reject: the customer hears it from the template, the reason stays with the team', async () => {
    const db = await freshDb();
    const { request } = await askForRefund(db);
    const rejected = (await cs(db, [
      'approvals',
      'reject',
      request.id,
      '--by',
      SUPERVISOR,
      '--reason',
      '内部原因：重复申请',
    ])) as {
      state: string;
      decision_note: string;
    };
    expect(rejected).toMatchObject({ state: 'rejected', decision_note: '内部原因：重复申请' });
    const told = await notificationsInHistory(db);
    expect(told.map((n) => n.outcome)).toEqual(['rejected']);
    expect(String(told[0]?.summary)).not.toContain('内部原因');
    expect(await refunds(db, PRODUCT, PHONE)).toEqual([]);
  });

  it('expire: a day past its due time nobody decided it; the next command closes it and tells the customer', async () => {
    const db = await freshDb();
    const { request } = await askForRefund(db);
    const later = new Date(Date.parse(request.due_at) + 25 * 3_600_000).toISOString();
    const overdueSoon = new Date(Date.parse(request.due_at) + 3_600_000).toISOString();
    const overdue = (await cs(db, ['approvals', 'list', '--overdue'], { CS_NOW: overdueSoon })) as Listed[];
    expect(overdue.map((r) => r.id)).toEqual([request.id]);
    expect(
      (await cs(db, ['approvals', 'list', '--state', 'pending'], { CS_NOW: later })) as Listed[],
    ).toEqual([]);
    const shown = (await cs(db, ['approvals', 'show', request.id], { CS_NOW: later })) as { state: string };
    expect(shown.state).toBe('expired');
    expect((await notificationsInHistory(db)).map((n) => n.outcome)).toEqual(['expired']);
    const late = await runCsInProcess(['approvals', 'approve', request.id, '--by', SUPERVISOR, '--db', db], {
      env: { CS_NOW: later },
    });
    expect(late.code).toBe(1);
    expect(late.stderr).toContain('is expired');
  });

  it('withdraw: the caller changes their mind in a later turn; the request closes before anyone decides', async () => {
    const db = await freshDb();
    const events = await call(db, ['我要退款200元', '算了，不退了', '结束通话']);
    const ids = events.find((e) => e.type === 'permission_check' && e.status === 'requires_supervisor')
      ?.approval_ids as string[];
    expect(ids).toHaveLength(1);
    expect(events.some((e) => e.type === 'request_withdrawn')).toBe(true);
    const shown = (await cs(db, ['approvals', 'show', ids[0]!])) as {
      state: string;
      audit: Array<{ to: string; why: string }>;
    };
    expect(shown.state).toBe('withdrawn');
    expect(shown.audit.at(-1)?.why).toContain('withdrew');
    const late = await runCsInProcess(['approvals', 'approve', ids[0]!, '--by', SUPERVISOR, '--db', db]);
    expect(late.code).toBe(1);
    expect(late.stderr).toContain('is withdrawn');
  });

  it('invalidate: the product’s rules were edited before the decision; approving closes it and says why', async () => {
    const db = await freshDb();
    const { request } = await askForRefund(db);
    const product = (await cs(db, ['read', 'product', '--name', PRODUCT])) as {
      operator_permissions: Record<string, string[]>;
    };
    const rules = { ...product.operator_permissions, requires_supervisor: ['退款>=50元', '账户注销'] };
    await cs(db, [
      'update',
      'product',
      '--name',
      PRODUCT,
      '--updates',
      JSON.stringify({ operator_permissions: rules }),
    ]);
    const r = await runCsInProcess([
      'approvals',
      'approve',
      request.id,
      '--by',
      SUPERVISOR,
      '--db',
      db,
      '--json',
    ]);
    expect(r.code).toBe(1);
    const shown = JSON.parse(r.stdout) as { state: string; decision_note: string };
    expect(shown.state).toBe('invalidated');
    expect(shown.decision_note).toContain('rules changed');
    expect((await notificationsInHistory(db)).map((n) => n.outcome)).toEqual(['invalidated']);
    expect(await refunds(db, PRODUCT, PHONE)).toEqual([]);
  });

  it('a process killed while executing: the next command reconciles it with the same idempotency key, one refund', async () => {
    for (const backendDidIt of [true, false]) {
      const db = await freshDb();
      const { request } = await askForRefund(db);
      // Where a killed `cs approvals approve` leaves it: executing, by a process that is gone,
      // with the backend having carried the refund out (or not) before the kill.
      const gone = spawnSync(process.execPath, ['-e', '0']).pid;
      const store = new FsRecordStore(db);
      try {
        const at = new Date().toISOString();
        await store.changeWork('approval', request.id, (doc) => ({
          doc: {
            ...doc,
            state: 'executing',
            decided_by: SUPERVISOR,
            decided_at: at,
            grant_id: `gr_${String(doc.idempotency_key).slice(-16)}`,
            execution: {
              started_at: at,
              finished_at: null,
              process: { host: hostname(), pid: gone, started: 1 },
              changed: null,
              description: null,
              error: null,
            },
          },
        }));
        if (backendDidIt) {
          const product = await store.get(
            'product',
            (await store.getWork('approval', request.id))!.product_id!,
          );
          await createSystemBackend({ store, env: {} }).applyApprovedAction({
            product: product!,
            phone: PHONE,
            concept: 'refund',
            action: '退款200元',
            quantity: { value: 200, unit: 'CNY' },
            idempotencyKey: String((await store.getWork('approval', request.id))!.idempotency_key),
          });
        }
      } finally {
        await store.close();
      }
      const shown = (await cs(db, ['approvals', 'show', request.id])) as {
        state: string;
        audit: Array<{ to: string; why: string }>;
      };
      expect(shown.state).toBe('executed');
      expect(shown.audit.at(-1)?.why).toContain('reconciled');
      expect(await refunds(db, PRODUCT, PHONE)).toEqual([-200]);
      expect((await notificationsInHistory(db)).map((n) => n.outcome)).toEqual(['executed']);
    }
  });

  it('refuses bad decisions with one line and changes nothing', async () => {
    const db = await freshDb();
    const { request } = await askForRefund(db);
    const cases: Array<{ args: string[]; code: number; says: string }> = [
      {
        args: ['approvals', 'show', 'ap_000000000000'],
        code: 1,
        says: 'No approval request ap_000000000000',
      },
      {
        args: ['approvals', 'approve', 'nonsense', '--by', SUPERVISOR],
        code: 1,
        says: 'No approval request nonsense',
      },
      { args: ['approvals', 'approve', request.id, '--by', '路人甲'], code: 1, says: 'is not a supervisor' },
      {
        args: ['approvals', 'reject', request.id, '--by', SUPERVISOR, '--reason', '  '],
        code: 2,
        says: '--reason',
      },
    ];
    for (const c of cases) {
      const r = await runCsInProcess([...c.args, '--db', db]);
      expect(r.code, c.args.join(' ')).toBe(c.code);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(c.says);
    }
    // The one who raised it cannot decide it, even named a supervisor.
    await cs(db, ['supervisors', 'add', 'rules-agent']);
    const own = await runCsInProcess(['approvals', 'approve', request.id, '--by', 'rules-agent', '--db', db]);
    expect(own.code).toBe(1);
    expect(own.stderr).toContain('cannot decide it');
    expect((await pending(db)).map((r) => r.id)).toEqual([request.id]);
    expect(await notificationsInHistory(db)).toEqual([]);
  });
});

/** 16 processes decide one request at once, approving and rejecting: one decision, one refund. */
async function decideAtOnce(db: string, id: string): Promise<void> {
  const runs = await Promise.all(
    Array.from({ length: 16 }, (_, i) =>
      runCs(
        i % 2 === 0
          ? ['approvals', 'approve', id, '--by', SUPERVISOR, '--db', db]
          : ['approvals', 'reject', id, '--by', SUPERVISOR, '--reason', `第${i}个`, '--db', db],
        { timeoutMs: 170_000 },
      ),
    ),
  );
  const won = runs.filter((r) => r.code === 0);
  expect(won, runs.map((r) => r.stderr).join('\n')).toHaveLength(1);
  for (const lost of runs.filter((r) => r.code !== 0)) {
    expect(lost.code).toBe(1);
    expect(lost.stderr).toMatch(/is (pending|approved|executing|executed|rejected)/);
  }
  const shown = (await cs(db, ['approvals', 'show', id])) as {
    state: string;
    audit: Array<{ from: string | null }>;
  };
  expect(['executed', 'rejected']).toContain(shown.state);
  expect(shown.audit.filter((a) => a.from === 'pending')).toHaveLength(1);
  expect(await refunds(db, PRODUCT, PHONE)).toEqual(shown.state === 'executed' ? [-200] : []);
}

describe('approvals under concurrency', () => {
  it('file store: 16 processes deciding one request: exactly one decision, at most one refund', async () => {
    const db = await freshDb();
    const { request } = await askForRefund(db);
    await decideAtOnce(db, request.id);
  });

  it.skipIf(!TEST_DATABASE_URL)(
    'PostgreSQL: 16 processes deciding one request: exactly one decision',
    async () => {
      const schema = freshSchemaName();
      const url = `${TEST_DATABASE_URL}${TEST_DATABASE_URL?.includes('?') ? '&' : '?'}schema=${schema}`;
      try {
        await seed(url);
        const { request } = await askForRefund(url);
        await decideAtOnce(url, request.id);
      } finally {
        await dropSchema(schema);
      }
    },
  );
});
