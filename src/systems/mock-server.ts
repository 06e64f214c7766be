import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Clock, systemClock } from '../domain/clock.js';
import { CsError } from '../domain/cs-error.js';
import { isValidPhone, normalizePhone } from '../domain/phone.js';
import type { ApiInterface, Product } from '../domain/record-schemas.js';
import type { RecordStore } from '../store/record-store.js';
import { isCallerParam, matchTemplate, productInterfaces, templateSpecificity } from './_interfaces.js';
import { filterMockResponse, filterParams } from './filter-mock-response.js';
import { generateMockResponse } from './generate-mock-response.js';
import { resolveQuery } from './resolve-query.js';

export interface MockServerOptions {
  store: RecordStore;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Loopback only: the mock answers made-up accounts and must not face a network. */
  host?: '127.0.0.1';
  clock?: Clock;
  /**
   * Answer for any phone (`cs mock-server --any-caller`). By default only the phones of the
   * database's customers get an answer; any other is a 404, so the server cannot be used to
   * probe numbers or to fabricate accounts for strangers.
   */
  anyCaller?: boolean;
}

export interface MockServer {
  /** e.g. http://127.0.0.1:41234, usable as an interface's api_base_url. */
  url: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024;
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Serves the mock systems over HTTP (`cs mock-server`), so the real-HTTP path can be run end to
 * end. `/api/...` paths are matched against every product's interface templates; the product is
 * the one named by `?product=` or the `x-cs-product` header (id or name), else the only product
 * whose template matches (with one product in the database, always that one); when several
 * match, a 400 lists them so the client names one. Filter parameters (`?date=2026-11-11`,
 * `month`, a field of the listed items) narrow lists as the in-process mock does. The caller is the phone bound in the path, and must be a customer of the
 * database unless `anyCaller`. Answers the same state as the in-process mock backend, but only
 * reads it: a response not stored yet is generated in memory (the same deterministic one) and
 * not kept, so requests never write; only approved actions in a call change the state.
 * `GET /health` answers `{"ok":true}`.
 *
 * @example const server = await startMockServer({ store }); // server.url -> http://127.0.0.1:PORT
 */
export async function startMockServer(options: MockServerOptions): Promise<MockServer> {
  const { store } = options;
  const clock = options.clock ?? systemClock;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    if (url.pathname === '/health' && method === 'GET') {
      send(res, 200, { ok: true });
      return;
    }
    if (!url.pathname.startsWith('/api/') || !METHODS.has(method)) {
      throw new CsError('E_NOT_FOUND', `No mock interface serves ${method} ${url.pathname}.`);
    }
    const bodyParams = method === 'GET' || method === 'DELETE' ? {} : await readParams(req);
    const named = url.searchParams.get('product') ?? undefined;
    const hinted = headerValue(req.headers['x-cs-product']);
    url.searchParams.delete('product');

    const products = await store.list('product');
    const pick = (selector: string) => products.filter((p) => p._id === selector || p.name === selector);
    let candidates = products;
    if (named !== undefined) {
      candidates = pick(named);
      if (candidates.length === 0) throw new CsError('E_NOT_FOUND', `No product "${named}" in the database.`);
    } else if (hinted !== undefined) {
      // The HTTP backend always sends its product id; a server over another database still answers.
      const hintedProducts = pick(hinted);
      if (hintedProducts.length > 0) candidates = hintedProducts;
    }
    const serving = candidates.flatMap((p) => findInterface([p], method, url.pathname) ?? []);
    const match = serving[0];
    if (!match) throw new CsError('E_NOT_FOUND', `No mock interface serves ${method} ${url.pathname}.`);
    if (serving.length > 1) {
      const listed = serving.map((m) => ({ id: m.product._id, name: m.product.name }));
      throw new CsError(
        'E_USAGE',
        `Several products serve ${method} ${url.pathname}: name one with ?product=<id or name> (${listed.map((p) => `${p.name} = ${p.id}`).join(', ')}).`,
        { details: { products: listed } },
      );
    }

    const rawPhone =
      Object.entries(match.bound).find(([k]) => isCallerParam(k))?.[1] ??
      [...url.searchParams].find(([k]) => isCallerParam(k))?.[1] ??
      Object.entries(bodyParams).find(([k]) => isCallerParam(k))?.[1] ??
      headerValue(req.headers['x-cs-phone']);
    if (rawPhone === undefined) {
      throw new CsError(
        'E_USAGE',
        `Cannot tell the caller of ${url.pathname}: put the phone in the path, in ?phone= or in an x-cs-phone header.`,
      );
    }
    const phone = normalizePhone(rawPhone);
    if (!isValidPhone(phone)) throw new CsError('E_USAGE', `"${rawPhone}" is not a phone number.`);
    const customer = (await store.summaries('customer')).find((c) => c.phone === phone);
    if (!customer && !options.anyCaller) {
      throw new CsError(
        'E_NOT_FOUND',
        'No customer with this phone in the database (start the server with --any-caller to answer any number).',
      );
    }

    const resolved = resolveQuery({
      product: match.product,
      phone,
      interfaceName: match.name,
      endpoint: url.pathname + url.search,
      params: bodyParams,
    });
    const stored = (await store.getMockState(match.product._id, phone))?.[resolved.interfaceName];
    const response =
      stored ??
      generateMockResponse({
        product: match.product,
        interfaceName: resolved.interfaceName,
        definition: resolved.definition,
        phone,
        now: clock.now(),
        ...(customer ? { customerName: customer.name } : {}),
      });
    send(res, 200, filterMockResponse(response, filterParams(resolved)));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (CsError.isInstance(error)) {
        send(res, error.httpStatus, {
          error: { code: error.code, message: error.message, ...(error.details ?? {}) },
        });
      } else {
        send(res, 500, {
          error: { code: 'E_INTERNAL', message: error instanceof Error ? error.message : String(error) },
        });
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets would hold close() open until they time out.
        server.closeAllConnections();
      }),
  };
}

function findInterface(
  products: Product[],
  method: string,
  path: string,
): { product: Product; name: string; definition: ApiInterface; bound: Record<string, string> } | undefined {
  for (const product of products) {
    let interfaces: Record<string, ApiInterface>;
    try {
      interfaces = productInterfaces(product);
    } catch {
      continue; // a product with broken interfaces serves nothing, the others still do
    }
    const matches = Object.entries(interfaces)
      .map(([name, definition]) => ({ name, definition, bound: matchTemplate(definition.endpoint, path) }))
      .filter((m): m is typeof m & { bound: Record<string, string> } => m.bound !== undefined)
      // Most literal template first; a template of the request's method before another.
      .sort(
        (a, b) =>
          templateSpecificity(b.definition.endpoint) - templateSpecificity(a.definition.endpoint) ||
          Number(b.definition.method === method) - Number(a.definition.method === method),
      );
    const best = matches[0];
    if (best) return { product, ...best };
  }
  return undefined;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

async function readParams(req: IncomingMessage): Promise<Record<string, string>> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES)
      throw new CsError('E_INVALID', `Request body is over ${MAX_BODY_BYTES} bytes.`);
    chunks.push(buf);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new CsError('E_INVALID', 'Request body is not JSON: send an object of parameters.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new CsError('E_INVALID', 'Request body must be a JSON object of parameters.');
  }
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') params[k] = String(v);
  }
  return params;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
