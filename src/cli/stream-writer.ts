/**
 * Writes a long output a piece at a time: text is gathered into chunks of about 64 KB, each
 * written when the stream has room (backpressure), so a listing of any size holds one chunk.
 * A reader that goes away (`cs list | head`) ends the writing quietly: `closed` turns true and
 * the producer can stop.
 *
 * @example const out = new StreamWriter(process.stdout); await out.write('line\n'); await out.end();
 */
export class StreamWriter {
  readonly #out: NodeJS.WritableStream;
  #chunk: string[] = [];
  #size = 0;
  #closed = false;

  constructor(out: NodeJS.WritableStream) {
    this.#out = out;
  }

  /** True once the reader has gone away; later writes are dropped. */
  get closed(): boolean {
    const out = this.#out as NodeJS.WritableStream & { destroyed?: boolean; writableEnded?: boolean };
    return this.#closed || out.destroyed === true || out.writableEnded === true;
  }

  async write(text: string): Promise<void> {
    this.#chunk.push(text);
    this.#size += text.length;
    if (this.#size >= 65_536) await this.flush();
  }

  /** Writes what is gathered and waits until the stream has room again. */
  async flush(): Promise<void> {
    if (this.#chunk.length === 0) return;
    const text = this.#chunk.join('');
    this.#chunk = [];
    this.#size = 0;
    if (this.closed) return;
    if (this.#out.write(text)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        this.#out.off('drain', done);
        this.#out.off('close', gone);
        this.#out.off('error', gone);
        resolve();
      };
      const gone = () => {
        this.#closed = true;
        done();
      };
      this.#out.on('drain', done);
      this.#out.on('close', gone);
      this.#out.on('error', gone);
    });
  }

  /** Flushes the rest (the stream itself stays open: it is usually stdout). */
  async end(): Promise<void> {
    await this.flush();
  }
}

/**
 * Writes items as `JSON.stringify(array, null, 2)` would, nested `indent` deep, one item at a
 * time, so a JSON listing streams. Stops early when the reader goes away.
 *
 * @returns how many items were written.
 * @example await writeJsonArray(out, store.streamSummaries('customer'), '')
 */
export async function writeJsonArray(
  out: StreamWriter,
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
