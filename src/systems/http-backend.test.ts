import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeStore } from '../../test/support/counting-store.js';
import { fixedClock, scenarioProduct } from '../../test/support/scenario-records.js';
import type { Product } from '../domain/record-schemas.js';
import { createHttpBackend } from './http-backend.js';
import { createMockBackend } from './mock-backend.js';
import { startMockServer } from './mock-server.js';
import { resolveQuery } from './resolve-query.js';
import { createSystemBackend } from './system-backend.js';

const phone = '13800138000';
const closers: Array<() => Promise<void>> = [];

afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.();
});

/** A tiny server answering every request with `answer`; counts the requests it gets. */
async function tinyServer(
  answer: (req: IncomingMessage, res: ServerResponse, n: number) => void,
): Promise<{ url: string; requests: () => number }> {
  let count = 0;
  const server = createServer((req, res) => {
    count++;
    answer(req, res, count);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests: () => count };
}

/** The zh product with every interface real (mock_enabled false), pointed at `baseUrl`. */
function realProduct(baseUrl?: string): Product {
  const base = scenarioProduct();
  const apis = Object.fromEntries(
    Object.entries(base.api_interfaces as Record<string, Record<string, unknown>>).map(([name, d]) => [
      name,
      { ...d, mock_enabled: false, ...(baseUrl === undefined ? {} : { api_base_url: baseUrl }) },
    ]),
  );
  return scenarioProduct({ api_interfaces: apis });
}

async function queryReal(
  product: Product,
  interfaceName: string,
  options: { timeoutMs?: number; params?: Record<string, string> } = {},
) {
  const backend = createHttpBackend({ timeoutMs: options.timeoutMs ?? 2000 });
  const resolved = resolveQuery({
    product,
    phone,
    interfaceName,
    ...(options.params ? { params: options.params } : {}),
  });
  return backend.query(resolved, { product, phone });
}

describe('createHttpBackend (the real path)', () => {
  it('reads the mock server over real HTTP, answering the same state as in-process', async () => {
    const store = await createFakeStore();
    const server = await startMockServer({ store, anyCaller: true });
    closers.push(server.close);
    const product = realProduct(server.url);
    await store.add(product);

    const q = await queryReal(product, 'user_subscription');
    expect(q).toMatchObject({ ok: true, mock: false, endpoint: '/api/user/13800138000/subscriptions' });
    expect(q.error).toBeUndefined();
    const inProcess = await createMockBackend({ store }).query(
      resolveQuery({ product, phone, interfaceName: 'user_subscription' }),
      { product, phone },
    );
    expect(q.response).toEqual(inProcess.response);

    const billing = await queryReal(product, 'user_billing', { params: { date: '2026-01-25' } });
    expect(billing.ok).toBe(true);
    expect(billing.response).toHaveProperty('transactions');
  });

  it('fails, with no response, when the API is down', async () => {
    const down = await tinyServer((_req, res) => res.end('{}'));
    await closers.pop()?.(); // closed: the port now refuses connections
    const q = await queryReal(realProduct(down.url), 'user_subscription');
    expect(q.ok).toBe(false);
    expect(q.response).toBeUndefined();
    expect(q.error).toMatch(/connection refused/);
  });

  it('fails on an answer that is not JSON', async () => {
    const garbage = await tinyServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>oops</html>');
    });
    const q = await queryReal(realProduct(garbage.url), 'user_subscription');
    expect(q).toMatchObject({ ok: false, mock: false });
    expect(q.response).toBeUndefined();
    expect(q.error).toMatch(/not JSON/);
  });

  it('fails on JSON that lacks a response field, naming it', async () => {
    const partial = await tinyServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ subscriptions: [] }));
    });
    const q = await queryReal(realProduct(partial.url), 'user_subscription');
    expect(q.ok).toBe(false);
    expect(q.response).toBeUndefined();
    expect(q.error).toContain('"status"');
  });

  it('fails on JSON that is not an object', async () => {
    const list = await tinyServer((_req, res) => res.end('[1,2]'));
    const q = await queryReal(realProduct(list.url), 'user_subscription');
    expect(q.error).toMatch(/not an object/);
  });

  it('retries a GET once on a 5xx, then fails with the status', async () => {
    const failing = await tinyServer((_req, res) => {
      res.writeHead(500);
      res.end('boom');
    });
    const q = await queryReal(realProduct(failing.url), 'user_subscription');
    expect(q.ok).toBe(false);
    expect(q.error).toContain('HTTP 500');
    expect(failing.requests()).toBe(2);
  });

  it('does not retry a non-GET', async () => {
    const failing = await tinyServer((_req, res) => {
      res.writeHead(503);
      res.end();
    });
    const base = realProduct(failing.url);
    const apis = base.api_interfaces as Record<string, Record<string, unknown>>;
    const product = scenarioProduct({
      api_interfaces: { ...apis, user_profile: { ...apis.user_profile, method: 'POST' } },
    });
    const q = await queryReal(product, 'user_profile');
    expect(q).toMatchObject({ ok: false, method: 'POST' });
    expect(failing.requests()).toBe(1);
  });

  it('does not retry a 4xx', async () => {
    const missing = await tinyServer((_req, res) => {
      res.writeHead(404);
      res.end('{}');
    });
    const q = await queryReal(realProduct(missing.url), 'user_subscription');
    expect(q.error).toContain('HTTP 404');
    expect(missing.requests()).toBe(1);
  });

  it('succeeds when the retry does', async () => {
    const flaky = await tinyServer((req, res, n) => {
      if (n === 1) {
        req.socket.destroy();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ subscriptions: [{ name: '超级会员' }], status: 'active' }));
    });
    const q = await queryReal(realProduct(flaky.url), 'user_subscription');
    expect(q.ok).toBe(true);
    expect(q.response).toEqual({ subscriptions: [{ name: '超级会员' }], status: 'active' });
    expect(flaky.requests()).toBe(2);
  });

  it('times out a silent API, retrying once', async () => {
    const silent = await tinyServer(() => {
      // never answers
    });
    const started = Date.now();
    const q = await queryReal(realProduct(silent.url), 'user_subscription', { timeoutMs: 150 });
    expect(q.ok).toBe(false);
    expect(q.error).toMatch(/timed out after 150 ms/);
    expect(silent.requests()).toBe(2);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('sends the product id and, for a write, the parameters as JSON', async () => {
    let seen: { method?: string; url?: string; product?: string; body?: string } = {};
    const echo = await tinyServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => {
        body += c.toString();
      });
      req.on('end', () => {
        seen = { body, product: String(req.headers['x-cs-product']) };
        if (req.method) seen.method = req.method;
        if (req.url) seen.url = req.url;
        res.end(JSON.stringify({ name: 'n', level: 'l', status: 's' }));
      });
    });
    const base = realProduct(`${echo.url}/v1/`);
    const apis = base.api_interfaces as Record<string, Record<string, unknown>>;
    const product = scenarioProduct({
      api_interfaces: { user_profile: { ...apis.user_profile, method: 'POST' } },
    });
    const q = await queryReal(product, 'user_profile');
    expect(q.ok).toBe(true);
    expect(seen).toEqual({
      method: 'POST',
      url: '/v1/api/user/13800138000',
      product: 'ea1677ad',
      body: JSON.stringify({ user_id: phone }),
    });
  });

  it('fails clearly without a base URL', async () => {
    const q = await queryReal(realProduct(), 'user_subscription');
    expect(q.ok).toBe(false);
    expect(q.error).toContain('CS_API_BASE_URL');
  });
});

describe('createSystemBackend', () => {
  it('routes mock_enabled interfaces to the mock state and the others to HTTP', async () => {
    const store = await createFakeStore();
    const server = await startMockServer({ store, anyCaller: true });
    closers.push(server.close);
    const base = scenarioProduct();
    const apis = base.api_interfaces as Record<string, Record<string, unknown>>;
    // user_profile is real, with no api_base_url of its own: CS_API_BASE_URL supplies it.
    const product = scenarioProduct({
      api_interfaces: { ...apis, user_profile: { ...apis.user_profile, mock_enabled: false } },
    });
    await store.add(product);
    const systems = createSystemBackend({ store, env: { CS_API_BASE_URL: server.url }, clock: fixedClock() });

    const mock = await systems.query(resolveQuery({ product, phone, interfaceName: 'user_subscription' }), {
      product,
      phone,
    });
    expect(mock).toMatchObject({ mock: true, ok: true });
    const real = await systems.query(resolveQuery({ product, phone, interfaceName: 'user_profile' }), {
      product,
      phone,
    });
    expect(real).toMatchObject({ mock: false, ok: true });
    expect(real.response).toHaveProperty('level');
  });

  it('fails a real query with neither api_base_url nor CS_API_BASE_URL', async () => {
    const product = realProduct();
    const systems = createSystemBackend({ store: await createFakeStore(), env: {} });
    const q = await systems.query(resolveQuery({ product, phone, interfaceName: 'user_subscription' }), {
      product,
      phone,
    });
    expect(q).toMatchObject({ ok: false, mock: false });
    expect(q.response).toBeUndefined();
  });

  it('leaves a real interface alone when an approved action changes the mock ones', async () => {
    const store = await createFakeStore();
    const base = scenarioProduct();
    const apis = base.api_interfaces as Record<string, Record<string, unknown>>;
    const product = scenarioProduct({
      api_interfaces: {
        user_subscription: apis.user_subscription,
        vendor_subscription: {
          ...apis.user_subscription,
          endpoint: '/api/vendor/{user_id}',
          mock_enabled: false,
        },
      },
    });
    const systems = createSystemBackend({ store, env: {}, clock: fixedClock() });
    const result = await systems.applyApprovedAction({
      product,
      phone,
      concept: 'cancel_auto_renew',
      action: '关闭自动续费',
    });
    expect(result.changed).toBe(true);
    expect(Object.keys((await store.getMockState(product._id, phone)) ?? {})).toEqual(['user_subscription']);
  });

  it('changes only mock state on an approved action', async () => {
    const store = await createFakeStore();
    const product = realProduct('http://127.0.0.1:9');
    const systems = createSystemBackend({ store, env: {} });
    const result = await systems.applyApprovedAction({
      product,
      phone,
      concept: 'cancel_auto_renew',
      action: '关闭自动续费',
    });
    expect(result.changed).toBe(false);
    expect(store.mockWrites).toBe(0);
  });

  describe('an approved action on a real write interface', () => {
    /** The zh product with a real refund interface (POST) at `baseUrl`, the rest mock. */
    function withRefundApi(baseUrl: string, extra: Record<string, unknown> = {}): Product {
      const base = scenarioProduct();
      return scenarioProduct({
        api_interfaces: {
          ...(base.api_interfaces as Record<string, unknown>),
          create_refund: {
            endpoint: '/api/user/{user_id}/refunds',
            method: 'POST',
            description: '发起退款',
            params: ['user_id'],
            response_fields: ['refund_id'],
            mock_enabled: false,
            api_base_url: baseUrl,
          },
          ...extra,
        },
      });
    }

    it('is sent once with its idempotency key, again with the same key after a 503, and not to the mock', async () => {
      const seen: Array<{ method: unknown; url: unknown; key: unknown; body: string }> = [];
      const server = await tinyServer((req, res, n) => {
        let body = '';
        req.on('data', (c) => {
          body += c;
        });
        req.on('end', () => {
          seen.push({ method: req.method, url: req.url, key: req.headers['idempotency-key'], body });
          if (n === 1) {
            res.writeHead(503).end();
            return;
          }
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"refund_id":"R1"}');
        });
      });
      const store = await createFakeStore();
      const systems = createSystemBackend({ store, env: {} });
      const result = await systems.applyApprovedAction({
        product: withRefundApi(server.url),
        phone,
        concept: 'refund',
        action: '退款30元',
        quantity: { value: 30, unit: 'CNY' },
        idempotencyKey: 'ap_0001',
        language: 'zh',
      });
      expect(result).toEqual({ changed: true, description: '已办理：退款30元' });
      expect(seen).toHaveLength(2);
      for (const request of seen) {
        expect(request.method).toBe('POST');
        expect(request.url).toMatch(new RegExp(`^/api/user/${phone}/refunds`));
        expect(request.key).toBe('ap_0001');
        expect(JSON.parse(request.body)).toMatchObject({
          action: '退款30元',
          concept: 'refund',
          amount: 30,
          unit: 'CNY',
          idempotency_key: 'ap_0001',
        });
      }
      expect(store.mockWrites).toBe(0);
    });

    it('fails as an upstream error when the system refuses it, and is never sent without a key', async () => {
      const server = await tinyServer((_req, res) => res.writeHead(409).end());
      const systems = createSystemBackend({ store: await createFakeStore(), env: {} });
      const action = { product: withRefundApi(server.url), phone, concept: 'refund', action: '退款30元' };
      await expect(systems.applyApprovedAction({ ...action, idempotencyKey: 'k1' })).rejects.toMatchObject({
        code: 'E_UPSTREAM',
        message: expect.stringContaining('HTTP 409'),
      });
      await expect(systems.applyApprovedAction(action)).rejects.toMatchObject({ code: 'E_INTERNAL' });
      expect(server.requests()).toBe(1);
    });

    it('goes to the mock when no write interface, or more than one, names the action', async () => {
      const server = await tinyServer((_req, res) => res.writeHead(200).end('{}'));
      const twice = withRefundApi(server.url, {
        refund: {
          endpoint: '/api/refunds',
          method: 'POST',
          description: '退款',
          params: [],
          response_fields: ['refund_id'],
          mock_enabled: false,
          api_base_url: server.url,
        },
      });
      for (const product of [twice, withRefundApi(server.url)]) {
        const systems = createSystemBackend({ store: await createFakeStore(), env: {} });
        await systems.applyApprovedAction({
          product,
          phone,
          concept: 'cancel_auto_renew',
          action: '关闭自动续费',
          idempotencyKey: 'k2',
        });
        if (product === twice) {
          await systems.applyApprovedAction({
            product,
            phone,
            concept: 'refund',
            action: '退款',
            idempotencyKey: 'k3',
          });
        }
      }
      expect(server.requests()).toBe(0);
    });
  });
});
