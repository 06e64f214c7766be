import { CsError } from '../domain/cs-error.js';
import { normalizePhone } from '../domain/phone.js';
import { recordOf } from '../domain/record-of.js';
import type { RecordOf, RecordType } from '../domain/record-schemas.js';
import type { RecordStore } from '../store/record-store.js';

/** How a command names a record: `--id`, `--name` or `--phone` (customers). */
export type RecordRef = { id: string } | { name: string } | { phone: string };

const TYPE_ZH: Record<RecordType, string> = { product: '产品', customer: '客户', operator: '策略' };

/**
 * Finds one record, typed by `type` (`resolveRecord(store, 'customer', ref)` is a `Customer`).
 * Order: exact id, exact name, then a unique partial name. Several candidates is an
 * E_AMBIGUOUS error listing them; none is E_NOT_FOUND listing what exists.
 */
export async function resolveRecord<T extends RecordType>(
  store: RecordStore,
  type: T,
  ref: RecordRef,
): Promise<RecordOf<T>> {
  if ('phone' in ref) {
    if (type !== 'customer') throw new CsError('E_USAGE', `--phone looks up customers only, not ${type}s.`);
    const phone = normalizePhone(ref.phone);
    const found = await store.findCustomerByPhone(phone);
    if (!found) throw new CsError('E_NOT_FOUND', `No customer with phone ${phone} (客户不存在).`);
    // `type` is 'customer' here, which TypeScript cannot carry over to T: recordOf says so.
    return recordOf(type, found);
  }
  if ('id' in ref) {
    const found = await store.get(type, ref.id.trim());
    if (found) return found;
    // An id may also have been given as a name (seed scripts accepted either for --name).
    const byName = await store.findByName(type, ref.id.trim());
    if (byName.length === 1) return byName[0]!;
    throw new CsError(
      'E_NOT_FOUND',
      `No ${type} with id ${ref.id} (${TYPE_ZH[type]}不存在). ${await existing(store, type)}`,
    );
  }
  const query = ref.name.trim();
  if (query === '') throw new CsError('E_USAGE', `--name must not be empty.`);
  const byId = /^[0-9a-f]{8}$/.test(query) ? await store.get(type, query) : undefined;
  if (byId) return byId;
  const exact = await store.findByName(type, query);
  if (exact.length === 1) return exact[0]!;
  if (exact.length > 1)
    throw ambiguous(
      type,
      query,
      exact.map((r) => ({ id: r._id, name: r.name })),
    );
  const summaries = await store.summaries(type);
  const q = query.toLowerCase();
  const partial = summaries.filter((s) => s.name.toLowerCase().includes(q));
  if (partial.length === 1) {
    const hit = await store.get(type, partial[0]!.id);
    if (hit) return hit;
  }
  if (partial.length > 1) throw ambiguous(type, query, partial);
  throw new CsError(
    'E_NOT_FOUND',
    `No ${type} named "${query}" (${TYPE_ZH[type]}不存在). ${await existing(store, type)}`,
  );
}

function ambiguous(
  type: RecordType,
  query: string,
  candidates: Array<{ id: string; name: string }>,
): CsError {
  const list = candidates
    .slice(0, 10)
    .map((c) => `${c.name} (${c.id})`)
    .join(', ');
  return new CsError(
    'E_AMBIGUOUS',
    `"${query}" matches ${candidates.length} ${type}s: ${list}${candidates.length > 10 ? ', ...' : ''}. Use --id or the full name.`,
    { details: { candidates } },
  );
}

/** "Existing: a, b, c" for not-found messages, so the user sees what to type. */
async function existing(store: RecordStore, type: RecordType): Promise<string> {
  const all = await store.summaries(type);
  if (all.length === 0) return `There are no ${type}s yet: create one with \`cs create ${type}\`.`;
  const names = all.slice(0, 10).map((s) => s.name);
  return `Existing: ${names.join(', ')}${all.length > 10 ? ` (+${all.length - 10} more)` : ''}.`;
}
