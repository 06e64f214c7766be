// How much is given back, run as held-out round 38's calls. A sum the caller says without its
// unit (你先把一百六十八退给俺) is what is asked back: never the larger charge it is part of, and
// never a part of a larger sum the same line names, which would split a refund over the limit
// (九百四十四就九百四十四…先给我退六百). The charge a line points at by its day (这个月五号又扣了我钱)
// bounds it, not an amount an earlier line said of something else (押金五百块).

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

describe('money asked back, bounded by what the call verified', () => {
  it('approves the half said (168), not the booking paid (336)', async () => {
    expect(await grantsOf('R3813')).toEqual([168]);
  });

  it('approves no part (600) of a refund over the limit the same line names (944)', async () => {
    expect(await grantsOf('R3810')).toEqual([]);
  });

  it('approves the charge of the day named (89), not the deposit an earlier line named (500)', async () => {
    expect(await grantsOf('R3804')).toEqual([89]);
  });
});
