// The kernel's allocator hook: `new` inside a function calls heapAlloc and
// free(obj) calls heapFree. Until the kernel heap is up, blocks come from a
// bump allocator over a static 256 KiB arena (zeroed .bss, never reclaimed);
// kernel/mm/init.ts then installs the slab heap (kzalloc/kfree) with
// heapInstall and every later `new` goes there. Freeing an arena block,
// before or after the switch, does nothing. See docs/kernel-heap.md.

const ARENA_BYTES: usize = 262144;
const arena: usize = memory.data(262144);
let used: usize = 0;
let installed = false;
let allocHook: (size: usize) => usize = arenaAlloc;
let freeHook: (obj: usize) => void = arenaFree;

function arenaAlloc(size: usize): usize {
  const start = (used + 15) & ~15;
  if (start + size > ARENA_BYTES) throw new Error('kernel arena exhausted before the kernel heap was initialised');
  used = start + size;
  return arena + start; // .bss is zeroed at boot and never reused
}

function arenaFree(obj: usize): void {
  // Nothing is reclaimed from the arena.
}

/** Routes later `new` and free(obj) to `alloc` (which must return zeroed memory or panic) and `free`. */
export function heapInstall(alloc: (size: usize) => usize, free: (obj: usize) => void): void {
  allocHook = alloc;
  freeHook = free;
  installed = true;
}

/** Bytes of the boot arena used by allocations made before heapInstall. */
export function heapArenaUsed(): usize {
  return used;
}

export function heapAlloc(size: usize): usize {
  return allocHook(size);
}

export function heapFree(obj: usize): void {
  if (obj >= arena && obj < arena + ARENA_BYTES) return; // an arena block: never reclaimed
  if (!installed) throw new Error('free of a pointer the kernel arena did not allocate');
  freeHook(obj);
}
