import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioProduct } from '../../test/support/scenario-records.js';
import { CsError } from '../domain/cs-error.js';
import { resolveQuery } from './resolve-query.js';

const phone = '13800138000';
const product = scenarioProduct();

function errorOf(fn: () => unknown): CsError {
  try {
    fn();
  } catch (error) {
    if (CsError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a CsError');
}

describe('resolveQuery', () => {
  it('binds the caller parameter of a named interface to the caller phone', () => {
    const r = resolveQuery({ product, phone, interfaceName: 'user_subscription' });
    expect(r).toMatchObject({
      interfaceName: 'user_subscription',
      method: 'GET',
      endpoint: '/api/user/13800138000/subscriptions',
      params: { user_id: phone },
    });
    expect(r.definition.description).toBe('查询用户订阅状态');
  });

  it('puts parameters that are not in the path into the query string', () => {
    const r = resolveQuery({ product, phone, interfaceName: 'user_billing', params: { date: '2026-01-25' } });
    expect(r.endpoint).toBe('/api/user/13800138000/billing?date=2026-01-25');
    expect(r.params).toEqual({ user_id: phone, date: '2026-01-25' });
  });

  it.each([
    ['/api/user/13800138000/billing?date=2026-01-25', 'user_billing', { date: '2026-01-25' }],
    ['/api/user/{user_id}/subscriptions', 'user_subscription', {}],
    ['/api/user/13800138000', 'user_profile', {}],
    ['GET /api/user/13800138000/subscriptions', 'user_subscription', {}],
    [
      'http://systems.example/api/user/13800138000/billing?date=2026-02-01',
      'user_billing',
      { date: '2026-02-01' },
    ],
    ['api/user/13800138000/subscriptions/', 'user_subscription', {}],
  ])('matches endpoint %s to %s', (endpoint, name, extra) => {
    const r = resolveQuery({ product, phone, endpoint });
    expect(r.interfaceName).toBe(name);
    expect(r.params).toEqual({ user_id: phone, ...extra });
  });

  it('lets an explicit parameter win over the endpoint query string', () => {
    const r = resolveQuery({
      product,
      phone,
      endpoint: '/api/user/13800138000/billing?date=2026-01-01',
      params: { date: '2026-01-25' },
    });
    expect(r.endpoint).toBe('/api/user/13800138000/billing?date=2026-01-25');
  });

  it('keeps extra parameters the interface does not declare', () => {
    const r = resolveQuery({
      product,
      phone,
      interfaceName: 'user_profile',
      params: { fields: 'name,level' },
    });
    expect(r.endpoint).toBe('/api/user/13800138000?fields=name%2Clevel');
  });

  it('refuses a missing required parameter, naming it and how to pass it', () => {
    const e = errorOf(() => resolveQuery({ product, phone, interfaceName: 'user_billing' }));
    expect(e.code).toBe('E_USAGE');
    expect(e.message).toContain('"date"');
    expect(e.message).toContain('--param date=<value>');
  });

  it('in a call, leaves out a filter nobody gave instead of refusing; a path value stays required', () => {
    const r = resolveQuery({ product, phone, interfaceName: 'user_billing', filtersOptional: true });
    expect(r.endpoint).toBe('/api/user/13800138000/billing');
    expect(r.params).not.toHaveProperty('date');
  });

  it('in a call, leaves out the values of the endpoint’s query string nobody gave; cs query needs them', () => {
    const withQuery = {
      ...product,
      api_interfaces: {
        payments: {
          description: '缴费流水',
          endpoint: '/api/accounts/{account_no}/payments?from={from}&to={to}',
          method: 'GET',
          params: ['account_no', 'from', 'to'],
          response_fields: ['payments'],
          mock_enabled: true,
        },
      },
    } as typeof product;
    const call = resolveQuery({
      product: withQuery,
      phone,
      interfaceName: 'payments',
      params: { account_no: 'A1', from: '2033-10-01' },
      filtersOptional: true,
    });
    expect(call.endpoint).toBe('/api/accounts/A1/payments?from=2033-10-01');
    const e = errorOf(() =>
      resolveQuery({ product: withQuery, phone, interfaceName: 'payments', params: { account_no: 'A1' } }),
    );
    expect(e.message).toContain('"from", "to"');
  });

  it('refuses an unknown interface, listing the product interfaces', () => {
    const e = errorOf(() => resolveQuery({ product, phone, interfaceName: 'orders' }));
    expect(e.code).toBe('E_NOT_FOUND');
    expect(e.message).toContain('user_subscription');
    expect(e.message).toContain('user_billing');
  });

  it('refuses an endpoint no template matches', () => {
    const e = errorOf(() => resolveQuery({ product, phone, endpoint: '/api/orders/13800138000' }));
    expect(e.code).toBe('E_NOT_FOUND');
    expect(e.message).toContain('/api/user/{user_id}/subscriptions');
  });

  it('refuses an endpoint that does not fit the named interface', () => {
    const e = errorOf(() =>
      resolveQuery({
        product,
        phone,
        interfaceName: 'user_profile',
        endpoint: '/api/user/13800138000/billing',
      }),
    );
    expect(e.code).toBe('E_USAGE');
  });

  it("refuses to look up another number than the caller's", () => {
    const e = errorOf(() =>
      resolveQuery({ product, phone, endpoint: '/api/user/13912345678/subscriptions' }),
    );
    expect(e.code).toBe('E_REFUSED');
    expect(e.message).toContain('139****5678');
    const viaParam = errorOf(() =>
      resolveQuery({ product, phone, interfaceName: 'user_profile', params: { user_id: '13912345678' } }),
    );
    expect(viaParam.code).toBe('E_REFUSED');
  });

  it('accepts the caller phone written another way', () => {
    const r = resolveQuery({ product, phone, endpoint: '/api/user/+86%20138-0013-8000/subscriptions' });
    expect(r.endpoint).toBe('/api/user/13800138000/subscriptions');
  });

  it('asks for an interface or an endpoint when given neither', () => {
    const e = errorOf(() => resolveQuery({ product, phone }));
    expect(e.code).toBe('E_USAGE');
    expect(e.message).toContain('--interface');
  });

  it('prefers the most literal template when several match', () => {
    const p = scenarioProduct({
      api_interfaces: {
        any_item: {
          description: 'x',
          endpoint: '/api/{kind}/{phone}',
          method: 'GET',
          params: [],
          response_fields: ['status'],
          mock_enabled: true,
        },
        user: {
          description: 'y',
          endpoint: '/api/user/{phone}',
          method: 'GET',
          params: [],
          response_fields: ['status'],
          mock_enabled: true,
        },
      },
    });
    expect(resolveQuery({ product: p, phone, endpoint: '/api/user/13800138000' }).interfaceName).toBe('user');
    expect(resolveQuery({ product: p, phone, endpoint: '/api/vip/13800138000' }).params).toEqual({
      kind: 'vip',
      phone,
    });
  });

  it('round-trips any parameter value through its own endpoint', () => {
    const p = scenarioProduct({
      api_interfaces: {
        order: {
          description: '查询订单',
          endpoint: '/api/orders/{order_id}',
          method: 'GET',
          params: ['order_id', 'phone', 'note'],
          response_fields: ['orders'],
          mock_enabled: true,
        },
      },
    });
    const value = fc
      .string({ minLength: 1 })
      .filter((s) => s.trim() === s && s !== '' && !/^\{.*\}$/.test(s));
    fc.assert(
      fc.property(value, value, (orderId, note) => {
        const first = resolveQuery({
          product: p,
          phone,
          interfaceName: 'order',
          params: { order_id: orderId, note },
        });
        const again = resolveQuery({ product: p, phone, endpoint: first.endpoint });
        expect(again.params).toEqual({ order_id: orderId, phone, note });
        expect(again.endpoint).toBe(first.endpoint);
      }),
    );
  });
});
