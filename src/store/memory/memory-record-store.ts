import { type Clock, localIsoTimestamp, systemClock } from '../../domain/clock.js';
import { CsError } from '../../domain/cs-error.js';
import type { Grant } from '../../domain/grant-schema.js';
import { isValidPhone, normalizePhone } from '../../domain/phone.js';
import type { StoredRecord } from '../../domain/record-schemas.js';
import type { RecordType } from '../../domain/record-types.js';
import type { SessionRecord } from '../../domain/session-schemas.js';
import type { CallJournal } from '../call-journal.js';
import type { GrantConsumption, GrantFilter } from '../grant-store.js';
import type { LiveSessionRecord } from '../live-session-store.js';
import type { MockStateEntry } from '../mock-state-store.js';
import {
  buildNewRecord,
  byNameThenId,
  checkRecordId,
  customerPhoneKey,
  mergeUpdate,
  phoneTaken,
  randomRecordId,
  recordNotFound,
  requireRecordName,
} from '../record-document.js';
import type { CreateManyOptions, RecordSummary } from '../record-repository.js';
import type { RecordStore } from '../record-store.js';
import type { SavedSession, SaveSessionOptions, SessionFilter, SessionSummary } from '../session-archive.js';
import { dayMatches, parseSessionFilter, sessionMatches } from '../session-filter.js';
import { sessionIdParts } from '../session-id-parts.js';
import type { TrashEntry } from '../trash-repository.js';
import { MemoryCallJournal } from './memory-call-journal.js';
import { MemoryGrantStore } from './memory-grant-store.js';

/** Values are copied through JSON on every write and read, as they are on disk or in a database. */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const SESSION_ID = /^cs_(\d{8})_(\d+)_/;

/**
 * A RecordStore in memory: the test double for code that needs a store (it passes the same
 * contract suite as the file and PostgreSQL stores, and writes records with the same
 * record-document.ts), and a way to time the agent without disk waits in benchmarks. Nothing
 * survives the process.
 *
 * @example const store = new MemoryRecordStore(); await store.create('customer', fields);
 */
export class MemoryRecordStore implements RecordStore {
  readonly location = 'memory';
  readonly journal: CallJournal = new MemoryCallJournal();
  /** Session id of each call saved with a call id: a second save of the call finds it. */
  readonly #callSessions = new Map<string, string>();
  readonly #records: Record<RecordType, Map<string, StoredRecord>> = {
    product: new Map(),
    customer: new Map(),
    operator: new Map(),
  };
  readonly #trash = new Map<string, { entry: TrashEntry; record: StoredRecord }>();
  readonly #mock = new Map<string, MockStateEntry>();
  readonly #sessions = new Map<string, { session: SessionRecord; readme: string }>();
  readonly #live = new Map<string, LiveSessionRecord>();
  readonly #grants = new MemoryGrantStore();
  readonly #queues = new Map<string, Promise<unknown>>();
  readonly #clock: Clock;

  constructor(options: { clock?: Clock } = {}) {
    this.#clock = options.clock ?? systemClock;
  }

  /** Runs read-modify-writes of one key one after another, as the other stores' locks do. */
  async #serial<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.#queues.get(key) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(fn);
    const tail = run.catch(() => undefined);
    this.#queues.set(key, tail);
    try {
      return await run;
    } finally {
      if (this.#queues.get(key) === tail) this.#queues.delete(key);
    }
  }

  #now(): string {
    return localIsoTimestamp(this.#clock.now());
  }

  /** The customer other than `except` whose phone has this key. */
  #phoneOwner(key: string, except?: string): StoredRecord | undefined {
    for (const r of this.#records.customer.values()) {
      if (r._id !== except && customerPhoneKey('customer', r) === key) return r;
    }
    return undefined;
  }

  #checkPhone(record: StoredRecord, except?: string): void {
    const key = customerPhoneKey(record._type, record);
    if (key === undefined) return;
    const owner = this.#phoneOwner(key, except);
    if (owner) throw phoneTaken(key, { id: owner._id, name: owner.name });
  }

  // ---- records

  async create(
    type: RecordType,
    fields: Record<string, unknown>,
    options: { id?: string } = {},
  ): Promise<StoredRecord> {
    requireRecordName(type, fields.name);
    const id = options.id === undefined ? this.#newId(type) : checkRecordId(options.id);
    if (this.#records[type].has(id))
      throw new CsError('E_CONFLICT', `A ${type} with id ${id} exists already.`);
    const record = copy(buildNewRecord(type, id, fields, this.#now()));
    this.#checkPhone(record);
    this.#records[type].set(id, record);
    return copy(record);
  }

  async createMany(
    type: RecordType,
    items: ReadonlyArray<Record<string, unknown>>,
    options: CreateManyOptions = {},
  ): Promise<StoredRecord[]> {
    const now = this.#now();
    const planned: StoredRecord[] = [];
    const phones = new Map<string, StoredRecord>();
    for (const fields of items) {
      requireRecordName(type, fields.name);
      const record = copy(buildNewRecord(type, this.#newId(type, planned), fields, now));
      const key = customerPhoneKey(type, record);
      if (key !== undefined) {
        const owner = phones.get(key) ?? this.#phoneOwner(key);
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

  async findByName(type: RecordType, name: string): Promise<StoredRecord[]> {
    return this.#sorted(type)
      .filter((r) => r.name === name)
      .map(copy);
  }

  async findCustomerByPhone(phone: string): Promise<StoredRecord | undefined> {
    const key = normalizePhone(phone);
    const found = key === '' ? undefined : this.#phoneOwner(key);
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
    return this.#serial(`${type}:${id}`, async () => {
      const current = this.#records[type].get(id);
      if (!current) throw recordNotFound(type, id);
      const next = copy(mergeUpdate(current, await change(copy(current)), this.#now()));
      requireRecordName(type, next.name);
      this.#checkPhone(next, id);
      this.#records[type].set(id, next);
      return copy(next);
    });
  }

  // ---- trash

  async delete(type: RecordType, id: string): Promise<TrashEntry> {
    const record = this.#records[type].get(id);
    if (!record) throw recordNotFound(type, id);
    const deletedAt = this.#now();
    const entry: TrashEntry = {
      trash_id: `${deletedAt.slice(0, 19).replace(/[-:]/g, '')}_${type}_${id}_${randomRecordId().slice(0, 4)}`,
      type,
      id,
      name: record.name,
      deleted_at: deletedAt,
    };
    this.#records[type].delete(id);
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
    if (this.#records[type].has(id)) throw new CsError('E_CONFLICT', `A ${type} with id ${id} exists again.`);
    this.#checkPhone(item.record);
    this.#records[type].set(id, item.record);
    this.#trash.delete(trashId);
    return copy(item.record);
  }

  // ---- mock backend state

  async getMockState(productId: string, phone: string): Promise<Record<string, unknown> | undefined> {
    const entry = this.#mock.get(`${productId}|${normalizePhone(phone)}`);
    return entry ? copy(entry.state) : undefined;
  }

  async updateMockState(
    productId: string,
    phone: string,
    change: (current: Record<string, unknown> | undefined) => Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const key = `${productId}|${normalizePhone(phone)}`;
    const current = this.#mock.get(key);
    const state = copy(change(current ? copy(current.state) : undefined));
    this.#mock.set(key, { productId, phone: normalizePhone(phone), state });
    return copy(state);
  }

  async listMockStates(productId?: string): Promise<MockStateEntry[]> {
    return [...this.#mock.values()]
      .filter((e) => productId === undefined || e.productId === productId)
      .sort((a, b) => (a.productId + a.phone < b.productId + b.phone ? -1 : 1))
      .map(copy);
  }

  // ---- saved sessions

  async saveSession(options: SaveSessionOptions): Promise<SavedSession> {
    const { date, tag } = sessionIdParts(options);
    const earlier = options.callId === undefined ? undefined : this.#callSessions.get(options.callId);
    if (earlier !== undefined) return { sessionId: earlier, path: `history/${earlier}` };
    let seq = 0;
    for (const id of this.#sessions.keys()) {
      const m = SESSION_ID.exec(id);
      if (m && m[1] === date) seq = Math.max(seq, Number(m[2]));
    }
    const sessionId = `cs_${date}_${String(seq + 1).padStart(3, '0')}_${tag}`;
    const session = copy(options.build(sessionId));
    if (options.customer) {
      const { id, change } = options.customer;
      await this.update('customer', id, (current) => change(current, session));
    }
    this.#sessions.set(sessionId, { session, readme: options.readme(session) });
    if (options.callId !== undefined) {
      this.#callSessions.set(options.callId, sessionId);
      await this.journal.remove(options.callId);
    }
    return { sessionId, path: `history/${sessionId}` };
  }

  /** Writes a session under its own id (copying between stores); false when it exists. */
  async importSession(session: SessionRecord, readme: string): Promise<boolean> {
    if (!/^cs_\d{8}_\d{3,}_[A-Za-z0-9_-]+$/.test(session.session_id)) {
      throw new CsError('E_INVALID', `Session id "${session.session_id}" is not cs_<YYYYMMDD>_<seq>_<tag>.`);
    }
    if (this.#sessions.has(session.session_id)) return false;
    this.#sessions.set(session.session_id, { session: copy(session), readme });
    return true;
  }

  async readSessionReadme(sessionId: string): Promise<string | undefined> {
    return this.#sessions.get(sessionId)?.readme;
  }

  async getSession(sessionId: string): Promise<SessionRecord | undefined> {
    const found = this.#sessions.get(sessionId);
    return found ? copy(found.session) : undefined;
  }

  async listSessions(filter: SessionFilter = {}): Promise<SessionSummary[]> {
    const parsed = parseSessionFilter(filter);
    const phone = parsed.customer?.phone;
    const holder = phone !== undefined && isValidPhone(phone) ? this.#phoneOwner(phone)?._id : undefined;
    const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
    const rows = [...this.#sessions.values()]
      .map((s) => s.session)
      .filter((s) => dayMatches(SESSION_ID.exec(s.session_id)?.[1] ?? '', parsed))
      .filter((s) =>
        sessionMatches(
          {
            customer: s.customer,
            customer_id: text(s.customer_id),
            customer_phone: text(s.customer_phone),
            product: s.product,
            product_id: text(s.product_id),
            resolution_status: text(s.review?.resolution_status),
          },
          parsed,
          holder,
        ),
      )
      .sort((a, b) => compareSessionIds(a.session_id, b.session_id))
      .map((s) => ({
        session_id: s.session_id,
        timestamp: s.timestamp,
        product: s.product,
        customer: s.customer,
        operator: s.operator,
        ...(typeof s.review?.resolution_status === 'string'
          ? { resolution_status: s.review.resolution_status }
          : {}),
      }));
    return parsed.limit === undefined ? rows : rows.slice(-parsed.limit);
  }

  async isReferencedBySession(type: RecordType, record: StoredRecord): Promise<boolean> {
    for (const { session } of this.#sessions.values()) {
      if (session[`${type}_id`] === record._id || session[type] === record.name) return true;
    }
    return false;
  }

  // ---- live sessions

  async putLiveSession(live: LiveSessionRecord): Promise<void> {
    this.#live.set(live.live_id, copy(live));
  }

  async getLiveSession(liveId: string): Promise<LiveSessionRecord | undefined> {
    const found = this.#live.get(liveId);
    return found ? copy(found) : undefined;
  }

  async updateLiveSession(
    liveId: string,
    change: (current: LiveSessionRecord) => LiveSessionRecord,
  ): Promise<LiveSessionRecord> {
    return this.#serial(`live:${liveId}`, async () => {
      const current = this.#live.get(liveId);
      if (!current) throw new CsError('E_NOT_FOUND', `No live session ${liveId}; it ended or never started.`);
      const next = copy(change(copy(current)));
      if (next.live_id !== liveId) {
        throw new CsError(
          'E_INTERNAL',
          `A live session update changed its id from ${liveId} to ${next.live_id}.`,
        );
      }
      this.#live.set(liveId, next);
      return copy(next);
    });
  }

  async listLiveSessions(): Promise<LiveSessionRecord[]> {
    return [...this.#live.values()].sort((a, b) => (a.live_id < b.live_id ? -1 : 1)).map(copy);
  }

  async deleteLiveSession(liveId: string): Promise<void> {
    this.#live.delete(liveId);
  }

  // ---- grants

  putGrant(grant: Grant): Promise<void> {
    return this.#grants.putGrant(grant);
  }

  consumeGrant(consumption: GrantConsumption): Promise<Grant | undefined> {
    return this.#grants.consumeGrant(consumption);
  }

  listGrants(filter: GrantFilter): Promise<Grant[]> {
    return this.#grants.listGrants(filter);
  }

  async close(): Promise<void> {}
}

/** Day, then seq, then id. */
function compareSessionIds(a: string, b: string): number {
  const ma = SESSION_ID.exec(a);
  const mb = SESSION_ID.exec(b);
  if (ma && mb) {
    if (ma[1] !== mb[1]) return (ma[1] as string) < (mb[1] as string) ? -1 : 1;
    const d = Number(ma[2]) - Number(mb[2]);
    if (d !== 0) return d;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
