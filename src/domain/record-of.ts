import { CsError } from './cs-error.js';
import type { RecordOf, RecordType, StoredRecord } from './record-schemas.js';

/**
 * A stored document as the record its type names: the one place a generic document becomes a
 * `Product`, `Customer` or `Operator`. Stores call it where their records leave them; the fields
 * were validated when written (a hand-edited file may still be odd: `cs doctor` reports it), so
 * only the type is checked here.
 *
 * @example recordOf('customer', await documents.get('customer', id)) // Customer
 */
export function recordOf<T extends RecordType>(type: T, document: StoredRecord): RecordOf<T> {
  if (document._type !== type) {
    throw new CsError(
      'E_CORRUPT',
      `Record ${document._id} is a ${String(document._type)} where a ${type} was expected; run \`cs doctor\`.`,
    );
  }
  return document as RecordOf<T>;
}
