import { existsSync, rmSync } from 'node:fs';
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { SHARED } from './run-cs.js';
import { runCsInProcess } from './run-cs-in-process.js';

/** One database per records file, seeded by `cs create` once per test process. */
const templates = new Map<string, Promise<string>>();

/**
 * Creates the records of a ../shared/scenarios/calls records file as `cs create <type> --data`
 * does (one array per type), as the scenarios' `about` says. The first database of a file is
 * made by the built `cs` (in the test process); later ones are copies of it, so each e2e test does
 * not pay three runs for the same setup. A PostgreSQL URL or an existing folder is seeded through `cs`.
 */
export async function seedRecords(db: string, recordsFile = 'records.json'): Promise<void> {
  // Into a database that exists already, only `cs create` merges correctly (its index).
  if (db.includes('://') || existsSync(db)) return seedWithCs(db, recordsFile);
  let template = templates.get(recordsFile);
  if (template === undefined) {
    template = makeTemplate(recordsFile);
    templates.set(recordsFile, template);
  }
  await cp(await template, db, { recursive: true, errorOnExist: false });
}

async function makeTemplate(recordsFile: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cs-seed-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 'db');
  await seedWithCs(db, recordsFile);
  return db;
}

async function seedWithCs(db: string, recordsFile: string): Promise<void> {
  const records = JSON.parse(
    await readFile(join(SHARED, 'scenarios', 'calls', recordsFile), 'utf8'),
  ) as Record<'products' | 'customers' | 'operators', unknown[]>;
  for (const [type, list] of [
    ['product', records.products],
    ['customer', records.customers],
    ['operator', records.operators],
  ] as const) {
    const r = await runCsInProcess(['create', type, '--db', db, '--data', JSON.stringify(list)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }
}
