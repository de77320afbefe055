// Kernel stacks of processes: KSTACK_PAGES frames of a contiguous run, with
// the run's lowest frame kept as a guard page (unmapped from the kernel's
// tables, which every address space shares), so an overflow of a process's
// kernel stack faults instead of corrupting the memory below. A reaped
// process's stack waits, guard page in place, in a small cache for the next
// process (no allocation, no page-table change); when memory runs out the
// frame allocator asks for the cached ones back (setFrameReclaimer), and
// only then is a guard page mapped back and its run freed.
// docs/processes.md, "Kernel stacks".
import { allocFrames, freeFrameRun, setFrameReclaimer } from '../mm/frames';
import { guardPage, guardsHoldTable, unguardPage } from '../mm/guard';
import { physToVirt } from '../mm/phys';
import { programsDrain } from './programs';

/** Usable pages of a kernel stack (16 KiB), above one guard page. */
export const KSTACK_PAGES: u64 = 4;
/** How many freed stacks the cache keeps. */
const CACHE: i32 = 8;

const cache = new Uint64Array(CACHE); // guard-page addresses
let cached: i32 = 0;

/** A new kernel stack: the physical address of its guard page (the run's start), or 0 when memory is exhausted. */
export function kstackAlloc(): u64 {
  if (cached > 0) {
    cached--;
    return cache[cached];
  }
  const run = allocFrames(KSTACK_PAGES + 1);
  if (run == 0) return 0;
  guardPage(run);
  return run;
}

/** The first address above the stack whose guard page is at `guard` (its initial rsp). */
export function kstackTop(guard: u64): usize {
  return physToVirt(guard + (KSTACK_PAGES + 1) * 4096);
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

function release(guard: u64): void {
  unguardPage(guard);
  freeFrameRun(guard, KSTACK_PAGES + 1);
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

/**
 * Frames the cache holds: free memory in all but name (meminfo counts them
 * as free). Its stacks, and the kernel page tables their guard pages alone
 * keep split (freed as the guard pages go, guard.ts), which draining the
 * cache would give back.
 */
export function kstackCachedFrames(): u64 {
  let tables: u64 = 0;
  for (let i: i32 = 0; i < cached; i++) {
    const region = cache[i] >> 21;
    let first = true;
    let guards: u64 = 0;
    for (let j: i32 = 0; j < cached; j++) {
      if (cache[j] >> 21 != region) continue;
      if (j < i) first = false;
      guards++;
    }
    if (first && guardsHoldTable(cache[i], guards)) tables++;
  }
  return u64(cached) * (KSTACK_PAGES + 1) + tables;
}

/** The frame allocator's reclaimer: the cached stacks, then the idle disk programs (programs.ts); whether either freed any. */
function reclaimCaches(): bool {
  const stacks = kstackDrain();
  return programsDrain() || stacks;
}

/** Lets the frame allocator take the cached stacks and idle programs back when memory runs out. */
export function kstackInit(): void {
  setFrameReclaimer(reclaimCaches);
}
