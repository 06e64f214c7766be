import { CsError } from './cs-error.js';

/** The three kinds of record the seed keeps. */
export const RECORD_TYPES = ['product', 'customer', 'operator'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** Parses a CLI/MCP type word ("customer", "customers"); free of zod so reads start fast. */
export function parseRecordType(value: string): RecordType {
  const v = value.trim().toLowerCase().replace(/s$/, '');
  if (v === 'product' || v === 'customer' || v === 'operator') return v;
  throw new CsError('E_USAGE', `Unknown record type "${value}": use product, customer or operator.`);
}
