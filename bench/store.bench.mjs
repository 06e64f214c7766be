// Stores at scale: `cs read customer --phone` on 100,000 customers against `node -e 0` (target
// at most 1.5x), in-process lookups and sessions saved per second on both stores. PostgreSQL runs
// when CS_BENCH_DATABASE_URL or CS_TEST_DATABASE_URL is set (own schema, dropped after).
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore } from '../dist/index.js';
import { compareProcesses, fmt, header, summarize } from './_util.mjs';

const N = Number(process.env.CS_BENCH_CUSTOMERS ?? 100_000);
const phoneOf = (i) => `135${String(i).padStart(8, '0')}`;
const customer = (i) => ({
  name: `客户${i}`,
  phone: phoneOf(i),
  type: i % 10 === 0 ? 'vip' : 'returning',
  background: '批量生成的测试客户',
  communication_style: '直接',
  special_needs: '无',
});

const session = (i) => ({
  date: '20261125',
  tag: `bench${i}`,
  build: (id) => ({
    session_id: id,
    product: '会员订阅服务',
    customer: `客户${i}`,
    operator: 'HEAR策略',
    timestamp: '2026-11-25T10:00:00.000000',
    conversation: [
      { role: 'customer', content: '我要退款200元' },
      { role: 'agent', content: '这个需要我向主管申请，预计2小时内给您回复，可以吗？' },
    ],
    review: {
      resolution_status: 'partially_resolved',
      issue_summary: '退款200元',
      actions_taken: [],
      follow_up_required: true,
      customer_updates: {},
    },
  }),
  readme: (s) => `# ${s.session_id}\n`,
});

async function lookups(store, count) {
  const times = [];
  for (let k = 0; k < count; k++) {
    const i = (k * 7919) % N;
    const t0 = performance.now();
    const found = await store.findCustomerByPhone(phoneOf(i));
    times.push(performance.now() - t0);
    if (!found) throw new Error(`lookup ${phoneOf(i)} found nothing`);
  }
  return summarize(times);
}

async function saves(store, seconds) {
  let n = 0;
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) await store.saveSession(session(n++));
  return n / seconds;
}

export async function run() {
  const cacheDir = join(tmpdir(), `cs-bench-fs-${N}`);
  const db = join(cacheDir, 'db');
  header(`File store, ${N.toLocaleString()} customers`);
  if (!existsSync(join(cacheDir, 'ready'))) {
    rmSync(cacheDir, { recursive: true, force: true });
    mkdirSync(cacheDir, { recursive: true });
    const store = await openStore({ db, env: {} });
    const t0 = performance.now();
    for (let start = 0; start < N; start += 10_000) {
      await store.bulkImport(
        'customer',
        Array.from({ length: Math.min(10_000, N - start) }, (_, k) => customer(start + k)),
      );
    }
    await store.findCustomerByPhone(phoneOf(0)); // builds the index once
    await store.close();
    writeFileSync(join(cacheDir, 'ready'), '');
    console.log(`(created in ${((performance.now() - t0) / 1000).toFixed(1)} s, kept in ${cacheDir})`);
  }
  const cs = new URL('../bin/cs.js', import.meta.url).pathname;
  const target = phoneOf(Math.floor(N / 2));
  const cmp = compareProcesses(
    { args: [cs, 'read', 'customer', '--phone', target, '--db', db, '--json'] },
    { args: ['-e', '0'] },
    21,
  );
  console.log(`cs read customer --phone: median ${fmt(cmp.a.p50)}`);
  console.log(`node -e 0 (baseline)    : median ${fmt(cmp.b.p50)}`);
  console.log(`ratio: ${(cmp.a.p50 / cmp.b.p50).toFixed(2)}x (target <= 1.5x)`);

  const fs = await openStore({ db, env: {} });
  const fsLookup = await lookups(fs, 500);
  console.log(`in-process findCustomerByPhone: p50 ${fmt(fsLookup.p50)}  p99 ${fmt(fsLookup.p99)}`);
  await fs.close();
  const sdir = join(tmpdir(), `cs-bench-sessions-${process.pid}`);
  const sfs = await openStore({ db: sdir, env: {} });
  const fsSaves = await saves(sfs, 3);
  await sfs.close();
  rmSync(sdir, { recursive: true, force: true });
  // Baseline: the same session written as plain files, no lock, no fsync, no sequence.
  const bdir = join(tmpdir(), `cs-bench-raw-${process.pid}`);
  mkdirSync(bdir, { recursive: true });
  let raw = 0;
  const rawEnd = performance.now() + 2000;
  while (performance.now() < rawEnd) {
    const dir = join(bdir, `s${raw}`);
    mkdirSync(dir);
    writeFileSync(join(dir, 'session.json'), JSON.stringify(session(raw).build(`s${raw}`), null, 2));
    writeFileSync(join(dir, 'README.md'), `# s${raw}\n`);
    raw++;
  }
  rmSync(bdir, { recursive: true, force: true });
  console.log(
    `sessions saved: ${fsSaves.toFixed(0)}/s (plain file writes, baseline: ${(raw / 2).toFixed(0)}/s)`,
  );

  const url = process.env.CS_BENCH_DATABASE_URL ?? process.env.CS_TEST_DATABASE_URL;
  if (!url) {
    console.log('\n(PostgreSQL skipped: set CS_BENCH_DATABASE_URL or CS_TEST_DATABASE_URL)');
    return;
  }
  header(`PostgreSQL store, ${N.toLocaleString()} customers`);
  const schema = `cs_bench_${process.pid}`;
  const pgUrl = `${url}${url.includes('?') ? '&' : '?'}schema=${schema}`;
  const pg = await openStore({ db: pgUrl, env: {} });
  try {
    const t0 = performance.now();
    const batch = 5_000;
    for (let start = 0; start < N; start += batch) {
      const records = Array.from({ length: Math.min(batch, N - start) }, (_, k) => ({
        ...customer(start + k),
        _id: (start + k).toString(16).padStart(8, '0'),
        _type: 'customer',
        _created: '2026-11-25T10:00:00.000000',
      }));
      await pg.importRecords('customer', records);
    }
    console.log(`(loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    const pgLookup = await lookups(pg, 500);
    console.log(`in-process findCustomerByPhone: p50 ${fmt(pgLookup.p50)}  p99 ${fmt(pgLookup.p99)}`);
    console.log(`ratio pg/fs p50: ${(pgLookup.p50 / fsLookup.p50).toFixed(2)}x`);
    const pgSaves = await saves(pg, 3);
    console.log(`sessions saved: ${pgSaves.toFixed(0)}/s (file store in this run: ${fsSaves.toFixed(0)}/s)`);
    const cmpPg = compareProcesses(
      { args: [cs, 'read', 'customer', '--phone', target, '--db', pgUrl, '--json'] },
      { args: ['-e', '0'] },
      11,
    );
    console.log(
      `cs read customer --phone (PostgreSQL): median ${fmt(cmpPg.a.p50)}, ratio to node -e 0: ${(cmpPg.a.p50 / cmpPg.b.p50).toFixed(2)}x`,
    );
  } finally {
    const { default: pgLib } = await import('pg');
    const client = new pgLib.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
    await pg.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
