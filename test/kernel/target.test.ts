// The kernel target's promises (docs/language.md §12.4), checked on real
// output: the kernel (kernel/main.ts) and the kernel-target test programs
// compiled to objects. No SSE or x87 register anywhere, nothing stored or
// read below rsp (no red zone), a frame pointer in every tskc function, and
// only relocations that keep working when the kernel moves to the higher
// half (RIP-relative, 64-bit absolute or sign-extended 32-bit; never a
// zero-extended 32-bit absolute address).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { compile } from '../../compiler/driver/pipeline.js';
import { repoRoot } from '../../compiler/frontend/program.js';
import { functionBodies } from '../intrinsics/asmcheck.js';
import { scratch } from '../compiler/programs.js';

const root = repoRoot();
const PROGRAMS = ['kernel/main.ts', 'test/interrupts/fixtures/exceptions.ts', 'test/intrinsics/kernel-intrinsics.ts', 'test/attributes/placement.ts'];

/** Functions tagged `@naked` in the kernel's sources and the test programs: they have no prologue by design. */
const NAKED = new Set(
  [...readdirSync(join(root, 'kernel'), { recursive: true }).map((f) => join('kernel', String(f))), ...PROGRAMS]
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => [...readFileSync(join(root, f), 'utf8').matchAll(/@naked\b[^\n]*\n?\s*\*\/\s*(?:export\s+)?function\s+(\w+)/g)].map((m) => m[1]!)),
);

/** Relocation types that survive linking the kernel at 0xffffffff80000000 and above. */
const HIGHER_HALF_SAFE = new Set(['R_X86_64_PC32', 'R_X86_64_PLT32', 'R_X86_64_64', 'R_X86_64_32S', 'R_X86_64_PC64']);

describe.each(PROGRAMS)('kernel target output of %s', (program) => {
  const dir = scratch();
  const obj = join(dir, 'k.o');
  compile({ entries: [join(root, program)], target: 'kernel', emit: 'obj', output: obj, debug: false });
  const asm = readFileSync(join(dir, 'k.asm'), 'utf8');
  const dis = spawnSync('objdump', ['-d', '-M', 'intel', '--no-show-raw-insn', obj], { encoding: 'utf8', maxBuffer: 64 << 20 }).stdout;
  const insns = dis.split('\n').filter((l) => /^\s+[0-9a-f]+:\s/.test(l)).map((l) => l.replace(/^\s+[0-9a-f]+:\s+/, ''));

  it('uses no SSE, AVX or x87 register or instruction', () => {
    expect(insns.length).toBeGreaterThan(50);
    // fxsave64/fxrstor64 save and restore a user process's FPU state on a context switch
    // (kernel/proc/switch.ts fpuSave and fpuRestore, @naked): the kernel itself never uses it.
    const bad = insns.filter((l) => /\b[xyz]mm\d+\b|\bst\(\d\)|\bst\b|^f\w+\s|\b(movs[sd]|cvt\w+|ucomis[sd]|movap[sd]|movq|movd|fxsave|fxrstor|emms)\b/.test(l))
      .filter((l) => !/^fx(save|rstor)64 \[rdi\]$/.test(l));
    expect(bad).toEqual([]);
    const fpuFunctions = [...functionBodies(asm)].filter(([, body]) => body.some((l) => /^fx(save|rstor)64\b/.test(l))).map(([n]) => n);
    expect(fpuFunctions.every((n) => /^fpu(Save|Restore)$|\.fpu(Save|Restore)$/.test(n)), fpuFunctions.join()).toBe(true);
  });

  it('never touches memory below rsp (no red zone)', () => {
    const below = insns.filter((l) => /\[rsp\s*-/.test(l));
    expect(below).toEqual([]);
  });

  it('keeps a frame pointer in every tskc function', () => {
    const stubs = new Set([...asm.matchAll(/call \$(\S+)\.handler/g)].map((m) => m[1]));
    for (const [name, body] of functionBodies(asm)) {
      if (name === '_start' || stubs.has(name) || NAKED.has(name)) continue; // entry stub; interrupt stubs (iretq frames); @naked
      expect(body.slice(0, 2), name).toEqual(['push rbp', 'mov rbp, rsp']);
    }
  });

  it('addresses code and data RIP-relative or with 64-bit absolutes only', () => {
    const relocs = spawnSync('objdump', ['-r', obj], { encoding: 'utf8' }).stdout
      .split('\n').map((l) => /^[0-9a-f]+\s+(R_X86_64_\w+)\s/.exec(l)?.[1]).filter((t): t is string => !!t);
    expect(relocs.length).toBeGreaterThan(10);
    expect(relocs.filter((t) => !HIGHER_HALF_SAFE.has(t))).toEqual([]);
  });
});
