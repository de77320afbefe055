// Inline asm (docs/language.md §11): the template reaches the output with
// the allocated registers, explicit registers are set up around it, pure
// asm with unused outputs disappears, and clobbered callee-saved registers
// are saved.

// asm: ^add rdi, rsi$
// asm-not: \[rbp
export function add(a: u64, b: u64): u64 {
  let x = a;
  asm('add {x}, {b}', asm.inout('reg', x), asm.in('reg', b));
  return x;
}

// asm: ^mov rcx, rdi$
// asm: ^rol rcx, 7$
// asm: ^mov rax, rcx$
export function rotate(v: u64): u64 {
  let r: u64 = 0;
  asm('rol rcx, 7', asm.inout('rcx', v, r));
  return r;
}

// The modifier and the type pick the width.
// asm: ^movzx e\w+, (\w+l|r\d+b)$
// asm: ^mov ax, di$
export function widths(v: u8): u32 {
  const x = asm<u32>('movzx {result}, {v}', asm.out('reg'), asm.in('reg', v));
  const y = asm<u16>('mov {result:x}, {v:x}', asm.lateout('rax'), asm.in('rdi', v));
  return x + u32(y);
}

// A pure asm whose output nothing uses is removed; without pure it stays.
// asm-not: popcnt
// asm: ^lfence$
export function pureUnused(v: u64): void {
  const n = asm<u64>('popcnt {result}, {v}', asm.out('reg'), asm.in('reg', v), asm.options('pure', 'nomem'));
  asm('lfence');
}

// A clobbered callee-saved register is pushed and popped.
// asm: ^push rbx$
// asm: ^pop rbx$
export function clobbersRbx(): void {
  asm('xor ebx, ebx', asm.clobber('rbx'));
}
