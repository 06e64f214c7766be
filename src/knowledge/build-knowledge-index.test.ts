import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testRecord } from '../../test/support/scenario-records.js';
import type { Product } from '../domain/record-schemas.js';
import { buildKnowledgeIndex } from './build-knowledge-index.js';
import { syntheticFaqProduct } from './synthetic-faq.js';

const ScenarioRecordsSchema = z.object({ products: z.array(z.looseObject({ name: z.string() })).min(1) });

/** The first product of the call scenarios' records file, as a stored record. */
function scenarioProduct(file: string): Product {
  const url = new URL(`../../../shared/scenarios/calls/${file}`, import.meta.url);
  const product = ScenarioRecordsSchema.parse(JSON.parse(readFileSync(url, 'utf8'))).products[0]!;
  return testRecord('product', '0000abcd', product);
}

const zh = buildKnowledgeIndex(scenarioProduct('records.json'));
const en = buildKnowledgeIndex(scenarioProduct('records-en.json'));

describe('buildKnowledgeIndex', () => {
  it.each([
    ['想问下会员怎么取消自动续费', 'faq', '如何取消会员自动续费？'],
    ['退款多久到账', 'faq', '退款多久到账？'],
    ['几台设备', 'faq', '会员可以几台设备同时用？'],
    ['两台设备够用吗', 'faq', '会员可以几台设备同时用？'],
    ['我要关闭自动续费', 'issue', '想关闭自动续费'],
    ['为什么扣了我的钱', 'issue', '不清楚为什么被扣费'],
    ['登录不上', 'issue', '登录不上账号'],
    ['4K画质要另外收费吗', 'feature', '高清与4K画质'],
  ])('finds for %j first the %s %j (Chinese product)', (query, kind, question) => {
    expect(zh.search(query)[0]).toMatchObject({ kind, question });
  });

  it.each([
    ['How do I turn off auto-renewal?', 'faq', 'How do I turn off auto-renewal?'],
    ['How long does a refund take?', 'faq', 'How long does a refund take?'],
    ["my refund hasn't arrived yet, how many days does it take", 'faq', 'How long does a refund take?'],
    ["I can't sign in", 'issue', 'Cannot sign in'],
    ['stop auto renew', 'issue', 'Wants to stop auto-renewal'],
    ['can I download videos', 'feature', 'Offline downloads'],
  ])('finds for %j first the %s %j (English product)', (query, kind, question) => {
    expect(en.search(query)[0]).toMatchObject({ kind, question });
  });

  it('answers an issue with the solution at the same index', () => {
    expect(zh.search('我要关闭自动续费')[0]?.answer).toBe('在权限内帮客户关闭自动续费');
  });

  it.each([
    '你好',
    '谢谢',
    '好的，没有别的问题了',
    '今天天气怎么样',
    '我要投诉',
    'thanks',
    'hello is anyone there',
    'what is the meaning of life',
    'my account was hacked',
    '',
    '？？？',
  ])('finds nothing for the unrelated %j', (query) => {
    expect(zh.search(query)).toEqual([]);
    expect(en.search(query)).toEqual([]);
  });

  it('ranks hits by descending positive score and honours the limit', () => {
    const hits = zh.search('会员', 10);
    expect(hits.length).toBeGreaterThan(2);
    for (const [i, hit] of hits.entries()) {
      expect(hit.score).toBeGreaterThan(0);
      if (i > 0) expect(hit.score).toBeLessThanOrEqual(hits[i - 1]!.score);
    }
    expect(zh.search('会员', 2)).toHaveLength(2);
    expect(zh.search('会员', 0)).toEqual([]);
    expect(zh.search('会员', Number.NaN)).toHaveLength(3);
    expect(zh.search('会员')).toHaveLength(3);
  });

  it('reads only the start of a very long query', () => {
    expect(zh.search(`退款多久到账${'。'.repeat(600)}几台设备`)[0]?.question).toBe('退款多久到账？');
    expect(zh.search(`${'。'.repeat(600)}几台设备`)).toEqual([]);
  });

  it('finds a plain-string faq entry as its own question and answer', () => {
    const index = buildKnowledgeIndex(
      testRecord('product', '0000abcd', { name: 'P', faq: ['支持7天无理由退款'] }),
    );
    expect(index.search('可以无理由退款吗')).toEqual([
      { kind: 'faq', question: '支持7天无理由退款', answer: '支持7天无理由退款', score: expect.any(Number) },
    ]);
  });

  it('does not answer with an entry that shares only the product name words with the question', () => {
    const index = buildKnowledgeIndex(
      testRecord('product', '0000abcd', {
        name: '光速宽带',
        faq: [
          { q: '搬家了宽带能移过去吗？', a: '可以办理移机，移机费100元。' },
          { q: '断网有补偿吗？', a: '断网超过24小时按天折算月租补偿。' },
        ],
      }),
    );
    const questions = (query: string) => index.search(query).map((h) => h.question);
    expect(questions('你们这宽带怎么回事啊')).not.toContain('搬家了宽带能移过去吗？');
    expect(questions('我要搬家了，宽带怎么办')).toContain('搬家了宽带能移过去吗？');
    // The name word alone still finds what mentions it.
    expect(questions('宽带')).toContain('搬家了宽带能移过去吗？');
  });

  it('reads texted words and being paid for a sale as the entries say them', () => {
    const resale = buildKnowledgeIndex(
      testRecord('product', '0000abce', {
        name: 'Box Office',
        faq: [
          {
            q: 'How does resale work?',
            a: 'List your tickets; when they sell we deduct a 10% fee and pay the rest to your bank 5 days after the event.',
          },
          { q: 'Do you have accessible seats?', a: 'Step-free seats cost the same as nearby seats.' },
        ],
      }),
    );
    expect(resale.search('so when do I get paid for them')[0]?.question).toBe('How does resale work?');
    expect(
      resale.search('thinking of selling my tix thru ur resale page, how much do u keep? whats the cut')[0]
        ?.question,
    ).toBe('How does resale work?');
  });

  it('finds nothing in a product without knowledge', () => {
    const index = buildKnowledgeIndex(testRecord('product', '0000abcd', { name: 'P' }));
    expect(index.search('退款多久到账')).toEqual([]);
  });

  it('builds one index for equal knowledge read again, and a new one when it changes', () => {
    const again = buildKnowledgeIndex(scenarioProduct('records.json'));
    expect(again).toBe(zh);
    const edited = scenarioProduct('records.json');
    edited.faq = [{ q: '发票怎么开？', a: '在订单页申请电子发票。' }];
    const index = buildKnowledgeIndex(edited);
    expect(index).not.toBe(zh);
    expect(index.search('发票怎么开')[0]?.question).toBe('发票怎么开？');
    expect(zh.search('发票怎么开')[0]?.question).not.toBe('发票怎么开？');
  });

  describe('with a 500-entry FAQ', () => {
    const product = syntheticFaqProduct({ count: 500 });
    const index = buildKnowledgeIndex(product);

    it('holds 500 faq entries', () => {
      expect(product.faq).toHaveLength(500);
    });

    it.each([
      ['想问下会员怎么取消自动续费', '如何取消会员自动续费？'],
      ['我要关闭会员的自动续费', '如何取消会员自动续费？'],
      ['退款多久到账', '退款多久到账？'],
      ['退款一般多久能到账', '退款多久到账？'],
      // Money back where it came from, asked when: 到账 in other words.
      ['那钱啥时候能回到我微信里', '退款多久到账？'],
      ['咁啲钱几时返到我微信度', '退款多久到账？'],
      // How long in Hubei and Sichuan: 好长时间到账, 好久到账.
      ['退的那三百多块好长时间到账', '退款多久到账？'],
      ['钱好久到账哦', '退款多久到账？'],
      // When money reaches the caller's WeChat or card: how long until 到账.
      ['退的钞票啥辰光到我微信里', '退款多久到账？'],
      ['那钱几时能进我卡', '退款多久到账？'],
      ['几台设备', '会员可以几台设备同时用？'],
      ['会员能几台设备一起看', '会员可以几台设备同时用？'],
    ])('still ranks the right entry first for %j', (query, question) => {
      expect(index.search(query)[0]?.question).toBe(question);
    });

    it.each([
      ['电子发票怎么开', ['电子发票', '开通']],
      ['礼品卡兑换失败', ['礼品卡', '兑换']],
      ['为什么扣了我的钱', ['扣费']],
    ])('ranks first for %j an entry about %j', (query, words) => {
      const question = index.search(query)[0]?.question ?? '';
      for (const word of words) expect(question).toContain(word);
    });

    it.each([['你好'], ['今天天气怎么样'], ['thanks']])('still finds nothing for %j', (query) => {
      expect(index.search(query)).toEqual([]);
    });

    it.each([1, 2, 3, 4, 5])('ranks the real entries first whatever the look-alikes (seed %i)', (seed) => {
      const other = buildKnowledgeIndex(syntheticFaqProduct({ count: 500, seed }));
      expect(other.search('想问下会员怎么取消自动续费')[0]?.question).toBe('如何取消会员自动续费？');
      expect(other.search('退款多久到账')[0]?.question).toBe('退款多久到账？');
      expect(other.search('几台设备')[0]?.question).toBe('会员可以几台设备同时用？');
    });

    it('searches well within the turn budget (median under 1 ms)', () => {
      // Wall-clock tails depend on whatever else the machine runs, so this checks the median and
      // the CPU time spent; build-knowledge-index.bench.ts measures the tail on a quiet machine.
      const queries = ['想问下会员怎么取消自动续费', '退款多久到账', '几台设备', '电子发票怎么开', '你好'];
      const times: number[] = [];
      const cpuBefore = process.cpuUsage();
      for (let round = 0; round < 60; round++) {
        for (const query of queries) {
          const start = performance.now();
          index.search(query);
          times.push(performance.now() - start);
        }
      }
      const cpu = process.cpuUsage(cpuBefore);
      times.sort((a, b) => a - b);
      expect(times[Math.floor(times.length / 2)]).toBeLessThan(1);
      expect((cpu.user + cpu.system) / 1000 / times.length).toBeLessThan(1);
    });
  });
});

describe('buildKnowledgeIndex: lost in other words, and a verb asked as A-not-A', () => {
  const index = buildKnowledgeIndex({
    name: '安听宝',
    description: '',
    features: [],
    common_issues: [],
    solutions: [],
    faq: [
      { q: '耳机丢了怎么办？', a: '购机首年有丢失险，一年内丢失可以补机，自付20%。' },
      { q: '多久能修好？', a: '一般10个工作日。' },
    ],
  });
  it.each(['耳机弄丢了赔不赔', '丢了赔不赔'])('finds the entry on losing one for %j', (said) => {
    expect(index.search(said)[0]?.question).toBe('耳机丢了怎么办？');
  });
});
