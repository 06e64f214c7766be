import type { SystemQueryRecord } from '../domain/session-schemas.js';
import { findActionRequests } from '../permissions/index.js';
import { checkActions, statesFromApprovals } from './_guard-actions.js';
import { statesFromResponses } from './_guard-statuses.js';
import { normalizeDraft } from './_guard-text.js';
import type { GuardVerdict } from './reply-guard.js';

/** What `guardReviewClaims` reads: the review's lines and what the call really carried out. */
export interface GuardReviewClaimsInput {
  /** The review's `actions_taken`, one claim per line. */
  lines: readonly string[];
  /** The actions the call carried out (their texts as checked and as the backend described them). */
  carriedOut: readonly string[];
  /** The call's queries: a state they showed (auto-renew off) may be stated as a fact. */
  systemQueries?: readonly SystemQueryRecord[];
}

/**
 * Words that make a line about an action something other than "it was done": it was asked,
 * sent on, refused, withdrawn, explained or looked up.
 */
const NOT_DONE =
  /申请|审批|主管|工单|提交|登记|记录|受理|反馈|转达|上报|转交|转给|流程|需要?|待|未|没有?|无法|不能|不可|拒绝|禁止|撤回|撤销|建议|告知|说明|解释|咨询|询问|查询|查了|核实|批准|可立即|可以办|[?？]|\b(?:request(?:ed)?|ticket|logged|recorded|noted|submitted|opened|created|filed|raised|escalat\w*|supervisor|approv\w*|pending|await\w*|refus\w*|declin\w*|forbidden|not|no|withdr\w*|explain\w*|inform\w*|told|asked|advis\w*|quer\w*|checked|looked|formal|can be|could|would|will)\b|n't\b/i;

/** A past-tense verb opening an English line (Refunded $50): the reviewer did it, or says so. */
const EN_DONE_START =
  /^(?:refunded|cancell?ed|closed|reset|turned off|switched off|disabled|deleted|deactivated|processed|issued|credited|stopped|removed|compensated|extended|reissued|unsubscribed|terminated|waived|reversed|unlocked|unfrozen|reactivated|restored|upgraded|downgraded|reimbursed|shipped|sent)\b/i;

/**
 * The line as the reply guard reads it. Reviews speak of the caller in the third person
 * (已为客户退款, Refunded the customer) and list actions bare (退款50元 in actions_taken means it
 * was taken): the first are turned into the guard's second person, the second into an explicit
 * "done" claim, unless the line says the action was only asked for, sent on or refused.
 */
function asClaim(line: string): string {
  let text = normalizeDraft(line)
    .replace(/(为|帮|给|替)(?:该|此)?(?:客户|用户|顾客|来电人|来电客户)/g, '$1您')
    .replace(/\b(?:the )?(?:customer|caller|user)\b/gi, 'you')
    .trim();
  if (EN_DONE_START.test(text)) text = `We ${text}`;
  if (NOT_DONE.test(text)) return text;
  const names = (() => {
    try {
      return findActionRequests(text).length > 0;
    } catch {
      return false;
    }
  })();
  if (!names) return text;
  return /[\u3400-\u9fff]/.test(text) ? `已经办妥了${text}` : `Done: ${text}`;
}

/**
 * Reads a review an outside assistant wrote for claims the call does not bear out: an action
 * said to be done (已退款50元, Refunded $50, or simply 退款50元 in actions_taken) or promised,
 * that no action carried out in this call covers, or with another amount than the one carried
 * out. The reply guard's reading of actions (`checkActions`), with what was carried out as the
 * only approvals: an approval not acted on vouches for nothing in a review. Pure.
 *
 * @example guardReviewClaims({ lines: ['已退款50元'], carriedOut: [] })
 *   // { ok: false, rule: 'commitment_without_approval', detail: '"已退款50元" ...' }
 */
export function guardReviewClaims(input: GuardReviewClaimsInput): GuardVerdict & { line?: string } {
  const approvals = input.carriedOut.map((action) => ({ action }));
  const responses = (input.systemQueries ?? []).filter((q) => q.ok).map((q) => q.response);
  const known = statesFromResponses(responses);
  for (const s of statesFromApprovals(approvals)) known.add(s);
  for (const line of input.lines) {
    if (line.trim() === '') continue;
    const verdict = checkActions({ draft: asClaim(line), approvals, knownStates: known });
    if (!verdict.ok) return { ...verdict, line };
  }
  return { ok: true };
}
