import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Node socket errors and PostgreSQL states that mean "the server is not there right now". */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down, in recovery)
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);

const UNREACHABLE_TEXT =
  /Connection terminated|terminating connection|connection error|timeout exceeded when trying to connect|Client was closed|the database system is (?:starting up|shutting down|in recovery mode)/i;

/** True when an error says the server went away or is not reachable (not a bad statement). */
export function isUnreachable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const { code, message, cause } = e as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) return true;
    if (typeof message === 'string' && UNREACHABLE_TEXT.test(message)) return true;
    // AggregateError from a connect to several addresses (IPv4 and IPv6).
    const errors = (e as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.some((x) => isUnreachable(x))) return true;
    e = cause;
  }
  return false;
}

/**
 * Runs `work`, and again with back-off (100 ms doubling to 2 s) while it fails because the
 * server is unreachable, for at most `retryMs` in all; `onWait` hears each wait. Any other
 * failure, or the last one, is thrown.
 */
export async function retryWhileUnreachable<T>(
  work: () => Promise<T>,
  options: { retryMs: number; onWait: (waitedMs: number) => void; sleep?: (ms: number) => Promise<void> },
): Promise<T> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const waited = Date.now() - started;
      if (!isUnreachable(error) || waited >= options.retryMs) throw error;
      options.onWait(waited);
      await sleep(Math.min(100 * 2 ** attempt, 2000, Math.max(options.retryMs - waited, 0)));
    }
  }
}

/**
 * Where calls on a PostgreSQL database are journaled on this machine: `CS_JOURNAL_DIR`, else
 * `$XDG_STATE_HOME` (or ~/.local/state) `/customer-service/journal/<database>`. Local, so a call
 * keeps its journal while the database is down.
 */
export function defaultJournalDir(
  location: string,
  schema: string,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const base = env.XDG_STATE_HOME?.trim() || join(homedir(), '.local', 'state');
  const key = createHash('sha256').update(`${location}#${schema}`).digest('hex').slice(0, 16);
  return join(base, 'customer-service', 'journal', key);
}
