import type { ChartConfiguration } from 'chart.js';
import { html } from 'htm/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Dashboard as DashboardData } from '../../src/domain/dashboard.js';
import { type Lang, type Phrase, useLang } from '../shared/i18n.js';
import { useLiveData } from './live-changes.js';

const OUTCOMES: Array<[keyof DashboardData['permission_outcomes'], Phrase, string]> = [
  ['can_approve_immediately', { zh: '可直接处理', en: 'Approved at once' }, '#2e7d32'],
  ['requires_supervisor', { zh: '需主管审批', en: 'Supervisor' }, '#b26a00'],
  ['requires_process', { zh: '需走流程', en: 'Formal process' }, '#6a5acd'],
  ['forbidden', { zh: '禁止', en: 'Forbidden' }, '#c62828'],
];

const percent = (x: number) => `${Math.round(x * 100)}%`;

/** chart.js, loaded when the dashboard first opens (the other screens never pay for it). */
async function loadChart() {
  const c = await import('chart.js');
  c.Chart.register(
    c.BarController,
    c.BarElement,
    c.CategoryScale,
    c.LinearScale,
    c.DoughnutController,
    c.ArcElement,
    c.Legend,
    c.Tooltip,
  );
  return c.Chart;
}

type ChartConfig = ChartConfiguration;

/** One chart on a canvas, redrawn when its configuration changes. */
function ChartCanvas(props: { config: ChartConfig; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let chart: { destroy(): void } | undefined;
    let cancelled = false;
    void loadChart().then((Chart) => {
      if (!cancelled && canvas.current) chart = new Chart(canvas.current, props.config);
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [props.config]);
  return html`<div class="chart"><canvas ref=${canvas} role="img" aria-label=${props.label}></canvas></div>`;
}

function dayLabel(day: string, lang: Lang): string {
  const m = Number(day.slice(4, 6));
  const d = Number(day.slice(6, 8));
  return lang === 'zh' ? `${m}月${d}日` : `${m}/${d}`;
}

/**
 * The team lead's numbers: calls per day, resolution and escalation rates, permission outcomes by
 * level, approval turnaround against the promise, SLA breaches and replies the guard stopped.
 */
export function Dashboard() {
  const { t, lang } = useLang();
  const { data, error } = useLiveData<DashboardData>('/api/dashboard', () => true);

  const [perDay, outcomes] = useCharts(data, lang, t);
  const a = data?.approvals;
  const figures: Array<[string, Phrase, string]> = data
    ? [
        ['calls', { zh: '通话', en: 'Calls' }, String(data.calls)],
        ['resolution', { zh: '解决率', en: 'Resolution rate' }, percent(data.resolution_rate)],
        ['escalation', { zh: '升级率', en: 'Escalation rate' }, percent(data.escalation_rate)],
        [
          'pending',
          { zh: '待审批', en: 'Pending approvals' },
          `${a?.pending ?? 0}${a?.overdue ? ` (${a.overdue}⚠)` : ''}`,
        ],
        [
          'in-time',
          { zh: '按时审批', en: 'Decided in time' },
          a && a.decided > 0 ? `${a.decided_in_time}/${a.decided}` : '—',
        ],
        [
          'turnaround',
          { zh: '审批用时中位数', en: 'Median turnaround' },
          a?.median_turnaround_minutes == null
            ? '—'
            : `${Math.round(a.median_turnaround_minutes)} ${lang === 'zh' ? '分钟' : 'min'}`,
        ],
        [
          'breaches',
          { zh: 'SLA 超时', en: 'SLA breaches' },
          String(data.sla_breaches.tickets + data.sla_breaches.approvals),
        ],
        ['guard', { zh: '拦截的回复', en: 'Replies stopped' }, String(data.guard_blocked)],
      ]
    : [];
  return html`
    <section class="dashboard">
      <h2>${t({ zh: '数据看板', en: 'Dashboard' })} ${data ? html`<span class="muted">${dayLabel(data.since, lang)} – ${dayLabel(data.until, lang)}</span>` : null}</h2>
      ${error ? html`<p class="error" role="alert">${error}</p>` : null}
      <dl class="figures">
        ${figures.map(
          ([key, label, value]) =>
            html`<div class=${`figure figure-${key}`}><dt>${t(label)}</dt><dd>${value}</dd></div>`,
        )}
      </dl>
      ${
        data?.eval_scores?.length
          ? html`<table class="calls eval-scores">
              <caption>${t({ zh: '最近的评测', en: 'Latest eval scores' })}</caption>
              <tbody>
                ${data.eval_scores.map(
                  (e) =>
                    html`<tr><td>${e.about}</td><td>${e.agent}</td><td>${e.passed}/${e.runs}</td><td>${percent(e.rate)}</td><td class="muted">${e.at.slice(0, 16).replace('T', ' ')}</td></tr>`,
                )}
              </tbody>
            </table>`
          : null
      }
      ${
        perDay && outcomes
          ? html`<div class="charts">
              <div class="card"><h3>${t({ zh: '每日通话', en: 'Calls per day' })}</h3><${ChartCanvas} config=${perDay} label=${t({ zh: '每日通话', en: 'Calls per day' })} /></div>
              <div class="card"><h3>${t({ zh: '权限结果', en: 'Permission outcomes' })}</h3><${ChartCanvas} config=${outcomes} label=${t({ zh: '权限结果', en: 'Permission outcomes' })} /></div>
            </div>`
          : null
      }
    </section>
  `;
}

/** The two charts' configurations, rebuilt only when the numbers or the language change. */
function useCharts(
  data: DashboardData | undefined,
  lang: Lang,
  t: (p: Phrase) => string,
): [ChartConfig | undefined, ChartConfig | undefined] {
  const [configs, setConfigs] = useState<[ChartConfig | undefined, ChartConfig | undefined]>([
    undefined,
    undefined,
  ]);
  const key = data ? `${lang}:${JSON.stringify([data.calls_per_day, data.permission_outcomes])}` : '';
  useEffect(() => {
    if (!data) return;
    const perDay = {
      type: 'bar',
      data: {
        labels: data.calls_per_day.map((d) => dayLabel(d.day, lang)),
        datasets: [
          {
            label: t({ zh: '通话', en: 'Calls' }),
            data: data.calls_per_day.map((d) => d.calls),
            backgroundColor: '#1f6feb',
          },
          {
            label: t({ zh: '已解决', en: 'Resolved' }),
            data: data.calls_per_day.map((d) => d.resolved),
            backgroundColor: '#2e7d32',
          },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    } as ChartConfig;
    const outcomes = {
      type: 'doughnut',
      data: {
        labels: OUTCOMES.map(([, label]) => t(label)),
        datasets: [
          {
            data: OUTCOMES.map(([k]) => data.permission_outcomes[k]),
            backgroundColor: OUTCOMES.map(([, , c]) => c),
          },
        ],
      },
      options: { animation: false, responsive: true, maintainAspectRatio: false },
    } as ChartConfig;
    setConfigs([perDay, outcomes]);
  }, [key]);
  return configs;
}
