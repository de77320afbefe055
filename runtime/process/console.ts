// Console output for the process targets (user, linux), in tskc itself.
// console.log(a, b) lowers to printX(a); printSpace(); printX(b);
// printNewline(): bytes collect in a static buffer that is written to fd 1
// at each newline, when full, and at exit.

import { SYS_WRITE, SYS_EXIT } from '../../kernel/syscall/numbers';
import { formatF64 } from './numfmt';
import { formatUnsigned } from '../std/digits';

const BUF_SIZE: usize = 4096;

const buf: usize = memory.data(4096);
let used: usize = 0;

/** Writes out everything buffered so far (also used by panic). */
export function flush(): void {
  let off: usize = 0;
  while (off < used) {
    const n = syscall(SYS_WRITE, 1, buf + off, used - off);
    if (n <= 0) break; // a closed pipe: drop the output, as Node does
    off += usize(n);
  }
  used = 0;
}

function putByte(b: u8): void {
  if (used == BUF_SIZE) flush();
  store<u8>(buf + used, b);
  used++;
}

export function printStr(s: string): void {
  const bytes = changetype<usize>(s) + 8;
  const n = usize(s.length);
  for (let i: usize = 0; i < n; i++) putByte(load<u8>(bytes + i));
}

export function printU64(v: u64): void {
  const digits: usize = memory.data(24);
  const n = formatUnsigned(v, 10, 1, digits, 24);
  for (let i: i32 = 0; i < n; i++) putByte(load<u8>(digits + usize(i)));
}

export function printI64(v: i64): void {
  if (v < 0) {
    putByte(45); // '-'
    // 0 - v wraps for the most negative value, whose u64 reading is right.
    printU64(u64(0 - v));
  } else {
    printU64(u64(v));
  }
}

/** A double exactly as Node prints it (runtime/process/numfmt.ts). */
export function printF64(x: f64): void {
  const text: usize = memory.data(32);
  const n = formatF64(x, text);
  for (let i: i32 = 0; i < n; i++) putByte(load<u8>(text + usize(i)));
}

/** A number argument of console.log: as printF64, but -0 prints as `-0`, as Node's console.log does. */
export function printNumber(x: f64): void {
  if (reinterpret<u64>(x) == 0x8000000000000000) printStr('-0');
  else printF64(x);
}

/** A Template's pieces, each printed as its kind prints (docs/language.md §6.2). */
export function printTemplate(t: Template): void {
  const n = Template.count(t);
  for (let i = 0; i < n; i++) {
    const k = Template.kind(t, i);
    if (k == TemplatePiece.Str) printStr(Template.str(t, i));
    else if (k == TemplatePiece.Int) printI64(Template.int(t, i));
    else if (k == TemplatePiece.Uint) printU64(Template.uint(t, i));
    else if (k == TemplatePiece.Bool) printBool(Template.bool(t, i));
    else printF64(Template.float(t, i));
  }
}

export function printBool(b: bool): void {
  if (b) printStr('true');
  else printStr('false');
}

export function printSpace(): void {
  putByte(32);
}

export function printNewline(): void {
  putByte(10);
  flush();
}

export function exit(code: i32): never {
  flush();
  syscall(SYS_EXIT, code);
  return unreachable();
}
