import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { CsError, describeIssues } from '../../domain/cs-error.js';
import {
  applyLiveRecordAppend,
  type LiveRecordAppend,
  type LiveSessionRecord,
  type LiveSessionStore,
} from '../live-session-store.js';
import { corruptFile } from './fs-corrupt.js';
import { ignoreMissing, readJson, SAFE_SEGMENT } from './fs-files.js';
import type { FsStoreContext } from './fs-store-context.js';
import { formatJson, writeAtomic } from './write-atomic.js';

/** Calls in progress on files: `<db>/live/<live_id>.json`, each changed under its own lock. */
export class FsLiveSessions implements LiveSessionStore {
  readonly #ctx: FsStoreContext;

  constructor(ctx: FsStoreContext) {
    this.#ctx = ctx;
  }

  async putLiveSession(live: LiveSessionRecord): Promise<void> {
    const path = this.#path(live.live_id);
    await this.#ctx.locks.with(liveLock(live.live_id), async () => {
      await mkdir(this.#ctx.path('live'), { recursive: true });
      await writeAtomic(path, formatJson(live));
    });
  }

  async getLiveSession(liveId: string): Promise<LiveSessionRecord | undefined> {
    if (!SAFE_SEGMENT.test(liveId)) return undefined;
    return this.#read(this.#path(liveId));
  }

  async updateLiveSession(
    liveId: string,
    change: (current: LiveSessionRecord) => LiveSessionRecord,
  ): Promise<LiveSessionRecord> {
    const path = this.#path(liveId);
    return this.#ctx.locks.with(liveLock(liveId), async () => {
      const current = await this.#read(path);
      if (!current) throw new CsError('E_NOT_FOUND', `No live session ${liveId}; it ended or never started.`);
      const next = change(current);
      if (next.live_id !== liveId) {
        throw new CsError(
          'E_INTERNAL',
          `A live session update changed its id from ${liveId} to ${next.live_id}.`,
        );
      }
      await writeAtomic(path, formatJson(next));
      return next;
    });
  }

  async appendToLiveRecord(liveId: string, change: LiveRecordAppend): Promise<void> {
    await this.updateLiveSession(liveId, (current) => applyLiveRecordAppend(current, change));
  }

  async listLiveSessions(): Promise<LiveSessionRecord[]> {
    const dir = this.#ctx.path('live');
    const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.json')).sort();
    const out: LiveSessionRecord[] = [];
    for (const file of files) {
      const live = await this.#read(join(dir, file));
      if (live) out.push(live);
    }
    return out;
  }

  async deleteLiveSession(liveId: string): Promise<void> {
    const path = this.#path(liveId);
    await this.#ctx.locks.with(liveLock(liveId), () => unlink(path).catch(ignoreMissing));
  }

  #path(liveId: string): string {
    if (!SAFE_SEGMENT.test(liveId)) {
      throw new CsError(
        'E_INVALID',
        `Live session id "${liveId}" may hold letters, digits, "-", "_" and "." only.`,
      );
    }
    return this.#ctx.path('live', `${liveId}.json`);
  }

  async #read(path: string): Promise<LiveSessionRecord | undefined> {
    const raw = await readJson(path);
    if (raw === undefined) return undefined;
    const { LiveSessionSchema } = await import('./fs-file-schemas.js');
    const parsed = LiveSessionSchema.safeParse(raw);
    if (!parsed.success) throw corruptFile(path, describeIssues(parsed.error.issues));
    return raw as LiveSessionRecord;
  }
}

function liveLock(liveId: string): string {
  return `live-${liveId}`;
}
