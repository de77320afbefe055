// The dispatcher: system call number → handler, for every call of the table
// in numbers.ts. Handlers take the arguments as the user passed them (rdi,
// rsi, rdx, r10, r8, r9) and return a value or -errno; unknown numbers are
// -ENOSYS. Adding a call: docs/adding-a-syscall.md.
import { sysClose, sysOpen, sysRead, sysWrite } from './files';
import { sysMeminfo, sysMmap, sysMunmap } from './memory';
import { sysExit, sysGetpid, sysSpawn, sysUptime, sysYield } from './process';
import {
  ENOSYS, SYS_CLOSE, SYS_EXIT, SYS_GETPID, SYS_MEMINFO, SYS_MMAP, SYS_MUNMAP, SYS_OPEN, SYS_READ, SYS_SCHED_YIELD,
  SYS_SPAWN, SYS_UPTIME, SYS_WRITE,
} from './numbers';

/** What syscallEntry (entry.ts) saved, lowest address first. */
export class SyscallFrame {
  nr: u64 = 0;
  r9: u64 = 0;
  r8: u64 = 0;
  r10: u64 = 0;
  rdx: u64 = 0;
  rsi: u64 = 0;
  rdi: u64 = 0;
  rbp: u64 = 0;
  rflags: u64 = 0;
  rip: u64 = 0;
  rsp: u64 = 0;
}

/** Runs system call `f.nr` of the current process; its result goes back in rax. */
export function syscallDispatch(f: SyscallFrame): i64 {
  const a0 = f.rdi;
  const a1 = f.rsi;
  const a2 = f.rdx;
  switch (i64(f.nr)) {
    case SYS_READ: return sysRead(i64(a0), a1, a2);
    case SYS_WRITE: return sysWrite(i64(a0), a1, a2);
    case SYS_OPEN: return sysOpen(a0, a1);
    case SYS_CLOSE: return sysClose(i64(a0));
    case SYS_MMAP: return sysMmap(a0, a1, a2, f.r10, i64(f.r8), f.r9);
    case SYS_MUNMAP: return sysMunmap(a0, a1);
    case SYS_SCHED_YIELD: return sysYield();
    case SYS_GETPID: return sysGetpid();
    case SYS_EXIT: return sysExit(i64(a0));
    case SYS_SPAWN: return sysSpawn(a0, a1);
    case SYS_MEMINFO: return sysMeminfo(a0);
    case SYS_UPTIME: return sysUptime();
    default: return -ENOSYS;
  }
}
