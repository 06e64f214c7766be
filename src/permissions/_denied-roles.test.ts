import { describe, expect, it } from 'vitest';
import { checkPermission, compileRules } from './index.js';

/** A piano school of our own: its disclosure rule names who gets nothing. */
const school = compileRules({
  can_approve_immediately: ['改约、取消琴课：开课前24小时以上'],
  requires_supervisor: [],
  requires_process: [],
  forbidden: [
    '学员的上课时间、老师、课时余额和家长电话只告诉账户家长本人；爷爷奶奶、外公外婆、离异的另一方、邻居来问一律不说',
  ],
});

const shop = compileRules({
  can_approve_immediately: ['Change the delivery day before the cutoff'],
  requires_supervisor: [],
  requires_process: [],
  forbidden: [
    'Account details go only to the account holder. Partners, ex-partners, flatmates and neighbours get nothing',
  ],
});

describe('checkPermission: a caller who says they are one of those the product refuses', () => {
  it.each([
    '我是小雨她外婆，她妈出差了。孩子礼拜三几点上课？还剩多少节？',
    '我跟他妈早就离了，她不让我见娃。我就想晓得娃儿礼拜几在哪个琴房上课',
    '我是对门的邻居，他家孩子哪个老师教的',
  ])('forbids %j', (said) => {
    expect(checkPermission(school, said).status).toBe('forbidden');
  });
  it.each([
    "I'm her husband, what day does her box come?",
    "We got divorced last year. Where's he getting his boxes sent now?",
  ])('forbids %j', (said) => {
    expect(checkPermission(shop, said).status).toBe('forbidden');
  });
  it('leaves a role the rule does not name, and a question of policy, as they were', () => {
    expect(checkPermission(school, '我是孩子妈妈，礼拜三几点的课我忘了').status).not.toBe('forbidden');
    expect(checkPermission(school, '我是她外婆，你们那个第二监护人怎么登记').status).not.toBe('forbidden');
  });
});
