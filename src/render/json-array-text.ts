/** Where JSON text goes a piece at a time (a StreamWriter over stdout). */
export interface JsonTextSink {
  write(text: string): Promise<void>;
  readonly closed: boolean;
}

/**
 * Writes items as `JSON.stringify(array, null, 2)` would, nested `indent` deep, one item at a
 * time, so a JSON listing streams. Stops early when the reader goes away.
 *
 * @returns how many items were written.
 * @example await writeJsonArray(out, store.streamSummaries('customer'), '')
 */
export async function writeJsonArray(
  out: JsonTextSink,
  items: AsyncIterable<unknown> | Iterable<unknown>,
  indent: string,
): Promise<number> {
  let count = 0;
  for await (const item of items) {
    if (out.closed) break;
    await out.write(jsonArrayItem(item, count++, indent));
  }
  await out.write(jsonArrayEnd(count, indent));
  return count;
}

/** The text of item `index` of a JSON array written piece by piece (see `writeJsonArray`). */
export function jsonArrayItem(item: unknown, index: number, indent: string): string {
  const inner = `${indent}  `;
  return `${index === 0 ? '[\n' : ',\n'}${inner}${JSON.stringify(item, null, 2).replaceAll('\n', `\n${inner}`)}`;
}

/** What closes a JSON array of `count` items written piece by piece. */
export function jsonArrayEnd(count: number, indent: string): string {
  return count === 0 ? '[]' : `\n${indent}]`;
}
