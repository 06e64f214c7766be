import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, opendir, readdir, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CsError } from '../../domain/cs-error.js';
import { normalizePhone } from '../../domain/phone.js';
import type { StoredRecord } from '../../domain/record-schemas.js';
import { RECORD_TYPES, type RecordType } from '../../domain/record-types.js';
import { renderRecordReadme } from '../../render/render-record-readme.js';
import {
  buildNewRecord,
  byNameThenId,
  checkRecordId,
  customerPhoneKey,
  getEach,
  mergeUpdate,
  phoneTaken,
  RECORD_ID_PATTERN,
  randomRecordId,
  recordNotFound,
  requireRecordName,
} from '../record-document.js';
import type { CreateManyOptions, RecordDocuments, RecordRef, RecordSummary } from '../record-repository.js';
import { safeFolderName } from './folder-name.js';
import { exists, ignoreMissing, isCode, mapLimit, TYPE_FOLDERS } from './fs-files.js';
import { GenerationGoneError, type IndexEntry, shardOf } from './fs-index.js';
import { entryOf, type FsRecordLookup, recordLock, typeLock } from './fs-record-lookup.js';
import type { FsStoreContext } from './fs-store-context.js';
import { formatJson, writeAtomic } from './write-atomic.js';

// write-file-atomic's temp files are `<name>.<uint32>`; a writer killed mid-way leaves one behind.
const ATOMIC_TEMP = /^(info\.json|README\.md)\.\d+$/;

/**
 * The records of the file store: `<db>/<type folder>/<8-hex id>_<name>/info.json + README.md`,
 * found through the lookup index (fs-record-lookup.ts). A new folder is assembled in `.tmp/`
 * and renamed into place, so no reader and no crash ever sees half a record.
 */
export class FsRecords implements RecordDocuments {
  readonly #ctx: FsStoreContext;
  readonly #lookup: FsRecordLookup;

  constructor(ctx: FsStoreContext, lookup: FsRecordLookup) {
    this.#ctx = ctx;
    this.#lookup = lookup;
  }

  async create(
    type: RecordType,
    fields: Record<string, unknown>,
    options: { id?: string } = {},
  ): Promise<StoredRecord> {
    const name = requireRecordName(type, fields.name);
    if (options.id !== undefined) checkRecordId(options.id);
    const now = this.#ctx.now();
    return this.#ctx.locks.with(typeLock(type), async () => {
      await this.#lookup.view(type); // refresh a stale index before checking against it
      let id = options.id;
      if (id !== undefined) {
        if (await this.get(type, id))
          throw new CsError('E_CONFLICT', `A ${type} with id ${id} exists already.`);
      } else {
        do id = randomRecordId();
        while (await this.get(type, id));
      }
      const record = buildNewRecord(type, id, fields, now);
      if (type === 'customer') await this.#lookup.assertPhoneFree(record, id);
      const folder = `${id}_${safeFolderName(name)}`;
      const typeDir = this.#lookup.typeDir(type);
      const temp = await this.#ctx.tempDir();
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
      await this.#lookup.edit(type, [], [entryOf(record, folder)]);
      return record;
    });
  }

  /**
   * One lock, the folders written in parallel, one index edit; ids and phones are checked
   * against the index shards the edit rewrites anyway.
   */
  async createMany(
    type: RecordType,
    items: ReadonlyArray<Record<string, unknown>>,
    options: CreateManyOptions = {},
  ): Promise<StoredRecord[]> {
    return this.#bulkWrite(type, items, {
      keepIds: false,
      skipTakenPhones: options.skipTakenPhones === true,
    });
  }

  async get(type: RecordType, id: string): Promise<StoredRecord | undefined> {
    if (!RECORD_ID_PATTERN.test(id)) return undefined;
    return (await this.#lookup.hit(type, id))?.record;
  }

  getMany<const R extends readonly RecordRef[]>(
    refs: R,
  ): Promise<{ -readonly [K in keyof R]: StoredRecord | undefined }> {
    return getEach((type, id) => this.get(type, id), refs);
  }

  async findByName(type: RecordType, name: string): Promise<StoredRecord[]> {
    const hits = await this.#lookup.lookup(type, 'name', name, (r) => r.name === name);
    return hits.map((h) => h.record);
  }

  async findByNames(type: RecordType, names: readonly string[]): Promise<StoredRecord[]> {
    const wanted = new Set(names);
    const hits = await this.#lookup.lookupAll(type, 'name', [...wanted], (r) => wanted.has(r.name));
    return hits
      .map((h) => h.record)
      .sort((a, b) => byNameThenId({ name: a.name, id: a._id }, { name: b.name, id: b._id }));
  }

  async findCustomerByPhone(phone: string): Promise<StoredRecord | undefined> {
    const key = normalizePhone(phone);
    if (key === '') return undefined;
    const hits = await this.#lookup.lookup(
      'customer',
      'phone',
      key,
      (r) => customerPhoneKey('customer', r) === key,
    );
    return hits[0]?.record;
  }

  async summaries(type: RecordType): Promise<RecordSummary[]> {
    const rows: RecordSummary[] = [];
    for await (const row of this.streamSummaries(type)) rows.push(row);
    return rows.sort(byNameThenId);
  }

  async *streamSummaries(type: RecordType): AsyncGenerator<RecordSummary> {
    for await (const entries of this.#lookup.entries(type)) {
      for (const e of entries) yield this.#summary(type, e);
    }
  }

  #summary(type: RecordType, e: IndexEntry): RecordSummary {
    const row: RecordSummary = { id: e.id, type, name: e.name };
    if (e.phone !== undefined) row.phone = e.phone;
    if (e.corrupt !== undefined) {
      row.corrupt = `${join(this.#lookup.typeDir(type), e.folder, 'info.json')}: ${e.corrupt}`;
    }
    return row;
  }

  async list(type: RecordType): Promise<StoredRecord[]> {
    const records: StoredRecord[] = [];
    for await (const record of this.streamRecords(type)) records.push(record);
    return records.sort((a, b) => byNameThenId({ name: a.name, id: a._id }, { name: b.name, id: b._id }));
  }

  /** Reads the type folder as it streams (no list of every folder name), 64 records at a time. */
  async *streamRecords(type: RecordType): AsyncGenerator<StoredRecord> {
    const typeDir = this.#lookup.typeDir(type);
    let dir: Awaited<ReturnType<typeof opendir>>;
    try {
      dir = await opendir(typeDir);
    } catch (error) {
      if (isCode(error, 'ENOENT', 'ENOTDIR')) return;
      throw error;
    }
    const read = (folders: string[]) =>
      mapLimit(folders, 32, (folder) => this.#lookup.readRecord(join(typeDir, folder, 'info.json')));
    let batch: string[] = [];
    for await (const entry of dir) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      batch.push(entry.name);
      if (batch.length < 64) continue;
      for (const r of await read(batch)) if (r !== undefined && r._type === type) yield r;
      batch = [];
    }
    for (const r of await read(batch)) if (r !== undefined && r._type === type) yield r;
  }

  async update(
    type: RecordType,
    id: string,
    change: (current: StoredRecord) => Record<string, unknown> | Promise<Record<string, unknown>>,
  ): Promise<StoredRecord> {
    return this.#rewrite(type, id, async (current) =>
      mergeUpdate(current, await change(structuredClone(current)), this.#ctx.now()),
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

  /**
   * Rebuilds the lookup index of one type (or all) from the record folders. Lookups do this by
   * themselves when they notice a change; call it after editing names or phones inside
   * info.json files by hand.
   */
  async rebuildIndex(type?: RecordType): Promise<void> {
    for (const t of type === undefined ? RECORD_TYPES : [type])
      await this.#lookup.rebuild(t, { force: true });
  }

  /**
   * Writes many new records at once (test data, imports) with new ids: `createMany` refusing a
   * taken phone. Returns the records created.
   */
  async bulkImport(type: RecordType, items: ReadonlyArray<Record<string, unknown>>): Promise<StoredRecord[]> {
    return this.#bulkWrite(type, items, { keepIds: false, skipTakenPhones: false });
  }

  /**
   * Copies records keeping their ids and metadata (`copyStore`, `cs export`), in one locked
   * batch; ids already here are skipped; a phone taken by another customer fails the whole batch
   * with E_CONFLICT before anything is written. Returns how many were written.
   */
  async importRecords(type: RecordType, records: readonly StoredRecord[]): Promise<number> {
    return (await this.#bulkWrite(type, records, { keepIds: true, skipTakenPhones: false })).length;
  }

  /** Read-modify-write of one record under its lock; `compose` returns the whole new document. */
  async #rewrite(
    type: RecordType,
    id: string,
    compose: (current: StoredRecord) => Promise<StoredRecord>,
  ): Promise<StoredRecord> {
    if (!RECORD_ID_PATTERN.test(id)) throw recordNotFound(type, id);
    return this.#ctx.locks.with(recordLock(type, id), async () => {
      const hit = await this.#lookup.hit(type, id);
      if (!hit) throw recordNotFound(type, id);
      const next = await compose(hit.record);
      const name = requireRecordName(type, next.name);
      const typeDir = this.#lookup.typeDir(type);
      const nameChanged = name !== hit.record.name;
      const phoneChanged = customerPhoneKey(type, next) !== customerPhoneKey(type, hit.record);
      if (!nameChanged && !phoneChanged) {
        await this.#writeRecordFiles(join(typeDir, hit.folder), next);
        return next;
      }
      // The name or phone is indexed (and the folder carries the name): change it under the type lock.
      return this.#ctx.locks.with(typeLock(type), async () => {
        await this.#lookup.view(type);
        if (phoneChanged) await this.#lookup.assertPhoneFree(next, id);
        const wanted = nameChanged ? `${id}_${safeFolderName(name)}` : hit.folder;
        if (wanted !== hit.folder && (await exists(join(typeDir, wanted)))) {
          throw new CsError(
            'E_CONFLICT',
            `Cannot rename ${TYPE_FOLDERS[type]}/${hit.folder}: ${wanted} exists; move that folder away and retry.`,
          );
        }
        await this.#writeRecordFiles(join(typeDir, hit.folder), next);
        if (wanted !== hit.folder) await rename(join(typeDir, hit.folder), join(typeDir, wanted));
        await this.#lookup.edit(type, [id], [entryOf(next, wanted)]);
        return next;
      });
    });
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

  async #bulkWrite(
    type: RecordType,
    input: ReadonlyArray<Record<string, unknown>>,
    options: { keepIds: boolean; skipTakenPhones: boolean },
  ): Promise<StoredRecord[]> {
    if (input.length === 0) return [];
    await this.#ctx.sweepOnce();
    const now = this.#ctx.now();
    return this.#ctx.locks.with(typeLock(type), async () => {
      for (let attempt = 0; ; attempt++) {
        const view = await this.#lookup.view(type);
        try {
          // Ids and phones are checked against the index shards they live in; the edit below
          // rewrites those same shards, read once.
          const ids = new Set<string>();
          const phones = new Map<string, { id: string; name: string }>();
          const idFree = async (id: string) =>
            !ids.has(id) && (!view || (await view.entry(id)) === undefined);
          const holderOf = async (phone: string) => {
            const inBatch = phones.get(phone);
            if (inBatch || !view) return inBatch;
            const [holder] = await view.ids('phone', phone);
            return holder === undefined
              ? undefined
              : { id: holder, name: (await view.entry(holder))?.name ?? '?' };
          };
          const planned: Array<{ record: StoredRecord; folder: string; entry: IndexEntry }> = [];
          // The shards the checks below read, read in parallel first: a batch touches hundreds.
          const drawn = input.map((fields) => (options.keepIds ? String(fields._id) : randomRecordId()));
          await view?.prefetch(
            input.flatMap((fields, i) => {
              const phone = customerPhoneKey(type, fields);
              const id = shardOf('id', drawn[i] as string);
              return phone === undefined ? [id] : [id, shardOf('phone', phone)];
            }),
          );
          for (const [i, fields] of input.entries()) {
            const name = requireRecordName(type, fields.name);
            let id = drawn[i] as string;
            if (options.keepIds) {
              checkRecordId(id);
              if (!(await idFree(id))) continue; // already copied
            } else {
              while (!(await idFree(id))) id = randomRecordId();
            }
            const record = buildNewRecord(type, id, fields, now);
            const entry = entryOf(record, `${id}_${safeFolderName(name)}`);
            if (entry.phone !== undefined) {
              const holder = await holderOf(entry.phone);
              if (holder && options.skipTakenPhones) continue;
              if (holder) throw phoneTaken(entry.phone, holder);
              phones.set(entry.phone, { id, name });
            }
            ids.add(id);
            planned.push({ record, folder: entry.folder, entry });
          }
          await this.#writeFolders(type, planned);
          await this.#lookup.edit(
            type,
            [],
            planned.map((p) => p.entry),
            view,
          );
          return planned.map((p) => p.record);
        } catch (error) {
          if (!(error instanceof GenerationGoneError) || attempt > 2 || !view) throw error;
          await this.#lookup.rebuild(type, { force: true, seenGen: view.gen });
        }
      }
    });
  }

  /**
   * Writes the folders of a batch with synchronous calls: for small files each asynchronous call
   * is several trips through libuv's four-thread pool, which made a bulk write three times
   * slower than plain writes; a batch blocks the event loop for well under a second.
   */
  async #writeFolders(
    type: RecordType,
    planned: ReadonlyArray<{ record: StoredRecord; folder: string }>,
  ): Promise<void> {
    const typeDir = this.#lookup.typeDir(type);
    mkdirSync(typeDir, { recursive: true });
    for (const { record, folder } of planned) {
      const dir = join(typeDir, folder);
      try {
        mkdirSync(dir);
      } catch (error) {
        // A folder without info.json is what an interrupted import left: finish it. One that
        // holds a record is another record's (the same id would have been skipped above).
        if (!isCode(error, 'EEXIST')) throw error;
        if (existsSync(join(dir, 'info.json'))) {
          throw new CsError(
            'E_CONFLICT',
            `The folder ${TYPE_FOLDERS[type]}/${folder} holds another record; move it away and run again.`,
          );
        }
      }
      // temp + rename without fsync: fast, and never a half-written info.json.
      writeFileSync(join(dir, 'info.json.bulk'), formatJson(record));
      renameSync(join(dir, 'info.json.bulk'), join(dir, 'info.json'));
      writeFileSync(join(dir, 'README.md'), renderRecordReadme(record));
    }
  }
}
