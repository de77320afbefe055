// The program's arguments, read from the System V initial process stack
// that `_start` finds at rsp (argc, then argv pointers to NUL-terminated
// strings, then NULL): Linux builds it at execve, the tskc kernel's spawn
// builds the same (docs/syscall-abi.md, "Arguments"). The stub keeps that
// rsp in __tskc_process_sp (compiler/x86/stubs.ts).

import { bytesEqual, cstrLength, parseDecimal } from './text';

/** @extern __tskc_process_sp */
declare const processSp: usize;

/** How many arguments there are, the program's name (argument 0) included. */
export function argCount(): i32 {
  return i32(load<u64>(processSp));
}

/** The address of argument `i`'s bytes, or 0 if there is no such argument. */
export function argAddr(i: i32): usize {
  if (i < 0 || i >= argCount()) return 0;
  return load<usize>(processSp + 8 + usize(i) * 8);
}

/** The length in bytes of argument `i` (0 if missing). */
export function argLength(i: i32): usize {
  const p = argAddr(i);
  return p == 0 ? 0 : cstrLength(p);
}

/** Whether argument `i` exists and is exactly `s`. */
export function argIs(i: i32, s: string): bool {
  const p = argAddr(i);
  return p != 0 && bytesEqual(p, cstrLength(p), s);
}

/** Argument `i` as a decimal number; `fallback` if it is missing, -1 if it is not a number. */
export function argNumber(i: i32, fallback: i64): i64 {
  const p = argAddr(i);
  return p == 0 ? fallback : parseDecimal(p, cstrLength(p));
}
