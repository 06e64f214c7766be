/**
 * A bounded cache with two generations: lookups are plain Map hits, and when the young generation
 * is full it becomes the old one (the previous old one is dropped). Entries still in use move back
 * to the young generation. O(1) everywhere, unlike deleting the oldest key of one Map.
 *
 * `offer` admits a value only for a key seen before: text that comes once (most free speech) is
 * never kept, so it costs no garbage collection of long-lived entries.
 *
 * Keys seen are remembered as 32-bit hashes in a small direct-mapped table, not in Sets of
 * strings: a text said once then costs one hash and one slot instead of four lookups in large
 * hash tables and a string kept alive. A slot taken over by another text only forgets that the
 * first was seen (it is kept on its third offer instead of its second); a collision of two hashes
 * only keeps a value early. Either changes what is cached, never what is returned.
 */
export class TwoGenerationCache<V> {
  #young = new Map<string, V>();
  #old = new Map<string, V>();
  /** Hashes of the keys offered lately, by their low bits; 0 is an empty slot. */
  readonly #seen: Int32Array;
  readonly #mask: number;
  readonly #limit: number;

  constructor(limit: number) {
    this.#limit = limit;
    // Two slots per entry the cache may keep: few texts seen once push out one seen before.
    let slots = 1;
    while (slots < limit * 2) slots <<= 1;
    this.#seen = new Int32Array(slots);
    this.#mask = slots - 1;
  }

  get(key: string): V | undefined {
    // Every value was offered (or used) under a hash still remembered, or it is dropped soon
    // anyway: a key whose hash is not in its slot is a miss without looking further.
    const h = hashOf(key);
    if (this.#seen[h & this.#mask] !== h) return undefined;
    const hit = this.#young.get(key);
    if (hit !== undefined) return hit;
    const old = this.#old.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  set(key: string, value: V): void {
    const h = hashOf(key);
    this.#seen[h & this.#mask] = h;
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
    const h = hashOf(key);
    const slot = h & this.#mask;
    if (this.#seen[slot] === h) {
      this.set(key, value);
      return true;
    }
    this.#seen[slot] = h;
    return false;
  }
}

// The last key hashed: a text is looked up, then offered, often in two caches in a row.
let lastKey = '';
let lastHash = hashText('');

/** A hash of the key that is never 0 (an empty slot). */
function hashOf(key: string): number {
  if (key === lastKey) return lastHash;
  lastKey = key;
  lastHash = hashText(key);
  return lastHash;
}

/** FNV-1a over the UTF-16 units, made non-zero. */
function hashText(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h === 0 ? 1 : h;
}
