// poll(fds, nfds, timeout): waits until one of the fds in the user's array
// of Linux struct pollfd { i32 fd; i16 events; i16 revents; } is ready, the
// timeout (milliseconds; -1 or any negative: for ever; 0: do not wait)
// passes, or a signal comes (-EINTR). Each fd's device tells its readiness
// (Device.poll); revents is that masked by events, plus POLLERR and POLLHUP
// always, POLLNVAL for an fd that is not open; a negative fd is skipped
// (revents 0). Returns how many entries have revents set. nfds above
// MAX_FDS (the fd table's size: our RLIMIT_NOFILE) is -EINVAL, an array
// the caller cannot read and write -EFAULT. The waiting: pollwait.ts.
// docs/syscall-abi.md, "poll".
import { ticks, PIT_HZ } from '../interrupts/pit';
import { copyFromUser, copyToUser } from '../mm/usercopy';
import { netFlush } from '../net/loopback';
import { pollSleep } from '../proc/pollwait';
import { MAX_FDS } from '../proc/process';
import { deviceOf } from './files';
import { EINTR, EINVAL, POLLERR, POLLHUP, POLLIN, POLLNVAL, POLLOUT, POLLRDNORM, POLLWRNORM } from './numbers';

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

export function sysPoll(fds: u64, count: u64, timeoutMs: i64): i64 {
  const nfds = count & 0xffff_ffff; // an unsigned int, as Linux's
  if (nfds > u64(MAX_FDS)) return -EINVAL;
  const n = i32(nfds);
  const bytes = nfds * 8;
  const base = changetype<usize>(entries) + 8;
  if (n > 0) {
    const r = copyFromUser(base, fds, bytes);
    if (r < 0) return r;
  }
  // Whole ticks, plus one: the tick under way is partly over (as nanosleep).
  const until = timeoutMs > 0 ? ticks() + (u64(timeoutMs) * PIT_HZ + 999) / 1000 + 1 : 0;
  let ready: i64 = 0;
  for (;;) {
    while (netFlush()) {} // loopback packets in flight may make a socket ready
    ready = scan(n);
    if (ready > 0 || timeoutMs == 0 || (until != 0 && ticks() >= until)) break;
    if (!pollSleep(until)) return -EINTR;
  }
  if (n > 0) {
    const w = copyToUser(fds, base, bytes);
    if (w < 0) return w;
  }
  return ready;
}
