// `cs create customer --mock --count 10000` as a whole process into a new file database,
// against a process writing the same files plainly (the folders, info.json and README.md the run
// made, mkdir + writeFile, no lock, no index, no checks) in the same run; target: at least half
// the speed of the plain writes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { header, summarize } from './_util.mjs';

const N = Number(process.env.CS_BENCH_MOCK ?? 10_000);
const RUNS = Number(process.env.CS_BENCH_MOCK_RUNS ?? 3);
const cs = new URL('../bin/cs.js', import.meta.url).pathname;

// The baseline process: reads the prepared files (one JSON) and writes them as plainly as it can.
const PLAIN = `
const { mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const [src, out] = process.argv.slice(1);
const files = JSON.parse(readFileSync(src, 'utf8'));
mkdirSync(out, { recursive: true });
for (const f of files) {
  mkdirSync(out + '/' + f.folder);
  writeFileSync(out + '/' + f.folder + '/info.json', f.info);
  writeFileSync(out + '/' + f.folder + '/README.md', f.readme);
}`;

function timed(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

export async function run() {
  header(`cs create customer --mock --count ${N.toLocaleString()} (whole process, file store)`);
  const dir = mkdtempSync(join(tmpdir(), 'cs-bench-mock-'));
  try {
    const ours = [];
    const plain = [];
    let prepared;
    for (let i = 0; i < RUNS; i++) {
      const db = join(dir, `db${i}`);
      ours.push(timed([cs, 'create', 'customer', '--mock', '--count', String(N), '--seed', '1', '--db', db]));
      if (!prepared) {
        const customers = join(db, 'customers');
        const files = readdirSync(customers).map((folder) => ({
          folder,
          info: readFileSync(join(customers, folder, 'info.json'), 'utf8'),
          readme: readFileSync(join(customers, folder, 'README.md'), 'utf8'),
        }));
        prepared = join(dir, 'files.json');
        writeFileSync(prepared, JSON.stringify(files));
      }
      rmSync(db, { recursive: true, force: true });
      plain.push(timed(['-e', PLAIN, prepared, join(dir, `plain${i}`)]));
      rmSync(join(dir, `plain${i}`), { recursive: true, force: true });
    }
    const a = summarize(ours).p50;
    const b = summarize(plain).p50;
    console.log(
      `cs create --mock: median ${(a / 1000).toFixed(1)} s, ${Math.round(N / (a / 1000))} records/s`,
    );
    console.log(
      `plain writes of the same files (baseline): median ${(b / 1000).toFixed(1)} s, ${Math.round(N / (b / 1000))} records/s`,
    );
    console.log(`speed relative to plain writes: ${(b / a).toFixed(2)} (target >= 0.5)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
