/** Values are copied through JSON on every write and read, as they are on disk or in a database. */
export const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * Runs read-modify-writes of one key one after another, as the other stores' locks do, so the
 * memory store loses no update under concurrency either.
 *
 * @example await queue.run(`customer:${id}`, async () => { ... })
 */
export class SerialQueue {
  readonly #queues = new Map<string, Promise<unknown>>();

  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.#queues.get(key) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(fn);
    const tail = run.catch(() => undefined);
    this.#queues.set(key, tail);
    try {
      return await run;
    } finally {
      if (this.#queues.get(key) === tail) this.#queues.delete(key);
    }
  }
}
