// Loop versioning (compiler/passes/bcever.ts): a loop whose bound is not
// the array's length tests the index range once, before it, and runs a copy
// without bounds checks when the test holds; the original loop, checks and
// panic included, is the fallback.

const flags = new Array<bool>(5000);

// The sieve's strided loop, `k - 1` from 2i - 1 up to n - 1 by i: before
// it, among the tests, that k + i cannot wrap (n + i <= 2^31 - 1).
// asm: ^cmp r\w+, 2147483647$
// asm: ^ud2$
export function strike(i: i32, n: i32): void {
  for (let k: i32 = i + i; k <= n; k += i) flags[k - 1] = false;
}

// 0..99: the ranges decide everything but the length, tested once (99 <u len).
// asm: ^cmp r\w+, 99$
export function fill(a: Uint8Array): void {
  for (let i: i32 = 0; i < 100; i++) a[i] = 1;
}
