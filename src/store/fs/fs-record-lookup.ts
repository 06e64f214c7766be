import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CsError } from '../../domain/cs-error.js';
import { checkRecordMetadata } from '../../domain/metadata-schema.js';
import type { StoredRecord } from '../../domain/record-schemas.js';
import type { RecordType } from '../../domain/record-types.js';
import { customerPhoneKey, phoneTaken } from '../record-document.js';
import { corruptFile, salvageRecordKeys } from './fs-corrupt.js';
import { mapLimit, readJsonSync, subfolders, TYPE_FOLDERS } from './fs-files.js';
import {
  buildShards,
  FsIndex,
  GenerationGoneError,
  type IndexEntry,
  type IndexKeyKind,
  IndexView,
  shardOf,
} from './fs-index.js';
import type { FsStoreContext } from './fs-store-context.js';

const READ_ONLY_CODES = new Set(['EACCES', 'EPERM', 'EROFS']);

/** A record found through the index, verified against its info.json, and its folder. */
export interface RecordHit {
  record: StoredRecord;
  folder: string;
}

/** The lock of a record type: held to add, remove or rename its folders and to edit its index. */
export function typeLock(type: RecordType): string {
  return `type-${type}`;
}

/** The lock of one record: held for its read-modify-write. */
export function recordLock(type: RecordType, id: string): string {
  return `record-${type}-${id}`;
}

/** The index entry of a record in a folder. */
export function entryOf(record: StoredRecord, folder: string): IndexEntry {
  const entry: IndexEntry = { id: record._id, folder, name: record.name };
  const phone = customerPhoneKey(record._type, record);
  if (phone !== undefined) entry.phone = phone;
  return entry;
}

/**
 * The file store's way to its records: the lookup index of each type (fs-index.ts) kept fresh
 * (rebuilt when the type folder changed, edited after our own changes), lookups verified
 * against info.json, and info.json read and checked. Shared by the records and the trash.
 */
export class FsRecordLookup {
  readonly #ctx: FsStoreContext;
  readonly #indexes = new Map<RecordType, FsIndex>();
  /** Indexes held in memory when the database cannot be written (read-only mount). */
  readonly #memoryIndexes = new Map<RecordType, { mtime: string; view: IndexView }>();

  constructor(ctx: FsStoreContext) {
    this.#ctx = ctx;
  }

  typeDir(type: RecordType): string {
    return this.#ctx.path(TYPE_FOLDERS[type]);
  }

  index(type: RecordType): FsIndex {
    let index = this.#indexes.get(type);
    if (!index) {
      index = new FsIndex(this.typeDir(type), this.#ctx.path('.index', type));
      this.#indexes.set(type, index);
    }
    return index;
  }

  /** Forgets the indexes held in memory (a read-only database). */
  clear(): void {
    this.#memoryIndexes.clear();
  }

  /** Reads and checks an info.json; undefined when it does not exist. */
  async readRecord(path: string): Promise<StoredRecord | undefined> {
    // Synchronous: a small file, read on a call turn's path (see replaceFileSync).
    const raw = readJsonSync(path);
    if (raw === undefined) return undefined;
    const problem = checkRecordMetadata(raw);
    if (problem !== undefined) throw corruptFile(path, problem);
    // zod's copy would reorder keys; the file's own object keeps its order and unknown fields.
    return raw as StoredRecord;
  }

  /** A fresh view of the type's index, rebuilding it when the type folder changed; undefined when the folder is missing. */
  async view(type: RecordType): Promise<IndexView | undefined> {
    const index = this.index(type);
    const mtime = await index.typeDirMtime();
    if (mtime === undefined) return undefined;
    const memory = this.#memoryIndexes.get(type);
    if (memory && memory.mtime === mtime) return memory.view;
    const meta = await index.readMeta();
    if (meta && meta.mtime === mtime) return index.view(meta.gen);
    return this.rebuild(type, { force: false });
  }

  /**
   * Rebuilds the type's index by scanning its folders, under the type lock. Without `force` it
   * does nothing when the index turns out fresh once the lock is held; with `force` (a stale
   * hit) it does nothing when another process rebuilt since generation `seenGen`.
   */
  async rebuild(
    type: RecordType,
    options: { force: boolean; seenGen?: number },
  ): Promise<IndexView | undefined> {
    const index = this.index(type);
    try {
      return await this.#ctx.locks.with(typeLock(type), async () => {
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
   * Every index entry of a type, sixteen shards (about 1/64 of them) at a time, so a listing of
   * any size holds little. A rebuild that replaces the index mid-way is followed: the listing
   * goes on from the same shard in the new one.
   */
  async *entries(type: RecordType): AsyncGenerator<IndexEntry[]> {
    let view = await this.view(type);
    if (!view) return;
    let numbers = await this.#shardNumbers(type, view);
    for (let i = 0; i < numbers.length; ) {
      const batch = numbers.slice(i, i + 16);
      const current: IndexView = view;
      let read: IndexEntry[][];
      try {
        read = await Promise.all(batch.map((n) => current.shardEntries(n)));
      } catch (error) {
        if (!(error instanceof GenerationGoneError)) throw error;
        const fresh = await this.rebuild(type, { force: true, seenGen: current.gen });
        if (!fresh) return;
        view = fresh;
        const from = batch[0] as number;
        numbers = [
          ...numbers.slice(0, i),
          ...(await this.#shardNumbers(type, fresh)).filter((m) => m >= from),
        ];
        continue;
      }
      for (const entries of read) yield entries;
      i += batch.length;
    }
  }

  async #shardNumbers(type: RecordType, view: IndexView): Promise<number[]> {
    try {
      return await view.shardNumbers();
    } catch (error) {
      if (!(error instanceof GenerationGoneError)) throw error;
      const fresh = await this.rebuild(type, { force: true, seenGen: view.gen });
      return fresh ? fresh.shardNumbers() : [];
    }
  }

  /**
   * Index lookup with every hit verified against its info.json. A stale hit (folder gone, key
   * changed by hand) makes the index rebuild, then the lookup runs once more.
   */
  lookup(
    type: RecordType,
    kind: 'id' | IndexKeyKind,
    key: string,
    matches: (record: StoredRecord) => boolean,
  ): Promise<RecordHit[]> {
    return this.lookupAll(type, kind, [key], matches);
  }

  /**
   * `lookup` of several keys in one pass: one view of the index, the keys' shards read at once
   * (a reply's candidate names cost one index read each, not one index open each).
   */
  async lookupAll(
    type: RecordType,
    kind: 'id' | IndexKeyKind,
    keys: readonly string[],
    matches: (record: StoredRecord) => boolean,
  ): Promise<RecordHit[]> {
    let found: RecordHit[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      const view = await this.view(type);
      if (!view) return [];
      let stale = false;
      found = [];
      try {
        await view.prefetch(keys.map((key) => shardOf(kind, key)));
        const ids = new Set<string>();
        for (const key of keys)
          for (const id of kind === 'id' ? [key] : await view.ids(kind, key)) ids.add(id);
        for (const id of ids) {
          const entry = await view.entry(id);
          if (!entry) {
            // An id the index lacks is looked for among the folders too: one there means the
            // index missed it (a record written while another process rebuilt or edited it),
            // which a rebuild mends; not being found then would lose a call's own customer.
            stale ||= kind !== 'id' || (await this.#hasFolderOf(type, id));
            continue;
          }
          const record = await this.readRecord(join(this.typeDir(type), entry.folder, 'info.json'));
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
        await this.rebuild(type, { force: true, seenGen: view.gen });
        continue;
      }
      if (!stale || attempt >= 1) return found;
      await this.rebuild(type, { force: true, seenGen: view.gen });
    }
    return found;
  }

  /** Whether the type's folder holds a record folder of this id (`<id>_<name>`). */
  async #hasFolderOf(type: RecordType, id: string): Promise<boolean> {
    return (await subfolders(this.typeDir(type))).some((folder) => folder.startsWith(`${id}_`));
  }

  /** The record with this id and its folder. */
  async hit(type: RecordType, id: string): Promise<RecordHit | undefined> {
    return (await this.lookup(type, 'id', id, () => true))[0];
  }

  /** E_CONFLICT when another customer than `selfId` has the record's phone. */
  async assertPhoneFree(record: StoredRecord, selfId: string): Promise<void> {
    const phone = customerPhoneKey(record._type, record);
    if (phone === undefined) return;
    let hits: RecordHit[];
    try {
      hits = await this.lookup('customer', 'phone', phone, (r) => customerPhoneKey('customer', r) === phone);
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
    if (other) throw phoneTaken(phone, { id: other.record._id, name: other.record.name });
  }

  /** Files an index change after a folder change made under the type lock. */
  async edit(type: RecordType, remove: string[], put: IndexEntry[], current?: IndexView): Promise<void> {
    const index = this.index(type);
    const meta = await index.readMeta();
    const mtime = await index.typeDirMtime();
    if (!meta || mtime === undefined) {
      await this.rebuild(type, { force: true });
      return;
    }
    try {
      await index.applyEdits(meta, remove, put, mtime, current);
    } catch (error) {
      if (!(error instanceof GenerationGoneError)) throw error;
      await this.rebuild(type, { force: true });
    }
  }

  /**
   * Reads every record folder of a type for the index; folders without an info.json are left
   * out. A damaged info.json keeps an entry marked corrupt (id and name from the folder name,
   * phone from the previous index or the damaged text), so the record stays listed and its phone
   * stays taken: lookups then report it as corrupt rather than as missing.
   */
  async #scan(type: RecordType, previous?: IndexView): Promise<IndexEntry[]> {
    const typeDir = this.typeDir(type);
    const folders = (await subfolders(typeDir)).sort();
    const seen = new Set<string>();
    const entries: IndexEntry[] = [];
    const records = await mapLimit(
      folders,
      64,
      async (folder): Promise<StoredRecord | IndexEntry | undefined> => {
        const path = join(typeDir, folder, 'info.json');
        try {
          return await this.readRecord(path);
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
}
