import { randomBytes } from 'node:crypto';
import { CsError } from '../domain/cs-error.js';
import { isValidPhone, normalizePhone } from '../domain/phone.js';
import type { Customer, Operator, Product } from '../domain/record-schemas.js';
import { resolveRecord } from '../records/resolve-record.js';
import type { RecordStore } from '../store/record-store.js';

/** Who is calling: by phone (unknown numbers become cold starts), by name, or a new caller. */
export type CallerRef = { phone: string } | { customer: string } | { new: true; phone?: string };

export interface CallParticipants {
  product: Product;
  operator: Operator;
  customer: Customer;
  /** The caller's normalised phone; '' for a new caller who gave none. */
  phone: string;
  coldStart: boolean;
}

/**
 * Step 1 and 2 of the seed: loads product and operator (stopping with what exists when one is
 * missing) and finds or creates the customer.
 */
export async function startCall(options: {
  store: RecordStore;
  product: string | undefined;
  operator: string | undefined;
  caller: CallerRef | undefined;
}): Promise<CallParticipants> {
  const { store } = options;
  if (!options.product)
    throw new CsError('E_USAGE', 'Name the product with --product (cs list --type product).');
  if (!options.operator)
    throw new CsError('E_USAGE', 'Name the operator strategy with --operator (cs list --type operator).');
  if (!options.caller) {
    throw new CsError(
      'E_USAGE',
      'Say who is calling: --phone NUMBER, --customer NAME, or --new for a new caller.',
    );
  }
  const product = await resolveRecord(store, 'product', { name: options.product });
  const operator = await resolveRecord(store, 'operator', { name: options.operator });
  const caller = options.caller;

  if ('customer' in caller) {
    const customer = await resolveRecord(store, 'customer', { name: caller.customer });
    return {
      product,
      operator,
      customer,
      // A customer whose phone is still unknown (a new caller who gave none) has ''.
      phone: customer.phone === undefined ? '' : String(customer.phone),
      coldStart: Boolean(customer._cold_start),
    };
  }
  if ('phone' in caller && caller.phone !== undefined) {
    const phone = normalizePhone(caller.phone);
    if (!isValidPhone(phone)) {
      throw new CsError(
        'E_INVALID',
        `"${caller.phone}" is not a phone number (5 to 20 digits; spaces, dashes and +86 are fine).`,
      );
    }
    const known = await store.findCustomerByPhone(phone);
    if (known) return { product, operator, customer: known, phone, coldStart: Boolean(known._cold_start) };
    const customer = await createColdStartCustomer(store, phone);
    return { product, operator, customer, phone, coldStart: true };
  }
  // A new caller without a number: a cold start with no phone until they give one
  // (docs/decisions/001-cold-start-callers.md). `phone` is '' and queries about the account
  // are refused until then.
  const customer = await createColdStartCustomer(store, undefined);
  return { product, operator, customer, phone: '', coldStart: true };
}

/**
 * A cold-start customer: `来电客户_<last 4 digits>`, type new, `_cold_start: true`. Without a
 * phone: `来电客户_新_<4 hex>` (several new callers at once stay apart) and `_phone_unknown: true`.
 */
async function createColdStartCustomer(store: RecordStore, phone: string | undefined): Promise<Customer> {
  const fields: Record<string, unknown> = {
    name:
      phone === undefined ? `来电客户_新_${randomBytes(2).toString('hex')}` : `来电客户_${phone.slice(-4)}`,
    ...(phone === undefined ? {} : { phone }),
    type: 'new',
    background: '首次来电，暂无资料',
    communication_style: '待了解',
    special_needs: '待了解',
    interaction_history: [],
    _cold_start: true,
    ...(phone === undefined ? { _phone_unknown: true } : {}),
  };
  try {
    return await store.create('customer', fields);
  } catch (error) {
    // Another process created this caller a moment ago: use that record.
    if (phone !== undefined && CsError.isInstance(error) && error.code === 'E_CONFLICT') {
      const found = await store.findCustomerByPhone(phone);
      if (found) return found;
    }
    throw error;
  }
}
