// @interrupt handlers under QEMU (docs/language.md §12.2): a test kernel
// (fixtures/exceptions.ts) installs handlers in an IDT built in TypeScript
// and raises int3, #DE, #UD, two #GPs and a #PF. Each report must name the
// right vector and error code, CR2 for the page fault, and the RIP of the
// faulting instruction, found here in kernel.elf's disassembly; int3, #DE
// and #UD must return into the code that raised them. A second kernel
// checks that 200 timer interrupts leave all 15 registers of a loop intact.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { compile } from '../../compiler/driver/pipeline.js';
import { buildImage } from '../../compiler/image/image.js';
import { repoRoot } from '../../compiler/frontend/program.js';
import { runTool } from '../../compiler/driver/toolchain.js';
import { debugExitStatus, useQemu } from '../harness/qemu.js';

const fixtures = join(import.meta.dirname, 'fixtures');

/** A test kernel: fixtures/NAME.ts compiled by tskc, linked with the NASM helper fixtures/NAME.asm. */
function buildTestKernel(name: string): { disk: string; elf: string } {
  const dir = mkdtempSync(join(tmpdir(), `tskc-${name}-`));
  const obj = join(dir, `${name}.o`);
  compile({ entries: [join(fixtures, `${name}.ts`)], target: 'kernel', emit: 'obj', output: obj, debug: false, verifyIr: true });
  const helper = join(dir, `${name}-asm.o`);
  runTool('nasm', ['-f', 'elf64', '-o', helper, join(fixtures, `${name}.asm`)]);
  const img = buildImage({ kernelObjs: [obj, helper], outDir: join(dir, 'out'), root: repoRoot() });
  return { disk: img.diskImage, elf: img.kernelElf };
}

interface Insn { addr: bigint; text: string }

/** The instructions of function `name` in the ELF (from its symbol to `name.end`). */
function instructionsOf(elf: string, name: string): Insn[] {
  const syms = new Map<string, bigint>();
  for (const l of spawnSync('nm', [elf], { encoding: 'utf8' }).stdout.split('\n')) {
    const [a, , s] = l.trim().split(/\s+/);
    if (s) syms.set(s, BigInt('0x' + a));
  }
  const lo = syms.get(name)!, hi = syms.get(`${name}.end`)!;
  const dis = spawnSync('objdump', ['-d', '-M', 'intel', '--no-show-raw-insn', elf], { encoding: 'utf8', maxBuffer: 64 << 20 }).stdout;
  const out: Insn[] = [];
  for (const l of dis.split('\n')) {
    const m = /^\s*([0-9a-f]+):\s+(.*)$/.exec(l); // 16-digit addresses (the top 2 GiB) have no leading spaces
    if (!m) continue;
    const addr = BigInt('0x' + m[1]);
    if (addr >= lo && addr < hi) out.push({ addr, text: m[2].replace(/\s+/g, ' ').trim() });
  }
  return out;
}

function addrOf(elf: string, func: string, re: RegExp): Insn {
  const hit = instructionsOf(elf, func).find((i) => re.test(i.text));
  if (!hit) throw new Error(`no instruction matching ${re} in ${func}`);
  return hit;
}

interface Report { vec: bigint; err: bigint; rip: bigint; cr2: bigint; cs: bigint }

function reports(serial: string): Report[] {
  return [...serial.matchAll(/vec=(\S+) err=(\S+) rip=(\S+) cr2=(\S+) cs=(\S+)/g)].map((m) => ({
    vec: BigInt(m[1]), err: BigInt(m[2]), rip: BigInt(m[3]), cr2: BigInt(m[4]), cs: BigInt(m[5]),
  }));
}

describe('exceptions reach @interrupt handlers', () => {
  const k = buildTestKernel('exceptions');

  it('reports vector, error code, RIP and CR2, returns where it should, and exits', async () => {
    const vm = await useQemu({ image: k.disk });
    const serial = await vm.waitForSerial('all exceptions handled');
    expect(await vm.waitForExit()).toBe(debugExitStatus(0x10));
    for (const m of ['int3 returned', 'div returned', 'ud2 returned']) expect(serial).toContain(m);
    for (const m of ['did not fault']) expect(serial).not.toContain(m);
    const r = reports(serial);
    expect(r.map((x) => [x.vec, x.err])).toEqual([[3n, 0n], [0n, 0n], [6n, 0n], [13n, 0x28n], [13n, 0n], [14n, 2n]]);
    expect(r.every((x) => x.cs === 0x08n)).toBe(true);

    const int3 = addrOf(k.elf, 'faultBreakpoint', /^int3$/);
    expect(r[0].rip).toBe(int3.addr + 1n); // a trap: rip is past the int3
    const div = spawnSync('nm', [k.elf], { encoding: 'utf8' }).stdout.match(/^([0-9a-f]+) T div_zero_fault$/m)!;
    expect(r[1].rip).toBe(BigInt('0x' + div[1]));
    expect(r[2].rip).toBe(addrOf(k.elf, 'faultInvalidOpcode', /^ud2$/).addr);
    expect(r[3].rip).toBe(addrOf(k.elf, 'faultSelector', /^ltr /).addr);
    // The non-canonical load and the page-faulting store: the memory access itself.
    expect(r[4].rip).toBe(addrOf(k.elf, 'faultNonCanonical', /^mov r\w+,QWORD PTR \[r\w+\]$/).addr);
    expect(r[5].rip).toBe(addrOf(k.elf, 'faultPage', /^mov QWORD PTR \[r\w+\],/).addr);
    expect(r[5].cr2).toBe(0x50000008n);
  });
});

describe('a TypeScript timer handler preserves the interrupted registers', () => {
  const k = buildTestKernel('registers');

  it('leaves all 15 general registers of a spinning loop intact over 200 interrupts', async () => {
    const vm = await useQemu({ image: k.disk });
    await vm.waitForSerial(/registers intact|register \w changed/);
    const exit = await vm.waitForExit();
    expect(vm.serial()).toContain('registers intact');
    expect(vm.serial()).toContain('ticks ok');
    expect(exit).toBe(debugExitStatus(0x10));
  });
});
