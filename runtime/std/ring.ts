// RingBuffer<T>: a fixed-capacity FIFO queue (docs/library.md). Its slots
// are one heap array of a power-of-two capacity, allocated by the
// constructor and never grown. Overflow policy: push into a full ring
// refuses the NEW element and counts it in `dropped`, so what comes out is
// always a prefix of what went in.
//
// One producer and one consumer may run concurrently (an interrupt handler
// and the code it interrupts; kernel/lib/ring.ts): `head` is written only by
// push and `tail` only by shift, both count elements forever and wrap at
// 2^32 (a slot is a count's low bits). push fills the slot before it
// advances head, shift reads the slot before it advances tail (x86 keeps
// stores in order; tskc does not reorder memory accesses).

export class RingBuffer<T> {
  readonly slots: T[];
  /** Elements ever pushed (wraps at 2^32). Written by the producer only. */
  head: u32 = 0;
  /** Elements ever removed (wraps at 2^32). Written by the consumer only. */
  tail: u32 = 0;
  /** Pushes refused because the ring was full. Written by the producer only. */
  dropped: u64 = 0;
  private readonly mask: u32;

  /** A ring of `capacity` slots, a power of two (one heap array). */
  constructor(capacity: i32) {
    if (capacity <= 0 || (capacity & (capacity - 1)) != 0) throw new Error('RingBuffer: the capacity must be a power of two');
    this.slots = new Array<T>(capacity);
    this.mask = u32(capacity - 1);
  }

  get capacity(): i32 {
    return this.slots.length;
  }

  /** Elements waiting, 0 … capacity. */
  size(): u32 {
    return this.head - this.tail;
  }

  isEmpty(): bool {
    return this.head == this.tail;
  }

  isFull(): bool {
    return this.head - this.tail == u32(this.slots.length);
  }

  /** Queues `x` at the back; false (and one more drop counted) if the ring is full. O(1). */
  push(x: T): bool {
    if (this.head - this.tail == u32(this.slots.length)) {
      this.dropped++;
      return false;
    }
    this.slots[i32(this.head & this.mask)] = x;
    this.head++;
    return true;
  }

  /** Removes and returns the front element; panics when empty (test isEmpty() first). O(1). */
  shift(): T {
    if (this.head == this.tail) throw new Error('RingBuffer.shift: empty ring');
    const x = unchecked(this.slots[i32(this.tail & this.mask)]);
    this.tail++;
    return x;
  }

  /** The front element, left in place; panics when empty. */
  peek(): T {
    if (this.head == this.tail) throw new Error('RingBuffer.peek: empty ring');
    return unchecked(this.slots[i32(this.tail & this.mask)]);
  }

  /** Drops every element (not concurrently with a producer). */
  clear(): void {
    this.tail = this.head;
  }

  /** Returns the slots to the heap; the ring must not be used afterwards (free(ring) the object too). */
  free(): void {
    free(this.slots);
  }
}
