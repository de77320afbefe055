// Host-test support for the kernel's memory code (test/mm/): an mmap'd arena
// that stands in for physical memory, a seeded PRNG, and reading the test's
// parameters (decimal numbers) from stdin. Linux target only.

const SYS_READ: i64 = 0;
const SYS_MMAP: i64 = 9;

/** `bytes` of zeroed anonymous memory at a 4 KiB-aligned address. */
export function mapArena(bytes: u64): usize {
  const p = syscall(SYS_MMAP, 0, bytes, 3, 0x22, -1, 0); // read+write, private anonymous
  if (p < 0) throw new Error('mmap of the test arena failed');
  return usize(p);
}

const input = memory.data(256);
let inputLen: i64 = -1;
let inputPos: i64 = 0;

/** The next decimal number on stdin (0 when there is none). */
export function readNumber(): u64 {
  if (inputLen < 0) inputLen = syscall(SYS_READ, 0, input, 255);
  while (inputPos < inputLen && (load<u8>(input + usize(inputPos)) < 48 || load<u8>(input + usize(inputPos)) > 57)) inputPos++;
  let v: u64 = 0;
  while (inputPos < inputLen) {
    const c = load<u8>(input + usize(inputPos));
    if (c < 48 || c > 57) break;
    v = v * 10 + u64(c - 48);
    inputPos++;
  }
  return v;
}

let state: u64 = 0x9e37_79b9_7f4a_7c15;

export function seed(s: u64): void {
  state = s * 0x9e37_79b9_7f4a_7c15 + 1;
  if (state == 0) state = 1;
}

/** xorshift64*: the next pseudo-random 64-bit value. */
export function next(): u64 {
  state = state ^ (state >> 12);
  state = state ^ (state << 25);
  state = state ^ (state >> 27);
  return state * 0x2545_f491_4f6c_dd1d;
}

/** A pseudo-random value in [0, n). */
export function below(n: u64): u64 {
  return (next() >> 11) % n;
}
