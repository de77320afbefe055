// Panics for the kernel target: `throw new Error(msg)`, failed asserts and
// failed bounds checks end here. The report goes to COM1 by polling (it must
// work before, and without, any driver): the message, the TS location, and
// the call stack named from the compiler's debug table (symbols.ts), found
// by walking the frame-pointer chain. Then the CPU halts for good.
import { functionName, sourceFile, sourceLine } from './symbols';
import { writeHex as fmtHex, writeSigned, writeString } from '../../kernel/lib/fmt';

const COM1: u16 = 0x3f8;
const LINE_STATUS: u16 = COM1 + 5;
const TX_EMPTY: u8 = 0x20;
const MAX_FRAMES: i32 = 16;

function put(b: u8): void {
  while ((inb(LINE_STATUS) & TX_EMPTY) == 0) pause();
  outb(COM1, b);
}

function write(s: string): void {
  writeString(s, put);
}

function writeNumber(v: i32): void {
  writeSigned(v as i64, put);
}

function writeHex(v: usize): void {
  fmtHex(u64(v), 1, put);
}

/**
 * Writes `0xADDR FUNCTION at FILE:LINE` for code address `addr` (what is
 * known of it). For a return address pass `lookup = addr - 1`, so that the
 * line is the call's even when the call ends its line.
 */
export function writeCodeAddress(addr: usize, lookup: usize): void {
  writeHex(addr);
  const name = functionName(lookup);
  if (name.length == 0) {
    write(' ??');
    return;
  }
  write(' ');
  write(name);
  const line = sourceLine(lookup);
  if (line == 0) return;
  write(' at ');
  write(sourceFile(lookup));
  write(':');
  writeNumber(line);
}

/** Writes the call stack above frame `fp` (a frame pointer), innermost first, one `#n` line per call. */
export function writeBacktrace(fp: usize): void {
  let frame = fp;
  for (let n: i32 = 0; n < MAX_FRAMES; n++) {
    // _start ends the chain with rbp = 0; anything not 8-aligned is not a frame.
    if (frame == 0 || (frame & 7) != 0) return;
    const ret = load<usize>(frame + 8);
    if (ret == 0) return;
    write('    #');
    writeNumber(n);
    write(' ');
    writeCodeAddress(ret, ret - 1);
    write('\r\n');
    const next = load<usize>(frame);
    if (next <= frame) return; // the stack grows down: callers' frames are above
    frame = next;
  }
}

export function panic(message: string, file: string, line: i32): never {
  write('\r\nkernel panic: ');
  write(message);
  write('\r\n    at ');
  write(file);
  write(':');
  writeNumber(line);
  write('\r\n');
  writeBacktrace(frameAddress());
  while (true) {
    cli();
    hlt();
  }
}
