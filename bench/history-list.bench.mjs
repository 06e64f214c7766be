// `cs history list` as whole processes on 1,000 and 10,000 saved sessions (100 a day), against
// `node -e 0` in the same run (target: at most 1.5x, and the same at both sizes): the default
// listing (newest 100) and filtered ones. The databases are built once and kept in the temp folder.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveSessions } from './_history-db.mjs';
import { compareProcesses, fmt, header } from './_util.mjs';

const SIZES = [1_000, Number(process.env.CS_BENCH_SESSIONS ?? 10_000)];
const cs = new URL('../bin/cs.js', import.meta.url).pathname;

async function historyDb(count) {
  const dir = join(tmpdir(), `cs-bench-history-${count}`);
  const db = join(dir, 'db');
  if (!existsSync(join(dir, 'ready'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    await saveSessions(db, count, 100);
    writeFileSync(join(dir, 'ready'), '');
  }
  return db;
}

export async function run() {
  header('cs history list (whole process)');
  const cases = [
    ['default (newest 100)', []],
    ['--customer 张先生1', ['--customer', '张先生1']],
    ['--customer 13800000042 (phone)', ['--customer', '13800000042']],
    [
      '--since --until --status unresolved',
      ['--since', '20260901', '--until', '20260910', '--status', 'unresolved'],
    ],
    ['--product 云存储 --limit 0', ['--product', '云存储', '--limit', '0']],
  ];
  const table = [];
  for (const size of SIZES) {
    const db = await historyDb(size);
    for (const [label, args] of cases) {
      const cmp = compareProcesses(
        { args: [cs, 'history', 'list', '--db', db, ...args] },
        { args: ['-e', '0'] },
        11,
      );
      table.push({ size, label, ms: cmp.a.p50, base: cmp.b.p50 });
      console.log(
        `${size.toLocaleString().padStart(6)} sessions  ${label.padEnd(38)} median ${fmt(cmp.a.p50)}  node -e 0 ${fmt(cmp.b.p50)}  ratio ${(cmp.a.p50 / cmp.b.p50).toFixed(2)}x`,
      );
    }
  }
  // CS_BENCH_BEFORE=<an older build's bin/cs.js>: the default listing by that build, same databases.
  const before = process.env.CS_BENCH_BEFORE;
  if (before) {
    for (const size of SIZES) {
      const db = await historyDb(size);
      const cmp = compareProcesses(
        { args: [before, 'history', 'list', '--db', db] },
        { args: ['-e', '0'] },
        5,
      );
      console.log(
        `${size.toLocaleString().padStart(6)} sessions  before (${before}): median ${fmt(cmp.a.p50)}  node -e 0 ${fmt(cmp.b.p50)}  ratio ${(cmp.a.p50 / cmp.b.p50).toFixed(2)}x`,
      );
    }
  }
  const small = table.filter((r) => r.size === SIZES[0]);
  const large = table.filter((r) => r.size === SIZES[1]);
  const growth = large.map((r, i) => r.ms / small[i].ms);
  console.log(
    `time at ${SIZES[1].toLocaleString()} / time at 1,000: ${growth.map((g) => `${g.toFixed(2)}x`).join(', ')}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
