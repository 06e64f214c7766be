import type { Grant } from '../../domain/grant-schema.js';
import {
  byIssue,
  type GrantConsumption,
  type GrantFilter,
  type GrantStore,
  grantMatches,
} from '../grant-store.js';

const copy = <T>(value: T): T => structuredClone(value);

/**
 * Grants in memory: the MemoryRecordStore's, and a call's own when it runs without a store (unit
 * tests of agents). Consuming is a synchronous check-and-set, so one caller wins.
 *
 * @example const grants = new MemoryGrantStore(); await grants.putGrant(grant);
 */
export class MemoryGrantStore implements GrantStore {
  readonly #grants = new Map<string, Grant>();

  async putGrant(grant: Grant): Promise<void> {
    this.#grants.set(grant.grant_id, copy(grant));
  }

  async consumeGrant(consumption: GrantConsumption): Promise<Grant | undefined> {
    const grant = this.#grants.get(consumption.grantId);
    if (!grant || grant.customer_id !== consumption.customerId || grant.consumed_at !== null)
      return undefined;
    grant.consumed_at = consumption.consumedAt;
    grant.consumed_by = consumption.consumedBy;
    return copy(grant);
  }

  async listGrants(filter: GrantFilter): Promise<Grant[]> {
    return [...this.#grants.values()]
      .filter((g) => grantMatches(g, filter))
      .sort(byIssue)
      .map(copy);
  }
}
