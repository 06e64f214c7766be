// Property over every call we have: the public eval suite, the project's own (held-out rounds
// included) and the scripted calls. Whatever the caller asks and whatever a response holds, no agent reply contains a phone
// number other than the caller's, whole or masked (138****5678, 尾号5678).

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, SHARED } from '../../test/support/run-cs.js';
import { loadSuite } from './eval-suite.js';
import { EVAL_IN_MEMORY, runEval } from './run-eval.js';

const SUITES: Array<[string, string | undefined]> = [
  [join(SHARED, 'eval', 'calls.json'), undefined],
  [join(PROJECT_ROOT, 'eval', 'calls.json'), undefined],
  [join(PROJECT_ROOT, 'eval', 'held-out', 'calls.json'), undefined],
  [join(PROJECT_ROOT, 'eval', 'held-out-2', 'calls.json'), undefined],
  [join(PROJECT_ROOT, 'eval', 'held-out-3', 'calls.json'), undefined],
  [join(SHARED, 'scenarios', 'calls', 'scenarios.json'), join(SHARED, 'scenarios', 'calls', 'records.json')],
  [
    join(SHARED, 'scenarios', 'calls', 'scenarios-en.json'),
    join(SHARED, 'scenarios', 'calls', 'records-en.json'),
  ],
];

/**
 * Phone numbers in a reply, whole or masked: 13812345678, 138 1234 5678, 138****5678, 尾号5678,
 * ending in 5678. Not the caller's own card named by its last digits (Visa ending 4471).
 */
const PHONES =
  /(?<!\d)1[3-9]\d(?:[\s-]?[\d*]{4}){2}(?!\d)|(?<!卡[^，,。；;]{0,6})尾号\s*\d{4}|(?<!\b(?:card|visa|mastercard|amex|debit|credit)\b[^,.;]{0,12})ending (?:in )?\d{4}/gi;

describe('no agent reply names another phone number', () => {
  it.each(SUITES)(
    '%s',
    async (file, records) => {
      const suite = await loadSuite(file, records ? { records } : {});
      const outcome = await runEval(suite, {
        agent: 'rules',
        customer: 'script',
        trials: 1,
        jobs: 2,
        // Replies are what is checked: a store in memory runs the same calls six times faster.
        db: EVAL_IN_MEMORY,
        env: {},
      });
      expect(outcome.runs.length).toBeGreaterThan(0);
      for (const run of outcome.runs) {
        const started = run.events.find((e) => e.type === 'session_started');
        const caller = started?.type === 'session_started' ? started.customer.phone : '';
        for (const e of run.events) {
          if (e.type !== 'agent') continue;
          for (const m of e.content.match(PHONES) ?? []) {
            const digits = m.replace(/\D/g, '');
            const own =
              caller !== '' && (digits === caller || (m.includes('*') ? false : caller.endsWith(digits)));
            expect(own, `${run.result.name}: "${m}" in "${e.content}"`).toBe(true);
          }
        }
      }
    },
    120_000,
  );
});
