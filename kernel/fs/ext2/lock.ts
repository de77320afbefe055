// The volume's lock, shared by readers and held alone by writers: every
// call that changes the volume (and the last close of a file, which may
// free one) holds it alone, so that one sleeping on the disk halfway
// through a change never lets another see or make a half-made one; a
// read of a file's bytes shares it, so it never reads a block a truncate
// is freeing (and two readers still share one disk read). Path lookups
// do not take it (each directory block is read whole from a held buffer
// without sleeping). It is one of the kernel's sleeping locks
// (kernel/proc/sleeplock.ts): a process sleeps for it; the idle context
// never waits for it (it makes no changes). docs/storage.md, "Writing".
import { SleepLock, sleepLock, sleepLockShared, sleepUnlock, sleepUnlockShared } from '../../proc/sleeplock';

const volume = new SleepLock();

/** Takes the lock alone, sleeping while a writer or readers have it; interrupts must be off. */
export function fsLock(): void {
  sleepLock(volume);
}

export function fsUnlock(): void {
  sleepUnlock(volume);
}

/** Shares the lock with other readers, sleeping while a writer has it. */
export function fsReadLock(): void {
  sleepLockShared(volume);
}

export function fsReadUnlock(): void {
  sleepUnlockShared(volume);
}

