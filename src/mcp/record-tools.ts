import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { CsError } from '../domain/cs-error.js';
import { isValidPhone, normalizePhone } from '../domain/phone.js';
import type { StoredRecord } from '../domain/record-schemas.js';
import type { CustomerScope, OperationDeps } from '../operations/define-operation.js';
import { getRecordOperation, listRecordsOperation } from '../operations/record-read-operations.js';
import type { RecordRef } from '../records/resolve-record.js';
import type { RecordStore } from '../store/record-store.js';
import type { CallerScope } from './_caller-scope.js';
import { registerOperationTool } from './_operation-tool.js';

const ADMIN_HINT = 'reading other customers needs `cs mcp --admin`';

/** The live callers' records (the only customers an assistant sees without --admin). */
async function liveCallers(store: RecordStore, scope: CallerScope): Promise<StoredRecord[]> {
  const ids = [...(await scope.liveCustomerIds())];
  const found: Array<StoredRecord | undefined> = await Promise.all(
    ids.map((id) => store.get('customer', id)),
  );
  return found.filter((r): r is StoredRecord => r !== undefined);
}

/**
 * A customer as the scope allows: one of the live callers, named by id, phone or name (exact,
 * else a unique part). Anyone else is refused with the same words whether they exist or not, so
 * the refusal says nothing about other customers.
 */
async function scopedCustomer(store: RecordStore, scope: CallerScope, ref: RecordRef): Promise<StoredRecord> {
  const callers = await liveCallers(store, scope);
  if (callers.length === 0) {
    throw new CsError(
      'E_REFUSED',
      `客户记录仅限通话中的来电者 Customer records are readable only for the caller of a live call: start_call first; ${ADMIN_HINT}.`,
    );
  }
  let matches: StoredRecord[];
  if ('id' in ref) {
    matches = callers.filter((c) => c._id === ref.id.trim());
  } else if ('phone' in ref) {
    const phone = normalizePhone(ref.phone);
    if (!isValidPhone(phone)) throw new CsError('E_INVALID', `"${ref.phone}" is not a phone number.`);
    matches = callers.filter((c) => c.phone === phone);
  } else {
    const q = ref.name.trim().toLowerCase();
    const exact = callers.filter((c) => c.name.toLowerCase() === q);
    matches = exact.length > 0 || q === '' ? exact : callers.filter((c) => c.name.toLowerCase().includes(q));
  }
  if (matches.length === 1) return matches[0] as StoredRecord;
  if (matches.length > 1) {
    throw new CsError(
      'E_AMBIGUOUS',
      `Several callers match: ${matches.map((c) => `${c.name} (${c._id})`).join(', ')}. Use the id.`,
    );
  }
  throw new CsError(
    'E_REFUSED',
    `只能查看当前来电者 Only the caller of a live call can be read (${callers.map((c) => c.name).join(', ')}); ${ADMIN_HINT}.`,
  );
}

/**
 * The caller scope as the record (and ticket) operations take it: unset with --admin (every
 * customer).
 */
export function customerScope(store: RecordStore, scope: CallerScope): CustomerScope | undefined {
  if (scope.admin) return undefined;
  return {
    customer: (ref) => scopedCustomer(store, scope, ref),
    customers: () => liveCallers(store, scope),
  };
}

/**
 * `list_records` and `get_record`, the operations `cs list` and `cs read` run: the records a
 * call is about, read-only. Products and operators are open; customers only as far as the scope
 * allows (the live callers).
 */
export function registerRecordTools(server: McpServer, store: RecordStore, scope: CallerScope): void {
  const customers = customerScope(store, scope);
  const deps: OperationDeps = { store, env: {}, ...(customers ? { customers } : {}) };
  for (const operation of [listRecordsOperation, getRecordOperation]) {
    registerOperationTool(server, operation, deps);
  }
}
