import { normalizePhone } from '../domain/phone.js';
import type { Customer } from '../domain/record-schemas.js';
import { customerLookupKeys } from '../guard/customer-lookup-keys.js';
import type { RecordStore } from '../store/record-store.js';

/** Lookups in flight at once: a long draft has hundreds of candidate names. */
const LOOKUPS_AT_ONCE = 16;

/**
 * The stored customers a draft may name, by their phone or their name, as the reply guard
 * compares them (`{ name, phone }`, phone normalised). Found with indexed lookups of what the
 * draft holds (see `customerLookupKeys`), never by listing every customer, so guarding a reply
 * costs the same in a store of any size.
 *
 * @example await customersNamedIn({ store, draft: '李女士的号码是13912345678' }) // [{ name: '李女士', phone: '13912345678' }]
 */
export async function customersNamedIn(options: {
  store: RecordStore;
  draft: string;
}): Promise<Array<{ name: string; phone: string }>> {
  const { store, draft } = options;
  const keys = customerLookupKeys(draft);
  const lookups: Array<() => Promise<Customer | Customer[] | undefined>> = [
    ...keys.phones.map((phone) => () => store.findCustomerByPhone(phone)),
    ...keys.names.map((name) => () => store.findByName('customer', name)),
  ];
  const found = new Map<string, { name: string; phone: string }>();
  for (let i = 0; i < lookups.length; i += LOOKUPS_AT_ONCE) {
    const batch = await Promise.all(lookups.slice(i, i + LOOKUPS_AT_ONCE).map((lookup) => lookup()));
    for (const customer of batch.flat()) {
      if (customer) found.set(customer._id, { name: customer.name, phone: phoneOf(customer) });
    }
  }
  return [...found.values()];
}

/** The customer's phone as the guard compares it; a hand-edited file may hold it as a number, or none. */
function phoneOf(customer: Customer): string {
  const phone: unknown = customer.phone;
  return typeof phone === 'string' || typeof phone === 'number' ? normalizePhone(String(phone)) : '';
}
