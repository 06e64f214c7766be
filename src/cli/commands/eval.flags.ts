import type { CommandSpec } from '../command-spec.js';
import { LLM_OPTIONS } from './call.flags.js';

// `cs eval`'s flags (handler: eval-command.ts).

/** `cs eval <suite>`. */
export const EVAL_COMMANDS: readonly CommandSpec[] = [
  {
    path: ['eval'],
    arguments: '<suite>',
    description: 'measure calls: run a suite of unscripted calls and check their outcomes (评测)',
    options: [
      { flags: '--records <file>', description: 'records the calls start from (else the suite’s "records")' },
      {
        flags: '--agent <kind>',
        description: 'who answers',
        choices: ['auto', 'rules', 'llm'],
        default: 'rules',
      },
      {
        flags: '--customer <kind>',
        description: 'who calls in persona scenarios (script: they are skipped)',
        choices: ['script', 'llm'],
        default: 'script',
      },
      { flags: '--trials <n>', description: 'runs per scenario (pass^k needs k runs)', default: '1' },
      { flags: '--jobs <n>', description: 'runs at a time (default: up to 4)' },
      { flags: '--only <pattern>', description: 'scenarios whose name contains this, or matches /regex/' },
      { flags: '--min <rate>', description: 'exit 1 when the pass rate is below this (0.8 or 80%)' },
      { flags: '--report <file>', description: 'write a report: FILE.md or FILE.html' },
      { flags: '--jsonl', description: 'one result object per run, then a summary (EVAL.md)' },
      {
        flags: '--publish',
        description:
          'record the scores in the team database (CS_DB / CS_DATABASE_URL / default) for the console',
      },
      ...LLM_OPTIONS,
    ],
    load: async () => (await import('./eval-command.js')).evalCommand,
  },
];
