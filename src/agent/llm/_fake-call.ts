// Test support only (not exported): a call context with in-memory tools, no store needed.

import type { CallContext, CallTools } from '../../call/call-agent.js';
import { CsError } from '../../domain/cs-error.js';
import type { Language } from '../../domain/language.js';
import type { StoredRecord } from '../../domain/record-schemas.js';
import type {
  ConversationTurn,
  PermissionCheckRecord,
  SystemQueryRecord,
  TicketRecord,
} from '../../domain/session-schemas.js';
import type { KnowledgeHit } from '../../knowledge/knowledge-hit.js';

export const PRODUCT_ZH: StoredRecord = {
  _id: 'a1b2c3d4',
  _type: 'product',
  _created: '2026-01-01T00:00:00.000000',
  name: '会员订阅服务',
  description: '视频平台的会员订阅服务，按月或按年收费，支持自动续费。',
  features: ['高清与4K画质', '多设备同时观看', '自动续费可随时关闭'],
  common_issues: ['不清楚为什么被扣费', '想关闭自动续费'],
  solutions: ['查询订阅与账单明细并解释扣费来源', '在权限内帮客户关闭自动续费'],
  faq: [
    { q: '如何取消会员自动续费？', a: '打开App，进入我的-会员中心-自动续费管理，点关闭就可以了。' },
    { q: '退款多久到账？', a: '原路退回，一般1到3个工作日到账。' },
  ],
  escalation_criteria: ['单笔退款金额达到100元', '客户要求注销账户'],
  sla: '电话即时响应；主管审批2小时内回复；投诉工单48小时内处理',
  api_interfaces: {
    user_subscription: {
      description: '查询用户订阅状态',
      endpoint: '/api/user/{user_id}/subscriptions',
      method: 'GET',
      params: ['user_id'],
      response_fields: ['subscriptions', 'status'],
      mock_enabled: true,
    },
    user_billing: {
      description: '查询账单明细',
      endpoint: '/api/user/{user_id}/billing',
      method: 'GET',
      params: ['user_id', 'date'],
      response_fields: ['transactions', 'total'],
      mock_enabled: true,
    },
  },
  operator_permissions: {
    can_approve_immediately: ['退款<100元', '重置密码', '取消自动续费'],
    requires_supervisor: ['退款>=100元', '账户注销'],
    requires_process: ['投诉处理', '赔偿申请'],
    forbidden: ['透露其他用户信息'],
  },
};

export const OPERATOR_ZH: StoredRecord = {
  _id: 'b1b2c3d4',
  _type: 'operator',
  _created: '2026-01-01T00:00:00.000000',
  name: 'HEAR策略',
  methodology: 'HEAR',
  greeting: '您好，会员服务中心，我是小王，您请讲。',
  discovery_questions: ['您说的是哪个账号呀？', '大概什么时候发现的？'],
  empathy_phrases: ['理解理解，换我也着急', '这事儿确实体验不好'],
  resolution_steps: ['听清问题', '表示理解', '必要时道歉', '查询系统后给方案'],
  objection_handling: { 要求马上退全款: '先说明权限和时效，再给能做的方案' },
  closing_technique: '还有别的能帮您的吗？那先这样，祝您生活愉快。',
};

export const CUSTOMER_ZH: StoredRecord = {
  _id: 'c1b2c3d4',
  _type: 'customer',
  _created: '2026-01-01T00:00:00.000000',
  name: '张先生',
  phone: '13800138000',
  type: 'returning',
  background: '老会员，开通三年',
  communication_style: '直接简洁',
  special_needs: '无',
};

export const OTHER_CUSTOMERS = [
  { name: '李女士', phone: '13912345678' },
  { name: 'Ms. Lee', phone: '13912345679' },
];

export const SUBSCRIPTION = {
  subscriptions: [{ name: '超级会员', fee: 15.0, start_date: '2025-12-20', auto_renew: true }],
  status: 'active',
};

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
  customer?: StoredRecord;
  conversation?: ConversationTurn[];
  mock?: Record<string, unknown>;
}): CallContext & {
  systemQueries: SystemQueryRecord[];
  permissionChecks: PermissionCheckRecord[];
  tickets: TicketRecord[];
  performed: string[];
} {
  const systemQueries: SystemQueryRecord[] = [];
  const permissionChecks: PermissionCheckRecord[] = [];
  const tickets: TicketRecord[] = [];
  const performed: string[] = [];
  const used = new Set<number>();
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
    learned: {},
    tools,
    performed,
  };
}
