// List<T>: an intrusive doubly linked list (docs/library.md). The links are
// two fields of the object itself (any names, of type `T | null`), named by
// their offsets, so an object can sit in several lists at once (a run queue
// and a wait queue: one pair of fields each), and pushing, popping and
// unlinking are O(1) with no allocation. The list owns nothing: it only
// threads the objects' own fields.
//
//   class Task { runNext: Task | null = null; runPrev: Task | null = null; … }
//   const runQueue = new List<Task>(offsetof<Task>('runNext'), offsetof<Task>('runPrev'));

export class List<T> {
  first: T | null = null;
  last: T | null = null;
  /** The number of objects in the list. */
  count: i32 = 0;

  /** A list threaded through T's `T | null` fields at byte offsets `nextLink` and `prevLink` (offsetof). */
  constructor(public readonly nextLink: usize, public readonly prevLink: usize) {
    if (nextLink == prevLink) throw new Error('List: the next and prev links must be two fields');
  }

  get length(): i32 {
    return this.count;
  }

  /** The object after x in this list, or null. */
  nextOf(x: T): T | null {
    return changetype<T | null>(load<usize>(changetype<usize>(x) + this.nextLink));
  }

  /** The object before x in this list, or null. */
  prevOf(x: T): T | null {
    return changetype<T | null>(load<usize>(changetype<usize>(x) + this.prevLink));
  }

  /** Whether x is in this list (for an object in no list of these links, its fields are null): O(1). */
  contains(x: T): bool {
    return this.prevOf(x) !== null || this.first === x;
  }

  /** Appends x, which must not be in a list of these links. O(1). */
  pushBack(x: T): void {
    this.setLinks(x, null, this.last);
    const last = this.last;
    if (last !== null) this.setNext(last, x);
    else this.first = x;
    this.last = x;
    this.count++;
  }

  /** Prepends x, which must not be in a list of these links. O(1). */
  pushFront(x: T): void {
    this.setLinks(x, this.first, null);
    const first = this.first;
    if (first !== null) this.setPrev(first, x);
    else this.last = x;
    this.first = x;
    this.count++;
  }

  /** Removes and returns the first object, or null. O(1). */
  popFront(): T | null {
    const x = this.first;
    if (x !== null) this.remove(x);
    return x;
  }

  /** Removes and returns the last object, or null. O(1). */
  popBack(): T | null {
    const x = this.last;
    if (x !== null) this.remove(x);
    return x;
  }

  /** Unlinks x, which must be in this list; its link fields become null. O(1). */
  remove(x: T): void {
    const next = this.nextOf(x);
    const prev = this.prevOf(x);
    if (prev !== null) this.setNext(prev, next);
    else if (this.first === x) this.first = next;
    else throw new Error('List.remove: the object is not in this list');
    if (next !== null) this.setPrev(next, prev);
    else this.last = prev;
    this.setLinks(x, null, null);
    this.count--;
  }

  /** Moves x (in this list) to the back: an LRU list's "used now". O(1). */
  moveToBack(x: T): void {
    this.remove(x);
    this.pushBack(x);
  }

  /** Unlinks every object (their link fields become null). O(n). */
  clear(): void {
    while (this.first !== null) this.remove(this.first!);
  }

  private setLinks(x: T, next: T | null, prev: T | null): void {
    this.setNext(x, next);
    this.setPrev(x, prev);
  }

  private setNext(x: T, next: T | null): void {
    store<usize>(changetype<usize>(x) + this.nextLink, changetype<usize>(next));
  }

  private setPrev(x: T, prev: T | null): void {
    store<usize>(changetype<usize>(x) + this.prevLink, changetype<usize>(prev));
  }
}
