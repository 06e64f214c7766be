import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tellCustomer } from '../../src/approvals/tell-customer.js';
import type { Delivery } from '../../src/approvals/webhook-outbox.js';
import { type ApprovalRequest, ApprovalRequestSchema } from '../../src/domain/approval-request.js';
import { systemClock } from '../../src/domain/clock.js';
import { FsRecordStore } from '../../src/store/fs/fs-record-store.js';
import { tempDb } from '../support/run-cs.js';
import { runCsInProcess } from '../support/run-cs-in-process.js';

const SECRET = 'whsec_test_only';

interface Received {
  key: string;
  signed: boolean;
  body: Record<string, unknown>;
  headers: IncomingMessage['headers'];
}

/**
 * A real webhook receiver on a loopback port: it reads each POST whole, checks its signature as
 * a receiver would (HMAC-SHA256 of the raw body with the shared secret), counts what it keeps by
 * Idempotency-Key (a repeat is dropped) and answers as `answer` says.
 */
class Receiver {
  readonly received: Received[] = [];
  readonly kept = new Map<string, number>();
  answer: (n: number) => { status: number; delayMs?: number } = () => ({ status: 200 });
  #server: Server | undefined;

  async listen(port = 0): Promise<number> {
    this.#server = createServer((req, res) => void this.#handle(req, res));
    await new Promise<void>((resolve, reject) => {
      this.#server?.once('error', reject);
      this.#server?.listen(port, '127.0.0.1', () => resolve());
    });
    return (this.#server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    this.#server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** How many requests came with this key. */
  requests(key: string): number {
    return this.received.filter((r) => r.key === key).length;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const key = String(req.headers['idempotency-key'] ?? '');
    const signature = String(req.headers['x-cs-signature'] ?? '');
    const expected = `sha256=${createHmac('sha256', SECRET).update(raw).digest('hex')}`;
    const signed =
      signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
    this.received.push({
      key,
      signed,
      body: JSON.parse(raw) as Record<string, unknown>,
      headers: req.headers,
    });
    const { status, delayMs } = this.answer(this.received.length);
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    if (req.socket.destroyed) return;
    // A receiver keeps what it acknowledges, once per key.
    if (status >= 200 && status < 300 && signed) this.kept.set(key, (this.kept.get(key) ?? 0) + 1);
    res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
  }
}

/** A loopback port nothing listens on (taken from the OS, then let go). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let seq = 0;
function approvalRequest(customerId: string, fields: Partial<ApprovalRequest> = {}): ApprovalRequest {
  seq += 1;
  const now = new Date().toISOString();
  return ApprovalRequestSchema.parse({
    id: `ap_${String(seq).padStart(12, '0')}`,
    state: 'approved',
    created_at: now,
    updated_at: now,
    due_at: new Date(Date.now() + 2 * 3_600_000).toISOString(),
    product_id: 'p0000001',
    product_name: '会员订阅服务',
    customer_id: customerId,
    customer_name: '张先生',
    phone: '13800138000',
    call_id: 'call_00000000aa',
    session_id: null,
    language: 'zh',
    action: '退款200元',
    concept: 'refund',
    amount: { value: 200, unit: 'CNY' },
    rule: '退款>=100元',
    reason: '超出当前权限',
    rules_hash: 'h',
    facts: [],
    raised_by: 'rules-agent',
    decided_by: '王主管',
    decided_at: now,
    decision_note: null,
    grant_id: null,
    idempotency_key: `idem_${seq}`,
    execution: null,
    ...fields,
  });
}

// The commands run in the test process (runCsInProcess: the built cs with its own streams and
// exit code); the receiver is a real HTTP server in this process.
describe('customer notifications over a signed webhook (a real receiver, the built cs)', () => {
  let tmp: Awaited<ReturnType<typeof tempDb>>;
  let store: FsRecordStore;
  let customerId: string;
  let receiver: Receiver;
  const cs = (env: NodeJS.ProcessEnv, ...args: string[]) =>
    runCsInProcess([...args, '--db', tmp.db], { env });
  const deliveries = async (state?: string): Promise<Delivery[]> => {
    const r = await cs({}, 'outbox', 'list', '--json', ...(state ? ['--state', state] : []));
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as Delivery[];
  };
  /** The backoff waits of in-process deliveries, recorded instead of slept (`cs outbox retry` sleeps). */
  let backoffs: number[] = [];
  const tell = (url: string, request: ApprovalRequest, news: 'approved' | 'rejected', extra = {}) =>
    tellCustomer(
      {
        store,
        env: { CS_WEBHOOK_URL: url, CS_WEBHOOK_SECRET: SECRET, ...extra },
        clock: systemClock,
        sleep: async (ms) => backoffs.push(ms),
      },
      request,
      news,
    );

  beforeAll(async () => {
    tmp = await tempDb();
    store = new FsRecordStore(tmp.db);
    const customer = await store.create('customer', {
      name: '张先生',
      phone: '13800138000',
      type: 'returning',
      background: '老用户',
      communication_style: '直接',
      special_needs: '无',
      interaction_history: [],
    });
    customerId = customer._id;
  });
  beforeEach(() => {
    backoffs = [];
  });
  afterEach(async () => receiver?.close());
  afterAll(async () => {
    await store.close();
    await tmp.cleanup();
  });

  it('delivers a notification once, signed, while the receiver is up', async () => {
    receiver = new Receiver();
    const port = await receiver.listen();
    const told = await tell(`http://127.0.0.1:${port}/hook`, approvalRequest(customerId), 'approved');

    expect(receiver.requests(told.id)).toBe(1);
    const [got] = receiver.received;
    expect(got?.signed).toBe(true);
    expect(got?.headers['content-type']).toBe('application/json');
    expect(Number(got?.headers['x-cs-timestamp'])).toBeGreaterThan(0);
    expect(got?.body).toEqual({
      id: told.id,
      type: 'approval.approved',
      approval_id: told.approval_id,
      customer_id: customerId,
      product_id: 'p0000001',
      call_id: 'call_00000000aa',
      session_id: null,
      language: 'zh',
      content: told.content,
      at: told.created_at,
    });
    expect(told.content).toContain('退款200元已经主管批准');

    const delivered = (await deliveries('delivered')).filter((d) => d.notification_id === told.id);
    expect(delivered).toEqual([
      expect.objectContaining({ state: 'delivered', attempts: 1, last_error: null }),
    ]);
    const history = (await store.get('customer', customerId))?.interaction_history ?? [];
    expect(history.filter((h) => h.approval_id === told.approval_id)).toHaveLength(1);
  });

  it('sends no signature without a secret', async () => {
    receiver = new Receiver();
    const port = await receiver.listen();
    const told = await tellCustomer(
      { store, env: { CS_WEBHOOK_URL: `http://127.0.0.1:${port}/hook` }, clock: systemClock },
      approvalRequest(customerId),
      'approved',
    );
    expect(receiver.requests(told.id)).toBe(1);
    expect(receiver.received[0]?.headers['x-cs-signature']).toBeUndefined();
  });

  it('keeps what a receiver that is down missed as failed, and cs outbox retry delivers each once', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/hook`;
    const a = await tell(url, approvalRequest(customerId), 'approved');
    const b = await tell(url, approvalRequest(customerId, { state: 'rejected' }), 'rejected');

    const failed = (await deliveries('failed')).filter((d) => d.url === url);
    expect(failed.map((d) => d.notification_id).sort()).toEqual([a.id, b.id].sort());
    for (const d of failed) {
      expect(d.last_error).toMatch(/connection refused/);
      expect(d.attempts).toBe(3);
      expect(Date.parse(String(d.next_attempt_at))).toBeGreaterThan(Date.now());
    }
    const text = await cs({}, 'outbox', 'list', '--state', 'failed');
    expect(text.stdout).toContain('✗ 发送失败 failed');
    expect(text.stdout).toContain('connection refused');

    // While it is still down a retry fails again (exit 1) and loses nothing.
    const still = await cs(
      { CS_WEBHOOK_SECRET: SECRET, CS_WEBHOOK_TIMEOUT_MS: '500' },
      'outbox',
      'retry',
      failed[0]?.id ?? '',
    );
    expect(still.code).toBe(1);
    expect(still.stdout).toContain('✗ 发送失败 failed');

    receiver = new Receiver();
    await receiver.listen(port);
    const retried = await cs({ CS_WEBHOOK_SECRET: SECRET }, 'outbox', 'retry');
    expect(retried.code, retried.stderr + retried.stdout).toBe(0);
    expect(retried.stdout).toContain('✓ 已送达 delivered');
    expect(receiver.kept.get(a.id)).toBe(1);
    expect(receiver.kept.get(b.id)).toBe(1);
    expect(receiver.requests(a.id)).toBe(1);
    expect(receiver.requests(b.id)).toBe(1);
    expect(receiver.received.every((r) => r.signed)).toBe(true);

    // Nothing is left to send: retrying all, or one already delivered, sends nothing more.
    const again = await cs({ CS_WEBHOOK_SECRET: SECRET }, 'outbox', 'retry');
    expect(again.code).toBe(0);
    const one = await cs({ CS_WEBHOOK_SECRET: SECRET }, 'outbox', 'retry', failed[0]?.id ?? '');
    expect(one.stdout).toContain('已送达 already delivered');
    expect(receiver.requests(a.id)).toBe(1);
    expect(receiver.requests(b.id)).toBe(1);
    expect((await deliveries('failed')).filter((d) => d.url === url)).toEqual([]);

    const trail = await store.listAudit({ kind: 'delivery', itemId: failed[0]?.id ?? '' });
    expect(trail.map((e) => e.to)).toEqual(['pending', 'failed', 'failed', 'delivered']);
  });

  it('delivers through a receiver that answers 500 a few times before 200', async () => {
    receiver = new Receiver();
    receiver.answer = (n) => ({ status: n <= 2 ? 500 : 200 });
    const port = await receiver.listen();
    const told = await tell(`http://127.0.0.1:${port}/hook`, approvalRequest(customerId), 'approved');
    expect(receiver.requests(told.id)).toBe(3);
    // Two waits before the two retries: 250 ms and 500 ms, each jittered by up to a half.
    expect(backoffs).toHaveLength(2);
    expect(backoffs[0]).toBeGreaterThanOrEqual(125);
    expect(backoffs[0]).toBeLessThanOrEqual(375);
    expect(backoffs[1]).toBeGreaterThanOrEqual(250);
    expect(backoffs[1]).toBeLessThanOrEqual(750);
    expect(receiver.kept.get(told.id)).toBe(1);
    const mine = (await deliveries()).find((d) => d.notification_id === told.id);
    expect(mine).toMatchObject({ state: 'delivered', attempts: 3, last_error: null });
  });

  it('counts a 4xx as a failed attempt', async () => {
    receiver = new Receiver();
    receiver.answer = () => ({ status: 400 });
    const port = await receiver.listen();
    const told = await tell(`http://127.0.0.1:${port}/hook`, approvalRequest(customerId), 'approved');
    const mine = (await deliveries('failed')).find((d) => d.notification_id === told.id);
    expect(mine?.last_error).toMatch(/^HTTP 400/);
  });

  it('fails a receiver slower than the timeout without losing the notification', async () => {
    receiver = new Receiver();
    receiver.answer = () => ({ status: 200, delayMs: 3000 });
    const port = await receiver.listen();
    const url = `http://127.0.0.1:${port}/hook`;
    const request = approvalRequest(customerId);
    const told = await tell(url, request, 'approved', { CS_WEBHOOK_TIMEOUT_MS: '200' });

    expect(await store.getWork('notification', told.id)).toMatchObject({ content: told.content });
    const history = (await store.get('customer', customerId))?.interaction_history ?? [];
    expect(history.filter((h) => h.approval_id === request.id)).toHaveLength(1);
    const mine = (await deliveries('failed')).find((d) => d.notification_id === told.id);
    expect(mine?.last_error).toMatch(/timed out after 200 ms/);

    // Once it answers in time, a retry of that one delivers it (the same key as before).
    receiver.answer = () => ({ status: 200 });
    const retried = await cs({ CS_WEBHOOK_SECRET: SECRET }, 'outbox', 'retry', mine?.id ?? '');
    expect(retried.code, retried.stderr + retried.stdout).toBe(0);
    expect(receiver.kept.get(told.id)).toBe(1);
    expect((await deliveries('delivered')).some((d) => d.notification_id === told.id)).toBe(true);
  });
});
