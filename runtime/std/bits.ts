// Bit scans for the library (docs/library.md): one instruction each through
// inline asm (docs/language.md §11), on every target.

/** The index of the lowest set bit of x, which must not be 0 (`bsf`). */
export function lowestBit(x: u64): i32 {
  return i32(asm<u64>('bsf {result}, {x}', asm.out('reg'), asm.in('reg', x), asm.options('pure', 'nomem', 'nostack')));
}

/** The number of set bits of x (a SWAR count: popcnt needs a CPU feature check). */
export function bitCount(x: u64): i32 {
  let v = x - ((x >> 1) & 0x5555555555555555);
  v = (v & 0x3333333333333333) + ((v >> 2) & 0x3333333333333333);
  v = (v + (v >> 4)) & 0x0f0f0f0f0f0f0f0f;
  return i32((v * 0x0101010101010101) >> 56);
}
