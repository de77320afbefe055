// The built-in assembler (compiler/asm/) against nasm, byte for byte: the
// whole object file (sections, symbols, relocations, headers) it writes for
// every user program, for a batch of fuzz programs (test/fuzz/generator.ts)
// and for random instructions in every form tskc emits (forms.ts) must be
// the file `nasm -f elf64` writes from the same text. With -g (a sample of
// the user programs built with DWARF line information, and the kernel), the program
// sections, symbols and relocations must be nasm's (objects.ts) and the
// decoded line table the one nasm writes. nasm stays the reference here;
// the build uses the built-in assembler by default (docs/performance.md,
// "The built-in assembler").
import { execa } from 'execa';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { assembleText, AsmUnsupported } from '../../compiler/asm/assemble.js';
import { assembleBuiltin } from '../../compiler/driver/assembler.js';
import { userProgramSources } from '../../compiler/image/userland.js';
import { generateProgram, programSeed } from '../fuzz/generator.js';
import { scratch } from '../compiler/programs.js';
import { hangLimit } from '../harness/timing.js';
import { generateForms } from './forms.js';
import { summarize } from './objects.js';
import { lineRows } from './lines.js';

const ROOT = join(import.meta.dirname, '..', '..');
const PIPELINE = pathToFileURL(join(ROOT, 'dist', 'compiler', 'driver', 'pipeline.js')).href;

// The assembly is written by the built compiler in a child process (as test/userland/each.test.ts does).
const SCRIPT = `
const { compile, compileEach } = await import(process.argv[1]);
const [programs, fuzz, debugPrograms, kernel] = JSON.parse(process.argv[2]);
compileEach({ programs, target: 'user', emit: 'asm', debug: false });
compile({ entries: [fuzz.entry], output: fuzz.output, target: 'linux', emit: 'asm', debug: false });
compileEach({ programs: debugPrograms, target: 'user', emit: 'asm', debug: true });
compile({ entries: [kernel.entry], output: kernel.output, target: 'kernel', emit: 'asm', debug: true });
`;

/** nasm's object for `asmPath`, and the built-in assembler's, from the same path (the FILE symbol). */
function both(asmPath: string): [Uint8Array, Uint8Array] {
  const ref = asmPath.replace(/\.asm$/, '.nasm.o');
  const r = spawnSync('nasm', ['-f', 'elf64', '-Werror=all', '-o', ref, asmPath], { encoding: 'utf8' });
  expect(r.stderr + (r.error?.message ?? ''), 'nasm').toBe('');
  return [new Uint8Array(readFileSync(ref)), assembleText(readFileSync(asmPath, 'utf8'), asmPath)];
}

/** With -g: nasm's object and the built-in one's, both written to files (objdump reads them). */
function bothDebug(asmPath: string): [string, string] {
  const ref = asmPath.replace(/\.asm$/, '.nasm.o');
  const mine = asmPath.replace(/\.asm$/, '.builtin.o');
  const r = spawnSync('nasm', ['-f', 'elf64', '-g', '-F', 'dwarf', '-Werror=all', '-o', ref, asmPath], { encoding: 'utf8' });
  expect(r.stderr + (r.error?.message ?? ''), 'nasm').toBe('');
  writeFileSync(mine, assembleText(readFileSync(asmPath, 'utf8'), asmPath, { debug: true }));
  return [ref, mine];
}

/** Program sections, symbols, relocations and the decoded line table of nasm's -g object and the built-in one's. */
function expectSameDebugObject(asmPath: string): void {
  const [ref, mine] = bothDebug(asmPath);
  const a = summarize(readFileSync(ref)), b = summarize(readFileSync(mine));
  expect([...b.sections.keys()]).toEqual([...a.sections.keys()]);
  for (const [name, body] of a.sections) expect(firstTextDifference(body, b.sections.get(name)!), name).toBe(-1);
  expect(b.symbols).toEqual(a.symbols);
  expect(b.relocations).toEqual(a.relocations);
  // nasm's table read with its one-byte file operand, the built-in one's as DWARF says (lines.ts).
  const la = lineRows(readFileSync(ref), true), lb = lineRows(readFileSync(mine), false);
  expect(la.length).toBeGreaterThan(10);
  const at = la.findIndex((r, i) => r.address !== lb[i]?.address || r.file !== lb[i].file || r.line !== lb[i].line);
  expect(at === -1 ? 'same' : { at, nasm: la[at], builtin: lb[at] }).toBe('same');
  expect(lb.length).toBe(la.length);
}

function firstTextDifference(a: string, b: string): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) return i;
  return -1;
}

/** The first differing byte offset, or -1 (a readable failure instead of two huge arrays). */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) return i;
  return -1;
}

describe('the built-in assembler writes what nasm writes', () => {
  const dir = scratch();
  const programs = userProgramSources(ROOT).map((p) => ({ entry: p.source, output: join(dir, `${p.name}.asm`) }));
  const fuzz = { entry: join(dir, 'fuzz.ts'), output: join(dir, 'fuzz.asm') };
  // With -g, a few programs (the largest, and small ones): the whole -g kernel below covers the rest of the forms.
  const DEBUG_SAMPLE = ['shell', 'hostile', 'torture', 'hello'];
  const debugPrograms = programs
    .filter((p) => DEBUG_SAMPLE.some((n) => p.output.endsWith(`/${n}.asm`)))
    .map((p) => ({ entry: p.entry, output: p.output.replace(/\.asm$/, '.g.asm') }));
  const kernel = { entry: join(ROOT, 'kernel', 'main.ts'), output: join(dir, 'kernel.asm') };

  beforeAll(async () => {
    const seeds = Array.from({ length: 40 }, (_, k) => programSeed(4242, k));
    writeFileSync(fuzz.entry, seeds.map((s, k) => generateProgram(s, `p${k}`)).join('\n'));
    await execa(process.execPath, ['--input-type=module', '-e', SCRIPT, PIPELINE, JSON.stringify([programs, fuzz, debugPrograms, kernel])], { cwd: ROOT });
  }, hangLimit(900_000));

  it('covers every user program', () => {
    expect(programs.length).toBeGreaterThan(40);
    expect(debugPrograms).toHaveLength(DEBUG_SAMPLE.length);
  });

  for (const p of programs) {
    it(`user program ${p.output.replace(/.*\//, '')}`, () => {
      const [ref, mine] = both(p.output);
      expect(firstDifference(ref, mine)).toBe(-1);
    }, hangLimit(60_000));
  }

  for (const p of debugPrograms) {
    it(`user program ${p.output.replace(/.*\//, '')} with DWARF line information`, () => expectSameDebugObject(p.output), hangLimit(60_000));
  }

  it('the kernel (built with -g, inline asm included): its code, data, symbols, relocations and line table', () => {
    expectSameDebugObject(kernel.output);
  }, hangLimit(300_000));

  it('a batch of 40 fuzz programs', () => {
    const [ref, mine] = both(fuzz.output);
    expect(firstDifference(ref, mine)).toBe(-1);
  }, hangLimit(60_000));

  for (let seed = 1; seed <= 12; seed++) {
    it(`random instructions in tskc's forms, seed ${seed}`, () => {
      const file = join(dir, `forms${seed}.asm`);
      writeFileSync(file, generateForms(seed, 4000));
      const [ref, mine] = both(file);
      expect(firstDifference(ref, mine)).toBe(-1);
    }, hangLimit(60_000));
  }
});

describe("the kernel's inline asm forms", () => {
  it('encodes them as nasm does: %rep/%assign, segment registers, xchg, bit tests, fxsave64, o64 sysret, repe scasq', () => {
    const dir = scratch();
    const file = join(dir, 'kernelforms.asm');
    writeFileSync(file, [
      'bits 64', 'default rel', 'section .text progbits alloc exec nowrite align=16', 'start:',
      '    mov ds, ax', '    mov es, ax', '    mov ss, ax', '    mov fs, ax', '    mov gs, ax', '    mov ds, r9d',
      '    xchg rax, qword [rdi]', '    xchg rcx, [rel word1]', '    xchg [rsi + 8], r10', '    xchg eax, dword [rbx]', '    xchg rdx, [rcx]',
      '    repe scasq', '    repne scasb', '    rep lodsb', '    o64 sysret', '    fxsave64 [rdi]', '    fxrstor64 [r12 + 16]', '    fxsave [rax]',
      '    bt qword [rel word1], rax', '    bt rax, 3', '    bts rcx, rdx', '    btr dword [rbx], 31', '    btc r11, r8',
      '    align 16', '    %assign v 30', '    %rep 100', '    push v', '    jmp qword [rel word1]', '    align 16, int3',
      '    %assign v v + 1', '    %endrep', '    ud2',
      'section .data progbits alloc noexec write align=8', 'word1: dq 0', '',
    ].join('\n'));
    const [ref, mine] = both(file);
    expect(firstDifference(ref, mine)).toBe(-1);
  });
});

describe('what the built-in assembler leaves to nasm', () => {
  const time = <T>(_: string, f: () => T): T => f();
  it('rejects text outside its subset with the line, so that nasm runs instead', () => {
    const text = 'bits 64\nsection .text progbits alloc exec nowrite align=16\n%macro m 0\nnop\n%endmacro\n';
    expect(() => assembleText(text, 'x.asm')).toThrow(AsmUnsupported);
    expect(() => assembleText(text, 'x.asm')).toThrow(/line 3 \(%macro m 0\)/);
    expect(() => assembleText('section .text\n    vaddpd ymm0, ymm1, ymm2\n', 'x.asm')).toThrow(AsmUnsupported);
    // Registers it does not encode must not read as symbols (`mov rax, cs` once became the address of a symbol `cs`).
    for (const r of ['cs', 'ss', 'ds', 'cr1', 'dr7', 'st0', 'mm1']) {
      expect(() => assembleText(`section .text\n    mov rax, ${r}\n`, 'x.asm'), r).toThrow(AsmUnsupported);
    }
    const obj = join(scratch(), 'x.o');
    expect(assembleBuiltin(text, 'x.asm', obj, { debug: false }, time)).toBe(false);
  });

  it('leaves --assembler nasm to nasm, and writes debug builds itself', () => {
    const text = 'bits 64\nsection .text progbits alloc exec nowrite align=16\n%line 3+0 y.ts\n    ret\n';
    const obj = join(scratch(), 'y.o');
    expect(assembleBuiltin(text, 'y.asm', obj, { debug: true }, time)).toBe(true);
    expect(lineRows(readFileSync(obj), false)[0]).toEqual({ address: 0, file: 'y.ts', line: 3 });
    expect(assembleBuiltin(text, 'y.asm', obj, { debug: false, assembler: 'nasm' }, time)).toBe(false);
    expect(assembleBuiltin(text, 'y.asm', obj, { debug: false }, time)).toBe(true);
    expect(readFileSync(obj).subarray(0, 4).toString('latin1')).toBe('\x7fELF');
  });
});
