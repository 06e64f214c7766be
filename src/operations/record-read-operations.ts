import { CsError } from '../domain/cs-error.js';
import type { StoredRecord } from '../domain/record-schemas.js';
import { RECORD_TYPES, type RecordType } from '../domain/record-types.js';
import { type RecordRef, resolveRecord } from '../records/resolve-record.js';
import { escapeControlChars } from '../render/escape-control-chars.js';
import { writeJsonArray } from '../render/json-array-text.js';
import { renderRecordReadme } from '../render/render-record-readme.js';
import { byNameThenId } from '../store/record-document.js';
import type { RecordSummary } from '../store/record-store.js';
import { defineOperation, type OperationDeps, type TextSink } from './define-operation.js';

// Reading records: `cs read`, `cs list` and the MCP tools get_record and list_records. The
// schemas are written as functions of zod, so `cs read` and `cs list` (which check their flags
// themselves) never load the validation library: start-up is most of a lookup's cost.

/**
 * The record named by exactly one of name, id or phone (phone only when `allowPhone`);
 * undefined when none or several are given, for the caller to say so in its own words.
 */
export function recordRefOf(
  fields: { name?: string | undefined; id?: string | undefined; phone?: string | undefined },
  allowPhone: boolean,
): RecordRef | undefined {
  const phone = allowPhone ? fields.phone : undefined;
  const given = [fields.name, fields.id, phone].filter((v) => v !== undefined);
  if (given.length !== 1) return undefined;
  if (fields.id !== undefined) return { id: fields.id };
  if (phone !== undefined) return { phone };
  return { name: fields.name as string };
}

/** One record: the customers a scope allows, every product and operator. */
async function readRecord(deps: OperationDeps, type: RecordType, ref: RecordRef): Promise<StoredRecord> {
  return type === 'customer' && deps.customers
    ? deps.customers.customer(ref)
    : resolveRecord(deps.store, type, ref);
}

/** `cs read`, MCP get_record: one record with all its fields, as its README reads. */
export const getRecordOperation = defineOperation({
  name: 'get_record',
  title: 'Get one record',
  description:
    'Reads one product, customer or operator with all its fields: by exact or unique partial name, by id, ' +
    'or a customer by phone. Customers: only the caller of a live call you started (others are refused). A product holds api_interfaces (what query_system can ask) and ' +
    'operator_permissions (what check_permission decides); an operator holds the methodology and phrases to use.',
  readOnly: true,
  input: (z) =>
    z.object({
      type: z.enum(RECORD_TYPES).describe('product, customer or operator'),
      name: z.string().min(1).optional().describe('exact or unique partial name'),
      id: z.string().min(1).optional().describe('the 8-hex record id'),
      phone: z.string().min(1).optional().describe('customer phone (customers only)'),
    }),
  async run(deps, input) {
    const ref = recordRefOf(input, true);
    if (ref === undefined) {
      throw new CsError('E_USAGE', 'Give exactly one of name, id or phone (phone for customers).');
    }
    return readRecord(deps, input.type, ref);
  },
  text: (record) => renderRecordReadme(record),
});

type ListedRow = RecordSummary | StoredRecord;

/** One type of a listing: its rows are read when written, so a large store streams. */
interface ListedSection {
  type: RecordType;
  /** Only the customers the reader's scope allows (the callers of live calls). */
  scoped: boolean;
  /** Reads the rows: sorted with their count when few, else in storage order (count undefined). */
  open(): Promise<{ rows: AsyncIterable<ListedRow> | Iterable<ListedRow>; count: number | undefined }>;
}

/** What `list_records` found: where the records live and one section per type. */
export interface RecordListing {
  location: string;
  /** The one type asked for, else undefined (all three). */
  type: RecordType | undefined;
  sections: ListedSection[];
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
 * `cs list`, MCP list_records: summaries (or whole records with verbose) of each type. The CLI
 * streams them (`write`): up to 10,000 rows of a type (2,000 records) sorted by name, more in
 * storage order; `--json` is an array with a type, else an object of arrays.
 */
export const listRecordsOperation = defineOperation({
  name: 'list_records',
  title: 'List records',
  description:
    'Lists the products and operator strategies in the database (id, name), and the customers you may see: the ' +
    'callers of your live calls (id, name, phone). Use it to find the exact product and operator names before start_call.',
  readOnly: true,
  input: (z) =>
    z.object({
      type: z.enum(RECORD_TYPES).optional().describe('only this record type; all three when omitted'),
      verbose: z.boolean().optional().describe('whole records with every field, not only id and name'),
    }),
  async run(deps, input): Promise<RecordListing> {
    const { store, customers } = deps;
    const types: RecordType[] = input.type ? [input.type] : [...RECORD_TYPES];
    const sections = types.map((type): ListedSection => {
      const scoped = type === 'customer' && customers !== undefined;
      const open = async () => {
        if (scoped && customers) {
          const callers = await customers.customers();
          const rows = input.verbose ? callers : callers.map(summaryOf);
          return sortedWhenFew(rows, Number.POSITIVE_INFINITY, input.verbose ? byRecordName : byChineseName);
        }
        return input.verbose
          ? sortedWhenFew(store.streamRecords(type), SORTED_RECORDS, byRecordName)
          : sortedWhenFew(store.streamSummaries(type), SORTED_SUMMARIES, byChineseName);
      };
      return { type, scoped, open };
    });
    return { location: store.location, type: input.type, sections };
  },
  async text(listing) {
    const text = new TextCollector();
    await writeListing(listing, text, false);
    return text.toString();
  },
  async data(listing) {
    const records: ListedRow[] = [];
    for (const section of listing.sections) {
      for await (const row of (await section.open()).rows) records.push(row);
    }
    return { records };
  },
  write: (listing, _input, out, { json }) => writeListing(listing, out, json),
});

function summaryOf(record: StoredRecord): RecordSummary {
  return {
    id: record._id,
    type: 'customer',
    name: record.name,
    ...(typeof record.phone === 'string' ? { phone: record.phone } : {}),
  };
}

/** Writes a listing as text for people, or as JSON. */
async function writeListing(listing: RecordListing, out: TextSink, json: boolean): Promise<void> {
  if (json) {
    if (listing.type) {
      await writeJsonArray(out, (await (listing.sections[0] as ListedSection).open()).rows, '');
    } else {
      await out.write('{\n');
      for (const [i, section] of listing.sections.entries()) {
        await out.write(`  ${JSON.stringify(section.type)}: `);
        await writeJsonArray(out, (await section.open()).rows, '  ');
        await out.write(i < listing.sections.length - 1 ? ',\n' : '\n');
      }
      await out.write('}');
    }
    await out.write('\n');
    return;
  }
  // Text for people never carries a record's control characters to the terminal.
  const say = (text: string) => out.write(`${escapeControlChars(text, { multiline: true })}\n`);
  await say(`数据库 Database: ${listing.location}`);
  for (const section of listing.sections) {
    if (out.closed) break;
    const { rows, count } = await section.open();
    const scope = section.scoped ? ' (仅当前来电者 only the callers of live calls)' : '';
    const title = TYPE_TITLES[section.type];
    await say(count === undefined ? `\n## ${title}${scope}` : `\n## ${title} (${count})${scope}`);
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
}

/** Gathers streamed text into one string (a listing for a reader that takes it whole). */
class TextCollector implements TextSink {
  readonly closed = false;
  readonly #parts: string[] = [];

  async write(text: string): Promise<void> {
    this.#parts.push(text);
  }

  toString(): string {
    return this.#parts.join('');
  }
}

const zhCollator = new Intl.Collator('zh');

/** People's order for summaries: by name as Chinese readers sort it, then id. */
function byChineseName(a: ListedRow, b: ListedRow): number {
  const [ai, bi] = [idOf(a), idOf(b)];
  return zhCollator.compare(a.name, b.name) || (ai < bi ? -1 : ai > bi ? 1 : 0);
}

/** Whole records' order, as the store sorts them. */
function byRecordName(a: ListedRow, b: ListedRow): number {
  return byNameThenId({ name: a.name, id: idOf(a) }, { name: b.name, id: idOf(b) });
}

function idOf(row: ListedRow): string {
  return '_id' in row ? row._id : row.id;
}

/**
 * Reads up to `limit` rows; when that is all of them they come back sorted with their count,
 * else the rows read so far and then the rest as the store streams them (count undefined).
 */
async function sortedWhenFew<T>(
  source: AsyncIterable<T> | Iterable<T>,
  limit: number,
  compare: (a: T, b: T) => number,
): Promise<{ rows: AsyncIterable<T> | Iterable<T>; count: number | undefined }> {
  const iterator =
    Symbol.asyncIterator in source
      ? (source as AsyncIterable<T>)[Symbol.asyncIterator]()
      : toAsync(source as Iterable<T>);
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

async function* toAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}
