import { readFile, stat } from 'node:fs/promises';
import { CsError } from '../../domain/cs-error.js';
import { REQUIRED_FIELDS, type RecordType, type StoredRecord } from '../../domain/record-schemas.js';
import { parseRecordType } from '../../domain/record-types.js';
import { validateRecordFields } from '../../domain/record-validation.js';
import { checkRecordSizes, SIZE_LIMITS } from '../../domain/size-limits.js';
import {
  createRecordsOperation,
  deleteRecordOperation,
  listTrashOperation,
  restoreRecordOperation,
  updateRecordOperation,
} from '../../operations/record-operations.js';
import { type CliContext, parseJsonFlag, parseJsonObject } from '../cli-context.js';
import { ProgressBar } from '../progress-bar.js';
import { askYesNo, promptForRecord } from '../prompt-record.js';
import { runCliOperation } from '../run-cli-operation.js';
import { jsonArrayEnd, jsonArrayItem, StreamWriter } from '../stream-writer.js';
import { type RefOptions, recordRef } from './records-read-commands.js';

/** `cs create <type>`: the create_records operation on --data, --file or a terminal's answers; --mock generates. */
export async function createCommand(
  ctx: CliContext,
  typeWord: string,
  options: { data?: string; file?: string; mock?: boolean; count: string; seed?: string; lang: string },
): Promise<number | undefined> {
  const type = parseRecordType(typeWord);
  const sources = [options.data, options.file, options.mock].filter((v) => v !== undefined && v !== false);
  if (sources.length > 1) throw new CsError('E_USAGE', 'Give only one of --data, --file or --mock.');
  if (options.mock) return createMockRecords(ctx, type, options);
  let inputs: Array<Record<string, unknown>>;
  if (options.data !== undefined || options.file !== undefined) {
    const text = options.data ?? (await readInput(options.file!));
    inputs = parseRecordsJson(text, options.data !== undefined ? '--data' : '--file');
  } else {
    if (!ctx.isTerminal) {
      throw new CsError(
        'E_USAGE',
        `No terminal to ask in: give the ${type} with --data '<json>' or --file PATH (required: ${REQUIRED_FIELDS[type].join(', ')}), or use --mock.`,
      );
    }
    inputs = [await promptForRecord(type)];
  }
  await runCliOperation(ctx, createRecordsOperation, { type, records: inputs });
  return undefined;
}

/** Mock records generated and written per batch: one store write (lock, index edit, INSERT) each. */
const MOCK_BATCH = 1_000;

/** Names of a type read to keep mock names apart from them (a million are not held). */
const MOCK_NAMES_AVOIDED = 20_000;

/**
 * `cs create --mock --count N` (N up to a million): records are generated and written a batch
 * at a time through the store's bulk path and streamed out as written, so they are never all in
 * memory. A customer whose mock phone turns out taken is left out and another one generated.
 * A progress bar shows on stderr in a terminal.
 */
async function createMockRecords(
  ctx: CliContext,
  type: RecordType,
  options: { count: string; seed?: string; lang: string },
): Promise<number | undefined> {
  const { MAX_MOCK_STREAM_COUNT, mockRecordSource } = await import('../../mock/generate-records.js');
  const count = Number(options.count);
  if (!Number.isInteger(count) || count < 1 || count > MAX_MOCK_STREAM_COUNT) {
    throw new CsError('E_USAGE', `--count must be a whole number from 1 to ${MAX_MOCK_STREAM_COUNT}.`);
  }
  const seed = options.seed === undefined ? Date.now() % 2 ** 31 : Number(options.seed);
  if (!Number.isFinite(seed)) throw new CsError('E_USAGE', '--seed must be a number.');
  if (options.lang !== 'zh' && options.lang !== 'en')
    throw new CsError('E_USAGE', '--lang must be zh or en.');
  const store = await ctx.store();
  const existingNames = new Set<string>();
  for await (const row of store.streamSummaries(type)) {
    existingNames.add(row.name);
    if (existingNames.size >= MOCK_NAMES_AVOIDED) break;
  }
  const source = mockRecordSource({ type, seed, lang: options.lang, existingNames });
  const bar = new ProgressBar(ctx.stderr, `生成 Creating ${type} records`, count);
  const out = new StreamWriter(ctx.stdout);
  const json = ctx.options.json === true;
  let made = 0;
  let fruitless = 0;
  let first: StoredRecord | undefined;
  while (made < count) {
    const inputs = source.take(Math.min(MOCK_BATCH, count - made)).map((fields) => {
      checkRecordSizes(fields, type);
      return validateRecordFields(type, fields);
    });
    const records = await store.createMany(type, inputs, { skipTakenPhones: true });
    fruitless = records.length === 0 ? fruitless + 1 : 0;
    if (fruitless >= 20) {
      throw new CsError(
        'E_CONFLICT',
        `Created ${made} of ${count} mock ${type} records, then found no free phone numbers; use another --seed.`,
      );
    }
    for (const record of records) {
      first ??= record;
      if (json && count > 1) await out.write(jsonArrayItem(record, made, ''));
      else if (!json && count <= 100)
        await out.write(`已创建 Created ${type}: ${record.name} (id ${record._id})\n`);
      made++;
    }
    bar.update(made);
  }
  bar.done();
  if (json)
    await out.write(count > 1 ? `${jsonArrayEnd(made, '')}\n` : `${JSON.stringify(first, null, 2)}\n`);
  else if (count > 100) await out.write(`已创建 Created ${made} ${type} records (--json lists them).\n`);
  await out.end();
  return undefined;
}

async function readInput(path: string): Promise<string> {
  try {
    // A file over the input limit is refused before it is read into memory.
    const { size } = await stat(path);
    if (size > SIZE_LIMITS.inputBytes) {
      throw new CsError(
        'E_INVALID',
        `--file ${path} is ${Math.ceil(size / 1024 / 1024)} MB; the limit is ${SIZE_LIMITS.inputBytes / 1024 / 1024} MB (输入过大).`,
      );
    }
    return await readFile(path, 'utf8');
  } catch (error) {
    if (CsError.isInstance(error)) throw error;
    throw new CsError(
      'E_INVALID',
      `Cannot read --file ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}.`,
    );
  }
}

/** One record object, or an array of them. */
function parseRecordsJson(text: string, flag: string): Array<Record<string, unknown>> {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    const value = parseJsonFlag(trimmed, flag);
    const list = Array.isArray(value) ? value : [value];
    if (list.length === 0)
      throw new CsError('E_INVALID', `${flag} is an empty array: give at least one record.`);
    if (!list.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v))) {
      throw new CsError('E_INVALID', `${flag} must be a JSON object or an array of objects.`);
    }
    return list as Array<Record<string, unknown>>;
  }
  return [parseJsonObject(trimmed, flag)];
}

/** `cs update <type>`: the update_record operation. */
export async function updateCommand(
  ctx: CliContext,
  typeWord: string,
  options: RefOptions & { updates: string },
): Promise<number | undefined> {
  const type = parseRecordType(typeWord);
  const updates = parseJsonObject(options.updates, '--updates');
  await runCliOperation(ctx, updateRecordOperation, {
    type,
    ...recordRef(options, type === 'customer'),
    updates,
  });
  return undefined;
}

/** `cs delete <type>`: the delete_record operation; a terminal is asked first unless --yes. */
export async function deleteCommand(
  ctx: CliContext,
  typeWord: string,
  options: RefOptions & { force?: boolean; yes?: boolean },
): Promise<number | undefined> {
  const type = parseRecordType(typeWord);
  await runCliOperation(
    ctx,
    deleteRecordOperation,
    { type, ...recordRef(options, type === 'customer'), force: options.force },
    ctx.isTerminal && !options.yes ? { confirm: askYesNo } : {},
  );
  return undefined;
}

/** `cs restore [ref]`: the restore_record operation, or list_trash without a ref. */
export async function restoreCommand(ctx: CliContext, ref: string | undefined): Promise<number | undefined> {
  if (ref === undefined) await runCliOperation(ctx, listTrashOperation, {});
  else await runCliOperation(ctx, restoreRecordOperation, { ref });
  return undefined;
}
