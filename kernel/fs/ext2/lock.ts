// The volume's lock, shared by readers and held alone by writers: every
// call that changes the volume (and the last close of a file, which may
// free one) holds it alone, so that one sleeping on the disk halfway
// through a change never lets another see or make a half-made one; a
// read of a file's bytes shares it, so it never reads a block a truncate
// is freeing (and two readers still share one disk read). Path lookups
// do not take it (each directory block is read whole from a held buffer
// without sleeping). A process sleeps for it; the idle context never
// waits for it (it makes no changes). docs/storage.md, "Writing".
import { WaitQueue } from '../../proc/process';
import { sleepOn, wakeAll } from '../../proc/waitqueue';

let writing = false;
let readers: i32 = 0;
const waiters = new WaitQueue();

/** Takes the lock alone, sleeping while a writer or readers have it; interrupts must be off. */
export function fsLock(): void {
  while (writing || readers > 0) sleepOn(waiters);
  writing = true;
}

export function fsUnlock(): void {
  writing = false;
  wakeAll(waiters);
}

/** Shares the lock with other readers, sleeping while a writer has it. */
export function fsReadLock(): void {
  while (writing) sleepOn(waiters);
  readers++;
}

export function fsReadUnlock(): void {
  readers--;
  if (readers == 0) wakeAll(waiters);
}
