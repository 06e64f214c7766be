type WriteFileAtomic = (
  path: string,
  data: string,
  options: { encoding: 'utf8'; fsync: boolean },
) => Promise<void>;

let loaded: Promise<WriteFileAtomic> | undefined;

/**
 * Writes a whole file atomically (temp file in the same folder, fsync, rename) with
 * `write-file-atomic`: a reader, or a writer killed half-way, never sees a half-written file.
 * The library is loaded on the first write so read-only commands never pay for it.
 * `fsync: false` skips the flush to disk for files that can be regenerated (README, index):
 * the rename still makes the write all-or-nothing, only a power cut may lose it.
 *
 * @example await writeAtomic('/db/customers/4f064bfb_张先生/info.json', text)
 */
export async function writeAtomic(
  path: string,
  text: string,
  options: { fsync?: boolean } = {},
): Promise<void> {
  loaded ??= import('write-file-atomic').then((m) => m.default as WriteFileAtomic);
  const write = await loaded;
  await write(path, text, { encoding: 'utf8', fsync: options.fsync ?? true });
}

/** JSON as the earlier implementation wrote it: 2-space indent, non-ASCII kept, no final newline. */
export function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
