// Copy-on-write address spaces for fork. cloneAddressSpace gives the child a
// space of its own tables that maps the parent's frames: read-only image
// pages (SHARED) as they are, every other frame shared (framerefs.ts counts
// its mappings), and each writable page made read-only with COPY_ON_WRITE
// in both spaces. The first write to such a page, from ring 3 (a page fault,
// kernel/proc/fault.ts) or by the kernel on the process's behalf (the user
// copies' demand hooks, kernel/proc/stack.ts), calls breakCopyOnWrite: the
// last mapping of a frame just takes it back writable, any other gets a
// copy. No frame is copied at fork itself. Pure code over paging.ts and
// physToVirt. docs/memory-map.md, "Copy-on-write".
import { AddressSpace, chargeRoom, createAddressSpace, tablesCharge, userPageEntry } from './aspace';
import { allocFrame } from './frames';
import { frameSharers, releaseUserFrame, shareFrame } from './framerefs';
import { ADDR_MASK, COPY_ON_WRITE, NO_EXECUTE, PRESENT, SHARED, tlbFlush, USER, WRITABLE } from './paging';
import { physToVirt } from './phys';
import { destroyAddressSpace } from './teardown';
import { tableRun, tableRunEnd, tableRunStart, userEntry, userTable } from './usertables';

/** The bits of a parent's entry the child's copy keeps (not ACCESSED or DIRTY). */
const CLONE_BITS: u64 = ADDR_MASK | PRESENT | USER | WRITABLE | NO_EXECUTE | SHARED | COPY_ON_WRITE;

/**
 * Shares the present entries [i, last) of the parent's page table at `t`
 * (for the 2 MiB region of `va`) with `child`: a read-only image page
 * (SHARED) as it is, any other frame counted once more (framerefs.ts), a
 * writable one made copy-on-write in both. The child's page table is made
 * for the first present entry; an image page costs a load and a store.
 * False when the child's limit or memory ran out.
 */
function shareTable(child: AddressSpace, t: usize, va: u64, i: usize, last: usize): bool {
  while (i < last && load<u64>(t + i * 8) == 0) i++; // an entry that is not present is 0 (unmap writes 0)
  if (i == last) return true;
  const ct = userTable(child.pml4, va, true, chargeRoom(child));
  tablesCharge(child);
  if (ct == 0) return false;
  let room = chargeRoom(child); // the frames the child may still take: one less per page shared
  for (; i < last; i++) { // the extents are tight: most entries in them are present
    let v = load<u64>(t + i * 8);
    if ((v & (PRESENT | SHARED)) != PRESENT) { // a read-only image page, or none (0): the child's entry is the same
      store<u64>(ct + i * 8, v & CLONE_BITS);
      continue;
    }
    if (room == 0) return false;
    room--;
    if ((v & WRITABLE) != 0) {
      v = (v & ~WRITABLE) | COPY_ON_WRITE;
      store<u64>(t + i * 8, v); // the caller flushes the parent's TLB once
    }
    shareFrame(v & ADDR_MASK);
    child.pages++;
    store<u64>(ct + i * 8, v & CLONE_BITS);
  }
  return true;
}

/**
 * A new address space with the same user mappings as `parent`, sharing
 * its frames copy-on-write, with the same limit and extents and the
 * next-mmap state left to the caller; null when memory or the limit ran out
 * (nothing is left behind). It goes page table by page table over the
 * parent's extents and copies each present entry straight into the child's table (no walk,
 * no extent update per page). The caller flushes the parent's TLB (its
 * pages lost WRITABLE).
 */
export function cloneAddressSpace(parent: AddressSpace): AddressSpace | null {
  const child = createAddressSpace();
  child.limit = parent.limit;
  if (child.pml4 == 0) return fail(child);
  // The child's mappings lie inside the parent's extents: teardown of a failed clone needs them.
  memcpy(changetype<usize>(child.ext) + 8, changetype<usize>(parent.ext) + 8, usize(parent.extents) * 16);
  child.extents = parent.extents;
  for (let x: i32 = 0; x < parent.extents; x++) {
    const hi = parent.ext[2 * x + 1];
    for (let a = parent.ext[2 * x]; a < hi; a = tableRunEnd()) {
      const t = tableRun(parent.pml4, a, hi);
      if (t == 0) break;
      const from = tableRunStart();
      if (!shareTable(child, t, from, usize((from >> 12) & 511), usize(((tableRunEnd() - 1) >> 12) & 511) + 1)) return fail(child);
    }
  }
  return child;
}

function fail(child: AddressSpace): AddressSpace | null {
  destroyAddressSpace(child);
  return null;
}

/** Whether the user page at `va` of `pml4` is mapped copy-on-write (a write will copy it). */
export function copyOnWrite(pml4: u64, va: u64): bool {
  const v = userEntry(pml4, va);
  return (v & (PRESENT | USER | COPY_ON_WRITE)) == (PRESENT | USER | COPY_ON_WRITE);
}

/**
 * Makes the copy-on-write page holding `va` in `as` writable: its own
 * frame if no other space maps it any more, else a copy. False when `va`
 * is not copy-on-write or no frame is left for the copy.
 */
export function breakCopyOnWrite(as: AddressSpace, va: u64): bool {
  const page = va & ~u64(0xfff);
  const t = userTable(as.pml4, page, false, 0);
  if (t == 0) return false;
  return breakEntry(as.pml4, t + usize((page >> 12) & 511) * 8, page);
}

/**
 * For a kernel write into the user page holding `va` of `pml4` (a system
 * call's copy to user memory whose range check failed): when every table
 * above grants user writes and the page is copy-on-write, breaks it as
 * breakCopyOnWrite does, in one walk; true when the page is writable now.
 * The check and the break that went through the demand-paging hooks of the
 * user copies (a range check, a walk to tell the page copy-on-write, one to
 * break it and the range check again) cost about 700 instructions: wait4's
 * status after a fork, written into the parent's copy-on-write data page,
 * paid them every time.
 */
export function breakUserCopyOnWrite(pml4: u64, va: u64): bool {
  const e = userPageEntry(pml4, va, PRESENT | USER | WRITABLE);
  return e != 0 && breakEntry(pml4, e, va & ~u64(0xfff));
}

/** Breaks the copy-on-write of the user page `page` of `pml4` whose entry is at `e`; false when it is not copy-on-write (with USER) or no frame is left for the copy. */
function breakEntry(pml4: u64, e: usize, page: u64): bool {
  const v = load<u64>(e);
  if ((v & (PRESENT | USER | COPY_ON_WRITE)) != (PRESENT | USER | COPY_ON_WRITE)) return false;
  let frame = v & ADDR_MASK;
  if (frameSharers(frame) > 0) {
    const copy = allocFrame();
    if (copy == 0) return false;
    memcpy(physToVirt(copy), physToVirt(frame), 4096);
    releaseUserFrame(frame); // one mapping fewer: never the last here
    frame = copy;
  }
  store<u64>(e, (v & ~(ADDR_MASK | COPY_ON_WRITE)) | frame | WRITABLE);
  tlbFlush(pml4, page);
  return true;
}
