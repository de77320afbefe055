// Wait queues: the one way a process blocks until something happens (input
// arrives, a child exits, a sleep ends). A waiter checks its condition and,
// while it does not hold, sleeps on the condition's queue; whoever changes
// the condition wakes the queue. Both run with interrupts off (system calls
// do, and so do interrupt handlers), so no wake-up falls between the check
// and the sleep:
//
//   while (!condition()) sleepOn(queue);      // in a system call
//   ... condition becomes true ...; wakeAll(queue);   // anywhere, IRQs included
//
// A sleeping process is on exactly one wait queue (linked through its
// `next`, which the ready queue uses while it is ready). System calls that
// may wait for ever (reads of a pipe or the console, wait4) sleep
// interruptibly: a signal takes the process off the queue (signal.ts), and
// the call returns -EINTR so that the signal is delivered on the way out.
// docs/processes.md.
import { Process, State, WaitQueue } from './process';
import { signalPending } from './signal';
import { currentProcess, schedule, wakeProcess } from './sched';

/** Blocks the current process on `q` until a wake-up; interrupts must be off. */
export function sleepOn(q: WaitQueue): void {
  enqueue(q, currentProcess());
  schedule();
}

/** Puts the current process `p` at the end of `q`, sleeping (small: inlined into both sleeps). */
function enqueue(q: WaitQueue, p: Process): void {
  p.state = State.Sleeping;
  p.next = null;
  if (q.tail === null) q.head = p;
  else q.tail.next = p;
  q.tail = p;
}

/**
 * Blocks the current process on `q` until a wake-up or a signal; false
 * when a signal is pending (at once, or on waking): the caller returns
 * -EINTR. Interrupts must be off.
 */
export function sleepInterruptible(q: WaitQueue): bool {
  const p = currentProcess();
  if (signalPending(p)) return false;
  p.interruptible = true;
  p.sleepingOn = q;
  enqueue(q, p);
  schedule();
  p.interruptible = false;
  p.sleepingOn = null;
  return !signalPending(p);
}

/** Takes the sleeping `p` off the wait queue `q` (a signal interrupts its sleep). */
export function unqueue(q: WaitQueue, p: Process): void {
  let before: Process | null = null;
  let at = q.head;
  while (at !== null && at !== p) {
    before = at;
    at = at.next;
  }
  if (at === null) return;
  if (before === null) q.head = p.next;
  else before.next = p.next;
  if (q.tail === p) q.tail = before;
  p.next = null;
}

/** Makes every process sleeping on `q` ready, oldest first. */
export function wakeAll(q: WaitQueue): void {
  let p = q.head;
  q.head = null;
  q.tail = null;
  while (p !== null) {
    const after = p.next;
    wakeProcess(p);
    p = after;
  }
}
