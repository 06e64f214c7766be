import { CsError } from '../../domain/cs-error.js';
import { isValidPhone } from '../../domain/phone.js';
import type { RecordType, StoredRecord } from '../../domain/record-schemas.js';
import type { SessionRecord } from '../../domain/session-schemas.js';
import type { CallJournal } from '../call-journal.js';
import type { SessionImporter, SessionReadmeSource } from '../migrate-store.js';
import type {
  SavedSession,
  SaveSessionOptions,
  SessionDocuments,
  SessionFilter,
  SessionSummary,
} from '../session-archive.js';
import { dayMatches, parseSessionFilter, sessionMatches } from '../session-filter.js';
import { sessionIdParts } from '../session-id-parts.js';
import type { MemoryRecords } from './memory-records.js';
import { copy } from './serial-queue.js';

const SESSION_ID = /^cs_(\d{8})_(\d+)_/;

/** The memory store's saved sessions, with their READMEs, filtered as the other stores filter. */
export class MemorySessionArchive implements SessionDocuments, SessionImporter, SessionReadmeSource {
  readonly #records: MemoryRecords;
  readonly #journal: CallJournal;
  readonly #sessions = new Map<string, { session: SessionRecord; readme: string }>();
  /** Session id of each call saved with a call id: a second save of the call finds it. */
  readonly #callSessions = new Map<string, string>();

  constructor(records: MemoryRecords, journal: CallJournal) {
    this.#records = records;
    this.#journal = journal;
  }

  async saveSession(options: SaveSessionOptions<StoredRecord>): Promise<SavedSession> {
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
      await this.#records.update('customer', id, (current) => change(current, session));
    }
    this.#sessions.set(sessionId, { session, readme: options.readme(session) });
    if (options.callId !== undefined) {
      this.#callSessions.set(options.callId, sessionId);
      await this.#journal.remove(options.callId);
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
    const holder =
      phone !== undefined && isValidPhone(phone) ? this.#records.phoneOwner(phone)?._id : undefined;
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
