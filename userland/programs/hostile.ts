// hostile: system calls as an adversarial program makes them, each result
// checked against docs/syscall-abi.md, and free frames and kernel heap back
// at their exact values after every group (issue #22). One line
// "hostile: NAME ok" (or the calls that were wrong, then "hostile: NAME
// FAILED") per group, then "hostile: done, N failed"; the exit status is N.
//   tables  map/unmap loops leave no page table behind, the frames a
//           process can take, its page tables included, stop at its cap,
//           and a munmap of 32 TiB over 64 GiB of PROT_NONE returns
//   ranges  read and write of /dev/null and /dev/zero with pointers into the
//           kernel, the null page, non-canonical addresses, the end of the
//           user half, unmapped pages, ranges straddling mapped and unmapped
//           pages or wrapping around, read-only and text targets: -EFAULT,
//           with nothing moved; zero lengths succeed with any pointer; a bad
//           fd is -EBADF before any pointer is looked at
//   console writes to fds 1 and 2 whose last bytes lie on an unmapped page
//           are -EFAULT and print nothing (the test sees no 'Q')
//   keys    console reads into unmapped, read-only or kernel memory are
//           -EFAULT at once, before any key is typed, and lose no input:
//           after "hostile: keys: type ab" the next read gets "ab"
//   stack   a read or write that reaches below the stack area or past its
//           top is -EFAULT and maps no stack page on the way; one inside
//           it maps exactly the pages it touches
//   mmap    mmap's and munmap's argument errors (an offset that is not a
//           multiple of 4096 among them), each with Linux's errno
//   prot    PROT_NONE memory takes no frame and no call may use it; a child
//           that reads it (`hostile none`) or writes read-only memory
//           (`hostile ro`) is killed by a page fault (status 256 + 14)
//   flood   background children (`hostile hog`: 512 KiB mapped and
//           touched, a few yields) until the process table is full (62
//           beside the shell and this process: then -EAGAIN), all waited
//           for, twice; free frames and heap come back exactly
//   numbers every number from 0 to 1,099 that is not a call, -1, 2^32 + 1
//           (Linux would truncate it to write) and x32's 0x40000001: -ENOSYS
//   signals the signal, group and exec calls with bad pointers, numbers and
//           sizes (EFAULT, EINVAL, ESRCH, ENOTTY, EPERM, ENOENT), and a
//           child whose rt_sigreturn finds a garbage frame (`hostile
//           sigreturn`: rip in the kernel) is killed, the kernel untouched;
//           a child reading [gs:0] (`hostile gs`) faults at address 0: the
//           kernel's per-CPU pointer never shows in ring 3's GS
//   files   the calls that write files and change names with bad pointers
//           (EFAULT), bad fds (EBADF), the console (ESPIPE, EINVAL) and
//           paths under a directory that does not exist (ENOENT); heap back exactly
//   priv    a child running a privileged instruction (`hostile priv N`:
//           cli, sti, hlt, in, out, mov cr3, lgdt, wrmsr, rdmsr, invlpg,
//           clts, lidt) is killed by #GP (status 256 + 13)
//
// tskc only: it checks tskc's documented results, which are not Linux's
// where tskc is stricter (tskc checks that a whole range is mapped before a
// call runs, Linux only that it lies in the user half), and it reads
// meminfo, a call of tskc's own.

import {
  EAGAIN, EBADF, EFAULT, EINVAL, ENOMEM, ENOSYS, MAP_ANONYMOUS, MAP_PRIVATE, O_RDWR, PROT_EXEC, PROT_READ, PROT_WRITE, SYS_ARCH_PRCTL,
  SYS_CLOCK_GETRES, SYS_CLOCK_GETTIME, SYS_CLOSE, SYS_DUP, SYS_DUP2, SYS_DUP3, SYS_EXIT, SYS_EXIT_GROUP, SYS_FCNTL, SYS_GETPID, SYS_GETPPID,
  SYS_MEMINFO, SYS_MMAP, SYS_MUNMAP, SYS_NANOSLEEP, SYS_OPEN, SYS_PIPE, SYS_PIPE2, SYS_READ, SYS_SCHED_YIELD, SYS_SPAWN, SYS_TIMES,
  SYS_UPTIME, SYS_WAIT, SYS_WAIT4, SYS_WRITE, SYS_RT_SIGACTION, SYS_RT_SIGPROCMASK, SYS_RT_SIGRETURN, SYS_IOCTL, SYS_FORK, SYS_EXECVE,
  SYS_KILL, SYS_SETPGID, SYS_GETPGID, ENOENT, ENOTTY, ESRCH, TIOCSPGRP, EPERM, SYS_SCHED_GETAFFINITY, SYS_SCHED_SETAFFINITY,
} from '../../kernel/syscall/numbers';
import {
  AT_FDCWD, ENOTDIR, SYS_MOUNT, SYS_POLL, SYS_PPOLL, SYS_LINKAT, SYS_MKDIRAT, SYS_READLINK, SYS_READLINKAT, SYS_RENAMEAT, SYS_RENAMEAT2, SYS_SYMLINK, SYS_SYMLINKAT, SYS_UNLINKAT,
  SYS_UTIMENSAT,
} from '../../kernel/syscall/numbers';
import {
  SYS_CHDIR, SYS_FDATASYNC, SYS_FSTAT, SYS_FSYNC, SYS_GETCWD, SYS_GETDENTS64, SYS_LSEEK, SYS_LSTAT, SYS_NEWFSTATAT, SYS_OPENAT, SYS_STAT,
  SYS_SYNC, SYS_PREAD64, SYS_PWRITE64, SYS_TRUNCATE, SYS_FTRUNCATE, SYS_RENAME, SYS_MKDIR, SYS_RMDIR, SYS_LINK, SYS_UNLINK, SYS_STATFS,
  SYS_FSTATFS, ESPIPE,
} from '../../kernel/syscall/numbers';
import {
  SYS_ACCEPT, SYS_ACCEPT4, SYS_BIND, SYS_CONNECT, SYS_GETPEERNAME, SYS_GETSOCKNAME, SYS_GETSOCKOPT, SYS_LISTEN, SYS_RECVFROM, SYS_SENDTO, SYS_SETSOCKOPT,
  SYS_SHUTDOWN, SYS_SOCKET,
} from '../../kernel/syscall/numbers';
import { argIs, argNumber } from '../lib/args';
import { printf } from '../lib/print';
import { check, checksFor, freeFrames, groupsFailed, heapUsed, verdict } from '../lib/checks';
import { close, exit, isError, mmapAnon, munmap, open, read, schedYield, spawn, spawnBackground, wait, write } from '../lib/sys';

/** The frames a process may hold, pages and page tables (MAX_USER_PAGES, kernel/proc/process.ts). */
const CAP: u64 = 8192;
const MiB: usize = 1 << 20;

/** The last address of the user half, exclusive (USER_END, kernel/mm/aspace.ts): the page below is never mapped either. */
const USER_END: u64 = 0x7fff_ffff_f000;
/** Addresses no process may have the kernel read or write: null page, kernel image, higher half, non-canonical, the top of the user half. */
const FOREIGN: u64[] = [0, 0xff8, 0x10_0000, 0xffff_8000_0000_0000, 0xffff_ffff_ffff_f000, 0x8000_0000_0000, USER_END - 4096, USER_END - 8, 0x7fff_ffff_fffc];

/** `rounds` times: map `len` bytes, touch every page, unmap them; free frames must come back each time. */
function mapLoop(len: usize, rounds: i32): void {
  const before = freeFrames();
  for (let r: i32 = 0; r < rounds; r++) {
    const p = mmapAnon(len);
    if (isError(p)) {
      printf(`hostile:   round ${r} of ${len}-byte maps:\n`);
      return check('mmap', p, 0);
    }
    for (let a: usize = 0; a < len; a += 4096) store<u8>(usize(p) + a, 1);
    check('munmap', munmap(usize(p), len), 0);
    const now = freeFrames();
    if (now != before) {
      printf(`hostile:   round ${r} of ${len}-byte maps:\n`);
      return check('free frames', now, before);
    }
  }
}

/** Maps 1 MiB, then single pages, until -ENOMEM: the frames taken stay within the cap; unmapping returns them all. */
function capCheck(): void {
  const before = freeFrames();
  const first = mmapAnon(MiB);
  if (isError(first)) return check('the first 1 MiB mmap', first, 0);
  let end = usize(first) + MiB;
  let r = mmapAnon(MiB);
  while (!isError(r)) { // mappings are placed upwards, one after the other
    end = usize(r) + MiB;
    r = mmapAnon(MiB);
  }
  r = mmapAnon(4096);
  while (!isError(r)) {
    end = usize(r) + 4096;
    r = mmapAnon(4096);
  }
  check('mmap beyond the cap', r, -ENOMEM);
  const taken = u64(before - freeFrames());
  if (taken > CAP || taken + 64 <= CAP) check('frames taken by mapping up to the cap', i64(taken), i64(CAP));
  check('munmap of everything', munmap(usize(first), end - usize(first)), 0);
  check('free frames after unmapping everything', freeFrames(), before);
}

function tables(): void {
  const heap = heapUsed();
  mapLoop(28 * MiB, 24); // the loop: 14 page tables a round were never freed
  mapLoop(2 * MiB + 4096, 400); // a fresh page table or two every round
  mapLoop(4096, 2000);
  capCheck();
  // 64 GiB of PROT_NONE addresses (no frames), then one munmap over all of it and past.
  const first = mmap6(u64(32 * MiB), 0, MAP_PRIVATE | MAP_ANONYMOUS, 0);
  for (let i: i32 = 1; i < 2048; i++) mmap6(u64(32 * MiB), 0, MAP_PRIVATE | MAP_ANONYMOUS, 0);
  check('munmap of 64 GiB and beyond', munmap(usize(first), usize(1) << 45), 0);
  check('heap bytes in use', heapUsed(), heap);
  verdict('tables');
}

/** Whether the `len` bytes at `p` are all `b`. */
function all(p: usize, len: usize, b: u8): bool {
  for (let i: usize = 0; i < len; i++) if (load<u8>(p + i) != b) return false;
  return true;
}

/** Reads and writes of `fd` (/dev/null or /dev/zero) that must fail with -EFAULT: `hole` is an unmapped page right after the mapped page `page`. */
function badRanges(fd: i64, page: usize, hole: usize, ro: usize): void {
  for (let i: i32 = 0; i < FOREIGN.length; i++) {
    const p = usize(FOREIGN[i]);
    if (read(fd, p, 100) != -EFAULT || write(fd, p, 100) != -EFAULT) printf(`hostile:   fd ${fd}, address ${p}:\n`);
    check('read from a foreign address', read(fd, p, 100), -EFAULT);
    check('write from a foreign address', write(fd, p, 100), -EFAULT);
  }
  memset(page, 0x5a, 4096);
  check('read into a page and the hole after it', read(fd, page + 4000, 200), -EFAULT);
  check('write from a page and the hole after it', write(fd, page + 4000, 200), -EFAULT);
  check('bytes moved by the failed read', i64(all(page, 4096, 0x5a)), 1);
  check('read into the hole', read(fd, hole, 1), -EFAULT);
  check('read wrapping around', read(fd, page, 0xffff_ffff_ffff_fff0), -EFAULT);
  check('write wrapping around', write(fd, page, usize(0) - 4096), -EFAULT);
  check('read of 2^63 bytes', read(fd, page, 0x8000_0000_0000_0000), -EFAULT);
  check('read of 2 GiB into one page', read(fd, page, 0x8000_0000), -EFAULT);
  check('read into a read-only page', read(fd, ro, 8), -EFAULT);
  check('read into the program text', read(fd, changetype<usize>(badRanges), 8), -EFAULT);
  check('write from a read-only page', write(fd, ro, 8), 8);
  check('write from the program text', write(fd, changetype<usize>(badRanges), 8), 8);
  check('read of 0 bytes at a kernel address', read(fd, 0x10_0000, 0), 0);
  check('write of 0 bytes at a non-canonical address', write(fd, 0x8000_0000_0000, 0), 0);
  check('read of 0 bytes at the top of memory', read(fd, usize(0) - 1, 0), 0);
  check('read with a bad fd and a bad pointer', read(fd + 100, 0xffff_8000_0000_0000, 8), -EBADF);
  check('write with fd -1 and a bad pointer', write(-1, 0, 8), -EBADF);
  check('write of a whole page', write(fd, page, 4096), 4096);
}

function ranges(): void {
  const frames = freeFrames();
  const heap = heapUsed();
  const m = mmapAnon(8192);
  const ro = syscall(SYS_MMAP, 0, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (isError(m) || isError(ro)) return check('mmap', isError(m) ? m : ro, 0);
  check('munmap of the second page', munmap(usize(m) + 4096, 4096), 0);
  const nullFd = open('/dev/null', O_RDWR);
  const zeroFd = open('/dev/zero', O_RDWR);
  badRanges(nullFd, usize(m), usize(m) + 4096, usize(ro));
  badRanges(zeroFd, usize(m), usize(m) + 4096, usize(ro));
  check('read of a whole page of /dev/zero', read(zeroFd, usize(m), 4096), 4096);
  check('zeroes read', i64(all(usize(m), 4096, 0)), 1);
  check('write of 100 bytes at a kernel address to the console', write(1, 0x10_0000, 100), -EFAULT);
  check('write of 100 bytes at a non-canonical address to the console', write(2, 0x8000_0000_0000, 100), -EFAULT);
  close(nullFd);
  close(zeroFd);
  check('munmap', munmap(usize(m), 4096), 0);
  check('munmap', munmap(usize(ro), 4096), 0);
  check('free frames', freeFrames(), frames);
  check('heap bytes in use', heapUsed(), heap);
  verdict('ranges');
}

function consoleWrites(): void {
  const m = mmapAnon(8192);
  if (isError(m)) return check('mmap', m, 0);
  check('munmap of the second page', munmap(usize(m) + 4096, 4096), 0);
  const tail = usize(m) + 4096 - 266;
  memset(tail, 0x51, 266); // 'Q'
  check('write of 300 bytes to the console, the last 34 unmapped', write(1, tail, 300), -EFAULT);
  check('the same to fd 2', write(2, tail, 300), -EFAULT);
  check('write of 2 bytes across the end of the page', write(1, usize(m) + 4095, 2), -EFAULT);
  check('write of 1 byte from the unmapped page', write(1, usize(m) + 4096, 1), -EFAULT);
  check('munmap', munmap(usize(m), 4096), 0);
  verdict('console');
}

function consoleReads(): void {
  const m = mmapAnon(8192);
  const ro = syscall(SYS_MMAP, 0, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (isError(m) || isError(ro)) return check('mmap', isError(m) ? m : ro, 0);
  check('munmap of the second page', munmap(usize(m) + 4096, 4096), 0);
  printf('hostile: keys: type ab\n');
  check('read of 1 byte into an unmapped page', read(0, usize(m) + 4096, 1), -EFAULT);
  check('read of 2 bytes across the end of a page', read(0, usize(m) + 4095, 2), -EFAULT);
  check('read into the kernel image', read(0, 0x10_0000, 1), -EFAULT);
  check('read into a read-only page', read(0, usize(ro), 1), -EFAULT);
  check('read of 0 bytes at a non-canonical address', read(0, 0x8000_0000_0000, 0), 0);
  let n: usize = 0;
  while (n < 2) {
    const r = read(0, usize(m) + n, 2 - n);
    if (r <= 0) return check('read of the keys', r, 1);
    n += usize(r);
  }
  check('the first key', i64(load<u8>(usize(m))), 0x61);
  check('the second key', i64(load<u8>(usize(m) + 1)), 0x62);
  check('munmap', munmap(usize(m), 4096), 0);
  check('munmap', munmap(usize(ro), 4096), 0);
  verdict('keys');
}

/** The user stack area (USER_STACK_BOTTOM … USER_STACK_TOP, kernel/proc/loader.ts): 256 pages, mapped on first touch. */
const STACK_BOTTOM: usize = 0x4000_3ff0_0000;
const STACK_TOP: usize = 0x4000_4000_0000;

function stack(): void {
  const zeroFd = open('/dev/zero', O_RDWR);
  const nullFd = open('/dev/null', O_RDWR);
  const frames = freeFrames();
  check('read from a page below the stack through most of it', read(zeroFd, STACK_BOTTOM - 4096, MiB + 8192), -EFAULT);
  check('read from the stack bottom past its top', read(zeroFd, STACK_BOTTOM, MiB + 4096), -EFAULT);
  check('write from below the stack into it', write(nullFd, STACK_BOTTOM - 1, 4097), -EFAULT);
  check('stack pages mapped by failing calls', frames - freeFrames(), 0);
  check('read of 4 untouched stack pages', read(zeroFd, STACK_BOTTOM + 8 * 4096, 4 * 4096), 4 * 4096);
  check('stack pages mapped by it', frames - freeFrames(), 4);
  close(zeroFd);
  close(nullFd);
  verdict('stack');
}

/** mmap with every argument given. */
function mmap6(len: u64, prot: i64, flags: i64, offset: u64): i64 {
  return syscall(SYS_MMAP, 0, len, prot, flags, -1, offset);
}

function mmapArgs(): void {
  const frames = freeFrames();
  const anon = MAP_PRIVATE | MAP_ANONYMOUS;
  const rw = PROT_READ | PROT_WRITE;
  check('mmap with offset 1', mmap6(4096, rw, anon, 1), -EINVAL);
  check('mmap with offset 4095', mmap6(4096, rw, anon, 4095), -EINVAL);
  check('mmap with offset 2^63 + 1', mmap6(4096, rw, anon, 0x8000_0000_0000_0001), -EINVAL);
  check('mmap of 0 bytes', mmap6(0, rw, anon, 0), -EINVAL);
  check('mmap with PROT_EXEC', mmap6(4096, PROT_READ | PROT_EXEC, anon, 0), -EINVAL);
  check('mmap with an unknown prot bit', mmap6(4096, 0x10, anon, 0), -EINVAL);
  check('mmap with MAP_FIXED', mmap6(4096, rw, anon | 0x10, 0), -EINVAL);
  check('mmap without MAP_ANONYMOUS', mmap6(4096, rw, MAP_PRIVATE, 0), -EINVAL);
  check('mmap neither shared nor private', mmap6(4096, rw, MAP_ANONYMOUS, 0), -EINVAL);
  check('mmap of 2^64 - 1 bytes', mmap6(0xffff_ffff_ffff_ffff, rw, anon, 0), -ENOMEM);
  check('mmap of 33 MiB', mmap6(u64(33 * MiB), rw, anon, 0), -ENOMEM);
  const p = mmap6(4096, rw, anon, 4096 * 3);
  check('mmap with offset 12288', i64(isError(p)), 0);
  check('munmap of an address not page-aligned', munmap(usize(p) + 1, 4096), -EINVAL);
  check('munmap of 0 bytes', munmap(usize(p), 0), -EINVAL);
  check('munmap of the program text', munmap(changetype<usize>(mmapArgs) & ~usize(0xfff), 4096), -EINVAL);
  check('munmap above every mapping', munmap(usize(p) + 0x1000_0000, 4096), -EINVAL);
  check('munmap', munmap(usize(p), 4096), 0);
  check('munmap again', munmap(usize(p), 4096), 0);
  check('free frames', freeFrames(), frames);
  verdict('mmap');
}

/** Spawns `hostile MODE` and waits: its status. */
function child(line: string): i64 {
  return spawn(changetype<usize>(line) + 8, usize(line.length));
}

/** `hostile none` and `hostile ro`: touch memory that must fault; exit 1 if it did not. */
function touch(write_: bool): never {
  const p = mmap6(4096, write_ ? PROT_READ : 0, MAP_PRIVATE | MAP_ANONYMOUS, 0);
  if (write_) volatileStore<u8>(usize(p), 1);
  else volatileLoad<u8>(usize(p));
  exit(1);
}

function prot(): void {
  const frames = freeFrames();
  const none = mmap6(u64(MiB), 0, MAP_PRIVATE | MAP_ANONYMOUS, 0);
  check('mmap of 1 MiB PROT_NONE', i64(isError(none)), 0);
  check('frames PROT_NONE took', frames - freeFrames(), 0);
  const zeroFd = open('/dev/zero', O_RDWR);
  const nullFd = open('/dev/null', O_RDWR);
  check('read into PROT_NONE memory', read(zeroFd, usize(none), 8), -EFAULT);
  check('write from PROT_NONE memory', write(nullFd, usize(none) + 4096, 8), -EFAULT);
  close(zeroFd);
  close(nullFd);
  check('a child reading PROT_NONE memory', child('hostile none'), 256 + 14);
  check('a child writing read-only memory', child('hostile ro'), 256 + 14);
  check('munmap of PROT_NONE memory', munmap(usize(none), MiB), 0);
  check('free frames', freeFrames(), frames);
  verdict('prot');
}

/** `hostile hog`: maps and touches 512 KiB, lets the others run a little, exits 0. */
function hog(): never {
  const p = mmapAnon(512 * 1024);
  if (isError(p)) exit(2);
  for (let a: usize = 0; a < 512 * 1024; a += 4096) store<u8>(usize(p) + a, 1);
  for (let i: i32 = 0; i < 3; i++) schedYield();
  exit(0);
}

const pids: usize = memory.data(64 * 8);

/** Spawns `hostile hog` in the background until the table is full; waits for them all; how many there were. */
function floodOnce(): i64 {
  let n: i32 = 0;
  let r: i64 = 0;
  while (n < 64) {
    r = spawnBackground(changetype<usize>('hostile hog') + 8, 11);
    if (isError(r)) break;
    store<i64>(pids + usize(n) * 8, r);
    n++;
  }
  check('spawn with the table full', r, -EAGAIN);
  for (let i: i32 = 0; i < n; i++) check('status of a hog', wait(load<i64>(pids + usize(i) * 8)), 0);
  return i64(n);
}

function flood(): void {
  const frames = freeFrames();
  const heap = heapUsed();
  check('background children at once', floodOnce(), 62);
  check('free frames after the first flood', freeFrames(), frames);
  check('heap bytes in use after the first flood', heapUsed(), heap);
  check('background children at once, again', floodOnce(), 62);
  check('free frames after the second flood', freeFrames(), frames);
  check('heap bytes in use after the second flood', heapUsed(), heap);
  verdict('flood');
}

/** The numbers of kernel/syscall/numbers.ts's calls, which the numbers group skips. */
const CALLS: i64[] = [
  SYS_READ, SYS_WRITE, SYS_OPEN, SYS_CLOSE, SYS_MMAP, SYS_MUNMAP, SYS_PIPE, SYS_SCHED_YIELD, SYS_DUP, SYS_DUP2, SYS_NANOSLEEP, SYS_GETPID,
  SYS_EXIT, SYS_WAIT4, SYS_FCNTL, SYS_TIMES, SYS_GETPPID, SYS_ARCH_PRCTL, SYS_CLOCK_GETTIME, SYS_CLOCK_GETRES, SYS_EXIT_GROUP, SYS_DUP3,
  SYS_PIPE2, SYS_SPAWN, SYS_MEMINFO, SYS_UPTIME, SYS_WAIT, SYS_FSYNC, SYS_FDATASYNC, SYS_SYNC, SYS_SCHED_GETAFFINITY, SYS_SCHED_SETAFFINITY,
  SYS_STAT, SYS_FSTAT, SYS_LSTAT, SYS_LSEEK, SYS_GETCWD, SYS_CHDIR, SYS_GETDENTS64, SYS_OPENAT, SYS_NEWFSTATAT,
  SYS_RT_SIGACTION, SYS_RT_SIGPROCMASK, SYS_RT_SIGRETURN, SYS_IOCTL, SYS_FORK, SYS_EXECVE, SYS_KILL, SYS_SETPGID, SYS_GETPGID,
  SYS_SOCKET, SYS_CONNECT, SYS_ACCEPT, SYS_SENDTO, SYS_RECVFROM, SYS_SHUTDOWN, SYS_BIND, SYS_LISTEN, SYS_GETSOCKNAME, SYS_GETPEERNAME,
  SYS_SETSOCKOPT, SYS_GETSOCKOPT, SYS_ACCEPT4,
  SYS_PREAD64, SYS_PWRITE64, SYS_TRUNCATE, SYS_FTRUNCATE, SYS_RENAME, SYS_MKDIR, SYS_RMDIR, SYS_LINK, SYS_UNLINK, SYS_STATFS, SYS_FSTATFS,
  SYS_SYMLINK, SYS_READLINK, SYS_MKDIRAT, SYS_UNLINKAT, SYS_RENAMEAT, SYS_LINKAT, SYS_SYMLINKAT, SYS_READLINKAT, SYS_UTIMENSAT, SYS_RENAMEAT2,
  SYS_MOUNT, SYS_POLL, SYS_PPOLL,
];

/** The calls that write files or change names, with bad arguments and paths that name nothing (docs/syscall-abi.md). */
function fileWrites(): void {
  const heap = heapUsed();
  const name = changetype<usize>('/nonexistent-hostile/x') + 8;
  const scratch = memory.data(120);
  for (let i: i32 = 0; i < FOREIGN.length; i++) {
    const bad = FOREIGN[i];
    check('mkdir of a foreign path', syscall(SYS_MKDIR, bad, 0o755), -EFAULT);
    check('rmdir of a foreign path', syscall(SYS_RMDIR, bad), -EFAULT);
    check('unlink of a foreign path', syscall(SYS_UNLINK, bad), -EFAULT);
    check('truncate of a foreign path', syscall(SYS_TRUNCATE, bad, 0), -EFAULT);
    check('link from a foreign path', syscall(SYS_LINK, bad, name), -EFAULT);
    check('rename to a foreign path', syscall(SYS_RENAME, name, bad), -EFAULT);
    check('statfs into foreign memory', syscall(SYS_STATFS, name, bad), -ENOENT);
    check('symlink of a foreign target', syscall(SYS_SYMLINK, bad, name), -EFAULT);
    check('symlinkat at a foreign path', syscall(SYS_SYMLINKAT, name, AT_FDCWD, bad), -EFAULT);
    check('readlink of a foreign path', syscall(SYS_READLINK, bad, scratch, 8), -EFAULT);
    check('utimensat with foreign times', syscall(SYS_UTIMENSAT, AT_FDCWD, name, bad, 0), bad == 0 ? -ENOENT : -EFAULT); // NULL times: now
  }
  const rel = changetype<usize>('hostile-x') + 8;
  check('mkdirat from fd 1000', syscall(SYS_MKDIRAT, 1000, rel, 0o755), -EBADF);
  check('mkdirat from the console', syscall(SYS_MKDIRAT, 1, rel, 0o755), -ENOTDIR);
  check('unlinkat with an unknown flag', syscall(SYS_UNLINKAT, AT_FDCWD, name, 1), -EINVAL);
  check('linkat with an unknown flag', syscall(SYS_LINKAT, AT_FDCWD, name, AT_FDCWD, name, 8), -EINVAL);
  check('renameat2 with an unknown flag', syscall(SYS_RENAMEAT2, AT_FDCWD, name, AT_FDCWD, name, 4), -EINVAL);
  check('renameat under a missing directory', syscall(SYS_RENAMEAT, AT_FDCWD, name, AT_FDCWD, name), -ENOENT);
  check('readlinkat of size 0', syscall(SYS_READLINKAT, AT_FDCWD, name, scratch, 0), -EINVAL);
  check('readlink of a directory', syscall(SYS_READLINK, changetype<usize>('/') + 8, scratch, 8), -EINVAL);
  check('symlink of an empty target', syscall(SYS_SYMLINK, changetype<usize>('') + 8, name), -ENOENT);
  store<i64>(scratch + 8, 1_000_000_000); // tv_nsec out of range
  check('utimensat with a bad tv_nsec', syscall(SYS_UTIMENSAT, AT_FDCWD, name, scratch, 0), -EINVAL);
  check('utimensat of a NULL path from AT_FDCWD', syscall(SYS_UTIMENSAT, AT_FDCWD, 0, 0, 0), -EFAULT);
  check('utimensat under a missing directory', syscall(SYS_UTIMENSAT, AT_FDCWD, name, 0, 0), -ENOENT);
  check('pread64 of fd -1', syscall(SYS_PREAD64, -1, scratch, 8, 0), -EBADF);
  check('pwrite64 of fd 1000', syscall(SYS_PWRITE64, 1000, scratch, 8, 0), -EBADF);
  check('pread64 of the console', syscall(SYS_PREAD64, 0, scratch, 8, 0), -ESPIPE);
  check('pwrite64 of the console', syscall(SYS_PWRITE64, 1, scratch, 8, 0), -ESPIPE);
  check('ftruncate of the console', syscall(SYS_FTRUNCATE, 1, 0), -EINVAL);
  check('ftruncate of fd -1', syscall(SYS_FTRUNCATE, -1, 0), -EBADF);
  check('fstatfs of the console', syscall(SYS_FSTATFS, 1, scratch), -EINVAL);
  check('mkdir under a missing directory', syscall(SYS_MKDIR, name, 0o755), -ENOENT);
  check('unlink under a missing directory', syscall(SYS_UNLINK, name), -ENOENT);
  check('rename under a missing directory', syscall(SYS_RENAME, name, name), -ENOENT);
  check('heap bytes in use', heapUsed(), heap);
  verdict('files');
}

/** sync, fsync and fdatasync with bad and non-file fds (docs/syscall-abi.md). */
function syncCalls(): void {
  check('sync', syscall(SYS_SYNC, 1, 2, 3), 0);
  fsyncChecks(SYS_FSYNC);
  fsyncChecks(SYS_FDATASYNC);
  verdict('sync');
}

function fsyncChecks(nr: i64): void {
  check('fsync of fd -1', syscall(nr, -1), -EBADF);
  check('fsync of fd 1000', syscall(nr, 1000), -EBADF);
  check('fsync of fd 2^32 + 1 (an int: fd 1)', syscall(nr, 0x1_0000_0001), -EINVAL);
  check('fsync of the console', syscall(nr, 1), -EINVAL);
}

function isCall(nr: i64): bool {
  for (let i: i32 = 0; i < CALLS.length; i++) if (CALLS[i] == nr) return true;
  return false;
}

const HIGHER_HALF: u64 = 0xffff_8000_0000_0000;
const affinityMask: usize = memory.data(8);

function numbers(): void {
  check('sched_getaffinity into kernel memory', syscall(SYS_SCHED_GETAFFINITY, 0, 8, HIGHER_HALF), -EFAULT);
  check('sched_getaffinity of 7 bytes', syscall(SYS_SCHED_GETAFFINITY, 0, 7, 0), -EINVAL);
  check('sched_getaffinity of no process', syscall(SYS_SCHED_GETAFFINITY, 99999, 8, 0), -ESRCH);
  check('sched_setaffinity from kernel memory', syscall(SYS_SCHED_SETAFFINITY, 0, 8, HIGHER_HALF), -EFAULT);
  check('sched_setaffinity of 7 bytes at address 0', syscall(SYS_SCHED_SETAFFINITY, 0, 7, 0), -EFAULT);
  check('sched_setaffinity of no process', syscall(SYS_SCHED_SETAFFINITY, 99999, 8, 0), -ESRCH);
  store<u64>(affinityMask, 0);
  check('sched_setaffinity to no CPU', syscall(SYS_SCHED_SETAFFINITY, 0, 8, affinityMask), -EINVAL);
  store<u64>(affinityMask, u64(1) << 63);
  check('sched_setaffinity to no online CPU', syscall(SYS_SCHED_SETAFFINITY, 0, 8, affinityMask), -EINVAL);
  check('poll of kernel memory', syscall(SYS_POLL, HIGHER_HALF, 1, 0), -EFAULT);
  check('poll of more fds than a process has', syscall(SYS_POLL, 0, 17, 0), -EINVAL);
  check('ppoll of a kernel-memory timespec', syscall(SYS_PPOLL, 0, 0, HIGHER_HALF, 0, 8), -EFAULT);
  check('ppoll of a kernel-memory mask', syscall(SYS_PPOLL, 0, 0, 0, HIGHER_HALF, 8), -EFAULT);
  check('mount of a kernel-memory source', syscall(SYS_MOUNT, HIGHER_HALF, HIGHER_HALF, HIGHER_HALF, 0, 0), -EFAULT);
  for (let nr: i64 = 0; nr < 1100; nr++) {
    if (isCall(nr)) continue;
    const r = syscall(nr, HIGHER_HALF, 0x8000_0000_0000, usize(0) - 1, 0, 1, 2);
    if (r != -ENOSYS) printf(`hostile:   number ${nr}:\n`);
    check('an unknown number', r, -ENOSYS);
  }
  check('number -1', syscall(-1, 0, 0, 0), -ENOSYS);
  check('number 2^32 + 1', syscall(0x1_0000_0001, 1, HIGHER_HALF, 8), -ENOSYS);
  check('number 0x40000001', syscall(0x4000_0001, 1, HIGHER_HALF, 8), -ENOSYS);
  verdict('numbers');
}

const sigset: usize = memory.data(8);

/** `hostile sigreturn`: rt_sigreturn over a frame whose rip points into the kernel and rsp off the user half; must be killed (SIGSEGV). */
function badSigreturn(): never {
  const frame: usize = memory.data(1024);
  for (let i: usize = 0; i < 128; i++) store<u64>(frame + i * 8, 0xffff_ffff_8010_0000);
  asm('mov rsp, {0}', 'mov eax, 15', 'syscall', asm.in('reg', frame + 8), asm.clobber('rax', 'rcx', 'r11'));
  exit(1);
}

function signals(): void {
  for (let i: i32 = 0; i < FOREIGN.length; i++) {
    check('execve of a kernel path', syscall(SYS_EXECVE, FOREIGN[i], 0, 0), -EFAULT);
    check('ioctl to a kernel pointer', syscall(SYS_IOCTL, 0, TIOCSPGRP, FOREIGN[i]), -EFAULT);
    if (FOREIGN[i] == 0) continue; // a NULL action or set means none: not an error
    check('rt_sigaction reading a kernel pointer', syscall(SYS_RT_SIGACTION, 10, FOREIGN[i], 0, 8), -EFAULT);
    check('rt_sigaction writing a kernel pointer', syscall(SYS_RT_SIGACTION, 10, 0, FOREIGN[i], 8), -EFAULT);
    check('rt_sigprocmask reading a kernel pointer', syscall(SYS_RT_SIGPROCMASK, 0, FOREIGN[i], 0, 8), -EFAULT);
  }
  check('rt_sigaction of signal 0', syscall(SYS_RT_SIGACTION, 0, 0, 0, 8), -EINVAL);
  check('rt_sigaction of signal 65', syscall(SYS_RT_SIGACTION, 65, 0, 0, 8), -EINVAL);
  check('rt_sigaction with a 16-byte set', syscall(SYS_RT_SIGACTION, 10, 0, 0, 16), -EINVAL);
  check('rt_sigaction of SIGKILL', syscall(SYS_RT_SIGACTION, 9, sigset, 0, 8), -EINVAL);
  check('rt_sigprocmask of a bad how', syscall(SYS_RT_SIGPROCMASK, 7, sigset, 0, 8), -EINVAL);
  check('kill with signal 65', syscall(SYS_KILL, 1, 65), -EINVAL);
  check('kill of a missing pid', syscall(SYS_KILL, 0x7fff_0000, 0), -ESRCH);
  check('kill of a missing group', syscall(SYS_KILL, -0x7fff_0000, 0), -ESRCH);
  check('setpgid of a stranger', syscall(SYS_SETPGID, 1, 0), -ESRCH);
  check('setpgid into a missing group', syscall(SYS_SETPGID, 0, 0x7fff_0000), -EPERM);
  check('getpgid of a missing pid', syscall(SYS_GETPGID, 0x7fff_0000), -ESRCH);
  check('ioctl of a pipe end', syscall(SYS_IOCTL, 99, TIOCSPGRP, sigset), -EBADF);
  check('ioctl of /dev/null', ioctlNull(), -ENOTTY);
  check('execve of a path outside /bin', syscall(SYS_EXECVE, changetype<usize>('/etc/hostile') + 8, 0, 0), -ENOENT);
  check('a garbage rt_sigreturn', spawn(changetype<usize>('hostile sigreturn') + 8, 17), 512 + 11);
  check('a read through GS in ring 3', spawn(changetype<usize>('hostile gs') + 8, 10), 256 + 14);
  verdict('signals');
}

function ioctlNull(): i64 {
  const fd = open('/dev/null', O_RDWR);
  const r = syscall(SYS_IOCTL, fd, TIOCSPGRP, sigset);
  close(fd);
  return r;
}

/** How many privileged instructions `hostile priv N` knows. */
const PRIVILEGED: i64 = 12;

/** `hostile priv N`: runs privileged instruction N in ring 3; exits 1 if it did not fault. */
function privileged(n: i64): never {
  const zero: u64 = 0;
  if (n == 0) asm('cli');
  else if (n == 1) asm('sti');
  else if (n == 2) asm('hlt');
  else if (n == 3) asm('in al, dx', asm.in('rdx', 0x60), asm.clobber('rax'));
  else if (n == 4) asm('out dx, al', asm.in('rdx', 0x80), asm.in('rax', 0));
  else if (n == 5) asm('mov cr3, {0}', asm.in('reg', zero));
  else if (n == 6) asm('lgdt [{0}]', asm.in('reg', changetype<usize>(pids)));
  else if (n == 7) asm('wrmsr', asm.in('rcx', 0xc000_0080), asm.in('rax', 0), asm.in('rdx', 0));
  else if (n == 8) asm('rdmsr', asm.in('rcx', 0xc000_0080), asm.clobber('rax', 'rdx'));
  else if (n == 9) asm('invlpg [{0}]', asm.in('reg', changetype<usize>(pids)));
  else if (n == 10) asm('clts');
  else asm('lidt [{0}]', asm.in('reg', changetype<usize>(pids)));
  exit(1);
}

const privLine: usize = memory.data(16);

function priv(): void {
  memcpy(privLine, changetype<usize>('hostile priv ') + 8, 13);
  for (let n: i64 = 0; n < PRIVILEGED; n++) {
    store<u8>(privLine + 13, u8(0x30 + n / 10));
    store<u8>(privLine + 14, u8(0x30 + n % 10));
    const r = spawn(privLine, 15);
    if (r != 256 + 13) printf(`hostile:   privileged instruction ${n}:\n`);
    check('a child running a privileged instruction', r, 256 + 13);
  }
  verdict('priv');
}

checksFor('hostile');
if (argIs(1, 'hog')) hog();
if (argIs(1, 'priv')) privileged(argNumber(2, -1));
if (argIs(1, 'none')) touch(false);
if (argIs(1, 'ro')) touch(true);
if (argIs(1, 'sigreturn')) badSigreturn();
if (argIs(1, 'gs')) { // ring 3's GS base is 0, never the kernel's per-CPU pointer: a page fault at address 0
  asm('mov rax, [gs:0]', asm.clobber('rax'));
  exit(1);
}
tables();
ranges();
consoleWrites();
consoleReads();
stack();
mmapArgs();
prot();
flood();
syncCalls();
numbers();
signals();
fileWrites();
priv();
printf(`hostile: done, ${groupsFailed()} failed\n`);
exit(groupsFailed());
