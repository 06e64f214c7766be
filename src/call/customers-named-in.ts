import { normalizePhone } from '../domain/phone.js';
import type { Customer } from '../domain/record-schemas.js';
import { customerLookupKeys } from '../guard/customer-lookup-keys.js';
import type { RecordStore } from '../store/record-store.js';

/**
 * The stored customers a draft may name, by their phone or their name, as the reply guard
 * compares them (`{ name, phone }`, phone normalised). Found by indexed lookups of what the draft
 * holds (see `customerLookupKeys`: its phones one by one, its candidate names in one
 * `findByNames`), never by listing every customer, so guarding a reply costs the same in a store
 * of any size.
 *
 * @example await customersNamedIn({ store, draft: '李女士的号码是13912345678' }) // [{ name: '李女士', phone: '13912345678' }]
 */
export async function customersNamedIn(options: {
  store: RecordStore;
  draft: string;
}): Promise<Array<{ name: string; phone: string }>> {
  const { store, draft } = options;
  const keys = customerLookupKeys(draft);
  const [byPhone, byName] = await Promise.all([
    Promise.all(keys.phones.map((phone) => store.findCustomerByPhone(phone))),
    keys.names.length === 0 ? [] : store.findByNames('customer', keys.names),
  ]);
  const found = new Map<string, { name: string; phone: string }>();
  for (const customer of [...byPhone, ...byName]) {
    if (customer) found.set(customer._id, { name: customer.name, phone: phoneOf(customer) });
  }
  return [...found.values()];
}

/** The customer's phone as the guard compares it; a hand-edited file may hold it as a number, or none. */
function phoneOf(customer: Customer): string {
  const phone: unknown = customer.phone;
  return typeof phone === 'string' || typeof phone === 'number' ? normalizePhone(String(phone)) : '';
}
