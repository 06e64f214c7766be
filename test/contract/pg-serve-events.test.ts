import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addUser, issueToken } from '../../src/http/auth.js';
import { signChatToken } from '../../src/http/chat/chat-token.js';
import { createApp } from '../../src/http/create-app.js';
import { type Change, createPgEventBus, type EventBus } from '../../src/http/event-bus.js';
import { parsePgUrl } from '../../src/store/postgres/parse-pg-url.js';
import { openPgRecordStore } from '../../src/store/postgres/pg-record-store.js';
import type { RecordStore } from '../../src/store/record-store.js';
import { setMockResponse } from '../../src/systems/mock-backend.js';
import { readUntil } from '../support/read-until.js';
import { SHARED } from '../support/run-cs.js';
import {
  dropSchema,
  freshSchemaName,
  pgSuiteTitle,
  TEST_DATABASE_URL,
  warnPgSkipped,
} from './pg-test-schema.js';

// Several `cs serve` on one PostgreSQL share live events through LISTEN/NOTIFY: an approval
// decided through one server's API reaches the event stream of a page open on the other, and
// the customer's chat open on the other is told.

warnPgSkipped('cs serve events across servers');

const SECRET = 'pg-serve-events-secret';
const PHONE = '13800138000';
const PRODUCT = '会员订阅服务';

interface Server {
  store: RecordStore;
  bus: EventBus;
  closing: AbortController;
  app: ReturnType<typeof createApp>;
}

describe.skipIf(!TEST_DATABASE_URL)(pgSuiteTitle('cs serve: two servers on one PostgreSQL'), () => {
  const schema = freshSchemaName();
  let journalDir: string;
  const servers: Server[] = [];
  let token: string;

  async function openServer(): Promise<Server> {
    const url = TEST_DATABASE_URL as string;
    const store = await openPgRecordStore(url, { schema, poolSize: 3, journalDir });
    const { connectionString } = parsePgUrl(url, schema);
    const bus = await createPgEventBus({ schema, connect: () => new pg.Client({ connectionString }) });
    const closing = new AbortController();
    const app = createApp({ store, env: {}, bus, secret: SECRET, signal: closing.signal });
    return { store, bus, closing, app };
  }

  beforeAll(async () => {
    journalDir = await mkdtemp(join(tmpdir(), 'cs-pg-serve-'));
    servers.push(await openServer(), await openServer());
    const store = (servers[0] as Server).store;
    const records = JSON.parse(
      await readFile(join(SHARED, 'scenarios', 'calls', 'records.json'), 'utf8'),
    ) as Record<string, Array<Record<string, unknown>>>;
    for (const [type, list] of [
      ['product', records.products],
      ['customer', records.customers],
      ['operator', records.operators],
    ] as const) {
      await store.createMany(type, list ?? []);
    }
    const productId = (await store.summaries('product')).find((p) => p.name === PRODUCT)?.id as string;
    await setMockResponse(store, productId, PHONE, 'user_billing', {
      transactions: [
        { transaction_id: 'T1', date: '2026-11-01', amount: 299, description: '年度会员', type: 'charge' },
      ],
      total: 299,
    });
    await addUser({ store, env: {} }, { name: '王主管', role: 'supervisor' });
    token = (await issueToken({ store, env: {} }, '王主管')).token;
  });

  afterAll(async () => {
    for (const s of servers) {
      s.closing.abort();
      await s.bus.close();
      await s.store.close();
    }
    await dropSchema(schema);
    await rm(journalDir, { recursive: true, force: true });
  });

  it('a change published on one server reaches the other once, and its own listeners once', async () => {
    const [a, b] = servers as [Server, Server];
    const heardOnA: Change[] = [];
    const heardOnB: Change[] = [];
    const offA = a.bus.subscribe((c) => heardOnA.push(c));
    const arrived = new Promise<void>((resolve) => {
      const offB = b.bus.subscribe((c) => {
        heardOnB.push(c);
        offB();
        resolve();
      });
    });
    await a.bus.publish({ what: 'tickets' });
    await arrived;
    offA();
    expect(heardOnB).toEqual([{ what: 'tickets' }]);
    expect(heardOnA).toEqual([{ what: 'tickets' }]);
  });

  it('changes published at once reach the other server, every one, in fewer notices', async () => {
    const [a, b] = servers as [Server, Server];
    const sent: Change[] = Array.from({ length: 150 }, (_, i) => ({ what: 'calls', call_id: `call_${i}` }));
    const heardOnB: Change[] = [];
    const all = new Promise<void>((resolve) => {
      const offB = b.bus.subscribe((c) => {
        heardOnB.push(c);
        if (heardOnB.length === sent.length) {
          offB();
          resolve();
        }
      });
    });
    // A third connection counts the notices on the channel.
    const { connectionString } = parsePgUrl(TEST_DATABASE_URL as string, schema);
    const counter = new pg.Client({ connectionString });
    await counter.connect();
    let notices = 0;
    counter.on('notification', () => notices++);
    await counter.query(`LISTEN "cs_changes_${schema}"`);
    try {
      await Promise.all(sent.map((c) => a.bus.publish(c)));
      await all;
      expect(heardOnB).toEqual(sent);
      await vi.waitFor(() => expect(notices).toBeGreaterThan(0));
      expect(notices).toBeLessThan(sent.length);
    } finally {
      await counter.end();
    }
  });

  it('an approval decided on one server shows on the other’s event stream and in the chat open on it', async () => {
    const [a, b] = servers as [Server, Server];
    const json = { 'Content-Type': 'application/json' };
    const chatToken = signChatToken({ phone: PHONE, exp: Math.floor(Date.now() / 1000) + 3600 }, SECRET);
    // The customer chats on server B.
    const started = await b.app.request('/chat/api/start', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ token: chatToken, product: PRODUCT }),
    });
    expect(started.status).toBe(200);
    const { call_id, chat_key } = (await started.json()) as { call_id: string; chat_key: string };
    const said = await b.app.request(`/chat/api/${call_id}/say`, {
      method: 'POST',
      headers: { ...json, 'X-Chat-Key': chat_key },
      body: JSON.stringify({ content: '我要退款200元' }),
    });
    expect(said.status).toBe(200);

    // A page on B watches; the chat on B listens.
    const page = await b.app.request('/api/events', { headers: { Authorization: `Bearer ${token}` } });
    const chat = await b.app.request(`/chat/api/${call_id}/events?key=${chat_key}`);
    const pageReader = (page.body as ReadableStream<Uint8Array>).getReader();
    const chatReader = (chat.body as ReadableStream<Uint8Array>).getReader();
    const pageSoFar = await readUntil(pageReader, 'event: ready');
    const chatSoFar = await readUntil(chatReader, 'event: ready');

    // The supervisor decides on A.
    const list = await a.app.request('/api/approvals?state=pending', {
      headers: { Authorization: `Bearer ${token}` },
    });
    const [request] = ((await list.json()) as { items: Array<{ id: string }> }).items;
    expect(request).toBeDefined();
    const approved = await a.app.request(`/api/approvals/${request?.id}/approve`, {
      method: 'POST',
      headers: { ...json, Authorization: `Bearer ${token}` },
      body: '{}',
    });
    expect(approved.status).toBe(200);

    expect(await readUntil(pageReader, 'data: {"what":"approvals"}', pageSoFar)).toContain('event: change');
    const told = await readUntil(chatReader, 'event: notification', chatSoFar);
    expect(told).toContain(`"approval_id":"${request?.id}"`);
    b.closing.abort();
    await Promise.all([pageReader.cancel(), chatReader.cancel()]);
  });
});
