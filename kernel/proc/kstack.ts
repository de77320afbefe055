// Kernel stacks of processes: KSTACK_PAGES frames of a contiguous run, with
// the run's lowest frame kept as a guard page (unmapped from the kernel's
// tables, which every address space shares), so an overflow of a process's
// kernel stack faults instead of corrupting the memory below. Freed at
// reaping; the guard page is mapped back before its frame is released.
// docs/processes.md, "Kernel stacks".
import { allocFrames, freeFrameRun } from '../mm/frames';
import { guardPage, unguardPage } from '../mm/guard';
import { physToVirt } from '../mm/phys';

/** Usable pages of a kernel stack (16 KiB), above one guard page. */
export const KSTACK_PAGES: u64 = 4;

/** A new kernel stack: the physical address of its guard page (the run's start), or 0 when memory is exhausted. */
export function kstackAlloc(): u64 {
  const run = allocFrames(KSTACK_PAGES + 1);
  if (run == 0) return 0;
  guardPage(run);
  return run;
}

/** The first address above the stack whose guard page is at `guard` (its initial rsp). */
export function kstackTop(guard: u64): usize {
  return physToVirt(guard + (KSTACK_PAGES + 1) * 4096);
}

/** Returns the stack's frames; the stack must not be in use. */
export function kstackFree(guard: u64): void {
  unguardPage(guard);
  freeFrameRun(guard, KSTACK_PAGES + 1);
}
