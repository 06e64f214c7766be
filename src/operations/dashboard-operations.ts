import { slaBreaches, TICKET_STATES, type Ticket, ticketOf } from '../approvals/ticket.js';
import type { ApprovalRequest } from '../domain/approval-request.js';
import { compactDate } from '../domain/clock.js';
import type { Dashboard } from '../domain/dashboard.js';
import type { SessionRecord } from '../domain/session-schemas.js';
import { publishedScores } from '../eval/published-scores.js';
import type { RecordStore } from '../store/record-store.js';
import { defineOperation } from './define-operation.js';

// The team lead's numbers (`GET /api/dashboard`, the console's dashboard): what the calls of
// the last days did and how the loop after them keeps its promises. Read from the saved calls
// and the work items; nothing here decides anything.

/** Saved calls read in full for the outcome counts (the newest); the daily counts use them all. */
const SESSIONS_READ = 500;

/** What the dashboard counts of one saved call (fixed once it is saved). */
interface CallCounts {
  outcomes: Dashboard['permission_outcomes'];
  escalated: boolean;
  guardBlocked: number;
}

/**
 * The counts of saved calls read before, per store: a console polls the dashboard, and a saved
 * call's checks and guard decisions do not change, so each is read in full once per process.
 */
const countsRead = new WeakMap<RecordStore, Map<string, CallCounts>>();
/** Enough for every call SESSIONS_READ covers, several times over. */
const MAX_COUNTS_KEPT = SESSIONS_READ * 8;

async function callCounts(store: RecordStore, sessionId: string): Promise<CallCounts | undefined> {
  let kept = countsRead.get(store);
  if (!kept) {
    kept = new Map();
    countsRead.set(store, kept);
  }
  const hit = kept.get(sessionId);
  if (hit) return hit;
  const session: SessionRecord | undefined = await store.getSession(sessionId);
  if (!session) return undefined;
  const outcomes: Dashboard['permission_outcomes'] = {
    can_approve_immediately: 0,
    requires_supervisor: 0,
    requires_process: 0,
    forbidden: 0,
  };
  const checks = session.permission_checks ?? [];
  for (const c of checks) outcomes[c.status] += 1;
  const counts: CallCounts = {
    outcomes,
    escalated: checks.some((c) => c.status === 'requires_supervisor' || c.status === 'requires_process'),
    guardBlocked: (session.guard_decisions ?? []).filter((g) => g.outcome !== 'pass').length,
  };
  kept.set(sessionId, counts);
  if (kept.size > MAX_COUNTS_KEPT) kept.delete(kept.keys().next().value as string);
  return counts;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The numbers of saved calls, approvals and tickets at `now`, over the last `days` days. */
export async function buildDashboard(store: RecordStore, now: Date, days: number): Promise<Dashboard> {
  const first = new Date(now.getTime() - (days - 1) * 86_400_000);
  const since = compactDate(first);
  const until = compactDate(now);
  const summaries = (await store.listSessions({ since, until })).filter((s) => !s.corrupt);
  const byDay = new Map<string, { calls: number; resolved: number }>();
  for (let d = 0; d < days; d++)
    byDay.set(compactDate(new Date(first.getTime() + d * 86_400_000)), { calls: 0, resolved: 0 });
  for (const s of summaries) {
    const day = s.session_id.split('_')[1] ?? '';
    const slot = byDay.get(day);
    if (!slot) continue;
    slot.calls++;
    if (s.resolution_status === 'resolved') slot.resolved++;
  }
  const resolved = summaries.filter((s) => s.resolution_status === 'resolved').length;

  const outcomes: Dashboard['permission_outcomes'] = {
    can_approve_immediately: 0,
    requires_supervisor: 0,
    requires_process: 0,
    forbidden: 0,
  };
  let escalated = 0;
  let guardBlocked = 0;
  const read = summaries.slice(-SESSIONS_READ);
  for (const summary of read) {
    const counts = await callCounts(store, summary.session_id);
    if (!counts) continue;
    for (const [status, n] of Object.entries(counts.outcomes)) outcomes[status as keyof typeof outcomes] += n;
    if (counts.escalated) escalated++;
    guardBlocked += counts.guardBlocked;
  }

  const approvals = (await store.listWork('approval')) as unknown as ApprovalRequest[];
  const nowMs = now.getTime();
  const decided = approvals.filter((a) => a.decided_at !== null);
  const turnaround = decided.map((a) => (Date.parse(a.decided_at!) - Date.parse(a.created_at)) / 60_000);
  const pending = approvals.filter((a) => a.state === 'pending');
  const overdueApprovals = pending.filter((a) => Date.parse(a.due_at) < nowMs).length;
  // Only tickets: the catch-up's mark lives in the ticket kind too, in a state no ticket has.
  const tickets: Ticket[] = (await store.listWork('ticket', { state: TICKET_STATES })).map(ticketOf);
  const ticketBreaches = tickets.filter((t) => slaBreaches(t, now).length > 0).length;

  return {
    since,
    until,
    calls_per_day: [...byDay].map(([day, v]) => ({ day, ...v })),
    calls: summaries.length,
    resolution_rate: summaries.length === 0 ? 0 : resolved / summaries.length,
    escalation_rate: read.length === 0 ? 0 : escalated / read.length,
    permission_outcomes: outcomes,
    approvals: {
      pending: pending.length,
      overdue: overdueApprovals,
      decided: decided.length,
      decided_in_time: decided.filter((a) => a.decided_at! <= a.due_at).length,
      median_turnaround_minutes: median(turnaround),
    },
    sla_breaches: { tickets: ticketBreaches, approvals: overdueApprovals },
    guard_blocked: guardBlocked,
    sessions_read: read.length,
    eval_scores: await publishedScores(store),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** `GET /api/dashboard`: the team's numbers over the last days (14 unless `days`). */
export const dashboardOperation = defineOperation({
  name: 'dashboard',
  title: 'Dashboard',
  description:
    'The team lead’s numbers over the last days: calls per day, resolution and escalation rates, permission ' +
    'outcomes by level, approval turnaround against the promised time, SLA breaches and replies the guard stopped.',
  readOnly: true,
  input: (z) =>
    z.object({ days: z.number().int().min(1).max(90).optional().describe('how many days back (14)') }),
  run: async (deps, input) =>
    buildDashboard(deps.store, (deps.clock ?? { now: () => new Date() }).now(), input.days ?? 14),
  text: (d) =>
    [
      `通话 Calls ${d.since}–${d.until}: ${d.calls}  解决率 resolved ${pct(d.resolution_rate)}  升级率 escalated ${pct(d.escalation_rate)}`,
      `权限 Permission: 可立即批准 ${d.permission_outcomes.can_approve_immediately}  需主管 ${d.permission_outcomes.requires_supervisor}  需流程 ${d.permission_outcomes.requires_process}  禁止 ${d.permission_outcomes.forbidden}`,
      `审批 Approvals: 待审批 pending ${d.approvals.pending} (逾期 overdue ${d.approvals.overdue})  已决定 decided ${d.approvals.decided}, 按时 in time ${d.approvals.decided_in_time}, 中位用时 median ${d.approvals.median_turnaround_minutes ?? '—'} min`,
      `超时 SLA breaches: 工单 tickets ${d.sla_breaches.tickets}  审批 approvals ${d.sla_breaches.approvals}   拦截回复 guard stopped ${d.guard_blocked}`,
      ...d.eval_scores.map(
        (e) =>
          `评测 Eval ${e.about} (${e.agent}): ${e.passed}/${e.runs} ${pct(e.rate)}  ${e.at.slice(0, 16)}`,
      ),
    ].join('\n'),
});
