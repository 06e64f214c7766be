import type { IndexedSession } from './fs-session-index.js';

/**
 * A line of a session index day file as a listing takes it: a JSON object with a session id
 * (the listing checks the rest against session.json); undefined for a torn or foreign line. The
 * customer index reads the same lines, so its keys cover exactly what a listing can show.
 */
export function parseIndexLine(raw: string): IndexedSession | undefined {
  try {
    const line = JSON.parse(raw) as IndexedSession;
    return typeof line?.session_id === 'string' ? line : undefined;
  } catch {
    return undefined;
  }
}
