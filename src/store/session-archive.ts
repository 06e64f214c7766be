import type { Customer, RecordType, StoredRecord } from '../domain/record-schemas.js';
import type { SessionRecord } from '../domain/session-schemas.js';

/** A saved session as listings show it. */
export interface SessionSummary {
  session_id: string;
  timestamp: string;
  product: string;
  customer: string;
  operator: string;
  resolution_status?: string;
  /**
   * Set when the session's file is damaged: which file and what is wrong. `session_id` is then
   * its folder name and the other fields are empty.
   */
  corrupt?: string;
}

/** Which saved sessions to list; every field narrows the listing (see `session-filter.ts`). */
export interface SessionFilter {
  /** One day: YYYYMMDD or YYYY-MM-DD. */
  date?: string;
  /** First day, inclusive: YYYYMMDD or YYYY-MM-DD. */
  since?: string;
  /** Last day, inclusive: YYYYMMDD or YYYY-MM-DD. */
  until?: string;
  /** Part of the customer's name (any case), the customer's id, or (part of) the caller's phone. */
  customer?: string;
  /** Part of the product's name (any case), or the product's id. */
  product?: string;
  /** The review's resolution status (`resolved`, `partially_resolved`, `unresolved`, `interrupted`). */
  status?: string;
  /** Only the newest this many of the matching sessions (still listed oldest first). */
  limit?: number;
}

/**
 * The customer's side of saving a call: `change` gets the current customer and the saved
 * session and returns the new user fields. It must be idempotent (a recovery may run it on a
 * customer it was already applied to).
 */
export interface CustomerChangeForSession<Current extends StoredRecord = Customer> {
  id: string;
  change: (current: Current, session: SessionRecord) => Record<string, unknown>;
}

/**
 * What `saveSession` needs: the day, a tag, and how to build the session once its id is known.
 * `Current` is what the customer's change receives: a `Customer`, or a plain document inside a
 * store's part (see `SessionDocuments`).
 */
export interface SaveSessionOptions<Current extends StoredRecord = Customer> {
  date: string;
  tag: string;
  build: (sessionId: string) => SessionRecord;
  readme: (session: SessionRecord) => string;
  callId?: string;
  customer?: CustomerChangeForSession<Current>;
}

/** Where `saveSession` put the session. */
export interface SavedSession {
  sessionId: string;
  path: string;
  /** The customer could not be updated now (its lock was busy); the next recovery completes it. */
  customerPending?: boolean;
}

/** The saved call history: `history/cs_<day>_<seq>_<tag>/` on files, a table on PostgreSQL. */
export interface SessionArchive<Current extends StoredRecord = Customer> {
  /**
   * Saves a session under a new id `cs_<date>_<seq>_<tag>`, the seq unique for the day even
   * when processes save at once. `build` gets the id and returns the record to write.
   *
   * With `callId` the save is one unit with the customer's update and the end of the call's
   * journal, and idempotent: saving the same call again (a recovery after a crash) completes
   * what is missing and never makes a second session. PostgreSQL does it in one transaction;
   * the file store writes an intent first that whoever comes next completes.
   * `customerPending` says the customer could not be updated now (its lock is busy); the
   * intent stays and the next recovery completes it.
   */
  saveSession(options: SaveSessionOptions<Current>): Promise<SavedSession>;
  getSession(sessionId: string): Promise<SessionRecord | undefined>;
  /** Oldest first (day, then seq); served from an index, not by reading every session. */
  listSessions(filter?: SessionFilter): Promise<SessionSummary[]>;
  /** True when a saved session names this record (deleting it then needs --force). */
  isReferencedBySession(type: RecordType, record: StoredRecord): Promise<boolean>;
}

/**
 * The session archive as a store's part implements it: the customer's change gets the plain
 * document, which the store it is part of (`ComposedRecordStore`) turns into a `Customer`.
 */
export type SessionDocuments = SessionArchive<StoredRecord>;
