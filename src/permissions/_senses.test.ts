import { describe, expect, it } from 'vitest';
import { type SenseSpan, scanSenses } from './_meaning.js';
import { normalizeText } from './_normalize.js';
import { SENSES } from './_senses.js';
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

describe('senses: 催 that urges, and 续 that keeps a service on', () => {
  const sensesIn = (text: string): string[] => {
    const spans: SenseSpan[] = [];
    scanSenses(normalizeText(text), spans);
    return spans.flatMap((s) => s.senses.map((k) => SENSES[k]!.id));
  };
  it('reads 催乳 as no urging and 催一下 as urging', () => {
    expect(sensesIn('月子里想加订催乳')).not.toContain('hurry');
    expect(sensesIn('帮我催一下')).toContain('hurry');
  });
  it('reads 续单 and 再续五天 as extending', () => {
    expect(sensesIn('按原价续单')).toContain('extend');
    expect(sensesIn('我想再续五天')).toContain('extend');
  });
});
