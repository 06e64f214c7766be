import type { PoolClient } from 'pg';
import { CsError } from '../../domain/cs-error.js';
import { normalizePhone } from '../../domain/phone.js';
import type { RecordType, StoredRecord } from '../../domain/record-schemas.js';
import type { SessionRecord } from '../../domain/session-schemas.js';
import type { CallJournal } from '../call-journal.js';
import type {
  SavedSession,
  SaveSessionOptions,
  SessionDocuments,
  SessionFilter,
  SessionSummary,
} from '../session-archive.js';
import { parseSessionFilter } from '../session-filter.js';
import { sessionIdParts } from '../session-id-parts.js';
import type { PgClient } from './pg-client.js';
import type { PgRecords } from './pg-records.js';
import { sessionRow } from './pg-row-schemas.js';

const SESSION_ID = /^cs_(\d{8})_(\d+)_([A-Za-z0-9_-]+)$/;

/** Session columns that name each record type: [id column, name column]. */
const SESSION_REFERENCE = {
  product: ['product_id', 'product'],
  customer: ['customer_id', 'customer'],
  operator: ['operator_id', 'operator'],
} as const;

/**
 * The saved call history in PostgreSQL (table `sessions`, the day's counter in `session_seq`).
 * Saving a call is one transaction with its customer's update; listings filter in SQL.
 */
export class PgSessionArchive implements SessionDocuments {
  readonly #db: PgClient;
  readonly #records: PgRecords;
  readonly #journal: CallJournal;

  constructor(db: PgClient, records: PgRecords, journal: CallJournal) {
    this.#db = db;
    this.#records = records;
    this.#journal = journal;
  }

  async saveSession(options: SaveSessionOptions<StoredRecord>): Promise<SavedSession> {
    const { date: day, tag } = sessionIdParts(options);
    const callId = options.callId ?? null;
    // Session, customer and the call's save marker commit together; a second save of the same
    // call (a recovery after the commit's answer was lost) finds the first and changes nothing.
    const sessionId = await this.#db.transaction(async (client) => {
      if (callId !== null) {
        const { rows } = await client.query<{ session_id: string }>(
          'SELECT session_id FROM sessions WHERE call_id = $1',
          [callId],
        );
        if (rows[0]) return rows[0].session_id;
      }
      // The upsert locks the day's counter row until commit: savers on every machine queue here,
      // and a failed save rolls its number back, so the day's numbers stay unique and gap-free.
      for (;;) {
        const { rows } = await client.query<{ last: number }>(
          `INSERT INTO session_seq (day, last) VALUES ($1, 1)
           ON CONFLICT (day) DO UPDATE SET last = session_seq.last + 1 RETURNING last`,
          [day],
        );
        const seq = rows[0]!.last;
        const id = `cs_${day}_${String(seq).padStart(3, '0')}_${tag}`;
        const session = sessionRow(options.build(id));
        if (session.session_id !== id) {
          throw new CsError('E_INTERNAL', `The session built for ${id} names itself ${session.session_id}.`);
        }
        // DO NOTHING covers an id taken by a session imported without bumping the counter.
        if (!(await insertSession(client, session, day, seq, options.readme(session), callId))) continue;
        if (options.customer) {
          const { id: customerId, change } = options.customer;
          await this.#records.updateIn(client, 'customer', customerId, (c) => change(c, session));
        }
        return id;
      }
    });
    if (callId !== null) await this.#journal.remove(callId);
    return { sessionId, path: `history/${sessionId}` };
  }

  /** Writes a session under its own id (copying between stores); false when it exists. */
  async importSession(session: SessionRecord, readme: string): Promise<boolean> {
    const record = sessionRow(session);
    const match = SESSION_ID.exec(record.session_id);
    if (!match) {
      throw new CsError('E_INVALID', `Session id "${record.session_id}" is not cs_<YYYYMMDD>_<seq>_<tag>.`);
    }
    const day = match[1]!;
    const seq = Number(match[2]);
    return this.#db.transaction(async (client) => {
      if (!(await insertSession(client, record, day, seq, readme))) return false;
      // Later saves that day number after the imported one.
      await client.query(
        `INSERT INTO session_seq (day, last) VALUES ($1, $2)
         ON CONFLICT (day) DO UPDATE SET last = GREATEST(session_seq.last, EXCLUDED.last)`,
        [day, seq],
      );
      return true;
    });
  }

  async getSession(sessionId: string): Promise<SessionRecord | undefined> {
    const rows = await this.#db.query<{ data: unknown }>('SELECT data FROM sessions WHERE session_id = $1', [
      sessionId,
    ]);
    return rows[0] ? sessionRow(rows[0].data) : undefined;
  }

  /** The README.md saved with a session, as written. */
  async readSessionReadme(sessionId: string): Promise<string | undefined> {
    const rows = await this.#db.query<{ readme: string }>(
      'SELECT readme FROM sessions WHERE session_id = $1',
      [sessionId],
    );
    return rows[0]?.readme;
  }

  /** One query: the filters in SQL, newest first up to the limit, returned oldest first. */
  async listSessions(filter: SessionFilter = {}): Promise<SessionSummary[]> {
    const f = parseSessionFilter(filter);
    const c = f.customer;
    const p = f.product;
    const rows = await this.#db.query<{
      session_id: string;
      timestamp: string;
      product: string;
      customer: string;
      operator: string;
      resolution_status: string | null;
    }>(
      `SELECT session_id, "timestamp", product, customer, operator, resolution_status FROM sessions
        WHERE ($1::text IS NULL OR day >= $1) AND ($2::text IS NULL OR day <= $2)
          AND ($3::text IS NULL
               OR strpos(lower(customer), $3) > 0 OR customer_id = $4
               OR ($5::text IS NOT NULL AND strpos(customer_phone, $5) > 0)
               OR ($5::text IS NOT NULL AND length($5) >= 5 AND customer_id IN
                     (SELECT id FROM records WHERE type = 'customer' AND phone = $5)))
          AND ($6::text IS NULL OR strpos(lower(product), $6) > 0 OR product_id = $7)
          AND ($8::text IS NULL OR resolution_status = $8)
        ORDER BY day DESC, seq DESC, session_id DESC
        LIMIT $9`,
      [
        f.from ?? null,
        f.to ?? null,
        c?.lower ?? null,
        c?.raw ?? null,
        c?.phone ?? null,
        p?.lower ?? null,
        p?.raw ?? null,
        f.status ?? null,
        f.limit ?? null,
      ],
    );
    return rows
      .reverse()
      .map(({ resolution_status, ...rest }) =>
        resolution_status === null ? rest : { ...rest, resolution_status },
      );
  }

  async isReferencedBySession(type: RecordType, record: StoredRecord): Promise<boolean> {
    const [idColumn, nameColumn] = SESSION_REFERENCE[type];
    // By id (sessions this system saves) or by name (legacy sessions name records only by name).
    const rows = await this.#db.query(
      `SELECT 1 FROM sessions WHERE ${idColumn} = $1 OR ${nameColumn} = $2 LIMIT 1`,
      [record._id, record.name],
    );
    return rows.length > 0;
  }
}

/** Inserts a saved session; false when its id is taken. */
async function insertSession(
  client: PoolClient,
  session: SessionRecord,
  day: string,
  seq: number,
  readme: string,
  callId: string | null = null,
): Promise<boolean> {
  const phone = typeof session.customer_phone === 'string' ? normalizePhone(session.customer_phone) : '';
  const { rowCount } = await client.query(
    `INSERT INTO sessions (session_id, day, seq, "timestamp", product, customer, operator, product_id,
       customer_id, operator_id, resolution_status, data, readme, call_id, customer_phone)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
     ON CONFLICT (session_id) DO NOTHING`,
    [
      session.session_id,
      day,
      seq,
      session.timestamp,
      session.product,
      session.customer,
      session.operator,
      session.product_id ?? null,
      session.customer_id ?? null,
      session.operator_id ?? null,
      typeof session.review?.resolution_status === 'string' ? session.review.resolution_status : null,
      JSON.stringify(session),
      readme,
      callId,
      phone === '' ? null : phone,
    ],
  );
  return rowCount === 1;
}
