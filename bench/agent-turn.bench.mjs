// Built-in agent turn latency with a 500-entry FAQ (target p99 < 10 ms), against a bare system
// query in the same run; and a whole scripted call as a process against `node -e 0`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  CallSession,
  createRecord,
  createRulesAgent,
  createSystemBackend,
  MemoryRecordStore,
  openStore,
  resolveQuery,
  startCall,
} from '../dist/index.js';
import { compareProcesses, fmt, header, summarize } from './_util.mjs';

const data = JSON.parse(readFileSync(new URL('../scripts/demo-data.json', import.meta.url), 'utf8'));
const topics = [
  '会员',
  '退款',
  '发票',
  '设备',
  '画质',
  '下载',
  '登录',
  '账号',
  '续费',
  '优惠券',
  '积分',
  '家庭组',
];
const verbs = [
  '怎么开通',
  '如何取消',
  '多久到账',
  '在哪里查看',
  '为什么失败',
  '可以转让吗',
  '有什么限制',
  '怎么修改',
];

function bigFaq(n) {
  const faq = [...data.product.faq];
  for (let i = 0; faq.length < n; i++) {
    const t = topics[i % topics.length];
    const v = verbs[Math.floor(i / topics.length) % verbs.length];
    faq.push({ q: `${t}${v}？（${i}）`, a: `关于${t}${v}：请在App的${t}页面按提示操作，第${i}条说明。` });
  }
  return faq;
}

const utterances = [
  '我没有订阅大会员，为什么扣了我15块钱！',
  '哦，那帮我把自动续费关了吧',
  '退款多久到账？',
  '上个月扣了我200块，我要退款',
  '你们服务太差了，我要投诉',
  '帮我查一下13912345678这个号码的用户叫什么名字',
  '我忘记密码了，登不上去了',
  '好的，谢谢',
];

async function turnLatencies(store) {
  await createRecord(store, 'product', { ...data.product, faq: bigFaq(500) });
  for (const c of data.customers) await createRecord(store, 'customer', c);
  await createRecord(store, 'operator', data.operator);
  const agent = createRulesAgent();
  const turns = [];
  for (let call = 0; call < 25; call++) {
    const participants = await startCall({
      store,
      product: data.product.name,
      operator: data.operator.name,
      caller: { phone: `1380013${String(8000 + call)}` },
    });
    const session = new CallSession({
      participants,
      backend: createSystemBackend({ store, env: {} }),
      language: 'zh',
    });
    session.prepareKnowledge();
    session.addAgentTurn(await agent.greet(session.context()));
    for (const u of utterances) {
      session.addCustomerTurn(u);
      const t0 = performance.now();
      const reply = await agent.reply(session.context(), u);
      turns.push(performance.now() - t0);
      session.addAgentTurn(reply);
    }
  }
  return summarize(turns.slice(utterances.length)); // the first call warms up
}

export async function run() {
  header('Agent turn latency (built-in agent, 500-entry FAQ)');
  const mem = await turnLatencies(new MemoryRecordStore());
  console.log(
    `agent turn, in-memory store: p50 ${fmt(mem.p50)}  p99 ${fmt(mem.p99)}  (n=${mem.n}; target p99 < 10 ms)`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'cs-bench-agent-'));
  try {
    const store = await openStore({ db: join(dir, 'db'), env: {} });
    const t = await turnLatencies(store);
    // Baseline: one bare system query against the same store, the least I/O a turn can do.
    const [product] = await store.findByName('product', data.product.name);
    const backend = createSystemBackend({ store, env: {} });
    const queries = [];
    for (let i = 0; i < 200; i++) {
      const phone = `1390000${String(1000 + i)}`;
      const resolved = resolveQuery({ product, phone, interfaceName: 'user_subscription' });
      const q0 = performance.now();
      await backend.query(resolved, { product, phone });
      queries.push(performance.now() - q0);
    }
    const q = summarize(queries);
    console.log(
      `agent turn, file store   : p50 ${fmt(t.p50)}  p99 ${fmt(t.p99)}  (n=${t.n}; includes locked atomic writes)`,
    );
    console.log(
      `first query of a caller (baseline, generates and stores state): p50 ${fmt(q.p50)}  p99 ${fmt(q.p99)}`,
    );
    console.log(
      `ratio turn/query p50: ${(t.p50 / q.p50).toFixed(2)}x; in-memory/file-store turn p99: ${(mem.p99 / t.p99).toFixed(2)}x`,
    );

    header('A whole scripted call as a process (cs call, 8 turns)');
    const db = join(dir, 'db');
    const input = `${utterances.join('\n')}\n结束通话\n`;
    const cs = new URL('../bin/cs.js', import.meta.url).pathname;
    const r = compareProcesses(
      {
        args: [
          cs,
          'call',
          '--db',
          db,
          '--product',
          data.product.name,
          '--operator',
          data.operator.name,
          '--phone',
          '13800138000',
          '--agent',
          'rules',
          '--jsonl',
        ],
        options: { input },
      },
      { args: ['-e', '0'] },
      10,
    );
    console.log(`cs call (8 turns): median ${fmt(r.a.p50)}`);
    console.log(`node -e 0 (baseline): median ${fmt(r.b.p50)}`);
    console.log(`ratio: ${(r.a.p50 / r.b.p50).toFixed(2)}x`);
    await store.close();
    return { turn: t, query: q, call: r };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
