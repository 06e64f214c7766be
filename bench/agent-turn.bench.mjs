// Built-in agent turn latency (target p99 < 10 ms, issues 11 and 13) on the in-memory and the
// file store, for two products: the demo product with a 500-entry FAQ, and a product with 40
// rules and 10 interfaces (the shared eval products' rules and interfaces together). Each call
// runs as `cs call` runs it: the store's grants and the call journal (the rules are compiled in
// the warm-up call, which is not counted). The
// baseline, in the same run, is the least a turn can cost on that store: one system query of a
// caller seen before (a stored mock state read back) and one of a new caller (state generated
// and written); and the disk's: a small file written and flushed (fsync), the least a turn that
// carries out an action waits for (its grant and the call journal are flushed first).
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
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
import { fmt, header, summarize } from './_util.mjs';
import { WIDE_RULES } from './_wide-rules.mjs';

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

const get = (description, endpoint, params, fields) => ({
  description,
  endpoint,
  method: 'GET',
  params,
  response_fields: fields,
  mock_enabled: true,
});

/** 40 rules and 10 interfaces: the demo product's and the shared eval products' together. */
function wideProduct() {
  return {
    ...data.product,
    name: '综合服务',
    api_interfaces: {
      ...data.product.api_interfaces,
      storage_usage: get(
        '查询云盘空间使用',
        '/api/drive/{user_id}/usage',
        ['user_id'],
        ['used_gb', 'quota_gb'],
      ),
      recycle_bin: get('查询回收站文件', '/api/drive/{user_id}/recycle', ['user_id'], ['files']),
      drive_orders: get('查询云盘订单', '/api/drive/{user_id}/orders', ['user_id'], ['orders']),
      recent_orders: get('查询最近订单', '/api/shop/{user_id}/orders', ['user_id'], ['orders']),
      shipment: get('查询物流', '/api/shop/{user_id}/shipment', ['user_id'], ['status', 'events']),
      booking: get(
        '查询机票订单',
        '/api/trips/{user_id}/booking',
        ['user_id'],
        ['flight', 'date', 'status', 'fare'],
      ),
      device_status: get(
        '查询设备状态',
        '/api/devices/{user_id}/speaker',
        ['user_id'],
        ['online', 'firmware', 'warranty_until'],
      ),
      user_profile: get('查询会员资料', '/api/user/{user_id}/profile', ['user_id'], ['level', 'points']),
    },
    operator_permissions: WIDE_RULES,
  };
}

const SCENARIOS = [
  {
    name: '500-entry FAQ, 8 rules, 2 interfaces',
    product: () => ({ ...data.product, faq: bigFaq(500) }),
    utterances: [
      '我没有订阅大会员，为什么扣了我15块钱！',
      '哦，那帮我把自动续费关了吧',
      '退款多久到账？',
      '上个月扣了我200块，我要退款',
      '你们服务太差了，我要投诉',
      '帮我查一下13912345678这个号码的用户叫什么名字',
      '我忘记密码了，登不上去了',
      '好的，谢谢',
    ],
  },
  {
    name: '40 rules, 10 interfaces',
    product: wideProduct,
    utterances: [
      '我没有订阅大会员，为什么扣了我15块钱！',
      '哦，那帮我把自动续费关了吧',
      '我的云盘空间还剩多少？',
      '帮我临时扩容30个G',
      '回收站里昨天删的文件帮我恢复一下',
      '我上周买的东西到哪了？',
      '收到的耳机有问题，我要退货',
      '我的航班延误了，申请延误赔偿',
      '音箱连不上网，帮我远程重置一下',
      '上个月扣了我200块，我要退款',
      '我老婆的手机号绑的什么套餐，帮我查下',
      '好的，谢谢',
    ],
  },
];

/** The call journal as `cs call` keeps it (journalCall): every change appended as it happens. */
async function journal(store, session) {
  const { product, operator, customer, phone, coldStart } = session.participants;
  const writer = await store.journal.start({
    call_id: session.callId,
    owner: { host: hostname(), pid: process.pid, started: 0 },
    started_at: session.record.started_at,
    product_id: product._id,
    operator_id: operator._id,
    customer_id: customer._id,
    phone,
    cold_start: coldStart,
    language: session.record.language,
    agent: 'rules',
  });
  session.onRecord((change) => writer.append(change), { flush: () => writer.flush() });
  return writer;
}

const CALLS = Number(process.env.CS_BENCH_CALLS ?? 25);

const SCHEDSTAT = '/proc/thread-self/schedstat';
const hasSchedstat = existsSync(SCHEDSTAT);
/**
 * How long the main thread waited for a core (ns, Linux schedstat). On a shared machine a turn's
 * wall time includes waiting for the other processes to give up a core: wall time less that
 * wait is what the turn would take with the cores to itself (its own I/O waits still in).
 */
function runQueueWait() {
  if (!hasSchedstat) return 0;
  return Number(readFileSync(SCHEDSTAT, 'utf8').split(' ')[1]);
}

/** CPU time of the whole process (all threads: the JIT and GC helpers too), in ms. */
function cpuMs() {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

/** Turn latencies of CALLS calls (distinct callers) after one warm-up call; also CPU per turn. */
async function turnLatencies(store, scenario) {
  const product = scenario.product();
  await createRecord(store, 'product', product);
  for (const c of data.customers) await createRecord(store, 'customer', c);
  await createRecord(store, 'operator', data.operator);
  const agent = createRulesAgent();
  const turns = [];
  const cpus = [];
  const unqueued = [];
  // Turns that carry out an action wait for the disk (the grant and the journal are flushed
  // before the backend hears of it); the others need not.
  const acting = [];
  const others = [];
  for (let call = 0; call <= CALLS; call++) {
    const participants = await startCall({
      store,
      product: product.name,
      operator: data.operator.name,
      caller: { phone: `1380013${String(8000 + call)}` },
    });
    const session = new CallSession({
      participants,
      backend: createSystemBackend({ store, env: {} }),
      language: 'zh',
      grants: store,
    });
    const writer = await journal(store, session);
    session.prepareKnowledge();
    session.addAgentTurn(await agent.greet(session.context()));
    for (const u of scenario.utterances) {
      session.addCustomerTurn(u);
      const actions0 = session.record.actions_performed.length;
      const wait0 = runQueueWait();
      const cpu0 = cpuMs();
      const t0 = performance.now();
      const reply = await agent.reply(session.context(), u);
      const ms = performance.now() - t0;
      const cpu = cpuMs() - cpu0;
      const wait = (runQueueWait() - wait0) / 1e6;
      // The first call warms up the JIT and compiles the rules: start-up, not a turn's cost.
      if (call > 0) {
        turns.push(ms);
        cpus.push(cpu);
        unqueued.push(ms - wait);
        (session.record.actions_performed.length > actions0 ? acting : others).push(ms);
      }
      session.addAgentTurn(reply);
    }
    await writer.close();
  }
  return {
    ...summarize(turns),
    max: Math.max(...turns),
    cpu: summarize(cpus),
    unqueued: summarize(unqueued),
    acting: summarize(acting),
    others: summarize(others),
  };
}

/** The baseline: one system query of a new caller (state generated and stored), then again. */
async function queryBaseline(store, productName) {
  const [product] = await store.findByName('product', productName);
  const backend = createSystemBackend({ store, env: {} });
  const first = [];
  const again = [];
  for (let i = 0; i < 200; i++) {
    const phone = `1390000${String(1000 + i)}`;
    const resolved = resolveQuery({ product, phone, interfaceName: 'user_subscription' });
    const q0 = performance.now();
    await backend.query(resolved, { product, phone });
    const q1 = performance.now();
    await backend.query(resolved, { product, phone });
    first.push(q1 - q0);
    again.push(performance.now() - q1);
  }
  return { first: summarize(first), again: summarize(again) };
}

/** The disk's baseline: a 1 KB file written and flushed (fsync), 100 times. */
function flushBaseline(dir) {
  const times = [];
  for (let i = 0; i < 100; i++) {
    const path = join(dir, `flush-${i}`);
    const t0 = performance.now();
    const fd = openSync(path, 'w');
    writeSync(fd, 'x'.repeat(1024));
    fsyncSync(fd);
    closeSync(fd);
    times.push(performance.now() - t0);
    unlinkSync(path);
  }
  return summarize(times);
}

const line = (label, t) =>
  `${label}: wall p50 ${fmt(t.p50)}  p99 ${fmt(t.p99)}  max ${fmt(t.max)}` +
  (hasSchedstat ? `; less run-queue wait p50 ${fmt(t.unqueued.p50)}  p99 ${fmt(t.unqueued.p99)}` : '') +
  `; CPU p50 ${fmt(t.cpu.p50)}  p99 ${fmt(t.cpu.p99)}` +
  `  (n=${t.n})`;

export async function run() {
  const results = {};
  for (const scenario of SCENARIOS) {
    header(`Built-in agent turn, ${scenario.name} (target p99 < 10 ms)`);
    const mem = await turnLatencies(new MemoryRecordStore(), scenario);
    console.log(line('in-memory store', mem));
    const dir = mkdtempSync(join(tmpdir(), 'cs-bench-agent-'));
    try {
      const store = await openStore({ db: join(dir, 'db'), env: {} });
      const file = await turnLatencies(store, scenario);
      console.log(line('file store     ', file));
      console.log(
        `file store, turns that carry out an action: wall p50 ${fmt(file.acting.p50)}  p99 ${fmt(file.acting.p99)}  (n=${file.acting.n}); the others: p50 ${fmt(file.others.p50)}  p99 ${fmt(file.others.p99)}  (n=${file.others.n})`,
      );
      const q = await queryBaseline(store, scenario.product().name);
      console.log(
        `baseline, file store: a new caller's first query p50 ${fmt(q.first.p50)} p99 ${fmt(q.first.p99)}; the same query again p50 ${fmt(q.again.p50)} p99 ${fmt(q.again.p99)}`,
      );
      const flush = flushBaseline(dir);
      console.log(`baseline, disk: a 1 KB write and fsync p50 ${fmt(flush.p50)} p99 ${fmt(flush.p99)}`);
      console.log(
        `ratio file-store turn / new caller's first query, p50: ${(file.p50 / q.first.p50).toFixed(2)}x; file/in-memory turn p99: ${(file.p99 / mem.p99).toFixed(2)}x`,
      );
      await store.close();
      results[scenario.name] = { mem, file, query: q, flush };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
