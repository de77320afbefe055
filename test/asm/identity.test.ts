// The built-in assembler (compiler/asm/) against nasm, byte for byte: the
// whole object file (sections, symbols, relocations, headers) it writes for
// every user program, for a batch of fuzz programs (test/fuzz/generator.ts)
// and for random instructions in every form tskc emits (forms.ts) must be
// the file `nasm -f elf64` writes from the same text. nasm stays the
// reference here; the build uses the built-in assembler by default
// (docs/performance.md, "The built-in assembler").
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

const ROOT = join(import.meta.dirname, '..', '..');
const PIPELINE = pathToFileURL(join(ROOT, 'dist', 'compiler', 'driver', 'pipeline.js')).href;

// The assembly is written by the built compiler in a child process (as test/userland/each.test.ts does).
const SCRIPT = `
const { compile, compileEach } = await import(process.argv[1]);
const [programs, fuzz] = JSON.parse(process.argv[2]);
compileEach({ programs, target: 'user', emit: 'asm', debug: false });
compile({ entries: [fuzz.entry], output: fuzz.output, target: 'linux', emit: 'asm', debug: false });
`;

/** nasm's object for `asmPath`, and the built-in assembler's, from the same path (the FILE symbol). */
function both(asmPath: string): [Uint8Array, Uint8Array] {
  const ref = asmPath.replace(/\.asm$/, '.nasm.o');
  const r = spawnSync('nasm', ['-f', 'elf64', '-Werror=all', '-o', ref, asmPath], { encoding: 'utf8' });
  expect(r.stderr + (r.error?.message ?? ''), 'nasm').toBe('');
  return [new Uint8Array(readFileSync(ref)), assembleText(readFileSync(asmPath, 'utf8'), asmPath)];
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

  beforeAll(async () => {
    const seeds = Array.from({ length: 40 }, (_, k) => programSeed(4242, k));
    writeFileSync(fuzz.entry, seeds.map((s, k) => generateProgram(s, `p${k}`)).join('\n'));
    await execa(process.execPath, ['--input-type=module', '-e', SCRIPT, PIPELINE, JSON.stringify([programs, fuzz])], { cwd: ROOT });
  }, hangLimit(600_000));

  it('covers every user program', () => expect(programs.length).toBeGreaterThan(40));

  for (const p of programs) {
    it(`user program ${p.output.replace(/.*\//, '')}`, () => {
      const [ref, mine] = both(p.output);
      expect(firstDifference(ref, mine)).toBe(-1);
    }, hangLimit(60_000));
  }

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

describe('what the built-in assembler leaves to nasm', () => {
  const time = <T>(_: string, f: () => T): T => f();
  it('rejects text outside its subset with the line, so that nasm runs instead', () => {
    const text = 'bits 64\nsection .text progbits alloc exec nowrite align=16\n%rep 2\nnop\n%endrep\n';
    expect(() => assembleText(text, 'x.asm')).toThrow(AsmUnsupported);
    expect(() => assembleText(text, 'x.asm')).toThrow(/line 3 \(%rep 2\)/);
    expect(() => assembleText('section .text\n    vaddpd ymm0, ymm1, ymm2\n', 'x.asm')).toThrow(AsmUnsupported);
    // Registers it does not encode must not read as symbols (`mov rax, cs` once became the address of a symbol `cs`).
    for (const r of ['cs', 'ss', 'ds', 'cr1', 'dr7', 'st0', 'mm1']) {
      expect(() => assembleText(`section .text\n    mov rax, ${r}\n`, 'x.asm'), r).toThrow(AsmUnsupported);
    }
    const obj = join(scratch(), 'x.o');
    expect(assembleBuiltin(text, 'x.asm', obj, { debug: false }, time)).toBe(false);
  });

  it('leaves debug builds (DWARF line information) and --assembler nasm to nasm', () => {
    const text = 'bits 64\nsection .text progbits alloc exec nowrite align=16\n    ret\n';
    const obj = join(scratch(), 'y.o');
    expect(assembleBuiltin(text, 'y.asm', obj, { debug: true }, time)).toBe(false);
    expect(assembleBuiltin(text, 'y.asm', obj, { debug: false, assembler: 'nasm' }, time)).toBe(false);
    expect(assembleBuiltin(text, 'y.asm', obj, { debug: false }, time)).toBe(true);
    expect(readFileSync(obj).subarray(0, 4).toString('latin1')).toBe('\x7fELF');
  });
});
