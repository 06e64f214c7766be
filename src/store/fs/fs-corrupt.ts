import { CsError } from '../../domain/cs-error.js';
import { normalizePhone } from '../../domain/phone.js';

/**
 * The error for a stored file that cannot be read: E_CORRUPT, one line naming the file, what is
 * wrong and how to repair it. Never "not found": a record whose file is damaged still exists, and
 * treating it as missing would let a second customer take its phone.
 *
 * @example throw corruptFile('/db/customers/4f064bfb_张先生/info.json', 'not valid JSON')
 */
export function corruptFile(path: string, why: string): CsError {
  return new CsError(
    'E_CORRUPT',
    `文件已损坏 Corrupt file ${path}: ${why}. Repair: fix the JSON by hand, or restore a good copy (\`cs restore\` lists the trash); \`cs doctor\` lists every damaged file and \`cs doctor --fix --move-corrupt\` moves it aside.`,
    { details: { file: path, problem: why } },
  );
}

/** What can still be learned about a record whose info.json is damaged. */
export interface SalvagedKeys {
  id: string;
  name: string;
  phone?: string;
}

const FOLDER = /^([0-9a-f]{8})_(.*)$/;

/**
 * The id and name of a damaged record from its folder name (`<8-hex id>_<name>`), and its name
 * and phone from the damaged text when they can still be read there. Undefined when the folder
 * name carries no id. Used so that the index keeps a damaged customer under its phone: a lookup
 * then reports it as corrupt instead of finding nobody and creating a second customer.
 */
export function salvageRecordKeys(folder: string, text: string): SalvagedKeys | undefined {
  const m = FOLDER.exec(folder);
  if (!m) return undefined;
  const name = jsonStringField(text, 'name') ?? m[2] ?? '';
  const keys: SalvagedKeys = { id: m[1] as string, name };
  const phone = phoneField(text);
  if (phone !== undefined) keys.phone = phone;
  return keys;
}

/** The value of `"field": "…"` where it is still a whole JSON string. */
function jsonStringField(text: string, field: string): string | undefined {
  const m = new RegExp(`"${field}"\\s*:\\s*("(?:[^"\\\\\\n]|\\\\.)*")`).exec(text);
  if (!m) return undefined;
  try {
    const value: unknown = JSON.parse(m[1] as string);
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** `"phone": "…"` or `"phone": 138…`, normalised; undefined when absent or not a phone. */
function phoneField(text: string): string | undefined {
  const asText = jsonStringField(text, 'phone');
  const raw = asText ?? /"phone"\s*:\s*(\d{5,20})(?![\d.])/.exec(text)?.[1];
  if (raw === undefined) return undefined;
  const key = normalizePhone(raw);
  return /^\+?\d{5,20}$/.test(key) ? key : undefined;
}
