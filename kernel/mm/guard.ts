// Guard pages: an unmapped page below a kernel stack turns an overflow into
// a page fault at once instead of silent corruption of whatever lies below.
// guardPage unmaps a page of the kernel's tables by its virtual address (in
// the direct map, splitting a 2 MiB page if needed) and flushes it from the TLB; unguardPage maps it back
// before the memory is reused, and when that makes the split table a whole
// run again, maps the region with its 2 MiB page and frees the table, so
// guard pages keep no kernel table once they are gone. The boot stack's guard page is left out by
// kmapBuild itself. Kernel target only. See docs/memory-map.md.
import { kmapKernelPml4, RW_NX } from './kmap';
import { map, merge, NOT_MAPPED, unmap } from './paging';
import { virtToPhys } from './phys';

/**
 * Unmaps the 4 KiB page at `addr` (page-aligned, mapped, below the lowest
 * byte of a kernel stack): any access to it faults from now on. The page's
 * memory stays the caller's and must not be freed while it is a guard page.
 */
export function guardPage(addr: u64): void {
  if ((addr & 0xfff) != 0) throw new Error('guardPage: address is not 4 KiB aligned');
  if (unmap(kmapKernelPml4(), addr) == NOT_MAPPED) throw new Error('guardPage: page is not mapped');
}

/** Maps a guard page back (read-write, no execute) so that its memory can be reused; frees the table a split made for it when it can. */
export function unguardPage(addr: u64): void {
  if ((addr & 0xfff) != 0) throw new Error('unguardPage: address is not 4 KiB aligned');
  if (!map(kmapKernelPml4(), addr, virtToPhys(usize(addr)), RW_NX)) throw new Error('unguardPage: out of memory');
  merge(kmapKernelPml4(), addr);
}

