// Addressing modes (compiler/x86/isel-addr.ts): an element's address folds
// into the memory operand of every access that uses it, in its own block
// or, when its leaves are defined once, in later blocks; no lea, add or
// imul computes it.

// A load and a store of one element, in the same block (one add on memory,
// compiler/x86/rmw.ts).
// asm: ^add dword \[r\w+ \+ r\w+\*4 \+ 8\], 3$
// asm-not: \bimul\b
// asm-not: ^lea r\w+, \[r\w+ \+ 8\]$
export function bump(a: Int32Array, i: i32): void {
  a[i] = a[i] + 3;
}

// A swap: each element read in one block and written in another (the
// second bounds check splits them).
// asm: ^mov e\w+, dword \[r\w+ \+ r\w+\*4 \+ 8\]$
// asm: ^mov dword \[r\w+ \+ r\w+\*4 \+ 8\], e\w+$
// asm-not: \bimul\b
// asm-not: ^add r\w+, r\w+$
export function swap(a: Int32Array, i: i32, j: i32): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

// A loop's counter is redefined at the latch: the load in the loop still
// folds (same block), nothing is read through a stale address.
// asm: ^mov \w+, dword \[r\w+ \+ r\w+\*4 \+ 8\]$
export function total(a: Int32Array): i32 {
  let s: i32 = 0;
  for (let i: i32 = 0; i < a.length; i++) s += a[i];
  return s;
}
