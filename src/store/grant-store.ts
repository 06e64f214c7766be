import type { Grant } from '../domain/grant-schema.js';

/** Which grants to list: always one customer's; optionally since a time or of one call. */
export interface GrantFilter {
  customerId: string;
  /** ISO time: grants issued or consumed at or after it. */
  since?: string;
  callId?: string;
}

/** What consuming a grant records. */
export interface GrantConsumption {
  grantId: string;
  customerId: string;
  /** ISO time of the consumption. */
  consumedAt: string;
  consumedBy: string;
}

/**
 * Single-use approvals (grants), a small aggregate of every RecordStore. `consumeGrant` is the
 * one place an approval is used up: among any number of processes consuming one grant at once,
 * exactly one gets it back.
 */
export interface GrantStore {
  /** Stores a newly issued grant (its `grant_id` is new). */
  putGrant(grant: Grant): Promise<void>;
  /**
   * Marks the grant consumed, atomically; the consumed grant, or undefined when it was consumed
   * already or does not exist for this customer.
   */
  consumeGrant(consumption: GrantConsumption): Promise<Grant | undefined>;
  /** The customer's grants matching the filter, oldest first. */
  listGrants(filter: GrantFilter): Promise<Grant[]>;
}

/** Whether a grant passes a filter (stores that cannot filter in a query use it). */
export function grantMatches(grant: Grant, filter: GrantFilter): boolean {
  if (grant.customer_id !== filter.customerId) return false;
  if (filter.callId !== undefined && grant.call_id !== filter.callId) return false;
  if (filter.since !== undefined) {
    const since = Date.parse(filter.since);
    const issued = Date.parse(grant.issued_at);
    const consumed = grant.consumed_at === null ? Number.NaN : Date.parse(grant.consumed_at);
    if (!(issued >= since || consumed >= since)) return false;
  }
  return true;
}

/** Oldest first, ties by id: the order every store lists in. */
export function byIssue(a: Grant, b: Grant): number {
  if (a.issued_at !== b.issued_at) return a.issued_at < b.issued_at ? -1 : 1;
  return a.grant_id < b.grant_id ? -1 : a.grant_id > b.grant_id ? 1 : 0;
}
