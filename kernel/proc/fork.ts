// fork: a new process that is a copy of the caller. The child gets a
// copy-on-write clone of the caller's address space (kernel/mm/cow.ts), a
// copy of its trap frame (so it returns from the same system call, with 0),
// its fd table, current directory, FPU state, FS base, signal dispositions and mask, and
// process group; it starts on a fresh kernel stack that returns straight
// to ring 3 (switch.ts newProcessStack). The child runs first: it usually
// execs or exits at once, and every page it gives up that way is the
// parent's alone again, taken back without a copy. The parent gets the
// child's pid and takes its status with wait4. docs/processes.md, "fork
// and execve".
import { cwdInherit } from '../fs/cwd';
import { fdCopyAll } from '../fs/fdtable';
import { cloneAddressSpace } from '../mm/cow';
import { tlbFlushSpace } from '../smp/tlb';
import { EAGAIN, ENOMEM } from '../syscall/numbers';
import { kstackAlloc, kstackFree, kstackTop } from './kstack';
import { Process, processAdd, processTableFull } from './process';
import { programHold } from './programs';
import { currentProcess, makeReady, yieldCpu } from './sched';
import { signalsInherit } from './signal';
import { fpuSave, newProcessStack } from './switch';
import { TRAP_FRAME_BYTES, TrapFrame, trapFrameAt } from './trapframe';

/** Forks the current process, whose trap frame is `frame`: the child's pid, or -EAGAIN (process table full) or -ENOMEM. */
export function forkCurrent(frame: TrapFrame): i64 {
  const parent = currentProcess();
  const from = parent.space;
  if (from === null) return -ENOMEM;
  if (processTableFull()) return -EAGAIN;
  const kstack = kstackAlloc();
  if (kstack == 0) return -ENOMEM;
  const space = cloneAddressSpace(from);
  tlbFlushSpace(from.pml4); // its writable pages became copy-on-write: drop their TLB entries (here; no other CPU has them loaded)
  if (space === null) {
    kstackFree(kstack);
    return -ENOMEM;
  }
  space.limit = from.limit;
  const p = new Process();
  p.program = parent.program;
  programHold(p.program);
  p.setName(parent.name);
  p.space = space;
  p.kstack = kstack;
  const top = kstackTop(kstack);
  const child = trapFrameAt(top);
  memcpy(changetype<usize>(child), changetype<usize>(frame), TRAP_FRAME_BYTES);
  child.rax = 0; // fork returns 0 in the child
  p.savedRsp = newProcessStack(top);
  fdCopyAll(p, parent);
  fpuSave(p.fpuArea()); // the caller's live FPU state
  p.fsBase = parent.fsBase;
  p.affinity = parent.affinity;
  p.mmapNext = parent.mmapNext;
  signalsInherit(p, parent);
  processAdd(p);
  cwdInherit(p, parent); // after processAdd: the current directory is kept per table slot (kernel/fs/cwd.ts)
  p.ppid = parent.pid;
  p.parent = parent;
  parent.children++;
  makeReady(p);
  const pid = p.pid;
  yieldCpu(); // the child first: it usually execs or exits at once, and then the parent's pages need no copy
  return pid;
}
