// The test build's commands for spinlocks (kernel/cpu/spinlock.ts), each on
// two locks of its own, spin-a (rank 1) and spin-b (rank 2):
//
//   spin ok         a in order, then b inside it, released in reverse, once
//                   with interrupts on and once off: "spin ok if on off"
//                   (interrupts off while held, each restored as it was)
//   spin recursive  a taken twice: a panic naming spin-a
//   spin order      b, then a (rank not above b's): a panic naming both
//   spin sleep      a held where the scheduler would switch away: a panic
import { consoleWrite } from '../console/console';
import { Spinlock, spinAssertNoneHeld, spinLock, spinUnlock } from '../cpu/spinlock';
import { startsWord } from './storage';

const IF: u64 = 1 << 9;
const a = new Spinlock('spin-a', 1);
const b = new Spinlock('spin-b', 2);

/** Whether interrupts are on. */
function interruptsOn(): bool {
  return (readFlags() & IF) != 0;
}

/** Takes a, then b, releases them; whether interrupts were off inside and are as before after. */
function nested(): bool {
  const before = interruptsOn();
  spinLock(a);
  spinLock(b);
  const inside = interruptsOn();
  spinUnlock(b);
  const between = interruptsOn();
  spinUnlock(a);
  return !inside && !between && interruptsOn() == before;
}

/** Runs the spin command in `line` (`length` bytes); false if it is none. */
export function spinCommand(line: Uint8Array, length: i32): bool {
  if (startsWord(line, length, 'spin ok')) {
    sti();
    const on = nested();
    cli();
    const off = nested();
    sti();
    consoleWrite(on && off ? 'spin ok if on off\n' : 'spin wrong interrupt flag\n');
  } else if (startsWord(line, length, 'spin recursive')) {
    spinLock(a);
    spinLock(a);
  } else if (startsWord(line, length, 'spin order')) {
    spinLock(b);
    spinLock(a);
  } else if (startsWord(line, length, 'spin sleep')) {
    spinLock(a);
    spinAssertNoneHeld('held where the scheduler switches away');
  } else return false;
  return true;
}
