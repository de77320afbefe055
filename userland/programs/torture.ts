// torture N [SEED]: N random system calls with random numbers, lengths and
// pointers (kernel, non-canonical, null and unmapped addresses included),
// seeded, then a summary of the results by errno. Every result must be a
// success or -1 … -4095, and every unknown number must give -ENOSYS;
// anything else counts as "wrong" and makes the exit status 1.
//
// Harmless by construction, so it may run on the Linux host as well as on
// tskc (docs/syscall-abi.md, "torture"): it calls only the numbers in
// kernel/syscall/numbers.ts (never exit) and unknown numbers from 1000 up;
// fds are -1, ≥ 1000, or ones it opened itself (only /dev/null can open);
// memory the kernel may write (read, meminfo) is invalid or its own scratch
// buffer (meminfo's 32 bytes always fit inside it; read only ever gets fds
// of /dev/null, which writes nothing) or its own probe pages: the end of a
// page followed by an unmapped one, a PROT_NONE page, a read-only page
// (all zero bytes, so as paths they name nothing), and for read and write
// its own text; munmap only gets its own mappings or addresses no process owns;
// mmap never gets MAP_FIXED, MAP_POPULATE or MAP_LOCKED. A read or write of
// one of its own fds with a range that wraps or ends above 2^63 must be
// -EFAULT (or -EBADF, Linux's answer for an fd not open for it): else wrong.
// The calls of processes part 2 (callMore) are made so they cannot block or
// change what the program depends on: nanosleep only with invalid times or
// pointers, wait4 always with WNOHANG, pipes closed as soon as made (a
// random read or write of a pipe could wait forever), fds duplicated only
// from and to numbers of its own (3 and up), FS read but never set to a
// user address. The signal calls (callSignals) never install a handler or
// change the mask (actions and sets come only from invalid pointers),
// kill only probes itself or targets pids and groups that do not exist,
// setpgid and ioctl only reach missing processes and non-terminals, and
// execve only gets invalid paths; fork and rt_sigreturn are never made.
// The file calls (callFiles) stay as harmless: no chdir, no
// sync, fds of its own or bad ones, results into its scratch buffer; the
// calls that change names (mkdir, rmdir, unlink, link, rename, truncate)
// only get paths that cannot name anything (under /nonexistent, or
// memory that is not the program's), pwrite64 and ftruncate only its
// /dev/null fds or bad ones.
// The socket calls (callSocket) use a socket made for the
// call, non-blocking, and closed at once: it binds only to 127.0.0.1 and
// sends only to its own address, so nothing leaves the host, nothing waits.

import {
  EBADF, EFAULT, EINVAL, ENOENT, ENOMEM, ENOSYS, MEMINFO_SIZE, SYS_CLOSE, SYS_GETPID, SYS_MEMINFO, SYS_MMAP, SYS_MUNMAP,
  SYS_OPEN, SYS_READ, SYS_SCHED_YIELD, SYS_SPAWN, SYS_UPTIME, SYS_WAIT, SYS_WRITE, SYS_NANOSLEEP, SYS_CLOCK_GETTIME, SYS_CLOCK_GETRES,
  SYS_TIMES, SYS_GETPPID, SYS_WAIT4, SYS_PIPE2, SYS_DUP, SYS_DUP2, SYS_FCNTL, SYS_ARCH_PRCTL, WNOHANG, F_DUPFD, F_GETFD, F_SETFD, F_GETFL,
  ARCH_GET_FS, ARCH_SET_FS, SYS_RT_SIGACTION, SYS_RT_SIGPROCMASK, SYS_KILL, SYS_SETPGID, SYS_GETPGID, SYS_IOCTL, SYS_EXECVE,
} from '../../kernel/syscall/numbers';
import {
  SYS_FDATASYNC, SYS_FSTAT, SYS_FSYNC, SYS_GETCWD, SYS_GETDENTS64, SYS_LSEEK, SYS_LSTAT, SYS_NEWFSTATAT, SYS_STAT,
  SYS_PREAD64, SYS_PWRITE64, SYS_TRUNCATE, SYS_FTRUNCATE, SYS_RENAME, SYS_MKDIR, SYS_RMDIR, SYS_LINK, SYS_UNLINK, SYS_STATFS, SYS_FSTATFS,
} from '../../kernel/syscall/numbers';
import {
  AF_INET, SOCK_DGRAM, SOCK_NONBLOCK, SOCK_STREAM, SOL_SOCKET, SYS_ACCEPT4, SYS_BIND, SYS_GETPEERNAME, SYS_GETSOCKNAME, SYS_GETSOCKOPT,
  SYS_LISTEN, SYS_RECVFROM, SYS_SENDTO, SYS_SETSOCKOPT, SYS_SHUTDOWN, SYS_SOCKET, MSG_DONTWAIT, MSG_NOSIGNAL,
} from '../../kernel/syscall/numbers';
import { argNumber } from '../lib/args';
import { printf, println } from '../lib/print';
import { exit, isError } from '../lib/sys';
import { Random } from '../lib/random';

/** The mmap flags torture may set: SHARED, PRIVATE, ANONYMOUS, NORESERVE. */
const SAFE_MAP_FLAGS: u64 = 0x01 | 0x02 | 0x20 | 0x4000;
const SCRATCH_SIZE: u64 = 4096;
const scratch: usize = memory.data(4096);
const SLOTS: i32 = 8;

const rng = new Random();
const fds = new Int64Array(8); // fds torture opened (0: free slot)
const maps = new Uint64Array(8); // its mappings: addresses…
const mapLens = new Uint64Array(8); // …and lengths

class Tally {
  ok: i64 = 0;
  efault: i64 = 0;
  ebadf: i64 = 0;
  einval: i64 = 0;
  enomem: i64 = 0;
  enosys: i64 = 0;
  enoent: i64 = 0;
  other: i64 = 0;
  wrong: i64 = 0;
}
const tally = new Tally();

/** An address no user process owns: null page, kernel, non-canonical or unmapped low. */
function foreignPtr(): u64 {
  switch (i32(rng.below(5))) {
    case 0: return rng.below(4096);
    case 1: return 0x100000 + rng.below(0x100000); // the tskc kernel's image
    case 2: return 0xffff800000000000 + rng.below(0x100000000);
    case 3: return 0xffffffff80000000 + rng.below(0x80000000);
    default: return 0x0000800000000000 + rng.below(0x100000000); // non-canonical
  }
}

/** Its probe pages (0 where mmap failed): a page whose next page is unmapped, a PROT_NONE page, a read-only page. */
let edgePage: u64 = 0;
let nonePage: u64 = 0;
let roPage: u64 = 0;

function setUpProbes(): void {
  const anon: u64 = 0x22; // MAP_PRIVATE | MAP_ANONYMOUS
  const e = syscall(SYS_MMAP, 0, 8192, 3, anon, -1, 0);
  if (!isError(e) && syscall(SYS_MUNMAP, e + 4096, 4096) == 0) edgePage = u64(e);
  const n = syscall(SYS_MMAP, 0, 4096, 0, anon, -1, 0);
  if (!isError(n)) nonePage = u64(n);
  const r = syscall(SYS_MMAP, 0, 4096, 1, anon, -1, 0);
  if (!isError(r)) roPage = u64(r);
}

/** A pointer into its probe pages (all zero bytes, or none readable): the end of the edge page (lengths run into the hole), PROT_NONE, read-only. */
function probePtr(): u64 {
  switch (i32(rng.below(3))) {
    case 0: return edgePage + 4096 - rng.below(64);
    case 1: return nonePage + rng.below(4096);
    default: return roPage + rng.below(4096);
  }
}

/** Now and then its own code instead of `p`, for read and write only (as a path, code bytes could name a file to create). */
function orText(p: u64): u64 {
  return rng.below(8) == 0 ? u64(changetype<usize>(oneCall)) + rng.below(4096) : p;
}

/** A pointer the kernel may write through: foreign, a probe, or inside the scratch buffer (lengths may run past it). */
function writablePtr(): u64 {
  const k = rng.below(4);
  if (k == 0) return u64(scratch) + rng.below(SCRATCH_SIZE);
  if (k == 1) return probePtr();
  return foreignPtr();
}

/** A pointer the kernel only reads: any writable one, the top of user space, one that wraps with most lengths, or 64 random bits. */
function readablePtr(): u64 {
  const k = rng.below(7);
  if (k == 0) return 0x00007ffffffff000 + rng.below(0x2000); // across the canonical boundary
  if (k == 1) return 0x00007ffffffff000 - rng.below(0x100); // the last mappable bytes, into the top page no process has
  if (k == 2) return 0xfffffffffffff000 + rng.below(0x1000); // ptr + len wraps around
  if (k == 3) return rng.next();
  return writablePtr();
}

/**
 * Whether every kernel must refuse a read or write of `len` bytes at `p`
 * before the device runs (-EFAULT): the range wraps around or ends above
 * 2^63, which no version of Linux's access_ok lets through (newer ones
 * check only the sign of the end) and tskc refuses past 0x7fff_ffff_f000.
 */
function beyondUserHalf(p: u64, len: u64): bool {
  const end = p + len;
  return len != 0 && (end < p || end > 0x8000_0000_0000_0000);
}

/** A read or write: the result, counted wrong when one of its own fds took a range beyond the user half. */
function transfer(nr: i64, f: i64, p: u64, len: u64): i64 {
  const r = syscall(nr, f, p, len);
  if (f > 2 && f < 1000 && beyondUserHalf(p, len) && r != -EFAULT && r != -EBADF) tally.wrong++;
  return r;
}

function length(): u64 {
  switch (i32(rng.below(7))) {
    case 0: return 0;
    case 1: return 1 + rng.below(64);
    case 2: return rng.below(SCRATCH_SIZE);
    case 3: return 4096 + rng.below(1 << 20);
    case 4: return 0x8000000000000000 + rng.below(0x1000);
    case 5: return 0xffffffffffffffff;
    default: return rng.next();
  }
}

function fd(): i64 {
  const k = rng.below(4);
  if (k == 0) return -1;
  if (k == 1) return 1000 + i64(rng.below(100000));
  if (k == 2) return i64(rng.next() | 0x8000000000000000); // negative
  return fds[i32(rng.below(u64(SLOTS)))]; // one it opened, or 0 for a free slot (safeFd filters that)
}

/** An fd for read/write/close: never 0, 1 or 2 (stdin could block, stdout carries the summary). */
function safeFd(): i64 {
  const f = fd();
  return f >= 0 && f <= 2 ? -1 : f;
}

function remember(table: Int64Array, value: i64): void {
  for (let i = 0; i < SLOTS; i++) {
    if (table[i] == 0) {
      table[i] = value;
      return;
    }
  }
  syscall(SYS_CLOSE, value); // no room: give it back at once
}

function forgetFd(f: i64): void {
  for (let i = 0; i < SLOTS; i++) if (fds[i] == f) fds[i] = 0;
}

function callOpen(): i64 {
  const k = rng.below(4);
  const path = k == 0 ? changetype<usize>('/dev/null') + 8 : k == 1 ? changetype<usize>('/nonexistent/tskc-torture') + 8 : usize(readablePtr());
  const r = syscall(SYS_OPEN, path, rng.next() & 0xffffffff, rng.below(0o1000));
  if (r > 2) remember(fds, r);
  return r;
}

function callClose(): i64 {
  const f = safeFd();
  const r = syscall(SYS_CLOSE, f);
  if (r == 0) forgetFd(f);
  return r;
}

function callMmap(): i64 {
  const len = length();
  const flags = rng.next() & SAFE_MAP_FLAGS;
  const r = syscall(SYS_MMAP, readablePtr(), len, rng.below(16), flags, safeFd(), rng.below(4) == 0 ? rng.next() : 0);
  if (!isError(r)) {
    let slot = -1;
    for (let i = 0; i < SLOTS; i++) if (mapLens[i] == 0) slot = i;
    if (slot < 0) syscall(SYS_MUNMAP, r, len);
    else {
      maps[slot] = u64(r);
      mapLens[slot] = len;
    }
  }
  return r;
}

function callMunmap(): i64 {
  const slot = i32(rng.below(u64(SLOTS)));
  if (rng.below(2) == 0 && mapLens[slot] != 0) {
    const r = syscall(SYS_MUNMAP, maps[slot], mapLens[slot]);
    mapLens[slot] = 0;
    return r;
  }
  return syscall(SYS_MUNMAP, foreignPtr() | 1, length()); // never a page of its own: odd addresses are EINVAL
}

/** Where a call may write 8 to 32 bytes: its scratch buffer, or memory it does not own. */
function resultPtr(): u64 {
  return rng.below(2) == 0 ? u64(scratch) + rng.below(SCRATCH_SIZE - 32) : foreignPtr();
}

/** An fd number of its own for dup2's target: 3 and up, below 16. */
function ownNumber(): i64 {
  return 3 + i64(rng.below(13));
}

/** One of the calls of processes part 2, made harmless (see the top of the file). */
function callMore(): i64 {
  switch (i32(rng.below(10))) {
    case 0: {
      const t = u64(scratch);
      store<u64>(usize(t), rng.below(3));
      store<u64>(usize(t) + 8, 1_000_000_000 + rng.below(1000)); // not normalised: EINVAL, never a sleep
      return syscall(SYS_NANOSLEEP, rng.below(2) == 0 ? t : foreignPtr(), 0);
    }
    case 1: return syscall(SYS_CLOCK_GETTIME, rng.below(12), resultPtr());
    case 2: return syscall(SYS_CLOCK_GETRES, rng.below(12), rng.below(4) == 0 ? 0 : resultPtr());
    case 3: return syscall(SYS_TIMES, rng.below(4) == 0 ? 0 : resultPtr());
    case 4: return syscall(SYS_GETPPID);
    case 5: return syscall(SYS_WAIT4, rng.below(2) == 0 ? -1 : i64(rng.next()), resultPtr(), u64(WNOHANG) | (rng.below(4) == 0 ? rng.next() : 0), 0);
    case 6: {
      const p = u64(scratch);
      const r = syscall(SYS_PIPE2, rng.below(4) == 0 ? foreignPtr() : p, rng.below(3) == 0 ? rng.next() : 0);
      if (r == 0) {
        syscall(SYS_CLOSE, i64(load<i32>(usize(p))));
        syscall(SYS_CLOSE, i64(load<i32>(usize(p) + 4)));
      }
      return r;
    }
    case 7: {
      const r = rng.below(2) == 0 ? syscall(SYS_DUP, safeFd()) : syscall(SYS_DUP2, safeFd(), ownNumber());
      if (r >= 3 && !isError(r)) remember(fds, r);
      return r;
    }
    case 8: {
      const k = rng.below(5);
      const cmd: i64 = k == 0 ? F_DUPFD : k == 1 ? F_GETFD : k == 2 ? F_SETFD : k == 3 ? F_GETFL : i64(rng.below(2000));
      const r = syscall(SYS_FCNTL, safeFd(), cmd, cmd == F_DUPFD ? 3 + rng.below(20) : rng.next());
      if (cmd == F_DUPFD && r >= 3 && !isError(r)) remember(fds, r);
      return r;
    }
    default:
      return rng.below(2) == 0 ? syscall(SYS_ARCH_PRCTL, ARCH_GET_FS, resultPtr()) : syscall(SYS_ARCH_PRCTL, ARCH_SET_FS, foreignPtr() | 0x8000_0000_0000_0000);
  }
}

/** One of the signal, group and exec calls, made harmless (see the top of the file). */
function callSignals(): i64 {
  const missing = i64(0x7000_0000 + rng.below(0x0fff_0000)); // beyond any pid this kernel or Linux hands out
  switch (i32(rng.below(7))) {
    case 0: return syscall(SYS_RT_SIGACTION, rng.below(70), rng.below(3) == 0 ? 0 : foreignPtr(), rng.below(2) == 0 ? 0 : resultPtr(), rng.below(4) == 0 ? rng.next() : 8);
    case 1: return syscall(SYS_RT_SIGPROCMASK, rng.below(4), rng.below(2) == 0 ? 0 : foreignPtr(), resultPtr(), rng.below(4) == 0 ? rng.next() : 8);
    case 2: return rng.below(2) == 0 ? syscall(SYS_KILL, syscall(SYS_GETPID), 0) : syscall(SYS_KILL, rng.below(2) == 0 ? missing : -missing, rng.below(70));
    case 3: return syscall(SYS_SETPGID, missing, rng.below(4) == 0 ? rng.next() : 0);
    case 4: return syscall(SYS_GETPGID, rng.below(2) == 0 ? 0 : missing);
    case 5: return syscall(SYS_IOCTL, safeFd(), rng.next() & 0xffff, resultPtr());
    default: return syscall(SYS_EXECVE, foreignPtr(), rng.below(2) == 0 ? 0 : foreignPtr(), 0);
  }
}

/** Where a stat call may write its 144 bytes: inside the scratch buffer, or memory that is not the program's. */
function statPtr(): u64 {
  return rng.below(2) == 0 ? u64(scratch) + rng.below(SCRATCH_SIZE - 144) : foreignPtr();
}

/**
 * One of the file calls, made harmless like the others: the fds are its
 * own /dev/null ones or bad numbers (so getdents64 never writes and fsync
 * never syncs a file), paths are its probes or its text, results go to
 * its scratch buffer (getcwd at most 64 bytes). Never chdir or sync.
 */
function callFiles(): i64 {
  switch (i32(rng.below(8))) {
    case 6: return callFileWrites();
    case 7: return rng.below(2) == 0 ? syscall(SYS_STATFS, readablePtr(), statPtr()) : syscall(SYS_FSTATFS, safeFd(), statPtr());
    case 0: return syscall(SYS_FSTAT, safeFd(), statPtr());
    case 1: return syscall(rng.below(2) == 0 ? SYS_STAT : SYS_LSTAT, readablePtr(), statPtr());
    case 2: return syscall(SYS_NEWFSTATAT, rng.below(2) == 0 ? -100 : safeFd(), readablePtr(), statPtr(), rng.below(4) == 0 ? rng.next() : 0);
    case 3: return syscall(SYS_LSEEK, safeFd(), rng.next(), rng.below(5));
    case 4: return rng.below(2) == 0 ? syscall(SYS_GETDENTS64, safeFd(), writablePtr(), length()) : syscall(SYS_GETCWD, resultPtr(), rng.below(64));
    default: return syscall(rng.below(2) == 0 ? SYS_FSYNC : SYS_FDATASYNC, safeFd());
  }
}

/** A struct sockaddr_in for 127.0.0.1:`port` at `at` (family AF_INET, or a random one now and then). */
function loopbackAddr(at: usize, port: u16): void {
  memset(at, 0, 16);
  store<u16>(at, rng.below(8) == 0 ? u16(rng.below(64)) : u16(AF_INET));
  store<u8>(at + 2, u8(port >> 8));
  store<u8>(at + 3, u8(port));
  store<u32>(at + 4, 0x0100_007f); // 127.0.0.1 in network order
}

/** A socket call on a socket of its own (see the top of the file); the socket is closed before it returns. */
function callSocket(): i64 {
  const kind = rng.below(4);
  const type: i64 = kind == 0 ? SOCK_STREAM : kind == 1 ? i64(rng.below(16)) : SOCK_DGRAM;
  const s = syscall(SYS_SOCKET, rng.below(16) == 0 ? i64(rng.below(64)) : AF_INET, type | SOCK_NONBLOCK, rng.below(4) == 0 ? rng.below(32) : 0);
  if (isError(s)) return s;
  const addr = scratch + 64;
  const lenAt = scratch + 96;
  store<u32>(lenAt, u32(rng.below(32)));
  loopbackAddr(addr, 0);
  let r: i64 = 0;
  switch (i32(rng.below(9))) {
    case 0: r = syscall(SYS_BIND, s, rng.below(4) == 0 ? foreignPtr() : u64(addr), rng.below(4) == 0 ? rng.next() : 16); break;
    case 1: r = syscall(SYS_GETSOCKNAME, s, rng.below(3) == 0 ? foreignPtr() : u64(addr), rng.below(3) == 0 ? foreignPtr() : u64(lenAt)); break;
    case 2: r = syscall(SYS_GETPEERNAME, s, resultPtr(), rng.below(2) == 0 ? foreignPtr() : u64(lenAt)); break;
    case 3: r = syscall(SYS_SETSOCKOPT, s, rng.below(4) == 0 ? i64(rng.below(300)) : SOL_SOCKET, i64(rng.below(32)), resultPtr(), rng.below(24)); break;
    case 4: r = syscall(SYS_GETSOCKOPT, s, rng.below(4) == 0 ? i64(rng.below(300)) : SOL_SOCKET, i64(rng.below(32)), resultPtr(), rng.below(2) == 0 ? foreignPtr() : u64(lenAt)); break;
    case 5: r = syscall(SYS_LISTEN, s, i64(rng.next())); break;
    case 6: r = syscall(SYS_ACCEPT4, s, resultPtr(), rng.below(2) == 0 ? foreignPtr() : u64(lenAt), rng.below(3) == 0 ? rng.next() : 0); break;
    case 7: r = syscall(SYS_SHUTDOWN, s, i64(rng.below(5))); break;
    default: { // a datagram to itself, or a receive that finds nothing
      store<u32>(lenAt, 16);
      if (syscall(SYS_BIND, s, u64(addr), 16) == 0 && syscall(SYS_GETSOCKNAME, s, u64(addr), u64(lenAt)) == 0 && load<u32>(addr + 4) == 0x0100_007f) {
        r = syscall(SYS_SENDTO, s, readablePtr(), rng.below(64), MSG_DONTWAIT | MSG_NOSIGNAL, u64(addr), 16); // no SIGPIPE from a stream socket on Linux
      }
      const got = syscall(SYS_RECVFROM, s, resultPtr(), rng.below(32), MSG_DONTWAIT, rng.below(2) == 0 ? 0 : resultPtr(), u64(lenAt));
      if (r >= 0) r = got;
    }
  }
  syscall(SYS_CLOSE, s);
  return r;
}

/** A path that names nothing: under a directory that does not exist, or memory that is not the program's. */
function nowhere(): u64 {
  return rng.below(2) == 0 ? u64(changetype<usize>('/nonexistent/tskc-torture') + 8) : foreignPtr();
}

/** The calls that write files or change names, on paths that name nothing and fds of /dev/null or bad ones. */
function callFileWrites(): i64 {
  switch (i32(rng.below(9))) {
    case 0: return syscall(SYS_PREAD64, safeFd(), orText(writablePtr()), length(), rng.next());
    case 1: return syscall(SYS_PWRITE64, safeFd(), orText(readablePtr()), length(), rng.next());
    case 2: return syscall(SYS_FTRUNCATE, safeFd(), rng.next());
    case 3: return syscall(SYS_TRUNCATE, nowhere(), rng.next());
    case 4: return syscall(SYS_MKDIR, nowhere(), rng.below(0o1000));
    case 5: return syscall(SYS_RMDIR, nowhere());
    case 6: return syscall(SYS_UNLINK, nowhere());
    case 7: return syscall(SYS_LINK, nowhere(), nowhere());
    default: return syscall(SYS_RENAME, nowhere(), nowhere());
  }
}

/** One random call; returns its result (an unknown number's must be -ENOSYS). */
function oneCall(): i64 {
  switch (i32(rng.below(18))) {
    case 12:
    case 13: return callMore();
    case 14: return callSignals();
    case 15: return callFiles();
    case 16: return callSocket();
    case 0: return transfer(SYS_READ, safeFd(), orText(writablePtr()), length());
    case 1: return transfer(SYS_WRITE, safeFd(), orText(readablePtr()), length());
    case 2: return callOpen();
    case 3: return callClose();
    case 4: return callMmap();
    case 5: return callMunmap();
    case 6: return syscall(SYS_SCHED_YIELD);
    case 7: return syscall(SYS_GETPID);
    case 8: return syscall(SYS_SPAWN, readablePtr(), length(), rng.below(4));
    case 9: return syscall(SYS_MEMINFO, rng.below(3) == 0 ? u64(scratch) + rng.below(SCRATCH_SIZE - u64(MEMINFO_SIZE)) : foreignPtr());
    case 10: return syscall(SYS_UPTIME);
    case 11: return syscall(SYS_WAIT, rng.below(2) == 0 ? rng.below(4) : rng.next());
    default: {
      const r = syscall(1000 + rng.below(1000), rng.next(), rng.next(), rng.next(), rng.next(), rng.next(), rng.next());
      if (r != -ENOSYS) tally.wrong++;
      return r;
    }
  }
}

function count(r: i64): void {
  if (r >= 0 && !isError(r)) tally.ok++;
  else if (!isError(r)) tally.wrong++; // below -4095: no errno
  else if (r == -EFAULT) tally.efault++;
  else if (r == -EBADF) tally.ebadf++;
  else if (r == -EINVAL) tally.einval++;
  else if (r == -ENOMEM) tally.enomem++;
  else if (r == -ENOSYS) tally.enosys++;
  else if (r == -ENOENT) tally.enoent++;
  else tally.other++;
}

function torture(): void {
  const n = argNumber(1, 1000);
  const seed = argNumber(2, 1);
  if (n < 0 || seed < 0) {
    println('usage: torture [N [SEED]]');
    exit(2);
  }
  rng.seed(u64(seed));
  setUpProbes();
  for (let i: i64 = 0; i < n; i++) count(oneCall());
  for (let i = 0; i < SLOTS; i++) {
    if (fds[i] != 0) syscall(SYS_CLOSE, fds[i]);
    if (mapLens[i] != 0) syscall(SYS_MUNMAP, maps[i], mapLens[i]);
  }
  const t = tally;
  // One printf, one write: the summary reaches the console whole, even with other processes writing (test/smp/sched.test.ts).
  printf(`torture: ${n} calls, seed ${seed}: ${t.ok} ok, EFAULT ${t.efault}, EBADF ${t.ebadf}, EINVAL ${t.einval}, ENOMEM ${t.enomem}, ENOSYS ${t.enosys}, ENOENT ${t.enoent}, other ${t.other}; ${t.wrong} wrong\n`);
  exit(t.wrong == 0 ? 0 : 1);
}

torture();
