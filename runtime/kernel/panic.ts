// Panics for the kernel target: `throw new Error(msg)`, failed asserts and
// failed bounds checks end here. The report goes to COM1 by polling (it must
// work before, and without, any driver): the message, the TS location, and
// the call stack named from the compiler's debug table (symbols.ts), found
// by walking the frame-pointer chain. Then the CPU halts for good. A kernel
// with several CPUs first stops the others (setPanicFirstStep).
import { functionNameIn, inlineSiteIn, siteCalleeIn, siteFileIn, siteLineIn, siteParentIn, sourceFileIn, sourceLineIn } from './symbols';
import { ByteSink, writeHex as fmtHex, writeSigned, writeString } from '../../kernel/lib/fmt';

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

/**
 * Writes `0xADDR FUNCTION at FILE:LINE` for code address `addr` (what is
 * known of it) to COM1. For a return address pass `lookup = addr - 1`, so
 * that the line is the call's even when the call ends its line.
 */
export function writeCodeAddress(addr: usize, lookup: usize): void {
  writeCodeAddressTo(addr, lookup, put);
}

/** writeCodeAddress to any byte sink (the exception report writes it to the console). */
export function writeCodeAddressTo(addr: usize, lookup: usize, sink: ByteSink): void {
  writeCodeAddressIn(debugTable(), addr, lookup, sink);
}

/** writeCodeAddressTo, named from the debug table at `table` (a user program's, for its faults). */
export function writeCodeAddressIn(table: usize, addr: usize, lookup: usize, sink: ByteSink): void {
  fmtHex(u64(addr), 1, sink);
  const name = table == 0 ? '' : functionNameIn(table, lookup);
  if (name.length == 0) {
    writeString(' ??', sink);
    return;
  }
  // Code the inliner copied is named after the function it came from, and
  // each call it was copied into follows: `f at a.ts:3 (inlined into g at
  // b.ts:9, inlined into h at c.ts:4)`.
  let site = inlineSiteIn(table, lookup);
  writeString(' ', sink);
  writeString(site == 0 ? name : siteCalleeIn(table, site), sink);
  const line = sourceLineIn(table, lookup);
  if (line == 0) return;
  writeString(' at ', sink);
  writeString(sourceFileIn(table, lookup), sink);
  writeString(':', sink);
  writeSigned(line as i64, sink);
  let first = true;
  while (site != 0) {
    const parent = siteParentIn(table, site);
    writeString(first ? ' (inlined into ' : ', inlined into ', sink);
    writeString(parent == 0 ? name : siteCalleeIn(table, parent), sink);
    writeString(' at ', sink);
    writeString(siteFileIn(table, site), sink);
    writeString(':', sink);
    writeSigned(siteLineIn(table, site) as i64, sink);
    first = false;
    site = parent;
  }
  if (!first) writeString(')', sink);
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

let firstStep: (() => void) | null = null;

/** Sets what a panic does before its report (the kernel: stop the other CPUs, kernel/smp/stop.ts); it runs once. */
export function setPanicFirstStep(step: () => void): void {
  firstStep = step;
}

export function panic(message: string, file: string, line: i32): never {
  const step = firstStep;
  firstStep = null;
  if (step !== null) step();
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
