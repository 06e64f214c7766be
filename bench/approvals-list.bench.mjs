// The supervisor's inbox on a large database: 100,000 approval requests, a few hundred pending,
// the rest decided, written through the store API (importWork). Times the whole process
// `cs approvals list --state pending` on the file store and on PostgreSQL (when
// CS_BENCH_DATABASE_URL or CS_TEST_DATABASE_URL is set; a fresh schema, dropped afterwards)
// against `node -e 0` in the same run. Targets: file store ≤ 3x, PostgreSQL ≤ 2x. Where the
// command is missing or fails, it times `node -e` opening the built store and listing instead,
// and says so. The file database is built once and kept in the temp folder (writing it takes
// minutes): CS_BENCH_APPROVALS_STORES=postgres (or file) times that store only.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../dist/index.js';
import { approvalRequest } from './_approvals.mjs';
import { compareProcesses, fmt, header, withPg } from './_util.mjs';

const N = Number(process.env.CS_BENCH_APPROVALS ?? 100_000);
const STORES = (process.env.CS_BENCH_APPROVALS_STORES ?? 'file,postgres').split(',').map((s) => s.trim());
const PENDING = 300;
const DECIDED = ['approved', 'rejected', 'expired', 'withdrawn', 'executed', 'failed'];
const cs = new URL('../bin/cs.js', import.meta.url).pathname;
const dist = new URL('../dist/index.js', import.meta.url).href;

/** Approval request i, pending for every (N / PENDING)-th, decided otherwise; oldest first. */
function request(i) {
  const pending = i % Math.floor(N / PENDING) === 0;
  return approvalRequest(i, pending ? undefined : DECIDED[i % DECIDED.length]);
}

/** Writes the N requests through importWork, `parallel` at a time. */
async function fill(store, parallel) {
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < N) {
        const i = next++;
        await store.importWork('approval', request(i));
        if (i > 0 && i % 10_000 === 0)
          console.log(`  ${i.toLocaleString()} written (${((Date.now() - started) / 1000).toFixed(0)} s)`);
      }
    }),
  );
  return (Date.now() - started) / 1000;
}

async function fileDb() {
  // Kept for the day: its pending requests fall due hours after it was written.
  const dir = join(tmpdir(), `cs-bench-approvals-${N}-${new Date().toISOString().slice(0, 10)}`);
  const db = join(dir, 'db');
  if (!existsSync(join(dir, 'ready'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const store = await openStore({ db, cwd: process.cwd(), env: {} });
    const s = await fill(store, 32);
    await store.close();
    console.log(`file database: ${N.toLocaleString()} requests written in ${s.toFixed(0)} s`);
    writeFileSync(join(dir, 'ready'), '');
  }
  return db;
}

/** The command to time for a database: `cs approvals list` when it works, else the store in `node -e`. */
function listCommand(db) {
  const args = [cs, 'approvals', 'list', '--state', 'pending', '--db', db, '--json'];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (r.status === 0) return { label: 'cs approvals list --state pending', args, out: r.stdout };
  const script = `const {openStore}=await import(${JSON.stringify(dist)});const s=await openStore({db:${JSON.stringify(db)},cwd:process.cwd(),env:{}});const l=await s.listWork('approval',{state:'pending'});await s.close();process.stdout.write(JSON.stringify(l.length));`;
  console.log(
    `  (cs approvals list failed here: ${(r.stderr || r.stdout).trim().split('\n')[0]}; timing the store's listWork in node -e instead)`,
  );
  return {
    label: "node -e <openStore, listWork('approval', {state: 'pending'})>",
    args: ['--input-type=module', '-e', script],
    out: '',
  };
}

function measure(name, db, target) {
  const cmd = listCommand(db);
  const cmp = compareProcesses({ args: cmd.args }, { args: ['-e', '0'] }, 11);
  const ratio = cmp.a.p50 / cmp.b.p50;
  console.log(
    `${name.padEnd(11)} ${cmd.label}: median ${fmt(cmp.a.p50)}  node -e 0 ${fmt(cmp.b.p50)}  ratio ${ratio.toFixed(2)}x (target ≤ ${target}x ${ratio <= target ? '✓' : '✗'})`,
  );
}

export async function run() {
  header(
    `approvals list --state pending, ${N.toLocaleString()} requests, ${PENDING} pending (whole process)`,
  );
  if (STORES.includes('file')) measure('file store', await fileDb(), 3);
  if (!STORES.includes('postgres')) return;

  const url = process.env.CS_BENCH_DATABASE_URL ?? process.env.CS_TEST_DATABASE_URL;
  if (!url) {
    console.log('PostgreSQL: skipped (set CS_BENCH_DATABASE_URL or CS_TEST_DATABASE_URL)');
    return;
  }
  const schema = `cs_bench_${randomBytes(4).toString('hex')}`;
  const pgUrl = `${url}${url.includes('?') ? '&' : '?'}schema=${schema}`;
  try {
    const store = await openStore({ db: pgUrl, cwd: process.cwd(), env: {} });
    const s = await fill(store, 10);
    await store.close();
    console.log(`PostgreSQL: ${N.toLocaleString()} requests written in ${s.toFixed(0)} s`);
    // The planner's statistics as autovacuum leaves them within a minute of a bulk load: timed
    // straight after it, they still say the table is nearly empty, and the listing sorts every
    // pending row instead of reading the first page off the index.
    await withPg(url, (client) => client.query(`ANALYZE "${schema}".work_items`));
    measure('PostgreSQL', pgUrl, 2);
  } finally {
    await withPg(url, (client) => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
