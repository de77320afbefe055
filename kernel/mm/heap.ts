// The kernel heap: kmalloc/kzalloc/kfree/krealloc. Requests of up to 2048
// bytes come from slabs of eight power-of-two size classes (slab.ts); larger
// ones take whole contiguous frames behind a 16-byte header that records
// the size. kfree validates every pointer (owned frame, slab or large magic,
// object start, live bit) and panics with a clear message on a double or
// invalid free. Statistics: bytes in use and per-class counts. Pure code over
// the frame allocator and physToVirt, so test/mm/ runs it on the host.
// See docs/kernel-heap.md.
import { allocFrame, allocFrames, frameAllocated, freeFrame, freeFrameRun } from './frames';
import { physToVirt, virtToPhys } from './phys';
import {
  CLASSES, LARGEST, SLAB_BYTES, classOf, classSize, slabClass, slabForget, slabFull, slabGive, slabInit,
  slabIndex, slabInUse, slabIsSlab, slabNext, slabPrev, slabSetNext, slabSetPrev, slabTake,
} from './slab';

export const LARGE_MAGIC: u32 = 0x4547_524c; // 'LRGE'
export const LARGE_HEADER: usize = 16; // u32 magic, u32 frames, u64 requested size

const partial = new Uint64Array(8); // per class: first slab with a free object
const objects = new Uint64Array(8); // per class: live objects
const slabs = new Uint64Array(8); // per class: slabs (frames) held
let bytesInUse: u64 = 0;
let largeCount: u64 = 0;
let largeFrames: u64 = 0;

function unlink(slab: usize, c: i32): void {
  const prev = slabPrev(slab);
  const next = slabNext(slab);
  if (prev != 0) slabSetNext(prev, next);
  else partial[c] = u64(next);
  if (next != 0) slabSetPrev(next, prev);
  slabSetNext(slab, 0);
  slabSetPrev(slab, 0);
}

function push(slab: usize, c: i32): void {
  const head = usize(partial[c]);
  slabSetPrev(slab, 0);
  slabSetNext(slab, head);
  if (head != 0) slabSetPrev(head, slab);
  partial[c] = u64(slab);
}

function largeAlloc(size: usize): usize {
  const n = u64((size + LARGE_HEADER + SLAB_BYTES - 1) / SLAB_BYTES);
  const phys = allocFrames(n);
  if (phys == 0) return 0;
  const p = physToVirt(phys);
  store<u32>(p, LARGE_MAGIC);
  store<u32>(p + 4, u32(n));
  store<u64>(p + 8, u64(size));
  largeCount++;
  largeFrames += n;
  bytesInUse += u64(size);
  return p + LARGE_HEADER;
}

/** `size` bytes of kernel memory (not zeroed), aligned to min(size class, 4096) and at least 16; 0 when memory is exhausted. */
export function kmalloc(size: usize): usize {
  if (size > LARGEST) return largeAlloc(size);
  const c = classOf(size);
  let slab = usize(partial[c]);
  if (slab == 0) {
    const phys = allocFrame();
    if (phys == 0) return 0;
    slab = physToVirt(phys);
    slabInit(slab, c);
    push(slab, c);
    slabs[c]++;
  }
  const p = slabTake(slab);
  if (slabFull(slab)) unlink(slab, c);
  objects[c]++;
  bytesInUse += u64(classSize(c));
  return p;
}

/** The usable bytes of the block at p (its class size, or the requested size of a large block). */
export function ksize(p: usize): usize {
  const page = blockPage(p);
  if (slabIsSlab(page)) return classSize(slabClass(page));
  return usize(load<u64>(page + 8));
}

/** Like kmalloc, with the whole block zeroed. */
export function kzalloc(size: usize): usize {
  const p = kmalloc(size);
  if (p == 0) return 0;
  memset(p, 0, size > LARGEST ? size : classSize(classOf(size))); // what ksize(p) says, without validating p again
  return p;
}

/**
 * The frame holding the header of the live block at p; panics if p is not
 * one (a slab object is checked by slabIndex unless `slabChecks`, kfree,
 * passes it on to slabGive, which checks it anyway).
 */
function blockPage(p: usize, slabChecks: bool = false): usize {
  const page = p & ~(SLAB_BYTES - 1);
  if (!frameAllocated(virtToPhys(page))) throw new Error('kfree: pointer is not in the kernel heap (invalid or double free)');
  if (slabIsSlab(page)) {
    if (!slabChecks) slabIndex(page, p);
    return page;
  }
  if (load<u32>(page) != LARGE_MAGIC || p != page + LARGE_HEADER) {
    throw new Error('kfree: pointer is not the start of a heap block (invalid free)');
  }
  return page;
}

/** Returns a block from kmalloc/kzalloc/krealloc; kfree(0) does nothing. */
export function kfree(p: usize): void {
  if (p == 0) return;
  const page = blockPage(p, true);
  if (slabIsSlab(page)) {
    const c = slabClass(page);
    const wasFull = slabFull(page);
    slabGive(page, p);
    objects[c]--;
    bytesInUse -= u64(classSize(c));
    if (slabInUse(page) == 0) {
      // An empty slab goes straight back to the frame allocator.
      if (!wasFull) unlink(page, c);
      slabForget(page);
      slabs[c]--;
      freeFrame(virtToPhys(page));
    } else if (wasFull) push(page, c);
    return;
  }
  const n = u64(load<u32>(page + 4));
  bytesInUse -= load<u64>(page + 8);
  largeCount--;
  largeFrames -= n;
  store<u32>(page, 0);
  freeFrameRun(virtToPhys(page), n);
}

/** Resizes a block, moving it when it no longer fits its class; krealloc(0, n) = kmalloc(n), krealloc(p, 0) frees p. */
export function krealloc(p: usize, size: usize): usize {
  if (p == 0) return kmalloc(size);
  if (size == 0) {
    kfree(p);
    return 0;
  }
  const page = blockPage(p);
  const old = ksize(p);
  if (slabIsSlab(page)) {
    if (size <= LARGEST && classOf(size) == slabClass(page)) return p;
  } else if (size > LARGEST && (size + LARGE_HEADER + SLAB_BYTES - 1) / SLAB_BYTES == usize(load<u32>(page + 4))) {
    bytesInUse = bytesInUse - u64(old) + u64(size);
    store<u64>(page + 8, u64(size));
    return p;
  }
  const q = kmalloc(size);
  if (q == 0) return 0; // p stays valid, as with C's realloc
  const n = old < size ? old : size;
  for (let i: usize = 0; i < n; i++) store<u8>(q + i, load<u8>(p + i));
  kfree(p);
  return q;
}

/** Bytes handed out: class sizes of slab objects plus requested sizes of large blocks. */
export function heapBytesInUse(): u64 {
  return bytesInUse;
}

export function heapObjects(c: i32): u64 {
  return objects[c];
}

export function heapSlabs(c: i32): u64 {
  return slabs[c];
}

export function heapLargeBlocks(): u64 {
  return largeCount;
}

export function heapLargeFrames(): u64 {
  return largeFrames;
}

/** Frames the heap holds: slabs of every class plus large blocks. */
export function heapFrames(): u64 {
  let n = largeFrames;
  for (let c = 0; c < CLASSES; c++) n += slabs[c];
  return n;
}
