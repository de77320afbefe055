// Waiting in poll: a process sleeps on one wait queue at a time, but a
// poller waits for any of several fds, so every poller sleeps on the one
// queue here. Whatever can make an fd ready (a pipe's reader or writer, a
// socket's stack, console input) calls pollNotify, which wakes the pollers;
// each checks its own fds again and sleeps again if none is ready. A timed
// poll gives its deadline tick: the timer (schedTick) wakes the pollers
// when the earliest one has come. Interrupts are off throughout, as for
// every wait (waitqueue.ts). docs/syscall-abi.md, "poll".
import { WaitQueue } from './process';
import { sleepInterruptible, wakeAll } from './waitqueue';

const pollers = new WaitQueue();
/** The earliest deadline (a tick) of a sleeping poller, 0 for none. */
let earliest: u64 = 0;

/** Something an fd's readiness depends on changed: every poller checks again. Safe in interrupt handlers. */
export function pollNotify(): void {
  if (!pollers.isEmpty()) wakeAll(pollers);
}

/**
 * Sleeps until pollNotify, the tick `until` (0: no deadline) or a signal;
 * false for a signal (the caller returns -EINTR). Interrupts must be off.
 */
export function pollSleep(until: u64): bool {
  if (until != 0 && (earliest == 0 || until < earliest)) earliest = until;
  return sleepInterruptible(pollers);
}

/** The timer's part: wakes the pollers when the earliest deadline has come (each sets its own again). */
export function pollTick(now: u64): void {
  if (earliest == 0 || now < earliest) return;
  earliest = 0;
  pollNotify();
}
