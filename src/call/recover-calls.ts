import { basename } from 'node:path';
import { type Clock, systemClock } from '../domain/clock.js';
import { CsError } from '../domain/cs-error.js';
import { isProcessAlive } from '../domain/process-identity.js';
import type { Review } from '../domain/session-schemas.js';
import type { CallJournalHeader } from '../store/call-journal.js';
import type { RecordStore } from '../store/record-store.js';
import { buildReview } from './build-review.js';
import { replayCallJournal } from './call-journal-record.js';
import type { CallRecordState } from './call-session.js';
import { saveCall } from './finish-call.js';

/** One journaled call and what recovery did with it. */
export type RecoveryOutcome =
  | { call_id: string; outcome: 'saved'; session_id: string; path: string }
  | { call_id: string; outcome: 'running' }
  | { call_id: string; outcome: 'failed'; reason: string }
  | { call_id: string; outcome: 'unreadable'; reason: string };

/**
 * The review of a call that ended any other way than normally: what was recorded, marked
 * `interrupted`, with a follow-up so somebody calls back.
 */
export function interruptedReview(record: CallRecordState): Review {
  const review = buildReview(record);
  return { ...review, resolution_status: 'interrupted', follow_up_required: true };
}

/**
 * Saves every journaled call whose process is gone (killed, crashed, cut off from the store),
 * with everything it recorded and an `interrupted` review; a call whose save had begun is
 * completed, never saved twice. Calls still running elsewhere are left alone.
 *
 * @example const outcomes = await recoverCalls({ store });
 */
export async function recoverCalls(options: {
  store: RecordStore;
  clock?: Clock;
}): Promise<RecoveryOutcome[]> {
  const { store } = options;
  const { headers, problems } = await store.journal.list();
  const outcomes: RecoveryOutcome[] = problems.map((path) => ({
    call_id: basename(path, '.jsonl'),
    outcome: 'unreadable',
    reason: `unreadable journal ${path}; read it, then move it aside`,
  }));
  for (const header of headers) {
    if (isProcessAlive(header.owner)) {
      outcomes.push({ call_id: header.call_id, outcome: 'running' });
      continue;
    }
    try {
      outcomes.push(await recoverCall(store, header, options.clock ?? systemClock));
    } catch (error) {
      const reason = CsError.isInstance(error) ? error.message : String(error);
      outcomes.push({ call_id: header.call_id, outcome: 'failed', reason });
    }
  }
  return outcomes;
}

async function recoverCall(
  store: RecordStore,
  header: CallJournalHeader,
  clock: Clock,
): Promise<RecoveryOutcome> {
  const journaled = await store.journal.read(header.call_id);
  if (!journaled) return { call_id: header.call_id, outcome: 'failed', reason: 'the journal vanished' };
  const record = replayCallJournal(journaled.header, journaled.changes);
  const [product, operator, customer] = await Promise.all([
    store.get('product', header.product_id),
    store.get('operator', header.operator_id),
    store.get('customer', header.customer_id),
  ]);
  if (!product || !operator || !customer) {
    throw new CsError(
      'E_NOT_FOUND',
      `A record of interrupted call ${header.call_id} was deleted; restore it with \`cs restore\`, then run \`cs recover\`.`,
    );
  }
  const saved = await saveCall({
    store,
    product,
    operator,
    customer,
    phone: header.phone,
    record,
    review: interruptedReview(record),
    agent: header.agent,
    callId: header.call_id,
    clock,
    ...(header.tag === undefined ? {} : { tag: header.tag }),
  });
  return { call_id: header.call_id, outcome: 'saved', session_id: saved.sessionId, path: saved.path };
}

/**
 * The check every command makes when it opens a database: a cheap look at the journal, and a
 * recovery only when a call was left by a process that is gone.
 */
export async function recoverLeftCalls(store: RecordStore): Promise<RecoveryOutcome[]> {
  const { headers } = await store.journal.list();
  if (headers.every((h) => isProcessAlive(h.owner))) return [];
  return (await recoverCalls({ store })).filter((o) => o.outcome === 'saved' || o.outcome === 'failed');
}
