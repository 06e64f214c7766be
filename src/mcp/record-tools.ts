import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { CsError } from '../domain/cs-error.js';
import { RECORD_TYPES, type RecordType } from '../domain/record-schemas.js';
import { type RecordRef, resolveRecord } from '../records/resolve-record.js';
import type { RecordStore } from '../store/record-store.js';
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

/** `list_records` and `get_record`: the records a call is about, read-only. */
export function registerRecordTools(server: McpServer, store: RecordStore): void {
  server.registerTool(
    'list_records',
    {
      title: 'List records',
      description:
        'Lists the products, customers and operator strategies in the database (id, name, and phone for customers). ' +
        'Use it to find the exact product and operator names before start_call.',
      inputSchema: {
        type: z.enum(RECORD_TYPES).optional().describe('only this record type; all three when omitted'),
      },
      annotations: { readOnlyHint: true },
    },
    guarded(async ({ type }) => {
      const types = type ? [type] : [...RECORD_TYPES];
      const rows = (await Promise.all(types.map((t) => store.summaries(t)))).flat();
      const text =
        rows.length === 0
          ? '数据库为空 The database has no records yet (create them with `cs create`).'
          : types
              .map((t) => {
                const of = rows.filter((r) => r.type === t);
                const lines = of.map((r) => `- ${r.name} (${r.id})${r.phone ? ` ${r.phone}` : ''}`);
                return [`${TYPE_ZH[t]} ${t}s: ${of.length}`, ...lines].join('\n');
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
        'or a customer by phone. A product holds api_interfaces (what query_system can ask) and ' +
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
      const record = await resolveRecord(store, args.type, recordRef(args));
      return toolResult(`${TYPE_ZH[args.type]}: ${record.name} (${record._id})`, record);
    }),
  );
}
