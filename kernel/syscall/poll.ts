// poll(fds, nfds, timeout) and ppoll(fds, nfds, tsp, sigmask, sigsetsize):
// wait until one of the fds in the user's array of Linux struct pollfd
// { i32 fd; i16 events; i16 revents; } is ready, the timeout passes, or a
// signal comes (-EINTR). poll's timeout is milliseconds (-1 or any
// negative: for ever; 0: do not wait); ppoll's a struct timespec (NULL: for
// ever; {0, 0}: do not wait), into which it writes the time left, as
// Linux's system call does; a non-NULL sigmask is the signal mask for the
// duration of the call (signal.ts signalMaskSwap). Each fd's device tells
// its readiness (Device.poll); revents is that masked by events, plus
// POLLERR and POLLHUP always, POLLNVAL for an fd that is not open; a
// negative fd is skipped (revents 0). Returns how many entries have
// revents set. nfds above MAX_FDS (the fd table's size: our RLIMIT_NOFILE)
// is -EINVAL, an array the caller cannot read and write -EFAULT. The
// waiting: pollwait.ts. docs/syscall-abi.md, "poll".
import { ticks, PIT_HZ } from '../interrupts/pit';
import { copyFromUser, copyToUser } from '../mm/usercopy';
import { netFlush } from '../net/loopback';
import { pollSleep } from '../proc/pollwait';
import { MAX_FDS } from '../proc/process';
import { currentProcess } from '../proc/sched';
import { signalMaskEnd, signalMaskSwap } from '../proc/signal';
import { deviceOf } from './files';
import { putTimespec, timeoutTicks } from './time';
import { EINTR, EINVAL, SIGSET_SIZE, POLLERR, POLLHUP, POLLIN, POLLNVAL, POLLOUT, POLLRDNORM, POLLWRNORM } from './numbers';

/** The caller's pollfd array, copied in: two i32 words per entry (fd, then events | revents << 16). */
const entries = new Int32Array(32); // 2 * MAX_FDS

/** What fd `fd` reports for `events`: the revents of its entry. */
function reventsOf(fd: i32, events: i32): i32 {
  if (fd < 0) return 0;
  const d = deviceOf(i64(fd));
  if (d === null) return POLLNVAL;
  let ready = d.poll();
  if ((ready & POLLIN) != 0) ready |= POLLRDNORM;
  if ((ready & POLLOUT) != 0) ready |= POLLWRNORM;
  return ready & (events | POLLERR | POLLHUP);
}

/** Fills every entry's revents; how many are non-zero. */
function scan(n: i32): i64 {
  let ready: i64 = 0;
  for (let i: i32 = 0; i < n; i++) {
    const events = entries[2 * i + 1] & 0xffff;
    const revents = reventsOf(entries[2 * i], events);
    entries[2 * i + 1] = events | (revents << 16);
    if (revents != 0) ready++;
  }
  return ready;
}

/**
 * The poll itself: copies the `count` entries at `fds` in, scans them
 * until one is ready, the tick `until` has come (0: no deadline) or a
 * signal (-EINTR); with `wait` false it scans once. Copies them out.
 */
function pollFds(fds: u64, count: u64, wait: bool, until: u64): i64 {
  const nfds = count & 0xffff_ffff; // an unsigned int, as Linux's
  if (nfds > u64(MAX_FDS)) return -EINVAL;
  const n = i32(nfds);
  const bytes = nfds * 8;
  const base = changetype<usize>(entries) + 8;
  if (n > 0) {
    const r = copyFromUser(base, fds, bytes);
    if (r < 0) return r;
  }
  let ready: i64 = 0;
  for (;;) {
    while (netFlush()) {} // loopback packets in flight may make a socket ready
    ready = scan(n);
    if (ready > 0 || !wait || (until != 0 && ticks() >= until)) break;
    if (!pollSleep(until)) return -EINTR;
  }
  if (n > 0) {
    const w = copyToUser(fds, base, bytes);
    if (w < 0) return w;
  }
  return ready;
}

export function sysPoll(fds: u64, count: u64, timeoutMs: i64): i64 {
  // Whole ticks, plus one: the tick under way is partly over (as nanosleep).
  const until = timeoutMs > 0 ? ticks() + (u64(timeoutMs) * PIT_HZ + 999) / 1000 + 1 : 0;
  return pollFds(fds, count, timeoutMs != 0, until);
}

/** ppoll's timespec and signal mask, copied in. */
const args = new Uint64Array(2);

/**
 * ppoll(fds, nfds, tsp, sigmask, sigsetsize). Checked in Linux's order: the
 * timespec (-EFAULT, -EINVAL for a negative or unnormalised one), then the
 * mask (-EINVAL unless sigsetsize is 8, -EFAULT), then the array as poll.
 */
export function sysPpoll(fds: u64, count: u64, tsp: u64, sigmask: u64, sigsetsize: u64): i64 {
  let wait = true;
  let until: u64 = 0;
  let asked: u64 = 0; // the timeout in ticks, to bound the time left written back
  if (tsp != 0) {
    const r = copyFromUser(changetype<usize>(args) + 8, tsp, 16);
    if (r < 0) return r;
    const seconds = i64(args[0]);
    const ns = i64(args[1]);
    if (seconds < 0 || ns < 0 || ns >= 1_000_000_000) return -EINVAL;
    wait = seconds != 0 || ns != 0;
    asked = timeoutTicks(u64(seconds), u64(ns)) - 1;
    if (wait) until = ticks() + timeoutTicks(u64(seconds), u64(ns));
  }
  const p = currentProcess();
  if (sigmask != 0) {
    if (sigsetsize != u64(SIGSET_SIZE)) return -EINVAL;
    const r = copyFromUser(changetype<usize>(args) + 8, sigmask, 8);
    if (r < 0) return r;
    signalMaskSwap(p, args[0]);
  }
  const ready = pollFds(fds, count, wait, until);
  if (sigmask != 0) signalMaskEnd(p, ready == -EINTR);
  if (tsp != 0 && wait) {
    // The time left, never more than was asked for (the deadline has a tick to spare); a write that fails is ignored, as Linux does.
    let left = until > ticks() ? until - ticks() : 0;
    if (left > asked) left = asked;
    putTimespec(tsp, left * (1_000_000_000 / PIT_HZ));
  }
  return ready;
}
