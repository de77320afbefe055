// Attributes (docs/language.md §12): the entry stubs of @interrupt handlers,
// @section and @align placement, @export and @extern symbols, checked on the
// object file tskc writes for the kernel target (its .asm and nm/objdump).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { compile } from '../../compiler/driver/pipeline.js';
import { functionBodies } from '../intrinsics/asmcheck.js';
import { SAVED_REGISTERS } from '../../compiler/x86/interrupts.js';
import { scratch } from '../compiler/programs.js';

const dir = scratch();
const obj = join(dir, 'placement.o');
compile({ entries: [join(import.meta.dirname, 'placement.ts')], target: 'kernel', emit: 'obj', output: obj, debug: false, verifyIr: true });
const asm = readFileSync(join(dir, 'placement.asm'), 'utf8');
const bodies = functionBodies(asm);
const tool = (cmd: string, ...args: string[]): string => spawnSync(cmd, [...args, obj], { encoding: 'utf8' }).stdout;

describe('@interrupt entry stubs', () => {
  it('push a dummy error code only for vectors without one', () => {
    expect(bodies.get('onBreakpoint')![0]).toMatch(/^push 0\b/);
    expect(bodies.get('onPageFault')![0]).toMatch(/^test byte \[rsp \+ 16\], 3\b/); // the CPU pushed one: straight to the ring check
  });

  it('swap GS on the way in and out only when the interrupted code ran in ring 3', () => {
    for (const name of ['onBreakpoint', 'onPageFault']) {
      const b = bodies.get(name)!.map((l) => l.replace(/\s*;.*$/, ''));
      const start = b.indexOf('test byte [rsp + 16], 3'); // the saved CS, above the error code
      expect(b.slice(start, start + 5)).toEqual(['test byte [rsp + 16], 3', 'jz .kernel_in', 'swapgs', '.kernel_in:', 'push rax']);
      expect(b.slice(-6)).toEqual(['add rsp, 8', 'test byte [rsp + 8], 3', 'jz .kernel_out', 'swapgs', '.kernel_out:', 'iretq']);
      expect(b.filter((l) => l === 'swapgs')).toHaveLength(2);
    }
  });

  it('save and restore all 15 general registers around an aligned call of the body', () => {
    for (const name of ['onBreakpoint', 'onPageFault']) {
      const b = bodies.get(name)!.map((l) => l.replace(/\s*;.*$/, ''));
      const pushes = b.filter((l) => /^push r/.test(l)).map((l) => l.slice(5));
      const pops = b.filter((l) => /^pop r/.test(l)).map((l) => l.slice(4));
      expect(pushes).toEqual(SAVED_REGISTERS);
      expect(pops).toEqual([...SAVED_REGISTERS].reverse());
      const call = b.indexOf(`call $${name}.handler`);
      // rdi: the CPU's frame above the 15 registers and the error code; rsi: the error code.
      expect(b.slice(call - 5, call)).toEqual(['lea rdi, [rsp + 128]', 'mov rsi, [rsp + 120]', 'mov rbx, rsp', 'and rsp, -16', 'cld']);
      expect(b.slice(call + 1, call + 2)).toEqual(['mov rsp, rbx']);
      expect(b[b.indexOf('pop rax') + 1]).toBe('add rsp, 8');
    }
  });

  it('own the handler symbol: its value (for IDT gates) is the stub', () => {
    const init = bodies.get('tskc.init')!.join('\n');
    expect(init).toMatch(/lea r\w+, \[rel \$onBreakpoint\]/);
    expect(init).toMatch(/lea r\w+, \[rel \$onPageFault\]/);
    expect(bodies.has('onBreakpoint.handler')).toBe(true);
  });
});

describe('placement and symbols', () => {
  it('puts @section code and data in their sections, with @align', () => {
    const headers = tool('objdump', '-h');
    expect(headers).toMatch(/\.user\.text\s+\S+\s+\S+\s+\S+\s+\S+\s+2\*\*4\s+CONTENTS, ALLOC, LOAD, READONLY, CODE/);
    expect(headers).toMatch(/\.user\.data\s+00000008\s+\S+\s+\S+\s+\S+\s+2\*\*6\s+CONTENTS, ALLOC, LOAD, DATA/);
    expect(headers).toMatch(/\.user\.bss\s+00000008/);
    const syms = tool('objdump', '-t');
    expect(syms).toMatch(/F \.user\.text\s+\S+\s+userCode$/m);
    expect(syms).toMatch(/O \.user\.data\s+\S+\s+userData$/m);
    expect(syms).toMatch(/O \.user\.bss\s+\S+\s+userZero$/m);
  });

  it('names @export symbols as written and leaves @extern ones to the linker', () => {
    const nm = tool('nm');
    expect(nm).toMatch(/ D kernel_counter$/m);
    expect(nm).toMatch(/ T kernel_tick$/m);
    for (const x of ['asm_helper', '__kernel_end', 'boot_value']) expect(nm).toMatch(new RegExp(`^\\s+U ${x}$`, 'm'));
    expect(asm).toMatch(/lea r\w+, \[rel \$__kernel_end\]/);
    expect(asm).toMatch(/mov r\w+, qword \[rel \$boot_value\]/);
    expect(asm).toMatch(/call \$asm_helper/);
  });
});
