import { describe, expect, it } from 'vitest';
import type { CheckResult } from './check-call.js';
import { passHatK, type RunResult, summarize } from './eval-metrics.js';

const run = (name: string, passed: boolean, checks: CheckResult[] = []): RunResult => ({
  type: 'result',
  name,
  trial: 1,
  passed,
  checks,
});

describe('passHatK', () => {
  it('is C(c,k)/C(n,k), checked against values computed by hand', () => {
    expect(passHatK(4, 4, 4)).toBe(1);
    expect(passHatK(0, 4, 1)).toBe(0);
    expect(passHatK(3, 4, 1)).toBeCloseTo(3 / 4, 12);
    expect(passHatK(3, 4, 2)).toBeCloseTo(3 / 6, 12); // C(3,2)=3, C(4,2)=6
    expect(passHatK(3, 4, 3)).toBeCloseTo(1 / 4, 12); // C(3,3)=1, C(4,3)=4
    expect(passHatK(3, 4, 4)).toBe(0); // fewer passes than k
    expect(passHatK(5, 8, 3)).toBeCloseTo(10 / 56, 12); // C(5,3)=10, C(8,3)=56
  });

  it('refuses k outside 1…n', () => {
    expect(() => passHatK(1, 2, 3)).toThrow(RangeError);
    expect(() => passHatK(1, 2, 0)).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('averages pass^k over scenarios and counts checks by kind', () => {
    const ok: CheckResult = { check: 'queried', kind: 'verification', turn: 0, passed: true };
    const bad: CheckResult = { check: 'quiet_turns', kind: 'restraint', turn: 0, passed: false };
    const results = [
      run('A', true, [ok]),
      run('A', true, [ok]),
      run('A', false, [ok, bad]),
      run('B', true, [ok]),
      run('B', false, [bad]),
      run('B', false, [bad]),
    ];
    const summary = summarize(results);
    expect(summary).toMatchObject({ scenarios: 2, runs: 6, passed: 3, rate: 0.5 });
    // A: 2 of 3, B: 1 of 3. pass^1 = (2/3 + 1/3) / 2; pass^2 = (1/3 + 0) / 2; pass^3 = 0.
    expect(summary.pass_k['1']).toBeCloseTo(0.5, 4);
    expect(summary.pass_k['2']).toBeCloseTo(1 / 6, 4);
    expect(summary.pass_k['3']).toBe(0);
    expect(summary.by_kind).toEqual({
      verification: { passed: 4, of: 4 },
      restraint: { passed: 0, of: 3 },
    });
  });
});
