import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { queryRecord } from '../../../test/support/query-record.js';
import type { CallContext } from '../../call/call-agent.js';
import type { SystemQueryRecord } from '../../domain/session-schemas.js';
import { findActionRequests, parseQuantities } from '../../permissions/index.js';
import { actionFor } from './action-for-request.js';
import type { Understanding } from './understand-utterance.js';

/** A ferry operator whose rules are in pounds, and a call that read one booking of 28. */
const ferry = {
  name: 'Isle Hopper Ferries',
  description: 'Foot-passenger crossings between the islands.',
  features: [],
  faq: [],
  api_interfaces: {},
  operator_permissions: {
    can_approve_immediately: ['refund a crossing up to £50'],
    requires_supervisor: ['refund a crossing over £50'],
    requires_process: [],
    forbidden: [],
  },
};
const bookings: SystemQueryRecord = {
  interface: 'crossing_bookings',
  method: 'GET',
  endpoint: '/bookings',
  purpose: 'look up the crossings booked',
  mock: true,
  ok: true,
  response: { bookings: [{ booking_id: 'XB-7', date: '2026-11-03', amount: 28, route: 'North quay' }] },
};

function actionSaid(line: string): string {
  const ctx = {
    product: ferry,
    language: 'en',
    conversation: [{ role: 'customer', content: line }],
    systemQueries: [bookings],
  } as unknown as CallContext;
  const u = { quantities: parseQuantities(line) } as unknown as Understanding;
  return actionFor(ctx, findActionRequests(line)[0]!, u, false, line);
}

describe('actionFor: money back in the product’s currency', () => {
  it('says an amount in pounds with its sign', () => {
    expect(actionSaid('please refund 20 pounds for the crossing')).toContain('£20');
  });

  it('reads an amount said in another currency that is the booking found as that booking, in pounds', () => {
    const action = actionSaid('please refund the 28 dollars for the crossing');
    expect(action).toContain('£28');
    expect(action).not.toContain('$');
  });

  it('leaves another amount in another currency as said, for the engine to refuse comparing', () => {
    expect(actionSaid('please refund 15 euros for the crossing')).toContain('€15');
  });
});

describe('actionFor: a time counted from a record only where it decides', () => {
  const laundry = {
    name: '净衣坊',
    description: '洗衣',
    features: [],
    faq: [],
    api_interfaces: {},
    operator_permissions: {
      can_approve_immediately: ['取衣7天内免费返洗', '预约、改约、取消上门取送'],
      requires_supervisor: [],
      requires_process: [],
      forbidden: [],
    },
  };
  const tickets: SystemQueryRecord = {
    interface: 'tickets',
    method: 'GET',
    endpoint: '/tickets',
    purpose: '查询洗衣单',
    mock: true,
    ok: true,
    response: { tickets: [{ ticket_no: 'Q1', status: '已取', picked_up_on: '2027-03-08' }] },
  };
  const said = (line: string): string => {
    const ctx = {
      product: laundry,
      language: 'zh',
      conversation: [{ role: 'customer', content: line }],
      systemQueries: [tickets],
      now: () => new Date('2027-03-10T10:00:00'),
    } as unknown as CallContext;
    const u = { quantities: parseQuantities(line) } as unknown as Understanding;
    return actionFor(ctx, { concept: '', text: line, start: 0, end: line.length }, u, false, line);
  };
  it('says 取衣2天 for a rewash, whose rule counts from the pick-up', () => {
    expect(said('领口没洗干净，能不能免费返洗')).toContain('取衣2天');
  });
  it('leaves it out of a delivery moved to another day', () => {
    expect(said('改约到礼拜六上门送回来')).not.toContain('取衣');
  });
});

describe('actionFor: a time counted from a record never makes a request forbidden', () => {
  // Round 23's marina, and the backend one of its callers had (a visitor booking three weeks on).
  const suite = (file: string) =>
    JSON.parse(readFileSync(new URL(`../../../eval/held-out-23/${file}`, import.meta.url), 'utf8'));
  const marina = suite('records.json').products.find((p: { name: string }) =>
    p.name.startsWith('Portencross'),
  );
  const mock = suite('calls.json').scenarios.find((s: { name: string }) => s.name.startsWith('R2316')).mock;
  const queries = Object.entries(mock).map(([name, response]) => ({
    interface: name,
    method: 'GET',
    endpoint: `/${name}`,
    purpose: name,
    mock: true,
    ok: true,
    response,
  }));
  it('leaves the hours to a booking out where they would forbid a change of bank', () => {
    const line =
      "My daughter read the email to me. I've been on that pontoon since before half your staff were born. I moved my money to the Nationwide last month, can you put the new bank on it?";
    const ctx = {
      product: marina,
      language: 'en',
      conversation: [{ role: 'customer', content: line }],
      systemQueries: queries,
      now: () => new Date('2032-07-14T10:00:00Z'),
    } as unknown as CallContext;
    const u = { quantities: parseQuantities(line) } as unknown as Understanding;
    const action = actionFor(ctx, { concept: '', text: line, start: 0, end: line.length }, u, false, line);
    expect(action).not.toContain('hours before the booking');
  });
});

describe('actionFor: the fee a caller names, waived or given back', () => {
  const locksmith = {
    name: '金钥开锁',
    description: '开锁换锁',
    features: [],
    faq: [],
    api_interfaces: {},
    operator_permissions: {
      can_approve_immediately: [
        '技师超过承诺到达时间（市区30分钟、夜间45分钟）：免收上门费（30元，夜间60元），已付的原路退回',
      ],
      requires_supervisor: ['退款或补偿>50元/单（超时免上门费除外）', '质保期外免费维修或减免费用'],
      requires_process: [],
      forbidden: [],
    },
  };
  const orders: SystemQueryRecord = {
    interface: 'lock_orders',
    method: 'GET',
    endpoint: '/orders',
    purpose: '本账户的服务订单',
    mock: true,
    ok: true,
    response: {
      orders: [
        {
          order_no: 'JY-1',
          promised_arrival: '2033-01-11 23:53',
          arrived_at: '2033-01-12 00:49',
          items: [{ name: '上门费（夜间）', yuan: 60 }],
          total_yuan: 140,
        },
      ],
    },
  };

  function lockAction(line: string): string {
    const ctx = {
      product: locksmith,
      language: 'zh',
      conversation: [{ role: 'customer', content: line }],
      systemQueries: [orders],
      now: () => new Date('2033-01-12T10:00:00+08:00'),
    } as unknown as CallContext;
    const u = { quantities: parseQuantities(line) } as unknown as Understanding;
    return actionFor(ctx, findActionRequests(line)[0]!, u, false, line);
  }

  it('names the fee, and the lateness the records show, so the late-arrival rule decides', () => {
    const action = lockAction('那六十块钱上门费得退给俺吧');
    expect(action).toContain('上门费');
  });
});

describe('actionFor: money back for one charge taken twice', () => {
  const cover = {
    ...ferry,
    operator_permissions: {
      can_approve_immediately: ['refund a duplicate charge up to £50'],
      requires_supervisor: ['refund over £50'],
      requires_process: [],
      forbidden: [],
    },
  };
  const payments: SystemQueryRecord = {
    ...bookings,
    interface: 'payments',
    response: {
      payments: [
        { date: '2033-01-04', description: 'Monthly premium', amount_gbp: 19, status: 'collected' },
        { date: '2033-01-04', description: 'Monthly premium', amount_gbp: 19, status: 'collected in error' },
      ],
    },
  };

  it('gives back the charge taken twice, not the sum the caller made of it', () => {
    const line = 'you took it two times this month, I want my sixty pound back';
    const ctx = {
      product: cover,
      language: 'en',
      conversation: [{ role: 'customer', content: line }],
      systemQueries: [payments],
      now: () => new Date('2033-01-12T10:00:00Z'),
    } as unknown as CallContext;
    const u = { quantities: parseQuantities(line), duplicateCharge: true } as unknown as Understanding;
    const action = actionFor(ctx, findActionRequests(line)[0]!, u, false, line);
    expect(action).toContain('£19');
    expect(action).not.toContain('£60');
  });

  it('gives back that charge when a later line points at it (the extra one) without saying twice', () => {
    const told = 'you took the premium two times this month';
    const line = 'just refund the extra one, please';
    const ctx = {
      product: cover,
      language: 'en',
      conversation: [
        { role: 'customer', content: told },
        { role: 'customer', content: line },
      ],
      systemQueries: [payments],
      now: () => new Date('2033-01-12T10:00:00Z'),
    } as unknown as CallContext;
    const u = { quantities: parseQuantities(line) } as unknown as Understanding;
    expect(actionFor(ctx, findActionRequests(line)[0]!, u, false, line)).toContain('£19');
  });
});

describe('actionFor: a Chinese number said alone after the request', () => {
  const studio = {
    name: '悦动瑜伽',
    description: '瑜伽馆',
    features: [],
    faq: [],
    api_interfaces: {},
    operator_permissions: {
      can_approve_immediately: ['储值卡余额退款<=300元'],
      requires_supervisor: ['储值卡余额退款>300元'],
      requires_process: [],
      forbidden: [],
    },
  };
  const account: SystemQueryRecord = {
    interface: 'member_account',
    method: 'GET',
    endpoint: '/account',
    purpose: '本人会员账户',
    mock: true,
    ok: true,
    response: { recharges: [{ at: '2035-03-16', amount_yuan: 1000 }], balance_yuan: 536 },
  };

  it('is the amount asked back, not an earlier sum the line told', () => {
    const line = '送的那一百块不退？那是你们送给我的，一起退给我，五百三十六，一分不能少。';
    const ctx = {
      product: studio,
      language: 'zh',
      conversation: [{ role: 'customer', content: line }],
      systemQueries: [account],
      now: () => new Date('2036-01-09T10:00:00+08:00'),
    } as unknown as CallContext;
    const u = { quantities: parseQuantities(line) } as unknown as Understanding;
    const request = findActionRequests(line).find((r) => r.concept === 'refund')!;
    const action = actionFor(ctx, request, u, false, line);
    expect(action).toContain('536');
    expect(action).not.toMatch(/(?<!\d)100元/);
  });
});

/** The action a line asks, on a product with these rules, in a call that read these queries. */
function actionAsked(
  rules: { can_approve_immediately: string[]; requires_supervisor: string[] },
  line: string,
  queries: SystemQueryRecord[] = [],
  request = findActionRequests(line)[0]!,
): string {
  const product = { ...ferry, operator_permissions: { ...rules, requires_process: [], forbidden: [] } };
  const ctx = {
    product,
    language: /[\u4e00-\u9fff]/.test(line) ? 'zh' : 'en',
    conversation: [{ role: 'customer', content: line }],
    systemQueries: queries,
  } as unknown as CallContext;
  const u = { quantities: parseQuantities(line) } as unknown as Understanding;
  return actionFor(ctx, request, u, false, line);
}

describe('actionFor: a booking asked with its day', () => {
  it('names the thing booked and the day and time asked (预约复检（下礼拜一上午）)', () => {
    const station = {
      can_approve_immediately: ['上线检测、复检和上门取送车代检的预约和改约'],
      requires_supervisor: [],
    };
    const line = '约下礼拜一上午复检，还是吴中站';
    const request = { concept: '', text: line, start: 0, end: line.length };
    expect(actionAsked(station, line, [], request)).toBe('预约复检（下礼拜一上午）');
  });
});

describe('actionFor: what the records say is due back', () => {
  const tracker = {
    can_approve_immediately: ['refund a billing error up to R500'],
    requires_supervisor: ['refund over R500'],
  };
  const billing = queryRecord('billing', {
    entries: [{ date: '2036-10-01', amount_rand: 189, description: 'October at the old price' }],
    quote: { refund_due_rand: 70 },
  });
  it('asks the sum due where the caller guessed more', () => {
    expect(actionAsked(tracker, "I'm owed like R140, refund it", [billing])).toContain('R70');
  });
  it('keeps a sum asked in full, for the rules to decide', () => {
    expect(actionAsked(tracker, 'refund the whole R189', [billing])).toContain('R189');
  });
  it('names the request with the sum the records give, not the least the caller will take (起码…一千)', () => {
    const weddings = {
      can_approve_immediately: ['婚礼当天的差错：执行单上有记录的，一份合同加起来不超过600元，原路退'],
      requires_supervisor: ['差错退款一份合同加起来超过600元的，整笔交主管批'],
    };
    const execution = queryRecord('hxq_execution', {
      error_assessment: [
        { item: '路引花少布置3组', amount: 180 },
        { item: '司仪迟到42分钟', amount: 360 },
      ],
    });
    const asked = actionAsked(
      weddings,
      '讲好的路引花八组，才摆了五组；主持人讲好十点半到，十一点多才来。一万七千多块钱花出去，你们起码要退我一千块钱！',
      [execution],
    );
    expect(asked).toContain('540');
    expect(asked).not.toContain('1000');
  });
  it('asks the sum due where the caller said one roughly that holds it (三千来块 for 3350)', () => {
    const shipping = {
      can_approve_immediately: ['托运人取消还没提车的运单，交的钱全部原路退'],
      requires_supervisor: ['其他退款'],
    };
    const waybill = queryRecord('tl_tracking', {
      cancel_calc: '未提车、未交车：可全额退3350元，原路退回支付宝',
    });
    expect(actionAsked(shipping, '你给我退了吧，钱能全退不？一共交了三千来块', [waybill])).toContain('3350');
  });
  it('keeps all of a larger sum asked (才九百？我交了两千七咧，全部退给我), not the 900 due', () => {
    const agency = {
      can_approve_immediately: ['按规则退款每单1000元以内'],
      requires_supervisor: ['按规则退款超过1000元的整笔'],
    };
    const quote = queryRecord('qw_deals', { fee_yuan: 2700, refund_quote: { refundable_yuan: 900 } });
    expect(actionAsked(agency, '才九百？我交了两千七咧，全部退给我！', [quote])).toContain('2700');
  });
});

describe('actionFor: what the records quote, a missed visit, a loss claimed (held-out round 41)', () => {
  const pools = {
    name: 'Pool care',
    description: 'Pool servicing.',
    features: [],
    faq: [],
    api_interfaces: {},
    operator_permissions: {
      can_approve_immediately: [
        'Refund billing errors exactly as the records show and missed visits through our fault at the visit rate - up to $150 per account in total',
      ],
      requires_supervisor: ['Refunds over $150 on one account'],
      requires_process: [
        'Claims for damage to property (coping, pavers, fences) or for losses (pets, vet bills, repairs) that someone blames on us - log a claim',
      ],
      forbidden: [],
    },
  };
  const billing: SystemQueryRecord = {
    interface: 'billing',
    method: 'GET',
    endpoint: '/billing',
    purpose: 'Money on the caller’s account',
    mock: true,
    ok: true,
    response: {
      invoices: [{ date: '2037-01-02', total_aud: 219, status: 'paid' }],
      quote: { refund_due_aud: 50.5 },
    },
  };
  const visits: SystemQueryRecord = {
    interface: 'service',
    method: 'GET',
    endpoint: '/service',
    purpose: 'Visit log',
    mock: true,
    ok: true,
    response: { visits: [{ date: '2036-12-29', status: 'MISSED - our fault (technician off sick)' }] },
  };
  const said = (line: string, queries: SystemQueryRecord[]) => {
    const ctx = {
      product: pools,
      language: 'en',
      conversation: [{ role: 'customer', content: line }],
      systemQueries: queries,
    } as unknown as CallContext;
    const u = { quantities: parseQuantities(line) } as unknown as Understanding;
    const request = findActionRequests(line)[0] ?? { concept: '', text: line, start: 0, end: line.length };
    return actionFor(ctx, request, u, false, line);
  };

  it('asks back the refund the records quote, not the monthly price told as paid, for a visit they mark missed', () => {
    const action = said(
      "I'm paying $219 a month and nobody turned up. I want me money back for the visits you didn't do.",
      [billing, visits],
    );
    expect(action).toContain('$50.5');
    expect(action).toContain('missed visits through our fault');
  });

  it('asks back the refund the records quote, not the sum told as taken', () => {
    expect(
      said("you people took $219 off me on the first. I'd like the rest back, please.", [billing]),
    ).toContain('$50.5');
  });

  it('keeps a sum asked in full beyond what is due', () => {
    expect(said('I want the whole $219 back', [billing])).toContain('$219');
  });

  it('reads a vet bill asked to be paid after a loss told as a claim, by the rule on claims', () => {
    const action = said(
      'Your guy left the gate open and my dog got hit by a car. The vet bill was $486 and I want that paid back.',
      [billing],
    );
    expect(action).toMatch(/^Claims for damage to property/);
    expect(action).toContain('$486');
  });

  it('reads a charge of the records asked back as a refund, damage told or not', () => {
    expect(said('the storm damaged nothing, but refund the $219 you took', [billing])).not.toMatch(/^Claims/);
  });
});
