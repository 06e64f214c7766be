// A whole scripted call as a process (`cs call --jsonl`, 8 customer lines, built-in agent, file
// store) against `node -e 0` in the same run, interleaved. Target: at most 2x.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRecord, openStore } from '../dist/index.js';
import { compareProcesses, fmt, header, summarize } from './_util.mjs';

const data = JSON.parse(readFileSync(new URL('../scripts/demo-data.json', import.meta.url), 'utf8'));
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

/** A file database with the demo product, customers and operator. */
export async function seedDb(dir) {
  const db = join(dir, 'db');
  const store = await openStore({ db, env: {} });
  await createRecord(store, 'product', data.product);
  for (const c of data.customers) await createRecord(store, 'customer', c);
  await createRecord(store, 'operator', data.operator);
  await store.close();
  return db;
}

/** The arguments and stdin of the scripted call. */
export function callArgs(db) {
  const cs = new URL('../bin/cs.js', import.meta.url).pathname;
  return {
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
    options: { input: `${utterances.join('\n')}\n结束通话\n` },
  };
}

/**
 * CPU time (user + system, ms) of a whole process, read from the waiting shell's child times in
 * /proc (Linux; 10 ms ticks): on a shared machine this varies far less than wall time.
 */
export function cpuOfProcess(args, options = {}) {
  const quoted = [process.execPath, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  const r = spawnSync('/bin/sh', ['-c', `${quoted} >/dev/null; s=$?; cat /proc/$$/stat; exit $s`], {
    encoding: 'utf8',
    ...options,
  });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  const fields = r.stdout.slice(r.stdout.lastIndexOf(')') + 2).split(' ');
  // Counting from the state field: cutime and cstime (fields 16 and 17 of proc(5)) are 13 and 14.
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
}

function medianCpu(a, b, runs) {
  const ta = [];
  const tb = [];
  for (let i = 0; i < runs; i++) {
    ta.push(cpuOfProcess(a.args, a.options));
    tb.push(cpuOfProcess(b.args, b.options));
  }
  return { a: summarize(ta), b: summarize(tb) };
}

export async function run(runs = Number(process.env.CS_BENCH_RUNS ?? 15)) {
  header('A whole scripted call as a process (cs call --jsonl, 8 lines, file store)');
  const dir = mkdtempSync(join(tmpdir(), 'cs-bench-call-'));
  try {
    const db = await seedDb(dir);
    const call = callArgs(db);
    compareProcesses(call, { args: ['-e', '0'] }, 2); // warm the file cache
    const r = compareProcesses(call, { args: ['-e', '0'] }, runs);
    console.log(`cs call (8 lines): median ${fmt(r.a.p50)}  min ${fmt(r.a.min)}`);
    console.log(`node -e 0 (baseline): median ${fmt(r.b.p50)}  min ${fmt(r.b.min)}`);
    console.log(
      `ratio: ${(r.a.p50 / r.b.p50).toFixed(2)}x median, ${(r.a.min / r.b.min).toFixed(2)}x min (target <= 2x)`,
    );
    if (process.platform === 'linux') {
      const c = medianCpu(call, { args: ['-e', '0'] }, runs);
      console.log(
        `CPU time: cs call median ${fmt(c.a.p50)}, node -e 0 median ${fmt(c.b.p50)}: ${(c.a.p50 / c.b.p50).toFixed(2)}x`,
      );
    }
    return r;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
