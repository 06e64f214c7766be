import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { errorResponse } from './error-response.js';

/** Sends one server-sent event: its name and its data as JSON. */
export type SendEvent = (event: string, data: unknown) => Promise<void>;

/** A comment line every so often keeps proxies and browsers from closing a quiet stream. */
const HEARTBEAT_MS = 25_000;

/**
 * Answers with a stream of server-sent events that stays open until the client goes or `signal`
 * aborts (the server closing). `open` subscribes and returns how to unsubscribe; then a `ready`
 * event says the stream hears everything from now on, so a client (or a test) that acts after
 * it never misses a change. A failure is sent as an `error` event with the API's error body.
 *
 * @example return eventStream(c, { signal, open: (send) => bus.subscribe((change) => void send('change', change)) })
 */
export function eventStream(
  c: Context,
  options: {
    signal: AbortSignal;
    open(send: SendEvent): Promise<() => void> | (() => void);
    log?: ((error: unknown) => void) | undefined;
  },
): Response {
  return streamSSE(c, async (stream) => {
    // Events are written one after another: a slow client holds back only its own stream.
    let queue = Promise.resolve();
    const send: SendEvent = (event, data) => {
      queue = queue.then(() =>
        stream.closed || stream.aborted ? undefined : stream.writeSSE({ event, data: JSON.stringify(data) }),
      );
      return queue;
    };
    let close: (() => void) | undefined;
    const heartbeat = setInterval(() => {
      queue = queue.then(() => stream.write(': ping\n\n').then(() => undefined));
    }, HEARTBEAT_MS);
    try {
      const ended = new Promise<void>((resolve) => {
        stream.onAbort(resolve);
        if (options.signal.aborted) resolve();
        options.signal.addEventListener('abort', () => resolve(), { once: true });
      });
      await stream.write('retry: 3000\n\n');
      close = await options.open(send);
      await send('ready', {});
      await ended;
    } catch (error) {
      await send('error', errorResponse(error, options.log).body);
    } finally {
      clearInterval(heartbeat);
      close?.();
      await queue.catch(() => undefined);
    }
  });
}

/**
 * Answers with server-sent events written while `work` runs, then ends: a chat reply streamed
 * as `delta` events and closed by `done`. A failure is sent as an `error` event.
 */
export function streamWhile(
  c: Context,
  work: (send: SendEvent) => Promise<void>,
  log?: (error: unknown) => void,
): Response {
  return streamSSE(c, async (stream) => {
    let queue = Promise.resolve();
    const send: SendEvent = (event, data) => {
      queue = queue.then(() =>
        stream.aborted ? undefined : stream.writeSSE({ event, data: JSON.stringify(data) }),
      );
      return queue;
    };
    try {
      await work(send);
    } catch (error) {
      await send('error', errorResponse(error, log).body);
    }
    await queue.catch(() => undefined);
  });
}
