// Output for user programs: strings, raw bytes, integers and Template
// printf (docs/language.md §6.2) to fd 1 (or any fd). Unlike console.log,
// every call is written out before it returns, so a shell's per-key echo
// appears at once; bytes collect in a static buffer only within one call.
// The digit loops are the kernel's (kernel/lib/fmt.ts), shared.

import { writeHex, writeSigned, writeString, writeUnsigned } from '../../kernel/lib/fmt';
import { formatF64 } from '../../runtime/process/numfmt';
import { write } from './sys';

const OUT_CAPACITY: usize = 512;
const outBuf: usize = memory.data(512);
let outLen: usize = 0;
let outFd: i64 = 1;

/** Writes the buffered bytes to the current fd (dropping them if it is closed). */
function flushOut(): void {
  let off: usize = 0;
  while (off < outLen) {
    const n = write(outFd, outBuf + off, outLen - off);
    if (n <= 0) break;
    off += usize(n);
  }
  outLen = 0;
}

/** The ByteSink of this module: buffers one byte. */
export function putOut(b: u8): void {
  if (outLen == OUT_CAPACITY) flushOut();
  store<u8>(outBuf + outLen, b);
  outLen++;
}

/** Writes one byte at once. */
export function printByte(b: u8): void {
  putOut(b);
  flushOut();
}

export function print(s: string): void {
  writeString(s, putOut);
  flushOut();
}

export function println(s: string): void {
  writeString(s, putOut);
  putOut(10);
  flushOut();
}

/** Writes the `len` bytes at `p`. */
export function printBytes(p: usize, len: usize): void {
  for (let i: usize = 0; i < len; i++) putOut(load<u8>(p + i));
  flushOut();
}

export function printInt(v: i64): void {
  writeSigned(v, putOut);
  flushOut();
}

export function printHex(v: u64): void {
  writeHex(v, 1, putOut);
  flushOut();
}

function putTemplate(t: Template): void {
  const n = Template.count(t);
  for (let i = 0; i < n; i++) {
    const k = Template.kind(t, i);
    if (k == TemplatePiece.Str) writeString(Template.str(t, i), putOut);
    else if (k == TemplatePiece.Int) writeSigned(Template.int(t, i), putOut);
    else if (k == TemplatePiece.Uint) writeUnsigned(Template.uint(t, i), 10, 1, putOut);
    else if (k == TemplatePiece.Bool) writeString(Template.bool(t, i) ? 'true' : 'false', putOut);
    else putFloat(Template.float(t, i));
  }
}

function putFloat(x: f64): void {
  const text: usize = memory.data(32);
  const n = formatF64(x, text);
  for (let i: i32 = 0; i < n; i++) putOut(load<u8>(text + usize(i)));
}

/** Prints a template: `printf(`pid ${pid}\n`)` (no newline is added). */
export function printf(t: Template): void {
  putTemplate(t);
  flushOut();
}

/** printf to another fd (2 for errors). */
export function fprintf(fd: i64, t: Template): void {
  flushOut();
  outFd = fd;
  putTemplate(t);
  flushOut();
  outFd = 1;
}
