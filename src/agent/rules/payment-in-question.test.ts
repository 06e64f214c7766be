import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../call/call-agent.js';
import type { Product } from '../../domain/record-schemas.js';
import {
  actionWithMoney,
  amountsFound,
  currencyOf,
  duplicateRefunded,
  feeNamed,
  MONEY_BACK_WORDS,
  money,
  verifiedCharge,
  whichPaymentUnclear,
} from './payment-in-question.js';
import { understandUtterance } from './understand-utterance.js';

/** A call whose billing query returned three monthly charges of 9.99. */
function callAfter(line: string): CallContext {
  const charges = ['2026-11-12', '2026-10-12', '2026-09-12'].map((date, i) => ({
    charge_id: `SV${i}`,
    date,
    amount: 9.99,
    description: 'Premium 2 TB monthly',
    status: 'paid',
  }));
  return {
    language: 'en',
    now: () => new Date('2026-11-30T10:00:00Z'),
    product: {},
    conversation: [{ role: 'customer', content: line }],
    systemQueries: [{ interface: 'billing_history', ok: true, response: { charges }, params: {} }],
  } as unknown as CallContext;
}

describe('verifiedCharge: how many of the charges a line means', () => {
  it.each([
    ['Can you refund the last three months?', 29.97],
    ['refund all of the last three months', 29.97],
    ['refund the past two months', 19.98],
    ['refund last month', 9.99],
  ])('"%s" is %s', (line, amount) => {
    expect(verifiedCharge(callAfter(line), line)).toBe(amount);
  });
});

describe('verifiedCharge: what was charged too much', () => {
  const callWith = (charges: unknown[], line: string): CallContext =>
    ({
      language: 'zh',
      now: () => new Date('2026-11-30T10:00:00Z'),
      product: {},
      conversation: [{ role: 'customer', content: line }],
      systemQueries: [{ interface: 'freight_charges', ok: true, response: { charges }, params: {} }],
    }) as unknown as CallContext;

  it('is a whole charge when nothing was quoted (a charge taken twice)', () => {
    const twice = [1, 2].map((n) => ({
      charge_id: `SC${n}`,
      date: '2026-11-30',
      amount: 20,
      status: '已支付',
    }));
    const line = '同一个单号扣了我两回钱，二十块二十块的，多扣的那笔给我退回来';
    expect(verifiedCharge(callWith(twice, line), '多扣的那笔给我退回来')).toBe(20);
  });

  it('is what was charged over the quote when there was one', () => {
    const over = [{ trip_id: 'R1', date: '2026-11-29', fare: 38, estimated_fare: 30 }];
    expect(verifiedCharge(callWith(over, '多收的差价退给我'), '多收的差价退给我')).toBe(8);
  });
});

describe('feeNamed and amountsFound: a fee field beside an order', () => {
  const order = {
    orders: [{ order_id: 'MD-1', subtotal: 41.48, delivery_fee: 4.99, total: 46.47, status: 'delivered' }],
  };
  const callSaying = (line: string): CallContext =>
    ({
      language: 'en',
      product: {},
      conversation: [{ role: 'customer', content: line }],
      systemQueries: [{ interface: 'orders', ok: true, response: order, params: {} }],
    }) as unknown as CallContext;

  it('finds the fee the caller names, and none they do not', () => {
    expect(feeNamed(callSaying('you still tacked on a delivery fee, can I get that back'))).toBe(4.99);
    expect(feeNamed(callSaying('can I get my money back'))).toBeUndefined();
  });

  it('lists every fee field among the amounts found', () => {
    expect(amountsFound(callSaying('anything'))).toContain(4.99);
  });
});

describe('currencyOf: the currency a product writes its amounts in', () => {
  /** A product of a bike repair shop, its texts replaced by `fields`. */
  const shop = (fields: Partial<Product>): Product =>
    ({
      name: 'Spokes & Chains Repairs',
      description: 'Bicycle servicing and parts.',
      features: ['Same-day puncture repair'],
      faq: [],
      operator_permissions: {
        can_approve_immediately: ['rebook a service slot'],
        requires_supervisor: [],
        requires_process: [],
        forbidden: [],
      },
      ...fields,
    }) as unknown as Product;
  const rules = (approve: string[]) => ({
    can_approve_immediately: approve,
    requires_supervisor: [],
    requires_process: [],
    forbidden: [],
  });

  it('is the pound when the rules limit amounts in pounds, whatever the name says', () => {
    expect(currencyOf(shop({ operator_permissions: rules(['refund a tune-up up to £45']) }))).toBe('GBP');
    expect(
      currencyOf(shop({ name: '伦敦单车维修', operator_permissions: rules(['退款不超过45英镑']) })),
    ).toBe('GBP');
  });

  it('is the euro or the pound written in the features, the FAQ or the description when the rules name no money', () => {
    expect(currencyOf(shop({ features: ['Chain replacement from €19'] }))).toBe('EUR');
    expect(
      currencyOf(shop({ faq: [{ q: 'What does a service cost?', a: 'Thirty pounds, parts extra.' }] })),
    ).toBe('GBP');
    expect(currencyOf(shop({ description: 'Wheel truing for 12 euros.' }))).toBe('EUR');
  });

  it('is the one the rules write before what the description writes', () => {
    const product = shop({
      description: 'Loan bikes at $10 a day.',
      operator_permissions: rules(['refund <= €30']),
    });
    expect(currencyOf(product)).toBe('EUR');
  });

  it('is the one written, not the one the name suggests, and the name decides only when none is written', () => {
    expect(currencyOf(shop({ name: '快修单车', features: ['Brake pads fitted for $15'] }))).toBe('USD');
    expect(currencyOf(shop({ operator_permissions: rules(['退款<=60元']) }))).toBe('CNY');
    expect(currencyOf(shop({}))).toBe('USD');
    expect(currencyOf(shop({ name: '快修单车' }))).toBe('CNY');
  });
});

describe('money: an amount in the product’s currency', () => {
  it.each([
    [42, 'en', 'GBP', '£42'],
    [42, 'zh', 'GBP', '42英镑'],
    [7.5, 'en', 'EUR', '€7.5'],
    [7.5, 'zh', 'EUR', '7.5欧元'],
  ] as const)('says %s in %s in %s as %j', (value, lang, currency, said) => {
    expect(money(value, lang, currency)).toBe(said);
  });

  it('says an action with its amount as the engine reads it', () => {
    expect(actionWithMoney('refund', '20', 'en', 'GBP')).toBe('refund £20');
    expect(actionWithMoney('退款', '20', 'zh', 'EUR')).toBe('退款20欧元');
  });
});

describe('MONEY_BACK_WORDS: money asked back in pounds and euros', () => {
  it.each(['can I have my twelve quid back', 'I want the 8 euros back', 'get back the pounds you took'])(
    '%j asks money back',
    (line) => {
      expect(MONEY_BACK_WORDS.test(line)).toBe(true);
    },
  );
});

describe('whichPaymentUnclear: money back for what is left of a plan', () => {
  /** A call whose billing query returned two payments of different amounts. */
  function twoPayments(line: string): CallContext {
    const payments = [
      { date: '2026-11-03', amount: 360, description: 'Season pass, winter' },
      { date: '2026-10-03', amount: 45, description: 'Day tickets' },
    ];
    return {
      language: 'zh',
      now: () => new Date('2026-11-30T10:00:00Z'),
      product: {},
      conversation: [{ role: 'customer', content: line }],
      systemQueries: [{ interface: 'payments', ok: true, response: { payments }, params: {} }],
    } as unknown as CallContext;
  }
  const refundOf = (line: string) => {
    const u = understandUtterance(line, 'zh');
    return { u, request: u.actions.find((a) => a.concept === 'refund')! };
  };
  it('asks which payment for a bare refund, not for the money left of a plan', () => {
    const bare = refundOf('你帮我把钱退给我');
    expect(whichPaymentUnclear(twoPayments('你帮我把钱退给我'), bare.request, bare.u)).toBe(true);
    const left = refundOf('后面一个多月没用，你帮我把剩下的钱退给我');
    expect(
      whichPaymentUnclear(twoPayments('后面一个多月没用，你帮我把剩下的钱退给我'), left.request, left.u),
    ).toBe(false);
  });
});

describe('whichPaymentUnclear: a cancelled booking or a charge taken twice', () => {
  function paid(lines: string[], payments: { date: string; amount: number; description: string }[]) {
    return {
      language: 'en',
      now: () => new Date('2035-01-10T10:00:00Z'),
      product: {},
      conversation: lines.map((content) => ({ role: 'customer', content })),
      systemQueries: [{ interface: 'payments', ok: true, response: { payments }, params: {} }],
    } as unknown as CallContext;
  }
  const refundIn = (line: string) => {
    const u = understandUtterance(line, 'en');
    return { u, request: u.actions.find((a) => a.concept === 'refund')! };
  };
  const depositAndBalance = [
    { date: '2034-11-12', amount: 155, description: 'Deposit 25%' },
    { date: '2034-12-03', amount: 465, description: 'Balance' },
  ];

  it('asks which payment for money back alone, and not when the booking is cancelled with it', () => {
    const bare = refundIn('Can I get my money back?');
    expect(whichPaymentUnclear(paid([bare.request.text], depositAndBalance), bare.request, bare.u)).toBe(
      true,
    );
    const line = 'Can I cancel and get my money back?';
    const cancelled = refundIn(line);
    expect(whichPaymentUnclear(paid([line], depositAndBalance), cancelled.request, cancelled.u, line)).toBe(
      false,
    );
  });

  it('means the charge taken twice when the caller said it went out twice', () => {
    const twice = [
      { date: '2035-01-06', amount: 1042.5, description: 'Balance' },
      { date: '2035-01-06', amount: 1042.5, description: 'Balance - DUPLICATE' },
      { date: '2034-10-21', amount: 347.5, description: 'Deposit' },
    ];
    const said = ['me bank is after showing it went out twice', 'Can I get my money back?'];
    const r = refundIn(said[1]!);
    expect(whichPaymentUnclear(paid(said, twice), r.request, r.u)).toBe(false);
    expect(whichPaymentUnclear(paid(said.slice(1), twice), r.request, r.u)).toBe(true);
  });
});

describe('duplicateRefunded: a second taking the records show given back', () => {
  const call = (payments: unknown[]): CallContext =>
    ({
      language: 'zh',
      product: { name: '澄妍' },
      now: () => new Date('2036-01-09T02:00:00Z'),
      conversation: [],
      systemQueries: [
        {
          interface: 'cy_orders',
          ok: true,
          params: {},
          response: { orders: [{ order_no: 'CY-1', paid_yuan: 1380, payments }] },
        },
      ],
    }) as unknown as CallContext;
  it('tells the caller the duplicate was refunded, with its date', () => {
    const said = duplicateRefunded(
      call([
        { at: '2035-12-21 19:05', amount_yuan: 1380, status: '成功' },
        { at: '2035-12-21 19:06', amount_yuan: 1380, status: '重复扣款，已退款' },
      ]),
    );
    expect(said).toContain('12月21日重复扣的那笔');
    expect(said).toContain('已经退过款了');
    expect(said).toContain('1380');
  });
  it('says nothing when no taking of that amount was refunded', () => {
    expect(
      duplicateRefunded(
        call([
          { at: '2035-12-21 19:05', amount_yuan: 1380, status: '成功' },
          { at: '2035-12-21 19:06', amount_yuan: 1380, status: '成功' },
        ]),
      ),
    ).toBeUndefined();
  });
});
