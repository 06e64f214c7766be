/**
 * The first `count` of many items in an order, offered one at a time, without sorting them all:
 * a page of 100 among 10,000 markers keeps 100 items and compares most others once, so a
 * listing neither sorts nor holds on to what it will not read. With an infinite count it keeps
 * every item and sorts them once.
 *
 * @example const first = new FirstInOrder(2, byNumber); for (const n of [5, 1, 4, 2]) first.offer(n); first.items // [1, 2]
 */
export class FirstInOrder<T> {
  readonly #items: T[] = [];
  readonly #count: number;
  readonly #compare: (a: T, b: T) => number;
  #offered = 0;
  #sorted = true;

  constructor(count: number, compare: (a: T, b: T) => number) {
    this.#count = count;
    this.#compare = compare;
  }

  offer(item: T): void {
    this.#offered++;
    const items = this.#items;
    if (this.#count === Number.POSITIVE_INFINITY) {
      items.push(item);
      this.#sorted = false;
      return;
    }
    if (items.length >= this.#count) {
      const last = items.at(-1);
      if (last === undefined || this.#compare(item, last) >= 0) return;
      items.pop();
    }
    // After the equal ones, as a stable sort puts them: the first `count` of a stable sort of
    // all, whatever `count`.
    let low = 0;
    let high = items.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.#compare(items[mid] as T, item) <= 0) low = mid + 1;
      else high = mid;
    }
    items.splice(low, 0, item);
  }

  /** How many were offered: more than `items` holds when some were left out. */
  get offered(): number {
    return this.#offered;
  }

  /** The first ones offered, in order. */
  get items(): readonly T[] {
    if (!this.#sorted) {
      this.#items.sort(this.#compare);
      this.#sorted = true;
    }
    return this.#items;
  }
}
