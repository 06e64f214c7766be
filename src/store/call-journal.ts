import type { ProcessIdentity } from '../domain/process-identity.js';

/** The first entry of a call's journal: whose call it is and which process runs it. */
export interface CallJournalHeader {
  call_id: string;
  owner: ProcessIdentity;
  started_at: string;
  product_id: string;
  operator_id: string;
  customer_id: string;
  phone: string;
  cold_start: boolean;
  language: string;
  agent: string;
  tag?: string;
}

/** Appends a call's changes in order; each is durable once `flush` resolves. */
export interface CallJournalWriter {
  /** Queues a change; never throws (a failed write surfaces in `flush`). */
  append(change: unknown): void;
  /** Resolves when every change appended so far is on disk. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Where calls in progress are journaled, so a call that ends any other way than normally (a
 * signal, kill -9, a crash, a store outage) can be saved by whoever comes next. It lives on the
 * machine that runs the call, beside the file store or in a local spool for PostgreSQL, so an
 * outage of the database never stops the journal.
 */
export interface CallJournal {
  /** Where the journal is kept (a folder), for messages. */
  readonly location: string;
  start(header: CallJournalHeader): Promise<CallJournalWriter>;
  /** Headers of every journaled call; unreadable journals are skipped and named in `problems`. */
  list(): Promise<{ headers: CallJournalHeader[]; problems: string[] }>;
  /** The header and the changes, in order (a torn last line from a crash is dropped). */
  read(callId: string): Promise<{ header: CallJournalHeader; changes: unknown[] } | undefined>;
  remove(callId: string): Promise<void>;
}

/** Call ids name journal files: letters, digits, `_` and `-`. */
export const CALL_ID_PATTERN = /^[A-Za-z0-9_-]{1,80}$/;
