// Tearing down an address space (aspace.ts): every user frame it owns and
// every table of its user slots go back to the frame allocator. Only the
// stretches of each table that the space's extents cover are visited: the
// pages page table by page table with a plain loop (the extents hold few
// empty entries), then the tables: those the space lists (AddressSpace.tableAt)
// from the last made, else by a walk of the levels where one `repe scasq`
// skips the empty entries, so the cost follows what was mapped, not the
// size of the tables. Every entry visited is
// cleared on the way, so the tables come back all zero and go to the frame
// allocator's pool of zeroed frames, ready to be the next space's tables.
// Pure code over physToVirt: test/mm/ runs it on the host.
import { AddressSpace, kernelSlotsCopy, spaceRelease } from './aspace';
import { freeZeroedFrame } from './frames';
import { releaseUserFrame } from './framerefs';
import { ADDR_MASK, HUGE, PRESENT, SHARED } from './paging';
import { physToVirt } from './phys';
import { tableRun, tableRunEnd, tableRunStart } from './usertables';

/**
 * The index of the first nonzero entry in [from, to) of the table at `t`, or
 * `to`: one `repe scasq` (an entry that is not present is always 0 here:
 * unmap writes 0).
 */
function nextEntry(t: usize, from: usize, to: usize): usize {
  if (from >= to) return to;
  let left: u64 = u64(to - from);
  const found = asm<u64>('xor eax, eax', 'repe scasq', 'setne al',
    asm.in('rdi', t + from * 8), asm.inout('rcx', left), asm.lateout('rax'), asm.clobber('rdi'));
  return (found & 1) != 0 ? to - usize(left) - 1 : to;
}

/**
 * Frees the tables the entries of the table at `table` (at `level`, 4 =
 * PML4 … 2 = page directory, mapping from virtual address `base`) point to,
 * within the extents of `as`, and clears those entries; the page tables
 * (level 1) are all zero already (freeLeaves). Every mapping lies inside
 * an extent, so the table is all zero afterwards (the PML4's kernel slots
 * aside).
 */
function freeTables(as: AddressSpace, table: u64, level: i32, base: u64): void {
  const t = physToVirt(table);
  const shift = u64(12 + 9 * (level - 1));
  const end = base + (u64(512) << shift);
  for (let x: i32 = 0; x < as.extents; x++) {
    const lo = as.ext[2 * x] > base ? as.ext[2 * x] : base;
    const hi = as.ext[2 * x + 1] < end ? as.ext[2 * x + 1] : end;
    if (lo >= hi) continue;
    const last = usize((hi - 1 - base) >> shift) + 1;
    for (let i = nextEntry(t, usize((lo - base) >> shift), last); i < last; i = nextEntry(t, i + 1, last)) {
      const e = load<u64>(t + i * 8);
      store<u64>(t + i * 8, 0);
      if ((e & PRESENT) == 0) throw new Error('destroyAddressSpace: a non-present entry that is not 0');
      if ((e & HUGE) != 0) throw new Error('destroyAddressSpace: a huge page in user space');
      if (level > 2) freeTables(as, e & ADDR_MASK, level - 1, base + (u64(i) << shift));
      freeZeroedFrame(e & ADDR_MASK);
    }
  }
}

/**
 * Frees the user frames the entries [i, last) of the page table at `t`
 * map (a frame shared with a program image stays) and clears them: one
 * load and a test per entry, since the extents hold few empty ones.
 */
function freeLeaves(t: usize, i: usize, last: usize): void {
  for (; i < last; i++) {
    const e = load<u64>(t + i * 8);
    if (e == 0) continue;
    store<u64>(t + i * 8, 0);
    if ((e & (PRESENT | SHARED)) == (PRESENT | SHARED)) continue; // a page of a program image: not the space's
    if ((e & PRESENT) == 0) throw new Error('destroyAddressSpace: a non-present entry that is not 0');
    releaseUserFrame(e & ADDR_MASK); // freed with its last mapping (fork shares frames)
  }
}

/**
 * Frees the tables `as` lists, the last made first, clearing the entry
 * that points at each: a table comes after the one above it, so each is
 * all zero when its turn comes (its page-table entries cleared by
 * freeLeaves, or the entries of the tables below it by this loop). No walk
 * of the levels: the walk (freeTables) cost a fork's child about 570
 * instructions for its four tables.
 */
function freeListed(as: AddressSpace): void {
  for (let i = as.listed - 1; i >= 0; i--) {
    const e = usize(as.tableAt[i]);
    const v = load<u64>(e);
    if ((v & PRESENT) == 0) throw new Error('destroyAddressSpace: a listed table is not mapped');
    store<u64>(e, 0);
    freeZeroedFrame(v & ADDR_MASK);
  }
  as.listed = 0;
}

/**
 * Frees every user frame and user table of `as`, its PML4 and the object
 * itself (back to the pool it came from, aspace.ts); the kernel's shared tables stay. The CPU must not be using it.
 */
export function destroyAddressSpace(as: AddressSpace): void {
  if (as.pml4 != 0) {
    for (let x: i32 = 0; x < as.extents; x++) { // the pages, page table by page table (as the clone, cow.ts)
      const hi = as.ext[2 * x + 1];
      for (let a = as.ext[2 * x]; a < hi; a = tableRunEnd()) {
        const t = tableRun(as.pml4, a, hi);
        if (t == 0) break;
        freeLeaves(t, usize((tableRunStart() >> 12) & 511), usize(((tableRunEnd() - 1) >> 12) & 511) + 1);
      }
    }
    if (as.listed >= 0) freeListed(as); // then the tables
    else freeTables(as, as.pml4, 4, 0);
    kernelSlotsCopy(physToVirt(as.pml4), 0);
    freeZeroedFrame(as.pml4);
  }
  as.pml4 = 0;
  as.pages = 0;
  as.tables = 0;
  as.extents = 0;
  spaceRelease(as);
}
