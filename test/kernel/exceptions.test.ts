// CPU exceptions in kernel code: a test build (kernel/config.ts) raises
// each on a console command (kernel/testing/commands.ts) and must report
// it in the exact format of kernel/interrupts/report.ts (name, vector,
// error code, RIP named as the TS function and file:line of the faulting
// statement, CR2 for #PF, the registers) and then exit QEMU with the panic
// status. W^X and NX are the real kernel's page tables at work: a write to
// .text and a call into the heap. The expected lines are found in the
// command file's source, so the test follows edits of that file.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../compiler/frontend/program.js';
import { expectDocOutput } from '../docs/output.js';
import { PANIC_EXIT_STATUS, bootTestKernel, sendCommand, testKernelBuild } from './kernel.js';

const COMMANDS = 'kernel/testing/commands.ts';
const source = readFileSync(join(repoRoot(), COMMANDS), 'utf8').split('\n');

/** The 1-based line of the only line of the command file containing `text`. */
function lineOf(text: string): number {
  const hits = source.flatMap((l, i) => (l.includes(text) ? [i + 1] : []));
  expect(hits, text).toHaveLength(1);
  return hits[0]!;
}

const hex16 = (v: bigint): string => `0x${v.toString(16).padStart(16, '0')}`;

/** The address of symbol `name` in the test build's kernel.elf. */
let testElf = '';
beforeAll(async () => {
  testElf = (await testKernelBuild()).kernelElf;
});

function sym(name: string): bigint {
  const nm = spawnSync('nm', [testElf], { encoding: 'utf8' }).stdout;
  const m = new RegExp(`^([0-9a-f]+) \\w ${name}$`, 'm').exec(nm);
  if (!m) throw new Error(`no symbol ${name} in kernel.elf`);
  return BigInt('0x' + m[1]);
}

// Page-fault error code bits: present, write, instruction fetch.
const P = 0x1n, W = 0x2n, I = 0x10n;

interface Case {
  command: string;
  first: string;
  fn: string;
  statement: string;
  /** The exact cr2 line, if the exception has one. */
  cr2?: () => string;
}

const CASES: Case[] = [
  { command: 'fault de', first: '#DE divide error (vector 0) error=' + hex16(0n), fn: 'faultDivide', statement: "'div ecx'" },
  { command: 'fault ud', first: '#UD invalid opcode (vector 6) error=' + hex16(0n), fn: 'faultInvalidOpcode', statement: 'ud2();' },
  { command: 'fault gp', first: '#GP general protection (vector 13) error=' + hex16(0n), fn: 'faultGeneralProtection', statement: 'volatileLoad<u64>(NON_CANONICAL)' },
  // A write (bit 1) to a page that is not present (bit 0 clear), in ring 0.
  { command: 'fault pf', first: '#PF page fault (vector 14) error=' + hex16(W), fn: 'faultPage', statement: 'store<u64>(UNMAPPED, 1)', cr2: () => '  cr2=0x0000700000001008' },
  // W^X: a write to a present, read-only page of .text (WP binds ring 0), at the function's first byte.
  {
    command: 'fault wx', first: '#PF page fault (vector 14) error=' + hex16(P | W), fn: 'faultWriteText',
    statement: 'store<u8>(changetype<usize>(faultWriteText)', cr2: () => `  cr2=${hex16(sym('faultWriteText'))}`,
  },
];

/** What the kernel wrote from `command` on (the exit status checked): the lines before the report and the report's. */
async function faultOutput(command: string): Promise<{ before: string; lines: string[] }> {
  const vm = await bootTestKernel();
  const at = await sendCommand(vm, command);
  expect(await vm.waitForExit()).toBe(PANIC_EXIT_STATUS);
  const text = vm.serial().slice(at).replace(/\r\n/g, '\n');
  const start = text.indexOf('kernel exception: ');
  expect(start, text).toBeGreaterThanOrEqual(0);
  return { before: text.slice(0, start), lines: text.slice(start).split('\n') };
}

async function faultReport(command: string): Promise<string[]> {
  return (await faultOutput(command)).lines;
}

function expectRegisters(lines: string[]): void {
  const all = lines.join('\n');
  for (const r of ['rax', 'rbx', 'rcx', 'rdx', 'rsi', 'rdi', 'rbp', 'rsp', 'r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15', 'rflags', 'cs', 'ss']) {
    expect(all).toMatch(new RegExp(` ${r}=0x[0-9a-f]{16}\\b`));
  }
  expect(all).toMatch(/ cs=0x0000000000000008\b/); // the kernel's code selector: a kernel-mode fault
}

describe('kernel exceptions (test build)', () => {
  for (const c of CASES) {
    it(`${c.command}: reports ${c.first.split(' (')[0]} at the faulting TS line and exits`, async () => {
      const lines = await faultReport(c.command);
      expect(lines[0]).toBe(`kernel exception: ${c.first}`);
      // The fault functions are small: when the inliner copied one into testCommand, the report says so, with the call's line.
      const inlined = ` \\(inlined into testCommand at ${COMMANDS}:${lineOf(`'${c.command}')) ${c.fn}()`)}\\)`;
      expect(lines[1]).toMatch(new RegExp(`^ {2}rip=0x[0-9a-f]+ ${c.fn} at ${COMMANDS}:${lineOf(c.statement)}(${inlined})?$`));
      if (c.cr2) expect(lines[2]).toBe(c.cr2());
      else expect(lines[2]).not.toMatch(/cr2=/);
      expectRegisters(lines);
      if (c.command === 'fault pf') expectDocOutput('kernel-fault-pf', lines.join('\n')); // the example of docs/interrupts.md
    });
  }

  it('fault nx: a call into the heap is an instruction-fetch #PF at the heap address, with the TS call that went there', async () => {
    const { before, lines } = await faultOutput('fault nx');
    const m = /nx code at (0x[0-9a-f]+)\n/.exec(before);
    expect(m, before).not.toBeNull();
    const code = BigInt(m![1]);
    expect(code >= 0xffff_8000_0000_0000n && code < sym('__kernel_start')).toBe(true); // heap memory: the direct map, below the kernel image
    expect(lines[0]).toBe(`kernel exception: #PF page fault (vector 14) error=${hex16(P | I)}`);
    // The fetch faulted: rip is the heap byte itself (no TS code there), and cr2 is the same address.
    expect(lines[1]).toBe(`  rip=0x${code.toString(16)} ??`);
    expect(lines[2]).toBe(`  cr2=${hex16(code)}`);
    expect(lines[3]).toMatch(new RegExp(`^ {2}called from 0x[0-9a-f]+ faultExecuteHeap at ${COMMANDS}:${lineOf("asm('call {code}'")}$`));
    expectRegisters(lines);
  });

  it('fault stack: a kernel stack overflow is reported (guard page, #DF on IST1), not a triple fault', async () => {
    const lines = await faultReport('fault stack');
    // Pushing the #PF frame onto the full stack faults again: a double fault, on its own stack.
    expect(lines[0]).toBe(`kernel exception: #DF double fault (vector 8) error=${hex16(0n)}`);
    // The push that hits the guard page is the call's return address or the prologue's rbp: either line of recurse.
    const lines_ = [lineOf('function recurse('), lineOf('return recurse(depth + 1)')].join('|');
    expect(lines[1]).toMatch(new RegExp(`^ {2}rip=0x[0-9a-f]+ recurse at ${COMMANDS}:(${lines_})$`));
    expect(lines[2]).toMatch(/^ {2}cr2=0x[0-9a-f]{16}$/);
    expect(lines[3]).toBe('  guard page of the kernel boot stack hit: stack overflow');
    expectRegisters(lines);
  });
});
