// execve: replaces the calling process's program. The program is found by
// path (diskprog.ts: a file on the mounted volume, or `/bin/NAME` of the
// initrd), its arguments and environment are copied in from the caller's
// argv and envp arrays, and a new address space is loaded and given its
// start-up block (loader.ts) before anything of the old one goes: a failing
// execve returns -errno to the program that called it, unchanged. Past that
// point the old space is destroyed, close-on-exec fds are closed, caught
// signals return to their default, the FS base and FPU state start afresh,
// and the trap frame is rewritten so that the system call "returns" at the
// new entry point with every register clear. docs/processes.md, "fork and
// execve".
import { fdCloseOnExec } from '../fs/fdtable';
import { createAddressSpace } from '../mm/aspace';
import { switchSpace } from '../mm/arch';
import { destroyAddressSpace } from '../mm/teardown';
import { copyFromUser, copyStringFromUser } from '../mm/usercopy';
import { tlbCheckUnloaded } from '../smp/tlb';
import { takePath } from '../syscall/fs';
import { E2BIG, EFAULT, ENAMETOOLONG, ENOMEM } from '../syscall/numbers';
import { programForPath } from './diskprog';
import { ARGS_MAX, loadElf, setUpStack } from './loader';
import { MAX_USER_PAGES, MMAP_BASE } from './process';
import { programElf, programElfBytes, programName, programRelease } from './programs';
import { currentProcess, setFsBase } from './sched';
import { signalsReset } from './signal';
import { fpuInitState, fpuRestore } from './switch';
import { resetTrapFrame, TrapFrame } from './trapframe';

const strings = new Uint8Array(3072); // ARGS_MAX: the argument and environment strings
const pointer = new Uint64Array(1);

let used: u64 = 0;

/** Copies the NULL-terminated array of user strings at `list` after what `strings` holds; how many, or -errno. */
function copyStrings(list: u64): i64 {
  if (list == 0) return 0; // Linux takes a NULL argv or envp as empty
  let n: i64 = 0;
  while (true) {
    if (copyFromUser(changetype<usize>(pointer) + 8, list + u64(n) * 8, 8) < 0) return -EFAULT;
    const s = pointer[0];
    if (s == 0) return n;
    const r = copyStringFromUser(changetype<usize>(strings) + 8 + usize(used), s, ARGS_MAX - used);
    if (r == -ENAMETOOLONG) return -E2BIG;
    if (r < 0) return r;
    used += u64(r) + 1;
    n++;
  }
}

/** The program the user path at `user` names, held for the caller (its index), or -errno. The lookup may sleep on the disk, so the path is the call's own. */
function lookUp(user: u64): i64 {
  const path = takePath(user);
  const r = programForPath(path);
  free(path);
  return r;
}

/** execve(path, argv, envp) for the current process, whose trap frame is `f`: 0 (into the new program), or -errno. */
export function execCurrent(f: TrapFrame, userPath: u64, argv: u64, envp: u64): i64 {
  const index = lookUp(userPath);
  if (index < 0) return index;
  // From here nothing sleeps: `strings` is shared by every caller.
  used = 0;
  const argc = copyStrings(argv);
  const envc = argc < 0 ? argc : copyStrings(envp);
  if (envc < 0) {
    programRelease(index);
    return envc;
  }
  const space = createAddressSpace();
  space.limit = MAX_USER_PAGES;
  let r: i64 = space.pml4 == 0 ? -ENOMEM : loadElf(space, programElf(usize(index)), programElfBytes(usize(index)));
  const entry = r;
  if (r >= 0) r = setUpStack(space, changetype<usize>(strings) + 8, used, u64(argc), u64(envc));
  if (r < 0) {
    destroyAddressSpace(space);
    programRelease(index);
    return r;
  }
  // The point of no return: the old program goes.
  const p = currentProcess();
  const old = p.space!;
  p.space = space;
  switchSpace(space.pml4);
  tlbCheckUnloaded(old.pml4);
  destroyAddressSpace(old);
  programRelease(p.program);
  p.program = index;
  p.setName(programName(usize(index)));
  p.mmapNext = MMAP_BASE;
  fdCloseOnExec(p);
  signalsReset(p);
  setFsBase(0);
  memset(p.fpuArea(), 0, 512);
  fpuInitState(p.fpuArea());
  fpuRestore(p.fpuArea());
  resetTrapFrame(f, u64(entry), u64(r));
  return 0;
}
