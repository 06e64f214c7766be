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
    // 日期 alone is shared by too many fields to pair anything: the list's order names it.
    expect(labels.get('end_date')).toBe('到期日期');
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

describe('describedLabels: names in the order the fields are declared', () => {
  it('names every field of a list given in the same order, the id asked about aside', () => {
    const labels = describedLabels('查询本人洗车单的费用：基础洗车费、打蜡费、内饰清洁费、合计、支付渠道', [
      'ticket_id',
      'wash_fee',
      'wax_fee',
      'interior_fee',
      'total',
      'channel',
    ]);
    expect(labels.get('wax_fee')).toBe('打蜡费');
    expect(labels.get('interior_fee')).toBe('内饰清洁费');
  });
  it('names by order nothing when a field shares a word with a name at another place', () => {
    const labels = describedLabels('查询本人洗车单的费用：基础洗车费、打蜡费、合计、支付渠道', [
      'wash_fee',
      'wax_fee',
      'channel',
      'total',
    ]);
    expect(labels.get('wax_fee')).toBeUndefined();
  });
});

describe('describedLabels: by order, a word several names share', () => {
  it('names by order when no word pairs one to one, and most fields share a character with their name', () => {
    const labels = describedLabels('查询本人的服务单：单号、服务类型、合同天数、已服务天数、剩余天数、状态', [
      'records',
      'record_no',
      'service_kind',
      'days_total',
      'days_served',
      'days_left',
      'status',
    ]);
    expect(labels.get('days_served')).toBe('已服务天数');
    expect(labels.get('days_left')).toBe('剩余天数');
  });
});

describe('describedLabels: a stored-value card', () => {
  it('names its balance, bonus, passes left and expiry by the list', () => {
    const labels = describedLabels('查询会员卡：卡号、本金余额、赠送余额、游泳次卡剩余次数、有效期', [
      'card_no',
      'principal_yuan',
      'bonus_yuan',
      'swim_pass_left',
      'valid_until',
    ]);
    expect(labels.get('swim_pass_left')).toBe('游泳次卡剩余次数');
    expect(labels.get('bonus_yuan')).toBe('赠送余额');
  });
});

describe('describedLabels: a production job', () => {
  it('names its steps and its expected date by the list', () => {
    const labels = describedLabels(
      '定制门生产进度：定制单号、门型名称、板材、尺寸、当前工序（开料/喷漆/待出厂）、各道工序完成日期、预计出厂日',
      ['jobs', 'job_no', 'door', 'material', 'size', 'current_stage', 'stages', 'expected_ship'],
    );
    expect(labels.get('current_stage')).toBe('当前工序');
    expect(labels.get('expected_ship')).toBe('预计出厂日');
    expect(labels.get('material')).toBe('板材');
  });
});

describe('describedLabels: a list of another shape than the fields', () => {
  it('names no field by its place when most fields share nothing with the name there', () => {
    const labels = describedLabels(
      '公开赛事信息：赛事、日期和鸣枪时间、起终点、项目和报名费、年龄和体检要求、名额和报名状态、抽签缴费候补时间、参赛包领取和邮寄、关门时间、退赛退款规则、保险、通知',
      [
        'events',
        'event_id',
        'name',
        'race_date',
        'venue',
        'status',
        'categories',
        'quota',
        'registration',
        'lottery',
        'waitlist',
        'pack_pickup',
        'mailing',
        'withdrawal_rules',
        'refund_timing',
        'insurance',
        'notices',
      ],
    );
    // 日期 for name, 鸣枪时间 for race_date: each a wrong fact, said of the record.
    expect(labels.get('name')).toBeUndefined();
    expect(labels.get('race_date')).not.toBe('鸣枪时间');
  });
});
