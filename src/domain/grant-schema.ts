import { z } from 'zod';
import { QUANTITY_UNITS } from './units.js';

/** Units an approved amount is measured in (the permission engine's). */
export const GrantUnitSchema = z.enum(QUANTITY_UNITS);

/**
 * A single-use approval: what one `can_approve_immediately` decision allows, bound to the call,
 * the customer, the action and the product's rules as they were (`rules_hash`). Carrying the
 * action out consumes it; `consumed_at` is set once, by exactly one process.
 */
export const GrantSchema = z.object({
  grant_id: z.string().regex(/^gr_[0-9a-f]{16}$/),
  call_id: z.string().min(1),
  customer_id: z.string().min(1),
  product_id: z.string().min(1),
  /** The action as checked, normalised (what `performApprovedAction` matches). */
  action: z.string(),
  /** The engine's concept (refund ...), or `other` for an action the lexicon does not know. */
  concept: z.string(),
  /** The action's own amount (N×X for a repeated amount), null when it names none. */
  amount: z.object({ value: z.number(), unit: GrantUnitSchema }).nullable(),
  /** The rule that approved it. */
  rule: z.string().nullable(),
  /** sha256 of the product's `operator_permissions` when it was issued. */
  rules_hash: z.string(),
  /** ISO 8601 in UTC. */
  issued_at: z.string(),
  consumed_at: z.string().nullable(),
  /** Who carried it out: `<host>:<pid>` of the process. */
  consumed_by: z.string().nullable(),
});

export type Grant = z.infer<typeof GrantSchema>;
