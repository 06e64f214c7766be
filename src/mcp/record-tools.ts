import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { CsError } from '../domain/cs-error.js';
import { isValidPhone, normalizePhone } from '../domain/phone.js';
import { RECORD_TYPES, type RecordType, type StoredRecord } from '../domain/record-schemas.js';
import { type RecordRef, resolveRecord } from '../records/resolve-record.js';
import type { RecordStore, RecordSummary } from '../store/record-store.js';
import type { CallerScope } from './_caller-scope.js';
import { guarded, toolResult } from './_tool-result.js';

const TYPE_ZH: Record<RecordType, string> = { product: '产品', customer: '客户', operator: '策略' };

/** Exactly one of name, id or phone, as `cs read` takes them. */
function recordRef(args: {
  name?: string | undefined;
  id?: string | undefined;
  phone?: string | undefined;
}): RecordRef {
  const given = [args.name, args.id, args.phone].filter((v) => v !== undefined);
  if (given.length !== 1)
    throw new CsError('E_USAGE', 'Give exactly one of name, id or phone (phone for customers).');
  if (args.id !== undefined) return { id: args.id };
  if (args.phone !== undefined) return { phone: args.phone };
  return { name: args.name as string };
}

const ADMIN_HINT = 'reading other customers needs `cs mcp --admin`';

/** The live callers' records (the only customers an assistant sees without --admin). */
async function liveCallers(store: RecordStore, scope: CallerScope): Promise<StoredRecord[]> {
  const ids = [...(await scope.liveCustomerIds())];
  const found = await Promise.all(ids.map((id) => store.get('customer', id)));
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

async function summariesInScope(
  store: RecordStore,
  scope: CallerScope,
  type: RecordType,
): Promise<RecordSummary[]> {
  if (type !== 'customer' || scope.admin) return store.summaries(type);
  return (await liveCallers(store, scope)).map((c) => ({
    id: c._id,
    type: 'customer',
    name: c.name,
    ...(typeof c.phone === 'string' ? { phone: c.phone } : {}),
  }));
}

/**
 * `list_records` and `get_record`: the records a call is about, read-only. Products and
 * operators are open; customers only as far as the scope allows (the live callers).
 */
export function registerRecordTools(server: McpServer, store: RecordStore, scope: CallerScope): void {
  server.registerTool(
    'list_records',
    {
      title: 'List records',
      description:
        'Lists the products and operator strategies in the database (id, name), and the customers you may see: the ' +
        'callers of your live calls (id, name, phone). Use it to find the exact product and operator names before start_call.',
      inputSchema: {
        type: z.enum(RECORD_TYPES).optional().describe('only this record type; all three when omitted'),
      },
      annotations: { readOnlyHint: true },
    },
    guarded(async ({ type }) => {
      const types = type ? [type] : [...RECORD_TYPES];
      const rows = (await Promise.all(types.map((t) => summariesInScope(store, scope, t)))).flat();
      const text =
        rows.length === 0
          ? '数据库为空 The database has no records yet (create them with `cs create`).'
          : types
              .map((t) => {
                const of = rows.filter((r) => r.type === t);
                const lines = of.map((r) => `- ${r.name} (${r.id})${r.phone ? ` ${r.phone}` : ''}`);
                const note =
                  t === 'customer' && !scope.admin ? ' (仅当前来电者 only the callers of live calls)' : '';
                return [`${TYPE_ZH[t]} ${t}s: ${of.length}${note}`, ...lines].join('\n');
              })
              .join('\n\n');
      return toolResult(text, { records: rows });
    }),
  );

  server.registerTool(
    'get_record',
    {
      title: 'Get one record',
      description:
        'Reads one product, customer or operator with all its fields: by exact or unique partial name, by id, ' +
        'or a customer by phone. Customers: only the caller of a live call you started (others are refused). A product holds api_interfaces (what query_system can ask) and ' +
        'operator_permissions (what check_permission decides); an operator holds the methodology and phrases to use.',
      inputSchema: {
        type: z.enum(RECORD_TYPES).describe('product, customer or operator'),
        name: z.string().min(1).optional().describe('exact or unique partial name'),
        id: z.string().min(1).optional().describe('the 8-hex record id'),
        phone: z.string().min(1).optional().describe('customer phone (customers only)'),
      },
      annotations: { readOnlyHint: true },
    },
    guarded(async (args) => {
      const ref = recordRef(args);
      const record =
        args.type === 'customer' && !scope.admin
          ? await scopedCustomer(store, scope, ref)
          : await resolveRecord(store, args.type, ref);
      return toolResult(`${TYPE_ZH[args.type]}: ${record.name} (${record._id})`, record);
    }),
  );
}
