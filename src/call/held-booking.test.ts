import { describe, expect, it } from 'vitest';
import { queryRecord } from '../../test/support/query-record.js';
import type { RequestEntry } from '../domain/session-schemas.js';
import { checkPermission, compileRules } from '../permissions/index.js';
import { boundByHeldBooking, holdsNothing } from './held-booking.js';

const query = (response: unknown) => queryRecord('orders', response);

const withRuleOnOthers = compileRules({
  can_approve_immediately: ['上门测量、安装的预约；测量/安装前24小时以上的免费改期'],
  requires_supervisor: [],
  requires_process: [],
  forbidden: ['透露其他客户的姓名、电话、订单内容', '替非下单人查询、修改、取消订单，或改安装时间、地址'],
});
const withoutRuleOnOthers = compileRules({
  can_approve_immediately: ['测量/安装前24小时以上的免费改期'],
  requires_supervisor: [],
  requires_process: [],
  forbidden: [],
});
const moved = '房东订的窗帘说礼拜六来装，你帮我改到礼拜天行吗？';
/** A ledger with a booking approved earlier in the call. */
const APPROVED: RequestEntry[] = [
  {
    what: '上门测量预约',
    action: '约个上门测量',
    rule: '上门测量、安装的预约',
    outcome: 'can_approve_immediately',
    state: 'approved',
    carried_out: false,
    withdrawn: false,
  },
];

describe('boundByHeldBooking', () => {
  it('refuses a booking moved that no lookup found under the caller, by the rule on acting for others', () => {
    const decision = boundByHeldBooking(checkPermission(withRuleOnOthers, '安装免费改期'), {
      queries: [query({ mobile: '15968163915', orders: [] })],
      rules: withRuleOnOthers,
      ledger: [],
      callerWords: moved,
    });
    expect(decision.status).toBe('forbidden');
    expect(decision.rule).toBe('替非下单人查询、修改、取消订单，或改安装时间、地址');
  });

  it('asks a supervisor where the product has no such rule', () => {
    const decision = boundByHeldBooking(checkPermission(withoutRuleOnOthers, '安装免费改期'), {
      queries: [query({ registered: false })],
      rules: withoutRuleOnOthers,
      ledger: [],
      callerWords: moved,
    });
    expect(decision.status).toBe('requires_supervisor');
  });

  it('leaves it alone when a lookup found the order, when nothing was looked up, or for a new booking', () => {
    const approved = checkPermission(withRuleOnOthers, '安装免费改期');
    expect(approved.status).toBe('can_approve_immediately');
    const found = [query({ orders: [{ order_no: 'YL-1', status: '待安装' }] })];
    expect(
      boundByHeldBooking(approved, {
        queries: found,
        rules: withRuleOnOthers,
        ledger: [],
        callerWords: moved,
      }).status,
    ).toBe('can_approve_immediately');
    expect(
      boundByHeldBooking(approved, { queries: [], rules: withRuleOnOthers, ledger: [], callerWords: moved })
        .status,
    ).toBe('can_approve_immediately');
    const booking = checkPermission(withRuleOnOthers, '约个上门测量');
    expect(
      boundByHeldBooking(booking, {
        queries: [query({ orders: [] })],
        rules: withRuleOnOthers,
        ledger: [],
        callerWords: '礼拜五晚上来量一下吧',
      }).status,
    ).toBe('can_approve_immediately');
  });

  it('leaves a change alone once this call approved something (a booking made in the call)', () => {
    const approved = checkPermission(withRuleOnOthers, '安装免费改期');
    expect(
      boundByHeldBooking(approved, {
        queries: [query({ orders: [] })],
        rules: withRuleOnOthers,
        ledger: APPROVED,
        callerWords: moved,
      }).status,
    ).toBe('can_approve_immediately');
  });
});

describe('holdsNothing', () => {
  it('is true only when a lookup says so and none found anything', () => {
    expect(holdsNothing([query({ found: false })])).toBe(true);
    expect(holdsNothing([query({ orders: [] })])).toBe(true);
    expect(holdsNothing([query({ found: false }), query({ bookings: [{ id: 1 }] })])).toBe(false);
    expect(holdsNothing([query({ registered: true, orders: [] })])).toBe(false);
    expect(holdsNothing([query({ slots: [] })])).toBe(false);
  });
});
