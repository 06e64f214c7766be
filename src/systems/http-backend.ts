import { type Clock, systemClock } from '../domain/clock.js';
import { describeFetchError } from '../domain/fetch-error.js';
import type { Product } from '../domain/record-schemas.js';
import type { SystemQueryRecord } from '../domain/session-schemas.js';
import type { SystemBackend } from './mock-backend.js';
import type { ResolvedQuery } from './resolve-query.js';

export interface HttpBackendOptions {
  /** Used when an interface has no `api_base_url` of its own. */
  baseUrl?: string;
  /** Per attempt; default 5000 ms. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Stamps the query record's `at`. */
  clock?: Clock;
}

const DEFAULT_TIMEOUT_MS = 5000;
/** Bodies past this are not a query answer we can show an operator. */
const MAX_BODY_CHARS = 1_000_000;

type Attempt =
  | { kind: 'response'; status: number; statusText: string; body: string }
  | { kind: 'network'; message: string };

/**
 * The real systems over HTTP. A query fails (ok: false, with the reason) when the API cannot be
 * reached, answers non-2xx, answers something other than a JSON object, or leaves out one of
 * the interface's `response_fields`: it never makes data up. A GET is retried once after a
 * network error, a timeout or a 5xx.
 *
 * @example createHttpBackend({ baseUrl: 'https://api.example.com', timeoutMs: 3000 })
 */
/** What a write interface answered when an approved action was sent to it. */
export type HttpActionOutcome = { ok: true; response: unknown } | { ok: false; error: string };

/** The real systems: queries, and approved actions sent to a product's write interfaces. */
export interface HttpBackend extends SystemBackend {
  /**
   * Sends an approved action to a write interface (POST, PUT, PATCH or DELETE) with its
   * `Idempotency-Key`: the same key again (a retry, a reconciled execution) must be applied once
   * by the system. Retried once after a network error or a 5xx, since the key makes it safe.
   */
  perform(
    resolved: ResolvedQuery,
    ctx: { product: Product; idempotencyKey: string; body: object },
  ): Promise<HttpActionOutcome>;
}

export function createHttpBackend(options: HttpBackendOptions = {}): HttpBackend {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const clock = options.clock ?? systemClock;

  async function attempt(url: string, init: RequestInit): Promise<Attempt> {
    try {
      const res = await doFetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
      const body = await res.text();
      return { kind: 'response', status: res.status, statusText: res.statusText, body };
    } catch (error) {
      return { kind: 'network', message: describeFetchError(error, timeoutMs, 'API') };
    }
  }

  return {
    async query(resolved, ctx) {
      const record = (ok: boolean, extra: { response?: unknown; error?: string }): SystemQueryRecord => ({
        interface: resolved.interfaceName,
        method: resolved.method,
        endpoint: resolved.endpoint,
        purpose: resolved.definition.description,
        mock: false,
        ok,
        ...extra,
        at: clock.now().toISOString(),
      });
      const base = resolved.definition.api_base_url ?? options.baseUrl;
      if (base === undefined || base.trim() === '') {
        return record(false, {
          error: `no API base URL for interface ${resolved.interfaceName}: set api_base_url on it or CS_API_BASE_URL`,
        });
      }
      const url = joinUrl(base, resolved.endpoint);
      if (url === undefined) {
        return record(false, { error: `API base URL "${base}" is not a valid http(s) URL` });
      }
      const init = requestInit(resolved, String(ctx.product._id));
      const label = `${resolved.method} ${url}`;

      let result = await attempt(url, init);
      // One retry for reads only: repeating a write could apply it twice.
      if (resolved.method === 'GET' && (result.kind === 'network' || result.status >= 500)) {
        result = await attempt(url, init);
      }
      if (result.kind === 'network') return record(false, { error: `${label} failed: ${result.message}` });
      if (result.status < 200 || result.status > 299) {
        const status = `HTTP ${result.status}${result.statusText ? ` ${result.statusText}` : ''}`;
        return record(false, { error: `${label} answered ${status}` });
      }
      if (result.body.length > MAX_BODY_CHARS) {
        return record(false, { error: `${label} answered a body over ${MAX_BODY_CHARS} characters` });
      }
      let body: unknown;
      try {
        body = JSON.parse(result.body);
      } catch {
        return record(false, { error: `${label} answered something that is not JSON` });
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        return record(false, { error: `${label} answered JSON that is not an object` });
      }
      const missing = resolved.definition.response_fields.filter((f) => !(f in body));
      if (missing.length > 0) {
        return record(false, {
          error: `${label} answered without ${missing.map((f) => `"${f}"`).join(', ')} (the interface's response_fields)`,
        });
      }
      return record(true, { response: body });
    },

    async perform(resolved, ctx) {
      const base = resolved.definition.api_base_url ?? options.baseUrl;
      if (base === undefined || base.trim() === '') {
        return {
          ok: false,
          error: `no API base URL for interface ${resolved.interfaceName}: set api_base_url on it or CS_API_BASE_URL`,
        };
      }
      const url = joinUrl(base, resolved.endpoint);
      if (url === undefined) return { ok: false, error: `API base URL "${base}" is not a valid http(s) URL` };
      const init: RequestInit = {
        method: resolved.method,
        headers: {
          accept: 'application/json',
          'content-type': 'application/json',
          'x-cs-product': String(ctx.product._id),
          'Idempotency-Key': ctx.idempotencyKey,
        },
        body: JSON.stringify({ ...resolved.params, ...ctx.body, idempotency_key: ctx.idempotencyKey }),
      };
      const label = `${resolved.method} ${url}`;
      let result = await attempt(url, init);
      if (result.kind === 'network' || result.status >= 500) result = await attempt(url, init);
      if (result.kind === 'network') return { ok: false, error: `${label} failed: ${result.message}` };
      if (result.status < 200 || result.status > 299) {
        return {
          ok: false,
          error: `${label} answered HTTP ${result.status}${result.statusText ? ` ${result.statusText}` : ''}`,
        };
      }
      let response: unknown = null;
      try {
        response = result.body.trim() === '' ? null : JSON.parse(result.body);
      } catch {
        // A 2xx without JSON still says the system took the action.
      }
      return { ok: true, response };
    },
  };
}

function joinUrl(base: string, endpoint: string): string | undefined {
  try {
    const url = new URL(base.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    // A base with a path (https://host/v1) keeps it: the endpoint is appended, not resolved.
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}${endpoint}`;
  } catch {
    return undefined;
  }
}

function requestInit(resolved: ResolvedQuery, productId: string): RequestInit {
  const headers: Record<string, string> = { accept: 'application/json', 'x-cs-product': productId };
  if (resolved.method === 'GET' || resolved.method === 'DELETE') return { method: resolved.method, headers };
  headers['content-type'] = 'application/json';
  return { method: resolved.method, headers, body: JSON.stringify(resolved.params) };
}
