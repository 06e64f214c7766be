/**
 * A bounded cache with two generations: lookups are plain Map hits, and when the young generation
 * is full it becomes the old one (the previous old one is dropped). Entries still in use move back
 * to the young generation. O(1) everywhere, unlike deleting the oldest key of one Map.
 *
 * `offer` admits a value only for a key seen before: text that comes once (most free speech) is
 * never kept, so it costs no garbage collection of long-lived entries.
 *
 * Both questions are answered by hashes first, not by Sets of strings: keys offered lately are
 * remembered as 32-bit hashes in a small table (four per bucket, the latest first), and a bit per
 * bucket says whether a key kept may be there. A text said once then costs one hash and a few
 * array reads instead of lookups in four large hash tables and a string kept alive. The tables
 * only decide what is kept (a collision keeps a value early; a bucket that five keys share forgets
 * the oldest, which is then kept on its third offer), never what a lookup returns: a key kept
 * always has its bit.
 */
export class TwoGenerationCache<V> {
  #young = new Map<string, V>();
  #old = new Map<string, V>();
  /** Hashes of the keys offered lately: four slots per bucket, the latest first; 0 is empty. */
  readonly #seen: Int32Array;
  readonly #seenShift: number;
  /** Per bucket of hashes: whether a key in either generation may have its hash there. */
  readonly #kept: Uint8Array;
  readonly #keptShift: number;
  readonly #limit: number;

  constructor(limit: number) {
    this.#limit = limit;
    // Buckets from the high bits of the hash (the ones a multiplicative hash mixes well): twice
    // as many as entries for what was seen, sixteen times for what is kept, so that a new text
    // mostly finds an empty bucket even when the cache is full.
    const seenBits = bitsFor(limit * 2);
    this.#seen = new Int32Array(4 << seenBits);
    this.#seenShift = 32 - seenBits;
    const keptBits = bitsFor(limit * 16);
    this.#kept = new Uint8Array(1 << keptBits);
    this.#keptShift = 32 - keptBits;
  }

  get(key: string): V | undefined {
    // The bit first: a text never seen (what most checks read) is then answered without a lookup
    // in either generation, and its hash is the one `offer` needs next (remembered).
    if (this.#kept[textHash(key) >>> this.#keptShift] === 0) return undefined;
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
      // The dropped generation's bits go: the kept keys are the old generation's now.
      this.#kept.fill(0);
      for (const k of this.#old.keys()) this.#kept[hashText(k) >>> this.#keptShift] = 1;
    }
    this.#young.set(key, value);
    this.#kept[textHash(key) >>> this.#keptShift] = 1;
  }

  /**
   * Keeps the value if the key was offered before (recently); else only remembers the key.
   * Returns whether the value was kept (a value not kept is the caller's alone).
   */
  offer(key: string, value: V): boolean {
    const h = textHash(key);
    const slot = (h >>> this.#seenShift) << 2;
    const seen = this.#seen;
    if (seen[slot] === h || seen[slot + 1] === h || seen[slot + 2] === h || seen[slot + 3] === h) {
      this.set(key, value);
      return true;
    }
    seen[slot + 3] = seen[slot + 2]!;
    seen[slot + 2] = seen[slot + 1]!;
    seen[slot + 1] = seen[slot]!;
    seen[slot] = h;
    return false;
  }
}

/** The number of bits that index at least `n` buckets. */
function bitsFor(n: number): number {
  let bits = 1;
  while (1 << bits < n) bits++;
  return bits;
}

// The last key hashed: a text is looked up, then offered, often in several caches in a row.
let lastKey = '';
let lastHash = hashText('');

/**
 * A 32-bit hash of the text that is never 0 (an empty slot); its high bits are the well mixed
 * ones. The last text's is remembered: a check hashes its text once for all its tables.
 */
export function textHash(key: string): number {
  if (key === lastKey) return lastHash;
  lastKey = key;
  lastHash = hashText(key);
  return lastHash;
}

/** FNV-1a over the UTF-16 units, its bits mixed (MurmurHash3's finaliser), made non-zero. */
function hashText(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  // FNV alone leaves the high bits (the buckets) poorly mixed for texts that differ in one digit.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h === 0 ? 1 : h | 0;
}
