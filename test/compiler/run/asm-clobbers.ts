// Values live across inline asm that clobbers registers come out intact
// (docs/language.md §11.3): the register allocator keeps them out of the
// clobbered registers or saves them, and callee-saved registers the asm
// clobbers are saved by the function's prologue.
// node: skip (Node cannot run x86 assembly)

// Fourteen values live across an asm that overwrites every caller-saved
// general register (and all xmm registers): clobberAbi('sysv').
function acrossAbi(seed: i64): i64 {
  const a = seed * 3, b = seed + 11, c = seed ^ 0x55, d = seed - 7, e = seed * seed;
  const f = seed << 3, g = seed + 100, h = seed * 17, i = seed - 1000, j = seed | 0x100;
  const k = seed * 5 + 1, l = seed ^ 0xff00, m = seed + 77, n = seed * 9;
  asm(`mov rax, -1
mov rcx, -1
mov rdx, -1
mov rsi, -1
mov rdi, -1
mov r8, -1
mov r9, -1
mov r10, -1
mov r11, -1
pcmpeqd xmm0, xmm0
pcmpeqd xmm7, xmm7
pcmpeqd xmm15, xmm15`, asm.clobberAbi('sysv'));
  return a + b + c + d + e + f + g + h + i + j + k + l + m + n;
}
function acrossAbiExpected(seed: i64): i64 {
  return seed * 3 + (seed + 11) + (seed ^ 0x55) + (seed - 7) + seed * seed + (seed << 3) + (seed + 100) + seed * 17 +
    (seed - 1000) + (seed | 0x100) + (seed * 5 + 1) + (seed ^ 0xff00) + (seed + 77) + seed * 9;
}
console.log(acrossAbi(12345) === acrossAbiExpected(12345), acrossAbi(-3) === acrossAbiExpected(-3));
//= true true

// An asm that clobbers every allocatable general register explicitly,
// callee-saved ones included: values survive (in memory), and the caller's
// rbx, r12–r15 survive too (the prologue saves them).
function everything(x: i64): i64 {
  const a = x + 1, b = x + 2, c = x + 3;
  asm(`xor eax, eax
xor ebx, ebx
xor ecx, ecx
xor edx, edx
xor esi, esi
xor edi, edi
xor r8d, r8d
xor r9d, r9d
xor r10d, r10d
xor r11d, r11d
xor r12d, r12d
xor r13d, r13d
xor r14d, r14d
xor r15d, r15d`, asm.clobber('rax', 'rbx', 'rcx', 'rdx', 'rsi', 'rdi', 'r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15'));
  return a * 100 + b * 10 + c;
}
// Many values live in callee-saved registers in the caller, across the call.
function caller(x: i64): i64 {
  const p = x * 2, q = x * 3, r = x * 4, s = x * 5, t = x * 6, u = x * 7;
  const got = everything(x);
  return got + p + q + r + s + t + u;
}
console.log(everything(0), caller(1), caller(1) === 100 * 2 + 10 * 3 + 4 + 27);
//= 123 261 true

// In a loop: values live around an asm with explicit operands and clobbers.
function loop(n: i32): u64 {
  let total: u64 = 0;
  let k: u64 = 1;
  const bias: u64 = 1000;
  for (let i: i32 = 0; i < n; i++) {
    let v: u64 = 0;
    asm('mov rdx, {k}\nimul rdx, rdx\nmov {v}, rdx\nmov r11, 5', asm.out('reg', v), asm.in('reg', k), asm.clobber('rdx', 'r11'));
    total += v + bias;
    k++;
  }
  return total;
}
console.log(loop(10));
//= 10385

// Explicit inputs in r10 and r11 (the allocator's spill scratch registers).
function scratch(a: u64, b: u64): u64 {
  return asm<u64>('mov rax, r10\nadd rax, r11', asm.out('rax'), asm.in('r10', a), asm.in('r11', b));
}
console.log(scratch(30, 12));
//= 42
