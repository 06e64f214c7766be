import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { CsError } from '../../domain/cs-error.js';
import { renderHtmlReport, renderMarkdownReport, renderTextReport } from '../../eval/eval-report.js';
import { loadSuite } from '../../eval/eval-suite.js';
import { EVAL_IN_MEMORY, runEval } from '../../eval/run-eval.js';
import type { CliContext } from '../cli-context.js';
import { ProgressBar } from '../progress-bar.js';

export interface EvalCommandOptions {
  records?: string;
  agent: 'auto' | 'rules' | 'llm';
  customer: 'script' | 'llm';
  trials: string;
  jobs?: string;
  only?: string;
  min?: string;
  report?: string;
  jsonl?: boolean;
  publish?: boolean;
  llmProvider?: string;
  llmModel?: string;
  llmBaseUrl?: string;
}

/**
 * `cs eval SUITE.json`: runs a suite of calls (EVAL.md) in throw-away databases and reports
 * checks, pass rate and pass^k. Exit 0; 1 when the pass rate is below --min; 2 for a bad suite.
 */
export async function evalCommand(
  ctx: CliContext,
  file: string,
  options: EvalCommandOptions,
): Promise<number> {
  const trials = wholeNumber('--trials', options.trials, 1, 100);
  const jobs =
    options.jobs === undefined
      ? Math.min(4, availableParallelism())
      : wholeNumber('--jobs', options.jobs, 1, 64);
  const min = options.min === undefined ? undefined : rate(options.min);
  const report = options.report === undefined ? undefined : reportKind(options.report);
  const db = ctx.options.db;
  if (db !== undefined && db !== EVAL_IN_MEMORY && !/^postgres(ql)?:\/\//.test(db)) {
    throw new CsError(
      'E_USAGE',
      `cs eval --db takes a postgres:// URL (each run gets a throw-away schema there) or "${EVAL_IN_MEMORY}" (each run gets a store in memory); without it each run uses a throw-away folder.`,
    );
  }
  // Everything is read and checked before anything runs: a bad suite runs nothing.
  const suite = await loadSuite(file, options.records === undefined ? {} : { records: options.records });

  let bar: ProgressBar | undefined;
  const outcome = await runEval(suite, {
    agent: options.agent,
    customer: options.customer,
    trials,
    jobs,
    ...(options.only === undefined ? {} : { only: options.only }),
    ...(db === undefined ? {} : { db }),
    env: ctx.env,
    llmFlags: {
      ...(options.llmProvider ? { provider: options.llmProvider } : {}),
      ...(options.llmModel ? { model: options.llmModel } : {}),
      ...(options.llmBaseUrl ? { baseUrl: options.llmBaseUrl } : {}),
    },
    onRun: (done, total, run) => {
      if (options.jsonl) ctx.stdout.write(`${JSON.stringify(run.result)}\n`);
      else {
        bar ??= new ProgressBar(ctx.stderr, '评测 Evaluating', total);
        bar.update(done);
      }
    },
  });
  bar?.done();

  const header = { suite: suite.about, agent: options.agent, trials };
  if (options.jsonl) ctx.stdout.write(`${JSON.stringify(outcome.summary)}\n`);
  else
    ctx.emit({ ...outcome.summary, results: outcome.runs.map((r) => r.result) }, () =>
      renderTextReport(outcome, header),
    );
  if (report) {
    const body =
      report.kind === 'html' ? renderHtmlReport(outcome, header) : renderMarkdownReport(outcome, header);
    await writeFile(report.path, body);
    ctx.note(`报告 Report: ${report.path}`);
  }
  if (options.publish) {
    // The team's database (CS_DB, CS_DATABASE_URL, or the default folder), not the runs' --db.
    const { openStore } = await import('../../store/open-store.js');
    const { publishScore } = await import('../../eval/published-scores.js');
    const store = await openStore({ cwd: ctx.cwd, env: ctx.env });
    try {
      const s = outcome.summary;
      await publishScore(
        store,
        {
          suite: file,
          about: suite.about,
          agent: options.agent,
          trials,
          scenarios: s.scenarios,
          runs: s.runs,
          passed: s.passed,
          rate: s.rate,
          pass_k: s.pass_k,
          by_kind: s.by_kind,
        },
        new Date(),
      );
    } finally {
      await store.close();
    }
    ctx.note(`已发布到控制台 Published for the console's dashboard: ${store.location}`);
  }
  return min !== undefined && outcome.summary.rate < min ? 1 : 0;
}

function wholeNumber(flag: string, raw: string, low: number, high: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < low || n > high) {
    throw new CsError('E_USAGE', `${flag} must be a whole number from ${low} to ${high}, got "${raw}".`);
  }
  return n;
}

/** `--min 0.8` or `--min 80%`. */
function rate(raw: string): number {
  const percent = raw.trim().endsWith('%');
  const n = Number(raw.trim().replace(/%$/, '')) / (percent ? 100 : 1);
  if (!Number.isFinite(n) || n < 0 || n > 1) {
    throw new CsError('E_USAGE', `--min is a pass rate from 0 to 1 (or 0% to 100%), got "${raw}".`);
  }
  return n;
}

function reportKind(path: string): { path: string; kind: 'md' | 'html' } {
  const ext = extname(path).toLowerCase();
  if (ext === '.md' || ext === '.markdown') return { path, kind: 'md' };
  if (ext === '.html' || ext === '.htm') return { path, kind: 'html' };
  throw new CsError('E_USAGE', `--report ${path}: name a .md or .html file.`);
}
