// Loops (compiler/passes/rotate.ts, licm.ts): the test is at the bottom, so
// an iteration ends in one conditional jump back (`jl` while i < n) instead
// of a `jge` out at the top and a `jmp` back; a global array's address and
// length are loaded before the loop, not in it; a field that the loop's
// element stores cannot change is read once.

const flags = new Array<bool>(5000);

// asm: ^jl \.b
// asm-not: ^jge
export function sum(n: i32): i32 {
  let total: i32 = 0;
  for (let i: i32 = 0; i < n; i++) total += i * 3;
  return total;
}

// Only the element store is in the loop: no load of $flags or of its length after the loop's label.
// (Up to the length: a loop to another bound is two loops, passes/bcever.ts.)
// asm: ^mov byte \[r.. \+ r..\*1 \+ 8\], 1$
// asm: ^jl \.b
// asm-not: ^jmp
export function setAll(): void {
  for (let i: i32 = 0; i < flags.length; i++) flags[i] = true;
}

class Buffer {
  data: Uint8Array = new Uint8Array(64);
  used: i32 = 0;
}

// `b.data` and `b.used` are fields, the stores are u8 elements: one load of each.
// (Versioned, passes/bcever.ts: two rotated copies of the loop, jumps between them.)
// asm: ^mov byte \[
// asm: ^jl \.b
// asm-not: ^jge
export function clear(b: Buffer): void {
  for (let i: i32 = 0; i < b.used; i++) b.data[i] = 0;
}
