// Builds file databases of saved sessions for the history benchmarks, through the store's own
// saveSession (as `cs call` saves), and times the saves as the history grows.
import { performance } from 'node:perf_hooks';
import { openStore } from '../dist/index.js';

const NAMES = ['张先生', '李女士', '王建国', '刘芳', '陈静', '杨洋', '赵磊', '黄丽', '周杰', '吴敏'];
const PRODUCTS = ['会员订阅服务', '云存储', '在线教育', '外卖平台'];
const STATUSES = ['resolved', 'resolved', 'partially_resolved', 'unresolved', 'interrupted'];

/** The i-th session's fields: ten customers with their phones, four products, mixed outcomes. */
export function sessionFields(i) {
  return {
    product: PRODUCTS[i % PRODUCTS.length],
    customer: `${NAMES[i % NAMES.length]}${Math.floor(i / NAMES.length) % 50}`,
    customer_phone: `1380000${String(i % 5000).padStart(4, '0')}`,
    operator: 'HEAR策略',
    timestamp: '2026-11-25T10:00:00.000000',
    conversation: [
      { role: 'customer', content: '我要退款200元' },
      { role: 'agent', content: '这个需要我向主管申请，预计2小时内给您回复，可以吗？' },
    ],
    review: {
      resolution_status: STATUSES[i % STATUSES.length],
      issue_summary: '退款200元',
      actions_taken: [],
      follow_up_required: true,
      customer_updates: {},
    },
  };
}

/** Day `d` (0-based) from 2026-08-01 as YYYYMMDD. */
export function dayOf(d) {
  const date = new Date(Date.UTC(2026, 7, 1 + d));
  return date.toISOString().slice(0, 10).replaceAll('-', '');
}

/**
 * Saves `count` sessions into the database at `db`, `perDay` a day (all on one day when
 * perDay >= count); returns the save rate of each 1,000 in turn.
 */
export async function saveSessions(db, count, perDay) {
  const store = await openStore({ db, env: {} });
  const rates = [];
  let t0 = performance.now();
  try {
    for (let i = 0; i < count; i++) {
      await store.saveSession({
        date: dayOf(Math.floor(i / perDay)),
        tag: `b${i}`,
        build: (id) => ({ session_id: id, ...sessionFields(i) }),
        readme: (s) => `# ${s.session_id}\n`,
      });
      if ((i + 1) % 1000 === 0) {
        rates.push({ at: i + 1, perSecond: 1000 / ((performance.now() - t0) / 1000) });
        t0 = performance.now();
      }
    }
  } finally {
    await store.close();
  }
  return rates;
}
