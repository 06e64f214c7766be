import { describe, expect, it } from 'vitest';
import { PRODUCT_ZH } from '../../../test/support/scenario-records.js';
import type { CallContext } from '../../call/call-agent.js';
import type { SystemQueryRecord } from '../../domain/session-schemas.js';
import { findActionRequests } from '../../permissions/index.js';
import { moneyBackForCaseTold, moneyBackInRuleWords } from './money-back-rule.js';

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

describe('moneyBackForCaseTold', () => {
  const shop = {
    ...PRODUCT_ZH,
    operator_permissions: {
      can_approve_immediately: [
        '质量问题（烂、坏、变质、少件）：取货后48小时内反馈的，核实后仅退款，每单累计<=50元',
      ],
      requires_supervisor: ['质量问题退款每单>50元', '逾期未取（超过3天保管期）的生鲜要求退款'],
      requires_process: [],
      forbidden: [],
    },
  };
  const ctx = { product: shop, language: 'zh', systemQueries: [] } as unknown as CallContext;
  const refund = findActionRequests('钱你要退给我')[0]!;
  const amount = { value: 38.5, family: 'money', unit: 'CNY', text: '三十八块五', start: 0, end: 5 } as const;

  it('names money back by the case the line tells, in the rule’s words', () => {
    const line = '丑橘拿回来一看底下烂了一大半，三十八块五，钱你要退给我';
    expect(moneyBackForCaseTold(ctx, refund, line, amount, '逾期未取（超过3天保管期）的生鲜要求退款')).toBe(
      '质量问题（烂）仅退款38.50元',
    );
  });

  it('names nothing for a case the caller denies (没烂)', () => {
    const line = '东西也没烂，就是不想要了，三十八块五退给我';
    expect(moneyBackForCaseTold(ctx, refund, line, amount, null)).toBeUndefined();
  });

  it('names nothing when no case is told, or the rule read so far is the one told', () => {
    expect(moneyBackForCaseTold(ctx, refund, '三十八块五，钱你要退给我', amount, null)).toBeUndefined();
    expect(
      moneyBackForCaseTold(
        ctx,
        refund,
        '烂了，钱退给我',
        amount,
        shop.operator_permissions.can_approve_immediately[0]!,
      ),
    ).toBeUndefined();
  });
});

describe('moneyBackForCaseTold: a word of the case said of something else', () => {
  const bank = {
    ...PRODUCT_ZH,
    operator_permissions: {
      can_approve_immediately: ['充电宝故障且借出后60分钟内归还：退该单全部费用'],
      requires_supervisor: [],
      requires_process: [
        '客户称已归还但柜机没有任何归还记录：提交归还异常核查单，运维48小时内核查，查实后退费；核查结果出来前不先退款',
      ],
      forbidden: [],
    },
  };
  const ctx = { product: bank, language: 'zh', systemQueries: [] } as unknown as CallContext;
  const amount = { value: 20, family: 'money', unit: 'CNY', text: '二十块', start: 0, end: 3 } as const;

  it('names nothing when the line read whole is another rule’s case (the cabinet broken, not the power bank)', () => {
    const line =
      '我八点钟就在那个柜子还了，订单还在计费，都二十块了！你们柜子肯定坏了！马上给我把订单结束了，钱退给我';
    const refund = findActionRequests('钱退给我')[0]!;
    expect(moneyBackForCaseTold(ctx, refund, line, amount, null)).toBeUndefined();
  });
});
