import { z } from 'zod';
import { CsError, describeIssues } from '../../domain/cs-error.js';
import type { SessionRecord } from '../../domain/session-schemas.js';

/** A saved session as stored: the fields listings and lookups rely on, the rest kept as written. */
export const SessionRowSchema = z.looseObject({
  session_id: z.string(),
  product: z.string(),
  customer: z.string(),
  operator: z.string(),
  timestamp: z.string(),
  conversation: z.array(z.unknown()),
  review: z.looseObject({}),
});

export const LiveSessionRowSchema = z.looseObject({
  live_id: z.string(),
  updated_at: z.string(),
});

export const MockStateRowSchema = z.record(z.string(), z.unknown());

/**
 * Checks a document read from (or about to be written to) the database and returns it as it is.
 * The parsed copy is not used because zod rebuilds objects with the schema's keys first, and the
 * stored key order is what an exported info.json or session.json shows.
 */
export function trustedRow<T>(schema: z.core.$ZodType<T>, value: unknown, what: string): T {
  // z.safeParse takes classic and mini schemas alike (the record metadata schema is mini).
  const result = z.safeParse(schema, value);
  if (!result.success) {
    throw new CsError('E_INTERNAL', `A stored ${what} is malformed: ${describeIssues(result.error.issues)}.`);
  }
  return value as T;
}

/** A stored saved session; only the fields the store relies on are checked (legacy ones vary). */
export function sessionRow(value: unknown): SessionRecord {
  return trustedRow(SessionRowSchema, value, 'session') as unknown as SessionRecord;
}
