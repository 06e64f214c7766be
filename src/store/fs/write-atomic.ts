import { rename, unlink, writeFile } from 'node:fs/promises';

type WriteFileAtomic = (
  path: string,
  data: string,
  options: { encoding: 'utf8'; fsync: boolean },
) => Promise<void>;

let loaded: Promise<WriteFileAtomic> | undefined;
let counter = 0;

/**
 * Writes a whole file atomically: a reader, or a writer killed half-way, never sees a
 * half-written file.
 *
 * Durable writes (records, sessions: the default) go through `write-file-atomic` (temp file,
 * fsync, rename), loaded on the first write so read-only commands never pay for it.
 * `fsync: false` is for files that can be regenerated or are simulated (README, index, mock
 * state): a temp file and a rename, which keeps the write all-or-nothing; only a power cut may
 * lose it. Measured here, write-file-atomic without fsync took p50 1.0 ms / p99 8.5 ms against
 * 0.46 / 0.76 ms for the plain rename, and these writes sit on the call's turn path.
 *
 * @example await writeAtomic('/db/customers/4f064bfb_张先生/info.json', text)
 */
export async function writeAtomic(
  path: string,
  text: string,
  options: { fsync?: boolean } = {},
): Promise<void> {
  if (options.fsync === false) {
    // `<name>.<uint32>`, the temp name write-file-atomic uses, so the store's sweep of temp files
    // left by a killed writer covers both.
    const temp = `${path}.${(process.pid * 65_536 + (counter++ % 65_536)) >>> 0}`;
    try {
      await writeFile(temp, text, 'utf8');
      await rename(temp, path);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    return;
  }
  loaded ??= import('write-file-atomic').then((m) => m.default as WriteFileAtomic);
  const write = await loaded;
  await write(path, text, { encoding: 'utf8', fsync: true });
}

/** JSON as the earlier implementation wrote it: 2-space indent, non-ASCII kept, no final newline. */
export function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
