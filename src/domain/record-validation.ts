import { CsError, describeIssues } from './cs-error.js';
import { FIELD_SCHEMAS, type RecordType } from './record-schemas.js';

/**
 * Validates a record's user fields for its type. Metadata fields (leading `_`) pass through
 * untouched, as do fields the schema does not know.
 */
export function validateRecordFields(
  type: RecordType,
  data: Record<string, unknown>,
): Record<string, unknown> {
  const result = FIELD_SCHEMAS[type].safeParse(data);
  if (!result.success) {
    throw new CsError('E_INVALID', `Invalid ${type}: ${describeIssues(result.error.issues)}.`);
  }
  return result.data as Record<string, unknown>;
}
