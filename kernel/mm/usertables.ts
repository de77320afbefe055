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

/** How many tables the last userTable call made, and the kernel addresses of the entries it pointed at them (the highest table first). */
let made: u64 = 0;
const madeAt = new Uint64Array(3);
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

/** Where the last userTable call listed the tables it created: tablesMade() u64s, each the kernel address of the entry that points at one (the highest table first). */
export function tablesMadeList(): usize {
  return changetype<usize>(madeAt) + 8;
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
  made = 0; // every table there: three loads with constant shifts (the clone, copy-on-write and stack checks walk here per page or table)
  const e4 = load<u64>(physToVirt(pml4) + usize((va >> 39) & 511) * 8);
  if ((e4 & PRESENT) != 0) {
    const e3 = load<u64>(physToVirt(e4 & ADDR_MASK) + usize((va >> 30) & 511) * 8);
    if ((e3 & PRESENT) != 0) {
      const e2 = load<u64>(physToVirt(e3 & ADDR_MASK) + usize((va >> 21) & 511) * 8);
      if ((e2 & PRESENT) != 0) return physToVirt(e2 & ADDR_MASK);
    }
  }
  return missingTable(pml4, va, create, allowed);
}

/** userTable where a table is missing: makes it (and those below) if allowed; the levels unrolled, as in userTable (a loop over them cost about 75 instructions a table made). */
function missingTable(pml4: u64, va: u64, create: bool, allowed: u64): usize {
  const pdpt = below(physToVirt(pml4) + usize((va >> 39) & 511) * 8, va, 39, create, allowed);
  if (pdpt == 0) return 0;
  const pd = below(pdpt + usize((va >> 30) & 511) * 8, va, 30, create, allowed);
  if (pd == 0) return 0;
  return below(pd + usize((va >> 21) & 511) * 8, va, 21, create, allowed);
}

/**
 * The kernel address of the table the entry at `e` points to (it maps the
 * 1 << `shift` bytes around `va`), made if it is missing and `create`
 * allows; 0 when it is missing (resume then tells where the next may be).
 */
function below(e: usize, va: u64, shift: u64, create: bool, allowed: u64): usize {
  let v = load<u64>(e);
  if ((v & PRESENT) == 0) {
    const covers = u64(1) << shift;
    resume = (va & ~(covers - 1)) + covers;
    if (!create || made >= allowed) return 0;
    const t = allocZeroedFrame();
    if (t == 0) return 0;
    v = t | PRESENT | WRITABLE | USER;
    store<u64>(e, v);
    madeAt[i32(made)] = u64(e);
    made++;
  }
  return physToVirt(v & ADDR_MASK);
}

/** The stretch the last tableRun found: [runStart, runEnd). */
let runStart: u64 = 0;
let runEnd: u64 = 0;

/**
 * The kernel address of the page table that maps the first stretch of the
 * user range [a, hi) with one (skipping the ranges whose tables are
 * missing), or 0 when none is left; tableRunStart() and tableRunEnd() tell
 * the stretch (inside that table's 2 MiB region). A walk over a range table
 * by table, so that a range without tables costs a walk per missing table,
 * not per page:
 *
 *   for (let a = lo; a < hi; a = tableRunEnd()) { const t = tableRun(pml4, a, hi); if (t == 0) break; … }
 */
export function tableRun(pml4: u64, a: u64, hi: u64): usize {
  while (a < hi) {
    const t = userTable(pml4, a, false, 0);
    if (t == 0) {
      a = resume;
      continue;
    }
    const next = (a | 0x1f_ffff) + 1;
    runStart = a;
    runEnd = next < hi ? next : hi;
    return t;
  }
  runEnd = hi;
  return 0;
}

export function tableRunStart(): u64 {
  return runStart;
}

export function tableRunEnd(): u64 {
  return runEnd;
}

/** The page-table entry of the user page `va` in `pml4` (0 when it or a table above it is missing). */
export function userEntry(pml4: u64, va: u64): u64 {
  const t = userTable(pml4, va, false, 0);
  return t == 0 ? 0 : load<u64>(t + usize((va >> 12) & 511) * 8);
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
function release(pml4: u64, e: usize, level: i32, base: u64, lo: u64, hi: u64): u64 {
  const v = load<u64>(e);
  if ((v & PRESENT) == 0) return 0;
  const t = v & ADDR_MASK;
  let freed: u64 = 0;
  if (level > 2) {
    const shift = u64(12 + 9 * (level - 2));
    const size = u64(1) << shift;
    const first = lo > base ? lo : base;
    for (let a = first & ~(size - 1); a < hi && a < base + (size << 9); a += size) {
      freed += release(pml4, slot(t, a, level - 1), level - 1, a, lo, hi);
    }
  }
  if (!empty(physToVirt(t))) return freed;
  store<u64>(e, 0);
  tlbFlush(pml4, base); // drops cached walks through the table before its frame is reused
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
  for (let a = lo & ~(size - 1); a < hi; a += size) freed += release(pml4, slot(pml4, a, 4), 4, a, lo, hi);
  return freed;
}
