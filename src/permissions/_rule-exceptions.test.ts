import { describe, expect, it } from 'vitest';
import { exceptionExclusions, kindLimits, withoutExceptionNotes } from './_rule-exceptions.js';

const excludes = (rule: string, request: string): boolean =>
  new RegExp(exceptionExclusions(rule) ?? '(?!)').test(request.toLowerCase());

describe('exceptionExclusions: what a rule says it does not cover', () => {
  it('reads a Chinese exception, lateness in any of the caller’s words', () => {
    const rule = '退款或补偿>50元/单（超时免上门费除外）';
    expect(excludes(rule, '师傅迟到了一个钟头，上门费退给我')).toBe(true);
    expect(excludes(rule, '超时免上门费，六十块钱退给俺')).toBe(true);
    expect(excludes(rule, '上门费退给我')).toBe(false);
    expect(excludes(rule, '退我60元')).toBe(false);
  });

  it('reads English exceptions, each thing listed apart, its endings loose', () => {
    const rule =
      'Compensation, goodwill credits or refunds above £30 per incident (other than an excess or a Direct Debit collected in error)';
    expect(excludes(rule, 'refund the £95 excess')).toBe(true);
    expect(excludes(rule, 'the direct debit went out in error twice')).toBe(true);
    expect(excludes(rule, 'I want £40 compensation')).toBe(false);
    expect(excludes('Any refund above £20 per case, except duplicate top-ups', 'a duplicate top up')).toBe(
      true,
    );
  });

  it('takes most words of a longer thing: moving, and no service where they go', () => {
    const rule =
      'Waiving the A$120 early-cancellation fee for any reason other than moving out of our service area';
    expect(excludes(rule, "we're moving to Perth, you don't service it")).toBe(true);
    expect(excludes(rule, 'waive the fee, I just want out')).toBe(false);
  });

  it('reads a charge taken twice however it is said, for a kind given its own limit', () => {
    const rule = '退款或补偿>50元/单（重复扣款>200元/单）';
    expect(excludes(rule, '扣了我两回一百三十八，你给我退回来嘛')).toBe(true);
    expect(excludes(rule, '重复扣费退款138元')).toBe(true);
    expect(excludes(rule, '退款60元')).toBe(false);
    expect(kindLimits(rule, '退款')).toEqual(['重复扣款退款>200元/单']);
  });

  it('leaves a note that restates the rule’s own limit alone', () => {
    const rule = '拒签退团：退全部团费只扣签证费300元/人（退款单笔≤5000元）';
    expect(kindLimits(rule, '退款')).toEqual([]);
    expect(exceptionExclusions(rule)).toBeUndefined();
  });

  it('takes the notes out of the phrase', () => {
    expect(withoutExceptionNotes('退款或补偿 /单(超时免上门费除外)')).toBe('退款或补偿 /单');
    expect(withoutExceptionNotes('refunds above £30 per incident (other than an excess)')).toBe(
      'refunds above £30 per incident',
    );
  });
});
