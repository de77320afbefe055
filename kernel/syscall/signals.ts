// The signal and process-group calls: kill, rt_sigaction, rt_sigprocmask,
// rt_sigreturn, setpgid, getpgid, and ioctl's two terminal requests for the
// console's foreground group (TIOCGPGRP, TIOCSPGRP). Linux's numbers,
// structures (struct kernel_sigaction: handler, flags, restorer, mask; an
// 8-byte sigset_t) and errors. The delivery side is kernel/proc/signal.ts.
import { consoleDevice, consoleFlushInput } from '../fs/devices';
import { clearUser, copyFromUser, copyToUser } from '../mm/usercopy';
import { foregroundGroup, groupExists, setForegroundGroup, signalGroup } from '../proc/groups';
import { MAX_PROCESSES, Process, processAt, processByPid, State } from '../proc/process';
import { currentProcess, noteSyscallWork } from '../proc/sched';
import { actionOf, actionsOf, handlerOf, signalReturn, signalSend, UNBLOCKABLE, validSignal } from '../proc/signal';
import { TrapFrame } from '../proc/trapframe';
import { deviceOf } from './files';
import {
  EBADF, EINVAL, ENOTTY, EPERM, ESRCH, SIG_BLOCK, SIG_SETMASK, SIG_UNBLOCK, SIGKILL, SIGSET_SIZE, SIGSTOP, TCFLSH, TCIFLUSH, TIOCGPGRP, TIOCSPGRP,
} from './numbers';

const words = new Uint64Array(4);

/** Sends `sig` to `p` unless it is 0 (a probe); init (pid 1) takes only the signals it handles, as on Linux. */
function sendTo(p: Process, sig: i64, from: i64): void {
  if (sig == 0) return;
  if (p.pid == 1 && handlerOf(p, sig) < 2) return;
  signalSend(p, sig, from);
}

/**
 * kill(pid, sig): to process `pid` (> 0), the caller's group (0), every
 * process but init and the caller (-1), or group -pid (< -1). sig 0 only
 * checks that a target exists. -EINVAL for a bad signal, -ESRCH with no target.
 */
export function sysKill(pid: i64, sig: i64): i64 {
  if (sig != 0 && !validSignal(sig)) return -EINVAL;
  const me = currentProcess();
  if (pid > 0) {
    const p = processByPid(pid);
    if (p === null) return -ESRCH;
    sendTo(p, sig, me.pid);
    return 0;
  }
  let n: i32 = 0;
  for (let i: i32 = 0; i < MAX_PROCESSES; i++) {
    const p = processAt(i);
    if (p === null || p.state == State.Zombie || p.state == State.Dead) continue;
    if (pid == -1 ? p.pid == 1 || p === me : p.pgid != (pid == 0 ? me.pgid : -pid)) continue;
    sendTo(p, sig, me.pid);
    n++;
  }
  return n > 0 ? 0 : -ESRCH;
}

/**
 * rt_sigaction(sig, act, oldact, sigsetsize): writes the current action to
 * `oldact` and installs `act` (either may be 0). SIGKILL and SIGSTOP
 * cannot be changed; sigsetsize must be 8.
 */
export function sysRtSigaction(sig: i64, act: u64, oldact: u64, size: u64): i64 {
  if (size != u64(SIGSET_SIZE) || !validSignal(sig)) return -EINVAL;
  if (act != 0 && (sig == SIGKILL || sig == SIGSTOP)) return -EINVAL;
  const p = currentProcess();
  const a = actionOf(sig);
  if (act != 0) {
    const r = copyFromUser(changetype<usize>(words) + 8, act, 32); // read before oldact is written: they may overlap
    if (r < 0) return r;
  }
  if (oldact != 0) {
    const now = p.sigActions;
    const r = now === null ? clearUser(oldact, 32) : copyToUser(oldact, changetype<usize>(now) + 8 + usize(a) * 8, 32);
    if (r < 0) return r;
  }
  if (act == 0) return 0;
  const actions = actionsOf(p);
  for (let i: i32 = 0; i < 4; i++) actions[a + i] = words[i];
  actions[a + 3] &= ~UNBLOCKABLE;
  return 0;
}

/** rt_sigprocmask(how, set, oldset, sigsetsize): blocks, unblocks or sets the mask; SIGKILL and SIGSTOP stay unblocked. */
export function sysRtSigprocmask(how: i64, set: u64, oldset: u64, size: u64): i64 {
  if (size != u64(SIGSET_SIZE)) return -EINVAL;
  const p = currentProcess();
  if (set != 0) {
    if (how != SIG_BLOCK && how != SIG_UNBLOCK && how != SIG_SETMASK) return -EINVAL;
    const r = copyFromUser(changetype<usize>(words) + 8, set, 8);
    if (r < 0) return r;
  }
  if (oldset != 0) {
    words[1] = p.sigBlocked;
    const r = copyToUser(oldset, changetype<usize>(words) + 16, 8);
    if (r < 0) return r;
  }
  if (set == 0) return 0;
  const s = words[0] & ~UNBLOCKABLE;
  noteSyscallWork(); // an unblocked signal is delivered on the way out
  if (how == SIG_BLOCK) p.sigBlocked |= s;
  else if (how == SIG_UNBLOCK) p.sigBlocked &= ~s;
  else p.sigBlocked = s;
  return 0;
}

/** rt_sigreturn(): back from a signal handler (signal.ts signalReturn). */
export function sysRtSigreturn(f: TrapFrame): i64 {
  return signalReturn(f);
}

/** setpgid(pid, pgid): puts the caller or one of its children (pid 0: the caller) in group `pgid` (0: its own pid), an existing group or a new one of its own. */
export function sysSetpgid(pid: i64, pgid: i64): i64 {
  if (pid < 0 || pgid < 0) return -EINVAL;
  const me = currentProcess();
  const p = pid == 0 ? me : processByPid(pid);
  if (p === null || (p !== me && p.parent !== me)) return -ESRCH;
  const g = pgid == 0 ? p.pid : pgid;
  if (g != p.pid && !groupExists(g)) return -EPERM;
  p.pgid = g;
  return 0;
}

/** getpgid(pid): the group of process `pid` (0: the caller). */
export function sysGetpgid(pid: i64): i64 {
  if (pid < 0) return -ESRCH;
  const p = pid == 0 ? currentProcess() : processByPid(pid);
  return p === null ? -ESRCH : p.pgid;
}

/**
 * ioctl(fd, request, arg): on the console, TIOCGPGRP and TIOCSPGRP get and
 * set the foreground group (an int at arg), and TCFLSH with TCIFLUSH drops
 * unread input; -ENOTTY for another fd or request.
 */
export function sysIoctl(fd: i64, request: u64, arg: u64): i64 {
  const d = deviceOf(fd);
  if (d === null) return -EBADF;
  if (d !== consoleDevice) return -ENOTTY;
  if (request == u64(TCFLSH)) {
    if (arg != u64(TCIFLUSH)) return -EINVAL;
    consoleFlushInput(); // what was typed and not read
    return 0;
  }
  if (request == u64(TIOCGPGRP)) {
    words[0] = u64(foregroundGroup());
    return copyToUser(arg, changetype<usize>(words) + 8, 4);
  }
  if (request != u64(TIOCSPGRP)) return -ENOTTY;
  const r = copyFromUser(changetype<usize>(words) + 8, arg, 4);
  if (r < 0) return r;
  const g = i64(i32(words[0]));
  if (g <= 0) return -EINVAL;
  if (!groupExists(g)) return -EPERM;
  setForegroundGroup(g);
  return 0;
}
