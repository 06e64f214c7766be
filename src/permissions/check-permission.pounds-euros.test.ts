import { describe, expect, it } from 'vitest';
import { checkPermission, compileRules } from './index.js';

/** Limits of a boat-hire company in pounds. */
const inPounds = compileRules({
  can_approve_immediately: ['refund <= £30'],
  requires_supervisor: ['refund > £30'],
  requires_process: [],
  forbidden: [],
});

describe('checkPermission: "I want it back" after pounds or euros are named without an amount', () => {
  it.each([
    'the quid you took for the oars, I want them back',
    'the pounds you took twice, can I have them back',
    'those euros for the life jackets, I need them back',
    'you kept my £ deposit, I want that back',
    'you kept the € deposit, I want that back',
  ])('reads %j as money asked back', (action) => {
    expect(checkPermission(inPounds, action).parts.map((p) => p.concept)).toEqual(['refund']);
  });

  it('reads no money back where nothing is money', () => {
    expect(checkPermission(inPounds, 'the oars you took, I want them back').parts[0]?.concept).not.toBe(
      'refund',
    );
  });
});
