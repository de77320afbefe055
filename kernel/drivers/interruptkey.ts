// The console's interrupt key, Ctrl+C (the byte 0x03), as the input drivers
// see it: the keyboard and serial IRQ bodies note every byte they receive,
// and the console's input hook (kernel/fs/devices.ts consoleInputArrived)
// takes the note and interrupts the foreground group (kernel/proc/groups.ts).
// The byte itself still goes to the driver's ring for the next reader.

const CTRL_C: u8 = 3;
let typed = false;

/** A driver received byte `b` (an IRQ body). */
export function noteInputByte(b: u8): void {
  if (b == CTRL_C) typed = true;
}

/** Whether Ctrl+C arrived since the last call. */
export function takeInterruptKey(): bool {
  const was = typed;
  typed = false;
  return was;
}
