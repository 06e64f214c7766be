import type { Grant } from '../domain/grant-schema.js';
import { recordOf } from '../domain/record-of.js';
import type { AnyRecord, RecordOf, RecordType, StoredRecord } from '../domain/record-schemas.js';
import type { SessionRecord } from '../domain/session-schemas.js';
import type { CallJournal } from './call-journal.js';
import type { GrantConsumption, GrantFilter, GrantStore } from './grant-store.js';
import type {
  LiveRecordAppend,
  LiveRecordField,
  LiveSessionRecord,
  LiveSessionStore,
} from './live-session-store.js';
import type { SessionImporter, SessionReadmeSource } from './migrate-store.js';
import type { MockStateEntry, MockStateStore } from './mock-state-store.js';
import type { CreateManyOptions, RecordDocuments, RecordRef, RecordSummary } from './record-repository.js';
import type { RecordStore } from './record-store.js';
import type {
  SavedSession,
  SaveSessionOptions,
  SessionDocuments,
  SessionFilter,
  SessionSummary,
} from './session-archive.js';
import type { TrashEntry, TrashRepository } from './trash-repository.js';
import type {
  AuditEntry,
  AuditFilter,
  WorkChange,
  WorkDoc,
  WorkFilter,
  WorkflowStore,
  WorkKind,
} from './workflow-store.js';

/** The parts a store is made of, one per aggregate; records come out of them as plain documents. */
export interface RecordStoreParts {
  records: RecordDocuments;
  trash: TrashRepository<StoredRecord>;
  sessions: SessionDocuments & SessionImporter & SessionReadmeSource;
  live: LiveSessionStore;
  mock: MockStateStore;
  grants: GrantStore;
  workflow: WorkflowStore;
}

/**
 * A RecordStore put together from its parts: every call goes to the part of its aggregate, and
 * records leave as `Product`, `Customer` or `Operator` (`recordOf`, the one place a document is
 * typed). The file, PostgreSQL and memory stores extend it and only say how they build their
 * parts, what they add (imports, index rebuilds, `cs doctor`) and how they close.
 *
 * @example class MyStore extends ComposedRecordStore<RecordStoreParts> { async close() {} }
 */
export abstract class ComposedRecordStore<Parts extends RecordStoreParts = RecordStoreParts>
  implements RecordStore
{
  readonly location: string;
  readonly journal: CallJournal;
  /** The parts, for what a store adds beyond the RecordStore interface. */
  protected readonly parts: Parts;

  protected constructor(location: string, journal: CallJournal, parts: Parts) {
    this.location = location;
    this.journal = journal;
    this.parts = parts;
  }

  abstract close(): Promise<void>;

  // ---- records

  async create<T extends RecordType>(
    type: T,
    fields: Record<string, unknown>,
    options?: { id?: string },
  ): Promise<RecordOf<T>> {
    return recordOf(type, await this.parts.records.create(type, fields, options));
  }
  async createMany<T extends RecordType>(
    type: T,
    items: ReadonlyArray<Record<string, unknown>>,
    options?: CreateManyOptions,
  ): Promise<Array<RecordOf<T>>> {
    return (await this.parts.records.createMany(type, items, options)).map((r) => recordOf(type, r));
  }
  async get<T extends RecordType>(type: T, id: string): Promise<RecordOf<T> | undefined> {
    const found = await this.parts.records.get(type, id);
    return found && recordOf(type, found);
  }
  async getMany<const R extends readonly RecordRef[]>(
    refs: R,
  ): Promise<{ -readonly [K in keyof R]: RecordOf<R[K]['type']> | undefined }> {
    const found = await this.parts.records.getMany(refs);
    return found.map((doc, i) => doc && recordOf((refs[i] as RecordRef).type, doc)) as {
      -readonly [K in keyof R]: RecordOf<R[K]['type']> | undefined;
    };
  }
  async findByName<T extends RecordType>(type: T, name: string): Promise<Array<RecordOf<T>>> {
    return (await this.parts.records.findByName(type, name)).map((r) => recordOf(type, r));
  }
  async findByNames<T extends RecordType>(type: T, names: readonly string[]): Promise<Array<RecordOf<T>>> {
    return (await this.parts.records.findByNames(type, names)).map((r) => recordOf(type, r));
  }
  async findCustomerByPhone(phone: string): Promise<RecordOf<'customer'> | undefined> {
    const found = await this.parts.records.findCustomerByPhone(phone);
    return found && recordOf('customer', found);
  }
  summaries(type: RecordType): Promise<RecordSummary[]> {
    return this.parts.records.summaries(type);
  }
  streamSummaries(type: RecordType): AsyncIterable<RecordSummary> {
    return this.parts.records.streamSummaries(type);
  }
  async list<T extends RecordType>(type: T): Promise<Array<RecordOf<T>>> {
    return (await this.parts.records.list(type)).map((r) => recordOf(type, r));
  }
  async *streamRecords<T extends RecordType>(type: T): AsyncGenerator<RecordOf<T>> {
    for await (const r of this.parts.records.streamRecords(type)) yield recordOf(type, r);
  }
  async update<T extends RecordType>(
    type: T,
    id: string,
    change: (current: RecordOf<T>) => Record<string, unknown> | Promise<Record<string, unknown>>,
  ): Promise<RecordOf<T>> {
    return recordOf(
      type,
      await this.parts.records.update(type, id, (current) => change(recordOf(type, current))),
    );
  }

  // ---- trash

  delete(type: RecordType, id: string): Promise<TrashEntry> {
    return this.parts.trash.delete(type, id);
  }
  listTrash(): Promise<TrashEntry[]> {
    return this.parts.trash.listTrash();
  }
  async restore(trashId: string): Promise<AnyRecord> {
    const record = await this.parts.trash.restore(trashId);
    return recordOf(record._type, record);
  }

  // ---- saved sessions

  saveSession(options: SaveSessionOptions): Promise<SavedSession> {
    const { customer, ...rest } = options;
    return this.parts.sessions.saveSession({
      ...rest,
      ...(customer && {
        customer: {
          id: customer.id,
          change: (current, session) => customer.change(recordOf('customer', current), session),
        },
      }),
    });
  }
  /** Writes a session under its own id (copying between stores); false when it exists. */
  importSession(session: SessionRecord, readme: string): Promise<boolean> {
    return this.parts.sessions.importSession(session, readme);
  }
  /** The README.md saved with a session, as written. */
  readSessionReadme(sessionId: string): Promise<string | undefined> {
    return this.parts.sessions.readSessionReadme(sessionId);
  }
  getSession(sessionId: string): Promise<SessionRecord | undefined> {
    return this.parts.sessions.getSession(sessionId);
  }
  listSessions(filter?: SessionFilter): Promise<SessionSummary[]> {
    return this.parts.sessions.listSessions(filter);
  }
  isReferencedBySession(type: RecordType, record: StoredRecord): Promise<boolean> {
    return this.parts.sessions.isReferencedBySession(type, record);
  }

  // ---- live sessions

  putLiveSession(live: LiveSessionRecord): Promise<void> {
    return this.parts.live.putLiveSession(live);
  }
  getLiveSession(liveId: string): Promise<LiveSessionRecord | undefined> {
    return this.parts.live.getLiveSession(liveId);
  }
  async getLiveSessionWithRecords<const F extends readonly LiveRecordField[]>(
    liveId: string,
    fields: F,
  ): Promise<
    | { live: LiveSessionRecord; records: { -readonly [K in keyof F]: RecordOf<F[K]['type']> | undefined } }
    | undefined
  > {
    const read = this.parts.live.getLiveSessionWithRecords
      ? await this.parts.live.getLiveSessionWithRecords(liveId, fields)
      : await this.#liveThenRecords(liveId, fields);
    if (!read) return undefined;
    const records = read.records.map((doc, i) => doc && recordOf((fields[i] as LiveRecordField).type, doc));
    return {
      live: read.live,
      records: records as { -readonly [K in keyof F]: RecordOf<F[K]['type']> | undefined },
    };
  }
  async #liveThenRecords(
    liveId: string,
    fields: readonly LiveRecordField[],
  ): Promise<{ live: LiveSessionRecord; records: Array<StoredRecord | undefined> } | undefined> {
    const live = await this.parts.live.getLiveSession(liveId);
    if (!live) return undefined;
    const ids = fields.map((f) => live[f.field]);
    // A session without one of the ids names no record there (the caller says what is missing).
    const refs = fields.flatMap((f, i) =>
      typeof ids[i] === 'string' ? [{ type: f.type, id: ids[i] as string }] : [],
    );
    const found = refs.length > 0 ? await this.parts.records.getMany(refs) : [];
    let next = 0;
    return { live, records: ids.map((id) => (typeof id === 'string' ? found[next++] : undefined)) };
  }
  updateLiveSession(
    liveId: string,
    change: (current: LiveSessionRecord) => LiveSessionRecord,
  ): Promise<LiveSessionRecord> {
    return this.parts.live.updateLiveSession(liveId, change);
  }
  appendToLiveRecord(liveId: string, change: LiveRecordAppend): Promise<void> {
    return this.parts.live.appendToLiveRecord(liveId, change);
  }
  listLiveSessions(): Promise<LiveSessionRecord[]> {
    return this.parts.live.listLiveSessions();
  }
  deleteLiveSession(liveId: string): Promise<void> {
    return this.parts.live.deleteLiveSession(liveId);
  }

  // ---- mock backend state

  getMockState(productId: string, phone: string): Promise<Record<string, unknown> | undefined> {
    return this.parts.mock.getMockState(productId, phone);
  }
  updateMockState(
    productId: string,
    phone: string,
    change: (current: Record<string, unknown> | undefined) => Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    return this.parts.mock.updateMockState(productId, phone, change);
  }
  listMockStates(productId?: string): Promise<MockStateEntry[]> {
    return this.parts.mock.listMockStates(productId);
  }

  // ---- grants

  putGrant(grant: Grant): Promise<void> {
    return this.parts.grants.putGrant(grant);
  }
  consumeGrant(consumption: GrantConsumption): Promise<Grant | undefined> {
    return this.parts.grants.consumeGrant(consumption);
  }
  listGrants(filter: GrantFilter): Promise<Grant[]> {
    return this.parts.grants.listGrants(filter);
  }
  // ---- work items (approvals, tickets, notifications …) and the audit trail

  addWork(kind: WorkKind, doc: WorkDoc, audit?: AuditEntry): Promise<void> {
    return this.parts.workflow.addWork(kind, doc, audit);
  }
  getWork(kind: WorkKind, id: string): Promise<WorkDoc | undefined> {
    return this.parts.workflow.getWork(kind, id);
  }
  changeWork(
    kind: WorkKind,
    id: string,
    change: (current: WorkDoc) => WorkChange | undefined,
  ): Promise<WorkDoc | undefined> {
    return this.parts.workflow.changeWork(kind, id, change);
  }
  listWork(kind: WorkKind, filter?: WorkFilter): Promise<WorkDoc[]> {
    return this.parts.workflow.listWork(kind, filter);
  }
  listAudit(filter?: AuditFilter): Promise<AuditEntry[]> {
    return this.parts.workflow.listAudit(filter);
  }
  /** Writes an item under its own id (copying between stores); false when it exists. */
  importWork(kind: WorkKind, doc: WorkDoc): Promise<boolean> {
    return this.parts.workflow.importWork(kind, doc);
  }
  /** Appends audit entries as they are (copying between stores). */
  importAudit(entries: readonly AuditEntry[]): Promise<void> {
    return this.parts.workflow.importAudit(entries);
  }
}
