// The process calls: getpid, sched_yield, exit, spawn, wait, uptime and the
// CPU affinity (sched_getaffinity, sched_setaffinity).
// spawn takes a command line (`hello`, `crash div0`): its first word names a
// program, /bin/NAME on the disk or in the initrd (kernel/proc/diskprog.ts), and its words become the new process's argv; the
// caller waits until the child exits and gets its status (0–255 from exit,
// 256 + the vector of a fault that killed it), or with SPAWN_NOWAIT gets the
// child's pid at once and runs alongside it until wait(pid).
import { uptimeMs } from '../interrupts/pit';
import { USER_END } from '../mm/aspace';
import { copyFromUser, copyToUser } from '../mm/usercopy';
import { programForPath } from '../proc/diskprog';
import { PerCpu, perCpuAt, perCpuCount } from '../cpu/percpu';
import { Process, processByPid, processChild } from '../proc/process';
import { affinityChanged, currentProcess, exitCurrent, setFsBase, waitForChild, yieldCpu } from '../proc/sched';
import { spawnError, spawnProgram } from '../proc/spawn';
import { PathArg } from './fs';
import { ARCH_GET_FS, ARCH_SET_FS, E2BIG, ECHILD, EINVAL, ENOENT, EPERM, ESRCH, SPAWN_NOWAIT } from './numbers';

/** The size of the kernel's CPU mask: MAX_CPUS (16) bits in one 64-bit word, as Linux's cpumask is whole longs. */
const AFFINITY_BYTES: u64 = 8;
const affinityWord = new Uint64Array(1);

const fsWord = new Uint64Array(1);

/** The longest command line spawn takes. */
export const SPAWN_LINE_MAX: u64 = 256;
const BIN = '/bin/';

export function sysGetpid(): i64 {
  return currentProcess().pid;
}

/** getppid: the spawner's pid, 1 once it has exited (0 for the first process). */
export function sysGetppid(): i64 {
  return currentProcess().ppid;
}

/** The online CPUs as a mask (CPU i: bit i). */
function onlineMask(): u64 {
  let bits: u64 = 0;
  for (let i: i32 = 0; i < perCpuCount(); i++) {
    const c = perCpuAt(i);
    if (volatileLoad<u64>(changetype<usize>(c) + offsetof<PerCpu>('online')) != 0) bits |= u64(1) << c.id;
  }
  return bits;
}

/** The process `pid` names (0: the caller), or null. */
function affinityTarget(pid: i64): Process | null {
  if (pid < 0) return null;
  return pid == 0 ? currentProcess() : processByPid(pid);
}

/**
 * sched_getaffinity(pid, len, mask): the online CPUs the process may run
 * on (all of them unless sched_setaffinity narrowed it), as a mask (CPU i:
 * bit i of the little-endian words). Like Linux: `len` must be a multiple
 * of 8 bytes and hold one bit per possible CPU (MAX_CPUS: 8 bytes), the
 * result is the bytes written (8), and pid 0 is the caller; an unknown pid
 * is -ESRCH.
 */
export function sysSchedGetaffinity(pid: i64, len: u64, mask: u64): i64 {
  const p = affinityTarget(pid);
  if (p === null) return -ESRCH;
  if (len < AFFINITY_BYTES || (len & 7) != 0) return -EINVAL;
  affinityWord[0] = p.affinity & onlineMask();
  const r = copyToUser(mask, changetype<usize>(affinityWord) + 8, AFFINITY_BYTES);
  return r < 0 ? r : i64(AFFINITY_BYTES);
}

/**
 * sched_setaffinity(pid, len, mask): the process (0: the caller) may run
 * only on the online CPUs of the mask's first 8 bytes (a shorter `len`:
 * its bytes, the rest zero; longer: the rest ignored, as on Linux) from
 * now on; a mask with none of them is -EINVAL, an unknown pid -ESRCH, a
 * mask in kernel memory -EFAULT. The caller leaves a CPU it may
 * no longer use before the call returns; another process, at its CPU's
 * next tick (kernel/proc/sched.ts affinityChanged).
 */
export function sysSchedSetaffinity(pid: i64, len: u64, mask: u64): i64 {
  const p = affinityTarget(pid);
  if (p === null) return -ESRCH;
  affinityWord[0] = 0; // a shorter mask leaves the higher CPUs out, as on Linux
  const r = copyFromUser(changetype<usize>(affinityWord) + 8, mask, len < AFFINITY_BYTES ? len : AFFINITY_BYTES);
  if (r < 0) return r;
  const bits = affinityWord[0] & onlineMask();
  if (bits == 0) return -EINVAL;
  p.affinity = bits;
  affinityChanged(p);
  return 0;
}

export function sysYield(): i64 {
  yieldCpu();
  return 0;
}

export function sysExit(status: i64): i64 {
  exitCurrent(status & 0xff);
}

/**
 * arch_prctl(code, addr): ARCH_SET_FS sets the caller's FS base (-EPERM for
 * an address outside user space), ARCH_GET_FS writes it to `addr` (-EFAULT);
 * other codes, the GS ones included, are -EINVAL (the kernel keeps GS).
 */
export function sysArchPrctl(code: u64, addr: u64): i64 {
  const p = currentProcess();
  if (code == u64(ARCH_SET_FS)) {
    if (addr >= USER_END) return -EPERM;
    setFsBase(addr);
    return 0;
  }
  if (code == u64(ARCH_GET_FS)) {
    fsWord[0] = p.fsBase;
    return copyToUser(addr, changetype<usize>(fsWord) + 8, 8);
  }
  return -EINVAL;
}

export function sysUptime(): i64 {
  return i64(uptimeMs());
}

function isSpace(b: u8): bool {
  return b == 32 || b == 9;
}

/** spawn(line, len, flags): runs the program the line names and waits for it (its status), or not (its pid); or -errno. */
export function sysSpawn(user: u64, len: u64, flags: u64): i64 {
  if (len == 0 || (flags & ~u64(SPAWN_NOWAIT)) != 0) return -EINVAL;
  if (len > SPAWN_LINE_MAX) return -E2BIG;
  // The call's own buffers: finding the program may sleep on the disk.
  const line = new Uint8Array(256);
  const args = new Uint8Array(257); // the words, each NUL-terminated
  const r = spawnLine(line, args, user, len, flags);
  free(line);
  free(args);
  return r;
}

/** The program `/bin/NAME` for the NUL-terminated word at `name`, held (diskprog.ts), or -errno. */
function programNamed(name: usize, nameLen: usize): i64 {
  const path = new PathArg();
  memcpy(path.at(), changetype<usize>(BIN) + 8, usize(BIN.length));
  memcpy(path.at() + usize(BIN.length), name, nameLen);
  path.length = i64(BIN.length) + i64(nameLen);
  const r = programForPath(path);
  free(path);
  return r;
}

function spawnLine(line: Uint8Array, args: Uint8Array, user: u64, len: u64, flags: u64): i64 {
  const r = copyFromUser(changetype<usize>(line) + 8, user, len);
  if (r < 0) return r;
  // Split into words: args gets each word and a NUL.
  let argc: u64 = 0;
  let out: i32 = 0;
  let i: i32 = 0;
  const n = i32(len);
  while (i < n) {
    while (i < n && isSpace(line[i])) i++;
    if (i == n) break;
    while (i < n && !isSpace(line[i])) {
      if (line[i] == 0) return -EINVAL;
      args[out] = line[i];
      out++;
      i++;
    }
    args[out] = 0;
    out++;
    argc++;
  }
  if (argc == 0) return -EINVAL;
  const base = changetype<usize>(args) + 8;
  let nameLen: usize = 0;
  while (args[i32(nameLen)] != 0) nameLen++;
  if (nameLen > 63) return -ENOENT;
  for (let k: usize = 0; k < nameLen; k++) if (args[i32(k)] == 47) return -ENOENT; // a name, not a path
  const index = programNamed(base, nameLen);
  if (index < 0) return index;
  const child = spawnProgram(usize(index), base, u64(out), argc);
  if (child === null) return spawnError();
  if ((flags & u64(SPAWN_NOWAIT)) == 0) return waitForChild(child);
  const me = currentProcess();
  child.parent = me;
  me.children++;
  return child.pid;
}

/** wait(pid): the status of the background child `pid` once it has exited; -ECHILD if it is no such child of the caller. */
export function sysWait(pid: u64): i64 {
  const me = currentProcess();
  const child = processChild(me, i64(pid));
  if (child === null) return -ECHILD;
  me.children--;
  return waitForChild(child);
}
