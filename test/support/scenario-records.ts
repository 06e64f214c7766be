// Test fixtures (not shipped): the scenario records every unit test shares. They live under
// test/ rather than src/test-support/ because nothing outside this repository imports them; the
// doubles the library ships (the mock backend and mock server) stay in src/systems/.

import { recordOf } from '../../src/domain/record-of.js';
import type { Customer, Operator, Product, RecordOf, RecordType } from '../../src/domain/record-schemas.js';
import type { SystemQueryRecord } from '../../src/domain/session-schemas.js';

/**
 * The seed's subscription product (../shared/scenarios/calls/records.json) with its id; the one
 * copy the systems, agent and call tests use. Overrides replace fields.
 */
export function scenarioProduct(overrides: Record<string, unknown> = {}): Product {
  return {
    _id: 'ea1677ad',
    _type: 'product',
    _created: '2026-01-01T00:00:00.000000',
    name: '会员订阅服务',
    description: '视频平台的会员订阅服务，按月或按年收费，支持自动续费。',
    features: ['高清与4K画质', '多设备同时观看', '会员专属内容', '自动续费可随时关闭'],
    common_issues: ['不清楚为什么被扣费', '想关闭自动续费', '会员权益没有到账', '登录不上账号'],
    solutions: [
      '查询订阅与账单明细并解释扣费来源',
      '在权限内帮客户关闭自动续费',
      '核实订单后补发权益',
      '协助重置密码',
    ],
    faq: [
      {
        q: '如何取消会员自动续费？',
        a: '打开App，进入我的-会员中心-自动续费管理，点关闭就可以了，也可以让客服帮您关闭。',
      },
      { q: '会员可以几台设备同时用？', a: '同一时间最多两台设备同时观看。' },
      { q: '退款多久到账？', a: '原路退回，一般1到3个工作日到账。' },
    ],
    escalation_criteria: ['单笔退款金额达到100元', '客户要求注销账户', '客户情绪激烈并明确要投诉'],
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
      user_profile: {
        description: '查询用户基本信息',
        endpoint: '/api/user/{user_id}',
        method: 'GET',
        params: ['user_id'],
        response_fields: ['name', 'level', 'status'],
        mock_enabled: true,
      },
    },
    operator_permissions: {
      can_approve_immediately: ['退款<100元', '重置密码', '取消自动续费'],
      requires_supervisor: ['退款>=100元', '账户注销'],
      requires_process: ['投诉处理', '赔偿申请'],
      forbidden: ['透露其他用户信息'],
    },
    ...overrides,
  };
}

/** The scenario product as a constant, for tests that never change it. */
export const PRODUCT_ZH: Product = scenarioProduct();

/** An English product (records-en.json; two of its features, two of its interfaces). */
export function enProduct(overrides: Record<string, unknown> = {}): Product {
  return {
    _id: '0b1c2d3e',
    _type: 'product',
    _created: '2026-01-01T00:00:00.000000',
    name: 'StreamPlus Premium',
    description: 'A video streaming subscription billed monthly or yearly, with auto-renewal.',
    features: ['4K streaming', 'Offline downloads'],
    common_issues: ['Unrecognised charge', 'Wants to stop auto-renewal', 'Cannot sign in'],
    solutions: ['Look up subscriptions and billing and explain the charge', 'Reset the password'],
    faq: [
      {
        q: 'How long does a refund take?',
        a: 'Refunds go back to the original payment method within 1 to 3 business days.',
      },
    ],
    escalation_criteria: ['Refund of $100 or more', 'Account closure requests'],
    sla: 'Supervisor decisions within 2 hours; complaint tickets within 48 hours',
    api_interfaces: {
      user_subscription: {
        description: "Look up the caller's subscriptions",
        endpoint: '/api/user/{user_id}/subscriptions',
        method: 'GET',
        params: ['user_id'],
        response_fields: ['subscriptions', 'status'],
        mock_enabled: true,
      },
      user_billing: {
        description: 'Look up billing transactions',
        endpoint: '/api/user/{user_id}/billing',
        method: 'GET',
        params: ['user_id', 'date'],
        response_fields: ['transactions', 'total'],
        mock_enabled: true,
      },
    },
    operator_permissions: {
      can_approve_immediately: ['refund < $100', 'password reset', 'cancel auto-renewal'],
      requires_supervisor: ['refund >= $100', 'account closure'],
      requires_process: ['complaint', 'compensation claim'],
      forbidden: ["disclose other customers' information"],
    },
    ...overrides,
  };
}

export const OPERATOR_ZH: Operator = {
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

export const CUSTOMER_ZH: Customer = {
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

/** The scenario caller's subscription query as a call records it; overrides replace fields. */
export function subscriptionQuery(overrides: Partial<SystemQueryRecord> = {}): SystemQueryRecord {
  return {
    interface: 'user_subscription',
    method: 'GET',
    endpoint: '/api/user/13800138000/subscriptions',
    purpose: '查询用户订阅状态',
    mock: true,
    ok: true,
    response: SUBSCRIPTION,
    ...overrides,
  };
}

/** A fixed clock for tests. */
export function fixedClock(iso = '2026-01-25T10:00:00'): { now(): Date } {
  return { now: () => new Date(iso) };
}

/**
 * A record of `type` for a test, from plain fields (a scenario file's record, or only the fields
 * a test needs), with metadata added and typed through `recordOf` as a store types its records.
 */
export function testRecord<T extends RecordType>(
  type: T,
  id: string,
  fields: Record<string, unknown>,
): RecordOf<T> {
  const name = typeof fields.name === 'string' ? fields.name : '';
  return recordOf(type, { ...fields, _id: id, _type: type, _created: '2026-11-25T00:00:00.000000', name });
}

/**
 * A caller's billing with one 299元 yearly charge: a refund above the agent's limit (100元) has
 * something to refund (the approval, serve and browser tests).
 */
export const YEARLY_CHARGE_BILLING = {
  transactions: [
    {
      transaction_id: 'T20261101001',
      date: '2026-11-01',
      amount: 299,
      description: '年度会员',
      type: 'charge',
    },
  ],
  total: 299,
} as const;
