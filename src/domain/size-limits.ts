import { CsError } from './cs-error.js';

/**
 * Bounds on what people and assistants may send in. Generous for real records, small enough
 * that one command cannot fill the disk, stall the index or overflow the stack of every later
 * reader (JSON.stringify, zod and the renderers all recurse).
 */
export const SIZE_LIMITS = {
  /** Characters (code points) in a record's name: names appear in folder names and blocks. */
  nameChars: 200,
  /** Bytes of one field's value, serialised as JSON. */
  fieldBytes: 64 * 1024,
  /** Bytes of one whole JSON input (`--data`, `--file`, `--updates` ...). */
  inputBytes: 16 * 1024 * 1024,
  /** Nesting levels of arrays and objects in a JSON input. */
  jsonDepth: 64,
} as const;

const KB = 1024;

function bytes(n: number): string {
  const round = (v: number) => String(Math.round(v * 10) / 10);
  return n >= KB * KB ? `${round(n / (KB * KB))} MB` : n >= KB ? `${round(n / KB)} KB` : `${n} bytes`;
}

/**
 * Refuses a JSON text longer than the input limit, before it is parsed.
 *
 * @example checkInputSize(text, '--data')
 */
export function checkInputSize(text: string, label: string): void {
  // A UTF-8 byte is never more than one UTF-16 unit, so the length is a quick lower bound.
  if (text.length <= SIZE_LIMITS.inputBytes / 3) return;
  const size = Buffer.byteLength(text, 'utf8');
  if (size > SIZE_LIMITS.inputBytes) {
    throw new CsError(
      'E_INVALID',
      `${label} is ${bytes(size)}; the limit is ${bytes(SIZE_LIMITS.inputBytes)} (输入过大).`,
    );
  }
}

/**
 * Refuses a parsed JSON value nested deeper than the limit. Iterative, so a hostile input
 * cannot overflow the stack here either.
 *
 * @example checkJsonDepth(JSON.parse(text), '--data')
 */
export function checkJsonDepth(value: unknown, label: string): void {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: v, depth } = stack.pop() as { value: unknown; depth: number };
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= SIZE_LIMITS.jsonDepth) {
      throw new CsError(
        'E_INVALID',
        `${label} is nested more than ${SIZE_LIMITS.jsonDepth} levels deep (嵌套过深); flatten it.`,
      );
    }
    for (const child of Object.values(v)) stack.push({ value: child, depth: depth + 1 });
  }
}

/**
 * Refuses record fields over the limits: a name over 200 characters, any field whose JSON is
 * over 64 KB. The message names the field and the limit. Run it on what a user sends (create,
 * update, customer updates), not on records the system grows itself (interaction_history).
 *
 * @example checkRecordSizes({ name: 'x'.repeat(300) }, 'customer') // throws E_INVALID naming name
 */
export function checkRecordSizes(fields: Record<string, unknown>, label: string): void {
  checkJsonDepth(fields, label);
  const name = fields.name;
  if (typeof name === 'string') {
    const chars = [...name].length;
    if (chars > SIZE_LIMITS.nameChars) {
      throw new CsError(
        'E_INVALID',
        `${label} name is ${chars} characters; the limit is ${SIZE_LIMITS.nameChars} (名称过长).`,
      );
    }
  }
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const text = JSON.stringify(value);
    if (text.length <= SIZE_LIMITS.fieldBytes / 3) continue;
    const size = Buffer.byteLength(text, 'utf8');
    if (size > SIZE_LIMITS.fieldBytes) {
      throw new CsError(
        'E_INVALID',
        `${label} field "${key}" is ${bytes(size)}; the limit is ${bytes(SIZE_LIMITS.fieldBytes)} per field (字段过大).`,
      );
    }
  }
}

/**
 * Parses JSON text from outside within the limits: size before parsing, depth after, each
 * failure one line naming the input.
 *
 * @example parseBoundedJson('{"name":"x"}', '--data')
 */
export function parseBoundedJson(text: string, label: string): unknown {
  checkInputSize(text, label);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof RangeError ? 'it is nested too deeply' : (error as Error).message;
    throw new CsError('E_INVALID', `${label} is not valid JSON: ${reason}.`);
  }
  checkJsonDepth(value, label);
  return value;
}
