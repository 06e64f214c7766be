import type { Language } from '../domain/language.js';
import { permissionOutcome } from '../domain/permission-labels.js';
import type { RequestEntry, Review } from '../domain/session-schemas.js';
import type { CallContext } from './call-agent.js';
import type { CallRecordState } from './call-session.js';
import { ledgerOutcome, requestLedger } from './request-ledger.js';

/**
 * The review made from what the call recorded (used by the built-in agent, as the LLM agent's
 * fallback, and for live sessions ended without one). It states only what was recorded: its
 * requests, their outcomes, the status and the follow-up come from the request ledger
 * (`requestLedger`), each request once, by its label.
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
  const ledger = requestLedger(record);
  const checked = record.permission_checks.length;
  const outcomeOf = (status: string) => permissionOutcome(status, zh ? 'zh' : 'en');
  ledger.forEach((e, i) => {
    if (e.carried_out) {
      actions.push(zh ? `已办理：${e.done}` : `Done: ${e.done}`);
      return;
    }
    if (e.withdrawn) {
      const ticket =
        e.ticket_id === undefined
          ? ''
          : zh
            ? `，工单 ${e.ticket_id} 已撤销`
            : `, ticket ${e.ticket_id} cancelled`;
      actions.push(zh ? `${e.what}：客户已撤回${ticket}` : `${e.what}: withdrawn by the caller${ticket}`);
      return;
    }
    // An approval not carried out is no action taken (outside assistants may check without acting).
    if (e.state === 'approved') return;
    if (i < checked)
      actions.push(zh ? `${e.what}：${outcomeOf(e.outcome)}` : `${e.what}: ${outcomeOf(e.outcome)}`);
    if (e.ticket_id !== undefined)
      actions.push(zh ? `创建工单 ${e.ticket_id}（${e.what}）` : `Ticket ${e.ticket_id} (${e.what})`);
  });

  const statusOf = (e: RequestEntry) =>
    e.state === 'withdrawn'
      ? zh
        ? '已撤回'
        : 'withdrawn'
      : e.state === 'approved'
        ? zh
          ? '可立即办理'
          : 'can be done now'
        : e.state === 'done'
          ? outcomeOf('can_approve_immediately')
          : outcomeOf(e.outcome);
  const requested = ledger.map((e) => (zh ? `${e.what}（${statusOf(e)}）` : `${e.what} (${statusOf(e)})`));
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

  // Resolved only when every request still standing was carried out; see ledgerOutcome.
  const { resolution_status, follow_up_required } = ledgerOutcome(ledger);

  const customer_updates: Record<string, unknown> = {};
  for (const key of ['name', 'communication_style', 'special_needs', 'background']) {
    if (record.learned[key] !== undefined) customer_updates[key] = record.learned[key];
  }
  return {
    resolution_status,
    issue_summary,
    actions_taken: actions,
    follow_up_required,
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
      withdrawals: [...(ctx.withdrawals ?? [])],
      notifications: [],
      learned: ctx.learned,
    },
    ctx.language,
  );
}
