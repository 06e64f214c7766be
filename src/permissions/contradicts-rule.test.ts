import { describe, expect, it } from 'vitest';
import { compileRules } from './compile-rules.js';
import { contradictsRule } from './contradicts-rule.js';

const rules = compileRules({
  can_approve_immediately: ['return an unopened OTC item within 30 days', '保修期内免费维修'],
  requires_supervisor: ['return an opened OTC item or after 30 days', '保修期外付费维修'],
  requires_process: [],
  forbidden: [],
});

describe('contradictsRule', () => {
  it.each([
    ['return an opened OTC item or after', 'the box is still sealed, I just want to send it back'],
    ['return an opened OTC item or after', "never opened it, don't need it anymore"],
    ['return an unopened OTC item within', 'I used it twice and it broke, I want to return it'],
    ['保修期外付费维修', '还在保修期内，给我修一下'],
  ])('%s is not what "%s" means', (rule, said) => {
    expect(contradictsRule(rules, rule, said)).toBe(true);
  });

  it.each([
    ['return an unopened OTC item within', 'the box is still sealed, I just want to send it back'],
    ['return an opened OTC item or after', 'I want to send it back'],
    ['保修期内免费维修', '给我修一下'],
    ['no such rule', 'never opened it'],
  ])('%s may be what "%s" means', (rule, said) => {
    expect(contradictsRule(rules, rule, said)).toBe(false);
  });
});
