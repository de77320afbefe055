// Inlining (compiler/passes/inline.ts): small methods called in a loop,
// getters and small helpers become part of their caller; a recursive
// function stays a call.

class Counter {
  n: i32 = 0;
  get value(): i32 {
    return this.n;
  }
  bump(by: i32): void {
    this.n += by;
  }
}

function square(x: i32): i32 {
  return x * x;
}

// asm-not: \bcall\b
// asm: imul
export function sumSquares(c: Counter, k: i32): i32 {
  for (let i: i32 = 0; i < k; i++) c.bump(square(i));
  return c.value;
}

function fact(n: i32): i32 {
  return n <= 1 ? 1 : n * fact(n - 1);
}

// asm: ^call \$fact$
export function useFact(n: i32): i32 {
  return fact(n) + 1;
}

/** @noinline */
function twice(x: i32): i32 {
  return x + x;
}

// asm: ^call \$twice$
export function useTwice(n: i32): i32 {
  return twice(n) + 1;
}
