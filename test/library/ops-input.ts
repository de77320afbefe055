// The operations of a library model test (test/library/ops.ts encodes them):
// 9 bytes each, an op byte and two i32 arguments, read from stdin.
import { readStdin, stdinLength } from '../kernel-lib/stdin';

const ops = readStdin();

/** The number of operations. */
export function opCount(): i32 {
  return stdinLength / 9;
}

/** Operation i's letter (a char code). */
export function opCode(i: i32): i32 {
  return i32(load<u8>(ops + usize(i) * 9));
}

export function opA(i: i32): i32 {
  return load<i32>(ops + usize(i) * 9 + 1);
}

export function opB(i: i32): i32 {
  return load<i32>(ops + usize(i) * 9 + 5);
}
