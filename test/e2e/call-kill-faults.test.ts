import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FsRecordStore } from '../../src/store/fs/fs-record-store.js';
import { setMockResponse } from '../../src/systems/index.js';
import { runCs, tempDb } from '../support/run-cs.js';
import { seedRecords } from '../support/seed-records.js';
import { spawnCs } from '../support/spawn-call.js';

const RUNS = 100;
const AT_ONCE = 4;
const SEED = 20261130;

/** mulberry32: the same kill moments on every run of the test. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

async function readJsonFiles(dir: string, file: string): Promise<Array<Record<string, unknown>>> {
  const out: Array<Record<string, unknown>> = [];
  for (const folder of await readdir(dir).catch(() => [] as string[])) {
    const text = await readFile(join(dir, folder, file), 'utf8').catch(() => undefined);
    if (text !== undefined) out.push(JSON.parse(text) as Record<string, unknown>);
  }
  return out;
}

/** Fixes each caller's subscription, auto-renewal on, in the mock backend. */
async function startWithAutoRenewOn(db: string, phones: readonly string[]): Promise<void> {
  const store = new FsRecordStore(db);
  try {
    const [product] = await store.findByName('product', '会员订阅服务');
    if (!product) throw new Error('the scenario product is missing');
    for (const phone of phones) {
      await setMockResponse(store, product._id, phone, 'user_subscription', {
        subscriptions: [{ name: '超级会员', fee: 15, start_date: '2025-12-25', auto_renew: true }],
        status: 'active',
      });
    }
  } finally {
    await store.close();
  }
}

/** Refunds and auto-renew changes the mock backend holds for each caller. */
async function backendActions(db: string): Promise<Map<string, { refunds: number; renewOff: boolean }>> {
  const out = new Map<string, { refunds: number; renewOff: boolean }>();
  const root = join(db, 'mock_state');
  for (const product of await readdir(root).catch(() => [] as string[])) {
    // `<phone>.json` only: a `<phone>.json.<n>` is a write its killed process never finished.
    for (const file of (await readdir(join(root, product))).filter((f) => f.endsWith('.json'))) {
      const state = JSON.parse(await readFile(join(root, product, file), 'utf8')) as Record<string, unknown>;
      const text = JSON.stringify(state);
      const refunds = (text.match(/"description":"退款：/g) ?? []).length;
      out.set(file.replace(/\.json$/, ''), { refunds, renewOff: /"auto_renew":false/.test(text) });
    }
  }
  return out;
}

describe(`${RUNS} cs call runs killed with kill -9 at random moments`, () => {
  let db: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ db, cleanup } = await tempDb());
    await seedRecords(db);
    // Every caller starts with auto-renewal on: the agent looks the subscription up before it
    // acts, and a generated subscription could otherwise start with it off, which would read as
    // an action the backend took.
    const warmUps = [1369998, 1369999];
    await startWithAutoRenewOn(db, [
      ...warmUps.flatMap((prefix) =>
        Array.from({ length: AT_ONCE }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`),
      ),
      ...Array.from({ length: RUNS }, (_, i) => `1370000${String(i).padStart(4, '0')}`),
    ]);
    // Whole calls first, at the same load, to learn how long one takes on this machine: the kills
    // then fall anywhere from its start to a little past its end. The shorter of two rounds counts:
    // a fresh machine's first run is slowed by cold caches, and kills timed by it all fell after
    // the calls had ended, so no call was left to recover.
    let whole = Number.POSITIVE_INFINITY;
    for (const prefix of warmUps) {
      const started = Date.now();
      await Promise.all(
        Array.from({ length: AT_ONCE }, (_, i) => callOnce(`${prefix}${String(i).padStart(4, '0')}`)),
      );
      whole = Math.min(whole, Date.now() - started);
    }
    const random = prng(SEED);
    const runs = Array.from({ length: RUNS }, (_, i) => ({
      phone: `1370000${String(i).padStart(4, '0')}`,
      killAfterMs: Math.floor(whole * (0.1 + random())),
    }));
    for (let i = 0; i < runs.length; i += AT_ONCE) {
      await Promise.all(
        runs.slice(i, i + AT_ONCE).map(({ phone, killAfterMs }) => callOnce(phone, killAfterMs)),
      );
    }
    const recovered = await runCs(['recover', '--db', db]);
    expect(recovered.code, recovered.stderr).toBe(0);
  }, 600_000);
  afterAll(() => cleanup());

  /** One call that asks for two refunds and an auto-renew change, killed after `killAfterMs`. */
  async function callOnce(phone: string, killAfterMs?: number): Promise<void> {
    const call = spawnCs([
      'call',
      '--product',
      '会员订阅服务',
      '--operator',
      'HEAR策略',
      '--phone',
      phone,
      '--jsonl',
      '--db',
      db,
    ]);
    for (const line of ['我要退款5元', '帮我取消自动续费', '再退款3元', '结束通话']) call.say(line);
    call.child.stdin.end();
    const timer =
      killAfterMs === undefined ? undefined : setTimeout(() => call.child.kill('SIGKILL'), killAfterMs);
    await call.exited;
    clearTimeout(timer);
  }

  it('leaves no call unsaved', async () => {
    expect(await readdir(join(db, 'journal')).catch(() => [])).toEqual([]);
  });

  it('shows every action that reached the backend in a saved or recovered session', async () => {
    const sessions = await readJsonFiles(join(db, 'history'), 'session.json');
    const recorded = new Map<string, { refunds: number; renewOff: number }>();
    for (const s of sessions) {
      const phone = String(s.customer_phone);
      const seen = recorded.get(phone) ?? { refunds: 0, renewOff: 0 };
      for (const a of (s.actions_performed ?? []) as Array<{ action: string }>) {
        if (a.action.includes('退款')) seen.refunds++;
        if (a.action.includes('自动续费')) seen.renewOff++;
      }
      recorded.set(phone, seen);
    }
    const backend = await backendActions(db);
    let refundsSeen = 0;
    for (const [phone, done] of backend) {
      refundsSeen += done.refunds;
      const inSessions = recorded.get(phone) ?? { refunds: 0, renewOff: 0 };
      expect({ phone, refunds: Math.min(done.refunds, inSessions.refunds) }).toEqual({
        phone,
        refunds: done.refunds,
      });
      if (done.renewOff)
        expect({ phone, renewOff: inSessions.renewOff > 0 }).toEqual({ phone, renewOff: true });
    }
    // The kills fell at many moments: some calls acted before dying, some never got that far.
    expect(refundsSeen).toBeGreaterThan(0);
    expect(
      sessions.some((s) => (s.review as { resolution_status: string }).resolution_status === 'interrupted'),
    ).toBe(true);
  });

  it('gives every saved session exactly one entry in its customer history, and no entry without a session', async () => {
    const sessions = await readJsonFiles(join(db, 'history'), 'session.json');
    const customers = await readJsonFiles(join(db, 'customers'), 'info.json');
    const entries = new Map<string, number>();
    for (const c of customers) {
      for (const h of (c.interaction_history ?? []) as Array<{ session_id: string }>) {
        entries.set(h.session_id, (entries.get(h.session_id) ?? 0) + 1);
      }
    }
    const ids = new Set(sessions.map((s) => String(s.session_id)));
    for (const id of ids) expect({ id, entries: entries.get(id) ?? 0 }).toEqual({ id, entries: 1 });
    for (const id of entries.keys()) expect(ids.has(id)).toBe(true);
    const callIds = sessions.map((s) => s.call_id).filter((c) => c !== undefined);
    expect(new Set(callIds).size).toBe(callIds.length);
  });
});
