import { CsError } from '../../domain/cs-error.js';
import type { RecordType } from '../../domain/record-schemas.js';
import { parseRecordType } from '../../domain/record-types.js';
import { type RecordRef, resolveRecord } from '../../records/resolve-record.js';
import { renderRecordReadme } from '../../render/render-record-readme.js';
import { type CliContext, parsePhoneFlag } from '../cli-context.js';

// Read-only record commands live apart from create/update so `cs read` and `cs list` never load
// the validation schemas (zod): start-up time is most of a lookup's cost.

export interface RefOptions {
  name?: string;
  id?: string;
  phone?: string;
}

/** Exactly one of --name / --id / --phone. */
export function recordRef(options: RefOptions, allowPhone: boolean): RecordRef {
  const given = [options.name, options.id, allowPhone ? options.phone : undefined].filter(
    (v) => v !== undefined,
  );
  if (given.length !== 1) {
    throw new CsError(
      'E_USAGE',
      `Name the record with exactly one of --name or --id${allowPhone ? ' or --phone' : ''}.`,
    );
  }
  if (options.id !== undefined) return { id: options.id };
  if (options.name !== undefined) return { name: options.name };
  return { phone: parsePhoneFlag(options.phone!) };
}

export async function readCommand(
  ctx: CliContext,
  typeWord: string,
  options: RefOptions,
): Promise<number | undefined> {
  const type = parseRecordType(typeWord);
  const record = await resolveRecord(await ctx.store(), type, recordRef(options, true));
  ctx.emit(record, () => renderRecordReadme(record));
  return undefined;
}

const TYPE_TITLES: Record<RecordType, string> = {
  product: '产品 Products',
  customer: '客户 Customers',
  operator: '策略 Operators',
};

export async function listCommand(
  ctx: CliContext,
  options: { type?: RecordType; verbose?: boolean },
): Promise<number | undefined> {
  const store = await ctx.store();
  const types: RecordType[] = options.type ? [options.type] : ['product', 'customer', 'operator'];
  const result: Record<string, unknown[]> = {};
  const lines: string[] = [`数据库 Database: ${store.location}`];
  for (const type of types) {
    if (options.verbose) {
      const records = await store.list(type);
      result[type] = records;
      lines.push('', `## ${TYPE_TITLES[type]} (${records.length})`);
      for (const r of records) lines.push('', renderRecordReadme(r).trimEnd());
    } else {
      const rows = (await store.summaries(type)).sort((a, b) => a.name.localeCompare(b.name, 'zh'));
      result[type] = rows;
      lines.push('', `## ${TYPE_TITLES[type]} (${rows.length})`);
      for (const r of rows) {
        // A damaged record stays listed, marked, so it is never mistaken for a missing one.
        const mark = r.corrupt ? `  ⚠ 已损坏 CORRUPT: ${r.corrupt} (see \`cs doctor\`)` : '';
        lines.push(`- ${r.name}  [${r.id}]${r.phone ? `  ${r.phone}` : ''}${mark}`);
      }
    }
  }
  ctx.emit(options.type ? result[options.type] : result, () => lines.join('\n'));
  return undefined;
}
