// The team lead's numbers as `GET /api/dashboard` gives them: built by
// src/operations/dashboard-operations.ts, drawn by web/console/dashboard.ts (types only, no I/O).

/** A published `cs eval` score as the dashboard shows it (src/eval/published-scores.ts keeps more). */
export interface DashboardScore {
  about: string;
  agent: string;
  runs: number;
  passed: number;
  rate: number;
  at: string;
}

export interface Dashboard {
  /** First and last day counted (YYYYMMDD). */
  since: string;
  until: string;
  calls_per_day: Array<{ day: string; calls: number; resolved: number }>;
  calls: number;
  /** Share of calls reviewed `resolved`. */
  resolution_rate: number;
  /** Share of calls with at least one request a supervisor or a process had to take. */
  escalation_rate: number;
  /** Permission decisions by level, over the calls read in full. */
  permission_outcomes: Record<
    'can_approve_immediately' | 'requires_supervisor' | 'requires_process' | 'forbidden',
    number
  >;
  /** Decided approval requests: how long the decision took against the promised time. */
  approvals: {
    pending: number;
    overdue: number;
    decided: number;
    decided_in_time: number;
    median_turnaround_minutes: number | null;
  };
  /** Tickets with a clock past due, and approvals pending past theirs. */
  sla_breaches: { tickets: number; approvals: number };
  /** Replies the reply guard stopped (retried or blocked), over the calls read in full. */
  guard_blocked: number;
  /** How many calls were read in full for the outcome counts. */
  sessions_read: number;
  /** The latest `cs eval` scores published into this database (`--publish`), newest first. */
  eval_scores: DashboardScore[];
}
