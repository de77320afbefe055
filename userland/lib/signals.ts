// Signals and process groups for user programs: sigaction over
// rt_sigaction (with the restorer every handler returns through), the
// signal mask, kill, setpgid/getpgid and the console's foreground group
// (tcgetpgrp/tcsetpgrp over ioctl). The same calls and structures as
// Linux's, so these run unchanged under --target linux.

import {
  SA_RESTORER, SIG_BLOCK, SIG_SETMASK, SIG_UNBLOCK, SIGSET_SIZE, SYS_GETPGID, SYS_IOCTL, SYS_KILL, SYS_RT_SIGACTION,
  SYS_RT_SIGPROCMASK, SYS_SETPGID, TCFLSH, TCIFLUSH, TIOCGPGRP, TIOCSPGRP,
} from '../../kernel/syscall/numbers';

/** A struct kernel_sigaction: what rt_sigaction reads and writes. */
class SigAction {
  handler: u64 = 0;
  flags: u64 = 0;
  restorer: u64 = 0;
  mask: u64 = 0;
}

const action = new SigAction();
const set: usize = memory.data(8);
const pgrp: usize = memory.data(8);

/**
 * Where every handler returns: rt_sigreturn, with rsp just above the
 * restorer's address the kernel put on the signal frame (so nothing may be
 * pushed first). @naked
 */
function sigRestorer(): void {
  asm('mov eax, 15', 'syscall');
}

/** The bit of signal `sig` in a signal set. */
export function sigBit(sig: i64): u64 {
  return u64(1) << u64(sig - 1);
}

/**
 * Sets what signal `sig` does: SIG_DFL, SIG_IGN, or a handler's address
 * (`changetype<u64>(fn)` of a `(sig: i32) => void` function), with `flags`
 * (SA_NODEFER, SA_RESETHAND …) and the signals to block while it runs. 0 or -errno.
 */
export function sigaction(sig: i64, handler: u64, flags: u64, mask: u64): i64 {
  action.handler = handler;
  action.flags = flags | u64(SA_RESTORER);
  action.restorer = changetype<u64>(sigRestorer);
  action.mask = mask;
  return syscall(SYS_RT_SIGACTION, sig, changetype<usize>(action), 0, SIGSET_SIZE);
}

/** The handler (or SIG_DFL, SIG_IGN) signal `sig` has, or -errno. */
export function sigHandler(sig: i64): i64 {
  const r = syscall(SYS_RT_SIGACTION, sig, 0, changetype<usize>(action), SIGSET_SIZE);
  return r < 0 ? r : i64(action.handler);
}

function mask(how: i64, bits: u64): i64 {
  store<u64>(set, bits);
  const r = syscall(SYS_RT_SIGPROCMASK, how, set, set, SIGSET_SIZE);
  return r < 0 ? r : i64(load<u64>(set));
}

/** Blocks the signals of `bits`; the old mask, or -errno. */
export function sigBlock(bits: u64): i64 {
  return mask(SIG_BLOCK, bits);
}

/** Unblocks the signals of `bits`; the old mask, or -errno. */
export function sigUnblock(bits: u64): i64 {
  return mask(SIG_UNBLOCK, bits);
}

/** Sets the mask; the old one, or -errno. */
export function sigSetMask(bits: u64): i64 {
  return mask(SIG_SETMASK, bits);
}

/** Sends `sig` to `pid` (> 0), the caller's group (0), everyone (-1) or group -pid; 0 or -errno. */
export function kill(pid: i64, sig: i64): i64 {
  return syscall(SYS_KILL, pid, sig);
}

export function setpgid(pid: i64, pgid: i64): i64 {
  return syscall(SYS_SETPGID, pid, pgid);
}

export function getpgid(pid: i64): i64 {
  return syscall(SYS_GETPGID, pid);
}

/** The foreground process group of the terminal at `fd`, or -errno (-ENOTTY for a pipe or a file). */
export function tcgetpgrp(fd: i64): i64 {
  const r = syscall(SYS_IOCTL, fd, TIOCGPGRP, pgrp);
  return r < 0 ? r : i64(load<i32>(pgrp));
}

/** Makes `pgid` the foreground group of the terminal at `fd`: it gets Ctrl+C's SIGINT. 0 or -errno. */
export function tcsetpgrp(fd: i64, pgid: i64): i64 {
  store<i32>(pgrp, i32(pgid));
  return syscall(SYS_IOCTL, fd, TIOCSPGRP, pgrp);
}

/** Drops the input the terminal at `fd` has received and nobody has read yet. 0 or -errno. */
export function tcflush(fd: i64): i64 {
  return syscall(SYS_IOCTL, fd, TCFLSH, TCIFLUSH);
}
