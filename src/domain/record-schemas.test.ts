import { describe, expect, it } from 'vitest';
import { FaqEntrySchema, ProductFieldsSchema, readFaqEntry } from './record-schemas.js';

describe('FaqEntrySchema', () => {
  it.each([
    ['plain text', '支持7天无理由退款'],
    ['{q, a}', { q: '退款多久到账？', a: '1到3个工作日' }],
    ['{question, answer}', { question: '退款多久到账？', answer: '1到3个工作日' }],
    ['{question, answer} with extra fields', { question: 'Q', answer: 'A', tags: ['refund'] }],
  ])('accepts %s and stores it as given', (_label, entry) => {
    expect(FaqEntrySchema.parse(entry)).toEqual(entry);
  });

  it.each([
    ['a number', 42],
    ['a question without an answer', { question: 'Q' }],
    ['unknown keys only', { title: 'Q', body: 'A' }],
  ])('refuses %s, naming the shapes it takes', (_label, entry) => {
    const result = ProductFieldsSchema.shape.faq.safeParse([entry]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('{"question","answer"}');
    expect(result.error?.issues[0]?.path).toEqual([0]);
  });

  it('refuses an empty string as empty', () => {
    expect(FaqEntrySchema.safeParse('  ').error?.issues[0]?.message).toBe('must not be empty');
  });
});

describe('readFaqEntry', () => {
  it.each([
    ['text', ' 支持退款 ', { question: '支持退款', answer: '支持退款' }],
    ['{q, a}', { q: 'Q1', a: 'A1' }, { question: 'Q1', answer: 'A1' }],
    ['{question, answer}', { question: ' Q2', answer: 'A2 ' }, { question: 'Q2', answer: 'A2' }],
  ])('reads %s the same way', (_label, entry, expected) => {
    expect(readFaqEntry(entry)).toEqual(expected);
  });

  it.each([[null], [7], [['Q', 'A']], [{ q: 'Q' }], [{ question: ' ', answer: 'A' }], ['']])(
    'gives nothing for %j',
    (entry) => {
      expect(readFaqEntry(entry)).toBeUndefined();
    },
  );
});
