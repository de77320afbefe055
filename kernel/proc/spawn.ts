// Creating a process: a program of the program table (programs.ts) loaded into a
// new address space (loader.ts), a kernel stack (kstack.ts) prepared so that
// the first switch to it enters ring 3 (switch.ts), fds 0, 1 and 2 on the
// console, and a place in the table and the ready queue. Every failure
// returns what was taken so far. docs/processes.md, "Spawning".
import { consoleDevice } from '../fs/devices';
import { fdInherit } from '../fs/fdtable';
import { cwdInherit } from '../fs/cwd';
import { createAddressSpace } from '../mm/aspace';
import { destroyAddressSpace } from '../mm/teardown';
import { EAGAIN, ENOMEM } from '../syscall/numbers';
import { kstackAlloc, kstackFree, kstackTop } from './kstack';
import { loadElf, setUpStack } from './loader';
import { MAX_USER_PAGES, Process, processAdd, processTableFull } from './process';
import { programElf, programElfBytes, programName, programRelease } from './programs';
import { currentProcess, makeReady } from './sched';
import { signalsInherit, signalsReset } from './signal';
import { fpuInitState, newProcessStack } from './switch';
import { resetTrapFrame, trapFrameAt } from './trapframe';

/**
 * Starts program `index`, which the caller holds (the new process takes
 * the hold; a failure releases it), with the `argc` arguments at `args` (`argBytes`
 * bytes of NUL-terminated words); the new Process, ready to run, or null
 * with the reason in `spawnError()`.
 */
export function spawnProgram(index: usize, args: usize, argBytes: u64, argc: u64): Process | null {
  lastError = 0;
  if (processTableFull()) return fail(index, -EAGAIN);
  const kstack = kstackAlloc();
  if (kstack == 0) return fail(index, -ENOMEM);
  const space = createAddressSpace();
  space.limit = MAX_USER_PAGES; // pages and tables alike
  let r: i64 = space.pml4 == 0 ? -ENOMEM : loadElf(space, programElf(index), programElfBytes(index));
  const entry = r;
  if (r >= 0) r = setUpStack(space, args, argBytes, argc, 0);
  if (r < 0) {
    destroyAddressSpace(space);
    kstackFree(kstack);
    return fail(index, r);
  }
  const p = new Process();
  p.program = i64(index);
  p.setName(programName(index));
  p.space = space;
  p.kstack = kstack;
  const top = kstackTop(kstack);
  resetTrapFrame(trapFrameAt(top), u64(entry), u64(r));
  p.savedRsp = newProcessStack(top);
  fdInherit(p, currentProcess(), consoleDevice); // the spawner's fds but close-on-exec ones; the console for the first
  fpuInitState(p.fpuArea());
  const parent = currentProcess();
  signalsInherit(p, parent); // as fork and execve: ignored signals stay ignored, caught ones go back to default
  signalsReset(p);
  p.affinity = parent.affinity;
  processAdd(p);
  cwdInherit(p, parent); // the spawner's current directory (kernel/fs/cwd.ts)
  p.ppid = parent.pid;
  if (p.pgid == 0) p.pgid = p.pid; // the first process leads its own group
  makeReady(p);
  return p;
}

let lastError: i64 = 0;

function fail(index: usize, errno: i64): Process | null {
  programRelease(i64(index));
  lastError = errno;
  return null;
}

/** Why the last spawnProgram returned null (-errno). */
export function spawnError(): i64 {
  return lastError;
}
