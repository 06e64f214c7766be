import { CsError } from '../domain/cs-error.js';
import type { RequestEntry, Review, SystemQueryRecord } from '../domain/session-schemas.js';
import { guardReviewClaims } from '../guard/index.js';
import { type LedgerSource, ledgerOutcome, requestLedger } from './request-ledger.js';

/** The part of a call's record a review is held to: its ledger lists and its queries. */
export interface ReviewedRecord extends LedgerSource {
  system_queries: readonly SystemQueryRecord[];
}

/**
 * Refuses (CsError E_REFUSED, one line naming the claim) a review from an outside assistant
 * (`cs session end|save --review`, MCP `end_call`/`save_session`) that claims what the call's
 * request ledger does not show:
 * - an `actions_taken` line saying an action was done (已退款50元, Refunded $50, a bare 退款50元)
 *   that no action carried out in this call covers, or for another amount;
 * - `resolution_status: resolved` while a request still stands unfinished: an open escalation
 *   (a supervisor or a process, ticketed or not), an approval never carried out, a refusal.
 * A review that says less than the ledger (partially_resolved for a resolved call) passes.
 *
 * @example checkReviewClaims(review, liveRecord) // throws: actions_taken "已退款50元" claims …
 */
export function checkReviewClaims(review: Review, record: ReviewedRecord): void {
  const ledger = requestLedger(record);
  const carriedOut = ledger
    .filter((e) => e.carried_out)
    .flatMap((e) => [e.action, e.what, e.done ?? ''])
    .filter((t) => t !== '');
  const claims = guardReviewClaims({
    lines: review.actions_taken,
    carriedOut,
    systemQueries: record.system_queries,
  });
  if (!claims.ok) {
    const line = quoted(claims.line ?? '');
    throw new CsError(
      'E_REFUSED',
      `评估未保存：actions_taken 中的${line}声称办理了本次通话没有办理的操作 · Review refused: actions_taken ${line} claims an action this call did not carry out; list only what was carried out (cs session act / perform_action) and what was only requested as requested.`,
      { details: { field: 'actions_taken', claim: claims.line, rule: claims.rule } },
    );
  }
  if (review.resolution_status !== 'resolved') return;
  const outcome = ledgerOutcome(ledger);
  const first = outcome.unfinished[0];
  if (outcome.resolution_status === 'resolved' || !first) return;
  const [zh, en] = standing(first);
  throw new CsError(
    'E_REFUSED',
    `评估未保存：resolution_status 为 resolved，但${zh} · Review refused: resolution_status "resolved", but ${en}; use ${outcome.resolution_status}.`,
    { details: { field: 'resolution_status', claim: 'resolved', expected: outcome.resolution_status } },
  );
}

/** Why a request keeps the call from being resolved, in both languages. */
function standing(e: RequestEntry): [string, string] {
  const what = quoted(e.what);
  if (e.state === 'escalated') {
    return e.ticket_id === undefined
      ? [`${what}仍待主管审批或流程处理`, `${what} still waits on a supervisor or a process`]
      : [`工单 ${e.ticket_id}（${what}）仍未处理完`, `ticket ${e.ticket_id} (${what}) is still open`];
  }
  if (e.state === 'approved')
    return [`${what}已批准但没有办理`, `${what} was approved but never carried out`];
  return [`${what}无法办理`, `${what} was refused`];
}

/** A claim quoted on one line, clipped: the error stays one readable line. */
function quoted(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return `"${chars.length > 60 ? `${chars.slice(0, 60).join('')}…` : flat}"`;
}
