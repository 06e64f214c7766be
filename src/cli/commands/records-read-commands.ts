import { CsError } from '../../domain/cs-error.js';
import type { RecordType } from '../../domain/record-types.js';
import { parseRecordType } from '../../domain/record-types.js';
import {
  getRecordOperation,
  listRecordsOperation,
  recordRefOf,
} from '../../operations/record-read-operations.js';
import type { RecordRef } from '../../records/resolve-record.js';
import { type CliContext, parsePhoneFlag } from '../cli-context.js';
import { runCheckedCliOperation } from '../run-cli-operation.js';

// Read-only record commands live apart from create/update, and check their flags by hand, so
// `cs read` and `cs list` never load the validation schemas (zod): start-up time is most of a
// lookup's cost.

export interface RefOptions {
  name?: string;
  id?: string;
  phone?: string;
}

/** Exactly one of --name / --id / --phone (a phone checked and normalised). */
export function recordRef(options: RefOptions, allowPhone: boolean): RecordRef {
  const ref = recordRefOf(options, allowPhone);
  if (ref === undefined) {
    throw new CsError(
      'E_USAGE',
      `Name the record with exactly one of --name or --id${allowPhone ? ' or --phone' : ''}.`,
    );
  }
  return 'phone' in ref ? { phone: parsePhoneFlag(ref.phone) } : ref;
}

/** `cs read <type>`: the get_record operation. */
export async function readCommand(
  ctx: CliContext,
  typeWord: string,
  options: RefOptions,
): Promise<number | undefined> {
  const type = parseRecordType(typeWord);
  await runCheckedCliOperation(ctx, getRecordOperation, { type, ...recordRef(options, true) });
  return undefined;
}

/** `cs list`: the list_records operation, streamed to stdout as the store reads it. */
export async function listCommand(
  ctx: CliContext,
  options: { type?: RecordType; verbose?: boolean },
): Promise<number | undefined> {
  await runCheckedCliOperation(ctx, listRecordsOperation, {
    ...(options.type ? { type: options.type } : {}),
    ...(options.verbose ? { verbose: true } : {}),
  });
  return undefined;
}
