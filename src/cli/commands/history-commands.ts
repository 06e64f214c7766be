import { CsError } from '../../domain/cs-error.js';
import { renderSessionReadme } from '../../render/render-session-readme.js';
import { type CliContext, parseDateFlag } from '../cli-context.js';

// Saved call history on its own, apart from the live session commands: `cs history list` loads
// no call, agent or validation code, so a listing starts about as fast as `cs read`.

/** Sessions `cs history list` shows unless --limit says otherwise: the newest, so it stays quick. */
const HISTORY_LIMIT = 100;

/**
 * `cs history list`: the newest saved sessions (100 unless --limit; 0 for all), oldest first,
 * filtered by day (--date, --since, --until), customer (part of the name, id or phone),
 * product (part of the name or id) and --status; the store answers from its session index.
 */
export async function historyListCommand(
  ctx: CliContext,
  options: {
    date?: string;
    since?: string;
    until?: string;
    customer?: string;
    product?: string;
    status?: string;
    limit?: string;
  },
): Promise<number | undefined> {
  for (const flag of ['date', 'since', 'until'] as const) {
    const value = options[flag];
    if (value !== undefined) parseDateFlag(value, `--${flag}`);
  }
  const limit = options.limit === undefined ? HISTORY_LIMIT : Number(options.limit);
  if (!Number.isInteger(limit) || limit < 0) {
    throw new CsError(
      'E_USAGE',
      `--limit "${options.limit}" must be a whole number (0 lists every session).`,
    );
  }
  const store = await ctx.store();
  const rows = await store.listSessions({
    ...(options.date ? { date: options.date } : {}),
    ...(options.since ? { since: options.since } : {}),
    ...(options.until ? { until: options.until } : {}),
    ...(options.customer ? { customer: options.customer } : {}),
    ...(options.product ? { product: options.product } : {}),
    ...(options.status ? { status: options.status } : {}),
    // One more than shown tells whether older sessions were left out.
    ...(limit > 0 ? { limit: limit + 1 } : {}),
  });
  const more = limit > 0 && rows.length > limit;
  if (more) rows.shift();
  ctx.emit(rows, () =>
    rows.length === 0
      ? '没有通话记录 No saved sessions.'
      : rows
          .map((r) =>
            r.corrupt
              ? `${r.session_id}  ⚠ 已损坏 CORRUPT: ${r.corrupt} (see \`cs doctor\`)`
              : `${r.session_id}  ${r.timestamp.slice(0, 19)}  ${r.customer}  ${r.product}  ${r.operator}  ${r.resolution_status ?? ''}`,
          )
          .join('\n'),
  );
  if (more) {
    ctx.note(
      `cs: 仅显示最近 ${limit} 条，--limit 0 显示全部 · showing the newest ${limit}; --limit 0 lists every session (filters: --since, --customer …)`,
    );
  }
  return undefined;
}

export async function historyShowCommand(ctx: CliContext, sessionId: string): Promise<number | undefined> {
  const session = await (await ctx.store()).getSession(sessionId);
  if (!session) throw new CsError('E_NOT_FOUND', `No saved session ${sessionId}: see \`cs history list\`.`);
  ctx.emit(session, () => renderSessionReadme(session));
  return undefined;
}
