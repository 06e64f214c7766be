import { describe, expect, it } from 'vitest';
import { describedLabels } from './field-labels.js';

describe('describedLabels', () => {
  it("names a field as the description's list does when a two-character word pairs them one to one", () => {
    const labels = describedLabels('查询停车月卡：卡名称、已用次数、剩余次数、是否自动续费、到期日期', [
      'card_name',
      'used_entries',
      'remaining_entries',
      'auto_renew',
      'end_date',
    ]);
    expect(labels.get('used_entries')).toBe('已用次数');
    expect(labels.get('remaining_entries')).toBe('剩余次数');
    expect(labels.get('auto_renew')).toBe('是否自动续费');
    // 日期 alone is shared by too many fields to pair anything.
    expect(labels.has('end_date')).toBe(false);
  });

  it('leaves a field its own words when a name is akin to two fields or two names to one', () => {
    const labels = describedLabels('查询用量：已用流量、已用通话', ['used_data', 'used_minutes']);
    expect(labels.size).toBe(0);
  });

  it('makes each of two joined names whole, and reads nothing without a list after a colon', () => {
    const labels = describedLabels('查询付款：付款时间和渠道、违约金和退款', [
      'settled_on',
      'pay_channel',
      'refunds',
    ]);
    expect(labels.get('pay_channel')).toBe('付款渠道');
    expect(labels.get('refunds')).toBe('退款');
    expect(describedLabels('查询剩余次数', ['remaining_entries']).size).toBe(0);
    expect(describedLabels('Look up: remaining entries', ['remaining_entries']).size).toBe(0);
  });
});
