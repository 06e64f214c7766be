import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { localIsoTimestamp } from '../../domain/clock.js';
import { CsError, describeIssues } from '../../domain/cs-error.js';
import type { StoredRecord } from '../../domain/record-schemas.js';
import type { RecordType } from '../../domain/record-types.js';
import { customerPhoneKey, RECORD_ID_PATTERN, recordNotFound } from '../record-document.js';
import type { TrashEntry, TrashRepository } from '../trash-repository.js';
import { corruptFile } from './fs-corrupt.js';
import type { TrashManifest } from './fs-file-schemas.js';
import {
  exists,
  isPlainSegment,
  randomHex,
  readJson,
  SAFE_SEGMENT,
  subfolders,
  TYPE_FOLDERS,
} from './fs-files.js';
import { entryOf, type FsRecordLookup, recordLock, typeLock } from './fs-record-lookup.js';
import type { FsStoreContext } from './fs-store-context.js';
import { formatJson, writeAtomic } from './write-atomic.js';

/**
 * The file store's trash: a delete moves the record folder to `<db>/.trash/<trash_id>/` beside
 * a manifest.json naming it; a restore moves it back when its id, folder and phone are free.
 */
export class FsTrash implements TrashRepository<StoredRecord> {
  readonly #ctx: FsStoreContext;
  readonly #lookup: FsRecordLookup;

  constructor(ctx: FsStoreContext, lookup: FsRecordLookup) {
    this.#ctx = ctx;
    this.#lookup = lookup;
  }

  async delete(type: RecordType, id: string): Promise<TrashEntry> {
    if (!RECORD_ID_PATTERN.test(id)) throw recordNotFound(type, id);
    const { locks } = this.#ctx;
    return locks.with(recordLock(type, id), () =>
      locks.with(typeLock(type), async () => {
        const hit = await this.#lookup.hit(type, id);
        if (!hit) throw recordNotFound(type, id);
        const now = this.#ctx.clock.now();
        const trashId = `${localIsoTimestamp(now).slice(0, 19).replace(/[-:]/g, '')}_${type}_${id}_${randomHex(2)}`;
        const trashDir = this.#ctx.path('.trash', trashId);
        const entry: TrashEntry = {
          trash_id: trashId,
          type,
          id,
          name: hit.record.name,
          deleted_at: localIsoTimestamp(now),
        };
        const phone = customerPhoneKey(type, hit.record);
        await mkdir(trashDir, { recursive: true });
        try {
          await writeAtomic(
            join(trashDir, 'manifest.json'),
            formatJson({ ...entry, folder: hit.folder, ...(phone === undefined ? {} : { phone }) }),
          );
          await rename(join(this.#lookup.typeDir(type), hit.folder), join(trashDir, hit.folder));
        } catch (error) {
          await rm(trashDir, { recursive: true, force: true });
          throw error;
        }
        await this.#lookup.edit(type, [id], []);
        return entry;
      }),
    );
  }

  async listTrash(): Promise<TrashEntry[]> {
    const root = this.#ctx.path('.trash');
    const out: TrashEntry[] = [];
    for (const trashId of await subfolders(root)) {
      const manifest = await this.#readManifest(trashId);
      // A manifest without its folder is a delete that did not finish: nothing to restore.
      if (!manifest || !(await exists(join(root, trashId, manifest.folder, 'info.json')))) continue;
      const { trash_id, type, id, name, deleted_at } = manifest;
      out.push({ trash_id, type, id, name, deleted_at });
    }
    return out.sort((a, b) => (a.trash_id < b.trash_id ? -1 : a.trash_id > b.trash_id ? 1 : 0));
  }

  async restore(trashId: string): Promise<StoredRecord> {
    const manifest = SAFE_SEGMENT.test(trashId) ? await this.#readManifest(trashId) : undefined;
    if (!manifest) {
      throw new CsError(
        'E_NOT_FOUND',
        `Nothing in the trash with id "${trashId}"; list the trash to see what can be restored.`,
      );
    }
    const { type, id, folder } = manifest;
    const trashDir = this.#ctx.path('.trash', trashId);
    const { locks } = this.#ctx;
    return locks.with(recordLock(type, id), () =>
      locks.with(typeLock(type), async () => {
        const record = await this.#lookup.readRecord(join(trashDir, folder, 'info.json'));
        if (!record)
          throw new CsError('E_NOT_FOUND', `Trash entry ${trashId} has no record folder left to restore.`);
        await this.#lookup.view(type);
        const current = (await this.#lookup.hit(type, id))?.record;
        if (current) {
          throw new CsError(
            'E_CONFLICT',
            `Cannot restore ${trashId}: a ${type} with id ${id} exists now (${current.name}); delete or rename it first.`,
          );
        }
        const typeDir = this.#lookup.typeDir(type);
        if (await exists(join(typeDir, folder))) {
          throw new CsError(
            'E_CONFLICT',
            `Cannot restore ${trashId}: the folder ${TYPE_FOLDERS[type]}/${folder} is taken now; move it away first.`,
          );
        }
        if (type === 'customer') await this.#lookup.assertPhoneFree(record, id);
        await mkdir(typeDir, { recursive: true });
        await rename(join(trashDir, folder), join(typeDir, folder));
        await rm(trashDir, { recursive: true, force: true });
        await this.#lookup.edit(type, [], [entryOf(record, folder)]);
        return record;
      }),
    );
  }

  async #readManifest(trashId: string): Promise<TrashManifest | undefined> {
    const path = this.#ctx.path('.trash', trashId, 'manifest.json');
    const raw = await readJson(path);
    if (raw === undefined) return undefined;
    const { TrashManifestSchema } = await import('./fs-file-schemas.js');
    const parsed = TrashManifestSchema.safeParse(raw);
    if (!parsed.success) throw corruptFile(path, describeIssues(parsed.error.issues));
    if (!RECORD_ID_PATTERN.test(parsed.data.id) || !isPlainSegment(parsed.data.folder)) {
      throw corruptFile(path, 'id or folder is not a record id / folder name');
    }
    return parsed.data;
  }
}
