import { type Clock, systemClock } from '../domain/clock.js';
import { CsError } from '../domain/cs-error.js';
import type { ApiInterface, Product } from '../domain/record-schemas.js';
import { findActionRequests } from '../permissions/find-action-requests.js';
import type { RecordStore } from '../store/record-store.js';
import { productInterfaces } from './_interfaces.js';
import { createHttpBackend } from './http-backend.js';
import { type ApprovedActionInput, createMockBackend, type MockCapableBackend } from './mock-backend.js';
import { resolveQuery } from './resolve-query.js';

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
 * fails with a clear error, never invented data). An approved action goes to the product's real
 * write interface for it when there is one (`writeInterfaceFor`), with its idempotency key;
 * otherwise it changes the mock state only.
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
    async applyApprovedAction(input) {
      const target = writeInterfaceFor(input.product, input.concept);
      if (target === undefined) return mock.applyApprovedAction(input);
      if (input.idempotencyKey === undefined) {
        // Never sent without one: a retry could apply it twice.
        throw new CsError('E_INTERNAL', `An action for ${target} was sent without an idempotency key.`);
      }
      const resolved = resolveQuery({
        product: input.product,
        phone: input.phone,
        interfaceName: target,
        params: input.quantity ? { amount: String(input.quantity.value), unit: input.quantity.unit } : {},
      });
      const outcome = await http.perform(resolved, {
        product: input.product,
        idempotencyKey: input.idempotencyKey,
        body: actionBody(input),
      });
      if (!outcome.ok) throw new CsError('E_UPSTREAM', outcome.error);
      const en = (input.language ?? 'zh') === 'en';
      return { changed: true, description: en ? `Done: ${input.action}` : `已办理：${input.action}` };
    },
  };
}

/** What a write interface is sent besides its parameters: the action as approved. */
function actionBody(input: ApprovedActionInput): object {
  return {
    phone: input.phone,
    action: input.action,
    concept: input.concept,
    ...(input.quantity ? { amount: input.quantity.value, unit: input.quantity.unit } : {}),
  };
}

/**
 * The product's real (not mock) write interface (POST, PUT, PATCH, DELETE) that carries out an
 * action of this concept: named after it (`refund`), or whose description or name asks for it
 * as a caller would (发起退款, create_refund). Undefined when none does, or several do (which
 * one is meant is not for us to guess: the action then changes the mock state only).
 */
export function writeInterfaceFor(product: Product, concept: string): string | undefined {
  const matches = Object.entries(productInterfaces(product)).filter(
    ([name, definition]) => isRealWrite(definition) && performs(name, definition, concept),
  );
  return matches.length === 1 ? matches[0]?.[0] : undefined;
}

function isRealWrite(definition: ApiInterface): boolean {
  return !definition.mock_enabled && /^(POST|PUT|PATCH|DELETE)$/i.test(definition.method);
}

function performs(name: string, definition: ApiInterface, concept: string): boolean {
  if (name === concept) return true;
  const texts = [definition.description, name.replace(/[_-]+/g, ' ')];
  return texts.some((text) => findActionRequests(text).some((r) => r.concept === concept));
}
