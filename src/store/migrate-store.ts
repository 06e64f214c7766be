import { CsError } from '../domain/cs-error.js';
import { RECORD_TYPES, type RecordType, type StoredRecord } from '../domain/record-schemas.js';
import type { SessionRecord } from '../domain/session-schemas.js';
import type { RecordStore } from './record-store.js';
import { type AuditEntry, WORK_KINDS } from './workflow-store.js';

/**
 * A store that can take a saved session under its existing id (the RecordStore's `saveSession`
 * always allocates a new one). Copying between stores needs it so that the session ids in
 * customers' `interaction_history` keep pointing at their sessions.
 */
export interface SessionImporter {
  /**
   * Writes the session and its README under `session.session_id`, and makes sure later
   * `saveSession` calls for that day number after it. Resolves false, writing nothing, when a
   * session with that id exists.
   */
  importSession(session: SessionRecord, readme: string): Promise<boolean>;
}

/**
 * A store that can take many records at once with their ids and metadata (a copy of 100,000
 * customers one `create` at a time takes minutes; in batches, seconds).
 */
export interface RecordImporter {
  /**
   * Writes the records as `create(type, record, { id: record._id })` would, all or none: records
   * whose id exists are skipped; E_CONFLICT (nothing written) when a phone is taken.
   * @returns how many were written.
   */
  importRecords(type: RecordType, records: readonly StoredRecord[]): Promise<number>;
}

/**
 * A store that can overwrite records by whole documents, metadata included (a re-run of a copy
 * carries over records changed in the source since, keeping the source's `_updated`).
 */
export interface RecordReplacer {
  /** Overwrites each record with its id by the given document. @returns how many. */
  replaceRecords(type: RecordType, records: readonly StoredRecord[]): Promise<number>;
}

/** True when the store can overwrite records by whole documents. */
export function isRecordReplacer(store: RecordStore): store is RecordStore & RecordReplacer {
  return typeof (store as Partial<RecordReplacer>).replaceRecords === 'function';
}

/** True when the store can import records in batches. */
export function isRecordImporter(store: RecordStore): store is RecordStore & RecordImporter {
  return typeof (store as Partial<RecordImporter>).importRecords === 'function';
}

/** A store that can hand back a saved session's README as written. */
export interface SessionReadmeSource {
  readSessionReadme(sessionId: string): Promise<string | undefined>;
}

/** True when the store can import sessions with their ids. */
export function isSessionImporter(store: RecordStore): store is RecordStore & SessionImporter {
  return typeof (store as Partial<SessionImporter>).importSession === 'function';
}

/** True when the store can return a saved session's README. */
export function isSessionReadmeSource(store: RecordStore): store is RecordStore & SessionReadmeSource {
  return typeof (store as Partial<SessionReadmeSource>).readSessionReadme === 'function';
}

const BATCH = 500;

/** What `copyStore` copied; `skipped` counts items the target already had as they are. */
export interface CopyStoreResult {
  /** Records created in the target. */
  records: number;
  /** Records the target had, overwritten because the source's copy changed later (`_updated`). */
  updated: number;
  /** Records the target had as new as the source's (counted in `skipped` too). */
  unchanged: number;
  sessions: number;
  mockStates: number;
  liveSessions: number;
  /** Work items (approval requests, tickets …) of every kind. */
  workItems: number;
  /** Audit entries the target lacked. */
  auditEntries: number;
  skipped: number;
}

export interface CopyStoreOptions {
  onProgress?: (message: string) => void;
  /** README for a session when the source cannot give its own (stores without `readSessionReadme`). */
  renderSessionReadme?: (session: SessionRecord) => string;
}

/**
 * Copies everything from one store into another: records (ids, `_created`, `_updated` and every
 * field kept), saved sessions (ids kept), mock backend state, live sessions, work items of every
 * kind (ids kept) and the audit trail. Running it again
 * duplicates nothing and resumes an interrupted run: records the target has are updated when the
 * source's `_updated` is newer and left alone otherwise; other items the target has are skipped.
 * Trash entries stay behind (restore them in the source first to carry them over).
 *
 * @example await copyStore(await openFsStore(dir), await openPgRecordStore(url))
 */
export async function copyStore(
  from: RecordStore,
  to: RecordStore,
  options: CopyStoreOptions = {},
): Promise<CopyStoreResult> {
  const progress = options.onProgress ?? (() => undefined);
  const result: CopyStoreResult = {
    records: 0,
    updated: 0,
    unchanged: 0,
    sessions: 0,
    mockStates: 0,
    liveSessions: 0,
    workItems: 0,
    auditEntries: 0,
    skipped: 0,
  };

  for (const type of RECORD_TYPES) {
    // One listing of the target instead of a `get` per record: the same answer, far fewer round trips.
    const existing = new Map((await to.list(type)).map((r) => [r._id, changedAt(r)]));
    const records = await from.list(type);
    const pending = records.filter((r) => !existing.has(r._id));
    const newer = records.filter((r) => {
      const there = existing.get(r._id);
      return there !== undefined && changedAt(r) > there;
    });
    let copied = 0;
    for (let start = 0; start < pending.length; start += BATCH) {
      const batch = pending.slice(start, start + BATCH);
      if (isRecordImporter(to)) {
        try {
          copied += await to.importRecords(type, batch);
          continue;
        } catch (error) {
          // A conflict fails the whole batch: redo it one by one to name the record.
          if (!CsError.isInstance(error) || error.code !== 'E_CONFLICT') throw error;
        }
      }
      for (const record of batch) if (await copyRecord(from, to, type, record)) copied++;
    }
    const updated = await updateRecords(from, to, type, newer);
    const unchanged = records.length - copied - updated;
    result.records += copied;
    result.updated += updated;
    result.unchanged += unchanged;
    result.skipped += unchanged;
    progress(`${type}s: ${copied} created, ${updated} updated, ${unchanged} unchanged`);
  }

  const summaries = await from.listSessions();
  if (summaries.length > 0 && !isSessionImporter(to)) {
    throw new CsError('E_CONFIG', `${to.location} cannot take sessions with their ids; records were copied.`);
  }
  let sessions = 0;
  for (const summary of summaries) {
    if (!isSessionImporter(to)) break;
    if (await to.getSession(summary.session_id)) {
      result.skipped++;
      continue;
    }
    const session = await from.getSession(summary.session_id);
    if (!session) continue; // deleted since the listing
    const readme =
      (isSessionReadmeSource(from) ? await from.readSessionReadme(session.session_id) : undefined) ??
      options.renderSessionReadme?.(session) ??
      `# ${session.session_id}\n`;
    if (await to.importSession(session, readme)) sessions++;
    else result.skipped++;
  }
  result.sessions = sessions;
  progress(`sessions: ${sessions} copied, ${summaries.length - sessions} already there`);

  const states = await from.listMockStates();
  for (const { productId, phone, state } of states) {
    if (await to.getMockState(productId, phone)) {
      result.skipped++;
      continue;
    }
    await to.updateMockState(productId, phone, () => state);
    result.mockStates++;
  }
  progress(`mock states: ${result.mockStates} copied, ${states.length - result.mockStates} already there`);

  const lives = await from.listLiveSessions();
  for (const live of lives) {
    if (await to.getLiveSession(live.live_id)) {
      result.skipped++;
      continue;
    }
    await to.putLiveSession(live);
    result.liveSessions++;
  }
  progress(
    `live sessions: ${result.liveSessions} copied, ${lives.length - result.liveSessions} already there`,
  );

  for (const kind of WORK_KINDS) {
    const items = await from.listWork(kind);
    let copied = 0;
    for (const item of items) {
      if (await to.importWork(kind, item)) copied++;
      else result.skipped++;
    }
    result.workItems += copied;
    if (items.length > 0) progress(`${kind}s: ${copied} copied, ${items.length - copied} already there`);
  }

  // The trail has no ids: an entry the target has (all fields equal) is not copied again, so a
  // re-run appends only what an interrupted one left out.
  const there = new Map<string, number>();
  for (const entry of await to.listAudit()) there.set(auditKey(entry), (there.get(auditKey(entry)) ?? 0) + 1);
  const missing: AuditEntry[] = [];
  const trail = await from.listAudit();
  for (const entry of trail) {
    const key = auditKey(entry);
    const left = there.get(key) ?? 0;
    if (left > 0) there.set(key, left - 1);
    else missing.push(entry);
  }
  for (let start = 0; start < missing.length; start += BATCH) {
    await to.importAudit(missing.slice(start, start + BATCH));
  }
  result.auditEntries = missing.length;
  result.skipped += trail.length - missing.length;
  if (trail.length > 0) {
    progress(`audit entries: ${missing.length} copied, ${trail.length - missing.length} already there`);
  }
  return result;
}

function auditKey(e: AuditEntry): string {
  return JSON.stringify([e.at, e.kind, e.item_id, e.who, e.from, e.to, e.why]);
}

/** When a record last changed, as its metadata says (the legacy format's local ISO time sorts as text). */
function changedAt(record: StoredRecord): string {
  return typeof record._updated === 'string' ? record._updated : record._created;
}

/** Brings records the source changed later into the target; returns how many. */
async function updateRecords(
  from: RecordStore,
  to: RecordStore,
  type: RecordType,
  records: readonly StoredRecord[],
): Promise<number> {
  if (records.length === 0) return 0;
  try {
    if (isRecordReplacer(to)) return await to.replaceRecords(type, records);
    // Other stores take the source's fields; their own `_updated` then records this copy.
    for (const record of records) {
      await to.update(type, record._id, () =>
        Object.fromEntries(
          Object.entries(record).filter(([k]) => !['_id', '_type', '_created', '_updated'].includes(k)),
        ),
      );
    }
    return records.length;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new CsError(
      CsError.isInstance(error) ? error.code : 'E_INTERNAL',
      `Cannot update ${type}s changed in ${from.location}: ${why} Fix it and run again; what was copied is kept.`,
      { cause: error },
    );
  }
}

/** Copies one record; false when the target has it already. */
async function copyRecord(
  from: RecordStore,
  to: RecordStore,
  type: RecordType,
  record: StoredRecord,
): Promise<boolean> {
  try {
    await to.create(type, record, { id: record._id });
    return true;
  } catch (error) {
    if (CsError.isInstance(error) && error.code === 'E_CONFLICT' && (await to.get(type, record._id))) {
      return false; // created meanwhile by another copy
    }
    const why = error instanceof Error ? error.message : String(error);
    throw new CsError(
      CsError.isInstance(error) ? error.code : 'E_INTERNAL',
      `Cannot copy ${type} ${record._id} (${record.name}): ${why} Fix it in ${from.location} and run again; what was copied is skipped.`,
      { cause: error },
    );
  }
}
