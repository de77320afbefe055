// x86-64 four-level page tables with 4 KiB pages (and 2 MiB pages for bulk
// identity maps): map, unmap, translate, protect, and freeing a whole
// hierarchy. Unmapping or protecting a 4 KiB page inside a 2 MiB page first
// splits it into a table of 512 small pages with the same flags; merge
// undoes that once the table is a whole run again. Tables are frames from the frame
// allocator, zeroed, reached through physToVirt, so test/mm/ runs this file
// on the host. Intermediate entries are present and writable, with USER only
// on the path to a user page, so the leaf entry alone decides what a mapping
// allows. The TLB flush after a change is a hook (tlbFlush) the kernel sets
// (kernel/smp/tlb.ts: this CPU's TLB, and the other CPUs' by a shootdown);
// it does nothing until then (and on the host). It is told the tables
// changed (`pml4`) and the pages [lo, hi), so it can tell which CPUs may
// cache them.
import { allocZeroedFrame, freeFrame } from './frames';
import { physToVirt } from './phys';

export const PRESENT: u64 = 0x1;
export const WRITABLE: u64 = 0x2;
export const USER: u64 = 0x4;
export const WRITE_THROUGH: u64 = 0x8;
export const CACHE_DISABLE: u64 = 0x10;
export const ACCESSED: u64 = 0x20;
export const DIRTY: u64 = 0x40;
export const HUGE: u64 = 0x80; // a 2 MiB / 1 GiB page in a PD / PDPT entry
export const GLOBAL: u64 = 0x100;
/** A software bit (the CPU ignores it): the frame is shared, not the mapping's to free (aspace.ts). */
export const SHARED: u64 = 0x200;
/** A software bit: a user page shared with another space after fork, mapped read-only until a write copies it (cow.ts). */
export const COPY_ON_WRITE: u64 = 0x400;
export const NO_EXECUTE: u64 = 0x8000_0000_0000_0000;
/** The physical-address bits of an entry (bits 12..51). */
export const ADDR_MASK: u64 = 0x000f_ffff_ffff_f000;
/** The flags map and protect accept. */
export const FLAG_MASK: u64 = WRITABLE | USER | WRITE_THROUGH | CACHE_DISABLE | GLOBAL | SHARED | NO_EXECUTE;
/** What translate returns for an unmapped address. */
export const NOT_MAPPED: u64 = 0xffff_ffff_ffff_ffff;

let tlbFlushHook: (pml4: u64, lo: u64, hi: u64) => void = noFlush;

function noFlush(pml4: u64, lo: u64, hi: u64): void {}

/** Drops every CPU's TLB entry of the page at virt in the tables at pml4, and their cached walks (nothing on the host). */
export function tlbFlush(pml4: u64, virt: u64): void {
  const page = virt & ~u64(0xfff);
  tlbFlushHook(pml4, page, page + 4096);
}

/** Sets the function that drops the stale TLB entries of the pages [lo, hi) of the tables at pml4 (kernel/smp/tlb.ts). */
export function setTlbFlush(flush: (pml4: u64, lo: u64, hi: u64) => void): void {
  tlbFlushHook = flush;
}

/** Whether virt is canonical (bits 63..47 all equal). */
export function canonical(virt: u64): bool {
  const top = virt >> 47;
  return top == 0 || top == 0x1_ffff;
}

/** The index of virt's entry in the table at `level` (4 = PML4 … 1 = PT). */
function index(virt: u64, level: i32): u64 {
  return (virt >> u64(12 + 9 * (level - 1))) & 511;
}

/** A fresh zeroed table (its physical address), or 0 when memory is exhausted. */
export function newTable(): u64 {
  return allocZeroedFrame();
}

/** The virtual address of the entry for virt in the table at physical `table`. */
function entryAt(table: u64, virt: u64, level: i32): usize {
  return physToVirt(table) + usize(index(virt, level)) * 8;
}

const HUGE_SIZE: u64 = 0x20_0000;
/** The physical-address bits of a 2 MiB page's entry. */
const HUGE_ADDR_MASK: u64 = 0x000f_ffff_ffe0_0000;

/** Replaces the 2 MiB page entry at `e` by a table of 512 4 KiB pages with its flags; false if no frame. */
function split(e: usize): bool {
  const v = load<u64>(e);
  const t = newTable();
  if (t == 0) return false;
  const flags = v & FLAG_MASK;
  const base = v & HUGE_ADDR_MASK;
  const pt = physToVirt(t);
  for (let i: u64 = 0; i < 512; i++) store<u64>(pt + usize(i) * 8, (base + i * 4096) | flags | PRESENT);
  store<u64>(e, t | PRESENT | WRITABLE | (v & USER));
  return true;
}

/** Whether the last leafEntry without `create` stopped at a 2 MiB page's entry. */
let hugeLeaf: bool = false;

/**
 * The virtual address of virt's page-table entry (level 1), creating missing
 * tables when `create`; 0 if a table is missing (or no frame was left).
 * A 2 MiB page on the path is split when `create` (0 if no frame was left);
 * otherwise its PD entry is returned and hugeLeaf set. A 1 GiB page panics.
 */
function leafEntry(pml4: u64, virt: u64, create: bool, user: bool): usize {
  let table = pml4;
  hugeLeaf = false;
  for (let level = 4; level > 1; level--) {
    const e = entryAt(table, virt, level);
    let v = load<u64>(e);
    if ((v & PRESENT) == 0) {
      if (!create) return 0;
      const t = newTable();
      if (t == 0) return 0;
      v = t | PRESENT | WRITABLE;
      store<u64>(e, v);
    } else if ((v & HUGE) != 0) {
      if (level != 2) throw new Error('paging: address is inside a 1 GiB page');
      if (!create) {
        hugeLeaf = true;
        return e;
      }
      if (!split(e)) return 0;
      v = load<u64>(e);
    }
    if (user && (v & USER) == 0) store<u64>(e, v | USER);
    table = v & ADDR_MASK;
  }
  return entryAt(table, virt, 1);
}

function checkAddresses(virt: u64, phys: u64): void {
  if ((virt & 0xfff) != 0 || (phys & 0xfff) != 0) throw new Error('paging: address not 4 KiB aligned');
  if (!canonical(virt)) throw new Error('paging: virtual address not canonical');
  if ((phys & ~ADDR_MASK) != 0) throw new Error('paging: physical address beyond 52 bits');
}

/**
 * Maps the 4 KiB page at virt to phys with `flags` (FLAG_MASK bits; PRESENT
 * is implied). Returns false when no frame was left for a table; panics if
 * virt is already mapped.
 */
export function map(pml4: u64, virt: u64, phys: u64, flags: u64): bool {
  checkAddresses(virt, phys);
  const e = leafEntry(pml4, virt, true, (flags & USER) != 0);
  if (e == 0) return false;
  if ((load<u64>(e) & PRESENT) != 0) throw new Error('paging: page is already mapped');
  store<u64>(e, phys | (flags & FLAG_MASK) | PRESENT);
  return true;
}

/**
 * Maps the 2 MiB page at virt to phys (both 2 MiB aligned) with `flags`, for
 * bulk identity maps. Returns false when no frame was left for a table;
 * panics if anything is mapped there already.
 */
export function mapHuge(pml4: u64, virt: u64, phys: u64, flags: u64): bool {
  checkAddresses(virt, phys);
  if (((virt | phys) & (HUGE_SIZE - 1)) != 0) throw new Error('paging: address not 2 MiB aligned');
  let table = pml4;
  for (let level = 4; level > 2; level--) {
    const e = entryAt(table, virt, level);
    let v = load<u64>(e);
    if ((v & PRESENT) == 0) {
      const t = newTable();
      if (t == 0) return false;
      v = t | PRESENT | WRITABLE;
      store<u64>(e, v);
    } else if ((v & HUGE) != 0) {
      throw new Error('paging: page is already mapped');
    }
    if ((flags & USER) != 0 && (v & USER) == 0) store<u64>(e, v | USER);
    table = v & ADDR_MASK;
  }
  const e = entryAt(table, virt, 2);
  if ((load<u64>(e) & PRESENT) != 0) throw new Error('paging: page is already mapped');
  store<u64>(e, phys | (flags & FLAG_MASK) | HUGE | PRESENT);
  return true;
}

/** The kernel address of the PD entry of virt's 2 MiB region when it points to a page table; 0 otherwise. */
function regionEntry(pml4: u64, virt: u64): usize {
  let table = pml4;
  for (let level = 4; level >= 2; level--) {
    const e = entryAt(table, virt, level);
    const v = load<u64>(e);
    if ((v & PRESENT) == 0 || (v & HUGE) != 0) return 0;
    if (level == 2) return e;
    table = v & ADDR_MASK;
  }
  return 0;
}

/**
 * Whether the page table of virt's 2 MiB region is a split 2 MiB page with
 * exactly `missing` of its pages unmapped: every present entry maps its
 * place in one 2 MiB-aligned run, all with the same flags, so mapping the
 * missing ones back would let merge() free the table.
 */
export function mergeable(pml4: u64, virt: u64, missing: u64): bool {
  const e = regionEntry(pml4, virt);
  if (e == 0) return false;
  const pt = physToVirt(load<u64>(e) & ADDR_MASK);
  let absent: u64 = 0;
  let base: u64 = NOT_MAPPED;
  let flags: u64 = 0;
  for (let i: u64 = 0; i < 512; i++) {
    const v = load<u64>(pt + usize(i) * 8);
    if ((v & PRESENT) == 0) {
      absent++;
      continue;
    }
    const b = (v & ADDR_MASK) - i * 4096;
    if (base == NOT_MAPPED) {
      base = b;
      flags = v & FLAG_MASK;
    } else if (b != base || (v & FLAG_MASK) != flags) return false;
  }
  return absent == missing && base != NOT_MAPPED && (base & (HUGE_SIZE - 1)) == 0;
}

/**
 * Undoes a split: when virt's 2 MiB region is mapped by a table of 512
 * pages that form one aligned run with the same flags, maps it with one
 * 2 MiB page again and frees the table (every page of the region is flushed
 * from the TLB first); whether it did.
 */
export function merge(pml4: u64, virt: u64): bool {
  if (!mergeable(pml4, virt, 0)) return false;
  const e = regionEntry(pml4, virt);
  const t = load<u64>(e) & ADDR_MASK;
  const first = load<u64>(physToVirt(t));
  store<u64>(e, (first & HUGE_ADDR_MASK) | (first & FLAG_MASK) | HUGE | PRESENT);
  const region = virt & ~(HUGE_SIZE - 1);
  tlbFlushHook(pml4, region, region + HUGE_SIZE); // no 4 KiB entry may outlive its table, on any CPU
  freeFrame(t);
  return true;
}

/** The 4 KiB leaf entry for virt, splitting a 2 MiB page on the way; 0 if none. */
function smallEntry(pml4: u64, virt: u64, user: bool): usize {
  const probe = leafEntry(pml4, virt, false, false);
  if (probe == 0) return 0;
  if (!hugeLeaf) return user ? leafEntry(pml4, virt, false, true) : probe;
  if ((load<u64>(probe) & PRESENT) == 0) return 0;
  const e = leafEntry(pml4, virt, true, user);
  if (e == 0) throw new Error('paging: out of memory splitting a 2 MiB page');
  return e;
}

/** Unmaps the 4 KiB page at virt; returns the physical address it mapped, or NOT_MAPPED. Tables stay. */
export function unmap(pml4: u64, virt: u64): u64 {
  if (!canonical(virt)) return NOT_MAPPED;
  const e = smallEntry(pml4, virt & ~u64(0xfff), false);
  if (e == 0) return NOT_MAPPED;
  const v = load<u64>(e);
  if ((v & PRESENT) == 0) return NOT_MAPPED;
  store<u64>(e, 0);
  tlbFlush(pml4, virt);
  return v & ADDR_MASK;
}

/** The leaf entry mapping virt (0 if none): a 4 KiB page's, or a 2 MiB page's (with HUGE set). */
export function walk(pml4: u64, virt: u64): u64 {
  if (!canonical(virt)) return 0;
  const e = leafEntry(pml4, virt, false, false);
  return e == 0 ? 0 : load<u64>(e);
}

/** The physical address virt maps to, or NOT_MAPPED. */
export function translate(pml4: u64, virt: u64): u64 {
  const v = walk(pml4, virt);
  if ((v & PRESENT) == 0) return NOT_MAPPED;
  if ((v & HUGE) != 0) return (v & HUGE_ADDR_MASK) | (virt & (HUGE_SIZE - 1));
  return (v & ADDR_MASK) | (virt & 0xfff);
}

/** The flags (FLAG_MASK bits) of virt's mapping; 0 if unmapped. */
export function flagsOf(pml4: u64, virt: u64): u64 {
  return walk(pml4, virt) & FLAG_MASK;
}

/** Replaces the flags of the mapped 4 KiB page at virt; returns false if it is not mapped. */
export function protect(pml4: u64, virt: u64, flags: u64): bool {
  if (!canonical(virt)) return false;
  const e = smallEntry(pml4, virt & ~u64(0xfff), (flags & USER) != 0);
  if (e == 0) return false;
  const v = load<u64>(e);
  if ((v & PRESENT) == 0) return false;
  store<u64>(e, (v & ADDR_MASK) | (flags & FLAG_MASK) | PRESENT);
  tlbFlush(pml4, virt);
  return true;
}

function freeLevel(table: u64, level: i32): void {
  if (level > 1) {
    const t = physToVirt(table);
    for (let i: usize = 0; i < 512; i++) {
      const v = load<u64>(t + i * 8);
      if ((v & PRESENT) != 0 && (v & HUGE) == 0) freeLevel(v & ADDR_MASK, level - 1);
    }
  }
  freeFrame(table);
}

/** Frees every table of the hierarchy under pml4 (and pml4 itself); the mapped frames are the caller's. */
export function freeTables(pml4: u64): void {
  freeLevel(pml4, 4);
}
