// The kernel's allocator hook for `new` until the kernel heap exists
// (physical memory and the slab allocator replace it): a bump allocator over
// a static 256 KiB arena. heapFree does nothing; running out panics.

const ARENA_BYTES: usize = 262144;
const arena: usize = memory.data(262144);
let used: usize = 0;

export function heapAlloc(size: usize): usize {
  const start = (used + 15) & ~15;
  if (start + size > ARENA_BYTES) throw new Error('kernel arena exhausted (the real heap is not there yet)');
  used = start + size;
  return arena + start; // .bss is zeroed at boot and never reused
}

export function heapFree(obj: usize): void {
  // Nothing is reclaimed from the arena.
}
