import type { CallContext } from '../../call/call-agent.js';
import { moneyOwedShown } from '../../call/money-owed.js';
import { statesShown } from '../../call/states-shown.js';
import { localMinute } from '../../domain/clock.js';
import type { Language } from '../../domain/language.js';
import { tokenize } from '../../knowledge/index.js';
import {
  type CheckPermissionOptions,
  type CompiledRules,
  checkPermission,
  compileRules,
  NOTE_DASH,
  type PermissionDecision,
  ruleActions,
} from '../../permissions/index.js';

const compiledRules = new WeakMap<object, CompiledRules>();

/** The call's compiled rules (the session's, cached); compiled here only outside a session. */
export function rulesOf(ctx: CallContext): CompiledRules {
  if (ctx.rules) return ctx.rules();
  let rules = compiledRules.get(ctx.product);
  if (!rules) {
    rules = compileRules(ctx.product.operator_permissions);
    compiledRules.set(ctx.product, rules);
  }
  return rules;
}

/**
 * How the session will decide an action, read ahead: against the call's rules with the facts
 * `CallSession.checkPermission` gives them, the states its queries showed so far (see
 * `CheckPermissionOptions.facts`) and whether they showed money owed; limits added up and charges
 * verified are the session's.
 */
export function decideAhead(
  ctx: CallContext,
  action: string,
  caller?: CheckPermissionOptions['caller'],
): PermissionDecision {
  const now = ctx.now?.() ?? new Date();
  return checkPermission(rulesOf(ctx), action, {
    facts: statesShown(ctx.systemQueries, now),
    today: localMinute(now),
    moneyOwed: moneyOwedShown(ctx.systemQueries),
    ...(caller === undefined ? {} : { caller }),
  });
}

/**
 * Of the product's rules for an action (`wanted` picks the concept), the one whose phrase shares
 * the most of `words`: what the call says decides which of several rules is meant (退还增值业务费 or
 * 退还话费 for a refund; cancel subscription or close account for "cancel it"). None on a tie or
 * when none shares a word, unless `onlyOne` and there is a single such rule. Rules `ruledOut`
 * (a state the caller said is their opposite) and forbidden rules are not among them.
 */
export function ruleSharingWords(
  ctx: CallContext,
  wanted: (concept: string) => boolean,
  words: ReadonlySet<string>,
  options: { onlyOne?: boolean; ruledOut?: (phrase: string) => boolean } = {},
): { phrase: string; concept: string } | undefined {
  // One entry per rule as written: its phrases (the whole, with its note, and the shorter ones)
  // are scored by all their words, and the shortest is what the request is called.
  const byText = new Map<string, { phrases: string[]; concept: string }>();
  for (const rule of ruleActions(rulesOf(ctx))) {
    // A forbidden rule's words are never what the caller asked in other words: read as the
    // request, they would make it forbidden (为他人账号…解封 for 我的号被封了).
    if (rule.category === 'forbidden') continue;
    const concept = rule.concepts.find(wanted);
    if (concept === undefined || options.ruledOut?.(rule.phrase)) continue;
    const entry = byText.get(rule.text);
    if (entry) entry.phrases.push(rule.phrase);
    else byText.set(rule.text, { phrases: [rule.phrase], concept });
  }
  // Rules that differ only in their limit (退款<100元, 退款>=100元) are one phrase here.
  const byPhrase = new Map<string, { phrase: string; concept: string; shared: number }>();
  for (const { phrases, concept } of byText.values()) {
    const phrase = phrases.reduce((a, b) => (b.length < a.length ? b : a));
    const shared = new Set(phrases.flatMap((p) => tokenize(p)).filter((t) => words.has(t))).size;
    const known = byPhrase.get(phrase);
    if (!known || known.shared < shared) byPhrase.set(phrase, { phrase, concept, shared });
  }
  const scored = [...byPhrase.values()].sort((a, b) => b.shared - a.shared);
  const [best, next] = scored;
  if (!best) return undefined;
  if (scored.length === 1 && options.onlyOne) return best;
  return best.shared === 0 || best.shared === next?.shared ? undefined : best;
}

/** A rule as written without its notes in brackets (质量问题（烂、坏）：… → 质量问题：…). */
export function withoutRuleNotes(rule: string): string {
  // Green to Clean ($349 …), callouts: the space a note leaves before a comma goes with it.
  return rule
    .replace(/\s*[（(][^）)]*[）)]?/g, '')
    .replace(/\s+(?=[,，.。;；:：])/g, '')
    .trim();
}

/** A clause of a rule that says how long its case takes (3-5个工作日, within 10 business days). */
const TERM_CLAUSE =
  /\d+(?:\s*(?:[-~～至到—–]|to)\s*\d+)?\s*(?:个)?(?:工作日|小时|天|日)|\b\d+(?:\s*(?:-|–|to)\s*\d+)?\s*(?:business |working )?(?:days|hours)\b/i;

/** What the business does in the time a clause gives: answers, handles, calls back, pays out. */
const ITS_OWN_STEP =
  /答复|回复|回电|回访|处理|办结|联系|上门|到账|审核|核查|完成|\b(?:respond|reply|replies|answer|contact|call(?:s)? (?:you )?back|process(?:ed)?|deci(?:de|ded|sion)|review|paid|refunded)/i;

/**
 * The clause of the rule (in its note, after a comma or a colon) that says how long its case
 * takes. Of several, the one the business acts in (客户服务中心5个工作日内答复) rather than the
 * caller's window to report (事发7天内登记): that is what the caller waits for.
 */
export function termOf(rule: string | null): string | undefined {
  if (rule === null) return undefined;
  const terms = rule
    .split(/[，,；;（）()：:]/)
    .flatMap((c) => c.split(NOTE_DASH))
    .map((c) => c.trim())
    .filter(
      (c) =>
        TERM_CLAUSE.test(c) && !/[<>≤≥]|以内|以上|超过|不超过|up to|over|under|more than|less than/i.test(c),
    );
  return terms.find((c) => ITS_OWN_STEP.test(c)) ?? terms[0];
}

/**
 * 电话代订包间：登记预订人姓名和来电手机号，短信发支付链接…: what the approving rule says happens
 * next (a link sent, the code to the booker's phone), said after the approval so the caller knows
 * what to expect. Only a short sentence of steps after the rule's colon, without its notes.
 */
export function stepsSaid(rule: string | null, lang: Language): string {
  if (rule === null) return '';
  // The colon that opens the steps, not one of a time (17:00).
  const colon = rule.search(/：|(?<!\d):(?!\d)/);
  if (colon < 0) return '';
  const steps = rule
    .slice(colon + 1)
    .replace(/（[^）]*）|\([^)]*\)/g, '')
    .split(/[；;]/)[0]!
    .split(NOTE_DASH)[0]!
    .trim()
    .replace(/[。.，,]$/, '');
  // A note opened before the colon and closed after it leaves half a sentence: none is said.
  if (steps === '' || steps.length > (lang === 'zh' ? 60 : 160) || /[<>≤≥（）()]/.test(steps)) return '';
  return lang === 'zh' ? ` 按规定：${steps}。` : ` As our rules say: ${steps}.`;
}
