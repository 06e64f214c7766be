import { randomBytes } from 'node:crypto';
import { CsError } from '../../domain/cs-error.js';
import type { RecordType, StoredRecord } from '../../domain/record-schemas.js';
import { customerPhoneKey, phoneTaken, recordNotFound } from '../record-document.js';
import type { TrashEntry, TrashRepository } from '../trash-repository.js';
import { type PgClient, uniqueViolation } from './pg-client.js';
import { type PgRecords, storedRecord } from './pg-records.js';

/** The trash in PostgreSQL (table `trash`): a delete moves the row there in one transaction. */
export class PgTrash implements TrashRepository<StoredRecord> {
  readonly #db: PgClient;
  readonly #records: PgRecords;

  constructor(db: PgClient, records: PgRecords) {
    this.#db = db;
    this.#records = records;
  }

  async delete(type: RecordType, id: string): Promise<TrashEntry> {
    return this.#db.transaction(async (client) => {
      const { rows } = await client.query<{ name: string; data: unknown }>(
        'DELETE FROM records WHERE type = $1 AND id = $2 RETURNING name, data',
        [type, id],
      );
      const row = rows[0];
      if (!row) throw recordNotFound(type, id);
      const deletedAt = this.#db.now();
      const entry: TrashEntry = {
        trash_id: `${deletedAt.slice(0, 19).replace(/[-:]/g, '')}_${type}_${id}_${randomBytes(2).toString('hex')}`,
        type,
        id,
        name: row.name,
        deleted_at: deletedAt,
      };
      await client.query(
        'INSERT INTO trash (trash_id, type, id, name, deleted_at, data) VALUES ($1, $2, $3, $4, $5, $6)',
        [entry.trash_id, type, id, row.name, deletedAt, JSON.stringify(row.data)],
      );
      return entry;
    });
  }

  async listTrash(): Promise<TrashEntry[]> {
    return this.#db.query<TrashEntry>(
      'SELECT trash_id, type, id, name, deleted_at FROM trash ORDER BY trash_id',
    );
  }

  async restore(trashId: string): Promise<StoredRecord> {
    return this.#db.transaction(async (client) => {
      const { rows } = await client.query<{ type: RecordType; id: string; data: unknown }>(
        'DELETE FROM trash WHERE trash_id = $1 RETURNING type, id, data',
        [trashId],
      );
      const row = rows[0];
      if (!row) {
        throw new CsError(
          'E_NOT_FOUND',
          `Nothing in the trash with id "${trashId}"; list the trash to see what can be restored.`,
        );
      }
      const record = storedRecord(row.data);
      const phone = customerPhoneKey(row.type, record) ?? null;
      if (phone !== null) await this.#records.assertPhoneFree(client, phone, row.id);
      try {
        await client.query('INSERT INTO records (type, id, name, phone, data) VALUES ($1, $2, $3, $4, $5)', [
          row.type,
          row.id,
          record.name,
          phone,
          JSON.stringify(record),
        ]);
      } catch (error) {
        const constraint = uniqueViolation(error);
        if (constraint === 'records_pkey') {
          throw new CsError('E_CONFLICT', `Cannot restore: a ${row.type} with id ${row.id} exists again.`);
        }
        if (constraint === 'records_customer_phone') throw phoneTaken(phone ?? '');
        throw error;
      }
      return record;
    });
  }
}
