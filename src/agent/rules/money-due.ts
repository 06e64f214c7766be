import type { CallContext } from '../../call/call-agent.js';
import { amountsOwed, type QuotedCase, singular } from '../../call/money-owed.js';
import { tokenize } from '../../knowledge/index.js';
import { numbersSaid } from '../../permissions/index.js';
import { callerLines } from './caller-words.js';

// What this call's queries say is due back to the caller (see `amountsOwed`), or the one quoted
// case the caller means. Read before a refund is checked, so the sum checked is the records', not
// the caller's guess.

/**
 * The one amount the latest answers of this call's queries say is due back, if exactly one: a
 * quote of the refund the records make (two amounts, of two orders, say neither).
 */
export function refundDue(ctx: CallContext, asked?: string): number | undefined {
  const { amounts, cases } = amountsOwed(ctx.systemQueries);
  if (amounts.size === 1) return [...amounts][0];
  return amounts.size === 0 ? caseMeant(ctx, cases, asked) : undefined;
}

/**
 * The refund of the one case the caller means: the only one quoted, or the one whose words (its
 * numbers too: the eight you didn't bring, for short_8) the request's own words share most, then
 * the caller's last line's, then the call's. Undefined when none or several are as likely.
 */
function caseMeant(ctx: CallContext, cases: readonly QuotedCase[], asked?: string): number | undefined {
  const amounts = new Set(cases.map((c) => c.amount));
  if (amounts.size <= 1) return [...amounts][0];
  const lines = callerLines(ctx);
  // Bring six to replace the hard ones, and give me back the money for the eight: the clause
  // asking money back names its case.
  const moneyClauses = (asked ?? '').split(/[,.;!?，。；！？]/).filter((c) => MONEY_BACK_CLAUSE.test(c));
  for (const said of [moneyClauses, asked === undefined ? [] : [asked], lines.slice(-1), lines]) {
    const words = wordsAndNumbers(said.join('，'));
    const score = (c: QuotedCase): number => c.words.filter((w) => words.has(w)).length;
    const best = Math.max(...cases.map(score));
    if (best === 0) continue;
    const meant = new Set(cases.filter((c) => score(c) === best).map((c) => c.amount));
    return meant.size === 1 ? [...meant][0] : undefined;
  }
  return undefined;
}

/** A clause asking money back, in any words (refund, money back, give me back, 退). */
const MONEY_BACK_CLAUSE = /\b(?:refund\w*|money|back|reimburs\w*)\b|退|还/i;

/** A line's words, their plurals cut (chairs → chair), and the numbers it says in any form (eight, 两百). */
function wordsAndNumbers(line: string): Set<string> {
  const out = new Set(tokenize(line).map(singular));
  for (const n of numbersSaid(line)) out.add(String(n));
  return out;
}
