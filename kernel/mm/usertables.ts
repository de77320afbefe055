// The page tables of a user address space below its PML4 (the PDPTs, page
// directories and page tables of slots 128..255): made when a page needs
// them, and freed again as soon as an unmap leaves one empty, so a process
// that maps and unmaps in a loop holds no more tables than what it has
// mapped needs. aspace.ts counts them (AddressSpace.tables) and charges
// them to the space's limit; teardown.ts frees what is left at exit. User
// space has no huge pages, so the walks are plain. Pure code over
// physToVirt: test/mm/ runs it on the host.
import { allocZeroedFrame, freeZeroedFrame } from './frames';
import { ADDR_MASK, PRESENT, tlbFlush, USER, WRITABLE } from './paging';
import { physToVirt } from './phys';

/** How many tables the last userTable call made. */
let made: u64 = 0;
/** After a userTable call that found a table missing: the end of the range the missing entry covers. */
let resume: u64 = 0;

/** Where a walk may go on after userTable found no table: nothing is mapped below it from the address asked. */
export function tableResume(): u64 {
  return resume;
}

/** The number of tables the last userTable call created (0, 1, 2 or 3). */
export function tablesMade(): u64 {
  return made;
}

function slot(table: u64, va: u64, level: i32): usize {
  return physToVirt(table) + usize((va >> u64(12 + 9 * (level - 1))) & 511) * 8;
}

/**
 * The kernel address of the first entry of the page table covering the
 * 2 MiB region of the user address `va` in `pml4`, making the missing tables
 * on the way when `create` (no more than `allowed` of them; tablesMade()
 * tells how many); 0 when a table is missing and may not be made, or no
 * frame was left (tableResume() then tells where the next table may be).
 */
export function userTable(pml4: u64, va: u64, create: bool, allowed: u64): usize {
  made = 0;
  let table = pml4;
  for (let level = 4; level > 1; level--) {
    const e = slot(table, va, level);
    let v = load<u64>(e);
    if ((v & PRESENT) == 0) {
      const covers = u64(1) << u64(12 + 9 * (level - 1));
      resume = (va & ~(covers - 1)) + covers;
      if (!create || made >= allowed) return 0;
      const t = allocZeroedFrame();
      if (t == 0) return 0;
      v = t | PRESENT | WRITABLE | USER;
      store<u64>(e, v);
      made++;
    }
    table = v & ADDR_MASK;
  }
  return physToVirt(table);
}

/** Whether the 512 entries of the table at kernel address `t` are all 0. */
function empty(t: usize): bool {
  for (let i: usize = 0; i < 512; i++) if (load<u64>(t + i * 8) != 0) return false;
  return true;
}

/**
 * Frees the tables under the entry at `e` (the table at `level` - 1 it
 * points to) for the addresses of [lo, hi) if they are empty, and clears
 * `e`; how many were freed. `base` is the address the entry maps from.
 */
function release(e: usize, level: i32, base: u64, lo: u64, hi: u64): u64 {
  const v = load<u64>(e);
  if ((v & PRESENT) == 0) return 0;
  const t = v & ADDR_MASK;
  let freed: u64 = 0;
  if (level > 2) {
    const shift = u64(12 + 9 * (level - 2));
    const size = u64(1) << shift;
    const first = lo > base ? lo : base;
    for (let a = first & ~(size - 1); a < hi && a < base + (size << 9); a += size) {
      freed += release(slot(t, a, level - 1), level - 1, a, lo, hi);
    }
  }
  if (!empty(physToVirt(t))) return freed;
  store<u64>(e, 0);
  tlbFlush(base); // drops cached walks through the table before its frame is reused
  freeZeroedFrame(t);
  return freed + 1;
}

/**
 * Frees every table of `pml4` under the user addresses [lo, hi) (4 KiB
 * aligned) that maps nothing any more, clearing the entry that pointed to
 * it; how many were freed.
 */
export function releaseUserTables(pml4: u64, lo: u64, hi: u64): u64 {
  if (lo >= hi) return 0;
  let freed: u64 = 0;
  const size: u64 = u64(1) << 39;
  for (let a = lo & ~(size - 1); a < hi; a += size) freed += release(slot(pml4, a, 4), 4, a, lo, hi);
  return freed;
}
