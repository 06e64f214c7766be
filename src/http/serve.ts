import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { expireOverdue } from '../approvals/decide-approval.js';
import { type Clock, systemClock } from '../domain/clock.js';
import { CsError } from '../domain/cs-error.js';
import type { RecordStore } from '../store/record-store.js';
import { createApp } from './create-app.js';
import { createMemoryEventBus, createPgEventBus, type EventBus } from './event-bus.js';

/** What `startServer` is given. */
export interface ServeOptions {
  store: RecordStore;
  env: NodeJS.ProcessEnv;
  /** 0 picks a free port (tests). */
  port: number;
  /** 127.0.0.1 unless the operator says otherwise (`--host`). */
  host: string;
  clock?: Clock;
  /** The built pages (dist/web). */
  webRoot?: string;
  /** The store's postgres:// URL: servers on one database share live events (LISTEN/NOTIFY). */
  postgresUrl?: string;
  /** Hears what the operator should know (a lost event connection, unexpected errors). */
  log(line: string): void;
  version?: string;
}

/** A running server. */
export interface RunningServer {
  /** `http://127.0.0.1:8080` */
  url: string;
  close(): Promise<void>;
}

/** How often requests a day past due are expired (and pages told). */
const EXPIRY_MS = 60_000;

/**
 * Starts `cs serve`: the app on a port, its event bus (PostgreSQL LISTEN/NOTIFY when the store
 * is PostgreSQL, else in-process), and the minute timer that expires overdue approval requests.
 * `close` ends the event streams, the connections and the timer.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const { store, env, log } = options;
  const bus = await openBus(options);
  const closing = new AbortController();
  const app = createApp({
    store,
    env,
    bus,
    signal: closing.signal,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.webRoot ? { webRoot: options.webRoot } : {}),
    ...(options.version ? { version: options.version } : {}),
    log: (error) =>
      log(
        `cs serve: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      ),
  });
  const server = createAdaptorServer({ fetch: app.fetch, hostname: options.host }) as Server;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await bus.close();
    const code = (error as NodeJS.ErrnoException).code;
    throw new CsError(
      code === 'EADDRINUSE' || code === 'EACCES' ? 'E_CONFIG' : 'E_INTERNAL',
      `Cannot listen on ${options.host}:${options.port}: ${code === 'EADDRINUSE' ? 'the port is in use; pick another with --port' : (error as Error).message}.`,
      { cause: error },
    );
  }
  const expire = async () => {
    try {
      const expired = await expireOverdue({ store, env, clock: options.clock ?? systemClock });
      if (expired > 0) await bus.publish({ what: 'approvals' });
    } catch (error) {
      log(`cs serve: could not expire overdue approval requests: ${(error as Error).message}`);
    }
  };
  void expire();
  const timer = setInterval(expire, EXPIRY_MS);
  timer.unref();
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    async close() {
      clearInterval(timer);
      closing.abort();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Event streams and kept-alive connections would hold the server open.
        server.closeAllConnections();
      });
      await bus.close();
    },
  };
}

/** PostgreSQL's bus for a postgres store (its own connection for LISTEN), else this process's. */
async function openBus(options: ServeOptions): Promise<EventBus> {
  if (!options.postgresUrl) return createMemoryEventBus();
  const [{ default: pg }, { parsePgUrl }] = await Promise.all([
    import('pg'),
    import('../store/postgres/parse-pg-url.js'),
  ]);
  const target = parsePgUrl(options.postgresUrl);
  return createPgEventBus({
    schema: target.schema,
    connect: () => new pg.Client({ connectionString: target.connectionString }),
    onError: (error) =>
      options.log(`cs serve: live events from other servers paused (${error.message}); reconnecting`),
  });
}
