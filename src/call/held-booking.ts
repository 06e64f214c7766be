import type { RequestEntry, SystemQueryRecord } from '../domain/session-schemas.js';
import type { CompiledRules, PermissionDecision } from '../permissions/index.js';
import { forbiddenRules, type Overrule, overruled } from './overrule.js';

/**
 * Facts before actions for what the caller holds: a booking, an order or an account moved,
 * cancelled or closed must be one of theirs. When this call's lookups found nothing under the
 * caller (an account not found, an empty list of orders) and none found anything, the thing asked
 * about is someone else's, or none at all: the product's rule on acting for others decides it
 * where it has one (替非下单人…改安装时间, cancelling for someone who is not its holder), else a
 * supervisor does. Decisions only ever become stricter here.
 */
export function boundByHeldBooking(
  decision: PermissionDecision,
  call: {
    queries: readonly SystemQueryRecord[];
    rules: CompiledRules;
    /** Something approved earlier in the call (what it booked or opened is the caller's now). */
    ledger: readonly RequestEntry[];
    /**
     * What the caller said last, when the call has it: the step must be a change in their words,
     * not only in a rule's that allows booking and changing alike (预约、改约、取消到店服务).
     */
    callerWords?: string | undefined;
  },
): PermissionDecision {
  if (
    decision.status === 'forbidden' ||
    call.ledger.some((e) => e.outcome === 'can_approve_immediately') ||
    !CHANGES_WHAT_IS_HELD.test(call.callerWords ?? decision.action) ||
    !decision.parts.some(changesWhatIsHeld) ||
    !holdsNothing(call.queries)
  )
    return decision;
  // The rule on changing for others before one on telling them (both say "not the holder").
  const againstOthers = forbiddenRules(call.rules, ACTING_FOR_OTHERS);
  const forOthers =
    againstOthers.find((r) => CHANGES_WHAT_IS_HELD.test(r.text) || CHANGING_WORD.test(r.text)) ??
    againstOthers[0];
  const overrule: Overrule = forOthers
    ? {
        status: 'forbidden',
        rule: forOthers.text,
        reasons: {
          zh: `属于禁止操作(${forOthers.text})：本次通话查到来电号码名下没有这笔订单或账户`,
          en: `forbidden (${forOthers.text}): this call's lookups found no booking or account under the calling number`,
        },
      }
    : {
        status: 'requires_supervisor',
        rule: null,
        reasons: {
          zh: '本次通话查到来电号码名下没有可改的订单、预约或账户，不能直接办理，需主管核实',
          en: "this call's lookups found no booking, order or account under the calling number to change; a supervisor must check",
        },
      };
  // Without a rule on others, only an approval is sent up (a refusal or an escalation stands).
  if (!forOthers && decision.status !== 'can_approve_immediately') return decision;
  return overruled(decision, (part) => (changesWhatIsHeld(part) ? overrule : undefined));
}

/**
 * A step on something already held, in the caller's words: moved, cancelled, closed (not a new
 * booking, whatever the rule that allows both is called).
 */
const CHANGES_WHAT_IS_HELD =
  /改期|改约|改时间|改到|改成|换到|挪到|取消|注销|销户|关闭账户|退订|\breschedul|\brebook|\bcancel|\bclos(?:e|ing|ure)\b|\bmov(?:e|ing) (?:the |my |a )?(?:booking|appointment|collection|visit)/i;

function changesWhatIsHeld(part: PermissionDecision['parts'][number]): boolean {
  return CHANGES_WHAT_IS_HELD.test(`${part.text} ${part.rule ?? ''} ${part.label ?? ''}`);
}

/** A rule's word for changing or cancelling (修改, 改安装时间, changing, cancelling). */
const CHANGING_WORD = /修改|改|取消|\bchang|\bcancel/i;

/** A rule against acting for someone other than the one who holds the thing. */
const ACTING_FOR_OTHERS =
  /非(?:下单人|本人|机主|户主|账户持有人|预约人)|替(?:他人|别人)|someone who is not (?:its|the) (?:holder|account holder|owner)|not (?:its|the) (?:account )?holder|on behalf of someone/i;

/** Keys of lists of what a caller holds: orders, bookings, accounts. */
const HELD_LIST_KEY = /order|booking|appointment|reservation|account|subscription|订单|预约|账户/i;

/**
 * True when this call's lookups found nothing the caller holds: one said so (found or registered
 * false, an empty list of orders) and none holds an order, a booking or an account.
 */
export function holdsNothing(queries: readonly SystemQueryRecord[]): boolean {
  let none = false;
  for (const q of queries) {
    if (!q.ok || q.response === null || typeof q.response !== 'object' || Array.isArray(q.response)) continue;
    const r = q.response as Record<string, unknown>;
    if (r.found === true || r.registered === true) return false;
    if (r.found === false || r.registered === false) none = true;
    for (const [key, value] of Object.entries(r)) {
      if (!Array.isArray(value) || !HELD_LIST_KEY.test(key)) continue;
      if (value.length > 0) return false;
      none = true;
    }
  }
  return none;
}
