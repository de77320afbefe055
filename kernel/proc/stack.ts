// Demand paging of user memory. A process starts with only the top page of
// its stack mapped (loader.ts), and the first touch of a lower page inside
// the stack area (USER_STACK_BOTTOM … USER_STACK_TOP) maps a zeroed page
// there; after fork, the first write to a copy-on-write page copies it
// (kernel/mm/cow.ts). Both happen from the page fault (fault.ts) or, when
// the kernel is about to copy to or from such a page in a system call, from
// the user copies (usercopy.ts's demand-paging hooks, once the call's whole
// range has been found valid: a failing call maps nothing). Below the stack
// area, nothing is ever mapped: a stack overflow is a page fault that kills
// the process.
import { chargeRoom, mapUser, userPageAccessible, userRange } from '../mm/aspace';
import { breakCopyOnWrite, copyOnWrite } from '../mm/cow';
import { userEntry } from '../mm/usertables';
import { COPY_ON_WRITE, NO_EXECUTE, PRESENT, USER, WRITABLE } from '../mm/paging';
import { setUserDemandPaging } from '../mm/usercopy';
import { USER_STACK_BOTTOM, USER_STACK_TOP } from './loader';
import { currentProcess, idleRunning } from './sched';

/** Maps a zeroed page at the stack page holding `addr` of the current process; false if `addr` is not in its stack area or memory is short. */
export function growStack(addr: u64): bool {
  if (idleRunning() || addr < USER_STACK_BOTTOM || addr >= USER_STACK_TOP) return false;
  const space = currentProcess().space;
  if (space === null || chargeRoom(space) == 0) return false;
  const page = addr & ~u64(0xfff);
  if (userEntry(space.pml4, page) != 0) return false; // mapped already: not a missing stack page
  return mapUser(space, page, WRITABLE | NO_EXECUTE);
}

/**
 * Whether every page of the user range [va, va + bytes) is accessible
 * (writable if `write`), copy-on-write (for a write), or a stack page not
 * mapped yet, and the missing ones fit in the current process's cap: what a
 * system call's copy may map.
 */
function stackCovers(va: u64, bytes: u64, write: bool): bool {
  if (idleRunning() || currentProcess().space === null) return false;
  const space = currentProcess().space!;
  let missing: u64 = 0;
  for (let p = va & ~u64(0xfff); p < va + bytes; p += 4096) {
    if (userPageAccessible(space.pml4, p, write)) continue;
    if (write && copyOnWrite(space.pml4, p)) continue;
    if (p < USER_STACK_BOTTOM || p >= USER_STACK_TOP || userEntry(space.pml4, p) != 0) return false;
    missing++;
  }
  return missing <= chargeRoom(space);
}

/** Maps the missing stack pages of [va, va + bytes) and, for a write, copies its copy-on-write pages (for a system call's copy, once stackCovers has passed). */
function faultInRange(va: u64, bytes: u64, write: bool): void {
  if (bytes == 0 || !userRange(va, bytes)) return;
  const space = currentProcess().space;
  if (space === null) return;
  for (let p = va & ~u64(0xfff); p < va + bytes; p += 4096) {
    const v = userEntry(space.pml4, p); // one walk: was it mapped, and copy-on-write?
    if (v == 0) {
      if (!growStack(p)) return;
    } else if (write && (v & (PRESENT | USER | COPY_ON_WRITE)) == (PRESENT | USER | COPY_ON_WRITE) && !breakCopyOnWrite(space, p)) return;
  }
}

/** Lets the user copies map stack pages on first touch and copy copy-on-write pages on first write, once a whole range has passed. */
export function stackFaultInInit(): void {
  setUserDemandPaging(stackCovers, faultInRange);
}
