// memcpy and memset (runtime/common/memory.ts) are one `rep movsb` /
// `rep stosb` through inline asm, on the kernel target too; memcmp's word
// loop byte-swaps with an inlined `bswap` asm; user code calls them.
// target: kernel

// func: tskc.memcpy
// asm: ^rep movsb$
// asm-not: \bcall\b
// asm-not: ^j

// func: tskc.memset
// asm: ^rep stosb$
// asm: ^mov rax, rsi$
// asm-not: \bcall\b

// func: tskc.bswap
// asm: ^bswap r\w+$

// asm: ^call \$tskc\.memcpy$
// asm: ^call \$tskc\.memset$
export function clear(dst: usize, src: usize): void {
  memcpy(dst, src, 64);
  memset(src, 0, 64);
}
