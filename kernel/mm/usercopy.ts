// Copies between kernel memory and the current process's user memory, for
// system calls. Each checks first that the whole user range lies in user
// space (USER_START..USER_END, no wrap-around) and is mapped user-accessible
// (writable for copyToUser) in the current page tables, and returns -EFAULT
// if not, so a bad pointer from a process never faults in the kernel. The
// copy itself runs between stac and clac: with SMAP on, that is the only
// place the kernel may touch user pages. Pages the process has not touched
// yet but may (its stack, mapped on demand by kernel/proc/stack.ts) count
// as accessible; they are mapped through the demand-paging hooks only once
// the whole range has passed, so a failing call maps nothing; a write
// within one copy-on-write page breaks it at once (cow.ts). Kernel target
// only.
import { EFAULT, ENAMETOOLONG } from '../syscall/numbers';
import { currentPml4, userAccessBegin, userAccessEnd } from './arch';
import { userRange } from './aspace';
import { breakUserCopyOnWrite } from './cow';

let demandable: (va: u64, bytes: u64, write: bool) => bool = noDemand;
let faultIn: (va: u64, bytes: u64, write: bool) => void = noFaultIn;

function noDemand(va: u64, bytes: u64, write: bool): bool {
  return false;
}

function noFaultIn(va: u64, bytes: u64, write: bool): void {}

/**
 * Sets the demand paging of user pages: `covers` tells whether every page
 * of a user range is accessible or may be made so on demand (within the
 * process's cap), without mapping anything; `faultIn` maps those pages (and
 * copies copy-on-write ones for a write).
 */
export function setUserDemandPaging(covers: (va: u64, bytes: u64, write: bool) => bool, fault: (va: u64, bytes: u64, write: bool) => void): void {
  demandable = covers;
  faultIn = fault;
}

/**
 * aspace.ts userAccessible for the page tables in use (CR3), in plain
 * instructions: whether [va, va + bytes) lies in user space (USER_START..
 * USER_END, no wrap-around) and every page of it is mapped with PRESENT and
 * USER (and WRITABLE when `write`) at all four levels, no 2 MiB or 1 GiB
 * page counting. Zero bytes: true. About 60 instructions for one page where
 * the compiled userAccessible and its wrappers took about 150; every read
 * and write checks its buffer with it (kernel/syscall/files.ts). @naked
 */
export function userSpanMapped(va: u64, bytes: u64, write: bool): bool {
  asm(
    'test rsi, rsi',
    'jz .yes',
    'mov r8, 0x400000000000', // USER_START (aspace.ts)
    'cmp rdi, r8',
    'jb .no',
    'mov r8, 0x7ffffffff000', // USER_END
    'sub r8, rdi', // borrows when va > USER_END
    'jb .no',
    'cmp rsi, r8',
    'ja .no',
    'lea rsi, [rdi + rsi - 1]',
    'shr rsi, 12', // the last page's number
    'shr rdi, 12', // the first's
    'movzx edx, dl',
    'lea edx, [rdx*2 + 5]', // need: PRESENT | USER, and WRITABLE (2) when writing
    'lea eax, [rdx + 0x80]', // need | HUGE: a large page fails the middle levels
    'mov r11, 0x000ffffffffff000', // paging.ts ADDR_MASK
    'mov r10, cr3',
    'and r10, r11',
    'add r10, [rel tskc_phys_offset]', // the PML4 through the direct map (phys.ts)
    '.page:',
    'mov r9, rdi',
    'shr r9, 27',
    'and r9d, 511',
    'mov rcx, [r10 + r9*8]', // PML4 entry
    'mov r8d, ecx',
    'and r8d, edx',
    'cmp r8d, edx',
    'jne .no',
    'and rcx, r11',
    'add rcx, [rel tskc_phys_offset]',
    'mov r9, rdi',
    'shr r9, 18',
    'and r9d, 511',
    'mov rcx, [rcx + r9*8]', // PDPT entry
    'mov r8d, ecx',
    'and r8d, eax',
    'cmp r8d, edx',
    'jne .no',
    'and rcx, r11',
    'add rcx, [rel tskc_phys_offset]',
    'mov r9, rdi',
    'shr r9, 9',
    'and r9d, 511',
    'mov rcx, [rcx + r9*8]', // PD entry
    'mov r8d, ecx',
    'and r8d, eax',
    'cmp r8d, edx',
    'jne .no',
    'and rcx, r11',
    'add rcx, [rel tskc_phys_offset]', // the page table
    '.pte:',
    'mov r9d, edi',
    'and r9d, 511',
    'mov r8, [rcx + r9*8]', // page table entry
    'and r8d, edx',
    'cmp r8d, edx',
    'jne .no',
    'inc rdi',
    'cmp rdi, rsi',
    'ja .yes',
    'test edi, 511',
    'jnz .pte', // the next page is in the same table
    'jmp .page',
    '.yes:',
    'mov eax, 1',
    'ret',
    '.no:',
    'xor eax, eax',
    'ret',
    asm.options('noreturn'),
  );
}

/**
 * Whether the current process may access [va, va + bytes) (writing if
 * `write`): the whole range is checked first, and only then are its
 * demand-paged pages mapped.
 */
function accessible(va: u64, bytes: u64, write: bool): bool {
  if (userSpanMapped(va, bytes, write)) return true;
  if (!userRange(va, bytes)) return false;
  // A write within one copy-on-write page (after fork: wait4's status, a read's buffer): broken here in one walk, without the hooks.
  if (write && ((va ^ (va + bytes - 1)) >> 12) == 0 && breakUserCopyOnWrite(currentPml4(), va)) return true;
  if (!demandable(va, bytes, write)) return false;
  faultIn(va, bytes, write);
  return userSpanMapped(va, bytes, write);
}

/**
 * The range rule of every system call that moves bytes (read, write): 0
 * when the current process may access all of [va, va + bytes) (writing if
 * `write`: the kernel writes into it), else -EFAULT, before any device
 * runs. Zero bytes are always accessible.
 */
export function checkUserBuffer(va: u64, bytes: u64, write: bool): i64 {
  return accessible(va, bytes, write) ? 0 : -EFAULT;
}

/** Copies `bytes` from the user address `src` to kernel memory at `dst`: 0, or -EFAULT. */
export function copyFromUser(dst: usize, src: u64, bytes: u64): i64 {
  if (!accessible(src, bytes, false)) return -EFAULT;
  userAccessBegin();
  memcpy(dst, usize(src), usize(bytes));
  userAccessEnd();
  return 0;
}

/**
 * copyFromUser without the check, for a range that checkUserBuffer or
 * userSpanMapped passed (reading) in this same system call: it still
 * holds, even after a sleep, as only the process itself changes its
 * mappings (mmap, munmap, fork's write protection, its own faults; one
 * thread per process) and it is in this call.
 */
export function copyFromCheckedUser(dst: usize, src: u64, bytes: u64): void {
  userAccessBegin();
  memcpy(dst, usize(src), usize(bytes));
  userAccessEnd();
}

/** copyToUser without the check, for a range that checkUserBuffer or userSpanMapped passed (writing, which made its pages writable) in this system call (copyFromCheckedUser). */
export function copyToCheckedUser(dst: u64, src: usize, bytes: u64): void {
  userAccessBegin();
  memcpy(usize(dst), src, usize(bytes));
  userAccessEnd();
}

/** Copies `bytes` from kernel memory at `src` to the user address `dst`: 0, or -EFAULT. */
export function copyToUser(dst: u64, src: usize, bytes: u64): i64 {
  if (!accessible(dst, bytes, true)) return -EFAULT;
  userAccessBegin();
  memcpy(usize(dst), src, usize(bytes));
  userAccessEnd();
  return 0;
}

/** Fills `bytes` of user memory at `dst` with zeroes: 0, or -EFAULT. */
export function clearUser(dst: u64, bytes: u64): i64 {
  if (!accessible(dst, bytes, true)) return -EFAULT;
  userAccessBegin();
  memset(usize(dst), 0, usize(bytes));
  userAccessEnd();
  return 0;
}

/**
 * Copies the NUL-terminated user string at `src` to `dst` (room for `max`
 * bytes, the NUL included): its length, -EFAULT, or -ENAMETOOLONG when no
 * NUL comes within `max` bytes.
 */
export function copyStringFromUser(dst: usize, src: u64, max: u64): i64 {
  for (let i: u64 = 0; i < max; i++) {
    if (i == 0 || ((src + i) & 0xfff) == 0) {
      if (!accessible(src + i, 1, false)) return -EFAULT;
    }
    userAccessBegin();
    const b = load<u8>(usize(src + i));
    userAccessEnd();
    store<u8>(dst + usize(i), b);
    if (b == 0) return i64(i);
  }
  return -ENAMETOOLONG;
}
