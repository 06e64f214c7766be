// Test double (not shipped): a call in progress with in-memory tools and no store, for agent
// tests. Call tests that need the real tools use CallSession on MemoryRecordStore instead.

import type { CallContext, CallTools } from '../../src/call/call-agent.js';
import { requestLedger } from '../../src/call/request-ledger.js';
import { CsError } from '../../src/domain/cs-error.js';
import type { Language } from '../../src/domain/language.js';
import type { Customer } from '../../src/domain/record-schemas.js';
import type {
  ConversationTurn,
  PermissionCheckRecord,
  SystemQueryRecord,
  TicketRecord,
  WithdrawalRecord,
} from '../../src/domain/session-schemas.js';
import type { KnowledgeHit } from '../../src/knowledge/knowledge-hit.js';
import { CUSTOMER_ZH, OPERATOR_ZH, PRODUCT_ZH, SUBSCRIPTION } from './scenario-records.js';

export { CUSTOMER_ZH, OPERATOR_ZH, OTHER_CUSTOMERS, PRODUCT_ZH, SUBSCRIPTION } from './scenario-records.js';

function amountOf(action: string): number | undefined {
  const m = /(\d+(?:\.\d+)?)/.exec(action);
  return m ? Number(m[1]) : undefined;
}

/** A tiny stand-in for the permission engine, enough for agent tests. */
function decide(action: string): Pick<PermissionCheckRecord, 'status' | 'rule' | 'reason'> {
  if (/其他用户|别人|other customer|another customer/i.test(action)) {
    return { status: 'forbidden', rule: '透露其他用户信息', reason: '禁止操作' };
  }
  if (/退|refund/i.test(action)) {
    const amount = amountOf(action);
    if (amount !== undefined && amount < 100) {
      return { status: 'can_approve_immediately', rule: '退款<100元', reason: '在权限范围内(退款<100元)' };
    }
    return { status: 'requires_supervisor', rule: '退款>=100元', reason: '超出当前权限(退款>=100元)' };
  }
  if (/自动续费|auto-?renew/i.test(action)) {
    return { status: 'can_approve_immediately', rule: '取消自动续费', reason: '在权限范围内(取消自动续费)' };
  }
  if (/密码|password/i.test(action)) {
    return { status: 'can_approve_immediately', rule: '重置密码', reason: '在权限范围内(重置密码)' };
  }
  if (/投诉|complaint/i.test(action))
    return { status: 'requires_process', rule: '投诉处理', reason: '需要走流程' };
  return { status: 'requires_supervisor', rule: null, reason: '没有规则覆盖，需要主管审批' };
}

/** A call in progress with in-memory tools; the arrays fill as the agent uses the tools. */
export function createFakeCall(options?: {
  language?: Language;
  coldStart?: boolean;
  customer?: Customer;
  conversation?: ConversationTurn[];
  mock?: Record<string, unknown>;
}): CallContext & {
  systemQueries: SystemQueryRecord[];
  permissionChecks: PermissionCheckRecord[];
  tickets: TicketRecord[];
  performed: string[];
  withdrawals: WithdrawalRecord[];
} {
  const systemQueries: SystemQueryRecord[] = [];
  const permissionChecks: PermissionCheckRecord[] = [];
  const tickets: TicketRecord[] = [];
  const performed: string[] = [];
  const withdrawals: WithdrawalRecord[] = [];
  const used = new Set<number>();
  // The real ledger over the fake's lists: what the agent withdraws is what a call would.
  const ledger = () =>
    requestLedger({
      permission_checks: permissionChecks,
      tickets,
      actions_performed: performed.map((action) => ({ action, description: `${action}: done` })),
      withdrawals,
    });
  const customer = options?.customer ?? CUSTOMER_ZH;
  const phone = String(customer.phone);
  const mock = options?.mock ?? { user_subscription: SUBSCRIPTION };
  const interfaces = PRODUCT_ZH.api_interfaces as Record<
    string,
    { endpoint: string; method: string; description: string }
  >;

  const tools: CallTools = {
    async querySystem({ interfaceName }) {
      const spec = interfaces[interfaceName];
      const record: SystemQueryRecord = spec
        ? {
            interface: interfaceName,
            method: spec.method,
            endpoint: spec.endpoint.replace('{user_id}', phone),
            purpose: spec.description,
            mock: true,
            ok: true,
            response: mock[interfaceName] ?? {},
          }
        : {
            interface: interfaceName,
            method: 'GET',
            endpoint: '',
            purpose: '',
            mock: true,
            ok: false,
            error: `No interface named ${interfaceName}.`,
          };
      systemQueries.push(record);
      return record;
    },
    async checkPermission(action) {
      const record = { action, ...decide(action) };
      permissionChecks.push(record);
      return { ...record, parts: [{ text: action, status: record.status }] };
    },
    async performApprovedAction(action) {
      // Each approval is single-use, as in a real call.
      const approved = permissionChecks.findIndex(
        (c, i) => c.action === action && c.status === 'can_approve_immediately' && !used.has(i),
      );
      if (approved < 0)
        throw new CsError('E_REFUSED', `no unused approval for "${action}" in this call; check it first.`);
      used.add(approved);
      performed.push(action);
      return { changed: true, description: `${action}: done` };
    },
    openTicket({ kind, summary }) {
      const ticket = { id: `T${tickets.length + 1}`, kind, summary };
      tickets.push(ticket);
      return ticket;
    },
    withdrawRequest(input) {
      const standing = ledger().filter((e) => e.state === 'approved' || e.state === 'escalated');
      const said = input?.text;
      // The fake has no engine: the newest standing request, or the newest one whose words the text holds.
      const target =
        said === undefined
          ? standing.at(-1)
          : (standing.findLast((e) => said.includes(e.what)) ?? standing.at(-1));
      if (!target) return undefined;
      withdrawals.push({
        action: target.action,
        what: target.what,
        ...(target.ticket_id === undefined ? {} : { ticket_id: target.ticket_id }),
      });
      return { ...target, withdrawn: true, state: 'withdrawn' };
    },
    searchKnowledge(query) {
      const faq = PRODUCT_ZH.faq as Array<{ q: string; a: string }>;
      return faq
        .filter((f) => [...query].some((c) => f.q.includes(c)))
        .map((f): KnowledgeHit => ({ kind: 'faq', question: f.q, answer: f.a, score: 1 }));
    },
  };

  return {
    product: PRODUCT_ZH,
    operator: OPERATOR_ZH,
    customer,
    phone,
    coldStart: options?.coldStart ?? false,
    language: options?.language ?? 'zh',
    conversation: options?.conversation ?? [{ role: 'agent', content: String(OPERATOR_ZH.greeting) }],
    systemQueries,
    permissionChecks,
    tickets,
    withdrawals,
    learned: {},
    tools,
    performed,
  };
}
