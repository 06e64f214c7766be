import type { AnyRecord, RecordType, StoredRecord } from '../domain/record-schemas.js';

/** A record moved to the trash by a delete; `restore` brings it back. */
export interface TrashEntry {
  trash_id: string;
  type: RecordType;
  id: string;
  name: string;
  deleted_at: string;
}

/**
 * Deleting keeps a recoverable copy: records move to the trash and come back from it. A store
 * restores typed records; its part (`TrashRepository<StoredRecord>`) plain documents.
 */
export interface TrashRepository<Restored extends StoredRecord = AnyRecord> {
  /** Moves the record to the trash; its phone is free again. */
  delete(type: RecordType, id: string): Promise<TrashEntry>;
  /** What can be restored, oldest first. */
  listTrash(): Promise<TrashEntry[]>;
  /** Puts the record back as it was; E_CONFLICT when its id or phone is taken now. */
  restore(trashId: string): Promise<Restored>;
}
