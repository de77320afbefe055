// The kernel console: one output stream shown on both the VGA screen and the
// serial line, and one input stream merged from the PS/2 keyboard and the
// serial line. Output: bytes go to the VGA teletype as they are and to COM1
// with "\n" sent as "\r\n" (what terminals expect). Input: serial bytes are
// normalised to what the keyboard produces ('\r' becomes '\n', DEL 0x7F
// becomes backspace 0x08), so readers see one convention.
//
// A line the kernel writes with consoleWriteLine and each 256-byte chunk of
// a process's write (kernel/fs/devices.ts) reach the screen whole: interrupts are off while they are
// written, so a handler's message (the DHCP client's, from the timer) comes
// before or after them, never inside. Handlers run with interrupts off and
// other CPUs wait for the big kernel lock, so their messages are whole too.
import { serialPutByte, serialReadByte } from '../drivers/serial';
import { keyboardReadByte } from '../drivers/keyboard';
import { vgaPutBytes, vgaPutChar, vgaResetColor, vgaSetColor, VgaColor } from '../drivers/vga';
import { writeHex, writeSigned, writeString, writeUnsigned } from '../lib/fmt';

const IF: u64 = 1 << 9;

/** Writes one byte to the screen and the serial line. */
export function consolePutByte(b: u8): void {
  vgaPutChar(b);
  if (b == 10) serialPutByte(13);
  serialPutByte(b);
}

/** Writes the `n` bytes at `p` (what a process writes to the console). */
export function consoleWriteBytes(p: usize, n: usize): void {
  const flags = readFlags();
  cli();
  vgaPutBytes(p, n);
  for (let i: usize = 0; i < n; i++) {
    const b = load<u8>(p + i);
    if (b == 10) serialPutByte(13);
    serialPutByte(b);
  }
  restoreInterrupts(flags);
}

/** Turns interrupts back on if `flags` (from readFlags) had them on. */
function restoreInterrupts(flags: u64): void {
  if ((flags & IF) != 0) sti();
}

/** Writes a string. */
export function consoleWrite(s: string): void {
  writeString(s, consolePutByte);
}

/** Writes a string and a newline. */
export function consoleWriteLine(s: string): void {
  const flags = readFlags();
  cli();
  writeString(s, consolePutByte);
  consolePutByte(10);
  restoreInterrupts(flags);
}

/** Writes a signed integer in decimal. */
export function consoleWriteInt(v: i64): void {
  writeSigned(v, consolePutByte);
}

/** Writes an unsigned integer in decimal, zero-padded to `minDigits`. */
export function consoleWriteUint(v: u64, minDigits: i32 = 1): void {
  writeUnsigned(v, 10, minDigits, consolePutByte);
}

/** Writes `0x` and an integer in hexadecimal, zero-padded to `minDigits`. */
export function consoleWriteHex(v: u64, minDigits: i32 = 1): void {
  writeHex(v, minDigits, consolePutByte);
}

/** Writes `s` in colour `fg` on the screen (the serial line gets the plain text). */
export function consoleWriteColored(s: string, fg: VgaColor): void {
  vgaSetColor(fg, VgaColor.Black);
  consoleWrite(s);
  vgaResetColor();
}

/**
 * The next input byte (keyboard first, then serial), or -1 if there is none.
 * Safe with interrupts on: each ring has one producer (its IRQ body) and one
 * consumer (this), and push/pop never write the same field (kernel/lib/ring.ts).
 */
export function consoleReadByte(): i32 {
  const k = keyboardReadByte();
  if (k >= 0) return k;
  const s = serialReadByte();
  if (s == 13) return 10;
  if (s == 127) return 8;
  return s;
}
