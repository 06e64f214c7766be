import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import type { RecordType } from '../../domain/record-types.js';
import { corruptFile } from './fs-corrupt.js';

// Small file helpers shared by the parts of the file store.

/** Folder of each record type under the database folder (the seed's layout). */
export const TYPE_FOLDERS: Record<RecordType, string> = {
  product: 'products',
  customer: 'customers',
  operator: 'operators',
};

/** One path segment the store makes from an id (live session, product, trash entry). */
export const SAFE_SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,127}$/;

/** Random hex digits (two per byte). */
export function randomHex(bytes = 4): string {
  return randomBytes(bytes).toString('hex');
}

/** A file's text; undefined when it (or its folder) does not exist; other errors are thrown. */
export async function readTextIfAny(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (isCode(error, 'ENOENT', 'ENOTDIR')) return undefined;
    throw error;
  }
}

/** Parsed JSON of a file; undefined when it does not exist; E_CORRUPT naming the file when it is not JSON. */
export async function readJson(path: string): Promise<unknown> {
  const text = await readTextIfAny(path);
  return text === undefined ? undefined : parseJsonFile(path, text);
}

/** A small file's text, read synchronously; undefined when it does not exist. */
export function readTextSync(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (isCode(error, 'ENOENT', 'ENOTDIR')) return undefined;
    throw error;
  }
}

/** A file's bytes; undefined when it (or its folder) does not exist; other errors are thrown. */
export function readBytesSync(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch (error) {
    if (isCode(error, 'ENOENT', 'ENOTDIR')) return undefined;
    throw error;
  }
}

/** `readJson`, synchronous: for a call turn's small files (see replaceFileSync for why). */
export function readJsonSync(path: string): unknown {
  const text = readTextSync(path);
  return text === undefined ? undefined : parseJsonFile(path, text);
}

function parseJsonFile(path: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw corruptFile(path, `not valid JSON (${(error as Error).message})`);
  }
}

/** Sub-folders of a folder whose names do not start with a dot; none when it does not exist. */
export async function subfolders(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name);
  } catch (error) {
    if (isCode(error, 'ENOENT', 'ENOTDIR')) return [];
    throw error;
  }
}

/** One path segment that cannot climb out of its folder. */
export function isPlainSegment(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name);
}

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** True when the error is a Node file error with one of these codes. */
export function isCode(error: unknown, ...codes: string[]): boolean {
  return codes.includes((error as NodeJS.ErrnoException | undefined)?.code ?? '');
}

/** For `.catch`: a file already gone is fine. */
export function ignoreMissing(error: unknown): void {
  if (!isCode(error, 'ENOENT')) throw error;
}

/** Maps with at most `limit` calls running at once, keeping the order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  });
  await Promise.all(workers);
  return out;
}
