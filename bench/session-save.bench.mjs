// Saving sessions in one batch as the history grows: one process saves 10,000 sessions of one day
// into a new file database; the rate of each 1,000 shows whether a save costs more as history/
// fills (it did: every save listed history/ for the day's next number). Baseline in the same run:
// the same session files written plainly (no lock, no counter, no index, no fsync).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { saveSessions, sessionFields } from './_history-db.mjs';
import { header } from './_util.mjs';

const N = Number(process.env.CS_BENCH_SESSIONS ?? 10_000);

export async function run() {
  header(`Sessions saved as history grows (one process, ${N.toLocaleString()} on one day, file store)`);
  const dir = mkdtempSync(join(tmpdir(), 'cs-bench-save-'));
  try {
    const rates = await saveSessions(join(dir, 'db'), N, N);
    for (const r of rates)
      console.log(`  sessions ${String(r.at - 999).padStart(6)}–${r.at}: ${r.perSecond.toFixed(0)}/s`);
    const first = rates[0].perSecond;
    const last = rates.at(-1).perSecond;
    const raw = join(dir, 'raw');
    mkdirSync(raw);
    const t0 = performance.now();
    for (let i = 0; i < 1000; i++) {
      const folder = join(raw, `cs_20261125_${String(i + 1).padStart(3, '0')}_b${i}`);
      mkdirSync(folder);
      writeFileSync(
        join(folder, 'session.json'),
        JSON.stringify({ session_id: folder, ...sessionFields(i) }, null, 2),
      );
      writeFileSync(join(folder, 'README.md'), `# ${folder}\n`);
    }
    const plain = 1000 / ((performance.now() - t0) / 1000);
    console.log(
      `rate at ${N.toLocaleString()} / rate at 1,000: ${(last / first).toFixed(2)}x (flat: about 1)`,
    );
    console.log(
      `first 1,000 ${first.toFixed(0)}/s, last 1,000 ${last.toFixed(0)}/s; plain file writes (baseline) ${plain.toFixed(0)}/s`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
