// Kernel stacks (of processes, and the APs' own and IST stacks): each in a
// slot of its own virtual range, KSTACK_AREA (2 GiB right below the kernel
// image, under PML4 slot 511, which every address space shares). A slot is
// one guard page, never mapped, then KSTACK_PAGES pages mapped to frames
// from the frame allocator: an overflow faults at once instead of
// corrupting the memory below, and the direct map keeps its 2 MiB pages.
// A reaped process's stack waits, mapped, in a small cache for the next
// process (no allocation, no page-table change); when memory runs out the
// frame allocator asks for the cached ones back (setFrameReclaimer), and
// only then are its pages unmapped (every CPU's TLB flushed) and its frames
// and slot given back. docs/processes.md, "Kernel stacks";
// docs/memory-map.md.
import { allocFrame, freeFrame, setFrameReclaimer } from '../mm/frames';
import { kmapKernelPml4, RW_NX } from '../mm/kmap';
import { map, NOT_MAPPED, unmap } from '../mm/paging';
import { programsDrain } from './programs';

/** Usable pages of a kernel stack (16 KiB), above one guard page. */
export const KSTACK_PAGES: u64 = 4;
/** The kernel stacks' virtual range: 2 GiB below KERNEL_VMA (PML4 slot 511, PDPT entries 508-509). */
export const KSTACK_AREA: u64 = 0xffff_ffff_0000_0000;
const SLOT_BYTES: u64 = (KSTACK_PAGES + 1) * 4096;
/** The most kernel stacks at once (80 MiB of KSTACK_AREA). */
const MAX_SLOTS: u32 = 4096;
/** How many freed stacks the cache keeps. */
const CACHE: i32 = 8;

const cache = new Uint64Array(CACHE); // guard-page addresses
let cached: i32 = 0;
let nextSlot: u32 = 0; // slots below it have been used
let freeSlots: Uint32Array | null = null; // slots given back, reused first (made at boot, so no process's accounting sees it)
let freeCount: u32 = 0;

function takeSlot(): u64 {
  if (freeCount > 0) {
    freeCount--;
    return KSTACK_AREA + u64(freeSlots![freeCount]) * SLOT_BYTES;
  }
  if (nextSlot == MAX_SLOTS) return 0;
  nextSlot++;
  return KSTACK_AREA + u64(nextSlot - 1) * SLOT_BYTES;
}

/** Unmaps the stack pages of the slot at `guard` that are mapped, frees their frames, and gives the slot back. */
function release(guard: u64): void {
  const pml4 = kmapKernelPml4();
  for (let p: u64 = 1; p <= KSTACK_PAGES; p++) {
    const frame = unmap(pml4, guard + p * 4096); // flushes every CPU's TLB entry for it
    if (frame != NOT_MAPPED) freeFrame(frame);
  }
  if (freeSlots == null) return; // before kstackInit: the slot stays used
  freeSlots![freeCount] = u32((guard - KSTACK_AREA) / SLOT_BYTES);
  freeCount++;
}

/** A new kernel stack: the (virtual) address of its guard page, or 0 when memory or slots are exhausted. */
export function kstackAlloc(): u64 {
  if (cached > 0) {
    cached--;
    return cache[cached];
  }
  const guard = takeSlot();
  if (guard == 0) return 0;
  const pml4 = kmapKernelPml4();
  for (let p: u64 = 1; p <= KSTACK_PAGES; p++) {
    const frame = allocFrame();
    if (frame == 0 || !map(pml4, guard + p * 4096, frame, RW_NX)) {
      if (frame != 0) freeFrame(frame);
      release(guard);
      return 0;
    }
  }
  return guard;
}

/** The first address above the stack whose guard page is at `guard` (its initial rsp). */
export function kstackTop(guard: u64): usize {
  return usize(guard + SLOT_BYTES);
}

/** Whether `addr` lies in the guard page of a slot of KSTACK_AREA (the exception report names the stack). */
export function kstackGuardHolds(addr: u64): bool {
  if (addr < KSTACK_AREA || addr >= KSTACK_AREA + u64(MAX_SLOTS) * SLOT_BYTES) return false;
  return (addr - KSTACK_AREA) % SLOT_BYTES < 4096;
}

/** Gives a stack back (to the cache while it has room); the stack must not be in use. */
export function kstackFree(guard: u64): void {
  if (cached < CACHE) {
    cache[cached] = guard;
    cached++;
    return;
  }
  release(guard);
}

/** Frees every cached stack; whether there was any (the frame allocator's reclaimer). */
function kstackDrain(): bool {
  const any = cached > 0;
  while (cached > 0) {
    cached--;
    release(cache[cached]);
  }
  return any;
}

/** Frames the cache holds: free memory in all but name (meminfo counts them as free). */
export function kstackCachedFrames(): u64 {
  return u64(cached) * KSTACK_PAGES;
}

/** The frame allocator's reclaimer: the cached stacks, then the idle disk programs (programs.ts); whether either freed any. */
function reclaimCaches(): bool {
  const stacks = kstackDrain();
  return programsDrain() || stacks;
}

/** Lets the frame allocator take the cached stacks and idle programs back when memory runs out. */
export function kstackInit(): void {
  freeSlots = new Uint32Array(i32(MAX_SLOTS));
  setFrameReclaimer(reclaimCaches);
}
