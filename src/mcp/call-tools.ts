import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { endLiveSession, recordLiveTurn, startLiveSession, withLiveSession } from '../call/live-session.js';
import type { CallerRef } from '../call/start-call.js';
import { checkCustomerUpdates } from '../domain/check-customer-updates.js';
import { CsError } from '../domain/cs-error.js';
import type { Language } from '../domain/language.js';
import { detectLanguage } from '../domain/language.js';
import { ReviewSchema } from '../domain/session-schemas.js';
import { buildKnowledgeIndex } from '../knowledge/index.js';
import type { KnowledgeHit } from '../knowledge/knowledge-hit.js';
import { resolveRecord } from '../records/resolve-record.js';
import { renderCallEndBlock, renderCallStartBlock, renderReviewBlock } from '../render/call-blocks.js';
import { renderPermissionBlock } from '../render/permission-block.js';
import { renderSystemQueryBlock } from '../render/system-query-block.js';
import type { RecordStore } from '../store/record-store.js';
import type { CallerScope } from './_caller-scope.js';
import { guarded, toolResult } from './_tool-result.js';

const callId = z.string().min(1).describe('the live call id start_call returned (live_...)');

/** Exactly one way of naming the caller, as `cs session start` takes it. */
function callerOf(args: {
  phone?: string | undefined;
  customer?: string | undefined;
  new?: boolean | undefined;
}): CallerRef {
  const named = [args.phone, args.customer].filter((v) => v !== undefined).length;
  if (named > 1) throw new CsError('E_USAGE', 'Give either phone or customer, not both.');
  if (args.customer !== undefined) return { customer: args.customer };
  if (args.phone !== undefined) return { phone: args.phone };
  if (args.new === true) return { new: true };
  throw new CsError(
    'E_USAGE',
    'Say who is calling: phone, customer (a name), or new: true for a new caller without a number.',
  );
}

function renderHits(hits: KnowledgeHit[], language: Language): string {
  if (hits.length === 0) {
    return language === 'en'
      ? 'No knowledge entry answers this; ask the caller or check the system instead.'
      : '知识库中没有相关条目；请向客户确认或查询系统。';
  }
  return hits.map((h, i) => `${i + 1}. [${h.kind}] ${h.question}\n   ${h.answer}`).join('\n');
}

/**
 * The call tools. Each one records into the same live session `cs session ...` drives, through
 * the same library, so a call run over MCP saves exactly what a CLI-driven call saves.
 */
export function registerCallTools(
  server: McpServer,
  store: RecordStore,
  env: NodeJS.ProcessEnv,
  /** Told of each call started and ended here, so the record tools can show its caller. */
  scope?: CallerScope,
): void {
  server.registerTool(
    'start_call',
    {
      title: 'Start a call',
      description:
        'Step 1-3 of a call: loads the product and operator strategy, finds the caller (an unknown phone becomes a ' +
        'cold-start customer 来电客户_XXXX) and opens a live call. Returns the call id every other call tool needs and ' +
        'the start block to show (--- 客服电话已接通 ---). Name the caller by phone, by customer name, or new: true.',
      inputSchema: {
        product: z.string().min(1).describe('product name or id (list_records type=product)'),
        operator: z.string().min(1).describe('operator strategy name or id (list_records type=operator)'),
        phone: z
          .string()
          .min(1)
          .optional()
          .describe('caller phone; an unknown number creates a cold-start customer'),
        customer: z
          .string()
          .min(1)
          .optional()
          .describe('caller by full customer name, when no phone is known'),
        new: z.boolean().optional().describe('true for a new caller who gave no phone number'),
        language: z
          .enum(['zh', 'en'])
          .optional()
          .describe('call language (default zh); switches with the caller'),
        session_tag: z
          .string()
          .regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, - and _ only')
          .optional()
          .describe('your own session id, used in the saved id cs_YYYYMMDD_seq_<tag>'),
      },
    },
    guarded(async (args) => {
      const language = args.language ?? 'zh';
      if (args.customer !== undefined) await scope?.checkCallerName(args.customer);
      const { liveId, started } = await startLiveSession({
        store,
        product: args.product,
        operator: args.operator,
        caller: callerOf(args),
        language,
        ...(args.session_tag ? { tag: args.session_tag } : {}),
      });
      if (started.type !== 'session_started')
        throw new CsError('E_INTERNAL', 'start_call did not start a session.');
      scope?.callStarted(liveId, started.customer.id);
      const text = [
        renderCallStartBlock(started, language),
        language === 'en' ? `Call id: ${liveId}` : `通话ID · Call id: ${liveId}`,
      ].join('\n');
      return toolResult(text, { call_id: liveId, ...started });
    }),
  );

  server.registerTool(
    'query_system',
    {
      title: 'Query a system (verify)',
      description:
        'Step 4, verify before stating: queries one of the product’s system interfaces for this caller and records ' +
        'it in the call. Facts about the caller (subscriptions, charges, dates, status) may come only from these ' +
        'results. Give interface (a name from the product’s api_interfaces, e.g. user_subscription) or endpoint ' +
        '(a path such as /api/user/13800138000/billing?date=2026-01-25). A failed query comes back with ok:false and ' +
        'its reason: then say you cannot see it right now, never guess.',
      inputSchema: {
        call_id: callId,
        interface: z.string().min(1).optional().describe('interface name from the product’s api_interfaces'),
        endpoint: z
          .string()
          .min(1)
          .optional()
          .describe('an endpoint path matching one of the interface templates'),
        params: z
          .record(z.string(), z.string())
          .optional()
          .describe('extra parameters, e.g. {"date": "2026-01-25"}; the caller’s user_id is filled in'),
      },
    },
    guarded(async (args) => {
      if ((args.interface === undefined) === (args.endpoint === undefined)) {
        throw new CsError('E_USAGE', 'Give exactly one of interface or endpoint.');
      }
      const target = {
        ...(args.interface === undefined ? {} : { interfaceName: args.interface }),
        ...(args.endpoint === undefined ? {} : { endpoint: args.endpoint }),
        ...(args.params === undefined ? {} : { params: args.params }),
      };
      const { result, phone, language } = await withLiveSession({
        store,
        liveId: args.call_id,
        env,
        work: async (session) => ({
          result: await session.querySystem(target),
          phone: session.participants.phone,
          language: session.record.language,
        }),
      });
      return toolResult(renderSystemQueryBlock(result, { lang: language, phone }), result);
    }),
  );

  server.registerTool(
    'check_permission',
    {
      title: 'Check a permission',
      description:
        'Step 5, check before agreeing: decides an action the caller asks for (退款200元, 取消自动续费, 账户注销 ...) ' +
        'against the product’s operator_permissions and records the decision. Answer by its status: ' +
        'can_approve_immediately → you may do it; requires_supervisor → "需要我向主管申请，预计…内给您回复"; ' +
        'requires_process → "需要您提交正式申请，我帮您记录工单"; forbidden → "非常抱歉，这个我们无法处理，因为…". ' +
        'Never agree to an action this tool did not approve.',
      inputSchema: {
        call_id: callId,
        action: z
          .string()
          .min(1)
          .describe('the requested action in the caller’s words, with amounts: 退款200元'),
      },
    },
    guarded(async (args) => {
      const { decision, sla } = await withLiveSession({
        store,
        liveId: args.call_id,
        work: async (session) => ({
          decision: await session.checkPermission(args.action),
          sla: String(session.participants.product.sla ?? ''),
        }),
      });
      const lang = detectLanguage(args.action, 'zh');
      return toolResult(renderPermissionBlock(decision, { lang, sla }), decision);
    }),
  );

  server.registerTool(
    'perform_action',
    {
      title: 'Carry out an approved action',
      description:
        'Carries out an action that check_permission approved (can_approve_immediately) in this call, e.g. 取消自动续费 ' +
        'or 退款15元: the backend state changes (a later query_system shows it) and the result says what changed. ' +
        'Each approval carries out one action once: check again before doing it again, and act on one action at a time. ' +
        'Refused for anything this call has not approved. Tell the caller it is done only after this succeeds.',
      inputSchema: {
        call_id: callId,
        action: z.string().min(1).describe('the action exactly as approved by check_permission'),
      },
    },
    guarded(async (args) => {
      const done = await withLiveSession({
        store,
        liveId: args.call_id,
        env,
        work: (session) => session.performApprovedAction(args.action),
      });
      return toolResult(done.description, done);
    }),
  );

  server.registerTool(
    'open_ticket',
    {
      title: 'Open a ticket',
      description:
        'Opens a ticket (工单) for an action that needs supervisor approval (requires_supervisor) or a formal process ' +
        '(requires_process), so the caller gets a number and a time to expect an answer. Give the ticket id to the caller.',
      inputSchema: {
        call_id: callId,
        kind: z
          .enum(['requires_supervisor', 'requires_process'])
          .describe('the permission outcome the ticket is for'),
        summary: z.string().min(1).describe('what the ticket is about: 退款200元'),
      },
    },
    guarded(async (args) => {
      const ticket = await withLiveSession({
        store,
        liveId: args.call_id,
        work: (session) => session.openTicket({ kind: args.kind, summary: args.summary }),
      });
      return toolResult(`工单 Ticket ${ticket.id}: ${ticket.summary}`, ticket);
    }),
  );

  server.registerTool(
    'search_knowledge',
    {
      title: 'Search product knowledge',
      description:
        'Searches the product’s FAQ, common issues with their solutions, and features, best first. Use it for ' +
        'how-to questions (如何取消自动续费？). It says nothing about this caller’s account: use query_system for that. ' +
        'Give call_id during a call, or product outside one.',
      inputSchema: {
        call_id: callId.optional(),
        product: z.string().min(1).optional().describe('product name or id, when not in a call'),
        query: z.string().min(1).describe('the question, in the caller’s words'),
        limit: z.number().int().min(1).max(10).optional().describe('at most this many hits (default 3)'),
      },
      annotations: { readOnlyHint: true },
    },
    guarded(async (args) => {
      if ((args.call_id === undefined) === (args.product === undefined)) {
        throw new CsError('E_USAGE', 'Give exactly one of call_id or product.');
      }
      const limit = args.limit ?? 3;
      let hits: KnowledgeHit[];
      if (args.call_id !== undefined) {
        const liveId = args.call_id;
        hits = await withLiveSession({
          store,
          liveId,
          work: (session) => session.searchKnowledge(args.query, limit),
        });
      } else {
        const product = await resolveRecord(store, 'product', { name: args.product as string });
        hits = buildKnowledgeIndex(product).search(args.query, limit);
      }
      return toolResult(renderHits(hits, detectLanguage(args.query, 'zh')), { hits });
    }),
  );

  server.registerTool(
    'record_turn',
    {
      title: 'Record a turn',
      description:
        'Records what was said, in order: role customer for each thing the caller says (before you query or check), ' +
        'role agent for each reply you give. The saved session holds the whole conversation.',
      inputSchema: {
        call_id: callId,
        role: z.enum(['customer', 'agent']).describe('customer (the caller) or agent (you)'),
        content: z.string().min(1).describe('the words said'),
      },
    },
    guarded(async (args) => {
      await recordLiveTurn({ store, liveId: args.call_id, role: args.role, content: args.content });
      return toolResult(`已记录 Recorded (${args.role})`, {
        ok: true,
        call_id: args.call_id,
        role: args.role,
      });
    }),
  );

  server.registerTool(
    'end_call',
    {
      title: 'End and save a call',
      description:
        'Step 7: ends the call and saves it to history (cs_YYYYMMDD_seq_tag) with the conversation, queries and ' +
        'permission checks, and adds the call to the customer’s interaction_history. Give a review ' +
        '{resolution_status: resolved|partially_resolved|unresolved, issue_summary, actions_taken[], follow_up_required, ' +
        'customer_updates{}} stating only what happened; without one, a review is made from what was recorded. ' +
        'Put what you learned about a cold-start caller (real name, communication_style ...) in update_customer.',
      inputSchema: {
        call_id: callId,
        review: ReviewSchema.optional().describe('the end-of-call review; made from the record when omitted'),
        update_customer: z
          .record(z.string(), z.unknown())
          .optional()
          .describe(
            'fields learned about the caller, e.g. {"name": "王女士", "communication_style": "直接简洁"}',
          ),
      },
    },
    guarded(async (args) => {
      if (args.update_customer !== undefined) checkCustomerUpdates(args.update_customer, 'update_customer');
      if (args.review !== undefined)
        checkCustomerUpdates(args.review.customer_updates, 'review.customer_updates');
      const saved = await endLiveSession({
        store,
        liveId: args.call_id,
        ...(args.review === undefined ? {} : { review: args.review }),
        ...(args.update_customer === undefined ? {} : { customerUpdates: args.update_customer }),
      });
      scope?.callEnded(args.call_id);
      const lang: Language = /[\u3400-\u9fff]/.test(saved.review.issue_summary) ? 'zh' : 'en';
      const text = [
        renderCallEndBlock(lang),
        renderReviewBlock(saved.review, lang),
        `会话已保存 Session saved: ${saved.sessionId} (${saved.path})`,
      ].join('\n');
      return toolResult(text, { session_id: saved.sessionId, path: saved.path, review: saved.review });
    }),
  );
}
