import type { RecordType, StoredRecord } from '../domain/record-schemas.js';

/** A call in progress, driven one command at a time (CLI sessions, MCP). Opaque to the store. */
export interface LiveSessionRecord {
  live_id: string;
  updated_at: string;
  [key: string]: unknown;
}

/**
 * A change to a live session's `record` that only adds: a turn's new items appended to its lists,
 * fields set, keys merged into objects. A store can apply it without reading the session back
 * (one statement on PostgreSQL), which matters because the record grows with every turn.
 */
export interface LiveRecordAppend {
  updated_at: string;
  /** `record.<list>` → the items appended to it (a list the record lacks starts empty). */
  append: Record<string, unknown[]>;
  /** `record.<field>` → its new value. */
  set: Record<string, unknown>;
  /** `record.<object>` → keys merged into it (a missing object starts empty). */
  merge: Record<string, Record<string, unknown>>;
}

/** A record a live session names in one of its own fields: `{ type: 'product', field: 'product_id' }`. */
export interface LiveRecordField<T extends RecordType = RecordType> {
  type: T;
  field: string;
}

/** Calls in progress between commands (`cs session start|turn|end`, MCP), by live id. */
export interface LiveSessionStore {
  putLiveSession(live: LiveSessionRecord): Promise<void>;
  getLiveSession(liveId: string): Promise<LiveSessionRecord | undefined>;
  /** Read-modify-write of a live session under a lock. */
  updateLiveSession(
    liveId: string,
    change: (current: LiveSessionRecord) => LiveSessionRecord,
  ): Promise<LiveSessionRecord>;
  /**
   * Applies `change` atomically (as `applyLiveRecordAppend` says); E_NOT_FOUND when the session
   * is gone. Stores without a cheaper way implement it with `updateLiveSession`.
   */
  appendToLiveRecord(liveId: string, change: LiveRecordAppend): Promise<void>;
  /**
   * The live session and the records it names in `fields`, read at once: one statement where
   * the store is a server (a chat turn's cost is its round trips). Stores without such a read
   * leave it out, and the composed store reads the session, then the records.
   */
  getLiveSessionWithRecords?(
    liveId: string,
    fields: readonly LiveRecordField[],
  ): Promise<{ live: LiveSessionRecord; records: Array<StoredRecord | undefined> } | undefined>;
  /** By live id. */
  listLiveSessions(): Promise<LiveSessionRecord[]>;
  deleteLiveSession(liveId: string): Promise<void>;
}

/** What `appendToLiveRecord` makes of a live session, given changes in order: the meaning every store implements. */
export function applyLiveRecordAppend(
  current: LiveSessionRecord,
  ...changes: readonly LiveRecordAppend[]
): LiveSessionRecord {
  if (changes.length === 0) return current;
  const record = { ...((current.record ?? {}) as Record<string, unknown>) };
  // Each list and object is copied once, on its first change, then extended in place.
  const copied = new Set<string>();
  for (const change of changes) {
    for (const [list, items] of Object.entries(change.append)) {
      if (!copied.has(list)) {
        record[list] = Array.isArray(record[list]) ? [...(record[list] as unknown[])] : [];
        copied.add(list);
      }
      (record[list] as unknown[]).push(...items);
    }
    for (const [field, value] of Object.entries(change.set)) {
      record[field] = value;
      copied.delete(field);
    }
    for (const [object, keys] of Object.entries(change.merge)) {
      const had = record[object];
      record[object] = {
        ...(had !== null && typeof had === 'object' && !Array.isArray(had) ? had : {}),
        ...keys,
      };
    }
  }
  return { ...current, updated_at: changes[changes.length - 1]?.updated_at ?? current.updated_at, record };
}
