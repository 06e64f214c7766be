import { CsError } from '../domain/cs-error.js';
import { RESOLUTION_STATUSES } from '../domain/resolution-status.js';
import type { SessionRecord } from '../domain/session-schemas.js';
import { renderSessionReadme } from '../render/render-session-readme.js';
import type { RecordStore } from '../store/record-store.js';
import { defineOperation } from './define-operation.js';

// Saved call history: `cs history list|show` (and `cs session list`). The schemas are written as
// functions of zod, so a listing from the CLI (which checks its flags itself) loads no call,
// agent or validation code and starts about as fast as `cs read`.

/** Sessions a listing shows unless `limit` says otherwise: the newest, so it stays quick. */
export const HISTORY_LIMIT = 100;

/**
 * A saved call with what its customer was told about its approval requests since (a supervisor
 * decided after the caller hung up): `notifications`, oldest first, read from the work items, so
 * the saved session shows the whole outcome without being rewritten.
 */
async function withLaterNotifications(store: RecordStore, session: SessionRecord): Promise<SessionRecord> {
  const ids = new Set((session.permission_checks ?? []).flatMap((c) => c.approval_ids ?? []));
  if (ids.size === 0 || !session.customer_id) return session;
  const told = await store.listWork('notification', { customerId: session.customer_id });
  const mine = told
    .filter((n) => ids.has(String(n.approval_id)))
    .map((n) => ({
      notification_id: n.id,
      approval_id: String(n.approval_id),
      news: String(n.news),
      content: String(n.content),
      at: n.created_at,
    }));
  return mine.length === 0 ? session : { ...session, notifications: mine };
}

/**
 * `cs history list`: the newest saved sessions (100 unless `limit`; 0 for all), oldest first,
 * filtered by day, customer (part of the name, id or phone), product (part of the name or id)
 * and review status; the store answers from its session index.
 */
export const listSessionsOperation = defineOperation({
  name: 'list_sessions',
  title: 'List saved calls',
  description:
    'Lists saved calls (sessions), oldest first: the newest 100 unless limit says otherwise (0 for all), ' +
    'narrowed by day (date, or since/until), customer (part of the name, the id, or part of the phone), ' +
    'product (part of the name, or the id) and review status.',
  readOnly: true,
  input: (z) => {
    const day = z
      .string()
      .regex(/^\d{4}-?\d{2}-?\d{2}$/, 'a day as YYYYMMDD or YYYY-MM-DD')
      .optional();
    return z.object({
      date: day.describe('one day'),
      since: day.describe('from this day on'),
      until: day.describe('up to this day'),
      customer: z
        .string()
        .min(1)
        .optional()
        .describe('part of the customer’s name, their id, or (part of) their phone'),
      product: z.string().min(1).optional().describe('part of the product’s name, or its id'),
      status: z.enum(RESOLUTION_STATUSES).optional().describe('the review’s resolution status'),
      limit: z
        .number()
        .int()
        .min(0)
        .optional()
        .describe(`only the newest this many (default ${HISTORY_LIMIT}; 0 for all)`),
    });
  },
  async run({ store }, input) {
    const limit = input.limit ?? HISTORY_LIMIT;
    const sessions = await store.listSessions({
      ...(input.date ? { date: input.date } : {}),
      ...(input.since ? { since: input.since } : {}),
      ...(input.until ? { until: input.until } : {}),
      ...(input.customer ? { customer: input.customer } : {}),
      ...(input.product ? { product: input.product } : {}),
      ...(input.status ? { status: input.status } : {}),
      // One more than shown tells whether older sessions were left out.
      ...(limit > 0 ? { limit: limit + 1 } : {}),
    });
    const more = limit > 0 && sessions.length > limit;
    if (more) sessions.shift();
    return { sessions, limit, more };
  },
  text: ({ sessions }) =>
    sessions.length === 0
      ? '没有通话记录 No saved sessions.'
      : sessions
          .map((r) =>
            r.corrupt
              ? `${r.session_id}  ⚠ 已损坏 CORRUPT: ${r.corrupt} (see \`cs doctor\`)`
              : `${r.session_id}  ${r.timestamp.slice(0, 19)}  ${r.customer}  ${r.product}  ${r.operator}  ${r.resolution_status ?? ''}`,
          )
          .join('\n'),
  data: ({ sessions }) => sessions,
  note: ({ more, limit }) =>
    more
      ? `cs: 仅显示最近 ${limit} 条，--limit 0 显示全部 · showing the newest ${limit}; --limit 0 lists every session (filters: --since, --customer …)`
      : undefined,
});

/** `cs history show`: one saved session, as its README reads. */
export const getSessionOperation = defineOperation({
  name: 'get_session',
  title: 'Show a saved call',
  description: 'One saved call (session) with its conversation, queries, permission checks and review.',
  readOnly: true,
  input: (z) => z.object({ session_id: z.string().min(1).describe('the saved id, cs_YYYYMMDD_seq_tag') }),
  async run({ store }, input) {
    const session = await store.getSession(input.session_id);
    if (!session) {
      throw new CsError('E_NOT_FOUND', `No saved session ${input.session_id}: see \`cs history list\`.`);
    }
    return withLaterNotifications(store, session);
  },
  text: (session) => {
    const later = (session.notifications ?? []) as Array<{ at: string; content: string }>;
    const readme = renderSessionReadme(session);
    if (later.length === 0) return readme;
    return [
      readme.trimEnd(),
      '',
      '## 后续通知 Notifications after the call',
      '',
      ...later.map((n) => `- ${n.at} ${n.content}`),
      '',
    ].join('\n');
  },
});
