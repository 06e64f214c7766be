import { type Clock, localIsoTimestamp, systemClock } from '../../domain/clock.js';
import { CsError } from '../../domain/cs-error.js';
import { normalizePhone } from '../../domain/phone.js';
import type { StoredRecord } from '../../domain/record-schemas.js';
import type { RecordType } from '../../domain/record-types.js';
import {
  buildNewRecord,
  byNameThenId,
  checkRecordId,
  customerPhoneKey,
  getEach,
  mergeUpdate,
  phoneTaken,
  randomRecordId,
  recordNotFound,
  requireRecordName,
} from '../record-document.js';
import type { CreateManyOptions, RecordDocuments, RecordRef, RecordSummary } from '../record-repository.js';
import { copy, SerialQueue } from './serial-queue.js';

/**
 * The memory store's records: one map per type, documents built by record-document.ts as the
 * other stores build theirs. The trash and the session archive reach the maps through `stored`,
 * `put`, `remove` and the phone checks.
 */
export class MemoryRecords implements RecordDocuments {
  readonly #records: Record<RecordType, Map<string, StoredRecord>> = {
    product: new Map(),
    customer: new Map(),
    operator: new Map(),
  };
  readonly #queue = new SerialQueue();
  readonly #clock: Clock;

  constructor(clock: Clock = systemClock) {
    this.#clock = clock;
  }

  /** The store's time as records and trash entries write it. */
  now(): string {
    return localIsoTimestamp(this.#clock.now());
  }

  /** The stored document itself (not a copy), or undefined. */
  stored(type: RecordType, id: string): StoredRecord | undefined {
    return this.#records[type].get(id);
  }

  put(record: StoredRecord): void {
    this.#records[record._type].set(record._id, record);
  }

  remove(type: RecordType, id: string): void {
    this.#records[type].delete(id);
  }

  /** The customer other than `except` whose phone has this key. */
  phoneOwner(key: string, except?: string): StoredRecord | undefined {
    for (const r of this.#records.customer.values()) {
      if (r._id !== except && customerPhoneKey('customer', r) === key) return r;
    }
    return undefined;
  }

  /** E_CONFLICT when another customer than `except` has the record's phone. */
  checkPhone(record: StoredRecord, except?: string): void {
    const key = customerPhoneKey(record._type, record);
    if (key === undefined) return;
    const owner = this.phoneOwner(key, except);
    if (owner) throw phoneTaken(key, { id: owner._id, name: owner.name });
  }

  async create(
    type: RecordType,
    fields: Record<string, unknown>,
    options: { id?: string } = {},
  ): Promise<StoredRecord> {
    requireRecordName(type, fields.name);
    const id = options.id === undefined ? this.#newId(type) : checkRecordId(options.id);
    if (this.#records[type].has(id))
      throw new CsError('E_CONFLICT', `A ${type} with id ${id} exists already.`);
    const record = copy(buildNewRecord(type, id, fields, this.now()));
    this.checkPhone(record);
    this.#records[type].set(id, record);
    return copy(record);
  }

  async createMany(
    type: RecordType,
    items: ReadonlyArray<Record<string, unknown>>,
    options: CreateManyOptions = {},
  ): Promise<StoredRecord[]> {
    const now = this.now();
    const planned: StoredRecord[] = [];
    const phones = new Map<string, StoredRecord>();
    for (const fields of items) {
      requireRecordName(type, fields.name);
      const record = copy(buildNewRecord(type, this.#newId(type, planned), fields, now));
      const key = customerPhoneKey(type, record);
      if (key !== undefined) {
        const owner = phones.get(key) ?? this.phoneOwner(key);
        if (owner && options.skipTakenPhones) continue;
        if (owner) throw phoneTaken(key, { id: owner._id, name: owner.name });
        phones.set(key, record);
      }
      planned.push(record);
    }
    for (const record of planned) this.#records[type].set(record._id, record);
    return planned.map(copy);
  }

  #newId(type: RecordType, planned: readonly StoredRecord[] = []): string {
    for (;;) {
      const id = randomRecordId();
      if (!this.#records[type].has(id) && !planned.some((r) => r._id === id)) return id;
    }
  }

  async get(type: RecordType, id: string): Promise<StoredRecord | undefined> {
    const found = this.#records[type].get(id);
    return found ? copy(found) : undefined;
  }

  getMany<const R extends readonly RecordRef[]>(
    refs: R,
  ): Promise<{ -readonly [K in keyof R]: StoredRecord | undefined }> {
    return getEach((type, id) => this.get(type, id), refs);
  }

  async findByName(type: RecordType, name: string): Promise<StoredRecord[]> {
    return this.#sorted(type)
      .filter((r) => r.name === name)
      .map(copy);
  }

  async findByNames(type: RecordType, names: readonly string[]): Promise<StoredRecord[]> {
    const wanted = new Set(names);
    return this.#sorted(type)
      .filter((r) => wanted.has(r.name))
      .map(copy);
  }

  async findCustomerByPhone(phone: string): Promise<StoredRecord | undefined> {
    const key = normalizePhone(phone);
    const found = key === '' ? undefined : this.phoneOwner(key);
    return found ? copy(found) : undefined;
  }

  async summaries(type: RecordType): Promise<RecordSummary[]> {
    return this.#sorted(type).map((r) => {
      const phone = customerPhoneKey(type, r);
      return { id: r._id, type, name: r.name, ...(phone === undefined ? {} : { phone }) };
    });
  }

  async *streamSummaries(type: RecordType): AsyncGenerator<RecordSummary> {
    yield* await this.summaries(type);
  }

  async list(type: RecordType): Promise<StoredRecord[]> {
    return this.#sorted(type).map(copy);
  }

  async *streamRecords(type: RecordType): AsyncGenerator<StoredRecord> {
    yield* await this.list(type);
  }

  #sorted(type: RecordType): StoredRecord[] {
    return [...this.#records[type].values()].sort((a, b) =>
      byNameThenId({ name: a.name, id: a._id }, { name: b.name, id: b._id }),
    );
  }

  async update(
    type: RecordType,
    id: string,
    change: (current: StoredRecord) => Record<string, unknown> | Promise<Record<string, unknown>>,
  ): Promise<StoredRecord> {
    return this.#queue.run(`${type}:${id}`, async () => {
      const current = this.#records[type].get(id);
      if (!current) throw recordNotFound(type, id);
      const next = copy(mergeUpdate(current, await change(copy(current)), this.now()));
      requireRecordName(type, next.name);
      this.checkPhone(next, id);
      this.#records[type].set(id, next);
      return copy(next);
    });
  }
}
