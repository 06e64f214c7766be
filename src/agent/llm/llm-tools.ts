import { type ToolSet, tool } from 'ai';
import { z } from 'zod';
import type { CallTools } from '../../call/call-agent.js';
import { MAINLAND_MOBILE, normalizePhone } from '../../domain/phone.js';
import type { PermissionCheckRecord, SystemQueryRecord, TicketRecord } from '../../domain/session-schemas.js';

/** What the model did through its tools during one reply, so the guard sees it at once. */
export interface LlmToolLog {
  systemQueries: SystemQueryRecord[];
  permissionChecks: PermissionCheckRecord[];
  tickets: TicketRecord[];
}

/** An empty log. */
export function createToolLog(): LlmToolLog {
  return { systemQueries: [], permissionChecks: [], tickets: [] };
}

/** What to do with each permission outcome (the seed's Step 5 answers). */
const NEXT_STEP: Record<PermissionCheckRecord['status'], string> = {
  can_approve_immediately:
    'Approved. You may carry it out now with perform_action (same action text); only after it succeeds say it is done.',
  requires_supervisor:
    'Needs a supervisor. Do not agree or say it is done. Open a ticket (kind requires_supervisor) and say: "这个需要我向主管申请，预计<the SLA time for supervisor decisions>内给您回复，可以吗？" (in English: "This needs a supervisor\'s approval; you\'ll hear back within <that time>, is that OK?").',
  requires_process:
    'Needs the formal process. Do not agree or say it is done. Open a ticket (kind requires_process) and say: "这个需要您提交正式申请，我帮您记录工单。" (in English: "This needs a formal request; I\'ll log a ticket for you.").',
  forbidden:
    'Forbidden. Refuse politely and give the reason: "非常抱歉，这个我们无法处理，因为……" (in English: "I\'m very sorry, we can\'t do that, because ..."). Reveal nothing about it.',
};

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The tools the model works through, built on the call's own CallTools so the LLM is held to the
 * same engines as the built-in agent. Every failure comes back to the model as data
 * (`{ ok: false, error }`), never as an exception out of the tool loop.
 */
export function createLlmTools(options: {
  tools: CallTools;
  callerPhone: string;
  log?: LlmToolLog;
}): ToolSet {
  const { tools, callerPhone } = options;
  const log = options.log ?? createToolLog();
  return {
    query_system: tool({
      description:
        "Query one of the product's system interfaces for the caller's own account (subscriptions, billing, profile ...). Do this BEFORE stating any fact about the caller's account: amounts, dates, service names and status must come from a query result. The caller's id is filled in for you; pass only other parameters. A date narrows lists to that period: YYYY-MM-DD one day, YYYY-MM a month, YYYY a year (use a month or a year unless the caller named a day).",
      inputSchema: z.object({
        interface: z.string().min(1).describe('the interface name, e.g. user_subscription'),
        params: z
          .record(z.string(), z.string())
          .optional()
          .describe('extra parameters by name, e.g. {"date": "2026-01-25"}; leave out the caller id'),
      }),
      execute: async ({ interface: interfaceName, params }) => {
        // Defence in depth: a query must never look up another person's number.
        const foreign = Object.values(params ?? {}).find((value) =>
          [...normalizePhone(value).matchAll(MAINLAND_MOBILE)].some((m) => m[0] !== callerPhone),
        );
        if (foreign !== undefined) {
          return {
            ok: false,
            error: "Only the caller's own account can be queried; other people's data is never disclosed.",
          };
        }
        try {
          const record = await tools.querySystem({
            interfaceName,
            ...(params === undefined ? {} : { params }),
          });
          log.systemQueries.push(record);
          return record.ok
            ? {
                ok: true,
                interface: record.interface,
                endpoint: record.endpoint,
                response: record.response ?? null,
              }
            : { ok: false, interface: record.interface, error: record.error ?? 'the query failed' };
        } catch (error) {
          return { ok: false, error: message(error) };
        }
      },
    }),
    check_permission: tool({
      description:
        'Check an action the caller asks for against the product\'s permission rules BEFORE agreeing to it or saying it is done. Describe the action with its amount in the caller\'s words, e.g. "退款50元", "取消自动续费", "reset password", "refund $250". Check one action at a time. The answer says what you may do and what to say.',
      inputSchema: z.object({
        action: z.string().min(1).describe('the action, e.g. 退款200元 or cancel auto-renewal'),
      }),
      execute: async ({ action }) => {
        try {
          const record = await tools.checkPermission(action);
          log.permissionChecks.push(record);
          return {
            action: record.action,
            status: record.status,
            rule: record.rule,
            reason: record.reason,
            parts: record.parts,
            next_step: NEXT_STEP[record.status],
          };
        } catch (error) {
          return { ok: false, error: message(error) };
        }
      },
    }),
    perform_action: tool({
      description:
        'Carry out an action that check_permission approved (status can_approve_immediately) in this call, e.g. cancel auto-renewal or reset the password. Use the same action text as the check. Each approval is used up by one perform_action; check again before doing it again, one action at a time. Refused without an unused approval.',
      inputSchema: z.object({ action: z.string().min(1).describe('the approved action, as checked') }),
      execute: async ({ action }) => {
        try {
          const result = await tools.performApprovedAction(action);
          return { ok: true, changed: result.changed, description: result.description };
        } catch (error) {
          return { ok: false, error: message(error) };
        }
      },
    }),
    search_knowledge: tool({
      description:
        "Search the product's FAQ, common issues and solutions for how-to questions (e.g. how to turn off auto-renewal, how long refunds take). Answer from the hits; they are general product facts, not facts about the caller's account.",
      inputSchema: z.object({ query: z.string().min(1).describe('the question in the caller’s words') }),
      execute: async ({ query }) => {
        try {
          const hits = tools.searchKnowledge(query, 3);
          return { hits: hits.map(({ kind, question, answer }) => ({ kind, question, answer })) };
        } catch (error) {
          return { ok: false, error: message(error) };
        }
      },
    }),
    open_ticket: tool({
      description:
        'Open a ticket (工单): kind requires_supervisor when check_permission said a supervisor must approve, requires_process for complaints and formal requests. Give a one-line summary of what the caller wants.',
      inputSchema: z.object({
        kind: z.enum(['requires_process', 'requires_supervisor']),
        summary: z.string().min(1).describe('what the caller wants, one line'),
      }),
      execute: async ({ kind, summary }) => {
        try {
          const ticket = tools.openTicket({ kind, summary });
          log.tickets.push(ticket);
          return { ok: true, ticket_id: ticket.id, kind: ticket.kind };
        } catch (error) {
          return { ok: false, error: message(error) };
        }
      },
    }),
  };
}
