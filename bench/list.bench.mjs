// `cs list --type customer` (text and --json) as whole processes at 20,000 and 100,000
// customers: wall time and peak memory (max RSS, from /usr/bin/time), against `node -e 0` in the
// same run. Streamed, the memory should stay flat as the database grows. The databases are built
// once with the store's bulk path and kept in the temp folder (the 100,000 one is the store
// benchmark's).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore } from '../dist/index.js';
import { header, summarize } from './_util.mjs';

const SIZES = [20_000, Number(process.env.CS_BENCH_CUSTOMERS ?? 100_000)];
const cs = new URL('../bin/cs.js', import.meta.url).pathname;

const customer = (i) => ({
  name: `客户${i}`,
  phone: `135${String(i).padStart(8, '0')}`,
  type: i % 10 === 0 ? 'vip' : 'returning',
  background: '批量生成的测试客户',
  communication_style: '直接',
  special_needs: '无',
});

async function customersDb(n) {
  const dir = join(tmpdir(), `cs-bench-fs-${n}`);
  const db = join(dir, 'db');
  if (!existsSync(join(dir, 'ready'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const store = await openStore({ db, env: {} });
    for (let start = 0; start < n; start += 10_000) {
      await store.bulkImport(
        'customer',
        Array.from({ length: Math.min(10_000, n - start) }, (_, k) => customer(start + k)),
      );
    }
    await store.close();
    writeFileSync(join(dir, 'ready'), '');
  }
  return db;
}

/** Wall time (ms) and max RSS (MB) of a process, its output thrown away. */
function measure(args) {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return { ms, mb: Number(r.stderr.trim().split('\n').at(-1)) / 1024 };
}

export async function run() {
  header('cs list (whole process, file store)');
  const runs = 5;
  // CS_BENCH_BEFORE=<an older build's bin/cs.js>: the same listings by that build.
  const before = process.env.CS_BENCH_BEFORE;
  for (const n of SIZES) {
    const db = await customersDb(n);
    if (before) {
      const old = Array.from({ length: 3 }, () =>
        measure([before, 'list', '--type', 'customer', '--db', db]),
      );
      const ms = summarize(old.map((o) => o.ms)).p50;
      const mb = summarize(old.map((o) => o.mb)).p50;
      console.log(
        `${n.toLocaleString().padStart(7)} customers  before (${before}): median ${(ms / 1000).toFixed(2)} s, max RSS ${mb.toFixed(0)} MB`,
      );
    }
    for (const extra of [[], ['--json']]) {
      const ours = [];
      const base = [];
      for (let i = 0; i < runs; i++) {
        ours.push(measure([cs, 'list', '--type', 'customer', '--db', db, ...extra]));
        base.push(measure(['-e', '0']));
      }
      const ms = summarize(ours.map((o) => o.ms)).p50;
      const mb = summarize(ours.map((o) => o.mb)).p50;
      const baseMs = summarize(base.map((o) => o.ms)).p50;
      const baseMb = summarize(base.map((o) => o.mb)).p50;
      console.log(
        `${n.toLocaleString().padStart(7)} customers  cs list ${extra.join(' ').padEnd(6)} median ${(ms / 1000).toFixed(2)} s, max RSS ${mb.toFixed(0)} MB   (node -e 0: ${baseMs.toFixed(0)} ms, ${baseMb.toFixed(0)} MB)`,
      );
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
