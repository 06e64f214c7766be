import { CsError } from '../domain/cs-error.js';

/** YYYYMMDD from YYYYMMDD or YYYY-MM-DD; undefined for anything else. */
export function normalizeSessionDate(value: string): string | undefined {
  const d = value.trim().replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$1$2$3');
  return /^\d{8}$/.test(d) ? d : undefined;
}

/**
 * The date and tag of a new session id `cs_<date>_<seq>_<tag>`, checked the same way by every
 * store. The tag ends up in a folder name (and in exports), so it keeps only letters, digits,
 * `-` and `_`, at most 64.
 */
export function sessionIdParts(options: { date: string; tag: string }): { date: string; tag: string } {
  const date = normalizeSessionDate(options.date);
  if (!date) throw new CsError('E_INVALID', `Session date "${options.date}" must be YYYYMMDD or YYYY-MM-DD.`);
  const tag = options.tag.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 64);
  if (tag === '')
    throw new CsError('E_INVALID', `Session tag "${options.tag}" needs letters, digits, "-" or "_".`);
  return { date, tag };
}
