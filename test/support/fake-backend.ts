// Test helper (not shipped): one in-memory backend for CallSession tests.

import type { CallBackend } from '../../src/call/call-session.js';
import type { SystemQueryRecord } from '../../src/domain/session-schemas.js';

type ApprovedActionInput = Parameters<CallBackend['applyApprovedAction']>[0];

/**
 * A backend that answers every query with `respond(interfaceName)` (an empty response by
 * default) and records every action it is asked to carry out, as the approval reached it.
 *
 * @example const backend = fakeBackend((name) => (name === 'orders' ? { orders: [] } : {}));
 */
export function fakeBackend(
  respond: (interfaceName: string) => unknown = () => ({}),
): CallBackend & { applied: ApprovedActionInput[] } {
  const applied: ApprovedActionInput[] = [];
  return {
    applied,
    async query(resolved, { phone }): Promise<SystemQueryRecord> {
      return {
        interface: resolved.interfaceName,
        method: resolved.method,
        endpoint: resolved.definition.endpoint.replace('{user_id}', phone),
        purpose: resolved.definition.description,
        mock: true,
        ok: true,
        response: respond(resolved.interfaceName),
      };
    },
    async applyApprovedAction(input) {
      applied.push(input);
      return { changed: true, description: `已办理${input.action}` };
    },
  };
}

/**
 * A billing response with one paid charge of each amount (newest first), as a product's billing
 * interface returns it: money back waits for a record of payments read in the call.
 *
 * @example fakeBackend((name) => (name === 'user_billing' ? chargesOf(500) : {}))
 */
export function chargesOf(...amounts: number[]): { transactions: Array<Record<string, unknown>> } {
  return {
    transactions: amounts.map((amount, i) => ({
      date: `2026-11-${String(20 - i).padStart(2, '0')}`,
      description: '会员费',
      amount,
      status: 'paid',
    })),
  };
}
