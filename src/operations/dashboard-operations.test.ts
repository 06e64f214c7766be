import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../domain/session-schemas.js';
import { publishScore } from '../eval/published-scores.js';
import { MemoryRecordStore } from '../store/memory/memory-record-store.js';
import { buildDashboard } from './dashboard-operations.js';

const NOW = new Date('2026-12-02T12:00:00Z');

async function saveCall(store: MemoryRecordStore, date: string, status: string, checks: string[]) {
  await store.saveSession({
    date,
    tag: 'test',
    readme: () => '',
    build: (session_id) =>
      ({
        session_id,
        product: 'P',
        customer: 'C',
        operator: 'O',
        timestamp: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}T10:00:00`,
        conversation: [],
        review: {
          resolution_status: status,
          issue_summary: '',
          actions_taken: [],
          follow_up_required: false,
          customer_updates: {},
        },
        permission_checks: checks.map((status) => ({ action: 'x', status, rule: null, reason: '' })),
        guard_decisions: [{ rule: 'reply_guard', outcome: 'blocked', detail: '' }],
      }) as unknown as SessionRecord,
  });
}

function approval(id: string, state: string, created: string, due: string, decided: string | null) {
  return { id, state, created_at: created, updated_at: created, due_at: due, decided_at: decided };
}

describe('the dashboard', () => {
  it('counts calls per day, rates, permission outcomes, approval turnaround and breaches', async () => {
    const store = new MemoryRecordStore();
    await saveCall(store, '20261201', 'resolved', ['can_approve_immediately']);
    await saveCall(store, '20261202', 'partially_resolved', ['requires_supervisor', 'forbidden']);
    await saveCall(store, '20261120', 'resolved', []); // before the window
    await store.addWork(
      'approval',
      approval('ap_1', 'executed', '2026-12-01T10:00:00Z', '2026-12-01T12:00:00Z', '2026-12-01T10:30:00Z'),
    );
    await store.addWork(
      'approval',
      approval('ap_2', 'rejected', '2026-12-01T10:00:00Z', '2026-12-01T12:00:00Z', '2026-12-01T13:30:00Z'),
    );
    await store.addWork(
      'approval',
      approval('ap_3', 'pending', '2026-12-02T08:00:00Z', '2026-12-02T10:00:00Z', null),
    );
    const d = await buildDashboard(store, NOW, 7);
    expect(d.calls).toBe(2);
    expect(d.calls_per_day.at(-1)).toEqual({ day: '20261202', calls: 1, resolved: 0 });
    expect(d.calls_per_day.at(-2)).toEqual({ day: '20261201', calls: 1, resolved: 1 });
    expect(d.resolution_rate).toBe(0.5);
    expect(d.escalation_rate).toBe(0.5);
    expect(d.permission_outcomes).toEqual({
      can_approve_immediately: 1,
      requires_supervisor: 1,
      requires_process: 0,
      forbidden: 1,
    });
    expect(d.approvals).toEqual({
      pending: 1,
      overdue: 1,
      decided: 2,
      decided_in_time: 1,
      median_turnaround_minutes: 120,
    });
    expect(d.sla_breaches).toEqual({ tickets: 0, approvals: 1 });
    expect(d.guard_blocked).toBe(2);
    expect(d.eval_scores).toEqual([]);
  });

  it('reads each saved call in full once, however often it is asked, and counts a new one', async () => {
    const store = new MemoryRecordStore();
    await saveCall(store, '20261201', 'resolved', ['can_approve_immediately']);
    await saveCall(store, '20261202', 'resolved', ['forbidden']);
    const read: string[] = [];
    const getSession = store.getSession.bind(store);
    store.getSession = (id) => {
      read.push(id);
      return getSession(id);
    };
    await buildDashboard(store, NOW, 7);
    expect(read).toHaveLength(2);
    await buildDashboard(store, NOW, 7);
    expect(read).toHaveLength(2);
    await saveCall(store, '20261202', 'partially_resolved', ['requires_supervisor']);
    const d = await buildDashboard(store, NOW, 7);
    expect(read).toHaveLength(3);
    expect(d.permission_outcomes).toMatchObject({
      can_approve_immediately: 1,
      forbidden: 1,
      requires_supervisor: 1,
    });
    expect(d.escalation_rate).toBeCloseTo(1 / 3);
  });

  it('shows the latest published eval score per suite and agent, newest first', async () => {
    const store = new MemoryRecordStore();
    const score = (passed: number) => ({
      suite: 'eval/calls.json',
      about: 'own suite',
      agent: 'rules',
      trials: 1,
      scenarios: 4,
      runs: 4,
      passed,
      rate: passed / 4,
      pass_k: { '1': passed / 4 },
      by_kind: {},
    });
    await publishScore(store, score(2), new Date('2026-12-01T10:00:00Z'));
    await publishScore(store, score(3), new Date('2026-12-02T10:00:00Z'));
    await publishScore(store, { ...score(1), agent: 'llm' }, new Date('2026-12-02T09:00:00Z'));
    const d = await buildDashboard(store, NOW, 7);
    expect(d.eval_scores.map((e) => [e.agent, e.passed])).toEqual([
      ['rules', 3],
      ['llm', 1],
    ]);
  });
});
