// Process groups and the console's foreground group: setpgid and getpgid
// (kernel/syscall/signals.ts) move processes between groups, kill sends to
// a whole group, and Ctrl+C on the keyboard or the serial line sends
// SIGINT to the foreground group that a shell sets with ioctl(TIOCSPGRP)
// around each job it runs in the foreground. With no foreground group set,
// Ctrl+C reaches nobody as a signal; either way the byte 0x03 is also
// queued for the console's next reader (a line editor cancels its line).
// docs/processes.md, "Process groups and Ctrl+C".
import { SIGINT } from '../syscall/numbers';
import { MAX_PROCESSES, processAt, State } from './process';
import { signalSend } from './signal';

/** The console's foreground process group; 0: none. */
let foreground: i64 = 0;

export function foregroundGroup(): i64 {
  return foreground;
}

export function setForegroundGroup(pgid: i64): void {
  foreground = pgid;
}

/** Whether some live process is in group `pgid`. */
export function groupExists(pgid: i64): bool {
  for (let i: i32 = 0; i < MAX_PROCESSES; i++) {
    const p = processAt(i);
    if (p !== null && p.pgid == pgid && p.state != State.Zombie && p.state != State.Dead) return true;
  }
  return false;
}

/** Sends `sig` from `from` to every live process of group `pgid` (but `except`'s pid); how many got it. */
export function signalGroup(pgid: i64, sig: i64, from: i64, except: i64): i32 {
  let n: i32 = 0;
  for (let i: i32 = 0; i < MAX_PROCESSES; i++) {
    const p = processAt(i);
    if (p === null || p.pgid != pgid || p.pid == except || p.state == State.Zombie || p.state == State.Dead) continue;
    signalSend(p, sig, from);
    n++;
  }
  return n;
}

/** Ctrl+C arrived at the console (an IRQ): SIGINT to the foreground group, if one is set. */
export function consoleInterrupt(): void {
  if (foreground != 0) signalGroup(foreground, SIGINT, 0, 0);
}
