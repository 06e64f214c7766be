import type { PoolClient } from 'pg';
import { CsError } from '../../domain/cs-error.js';
import { normalizePhone } from '../../domain/phone.js';
import { MetadataSchema, type RecordType, type StoredRecord } from '../../domain/record-schemas.js';
import {
  buildNewRecord,
  checkRecordId,
  customerPhoneKey,
  mergeUpdate,
  phoneTaken,
  RECORD_ID_PATTERN,
  randomRecordId,
  recordNotFound,
  requireRecordName,
} from '../record-document.js';
import type { CreateManyOptions, RecordDocuments, RecordRef, RecordSummary } from '../record-repository.js';
import { type PgClient, uniqueViolation } from './pg-client.js';
import { trustedRow } from './pg-row-schemas.js';

/** Rows fetched per page when a listing streams. */
const PAGE = 1000;

/**
 * The records in PostgreSQL (table `records`: the document as `json`, name and normalised phone
 * in their own columns). The unique index on customers' phones is the guard under concurrency.
 */
export class PgRecords implements RecordDocuments {
  readonly #db: PgClient;

  constructor(db: PgClient) {
    this.#db = db;
  }

  async create(
    type: RecordType,
    fields: Record<string, unknown>,
    options?: { id?: string },
  ): Promise<StoredRecord> {
    const given = options?.id === undefined ? undefined : checkRecordId(options.id);
    requireRecordName(type, fields.name);
    const now = this.#db.now();
    // A generated id may collide (1 in 4 billion per record); try a few before giving up.
    for (let attempt = 0; ; attempt++) {
      const id = given ?? randomRecordId();
      const record = buildNewRecord(type, id, fields, now);
      const phone = customerPhoneKey(type, record) ?? null;
      try {
        await this.#db.transaction(async (client) => {
          if (phone !== null) await this.assertPhoneFree(client, phone, id);
          await client.query(
            'INSERT INTO records (type, id, name, phone, data) VALUES ($1, $2, $3, $4, $5)',
            [type, id, record.name, phone, JSON.stringify(record)],
          );
        });
        return record;
      } catch (error) {
        const constraint = uniqueViolation(error);
        if (constraint === 'records_pkey') {
          if (given === undefined && attempt < 5) continue;
          throw new CsError('E_CONFLICT', `A ${type} with id ${id} exists already.`, { details: { id } });
        }
        if (constraint === 'records_customer_phone') throw phoneTaken(phone ?? '');
        throw error;
      }
    }
  }

  /** One multi-row INSERT for the batch; ids that happen to be taken are drawn again first. */
  async createMany(
    type: RecordType,
    items: ReadonlyArray<Record<string, unknown>>,
    options: CreateManyOptions = {},
  ): Promise<StoredRecord[]> {
    if (items.length === 0) return [];
    for (const fields of items) requireRecordName(type, fields.name);
    const now = this.#db.now();
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#db.transaction(async (client) => {
          const ids = items.map(() => randomRecordId());
          for (;;) {
            const { rows } = await client.query<{ id: string }>(
              'SELECT id FROM records WHERE type = $1 AND id = ANY($2::text[])',
              [type, ids],
            );
            const taken = new Set(rows.map((r) => r.id));
            const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
            if (taken.size === 0 && twice.length === 0) break;
            for (let i = 0; i < ids.length; i++) {
              if (taken.has(ids[i] as string) || ids.indexOf(ids[i] as string) !== i)
                ids[i] = randomRecordId();
            }
          }
          const records = items.map((fields, i) => buildNewRecord(type, ids[i] as string, fields, now));
          const columns = [
            records.map((r) => r._id),
            records.map((r) => r.name),
            records.map((r) => customerPhoneKey(type, r) ?? null),
            records.map((r) => JSON.stringify(r)),
          ];
          const { rows } = await client.query<{ id: string }>(
            `INSERT INTO records (type, id, name, phone, data)
             SELECT $1, r.id, r.name, r.phone, r.data::json
               FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS r (id, name, phone, data, n)
              ORDER BY r.n
             ${options.skipTakenPhones ? 'ON CONFLICT DO NOTHING' : ''}
             RETURNING id`,
            [type, ...columns],
          );
          const inserted = new Set(rows.map((r) => r.id));
          return records.filter((r) => inserted.has(r._id));
        });
      } catch (error) {
        const constraint = uniqueViolation(error);
        // Another process took one of the ids between the check and the insert: draw again.
        if (constraint === 'records_pkey' && attempt < 3) continue;
        if (constraint === 'records_customer_phone') {
          throw new CsError(
            'E_CONFLICT',
            'A phone in the batch belongs to another customer (here or earlier in the batch); nothing was written.',
            { cause: error },
          );
        }
        throw error;
      }
    }
  }

  /** Copies records keeping ids and metadata (see RecordImporter): one statement per batch. */
  async importRecords(type: RecordType, records: readonly StoredRecord[]): Promise<number> {
    if (records.length === 0) return 0;
    const now = this.#db.now();
    const rows = records.map((r) => {
      if (!RECORD_ID_PATTERN.test(r._id))
        throw new CsError('E_INVALID', `Record id "${r._id}" is not 8 hex digits.`);
      requireRecordName(type, r.name);
      const record = buildNewRecord(type, r._id, r, now);
      return [record._id, record.name, customerPhoneKey(type, record) ?? null, JSON.stringify(record)];
    });
    const { rowCount } = await this.#db.transaction(async (client) => {
      try {
        // One statement for the batch; ids already there are skipped, a taken phone fails it whole.
        return await client.query(
          `INSERT INTO records (type, id, name, phone, data)
           SELECT $1, r.id, r.name, r.phone, r.data::json
             FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS r (id, name, phone, data)
           ON CONFLICT (type, id) DO NOTHING`,
          [type, ...[0, 1, 2, 3].map((c) => rows.map((row) => row[c]))],
        );
      } catch (error) {
        if (uniqueViolation(error) === 'records_customer_phone') {
          throw new CsError(
            'E_CONFLICT',
            'Two customers in the batch, or one here and one there, share a phone.',
            {
              cause: error,
            },
          );
        }
        throw error;
      }
    });
    return rowCount ?? 0;
  }

  /** Names the customer holding the phone; the unique index is the guard under concurrency. */
  async assertPhoneFree(client: PoolClient, phone: string, ownId: string): Promise<void> {
    const { rows } = await client.query<{ id: string; name: string }>(
      "SELECT id, name FROM records WHERE type = 'customer' AND phone = $1 AND id <> $2",
      [phone, ownId],
    );
    const holder = rows[0];
    if (holder) throw phoneTaken(phone, holder);
  }

  async get(type: RecordType, id: string): Promise<StoredRecord | undefined> {
    const rows = await this.#db.query<{ data: unknown }>(
      'SELECT data FROM records WHERE type = $1 AND id = $2',
      [type, id],
    );
    return rows[0] ? storedRecord(rows[0].data) : undefined;
  }

  async getMany<const R extends readonly RecordRef[]>(
    refs: R,
  ): Promise<{ -readonly [K in keyof R]: StoredRecord | undefined }> {
    const rows = await this.#db.query<{ type: string; id: string; data: unknown }>(
      'SELECT type, id, data FROM records WHERE (type, id) IN (SELECT * FROM unnest($1::text[], $2::text[]))',
      [refs.map((r) => r.type), refs.map((r) => r.id)],
    );
    const found = new Map(rows.map((r) => [`${r.type}\u0000${r.id}`, r.data]));
    return refs.map((r) => {
      const data = found.get(`${r.type}\u0000${r.id}`);
      return data === undefined ? undefined : storedRecord(data);
    }) as { -readonly [K in keyof R]: StoredRecord | undefined };
  }

  async findByName(type: RecordType, name: string): Promise<StoredRecord[]> {
    const rows = await this.#db.query<{ data: unknown }>(
      'SELECT data FROM records WHERE type = $1 AND name = $2 ORDER BY name, id',
      [type, name],
    );
    return rows.map((r) => storedRecord(r.data));
  }

  async findByNames(type: RecordType, names: readonly string[]): Promise<StoredRecord[]> {
    if (names.length === 0) return [];
    const rows = await this.#db.query<{ data: unknown }>(
      'SELECT data FROM records WHERE type = $1 AND name = ANY($2::text[]) ORDER BY name, id',
      [type, [...new Set(names)]],
    );
    return rows.map((r) => storedRecord(r.data));
  }

  async findCustomerByPhone(phone: string): Promise<StoredRecord | undefined> {
    const key = normalizePhone(phone);
    if (key === '') return undefined;
    const rows = await this.#db.query<{ data: unknown }>(
      "SELECT data FROM records WHERE type = 'customer' AND phone = $1",
      [key],
    );
    return rows[0] ? storedRecord(rows[0].data) : undefined;
  }

  async summaries(type: RecordType): Promise<RecordSummary[]> {
    const rows: RecordSummary[] = [];
    for await (const row of this.streamSummaries(type)) rows.push(row);
    return rows;
  }

  /** Pages of 1,000 by (name, id) after the last row seen: no connection is held between pages. */
  async *streamSummaries(type: RecordType): AsyncGenerator<RecordSummary> {
    for await (const page of this.#pages<{ id: string; name: string; phone: string | null }>(
      type,
      'id, name, phone',
    )) {
      for (const r of page)
        yield r.phone === null
          ? { id: r.id, type, name: r.name }
          : { id: r.id, type, name: r.name, phone: r.phone };
    }
  }

  async list(type: RecordType): Promise<StoredRecord[]> {
    const rows: StoredRecord[] = [];
    for await (const record of this.streamRecords(type)) rows.push(record);
    return rows;
  }

  async *streamRecords(type: RecordType): AsyncGenerator<StoredRecord> {
    for await (const page of this.#pages<{ id: string; name: string; data: unknown }>(
      type,
      'id, name, data',
    )) {
      for (const r of page) yield storedRecord(r.data);
    }
  }

  async *#pages<R extends { id: string; name: string }>(
    type: RecordType,
    columns: string,
  ): AsyncGenerator<R[]> {
    let after: R | undefined;
    for (;;) {
      const rows = await this.#db.query<R>(
        `SELECT ${columns} FROM records
          WHERE type = $1 AND ($2::text IS NULL OR (name, id) > ($2, $3))
          ORDER BY name, id LIMIT ${PAGE}`,
        [type, after?.name ?? null, after?.id ?? null],
      );
      if (rows.length > 0) yield rows;
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1];
    }
  }

  async update(
    type: RecordType,
    id: string,
    change: (current: StoredRecord) => Record<string, unknown> | Promise<Record<string, unknown>>,
  ): Promise<StoredRecord> {
    return this.#db.transaction((client) => this.updateIn(client, type, id, change));
  }

  /** `update` inside a transaction the caller holds (saving a session updates its customer). */
  async updateIn(
    client: PoolClient,
    type: RecordType,
    id: string,
    change: (current: StoredRecord) => Record<string, unknown> | Promise<Record<string, unknown>>,
  ): Promise<StoredRecord> {
    // FOR UPDATE: a concurrent update of this record waits here and then reads our result.
    const { rows } = await client.query<{ data: unknown }>(
      'SELECT data FROM records WHERE type = $1 AND id = $2 FOR UPDATE',
      [type, id],
    );
    if (!rows[0]) throw recordNotFound(type, id);
    const current = storedRecord(rows[0].data);
    const next = mergeUpdate(current, await change(current), this.#db.now());
    requireRecordName(type, next.name);
    const phone = customerPhoneKey(type, next) ?? null;
    if (phone !== null) await this.assertPhoneFree(client, phone, id);
    try {
      await client.query('UPDATE records SET name = $3, phone = $4, data = $5 WHERE type = $1 AND id = $2', [
        type,
        id,
        next.name,
        phone,
        JSON.stringify(next),
      ]);
    } catch (error) {
      if (uniqueViolation(error) === 'records_customer_phone') throw phoneTaken(phone ?? '');
      throw error;
    }
    return next;
  }
}

/** A stored record document, its metadata checked. */
export function storedRecord(data: unknown): StoredRecord {
  return trustedRow(MetadataSchema, data, 'record') as StoredRecord;
}
