import { statSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { CsError } from '../domain/cs-error.js';
import type { RecordStore } from './record-store.js';

// The one way in to the concrete stores for code outside src/store: the file and PostgreSQL
// stores open through `openStore`. The memory stores (the test double, and the grants of a call
// run without a store) are imported from their own files: every command loads this module, and
// most never need them.

/** Where the default database lives below a project folder (the seed's path). */
export const DEFAULT_DB_SUBDIR = join('.ezagent', 'database', 'customer_service');

/** Where the database is, and which setting said so. */
export type DbLocation =
  | { kind: 'fs'; path: string; source: 'flag' | 'CS_DB' | 'ancestor' | 'default' }
  | { kind: 'postgres'; url: string; source: 'flag' | 'CS_DB' | 'CS_DATABASE_URL' };

/** Options of `resolveDbLocation` / `openStore`. */
export interface DbLocationOptions {
  /** `--db`: a database folder or a postgres:// URL. */
  db?: string;
  /** Folder relative paths and the ancestor search start from (default: process.cwd()). */
  cwd?: string;
  /** Environment with CS_DB / CS_DATABASE_URL (default: process.env). */
  env?: NodeJS.ProcessEnv;
}

const isPostgresUrl = (value: string) => /^postgres(ql)?:\/\//i.test(value);

/**
 * Decides where the database is, without touching it: `--db`, else `CS_DB`, else
 * `CS_DATABASE_URL` (PostgreSQL), else the nearest ancestor of cwd holding
 * `.ezagent/database/customer_service/`, else that folder under cwd. A value starting with
 * `postgres://` or `postgresql://` names PostgreSQL wherever it comes from.
 *
 * @example resolveDbLocation({ cwd: '/work/app', env: {} }) // { kind: 'fs', path: '/work/app/.ezagent/database/customer_service', source: 'default' }
 */
export function resolveDbLocation(options: DbLocationOptions = {}): DbLocation {
  const cwd = resolve(options.cwd ?? process.cwd());
  const env = options.env ?? process.env;
  const given: Array<[string | undefined, 'flag' | 'CS_DB' | 'CS_DATABASE_URL']> = [
    [options.db, 'flag'],
    [env.CS_DB, 'CS_DB'],
    [env.CS_DATABASE_URL, 'CS_DATABASE_URL'],
  ];
  for (const [raw, source] of given) {
    const value = raw?.trim();
    if (!value) continue;
    if (isPostgresUrl(value)) return { kind: 'postgres', url: value, source };
    if (source === 'CS_DATABASE_URL') {
      throw new CsError(
        'E_CONFIG',
        'CS_DATABASE_URL must be a postgres:// or postgresql:// URL; use CS_DB for a folder.',
      );
    }
    return { kind: 'fs', path: resolve(cwd, value), source };
  }
  for (let dir = cwd; ; dir = dirname(dir)) {
    const candidate = join(dir, DEFAULT_DB_SUBDIR);
    if (isDirectory(candidate)) return { kind: 'fs', path: candidate, source: 'ancestor' };
    if (dirname(dir) === dir) break;
  }
  return { kind: 'fs', path: join(cwd, DEFAULT_DB_SUBDIR), source: 'default' };
}

/**
 * Opens the RecordStore the options name (see `resolveDbLocation`). The PostgreSQL store and
 * its `pg` driver are imported only when a postgres URL is chosen, so `cs read` never loads
 * them. A folder database is not created here unless `create` is set: reads create nothing,
 * the first write makes the folders. `mustExist` refuses a database folder that does not exist.
 *
 * @example const store = await openStore({ db: process.env.CS_DB, cwd: process.cwd() });
 */
export async function openStore(
  options: DbLocationOptions & { create?: boolean; mustExist?: boolean } = {},
): Promise<RecordStore> {
  const location = resolveDbLocation(options);
  if (location.kind === 'postgres') {
    const { openPgRecordStore } = await import('./postgres/pg-record-store.js');
    const env = options.env ?? process.env;
    const journalDir = env.CS_JOURNAL_DIR?.trim();
    return openPgRecordStore(location.url, {
      ...(journalDir ? { journalDir: resolve(options.cwd ?? process.cwd(), journalDir) } : {}),
      retryMs: storeRetryMs(env),
    });
  }
  if (options.create) {
    await mkdir(location.path, { recursive: true });
  } else if (options.mustExist) {
    const found = await stat(location.path).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!found) throw new CsError('E_NOT_FOUND', `No database folder at ${location.path}; check the path.`);
  }
  const { FsRecordStore } = await import('./fs/fs-record-store.js');
  return new FsRecordStore(location.path);
}

/**
 * Loads the code `openStore` runs for these options (the file store, or the PostgreSQL store
 * and its driver) without touching any database, so a command can load it while it parses its
 * flags.
 */
export async function loadStoreCode(options: DbLocationOptions = {}): Promise<void> {
  if (resolveDbLocation(options).kind === 'postgres') {
    const [, { pgModule }] = await Promise.all([
      import('./postgres/pg-record-store.js'),
      import('./postgres/pg-module.js'),
    ]);
    await pgModule();
  } else {
    await import('./fs/fs-record-store.js');
  }
}

/** `CS_STORE_RETRY_MS`: how long an unreachable database is waited for (default 30 s). */
export function storeRetryMs(env: NodeJS.ProcessEnv): number {
  const raw = env.CS_STORE_RETRY_MS?.trim();
  if (!raw) return 30_000;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new CsError('E_CONFIG', `CS_STORE_RETRY_MS must be a whole number of milliseconds, got "${raw}".`);
  }
  return value;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Drops a PostgreSQL schema and its tables (throw-away databases); `pg` loads only here. */
export async function dropPgSchema(url: string, schema: string): Promise<void> {
  const { dropPgSchema: drop } = await import('./postgres/drop-schema.js');
  await drop(url, schema);
}
