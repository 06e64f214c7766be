import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api } from '../shared/api.js';

/** What changed, as `GET /api/events` says it (`event: change`). */
export interface Change {
  what: 'approvals' | 'tickets' | 'calls' | string;
  call_id?: string;
}

type Listener = (change: Change) => void;

const listeners = new Set<Listener>();
let source: EventSource | undefined;

/**
 * One EventSource for the whole console, opened after sign-in: each screen refetches what it
 * shows when the server says that changed. The browser reconnects by itself after a drop; on
 * reconnecting every screen refetches, since changes may have been missed meanwhile.
 */
export function openLiveChanges(): void {
  if (source) return;
  source = new EventSource('/api/events');
  let dropped = false;
  source.addEventListener('change', (e) => {
    const change = parseChange((e as MessageEvent<string>).data);
    if (change) for (const l of listeners) l(change);
  });
  source.addEventListener('error', () => {
    dropped = true;
  });
  source.addEventListener('open', () => {
    if (!dropped) return;
    dropped = false;
    for (const l of listeners) l({ what: '*' });
  });
}

/** Closes the stream (sign-out). */
export function closeLiveChanges(): void {
  source?.close();
  source = undefined;
}

function parseChange(data: string): Change | undefined {
  try {
    const value: unknown = JSON.parse(data);
    if (value && typeof value === 'object' && typeof (value as Change).what === 'string')
      return value as Change;
  } catch {
    // A malformed event changes nothing on screen.
  }
  return undefined;
}

/** Calls `onChange` for every change `wanted` accepts (`*`, a reconnect, is always accepted). */
export function useLiveChanges(wanted: (c: Change) => boolean, onChange: () => void): void {
  const latest = useRef({ wanted, onChange });
  latest.current = { wanted, onChange };
  useEffect(() => {
    const listener: Listener = (c) => {
      if (c.what === '*' || latest.current.wanted(c)) latest.current.onChange();
    };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
}

/**
 * Numbers a screen's overlapping loads: only the answer to the newest is shown. Switching from
 * products to customers, the products' answer may come back last, and would replace the list the
 * person now asked for.
 */
export function newestWins(): { start: () => number; isNewest: (request: number) => boolean } {
  let newest = 0;
  return {
    start: () => ++newest,
    isNewest: (request) => request === newest,
  };
}

/**
 * What `GET path` answers: fetched now, again when `path` changes, and whenever a change that
 * `wanted` accepts says it is stale (never, without `wanted`). `load` fetches it again (after an
 * action); `setError` shows an action's failure where a failed fetch shows.
 */
export function useLiveData<T>(
  path: string,
  wanted?: (c: Change) => boolean,
): {
  data: T | undefined;
  error: string | undefined;
  setError: (error: string | undefined) => void;
  load: () => Promise<void>;
} {
  const [data, setData] = useState<T | undefined>();
  const [error, setError] = useState<string | undefined>();
  const requests = useMemo(newestWins, []);
  const load = useCallback(async () => {
    const request = requests.start();
    try {
      const got = await api<T>(path);
      if (requests.isNewest(request)) {
        setData(got);
        setError(undefined);
      }
    } catch (err) {
      if (requests.isNewest(request)) setError(err instanceof Error ? err.message : String(err));
    }
  }, [path, requests]);
  useEffect(() => {
    void load();
  }, [load]);
  useLiveChanges(wanted ?? (() => false), load);
  return { data, error, setError, load };
}
