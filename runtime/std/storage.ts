// The element storage of the library's growable containers (Vec, MinHeap,
// HashMap): heap arrays whose length is the capacity. A container without
// storage holds the one static empty array, so it allocates nothing until
// its first element and never frees that array.

/** The storage of every container without any (a length-0 array looks the same for any T). */
const NONE = new Array<u64>(0);

/** No storage: the shared static empty array. */
export function noStorage<T>(): T[] {
  return changetype<T[]>(NONE);
}

/** The capacity to grow to from `capacity` when full: double, at least `first`. */
export function nextCapacity(capacity: i32, first: i32): i32 {
  return capacity < first ? first : capacity * 2;
}

/** A new array of `capacity` elements holding `old`'s first `count`; `old` is released. */
export function regrow<T>(old: T[], count: i32, capacity: i32): T[] {
  const items = new Array<T>(capacity);
  for (let j: i32 = 0; j < count; j++) items[j] = unchecked(old[j]);
  release<T>(old);
  return items;
}

/** Returns storage to the heap (the static empty array stays). */
export function release<T>(a: T[]): void {
  if (changetype<usize>(a) != changetype<usize>(NONE)) free(a);
}

/** What Vec and MinHeap share: `count` elements in `items`, whose length is the capacity. */
export class Growable<T> {
  /** The storage: its length is the capacity; elements past `count` are unspecified. */
  items: T[];
  /** The number of elements. */
  count: i32 = 0;

  /** Empty: nothing is allocated until the first element. */
  constructor() {
    this.items = noStorage<T>();
  }

  get length(): i32 {
    return this.count;
  }

  get capacity(): i32 {
    return this.items.length;
  }

  /** Forgets every element (the storage stays). */
  clear(): void {
    this.count = 0;
  }

  /** Returns the storage to the heap; the container is empty and may be used again. Not the object itself: free(x) after. */
  free(): void {
    release<T>(this.items);
    this.items = noStorage<T>();
    this.count = 0;
  }

  /** Makes room for at least `n` elements in all (one allocation, at most). */
  reserve(n: i32): void {
    if (n > this.items.length) this.items = regrow<T>(this.items, this.count, n);
  }

  /** Doubles the capacity, to `first` elements at least (amortised O(1) per element added). */
  grow(first: i32): void {
    this.items = regrow<T>(this.items, this.count, nextCapacity(this.count, first));
  }
}
