import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { DashboardScore } from '../domain/dashboard.js';
import type { WorkDoc } from '../domain/work-item.js';
import type { WorkflowStore } from '../store/workflow-store.js';
import type { EvalSummary } from './eval-metrics.js';

/**
 * The latest `cs eval` scores a team published into its database (`cs eval … --publish`), one per
 * suite and agent, for the console's dashboard. Kept as `setting` work items `eval_<hash>`: the
 * runs themselves never touch the database; only this summary does, when asked.
 */
export interface PublishedScore extends DashboardScore {
  suite: string;
  trials: number;
  scenarios: number;
  pass_k: Record<string, number>;
  by_kind: EvalSummary['by_kind'];
}

const PREFIX = 'eval_';

function scoreId(suite: string, agent: string): string {
  return `${PREFIX}${createHash('sha256')
    .update(`${basename(suite)}\n${agent}`)
    .digest('hex')
    .slice(0, 16)}`;
}

/** Records a run's summary as the latest for its suite and agent (replacing an earlier one). */
export async function publishScore(
  store: WorkflowStore,
  score: Omit<PublishedScore, 'at'>,
  now: Date,
): Promise<PublishedScore> {
  const at = now.toISOString();
  const id = scoreId(score.suite, score.agent);
  const doc: WorkDoc = { ...score, id, state: 'published', created_at: at, updated_at: at, at };
  const changed = await store.changeWork('setting', id, (current) => ({
    doc: { ...doc, created_at: current.created_at },
  }));
  if (!changed) await store.addWork('setting', doc);
  return { ...score, at };
}

/** Every published score, the newest first. */
export async function publishedScores(store: WorkflowStore): Promise<PublishedScore[]> {
  const docs = await store.listWork('setting', { state: 'published' });
  return docs
    .filter((d) => d.id.startsWith(PREFIX))
    .map((d) => d as unknown as PublishedScore)
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
