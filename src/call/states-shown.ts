import { responseFields } from '../domain/response-fields.js';
import type { SystemQueryRecord } from '../domain/session-schemas.js';

/** Keys whose values say what state a record is in (status, delivery_status, 订单状态, state). */
const STATE_KEY = /status|state|状态/i;
/** A state is a word or a few (pending, 已付款待发货, in transit), not a sentence or a note. */
const MOST_STATE_CHARS = 40;

/**
 * The states the call's successful queries showed, each once, in the order found: the values of
 * status-like fields at any depth (`pending`, `open`, `postponed`, 已付款待发货). They are what
 * the permission engine reads as facts (`CheckPermissionOptions.facts`): a rule that approves
 * cancelling a pending gift is satisfied by a gift the call found pending, not by the
 * caller's word for it. Only states, so nothing else a response holds (names, addresses, notes)
 * can complete a rule.
 */
export function statesShown(queries: readonly SystemQueryRecord[]): readonly string[] {
  // A call's queries are only ever appended to: read again only when one was added.
  const known = shown.get(queries);
  if (known !== undefined && known.count === queries.length) return known.states;
  const out: string[] = [];
  for (const q of queries) {
    if (!q.ok) continue;
    for (const [key, v] of responseFields(q.response)) {
      if (typeof v !== 'string' || !STATE_KEY.test(key)) continue;
      const state = v.trim();
      if (state !== '' && state.length <= MOST_STATE_CHARS && !out.includes(state)) out.push(state);
    }
  }
  shown.set(queries, { count: queries.length, states: out });
  return out;
}

/** The states last read from each call's list of queries, and how many queries it held then. */
const shown = new WeakMap<readonly SystemQueryRecord[], { count: number; states: readonly string[] }>();
