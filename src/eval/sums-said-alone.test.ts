// A sum the caller says without its unit (你先把一百六十八退给俺) is what is asked back: never the
// larger charge it is part of, and never a part of a larger sum the same line names, which would
// split a refund over the limit (九百四十四就九百四十四…先给我退六百). Run as held-out round 38's calls.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../test/support/run-cs.js';
import { loadSuite } from './eval-suite.js';
import { EVAL_IN_MEMORY, runEval } from './run-eval.js';

const grantsOf = async (only: string): Promise<number[]> => {
  const suite = await loadSuite(join(PROJECT_ROOT, 'eval', 'held-out-38', 'calls.json'));
  const outcome = await runEval(suite, {
    agent: 'rules',
    customer: 'script',
    trials: 1,
    jobs: 1,
    only,
    db: EVAL_IN_MEMORY,
    env: { CS_NOW: '2036-04-09T10:00:00+08:00' },
  });
  return outcome.runs[0]!.events.flatMap((e) => (e.type === 'grant' ? [e.amount?.value ?? 0] : []));
};

describe('a sum said without its unit, asked back', () => {
  it('approves the half said (168), not the booking paid (336)', async () => {
    expect(await grantsOf('R3813')).toEqual([168]);
  });

  it('approves no part (600) of a refund over the limit the same line names (944)', async () => {
    expect(await grantsOf('R3810')).toEqual([]);
  });
});
