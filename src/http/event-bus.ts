import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { z } from 'zod';

// What changed, told to every open page (`GET /api/events`) and every open chat, on this
// server and, over PostgreSQL LISTEN/NOTIFY, on every other server of the same database.

/** One change: what a page should fetch again. */
export const ChangeSchema = z.object({
  what: z.enum(['approvals', 'tickets', 'calls']),
  call_id: z.string().max(200).optional(),
});
export type Change = z.infer<typeof ChangeSchema>;

/** Where changes are published and heard. */
export interface EventBus {
  /** Tells every listener here and on the other servers. */
  publish(change: Change): Promise<void>;
  /** Hears every change; returns the way to stop. */
  subscribe(listener: (change: Change) => void): () => void;
  close(): Promise<void>;
}

/** Listeners of one process; a listener that throws does not stop the others. */
class Listeners {
  readonly #set = new Set<(change: Change) => void>();

  add(listener: (change: Change) => void): () => void {
    this.#set.add(listener);
    return () => this.#set.delete(listener);
  }

  tell(change: Change): void {
    for (const listener of this.#set) {
      try {
        listener(change);
      } catch {
        // A page that went away; the others still hear.
      }
    }
  }
}

/** The bus of a server alone (a folder database): changes stay in this process. */
export function createMemoryEventBus(): EventBus {
  const listeners = new Listeners();
  return {
    async publish(change) {
      listeners.tell(change);
    },
    subscribe: (listener) => listeners.add(listener),
    async close() {},
  };
}

/**
 * The wire form of changes between servers: who sent them, so a server skips its own echo. One
 * notice carries the changes published while the previous one was being sent.
 */
const NoticeSchema = z.object({ from: z.string(), changes: z.array(ChangeSchema) });

/** Changes in one notice at most: NOTIFY's payload is limited to 8,000 bytes. */
const NOTICE_CHANGES = 60;

/** What the PostgreSQL bus needs of a connection: `pg.Client`'s few methods. */
export type ListenClient = Pick<pg.Client, 'connect' | 'query' | 'on' | 'end'>;

/** Options of `createPgEventBus`. */
export interface PgEventBusOptions {
  /** Opens a new dedicated connection (not a pooled one: LISTEN belongs to its connection). */
  connect(): ListenClient;
  /** The schema of the store: one channel per schema, so two databases in one server never mix. */
  schema: string;
  /** Heard when the connection fails and is being opened again (the server logs it). */
  onError?(error: Error): void;
}

/**
 * The bus of servers sharing one PostgreSQL database: a change is delivered here at once and
 * sent with NOTIFY on the schema's channel; a dedicated connection LISTENs and delivers the
 * others' changes. A lost connection is opened again (1 s, doubling to 30 s); changes made
 * meanwhile are missed, so a page also refetches when its event stream reconnects.
 */
export async function createPgEventBus(options: PgEventBusOptions): Promise<EventBus> {
  const listeners = new Listeners();
  const me = randomBytes(8).toString('hex');
  // Channel names are identifiers: the schema is already one ([a-z_][a-z0-9_]*, parsePgUrl).
  const channel = `cs_changes_${options.schema}`.slice(0, 63);
  let client: ListenClient | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let delay = 1000;

  const open = async (): Promise<void> => {
    const next = options.connect();
    next.on('notification', (message: pg.Notification) => {
      if (message.channel !== channel || message.payload === undefined) return;
      const notice = parseNotice(message.payload);
      if (notice && notice.from !== me) for (const change of notice.changes) listeners.tell(change);
    });
    next.on('error', (error: Error) => lost(next, error));
    next.on('end', () => lost(next, new Error('connection ended')));
    await next.connect();
    await next.query(`LISTEN "${channel}"`);
    client = next;
    delay = 1000;
  };

  const lost = (which: ListenClient, error: Error): void => {
    if (closed || client !== which) return;
    client = undefined;
    options.onError?.(error);
    which.end().catch(() => undefined);
    schedule();
  };

  const schedule = (): void => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      open().catch((error: Error) => {
        options.onError?.(error);
        delay = Math.min(delay * 2, 30_000);
        schedule();
      });
    }, delay);
    retry.unref();
  };

  // Changes waiting for the notice in flight: under load, one NOTIFY carries many turns'.
  let waiting: Array<{ change: Change; sent: () => void }> = [];
  let sending = false;
  const send = async (): Promise<void> => {
    sending = true;
    while (waiting.length > 0) {
      const batch = waiting.slice(0, NOTICE_CHANGES);
      waiting = waiting.slice(batch.length);
      const unique = [...new Map(batch.map(({ change }) => [JSON.stringify(change), change])).values()];
      const payload = JSON.stringify({ from: me, changes: unique });
      // Sent on the listening connection: it is the one connection this bus holds. Not sent
      // while it is being reopened; the other servers' pages refetch when they reconnect.
      await client?.query('SELECT pg_notify($1, $2)', [channel, payload]).catch(() => undefined);
      for (const { sent } of batch) sent();
    }
    sending = false;
  };
  await open();
  return {
    publish(change) {
      listeners.tell(change);
      return new Promise<void>((sent) => {
        waiting.push({ change, sent });
        if (!sending) void send();
      });
    },
    subscribe: (listener) => listeners.add(listener),
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const last = client;
      client = undefined;
      await last?.end().catch(() => undefined);
    },
  };
}

function parseNotice(payload: string): z.infer<typeof NoticeSchema> | undefined {
  try {
    const parsed = NoticeSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
