// tskc symbolize: the function and TS file:line:col of addresses, read from
// the program's debug table. A linux program's faulting instruction (the pc
// gdb reports at SIGSEGV) maps to the TS line of the faulting store; on a -g
// kernel every instruction's line agrees with the DWARF line information
// (addr2line), and every function symbol maps to its own name.
import { describe, expect, it } from 'vitest';
import { hangLimit } from '../harness/timing.js';
import { execa } from 'execa';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { compile } from '../../compiler/driver/pipeline.js';
import { buildKernelImageAsync } from '../harness/build.js';
import { symbolize } from '../../compiler/debug/symbolize.js';
import { CompileError } from '../../compiler/diag/diagnostic.js';
import { markedLine } from './markers.js';
import { expectDocOutput } from '../docs/output.js';

const fixtures = resolve(__dirname, 'fixtures');

describe('tskc symbolize', () => {
  it('names the TS line of a faulting instruction in a linux program', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tskc-sym-'));
    const src = join(fixtures, 'fault.ts');
    const exe = join(dir, 'fault');
    compile({ entries: [src], target: 'linux', emit: 'exe', output: exe, debug: false, verifyIr: true });
    const r = await execa('gdb', ['-batch', '-nx', '-ex', 'run', '-ex', 'printf "PC=%lx\\n", $pc', exe], { reject: false, timeout: hangLimit(60_000) });
    if ((r as { code?: string }).code === 'ENOENT') throw new Error('gdb is not installed: run node compiler/setup/bootstrap.js');
    expect(r.stdout, r.stdout + r.stderr).toContain('SIGSEGV');
    const pc = /PC=([0-9a-f]+)/.exec(r.stdout)![1];
    const [line] = symbolize(exe, [`0x${pc}`]);
    expect(line).toMatch(new RegExp(`^0x${pc}: poke\\+0x[0-9a-f]+ at \\S*fault\\.ts:${markedLine(src, 'fault')}:\\d+$`));
  }, hangLimit(90_000));

  it('names the inlined function and the call it was copied into', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tskc-sym-'));
    const src = join(fixtures, 'inlined.ts');
    const exe = join(dir, 'inlined');
    compile({ entries: [src], target: 'linux', emit: 'exe', output: exe, debug: false, verifyIr: true });
    const r = await execa('gdb', ['-batch', '-nx', '-ex', 'run', '-ex', 'printf "PC=%lx\\n", $pc', exe], { reject: false, timeout: hangLimit(60_000) });
    expect(r.stdout, r.stdout + r.stderr).toContain('SIGSEGV');
    const pc = /PC=([0-9a-f]+)/.exec(r.stdout)![1];
    const [line] = symbolize(exe, [`0x${pc}`]);
    const at = (marker: string): string => `\\S*inlined\\.ts:${markedLine(src, marker)}:\\d+`;
    expect(line).toMatch(new RegExp(`^0x${pc}: poke at ${at('fault')} \\(inlined into run\\+0x[0-9a-f]+ at ${at('call')}\\)$`));
  }, hangLimit(90_000));

  it('agrees with the DWARF line information and the symbol table of a -g kernel', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tskc-sym-'));
    const img = await buildKernelImageAsync({ outDir: dir, debug: true, entry: join(fixtures, 'chain.ts'), quiet: true });
    // Every instruction of the TS functions (the _start stub has no TS lines).
    const dis = (await execa('objdump', ['-d', '--no-show-raw-insn', img.kernelElf])).stdout;
    const addrs: string[] = [];
    let inTs = false;
    for (const l of dis.split('\n')) {
      const head = /^[0-9a-f]+ <([^>]+)>:$/.exec(l);
      // Not the stub, and not the alignment padding after a function's `.end`.
      if (head) inTs = !/^(_start|__tskc_text_base)\b/.test(head[1]) && !head[1].endsWith('.end');
      const m = /^ *([0-9a-f]+):\t/.exec(l); // 16-digit addresses (the top 2 GiB) have no leading spaces
      if (m && inTs) addrs.push(`0x${m[1]}`);
    }
    expect(addrs.length).toBeGreaterThan(50);
    const ours = symbolize(img.kernelElf, addrs);
    const dwarf = (await execa('addr2line', ['-e', img.kernelElf, ...addrs])).stdout.split('\n');
    // Inlined code: DWARF has the copied function's line, which ours gives before `(inlined into …)`.
    const own = (s: string): string => s.replace(/ \(inlined into .*\)$/, '');
    const lineOf = (s: string): string => /:(\d+)(?::\d+)?$/.exec(own(s))?.[1] ?? '?';
    const fileOf = (s: string): string => /([^/ ]+\.ts):\d+/.exec(own(s))?.[1] ?? '?';
    ours.forEach((o, i) => {
      // NASM starts a DWARF row only when the line number changes, so where a function of
      // one file ends on line N and the next function, in another file, starts on line N too,
      // DWARF keeps the first file until the line changes (`%line` is right in the .asm).
      const nasmSameLine = lineOf(o) === lineOf(dwarf[i]) && lineOf(o) !== '?';
      if (nasmSameLine && fileOf(o) !== fileOf(dwarf[i])) return;
      expect(`${fileOf(o)}:${lineOf(o)}`, `${o} vs DWARF ${dwarf[i]}`).toBe(`${fileOf(dwarf[i])}:${lineOf(dwarf[i])}`);
    });
    // docs/debugging.md's example: the first address of leaf's @break line and of middle's @call line.
    const chain = join(fixtures, 'chain.ts');
    const first = (fn: string, marker: string): string => ours.find((o) => o.includes(`: ${fn}+`) && o.includes(`chain.ts:${markedLine(chain, marker)}:`))!;
    expectDocOutput('symbolize-chain', symbolize(img.kernelElf, [first('leaf', 'break'), first('middle', 'call')].map((o) => o.split(':')[0]!)).join('\n'));
    // Function symbols: each start address is the function itself, at offset 0.
    const nm = (await execa('nm', ['--defined-only', img.kernelElf])).stdout.split('\n')
      .map((l) => l.split(' ')).filter((p) => p[1] === 'T' && !p[2].startsWith('__'));
    expect(nm.map((p) => p[2])).toEqual(expect.arrayContaining(['leaf', 'middle', 'top', 'tskc.init', '_start']));
    const named = symbolize(img.kernelElf, nm.map((p) => `0x${p[0]}`));
    named.forEach((l, i) => expect(l).toMatch(new RegExp(`^0x[0-9a-f]+: ${nm[i][2].replace(/[.$]/g, '\\$&')}( |$)`)));
  }, hangLimit(90_000));

  it('rejects what is not an address with TSK1100, and marks addresses outside every function', () => {
    expect(() => symbolize('/nonexistent', ['0x1000', 'main.ts'])).toThrow(CompileError);
    const dir = mkdtempSync(join(tmpdir(), 'tskc-sym-'));
    const exe = join(dir, 'fault');
    compile({ entries: [join(fixtures, 'fault.ts')], target: 'linux', emit: 'exe', output: exe, debug: false });
    expect(symbolize(exe, ['0x10'])).toEqual(['0x10: ?? (no function contains this address)']);
  }, hangLimit(60_000));
});
