import { describe, expect, it } from 'vitest';
import { scenarioProduct } from '../../../test/support/scenario-records.js';
import type { SystemQueryRecord } from '../../domain/session-schemas.js';
import { limitedRole } from './caller-role.js';

const product = scenarioProduct({
  description: 'Every account belongs to its owner. A site contact may only be told the next visit date.',
});

const account = (response: Record<string, unknown>): SystemQueryRecord[] => [
  {
    interface: 'account',
    method: 'GET',
    endpoint: '/account',
    purpose: 'account',
    mock: true,
    ok: true,
    response,
  },
];

describe('limitedRole', () => {
  it('reads a role the account notes limits (visits only, do not discuss)', () => {
    const queries = account({
      caller_role: 'authorised_contact',
      access_note: 'Caller is an authorised contact, not an owner: she may book cask visits only.',
    });
    expect(limitedRole(queries, product)).toBe('authorised_contact');
  });
  it('reads a role the product’s own words limit', () => {
    expect(limitedRole(account({ caller_role: 'site_contact' }), product)).toBe('site_contact');
  });
  it('reads a recipient or a sub-card holder the record notes limit (收货人, 副卡持卡人)', () => {
    const receiver = account({ role: '收货人', notes: '来电人是收货人：只告知物流节点和预计送达时间' });
    expect(limitedRole(receiver, product)).toBe('收货人');
    const sub = account({ role: '副卡持卡人', notes: '只能告知其本人这张副卡的消费记录和本月剩余额度' });
    expect(limitedRole(sub, product)).toBe('副卡持卡人');
    const grandmother = account({
      role: '共同监护人',
      notes: '来电人是共同监护人：只可讲课表、上课记录和老师反馈',
    });
    expect(limitedRole(grandmother, product)).toBe('共同监护人');
    const both = account({ role: '下单人兼收货人', notes: '只告知物流节点' });
    expect(limitedRole(both, product)).toBeUndefined();
  });
  it('reads no limit for the holder, a role that may hear, or a contact nothing limits', () => {
    for (const role of [
      'account holder',
      'authorised contact (added by the account holder) - can book jobs, hear job and payment details',
      'named contact (son)',
    ])
      expect(limitedRole(account({ caller_role: role }), product), role).toBeUndefined();
  });
});
