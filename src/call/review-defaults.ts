/**
 * A review written by an outside assistant (`cs session save|end --review`) with the fields it
 * may leave out filled in: a missing `customer_updates` is what `--update-customer` says, else
 * `{}`. Anything else is left for the review schema to judge, so a wrong value is still refused.
 *
 * @example withReviewDefaults({ resolution_status: 'resolved', ... }, { style: '直接' })
 *   // { resolution_status: 'resolved', ..., customer_updates: { style: '直接' } }
 */
export function withReviewDefaults(review: unknown, customerUpdates?: Record<string, unknown>): unknown {
  if (typeof review !== 'object' || review === null || Array.isArray(review)) return review;
  if ((review as Record<string, unknown>).customer_updates !== undefined) return review;
  return { ...review, customer_updates: customerUpdates ?? {} };
}
