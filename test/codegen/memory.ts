// memcpy and memset (runtime/common/memory.ts) are one `rep movsb` /
// `rep stosb` through inline asm, on the kernel target too; memcmp's word
// loop byte-swaps with an inlined `bswap` asm; small as they are, they are
// inlined into user code (its `rep` strings, no call).
// target: kernel

// func: tskc.memcpy
// asm: ^rep movsb$
// asm-not: \bcall\b
// asm-not: ^j

// func: tskc.memset
// asm: ^rep stosb$
// asm: ^mov (rax, rsi|eax, esi)$
// asm-not: \bcall\b

// func: tskc.bswap
// asm: ^bswap r\w+$

// asm: ^rep movsq$
// asm: ^rep stosq$
// asm-not: \bcall\b
export function clear(dst: usize, src: usize): void {
  memcpy(dst, src, 64);
  memset(src, 0, 64);
}
