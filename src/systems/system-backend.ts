import { type Clock, systemClock } from '../domain/clock.js';
import type { RecordStore } from '../store/record-store.js';
import { createHttpBackend } from './http-backend.js';
import { createMockBackend, type MockCapableBackend } from './mock-backend.js';

export interface SystemBackendOptions {
  store: RecordStore;
  /** Reads CS_API_BASE_URL and CS_API_TIMEOUT_MS; default process.env. */
  env?: NodeJS.ProcessEnv;
  clock?: Clock;
  /** For tests of the real path. */
  fetch?: typeof fetch;
}

/**
 * The systems a call queries, routed per interface: `mock_enabled: true` -> the mock state;
 * `false` -> HTTP to the interface's `api_base_url` or CS_API_BASE_URL (with neither, the query
 * fails with a clear error, never invented data). Approved actions change only mock state.
 *
 * @example const systems = createSystemBackend({ store });
 *   const record = await systems.query(resolveQuery({ product, phone, interfaceName }), { product, phone });
 */
export function createSystemBackend(options: SystemBackendOptions): MockCapableBackend {
  const env = options.env ?? process.env;
  const clock = options.clock ?? systemClock;
  const mock = createMockBackend({ store: options.store, clock, onlyMockEnabled: true });
  const timeout = Number(env.CS_API_TIMEOUT_MS);
  const baseUrl = env.CS_API_BASE_URL?.trim();
  const http = createHttpBackend({
    ...(baseUrl ? { baseUrl } : {}),
    ...(Number.isFinite(timeout) && timeout > 0 ? { timeoutMs: timeout } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    clock,
  });
  return {
    query: (resolved, ctx) =>
      resolved.definition.mock_enabled ? mock.query(resolved, ctx) : http.query(resolved, ctx),
    applyApprovedAction: (input) => mock.applyApprovedAction(input),
  };
}
