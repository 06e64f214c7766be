import { CsError } from '../domain/cs-error.js';

/**
 * What happens after a call, kept apart from the call records: approval requests, tickets,
 * notifications, webhook deliveries and supervisors ("work items"), with an append-only audit
 * trail. One small generic aggregate, so each store implements it once; `src/approvals/` gives
 * the items their types and their rules (states, who may decide, SLA clocks).
 */

import { type AuditEntry, WORK_KINDS, type WorkDoc, type WorkKind } from '../domain/work-item.js';

export type { AuditEntry, WorkDoc, WorkKind } from '../domain/work-item.js';
export { WORK_KINDS };

/** Which items to list. */
export interface WorkFilter {
  /** One state or any of several; every state when absent. */
  state?: string | readonly string[];
  customerId?: string;
  productId?: string;
  /** ISO time: only items whose `due_at` is before it. */
  dueBefore?: string;
  /** At most this many, in the order below. */
  limit?: number;
  /**
   * Oldest first (`created`, the default) or soonest due first (`due`; items without a due time
   * last). Asking whether anything is overdue reads one index entry in due order; in creation
   * order PostgreSQL walks every pending row to look at its due time.
   */
  order?: 'created' | 'due';
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
  /**
   * Writes an item as it is, under its own id, with no audit entry (copying between stores).
   * Resolves false, writing nothing, when the kind has an item with that id.
   */
  importWork(kind: WorkKind, doc: WorkDoc): Promise<boolean>;
  /** Appends audit entries as they are (copying between stores; the caller skips what is there). */
  importAudit(entries: readonly AuditEntry[]): Promise<void>;
}

/** Whether an item passes a filter (stores that cannot filter in a query use it). */
export function workMatches(doc: WorkDoc, filter: WorkFilter): boolean {
  if (filter.state !== undefined) {
    const states = typeof filter.state === 'string' ? [filter.state] : filter.state;
    if (!states.includes(doc.state)) return false;
  }
  if (filter.customerId !== undefined && doc.customer_id !== filter.customerId) return false;
  if (filter.productId !== undefined && doc.product_id !== filter.productId) return false;
  if (filter.dueBefore !== undefined && !isDueBefore(doc, filter.dueBefore)) return false;
  return true;
}

/**
 * What a listing orders by and `dueBefore` looks at: the file store reads them off its index
 * (marker names) to sort and pick a page before it reads any document.
 */
export type WorkOrderKeys = Pick<WorkDoc, 'id' | 'created_at' | 'due_at'>;

/** Whether an item is due before an ISO time (an item without a due time never is). */
export function isDueBefore(keys: Pick<WorkDoc, 'due_at'>, before: string): boolean {
  return keys.due_at !== undefined && keys.due_at < before;
}

/** Oldest first, ties by id: the order every store lists in. */
export function byCreation(a: WorkOrderKeys, b: WorkOrderKeys): number {
  if (a.created_at !== b.created_at) return a.created_at < b.created_at ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Soonest due first, then oldest first; items without a due time last. */
export function byDue(a: WorkOrderKeys, b: WorkOrderKeys): number {
  if (a.due_at !== b.due_at) {
    if (a.due_at === undefined) return 1;
    if (b.due_at === undefined) return -1;
    return a.due_at < b.due_at ? -1 : 1;
  }
  return byCreation(a, b);
}

/** The comparator a filter's `order` asks for. */
export function orderOf(filter: WorkFilter): (a: WorkOrderKeys, b: WorkOrderKeys) => number {
  return filter.order === 'due' ? byDue : byCreation;
}

/** Oldest first by `at`; entries of one time keep the order they were written in (a stable sort). */
export function byAuditTime(a: AuditEntry, b: AuditEntry): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : 0;
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

/** A state is a name of the same shape (the file store keeps an index folder per state). */
export const WORK_STATE_PATTERN = WORK_ID_PATTERN;

/**
 * What is wrong with a value read or given as a work item, or undefined when it is one: an
 * object with a well-formed id and state, text times, and text (or absent) indexed fields.
 */
export function workDocProblem(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'not a JSON object';
  const doc = raw as Record<string, unknown>;
  if (typeof doc.id !== 'string' || !WORK_ID_PATTERN.test(doc.id))
    return 'id is not 1-80 letters, digits, _ or -';
  if (typeof doc.state !== 'string' || !WORK_STATE_PATTERN.test(doc.state))
    return 'state is not 1-80 letters, digits, _ or -';
  for (const field of ['created_at', 'updated_at'] as const) {
    if (typeof doc[field] !== 'string') return `${field} is not text`;
  }
  for (const field of ['customer_id', 'product_id', 'due_at'] as const) {
    if (doc[field] !== undefined && typeof doc[field] !== 'string') return `${field} is not text`;
  }
  return undefined;
}

/**
 * Refuses (E_INVALID) a document a store is asked to write: malformed, or, for a change, under
 * another id than the item's (an item never changes its id).
 */
export function requireWorkDoc(kind: WorkKind, doc: WorkDoc, id: string = doc.id): void {
  const problem = workDocProblem(doc);
  if (problem !== undefined) throw new CsError('E_INVALID', `Cannot write this ${kind}: ${problem}.`);
  if (doc.id !== id)
    throw new CsError('E_INVALID', `A change of ${kind} ${id} cannot give it the id ${doc.id}.`);
}

/** Whether a value read back is an audit entry (the fields the trail needs, as text). */
export function auditEntryProblem(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'not a JSON object';
  const e = raw as Record<string, unknown>;
  for (const field of ['at', 'kind', 'item_id', 'who', 'to', 'why'] as const) {
    if (typeof e[field] !== 'string') return `${field} is not text`;
  }
  if (!(WORK_KINDS as readonly unknown[]).includes(e.kind))
    return `kind ${String(e.kind)} is not a work kind`;
  if (e.from !== null && typeof e.from !== 'string') return 'from is neither text nor null';
  return undefined;
}
