import { renderCallEvent } from '../render/call-event.js';
import { CHECK_KINDS, type CheckKind } from './check-call.js';
import type { EvalSummary } from './eval-metrics.js';
import type { EvalOutcome, EvalRun } from './run-eval.js';

/** Chinese first, English alongside (the console's convention). */
const KIND_LABEL: Record<CheckKind, string> = {
  verification: '核实 verification',
  permission: '权限 permission',
  restraint: '克制 restraint',
  privacy: '隐私 privacy',
  honesty: '诚实 honesty',
  memory: '记忆 memory',
};

export interface ReportHeader {
  suite: string;
  agent: string;
  trials: number;
}

/** One row per scenario: its runs, how many passed, the first failing check's reason. */
export function scenarioRows(runs: readonly EvalRun[]): Array<{
  name: string;
  passed: number;
  runs: number;
  reasons: string[];
}> {
  const rows = new Map<string, { name: string; passed: number; runs: number; reasons: string[] }>();
  for (const run of runs) {
    const row = rows.get(run.result.name) ?? { name: run.result.name, passed: 0, runs: 0, reasons: [] };
    row.runs += 1;
    if (run.result.passed) row.passed += 1;
    for (const reason of failureLines(run)) if (!row.reasons.includes(reason)) row.reasons.push(reason);
    rows.set(run.result.name, row);
  }
  return [...rows.values()];
}

/** The failure lines of a run: `turn N · check: reason`, or the error that stopped the call. */
export function failureLines(run: EvalRun): string[] {
  const lines = run.result.checks
    .filter((c) => !c.passed)
    .map((c) => `${c.turn === undefined ? '' : `turn ${c.turn} · `}${c.check}: ${c.reason ?? 'failed'}`);
  return run.result.error ? [`error: ${run.result.error}`, ...lines] : lines;
}

/** The terminal report: scenarios, kinds of check, pass rate and pass^k. */
export function renderTextReport(outcome: EvalOutcome, header: ReportHeader): string {
  const out: string[] = [];
  out.push(`评测 Eval · ${header.suite} · agent ${header.agent} · ${header.trials} trial(s)`);
  out.push('');
  for (const row of scenarioRows(outcome.runs)) {
    const mark = row.passed === row.runs ? '✓' : row.passed === 0 ? '✗' : '~';
    out.push(`${mark} ${row.name}${row.runs > 1 ? `  (${row.passed}/${row.runs})` : ''}`);
    for (const reason of row.reasons) out.push(`    ${reason}`);
  }
  for (const s of outcome.skipped) out.push(`- ${s.name}  (skipped: ${s.why})`);
  out.push('');
  out.push(
    ...kindTable(outcome.summary).map((r) => `${r.label.padEnd(22)} ${r.passed}/${r.of}  ${pct(r.rate)}`),
  );
  out.push('');
  out.push(summaryLine(outcome.summary));
  return out.join('\n');
}

function summaryLine(summary: EvalSummary): string {
  const passK = Object.entries(summary.pass_k)
    .map(([k, v]) => `pass^${k} ${pct(v)}`)
    .join(' · ');
  return `通过 Passed ${summary.passed}/${summary.runs} runs of ${summary.scenarios} scenarios · rate ${pct(summary.rate)}${passK ? ` · ${passK}` : ''}`;
}

function kindTable(summary: EvalSummary) {
  return CHECK_KINDS.flatMap((kind) => {
    const k = summary.by_kind[kind];
    return k
      ? [
          {
            kind,
            label: KIND_LABEL[kind],
            passed: k.passed,
            of: k.of,
            rate: k.of === 0 ? 0 : k.passed / k.of,
          },
        ]
      : [];
  });
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/** A failing run's call as the seed's blocks, for the reports. */
function transcript(run: EvalRun): string {
  let language = run.scenario.lang;
  let phone = run.scenario.phone ?? '';
  return run.events
    .flatMap((event) => {
      // The run's database is gone after the run: where it was saved means nothing here.
      if (event.type === 'session_saved') return [];
      if (event.type === 'session_started') {
        language = event.language;
        phone = event.customer.phone;
      }
      const shown = renderCallEvent(event, { language, phone, sla: run.sla });
      return shown ? [shown.text] : [];
    })
    .join('\n');
}

/** The Markdown report: tables, a text bar per kind of check, every failing call's transcript. */
export function renderMarkdownReport(outcome: EvalOutcome, header: ReportHeader): string {
  const { summary } = outcome;
  const out: string[] = [`# 评测报告 Eval report: ${header.suite}`, ''];
  out.push(`Agent \`${header.agent}\`, ${header.trials} trial(s). ${summaryLine(summary)}.`, '');
  out.push('## 按检查类别 By kind of check', '', '| kind | passed | rate | |', '|---|---|---|---|');
  for (const r of kindTable(summary)) {
    const bar = '█'.repeat(Math.round(r.rate * 20)).padEnd(20, '░');
    out.push(`| ${r.label} | ${r.passed}/${r.of} | ${pct(r.rate)} | \`${bar}\` |`);
  }
  out.push('', '## 按场景 By scenario', '', '| scenario | passed | why it failed |', '|---|---|---|');
  for (const row of scenarioRows(outcome.runs)) {
    out.push(`| ${cell(row.name)} | ${row.passed}/${row.runs} | ${cell(row.reasons.join('; '))} |`);
  }
  for (const s of outcome.skipped) out.push(`| ${cell(s.name)} | skipped | ${cell(s.why)} |`);
  const failing = outcome.runs.filter((r) => !r.result.passed);
  if (failing.length > 0) {
    out.push('', '## 未通过的通话 Failing calls');
    for (const run of failing) {
      out.push('', `### ${run.result.name} (trial ${run.result.trial})`, '');
      for (const line of failureLines(run)) out.push(`- ${line}`);
      out.push('', '```text', transcript(run).replaceAll('```', "'''"), '```');
    }
  }
  return `${out.join('\n')}\n`;
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

/**
 * The HTML report: one self-contained page (inline CSS and SVG, no scripts, nothing fetched).
 * Charts are hand-written SVG bars: six bars per report do not need a charting library, and a
 * library would have to be inlined into every report to keep it offline.
 */
export function renderHtmlReport(outcome: EvalOutcome, header: ReportHeader): string {
  const { summary } = outcome;
  const kinds = kindTable(summary);
  const rows = scenarioRows(outcome.runs);
  const failing = outcome.runs.filter((r) => !r.result.passed);
  return `<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<title>评测报告 Eval report: ${esc(header.suite)}</title>
<style>
body{font:14px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
.pass{color:#176f2c}.fail{color:#b3261e}pre{background:#f6f6f6;padding:.8rem;overflow:auto;white-space:pre-wrap}
</style>
</head>
<body>
<h1>评测报告 Eval report: ${esc(header.suite)}</h1>
<p id="summary">Agent <code>${esc(header.agent)}</code>, ${header.trials} trial(s). ${esc(summaryLine(summary))}.</p>
<h2>按检查类别 By kind of check</h2>
${kindChart(kinds)}
<table id="kinds"><tr><th>kind</th><th>passed</th><th>rate</th></tr>
${kinds.map((k) => `<tr><td>${esc(k.label)}</td><td>${k.passed}/${k.of}</td><td>${pct(k.rate)}</td></tr>`).join('\n')}
</table>
<h2>按场景 By scenario</h2>
<table id="scenarios"><tr><th>scenario</th><th>passed</th><th>why it failed</th></tr>
${rows
  .map(
    (r) =>
      `<tr class="${r.passed === r.runs ? 'pass' : 'fail'}"><td>${esc(r.name)}</td><td>${r.passed}/${r.runs}</td><td>${r.reasons.map(esc).join('<br>')}</td></tr>`,
  )
  .join('\n')}
${outcome.skipped.map((s) => `<tr><td>${esc(s.name)}</td><td>skipped</td><td>${esc(s.why)}</td></tr>`).join('\n')}
</table>
${failing.length > 0 ? '<h2>未通过的通话 Failing calls</h2>' : ''}
${failing
  .map(
    (run) => `<section class="call">
<h3>${esc(run.result.name)} (trial ${run.result.trial})</h3>
<ul>${failureLines(run)
      .map((l) => `<li>${esc(l)}</li>`)
      .join('')}</ul>
<pre>${esc(transcript(run))}</pre>
</section>`,
  )
  .join('\n')}
</body>
</html>
`;
}

/** A horizontal bar per kind of check: the share of its checks that passed. */
function kindChart(kinds: ReturnType<typeof kindTable>): string {
  const row = 28;
  const width = 560;
  const bars = kinds
    .map((k, i) => {
      const y = i * row + 4;
      const w = Math.round(k.rate * 300);
      return `<text x="0" y="${y + 15}" font-size="13">${esc(k.label)}</text><rect x="180" y="${y}" width="300" height="20" fill="#eee"/><rect class="bar" data-kind="${k.kind}" x="180" y="${y}" width="${w}" height="20" fill="${k.rate >= 0.8 ? '#2e7d32' : k.rate >= 0.5 ? '#f9a825' : '#c62828'}"/><text x="490" y="${y + 15}" font-size="13">${pct(k.rate)}</text>`;
    })
    .join('');
  return `<svg role="img" aria-label="pass rate by kind of check" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${kinds.length * row + 8}">${bars}</svg>`;
}

function esc(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}
