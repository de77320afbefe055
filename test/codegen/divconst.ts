// Division and remainder by a constant: a multiply by the magic reciprocal
// and shifts (compiler/x86/isel-divconst.ts), never a divide instruction;
// powers of two are shifts alone. A divisor the compiler cannot see still
// divides. Results are checked in test/compiler/run/division-constants.ts.

// asm: ^imul \w+$
// asm-not: \bi?div\b
export function hash(h: i64): i64 {
  return (h * 31 + 7) % 2147483647;
}

// asm: ^mul \w+$
// asm-not: \bi?div\b
export function tenths(x: u32): u32 {
  return x / 10;
}

// asm: ^sar \w+, 3$
// asm-not: \bi?div\b
// asm-not: \bi?mul\b
export function eighth(x: i32): i32 {
  return x / 8;
}

// asm: ^idiv r\w+$
export function divide(x: i64, y: i64): i64 {
  return x / y;
}
