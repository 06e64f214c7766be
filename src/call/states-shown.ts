import { localIsoTimestamp } from '../domain/clock.js';
import { responseFields } from '../domain/response-fields.js';
import type { SystemQueryRecord } from '../domain/session-schemas.js';

/**
 * Keys whose values say what state a record is in (status, delivery_status, 订单状态, state), or
 * in what role the caller stands to it (role: 共同监护人, 身份).
 */
const STATE_KEY = /status|state|状态|^(?:caller_)?role$|身份|角色/i;
/** A state is a word or a few (pending, 已付款待发货, in transit), not a sentence or a note. */
const MOST_STATE_CHARS = 40;

/**
 * The states the call's successful queries showed, each once, in the order found: the values of
 * status-like fields at any depth (`pending`, `open`, `postponed`, 已付款待发货), and, given the
 * day, whether a warranty's or a package's last day has passed (保修期内 / 保修期外, 到期前 / 已过期;
 * see `LAST_DAYS`). They are what
 * the permission engine reads as facts (`CheckPermissionOptions.facts`): a rule that approves
 * cancelling a pending gift is satisfied by a gift the call found pending, not by the
 * caller's word for it. Only states, so nothing else a response holds (names, addresses, notes)
 * can complete a rule.
 */
export function statesShown(queries: readonly SystemQueryRecord[], now?: Date): readonly string[] {
  // A call's queries are only ever appended to: read again only when one was added.
  const today = now === undefined ? '' : dayOf(now);
  const known = shown.get(queries);
  if (known !== undefined && known.count === queries.length && known.today === today) return known.states;
  const out: string[] = [];
  const add = (state: string): void => {
    if (state !== '' && state.length <= MOST_STATE_CHARS && !out.includes(state)) out.push(state);
  };
  for (const q of queries) {
    if (!q.ok) continue;
    for (const [key, v] of responseFields(q.response)) {
      if (typeof v !== 'string') continue;
      if (STATE_KEY.test(key)) {
        add(v.trim());
        continue;
      }
      // warranty_until 2028-05-14 read on 2027-11-23: the thing is in warranty, a state as a
      // status field would say it (a rule approving repairs in warranty is satisfied by it); a
      // package valid until a day to come is before its expiry (课包到期前延期).
      const last = today === '' ? undefined : LAST_DAYS.find((d) => d.key.test(key));
      const ends = last && /^(\d{4}-\d{2}-\d{2})/.exec(v.trim())?.[1];
      if (last && ends !== undefined)
        for (const state of ends >= today ? last.before : last.after) add(state);
    }
  }
  // 镜架 still covered, 镜片 not: which warranty (or which package) a request is about is not
  // known, so neither state is a fact (the caller's word or a supervisor decides).
  let states = out;
  for (const d of LAST_DAYS)
    if (d.before.some((s) => states.includes(s)) && d.after.some((s) => states.includes(s)))
      states = states.filter((s) => !d.before.includes(s) && !d.after.includes(s));
  shown.set(queries, { count: queries.length, today, states });
  return states;
}

/**
 * Fields that give the last day something holds, and the states it says, in the words the
 * permission engine reads, on or before that day and after it: a warranty or guarantee
 * (warranty_until, guarantee_ends_on, 保修到期日), then anything valid until a day (valid_until,
 * expires_on, 有效期至).
 */
const LAST_DAYS: ReadonlyArray<{ key: RegExp; before: readonly string[]; after: readonly string[] }> = [
  {
    key: /(?:warrant|guarantee|保修|质保|三包).*?(?:until|end|expir|到期|截止)|(?:until|end|expir).*?warrant/i,
    before: ['保修期内'],
    after: ['保修期外'],
  },
  {
    key: /valid.*?(?:until|to|end|thru|through)|expir|有效期|到期/i,
    before: ['有效期内', '到期前'],
    after: ['已过期'],
  },
];

/** A day as ISO writes it (2027-11-23), in local time as the store's and the mock's dates are. */
function dayOf(now: Date): string {
  return localIsoTimestamp(now).slice(0, 10);
}

/** The states last read from each call's list of queries, how many queries it held, and on what day. */
const shown = new WeakMap<
  readonly SystemQueryRecord[],
  { count: number; today: string; states: readonly string[] }
>();
