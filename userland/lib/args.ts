// The program's arguments and environment, read from the System V initial
// process stack that `_start` finds at rsp (argc, the argv pointers to
// NUL-terminated strings and a NULL, the envp pointers and a NULL, then the
// auxiliary vector's key/value pairs up to AT_NULL): Linux builds it at
// execve, and so do the tskc kernel's execve and spawn (docs/syscall-abi.md,
// "Arguments"). The stub keeps that
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

/** The environment as execve takes it: the address of the NULL-terminated array of "NAME=value" pointers. */
export function environ(): usize {
  return processSp + 8 + usize(argCount() + 1) * 8;
}

/** The address of environment string `i` ("NAME=value"), or 0 past the last. */
export function envAddr(i: i32): usize {
  const envp = environ();
  for (let j: i32 = 0; j < i; j++) if (load<usize>(envp + usize(j) * 8) == 0) return 0;
  return load<usize>(envp + usize(i) * 8);
}

/** The value of environment variable `name` (its bytes after "NAME="), or 0 if it is not set. */
export function envValue(name: string): usize {
  const n = usize(name.length);
  for (let i: i32 = 0; ; i++) {
    const e = envAddr(i);
    if (e == 0) return 0;
    if (memcmp(e, changetype<usize>(name) + 8, n) == 0 && load<u8>(e + n) == 61) return e + n + 1; // '='
  }
}

/** The value of auxiliary-vector entry `key` (AT_PAGESZ is 6), or 0 if the vector has none. */
export function auxValue(key: u64): u64 {
  let at = environ();
  while (load<usize>(at) != 0) at += 8; // past the environment
  for (at += 8; load<u64>(at) != 0; at += 16) if (load<u64>(at) == key) return load<u64>(at + 8);
  return 0;
}

let flagBits: u64 = 0;
let bad: u8 = 0;

/**
 * Reads the leading options (`-x`, `-xy`; `--` ends them, `-` alone is an
 * operand) whose letters must all be in `allowed`: the index of the first
 * operand, or -1 for a letter that is not allowed (badFlag() names it).
 */
export function parseFlags(allowed: string): i32 {
  const ok = changetype<usize>(allowed) + 8;
  let i: i32 = 1;
  for (; i < argCount(); i++) {
    const p = argAddr(i);
    const n = cstrLength(p);
    if (n < 2 || load<u8>(p) != 45) break; // not "-x…"
    if (n == 2 && load<u8>(p + 1) == 45) return i + 1; // "--"
    for (let k: usize = 1; k < n; k++) {
      const c = load<u8>(p + k);
      let found = false;
      for (let j: usize = 0; j < usize(allowed.length); j++) if (load<u8>(ok + j) == c) found = true;
      if (!found || c < 65 || c > 122) {
        bad = c;
        return -1;
      }
      flagBits |= u64(1) << u64(c - 65);
    }
  }
  return i;
}

/** Whether option letter `letter` (its first byte) was given to parseFlags. */
export function flag(letter: string): bool {
  const c = load<u8>(changetype<usize>(letter) + 8);
  return (flagBits & (u64(1) << u64(c - 65))) != 0;
}

/** The letter parseFlags refused. */
export function badFlag(): u8 {
  return bad;
}
