// The system call wrappers of the user runtime: one small function per call
// of kernel/syscall/numbers.ts. Each returns what the kernel returns: a
// value ≥ 0, or -errno (isError tells them apart). Runs unchanged on the tskc
// kernel (`--target user`) and on Linux (`--target linux`), where tskc's own
// calls (spawn, wait, meminfo, uptime) return -ENOSYS.

import {
  E2BIG, EAGAIN, EBADF, ECHILD, EFAULT, EINTR, EINVAL, EISDIR, EMFILE, ENAMETOOLONG, ENOTDIR, ENOTTY, EROFS, EPIPE, ESRCH, ENOENT, ENOEXEC, ENOMEM, ENOSYS, MAP_ANONYMOUS, MAP_PRIVATE, MAX_ERRNO, PROT_READ,
  PROT_WRITE, SPAWN_NOWAIT, SYS_CLOCK_GETTIME, SYS_CLOSE, SYS_DUP, SYS_DUP2, SYS_FCNTL, SYS_PIPE2, SYS_GETPID, SYS_GETPPID, SYS_SCHED_GETAFFINITY, SYS_SCHED_SETAFFINITY, SYS_MEMINFO, SYS_WAIT4, SYS_MMAP, SYS_MUNMAP, SYS_NANOSLEEP, SYS_OPEN, SYS_READ,
  SYS_CHDIR, SYS_EXECVE, SYS_FORK, SYS_GETCWD, SYS_POLL, SYS_PPOLL, SYS_SCHED_YIELD, SYS_SPAWN, SYS_TIMES, SYS_UPTIME, SYS_WAIT, SYS_WRITE,
} from '../../kernel/syscall/numbers';

/** A struct timespec: what clock_gettime fills and nanosleep reads. */
export class Timespec {
  sec: i64 = 0;
  nsec: i64 = 0;
}

/** A struct tms: what times fills, in clock ticks (100 a second, Linux's USER_HZ). */
export class Tms {
  utime: i64 = 0;
  stime: i64 = 0;
  cutime: i64 = 0;
  cstime: i64 = 0;
}

/** What meminfo fills (MEMINFO_SIZE bytes, four u64 in this order). */
export class MemInfo {
  freeFrames: u64 = 0;
  totalFrames: u64 = 0;
  heapUsed: u64 = 0;
  heapFree: u64 = 0;
}

/** Whether a call's result is an error (-MAX_ERRNO … -1). */
export function isError(result: i64): bool {
  return result < 0 && result >= -MAX_ERRNO;
}

/** The symbolic name of an errno value, or 'E?' for one the table does not list. */
export function errnoName(errno: i64): string {
  switch (errno) {
    case ENOENT: return 'ENOENT';
    case ESRCH: return 'ESRCH';
    case EINTR: return 'EINTR';
    case E2BIG: return 'E2BIG';
    case ENOEXEC: return 'ENOEXEC';
    case EBADF: return 'EBADF';
    case ECHILD: return 'ECHILD';
    case EAGAIN: return 'EAGAIN';
    case ENOMEM: return 'ENOMEM';
    case EFAULT: return 'EFAULT';
    case EINVAL: return 'EINVAL';
    case EMFILE: return 'EMFILE';
    case ENOTTY: return 'ENOTTY';
    case EPIPE: return 'EPIPE';
    case ENAMETOOLONG: return 'ENAMETOOLONG';
    case ENOSYS: return 'ENOSYS';
    case ENOTDIR: return 'ENOTDIR';
    case EISDIR: return 'EISDIR';
    case EROFS: return 'EROFS';
    default: return 'E?';
  }
}

export function read(fd: i64, buf: usize, len: usize): i64 {
  return syscall(SYS_READ, fd, buf, len);
}

export function write(fd: i64, buf: usize, len: usize): i64 {
  return syscall(SYS_WRITE, fd, buf, len);
}

/** Opens `path` (every tskc string is NUL-terminated, docs/language.md §6.2). */
export function open(path: string, flags: i64): i64 {
  return syscall(SYS_OPEN, changetype<usize>(path) + 8, flags, 0);
}

/** Opens the NUL-terminated path at `path`. */
export function openAt(path: usize, flags: i64): i64 {
  return syscall(SYS_OPEN, path, flags, 0);
}

/** Opens the NUL-terminated path at `path`, creating it with `mode` when flags has O_CREAT. */
export function openAtMode(path: usize, flags: i64, mode: i64): i64 {
  return syscall(SYS_OPEN, path, flags, mode);
}

/** Makes the NUL-terminated path at `path` the current directory. */
export function chdir(path: usize): i64 {
  return syscall(SYS_CHDIR, path);
}

/** The current directory into the `len` bytes at `buf`, NUL-terminated: its length with the NUL, or -errno. */
export function getcwd(buf: usize, len: usize): i64 {
  return syscall(SYS_GETCWD, buf, len);
}

export function close(fd: i64): i64 {
  return syscall(SYS_CLOSE, fd);
}

/** `len` bytes of fresh zeroed read-write memory (anonymous, private): the address, or -errno. */
export function mmapAnon(len: usize): i64 {
  return syscall(SYS_MMAP, 0, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
}

export function munmap(addr: usize, len: usize): i64 {
  return syscall(SYS_MUNMAP, addr, len);
}

/** sched_yield: lets other processes run (`yield` is a reserved word). */
export function schedYield(): i64 {
  return syscall(SYS_SCHED_YIELD);
}

export function getpid(): i64 {
  return syscall(SYS_GETPID);
}

/** pipe2: a new pipe, its read end's fd at fds[0] and its write end's at fds[1] (two i32); 0 or -errno. */
export function pipe2(fds: usize, flags: i64): i64 {
  return syscall(SYS_PIPE2, fds, flags);
}

export function dup(fd: i64): i64 {
  return syscall(SYS_DUP, fd);
}

export function dup2(from: i64, to: i64): i64 {
  return syscall(SYS_DUP2, from, to);
}

export function fcntl(fd: i64, cmd: i64, arg: i64): i64 {
  return syscall(SYS_FCNTL, fd, cmd, arg);
}

/** Writes all `len` bytes at `p` to `fd` (retrying partial writes): `len`, or -errno. */
export function writeAll(fd: i64, p: usize, len: usize): i64 {
  let done: usize = 0;
  while (done < len) {
    const n = write(fd, p + done, len - done);
    if (n < 0) return n;
    done += usize(n);
  }
  return i64(len);
}

/** sched_getaffinity(pid, len, mask): the bytes of the CPU mask written at `mask` (8 on tskc), or -errno. */
export function schedGetaffinity(pid: i64, len: u64, mask: usize): i64 {
  return syscall(SYS_SCHED_GETAFFINITY, pid, len, mask);
}

/** sched_setaffinity(pid, len, mask): limits `pid` (0: the caller) to the CPUs of the mask at `mask` (`len` bytes, a multiple of 8). */
export function schedSetaffinity(pid: i64, len: u64, mask: usize): i64 {
  return syscall(SYS_SCHED_SETAFFINITY, pid, len, mask);
}

/** The parent's pid (1 once the parent has exited). */
export function getppid(): i64 {
  return syscall(SYS_GETPPID);
}

/** wait4(pid, &status, options, NULL): the pid of a child that has exited (its Linux status word in `status`), 0, or -errno. */
export function wait4(pid: i64, status: usize, options: i64): i64 {
  return syscall(SYS_WAIT4, pid, status, options, 0);
}

/** Whether wait status `s` says the child exited (WIFEXITED). */
export function exited(s: i32): bool {
  return (s & 0x7f) == 0;
}

/** The exit code of wait status `s` (WEXITSTATUS). */
export function exitCode(s: i32): i32 {
  return (s >> 8) & 0xff;
}

/** The signal that ended the child of wait status `s`, or 0 (WIFSIGNALED and WTERMSIG). */
export function termSignal(s: i32): i32 {
  const sig = s & 0x7f;
  return sig == 0 || sig == 0x7f ? 0 : sig;
}

/** poll(fds, nfds, timeout): `fds` points at nfds struct pollfd (i32 fd, i16 events, i16 revents); the entries ready, 0 on timeout, or -errno. */
export function poll(fds: usize, nfds: i64, timeoutMs: i64): i64 {
  return syscall(SYS_POLL, fds, nfds, timeoutMs);
}

/**
 * ppoll(fds, nfds, tsp, sigmask, sigsetsize): poll with a struct timespec
 * timeout at `tsp` (0: for ever), into which the time left is written, and
 * the signal mask at `sigmask` (0: the caller's) for the call's duration.
 */
export function ppoll(fds: usize, nfds: i64, tsp: usize, sigmask: usize, sigsetsize: i64): i64 {
  return syscall(SYS_PPOLL, fds, nfds, tsp, sigmask, sigsetsize);
}

/** Sleeps for `t` (0, or -errno). */
export function nanosleep(t: Timespec): i64 {
  return syscall(SYS_NANOSLEEP, changetype<usize>(t), 0);
}

/** Sleeps for `ms` milliseconds (0, or -errno). */
export function sleepMs(ms: i64): i64 {
  const t = new Timespec();
  t.sec = ms / 1000;
  t.nsec = (ms % 1000) * 1_000_000;
  const r = nanosleep(t);
  free(t);
  return r;
}

/** Fills `t` with clock `clock`'s time (0, or -errno). */
export function clockGettime(clock: i64, t: Timespec): i64 {
  return syscall(SYS_CLOCK_GETTIME, clock, changetype<usize>(t));
}

/** Fills `t` with the caller's CPU ticks; returns the ticks since boot, or -errno. */
export function times(t: Tms): i64 {
  return syscall(SYS_TIMES, changetype<usize>(t));
}

/** Ends the process after flushing console.log's buffer (the runtime's exit, which calls SYS_EXIT). */
export function exit(code: i32): never {
  process.exit(code);
}

/** fork: a copy of this process; 0 in the child, the child's pid in the parent, or -errno. */
export function fork(): i64 {
  return syscall(SYS_FORK);
}

/**
 * execve: replaces this program with the one at `path` (NUL-terminated),
 * with the NULL-terminated arrays of NUL-terminated strings `argv` and
 * `envp`; returns only on failure (-errno).
 */
export function execve(path: usize, argv: usize, envp: usize): i64 {
  return syscall(SYS_EXECVE, path, argv, envp);
}

/** Runs the program the command line names (its first word) with the line's words as argv, waits for it; its status or -errno. */
export function spawn(line: usize, len: usize): i64 {
  return syscall(SYS_SPAWN, line, len, 0);
}

/** spawn without waiting: the child's pid (it runs alongside the caller), or -errno. Take its status with wait. */
export function spawnBackground(line: usize, len: usize): i64 {
  return syscall(SYS_SPAWN, line, len, SPAWN_NOWAIT);
}

/** Waits for the background child `pid` to exit; its status, or -ECHILD. */
export function wait(pid: i64): i64 {
  return syscall(SYS_WAIT, pid);
}

export function meminfo(info: MemInfo): i64 {
  return syscall(SYS_MEMINFO, changetype<usize>(info));
}

/** Milliseconds since boot, or -errno. */
export function uptime(): i64 {
  return syscall(SYS_UPTIME);
}
