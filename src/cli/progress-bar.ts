/**
 * A one-line progress bar for long runs (`cs create --mock --count 100000`), drawn on a terminal
 * only: on a pipe or file it writes nothing, so captured output stays clean. Redrawn at most
 * ten times a second.
 *
 * @example const bar = new ProgressBar(process.stderr, '生成 Creating customers', 100_000); bar.update(5_000); bar.done();
 */
export class ProgressBar {
  readonly #out: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly #label: string;
  readonly #total: number;
  readonly #started = Date.now();
  #drawnAt = 0;

  constructor(out: NodeJS.WritableStream, label: string, total: number) {
    this.#out = out;
    this.#label = label;
    this.#total = total;
  }

  get #shown(): boolean {
    return this.#out.isTTY === true;
  }

  /** Shows `done` of the total. */
  update(done: number): void {
    if (!this.#shown) return;
    const now = Date.now();
    if (now - this.#drawnAt < 100 && done < this.#total) return;
    this.#drawnAt = now;
    this.#out.write(`\r${this.line(done, now)}\u001b[K`);
  }

  /** The bar's text for `done` of the total at time `now` (ms). */
  line(done: number, now = Date.now()): string {
    const share = this.#total === 0 ? 1 : Math.min(1, done / this.#total);
    const width = Math.max(10, Math.min(30, (this.#out.columns ?? 80) - 60));
    const filled = Math.round(share * width);
    const seconds = Math.max(0.001, (now - this.#started) / 1000);
    const rate = Math.round(done / seconds);
    return `${this.#label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${Math.floor(share * 100)}% ${done.toLocaleString('en')}/${this.#total.toLocaleString('en')} · ${rate.toLocaleString('en')}/s`;
  }

  /** Clears the bar's line. */
  done(): void {
    if (this.#shown) this.#out.write('\r\u001b[K');
  }
}
