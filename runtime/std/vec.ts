// Vec<T>: a growable array (docs/library.md). The elements live in one heap
// array `items` whose length is the capacity; the first `count` are the
// vector's. It owns that array, never what the elements refer to: free()
// returns the array, and objects stored in it are still the caller's.

import { sortRange } from './sort';
import { Growable } from './storage';

/** Capacity of the first allocation. */
const FIRST_CAPACITY: i32 = 4;

/** A growable array of T; `for (const x of v)` visits elements 0 … length-1. @forOf items count */
export class Vec<T> extends Growable<T> {
  /** An empty vector with room for `capacity` elements (0: nothing allocated until the first push). */
  constructor(capacity: i32 = 0) {
    super();
    if (capacity > 0) this.reserve(capacity);
  }

  /** Element i (bounds-checked against the length). */
  get(i: i32): T {
    if (u32(i) >= u32(this.count)) throw new Error('Vec.get: index out of bounds');
    return unchecked(this.items[i]);
  }

  /** Replaces element i (bounds-checked against the length). */
  set(i: i32, value: T): void {
    if (u32(i) >= u32(this.count)) throw new Error('Vec.set: index out of bounds');
    this.items[i] = value;
  }

  /** The last element; panics when empty. */
  last(): T {
    if (this.count == 0) throw new Error('Vec.last: empty vector');
    return unchecked(this.items[this.count - 1]);
  }

  /** Appends `value`: amortised O(1), the capacity doubles when full. */
  push(value: T): void {
    if (this.count == this.items.length) this.grow(FIRST_CAPACITY);
    this.items[this.count] = value;
    this.count++;
  }

  /** Removes and returns the last element; panics when empty. */
  pop(): T {
    if (this.count == 0) throw new Error('Vec.pop: empty vector');
    this.count--;
    return unchecked(this.items[this.count]);
  }

  /** Inserts `value` at `i` (0 … length), moving the later elements up: O(length - i). */
  insert(i: i32, value: T): void {
    if (u32(i) > u32(this.count)) throw new Error('Vec.insert: index out of bounds');
    if (this.count == this.items.length) this.grow(FIRST_CAPACITY);
    const items = this.items;
    for (let j = this.count; j > i; j--) items[j] = items[j - 1];
    items[i] = value;
    this.count++;
  }

  /** Removes and returns element i, moving the later elements down (order kept): O(length - i). */
  remove(i: i32): T {
    if (u32(i) >= u32(this.count)) throw new Error('Vec.remove: index out of bounds');
    const items = this.items;
    const value = unchecked(items[i]);
    for (let j = i + 1; j < this.count; j++) items[j - 1] = items[j];
    this.count--;
    return value;
  }

  /** Removes and returns element i, putting the last element in its place (order lost): O(1). */
  swapRemove(i: i32): T {
    if (u32(i) >= u32(this.count)) throw new Error('Vec.swapRemove: index out of bounds');
    const items = this.items;
    const value = unchecked(items[i]);
    this.count--;
    items[i] = items[this.count];
    return value;
  }

  /** The first index ≥ `from` of an element === `value` (strings compare by bytes), or -1: O(n). */
  indexOf(value: T, from: i32 = 0): i32 {
    for (let i = from < 0 ? 0 : from; i < this.count; i++) if (unchecked(this.items[i]) === value) return i;
    return -1;
  }

  /** Sorts in place by `compare` (negative: a first): introsort, O(n log n) worst case, not stable. */
  sort(compare: (a: T, b: T) => i32): void {
    sortRange<T>(this.items, 0, this.count, compare);
  }

  /**
   * In a vector sorted by `compare`, the index of an element equal to
   * `value`, or -(insertion point) - 1 when there is none: O(log n).
   */
  binarySearch(value: T, compare: (a: T, b: T) => i32): i32 {
    let lo: i32 = 0;
    let hi: i32 = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = compare(unchecked(this.items[mid]), value);
      if (c < 0) lo = mid + 1;
      else if (c > 0) hi = mid;
      else return mid;
    }
    return -lo - 1;
  }

}

/** For tsc: a Vec is iterable by for…of (tskc compiles it from the @forOf tag above). */
export interface Vec<T> {
  [Symbol.iterator](): Iterator<T>;
}
