// The kernel's input queues: a RingBuffer<u8> of the standard library
// (runtime/std/ring.ts, docs/library.md) between an interrupt handler (the
// producer: keyboardOnIrq, serialOnIrq) and the code that reads input (the
// consumer: the console). No locks: the library's ring allows one producer
// and one consumer to run concurrently.
//
// Overflow policy (the library's): when the ring is full, push() drops the
// NEW byte, keeps everything already queued (so what is read is always a
// prefix of what arrived, never a mix of old and new), and counts the drop
// in `dropped`. The slots are one array from the boot arena, allocated when
// the driver's module initialises (kernel/drivers/keyboard.ts, serial.ts).

import { RingBuffer } from 'tskc:collections';

/** Bytes a ring holds (a power of two). */
export const RING_CAPACITY: u32 = 256;

export class ByteRing extends RingBuffer<u8> {
  constructor() {
    super(256);
  }

  /** The oldest byte (0 … 255), removed from the ring; -1 if it is empty. */
  pop(): i32 {
    return this.isEmpty() ? -1 : i32(this.shift());
  }
}
