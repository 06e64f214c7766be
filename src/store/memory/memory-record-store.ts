import { randomBytes } from 'node:crypto';
import { type Clock, localIsoTimestamp, systemClock } from '../../domain/clock.js';
import { CsError } from '../../domain/cs-error.js';
import type { Grant } from '../../domain/grant-schema.js';
import { normalizePhone } from '../../domain/phone.js';
import type { StoredRecord } from '../../domain/record-schemas.js';
import type { RecordType } from '../../domain/record-types.js';
import type { SessionRecord } from '../../domain/session-schemas.js';
import type { CallJournal } from '../call-journal.js';
import type { GrantConsumption, GrantFilter } from '../grant-store.js';
import type {
  CustomerChangeForSession,
  LiveSessionRecord,
  RecordStore,
  RecordSummary,
  SessionFilter,
  SessionSummary,
  TrashEntry,
} from '../record-store.js';
import { normalizeSessionDate, sessionIdParts } from '../session-id-parts.js';
import { MemoryCallJournal } from './memory-call-journal.js';
import { MemoryGrantStore } from './memory-grant-store.js';

/** Values are copied through JSON on every write and read, as they are on disk or in a database. */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const hex8 = () => randomBytes(4).toString('hex');
const byNameThenId = (a: { name: string; id: string }, b: { name: string; id: string }) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * A RecordStore in memory: the test double for code that needs a store (it passes the same
 * contract suite as the file and PostgreSQL stores), and a way to time the agent without disk
 * waits in benchmarks. Nothing survives the process.
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
  readonly #mock = new Map<string, { productId: string; phone: string; state: Record<string, unknown> }>();
  readonly #sessions = new Map<string, { session: SessionRecord; readme: string }>();
  readonly #live = new Map<string, LiveSessionRecord>();
  readonly #clock: Clock;

  constructor(options: { clock?: Clock } = {}) {
    this.#clock = options.clock ?? systemClock;
  }

  readonly #queues = new Map<string, Promise<unknown>>();

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

  #phoneOwner(phone: string, except?: string): StoredRecord | undefined {
    for (const r of this.#records.customer.values()) if (r.phone === phone && r._id !== except) return r;
    return undefined;
  }

  #checkPhone(type: RecordType, record: Record<string, unknown>, except?: string): void {
    if (type !== 'customer' || typeof record.phone !== 'string') return;
    const owner = this.#phoneOwner(record.phone, except);
    if (owner) {
      throw new CsError(
        'E_CONFLICT',
        `Phone ${record.phone} already belongs to customer "${owner.name}" (${owner._id}).`,
      );
    }
  }

  async create(
    type: RecordType,
    fields: Record<string, unknown>,
    options: { id?: string } = {},
  ): Promise<StoredRecord> {
    if (typeof fields.name !== 'string' || fields.name.trim() === '') {
      throw new CsError('E_INVALID', `A ${type} needs a name.`);
    }
    const id = options.id ?? hex8();
    if (this.#records[type].has(id))
      throw new CsError('E_CONFLICT', `A ${type} with id ${id} already exists.`);
    const record: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(fields)) {
      if (k === '_id' || k === '_type') continue;
      if ((k === '_created' || k === '_updated') && typeof v !== 'string') continue;
      record[k] = v;
    }
    if (type === 'customer' && typeof record.phone === 'string') record.phone = normalizePhone(record.phone);
    const stored = copy({
      ...record,
      _id: id,
      _type: type,
      _created: record._created ?? this.#now(),
    }) as StoredRecord;
    if (typeof record._updated === 'string') stored._updated = record._updated;
    this.#checkPhone(type, stored);
    this.#records[type].set(id, stored);
    return copy(stored);
  }

  async get(type: RecordType, id: string): Promise<StoredRecord | undefined> {
    const found = this.#records[type].get(id);
    return found ? copy(found) : undefined;
  }

  async findByName(type: RecordType, name: string): Promise<StoredRecord[]> {
    return [...this.#records[type].values()].filter((r) => r.name === name).map(copy);
  }

  async findCustomerByPhone(phone: string): Promise<StoredRecord | undefined> {
    const found = this.#phoneOwner(normalizePhone(phone));
    return found ? copy(found) : undefined;
  }

  async summaries(type: RecordType): Promise<RecordSummary[]> {
    return [...this.#records[type].values()]
      .map((r) => ({
        id: r._id,
        type,
        name: r.name,
        ...(type === 'customer' && typeof r.phone === 'string' ? { phone: r.phone } : {}),
      }))
      .sort(byNameThenId);
  }

  async list(type: RecordType): Promise<StoredRecord[]> {
    return [...this.#records[type].values()]
      .sort((a, b) => byNameThenId({ name: a.name, id: a._id }, { name: b.name, id: b._id }))
      .map(copy);
  }

  async update(
    type: RecordType,
    id: string,
    change: (current: StoredRecord) => Record<string, unknown> | Promise<Record<string, unknown>>,
  ): Promise<StoredRecord> {
    return this.#serial(`${type}:${id}`, async () => {
      const current = this.#records[type].get(id);
      if (!current) throw new CsError('E_NOT_FOUND', `No ${type} with id ${id}.`);
      const fields = await change(copy(current));
      const latest = current;
      const next: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(fields))
        if (!k.startsWith('_') || k === '_cold_start' || k === '_phone_unknown') next[k] = v;
      for (const [k, v] of Object.entries(latest)) if (k.startsWith('_') && !(k in next)) next[k] = v;
      if (type === 'customer' && typeof next.phone === 'string') next.phone = normalizePhone(next.phone);
      const stored = copy({
        ...next,
        _id: id,
        _type: type,
        _created: latest._created,
        _updated: this.#now(),
      }) as StoredRecord;
      this.#checkPhone(type, stored, id);
      this.#records[type].set(id, stored);
      return copy(stored);
    });
  }

  async delete(type: RecordType, id: string): Promise<TrashEntry> {
    const record = this.#records[type].get(id);
    if (!record) throw new CsError('E_NOT_FOUND', `No ${type} with id ${id}.`);
    const entry: TrashEntry = {
      trash_id: `${type}-${id}-${hex8()}`,
      type,
      id,
      name: record.name,
      deleted_at: this.#now(),
    };
    this.#records[type].delete(id);
    this.#trash.set(entry.trash_id, { entry, record });
    return { ...entry };
  }

  async listTrash(): Promise<TrashEntry[]> {
    return [...this.#trash.values()].map((t) => ({ ...t.entry }));
  }

  async restore(trashId: string): Promise<StoredRecord> {
    const item = this.#trash.get(trashId);
    if (!item)
      throw new CsError('E_NOT_FOUND', `Nothing in the trash with id ${trashId}; see \`cs restore\`.`);
    const { type, id } = item.entry;
    if (this.#records[type].has(id)) throw new CsError('E_CONFLICT', `A ${type} with id ${id} exists again.`);
    this.#checkPhone(type, item.record);
    this.#records[type].set(id, item.record);
    this.#trash.delete(trashId);
    return copy(item.record);
  }

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

  async listMockStates(productId?: string) {
    return [...this.#mock.values()]
      .filter((e) => productId === undefined || e.productId === productId)
      .map(copy);
  }

  async saveSession(options: {
    date: string;
    tag: string;
    build: (sessionId: string) => SessionRecord;
    readme: (session: SessionRecord) => string;
    callId?: string;
    customer?: CustomerChangeForSession;
  }): Promise<{ sessionId: string; path: string; customerPending?: boolean }> {
    const { date, tag } = sessionIdParts(options);
    const earlier = options.callId === undefined ? undefined : this.#callSessions.get(options.callId);
    if (earlier !== undefined) return { sessionId: earlier, path: `history/${earlier}` };
    let seq = 0;
    for (const id of this.#sessions.keys()) {
      const m = /^cs_(\d{8})_(\d+)_/.exec(id);
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
      throw new CsError('E_INVALID', `"${session.session_id}" is not a session id cs_YYYYMMDD_seq_tag.`);
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
    const date = filter.date === undefined ? undefined : normalizeSessionDate(filter.date);
    if (filter.date !== undefined && !date) {
      throw new CsError('E_INVALID', `Date "${filter.date}" must be YYYYMMDD or YYYY-MM-DD.`);
    }
    return [...this.#sessions.values()]
      .map((s) => s.session)
      .filter((s) => date === undefined || s.session_id.startsWith(`cs_${date}_`))
      .filter(
        (s) =>
          filter.customer === undefined ||
          s.customer === filter.customer ||
          s.customer_id === filter.customer,
      )
      .sort((a, b) => (a.session_id < b.session_id ? -1 : 1))
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
  }

  async isReferencedBySession(type: RecordType, record: StoredRecord): Promise<boolean> {
    for (const { session } of this.#sessions.values()) {
      if (session[`${type}_id`] === record._id) return true;
      if (session[`${type}_id`] === undefined && session[type] === record.name) return true;
    }
    return false;
  }

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
    const current = this.#live.get(liveId);
    if (!current) throw new CsError('E_NOT_FOUND', `No live session ${liveId}.`);
    const next = copy(change(copy(current)));
    this.#live.set(liveId, next);
    return copy(next);
  }

  async listLiveSessions(): Promise<LiveSessionRecord[]> {
    return [...this.#live.values()].sort((a, b) => (a.live_id < b.live_id ? -1 : 1)).map(copy);
  }

  async deleteLiveSession(liveId: string): Promise<void> {
    this.#live.delete(liveId);
  }

  readonly #grants = new MemoryGrantStore();

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
