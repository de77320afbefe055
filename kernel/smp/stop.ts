// Stopping the other CPUs when one fails: a kernel panic or an exception
// in kernel mode on any CPU first sends every other CPU an NMI
// (lapicNmiOthers), whose handler (ex2, kernel/interrupts/exceptions.ts)
// halts that CPU for good with interrupts off; an NMI arrives even at a CPU
// that spins with interrupts off (on the big kernel lock, say). Then the
// failing CPU prints its report alone. When two CPUs fail at once, the
// first to claim `stopping` reports; the other halts. docs/smp.md, "Panics".
import { setPanicFirstStep } from '../../runtime/kernel/panic';
import { lapicNmiOthers } from './lapic';

/** 0, then 1 + the id of the CPU that stops the others. */
let stopping: u64 = 0;

function claim(): bool {
  let v: u64 = 1;
  const addr = changetype<usize>(addressof(stopping));
  asm('xchg {v}, qword [{addr}]', asm.inout('reg', v), asm.in('reg', addr));
  return v == 0;
}

/** Halts this CPU for good, interrupts off (NMIs stay blocked inside an NMI handler). */
export function haltForever(): never {
  while (true) {
    cli();
    hlt();
  }
}

/** Whether a CPU has begun stopping the others (the NMI handler then halts). */
export function smpStopping(): bool {
  return volatileLoad<u64>(changetype<usize>(addressof(stopping))) != 0;
}

/** Stops every other CPU before a report; a second CPU that fails meanwhile halts here instead. */
export function smpStopOthers(): void {
  if (!claim()) haltForever();
  lapicNmiOthers();
}

/** Makes every kernel panic stop the other CPUs first (smpInit, once more than one CPU runs). */
export function smpStopOnPanic(): void {
  setPanicFirstStep(smpStopOthers);
}
