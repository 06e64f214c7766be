import type { RecordOf } from '../domain/record-schemas.js';
import type { CallJournal } from './call-journal.js';
import type { GrantStore } from './grant-store.js';
import type { LiveRecordField, LiveSessionRecord, LiveSessionStore } from './live-session-store.js';
import type { MockStateStore } from './mock-state-store.js';
import type { RecordRepository } from './record-repository.js';
import type { SessionArchive } from './session-archive.js';
import type { TrashRepository } from './trash-repository.js';
import type { WorkflowStore } from './workflow-store.js';

// The aggregates' own types, named here too so callers keep importing them from the store.
export type { LiveRecordField, LiveSessionRecord } from './live-session-store.js';
export type { MockStateEntry } from './mock-state-store.js';
export type { CreateManyOptions, RecordSummary } from './record-repository.js';
export type {
  CustomerChangeForSession,
  SavedSession,
  SaveSessionOptions,
  SessionFilter,
  SessionSummary,
} from './session-archive.js';
export type { TrashEntry } from './trash-repository.js';
export type { AuditEntry, WorkDoc, WorkFilter, WorkKind } from './workflow-store.js';

/**
 * Where everything is kept: records, their trash, the saved call history, calls in progress,
 * the mock backend's state, approvals (grants) and the work after calls (approval requests,
 * tickets, notifications: WorkflowStore), each an aggregate with its own interface,
 * plus the journal of calls running on this machine. The file store (the seed's layout) is the
 * default; PostgreSQL serves teams; the memory store is the test double. One contract suite
 * runs against all three.
 *
 * Implementations validate nothing about the user's fields: callers pass validated data. They
 * guarantee atomic writes, no lost updates under concurrency, and indexed lookups.
 */
export interface RecordStore
  extends RecordRepository,
    TrashRepository,
    SessionArchive,
    Omit<LiveSessionStore, 'getLiveSessionWithRecords'>,
    MockStateStore,
    GrantStore,
    WorkflowStore {
  /**
   * A live session and the records it names in `fields` (its product, operator, customer), in
   * order; undefined when the session is gone. One statement on PostgreSQL.
   */
  getLiveSessionWithRecords<const F extends readonly LiveRecordField[]>(
    liveId: string,
    fields: F,
  ): Promise<
    | { live: LiveSessionRecord; records: { -readonly [K in keyof F]: RecordOf<F[K]['type']> | undefined } }
    | undefined
  >;
  /** A description of where the data lives (folder path or masked URL). */
  readonly location: string;
  /** Journals of the calls in progress on this machine (see CallJournal). */
  readonly journal: CallJournal;

  /**
   * Hears each wait while the store is unreachable and its statements are retried (PostgreSQL);
   * returns the way to stop listening. Stores that never wait for a server lack it.
   */
  onStoreWait?(listener: (waitedMs: number) => void): () => void;

  close(): Promise<void>;
}
