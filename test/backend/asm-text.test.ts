// Checks on the emitted assembly text: the kernel target's constraints
// (no SSE, nothing stored below rsp, the boot stub), debug line info and
// the line map, and the shape of functions and jumps.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseModule } from '../../compiler/ir/parse.js';
import { generateAsm, printMir } from '../../compiler/x86/backend.js';
import { TARGETS } from '../../compiler/target/target.js';
import { PRELUDE } from './run.js';

/** A program with spills, stack arguments, port I/O and loops, for text checks. */
const KERNEL_IR = `init $kmain
${PRELUDE}
function l $many(l %a.0, l %b.1, l %c.2, l %d.3, l %e.4, l %f.5, l %g.6, l %h.7, l %i.8) {
@start.0
  %s.9 =l add %a.0, %i.8
  ret %s.9
}

function $kmain() {
@start.0
${Array.from({ length: 20 }, (_, k) => `  %v.${k + 1} =l mul ${k + 2}, ${k + 5}`).join('\n')}
  %r.30 =l call $many(%v.1, %v.2, %v.3, %v.4, %v.5, %v.6, %v.7, %v.8, %v.9)
${Array.from({ length: 20 }, (_, k) => `  %s.${k + 41} =l add ${k ? `%s.${k + 40}` : '%r.30'}, %v.${k + 1}`).join('\n')}
  outb 1016, 65
  outb 128, 66
  %in.70 =w inb 96
  %w.71 =w inw 1016
  %x.72 =w add %in.70, %w.71
  outw 1016, %x.72
  outl 3320, %x.72
  %l.73 =w inl 3324
  cli
  sti
  pause
  hlt
  call $print(%s.60)
  ret
}
`;

function assemble(text: string, debug: boolean): void {
  const dir = mkdtempSync(join(tmpdir(), 'tskc-asm-'));
  try {
    writeFileSync(join(dir, 'k.asm'), text);
    const r = spawnSync('nasm', ['-f', 'elf64', '-Werror=all', ...(debug ? ['-g', '-F', 'dwarf'] : []), '-o', join(dir, 'k.o'), join(dir, 'k.asm')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('kernel target assembly', () => {
  const { text } = generateAsm(parseModule(KERNEL_IR), { target: TARGETS.kernel, debug: false });

  it('assembles, and uses no SSE registers', () => {
    assemble(text, false);
    expect(text).not.toMatch(/xmm|ymm|movaps|movups/);
  });

  it('never addresses memory below rsp (no red zone)', () => {
    expect(text).not.toMatch(/\[rsp\s*-/);
    // Spill slots and locals are rbp-relative, within the reserved frame.
    expect(text).toMatch(/sub rsp, \d+/);
    expect(text).toMatch(/\[rbp - \d+\]/);
  });

  it('has the kernel entry stub with a boot stack and the boot info pointer', () => {
    expect(text).toMatch(/_start:\n {4}mov \[rel __tskc_boot_info\], rdi\n {4}lea rsp, \[rel __tskc_boot_stack_top\]\n {4}xor ebp, ebp\n {4}call \$kmain\n {4}cli\n\.halt:\n {4}hlt\n {4}jmp \.halt/);
    expect(text).toMatch(/__tskc_boot_stack:\n {4}resb 65536\n/);
    expect(text).toMatch(/section \.bss nobits alloc noexec write align=4096/);
  });

  it('emits port I/O with dx or an imm8 port', () => {
    expect(text).toMatch(/out dx, al/);
    expect(text).toMatch(/out 128, al/);
    expect(text).toMatch(/in al, 96/);
    expect(text).toMatch(/in ax, dx/);
    expect(text).toMatch(/out dx, ax/);
    expect(text).toMatch(/out dx, eax/);
    expect(text).toMatch(/in eax, dx/);
  });

  it('keeps frame pointers, and aligns stack arguments to 16 bytes', () => {
    for (const f of ['many', 'kmain', 'print']) {
      expect(text).toContain(`global $${f}:function ($${f}.end - $${f})\n$${f}:\n    push rbp\n    mov rbp, rsp\n`);
    }
    // 3 stack arguments: 8 bytes of padding, 3 pushes, then 32 bytes released.
    expect(text).toMatch(/sub rsp, 8\n(.*\n){0,2}?\s+push [^\n]+\n\s+push [^\n]+\n\s+push [^\n]+\n/);
    expect(text).toMatch(/call \$many\n\s+add rsp, 32\n/);
  });
});

describe('process target assembly', () => {
  it('starts with bits 64 and default rel, and has the process entry stub', () => {
    const { text } = generateAsm(parseModule(`init $main\nfunction $main() {\n@s.0\n  ret\n}\n`), { target: TARGETS.linux, debug: false });
    expect(text).toMatch(/^; [^\n]*\nbits 64\ndefault rel\n/);
    expect(text).toMatch(/_start:\n {4}mov \[rel __tskc_process_sp\], rsp\n {4}xor ebp, ebp\n {4}and rsp, -16\n {4}call \$main\n {4}mov eax, 60\n {4}xor edi, edi\n {4}syscall\n/);
  });

  it('does not jump to the next block, and inverts a branch to fall through', () => {
    const { text } = generateAsm(parseModule(`init $main
function w $f(w %a.0) {
@s.0
  %c.1 =w csltw %a.0, 10
  jnz %c.1, @t.1, @e.2
@t.1
  ret 1
@e.2
  ret 2
}
`), { target: TARGETS.linux, debug: false });
    const f = text.slice(text.indexOf('\n$f:'));
    expect(f).toMatch(/cmp edi, 10\n\s+jge \.b2\n/);
    expect(f).not.toMatch(/jmp \.b1/);
  });

  it('emits %line directives with debug info and maps every line to its source', () => {
    const m = parseModule(KERNEL_IR);
    const main = m.funcs.find((f) => f.name === 'kmain')!;
    main.blocks[0].instrs.forEach((i, k) => { i.loc = { file: 'src/k.ts', line: 10 + Math.floor(k / 5), col: 3 }; });
    const out = generateAsm(m, { target: TARGETS.linux, debug: true });
    const lines = out.text.split('\n');
    expect(out.lineLocs.length).toBe(lines.length - 1);
    expect(out.text).toContain('%line 10+0 src/k.ts');
    expect(out.text).toContain('%line 13+0 src/k.ts');
    const idx = lines.findIndex((l) => l.includes('call $many'));
    expect(out.lineLocs[idx]?.file).toBe('src/k.ts');
    expect(out.lineLocs[lines.indexOf('bits 64')]).toBeNull();
    assemble(out.text, true);
    const plain = generateAsm(m, { target: TARGETS.linux, debug: false });
    expect(plain.text).not.toContain('%line');
  });

  it('prints machine IR after isel and after allocation', () => {
    const m = parseModule(`init $main\nfunction l $f(l %a.0) {\n@s.0\n  %b.1 =l add %a.0, 1\n  ret %b.1\n}\n`);
    const isel = printMir(m, 'isel');
    expect(isel).toMatch(/mov %v0, rdi/);
    expect(isel).toMatch(/lea %v1, qword \[%v0 \+ 1\]/);
    const ra = printMir(m, 'regalloc');
    expect(ra).not.toMatch(/%v/);
  });
});

describe('floating point and the kernel target', () => {
  const FLOAT_IR = `init $kmain
function d $half(d %a.0) {
@s.0
  %r.1 =d mul %a.0, d_0.5
  ret %r.1
}
function $kmain() {
@s.0
  %x.1 =d call $half(d_3)
  ret
}
`;
  it('refuses to generate kernel code that uses floats, naming the function', () => {
    expect(() => generateAsm(parseModule(FLOAT_IR), { target: TARGETS.kernel, debug: false })).toThrow(/\$half returns class d, but the kernel target has no floating point/);
    const castOnly = `init $k\nfunction l $k(l %a.0) {\n@s.0\n  %x.1 =d cast %a.0\n  %y.2 =l cast %x.1\n  ret %y.2\n}\n`;
    expect(() => generateAsm(parseModule(castOnly), { target: TARGETS.kernel, debug: false })).toThrow(/\$k uses floating point \(cast, class d\)/);
    const cmpOnly = `init $k\nfunction w $k() {\n@s.0\n  %c.1 =w cltd d_1, d_2\n  ret %c.1\n}\n`;
    expect(() => generateAsm(parseModule(cmpOnly), { target: TARGETS.kernel, debug: false })).toThrow(/floating point/);
  });

  it('generates SSE2 code for the process targets, with constants in .rodata', () => {
    for (const t of [TARGETS.linux, TARGETS.user]) {
      const { text } = generateAsm(parseModule(FLOAT_IR), { target: t, debug: false });
      expect(text).toMatch(/mulsd xmm0, qword \[rel \$__tskc_f64_3fe0000000000000\]/);
      expect(text).toMatch(/section \.rodata[^\n]*\nalign 8, db 0\n\$?__tskc_f64_3fe0000000000000:\n {4}dq 0x3fe0000000000000\n/);
      assemble(text, false);
    }
  });
});
