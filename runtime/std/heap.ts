// MinHeap<T>: a binary min-heap by a comparator (docs/library.md), in one
// growable heap array (runtime/std/storage.ts): the smallest element (a timer queue's next deadline)
// is always at the top. It owns its array, not what the elements refer to.

import { Growable } from './storage';

export class MinHeap<T> extends Growable<T> {
  /** `compare(a, b)` is negative when a comes out first. Nothing is allocated until the first push. */
  constructor(public readonly compare: (a: T, b: T) => i32) {
    super();
  }

  /** Adds x: O(log n), amortised (the array doubles when full, first 8). */
  push(x: T): void {
    if (this.count == this.items.length) this.grow(8);
    const a = this.items;
    // Sift up: move parents down until x's place is found.
    let i = this.count;
    this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = unchecked(a[parent]);
      if (this.compare(x, p) >= 0) break;
      a[i] = p;
      i = parent;
    }
    a[i] = x;
  }

  /** The smallest element, left in place; panics when empty. O(1). */
  peek(): T {
    if (this.count == 0) throw new Error('MinHeap.peek: empty heap');
    return unchecked(this.items[0]);
  }

  /** Removes and returns the smallest element; panics when empty. O(log n). */
  pop(): T {
    if (this.count == 0) throw new Error('MinHeap.pop: empty heap');
    const a = this.items;
    const top = unchecked(a[0]);
    this.count--;
    const n = this.count;
    const last = unchecked(a[n]);
    // Sift down: move the smaller child up until last's place is found.
    let i: i32 = 0;
    while (true) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && this.compare(unchecked(a[child + 1]), unchecked(a[child])) < 0) child++;
      const c = unchecked(a[child]);
      if (this.compare(last, c) <= 0) break;
      a[i] = c;
      i = child;
    }
    if (n > 0) a[i] = last;
    return top;
  }
}
