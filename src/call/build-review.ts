import type { Language } from '../domain/language.js';
import { permissionOutcome } from '../domain/permission-labels.js';
import type { Review } from '../domain/session-schemas.js';
import type { CallContext } from './call-agent.js';
import type { CallRecordState } from './call-session.js';

/**
 * The review made from what the call recorded (used by the built-in agent, as the LLM agent's
 * fallback, and for live sessions ended without one). It states only what was recorded.
 */
export function buildReview(record: CallRecordState, language: Language = record.language): Review {
  const zh = language === 'zh';
  const actions: string[] = [];
  const seenQueries = new Set<string>();
  for (const q of record.system_queries) {
    const key = `${q.interface}:${q.ok}`;
    if (seenQueries.has(key)) continue;
    seenQueries.add(key);
    const what = zh && !q.purpose.startsWith('查询') ? `查询${q.purpose}` : q.purpose;
    actions.push(zh ? `${what}${q.ok ? '' : '（失败）'}` : `Queried: ${q.purpose}${q.ok ? '' : ' (failed)'}`);
  }
  for (const p of record.actions_performed)
    actions.push(zh ? `已办理：${p.description}` : `Done: ${p.description}`);
  for (const c of record.permission_checks) {
    if (c.status === 'can_approve_immediately') continue;
    actions.push(
      zh
        ? `${c.action}：${permissionOutcome(c.status, 'zh')}`
        : `${c.action}: ${permissionOutcome(c.status, 'en')}`,
    );
  }
  for (const t of record.tickets)
    actions.push(zh ? `创建工单 ${t.id}（${t.summary}）` : `Ticket ${t.id} (${t.summary})`);

  const performed = new Set(record.actions_performed.map((a) => a.action));
  // An approval is only "done" when the action was carried out; outside assistants may check
  // without acting.
  const statusOf = (c: { action: string; status: string }) =>
    c.status === 'can_approve_immediately' && !performed.has(c.action)
      ? zh
        ? '可立即办理'
        : 'can be done now'
      : zh
        ? permissionOutcome(c.status, 'zh')
        : permissionOutcome(c.status, 'en');
  const requested = record.permission_checks.map((c) =>
    zh ? `${c.action}（${statusOf(c)}）` : `${c.action} (${statusOf(c)})`,
  );
  const topics = (record.learned.topics as string[] | undefined) ?? [];
  const parts = [...new Set([...topics, ...requested])];
  const issue_summary =
    parts.length > 0
      ? zh
        ? `客户来电：${parts.join('；')}`
        : `Caller: ${parts.join('; ')}`
      : zh
        ? '客户来电咨询，未提出具体诉求'
        : 'General enquiry, no specific request';

  // Follow-up: a ticket, or a supervisor/process outcome no ticket was opened for.
  const pending =
    record.tickets.length > 0 ||
    record.permission_checks.some(
      (c) => c.status === 'requires_supervisor' || c.status === 'requires_process',
    );
  const refusedOnly =
    record.permission_checks.length > 0 &&
    record.permission_checks.every((c) => c.status === 'forbidden') &&
    record.actions_performed.length === 0;
  const resolution_status: Review['resolution_status'] = pending
    ? 'partially_resolved'
    : refusedOnly
      ? 'unresolved'
      : 'resolved';

  const customer_updates: Record<string, unknown> = {};
  for (const key of ['name', 'communication_style', 'special_needs', 'background']) {
    if (record.learned[key] !== undefined) customer_updates[key] = record.learned[key];
  }
  return {
    resolution_status,
    issue_summary,
    actions_taken: actions,
    follow_up_required: pending,
    customer_updates,
  };
}

/** The built-in review from an agent's view of the call (rules agent, LLM fallback). */
export function reviewFromContext(ctx: CallContext): Review {
  return buildReview(
    {
      language: ctx.language,
      started_at: '',
      conversation: [...ctx.conversation],
      system_queries: [...ctx.systemQueries],
      permission_checks: [...ctx.permissionChecks],
      tickets: [...ctx.tickets],
      guard_decisions: [],
      actions_performed: [...(ctx.actionsPerformed ?? [])],
      grants: [],
      learned: ctx.learned,
    },
    ctx.language,
  );
}
