/**
 * A bounded cache with two generations: lookups are plain Map hits, and when the young generation
 * is full it becomes the old one (the previous old one is dropped). Entries still in use move back
 * to the young generation. O(1) everywhere, unlike deleting the oldest key of one Map.
 *
 * `offer` admits a value only for a key seen before: text that comes once (most free speech) is
 * never kept, so it costs no garbage collection of long-lived entries.
 */
export class TwoGenerationCache<V> {
  #young = new Map<string, V>();
  #old = new Map<string, V>();
  #seenYoung = new Set<string>();
  #seenOld = new Set<string>();
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

  /**
   * Keeps the value if the key was offered before (recently); else only remembers the key.
   * Returns whether the value was kept (a value not kept is the caller's alone).
   */
  offer(key: string, value: V): boolean {
    if (this.#seenYoung.has(key) || this.#seenOld.has(key)) {
      this.set(key, value);
      return true;
    }
    if (this.#seenYoung.size >= this.#limit) {
      this.#seenOld = this.#seenYoung;
      this.#seenYoung = new Set();
    }
    this.#seenYoung.add(key);
    return false;
  }
}
