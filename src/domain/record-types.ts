import { CsError } from './cs-error.js';

/** Parses a CLI/MCP type word ("customer", "customers"); free of zod so reads start fast. */
export function parseRecordType(value: string): 'product' | 'customer' | 'operator' {
  const v = value.trim().toLowerCase().replace(/s$/, '');
  if (v === 'product' || v === 'customer' || v === 'operator') return v;
  throw new CsError('E_USAGE', `Unknown record type "${value}": use product, customer or operator.`);
}
