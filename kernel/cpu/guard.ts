// Guard pages: one unmapped page below each kernel stack, so an overflow
// faults at once instead of overwriting whatever lies below. The stacks
// register their guard page here (the boot stack's is reserved by tskc's
// _start, tss.ts registers the RSP0 and IST stacks'); guardPagesUnmap()
// removes them from the page tables CR3 points at, and guardPageOf() names
// the stack whose guard a faulting address hit (the exception report).
//
// guardPagesUnmap() runs after mmInit(), on the kernel's own page tables
// (kernel/mm/kmap.ts), which every address space shares.
import { guardPage } from '../mm/guard';
import { kmapKernelPml4 } from '../mm/kmap';
import { bootStackGuard } from '../mm/layout';
import { NOT_MAPPED, translate } from '../mm/paging';
import { kstackGuardHolds } from '../proc/kstack';

const MAX_GUARDS: usize = 8;
const addrs: usize = memory.data(64); // u64 page addresses
const names: usize = memory.data(64); // string references
let count: usize = 0;


/** Registers the guard page at `page` (4 KiB aligned) of the stack called `name`. */
export function guardPageAdd(page: u64, name: string): void {
  if (count == MAX_GUARDS) throw new Error('too many guard pages (MAX_GUARDS in kernel/cpu/guard.ts)');
  store<u64>(addrs + count * 8, page);
  store<usize>(names + count * 8, changetype<usize>(name));
  count++;
}

export function guardPageCount(): usize {
  return count;
}

export function guardPageAt(i: usize): u64 {
  return load<u64>(addrs + i * 8);
}

/** The name of the stack whose guard page holds `addr`, or '' if none does. */
export function guardPageOf(addr: u64): string {
  for (let i: usize = 0; i < count; i++) {
    const page = guardPageAt(i);
    if (addr >= page && addr < page + 4096) return changetype<string>(load<usize>(names + i * 8));
  }
  if (kstackGuardHolds(addr)) return 'a kernel stack';
  return '';
}

/** The boot stack's guard page (below tskc's 64 KiB _start stack) joins the list. */
export function guardBootStack(): void {
  guardPageAdd(bootStackGuard(), 'the kernel boot stack');
}

/**
 * Unmaps every registered guard page from the kernel's page tables (through
 * kernel/mm/guard.ts); a page kmapBuild already left out (the boot stack's)
 * counts as done. Returns how many guard pages are unmapped.
 */
export function guardPagesUnmap(): usize {
  const pml4 = kmapKernelPml4();
  let done: usize = 0;
  for (let i: usize = 0; i < count; i++) {
    const page = guardPageAt(i);
    if (translate(pml4, page) != NOT_MAPPED) guardPage(page);
    done++;
  }
  return done;
}
