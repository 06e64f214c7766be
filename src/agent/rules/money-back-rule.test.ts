import { describe, expect, it } from 'vitest';
import { PRODUCT_ZH } from '../../../test/support/scenario-records.js';
import type { CallContext } from '../../call/call-agent.js';
import type { SystemQueryRecord } from '../../domain/session-schemas.js';
import { findActionRequests } from '../../permissions/index.js';
import { moneyBackInRuleWords } from './money-back-rule.js';

const telecom = {
  ...PRODUCT_ZH,
  api_interfaces: {
    bill_detail: {
      description: '查询月度话费账单明细',
      endpoint: '/bill',
      method: 'GET',
      response_fields: ['items'],
    },
    value_added_services: {
      description: '查询已订购的增值业务及其订购时间',
      endpoint: '/vas',
      method: 'GET',
      response_fields: ['services'],
    },
  },
  operator_permissions: {
    can_approve_immediately: ['退还增值业务费<50元'],
    requires_supervisor: ['退还话费>=50元'],
    requires_process: [],
    forbidden: [],
  },
};

const services: SystemQueryRecord = {
  interface: 'value_added_services',
  method: 'GET',
  endpoint: '/vas',
  purpose: '查询已订购的增值业务及其订购时间',
  mock: true,
  ok: true,
  response: { services: [{ name: '视频彩铃包', fee: 15, status: 'active' }] },
};

const context = (queries: SystemQueryRecord[]) =>
  ({ product: telecom, language: 'zh', systemQueries: queries }) as unknown as CallContext;

describe('moneyBackInRuleWords', () => {
  it('names the money-back rule whose words the paid item and its interface share', () => {
    const [refund] = findActionRequests('退款15元');
    expect(moneyBackInRuleWords(context([services]), refund!)).toBe('退还增值业务费15元');
  });

  it('names none without a paid item of that amount', () => {
    const [refund] = findActionRequests('退款30元');
    expect(moneyBackInRuleWords(context([services]), refund!)).toBeUndefined();
    expect(moneyBackInRuleWords(context([]), findActionRequests('退款15元')[0]!)).toBeUndefined();
  });
});

describe('moneyBackInRuleWords: rules in pounds', () => {
  const gym = {
    name: 'Northside Climbing Wall',
    api_interfaces: {
      extras: {
        description: 'look up extras bought: shoe hire, chalk, lockers',
        endpoint: '/extras',
        method: 'GET',
        response_fields: ['extras'],
      },
    },
    operator_permissions: {
      can_approve_immediately: ['refund shoe hire under £10'],
      requires_supervisor: ['refund a membership £10 or more'],
      requires_process: [],
      forbidden: [],
    },
  };
  const extras: SystemQueryRecord = {
    interface: 'extras',
    method: 'GET',
    endpoint: '/extras',
    purpose: 'look up extras bought',
    mock: true,
    ok: true,
    response: { extras: [{ name: 'shoe hire', fee: 6 }] },
  };

  it('names the rule with the amount in pounds', () => {
    const ctx = { product: gym, language: 'en', systemQueries: [extras] } as unknown as CallContext;
    const said = moneyBackInRuleWords(ctx, findActionRequests('refund £6')[0]!);
    expect(said).toBe('refund shoe hire £6');
  });
});
