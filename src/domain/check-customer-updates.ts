import { CsError } from './cs-error.js';
import { checkRecordSizes } from './size-limits.js';

/**
 * Checks what the end of a call may change about its customer (`--update-customer`,
 * `update_customer`, a review's `customer_updates`): within the size limits, and never the
 * phone. The phone is who the call was from; changing it is an edit of the record, made on
 * purpose with `cs update customer`, not a side effect of a review (which would otherwise
 * record a phone the customer does not have).
 *
 * @example checkCustomerUpdates({ communication_style: '直接' }, '--update-customer') // passes
 */
export function checkCustomerUpdates(updates: Record<string, unknown>, label: string): void {
  if (Object.hasOwn(updates, 'phone')) {
    throw new CsError(
      'E_USAGE',
      `${label} cannot change the phone: a call's review keeps the caller's number (通话小结不能修改电话); use \`cs update customer --id ID --updates '{"phone":"..."}'\`.`,
    );
  }
  checkRecordSizes(updates, label);
}
