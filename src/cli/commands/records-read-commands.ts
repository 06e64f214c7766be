import { CsError } from '../../domain/cs-error.js';
import type { RecordType } from '../../domain/record-schemas.js';
import { parseRecordType } from '../../domain/record-types.js';
import { type RecordRef, resolveRecord } from '../../records/resolve-record.js';
import { escapeControlChars } from '../../render/escape-control-chars.js';
import { renderRecordReadme } from '../../render/render-record-readme.js';
import { byNameThenId } from '../../store/record-document.js';
import type { RecordSummary } from '../../store/record-store.js';
import { type CliContext, parsePhoneFlag } from '../cli-context.js';
import { StreamWriter, writeJsonArray } from '../stream-writer.js';

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

/**
 * Rows of a type kept in memory to sort them for people; a type with more is listed as the
 * store streams it (its own order), so `cs list` takes the same memory at any size.
 */
const SORTED_SUMMARIES = 10_000;
const SORTED_RECORDS = 2_000;

/**
 * `cs list`: summaries (or whole records with --verbose) of each type, streamed to stdout as the
 * store reads them; `--json` streams a JSON array (an object of arrays without --type). Up to
 * 10,000 rows of a type (2,000 records) are sorted by name first, as before.
 */
export async function listCommand(
  ctx: CliContext,
  options: { type?: RecordType; verbose?: boolean },
): Promise<number | undefined> {
  const store = await ctx.store();
  const types: RecordType[] = options.type ? [options.type] : ['product', 'customer', 'operator'];
  const out = new StreamWriter(ctx.stdout);
  const rowsOf = (type: RecordType) =>
    options.verbose
      ? sortedWhenFew(store.streamRecords(type), SORTED_RECORDS, (a, b) =>
          byNameThenId({ name: a.name, id: a._id }, { name: b.name, id: b._id }),
        )
      : sortedWhenFew(store.streamSummaries(type), SORTED_SUMMARIES, byChineseName);
  if (ctx.options.json) {
    if (options.type) {
      await writeJsonArray(out, (await rowsOf(options.type)).rows, '');
    } else {
      await out.write('{\n');
      for (const [i, type] of types.entries()) {
        await out.write(`  ${JSON.stringify(type)}: `);
        await writeJsonArray(out, (await rowsOf(type)).rows, '  ');
        await out.write(i < types.length - 1 ? ',\n' : '\n');
      }
      await out.write('}');
    }
    await out.write('\n');
    await out.end();
    return undefined;
  }
  // Text for people never carries a record's control characters to the terminal.
  const say = (text: string) => out.write(`${escapeControlChars(text, { multiline: true })}\n`);
  await say(`数据库 Database: ${store.location}`);
  for (const type of types) {
    if (out.closed) break;
    const { rows, count } = await rowsOf(type);
    await say(count === undefined ? `\n## ${TYPE_TITLES[type]}` : `\n## ${TYPE_TITLES[type]} (${count})`);
    let n = 0;
    for await (const row of rows) {
      if (out.closed) break;
      n++;
      if ('_id' in row) {
        await say(`\n${renderRecordReadme(row).trimEnd()}`);
      } else {
        // A damaged record stays listed, marked, so it is never mistaken for a missing one.
        const mark = row.corrupt ? `  ⚠ 已损坏 CORRUPT: ${row.corrupt} (see \`cs doctor\`)` : '';
        await say(`- ${row.name}  [${row.id}]${row.phone ? `  ${row.phone}` : ''}${mark}`);
      }
    }
    if (count === undefined) await say(`（共 ${n} 条，按存储顺序 · ${n} in all, in storage order）`);
  }
  await out.end();
  return undefined;
}

const zhCollator = new Intl.Collator('zh');

/** People's order for summaries: by name as Chinese readers sort it, then id. */
function byChineseName(a: RecordSummary, b: RecordSummary): number {
  return zhCollator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Reads up to `limit` rows; when that is all of them they come back sorted with their count,
 * else the rows read so far and then the rest as the store streams them (count undefined).
 */
async function sortedWhenFew<T>(
  source: AsyncIterable<T>,
  limit: number,
  compare: (a: T, b: T) => number,
): Promise<{ rows: AsyncIterable<T> | Iterable<T>; count: number | undefined }> {
  const iterator = source[Symbol.asyncIterator]();
  const first: T[] = [];
  while (first.length <= limit) {
    const next = await iterator.next();
    if (next.done) return { rows: first.sort(compare), count: first.length };
    first.push(next.value);
  }
  async function* rest(): AsyncGenerator<T> {
    yield* first;
    first.length = 0;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { rows: rest(), count: undefined };
}
