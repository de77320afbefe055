// Random assembly in the forms tskc writes, for checking the built-in
// assembler against nasm (identity.test.ts): every instruction family the
// backend and the stubs use, with operands at the encoding boundaries
// (registers that need REX, rsp/rbp/r12/r13 bases, displacements and
// immediates at the edges of 8 and 32 bits), rip-relative references to
// labels in other sections, and jumps over random distances so that both
// short and near forms, and their interplay, are exercised.
import { mulberry32 } from '../fuzz/generator.js';

const GP: Record<number, string[]> = {
  8: ['rax', 'rcx', 'rdx', 'rbx', 'rsp', 'rbp', 'rsi', 'rdi', 'r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15'],
  4: ['eax', 'ecx', 'edx', 'ebx', 'esp', 'ebp', 'esi', 'edi', 'r8d', 'r9d', 'r10d', 'r11d', 'r12d', 'r13d', 'r14d', 'r15d'],
  2: ['ax', 'cx', 'dx', 'bx', 'sp', 'bp', 'si', 'di', 'r8w', 'r9w', 'r10w', 'r11w', 'r12w', 'r13w', 'r14w', 'r15w'],
  1: ['al', 'cl', 'dl', 'bl', 'spl', 'bpl', 'sil', 'dil', 'r8b', 'r9b', 'r10b', 'r11b', 'r12b', 'r13b', 'r14b', 'r15b'],
};
const SIZE: Record<number, string> = { 1: 'byte', 2: 'word', 4: 'dword', 8: 'qword' };
const DISPS = [0, 1, -1, 8, 127, 128, -128, -129, 255, 4096, -70000, 0x7fffffff];
const IMMS = [0n, 1n, 2n, -1n, 3n, 127n, 128n, -128n, -129n, 255n, 256n, 32767n, 65535n, -32768n, 0x7fffffffn, -0x80000000n, 0xffffffffn, 0x123456789n, -0x123456789n, 0xffffffffffffffffn];
const CCS = ['e', 'ne', 'l', 'le', 'g', 'ge', 'b', 'be', 'a', 'ae', 'p', 'np', 's', 'ns'];

/** Whether v is a valid immediate for width w (as nasm takes it without a warning): signed or unsigned w bits. */
function fitsWidth(v: bigint, w: number, signedOnly: boolean): boolean {
  const bits = BigInt(Math.min(w, 4) * 8);
  const lo = -(1n << (bits - 1n));
  const hi = signedOnly && w === 8 ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
  return v >= lo && v <= hi;
}

export function generateForms(seed: number, count: number): string {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const reg = (w: number): string => pick(GP[w]);
  const mem = (w: number | null): string => {
    const size = w ? `${SIZE[w] ?? 'oword'} ` : '';
    if (rnd() < 0.2) return `${size}[rel $data${Math.floor(rnd() * 4)} + ${Math.floor(rnd() * 16)}]`;
    const parts: string[] = [];
    const base = rnd() < 0.85 ? reg(8) : null;
    if (base) parts.push(base);
    if (rnd() < 0.4 || !base) parts.push(`${pick(GP[8].filter((r) => r !== 'rsp'))}*${pick([1, 2, 4, 8])}`);
    const d = pick(DISPS);
    let addr = parts.join(' + ');
    if (d > 0) addr += ` + ${d}`;
    if (d < 0) addr += ` - ${-d}`;
    return `${size}[${addr}]`;
  };
  const imm = (w: number, signedOnly = true): string => pick(IMMS.filter((v) => fitsWidth(v, w, signedOnly))).toString();
  const width = (): number => pick([1, 2, 4, 8, 4, 8]);
  const xmm = (): string => `xmm${Math.floor(rnd() * 16)}`;
  const lines: string[] = [];
  let labels = 0;
  const forms: (() => string)[] = [
    () => { const w = width(); return `mov ${reg(w)}, ${reg(w)}`; },
    () => { const w = width(); return `mov ${reg(w)}, ${mem(w)}`; },
    () => { const w = width(); return `mov ${mem(w)}, ${reg(w)}`; },
    () => { const w = width(); return `mov ${reg(w)}, ${w === 8 ? pick(IMMS).toString() : imm(w, false)}`; },
    () => { const w = width(); return `mov ${mem(w)}, ${imm(w)}`; },
    () => { const w = width(); const op = pick(['add', 'sub', 'and', 'or', 'xor', 'cmp']); return `${op} ${reg(w)}, ${reg(w)}`; },
    () => { const w = width(); const op = pick(['add', 'sub', 'and', 'or', 'xor', 'cmp']); return `${op} ${reg(w)}, ${mem(w)}`; },
    () => { const w = width(); const op = pick(['add', 'sub', 'and', 'or', 'xor', 'cmp']); return `${op} ${mem(w)}, ${reg(w)}`; },
    () => { const w = width(); const op = pick(['add', 'sub', 'and', 'or', 'xor', 'cmp']); return `${op} ${rnd() < 0.5 ? reg(w) : mem(w)}, ${imm(w)}`; },
    () => { const w = width(); return `test ${rnd() < 0.5 ? reg(w) : mem(w)}, ${rnd() < 0.5 ? reg(w) : imm(w)}`; },
    () => { const w = width(); return `${pick(['shl', 'shr', 'sar'])} ${rnd() < 0.7 ? reg(w) : mem(w)}, ${pick(['cl', '1', '3', '63'.slice(0, w === 8 ? 2 : 1)])}`; },
    () => { const w = width(); return `${pick(['neg', 'not', 'mul', 'div', 'idiv', 'imul'])} ${rnd() < 0.7 ? reg(w) : mem(w)}`; },
    () => { const w = pick([2, 4, 8]); return `imul ${reg(w)}, ${rnd() < 0.6 ? reg(w) : mem(w)}`; },
    () => { const w = pick([2, 4, 8]); return `imul ${reg(w)}, ${rnd() < 0.6 ? reg(w) : mem(w)}, ${imm(w)}`; },
    () => { const w = pick([2, 4, 8]); const s = pick([1, 2].filter((x) => x < w)); return `${pick(['movzx', 'movsx'])} ${reg(w)}, ${rnd() < 0.5 ? reg(s) : mem(s)}`; },
    () => `movsxd ${reg(8)}, ${rnd() < 0.5 ? reg(4) : mem(4)}`,
    () => `lea ${reg(pick([4, 8]))}, ${mem(null)}`,
    () => `set${pick(CCS)} ${rnd() < 0.7 ? reg(1) : mem(1)}`,
    () => { const w = pick([2, 4, 8]); return `cmov${pick(CCS)} ${reg(w)}, ${rnd() < 0.6 ? reg(w) : mem(w)}`; },
    () => `${pick(['push', 'pop'])} ${reg(8)}`,
    () => `push ${rnd() < 0.5 ? imm(8) : mem(8)}`,
    () => `bswap ${reg(pick([4, 8]))}`,
    () => `call ${rnd() < 0.5 ? reg(8) : mem(8)}`,
    () => `jmp qword [${reg(8)} + ${pick(GP[8].filter((r) => r !== 'rsp'))}*8]`,
    () => pick(['ret', 'ud2', 'syscall', 'cqo', 'cdq', 'hlt', 'cli', 'sti', 'pause', 'int3', 'swapgs', 'mfence', 'pushfq', 'popfq', 'rdtsc', 'cpuid', 'rep insb', 'rep outsw', 'rep insd', 'iretq']),
    () => `${pick(['addsd', 'subsd', 'mulsd', 'divsd', 'sqrtsd', 'addss', 'mulss', 'ucomisd', 'ucomiss', 'cvtss2sd', 'cvtsd2ss'])} ${xmm()}, ${rnd() < 0.5 ? xmm() : mem(null)}`,
    () => `xorps ${xmm()}, ${rnd() < 0.5 ? xmm() : mem(16)}`,
    () => pick([`movsd ${xmm()}, ${mem(8)}`, `movsd ${mem(8)}, ${xmm()}`, `movss ${xmm()}, ${mem(4)}`, `movss ${mem(4)}, ${xmm()}`, `movaps ${xmm()}, ${xmm()}`]),
    () => pick([`cvtsi2sd ${xmm()}, ${reg(pick([4, 8]))}`, `cvtsi2ss ${xmm()}, ${mem(pick([4, 8]))}`, `cvttsd2si ${reg(pick([4, 8]))}, ${xmm()}`, `cvttss2si ${reg(pick([4, 8]))}, ${mem(4)}`]),
    () => pick([`movq ${xmm()}, ${reg(8)}`, `movq ${reg(8)}, ${xmm()}`, `movd ${xmm()}, ${reg(4)}`, `movd ${reg(4)}, ${xmm()}`, `movq ${xmm()}, ${mem(8)}`, `movq ${mem(8)}, ${xmm()}`]),
    () => pick(['in al, dx', 'in eax, dx', 'in ax, dx', 'out dx, al', 'out dx, eax', 'out dx, ax', 'mov rax, cr3', 'mov cr3, rdi', 'mov cr0, rax']),
    () => `${pick(['lgdt', 'lidt', 'invlpg'])} [${reg(8)}]`,
  ];
  lines.push('bits 64', 'default rel', 'extern $ext1', 'extern $ext2', 'section .rodata progbits alloc noexec nowrite align=16');
  for (let k = 0; k < 4; k++) lines.push(`$data${k}:`, `    dq ${k}, 0`);
  lines.push('section .text progbits alloc exec nowrite align=16', 'global $f:function ($f.end - $f)', '$f:');
  for (let i = 0; i < count; i++) {
    const r = rnd();
    if (r < 0.08) lines.push(`.L${labels++}:`);
    else if (r < 0.16 && labels > 0) lines.push(`    ${pick(['jmp', ...CCS.map((c) => `j${c}`)])} .L${Math.floor(rnd() * (labels + 3))}`);
    else if (r < 0.17) lines.push('align 16');
    else if (r < 0.18) lines.push(`    call $f`);
    else if (r < 0.19) lines.push(pick(['    call $ext1', '    jmp $ext2', `    mov ${reg(8)}, [rel $ext2 + 8]`, `    mov dword [rel $ext1], ${imm(4)}`]));
    else lines.push(`    ${pick(forms)()}`);
  }
  // Labels jumped to but not yet defined come last, after a stretch of code.
  for (let k = labels; k < labels + 3; k++) lines.push(`.L${k}:`, `    ${pick(forms)()}`);
  lines.push('.end:', 'section .data progbits alloc noexec write align=16', 'align 8, db 0', '$table:', '    dq $f.L0, $f, $data1', '    dd $f.end - $f',
    'section .mysec progbits alloc noexec write align=16', 'global $d:data 16', '$d:', '    dq $ext2, $f', 'section .bss nobits alloc noexec write align=4096', 'alignb 4096', 'global $b:data 4096', '$b:', '    resb 4096');
  return lines.join('\n') + '\n';
}
