import { describe, expect, it } from 'vitest';
import { createFakeCall, OPERATOR_ZH, PRODUCT_ZH } from '../../test/support/fake-call.js';
import { closingFor, isClosingGuidance } from './closing-words.js';

function callWith(closing: string, language: 'zh' | 'en' = 'zh') {
  const ctx = createFakeCall({ language });
  ctx.operator = { ...OPERATOR_ZH, closing_technique: closing };
  ctx.product = { ...PRODUCT_ZH, sla: '主管审批2小时内回复' };
  return ctx;
}

describe('isClosingGuidance', () => {
  it('tells how-to-close notes from the words to say', () => {
    expect(isClosingGuidance('复述本次办理结果和后续时效，确认没有别的问题后礼貌道别')).toBe(true);
    expect(isClosingGuidance('总结已办事项和待办时效，询问是否还有其他需要，祝客户生活顺心')).toBe(true);
    expect(
      isClosingGuidance(
        'Recap the outcome and timings, check there is nothing else, thank the caller and say goodbye.',
      ),
    ).toBe(true);
    expect(isClosingGuidance('还有别的需要帮您的吗？感谢来电，祝您生活愉快。')).toBe(false);
    expect(isClosingGuidance('Anything else I can help with? Thanks for calling, take care.')).toBe(false);
  });
});

describe('closingFor', () => {
  it("says the operator's own closing words as written", () => {
    expect(closingFor(callWith('还有别的需要帮您的吗？感谢来电，祝您玩得开心。'))).toBe(
      '还有别的需要帮您的吗？感谢来电，祝您玩得开心。',
    );
  });

  it('follows guidance instead of reading it out: the ledger recapped, the wish said to the caller', () => {
    const ctx = callWith('总结已办事项和待办时效，询问是否还有其他需要，祝客户生活顺心');
    ctx.permissionChecks.push(
      {
        action: '退款300元',
        label: '退款300元',
        status: 'requires_supervisor',
        rule: '退款>=100元',
        reason: '',
      },
      {
        action: '退款50元',
        label: '退款50元',
        status: 'can_approve_immediately',
        rule: '退款<100元',
        reason: '',
      },
      { action: '个数量你给我多写点儿', status: 'requires_supervisor', rule: null, reason: '' },
      { action: '取消预约', label: '取消预约', status: 'requires_supervisor', rule: null, reason: '' },
    );
    ctx.tickets.push(
      { id: 'T1', kind: 'requires_supervisor', summary: '退款300元' },
      { id: 'T2', kind: 'requires_supervisor', summary: '个数量你给我多写点儿' },
      { id: 'T3', kind: 'requires_supervisor', summary: '取消预约' },
    );
    ctx.withdrawals.push({ action: '取消预约', what: '取消预约', ticket_id: 'T3' });
    ctx.actionsPerformed = [{ action: '退款50元', description: '已退款50元', turn: 2 }];
    const said = closingFor(ctx);
    expect(said).toBe(
      '今天为您办理的：退款300元，已报主管（单号T1，预计2小时内回复）；退款50元，已办好。还有别的需要帮您的吗？感谢您的来电，祝您生活顺心，再见。',
    );
    expect(said).not.toContain('礼貌道别');
    expect(said).not.toContain('多写');
  });

  it("says the operator's words only in the call's language, a plain closing otherwise", () => {
    expect(closingFor(callWith('Have a great day!', 'en'))).toBe('Have a great day!');
    expect(closingFor(callWith('还有别的需要帮您的吗？感谢来电。', 'en'))).toBe(
      'Thanks for calling. Have a good day, goodbye.',
    );
    expect(closingFor(callWith('Have a great day!', 'zh'))).toBe('感谢您的来电，祝您生活愉快，再见。');
    expect(closingFor(callWith('', 'zh'))).toBe('感谢您的来电，祝您生活愉快，再见。');
  });

  it('closes an English call in English, recapping nothing when nothing was asked', () => {
    const ctx = callWith(
      'Recap the outcome and timings, check there is nothing else, thank the caller and say goodbye.',
      'en',
    );
    expect(closingFor(ctx)).toBe(
      'Anything else I can help with? Thanks for calling. Have a good day, goodbye.',
    );
    expect(closingFor(callWith('复述本次办理结果，礼貌道别', 'en'))).toBe(
      'Anything else I can help with? Thanks for calling. Have a good day, goodbye.',
    );
  });
});
