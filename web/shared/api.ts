/**
 * The console's and the chat page's one way to the server: JSON in and out, the CSRF header on
 * every state-changing request, and an error as the API's one line (`{ error: { code, message } }`).
 */

/** An API refusal: the HTTP status, the CsError code and its one-line message. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Seconds to wait (429's Retry-After), when the server said. */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

/** The value of a cookie the page may read (`cs_csrf`; the session cookie is httpOnly). */
export function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** Options of one request. */
export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
}

/** The headers a request sends: JSON, and the CSRF token from `cs_csrf` when it changes state. */
export function requestHeaders(method: string, extra: Record<string, string> = {}): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json', ...extra };
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    const csrf = readCookie('cs_csrf');
    if (csrf) headers['X-CSRF-Token'] = csrf;
  }
  return headers;
}

/** The API's one line from a failed response, or a line saying what came back instead. */
export async function errorOf(response: Response): Promise<ApiError> {
  const retry = Number(response.headers.get('Retry-After'));
  const retryAfter = Number.isFinite(retry) && retry > 0 ? retry : undefined;
  let code = `HTTP_${response.status}`;
  let message = `${response.status} ${response.statusText}`.trim();
  try {
    const body: unknown = await response.json();
    const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    if (typeof error?.code === 'string') code = error.code;
    if (typeof error?.message === 'string') message = error.message;
  } catch {
    // Not JSON (a proxy's page): the status line says enough.
  }
  return new ApiError(response.status, code, message, retryAfter);
}

/** Sends one request and returns its JSON body; throws ApiError on any status but 2xx. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: requestHeaders(method, options.headers),
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  if (!response.ok) throw await errorOf(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** One event of a text/event-stream. */
export interface StreamEvent {
  event: string;
  data: string;
}

/**
 * Reads a text/event-stream response body (a streamed POST, which EventSource cannot send),
 * calling `onEvent` for each event as it arrives.
 */
export async function readEventStream(response: Response, onEvent: (e: StreamEvent) => void): Promise<void> {
  if (!response.body) return;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value.replace(/\r\n?/g, '\n');
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const parsed = parseEventBlock(block);
      if (parsed) onEvent(parsed);
      end = buffer.indexOf('\n\n');
    }
  }
  const rest = parseEventBlock(buffer);
  if (rest) onEvent(rest);
}

function parseEventBlock(block: string): StreamEvent | undefined {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':') || line === '') continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return data.length === 0 && event === 'message' ? undefined : { event, data: data.join('\n') };
}

/** JSON of an event's data, or the text itself when it is not JSON. */
export function eventData(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}
