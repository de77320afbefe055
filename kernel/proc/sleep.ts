// Timed sleep: processes that sleep until a timer tick, on one list sorted
// by that tick (the earliest first). The timer interrupt wakes those whose
// tick has come (sched.ts schedTick); nanosleep is built on sleepUntil. Like
// every wait, it runs with interrupts off (docs/processes.md, "Sleeping").
import { Process, State } from './process';
import { currentProcess, schedule, wakeProcess } from './sched';
import { signalPending } from './signal';

let sleepers: Process | null = null;

/**
 * Blocks the current process until the tick counter reaches `tick` or a
 * signal comes; false for a signal (pending at once, or on waking: the
 * caller returns -EINTR). Interrupts must be off.
 */
export function sleepUntil(tick: u64): bool {
  const p = currentProcess();
  if (signalPending(p)) return false;
  p.interruptible = true;
  p.wakeTick = tick;
  p.state = State.Sleeping;
  let before: Process | null = null;
  let after = sleepers;
  while (after !== null && after.wakeTick <= tick) {
    before = after;
    after = after.timerNext;
  }
  p.timerNext = after;
  if (before === null) sleepers = p;
  else before.timerNext = p;
  schedule();
  p.interruptible = false;
  return !signalPending(p);
}

/** Takes `p` off the list of timed sleepers, if it is there (a signal interrupts its sleep). */
export function sleepCancel(p: Process): void {
  let before: Process | null = null;
  let at = sleepers;
  while (at !== null && at !== p) {
    before = at;
    at = at.timerNext;
  }
  if (at === null) return;
  if (before === null) sleepers = p.timerNext;
  else before.timerNext = p.timerNext;
  p.timerNext = null;
}

/** Makes ready every sleeper whose tick is at or before `now` (the timer interrupt). */
export function wakeSleepers(now: u64): void {
  while (sleepers !== null && sleepers.wakeTick <= now) {
    const p = sleepers;
    sleepers = p.timerNext;
    p.timerNext = null;
    wakeProcess(p);
  }
}
