import { CHECK_KINDS, type CheckKind, type CheckResult } from './check-call.js';

/** One run of one scenario (EVAL.md's `result` object). */
export interface RunResult {
  type: 'result';
  name: string;
  trial: number;
  passed: boolean;
  checks: CheckResult[];
  /** The call could not run to its end (the reason); its checks then all fail. */
  error?: string;
}

export interface EvalSummary {
  type: 'summary';
  scenarios: number;
  runs: number;
  passed: number;
  rate: number;
  /** pass^k for k = 1 … the fewest runs any scenario had. */
  pass_k: Record<string, number>;
  by_kind: Partial<Record<CheckKind, { passed: number; of: number }>>;
  /** Scenarios not run, with why (persona scenarios without a simulated caller). */
  skipped?: Array<{ name: string; why: string }>;
}

/**
 * pass^k of one scenario: with `c` passing runs out of `n`, the chance that k runs drawn without
 * replacement all pass, C(c, k) / C(n, k) (τ²-bench). Computed as a product so large n stays exact
 * enough and never overflows.
 *
 * @example passHatK(3, 4, 2) // C(3,2)/C(4,2) = 3/6 = 0.5
 */
export function passHatK(passed: number, runs: number, k: number): number {
  if (!Number.isInteger(k) || k < 1 || k > runs) throw new RangeError(`k must be 1…${runs}, got ${k}`);
  if (passed < 0 || passed > runs) throw new RangeError(`passed must be 0…${runs}, got ${passed}`);
  let p = 1;
  for (let i = 0; i < k; i++) p *= (passed - i) / (runs - i);
  return Math.max(0, p);
}

/**
 * The summary of a suite's runs: pass rate over runs, pass^k averaged over scenarios (k up to
 * the fewest runs of a scenario), and checks passed by kind.
 */
export function summarize(results: readonly RunResult[]): EvalSummary {
  const byScenario = new Map<string, { runs: number; passed: number }>();
  for (const r of results) {
    const s = byScenario.get(r.name) ?? { runs: 0, passed: 0 };
    s.runs += 1;
    if (r.passed) s.passed += 1;
    byScenario.set(r.name, s);
  }
  const scenarios = [...byScenario.values()];
  const minRuns = scenarios.length === 0 ? 0 : Math.min(...scenarios.map((s) => s.runs));
  const pass_k: Record<string, number> = {};
  for (let k = 1; k <= minRuns; k++) {
    pass_k[String(k)] = round(
      scenarios.reduce((sum, s) => sum + passHatK(s.passed, s.runs, k), 0) / scenarios.length,
    );
  }
  const by_kind: EvalSummary['by_kind'] = {};
  for (const kind of CHECK_KINDS) {
    const checks = results.flatMap((r) => r.checks.filter((c) => c.kind === kind));
    if (checks.length > 0)
      by_kind[kind] = { passed: checks.filter((c) => c.passed).length, of: checks.length };
  }
  const passed = results.filter((r) => r.passed).length;
  return {
    type: 'summary',
    scenarios: scenarios.length,
    runs: results.length,
    passed,
    rate: results.length === 0 ? 0 : round(passed / results.length),
    pass_k,
    by_kind,
  };
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
