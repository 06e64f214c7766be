/**
 * Single-use approvals (grants) of a call: how one is named, matched, counted into limits that
 * add up, and refused. The call session issues and consumes them through a GrantStore.
 */
import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { z } from 'zod';
import { CsError } from '../domain/cs-error.js';
import type { Grant } from '../domain/grant-schema.js';
import type { Customer, Product } from '../domain/record-schemas.js';
import type {
  ActionRequest,
  CountedAmount,
  PermissionDecision,
  PermissionPart,
} from '../permissions/index.js';

/** The rolling window limits add up over, unless a product sets `permission_window_hours`. */
export const DEFAULT_PERMISSION_WINDOW_HOURS = 24;

// At most a year: a longer window would read every grant a customer ever had.
const WindowHoursSchema = z.number().positive().max(8760);

/**
 * The product's window for limits that add up: its `permission_window_hours` when that is a
 * positive number of hours (at most 8760), else 24.
 */
export function permissionWindowHours(product: Product): number {
  const parsed = WindowHoursSchema.safeParse(product.permission_window_hours);
  return parsed.success ? parsed.data : DEFAULT_PERMISSION_WINDOW_HOURS;
}

/** sha256 of the product's `operator_permissions`: a change of the rules invalidates its grants. */
export function rulesHash(product: Product): string {
  return createHash('sha256')
    .update(JSON.stringify(product.operator_permissions ?? null))
    .digest('hex');
}

/**
 * The action as a grant keeps it: full-width folded, lower case, spaces collapsed, end
 * punctuation dropped, so `退款50元。` and `退款50元` name one approval.
 */
export function normalizeAction(action: string): string {
  return action
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s,.;:!?，。；：！？、]+|[\s,.;:!?，。；：！？、]+$/g, '');
}

/** Who consumed a grant: host and process id. */
export function consumerName(): string {
  return `${hostname()}:${process.pid}`;
}

/** The one part a grant can be issued for; undefined when the decision holds several. */
export function grantablePart(decision: PermissionDecision): PermissionPart | undefined {
  if (decision.status !== 'can_approve_immediately' || decision.parts.length !== 1) return undefined;
  return decision.parts[0];
}

/** A new grant for an approved single action. */
export function newGrant(input: {
  callId: string;
  customer: Customer;
  product: Product;
  action: string;
  part: PermissionPart;
  rule: string | null;
  rulesHash: string;
  now: Date;
}): Grant {
  const { part } = input;
  return {
    grant_id: `gr_${randomBytes(8).toString('hex')}`,
    call_id: input.callId,
    customer_id: input.customer._id,
    product_id: input.product._id,
    action: normalizeAction(input.action),
    concept: part.concept ?? 'other',
    amount: part.amount ? { value: part.amount.value, unit: part.amount.unit } : null,
    rule: input.rule,
    rules_hash: input.rulesHash,
    issued_at: input.now.toISOString(),
    consumed_at: null,
    consumed_by: null,
  };
}

/**
 * What limits add up: the amounts of the product's grants for this customer in the window,
 * carried out or still open, except open ones the rules no longer allow (they can never be
 * used) and `except` (an open approval of this very action, which a repeated check reuses).
 */
export function countedAmounts(
  grants: readonly Grant[],
  options: { callId: string; productId: string; rulesHash: string; except?: string },
): CountedAmount[] {
  const out: CountedAmount[] = [];
  for (const g of grants) {
    if (g.product_id !== options.productId || g.grant_id === options.except || !g.amount) continue;
    if (g.consumed_at === null && g.rules_hash !== options.rulesHash) continue;
    out.push({
      concept: g.concept,
      value: g.amount.value,
      unit: g.amount.unit,
      scope: g.call_id === options.callId ? 'call' : 'window',
    });
  }
  return out;
}

/**
 * This call's open grants that may carry out `action`, best first: the same action text, then
 * the same single request (concept and amount, 给客户退款15元 for 退款15元).
 */
export function grantsFor(
  grants: readonly Grant[],
  action: string,
  request: ActionRequest | undefined,
): Grant[] {
  const key = normalizeAction(action);
  const exact = grants.filter((g) => g.action === key);
  const same = grants.filter((g) => g.action !== key && request !== undefined && sameRequest(g, request));
  return [...exact, ...same];
}

function sameRequest(grant: Grant, request: ActionRequest): boolean {
  if (grant.concept !== request.concept) return false;
  const q = request.quantity;
  if (!grant.amount || !q) return !grant.amount && !q;
  return grant.amount.value === q.value && grant.amount.unit === q.unit;
}

/** The refusal when no unused approval covers an action. */
export function noGrant(action: string, why: 'none' | 'rules_changed' | 'several'): CsError {
  const zh = action.trim();
  if (why === 'several') {
    return new CsError(
      'E_REFUSED',
      `"${zh}"包含多项操作，请逐项检查并分别办理 / "${zh}" asks for several actions: check each with cs permit and carry it out on its own.`,
    );
  }
  if (why === 'rules_changed') {
    return new CsError(
      'E_REFUSED',
      `产品权限规则已变更，"${zh}"的批准已失效，请重新检查 / the product's rules changed since "${zh}" was approved; check it again with cs permit.`,
    );
  }
  return new CsError(
    'E_REFUSED',
    `本次通话中没有"${zh}"未使用的批准，请先用 cs permit 检查 / no unused approval for "${zh}" in this call; check it with cs permit first.`,
  );
}

/** Notes on an approval of several actions: each needs its own check and its own act. */
export function severalActionsNote(decision: PermissionDecision): PermissionDecision {
  const zh = '；包含多项操作，请逐项检查并分别办理';
  const en = '; several actions: check and carry out each on its own';
  const reasons = decision.reasons ?? { zh: decision.reason, en: decision.reason };
  const next = { zh: reasons.zh + zh, en: reasons.en + en };
  return { ...decision, reasons: next, reason: decision.reason === reasons.zh ? next.zh : next.en };
}
