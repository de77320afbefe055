// Read-modify-write fusion (compiler/x86/rmw.ts): a load, one arithmetic
// step and a store back to the same place are one instruction on memory.

class Counter {
  hits: i32 = 0;
  total: i64 = 0;
  mask: u32 = 0;
}

// asm: ^add dword \[r\w+\], 1$
// asm: ^add qword \[r\w+ \+ 8\], r\w+$
// asm: ^or dword \[r\w+ \+ 16\], 4$
// asm-not: ^mov32z
// asm-not: ^lea
/** @noinline */
function record(c: Counter, n: i64): void {
  c.hits++;
  c.total += n;
  c.mask |= 4;
}

const c = new Counter();
record(c, 5);
record(c, 7);
console.log(c.hits, c.total, c.mask);
