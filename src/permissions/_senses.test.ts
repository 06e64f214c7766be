import { describe, expect, it } from 'vitest';
import { checkPermission, compileRules } from './index.js';

/** Limits of a boat-hire company in pounds, and of one in euros. */
const inPounds = compileRules({
  can_approve_immediately: ['refund <= £30'],
  requires_supervisor: ['refund > £30'],
  requires_process: [],
  forbidden: [],
});
const inEuros = compileRules({
  can_approve_immediately: ['refund <= €30'],
  requires_supervisor: ['refund > €30'],
  requires_process: [],
  forbidden: [],
});

describe('refund senses: money asked back (get, have, want, need … back) in pounds and euros', () => {
  it.each([
    ['get my nine quid back', 9],
    ['can I have my 12 pounds back', 12],
    ['I want my £25 back', 25],
    ['I need the twenty pounds back', 20],
  ])('reads %j as a refund of £%d and decides it by the limit in pounds', (action, value) => {
    const decided = checkPermission(inPounds, action);
    expect(decided.status).toBe('can_approve_immediately');
    expect(decided.parts[0]?.amount).toEqual({ value, unit: 'GBP' });
  });

  it.each([
    ['I want my 18 euros back', 18],
    ['could I get my €45 back', 45],
  ])('reads %j as a refund of €%d', (action, value) => {
    const decided = checkPermission(inEuros, action);
    expect(decided.parts[0]).toMatchObject({ concept: 'refund', amount: { value, unit: 'EUR' } });
  });
});
