import type { CallJournal } from '../call-journal.js';
import type { PgClient } from './pg-client.js';
import { PgGrantStore } from './pg-grant-store.js';
import { PgLiveSessions } from './pg-live-sessions.js';
import { PgMockState } from './pg-mock-state.js';
import { PgRecords } from './pg-records.js';
import { PgSessionArchive } from './pg-session-archive.js';
import { PgTrash } from './pg-trash.js';

/** The parts of the PostgreSQL store that check their rows with zod, built together. */
export function buildPgParts(db: PgClient, journal: CallJournal) {
  const records = new PgRecords(db);
  return {
    records,
    trash: new PgTrash(db, records),
    sessions: new PgSessionArchive(db, records, journal),
    live: new PgLiveSessions(db),
    mock: new PgMockState(db),
    grants: new PgGrantStore((sql, params) => db.query(sql, params)),
  };
}

export type PgParts = ReturnType<typeof buildPgParts>;
