import { describe, expect, it } from 'vitest';
import { queryRecord } from '../../test/support/query-record.js';
import type { SystemQueryRecord } from '../domain/session-schemas.js';
import { checkPermission, compileRules } from '../permissions/index.js';
import { boundByInvoicedAmount } from './invoiced-amount.js';

const rules = compileRules({
  can_approve_immediately: ['按实际金额和实际品名开具电子发票（个人或单位抬头）'],
  requires_supervisor: [],
  requires_process: [],
  forbidden: ["虚开发票：金额与实付不符、品名改成'办公用品'等与实际不符的内容"],
});
const paid: SystemQueryRecord[] = [
  queryRecord('orders', { orders: [{ order_no: 'YL-XA-1', total_yuan: 6784 }] }),
];
const bound = (said: string, queries = paid) =>
  boundByInvoicedAmount(checkPermission(rules, said), queries, rules);

describe('boundByInvoicedAmount', () => {
  it('refuses an invoice for more than was paid, by the rule against false invoices', () => {
    const decision = bound('开个发票，金额写九千八');
    expect(decision.status).toBe('forbidden');
    expect(decision.rule).toMatch(/^虚开发票/);
  });

  it('lets an invoice for what was paid, or with no amount said, stand', () => {
    expect(bound('开个发票，金额6784').status).toBe('can_approve_immediately');
    expect(bound('开个发票，抬头是西安秦川启航商贸有限公司').status).toBe('can_approve_immediately');
  });

  it('asks for the payment to be looked up when none was read', () => {
    expect(bound('开个发票，金额写九千八', []).status).toBe('requires_supervisor');
  });
});
