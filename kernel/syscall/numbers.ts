// The system call table: the one place that gives each call its number and
// each error its errno value. Userland wrappers (userland/lib/sys.ts) and,
// later, the kernel's dispatcher import these names; nothing else writes a
// number. Calls Linux also has keep Linux's numbers, so a `--target linux`
// build of a user program runs on the host unchanged; calls of our own
// start at 500, above Linux's range (docs/syscall-abi.md).

// Linux's numbers (arch/x86/entry/syscalls/syscall_64.tbl).
export const SYS_READ: i64 = 0;
export const SYS_WRITE: i64 = 1;
export const SYS_OPEN: i64 = 2;
export const SYS_CLOSE: i64 = 3;
export const SYS_STAT: i64 = 4;
export const SYS_FSTAT: i64 = 5;
export const SYS_LSTAT: i64 = 6;
export const SYS_POLL: i64 = 7;
export const SYS_LSEEK: i64 = 8;
export const SYS_MMAP: i64 = 9;
export const SYS_MUNMAP: i64 = 11;
export const SYS_RT_SIGACTION: i64 = 13;
export const SYS_RT_SIGPROCMASK: i64 = 14;
export const SYS_RT_SIGRETURN: i64 = 15;
export const SYS_IOCTL: i64 = 16;
export const SYS_PREAD64: i64 = 17;
export const SYS_PWRITE64: i64 = 18;
export const SYS_PIPE: i64 = 22;
export const SYS_SCHED_YIELD: i64 = 24;
export const SYS_DUP: i64 = 32;
export const SYS_DUP2: i64 = 33;
export const SYS_NANOSLEEP: i64 = 35;
export const SYS_GETPID: i64 = 39;
export const SYS_SOCKET: i64 = 41;
export const SYS_CONNECT: i64 = 42;
export const SYS_ACCEPT: i64 = 43;
export const SYS_SENDTO: i64 = 44;
export const SYS_RECVFROM: i64 = 45;
export const SYS_SHUTDOWN: i64 = 48;
export const SYS_BIND: i64 = 49;
export const SYS_LISTEN: i64 = 50;
export const SYS_GETSOCKNAME: i64 = 51;
export const SYS_GETPEERNAME: i64 = 52;
export const SYS_SETSOCKOPT: i64 = 54;
export const SYS_GETSOCKOPT: i64 = 55;
export const SYS_FORK: i64 = 57;
export const SYS_EXECVE: i64 = 59;
export const SYS_EXIT: i64 = 60;
export const SYS_WAIT4: i64 = 61;
export const SYS_KILL: i64 = 62;
export const SYS_FCNTL: i64 = 72;
export const SYS_FSYNC: i64 = 74;
export const SYS_FDATASYNC: i64 = 75;
export const SYS_TRUNCATE: i64 = 76;
export const SYS_FTRUNCATE: i64 = 77;
export const SYS_GETCWD: i64 = 79;
export const SYS_CHDIR: i64 = 80;
export const SYS_RENAME: i64 = 82;
export const SYS_MKDIR: i64 = 83;
export const SYS_RMDIR: i64 = 84;
export const SYS_LINK: i64 = 86;
export const SYS_UNLINK: i64 = 87;
export const SYS_SYMLINK: i64 = 88;
export const SYS_READLINK: i64 = 89;
export const SYS_TIMES: i64 = 100;
export const SYS_SETPGID: i64 = 109;
export const SYS_GETPPID: i64 = 110;
export const SYS_GETPGID: i64 = 121;
export const SYS_STATFS: i64 = 137;
export const SYS_FSTATFS: i64 = 138;
export const SYS_ARCH_PRCTL: i64 = 158;
export const SYS_SYNC: i64 = 162;
export const SYS_MOUNT: i64 = 165;
/** sched_setaffinity(pid, len, mask): limits `pid` (0: the caller) to the online CPUs of the mask's first 8 bytes (a shorter `len`: the rest zero). */
export const SYS_SCHED_SETAFFINITY: i64 = 203;
/** sched_getaffinity(pid, len, mask): the CPUs `pid` (0: the caller) may run on, as a bit mask of `len` bytes (a multiple of 8). */
export const SYS_SCHED_GETAFFINITY: i64 = 204;
export const SYS_GETDENTS64: i64 = 217;
export const SYS_CLOCK_GETTIME: i64 = 228;
export const SYS_CLOCK_GETRES: i64 = 229;
export const SYS_EXIT_GROUP: i64 = 231;
export const SYS_OPENAT: i64 = 257;
export const SYS_MKDIRAT: i64 = 258;
export const SYS_NEWFSTATAT: i64 = 262;
export const SYS_UNLINKAT: i64 = 263;
export const SYS_RENAMEAT: i64 = 264;
export const SYS_LINKAT: i64 = 265;
export const SYS_SYMLINKAT: i64 = 266;
export const SYS_READLINKAT: i64 = 267;
export const SYS_PPOLL: i64 = 271;
export const SYS_UTIMENSAT: i64 = 280;
export const SYS_ACCEPT4: i64 = 288;
export const SYS_DUP3: i64 = 292;
export const SYS_PIPE2: i64 = 293;
export const SYS_RENAMEAT2: i64 = 316;

// poll's events (struct pollfd's events and revents, Linux's values).
export const POLLIN: i32 = 0x1;
export const POLLPRI: i32 = 0x2;
export const POLLOUT: i32 = 0x4;
export const POLLERR: i32 = 0x8;
export const POLLHUP: i32 = 0x10;
export const POLLNVAL: i32 = 0x20;
export const POLLRDNORM: i32 = 0x40;
export const POLLWRNORM: i32 = 0x100;

// tskc's own calls. Linux answers them with -ENOSYS.
/**
 * spawn(line, len, flags): runs the program named by the line's first word
 * with the line's words as argv; waits and returns its status, or with
 * SPAWN_NOWAIT returns its pid at once (take its status with wait).
 */
export const SYS_SPAWN: i64 = 500;
/** meminfo(buf): fills a MemInfo (userland/lib/sys.ts) of MEMINFO_SIZE bytes. */
export const SYS_MEMINFO: i64 = 501;
/** uptime(): milliseconds since boot. */
export const SYS_UPTIME: i64 = 502;
/** wait(pid): waits for the background child `pid` to exit; its status, or -ECHILD. */
export const SYS_WAIT: i64 = 503;

/** The lowest number tskc gives its own calls. */
export const SYS_TSKC_FIRST: i64 = 500;
/** One past the highest number in this table. */
export const SYS_TSKC_END: i64 = 504;

/** Bytes a meminfo call writes: four u64 (free frames, total frames, heap bytes used, heap bytes free). */
export const MEMINFO_SIZE: i64 = 32;

// errno values (Linux's). A call fails by returning -errno; results in
// -4095 … -1 are errors, every other value is a success.
export const EPERM: i64 = 1;
export const ENOENT: i64 = 2;
export const ESRCH: i64 = 3;
export const EINTR: i64 = 4;
export const EIO: i64 = 5;
export const E2BIG: i64 = 7;
export const ENOEXEC: i64 = 8;
export const EBADF: i64 = 9;
export const ECHILD: i64 = 10;
export const EAGAIN: i64 = 11;
export const ENOMEM: i64 = 12;
export const EFAULT: i64 = 14;
export const EBUSY: i64 = 16;
export const EEXIST: i64 = 17;
export const ENODEV: i64 = 19;
export const ENOTDIR: i64 = 20;
export const EISDIR: i64 = 21;
export const EINVAL: i64 = 22;
export const ENFILE: i64 = 23;
export const EMFILE: i64 = 24;
export const ENOTTY: i64 = 25;
export const EFBIG: i64 = 27;
export const ENOSPC: i64 = 28;
export const ESPIPE: i64 = 29;
export const EROFS: i64 = 30;
export const EMLINK: i64 = 31;
export const EPIPE: i64 = 32;
export const EDOM: i64 = 33;
export const ERANGE: i64 = 34;
export const ENAMETOOLONG: i64 = 36;
export const ENOSYS: i64 = 38;
export const ENOTEMPTY: i64 = 39;
export const ELOOP: i64 = 40;
// errno values of the socket calls (Linux's).
export const ENOTSOCK: i64 = 88;
export const EDESTADDRREQ: i64 = 89;
export const EMSGSIZE: i64 = 90;
export const ENOPROTOOPT: i64 = 92;
export const EPROTONOSUPPORT: i64 = 93;
export const ESOCKTNOSUPPORT: i64 = 94;
export const EOPNOTSUPP: i64 = 95;
export const EAFNOSUPPORT: i64 = 97;
export const EADDRINUSE: i64 = 98;
export const EADDRNOTAVAIL: i64 = 99;
export const ENETUNREACH: i64 = 101;
export const ECONNABORTED: i64 = 103;
export const ECONNRESET: i64 = 104;
export const ENOBUFS: i64 = 105;
export const EISCONN: i64 = 106;
export const ENOTCONN: i64 = 107;
export const ETIMEDOUT: i64 = 110;
export const ECONNREFUSED: i64 = 111;
export const EALREADY: i64 = 114;
export const EINPROGRESS: i64 = 115;
/** A corrupt filesystem structure (Linux's EUCLEAN, "structure needs cleaning"). */
export const EUCLEAN: i64 = 117;
/** The largest errno: results from -MAX_ERRNO to -1 are errors. */
export const MAX_ERRNO: i64 = 4095;

// Flags and constants the calls take (Linux's values).
export const O_RDONLY: i64 = 0;
export const O_WRONLY: i64 = 1;
export const O_RDWR: i64 = 2;
/** open's creation and status flags (kernel/syscall/fs.ts reads them as u64). */
export const O_CREAT: i64 = 0o100;
export const O_EXCL: i64 = 0o200;
export const O_TRUNC: i64 = 0o1000;
export const O_APPEND: i64 = 0o2000;
/** The *at calls' directory fd for "the current directory", and their flags. */
export const AT_FDCWD: i64 = -100;
export const AT_SYMLINK_NOFOLLOW: i64 = 0x100;
export const AT_REMOVEDIR: i64 = 0x200;
export const AT_SYMLINK_FOLLOW: i64 = 0x400;
export const AT_EMPTY_PATH: i64 = 0x1000;
/** renameat2's flag: fail with -EEXIST rather than replace. */
export const RENAME_NOREPLACE: i64 = 1;
/** utimensat's special tv_nsec values: the time now, and leave this time as it is. */
export const UTIME_NOW: i64 = 0x3fff_ffff;
export const UTIME_OMIT: i64 = 0x3fff_fffe;
/** open's and pipe2's flag: the new fd is closed in a child that spawn starts (close-on-exec). */
export const O_CLOEXEC: i64 = 0x80000;
/** fcntl's commands and its fd flag. */
export const F_DUPFD: i64 = 0;
export const F_GETFD: i64 = 1;
export const F_SETFD: i64 = 2;
export const F_GETFL: i64 = 3;
export const F_SETFL: i64 = 4;
export const F_DUPFD_CLOEXEC: i64 = 1030;
export const FD_CLOEXEC: i64 = 1;
export const PROT_READ: i64 = 1;
export const PROT_WRITE: i64 = 2;
export const PROT_EXEC: i64 = 4;
export const MAP_PRIVATE: i64 = 0x02;
export const MAP_ANONYMOUS: i64 = 0x20;
/** Clock ids of clock_gettime and clock_getres. */
export const CLOCK_REALTIME: i64 = 0;
export const CLOCK_MONOTONIC: i64 = 1;
export const CLOCK_PROCESS_CPUTIME_ID: i64 = 2;
export const CLOCK_THREAD_CPUTIME_ID: i64 = 3;
export const CLOCK_MONOTONIC_RAW: i64 = 4;
export const CLOCK_REALTIME_COARSE: i64 = 5;
export const CLOCK_MONOTONIC_COARSE: i64 = 6;
export const CLOCK_BOOTTIME: i64 = 7;
/** arch_prctl's codes: set and get the FS base (user thread-local storage). */
export const ARCH_SET_FS: i64 = 0x1002;
export const ARCH_GET_FS: i64 = 0x1003;
/** wait4's option: return 0 at once when no child has exited yet. */
export const WNOHANG: i64 = 1;
/** wait4's options for stopped and continued children (accepted; no child ever stops). */
export const WUNTRACED: i64 = 2;
export const WCONTINUED: i64 = 8;
/** Signals (Linux's numbers, 1 … 64); a CPU fault in ring 3 raises SIGILL, SIGTRAP, SIGBUS, SIGFPE or SIGSEGV. */
export const SIGHUP: i64 = 1;
export const SIGINT: i64 = 2;
export const SIGQUIT: i64 = 3;
export const SIGILL: i64 = 4;
export const SIGTRAP: i64 = 5;
export const SIGABRT: i64 = 6;
export const SIGBUS: i64 = 7;
export const SIGFPE: i64 = 8;
export const SIGKILL: i64 = 9;
export const SIGUSR1: i64 = 10;
export const SIGSEGV: i64 = 11;
export const SIGUSR2: i64 = 12;
export const SIGPIPE: i64 = 13;
export const SIGALRM: i64 = 14;
export const SIGTERM: i64 = 15;
export const SIGCHLD: i64 = 17;
export const SIGCONT: i64 = 18;
export const SIGSTOP: i64 = 19;
export const SIGTSTP: i64 = 20;
export const SIGTTIN: i64 = 21;
export const SIGTTOU: i64 = 22;
export const SIGURG: i64 = 23;
export const SIGWINCH: i64 = 28;
export const NSIG: i64 = 64;
/** rt_sigaction's special handlers and flags, and the size of a sigset_t it and rt_sigprocmask take. */
export const SIG_DFL: i64 = 0;
export const SIG_IGN: i64 = 1;
export const SA_SIGINFO: i64 = 4;
export const SA_RESTORER: i64 = 0x0400_0000;
export const SA_NODEFER: i64 = 0x4000_0000;
export const SA_RESETHAND: i64 = 0x8000_0000;
export const SIGSET_SIZE: i64 = 8;
/** rt_sigprocmask's ways. */
export const SIG_BLOCK: i64 = 0;
export const SIG_UNBLOCK: i64 = 1;
export const SIG_SETMASK: i64 = 2;
/** ioctl's terminal requests: drop unread input (TCFLSH with TCIFLUSH), get and set the console's foreground process group. */
export const TCFLSH: i64 = 0x540b;
export const TCIFLUSH: i64 = 0;
export const TIOCGPGRP: i64 = 0x540f;
export const TIOCSPGRP: i64 = 0x5410;
/** spawn's flag: do not wait for the child; return its pid. */
export const SPAWN_NOWAIT: i64 = 1;
/** Socket domains, types, type flags, levels, options and flags (Linux's values). */
export const AF_INET: i64 = 2;
export const SOCK_STREAM: i64 = 1;
export const SOCK_DGRAM: i64 = 2;
export const SOCK_NONBLOCK: i64 = 0x800;
export const SOCK_CLOEXEC: i64 = 0x80000;
export const IPPROTO_ICMP: i64 = 1;
export const IPPROTO_TCP: i64 = 6;
export const IPPROTO_UDP: i64 = 17;
export const SOL_SOCKET: i64 = 1;
export const SO_REUSEADDR: i64 = 2;
export const SO_TYPE: i64 = 3;
export const SO_ERROR: i64 = 4;
export const SO_RCVTIMEO: i64 = 20;
export const MSG_PEEK: i64 = 2;
export const MSG_DONTWAIT: i64 = 0x40;
export const MSG_NOSIGNAL: i64 = 0x4000;
export const SHUT_RD: i64 = 0;
export const SHUT_WR: i64 = 1;
export const SHUT_RDWR: i64 = 2;
/** The bytes of a struct sockaddr_in. */
export const SOCKADDR_IN_SIZE: i64 = 16;
