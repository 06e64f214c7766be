import { describe, expect, it } from 'vitest';
import { customerLookupKeys } from './customer-lookup-keys.js';

describe('customerLookupKeys', () => {
  it.each([
    ['李女士的号码是13912345678', '13912345678'],
    ['号码是 139-1234-5678', '13912345678'],
    ['+86 139 1234 5678', '13912345678'],
    ['壹叁玖壹贰叁肆伍陆柒捌', '13912345678'],
    ['座机021-12345678', '02112345678'],
  ])('finds the whole phone in %s', (draft, phone) => {
    expect(customerLookupKeys(draft).phones).toContain(phone);
  });

  it.each([
    ['王芳女士您好', '王芳'],
    ['李 小 红那边', '李小红'],
    ['欧阳女士的订单', '欧阳女士'],
    ['Thanks, Ann Lee.', 'Ann Lee'],
    ['I spoke with Ms. Lee yesterday', 'Ms. Lee'],
    ['ANN LEE called', 'Ann Lee'],
    ["That is Ann Lee's order", 'Ann Lee'],
  ])('offers the name in %s', (draft, name) => {
    expect(customerLookupKeys(draft).names).toContain(name);
  });

  it('offers nothing to look up in a reply without digits or names', () => {
    expect(customerLookupKeys('ok, thanks.')).toEqual({ phones: [], names: [] });
  });
});
