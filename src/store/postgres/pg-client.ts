import type pg from 'pg';
import type { PoolClient } from 'pg';
import { type Clock, localIsoTimestamp } from '../../domain/clock.js';
import { CsError } from '../../domain/cs-error.js';
import { isUnreachable, retryWhileUnreachable } from './retry-while-unreachable.js';

const UNIQUE_VIOLATION = '23505';

/**
 * The connection pool every part of the PostgreSQL store shares: statements and transactions
 * retried while the server is unreachable (listeners hear each wait), driver failures turned
 * into one readable CsError, and the store's clock.
 */
export class PgClient {
  readonly #pool: pg.Pool;
  readonly #clock: Clock;
  readonly #retryMs: number;
  readonly #waitListeners = new Set<(waitedMs: number) => void>();
  readonly location: string;

  constructor(pool: pg.Pool, location: string, clock: Clock, retryMs: number) {
    this.#pool = pool;
    this.location = location;
    this.#clock = clock;
    this.#retryMs = retryMs;
  }

  /** The time now as the legacy files write it. */
  now(): string {
    return localIsoTimestamp(this.#clock.now());
  }

  onStoreWait(listener: (waitedMs: number) => void): () => void {
    this.#waitListeners.add(listener);
    return () => this.#waitListeners.delete(listener);
  }

  /**
   * One statement on any pooled connection; driver failures become one readable CsError.
   * `prepareAs` names a statement run many times a second (a chat turn's): each connection then
   * prepares it once and PostgreSQL plans it once, not on every run. A name stands for one text.
   */
  async query<R extends pg.QueryResultRow>(
    sql: string,
    params: unknown[] = [],
    options: { prepareAs?: string } = {},
  ): Promise<R[]> {
    const statement = {
      text: sql,
      values: params,
      ...(options.prepareAs ? { name: options.prepareAs } : {}),
    };
    try {
      return await this.#retrying(async () => (await this.#pool.query<R>(statement)).rows);
    } catch (error) {
      throw this.#wrap(error);
    }
  }

  /** Runs `work` in a transaction on one connection; rolls back on any error. */
  async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    try {
      return await this.#retrying(() => this.#transactionOnce(work));
    } catch (error) {
      throw this.#wrap(error);
    }
  }

  async close(): Promise<void> {
    if (this.#pool.ended) return;
    await this.#pool.end();
  }

  /** Runs `work` again while the server is unreachable, for up to `retryMs`, telling listeners. */
  #retrying<T>(work: () => Promise<T>): Promise<T> {
    return retryWhileUnreachable(work, {
      retryMs: this.#retryMs,
      onWait: (waited) => {
        for (const l of this.#waitListeners) l(waited);
      },
    });
  }

  async #transactionOnce<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      broken = isUnreachable(error);
      if (!broken) await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      // A connection that lost its server goes, so the retry gets a fresh one.
      client.release(broken);
    }
  }

  #wrap(error: unknown): CsError {
    if (CsError.isInstance(error)) return error;
    return new CsError('E_UPSTREAM', `PostgreSQL at ${this.location} failed: ${messageOf(error)}.`, {
      cause: error,
    });
  }
}

/** The constraint a unique violation broke (the driver's error, or one a CsError wraps). */
export function uniqueViolation(error: unknown): string | undefined {
  const cause = CsError.isInstance(error) ? error.cause : error;
  if (typeof cause !== 'object' || cause === null) return undefined;
  const e = cause as { code?: unknown; constraint?: unknown };
  return e.code === UNIQUE_VIOLATION && typeof e.constraint === 'string' ? e.constraint : undefined;
}

/** A driver error's message on one line, without its final period. */
export function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').replace(/\.$/, '');
}
