import type { SystemQueryRecord } from '../../src/domain/session-schemas.js';

/** What one interface answered, as a call's query records it (a mock answer that succeeded). */
export function queryRecord(iface: string, response: unknown): SystemQueryRecord {
  return {
    interface: iface,
    method: 'GET',
    endpoint: `/${iface}`,
    purpose: iface,
    mock: true,
    ok: true,
    response,
  };
}
