import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { currentProcess, isProcessAlive } from '../../domain/process-identity.js';

/*
 * Leftovers of interrupted writes. A new record or session folder is assembled in
 * `<db>/.tmp/new-…` and renamed into place; a writer killed in between leaves the folder behind.
 * Its name says who made it (`new-<pid>-<start time>-<host>-XXXXXX`), so it can be swept as soon
 * as its maker is gone, and anything older than a minute is swept whoever made it (an assembly
 * takes milliseconds). Older versions named it `new-XXXXXX`: those go by age only.
 */

/** Past this age a temp folder or file is a leftover whoever made it. */
export const LEFTOVER_AGE_MS = 60_000;

const TEMP_NAME = /^new-(\d+)-(\d+)-([0-9a-f]{8})-/;

let hostTag: string | undefined;
function thisHostTag(): string {
  hostTag ??= createHash('sha1').update(currentProcess().host).digest('hex').slice(0, 8);
  return hostTag;
}

/**
 * Makes a fresh temp folder under `<db>/.tmp/` named after this process.
 *
 * @example const temp = await makeTempFolder(db) // <db>/.tmp/new-4242-123456-1a2b3c4d-Xy12Ab
 */
export async function makeTempFolder(db: string): Promise<string> {
  const root = join(db, '.tmp');
  await mkdir(root, { recursive: true });
  const me = currentProcess();
  return mkdtemp(join(root, `new-${me.pid}-${me.started}-${thisHostTag()}-`));
}

/** A leftover found on disk: its path, relative to the database, and why it is one. */
export interface Leftover {
  path: string;
  why: string;
}

/** The temp folders under `<db>/.tmp/` left by interrupted writes (one readdir, a stat each). */
export async function findLeftoverTempFolders(db: string, now = Date.now()): Promise<Leftover[]> {
  const root = join(db, '.tmp');
  const names = await readdir(root).catch(() => [] as string[]);
  const out: Leftover[] = [];
  for (const name of names) {
    if (!name.startsWith('new-')) continue;
    const why = await leftoverReason(join(root, name), name, now);
    if (why !== undefined) out.push({ path: join('.tmp', name), why });
  }
  return out;
}

async function leftoverReason(path: string, name: string, now: number): Promise<string | undefined> {
  const m = TEMP_NAME.exec(name);
  if (m && m[3] === thisHostTag()) {
    const maker = { host: currentProcess().host, pid: Number(m[1]), started: Number(m[2]) };
    if (!isProcessAlive(maker)) return `its maker, process ${maker.pid}, is gone`;
  }
  const mtime = await stat(path).then(
    (s) => s.mtimeMs,
    () => undefined,
  );
  if (mtime !== undefined && now - mtime > LEFTOVER_AGE_MS) {
    return `left for ${Math.round((now - mtime) / 1000)} s by an interrupted write`;
  }
  return undefined;
}

/** Removes the leftover temp folders; returns what it removed (paths relative to the database). */
export async function sweepLeftoverTempFolders(db: string, now = Date.now()): Promise<Leftover[]> {
  const found = await findLeftoverTempFolders(db, now);
  for (const leftover of found) await rm(join(db, leftover.path), { recursive: true, force: true });
  return found;
}

/** Temp files of write-file-atomic and of our own writes (`<name>.<digits>`, `info.json.bulk`). */
export const TEMP_FILE = /^(?:.+\.json|README\.md)\.(?:\d+|bulk)$/;

/**
 * Temp files older than a minute in one folder (a record folder, mock_state/<product>, live/).
 * Younger ones may belong to a write in progress and are left alone.
 */
export async function findLeftoverTempFiles(
  db: string,
  folder: string,
  now = Date.now(),
): Promise<Leftover[]> {
  const names = await readdir(join(db, folder)).catch(() => [] as string[]);
  const out: Leftover[] = [];
  for (const name of names) {
    if (!TEMP_FILE.test(name)) continue;
    const mtime = await stat(join(db, folder, name)).then(
      (s) => s.mtimeMs,
      () => undefined,
    );
    if (mtime !== undefined && now - mtime > LEFTOVER_AGE_MS) {
      out.push({ path: join(folder, name), why: 'temp file of an interrupted write' });
    }
  }
  return out;
}
