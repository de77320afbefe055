// The test build's commands for sleeping locks (kernel/proc/sleeplock.ts),
// run by the idle context (the test console comes before the shell), on a
// lock of their own:
//
//   sleeplock ok       taken alone, released, shared twice, both shares
//                      given back, taken alone again: "sleeplock ok"
//                      (with the lock's state checked at each step)
//   sleeplock twice    taken alone twice by its holder: a panic
//   sleeplock release  released without being held: a panic
//   sleeplock unshare  a share given back that was never taken: a panic
import { consoleWrite } from '../console/console';
import { SleepLock, sleepLock, sleepLockShared, sleepUnlock, sleepUnlockShared } from '../proc/sleeplock';
import { startsWord } from './storage';

const lock = new SleepLock();

/** Walks the lock through every legal use; whether each step left the state it should. */
function legalUses(): bool {
  sleepLock(lock);
  let good = lock.owner !== null && lock.readers == 0;
  sleepUnlock(lock);
  good = good && lock.owner === null;
  sleepLockShared(lock);
  sleepLockShared(lock);
  good = good && lock.readers == 2 && lock.owner === null;
  sleepUnlockShared(lock);
  sleepUnlockShared(lock);
  good = good && lock.readers == 0;
  sleepLock(lock);
  good = good && lock.owner !== null;
  sleepUnlock(lock);
  return good && lock.waits == 0; // the idle context never had to wait: the lock was free each time
}

/** Runs the sleeplock command in `line` (`length` bytes); false if it is none. */
export function sleepLockCommand(line: Uint8Array, length: i32): bool {
  if (startsWord(line, length, 'sleeplock ok')) consoleWrite(legalUses() ? 'sleeplock ok\n' : 'sleeplock wrong state\n');
  else if (startsWord(line, length, 'sleeplock twice')) {
    sleepLock(lock);
    sleepLock(lock);
  } else if (startsWord(line, length, 'sleeplock release')) sleepUnlock(lock);
  else if (startsWord(line, length, 'sleeplock unshare')) sleepUnlockShared(lock);
  else return false;
  return true;
}
