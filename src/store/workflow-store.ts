/**
 * What happens after a call, kept apart from the call records: approval requests, tickets,
 * notifications, webhook deliveries and supervisors ("work items"), with an append-only audit
 * trail. One small generic aggregate, so each store implements it once; `src/approvals/` gives
 * the items their types and their rules (states, who may decide, SLA clocks).
 */

/** The kinds of work item a store keeps. */
export const WORK_KINDS = ['approval', 'ticket', 'notification', 'delivery', 'supervisor'] as const;
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

/** Which items to list. */
export interface WorkFilter {
  /** One state or any of several; every state when absent. */
  state?: string | readonly string[];
  customerId?: string;
  productId?: string;
  /** ISO time: only items whose `due_at` is before it. */
  dueBefore?: string;
  /** At most this many, oldest first. */
  limit?: number;
}

/** Which audit entries to list (oldest first). */
export interface AuditFilter {
  kind?: WorkKind;
  itemId?: string;
  /** ISO time: entries at or after it. */
  since?: string;
}

/** What a change decides: the new document and what the audit trail says about it. */
export interface WorkChange {
  doc: WorkDoc;
  audit?: AuditEntry;
}

/**
 * Work items and their audit trail. `changeWork` is the one way an item changes: among any
 * number of processes changing one item at once, each `change` sees the document as the one
 * before it left it (a lock or a row lock), so a decision is taken exactly once. The audit entry
 * of a change is written with it.
 */
export interface WorkflowStore {
  /** Adds a new item (E_CONFLICT when its id is taken), with its audit entry. */
  addWork(kind: WorkKind, doc: WorkDoc, audit?: AuditEntry): Promise<void>;
  getWork(kind: WorkKind, id: string): Promise<WorkDoc | undefined>;
  /**
   * Reads the item, calls `change` with it and writes what it returns, atomically. `change`
   * returns undefined to leave the item as it is (a refusal), or throws (nothing is written).
   * Resolves to the item as it is afterwards; undefined when there is no such item.
   */
  changeWork(
    kind: WorkKind,
    id: string,
    change: (current: WorkDoc) => WorkChange | undefined,
  ): Promise<WorkDoc | undefined>;
  /** Items of a kind matching the filter, oldest first (`created_at`, then id). */
  listWork(kind: WorkKind, filter?: WorkFilter): Promise<WorkDoc[]>;
  listAudit(filter?: AuditFilter): Promise<AuditEntry[]>;
}

/** Whether an item passes a filter (stores that cannot filter in a query use it). */
export function workMatches(doc: WorkDoc, filter: WorkFilter): boolean {
  if (filter.state !== undefined) {
    const states = typeof filter.state === 'string' ? [filter.state] : filter.state;
    if (!states.includes(doc.state)) return false;
  }
  if (filter.customerId !== undefined && doc.customer_id !== filter.customerId) return false;
  if (filter.productId !== undefined && doc.product_id !== filter.productId) return false;
  if (filter.dueBefore !== undefined && !(doc.due_at !== undefined && doc.due_at < filter.dueBefore))
    return false;
  return true;
}

/** Oldest first, ties by id: the order every store lists in. */
export function byCreation(a: WorkDoc, b: WorkDoc): number {
  if (a.created_at !== b.created_at) return a.created_at < b.created_at ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Whether an audit entry passes a filter. */
export function auditMatches(entry: AuditEntry, filter: AuditFilter): boolean {
  if (filter.kind !== undefined && entry.kind !== filter.kind) return false;
  if (filter.itemId !== undefined && entry.item_id !== filter.itemId) return false;
  if (filter.since !== undefined && entry.at < filter.since) return false;
  return true;
}

/** A work item id is safe as a file name and a key. */
export const WORK_ID_PATTERN = /^[A-Za-z0-9_-]{1,80}$/;
