import { describe, expect, it } from 'vitest';
import { testRecord } from '../../test/support/scenario-records.js';
import { CsError } from '../domain/cs-error.js';
import { productPermissions } from './product-permissions.js';

/** A product as read from a file, whose rules may have been edited into any shape. */
const product = (operator_permissions: unknown) =>
  testRecord('product', '0000000a', { name: '会员订阅服务', operator_permissions });

describe('productPermissions', () => {
  it('returns the four rule lists of a valid product', () => {
    const rules = {
      can_approve_immediately: ['退款<100元'],
      requires_supervisor: ['退款>=100元'],
      requires_process: ['投诉处理'],
      forbidden: ['透露其他用户信息'],
    };
    expect(productPermissions(product(rules))).toEqual(rules);
  });

  it.each([
    [undefined],
    [{ can_approve_immediately: ['退款<100元'] }],
    [{ can_approve_immediately: '退款<100元', requires_supervisor: [], requires_process: [], forbidden: [] }],
  ])('refuses rules edited into a wrong shape (%j) with an error naming the product', (rules) => {
    let error: unknown;
    try {
      productPermissions(product(rules));
    } catch (e) {
      error = e;
    }
    expect(CsError.isInstance(error) && error.code).toBe('E_INVALID');
    expect((error as Error).message).toContain('会员订阅服务');
  });
});
