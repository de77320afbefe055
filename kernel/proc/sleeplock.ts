// Sleeping locks: mutual exclusion for kernel code that sleeps while it
// holds the lock (an ext2 change that waits for a disk read half-way). The
// kernel is not preemptible on one CPU, so code that never sleeps needs no
// lock; a sleeping lock keeps other processes out of a structure across
// the sleeps. A lock is held alone (a mutex: `sleepLock`/`sleepUnlock`) or
// shared by readers (`sleepLockShared`/`sleepUnlockShared`), never both:
//
//   sleepLock(l);  ... a change that may sleep ...;  sleepUnlock(l);
//
// A process that cannot have it sleeps on the lock's wait queue, and every
// release wakes the queue so the sleepers check again. The sleep is not
// interruptible: a holder always finishes, and a signal waits until the
// call is done. Interrupts must be off, as for every wait queue (system
// calls run so). The idle context (boot steps) cannot sleep and takes only
// a free lock. Misuse is a kernel bug and panics: taking a lock one already
// holds alone (it would wait for ever), releasing one held by another
// process. docs/processes.md, "Sleeping".
import { Process, WaitQueue } from './process';
import { currentProcess, idleRunning } from './sched';
import { sleepOn, wakeAll } from './waitqueue';

export class SleepLock {
  /** The process holding the lock alone, or null. */
  owner: Process | null = null;
  /** How many readers share it (0 while it is held alone). */
  readers: i32 = 0;
  readonly waiters = new WaitQueue();
  /** How many takes had to sleep (contention). */
  waits: u64 = 0;
}

function wait(l: SleepLock): void {
  if (idleRunning()) throw new Error('sleeping lock: taken in the idle context while held, which cannot sleep');
  l.waits++;
  sleepOn(l.waiters);
}

/** Takes `l` alone, sleeping while anyone else has it. */
export function sleepLock(l: SleepLock): void {
  if (l.owner === currentProcess()) throw new Error('sleeping lock: taken twice by its holder');
  while (l.owner !== null || l.readers > 0) wait(l);
  l.owner = currentProcess();
}

/** Releases `l`, held alone by the caller. */
export function sleepUnlock(l: SleepLock): void {
  if (l.owner !== currentProcess()) throw new Error('sleeping lock: released by a process that does not hold it');
  l.owner = null;
  wakeAll(l.waiters);
}

/** Shares `l` with other readers, sleeping while a process holds it alone. */
export function sleepLockShared(l: SleepLock): void {
  if (l.owner === currentProcess()) throw new Error('sleeping lock: shared by its holder');
  while (l.owner !== null) wait(l);
  l.readers++;
}

/** Gives back a share of `l`. */
export function sleepUnlockShared(l: SleepLock): void {
  if (l.readers <= 0) throw new Error('sleeping lock: a share given back that was never taken');
  l.readers--;
  if (l.readers == 0) wakeAll(l.waiters);
}
