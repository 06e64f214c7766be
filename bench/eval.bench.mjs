// The 25 public calls (../shared/eval/calls.json) through one `cs eval` process against the same
// 25 calls as 25 `cs call --jsonl` processes, in the same run, interleaved run by run. Each
// `cs call` gets a fresh file database made as a user would (`cs create --data` per record type,
// `cs mock set` per mocked interface); that setup is timed apart and the ratio is given without
// it (the harder comparison) and with it. Target: `cs eval` at least 5x faster.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fmt, header, summarize, timeProcess } from './_util.mjs';
import { cpuOfProcess } from './call-process.bench.mjs';

const cs = new URL('../bin/cs.js', import.meta.url).pathname;
// ../shared sits beside the clone (as the tests find it).
const SUITE = new URL('../../shared/eval/calls.json', import.meta.url).pathname;
const RECORDS = new URL('../../shared/eval/records.json', import.meta.url).pathname;

/** Wall time and CPU time (user + system, from /proc on Linux) of one whole process. */
function measure(args, options = {}) {
  const t0 = performance.now();
  if (process.platform !== 'linux') return { wall: timeProcess(args, options), cpu: Number.NaN };
  const cpu = cpuOfProcess(args, options);
  return { wall: performance.now() - t0, cpu };
}

/** A fresh database for one scenario, made with `cs create --data` and `cs mock set`; its wall time. */
function setUp(db, scenario, records) {
  let ms = 0;
  for (const [type, list] of [
    ['product', records.products],
    ['customer', records.customers],
    ['operator', records.operators],
  ]) {
    ms += timeProcess([cs, 'create', type, '--db', db, '--data', JSON.stringify(list)]);
  }
  for (const [name, response] of Object.entries(scenario.mock ?? {})) {
    ms += timeProcess([
      cs,
      'mock',
      'set',
      '--db',
      db,
      '--product',
      scenario.product,
      '--phone',
      scenario.phone,
      '--interface',
      name,
      '--response',
      JSON.stringify(response),
    ]);
  }
  return ms;
}

/** The 25 calls one process each; their summed wall and CPU time, and the setup's wall time. */
function callsOneByOne(dir, run, scenarios, records) {
  const operator = records.operators[0].name;
  let wall = 0;
  let cpu = 0;
  let setup = 0;
  for (const [i, s] of scenarios.entries()) {
    const db = join(dir, `run-${run}-call-${i}`);
    setup += setUp(db, s, records);
    const args = [cs, 'call', '--db', db, '--product', s.product, '--operator', operator];
    if (s.phone) args.push('--phone', s.phone);
    if (s.lang) args.push('--lang', s.lang);
    args.push('--agent', 'rules', '--jsonl');
    const m = measure(args, { input: `${s.turns.join('\n')}\n` });
    wall += m.wall;
    cpu += m.cpu;
    rmSync(db, { recursive: true, force: true });
  }
  return { wall, cpu, setup };
}

export async function run(runs = Number(process.env.CS_BENCH_EVAL_RUNS ?? 3)) {
  header('The 25 public calls: one cs eval process against 25 cs call processes');
  const suite = JSON.parse(readFileSync(SUITE, 'utf8'));
  const records = JSON.parse(readFileSync(RECORDS, 'utf8'));
  // Every public scenario is scripted with a phone; a persona or phone-less one is not comparable.
  const scenarios = suite.scenarios.filter((s) => s.turns && s.phone && !s.customer && !s.new);
  const dir = mkdtempSync(join(tmpdir(), 'cs-bench-eval-'));
  const evalArgs = (jobs) => [cs, 'eval', SUITE, '--agent', 'rules', '--jsonl', ...jobs];
  try {
    measure(evalArgs([])); // warm the file cache and the rules cache of the build
    const ev = { wall: [], cpu: [] };
    const ev1 = { wall: [], cpu: [] };
    const calls = { wall: [], cpu: [], setup: [] };
    for (let r = 0; r < runs; r++) {
      const a = measure(evalArgs([]));
      ev.wall.push(a.wall);
      ev.cpu.push(a.cpu);
      const b = measure(evalArgs(['--jobs', '1']));
      ev1.wall.push(b.wall);
      ev1.cpu.push(b.cpu);
      const c = callsOneByOne(dir, r, scenarios, records);
      calls.wall.push(c.wall);
      calls.cpu.push(c.cpu);
      calls.setup.push(c.setup);
    }
    const med = (xs) => summarize(xs).p50;
    const n = scenarios.length;
    console.log(`scenarios: ${n}, runs: ${runs} (medians)`);
    console.log(`cs eval (default --jobs): wall ${fmt(med(ev.wall))}, CPU ${fmt(med(ev.cpu))}`);
    console.log(`cs eval --jobs 1:         wall ${fmt(med(ev1.wall))}, CPU ${fmt(med(ev1.cpu))}`);
    console.log(
      `${n} cs call processes:     wall ${fmt(med(calls.wall))}, CPU ${fmt(med(calls.cpu))}; their setup (cs create, cs mock set) wall ${fmt(med(calls.setup))}`,
    );
    const ratio = (x, y) => `${(x / y).toFixed(1)}x`;
    console.log(
      `ratio, calls only: wall ${ratio(med(calls.wall), med(ev.wall))} (--jobs 1: ${ratio(med(calls.wall), med(ev1.wall))}), CPU ${ratio(med(calls.cpu), med(ev.cpu))} (--jobs 1: ${ratio(med(calls.cpu), med(ev1.cpu))}) (target >= 5x)`,
    );
    console.log(
      `ratio, calls and their setup: wall ${ratio(med(calls.wall) + med(calls.setup), med(ev.wall))}`,
    );
    return { ev, ev1, calls };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
