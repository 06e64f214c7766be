import type { CallJournal, CallJournalHeader, CallJournalWriter } from '../call-journal.js';

/** A call journal in memory, for the memory store: nothing survives the process. */
export class MemoryCallJournal implements CallJournal {
  readonly location = 'memory';
  readonly #calls = new Map<string, { header: CallJournalHeader; changes: unknown[] }>();

  async start(header: CallJournalHeader): Promise<CallJournalWriter> {
    const entry = { header: structuredClone(header), changes: [] as unknown[] };
    this.#calls.set(header.call_id, entry);
    return {
      append: (change) => {
        if (this.#calls.get(header.call_id) === entry) entry.changes.push(structuredClone(change));
      },
      flush: async () => undefined,
      close: async () => undefined,
    };
  }

  async list(): Promise<{ headers: CallJournalHeader[]; problems: string[] }> {
    return { headers: [...this.#calls.values()].map((c) => structuredClone(c.header)), problems: [] };
  }

  async read(callId: string): Promise<{ header: CallJournalHeader; changes: unknown[] } | undefined> {
    const found = this.#calls.get(callId);
    return found ? structuredClone(found) : undefined;
  }

  async remove(callId: string): Promise<void> {
    this.#calls.delete(callId);
  }
}
