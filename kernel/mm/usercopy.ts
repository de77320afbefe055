// Copies between kernel memory and the current process's user memory, for
// system calls. Each checks first that the whole user range lies in user
// space (USER_START..USER_END, no wrap-around) and is mapped user-accessible
// (writable for copyToUser) in the current page tables, and returns -EFAULT
// if not, so a bad pointer from a process never faults in the kernel. The
// copy itself runs between stac and clac: with SMAP on, that is the only
// place the kernel may touch user pages. Kernel target only.
import { currentPml4, userAccessBegin, userAccessEnd } from './arch';
import { userAccessible } from './aspace';

/** Bad address: what the copies return for a range they refuse. */
export const EFAULT: i64 = -14;

/** Copies `bytes` from the user address `src` to kernel memory at `dst`: 0, or EFAULT. */
export function copyFromUser(dst: usize, src: u64, bytes: u64): i64 {
  if (!userAccessible(currentPml4(), src, bytes, false)) return EFAULT;
  userAccessBegin();
  memcpy(dst, usize(src), usize(bytes));
  userAccessEnd();
  return 0;
}

/** Copies `bytes` from kernel memory at `src` to the user address `dst`: 0, or EFAULT. */
export function copyToUser(dst: u64, src: usize, bytes: u64): i64 {
  if (!userAccessible(currentPml4(), dst, bytes, true)) return EFAULT;
  userAccessBegin();
  memcpy(usize(dst), src, usize(bytes));
  userAccessEnd();
  return 0;
}

/** Fills `bytes` of user memory at `dst` with zeroes: 0, or EFAULT. */
export function clearUser(dst: u64, bytes: u64): i64 {
  if (!userAccessible(currentPml4(), dst, bytes, true)) return EFAULT;
  userAccessBegin();
  memset(usize(dst), 0, usize(bytes));
  userAccessEnd();
  return 0;
}
