import type { RecordsByType, RecordType, StoredRecord } from '../domain/record-schemas.js';

/** A short listing row, served from the index without reading every record. */
export interface RecordSummary {
  id: string;
  type: RecordType;
  name: string;
  phone?: string;
  /** Set when the record's file is damaged: which file and what is wrong (`cs doctor` repairs). */
  corrupt?: string;
}

/** A record named by its type and id. */
export interface RecordRef<T extends RecordType = RecordType> {
  type: T;
  id: string;
}

/** Options of `createMany`. */
export interface CreateManyOptions {
  /**
   * Leave out customers whose phone is taken (by a stored customer or an earlier one of the
   * batch) instead of refusing the whole batch; the result then holds fewer records.
   */
  skipTakenPhones?: boolean;
}

/**
 * The products, customers and operators: created, looked up by id, exact name or phone, listed
 * and changed. Every store builds the documents with `record-document.ts`, so they agree on
 * metadata, key order and how a phone is kept (as given; looked up normalised).
 *
 * `Out` says what a record of each type comes back as: typed records (`Product`, `Customer`,
 * `Operator`) from a `RecordStore`, plain documents from the parts a store is made of.
 */
export interface RecordRepositoryOf<Out extends Record<RecordType, StoredRecord>> {
  create<T extends RecordType>(
    type: T,
    fields: Record<string, unknown>,
    options?: { id?: string },
  ): Promise<Out[T]>;
  /**
   * Creates many records in one step (mock data, imports): each as `create` would, with a new id.
   * One lock and one index update on the file store, one multi-row INSERT on PostgreSQL. A taken
   * phone refuses the whole batch with E_CONFLICT, nothing written, unless `skipTakenPhones`.
   * Not atomic on the file store: a crash may leave part of a batch, which the index picks up.
   * @returns the records created, in the order given.
   */
  createMany<T extends RecordType>(
    type: T,
    items: ReadonlyArray<Record<string, unknown>>,
    options?: CreateManyOptions,
  ): Promise<Array<Out[T]>>;
  get<T extends RecordType>(type: T, id: string): Promise<Out[T] | undefined>;
  /**
   * Several records at once, in the order asked, undefined where one is missing: one query on
   * PostgreSQL (the participants of every turn of a live call).
   */
  getMany<const R extends readonly RecordRef[]>(
    refs: R,
  ): Promise<{ -readonly [K in keyof R]: Out[R[K]['type']] | undefined }>;
  /** Exact name match. Several records may share a name (the legacy format allows it). */
  findByName<T extends RecordType>(type: T, name: string): Promise<Array<Out[T]>>;
  /**
   * The records whose name is exactly one of `names`, by name then id: one pass over the index
   * (file store) or one query (PostgreSQL), for the many candidate names of a reply.
   */
  findByNames<T extends RecordType>(type: T, names: readonly string[]): Promise<Array<Out[T]>>;
  /** The customer with this normalised phone. */
  findCustomerByPhone(phone: string): Promise<Out['customer'] | undefined>;
  /** Names and ids from the index, for partial-name lookup and listings, by name then id. */
  summaries(type: RecordType): Promise<RecordSummary[]>;
  /**
   * The same rows as `summaries`, a few at a time and in the store's own order (file store:
   * index order; PostgreSQL: name, then id), so a listing of any size takes little memory.
   */
  streamSummaries(type: RecordType): AsyncIterable<RecordSummary>;
  /** Every record of a type, by name then id. */
  list<T extends RecordType>(type: T): Promise<Array<Out[T]>>;
  /** The same records as `list`, a few at a time in the store's own order. */
  streamRecords<T extends RecordType>(type: T): AsyncIterable<Out[T]>;
  /**
   * Read-modify-write under a lock (or a transaction): `change` receives the current record and
   * returns the new user fields; metadata is kept and `_updated` set by the store.
   */
  update<T extends RecordType>(
    type: T,
    id: string,
    change: (current: Out[T]) => Record<string, unknown> | Promise<Record<string, unknown>>,
  ): Promise<Out[T]>;
}

/** The record repository of a `RecordStore`: typed records (`Product`, `Customer`, `Operator`). */
export type RecordRepository = RecordRepositoryOf<RecordsByType>;

/**
 * The record repository as a store's part implements it, over plain documents; the store it is
 * part of (`ComposedRecordStore`) turns them into typed records.
 */
export type RecordDocuments = RecordRepositoryOf<Record<RecordType, StoredRecord>>;
