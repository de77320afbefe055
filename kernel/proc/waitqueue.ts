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
// `next`, which the ready queue uses while it is ready). docs/processes.md.
import { State, WaitQueue } from './process';
import { currentProcess, schedule, wakeProcess } from './sched';

/** Blocks the current process on `q` until a wake-up; interrupts must be off. */
export function sleepOn(q: WaitQueue): void {
  const p = currentProcess();
  p.state = State.Sleeping;
  p.next = null;
  if (q.tail === null) q.head = p;
  else q.tail.next = p;
  q.tail = p;
  schedule();
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
