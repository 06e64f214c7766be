// Test helper (not shipped): the built-in call without a process, for unit tests that are about
// what a call says and records rather than about the CLI (`runCall` spawns the built `cs`).

import { createRulesAgent } from '../../src/agent/rules/rules-agent.js';
import type { CallAgent } from '../../src/call/call-agent.js';
import { CallSession } from '../../src/call/call-session.js';
import { runConversation } from '../../src/call/run-call.js';
import type { Language } from '../../src/domain/language.js';
import type { Customer, Product } from '../../src/domain/record-schemas.js';
import type { CallEvent, Review } from '../../src/domain/session-schemas.js';
import { MemoryRecordStore } from '../../src/store/memory/memory-record-store.js';
import { createMockBackend, setMockResponse } from '../../src/systems/mock-backend.js';
import { CUSTOMER_ZH, fixedClock, OPERATOR_ZH, PRODUCT_ZH } from './scenario-records.js';

/**
 * Runs one call in process: CallSession on a MemoryRecordStore with the mock backend, the
 * built-in agent unless another is given, the caller's turns as its lines.
 *
 * @example const { events, review } = await runCallInProcess({ turns: ['帮我关掉自动续费', '结束通话'] })
 */
export async function runCallInProcess(input: {
  turns: readonly string[];
  language?: Language;
  product?: Product;
  customer?: Customer;
  /** Fixed mock responses for the caller, by interface name. */
  mock?: Record<string, Record<string, unknown>>;
  agent?: CallAgent;
}): Promise<{ session: CallSession; events: CallEvent[]; review: Review; store: MemoryRecordStore }> {
  const product = input.product ?? PRODUCT_ZH;
  const customer = input.customer ?? CUSTOMER_ZH;
  const phone = String(customer.phone ?? '');
  const clock = fixedClock('2026-01-25T10:00:00');
  const store = new MemoryRecordStore({ clock });
  await store.create('product', product, { id: product._id });
  await store.create('customer', customer, { id: customer._id });
  for (const [name, response] of Object.entries(input.mock ?? {})) {
    await setMockResponse(store, product._id, phone, name, response);
  }
  const session = new CallSession({
    participants: { product, operator: OPERATOR_ZH, customer, phone, coldStart: false },
    backend: createMockBackend({ store, clock }),
    language: input.language ?? 'zh',
    grants: store,
    clock,
  });
  const events: CallEvent[] = [];
  session.onEvent((e) => events.push(e));
  async function* lines() {
    yield* input.turns;
  }
  const review = await runConversation({ session, agent: input.agent ?? createRulesAgent(), lines: lines() });
  return { session, events, review, store };
}
