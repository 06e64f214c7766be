import { describe, expect, it } from 'vitest';
import { testRecord } from '../../test/support/scenario-records.js';
import { knowledgeEntries } from './knowledge-entries.js';

// Products as stored: a hand-edited file may lack fields or hold them in the wrong shape.
describe('knowledgeEntries', () => {
  it('lists faq, issues with their solutions, features and the description, in that order', () => {
    const product = testRecord('product', '0000abcd', {
      name: '会员订阅服务',
      description: '视频平台的会员订阅服务。',
      features: ['高清与4K画质'],
      common_issues: ['想关闭自动续费'],
      solutions: ['在权限内帮客户关闭自动续费'],
      faq: [{ q: '退款多久到账？', a: '一般1到3个工作日到账。' }, '支持7天无理由退款'],
    });
    expect(knowledgeEntries(product)).toEqual([
      { kind: 'faq', question: '退款多久到账？', answer: '一般1到3个工作日到账。' },
      { kind: 'faq', question: '支持7天无理由退款', answer: '支持7天无理由退款' },
      { kind: 'issue', question: '想关闭自动续费', answer: '在权限内帮客户关闭自动续费' },
      { kind: 'feature', question: '高清与4K画质', answer: '高清与4K画质' },
      { kind: 'description', question: '会员订阅服务', answer: '视频平台的会员订阅服务。' },
    ]);
  });

  it('reads {question, answer} entries like {q, a} ones', () => {
    const product = testRecord('product', '0000abcd', {
      name: 'P',
      faq: [
        { question: 'How long does a refund take?', answer: '1 to 3 working days.' },
        { q: 'Can I cancel?', a: 'Any time.' },
      ],
    });
    expect(knowledgeEntries(product)).toEqual([
      { kind: 'faq', question: 'How long does a refund take?', answer: '1 to 3 working days.' },
      { kind: 'faq', question: 'Can I cancel?', answer: 'Any time.' },
    ]);
  });

  it('pairs issues and solutions by index and leaves out an issue without a solution', () => {
    const product = testRecord('product', '0000abcd', {
      name: 'P',
      common_issues: ['A', 'B', 'C'],
      solutions: ['fix A', 'fix B'],
    });
    expect(knowledgeEntries(product).map((entry) => [entry.question, entry.answer])).toEqual([
      ['A', 'fix A'],
      ['B', 'fix B'],
    ]);
  });

  it('ignores missing and malformed fields instead of failing', () => {
    const product = testRecord('product', '0000abcd', {
      name: 'P',
      faq: [42, null, { q: 'only a question' }, { q: ' ', a: 'blank question' }, '  '],
      features: 'not a list',
      common_issues: [1, 'Issue'],
      solutions: ['fix 1', 'fix issue'],
      description: 7,
    });
    expect(knowledgeEntries(product)).toEqual([{ kind: 'issue', question: 'Issue', answer: 'fix issue' }]);
    expect(knowledgeEntries(testRecord('product', '0000abcd', { name: 'empty' }))).toEqual([]);
  });
});
