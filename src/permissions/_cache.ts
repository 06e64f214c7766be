/**
 * A bounded cache with two generations: lookups are plain Map hits, and when the young generation
 * is full it becomes the old one (the previous old one is dropped). Entries still in use move back
 * to the young generation. O(1) everywhere, unlike deleting the oldest key of one Map.
 */
export class TwoGenerationCache<V> {
  #young = new Map<string, V>();
  #old = new Map<string, V>();
  readonly #limit: number;

  constructor(limit: number) {
    this.#limit = limit;
  }

  get(key: string): V | undefined {
    const hit = this.#young.get(key);
    if (hit !== undefined) return hit;
    const old = this.#old.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  set(key: string, value: V): void {
    if (this.#young.size >= this.#limit) {
      this.#old = this.#young;
      this.#young = new Map();
    }
    this.#young.set(key, value);
  }
}
