// PS/2 keyboard driver: reads scancodes from the 8042 controller, turns them
// into ASCII with the keymap (kernel/drivers/keymap.ts) and queues the bytes
// in a ring buffer. keyboardOnIrq() is the IRQ 1 handler's body
// (kernel/interrupts/irq.ts routes IRQ 1 to it). The BIOS leaves the controller translating to scancode
// set 1 with the keyboard's interrupt enabled, which is what this expects.
import { ByteRing } from '../lib/ring';
import { noteInputByte } from './interruptkey';
import { KeyboardState, NO_KEY, translateScancode } from './keymap';

const PS2_DATA: u16 = 0x60;
const PS2_STATUS: u16 = 0x64;
const STATUS_OUTPUT_FULL: u8 = 0x01; // a byte is waiting in PS2_DATA
const STATUS_FROM_MOUSE: u8 = 0x20; // …and it came from the auxiliary (mouse) port

/** Characters typed and not yet read (256 bytes; more are dropped and counted). */
export const keyboardRx = new ByteRing();

const state = new KeyboardState();

/** Empties the controller's output buffer (keys pressed during boot) and resets the keymap state. */
export function keyboardInit(): void {
  while ((inb(PS2_STATUS) & STATUS_OUTPUT_FULL) != 0) inb(PS2_DATA);
  state.extended = false;
  state.pauseBytes = 0;
}

/** Reads one byte from the controller and translates it; mouse bytes are discarded. */
function readOne(): void {
  const status = inb(PS2_STATUS);
  const b = inb(PS2_DATA);
  if ((status & STATUS_FROM_MOUSE) != 0) return;
  const ch = translateScancode(state, b);
  if (ch == NO_KEY) return;
  noteInputByte(u8(ch));
  keyboardRx.push(u8(ch));
}

/** The IRQ 1 handler's body: one interrupt per byte the controller delivers. */
export function keyboardOnIrq(): void {
  readOne();
}

/**
 * Translates every byte waiting in the controller. Called once when IRQ 1
 * is unmasked: a byte that arrived before would hold the edge-triggered
 * line high, and no interrupt would ever come.
 */
export function keyboardDrain(): void {
  while ((inb(PS2_STATUS) & STATUS_OUTPUT_FULL) != 0) readOne();
}

/** The oldest typed character, or -1 if none is waiting. */
export function keyboardReadByte(): i32 {
  return keyboardRx.pop();
}
