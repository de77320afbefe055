// Guard pages: one unmapped page below each kernel stack, so an overflow
// faults at once instead of overwriting whatever lies below. The stacks
// register their guard page here (the boot stack's is reserved by tskc's
// _start, tss.ts registers the RSP0 and IST stacks'); guardPagesUnmap()
// removes them from the page tables CR3 points at, and guardPageOf() names
// the stack whose guard a faulting address hit (the exception report).
//
// HOOK for the paging code: guardPagesUnmap() runs after mmInit() on
// whatever tables are active then (stage 2's 2 MiB identity map is split
// into 4 KiB pages where needed). Code that later switches to other page
// tables must call it again, or leave guardPageAt(0 … guardPageCount()-1)
// unmapped itself.
import { HUGE, PRESENT, ADDR_MASK, newTable } from '../mm/paging';
import { physToVirt } from '../mm/phys';

const MAX_GUARDS: usize = 8;
const addrs: usize = memory.data(64); // u64 page addresses
const names: usize = memory.data(64); // string references
let count: usize = 0;

/** @extern __tskc_boot_stack_guard */
declare function bootStackGuard(): void;

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
  return '';
}

/** The boot stack's guard page (below tskc's 64 KiB _start stack) joins the list. */
export function guardBootStack(): void {
  guardPageAdd(u64(changetype<usize>(bootStackGuard)), 'the kernel boot stack');
}

/** The address of the entry for `virt` in the table at physical `table`, level 4 (PML4) … 1 (PT). */
function entryAt(table: u64, virt: u64, level: i32): usize {
  return physToVirt(table) + usize((virt >> u64(12 + 9 * (level - 1))) & 511) * 8;
}

/** Replaces the 2 MiB page of PD entry `e` by a table of 512 4 KiB pages with the same flags; 0 if out of memory. */
function split(e: usize, entry: u64): u64 {
  const table = newTable();
  if (table == 0) return 0;
  const base = entry & 0x000f_ffff_ffe0_0000;
  const flags = (entry & ~ADDR_MASK & ~HUGE) & ~u64(0x1000); // bit 12 is PAT in a 2 MiB entry, address in a 4 KiB one
  for (let i: u64 = 0; i < 512; i++) store<u64>(physToVirt(table) + usize(i * 8), base + i * 4096 | flags);
  const next = table | (entry & 0x7); // present, writable, user as the big page had them
  store<u64>(e, next);
  writeCr3(readCr3()); // drop the 2 MiB TLB entry
  return next;
}

/** Unmaps the 4 KiB page at `virt` from the tables at `pml4`; false if it cannot. */
function unmapPage(pml4: u64, virt: u64): bool {
  let table = pml4;
  for (let level: i32 = 4; level > 1; level--) {
    const e = entryAt(table, virt, level);
    let entry = load<u64>(e);
    if ((entry & PRESENT) == 0) return true;
    if ((entry & HUGE) != 0) {
      if (level != 2) return false; // a 1 GiB page: not split here
      entry = split(e, entry);
      if (entry == 0) return false;
    }
    table = entry & ADDR_MASK;
  }
  store<u64>(entryAt(table, virt, 1), 0);
  invlpg(usize(virt));
  return true;
}

/** Unmaps every registered guard page from the active page tables; returns how many are unmapped. */
export function guardPagesUnmap(): usize {
  const pml4 = readCr3() & ADDR_MASK;
  let done: usize = 0;
  for (let i: usize = 0; i < count; i++) if (unmapPage(pml4, guardPageAt(i))) done++;
  return done;
}
