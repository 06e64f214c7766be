import { CsError } from '../../domain/cs-error.js';
import {
  type AuditEntry,
  type AuditFilter,
  auditMatches,
  byAuditTime,
  orderOf,
  requireWorkDoc,
  type WorkChange,
  type WorkDoc,
  type WorkFilter,
  type WorkflowStore,
  type WorkKind,
  workMatches,
} from '../workflow-store.js';

const copy = <T>(value: T): T => structuredClone(value);

/**
 * Work items in memory (the memory store's). A change is a synchronous read-modify-write, so
 * concurrent changers of one item run one after another.
 */
export class MemoryWorkflowStore implements WorkflowStore {
  readonly #items = new Map<WorkKind, Map<string, WorkDoc>>();
  readonly #audit: AuditEntry[] = [];

  #kind(kind: WorkKind): Map<string, WorkDoc> {
    let items = this.#items.get(kind);
    if (!items) {
      items = new Map();
      this.#items.set(kind, items);
    }
    return items;
  }

  async addWork(kind: WorkKind, doc: WorkDoc, audit?: AuditEntry): Promise<void> {
    requireWorkDoc(kind, doc);
    const items = this.#kind(kind);
    if (items.has(doc.id)) throw new CsError('E_CONFLICT', `A ${kind} with id ${doc.id} exists already.`);
    items.set(doc.id, copy(doc));
    if (audit) this.#audit.push(copy(audit));
  }

  async getWork(kind: WorkKind, id: string): Promise<WorkDoc | undefined> {
    const doc = this.#kind(kind).get(id);
    return doc && copy(doc);
  }

  async changeWork(
    kind: WorkKind,
    id: string,
    change: (current: WorkDoc) => WorkChange | undefined,
  ): Promise<WorkDoc | undefined> {
    const items = this.#kind(kind);
    const current = items.get(id);
    if (!current) return undefined;
    const next = change(copy(current));
    if (!next) return copy(current);
    requireWorkDoc(kind, next.doc, id);
    items.set(id, copy(next.doc));
    if (next.audit) this.#audit.push(copy(next.audit));
    return copy(next.doc);
  }

  async listWork(kind: WorkKind, filter: WorkFilter = {}): Promise<WorkDoc[]> {
    const found = [...this.#kind(kind).values()].filter((d) => workMatches(d, filter)).sort(orderOf(filter));
    return (filter.limit === undefined ? found : found.slice(0, filter.limit)).map(copy);
  }

  async listAudit(filter: AuditFilter = {}): Promise<AuditEntry[]> {
    return this.#audit
      .filter((e) => auditMatches(e, filter))
      .sort(byAuditTime)
      .map(copy);
  }

  async importWork(kind: WorkKind, doc: WorkDoc): Promise<boolean> {
    requireWorkDoc(kind, doc);
    const items = this.#kind(kind);
    if (items.has(doc.id)) return false;
    items.set(doc.id, copy(doc));
    return true;
  }

  async importAudit(entries: readonly AuditEntry[]): Promise<void> {
    this.#audit.push(...entries.map(copy));
  }
}
