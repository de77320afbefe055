// The test build's `console whole` command: a long console write with a
// message from the timer interrupt due in the middle of it. It arms the
// timer's hook (consoleTestTick, called on every tick in a test build),
// writes WHOLE_BYTES 'x' bytes through consoleWriteBytes (the path a
// process's write takes) with interrupts on, and answers
// "console whole done"; the hook's "tick line" must come after the run of
// x's, not inside it (test/kernel/console-whole.test.ts).
import { consoleWrite, consoleWriteBytes } from '../console/console';
import { kfree, kmalloc } from '../mm/heap';

/** Longer than a 10 ms tick takes to send over the serial line under QEMU. */
const WHOLE_BYTES: usize = 4096;

let armed = false;

/** The timer's hook (test builds): prints "tick line" once after `console whole` armed it. */
export function consoleTestTick(): void {
  if (!armed) return;
  armed = false;
  consoleWrite('tick line\n');
}

/** Runs `console whole`. */
export function consoleWholeCommand(): void {
  const p = kmalloc(WHOLE_BYTES);
  for (let i: usize = 0; i < WHOLE_BYTES; i++) store<u8>(p + i, 120);
  sti();
  armed = true;
  consoleWriteBytes(p, WHOLE_BYTES);
  kfree(p);
  consoleWrite('\nconsole whole done\n');
}
