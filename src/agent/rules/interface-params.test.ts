import { describe, expect, it } from 'vitest';
import type { SystemQueryRecord } from '../../domain/session-schemas.js';
import { fillParams } from './interface-params.js';

const now = new Date('2026-11-30T10:00:00');
const ordersQuery: SystemQueryRecord = {
  interface: 'recent_orders',
  method: 'GET',
  endpoint: '/orders',
  purpose: '',
  mock: true,
  ok: true,
  response: { orders: [{ order_id: 'S88001', item: '耳机' }] },
};

describe('fillParams', () => {
  it('leaves the caller parameters to the system', () => {
    expect(fillParams(['user_id', 'phone'], '', [], now)).toEqual({});
  });

  it('reads a date or month the caller named, else the current period', () => {
    expect(fillParams(['date'], '11月1号扣的钱', [], now)).toEqual({ date: '2026-11-01' });
    expect(fillParams(['month'], '上个月的账单', [], now)).toEqual({ month: '2026-10' });
    expect(fillParams(['month'], '账单', [], now)).toEqual({ month: '2026-11' });
    expect(fillParams(['date'], '账单', [], now)).toEqual({ date: '2026' });
  });

  it('takes an id the caller read out, or one an earlier query returned', () => {
    expect(fillParams(['order_id'], '订单S77002到哪了', [], now)).toEqual({ order_id: 'S77002' });
    expect(fillParams(['user_id', 'order_id'], '快递到哪了', [ordersQuery], now)).toEqual({
      order_id: 'S88001',
    });
  });

  it('gives up on a value nobody has given, so the agent asks instead of guessing', () => {
    expect(fillParams(['order_id'], '快递到哪了', [], now)).toBeUndefined();
  });
});
