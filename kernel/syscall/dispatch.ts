// The system call table, as Linux has one: the handler of number n at index
// n, so the entry (entry.ts) calls it with one indexed `call`. Each slot
// holds an adapter that passes the registers of the caller's TrapFrame
// (kernel/proc/trapframe.ts: rdi, rsi, rdx, r10, r8, r9, as the user passed
// them; the frame itself to fork, execve and rt_sigreturn) to the handler
// in files.ts, memory.ts, process.ts …, which returns a value or -errno.
// Every other number, and any number above the table (negative ones
// included), reaches the last slot: -ENOSYS. Adding a call:
// docs/adding-a-syscall.md.
import { TrapFrame } from '../proc/trapframe';
import { sysClose, sysRead, sysWrite } from './files';
import { sysFstat, sysLseek, sysNewfstatat, sysOpenat } from './fs';
import { sysChdir, sysGetcwd, sysGetdents64 } from './dirs';
import { sysFstatfs, sysFtruncate, sysPreadPwrite, sysStatfs, sysTruncate } from './fileio';
import { sysLinkat, sysMkdirat, sysRenameat2, sysRmdir, sysUnlink, sysUnlinkat } from './names';
import { sysReadlinkat, sysSymlinkat, sysUtimensat } from './links';
import { sysMeminfo, sysMmap, sysMunmap } from './memory';
import { sysArchPrctl, sysExit, sysGetpid, sysGetppid, sysSchedGetaffinity, sysSchedSetaffinity, sysSpawn, sysUptime, sysWait, sysYield } from './process';
import { sysWait4 } from './wait';
import { sysGetpgid, sysIoctl, sysKill, sysRtSigaction, sysRtSigprocmask, sysRtSigreturn, sysSetpgid } from './signals';
import { forkCurrent } from '../proc/fork';
import { execCurrent } from '../proc/exec';
import { sysDup, sysDup2, sysDup3, sysFcntl, sysPipe2 } from './fds';
import {
  sysAccept4, sysBind, sysConnect, sysGetpeername, sysGetsockname, sysGetsockopt, sysListen, sysRecvfrom, sysSendto, sysSetsockopt, sysShutdown, sysSocket,
} from './net';
import { sysClockGetres, sysClockGettime, sysNanosleep, sysTimes } from './time';
import { sysFsync, sysSync } from './sync';
import { sysMount } from './mount';
import { sysPoll, sysPpoll } from './poll';
import {
  ENOSYS, SYS_EXECVE, SYS_FORK, SYS_GETPGID, SYS_IOCTL, SYS_KILL, SYS_RT_SIGACTION, SYS_RT_SIGPROCMASK, SYS_RT_SIGRETURN, SYS_SETPGID, SYS_ARCH_PRCTL, SYS_CLOCK_GETRES, SYS_DUP, SYS_DUP2, SYS_DUP3, SYS_FCNTL, SYS_PIPE, SYS_PIPE2, SYS_CLOCK_GETTIME, SYS_CLOSE, SYS_EXIT, SYS_EXIT_GROUP, SYS_GETPID, SYS_GETPPID, SYS_SCHED_GETAFFINITY, SYS_SCHED_SETAFFINITY, SYS_MEMINFO, SYS_MMAP,
  SYS_MUNMAP, SYS_NANOSLEEP, SYS_OPEN, SYS_READ, SYS_SCHED_YIELD, SYS_SPAWN, SYS_TIMES, SYS_TSKC_END, SYS_UPTIME, SYS_WAIT, SYS_WAIT4,
  SYS_WRITE,
} from './numbers';
import {
  SYS_CHDIR, SYS_FDATASYNC, SYS_FSTAT, SYS_FSYNC, SYS_GETCWD, SYS_GETDENTS64, SYS_LSEEK, SYS_LSTAT, SYS_NEWFSTATAT, SYS_OPENAT, SYS_STAT,
  SYS_SYNC, SYS_MOUNT,
} from './numbers';
import {
  SYS_ACCEPT, SYS_ACCEPT4, SYS_BIND, SYS_CONNECT, SYS_GETPEERNAME, SYS_GETSOCKNAME, SYS_GETSOCKOPT, SYS_LISTEN, SYS_RECVFROM, SYS_SENDTO, SYS_SETSOCKOPT,
  SYS_SHUTDOWN, SYS_SOCKET,
  SYS_POLL, SYS_PPOLL, SYS_FSTATFS, SYS_FTRUNCATE, SYS_LINK, SYS_MKDIR, SYS_PREAD64, SYS_PWRITE64, SYS_RENAME, SYS_RMDIR, SYS_STATFS, SYS_TRUNCATE, SYS_UNLINK,
} from './numbers';
import {
  AT_FDCWD, AT_SYMLINK_NOFOLLOW, SYS_LINKAT, SYS_MKDIRAT, SYS_READLINK, SYS_READLINKAT, SYS_RENAMEAT, SYS_RENAMEAT2, SYS_SYMLINK, SYS_SYMLINKAT,
  SYS_UNLINKAT, SYS_UTIMENSAT,
} from './numbers';

/** Slots: every number below SYS_TSKC_END, and one more (the last) that answers -ENOSYS. */
const SLOTS: i32 = i32(SYS_TSKC_END) + 1;
/** The system call table: the entry point of number n's handler at index n. */
const table = new Uint64Array(SLOTS);
/** The table's first element, for the entry's indexed call. @export tskc_syscall_table */
let tableAt: u64 = 0;
/** The index of the -ENOSYS slot: numbers at or above it (unsigned) go there. @export tskc_syscall_last */
let last: u64 = 0;
/** Bit n set: call n (below 64) is light, so the entry calls its handler without a frame and without the big kernel lock. @export tskc_syscall_light */
let light: u64 = 0;
/** Bit n set: call n (below 64) is lean: the entry calls its handler with the arguments themselves, under the big kernel lock, and builds a frame only for work on the way out. @export tskc_syscall_lean */
let lean: u64 = 0;

// One adapter per call: the frame's registers in the handler's argument order.
function callOpen(f: TrapFrame): i64 { return sysOpenat(AT_FDCWD, f.rdi, f.rsi, f.rdx); }
function callOpenat(f: TrapFrame): i64 { return sysOpenat(i64(i32(f.rdi)), f.rsi, f.rdx, f.r10); }
function callLseek(f: TrapFrame): i64 { return sysLseek(i64(i32(f.rdi)), i64(f.rsi), i64(i32(f.rdx))); }
function callStat(f: TrapFrame): i64 { return sysNewfstatat(AT_FDCWD, f.rdi, f.rsi, 0); }
function callLstat(f: TrapFrame): i64 { return sysNewfstatat(AT_FDCWD, f.rdi, f.rsi, u64(AT_SYMLINK_NOFOLLOW)); }
function callFstat(f: TrapFrame): i64 { return sysFstat(i64(i32(f.rdi)), f.rsi); }
function callNewfstatat(f: TrapFrame): i64 { return sysNewfstatat(i64(i32(f.rdi)), f.rsi, f.rdx, f.r10); }
function callGetdents64(f: TrapFrame): i64 { return sysGetdents64(i64(i32(f.rdi)), f.rsi, u64(u32(f.rdx))); }
function callChdir(f: TrapFrame): i64 { return sysChdir(f.rdi); }
function callGetcwd(f: TrapFrame): i64 { return sysGetcwd(f.rdi, f.rsi); }
function callPread64(f: TrapFrame): i64 { return sysPreadPwrite(i64(i32(f.rdi)), f.rsi, f.rdx, i64(f.r10), false); }
function callPwrite64(f: TrapFrame): i64 { return sysPreadPwrite(i64(i32(f.rdi)), f.rsi, f.rdx, i64(f.r10), true); }
function callTruncate(f: TrapFrame): i64 { return sysTruncate(f.rdi, i64(f.rsi)); }
function callFtruncate(f: TrapFrame): i64 { return sysFtruncate(i64(i32(f.rdi)), i64(f.rsi)); }
function callRename(f: TrapFrame): i64 { return sysRenameat2(AT_FDCWD, f.rdi, AT_FDCWD, f.rsi, 0); }
function callRenameat(f: TrapFrame): i64 { return sysRenameat2(i64(i32(f.rdi)), f.rsi, i64(i32(f.rdx)), f.r10, 0); }
function callRenameat2(f: TrapFrame): i64 { return sysRenameat2(i64(i32(f.rdi)), f.rsi, i64(i32(f.rdx)), f.r10, u64(u32(f.r8))); }
function callMkdir(f: TrapFrame): i64 { return sysMkdirat(AT_FDCWD, f.rdi, f.rsi & 0xffff_ffff); }
function callMkdirat(f: TrapFrame): i64 { return sysMkdirat(i64(i32(f.rdi)), f.rsi, f.rdx & 0xffff_ffff); }
function callUnlinkat(f: TrapFrame): i64 { return sysUnlinkat(i64(i32(f.rdi)), f.rsi, u64(u32(f.rdx))); }
function callLinkat(f: TrapFrame): i64 { return sysLinkat(i64(i32(f.rdi)), f.rsi, i64(i32(f.rdx)), f.r10, u64(u32(f.r8))); }
function callSymlink(f: TrapFrame): i64 { return sysSymlinkat(f.rdi, AT_FDCWD, f.rsi); }
function callSymlinkat(f: TrapFrame): i64 { return sysSymlinkat(f.rdi, i64(i32(f.rsi)), f.rdx); }
function callReadlink(f: TrapFrame): i64 { return sysReadlinkat(AT_FDCWD, f.rdi, f.rsi, i64(i32(f.rdx))); }
function callReadlinkat(f: TrapFrame): i64 { return sysReadlinkat(i64(i32(f.rdi)), f.rsi, f.rdx, i64(i32(f.r10))); }
function callUtimensat(f: TrapFrame): i64 { return sysUtimensat(i64(i32(f.rdi)), f.rsi, f.rdx, u64(u32(f.r10))); }
function callRmdir(f: TrapFrame): i64 { return sysRmdir(f.rdi); }
function callLink(f: TrapFrame): i64 { return sysLinkat(AT_FDCWD, f.rdi, AT_FDCWD, f.rsi, 0); }
function callUnlink(f: TrapFrame): i64 { return sysUnlink(f.rdi); }
function callStatfs(f: TrapFrame): i64 { return sysStatfs(f.rdi, f.rsi); }
function callFstatfs(f: TrapFrame): i64 { return sysFstatfs(i64(i32(f.rdi)), f.rsi); }
function callClose(f: TrapFrame): i64 { return sysClose(i64(f.rdi)); }
function callMmap(f: TrapFrame): i64 { return sysMmap(f.rdi, f.rsi, f.rdx, f.r10, i64(f.r8), f.r9); }
function callMunmap(f: TrapFrame): i64 { return sysMunmap(f.rdi, f.rsi); }
function callNanosleep(f: TrapFrame): i64 { return sysNanosleep(f.rdi, f.rsi); }
function callTimes(f: TrapFrame): i64 { return sysTimes(f.rdi); }
function callClockGettime(f: TrapFrame): i64 { return sysClockGettime(f.rdi, f.rsi); }
function callClockGetres(f: TrapFrame): i64 { return sysClockGetres(f.rdi, f.rsi); }
function callGetpid(f: TrapFrame): i64 { return sysGetpid(); }
function callExit(f: TrapFrame): i64 { return sysExit(i64(f.rdi)); }
function callWait4(f: TrapFrame): i64 { return sysWait4(i64(i32(f.rdi)), f.rsi, f.rdx, f.r10); } // pid is a C int, as on Linux
function callGetppid(f: TrapFrame): i64 { return sysGetppid(); }
function callSchedGetaffinity(f: TrapFrame): i64 { return sysSchedGetaffinity(i64(i32(f.rdi)), f.rsi, f.rdx); }
function callSchedSetaffinity(f: TrapFrame): i64 { return sysSchedSetaffinity(i64(i32(f.rdi)), f.rsi, f.rdx); }
function callArchPrctl(f: TrapFrame): i64 { return sysArchPrctl(f.rdi, f.rsi); }
function callPipe(f: TrapFrame): i64 { return sysPipe2(f.rdi, 0); }
function callPipe2(f: TrapFrame): i64 { return sysPipe2(f.rdi, f.rsi); }
function callDup(f: TrapFrame): i64 { return sysDup(i64(i32(f.rdi))); }
function callDup2(f: TrapFrame): i64 { return sysDup2(i64(i32(f.rdi)), i64(i32(f.rsi))); }
function callDup3(f: TrapFrame): i64 { return sysDup3(i64(i32(f.rdi)), i64(i32(f.rsi)), f.rdx); }
function callFcntl(f: TrapFrame): i64 { return sysFcntl(i64(i32(f.rdi)), f.rsi, f.rdx); }
function callSpawn(f: TrapFrame): i64 { return sysSpawn(f.rdi, f.rsi, f.rdx); }
function callWait(f: TrapFrame): i64 { return sysWait(f.rdi); }
function callMeminfo(f: TrapFrame): i64 { return sysMeminfo(f.rdi); }
function callUptime(f: TrapFrame): i64 { return sysUptime(); }
function callFsync(f: TrapFrame): i64 { return sysFsync(i64(i32(f.rdi))); }
function callSync(f: TrapFrame): i64 { return sysSync(); }
function callMount(f: TrapFrame): i64 { return sysMount(f.rdi, f.rsi, f.rdx, f.r10, f.r8); }
function callFork(f: TrapFrame): i64 { return forkCurrent(f); }
function callExecve(f: TrapFrame): i64 { return execCurrent(f, f.rdi, f.rsi, f.rdx); }
function callKill(f: TrapFrame): i64 { return sysKill(i64(i32(f.rdi)), i64(i32(f.rsi))); }
function callRtSigaction(f: TrapFrame): i64 { return sysRtSigaction(i64(i32(f.rdi)), f.rsi, f.rdx, f.r10); }
function callRtSigprocmask(f: TrapFrame): i64 { return sysRtSigprocmask(i64(i32(f.rdi)), f.rsi, f.rdx, f.r10); }
function callRtSigreturn(f: TrapFrame): i64 { return sysRtSigreturn(f); }
function callSetpgid(f: TrapFrame): i64 { return sysSetpgid(i64(i32(f.rdi)), i64(i32(f.rsi))); }
function callGetpgid(f: TrapFrame): i64 { return sysGetpgid(i64(i32(f.rdi))); }
function callIoctl(f: TrapFrame): i64 { return sysIoctl(i64(i32(f.rdi)), f.rsi & 0xffff_ffff, f.rdx); }
function callSocket(f: TrapFrame): i64 { return sysSocket(f.rdi, f.rsi, f.rdx); }
function callConnect(f: TrapFrame): i64 { return sysConnect(i64(i32(f.rdi)), f.rsi, u64(u32(f.rdx))); }
function callAccept(f: TrapFrame): i64 { return sysAccept4(i64(i32(f.rdi)), f.rsi, f.rdx, 0); }
function callAccept4(f: TrapFrame): i64 { return sysAccept4(i64(i32(f.rdi)), f.rsi, f.rdx, u64(u32(f.r10))); }
function callSendto(f: TrapFrame): i64 { return sysSendto(i64(i32(f.rdi)), f.rsi, f.rdx, u64(u32(f.r10)), f.r8, u64(u32(f.r9))); }
function callRecvfrom(f: TrapFrame): i64 { return sysRecvfrom(i64(i32(f.rdi)), f.rsi, f.rdx, u64(u32(f.r10)), f.r8, f.r9); }
function callShutdown(f: TrapFrame): i64 { return sysShutdown(i64(i32(f.rdi)), i64(i32(f.rsi))); }
function callBind(f: TrapFrame): i64 { return sysBind(i64(i32(f.rdi)), f.rsi, u64(u32(f.rdx))); }
function callListen(f: TrapFrame): i64 { return sysListen(i64(i32(f.rdi)), i64(i32(f.rsi))); }
function callGetsockname(f: TrapFrame): i64 { return sysGetsockname(i64(i32(f.rdi)), f.rsi, f.rdx); }
function callGetpeername(f: TrapFrame): i64 { return sysGetpeername(i64(i32(f.rdi)), f.rsi, f.rdx); }
function callSetsockopt(f: TrapFrame): i64 { return sysSetsockopt(i64(i32(f.rdi)), i64(i32(f.rsi)), i64(i32(f.rdx)), f.r10, u64(u32(f.r8))); }
function callGetsockopt(f: TrapFrame): i64 { return sysGetsockopt(i64(i32(f.rdi)), i64(i32(f.rsi)), i64(i32(f.rdx)), f.r10, f.r8); }
function callPoll(f: TrapFrame): i64 { return sysPoll(f.rdi, f.rsi, i64(i32(f.rdx))); } // timeout is a C int
function callPpoll(f: TrapFrame): i64 { return sysPpoll(f.rdi, f.rsi, f.rdx, f.r10, f.r8); }
function callNosys(f: TrapFrame): i64 { return -ENOSYS; }

function set(nr: i64, handler: (f: TrapFrame) => i64): void {
  table[i32(nr)] = changetype<u64>(handler);
}

/**
 * Makes call `nr` (below 64) light: its handler gets no frame (its
 * argument is garbage) and runs without the big kernel lock, with
 * interrupts off, so it may only read what its own CPU's current process
 * owns (getpid). The entry (entry.ts) saves rip, rflags and the argument
 * registers only: about 50 instructions fewer than a frame.
 */
function setLight(nr: i64, handler: (f: TrapFrame) => i64): void {
  set(nr, handler);
  light |= u64(1) << u64(nr);
}

/**
 * Makes call `nr` (below 64) lean: `handler` is called with the user's
 * argument registers as its parameters (rdi, rsi, rdx, r10 as the fourth,
 * r8, r9: a handler whose parameters are the call's, with no conversion),
 * under the big kernel lock, and may sleep; the entry keeps the user's
 * rip, rflags, rsp, rbp and argument registers aside and leaves rbx and
 * r12–r15 to the handler's own saves, so a TrapFrame exists only when the
 * exit has work (a signal): it is built then. Not for calls that read or
 * rewrite the frame (fork, execve, rt_sigreturn). About 40 instructions
 * fewer than a frame.
 */
function setLean(nr: i64, handler: u64): void {
  table[i32(nr)] = handler;
  lean |= u64(1) << u64(nr);
}

/** Fills the table: -ENOSYS everywhere, then one line per call of numbers.ts. */
export function syscallTableInit(): void {
  for (let i: i32 = 0; i < SLOTS; i++) table[i] = changetype<u64>(callNosys);
  setLean(SYS_READ, changetype<u64>(sysRead)); // (fd, buf, len): i64, as the registers hold them
  setLean(SYS_WRITE, changetype<u64>(sysWrite));
  set(SYS_OPEN, callOpen);
  set(SYS_CLOSE, callClose);
  set(SYS_MMAP, callMmap);
  set(SYS_MUNMAP, callMunmap);
  setLean(SYS_SCHED_YIELD, changetype<u64>(sysYield));
  set(SYS_NANOSLEEP, callNanosleep);
  set(SYS_TIMES, callTimes);
  set(SYS_CLOCK_GETTIME, callClockGettime);
  set(SYS_CLOCK_GETRES, callClockGetres);
  setLight(SYS_GETPID, callGetpid); // the pid never changes
  set(SYS_EXIT, callExit);
  set(SYS_EXIT_GROUP, callExit); // one thread per process: the group is the process
  set(SYS_WAIT4, callWait4);
  set(SYS_GETPPID, callGetppid);
  set(SYS_SCHED_GETAFFINITY, callSchedGetaffinity);
  set(SYS_SCHED_SETAFFINITY, callSchedSetaffinity);
  set(SYS_ARCH_PRCTL, callArchPrctl);
  set(SYS_PIPE, callPipe);
  set(SYS_PIPE2, callPipe2);
  set(SYS_DUP, callDup);
  set(SYS_DUP2, callDup2);
  set(SYS_DUP3, callDup3);
  set(SYS_FCNTL, callFcntl);
  set(SYS_FORK, callFork);
  set(SYS_EXECVE, callExecve);
  set(SYS_KILL, callKill);
  set(SYS_RT_SIGACTION, callRtSigaction);
  set(SYS_RT_SIGPROCMASK, callRtSigprocmask);
  set(SYS_RT_SIGRETURN, callRtSigreturn);
  set(SYS_SETPGID, callSetpgid);
  set(SYS_GETPGID, callGetpgid);
  set(SYS_IOCTL, callIoctl);
  set(SYS_SOCKET, callSocket); // the socket calls: net.ts
  set(SYS_CONNECT, callConnect);
  set(SYS_ACCEPT, callAccept);
  set(SYS_SENDTO, callSendto);
  set(SYS_RECVFROM, callRecvfrom);
  set(SYS_SHUTDOWN, callShutdown);
  set(SYS_BIND, callBind);
  set(SYS_LISTEN, callListen);
  set(SYS_GETSOCKNAME, callGetsockname);
  set(SYS_GETPEERNAME, callGetpeername);
  set(SYS_SETSOCKOPT, callSetsockopt);
  set(SYS_GETSOCKOPT, callGetsockopt);
  set(SYS_ACCEPT4, callAccept4);
  set(SYS_SPAWN, callSpawn);
  set(SYS_WAIT, callWait);
  set(SYS_MEMINFO, callMeminfo);
  set(SYS_UPTIME, callUptime);
  set(SYS_FSYNC, callFsync);
  set(SYS_FDATASYNC, callFsync); // no metadata to leave out: the same as fsync
  set(SYS_SYNC, callSync);
  set(SYS_MOUNT, callMount);
  set(SYS_OPENAT, callOpenat);
  set(SYS_LSEEK, callLseek);
  set(SYS_STAT, callStat);
  set(SYS_LSTAT, callLstat);
  set(SYS_FSTAT, callFstat);
  set(SYS_NEWFSTATAT, callNewfstatat);
  set(SYS_GETDENTS64, callGetdents64);
  set(SYS_CHDIR, callChdir);
  set(SYS_GETCWD, callGetcwd);
  set(SYS_PREAD64, callPread64);
  set(SYS_PWRITE64, callPwrite64);
  set(SYS_TRUNCATE, callTruncate);
  set(SYS_FTRUNCATE, callFtruncate);
  set(SYS_RENAME, callRename);
  set(SYS_MKDIR, callMkdir);
  set(SYS_RMDIR, callRmdir);
  set(SYS_LINK, callLink);
  set(SYS_UNLINK, callUnlink);
  set(SYS_STATFS, callStatfs);
  set(SYS_FSTATFS, callFstatfs);
  set(SYS_MKDIRAT, callMkdirat);
  set(SYS_UNLINKAT, callUnlinkat);
  set(SYS_RENAMEAT, callRenameat);
  set(SYS_RENAMEAT2, callRenameat2);
  set(SYS_LINKAT, callLinkat);
  set(SYS_SYMLINK, callSymlink);
  set(SYS_SYMLINKAT, callSymlinkat);
  set(SYS_READLINK, callReadlink);
  set(SYS_READLINKAT, callReadlinkat);
  set(SYS_UTIMENSAT, callUtimensat);
  set(SYS_POLL, callPoll);
  set(SYS_PPOLL, callPpoll);
  tableAt = u64(changetype<usize>(table) + 8);
  last = u64(SLOTS - 1);
}
