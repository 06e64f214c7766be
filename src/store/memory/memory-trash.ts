import { CsError } from '../../domain/cs-error.js';
import type { StoredRecord } from '../../domain/record-schemas.js';
import type { RecordType } from '../../domain/record-types.js';
import { randomRecordId, recordNotFound } from '../record-document.js';
import type { TrashEntry, TrashRepository } from '../trash-repository.js';
import type { MemoryRecords } from './memory-records.js';
import { copy } from './serial-queue.js';

/** The memory store's trash: deleted records kept with their entry until restored. */
export class MemoryTrash implements TrashRepository<StoredRecord> {
  readonly #records: MemoryRecords;
  readonly #trash = new Map<string, { entry: TrashEntry; record: StoredRecord }>();

  constructor(records: MemoryRecords) {
    this.#records = records;
  }

  async delete(type: RecordType, id: string): Promise<TrashEntry> {
    const record = this.#records.stored(type, id);
    if (!record) throw recordNotFound(type, id);
    const deletedAt = this.#records.now();
    const entry: TrashEntry = {
      trash_id: `${deletedAt.slice(0, 19).replace(/[-:]/g, '')}_${type}_${id}_${randomRecordId().slice(0, 4)}`,
      type,
      id,
      name: record.name,
      deleted_at: deletedAt,
    };
    this.#records.remove(type, id);
    this.#trash.set(entry.trash_id, { entry, record });
    return { ...entry };
  }

  async listTrash(): Promise<TrashEntry[]> {
    return [...this.#trash.values()]
      .map((t) => ({ ...t.entry }))
      .sort((a, b) => (a.trash_id < b.trash_id ? -1 : a.trash_id > b.trash_id ? 1 : 0));
  }

  async restore(trashId: string): Promise<StoredRecord> {
    const item = this.#trash.get(trashId);
    if (!item) {
      throw new CsError(
        'E_NOT_FOUND',
        `Nothing in the trash with id "${trashId}"; list the trash to see what can be restored.`,
      );
    }
    const { type, id } = item.entry;
    if (this.#records.stored(type, id))
      throw new CsError('E_CONFLICT', `A ${type} with id ${id} exists again.`);
    this.#records.checkPhone(item.record);
    this.#records.put(item.record);
    this.#trash.delete(trashId);
    return copy(item.record);
  }
}
