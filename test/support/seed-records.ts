import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCs, SHARED } from './run-cs.js';

/**
 * Creates the records of a ../shared/scenarios/calls records file with `cs create <type> --data`
 * (one array per type), as the scenarios' `about` says.
 */
export async function seedRecords(db: string, recordsFile = 'records.json'): Promise<void> {
  const records = JSON.parse(
    await readFile(join(SHARED, 'scenarios', 'calls', recordsFile), 'utf8'),
  ) as Record<'products' | 'customers' | 'operators', unknown[]>;
  for (const [type, list] of [
    ['product', records.products],
    ['customer', records.customers],
    ['operator', records.operators],
  ] as const) {
    const r = await runCs(['create', type, '--db', db, '--data', JSON.stringify(list)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }
}
