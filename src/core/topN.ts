/**
 * The first `limit` items of a stable sort, kept while the items stream past: a bounded heap holds
 * at most `limit` of them, so a 20,000-paper feed shown 20 at a time never holds the other 19,980.
 * The result equals `stableSort(items, compare)` (reversed when `reverse`, ties included) cut to
 * `limit`; items that compare equal keep their order of arrival (reversed with the rest).
 */
export class TopN<T> {
  readonly #limit: number;
  readonly #before: (a: Entry<T>, b: Entry<T>) => boolean;
  /** A max-heap under the output order: the root is the item that would be shown last. */
  readonly #heap: Entry<T>[] = [];
  #seen = 0;

  constructor(limit: number, compare: (a: T, b: T) => number, reverse = false) {
    if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`a limit of ${limit}`);
    this.#limit = limit;
    // A total order: the stable sort's order (compare, then arrival), or exactly its reverse.
    this.#before = reverse ? (a, b) => (compare(b.value, a.value) || b.seq - a.seq) < 0 : (a, b) => (compare(a.value, b.value) || a.seq - b.seq) < 0;
  }

  /** How many items were offered. */
  get seen(): number {
    return this.#seen;
  }

  push(value: T): void {
    const entry = { value, seq: this.#seen++ };
    const heap = this.#heap;
    if (heap.length < this.#limit) {
      heap.push(entry);
      this.#up(heap.length - 1);
    } else if (heap.length > 0 && this.#before(entry, heap[0]!)) {
      heap[0] = entry;
      this.#down(0);
    }
  }

  /** The kept items in output order. */
  result(): T[] {
    return [...this.#heap].sort((a, b) => (this.#before(a, b) ? -1 : 1)).map((e) => e.value);
  }

  #up(i: number): void {
    const heap = this.#heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#before(heap[parent]!, heap[i]!)) return;
      [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
      i = parent;
    }
  }

  #down(i: number): void {
    const heap = this.#heap;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let last = i;
      if (left < heap.length && this.#before(heap[last]!, heap[left]!)) last = left;
      if (right < heap.length && this.#before(heap[last]!, heap[right]!)) last = right;
      if (last === i) return;
      [heap[last], heap[i]] = [heap[i]!, heap[last]!];
      i = last;
    }
  }
}

interface Entry<T> {
  value: T;
  seq: number;
}
