import { CsError } from '../domain/cs-error.js';
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
  /**
   * Before a call names its caller by customer name: without admin the name must be a
   * customer's full name, so a call cannot be started (and a record shown) on a guessed
   * fragment, and a miss lists no one.
   */
  checkCallerName(name: string): Promise<void>;
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
    async checkCallerName(name) {
      if (options.admin === true) return;
      const wanted = name.trim();
      if (/^[0-9a-f]{8}$/.test(wanted) && (await options.store.get('customer', wanted))) return;
      const found = await options.store.findByName('customer', wanted);
      if (found.length === 1) return;
      throw new CsError(
        found.length === 0 ? 'E_NOT_FOUND' : 'E_AMBIGUOUS',
        `${found.length === 0 ? 'No customer has' : 'Several customers have'} the full name "${wanted}": give the caller's phone (other customers are not listed; \`cs mcp --admin\` reads them).`,
      );
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
