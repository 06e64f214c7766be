import { z } from 'zod';
import { endLiveSession, recordLiveTurn, startLiveSession, withLiveSession } from '../call/live-session.js';
import type { CallerRef } from '../call/start-call.js';
import { checkCustomerUpdates } from '../domain/check-customer-updates.js';
import { CsError } from '../domain/cs-error.js';
import { detectLanguage, hasCjk, type Language } from '../domain/language.js';
import { ReviewSchema } from '../domain/session-schemas.js';
import { buildKnowledgeIndex } from '../knowledge/index.js';
import type { KnowledgeHit } from '../knowledge/knowledge-hit.js';
import { resolveRecord } from '../records/resolve-record.js';
import { renderCallEndBlock, renderCallStartBlock, renderReviewBlock } from '../render/call-blocks.js';
import { renderPermissionBlock } from '../render/permission-block.js';
import { renderSystemQueryBlock } from '../render/system-query-block.js';
import { defineOperation } from './define-operation.js';

const callId = z.string().min(1).describe('the live call id start_call returned (call_...)');

/** Exactly one way of naming the caller. */
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

/** A product named with the call must be the call's own. */
function sameProduct(
  callId: string,
  product: { name: string; _id: string },
  named: string | undefined,
): void {
  if (named !== undefined && product.name !== named && product._id !== named) {
    throw new CsError('E_USAGE', `Live call ${callId} is about "${product.name}", not "${named}".`);
  }
}

/** Steps 1–3: loads the product and operator, finds or creates the caller, opens a live call. */
export const startCallOperation = defineOperation({
  name: 'start_call',
  title: 'Start a call',
  description:
    'Step 1-3 of a call: loads the product and operator strategy, finds the caller (an unknown phone becomes a ' +
    'cold-start customer 来电客户_XXXX) and opens a live call. Returns the call id every other call tool needs and ' +
    'the start block to show (--- 客服电话已接通 ---). Name the caller by phone, by customer name, or new: true.',
  input: z.object({
    product: z.string().min(1).describe('product name or id (list_records type=product)'),
    operator: z.string().min(1).describe('operator strategy name or id (list_records type=operator)'),
    phone: z
      .string()
      .min(1)
      .optional()
      .describe('caller phone; an unknown number creates a cold-start customer'),
    customer: z.string().min(1).optional().describe('caller by full customer name, when no phone is known'),
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
  }),
  async run({ store }, input) {
    const language = input.language ?? 'zh';
    const { liveId, started } = await startLiveSession({
      store,
      product: input.product,
      operator: input.operator,
      caller: callerOf(input),
      language,
      ...(input.session_tag ? { tag: input.session_tag } : {}),
    });
    if (started.type !== 'session_started')
      throw new CsError('E_INTERNAL', 'start_call did not start a call.');
    return { call_id: liveId, ...started };
  },
  text(started, input) {
    const language = input.language ?? 'zh';
    return [
      renderCallStartBlock(started, language),
      language === 'en' ? `Call id: ${started.call_id}` : `通话ID · Call id: ${started.call_id}`,
    ].join('\n');
  },
});

/** Step 4, verify before stating: one query of a product interface for the call's caller. */
export const querySystemOperation = defineOperation({
  name: 'query_system',
  title: 'Query a system (verify)',
  description:
    'Step 4, verify before stating: queries one of the product’s system interfaces for this caller and records ' +
    'it in the call. Facts about the caller (subscriptions, charges, dates, status) may come only from these ' +
    'results. Give interface (a name from the product’s api_interfaces, e.g. user_subscription) or endpoint ' +
    '(a path such as /api/user/13800138000/billing?date=2026-01-25). A failed query comes back with ok:false and ' +
    'its reason: then say you cannot see it right now, never guess.',
  input: z.object({
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
    product: z.string().min(1).optional().describe('the call’s product, to check it is the one meant'),
    phone: z.string().min(1).optional().describe('the call’s caller, to check it is the one meant'),
    language: z.enum(['zh', 'en']).optional().describe('block language (default: the call’s)'),
  }),
  async run({ store, env }, input) {
    if ((input.interface === undefined) === (input.endpoint === undefined)) {
      throw new CsError('E_USAGE', 'Give exactly one of interface or endpoint.');
    }
    const target = {
      ...(input.interface === undefined ? {} : { interfaceName: input.interface }),
      ...(input.endpoint === undefined ? {} : { endpoint: input.endpoint }),
      ...(input.params === undefined ? {} : { params: input.params }),
    };
    return withLiveSession({
      store,
      liveId: input.call_id,
      env,
      work: async (session) => {
        const p = session.participants;
        sameProduct(input.call_id, p.product, input.product);
        if (input.phone !== undefined && input.phone !== p.phone) {
          throw new CsError(
            'E_REFUSED',
            `Live call ${input.call_id} is a call from ${p.phone}; it can query only that caller.`,
          );
        }
        return {
          result: await session.querySystem(target),
          phone: p.phone,
          language: session.record.language,
        };
      },
    });
  },
  text: ({ result, phone, language }, input) =>
    renderSystemQueryBlock(result, { lang: input.language ?? language, phone }),
  data: ({ result }) => result,
});

/** Step 5, check before agreeing: the engine's decision on one request, recorded in the call. */
export const checkPermissionOperation = defineOperation({
  name: 'check_permission',
  title: 'Check a permission',
  description:
    'Step 5, check before agreeing: decides an action the caller asks for (退款200元, 取消自动续费, 账户注销 ...) ' +
    'against the product’s operator_permissions and records the decision. Answer by its status: ' +
    'can_approve_immediately → you may do it; requires_supervisor → "需要我向主管申请，预计…内给您回复"; ' +
    'requires_process → "需要您提交正式申请，我帮您记录工单"; forbidden → "非常抱歉，这个我们无法处理，因为…". ' +
    'Never agree to an action this tool did not approve.',
  input: z.object({
    call_id: callId,
    action: z.string().min(1).describe('the requested action in the caller’s words, with amounts: 退款200元'),
    product: z.string().min(1).optional().describe('the call’s product, to check it is the one meant'),
    language: z.enum(['zh', 'en']).optional().describe('block language (default: the action’s)'),
  }),
  async run({ store }, input) {
    return withLiveSession({
      store,
      liveId: input.call_id,
      work: async (session) => {
        const product = session.participants.product;
        sameProduct(input.call_id, product, input.product);
        return { decision: await session.checkPermission(input.action), sla: String(product.sla ?? '') };
      },
    });
  },
  text: ({ decision, sla }, input) =>
    renderPermissionBlock(decision, { lang: input.language ?? detectLanguage(input.action, 'zh'), sla }),
  data: ({ decision }) => decision,
});

/** Carries out one action this call approved, using its approval up. */
export const performActionOperation = defineOperation({
  name: 'perform_action',
  title: 'Carry out an approved action',
  description:
    'Carries out an action that check_permission approved (can_approve_immediately) in this call, e.g. 取消自动续费 ' +
    'or 退款15元: the backend state changes (a later query_system shows it) and the result says what changed. ' +
    'Each approval carries out one action once: check again before doing it again, and act on one action at a time. ' +
    'Refused for anything this call has not approved. Tell the caller it is done only after this succeeds.',
  input: z.object({
    call_id: callId,
    action: z.string().min(1).describe('the action exactly as approved by check_permission'),
  }),
  run: ({ store, env }, input) =>
    withLiveSession({
      store,
      liveId: input.call_id,
      env,
      work: (session) => session.performApprovedAction(input.action),
    }),
  text: (done) => `已办理 Done: ${done.description}`,
});

/** A ticket (工单) for a supervisor or a formal process. */
export const openTicketOperation = defineOperation({
  name: 'open_ticket',
  title: 'Open a ticket',
  description:
    'Opens a ticket (工单) for an action that needs supervisor approval (requires_supervisor) or a formal process ' +
    '(requires_process), so the caller gets a number and a time to expect an answer. Give the ticket id to the caller.',
  input: z.object({
    call_id: callId,
    kind: z
      .enum(['requires_supervisor', 'requires_process'])
      .describe('the permission outcome the ticket is for'),
    summary: z.string().min(1).describe('what the ticket is about: 退款200元'),
  }),
  run: ({ store }, input) =>
    withLiveSession({
      store,
      liveId: input.call_id,
      work: (session) => session.openTicket({ kind: input.kind, summary: input.summary }),
    }),
  text: (ticket) => `已创建工单 Ticket ${ticket.id}: ${ticket.summary}`,
});

function renderHits(hits: KnowledgeHit[], language: Language): string {
  if (hits.length === 0) {
    return language === 'en'
      ? 'No knowledge entry answers this; ask the caller or check the system instead.'
      : '知识库中没有相关条目；请向客户确认或查询系统。';
  }
  return hits.map((h, i) => `${i + 1}. [${h.kind}] ${h.question}\n   ${h.answer}`).join('\n');
}

/** Retrieval over the product's FAQ, common issues and features. */
export const searchKnowledgeOperation = defineOperation({
  name: 'search_knowledge',
  title: 'Search product knowledge',
  description:
    'Searches the product’s FAQ, common issues with their solutions, and features, best first. Use it for ' +
    'how-to questions (如何取消自动续费？). It says nothing about this caller’s account: use query_system for that. ' +
    'Give call_id during a call, or product outside one.',
  readOnly: true,
  input: z.object({
    call_id: callId.optional(),
    product: z.string().min(1).optional().describe('product name or id, when not in a call'),
    query: z.string().min(1).describe('the question, in the caller’s words'),
    limit: z.number().int().min(1).max(10).optional().describe('at most this many hits (default 3)'),
  }),
  async run({ store }, input) {
    if ((input.call_id === undefined) === (input.product === undefined)) {
      throw new CsError('E_USAGE', 'Give exactly one of call_id or product.');
    }
    const limit = input.limit ?? 3;
    if (input.call_id !== undefined) {
      const liveId = input.call_id;
      return {
        hits: await withLiveSession({
          store,
          liveId,
          work: (session) => session.searchKnowledge(input.query, limit),
        }),
      };
    }
    const product = await resolveRecord(store, 'product', { name: input.product as string });
    return { hits: buildKnowledgeIndex(product).search(input.query, limit) };
  },
  text: ({ hits }, input) => renderHits(hits, detectLanguage(input.query, 'zh')),
});

/** What was said, in order; an agent's reply passes the grounded guard first. */
export const recordTurnOperation = defineOperation({
  name: 'record_turn',
  title: 'Record a turn',
  description:
    'Records what was said, in order: role customer for each thing the caller says (before you query or check), ' +
    'role agent for each reply you give. The saved session holds the whole conversation. A reply that states ' +
    'what no query showed, promises what was not approved or reveals another customer is refused: rephrase it.',
  input: z.object({
    call_id: callId,
    role: z.enum(['customer', 'agent']).describe('customer (the caller) or agent (you)'),
    content: z.string().min(1).describe('the words said'),
  }),
  async run({ store }, input) {
    await recordLiveTurn({ store, liveId: input.call_id, role: input.role, content: input.content });
    return { ok: true as const, call_id: input.call_id, role: input.role };
  },
  text: (out) => `已记录 Recorded (${out.role})`,
});

/** Step 7: ends the call and saves it with its review and what was learned. */
export const endCallOperation = defineOperation({
  name: 'end_call',
  title: 'End and save a call',
  description:
    'Step 7: ends the call and saves it to history (cs_YYYYMMDD_seq_tag) with the conversation, queries and ' +
    'permission checks, and adds the call to the customer’s interaction_history. Give a review ' +
    '{resolution_status: resolved|partially_resolved|unresolved, issue_summary, actions_taken[], follow_up_required, ' +
    'customer_updates{}} stating only what happened; without one, a review is made from what was recorded. ' +
    'Put what you learned about a cold-start caller (real name, communication_style ...) in update_customer.',
  input: z.object({
    call_id: callId,
    review: ReviewSchema.optional().describe('the end-of-call review; made from the record when omitted'),
    update_customer: z
      .record(z.string(), z.unknown())
      .optional()
      .describe(
        'fields learned about the caller, e.g. {"name": "王女士", "communication_style": "直接简洁"}',
      ),
  }),
  async run({ store }, input) {
    if (input.update_customer !== undefined) checkCustomerUpdates(input.update_customer, 'update_customer');
    if (input.review !== undefined)
      checkCustomerUpdates(input.review.customer_updates, 'review.customer_updates');
    const saved = await endLiveSession({
      store,
      liveId: input.call_id,
      ...(input.review === undefined ? {} : { review: input.review }),
      ...(input.update_customer === undefined ? {} : { customerUpdates: input.update_customer }),
    });
    return { session_id: saved.sessionId, path: saved.path, review: saved.review };
  },
  text(saved) {
    const lang: Language = hasCjk(saved.review.issue_summary) ? 'zh' : 'en';
    return [
      renderCallEndBlock(lang),
      renderReviewBlock(saved.review, lang),
      `会话已保存 Session saved: ${saved.session_id} (${saved.path})`,
    ].join('\n');
  },
});

/** The live-call operations, in the order a call uses them (MCP registers them as tools). */
export const CALL_OPERATIONS = [
  startCallOperation,
  querySystemOperation,
  checkPermissionOperation,
  performActionOperation,
  openTicketOperation,
  searchKnowledgeOperation,
  recordTurnOperation,
  endCallOperation,
] as const;
