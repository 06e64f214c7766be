/**
 * What happens after a call, as stored: approval requests, tickets, notifications, webhook
 * deliveries and supervisors are "work items" (src/store/workflow-store.ts keeps them), each a
 * JSON document with the few fields below that stores index, and every change of one is an
 * audit entry.
 */

/** The kinds of work item a store keeps. */
export const WORK_KINDS = [
  'approval',
  'ticket',
  'notification',
  'delivery',
  'supervisor',
  // `cs serve`: a person who signs in (src/http/auth.ts), a server-wide setting (its secret),
  // and the recent failed sign-ins of one name or address (shared by every server).
  'user',
  'setting',
  'sign_in_failures',
] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

/**
 * One work item as stored: a JSON document. The fields below are the ones a store indexes or
 * filters on; everything else is the item's own (src/approvals/ parses it).
 */
export interface WorkDoc {
  /** Unique within its kind: letters, digits, `_` and `-` only. */
  id: string;
  /** Where it is in its lifecycle (`pending`, `open` …): the index `listWork` reads by. */
  state: string;
  /** ISO 8601 UTC: the order items are listed in (ties by id). */
  created_at: string;
  updated_at: string;
  customer_id?: string;
  product_id?: string;
  /** ISO 8601 UTC: when the item is due (SLA), for `overdue` listings. */
  due_at?: string;
  [field: string]: unknown;
}

/** One change of a work item, kept forever: when, who, from which state to which, why. */
export interface AuditEntry {
  /** ISO 8601 UTC. */
  at: string;
  kind: WorkKind;
  item_id: string;
  /** A supervisor's or user's name, an agent kind, `system` (expiry, reconciling) … */
  who: string;
  /** The state before; null when the item was created. */
  from: string | null;
  to: string;
  why: string;
}
