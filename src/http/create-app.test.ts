import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readUntil } from '../../test/support/read-until.js';
import { YEARLY_CHARGE_BILLING } from '../../test/support/scenario-records.js';
import { MemoryRecordStore } from '../store/memory/memory-record-store.js';
import { copyStore } from '../store/migrate-store.js';
import type { RecordStore } from '../store/record-store.js';
import { setMockResponse } from '../systems/mock-backend.js';
import { addUser, issueToken, type Role } from './auth.js';
import { signChatToken } from './chat/chat-token.js';
import { createApp } from './create-app.js';
import { createMemoryEventBus, type EventBus } from './event-bus.js';
import type { AppEnv } from './operation-route.js';
import { startServer } from './serve.js';

// The API through the app in process (app.request), and once over a real port: sign-in, roles,
// CSRF, throttling, limits, the error shape, and an approval decided through the API that the
// backend carries out once. The records are the call scenarios' (../shared/scenarios/calls).

const SECRET = 'test-secret-for-the-app';
const PRODUCT = '会员订阅服务';
const PHONE = '13800138000';

interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

/** A mutable clock: the throttle test moves it on. */
let at = Date.parse('2026-11-30T02:00:00Z');
const clock = { now: () => new Date(at) };

let store: RecordStore;
let bus: EventBus;
let closing: AbortController;
let app: Hono<AppEnv>;
const tokens: Partial<Record<Role, string>> = {};
const passwords: Partial<Record<Role, string>> = {};
let productId: string;
/** Every error body the tests saw: none may carry more than a code and one message. */
const errors: unknown[] = [];

async function seedScenarioRecords(target: RecordStore): Promise<void> {
  const file = join(import.meta.dirname, '../../../shared/scenarios/calls/records.json');
  const records = JSON.parse(await readFile(file, 'utf8')) as Record<string, Array<Record<string, unknown>>>;
  for (const [type, list] of [
    ['product', records.products],
    ['customer', records.customers],
    ['operator', records.operators],
  ] as const) {
    for (const record of list ?? []) await target.create(type, record);
  }
}

/**
 * The records, the backend's answer and the three users with their tokens, made once: a user's
 * password is an scrypt hash (16 MiB, tens of milliseconds), and three a test were most of this
 * file's time. Each test gets a fresh store copied from it (copyStore), so none sees another's
 * changes.
 */
let template: RecordStore;

beforeAll(async () => {
  at = Date.parse('2026-11-30T02:00:00Z');
  template = new MemoryRecordStore({ clock });
  await seedScenarioRecords(template);
  productId = (await template.summaries('product')).find((p) => p.name === PRODUCT)?.id as string;
  await setMockResponse(template, productId, PHONE, 'user_billing', YEARLY_CHARGE_BILLING);
  const names: Record<Role, string> = { agent: '小李', supervisor: '王主管', admin: '管理员' };
  for (const role of ['agent', 'supervisor', 'admin'] as const) {
    passwords[role] = (
      await addUser({ store: template, env: {}, clock }, { name: names[role], role })
    ).password;
    tokens[role] = (await issueToken({ store: template, env: {}, clock }, names[role])).token;
  }
});

beforeEach(async () => {
  at = Date.parse('2026-11-30T02:00:00Z');
  store = new MemoryRecordStore({ clock });
  await copyStore(template, store);
  bus = createMemoryEventBus();
  closing = new AbortController();
  app = createApp({ store, env: {}, clock, bus, secret: SECRET, signal: closing.signal });
});

afterEach(() => closing.abort());

/** One request; `as` signs it with that role's API token. */
async function request(
  method: string,
  path: string,
  options: { as?: Role; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...options.headers };
  if (options.as) headers.Authorization = `Bearer ${tokens[options.as]}`;
  const body =
    method === 'GET'
      ? undefined
      : (options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)));
  const response = await app.request(path, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  const parsed = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
  if (response.status >= 400) errors.push(parsed);
  return { status: response.status, body: parsed, headers: response.headers };
}

/** Signs in with a password: the cookies to send back and the CSRF token. */
async function signIn(role: Role): Promise<{ cookie: string; csrf: string }> {
  const names: Record<Role, string> = { agent: '小李', supervisor: '王主管', admin: '管理员' };
  const response = await app.request('/api/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: names[role], password: passwords[role] }),
  });
  expect(response.status).toBe(200);
  const cookies = response.headers.getSetCookie();
  const cookie = cookies.map((c) => c.split(';')[0]).join('; ');
  const { csrf } = (await response.json()) as { csrf: string };
  return { cookie, csrf };
}

/** A chat asking for a 200元 refund: the pending approval request it raised. */
async function refundRequestFromChat(): Promise<{ approvalId: string; callId: string; chatKey: string }> {
  const token = signChatToken({ phone: PHONE, exp: Math.floor(at / 1000) + 3600 }, SECRET);
  const started = await request('POST', '/chat/api/start', { body: { token, product: PRODUCT } });
  expect(started.status, JSON.stringify(started.body)).toBe(200);
  const callId = started.body.call_id as string;
  const chatKey = started.body.chat_key as string;
  const said = await request('POST', `/chat/api/${callId}/say`, {
    body: { content: '我要退款200元' },
    headers: { 'X-Chat-Key': chatKey },
  });
  expect(said.status, JSON.stringify(said.body)).toBe(200);
  const pending = await request('GET', '/api/approvals?state=pending', { as: 'agent' });
  const items = pending.body.items as Array<{ id: string; action: string }>;
  expect(items).toHaveLength(1);
  return { approvalId: (items[0] as { id: string }).id, callId, chatKey };
}

async function refunds(): Promise<number[]> {
  const state = (await store.getMockState(productId, PHONE)) as {
    user_billing?: { transactions?: Array<{ type?: string; amount: number }> };
  };
  return (state.user_billing?.transactions ?? []).filter((t) => t.type === 'refund').map((t) => t.amount);
}

describe('createApp: sign-in', () => {
  it('refuses every API route of the router without credentials, except sign-in and the document', async () => {
    const listed = app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'));
    const paths = new Set(listed.map((r) => `${r.method} ${r.path}`));
    expect(paths.size).toBeGreaterThanOrEqual(20);
    let refused = 0;
    for (const route of listed) {
      const key = `${route.method} ${route.path}`;
      if (key === 'POST /api/login' || key === 'GET /api/openapi.json') continue;
      const path = route.path.replace(/:([a-z_]+)/g, 'x1');
      const r = await request(route.method, path, { body: {} });
      expect(r.status, key).toBe(401);
      expect((r.body.error as { code: string }).code, key).toBe('E_UNAUTHENTICATED');
      refused++;
    }
    expect(refused).toBe(paths.size - 2);
    // A token that is not one is refused as well, and so is a forged session cookie.
    expect(
      (await request('GET', '/api/me', { headers: { Authorization: 'Bearer usr_0000000000000000.nope' } }))
        .status,
    ).toBe(401);
    const forged = await request('GET', '/api/me', {
      headers: { Cookie: `cs_session=usr_0000000000000000.9999999999999.${'A'.repeat(43)}` },
    });
    expect(forged.status).toBe(401);
  });

  it('refuses every chat route without its chat key (start without a valid token)', async () => {
    const chat = app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/chat/api/'));
    expect(chat.length).toBe(6);
    for (const route of chat) {
      const r = await request(route.method, route.path.replace(':call_id', 'call_0123456789'), {
        body: { content: 'hi', token: 'x.y', product: PRODUCT },
      });
      expect([401, 403], `${route.method} ${route.path}`).toContain(r.status);
    }
    const { callId } = await refundRequestFromChat();
    const wrongKey = await request('POST', `/chat/api/${callId}/say`, {
      body: { content: '你好' },
      headers: { 'X-Chat-Key': 'A'.repeat(43) },
    });
    expect(wrongKey.status).toBe(403);
  });

  it('gives a chat its lines so far with its key (a reloaded page), and 404 once it has ended', async () => {
    const { callId, chatKey } = await refundRequestFromChat();
    const path = `/chat/api/${callId}/transcript`;
    const got = await request('GET', path, { headers: { 'X-Chat-Key': chatKey } });
    expect(got.status).toBe(200);
    const lines = got.body.lines as Array<{ from: string; text: string }>;
    expect(got.body.state).toBe('agent');
    expect(lines.map((l) => l.from)).toEqual(['agent', 'customer', 'agent']);
    expect(lines[1]?.text).toBe('我要退款200元');
    expect((await request('GET', path, { headers: { 'X-Chat-Key': 'A'.repeat(43) } })).status).toBe(403);
    const ended = await request('POST', `/chat/api/${callId}/end`, { headers: { 'X-Chat-Key': chatKey } });
    expect(ended.status).toBe(200);
    expect((await request('GET', path, { headers: { 'X-Chat-Key': chatKey } })).status).toBe(404);
  });

  it('signs in with a password: cookies httpOnly and SameSite=Strict, me, and CSRF on every change', async () => {
    const response = await app.request('/api/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: '王主管', password: passwords.supervisor }),
    });
    expect(await response.json()).toMatchObject({ name: '王主管', role: 'supervisor' });
    const [session, csrfCookie] = response.headers.getSetCookie();
    expect(session).toMatch(/^cs_session=usr_[0-9a-f]{16}\.\d+\.[\w-]{43};/);
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Strict/);
    expect(csrfCookie).toMatch(/^cs_csrf=/);
    expect(csrfCookie).not.toMatch(/HttpOnly/);

    const { cookie, csrf } = await signIn('supervisor');
    expect((await request('GET', '/api/me', { headers: { Cookie: cookie } })).body).toEqual({
      name: '王主管',
      role: 'supervisor',
    });
    const { approvalId } = await refundRequestFromChat();
    const path = `/api/approvals/${approvalId}/reject`;
    const withoutCsrf = await request('POST', path, {
      body: { reason: '金额不符' },
      headers: { Cookie: cookie },
    });
    expect(withoutCsrf.status).toBe(403);
    const wrongCsrf = await request('POST', path, {
      body: { reason: '金额不符' },
      headers: { Cookie: cookie, 'X-CSRF-Token': 'A'.repeat(43) },
    });
    expect(wrongCsrf.status).toBe(403);
    expect((await request('GET', `/api/approvals/${approvalId}`, { as: 'agent' })).body.state).toBe(
      'pending',
    );
    const ok = await request('POST', path, {
      body: { reason: '金额不符' },
      headers: { Cookie: cookie, 'X-CSRF-Token': csrf },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ state: 'rejected', decided_by: '王主管' });
  });

  it('throttles a name after 5 wrong passwords within 15 minutes: 429 with Retry-After, even for the right one', async () => {
    const attempt = (password: string) =>
      request('POST', '/api/login', { body: { name: '王主管', password } });
    for (let i = 0; i < 5; i++) {
      const wrong = await attempt(`wrong-${i}`);
      expect(wrong.status).toBe(401);
      expect(wrong.body.error).toEqual({
        code: 'E_UNAUTHENTICATED',
        message: 'Wrong name or password (用户名或密码错误).',
      });
    }
    const blocked = await attempt(passwords.supervisor as string);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(Number(blocked.headers.get('Retry-After'))).toBeLessThanOrEqual(15 * 60);
    at += 15 * 60_000 + 1000;
    expect((await attempt(passwords.supervisor as string)).status).toBe(200);
  });

  it('answers an unknown name like a wrong password', async () => {
    const r = await request('POST', '/api/login', { body: { name: '没有这个人', password: 'x' } });
    expect(r.status).toBe(401);
    expect(r.body.error).toEqual({
      code: 'E_UNAUTHENTICATED',
      message: 'Wrong name or password (用户名或密码错误).',
    });
  });
});

describe('createApp: roles', () => {
  it('an agent cannot approve (403) and nothing changes; a supervisor can, once, and the backend refunds once', async () => {
    const { approvalId } = await refundRequestFromChat();
    const byAgent = await request('POST', `/api/approvals/${approvalId}/approve`, { as: 'agent', body: {} });
    expect(byAgent.status).toBe(403);
    expect((byAgent.body.error as { code: string }).code).toBe('E_REFUSED');
    expect(await refunds()).toEqual([]);

    const approved = await request('POST', `/api/approvals/${approvalId}/approve`, {
      as: 'supervisor',
      // `by` in the body is ignored: the decider is the signed-in user.
      body: { note: '核实无误', by: '管理员' },
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({ id: approvalId, state: 'executed', decided_by: '王主管' });
    expect((approved.body.audit as unknown[]).length).toBeGreaterThan(1);
    expect(approved.body.told).toEqual(expect.arrayContaining(['approved']));
    expect(await refunds()).toEqual([-200]);

    const again = await request('POST', `/api/approvals/${approvalId}/approve`, { as: 'admin', body: {} });
    expect(again.status).toBe(409);
    expect(await refunds()).toEqual([-200]);
  });

  it('shows the team’s numbers on the dashboard to any signed-in role', async () => {
    await refundRequestFromChat();
    const board = await request('GET', '/api/dashboard?days=7', { as: 'agent' });
    expect(board.status, JSON.stringify(board.body)).toBe(200);
    expect(board.body).toMatchObject({ approvals: { pending: 1 }, calls_per_day: expect.any(Array) });
    expect((board.body.calls_per_day as unknown[]).length).toBe(7);
    expect((await request('GET', '/api/dashboard?days=0', { as: 'agent' })).status).toBe(400);
    // The inbox pages: `limit` from the query string.
    const page = await request('GET', '/api/approvals?state=pending&limit=1', { as: 'agent' });
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    expect(page.body.items).toHaveLength(1);
  });

  it('only an admin edits records, with the CLI’s validation', async () => {
    const products = await request('GET', '/api/records/product', { as: 'agent' });
    const id = (products.body.items as Array<{ id: string }>)[0]?.id as string;
    const path = `/api/records/product/${id}`;
    expect(
      (await request('PATCH', path, { as: 'supervisor', body: { updates: { sla: '1小时' } } })).status,
    ).toBe(403);
    const bad = await request('PATCH', path, { as: 'admin', body: { updates: { name: '' } } });
    expect(bad.status).toBe(400);
    const ok = await request('PATCH', path, { as: 'admin', body: { updates: { description: '新的说明' } } });
    expect(ok.status).toBe(200);
    expect((await request('GET', path, { as: 'agent' })).body.description).toBe('新的说明');
  });

  it('agents comment on tickets; resolving one needs a supervisor; only an admin adds users', async () => {
    await refundRequestFromChat();
    const users = await request('POST', '/api/users', {
      as: 'supervisor',
      body: { name: '新人', role: 'agent' },
    });
    expect(users.status).toBe(403);
    const added = await request('POST', '/api/users', { as: 'admin', body: { name: '新人', role: 'agent' } });
    expect(added.status).toBe(200);
    expect(added.body.password).toEqual(expect.any(String));
    expect(
      (await request('POST', '/api/users', { as: 'admin', body: { name: '新人', role: 'agent' } })).status,
    ).toBe(409);
    // Resolving needs the supervisor role whatever the ticket: refused before it is looked up.
    const resolve = await request('POST', '/api/tickets/TK20261130-000000/resolve', {
      as: 'agent',
      body: { text: 'done' },
    });
    expect(resolve.status).toBe(403);
    const comment = await request('POST', '/api/tickets/TK20261130-000000/comment', {
      as: 'agent',
      body: { text: 'x' },
    });
    expect(comment.status).toBe(404);
  });
});

describe('createApp: bad input, unknown, limits, errors', () => {
  it.each([
    ['GET', '/api/approvals?state=nonsense', undefined, 'list_approvals: state'],
    ['GET', '/api/approvals?overdue=maybe', undefined, 'list_approvals: overdue'],
    ['GET', '/api/history?date=yesterday', undefined, 'list_sessions: date'],
    ['POST', '/api/tickets/TK1/explode', {}, 'update_ticket: action'],
    ['GET', '/api/records/planet', undefined, 'list_records: type'],
    ['POST', '/api/calls/call_0123456789/reply', { content: '' }, 'content'],
  ])('%s %s → 400 with one message naming the field', async (method, path, body, named) => {
    const r = await request(method, path, { as: 'admin', ...(body === undefined ? {} : { body }) });
    expect(r.status).toBe(400);
    const error = r.body.error as { code: string; message: string };
    expect(error.code).toBe('E_INVALID');
    expect(error.message).toContain(named);
    expect(error.message).not.toContain('\n');
  });

  it('refuses a body that is not a JSON object', async () => {
    const r = await request('POST', '/api/login', { raw: '{"name":' });
    expect(r.status).toBe(400);
    expect(r.body.error).toEqual({
      code: 'E_INVALID',
      message: 'The request body is not JSON: send a JSON object.',
    });
  });

  it.each([
    ['GET', '/api/approvals/ap_000000000000'],
    ['GET', '/api/tickets/TK20261130-000000'],
    ['GET', '/api/history/cs_20261130_001_none'],
    ['GET', '/api/records/customer/deadbeef'],
    ['GET', '/api/calls/call_0123456789'],
    ['GET', '/api/no-such-route'],
  ])('%s %s → 404', async (method, path) => {
    const r = await request(method, path, { as: 'agent' });
    expect(r.status).toBe(404);
    expect((r.body.error as { code: string }).code).toBe('E_NOT_FOUND');
  });

  it('refuses a body over 64 KB with 413, before reading it', async () => {
    const r = await request('POST', '/api/login', {
      raw: JSON.stringify({ name: 'x', password: 'y'.repeat(70_000) }),
    });
    expect(r.status).toBe(413);
    expect((r.body.error as { code: string }).code).toBe('E_TOO_LARGE');
    const chat = await request('POST', '/chat/api/start', { raw: 'x'.repeat(65 * 1024 + 1) });
    expect(chat.status).toBe(413);
  });

  it('answers an unexpected failure 500 with a message that gives nothing away, and logs it', async () => {
    const logged: unknown[] = [];
    const broken = new Proxy(store, {
      get(target, name) {
        if (name === 'listWork') {
          return () => Promise.reject(new Error('connection to 10.0.0.5 password=hunter2 lost'));
        }
        const value = Reflect.get(target, name, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const failing = createApp({
      store: broken,
      env: {},
      clock,
      bus,
      secret: SECRET,
      log: (e) => logged.push(e),
    });
    const response = await failing.request('/api/approvals', {
      headers: { Authorization: `Bearer ${tokens.agent}` },
    });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('hunter2');
    expect(JSON.parse(text)).toEqual({
      error: { code: 'E_INTERNAL', message: 'Unexpected error on the server; it is in the server’s log.' },
    });
    expect(logged).toHaveLength(1);
  });

  it('never answers an error with more than a code and one line (no stack trace)', () => {
    expect(errors.length).toBeGreaterThan(10);
    for (const body of errors) {
      expect(Object.keys(body as object)).toEqual(['error']);
      const error = (body as { error: Record<string, unknown> }).error;
      expect(Object.keys(error).sort()).toEqual(['code', 'message']);
      expect(String(error.message)).not.toMatch(/\n|\s+at\s+\S+\s+\(/);
    }
  });
});

describe('createApp: live events and the document', () => {
  it('tells an open /api/events stream when an approval is decided', async () => {
    const { approvalId } = await refundRequestFromChat();
    const response = await app.request('/api/events', {
      headers: { Authorization: `Bearer ${tokens.agent}` },
    });
    expect(response.headers.get('Content-Type')).toMatch(/^text\/event-stream/);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const ready = await readUntil(reader, 'event: ready');
    await request('POST', `/api/approvals/${approvalId}/approve`, { as: 'supervisor', body: {} });
    const text = await readUntil(reader, 'event: change', ready);
    expect(text).toContain('data: {"what":"approvals"}');
    closing.abort();
    await reader.cancel();
  });

  it('delivers a decision into the customer’s open chat stream', async () => {
    const { approvalId, callId, chatKey } = await refundRequestFromChat();
    const response = await app.request(`/chat/api/${callId}/events?key=${chatKey}`);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const ready = await readUntil(reader, 'event: ready');
    await request('POST', `/api/approvals/${approvalId}/approve`, { as: 'supervisor', body: {} });
    const text = await readUntil(reader, 'event: notification', ready);
    const line = text.split('\n').find((l) => l.startsWith('data: {"approval_id"')) ?? '';
    expect(JSON.parse(line.slice('data: '.length))).toMatchObject({ approval_id: approvalId });
    closing.abort();
    await reader.cancel();
  });

  it('serves an OpenAPI 3.1 document of every route, built from the zod schemas', async () => {
    const r = await request('GET', '/api/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe('3.1.0');
    const paths = r.body.paths as Record<
      string,
      Record<string, { parameters?: Array<{ name: string }>; requestBody?: unknown }>
    >;
    for (const route of app.routes.filter((x) => x.method !== 'ALL' && /^\/(api|chat\/api)\//.test(x.path))) {
      const path = route.path.replace(/:([a-z_]+)/g, '{$1}');
      expect(paths[path]?.[route.method.toLowerCase()], `${route.method} ${route.path}`).toBeDefined();
    }
    const list = paths['/api/approvals']?.get;
    expect(list?.parameters?.map((p) => p.name)).toEqual([
      'state',
      'overdue',
      'product',
      'customer',
      'limit',
    ]);
    const reject = paths['/api/approvals/{id}/reject']?.post as {
      requestBody: { content: { 'application/json': { schema: { properties: object } } } };
    };
    // What the route fills itself (id, decision, by) is not asked of the client.
    expect(Object.keys(reject.requestBody.content['application/json'].schema.properties)).toEqual(['reason']);
  });
});

describe('startServer', () => {
  it('serves over a real port on 127.0.0.1: sign in with cookies, then close', async () => {
    const server = await startServer({
      store,
      env: { CS_SERVE_SECRET: SECRET },
      port: 0,
      host: '127.0.0.1',
      clock,
      log: () => undefined,
    });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const login = await fetch(`${server.url}/api/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: '小李', password: passwords.agent }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const me = await fetch(`${server.url}/api/me`, { headers: { Cookie: cookie } });
      expect(await me.json()).toEqual({ name: '小李', role: 'agent' });
      // A stream left open does not keep the server from closing.
      const events = await fetch(`${server.url}/api/events`, { headers: { Cookie: cookie } });
      expect(events.status).toBe(200);
    } finally {
      await server.close();
    }
    await expect(fetch(`${server.url}/api/openapi.json`)).rejects.toThrow();
  });

  it('sends every answer with its security headers, and refuses a body over 64 KB by its length', async () => {
    const server = await startServer({
      store,
      env: { CS_SERVE_SECRET: SECRET },
      port: 0,
      host: '127.0.0.1',
      clock,
      log: () => undefined,
    });
    try {
      const bearer = { Authorization: `Bearer ${tokens.agent}` };
      const post = (body: string) =>
        fetch(`${server.url}/api/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body,
        });
      const answers = {
        json: await fetch(`${server.url}/api/me`, { headers: bearer }),
        missing: await fetch(`${server.url}/api/no-such-route`, { headers: bearer }),
        refused: await post(JSON.stringify({ name: '小李', password: 'wrong' })),
        tooLarge: await post(JSON.stringify({ name: 'x', password: 'y'.repeat(70_000) })),
      };
      expect(Object.values(answers).map((a) => a.status)).toEqual([200, 404, 401, 413]);
      expect(((await answers.tooLarge.json()) as { error: { code: string } }).error.code).toBe('E_TOO_LARGE');
      for (const answer of Object.values(answers)) {
        expect(answer.headers.get('X-Content-Type-Options')).toBe('nosniff');
        expect(answer.headers.get('Referrer-Policy')).toBe('no-referrer');
        expect(answer.headers.get('Cache-Control')).toBe('no-store');
      }
      // A body of declared length is read in full by its route.
      expect((await post(JSON.stringify({ name: '小李', password: passwords.agent }))).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
