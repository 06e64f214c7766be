import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { Clock } from '../domain/clock.js';
import { CsError } from '../domain/cs-error.js';
import type { CallEvent } from '../domain/session-schemas.js';
import {
  decideApprovalOperation,
  getApprovalOperation,
  listApprovalsOperation,
} from '../operations/approval-operations.js';
import { dashboardOperation } from '../operations/dashboard-operations.js';
import type { OperationDeps } from '../operations/define-operation.js';
import { getSessionOperation, listSessionsOperation } from '../operations/history-operations.js';
import { updateRecordOperation } from '../operations/record-operations.js';
import { getRecordOperation, listRecordsOperation } from '../operations/record-read-operations.js';
import {
  getTicketOperation,
  listTicketsOperation,
  updateTicketOperation,
} from '../operations/ticket-operations.js';
import type { RecordStore } from '../store/record-store.js';
import {
  addUser,
  checkPassword,
  cleanName,
  csrfToken,
  csrfValid,
  LoginThrottle,
  ROLES,
  readSessionCookie,
  SESSION_MS,
  sessionCookie,
  type User,
  userById,
  userByToken,
} from './auth.js';
import {
  askForHuman,
  type ChatDeps,
  chatKeyValid,
  chatTranscript,
  deliverNews,
  endChat,
  say,
  startChat,
} from './chat/chat-service.js';
import { serverSecret } from './chat/chat-token.js';
import { callView, handBack, humanReply, liveCalls, takeOver } from './chat/take-over.js';
import { errorResponse } from './error-response.js';
import type { Change, EventBus } from './event-bus.js';
import { openApiDocument } from './openapi.js';
import {
  type AppEnv,
  BODY_LIMIT,
  operationRoute,
  type RouteContext,
  type RouteTable,
  serviceRoute,
} from './operation-route.js';
import { eventStream, streamWhile } from './sse.js';
import { webPages } from './web-pages.js';

/** What `createApp` is given. */
export interface AppOptions {
  store: RecordStore;
  env: NodeJS.ProcessEnv;
  clock?: Clock;
  bus: EventBus;
  /** Signs cookies and chat tokens; read from the database (serverSecret) when absent. */
  secret?: string;
  /** The built pages (dist/web); the app serves no pages without it. */
  webRoot?: string;
  /** Aborted when the server closes: every open event stream ends. */
  signal?: AbortSignal;
  /** Hears errors no CsError explains (bugs, a lost database), which the client sees only as 500. */
  log?: (error: unknown) => void;
  version?: string;
}

/** Requests that need no sign-in under /api. */
const PUBLIC = new Set(['POST /api/login', 'GET /api/openapi.json']);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Text a person or a customer types: a line of a chat, a reply. */
const LINE = z.string().trim().min(1).max(4000);

/** A list answered as `{ items }`, so the answer can grow other fields later. */
const items = (data: unknown) => ({ items: data });

/**
 * The `cs serve` app: the JSON API over the operations, sign-in, live events, the chat API and
 * the pages. Every route but sign-in, the OpenAPI document and the chat's needs a signed-in user;
 * every error is `{ error: { code, message } }` with the code's status and never a stack.
 *
 * @example const app = createApp({ store, env: process.env, bus: createMemoryEventBus() })
 */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const { store, env, bus } = options;
  const clock = options.clock;
  const now = () => (clock ?? { now: () => new Date() }).now();
  const deps: OperationDeps = { store, env, ...(clock ? { clock } : {}) };
  const signal = options.signal ?? new AbortController().signal;
  const log = options.log;
  let secretRead: Promise<string> | undefined;
  const secret = () => {
    secretRead ??= options.secret ? Promise.resolve(options.secret) : serverSecret(store, env);
    secretRead.catch(() => {
      secretRead = undefined;
    });
    return secretRead;
  };
  const chatDeps = async (): Promise<ChatDeps> => ({
    store,
    env,
    secret: await secret(),
    ...(clock ? { clock } : {}),
  });
  const throttle = new LoginThrottle(store);

  const app = new Hono<AppEnv>();
  const routes: RouteTable = [];
  const ctx: RouteContext = { app, routes, deps, bus };

  app.onError((error, c) => {
    const { status, body } = errorResponse(error, log);
    return c.json(body, status as 400);
  });
  app.notFound((c) =>
    c.json({ error: { code: 'E_NOT_FOUND', message: `Nothing at ${c.req.method} ${c.req.path}.` } }, 404),
  );

  app.use('*', async (c, next) => {
    await next();
    // Set on the answer's headers, as hono's secureHeaders does: c.header on an answer already
    // made would remake it as a stream, and a chat turn's JSON would be sent the slow way.
    const headers = c.res.headers;
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('Referrer-Policy', 'no-referrer');
    if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/chat/api/'))
      headers.set('Cache-Control', 'no-store');
  });
  const tooLarge = (): never => {
    throw new CsError('E_TOO_LARGE', `The request body is over ${BODY_LIMIT / 1024} KB.`);
  };
  const limitStreamedBody = bodyLimit({ maxSize: BODY_LIMIT, onError: tooLarge });
  app.use('*', async (c, next) => {
    // A body of declared length is checked by its header, without touching it: bodyLimit reads
    // it as a web stream, which costs the route the node server's direct read of the body.
    // A body without one (chunked) is counted as it comes, by bodyLimit.
    const length = c.req.header('Content-Length');
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    if (length !== undefined && c.req.header('Transfer-Encoding') === undefined) {
      return Number.parseInt(length, 10) > BODY_LIMIT ? tooLarge() : next();
    }
    return limitStreamedBody(c, next);
  });

  // Who is asking: an API token, or a session cookie (with its CSRF token on every change).
  app.use('/api/*', async (c, next) => {
    if (PUBLIC.has(`${c.req.method} ${c.req.path}`)) return next();
    c.set('user', await signedIn(c));
    return next();
  });

  async function signedIn(c: Context<AppEnv>): Promise<User> {
    const authorization = c.req.header('Authorization');
    if (authorization !== undefined) {
      const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
      const user = token ? await userByToken(store, token) : undefined;
      if (!user)
        throw new CsError(
          'E_UNAUTHENTICATED',
          'The API token is not valid: make one with `cs users token NAME`.',
        );
      return user;
    }
    const session = getCookie(c, 'cs_session');
    const id = session ? readSessionCookie(await secret(), session, now()) : undefined;
    const user = id ? await userById(store, id) : undefined;
    if (!session || !user)
      throw new CsError('E_UNAUTHENTICATED', 'Sign in first (POST /api/login), or send an API token.');
    if (
      !SAFE_METHODS.has(c.req.method) &&
      !csrfValid(await secret(), session, c.req.header('X-CSRF-Token'))
    ) {
      throw new CsError(
        'E_REFUSED',
        'The X-CSRF-Token header is missing or wrong: send the cs_csrf cookie’s value.',
      );
    }
    return user;
  }

  const publish = (change: Change) => bus.publish(change);

  // ---- sign-in

  serviceRoute(ctx, {
    method: 'post',
    path: '/api/login',
    access: 'public',
    summary: 'Sign in',
    description:
      'Checks a name and password and sets the cs_session cookie (httpOnly) and the cs_csrf cookie, whose value ' +
      'every later change must send as X-CSRF-Token. After 5 failures for one name or address within 15 minutes, ' +
      '429 with Retry-After.',
    request: z.object({ name: z.string().min(1).max(200), password: z.string().min(1).max(1000) }),
    async handle(c, input) {
      const at = now();
      const keys = [`name:${cleanName(input.name)}`, `addr:${addressOf(c)}`];
      const wait = await throttle.blockedFor(keys, at);
      if (wait !== undefined) {
        const message = `Too many failed sign-ins: try again in ${Math.ceil(wait / 60)} min (请稍后再试).`;
        return c.json({ error: { code: 'E_THROTTLED', message } }, 429, { 'Retry-After': String(wait) });
      }
      const user = await checkPassword(store, input.name, input.password);
      if (!user) {
        await throttle.failed(keys, at);
        throw new CsError('E_UNAUTHENTICATED', 'Wrong name or password (用户名或密码错误).');
      }
      await throttle.succeeded(keys[0] as string, at);
      const session = sessionCookie(await secret(), user.id, at.getTime() + SESSION_MS);
      const csrf = csrfToken(await secret(), session);
      const secure = new URL(c.req.url).protocol === 'https:';
      const cookie = { path: '/', sameSite: 'Strict', secure, maxAge: SESSION_MS / 1000 } as const;
      setCookie(c, 'cs_session', session, { ...cookie, httpOnly: true });
      setCookie(c, 'cs_csrf', csrf, cookie);
      return c.json({ name: user.name, role: user.role, csrf });
    },
  });
  serviceRoute(ctx, {
    method: 'post',
    path: '/api/logout',
    access: 'agent',
    summary: 'Sign out',
    async handle(c) {
      deleteCookie(c, 'cs_session', { path: '/' });
      deleteCookie(c, 'cs_csrf', { path: '/' });
      return c.json({ ok: true });
    },
  });
  serviceRoute(ctx, {
    method: 'get',
    path: '/api/me',
    access: 'agent',
    summary: 'Who is signed in',
    handle: async (c) => c.json({ name: c.get('user').name, role: c.get('user').role }),
  });
  serviceRoute(ctx, {
    method: 'post',
    path: '/api/users',
    access: 'admin',
    summary: 'Add a user',
    description: 'Adds a user with a role and answers their one-time password, once (cs users add).',
    request: z.object({ name: z.string().min(1).max(80), role: z.enum(ROLES) }),
    handle: async (c, input) =>
      c.json(await addUser({ ...deps }, { name: input.name, role: input.role, by: c.get('user').name })),
  });

  // ---- approvals

  operationRoute(ctx, {
    method: 'get',
    path: '/api/approvals',
    operation: listApprovalsOperation,
    role: 'agent',
    answer: items,
  });
  operationRoute(ctx, {
    method: 'get',
    path: '/api/approvals/:id',
    operation: getApprovalOperation,
    role: 'agent',
    fixedKeys: ['id'],
    fixed: (c) => ({ id: c.req.param('id') }),
  });
  for (const decision of ['approve', 'reject'] as const) {
    operationRoute(ctx, {
      method: 'post',
      path: `/api/approvals/:id/${decision}`,
      operation: decideApprovalOperation,
      role: 'supervisor',
      summary: decision === 'approve' ? 'Approve a pending request' : 'Reject a pending request',
      // The decider is the signed-in user, never a name in the body.
      fixedKeys: ['id', 'decision', 'by', decision === 'approve' ? 'reason' : 'note'],
      fixed: (c, user) => ({ id: c.req.param('id'), decision, by: user.name }),
      changes: () => ({ what: 'approvals' }),
    });
  }

  // ---- tickets

  operationRoute(ctx, {
    method: 'get',
    path: '/api/tickets',
    operation: listTicketsOperation,
    role: 'agent',
    answer: items,
  });
  operationRoute(ctx, {
    method: 'get',
    path: '/api/tickets/:id',
    operation: getTicketOperation,
    role: 'agent',
    fixedKeys: ['ticket_id'],
    fixed: (c) => ({ ticket_id: c.req.param('id') }),
  });
  operationRoute(ctx, {
    method: 'post',
    path: '/api/tickets/:id/:action',
    operation: updateTicketOperation,
    summary: 'Work on a ticket: assign (to), comment (text), start, wait, resolve (text), reopen, close',
    // Agents work tickets; what ends or reopens one is a supervisor's.
    role: (c) =>
      ['resolve', 'close', 'reopen'].includes(c.req.param('action') ?? '') ? 'supervisor' : 'agent',
    docRole: 'agent',
    fixedKeys: ['ticket_id', 'action', 'by'],
    rename: { to: 'assignee' },
    fixed: (c, user) => ({ ticket_id: c.req.param('id'), action: c.req.param('action'), by: user.name }),
    changes: () => ({ what: 'tickets' }),
  });

  // ---- history and records

  operationRoute(ctx, {
    method: 'get',
    path: '/api/history',
    operation: listSessionsOperation,
    role: 'agent',
    answer: items,
  });
  operationRoute(ctx, {
    method: 'get',
    path: '/api/history/:session_id',
    operation: getSessionOperation,
    role: 'agent',
    fixedKeys: ['session_id'],
    fixed: (c) => ({ session_id: c.req.param('session_id') }),
  });
  operationRoute(ctx, {
    method: 'get',
    path: '/api/records/:type',
    operation: listRecordsOperation,
    role: 'agent',
    fixedKeys: ['type'],
    fixed: (c) => ({ type: c.req.param('type') }),
    answer: (data) => items((data as { records: unknown[] }).records),
  });
  operationRoute(ctx, {
    method: 'get',
    path: '/api/records/:type/:id',
    operation: getRecordOperation,
    role: 'agent',
    fixedKeys: ['type', 'id', 'name', 'phone'],
    fixed: (c) => ({ type: c.req.param('type'), id: c.req.param('id') }),
  });
  operationRoute(ctx, {
    method: 'patch',
    path: '/api/records/:type/:id',
    operation: updateRecordOperation,
    role: 'admin',
    fixedKeys: ['type', 'id', 'name', 'phone'],
    fixed: (c) => ({ type: c.req.param('type'), id: c.req.param('id') }),
  });

  // ---- the team's numbers

  operationRoute(ctx, {
    method: 'get',
    path: '/api/dashboard',
    operation: dashboardOperation,
    role: 'agent',
  });

  // ---- live calls: watched, taken over and handed back by a person

  serviceRoute(ctx, {
    method: 'get',
    path: '/api/calls',
    access: 'agent',
    summary: 'Live calls',
    handle: async (c) => c.json(items(await liveCalls(await chatDeps()))),
  });
  serviceRoute(ctx, {
    method: 'get',
    path: '/api/calls/:id',
    access: 'agent',
    summary: 'One live call with its events',
    handle: async (c) => c.json(await callView(await chatDeps(), c.req.param('id') as string)),
  });
  /** A step the signed-in person takes on a live call: told to every page, the call shown after. */
  const callStep = (path: string, summary: string, step: typeof takeOver) =>
    serviceRoute(ctx, {
      method: 'post',
      path,
      access: 'agent',
      summary,
      async handle(c) {
        const id = c.req.param('id') as string;
        const d = await chatDeps();
        await step(d, id, c.get('user').name);
        await publish({ what: 'calls', call_id: id });
        return c.json(await callView(d, id));
      },
    });
  callStep(
    '/api/calls/:id/take-over',
    'Take a call over: the agent stops answering, the signed-in person replies',
    takeOver,
  );
  serviceRoute(ctx, {
    method: 'post',
    path: '/api/calls/:id/reply',
    access: 'agent',
    summary: 'A person’s reply in a call taken over, checked like the agent’s',
    request: z.object({ content: LINE }),
    async handle(c, input) {
      const id = c.req.param('id') as string;
      const result = await humanReply(await chatDeps(), id, c.get('user').name, input.content);
      await publish({ what: 'calls', call_id: id });
      return c.json(result);
    },
  });
  callStep('/api/calls/:id/hand-back', 'Hand a call back to the agent', handBack);

  // ---- live events and the document

  serviceRoute(ctx, {
    method: 'get',
    path: '/api/events',
    access: 'agent',
    stream: true,
    summary: 'Live changes: `event: change` with {what, call_id?}; the page refetches what changed',
    handle: async (c) =>
      eventStream(c, { signal, log, open: (send) => bus.subscribe((change) => void send('change', change)) }),
  });
  // Built on the first request, when every route is in the table; ~6 ms of zod's JSON Schema
  // conversion that a request need not pay again.
  let openApi: ReturnType<typeof openApiDocument> | undefined;
  app.get('/api/openapi.json', (c) => {
    openApi ??= openApiDocument(routes, { version: options.version ?? 'dev' });
    return c.json(openApi);
  });
  routes.push({ method: 'get', path: '/api/openapi.json', summary: 'This document', access: 'public' });

  // ---- the customer's chat (no sign-in: the chat token, then the chat key)

  const chatKey = async (
    c: Context<AppEnv>,
    key: string | undefined,
  ): Promise<{ id: string; d: ChatDeps }> => {
    const id = c.req.param('call_id') as string;
    if (!key) throw new CsError('E_UNAUTHENTICATED', 'Send the chat key from /chat/api/start (X-Chat-Key).');
    const d = await chatDeps();
    if (!chatKeyValid(d, id, key)) throw new CsError('E_REFUSED', 'The chat key is not this chat’s.');
    return { id, d };
  };
  serviceRoute(ctx, {
    method: 'post',
    path: '/chat/api/start',
    access: 'chat',
    summary: 'Open a chat for the customer a chat token names',
    request: z.object({ token: z.string().min(1).max(4096), product: z.string().min(1).max(200) }),
    async handle(c, input) {
      const started = await startChat(await chatDeps(), input);
      await publish({ what: 'calls', call_id: started.call_id });
      return c.json(started);
    },
  });
  serviceRoute(ctx, {
    method: 'post',
    path: '/chat/api/:call_id/say',
    access: 'chat',
    summary: 'A customer’s line; the reply (streamed with Accept: text/event-stream: delta, then done)',
    request: z.object({ content: LINE }),
    async handle(c, input) {
      const { id, d } = await chatKey(c, c.req.header('X-Chat-Key'));
      const turn = async (onDelta?: (text: string) => void) => {
        const { reply, events } = await say(d, id, input.content, onDelta);
        await publishTurn(id, events);
        return { reply, notifications: notificationsIn(events) };
      };
      if (!(c.req.header('Accept') ?? '').includes('text/event-stream')) return c.json(await turn());
      return streamWhile(
        c,
        async (send) => {
          const done = await turn((text) => void send('delta', { text }));
          await send('done', done);
        },
        log,
      );
    },
  });
  serviceRoute(ctx, {
    method: 'get',
    path: '/chat/api/:call_id/transcript',
    access: 'chat',
    summary: 'The chat so far (the page opened again after a reload); 404 once it has ended',
    async handle(c) {
      const { id, d } = await chatKey(c, c.req.header('X-Chat-Key'));
      return c.json(await chatTranscript(d, id));
    },
  });
  serviceRoute(ctx, {
    method: 'post',
    path: '/chat/api/:call_id/human',
    access: 'chat',
    summary: 'The customer asks for a person (转人工): the call waits in the live calls',
    async handle(c) {
      const { id, d } = await chatKey(c, c.req.header('X-Chat-Key'));
      await askForHuman(d, id);
      await publish({ what: 'calls', call_id: id });
      return c.json({ state: 'waiting_human' });
    },
  });
  serviceRoute(ctx, {
    method: 'get',
    path: '/chat/api/:call_id/events',
    access: 'chat',
    stream: true,
    summary: 'The chat’s live events: `agent` (a person’s reply), `notification` (a decision)',
    // Optional here so a missing key is refused as missing credentials (401), not bad input.
    request: z.object({ key: z.string().max(200).optional() }),
    async handle(c, input) {
      const { id, d } = await chatKey(c, input.key);
      return eventStream(c, { signal, log, open: (send) => followChat(d, id, send) });
    },
  });
  serviceRoute(ctx, {
    method: 'post',
    path: '/chat/api/:call_id/end',
    access: 'chat',
    summary: 'End the chat and save it as a session',
    async handle(c) {
      const { id, d } = await chatKey(c, c.req.header('X-Chat-Key'));
      const saved = await endChat(d, id);
      await publish({ what: 'calls', call_id: id });
      return c.json(saved);
    },
  });

  /** After a chat turn: the call changed, and the inbox too when it raised or withdrew a request. */
  async function publishTurn(id: string, events: CallEvent[]): Promise<void> {
    await publish({ what: 'calls', call_id: id });
    const touchesApprovals = events.some(
      (e) =>
        (e.type === 'permission_check' && (e.approval_ids ?? []).length > 0) ||
        e.type === 'request_withdrawn' ||
        e.type === 'notification',
    );
    if (touchesApprovals) await publish({ what: 'approvals' });
  }

  /**
   * What an open chat hears: each decision on its requests (delivered into the call once, on
   * whichever server hears it first) and each reply a person types after taking it over.
   */
  async function followChat(d: ChatDeps, id: string, send: (event: string, data: unknown) => Promise<void>) {
    const humanReplies = async () =>
      (await callView(d, id)).events.filter(
        (e): e is Extract<CallEvent, { type: 'agent' }> => e.type === 'agent' && 'by' in e && Boolean(e.by),
      );
    let sent = (await humanReplies()).length;
    // One look at a time: a burst of changes is handled in order, never twice at once.
    let work = Promise.resolve();
    const look = (change: Change) => {
      work = work.then(async () => {
        try {
          if (change.what === 'approvals') {
            const news = await deliverNews(d, id);
            for (const n of news) await send('notification', n);
            if (news.length > 0) await publish({ what: 'calls', call_id: id });
          } else if (change.what === 'calls' && change.call_id === id) {
            const replies = await humanReplies();
            for (const r of replies.slice(sent)) await send('agent', { content: r.content });
            sent = Math.max(sent, replies.length);
          }
        } catch (error) {
          // The call ended (saved) while the page was open: nothing more to hear.
          if (!(CsError.isInstance(error) && error.code === 'E_NOT_FOUND')) log?.(error);
        }
      });
    };
    const off = bus.subscribe(look);
    // A decision made while the page was away arrives now.
    look({ what: 'approvals' });
    await work;
    return off;
  }

  // ---- the pages

  if (options.webRoot) webPages(app, options.webRoot);
  return app;
}

/** The notifications a turn delivered, as the chat shows them. */
function notificationsIn(events: CallEvent[]): Array<{ approval_id: string; content: string }> {
  return events
    .filter((e): e is Extract<CallEvent, { type: 'notification' }> => e.type === 'notification')
    .map((e) => ({ approval_id: e.approval_id, content: e.content }));
}

/** The client's address, for throttling (the socket's; `local` when there is none, in tests). */
function addressOf(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'local';
}
