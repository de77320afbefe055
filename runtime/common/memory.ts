// memcpy, memset and memcmp for every target (docs/language.md §7.1),
// written in tskc. Copies and fills are `rep movsq` / `rep stosq` for the
// whole 8-byte words, then `rep movsb` / `rep stosb` for the last 0–7 bytes,
// through inline asm (a few bytes of code; fast on every x86-64, and an
// eighth of the iterations of a byte-wise `rep` on CPUs without ERMSB and
// under QEMU's instruction counting); memcmp compares 8 bytes at a time,
// then byte by byte.

/** Copies n bytes from src to dst; the ranges must not overlap. */
export function memcpy(dst: usize, src: usize, n: usize): void {
  asm('mov rdx, rcx', 'shr rcx, 3', 'rep movsq', 'mov ecx, edx', 'and ecx, 7', 'rep movsb',
    asm.in('rdi', dst), asm.in('rsi', src), asm.in('rcx', n),
    asm.clobber('rdi', 'rsi', 'rcx', 'rdx'), asm.options('nostack'));
}

/** Sets the n bytes at dst to value. */
export function memset(dst: usize, value: u8, n: usize): void {
  const word = u64(value) * 0x0101_0101_0101_0101; // the byte in all eight lanes
  asm('mov rdx, rcx', 'shr rcx, 3', 'rep stosq', 'mov ecx, edx', 'and ecx, 7', 'rep stosb',
    asm.in('rdi', dst), asm.in('rax', word), asm.in('rcx', n),
    asm.clobber('rdi', 'rcx', 'rdx'), asm.options('nostack'));
}

/** The bytes of v in reverse order: memory order becomes numeric order. */
function bswap(v: u64): u64 {
  let x = v;
  asm('bswap {x}', asm.inout('reg', x), asm.options('pure', 'nomem', 'nostack', 'preserves_flags'));
  return x;
}

/** -1, 0 or 1 as the first differing byte of a is below or above b's, or none differs. */
export function memcmp(a: usize, b: usize, n: usize): i32 {
  let i: usize = 0;
  for (; i + 8 <= n; i += 8) {
    const x = load<u64>(a + i);
    const y = load<u64>(b + i);
    if (x != y) return bswap(x) < bswap(y) ? -1 : 1;
  }
  for (; i < n; i++) {
    const x = load<u8>(a + i);
    const y = load<u8>(b + i);
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}
