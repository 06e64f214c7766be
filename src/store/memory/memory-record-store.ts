import type { Clock } from '../../domain/clock.js';
import { ComposedRecordStore } from '../composed-record-store.js';
import { MemoryCallJournal } from './memory-call-journal.js';
import { MemoryGrantStore } from './memory-grant-store.js';
import { MemoryLiveSessions } from './memory-live-sessions.js';
import { MemoryMockState } from './memory-mock-state.js';
import { MemoryRecords } from './memory-records.js';
import { MemorySessionArchive } from './memory-session-archive.js';
import { MemoryTrash } from './memory-trash.js';
import { MemoryWorkflowStore } from './memory-workflow-store.js';

/**
 * A RecordStore in memory: the test double for code that needs a store (it passes the same
 * contract suite as the file and PostgreSQL stores, and writes records with the same
 * record-document.ts), and a way to time the agent without disk waits in benchmarks. Nothing
 * survives the process. Values are copied through JSON on every write and read, as they are on
 * disk or in a database.
 *
 * @example const store = new MemoryRecordStore(); await store.create('customer', fields);
 */
export class MemoryRecordStore extends ComposedRecordStore {
  constructor(options: { clock?: Clock } = {}) {
    const journal = new MemoryCallJournal();
    const records = new MemoryRecords(options.clock);
    super('memory', journal, {
      records,
      trash: new MemoryTrash(records),
      sessions: new MemorySessionArchive(records, journal),
      live: new MemoryLiveSessions(),
      mock: new MemoryMockState(),
      grants: new MemoryGrantStore(),
      workflow: new MemoryWorkflowStore(),
    });
  }

  async close(): Promise<void> {}
}
