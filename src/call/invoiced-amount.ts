import type { Bilingual } from '../domain/language.js';
import type { SystemQueryRecord } from '../domain/session-schemas.js';
import {
  type CompiledRules,
  isMoneyUnit,
  type PermissionDecision,
  parseNumber,
  parseQuantities,
} from '../permissions/index.js';
import { forbiddenRules, overruled } from './overrule.js';
import { verifiedPaid } from './verified-charges.js';

/** An amount said for the paper without its unit (金额写九千八, 开成9800, amount of 9800). */
const AMOUNT_SAID =
  /(?:金额|开成|写成|开到|改成|amount (?:of|to|as)?)\s*(?:写|开|是|为|改成|写成)?\s*([\d.,]+|[零一二两三四五六七八九十百千万]+)/i;

function bareAmount(text: string): number | undefined {
  const said = AMOUNT_SAID.exec(text)?.[1];
  if (said === undefined) return undefined;
  const value = parseNumber(said.replace(/,/g, ''));
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : undefined;
}

/** A rule against invoices that say what was not paid (虚开发票, 与实付不符, a false amount). */
const FALSE_INVOICE =
  /虚开|与实付不符|与实际不符|\bfals|\binflat|not what was paid|other than (?:what|the amount) (?:was )?paid/i;

/**
 * Facts before actions for papers of payment: an invoice or a receipt for an amount must be for
 * what this call's records show was paid (one payment, or all of them). Asked for another amount
 * (开成九千八 for 6,784 paid), it is the product's rule against false invoices that decides, where it
 * has one, else a supervisor; with no payment read, the amount is looked up first (a supervisor
 * decides meanwhile). An invoice asked for without an amount is for what was paid, and stands.
 */
export function boundByInvoicedAmount(
  decision: PermissionDecision,
  queries: readonly SystemQueryRecord[],
  rules: CompiledRules,
): PermissionDecision {
  if (decision.status !== 'can_approve_immediately') return decision;
  // The amount the caller wants on it, as said (the engine keeps one only where a rule limits it).
  // A line asking for one thing says its amount anywhere in it (开个发票，金额写九千八).
  const amountOf = (p: PermissionDecision['parts'][number]): number | undefined => {
    if (p.amount !== undefined && isMoneyUnit(p.amount.unit)) return p.amount.value;
    const text = decision.parts.length === 1 ? decision.action : p.text;
    return parseQuantities(text).find((q) => q.family === 'money')?.value ?? bareAmount(text);
  };
  const invoiced = decision.parts.filter((p) => p.concept === 'invoice' && amountOf(p) !== undefined);
  if (invoiced.length === 0) return decision;
  const paid = verifiedPaid(queries).items.map((i) => i.value);
  const total = paid.reduce((a, b) => a + b, 0);
  const isPaid = (value: number) =>
    paid.some((p) => Math.abs(p - value) < 0.01) || (paid.length > 1 && Math.abs(total - value) < 0.01);
  const wrong = invoiced.find((p) => !isPaid(amountOf(p)!));
  if (!wrong) return decision;
  const amount = amountOf(wrong)!;
  // With no payment read the amount is not known to be false: it is looked up first.
  const against = paid.length === 0 ? undefined : forbiddenRules(rules, FALSE_INVOICE)[0];
  const reasons: Bilingual = against
    ? {
        zh: `属于禁止操作(${against.text})：发票金额${amount}与本次通话查到的实付金额不符`,
        en: `forbidden (${against.text}): ${amount} is not what this call's records show was paid`,
      }
    : paid.length === 0
      ? {
          zh: `本次通话还没有查到付款记录，发票金额${amount}无法核实，不能直接开具；请先查询付款`,
          en: `no payment has been read in this call, so ${amount} cannot be checked: look up what was paid first`,
        }
      : {
          zh: `发票金额${amount}与本次通话查到的实付金额不符，不能直接开具，需主管核实`,
          en: `${amount} is not what this call's records show was paid; a supervisor must check before it is invoiced`,
        };
  return overruled(decision, (part) =>
    part === wrong
      ? { status: against ? 'forbidden' : 'requires_supervisor', rule: against?.text ?? null, reasons }
      : undefined,
  );
}
