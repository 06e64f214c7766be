import { bench, describe } from 'vitest';
import { buildKnowledgeIndex } from './build-knowledge-index.js';
import { syntheticFaqProduct } from './synthetic-faq.js';

// Run with `npx vitest bench --run src/knowledge`: p99 of search on a 500-entry Chinese FAQ must
// stay far below the built-in agent's 10 ms turn budget.
const product = syntheticFaqProduct({ count: 500 });
const index = buildKnowledgeIndex(product);
const queries = [
  '想问下会员怎么取消自动续费',
  '退款多久到账',
  '几台设备',
  '电子发票怎么开',
  '为什么扣了我的钱',
  '你好',
  ...product.faq.slice(0, 20).map((entry) => entry.q),
];
let next = 0;

describe('knowledge index, 500-entry Chinese FAQ', () => {
  bench('build', () => {
    buildKnowledgeIndex(product);
  });

  bench('search', () => {
    index.search(queries[next++ % queries.length]!);
  });
});
