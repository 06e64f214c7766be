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

// The JSON array pieces moved to render/ (operations stream listings too); named here as before.
export { jsonArrayEnd, jsonArrayItem, writeJsonArray } from '../render/json-array-text.js';
