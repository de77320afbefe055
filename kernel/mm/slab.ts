// One slab: a 4 KiB frame holding equal-sized objects of one size class
// (16..2048 bytes, powers of two) behind an 80-byte header. Objects are
// packed against the end of the frame, so each is aligned to its size; a
// bitmap in the header marks the live ones (a free search reads at most four
// words), which is also how kfree tells a double free from a valid one.
// See docs/kernel-heap.md for the layout.
import { lowestSet } from './bitmap';

export const SLAB_BYTES: usize = 4096;
export const SLAB_MAGIC: u32 = 0x4241_4c53; // 'SLAB'
export const SLAB_HEADER: usize = 80;
export const SMALLEST: usize = 16;
export const LARGEST: usize = 2048;
export const CLASSES: i32 = 8;

// Header fields (byte offsets).
const H_MAGIC: usize = 0; // u32
const H_CLASS: usize = 4; // u32
const H_SIZE: usize = 8; // u32: object size
const H_CAPACITY: usize = 12; // u32: objects in this slab
const H_IN_USE: usize = 16; // u32
const H_FIRST: usize = 20; // u32: offset of object 0
const H_NEXT: usize = 24; // u64: next slab with free objects in this class
const H_PREV: usize = 32; // u64
const H_LIVE: usize = 48; // 4 x u64: bit i set = object i allocated (bits past capacity set too)
const LIVE_WORDS: usize = 4;

/** The size class of a request of `size` bytes (size ≤ LARGEST): class c holds 16 << c. */
export function classOf(size: usize): i32 {
  if (size <= SMALLEST) return 0;
  const x = u64(size - 1);
  return i32(asm<u64>('bsr {result}, {x}', asm.out('reg'), asm.in('reg', x), asm.options('pure', 'nomem', 'nostack'))) - 3; // one bsr: the highest bit of size - 1, less 3 (a loop cost up to 21)
}

export function classSize(c: i32): usize {
  return SMALLEST << usize(c);
}

/** Formats the frame at virtual address `slab` as an empty slab of class c. */
export function slabInit(slab: usize, c: i32): void {
  const size = classSize(c);
  const capacity = (SLAB_BYTES - SLAB_HEADER) / size;
  store<u32>(slab + H_MAGIC, SLAB_MAGIC);
  store<u32>(slab + H_CLASS, u32(c));
  store<u32>(slab + H_SIZE, u32(size));
  store<u32>(slab + H_CAPACITY, u32(capacity));
  store<u32>(slab + H_IN_USE, 0);
  store<u32>(slab + H_FIRST, u32(SLAB_BYTES - capacity * size));
  store<u64>(slab + H_NEXT, 0);
  store<u64>(slab + H_PREV, 0);
  for (let w: usize = 0; w < LIVE_WORDS; w++) {
    // Bits past the capacity are set, so the free search never finds them.
    let v: u64 = 0;
    for (let b: usize = 0; b < 64; b++) if (w * 64 + b >= capacity) v = v | (u64(1) << u64(b));
    store<u64>(slab + H_LIVE + w * 8, v);
  }
}

export function slabIsSlab(slab: usize): bool {
  return load<u32>(slab + H_MAGIC) == SLAB_MAGIC;
}

/** Erases the header's magic before the frame goes back to the frame allocator. */
export function slabForget(slab: usize): void {
  store<u32>(slab + H_MAGIC, 0);
}

export function slabClass(slab: usize): i32 {
  return i32(load<u32>(slab + H_CLASS));
}

export function slabInUse(slab: usize): u32 {
  return load<u32>(slab + H_IN_USE);
}

export function slabFull(slab: usize): bool {
  return load<u32>(slab + H_IN_USE) == load<u32>(slab + H_CAPACITY);
}

export function slabNext(slab: usize): usize {
  return usize(load<u64>(slab + H_NEXT));
}

export function slabPrev(slab: usize): usize {
  return usize(load<u64>(slab + H_PREV));
}

export function slabSetNext(slab: usize, v: usize): void {
  store<u64>(slab + H_NEXT, u64(v));
}

export function slabSetPrev(slab: usize, v: usize): void {
  store<u64>(slab + H_PREV, u64(v));
}

/** Takes a free object from a slab that is not full; returns its address. */
export function slabTake(slab: usize): usize {
  for (let w: usize = 0; w < LIVE_WORDS; w++) {
    const a = slab + H_LIVE + w * 8;
    const v = load<u64>(a);
    if (v == 0xffff_ffff_ffff_ffff) continue;
    const bit = lowestSet(~v);
    store<u64>(a, v | (u64(1) << bit));
    store<u32>(slab + H_IN_USE, load<u32>(slab + H_IN_USE) + 1);
    const index = w * 64 + usize(bit);
    return slab + usize(load<u32>(slab + H_FIRST)) + index * usize(load<u32>(slab + H_SIZE));
  }
  throw new Error('slab: no free object in a slab on the partial list (heap corrupted)');
}

/** The index of the live object starting at `p`; panics if p is not one (invalid or double free). */
export function slabIndex(slab: usize, p: usize): usize {
  const first = slab + usize(load<u32>(slab + H_FIRST));
  const size = usize(load<u32>(slab + H_SIZE));
  if (p < first || (p - first) % size != 0) throw new Error('kfree: pointer is not the start of a heap object (invalid free)');
  const index = (p - first) / size;
  const word = load<u64>(slab + H_LIVE + (index / 64) * 8);
  if ((word & (u64(1) << u64(index % 64))) == 0) throw new Error('kfree: double free of a heap object');
  return index;
}

/** Returns the live object at `p` to its slab. */
export function slabGive(slab: usize, p: usize): void {
  const index = slabIndex(slab, p);
  const a = slab + H_LIVE + (index / 64) * 8;
  store<u64>(a, load<u64>(a) & ~(u64(1) << u64(index % 64)));
  store<u32>(slab + H_IN_USE, load<u32>(slab + H_IN_USE) - 1);
}
