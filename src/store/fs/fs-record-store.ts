import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type Clock, localIsoTimestamp, systemClock } from '../../domain/clock.js';
import { CsError, describeIssues } from '../../domain/cs-error.js';
import type { Grant } from '../../domain/grant-schema.js';
import { checkRecordMetadata } from '../../domain/metadata-schema.js';
import { normalizePhone } from '../../domain/phone.js';
import type { StoredRecord } from '../../domain/record-schemas.js';
import { RECORD_TYPES, type RecordType } from '../../domain/record-types.js';
import type { SessionRecord } from '../../domain/session-schemas.js';
import { CALL_ID_PATTERN, type CallJournal } from '../call-journal.js';
import type { GrantConsumption, GrantFilter } from '../grant-store.js';
import { FileCallJournal } from '../journal/file-call-journal.js';
import type {
  CustomerChangeForSession,
  LiveSessionRecord,
  RecordStore,
  RecordSummary,
  SessionFilter,
  SessionSummary,
  TrashEntry,
} from '../record-store.js';
import { normalizeSessionDate, sessionIdParts } from '../session-id-parts.js';
import { safeFolderName } from './folder-name.js';
import { corruptFile, salvageRecordKeys } from './fs-corrupt.js';
import type { SessionHead, TrashManifest } from './fs-file-schemas.js';
import { FsGrantStore } from './fs-grant-store.js';
import {
  buildShards,
  FsIndex,
  GenerationGoneError,
  type IndexEntry,
  type IndexKeyKind,
  IndexView,
} from './fs-index.js';
import { makeTempFolder, sweepLeftoverTempFolders } from './fs-leftovers.js';
import { FsLocks } from './fs-locks.js';
import { renderRecordReadme } from './render-record-readme.js';
import { formatJson, writeAtomic } from './write-atomic.js';

/** Folder of each record type under the database folder (the seed's layout). */
export const TYPE_FOLDERS: Record<RecordType, string> = {
  product: 'products',
  customer: 'customers',
  operator: 'operators',
};

const ID_RE = /^[0-9a-f]{8}$/;
const SAFE_SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,127}$/;
const SESSION_ID_RE = /^cs_(\d{8})_(\d{3,})_([A-Za-z0-9_-]+)$/;
const CORE_META = new Set(['_id', '_type', '_created', '_updated']);
// write-file-atomic's temp files are `<name>.<uint32>`; a writer killed mid-way leaves one behind.
const ATOMIC_TEMP = /^(info\.json|README\.md)\.\d+$/;
const READ_ONLY_CODES = new Set(['EACCES', 'EPERM', 'EROFS']);

/**
 * The whole session file is checked with the full review schema (classic zod), loaded when a
 * session is read so that `cs read` and `cs list` never load it.
 */
let sessionFileSchema:
  | Promise<typeof import('../../domain/session-schemas.js')['SessionFileSchema']>
  | undefined;
function loadSessionFileSchema() {
  sessionFileSchema ??= import('../../domain/session-schemas.js').then((m) => m.SessionFileSchema);
  return sessionFileSchema;
}

/**
 * Schemas of the store's other files (trash manifests, session headers, mock state, live
 * sessions), loaded on first use: reading a record needs none of them.
 */
let fileSchemas: Promise<typeof import('./fs-file-schemas.js')> | undefined;
function loadFileSchemas() {
  fileSchemas ??= import('./fs-file-schemas.js');
  return fileSchemas;
}

/** Options of the file store; the defaults suit the CLI. */
export interface FsRecordStoreOptions {
  /** Time source for `_created` / `_updated` and trash stamps. */
  clock?: Clock;
  /** A lock not refreshed for this long is taken over (proper-lockfile `stale`, min 2000). */
  lockStaleMs?: number;
  /** Longest wait for a busy lock before E_LOCKED. */
  lockMaxWaitMs?: number;
}

interface Hit {
  record: StoredRecord;
  folder: string;
}

/** A saved session whose session.json cannot be read. */
interface DamagedSession {
  folder: string;
  path: string;
  problem: string;
  text: string;
}

/**
 * The file-system RecordStore, the seed's on-disk layout and the default store:
 *
 * ```
 * <db>/products|customers|operators/<8-hex id>_<name>/info.json + README.md
 * <db>/history/cs_<YYYYMMDD>_<seq>_<tag>/session.json + README.md
 * <db>/mock_state/<productId>/<phone>.json        <db>/live/<live_id>.json
 * <db>/.index/  lookup index (see fs-index.ts)    <db>/.trash/<trash_id>/  deleted records
 * <db>/.locks/  proper-lockfile locks             <db>/.tmp/   records being assembled
 * ```
 *
 * Files are written atomically (write-file-atomic; a new record folder is assembled in `.tmp/`
 * and renamed into place), so no reader and no crash ever sees half a record. Read-modify-write
 * steps hold cross-process locks, so concurrent processes lose nothing. Reading creates no
 * folders, except that a lookup in an existing database writes its index cache.
 *
 * @example const store = openFsStore('.ezagent/database/customer_service');
 */
export class FsRecordStore implements RecordStore {
  readonly location: string;
  readonly journal: CallJournal;
  readonly #db: string;
  readonly #clock: Clock;
  readonly #locks: FsLocks;
  readonly #indexes = new Map<RecordType, FsIndex>();
  /** Indexes held in memory when the database cannot be written (read-only mount). */
  readonly #memoryIndexes = new Map<RecordType, { mtime: string; view: IndexView }>();
  /** The sweep of leftover temp folders, done once per store on its first write. */
  #swept: Promise<void> | undefined;

  constructor(dbDir: string, options: FsRecordStoreOptions = {}) {
    this.#db = resolve(dbDir);
    this.location = this.#db;
    this.journal = new FileCallJournal(join(this.#db, 'journal'));
    this.#clock = options.clock ?? systemClock;
    this.#locks = new FsLocks(this.#db, {
      ...(options.lockStaleMs === undefined ? {} : { staleMs: options.lockStaleMs }),
      ...(options.lockMaxWaitMs === undefined ? {} : { maxWaitMs: options.lockMaxWaitMs }),
    });
  }

  // ---------------------------------------------------------------- records

  async create(
    type: RecordType,
    fields: Record<string, unknown>,
    options: { id?: string } = {},
  ): Promise<StoredRecord> {
    const name = requireName(type, fields.name);
    if (options.id !== undefined && !ID_RE.test(options.id)) {
      throw new CsError('E_INVALID', `Record id "${options.id}" must be 8 hex digits (like 4f064bfb).`);
    }
    const now = this.#now();
    return this.#locks.with(typeLock(type), async () => {
      await this.#view(type); // refresh a stale index before checking against it
      let id = options.id;
      if (id !== undefined) {
        if (await this.get(type, id))
          throw new CsError('E_CONFLICT', `A ${type} with id ${id} exists already.`);
      } else {
        do id = randomHex();
        while (await this.get(type, id));
      }
      const record = composeNewRecord(type, id, fields, now);
      if (type === 'customer') await this.#assertPhoneFree(record, id);
      const folder = `${id}_${safeFolderName(name)}`;
      const typeDir = this.#typeDir(type);
      const temp = await this.#tempDir();
      try {
        await writeFile(join(temp, 'info.json'), formatJson(record));
        await writeFile(join(temp, 'README.md'), renderRecordReadme(record));
        await mkdir(typeDir, { recursive: true });
        await rename(temp, join(typeDir, folder));
      } catch (error) {
        await rm(temp, { recursive: true, force: true });
        if (isCode(error, 'EEXIST', 'ENOTEMPTY')) {
          throw new CsError('E_CONFLICT', `The folder ${TYPE_FOLDERS[type]}/${folder} exists already.`);
        }
        throw error;
      }
      await this.#indexEdit(type, [], [entryOf(record, folder)]);
      return record;
    });
  }

  async get(type: RecordType, id: string): Promise<StoredRecord | undefined> {
    if (!ID_RE.test(id)) return undefined;
    return (await this.#lookup(type, 'id', id, () => true))[0]?.record;
  }

  async findByName(type: RecordType, name: string): Promise<StoredRecord[]> {
    const hits = await this.#lookup(type, 'name', name, (r) => r.name === name);
    return hits.map((h) => h.record);
  }

  async findCustomerByPhone(phone: string): Promise<StoredRecord | undefined> {
    const key = normalizePhone(phone);
    if (key === '') return undefined;
    return (await this.#lookup('customer', 'phone', key, (r) => phoneKey(r) === key))[0]?.record;
  }

  async summaries(type: RecordType): Promise<RecordSummary[]> {
    for (let attempt = 0; ; attempt++) {
      const view = await this.#view(type);
      if (!view) return [];
      try {
        const entries = await view.all();
        return entries
          .map((e) => {
            const row: RecordSummary = { id: e.id, type, name: e.name };
            if (e.phone !== undefined) row.phone = e.phone;
            if (e.corrupt !== undefined) {
              row.corrupt = `${join(this.#typeDir(type), e.folder, 'info.json')}: ${e.corrupt}`;
            }
            return row;
          })
          .sort(byNameThenId);
      } catch (error) {
        if (!(error instanceof GenerationGoneError) || attempt > 3) throw error;
        await this.#rebuild(type, { force: true, seenGen: view.gen });
      }
    }
  }

  async list(type: RecordType): Promise<StoredRecord[]> {
    const typeDir = this.#typeDir(type);
    const folders = await recordFolders(typeDir);
    const records = await mapLimit(folders, 32, (folder) =>
      this.#readRecord(join(typeDir, folder, 'info.json')),
    );
    return records
      .filter((r): r is StoredRecord => r !== undefined && r._type === type)
      .sort((a, b) => byNameThenId({ name: a.name, id: a._id }, { name: b.name, id: b._id }));
  }

  async update(
    type: RecordType,
    id: string,
    change: (current: StoredRecord) => Record<string, unknown> | Promise<Record<string, unknown>>,
  ): Promise<StoredRecord> {
    return this.#rewrite(type, id, async (current) =>
      mergeRecord(current, await change(structuredClone(current)), this.#now()),
    );
  }

  /**
   * Overwrites records with these ids by the given documents, metadata included (`cs export` /
   * `copyStore` re-runs carry over records changed in the source since). Returns how many.
   */
  async replaceRecords(type: RecordType, records: readonly StoredRecord[]): Promise<number> {
    for (const record of records) {
      await this.#rewrite(type, record._id, async () => ({ ...record, _id: record._id, _type: type }));
    }
    return records.length;
  }

  /** Read-modify-write of one record under its lock; `compose` returns the whole new document. */
  async #rewrite(
    type: RecordType,
    id: string,
    compose: (current: StoredRecord) => Promise<StoredRecord>,
  ): Promise<StoredRecord> {
    if (!ID_RE.test(id)) throw notFound(type, id);
    return this.#locks.with(recordLock(type, id), async () => {
      const hit = (await this.#lookup(type, 'id', id, () => true))[0];
      if (!hit) throw notFound(type, id);
      const next = await compose(hit.record);
      const name = requireName(type, next.name);
      const typeDir = this.#typeDir(type);
      const nameChanged = name !== hit.record.name;
      const phoneChanged = type === 'customer' && phoneKey(next) !== phoneKey(hit.record);
      if (!nameChanged && !phoneChanged) {
        await this.#writeRecordFiles(join(typeDir, hit.folder), next);
        return next;
      }
      // The name or phone is indexed (and the folder carries the name): change it under the type lock.
      return this.#locks.with(typeLock(type), async () => {
        await this.#view(type);
        if (phoneChanged) await this.#assertPhoneFree(next, id);
        const wanted = nameChanged ? `${id}_${safeFolderName(name)}` : hit.folder;
        if (wanted !== hit.folder && (await exists(join(typeDir, wanted)))) {
          throw new CsError(
            'E_CONFLICT',
            `Cannot rename ${TYPE_FOLDERS[type]}/${hit.folder}: ${wanted} exists; move that folder away and retry.`,
          );
        }
        await this.#writeRecordFiles(join(typeDir, hit.folder), next);
        if (wanted !== hit.folder) await rename(join(typeDir, hit.folder), join(typeDir, wanted));
        await this.#indexEdit(type, [id], [entryOf(next, wanted)]);
        return next;
      });
    });
  }

  async delete(type: RecordType, id: string): Promise<TrashEntry> {
    if (!ID_RE.test(id)) throw notFound(type, id);
    return this.#locks.with(recordLock(type, id), () =>
      this.#locks.with(typeLock(type), async () => {
        const hit = (await this.#lookup(type, 'id', id, () => true))[0];
        if (!hit) throw notFound(type, id);
        const now = this.#clock.now();
        const trashId = `${localIsoTimestamp(now).slice(0, 19).replace(/[-:]/g, '')}_${type}_${id}_${randomHex(2)}`;
        const trashDir = join(this.#db, '.trash', trashId);
        const entry: TrashEntry = {
          trash_id: trashId,
          type,
          id,
          name: hit.record.name,
          deleted_at: localIsoTimestamp(now),
        };
        const phone = phoneKey(hit.record);
        await mkdir(trashDir, { recursive: true });
        try {
          await writeAtomic(
            join(trashDir, 'manifest.json'),
            formatJson({ ...entry, folder: hit.folder, ...(phone === undefined ? {} : { phone }) }),
          );
          await rename(join(this.#typeDir(type), hit.folder), join(trashDir, hit.folder));
        } catch (error) {
          await rm(trashDir, { recursive: true, force: true });
          throw error;
        }
        await this.#indexEdit(type, [id], []);
        return entry;
      }),
    );
  }

  async listTrash(): Promise<TrashEntry[]> {
    const root = join(this.#db, '.trash');
    const out: TrashEntry[] = [];
    for (const trashId of await subfolders(root)) {
      const manifest = await this.#readTrashManifest(trashId);
      // A manifest without its folder is a delete that did not finish: nothing to restore.
      if (!manifest || !(await exists(join(root, trashId, manifest.folder, 'info.json')))) continue;
      const { trash_id, type, id, name, deleted_at } = manifest;
      out.push({ trash_id, type, id, name, deleted_at });
    }
    return out.sort((a, b) => (a.trash_id < b.trash_id ? -1 : a.trash_id > b.trash_id ? 1 : 0));
  }

  async restore(trashId: string): Promise<StoredRecord> {
    const manifest = SAFE_SEGMENT.test(trashId) ? await this.#readTrashManifest(trashId) : undefined;
    if (!manifest) {
      throw new CsError(
        'E_NOT_FOUND',
        `Nothing in the trash with id "${trashId}"; list the trash to see what can be restored.`,
      );
    }
    const { type, id, folder } = manifest;
    const trashDir = join(this.#db, '.trash', trashId);
    return this.#locks.with(recordLock(type, id), () =>
      this.#locks.with(typeLock(type), async () => {
        const record = await this.#readRecord(join(trashDir, folder, 'info.json'));
        if (!record)
          throw new CsError('E_NOT_FOUND', `Trash entry ${trashId} has no record folder left to restore.`);
        await this.#view(type);
        const current = await this.get(type, id);
        if (current) {
          throw new CsError(
            'E_CONFLICT',
            `Cannot restore ${trashId}: a ${type} with id ${id} exists now (${current.name}); delete or rename it first.`,
          );
        }
        const typeDir = this.#typeDir(type);
        if (await exists(join(typeDir, folder))) {
          throw new CsError(
            'E_CONFLICT',
            `Cannot restore ${trashId}: the folder ${TYPE_FOLDERS[type]}/${folder} is taken now; move it away first.`,
          );
        }
        if (type === 'customer') await this.#assertPhoneFree(record, id);
        await mkdir(typeDir, { recursive: true });
        await rename(join(trashDir, folder), join(typeDir, folder));
        await rm(trashDir, { recursive: true, force: true });
        await this.#indexEdit(type, [], [entryOf(record, folder)]);
        return record;
      }),
    );
  }

  /**
   * Rebuilds the lookup index of one type (or all) from the record folders. Lookups do this by
   * themselves when they notice a change; call it after editing names or phones inside
   * info.json files by hand.
   */
  async rebuildIndex(type?: RecordType): Promise<void> {
    for (const t of type === undefined ? RECORD_TYPES : [type]) await this.#rebuild(t, { force: true });
  }

  /**
   * Writes many new records at once (test data, imports): one lock, folders written in
   * parallel, the index written once. Not atomic as a whole: a crash leaves some records
   * written, and the index is rebuilt by the next lookup. Returns the records created.
   */
  async bulkImport(
    type: RecordType,
    items: ReadonlyArray<Record<string, unknown>>,
    options: { concurrency?: number } = {},
  ): Promise<StoredRecord[]> {
    return this.#bulkWrite(type, items, { keepIds: false, ...options });
  }

  /**
   * Copies records keeping their ids and metadata (`copyStore`, `cs export`), in one locked
   * batch; ids already here are skipped; a phone taken by another customer fails the whole batch
   * with E_CONFLICT before anything is written. Returns how many were written.
   */
  async importRecords(type: RecordType, records: readonly StoredRecord[]): Promise<number> {
    return (await this.#bulkWrite(type, records, { keepIds: true })).length;
  }

  async #bulkWrite(
    type: RecordType,
    input: ReadonlyArray<Record<string, unknown>>,
    options: { keepIds: boolean; concurrency?: number },
  ): Promise<StoredRecord[]> {
    const now = this.#now();
    return this.#locks.with(typeLock(type), async () => {
      const view = await this.#view(type);
      const existing = view ? await view.all() : [];
      const ids = new Set(existing.map((e) => e.id));
      const phones = new Map(
        existing.filter((e) => e.phone !== undefined).map((e) => [e.phone as string, e]),
      );
      const items = options.keepIds ? input.filter((r) => !ids.has(String(r._id))) : input;
      const planned = items.map((fields) => {
        const name = requireName(type, fields.name);
        let id: string;
        if (options.keepIds) {
          id = String(fields._id);
          if (!/^[0-9a-f]{8}$/.test(id))
            throw new CsError('E_INVALID', `Record id "${id}" is not 8 hex digits.`);
        } else {
          do id = randomHex();
          while (ids.has(id));
        }
        ids.add(id);
        const record = composeNewRecord(type, id, fields, now);
        const folder = `${id}_${safeFolderName(name)}`;
        const entry = entryOf(record, folder);
        if (entry.phone !== undefined) {
          const other = phones.get(entry.phone);
          if (other) throw phoneTaken(entry.phone, other.name, other.id);
          phones.set(entry.phone, entry);
        }
        return { record, folder, entry };
      });
      const typeDir = this.#typeDir(type);
      await mkdir(typeDir, { recursive: true });
      await mapLimit(planned, options.concurrency ?? 32, async ({ record, folder }) => {
        const dir = join(typeDir, folder);
        await mkdir(dir).catch(async (error: unknown) => {
          // A folder without info.json is what an interrupted import left: finish it. One that
          // holds a record is another record's (the same id would have been skipped above).
          if (!isCode(error, 'EEXIST') || (await exists(join(dir, 'info.json')))) {
            throw isCode(error, 'EEXIST')
              ? new CsError(
                  'E_CONFLICT',
                  `The folder ${TYPE_FOLDERS[type]}/${folder} holds another record; move it away and run again.`,
                )
              : error;
          }
        });
        // temp + rename without fsync: fast, and never a half-written info.json.
        await writeFile(join(dir, 'info.json.bulk'), formatJson(record));
        await rename(join(dir, 'info.json.bulk'), join(dir, 'info.json'));
        await writeFile(join(dir, 'README.md'), renderRecordReadme(record));
      });
      const index = this.#index(type);
      const mtime = await index.typeDirMtime();
      const meta = await index.readMeta();
      if (mtime !== undefined) {
        await index.writeGeneration([...existing, ...planned.map((p) => p.entry)], mtime, meta?.gen ?? 0);
      }
      return planned.map((p) => p.record);
    });
  }

  // ---------------------------------------------------------------- mock state

  async getMockState(productId: string, phone: string): Promise<Record<string, unknown> | undefined> {
    return this.#readMockState(this.#mockPath(productId, phone));
  }

  async updateMockState(
    productId: string,
    phone: string,
    change: (current: Record<string, unknown> | undefined) => Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const path = this.#mockPath(productId, phone);
    const key = normalizePhone(phone);
    return this.#locks.with(`mock-${productId}-${key.replace('+', 'p')}`, async () => {
      const next = change(await this.#readMockState(path));
      await mkdir(join(this.#db, 'mock_state', productId), { recursive: true });
      // Simulated backend data: the rename keeps it all-or-nothing; skipping the flush to disk
      // keeps a call turn that changes it within the agent's latency budget.
      await writeAtomic(path, formatJson(next), { fsync: false });
      return next;
    });
  }

  async listMockStates(
    productId?: string,
  ): Promise<Array<{ productId: string; phone: string; state: Record<string, unknown> }>> {
    const root = join(this.#db, 'mock_state');
    const products = productId === undefined ? await subfolders(root) : [productId];
    const out: Array<{ productId: string; phone: string; state: Record<string, unknown> }> = [];
    for (const pid of products) {
      if (!SAFE_SEGMENT.test(pid)) continue;
      const files = (await readdir(join(root, pid)).catch(() => [] as string[]))
        .filter((f) => f.endsWith('.json'))
        .sort();
      for (const file of files) {
        const state = await this.#readMockState(join(root, pid, file));
        if (state) out.push({ productId: pid, phone: file.slice(0, -'.json'.length), state });
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- sessions

  /**
   * Saves a session as `history/cs_<date>_<seq>_<tag>/` (session.json + README.md). The seq is
   * the day's highest plus one, taken under a per-day lock, and the folder appears complete in
   * one rename. The tag keeps letters, digits, `-` and `_` (at most 64); `date` is YYYYMMDD or
   * YYYY-MM-DD.
   */
  async saveSession(options: {
    date: string;
    tag: string;
    build: (sessionId: string) => SessionRecord;
    readme: (session: SessionRecord) => string;
    callId?: string;
    customer?: CustomerChangeForSession;
  }): Promise<{ sessionId: string; path: string; customerPending?: boolean }> {
    const { date, tag } = sessionIdParts(options);
    const history = join(this.#db, 'history');
    const intent = options.callId === undefined ? undefined : this.#intentPath(options.callId);
    // One lock per day: the seq is the highest of that day's folders plus one, and the new folder
    // is renamed into place complete (session.json and README.md) before the lock is released.
    // A save for a call first writes its intent (the session id it took); a second save of the
    // same call (a recovery) finds it and completes that session instead of making another.
    const session = await this.#locks.with(`history-${date}`, async () => {
      const earlier = intent === undefined ? undefined : await readIntent(intent);
      if (earlier) {
        const placed = await this.getSession(earlier.session_id).catch(() => undefined);
        if (placed) return placed;
        const rebuilt = options.build(earlier.session_id);
        if (await this.#placeSession(rebuilt, options.readme(rebuilt))) return rebuilt;
      }
      let seq = (await maxSeq(history, date)) + 1;
      for (;;) {
        const sessionId = `cs_${date}_${String(seq).padStart(3, '0')}_${tag}`;
        const built = options.build(sessionId);
        if (built.session_id !== sessionId) {
          throw new CsError(
            'E_INTERNAL',
            `The session built for ${sessionId} names itself ${built.session_id}.`,
          );
        }
        if (intent !== undefined) {
          await mkdir(join(this.#db, '.pending'), { recursive: true });
          await writeAtomic(intent, formatJson({ call_id: options.callId, session_id: sessionId }));
        }
        if (await this.#placeSession(built, options.readme(built))) return built;
        seq++; // a folder with this seq appeared by hand; take the next one
      }
    });
    const saved = { sessionId: session.session_id, path: `history/${session.session_id}` };
    if (options.customer) {
      const { id, change } = options.customer;
      try {
        await this.update('customer', id, (current) => change(current, session));
      } catch (error) {
        // The session is saved and its intent stays: the next recovery adds the history entry.
        if (CsError.isInstance(error) && error.code === 'E_LOCKED')
          return { ...saved, customerPending: true };
        throw error;
      }
    }
    if (options.callId !== undefined && intent !== undefined) {
      await this.journal.remove(options.callId);
      // The intent stays a day, marked done: a second recovery of the same call that raced
      // this one finds it and saves nothing new.
      await writeAtomic(
        intent,
        formatJson({ call_id: options.callId, session_id: saved.sessionId, done: true }),
        {
          fsync: false,
        },
      );
      if (Math.random() < 1 / 64) await this.#sweepDoneIntents();
    }
    return saved;
  }

  /** Done intents older than a day are no longer needed to tell a call was saved. */
  async #sweepDoneIntents(): Promise<void> {
    const dir = join(this.#db, '.pending');
    const cutoff = Date.now() - 24 * 3_600_000;
    for (const file of await readdir(dir).catch(() => [] as string[])) {
      const path = join(dir, file);
      const info = await stat(path).catch(() => undefined);
      if (!info || info.mtimeMs > cutoff) continue;
      const raw = await readJson(path).catch(() => undefined);
      if (typeof raw === 'object' && raw !== null && (raw as { done?: unknown }).done === true) {
        await unlink(path).catch(ignoreMissing);
      }
    }
  }

  #intentPath(callId: string): string {
    if (!CALL_ID_PATTERN.test(callId)) {
      throw new CsError('E_INVALID', `Call id "${callId}" may hold letters, digits, "_" and "-" only.`);
    }
    return join(this.#db, '.pending', `${callId}.json`);
  }

  /**
   * Writes a session under its own id (copying between stores). Resolves false, writing
   * nothing, when that id exists. Later `saveSession` calls for the day number after it.
   */
  async importSession(session: SessionRecord, readme: string): Promise<boolean> {
    const m = SESSION_ID_RE.exec(session.session_id);
    if (!m)
      throw new CsError('E_INVALID', `Session id "${session.session_id}" is not cs_<YYYYMMDD>_<seq>_<tag>.`);
    return this.#locks.with(`history-${m[1]}`, async () => {
      if (await exists(join(this.#db, 'history', session.session_id))) return false;
      return this.#placeSession(session, readme);
    });
  }

  /** The README.md saved with a session, as written. */
  async readSessionReadme(sessionId: string): Promise<string | undefined> {
    if (!SAFE_SEGMENT.test(sessionId)) return undefined;
    return readFile(join(this.#db, 'history', sessionId, 'README.md'), 'utf8').catch(() => undefined);
  }

  async getSession(sessionId: string): Promise<SessionRecord | undefined> {
    if (!SAFE_SEGMENT.test(sessionId)) return undefined;
    const path = join(this.#db, 'history', sessionId, 'session.json');
    const raw = await readJson(path);
    if (raw === undefined) return undefined;
    const parsed = (await loadSessionFileSchema()).safeParse(raw);
    if (!parsed.success) throw invalidFile(path, describeIssues(parsed.error.issues));
    // The parsed JSON itself, not zod's copy: it keeps the file's key order and every field.
    return raw as SessionRecord;
  }

  async listSessions(filter: SessionFilter = {}): Promise<SessionSummary[]> {
    let date: string | undefined;
    if (filter.date !== undefined) {
      date = normalizeSessionDate(filter.date);
      if (!date) throw new CsError('E_INVALID', `Date "${filter.date}" must be YYYYMMDD or YYYY-MM-DD.`);
    }
    const { heads, damaged } = await this.#sessionHeads(date);
    const c = filter.customer;
    const rows = heads
      .filter((h) => c === undefined || h.customer === c || h.customer_id === c)
      .map((h) => {
        const summary: SessionSummary = {
          session_id: h.session_id,
          timestamp: h.timestamp,
          product: h.product,
          customer: h.customer,
          operator: h.operator,
        };
        const status = h.review?.resolution_status;
        if (typeof status === 'string') summary.resolution_status = status;
        return summary;
      });
    // A damaged session is listed, marked, never hidden; with a customer filter, when its text
    // still mentions that customer.
    for (const d of damaged) {
      if (c !== undefined && !d.text.includes(c)) continue;
      rows.push({
        session_id: d.folder,
        timestamp: '',
        product: '',
        customer: '',
        operator: '',
        corrupt: `${d.path}: ${d.problem}`,
      });
    }
    return rows.sort((a, b) => compareSessionIds(a.session_id, b.session_id));
  }

  async isReferencedBySession(type: RecordType, record: StoredRecord): Promise<boolean> {
    const { heads, damaged } = await this.#sessionHeads(undefined);
    if (heads.some((h) => h[type] === record.name || h[`${type}_id`] === record._id)) return true;
    // A damaged session cannot be read, but its text may still name the record: count that as a
    // reference (deleting then needs --force); otherwise it does not hold the delete up.
    const quotedName = JSON.stringify(record.name);
    return damaged.some((d) => d.text.includes(`"${record._id}"`) || d.text.includes(quotedName));
  }

  // ---------------------------------------------------------------- live sessions

  async putLiveSession(live: LiveSessionRecord): Promise<void> {
    const path = this.#livePath(live.live_id);
    await this.#locks.with(liveLock(live.live_id), async () => {
      await mkdir(join(this.#db, 'live'), { recursive: true });
      await writeAtomic(path, formatJson(live));
    });
  }

  async getLiveSession(liveId: string): Promise<LiveSessionRecord | undefined> {
    if (!SAFE_SEGMENT.test(liveId)) return undefined;
    return this.#readLive(this.#livePath(liveId));
  }

  async updateLiveSession(
    liveId: string,
    change: (current: LiveSessionRecord) => LiveSessionRecord,
  ): Promise<LiveSessionRecord> {
    const path = this.#livePath(liveId);
    return this.#locks.with(liveLock(liveId), async () => {
      const current = await this.#readLive(path);
      if (!current) throw new CsError('E_NOT_FOUND', `No live session ${liveId}; it ended or never started.`);
      const next = change(current);
      if (next.live_id !== liveId) {
        throw new CsError(
          'E_INTERNAL',
          `A live session update changed its id from ${liveId} to ${next.live_id}.`,
        );
      }
      await writeAtomic(path, formatJson(next));
      return next;
    });
  }

  async listLiveSessions(): Promise<LiveSessionRecord[]> {
    const dir = join(this.#db, 'live');
    const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.json')).sort();
    const out: LiveSessionRecord[] = [];
    for (const file of files) {
      const live = await this.#readLive(join(dir, file));
      if (live) out.push(live);
    }
    return out;
  }

  async deleteLiveSession(liveId: string): Promise<void> {
    const path = this.#livePath(liveId);
    await this.#locks.with(liveLock(liveId), () => unlink(path).catch(ignoreMissing));
  }

  // ---------------------------------------------------------------- grants (fs-grant-store.ts)

  #grantStore: FsGrantStore | undefined;

  #grants(): FsGrantStore {
    this.#grantStore ??= new FsGrantStore(this.#db);
    return this.#grantStore;
  }

  putGrant(grant: Grant): Promise<void> {
    return this.#grants().putGrant(grant);
  }

  consumeGrant(consumption: GrantConsumption): Promise<Grant | undefined> {
    return this.#grants().consumeGrant(consumption);
  }

  listGrants(filter: GrantFilter): Promise<Grant[]> {
    return this.#grants().listGrants(filter);
  }

  async close(): Promise<void> {
    this.#memoryIndexes.clear();
  }

  // ---------------------------------------------------------------- internals: records

  #now(): string {
    return localIsoTimestamp(this.#clock.now());
  }

  #typeDir(type: RecordType): string {
    return join(this.#db, TYPE_FOLDERS[type]);
  }

  #index(type: RecordType): FsIndex {
    let index = this.#indexes.get(type);
    if (!index) {
      index = new FsIndex(this.#typeDir(type), join(this.#db, '.index', type));
      this.#indexes.set(type, index);
    }
    return index;
  }

  /** Reads and checks an info.json; undefined when it does not exist. */
  async #readRecord(path: string): Promise<StoredRecord | undefined> {
    const raw = await readJson(path);
    if (raw === undefined) return undefined;
    const problem = checkRecordMetadata(raw);
    if (problem !== undefined) throw invalidFile(path, problem);
    // zod's copy would reorder keys; the file's own object keeps its order and unknown fields.
    return raw as StoredRecord;
  }

  async #writeRecordFiles(dir: string, record: StoredRecord): Promise<void> {
    await writeAtomic(join(dir, 'info.json'), formatJson(record));
    await writeAtomic(join(dir, 'README.md'), renderRecordReadme(record), { fsync: false });
    // Temp files of a writer killed mid-way; we hold the record's lock, so none is live.
    const names = await readdir(dir).catch(() => [] as string[]);
    await Promise.all(
      names.filter((n) => ATOMIC_TEMP.test(n)).map((n) => unlink(join(dir, n)).catch(ignoreMissing)),
    );
  }

  async #tempDir(): Promise<string> {
    // The first write of this store sweeps what interrupted writes left in .tmp/ (one readdir).
    this.#swept ??= sweepLeftoverTempFolders(this.#db).then(
      () => undefined,
      () => undefined,
    );
    await this.#swept;
    return makeTempFolder(this.#db);
  }

  /** A fresh view of the type's index, rebuilding it when the type folder changed; undefined when the folder is missing. */
  async #view(type: RecordType): Promise<IndexView | undefined> {
    const index = this.#index(type);
    const mtime = await index.typeDirMtime();
    if (mtime === undefined) return undefined;
    const memory = this.#memoryIndexes.get(type);
    if (memory && memory.mtime === mtime) return memory.view;
    const meta = await index.readMeta();
    if (meta && meta.mtime === mtime) return index.view(meta.gen);
    return this.#rebuild(type, { force: false });
  }

  /**
   * Rebuilds the type's index by scanning its folders, under the type lock. Without `force` it
   * does nothing when the index turns out fresh once the lock is held; with `force` (a stale
   * hit) it does nothing when another process rebuilt since generation `seenGen`.
   */
  async #rebuild(
    type: RecordType,
    options: { force: boolean; seenGen?: number },
  ): Promise<IndexView | undefined> {
    const index = this.#index(type);
    try {
      return await this.#locks.with(typeLock(type), async () => {
        const mtime = await index.typeDirMtime();
        if (mtime === undefined) return undefined;
        const meta = await index.readMeta();
        const fresh = meta !== undefined && meta.mtime === mtime;
        if (fresh && (!options.force || (options.seenGen !== undefined && meta.gen !== options.seenGen))) {
          return index.view(meta.gen);
        }
        const entries = await this.#scan(type, meta ? index.view(meta.gen) : undefined);
        const written = await index.writeGeneration(entries, mtime, meta?.gen ?? 0);
        this.#memoryIndexes.delete(type);
        return index.view(written.gen);
      });
    } catch (error) {
      if (!READ_ONLY_CODES.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
      // A database we may read but not write: keep the scanned index in memory instead.
      const mtime = await index.typeDirMtime();
      if (mtime === undefined) return undefined;
      const view = new IndexView(-1, { memory: buildShards(await this.#scan(type)) });
      this.#memoryIndexes.set(type, { mtime, view });
      return view;
    }
  }

  /**
   * Reads every record folder of a type for the index; folders without an info.json are left
   * out. A damaged info.json keeps an entry marked corrupt (id and name from the folder name,
   * phone from the previous index or the damaged text), so the record stays listed and its phone
   * stays taken: lookups then report it as corrupt rather than as missing.
   */
  async #scan(type: RecordType, previous?: IndexView): Promise<IndexEntry[]> {
    const typeDir = this.#typeDir(type);
    const folders = (await recordFolders(typeDir)).sort();
    const seen = new Set<string>();
    const entries: IndexEntry[] = [];
    const records = await mapLimit(
      folders,
      64,
      async (folder): Promise<StoredRecord | IndexEntry | undefined> => {
        const path = join(typeDir, folder, 'info.json');
        try {
          return await this.#readRecord(path);
        } catch (error) {
          if (!CsError.isInstance(error) || error.code !== 'E_CORRUPT') return undefined;
          return this.#corruptEntry(folder, path, String(error.details?.problem ?? 'damaged'), previous);
        }
      },
    );
    records.forEach((item, i) => {
      if (!item) return;
      const entry =
        '_id' in item ? (item._type === type ? entryOf(item, folders[i] as string) : undefined) : item;
      // A copy of a folder that kept its id: the first folder (by name) wins the id.
      if (!entry || seen.has(entry.id)) return;
      seen.add(entry.id);
      entries.push(entry);
    });
    return entries;
  }

  /** The index entry of a record whose info.json is damaged; undefined when its folder name has no id. */
  async #corruptEntry(
    folder: string,
    path: string,
    problem: string,
    previous: IndexView | undefined,
  ): Promise<IndexEntry | undefined> {
    const text = await readFile(path, 'utf8').catch(() => '');
    const keys = salvageRecordKeys(folder, text);
    if (!keys) return undefined;
    const entry: IndexEntry = { id: keys.id, folder, name: keys.name, corrupt: problem };
    // The index written before the damage knows the phone for sure; the damaged text may not.
    const before = await previous?.entry(keys.id).catch(() => undefined);
    const phone = before?.folder === folder && before.corrupt === undefined ? before.phone : keys.phone;
    if (phone !== undefined) entry.phone = phone;
    return entry;
  }

  /** Files an index change after a folder change made under the type lock. */
  async #indexEdit(type: RecordType, remove: string[], put: IndexEntry[]): Promise<void> {
    const index = this.#index(type);
    const meta = await index.readMeta();
    const mtime = await index.typeDirMtime();
    if (!meta || mtime === undefined) {
      await this.#rebuild(type, { force: true });
      return;
    }
    try {
      await index.applyEdits(meta, remove, put, mtime);
    } catch (error) {
      if (!(error instanceof GenerationGoneError)) throw error;
      await this.#rebuild(type, { force: true });
    }
  }

  /**
   * Index lookup with every hit verified against its info.json. A stale hit (folder gone, key
   * changed by hand) makes the index rebuild, then the lookup runs once more.
   */
  async #lookup(
    type: RecordType,
    kind: 'id' | IndexKeyKind,
    key: string,
    matches: (record: StoredRecord) => boolean,
  ): Promise<Hit[]> {
    let found: Hit[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      const view = await this.#view(type);
      if (!view) return [];
      let stale = false;
      found = [];
      try {
        const ids = kind === 'id' ? [key] : await view.ids(kind, key);
        for (const id of ids) {
          const entry = await view.entry(id);
          if (!entry) {
            stale ||= kind !== 'id';
            continue;
          }
          const record = await this.#readRecord(join(this.#typeDir(type), entry.folder, 'info.json'));
          if (!record || record._id !== id || record._type !== type || !matches(record)) {
            stale = true;
            continue;
          }
          // Marked damaged at the last scan but whole now (repaired by hand): refresh the index.
          stale ||= entry.corrupt !== undefined;
          found.push({ record, folder: entry.folder });
        }
      } catch (error) {
        if (!(error instanceof GenerationGoneError)) throw error;
        await this.#rebuild(type, { force: true, seenGen: view.gen });
        continue;
      }
      if (!stale || attempt >= 1) return found;
      await this.#rebuild(type, { force: true, seenGen: view.gen });
    }
    return found;
  }

  async #assertPhoneFree(record: StoredRecord, selfId: string): Promise<void> {
    const phone = phoneKey(record);
    if (phone === undefined) return;
    let hits: Hit[];
    try {
      hits = await this.#lookup('customer', 'phone', phone, (r) => phoneKey(r) === phone);
    } catch (error) {
      if (!CsError.isInstance(error) || error.code !== 'E_CORRUPT') throw error;
      // The phone is filed under a customer whose info.json is damaged: that customer still
      // exists, so a second one must not take the phone.
      throw new CsError(
        'E_CORRUPT',
        `Phone ${phone} belongs to a customer whose file is damaged; repair it first. ${error.message}`,
        { cause: error, ...(error.details ? { details: { ...error.details, phone } } : {}) },
      );
    }
    const other = hits.find((h) => h.record._id !== selfId);
    if (other) throw phoneTaken(phone, other.record.name, other.record._id);
  }

  async #readTrashManifest(trashId: string): Promise<TrashManifest | undefined> {
    const path = join(this.#db, '.trash', trashId, 'manifest.json');
    const raw = await readJson(path);
    if (raw === undefined) return undefined;
    const parsed = (await loadFileSchemas()).TrashManifestSchema.safeParse(raw);
    if (!parsed.success) throw invalidFile(path, describeIssues(parsed.error.issues));
    if (!ID_RE.test(parsed.data.id) || !isPlainSegment(parsed.data.folder)) {
      throw invalidFile(path, 'id or folder is not a record id / folder name');
    }
    return parsed.data;
  }

  // ---------------------------------------------------------------- internals: the rest

  #mockPath(productId: string, phone: string): string {
    if (!SAFE_SEGMENT.test(productId)) {
      throw new CsError(
        'E_INVALID',
        `Product id "${productId}" has characters a mock state path cannot take.`,
      );
    }
    const key = normalizePhone(phone);
    if (!/^\+?\d{1,32}$/.test(key)) throw new CsError('E_INVALID', `"${phone}" is not a phone number.`);
    return join(this.#db, 'mock_state', productId, `${key}.json`);
  }

  async #readMockState(path: string): Promise<Record<string, unknown> | undefined> {
    const raw = await readJson(path);
    if (raw === undefined) return undefined;
    const parsed = (await loadFileSchemas()).MockStateSchema.safeParse(raw);
    if (!parsed.success) throw invalidFile(path, 'a mock state must be a JSON object');
    return raw as Record<string, unknown>;
  }

  #livePath(liveId: string): string {
    if (!SAFE_SEGMENT.test(liveId)) {
      throw new CsError(
        'E_INVALID',
        `Live session id "${liveId}" may hold letters, digits, "-", "_" and "." only.`,
      );
    }
    return join(this.#db, 'live', `${liveId}.json`);
  }

  async #readLive(path: string): Promise<LiveSessionRecord | undefined> {
    const raw = await readJson(path);
    if (raw === undefined) return undefined;
    const parsed = (await loadFileSchemas()).LiveSessionSchema.safeParse(raw);
    if (!parsed.success) throw invalidFile(path, describeIssues(parsed.error.issues));
    return raw as LiveSessionRecord;
  }

  /** Renames a complete session folder into history/; false when the id is taken. */
  async #placeSession(session: SessionRecord, readme: string): Promise<boolean> {
    const history = join(this.#db, 'history');
    const target = join(history, session.session_id);
    if (await exists(target)) return false;
    const temp = await this.#tempDir();
    try {
      await writeFile(join(temp, 'session.json'), formatJson(session));
      await writeFile(join(temp, 'README.md'), readme);
      await mkdir(history, { recursive: true });
      await rename(temp, target);
      return true;
    } catch (error) {
      await rm(temp, { recursive: true, force: true });
      if (isCode(error, 'EEXIST', 'ENOTEMPTY')) return false;
      throw error;
    }
  }

  /**
   * The listing fields of saved sessions (of one day when `date` is given), oldest first, and
   * the sessions whose session.json is damaged (with its text, for a reference check).
   */
  async #sessionHeads(
    date: string | undefined,
  ): Promise<{ heads: SessionHead[]; damaged: DamagedSession[] }> {
    const history = join(this.#db, 'history');
    const folders = (await subfolders(history)).filter(
      (f) => date === undefined || f.startsWith(`cs_${date}_`),
    );
    const { SessionHeadSchema } = await loadFileSchemas();
    const damaged: DamagedSession[] = [];
    const heads = await mapLimit(folders, 32, async (folder) => {
      const path = join(history, folder, 'session.json');
      let problem: string;
      try {
        const raw = await readJson(path);
        if (raw === undefined) return undefined;
        const parsed = SessionHeadSchema.safeParse(raw);
        if (parsed.success) return parsed.data;
        problem = describeIssues(parsed.error.issues);
      } catch (error) {
        if (!CsError.isInstance(error) || error.code !== 'E_CORRUPT') throw error;
        problem = String(error.details?.problem ?? 'damaged');
      }
      const text = await readFile(path, 'utf8').catch(() => '');
      damaged.push({ folder, path, problem, text });
      return undefined;
    });
    return {
      heads: heads
        .filter((h): h is SessionHead => h !== undefined)
        .sort((a, b) => compareSessionIds(a.session_id, b.session_id)),
      damaged,
    };
  }
}

/**
 * Opens the file store on a database folder. Nothing is created until the first write.
 *
 * @example const store = openFsStore('/tmp/db'); await store.findCustomerByPhone('13800138000');
 */
export function openFsStore(dbDir: string, options: FsRecordStoreOptions = {}): FsRecordStore {
  return new FsRecordStore(dbDir, options);
}

// ------------------------------------------------------------------ helpers

function typeLock(type: RecordType): string {
  return `type-${type}`;
}

function recordLock(type: RecordType, id: string): string {
  return `record-${type}-${id}`;
}

function liveLock(liveId: string): string {
  return `live-${liveId}`;
}

function randomHex(bytes = 4): string {
  return randomBytes(bytes).toString('hex');
}

function requireName(type: RecordType, name: unknown): string {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new CsError('E_INVALID', `A ${type} needs a name (a non-empty "name" field).`);
  }
  return name;
}

function notFound(type: RecordType, id: string): CsError {
  return new CsError('E_NOT_FOUND', `No ${type} with id ${id}.`);
}

function phoneTaken(phone: string, name: string, id: string): CsError {
  return new CsError(
    'E_CONFLICT',
    `Phone ${phone} already belongs to customer ${name} (${id}); update that customer or use another phone.`,
    { details: { phone, customer_id: id } },
  );
}

function invalidFile(path: string, why: string): CsError {
  return corruptFile(path, why);
}

function phoneKey(record: Record<string, unknown>): string | undefined {
  const phone = record.phone;
  if (typeof phone !== 'string' && typeof phone !== 'number') return undefined;
  const key = normalizePhone(String(phone));
  return key === '' ? undefined : key;
}

function entryOf(record: StoredRecord, folder: string): IndexEntry {
  const entry: IndexEntry = { id: record._id, folder, name: record.name };
  const phone = record._type === 'customer' ? phoneKey(record) : undefined;
  if (phone !== undefined) entry.phone = phone;
  return entry;
}

/**
 * A new record as the earlier implementation wrote it: the caller's fields in their order, then
 * `_id`, `_type`, `_created` (no `_updated` until the first update, like the legacy files). A
 * `_created` / `_updated` the caller passes is kept where it stands (a copied record keeps its
 * history and its key order); `_id` and `_type` always come from the store. Same rules as the
 * PostgreSQL store's document builder, so both stores write the same documents.
 */
function composeNewRecord(
  type: RecordType,
  id: string,
  fields: Record<string, unknown>,
  now: string,
): StoredRecord {
  const pairs: Array<[string, unknown]> = [];
  for (const [k, v] of Object.entries(fields)) {
    if (k === '_id') pairs.push([k, id]);
    else if (k === '_type') pairs.push([k, type]);
    else if ((k === '_created' || k === '_updated') && typeof v !== 'string') continue;
    else pairs.push([k, v]);
  }
  const has = new Set(pairs.map(([k]) => k));
  if (!has.has('_id')) pairs.push(['_id', id]);
  if (!has.has('_type')) pairs.push(['_type', type]);
  if (!has.has('_created')) pairs.push(['_created', now]);
  // fromEntries defines own properties, so a field named "__proto__" stays a field.
  return Object.fromEntries(pairs) as StoredRecord;
}

/**
 * The record after an update, keeping the file's key order: existing keys stay where they are
 * (user fields missing from `fields` are dropped; metadata missing from it is kept), `_updated`
 * is set (added after `_created` when the record had none), and new fields come last, as the
 * earlier implementation's `dict.update` did. `_id`, `_type` and `_created` never change.
 */
function mergeRecord(current: StoredRecord, fields: Record<string, unknown>, now: string): StoredRecord {
  const pairs: Array<[string, unknown]> = [];
  const placed = new Set<string>();
  const hasUpdated = Object.hasOwn(current, '_updated');
  for (const [k, v] of Object.entries(current)) {
    if (k === '_updated') pairs.push([k, now]);
    else if (CORE_META.has(k)) {
      pairs.push([k, v]);
      if (k === '_created' && !hasUpdated) {
        pairs.push(['_updated', now]);
        placed.add('_updated');
      }
    } else if (Object.hasOwn(fields, k)) pairs.push([k, fields[k]]);
    else if (k.startsWith('_')) pairs.push([k, v]);
    else continue;
    placed.add(k);
  }
  for (const [k, v] of Object.entries(fields)) if (!placed.has(k) && !CORE_META.has(k)) pairs.push([k, v]);
  if (!placed.has('_updated')) pairs.push(['_updated', now]);
  return Object.fromEntries(pairs) as StoredRecord;
}

function byNameThenId(a: { name: string; id: string }, b: { name: string; id: string }): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function compareSessionIds(a: string, b: string): number {
  const ma = SESSION_ID_RE.exec(a);
  const mb = SESSION_ID_RE.exec(b);
  if (ma && mb) {
    if (ma[1] !== mb[1]) return (ma[1] as string) < (mb[1] as string) ? -1 : 1;
    const d = Number(ma[2]) - Number(mb[2]);
    if (d !== 0) return d;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The intent of a call's save: the session id it took. */
async function readIntent(path: string): Promise<{ session_id: string } | undefined> {
  const raw = await readJson(path).catch(() => undefined);
  if (typeof raw !== 'object' || raw === null) return undefined;
  const id = (raw as Record<string, unknown>).session_id;
  return typeof id === 'string' && SESSION_ID_RE.test(id) ? { session_id: id } : undefined;
}

async function maxSeq(history: string, date: string): Promise<number> {
  let max = 0;
  for (const name of await readdir(history).catch(() => [] as string[])) {
    const m = SESSION_ID_RE.exec(name) ?? /^cs_(\d{8})_(\d+)_/.exec(name);
    if (m && m[1] === date) max = Math.max(max, Number(m[2]));
  }
  return max;
}

/** Parsed JSON of a file; undefined when it does not exist; E_INVALID naming the file when it is not JSON. */
async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isCode(error, 'ENOENT', 'ENOTDIR')) return undefined;
    throw error;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalidFile(path, `not valid JSON (${(error as Error).message})`);
  }
}

/** Record folders of a type folder: sub-folders whose names do not start with a dot. */
async function recordFolders(dir: string): Promise<string[]> {
  return subfolders(dir);
}

async function subfolders(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name);
  } catch (error) {
    if (isCode(error, 'ENOENT', 'ENOTDIR')) return [];
    throw error;
  }
}

/** One path segment that cannot climb out of its folder. */
function isPlainSegment(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name);
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

function isCode(error: unknown, ...codes: string[]): boolean {
  return codes.includes((error as NodeJS.ErrnoException | undefined)?.code ?? '');
}

function ignoreMissing(error: unknown): void {
  if (!isCode(error, 'ENOENT')) throw error;
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  });
  await Promise.all(workers);
  return out;
}
