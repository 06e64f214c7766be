import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PERMISSION_CATEGORIES, type PermissionCategory } from '../domain/record-schemas.js';
import { type CountedAmount, checkPermission, compileRules } from './index.js';

const zh = compileRules({
  can_approve_immediately: ['退款<100元', '重置密码', '取消自动续费', '延长试用<=14天'],
  requires_supervisor: ['退款>=100元', '账户注销', '延长试用>14天'],
  requires_process: ['投诉处理'],
  forbidden: ['透露其他用户信息'],
});
const en = compileRules({
  can_approve_immediately: ['refund < $100', 'password reset'],
  requires_supervisor: ['refund >= $100'],
  requires_process: [],
  forbidden: [],
});

const inCall = (value: number, concept = 'refund', unit: CountedAmount['unit'] = 'CNY'): CountedAmount => ({
  concept,
  value,
  unit,
  scope: 'call',
});
const rank = (c: PermissionCategory): number => PERMISSION_CATEGORIES.indexOf(c);

describe('checkPermission: limits that add up', () => {
  it('counts an amount said approximately as the most it may be', () => {
    const first = checkPermission(zh, '退我八十几块');
    expect(first).toMatchObject({ status: 'can_approve_immediately', label: '退款八十几块' });
    // The grant carries 89: a second 八十几块 in the call adds up past the limit.
    expect(first.parts[0]).toMatchObject({ amount: { value: 89, unit: 'CNY' } });
    expect(checkPermission(zh, '再退我十几块', { counted: [inCall(89)], windowHours: 24 }).status).toBe(
      'requires_supervisor',
    );
  });

  it('applies a limit to the sum of this action and what the call approved before', () => {
    expect(checkPermission(zh, '再退款90元').status).toBe('can_approve_immediately');
    const second = checkPermission(zh, '再退款90元', { counted: [inCall(90)], windowHours: 24 });
    expect(second.status).toBe('requires_supervisor');
    expect(second.rule).toBe('退款>=100元');
    expect(second.reason).toContain('累计180元');
    expect(second.counted).toEqual([
      { concept: 'refund', unit: 'CNY', call: 90, window: 0, current: 90, total: 180, windowHours: 24 },
    ]);
    // The grant carries the action's own amount, not the sum.
    expect(second.parts[0]).toMatchObject({ concept: 'refund', amount: { value: 90, unit: 'CNY' } });
  });

  it('adds the amounts of the customer’s other calls in the window too', () => {
    const d = checkPermission(zh, '退款20元', {
      counted: [inCall(40), { concept: 'refund', value: 45, unit: 'CNY', scope: 'window' }],
    });
    expect(d.status).toBe('requires_supervisor');
    expect(d.counted?.[0]).toMatchObject({ call: 40, window: 45, current: 20, total: 105 });
  });

  it('still approves while the sum stays within the limit, and says what it counted', () => {
    const d = checkPermission(zh, '退款5元', { counted: [inCall(90)] });
    expect(d.status).toBe('can_approve_immediately');
    expect(d.reasons?.en).toContain('¥95 counted in total (¥90 approved before)');
  });

  it('counts only the same kind of action in the same currency', () => {
    const counted = [inCall(90, 'compensation'), inCall(90, 'refund', 'USD')];
    const d = checkPermission(zh, '退款50元', { counted });
    expect(d.status).toBe('can_approve_immediately');
    expect(d.counted).toBeUndefined();
  });

  it('adds durations in days and months alike', () => {
    const d = checkPermission(zh, '延长试用7天', { counted: [inCall(10, 'extend_trial', 'day')] });
    expect(d.status).toBe('requires_supervisor');
    expect(d.counted?.[0]).toMatchObject({ total: 17, unit: 'day' });
  });

  it('reads an amount said without a unit in the unit of what was counted', () => {
    const d = checkPermission(zh, '退款50', { counted: [inCall(60)] });
    expect(d.status).toBe('requires_supervisor');
  });

  it.each<[string, PermissionCategory, number]>([
    ['退款3次，每次50元', 'requires_supervisor', 150],
    ['每次退50元，退3次', 'requires_supervisor', 150],
    ['我被扣了两次，每次50元，请退款', 'requires_supervisor', 100],
    ['3笔退款，各30元', 'can_approve_immediately', 90],
    ['一次性退款50元', 'can_approve_immediately', 50],
    ['我打了3次电话了，退款50元', 'can_approve_immediately', 50],
    ['订单123456退款50元', 'can_approve_immediately', 50],
  ])('reads %s as a total of its repeats: %s (%d)', (action, status, total) => {
    const d = checkPermission(zh, action);
    expect(d.status).toBe(status);
    expect(d.parts[0]?.amount).toEqual({ value: total, unit: 'CNY' });
  });

  it.each(['3 refunds of $50', 'refund $50 three times', 'two refunds of $60'])(
    'reads "%s" as a total above the limit',
    (action) => {
      const d = checkPermission(en, action);
      expect(d.status).toBe('requires_supervisor');
      expect(d.reason).toMatch(/counted as \d × \$\d+ = \$\d+/);
    },
  );

  it('says how a repeated amount was counted', () => {
    expect(checkPermission(zh, '退款3次，每次50元').reason).toContain('按3次×50元=150元计');
  });

  it('never becomes less restrictive when earlier amounts are counted', () => {
    const action = fc
      .tuple(fc.constantFrom('退款', '再退款', '延长试用', '重置密码'), fc.integer({ min: 0, max: 200 }))
      .map(([verb, n]) => `${verb}${n}${verb.includes('试用') ? '天' : '元'}`);
    const earlier = fc.array(
      fc.record({
        concept: fc.constantFrom('refund', 'extend_trial', 'reset_password'),
        value: fc.integer({ min: 0, max: 150 }),
        unit: fc.constantFrom<CountedAmount['unit']>('CNY', 'USD', 'day', 'month'),
        scope: fc.constantFrom<CountedAmount['scope']>('call', 'window'),
      }),
      { maxLength: 4 },
    );
    fc.assert(
      fc.property(action, earlier, (text, counted) => {
        const alone = checkPermission(zh, text);
        const summed = checkPermission(zh, text, { counted });
        expect(rank(summed.status)).toBeLessThanOrEqual(rank(alone.status));
      }),
      { numRuns: 500 },
    );
  });
});
