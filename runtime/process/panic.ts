// Panics for the process targets: `throw new Error(msg)`, failed asserts
// and failed bounds checks end here. Console output buffered so far is
// written first, then `panic: MESSAGE` and the TypeScript location go to
// stderr and the program exits with status 134 (the status of an abort).

import { SYS_WRITE, SYS_EXIT } from '../../kernel/syscall/numbers';
import { flush } from './console';

const STDERR: i64 = 2;

function writeErr(s: string): void {
  syscall(SYS_WRITE, STDERR, changetype<usize>(s) + 8, s.length);
}

function writeErrNumber(v: i32): void {
  const digits: usize = memory.data(12);
  let n: i32 = 0;
  let x: u32 = u32(v);
  do {
    store<u8>(digits + usize(11 - n), u8(x % 10) + 48);
    x = x / 10;
    n++;
  } while (x != 0);
  syscall(SYS_WRITE, STDERR, digits + usize(12 - n), n);
}

export function panic(message: string, file: string, line: i32): never {
  flush();
  writeErr('panic: ');
  writeErr(message);
  writeErr('\n    at ');
  writeErr(file);
  writeErr(':');
  writeErrNumber(line);
  writeErr('\n');
  syscall(SYS_EXIT, 134);
  return unreachable();
}
