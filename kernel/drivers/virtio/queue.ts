// A split virtqueue (virtio 1.x, 2.7): the descriptor table, the driver's
// available ring and the device's used ring, in one zeroed frame from the
// frame allocator (QUEUE_MAX_SIZE entries fit in 4 KiB). Free descriptors
// form a list through their `next` fields. A request takes a chain of
// descriptors, fills them, and is submitted: its head goes into the
// available ring and the device is notified. Completed heads come back
// through the used ring; every id and length the device writes there is
// checked (a head that is not in flight is counted and ignored), and the
// chain returns to the free list. Callers run with interrupts off.
// docs/storage.md, "Virtio".
import { allocZeroedFrame } from '../../mm/frames';
import { physToVirt } from '../../mm/phys';

/** The most entries a queue gets (the device may offer fewer). */
export const QUEUE_MAX_SIZE: u32 = 128;
/** Descriptor flags. */
export const DESC_NEXT: u16 = 1;
export const DESC_WRITE: u16 = 2; // the device writes this buffer
const DESC_BYTES: usize = 16;
const NONE: u16 = 0xffff;

export class Virtqueue {
  /** The queue's index on its device. */
  index: u16 = 0;
  size: u16 = 0;
  /** Physical addresses of the three parts (what the device is told). */
  descPhys: u64 = 0;
  availPhys: u64 = 0;
  usedPhys: u64 = 0;
  /** Where a write of the queue's index notifies the device. */
  notifyAddr: usize = 0;
  freeHead: u16 = 0;
  freeCount: u16 = 0;
  /** The used ring position read up to. */
  lastUsed: u16 = 0;
  /** The length the device reported for the head popUsed returned last. */
  usedLength: u32 = 0;
  /** Used-ring entries that named no request in flight (a broken device). */
  badEntries: u64 = 0;
  /** Per head: 1 while its chain is with the device. */
  inFlight: Uint8Array = new Uint8Array(0);

  private desc(i: u16): usize {
    return physToVirt(this.descPhys) + usize(i) * DESC_BYTES;
  }

  /** Takes a chain of `n` linked descriptors; its head, or -1 if fewer than `n` are free. */
  take(n: u16): i32 {
    if (n == 0 || n > this.freeCount) return -1;
    const head = this.freeHead;
    let last = head;
    for (let k: u16 = 1; k < n; k++) last = load<u16>(this.desc(last) + 14);
    this.freeHead = load<u16>(this.desc(last) + 14);
    store<u16>(this.desc(last) + 12, 0); // the chain's end: no NEXT
    this.freeCount -= n;
    return i32(head);
  }

  /** Fills descriptor `k` (0-based) of the chain at `head`: `len` bytes at `phys`, written by the device if `deviceWrites`. */
  fill(head: u16, k: u16, phys: u64, len: u32, deviceWrites: bool): void {
    let i = head;
    for (let s: u16 = 0; s < k; s++) i = load<u16>(this.desc(i) + 14);
    const d = this.desc(i);
    const chained = (load<u16>(d + 12) & DESC_NEXT) != 0;
    store<u64>(d, phys);
    store<u32>(d + 8, len);
    store<u16>(d + 12, (chained ? DESC_NEXT : 0) | (deviceWrites ? DESC_WRITE : 0));
  }

  /** While true, submit leaves the device unnotified (a test build's `txburst` fills the ring first); kick tells it. */
  holdNotify: bool = false;

  /** Tells the device the available ring has new entries. */
  kick(): void {
    volatileStore<u16>(this.notifyAddr, this.index);
  }

  /** Hands the chain at `head` to the device and notifies it (unless holdNotify). */
  submit(head: u16): void {
    this.inFlight[i32(head)] = 1;
    const avail = physToVirt(this.availPhys);
    const idx = load<u16>(avail + 2);
    volatileStore<u16>(avail + 4 + usize(idx % this.size) * 2, head);
    compilerFence(); // the entry before the index (x86 keeps stores in order)
    volatileStore<u16>(avail + 2, idx + 1);
    mfence(); // the index is visible before the device hears of it
    if (!this.holdNotify) this.kick();
  }

  /** The head of the next completed chain (its length in usedLength), freed; -1 if none is waiting. */
  popUsed(): i32 {
    const used = physToVirt(this.usedPhys);
    while (this.lastUsed != volatileLoad<u16>(used + 2)) {
      const e = used + 4 + usize(this.lastUsed % this.size) * 8;
      this.lastUsed++;
      const id = volatileLoad<u32>(e);
      if (id >= u32(this.size) || this.inFlight[i32(id)] == 0) {
        this.badEntries++; // not ours to free: ignore it
        continue;
      }
      this.usedLength = volatileLoad<u32>(e + 4);
      this.inFlight[i32(id)] = 0;
      this.release(u16(id));
      return i32(id);
    }
    return -1;
  }

  /** Returns the chain at `head` to the free list. */
  private release(head: u16): void {
    let i = head;
    let n: u16 = 1;
    while ((load<u16>(this.desc(i) + 12) & DESC_NEXT) != 0 && n < this.size) {
      i = load<u16>(this.desc(i) + 14);
      n++;
    }
    store<u16>(this.desc(i) + 12, DESC_NEXT);
    store<u16>(this.desc(i) + 14, this.freeHead);
    this.freeHead = head;
    this.freeCount += n;
  }
}

/**
 * A queue of `size` entries (a power of two, at most QUEUE_MAX_SIZE) in a
 * fresh zeroed frame, every descriptor free; null when memory is out.
 */
export function virtqueueNew(index: u16, size: u16): Virtqueue | null {
  const frame = allocZeroedFrame();
  if (frame == 0) return null;
  const q = new Virtqueue();
  q.index = index;
  q.size = size;
  q.descPhys = frame;
  q.availPhys = frame + u64(size) * 16;
  q.usedPhys = (q.availPhys + 6 + u64(size) * 2 + 3) & ~u64(3);
  q.inFlight = new Uint8Array(i32(size));
  for (let i: u16 = 0; i < size; i++) {
    const d = physToVirt(frame) + usize(i) * DESC_BYTES;
    store<u16>(d + 12, DESC_NEXT);
    store<u16>(d + 14, i + 1 < size ? i + 1 : NONE);
  }
  q.freeHead = 0;
  q.freeCount = size;
  return q;
}
