import type { RecordStore } from '../store/record-store.js';

/**
 * Which customers the MCP record tools may show. An assistant on a call sees the caller it is
 * talking to and no one else: the customers of the live calls `start_call` opened in this
 * server process. `cs mcp --admin` lifts the limit (every customer, as `cs read` shows them).
 */
export interface CallerScope {
  /** True when every customer is readable (`cs mcp --admin`). */
  readonly admin: boolean;
  /** Notes the caller of a call this server started. */
  callStarted(callId: string, customerId: string): void;
  /** Forgets a call this server ended. */
  callEnded(callId: string): void;
  /** The ids of the callers whose calls, started here, are still live. */
  liveCustomerIds(): Promise<Set<string>>;
}

/**
 * @example const scope = createCallerScope({ store }); scope.callStarted(liveId, customer.id);
 */
export function createCallerScope(options: { store: RecordStore; admin?: boolean }): CallerScope {
  const calls = new Map<string, string>();
  return {
    admin: options.admin === true,
    callStarted(callId, customerId) {
      calls.set(callId, customerId);
    },
    callEnded(callId) {
      calls.delete(callId);
    },
    async liveCustomerIds() {
      // A call can also end elsewhere (`cs session end`, expiry): only a call still live counts.
      for (const callId of [...calls.keys()]) {
        if (!(await options.store.getLiveSession(callId))) calls.delete(callId);
      }
      return new Set(calls.values());
    },
  };
}
