// The volume's lock: the calls that change the volume (and the last
// close of a file, which may free one) hold it, so that one sleeping on
// the disk halfway through a change never lets another see or make a
// half-made one. Reads and lookups do not take it (they never sleep with
// a structure half changed: each change is made in a held buffer without
// sleeping). A process sleeps for it; the idle context never waits for it
// (it makes no changes). docs/storage.md, "Writing".
import { WaitQueue } from '../../proc/process';
import { sleepOn, wakeAll } from '../../proc/waitqueue';

let held = false;
const waiters = new WaitQueue();

/** Takes the lock, sleeping while another process has it; interrupts must be off. */
export function fsLock(): void {
  while (held) sleepOn(waiters);
  held = true;
}

export function fsUnlock(): void {
  held = false;
  wakeAll(waiters);
}
