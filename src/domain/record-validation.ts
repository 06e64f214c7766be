import { CsError, describeIssues } from './cs-error.js';
import { FIELD_SCHEMAS, type RecordType } from './record-schemas.js';

/** Where a customer's `interaction_history` that is not a list is kept when the record is rewritten. */
export const LEGACY_HISTORY_FIELD = 'interaction_history_legacy';

/**
 * Validates a record's user fields for its type. Metadata fields (leading `_`) pass through
 * untouched, as do fields the schema does not know.
 *
 * Stored records are read tolerantly (see `tolerateStoredFields`): a phone written as a number
 * is a phone (returned as a string), and an `interaction_history` that is not a list is moved to
 * `interaction_history_legacy`, so a record edited by hand or by another tool never makes a
 * call or an update unsaveable.
 */
export function validateRecordFields(
  type: RecordType,
  data: Record<string, unknown>,
  options: { phoneUnknown?: boolean } = {},
): Record<string, unknown> {
  // A new caller who gave no number (`_phone_unknown`) is a customer without a phone until then.
  const schema =
    type === 'customer' && options.phoneUnknown && data.phone === undefined
      ? FIELD_SCHEMAS.customer.partial({ phone: true })
      : FIELD_SCHEMAS[type];
  const result = schema.safeParse(tolerateStoredFields(type, data));
  if (!result.success) {
    throw new CsError('E_INVALID', `Invalid ${type}: ${describeIssues(result.error.issues)}.`);
  }
  return result.data as Record<string, unknown>;
}

/**
 * The fields with a customer's non-list `interaction_history` moved aside to
 * `interaction_history_legacy` (or `_legacy_2` ... when that name is taken) and an empty list in
 * its place; anything else is returned as it is. Nothing is lost: the old value is kept whole.
 *
 * @example tolerateStoredFields('customer', { interaction_history: 'x' })
 * // { interaction_history: [], interaction_history_legacy: 'x' }
 */
export function tolerateStoredFields(
  type: RecordType,
  data: Record<string, unknown>,
): Record<string, unknown> {
  const history = data.interaction_history;
  if (type !== 'customer' || history === undefined || Array.isArray(history)) return data;
  let key = LEGACY_HISTORY_FIELD;
  for (let n = 2; Object.hasOwn(data, key); n++) key = `${LEGACY_HISTORY_FIELD}_${n}`;
  return { ...data, interaction_history: [], [key]: history };
}
