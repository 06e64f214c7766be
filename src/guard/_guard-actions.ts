// The reply guard's second rule: an action said to be done, or promised, needs its approval.
import type { PermissionCheckRecord } from '../domain/session-schemas.js';
import { findActionRequests } from '../permissions/index.js';
import type { StatusName } from './_guard-statuses.js';
import {
  clauseAt,
  isGeneralInformation,
  isQuestion,
  isSoftOffer,
  negatedBefore,
  type Span,
  sentenceAt,
  waitsOnApproval,
} from './_guard-text.js';
import { extractAmounts } from './extract-facts.js';
import type { GuardVerdict } from './reply-guard.js';

/** An action concept: the words that name it in a clause or in a permission check's action. */
interface ConceptWords {
  concept: string;
  words: RegExp;
}

/** A clause may name several concepts; the names match the permission engine's where they overlap. */
const CONCEPTS: ConceptWords[] = [
  {
    concept: 'refund',
    words:
      /退款|退费|退钱|退回|退还|退了|退给|退您|给您退|帮您退|为您退|退到|原路|到账|返还|打回|refund|money back|reimburs|(?:back (?:in|into|to|on)|in|into|to|on) your (?:account|card|bank|wallet|balance)|charge (?:will be |is |was )?reversed|revers(?:e|ed|ing) the charge/i,
  },
  {
    concept: 'cancel_auto_renew',
    words:
      /自动续费|续费|自动扣费|续订|auto[- ]?renew|renewal|recurring (?:payment|billing|charge)|auto[- ]?pay/i,
  },
  {
    concept: 'close_account',
    words:
      /注销|销户|关闭账[号户]|账[号户][^，。！？,.!?]{0,4}(?:关闭|关掉|注销)|close (?:your |the )?account|account (?:is |has been |was )?(?:now )?(?:closed|deleted|deactivated|terminated)|(?:deleted?|deactivated?|terminated?) (?:your |the )?account|account (?:closure|deletion)/i,
  },
  { concept: 'reset_password', words: /密码|password/i },
  {
    concept: 'cancel_subscription',
    words:
      /取消(?:了)?(?:您的)?(?:会员|订阅)|(?:会员|订阅)(?:服务)?(?:已经?|都已经?)?(?:取消|退订)|退订|cancell?(?:ed|ing)? (?:your |the )?(?:subscription|membership)|(?:subscription|membership) (?:has been |is |was )?(?:now )?cancell?ed|unsubscribed?/i,
  },
  { concept: 'compensation', words: /赔偿|补偿|赔付|赔给|compensat/i },
  { concept: 'reissue_benefits', words: /补发|权益|reissue|re-issue/i },
  { concept: 'extension', words: /延期|延长|extend|extension/i },
  { concept: 'complaint', words: /投诉|complaint/i },
  {
    concept: 'unlock_account',
    words:
      /解冻|解锁|解封|解除(?:冻结|锁定|限制)|(?:冻结|锁定|限制|封禁)[^，。！？]{0,3}解除|unlock|unfreez|unfroze|reactivat|unblock/i,
  },
  { concept: 'fee_waiver', words: /免除|减免|免掉|免了|waive/i },
  { concept: 'plan_change', words: /升级|降级|upgrad|downgrad/i },
  { concept: 'shipment', words: /发货|寄出|补寄|重新寄|ship(?:ped|ping)?\b|dispatch|replacement/i },
  { concept: 'credit', words: /积分|代金券|优惠券|credit(?:ed)?\b|voucher|coupon/i },
];

/** The account state an action leaves behind: a query that shows it makes the passive phrase a fact. */
const RESULTING_STATE: Record<string, StatusName> = {
  refund: 'refunded',
  cancel_auto_renew: 'auto_renew_off',
  cancel_subscription: 'cancelled',
  close_account: 'cancelled',
  cancel_order: 'cancelled',
  unlock_account: 'active',
  suspend_service: 'suspended',
  shipment: 'shipped',
};

/** When a claim names no concept: 'any' needs some approval in the call; 'skip' claims nothing. */
type Unnamed = 'any' | 'skip';

interface Marker {
  re: RegExp;
  kind: 'done' | 'promise';
  unnamed: Unnamed;
}

const ZH_DONE_VERBS =
  '退款|退费|退钱|退回|退还|退了|退到|返回|原路返回|原路退回|退(?=[\\d零一二两三四五六七八九十百])|取消|解除|关闭|关掉|关了|停掉|停了|注销|销户|重置|重设|修改|补发|补偿|赔偿|赔付|延期|延长|恢复|解绑|解冻|解锁|解封|免除|减免|免掉|升级|降级|退订|返还|打款|打回|到账|处理好|处理完|办好|办妥|搞定';
const ZH_ACTION_VERBS =
  '退款|退费|退钱|退回|退还|退掉|退了|退|取消|关闭|关掉|关了|停掉|注销|重置|补发|赔偿|补偿|赔|延期|延长|恢复|解冻|解锁|解封|免除|减免|免掉|升级|降级|返还';
const EN_DONE_VERBS =
  'refunded|cancell?ed|closed|reset|turned off|switched off|disabled|deleted|deactivated|processed|issued|credited|stopped|removed|compensated|extended|reissued|unsubscribed|terminated|waived|reversed|unlocked|unfrozen|reactivated|restored|upgraded|downgraded|reimbursed';
const EN_STRONG =
  'refund|cancel|close|reset|turn off|switch off|disable|waive|credit|reverse|reimburse|compensate|extend|unlock|unfreeze|reactivate|restore|upgrade|downgrade|delete|deactivate|terminate|give you (?:a|your|the) (?:refund|money|credit)|get (?:you |your money )?(?:a |your )?(?:refund|money back)|send (?:you )?(?:the|your|a) (?:refund|money|replacement)';
const BENIGN_GONE_AHEAD =
  /^(?:submitted|sent|logged|noted|escalated|opened|created|raised|filed|flagged|forwarded|passed|requested|asked|checked|looked|reviewed|verified|recorded|made|put|scheduled|added a note|booked a callback|contacted|emailed|messaged|notified|reached out)$/i;

const MARKERS: Marker[] = [
  // 已为您退款 / 已经给您退了 / 已取消 / 已经办妥 (not 已取消的订单: a description).
  {
    re: new RegExp(
      `已(?:经)?(?:都)?(?:为您|给您|帮您|替您|为你|给你|帮你)?(?:把[^，。！？,.!?]{0,12})?(?:成功)?(?:办理了?)?(?:${ZH_DONE_VERBS})(?:了)?(?!的)`,
      'g',
    ),
    kind: 'done',
    unnamed: 'any',
  },
  // 已为您开通 / 已经给您安排: weaker verbs, a commitment only when they name what was done.
  {
    re: /已(?:经)?(?:为您|给您|帮您|替您)(?:开通|安排|寄出|发出|补寄|办理)了?(?!的)/g,
    kind: 'done',
    unnamed: 'skip',
  },
  // 退款成功 / 取消完成 / 处理好了 (not 退款成功后: a condition).
  {
    re: /(?:退款|退费|取消|关闭|注销|重置|补发|处理|办理|解冻|赔付)(?:已经?)?(?:成功|完成|好了|完毕)(?![后之以])/g,
    kind: 'done',
    unnamed: 'any',
  },
  // 帮您关掉了 / 给您退了 / 都给您弄好了.
  {
    re: /(?:帮|给|为|替)(?:您|你)(?:把[^，。！？,.!?]{0,12})?(?:退|关|取消|注销|重置|停|改|弄|办|处理|搞|解冻|免|补偿|补发|赔偿|延长|延期|升级)(?:掉了|好了|妥了|完了|了)/g,
    kind: 'done',
    unnamed: 'any',
  },
  // 自动续费已关闭 / 账号已经注销 / 钱已经到账 / 会员已退订.
  {
    re: /(?:自动续费|续费|订阅|会员|账号|账户|密码|钱|款|退款|费用)(?:已经?|都已经?)(?:被|为您|帮您)?(?:取消|关闭|关掉|关了|停|注销|重置|改好|退订|到账|退回|退到|返还|解冻|恢复)/g,
    kind: 'done',
    unnamed: 'any',
  },
  // 办妥了 / 搞定了 / 弄好了: done, whatever it was.
  { re: /办妥|搞定了?|弄好了|妥妥的|(?:都|全都)(?:处理|办)好了/g, kind: 'done', unnamed: 'any' },
  {
    re: new RegExp(
      `\\b(?:I|we)(?:'ve| have)\\s+(?:(?:just|now|already|successfully)\\s+)*(?:${EN_DONE_VERBS})\\b`,
      'gi',
    ),
    kind: 'done',
    unnamed: 'any',
  },
  {
    re: /\b(?:I|we)\s+(?:just\s+|now\s+|already\s+)?(?:refunded|cancell?ed|closed|turned off|switched off|disabled|deleted|deactivated|issued|credited|stopped|reissued|terminated|waived|reversed|unlocked|reactivated)\b/gi,
    kind: 'done',
    unnamed: 'any',
  },
  // I've gone ahead and waived it (not: gone ahead and submitted it to my supervisor).
  { re: /\b(?:I|we)(?:'ve| have)\s+(?:just\s+)?gone ahead and\s+\w+/gi, kind: 'done', unnamed: 'any' },
  {
    re: /\b(?:refund|renewal|auto[- ]?renew(?:al)?|subscription|membership|account|password|credit|compensation|charge|fee|money)\s+(?:has|have|is|was|were)\s+(?:(?:now|already|just)\s+)?(?:been\s+)?(?:(?:now|already|just|successfully)\s+)?(?:issued|processed|refunded|cancell?ed|closed|reset|turned off|switched off|disabled|deleted|deactivated|stopped|completed|sent|credited|terminated|off|waived|reversed|unlocked|reactivated|returned)\b/gi,
    kind: 'done',
    unnamed: 'any',
  },
  {
    re: /\b(?:refund|payment|credit|cancellation|reversal|request for (?:a )?refund)\s+(?:went|has gone|has now gone|is going|was put)\s+through\b/gi,
    kind: 'done',
    unnamed: 'any',
  },
  {
    re: /\byou(?:'re| are)\s+(?:getting|receiving|going to get|going to receive)\s+(?:a|your|the|full|all)\b/gi,
    kind: 'promise',
    unnamed: 'skip',
  },
  {
    re: /\b(?:refunded you|you(?:'ve| have) been (?:refunded|credited|reimbursed|compensated))\b/gi,
    kind: 'done',
    unnamed: 'any',
  },
  { re: /(?:^|[.!?]\s+)(?:all\s+)?done\b[.!]?/gim, kind: 'done', unnamed: 'any' },
  {
    re: /\b(?:it'?s|that'?s|everything'?s|everything is|it is|that is|it has been|that has been)\s+(?:all\s+)?(?:been\s+)?(?:done|taken care of|sorted(?: out)?|handled)\b|\bconsider it (?:done|handled|sorted)\b|\bdone deal\b|\b(?:I|we)(?:'ve| have)\s+(?:taken care of|handled|sorted(?: out)?)\s+(?:it|that|this|everything)\b/gi,
    kind: 'done',
    unnamed: 'any',
  },

  // Promises. 钱马上就到账 / 3个工作日内到账 / 这个月就能退回来.
  {
    re: /(?:马上|立刻|立即|很快|稍后|随后|尽快|一会儿?|今天(?:之内|内)?|明天|当天|这(?:个)?月|本月|这周|本周|下周|下个?月|月底|(?<![月\d])(?:\d+|[一二两三四五六七八九十]+)\s*(?:个)?(?:小时|工作日|天|日|周)(?:之内|以内|内)?)[^，。；！？,!?]{0,6}?(?:就|便)?(?:会|能|可以|可)?(?:到账|退回|退还|返还|退到|退给|打到|打回|回到您|到您)/g,
    kind: 'promise',
    unnamed: 'skip',
  },
  // 钱会原路退回 / 就能退回来 / 一定会给您退款.
  {
    re: new RegExp(
      `(?:会|将|将会|就会|就能|就可以|一定会|肯定会|保证|都会|能够)(?:在[^，。；！？]{0,8})?(?:给您|为您|帮您|替您)?(?:原路)?(?:到账|退回|退还|返还|退款|退费|退给|退钱|${ZH_ACTION_VERBS}|寄出|发货)`,
      'g',
    ),
    kind: 'promise',
    unnamed: 'any',
  },
  // 我这就给您退 / 马上帮您取消 / 我来帮您关掉.
  {
    re: new RegExp(
      `(?:(?:我|我们|我这边|我这里)(?:这就|马上|立刻|现在就|今天就|直接|会|将|来|负责)?|(?:这就|马上|立刻|立即|现在就|今天就|今天之内|今天内|明天))(?:就)?(?:给|帮|为|替)(?:您|你)(?:把[^，。；！？]{0,12})?(?:办理了?)?(?:${ZH_ACTION_VERBS})`,
      'g',
    ),
    kind: 'promise',
    unnamed: 'any',
  },
  // 今天之内退给您 / 赔给您.
  { re: /(?:退|退还|返还|赔|补)(?:给|回给)(?:您|你)/g, kind: 'promise', unnamed: 'any' },
  // 保证给您退 / 您放心，一定给您关掉.
  {
    re: /(?:保证|一定|肯定|绝对|包您|放心)[^，。；！？]{0,10}?(?:到账|退|赔|补发|取消|关掉|关闭|注销|恢复|解冻)/g,
    kind: 'promise',
    unnamed: 'any',
  },
  // I'll refund you / we're going to cancel it / I will waive the fee.
  {
    re: new RegExp(
      `\\b(?:I|we)(?:'ll| will| am going to|'m going to| are going to|'re going to| shall)\\s+(?:\\w+\\s+){0,3}?(?:${EN_STRONG})\\b`,
      'gi',
    ),
    kind: 'promise',
    unnamed: 'any',
  },
  // I'll process your refund / I'll send it: a promise only when it names the action.
  {
    re: /\b(?:I|we)(?:'ll| will| am going to|'m going to| are going to|'re going to)\s+(?:\w+\s+){0,2}?(?:process|issue|send|ship|return|put|apply|arrange|get)\b/gi,
    kind: 'promise',
    unnamed: 'skip',
  },
  // I can refund you right away (a firm offer); a plain "I can" offer is let through below.
  {
    re: new RegExp(`\\b(?:I|we) (?:can|could)\\s+(?:\\w+\\s+){0,2}?(?:${EN_STRONG})\\b`, 'gi'),
    kind: 'promise',
    unnamed: 'any',
  },
  // You'll have your money back / it should be in your account by Friday / will be refunded.
  {
    re: /(?:\byou(?:'ll| will| should| shall)|\bit(?:'ll| will| should)|(?:\b(?:the|your|that|this) (?:money|refund|credit|funds|payment|amount|charge|fee)|(?:\bthe\s+)?(?:US\$|\$|¥|£|€)\s?\d[\d,.]*|\b\d[\d,.]*\s?(?:yuan|dollars|bucks|RMB|pounds|quid|euros?))\s+(?:will|should|'ll|is going to|are going to))\s+(?:\w+\s+){0,3}?(?:have|get|receive|see|be (?:back|in|on|credited|refunded|reversed|returned|cancell?ed|processed|waived|deposited)|arrive|land|show up|appear|hit|reach|come back)\b/gi,
    kind: 'promise',
    unnamed: 'skip',
  },
  {
    re: /\bwill be (?:refunded|credited|cancell?ed|reversed|returned|waived|closed|reset|reactivated|unlocked|compensated|reimbursed|turned off|switched off)\b/gi,
    kind: 'promise',
    unnamed: 'any',
  },
  // I'll make sure it's refunded / rest assured / I guarantee.
  {
    re: /\b(?:I(?:'ll| will)|we(?:'ll| will)|let me)\s+(?:make sure|ensure|see to it|guarantee)\b|\bI (?:promise|guarantee)\b|\brest assured\b|\byou have my word\b/gi,
    kind: 'promise',
    unnamed: 'skip',
  },
  {
    re: /\b(?:I'm|I am|we're|we are)\s+(?:now\s+|currently\s+|just\s+)?(?:refunding|cancell?ing|closing|resetting|reversing|crediting|issuing|waiving|unlocking|unfreezing|reactivating|turning off|switching off|disabling|deleting|deactivating|terminating)\b/gi,
    kind: 'promise',
    unnamed: 'any',
  },
  {
    re: /\b(?:I'm|I am|we're|we are)\s+(?:now\s+|currently\s+|just\s+)?processing\b/gi,
    kind: 'promise',
    unnamed: 'skip',
  },
  {
    re: /\b(?:I'll|I will|we'll|we will|let me)\s+(?:get|have)\s+(?:it|that|this|everything)\s+(?:sorted|fixed|done|taken care of|handled)\b/gi,
    kind: 'promise',
    unnamed: 'any',
  },
];

/** Who did it: "I/we/为您" make the speaker the actor; without them it describes a state. */
const AGENTIVE = /为您|给您|帮您|替您|为你|给你|帮你|我|\b(?:I|we|I've|we've|I'll|we'll)\b/i;

function conceptsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const { concept, words } of CONCEPTS) if (words.test(text)) out.add(concept);
  return out;
}

/** Concepts named by the permissions engine's own parser (its names), kept apart from ours. */
function engineConceptsOf(text: string): Set<string> {
  try {
    return new Set(findActionRequests(text).map((r) => r.concept));
  } catch {
    return new Set();
  }
}

interface Claim {
  phrase: string;
  kind: 'done' | 'promise';
  unnamed: Unnamed;
  clause: Span;
  sentence: Span;
  ours: Set<string>;
  engine: Set<string>;
  agentive: boolean;
}

/** Drops claims that claim nothing: questions, negations, offers, approvals awaited, how things work. */
function claimsSomething(draft: string, c: Omit<Claim, 'ours' | 'engine'>, index: number): boolean {
  if (isQuestion(c.sentence)) return false;
  if (negatedBefore(c.clause, index)) return false;
  if (c.kind === 'done') {
    const gone = /gone ahead and\s+(\w+)/i.exec(c.phrase);
    if (gone && BENIGN_GONE_AHEAD.test(gone[1]!)) return false;
    // 等处理好了再通知您: done only later.
    if (/(?:等|待|之后|以后)/.test(draft.slice(c.clause.start, index))) return false;
    return true;
  }
  if (waitsOnApproval(c.sentence.text)) return false;
  if (isSoftOffer(c.clause.text)) return false;
  if (isGeneralInformation(c.sentence.text) && !/(?:我|我们)|\b(?:I|we)\b/i.test(c.clause.text)) return false;
  return true;
}

function findClaims(draft: string): Claim[] {
  const found: Claim[] = [];
  const seen = new Set<number>();
  for (const marker of MARKERS) {
    for (const m of draft.matchAll(marker.re)) {
      const lead = m[0].length - m[0].trimStart().length;
      const index = m.index + lead;
      // Done! — the phrase's own stop must not make its sentence run on into the next one.
      const phrase = m[0].trim().replace(/[.!?。！？]+$/, '');
      if (seen.has(index)) continue;
      const base = {
        phrase,
        kind: marker.kind,
        unnamed: marker.unnamed,
        clause: clauseAt(draft, index, phrase.length),
        sentence: sentenceAt(draft, index, phrase.length),
        agentive: AGENTIVE.test(phrase),
      };
      if (!claimsSomething(draft, base, index)) continue;
      seen.add(index);
      let ours = conceptsOf(base.clause.text);
      let engine = engineConceptsOf(base.clause.text);
      if (ours.size === 0 && engine.size === 0) {
        // 好的，已经帮您关掉了: the object may sit elsewhere in the sentence.
        ours = conceptsOf(base.sentence.text);
        engine = engineConceptsOf(base.sentence.text);
      }
      // 我已经帮您关掉了 / 已经为您处理 with "I" before the phrase: the speaker acts.
      const agentive =
        base.agentive ||
        /(?:我|我们|我这边)[^，。！？]{0,4}$/.test(draft.slice(base.clause.start, index)) ||
        /\b(?:I|we)(?:'ve| have)?\s+$/i.test(draft.slice(base.clause.start, index));
      found.push({ ...base, agentive, ours, engine });
    }
  }
  return found;
}

function covers(needed: Set<string>, approved: Set<string>): boolean {
  return needed.size > 0 && [...needed].every((c) => approved.has(c));
}

function same(a: number, b: number): boolean {
  return Math.abs(a - b) < 0.005;
}

/** An approved action in this call: a check the engine approved, or a grant recorded for the call. */
export interface Approval {
  action: string;
}

/**
 * Stops a draft that says an action is done, or promises it (马上到账, 今天之内退给您, consider it
 * done, you'll have your money back), unless an approval for that action exists in this call. A
 * state phrased passively (自动续费已关闭) passes when this call's queries show that state.
 */
export function checkActions(input: {
  draft: string;
  approvals: readonly Approval[];
  knownStates: ReadonlySet<StatusName>;
}): GuardVerdict {
  const claims = findClaims(input.draft);
  if (claims.length === 0) return { ok: true };
  const { approvals } = input;
  const approvedOurs = new Set(approvals.flatMap((c) => [...conceptsOf(c.action)]));
  const approvedEngine = new Set(approvals.flatMap((c) => [...engineConceptsOf(c.action)]));
  for (const c of claims) {
    const unnamed = c.ours.size === 0 && c.engine.size === 0;
    if (unnamed && c.unnamed === 'skip') continue;
    const approved = unnamed
      ? approvals.length > 0
      : covers(c.ours, approvedOurs) || covers(c.engine, approvedEngine);
    const fact =
      !unnamed &&
      !c.agentive &&
      [...c.ours, ...c.engine].every((x) => {
        const state = RESULTING_STATE[x];
        return state !== undefined && input.knownStates.has(state);
      });
    if (!approved && !fact) {
      const what = unnamed ? 'an action' : [...(c.ours.size > 0 ? c.ours : c.engine)].join(', ');
      const says = c.kind === 'done' ? `says ${what} is done` : `promises ${what}`;
      const state =
        !c.agentive && c.kind === 'done' && !unnamed ? ', and no query of this call shows that state' : '';
      return {
        ok: false,
        rule: 'commitment_without_approval',
        detail: `"${c.phrase}" ${says}, but no permission check approved it in this call${state} (call check_permission first, and say only what its outcome allows; an offer to apply, or what happens once approved, is fine).`,
      };
    }
    if (!approved) continue;
    // An approved 退款50元 does not vouch for 已为您退款200元.
    const stated = extractAmounts(c.clause.text).map((a) => a.value);
    if (stated.length === 0) continue;
    const matching = approvals.filter((a) => {
      const ours = conceptsOf(a.action);
      const engine = engineConceptsOf(a.action);
      return unnamed || [...c.ours].some((x) => ours.has(x)) || [...c.engine].some((x) => engine.has(x));
    });
    const approvedAmounts = matching.flatMap((a) => extractAmounts(a.action).map((x) => x.value));
    const bad = stated.find((v) => approvedAmounts.length > 0 && !approvedAmounts.some((x) => same(x, v)));
    if (bad !== undefined) {
      return {
        ok: false,
        rule: 'commitment_without_approval',
        detail: `"${c.clause.text.trim()}" commits to ${bad}, but the approved check covers ${approvedAmounts.join(', ')}.`,
      };
    }
  }
  return { ok: true };
}

/** The approvals of this call: checks the engine approved outright, and recorded grants. */
export function approvalsOf(
  checks: readonly PermissionCheckRecord[],
  grants: readonly Approval[] = [],
): Approval[] {
  return [...checks.filter((c) => c.status === 'can_approve_immediately'), ...grants];
}

/** The states the approved actions leave behind (an approved refund makes 退款已到账 sayable). */
export function statesFromApprovals(approvals: readonly Approval[]): StatusName[] {
  const out: StatusName[] = [];
  for (const a of approvals) {
    for (const c of [...conceptsOf(a.action), ...engineConceptsOf(a.action)]) {
      const state = RESULTING_STATE[c];
      if (state) out.push(state);
    }
  }
  return out;
}
