/** A call in progress, driven one command at a time (CLI sessions, MCP). Opaque to the store. */
export interface LiveSessionRecord {
  live_id: string;
  updated_at: string;
  [key: string]: unknown;
}

/** Calls in progress between commands (`cs session start|turn|end`, MCP), by live id. */
export interface LiveSessionStore {
  putLiveSession(live: LiveSessionRecord): Promise<void>;
  getLiveSession(liveId: string): Promise<LiveSessionRecord | undefined>;
  /** Read-modify-write of a live session under a lock. */
  updateLiveSession(
    liveId: string,
    change: (current: LiveSessionRecord) => LiveSessionRecord,
  ): Promise<LiveSessionRecord>;
  /** By live id. */
  listLiveSessions(): Promise<LiveSessionRecord[]>;
  deleteLiveSession(liveId: string): Promise<void>;
}
