// wait4, Linux's way to take a child's status, over the children that spawn
// started in the background (a foreground spawn takes its child's status
// itself). The status word is Linux's: an exit is (code << 8), a death by
// signal the signal number; a CPU fault in ring 3 counts as the signal
// Linux would send for it (SIGSEGV for a page fault, SIGFPE for a divide
// error …), so a parent built for --target linux reads both alike.
import { copyToUser } from '../mm/usercopy';
import { Process, processChild, processExitedChild, processHasChild, State } from '../proc/process';
import { currentProcess, takeChildStatus } from '../proc/sched';
import { sleepInterruptible } from '../proc/waitqueue';
import { FAULT_STATUS_BASE } from '../proc/fault';
import { SIGNAL_STATUS_BASE, signalOfVector } from '../proc/signal';
import { ECHILD, EINTR, EINVAL, WCONTINUED, WNOHANG, WUNTRACED } from './numbers';

/** Bytes of a struct rusage: two timevals, then fourteen longs. */
const RUSAGE_BYTES: u64 = 144;
const out = new Uint64Array(18);

/** A process status (0–255 from exit, FAULT_STATUS_BASE + vector from a fault, SIGNAL_STATUS_BASE + signal from a signal) as Linux's wait status word. */
export function waitStatus(status: i64): i64 {
  if (status >= SIGNAL_STATUS_BASE) return status - SIGNAL_STATUS_BASE;
  if (status >= FAULT_STATUS_BASE) return signalOfVector(status - FAULT_STATUS_BASE);
  return (status & 0xff) << 8;
}

/** Writes the child's status and resource use where the caller asked; 0, or -EFAULT. */
function report(child: Process, status: i64, wstatus: u64, rusage: u64): i64 {
  if (wstatus != 0) {
    out[0] = u64(waitStatus(status));
    const r = copyToUser(wstatus, changetype<usize>(out) + 8, 4); // an int
    if (r < 0) return r;
  }
  if (rusage != 0) {
    for (let i: i32 = 0; i < 18; i++) out[i] = 0;
    out[0] = child.userTicks / 100; // ru_utime: seconds, microseconds
    out[1] = (child.userTicks % 100) * 10_000;
    out[2] = child.systemTicks / 100;
    out[3] = (child.systemTicks % 100) * 10_000;
    const r = copyToUser(rusage, changetype<usize>(out) + 8, RUSAGE_BYTES);
    if (r < 0) return r;
  }
  return 0;
}

/**
 * wait4(pid, wstatus, options, rusage): waits for the child `pid` (> 0),
 * any child (-1), any child in the caller's group (0) or in group -pid
 * (< -1) to exit and returns its pid, having written its status and
 * resource use; with WNOHANG returns 0 when none has exited yet. -ECHILD
 * when there is no such child, -EINVAL for an unknown option, -EINTR when a
 * signal comes first.
 */
export function sysWait4(pid: i64, wstatus: u64, options: u64, rusage: u64): i64 {
  if ((options & ~u64(WNOHANG | WUNTRACED | WCONTINUED)) != 0) return -EINVAL;
  const me = currentProcess();
  let one: Process | null = null;
  const group = pid == 0 ? me.pgid : pid < -1 ? -pid : 0; // 0: any group
  if (pid > 0) {
    one = processChild(me, pid);
    if (one === null) return -ECHILD;
  } else if (!processHasChild(me, group)) return -ECHILD;
  while (true) {
    const done = one === null ? processExitedChild(me, group) : one.state == State.Zombie || one.state == State.Dead ? one : null;
    if (done !== null) {
      const r = report(done, done.status, wstatus, rusage);
      if (r < 0) return r; // as on Linux, the child stays to be waited for
      const childPid = done.pid;
      me.children--;
      takeChildStatus(done);
      return childPid;
    }
    if ((options & u64(WNOHANG)) != 0) return 0;
    if (!sleepInterruptible(me.childExited)) return -EINTR;
  }
}
