import { CsError } from '../../domain/cs-error.js';
import {
  applyLiveRecordAppend,
  type LiveRecordAppend,
  type LiveSessionRecord,
  type LiveSessionStore,
} from '../live-session-store.js';
import { copy, SerialQueue } from './serial-queue.js';

/** The memory store's calls in progress. */
export class MemoryLiveSessions implements LiveSessionStore {
  readonly #live = new Map<string, LiveSessionRecord>();
  readonly #queue = new SerialQueue();

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
    return this.#queue.run(`live:${liveId}`, async () => {
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

  async appendToLiveRecord(liveId: string, change: LiveRecordAppend): Promise<void> {
    await this.updateLiveSession(liveId, (current) => applyLiveRecordAppend(current, change));
  }

  async listLiveSessions(): Promise<LiveSessionRecord[]> {
    return [...this.#live.values()].sort((a, b) => (a.live_id < b.live_id ? -1 : 1)).map(copy);
  }

  async deleteLiveSession(liveId: string): Promise<void> {
    this.#live.delete(liveId);
  }
}
