// Shared timing helpers for the benchmarks (not tests: they print figures, they assert nothing).
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), min: sorted[0] };
}

/** Wall time of a whole process, in ms. */
export function timeProcess(args, options = {}) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', ...options });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

/** Runs two process commands interleaved so load changes hit both alike; returns medians. */
export function compareProcesses(a, b, runs) {
  const ta = [];
  const tb = [];
  for (let i = 0; i < runs; i++) {
    ta.push(timeProcess(a.args, a.options));
    tb.push(timeProcess(b.args, b.options));
  }
  return { a: summarize(ta), b: summarize(tb) };
}

export const fmt = (ms) => `${ms.toFixed(ms < 1 ? 3 : 1)} ms`;

export function header(title) {
  console.log(`\n## ${title}`);
}

/** Runs `use` on a connection of its own to `url`. */
export async function withPg(url, use) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
