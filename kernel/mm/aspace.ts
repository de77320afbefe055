// Per-process address spaces. Each has its own PML4 whose kernel slots
// (256..511: the direct map, the kernel image and its stacks; 0..127 are
// kernel slots too, empty in the kernel, used by the host tests) are copies
// of the kernel's, so the kernel's tables below them are shared, and whose user slots
// (128..255: USER_START..USER_END, 64 TiB to 128 TiB) belong to the process
// alone: the two ranges never overlap. User pages are 4 KiB, zeroed frames
// from the frame allocator, or frames shared read-only from a program image
// (SHARED: not the space's to free). A space remembers a few extents that
// cover every page it ever mapped, so destroyAddressSpace (teardown.ts)
// visits only those stretches of its tables. Pure code over physToVirt and
// paging.ts: test/mm/ runs it on the host. See docs/memory-map.md.
import { allocFrame, allocZeroedFrame, freeFrame } from './frames';
import { releaseUserFrame } from './framerefs';
import { ADDR_MASK, HUGE, NO_EXECUTE, NOT_MAPPED, PRESENT, SHARED, translate, unmap, USER, walk, WRITABLE } from './paging';
import { physToVirt } from './phys';
import { releaseUserTables, tablesMadeList, tableRun, tableRunEnd, tableRunStart, tablesMade, userTable } from './usertables';

/** The first user address: PML4 slot 128 (64 TiB). */
export const USER_START: u64 = 0x0000_4000_0000_0000;
/** The end of user space (exclusive): the last page below the canonical hole is left out. */
export const USER_END: u64 = 0x0000_7fff_ffff_f000;
/** The PML4 slots before the first user slot: the kernel's, copied into every space (empty in the kernel, which runs in the upper half). */
export const KERNEL_SLOTS: usize = 128;
/** The first upper-half PML4 slot: it and the ones above are the kernel's, copied into every space. */
export const KERNEL_HIGH_SLOT: usize = 256;
/** The flags mapUser accepts (USER is always added). */
export const USER_FLAGS: u64 = WRITABLE | NO_EXECUTE;

let kernelSpace: u64 = 0;
/** The most kernel slots kept as a list (the kernel uses two: the direct map and the kernel image); more are copied as two ranges. */
const SLOT_LIST: i32 = 8;
/** The kernel slots in use (nonzero in the kernel's PML4), when there are at most SLOT_LIST: kernelSlotsCopy copies only those. */
const slotList = new Uint32Array(SLOT_LIST);
let slotCount: i32 = 0;
/** Past SLOT_LIST slots: the low kernel slots in use (all of them past this one are 0), and the high ones from KERNEL_HIGH_SLOT. */
let kernelSlots: usize = 0;
let kernelHighSlots: usize = 0;

/**
 * Sets the kernel's PML4, whose kernel slots every new address space
 * shares; its tables are complete (later kernel mappings go under slots it
 * already has, docs/memory-map.md), so a space copies only the slots in
 * use: listed one by one (the kernel's two: a copy of 2 KiB from slot 256
 * to 511 cost a fork about 290 instructions, and its teardown as many to
 * clear them), or up to the last one in use in each half when there are
 * more.
 */
export function setKernelSpace(pml4: u64): void {
  kernelSpace = pml4;
  kernelSlots = 0;
  kernelHighSlots = 0;
  slotCount = 0;
  const t = physToVirt(pml4);
  for (let i: usize = 0; i < 512; i++) {
    if ((i >= KERNEL_SLOTS && i < KERNEL_HIGH_SLOT) || load<u64>(t + i * 8) == 0) continue;
    if (i < KERNEL_SLOTS) kernelSlots = i + 1;
    else kernelHighSlots = i + 1 - KERNEL_HIGH_SLOT;
    if (slotCount < SLOT_LIST) slotList[slotCount] = u32(i);
    slotCount++;
  }
}

/** Copies the kernel's slots in use into the PML4 at virtual `to`, or clears them (`from` 0). */
export function kernelSlotsCopy(to: usize, from: usize): void {
  if (slotCount <= SLOT_LIST) {
    if (from == 0) for (let i: i32 = 0; i < slotCount; i++) store<u64>(to + usize(unchecked(slotList[i])) * 8, 0);
    else for (let i: i32 = 0; i < slotCount; i++) store<u64>(to + usize(unchecked(slotList[i])) * 8, load<u64>(from + usize(unchecked(slotList[i])) * 8));
    return;
  }
  const high = KERNEL_HIGH_SLOT * 8;
  if (from == 0) {
    memset(to, 0, kernelSlots * 8);
    memset(to + high, 0, kernelHighSlots * 8);
    return;
  }
  memcpy(to, from, kernelSlots * 8);
  memcpy(to + high, from + high, kernelHighSlots * 8);
}

/** The most extents a space keeps. */
export const MAX_EXTENTS: i32 = 4;
/** The most tables a space lists (AddressSpace.tableAt); one with more is torn down by a walk. */
export const MAX_LISTED: i32 = 12;
/** A page this close to an extent (or closer) extends it rather than starting another. */
const NEAR: u64 = 0x20_0000;

export class AddressSpace {
  /** The physical address of this space's PML4 (what CR3 gets). */
  pml4: u64 = 0;
  /** User pages mapped (frames this space owns). */
  pages: u64 = 0;
  /** Tables below the PML4 (PDPTs, page directories, page tables: usertables.ts). */
  tables: u64 = 0;
  /** The most pages plus tables the space may hold (0: no limit); mapping past it fails as if memory were exhausted. */
  limit: u64 = 0;
  /** Disjoint ranges [ext[2i], ext[2i+1]) holding every page ever mapped here, i < extents. */
  readonly ext = new Uint64Array(2 * MAX_EXTENTS);
  extents: i32 = 0;
  /** The 2 MiB region (its address >> 21) whose page table `pt` is, for mapping a run of pages without a walk each; 0: none yet. */
  ptRegion: u64 = 0;
  pt: usize = 0;
  /**
   * The kernel addresses of the entries that point at its tables below the
   * PML4, in the order they were made (a table after the one above it):
   * teardown frees them from the last without a walk. Valid while `listed`
   * is at least 0; -1 once more than MAX_LISTED were made or one was freed
   * before the end (unmapUserRange), when teardown walks the tables instead.
   */
  readonly tableAt = new Uint64Array(MAX_LISTED);
  listed: i32 = 0;
  /** Whether the object is one of the pool's (spaceTake): it goes back there, not to the heap. */
  pooled: bool = false;
  /** Whether it waits in the pool (a second release of it panics). A new field is reset in spaceTake too. */
  idle: bool = false;
}

/**
 * How many AddressSpace objects are made at start-up for createAddressSpace
 * to hand out and take back: one per process (64) and a few for spaces
 * being built (execve, spawn); past them, the heap. A fork's space cost an
 * allocation and a free, about 320 instructions; the pool's about 30. Made
 * once, they are never freed, so the heap's figures after any number of
 * processes are what they were (the objects of the heap are still freed).
 */
const SPACE_POOL: i32 = 72;
const spacePool = new Array<AddressSpace | null>(SPACE_POOL);
let spacesPooled: i32 = 0;
for (let i: i32 = 0; i < SPACE_POOL; i++) {
  const as = new AddressSpace();
  as.pooled = true;
  as.idle = true;
  spacePool[i] = as;
}
spacesPooled = SPACE_POOL;

/** A fresh AddressSpace object: from the pool while it has one, else from the heap. */
function spaceTake(): AddressSpace {
  if (spacesPooled == 0) return new AddressSpace();
  spacesPooled--;
  const as = spacePool[spacesPooled]!;
  spacePool[spacesPooled] = null;
  as.idle = false;
  as.pml4 = 0; // every field as `new` leaves it (ext and tableAt count only up to extents and listed)
  as.pages = 0;
  as.tables = 0;
  as.limit = 0;
  as.extents = 0;
  as.ptRegion = 0;
  as.pt = 0;
  as.listed = 0;
  return as;
}

/** Gives back the object of a space destroyAddressSpace has emptied: to the pool if it came from there, else to the heap. */
export function spaceRelease(as: AddressSpace): void {
  if (!as.pooled) {
    free(as);
    return;
  }
  if (as.idle || spacesPooled == SPACE_POOL) throw new Error('destroyAddressSpace: the space was destroyed already');
  as.idle = true;
  spacePool[spacesPooled] = as;
  spacesPooled++;
}

/**
 * Charges `as` with the tables the last userTable call made for it, and
 * lists them. Not inlined: it runs once a table, and copied into the clone's
 * per-page loop it crowded out what that loop does per page.
 * @noinline
 */
export function tablesCharge(as: AddressSpace): void {
  const n = i32(tablesMade());
  if (n == 0) return;
  as.tables += u64(n);
  const k = as.listed;
  if (k < 0) return;
  if (k + n > MAX_LISTED) {
    as.listed = -1;
    return;
  }
  memcpy(changetype<usize>(as.tableAt) + 8 + usize(k) * 8, tablesMadeList(), usize(n) * 8);
  as.listed = k + n;
}

/** Frames `as` holds against its limit: its pages and its tables. */
export function charged(as: AddressSpace): u64 {
  return as.pages + as.tables;
}

/** How many more frames `as` may take (its limit minus what it holds; all there are without a limit). */
export function chargeRoom(as: AddressSpace): u64 {
  if (as.limit == 0) return 0xffff_ffff_ffff_ffff;
  return charged(as) >= as.limit ? 0 : as.limit - charged(as);
}

/**
 * The kernel address of the page-table entry for the user page `va` of
 * `as`, creating the tables on the way (within its limit); 0 when no frame
 * was left for one or the limit forbids it. The last table used is
 * remembered: the next page of a run needs no walk (unmapUserRange forgets
 * it when it frees tables).
 */
function entryOf(as: AddressSpace, va: u64): usize {
  if (va >> 21 != as.ptRegion) {
    const t = userTable(as.pml4, va, true, chargeRoom(as));
    tablesCharge(as);
    if (t == 0) return 0;
    as.ptRegion = va >> 21;
    as.pt = t;
  }
  return as.pt + usize((va >> 12) & 511) * 8;
}

/** Maps `frame` at the unmapped user page `va` with `flags` (USER is added); false when no frame was left for a table. */
function mapAt(as: AddressSpace, va: u64, frame: u64, flags: u64): bool {
  const e = entryOf(as, va);
  if (e == 0) return false;
  if (load<u64>(e) != 0) throw new Error('paging: page is already mapped');
  store<u64>(e, frame | flags | USER | PRESENT);
  cover(as, va);
  return true;
}

/** Makes the extents of `as` cover the page at `va`. */
function cover(as: AddressSpace, va: u64): void {
  const e = as.ext;
  let best: i32 = -1;
  let bestGap: u64 = 0xffff_ffff_ffff_ffff;
  for (let i: i32 = 0; i < as.extents; i++) {
    const lo = e[2 * i];
    const hi = e[2 * i + 1];
    if (va >= lo && va < hi) return;
    const gap = va < lo ? lo - va : va + 4096 - hi;
    if (gap < bestGap) {
      best = i;
      bestGap = gap;
    }
  }
  if (best < 0 || (bestGap > NEAR && as.extents < MAX_EXTENTS)) {
    e[2 * as.extents] = va;
    e[2 * as.extents + 1] = va + 4096;
    as.extents++;
    return;
  }
  if (va < e[2 * best]) e[2 * best] = va;
  else e[2 * best + 1] = va + 4096;
  mergeInto(as, best);
}

/** Folds every extent that overlaps or touches extent `k` into it. */
function mergeInto(as: AddressSpace, k: i32): void {
  const e = as.ext;
  let i: i32 = 0;
  while (i < as.extents) {
    if (i == k || e[2 * i] > e[2 * k + 1] || e[2 * i + 1] < e[2 * k]) {
      i++;
      continue;
    }
    if (e[2 * i] < e[2 * k]) e[2 * k] = e[2 * i];
    if (e[2 * i + 1] > e[2 * k + 1]) e[2 * k + 1] = e[2 * i + 1];
    const last = as.extents - 1; // the last extent moves into slot i
    e[2 * i] = e[2 * last];
    e[2 * i + 1] = e[2 * last + 1];
    if (k == last) k = i;
    as.extents--;
    i = 0; // k grew: look at every extent again
  }
}

/**
 * A new address space sharing the kernel's mappings. When no frame is left
 * for its PML4 its `pml4` is 0 (destroyAddressSpace still takes it).
 */
export function createAddressSpace(): AddressSpace {
  if (kernelSpace == 0) throw new Error('createAddressSpace: no kernel page tables yet');
  const as = spaceTake();
  const t = allocZeroedFrame();
  if (t == 0) return as;
  kernelSlotsCopy(physToVirt(t), physToVirt(kernelSpace));
  as.pml4 = t;
  return as;
}

/** Whether [va, va + bytes) lies entirely in user space (no wrap-around). */
export function userRange(va: u64, bytes: u64): bool {
  if (va < USER_START || va > USER_END) return false;
  return bytes <= USER_END - va;
}

/**
 * Maps a zeroed frame at the user page `va` with `flags` (USER_FLAGS bits;
 * USER is added). Returns false when no frame is left or the space's limit
 * is reached (the page and any table it needs are charged); panics on an address
 * outside user space, an unaligned one, or a page already mapped.
 */
export function mapUser(as: AddressSpace, va: u64, flags: u64): bool {
  return mapUserFrame(as, va, flags, true) != 0;
}

/**
 * mapUser, returning the physical address of the frame mapped (0 when no
 * frame is left), so that the caller can fill it without a page walk. With
 * `zero` false the frame keeps its old bytes: only for a caller that
 * overwrites the whole page before the process can run (the ELF loader).
 */
export function mapUserFrame(as: AddressSpace, va: u64, flags: u64, zero: bool): u64 {
  if ((va & 0xfff) != 0) throw new Error('mapUser: address is not 4 KiB aligned');
  if (!userRange(va, 4096)) throw new Error('mapUser: address is outside user space');
  if ((flags & ~USER_FLAGS) != 0) throw new Error('mapUser: flags other than WRITABLE and NO_EXECUTE');
  if (chargeRoom(as) == 0) return 0;
  const f = zero ? allocZeroedFrame() : allocFrame();
  if (f == 0) return 0;
  as.pages++; // charged before the tables it may need
  if (!mapAt(as, va, f, flags)) {
    as.pages--;
    freeFrame(f);
    return 0;
  }
  return f;
}

/**
 * Maps the frame at `phys`, which the space does not own (a read-only page
 * of a program image in the kernel), at the user page `va` with `flags`
 * (never WRITABLE): it is marked SHARED, so tearing down leaves it alone,
 * and it does not count in `pages`. False when no frame is left for a table.
 */
export function mapUserShared(as: AddressSpace, va: u64, phys: u64, flags: u64): bool {
  if ((va & 0xfff) != 0 || (phys & 0xfff) != 0) throw new Error('mapUserShared: address is not 4 KiB aligned');
  if (!userRange(va, 4096)) throw new Error('mapUserShared: address is outside user space');
  if ((flags & ~NO_EXECUTE) != 0) throw new Error('mapUserShared: a shared page is read-only');
  return mapAt(as, va, phys, flags | SHARED);
}

/** Unmaps the user page at `va` and frees its frame (unless shared); false if it was not mapped. */
export function unmapUser(as: AddressSpace, va: u64): bool {
  if (!userRange(va & ~u64(0xfff), 4096)) return false;
  const shared = (walk(as.pml4, va & ~u64(0xfff)) & SHARED) != 0;
  const f = unmap(as.pml4, va);
  if (f == NOT_MAPPED) return false;
  if (shared) return true;
  releaseUserFrame(f);
  as.pages--;
  return true;
}

/**
 * Unmaps every page of [lo, hi) (4 KiB aligned user addresses) that is
 * mapped, frees the frames the space owns, and then every table left empty.
 */
export function unmapUserRange(as: AddressSpace, lo: u64, hi: u64): void {
  for (let a = lo; a < hi; a = tableRunEnd()) { // table by table (usertables.ts)
    const t = tableRun(as.pml4, a, hi);
    if (t == 0) break;
    const end = tableRunEnd();
    for (let v = tableRunStart(); v < end; v += 4096) if (load<u64>(t + usize((v >> 12) & 511) * 8) != 0) unmapUser(as, v);
  }
  const freed = releaseUserTables(as.pml4, lo, hi);
  if (freed == 0) return;
  as.tables -= freed;
  as.listed = -1; // the list names a freed table now: teardown walks
  as.ptRegion = 0; // its table may be gone
}

/**
 * Whether every page of [va, va + bytes) is user space and mapped with USER
 * (and WRITABLE when `write`) in `pml4`: then a kernel copy inside
 * stac/clac cannot fault. Zero bytes are always accessible.
 */
export function userAccessible(pml4: u64, va: u64, bytes: u64, write: bool): bool {
  if (bytes == 0) return true;
  if (!userRange(va, bytes)) return false;
  for (let p = va & ~u64(0xfff); p < va + bytes; p += 4096) {
    if (!userPageAccessible(pml4, p, write)) return false;
  }
  return true;
}

/** Whether the user page at `page` is mapped with USER (and WRITABLE when `write`) in `pml4`. */
export function userPageAccessible(pml4: u64, page: u64, write: bool): bool {
  return grants(pml4, page, PRESENT | USER | (write ? WRITABLE : 0));
}

/**
 * The kernel address of the last-level entry for the page at `va`, when
 * every level above it has all the `need` bits (what the CPU itself requires
 * of a user access, or of a supervisor write with CR0.WP), else 0: three
 * plain loads, unrolled with constant shifts, since every system call with a
 * buffer runs it (a loop over the levels cost about 150 instructions a
 * page). A 2 MiB or 1 GiB page (never in user space) does not count.
 */
export function userPageEntry(pml4: u64, va: u64, need: u64): usize {
  const e4 = load<u64>(physToVirt(pml4) + usize((va >> 39) & 511) * 8);
  if ((e4 & need) != need) return 0;
  const e3 = load<u64>(physToVirt(e4 & ADDR_MASK) + usize((va >> 30) & 511) * 8);
  if ((e3 & (need | HUGE)) != need) return 0;
  const e2 = load<u64>(physToVirt(e3 & ADDR_MASK) + usize((va >> 21) & 511) * 8);
  if ((e2 & (need | HUGE)) != need) return 0;
  return physToVirt(e2 & ADDR_MASK) + usize((va >> 12) & 511) * 8;
}

/** Whether every level of the walk for the page at `va`, the page's own entry included, has all the `need` bits. */
function grants(pml4: u64, va: u64, need: u64): bool {
  const e = userPageEntry(pml4, va, need);
  return e != 0 && (load<u64>(e) & need) == need;
}
