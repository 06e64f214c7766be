import { parseEvents, runCs } from './run-cs.js';
import { runCsInProcess } from './run-cs-in-process.js';

type CallEvent = Record<string, unknown> & { type: string };

/** What one `cs call --jsonl` run left: its exit, its events and the agent's lines. */
export interface CallRun {
  code: number;
  stdout: string;
  stderr: string;
  events: CallEvent[];
  /** The content of every `agent` event, in order. */
  agentText: string[];
  /** Wall time of the whole process in ms. */
  ms: number;
}

/**
 * Runs one whole call through the built `cs call --jsonl`, the caller's turns on stdin (one a
 * line), as the e2e tests do. `args` adds flags (`--agent llm`, `--new` …); `inProcess` runs the
 * same built code without a process of its own.
 *
 * @example const run = await runCall({ db, product: '会员订阅服务', operator: 'HEAR策略', phone, turns: ['你好', '结束通话'] })
 */
export async function runCall(input: {
  db: string;
  product: string;
  operator: string;
  phone?: string;
  lang?: 'zh' | 'en';
  turns: readonly string[];
  args?: readonly string[];
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** Runs the call in the test process (`runCsInProcess`, no timeout) instead of its own. */
  inProcess?: boolean;
}): Promise<CallRun> {
  const started = Date.now();
  const r = await (input.inProcess ? runCsInProcess : runCs)(
    [
      'call',
      '--db',
      input.db,
      '--product',
      input.product,
      '--operator',
      input.operator,
      ...(input.phone === undefined ? [] : ['--phone', input.phone]),
      ...(input.lang === undefined ? [] : ['--lang', input.lang]),
      '--jsonl',
      ...(input.args ?? []),
    ],
    {
      input: `${input.turns.join('\n')}\n`,
      ...(input.env ? { env: input.env } : {}),
      ...(input.timeoutMs === undefined ? {} : { timeoutMs: input.timeoutMs }),
    },
  );
  const events = r.stdout.trim() === '' ? [] : parseEvents(r.stdout);
  return {
    ...r,
    events,
    agentText: events.filter((e) => e.type === 'agent').map((e) => String(e.content)),
    ms: Date.now() - started,
  };
}
