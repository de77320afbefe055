// A fixed-capacity byte queue between an interrupt handler (the producer:
// keyboardOnIrq, serialOnIrq) and the code that reads input (the consumer:
// the console). No allocation, no locks.
//
// Overflow policy: when the ring is full, push() drops the NEW byte, keeps
// everything already queued (so what is read is always a prefix of what
// arrived, never a mix of old and new), and counts the drop in `dropped`.
//
// Concurrency: one producer and one consumer. `head` is written only by
// push() and `tail` only by pop(); both count bytes forever and wrap at 2^32,
// and the slot of a count is its low bits (the capacity is a power of two).
// push() fills the slot before it advances `head`, pop() reads the slot
// before it advances `tail`, so an interrupt between any two instructions of
// the consumer sees a consistent ring (x86 keeps stores in order; tskc does
// not reorder memory accesses).

/** Bytes a ring holds. A power of two: the slot of count n is n & (RING_CAPACITY). */
export const RING_CAPACITY: u32 = 256;
const RING_MASK: u32 = RING_CAPACITY - 1;

export class ByteRing {
  /** The slots, inside the object (no allocation). */
  readonly slots = new Uint8Array(256);
  /** Bytes ever pushed (wraps at 2^32). Written by the producer only. */
  head: u32 = 0;
  /** Bytes ever popped (wraps at 2^32). Written by the consumer only. */
  tail: u32 = 0;
  /** Bytes refused because the ring was full. Written by the producer only. */
  dropped: u64 = 0;

  /** Bytes waiting to be read, 0 … RING_CAPACITY. */
  size(): u32 {
    return this.head - this.tail;
  }

  /** Queues `b`; false (and one more drop counted) if the ring is full. */
  push(b: u8): bool {
    if (this.head - this.tail == RING_CAPACITY) {
      this.dropped++;
      return false;
    }
    this.slots[i32(this.head & RING_MASK)] = b;
    this.head++;
    return true;
  }

  /** The oldest byte (0 … 255), removed from the ring; -1 if it is empty. */
  pop(): i32 {
    if (this.head == this.tail) return -1;
    const b = unchecked(this.slots[i32(this.tail & RING_MASK)]);
    this.tail++;
    return i32(b);
  }
}
